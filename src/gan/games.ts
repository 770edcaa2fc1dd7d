/**
 * Training dynamics of two-player games: the dg game V(d, g) = d·g of source 001 §6 and general quadratic games
 * V(x, y) = ½xᵀPx + xᵀBy + ½yᵀQy, with x the maximising player (discriminator, d) and y the minimising player (generator, g).
 *
 * Source 001 §6, eq. (11) and Steps 6.1–6.3: simultaneous gradient ascent (d) / descent (g) with step α gives
 * [d_{k+1}, g_{k+1}]ᵀ = A [d_k, g_k]ᵀ with A = [[1, α], [−α, 1]], stationary point (0, 0), eigenvalues 1 ± iα,
 * |λ| = √(1+α²) > 1: the iterates spiral outward.
 * Extensions beyond the source (labelled as such in the notebooks): alternating updates; extragradient (Korpelevich 1976);
 * optimistic GDA (Daskalakis et al. 2018); consensus optimisation (Mescheder, Nowozin & Geiger 2017); the continuous-time
 * flow; and the spectral analysis of the Jacobian of a general update operator at a fixed point (Mescheder et al. 2018,
 * "Which training methods for GANs do actually converge?", Prop. 3 / the discrete-time criterion ρ(F'(z*)) < 1).
 */
import { assertFiniteNumber, assertInteger, assertMatrix, assertOneOf, assertPositive, assertSquareMatrix, assertVector, describe } from '../core/validate';
import { ComplexNumber, Matrix, eigenvalues, identity, matmul, matvec, solve, transpose, zeros, det } from '../core/linalg';

/** V(x, y) = ½xᵀPx + xᵀBy + ½yᵀQy; x (size m) maximises, y (size n) minimises. P: m×m, B: m×n, Q: n×n. */
export interface QuadraticGame {
  P: Matrix;
  B: Matrix;
  Q: Matrix;
}

/** Update rules for the two players. */
export type GdaMethod = 'simultaneous' | 'alternating' | 'extragradient' | 'optimistic' | 'consensus';
export const GDA_METHODS: readonly GdaMethod[] = ['simultaneous', 'alternating', 'extragradient', 'optimistic', 'consensus'];

/** Options of an update rule. */
export interface GdaOptions {
  /** Consensus-optimisation weight γ ≥ 0 (Mescheder et al. 2017); default 1. */
  gamma?: number;
}

/** Validate a quadratic game and return its sizes. */
export function gameSizes(game: QuadraticGame, fn = 'gameSizes'): { m: number; n: number } {
  if (!game || typeof game !== 'object') throw new TypeError(`${fn}: game must be an object {P, B, Q} (got ${describe(game)})`);
  assertMatrix(fn, 'game.B', game.B);
  const m = game.B.length;
  const n = game.B[0].length;
  assertSquareMatrix(fn, 'game.P', game.P, m);
  assertSquareMatrix(fn, 'game.Q', game.Q, n);
  return { m, n };
}

/** The dg game of source 001 §6, eq. (11): V(d, g) = d·g (P = 0, B = 1, Q = 0). */
export function dgGame(): QuadraticGame {
  return { P: [[0]], B: [[1]], Q: [[0]] };
}

/** A bilinear game V(x, y) = xᵀBy. */
export function bilinearGame(B: Matrix): QuadraticGame {
  assertMatrix('bilinearGame', 'B', B);
  return { P: zeros(B.length), B: B.map((r) => Array.from(r)), Q: zeros(B[0].length) };
}

/** V(x, y) of a quadratic game. */
export function gameValue(game: QuadraticGame, x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { m, n } = gameSizes(game, 'gameValue');
  assertVector('gameValue', 'x', x, m);
  assertVector('gameValue', 'y', y, n);
  const Px = matvec(game.P, x);
  const By = matvec(game.B, y);
  const Qy = matvec(game.Q, y);
  let v = 0;
  for (let i = 0; i < m; i++) v += 0.5 * x[i] * Px[i] + x[i] * By[i];
  for (let j = 0; j < n; j++) v += 0.5 * y[j] * Qy[j];
  return v;
}

/**
 * The game's Jacobian J of the "descent field" v(z) = (−∇ₓV, ∇ᵧV) = J z, z = (x, y): J = [[−P, −B], [Bᵀ, Q]].
 * Simultaneous GDA is z ← z − α v(z). For the dg game J = [[0, −1], [1, 0]]; 001 §6 Step 2 writes this field as "∇V = (g, −d)"
 * (it is the ascent–descent field up to sign, not ∇V = (g, d); both vanish only at (0, 0)).
 */
