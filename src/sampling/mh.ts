/**
 * Metropolis–Hastings — an EXTENSION: source 002 §4.5 is "TBU" (empty). Built from the standard literature:
 * N. Metropolis, A. Rosenbluth, M. Rosenbluth, A. Teller, E. Teller (1953), "Equation of state calculations by fast
 * computing machines"; W. K. Hastings (1970), "Monte Carlo sampling methods using Markov chains and their applications".
 *
 * Given the current state z and a proposal z' ~ q(z'|z), accept with probability
 *   α(z, z') = min(1, p̃(z') q(z|z') / (p̃(z) q(z'|z)))
 * (in log space), otherwise repeat z (the repeated state is counted). The kernel satisfies detailed balance with respect
 * to p (002 App. C, Eq. C.1.10), hence p is stationary. The 000 tutorial's acceptance rule (3.19) at a fixed
 * temperature with a uniform test is the same Metropolis rule for the Boltzmann distribution (000 O-34).
 *
 * The samplers are tight loops over Float64Arrays with the target's log-density as a plain function.
 */
import * as mathjs from 'mathjs';
import { Matrix } from '../core/linalg';
import { Rng } from '../core/rng';
import { assertFiniteNumber, assertInteger, assertPositive, assertVector, describe, assertOneOf } from '../core/validate';
import { assertFunction, assertRng } from './basic';
import { assertStochastic, toFraction } from './chains';

export interface McmcResult {
  /** The chain, row-major: samples[t·dim + j] is coordinate j of state t (t = 0 is the first state after x0). */
  samples: Float64Array;
  dim: number;
  nSteps: number;
  /** Accepted proposals / proposals. */
  acceptRate: number;
  /** log p̃ of each recorded state. */
  logTarget: Float64Array;
}

/** Coordinate j of a chain as its own array (for traces and diagnostics). */
export function coordinate(result: { samples: Float64Array; dim: number }, j: number): Float64Array {
  assertInteger('coordinate', 'j', j, 0, result.dim - 1);
  const n = result.samples.length / result.dim;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) out[t] = result.samples[t * result.dim + j];
  return out;
}

function checkCommon(fn: string, opts: { logTarget: unknown; x0: unknown; nSteps: unknown; rng: unknown }): { x0: Float64Array } {
  assertFunction(fn, 'logTarget', opts.logTarget);
  assertVector(fn, 'x0', opts.x0);
  assertInteger(fn, 'nSteps', opts.nSteps, 1);
  assertRng(fn, opts.rng);
  return { x0: Float64Array.from(opts.x0 as ArrayLike<number>) };
}

function initialLogTarget(fn: string, logTarget: (x: Float64Array) => number, x: Float64Array): number {
  const l = logTarget(x);
  if (typeof l !== 'number' || Number.isNaN(l) || l === -Infinity || l === Infinity) {
    throw new RangeError(`${fn}: logTarget(x0) must be finite (x0 must lie in the support of the target) (got ${describe(l)} at x0 = ${describe(x)})`);
  }
  return l;
}

/** Steps of random-walk Metropolis whose random numbers are drawn together (at most this many normals per block). */
const RWM_BLOCK = 4096;
/** Scratch for randomWalkMetropolis (the sampler is synchronous); a fresh large typed array per call costs a GC. */
let rwmNoise = new Float64Array(RWM_BLOCK);
const rwmUniform = new Float64Array(RWM_BLOCK);

/**
 * Random-walk Metropolis with Gaussian proposals z' = z + s·ε, ε ~ N(0, I) (symmetric q, so α = min(1, p̃(z')/p̃(z))).
 * `logTarget` receives a Float64Array that it must not keep.
 *
 * How it uses `rng` ([PERF-2]): the steps go in blocks of B = max(1, ⌊4096/d⌋) (the last one shorter); each block first
 * draws its B·d proposal normals (step by step, coordinate by coordinate), then B uniforms, one per step, which the
 * acceptance test reads only for downhill moves. So a run consumes nSteps·d normals and nSteps uniforms whatever is
 * accepted — bulk draws instead of one at a time (the same sampler: independent N(0, I) noise and U(0, 1) variates).
 */
