/**
 * FactorVAE (Kim & Mnih 2018; source 002 §6.3.2, (6.3.6)–(6.3.7) and Algorithm 6.1, L1155–1216):
 * maximise ELBO − γ·TC(z), TC(z) = KL(q(z) ‖ Π_j q(z_j)) estimated by the density-ratio trick
 *   TC ≈ E_{q(z)} log(D_ψ(z) / (1 − D_ψ(z))) = E_{q(z)} [logit D_ψ(z)],
 * with D_ψ trained alternately to tell z ~ q(z) (label 1) from permute_dims(z′) (label 0, Algorithm 6.1's second batch B′).
 * The discriminator step is gradient ASCENT on the log-likelihood (Algorithm 6.1 writes ψ ← g_D(∇_ψ …) without saying so);
 * here it is implemented as descent on its negative.
 *
 * D_ψ is a logistic model on quadratic features (1, z, z_i z_j for i ≤ j): the same family as `tcDensityRatio`, which contains
 * the exact log-ratio log q(z)/q̄(z) whenever q(z) is Gaussian. Kim & Mnih use a 6-layer MLP; the quadratic family is a
 * deliberate simplification for a 2-factor toy problem and is the gap from the paper's setting.
 * Each of the two parameter lists (VAE θ, discriminator ψ) has its own tfjs Adam (CONTRIBUTING pitfalls).
 */
import { tf } from '../core/backend';
import { Rng } from '../core/rng';
import { assertInteger, assertMatrix, assertNonNegative, assertPositive, describe } from '../core/validate';
import { Vae } from './model';
import { permuteDims, totalCorrelationGaussian } from './disentangle';

/** The quadratic-feature logistic discriminator D_ψ(z) = σ(ψ·f(z)), f(z) = (1, z, z_i z_j (i ≤ j)). */
export class TcDiscriminator {
  readonly latentDim: number;
  readonly weights: tf.Variable;
  constructor(latentDim: number) {
    assertInteger('TcDiscriminator', 'latentDim', latentDim, 1, 64);
    this.latentDim = latentDim;
    const F = 1 + latentDim + (latentDim * (latentDim + 1)) / 2;
    this.weights = tf.variable(tf.zeros([F, 1]));
  }
  /** Features [B, F] of z [B, d]. */
  features(z: tf.Tensor): tf.Tensor2D {
    const d = this.latentDim;
    const cols = tf.split(z, d, 1);
    const parts: tf.Tensor[] = [tf.onesLike(cols[0]), z];
    for (let i = 0; i < d; i++) for (let j = i; j < d; j++) parts.push(tf.mul(cols[i], cols[j]));
    return tf.concat(parts, 1) as tf.Tensor2D;
  }
  /** The logit log(D/(1 − D)) per row [B]: the density-ratio estimate of log q(z)/q̄(z). */
  logit(z: tf.Tensor): tf.Tensor1D {
    return tf.reshape(tf.matMul(this.features(z), this.weights as unknown as tf.Tensor2D), [-1]) as tf.Tensor1D;
  }
  /** −(1/2m)[Σ_B log D(z) + Σ_B′ log(1 − D(z_perm))] (the negative of Algorithm 6.1's discriminator objective). */
  loss(zReal: tf.Tensor, zPerm: tf.Tensor): tf.Scalar {
    const lr = this.logit(zReal);
    const lp = this.logit(zPerm);
    // log D = −softplus(−l), log(1 − D) = −softplus(l)
    return tf.div(tf.add(tf.sum(tf.softplus(tf.neg(lr))), tf.sum(tf.softplus(lp))), lr.shape[0] + lp.shape[0]) as tf.Scalar;
  }
  /** Mean logit over rows of Z: the TC estimate E_{q(z)} log(D/(1 − D)). */
  tcEstimate(Z: number[][]): number {
    assertMatrix('TcDiscriminator.tcEstimate', 'Z', Z, undefined, this.latentDim);
    return tf.tidy(() => tf.mean(this.logit(tf.tensor2d(Z))).dataSync()[0]);
  }
  dispose(): void {
    this.weights.dispose();
  }
}

function checkRng(fn: string, arg: string, r: unknown): asserts r is Rng {
  if (!r || typeof (r as Partial<Rng>).normal !== 'function' || typeof (r as Partial<Rng>).permutation !== 'function')
    throw new TypeError(`${fn}: argument ${arg} must come from core.rng(seed) (got ${describe(r)})`);
}

