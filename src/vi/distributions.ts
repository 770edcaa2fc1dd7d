/**
 * The Dirichlet and Wishart distributions of 002 App. B (B.1 L1705–1719, B.2 L1721–1739): densities, samplers and the
 * expectations that mean-field VI needs (E[log x_i], E[log|Λ|], E[Λ], E[Λ⁻¹]). Conventions follow the notes'
 * W_p(V, n) (V the scale matrix, n the degrees of freedom); the Bayesian GMM uses the same W(Λ | W, ν) (Bishop 2006, B.78).
 */
import { Rng } from '../core/rng';
import { digamma, logGamma } from '../core/special';
import { Matrix, cholesky, inverse, logDetFromCholesky, zeros } from '../core/linalg';
import { assertPositive, assertSquareMatrix, assertVector, describe } from '../core/validate';

function assertAlpha(fn: string, alpha: unknown): asserts alpha is ArrayLike<number> {
  assertVector(fn, 'alpha', alpha);
  const a = alpha as ArrayLike<number>;
  if (a.length < 2) throw new RangeError(`${fn}: alpha must have at least 2 entries (got length ${a.length})`);
  for (let i = 0; i < a.length; i++) if (!(a[i] > 0)) throw new RangeError(`${fn}: alpha[${i}] must be > 0 (got ${a[i]})`);
}

function assertRng(fn: string, rng: unknown): asserts rng is Rng {
  if (!rng || typeof (rng as Partial<Rng>).normal !== 'function') throw new TypeError(`${fn}: rng must be a seeded generator from core.rng(seed) (got ${describe(rng)})`);
}

/** log B(α) = Σ log Γ(α_i) − log Γ(Σ α_i), the Dirichlet normaliser of 002 B.1 (T22). */
export function dirichletLogNormaliser(alpha: ArrayLike<number>): number {
  assertAlpha('dirichletLogNormaliser', alpha);
  let s = 0;
  let a0 = 0;
  for (let i = 0; i < alpha.length; i++) {
    s += logGamma(alpha[i]);
    a0 += alpha[i];
  }
  return s - logGamma(a0);
}

/** log Dir(x | α) = Σ (α_i − 1) log x_i − log B(α) on the open simplex (002 B.1; D22: Dir(2,2,2) at the centre = 40/9). */
export function dirichletLogPdf(x: ArrayLike<number>, alpha: ArrayLike<number>): number {
  const fn = 'dirichletLogPdf';
  assertAlpha(fn, alpha);
  assertVector(fn, 'x', x, alpha.length);
  let s = 0;
  let tot = 0;
  for (let i = 0; i < x.length; i++) {
    if (!(x[i] > 0)) throw new RangeError(`${fn}: x[${i}] must be > 0 (a point of the open simplex) (got ${x[i]})`);
    tot += x[i];
    s += (alpha[i] - 1) * Math.log(x[i]);
  }
  if (Math.abs(tot - 1) > 1e-9) throw new RangeError(`${fn}: x must sum to 1 (got sum ${tot})`);
  return s - dirichletLogNormaliser(alpha);
}

/** n draws from Dir(α) (normalised Gamma(α_i, 1) draws; `core.rng().dirichlet`). */
export function dirichletSample(alpha: ArrayLike<number>, n: number, rng: Rng): number[][] {
  assertAlpha('dirichletSample', alpha);
  assertRng('dirichletSample', rng);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`dirichletSample: n must be an integer >= 1 (got ${describe(n)})`);
  return Array.from({ length: n }, () => Array.from(rng.dirichlet(alpha)));
}

/** E[x] = α/α₀ and E[log x_i] = ψ(α_i) − ψ(α₀) under Dir(α) (the latter enters the BGMM's log ρ_nk, Bishop (10.66)). */
export function dirichletMoments(alpha: ArrayLike<number>): { mean: number[]; expectedLog: number[] } {
  assertAlpha('dirichletMoments', alpha);
  const a0 = Array.from(alpha).reduce((p, q) => p + q, 0);
  const p0 = digamma(a0);
  return { mean: Array.from(alpha, (a) => a / a0), expectedLog: Array.from(alpha, (a) => digamma(a) - p0) };
}

/** log Γ_p(a) = p(p−1)/4 log π + Σ_{i=1}^p log Γ(a + (1 − i)/2), for a > (p − 1)/2 (the Wishart normaliser of 002 B.2). */
export function logMultivariateGamma(p: number, a: number): number {
  const fn = 'logMultivariateGamma';
  if (!Number.isInteger(p) || p < 1) throw new RangeError(`${fn}: p must be an integer >= 1 (got ${describe(p)})`);
  assertPositive(fn, 'a', a);
  if (!(a > (p - 1) / 2)) throw new RangeError(`${fn}: a must be > (p − 1)/2 = ${(p - 1) / 2} (got ${a})`);
  let s = (p * (p - 1) * Math.log(Math.PI)) / 4;
  for (let i = 1; i <= p; i++) s += logGamma(a + (1 - i) / 2);
  return s;
}

