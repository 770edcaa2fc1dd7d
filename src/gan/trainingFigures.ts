/**
 * Figures of the GAN-B notebooks (training as the sources do it): samples during training (animation), modes covered
 * over time, the discriminator's output surface on 2-D data, training curves of the listings, 1-D histograms.
 */
import { linePlot, animation, scatter, histogram, imageGrid } from '../display/figures';
import type { Figure, Trace } from '../display/plotly';
import { assertInteger, describe } from '../core/validate';
import { ListingRecord, SayedNet, sayedDiscriminate } from './listings';
import { ringCenters, RingOptions } from './ring';
import { ConditionalGanTrainer } from './conditional';
import { Rng } from '../core/rng';

/** A snapshot of generated 2-D samples at some iteration. */
export interface SampleSnapshot {
  iteration: number;
  samples: number[][];
}

function checkSnapshots(fn: string, s: unknown): asserts s is SampleSnapshot[] {
  if (!Array.isArray(s) || s.length === 0) throw new RangeError(`${fn}: snapshots must be a non-empty array of {iteration, samples} (got ${describe(s)})`);
}

/** The traces of one ring snapshot: generated samples and the mode centres. */
function ringTraces(samples: number[][], centers: number[][]): Trace[] {
  return [
    { type: 'scatter', mode: 'markers', x: samples.map((p) => p[0]), y: samples.map((p) => p[1]), name: 'generated', marker: { size: 3, opacity: 0.5, color: '#1f77b4' } },
    { type: 'scatter', mode: 'markers', x: centers.map((p) => p[0]), y: centers.map((p) => p[1]), name: 'mode centres', marker: { size: 10, symbol: 'x', color: '#d62728' } },
  ];
}

/** One frame: generated samples on the ring with the mode centres (the live-training picture). */
export function ringSamplesFigure(samples: number[][], title = 'Generated samples', opts: RingOptions = {}): Figure {
  if (!Array.isArray(samples) || samples.length === 0) throw new RangeError(`ringSamplesFigure: samples must be a non-empty array of 2-D points (got ${describe(samples)})`);
  const c = ringCenters(opts);
  const R = Math.max(...c.map((p) => Math.hypot(p[0], p[1]))) * 1.6;
  return {
    data: ringTraces(samples, c),
    layout: { title: { text: title }, height: 420, width: 460, xaxis: { range: [-R, R] }, yaxis: { range: [-R, R], scaleanchor: 'x' } },
  };
}

/** Animation of generated samples over training (one frame per snapshot, fixed axes). */
export function ringAnimationFigure(snapshots: SampleSnapshot[], opts: RingOptions = {}): Figure {
  checkSnapshots('ringAnimationFigure', snapshots);
  const c = ringCenters(opts);
  const R = Math.max(...c.map((p) => Math.hypot(p[0], p[1]))) * 1.6;
  const fig = animation(snapshots.map((s) => ringTraces(s.samples, c)), { labels: snapshots.map((s) => `it ${s.iteration}`), title: 'Generated samples during training (press play)', fixAxes: false });
  fig.layout = { ...fig.layout, xaxis: { range: [-R, R] }, yaxis: { range: [-R, R], scaleanchor: 'x' }, height: 480, width: 520 };
  return fig;
}

/** Modes covered (left axis) and the quality score over training. */
export function modesOverTimeFigure(records: { iteration: number; covered: number; quality: number }[], modes = 8): Figure {
  if (!Array.isArray(records) || records.length === 0) throw new RangeError(`modesOverTimeFigure: records must be a non-empty array (got ${describe(records)})`);
  assertInteger('modesOverTimeFigure', 'modes', modes, 1);
  const it = records.map((r) => r.iteration);
  return linePlot(
    [
      { x: it, y: records.map((r) => r.covered / modes), name: `modes covered / ${modes}`, mode: 'lines+markers' },
      { x: it, y: records.map((r) => r.quality), name: 'quality (fraction within 3σ of a mode)', mode: 'lines+markers' },
    ],
    { title: 'Mode coverage during training', xLabel: 'outer iteration m', yLabel: 'fraction' },
  );
}

