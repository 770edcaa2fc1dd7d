/**
 * Training with listing (68.79) at Fashion-MNIST scale (Examples 68.1 and 68.3 of source 004): the listing's
 * forward pass and sensitivity factors run on float32 tfjs tensors (the 'tfjs' backend of ./sayedListing), the
 * parameters are updated by the listing's SGD step (V14, V15, V18, V19) or — the same gradients — by ADAM as the
 * chapter uses for its GAN (Example 68.6, (68.175a–d)), which reaches a usable network in notebook time.
 * No tf.grad is involved: the gradients are the hand-derived ones.
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../core/rng';
import { assertInteger, assertNonNegative, assertOneOf, assertPositive, assertProbability, describe } from '../core/validate';
import { ActivationName } from '../backprop/activations';
import { checkListingVae, flattenListing, ListingActivations, listingBackprop, listingCore, ListingVae, maskColumns, opsTf, unflattenListing } from './sayedListing';

type T2 = tf.Tensor2D;

const act = (a: tf.Tensor, f: ActivationName) => opsTf.act(a as T2, f);

/** A listing-(68.79) VAE whose parameters live in tfjs tensors (book convention: W_ℓ is n_ℓ × n_{ℓ+1}, θ_ℓ is n_{ℓ+1} × 1). */
export class ListingVaeTf {
  We: T2[];
  thetaE: T2[];
  Wd: T2[];
  thetaD: T2[];
  readonly shape: ListingVae['shape'];
  readonly activations: ListingActivations;

  constructor(vae: ListingVae) {
    checkListingVae('ListingVaeTf', vae);
    this.shape = { ...vae.shape };
    this.activations = { ...vae.activations };
    this.We = vae.We.map((W) => tf.tensor2d(W));
    this.thetaE = vae.thetaE.map((t) => tf.tensor2d(t, [t.length, 1]));
    this.Wd = vae.Wd.map((W) => tf.tensor2d(W));
    this.thetaD = vae.thetaD.map((t) => tf.tensor2d(t, [t.length, 1]));
  }

  /** All parameter tensors in the order We, thetaE, Wd, thetaD. */
  params(): T2[] {
    return [...this.We, ...this.thetaE, ...this.Wd, ...this.thetaD];
  }

  /** Replace the parameters (disposes the old tensors). */
  setParams(ps: T2[]): void {
    const old = this.params();
    const ne = this.We.length;
    const nd = this.Wd.length;
    this.We = ps.slice(0, ne);
    this.thetaE = ps.slice(ne, 2 * ne);
    this.Wd = ps.slice(2 * ne, 2 * ne + nd);
    this.thetaD = ps.slice(2 * ne + nd);
    old.forEach((t) => t.dispose());
  }

  /** Back to float64 arrays. */
  toListing(): ListingVae {
    const col = (t: T2) => (t.arraySync() as number[][]).map((r) => r[0]);
    return { shape: { ...this.shape }, activations: { ...this.activations }, We: this.We.map((W) => W.arraySync()), thetaE: this.thetaE.map(col), Wd: this.Wd.map((W) => W.arraySync()), thetaD: this.thetaD.map(col) };
  }

  private oneHotRows(labels: number[] | undefined, n: number, fn: string): tf.Tensor2D | undefined {
    const C = this.shape.C;
    if (C === 0) {
      if (labels !== undefined) throw new RangeError(`${fn}: argument labels is only for the conditional VAE (shape.C > 0) (got ${describe(labels)})`);
      return undefined;
    }
    if (!Array.isArray(labels) || labels.length !== n) throw new RangeError(`${fn}: argument labels must give one class per row (${n}) (got ${describe(labels)})`);
    labels.forEach((c, i) => assertInteger(fn, `labels[${i}]`, c, 0, C - 1));
    return tf.oneHot(tf.tensor1d(labels, 'int32'), C).toFloat() as tf.Tensor2D;
  }

