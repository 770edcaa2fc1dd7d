/**
 * NADE — the neural autoregressive density estimator for binary vectors (source 003 L606–650; completion of source 002 §7.3,
 * whose equations are "TBU", from H. Larochelle & I. Murray, "The Neural Autoregressive Distribution Estimator", AISTATS 2011).
 *
 *   h_k = σ(W_{·,<k} x_{<k} + b),  y_k = p(x_k = 1 | x_{<k}) = σ(V_k · h_k + c_k),  k = 1..n          (003 L614–619)
 *
 * with W ∈ R^{d×n}, b ∈ R^d, V ∈ R^{n×d} (row k = V_k), c ∈ R^n, and optionally a learned initial state h_1 ∈ R^d (003 L621);
 * without it h_1 = σ(b) (the formula with an empty sum). W_{·,<k} are the first k − 1 columns (003 writes "first k", erratum
 * 003-E73). The running pre-activation a_1 = b, a_{k+1} = a_k + W_{·,k} x_k (003 L642) gives O(nd) per vector instead of O(n²d).
 */
import { Rng } from '../core/rng';
import { sigmoid as sig, logSigmoid as logSig } from '../core/special';
import { assertInteger, assertMatrix, assertVector, describe } from '../core/validate';
import { nadeParameters } from '../counting';

/** NADE parameters (003 L614–625). `h1` present ⇔ the source's separate initial state (count 2nd + n + 2d). */
export interface NadeParams {
  W: number[][];
  b: number[];
  V: number[][];
  c: number[];
  h1?: number[];
}


/** Validates NADE parameters and returns (n, d). */
export function assertNade(fn: string, m: unknown): { n: number; d: number } {
  if (typeof m !== 'object' || m === null) throw new TypeError(`${fn}: argument model must be { W, b, V, c, h1? } (got ${describe(m)})`);
  const p = m as NadeParams;
  assertMatrix(fn, 'model.W', p.W);
  const d = p.W.length;
  const n = p.W[0].length;
  assertVector(fn, 'model.b', p.b, d);
  assertMatrix(fn, 'model.V', p.V, n, d);
  assertVector(fn, 'model.c', p.c, n);
  if (p.h1 !== undefined) assertVector(fn, 'model.h1', p.h1, d);
  return { n, d };
}

/** A binary vector of length n (entries 0 or 1). */
export function assertBinary(fn: string, arg: string, x: unknown, n: number): asserts x is number[] {
  assertVector(fn, arg, x, n);
  (x as number[]).forEach((v, i) => {
    if (v !== 0 && v !== 1) throw new RangeError(`${fn}: argument ${arg}[${i}] must be 0 or 1 (got ${describe(v)})`);
  });
}

/** Random NADE parameters (entries N(0, scale²)); `h1` adds the source's learned initial state. */
export function nadeInit(n: number, d: number, rng: Rng, opts: { scale?: number; h1?: boolean } = {}): NadeParams {
  assertInteger('nadeInit', 'n', n, 1, 1e5);
  assertInteger('nadeInit', 'd', d, 1, 1e5);
  const s = opts.scale ?? 0.1;
  const mat = (r: number, c: number) => Array.from({ length: r }, () => Array.from({ length: c }, () => s * rng.normal()));
  return { W: mat(d, n), b: new Array(d).fill(0), V: mat(n, d), c: new Array(n).fill(0), ...(opts.h1 ? { h1: new Array(d).fill(0.5) } : {}) };
}

/** h_k and the output logits for all k, by the running sum a_{k+1} = a_k + W_{·,k} x_k (003 L642): O(nd). */
function forward(m: NadeParams, x: ArrayLike<number>, n: number, d: number): { H: number[][]; logits: number[] } {
  const a = m.b.slice();
  const H: number[][] = [];
  const logits: number[] = [];
  for (let k = 0; k < n; k++) {
    const h = k === 0 && m.h1 ? m.h1.slice() : a.map(sig);
    let s = m.c[k];
    for (let u = 0; u < d; u++) s += m.V[k][u] * h[u];
    H.push(h);
    logits.push(s);
    const xk = x[k];
    if (xk !== 0) for (let u = 0; u < d; u++) a[u] += m.W[u][k] * xk;
  }
  return { H, logits };
}

/**
 * The conditionals y_k = p(x_k = 1 | x_{<k}), k = 1..n, by the incremental O(nd) computation (003 L642). y_k does not depend on
 * x_k, …, x_n.
 */