/** The discriminator's output γ̂(1) = D(h) over a 2-D box (filled contours) with real and generated samples on top. */
export function discriminatorSurfaceFigure(D: SayedNet, reals: number[][], fakes: number[][], range: [number, number] = [-3.2, 3.2], grid = 50): Figure {
  assertInteger('discriminatorSurfaceFigure', 'grid', grid, 2, 400);
  const sets = [
    { x: reals.map((p) => p[0]), y: reals.map((p) => p[1]), name: 'real', color: '#2ca02c', size: 3 },
    { x: fakes.map((p) => p[0]), y: fakes.map((p) => p[1]), name: 'generated', color: '#d62728', size: 3 },
  ];
  const fig = scatter(sets, { density: (x, y) => sayedDiscriminate(D, [[x, y]])[0], grid, levels: 10, xRange: range, yRange: range, equalAxes: true, title: 'Discriminator output D(h) = γ̂(1) with real and generated samples' });
  const c = fig.data.find((t) => t.type === 'contour');
  if (c) Object.assign(c, { contours: { coloring: 'heatmap', start: 0, end: 1, size: 0.1 }, colorscale: 'RdBu', showscale: true, zmin: 0, zmax: 1, name: 'D(h)' });
  return fig;
}

/** Curves of the listings' run: risk of D, objective of G, mean D on real and fake (→ ½ at the game's solution). */
export function listingCurvesFigure(history: ListingRecord[], every = 1): Figure {
  if (!Array.isArray(history) || history.length === 0) throw new RangeError(`listingCurvesFigure: history must be a non-empty array of records (got ${describe(history)})`);
  assertInteger('listingCurvesFigure', 'every', every, 1);
  const h = history.filter((_, i) => i % every === 0);
  const it = h.map((r) => r.iteration);
  return linePlot(
    [
      { x: it, y: h.map((r) => r.discriminatorRisk), name: 'D risk (68.121)' },
      { x: it, y: h.map((r) => r.generatorObjective), name: 'G objective' },
      { x: it, y: h.map((r) => r.meanDReal), name: 'mean γ̂(1) on real' },
      { x: it, y: h.map((r) => r.meanDFake), name: 'mean γ̂(1) on fake' },
      { x: [it[0], it[it.length - 1]], y: [0.5, 0.5], name: '½', dash: 'dot', color: '#7f7f7f' },
      { x: [it[0], it[it.length - 1]], y: [Math.log(2), Math.log(2)], name: 'ln 2 (D risk at the solution)', dash: 'dash', color: '#7f7f7f' },
    ],
    { title: 'Training curves of listings (68.160)–(68.161)', xLabel: 'outer iteration m', yLabel: 'value' },
  );
}

/** Histograms of 1-D generated samples over training against the data density (animation). */
export function histogramAnimationFigure(snapshots: { iteration: number; samples: number[] }[], dataPdf: (x: number) => number, range: [number, number]): Figure {
  if (!Array.isArray(snapshots) || snapshots.length === 0) throw new RangeError(`histogramAnimationFigure: snapshots must be a non-empty array (got ${describe(snapshots)})`);
  const figs = snapshots.map((s) => histogram(s.samples, { bins: 40, range, density: dataPdf, densityName: 'data density', name: 'generated', norm: 'density' }));
  const fig = animation(figs, { labels: snapshots.map((s) => `it ${s.iteration}`), title: 'Generated samples during training (press play)' });
  fig.layout = { ...fig.layout, xaxis: { range } };
  return fig;
}

/** A grid of images with per-image min–max scaling (Fig. 68.20's display convention). */
export function minMaxImageGrid(images: number[][], side = 28, cols = 16, title = 'Generated images (each min–max scaled)'): Figure {
  if (!Array.isArray(images) || images.length === 0) throw new RangeError(`minMaxImageGrid: images must be a non-empty array (got ${describe(images)})`);
  const scaled = images.map((im) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of im) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const s = hi > lo ? 1 / (hi - lo) : 0;
    return im.map((v) => (v - lo) * s);
  });
  return imageGrid(scaled, { imageWidth: side, imageHeight: side, cols, range: [0, 1], title });
}

