/** Figure helpers: directed graphs. */
import { describe } from '../../core/validate';
import { Figure, Layout, Trace } from '../plotly';
import { finiteNumbers, nonEmptyArray, positive } from '../check';
import { CommonOptions, baseLayout } from './common';
import { scatter } from './scatter';

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
