/**
 * Reparameterisation and the density of the result by the change of variables.
 *
 * Source 001 §2: Eq. (1) q(g(z₀)) = q(z₀) |det J_{z₀} g(z₀)|⁻¹ with z₀ ~ N(0, I_K);
 *   Steps 2.1 (2)–(4): g(z₀) = μ + σ ⊙ z₀, J = diag(σ), |det J| = Π σᵢ, so z' ~ N(μ, diag σ²);
 *   Steps 2.2: the cost of |det J| is O(K) for the diagonal case;
 *   Steps 2.3 (5)–(8): g(z₀) = μ + S z₀, J = S, z' ~ N(μ, SSᵀ) — (8) writes det(S)^{−2/2} where |det S|⁻¹ is meant (erratum 001-E21);
 *   Steps 2.4: lower-triangular S with positive diagonal: |det S| = Π Sᵢᵢ, O(K); a dense determinant costs O(K^ω) (LU: O(K³)).
 * Also 000 (3.14) z' = μ + Σ^{1/2} z (diagonal square root, L942–953); 003 L576–583; 004 (68.17), (68.52) with a = log σ².
 */
import { Matrix, matmul, transpose } from '../core/linalg';
import { assertOneOf, assertPositive, assertSquareMatrix, assertVector, describe } from '../core/validate';
import { Rng } from '../core/rng';

const LOG_2PI = Math.log(2 * Math.PI);

/** z' = μ + σ ⊙ z₀ (001 §2 (2); 000 (3.14) with diagonal Σ^{1/2} = diag σ; 003 L581). `sigma` are standard deviations. */
export function reparamDiag(mu: ArrayLike<number>, sigma: ArrayLike<number>, eps: ArrayLike<number>): number[] {
  const fn = 'reparamDiag';
  assertVector(fn, 'mu', mu);
  assertVector(fn, 'sigma', sigma, mu.length);
  assertVector(fn, 'eps', eps, mu.length);
  for (let i = 0; i < sigma.length; i++) assertPositive(fn, `sigma[${i}]`, sigma[i]);
  return Array.from(mu, (m, i) => m + sigma[i] * eps[i]);
}

/** u = μ + e^{a/2} ⊙ ε with log-variances a = log σ² (004 (68.13)–(68.17), componentwise (68.52)). */
export function reparamLogVar(mu: ArrayLike<number>, a: ArrayLike<number>, eps: ArrayLike<number>): number[] {
  const fn = 'reparamLogVar';
  assertVector(fn, 'mu', mu);
  assertVector(fn, 'a', a, mu.length);
  assertVector(fn, 'eps', eps, mu.length);
  return Array.from(mu, (m, i) => m + Math.exp(a[i] / 2) * eps[i]);
}

/** z' = μ + S z₀ for a non-singular K×K matrix S (001 §2 Steps 2.3 (5)); z' ~ N(μ, SSᵀ). */
export function reparamAffine(mu: ArrayLike<number>, S: Matrix, eps: ArrayLike<number>): number[] {
  const fn = 'reparamAffine';
  assertVector(fn, 'mu', mu);
  assertSquareMatrix(fn, 'S', S, mu.length);
  assertVector(fn, 'eps', eps, mu.length);
  return Array.from(mu, (m, i) => m + S[i].reduce((s, v, j) => s + v * eps[j], 0));
}

/** The covariance of μ + S z₀: SSᵀ (001 §2 (6)). */
export function affineCovariance(S: Matrix): Matrix {
  assertSquareMatrix('affineCovariance', 'S', S);
  return matmul(S, transpose(S));
}

/** How the Jacobian is structured: which |det J| algorithm applies (001 §2 Steps 2.2, 2.4). */
export type JacobianStructure = 'diagonal' | 'triangular' | 'dense';
export const JACOBIAN_STRUCTURES: readonly JacobianStructure[] = ['diagonal', 'triangular', 'dense'];

