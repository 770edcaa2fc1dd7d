/**
 * Example 68.6 of source 004 at image scale, in tfjs (the fast CPU path makes the matrix products OpenBLAS SGEMMs): the
 * same risks as listings (68.160)–(68.161) — book convention z = Wᵀy − θ, ReLU hidden layers, tanh generator output,
 * two-entry softmax discriminator output, ridge ρ on the weights — differentiated by tfjs instead of by hand (the hand
 * recursions are `listings.ts`, checked against the same autodiff), and ADAM (68.175a–d), B = 128, K_d = K_g = 1.
 * The book trains on MNIST; the course uses Fashion-MNIST (`data.loadFashionMnist`), scaled to [−1, 1] by 2x − 1 (the
 * book gives no formula, 004-E27).
 */
import { tf } from '../core/backend';
import { assertInteger, assertNonNegative, assertPositive, assertVector, describe } from '../core/validate';
import { Rng } from '../core/rng';
import { ListingRecord } from './listings';

/** Configuration of a fully connected GAN in the book's convention. */
export interface TfGanConfig {
  /** Generator sizes [P, …, M] (Example 68.6: [2, 256, 512, 1024, 784]). */
  gSizes: number[];
  /** Discriminator sizes [M, …, 2] (Example 68.6: [784, 1024, 512, 256, 2]). */
  dSizes: number[];
  /** ADAM step μ (68.175a: 2e-4). */
  mu?: number;
  /** Ridge ρ (68.175a: 1e-4). */
  rho?: number;
  /** β₁, β₂, ε (68.175b–d: 0.5, 0.999, 1e-8). */
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** Mini-batch size B (Example 68.6: 128). */
  batchSize?: number;
  /** Real label (soft label col{0.9, 0} of Example 68.6 (c) is allowed). Default [1, 0]. */
  realLabel?: [number, number];
  seed?: number;
}

/** Example 68.6's configuration (full), or a scaled-down one for the fast preset. */
export function example686Config(scale: 'book' | 'small' = 'book'): Required<TfGanConfig> {
  const small = scale === 'small';
  if (scale !== 'book' && !small) throw new RangeError(`example686Config: scale must be 'book' or 'small' (got ${describe(scale)})`);
  return {
    gSizes: small ? [2, 32, 64, 784] : [2, 256, 512, 1024, 784],
    dSizes: small ? [784, 64, 32, 2] : [784, 1024, 512, 256, 2],
    mu: 2e-4,
    rho: 1e-4,
    beta1: 0.5,
    beta2: 0.999,
    eps: 1e-8,
    batchSize: small ? 32 : 128,
    realLabel: [1, 0],
    seed: 0,
  };
}

/** A GAN of fully connected layers trained with ADAM on the risks of (68.121) and (68.125) (non-saturating). */
export class TfSayedGan {
  readonly config: Required<TfGanConfig>;
  readonly history: ListingRecord[] = [];
  iteration = 0;
  private readonly gVars: tf.Variable[];
  private readonly dVars: tf.Variable[];
  private readonly optG: tf.Optimizer;
  private readonly optD: tf.Optimizer;
  private readonly rng: Rng;

  constructor(cfg: TfGanConfig) {
    const fn = 'TfSayedGan';
    if (!cfg || typeof cfg !== 'object') throw new TypeError(`${fn}: argument cfg must be an object (got ${describe(cfg)})`);
    const c: Required<TfGanConfig> = { ...example686Config('book'), ...cfg } as Required<TfGanConfig>;
    for (const k of ['gSizes', 'dSizes'] as const) {
      assertVector(fn, k, c[k]);
      if (c[k].length < 2) throw new RangeError(`${fn}: ${k} must list at least 2 layers (got ${describe(c[k])})`);
      c[k].forEach((s, i) => assertInteger(fn, `${k}[${i}]`, s, 1, 1e5));
    }
    if (c.gSizes[c.gSizes.length - 1] !== c.dSizes[0]) throw new RangeError(`${fn}: the generator's output size (${c.gSizes[c.gSizes.length - 1]}) must equal the discriminator's input size (${c.dSizes[0]})`);
    if (c.dSizes[c.dSizes.length - 1] !== 2) throw new RangeError(`${fn}: the discriminator must end in 2 outputs (got ${c.dSizes[c.dSizes.length - 1]})`);
    assertPositive(fn, 'mu', c.mu);
    assertNonNegative(fn, 'rho', c.rho);
    assertInteger(fn, 'batchSize', c.batchSize, 1, 1e5);
    assertVector(fn, 'realLabel', c.realLabel, 2);
    assertInteger(fn, 'seed', c.seed, 0);
    this.config = c;
    this.rng = new Rng(c.seed);
    const make = (sizes: number[]) =>
      sizes.slice(0, -1).flatMap((n, l) => {
        const sd = Math.sqrt(2 / n); // He initialisation for ReLU layers (assumption: (65.93b–c) is not in the chapter)
        return [tf.variable(tf.randomNormal([n, sizes[l + 1]], 0, sd, 'float32', this.rng.tfSeed())), tf.variable(tf.zeros([sizes[l + 1]]))];
      });
    this.gVars = make(c.gSizes);
    this.dVars = make(c.dSizes);
    this.optG = tf.train.adam(c.mu, c.beta1, c.beta2, c.eps);
    this.optD = tf.train.adam(c.mu, c.beta1, c.beta2, c.eps);
  }

