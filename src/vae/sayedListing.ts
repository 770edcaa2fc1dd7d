/**
 * Sayed's VAE backpropagation, listing (68.79) of source 004 (§68.2.4, L508–578), step by step on matrices whose
 * columns are the samples of a mini-batch (the book's column-vector convention, 004 §2 of the inventory):
 *
 *   z_{ℓ+1} = W_ℓᵀ y_ℓ − θ_ℓ,  y_{ℓ+1} = f(z_{ℓ+1}),  W_ℓ of size n_ℓ × n_{ℓ+1}  (listing (68.41)),
 *   risk (68.37): ρ Σ‖W‖²_F + (1/B) Σ_b { ‖h_b − ĥ_b‖² + κ J(μ_b, a_b) },  J = ‖μ‖² + 1ᵀe^{a} − 1ᵀa  (68.59).
 *
 * The step labels V1–V20 are those of the 004 inventory (the book does not number its steps):
 *   V4–V8 forward (encoder, transition u = μ + e^{a/2} ⊙ ε, decoder); V9 terminal decoder sensitivity
 *   δ_{L_d,d} = 2(ĥ − h) ⊙ f'(z) (68.43); V10 x = col{2μ, e^{a} − 1} (68.63); V11 λ_{L_e,e} = x ⊙ f'(z_{L_e,e}) (68.64);
 *   V12 s = col{1_P, ½ ε ⊙ e^{a/2}} (68.57); V14/V15 decoder updates; V16 δ_{ℓ,d} = f'(z_{ℓ,d}) ⊙ (W_{ℓ,d} δ_{ℓ+1,d})
 *   (68.46); V17 transition δ_{L_e,e} = s ⊙ f'(z_{L_e,e}) ⊙ [W̄ δ_{2,d}; W̄ δ_{2,d}] (68.58), W̄ = the first P rows of
 *   W_{1,d} ((68.95) for the conditional VAE; all of W_{1,d} otherwise); V18/V19 encoder updates with δ + κλ;
 *   V20 the δ_e and λ_e recursions (68.48), (68.67).
 * Every recursion uses the parameters of iteration m−1 (the listing's W_{ℓ,m−1} in V16, V17, V20).
 *
 * The conditional VAE of §68.3 is the option `labels` (one-hot γ, (68.84)): encoder input col{h, γ} (68.85), decoder
 * input col{u, γ} (68.86). Problem 68.3's κ-weighted ELBO is the option `kappa` (λ → κλ).
 *
 * The same code runs on two backends: 'float64' (plain Float64Array matrices, for finite differences; oracle 004 O6, O12)
 * and 'tfjs' (float32 tensors, for training on Fashion-MNIST). `listingGradientsTf` is the independent check: the risk
 * written directly in tfjs and differentiated by tf.grads.
 * Naming: the book's step size μ is `eta` here; `mu` is the encoder mean (erratum 004-E8, symbol clash).
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../core/rng';
import { assertFiniteNumber, assertInteger, assertNonNegative, assertOneOf, assertPositive, describe } from '../core/validate';
import { ACTIVATION_NAMES, ActivationName } from '../backprop/activations';

// ---- matrix backends --------------------------------------------------------------------------------------------

/** A dense float64 matrix (row-major). */
export class Mat64 {
  constructor(readonly rows: number, readonly cols: number, readonly data: Float64Array) {}
  static zeros(r: number, c: number): Mat64 {
    return new Mat64(r, c, new Float64Array(r * c));
  }
  static from(rows: number[][]): Mat64 {
    const r = rows.length;
    const c = rows[0].length;
    const m = Mat64.zeros(r, c);
    rows.forEach((row, i) => row.forEach((v, j) => (m.data[i * c + j] = v)));
    return m;
  }
  get(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }
  toRows(): number[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
  }
}

/** The operations the listing needs; implemented for Mat64 (float64) and tf.Tensor2D (float32). */
export interface MatOps<T> {
  from(rows: number[][]): T;
  toRows(t: T): number[][];
  /** Aᵀ B */
  tn(a: T, b: T): T;
  /** A B */
  nn(a: T, b: T): T;
  /** A Bᵀ */
  nt(a: T, b: T): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  scale(s: number, a: T): T;
  addScalar(a: T, s: number): T;
  exp(a: T): T;
  /** Z − θ 1ᵀ (θ is n × 1) */
  subCol(z: T, theta: T): T;
  /** Σ over columns (n × 1) */
  rowSum(a: T): T;
  /** Σ of all entries */
  total(a: T): number;
  act(a: T, f: ActivationName): T;
  actDeriv(z: T, f: ActivationName): T;
  sliceRows(a: T, start: number, count: number): T;
  concatRows(a: T, b: T): T;
  onesLike(a: T): T;
}

const actScalar: Record<ActivationName, (x: number) => number> = {
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: Math.tanh,
  relu: (x) => (x > 0 ? x : 0),
  identity: (x) => x,
};
const actDerivScalar: Record<ActivationName, (x: number) => number> = {
  sigmoid: (x) => {
    const s = 1 / (1 + Math.exp(-x));
    return s * (1 - s);
  },
  tanh: (x) => 1 - Math.tanh(x) ** 2,
  relu: (x) => (x > 0 ? 1 : 0),
  identity: () => 1,
};

function map64(a: Mat64, f: (x: number) => number): Mat64 {
  const out = Mat64.zeros(a.rows, a.cols);
  for (let i = 0; i < a.data.length; i++) out.data[i] = f(a.data[i]);
  return out;
}
function zip64(a: Mat64, b: Mat64, f: (x: number, y: number) => number): Mat64 {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new RangeError(`Mat64: shapes ${a.rows}×${a.cols} and ${b.rows}×${b.cols} differ`);
  const out = Mat64.zeros(a.rows, a.cols);
  for (let i = 0; i < a.data.length; i++) out.data[i] = f(a.data[i], b.data[i]);
  return out;
}

