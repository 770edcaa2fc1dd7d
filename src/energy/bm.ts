/**
 * The (fully connected) Boltzmann machine of source 000 §3 (L1050–1181): energy (3.16), the Boltzmann distribution by
 * exhaustive enumeration (small n), the exact maximum-likelihood gradient (positive minus negative phase; Goodfellow,
 * Bengio & Courville 2016, §18.2/§20.1, which the tutorial cites at L1102), the tutorial's update (3.18) that drops the
 * negative phase (erratum 000-E49), full-batch training with either rule (oracle 000 O-33), and the deterministic clipped
 * propagation of the tutorial's SGD + SA algorithm (L1066–1082, L1156; oracle 000 O-35; errata 000-E46, E47).
 */
import { Matrix } from '../core/linalg';
import { logSumExp } from '../core/special';
import { assertFiniteNumber, assertInteger, assertOneOf, assertPositive, assertSquareMatrix, assertVector, describe } from '../core/validate';
import { indexToBits } from '../sampling/gibbs';

/** A Boltzmann machine on n binary units: W symmetric n×n with zero diagonal, b ∈ Rⁿ (000 §3, Eq. 3.16). */
export interface BoltzmannMachine {
  W: Matrix;
  b: number[];
}

/** Validates and copies a Boltzmann machine (W square, symmetric, zero diagonal, finite; b of matching length). */
export function checkBm(fn: string, bm: unknown, arg = 'bm'): BoltzmannMachine {
  if (!bm || typeof bm !== 'object') throw new TypeError(`${fn}: ${arg} must be {W, b} (got ${describe(bm)})`);
  const { W, b } = bm as BoltzmannMachine;
  assertSquareMatrix(fn, `${arg}.W`, W);
  const n = W.length;
  assertVector(fn, `${arg}.b`, b, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) assertFiniteNumber(fn, `${arg}.W[${i}][${j}]`, W[i][j]);
    if (W[i][i] !== 0) throw new RangeError(`${fn}: ${arg}.W[${i}][${i}] must be 0 (zero diagonal, 000 L1058) (got ${describe(W[i][i])})`);
    for (let j = 0; j < i; j++) {
      if (W[i][j] !== W[j][i]) throw new RangeError(`${fn}: ${arg}.W must be symmetric (W[${i}][${j}] = ${W[i][j]} but W[${j}][${i}] = ${W[j][i]})`);
    }
  }
  return { W: W.map((r) => Array.from(r)), b: Array.from(b) };
}

/** Checks a binary state vector of length n. */
export function checkBinary(fn: string, arg: string, x: unknown, n: number): number[] {
  assertVector(fn, arg, x, n);
  const v = Array.from(x as ArrayLike<number>);
  v.forEach((xi, i) => {
    if (xi !== 0 && xi !== 1) throw new RangeError(`${fn}: ${arg}[${i}] must be 0 or 1 (got ${describe(xi)})`);
  });
  return v;
}

/** Checks a non-empty data set of binary rows of length n. */
export function checkBinaryData(fn: string, arg: string, data: unknown, n: number): number[][] {
  if (!Array.isArray(data) || data.length === 0) throw new TypeError(`${fn}: ${arg} must be a non-empty array of binary vectors (got ${describe(data)})`);
  return data.map((x, k) => checkBinary(fn, `${arg}[${k}]`, x, n));
}

/** A Boltzmann machine from the upper-triangle weights {w12, w13, …} listed row by row, and b (builds the symmetric W). */
export function bmFromUpper(upper: ArrayLike<number>, b: ArrayLike<number>): BoltzmannMachine {
  const fn = 'bmFromUpper';
  assertVector(fn, 'b', b);
  const n = b.length;
  assertVector(fn, 'upper', upper, (n * (n - 1)) / 2);
  const W: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i][j] = W[j][i] = upper[k++];
  return { W, b: Array.from(b) };
}

function energyUnchecked(W: Matrix, b: number[], x: ArrayLike<number>): number {
  let e = 0;
  const n = b.length;
  for (let i = 0; i < n; i++) {
    if (!x[i]) continue;
    e -= b[i];
    for (let j = i + 1; j < n; j++) if (x[j]) e -= W[i][j];
  }
  return e;
}

/** The energy E(x) = −Σ_{i<j} w_ij x_i x_j − Σ_i b_i x_i of a binary state (000 §3, Eq. 3.16; O-29: E(1,0,1) = 0.6). */
export function bmEnergy(bm: BoltzmannMachine, x: ArrayLike<number>): number {
  const { W, b } = checkBm('bmEnergy', bm);
  return energyUnchecked(W, b, checkBinary('bmEnergy', 'x', x, b.length));
}

