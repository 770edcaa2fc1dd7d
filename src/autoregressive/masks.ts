/**
 * PixelCNN masked convolutions and their exact receptive fields (source 001, Section 1, L1–58; the mask definitions were lost
 * in the source's conversion at L5 and are reconstructed from van den Oord, Kalchbrenner & Kavukcuoglu, "Pixel Recurrent
 * Neural Networks", ICML 2016, §3.4: mask A excludes the centre, mask B includes it).
 *
 * Conventions (001 L3): a "convolution without kernel flipping" (cross-correlation), odd kernel size k, zero padding (k−1)/2 so
 * that a size×size map stays size×size; output pixel (r, c) reads input pixel (r + a − h, c + b − h) through kernel entry
 * (a, b), h = (k−1)/2. Pixels are named in the source's `rc` notation: row and column from 1, written as one number (34 =
 * row 3, column 4); for size ≥ 10 the column takes as many digits as size has (row 3, column 12 of a 12×12 map → 312).
 *
 * Two orientations: `'raster'` is the standard PixelCNN mask (rows above the centre and the left part of the centre row);
 * `'flipped'` is the same mask flipped vertically (rows below the centre and the left part of the centre row), which is the
 * orientation the source's Steps 1 use (L44: pixel 34 reads 33, 34, 43, 44, 45 through M^B) — see `stepsIntermediateSet`.
 */
import { assertInteger, assertOneOf, describe } from '../core/validate';

