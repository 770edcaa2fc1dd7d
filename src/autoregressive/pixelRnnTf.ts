/**
 * A tiny pixel-density model with the 2-D LSTM of source 000 (2.14), trained by backpropagation through the raster in tfjs
 * (000 L597–618; PixelRNN: van den Oord, Kalchbrenner & Kavukcuoglu 2016). The conditional of pixel (i, j) is read out from the
 * states of its two *previous* neighbours, P(x_{i,j} = 1 | x_{<(i,j)}) = σ(r·[h_{i,j−1}; h_{i−1,j}] + r_0), so it never sees x_{i,j};
 * then the cell (i, j) consumes x_{i,j}. Generation: exact (sample each pixel from its conditional) or the tutorial's rule read
 * literally (erratum 000-E31: random inputs, the predicted value written as the pixel).
 */
import { tf } from '../core/backend';
import { Rng } from '../core/rng';
import { assertInteger, describe } from '../core/validate';
import { LSTM_GATES, LstmGate } from './pixelDensity';

/** Trained parameters (plain numbers): per gate W (d), U (d×d), V (d×d), b (d); read-out r (2d) and r0. */
export interface PixelRnnParams {
  d: number;
  gates: Record<LstmGate, { W: number[]; U: number[][]; V: number[][]; b: number[] }>;
  r: number[];
  r0: number;
}

/** n random "bars" images (size×size): all-horizontal or all-vertical, each bar on with probability 1/2 (not all off). */
export function barsImages(n: number, size: number, rng: Rng): number[][][] {
  assertInteger('barsImages', 'n', n, 1, 1e6);
  assertInteger('barsImages', 'size', size, 2, 64);
  if (!(rng instanceof Rng)) throw new TypeError(`barsImages: argument rng must be an Rng (got ${describe(rng)})`);
  return Array.from({ length: n }, () => {
    const vertical = rng.uniform() < 0.5;
    let on: number[];
    do on = Array.from({ length: size }, () => (rng.uniform() < 0.5 ? 1 : 0));
    while (on.every((v) => v === 0));
    return Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (vertical ? on[j] : on[i])));
  });
}

const sig = (a: number) => 1 / (1 + Math.exp(-a));

/** A trainer: Adam on the mean NLL (nats per image) of mini-batches; `step()` returns the batch NLL. */
export interface PixelRnnTrainer {
  step(): number;
  params(): PixelRnnParams;
  dispose(): void;
}

/** Build a trainer for 2-D LSTM pixel densities on binary images (all of the same size). */
export function pixelRnnTrainer(images: number[][][], opts: { d?: number; lr?: number; batchSize?: number; seed?: number } = {}): PixelRnnTrainer {
  const fn = 'pixelRnnTrainer';
  if (!Array.isArray(images) || images.length === 0) throw new TypeError(`${fn}: argument images must be a non-empty array of binary images (got ${describe(images)})`);
  const rows = images[0].length;
  const cols = images[0][0]?.length;
  images.forEach((im, k) => {
    if (!Array.isArray(im) || im.length !== rows || im.some((r) => !Array.isArray(r) || r.length !== cols || r.some((v) => v !== 0 && v !== 1))) {
      throw new RangeError(`${fn}: argument images[${k}] must be a ${rows}×${cols} array of 0/1 pixels`);
    }
  });
  const d = opts.d ?? 6;
  const B = opts.batchSize ?? 32;
  assertInteger(fn, 'opts.d', d, 1, 256);
  assertInteger(fn, 'opts.batchSize', B, 1, 1e5);
  const rng = new Rng(opts.seed ?? 0);
  const init = (shape: number[]) => tf.variable(tf.tensor(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 0.3 * rng.normal()), shape));
  const G = {} as Record<LstmGate, { W: tf.Variable; U: tf.Variable; V: tf.Variable; b: tf.Variable }>;
  for (const g of LSTM_GATES) G[g] = { W: init([1, d]), U: init([d, d]), V: init([d, d]), b: tf.variable(tf.fill([d], g === 'f' ? -1 : 0)) };
  const r = init([2 * d, 1]);
  const r0 = tf.variable(tf.scalar(0));
  const opt = tf.train.adam(opts.lr ?? 0.03);
  const loss = (X: tf.Tensor3D): tf.Scalar => {
    const n = X.shape[0];
    const zero = tf.zeros([n, d]);
    const H: tf.Tensor[][] = [];
    const C: tf.Tensor[][] = [];
    let nll: tf.Tensor = tf.scalar(0);
    for (let i = 0; i < rows; i++) {
      H.push([]);
      C.push([]);
      for (let j = 0; j < cols; j++) {
        const hl = j > 0 ? H[i][j - 1] : zero;
        const cl = j > 0 ? C[i][j - 1] : zero;
        const hu = i > 0 ? H[i - 1][j] : zero;
        const cu = i > 0 ? C[i - 1][j] : zero;
        const x = X.slice([0, i, j], [n, 1, 1]).reshape([n, 1]);
        const logit = tf.add(tf.matMul(tf.concat([hl, hu], 1), r), r0);
        nll = tf.add(nll, tf.sum(tf.losses.sigmoidCrossEntropy(x, logit, undefined, undefined, tf.Reduction.NONE)));
        const pre = (g: LstmGate) => tf.add(tf.add(tf.add(tf.matMul(x, G[g].W), tf.matMul(hl, G[g].U, false, true)), tf.matMul(hu, G[g].V, false, true)), G[g].b);
        const f = tf.sigmoid(pre('f'));
        const ig = tf.sigmoid(pre('i'));
        const o = tf.sigmoid(pre('o'));
        const gg = tf.tanh(pre('g'));
        const c = tf.add(tf.mul(f, tf.add(cl, cu)), tf.mul(ig, gg));
        C[i].push(c);
        H[i].push(tf.mul(o, tf.tanh(c)));
      }
    }
    return tf.div(nll, n) as tf.Scalar;
  };
  return {
    step: () => {
      const batch = Array.from({ length: Math.min(B, images.length) }, () => images[rng.integer(images.length)]);
      const l = opt.minimize(() => tf.tidy(() => loss(tf.tensor3d(batch))), true);
      const v = (l as tf.Scalar).dataSync()[0];
      l?.dispose();
      return v;
    },
    params: () => {
      const gates = {} as PixelRnnParams['gates'];
      for (const g of LSTM_GATES) {
        gates[g] = { W: (G[g].W.arraySync() as number[][])[0], U: G[g].U.arraySync() as number[][], V: G[g].V.arraySync() as number[][], b: G[g].b.arraySync() as number[] };
      }
      return { d, gates, r: (r.arraySync() as number[][]).map((v) => v[0]), r0: r0.dataSync()[0] };
    },
    dispose: () => {
      for (const g of LSTM_GATES) Object.values(G[g]).forEach((v) => v.dispose());
      r.dispose();
      r0.dispose();
      opt.dispose();
    },
  };
}

