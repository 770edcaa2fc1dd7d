/**
 * RealNVP with neural scale and translation networks in tfjs (source 000 §2.h, (2.8)–(2.10); L. Dinh, J. Sohl-Dickstein,
 * S. Bengio, "Density estimation using Real NVP", ICLR 2017), trained by maximising the mean log-likelihood with Adam
 * (s_k and t_k jointly, as erratum 000-E25 says). 2-D only needs masks; masks alternate between layers by default — 'fixed'
 * masks reproduce the design gap of erratum 000-E22 (the conditioning coordinate is never transformed).
 */
import { tf } from '../core/backend';
import { assertInteger, assertOneOf, assertPositive, describe } from '../core/validate';
import type { Rng } from '../core/rng';
import { alternatingMasks } from './coupling';

type T = tf.Tensor;
const LOG_2PI = Math.log(2 * Math.PI);

/** Options of `RealNvp`. */
export interface RealNvpOptions {
  /** Dimension n (default 2). */
  dim?: number;
  /** Number of coupling layers K (default 6). */
  layers?: number;
  /** Hidden units of each s/t network (default 32). */
  hidden?: number;
  /** 'alternating' (default) or 'fixed' (every layer conditions on the same half: erratum 000-E22). */
  masks?: 'alternating' | 'fixed';
}

interface LayerVars {
  mask: T;
  W1: tf.Variable;
  b1: tf.Variable;
  W2: tf.Variable;
  b2: tf.Variable;
  Ws: tf.Variable;
  bs: tf.Variable;
  Wt: tf.Variable;
  bt: tf.Variable;
  scale: tf.Variable;
}

/** A training step's record. */
export interface RealNvpStep {
  step: number;
  /** Mean log-likelihood of the mini-batch. */
  logLik: number;
}

/** A RealNVP flow x = f_K ∘ … ∘ f_1(z) with MLP s_k, t_k (one per layer, two tanh hidden layers). */
export class RealNvp {
  readonly dim: number;
  readonly K: number;
  readonly hidden: number;
  readonly maskMode: 'alternating' | 'fixed';
  readonly masks: number[][];
  private vars: LayerVars[];

  constructor(rng: Rng, opts: RealNvpOptions = {}) {
    if (!rng || typeof (rng as Rng).tfSeed !== 'function') throw new TypeError(`RealNvp: rng must be a seeded generator from core.rng(seed) (got ${describe(rng)})`);
    this.dim = opts.dim ?? 2;
    this.K = opts.layers ?? 6;
    this.hidden = opts.hidden ?? 32;
    this.maskMode = opts.masks ?? 'alternating';
    assertInteger('RealNvp', 'opts.dim', this.dim, 2, 64);
    assertInteger('RealNvp', 'opts.layers', this.K, 1, 64);
    assertInteger('RealNvp', 'opts.hidden', this.hidden, 1, 4096);
    assertOneOf('RealNvp', 'opts.masks', this.maskMode, ['alternating', 'fixed'] as const);
    this.masks = this.maskMode === 'alternating' ? alternatingMasks(this.dim, this.K) : Array.from({ length: this.K }, () => alternatingMasks(this.dim, 1)[0]);
    const n = this.dim;
    const H = this.hidden;
    const init = (shape: number[], fanIn: number) => tf.variable(tf.randomNormal(shape, 0, 1 / Math.sqrt(fanIn), 'float32', rng.tfSeed()));
    this.vars = this.masks.map((m) => ({
      mask: tf.tensor1d(m),
      W1: init([n, H], n),
      b1: tf.variable(tf.zeros([H])),
      W2: init([H, H], H),
      b2: tf.variable(tf.zeros([H])),
      // zero output weights: every layer starts as the identity (log-det 0)
      Ws: tf.variable(tf.zeros([H, n])),
      bs: tf.variable(tf.zeros([n])),
      Wt: tf.variable(tf.zeros([H, n])),
      bt: tf.variable(tf.zeros([n])),
      scale: tf.variable(tf.ones([n])),
    }));
  }

  /** s and t of layer k at the masked input (rows = points); both are zero on the conditioning coordinates. */
  private st(k: number, x: T): { s: T; t: T } {
    const v = this.vars[k];
    const inv = tf.sub(1, v.mask);
    const h1 = tf.tanh(tf.add(tf.matMul(tf.mul(x, v.mask), v.W1), v.b1));
    const h2 = tf.tanh(tf.add(tf.matMul(h1, v.W2), v.b2));
    const s = tf.mul(tf.mul(tf.tanh(tf.add(tf.matMul(h2, v.Ws), v.bs)), v.scale), inv);
    const t = tf.mul(tf.add(tf.matMul(h2, v.Wt), v.bt), inv);
    return { s, t };
  }

  /** z = g⁻¹(x) and log|det ∇g⁻¹(x)| = −Σ_k Σ_j s_{k,j}(x₁^(k)) (000 (2.9), (2.10) exact) for a batch (N × n tensor). */
  inverseTf(x: T): { z: T; logDet: T } {
    let cur = x;
    let logDet: T = tf.zeros([x.shape[0]]);
    for (let k = this.K - 1; k >= 0; k--) {
      const { s, t } = this.st(k, cur);
      const m = this.vars[k].mask;
      cur = tf.add(tf.mul(cur, m), tf.mul(tf.mul(tf.sub(cur, t), tf.exp(tf.neg(s))), tf.sub(1, m)));
      logDet = tf.sub(logDet, tf.sum(s, 1));
    }
    return { z: cur, logDet };
  }

