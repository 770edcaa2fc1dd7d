/** Figure helpers: histogram against a density. */
import { describe } from '../../core/validate';
import { Figure, Trace } from '../plotly';
import { finiteNumbers, interval, positiveInt } from '../check';
import { CommonOptions, baseLayout, withWarnings } from './common';
import { curve } from './line';
import { scatter } from './scatter';

export interface HistogramOptions extends CommonOptions {
  /** Number of bins (default: ⌈√n⌉ clamped to [5, 80]). */
  bins?: number;
  /** Bin range (default: [min, max] of the samples). Samples outside are counted and reported in a warning. */
  range?: [number, number];
  /** A density to draw on top: a function of x (evaluated on 200 points) or tabulated {x, y}. */
  density?: ((x: number) => number) | { x: ArrayLike<number>; y: ArrayLike<number> };
  densityName?: string;
  name?: string;
  /** 'density' (default: bar areas sum to 1, comparable to a pdf) or 'count'. */
  norm?: 'density' | 'count';
}

/** Bin edges, counts and heights of a histogram (exposed for tests). */
export function histogramBins(samples: number[], bins: number, range: [number, number], norm: 'density' | 'count') {
  const [a, b] = range;
  const w = (b - a) / bins;
  const counts = new Array<number>(bins).fill(0);
  let outside = 0;
  for (const s of samples) {
    if (s < a || s > b) {
      outside++;
      continue;
    }
    const i = Math.min(bins - 1, Math.floor((s - a) / w));
    counts[i]++;
  }
  const centers = counts.map((_, i) => a + (i + 0.5) * w);
  const heights = norm === 'density' ? counts.map((c) => c / (samples.length * w)) : counts.slice();
  return { edges: Array.from({ length: bins + 1 }, (_, i) => a + i * w), centers, counts, heights, width: w, outside };
}

/** Histogram of samples, optionally against a density curve (for "samples vs. the true pdf" figures). */
export function histogram(samples: ArrayLike<number>, opts: HistogramOptions = {}): Figure {
  const fn = 'histogram';
  const xs = finiteNumbers(fn, 'samples', samples);
  const norm = opts.norm ?? 'density';
  if (norm !== 'density' && norm !== 'count') throw new RangeError(`${fn}: opts.norm must be "density" or "count" (got ${describe(norm)})`);
  const bins = opts.bins === undefined ? Math.max(5, Math.min(80, Math.ceil(Math.sqrt(xs.length)))) : positiveInt(fn, 'opts.bins', opts.bins, 10000);
  let range: [number, number];
  if (opts.range !== undefined) range = interval(fn, 'opts.range', opts.range);
  else {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of xs) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    range = lo < hi ? [lo, hi] : [lo - 0.5, hi + 0.5];
  }
  const h = histogramBins(xs, bins, range, norm);
  const warnings: string[] = [];
  if (h.outside) warnings.push(`${h.outside} of ${xs.length} samples lie outside opts.range [${range[0]}, ${range[1]}] and are not drawn`);
  const data: Trace[] = [
    {
      type: 'bar',
      x: h.centers,
      y: h.heights,
      width: h.centers.map(() => h.width),
      name: opts.name ?? 'samples',
      marker: { color: 'rgba(31,119,180,0.55)', line: { color: 'rgba(31,119,180,1)', width: 1 } },
    },
  ];
  if (opts.density !== undefined) {
    let dx: number[];
    let dy: number[];
    if (typeof opts.density === 'function') {
      const f = opts.density;
      dx = Array.from({ length: 200 }, (_, i) => range[0] + ((range[1] - range[0]) * i) / 199);
      dy = dx.map((x) => f(x));
      dy.forEach((v, i) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${fn}: opts.density(${dx[i]}) must be a finite number (got ${describe(v)})`);
      });
    } else if (opts.density && typeof opts.density === 'object') {
      dy = finiteNumbers(fn, 'opts.density.y', opts.density.y);
      dx = finiteNumbers(fn, 'opts.density.x', opts.density.x, dy.length);
    } else {
      throw new TypeError(`${fn}: opts.density must be a function or {x, y} (got ${describe(opts.density)})`);
    }
    if (norm === 'count') dy = dy.map((v) => v * xs.length * h.width);
    data.push({ type: 'scatter', mode: 'lines', x: dx, y: dy, name: opts.densityName ?? 'density', line: { color: '#d62728', width: 2 } });
  }
  const layout = baseLayout({ yLabel: norm === 'density' ? 'density' : 'count', ...opts }, { bargap: 0, showlegend: data.length > 1 });
  return withWarnings({ data, layout }, warnings);
}
