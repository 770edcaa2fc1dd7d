/** Figure helpers: image grids. */
import { describe } from '../../core/validate';
import { Figure, Trace } from '../plotly';
import { finiteNumbers, interval, isArrayLike, nonEmptyArray, positiveInt } from '../check';
import { CommonOptions, baseLayout } from './common';
import { finiteMatrix, heatmap } from './heatmap';

export interface ImageGridOptions extends CommonOptions {
  /** Image width in pixels (default 28). */
  imageWidth?: number;
  /** Image height in pixels (default 28). */
  imageHeight?: number;
  /** Images per row (default: ⌈√N⌉, at most 10). */
  cols?: number;
  /** One caption per image. */
  titles?: string[];
  /** Grey range: values ≤ lo are black, ≥ hi white (default [0, 1]). */
  range?: [number, number];
  /** Dark ink on white paper (default false: white on black like MNIST). */
  invert?: boolean;
  /** Pixels between images (default 1). */
  gap?: number;
}

/** A grid of grey images (e.g. decoded VAE/GAN samples, 28×28) as one heatmap montage. */
export function imageGrid(images: ArrayLike<ArrayLike<number> | ArrayLike<ArrayLike<number>>>, opts: ImageGridOptions = {}): Figure {
  const fn = 'imageGrid';
  const list = nonEmptyArray<unknown>(fn, 'images', images);
  const w = positiveInt(fn, 'opts.imageWidth', opts.imageWidth ?? 28, 4096);
  const h = positiveInt(fn, 'opts.imageHeight', opts.imageHeight ?? 28, 4096);
  const range = opts.range ? interval(fn, 'opts.range', opts.range) : ([0, 1] as [number, number]);
  // Titles sit in the gap above each image row: leave them room.
  const gap = opts.gap === undefined ? (opts.titles ? 5 : 1) : opts.gap === 0 ? 0 : positiveInt(fn, 'opts.gap', opts.gap, 100);
  const n = list.length;
  const cols = opts.cols === undefined ? Math.min(10, Math.ceil(Math.sqrt(n))) : positiveInt(fn, 'opts.cols', opts.cols, 1000);
  const rows = Math.ceil(n / cols);
  if (opts.titles !== undefined && (!Array.isArray(opts.titles) || opts.titles.length !== n)) {
    throw new RangeError(`${fn}: opts.titles must have one title per image (${n}) (got ${describe(opts.titles)})`);
  }
  const H = rows * (h + gap) - gap;
  const W = cols * (w + gap) - gap;
  const z: (number | null)[][] = Array.from({ length: H }, () => new Array<number | null>(W).fill(null));
  list.forEach((img, k) => {
    const arg = `images[${k}]`;
    let pix: number[];
    if (isArrayLike(img) && img.length > 0 && isArrayLike((img as ArrayLike<unknown>)[0])) {
      const m = finiteMatrix(fn, arg, Array.from(img as ArrayLike<ArrayLike<number>>));
      if (m.length !== h || m[0].length !== w) throw new RangeError(`${fn}: ${arg} must be ${h}×${w} pixels (got ${m.length}×${m[0].length})`);
      pix = m.flat();
    } else {
      if (!isArrayLike(img)) throw new TypeError(`${fn}: ${arg} must be an array of ${w * h} pixel values or a ${h}×${w} matrix (got ${describe(img)})`);
      if (img.length !== w * h) {
        throw new RangeError(`${fn}: ${arg} must have ${w * h} = ${h}×${w} pixel values (got ${img.length}); set opts.imageWidth/imageHeight for other sizes`);
      }
      pix = finiteNumbers(fn, arg, img);
    }
    const r0 = Math.floor(k / cols) * (h + gap);
    const c0 = (k % cols) * (w + gap);
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) z[r0 + r][c0 + c] = pix[r * w + c];
  });
  const scale: [number, string][] = opts.invert ? [[0, '#ffffff'], [1, '#000000']] : [[0, '#000000'], [1, '#ffffff']];
  const trace: Trace = { type: 'heatmap', z, zmin: range[0], zmax: range[1], colorscale: scale, showscale: false, hovertemplate: 'value %{z}<extra></extra>' };
  const annotations = (opts.titles ?? []).map((t, k) => ({
    text: String(t),
    x: (k % cols) * (w + gap) + (w - 1) / 2,
    y: Math.floor(k / cols) * (h + gap) - 0.5,
    xref: 'x',
    yref: 'y',
    yanchor: 'bottom',
    showarrow: false,
    font: { size: 10 },
  }));
  const cell = Math.max(2, Math.min(8, Math.floor(640 / W)));
  const layout = baseLayout(opts, {
    height: opts.height ?? Math.min(900, H * cell + (opts.title ? 60 : 20) + (opts.titles ? 20 * rows : 0)),
    margin: { l: 10, r: 10, t: opts.title ? 50 : 20, b: 10 },
    annotations,
  });
  layout.xaxis = { visible: false, constrain: 'domain' };
  layout.yaxis = { visible: false, autorange: 'reversed', scaleanchor: 'x', scaleratio: 1, constrain: 'domain' };
  return { data: [trace], layout };
}