/** log|det S| and the number of floating-point operations used. */
export interface LogDetResult {
  logAbsDet: number;
  /** sign of det S (+1 or −1). */
  sign: number;
  /** Multiply/add/divide/log operations counted by the algorithm (diagonal and triangular: K logs; dense: LU ≈ 2K³/3). */
  flops: number;
}

/**
 * log|det S| by the algorithm that the structure allows: 'diagonal' and 'triangular' read the diagonal (Σ log|Sᵢᵢ|, O(K),
 * 001 §2 Steps 2.2 and 2.4); 'dense' factors S = P⁻¹LU with partial pivoting (O(K³)). The structure is checked
 * (a 'triangular' S must be lower-triangular, a 'diagonal' S diagonal); a singular S throws.
 */
export function logAbsDet(S: Matrix, structure: JacobianStructure = 'dense'): LogDetResult {
  const fn = 'logAbsDet';
  assertSquareMatrix(fn, 'S', S);
  assertOneOf(fn, 'structure', structure, JACOBIAN_STRUCTURES);
  const K = S.length;
  if (structure !== 'dense') {
    for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) {
      const off = structure === 'diagonal' ? i !== j : j > i;
      if (off && S[i][j] !== 0) throw new RangeError(`${fn}: S must be ${structure === 'diagonal' ? 'diagonal' : 'lower-triangular'} for structure '${structure}' (S[${i}][${j}] = ${S[i][j]})`);
    }
  }
  return logAbsDetUnchecked(S, structure);
}

/** The algorithms of `logAbsDet` without the O(K²) structure check (what the timing measures). */
function logAbsDetUnchecked(S: Matrix, structure: JacobianStructure): LogDetResult {
  const fn = 'logAbsDet';
  const K = S.length;
  if (structure !== 'dense') {
    let s = 0;
    let sign = 1;
    for (let i = 0; i < K; i++) {
      if (S[i][i] === 0) throw new RangeError(`${fn}: S must be non-singular (S[${i}][${i}] = 0)`);
      s += Math.log(Math.abs(S[i][i]));
      if (S[i][i] < 0) sign = -sign;
    }
    return { logAbsDet: s, sign, flops: K };
  }
  const A = S.map((r) => Array.from(r));
  let s = 0;
  let sign = 1;
  let flops = 0;
  for (let k = 0; k < K; k++) {
    let p = k;
    for (let i = k + 1; i < K; i++) if (Math.abs(A[i][k]) > Math.abs(A[p][k])) p = i;
    if (A[p][k] === 0) throw new RangeError(`${fn}: S must be non-singular (got ${describe(S)})`);
    if (p !== k) {
      [A[p], A[k]] = [A[k], A[p]];
      sign = -sign;
    }
    const piv = A[k][k];
    if (piv < 0) sign = -sign;
    s += Math.log(Math.abs(piv));
    flops++;
    for (let i = k + 1; i < K; i++) {
      const f = A[i][k] / piv;
      flops++;
      if (f === 0) continue;
      const ri = A[i];
      const rk = A[k];
      for (let j = k + 1; j < K; j++) ri[j] -= f * rk[j];
      flops += 2 * (K - k - 1);
    }
  }
  return { logAbsDet: s, sign, flops };
}

/** A Gaussian pushed forward by an affine map: either diagonal (σ) or a matrix S. */
export type AffineMap = { mu: ArrayLike<number>; sigma: ArrayLike<number> } | { mu: ArrayLike<number>; S: Matrix; structure?: JacobianStructure };

/**
 * log q(z') by the change of variables (001 §2 Eq. (1)): log N(z₀; 0, I) − log|det J| with z₀ = g⁻¹(z') —
 * z₀ = (z' − μ)/σ (Steps 2.1 (2)) or z₀ = S⁻¹(z' − μ) (Steps 2.3 (5)), solved by substitution for triangular S.
 * 001 §2 values (AUDIT-NOTES): μ = (1, −1), σ = (0.5, 2) at z' = (1.5, 0) gives −2.4628770664093453.
 */
