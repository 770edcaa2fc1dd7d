/**
 * How random-walk Metropolis mixes (002 §4.4.1, L827 and remark 002-E65; 002 §4.5): on a bimodal target a small
 * step stays in the mode it starts in, and on N(0, I_d) with the step 2.38/√d (Roberts, Gelman & Gilks 1997) the
 * integrated autocorrelation time grows roughly linearly in d — MCMC scales better than rejection or importance
 * sampling, but its cost per effective sample still grows with the dimension.
 */
import { assertInteger, assertPositive, describe } from '../core/validate';
import { rng as makeRng } from '../core/rng';
import { logSumExp } from '../core/special';
import { histogram } from '../display/figures';
import { linePlot } from '../display/figures';
import type { Figure } from '../display/plotly';
import { coordinate, randomWalkMetropolis } from './mh';
import { integratedAutocorrTime } from './diagnostics';

/** log of the mixture ½N(−μ, 1) + ½N(μ, 1) at x (normalised). */
export function bimodalLogDensity(x: number, mu: number): number {
  return logSumExp([-0.5 * (x + mu) ** 2, -0.5 * (x - mu) ** 2]) - Math.log(2) - 0.5 * Math.log(2 * Math.PI);
}

/** A random-walk Metropolis run on ½N(−μ, 1) + ½N(μ, 1) from x0 = −μ: the chain, its acceptance rate and the time spent right of 0. */
export function rwmOnBimodal(opts: { mu?: number; step?: number; nSteps: number; seed: number }): { mu: number; step: number; chain: Float64Array; acceptRate: number; fractionRight: number } {
  const fn = 'rwmOnBimodal';
  const mu = opts.mu ?? 3;
  const step = opts.step ?? 0.5;
  assertPositive(fn, 'mu', mu);
  assertPositive(fn, 'step', step);
  assertInteger(fn, 'nSteps', opts.nSteps, 1);
  assertInteger(fn, 'seed', opts.seed, 0);
  const r = randomWalkMetropolis({ logTarget: (x) => bimodalLogDensity(x[0], mu), x0: [-mu], stepSize: step, nSteps: opts.nSteps, rng: makeRng(opts.seed) });
  const chain = coordinate(r, 0);
  let right = 0;
  for (const v of chain) if (v > 0) right++;
  return { mu, step, chain, acceptRate: r.acceptRate, fractionRight: right / chain.length };
}

/** The trace of a bimodal run: the chain against the step, with the two modes marked by the title. */
export function bimodalTraceFigure(run: { mu: number; step: number; chain: ArrayLike<number> }): Figure {
  return linePlot({ y: run.chain, name: `step ${run.step}` }, { title: `Random-walk Metropolis on ½N(−${run.mu}, 1) + ½N(${run.mu}, 1), step ${run.step}: the trace`, xLabel: 'step t', yLabel: 'x_t' });
}

/** The histogram of a bimodal run against the target density. */
export function bimodalHistogramFigure(run: { mu: number; step: number; chain: ArrayLike<number> }): Figure {
  const mu = run.mu;
  return histogram(run.chain, { bins: 60, range: [-mu - 4, mu + 4], density: (x) => Math.exp(bimodalLogDensity(x, mu)), densityName: 'target', name: 'chain', title: `Where the chain spent its time (step ${run.step}) against the target`, xLabel: 'x', yLabel: 'density' });
}

/** τ of coordinate 1 for random-walk Metropolis on N(0, I_d), step 2.38/√d, started at 0, for each d. */
export function autocorrTimeByDimension(dims: readonly number[], opts: { nSteps: number; seed: number }): { d: number; tau: number; acceptRate: number }[] {
  const fn = 'autocorrTimeByDimension';
  if (!Array.isArray(dims) || dims.length === 0) throw new TypeError(`${fn}: dims must be a non-empty array of dimensions (got ${describe(dims)})`);
  dims.forEach((d, i) => assertInteger(fn, `dims[${i}]`, d, 1));
  assertInteger(fn, 'nSteps', opts.nSteps, 100);
  assertInteger(fn, 'seed', opts.seed, 0);
  return dims.map((d) => {
    const logTarget = (x: Float64Array) => {
      let q = 0;
      for (let j = 0; j < d; j++) q += x[j] * x[j];
      return -0.5 * q;
    };
    const r = randomWalkMetropolis({ logTarget, x0: new Array(d).fill(0), stepSize: 2.38 / Math.sqrt(d), nSteps: opts.nSteps, rng: makeRng(opts.seed + d) });
    return { d, tau: integratedAutocorrTime(coordinate(r, 0)), acceptRate: r.acceptRate };
  });
}

/** τ against d, with the least-squares line through the origin τ ≈ c·d for comparison. */
export function autocorrTimeFigure(rows: readonly { d: number; tau: number }[]): Figure {
  const c = rows.reduce((s, r) => s + r.d * r.tau, 0) / rows.reduce((s, r) => s + r.d * r.d, 0);
  const ds = rows.map((r) => r.d);
  return linePlot(
    [
      { x: ds, y: rows.map((r) => r.tau), name: 'integrated autocorrelation time τ', mode: 'lines+markers' },
      { x: ds, y: ds.map((d) => c * d), name: `τ ≈ ${c.toFixed(2)}·d`, dash: 'dash' },
    ],
    { title: 'Random-walk Metropolis on N(0, I_d), step 2.38/√d: τ grows with d', xLabel: 'dimension d', yLabel: 'τ (steps per effective sample)' },
  );
}
