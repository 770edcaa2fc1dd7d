/**
 * Gibbs sampling.
 *
 * Source 002 §4.6 is "TBU": the general sampler here is an EXTENSION from S. Geman & D. Geman (1984), "Stochastic
 * relaxation, Gibbs distributions, and the Bayesian restoration of images" (systematic and random scan; a Gibbs update is
 * a Metropolis–Hastings move with acceptance 1). What the sources do state:
 *  - 002 App. C, Example C.1.1 (Eqs C.1.5–C.1.7): the two-block chain Y_i | X_{i−1} ~ f(y|x), X_i | Y_i ~ f(x|y) with kernel
 *    p(z_t | z_{t−1}) = p(y_t | x_{t−1}) p(x_t | y_t)  → `gibbsPairKernel`, `gibbsKernelDiscrete`;
 *  - 003 L268–291: random-scan Gibbs on x ∈ {0,1}^{m+n}: pick i ~ q(i), redraw x_i from its full conditional; transition
 *    p_xy = q(i) P(y_i | x_{−i}) when x, y differ only in i, and p_xx = Σ_i q(i) P(x_i | x_{−i}) (erratum 003-E32)
 *    → `randomScanGibbsKernel`; L293–331 detailed balance for it (003-E35).
 * Block Gibbs for a Gaussian mixture is an EXTENSION (Diebolt & Robert 1994), to compare with mean-field VI (002 §3.8).
 */
import { Matrix, matmul } from '../core/linalg';
import { Rng } from '../core/rng';
import { logSumExp } from '../core/special';
import { assertFiniteNumber, assertInteger, assertMatrix, assertOneOf, assertPositive, assertVector, describe } from '../core/validate';
import { assertFunction, assertRng } from './basic';

/** A full conditional: draws coordinate j given the current state (the state's other coordinates are current). */
export type FullConditional = (state: Float64Array, rng: Rng) => number;

/**
 * Generic Gibbs sampler (Geman & Geman 1984; extension for 002 §4.6). Systematic scan updates coordinates 0..d−1 in
 * order; random scan picks d coordinates uniformly at random per sweep. Records the state after each sweep.
 */
