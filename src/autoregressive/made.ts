/**
 * MADE — masked autoencoder for distribution estimation (source 003 L652–673; source 002 §7.4 is "TBU": extension from
 * M. Germain, K. Gregor, I. Murray, H. Larochelle, "MADE: Masked Autoencoder for Distribution Estimation", ICML 2015).
 *
 * Degrees: input d has degree d (1..n); hidden unit u of layer l gets m^l(u) ∈ {1..n−1} (003 L661). Masks (the rule 003 leaves
 * out, erratum 003-E80):
 *   M¹[u, d] = 1[m¹(u) ≥ d],   M^l[u', u] = 1[m^l(u') ≥ m^{l−1}(u)],   M^V[k, u] = 1[k > m^L(u)].
 * Then output k depends only on x_{<k} (003 L657–659 write x_{≤k}: erratum 003-E79). The connectivity product M^V M^L ⋯ M¹
 * counts the paths from input j to output k and is strictly lower triangular.
 */
import { tf } from '../core/backend';
import { Rng } from '../core/rng';
import { assertInteger, assertMatrix, assertVector, describe } from '../core/validate';
import { assertBinary } from './nade';

/** Degrees and masks of a MADE: `masks[0]` = M¹ (h₁×n), …, `masks[L]` = M^V (n×h_L). */
export interface MadeMasks {
  n: number;
  /** degrees[0] = (1..n) for the inputs, degrees[l] for hidden layer l. */
  degrees: number[][];
  masks: number[][][];
}

/**
 * MADE masks from hidden-unit degrees (given, or drawn: layer l uniform on {min degree of layer l−1 .. n−1}, as Germain et
 * al. 2015 do so that no unit is disconnected). 003 L661 + the rule of erratum 003-E80.
 */
export function madeMasks(n: number, hiddenSizes: number[], degrees?: number[][] | Rng): MadeMasks {
  const fn = 'madeMasks';
  assertInteger(fn, 'n', n, 2, 1e5);
  if (!Array.isArray(hiddenSizes) || hiddenSizes.length === 0) throw new TypeError(`${fn}: argument hiddenSizes must be a non-empty array of layer sizes (got ${describe(hiddenSizes)})`);
  hiddenSizes.forEach((h, l) => assertInteger(fn, `hiddenSizes[${l}]`, h, 1, 1e5));
  const deg: number[][] = [Array.from({ length: n }, (_, i) => i + 1)];
  if (degrees instanceof Rng) {
    hiddenSizes.forEach((h) => {
      const lo = Math.min(...deg[deg.length - 1].filter((v) => v < n).concat([n - 1]));
      deg.push(Array.from({ length: h }, () => lo + degrees.integer(n - lo)));
    });
  } else if (Array.isArray(degrees)) {
    if (degrees.length !== hiddenSizes.length) throw new RangeError(`${fn}: argument degrees must give one degree array per hidden layer (${hiddenSizes.length}) (got ${degrees.length})`);
    degrees.forEach((m, l) => {
      assertVector(fn, `degrees[${l}]`, m, hiddenSizes[l]);
      m.forEach((v, u) => assertInteger(fn, `degrees[${l}][${u}]`, v, 1, n - 1));
      deg.push(m.slice());
    });
  } else {
    throw new TypeError(`${fn}: argument degrees must be an array of degree arrays or an Rng (got ${describe(degrees)})`);
  }
  const masks: number[][][] = [];
  for (let l = 1; l < deg.length; l++) masks.push(deg[l].map((mu) => deg[l - 1].map((mv) => (mu >= mv ? 1 : 0))));
  masks.push(Array.from({ length: n }, (_, k) => deg[deg.length - 1].map((mu) => (k + 1 > mu ? 1 : 0))));
  return { n, degrees: deg, masks };
}

/** The product M^V M^L ⋯ M¹ (n×n): entry (k, j) = number of paths from input j to output k. Strictly lower triangular ⇔ valid. */
export function madeConnectivity(masks: number[][][]): number[][] {
  const fn = 'madeConnectivity';
  if (!Array.isArray(masks) || masks.length < 2) throw new TypeError(`${fn}: argument masks must be [M¹, …, M^V] (at least two matrices) (got ${describe(masks)})`);
  masks.forEach((M, l) => assertMatrix(fn, `masks[${l}]`, M));
  let P = masks[0];
  for (let l = 1; l < masks.length; l++) {
    const M = masks[l];
    if (M[0].length !== P.length) throw new RangeError(`${fn}: argument masks[${l}] has ${M[0].length} columns but the previous layer has ${P.length} units`);
    P = M.map((row) => P[0].map((_, j) => row.reduce((s, v, u) => s + v * P[u][j], 0)));
  }
  return P;
}