/** Critic estimates of W₁ against the truth: one marker series per method, the identity line as the truth. */
export function w1EstimatesFigure(rows: { m: number; truth: number; estimates: Record<string, number> }[]): Figure {
  if (!Array.isArray(rows) || rows.length === 0) throw new RangeError(`w1EstimatesFigure: rows must be a non-empty array (got ${describe(rows)})`);
  const names = Object.keys(rows[0].estimates);
  return linePlot(
    [
      { x: rows.map((r) => r.m), y: rows.map((r) => r.truth), name: 'true W₁ = |m|', dash: 'dash', color: '#7f7f7f' },
      ...names.map((n) => ({ x: rows.map((r) => r.m), y: rows.map((r) => r.estimates[n]), name: n, mode: 'lines+markers' as const })),
    ],
    { title: 'Critic estimates of W₁(N(0, 1), N(m, 1))', xLabel: 'm', yLabel: 'mean D(real) − mean D(fake)' },
  );
}

/** Points generated for each requested class (one colour per class) with the mode centres. */
export function conditionalSamplesFigure(trainer: ConditionalGanTrainer, perClass = 100, title?: string): Figure {
  assertInteger('conditionalSamplesFigure', 'perClass', perClass, 1, 1e5);
  const r = new Rng(3);
  const sets = Array.from({ length: trainer.C }, (_, c) => {
    const pts = trainer.generate(new Array(perClass).fill(c), r);
    return { x: pts.map((p) => p[0]), y: pts.map((p) => p[1]), name: `class ${c}`, size: 3 };
  });
  const cen = ringCenters({ modes: trainer.C });
  sets.push({ x: cen.map((p) => p[0]), y: cen.map((p) => p[1]), name: 'mode centres', size: 9 });
  return scatter(sets, { title: title ?? `Samples per requested class (form '${trainer.form}')`, xRange: [-3.2, 3.2], yRange: [-3.2, 3.2], equalAxes: true });
}

/**
 * The adversarial autoencoder's picture (source 002 Fig. 10.5; Makhzani et al. 2016, Fig. 4): draws from the prior (grey)
 * under the codes Enc(x) of data points, one colour per data cluster/class, with the prior's mode centres.
 */
export function aggregatePosteriorFigure(codes: number[][], labels: number[], prior: number[][], opts: RingOptions & { title?: string } = {}): Figure {
  const fn = 'aggregatePosteriorFigure';
  if (!Array.isArray(codes) || codes.length === 0) throw new RangeError(`${fn}: codes must be a non-empty array of 2-D points (got ${describe(codes)})`);
  if (!Array.isArray(labels) || labels.length !== codes.length) throw new RangeError(`${fn}: labels must hold one label per code (${codes.length}) (got ${describe(labels)})`);
  if (!Array.isArray(prior) || prior.length === 0) throw new RangeError(`${fn}: prior must be a non-empty array of 2-D points (got ${describe(prior)})`);
  const c = ringCenters(opts);
  const R = Math.max(...c.map((p) => Math.hypot(p[0], p[1])), ...codes.map((p) => Math.min(6, Math.hypot(p[0], p[1])))) * 1.25;
  const classes = [...new Set(labels)].sort((a, b) => a - b);
  const data: Trace[] = [
    { type: 'scatter', mode: 'markers', x: prior.map((p) => p[0]), y: prior.map((p) => p[1]), name: 'prior draws p(z)', marker: { size: 3, color: '#bbbbbb' } },
    ...classes.map((k): Trace => {
      const pts = codes.filter((_, i) => labels[i] === k);
      return { type: 'scatter', mode: 'markers', x: pts.map((p) => p[0]), y: pts.map((p) => p[1]), name: `codes, class ${k}`, marker: { size: 4, opacity: 0.7 } };
    }),
    { type: 'scatter', mode: 'markers', x: c.map((p) => p[0]), y: c.map((p) => p[1]), name: 'prior mode centres', marker: { size: 9, symbol: 'x', color: '#000000' } },
  ];
  return { data, layout: { title: { text: opts.title ?? 'Aggregate posterior q(z) (codes) over the prior p(z)' }, height: 460, width: 560, xaxis: { range: [-R, R] }, yaxis: { range: [-R, R], scaleanchor: 'x' } } };
}