/** Float64 backend (plain loops; for the step-by-step cells, finite differences and small networks). */
export const ops64: MatOps<Mat64> = {
  from: (rows) => Mat64.from(rows),
  toRows: (t) => t.toRows(),
  tn: (a, b) => {
    const out = Mat64.zeros(a.cols, b.cols);
    for (let k = 0; k < a.rows; k++) for (let i = 0; i < a.cols; i++) {
      const aki = a.data[k * a.cols + i];
      if (aki === 0) continue;
      for (let j = 0; j < b.cols; j++) out.data[i * b.cols + j] += aki * b.data[k * b.cols + j];
    }
    return out;
  },
  nn: (a, b) => {
    const out = Mat64.zeros(a.rows, b.cols);
    for (let i = 0; i < a.rows; i++) for (let k = 0; k < a.cols; k++) {
      const aik = a.data[i * a.cols + k];
      if (aik === 0) continue;
      for (let j = 0; j < b.cols; j++) out.data[i * b.cols + j] += aik * b.data[k * b.cols + j];
    }
    return out;
  },
  nt: (a, b) => {
    const out = Mat64.zeros(a.rows, b.rows);
    for (let i = 0; i < a.rows; i++) for (let j = 0; j < b.rows; j++) {
      let s = 0;
      for (let k = 0; k < a.cols; k++) s += a.data[i * a.cols + k] * b.data[j * b.cols + k];
      out.data[i * b.rows + j] = s;
    }
    return out;
  },
  add: (a, b) => zip64(a, b, (x, y) => x + y),
  sub: (a, b) => zip64(a, b, (x, y) => x - y),
  mul: (a, b) => zip64(a, b, (x, y) => x * y),
  scale: (s, a) => map64(a, (x) => s * x),
  addScalar: (a, s) => map64(a, (x) => x + s),
  exp: (a) => map64(a, Math.exp),
  subCol: (z, theta) => {
    const out = Mat64.zeros(z.rows, z.cols);
    for (let i = 0; i < z.rows; i++) for (let j = 0; j < z.cols; j++) out.data[i * z.cols + j] = z.data[i * z.cols + j] - theta.data[i];
    return out;
  },
  rowSum: (a) => {
    const out = Mat64.zeros(a.rows, 1);
    for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[i] += a.data[i * a.cols + j];
    return out;
  },
  total: (a) => a.data.reduce((s, x) => s + x, 0),
  act: (a, f) => map64(a, actScalar[f]),
  actDeriv: (z, f) => map64(z, actDerivScalar[f]),
  sliceRows: (a, start, count) => new Mat64(count, a.cols, a.data.slice(start * a.cols, (start + count) * a.cols)),
  concatRows: (a, b) => {
    const out = Mat64.zeros(a.rows + b.rows, a.cols);
    out.data.set(a.data, 0);
    out.data.set(b.data, a.data.length);
    return out;
  },
  onesLike: (a) => map64(a, () => 1),
};

type T2 = tf.Tensor2D;
function tfAct(a: tf.Tensor, f: ActivationName): tf.Tensor {
  return f === 'sigmoid' ? tf.sigmoid(a) : f === 'tanh' ? tf.tanh(a) : f === 'relu' ? tf.relu(a) : a;
}
function tfActDeriv(z: tf.Tensor, f: ActivationName): tf.Tensor {
  if (f === 'sigmoid') {
    const s = tf.sigmoid(z);
    return tf.mul(s, tf.sub(1, s));
  }
  if (f === 'tanh') return tf.sub(1, tf.square(tf.tanh(z)));
  if (f === 'relu') return tf.cast(tf.greater(z, 0), 'float32');
  return tf.onesLike(z);
}

/** tfjs backend (float32 tensors; wrap calls in tf.tidy). */
export const opsTf: MatOps<T2> = {
  from: (rows) => tf.tensor2d(rows),
  toRows: (t) => t.arraySync(),
  tn: (a, b) => tf.matMul(a, b, true, false),
  nn: (a, b) => tf.matMul(a, b),
  nt: (a, b) => tf.matMul(a, b, false, true),
  add: (a, b) => tf.add(a, b),
  sub: (a, b) => tf.sub(a, b),
  mul: (a, b) => tf.mul(a, b),
  scale: (s, a) => tf.mul(s, a),
  addScalar: (a, s) => tf.add(a, s),
  exp: (a) => tf.exp(a),
  subCol: (z, theta) => tf.sub(z, theta),
  rowSum: (a) => tf.sum(a, 1, true),
  total: (a) => tf.sum(a).dataSync()[0],
  act: (a, f) => tfAct(a, f) as T2,
  actDeriv: (z, f) => tfActDeriv(z, f) as T2,
  sliceRows: (a, start, count) => tf.slice(a, [start, 0], [count, a.shape[1]]),
  concatRows: (a, b) => tf.concat([a, b], 0),
  onesLike: (a) => tf.onesLike(a),
};

// ---- the network ------------------------------------------------------------------------------------------------

/** Activations of listing (68.79): hidden layers, encoder output (μ, a), decoder output ĥ. */
export interface ListingActivations {
  hidden: ActivationName;
  encoderOutput: ActivationName;
  decoderOutput: ActivationName;
}