/** True when every entry on or above the diagonal is 0 (output k sees only x_{<k}). */
export function isStrictlyLowerTriangular(A: number[][]): boolean {
  assertMatrix('isStrictlyLowerTriangular', 'A', A);
  return A.every((row, k) => row.every((v, j) => j < k || v === 0));
}

/** One hidden-layer mask M^l[u', u] = 1[m^l(u') ≥ m^{l−1}(u)] from two degree vectors (003 L667 reconstruction, erratum 003-E81). */
export function madeHiddenMask(degreesOut: number[], degreesIn: number[]): number[][] {
  assertVector('madeHiddenMask', 'degreesOut', degreesOut);
  assertVector('madeHiddenMask', 'degreesIn', degreesIn);
  return degreesOut.map((a) => degreesIn.map((b) => (a >= b ? 1 : 0)));
}

/** The layer-2 mask as printed at 003 L667: rows 3–5 have 6 entries for a 5×5 weight matrix (erratum 003-E81). */
export const SOURCE_L667_MASK = [
  [1, 0, 1, 0, 0],
  [1, 0, 1, 0, 0],
  [1, 1, 1, 1, 0, 0],
  [1, 0, 1, 0, 0, 0],
  [1, 1, 1, 1, 1, 1],
];

/** MADE parameters: weights `Ws[l]` (out×in) and biases `bs[l]` for the hidden layers, read-out V (n×h_L), c (n); masks. */
export interface MadeModel {
  masks: MadeMasks;
  Ws: number[][][];
  bs: number[][];
  V: number[][];
  c: number[];
}

/** Random MADE weights for given masks (entries N(0, scale²), zero biases). */
export function madeInit(masks: MadeMasks, rng: Rng, scale = 0.5): MadeModel {
  if (!(rng instanceof Rng)) throw new TypeError(`madeInit: argument rng must be an Rng (got ${describe(rng)})`);
  const L = masks.masks.length - 1;
  const mat = (M: number[][]) => M.map((r) => r.map(() => scale * rng.normal()));
  return {
    masks,
    Ws: masks.masks.slice(0, L).map(mat),
    bs: masks.masks.slice(0, L).map((M) => new Array(M.length).fill(0)),
    V: mat(masks.masks[L]),
    c: new Array(masks.n).fill(0),
  };
}

const sig = (a: number) => 1 / (1 + Math.exp(-a));

/** Forward pass y = σ((V⊙M^V) h_L + c), h_l = σ((W_l⊙M^l) h_{l−1} + b_l), h_0 = x: y_k = p(x_k = 1 | x_{<k}). */
export function madeForward(model: MadeModel, x: number[]): number[] {
  const n = model.masks.n;
  assertVector('madeForward', 'x', x, n);
  let h: number[] = x.slice();
  model.Ws.forEach((W, l) => {
    const M = model.masks.masks[l];
    h = W.map((row, u) => sig(row.reduce((s, w, v) => s + w * M[u][v] * h[v], model.bs[l][u])));
  });
  const MV = model.masks.masks[model.Ws.length];
  return model.V.map((row, k) => sig(row.reduce((s, w, u) => s + w * MV[k][u] * h[u], model.c[k])));
}

/** log p(x) = Σ_k [x_k log y_k + (1 − x_k) log(1 − y_k)] — one forward pass (003 L669: the sum of cross-entropies). */
export function madeLogProb(model: MadeModel, x: number[]): number {
  assertBinary('madeLogProb', 'x', x, model.masks.n);
  const y = madeForward(model, x);
  return y.reduce((s, yk, k) => s + Math.log(x[k] === 1 ? yk : 1 - yk), 0);
}

/** Sequential sampling (003 L673): n forward passes; pass k reads x_{<k} and draws x_k ~ Bernoulli(y_k). Returns the sample and the pass count. */
export function madeSample(model: MadeModel, rng: Rng): { x: number[]; passes: number } {
  if (!(rng instanceof Rng)) throw new TypeError(`madeSample: argument rng must be an Rng (got ${describe(rng)})`);
  const n = model.masks.n;
  const x = new Array(n).fill(0);
  let passes = 0;
  for (let k = 0; k < n; k++) {
    const y = madeForward(model, x);
    passes++;
    x[k] = rng.uniform() < y[k] ? 1 : 0;
  }
  return { x, passes };
}

/** The forward pass as tfjs ops (for the autodiff Jacobian and training). */
function madeForwardTf(masks: MadeMasks, Ws: tf.Tensor2D[], bs: tf.Tensor1D[], V: tf.Tensor2D, c: tf.Tensor1D, X: tf.Tensor2D): tf.Tensor2D {
  let h: tf.Tensor2D = X;
  Ws.forEach((W, l) => {
    h = tf.sigmoid(tf.add(tf.matMul(h, tf.mul(W, tf.tensor2d(masks.masks[l])), false, true), bs[l])) as tf.Tensor2D;
  });
  return tf.add(tf.matMul(h, tf.mul(V, tf.tensor2d(masks.masks[Ws.length])), false, true), c) as tf.Tensor2D;
}

