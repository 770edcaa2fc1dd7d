/**
 * Figure helpers: each builds a plain plotly `Figure` (so tests can read the spec) and `show(figure)` draws it.
 *
 *   show(linePlot([{ x, y: loss, name: 'loss' }], { logY: true, title: 'Training loss' }));
 *
 * Bad input gets a clear error naming the argument (mismatched lengths, NaN/±Infinity, empty data, images of the
 * wrong size, unknown graph nodes). One documented exception: **curves** (`linePlot`, and `livePlot`) draw
 * non-finite y values — and non-positive ones on a log y axis — as **gaps**, because a diverging loss is something a
 * lecturer wants to see, not an exception mid-training. Such a figure carries a warning that is shown visibly: as an
 * annotation inside the plot and as a line above it (never on stderr, which would fail the cell in the notebook
 * runner). `nonFinite: 'error'` turns the gap into an error.
 */
import { describe } from '../core/validate';
import { Figure, Frame, Layout, Trace } from './plotly';
import { describeNonFinite, finiteNumbers, func, interval, isArrayLike, nonEmptyArray, numbers, positive, positiveInt } from './check';

/** Options every helper takes. */
export interface CommonOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Pixel width (default: the output's width). */
  width?: number;
  /** Pixel height (default 420). */
  height?: number;
}

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** Base layout from the common options. */
function baseLayout(opts: CommonOptions, extra: Layout = {}): Layout {
  const layout: Layout = {
    margin: { l: 60, r: 20, t: opts.title ? 50 : 20, b: 50 },
    height: opts.height ?? 420,
    xaxis: { title: opts.xLabel ? { text: opts.xLabel } : undefined, automargin: true },
    yaxis: { title: opts.yLabel ? { text: opts.yLabel } : undefined, automargin: true },
    ...extra,
  };
  if (opts.title) layout.title = { text: opts.title };
  if (opts.width !== undefined) layout.width = opts.width;
  return layout;
}

/**
 * Attach warnings to a figure: listed on the figure (shown in full above it) and, in the short form `notes`, as an
 * annotation inside the plot (the only place a frontend that draws the plotly JSON directly shows them).
 */
function withWarnings(fig: Figure, warnings: string[], notes: string[] = warnings): Figure {
  if (warnings.length === 0) return fig;
  fig.warnings = warnings;
  const annotations = ((fig.layout.annotations as unknown[]) ?? []).slice();
  annotations.push({
    text: '⚠ ' + notes.map((w) => w.replace(/&/g, '&amp;').replace(/</g, '&lt;')).join('<br>⚠ '),
    xref: 'paper',
    yref: 'paper',
    x: 0,
    y: 1,
    xanchor: 'left',
    yanchor: 'top',
    align: 'left',
    showarrow: false,
    font: { size: 11, color: '#9a5b00' },
    bgcolor: 'rgba(255,244,224,0.9)',
  });
  fig.layout.annotations = annotations;
  return fig;
}

// ---------------------------------------------------------------------------------------------------------------
// Line plots

/** One curve of a line plot. */
export interface Series {
  /** Abscissae (default 0, 1, 2, …). Must be finite and as long as `y`. */
  x?: ArrayLike<number>;
  y: ArrayLike<number>;
  name?: string;
  mode?: 'lines' | 'markers' | 'lines+markers';
  dash?: 'solid' | 'dash' | 'dot' | 'dashdot';
  color?: string;
  lineWidth?: number;
}

export interface LinePlotOptions extends CommonOptions {
  logX?: boolean;
  logY?: boolean;
  /** What to do with non-finite y (and y ≤ 0 on a log axis): draw a gap and warn (default), or throw. */
  nonFinite?: 'gap' | 'error';
  /** Legend visible (default: when there is more than one named series). */
  legend?: boolean;
}

