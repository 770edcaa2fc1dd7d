/** Figure helpers: bar charts. */
import { describe } from '../../core/validate';
import { Figure, Layout, Trace } from '../plotly';
import { finiteNumbers, nonEmptyArray } from '../check';
import { CommonOptions, PALETTE, baseLayout } from './common';

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