export function nadeConditionals(model: NadeParams, x: number[]): number[] {
  const { n, d } = assertNade('nadeConditionals', model);
  assertBinary('nadeConditionals', 'x', x, n);
  return forward(model, x, n, d).logits.map(sig);
}

/** The same conditionals recomputed from scratch for every k: h_k = σ(b + Σ_{j<k} W_{·,j} x_j) (003 L614), O(n²d). */
export function nadeConditionalsNaive(model: NadeParams, x: number[]): number[] {
  const { n, d } = assertNade('nadeConditionalsNaive', model);
  assertBinary('nadeConditionalsNaive', 'x', x, n);
  return conditionalsWithColumns(model, x, n, d, (k) => k);
}

/**
 * The source's literal reading (003 L616, erratum 003-E73): W_{·,<k} = the first k columns, so h_k also sees x_k. The resulting
 * "conditionals" do not define a distribution (Σ_x Π_k p(x_k | …) ≠ 1) and y_k can copy x_k.
 */
export function nadeConditionalsSourceForm(model: NadeParams, x: number[]): number[] {
  const { n, d } = assertNade('nadeConditionalsSourceForm', model);
  assertBinary('nadeConditionalsSourceForm', 'x', x, n);
  return conditionalsWithColumns(model, x, n, d, (k) => k + 1);
}

function conditionalsWithColumns(m: NadeParams, x: number[], n: number, d: number, cols: (k: number) => number): number[] {
  const y: number[] = [];
  for (let k = 0; k < n; k++) {
    let h: number[];
    if (k === 0 && m.h1 && cols(0) === 0) h = m.h1.slice();
    else {
      h = m.b.map((bu, u) => {
        let s = bu;
        for (let j = 0; j < Math.min(cols(k), n); j++) s += m.W[u][j] * x[j];
        return sig(s);
      });
    }
    let s = m.c[k];
    for (let u = 0; u < d; u++) s += m.V[k][u] * h[u];
    y.push(sig(s));
  }
  return y;
}

/** log p(x) = Σ_k [x_k log y_k + (1 − x_k) log(1 − y_k)] (the sum of cross-entropies, 003 L627, completed: erratum 003-E76). */
export function nadeLogProb(model: NadeParams, x: number[]): number {
  const { n, d } = assertNade('nadeLogProb', model);
  assertBinary('nadeLogProb', 'x', x, n);
  const { logits } = forward(model, x, n, d);
  return logits.reduce((s, a, k) => s + (x[k] === 1 ? logSig(a) : logSig(-a)), 0);
}

/**
 * Ancestral sampling one variable at a time (003 L632–634, with the corrected h_2 = σ(W_{·,1} x_1 + b), erratum 003-E77):
 * y_1 from h_1, x_1 ~ Bernoulli(y_1), then a += W_{·,1} x_1, and so on; n conditional draws, O(nd) in total.
 */
export function nadeSample(model: NadeParams, rng: Rng): number[] {
  const { n, d } = assertNade('nadeSample', model);
  if (!(rng instanceof Rng)) throw new TypeError(`nadeSample: argument rng must be an Rng from core.rng(seed) (got ${describe(rng)})`);
  const a = model.b.slice();
  const x: number[] = [];
  for (let k = 0; k < n; k++) {
    const h = k === 0 && model.h1 ? model.h1 : a.map(sig);
    let s = model.c[k];
    for (let u = 0; u < d; u++) s += model.V[k][u] * h[u];
    const xk = rng.uniform() < sig(s) ? 1 : 0;
    x.push(xk);
    if (xk) for (let u = 0; u < d; u++) a[u] += model.W[u][k];
  }
  return x;
}

/** All 2^n binary vectors of length n in counting order (x_1 is the most significant bit: 000, 001, 010, …). */
export function binaryVectors(n: number): number[][] {
  assertInteger('binaryVectors', 'n', n, 1, 20);
  return Array.from({ length: 2 ** n }, (_, i) => Array.from({ length: n }, (_, k) => (i >> (n - 1 - k)) & 1));
}

/** The exact table p(x) for every x ∈ {0,1}^n (n ≤ 16), with the conditionals; the probabilities sum to 1. */
export function nadeTable(model: NadeParams): { x: number[]; y: number[]; p: number }[] {
  const { n } = assertNade('nadeTable', model);
  if (n > 16) throw new RangeError(`nadeTable: the model must have at most 16 inputs for exact enumeration (got ${n})`);
  return binaryVectors(n).map((x) => ({ x, y: nadeConditionals(model, x), p: Math.exp(nadeLogProb(model, x)) }));
}