export function gameJacobian(game: QuadraticGame): Matrix {
  const { m, n } = gameSizes(game, 'gameJacobian');
  const J = zeros(m + n);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) J[i][k] = -game.P[i][k];
    for (let j = 0; j < n; j++) J[i][m + j] = -game.B[i][j];
  }
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) J[m + j][i] = game.B[i][j];
    for (let l = 0; l < n; l++) J[m + j][m + l] = game.Q[j][l];
  }
  return J;
}

/** The descent field v(z) = J z at z = (x, y). */
export function gameVectorField(game: QuadraticGame, z: ArrayLike<number>): number[] {
  const J = gameJacobian(game);
  assertVector('gameVectorField', 'z', z, J.length);
  return matvec(J, z);
}

/** Stationary points of the update map: v(z) = 0 ⇔ J z = 0; unique (z = 0) iff det J ≠ 0 (001 §6 Step 2). */
export function stationaryPoint(game: QuadraticGame): { point: number[]; unique: boolean } {
  const J = gameJacobian(game);
  const unique = Math.abs(det(J)) > 1e-12;
  // `+ 0` turns the −0 that the solver may return into 0.
  return { point: unique ? solve(J, new Array(J.length).fill(0)).map((v) => v + 0) : new Array(J.length).fill(0), unique };
}

function add(A: Matrix, B: Matrix, b = 1): Matrix {
  return A.map((r, i) => r.map((v, j) => v + b * B[i][j]));
}
function scale(A: Matrix, s: number): Matrix {
  return A.map((r) => r.map((v) => v * s));
}

/**
 * The linear update matrix of a method applied to a quadratic game with step α (so z_{k+1} = A z_k):
 * - simultaneous (001 §6 Step 1): A = I − αJ — for dg, [[1, α], [−α, 1]];
 * - alternating (x first, then y with the new x): A = [[I, 0], [−αBᵀ, I − αQ]]·[[I + αP, αB], [0, I]] — for dg, [[1, α], [−α, 1 − α²]];
 * - extragradient (Korpelevich 1976): A = I − αJ(I − αJ);
 * - consensus (Mescheder et al. 2017): A = I − α(J + γJᵀJ);
 * - optimistic (Daskalakis et al. 2018), z_{k+1} = z_k − 2αv(z_k) + αv(z_{k−1}): the 2(m+n) companion matrix
 *   [[I − 2αJ, αJ], [I, 0]] acting on (z_k, z_{k−1}).
 */
export function updateMatrix(game: QuadraticGame, alpha: number, method: GdaMethod = 'simultaneous', opts: GdaOptions = {}): Matrix {
  const fn = 'updateMatrix';
  const { m, n } = gameSizes(game, fn);
  assertPositive(fn, 'alpha', alpha);
  assertOneOf(fn, 'method', method, GDA_METHODS);
  const J = gameJacobian(game);
  const N = m + n;
  const I = identity(N);
  switch (method) {
    case 'simultaneous':
      return add(I, J, -alpha);
    case 'alternating': {
      const M1 = identity(N);
      for (let i = 0; i < m; i++) {
        for (let k = 0; k < m; k++) M1[i][k] += alpha * game.P[i][k];
        for (let j = 0; j < n; j++) M1[i][m + j] = alpha * game.B[i][j];
      }
      const M2 = identity(N);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < m; i++) M2[m + j][i] = -alpha * game.B[i][j];
        for (let l = 0; l < n; l++) M2[m + j][m + l] -= alpha * game.Q[j][l];
      }
      return matmul(M2, M1);
    }
    case 'extragradient':
      return add(I, matmul(J, add(I, J, -alpha)), -alpha);
    case 'consensus': {
      const gamma = opts.gamma ?? 1;
      assertFiniteNumber(fn, 'gamma', gamma);
      if (gamma < 0) throw new RangeError(`${fn}: gamma must be >= 0 (got ${gamma})`);
      return add(I, add(J, matmul(transpose(J), J), gamma), -alpha);
    }
    case 'optimistic': {
      const C = zeros(2 * N);
      const top = add(I, J, -2 * alpha);
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) {
          C[i][j] = top[i][j];
          C[i][N + j] = alpha * J[i][j];
        }
        C[N + i][i] = 1;
      }
      return C;
    }
  }
  throw new RangeError(`${fn}: unknown method ${describe(method)}`);
}

