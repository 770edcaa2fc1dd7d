/**
 * IWAE vs VAE training on the same tfjs model (`vae.createVae`) and data — an extension after Burda, Grosse &
 * Salakhutdinov, *Importance Weighted Autoencoders* (ICLR 2016), §5: train with the K-sample bound L_K (K = 1 is the VAE,
 * with a Monte Carlo KL term), then compare the test log-likelihood estimated by L_K with a large K (their K = 5000) and the
 * number of active latent units, A_u = #{ u : Cov_x(E_{q(z|x)}[z_u]) > 10⁻² } (their §5.2, Eq. (16)).
 *
 *   log w_k = log p(x | z_k) + log N(z_k; 0, I) − log N(z_k; μ(x), diag σ²(x)),   z_k = μ + σ ⊙ ε_k,
 *   loss    = −mean_x [ logsumexp_k(log w_k) − log K ].
 */
import { tf } from '../core/backend';
import { Rng, rng as makeRng } from '../core/rng';
import { logMeanExp } from '../core/special';
import { assertInteger, assertPositive, describe } from '../core/validate';
import { createVae, Vae } from '../vae/model';
import { checkK, checkRng } from './bound';

const LOG_2PI = Math.log(2 * Math.PI);

function checkVae(fn: string, vae: unknown): asserts vae is Vae {
  if (!(vae instanceof Vae)) throw new TypeError(`${fn}: vae must come from vae.createVae (got ${describe(vae)})`);
}
function checkData(fn: string, data: unknown, dim: number): asserts data is number[][] {
  if (!Array.isArray(data) || data.length === 0) throw new TypeError(`${fn}: data must be a non-empty array of rows (got ${describe(data)})`);
  const r = data[0] as unknown;
  if (!Array.isArray(r) && !ArrayBuffer.isView(r)) throw new TypeError(`${fn}: data must be an array of rows (got ${describe(data)})`);
  if ((r as number[]).length !== dim) throw new RangeError(`${fn}: rows must have ${dim} entries (got ${(r as number[]).length})`);
}

/**
 * log w [K, B] for a batch x [B, D] and noise ε [K, B, P] (tfjs; differentiable in the VAE's variables).
 */
export function iwaeLogWeightsTf(vae: Vae, x: tf.Tensor, eps: tf.Tensor): tf.Tensor {
  checkVae('iwaeLogWeightsTf', vae);
  if (x.rank !== 2 || eps.rank !== 3) throw new RangeError(`iwaeLogWeightsTf: x must be [B, D] and eps [K, B, P] (got shapes [${x.shape}] and [${eps.shape}])`);
  const [K, B, P] = eps.shape as [number, number, number];
  if (x.shape[0] !== B || P !== vae.config.latentDim) throw new RangeError(`iwaeLogWeightsTf: eps must be [K, ${x.shape[0]}, ${vae.config.latentDim}] (got [${eps.shape}])`);
  return tf.tidy(() => {
    const { mu, logvar } = vae.encode(x);
    const u = tf.add(mu.expandDims(0), tf.mul(tf.exp(tf.mul(0.5, logvar)).expandDims(0), eps)); // [K, B, P]
    const out = vae.decode(u.reshape([K * B, P]));
    const xr = tf.tile(x.expandDims(0), [K, 1, 1]).reshape([K * B, x.shape[1] as number]);
    const logPxz = tf.neg(vae.reconLoss(xr, out)).reshape([K, B]);
    const logPz = tf.mul(-0.5, tf.sum(tf.add(tf.square(u), LOG_2PI), -1));
    const logQ = tf.mul(-0.5, tf.sum(tf.add(tf.add(tf.square(eps), LOG_2PI), logvar.expandDims(0)), -1));
    return tf.sub(tf.add(logPxz, logPz), logQ);
  });
}

/** The IWAE loss −mean_x L̂_K(x) (a scalar tensor) for x [B, D] and ε [K, B, P] (Burda et al. 2016 Eq. (8)). */
export function iwaeLossTf(vae: Vae, x: tf.Tensor, eps: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const lw = iwaeLogWeightsTf(vae, x, eps);
    const K = eps.shape[0];
    return tf.neg(tf.mean(tf.sub(tf.logSumExp(lw, 0), Math.log(K)))) as tf.Scalar;
  });
}

function epsTensor(rng: Rng, K: number, B: number, P: number): tf.Tensor3D {
  return tf.tensor3d(Float32Array.from(rng.normals(K * B * P)), [K, B, P]);
}

/** One epoch row of the IWAE training history. */
export interface IwaeTrainRecord {
  epoch: number;
  step: number;
  /** mean training bound L̂_K (nats) over the epoch's batches */
  bound: number;
}

