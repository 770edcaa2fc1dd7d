/**
 * The restricted Boltzmann machine of source 003 (L94–217, L333–387), in the canonical convention of the 003 inventory
 * (§1): W ∈ R^{n×m} (rows = hidden units, columns = visible units), b ∈ R^m (visible bias), c ∈ R^n (hidden bias),
 *   E(v, h) = −hᵀWv − bᵀv − cᵀh                        (003 L154 with W transposed; errata 003-E17, E21, E37)
 *   p(h_j = 1 | v) = σ((Wv + c)_j),  p(v_i = 1 | h) = σ((Wᵀh + b)_i)   (003 L156–171; errata 003-E18, E19)
 *   F(v) = −bᵀv − Σ_j softplus((Wv + c)_j),  log p(v) = −F(v) − log Z
 *   ∇_W log p(v) = σ(Wv + c)vᵀ − E_{v'∼p}[σ(Wv' + c)v'ᵀ], ∇_b = v − E[v'], ∇_c = σ(Wv + c) − E[σ(Wv' + c)]  (003 L333–387)
 * Exact quantities enumerate the smaller layer (2^min(m,n) terms, ≤ 2^24).
 */
import { Matrix } from '../core/linalg';
import { Rng } from '../core/rng';
import { logSumExp, sigmoid, softplus } from '../core/special';
import { assertFiniteNumber, assertInteger, assertMatrix, assertOneOf, assertPositive, assertVector, describe } from '../core/validate';
import { assertRng } from '../sampling/basic';
import { gibbsKernelDiscrete, indexToBits, randomScanGibbsKernel } from '../sampling/gibbs';
import { checkBinary, checkBinaryData } from './bm';
import { addStats, preH, preV, subStats, zeroRaw } from './internal';

/** An RBM with m visible and n hidden binary units (W is n × m, hidden × visible). */
export interface Rbm {
  W: Matrix;
  b: number[];
  c: number[];
}

/** Validates an RBM: W an n×m matrix of finite numbers, b of length m, c of length n. Returns it (not copied). */
export function checkRbm(fn: string, rbm: unknown, arg = 'rbm'): Rbm {
  if (!rbm || typeof rbm !== 'object') throw new TypeError(`${fn}: ${arg} must be {W, b, c} (got ${describe(rbm)})`);
  const { W, b, c } = rbm as Rbm;
  assertMatrix(fn, `${arg}.W`, W);
  assertVector(fn, `${arg}.b`, b, W[0].length);
  assertVector(fn, `${arg}.c`, c, W.length);
  return rbm as Rbm;
}

/** Number of visible (m) and hidden (n) units. */
export function rbmShape(rbm: Rbm): { m: number; n: number } {
  checkRbm('rbmShape', rbm);
  return { m: rbm.b.length, n: rbm.c.length };
}

/** The tiny RBM of 003 §4.3 (m = 3, n = 2) in the canonical convention — the same parameters as `sampling.TINY_RBM`. */
export const TINY_RBM: Rbm = {
  W: [
    [0.5, -0.3, 0.2],
    [0.1, 0.4, -0.6],
  ],
  b: [0.1, -0.2, 0.05],
  c: [-0.1, 0.2],
};

/** E(v, h) = −hᵀWv − bᵀv − cᵀh (003 L154, canonical W; 003 §4.3: E([1,0,1], [1,0]) = −0.75). */
export function rbmEnergy(rbm: Rbm, v: ArrayLike<number>, h: ArrayLike<number>): number {
  const fn = 'rbmEnergy';
  checkRbm(fn, rbm);
  const vv = checkBinary(fn, 'v', v, rbm.b.length);
  const hh = checkBinary(fn, 'h', h, rbm.c.length);
  const a = preH(rbm, vv);
  let e = 0;
  for (let i = 0; i < vv.length; i++) e -= rbm.b[i] * vv[i];
  for (let j = 0; j < hh.length; j++) e -= hh[j] * a[j]; // hᵀ(Wv + c)
  return e;
}