/** Example 68.1 (L580–613): ReLU hidden layers, linear encoder output, tanh decoder output. */
export const EXAMPLE_68_1_ACTIVATIONS: ListingActivations = Object.freeze({ hidden: 'relu', encoderOutput: 'identity', decoderOutput: 'tanh' });

/** Layer sizes of the listing's VAE. */
export interface ListingShape {
  /** feature size M (n_{1,e} = M + C, n_{L_d,d} = M) */
  M: number;
  /** latent size P (n_{L_e,e} = 2P, n_{1,d} = P + C) */
  P: number;
  /** hidden sizes of the encoder (L_e − 2 entries) */
  encoderHidden: number[];
  /** hidden sizes of the decoder (L_d − 2 entries) */
  decoderHidden: number[];
  /** number of classes C of the conditional VAE (§68.3); 0 (default) for the plain VAE */
  C?: number;
}

/**
 * The VAE of listing (68.79) with float64 parameters in the book's convention: We[ℓ−1] = W_{ℓ,e} (n_{ℓ,e} × n_{ℓ+1,e}),
 * thetaE[ℓ−1] = θ_{ℓ,e} (n_{ℓ+1,e} entries); the same for the decoder.
 */
export interface ListingVae {
  shape: Required<ListingShape>;
  activations: ListingActivations;
  We: number[][][];
  thetaE: number[][];
  Wd: number[][][];
  thetaD: number[][];
}

/** Encoder and decoder layer sizes [n_{1}, …, n_{L}] of a shape ((68.31)–(68.36), (68.85)–(68.86)). */
export function listingSizes(shape: ListingShape): { encoder: number[]; decoder: number[] } {
  const fn = 'listingSizes';
  if (!shape || typeof shape !== 'object') throw new TypeError(`${fn}: argument shape must be an object (got ${describe(shape)})`);
  assertInteger(fn, 'shape.M', shape.M, 1, 1e6);
  assertInteger(fn, 'shape.P', shape.P, 1, 1e4);
  const C = shape.C ?? 0;
  assertInteger(fn, 'shape.C', C, 0, 1e4);
  for (const key of ['encoderHidden', 'decoderHidden'] as const) {
    if (!Array.isArray(shape[key])) throw new TypeError(`${fn}: argument shape.${key} must be an array of layer sizes (got ${describe(shape[key])})`);
    shape[key].forEach((n, i) => assertInteger(fn, `shape.${key}[${i}]`, n, 1, 1e6));
  }
  return { encoder: [shape.M + C, ...shape.encoderHidden, 2 * shape.P], decoder: [shape.P + C, ...shape.decoderHidden, shape.M] };
}

/**
 * Random initial parameters (the listing's W_{ℓ,−1}, (68.77)): weights N(0, gain²/n_ℓ) (He/Xavier-type; the book's
 * (65.93b–c) is not in the file, erratum 004-E27), biases 0 unless `biasScale` > 0 (then uniform ±biasScale, for tests).
 */
export function initListingVae(shape: ListingShape, rng: Rng, opts: { activations?: ListingActivations; gain?: number; biasScale?: number } = {}): ListingVae {
  const fn = 'initListingVae';
  const sizes = listingSizes(shape);
  if (!rng || typeof (rng as Partial<Rng>).normal !== 'function') throw new TypeError(`${fn}: argument rng must come from core.rng(seed) (got ${describe(rng)})`);
  const acts = opts.activations ?? EXAMPLE_68_1_ACTIVATIONS;
  checkActivations(fn, acts);
  const gain = opts.gain ?? 1;
  assertPositive(fn, 'opts.gain', gain);
  const bs = opts.biasScale ?? 0;
  assertNonNegative(fn, 'opts.biasScale', bs);
  const layer = (nIn: number, nOut: number) => ({
    W: Array.from({ length: nIn }, () => Array.from(rng.normals(nOut, 0, gain / Math.sqrt(nIn)))),
    theta: Array.from({ length: nOut }, () => (bs > 0 ? rng.uniform(-bs, bs) : 0)),
  });
  const enc = sizes.encoder.slice(1).map((n, i) => layer(sizes.encoder[i], n));
  const dec = sizes.decoder.slice(1).map((n, i) => layer(sizes.decoder[i], n));
  return {
    shape: { ...shape, encoderHidden: [...shape.encoderHidden], decoderHidden: [...shape.decoderHidden], C: shape.C ?? 0 },
    activations: { ...acts },
    We: enc.map((l) => l.W),
    thetaE: enc.map((l) => l.theta),
    Wd: dec.map((l) => l.W),
    thetaD: dec.map((l) => l.theta),
  };
}

function checkActivations(fn: string, acts: ListingActivations): void {
  if (!acts || typeof acts !== 'object') throw new TypeError(`${fn}: argument activations must be {hidden, encoderOutput, decoderOutput} (got ${describe(acts)})`);
  assertOneOf(fn, 'activations.hidden', acts.hidden, ACTIVATION_NAMES);
  assertOneOf(fn, 'activations.encoderOutput', acts.encoderOutput, ACTIVATION_NAMES);
  assertOneOf(fn, 'activations.decoderOutput', acts.decoderOutput, ACTIVATION_NAMES);
}

