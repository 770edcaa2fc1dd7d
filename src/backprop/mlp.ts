/**
 * The reference backpropagation of source 000 Appendix A1 (L1391–1595) for small fully connected sigmoid networks:
 * forward pass (propagation rule x_o = Σ_h w_ho y_h + θ_o, y_o = f(x_o)), the output delta (A1.1), the hidden deltas
 * (A1.2) and their recursion (A1.4), and the SGD update (A1.3) — in the exact form (all deltas from the pre-update weights)
 * and in the source's order (output layer updated first, erratum 000-E05), with the derivative variants of 000-E06.
 * Later topics compare their own backprop with `mlpGradients` (checked against tf.grad in tests/backprop).
 */
import * as tf from '@tensorflow/tfjs';
import { assertFiniteNumber, assertInteger, assertMatrix, assertOneOf, assertPositive, assertVector, describe as describeValue } from '../core/validate';
import { Rng } from '../core/rng';
import { activation, activationDerivative, ActivationName, ACTIVATION_NAMES, DerivativeVariant, DERIVATIVE_VARIANTS } from './activations';

/**
 * A fully connected sigmoid network. `W[l][j][h]` is the weight from unit j of layer l to unit h of layer l+1 (the
 * tutorial's w_jh, w_ho); `theta[l][h]` is the bias θ_h of unit h of layer l+1. Layer 0 is the input.
 */
export interface Mlp {
  W: number[][][];
  theta: number[][];
  /** activation of every non-input layer (one name, or one per weight layer); default 'sigmoid' as in A1 */
  activation?: ActivationName | ActivationName[];
}

/** The activation of weight layer l (validated). */
export function layerActivation(net: Mlp, l: number): ActivationName {
  const a = net.activation ?? 'sigmoid';
  if (Array.isArray(a)) {
    if (a.length !== net.W.length) throw new RangeError(`mlp: argument net.activation must name one activation per layer (${net.W.length}) (got ${a.length})`);
    assertOneOf('mlp', `net.activation[${l}]`, a[l], ACTIVATION_NAMES);
    return a[l];
  }
  assertOneOf('mlp', 'net.activation', a, ACTIVATION_NAMES);
  return a;
}

/** Layer sizes [n₀, n₁, …, n_L] of a network (validated). */
export function mlpSizes(net: Mlp): number[] {
  const fn = 'mlpSizes';
  if (!net || typeof net !== 'object' || !Array.isArray(net.W) || !Array.isArray(net.theta)) {
    throw new TypeError(`${fn}: argument net must be {W: matrices, theta: vectors} (got ${describeValue(net)})`);
  }
  if (net.W.length === 0 || net.W.length !== net.theta.length) {
    throw new RangeError(`${fn}: argument net must have as many bias vectors as weight matrices, at least one (got ${net.W.length} and ${net.theta.length})`);
  }
  const sizes = [net.W[0].length];
  net.W.forEach((Wl, l) => {
    assertMatrix(fn, `net.W[${l}]`, Wl, sizes[l]);
    sizes.push(Wl[0].length);
    assertVector(fn, `net.theta[${l}]`, net.theta[l], Wl[0].length);
    layerActivation(net, l);
  });
  return sizes;
}

/** Deep copy of a network. */
export function cloneMlp(net: Mlp): Mlp {
  const c: Mlp = { W: net.W.map((Wl) => Wl.map((r) => r.slice())), theta: net.theta.map((t) => t.slice()) };
  if (net.activation !== undefined) c.activation = Array.isArray(net.activation) ? net.activation.slice() : net.activation;
  return c;
}

/** Random initial network with weights and biases uniform in (−scale, scale) from a seeded generator. */
export function initMlp(sizes: number[], rng: Rng, scale = 1, activationName?: ActivationName | ActivationName[]): Mlp {
  assertVector('initMlp', 'sizes', sizes);
  if (sizes.length < 2) throw new RangeError(`initMlp: argument sizes must list at least 2 layers (got ${describeValue(sizes)})`);
  sizes.forEach((s, i) => assertInteger('initMlp', `sizes[${i}]`, s, 1, 1e5));
  assertPositive('initMlp', 'scale', scale);
  const W: number[][][] = [];
  const theta: number[][] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    W.push(Array.from({ length: sizes[l] }, () => Array.from({ length: sizes[l + 1] }, () => rng.uniform(-scale, scale))));
    theta.push(Array.from({ length: sizes[l + 1] }, () => rng.uniform(-scale, scale)));
  }
  const net: Mlp = { W, theta };
  if (activationName !== undefined) net.activation = activationName;
  mlpSizes(net);
  return net;
}

export interface Forward {
  /** net inputs x per layer (x[0] is the input itself) */
  x: number[][];
  /** activations y per layer (y[0] = input, y[L] = output) */
  y: number[][];
}