/** The exact Boltzmann distribution by enumeration of the 2ⁿ states. */
export interface BmDistribution {
  /** States in binary order (x₁ most significant bit). */
  states: number[][];
  energies: number[];
  probs: number[];
  /** Z = Σ_x exp(−E(x)/κT) and log Z. */
  Z: number;
  logZ: number;
}

/**
 * P(x | W, b) = exp(−E(x)/κT) / Σ_x' exp(−E(x')/κT) by enumerating the 2ⁿ binary states (n ≤ 20) — the distribution
 * above Eq. (3.17) of 000 §3 (L1084–1096), with a sum, not an integral, over binary x. Oracle 000 O-29.
 */
export function bmDistribution(bm: BoltzmannMachine, kT = 1): BmDistribution {
  const fn = 'bmDistribution';
  const { W, b } = checkBm(fn, bm);
  assertPositive(fn, 'kT', kT);
  const n = b.length;
  assertInteger(fn, 'n (number of units)', n, 1, 20);
  const states = Array.from({ length: 1 << n }, (_, s) => indexToBits(s, n));
  const energies = states.map((x) => energyUnchecked(W, b, x));
  const logZ = logSumExp(energies.map((e) => -e / kT));
  return { states, energies, probs: energies.map((e) => Math.exp(-e / kT - logZ)), Z: Math.exp(logZ), logZ };
}

/** Average log-likelihood (1/N) Σ_d log P(x_d | W, b) of binary data under the exact distribution. */
export function bmLogLikelihood(bm: BoltzmannMachine, data: ArrayLike<number>[], kT = 1): number {
  const fn = 'bmLogLikelihood';
  const m = checkBm(fn, bm);
  const X = checkBinaryData(fn, 'data', data, m.b.length);
  const { logZ } = bmDistribution(m, kT);
  return X.reduce((a, x) => a - energyUnchecked(m.W, m.b, x) / kT - logZ, 0) / X.length;
}

/** A gradient of the average log-likelihood: dW (symmetric, zero diagonal) and db. */
export interface BmGradient {
  dW: Matrix;
  db: number[];
}

function positivePhase(X: number[][], n: number, kT: number): BmGradient {
  const dW: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const db = new Array<number>(n).fill(0);
  for (const x of X) {
    for (let i = 0; i < n; i++) {
      db[i] += x[i] / (kT * X.length);
      for (let j = 0; j < n; j++) if (j !== i) dW[i][j] += (x[i] * x[j]) / (kT * X.length);
    }
  }
  return { dW, db };
}

/**
 * The tutorial's gradient (000 §3, the two lines above Eq. 3.18, L1120–1122): ∇w_ij = x_i x_j/κT, ∇b_i = x_i/κT, averaged
 * over the data. It is only the POSITIVE phase: the tutorial treats the normaliser as constant (Eq. 3.17), erratum
 * 000-E49. Oracle 000 O-30 (tutorial row).
 */
export function bmGradSource(bm: BoltzmannMachine, data: ArrayLike<number>[], kT = 1): BmGradient {
  const fn = 'bmGradSource';
  const m = checkBm(fn, bm);
  assertPositive(fn, 'kT', kT);
  return positivePhase(checkBinaryData(fn, 'data', data, m.b.length), m.b.length, kT);
}

/**
 * The exact gradient of the average log-likelihood (Goodfellow et al. 2016, p. 655, cited by 000 at L1102):
 * ∂/∂w_ij = (⟨x_i x_j⟩_data − E_model[x_i x_j])/κT, ∂/∂b_i = (⟨x_i⟩_data − E_model[x_i])/κT — positive minus negative
 * phase, the model expectation by enumeration. Oracle 000 O-30 (exact row); erratum 000-E49.
 */
export function bmGradExact(bm: BoltzmannMachine, data: ArrayLike<number>[], kT = 1): BmGradient {
  const fn = 'bmGradExact';
  const m = checkBm(fn, bm);
  assertPositive(fn, 'kT', kT);
  const n = m.b.length;
  const g = positivePhase(checkBinaryData(fn, 'data', data, n), n, kT);
  const { states, probs } = bmDistribution(m, kT);
  states.forEach((x, s) => {
    for (let i = 0; i < n; i++) {
      g.db[i] -= (probs[s] * x[i]) / kT;
      for (let j = 0; j < n; j++) if (j !== i) g.dW[i][j] -= (probs[s] * x[i] * x[j]) / kT;
    }
  });
  return g;
}

/** One entry of a training history. */
export interface BmHistoryEntry {
  step: number;
  logLik: number;
  W: Matrix;
  b: number[];
}

/**
 * Full-batch gradient ascent on the average log-likelihood, w ← w + γ ∇w, b ← b + γ ∇b (Eq. 3.18 with the data averaged),
 * from the given start (default W = 0, b = 0), the diagonal kept at 0. `rule: 'source'` uses the tutorial's gradient
 * (no negative phase: 000-E49, diverges), `rule: 'exact'` the exact one. The history holds steps 0..steps.
 * Oracle 000 O-33 (with AUDIT-NOTES: after 200 updates −1.315225 exact, −20.000045 tutorial).
 */
