/**
 * Data for the VAE notebooks: a 2-D toy set with classes (lifted into R^D) and a loader for Fashion-MNIST from the Debian
 * package `dataset-fashion-mnist` (IDX files; MIT licence). Fashion-MNIST stands in where the sources use MNIST
 * (004 Example 68.1). Nothing is downloaded.
 * Note for the lead: a course-wide `src/data/` (DESIGN.md) should own the IDX loader; this one can move there.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { Rng } from '../core/rng';
import { assertInteger, assertOneOf, assertPositive, describe } from '../core/validate';

/** A labelled data set: rows of numbers and an integer label per row. */
export interface LabelledData {
  x: number[][];
  labels: number[];
}

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

/** Where the Debian package installs Fashion-MNIST (override with DGMLAB_FASHION_MNIST). */
export function fashionMnistDir(): string {
  return process.env.DGMLAB_FASHION_MNIST || '/usr/share/datasets/fashion-mnist';
}

/** The ten Fashion-MNIST class names. */
export const FASHION_MNIST_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'] as const;

function readIdx(file: string): Buffer {
  if (!fs.existsSync(file)) {
    throw new Error(`loadFashionMnist: ${file} not found — install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist) or set DGMLAB_FASHION_MNIST`);
  }
  return zlib.gunzipSync(fs.readFileSync(file));
}

/**
 * The first n images (28×28, flattened to 784 values in [0, 1]) and labels of the train or test split. With `binarize`,
 * pixels become 0/1 at threshold 0.5 (for a Bernoulli decoder).
 */
export function loadFashionMnist(n: number, opts: { split?: 'train' | 'test'; binarize?: boolean } = {}): LabelledData {
  const fn = 'loadFashionMnist';
  const split = opts.split ?? 'train';
  assertOneOf(fn, 'opts.split', split, ['train', 'test']);
  const max = split === 'train' ? 60000 : 10000;
  assertInteger(fn, 'n', n, 1, max);
  const prefix = split === 'train' ? 'train' : 't10k';
  const img = readIdx(path.join(fashionMnistDir(), `${prefix}-images-idx3-ubyte.gz`));
  const lab = readIdx(path.join(fashionMnistDir(), `${prefix}-labels-idx1-ubyte.gz`));
  if (img.readUInt32BE(0) !== 2051 || lab.readUInt32BE(0) !== 2049) throw new Error(`${fn}: the files are not IDX image/label files`);
  const rows = img.readUInt32BE(8);
  const cols = img.readUInt32BE(12);
  const size = rows * cols;
  const x: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const off = 16 + i * size;
    const row = new Array<number>(size);
    for (let p = 0; p < size; p++) {
      const v = img[off + p] / 255;
      row[p] = opts.binarize ? (v >= 0.5 ? 1 : 0) : v;
    }
    x.push(row);
    labels.push(lab[8 + i]);
  }
  return { x, labels };
}
