/**
 * Figures of the EBM notebooks, built on the display layer: exact distribution vs sampled frequencies, log-likelihood
 * during training, RBM weight filters and images as grids, the joint table as a heatmap, AIS estimates vs exact log Z.
 */
import { barChart, heatmap, imageGrid, linePlot, Series } from '../display/figures';
import type { Figure } from '../display/plotly';
import { assertInteger, assertVector, describe } from '../core/validate';
import { Rbm, checkRbm, rbmJoint } from './rbm';

function binaryLabels(n: number, d: number): string[] {
  return Array.from({ length: n }, (_, s) => s.toString(2).padStart(d, '0'));
}

/** Bars of an exact distribution over 2^d binary states next to sampled frequencies (e.g. 000 O-34, 003 block Gibbs). */
export function distributionVsSampled(exact: ArrayLike<number>, sampled: ArrayLike<number>, opts: { title?: string; sampledName?: string } = {}): Figure {
  const fn = 'distributionVsSampled';
  assertVector(fn, 'exact', exact);
  assertVector(fn, 'sampled', sampled, exact.length);
  const d = Math.round(Math.log2(exact.length));
  if (2 ** d !== exact.length) throw new RangeError(`${fn}: exact must have 2^d entries (got length ${exact.length})`);
  const labels = binaryLabels(exact.length, d);
  return barChart(
    [
      { labels, values: exact, name: 'exact (enumeration)' },
      { labels, values: sampled, name: opts.sampledName ?? 'sampled frequency' },
    ],
    { title: opts.title ?? 'Exact distribution vs sampled frequencies', xLabel: 'state', yLabel: 'probability' },
  );
}

/** Average log-likelihood against step/epoch for several training rules; an optional horizontal reference line. */
export function logLikCurves(curves: { name: string; x?: ArrayLike<number>; y: ArrayLike<number> }[], opts: { title?: string; xLabel?: string; reference?: { name: string; value: number } } = {}): Figure {
  const fn = 'logLikCurves';
  if (!Array.isArray(curves) || curves.length === 0) throw new TypeError(`${fn}: curves must be a non-empty array of {name, y} (got ${describe(curves)})`);
  const series: Series[] = curves.map((c) => ({ name: c.name, x: c.x, y: c.y }));
  if (opts.reference) {
    const xs = curves[0].x ? Array.from(curves[0].x) : Array.from({ length: curves[0].y.length }, (_, i) => i);
    series.push({ name: opts.reference.name, x: [xs[0], xs[xs.length - 1]], y: [opts.reference.value, opts.reference.value], dash: 'dash', color: '#7f7f7f' });
  }
  return linePlot(series, { title: opts.title ?? 'Average log-likelihood during training', xLabel: opts.xLabel ?? 'step', yLabel: 'average log-likelihood (nats)' });
}

/** The rows of W (one per hidden unit) as images — the RBM's "filters" — on a symmetric grey scale. */
export function rbmFilters(rbm: Rbm, opts: { width: number; height: number; count?: number; title?: string; cols?: number }): Figure {
  const fn = 'rbmFilters';
  checkRbm(fn, rbm);
  assertInteger(fn, 'opts.width', opts?.width, 1, 4096);
  assertInteger(fn, 'opts.height', opts.height, 1, 4096);
  if (opts.width * opts.height !== rbm.b.length) throw new RangeError(`${fn}: opts.width × opts.height must equal the ${rbm.b.length} visible units (got ${opts.width} × ${opts.height})`);
  const count = Math.min(opts.count ?? rbm.W.length, rbm.W.length);
  const rows = rbm.W.slice(0, count);
  const a = Math.max(1e-12, ...rows.map((r) => Math.max(...r.map(Math.abs))));
  return imageGrid(rows, { imageWidth: opts.width, imageHeight: opts.height, range: [-a, a], title: opts.title ?? `Weight filters (rows of W, grey = 0, range ±${a.toFixed(2)})`, cols: opts.cols });
}

/** Images (flattened, values in [0, 1]) in a grid, with optional captions: data, reconstructions, samples. */
export function rbmImages(images: ArrayLike<number>[], opts: { width: number; height: number; title?: string; titles?: string[]; cols?: number }): Figure {
  const fn = 'rbmImages';
  if (!Array.isArray(images) || images.length === 0) throw new TypeError(`${fn}: images must be a non-empty array of flattened images (got ${describe(images)})`);
  assertInteger(fn, 'opts.width', opts?.width, 1, 4096);
  assertInteger(fn, 'opts.height', opts.height, 1, 4096);
  return imageGrid(images, { imageWidth: opts.width, imageHeight: opts.height, title: opts.title, titles: opts.titles, cols: opts.cols });
}

/** The joint p(v, h) of a small RBM as a heatmap (rows v, columns h, binary labels). */
export function rbmJointHeatmap(rbm: Rbm, opts: { title?: string } = {}): Figure {
  const J = rbmJoint(rbm);
  const m = rbm.b.length;
  const n = rbm.c.length;
  return heatmap(J, { title: opts.title ?? 'Joint p(v, h) by enumeration', x: binaryLabels(1 << n, n), y: binaryLabels(1 << m, m), xLabel: 'h', yLabel: 'v', digits: 3 });
}

/** AIS estimates (with ±2 SE bars) against the number of intermediate distributions, with the exact log Z as a line. */
export function aisFigure(points: { K: number; logZ: number; se: number }[], exactLogZ: number, opts: { title?: string } = {}): Figure {
  const fn = 'aisFigure';
  if (!Array.isArray(points) || points.length === 0) throw new TypeError(`${fn}: points must be a non-empty array of {K, logZ, se} (got ${describe(points)})`);
  const K = points.map((p) => p.K);
  const fig = linePlot(
    [
      { name: 'AIS estimate of log Z', x: K, y: points.map((p) => p.logZ), mode: 'markers' },
      { name: 'exact log Z (enumeration)', x: [Math.min(...K), Math.max(...K)], y: [exactLogZ, exactLogZ], dash: 'dash', color: '#7f7f7f' },
    ],
    { title: opts.title ?? 'AIS estimates against the exact log Z', xLabel: 'number of intermediate distributions K', yLabel: 'log Z', logX: true },
  );
  (fig.data[0] as Record<string, unknown>).error_y = { type: 'data', array: points.map((p) => 2 * p.se), visible: true };
  return fig;
}