  private net(vars: tf.Variable[], x: tf.Tensor2D, last: 'tanh' | 'logSoftmax'): tf.Tensor2D {
    let y: tf.Tensor2D = x;
    const L = vars.length / 2;
    for (let l = 0; l < L; l++) {
      const z = tf.sub(tf.matMul(y, vars[2 * l] as tf.Variable<tf.Rank.R2>), vars[2 * l + 1]) as tf.Tensor2D;
      y = l < L - 1 ? tf.relu(z) : last === 'tanh' ? tf.tanh(z) : tf.logSoftmax(z);
    }
    return y;
  }

  private ridge(vars: tf.Variable[]): tf.Scalar {
    return tf.addN(vars.filter((_, i) => i % 2 === 0).map((w) => tf.sum(tf.square(w)))) as tf.Scalar;
  }

  private latents(n: number): tf.Tensor2D {
    return tf.randomNormal([n, this.config.gSizes[0]], 0, 1, 'float32', this.rng.tfSeed()) as tf.Tensor2D;
  }

  /** One outer iteration of (68.155) with K_d = K_g = 1 on a batch of real rows (values in [−1, 1]). */
  step(reals: number[][]): ListingRecord {
    const { rho, realLabel } = this.config;
    if (!Array.isArray(reals) || reals.length === 0) throw new TypeError(`TfSayedGan.step: argument reals must be a non-empty array of rows (got ${describe(reals)})`);
    const B = reals.length;
    const rec = tf.tidy(() => {
      const H = tf.tensor2d(reals);
      const fakes = this.net(this.gVars, this.latents(B), 'tanh');
      const lr = tf.tensor2d([realLabel]);
      const lf = tf.tensor2d([[0, 1]]);
      let dReal = 0;
      let dFake = 0;
      const dRisk = this.optD.minimize(() => {
        const a = this.net(this.dVars, H, 'logSoftmax');
        const b = this.net(this.dVars, fakes, 'logSoftmax');
        dReal = tf.mean(tf.exp(a.slice([0, 0], [B, 1]))).dataSync()[0];
        dFake = tf.mean(tf.exp(b.slice([0, 0], [B, 1]))).dataSync()[0];
        const ce = tf.add(tf.sum(tf.mul(a, lr)), tf.sum(tf.mul(b, lf)));
        return tf.add(tf.mul(rho, this.ridge(this.dVars)), tf.div(tf.neg(ce), 2 * B)) as tf.Scalar;
      }, true, this.dVars)!;
      const U = this.latents(B);
      const gLoss = this.optG.minimize(() => {
        const b = this.net(this.dVars, this.net(this.gVars, U, 'tanh'), 'logSoftmax');
        return tf.add(tf.mul(rho, this.ridge(this.gVars)), tf.neg(tf.mean(b.slice([0, 0], [B, 1])))) as tf.Scalar;
      }, true, this.gVars)!;
      return { discriminatorRisk: dRisk.dataSync()[0], generatorObjective: -gLoss.dataSync()[0], meanDReal: dReal, meanDFake: dFake };
    });
    this.iteration++;
    const r = { iteration: this.iteration, ...rec };
    this.history.push(r);
    return r;
  }

  /** n generated rows (values in (−1, 1)) from seeded latents. */
  sample(n: number, seed = 1): number[][] {
    assertInteger('TfSayedGan.sample', 'n', n, 1, 1e5);
    return tf.tidy(() => {
      const U = tf.randomNormal([n, this.config.gSizes[0]], 0, 1, 'float32', seed) as tf.Tensor2D;
      return this.net(this.gVars, U, 'tanh').arraySync();
    });
  }

  /** Number of trainable parameters of G and D. */
  parameterCounts(): { generator: number; discriminator: number } {
    const count = (vs: tf.Variable[]) => vs.reduce((s, v) => s + v.size, 0);
    return { generator: count(this.gVars), discriminator: count(this.dVars) };
  }

  /** Free the variables and optimiser state. */
  dispose(): void {
    this.gVars.forEach((v) => v.dispose());
    this.dVars.forEach((v) => v.dispose());
    this.optG.dispose();
    this.optD.dispose();
  }
}

/** Fashion-MNIST rows scaled to [−1, 1] (2x − 1), as Example 68.6 scales MNIST. */
export function toSymmetricRange(rows: number[][]): number[][] {
  if (!Array.isArray(rows) || rows.length === 0) throw new TypeError(`toSymmetricRange: argument rows must be a non-empty array (got ${describe(rows)})`);
  return rows.map((r) => r.map((v) => 2 * v - 1));
}
