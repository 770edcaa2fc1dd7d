/**
 * A small VAE in tfjs: MLP encoder x → (μ, a = log σ²), reparameterisation u = μ + e^{a/2} ⊙ ε (004 (68.17)),
 * MLP decoder u → Gaussian mean (003 L560–570, 004 (68.21)) or Bernoulli logits, trained with Adam on the negative ELBO
 *   −ELBO(x) = −log p(x|u) + KL(q(u|x) ‖ N(0, I)),   KL by 004 (68.20) / 003 L554,
 * with one ε per example (004 (68.23); 003 L574).
 *
 * Modes (000 §3.g–3.h, L914–955; erratum 000-E33):
 *   'standard' — the usual VAE: encoder and decoder both follow ∇(−ELBO), the reconstruction reaching the encoder through u;
 *   'tutorial' — source 000's algorithm: the encoder is updated by ∇KL only (3.13), u = μ + σ ⊙ ε is then drawn and held
 *                fixed (3.14), and the decoder is updated by the reconstruction gradient. The encoder collapses to the prior.
 * Reconstruction forms (erratum 003-E66): 'exact' ½‖x − f(u)‖²/σ² + (D/2)log(2πσ²); 'source003' ‖x − f(u)‖² as at L574.
 */
import { tf } from '../core/backend';
import { Rng, rng as makeRng } from '../core/rng';
import { assertInteger, assertOneOf, assertPositive, describe } from '../core/validate';
import { klLogVarTf } from './kl';

const LOG_2PI = Math.log(2 * Math.PI);

export type DecoderKind = 'gaussian' | 'bernoulli';
export type Activation = 'relu' | 'tanh';

/** What `createVae` takes. */
export interface VaeConfig {
  /** Data dimension D (784 for 28×28 images). */
  dataDim: number;
  /** Latent dimension P. */
  latentDim: number;
  /** Hidden layer sizes of the encoder; the decoder uses them reversed (default [64]). */
  hidden?: number[];
  /** 'gaussian' (mean output, 003/004) or 'bernoulli' (logits, for binary images). Default 'gaussian'. */
  decoder?: DecoderKind;
  /** Gaussian decoder variance σ² (default 1, as 003 L560 and 004 (68.21)). */
  decoderVariance?: number;
  /** Hidden activation (default 'relu'). */
  activation?: Activation;
  /** Seed of the weight initialisation (Glorot uniform drawn with core.rng). */
  seed?: number;
}

interface Dense {
  W: tf.Variable;
  b: tf.Variable;
}

/** Per-example ELBO pieces in nats (numbers, averaged over the batch). */
export interface VaeLoss {
  /** mean over the batch of −log p(x|u) (one u per example) */
  recon: number;
  /** mean over the batch of KL(q(u|x) ‖ N(0, I)) */
  kl: number;
  /** mean ELBO = −recon − kl */
  elbo: number;
}

/** A VAE with an MLP encoder and decoder (tfjs variables). Create it with `createVae`. */
export class Vae {
  readonly config: Required<VaeConfig>;
  readonly encoderLayers: Dense[];
  readonly decoderLayers: Dense[];

  constructor(config: Required<VaeConfig>, enc: Dense[], dec: Dense[]) {
    this.config = config;
    this.encoderLayers = enc;
    this.decoderLayers = dec;
  }

  /** Encoder variables (Θ of source 000, θ of 003, the W_{ℓ,e} of 004). */
  encoderVariables(): tf.Variable[] {
    return this.encoderLayers.flatMap((l) => [l.W, l.b]);
  }
  /** Decoder variables (Φ of 000, φ of 003, W_{ℓ,d} of 004). */
  decoderVariables(): tf.Variable[] {
    return this.decoderLayers.flatMap((l) => [l.W, l.b]);
  }
  /** Number of trainable parameters. */
  parameterCount(): number {
    return [...this.encoderVariables(), ...this.decoderVariables()].reduce((s, v) => s + v.size, 0);
  }

  private mlp(layers: Dense[], x: tf.Tensor): tf.Tensor {
    let h = x;
    layers.forEach((l, i) => {
      h = tf.add(tf.matMul(h as tf.Tensor2D, l.W as unknown as tf.Tensor2D), l.b);
      if (i < layers.length - 1) h = this.config.activation === 'relu' ? tf.relu(h) : tf.tanh(h);
    });
    return h;
  }