export function gibbs(opts: { conditionals: FullConditional[]; x0: ArrayLike<number>; nSweeps: number; rng: Rng; scan?: 'systematic' | 'random' }): { samples: Float64Array; dim: number; nSweeps: number } {
  const fn = 'gibbs';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: options must be an object (got ${describe(opts)})`);
  const { conditionals, nSweeps, rng } = opts;
  if (!Array.isArray(conditionals) || conditionals.length === 0) throw new TypeError(`${fn}: conditionals must be a non-empty array of functions (got ${describe(conditionals)})`);
  conditionals.forEach((c, j) => assertFunction(fn, `conditionals[${j}]`, c));
  assertVector(fn, 'x0', opts.x0, conditionals.length);
  assertInteger(fn, 'nSweeps', nSweeps, 1);
  assertRng(fn, rng);
  const scan = opts.scan ?? 'systematic';
  assertOneOf(fn, 'scan', scan, ['systematic', 'random'] as const);
  const d = conditionals.length;
  const x = Float64Array.from(opts.x0);
  const samples = new Float64Array(nSweeps * d);
  for (let t = 0; t < nSweeps; t++) {
    for (let k = 0; k < d; k++) {
      const j = scan === 'systematic' ? k : rng.integer(d);
      const v = conditionals[j](x, rng);
      if (typeof v !== 'number' || Number.isNaN(v)) throw new RangeError(`${fn}: conditionals[${j}] must return a number (got ${describe(v)})`);
      x[j] = v;
    }
    samples.set(x, t * d);
  }
  return { samples, dim: d, nSweeps };
}

/** Result of the bivariate-Gaussian Gibbs sampler. */
export interface BivariateGibbsResult {
  /** x after each sweep. */
  x: Float64Array;
  /** y after each sweep. */
  y: Float64Array;
  /** The zig-zag path through every coordinate update (length 2·nSweeps + 1), for plots on the contours. */
  pathX: Float64Array;
  pathY: Float64Array;
}

/**
 * A systematic-scan result: its zig-zag path is (x₀, y₀), (x₁, y₀), (x₁, y₁), (x₂, y₁), …, so it is rebuilt from x, y
 * and the start the first time it is read ([PERF-2]: the path is twice the memory of x and y, and most callers never
 * read it).
 */
class SystematicScanResult implements BivariateGibbsResult {
  private px: Float64Array | undefined;
  private py: Float64Array | undefined;
  constructor(readonly x: Float64Array, readonly y: Float64Array, private readonly x0: number, private readonly y0: number) {}
  get pathX(): Float64Array {
    if (!this.px) this.buildPath();
    return this.px as Float64Array;
  }
  get pathY(): Float64Array {
    if (!this.py) this.buildPath();
    return this.py as Float64Array;
  }
  private buildPath(): void {
    const n = this.x.length;
    const px = new Float64Array(2 * n + 1);
    const py = new Float64Array(2 * n + 1);
    px[0] = this.x0;
    py[0] = this.y0;
    for (let t = 0; t < n; t++) {
      px[2 * t + 1] = this.x[t];
      py[2 * t + 1] = t === 0 ? this.y0 : this.y[t - 1];
      px[2 * t + 2] = this.x[t];
      py[2 * t + 2] = this.y[t];
    }
    this.px = px;
    this.py = py;
  }
}

/** Scratch noise for bivariateGaussianGibbs's systematic scan (2048 sweeps per fill). */
const gibbsNoise = new Float64Array(4096);

/**
 * Gibbs for (x, y) ~ N(0, [[1, ρ], [ρ, 1]]) (extension, Geman & Geman 1984): x | y ~ N(ρy, 1 − ρ²), y | x ~ N(ρx, 1 − ρ²).
 * Systematic scan updates x then y; the x-subchain is then AR(1) with coefficient ρ², so its lag-1 autocorrelation is ρ²
 * (002 D18). Random scan picks the coordinate at random each half-step.
 */
export function bivariateGaussianGibbs(opts: { rho: number; nSweeps: number; rng: Rng; x0?: [number, number]; scan?: 'systematic' | 'random' }): BivariateGibbsResult {
  const fn = 'bivariateGaussianGibbs';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: options must be an object (got ${describe(opts)})`);
  const { rho, nSweeps, rng } = opts;
  assertFiniteNumber(fn, 'rho', rho);
  if (!(rho > -1 && rho < 1)) throw new RangeError(`${fn}: rho must be in (−1, 1) (got ${rho})`);
  assertInteger(fn, 'nSweeps', nSweeps, 1);
  assertRng(fn, rng);
  const scan = opts.scan ?? 'systematic';
  assertOneOf(fn, 'scan', scan, ['systematic', 'random'] as const);
  const x0 = opts.x0 ?? [0, 0];
  assertVector(fn, 'x0', x0, 2);
  const s = Math.sqrt(1 - rho * rho);
  let cx = x0[0];
  let cy = x0[1];
  const xs = new Float64Array(nSweeps);
  const ys = new Float64Array(nSweeps);
  if (scan === 'systematic' && typeof rng.fillNormal === 'function') {
    // [PERF-2] The systematic scan draws exactly two normals per sweep and nothing else, so they are drawn in blocks
    // with rng.fillNormal (the same numbers, and the same generator state afterwards, as one normal() per half-step).
    // The result is built before the loop: V8 compiles a long loop on the fly during its first run, and code after it
    // that has never run has no type feedback, so the compiled loop deoptimised there on every call — the sampler ran
    // about 5× slower for its first ~85 calls instead of ~20 ([PERF-2]).
    const result = new SystematicScanResult(xs, ys, cx, cy);
    const z = gibbsNoise; // scratch (the sampler is synchronous); a fresh large typed array per call costs a GC
    for (let t0 = 0; t0 < nSweeps; t0 += z.length / 2) {
      const m = Math.min(z.length / 2, nSweeps - t0);
      rng.fillNormal(z, 0, 1, 0, 2 * m);
      for (let i = 0; i < m; i++) {
        const t = t0 + i;
        cx = rho * cy + s * z[2 * i];
        cy = rho * cx + s * z[2 * i + 1];
        xs[t] = cx;
        ys[t] = cy;
      }
    }
    return result;
  }
  const px = new Float64Array(2 * nSweeps + 1);
  const py = new Float64Array(2 * nSweeps + 1);
  px[0] = cx;
  py[0] = cy;
  for (let t = 0; t < nSweeps; t++) {
    for (let h = 0; h < 2; h++) {
      const which = scan === 'systematic' ? h : rng.integer(2);
      if (which === 0) cx = rho * cy + s * rng.normal();
      else cy = rho * cx + s * rng.normal();
      px[2 * t + h + 1] = cx;
      py[2 * t + h + 1] = cy;
    }
    xs[t] = cx;
    ys[t] = cy;
  }
  return { x: xs, y: ys, pathX: px, pathY: py };
}