/**
 * The Jacobian ∂y_k/∂x_j of the output probabilities at x by tfjs autodiff (one tf.grad per output). The autoregressive property
 * holds iff every entry with j ≥ k is exactly 0.
 */
export function madeJacobianTf(model: MadeModel, x: number[]): number[][] {
  const n = model.masks.n;
  assertVector('madeJacobianTf', 'x', x, n);
  return tf.tidy(() => {
    const Ws = model.Ws.map((W) => tf.tensor2d(W));
    const bs = model.bs.map((b) => tf.tensor1d(b));
    const V = tf.tensor2d(model.V);
    const c = tf.tensor1d(model.c);
    const X = tf.tensor2d([x]);
    return Array.from({ length: n }, (_, k) => {
      const g = tf.grad((xx: tf.Tensor) => tf.sigmoid(madeForwardTf(model.masks, Ws, bs, V, c, xx as tf.Tensor2D)).slice([0, k], [1, 1]).sum())(X);
      return Array.from(g.dataSync());
    });
  });
}

/** Options of `madeFit`. */
export interface MadeFitOptions {
  epochs?: number;
  lr?: number;
  batchSize?: number;
  seed?: number;
  onEpoch?: (epoch: number, nll: number) => void;
}

/** A MADE trainer (tfjs variables and one Adam optimizer, kept between epochs); `dispose()` frees them. */
export interface MadeTrainer {
  epoch(): number;
  model(): MadeModel;
  dispose(): void;
}

/** Maximum likelihood by Adam in tfjs (masked weights: gradients flow only through unmasked connections, 003 L669–671). */
export function madeTrainer(model: MadeModel, data: number[][], opts: Omit<MadeFitOptions, 'epochs' | 'onEpoch'> = {}): MadeTrainer {
  const fn = 'madeTrainer';
  const n = model.masks.n;
  if (!Array.isArray(data) || data.length === 0) throw new TypeError(`${fn}: argument data must be a non-empty array of binary vectors (got ${describe(data)})`);
  data.forEach((x, i) => assertBinary(fn, `data[${i}]`, x, n));
  const B = opts.batchSize ?? 64;
  assertInteger(fn, 'opts.batchSize', B, 1, 1e6);
  const Ws = model.Ws.map((W) => tf.variable(tf.tensor2d(W)));
  const bs = model.bs.map((b) => tf.variable(tf.tensor1d(b)));
  const V = tf.variable(tf.tensor2d(model.V));
  const c = tf.variable(tf.tensor1d(model.c));
  const opt = tf.train.adam(opts.lr ?? 0.01);
  const rng = new Rng(opts.seed ?? 0);
  const idx = data.map((_, i) => i);
  return {
    epoch: () => {
      for (let i = idx.length - 1; i > 0; i--) {
        const j = rng.integer(i + 1);
        [idx[i], idx[j]] = [idx[j], idx[i]];
      }
      let tot = 0;
      for (let s = 0; s < idx.length; s += B) {
        const batch = idx.slice(s, s + B).map((i) => data[i]);
        const loss = opt.minimize(
          () =>
            tf.tidy(() => {
              const X = tf.tensor2d(batch);
              const logits = madeForwardTf(model.masks, Ws as unknown as tf.Tensor2D[], bs as unknown as tf.Tensor1D[], V as unknown as tf.Tensor2D, c as unknown as tf.Tensor1D, X);
              return tf.mean(tf.sum(tf.losses.sigmoidCrossEntropy(X, logits, undefined, undefined, tf.Reduction.NONE), 1)) as tf.Scalar;
            }),
          true,
        );
        tot += (loss as tf.Scalar).dataSync()[0] * batch.length;
        loss?.dispose();
      }
      return tot / data.length;
    },
    model: () => ({
      masks: model.masks,
      Ws: Ws.map((W) => W.arraySync() as number[][]),
      bs: bs.map((b) => b.arraySync() as number[]),
      V: V.arraySync() as number[][],
      c: c.arraySync() as number[],
    }),
    dispose: () => {
      [...Ws, ...bs, V, c].forEach((t) => t.dispose());
      opt.dispose();
    },
  };
}

/** `madeTrainer` for `opts.epochs` epochs: the fitted model and the mean NLL per epoch. */
export function madeFit(model: MadeModel, data: number[][], opts: MadeFitOptions = {}): { model: MadeModel; nll: number[] } {
  const epochs = opts.epochs ?? 30;
  assertInteger('madeFit', 'opts.epochs', epochs, 1, 1e6);
  const tr = madeTrainer(model, data, opts);
  const nll: number[] = [];
  for (let e = 0; e < epochs; e++) {
    nll.push(tr.epoch());
    opts.onEpoch?.(e + 1, nll[e]);
  }
  const out = tr.model();
  tr.dispose();
  return { model: out, nll };
}