export interface IwaeTrainOptions {
  /** number of importance samples K of the training objective (1 = VAE) */
  k: number;
  epochs: number;
  batchSize?: number;
  learningRate?: number;
  rng: Rng;
  onEpoch?: (r: IwaeTrainRecord) => void | Promise<void>;
  onStep?: (step: number, totalSteps: number, bound: number) => void | Promise<void>;
}

/** Train a VAE (from vae.createVae) with Adam on the K-sample bound L_K (K = 1: the VAE objective). */
export async function trainIwae(vae: Vae, data: number[][], opts: IwaeTrainOptions): Promise<IwaeTrainRecord[]> {
  const fn = 'trainIwae';
  checkVae(fn, vae);
  checkData(fn, data, vae.config.dataDim);
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: opts must be an object (got ${describe(opts)})`);
  checkK(fn, opts.k, 'opts.k');
  assertInteger(fn, 'opts.epochs', opts.epochs, 1, 1_000_000);
  const B = opts.batchSize ?? 100;
  assertInteger(fn, 'opts.batchSize', B, 1, 1_000_000);
  const lr = opts.learningRate ?? 1e-3;
  assertPositive(fn, 'opts.learningRate', lr);
  checkRng(fn, opts.rng);
  const rng = opts.rng;
  const opt = tf.train.adam(lr);
  const vars = [...vae.encoderVariables(), ...vae.decoderVariables()];
  const n = data.length;
  const perEpoch = Math.ceil(n / B);
  const total = perEpoch * opts.epochs;
  const history: IwaeTrainRecord[] = [];
  let step = 0;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    const perm = rng.permutation(n);
    let sum = 0;
    for (let bi = 0; bi < perEpoch; bi++) {
      const idx = perm.slice(bi * B, Math.min(n, (bi + 1) * B));
      const xb = tf.tensor2d(idx.map((i) => data[i]));
      const eps = epsTensor(rng, opts.k, idx.length, vae.config.latentDim);
      let lossV = 0;
      opt.minimize(() => {
        const l = iwaeLossTf(vae, xb, eps);
        lossV = l.dataSync()[0];
        return l;
      }, false, vars);
      xb.dispose();
      eps.dispose();
      if (!Number.isFinite(lossV)) throw new RangeError(`${fn}: the loss became non-finite at epoch ${epoch} (got ${lossV}); lower opts.learningRate`);
      sum += -lossV * idx.length;
      step++;
      if (opts.onStep) await opts.onStep(step, total, -lossV);
    }
    const rec = { epoch, step, bound: sum / n };
    history.push(rec);
    if (opts.onEpoch) await opts.onEpoch(rec);
  }
  opt.dispose();
  return history;
}

/**
 * Per-example L̂_K(x) with a large K (the test log-likelihood estimate of Burda et al. 2016 §5, K = 5000 there), computed
 * in chunks so that at most `maxRows` decoder rows are in memory at once. Returns the mean and the per-example values.
 */
export function iwaeLogLikelihood(vae: Vae, data: number[][], K: number, rng: Rng, opts: { maxRows?: number } = {}): { mean: number; perExample: number[] } {
  const fn = 'iwaeLogLikelihood';
  checkVae(fn, vae);
  checkData(fn, data, vae.config.dataDim);
  checkK(fn, K);
  checkRng(fn, rng);
  const maxRows = opts.maxRows ?? 20000;
  assertInteger(fn, 'opts.maxRows', maxRows, 1);
  const P = vae.config.latentDim;
  const B = Math.max(1, Math.min(data.length, Math.floor(maxRows / Math.min(K, maxRows))));
  const kc = Math.max(1, Math.min(K, Math.floor(maxRows / B)));
  const perExample: number[] = [];
  for (let s = 0; s < data.length; s += B) {
    const rows = data.slice(s, s + B);
    const xb = tf.tensor2d(rows);
    const lw: number[][] = rows.map(() => []);
    for (let k0 = 0; k0 < K; k0 += kc) {
      const kk = Math.min(kc, K - k0);
      const eps = epsTensor(rng, kk, rows.length, P);
      const v = tf.tidy(() => iwaeLogWeightsTf(vae, xb, eps).arraySync() as number[][]);
      eps.dispose();
      for (let k = 0; k < kk; k++) for (let b = 0; b < rows.length; b++) lw[b].push(v[k][b]);
    }
    xb.dispose();
    lw.forEach((l) => perExample.push(logMeanExp(l)));
  }
  return { mean: perExample.reduce((a, b) => a + b, 0) / perExample.length, perExample };
}

/**
 * Active units (Burda et al. 2016 §5.2, Eq. (16)): the variances over the data of the encoder means, A_u = Cov_x(E_q[z_u]),
 * and the count of units with A_u > threshold (default 10⁻²).
 */
export function activeUnits(vae: Vae, data: number[][], threshold = 0.01): { variances: number[]; active: number } {
  const fn = 'activeUnits';
  checkVae(fn, vae);
  checkData(fn, data, vae.config.dataDim);
  assertPositive(fn, 'threshold', threshold);
  const mu = vae.encodeMeans(data);
  const P = vae.config.latentDim;
  const variances = Array.from({ length: P }, (_, u) => {
    const m = mu.reduce((s, r) => s + r[u], 0) / mu.length;
    return mu.reduce((s, r) => s + (r[u] - m) * (r[u] - m), 0) / mu.length;
  });
  return { variances, active: variances.filter((v) => v > threshold).length };
}

/** Settings of the IWAE-vs-VAE comparison. */
export interface IwaeComparisonConfig {
  nTrain: number;
  nTest: number;
  latentDim: number;
  hidden: number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** K of the IWAE objective (the VAE uses K = 1) */
  k: number;
  /** K of the test log-likelihood estimate */
  kEval: number;
  seed: number;
}

/**
 * The presets of the comparison: 'fast' (seconds, CI) and 'full' (a few minutes on a laptop's CPU). Burda et al. 2016
 * trained on binarised MNIST for 3²⁸ ≈ 3·10⁶ passes with K = 50 and evaluated with K = 5000; this is far smaller
 * (binarised Fashion-MNIST from the Debian package, a 1-hidden-layer MLP) — the direction of the effects is what it shows.
 */
export function iwaeComparisonPreset(name: 'fast' | 'full'): IwaeComparisonConfig {
  if (name === 'fast') return { nTrain: 300, nTest: 50, latentDim: 8, hidden: [64], epochs: 3, batchSize: 50, learningRate: 2e-3, k: 5, kEval: 50, seed: 1 };
  if (name === 'full') return { nTrain: 5000, nTest: 500, latentDim: 20, hidden: [200], epochs: 10, batchSize: 100, learningRate: 1e-3, k: 5, kEval: 500, seed: 1 };
  throw new RangeError(`iwaeComparisonPreset: name must be 'fast' or 'full' (got ${describe(name)})`);
}

/** The result of one arm (K = 1 or K = k) of the comparison. */
export interface IwaeArm {
  k: number;
  history: IwaeTrainRecord[];
  /** mean L̂_{kEval} on the test rows (the test log-likelihood estimate) */
  testLogLik: number;
  /** the ELBO (L_1) on the test rows, for reference */
  testElbo: number;
  activeUnits: number;
  unitVariances: number[];
}

/**
 * Train the same architecture from the same initial weights on the same data with K = 1 (VAE) and K = k (IWAE), then
 * estimate the test log-likelihood with L_{kEval} and count active units (Burda et al. 2016 §5, Table 1).
 * `data` is { train, test } rows (e.g. binarised Fashion-MNIST: vae.loadFashionMnist(n, { binarize: true })).
 */
export async function compareIwaeVae(
  data: { train: number[][]; test: number[][] },
  cfg: IwaeComparisonConfig,
  hooks: { onStep?: (arm: string, step: number, total: number, bound: number) => void | Promise<void> } = {},
): Promise<{ vae: IwaeArm; iwae: IwaeArm }> {
  const fn = 'compareIwaeVae';
  if (!data || typeof data !== 'object') throw new TypeError(`${fn}: data must be { train, test } (got ${describe(data)})`);
  if (!cfg || typeof cfg !== 'object') throw new TypeError(`${fn}: cfg must be a config (iwaeComparisonPreset) (got ${describe(cfg)})`);
  checkK(fn, cfg.k, 'cfg.k');
  checkK(fn, cfg.kEval, 'cfg.kEval');
  const dim = data.train[0]?.length;
  checkData(fn, data.train, dim);
  checkData(fn, data.test, dim);
  const arm = async (k: number, label: string): Promise<IwaeArm> => {
    const m = createVae({ dataDim: dim, latentDim: cfg.latentDim, hidden: cfg.hidden, decoder: 'bernoulli', seed: cfg.seed });
    try {
      const history = await trainIwae(m, data.train, {
        k,
        epochs: cfg.epochs,
        batchSize: cfg.batchSize,
        learningRate: cfg.learningRate,
        rng: makeRng(cfg.seed + 100),
        onStep: hooks.onStep ? (s, t, b) => hooks.onStep!(label, s, t, b) : undefined,
      });
      const g = makeRng(cfg.seed + 200);
      const ll = iwaeLogLikelihood(m, data.test, cfg.kEval, g);
      const elbo = iwaeLogLikelihood(m, data.test, 1, g);
      const au = activeUnits(m, data.test);
      return { k, history, testLogLik: ll.mean, testElbo: elbo.mean, activeUnits: au.active, unitVariances: au.variances };
    } finally {
      m.dispose();
    }
  };
  const vaeArm = await arm(1, 'VAE (K = 1)');
  const iwaeArm = await arm(cfg.k, `IWAE (K = ${cfg.k})`);
  return { vae: vaeArm, iwae: iwaeArm };
}
