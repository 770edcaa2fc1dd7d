/** display: everything a notebook shows — MIME bundles, figures, progress. */
export * from './emit';
