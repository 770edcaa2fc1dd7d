/**
 * The VAE/GAN of source 002 §10.5 (L1555–1613, Algorithm 10.1; Larsen, Sønderby, Larochelle & Winther 2016) trained end
 * to end on 2-D data. Per batch X (Algorithm 10.1's lines): Z = Enc(X) by reparameterisation, L_prior = KL(q(z|x)‖N(0, I)),
 * X̃ = Dec(Z), L_recon, Z_p ~ N(0, I), X_p = Dec(Z_p), L_GAN = ln D(X) + ln(1 − D(X̃)) + ln(1 − D(X_p)) (batch means), then
 * - the encoder descends L_prior + L_recon (as printed);
 * - form 'source' (the printed signs, 002-E49): θ₁ ← θ₁ − η(γ∇L_recon − ∇L_GAN), θ₂ ← θ₂ − η∇L_GAN;
 * - form 'exact' (the minimax (10.1.3), generator non-saturating): the decoder descends γL_recon − ln D(X̃) − ln D(X_p) and the
 *   discriminator ascends L_GAN.
 * L_recon is ½‖x − x̃‖² ('pixel', the notes' reading) or ½‖Dis_l(x) − Dis_l(x̃)‖² on the discriminator's last hidden layer
 * ('feature', Larsen et al.'s L_llike^{Dis_l}; 002-E50). The notes give no step size: ADAM with η = 10⁻³, β₁ = 0.5 (ours).
 * `ganWeight: 0` drops the GAN term from the decoder (a plain VAE, the baseline).
 */
import { tf } from '../core/backend';
import { assertInteger, assertNonNegative, assertOneOf, assertPositive, describe } from '../core/validate';
import { Rng } from '../core/rng';
import { Form } from './value';
import { TfMlp, assertRows, createTfMlp, tfMlp, tfMlpLayers } from './tfMlp';

/** Options of the VAE/GAN. */
export interface VaeGanOptions {
  /** The printed signs of Algorithm 10.1 ('source') or the minimax ones ('exact'). */
  form: Form;
  /** Data dimension. Default 2. */
  dataDim?: number;
  /** Latent dimension. Default 2. */
  latentDim?: number;
  /** Hidden width (two hidden ReLU layers in each network). Default 64. */
  hidden?: number;
  /** Weight γ of L_recon in the decoder's update. Default 1. */
  gamma?: number;
  /** Weight of the GAN term in the decoder's update (0: a plain VAE). Default 1. */
  ganWeight?: number;
  /** 'pixel' (½‖x − x̃‖²) or 'feature' (½‖Dis_l(x) − Dis_l(x̃)‖²). Default 'pixel'. */
  recon?: 'pixel' | 'feature';
  /** ADAM step η (β₁ = 0.5). Default 1e-3. */
  mu?: number;
  seed?: number;
}

/** One step's numbers (batch means; L_prior and L_recon before the encoder step, the D numbers before the discriminator step). */
export interface VaeGanRecord {
  iteration: number;
  prior: number;
  recon: number;
  /** L_GAN of Algorithm 10.1 on this pass (after the encoder and decoder steps, before the discriminator step). */
  ganObjective: number;
  meanDReal: number;
  meanDRecon: number;
  meanDPrior: number;
  /** Mean |logit| of D on the batch's data (diverges under the printed signs). */
  meanAbsLogitReal: number;
}

/** VAE/GAN (002 Algorithm 10.1) with the printed or the minimax signs. */
export class VaeGan {
  readonly history: VaeGanRecord[] = [];
  readonly dataDim: number;
  readonly latentDim: number;
  iteration = 0;
  private readonly enc: TfMlp;
  private readonly dec: TfMlp;
  private readonly disc: TfMlp;
  private readonly optE: tf.Optimizer;
  private readonly optG: tf.Optimizer;
  private readonly optD: tf.Optimizer;
  private readonly rng: Rng;

