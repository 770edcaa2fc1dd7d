/**
 * Directed acyclic graphs over named nodes (source 002 §2.2, Eq. (2.2.1)–(2.2.2); 003 L25–44): parents, children,
 * ancestors, descendants, a topological order, the skeleton and the v-structures (immoralities).
 */
import { describe } from '../core/validate';

export type Edge = [string, string];

/** A DAG: node names and directed edges [from, to]. Construction checks names, duplicate edges and acyclicity. */
export class Dag {
  readonly nodes: readonly string[];
  readonly edges: readonly Edge[];
  private readonly pa: Map<string, string[]>;
  private readonly ch: Map<string, string[]>;
  readonly order: readonly string[];

  constructor(nodes: string[], edges: Edge[], fn = 'Dag') {
    if (!Array.isArray(nodes) || nodes.length === 0) throw new TypeError(`${fn}: argument nodes must be a non-empty array of names (got ${describe(nodes)})`);
    nodes.forEach((v, i) => {
      if (typeof v !== 'string' || v === '') throw new TypeError(`${fn}: argument nodes[${i}] must be a non-empty string (got ${describe(v)})`);
      if (nodes.indexOf(v) !== i) throw new RangeError(`${fn}: argument nodes repeats ${describe(v)}`);
    });
    if (!Array.isArray(edges)) throw new TypeError(`${fn}: argument edges must be an array of [from, to] pairs (got ${describe(edges)})`);
    this.pa = new Map(nodes.map((v) => [v, []]));
    this.ch = new Map(nodes.map((v) => [v, []]));
    const seen = new Set<string>();
    edges.forEach((e, i) => {
      if (!Array.isArray(e) || e.length !== 2) throw new TypeError(`${fn}: argument edges[${i}] must be a pair [from, to] (got ${describe(e)})`);
      const [a, b] = e;
      if (!this.pa.has(a)) throw new RangeError(`${fn}: argument edges[${i}] starts at an unknown node ${describe(a)}`);
      if (!this.pa.has(b)) throw new RangeError(`${fn}: argument edges[${i}] ends at an unknown node ${describe(b)}`);
      if (a === b) throw new RangeError(`${fn}: argument edges[${i}] is a self-loop on ${describe(a)}`);
      const key = `${a}\u0000${b}`;
      if (seen.has(key)) throw new RangeError(`${fn}: argument edges[${i}] repeats the edge ${a}→${b}`);
      seen.add(key);
      this.pa.get(b)!.push(a);
      this.ch.get(a)!.push(b);
    });
    this.nodes = nodes.slice();
    this.edges = edges.map((e) => [e[0], e[1]] as Edge);
    // Kahn's algorithm (keeps the given node order among ready nodes)
    const indeg = new Map(nodes.map((v) => [v, this.pa.get(v)!.length]));
    const order: string[] = [];
    const ready = nodes.filter((v) => indeg.get(v) === 0);
    while (ready.length) {
      const v = ready.shift()!;
      order.push(v);
      for (const c of this.ch.get(v)!) {
        indeg.set(c, indeg.get(c)! - 1);
        if (indeg.get(c) === 0) ready.push(c);
      }
    }
    if (order.length !== nodes.length) {
      const cyc = nodes.filter((v) => !order.includes(v));
      throw new RangeError(`${fn}: argument edges contain a directed cycle (through ${cyc.join(', ')})`);
    }
    this.order = order;
  }

