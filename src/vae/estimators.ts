/**
 * Gradient estimators of ∇_{μ,σ} E_{z~N(μ,σ²)}[f(z)] — why the VAE reparameterises.
 *
 * Pathwise (reparameterised; 003 L576–583, 004 (68.17) and (68.53), 000 (3.14)): z = μ + σε, ε ~ N(0, 1),
 *   ∇_μ = E[f'(z)],  ∇_σ = E[f'(z) ε].
 * Score function (REINFORCE; Williams 1992 — an extension: the sources name only the pathwise route):
 *   ∇_μ = E[f(z) (z − μ)/σ²],  ∇_σ = E[f(z) ((z − μ)² − σ²)/σ³], optionally with a constant baseline c subtracted from f.
 * For f(z) = z²: ∇_μ = 2μ and ∇_σ = 2σ (003 §4.5 oracle: μ = 1.5, σ = 0.5 → 3.0 and 1.0).
 */
import { Rng } from '../core/rng';
import { assertFiniteNumber, assertInteger, assertPositive, describe } from '../core/validate';

/** Per-sample estimates and their summary (mean, variance of one sample, standard error of the mean). */
export interface GradientEstimate {
  mu: number;
  sigma: number;
  /** Variance of a single-sample estimate of ∂/∂μ and ∂/∂σ (the quantity the plot compares). */
  varMu: number;
  varSigma: number;
  stdErrMu: number;
  stdErrSigma: number;
  samples: number;
}

function checkCommon(fn: string, f: unknown, mu: number, sigma: number, samples: number, rng: Rng): void {
  if (typeof f !== 'function') throw new TypeError(`${fn}: f must be a function (got ${describe(f)})`);
  assertFiniteNumber(fn, 'mu', mu);
  assertPositive(fn, 'sigma', sigma);
  assertInteger(fn, 'samples', samples, 2);
  if (!rng || typeof (rng as Partial<Rng>).normal !== 'function') throw new TypeError(`${fn}: rng must be a seeded generator from core.rng(seed) (got ${describe(rng)})`);
}

function summarise(fn: string, gm: number[], gs: number[]): GradientEstimate {
  const n = gm.length;
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / n;
  const m1 = mean(gm);
  const m2 = mean(gs);
  const v1 = gm.reduce((s, v) => s + (v - m1) ** 2, 0) / (n - 1);
  const v2 = gs.reduce((s, v) => s + (v - m2) ** 2, 0) / (n - 1);
  if (![m1, m2, v1, v2].every(Number.isFinite)) throw new RangeError(`${fn}: f produced non-finite values (mean ${m1}, ${m2})`);
  return { mu: m1, sigma: m2, varMu: v1, varSigma: v2, stdErrMu: Math.sqrt(v1 / n), stdErrSigma: Math.sqrt(v2 / n), samples: n };
}

/** Pathwise estimator with S draws: averages f'(μ + σε) and f'(μ + σε)·ε (003 L583; 004 (68.53)). */
export function pathwiseGradient(fPrime: (z: number) => number, mu: number, sigma: number, samples: number, rng: Rng): GradientEstimate {
  checkCommon('pathwiseGradient', fPrime, mu, sigma, samples, rng);
  const gm: number[] = [];
  const gs: number[] = [];
  for (let s = 0; s < samples; s++) {
    const e = rng.normal();
    const d = fPrime(mu + sigma * e);
    gm.push(d);
    gs.push(d * e);
  }
  return summarise('pathwiseGradient', gm, gs);
}

/** Score-function (REINFORCE) estimator with S draws and an optional constant baseline (extension; Williams 1992). */
export function scoreFunctionGradient(f: (z: number) => number, mu: number, sigma: number, samples: number, rng: Rng, opts: { baseline?: number } = {}): GradientEstimate {
  checkCommon('scoreFunctionGradient', f, mu, sigma, samples, rng);
  const c = opts.baseline ?? 0;
  assertFiniteNumber('scoreFunctionGradient', 'opts.baseline', c);
  const gm: number[] = [];
  const gs: number[] = [];
  for (let s = 0; s < samples; s++) {
    const e = rng.normal();
    const fz = f(mu + sigma * e) - c;
    gm.push((fz * e) / sigma);
    gs.push((fz * (e * e - 1)) / sigma);
  }
  return summarise('scoreFunctionGradient', gm, gs);
}

/** Exact per-sample variances for f(z) = z² (independent derivation from Gaussian moments E[εⁿ] = (n−1)!!). */
export function squareFunctionVariances(mu: number, sigma: number): { pathwise: { mu: number; sigma: number }; score: { mu: number; sigma: number } } {
  assertFiniteNumber('squareFunctionVariances', 'mu', mu);
  assertPositive('squareFunctionVariances', 'sigma', sigma);
  const E = (n: number) => (n % 2 === 1 ? 0 : n === 0 ? 1 : Array.from({ length: n / 2 }, (_, i) => 2 * i + 1).reduce((a, b) => a * b, 1));
  // f(z)² ε² with f = (μ + σε)²: E[(μ + σε)⁴ εᵖ] = Σ_j C(4, j) μ^{4−j} σ^j E[ε^{j+p}]
  const C4 = [1, 4, 6, 4, 1];
  const m4 = (p: number) => C4.reduce((s, c, j) => s + c * mu ** (4 - j) * sigma ** j * E(j + p), 0);
  const scoreMu = m4(2) / sigma ** 2 - (2 * mu) ** 2;
  // (ε² − 1)² = ε⁴ − 2ε² + 1
  const scoreSigma = (m4(4) - 2 * m4(2) + m4(0)) / sigma ** 2 - (2 * sigma) ** 2;
  return { pathwise: { mu: 4 * sigma * sigma, sigma: 4 * mu * mu + 8 * sigma * sigma }, score: { mu: scoreMu, sigma: scoreSigma } };
}
