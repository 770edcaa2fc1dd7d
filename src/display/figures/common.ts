/** Shared pieces of the figure helpers: common options, the palette, the base layout and visible warnings. */
import { Figure, Frame, Layout, Trace } from '../plotly';
import { describeNonFinite, finiteNumbers, func, interval, isArrayLike, nonEmptyArray, numbers, positive, positiveInt } from '../check';

/** Options every helper takes. */
export interface CommonOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Pixel width (default: the output's width). */
  width?: number;
  /** Pixel height (default 420). */
  height?: number;
}

export const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** Base layout from the common options. */
export function baseLayout(opts: CommonOptions, extra: Layout = {}): Layout {
  const layout: Layout = {
    margin: { l: 60, r: 20, t: opts.title ? 50 : 20, b: 50 },
    height: opts.height ?? 420,
    xaxis: { title: opts.xLabel ? { text: opts.xLabel } : undefined, automargin: true },
    yaxis: { title: opts.yLabel ? { text: opts.yLabel } : undefined, automargin: true },
    ...extra,
  };
  if (opts.title) layout.title = { text: opts.title };
  if (opts.width !== undefined) layout.width = opts.width;
  return layout;
}

/**
 * Attach warnings to a figure: listed on the figure (shown in full above it) and, in the short form `notes`, as an
 * annotation inside the plot (the only place a frontend that draws the plotly JSON directly shows them).
 */
export function withWarnings(fig: Figure, warnings: string[], notes: string[] = warnings): Figure {
  if (warnings.length === 0) return fig;
  fig.warnings = warnings;
  const annotations = ((fig.layout.annotations as unknown[]) ?? []).slice();
  annotations.push({
    text: '⚠ ' + notes.map((w) => w.replace(/&/g, '&amp;').replace(/</g, '&lt;')).join('<br>⚠ '),
    xref: 'paper',
    yref: 'paper',
    x: 0,
    y: 1,
    xanchor: 'left',
    yanchor: 'top',
    align: 'left',
    showarrow: false,
    font: { size: 11, color: '#9a5b00' },
    bgcolor: 'rgba(255,244,224,0.9)',
  });
  fig.layout.annotations = annotations;
  return fig;
}

export function extent(values: number[][], pad = 0.05): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const vs of values) for (const v of vs) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo < hi)) return [lo - 1, hi + 1];
  const d = (hi - lo) * pad;
  return [lo - d, hi + d];
}
