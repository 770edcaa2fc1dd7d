/**
 * Figure builders of the graphical-model notebooks, on the display layer: DAGs with an active trail or a Markov
 * blanket highlighted, undirected graphs, CPDAGs beside the true DAG, posterior bar charts under evidence, factor
 * heatmaps, PC accuracy against the sample size.
 */
import { describe } from '../core/validate';
import { Figure, Layout, Trace } from '../display/plotly';
import { digraph, graphLayers, GraphNode } from '../display/figures/digraph';
import { barChart } from '../display/figures/bars';
import { linePlot } from '../display/figures/line';
import { scatter } from '../display/figures/scatter';
import { PALETTE } from '../display/figures/common';
import { Dag, Edge, assertDag, pairKey } from './dag';
import { activeTrails, dSeparated } from './dsep';
import { BayesNet, queryVE } from './bayesnet';
import { Assignment, Factor } from './factor';
import { Pdag, checkPdag } from './equivalence';
import { PcAccuracyRow } from './pc';

const HIGHLIGHT = '#d62728';

export interface GraphFigureOptions {
  title?: string;
  /** Observed nodes (shaded). */
  observed?: string[];
  /** Node fill colours by name. */
  colors?: Record<string, string>;
  /** Node positions by name (default: layers by longest path from the roots). */
  positions?: Record<string, [number, number]>;
  height?: number;
}

/** Layered positions of a DAG (roots on top), as used by `display.digraph`. */
export function dagPositions(g: Dag): Record<string, [number, number]> {
  assertDag('dagPositions', 'g', g);
  const layers = graphLayers(g.nodes.slice(), g.edges.map((e) => [e[0], e[1]] as [string, string]))!;
  const by = new Map<number, string[]>();
  g.nodes.forEach((v) => by.set(layers.get(v)!, [...(by.get(layers.get(v)!) ?? []), v]));
  const pos: Record<string, [number, number]> = {};
  for (const [l, members] of by) members.forEach((v, k) => (pos[v] = [k - (members.length - 1) / 2, -l]));
  return pos;
}

function checkNames(fn: string, arg: string, names: unknown, known: readonly string[]): string[] {
  if (names === undefined) return [];
  if (!Array.isArray(names)) throw new TypeError(`${fn}: argument ${arg} must be an array of node names (got ${describe(names)})`);
  names.forEach((v, i) => {
    if (!known.includes(v)) throw new RangeError(`${fn}: argument ${arg}[${i}] is not a node (got ${describe(v)}; nodes: ${known.join(', ')})`);
  });
  return names as string[];
}

/**
 * Draw a graph with directed and undirected edges; `edgeColors` (keyed "a|b" unordered) recolours edges. The workhorse
 * of the builders below (built on `display.digraph`, with undirected edges drawn without a head).
 */
export function graphFigure(
  nodes: string[],
  edges: { directed?: Edge[]; undirected?: Edge[] },
  opts: GraphFigureOptions & { edgeColors?: Record<string, string>; edgeWidths?: Record<string, number> } = {},
): Figure {
  const fn = 'graphFigure';
  if (!Array.isArray(nodes) || nodes.length === 0) throw new TypeError(`${fn}: argument nodes must be a non-empty array of names (got ${describe(nodes)})`);
  const directed = edges?.directed ?? [];
  const undirected = edges?.undirected ?? [];
  const observed = checkNames(fn, 'opts.observed', opts.observed, nodes);
  const pos = opts.positions ?? circle(nodes);
  for (const v of nodes) if (!pos[v]) throw new RangeError(`${fn}: argument opts.positions has no position for ${describe(v)}`);
  const gnodes: GraphNode[] = nodes.map((v) => ({ id: v, x: pos[v][0], y: pos[v][1], observed: observed.includes(v), color: opts.colors?.[v] }));
  const all = [...directed.map((e) => ({ from: e[0], to: e[1] })), ...undirected.map((e) => ({ from: e[0], to: e[1] }))];
  const fig = digraph({ nodes: gnodes, edges: all }, { title: opts.title, height: opts.height ?? 340 });
  const ann = (fig.layout.annotations as Layout[]).slice();
  all.forEach((e, i) => {
    const k = pairKey(e.from, e.to).replace('\u0000', '|');
    const a = { ...ann[i] };
    if (i >= directed.length) a.arrowhead = 0;
    if (opts.edgeColors?.[k]) a.arrowcolor = opts.edgeColors[k];
    if (opts.edgeWidths?.[k]) a.arrowwidth = opts.edgeWidths[k];
    ann[i] = a;
  });
  fig.layout.annotations = ann;
  return fig;
}

