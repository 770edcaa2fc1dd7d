/** display: everything a notebook shows — MIME bundles, plotly figures (offline), rich text, tables, live progress. */
export * from './emit';
export * from './plotly';
export * from './figures';
export * from './rich';
export * from './progress';
export * from './overlays';
