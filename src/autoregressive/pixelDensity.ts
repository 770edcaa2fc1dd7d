/**
 * The pixel-density (PD) approach of source 000 §2 (L558–618): the autoregressive factorisation (2.11) and sequential generation,
 * the RNN cell (2.12), the LSTM cell (2.13), and the 2-D LSTM of PixelRNN (2.14) with its 4-neighbour extension (L603–612).
 * Pure TypeScript, float64 (the oracles 000 O-16, O-18…O-22). Errata 000-E26…E31.
 */
import { Rng } from '../core/rng';
import { assertFiniteNumber, assertInteger, assertMatrix, assertProbability, assertVector, describe } from '../core/validate';

// ----------------------------------------------------------------------------------------------- (2.11) factorisation, sampling
/** A binary autoregressive model: `cond(prefix)` = P(x_i = 1 | x_1..x_{i−1} = prefix), i = prefix.length + 1 ≤ n. */
export interface BinaryARModel {
  n: number;
  cond: (prefix: number[]) => number;
}

/** The binary first-order Markov chain of 000 O-18: P(x_1 = 1) = p1, P(x_i = 1 | x_{i−1} = 1) = p11, P(x_i = 1 | x_{i−1} = 0) = p01. */
export function markovChainModel(n: number, p1: number, p11: number, p01: number): BinaryARModel {
  const fn = 'markovChainModel';
  assertInteger(fn, 'n', n, 1, 1e6);
  assertProbability(fn, 'p1', p1);
  assertProbability(fn, 'p11', p11);
  assertProbability(fn, 'p01', p01);
  return { n, cond: (prefix) => (prefix.length === 0 ? p1 : prefix[prefix.length - 1] === 1 ? p11 : p01) };
}

function assertModel(fn: string, m: unknown): asserts m is BinaryARModel {
  const mm = m as BinaryARModel;
  if (!mm || typeof mm.cond !== 'function' || !Number.isInteger(mm.n)) throw new TypeError(`${fn}: argument model must be { n, cond(prefix) } (got ${describe(m)})`);
}

function assertBits(fn: string, arg: string, x: unknown, maxLen: number): asserts x is number[] {
  if (!Array.isArray(x)) throw new TypeError(`${fn}: argument ${arg} must be an array of 0/1 values (got ${describe(x)})`);
  if (x.length > maxLen) throw new RangeError(`${fn}: argument ${arg} must have at most ${maxLen} values (got ${x.length})`);
  x.forEach((v, i) => {
    if (v !== 0 && v !== 1) throw new RangeError(`${fn}: argument ${arg}[${i}] must be 0 or 1 (got ${describe(v)})`);
  });
}

/** P(x) = Π_i P(x_i | x_{i−1}, …, x_1) with P(x_1 | x_0) = P(x_1) — 000 (2.11). */
export function pdProb(model: BinaryARModel, x: number[]): number {
  assertModel('pdProb', model);
  assertBits('pdProb', 'x', x, model.n);
  if (x.length !== model.n) throw new RangeError(`pdProb: argument x must have n = ${model.n} values (got ${x.length})`);
  return x.reduce((p, xi, i) => {
    const q = model.cond(x.slice(0, i));
    return p * (xi === 1 ? q : 1 - q);
  }, 1);
}

/**
 * Π_{i>k} P(x_i | x_{<i}) — what 000 L566–568 calls the joint P(x_{k+1}, …, x_{n²}) of the remaining pixels; it is the
 * conditional P(x_{>k} | x_{≤k}) (erratum 000-E26).
 */
export function pdRemainingProduct(model: BinaryARModel, x: number[], k: number): number {
  assertModel('pdRemainingProduct', model);
  assertBits('pdRemainingProduct', 'x', x, model.n);
  assertInteger('pdRemainingProduct', 'k', k, 0, model.n);
  let p = 1;
  for (let i = k; i < model.n; i++) {
    const q = model.cond(x.slice(0, i));
    p *= x[i] === 1 ? q : 1 - q;
  }
  return p;
}

/** The true marginal P(x_{k+1..n} = tail) = Σ over x_{1..k} of P(x), by enumeration (n ≤ 20). */
export function pdMarginalTail(model: BinaryARModel, tail: number[]): number {
  assertModel('pdMarginalTail', model);
  assertBits('pdMarginalTail', 'tail', tail, model.n);
  const k = model.n - tail.length;
  if (k > 20) throw new RangeError(`pdMarginalTail: at most 20 summed pixels (got ${k})`);
  let s = 0;
  for (let m = 0; m < 2 ** k; m++) s += pdProb(model, [...Array.from({ length: k }, (_, i) => (m >> (k - 1 - i)) & 1), ...tail]);
  return s;
}

