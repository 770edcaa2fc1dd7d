/**
 * Data for the VAE notebooks: a 2-D toy set with classes (lifted into R^D) and a loader for Fashion-MNIST from the Debian
 * package `dataset-fashion-mnist` (IDX files; MIT licence). Fashion-MNIST stands in where the sources use MNIST
 * (004 Example 68.1). Nothing is downloaded.
 * The Fashion-MNIST loader lives in the course-wide `src/data/` and is re-exported here for the VAE notebooks.
 */
import { Rng } from '../core/rng';
import { assertInteger, assertOneOf, assertPositive, describe } from '../core/validate';

import { LabelledData } from '../data/fashionMnist';
export { LabelledData, loadFashionMnist, fashionMnistDir, FASHION_MNIST_CLASSES } from '../data/fashionMnist';

/**
 * n points of 4 Gaussian blobs in the plane (centres (±2, ±2), standard deviation `spread`), optionally lifted to R^D by a
 * fixed matrix with orthonormal columns plus N(0, noise²) in every coordinate. Labels 0..3 are the blobs.
 */
export function toyBlobs(n: number, rng: Rng, opts: { dim?: number; spread?: number; noise?: number } = {}): LabelledData & { plane: number[][] } {
  const fn = 'toyBlobs';
  assertInteger(fn, 'n', n, 1);
  if (!rng || typeof (rng as Partial<Rng>).normal !== 'function') throw new TypeError(`${fn}: rng must be a seeded generator from core.rng(seed) (got ${describe(rng)})`);
  const D = opts.dim ?? 2;
  assertInteger(fn, 'opts.dim', D, 2, 4096);
  const spread = opts.spread ?? 0.5;
  assertPositive(fn, 'opts.spread', spread);
  const noise = opts.noise ?? 0.05;
  if (!(typeof noise === 'number' && noise >= 0 && Number.isFinite(noise))) throw new RangeError(`${fn}: opts.noise must be a finite number >= 0 (got ${describe(noise)})`);
  const centres = [[2, 2], [-2, 2], [-2, -2], [2, -2]];
  // lifting: two orthonormal columns in R^D built deterministically (Gram–Schmidt on fixed vectors)
  const u = Array.from({ length: D }, (_, i) => Math.cos(1 + 0.7 * i));
  const v0 = Array.from({ length: D }, (_, i) => Math.sin(2 + 1.3 * i));
  const nu = Math.hypot(...u);
  const un = u.map((t) => t / nu);
  const proj = v0.reduce((s, t, i) => s + t * un[i], 0);
  const v1 = v0.map((t, i) => t - proj * un[i]);
  const nv = Math.hypot(...v1);
  const vn = v1.map((t) => t / nv);
  const x: number[][] = [];
  const plane: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = rng.integer(4);
    const p = [centres[c][0] + spread * rng.normal(), centres[c][1] + spread * rng.normal()];
    plane.push(p);
    labels.push(c);
    x.push(D === 2 ? p.map((t) => t + noise * rng.normal()) : un.map((a, j) => a * p[0] + vn[j] * p[1] + noise * rng.normal()));
  }
  return { x, labels, plane };
}