export const MASK_TYPES = ['A', 'B'] as const;
export type MaskType = (typeof MASK_TYPES)[number];
export const ORIENTATIONS = ['raster', 'flipped'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

function assertKernelSize(fn: string, k: unknown): asserts k is number {
  assertInteger(fn, 'k', k, 1, 99);
  if ((k as number) % 2 !== 1) throw new RangeError(`${fn}: argument k must be an odd kernel size (got ${k})`);
}

/**
 * The k×k binary PixelCNN mask of type A (centre excluded) or B (centre included), 001 Section 1 (L5, definitions lost;
 * reconstruction: van den Oord et al. 2016, §3.4). For k = 3 raster: M^A = [[1,1,1],[1,0,0],[0,0,0]], M^B = [[1,1,1],[1,1,0],[0,0,0]].
 */
export function maskedConvKernelMask(type: MaskType, k: number, orientation: Orientation = 'raster'): number[][] {
  const fn = 'maskedConvKernelMask';
  assertOneOf(fn, 'type', type, MASK_TYPES);
  assertKernelSize(fn, k);
  assertOneOf(fn, 'orientation', orientation, ORIENTATIONS);
  const h = (k - 1) / 2;
  const raster = Array.from({ length: k }, (_, a) =>
    Array.from({ length: k }, (_, b) => (a < h || (a === h && b < h) || (a === h && b === h && type === 'B') ? 1 : 0)),
  );
  return orientation === 'raster' ? raster : raster.slice().reverse();
}

/** The offsets (Δrow, Δcol) an output pixel reads through a mask (kernel entry (a, b) → (a − h, b − h); no kernel flipping, 001 L3). */
export function maskOffsets(type: MaskType, k: number, orientation: Orientation = 'raster'): [number, number][] {
  const m = maskedConvKernelMask(type, k, orientation);
  const h = (k - 1) / 2;
  const out: [number, number][] = [];
  m.forEach((row, a) => row.forEach((v, b) => v && out.push([a - h, b - h])));
  return out;
}

/** Digits used for the column in the `rc` notation of a size×size map (1 up to size 9). */
function colDigits(size: number): number {
  return String(size).length;
}

/** `rc` index (source 001 Figure 1) of row r, column c (both from 1). */
export function pixelIndex(r: number, c: number, size: number): number {
  const fn = 'pixelIndex';
  assertInteger(fn, 'size', size, 1, 999);
  assertInteger(fn, 'r', r, 1, size);
  assertInteger(fn, 'c', c, 1, size);
  return r * 10 ** colDigits(size) + c;
}

/** Row and column (from 1) of an `rc` pixel index; throws naming `fn`/`arg` when the index is not a pixel of the map. */
export function pixelRowCol(pixel: number, size: number, fn = 'pixelRowCol', arg = 'pixel'): [number, number] {
  assertInteger(fn, 'size', size, 1, 999);
  assertInteger(fn, arg, pixel, 1);
  const base = 10 ** colDigits(size);
  const r = Math.floor(pixel / base);
  const c = pixel % base;
  if (r < 1 || r > size || c < 1 || c > size) {
    throw new RangeError(`${fn}: argument ${arg} must be a pixel rc (row and column in 1..${size}) of the ${size}×${size} map (got ${describe(pixel)})`);
  }
  return [r, c];
}

function assertLayers(fn: string, layers: unknown): asserts layers is MaskType[] {
  if (!Array.isArray(layers)) throw new TypeError(`${fn}: argument layers must be an array of 'A' | 'B' (got ${describe(layers)})`);
  if (layers.length === 0) throw new RangeError(`${fn}: argument layers must not be empty`);
  layers.forEach((t, i) => assertOneOf(fn, `layers[${i}]`, t, MASK_TYPES));
}

/**
 * Per-layer receptive fields of one output pixel through stacked masked convolutions, by exact set propagation from the last
 * layer back to the input (001 Steps 1, L36–44: "merging" the fields of the pixels the last layer reads). `fields[l]` is the
 * set of pixels of the input of layer l (l = 0: the image) the output pixel depends on; `fields[L]` = [outputPixel].
 */
export function receptiveFieldLayers(layers: MaskType[], outputPixel: number, size: number, orientation: Orientation = 'raster', k = 3): number[][] {
  const fn = 'receptiveFieldLayers';
  assertLayers(fn, layers);
  assertInteger(fn, 'size', size, 1, 999);
  const [r0, c0] = pixelRowCol(outputPixel, size, fn, 'outputPixel');
  assertOneOf(fn, 'orientation', orientation, ORIENTATIONS);
  assertKernelSize(fn, k);
  let cur = new Set<string>([`${r0},${c0}`]);
  const fields: number[][] = [[pixelIndex(r0, c0, size)]];
  for (let l = layers.length - 1; l >= 0; l--) {
    const offs = maskOffsets(layers[l], k, orientation);
    const next = new Set<string>();
    for (const key of cur) {
      const [r, c] = key.split(',').map(Number);
      for (const [dr, dc] of offs) {
        const rr = r + dr;
        const cc = c + dc;
        if (rr >= 1 && rr <= size && cc >= 1 && cc <= size) next.add(`${rr},${cc}`);
      }
    }
    cur = next;
    fields.unshift(
      [...cur]
        .map((s) => s.split(',').map(Number))
        .map(([r, c]) => pixelIndex(r, c, size))
        .sort((a, b) => a - b),
    );
  }
  return fields;
}

/**
 * The receptive field in the input image of output pixel `outputPixel` (rc notation) of a stack of masked convolutions
 * (`layers[0]` is the first layer, applied to the image), as ascending rc indices. 001 Section 1 (L3–20, Steps 1 L22–44).
 * Masks of any odd kernel size `k` (default 3, the source's) in both orientations.
 */
export function receptiveField(layers: MaskType[], outputPixel: number, size: number, orientation: Orientation = 'raster', k = 3): number[] {
  return receptiveFieldLayers(layers, outputPixel, size, orientation, k)[0];
}

/**
 * The pixels that precede `outputPixel` in the generation order the masks implement but are NOT in its receptive field —
 * the "blind spot" of stacked masked convolutions (van den Oord et al., "Conditional Image Generation with PixelCNN Decoders",
 * NeurIPS 2016, §2.2). Order: raster = rows top to bottom, left to right; flipped = rows bottom to top, left to right.
 */
export function blindSpot(layers: MaskType[], outputPixel: number, size: number, orientation: Orientation = 'raster', k = 3): number[] {
  const fn = 'blindSpot';
  const field = new Set(receptiveField(layers, outputPixel, size, orientation, k));
  const [r0, c0] = pixelRowCol(outputPixel, size, fn, 'outputPixel');
  const out: number[] = [];
  for (let r = 1; r <= size; r++) {
    for (let c = 1; c <= size; c++) {
      const before = orientation === 'raster' ? r < r0 || (r === r0 && c < c0) : r > r0 || (r === r0 && c < c0);
      const idx = pixelIndex(r, c, size);
      if (before && !field.has(idx)) out.push(idx);
    }
  }
  return out;
}

/** A size×size 0/1 grid (row 1 first) with 1 on the given rc pixels — for heatmaps. */
export function fieldGrid(pixels: number[], size: number): number[][] {
  const g = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  pixels.forEach((p, i) => {
    const [r, c] = pixelRowCol(p, size, 'fieldGrid', `pixels[${i}]`);
    g[r - 1][c - 1] = 1;
  });
  return g;
}

/** The four cases of 001 Section 1 (first-layer mask, second-layer mask). */
export const FOUR_CASES: [MaskType, MaskType][] = [
  ['A', 'A'],
  ['A', 'B'],
  ['B', 'A'],
  ['B', 'B'],
];

/** The intermediate set the source's Steps 1 state for case 2 (L44): output 34 reads first-layer pixels 33, 34, 43, 44, 45 through M^B. */
export const STEPS_INTERMEDIATE_SET = [33, 34, 43, 44, 45];

/**
 * Which orientation reproduces the source's intermediate set of Steps 1 (case 2, (A, B), output 34): the pixels of the first
 * layer's output that output 34 reads through M^B, in each orientation, and whether they equal {33, 34, 43, 44, 45}.
 */
export function stepsIntermediateSet(): { orientation: Orientation; set: number[]; matchesSource: boolean }[] {
  return ORIENTATIONS.map((o) => {
    const set = receptiveFieldLayers(['A', 'B'], 34, 5, o)[1];
    return { orientation: o, set, matchesSource: set.length === STEPS_INTERMEDIATE_SET.length && set.every((v, i) => v === STEPS_INTERMEDIATE_SET[i]) };
  });
}
