/**
 * Entropy, cross-entropy, Kullback–Leibler and Jensen–Shannon divergences.
 *
 * Source 000 (Nguyen, Tutorial on Deep Generative Model), Appendix A2: H(x) = −Σ P ln P; I(x) = −ln P(x);
 * (A2.1) KL(P‖Q) = Σ P ln(P/Q) = H(x|Q) − H(x) with cross-entropy H(x|Q) = −Σ P ln Q; (A2.2) JS(P‖Q) = ½KL(P‖M) + ½KL(Q‖M),
 * M = (P+Q)/2. Source 004 (Sayed, Ch. 68) (68.117) defines JS the same way; source 002 §3.2 defines KL.
 * Natural logarithms (nats) by default; `base: 'bits'` (or any base > 1) rescales by 1/ln(base).
 * Note (000 erratum E63): JS ≤ ln 2 in nats — the bound "JS ∈ [0, 1]" holds in bits only.
 */
import { assertFiniteNumber, assertProbabilityVector, assertPositive, assertVector, describe } from '../core/validate';
import { xLogX, xLogXOverY, logAddExp } from '../core/special';
import { cholesky, logDetFromCholesky, solveLower, Matrix } from '../core/linalg';
import { quadratureOptions, QuadratureOptions } from './quadrature';

/** Unit of an information quantity: 'nats' (ln), 'bits' (log₂) or a numeric logarithm base > 1. */
export type LogBase = 'nats' | 'bits' | number;

/** Options shared by the information measures. */
export interface InfoOptions {
  /** Unit of the result (default 'nats'). */
  base?: LogBase;
}

/** ln(base) for a LogBase (the divisor that converts nats to that unit). */
export function logOfBase(fn: string, base: LogBase | undefined): number {
  if (base === undefined || base === 'nats') return 1;
  if (base === 'bits') return Math.LN2;
  if (typeof base === 'number' && Number.isFinite(base) && base > 0 && base !== 1) return Math.log(base);
  throw new RangeError(`${fn}: base must be 'nats', 'bits' or a number > 0 other than 1 (got ${describe(base)})`);
}

/** Convert nats to bits: x / ln 2. */
export function natsToBits(x: number): number {
  assertFiniteNumber('natsToBits', 'x', x);
  return x / Math.LN2;
}

/** Convert bits to nats: x · ln 2. */
export function bitsToNats(x: number): number {
  assertFiniteNumber('bitsToNats', 'x', x);
  return x * Math.LN2;
}

function samePmfs(fn: string, p: unknown, q: unknown): asserts p is ArrayLike<number> {
  assertProbabilityVector(fn, 'p', p);
  assertProbabilityVector(fn, 'q', q);
  if ((p as ArrayLike<number>).length !== (q as ArrayLike<number>).length) {
    throw new RangeError(`${fn}: p and q must have the same length (got ${(p as ArrayLike<number>).length} and ${(q as ArrayLike<number>).length})`);
  }
}

/** Shannon entropy H(P) = −Σ P ln P of a probability vector (000 App. A2, discrete form; 0 ln 0 = 0). */
export function entropy(p: ArrayLike<number>, opts: InfoOptions = {}): number {
  assertProbabilityVector('entropy', 'p', p);
  const b = logOfBase('entropy', opts.base);
  let h = 0;
  for (let i = 0; i < p.length; i++) h -= xLogX(p[i]);
  return h / b;
}

/** Self-information I(x) = −ln P(x) of an outcome with probability P(x) (000 App. A2). */
export function information(px: number, opts: InfoOptions = {}): number {
  assertFiniteNumber('information', 'px', px);
  if (!(px > 0 && px <= 1)) throw new RangeError(`information: px must be in (0, 1] (got ${describe(px)})`);
  return -Math.log(px) / logOfBase('information', opts.base);
}

/** Cross-entropy H(P, Q) = −Σ P ln Q (000 (A2.1)); +∞ when Q = 0 where P > 0. */
export function crossEntropy(p: ArrayLike<number>, q: ArrayLike<number>, opts: InfoOptions = {}): number {
  samePmfs('crossEntropy', p, q);
  const b = logOfBase('crossEntropy', opts.base);
  let h = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    if (q[i] === 0) return Infinity;
    h -= p[i] * Math.log(q[i]);
  }
  return h / b;
}

/** KL(P‖Q) = Σ P ln(P/Q) (000 (A2.1), 004 (68.2)); +∞ when Q = 0 where P > 0. Not symmetric. */
export function kl(p: ArrayLike<number>, q: ArrayLike<number>, opts: InfoOptions = {}): number {
  samePmfs('kl', p, q);
  const b = logOfBase('kl', opts.base);
  let d = 0;
  for (let i = 0; i < p.length; i++) d += xLogXOverY(p[i], q[i]);
  return Math.max(0, d) / b;
}

/** The mixture M = (P + Q)/2 used by the Jensen–Shannon divergence. */
export function midpoint(p: ArrayLike<number>, q: ArrayLike<number>): number[] {
  samePmfs('midpoint', p, q);
  return Array.from(p, (pi, i) => 0.5 * (pi + q[i]));
}