/** The update matrix for the dg game of 001 §6 (default: simultaneous GDA, A = [[1, α], [−α, 1]]). */
export function dgUpdateMatrix(alpha: number, method: GdaMethod = 'simultaneous', opts: GdaOptions = {}): Matrix {
  return updateMatrix(dgGame(), alpha, method, opts);
}

/**
 * 001 §6 Steps 6.1 as printed: the g-update is written g_{k+1} = d_k − α ∂(d_k g_k)/∂g_k = d_k − α d_k (a typo; the text
 * then writes g_k − α d_k). Read literally it gives A = [[1, α], [1 − α, 0]] (erratum 001-E6.1). For the errata cell only.
 */
export function dgUpdateMatrixSourceLiteral(alpha: number): Matrix {
  assertPositive('dgUpdateMatrixSourceLiteral', 'alpha', alpha);
  return [
    [1, alpha],
    [1 - alpha, 0],
  ];
}

/** Spectral facts of an update matrix: eigenvalues, their moduli, ρ(A), convergence (ρ < 1) and the log-rate log ρ. */
export interface SpectralAnalysis {
  eigenvalues: ComplexNumber[];
  moduli: number[];
  spectralRadius: number;
  /** ρ(A) < 1: the linear iteration converges to the fixed point from every start. */
  converges: boolean;
  /** log ρ(A): the asymptotic slope of log ‖z_k‖ against k. */
  logRate: number;
}

/**
 * Eigenvalues of a small real matrix: core.eigenvalues (mathjs eigs) first; when mathjs fails to converge (it does on the
 * 4×4 optimistic-GDA companion matrix of the dg game at α = 0.5), the roots of the characteristic polynomial
 * (Faddeev–LeVerrier + Durand–Kerner), adequate for the ≤ 8×8 matrices of this module.
 */
export function gameEigenvalues(A: Matrix): ComplexNumber[] {
  assertSquareMatrix('gameEigenvalues', 'A', A);
  return eigenvalues(A);
}

/** Eigenvalues (core.eigenvalues, via mathjs eigs, with a characteristic-polynomial fallback), moduli and spectral radius. */
export function spectralAnalysis(A: Matrix): SpectralAnalysis {
  assertSquareMatrix('spectralAnalysis', 'A', A);
  const ev = gameEigenvalues(A);
  const moduli = ev.map((z) => Math.hypot(z.re, z.im));
  const rho = Math.max(...moduli);
  return { eigenvalues: ev, moduli, spectralRadius: rho, converges: rho < 1 - 1e-12, logRate: Math.log(rho) };
}

/** Closed-form eigenvalues of the simultaneous dg matrix, 1 ± iα (001 §6 Step 3). */
export function dgEigenvaluesClosedForm(alpha: number): ComplexNumber[] {
  assertPositive('dgEigenvaluesClosedForm', 'alpha', alpha);
  return [
    { re: 1, im: -alpha },
    { re: 1, im: alpha },
  ];
}

/** |λ| = √(1 + α²) for the simultaneous dg matrix (001 §6 Step 3). */
export function dgEigenvalueModulus(alpha: number): number {
  assertPositive('dgEigenvalueModulus', 'alpha', alpha);
  return Math.sqrt(1 + alpha * alpha);
}

/** ‖(d_k, g_k)‖ = (1 + α²)^{k/2} ‖(d_0, g_0)‖ for simultaneous GDA on dg (A/√(1+α²) is a rotation). */
export function dgNormAfterSteps(alpha: number, k: number, norm0: number): number {
  assertPositive('dgNormAfterSteps', 'alpha', alpha);
  assertInteger('dgNormAfterSteps', 'k', k, 0);
  assertFiniteNumber('dgNormAfterSteps', 'norm0', norm0);
  if (norm0 < 0) throw new RangeError(`dgNormAfterSteps: norm0 must be >= 0 (got ${norm0})`);
  return Math.pow(1 + alpha * alpha, k / 2) * norm0;
}

/**
 * The criterion 001 §6 Step 3 uses ("the real part is positive, so not locally convergent"), made executable for the
 * errata cell: true when every eigenvalue has a positive real part. It is NOT the convergence criterion of a discrete map
 * (that is ρ(A) < 1); extragradient at α = 0.5 has Re λ = 0.75 > 0 and still converges.
 */
