/**
 * The SGD forms of source 000 §1.d–1.f: ascent on the log-likelihood (1.3), descent on the error (1.4), the epoch
 * (mini-batch) estimate (1.5) and a variable learning rate γ⁽ᵏ⁾ (L152) — and a linear generator x = Wz + c fitted by them,
 * checked against the closed-form least-squares solution (the MLE of (1.2) for a linear g).
 */
import { assertInteger, assertMatrix, assertOneOf, assertPositive, assertVector } from '../core/validate';
import { solve, eigenvalues } from '../core/linalg';
import { Rng } from '../core/rng';

export type Schedule = (k: number) => number;

/** γ⁽ᵏ⁾ = γ (the tutorial's constant rate, 0 < γ ≤ 1, L92). */
export function constantRate(gamma: number): Schedule {
  assertPositive('constantRate', 'gamma', gamma);
  return () => gamma;
}

/** γ⁽ᵏ⁾ = γ₀ / (1 + k/k₀): a decreasing rate (000 §1.f L152 allows γ to vary with k; Robbins–Monro conditions hold). */
export function inverseTimeRate(gamma0: number, k0 = 10): Schedule {
  assertPositive('inverseTimeRate', 'gamma0', gamma0);
  assertPositive('inverseTimeRate', 'k0', k0);
  return (k) => gamma0 / (1 + k / k0);
}

/** γ⁽ᵏ⁾ = γ₀ · rᵏ (exponential decay, 0 < r ≤ 1). 000 §1.f L152. */
export function exponentialRate(gamma0: number, r = 0.99): Schedule {
  assertPositive('exponentialRate', 'gamma0', gamma0);
  assertPositive('exponentialRate', 'r', r);
  if (r > 1) throw new RangeError(`exponentialRate: argument r must be in (0, 1] (got ${r})`);
  return (k) => gamma0 * r ** k;
}

/**
 * One SGD step: 'ascent' Φ ← Φ + γ ∇log P (1.3); 'descent' Φ ← Φ − γ ∇ε (1.4). Source 000 §1.d.
 */
export function sgdStep(params: ArrayLike<number>, grad: ArrayLike<number>, gamma: number, mode: 'ascent' | 'descent'): number[] {
  assertVector('sgdStep', 'params', params);
  assertVector('sgdStep', 'grad', grad, params.length);
  assertPositive('sgdStep', 'gamma', gamma);
  assertOneOf('sgdStep', 'mode', mode, ['ascent', 'descent'] as const);
  const s = mode === 'ascent' ? gamma : -gamma;
  return Array.from(params, (p, i) => p + s * grad[i]);
}

/**
 * The epoch (mini-batch) step (1.5): Φ⁽ᵏ⁺¹⁾ = Φ⁽ᵏ⁾ ± γ (1/N) Σᵢ ∇(…)(x⁽ⁱ⁾, z⁽ⁱ⁾). `gradFn(params, i)` returns the
 * per-sample gradient of sample i. Source 000 §1.f, (1.5).
 */
export function epochStep(params: ArrayLike<number>, N: number, gradFn: (params: ArrayLike<number>, i: number) => ArrayLike<number>, gamma: number, mode: 'ascent' | 'descent'): number[] {
  assertVector('epochStep', 'params', params);
  assertInteger('epochStep', 'N', N, 1);
  const acc = new Array(params.length).fill(0);
  for (let i = 0; i < N; i++) {
    const g = gradFn(params, i);
    assertVector('epochStep', `gradFn(params, ${i})`, g, params.length);
    for (let j = 0; j < acc.length; j++) acc[j] += g[j] / N;
  }
  return sgdStep(params, acc, gamma, mode);
}

// ------------------------------------------------------------------------------------------ linear generator x = Wz + c
/** A linear generator g(z|Φ) = Wz + c with Φ = (W, c); W is m×n. */
export interface LinearGenerator {
  W: number[][];
  c: number[];
}