function circle(nodes: string[]): Record<string, [number, number]> {
  const pos: Record<string, [number, number]> = {};
  nodes.forEach((v, k) => (pos[v] = [Math.cos(Math.PI / 2 - (2 * Math.PI * k) / nodes.length), Math.sin(Math.PI / 2 - (2 * Math.PI * k) / nodes.length)]));
  return pos;
}

/** A DAG (Bayesian network structure) with observed nodes shaded (002 Fig. 2.1; 003 L31). */
export function dagFigure(g: Dag, opts: GraphFigureOptions = {}): Figure {
  assertDag('dagFigure', 'g', g);
  return graphFigure(g.nodes.slice(), { directed: g.edges.slice() }, { positions: dagPositions(g), ...opts });
}

/**
 * The DAG with Z shaded and the shortest active trail between a and b drawn in red (002 §2.4, D1). The title says
 * whether a ⊥ b | Z; `trailIndex` picks another active trail.
 */
export function activeTrailFigure(g: Dag, a: string, b: string, Z: string[] = [], opts: GraphFigureOptions & { trailIndex?: number } = {}): Figure {
  const fn = 'activeTrailFigure';
  assertDag(fn, 'g', g);
  const trails = activeTrails(g, a, b, Z);
  const k = opts.trailIndex ?? 0;
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`${fn}: argument opts.trailIndex must be an integer ≥ 0 (got ${describe(k)})`);
  const t = trails[k];
  const sep = dSeparated(g, [a], [b], Z);
  const edgeColors: Record<string, string> = {};
  const edgeWidths: Record<string, number> = {};
  if (t) for (let i = 0; i + 1 < t.length; i++) (edgeColors[`${t[i] < t[i + 1] ? t[i] : t[i + 1]}|${t[i] < t[i + 1] ? t[i + 1] : t[i]}`] = HIGHLIGHT), (edgeWidths[`${t[i] < t[i + 1] ? t[i] : t[i + 1]}|${t[i] < t[i + 1] ? t[i + 1] : t[i]}`] = 4);
  const colors: Record<string, string> = { [a]: '#ffd9a8', [b]: '#ffd9a8', ...(opts.colors ?? {}) };
  const cond = Z.length ? ` | {${Z.join(', ')}}` : '';
  const title = opts.title ?? (sep ? `${a} ⊥ ${b}${cond}: d-separated (no active trail)` : `${a} ⊥̸ ${b}${cond}: active trail ${t.join(' – ')}${trails.length > 1 ? ` (1 of ${trails.length})` : ''}`);
  return graphFigure(g.nodes.slice(), { directed: g.edges.slice() }, { positions: dagPositions(g), ...opts, observed: Z, colors, edgeColors, edgeWidths, title });
}

/** The DAG with the Markov blanket of v coloured (002 §2.5, Fig. 2.5). */
export function markovBlanketFigure(g: Dag, v: string, blanket: string[], opts: GraphFigureOptions = {}): Figure {
  const fn = 'markovBlanketFigure';
  assertDag(fn, 'g', g);
  g.check(fn, v);
  const mb = checkNames(fn, 'blanket', blanket, g.nodes);
  const colors: Record<string, string> = { [v]: '#ffd9a8' };
  mb.forEach((w) => (colors[w] = '#a8d5ff'));
  return dagFigure(g, { title: `Markov blanket of ${v}: {${mb.join(', ')}}`, ...opts, colors });
}

/** An undirected graph (Markov network) on a circle (003 L46–92). */
export function undirectedFigure(nodes: string[], edges: Edge[], opts: GraphFigureOptions = {}): Figure {
  return graphFigure(nodes, { undirected: edges }, opts);
}

/**
 * The true DAG (left) beside a recovered CPDAG (right), on the same layout. Right-hand edges are green when they
 * match the true CPDAG, orange when the orientation differs, red when the edge is not in the truth; missing edges are
 * listed in the title (002 §2.7–2.8).
 */