export function changeOfVariablesLogDensity(map: AffineMap, zPrime: ArrayLike<number>): number {
  const fn = 'changeOfVariablesLogDensity';
  if (!map || typeof map !== 'object') throw new TypeError(`${fn}: map must be { mu, sigma } or { mu, S } (got ${describe(map)})`);
  assertVector(fn, 'map.mu', map.mu);
  const K = map.mu.length;
  assertVector(fn, 'zPrime', zPrime, K);
  let z0: number[];
  let ld: number;
  if ('sigma' in map) {
    assertVector(fn, 'map.sigma', map.sigma, K);
    for (let i = 0; i < K; i++) assertPositive(fn, `map.sigma[${i}]`, map.sigma[i]);
    z0 = Array.from(zPrime, (z, i) => (z - map.mu[i]) / map.sigma[i]);
    ld = Array.from(map.sigma).reduce((s, v) => s + Math.log(v), 0);
  } else if ('S' in map) {
    assertSquareMatrix(fn, 'map.S', map.S, K);
    const structure = map.structure ?? 'dense';
    ld = logAbsDet(map.S, structure).logAbsDet;
    const r = Array.from(zPrime, (z, i) => z - map.mu[i]);
    z0 = structure === 'dense' ? solveDense(map.S, r) : forwardSubstitute(map.S, r);
  } else {
    throw new TypeError(`${fn}: map must have either sigma or S (got ${describe(map)})`);
  }
  const q0 = z0.reduce((s, v) => s - 0.5 * LOG_2PI - 0.5 * v * v, 0);
  return q0 - ld;
}

function forwardSubstitute(L: Matrix, b: number[]): number[] {
  const x = new Array<number>(b.length);
  for (let i = 0; i < b.length; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i][k] * x[k];
    x[i] = s / L[i][i];
  }
  return x;
}

function solveDense(S: Matrix, b: number[]): number[] {
  // Gaussian elimination with partial pivoting on a copy (S is non-singular: logAbsDet checked it).
  const n = b.length;
  const A = S.map((r, i) => [...Array.from(r), b[i]]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(A[i][k]) > Math.abs(A[p][k])) p = i;
    [A[p], A[k]] = [A[k], A[p]];
    for (let i = k + 1; i < n; i++) {
      const f = A[i][k] / A[k][k];
      for (let j = k; j <= n; j++) A[i][j] -= f * A[k][j];
    }
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = A[i][n];
    for (let j = i + 1; j < n; j++) s -= A[i][j] * x[j];
    x[i] = s / A[i][i];
  }
  return x;
}

/**
 * Source form of 001 §2 Steps 2.3 (8): the density q(z₀)·det(S)^{−2/2} read literally, i.e. q(z₀)/det(S) — negative when
 * det S < 0 (erratum 001-E21). Returns a density (not a log), because the source form can be negative.
 */
export function sourceFormAffineDensity(mu: ArrayLike<number>, S: Matrix, zPrime: ArrayLike<number>): number {
  const fn = 'sourceFormAffineDensity';
  assertVector(fn, 'mu', mu);
  assertSquareMatrix(fn, 'S', S, mu.length);
  assertVector(fn, 'zPrime', zPrime, mu.length);
  const { logAbsDet: l, sign } = logAbsDet(S, 'dense');
  const z0 = solveDense(S, Array.from(zPrime, (z, i) => z - mu[i]));
  const q0 = Math.exp(z0.reduce((s, v) => s - 0.5 * LOG_2PI - 0.5 * v * v, 0));
  return q0 / (sign * Math.exp(l));
}