/**
 * Sequential generation (000 L566): keep the k given pixels, then for i = k+1..n compute P(x_i | x_{<i}) and *sample* x_i from
 * it. Returns the image and the number of conditional draws (n − k; 000 O-16).
 */
export function pdSampleSequential(model: BinaryARModel, prefix: number[], rng: Rng): { x: number[]; draws: number } {
  assertModel('pdSampleSequential', model);
  assertBits('pdSampleSequential', 'prefix', prefix, model.n);
  if (!(rng instanceof Rng)) throw new TypeError(`pdSampleSequential: argument rng must be an Rng (got ${describe(rng)})`);
  const x = prefix.slice();
  let draws = 0;
  while (x.length < model.n) {
    x.push(rng.uniform() < model.cond(x) ? 1 : 0);
    draws++;
  }
  return { x, draws };
}

/**
 * The tutorial's generation rule read literally (000 L618, erratum 000-E31): the "predicted value" — here the conditional
 * probability — is written in place of the pixel and fed on, with no sampling. Deterministic, and the "pixels" are not 0/1.
 * For a model whose cond accepts real-valued prefixes (the Markov chain interpolates linearly in x_{i−1}).
 */
export function pdGenerateTutorialForm(model: BinaryARModel, prefix: number[]): number[] {
  assertModel('pdGenerateTutorialForm', model);
  assertBits('pdGenerateTutorialForm', 'prefix', prefix, model.n);
  const x: number[] = prefix.slice();
  while (x.length < model.n) {
    const last = x[x.length - 1];
    // Evaluate the conditional at a real-valued previous "pixel" by linear interpolation between its 0 and 1 values.
    const q = x.length === 0 ? model.cond([]) : (1 - last) * model.cond([...x.slice(0, -1), 0]) + last * model.cond([...x.slice(0, -1), 1]);
    x.push(q);
  }
  return x;
}

// --------------------------------------------------------------------------------------------------------------- (2.12) RNN
const sig = (a: number) => 1 / (1 + Math.exp(-a));
const mv = (A: number[][], x: number[]) => A.map((r) => r.reduce((s, v, j) => s + v * x[j], 0));
const add = (...vs: number[][]) => vs[0].map((_, i) => vs.reduce((s, v) => s + v[i], 0));

/** RNN parameters of (2.12): h_t = σ_h(W_h x_t + U_h h_{t−1} + b_h), o_t = σ_o(W_o h_t + b_o). */
export interface RnnParams {
  Wh: number[][];
  Uh: number[][];
  bh: number[];
  Wo: number[][];
  bo: number[];
}

/** One RNN step (000 (2.12)) with σ_h = tanh and σ_o = sigmoid (O-19). */
export function rnnStep(params: RnnParams, x: number[], hPrev: number[]): { h: number[]; o: number[] } {
  const fn = 'rnnStep';
  assertMatrix(fn, 'params.Wh', params?.Wh);
  const d = params.Wh.length;
  assertVector(fn, 'x', x, params.Wh[0].length);
  assertVector(fn, 'hPrev', hPrev, d);
  assertMatrix(fn, 'params.Uh', params.Uh, d, d);
  assertVector(fn, 'params.bh', params.bh, d);
  assertMatrix(fn, 'params.Wo', params.Wo, undefined, d);
  assertVector(fn, 'params.bo', params.bo, params.Wo.length);
  const h = add(mv(params.Wh, x), mv(params.Uh, hPrev), params.bh).map(Math.tanh);
  const o = add(mv(params.Wo, h), params.bo).map(sig);
  return { h, o };
}

/** The RNN unrolled over a sequence from h_0. */
export function rnnUnroll(params: RnnParams, xs: number[][], h0: number[]): { h: number[][]; o: number[][] } {
  if (!Array.isArray(xs) || xs.length === 0) throw new TypeError(`rnnUnroll: argument xs must be a non-empty array of input vectors (got ${describe(xs)})`);
  const H: number[][] = [];
  const O: number[][] = [];
  let h = h0;
  for (const x of xs) {
    const r = rnnStep(params, x, h);
    h = r.h;
    H.push(r.h);
    O.push(r.o);
  }
  return { h: H, o: O };
}

// -------------------------------------------------------------------------------------------------------------- (2.13) LSTM
/** The gate names of (2.13). */
export const LSTM_GATES = ['f', 'i', 'o', 'g'] as const;
export type LstmGate = (typeof LSTM_GATES)[number];

