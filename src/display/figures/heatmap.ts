/** Figure helpers: heatmaps. */
import { describe } from '../../core/validate';
import { Figure, Layout, Trace } from '../plotly';
import { finiteNumbers, isArrayLike, nonEmptyArray } from '../check';
import { CommonOptions, baseLayout } from './common';

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
