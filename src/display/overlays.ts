/**
 * Overlays on an existing figure, so that a notebook cell says what it draws instead of pushing plotly traces by hand:
 *
 *   display.show(display.withPath(display.scatter(states, { density }), { x: pathX, y: pathY, name: 'first 20 sweeps' }));
 *   display.show(display.withMarkers(display.heatmap(Z, …), { x: [1], y: [-0.35], name: 'posterior', symbol: 'x' }));
 *
 * Both return a new figure (the input is not changed); the added trace is validated like the figure helpers' own.
 */
import { describe } from '../core/validate';
import { Figure, Trace } from './plotly';

/** Points to overlay: equal-length finite x and y. */
export interface Overlay {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  name?: string;
  color?: string;
}

function points(fn: string, o: Overlay): { x: number[]; y: number[] } {
  if (!o || typeof o !== 'object') throw new TypeError(`${fn}: overlay must be an object { x, y, name? } (got ${describe(o)})`);
  const x = Array.from(o.x ?? [], Number);
  const y = Array.from(o.y ?? [], Number);
  if (x.length === 0) throw new RangeError(`${fn}: overlay.x must be a non-empty array of numbers (got ${describe(o.x)})`);
  if (x.length !== y.length) throw new RangeError(`${fn}: overlay.x and overlay.y must have the same length (got ${x.length} and ${y.length})`);
  const bad = [...x, ...y].findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new RangeError(`${fn}: overlay coordinates must be finite (entry ${bad % x.length} of ${bad < x.length ? 'x' : 'y'} is ${describe([...x, ...y][bad])})`);
  return { x, y };
}

function add(fn: string, fig: Figure, trace: Trace): Figure {
  if (!fig || typeof fig !== 'object' || !Array.isArray(fig.data)) throw new TypeError(`${fn}: fig must be a figure from a display helper (got ${describe(fig)})`);
  return { ...fig, data: [...fig.data, trace], layout: { ...fig.layout, showlegend: true } };
}

/** The figure with a path (lines through markers) drawn on top: a sampler's first moves, an optimiser's iterates. */
export function withPath(fig: Figure, path: Overlay & { width?: number }): Figure {
  const { x, y } = points('withPath', path);
  return add('withPath', fig, { type: 'scatter', mode: 'lines+markers', x, y, name: path.name ?? 'path', line: { color: path.color ?? '#d62728', width: path.width ?? 2 }, marker: { size: 4, color: path.color ?? '#d62728' } } as Trace);
}

/** The figure with marked points on top: an optimum, the true parameter, a posterior mode. */
export function withMarkers(fig: Figure, marks: Overlay & { symbol?: string; size?: number }): Figure {
  const { x, y } = points('withMarkers', marks);
  return add('withMarkers', fig, { type: 'scatter', mode: 'markers', x, y, name: marks.name ?? 'marked', marker: { color: marks.color ?? 'white', size: marks.size ?? 12, symbol: marks.symbol ?? 'x', line: { color: '#222', width: 1 } } } as Trace);
}