/** Validates a ListingVae (sizes of every matrix against its shape). */
export function checkListingVae(fn: string, vae: ListingVae): void {
  if (!vae || typeof vae !== 'object' || !Array.isArray(vae.We) || !Array.isArray(vae.Wd)) throw new TypeError(`${fn}: argument vae must come from initListingVae (got ${describe(vae)})`);
  const sizes = listingSizes(vae.shape);
  checkActivations(fn, vae.activations);
  const part = (name: string, W: number[][][], theta: number[][], s: number[]) => {
    if (W.length !== s.length - 1 || theta.length !== s.length - 1) throw new RangeError(`${fn}: argument vae.${name} must have ${s.length - 1} layers (got ${W.length})`);
    W.forEach((Wl, l) => {
      if (!Array.isArray(Wl) || Wl.length !== s[l] || Wl.some((r) => !Array.isArray(r) || r.length !== s[l + 1])) throw new RangeError(`${fn}: argument vae.${name}[${l}] must be ${s[l]} × ${s[l + 1]}`);
      if (theta[l].length !== s[l + 1]) throw new RangeError(`${fn}: argument vae.theta${name.slice(1)}[${l}] must have ${s[l + 1]} entries (got ${theta[l].length})`);
    });
  };
  part('We', vae.We, vae.thetaE, sizes.encoder);
  part('Wd', vae.Wd, vae.thetaD, sizes.decoder);
}

/** A deep copy. */
export function cloneListingVae(vae: ListingVae): ListingVae {
  const c2 = (W: number[][][]) => W.map((m) => m.map((r) => r.slice()));
  return { shape: { ...vae.shape }, activations: { ...vae.activations }, We: c2(vae.We), thetaE: vae.thetaE.map((t) => t.slice()), Wd: c2(vae.Wd), thetaD: vae.thetaD.map((t) => t.slice()) };
}

/** Options of the forward/backward functions. */
export interface ListingOptions {
  /** class index of each sample (conditional VAE, §68.3; needs shape.C > 0) */
  labels?: number[];
  /** κ of Problem 68.3 (weight of J; default 1) */
  kappa?: number;
  /** ρ of (68.37) (default 0) */
  rho?: number;
  /** 'float64' (default) or 'tfjs' */
  backend?: 'float64' | 'tfjs';
  /**
   * 0/1 rows (B × M): which entries of h_b are observed. The reconstruction term becomes Σ_j m_j (h_j − ĥ_j)² and V9
   * becomes 2(ĥ − h) ⊙ m ⊙ f'(z) — the fix of erratum 004-E22 for the recommender of Example 68.2 (default: all observed).
   */
  mask?: number[][];
}

interface Params<T> {
  We: T[];
  thetaE: T[];
  Wd: T[];
  thetaD: T[];
}

function toBackend<T>(o: MatOps<T>, vae: ListingVae): Params<T> {
  return { We: vae.We.map((W) => o.from(W)), thetaE: vae.thetaE.map((t) => o.from(t.map((v) => [v]))), Wd: vae.Wd.map((W) => o.from(W)), thetaD: vae.thetaD.map((t) => o.from(t.map((v) => [v]))) };
}

/** The inputs as columns: H (M × B), ε (P × B), Γ (C × B) — validated. */
function batchColumns(fn: string, vae: ListingVae, H: number[][], eps: number[][], labels?: number[]) {
  const { M, P, C } = vae.shape;
  if (!Array.isArray(H) || H.length === 0) throw new TypeError(`${fn}: argument H must be a non-empty array of feature vectors h_b (got ${describe(H)})`);
  H.forEach((h, b) => {
    if (!Array.isArray(h) && !ArrayBuffer.isView(h)) throw new TypeError(`${fn}: argument H[${b}] must be an array (got ${describe(h)})`);
    if (h.length !== M) throw new RangeError(`${fn}: argument H[${b}] must have M = ${M} entries (got ${h.length})`);
  });
  if (!Array.isArray(eps) || eps.length !== H.length) throw new RangeError(`${fn}: argument eps must hold one ε_b per sample (${H.length}) (got ${describe(eps)})`);
  eps.forEach((e, b) => {
    if (!e || e.length !== P) throw new RangeError(`${fn}: argument eps[${b}] must have P = ${P} entries (got ${describe(e)})`);
  });
  let G: number[][] | undefined;
  if (C > 0) {
    if (!Array.isArray(labels) || labels.length !== H.length) throw new RangeError(`${fn}: argument labels must give one class per sample (${H.length}) for the conditional VAE (C = ${C}) (got ${describe(labels)})`);
    labels.forEach((c, b) => assertInteger(fn, `labels[${b}]`, c, 0, C - 1));
    G = Array.from({ length: C }, (_, k) => labels.map((c) => (c === k ? 1 : 0)));
  } else if (labels !== undefined) {
    throw new RangeError(`${fn}: argument labels is only for the conditional VAE (shape.C > 0) (got ${describe(labels)})`);
  }
  const T = (rows: ArrayLike<number>[], n: number) => Array.from({ length: n }, (_, i) => rows.map((r) => r[i]));
  return { Hc: T(H, M), Ec: T(eps, P), Gc: G };
}

/** The observation mask as columns (M × B), validated: 0/1 entries, one row per sample. */
export function maskColumns(fn: string, mask: number[][] | undefined, B: number, M: number): number[][] | undefined {
  if (mask === undefined) return undefined;
  if (!Array.isArray(mask) || mask.length !== B) throw new RangeError(`${fn}: argument mask must have one row per sample (${B}) (got ${describe(mask)})`);
  mask.forEach((r, b) => {
    if (!r || r.length !== M) throw new RangeError(`${fn}: argument mask[${b}] must have M = ${M} entries (got ${describe(r)})`);
    for (let j = 0; j < M; j++) if (r[j] !== 0 && r[j] !== 1) throw new RangeError(`${fn}: argument mask[${b}][${j}] must be 0 or 1 (got ${describe(r[j])})`);
  });
  return Array.from({ length: M }, (_, j) => mask.map((r) => r[j]));
}