function checkJoint(fn: string, joint: unknown): number[][] {
  assertMatrix(fn, 'joint', joint);
  const J = joint as number[][];
  let s = 0;
  J.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v < 0) throw new RangeError(`${fn}: joint[${i}][${j}] must be >= 0 (got ${v})`);
      s += v;
    }),
  );
  if (Math.abs(s - 1) > 1e-9) throw new RangeError(`${fn}: joint must sum to 1 (sums to ${s})`);
  J.forEach((r, i) => {
    if (r.every((v) => v === 0)) throw new RangeError(`${fn}: row ${i} of joint has zero probability (p(x=${i}) = 0); drop that state`);
  });
  for (let j = 0; j < J[0].length; j++) if (J.every((r) => r[j] === 0)) throw new RangeError(`${fn}: column ${j} of joint has zero probability (p(y=${j}) = 0); drop that state`);
  return J;
}

/**
 * The marginal kernels of two-block Gibbs on a discrete joint p(x, y) (rows x, columns y) — 002 App. C Example C.1.1:
 * K_x(x → x') = Σ_y p(y | x) p(x' | y) and K_y(y → y') = Σ_x p(x | y) p(y' | x). Each is reversible with respect to its
 * marginal. 002 D6: joint [[0.3, 0.2], [0.1, 0.4]] → K_x = [[7/12, 5/12], [5/12, 7/12]], p(x) = (1/2, 1/2).
 * For an RBM joint p(v, h) this is the block-Gibbs transition T(v → v') of 003 §4.3.
 */
export function gibbsKernelDiscrete(joint: Matrix): { xKernel: Matrix; yKernel: Matrix; px: number[]; py: number[] } {
  const J = checkJoint('gibbsKernelDiscrete', joint);
  const nx = J.length;
  const ny = J[0].length;
  const px = J.map((r) => r.reduce((a, b) => a + b, 0));
  const py = Array.from({ length: ny }, (_, j) => J.reduce((a, r) => a + r[j], 0));
  const yGivenX = J.map((r, i) => r.map((v) => v / px[i])); // nx × ny
  const xGivenY = J.map((r) => r.map((v, j) => v / py[j])); // nx × ny, column j = p(x | y=j)
  const xKernel = Array.from({ length: nx }, (_, i) => Array.from({ length: nx }, (_, k) => yGivenX[i].reduce((a, pyx, j) => a + pyx * xGivenY[k][j], 0)));
  const yKernel = Array.from({ length: ny }, (_, j) => Array.from({ length: ny }, (_, l) => J.reduce((a, _r, i) => a + xGivenY[i][j] * yGivenX[i][l], 0)));
  return { xKernel, yKernel, px, py };
}

/**
 * The kernel of the pair chain Z_t = (X_t, Y_t) of 002 Example C.1.1 (Eq. C.1.7): p(z_t | z_{t−1}) = p(y_t | x_{t−1}) p(x_t | y_t).
 * States are ordered (x, y) with index x·ny + y. Its stationary distribution is the joint.
 */
export function gibbsPairKernel(joint: Matrix): Matrix {
  const J = checkJoint('gibbsPairKernel', joint);
  const nx = J.length;
  const ny = J[0].length;
  const px = J.map((r) => r.reduce((a, b) => a + b, 0));
  const py = Array.from({ length: ny }, (_, j) => J.reduce((a, r) => a + r[j], 0));
  const K: Matrix = Array.from({ length: nx * ny }, () => new Array<number>(nx * ny).fill(0));
  for (let x = 0; x < nx; x++)
    for (let y = 0; y < ny; y++)
      for (let y2 = 0; y2 < ny; y2++) for (let x2 = 0; x2 < nx; x2++) K[x * ny + y][x2 * ny + y2] = (J[x][y2] / px[x]) * (J[x2][y2] / py[y2]);
  return K;
}