export function bmTrain(
  data: ArrayLike<number>[],
  opts: { rule: 'source' | 'exact'; steps: number; gamma?: number; kT?: number; init?: BoltzmannMachine },
): { bm: BoltzmannMachine; history: BmHistoryEntry[] } {
  const fn = 'bmTrain';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: opts must be an object (got ${describe(opts)})`);
  assertOneOf(fn, 'opts.rule', opts.rule, ['source', 'exact'] as const);
  assertInteger(fn, 'opts.steps', opts.steps, 0, 1e6);
  const gamma = opts.gamma ?? 0.1;
  assertPositive(fn, 'opts.gamma', gamma);
  const kT = opts.kT ?? 1;
  assertPositive(fn, 'opts.kT', kT);
  if (!Array.isArray(data) || data.length === 0) throw new TypeError(`${fn}: data must be a non-empty array of binary vectors (got ${describe(data)})`);
  const n = (data[0] as ArrayLike<number>)?.length;
  assertInteger(fn, 'data[0].length', n, 1, 20);
  const X = checkBinaryData(fn, 'data', data, n);
  let bm = opts.init ? checkBm(fn, opts.init, 'opts.init') : { W: Array.from({ length: n }, () => new Array<number>(n).fill(0)), b: new Array<number>(n).fill(0) };
  if (bm.b.length !== n) throw new RangeError(`${fn}: opts.init must have ${n} units like the data (got ${bm.b.length})`);
  const grad = opts.rule === 'exact' ? bmGradExact : bmGradSource;
  const history: BmHistoryEntry[] = [];
  const record = (step: number) => history.push({ step, logLik: bmLogLikelihood(bm, X, kT), W: bm.W.map((r) => r.slice()), b: bm.b.slice() });
  record(0);
  for (let t = 1; t <= opts.steps; t++) {
    const g = grad(bm, X, kT);
    bm = { W: bm.W.map((r, i) => r.map((w, j) => (i === j ? 0 : w + gamma * g.dW[i][j]))), b: bm.b.map((bi, i) => bi + gamma * g.db[i]) };
    record(t);
  }
  return { bm, history };
}

/** The tutorial's "ReLU" (000 L1074–1078): min(max(x, 0), 1) — a clipped linear unit (hard sigmoid), not ReLU (000-E47). */
export function clipUnit(x: number): number {
  assertFiniteNumber('clipUnit', 'x', x);
  return Math.min(Math.max(x, 0), 1);
}

/**
 * The tutorial's deterministic propagation (000 L1066–1082; the proposal of the SGD + SA algorithm, L1156):
 * x'_i = clip(Σ_{j≠i} w_ij x_j) for every unit i not clamped, synchronously. The source has no bias (000-E46); `withBias`
 * adds b_i inside the clip. Oracle 000 O-35: from (1,0,1) on the O-29 machine, x' = (0,1,0) either way.
 */
export function bmPropagate(bm: BoltzmannMachine, x: ArrayLike<number>, opts: { withBias?: boolean; clamped?: ArrayLike<boolean> } = {}): number[] {
  const fn = 'bmPropagate';
  const { W, b } = checkBm(fn, bm);
  const n = b.length;
  assertVector(fn, 'x', x, n);
  for (let i = 0; i < n; i++) if (x[i] < 0 || x[i] > 1) throw new RangeError(`${fn}: x[${i}] must be in [0, 1] (got ${describe(x[i])})`);
  if (opts.clamped !== undefined && (!(Array.isArray(opts.clamped) || ArrayBuffer.isView(opts.clamped)) || opts.clamped.length !== n)) {
    throw new TypeError(`${fn}: opts.clamped must be an array of ${n} booleans (got ${describe(opts.clamped)})`);
  }
  return Array.from({ length: n }, (_, i) => {
    if (opts.clamped?.[i]) return x[i];
    let a = opts.withBias ? b[i] : 0;
    for (let j = 0; j < n; j++) if (j !== i) a += W[i][j] * x[j];
    return Math.min(Math.max(a, 0), 1);
  });
}

/**
 * The restricted machine of 000 L1183–1191 as a masked Boltzmann machine: units 0..k−1 form one group, k..n−1 the
 * other, and only between-group weights may be non-zero. Returns the 0/1 mask (k(n−k) ones above the diagonal).
 */
export function rbmMask(k: number, n: number): Matrix {
  const fn = 'rbmMask';
  assertInteger(fn, 'n', n, 2, 4096);
  assertInteger(fn, 'k', k, 1, n - 1);
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => ((i < k) !== (j < k) ? 1 : 0)));
}