  constructor(readonly opts: VaeGanOptions) {
    const fn = 'VaeGan';
    if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: argument opts must be an object (got ${describe(opts)})`);
    assertOneOf(fn, 'form', opts.form, ['exact', 'source'] as const);
    this.dataDim = opts.dataDim ?? 2;
    this.latentDim = opts.latentDim ?? 2;
    const H = opts.hidden ?? 64;
    assertInteger(fn, 'dataDim', this.dataDim, 1, 1e5);
    assertInteger(fn, 'latentDim', this.latentDim, 1, 1e4);
    assertInteger(fn, 'hidden', H, 1, 1e4);
    assertNonNegative(fn, 'gamma', opts.gamma ?? 1);
    assertNonNegative(fn, 'ganWeight', opts.ganWeight ?? 1);
    assertOneOf(fn, 'recon', opts.recon ?? 'pixel', ['pixel', 'feature'] as const);
    const mu = opts.mu ?? 1e-3;
    assertPositive(fn, 'mu', mu);
    assertInteger(fn, 'seed', opts.seed ?? 0, 0);
    this.rng = new Rng(opts.seed ?? 0);
    this.enc = createTfMlp(fn, [this.dataDim, H, H, 2 * this.latentDim], this.rng);
    this.dec = createTfMlp(fn, [this.latentDim, H, H, this.dataDim], this.rng);
    this.disc = createTfMlp(fn, [this.dataDim, H, H, 1], this.rng);
    this.optE = tf.train.adam(mu, 0.5);
    this.optG = tf.train.adam(mu, 0.5);
    this.optD = tf.train.adam(mu, 0.5);
  }

  /** Decodings of n prior draws Z_p ~ N(0, I) (seeded). */
  sample(n: number, seed = 1): number[][] {
    assertInteger('VaeGan.sample', 'n', n, 1, 1e6);
    return tf.tidy(() => tfMlp(this.dec, tf.randomNormal([n, this.latentDim], 0, 1, 'float32', seed) as tf.Tensor2D).arraySync());
  }

  /** Reconstructions Dec(μ(x)) at the posterior means. */
  reconstruct(x: number[][]): number[][] {
    assertRows('VaeGan.reconstruct', 'x', x, this.dataDim);
    return tf.tidy(() => tfMlp(this.dec, tfMlp(this.enc, tf.tensor2d(x)).slice([0, 0], [x.length, this.latentDim])).arraySync());
  }

  /** D(x) = σ(logit). */
  discriminate(x: number[][]): number[] {
    assertRows('VaeGan.discriminate', 'x', x, this.dataDim);
    return tf.tidy(() => Array.from(tf.sigmoid(tfMlp(this.disc, tf.tensor2d(x))).dataSync()));
  }

  /** One pass of Algorithm 10.1 on a batch. */
  step(batch: number[][]): VaeGanRecord {
    assertRows('VaeGan.step', 'batch', batch, this.dataDim);
    const B = batch.length;
    const P = this.latentDim;
    const exact = this.opts.form === 'exact';
    const gamma = this.opts.gamma ?? 1;
    const w = this.opts.ganWeight ?? 1;
    const feature = (this.opts.recon ?? 'pixel') === 'feature';
    const rec = tf.tidy(() => {
      const X = tf.tensor2d(batch);
      const eps = tf.randomNormal([B, P], 0, 1, 'float32', this.rng.tfSeed());
      const Zp = tf.randomNormal([B, P], 0, 1, 'float32', this.rng.tfSeed()) as tf.Tensor2D;
      const encode = () => {
        const o = tfMlp(this.enc, X);
        const m = o.slice([0, 0], [B, P]);
        const lv = o.slice([0, P], [B, P]);
        return { m, lv, Z: tf.add(m, tf.mul(tf.exp(tf.mul(0.5, lv)), eps)) as tf.Tensor2D };
      };
      const kl = (m: tf.Tensor, lv: tf.Tensor) => tf.mean(tf.mul(0.5, tf.sum(tf.sub(tf.add(tf.square(m), tf.exp(lv)), tf.add(1, lv)), 1))) as tf.Scalar;
      const reconLoss = (Xt: tf.Tensor2D) => {
        const a = feature ? tfMlpLayers(this.disc, X)[2] : X;
        const b = feature ? tfMlpLayers(this.disc, Xt)[2] : Xt;
        return tf.mean(tf.mul(0.5, tf.sum(tf.square(tf.sub(a, b)), 1))) as tf.Scalar;
      };
      // logits and the three log terms of L_GAN: ln σ(l) = −softplus(−l), ln(1 − σ(l)) = −softplus(l)
      const ganTerms = (Xt: tf.Tensor2D, Xp: tf.Tensor2D) => {
        const lr = tfMlp(this.disc, X);
        const lt = tfMlp(this.disc, Xt);
        const lp = tfMlp(this.disc, Xp);
        return { lr, lt, lp, L: tf.neg(tf.add(tf.add(tf.mean(tf.softplus(tf.neg(lr))), tf.mean(tf.softplus(lt))), tf.mean(tf.softplus(lp)))) as tf.Scalar };
      };
      // the numbers of the record are read off the update passes (encoder: before its step; discriminator: on this pass's fakes)
      const out = { prior: 0, recon: 0, ganObjective: 0, meanDReal: 0, meanDRecon: 0, meanDPrior: 0, meanAbsLogitReal: 0 };
      const meanD = (l: tf.Tensor) => tf.mean(tf.sigmoid(l)).dataSync()[0];
      // φ ← φ − η∇φ(L_prior + L_recon)
      this.optE.minimize(() => {
        const e = encode();
        const pr = kl(e.m, e.lv);
        const rc = reconLoss(tfMlp(this.dec, e.Z));
        out.prior = pr.dataSync()[0];
        out.recon = rc.dataSync()[0];
        return tf.add(pr, rc) as tf.Scalar;
      }, false, this.enc.vars);
      // θ₁: decoder
      const Z = encode().Z;
      this.optG.minimize(() => {
        const Xt = tfMlp(this.dec, Z);
        const Xp = tfMlp(this.dec, Zp);
        const r = tf.mul(gamma, reconLoss(Xt));
        if (w === 0) return r as tf.Scalar;
        if (!exact) return tf.sub(r, tf.mul(w, ganTerms(Xt, Xp).L)) as tf.Scalar; // θ₁ ← θ₁ − γ∇L_recon + ∇L_GAN
        const lt = tfMlp(this.disc, Xt);
        const lp = tfMlp(this.disc, Xp);
        return tf.add(r, tf.mul(w, tf.add(tf.mean(tf.softplus(tf.neg(lt))), tf.mean(tf.softplus(tf.neg(lp)))))) as tf.Scalar; // −ln D(X̃) − ln D(X_p)
      }, false, this.dec.vars);
      // θ₂: discriminator, on the fakes of this pass
      const Xt = tfMlp(this.dec, Z);
      const Xp = tfMlp(this.dec, Zp);
      this.optD.minimize(() => {
        const g = ganTerms(Xt, Xp);
        out.ganObjective = g.L.dataSync()[0];
        out.meanDReal = meanD(g.lr);
        out.meanDRecon = meanD(g.lt);
        out.meanDPrior = meanD(g.lp);
        out.meanAbsLogitReal = tf.mean(tf.abs(g.lr)).dataSync()[0];
        return (exact ? tf.neg(g.L) : g.L) as tf.Scalar;
      }, false, this.disc.vars);
      return out;
    });
    this.iteration++;
    const r = { iteration: this.iteration, ...rec };
    this.history.push(r);
    return r;
  }

  /**
   * Norms of the gradients that reach the decoder θ₁ on a batch (fixed noise seed): ∇θ₁ L_recon (with this model's pixel or
   * feature-wise L_recon) and ∇θ₁ L_GAN. Both are non-zero: the decoder is trained by both terms (002-E50).
   */
  decoderGradientNorms(batch: number[][], seed = 1): { recon: number; gan: number } {
    assertRows('VaeGan.decoderGradientNorms', 'batch', batch, this.dataDim);
    const B = batch.length;
    const P = this.latentDim;
    const feature = (this.opts.recon ?? 'pixel') === 'feature';
    return tf.tidy(() => {
      const X = tf.tensor2d(batch);
      const o = tfMlp(this.enc, X);
      const Z = tf.add(o.slice([0, 0], [B, P]), tf.mul(tf.exp(tf.mul(0.5, o.slice([0, P], [B, P]))), tf.randomNormal([B, P], 0, 1, 'float32', seed))) as tf.Tensor2D;
      const Zp = tf.randomNormal([B, P], 0, 1, 'float32', seed + 1) as tf.Tensor2D;
      const dv = this.dec.vars;
      const norm = (f: () => tf.Scalar) => Math.sqrt(Object.values(tf.variableGrads(f, dv).grads).reduce((s, g) => s + tf.sum(tf.square(g)).dataSync()[0], 0));
      const recon = norm(() => {
        const Xt = tfMlp(this.dec, Z);
        const a = feature ? tfMlpLayers(this.disc, X)[2] : X;
        const b = feature ? tfMlpLayers(this.disc, Xt)[2] : Xt;
        return tf.mean(tf.mul(0.5, tf.sum(tf.square(tf.sub(a, b)), 1))) as tf.Scalar;
      });
      const gan = norm(() => tf.neg(tf.add(tf.add(tf.mean(tf.softplus(tf.neg(tfMlp(this.disc, X)))), tf.mean(tf.softplus(tfMlp(this.disc, tfMlp(this.dec, Z))))), tf.mean(tf.softplus(tfMlp(this.disc, tfMlp(this.dec, Zp)))))) as tf.Scalar);
      return { recon, gan };
    });
  }

  /** Free variables and optimiser state. */
  dispose(): void {
    [this.enc, this.dec, this.disc].forEach((n) => n.vars.forEach((v) => v.dispose()));
    [this.optE, this.optG, this.optD].forEach((o) => o.dispose());
  }
}
