/**
 * Basic Monte Carlo: inverse-CDF sampling, rejection sampling and importance sampling (direct and self-normalised).
 *
 * Source 002 (W. Park, STA4124 notes), §4.1–4.3: Thm 4.1.1 and the Exp(λ) example (inverse transform), §4.2 (the
 * five-step rejection algorithm, acceptance Z_p/k), §4.3.1 Eqs (4.3.3)–(4.3.12) (direct importance sampling, its variance;
 * erratum 002-E17 for the optimal proposal), §4.3.2 Eqs (4.3.14)–(4.3.17) (self-normalised IS). Weights are kept in log
 * space (design principle 4).
 */
import { Rng } from '../core/rng';
import { logSumExp, normalCdf } from '../core/special';
import { assertFiniteNumber, assertInteger, assertPositive, assertProbability, assertVector, describe } from '../core/validate';

/** A 1-D distribution that can be sampled and evaluated (a proposal q). */
export interface Distribution1D {
  /** A short name for plots ('N(0, 2²)'). */
  name: string;
  sample(rng: Rng): number;
  logPdf(z: number): number;
  cdf?(z: number): number;
}

function assertRng(fn: string, rng: unknown): asserts rng is Rng {
  if (!rng || typeof (rng as Rng).uniform !== 'function' || typeof (rng as Rng).normal !== 'function') {
    throw new TypeError(`${fn}: rng must be a seeded generator from core.rng(seed) (got ${describe(rng)})`);
  }
}
export { assertRng };

function assertFunction(fn: string, arg: string, f: unknown): void {
  if (typeof f !== 'function') throw new TypeError(`${fn}: ${arg} must be a function (got ${describe(f)})`);
}
export { assertFunction };