function assertWishart(fn: string, V: unknown, n: unknown): Matrix {
  assertSquareMatrix(fn, 'V', V);
  const p = (V as Matrix).length;
  assertPositive(fn, 'n', n);
  if (!((n as number) > p - 1)) throw new RangeError(`${fn}: n must be > p − 1 = ${p - 1} (got ${n})`);
  return cholesky(V as Matrix, 'V');
}

/**
 * log W_p(S | V, n) = (n − p − 1)/2 log|S| − tr(V⁻¹S)/2 − (np/2) log 2 − (n/2) log|V| − log Γ_p(n/2) (002 B.2, L1731).
 */
export function wishartLogPdf(S: Matrix, V: Matrix, n: number): number {
  const fn = 'wishartLogPdf';
  const LV = assertWishart(fn, V, n);
  const p = V.length;
  assertSquareMatrix(fn, 'S', S, p);
  const LS = cholesky(S, 'S');
  const Vi = inverse(V);
  let tr = 0;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) tr += Vi[i][j] * S[j][i];
  return ((n - p - 1) / 2) * logDetFromCholesky(LS) - tr / 2 - ((n * p) / 2) * Math.LN2 - (n / 2) * logDetFromCholesky(LV) - logMultivariateGamma(p, n / 2);
}

/**
 * One draw from W_p(V, n) by the Bartlett decomposition: S = L A Aᵀ Lᵀ with V = L Lᵀ, A lower triangular,
 * A_ii² ~ χ²_{n−i+1}, A_ij ~ N(0, 1) (i > j). For integer n this has the law of the notes' Σ_{i=1}^n g_i g_iᵀ, g_i ~ N(0, V)
 * (002 B.2); `wishartSampleOuter` draws that construction literally.
 */
export function wishartSample(V: Matrix, n: number, rng: Rng): Matrix {
  const fn = 'wishartSample';
  const L = assertWishart(fn, V, n);
  assertRng(fn, rng);
  const p = V.length;
  const A = zeros(p);
  for (let i = 0; i < p; i++) {
    A[i][i] = Math.sqrt(rng.gamma((n - i) / 2, 2));
    for (let j = 0; j < i; j++) A[i][j] = rng.normal();
  }
  const LA = zeros(p);
  for (let i = 0; i < p; i++) for (let j = 0; j <= i; j++) {
    let s = 0;
    for (let k = j; k <= i; k++) s += L[i][k] * A[k][j];
    LA[i][j] = s;
  }
  const S = zeros(p);
  for (let i = 0; i < p; i++) for (let j = 0; j <= i; j++) {
    let s = 0;
    for (let k = 0; k <= j; k++) s += LA[i][k] * LA[j][k];
    S[i][j] = S[j][i] = s;
  }
  return S;
}

/** The notes' construction (002 B.2): S = Σ_{i=1}^n g_i g_iᵀ with g_i ~ N_p(0, V) (integer n ≥ p). */
export function wishartSampleOuter(V: Matrix, n: number, rng: Rng): Matrix {
  const fn = 'wishartSampleOuter';
  const L = assertWishart(fn, V, n);
  assertRng(fn, rng);
  if (!Number.isInteger(n)) throw new RangeError(`${fn}: n must be an integer for the sum of outer products (got ${n})`);
  const p = V.length;
  const S = zeros(p);
  for (let t = 0; t < n; t++) {
    const e = Array.from({ length: p }, () => rng.normal());
    const g = L.map((row) => row.reduce((s, l, k) => s + l * e[k], 0));
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) S[i][j] += g[i] * g[j];
  }
  return S;
}

/**
 * Moments of W_p(V, n) (002 B.2, T23; Bishop (B.80)–(B.81)): E[S] = nV; E[S⁻¹] = V⁻¹/(n − p − 1) for n > p + 1
 * (null otherwise); E[log|S|] = Σ_{i=1}^p ψ((n + 1 − i)/2) + p log 2 + log|V|; the entropy
 * H = −log B(V, n) − (n − p − 1)/2 E[log|S|] + np/2 with log B = −(n/2) log|V| − (np/2) log 2 − log Γ_p(n/2).
 */
export function wishartMoments(V: Matrix, n: number): { mean: Matrix; meanInverse: Matrix | null; expectedLogDet: number; entropy: number; logNormaliser: number } {
  const fn = 'wishartMoments';
  const L = assertWishart(fn, V, n);
  const p = V.length;
  const ld = logDetFromCholesky(L);
  let eld = p * Math.LN2 + ld;
  for (let i = 1; i <= p; i++) eld += digamma((n + 1 - i) / 2);
  const logB = -(n / 2) * ld - ((n * p) / 2) * Math.LN2 - logMultivariateGamma(p, n / 2);
  const Vi = inverse(V);
  return {
    mean: V.map((r) => r.map((v) => n * v)),
    meanInverse: n > p + 1 ? Vi.map((r) => r.map((v) => v / (n - p - 1))) : null,
    expectedLogDet: eld,
    entropy: -logB - ((n - p - 1) / 2) * eld + (n * p) / 2,
    logNormaliser: logB,
  };
}
