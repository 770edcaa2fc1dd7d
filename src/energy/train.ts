/**
 * Training RBMs with sampled negative phases (source 003 L389–455): the Monte-Carlo negative phase (L391–395, erratum
 * 003-E44), Algorithm 0 — a fresh block-Gibbs chain per example with burn-in k and r averaged samples (L417–439, errata
 * 003-E48–E50), Algorithm 1 — CD-k (L399–415, L441–455, erratum 003-E51), the exact expected CD-k update (by powers of the
 * block kernel), and persistent CD (Tieleman 2008, "Training restricted Boltzmann machines using approximations to the
 * likelihood gradient", ICML — an EXTENSION: 003 does not mention persistent chains). All updates are gradient ASCENT
 * on log L (003-E95).
 */
import { Matrix, matmul } from '../core/linalg';
import { Rng } from '../core/rng';
import { sigmoid } from '../core/special';
import { assertFiniteNumber, assertInteger, assertOneOf, assertPositive, describe } from '../core/validate';
import { assertRng } from '../sampling/basic';
import { indexToBits } from '../sampling/gibbs';
import { checkBinary, checkBinaryData } from './bm';
import {
  Rbm,
  RbmStats,
  checkRbm,
  rbmAverageLogLik,
  rbmBlockKernel,
  rbmGradExact,
  rbmLogZ,
  rbmPositivePhase,
} from './rbm';
import { addStats, preH as hiddenInput, preV as visibleInput, subStats, zeroRaw as zeroStats } from './internal';

/** 'exact' = the repaired algorithm; 'source' = the printed one (the erratum's numbers come from it). */
export type Form = 'exact' | 'source';

function step(rbm: Rbm, v: ArrayLike<number>, rng: Rng): { h: number[]; v: number[] } {
  const a = hiddenInput(rbm, v);
  const h = Array.from(a, (x) => (rng.uniform() < sigmoid(x) ? 1 : 0));
  const bv = visibleInput(rbm, h);
  return { h, v: Array.from(bv, (x) => (rng.uniform() < sigmoid(x) ? 1 : 0)) };
}

function randomBits(m: number, rng: Rng): number[] {
  return Array.from({ length: m }, () => (rng.uniform() < 0.5 ? 1 : 0));
}

/**
 * The Monte-Carlo negative phase of 003 L391–395: run a block-Gibbs chain from `init` (default: uniform random bits) for
 * `burnIn` steps, then average σ(Wv⁽ⁱ⁾ + c)v⁽ⁱ⁾ᵀ, v⁽ⁱ⁾ and σ(Wv⁽ⁱ⁾ + c) over the next `numSamples` states.
 * `form: 'source'` averages the printed summand v⁽ᵏ⁾ — the last state, numSamples times — so it is one sample whatever
 * numSamples is (erratum 003-E44).
 */