/**
 * Train a fresh TcDiscriminator alone (Adam, full batch) on rows Z ~ q(z): the first half is 'real', permute_dims of the
 * second half is 'fake'. Returns the discriminator and its TC estimate on the real half. The same step as inside
 * `trainFactorVae`, used to check the estimator against the Gaussian closed form (002 D21).
 */
export function trainTcDiscriminator(Z: number[][], rng: Rng, opts: { steps?: number; learningRate?: number } = {}): { disc: TcDiscriminator; tc: number } {
  const fn = 'trainTcDiscriminator';
  assertMatrix(fn, 'Z', Z);
  checkRng(fn, 'rng', rng);
  if (Z.length < 4) throw new RangeError(`${fn}: argument Z must have at least 4 rows (got ${Z.length})`);
  const steps = opts.steps ?? 500;
  assertInteger(fn, 'opts.steps', steps, 1, 1e6);
  const lr = opts.learningRate ?? 0.05;
  assertPositive(fn, 'opts.learningRate', lr);
  const half = Math.floor(Z.length / 2);
  const disc = new TcDiscriminator(Z[0].length);
  const opt = tf.train.adam(lr);
  const real = tf.tensor2d(Z.slice(0, half));
  const fake = tf.tensor2d(permuteDims(Z.slice(half), rng));
  for (let s = 0; s < steps; s++) opt.minimize(() => disc.loss(real, fake), false, [disc.weights]);
  real.dispose();
  fake.dispose();
  opt.dispose();
  return { disc, tc: disc.tcEstimate(Z.slice(0, half)) };
}

/** One row of the FactorVAE history (nats, means over the epoch's batches). */
export interface FactorVaeRecord {
  epoch: number;
  /** mean −log p(x|z) */
  recon: number;
  /** mean KL(q(z|x) ‖ N(0, I)) */
  kl: number;
  /** the discriminator's TC estimate on the VAE batches, mean logit D(z) */
  tc: number;
  /** the discriminator loss (log 2 ≈ 0.693 when it cannot tell real from permuted) */
  discLoss: number;
}

export interface FactorVaeOptions {
  /** the TC weight γ of (6.3.7) (γ = 0: a plain VAE with a passive discriminator) */
  gamma: number;
  epochs: number;
  /** batch size m of Algorithm 6.1 (default 64) */
  batchSize?: number;
  /** Adam step of the VAE optimiser g (default 1e-3) */
  learningRate?: number;
  /** Adam step of the discriminator optimiser g_D (default 1e-2) */
  discLearningRate?: number;
  rng: Rng;
  onEpoch?: (r: FactorVaeRecord) => void | Promise<void>;
}

function sampleZ(vae: Vae, xb: tf.Tensor, eps: tf.Tensor): tf.Tensor {
  const { mu, logvar } = vae.encode(xb);
  return tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logvar)), eps));
}

function epsTensor(rng: Rng, B: number, P: number): tf.Tensor2D {
  return tf.tensor2d(Array.from(rng.normals(B * P)), [B, P]);
}

/**
 * Algorithm 6.1: for each batch B, a VAE step on −(ELBO − γ·logit D(z)) (Adam g over encoder + decoder), then a batch B′,
 * z′ ~ q(z|x′), z_perm = permute_dims(z′), and a discriminator step on the z of B (held fixed) vs z_perm (Adam g_D).
 * Returns the trained discriminator and one record per epoch.
 */