/** n draws of z₀ ~ N(0, I_K) and their images z' = μ + σ ⊙ z₀ or μ + S z₀ (the ε-cloud and the transformed cloud). */
export function reparamCloud(map: AffineMap, n: number, rng: Rng): { eps: number[][]; z: number[][] } {
  const fn = 'reparamCloud';
  if (!rng || typeof (rng as Partial<Rng>).normal !== 'function') throw new TypeError(`${fn}: rng must be a seeded generator from core.rng(seed) (got ${describe(rng)})`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${fn}: n must be an integer >= 1 (got ${describe(n)})`);
  if (!map || typeof map !== 'object' || !('mu' in map)) throw new TypeError(`${fn}: map must be { mu, sigma } or { mu, S } (got ${describe(map)})`);
  assertVector(fn, 'map.mu', map.mu);
  const K = map.mu.length;
  const eps: number[][] = [];
  const z: number[][] = [];
  for (let i = 0; i < n; i++) {
    const e = Array.from(rng.normals(K));
    eps.push(e);
    z.push('sigma' in map ? reparamDiag(map.mu, map.sigma, e) : reparamAffine(map.mu, (map as { S: Matrix }).S, e));
  }
  return { eps, z };
}

/** A random K×K matrix with the given structure (triangular and diagonal ones have a positive diagonal), for timing. */
export function randomJacobian(K: number, structure: JacobianStructure, rng: Rng): Matrix {
  const fn = 'randomJacobian';
  if (!Number.isInteger(K) || K < 1) throw new RangeError(`${fn}: K must be an integer >= 1 (got ${describe(K)})`);
  assertOneOf(fn, 'structure', structure, JACOBIAN_STRUCTURES);
  return Array.from({ length: K }, (_, i) =>
    Array.from({ length: K }, (_, j) => {
      if (i === j) return structure === 'dense' ? rng.normal() + 3 : 0.5 + rng.uniform();
      if (structure === 'diagonal' || (structure === 'triangular' && j > i)) return 0;
      return rng.normal() / Math.sqrt(K);
    }),
  );
}

/** Timing of log|det J| per structure and K (001 §2 Steps 2.2/2.4): the fastest of `reps` timed runs (after a warm-up), and the flop count. */
export interface LogDetTiming {
  K: number;
  structure: JacobianStructure;
  seconds: number;
  flops: number;
}

/** Measure `logAbsDet` for each K and structure (the plot "time of |det J| vs K", log–log slopes 1, 1, ≈3). */
export function timeLogAbsDet(Ks: number[], rng: Rng, opts: { reps?: number; structures?: JacobianStructure[] } = {}): LogDetTiming[] {
  const fn = 'timeLogAbsDet';
  if (!Array.isArray(Ks) || Ks.length === 0) throw new TypeError(`${fn}: Ks must be a non-empty array of integers (got ${describe(Ks)})`);
  Ks.forEach((K, i) => {
    if (!Number.isInteger(K) || K < 1 || K > 4096) throw new RangeError(`${fn}: Ks[${i}] must be an integer in [1, 4096] (got ${describe(K)})`);
  });
  const reps = opts.reps ?? 5;
  if (!Number.isInteger(reps) || reps < 1) throw new RangeError(`${fn}: opts.reps must be an integer >= 1 (got ${describe(reps)})`);
  const structures = opts.structures ?? [...JACOBIAN_STRUCTURES];
  structures.forEach((s, i) => assertOneOf(fn, `opts.structures[${i}]`, s, JACOBIAN_STRUCTURES));
  const out: LogDetTiming[] = [];
  for (const K of Ks) for (const structure of structures) {
    const S = randomJacobian(K, structure, rng);
    const times: number[] = [];
    let flops = 0;
    // repeat small problems inside one timing so the clock resolution does not dominate
    const inner = Math.max(1, Math.floor(200000 / (structure === 'dense' ? K * K * K + 1 : K + 1)));
    for (let q = 0; q < inner; q++) flops = logAbsDetUnchecked(S, structure).flops; // warm-up (JIT), not timed
    for (let r = 0; r < reps; r++) {
      const t0 = process.hrtime.bigint();
      for (let q = 0; q < inner; q++) flops = logAbsDetUnchecked(S, structure).flops;
      times.push(Number(process.hrtime.bigint() - t0) / 1e9 / inner);
    }
    // the minimum over repetitions: the least disturbed run on a shared machine
    out.push({ K, structure, seconds: Math.min(...times), flops });
  }
  return out;
}
