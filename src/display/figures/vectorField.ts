/** Figure helpers: vector fields and trajectories. */
import { describe } from '../../core/validate';
import { Figure, Layout, Trace } from '../plotly';
import { finiteNumbers, interval, isArrayLike, positive, positiveInt } from '../check';
import { CommonOptions, PALETTE, baseLayout, extent } from './common';
import { scatter } from './scatter';

/** A vector field: a function (x, y) ↦ [u, v] sampled on a grid, or tabulated arrows. */
export type VectorField = ((x: number, y: number) => [number, number] | ArrayLike<number>) | { x: ArrayLike<number>; y: ArrayLike<number>; u: ArrayLike<number>; v: ArrayLike<number> };

export interface VectorFieldOptions extends CommonOptions {
  /** Grid range (required for a function field). */
  xRange?: [number, number];
  yRange?: [number, number];
  /** Arrows per axis for a function field (default 15). */
  n?: number;
  /** Draw every arrow with the same length (direction only); default false (length ∝ |vector|). */
  normalize?: boolean;
  /** Length of the longest arrow as a fraction of the grid spacing (default 0.9). */
  scale?: number;
  color?: string;
  name?: string;
  equalAxes?: boolean;
}

/** The arrows of a vector field as one line trace (shaft + two head strokes per arrow, separated by nulls). */
export function quiverTrace(field: VectorField, opts: VectorFieldOptions = {}, fn = 'vectorField'): { trace: Trace; xr: [number, number]; yr: [number, number] } {
  let xs: number[];
  let ys: number[];
  let us: number[];
  let vs: number[];
  let spacing: number;
  let xr: [number, number];
  let yr: [number, number];
  if (typeof field === 'function') {
    if (opts.xRange === undefined || opts.yRange === undefined) throw new TypeError(`${fn}: opts.xRange and opts.yRange are required for a function field`);
    xr = interval(fn, 'opts.xRange', opts.xRange);
    yr = interval(fn, 'opts.yRange', opts.yRange);
    const n = positiveInt(fn, 'opts.n', opts.n ?? 15, 200);
    if (n < 2) throw new RangeError(`${fn}: opts.n must be at least 2 (got ${n})`);
    xs = [];
    ys = [];
    us = [];
    vs = [];
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const x = xr[0] + ((xr[1] - xr[0]) * i) / (n - 1);
        const y = yr[0] + ((yr[1] - yr[0]) * j) / (n - 1);
        const w = field(x, y);
        if (!isArrayLike(w) || w.length !== 2 || !Number.isFinite(w[0]) || !Number.isFinite(w[1])) {
          throw new RangeError(`${fn}: field(${x}, ${y}) must return a finite vector [u, v] (got ${describe(w)})`);
        }
        xs.push(x);
        ys.push(y);
        us.push(w[0] as number);
        vs.push(w[1] as number);
      }
    }
    spacing = Math.min((xr[1] - xr[0]) / (n - 1), (yr[1] - yr[0]) / (n - 1));
  } else if (field && typeof field === 'object') {
    xs = finiteNumbers(fn, 'field.x', field.x);
    ys = finiteNumbers(fn, 'field.y', field.y, xs.length);
    us = finiteNumbers(fn, 'field.u', field.u, xs.length);
    vs = finiteNumbers(fn, 'field.v', field.v, xs.length);
    xr = opts.xRange ? interval(fn, 'opts.xRange', opts.xRange) : extent([xs]);
    yr = opts.yRange ? interval(fn, 'opts.yRange', opts.yRange) : extent([ys]);
    spacing = Math.min(xr[1] - xr[0], yr[1] - yr[0]) / Math.max(2, Math.sqrt(xs.length));
  } else {
    throw new TypeError(`${fn}: field must be a function (x, y) => [u, v] or {x, y, u, v} (got ${describe(field)})`);
  }
  const scale = opts.scale === undefined ? 0.9 : positive(fn, 'opts.scale', opts.scale);
  const norms = us.map((u, i) => Math.hypot(u, vs[i]));
  const maxNorm = Math.max(...norms);
  const px: (number | null)[] = [];
  const py: (number | null)[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (norms[i] === 0) continue;
    const len = opts.normalize ? scale * spacing : maxNorm > 0 ? (scale * spacing * norms[i]) / maxNorm : 0;
    const dx = (us[i] / norms[i]) * len;
    const dy = (vs[i] / norms[i]) * len;
    const tx = xs[i] + dx;
    const ty = ys[i] + dy;
    // Arrow head: two strokes at ±25° back from the tip, 30 % of the shaft.
    const hl = 0.3 * len;
    const ang = Math.atan2(dy, dx);
    const a1 = ang + Math.PI - 0.44;
    const a2 = ang + Math.PI + 0.44;
    px.push(xs[i], tx, null, tx, tx + hl * Math.cos(a1), null, tx, tx + hl * Math.cos(a2), null);
    py.push(ys[i], ty, null, ty, ty + hl * Math.sin(a1), null, ty, ty + hl * Math.sin(a2), null);
  }
  const trace: Trace = {
    type: 'scatter',
    mode: 'lines',
    x: px,
    y: py,
    name: opts.name ?? 'field',
    line: { color: opts.color ?? '#555', width: 1.2 },
    hoverinfo: 'skip',
    showlegend: false,
  };
  return { trace, xr, yr };
}