/** Line/curve plot of one or several series, optionally on log axes. */
export function linePlot(series: Series | Series[], opts: LinePlotOptions = {}): Figure {
  const fn = 'linePlot';
  const list = Array.isArray(series) ? series : [series];
  if (list.length === 0) throw new RangeError(`${fn}: series must contain at least one series (nothing to draw)`);
  const policy = opts.nonFinite ?? 'gap';
  if (policy !== 'gap' && policy !== 'error') throw new RangeError(`${fn}: opts.nonFinite must be "gap" or "error" (got ${describe(policy)})`);
  const warnings: string[] = [];
  const notes: string[] = [];
  const data: Trace[] = list.map((s, k) => {
    const arg = list.length === 1 && !Array.isArray(series) ? 'series' : `series[${k}]`;
    if (!s || typeof s !== 'object') throw new TypeError(`${fn}: ${arg} must be an object {x?, y, name?} (got ${describe(s)})`);
    const y = numbers(fn, `${arg}.y`, s.y);
    const x = s.x === undefined ? y.map((_, i) => i) : finiteNumbers(fn, `${arg}.x`, s.x, y.length);
    if (opts.logX) {
      const bad = x.findIndex((v) => v <= 0);
      if (bad >= 0) throw new RangeError(`${fn}: ${arg}.x[${bad}] must be > 0 on a log x axis (got ${describe(x[bad])})`);
    }
    const badIdx: number[] = [];
    const yy: (number | null)[] = y.map((v, i) => {
      const bad = !Number.isFinite(v) || (opts.logY === true && v <= 0);
      if (bad) badIdx.push(i);
      return bad ? null : v;
    });
    if (badIdx.length) {
      const what = `${arg}.y${s.name ? ` ("${s.name}")` : ''} has ${badIdx.length} value${badIdx.length > 1 ? 's' : ''} that cannot be drawn (non-finite${opts.logY ? ' or ≤ 0 on the log axis' : ''}: ${describeNonFinite(y, badIdx)})`;
      if (policy === 'error') throw new RangeError(`${fn}: ${what}`);
      if (badIdx.length === y.length) throw new RangeError(`${fn}: ${what}: every value, so the curve would be blank`);
      warnings.push(`${what}; drawn as gaps`);
      notes.push(`${s.name ?? `${arg}.y`}: ${badIdx.length} value${badIdx.length > 1 ? 's' : ''} not drawn (gaps)`);
    }
    const trace: Trace = { type: 'scatter', mode: s.mode ?? 'lines', x, y: yy, connectgaps: false };
    if (s.name !== undefined) trace.name = s.name;
    const line: Record<string, unknown> = { color: s.color ?? PALETTE[k % PALETTE.length] };
    if (s.dash) line.dash = s.dash;
    if (s.lineWidth !== undefined) line.width = positive(fn, `${arg}.lineWidth`, s.lineWidth);
    trace.line = line;
    if ((s.mode ?? 'lines') !== 'lines') trace.marker = { color: line.color, size: 6 };
    return trace;
  });
  const layout = baseLayout(opts);
  if (opts.logX) (layout.xaxis as Layout).type = 'log';
  if (opts.logY) (layout.yaxis as Layout).type = 'log';
  layout.showlegend = opts.legend ?? list.filter((s) => s.name).length > 1;
  return withWarnings({ data, layout }, warnings, notes);
}

/** Sample `f` at `n` evenly spaced points of [a, b] as a series (`linePlot([curve(Math.sin, [0, 6])])`). */
export function curve(f: (x: number) => number, range: [number, number], opts: { n?: number; name?: string; dash?: Series['dash']; color?: string } = {}): Series {
  const fn = 'curve';
  func(fn, 'f', f);
  const [a, b] = interval(fn, 'range', range);
  const n = positiveInt(fn, 'opts.n', opts.n ?? 200, 1e6);
  if (n < 2) throw new RangeError(`${fn}: opts.n must be at least 2 (got ${n})`);
  const x = Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
  const y = x.map((t) => f(t));
  y.forEach((v, i) => {
    if (typeof v !== 'number') throw new TypeError(`${fn}: f(${x[i]}) must return a number (got ${describe(v)})`);
  });
  return { x, y, name: opts.name, dash: opts.dash, color: opts.color };
}

// ---------------------------------------------------------------------------------------------------------------
// Histogram against a density

export interface HistogramOptions extends CommonOptions {
  /** Number of bins (default: ⌈√n⌉ clamped to [5, 80]). */
  bins?: number;
  /** Bin range (default: [min, max] of the samples). Samples outside are counted and reported in a warning. */
  range?: [number, number];
  /** A density to draw on top: a function of x (evaluated on 200 points) or tabulated {x, y}. */
  density?: ((x: number) => number) | { x: ArrayLike<number>; y: ArrayLike<number> };
  densityName?: string;
  name?: string;
  /** 'density' (default: bar areas sum to 1, comparable to a pdf) or 'count'. */
  norm?: 'density' | 'count';
}