export function rbmMcNegativePhase(rbm: Rbm, opts: { burnIn: number; numSamples: number; rng: Rng; init?: ArrayLike<number>; form?: Form }): RbmStats {
  const fn = 'rbmMcNegativePhase';
  checkRbm(fn, rbm);
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: opts must be an object (got ${describe(opts)})`);
  assertInteger(fn, 'opts.burnIn', opts.burnIn, 0);
  assertInteger(fn, 'opts.numSamples', opts.numSamples, 1);
  assertRng(fn, opts.rng);
  const form = opts.form ?? 'exact';
  assertOneOf(fn, 'opts.form', form, ['exact', 'source'] as const);
  const m = rbm.b.length;
  let v = opts.init !== undefined ? checkBinary(fn, 'opts.init', opts.init, m) : randomBits(m, opts.rng);
  for (let t = 0; t < opts.burnIn; t++) v = step(rbm, v, opts.rng).v;
  const s = zeroStats(m, rbm.c.length);
  const k = opts.numSamples;
  for (let t = 0; t < k; t++) {
    v = step(rbm, v, opts.rng).v;
    if (form === 'exact') addStats(rbm, s, v, 1 / k);
  }
  if (form === 'source') for (let t = 0; t < k; t++) addStats(rbm, s, v, 1 / k);
  return s;
}

function addInPlace(rbm: Rbm, g: RbmStats, eta: number): void {
  for (let j = 0; j < rbm.W.length; j++) {
    const r = rbm.W[j];
    const gr = g.W[j];
    for (let i = 0; i < r.length; i++) r[i] += eta * gr[i];
    rbm.c[j] += eta * g.c[j];
  }
  for (let i = 0; i < rbm.b.length; i++) rbm.b[i] += eta * g.b[i];
}

/**
 * The gradient estimate of Algorithm 0 (003 L417–439) for one training vector v_d: a fresh chain from random v⁽⁰⁾, steps
 * t = 0 … k + r (h⁽ᵗ⁾ ~ p(h | v⁽ᵗ⁾), v⁽ᵗ⁺¹⁾ ~ p(v | h⁽ᵗ⁾)), and the negative phase (1/r) Σ_{t=k+1}^{k+r} over v⁽ᵗ⁾.
 * `form: 'source'` keeps the printed c-update, whose sum runs from t = k + r to k + r (one term divided by r, erratum 003-E50).
 */
export function rbmAlgorithm0Gradient(rbm: Rbm, vd: ArrayLike<number>, opts: { k: number; r: number; rng: Rng; form?: Form }): RbmStats {
  const fn = 'rbmAlgorithm0Gradient';
  checkRbm(fn, rbm);
  const v0 = checkBinary(fn, 'vd', vd, rbm.b.length);
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: opts must be an object (got ${describe(opts)})`);
  assertInteger(fn, 'opts.k', opts.k, 0);
  assertInteger(fn, 'opts.r', opts.r, 1);
  assertRng(fn, opts.rng);
  const form = opts.form ?? 'exact';
  assertOneOf(fn, 'opts.form', form, ['exact', 'source'] as const);
  return algorithm0(rbm, v0, opts.k, opts.r, opts.rng, form);
}

function algorithm0(rbm: Rbm, vd: ArrayLike<number>, k: number, r: number, rng: Rng, form: Form): RbmStats {
  const m = rbm.b.length;
  const neg = zeroStats(m, rbm.c.length);
  let v = randomBits(m, rng); // v⁽⁰⁾
  for (let t = 0; t <= k + r; t++) {
    v = step(rbm, v, rng).v; // v⁽ᵗ⁺¹⁾
    const idx = t + 1;
    if (idx >= k + 1 && idx <= k + r) {
      if (form === 'exact') addStats(rbm, neg, v, 1 / r);
      else {
        const tmp = zeroStats(m, rbm.c.length);
        addStats(rbm, tmp, v, 1 / r);
        neg.W.forEach((row, j) => row.forEach((_, i) => (row[i] += tmp.W[j][i])));
        neg.b.forEach((_, i) => (neg.b[i] += tmp.b[i]));
        if (idx === k + r) neg.c.forEach((_, j) => (neg.c[j] += tmp.c[j])); // Σ_{t=k+r}^{k+r}: one term, still /r
      }
    }
  }
  const pos = zeroStats(m, rbm.c.length);
  addStats(rbm, pos, vd, 1);
  return subStats(pos, neg);
}

/**
 * The CD-k gradient estimate of Algorithm 1 (003 L399–415, L441–455) for one training vector: v⁽⁰⁾ = v_d, k block-Gibbs
 * steps t = 0 … k − 1, ṽ = v⁽ᵏ⁾, estimate [σ(Wv_d + c)v_dᵀ − σ(Wṽ + c)ṽᵀ, v_d − ṽ, σ(Wv_d + c) − σ(Wṽ + c)].
 * `form: 'source'` runs the printed loop t = 0, …, k — k + 1 steps (erratum 003-E51). With `chain`, the negative chain
 * starts there instead of at v_d (persistent CD) and the returned `v` is its new state.
 */