  /** Encoder output for rows h (B × M): μ and a as rows (B × P). Columns internally, as in the listing. */
  encodeRows(H: number[][], labels?: number[]): { mu: number[][]; a: number[][] } {
    checkRows('ListingVaeTf.encodeRows', H, this.shape.M);
    return tf.tidy(() => {
      const G = this.oneHotRows(labels, H.length, 'ListingVaeTf.encodeRows');
      let y: tf.Tensor = tf.tensor2d(H).transpose();
      if (G) y = tf.concat([y, G.transpose()], 0);
      const Le = this.We.length + 1;
      for (let l = 0; l < Le - 1; l++) y = act(tf.sub(tf.matMul(this.We[l], y as T2, true, false), this.thetaE[l]), l === Le - 2 ? this.activations.encoderOutput : this.activations.hidden);
      const P = this.shape.P;
      return { mu: tf.slice(y, [0, 0], [P, -1]).transpose().arraySync() as number[][], a: tf.slice(y, [P, 0], [P, -1]).transpose().arraySync() as number[][] };
    });
  }

  /** Decoder output ĥ for latent rows u (B × P) (generation, L502–506; with labels for the CVAE, Fig. 68.12). */
  decodeRows(U: number[][], labels?: number[]): number[][] {
    checkRows('ListingVaeTf.decodeRows', U, this.shape.P);
    return tf.tidy(() => {
      const G = this.oneHotRows(labels, U.length, 'ListingVaeTf.decodeRows');
      let y: tf.Tensor = tf.tensor2d(U).transpose();
      if (G) y = tf.concat([y, G.transpose()], 0);
      const Ld = this.Wd.length + 1;
      for (let l = 0; l < Ld - 1; l++) y = act(tf.sub(tf.matMul(this.Wd[l], y as T2, true, false), this.thetaD[l]), l === Ld - 2 ? this.activations.decoderOutput : this.activations.hidden);
      return y.transpose().arraySync() as number[][];
    });
  }

  /** Reconstructions ĥ = g(μ(h)) (Fig. 68.8, at the encoder mean). */
  reconstructRows(H: number[][], labels?: number[]): number[][] {
    return this.decodeRows(this.encodeRows(H, labels).mu, labels);
  }

  dispose(): void {
    this.params().forEach((t) => t.dispose());
  }
}

function checkRows(fn: string, X: unknown, dim: number): asserts X is number[][] {
  if (!Array.isArray(X) || X.length === 0) throw new TypeError(`${fn}: argument must be a non-empty array of rows (got ${describe(X)})`);
  X.forEach((r, i) => {
    if (!Array.isArray(r) && !ArrayBuffer.isView(r)) throw new TypeError(`${fn}: row ${i} must be an array (got ${describe(r)})`);
    if ((r as number[]).length !== dim) throw new RangeError(`${fn}: row ${i} must have ${dim} entries (got ${(r as number[]).length})`);
  });
}

/** One record of the training history (risk terms of (68.37) averaged over the steps since the last record). */
export interface ListingTrainRecord {
  step: number;
  epoch: number;
  /** (1/B)Σ‖h − ĥ‖² */
  recon: number;
  /** (1/B)ΣJ(μ, a) = 2 KL + P per sample */
  J: number;
}

/** What `trainListingVae` takes. */
export interface ListingTrainOptions {
  /** passes over the data (Example 68.1: 200) */
  epochs: number;
  /** B (Example 68.1: 1) */
  batchSize?: number;
  /** the book's step size μ (Example 68.1: 1e-4) */
  eta: number;
  /** ρ (Example 68.1: 1e-4); default 0 */
  rho?: number;
  /** κ of Prob. 68.3; default 1 */
  kappa?: number;
  /** 'sgd' = the listing's update V14/V15/V18/V19; 'adam' = ADAM (68.175) on the same gradients. Default 'sgd'. */
  optimizer?: 'sgd' | 'adam';
  /** ADAM β₁ (default 0.9; Example 68.6 uses 0.5), β₂ (0.999), ε (1e-8) */
  beta1?: number;
  beta2?: number;
  /** class of each data row (conditional VAE) */
  labels?: number[];
  /** 0/1 observation mask per data row (N × M): the masked reconstruction of erratum 004-E22 (default: all observed) */
  masks?: number[][];
  /** stop after this many steps (the fast preset) */
  maxSteps?: number;
  /** record (and call onRecord) every this many steps (default: once per epoch) */
  recordEvery?: number;
  /** seeded generator for reshuffling and ε */
  rng: Rng;
  onRecord?: (r: ListingTrainRecord) => void | Promise<void>;
  onStep?: (step: number, total: number) => void | Promise<void>;
}