/** Bits of state index s on d binary variables (x₁ is the most significant bit). */
export function indexToBits(s: number, d: number): number[] {
  return Array.from({ length: d }, (_, i) => (s >> (d - 1 - i)) & 1);
}

/** State index of a binary vector (x₁ most significant). */
export function bitsToIndex(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s = (s << 1) | (x[i] ? 1 : 0);
  return s;
}

/** log p(x) (unnormalised) for all 2^d states. */
function logTable(fn: string, logProb: (x: number[]) => number, d: number): Float64Array {
  assertFunction(fn, 'logProb', logProb);
  assertInteger(fn, 'd', d, 1, 14);
  const L = new Float64Array(1 << d);
  for (let s = 0; s < 1 << d; s++) {
    const v = logProb(indexToBits(s, d));
    if (typeof v !== 'number' || Number.isNaN(v) || v === Infinity) throw new RangeError(`${fn}: logProb(${indexToBits(s, d).join('')}) must be a number < +Infinity (got ${describe(v)})`);
    L[s] = v;
  }
  if (!(logSumExp(L) > -Infinity)) throw new RangeError(`${fn}: logProb is −Infinity on every state`);
  return L;
}

/** P(x_i = value of y_i | x_{−i}) where y = x with bit i set to b. */
function condProb(L: Float64Array, s: number, bit: number, b: number): number {
  const s0 = s & ~bit;
  const s1 = s | bit;
  const m = Math.max(L[s0], L[s1]);
  const e0 = Math.exp(L[s0] - m);
  const e1 = Math.exp(L[s1] - m);
  return (b ? e1 : e0) / (e0 + e1);
}

/**
 * The exact random-scan Gibbs kernel on {0,1}^d for p(x) ∝ exp(logProb(x)) (003 L268–291, with the x = y case of
 * erratum 003-E32): p_xy = q(i) P(y_i | x_{−i}) if x, y differ only in coordinate i; p_xx = Σ_i q(i) P(x_i | x_{−i});
 * 0 otherwise. q defaults to uniform. `form: 'source'` reproduces the seed's literal rule, which gives p_xx a single
 * term q(i) P(x_i | x_{−i}) (i = the first coordinate) — its rows do not sum to 1.
 */
export function randomScanGibbsKernel(logProb: (x: number[]) => number, d: number, opts: { q?: ArrayLike<number>; form?: 'exact' | 'source' } = {}): Matrix {
  const fn = 'randomScanGibbsKernel';
  const L = logTable(fn, logProb, d);
  const q = opts.q ?? new Array<number>(d).fill(1 / d);
  assertVector(fn, 'q', q, d);
  const qs = Array.from(q).reduce((a, b) => a + b, 0);
  if (Array.from(q).some((v) => v < 0) || Math.abs(qs - 1) > 1e-9) throw new RangeError(`${fn}: q must be a probability vector over the ${d} coordinates (got ${describe(q)})`);
  const form = opts.form ?? 'exact';
  assertOneOf(fn, 'form', form, ['exact', 'source'] as const);
  const n = 1 << d;
  const K: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < d; i++) {
      const bit = 1 << (d - 1 - i);
      const t = s ^ bit;
      const cur = (s & bit) !== 0 ? 1 : 0;
      K[s][t] += q[i] * condProb(L, s, bit, 1 - cur);
      if (form === 'exact' || i === 0) K[s][s] += q[i] * condProb(L, s, bit, cur);
    }
  }
  return K;
}

/** The single-site kernel that redraws coordinate i from its full conditional (a building block of the scans). */
export function siteKernel(logProb: (x: number[]) => number, d: number, i: number): Matrix {
  const L = logTable('siteKernel', logProb, d);
  assertInteger('siteKernel', 'i', i, 0, d - 1);
  return siteKernelFromTable(L, d, i);
}

function siteKernelFromTable(L: Float64Array, d: number, i: number): Matrix {
  const n = 1 << d;
  const bit = 1 << (d - 1 - i);
  const K: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let s = 0; s < n; s++) {
    K[s][s & ~bit] = condProb(L, s, bit, 0);
    K[s][s | bit] = condProb(L, s, bit, 1);
  }
  return K;
}