/** Free energy F(v) = −log Σ_h e^{−E(v,h)} = −bᵀv − Σ_j softplus((Wv + c)_j) (003 §4.3: F([1,0,1]) = −1.7418432). */
export function rbmFreeEnergy(rbm: Rbm, v: ArrayLike<number>): number {
  const fn = 'rbmFreeEnergy';
  checkRbm(fn, rbm);
  assertVector(fn, 'v', v, rbm.b.length);
  return freeEnergyV(rbm, v);
}

function freeEnergyV(rbm: Rbm, v: ArrayLike<number>): number {
  const a = preH(rbm, v);
  let f = 0;
  for (let i = 0; i < rbm.b.length; i++) f -= rbm.b[i] * v[i];
  for (let j = 0; j < a.length; j++) f -= softplus(a[j]);
  return f;
}

/** The hidden-side free energy −log Σ_v e^{−E(v,h)} = −cᵀh − Σ_i softplus((Wᵀh + b)_i). */
export function rbmFreeEnergyHidden(rbm: Rbm, h: ArrayLike<number>): number {
  const fn = 'rbmFreeEnergyHidden';
  checkRbm(fn, rbm);
  assertVector(fn, 'h', h, rbm.c.length);
  const a = preV(rbm, h);
  let f = 0;
  for (let j = 0; j < rbm.c.length; j++) f -= rbm.c[j] * h[j];
  for (let i = 0; i < a.length; i++) f -= softplus(a[i]);
  return f;
}

/**
 * Exact log Z = log Σ_{v,h} e^{−E(v,h)} (003 L150–154). `via: 'visible'` sums e^{−F(v)} over the 2^m visible states,
 * `'hidden'` sums over the 2^n hidden states (Gray-code order: one column of W added or removed per step, so an RBM on
 * 784 pixels with 16 hidden units is exact in a fraction of a second), `'joint'` sums all 2^{m+n} terms (tiny models);
 * the default enumerates the smaller layer. 003 §4.3: log Z = 3.625502369540723.
 */
export function rbmLogZ(rbm: Rbm, opts: { via?: 'visible' | 'hidden' | 'joint' } = {}): number {
  const fn = 'rbmLogZ';
  checkRbm(fn, rbm);
  const m = rbm.b.length;
  const n = rbm.c.length;
  const via = opts.via ?? (m <= n ? 'visible' : 'hidden');
  assertOneOf(fn, 'opts.via', via, ['visible', 'hidden', 'joint'] as const);
  if (via === 'joint') {
    assertInteger(fn, 'm + n (units, for via "joint")', m + n, 2, 22);
    const terms: number[] = [];
    for (let s = 0; s < 1 << m; s++) {
      const v = indexToBits(s, m);
      for (let t = 0; t < 1 << n; t++) terms.push(-rbmEnergy(rbm, v, indexToBits(t, n)));
    }
    return logSumExp(terms);
  }
  if (via === 'visible') {
    assertInteger(fn, 'm (visible units, for via "visible")', m, 1, 24);
    const terms = new Float64Array(1 << m);
    for (let s = 0; s < 1 << m; s++) terms[s] = -freeEnergyV(rbm, indexToBits(s, m));
    return logSumExp(terms);
  }
  assertInteger(fn, 'n (hidden units, for via "hidden")', n, 1, 24);
  // Gray-code walk over h: a = Wᵀh + b and cᵀh updated by one hidden unit per step.
  const a = Float64Array.from(rbm.b);
  const h = new Uint8Array(n);
  let ch = 0;
  const terms = new Float64Array(1 << n);
  const term = () => {
    let s = ch;
    for (let i = 0; i < m; i++) s += softplus(a[i]);
    return s;
  };
  terms[0] = term();
  for (let g = 1; g < 1 << n; g++) {
    const j = 31 - Math.clz32(g & -g); // the bit that flips between gray(g − 1) and gray(g)
    const sign = h[j] ? -1 : 1;
    h[j] ^= 1;
    ch += sign * rbm.c[j];
    const row = rbm.W[j];
    for (let i = 0; i < m; i++) a[i] += sign * row[i];
    terms[g] = term();
  }
  return logSumExp(terms);
}