  /** x [B, D] → μ [B, P] and a = log σ² [B, P] (004 (68.32)). */
  encode(x: tf.Tensor): { mu: tf.Tensor; logvar: tf.Tensor } {
    const out = this.mlp(this.encoderLayers, x);
    const P = this.config.latentDim;
    const [mu, logvar] = tf.split(out, [P, P], 1);
    return { mu, logvar };
  }

  /** u [B, P] → the decoder output: the Gaussian mean, or Bernoulli logits. */
  decode(u: tf.Tensor): tf.Tensor {
    return this.mlp(this.decoderLayers, u);
  }

  /** −log p(x|u) per example [B] from the decoder output. */
  reconLoss(x: tf.Tensor, out: tf.Tensor, form: 'exact' | 'source003' = 'exact'): tf.Tensor {
    if (this.config.decoder === 'bernoulli') {
      // −[x log σ(l) + (1−x) log(1−σ(l))] = max(l,0) − l x + log(1 + e^{−|l|})
      return tf.sum(tf.add(tf.sub(tf.relu(out), tf.mul(out, x)), tf.log1p(tf.exp(tf.neg(tf.abs(out))))), -1);
    }
    const s2 = this.config.decoderVariance;
    const sq = tf.sum(tf.square(tf.sub(x, out)), -1);
    if (form === 'source003') return sq; // 003 L574 as printed (erratum 003-E66)
    return tf.add(tf.div(sq, 2 * s2), 0.5 * this.config.dataDim * (LOG_2PI + Math.log(s2)));
  }

  /** Per-example [B] recon and KL for a batch with given ε [B, P] (the pieces of −ELBO). */
  lossTerms(x: tf.Tensor, eps: tf.Tensor, form: 'exact' | 'source003' = 'exact'): { recon: tf.Tensor; kl: tf.Tensor; out: tf.Tensor } {
    const { mu, logvar } = this.encode(x);
    const u = tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logvar)), eps));
    const out = this.decode(u);
    return { recon: this.reconLoss(x, out, form), kl: klLogVarTf(mu, logvar), out };
  }

  /** The ELBO (nats) of data rows, averaged, with `samples` ε per example drawn from rng. */
  evaluate(data: number[][], rng: Rng, samples = 1): VaeLoss {
    checkData('Vae.evaluate', data, this.config.dataDim);
    assertInteger('Vae.evaluate', 'samples', samples, 1);
    let recon = 0;
    let kl = 0;
    for (let s = 0; s < samples; s++) {
      const eps = epsTensor(rng, data.length, this.config.latentDim);
      const r = tf.tidy(() => {
        const t = this.lossTerms(tf.tensor2d(data), eps);
        return [tf.mean(t.recon).dataSync()[0], tf.mean(t.kl).dataSync()[0]];
      });
      eps.dispose();
      recon += r[0] / samples;
      kl += r[1] / samples;
    }
    return { recon, kl, elbo: -recon - kl };
  }

  /** Encoder means μ(x) for data rows (the latent scatter). */
  encodeMeans(data: number[][]): number[][] {
    checkData('Vae.encodeMeans', data, this.config.dataDim);
    return tf.tidy(() => this.encode(tf.tensor2d(data)).mu.arraySync() as number[][]);
  }

  /** Encoder log-variances a(x). */
  encodeLogVars(data: number[][]): number[][] {
    checkData('Vae.encodeLogVars', data, this.config.dataDim);
    return tf.tidy(() => this.encode(tf.tensor2d(data)).logvar.arraySync() as number[][]);
  }

  /** Decoder means (or Bernoulli probabilities) for latent rows u. */
  decodeMeans(u: number[][]): number[][] {
    checkData('Vae.decodeMeans', u, this.config.latentDim);
    return tf.tidy(() => {
      const out = this.decode(tf.tensor2d(u));
      return (this.config.decoder === 'bernoulli' ? tf.sigmoid(out) : out).arraySync() as number[][];
    });
  }

  /** Reconstructions f(μ(x)) (003 L585–591 "abstraction" then generation, at the encoder mean). */
  reconstruct(data: number[][]): number[][] {
    return this.decodeMeans(this.encodeMeans(data));
  }

  /** n generated decoder means from u ~ N(0, I) (003 L589–591, 004 Fig. 68.12). */
  sample(n: number, rng: Rng): number[][] {
    assertInteger('Vae.sample', 'n', n, 1);
    return this.decodeMeans(Array.from({ length: n }, () => Array.from(rng.normals(this.config.latentDim))));
  }

  /** Free the tfjs variables. */
  dispose(): void {
    [...this.encoderVariables(), ...this.decoderVariables()].forEach((v) => v.dispose());
  }
}