/** Bin edges, counts and heights of a histogram (exposed for tests). */
export function histogramBins(samples: number[], bins: number, range: [number, number], norm: 'density' | 'count') {
  const [a, b] = range;
  const w = (b - a) / bins;
  const counts = new Array<number>(bins).fill(0);
  let outside = 0;
  for (const s of samples) {
    if (s < a || s > b) {
      outside++;
      continue;
    }
    const i = Math.min(bins - 1, Math.floor((s - a) / w));
    counts[i]++;
  }
  const centers = counts.map((_, i) => a + (i + 0.5) * w);
  const heights = norm === 'density' ? counts.map((c) => c / (samples.length * w)) : counts.slice();
  return { edges: Array.from({ length: bins + 1 }, (_, i) => a + i * w), centers, counts, heights, width: w, outside };
}

/** Histogram of samples, optionally against a density curve (for "samples vs. the true pdf" figures). */
export function histogram(samples: ArrayLike<number>, opts: HistogramOptions = {}): Figure {
  const fn = 'histogram';
  const xs = finiteNumbers(fn, 'samples', samples);
  const norm = opts.norm ?? 'density';
  if (norm !== 'density' && norm !== 'count') throw new RangeError(`${fn}: opts.norm must be "density" or "count" (got ${describe(norm)})`);
  const bins = opts.bins === undefined ? Math.max(5, Math.min(80, Math.ceil(Math.sqrt(xs.length)))) : positiveInt(fn, 'opts.bins', opts.bins, 10000);
  let range: [number, number];
  if (opts.range !== undefined) range = interval(fn, 'opts.range', opts.range);
  else {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of xs) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    range = lo < hi ? [lo, hi] : [lo - 0.5, hi + 0.5];
  }
  const h = histogramBins(xs, bins, range, norm);
  const warnings: string[] = [];
  if (h.outside) warnings.push(`${h.outside} of ${xs.length} samples lie outside opts.range [${range[0]}, ${range[1]}] and are not drawn`);
  const data: Trace[] = [
    {
      type: 'bar',
      x: h.centers,
      y: h.heights,
      width: h.centers.map(() => h.width),
      name: opts.name ?? 'samples',
      marker: { color: 'rgba(31,119,180,0.55)', line: { color: 'rgba(31,119,180,1)', width: 1 } },
    },
  ];
  if (opts.density !== undefined) {
    let dx: number[];
    let dy: number[];
    if (typeof opts.density === 'function') {
      const f = opts.density;
      dx = Array.from({ length: 200 }, (_, i) => range[0] + ((range[1] - range[0]) * i) / 199);
      dy = dx.map((x) => f(x));
      dy.forEach((v, i) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${fn}: opts.density(${dx[i]}) must be a finite number (got ${describe(v)})`);
      });
    } else if (opts.density && typeof opts.density === 'object') {
      dy = finiteNumbers(fn, 'opts.density.y', opts.density.y);
      dx = finiteNumbers(fn, 'opts.density.x', opts.density.x, dy.length);
    } else {
      throw new TypeError(`${fn}: opts.density must be a function or {x, y} (got ${describe(opts.density)})`);
    }
    if (norm === 'count') dy = dy.map((v) => v * xs.length * h.width);
    data.push({ type: 'scatter', mode: 'lines', x: dx, y: dy, name: opts.densityName ?? 'density', line: { color: '#d62728', width: 2 } });
  }
  const layout = baseLayout({ yLabel: norm === 'density' ? 'density' : 'count', ...opts }, { bargap: 0, showlegend: data.length > 1 });
  return withWarnings({ data, layout }, warnings);
}

// ---------------------------------------------------------------------------------------------------------------
// 2-D scatter with density contours

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

function extent(values: number[][], pad = 0.05): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const vs of values) for (const v of vs) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo < hi)) return [lo - 1, hi + 1];
  const d = (hi - lo) * pad;
  return [lo - d, hi + d];
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

// ---------------------------------------------------------------------------------------------------------------
// Heatmaps

export interface HeatmapOptions extends CommonOptions {
  /** Column coordinates or labels (length = number of columns). */
  x?: ArrayLike<number> | string[];
  /** Row coordinates or labels (length = number of rows). */
  y?: ArrayLike<number> | string[];
  colorscale?: string | [number, string][];
  zmin?: number;
  zmax?: number;
  /** Write each cell's value in the cell (default: when there are at most 144 cells). */
  labels?: boolean;
  /** Decimals for cell labels (default: 0 for integer grids, else 2). */
  digits?: number;
  /** Row 0 at the top like a matrix (default) or at the bottom like a y axis. */
  origin?: 'top' | 'bottom';
  showScale?: boolean;
}

function labelsOrNumbers(fn: string, arg: string, v: unknown, n: number): (number | string)[] {
  if (!isArrayLike(v)) throw new TypeError(`${fn}: ${arg} must be an array (got ${describe(v)})`);
  if (v.length !== n) throw new RangeError(`${fn}: ${arg} must have ${n} entries, one per ${arg.endsWith('x') ? 'column' : 'row'} (got ${v.length})`);
  return Array.from(v as ArrayLike<number | string>).map((e, i) => {
    if (typeof e === 'string') return e;
    if (typeof e === 'number' && Number.isFinite(e)) return e;
    throw new TypeError(`${fn}: ${arg}[${i}] must be a finite number or a string (got ${describe(e)})`);
  });
}

/** Rectangular finite matrix as number[][] (error names the cell). */
export function finiteMatrix(fn: string, arg: string, m: unknown): number[][] {
  const rows = nonEmptyArray<unknown>(fn, arg, m);
  const out = rows.map((r, i) => finiteNumbers(fn, `${arg}[${i}]`, r));
  const c = out[0].length;
  out.forEach((r, i) => {
    if (r.length !== c) throw new RangeError(`${fn}: ${arg} must be rectangular (row 0 has ${c} entries, row ${i} has ${r.length})`);
  });
  return out;
}

/** Heatmap of a matrix; small grids (e.g. a 5×5 receptive field) get their values written in the cells. */
export function heatmap(z: ArrayLike<ArrayLike<number>>, opts: HeatmapOptions = {}): Figure {
  const fn = 'heatmap';
  const m = finiteMatrix(fn, 'z', z);
  const rows = m.length;
  const cols = m[0].length;
  const trace: Trace = { type: 'heatmap', z: m, colorscale: opts.colorscale ?? 'Viridis', showscale: opts.showScale ?? true };
  if (opts.x !== undefined) trace.x = labelsOrNumbers(fn, 'opts.x', opts.x, cols);
  if (opts.y !== undefined) trace.y = labelsOrNumbers(fn, 'opts.y', opts.y, rows);
  if (opts.zmin !== undefined) trace.zmin = finiteNumbers(fn, 'opts.zmin', [opts.zmin])[0];
  if (opts.zmax !== undefined) trace.zmax = finiteNumbers(fn, 'opts.zmax', [opts.zmax])[0];
  if (opts.zmin !== undefined && opts.zmax !== undefined && !(opts.zmin < opts.zmax)) {
    throw new RangeError(`${fn}: opts.zmin must be < opts.zmax (got ${opts.zmin} and ${opts.zmax})`);
  }
  const label = opts.labels ?? rows * cols <= 144;
  if (label) {
    const integer = m.every((r) => r.every((v) => Number.isInteger(v)));
    const digits = opts.digits ?? (integer ? 0 : 2);
    trace.text = m.map((r) => r.map((v) => v.toFixed(digits)));
    trace.texttemplate = '%{text}';
    trace.textfont = { size: Math.max(9, Math.min(18, Math.round(220 / Math.max(rows, cols)))) };
    trace.hovertemplate = 'row %{y}, col %{x}: %{z}<extra></extra>';
  }
  const layout = baseLayout(opts);
  Object.assign(layout.xaxis as Layout, { showgrid: false, zeroline: false });
  Object.assign(layout.yaxis as Layout, { showgrid: false, zeroline: false });
  if ((opts.origin ?? 'top') === 'top') (layout.yaxis as Layout).autorange = 'reversed';
  if (opts.x === undefined) Object.assign(layout.xaxis as Layout, { dtick: cols <= 30 ? 1 : undefined });
  if (opts.y === undefined) Object.assign(layout.yaxis as Layout, { dtick: rows <= 30 ? 1 : undefined });
  if (opts.x === undefined && opts.y === undefined) {
    // Square cells; both axes shrink to their domain instead of padding the x range.
    Object.assign(layout.xaxis as Layout, { constrain: 'domain' });
    Object.assign(layout.yaxis as Layout, { scaleanchor: 'x', scaleratio: 1, constrain: 'domain' });
  }
  return { data: [trace], layout };
}

// ---------------------------------------------------------------------------------------------------------------
// Vector fields and trajectories

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

// ---------------------------------------------------------------------------------------------------------------
// Image grids

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

// ---------------------------------------------------------------------------------------------------------------
// Bar charts

export interface Bars {
  labels: ArrayLike<string | number>;
  values: ArrayLike<number>;
  name?: string;
  /** Error bar half-widths (≥ 0). */
  errors?: ArrayLike<number>;
  color?: string;
}

export interface BarChartOptions extends CommonOptions {
  horizontal?: boolean;
  logY?: boolean;
  /** Several bar sets side by side (default) or stacked. */
  mode?: 'group' | 'stack';
}

/** Bar chart of one or several labelled value sets. */
export function barChart(bars: Bars | Bars[], opts: BarChartOptions = {}): Figure {
  const fn = 'barChart';
  const list = Array.isArray(bars) ? bars : [bars];
  if (list.length === 0) throw new RangeError(`${fn}: bars must contain at least one set of bars (nothing to draw)`);
  const data: Trace[] = list.map((b, k) => {
    const arg = Array.isArray(bars) ? `bars[${k}]` : 'bars';
    if (!b || typeof b !== 'object') throw new TypeError(`${fn}: ${arg} must be {labels, values} (got ${describe(b)})`);
    const labels = nonEmptyArray<string | number>(fn, `${arg}.labels`, b.labels);
    labels.forEach((l, i) => {
      if (typeof l !== 'string' && !(typeof l === 'number' && Number.isFinite(l))) throw new TypeError(`${fn}: ${arg}.labels[${i}] must be a string or a finite number (got ${describe(l)})`);
    });
    const values = finiteNumbers(fn, `${arg}.values`, b.values, labels.length);
    if (opts.logY) {
      const bad = values.findIndex((v) => v <= 0);
      if (bad >= 0) throw new RangeError(`${fn}: ${arg}.values[${bad}] must be > 0 on a log axis (got ${values[bad]})`);
    }
    const cats = labels.map(String);
    const t: Trace = opts.horizontal
      ? { type: 'bar', orientation: 'h', y: cats, x: values }
      : { type: 'bar', x: cats, y: values };
    if (b.name !== undefined) t.name = b.name;
    t.marker = { color: b.color ?? PALETTE[k % PALETTE.length] };
    if (b.errors !== undefined) {
      const e = finiteNumbers(fn, `${arg}.errors`, b.errors, labels.length);
      const neg = e.findIndex((v) => v < 0);
      if (neg >= 0) throw new RangeError(`${fn}: ${arg}.errors[${neg}] must be >= 0 (got ${e[neg]})`);
      t[opts.horizontal ? 'error_x' : 'error_y'] = { type: 'data', array: e, visible: true };
    }
    return t;
  });
  const mode = opts.mode ?? 'group';
  if (mode !== 'group' && mode !== 'stack') throw new RangeError(`${fn}: opts.mode must be "group" or "stack" (got ${describe(mode)})`);
  const layout = baseLayout(opts, { barmode: mode, showlegend: list.length > 1 });
  if (opts.logY) ((opts.horizontal ? layout.xaxis : layout.yaxis) as Layout).type = 'log';
  return { data, layout };
}

// ---------------------------------------------------------------------------------------------------------------
// Directed graphs

export interface GraphNode {
  id: string;
  label?: string;
  /** Position (both or neither); when absent the layout places the node. */
  x?: number;
  y?: number;
  /** Observed variable: drawn shaded (Bayesian-network convention). */
  observed?: boolean;
  color?: string;
}
export type GraphEdge = [string, string] | { from: string; to: string; label?: string };

export interface DigraphOptions extends CommonOptions {
  /** 'layered' (default; by longest path from the roots, needs an acyclic graph) or 'circle'. */
  layout?: 'layered' | 'circle';
  /** Direction of the layers (default 'down'). */
  direction?: 'down' | 'right';
  /** Node diameter in pixels (default 44). */
  nodeSize?: number;
}

/** Layer of each node = longest path from a root; undefined if the graph has a cycle. */
export function graphLayers(ids: string[], edges: [string, string][]): Map<string, number> | undefined {
  const indeg = new Map(ids.map((id) => [id, 0]));
  const out = new Map(ids.map((id) => [id, [] as string[]]));
  for (const [a, b] of edges) {
    out.get(a)!.push(b);
    indeg.set(b, indeg.get(b)! + 1);
  }
  const layer = new Map(ids.map((id) => [id, 0]));
  const queue = ids.filter((id) => indeg.get(id) === 0);
  let seen = 0;
  while (queue.length) {
    const v = queue.shift()!;
    seen++;
    for (const w of out.get(v)!) {
      layer.set(w, Math.max(layer.get(w)!, layer.get(v)! + 1));
      indeg.set(w, indeg.get(w)! - 1);
      if (indeg.get(w) === 0) queue.push(w);
    }
  }
  return seen === ids.length ? layer : undefined;
}

/** A directed graph (Bayesian network, computation flow): nodes as labelled circles, edges as arrows. */
export function digraph(graph: { nodes: (string | GraphNode)[]; edges: GraphEdge[] }, opts: DigraphOptions = {}): Figure {
  const fn = 'digraph';
  if (!graph || typeof graph !== 'object') throw new TypeError(`${fn}: graph must be {nodes, edges} (got ${describe(graph)})`);
  const rawNodes = nonEmptyArray<string | GraphNode>(fn, 'graph.nodes', graph.nodes);
  const nodes: GraphNode[] = rawNodes.map((n, i) => {
    const node = typeof n === 'string' ? { id: n } : n;
    if (!node || typeof node !== 'object' || typeof node.id !== 'string' || node.id === '') {
      throw new TypeError(`${fn}: graph.nodes[${i}] must be a non-empty string id or {id, label?, x?, y?} (got ${describe(n)})`);
    }
    if ((node.x === undefined) !== (node.y === undefined)) throw new TypeError(`${fn}: graph.nodes[${i}] must give both x and y or neither (got ${describe(n)})`);
    if (node.x !== undefined) finiteNumbers(fn, `graph.nodes[${i}].x/y`, [node.x, node.y as number]);
    return node;
  });
  const ids = nodes.map((n) => n.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) throw new RangeError(`${fn}: graph.nodes[${i}] repeats the id ${describe(id)}`);
  });
  if (!Array.isArray(graph.edges)) throw new TypeError(`${fn}: graph.edges must be an array of [from, to] or {from, to} (got ${describe(graph.edges)})`);
  const edges = graph.edges.map((e, i) => {
    const [from, to, label] = Array.isArray(e) ? [e[0], e[1], undefined] : e && typeof e === 'object' ? [e.from, e.to, e.label] : [undefined, undefined, undefined];
    if (typeof from !== 'string' || typeof to !== 'string') throw new TypeError(`${fn}: graph.edges[${i}] must be [from, to] or {from, to} with node ids (got ${describe(e)})`);
    if (!ids.includes(from)) throw new RangeError(`${fn}: graph.edges[${i}] starts at an unknown node ${describe(from)} (nodes: ${ids.join(', ')})`);
    if (!ids.includes(to)) throw new RangeError(`${fn}: graph.edges[${i}] ends at an unknown node ${describe(to)} (nodes: ${ids.join(', ')})`);
    if (from === to) throw new RangeError(`${fn}: graph.edges[${i}] is a self-loop on ${describe(from)}, which this drawing does not support`);
    return { from, to, label };
  });
  const placed = nodes.every((n) => n.x !== undefined);
  const pos = new Map<string, [number, number]>();
  const kind = opts.layout ?? 'layered';
  if (kind !== 'layered' && kind !== 'circle') throw new RangeError(`${fn}: opts.layout must be "layered" or "circle" (got ${describe(kind)})`);
  if (placed) nodes.forEach((n) => pos.set(n.id, [n.x as number, n.y as number]));
  else {
    const layers = kind === 'layered' ? graphLayers(ids, edges.map((e) => [e.from, e.to])) : undefined;
    if (kind === 'layered' && !layers) throw new RangeError(`${fn}: graph has a cycle, so it has no layered drawing; use opts.layout 'circle' or give node positions`);
    if (layers) {
      const byLayer = new Map<number, string[]>();
      ids.forEach((id) => byLayer.set(layers.get(id)!, [...(byLayer.get(layers.get(id)!) ?? []), id]));
      for (const [l, members] of byLayer) {
        members.forEach((id, k) => {
          const across = k - (members.length - 1) / 2;
          pos.set(id, (opts.direction ?? 'down') === 'down' ? [across, 0 - l] : [l, 0 - across]);
        });
      }
    } else {
      ids.forEach((id, k) => pos.set(id, [Math.cos(Math.PI / 2 - (2 * Math.PI * k) / ids.length), Math.sin(Math.PI / 2 - (2 * Math.PI * k) / ids.length)]));
    }
  }
  const size = opts.nodeSize === undefined ? 44 : positive(fn, 'opts.nodeSize', opts.nodeSize);
  const annotations: Layout[] = edges.map((e) => {
    const [x0, y0] = pos.get(e.from)!;
    const [x1, y1] = pos.get(e.to)!;
    return { x: x1, y: y1, ax: x0, ay: y0, xref: 'x', yref: 'y', axref: 'x', ayref: 'y', showarrow: true, arrowhead: 2, arrowsize: 1.4, arrowwidth: 1.6, arrowcolor: '#444', standoff: size / 2 + 1, startstandoff: size / 2 + 1, text: '' };
  });
  edges.forEach((e) => {
    if (e.label === undefined) return;
    const [x0, y0] = pos.get(e.from)!;
    const [x1, y1] = pos.get(e.to)!;
    annotations.push({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, xref: 'x', yref: 'y', text: String(e.label), showarrow: false, bgcolor: 'rgba(255,255,255,0.85)', font: { size: 12 } });
  });
  const xsAll = ids.map((id) => pos.get(id)![0]);
  const ysAll = ids.map((id) => pos.get(id)![1]);
  const node: Trace = {
    type: 'scatter',
    mode: 'markers+text',
    x: xsAll,
    y: ysAll,
    text: nodes.map((n) => n.label ?? n.id),
    textposition: 'middle center',
    hoverinfo: 'text',
    marker: {
      size,
      color: nodes.map((n) => n.color ?? (n.observed ? '#c8c8c8' : '#ffffff')),
      line: { color: '#333', width: 2 },
    },
    textfont: { size: 14 },
    showlegend: false,
  };
  const pad = 0.6;
  const layout = baseLayout(opts, { annotations, showlegend: false, height: opts.height ?? 360 });
  layout.xaxis = { visible: false, range: [Math.min(...xsAll) - pad, Math.max(...xsAll) + pad] };
  layout.yaxis = { visible: false, range: [Math.min(...ysAll) - pad, Math.max(...ysAll) + pad], scaleanchor: 'x', scaleratio: 1 };
  return { data: [node], layout };
}

// ---------------------------------------------------------------------------------------------------------------
// Animation over snapshots

export interface AnimationOptions extends CommonOptions {
  /** Slider labels, one per snapshot (default: 0, 1, 2, …). */
  labels?: (string | number)[];
  /** Milliseconds per frame when playing (default 300). */
  duration?: number;
  /** Keep the axes fixed over all frames (default true): ranges from every snapshot's x/y data. */
  fixAxes?: boolean;
}

/**
 * Animation over training snapshots: each snapshot is a figure (or its traces) with the same number of traces;
 * the result has plotly frames, a slider and play/pause buttons. The first snapshot's layout is the base layout.
 */
export function animation(snapshots: (Figure | Trace[])[], opts: AnimationOptions = {}): Figure {
  const fn = 'animation';
  const list = nonEmptyArray<Figure | Trace[]>(fn, 'snapshots', snapshots);
  const traces = list.map((s, i) => {
    const d = Array.isArray(s) ? s : s && typeof s === 'object' && Array.isArray(s.data) ? s.data : undefined;
    if (!d) throw new TypeError(`${fn}: snapshots[${i}] must be a figure or an array of traces (got ${describe(s)})`);
    if (d.length === 0) throw new RangeError(`${fn}: snapshots[${i}] has no traces (nothing to draw)`);
    return d;
  });
  traces.forEach((d, i) => {
    if (d.length !== traces[0].length) throw new RangeError(`${fn}: snapshots[${i}] has ${d.length} traces but snapshots[0] has ${traces[0].length}; every snapshot needs the same traces`);
  });
  const labels = opts.labels === undefined ? list.map((_, i) => String(i)) : list.map((_, i) => String(opts.labels![i]));
  if (opts.labels !== undefined && opts.labels.length !== list.length) throw new RangeError(`${fn}: opts.labels must have one label per snapshot (${list.length}) (got ${opts.labels.length})`);
  const duration = opts.duration === undefined ? 300 : positive(fn, 'opts.duration', opts.duration);
  const frames: Frame[] = traces.map((d, i) => ({ name: labels[i], data: d }));
  const first = Array.isArray(list[0]) ? undefined : (list[0] as Figure);
  const layout: Layout = { ...(first?.layout ?? {}), ...baseLayout(opts, {}) };
  if (first?.layout) {
    layout.xaxis = { ...(first.layout.xaxis as Layout), ...(opts.xLabel ? { title: { text: opts.xLabel } } : {}) };
    layout.yaxis = { ...(first.layout.yaxis as Layout), ...(opts.yLabel ? { title: { text: opts.yLabel } } : {}) };
    if (!opts.title && first.layout.title) {
      layout.title = first.layout.title;
      layout.margin = { ...(layout.margin as Layout), t: 50 };
    }
  }
  if (opts.fixAxes ?? true) {
    const range = (key: 'x' | 'y'): [number, number] | undefined => {
      let lo = Infinity;
      let hi = -Infinity;
      for (const d of traces) for (const t of d) {
        if (t.type && t.type !== 'scatter') return undefined;
        const arr = t[key];
        if (!isArrayLike(arr)) continue;
        for (let i = 0; i < arr.length; i++) {
          const v = arr[i];
          if (typeof v === 'number' && Number.isFinite(v)) {
            if (v < lo) lo = v;
            if (v > hi) hi = v;
          }
        }
      }
      if (!(lo <= hi)) return undefined;
      const pad = lo === hi ? 1 : 0.05 * (hi - lo);
      return [lo - pad, hi + pad];
    };
    const xr = range('x');
    const yr = range('y');
    if (xr && !(layout.xaxis as Layout)?.range) layout.xaxis = { ...(layout.xaxis as Layout), range: xr, autorange: false };
    if (yr && !(layout.yaxis as Layout)?.range) layout.yaxis = { ...(layout.yaxis as Layout), range: yr, autorange: false };
  }
  const animArgs = (names: string[] | null, d: number) => [names, { mode: 'immediate', frame: { duration: d, redraw: true }, transition: { duration: 0 }, fromcurrent: true }];
  layout.sliders = [
    {
      active: 0,
      currentvalue: { prefix: 'snapshot: ' },
      pad: { t: 50 },
      x: 0.12,
      len: 0.88,
      steps: labels.map((l) => ({ label: l, method: 'animate', args: animArgs([l], 0) })),
    },
  ];
  layout.updatemenus = [
    {
      type: 'buttons',
      showactive: false,
      direction: 'left',
      x: 0,
      y: 0,
      xanchor: 'left',
      yanchor: 'top',
      pad: { t: 60, r: 10 },
      buttons: [
        { label: '▶', method: 'animate', args: animArgs(null, duration) },
        { label: '❚❚', method: 'animate', args: [[null], { mode: 'immediate', frame: { duration: 0, redraw: false }, transition: { duration: 0 } }] },
      ],
    },
  ];
  layout.height = opts.height ?? (typeof first?.layout?.height === 'number' ? (first.layout.height as number) + 80 : 500);
  (layout.margin as Layout) = { ...(layout.margin as Layout), b: 110 };
  return { data: traces[0], layout, frames };
}