/** JS(P‖Q) = ½KL(P‖M) + ½KL(Q‖M), M = (P+Q)/2 (000 (A2.2), 004 (68.117)); 0 ≤ JS ≤ ln 2 nats (= 1 bit). */
export function js(p: ArrayLike<number>, q: ArrayLike<number>, opts: InfoOptions = {}): number {
  samePmfs('js', p, q);
  const m = midpoint(p, q);
  return (0.5 * kl(p, m) + 0.5 * kl(q, m)) / logOfBase('js', opts.base);
}

/** The Jensen–Shannon distance √JS (000 App. A2: the square root, not JS itself, is a metric; erratum E62). */
export function jsDistance(p: ArrayLike<number>, q: ArrayLike<number>, opts: InfoOptions = {}): number {
  return Math.sqrt(js(p, q, opts));
}

// ---------------------------------------------------------------------------------------------------------------
// Gaussian closed forms

/** Differential entropy of N(μ, σ²): ½ ln(2πe σ²). */
export function gaussianEntropy(sigma: number, opts: InfoOptions = {}): number {
  assertPositive('gaussianEntropy', 'sigma', sigma);
  return (0.5 * Math.log(2 * Math.PI * Math.E * sigma * sigma)) / logOfBase('gaussianEntropy', opts.base);
}

/** KL(N(μ₁,σ₁²) ‖ N(μ₂,σ₂²)) = ln(σ₂/σ₁) + (σ₁² + (μ₁−μ₂)²)/(2σ₂²) − ½ (standard closed form; cf. 000 (3.8), 004 (68.20)). */
export function klGaussian(mu1: number, sigma1: number, mu2: number, sigma2: number, opts: InfoOptions = {}): number {
  assertFiniteNumber('klGaussian', 'mu1', mu1);
  assertPositive('klGaussian', 'sigma1', sigma1);
  assertFiniteNumber('klGaussian', 'mu2', mu2);
  assertPositive('klGaussian', 'sigma2', sigma2);
  const d = Math.log(sigma2 / sigma1) + (sigma1 * sigma1 + (mu1 - mu2) ** 2) / (2 * sigma2 * sigma2) - 0.5;
  return Math.max(0, d) / logOfBase('klGaussian', opts.base);
}

/** KL between diagonal Gaussians N(μ₁, diag σ₁²) ‖ N(μ₂, diag σ₂²): the sum of the 1-D closed forms. */
export function klDiagGaussian(mu1: ArrayLike<number>, sigma1: ArrayLike<number>, mu2: ArrayLike<number>, sigma2: ArrayLike<number>, opts: InfoOptions = {}): number {
  assertVector('klDiagGaussian', 'mu1', mu1);
  const k = mu1.length;
  assertVector('klDiagGaussian', 'sigma1', sigma1, k);
  assertVector('klDiagGaussian', 'mu2', mu2, k);
  assertVector('klDiagGaussian', 'sigma2', sigma2, k);
  let d = 0;
  for (let i = 0; i < k; i++) {
    if (!(sigma1[i] > 0)) throw new RangeError(`klDiagGaussian: sigma1[${i}] must be > 0 (got ${sigma1[i]})`);
    if (!(sigma2[i] > 0)) throw new RangeError(`klDiagGaussian: sigma2[${i}] must be > 0 (got ${sigma2[i]})`);
    d += klGaussian(mu1[i], sigma1[i], mu2[i], sigma2[i]);
  }
  return d / logOfBase('klDiagGaussian', opts.base);
}

/**
 * KL(N(μ₁,Σ₁) ‖ N(μ₂,Σ₂)) = ½[tr(Σ₂⁻¹Σ₁) + (μ₂−μ₁)ᵀΣ₂⁻¹(μ₂−μ₁) − k + ln det Σ₂ − ln det Σ₁] (standard closed form;
 * 000 (3.8) states it for the VAE encoder against the prior). Σ's must be symmetric positive definite (Cholesky).
 */
export function klMvn(mu1: ArrayLike<number>, Sigma1: Matrix, mu2: ArrayLike<number>, Sigma2: Matrix, opts: InfoOptions = {}): number {
  assertVector('klMvn', 'mu1', mu1);
  const k = mu1.length;
  assertVector('klMvn', 'mu2', mu2, k);
  const L1 = cholesky(Sigma1, 'Sigma1');
  const L2 = cholesky(Sigma2, 'Sigma2');
  if (L1.length !== k) throw new RangeError(`klMvn: Sigma1 must be ${k}×${k} (got ${L1.length}×${L1.length})`);
  if (L2.length !== k) throw new RangeError(`klMvn: Sigma2 must be ${k}×${k} (got ${L2.length}×${L2.length})`);
  // tr(Σ₂⁻¹Σ₁) = ‖L₂⁻¹L₁‖_F²
  let tr = 0;
  for (let j = 0; j < k; j++) {
    const col = L1.map((row) => row[j]);
    const v = solveLower(L2, col);
    for (const x of v) tr += x * x;
  }
  const diff = Array.from(mu2, (m, i) => m - mu1[i]);
  const w = solveLower(L2, diff);
  let quad = 0;
  for (const x of w) quad += x * x;
  const d = 0.5 * (tr + quad - k + logDetFromCholesky(L2) - logDetFromCholesky(L1));
  return Math.max(0, d) / logOfBase('klMvn', opts.base);
}