/**
 * Train with listing (68.79) (reshuffled passes, Example 68.1) on data rows (N × M). Returns the history; the network is
 * updated in place. The gradients are the listing's sensitivity-factor gradients on float32 tensors.
 */
export async function trainListingVae(vae: ListingVaeTf, data: number[][], opts: ListingTrainOptions): Promise<ListingTrainRecord[]> {
  const fn = 'trainListingVae';
  if (!(vae instanceof ListingVaeTf)) throw new TypeError(`${fn}: argument vae must be a ListingVaeTf (got ${describe(vae)})`);
  checkRows(fn, data, vae.shape.M);
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: argument opts must be an object (got ${describe(opts)})`);
  assertInteger(fn, 'opts.epochs', opts.epochs, 1, 1e6);
  const B = opts.batchSize ?? 1;
  assertInteger(fn, 'opts.batchSize', B, 1, data.length);
  assertPositive(fn, 'opts.eta', opts.eta);
  const rho = opts.rho ?? 0;
  assertNonNegative(fn, 'opts.rho', rho);
  const kappa = opts.kappa ?? 1;
  assertNonNegative(fn, 'opts.kappa', kappa);
  const optimizer = opts.optimizer ?? 'sgd';
  assertOneOf(fn, 'opts.optimizer', optimizer, ['sgd', 'adam'] as const);
  const b1 = opts.beta1 ?? 0.9;
  const b2 = opts.beta2 ?? 0.999;
  assertProbability(fn, 'opts.beta1', b1);
  assertProbability(fn, 'opts.beta2', b2);
  const rng = opts.rng;
  if (!rng || typeof (rng as Partial<Rng>).normal !== 'function') throw new TypeError(`${fn}: argument opts.rng must come from core.rng(seed) (got ${describe(rng)})`);
  const C = vae.shape.C;
  if (C > 0) {
    if (!Array.isArray(opts.labels) || opts.labels.length !== data.length) throw new RangeError(`${fn}: argument opts.labels must give one class per data row (${data.length}) (got ${describe(opts.labels)})`);
    opts.labels.forEach((c, i) => assertInteger(fn, `opts.labels[${i}]`, c, 0, C - 1));
  } else if (opts.labels !== undefined) throw new RangeError(`${fn}: argument opts.labels is only for the conditional VAE (shape.C > 0) (got ${describe(opts.labels)})`);
  const N = data.length;
  const maskCols = maskColumns(fn, opts.masks, N, vae.shape.M);
  const perEpoch = Math.floor(N / B);
  const total = Math.min(opts.epochs * perEpoch, opts.maxSteps ?? Infinity);
  if (opts.maxSteps !== undefined) assertInteger(fn, 'opts.maxSteps', opts.maxSteps, 1);
  const every = opts.recordEvery ?? perEpoch;
  assertInteger(fn, 'opts.recordEvery', every, 1);
  const X = tf.tensor2d(data);
  const Mall = maskCols ? (tf.tensor2d(maskCols).transpose() as T2) : undefined;
  const Y = C > 0 ? (tf.oneHot(tf.tensor1d(opts.labels as number[], 'int32'), C).toFloat() as T2) : undefined;
  const { P } = vae.shape;
  const acts = vae.activations;
  let m: T2[] = optimizer === 'adam' ? vae.params().map((p) => tf.zerosLike(p)) : [];
  let v: T2[] = optimizer === 'adam' ? vae.params().map((p) => tf.zerosLike(p)) : [];
  const history: ListingTrainRecord[] = [];
  let sr = 0;
  let sj = 0;
  let cnt = 0;
  let step = 0;
  try {
    for (let epoch = 1; step < total; epoch++) {
      const perm = rng.permutation(N);
      for (let k = 0; k < perEpoch && step < total; k++) {
        const idx = perm.slice(k * B, (k + 1) * B);
        const eps = Float32Array.from(rng.normals(P * B));
        step++;
        const out = tf.tidy(() => {
          const ix = tf.tensor1d(idx, 'int32');
          const H = tf.gather(X, ix).transpose() as T2; // V2: M × B, columns h_b
          const G = Y ? (tf.gather(Y, ix).transpose() as T2) : undefined;
          const E = tf.tensor2d(eps, [P, B]);
          const Mk = Mall ? (tf.gather(Mall, ix).transpose() as T2) : undefined;
          const ps = { We: vae.We, thetaE: vae.thetaE, Wd: vae.Wd, thetaD: vae.thetaD };
          const core = listingCore(opsTf, acts, ps, H, E, G, P, B, kappa, rho, Mk); // V3–V20 on tensors
          const g = { grads: [...core.grads.We, ...core.grads.thetaE, ...core.grads.Wd, ...core.grads.thetaD], recon: tf.scalar(core.recon), J: tf.scalar(core.J) };
          let next: T2[];
          const cur = vae.params();
          if (optimizer === 'sgd') {
            next = cur.map((p, i) => tf.sub(p, tf.mul(opts.eta, g.grads[i])) as T2); // V14/V15/V18/V19
          } else {
            const mNew = m.map((mi, i) => tf.add(tf.mul(b1, mi), tf.mul(1 - b1, g.grads[i])) as T2);
            const vNew = v.map((vi, i) => tf.add(tf.mul(b2, vi), tf.mul(1 - b2, tf.square(g.grads[i]))) as T2);
            const c1 = 1 - b1 ** step;
            const c2 = 1 - b2 ** step;
            next = cur.map((p, i) => tf.sub(p, tf.div(tf.mul(opts.eta / c1, mNew[i]), tf.add(tf.sqrt(tf.div(vNew[i], c2)), 1e-8))) as T2);
            return { next, mNew, vNew, recon: g.recon, J: g.J };
          }
          return { next, mNew: [] as T2[], vNew: [] as T2[], recon: g.recon, J: g.J };
        });
        vae.setParams(out.next);
        if (optimizer === 'adam') {
          m.forEach((t) => t.dispose());
          v.forEach((t) => t.dispose());
          m = out.mNew;
          v = out.vNew;
        }
        const [r, j] = [out.recon.dataSync()[0], out.J.dataSync()[0]];
        out.recon.dispose();
        out.J.dispose();
        if (!Number.isFinite(r) || !Number.isFinite(j)) throw new RangeError(`${fn}: the risk became non-finite at step ${step} (recon ${r}, J ${j}); lower opts.eta`);
        sr += r;
        sj += j;
        cnt++;
        if (step % every === 0 || step === total) {
          const rec = { step, epoch, recon: sr / cnt, J: sj / cnt };
          history.push(rec);
          sr = sj = cnt = 0;
          if (opts.onRecord) await opts.onRecord(rec);
        }
        if (opts.onStep) await opts.onStep(step, total);
      }
    }
  } finally {
    X.dispose();
    Y?.dispose();
    Mall?.dispose();
    m.forEach((t) => t.dispose());
    v.forEach((t) => t.dispose());
  }
  return history;
}

/** Example 68.1 preprocessing (L580–590): pixels in [0, 1] minus the training-set mean vector. Returns the mean too. */
export function centerData(x: number[][]): { x: number[][]; mean: number[] } {
  checkRows('centerData', x, (x as number[][])?.[0]?.length ?? 0);
  const M = x[0].length;
  const mean = new Array(M).fill(0);
  x.forEach((r) => r.forEach((v, j) => (mean[j] += v / x.length)));
  return { x: x.map((r) => r.map((v, j) => v - mean[j])), mean };
}

/**
 * The same training loop on the float64 backend (plain arrays; fast for small networks where tfjs's per-op overhead
 * dominates): reshuffled passes, the listing's gradients, the listing's SGD update or ADAM. Returns the trained network
 * (a new object) and the history.
 */
export function trainListingVae64(vae0: ListingVae, data: number[][], opts: Omit<ListingTrainOptions, 'onRecord' | 'onStep'>): { vae: ListingVae; history: ListingTrainRecord[] } {
  const fn = 'trainListingVae64';
  checkListingVae(fn, vae0);
  checkRows(fn, data, vae0.shape.M);
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: argument opts must be an object (got ${describe(opts)})`);
  assertInteger(fn, 'opts.epochs', opts.epochs, 1, 1e6);
  const B = opts.batchSize ?? 1;
  assertInteger(fn, 'opts.batchSize', B, 1, data.length);
  assertPositive(fn, 'opts.eta', opts.eta);
  const optimizer = opts.optimizer ?? 'sgd';
  assertOneOf(fn, 'opts.optimizer', optimizer, ['sgd', 'adam'] as const);
  const rng = opts.rng;
  if (!rng || typeof (rng as Partial<Rng>).normal !== 'function') throw new TypeError(`${fn}: argument opts.rng must come from core.rng(seed) (got ${describe(rng)})`);
  const b1 = opts.beta1 ?? 0.9;
  const b2 = opts.beta2 ?? 0.999;
  const N = data.length;
  const perEpoch = Math.floor(N / B);
  const total = Math.min(opts.epochs * perEpoch, opts.maxSteps ?? Infinity);
  const every = opts.recordEvery ?? perEpoch;
  let flat = flattenListing(vae0);
  const m = new Array(flat.length).fill(0);
  const v = new Array(flat.length).fill(0);
  const history: ListingTrainRecord[] = [];
  let sr = 0;
  let sj = 0;
  let cnt = 0;
  let step = 0;
  for (let epoch = 1; step < total; epoch++) {
    const perm = rng.permutation(N);
    for (let k = 0; k < perEpoch && step < total; k++) {
      const idx = perm.slice(k * B, (k + 1) * B);
      const eps = idx.map(() => Array.from(rng.normals(vae0.shape.P)));
      const cur = unflattenListing(vae0, flat);
      const bp = listingBackprop(cur, idx.map((i) => data[i]), eps, { rho: opts.rho, kappa: opts.kappa, labels: opts.labels ? idx.map((i) => (opts.labels as number[])[i]) : undefined, mask: opts.masks ? idx.map((i) => (opts.masks as number[][])[i]) : undefined });
      const g = flattenListing(bp.grads);
      step++;
      if (optimizer === 'sgd') flat = flat.map((x, i) => x - opts.eta * g[i]);
      else {
        const c1 = 1 - b1 ** step;
        const c2 = 1 - b2 ** step;
        flat = flat.map((x, i) => {
          m[i] = b1 * m[i] + (1 - b1) * g[i];
          v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
          return x - (opts.eta * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + 1e-8);
        });
      }
      sr += bp.risk.recon;
      sj += bp.risk.J;
      cnt++;
      if (step % every === 0 || step === total) {
        history.push({ step, epoch, recon: sr / cnt, J: sj / cnt });
        sr = sj = cnt = 0;
      }
    }
  }
  return { vae: unflattenListing(vae0, flat), history };
}

/** Encoder outputs (rows μ, a) of a float64 listing VAE for data rows (compression use, L502–506). */
export function encodeListing64(vae: ListingVae, data: number[][], labels?: number[]): { mu: number[][]; a: number[][] } {
  const f = listingBackprop(vae, data, data.map(() => new Array(vae.shape.P).fill(0)), { labels }).forward;
  const T = (m: number[][]) => m[0].map((_, b) => m.map((r) => r[b]));
  return { mu: T(f.mu), a: T(f.a) };
}
