/**
 * Figures of the flow notebooks (plain plotly figures built with the display layer; draw them with `display.show`):
 * the pushed-forward grid (deformation), a 2-D density heatmap with points, the log-likelihood landscape of the scalar flow with
 * gradient fields and training trajectories, and the layer-by-layer push-forward animation.
 */
import { assertFiniteNumber, assertInteger, describe } from '../core/validate';
import { heatmap, quiverTrace, animation, scatter } from '../display/figures';
import type { Figure, Trace } from '../display/plotly';
import { scalarFlowGradExact, scalarFlowGradSource24, scalarFlowMeanLogLik } from './gradients';

function checkRange(fn: string, arg: string, r: unknown): [number, number] {
  if (!Array.isArray(r) || r.length !== 2 || !Number.isFinite(r[0]) || !Number.isFinite(r[1]) || !(r[1] > r[0])) {
    throw new RangeError(`${fn}: ${arg} must be [lo, hi] with finite lo < hi (got ${describe(r)})`);
  }
  return [r[0], r[1]];
}

/**
 * The image of a square grid under a 2-D map: each grid line of [lo, hi]² (n lines per direction) is pushed through `map`
 * (000 §2: "pushed-forward grid"). With `showOriginal`, the undeformed grid is drawn faintly underneath.
 */
export function gridDeformationFigure(map: (p: number[]) => number[], range: [number, number], opts: { lines?: number; title?: string; showOriginal?: boolean; height?: number } = {}): Figure {
  const fn = 'gridDeformationFigure';
  if (typeof map !== 'function') throw new TypeError(`${fn}: map must be a function of [x, y] (got ${describe(map)})`);
  const [lo, hi] = checkRange(fn, 'range', range);
  const n = opts.lines ?? 15;
  assertInteger(fn, 'opts.lines', n, 2, 200);
  const steps = 60;
  const data: Trace[] = [];
  const line = (pts: number[][], color: string, width: number, name?: string, show = false): Trace => ({
    type: 'scatter',
    mode: 'lines',
    x: pts.map((p) => p[0]),
    y: pts.map((p) => p[1]),
    line: { color, width },
    hoverinfo: 'skip',
    showlegend: show,
    ...(name ? { name } : {}),
  });
  for (const pass of opts.showOriginal ? ['orig', 'mapped'] : ['mapped']) {
    for (let dir = 0; dir < 2; dir++) {
      for (let i = 0; i < n; i++) {
        const c = lo + ((hi - lo) * i) / (n - 1);
        const pts = Array.from({ length: steps + 1 }, (_, k) => {
          const t = lo + ((hi - lo) * k) / steps;
          const p = dir === 0 ? [c, t] : [t, c];
          if (pass === 'orig') return p;
          const q = map(p);
          if (!Array.isArray(q) || q.length !== 2 || !Number.isFinite(q[0]) || !Number.isFinite(q[1])) throw new RangeError(`${fn}: map([${p}]) must be two finite numbers (got ${describe(q)})`);
          return q;
        });
        const first = i === 0 && dir === 0;
        data.push(pass === 'orig' ? line(pts, 'rgba(150,150,150,0.4)', 1, first ? 'grid in z' : undefined, first) : line(pts, dir === 0 ? '#1f77b4' : '#d62728', 1.3, first ? 'image x = g(z)' : undefined, first));
      }
    }
  }
  return {
    data,
    layout: { title: opts.title ? { text: opts.title } : undefined, height: opts.height ?? 440, margin: { l: 50, r: 20, t: opts.title ? 50 : 20, b: 40 }, yaxis: { scaleanchor: 'x', scaleratio: 1 }, showlegend: !!opts.showOriginal },
  };
}