export function cpdagComparisonFigure(truth: Dag, recovered: Pdag, trueCpdag: Pdag, opts: { title?: string; height?: number } = {}): Figure {
  const fn = 'cpdagComparisonFigure';
  assertDag(fn, 'truth', truth);
  checkPdag(fn, recovered);
  checkPdag(fn, trueCpdag);
  const pos = dagPositions(truth);
  const xs = Object.values(pos).map((p) => p[0]);
  const shift = Math.max(...xs) - Math.min(...xs) + 2;
  const L = (v: string) => `${v} `; // left copies carry a trailing space so their ids differ
  const positions: Record<string, [number, number]> = {};
  truth.nodes.forEach((v) => {
    positions[L(v)] = pos[v];
    positions[v] = [pos[v][0] + shift, pos[v][1]];
  });
  const mark = (p: Pdag) => {
    const m = new Map<string, string>();
    p.undirected.forEach(([a, b]) => m.set(pairKey(a, b), 'u'));
    p.directed.forEach(([a, b]) => m.set(pairKey(a, b), `${a}>${b}`));
    return m;
  };
  const mt = mark(trueCpdag);
  const mr = mark(recovered);
  const edgeColors: Record<string, string> = {};
  for (const [k, v] of mr) edgeColors[k.replace('\u0000', '|')] = !mt.has(k) ? HIGHLIGHT : mt.get(k) === v ? '#2ca02c' : '#ff7f0e';
  for (const [a, b] of truth.edges) edgeColors[pairKey(L(a), L(b)).replace('\u0000', '|')] = '#444';
  const missing = [...mt.keys()].filter((k) => !mr.has(k)).map((k) => k.replace('\u0000', '–'));
  const fig = graphFigure(
    [...truth.nodes.map(L), ...truth.nodes],
    { directed: [...truth.edges.map(([a, b]) => [L(a), L(b)] as Edge), ...recovered.directed], undirected: recovered.undirected },
    { positions, edgeColors, height: opts.height ?? 360, title: opts.title ?? `true DAG (left) · recovered CPDAG (right)${missing.length ? ` · missing: ${missing.join(', ')}` : ''}` },
  );
  return fig;
}

/**
 * Posterior bars P(variable = state | evidence) for several evidence sets (003 §4.1: causal, evidential and
 * intercausal reasoning; explaining away). With `state` omitted, every state gets a bar per case.
 */
export function posteriorBars(bn: BayesNet, variable: string, cases: { label: string; evidence: Assignment }[], opts: { state?: number; title?: string } = {}): Figure {
  const fn = 'posteriorBars';
  if (!(bn instanceof BayesNet)) throw new TypeError(`${fn}: argument bn must be a BayesNet (got ${describe(bn)})`);
  bn.dag.check(fn, variable);
  if (!Array.isArray(cases) || cases.length === 0) throw new TypeError(`${fn}: argument cases must be a non-empty array of {label, evidence} (got ${describe(cases)})`);
  const post = cases.map((c) => queryVE(bn, [variable], c.evidence).values);
  const labels = cases.map((c) => c.label);
  if (opts.state !== undefined) {
    if (!Number.isInteger(opts.state) || opts.state < 0 || opts.state >= bn.card[variable]) throw new RangeError(`${fn}: argument opts.state must be a state of ${variable} in 0…${bn.card[variable] - 1} (got ${describe(opts.state)})`);
    const s = opts.state;
    return barChart({ labels, values: post.map((p) => p[s]), name: `P(${bn.states[variable][s]} | ·)` }, { title: opts.title ?? `P(${bn.states[variable][s]} | evidence)`, yLabel: 'probability' });
  }
  return barChart(
    bn.states[variable].map((name, s) => ({ labels, values: post.map((p) => p[s]), name, color: PALETTE[s % PALETTE.length] })),
    { title: opts.title ?? `P(${variable} | evidence)`, yLabel: 'probability', mode: 'stack' },
  );
}