  has(v: string): boolean {
    return this.pa.has(v);
  }
  /** Parents π(v), in the order the edges were given. */
  parents(v: string): string[] {
    return this.pa.get(this.check('parents', v))!.slice();
  }
  children(v: string): string[] {
    return this.ch.get(this.check('children', v))!.slice();
  }
  /** Neighbours in the skeleton. */
  neighbours(v: string): string[] {
    this.check('neighbours', v);
    return [...this.pa.get(v)!, ...this.ch.get(v)!];
  }
  adjacent(a: string, b: string): boolean {
    return this.pa.get(a)!.includes(b) || this.ch.get(a)!.includes(b);
  }
  /** Ancestors of a set (the set itself included). */
  ancestorsOf(vs: string[]): Set<string> {
    const out = new Set<string>();
    const stack = vs.map((v) => this.check('ancestorsOf', v));
    while (stack.length) {
      const v = stack.pop()!;
      if (out.has(v)) continue;
      out.add(v);
      stack.push(...this.pa.get(v)!);
    }
    return out;
  }
  /** Descendants of v (v excluded). */
  descendants(v: string): Set<string> {
    const out = new Set<string>();
    const stack = [...this.ch.get(this.check('descendants', v))!];
    while (stack.length) {
      const w = stack.pop()!;
      if (out.has(w)) continue;
      out.add(w);
      stack.push(...this.ch.get(w)!);
    }
    return out;
  }
  /** Index form for `counting.bayesNetParameters`: parents as indices into `nodes`. */
  parentIndices(): number[][] {
    return this.nodes.map((v) => this.pa.get(v)!.map((p) => this.nodes.indexOf(p)));
  }
  check(fn: string, v: unknown): string {
    if (typeof v !== 'string' || !this.pa.has(v)) throw new RangeError(`${fn}: unknown node ${describe(v)} (nodes: ${this.nodes.join(', ')})`);
    return v;
  }
  toString(): string {
    return `Dag(${this.edges.map(([a, b]) => `${a}→${b}`).join(', ')})`;
  }
}

/** A DAG from node names and edges (002 Eq. (2.2.1): p(x) = Π p(x_i | x_{π_i})). */
export function dag(nodes: string[], edges: Edge[]): Dag {
  return new Dag(nodes, edges, 'dag');
}

export function assertDag(fn: string, arg: string, g: unknown): Dag {
  if (!(g instanceof Dag)) throw new TypeError(`${fn}: argument ${arg} must be a Dag (build one with graphical.dag(nodes, edges)) (got ${describe(g)})`);
  return g;
}

/** Unordered pair key a–b (sorted). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The skeleton: the undirected edges, each as a sorted pair, sorted. */
export function skeleton(g: Dag): Edge[] {
  assertDag('skeleton', 'g', g);
  return g.edges.map(([a, b]) => (a < b ? [a, b] : [b, a]) as Edge).sort((x, y) => (x[0] + '\u0000' + x[1] < y[0] + '\u0000' + y[1] ? -1 : 1));
}

/** The v-structures (immoralities) a → c ← b with a, b non-adjacent, as [a, c, b] with a < b (Verma & Pearl 1990). */
export function vStructures(g: Dag): [string, string, string][] {
  assertDag('vStructures', 'g', g);
  const out: [string, string, string][] = [];
  for (const c of g.nodes) {
    const pa = g.parents(c);
    for (let i = 0; i < pa.length; i++) {
      for (let j = i + 1; j < pa.length; j++) {
        const [a, b] = pa[i] < pa[j] ? [pa[i], pa[j]] : [pa[j], pa[i]];
        if (!g.adjacent(a, b)) out.push([a, c, b]);
      }
    }
  }
  return out.sort((x, y) => (x.join('\u0000') < y.join('\u0000') ? -1 : 1));
}

/**
 * The Markov blanket of v in a DAG: parents ∪ children ∪ the children's other parents (002 §2.5, L225–238, T3, D2).
 * Conditioning on it makes v independent of every other node: p(x_v | x_{−v}) = p(x_v | x_{MB(v)}) (the exact form of
 * 002 Eq. (2.5.1); erratum 002-E5).
 */
export function markovBlanket(g: Dag, v: string): string[] {
  assertDag('markovBlanket', 'g', g);
  g.check('markovBlanket', v);
  const mb = new Set<string>([...g.parents(v), ...g.children(v)]);
  for (const c of g.children(v)) for (const p of g.parents(c)) mb.add(p);
  mb.delete(v);
  return g.nodes.filter((w) => mb.has(w));
}

/** Local independencies of a BN: X ⊥ NonDescendants(X) ∖ Pa(X) | Pa(X) for every X (003 L36–44). */
export function localIndependencies(g: Dag): { x: string; nonDescendants: string[]; parents: string[] }[] {
  assertDag('localIndependencies', 'g', g);
  return g.nodes.map((x) => {
    const desc = g.descendants(x);
    const pa = g.parents(x);
    return { x, nonDescendants: g.nodes.filter((w) => w !== x && !desc.has(w) && !pa.includes(w)), parents: pa };
  });
}