export function rbmCdGradient(rbm: Rbm, vd: ArrayLike<number>, opts: { k: number; rng: Rng; form?: Form; chain?: ArrayLike<number> }): { grad: RbmStats; v: number[] } {
  const fn = 'rbmCdGradient';
  checkRbm(fn, rbm);
  const m = rbm.b.length;
  const v0 = checkBinary(fn, 'vd', vd, m);
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: opts must be an object (got ${describe(opts)})`);
  assertInteger(fn, 'opts.k', opts.k, 1);
  assertRng(fn, opts.rng);
  const form = opts.form ?? 'exact';
  assertOneOf(fn, 'opts.form', form, ['exact', 'source'] as const);
  const start = opts.chain !== undefined ? checkBinary(fn, 'opts.chain', opts.chain, m) : v0;
  const g = zeroStats(m, rbm.c.length);
  const v = cdInto(rbm, g, v0, start, opts.k + (form === 'source' ? 1 : 0), opts.rng, 1);
  return { grad: g, v };
}

/** g += w · (stats(v_d) − stats(ṽ)) with ṽ after `steps` block-Gibbs steps from `start`; returns ṽ. */
function cdInto(rbm: Rbm, g: RbmStats, vd: ArrayLike<number>, start: ArrayLike<number>, steps: number, rng: Rng, w: number): number[] {
  let v = Array.from(start);
  for (let t = 0; t < steps; t++) v = step(rbm, v, rng).v;
  addStats(rbm, g, vd, w);
  addStats(rbm, g, v, -w);
  return v;
}

/**
 * The exact EXPECTED CD-k update at v_d (the average over all the chain's randomness): positive phase at v_d minus
 * Σ_{v'} Tᵏ(v_d → v') [σ(Wv' + c)v'ᵀ, v', σ(Wv' + c)], with T the exact block kernel (`rbmBlockKernel`). `form: 'source'`
 * uses T^{k+1} (003-E51). It differs from the exact gradient by the CD bias (003 §4.3: CD-1 at [1,0,1] gives
 * W = [[0.284554, −0.222508, 0.372410], [0.091371, −0.263218, 0.204311]], …).
 */
export function rbmExpectedCdUpdate(rbm: Rbm, vd: ArrayLike<number>, k: number, opts: { form?: Form } = {}): RbmStats {
  const fn = 'rbmExpectedCdUpdate';
  checkRbm(fn, rbm);
  const m = rbm.b.length;
  const v0 = checkBinary(fn, 'vd', vd, m);
  assertInteger(fn, 'k', k, 1, 10000);
  const form = opts.form ?? 'exact';
  assertOneOf(fn, 'opts.form', form, ['exact', 'source'] as const);
  const T = rbmBlockKernel(rbm);
  let s0 = 0;
  for (const x of v0) s0 = 2 * s0 + x;
  let row: Matrix = [T[s0]];
  for (let t = 1; t < k + (form === 'source' ? 1 : 0); t++) row = matmul(row, T);
  const neg = zeroStats(m, rbm.c.length);
  row[0].forEach((p, s) => addStats(rbm, neg, indexToBits(s, m), p));
  return subStats(rbmPositivePhase(rbm, [v0]), neg);
}

/** The training methods of `rbmTrain`. */
export type RbmMethod = 'exact' | 'gibbs' | 'cd' | 'pcd';

/** One point of a training history. */
export interface RbmHistoryPoint {
  epoch: number;
  /** Exact average log-likelihood of the training data (when log Z is enumerable), else NaN. */
  logLik: number;
}

/**
 * Trains an RBM by stochastic gradient ascent on the average log-likelihood with mini-batches (batchSize 1 = the
 * per-example loops of 003's algorithms):
 *  - `'exact'`: the exact gradient (`rbmGradExact`; small m only);
 *  - `'gibbs'`: Algorithm 0 (003 L417–439; burn-in `k`, `r` samples from a fresh random chain per example);
 *  - `'cd'`: CD-k (Algorithm 1, L441–455);
 *  - `'pcd'`: persistent CD-k (Tieleman 2008, extension): one persistent chain per batch slot, never reset.
 * `form: 'source'` uses the printed algorithms (003-E50, 003-E51). After each epoch the exact average log-likelihood is
 * recorded when log Z can be enumerated (min(m, n) ≤ `exactLimit`, default 16) and `onEpoch` is called.
 */
export function rbmTrain(
  data: ArrayLike<number>[],
  opts: {
    method: RbmMethod;
    nHidden?: number;
    init?: Rbm;
    epochs: number;
    eta: number;
    k?: number;
    r?: number;
    batchSize?: number;
    rng: Rng;
    form?: Form;
    shuffle?: boolean;
    exactLimit?: number;
    onEpoch?: (epoch: number, rbm: Rbm, logLik: number) => void;
  },
): { rbm: Rbm; history: RbmHistoryPoint[] } {
  const fn = 'rbmTrain';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: opts must be an object (got ${describe(opts)})`);
  if (!Array.isArray(data) || data.length === 0) throw new TypeError(`${fn}: data must be a non-empty array of binary vectors (got ${describe(data)})`);
  const m = (data[0] as ArrayLike<number>)?.length;
  assertInteger(fn, 'data[0].length', m, 1);
  const X = checkBinaryData(fn, 'data', data, m);
  assertOneOf(fn, 'opts.method', opts.method, ['exact', 'gibbs', 'cd', 'pcd'] as const);
  assertInteger(fn, 'opts.epochs', opts.epochs, 0, 1e6);
  assertPositive(fn, 'opts.eta', opts.eta);
  assertRng(fn, opts.rng);
  const rng = opts.rng;
  const k = opts.k ?? 1;
  assertInteger(fn, 'opts.k', k, opts.method === 'gibbs' ? 0 : 1, 1e5);
  const r = opts.r ?? 10;
  assertInteger(fn, 'opts.r', r, 1, 1e6);
  const batchSize = opts.batchSize ?? 1;
  assertInteger(fn, 'opts.batchSize', batchSize, 1, X.length);
  const form = opts.form ?? 'exact';
  assertOneOf(fn, 'opts.form', form, ['exact', 'source'] as const);
  const exactLimit = opts.exactLimit ?? 16;
  assertInteger(fn, 'opts.exactLimit', exactLimit, 0, 24);
  if (opts.onEpoch !== undefined && typeof opts.onEpoch !== 'function') throw new TypeError(`${fn}: opts.onEpoch must be a function (got ${describe(opts.onEpoch)})`);
  let rbm: Rbm;
  if (opts.init !== undefined) {
    checkRbm(fn, opts.init, 'opts.init');
    if (opts.init.b.length !== m) throw new RangeError(`${fn}: opts.init must have ${m} visible units like the data (got ${opts.init.b.length})`);
    rbm = { W: opts.init.W.map((row) => Array.from(row)), b: Array.from(opts.init.b), c: Array.from(opts.init.c) };
  } else {
    assertInteger(fn, 'opts.nHidden', opts.nHidden, 1, 1e5);
    rbm = { W: Array.from({ length: opts.nHidden }, () => Array.from({ length: m }, () => rng.normal(0, 0.01))), b: new Array<number>(m).fill(0), c: new Array<number>(opts.nHidden).fill(0) };
  }
  const n = rbm.c.length;
  const canEval = Math.min(m, n) <= exactLimit;
  const evalLL = () => (canEval ? rbmAverageLogLik(rbm, X, rbmLogZ(rbm)) : NaN);
  const history: RbmHistoryPoint[] = [{ epoch: 0, logLik: evalLL() }];
  const chains: number[][] = opts.method === 'pcd' ? Array.from({ length: batchSize }, () => randomBits(m, rng)) : [];
  const order = X.map((_, i) => i);
  for (let e = 1; e <= opts.epochs; e++) {
    if (opts.shuffle !== false) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.integer(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
    }
    for (let start = 0; start < order.length; start += batchSize) {
      const idx = order.slice(start, start + batchSize);
      const w = 1 / idx.length;
      let g: RbmStats;
      if (opts.method === 'exact') g = rbmGradExact(rbm, idx.map((i) => X[i]));
      else {
        g = zeroStats(m, n);
        idx.forEach((i, slot) => {
          if (opts.method === 'gibbs') {
            const gi = algorithm0(rbm, X[i], k, r, rng, form);
            g = { W: g.W.map((row, j) => row.map((x, q) => x + w * gi.W[j][q])), b: g.b.map((x, q) => x + w * gi.b[q]), c: g.c.map((x, j) => x + w * gi.c[j]) };
          } else if (opts.method === 'cd') cdInto(rbm, g, X[i], X[i], k + (form === 'source' ? 1 : 0), rng, w);
          else chains[slot] = cdInto(rbm, g, X[i], chains[slot], k, rng, w);
        });
      }
      addInPlace(rbm, g, opts.eta);
    }
    const ll = evalLL();
    history.push({ epoch: e, logLik: ll });
    opts.onEpoch?.(e, rbm, ll);
  }
  return { rbm, history };
}

