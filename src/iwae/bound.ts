/**
 * The importance-weighted bound (IWAE) for a generic latent model, in log space.
 *
 *   L_K[q] = E_{z_1..z_K ~ q(z|x)} [ log (1/K) Σ_j w_j ],   w_j = p(x, z_j) / q(z_j|x)
 *
 * Source 001 §4 (the definition before question 1; L_1 = ELBO ≤ L_K ≤ log p(x)); the lecture notes 002 §6.6 are "TBU",
 * so the sta4124 notebook builds the topic as an extension from Burda, Grosse & Salakhutdinov, *Importance Weighted
 * Autoencoders* (ICLR 2016), Eq. (8) (the bound), Theorem 1 (monotone in K, → log p(x) for bounded weights) and
 * Eq. (13)–(14) (the gradient Σ_k W̃_k ∇ log w_k with W̃_k = w_k / Σ_j w_j).
 *
 * A model is given as `vi.MonteCarloElboSpec` ({ sample, logQ, logJoint }) — the same spec as the ELBO of `vi`, so the
 * log-weights have one definition (`vi.logWeights`); K = 1 gives the Monte Carlo ELBO.
 */
import { nativeKernels, Rng } from '../core/rng';
import { logMeanExp, softmax } from '../core/special';
import { assertInteger, assertLogWeights, assertVector, describe } from '../core/validate';
import { logWeights, MonteCarloElboSpec } from '../vi/elbo';

export type { MonteCarloElboSpec } from '../vi/elbo';

/** Largest K accepted by the estimators (a guard against a typo such as 1e9 hanging a notebook). */
export const MAX_K = 1_000_000;

function checkSpec<Z>(fn: string, spec: MonteCarloElboSpec<Z>): void {
  if (!spec || typeof spec !== 'object') throw new TypeError(`${fn}: spec must be { sample, logQ, logJoint } (got ${describe(spec)})`);
  for (const k of ['sample', 'logQ', 'logJoint'] as const) {
    if (typeof spec[k] !== 'function') throw new TypeError(`${fn}: spec.${k} must be a function (got ${describe(spec[k])})`);
  }
}

export function checkRng(fn: string, rng: unknown): asserts rng is Rng {
  if (!rng || typeof (rng as Partial<Rng>).normal !== 'function') throw new TypeError(`${fn}: rng must be a seeded generator from core.rng(seed) (got ${describe(rng)})`);
}

export function checkK(fn: string, K: unknown, arg = 'K'): asserts K is number {
  assertInteger(fn, arg, K, 1, MAX_K);
}

/**
 * The single-draw IWAE estimate log (1/K) Σ_j exp(log w_j) from K log-weights (log-mean-exp; 001 §4 integrand of L_K,
 * Burda et al. 2016 Eq. (8)). Its expectation over the draws is L_K.
 */
export function iwaeEstimate(logW: ArrayLike<number>): number {
  assertLogWeights('iwaeEstimate', 'logW', logW, true);
  return logMeanExp(logW);
}

/**
 * The normalised importance weights W̃_k = w_k / Σ_j w_j = softmax(log w)_k (Burda et al. 2016 Eq. (14); the SNIS weights).
 */
export function iwaeWeights(logW: ArrayLike<number>): number[] {
  assertLogWeights('iwaeWeights', 'logW', logW, true);
  return Array.from(softmax(logW));
}

/** One draw z_1..z_K ~ q with its log-weights and the estimate log (1/K) Σ w_j. */
export interface IwaeDraw<Z> {
  z: Z[];
  logW: number[];
  estimate: number;
}

/**
 * A spec with a batched path ([PERF-2]): `drawBatch(K, rng)` returns the K log-weights of K draws — exactly the numbers,
 * and the generator position afterwards, of K rounds of `z = sample(rng)`, `logJoint(z) − logQ(z)` — and the draws
 * themselves on request (`z()`), so an estimate alone allocates no per-sample arrays. `iwaeDraw` uses it when present.
 */