export function sourceRealPartCriterionSaysDiverges(A: Matrix): boolean {
  return gameEigenvalues(A).every((z) => z.re > 0);
}

/** A^k by repeated squaring. */
export function matrixPower(A: Matrix, k: number): Matrix {
  assertSquareMatrix('matrixPower', 'A', A);
  assertInteger('matrixPower', 'k', k, 0);
  let result = identity(A.length);
  let base = A.map((r) => Array.from(r));
  let e = k;
  while (e > 0) {
    if (e & 1) result = matmul(result, base);
    base = matmul(base, base);
    e = Math.floor(e / 2);
  }
  return result;
}

/** z_0, A z_0, …, A^steps z_0 (the whole trajectory of a linear iteration). */
export function iterateLinear(A: Matrix, z0: ArrayLike<number>, steps: number): number[][] {
  assertSquareMatrix('iterateLinear', 'A', A);
  assertVector('iterateLinear', 'z0', z0, A.length);
  assertInteger('iterateLinear', 'steps', steps, 0);
  const out: number[][] = [Array.from(z0)];
  for (let k = 0; k < steps; k++) out.push(matvec(A, out[k]));
  return out;
}

/**
 * The trajectory (x_k, y_k), k = 0…steps, of a method on a quadratic game from z0 = (x_0, y_0). For 'optimistic' the
 * previous iterate starts equal to z0 (z_{−1} = z_0). The dg game's z is (d, g).
 */
export function iterateGame(game: QuadraticGame, alpha: number, method: GdaMethod, z0: ArrayLike<number>, steps: number, opts: GdaOptions = {}): number[][] {
  const A = updateMatrix(game, alpha, method, opts);
  const { m, n } = gameSizes(game, 'iterateGame');
  assertVector('iterateGame', 'z0', z0, m + n);
  const start = method === 'optimistic' ? [...Array.from(z0), ...Array.from(z0)] : Array.from(z0);
  return iterateLinear(A, start, steps).map((z) => z.slice(0, m + n));
}

/** Euclidean norms of the points of a trajectory. */
export function trajectoryNorms(traj: number[][]): number[] {
  if (!Array.isArray(traj) || traj.length === 0) throw new TypeError(`trajectoryNorms: traj must be a non-empty array of points (got ${describe(traj)})`);
  return traj.map((z, k) => {
    assertVector('trajectoryNorms', `traj[${k}]`, z);
    return Math.hypot(...z);
  });
}

/** Exact ‖A^k z0‖ (by matrix powers; for the log-norm plot against the predicted ρ(A)^k). */
export function exactNormAfterSteps(A: Matrix, z0: ArrayLike<number>, k: number): number {
  assertVector('exactNormAfterSteps', 'z0', z0, A.length);
  return Math.hypot(...matvec(matrixPower(A, k), z0));
}

/** ρ(A(α)) for each α of a list, for one method (the "ρ against α" plot). */
export function spectralRadiusCurve(game: QuadraticGame, method: GdaMethod, alphas: ArrayLike<number>, opts: GdaOptions = {}): number[] {
  assertVector('spectralRadiusCurve', 'alphas', alphas);
  return Array.from(alphas, (a) => spectralAnalysis(updateMatrix(game, a, method, opts)).spectralRadius);
}

/** exp(M) by scaling and squaring with a degree-18 Taylor polynomial (small matrices). */
export function expm(M: Matrix): Matrix {
  assertSquareMatrix('expm', 'M', M);
  const norm = Math.max(...M.map((r) => r.reduce((s, v) => s + Math.abs(v), 0)));
  const s = norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
  const X = scale(M, 1 / 2 ** s);
  let term = identity(M.length);
  let E = identity(M.length);
  for (let k = 1; k <= 18; k++) {
    term = scale(matmul(term, X), 1 / k);
    E = add(E, term);
  }
  for (let i = 0; i < s; i++) E = matmul(E, E);
  return E;
}

/**
 * The continuous-time gradient flow ż = −v(z) = −J z (the limit α → 0 of simultaneous GDA; extension): z(t) = exp(−Jt) z0.
 * For dg it is a pure rotation, ‖z(t)‖ = ‖z0‖; the eigenvalues of −J are ±i (real part 0: neither convergent nor divergent).
 */