/** log p(v) = −F(v) − log Z (003 L190–192; 003 §4.3: log p([1,0,1]) = −1.8836592). Pass `logZ` to reuse it. */
export function rbmLogProb(rbm: Rbm, v: ArrayLike<number>, logZ?: number): number {
  const fn = 'rbmLogProb';
  checkRbm(fn, rbm);
  const vv = checkBinary(fn, 'v', v, rbm.b.length);
  if (logZ !== undefined) assertFiniteNumber(fn, 'logZ', logZ);
  return -freeEnergyV(rbm, vv) - (logZ ?? rbmLogZ(rbm));
}

/** Average log-likelihood (1/N) Σ_d log p(v_d) of binary data (exact; pass `logZ` to reuse it). */
export function rbmAverageLogLik(rbm: Rbm, data: ArrayLike<number>[], logZ?: number): number {
  const fn = 'rbmAverageLogLik';
  checkRbm(fn, rbm);
  if (logZ !== undefined) assertFiniteNumber(fn, 'logZ', logZ);
  const X = checkBinaryData(fn, 'data', data, rbm.b.length);
  const lz = logZ ?? rbmLogZ(rbm);
  return X.reduce((s, v) => s - freeEnergyV(rbm, v), 0) / X.length - lz;
}

/** The exact joint p(v, h) as a 2^m × 2^n table (rows v, columns h, binary order with unit 1 most significant). */
export function rbmJoint(rbm: Rbm): Matrix {
  const fn = 'rbmJoint';
  checkRbm(fn, rbm);
  const m = rbm.b.length;
  const n = rbm.c.length;
  assertInteger(fn, 'm + n (units)', m + n, 2, 16);
  const logZ = rbmLogZ(rbm);
  return Array.from({ length: 1 << m }, (_, s) => {
    const v = indexToBits(s, m);
    return Array.from({ length: 1 << n }, (_, t) => Math.exp(-rbmEnergy(rbm, v, indexToBits(t, n)) - logZ));
  });
}

/** The exact marginal p(v) over the 2^m visible states (binary order). 003 §4.3 lists it for the tiny RBM. */
export function rbmVisibleDistribution(rbm: Rbm): number[] {
  const fn = 'rbmVisibleDistribution';
  checkRbm(fn, rbm);
  const m = rbm.b.length;
  assertInteger(fn, 'm (visible units)', m, 1, 20);
  const logZ = rbmLogZ(rbm);
  return Array.from({ length: 1 << m }, (_, s) => Math.exp(-freeEnergyV(rbm, indexToBits(s, m)) - logZ));
}

/** p(h_j = 1 | v) = σ((Wv + c)_j) (003 L169, canonical W; 003 §4.3: [0.645656, 0.425557] at v = [1,0,1]). */
export function rbmProbH(rbm: Rbm, v: ArrayLike<number>): number[] {
  const fn = 'rbmProbH';
  checkRbm(fn, rbm);
  assertVector(fn, 'v', v, rbm.b.length);
  return Array.from(preH(rbm, v), sigmoid);
}

/** p(v_i = 1 | h) = σ((Wᵀh + b)_i) (003 L167 repaired, errata 003-E18/E19; 003 §4.3: [0.668188, 0.475021, 0.413382] at h = [1,1]). */
export function rbmProbV(rbm: Rbm, h: ArrayLike<number>): number[] {
  const fn = 'rbmProbV';
  checkRbm(fn, rbm);
  assertVector(fn, 'h', h, rbm.c.length);
  return Array.from(preV(rbm, h), sigmoid);
}

function bernoulliVec(p: ArrayLike<number>, rng: Rng): number[] {
  return Array.from(p, (pi) => (rng.uniform() < pi ? 1 : 0));
}