  /** log P(x) per row: −(n/2) log 2π − ½‖z‖² + log|det ∇g⁻¹(x)| (000 display below (2.10), with the sign of erratum 000-E24 fixed). */
  logProbTf(x: T): T {
    const { z, logDet } = this.inverseTf(x);
    return tf.add(tf.sub(tf.mul(-0.5, tf.sum(tf.square(z), 1)), 0.5 * this.dim * LOG_2PI), logDet);
  }

  /** x = g(z) for a batch (000 (2.8) applied layer by layer). */
  forwardTf(z: T): T {
    let cur = z;
    for (let k = 0; k < this.K; k++) {
      const { s, t } = this.st(k, cur);
      const m = this.vars[k].mask;
      cur = tf.add(tf.mul(cur, m), tf.mul(tf.add(tf.mul(cur, tf.exp(s)), t), tf.sub(1, m)));
    }
    return cur;
  }

  private points(fn: string, pts: number[][]): T {
    if (!Array.isArray(pts) || pts.length === 0) throw new RangeError(`RealNvp.${fn}: points must be a non-empty array of [x, y] (got ${describe(pts)})`);
    pts.forEach((p, i) => {
      if (!Array.isArray(p) || p.length !== this.dim || !p.every(Number.isFinite)) throw new RangeError(`RealNvp.${fn}: points[${i}] must be ${this.dim} finite numbers (got ${describe(p)})`);
    });
    return tf.tensor2d(pts);
  }

  /** log P(x) of each point. */
  logProb(points: number[][]): number[] {
    return tf.tidy(() => Array.from(this.logProbTf(this.points('logProb', points)).dataSync()));
  }

  /** Mean log-likelihood of a data set. */
  meanLogLik(points: number[][]): number {
    const lp = this.logProb(points);
    return lp.reduce((a, b) => a + b, 0) / lp.length;
  }

  /** z = g⁻¹(x) of each point. */
  inverse(points: number[][]): number[][] {
    return tf.tidy(() => this.inverseTf(this.points('inverse', points)).z.arraySync() as number[][]);
  }

  /** x = g(z) of each point. */
  forward(points: number[][]): number[][] {
    return tf.tidy(() => this.forwardTf(this.points('forward', points)).arraySync() as number[][]);
  }

  /** The points after each layer, from z (index 0) to x (index K) — the layer-by-layer push-forward. */
  forwardTrace(points: number[][]): number[][][] {
    return tf.tidy(() => {
      let cur = this.points('forwardTrace', points);
      const out = [cur.arraySync() as number[][]];
      for (let k = 0; k < this.K; k++) {
        const { s, t } = this.st(k, cur);
        const m = this.vars[k].mask;
        cur = tf.add(tf.mul(cur, m), tf.mul(tf.add(tf.mul(cur, tf.exp(s)), t), tf.sub(1, m)));
        out.push(cur.arraySync() as number[][]);
      }
      return out;
    });
  }

  /** n samples x = g(z), z ~ N(0, I) from the seeded generator. */
  sample(n: number, rng: Rng): number[][] {
    assertInteger('RealNvp.sample', 'n', n, 1, 1e6);
    const z = Array.from({ length: n }, () => Array.from(rng.normals(this.dim)));
    return this.forward(z);
  }

  /** All trainable variables (the weights of every s_k and t_k). */
  variables(): tf.Variable[] {
    return this.vars.flatMap((v) => [v.W1, v.b1, v.W2, v.b2, v.Ws, v.bs, v.Wt, v.bt, v.scale]);
  }

  /**
   * Maximise the mean log-likelihood with Adam on mini-batches drawn with `rng` (000 §2.h: s_k and t_k trained by
   * back-propagation; here tfjs autodiff). `onStep` is awaited every `every` steps (live progress / live plot).
   */
  async train(data: number[][], opts: { steps: number; batch?: number; lr?: number; rng: Rng; every?: number; onStep?: (r: RealNvpStep) => void | Promise<void> }): Promise<RealNvpStep[]> {
    const X = this.points('train', data);
    assertInteger('RealNvp.train', 'opts.steps', opts?.steps, 1, 1e7);
    const batch = Math.min(opts.batch ?? 256, data.length);
    assertInteger('RealNvp.train', 'opts.batch', batch, 1, 1e6);
    const lr = opts.lr ?? 5e-3;
    assertPositive('RealNvp.train', 'opts.lr', lr);
    if (!opts.rng || typeof opts.rng.integer !== 'function') throw new TypeError(`RealNvp.train: opts.rng must be a seeded generator (got ${describe(opts.rng)})`);
    const every = opts.every ?? 10;
    const optimizer = tf.train.adam(lr);
    const vars = this.variables();
    const history: RealNvpStep[] = [];
    try {
      for (let step = 1; step <= opts.steps; step++) {
        const idx = tf.tensor1d(Array.from({ length: batch }, () => opts.rng.integer(data.length)), 'int32');
        const xb = tf.gather(X, idx);
        const loss = optimizer.minimize(() => tf.neg(tf.mean(this.logProbTf(xb))) as tf.Scalar, true, vars) as tf.Scalar;
        const ll = -loss.dataSync()[0];
        tf.dispose([idx, xb, loss]);
        if (!Number.isFinite(ll)) throw new RangeError(`RealNvp.train: the log-likelihood became non-finite at step ${step} (try a smaller opts.lr; got ${lr})`);
        const rec = { step, logLik: ll };
        history.push(rec);
        if (opts.onStep && (step % every === 0 || step === opts.steps)) await opts.onStep(rec);
      }
    } finally {
      X.dispose();
      optimizer.dispose();
    }
    return history;
  }

  /** Free the tensors. */
  dispose(): void {
    for (const v of this.vars) tf.dispose([v.mask, v.W1, v.b1, v.W2, v.b2, v.Ws, v.bs, v.Wt, v.bt, v.scale]);
  }
}