/** A 2-D density (from log p) as a heatmap over xr × yr with optional point sets on top (data, samples). */
export function densityHeatmapFigure(
  logProb: (p: number[]) => number,
  xr: [number, number],
  yr: [number, number],
  opts: { n?: number; points?: { x: number[]; y: number[]; name: string; color?: string }[]; title?: string; height?: number } = {},
): Figure {
  const fn = 'densityHeatmapFigure';
  if (typeof logProb !== 'function') throw new TypeError(`${fn}: logProb must be a function (got ${describe(logProb)})`);
  checkRange(fn, 'xr', xr);
  checkRange(fn, 'yr', yr);
  const n = opts.n ?? 60;
  assertInteger(fn, 'opts.n', n, 2, 1000);
  const xs = Array.from({ length: n }, (_, i) => xr[0] + ((xr[1] - xr[0]) * i) / (n - 1));
  const ys = Array.from({ length: n }, (_, j) => yr[0] + ((yr[1] - yr[0]) * j) / (n - 1));
  const z = ys.map((y) => xs.map((x) => {
    const v = logProb([x, y]);
    return Number.isFinite(v) ? Math.exp(v) : 0;
  }));
  const fig = heatmap(z, { x: xs, y: ys, origin: 'bottom', labels: false, colorscale: 'Viridis', title: opts.title, height: opts.height ?? 440, showScale: true });
  for (const p of opts.points ?? []) {
    fig.data.push({ type: 'scatter', mode: 'markers', x: p.x, y: p.y, name: p.name, marker: { size: 3, color: p.color ?? 'white', opacity: 0.7 } });
  }
  fig.layout.showlegend = (opts.points ?? []).length > 0;
  fig.layout.legend = { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', bgcolor: 'rgba(255,255,255,0.7)' };
  return fig;
}

/**
 * The mean log-likelihood of the scalar flow over (φ, δ) as contours, with the gradient field of the 'exact' or 'source' (2.4)
 * gradient as arrows and optional training trajectories (000 inventory §4.2: gradient fields and trajectories, erratum 000-E16).
 */
export function scalarFlowLandscapeFigure(
  xs: number[],
  opts: { phiRange?: [number, number]; deltaRange?: [number, number]; field?: 'exact' | 'source'; paths?: { phi: number[]; delta: number[]; name: string; color?: string }[]; title?: string } = {},
): Figure {
  const fn = 'scalarFlowLandscapeFigure';
  const pr = checkRange(fn, 'opts.phiRange', opts.phiRange ?? [0.5, 3.5]);
  const dr = checkRange(fn, 'opts.deltaRange', opts.deltaRange ?? [-1, 2]);
  if (pr[0] <= 0 && pr[1] >= 0) throw new RangeError(`${fn}: opts.phiRange must not contain φ = 0 (got ${describe(pr)})`);
  const n = 50;
  const ph = Array.from({ length: n }, (_, i) => pr[0] + ((pr[1] - pr[0]) * i) / (n - 1));
  const de = Array.from({ length: n }, (_, j) => dr[0] + ((dr[1] - dr[0]) * j) / (n - 1));
  const sub = xs.length > 400 ? xs.filter((_, i) => i % Math.ceil(xs.length / 400) === 0) : xs;
  const z = de.map((d) => ph.map((p) => scalarFlowMeanLogLik(sub, p, d)));
  const data: Trace[] = [{ type: 'contour', x: ph, y: de, z, ncontours: 25, colorscale: 'Greys', reversescale: true, showscale: false, contours: { coloring: 'lines' }, name: 'mean log-likelihood' }];
  if (opts.field) {
    const which = opts.field;
    const g = (p: number, d: number): [number, number] => {
      let a = 0;
      let b = 0;
      for (const x of sub) {
        const gr = which === 'exact' ? scalarFlowGradExact(x, p, d) : scalarFlowGradSource24(x, p, d);
        a += gr.phi;
        b += gr.delta;
      }
      return [a / sub.length, b / sub.length];
    };
    const q = quiverTrace(g, { xRange: pr, yRange: dr, n: 12, normalize: true, color: which === 'exact' ? '#2ca02c' : '#d62728', name: `${which} gradient` }, fn);
    q.trace.showlegend = true;
    data.push(q.trace);
  }
  for (const p of opts.paths ?? []) {
    data.push({ type: 'scatter', mode: 'lines', x: p.phi, y: p.delta, name: p.name, line: { color: p.color ?? '#1f77b4', width: 2.5 } });
  }
  return {
    data,
    layout: { title: opts.title ? { text: opts.title } : undefined, height: 460, xaxis: { title: { text: 'φ' }, range: pr }, yaxis: { title: { text: 'δ' }, range: dr }, margin: { l: 60, r: 20, t: opts.title ? 50 : 20, b: 50 } },
  };
}

/** Layer-by-layer push-forward: one scatter snapshot per stage (z, after layer 1, …, x) as an animation with a slider. */
export function layerAnimationFigure(stages: number[][][], opts: { title?: string; labels?: string[] } = {}): Figure {
  const fn = 'layerAnimationFigure';
  if (!Array.isArray(stages) || stages.length === 0) throw new RangeError(`${fn}: stages must be a non-empty array of point sets (got ${describe(stages)})`);
  const snaps = stages.map((pts, k) => {
    if (!Array.isArray(pts) || pts.length === 0) throw new RangeError(`${fn}: stages[${k}] must be a non-empty array of points`);
    return scatter({ x: pts.map((p) => p[0]), y: pts.map((p) => p[1]), name: 'points', size: 3 });
  });
  return animation(snaps, { title: opts.title, labels: opts.labels ?? stages.map((_, k) => (k === 0 ? 'z' : `after layer ${k}`)), duration: 500 });
}

/** Evenly spaced numbers on [a, b] (n points), for plots. */
export function grid1D(a: number, b: number, n = 400): number[] {
  assertFiniteNumber('grid1D', 'a', a);
  assertFiniteNumber('grid1D', 'b', b);
  assertInteger('grid1D', 'n', n, 2, 1e6);
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}