export function flowTrajectory(game: QuadraticGame, z0: ArrayLike<number>, tMax: number, nPoints: number): { t: number[]; z: number[][] } {
  const J = gameJacobian(game);
  assertVector('flowTrajectory', 'z0', z0, J.length);
  assertPositive('flowTrajectory', 'tMax', tMax);
  assertInteger('flowTrajectory', 'nPoints', nPoints, 2);
  const dt = tMax / (nPoints - 1);
  const step = expm(scale(J, -dt));
  const t: number[] = [];
  const z: number[][] = [Array.from(z0)];
  for (let i = 0; i < nPoints; i++) {
    t.push(i * dt);
    if (i > 0) z.push(matvec(step, z[i - 1]));
  }
  return { t, z };
}

/** Eigenvalues of the flow's matrix −J (continuous-time stability: all real parts < 0 ⇔ asymptotically stable). */
export function flowEigenvalues(game: QuadraticGame): ComplexNumber[] {
  return gameEigenvalues(scale(gameJacobian(game), -1));
}

/** Central-difference Jacobian of F: Rⁿ → Rⁿ at z (step h): column j = (F(z + h e_j) − F(z − h e_j)) / 2h. */
export function numericalJacobian(F: (z: number[]) => ArrayLike<number>, z: ArrayLike<number>, h = 1e-6): Matrix {
  if (typeof F !== 'function') throw new TypeError(`numericalJacobian: F must be a function (got ${describe(F)})`);
  assertVector('numericalJacobian', 'z', z);
  assertPositive('numericalJacobian', 'h', h);
  const n = z.length;
  const Jm = zeros(n);
  for (let j = 0; j < n; j++) {
    const zp = Array.from(z);
    const zm = Array.from(z);
    zp[j] += h;
    zm[j] -= h;
    const fp = F(zp);
    const fm = F(zm);
    assertVector('numericalJacobian', 'F(z)', fp, n);
    assertVector('numericalJacobian', 'F(z)', fm, n);
    for (let i = 0; i < n; i++) Jm[i][j] = (fp[i] - fm[i]) / (2 * h);
  }
  return Jm;
}

/**
 * Local analysis of a general update operator F at a fixed point z* (Mescheder et al. 2018, §2): the Jacobian F'(z*)
 * (central differences), its eigenvalues and spectral radius; ρ(F'(z*)) < 1 ⇒ locally convergent; > 1 ⇒ not.
 * `residual` = ‖F(z*) − z*‖ says whether z* really is a fixed point.
 */
export function fixedPointAnalysis(F: (z: number[]) => ArrayLike<number>, zStar: ArrayLike<number>, h = 1e-6): SpectralAnalysis & { jacobian: Matrix; residual: number } {
  const jacobian = numericalJacobian(F, zStar, h);
  const fz = F(Array.from(zStar));
  const residual = Math.hypot(...Array.from(zStar, (v, i) => fz[i] - v));
  return { ...spectralAnalysis(jacobian), jacobian, residual };
}

/**
 * One step of a method as a nonlinear operator for a general smooth game with descent field v (z ↦ (−∇ₓV, ∇ᵧV)),
 * so fixedPointAnalysis can be applied to non-quadratic games. 'alternating' needs the split index m (size of x).
 */
export function gdaOperator(v: (z: number[]) => ArrayLike<number>, alpha: number, method: Exclude<GdaMethod, 'optimistic' | 'consensus'>, m?: number): (z: number[]) => number[] {
  if (typeof v !== 'function') throw new TypeError(`gdaOperator: v must be a function (got ${describe(v)})`);
  assertPositive('gdaOperator', 'alpha', alpha);
  assertOneOf('gdaOperator', 'method', method, ['simultaneous', 'alternating', 'extragradient'] as const);
  if (method === 'alternating') assertInteger('gdaOperator', 'm', m, 1);
  return (z: number[]) => {
    const vz = v(z);
    if (method === 'simultaneous') return z.map((zi, i) => zi - alpha * vz[i]);
    if (method === 'extragradient') {
      const half = z.map((zi, i) => zi - alpha * vz[i]);
      const vh = v(half);
      return z.map((zi, i) => zi - alpha * vh[i]);
    }
    const mm = m as number;
    const x1 = z.map((zi, i) => (i < mm ? zi - alpha * vz[i] : zi));
    const v1 = v(x1);
    return x1.map((zi, i) => (i < mm ? zi : zi - alpha * v1[i]));
  };
}