/** LSTM parameters of (2.13): per gate W (d×m), U (d×d), b (d). */
export type LstmParams = Record<LstmGate, { W: number[][]; U: number[][]; b: number[] }>;

/** LSTM parameters with every W = w, U = u, b = b (scalars broadcast; d hidden units, m inputs) — O-20, O-21. */
export function lstmConstantParams(d: number, m: number, w: number, u: number, b: number | Partial<Record<LstmGate, number>>): LstmParams {
  const fn = 'lstmConstantParams';
  assertInteger(fn, 'd', d, 1, 1e4);
  assertInteger(fn, 'm', m, 1, 1e4);
  assertFiniteNumber(fn, 'w', w);
  assertFiniteNumber(fn, 'u', u);
  const out = {} as LstmParams;
  for (const g of LSTM_GATES) {
    const bg = typeof b === 'number' ? b : b[g] ?? 0;
    assertFiniteNumber(fn, `b.${g}`, bg);
    out[g] = { W: Array.from({ length: d }, () => new Array(m).fill(w)), U: Array.from({ length: d }, () => new Array(d).fill(u)), b: new Array(d).fill(bg) };
  }
  return out;
}

/**
 * One LSTM step (000 (2.13)): f, i, o = sigmoid(W x + U h_{t−1} + b), g = tanh(…), c_t = f ⊗ c_{t−1} + i ⊗ g, h_t = o ⊗ tanh(c_t).
 * h_t ∈ (−1, 1) always; c_t is unbounded (erratum 000-E28).
 */
export function lstmStep(params: LstmParams, x: number[], h: number[], c: number[]): { h: number[]; c: number[]; gates: Record<LstmGate, number[]> } {
  const fn = 'lstmStep';
  if (!params || typeof params !== 'object') throw new TypeError(`${fn}: argument params must be { f, i, o, g } (got ${describe(params)})`);
  const gates = {} as Record<LstmGate, number[]>;
  for (const gname of LSTM_GATES) {
    const p = params[gname];
    if (!p) throw new TypeError(`${fn}: argument params.${gname} must be { W, U, b } (got ${describe(p)})`);
    assertMatrix(fn, `params.${gname}.W`, p.W);
    const d = p.W.length;
    assertVector(fn, 'x', x, p.W[0].length);
    assertVector(fn, 'h', h, d);
    assertVector(fn, 'c', c, d);
    assertMatrix(fn, `params.${gname}.U`, p.U, d, d);
    assertVector(fn, `params.${gname}.b`, p.b, d);
    const a = add(mv(p.W, x), mv(p.U, h), p.b);
    gates[gname] = gname === 'g' ? a.map(Math.tanh) : a.map(sig);
  }
  const cNew = c.map((cv, k) => gates.f[k] * cv + gates.i[k] * gates.g[k]);
  const hNew = cNew.map((cv, k) => gates.o[k] * Math.tanh(cv));
  return { h: hNew, c: cNew, gates };
}

