/**
 * Figures of the IWAE notebooks, built on `display.linePlot` (plotly figures): L_K against K with error bars and the
 * log p(x) line; the estimator's variance against K; q, the posterior and q_K in 1-D; IWAE vs VAE training curves.
 */
import { describe } from '../core/validate';
import { Figure } from '../display/plotly';
import { linePlot, Series } from '../display/figures';
import { IwaeBoundEstimate } from './bound';

function checkEstimates(fn: string, est: unknown): asserts est is IwaeBoundEstimate[] {
  if (!Array.isArray(est) || est.length === 0 || est.some((e) => !e || typeof e.K !== 'number' || typeof e.value !== 'number')) {
    throw new TypeError(`${fn}: estimates must be a non-empty array from iwae.iwaeSweep / iwaeBound (got ${describe(est)})`);
  }
}

/**
 * L_K against K (log K axis): Monte Carlo means with ±2 SE error bars, optionally the exact values, and the log p(x) line
 * (001 §4: L_1 ≤ L_K ≤ log p(x); Burda et al. 2016 Theorem 1).
 */
export function boundVsKFigure(estimates: IwaeBoundEstimate[], opts: { logEvidence?: number; exact?: { K: number[]; value: number[] }; title?: string } = {}): Figure {
  checkEstimates('boundVsKFigure', estimates);
  const Ks = estimates.map((e) => e.K);
  const series: Series[] = [{ x: Ks, y: estimates.map((e) => e.value), name: 'L_K (Monte Carlo, ±2 SE)', mode: 'markers' }];
  if (opts.exact) series.push({ x: opts.exact.K, y: opts.exact.value, name: 'L_K (exact, quadrature)', dash: 'dot' });
  if (opts.logEvidence !== undefined) series.push({ x: [Math.min(...Ks), Math.max(...Ks)], y: [opts.logEvidence, opts.logEvidence], name: 'log p(x)', dash: 'dash' });
  const fig = linePlot(series, { logX: true, xLabel: 'K (log scale)', yLabel: 'nats', title: opts.title ?? 'The importance-weighted bound L_K', legend: true });
  fig.data[0].error_y = { type: 'data', array: estimates.map((e) => 2 * e.stdError), visible: true };
  return fig;
}

/** Variance of the single-draw estimator L̂_K against K (log–log), with a K⁻¹ reference line through the first point. */
export function varianceVsKFigure(estimates: IwaeBoundEstimate[], opts: { title?: string } = {}): Figure {
  checkEstimates('varianceVsKFigure', estimates);
  const Ks = estimates.map((e) => e.K);
  const v0 = estimates[0].variance * Ks[0];
  return linePlot(
    [
      { x: Ks, y: estimates.map((e) => e.variance), name: 'Var[L̂_K]', mode: 'lines+markers' },
      { x: Ks, y: Ks.map((k) => v0 / k), name: '∝ 1/K', dash: 'dot' },
    ],
    { logX: true, logY: true, xLabel: 'K', yLabel: 'variance (nats²)', title: opts.title ?? 'Variance of the single-draw estimator', legend: true },
  );
}

/** Densities on a common grid: q, the exact posterior and q_K for several K (001 §4 question 2; Cremer et al. 2017 Fig. 1). */
export function densitiesFigure(z: number[], curves: { name: string; density: number[]; dash?: Series['dash'] }[], opts: { title?: string } = {}): Figure {
  if (!Array.isArray(curves) || curves.length === 0) throw new TypeError(`densitiesFigure: curves must be a non-empty array of { name, density } (got ${describe(curves)})`);
  return linePlot(
    curves.map((c) => ({ x: z, y: c.density, name: c.name, dash: c.dash })),
    { xLabel: 'z', yLabel: 'density', title: opts.title ?? 'The proposal q, the posterior and the refined q_K', legend: true },
  );
}