/**
 * Generate a rows×cols image with a trained model. `'exact'`: x_{i,j} ~ Bernoulli(P(x_{i,j} = 1 | previous pixels)), then the cell
 * consumes it. `'tutorial'` (000 L618 read literally, erratum 000-E31): the cell input x_{i,j} is "randomized arbitrarily" (a fair
 * coin) and the predicted value P(x_{i,j} = 1 | …) is written as the pixel — no sampling from the model's conditional.
 */
export function pixelRnnGenerate(p: PixelRnnParams, rows: number, cols: number, rng: Rng, mode: 'exact' | 'tutorial' = 'exact'): number[][] {
  const fn = 'pixelRnnGenerate';
  assertInteger(fn, 'rows', rows, 1, 256);
  assertInteger(fn, 'cols', cols, 1, 256);
  if (!(rng instanceof Rng)) throw new TypeError(`${fn}: argument rng must be an Rng (got ${describe(rng)})`);
  if (mode !== 'exact' && mode !== 'tutorial') throw new RangeError(`${fn}: argument mode must be 'exact' or 'tutorial' (got ${describe(mode)})`);
  const d = p.d;
  const zero = new Array(d).fill(0);
  const H: number[][][] = [];
  const C: number[][][] = [];
  const img: number[][] = [];
  const mv = (A: number[][], v: number[]) => A.map((row) => row.reduce((s, a, k) => s + a * v[k], 0));
  for (let i = 0; i < rows; i++) {
    H.push([]);
    C.push([]);
    img.push([]);
    for (let j = 0; j < cols; j++) {
      const hl = j > 0 ? H[i][j - 1] : zero;
      const cl = j > 0 ? C[i][j - 1] : zero;
      const hu = i > 0 ? H[i - 1][j] : zero;
      const cu = i > 0 ? C[i - 1][j] : zero;
      const prob = sig([...hl, ...hu].reduce((s, h, k) => s + h * p.r[k], p.r0));
      const x = mode === 'exact' ? (rng.uniform() < prob ? 1 : 0) : rng.uniform() < 0.5 ? 1 : 0;
      img[i].push(mode === 'exact' ? x : prob);
      const pre = (g: LstmGate) => {
        const u = mv(p.gates[g].U, hl);
        const v = mv(p.gates[g].V, hu);
        return p.gates[g].b.map((b, k) => b + p.gates[g].W[k] * x + u[k] + v[k]);
      };
      const f = pre('f').map(sig);
      const ig = pre('i').map(sig);
      const o = pre('o').map(sig);
      const gg = pre('g').map(Math.tanh);
      const c = f.map((fk, k) => fk * (cl[k] + cu[k]) + ig[k] * gg[k]);
      C[i].push(c);
      H[i].push(c.map((ck, k) => o[k] * Math.tanh(ck)));
    }
  }
  return img;
}
