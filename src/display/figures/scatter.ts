/** Figure helpers: 2-d scatter with density contours. */
import { describe } from '../../core/validate';
import { Figure, Layout, Trace } from '../plotly';
import { finiteNumbers, func, interval, positiveInt } from '../check';
import { extent, CommonOptions, PALETTE, baseLayout } from './common';
import { histogram } from './histogram';

/** A set of points in the plane. */
export interface PointSet {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  name?: string;
  color?: string;
  size?: number;
  opacity?: number;
}

export interface ScatterOptions extends CommonOptions {
  /** A density p(x, y) drawn as contour lines on a grid over the points' range (or xRange/yRange). */
  density?: (x: number, y: number) => number;
  /** Contour lines of the points' own 2-D histogram (plotly histogram2dcontour) of the first point set. */
  pointContours?: boolean;
  xRange?: [number, number];
  yRange?: [number, number];
  /** Grid points per axis for `density` (default 60). */
  grid?: number;
  /** Number of contour levels (default 8). */
  levels?: number;
  /** Same scale on both axes (default true). */
  equalAxes?: boolean;
}


/** Grid evaluation of f on [x0,x1]×[y0,y1]: z[row j][col i] = f(x_i, y_j). Throws on a non-finite value. */
export function evaluateGrid(fn: string, arg: string, f: (x: number, y: number) => number, xr: [number, number], yr: [number, number], n: number) {
  const xs = Array.from({ length: n }, (_, i) => xr[0] + ((xr[1] - xr[0]) * i) / (n - 1));
  const ys = Array.from({ length: n }, (_, j) => yr[0] + ((yr[1] - yr[0]) * j) / (n - 1));
  const z = ys.map((y) =>
    xs.map((x) => {
      const v = f(x, y);
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${fn}: ${arg}(${x}, ${y}) must be a finite number (got ${describe(v)})`);
      return v;
    }),
  );
  return { xs, ys, z };
}

/** 2-D scatter of one or several point sets, with optional density contours. */
export function scatter(points: PointSet | PointSet[], opts: ScatterOptions = {}): Figure {
  const fn = 'scatter';
  const list = Array.isArray(points) ? points : [points];
  if (list.length === 0) throw new RangeError(`${fn}: points must contain at least one point set (nothing to draw)`);
  const sets = list.map((p, k) => {
    const arg = Array.isArray(points) ? `points[${k}]` : 'points';
    if (!p || typeof p !== 'object') throw new TypeError(`${fn}: ${arg} must be {x, y} (got ${describe(p)})`);
    const x = finiteNumbers(fn, `${arg}.x`, p.x);
    const y = finiteNumbers(fn, `${arg}.y`, p.y, x.length);
    return { x, y, p };
  });
  const xr = opts.xRange ? interval(fn, 'opts.xRange', opts.xRange) : extent(sets.map((s) => s.x));
  const yr = opts.yRange ? interval(fn, 'opts.yRange', opts.yRange) : extent(sets.map((s) => s.y));
  const data: Trace[] = [];
  if (opts.density !== undefined) {
    func(fn, 'opts.density', opts.density);
    const n = positiveInt(fn, 'opts.grid', opts.grid ?? 60, 1000);
    if (n < 2) throw new RangeError(`${fn}: opts.grid must be at least 2 (got ${n})`);
    const g = evaluateGrid(fn, 'opts.density', opts.density, xr, yr, n);
    data.push({
      type: 'contour',
      x: g.xs,
      y: g.ys,
      z: g.z,
      ncontours: positiveInt(fn, 'opts.levels', opts.levels ?? 8, 100),
      contours: { coloring: 'lines' },
      colorscale: 'Viridis',
      showscale: false,
      name: 'density',
      line: { width: 1.5 },
    });
  }
  if (opts.pointContours) {
    data.push({
      type: 'histogram2dcontour',
      x: sets[0].x,
      y: sets[0].y,
      ncontours: positiveInt(fn, 'opts.levels', opts.levels ?? 8, 100),
      contours: { coloring: 'lines' },
      colorscale: 'Blues',
      showscale: false,
      name: 'point density',
    });
  }
  sets.forEach((s, k) => {
    data.push({
      type: 'scatter',
      mode: 'markers',
      x: s.x,
      y: s.y,
      name: s.p.name ?? `points ${k + 1}`,
      marker: { size: s.p.size ?? 5, color: s.p.color ?? PALETTE[k % PALETTE.length], opacity: s.p.opacity ?? 0.7 },
    });
  });
  const layout = baseLayout(opts, { showlegend: sets.length > 1 || data.length > sets.length });
  (layout.xaxis as Layout).range = xr;
  (layout.yaxis as Layout).range = yr;
  if (opts.equalAxes ?? true) Object.assign(layout.yaxis as Layout, { scaleanchor: 'x', scaleratio: 1 });
  return { data, layout };
}