function assertDistribution(fn: string, arg: string, q: unknown): asserts q is Distribution1D {
  if (!q || typeof q !== 'object' || typeof (q as Distribution1D).sample !== 'function' || typeof (q as Distribution1D).logPdf !== 'function') {
    throw new TypeError(`${fn}: ${arg} must be a distribution { sample(rng), logPdf(z) } such as sampling.normalDist(0, 1) (got ${describe(q)})`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Distributions used as proposals

/** N(mu, sigma²) as a proposal. */
export function normalDist(mu = 0, sigma = 1): Distribution1D {
  assertFiniteNumber('normalDist', 'mu', mu);
  assertPositive('normalDist', 'sigma', sigma);
  const c = -Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
  return {
    name: `N(${mu}, ${sigma}²)`,
    sample: (rng) => mu + sigma * rng.normal(),
    logPdf: (z) => c - (0.5 * (z - mu) * (z - mu)) / (sigma * sigma),
    cdf: (z) => normalCdf((z - mu) / sigma),
  };
}

/** Cauchy(x0, gamma) as a proposal (heavy tails: a valid envelope for Gaussian-tailed targets, 002 D8(b)). */
export function cauchyDist(x0 = 0, gamma = 1): Distribution1D {
  assertFiniteNumber('cauchyDist', 'x0', x0);
  assertPositive('cauchyDist', 'gamma', gamma);
  return {
    name: `Cauchy(${x0}, ${gamma})`,
    sample: (rng) => x0 + gamma * Math.tan(Math.PI * (rng.uniform() - 0.5)),
    logPdf: (z) => -Math.log(Math.PI * gamma) - Math.log1p(((z - x0) / gamma) ** 2),
    cdf: (z) => 0.5 + Math.atan((z - x0) / gamma) / Math.PI,
  };
}

/** U(a, b) as a proposal. */
export function uniformDist(a = 0, b = 1): Distribution1D {
  assertFiniteNumber('uniformDist', 'a', a);
  assertFiniteNumber('uniformDist', 'b', b);
  if (!(b > a)) throw new RangeError(`uniformDist: b must be > a (got a=${a}, b=${b})`);
  const lp = -Math.log(b - a);
  return {
    name: `U(${a}, ${b})`,
    sample: (rng) => rng.uniform(a, b),
    logPdf: (z) => (z >= a && z <= b ? lp : -Infinity),
    cdf: (z) => (z <= a ? 0 : z >= b ? 1 : (z - a) / (b - a)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Inverse-CDF sampling (002 §4.1)

/** F(x) = 1 − e^{−λx} for x ≥ 0 (002 §4.1, the Exp(λ) example; T6). */
export function exponentialCdf(x: number, lambda = 1): number {
  assertFiniteNumber('exponentialCdf', 'x', x);
  assertPositive('exponentialCdf', 'lambda', lambda);
  return x <= 0 ? 0 : -Math.expm1(-lambda * x);
}

/** F⁻¹(u) = −log(1 − u)/λ (002 §4.1, T6; oracle 002 D7). u must be in [0, 1). */
export function exponentialQuantile(u: number, lambda = 1): number {
  assertProbability('exponentialQuantile', 'u', u);
  assertPositive('exponentialQuantile', 'lambda', lambda);
  if (u === 1) throw new RangeError(`exponentialQuantile: u must be < 1 (F⁻¹(1) = ∞) (got ${u})`);
  return -Math.log1p(-u) / lambda;
}

/** n draws X = F⁻¹(U), U ~ U(0,1): the inverse transform of 002 Thm 4.1.1. */
export function inverseTransformSample(quantile: (u: number) => number, n: number, rng: Rng): Float64Array {
  const fn = 'inverseTransformSample';
  assertFunction(fn, 'quantile', quantile);
  assertInteger(fn, 'n', n, 1);
  assertRng(fn, rng);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = quantile(rng.uniform());
    if (typeof x !== 'number' || Number.isNaN(x)) throw new RangeError(`${fn}: quantile(u) must return a number (got ${describe(x)})`);
    out[i] = x;
  }
  return out;
}

/** n draws from Exp(λ) by inversion (002 §4.1). */
export function sampleExponential(lambda: number, n: number, rng: Rng): Float64Array {
  assertPositive('sampleExponential', 'lambda', lambda);
  return inverseTransformSample((u) => -Math.log1p(-u) / lambda, n, rng);
}

/**
 * F⁻¹(u) for a continuous increasing CDF by bisection on [lo, hi] (for distributions without a closed-form quantile,
 * which 002 §4.1 names as the limit of the method). Throws if the bracket does not contain the quantile.
 */
export function numericQuantile(cdf: (x: number) => number, u: number, bracket: [number, number], tol = 1e-12): number {
  const fn = 'numericQuantile';
  assertFunction(fn, 'cdf', cdf);
  assertProbability(fn, 'u', u, true);
  if (!Array.isArray(bracket) || bracket.length !== 2) throw new TypeError(`${fn}: bracket must be [lo, hi] (got ${describe(bracket)})`);
  let [lo, hi] = bracket;
  assertFiniteNumber(fn, 'bracket[0]', lo);
  assertFiniteNumber(fn, 'bracket[1]', hi);
  assertPositive(fn, 'tol', tol);
  if (!(hi > lo)) throw new RangeError(`${fn}: bracket must have lo < hi (got ${describe(bracket)})`);
  if (!(cdf(lo) <= u && cdf(hi) >= u)) {
    throw new RangeError(`${fn}: bracket ${describe(bracket)} does not contain the ${u}-quantile (cdf(lo) = ${cdf(lo)}, cdf(hi) = ${cdf(hi)})`);
  }
  for (let it = 0; it < 200 && hi - lo > tol; it++) {
    const mid = 0.5 * (lo + hi);
    if (cdf(mid) < u) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** The empirical CDF: sorted samples x₍ᵢ₎ and F̂(x₍ᵢ₎) = i/n. */
export function ecdf(samples: ArrayLike<number>): { x: Float64Array; y: Float64Array } {
  assertVector('ecdf', 'samples', samples);
  const x = Float64Array.from(samples).sort();
  const n = x.length;
  const y = Float64Array.from(x, (_, i) => (i + 1) / n);
  return { x, y };
}

/** Kolmogorov–Smirnov statistic D = sup |F̂ − F| (checked on both sides of each jump). Reject at 5 % when D > 1.358/√n. */
export function ksStatistic(samples: ArrayLike<number>, cdf: (x: number) => number): number {
  assertFunction('ksStatistic', 'cdf', cdf);
  const { x } = ecdf(samples);
  const n = x.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(x[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

// ---------------------------------------------------------------------------------------------------------------
// Rejection sampling (002 §4.2)

/** One proposal of a rejection sampler, kept for the Fig. 4.1-style plot. */
export interface RejectionProposal {
  z: number;
  /** u ~ U(0, k q(z)) of step 2. */
  u: number;
  accepted: boolean;
}

export interface RejectionResult {
  samples: Float64Array;
  nProposed: number;
  /** Accepted / proposed; its expectation is Z_p/k (002 §4.2, T7). */
  acceptRate: number;
  /** The first `keep` proposals (for plots). */
  proposals: RejectionProposal[];
}

/**
 * Rejection sampling, 002 §4.2 (five steps): z ~ q; u ~ U(0, k q(z)); accept z if u < p̃(z); repeat until n accepted.
 * The target is unnormalised (log p̃); k must satisfy k q(z) ≥ p̃(z) everywhere — a proposal that violates it is an
 * error naming z and k (never a silently wrong sample). Comparison in log space.
 */
export function rejectionSample(opts: {
  logPTilde: (z: number) => number;
  proposal: Distribution1D;
  k: number;
  n: number;
  rng: Rng;
  /** How many proposals to keep for plotting (default 2000). */
  keep?: number;
  /** Give up after this many proposals (default 1e8). */
  maxProposals?: number;
}): RejectionResult {
  const fn = 'rejectionSample';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: options must be an object (got ${describe(opts)})`);
  const { logPTilde, proposal, k, n, rng } = opts;
  assertFunction(fn, 'logPTilde', logPTilde);
  assertDistribution(fn, 'proposal', proposal);
  assertPositive(fn, 'k', k);
  assertInteger(fn, 'n', n, 1);
  assertRng(fn, rng);
  const keep = opts.keep ?? 2000;
  assertInteger(fn, 'keep', keep, 0);
  const maxProposals = opts.maxProposals ?? 1e8;
  assertInteger(fn, 'maxProposals', maxProposals, 1);
  const logK = Math.log(k);
  const samples = new Float64Array(n);
  const proposals: RejectionProposal[] = [];
  let accepted = 0;
  let proposed = 0;
  while (accepted < n) {
    if (proposed >= maxProposals) throw new RangeError(`${fn}: only ${accepted} of ${n} samples accepted after maxProposals = ${maxProposals} proposals (is k = ${k} far too large?)`);
    const z = proposal.sample(rng);
    proposed++;
    const lEnv = logK + proposal.logPdf(z);
    const lp = logPTilde(z);
    if (Number.isNaN(lp)) throw new RangeError(`${fn}: logPTilde(${z}) is NaN`);
    if (lp > lEnv + 1e-12 * Math.max(1, Math.abs(lEnv))) {
      throw new RangeError(`${fn}: k = ${k} is not an envelope: p̃(z) = ${Math.exp(lp)} > k q(z) = ${Math.exp(lEnv)} at z = ${z}`);
    }
    const logU = Math.log(rng.uniform()) + lEnv; // u ~ U(0, k q(z)), in log space
    const acc = logU < lp;
    if (proposals.length < keep) proposals.push({ z, u: Math.exp(logU), accepted: acc });
    if (acc) samples[accepted++] = z;
  }
  return { samples, nProposed: proposed, acceptRate: n / proposed, proposals };
}

/**
 * The smallest envelope constant on a grid: k = max_z p̃(z)/q(z) (a lower bound of the supremum — add a margin when the
 * maximiser is not on the grid). Returns k and where it is attained.
 */
export function envelopeConstant(logPTilde: (z: number) => number, proposal: Distribution1D, grid: ArrayLike<number>): { k: number; argmax: number } {
  const fn = 'envelopeConstant';
  assertFunction(fn, 'logPTilde', logPTilde);
  assertDistribution(fn, 'proposal', proposal);
  assertVector(fn, 'grid', grid);
  let best = -Infinity;
  let arg = grid[0];
  for (let i = 0; i < grid.length; i++) {
    const lq = proposal.logPdf(grid[i]);
    if (lq === -Infinity) continue;
    const r = logPTilde(grid[i]) - lq;
    if (r > best) {
      best = r;
      arg = grid[i];
    }
  }
  if (!(best > -Infinity)) throw new RangeError(`${fn}: p̃/q is zero (or q is zero) on every grid point`);
  return { k: Math.exp(best), argmax: arg };
}

/**
 * Acceptance rate of rejection sampling for the d-dimensional N(0, I) target with a N(0, σ² I) proposal and the tightest
 * envelope k = σ^d (attained at z = 0): σ^{−d} (002 NB07 step 5, the curse of dimensionality of Table 1). σ ≥ 1.
 */
export function rejectionAcceptanceGaussian(d: number, sigma: number): number {
  assertInteger('rejectionAcceptanceGaussian', 'd', d, 1);
  assertPositive('rejectionAcceptanceGaussian', 'sigma', sigma);
  if (sigma < 1) throw new RangeError(`rejectionAcceptanceGaussian: sigma must be >= 1 (a narrower Gaussian cannot envelope N(0, I)) (got ${sigma})`);
  return Math.pow(sigma, -d);
}

// ---------------------------------------------------------------------------------------------------------------
// Importance sampling (002 §4.3)

/** ESS = (Σ w)² / Σ w² from log-weights (Kong 1992), computed in log space. */
export function essFromLogWeights(logWeights: ArrayLike<number>): number {
  const l = logWeights;
  const twice = Float64Array.from(l, (x) => 2 * x);
  return Math.exp(2 * logSumExp(l) - logSumExp(twice));
}

export interface ImportanceResult {
  /** (1/N) Σ f(zᵢ) wᵢ, Eq. (4.3.5). */
  estimate: number;
  /** log wᵢ = log p(zᵢ) − log q(zᵢ). */
  logWeights: Float64Array;
  /** The samples zᵢ ~ q. */
  samples: Float64Array;
  /** Sample variance of f(zᵢ) wᵢ: an estimate of the per-sample variance of (4.3.9)–(4.3.11). */
  perSampleVariance: number;
  /** √(perSampleVariance / N). */
  standardError: number;
  /** (Σw)²/Σw². */
  ess: number;
}

function checkIsOpts(fn: string, opts: unknown): void {
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: options must be an object (got ${describe(opts)})`);
}

/**
 * Direct importance sampling, 002 §4.3.1: E_p[f] ≈ (1/N) Σ f(zᵢ) p(zᵢ)/q(zᵢ), zᵢ ~ q (Eqs 4.3.3–4.3.5); unbiased
 * (4.3.6–4.3.8). Needs the normalised log p.
 */
export function importanceSampling(opts: { f: (z: number) => number; logP: (z: number) => number; proposal: Distribution1D; n: number; rng: Rng }): ImportanceResult {
  const fn = 'importanceSampling';
  checkIsOpts(fn, opts);
  const { f, logP, proposal, n, rng } = opts;
  assertFunction(fn, 'f', f);
  assertFunction(fn, 'logP', logP);
  assertDistribution(fn, 'proposal', proposal);
  assertInteger(fn, 'n', n, 2);
  assertRng(fn, rng);
  const samples = new Float64Array(n);
  const logWeights = new Float64Array(n);
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const z = proposal.sample(rng);
    samples[i] = z;
    const lw = logP(z) - proposal.logPdf(z);
    if (Number.isNaN(lw)) throw new RangeError(`${fn}: log weight at z = ${z} is NaN`);
    logWeights[i] = lw;
    const v = f(z) * Math.exp(lw);
    s += v;
    s2 += v * v;
  }
  const estimate = s / n;
  const perSampleVariance = Math.max(0, (s2 - n * estimate * estimate) / (n - 1));
  return { estimate, logWeights, samples, perSampleVariance, standardError: Math.sqrt(perSampleVariance / n), ess: essFromLogWeights(logWeights) };
}

export interface SnisResult {
  /** Σ f(zᵢ) Wᵢ, Eq. (4.3.16). */
  estimate: number;
  /** Ẑ_p = (1/N) Σ w̃ᵢ (unbiased for Z_p). */
  Zhat: number;
  logZhat: number;
  /** Normalised weights Wᵢ = w̃ᵢ / Σ w̃ⱼ. */
  normalizedWeights: Float64Array;
  logWeights: Float64Array;
  samples: Float64Array;
  ess: number;
}

/**
 * Self-normalised importance sampling, 002 §4.3.2, Eqs (4.3.14)–(4.3.16): the target is unnormalised (log p̃),
 * w̃ᵢ = p̃(zᵢ)/q(zᵢ), Wᵢ = w̃ᵢ/Σⱼ w̃ⱼ, E_p[f] ≈ Σ f(zᵢ) Wᵢ (biased, O(1/N), consistent; 002-E20). log Ẑ_p is the
 * log-mean-exp of the log-weights — the IWAE integrand.
 */
export function snis(opts: { f: (z: number) => number; logPTilde: (z: number) => number; proposal: Distribution1D; n: number; rng: Rng }): SnisResult {
  const fn = 'snis';
  checkIsOpts(fn, opts);
  const { f, logPTilde, proposal, n, rng } = opts;
  assertFunction(fn, 'f', f);
  assertFunction(fn, 'logPTilde', logPTilde);
  assertDistribution(fn, 'proposal', proposal);
  assertInteger(fn, 'n', n, 1);
  assertRng(fn, rng);
  const samples = new Float64Array(n);
  const logWeights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = proposal.sample(rng);
    samples[i] = z;
    const lw = logPTilde(z) - proposal.logPdf(z);
    if (Number.isNaN(lw)) throw new RangeError(`${fn}: log weight at z = ${z} is NaN`);
    logWeights[i] = lw;
  }
  const lse = logSumExp(logWeights);
  if (lse === -Infinity) throw new RangeError(`${fn}: every importance weight is zero (p̃ vanishes on all ${n} proposals)`);
  const W = Float64Array.from(logWeights, (l) => Math.exp(l - lse));
  let est = 0;
  for (let i = 0; i < n; i++) est += W[i] * f(samples[i]);
  const logZhat = lse - Math.log(n);
  return { estimate: est, Zhat: Math.exp(logZhat), logZhat, normalizedWeights: W, logWeights, samples, ess: essFromLogWeights(logWeights) };
}

/**
 * Per-sample variance of direct IS for E_p[z²] with p = N(0,1), q = N(0,σ²) (002 Eqs 4.3.9–4.3.11; oracle 002 D9):
 * V(σ) = E_q[z⁴ w²] − 1 = (3σ/(4√2)) (1 − 1/(2σ²))^{−5/2} − 1, finite only for σ² > 1/2 (Infinity otherwise).
 * Derivation: p²/q = σ/√(2π) · exp(−a z²), a = 1 − 1/(2σ²), and ∫ z⁴ e^{−a z²} dz = (3/4)√π a^{−5/2}.
 */
export function isVarianceSecondMoment(sigma: number): number {
  assertPositive('isVarianceSecondMoment', 'sigma', sigma);
  const a = 1 - 1 / (2 * sigma * sigma);
  if (!(a > 0)) return Infinity;
  return ((3 * sigma) / (4 * Math.SQRT2)) * Math.pow(a, -2.5) - 1;
}

/**
 * Expected ESS fraction 1/E_q[w²] of IS for the N(0, I_d) target with a N(0, σ² I_d) proposal: ((2σ² − 1)^{1/2}/σ²)^d
 * (0 when σ² ≤ 1/2: infinite weight variance). The companion of `rejectionAcceptanceGaussian` for 002 Table 1.
 */
export function isEssFractionGaussian(d: number, sigma: number): number {
  assertInteger('isEssFractionGaussian', 'd', d, 1);
  assertPositive('isEssFractionGaussian', 'sigma', sigma);
  const s2 = sigma * sigma;
  if (2 * s2 - 1 <= 0) return 0;
  return Math.pow(Math.sqrt(2 * s2 - 1) / s2, d);
}

/**
 * The exact expectation of the SNIS estimate Σᵢ f(zᵢ)Wᵢ over all N-tuples z₁..z_N ~ q on a finite space (enumeration
 * of the multinomial counts), to show that SNIS is biased by O(1/N) (002 Eq. 4.3.17, erratum 002-E20). If every draw has
 * zero weight the estimate is taken as 0. Supports up to 4 states and N ≤ 400.
 */
export function snisExpectationExact(opts: { pTilde: ArrayLike<number>; q: ArrayLike<number>; f: ArrayLike<number>; n: number }): number {
  const fn = 'snisExpectationExact';
  checkIsOpts(fn, opts);
  const { pTilde, q, f, n } = opts;
  assertVector(fn, 'pTilde', pTilde);
  const K = pTilde.length;
  if (K > 4) throw new RangeError(`${fn}: at most 4 states are supported (got ${K})`);
  assertVector(fn, 'q', q, K);
  assertVector(fn, 'f', f, K);
  assertInteger(fn, 'n', n, 1, 400);
  let qs = 0;
  for (let i = 0; i < K; i++) {
    if (pTilde[i] < 0) throw new RangeError(`${fn}: pTilde[${i}] must be >= 0 (got ${pTilde[i]})`);
    if (!(q[i] > 0)) throw new RangeError(`${fn}: q[${i}] must be > 0 (got ${describe(q[i])})`);
    qs += q[i];
  }
  if (Math.abs(qs - 1) > 1e-9) throw new RangeError(`${fn}: q must sum to 1 (sums to ${qs})`);
  const w = Array.from(pTilde, (p, i) => p / q[i]);
  const logFact = [0];
  for (let i = 1; i <= n; i++) logFact.push(logFact[i - 1] + Math.log(i));
  const counts = new Array<number>(K).fill(0);
  let total = 0;
  const rec = (i: number, left: number): void => {
    if (i === K - 1) {
      counts[i] = left;
      let lp = logFact[n];
      let num = 0;
      let den = 0;
      for (let j = 0; j < K; j++) {
        lp += counts[j] * Math.log(q[j]) - logFact[counts[j]];
        num += counts[j] * w[j] * f[j];
        den += counts[j] * w[j];
      }
      total += Math.exp(lp) * (den > 0 ? num / den : 0);
      return;
    }
    for (let c = 0; c <= left; c++) {
      counts[i] = c;
      rec(i + 1, left - c);
    }
  };
  rec(0, n);
  return total;
}