function checkData(fn: string, data: unknown, dim: number): asserts data is number[][] {
  if (!Array.isArray(data) || data.length === 0) throw new TypeError(`${fn}: data must be a non-empty array of rows (got ${describe(data)})`);
  const r = data[0] as unknown;
  if (!Array.isArray(r) && !ArrayBuffer.isView(r)) throw new TypeError(`${fn}: data must be an array of rows (got ${describe(data)})`);
  if ((r as number[]).length !== dim) throw new RangeError(`${fn}: rows must have ${dim} entries (got ${(r as number[]).length})`);
}

function epsTensor(rng: Rng, B: number, P: number): tf.Tensor2D {
  return tf.tensor2d(Float32Array.from(rng.normals(B * P)), [B, P]);
}

function dense(rng: Rng, nIn: number, nOut: number): Dense {
  const lim = Math.sqrt(6 / (nIn + nOut));
  return { W: tf.variable(tf.tensor2d(Float32Array.from(rng.uniforms(nIn * nOut, -lim, lim)), [nIn, nOut])), b: tf.variable(tf.zeros([nOut])) };
}

/** Build a VAE (weights drawn with core.rng(seed): same seed ⇒ same network). */
export function createVae(config: VaeConfig): Vae {
  const fn = 'createVae';
  if (!config || typeof config !== 'object') throw new TypeError(`${fn}: config must be an object (got ${describe(config)})`);
  assertInteger(fn, 'config.dataDim', config.dataDim, 1);
  assertInteger(fn, 'config.latentDim', config.latentDim, 1);
  const hidden = config.hidden ?? [64];
  if (!Array.isArray(hidden)) throw new TypeError(`${fn}: config.hidden must be an array of layer sizes (got ${describe(hidden)})`);
  hidden.forEach((h, i) => assertInteger(fn, `config.hidden[${i}]`, h, 1));
  const decoder = config.decoder ?? 'gaussian';
  assertOneOf(fn, 'config.decoder', decoder, ['gaussian', 'bernoulli']);
  const decoderVariance = config.decoderVariance ?? 1;
  assertPositive(fn, 'config.decoderVariance', decoderVariance);
  const activation = config.activation ?? 'relu';
  assertOneOf(fn, 'config.activation', activation, ['relu', 'tanh']);
  const seed = config.seed ?? 0;
  assertInteger(fn, 'config.seed', seed, 0);
  const g = makeRng(seed + 1);
  const encSizes = [config.dataDim, ...hidden, 2 * config.latentDim];
  const decSizes = [config.latentDim, ...[...hidden].reverse(), config.dataDim];
  const enc = encSizes.slice(1).map((n, i) => dense(g, encSizes[i], n));
  const dec = decSizes.slice(1).map((n, i) => dense(g, decSizes[i], n));
  return new Vae({ dataDim: config.dataDim, latentDim: config.latentDim, hidden, decoder, decoderVariance, activation, seed }, enc, dec);
}

/** One row of the training history. */
export interface TrainRecord extends VaeLoss {
  epoch: number;
  step: number;
}

/** What `trainVae` takes. */
export interface TrainOptions {
  epochs: number;
  batchSize?: number;
  learningRate?: number;
  /**
   * 'standard' (joint ∇ELBO), 'tutorial' (source 000: encoder by ∇KL only; erratum 000-E33) or 'autoencoder' (a
   * deterministic autoencoder for comparison, 003 L457–474: code u = μ(x), no noise, reconstruction loss only). Default 'standard'.
   */
  mode?: 'standard' | 'tutorial' | 'autoencoder';
  /** Reconstruction form: 'exact' or 'source003' (‖·‖² without ½, erratum 003-E66). Default 'exact'. */
  reconForm?: 'exact' | 'source003';
  /** Seeded generator for shuffling and ε. */
  rng: Rng;
  /** Called after every epoch with the epoch's mean training loss pieces (await it for live plots). */
  onEpoch?: (r: TrainRecord) => void | Promise<void>;
  /** Called after every step (for a progress bar). */
  onStep?: (step: number, totalSteps: number) => void | Promise<void>;
}

/**
 * Train with Adam on mini-batches (004 listing (68.79) uses SGD/ADAM on the same objective; 003 L574 the same sum).
 * Returns one record per epoch (nats, averaged over the epoch's batches; recon is always reported in the exact form).
 */