/** Heatmaps of one- and two-variable factors side by side, with the values written in the cells (003 L56–60). */
export function factorHeatmaps(factors: Factor[], opts: { titles?: string[]; title?: string; height?: number } = {}): Figure {
  const fn = 'factorHeatmaps';
  if (!Array.isArray(factors) || factors.length === 0) throw new TypeError(`${fn}: argument factors must be a non-empty array of Factors (got ${describe(factors)})`);
  const K = factors.length;
  const data: Trace[] = [];
  const layout: Layout = { height: opts.height ?? 280, margin: { l: 50, r: 20, t: 60, b: 50 }, annotations: [] as Layout[], showlegend: false };
  if (opts.title) layout.title = { text: opts.title };
  factors.forEach((f, k) => {
    if (!f || !Array.isArray(f.vars) || !(f.values instanceof Float64Array)) throw new TypeError(`${fn}: argument factors[${k}] must be a Factor (got ${describe(f)})`);
    if (f.vars.length < 1 || f.vars.length > 2) throw new RangeError(`${fn}: argument factors[${k}] must have one or two variables (got ${f.vars.length})`);
    const rows = f.card[0];
    const cols = f.vars.length === 2 ? f.card[1] : 1;
    const z = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f.values[r * cols + c]));
    const ax = k === 0 ? '' : String(k + 1);
    const xl = Array.from({ length: cols }, (_, c) => (f.vars.length === 2 ? `${f.vars[1]}=${c}` : ''));
    const yl = Array.from({ length: rows }, (_, r) => `${f.vars[0]}=${r}`);
    data.push({ type: 'heatmap', z, x: xl, y: yl, xaxis: `x${ax}`, yaxis: `y${ax}`, colorscale: 'Blues', showscale: false, hovertemplate: '%{y}, %{x}: %{z}<extra></extra>' });
    const gap = 0.04;
    layout[`xaxis${ax}`] = { domain: [k / K + gap, (k + 1) / K - gap], anchor: `y${ax}`, type: 'category', title: { text: opts.titles?.[k] ?? `φ(${f.vars.join(', ')})` } };
    layout[`yaxis${ax}`] = { anchor: `x${ax}`, type: 'category', autorange: 'reversed' };
    const max = Math.max(...f.values);
    z.forEach((row, r) => row.forEach((v, c) => (layout.annotations as Layout[]).push({ x: xl[c], y: yl[r], xref: `x${ax}`, yref: `y${ax}`, text: String(+v.toPrecision(4)), showarrow: false, font: { color: v > max / 2 ? 'white' : 'black' } })));
  });
  return { data, layout };
}

/** PC's structural accuracy against the sample size (rows of `pcAccuracyVsSampleSize`), log-x. */
export function pcAccuracyFigure(rows: PcAccuracyRow[], opts: { title?: string } = {}): Figure {
  const fn = 'pcAccuracyFigure';
  if (!Array.isArray(rows) || rows.length === 0) throw new TypeError(`${fn}: argument rows must be a non-empty array of PcAccuracyRow (got ${describe(rows)})`);
  const x = rows.map((r) => r.n);
  return linePlot(
    [
      { x, y: rows.map((r) => r.meanShd), name: 'mean SHD to the true CPDAG', mode: 'lines+markers' },
      { x, y: rows.map((r) => r.exactRate), name: 'fraction recovered exactly', mode: 'lines+markers' },
      { x, y: rows.map((r) => r.extraEdges), name: 'mean extra edges', mode: 'lines+markers', dash: 'dot' },
      { x, y: rows.map((r) => 1 - r.skeletonRecall), name: 'fraction of true edges missed', mode: 'lines+markers', dash: 'dot' },
    ],
    { logX: true, title: opts.title ?? 'PC (Fisher z) against the sample size', xLabel: 'sample size n', yLabel: 'error / rate' },
  );
}

/** GMM samples coloured by their plate variable z (002 §2.6, Fig. 2.7), first two coordinates. */
export function gmmSampleFigure(sample: { x: number[][]; z: number[] }, opts: { title?: string } = {}): Figure {
  const fn = 'gmmSampleFigure';
  if (!sample || !Array.isArray(sample.x) || !Array.isArray(sample.z) || sample.x.length !== sample.z.length || sample.x.length === 0) {
    throw new TypeError(`${fn}: argument sample must be {x, z} with one label per point (got ${describe(sample)})`);
  }
  const K = Math.max(...sample.z) + 1;
  const sets = Array.from({ length: K }, (_, k) => {
    const pts = sample.x.filter((_, i) => sample.z[i] === k);
    return { x: pts.map((p) => p[0]), y: pts.map((p) => p[1] ?? 0), name: `z = ${k + 1}`, color: PALETTE[k % PALETTE.length], size: 4, opacity: 0.6 };
  }).filter((s) => s.x.length > 0);
  return scatter(sets, { title: opts.title ?? 'GMM samples, coloured by the latent component z', xLabel: 'x₁', yLabel: 'x₂' });
}