/** h ~ p(h | v): every hidden unit independently (003 L341, erratum 003-E39). */
export function rbmSampleH(rbm: Rbm, v: ArrayLike<number>, rng: Rng): number[] {
  assertRng('rbmSampleH', rng);
  return bernoulliVec(rbmProbH(rbm, v), rng);
}

/** v ~ p(v | h): every visible unit independently. */
export function rbmSampleV(rbm: Rbm, h: ArrayLike<number>, rng: Rng): number[] {
  assertRng('rbmSampleV', rng);
  return bernoulliVec(rbmProbV(rbm, h), rng);
}

/**
 * One block-Gibbs step as in 003's Algorithms 0 and 1 (L426–433): h ~ p(h | v), then v' ~ p(v | h). This RBM-specific
 * two-block update is the chain whose v-kernel `rbmBlockKernel` gives exactly.
 */
export function rbmBlockGibbsStep(rbm: Rbm, v: ArrayLike<number>, rng: Rng): { h: number[]; v: number[] } {
  const fn = 'rbmBlockGibbsStep';
  checkRbm(fn, rbm);
  checkBinary(fn, 'v', v, rbm.b.length);
  assertRng(fn, rng);
  const h = bernoulliVec(Array.from(preH(rbm, v), sigmoid), rng);
  return { h, v: bernoulliVec(Array.from(preV(rbm, h), sigmoid), rng) };
}

/**
 * The exact block-Gibbs kernel on visible states, T(v → v') = Σ_h p(h | v) p(v' | h) (2^m × 2^m), through
 * `sampling.gibbsKernelDiscrete` on the joint table. 003 §4.3: row [1,0,1] = [0.109189, …, 0.128210]; reversible w.r.t. p(v).
 */
export function rbmBlockKernel(rbm: Rbm): Matrix {
  checkRbm('rbmBlockKernel', rbm);
  return gibbsKernelDiscrete(rbmJoint(rbm)).xKernel;
}

/** −E(x) for the joint state x = (v₁…v_m, h₁…h_n) (the unnormalised log-probability used by the random-scan kernel). */
export function rbmJointLogProb(rbm: Rbm): (x: ArrayLike<number>) => number {
  checkRbm('rbmJointLogProb', rbm);
  const m = rbm.b.length;
  return (x) => -rbmEnergy(rbm, Array.from(x).slice(0, m), Array.from(x).slice(m));
}

/**
 * The exact random-scan Gibbs kernel on the 2^{m+n} joint states (003 L268–291, with erratum 003-E32's p_xx), through
 * `sampling.randomScanGibbsKernel`. For the tiny RBM: 32 × 32, reversible w.r.t. p(v, h), p_xx(00000) = 0.4975005.
 */
export function rbmRandomScanKernel(rbm: Rbm): Matrix {
  checkRbm('rbmRandomScanKernel', rbm);
  return randomScanGibbsKernel(rbmJointLogProb(rbm), rbm.b.length + rbm.c.length);
}

/** Sufficient statistics of a gradient: the matrix term (n×m), the visible term (m) and the hidden term (n). */
export interface RbmStats {
  W: Matrix;
  b: number[];
  c: number[];
}

/** The positive phase averaged over the data: (1/N) Σ_d [σ(Wv_d + c)v_dᵀ, v_d, σ(Wv_d + c)] (003 L357, L371, L385, first terms). */
export function rbmPositivePhase(rbm: Rbm, data: ArrayLike<number>[]): RbmStats {
  const fn = 'rbmPositivePhase';
  checkRbm(fn, rbm);
  const X = checkBinaryData(fn, 'data', data, rbm.b.length);
  const s = zeroRaw(rbm.b.length, rbm.c.length);
  for (const v of X) addStats(rbm, s, v, 1 / X.length);
  return s;
}

/** The exact negative phase E_{v∼p}[σ(Wv + c)vᵀ, v, σ(Wv + c)] by enumerating the 2^m visible states (003 L357–387, second terms). */
export function rbmNegativePhaseExact(rbm: Rbm): RbmStats {
  const fn = 'rbmNegativePhaseExact';
  checkRbm(fn, rbm);
  const m = rbm.b.length;
  const p = rbmVisibleDistribution(rbm);
  const s = zeroRaw(m, rbm.c.length);
  p.forEach((ps, k) => addStats(rbm, s, indexToBits(k, m), ps));
  return s;
}