/** The parameter count via `counting.nadeParameters`: 2nd + n + 2d with h_1 (003 L623–625), 2nd + n + d without (002 D24). */
export function nadeParameterCount(model: NadeParams): number {
  const { n, d } = assertNade('nadeParameterCount', model);
  return nadeParameters(n, d, model.h1 ? '003' : '002');
}

/**
 * Hand-derived gradient of log p(x) with respect to every parameter, O(nd) (reverse accumulation of Larochelle & Murray 2011,
 * Algorithm 1): δ_k = x_k − y_k; ∂/∂c_k = δ_k; ∂/∂V_k = δ_k h_k; ∂/∂a_k = δ_k V_k ⊙ h_k(1 − h_k);
 * ∂/∂b = Σ_k ∂/∂a_k; ∂/∂W_{·,j} = x_j Σ_{k>j} ∂/∂a_k (and ∂/∂h_1 = δ_1 V_1 when h_1 is a parameter).
 */
export function nadeLogProbGrad(model: NadeParams, x: number[]): { logProb: number; grad: NadeParams } {
  const { n, d } = assertNade('nadeLogProbGrad', model);
  assertBinary('nadeLogProbGrad', 'x', x, n);
  const { H, logits } = forward(model, x, n, d);
  const gW = model.W.map((r) => r.map(() => 0));
  const gV = model.V.map((r) => r.map(() => 0));
  const gb = new Array(d).fill(0);
  const gc = new Array(n).fill(0);
  const gh1 = model.h1 ? new Array(d).fill(0) : undefined;
  const acc = new Array(d).fill(0); // Σ_{k' > k} ∂/∂a_{k'}
  let lp = 0;
  for (let k = n - 1; k >= 0; k--) {
    const y = sig(logits[k]);
    lp += x[k] === 1 ? logSig(logits[k]) : logSig(-logits[k]);
    const delta = x[k] - y;
    gc[k] = delta;
    const h = H[k];
    for (let u = 0; u < d; u++) gV[k][u] = delta * h[u];
    if (x[k] !== 0) for (let u = 0; u < d; u++) gW[u][k] = x[k] * acc[u];
    if (k === 0 && gh1) {
      for (let u = 0; u < d; u++) gh1[u] = delta * model.V[k][u];
    } else {
      for (let u = 0; u < d; u++) {
        const da = delta * model.V[k][u] * h[u] * (1 - h[u]);
        acc[u] += da;
        gb[u] += da;
      }
    }
  }
  return { logProb: lp, grad: { W: gW, b: gb, V: gV, c: gc, ...(gh1 ? { h1: gh1 } : {}) } };
}

/** Options of `nadeFit`. */
export interface NadeFitOptions {
  epochs?: number;
  /** Adam step size (default 0.01). */
  lr?: number;
  batchSize?: number;
  /** Called after each epoch with the mean NLL (nats). */
  onEpoch?: (epoch: number, nll: number) => void;
}

/** A NADE trainer that keeps its Adam state between epochs (so a notebook can await a live plot after each epoch). */
export interface NadeTrainer {
  /** One pass over the shuffled data; returns the mean NLL (nats) over the epoch. */
  epoch(): number;
  /** A copy of the current parameters. */
  model(): NadeParams;
}

/**
 * Maximum likelihood (= minimising the sum of the conditionals' cross-entropies, 003 L627) by Adam on the hand gradient
 * `nadeLogProbGrad`, in mini-batches.
 */
