/**
 * Gaussian log-densities and draws: univariate, diagonal and full covariance (through Cholesky).
 *
 *   log N(x; μ, σ²)   = −½ log(2π) − log σ − (x−μ)²/(2σ²)
 *   log N(x; μ, Σ)    = −(d/2) log(2π) − ½ log det Σ − ½ (x−μ)ᵀ Σ⁻¹ (x−μ),
 * with log det Σ = 2 Σᵢ log Lᵢᵢ and the quadratic form ‖L⁻¹(x−μ)‖² for Σ = L Lᵀ.
 */
import { cholesky, logDetFromCholesky, Matrix, solveLower, Vector } from './linalg';
import { Rng } from './rng';
import { assertFiniteNumber, assertPositive, assertVector, describe } from './validate';

const LOG_2PI = Math.log(2 * Math.PI);

/** Sigma must be an array of d rows to match the d-vector `other` (squareness and SPD are checked by `cholesky`). */
function assertCovarianceSize(fn: string, other: string, d: number, Sigma: unknown): void {
  if (!Array.isArray(Sigma)) throw new TypeError(`${fn}: Sigma must be a matrix (array of rows) (got ${describe(Sigma)})`);
  if (Sigma.length !== d) throw new RangeError(`${fn}: Sigma must be ${d}×${d} to match ${other} (got ${Sigma.length} rows)`);
}

/** log N(x; mu, sigma²) for scalar x. */
export function normalLogPdf(x: number, mu = 0, sigma = 1): number {
  assertFiniteNumber('normalLogPdf', 'x', x);
  assertFiniteNumber('normalLogPdf', 'mu', mu);
  assertPositive('normalLogPdf', 'sigma', sigma);
  const z = (x - mu) / sigma;
  return -0.5 * LOG_2PI - Math.log(sigma) - 0.5 * z * z;
}

/** N(x; mu, sigma²) for scalar x. */
export function normalPdf(x: number, mu = 0, sigma = 1): number {
  return Math.exp(normalLogPdf(x, mu, sigma));
}

/** log N(x; mu, diag(sigma²)) — sigma holds standard deviations, one per coordinate. */
export function diagGaussianLogPdf(x: Vector, mu: Vector, sigma: Vector): number {
  assertVector('diagGaussianLogPdf', 'x', x);
  assertVector('diagGaussianLogPdf', 'mu', mu, x.length);
  assertVector('diagGaussianLogPdf', 'sigma', sigma, x.length);
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    assertPositive('diagGaussianLogPdf', `sigma[${i}]`, sigma[i]);
    const z = (x[i] - mu[i]) / sigma[i];
    s += -0.5 * LOG_2PI - Math.log(sigma[i]) - 0.5 * z * z;
  }
  return s;
}

/** log N(x; mu, Sigma) for a full symmetric positive-definite covariance (Cholesky; throws if Sigma is not SPD). */
export function mvnLogPdf(x: Vector, mu: Vector, Sigma: Matrix): number {
  assertVector('mvnLogPdf', 'x', x);
  assertVector('mvnLogPdf', 'mu', mu, x.length);
  assertCovarianceSize('mvnLogPdf', 'x', x.length, Sigma);
  const L = cholesky(Sigma, 'Sigma');
  const diff = Array.from(x, (xi, i) => xi - mu[i]);
  const w = solveLower(L, diff);
  let q = 0;
  for (const wi of w) q += wi * wi;
  return -0.5 * x.length * LOG_2PI - 0.5 * logDetFromCholesky(L) - 0.5 * q;
}

/** One draw from N(mu, Sigma) as mu + L ε, ε ~ N(0, I), Sigma = L Lᵀ. */
export function sampleMvn(rng: Rng, mu: Vector, Sigma: Matrix): number[] {
  if (!rng || typeof (rng as Partial<Rng>).normal !== 'function') {
    throw new TypeError(`sampleMvn: rng must be a seeded generator from rng(seed) (got ${describe(rng)})`);
  }
  assertVector('sampleMvn', 'mu', mu);
  assertCovarianceSize('sampleMvn', 'mu', mu.length, Sigma);
  const L = cholesky(Sigma, 'Sigma');
  const eps = Array.from({ length: mu.length }, () => rng.normal());
  return Array.from(mu, (m, i) => {
    let s = m;
    for (let k = 0; k <= i; k++) s += L[i][k] * eps[k];
    return s;
  });
}