export interface BatchedIwaeSpec<Z> extends MonteCarloElboSpec<Z> {
  /** logWTyped: the same log-weights in a scratch Float64Array, valid until the next call (for the native sum). */
  drawBatch(K: number, rng: Rng): { logW: number[]; logWTyped?: Float64Array; z: () => Z[] };
}

/**
 * The lazy `z` of a batched draw. The accessor functions are shared by every draw (per-draw closures would give each
 * draw object its own hidden class — a map allocated in V8's old space per call, and a full GC every few hundred calls).
 */
const LAZY_Z = Symbol('iwae.lazyZ');
interface LazyState {
  make: () => unknown[];
  z: unknown[] | undefined;
}
function lazyZ(this: { [LAZY_Z]: LazyState }): unknown[] {
  const s = this[LAZY_Z];
  return s.z === undefined ? (s.z = s.make()) : s.z;
}
function setLazyZ(this: { [LAZY_Z]: LazyState }, v: unknown[]): void {
  this[LAZY_Z].z = v;
}

/** Draw z_1..z_K ~ q(z|x) and return the single-draw estimate of L_K (001 §4; `vi.logWeights` draws the log-weights). */
export function iwaeDraw<Z>(spec: MonteCarloElboSpec<Z>, K: number, rng: Rng): IwaeDraw<Z> {
  const fn = 'iwaeDraw';
  checkSpec(fn, spec);
  checkK(fn, K);
  checkRng(fn, rng);
  const batched = (spec as Partial<BatchedIwaeSpec<Z>>).drawBatch;
  if (typeof batched === 'function') {
    const b = batched(K, rng);
    const draw = { logW: b.logW, estimate: batchEstimate(fn, b.logW, b.logWTyped) } as IwaeDraw<Z>;
    // z is built only when read (an estimate alone never needs it), then kept: an ordinary enumerable value.
    Object.defineProperty(draw, LAZY_Z, { value: { make: b.z, z: undefined }, writable: true });
    return Object.defineProperty(draw, 'z', { enumerable: true, configurable: true, get: lazyZ, set: setLazyZ });
  }
  const z: Z[] = [];
  const recording: MonteCarloElboSpec<Z> = {
    sample: (g) => {
      const zz = spec.sample(g);
      z.push(zz);
      return zz;
    },
    logQ: spec.logQ,
    logJoint: spec.logJoint,
  };
  const logW = logWeights(recording, K, rng);
  checkLogW(fn, logW);
  return { z, logW, estimate: iwaeEstimate(logW) };
}

/**
 * iwaeEstimate(logW) after the checks of iwaeDraw, in two passes instead of five: the maximum (with the checks), then
 * log-mean-exp with exactly the operations of core.logMeanExp (the same bits) — except that from 256 weights on, where
 * the native addon is built and `typed` holds the same weights, the sum of exponentials runs in C with the C library's
 * exp ([PERF-2]: about 3× faster than Math.exp here): glibc's exp is within 0.502 ulp, V8's within 1 ulp, so the sums
 * agree to a few ulps (tests/perf/iwae-batch.test.ts), not bit for bit. Anything unusual (a non-number, all weights −∞)
 * goes to the general functions, which throw their usual errors.
 */
function batchEstimate(fn: string, logW: number[], typed?: Float64Array): number {
  const nat = typed && logW.length >= 256 ? nativeKernels() : null;
  if (nat && typed) {
    nat.logSumExpParts(typed, logW.length, lseParts);
    const [m, s] = lseParts;
    if (m === m && m !== -Infinity) return m + Math.log(s) - Math.log(logW.length);
  }
  let m = -Infinity;
  for (let j = 0; j < logW.length; j++) {
    const v = logW[j];
    if (typeof v !== 'number' || Number.isNaN(v) || v === Infinity) {
      checkLogW(fn, logW);
      return iwaeEstimate(logW);
    }
    if (v > m) m = v;
  }
  if (m === -Infinity || logW.length === 0) return iwaeEstimate(logW);
  let s = 0;
  for (let j = 0; j < logW.length; j++) s += Math.exp(logW[j] - m);
  return m + Math.log(s) - Math.log(logW.length);
}

