/**
 * FVSBN — the fully visible sigmoid belief network (source 002 §7.2, Eq. (7.2.1)–(7.2.2), Fig. 7.1):
 *   x̂_t = p(x_t = 1 | x_{<t}) = σ(w_0^{(t)} + w_1^{(t)} x_1 + … + w_{t−1}^{(t)} x_{t−1}),
 * one logistic regression per variable; the parameters form the lower-triangular matrix (7.2.2) whose row t is
 * (w_0^{(t)}, …, w_{t−1}^{(t)}): p(p + 1)/2 numbers (002 T18; the source writes "1 + 2 + ⋯ + n", erratum 002-E38).
 */
import { Rng } from '../core/rng';
import { sigmoid as sig, logSigmoid as logSig } from '../core/special';
import { assertInteger, describe } from '../core/validate';
import { fvsbnParameters } from '../counting';
import { assertBinary, binaryVectors } from './nade';

/** Row t (from 0) = [w_0^{(t+1)}, w_1^{(t+1)}, …, w_t^{(t+1)}]: t + 1 numbers (the non-zero part of row t + 1 of (7.2.2)). */
export type FvsbnParams = number[][];

export function assertFvsbn(fn: string, W: unknown): number {
  if (!Array.isArray(W) || W.length === 0) throw new TypeError(`${fn}: argument W must be the lower-triangular rows [[w0], [w0, w1], …] (got ${describe(W)})`);
  W.forEach((row, t) => {
    if (!Array.isArray(row) || row.length !== t + 1) throw new RangeError(`${fn}: argument W[${t}] must have ${t + 1} entries (w_0 … w_${t}) (got ${describe(row)})`);
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${fn}: argument W[${t}][${j}] must be a finite number (got ${describe(v)})`);
    });
  });
  return W.length;
}


function logit(W: FvsbnParams, x: number[], t: number): number {
  let s = W[t][0];
  for (let j = 0; j < t; j++) s += W[t][j + 1] * x[j];
  return s;
}

/** The conditionals x̂_t of (7.2.1), t = 1..p. */
export function fvsbnConditionals(W: FvsbnParams, x: number[]): number[] {
  const p = assertFvsbn('fvsbnConditionals', W);
  assertBinary('fvsbnConditionals', 'x', x, p);
  return W.map((_, t) => sig(logit(W, x, t)));
}

/** log p(x) = Σ_t log p(x_t | x_{<t}) (002 Eq. (7.0.1)). */
export function fvsbnLogProb(W: FvsbnParams, x: number[]): number {
  const p = assertFvsbn('fvsbnLogProb', W);
  assertBinary('fvsbnLogProb', 'x', x, p);
  return W.reduce((s, _, t) => {
    const a = logit(W, x, t);
    return s + (x[t] === 1 ? logSig(a) : logSig(-a));
  }, 0);
}

/** Sequential (ancestral) sampling: p conditional draws. */
export function fvsbnSample(W: FvsbnParams, rng: Rng): number[] {
  const p = assertFvsbn('fvsbnSample', W);
  if (!(rng instanceof Rng)) throw new TypeError(`fvsbnSample: argument rng must be an Rng (got ${describe(rng)})`);
  const x: number[] = [];
  for (let t = 0; t < p; t++) x.push(rng.uniform() < sig(logit(W, x.concat(new Array(p - t).fill(0)), t)) ? 1 : 0);
  return x;
}

/** The exact table over {0,1}^p (p ≤ 16); sums to 1. */
export function fvsbnTable(W: FvsbnParams): { x: number[]; p: number }[] {
  const p = assertFvsbn('fvsbnTable', W);
  if (p > 16) throw new RangeError(`fvsbnTable: at most 16 variables for exact enumeration (got ${p})`);
  return binaryVectors(p).map((x) => ({ x, p: Math.exp(fvsbnLogProb(W, x)) }));
}

/** The parameter count via `counting.fvsbnParameters`: p(p + 1)/2 (002 T18, D24). */
export function fvsbnParameterCount(W: FvsbnParams): number {
  return fvsbnParameters(assertFvsbn('fvsbnParameterCount', W));
}

/** The full p×p matrix (7.2.2) with zeros above the diagonal: column 0 holds w_0^{(t)}. */
export function fvsbnMatrix(W: FvsbnParams): number[][] {
  const p = assertFvsbn('fvsbnMatrix', W);
  return W.map((row) => row.concat(new Array(p - row.length).fill(0)));
}

/** Gradient of log p(x): row t gets (x_t − x̂_t)·[1, x_1, …, x_{t−1}] (the logistic-regression gradient of conditional t). */
export function fvsbnLogProbGrad(W: FvsbnParams, x: number[]): FvsbnParams {
  const p = assertFvsbn('fvsbnLogProbGrad', W);
  assertBinary('fvsbnLogProbGrad', 'x', x, p);
  return W.map((row, t) => {
    const d = x[t] - sig(logit(W, x, t));
    return row.map((_, j) => (j === 0 ? d : d * x[j - 1]));
  });
}

/** Random FVSBN weights N(0, scale²). */
export function fvsbnInit(p: number, rng: Rng, scale = 1): FvsbnParams {
  assertInteger('fvsbnInit', 'p', p, 1, 1e4);
  return Array.from({ length: p }, (_, t) => Array.from({ length: t + 1 }, () => scale * rng.normal()));
}

/** Maximum likelihood by full-batch gradient ascent on the mean log-likelihood; returns the weights and the NLL per step. */
export function fvsbnFit(data: number[][], opts: { steps?: number; lr?: number; init?: FvsbnParams } = {}): { W: FvsbnParams; nll: number[] } {
  const fn = 'fvsbnFit';
  if (!Array.isArray(data) || data.length === 0 || !Array.isArray(data[0])) throw new TypeError(`${fn}: argument data must be a non-empty array of binary vectors (got ${describe(data)})`);
  const p = data[0].length;
  data.forEach((x, i) => assertBinary(fn, `data[${i}]`, x, p));
  const steps = opts.steps ?? 500;
  const lr = opts.lr ?? 0.5;
  assertInteger(fn, 'opts.steps', steps, 1, 1e7);
  const W: FvsbnParams = opts.init ? opts.init.map((r) => r.slice()) : Array.from({ length: p }, (_, t) => new Array(t + 1).fill(0));
  // Identical vectors contribute identical terms: fit on the distinct patterns with their frequencies.
  const freq = new Map<string, { x: number[]; w: number }>();
  for (const x of data) {
    const key = x.join('');
    const e = freq.get(key);
    if (e) e.w += 1 / data.length;
    else freq.set(key, { x, w: 1 / data.length });
  }
  const nll: number[] = [];
  for (let s = 0; s < steps; s++) {
    const g = W.map((r) => r.map(() => 0));
    let tot = 0;
    for (const { x, w } of freq.values()) {
      for (let t = 0; t < p; t++) {
        const a = logit(W, x, t);
        tot -= w * (x[t] === 1 ? logSig(a) : logSig(-a));
        const d = w * (x[t] - sig(a));
        g[t][0] += d;
        for (let j = 0; j < t; j++) if (x[j]) g[t][j + 1] += d;
      }
    }
    nll.push(tot);
    W.forEach((r, t) => r.forEach((_, j) => (r[j] += lr * g[t][j])));
  }
  return { W, nll };
}
