/**
 * Course-wide data sets: Fashion-MNIST from the Debian package `dataset-fashion-mnist` (IDX files, MIT licence), used
 * wherever a source trains on MNIST (004 Example 68.1, 003 RBM/NADE, …). Nothing is downloaded.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { assertInteger, assertOneOf } from '../core/validate';

/** A labelled data set: rows of numbers and an integer label per row. */
export interface LabelledData {
  x: number[][];
  labels: number[];
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
