/**
 * The adversarial autoencoder of source 002 §10.6 (L1615–1642, Fig. 10.5): a deterministic autoencoder whose aggregate
 * posterior q(z) = ∫ q(z|x) p_data(x) dx is pushed towards a prior p(z) that need only be samplable, by a discriminator
 * D(z) separating prior draws from codes. The notes give no training procedure (gap G15 of the plan); the two phases per
 * batch follow Makhzani, Shlens, Jaitly, Goodfellow & Frey (2016, §2): (1) reconstruction, min ‖x − Dec(Enc(x))‖²;
 * (2) regularisation, D ascends ln D(z_p) + ln(1 − D(Enc(x))), then the encoder ascends ln D(Enc(x)) (non-saturating).
 * The prior is the ring of Gaussians of `ring.ts` (a 2-D latent space, as in the paper's Fig. 4 with its 10-component
 * mixture); `energyDistance` measures how far the codes are from the prior.
 */
import { tf } from '../core/backend';
import { assertInteger, assertPositive, describe } from '../core/validate';
import { Rng } from '../core/rng';
import { RingOptions, sampleRing } from './ring';
import { TfMlp, assertRows, createTfMlp, tfMlp } from './tfMlp';

/**
 * Energy distance (Székely & Rizzo 2013) between two samples, as the V-statistic
 * 2·mean‖a_i − b_j‖ − mean‖a_i − a_k‖ − mean‖b_j − b_l‖ (zero iff the laws agree, in the population limit).
 * In 1-D it is the square of SciPy's `energy_distance`.
 */
export function energyDistance(a: number[][], b: number[][]): number {
  const fn = 'energyDistance';
  if (!Array.isArray(a) || a.length === 0) throw new TypeError(`${fn}: argument a must be a non-empty array of points (got ${describe(a)})`);
  const d = Array.isArray(a[0]) ? a[0].length : 0;
  if (d === 0) throw new TypeError(`${fn}: argument a must hold points (arrays of numbers) (got ${describe(a[0])})`);
  assertRows(fn, 'a', a, d);
  assertRows(fn, 'b', b, d);
  const meanDist = (p: number[][], q: number[][]) => {
    let s = 0;
    for (const x of p) for (const y of q) {
      let t = 0;
      for (let i = 0; i < d; i++) t += (x[i] - y[i]) ** 2;
      s += Math.sqrt(t);
    }
    return s / (p.length * q.length);
  };
  return 2 * meanDist(a, b) - meanDist(a, a) - meanDist(b, b);
}

/** A synthetic clustered data set for tests and quick runs: `clusters` Gaussian blobs (sd `spread`) around random centres in [−1, 1]^dim. */
export function sampleClusters(n: number, rng: Rng, opts: { clusters?: number; dim?: number; spread?: number; centersSeed?: number } = {}): { x: number[][]; labels: number[] } {
  const fn = 'sampleClusters';
  assertInteger(fn, 'n', n, 1, 1e7);
  if (!rng || typeof (rng as Rng).normal !== 'function') throw new TypeError(`${fn}: argument rng must be a core.rng generator (got ${describe(rng)})`);
  const K = opts.clusters ?? 10;
  const dim = opts.dim ?? 8;
  const spread = opts.spread ?? 0.1;
  assertInteger(fn, 'clusters', K, 1, 1000);
  assertInteger(fn, 'dim', dim, 1, 1e5);
  assertPositive(fn, 'spread', spread);
  const cr = new Rng(opts.centersSeed ?? 12345);
  const centres = Array.from({ length: K }, () => Array.from({ length: dim }, () => cr.uniform() * 2 - 1));
  const labels = Array.from({ length: n }, () => rng.integer(K));
  return { x: labels.map((k) => centres[k].map((c) => c + rng.normal(0, spread))), labels };
}

/** Options of the adversarial autoencoder. */
export interface AaeOptions {
  /** Data dimension. */
  dataDim: number;
  /** Hidden width of encoder, decoder and discriminator (two hidden layers each). Default 64. */
  hidden?: number;
  /** The ring prior on the 2-D latent space. Default: 10 modes, radius 2, sd 0.15. */
  prior?: RingOptions;
  /** ADAM step for all three phases (β₁ = 0.5). Default 1e-3. */
  mu?: number;
  seed?: number;
}

/** One training step's numbers. */
export interface AaeRecord {
  iteration: number;
  reconstruction: number;
  discriminatorRisk: number;
  meanDPrior: number;
  meanDCode: number;
}

/** Adversarial autoencoder (002 §10.6; Makhzani et al. 2016) with a 2-D latent space and a ring-of-Gaussians prior. */
export class AdversarialAutoencoder {
  readonly history: AaeRecord[] = [];
  readonly prior: Required<RingOptions>;
  iteration = 0;
  private readonly enc: TfMlp;
  private readonly dec: TfMlp;
  private readonly disc: TfMlp;
  private readonly optRecon: tf.Optimizer;
  private readonly optD: tf.Optimizer;
  private readonly optE: tf.Optimizer;
  private readonly rng: Rng;