/** Forward pass: x_h = Σ_j w_jh y_j + θ_h, y_h = f(x_h), f = sigmoid (or the net's activation). Source 000 A1, L1395–1405. */
export function mlpForward(net: Mlp, input: ArrayLike<number>): Forward {
  const sizes = mlpSizes(net);
  assertVector('mlpForward', 'input', input, sizes[0]);
  const xs = [Array.from(input)];
  const ys = [Array.from(input)];
  for (let l = 0; l < net.W.length; l++) {
    const prev = ys[l];
    const xl = net.theta[l].map((t, h) => prev.reduce((s, yj, j) => s + net.W[l][j][h] * yj, t));
    xs.push(xl);
    const a = layerActivation(net, l);
    ys.push(xl.map((v) => activation(v, a)));
  }
  return { x: xs, y: ys };
}

/** Squared error ε = Σ_o ½(y_o − v_o)² at the output. Source 000 A1, L1409. */
export function mlpError(output: ArrayLike<number>, target: ArrayLike<number>): number {
  assertVector('mlpError', 'output', output);
  assertVector('mlpError', 'target', target, output.length);
  let s = 0;
  for (let o = 0; o < output.length; o++) s += 0.5 * (output[o] - target[o]) ** 2;
  return s;
}

/**
 * log P(y_o) of the Gaussian reading of the error, summed over outputs. `form: 'exact'`: −½log(2π) − ½(y_o − v_o)²;
 * `form: 'source'`: the tutorial's −½π − ½(y_o − v_o)² (000 A1 L1421, erratum 000-E60). Oracle O-43.
 */
export function outputLogLik(output: ArrayLike<number>, target: ArrayLike<number>, form: 'source' | 'exact' = 'exact'): number {
  assertOneOf('outputLogLik', 'form', form, ['source', 'exact'] as const);
  const c = form === 'source' ? Math.PI / 2 : 0.5 * Math.log(2 * Math.PI);
  return -output.length * c - mlpError(output, target);
}

export interface BackpropOptions {
  /** f'(x) variant: 'exact' y(1−y), 'tutorial' f(f(x))(1 − f(f(x))) (E06, source form), 'unit' f' = 1 (L1595) */
  derivative?: DerivativeVariant;
}

/**
 * The deltas of A1: output δ_o = (v_o − y_o) f'(x_o) (A1.1), hidden δ_h = (Σ_o w_ho δ_o) f'(x_h) (A1.2), and recursively
 * δ_j = (Σ_h w_jh δ_h) f'(x_j) (A1.4). deltas[l] belongs to layer l+1 (deltas[L−1] = output deltas). δ is minus the
 * gradient of ε with respect to the net input (exact variant). Oracle O-42.
 */
export function backpropDeltas(net: Mlp, fwd: Forward, target: ArrayLike<number>, opts: BackpropOptions = {}): number[][] {
  const sizes = mlpSizes(net);
  const variant = opts.derivative ?? 'exact';
  assertOneOf('backpropDeltas', 'derivative', variant, DERIVATIVE_VARIANTS);
  const L = net.W.length;
  assertVector('backpropDeltas', 'target', target, sizes[L]);
  const deltas: number[][] = new Array(L);
  deltas[L - 1] = fwd.y[L].map((yo, o) => (target[o] - yo) * activationDerivative(fwd.x[L][o], variant, layerActivation(net, L - 1)));
  for (let l = L - 2; l >= 0; l--) {
    const a = layerActivation(net, l);
    deltas[l] = fwd.x[l + 1].map((xh, h) => net.W[l + 1][h].reduce((s, w, o) => s + w * deltas[l + 1][o], 0) * activationDerivative(xh, variant, a));
  }
  return deltas;
}

/** Gradients of ε in every weight and bias: ∂ε/∂w_jh = −y_j δ_h, ∂ε/∂θ_h = −δ_h (000 A1, L1441–1449 and (A1.3)). */
export function mlpGradients(net: Mlp, input: ArrayLike<number>, target: ArrayLike<number>, opts: BackpropOptions = {}): { dW: number[][][]; dTheta: number[][]; error: number } {
  const fwd = mlpForward(net, input);
  const deltas = backpropDeltas(net, fwd, target, opts);
  return {
    dW: net.W.map((Wl, l) => Wl.map((row, j) => row.map((_, h) => -fwd.y[l][j] * deltas[l][h]))),
    dTheta: deltas.map((d) => d.map((dh) => -dh)),
    error: mlpError(fwd.y[net.W.length], target),
  };
}

export interface StepOptions extends BackpropOptions {
  /** 'exact': every delta from the pre-update weights, then all updates; 'source': update the output layer first and
   * compute the next deltas with the already-updated weights (the reading of 000 §1.e L116–124, erratum 000-E05) */
  order?: 'exact' | 'source';
}

/**
 * One SGD step (A1.3): w ← w + γ y_prev δ, θ ← θ + γ δ, for one training pair (input, target v). Returns the new network,
 * the deltas used and the forward pass. Oracles O-42 (exact order) and O-44 (source order).
 */
