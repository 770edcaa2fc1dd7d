/**
 * Figures specific to the MC notebooks, built on the display layer (plain plotly figures).
 */
import { digraph } from '../display/figures';
import type { Figure } from '../display/plotly';
import { Matrix } from '../core/linalg';
import { describe } from '../core/validate';
import { assertStochastic } from './chains';

/**
 * State diagram of a finite chain: one node per state (its label shows the holding probability P_ii), one arrow per
 * transition with P_ij > 0, labelled with P_ij and offset to the side so that i → j and j → i stay readable.
 */
export function stateDiagram(P: Matrix, opts: { labels?: string[]; title?: string; digits?: number } = {}): Figure {
  const fn = 'stateDiagram';
  assertStochastic(fn, 'P', P);
  const n = P.length;
  const labels = opts.labels ?? Array.from({ length: n }, (_, i) => String(i + 1));
  if (!Array.isArray(labels) || labels.length !== n || labels.some((l) => typeof l !== 'string')) {
    throw new RangeError(`${fn}: opts.labels must be ${n} strings, one per state (got ${describe(labels)})`);
  }
  const digits = opts.digits ?? 3;
  const fmt = (v: number) => String(Number(v.toFixed(digits)));
  const nodes = labels.map((l, i) => ({ id: l, label: P[i][i] > 0 ? `${l}<br><sub>stay ${fmt(P[i][i])}</sub>` : l }));
  const edges: [string, string][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && P[i][j] > 0) edges.push([labels[i], labels[j]]);
  const fig = digraph({ nodes, edges }, { layout: 'circle', title: opts.title, nodeSize: 58, height: 420 });
  // positions of the circle layout (same formula as display.digraph)
  const pos = (k: number): [number, number] => [Math.cos(Math.PI / 2 - (2 * Math.PI * k) / n), Math.sin(Math.PI / 2 - (2 * Math.PI * k) / n)];
  const ann = (fig.layout.annotations as Record<string, unknown>[]) ?? [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j || !(P[i][j] > 0)) continue;
      const [x0, y0] = pos(i);
      const [x1, y1] = pos(j);
      const len = Math.hypot(x1 - x0, y1 - y0) || 1;
      const off = P[j][i] > 0 ? 0.1 : 0; // shift to the right of the direction of travel when both arrows exist
      ann.push({
        // a two-way pair: each label sits nearer its own source, on its own side of the line
        x: x0 + (off ? 0.32 : 0.5) * (x1 - x0) + (off * (y1 - y0)) / len,
        y: y0 + (off ? 0.32 : 0.5) * (y1 - y0) - (off * (x1 - x0)) / len,
        xref: 'x',
        yref: 'y',
        text: `${labels[i]}→${labels[j]}: ${fmt(P[i][j])}`,
        showarrow: false,
        bgcolor: 'rgba(255,255,255,0.85)',
        font: { size: 11 },
      });
    }
  }
  fig.layout.annotations = ann;
  return fig;
}
