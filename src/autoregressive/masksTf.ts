/**
 * Independent cross-check of `receptiveField` by tfjs autodiff (001 Section 1): a randomly initialised stack of masked
 * convolutions (tf.conv2d is a cross-correlation, i.e. "without kernel flipping" as 001 L3 says; padding 'same' = 1 for 3×3),
 * tanh between layers; the receptive field of an output pixel is the set of input pixels where the gradient of that output with
 * respect to the image is non-zero.
 */
import { tf } from '../core/backend';
import { rng as makeRng } from '../core/rng';
import { assertInteger, assertOneOf } from '../core/validate';
import { MaskType, MASK_TYPES, Orientation, ORIENTATIONS, maskedConvKernelMask, pixelIndex, pixelRowCol } from './masks';

/** Options of `receptiveFieldByAutodiff`. */
export interface AutodiffFieldOptions {
  /** Kernel size (odd; default 3). */
  k?: number;
  /** Hidden channels (default 4). */
  channels?: number;
  /** Seed of the random kernels (default 1). */
  seed?: number;
}

/**
 * The input pixels (rc notation, ascending) with a non-zero gradient ∂ out[outputPixel] / ∂ x through a random masked conv net,
 * and the gradient magnitudes as a size×size grid.
 */
export function receptiveFieldByAutodiff(
  layers: MaskType[],
  outputPixel: number,
  size: number,
  orientation: Orientation = 'raster',
  opts: AutodiffFieldOptions = {},
): { field: number[]; gradient: number[][] } {
  const fn = 'receptiveFieldByAutodiff';
  if (!Array.isArray(layers) || layers.length === 0) throw new TypeError(`${fn}: argument layers must be a non-empty array of 'A' | 'B'`);
  layers.forEach((t, i) => assertOneOf(fn, `layers[${i}]`, t, MASK_TYPES));
  assertInteger(fn, 'size', size, 1, 64);
  const [r0, c0] = pixelRowCol(outputPixel, size, fn, 'outputPixel');
  assertOneOf(fn, 'orientation', orientation, ORIENTATIONS);
  const k = opts.k ?? 3;
  const ch = opts.channels ?? 4;
  assertInteger(fn, 'opts.channels', ch, 1, 64);
  const g = makeRng(opts.seed ?? 1);
  const kernels = layers.map((t, l) => {
    const cin = l === 0 ? 1 : ch;
    const cout = l === layers.length - 1 ? 1 : ch;
    const m = maskedConvKernelMask(t, k, orientation);
    const w = new Float32Array(k * k * cin * cout);
    let idx = 0;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) for (let i = 0; i < cin; i++) for (let o = 0; o < cout; o++) w[idx++] = m[a][b] * (0.5 + g.uniform()) * (g.uniform() < 0.5 ? -1 : 1);
    return tf.tensor4d(w, [k, k, cin, cout]);
  });
  const grad = tf.tidy(() => {
    const f = (x: tf.Tensor) => {
      let h = x as tf.Tensor4D;
      kernels.forEach((K, l) => {
        h = tf.conv2d(h, K as tf.Tensor4D, 1, 'same');
        if (l < kernels.length - 1) h = tf.tanh(h);
      });
      return h.slice([0, r0 - 1, c0 - 1, 0], [1, 1, 1, 1]).sum();
    };
    const x = tf.tensor4d(Array.from({ length: size * size }, () => g.uniform(-1, 1)), [1, size, size, 1]);
    return tf.grad(f)(x).reshape([size, size]);
  });
  const gradient = grad.arraySync() as number[][];
  grad.dispose();
  kernels.forEach((K) => K.dispose());
  const field: number[] = [];
  gradient.forEach((row, r) => row.forEach((v, c) => v !== 0 && field.push(pixelIndex(r + 1, c + 1, size))));
  return { field: field.sort((a, b) => a - b), gradient };
}