/** The systematic-scan Gibbs kernel K₁K₂⋯K_d on {0,1}^d (stationary but, unlike the random scan, not reversible in general). */
export function systematicScanGibbsKernel(logProb: (x: number[]) => number, d: number): Matrix {
  const L = logTable('systematicScanGibbsKernel', logProb, d);
  let K = siteKernelFromTable(L, d, 0);
  for (let i = 1; i < d; i++) K = matmul(K, siteKernelFromTable(L, d, i));
  return K;
}

/** The normalised distribution p(x) ∝ exp(logProb(x)) over {0,1}^d, in state-index order. */
export function binaryDistribution(logProb: (x: number[]) => number, d: number): number[] {
  const L = logTable('binaryDistribution', logProb, d);
  const z = logSumExp(L);
  return Array.from(L, (l) => Math.exp(l - z));
}

// ---------------------------------------------------------------------------------------------------------------
// Extension: block Gibbs for a 1-D Gaussian mixture (Diebolt & Robert 1994)

export interface GmmGibbsOptions {
  data: ArrayLike<number>;
  K: number;
  /** Known component standard deviation σ. */
  sigma: number;
  nSweeps: number;
  rng: Rng;
  /** Prior μ_k ~ N(m0, s0²) (defaults 0, 10). */
  m0?: number;
  s0?: number;
  /** Dirichlet(α) prior on the weights (default 1). */
  alpha?: number;
  /** Initial means (default: K spread quantiles of the data). */
  mu0?: ArrayLike<number>;
}

export interface GmmGibbsResult {
  /** mu[t·K + k]: mean k after sweep t. */
  mu: Float64Array;
  /** weights[t·K + k]. */
  weights: Float64Array;
  /** Log-likelihood log p(data | μ, π) after each sweep. */
  logLik: Float64Array;
  /** The final assignments. */
  z: Int32Array;
  K: number;
}

/**
 * Block Gibbs for a 1-D Gaussian mixture with known σ (EXTENSION beyond 002, Diebolt & Robert 1994): each sweep draws
 *  1. all assignments at once, z_n | μ, π ~ Cat(∝ π_k N(x_n | μ_k, σ²)) (they are conditionally independent — the block);
 *  2. π | z ~ Dir(α + N_k) (the conjugate update whose VI analogue is 002 Eq. 3.8.9, T25);
 *  3. μ_k | z, x ~ N(m_k, v_k), v_k = 1/(1/s0² + N_k/σ²), m_k = v_k (m0/s0² + Σ_{n: z_n=k} x_n/σ²).
 */
