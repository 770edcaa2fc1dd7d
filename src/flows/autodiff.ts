/**
 * tfjs autodiff of the flow log-likelihoods (design principle 2: every hand gradient is checked against `tf.grads`). Each
 * function writes the log-likelihood with tfjs ops, independently of the hand-derived formulas, and returns the autodiff gradient
 * as plain numbers (float32: agree with the float64 hand gradients to about 1e-4 relative).
 */
import { tf } from '../core/backend';
import { assertVector, describe } from '../core/validate';
import type { Matrix } from '../core/linalg';
import type { PlanarParams, RadialParams } from './planarRadial';
import type { LinearCouplingParams } from './coupling';
import { assertMask, splitByMask } from './coupling';
import type { SigmoidLayerParams } from './gradients';
import { assertLayerParams } from './layers';

type T = tf.Tensor;
const LOG_2PI = Math.log(2 * Math.PI);

function stdNormalLogPdf(z: T): T {
  return tf.sub(tf.mul(-0.5, tf.sum(tf.square(z))), 0.5 * z.size * LOG_2PI);
}

/** The rows of a matrix tensor by slicing (tf.unstack's gradient double-counts here in tfjs 4: avoided). */
function rowsOf(M: T, n: number, m: number): T[] {
  return Array.from({ length: n }, (_, i) => M.slice([i, 0], [1, m]).reshape([m]));
}

/** log|det A| of a small square tensor by Gaussian elimination (tfjs has no determinant op with a gradient). */
function logAbsDet(A: T, n: number): T {
  // Unrolled elimination without pivoting on small matrices (the test matrices are well conditioned).
  let rows: T[] = rowsOf(A, n, n);
  let acc: T = tf.scalar(0);
  for (let k = 0; k < n; k++) {
    const piv = rows[k].slice([k], [1]).reshape([]);
    acc = tf.add(acc, tf.log(tf.abs(piv)));
    rows = rows.map((r, i) => (i > k ? tf.sub(r, tf.mul(tf.div(r.slice([k], [1]).reshape([]), piv), rows[k])) : r));
  }
  return acc;
}

/** Solve A z = b for a small square tensor (Gauss–Jordan without pivoting). */
function solveSmall(A: T, b: T, n: number): T {
  let rows: T[] = rowsOf(tf.concat([A, b.reshape([n, 1])], 1), n, n + 1);
  for (let k = 0; k < n; k++) {
    const piv = rows[k].slice([k], [1]).reshape([]);
    rows[k] = tf.div(rows[k], piv);
    rows = rows.map((r, i) => (i !== k ? tf.sub(r, tf.mul(r.slice([k], [1]).reshape([]), rows[k])) : r));
  }
  return tf.stack(rows.map((r) => r.slice([n], [1]).reshape([])));
}

/** Autodiff gradient of the mean log-likelihood of the scalar flow x = σ(φz + δ) over xs: { phi, delta }. */
export function scalarFlowGradAutodiff(xs: ArrayLike<number>, phi: number, delta: number): { phi: number; delta: number } {
  assertVector('scalarFlowGradAutodiff', 'xs', xs);
  return tf.tidy(() => {
    const x = tf.tensor1d(Array.from(xs));
    const f = (p: T, d: T) => {
      const v = tf.sub(tf.log(x), tf.log1p(tf.neg(x)));
      const z = tf.div(tf.sub(v, d), p);
      const logJ = tf.sub(tf.neg(tf.add(tf.log(x), tf.log1p(tf.neg(x)))), tf.log(tf.abs(p)));
      return tf.mean(tf.add(tf.sub(tf.mul(-0.5, tf.square(z)), 0.5 * LOG_2PI), logJ));
    };
    const [gp, gd] = tf.grads(f)([tf.scalar(phi), tf.scalar(delta)]);
    return { phi: gp.dataSync()[0], delta: gd.dataSync()[0] };
  });
}

/** log P(x) of a finite flow of affine-sigmoid layers as a tfjs expression of the layers' parameter tensors. */
function finiteFlowLogLikTf(x: number[], Phis: T[], deltas: T[], n: number): T {
  let cur: T = tf.tensor1d(x);
  let acc: T = tf.scalar(0);
  for (let k = Phis.length - 1; k >= 0; k--) {
    const v = tf.sub(tf.log(cur), tf.log1p(tf.neg(cur)));
    acc = tf.add(acc, tf.sub(tf.sum(tf.neg(tf.add(tf.log(cur), tf.log1p(tf.neg(cur))))), logAbsDet(Phis[k], n)));
    cur = solveSmall(Phis[k], tf.sub(v, deltas[k]), n);
  }
  return tf.add(stdNormalLogPdf(cur), acc);
}

/** Autodiff gradient of log P(x) for a finite flow of affine-sigmoid layers (K = 1: the layer x = σ(Φz + δ) of 000 O-08/O-09). */
export function finiteFlowGradAutodiff(layers: SigmoidLayerParams[], x: ArrayLike<number>): { Phi: Matrix; delta: number[] }[] {
  if (!Array.isArray(layers) || layers.length === 0) throw new RangeError(`finiteFlowGradAutodiff: layers must be a non-empty array (got ${describe(layers)})`);
  layers.forEach((l, k) => assertLayerParams(`finiteFlowGradAutodiff (layers[${k}])`, l?.Phi, l?.delta));
  const n = layers[0].Phi.length;
  assertVector('finiteFlowGradAutodiff', 'x', x, n);
  return tf.tidy(() => {
    const args = [...layers.map((l) => tf.tensor2d(l.Phi)), ...layers.map((l) => tf.tensor1d(l.delta))];
    const K = layers.length;
    const g = tf.grads((...ts: T[]) => finiteFlowLogLikTf(Array.from(x), ts.slice(0, K), ts.slice(K), n))(args);
    return layers.map((_, k) => ({ Phi: g[k].arraySync() as Matrix, delta: Array.from(g[K + k].dataSync()) }));
  });
}