export async function trainFactorVae(vae: Vae, data: number[][], opts: FactorVaeOptions): Promise<{ history: FactorVaeRecord[]; disc: TcDiscriminator }> {
  const fn = 'trainFactorVae';
  if (!(vae instanceof Vae)) throw new TypeError(`${fn}: argument vae must come from createVae (got ${describe(vae)})`);
  assertMatrix(fn, 'data', data, undefined, vae.config.dataDim);
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: argument opts must be an object (got ${describe(opts)})`);
  assertNonNegative(fn, 'opts.gamma', opts.gamma);
  assertInteger(fn, 'opts.epochs', opts.epochs, 1, 1e6);
  const m = opts.batchSize ?? 64;
  assertInteger(fn, 'opts.batchSize', m, 2, 1e6);
  const lr = opts.learningRate ?? 1e-3;
  assertPositive(fn, 'opts.learningRate', lr);
  const lrD = opts.discLearningRate ?? 1e-2;
  assertPositive(fn, 'opts.discLearningRate', lrD);
  checkRng(fn, 'opts.rng', opts.rng);
  const rng = opts.rng;
  const gamma = opts.gamma;
  const P = vae.config.latentDim;
  const disc = new TcDiscriminator(P);
  // one Adam per variable list (tfjs keeps Adam moments by position)
  const optVae = tf.train.adam(lr);
  const optD = tf.train.adam(lrD);
  const vaeVars = [...vae.encoderVariables(), ...vae.decoderVariables()];
  const n = data.length;
  const batches = Math.max(1, Math.floor(n / m));
  const history: FactorVaeRecord[] = [];
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    const perm = rng.permutation(n);
    const perm2 = rng.permutation(n);
    let sr = 0, sk = 0, st = 0, sd = 0;
    for (let b = 0; b < batches; b++) {
      const idx = perm.slice(b * m, b * m + m);
      const idx2 = perm2.slice(b * m, b * m + m);
      const xb = tf.tensor2d(idx.map((i) => data[i]));
      const eps = epsTensor(rng, idx.length, P);
      let zB: number[][] = [];
      optVae.minimize(() => {
        const { mu, logvar } = vae.encode(xb);
        const z = tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logvar)), eps));
        const recon = tf.mean(vae.reconLoss(xb, vae.decode(z)));
        const klT = tf.mean(tf.mul(0.5, tf.sum(tf.sub(tf.add(tf.square(mu), tf.exp(logvar)), tf.add(logvar, 1)), -1)));
        const tcT = tf.mean(disc.logit(z));
        sr += recon.dataSync()[0];
        sk += klT.dataSync()[0];
        st += tcT.dataSync()[0];
        zB = z.arraySync() as number[][];
        return tf.add(tf.add(recon, klT), tf.mul(gamma, tcT)) as tf.Scalar;
      }, false, vaeVars);
      xb.dispose();
      eps.dispose();
      const zPermArr = tf.tidy(() => {
        const xb2 = tf.tensor2d(idx2.map((i) => data[i]));
        return sampleZ(vae, xb2, epsTensor(rng, idx2.length, P)).arraySync() as number[][];
      });
      const zReal = tf.tensor2d(zB);
      const zPerm = tf.tensor2d(permuteDims(zPermArr, rng));
      optD.minimize(() => {
        const l = disc.loss(zReal, zPerm);
        sd += l.dataSync()[0];
        return l;
      }, false, [disc.weights]);
      zReal.dispose();
      zPerm.dispose();
    }
    const rec: FactorVaeRecord = { epoch, recon: sr / batches, kl: sk / batches, tc: st / batches, discLoss: sd / batches };
    history.push(rec);
    if (opts.onEpoch) await opts.onEpoch(rec);
  }
  optVae.dispose();
  optD.dispose();
  return { history, disc };
}

/** Codes z ~ q(z|x), one per row of data (samples of the aggregate posterior q(z) of (6.3.1)). */
export function sampleAggregatePosterior(vae: Vae, data: number[][], rng: Rng): number[][] {
  const fn = 'sampleAggregatePosterior';
  if (!(vae instanceof Vae)) throw new TypeError(`${fn}: argument vae must come from createVae (got ${describe(vae)})`);
  assertMatrix(fn, 'data', data, undefined, vae.config.dataDim);
  checkRng(fn, 'rng', rng);
  return tf.tidy(() => sampleZ(vae, tf.tensor2d(data), epsTensor(rng, data.length, vae.config.latentDim)).arraySync() as number[][]);
}

/** Gaussian closed-form TC ½(Σ log Σ_jj − log det Σ) of the sample covariance of Z (exact if q(z) is Gaussian). */
export function tcGaussianFit(Z: number[][]): number {
  const fn = 'tcGaussianFit';
  assertMatrix(fn, 'Z', Z);
  if (Z.length <= Z[0].length) throw new RangeError(`${fn}: argument Z must have more rows than columns (got ${Z.length} rows, ${Z[0].length} columns)`);
  const n = Z.length;
  const d = Z[0].length;
  const mean = Array.from({ length: d }, (_, j) => Z.reduce((s, r) => s + r[j], 0) / n);
  const S = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (__, j) => Z.reduce((s, r) => s + (r[i] - mean[i]) * (r[j] - mean[j]), 0) / (n - 1)));
  return totalCorrelationGaussian(S);
}
