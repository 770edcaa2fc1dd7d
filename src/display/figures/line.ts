/** Figure helpers: line plots. */
import { describe } from '../../core/validate';
import { Figure, Layout, Trace } from '../plotly';
import { describeNonFinite, finiteNumbers, func, interval, numbers, positive, positiveInt } from '../check';
import { CommonOptions, PALETTE, baseLayout, withWarnings } from './common';
import { scatter } from './scatter';

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