/** Autodiff gradient of log P(x) for one coupling layer with affine s, t (compare linearCouplingGrad). */
export function linearCouplingGradAutodiff(mask: number[], p: LinearCouplingParams, x: ArrayLike<number>): LinearCouplingParams {
  assertMask('linearCouplingGradAutodiff', mask);
  assertVector('linearCouplingGradAutodiff', 'x', x, mask.length);
  const { x1, x2 } = splitByMask(mask, x);
  return tf.tidy(() => {
    const X1 = tf.tensor1d(x1);
    const X2 = tf.tensor1d(x2);
    const f = (Ws: T, bs: T, Wt: T, bt: T) => {
      const s = tf.add(tf.squeeze(tf.matMul(Ws, X1.reshape([-1, 1]))), bs).reshape([-1]);
      const t = tf.add(tf.squeeze(tf.matMul(Wt, X1.reshape([-1, 1]))), bt).reshape([-1]);
      const z2 = tf.mul(tf.sub(X2, t), tf.exp(tf.neg(s)));
      return tf.sub(stdNormalLogPdf(tf.concat([X1, z2])), tf.sum(s));
    };
    const [gWs, gbs, gWt, gbt] = tf.grads(f)([tf.tensor2d(p.Ws), tf.tensor1d(p.bs), tf.tensor2d(p.Wt), tf.tensor1d(p.bt)]);
    return { Ws: gWs.arraySync() as Matrix, bs: Array.from(gbs.dataSync()), Wt: gWt.arraySync() as Matrix, bt: Array.from(gbt.dataSync()) };
  });
}

/** Autodiff gradient of log p(x) for the planar map in the normalising direction (compare planarLogLikGrad). */
export function planarLogLikGradAutodiff(p: PlanarParams, x: ArrayLike<number>): { u: number[]; w: number[]; b: number } {
  assertVector('planarLogLikGradAutodiff', 'x', x);
  return tf.tidy(() => {
    const X = tf.tensor1d(Array.from(x));
    const f = (u: T, w: T, b: T) => {
      const t = tf.tanh(tf.add(tf.sum(tf.mul(w, X)), b));
      const y = tf.add(X, tf.mul(u, t));
      const m = tf.add(1, tf.mul(tf.sub(1, tf.square(t)), tf.sum(tf.mul(u, w))));
      return tf.add(stdNormalLogPdf(y), tf.log(tf.abs(m)));
    };
    const [gu, gw, gb] = tf.grads(f)([tf.tensor1d(p.u), tf.tensor1d(p.w), tf.scalar(p.b)]);
    return { u: Array.from(gu.dataSync()), w: Array.from(gw.dataSync()), b: gb.dataSync()[0] };
  });
}

/** Autodiff gradient of log p(x) for the radial map in the normalising direction (compare radialLogLikGrad). */
export function radialLogLikGradAutodiff(p: RadialParams, x: ArrayLike<number>): { alpha: number; beta: number; z0: number[] } {
  assertVector('radialLogLikGradAutodiff', 'x', x);
  const D = x.length;
  return tf.tidy(() => {
    const X = tf.tensor1d(Array.from(x));
    const f = (z0: T, a: T, b: T) => {
      const d = tf.sub(X, z0);
      const r = tf.sqrt(tf.sum(tf.square(d)));
      const h = tf.div(1, tf.add(a, r));
      const y = tf.add(X, tf.mul(tf.mul(b, h), d));
      const e = tf.add(1, tf.mul(b, h));
      const q = tf.add(1, tf.mul(tf.mul(a, b), tf.square(h)));
      return tf.add(tf.add(stdNormalLogPdf(y), tf.mul(D - 1, tf.log(tf.abs(e)))), tf.log(tf.abs(q)));
    };
    const [gz0, ga, gb] = tf.grads(f)([tf.tensor1d(p.z0), tf.scalar(p.alpha), tf.scalar(p.beta)]);
    return { z0: Array.from(gz0.dataSync()), alpha: ga.dataSync()[0], beta: gb.dataSync()[0] };
  });
}

/** Autodiff gradient of the mean log-likelihood of x = a u + b (1-D affine flow, 002 NF1) over xs: { a, b }. */
export function affineFlowGradAutodiff(xs: ArrayLike<number>, a: number, b: number): { a: number; b: number } {
  assertVector('affineFlowGradAutodiff', 'xs', xs);
  return tf.tidy(() => {
    const X = tf.tensor1d(Array.from(xs));
    const f = (A: T, B: T) => tf.mean(tf.sub(tf.sub(tf.mul(-0.5, tf.square(tf.div(tf.sub(X, B), A))), 0.5 * LOG_2PI), tf.log(tf.abs(A))));
    const [ga, gb] = tf.grads(f)([tf.scalar(a), tf.scalar(b)]);
    return { a: ga.dataSync()[0], b: gb.dataSync()[0] };
  });
}