/** Mean-field reconstruction p(v | h = σ(Wv + c)) — v → hidden probabilities → visible probabilities (for image grids). */
export function rbmReconstruct(rbm: Rbm, v: ArrayLike<number>): number[] {
  const fn = 'rbmReconstruct';
  checkRbm(fn, rbm);
  const a = hiddenInput(rbm, v);
  if (v.length !== rbm.b.length) throw new RangeError(`${fn}: v must have length ${rbm.b.length} (got length ${v.length})`);
  return Array.from(visibleInput(rbm, Array.from(a, sigmoid)), sigmoid);
}

/**
 * Samples from the model by block Gibbs: `nChains` chains from `init` (or uniform bits), `steps` steps each; returns the
 * visible MEANS p(v = 1 | h) of the last step (the usual way to display RBM samples).
 */
export function rbmSample(rbm: Rbm, opts: { nChains: number; steps: number; rng: Rng; init?: ArrayLike<number>[] }): number[][] {
  const fn = 'rbmSample';
  checkRbm(fn, rbm);
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: opts must be an object (got ${describe(opts)})`);
  assertInteger(fn, 'opts.nChains', opts.nChains, 1, 1e5);
  assertInteger(fn, 'opts.steps', opts.steps, 1, 1e7);
  assertRng(fn, opts.rng);
  const m = rbm.b.length;
  const init = opts.init !== undefined ? checkBinaryData(fn, 'opts.init', opts.init, m) : null;
  if (init && init.length !== opts.nChains) throw new RangeError(`${fn}: opts.init must have nChains = ${opts.nChains} rows (got ${init.length})`);
  return Array.from({ length: opts.nChains }, (_, q) => {
    let v = init ? init[q] : randomBits(m, opts.rng);
    let h: number[] = [];
    for (let t = 0; t < opts.steps; t++) ({ h, v } = step(rbm, v, opts.rng));
    return Array.from(visibleInput(rbm, h), sigmoid);
  });
}

/**
 * The update rule as printed in 003 Algorithms 0/1 (L435–437, L447–453) read literally: "W ← W + η ∇_W L(θ) [ … ]" with the
 * bracket itself the gradient estimate g, i.e. W ← W + η g ⊙ g entry by entry (always increasing — erratum 003-E49); the
 * exact rule is W ← W + η g.
 */
export function literalBracketUpdate(g: ArrayLike<number>, eta: number): { source: number[]; exact: number[] } {
  const fn = 'literalBracketUpdate';
  assertPositive(fn, 'eta', eta);
  if (!(Array.isArray(g) || ArrayBuffer.isView(g))) throw new TypeError(`${fn}: g must be an array of numbers (got ${describe(g)})`);
  Array.from(g).forEach((x, i) => assertFiniteNumber(fn, `g[${i}]`, x));
  return { source: Array.from(g, (x) => eta * x * x), exact: Array.from(g, (x) => eta * x) };
}

