/**
 * Figures of the autoregressive notebooks (plain plotly figures; draw them with `display.show`): receptive-field heatmaps of
 * the four mask cases side by side (re-creating the lost Figure 2 of 001 Section 1) and per layer (Figure 3), the blind spot,
 * matrix panels (MADE masks and connectivity, Jacobian patterns), and line traces.
 */
import { assertOneOf, describe } from '../core/validate';
import type { Figure, Trace } from '../display/plotly';
import { linePlot, Series } from '../display/figures';
import { MadeMasks, madeConnectivity } from './made';
import { FOUR_CASES, MaskType, ORIENTATIONS, Orientation, blindSpot, pixelRowCol, receptiveField, receptiveFieldLayers } from './masks';

/** One panel of `panelsFigure`: a matrix, a title and optional cell labels. */
export interface Panel {
  z: number[][];
  title: string;
  text?: string[][];
}

/**
 * Matrices side by side as heatmaps with square cells (row 1 at the top), one subplot each, sharing one colour scale.
 * Used for receptive fields, masks and connectivity matrices.
 */
export function panelsFigure(panels: Panel[], opts: { title?: string; colorscale?: string | [number, string][]; zmin?: number; zmax?: number; height?: number; showScale?: boolean } = {}): Figure {
  const fn = 'panelsFigure';
  if (!Array.isArray(panels) || panels.length === 0) throw new TypeError(`${fn}: argument panels must be a non-empty array of { z, title } (got ${describe(panels)})`);
  const n = panels.length;
  const gap = 0.04;
  const w = (1 - gap * (n - 1)) / n;
  const data: Trace[] = [];
  const layout: Record<string, unknown> = {
    height: opts.height ?? 330,
    margin: { l: 30, r: 20, t: opts.title ? 80 : 50, b: 20 },
    annotations: [] as unknown[],
  };
  if (opts.title) layout.title = { text: opts.title };
  panels.forEach((p, i) => {
    if (!Array.isArray(p?.z) || p.z.length === 0) throw new TypeError(`${fn}: argument panels[${i}].z must be a non-empty matrix (got ${describe(p?.z)})`);
    const ax = i === 0 ? '' : String(i + 1);
    const rows = p.z.length;
    const cols = p.z[0].length;
    data.push({
      type: 'heatmap',
      z: p.z,
      x: Array.from({ length: cols }, (_, c) => c + 1),
      y: Array.from({ length: rows }, (_, r) => r + 1),
      xaxis: `x${ax}`,
      yaxis: `y${ax}`,
      colorscale: opts.colorscale ?? 'Viridis',
      zmin: opts.zmin,
      zmax: opts.zmax,
      showscale: (opts.showScale ?? false) && i === n - 1,
      xgap: 1,
      ygap: 1,
      ...(p.text ? { text: p.text, texttemplate: '%{text}', hovertemplate: '%{text}<extra></extra>' } : { hovertemplate: 'row %{y}, col %{x}: %{z}<extra></extra>' }),
    });
    const x0 = i * (w + gap);
    layout[`xaxis${ax}`] = { domain: [x0, x0 + w], showgrid: false, zeroline: false, dtick: 1, constrain: 'domain' };
    layout[`yaxis${ax}`] = { autorange: 'reversed', showgrid: false, zeroline: false, dtick: 1, scaleanchor: `x${ax}`, constrain: 'domain' };
    (layout.annotations as unknown[]).push({ text: p.title, x: x0 + w / 2, y: 1.02, xref: 'paper', yref: 'paper', xanchor: 'center', yanchor: 'bottom', showarrow: false, font: { size: 13 } });
  });
  return { data, layout };
}

const FIELD_COLORS: [number, string][] = [
  [0, '#f4f4f4'],
  [0.33, '#f4f4f4'],
  [0.34, '#ffd27f'],
  [0.66, '#ffd27f'],
  [0.67, '#1f77b4'],
  [1, '#1f77b4'],
];

function rcLabels(size: number): string[][] {
  return Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => (size < 10 ? `${r + 1}${c + 1}` : `${r + 1},${c + 1}`)));
}

/** A size×size grid: 2 = in the field, 1 = the output pixel itself when not in the field, 0 = elsewhere. */
function fieldPanel(field: number[], outputPixel: number, size: number, title: string): Panel {
  const z = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  field.forEach((p) => {
    const [r, c] = pixelRowCol(p, size);
    z[r - 1][c - 1] = 2;
  });
  const [r0, c0] = pixelRowCol(outputPixel, size);
  if (z[r0 - 1][c0 - 1] === 0) z[r0 - 1][c0 - 1] = 1;
  return { z, title, text: rcLabels(size) };
}

/**
 * The receptive fields of `outputPixel` for the four cases (A,A), (A,B), (B,A), (B,B) of 001 Section 1, side by side (the
 * source's lost Figure 2) in one orientation. Blue: in the field; orange: the output pixel when it is not in its own field.
 */
export function receptiveFieldsFigure(orientation: Orientation = 'raster', outputPixel = 34, size = 5): Figure {
  assertOneOf('receptiveFieldsFigure', 'orientation', orientation, ORIENTATIONS);
  const panels = FOUR_CASES.map((c, i) => fieldPanel(receptiveField(c, outputPixel, size, orientation), outputPixel, size, `case ${i + 1}: (${c[0]}, ${c[1]})`));
  return panelsFigure(panels, { title: `Receptive field of pixel ${outputPixel} — ${orientation} masks (blue: in the field; orange: the output pixel)`, colorscale: FIELD_COLORS, zmin: 0, zmax: 2 });
}