export async function trainVae(vae: Vae, data: number[][], opts: TrainOptions): Promise<TrainRecord[]> {
  const fn = 'trainVae';
  if (!(vae instanceof Vae)) throw new TypeError(`${fn}: vae must come from createVae (got ${describe(vae)})`);
  checkData(fn, data, vae.config.dataDim);
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: opts must be an object (got ${describe(opts)})`);
  assertInteger(fn, 'opts.epochs', opts.epochs, 1);
  const B = opts.batchSize ?? 64;
  assertInteger(fn, 'opts.batchSize', B, 1);
  const lr = opts.learningRate ?? 1e-3;
  assertPositive(fn, 'opts.learningRate', lr);
  const mode = opts.mode ?? 'standard';
  assertOneOf(fn, 'opts.mode', mode, ['standard', 'tutorial', 'autoencoder']);
  const form = opts.reconForm ?? 'exact';
  assertOneOf(fn, 'opts.reconForm', form, ['exact', 'source003']);
  const rng = opts.rng;
  if (!rng || typeof (rng as Partial<Rng>).normal !== 'function') throw new TypeError(`${fn}: opts.rng must be a seeded generator from core.rng(seed) (got ${describe(rng)})`);
  // tfjs Adam keeps its moments by position in the variable list: one optimizer per list ('tutorial' uses two)
  const opt = tf.train.adam(lr);
  const optDec = tf.train.adam(lr);
  const encVars = vae.encoderVariables();
  const decVars = vae.decoderVariables();
  const n = data.length;
  const batchesPerEpoch = Math.ceil(n / B);
  const total = opts.epochs * batchesPerEpoch;
  const history: TrainRecord[] = [];
  let step = 0;
  const P = vae.config.latentDim;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    const perm = rng.permutation(n);
    let sr = 0;
    let sk = 0;
    for (let bi = 0; bi < batchesPerEpoch; bi++) {
      const idx = perm.slice(bi * B, Math.min(n, (bi + 1) * B));
      const xb = tf.tensor2d(idx.map((i) => data[i]));
      const eps = epsTensor(rng, idx.length, P);
      let rk: number[];
      if (mode === 'autoencoder') {
        let rv = 0;
        opt.minimize(() => {
          const r = tf.mean(vae.reconLoss(xb, vae.decode(vae.encode(xb).mu), form));
          rv = r.dataSync()[0];
          return r as tf.Scalar;
        }, false, [...encVars, ...decVars]);
        rk = [rv, 0];
      } else if (mode === 'standard') {
        const parts: number[] = [0, 0];
        opt.minimize(() => {
          const t = vae.lossTerms(xb, eps, form);
          const r = tf.mean(t.recon);
          const k = tf.mean(t.kl);
          parts[0] = form === 'exact' ? r.dataSync()[0] : tf.tidy(() => tf.mean(vae.reconLoss(xb, t.out, 'exact')).dataSync()[0]);
          parts[1] = k.dataSync()[0];
          return tf.add(r, k) as tf.Scalar;
        }, false, [...encVars, ...decVars]);
        rk = parts;
      } else {
        // 000 (3.13): Θ ← Θ − γ ∇KL only
        let klv = 0;
        opt.minimize(() => {
          const { mu, logvar } = vae.encode(xb);
          const k = tf.mean(klLogVarTf(mu, logvar));
          klv = k.dataSync()[0];
          return k as tf.Scalar;
        }, false, encVars);
        // (3.14): z' = μ + σ ⊙ ε with the updated encoder, held fixed; then Φ ← Φ − γ ∇ reconstruction
        const u = tf.tidy(() => {
          const { mu, logvar } = vae.encode(xb);
          return tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logvar)), eps));
        });
        let rv = 0;
        optDec.minimize(() => {
          const r = tf.mean(vae.reconLoss(xb, vae.decode(u), form));
          rv = form === 'exact' ? r.dataSync()[0] : tf.tidy(() => tf.mean(vae.reconLoss(xb, vae.decode(u), 'exact')).dataSync()[0]);
          return r as tf.Scalar;
        }, false, decVars);
        u.dispose();
        rk = [rv, klv];
      }
      xb.dispose();
      eps.dispose();
      sr += rk[0] * idx.length;
      sk += rk[1] * idx.length;
      step++;
      if (opts.onStep) await opts.onStep(step, total);
    }
    const rec: TrainRecord = { epoch, step, recon: sr / n, kl: sk / n, elbo: -(sr + sk) / n };
    if (!Number.isFinite(rec.elbo)) throw new RangeError(`${fn}: the loss became non-finite at epoch ${epoch} (recon ${rec.recon}, kl ${rec.kl}); lower opts.learningRate`);
    history.push(rec);
    if (opts.onEpoch) await opts.onEpoch(rec);
  }
  opt.dispose();
  optDec.dispose();
  return history;
}