/** A vector field drawn as arrows (quiver plot), e.g. the gradient field of a two-player game. */
export function vectorField(field: VectorField, opts: VectorFieldOptions = {}): Figure {
  const { trace, xr, yr } = quiverTrace(field, opts, 'vectorField');
  if ((trace.x as unknown[]).length === 0) throw new RangeError('vectorField: every vector of the field is zero, so there is nothing to draw');
  const layout = baseLayout(opts, { showlegend: false });
  const pad = (r: [number, number]) => [r[0] - 0.05 * (r[1] - r[0]), r[1] + 0.05 * (r[1] - r[0])];
  (layout.xaxis as Layout).range = pad(xr);
  (layout.yaxis as Layout).range = pad(yr);
  if (opts.equalAxes ?? true) Object.assign(layout.yaxis as Layout, { scaleanchor: 'x', scaleratio: 1 });
  return { data: [trace], layout };
}

/** A path in the plane. */
export interface Path {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  name?: string;
  color?: string;
}

export interface TrajectoryOptions extends CommonOptions {
  /** Arrow heads per path showing the direction of travel (default 6; 0 for none). */
  arrows?: number;
  /** A vector field drawn underneath (same options as vectorField). */
  field?: VectorField;
  fieldOptions?: VectorFieldOptions;
  /** Mark the start (circle) and the end (cross) of each path (default true). */
  endpoints?: boolean;
  equalAxes?: boolean;
}

/** Trajectories in a plane (e.g. iterates of gradient descent–ascent), with arrows along each path. */
export function trajectory(paths: Path | Path[], opts: TrajectoryOptions = {}): Figure {
  const fn = 'trajectory';
  const list = Array.isArray(paths) ? paths : [paths];
  if (list.length === 0) throw new RangeError(`${fn}: paths must contain at least one path (nothing to draw)`);
  const nArrows = opts.arrows === undefined ? 6 : opts.arrows === 0 ? 0 : positiveInt(fn, 'opts.arrows', opts.arrows, 1000);
  const data: Trace[] = [];
  const annotations: Layout[] = [];
  let fieldRange: { xr: [number, number]; yr: [number, number] } | undefined;
  if (opts.field !== undefined) {
    const q = quiverTrace(opts.field, opts.fieldOptions ?? {}, fn);
    data.push(q.trace);
    fieldRange = { xr: q.xr, yr: q.yr };
  }
  list.forEach((p, k) => {
    const arg = Array.isArray(paths) ? `paths[${k}]` : 'paths';
    if (!p || typeof p !== 'object') throw new TypeError(`${fn}: ${arg} must be {x, y} (got ${describe(p)})`);
    const x = finiteNumbers(fn, `${arg}.x`, p.x);
    const y = finiteNumbers(fn, `${arg}.y`, p.y, x.length);
    const color = p.color ?? PALETTE[k % PALETTE.length];
    data.push({ type: 'scatter', mode: 'lines+markers', x, y, name: p.name ?? `path ${k + 1}`, line: { color, width: 2 }, marker: { size: 3, color } });
    if (opts.endpoints ?? true) {
      data.push({
        type: 'scatter',
        mode: 'markers',
        x: [x[0], x[x.length - 1]],
        y: [y[0], y[y.length - 1]],
        marker: { size: [10, 10], symbol: ['circle-open', 'x'], color, line: { width: 2, color } },
        showlegend: false,
        hovertext: ['start', 'end'],
        hoverinfo: 'text',
      });
    }
    if (nArrows > 0 && x.length >= 2) {
      const segs = x.length - 1;
      const count = Math.min(nArrows, segs);
      for (let a = 0; a < count; a++) {
        const i = Math.min(segs - 1, Math.floor(((a + 0.5) * segs) / count));
        if (x[i] === x[i + 1] && y[i] === y[i + 1]) continue;
        annotations.push({ x: x[i + 1], y: y[i + 1], ax: x[i], ay: y[i], xref: 'x', yref: 'y', axref: 'x', ayref: 'y', showarrow: true, arrowhead: 2, arrowsize: 1.3, arrowwidth: 1.5, arrowcolor: color, text: '' });
      }
    }
  });
  const layout = baseLayout(opts, { annotations, showlegend: list.length > 1 });
  if (fieldRange) {
    (layout.xaxis as Layout).range = fieldRange.xr;
    (layout.yaxis as Layout).range = fieldRange.yr;
  }
  if (opts.equalAxes ?? true) Object.assign(layout.yaxis as Layout, { scaleanchor: 'x', scaleratio: 1 });
  return { data, layout };
}