function checkData(fn: string, Z: number[][], X: number[][]) {
  assertMatrix(fn, 'Z', Z);
  assertMatrix(fn, 'X', X, Z.length);
}

/** Flatten Φ = (W, c) row-major: [W₁₁ … W_mn, c₁ … c_m]. */
export function flattenGenerator(g: LinearGenerator): number[] {
  return [...g.W.flat(), ...g.c];
}
/** Inverse of flattenGenerator for an m×n generator. */
export function unflattenGenerator(p: ArrayLike<number>, m: number, n: number): LinearGenerator {
  if (p.length !== m * n + m) throw new RangeError(`unflattenGenerator: argument p must have length m·n + m = ${m * n + m} (got ${p.length})`);
  return { W: Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => p[i * n + j])), c: Array.from({ length: m }, (_, i) => p[m * n + i]) };
}

/** Mean error (1/N) Σ ½‖Wz⁽ⁱ⁾ + c − x⁽ⁱ⁾‖² (000 (1.2), averaged as in (1.5)). */
export function linearGeneratorLoss(g: LinearGenerator, Z: number[][], X: number[][]): number {
  checkData('linearGeneratorLoss', Z, X);
  let s = 0;
  for (let i = 0; i < Z.length; i++) {
    for (let a = 0; a < g.W.length; a++) {
      let o = g.c[a];
      for (let b = 0; b < Z[i].length; b++) o += g.W[a][b] * Z[i][b];
      s += 0.5 * (o - X[i][a]) ** 2;
    }
  }
  return s / Z.length;
}

/** Per-sample gradient of ε = ½‖Wz + c − x‖² in Φ = (W, c), flattened: ∂ε/∂W = (g − x)zᵀ, ∂ε/∂c = g − x (000 §1.h L168 with dg/dΦ). */
export function linearGeneratorGrad(g: LinearGenerator, z: ArrayLike<number>, x: ArrayLike<number>): number[] {
  const m = g.W.length;
  const n = g.W[0].length;
  assertVector('linearGeneratorGrad', 'z', z, n);
  assertVector('linearGeneratorGrad', 'x', x, m);
  const r = g.W.map((row, a) => row.reduce((s, w, b) => s + w * z[b], g.c[a]) - x[a]);
  const gw: number[] = [];
  for (let a = 0; a < m; a++) for (let b = 0; b < n; b++) gw.push(r[a] * z[b]);
  return [...gw, ...r];
}

/**
 * Closed-form least squares (= the MLE of (1.2) for a linear g): solve the normal equations [Z 1]ᵀ[Z 1] β = [Z 1]ᵀ X
 * column by column. Source 000 (1.2); standard linear regression.
 */
export function leastSquaresLinearGenerator(Z: number[][], X: number[][]): LinearGenerator {
  checkData('leastSquaresLinearGenerator', Z, X);
  const n = Z[0].length;
  const m = X[0].length;
  const A = Z.map((z) => [...z, 1]);
  const AtA = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => A.reduce((s, a) => s + a[i] * a[j], 0)));
  const W: number[][] = [];
  const c: number[] = [];
  for (let a = 0; a < m; a++) {
    const rhs = Array.from({ length: n + 1 }, (_, i) => A.reduce((s, row, k) => s + row[i] * X[k][a], 0));
    const beta = solve(AtA, rhs);
    W.push(beta.slice(0, n));
    c.push(beta[n]);
  }
  return { W, c };
}

export interface FitOptions {
  /** learning-rate schedule k ↦ γ⁽ᵏ⁾ (k counts updates from 0) or a constant γ */
  gamma: number | Schedule;
  /** number of passes over the data */
  epochs: number;
  /** 'epoch': one averaged step (1.5) per pass; 'per-sample': one step (1.4) per sample, in a random order each pass */
  mode?: 'epoch' | 'per-sample';
  /** starting generator (default zeros) */
  init?: LinearGenerator;
  /** generator for the per-sample order (required for 'per-sample') */
  rng?: Rng;
}