export function randomWalkMetropolis(opts: { logTarget: (x: Float64Array) => number; x0: ArrayLike<number>; stepSize: number; nSteps: number; rng: Rng }): McmcResult {
  const fn = 'randomWalkMetropolis';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: options must be an object (got ${describe(opts)})`);
  const { x0 } = checkCommon(fn, opts);
  assertPositive(fn, 'stepSize', opts.stepSize);
  const { logTarget, stepSize: s, nSteps, rng } = opts;
  const d = x0.length;
  const lcur = initialLogTarget(fn, logTarget, x0);
  const samples = new Float64Array(nSteps * d);
  const lt = new Float64Array(nSteps);
  const acc = rwmRun(fn, logTarget, x0, lcur, s, rng, samples, lt);
  return { samples, dim: d, nSteps, acceptRate: acc / nSteps, logTarget: lt };
}

/**
 * The steps of randomWalkMetropolis (samples.length / x0.length of them), written to samples and lt; returns the
 * number accepted. A function of its own that returns a number ([PERF-2]): V8 compiles a long loop on the fly during
 * its first run, and code after it that has never run (building the result) has no type feedback, so the compiled
 * loop would deoptimise there on every call for its first dozens of calls.
 */
function rwmRun(fn: string, logTarget: (x: Float64Array) => number, x0: Float64Array, l0: number, s: number, rng: Rng,
  samples: Float64Array, lt: Float64Array): number {
  const d = x0.length;
  const nSteps = lt.length;
  let cur: Float64Array = x0;
  let prop: Float64Array = new Float64Array(d);
  let lcur = l0;
  const B = Math.max(1, Math.floor(RWM_BLOCK / d));
  if (rwmNoise.length < B * d) rwmNoise = new Float64Array(B * d);
  const noise = rwmNoise;
  const uni = rwmUniform;
  let acc = 0;
  for (let t0 = 0; t0 < nSteps; t0 += B) {
    const m = Math.min(B, nSteps - t0);
    fillNormals(rng, noise, m * d);
    fillUniforms(rng, uni, m);
    for (let i = 0; i < m; i++) {
      const t = t0 + i;
      for (let j = 0, o = i * d; j < d; j++) prop[j] = cur[j] + s * noise[o + j];
      const lprop = logTarget(prop);
      if (Number.isNaN(lprop)) throw new RangeError(`${fn}: logTarget returned NaN at ${describe(prop)}`);
      if (lprop - lcur >= 0 || Math.log(uni[i]) < lprop - lcur) {
        const tmp = cur;
        cur = prop;
        prop = tmp;
        lcur = lprop;
        acc++;
      }
      for (let j = 0, o = t * d; j < d; j++) samples[o + j] = cur[j];
      lt[t] = lcur;
    }
  }
  return acc;
}

/** out[0 … n) ← n standard normals (rng.fillNormal, or n normal() calls: the same numbers). */
function fillNormals(rng: Rng, out: Float64Array, n: number): void {
  if (typeof rng.fillNormal === 'function') rng.fillNormal(out, 0, 1, 0, n);
  else for (let i = 0; i < n; i++) out[i] = rng.normal();
}

/** out[0 … n) ← n U(0, 1) draws (rng.fillUniform, or n uniform() calls: the same numbers). */
function fillUniforms(rng: Rng, out: Float64Array, n: number): void {
  if (typeof rng.fillUniform === 'function') rng.fillUniform(out.subarray(0, n));
  else for (let i = 0; i < n; i++) out[i] = rng.uniform();
}

/** A proposal for general Metropolis–Hastings: draw z' given z, and its log-density log q(to | from). */
export interface MhProposal {
  sample(from: Float64Array, rng: Rng, out: Float64Array): void;
  logDensity(to: Float64Array, from: Float64Array): number;
}

/** General Metropolis–Hastings with an arbitrary proposal (Hastings 1970), acceptance in log space. */
export function metropolisHastings(opts: { logTarget: (x: Float64Array) => number; proposal: MhProposal; x0: ArrayLike<number>; nSteps: number; rng: Rng }): McmcResult {
  const fn = 'metropolisHastings';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: options must be an object (got ${describe(opts)})`);
  const { x0 } = checkCommon(fn, opts);
  const { logTarget, proposal, nSteps, rng } = opts;
  if (!proposal || typeof proposal.sample !== 'function' || typeof proposal.logDensity !== 'function') {
    throw new TypeError(`${fn}: proposal must be { sample(from, rng, out), logDensity(to, from) } (got ${describe(proposal)})`);
  }
  const d = x0.length;
  let cur: Float64Array = x0;
  let prop: Float64Array = new Float64Array(d);
  let lcur = initialLogTarget(fn, logTarget, cur);
  const samples = new Float64Array(nSteps * d);
  const lt = new Float64Array(nSteps);
  let acc = 0;
  for (let t = 0; t < nSteps; t++) {
    proposal.sample(cur, rng, prop);
    const lprop = logTarget(prop);
    const logAlpha = lprop - lcur + proposal.logDensity(cur, prop) - proposal.logDensity(prop, cur);
    if (Number.isNaN(logAlpha)) throw new RangeError(`${fn}: the log acceptance ratio is NaN at ${describe(prop)}`);
    if (logAlpha >= 0 || Math.log(rng.uniform()) < logAlpha) {
      const tmp = cur;
      cur = prop;
      prop = tmp;
      lcur = lprop;
      acc++;
    }
    samples.set(cur, t * d);
    lt[t] = lcur;
  }
  return { samples, dim: d, nSteps, acceptRate: acc / nSteps, logTarget: lt };
}