// ---------------------------------------------------------------------------------------------------------------
// 1-D densities by quadrature (log-densities in, for numerical stability: 004 A17 notes the naive form underflows)

/** A log-density on the real line, x ↦ ln p(x) (may return −∞ outside the support). */
export type LogDensity = (x: number) => number;

function checkLogDensity(fn: string, arg: string, f: unknown): asserts f is LogDensity {
  if (typeof f !== 'function') throw new TypeError(`${fn}: ${arg} must be a function x => log density (got ${describe(f)})`);
}

function evalLog(fn: string, arg: string, f: LogDensity, x: number): number {
  const v = f(x);
  if (typeof v !== 'number' || Number.isNaN(v) || v === Infinity) {
    throw new RangeError(`${fn}: ${arg}(${x}) must be a log density value in [−∞, ∞) (got ${describe(v)})`);
  }
  return v;
}

/** Simpson's rule over values that may be +∞ (then the integral is +∞). */
function simpsonValues(fn: string, g: (x: number) => number, opts: QuadratureOptions): number {
  const { lower, upper, n } = quadratureOptions(fn, opts);
  const h = (upper - lower) / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const y = g(lower + i * h);
    if (y === Infinity) return Infinity;
    s += (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * y;
  }
  return (s * h) / 3;
}

/** Differential entropy −∫ p ln p by Simpson quadrature on [lower, upper]. */
export function entropyDensity(logp: LogDensity, quad: QuadratureOptions, opts: InfoOptions = {}): number {
  checkLogDensity('entropyDensity', 'logp', logp);
  const v = simpsonValues('entropyDensity', (x) => {
    const lp = evalLog('entropyDensity', 'logp', logp, x);
    return lp === -Infinity ? 0 : -Math.exp(lp) * lp;
  }, quad);
  return v / logOfBase('entropyDensity', opts.base);
}

/** Cross-entropy −∫ p ln q by Simpson quadrature. */
export function crossEntropyDensity(logp: LogDensity, logq: LogDensity, quad: QuadratureOptions, opts: InfoOptions = {}): number {
  checkLogDensity('crossEntropyDensity', 'logp', logp);
  checkLogDensity('crossEntropyDensity', 'logq', logq);
  const v = simpsonValues('crossEntropyDensity', (x) => {
    const lp = evalLog('crossEntropyDensity', 'logp', logp, x);
    if (lp === -Infinity) return 0;
    const lq = evalLog('crossEntropyDensity', 'logq', logq, x);
    return lq === -Infinity ? Infinity : -Math.exp(lp) * lq;
  }, quad);
  return v / logOfBase('crossEntropyDensity', opts.base);
}

/** KL(p‖q) = ∫ p (ln p − ln q) by Simpson quadrature on [lower, upper] (000 (A2.1), density form). */
export function klDensity(logp: LogDensity, logq: LogDensity, quad: QuadratureOptions, opts: InfoOptions = {}): number {
  checkLogDensity('klDensity', 'logp', logp);
  checkLogDensity('klDensity', 'logq', logq);
  const v = simpsonValues('klDensity', (x) => {
    const lp = evalLog('klDensity', 'logp', logp, x);
    if (lp === -Infinity) return 0;
    const lq = evalLog('klDensity', 'logq', logq, x);
    return lq === -Infinity ? Infinity : Math.exp(lp) * (lp - lq);
  }, quad);
  return v / logOfBase('klDensity', opts.base);
}

/**
 * JS(p‖q) = ½∫p ln(p/m) + ½∫q ln(q/m), m = (p+q)/2, by Simpson quadrature; ln m = logAddExp(ln p, ln q) − ln 2 keeps it
 * stable where both densities underflow (004 A17 caveat). (000 (A2.2), 004 (68.117).)
 */
export function jsDensity(logp: LogDensity, logq: LogDensity, quad: QuadratureOptions, opts: InfoOptions = {}): number {
  checkLogDensity('jsDensity', 'logp', logp);
  checkLogDensity('jsDensity', 'logq', logq);
  const v = simpsonValues('jsDensity', (x) => {
    const lp = evalLog('jsDensity', 'logp', logp, x);
    const lq = evalLog('jsDensity', 'logq', logq, x);
    if (lp === -Infinity && lq === -Infinity) return 0;
    const lm = logAddExp(lp, lq) - Math.LN2;
    const a = lp === -Infinity ? 0 : Math.exp(lp) * (lp - lm);
    const b = lq === -Infinity ? 0 : Math.exp(lq) * (lq - lm);
    return 0.5 * (a + b);
  }, quad);
  return Math.max(0, v) / logOfBase('jsDensity', opts.base);
}