/**
 * The exact gradient of the average log-likelihood, positive minus negative phase in closed form (003 L355–387):
 * ∇_W = σ(Wv + c)vᵀ − E[σ(Wv' + c)v'ᵀ], ∇_b = v − E[v'], ∇_c = σ(Wv + c) − E[σ(Wv' + c)]; `data` is one vector or a list
 * (averaged). 003 §4.3 at v = [1,0,1]: ∇_W = [[0.292029, −0.231066, 0.386267], [0.093874, −0.276037, 0.213850]], …
 */
export function rbmGradExact(rbm: Rbm, data: ArrayLike<number> | ArrayLike<number>[]): RbmStats {
  const fn = 'rbmGradExact';
  checkRbm(fn, rbm);
  const X = asData(data);
  return subStats(rbmPositivePhase(rbm, X), rbmNegativePhaseExact(rbm));
}

function asData(data: ArrayLike<number> | ArrayLike<number>[]): ArrayLike<number>[] {
  return Array.isArray(data) && data.length > 0 && typeof data[0] !== 'number' ? (data as ArrayLike<number>[]) : [data as ArrayLike<number>];
}

/**
 * The general gradient of 003 L194–209 by joint enumeration, with the second denominator Σ_{V,H} (erratum 003-E23):
 * ∂ log p(v)/∂θ = −Σ_h p(h|v) ∂E(v,h)/∂θ + Σ_{v',h} p(v',h) ∂E(v',h)/∂θ, with ∂E/∂W_ji = −h_j v_i, ∂E/∂b_i = −v_i,
 * ∂E/∂c_j = −h_j. An independent route to `rbmGradExact` (no closed-form step of L339–345).
 */
export function rbmGradEnumeration(rbm: Rbm, data: ArrayLike<number> | ArrayLike<number>[]): RbmStats {
  const fn = 'rbmGradEnumeration';
  checkRbm(fn, rbm);
  const m = rbm.b.length;
  const n = rbm.c.length;
  const X = checkBinaryData(fn, 'data', asData(data), m);
  const J = rbmJoint(rbm);
  const g = zeroRaw(m, n);
  const acc = (v: number[], h: number[], w: number) => {
    for (let j = 0; j < n; j++) {
      g.c[j] += w * h[j];
      for (let i = 0; i < m; i++) g.W[j][i] += w * h[j] * v[i];
    }
    for (let i = 0; i < m; i++) g.b[i] += w * v[i];
  };
  for (const v of X) {
    let s = 0;
    for (const i of v) s = 2 * s + i;
    const pv = J[s].reduce((a, x) => a + x, 0);
    J[s].forEach((pvh, t) => acc(v, indexToBits(t, n), pvh / pv / X.length));
  }
  J.forEach((row, s) => row.forEach((pvh, t) => acc(indexToBits(s, m), indexToBits(t, n), -pvh)));
  return g;
}

/** The gradient of the average log-likelihood by central finite differences (step eps), for checking. */
export function rbmGradFiniteDiff(rbm: Rbm, data: ArrayLike<number> | ArrayLike<number>[], eps = 1e-5): RbmStats {
  const fn = 'rbmGradFiniteDiff';
  checkRbm(fn, rbm);
  assertPositive(fn, 'eps', eps);
  const X = checkBinaryData(fn, 'data', asData(data), rbm.b.length);
  const copy = (): Rbm => ({ W: rbm.W.map((r) => Array.from(r)), b: Array.from(rbm.b), c: Array.from(rbm.c) });
  const d = (set: (r: Rbm, delta: number) => void) => {
    const p = copy();
    set(p, eps);
    const q = copy();
    set(q, -eps);
    return (rbmAverageLogLik(p, X) - rbmAverageLogLik(q, X)) / (2 * eps);
  };
  return {
    W: rbm.W.map((r, j) => Array.from(r, (_, i) => d((p, e) => (p.W[j][i] += e)))),
    b: Array.from(rbm.b, (_, i) => d((p, e) => (p.b[i] += e))),
    c: Array.from(rbm.c, (_, j) => d((p, e) => (p.c[j] += e))),
  };
}

