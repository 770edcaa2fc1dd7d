/**
 * Small fully connected tfjs networks for the hybrid models of source 002 §10.5–10.6 (VAE/GAN, adversarial autoencoder):
 * layers y ← act(yW + b), He-initialised from a seeded `core.rng`, ReLU hidden layers and a chosen output. Internal to
 * `gan` (the hybrids' encoders, decoders and discriminators); Sayed's book-convention networks are `listings.ts`.
 */
import { tf } from '../core/backend';
import { assertInteger, assertVector, describe } from '../core/validate';
import { Rng } from '../core/rng';

/** A dense network: [W₁, b₁, W₂, b₂, …] as tfjs variables. */
export interface TfMlp {
  sizes: number[];
  vars: tf.Variable[];
}

/** He-initialised network of the given sizes (at least an input and an output size). */
export function createTfMlp(fn: string, sizes: number[], rng: Rng): TfMlp {
  assertVector(fn, 'sizes', sizes);
  if (sizes.length < 2) throw new RangeError(`${fn}: sizes must list at least 2 layers (got ${describe(sizes)})`);
  sizes.forEach((s, i) => assertInteger(fn, `sizes[${i}]`, s, 1, 1e5));
  const vars = sizes.slice(0, -1).flatMap((n, l) => [
    tf.variable(tf.randomNormal([n, sizes[l + 1]], 0, Math.sqrt(2 / n), 'float32', rng.tfSeed())),
    tf.variable(tf.zeros([sizes[l + 1]])),
  ]);
  return { sizes: sizes.slice(), vars };
}

/** Forward pass with ReLU hidden layers; `out` is the last layer's activation. Returns every layer's output (index 0 = input). */
export function tfMlpLayers(net: TfMlp, x: tf.Tensor2D, out: 'linear' | 'tanh' = 'linear'): tf.Tensor2D[] {
  const ys: tf.Tensor2D[] = [x];
  const L = net.vars.length / 2;
  for (let l = 0; l < L; l++) {
    const z = tf.add(tf.matMul(ys[l], net.vars[2 * l] as tf.Variable<tf.Rank.R2>), net.vars[2 * l + 1]) as tf.Tensor2D;
    ys.push(l < L - 1 ? tf.relu(z) : out === 'tanh' ? tf.tanh(z) : z);
  }
  return ys;
}

/** The network's output. */
export function tfMlp(net: TfMlp, x: tf.Tensor2D, out: 'linear' | 'tanh' = 'linear'): tf.Tensor2D {
  const ys = tfMlpLayers(net, x, out);
  return ys[ys.length - 1];
}

/** Rows of a non-empty numeric matrix with `cols` columns (a TypeError/RangeError naming fn and arg otherwise). */
export function assertRows(fn: string, arg: string, rows: unknown, cols: number): asserts rows is number[][] {
  if (!Array.isArray(rows) || rows.length === 0) throw new TypeError(`${fn}: argument ${arg} must be a non-empty array of rows (got ${describe(rows)})`);
  rows.forEach((r, i) => assertVector(fn, `${arg}[${i}]`, r, cols));
}
