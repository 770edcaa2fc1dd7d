/**
 * Small binary data sets for the AR notebooks: binarised Fashion-MNIST patches (course-wide loader `data.loadFashionMnist`) and
 * samples from a known model (for fits whose truth is known).
 */
import { Rng } from '../core/rng';
import { assertInteger, assertOneOf, describe } from '../core/validate';
import { loadFashionMnist } from '../data';

/**
 * n binarised size×size patches of Fashion-MNIST images (threshold 0.5): image i is cropped at a random offset in the central
 * 20×20 region, so patches rarely are blank. Returns the patches flattened row by row.
 */
export function fashionMnistPatches(n: number, size: number, rng: Rng, opts: { split?: 'train' | 'test' } = {}): number[][] {
  const fn = 'fashionMnistPatches';
  assertInteger(fn, 'n', n, 1, 60000);
  assertInteger(fn, 'size', size, 1, 20);
  if (!(rng instanceof Rng)) throw new TypeError(`${fn}: argument rng must be an Rng (got ${describe(rng)})`);
  const split = opts.split ?? 'train';
  assertOneOf(fn, 'opts.split', split, ['train', 'test']);
  const { x } = loadFashionMnist(n, { split, binarize: true });
  return x.map((img) => {
    const r0 = 4 + rng.integer(20 - size + 1);
    const c0 = 4 + rng.integer(20 - size + 1);
    const out: number[] = [];
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) out.push(img[(r0 + r) * 28 + c0 + c] >= 0.5 ? 1 : 0);
    return out;
  });
}