/** Scratch for the addon's (max, sum of exponentials). */
const lseParts = new Float64Array(2);

function checkLogW(fn: string, logW: number[]): void {
  for (let j = 0; j < logW.length; j++) {
    const v = logW[j];
    if (Number.isNaN(v) || v === Infinity) throw new RangeError(`${fn}: log w_${j + 1} = log p(x, z) − log q(z|x) must be a number < +∞ (got ${describe(v)})`);
  }
}

/** The mean of R independent single-draw estimates, with their variance and the standard error of the mean. */
export interface IwaeBoundEstimate {
  K: number;
  /** (1/R) Σ_r L̂_K^(r): an unbiased estimate of L_K. */
  value: number;
  /** Sample variance of the single-draw estimator L̂_K (divisor R − 1). */
  variance: number;
  /** √(variance / R). */
  stdError: number;
  /** R */
  reps: number;
}

/**
 * L_K estimated by repetition: R independent draws of the single-draw estimator, their mean, variance and standard error
 * (001 §4; Burda et al. 2016 §3, Eq. (8)). Same rng state ⇒ same numbers.
 */
export function iwaeBound<Z>(spec: MonteCarloElboSpec<Z>, K: number, reps: number, rng: Rng): IwaeBoundEstimate {
  const fn = 'iwaeBound';
  checkSpec(fn, spec);
  checkK(fn, K);
  assertInteger(fn, 'reps', reps, 2, 100_000_000);
  checkRng(fn, rng);
  let m = 0;
  let m2 = 0;
  for (let r = 0; r < reps; r++) {
    const e = iwaeDraw(spec, K, rng).estimate;
    const d = e - m;
    m += d / (r + 1);
    m2 += d * (e - m);
  }
  const variance = m2 / (reps - 1);
  return { K, value: m, variance, stdError: Math.sqrt(variance / reps), reps };
}

/** L_K for several K (each with its own draws from `rng`), e.g. for the plot of L_K against K. */
export function iwaeSweep<Z>(spec: MonteCarloElboSpec<Z>, Ks: readonly number[], reps: number, rng: Rng): IwaeBoundEstimate[] {
  if (!Array.isArray(Ks) || Ks.length === 0) throw new TypeError(`iwaeSweep: Ks must be a non-empty array of integers >= 1 (got ${describe(Ks)})`);
  Ks.forEach((K, i) => checkK('iwaeSweep', K, `Ks[${i}]`));
  return Ks.map((K) => iwaeBound(spec, K, reps, rng));
}

/**
 * The IWAE gradient estimate from one draw: ∇ L̂_K = Σ_k W̃_k ∇ log w_k, W̃ = softmax(log w) (Burda et al. 2016 Eq. (14)).
 * `gradLogW[k]` is ∇_θ log w_k for draw k (by the chain rule through the reparameterisation z_k = g_θ(ε_k)).
 */
export function iwaeGradientFromWeights(logW: ArrayLike<number>, gradLogW: ArrayLike<ArrayLike<number>>): number[] {
  const fn = 'iwaeGradientFromWeights';
  const W = iwaeWeights(logW);
  if (!Array.isArray(gradLogW) || gradLogW.length !== W.length) {
    throw new RangeError(`${fn}: gradLogW must be an array of ${W.length} gradient vectors, one per log-weight (got ${describe(gradLogW)})`);
  }
  assertVector(fn, 'gradLogW[0]', gradLogW[0]);
  const P = gradLogW[0].length;
  const g = new Array<number>(P).fill(0);
  for (let k = 0; k < W.length; k++) {
    assertVector(fn, `gradLogW[${k}]`, gradLogW[k], P);
    for (let i = 0; i < P; i++) g[i] += W[k] * gradLogW[k][i];
  }
  return g;
}