export function gmmBlockGibbs(opts: GmmGibbsOptions): GmmGibbsResult {
  const fn = 'gmmBlockGibbs';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: options must be an object (got ${describe(opts)})`);
  const { data, K, sigma, nSweeps, rng } = opts;
  assertVector(fn, 'data', data);
  assertInteger(fn, 'K', K, 1, 100);
  assertPositive(fn, 'sigma', sigma);
  assertInteger(fn, 'nSweeps', nSweeps, 1);
  assertRng(fn, rng);
  const m0 = opts.m0 ?? 0;
  const s0 = opts.s0 ?? 10;
  const alpha = opts.alpha ?? 1;
  assertFiniteNumber(fn, 'm0', m0);
  assertPositive(fn, 's0', s0);
  assertPositive(fn, 'alpha', alpha);
  const N = data.length;
  const sorted = Float64Array.from(data).sort();
  const mu = opts.mu0 !== undefined ? Float64Array.from(opts.mu0) : Float64Array.from({ length: K }, (_, k) => sorted[Math.min(N - 1, Math.floor(((k + 0.5) / K) * N))]);
  if (opts.mu0 !== undefined) assertVector(fn, 'mu0', opts.mu0, K);
  let w: Float64Array = new Float64Array(K).fill(1 / K);
  const z = new Int32Array(N);
  const out: GmmGibbsResult = { mu: new Float64Array(nSweeps * K), weights: new Float64Array(nSweeps * K), logLik: new Float64Array(nSweeps), z, K };
  const logp = new Float64Array(K);
  const inv2s2 = 1 / (2 * sigma * sigma);
  const lnorm = -Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
  for (let t = 0; t < nSweeps; t++) {
    const counts = new Float64Array(K);
    const sums = new Float64Array(K);
    for (let n = 0; n < N; n++) {
      let m = -Infinity;
      for (let k = 0; k < K; k++) {
        logp[k] = Math.log(w[k]) - (data[n] - mu[k]) ** 2 * inv2s2;
        if (logp[k] > m) m = logp[k];
      }
      let s = 0;
      for (let k = 0; k < K; k++) s += logp[k] = Math.exp(logp[k] - m);
      let u = rng.uniform() * s;
      let k = 0;
      while (k < K - 1 && u >= logp[k]) u -= logp[k++];
      z[n] = k;
      counts[k]++;
      sums[k] += data[n];
    }
    w = rng.dirichlet(Array.from(counts, (c) => alpha + c));
    for (let k = 0; k < K; k++) {
      const v = 1 / (1 / (s0 * s0) + counts[k] / (sigma * sigma));
      const mk = v * (m0 / (s0 * s0) + sums[k] / (sigma * sigma));
      mu[k] = mk + Math.sqrt(v) * rng.normal();
    }
    let ll = 0;
    for (let n = 0; n < N; n++) {
      for (let k = 0; k < K; k++) logp[k] = Math.log(w[k]) + lnorm - (data[n] - mu[k]) ** 2 * inv2s2;
      ll += logSumExp(logp);
    }
    out.mu.set(mu, t * K);
    out.weights.set(w, t * K);
    out.logLik[t] = ll;
  }
  return out;
}

/**
 * Single-site Gibbs sampler on {0,1}^d for p(x) ∝ exp(logProb(x)) (003 L268–291): each step picks a coordinate i
 * (uniformly for `scan: 'random'`, cyclically for 'systematic') and redraws x_i from P(x_i | x_{−i}) =
 * σ(logProb(x with x_i = 1) − logProb(x with x_i = 0)). Returns the state index after each step (x₁ most significant)
 * and the visit frequencies.
 */
export function gibbsBinary(opts: { logProb: (x: number[]) => number; d: number; nSteps: number; rng: Rng; x0?: ArrayLike<number>; scan?: 'random' | 'systematic' }): { states: Int32Array; frequencies: number[] } {
  const fn = 'gibbsBinary';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: options must be an object (got ${describe(opts)})`);
  const { logProb, d, nSteps, rng } = opts;
  assertFunction(fn, 'logProb', logProb);
  assertInteger(fn, 'd', d, 1, 30);
  assertInteger(fn, 'nSteps', nSteps, 1);
  assertRng(fn, rng);
  const scan = opts.scan ?? 'random';
  assertOneOf(fn, 'scan', scan, ['random', 'systematic'] as const);
  const x = new Array<number>(d).fill(0);
  if (opts.x0 !== undefined) {
    assertVector(fn, 'x0', opts.x0, d);
    for (let i = 0; i < d; i++) {
      if (opts.x0[i] !== 0 && opts.x0[i] !== 1) throw new RangeError(`${fn}: x0[${i}] must be 0 or 1 (got ${describe(opts.x0[i])})`);
      x[i] = opts.x0[i];
    }
  }
  const states = new Int32Array(nSteps);
  const counts = d <= 20 ? new Array<number>(1 << d).fill(0) : [];
  for (let t = 0; t < nSteps; t++) {
    const i = scan === 'random' ? rng.integer(d) : t % d;
    x[i] = 1;
    const l1 = logProb(x);
    x[i] = 0;
    const l0 = logProb(x);
    const diff = l1 - l0;
    if (Number.isNaN(diff)) throw new RangeError(`${fn}: logProb returned NaN near ${describe(x)}`);
    const p1 = diff >= 0 ? 1 / (1 + Math.exp(-diff)) : Math.exp(diff) / (1 + Math.exp(diff));
    x[i] = rng.uniform() < p1 ? 1 : 0;
    const s = bitsToIndex(x);
    states[t] = s;
    if (counts.length) counts[s]++;
  }
  return { states, frequencies: counts.map((c) => c / nSteps) };
}