/** Forward pass of one mini-batch, V4–V8 (listing (68.41) per sample). Arrays are indexed so that ye[i] = y_{i+1,e}. */
export interface ListingForward<T> {
  ye: T[];
  /** ze[i] = z_{i+1,e} (ze[0] is unused) */
  ze: (T | null)[];
  mu: T;
  a: T;
  u: T;
  yd: T[];
  zd: (T | null)[];
  hHat: T;
}

function forwardOn<T>(o: MatOps<T>, acts: ListingActivations, p: Params<T>, H: T, E: T, G: T | undefined, P: number): ListingForward<T> {
  const ye: T[] = [G ? o.concatRows(H, G) : H]; // V4 (and (68.85) for the CVAE)
  const ze: (T | null)[] = [null];
  const Le = p.We.length + 1;
  for (let l = 0; l < Le - 1; l++) {
    const z = o.subCol(o.tn(p.We[l], ye[l]), p.thetaE[l]); // V5: z_{ℓ+1,e} = W_{ℓ,e}ᵀ y_{ℓ,e} − θ_{ℓ,e}
    ze.push(z);
    ye.push(o.act(z, l === Le - 2 ? acts.encoderOutput : acts.hidden));
  }
  const mu = o.sliceRows(ye[Le - 1], 0, P); // V6: y_{L_e,e} = col{μ, a}
  const a = o.sliceRows(ye[Le - 1], P, P);
  const u = o.add(mu, o.mul(o.exp(o.scale(0.5, a)), E)); // V7: u = μ + Σ^{1/2} ε
  const yd: T[] = [G ? o.concatRows(u, G) : u]; // (68.86)
  const zd: (T | null)[] = [null];
  const Ld = p.Wd.length + 1;
  for (let l = 0; l < Ld - 1; l++) {
    const z = o.subCol(o.tn(p.Wd[l], yd[l]), p.thetaD[l]); // V8
    zd.push(z);
    yd.push(o.act(z, l === Ld - 2 ? acts.decoderOutput : acts.hidden));
  }
  return { ye, ze, mu, a, u, yd, zd, hHat: yd[Ld - 1] };
}

/** The sensitivity factors of one mini-batch, labelled with the listing's steps (every column is one sample b). */
export interface ListingTrace<T> {
  /** V9: δ_{L_d,d} = 2(ĥ − h) ⊙ f'(z_{L_d,d}) (68.43) */
  V9: T;
  /** V10: x = col{2μ, e^{a} − 1} (68.63) */
  V10: T;
  /** V11: λ_{L_e,e} = x ⊙ f'(z_{L_e,e}) (68.64) */
  V11: T;
  /** V12: s = col{1_P, ½ ε ⊙ e^{a/2}} (68.57) */
  V12: T;
  /** V9/V16: deltaD[i] = δ_{i+1,d} for i = 1 … L_d − 1 (deltaD[0] unused) (68.46) */
  deltaD: (T | null)[];
  /** V17: δ_{L_e,e} (68.58), (68.95) */
  V17: T;
  /** V17/V20: deltaE[i] = δ_{i+1,e} (68.48) */
  deltaE: (T | null)[];
  /** V11/V20: lambdaE[i] = λ_{i+1,e} (68.67) */
  lambdaE: (T | null)[];
}

/** Gradients of the risk (68.37) averaged over the batch, in the ListingVae layout (float64 arrays). */
export interface ListingGradients {
  We: number[][][];
  thetaE: number[][];
  Wd: number[][][];
  thetaD: number[][];
}

function backwardOn<T>(o: MatOps<T>, acts: ListingActivations, p: Params<T>, f: ListingForward<T>, H: T, E: T, P: number, kappa: number, Mk?: T) {
  const Le = p.We.length + 1;
  const Ld = p.Wd.length + 1;
  const deltaD: (T | null)[] = new Array(Ld).fill(null);
  // V9: terminal decoder sensitivity (68.43)
  const err = Mk ? o.mul(o.sub(f.hHat, H), Mk) : o.sub(f.hHat, H);
  deltaD[Ld - 1] = o.mul(o.scale(2, err), o.actDeriv(f.zd[Ld - 1] as T, acts.decoderOutput));
  const V9 = deltaD[Ld - 1] as T;
  // V10–V12
  const V10 = o.concatRows(o.scale(2, f.mu), o.addScalar(o.exp(f.a), -1));
  const fLe = o.actDeriv(f.ze[Le - 1] as T, acts.encoderOutput);
  const V11 = o.mul(V10, fLe);
  const V12 = o.concatRows(o.onesLike(f.mu), o.mul(o.scale(0.5, E), o.exp(o.scale(0.5, f.a))));
  // V16: δ_{ℓ,d} = f'(z_{ℓ,d}) ⊙ (W_{ℓ,d} δ_{ℓ+1,d}), ℓ = L_d − 1 … 2 (old W)
  for (let i = Ld - 2; i >= 1; i--) deltaD[i] = o.mul(o.actDeriv(f.zd[i] as T, acts.hidden), o.nn(p.Wd[i], deltaD[i + 1] as T));
  // V17: transition, W̄_{1,d} = first P rows of W_{1,d} ((68.58), (68.95))
  const Wbar = o.sliceRows(p.Wd[0], 0, P);
  const g = o.nn(Wbar, deltaD[1] as T);
  const V17 = o.mul(o.mul(V12, fLe), o.concatRows(g, g));
  // V20: encoder recursions (68.48), (68.67)
  const deltaE: (T | null)[] = new Array(Le).fill(null);
  const lambdaE: (T | null)[] = new Array(Le).fill(null);
  deltaE[Le - 1] = V17;
  lambdaE[Le - 1] = V11;
  for (let i = Le - 2; i >= 1; i--) {
    const d = o.actDeriv(f.ze[i] as T, acts.hidden);
    deltaE[i] = o.mul(d, o.nn(p.We[i], deltaE[i + 1] as T));
    lambdaE[i] = o.mul(d, o.nn(p.We[i], lambdaE[i + 1] as T));
  }
  const trace: ListingTrace<T> = { V9, V10, V11, V12, deltaD, V17, deltaE, lambdaE };
  // the sensitivities the gradients (68.71)–(68.76) use: δ + κλ in the encoder (V18–V19, Prob. 68.3), δ in the decoder
  return { trace, sens: { enc: (i: number) => o.add(deltaE[i + 1] as T, o.scale(kappa, lambdaE[i + 1] as T)), dec: (i: number) => deltaD[i + 1] as T } };
}