  constructor(readonly opts: AaeOptions) {
    const fn = 'AdversarialAutoencoder';
    if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: argument opts must be an object (got ${describe(opts)})`);
    assertInteger(fn, 'dataDim', opts.dataDim, 1, 1e5);
    const H = opts.hidden ?? 64;
    assertInteger(fn, 'hidden', H, 1, 1e4);
    const mu = opts.mu ?? 1e-3;
    assertPositive(fn, 'mu', mu);
    assertInteger(fn, 'seed', opts.seed ?? 0, 0);
    this.prior = { modes: 10, radius: 2, sd: 0.15, ...(opts.prior ?? {}) };
    sampleRing(1, new Rng(0), this.prior); // validates the prior options
    this.rng = new Rng(opts.seed ?? 0);
    this.enc = createTfMlp(fn, [opts.dataDim, H, H, 2], this.rng);
    this.dec = createTfMlp(fn, [2, H, H, opts.dataDim], this.rng);
    this.disc = createTfMlp(fn, [2, H, H, 1], this.rng);
    this.optRecon = tf.train.adam(mu, 0.5);
    this.optD = tf.train.adam(mu, 0.5);
    this.optE = tf.train.adam(mu, 0.5);
  }

  /** Codes Enc(x) of the rows (the aggregate posterior's sample when x ~ p_data). */
  encode(x: number[][]): number[][] {
    assertRows('AdversarialAutoencoder.encode', 'x', x, this.opts.dataDim);
    return tf.tidy(() => tfMlp(this.enc, tf.tensor2d(x)).arraySync());
  }

  /** Decodings Dec(z) of 2-D codes. */
  decode(z: number[][]): number[][] {
    assertRows('AdversarialAutoencoder.decode', 'z', z, 2);
    return tf.tidy(() => tfMlp(this.dec, tf.tensor2d(z)).arraySync());
  }

  /** D(z) = σ(logit) on 2-D points. */
  discriminate(z: number[][]): number[] {
    assertRows('AdversarialAutoencoder.discriminate', 'z', z, 2);
    return tf.tidy(() => Array.from(tf.sigmoid(tfMlp(this.disc, tf.tensor2d(z))).dataSync()));
  }

  /** n draws from the prior (the only access to p(z) the method needs). */
  samplePrior(n: number, rng: Rng = this.rng): number[][] {
    return sampleRing(n, rng, this.prior);
  }

  /** One batch: the reconstruction phase, then the regularisation phase (discriminator, then encoder). */
  step(batch: number[][]): AaeRecord {
    assertRows('AdversarialAutoencoder.step', 'batch', batch, this.opts.dataDim);
    const B = batch.length;
    const zp = this.samplePrior(B);
    const rec = tf.tidy(() => {
      const X = tf.tensor2d(batch);
      const Zp = tf.tensor2d(zp);
      const encVars = this.enc.vars;
      const recon = this.optRecon.minimize(() => tf.mean(tf.sum(tf.square(tf.sub(X, tfMlp(this.dec, tfMlp(this.enc, X)))), 1)) as tf.Scalar, true, [...encVars, ...this.dec.vars])!;
      let dp = 0;
      let dc = 0;
      const codes = tfMlp(this.enc, X);
      const dRisk = this.optD.minimize(() => {
        const lp = tfMlp(this.disc, Zp);
        const lc = tfMlp(this.disc, codes);
        dp = tf.mean(tf.sigmoid(lp)).dataSync()[0];
        dc = tf.mean(tf.sigmoid(lc)).dataSync()[0];
        // −[ln σ(l_p) + ln(1 − σ(l_c))] = softplus(−l_p) + softplus(l_c)
        return tf.add(tf.mean(tf.softplus(tf.neg(lp))), tf.mean(tf.softplus(lc))) as tf.Scalar;
      }, true, this.disc.vars)!;
      this.optE.minimize(() => tf.mean(tf.softplus(tf.neg(tfMlp(this.disc, tfMlp(this.enc, X))))) as tf.Scalar, false, encVars);
      return { reconstruction: recon.dataSync()[0], discriminatorRisk: dRisk.dataSync()[0], meanDPrior: dp, meanDCode: dc };
    });
    this.iteration++;
    const r = { iteration: this.iteration, ...rec };
    this.history.push(r);
    return r;
  }

  /** Free variables and optimiser state. */
  dispose(): void {
    [this.enc, this.dec, this.disc].forEach((n) => n.vars.forEach((v) => v.dispose()));
    [this.optRecon, this.optD, this.optE].forEach((o) => o.dispose());
  }
}
