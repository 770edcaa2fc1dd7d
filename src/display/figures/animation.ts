/** Figure helpers: animation over snapshots. */
import { describe } from '../../core/validate';
import { Figure, Frame, Layout, Trace } from '../plotly';
import { isArrayLike, nonEmptyArray, positive } from '../check';
import { CommonOptions, baseLayout } from './common';
import { scatter } from './scatter';

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
