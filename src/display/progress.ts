/**
 * Live progress for long cells: a progress bar and a live metric plot, each redrawing ONE output in place
 * (Jupyter `update_display_data` through `newDisplayHandle()`). Executed by nbclient (tests, the course build), the
 * last redraw is what the saved notebook keeps — call `done()` at the end so that it is the final state.
 *
 *   const bar = display.progress(steps, 'training');
 *   for (let i = 0; i < steps; i++) { trainStep(); await bar.update(i + 1); }
 *
 * tslab sends outputs asynchronously: a loop that never yields shows only its last state. `update()` returns a
 * promise that, when it has redrawn, resolves after one turn of the event loop — `await` it to see the bar move.
 */
import { describe } from '../core/validate';
import { newDisplayHandle, DisplayHandle } from './emit';
import { ensurePlots, figureBundle, Figure } from './plotly';
import { linePlot, Series } from './figures';

const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Seconds as "1h02m", "3m05s", "12.3s". */
export function formatDuration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(Math.round(s - 60 * m)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export interface ProgressOptions {
  /** Minimum milliseconds between redraws (default 200); the first, the last and `done()` always redraw. */
  minInterval?: number;
  /** Clock in milliseconds (for tests; default Date.now). */
  now?: () => number;
  /** Where to draw (for tests; default a new display). */
  handle?: DisplayHandle;
}

export interface ProgressState {
  label: string;
  done: number;
  total: number;
  elapsed: number;
  /** Steps per second so far. */
  rate: number;
  /** Estimated seconds left (NaN before the first step). */
  remaining: number;
  note?: string;
  finished: boolean;
}

export interface Progress {
  /** Set the number of finished steps (default: one more than before) and an optional note (e.g. "loss 0.31"). */
  update(done?: number, note?: string): Promise<void>;
  /** Mark the work finished and draw the final state. */
  done(note?: string): void;
  /** The current state (for tests and for printing). */
  state(): ProgressState;
}

/** Text and HTML of a progress state. */
export function progressBundle(s: ProgressState) {
  const frac = s.total > 0 ? Math.min(1, s.done / s.total) : 1;
  const pct = (100 * frac).toFixed(0);
  const rate = s.rate > 0 ? (s.rate >= 1 ? `${s.rate.toFixed(1)} it/s` : `${(1 / s.rate).toFixed(2)} s/it`) : '– it/s';
  const tail = s.finished ? `done in ${formatDuration(s.elapsed)}` : `${formatDuration(s.elapsed)} elapsed, ${formatDuration(s.remaining)} left`;
  const note = s.note ? ` — ${s.note}` : '';
  const text = `${s.label}: ${s.done}/${s.total} [${pct}%] ${rate}, ${tail}${note}`;
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const color = s.finished ? '#2ca02c' : '#1f77b4';
  const htmlText =
    `<div class="dgmlab-progress" data-done="${s.done}" data-total="${s.total}" style="font-family:monospace;font-size:13px">` +
    `<span>${esc(s.label)}</span> ` +
    `<span style="display:inline-block;width:240px;height:12px;border:1px solid #999;vertical-align:middle;background:#f3f3f3">` +
    `<span style="display:block;height:100%;width:${(100 * frac).toFixed(1)}%;background:${color}"></span></span> ` +
    `<span>${s.done}/${s.total} (${pct}%) · ${rate} · ${esc(tail)}${esc(note)}</span></div>`;
  return { 'text/html': htmlText, 'text/plain': text };
}

/** A progress bar for `total` steps that redraws in place with rate and remaining time. */
export function progress(total: number, label = 'progress', opts: ProgressOptions = {}): Progress {
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 1) throw new RangeError(`progress: total must be an integer >= 1 (got ${describe(total)})`);
  if (typeof label !== 'string') throw new TypeError(`progress: label must be a string (got ${describe(label)})`);
  const minInterval = opts.minInterval ?? 200;
  const now = opts.now ?? Date.now;
  const handle = opts.handle ?? newDisplayHandle();
  const start = now();
  let count = 0;
  let note: string | undefined;
  let finished = false;
  let lastDraw = -Infinity;
  const state = (): ProgressState => {
    const elapsed = (now() - start) / 1000;
    const rate = elapsed > 0 ? count / elapsed : 0;
    return { label, done: count, total, elapsed, rate, remaining: count > 0 && rate > 0 ? (total - count) / rate : NaN, note, finished };
  };
  const draw = () => {
    lastDraw = now();
    handle.show(progressBundle(state()));
  };
  draw();
  return {
    update(done?: number, n?: string) {
      if (finished) return Promise.resolve();
      const next = done === undefined ? count + 1 : done;
      if (typeof next !== 'number' || !Number.isFinite(next) || next < 0) throw new RangeError(`progress.update: done must be a finite number >= 0 (got ${describe(done)})`);
      count = Math.min(next, total);
      if (n !== undefined) note = n;
      if (count >= total) {
        finished = true;
        draw();
        return yieldTurn();
      }
      if (now() - lastDraw >= minInterval) {
        draw();
        return yieldTurn();
      }
      return Promise.resolve();
    },
    done(n?: string) {
      if (n !== undefined) note = n;
      finished = true;
      draw();
    },
    state,
  };
}