/**
 * Independence sampler: proposals z' ~ q independent of z, α = min(1, w(z')/w(z)) with w = p̃/q (Tierney 1994).
 * `proposal.sample(rng, out)` fills out; `proposal.logPdf(x)`.
 */
export function independenceSampler(opts: {
  logTarget: (x: Float64Array) => number;
  proposal: { sample(rng: Rng, out: Float64Array): void; logPdf(x: Float64Array): number };
  x0: ArrayLike<number>;
  nSteps: number;
  rng: Rng;
}): McmcResult {
  const fn = 'independenceSampler';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: options must be an object (got ${describe(opts)})`);
  const q = opts.proposal;
  if (!q || typeof q.sample !== 'function' || typeof q.logPdf !== 'function') throw new TypeError(`${fn}: proposal must be { sample(rng, out), logPdf(x) } (got ${describe(q)})`);
  return metropolisHastings({
    ...opts,
    proposal: { sample: (_from, rng, out) => q.sample(rng, out), logDensity: (to) => q.logPdf(to) },
  });
}

/** A Gaussian independence proposal N(mu, sigma² I) for `independenceSampler`. */
export function gaussianIndependenceProposal(mu: ArrayLike<number>, sigma: number): { sample(rng: Rng, out: Float64Array): void; logPdf(x: Float64Array): number } {
  assertVector('gaussianIndependenceProposal', 'mu', mu);
  assertPositive('gaussianIndependenceProposal', 'sigma', sigma);
  const m = Float64Array.from(mu);
  const c = -m.length * (Math.log(sigma) + 0.5 * Math.log(2 * Math.PI));
  return {
    sample(rng, out) {
      for (let j = 0; j < m.length; j++) out[j] = m[j] + sigma * rng.normal();
    },
    logPdf(x) {
      let s = 0;
      for (let j = 0; j < m.length; j++) s += (x[j] - m[j]) ** 2;
      return c - s / (2 * sigma * sigma);
    },
  };
}

/**
 * Stationary acceptance rate of random-walk Metropolis on N(0, 1) with N(x, s²) proposals: (2/π) arctan(2/s)
 * (002 D17: 0.442284 at s = 2.4). Derivation: for a symmetric proposal at stationarity, E[min(1, π(Y)/π(X))] =
 * ∫∫ min(π(x), π(y)) q(y|x) = 2 P(π(Y) > π(X)) = 2 P(|Y| < |X|) = 2 P(UV < 0) with U = Y − X = sε, V = Y + X = 2X + sε,
 * a bivariate normal pair with correlation c = s/√(4 + s²); P(UV < 0) = arccos(c)/π, so the rate is
 * (2/π) arccos(s/√(4 + s²)) = (2/π) arctan(2/s).
 */
export function rwmAcceptanceGaussian(s: number): number {
  assertPositive('rwmAcceptanceGaussian', 's', s);
  return (2 / Math.PI) * Math.atan(2 / s);
}

type Num = number | mathjs.Fraction;

/**
 * The exact Metropolis–Hastings kernel on a finite space (Hastings 1970): for i ≠ j,
 * T_ij = Q_ij · min(1, π_j Q_ji / (π_i Q_ij)), and T_ii = 1 − Σ_{j≠i} T_ij. πT = π and detailed balance hold exactly
 * (002 D5). π may be unnormalised (only ratios matter) but must be > 0.
 */
export function mhKernelMatrix(pi: ArrayLike<number>, Q: Matrix): Matrix {
  const fn = 'mhKernelMatrix';
  assertVector(fn, 'pi', pi);
  for (let i = 0; i < pi.length; i++) if (!(pi[i] > 0)) throw new RangeError(`${fn}: pi[${i}] must be > 0 (got ${describe(pi[i])})`);
  assertStochastic(fn, 'Q', Q);
  if (Q.length !== pi.length) throw new RangeError(`${fn}: Q must be ${pi.length}×${pi.length} to match pi (got ${Q.length}×${Q.length})`);
  return mhKernelGeneric(Array.from(pi), Q.map((r) => r.slice())) as number[][];
}

/**
 * The same kernel in exact rational arithmetic (mathjs fractions); entries of pi and Q may be decimals or 'p/q' strings.
 * Returns fraction strings and values. 002 D5: π = (5/16, 1/2, 3/16), uniform proposal over the other two states gives
 * T = [[1/5, 1/2, 3/10], [5/16, 1/2, 3/16], [1/2, 1/2, 0]].
 */
export function mhKernelMatrixExact(pi: ArrayLike<number | string>, Q: ArrayLike<ArrayLike<number | string>>): { fractions: string[][]; values: number[][] } {
  const fn = 'mhKernelMatrixExact';
  if (!pi || typeof pi.length !== 'number' || pi.length === 0) throw new TypeError(`${fn}: pi must be a non-empty array (got ${describe(pi)})`);
  const n = pi.length;
  const p = Array.from(pi, (v, i) => toFraction(fn, `pi[${i}]`, v));
  p.forEach((v, i) => {
    if (!(mathjs.larger(v, 0) as boolean)) throw new RangeError(`${fn}: pi[${i}] must be > 0 (got ${v.toFraction()})`);
  });
  if (!Array.isArray(Q) || Q.length !== n) throw new RangeError(`${fn}: Q must be ${n}×${n} to match pi (got ${describe(Q)})`);
  const q = Array.from(Q, (row, i) => {
    if (!row || row.length !== n) throw new RangeError(`${fn}: Q must be ${n}×${n} (row ${i} has ${row?.length} entries)`);
    return Array.from(row, (v, j) => toFraction(fn, `Q[${i}][${j}]`, v));
  });
  q.forEach((row, i) => {
    const s = row.reduce((a, b) => mathjs.add(a, b) as mathjs.Fraction, mathjs.fraction(0));
    if (!(mathjs.equal(s, 1) as boolean) || row.some((v) => mathjs.smaller(v, 0) as boolean)) throw new RangeError(`${fn}: row ${i} of Q must be a probability vector summing to exactly 1 (sums to ${s.toFraction()})`);
  });
  const T = mhKernelGeneric(p, q) as mathjs.Fraction[][];
  return { fractions: T.map((r) => r.map((v) => v.toFraction())), values: T.map((r) => r.map((v) => mathjs.number(v))) };
}

/** One implementation for numbers and fractions (mathjs arithmetic dispatches on the type). */
function mhKernelGeneric(pi: Num[], Q: Num[][]): Num[][] {
  const n = pi.length;
  const exact = typeof pi[0] !== 'number';
  const zero: Num = exact ? mathjs.fraction(0) : 0;
  const one: Num = exact ? mathjs.fraction(1) : 1;
  const T: Num[][] = Array.from({ length: n }, () => new Array<Num>(n).fill(zero));
  for (let i = 0; i < n; i++) {
    let off: Num = zero;
    for (let j = 0; j < n; j++) {
      if (j === i || (mathjs.isZero(Q[i][j] as never) as boolean)) continue;
      const ratio = mathjs.divide(mathjs.multiply(pi[j] as never, Q[j][i] as never), mathjs.multiply(pi[i] as never, Q[i][j] as never)) as unknown as Num;
      const alpha = (mathjs.smaller(ratio as never, one as never) as boolean) ? ratio : one;
      T[i][j] = mathjs.multiply(Q[i][j] as never, alpha as never) as unknown as Num;
      off = mathjs.add(off as never, T[i][j] as never) as Num;
    }
    T[i][i] = mathjs.subtract(one as never, off as never) as Num;
    if (!exact) T[i][i] = Math.max(0, T[i][i] as number);
  }
  return T;
}

/** Result of a single-bit-flip sampler on {0,1}ⁿ. */
export interface BitFlipResult {
  /** Visit frequencies of the 2ⁿ states after burn-in; index = Σ x_i 2^{n−1−i} (x₁ is the most significant bit). */
  frequencies: number[];
  acceptRate: number;
  /** The energy after each step (after burn-in). */
  energies: Float64Array;
}

/**
 * Single-bit-flip sampler for p(x) ∝ exp(−E(x)/κT) on {0,1}ⁿ: pick a unit uniformly, propose flipping it, accept by
 *  - `rule: 'metropolis'`: u < min(1, exp(−ΔE/κT)), u ~ U(0,1) (000 Eq. 3.19 with a uniform test; oracle 000 O-34), or
 *  - `rule: 'threshold'`: min(1, exp(−ΔE/κT)) > threshold — the 000 tutorial's fixed-threshold rule (L1036, L1160;
 *    erratum 000-E43), which is deterministic given the proposal and does NOT sample the Boltzmann distribution.
 */
export function bitFlipSampler(opts: {
  energy: (x: Uint8Array) => number;
  n: number;
  kT: number;
  nSteps: number;
  rng: Rng;
  burnIn?: number;
  x0?: ArrayLike<number>;
  rule?: 'metropolis' | 'threshold';
  threshold?: number;
}): BitFlipResult {
  const fn = 'bitFlipSampler';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: options must be an object (got ${describe(opts)})`);
  const { energy, n, kT, nSteps, rng } = opts;
  assertFunction(fn, 'energy', energy);
  assertInteger(fn, 'n', n, 1, 20);
  assertPositive(fn, 'kT', kT);
  assertInteger(fn, 'nSteps', nSteps, 1);
  assertRng(fn, rng);
  const burnIn = opts.burnIn ?? 0;
  assertInteger(fn, 'burnIn', burnIn, 0);
  const rule = opts.rule ?? 'metropolis';
  assertOneOf(fn, 'rule', rule, ['metropolis', 'threshold'] as const);
  const threshold = opts.threshold ?? 0.5;
  assertFiniteNumber(fn, 'threshold', threshold);
  const x = new Uint8Array(n);
  if (opts.x0 !== undefined) {
    assertVector(fn, 'x0', opts.x0, n);
    for (let i = 0; i < n; i++) {
      if (opts.x0[i] !== 0 && opts.x0[i] !== 1) throw new RangeError(`${fn}: x0[${i}] must be 0 or 1 (got ${describe(opts.x0[i])})`);
      x[i] = opts.x0[i];
    }
  }
  let e = energy(x);
  assertFiniteNumber(fn, 'energy(x0)', e);
  const counts = new Array<number>(1 << n).fill(0);
  const energies = new Float64Array(nSteps);
  let acc = 0;
  for (let t = 0; t < burnIn + nSteps; t++) {
    const i = rng.integer(n);
    x[i] ^= 1;
    const e2 = energy(x);
    const dE = e2 - e;
    const a = dE <= 0 ? 1 : Math.exp(-dE / kT);
    const accept = rule === 'metropolis' ? rng.uniform() < a : a > threshold;
    if (accept) {
      e = e2;
      if (t >= burnIn) acc++;
    } else x[i] ^= 1;
    if (t >= burnIn) {
      let idx = 0;
      for (let k = 0; k < n; k++) idx = (idx << 1) | x[k];
      counts[idx]++;
      energies[t - burnIn] = e;
    }
  }
  return { frequencies: counts.map((c) => c / nSteps), acceptRate: acc / nSteps, energies };
}