export function nadeTrainer(model: NadeParams, data: number[][], rng: Rng, opts: Omit<NadeFitOptions, 'epochs' | 'onEpoch'> = {}): NadeTrainer {
  const fn = 'nadeTrainer';
  const { n } = assertNade(fn, model);
  if (!Array.isArray(data) || data.length === 0) throw new TypeError(`${fn}: argument data must be a non-empty array of binary vectors (got ${describe(data)})`);
  data.forEach((x, i) => assertBinary(fn, `data[${i}]`, x, n));
  if (!(rng instanceof Rng)) throw new TypeError(`${fn}: argument rng must be an Rng (got ${describe(rng)})`);
  const lr = opts.lr ?? 0.01;
  const B = opts.batchSize ?? 32;
  assertInteger(fn, 'opts.batchSize', B, 1, 1e6);
  const m: NadeParams = JSON.parse(JSON.stringify(model));
  const flat = (p: NadeParams): number[][] => [...p.W, p.b, ...p.V, p.c, ...(p.h1 ? [p.h1] : [])];
  const params = flat(m);
  const m1 = params.map((r) => r.map(() => 0));
  const m2 = params.map((r) => r.map(() => 0));
  let t = 0;
  const idx = data.map((_, i) => i);
  return {
    model: () => JSON.parse(JSON.stringify(m)),
    epoch: () => {
      for (let i = idx.length - 1; i > 0; i--) {
        const j = rng.integer(i + 1);
        [idx[i], idx[j]] = [idx[j], idx[i]];
      }
      let tot = 0;
      for (let s = 0; s < idx.length; s += B) {
        const batch = idx.slice(s, s + B);
        const g = params.map((r) => r.map(() => 0));
        for (const i of batch) {
          const r = nadeLogProbGrad(m, data[i]);
          tot -= r.logProb;
          flat(r.grad).forEach((row, a) => row.forEach((v, b) => (g[a][b] += v / batch.length)));
        }
        t++;
        params.forEach((row, a) =>
          row.forEach((_, b) => {
            const gi = -g[a][b];
            m1[a][b] = 0.9 * m1[a][b] + 0.1 * gi;
            m2[a][b] = 0.999 * m2[a][b] + 0.001 * gi * gi;
            row[b] -= (lr * (m1[a][b] / (1 - 0.9 ** t))) / (Math.sqrt(m2[a][b] / (1 - 0.999 ** t)) + 1e-8);
          }),
        );
      }
      return tot / data.length;
    },
  };
}

/** `nadeTrainer` run for `opts.epochs` epochs: the fitted model and the mean NLL per epoch. */
export function nadeFit(model: NadeParams, data: number[][], rng: Rng, opts: NadeFitOptions = {}): { model: NadeParams; nll: number[] } {
  const epochs = opts.epochs ?? 20;
  assertInteger('nadeFit', 'opts.epochs', epochs, 1, 1e6);
  if (!Array.isArray(data) || data.length === 0) throw new TypeError(`nadeFit: argument data must be a non-empty array of binary vectors (got ${describe(data)})`);
  const tr = nadeTrainer(model, data, rng, opts);
  const nll: number[] = [];
  for (let e = 0; e < epochs; e++) {
    nll.push(tr.epoch());
    opts.onEpoch?.(e + 1, nll[e]);
  }
  return { model: tr.model(), nll };
}

/** The concrete model of the 003 inventory §4.6 (n = 3, d = 2, no separate h_1). */
export const NADE_EXAMPLE: NadeParams = {
  W: [
    [0.5, -1.0, 0.3],
    [0.2, 0.4, -0.7],
  ],
  b: [0.1, -0.1],
  V: [
    [1.0, -1.0],
    [0.5, 0.5],
    [-0.3, 0.8],
  ],
  c: [0.0, 0.1, -0.2],
};

/**
 * Wall-clock time (ms per vector) of the naive O(n²d) and the incremental O(nd) conditionals (003 L642) for each n, on a random
 * model with d hidden units. For the notebook's timing plot; the numbers depend on the machine.
 */
export function nadeTiming(ns: number[], d: number, rng: Rng, reps = 3): { n: number; naiveMs: number; incrementalMs: number }[] {
  const fn = 'nadeTiming';
  if (!Array.isArray(ns) || ns.length === 0) throw new TypeError(`${fn}: argument ns must be a non-empty array of sizes (got ${describe(ns)})`);
  ns.forEach((n, i) => assertInteger(fn, `ns[${i}]`, n, 1, 1e5));
  assertInteger(fn, 'd', d, 1, 1e5);
  assertInteger(fn, 'reps', reps, 1, 1e4);
  return ns.map((n) => {
    const m = nadeInit(n, d, rng);
    const x = Array.from({ length: n }, () => (rng.uniform() < 0.5 ? 1 : 0));
    const time = (f: () => unknown) => {
      const t0 = process.hrtime.bigint();
      for (let r = 0; r < reps; r++) f();
      return Number(process.hrtime.bigint() - t0) / 1e6 / reps;
    };
    return { n, naiveMs: time(() => nadeConditionalsNaive(m, x)), incrementalMs: time(() => nadeConditionals(m, x)) };
  });
}