/**
 * The listing on one backend, on column matrices H (M × B), ε (P × B), Γ (C × B or undefined): forward (V4–V8),
 * sensitivities (V9–V12, V16, V17, V20) and the batch-averaged gradients (68.71)–(68.76) of (68.37), with 2ρW from the
 * regularizer (weights only, inventory 004 §2 item 4). Used by `listingBackprop` (float64/tfjs) and `trainListingVae`.
 */
export function listingCore<T>(o: MatOps<T>, acts: ListingActivations, p: { We: T[]; thetaE: T[]; Wd: T[]; thetaD: T[] }, Hm: T, Em: T, Gm: T | undefined, P: number, B: number, kappa: number, rho: number, Mk?: T) {
  const f = forwardOn(o, acts, p, Hm, Em, Gm, P);
  const { trace, sens } = backwardOn(o, acts, p, f, Hm, Em, P, kappa, Mk);
  // batch-averaged gradients: ∂/∂W_ℓ = (1/B) Σ_b y_{ℓ,b} δ_{ℓ+1,b}ᵀ + 2ρW_ℓ, ∂/∂θ_ℓ = −(1/B) Σ_b δ_{ℓ+1,b}
  const gradW = (W: T, y: T, d: T) => (rho > 0 ? o.add(o.scale(1 / B, o.nt(y, d)), o.scale(2 * rho, W)) : o.scale(1 / B, o.nt(y, d)));
  const grads = {
    We: p.We.map((W, i) => gradW(W, f.ye[i], sens.enc(i))),
    thetaE: p.We.map((_, i) => o.scale(-1 / B, o.rowSum(sens.enc(i)))),
    Wd: p.Wd.map((W, i) => gradW(W, f.yd[i], sens.dec(i))),
    thetaD: p.Wd.map((_, i) => o.scale(-1 / B, o.rowSum(sens.dec(i)))),
  };
  const diff = Mk ? o.mul(o.sub(f.hHat, Hm), Mk) : o.sub(f.hHat, Hm);
  const recon = o.total(o.mul(diff, diff)) / B;
  const J = (o.total(o.mul(f.mu, f.mu)) + o.total(o.exp(f.a)) - o.total(f.a)) / B;
  return { f, trace, grads, recon, J };
}

function listingOn<T>(o: MatOps<T>, vae: ListingVae, H: number[][], eps: number[][], opts: ListingOptions, fn: string) {
  const { Hc, Ec, Gc } = batchColumns(fn, vae, H, eps, opts.labels);
  const kappa = opts.kappa ?? 1;
  assertNonNegative(fn, 'opts.kappa', kappa);
  const rho = opts.rho ?? 0;
  assertNonNegative(fn, 'opts.rho', rho);
  const p = toBackend(o, vae);
  const Mc = maskColumns(fn, opts.mask, H.length, vae.shape.M);
  const r = listingCore(o, vae.activations, p, o.from(Hc), o.from(Ec), Gc ? o.from(Gc) : undefined, vae.shape.P, H.length, kappa, rho, Mc ? o.from(Mc) : undefined);
  const reg = rho * [...vae.We, ...vae.Wd].reduce((s, W) => s + W.reduce((t, row) => t + row.reduce((q, v) => q + v * v, 0), 0), 0);
  return { f: r.f, trace: r.trace, grads: r.grads, risk: { recon: r.recon, J: r.J, reg, total: r.recon + kappa * r.J + reg } };
}

/** The risk (68.37) of a batch split into its terms: recon = (1/B)Σ‖h − ĥ‖², J = (1/B)ΣJ(μ,a), reg = ρΣ‖W‖²_F. */
export interface ListingRisk {
  recon: number;
  J: number;
  reg: number;
  /** recon + κ J + reg */
  total: number;
}

/** Everything one pass of listing (68.79) computes on a batch, as float64 arrays (rows = units, columns = samples). */
export interface ListingBackprop {
  forward: { ye: number[][][]; ze: (number[][] | null)[]; mu: number[][]; a: number[][]; u: number[][]; yd: number[][][]; zd: (number[][] | null)[]; hHat: number[][] };
  trace: ListingTrace<number[][]>;
  grads: ListingGradients;
  risk: ListingRisk;
}

const colVec = (rows: number[][]) => rows.map((r) => r[0]);

/**
 * One pass of listing (68.79) (V3–V12, V16, V17, V20) on a mini-batch: forward, sensitivities, and the gradients
 * (68.71)–(68.76) of the batch risk (68.37) (with 2ρW from the regularizer). H: rows h_b (B × M); eps: rows ε_b (B × P).
 * Oracle 004 O6 (δ_{L_d,d} = 3.6193497 on the tiny VAE) and O12 (finite differences, float64).
 */