/**
 * Fit x ≈ Wz + c by SGD on ε = ½‖Wz + c − x‖² (000 (1.4)/(1.5)). Returns the final generator, the loss after every pass
 * (index 0 = start) and the parameter trajectory (flattened, one entry per pass). A run whose loss overflows (> 1e12)
 * stops early and reports `divergedAt` (the pass), never NaN.
 */
export function fitLinearGenerator(Z: number[][], X: number[][], opts: FitOptions) {
  checkData('fitLinearGenerator', Z, X);
  assertInteger('fitLinearGenerator', 'epochs', opts.epochs, 0, 1e7);
  const mode = opts.mode ?? 'epoch';
  assertOneOf('fitLinearGenerator', 'mode', mode, ['epoch', 'per-sample'] as const);
  const sched: Schedule = typeof opts.gamma === 'number' ? constantRate(opts.gamma) : opts.gamma;
  if (typeof opts.gamma !== 'number' && typeof opts.gamma !== 'function') throw new TypeError(`fitLinearGenerator: argument gamma must be a number or a schedule function (got ${typeof opts.gamma})`);
  if (mode === 'per-sample' && !opts.rng) throw new TypeError('fitLinearGenerator: argument rng is required for mode "per-sample"');
  const m = X[0].length;
  const n = Z[0].length;
  let p = opts.init ? flattenGenerator(opts.init) : new Array(m * n + m).fill(0);
  if (p.length !== m * n + m) throw new RangeError(`fitLinearGenerator: argument init must be ${m}×${n} with ${m} offsets`);
  const losses = [linearGeneratorLoss(unflattenGenerator(p, m, n), Z, X)];
  const trajectory = [p.slice()];
  let k = 0;
  for (let e = 0; e < opts.epochs; e++) {
    if (mode === 'epoch') {
      p = epochStep(p, Z.length, (q, i) => linearGeneratorGrad(unflattenGenerator(q, m, n), Z[i], X[i]), sched(k++), 'descent');
    } else {
      for (const i of opts.rng!.permutation(Z.length)) p = sgdStep(p, linearGeneratorGrad(unflattenGenerator(p, m, n), Z[i], X[i]), sched(k++), 'descent');
    }
    const loss = linearGeneratorLoss(unflattenGenerator(p, m, n), Z, X);
    if (!Number.isFinite(loss) || loss > 1e12) return { generator: unflattenGenerator(p, m, n), losses, trajectory, divergedAt: e + 1 };
    losses.push(loss);
    trajectory.push(p.slice());
  }
  return { generator: unflattenGenerator(p, m, n), losses, trajectory, divergedAt: null as number | null };
}

/**
 * Hessian of the mean error (1/N) Σ ½‖Wz + c − x‖² with respect to (w, c) for one output row: H = (1/N) Σ [z; 1][z; 1]ᵀ
 * (it does not depend on x). Full-batch gradient descent (1.5) on this quadratic converges iff γ < 2/λ_max(H) — the
 * classical step-size condition; returned as `criticalRate`.
 */
export function linearGeneratorHessian(Z: number[][]): { H: number[][]; lambdaMax: number; lambdaMin: number; criticalRate: number } {
  assertMatrix('linearGeneratorHessian', 'Z', Z);
  const n = Z[0].length;
  const H = Array.from({ length: n + 1 }, () => new Array(n + 1).fill(0));
  for (const z of Z) {
    const a = [...z, 1];
    for (let i = 0; i <= n; i++) for (let j = 0; j <= n; j++) H[i][j] += (a[i] * a[j]) / Z.length;
  }
  const ev = eigenvalues(H).map((e) => e.re);
  const lambdaMax = Math.max(...ev);
  return { H, lambdaMax, lambdaMin: Math.min(...ev), criticalRate: 2 / lambdaMax };
}