export interface LivePlotOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  logY?: boolean;
  /** Redraw every `every` pushes (default 10); `done()` always redraws. */
  every?: number;
  /** Where to draw (for tests). */
  handle?: DisplayHandle;
}

export interface LivePlot {
  /** Record the metrics of one step (`{ loss: 0.3, 'val loss': 0.4 }`); redraws every `every` pushes. */
  push(step: number, values: Record<string, number>): Promise<void>;
  /** Draw the final figure (what the saved notebook keeps). */
  done(): void;
  /** The figure of the data so far. */
  figure(): Figure;
}

/**
 * A live loss/metric plot: one curve per metric, redrawn in place every `every` steps. A non-finite value (a diverging
 * loss) is drawn as a gap with a visible warning, like `linePlot`.
 */
export function livePlot(opts: LivePlotOptions = {}): LivePlot {
  const every = opts.every ?? 10;
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`livePlot: opts.every must be an integer >= 1 (got ${describe(every)})`);
  const handle = opts.handle ?? newDisplayHandle();
  const series = new Map<string, { x: number[]; y: number[] }>();
  let pushes = 0;
  const figure = (): Figure => {
    const list: Series[] = [...series.entries()].map(([name, s]) => ({ name, x: s.x, y: s.y }));
    if (list.length === 0) {
      return { data: [], layout: { title: { text: opts.title ?? 'waiting for the first step…' }, height: 360, annotations: [{ text: 'no data yet', showarrow: false, xref: 'paper', yref: 'paper', x: 0.5, y: 0.5 }] } };
    }
    return linePlot(list, { title: opts.title, xLabel: opts.xLabel ?? 'step', yLabel: opts.yLabel, logY: opts.logY, legend: true, height: 360 });
  };
  const draw = () => {
    ensurePlots();
    handle.show(figureBundle(figure()));
  };
  draw();
  return {
    push(step: number, values: Record<string, number>) {
      if (typeof step !== 'number' || !Number.isFinite(step)) throw new RangeError(`livePlot.push: step must be a finite number (got ${describe(step)})`);
      if (!values || typeof values !== 'object') throw new TypeError(`livePlot.push: values must be an object of metric name → number (got ${describe(values)})`);
      for (const [k, v] of Object.entries(values)) {
        if (typeof v !== 'number') throw new TypeError(`livePlot.push: values[${JSON.stringify(k)}] must be a number (got ${describe(v)})`);
        if (!series.has(k)) series.set(k, { x: [], y: [] });
        series.get(k)!.x.push(step);
        series.get(k)!.y.push(v);
      }
      pushes++;
      if (pushes % every === 0) {
        draw();
        return yieldTurn();
      }
      return Promise.resolve();
    },
    done: draw,
    figure,
  };
}