export function listingBackprop(vae: ListingVae, H: number[][], eps: number[][], opts: ListingOptions = {}): ListingBackprop {
  const fn = 'listingBackprop';
  checkListingVae(fn, vae);
  const backend = opts.backend ?? 'float64';
  assertOneOf(fn, 'opts.backend', backend, ['float64', 'tfjs'] as const);
  const run = <T>(o: MatOps<T>): ListingBackprop => {
    const r = listingOn(o, vae, H, eps, opts, fn);
    const R = (t: T) => o.toRows(t);
    const Rn = (t: T | null) => (t === null ? null : o.toRows(t));
    return {
      forward: { ye: r.f.ye.map(R), ze: r.f.ze.map(Rn), mu: R(r.f.mu), a: R(r.f.a), u: R(r.f.u), yd: r.f.yd.map(R), zd: r.f.zd.map(Rn), hHat: R(r.f.hHat) },
      trace: { V9: R(r.trace.V9), V10: R(r.trace.V10), V11: R(r.trace.V11), V12: R(r.trace.V12), deltaD: r.trace.deltaD.map(Rn), V17: R(r.trace.V17), deltaE: r.trace.deltaE.map(Rn), lambdaE: r.trace.lambdaE.map(Rn) },
      grads: { We: r.grads.We.map(R), thetaE: r.grads.thetaE.map((t) => colVec(R(t))), Wd: r.grads.Wd.map(R), thetaD: r.grads.thetaD.map((t) => colVec(R(t))) },
      risk: r.risk,
    };
  };
  return backend === 'tfjs' ? tf.tidy(() => run(opsTf) as unknown as tf.TensorContainer) as unknown as ListingBackprop : run(ops64);
}

/** The risk (68.37) of a batch (forward only, float64). */
export function listingRisk(vae: ListingVae, H: number[][], eps: number[][], opts: ListingOptions = {}): ListingRisk {
  return listingBackprop(vae, H, eps, { ...opts, backend: 'float64' }).risk;
}

/**
 * One iteration m of listing (68.79) (V14, V15, V18, V19): W ← (1 − 2ηρ)W − (η/B)Σ_b y δᵀ and θ ← θ + (η/B)Σ_b δ, with
 * every sensitivity computed from the parameters of iteration m − 1. η is the book's step size μ (erratum 004-E8).
 * Oracle 004 O6 (one step with μ = 0.1, ρ = 0.01).
 */