/**
 * The per-layer fields of case (first, second) (001 Figure 3): what the output pixel reads in the first layer's output, and
 * the fields in the image of each of those pixels, merged.
 */
export function layerFieldsFigure(layers: MaskType[], outputPixel = 34, size = 5, orientation: Orientation = 'raster'): Figure {
  const fields = receptiveFieldLayers(layers, outputPixel, size, orientation);
  const L = layers.length;
  const panels = fields.slice(0, L).map((f, l) => fieldPanel(f, outputPixel, size, l === 0 ? 'input image' : `output of layer ${l} (${layers[l - 1]})`));
  return panelsFigure(panels, { title: `Pixel ${outputPixel} through ${layers.join(', ')} (${orientation}): the field in each layer's input`, colorscale: FIELD_COLORS, zmin: 0, zmax: 2 });
}

/** The blind spot: field (blue) and preceding pixels outside it (red) for a stack of masked convolutions. */
export function blindSpotFigure(layers: MaskType[], outputPixel: number, size: number, orientation: Orientation = 'raster'): Figure {
  const field = receptiveField(layers, outputPixel, size, orientation);
  const blind = blindSpot(layers, outputPixel, size, orientation);
  const z = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  field.forEach((p) => {
    const [r, c] = pixelRowCol(p, size);
    z[r - 1][c - 1] = 2;
  });
  blind.forEach((p) => {
    const [r, c] = pixelRowCol(p, size);
    z[r - 1][c - 1] = 1;
  });
  const [r0, c0] = pixelRowCol(outputPixel, size);
  const text = rcLabels(size);
  text[r0 - 1][c0 - 1] = '●';
  return panelsFigure([{ z, title: `${layers.length} layers: ${layers.join('')} (${orientation}); ● = pixel ${outputPixel}`, text }], {
    colorscale: [
      [0, '#f4f4f4'],
      [0.33, '#f4f4f4'],
      [0.34, '#d62728'],
      [0.66, '#d62728'],
      [0.67, '#1f77b4'],
      [1, '#1f77b4'],
    ],
    zmin: 0,
    zmax: 2,
    height: 420,
    title: 'Blind spot (red): earlier pixels the stack never sees; blue: the receptive field',
  });
}

/** MADE masks and their connectivity product (003 L661–667; erratum 003-E80): M¹, …, M^V and M^V⋯M¹ side by side. */
export function madeMasksFigure(masks: MadeMasks): Figure {
  const L = masks.masks.length;
  const panels: Panel[] = masks.masks.map((M, l) => ({ z: M, title: l === L - 1 ? 'M^V (output × hidden)' : l === 0 ? 'M¹ (hidden × input)' : `M${l + 1} (hidden × hidden)`, text: M.map((r) => r.map(String)) }));
  const C = madeConnectivity(masks.masks);
  const max = Math.max(1, ...C.flat());
  panels.push({ z: C.map((r) => r.map((v) => v / max)), title: 'connectivity M^V⋯M¹ (paths)', text: C.map((r) => r.map(String)) });
  return panelsFigure(panels, { title: `MADE masks, degrees ${masks.degrees.slice(1).map((d) => '(' + d.join(',') + ')').join(' → ')}`, colorscale: [[0, '#f4f4f4'], [1, '#1f77b4']], zmin: 0, zmax: 1, height: 340 });
}

/** |∂y_k/∂x_j| as a heatmap (rows: outputs k, columns: inputs j); the autoregressive property = zeros on and above the diagonal. */
export function jacobianFigure(J: number[][], title = '|∂y_k/∂x_j| (rows k, columns j)'): Figure {
  const A = J.map((r) => r.map((v) => Math.abs(v)));
  return panelsFigure([{ z: A, title, text: A.map((r) => r.map((v) => (v === 0 ? '0' : v.toFixed(3)))) }], { colorscale: 'Blues', height: 380, showScale: true });
}

/** LSTM gate traces (000 (2.13)): f, i, o, g, c and h of hidden unit `unit` against t; dashed lines at ±1 (erratum 000-E28). */
export function lstmTracesFigure(trace: { h: number[][]; c: number[][]; gates: Record<'f' | 'i' | 'o' | 'g', number[][]> }, unit = 0, title = 'LSTM gates and states against t'): Figure {
  const T = trace.h.length;
  const t = Array.from({ length: T }, (_, k) => k + 1);
  const series: Series[] = [
    ...(['f', 'i', 'o', 'g'] as const).map((g) => ({ x: t, y: trace.gates[g].map((v) => v[unit]), name: `${g}_t`, mode: 'lines+markers' as const })),
    { x: t, y: trace.c.map((v) => v[unit]), name: 'c_t (cell)', mode: 'lines+markers', lineWidth: 3 },
    { x: t, y: trace.h.map((v) => v[unit]), name: 'h_t (output)', mode: 'lines+markers', lineWidth: 3 },
    { x: [1, T], y: [1, 1], name: '±1', dash: 'dash', color: '#999' },
    { x: [1, T], y: [-1, -1], name: '−1', dash: 'dash', color: '#999' },
  ];
  return linePlot(series, { title, xLabel: 't', yLabel: 'value', legend: true });
}