export function bpSgdStep(net: Mlp, input: ArrayLike<number>, target: ArrayLike<number>, gamma: number, opts: StepOptions = {}) {
  assertPositive('bpSgdStep', 'gamma', gamma);
  const order = opts.order ?? 'exact';
  assertOneOf('bpSgdStep', 'order', order, ['exact', 'source'] as const);
  const variant = opts.derivative ?? 'exact';
  const fwd = mlpForward(net, input);
  const L = net.W.length;
  const next = cloneMlp(net);
  let deltas: number[][];
  if (order === 'exact') {
    deltas = backpropDeltas(net, fwd, target, { derivative: variant });
  } else {
    deltas = new Array(L);
    deltas[L - 1] = backpropDeltas(net, fwd, target, { derivative: variant })[L - 1];
    for (let l = L - 2; l >= 0; l--) {
      // the layer above has already been updated (next.W[l + 1]) before this delta is computed
      for (let j = 0; j < next.W[l + 1].length; j++) for (let h = 0; h < deltas[l + 1].length; h++) next.W[l + 1][j][h] += gamma * fwd.y[l + 1][j] * deltas[l + 1][h];
      for (let h = 0; h < deltas[l + 1].length; h++) next.theta[l + 1][h] += gamma * deltas[l + 1][h];
      deltas[l] = fwd.x[l + 1].map((xh, h) => next.W[l + 1][h].reduce((s, w, o) => s + w * deltas[l + 1][o], 0) * activationDerivative(xh, variant, layerActivation(net, l)));
    }
  }
  const first = order === 'exact' ? L - 1 : 0;
  for (let l = first; l >= 0; l--) {
    for (let j = 0; j < next.W[l].length; j++) for (let h = 0; h < deltas[l].length; h++) next.W[l][j][h] += gamma * fwd.y[l][j] * deltas[l][h];
    for (let h = 0; h < deltas[l].length; h++) next.theta[l][h] += gamma * deltas[l][h];
  }
  return { net: next, deltas, forward: fwd, error: mlpError(fwd.y[L], target) };
}

/**
 * The same gradients by tfjs automatic differentiation (float32): ε = ½‖σ(…σ(xW₀ + θ₀)…) − v‖² differentiated with
 * tf.grads — the independent check of the hand-derived `mlpGradients`.
 */
export function mlpGradientsTf(net: Mlp, input: ArrayLike<number>, target: ArrayLike<number>): { dW: number[][][]; dTheta: number[][] } {
  const sizes = mlpSizes(net);
  assertVector('mlpGradientsTf', 'input', input, sizes[0]);
  assertVector('mlpGradientsTf', 'target', target, sizes[sizes.length - 1]);
  return tf.tidy(() => {
    const params = [...net.W.map((Wl) => tf.tensor2d(Wl)), ...net.theta.map((t) => tf.tensor2d([t]))];
    const L = net.W.length;
    const f = (...ps: tf.Tensor[]) => {
      let y: tf.Tensor = tf.tensor2d([Array.from(input)]);
      for (let l = 0; l < L; l++) {
        const u = tf.add(tf.matMul(y as tf.Tensor2D, ps[l] as tf.Tensor2D), ps[L + l]);
        const a = layerActivation(net, l);
        y = a === 'sigmoid' ? tf.sigmoid(u) : a === 'tanh' ? tf.tanh(u) : a === 'relu' ? tf.relu(u) : u;
      }
      return tf.mul(0.5, tf.sum(tf.square(tf.sub(y, tf.tensor2d([Array.from(target)]))))) as tf.Scalar;
    };
    const grads = tf.grads(f)(params);
    return {
      dW: grads.slice(0, L).map((g) => g.arraySync() as number[][]),
      dTheta: grads.slice(L).map((g) => (g.arraySync() as number[][])[0]),
    };
  });
}

/** The XOR data set (inputs and targets) used for A1's training illustration (000 §4.2 plot list for A1). */
export const XOR = { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]] };

export interface TrainOptions extends StepOptions {
  gamma: number;
  epochs: number;
}

/**
 * Per-sample SGD with A1's update over a data set, in a fixed order each epoch. Returns the network and the mean error
 * (1/N) Σ ε after every epoch (index 0 = before training).
 */
export function trainMlp(net0: Mlp, inputs: number[][], targets: number[][], opts: TrainOptions) {
  assertMatrix('trainMlp', 'inputs', inputs);
  assertMatrix('trainMlp', 'targets', targets, inputs.length);
  assertInteger('trainMlp', 'epochs', opts.epochs, 0, 1e7);
  assertFiniteNumber('trainMlp', 'gamma', opts.gamma);
  const meanError = (n: Mlp) => inputs.reduce((s, x, i) => s + mlpError(mlpForward(n, x).y[n.W.length], targets[i]), 0) / inputs.length;
  let net = cloneMlp(net0);
  const losses = [meanError(net)];
  for (let e = 0; e < opts.epochs; e++) {
    for (let i = 0; i < inputs.length; i++) net = bpSgdStep(net, inputs[i], targets[i], opts.gamma, opts).net;
    losses.push(meanError(net));
  }
  return { net, losses };
}

/** The first epoch at which losses[e] < threshold, or null. */
export function epochsToReach(losses: ArrayLike<number>, threshold: number): number | null {
  assertVector('epochsToReach', 'losses', losses);
  assertPositive('epochsToReach', 'threshold', threshold);
  for (let e = 0; e < losses.length; e++) if (losses[e] < threshold) return e;
  return null;
}