/** Largest absolute entry-wise difference of two statistics. */
export function maxAbsDiff(a: RbmStats, b: RbmStats): number {
  const fn = 'maxAbsDiff';
  for (const [arg, x] of [['a', a], ['b', b]] as const) {
    if (!x || typeof x !== 'object' || !Array.isArray(x.W) || !Array.isArray(x.b) || !Array.isArray(x.c)) throw new TypeError(`${fn}: ${arg} must be gradient statistics {W, b, c} (got ${describe(x)})`);
  }
  if (a.W.length !== b.W.length || a.b.length !== b.b.length || a.c.length !== b.c.length || a.W.some((r, j) => r.length !== b.W[j]?.length)) {
    throw new RangeError(`${fn}: a and b must have the same shapes (got W ${a.W.length}×${a.W[0]?.length}, b ${a.b.length}, c ${a.c.length} vs W ${b.W.length}×${b.W[0]?.length}, b ${b.b.length}, c ${b.c.length})`);
  }
  let d = 0;
  a.W.forEach((r, j) => r.forEach((x, i) => (d = Math.max(d, Math.abs(x - b.W[j][i])))));
  a.b.forEach((x, i) => (d = Math.max(d, Math.abs(x - b.b[i]))));
  a.c.forEach((x, j) => (d = Math.max(d, Math.abs(x - b.c[j]))));
  return d;
}

/** Wv + c, the pre-activations of the hidden units (003 L169). */
export function hiddenInput(rbm: Rbm, v: ArrayLike<number>): Float64Array {
  checkRbm('hiddenInput', rbm);
  assertVector('hiddenInput', 'v', v, rbm.b.length);
  return preH(rbm, v);
}

/** Wᵀh + b, the pre-activations of the visible units (003 L167 repaired). */
export function visibleInput(rbm: Rbm, h: ArrayLike<number>): Float64Array {
  checkRbm('visibleInput', rbm);
  assertVector('visibleInput', 'h', h, rbm.c.length);
  return preV(rbm, h);
}

/** Zero gradient statistics for m visible and n hidden units. */
export function zeroStats(m: number, n: number): RbmStats {
  assertInteger('zeroStats', 'm', m, 1, 1e6);
  assertInteger('zeroStats', 'n', n, 1, 1e6);
  return zeroRaw(m, n);
}

/**
 * A fresh RBM: W ~ N(0, scale²) (default 0.01), c = 0, and b = 0 or, given data, b_i = log(p̄_i/(1 − p̄_i)) from the
 * visible marginals (Hinton 2010, "A practical guide to training RBMs", §8 — an extension; 003 only says "init W, b, c").
 */
export function initRbm(m: number, n: number, rng: Rng, opts: { scale?: number; data?: ArrayLike<number>[] } = {}): Rbm {
  const fn = 'initRbm';
  assertInteger(fn, 'm', m, 1, 1e5);
  assertInteger(fn, 'n', n, 1, 1e5);
  assertRng(fn, rng);
  const scale = opts.scale ?? 0.01;
  assertPositive(fn, 'opts.scale', scale);
  const W = Array.from({ length: n }, () => Array.from({ length: m }, () => rng.normal(0, scale)));
  let b = new Array<number>(m).fill(0);
  if (opts.data !== undefined) {
    const X = checkBinaryData(fn, 'opts.data', opts.data, m);
    b = b.map((_, i) => {
      const p = Math.min(Math.max(X.reduce((a, v) => a + v[i], 0) / X.length, 0.01), 0.99);
      return Math.log(p / (1 - p));
    });
  }
  return { W, b, c: new Array<number>(n).fill(0) };
}