/** The LSTM unrolled over a sequence: h, c and every gate at every step (for gate traces). */
export function lstmUnroll(params: LstmParams, xs: number[][], h0: number[], c0: number[]): { h: number[][]; c: number[][]; gates: Record<LstmGate, number[][]> } {
  if (!Array.isArray(xs) || xs.length === 0) throw new TypeError(`lstmUnroll: argument xs must be a non-empty array of input vectors (got ${describe(xs)})`);
  const out = { h: [] as number[][], c: [] as number[][], gates: { f: [], i: [], o: [], g: [] } as Record<LstmGate, number[][]> };
  let h = h0;
  let c = c0;
  for (const x of xs) {
    const r = lstmStep(params, x, h, c);
    h = r.h;
    c = r.c;
    out.h.push(h);
    out.c.push(c);
    for (const g of LSTM_GATES) out.gates[g].push(r.gates[g]);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------------- (2.14) 2-D LSTM
/**
 * 2-D LSTM parameters of (2.14) for scalar pixels and d hidden units: per gate W (d), U (d×d, left neighbour h_{i,j−1}), V (d×d,
 * upper neighbour h_{i−1,j}), b (d); for the 4-neighbour extension (L603–612) also R (upper-left) and S (upper-right).
 */
export type Lstm2dParams = Record<LstmGate, { W: number[]; U: number[][]; V: number[][]; R?: number[][]; S?: number[][]; b: number[] }>;

/** Options of `lstm2dGrid`. */
export interface Lstm2dOptions {
  neighbours?: 2 | 4;
  /** The source's 4-neighbour output gate uses b_i instead of b_o (L610, erratum 000-E30): 'source' reproduces it. */
  form?: 'source' | 'exact';
  /** Replace the gates by constants (f = i = g = o = 1 when true) — the idealised growth of 000 O-22. */
  idealGates?: boolean;
}

/**
 * The 2-D LSTM recursion of 000 (2.14) over an image in raster order with zero boundary states:
 * gate_{i,j} = σ(W x_{i,j} + U h_{i,j−1} + V h_{i−1,j} [+ R h_{i−1,j−1} + S h_{i−1,j+1}] + b),
 * c_{i,j} = f ⊗ (c_{i,j−1} + c_{i−1,j} [+ c_{i−1,j−1} + c_{i−1,j+1}]) + i ⊗ g,  h_{i,j} = o ⊗ tanh(c_{i,j}).
 * One forget gate on the *sum* of the neighbours' cells, as in the source (erratum 000-E29). Returns H and C (rows × cols × d).
 */
export function lstm2dGrid(params: Lstm2dParams | null, image: number[][], opts: Lstm2dOptions = {}): { H: number[][][]; C: number[][][] } {
  const fn = 'lstm2dGrid';
  assertMatrix(fn, 'image', image);
  const nb = opts.neighbours ?? 2;
  if (nb !== 2 && nb !== 4) throw new RangeError(`${fn}: argument opts.neighbours must be 2 or 4 (got ${describe(nb)})`);
  const ideal = opts.idealGates ?? false;
  if (!ideal && (!params || typeof params !== 'object')) throw new TypeError(`${fn}: argument params must be { f, i, o, g } (or opts.idealGates) (got ${describe(params)})`);
  const d = ideal ? 1 : params!.f.b.length;
  const rows = image.length;
  const cols = image[0].length;
  const zero = new Array(d).fill(0);
  const H: number[][][] = [];
  const C: number[][][] = [];
  const at = (A: number[][][], i: number, j: number) => (i < 0 || j < 0 || j >= cols ? zero : A[i][j]);
  for (let i = 0; i < rows; i++) {
    H.push([]);
    C.push([]);
    for (let j = 0; j < cols; j++) {
      const hl = j > 0 ? H[i][j - 1] : zero;
      const cl = j > 0 ? C[i][j - 1] : zero;
      const hu = at(H, i - 1, j);
      const cu = at(C, i - 1, j);
      const hul = at(H, i - 1, j - 1);
      const hur = at(H, i - 1, j + 1);
      const cSum = nb === 2 ? add(cl, cu) : add(cl, cu, at(C, i - 1, j - 1), at(C, i - 1, j + 1));
      let f: number[], ig: number[], o: number[], g: number[];
      if (ideal) {
        f = ig = o = g = [1];
      } else {
        const gate = (name: LstmGate, act: (a: number) => number, biasFrom: LstmGate = name) => {
          const p = params![name];
          const parts = [p.W.map((w) => w * image[i][j]), mv(p.U, hl), mv(p.V, hu), params![biasFrom].b];
          if (nb === 4) {
            if (!p.R || !p.S) throw new TypeError(`${fn}: the 4-neighbour form needs params.${name}.R and .S (L603–612)`);
            parts.push(mv(p.R, hul), mv(p.S, hur));
          }
          return add(...parts).map(act);
        };
        f = gate('f', sig);
        ig = gate('i', sig);
        o = gate('o', sig, nb === 4 && opts.form === 'source' ? 'i' : 'o');
        g = gate('g', Math.tanh);
      }
      const c = cSum.map((s, k) => f[k] * s + ig[k] * g[k]);
      C[i].push(c);
      H[i].push(ideal ? c.slice() : c.map((v, k) => o[k] * Math.tanh(v)));
    }
  }
  return { H, C };
}

/** The idealised cell c_{i,j} (1-based) with f = i = g = 1: c = c_{i,j−1} + c_{i−1,j} (+ two more for 4 neighbours) + 1 (000 O-22). */
export function idealCellGrid(n: number, neighbours: 2 | 4 = 2): number[][] {
  assertInteger('idealCellGrid', 'n', n, 1, 60);
  const img = Array.from({ length: n }, () => new Array(n).fill(0));
  return lstm2dGrid(null, img, { neighbours, idealGates: true }).C.map((r) => r.map((c) => c[0]));
}

/** Binomial coefficient C(a, b) (exact for the small values of O-22). */
export function binomial(a: number, b: number): number {
  assertInteger('binomial', 'a', a, 0, 1000);
  assertInteger('binomial', 'b', b, 0, a);
  let r = 1;
  for (let k = 1; k <= b; k++) r = (r * (a - b + k)) / k;
  return Math.round(r);
}