export function listingStep(vae: ListingVae, H: number[][], eps: number[][], opts: ListingOptions & { eta: number }): { vae: ListingVae; backprop: ListingBackprop } {
  const fn = 'listingStep';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: argument opts must be an object with eta (got ${describe(opts)})`);
  assertPositive(fn, 'opts.eta', opts.eta);
  const bp = listingBackprop(vae, H, eps, opts);
  return { vae: applyGradients(vae, bp.grads, opts.eta), backprop: bp };
}

/** W ← W − η ∇W, θ ← θ − η ∇θ (with ∇W including 2ρW this is V14/V18's (1 − 2ηρ)W − (η/B)Σ y δᵀ). */
export function applyGradients(vae: ListingVae, g: ListingGradients, eta: number): ListingVae {
  assertFiniteNumber('applyGradients', 'eta', eta);
  const next = cloneListingVae(vae);
  const upd = (W: number[][][], G: number[][][]) => W.forEach((m, l) => m.forEach((r, i) => r.forEach((_, j) => (r[j] -= eta * G[l][i][j]))));
  const updT = (T: number[][], G: number[][]) => T.forEach((t, l) => t.forEach((_, j) => (t[j] -= eta * G[l][j])));
  upd(next.We, g.We);
  upd(next.Wd, g.Wd);
  updT(next.thetaE, g.thetaE);
  updT(next.thetaD, g.thetaD);
  return next;
}

/**
 * The independent check: the risk (68.37) written directly in tfjs (row-major, h_bᵀW − θᵀ) and differentiated by
 * tf.grads — no sensitivity factor involved. Float32.
 */
export function listingGradientsTf(vae: ListingVae, H: number[][], eps: number[][], opts: ListingOptions = {}): ListingGradients & { risk: number } {
  const fn = 'listingGradientsTf';
  checkListingVae(fn, vae);
  const { Gc } = batchColumns(fn, vae, H, eps, opts.labels);
  maskColumns(fn, opts.mask, H.length, vae.shape.M);
  const kappa = opts.kappa ?? 1;
  const rho = opts.rho ?? 0;
  assertNonNegative(fn, 'opts.kappa', kappa);
  assertNonNegative(fn, 'opts.rho', rho);
  const { P } = vae.shape;
  const acts = vae.activations;
  return tf.tidy(() => {
    const Ne = vae.We.length;
    const Nd = vae.Wd.length;
    const params = [...vae.We.map((W) => tf.tensor2d(W)), ...vae.thetaE.map((t) => tf.tensor1d(t)), ...vae.Wd.map((W) => tf.tensor2d(W)), ...vae.thetaD.map((t) => tf.tensor1d(t))];
    const X = tf.tensor2d(H);
    const Eb = tf.tensor2d(eps);
    const Gb = Gc ? tf.tensor2d(Gc).transpose() : undefined;
    const Mb = opts.mask ? tf.tensor2d(opts.mask) : undefined;
    const risk = (...ps: tf.Tensor[]) => {
      let y: tf.Tensor = Gb ? tf.concat([X, Gb], 1) : X;
      for (let l = 0; l < Ne; l++) y = tfAct(tf.sub(tf.matMul(y as tf.Tensor2D, ps[l] as tf.Tensor2D), ps[Ne + l]), l === Ne - 1 ? acts.encoderOutput : acts.hidden);
      const mu = tf.slice(y, [0, 0], [-1, P]);
      const a = tf.slice(y, [0, P], [-1, P]);
      const u = tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, a)), Eb));
      let d: tf.Tensor = Gb ? tf.concat([u, Gb], 1) : u;
      for (let l = 0; l < Nd; l++) d = tfAct(tf.sub(tf.matMul(d as tf.Tensor2D, ps[2 * Ne + l] as tf.Tensor2D), ps[2 * Ne + Nd + l]), l === Nd - 1 ? acts.decoderOutput : acts.hidden);
      const recon = tf.sum(Mb ? tf.mul(Mb, tf.square(tf.sub(d, X))) : tf.square(tf.sub(d, X)));
      const J = tf.sum(tf.sub(tf.add(tf.square(mu), tf.exp(a)), a));
      let reg: tf.Tensor = tf.scalar(0);
      for (let l = 0; l < Ne; l++) reg = tf.add(reg, tf.sum(tf.square(ps[l])));
      for (let l = 0; l < Nd; l++) reg = tf.add(reg, tf.sum(tf.square(ps[2 * Ne + l])));
      return tf.add(tf.div(tf.add(recon, tf.mul(kappa, J)), H.length), tf.mul(rho, reg)) as tf.Scalar;
    };
    const { value, grads } = tf.valueAndGrads(risk)(params);
    const A2 = (t: tf.Tensor) => t.arraySync() as number[][];
    const A1 = (t: tf.Tensor) => t.arraySync() as number[];
    return {
      We: grads.slice(0, Ne).map(A2),
      thetaE: grads.slice(Ne, 2 * Ne).map(A1),
      Wd: grads.slice(2 * Ne, 2 * Ne + Nd).map(A2),
      thetaD: grads.slice(2 * Ne + Nd).map(A1),
      risk: value.dataSync()[0],
    } as unknown as tf.TensorContainer;
  }) as unknown as ListingGradients & { risk: number };
}

/** Every parameter of a ListingVae (or its gradients) as one flat array, in the order We, thetaE, Wd, thetaD. */
export function flattenListing(p: { We: number[][][]; thetaE: number[][]; Wd: number[][][]; thetaD: number[][] }): number[] {
  return [...p.We.flat(2), ...p.thetaE.flat(), ...p.Wd.flat(2), ...p.thetaD.flat()];
}

/** The inverse of flattenListing for the parameters of `like`. */
export function unflattenListing(like: ListingVae, flat: ArrayLike<number>): ListingVae {
  const v = cloneListingVae(like);
  let k = 0;
  const fillW = (W: number[][][]) => W.forEach((m) => m.forEach((r) => r.forEach((_, j) => (r[j] = flat[k++]))));
  const fillT = (T: number[][]) => T.forEach((t) => t.forEach((_, j) => (t[j] = flat[k++])));
  fillW(v.We);
  fillT(v.thetaE);
  fillW(v.Wd);
  fillT(v.thetaD);
  if (k !== flat.length) throw new RangeError(`unflattenListing: argument flat must have ${k} entries (got ${flat.length})`);
  return v;
}

/** Central finite differences (float64) of the batch risk (68.37) in every parameter, step h. Oracle 004 O12. */
export function listingGradientsFd(vae: ListingVae, H: number[][], eps: number[][], opts: ListingOptions = {}, h = 1e-6): number[] {
  checkListingVae('listingGradientsFd', vae);
  assertPositive('listingGradientsFd', 'h', h);
  const x = flattenListing(vae);
  return x.map((_, i) => {
    const xp = x.slice();
    const xm = x.slice();
    xp[i] += h;
    xm[i] -= h;
    return (listingRisk(unflattenListing(vae, xp), H, eps, opts).total - listingRisk(unflattenListing(vae, xm), H, eps, opts).total) / (2 * h);
  });
}

/**
 * The tiny VAE of oracle 004 O6: M = P = 1, L_e = L_d = 2, every activation linear, W_{1,e} = [0.5, −0.2], θ_{1,e} = 0,
 * w_{1,d} = 2, θ_{1,d} = 0 (with h = 1 and ε = 1: δ_{L_d,d} = 3.6193497).
 */
export function tinyListingVae(): ListingVae {
  return {
    shape: { M: 1, P: 1, encoderHidden: [], decoderHidden: [], C: 0 },
    activations: { hidden: 'identity', encoderOutput: 'identity', decoderOutput: 'identity' },
    We: [[[0.5, -0.2]]],
    thetaE: [[0, 0]],
    Wd: [[[2]]],
    thetaD: [[0]],
  };
}

/**
 * A tiny conditional VAE (§68.3) for hand computation: M = P = 1, C = 2, every activation linear,
 * W_{1,e} = [[0.5, −0.2], [0.3, 0.1], [−0.4, 0.2]] (rows: h, γ₁, γ₂), W_{1,d} = [[2], [1], [−1]] (rows: u, γ₁, γ₂),
 * zero biases. Only the first P = 1 row of W_{1,d} reaches the transition ((68.94)–(68.95)).
 */
export function tinyListingCvae(): ListingVae {
  return {
    shape: { M: 1, P: 1, encoderHidden: [], decoderHidden: [], C: 2 },
    activations: { hidden: 'identity', encoderOutput: 'identity', decoderOutput: 'identity' },
    We: [[[0.5, -0.2], [0.3, 0.1], [-0.4, 0.2]]],
    thetaE: [[0, 0]],
    Wd: [[[2], [1], [-1]]],
    thetaD: [[0]],
  };
}
