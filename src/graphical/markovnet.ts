/**
 * Markov networks (source 003 L46–92): a Gibbs distribution P(x) = (1/Z) Π_i φ_i(D_i) over the cliques D_i of an
 * undirected graph, its partition function Z = Σ_x Π_i φ_i(D_i), marginals, the graph a set of factors induces,
 * maximal cliques (Bron–Kerbosch 1973) and the Markov blanket (the neighbours).
 */
import { describe } from '../core/validate';
import { Edge, pairKey } from './dag';
import { Factor, factorProducts, factorSum, marginalOnto, normalize } from './factor';

function checkFactors(fn: string, factors: unknown): Factor[] {
  if (!Array.isArray(factors) || factors.length === 0) throw new TypeError(`${fn}: argument factors must be a non-empty array of Factors (got ${describe(factors)})`);
  factors.forEach((f, i) => {
    if (!f || typeof f !== 'object' || !Array.isArray(f.vars) || !(f.values instanceof Float64Array)) throw new TypeError(`${fn}: argument factors[${i}] must be a Factor (got ${describe(f)})`);
  });
  return factors as Factor[];
}

/** The unnormalised measure P̃ = Π_i φ_i as one factor (003 L66). */
export function unnormalizedJoint(factors: Factor[]): Factor {
  return factorProducts(checkFactors('unnormalizedJoint', factors));
}

/** Z = Σ_x Π_i φ_i(D_i) by enumeration (003 L70–72; oracle: the misconception network's Z = 7,201,840). */
export function partitionFunction(factors: Factor[]): number {
  return factorSum(factorProducts(checkFactors('partitionFunction', factors)));
}

/** The normalised Gibbs distribution P(x) = P̃(x)/Z (003 L66–68, L82). */
export function gibbsDistribution(factors: Factor[]): Factor {
  return normalize(factorProducts(checkFactors('gibbsDistribution', factors)));
}

/** The marginal P(vars) of the Gibbs distribution (003 NB02: P(A,B) is not the normalised φ1). */
export function markovMarginal(factors: Factor[], vars: string[]): Factor {
  const fn = 'markovMarginal';
  const p = gibbsDistribution(checkFactors(fn, factors));
  if (!Array.isArray(vars) || vars.length === 0) throw new TypeError(`${fn}: argument vars must be a non-empty array of variable names (got ${describe(vars)})`);
  return marginalOnto(p, vars);
}

/** The undirected graph of a set of factors: an edge between every two variables that share a factor. */
export function factorGraphEdges(factors: Factor[]): Edge[] {
  const fs = checkFactors('factorGraphEdges', factors);
  const seen = new Map<string, Edge>();
  for (const f of fs) for (let i = 0; i < f.vars.length; i++) for (let j = i + 1; j < f.vars.length; j++) {
    const [a, b] = f.vars[i] < f.vars[j] ? [f.vars[i], f.vars[j]] : [f.vars[j], f.vars[i]];
    seen.set(pairKey(a, b), [a, b]);
  }
  return [...seen.values()].sort((x, y) => (x.join() < y.join() ? -1 : 1));
}

function adjacency(fn: string, nodes: unknown, edges: unknown): Map<string, Set<string>> {
  if (!Array.isArray(nodes) || nodes.length === 0) throw new TypeError(`${fn}: argument nodes must be a non-empty array of names (got ${describe(nodes)})`);
  nodes.forEach((v, i) => {
    if (typeof v !== 'string' || v === '') throw new TypeError(`${fn}: argument nodes[${i}] must be a non-empty string (got ${describe(v)})`);
    if (nodes.indexOf(v) !== i) throw new RangeError(`${fn}: argument nodes repeats ${describe(v)}`);
  });
  if (!Array.isArray(edges)) throw new TypeError(`${fn}: argument edges must be an array of [a, b] pairs (got ${describe(edges)})`);
  const adj = new Map<string, Set<string>>((nodes as string[]).map((v) => [v, new Set<string>()]));
  edges.forEach((e, i) => {
    if (!Array.isArray(e) || e.length !== 2 || !adj.has(e[0]) || !adj.has(e[1]) || e[0] === e[1]) throw new RangeError(`${fn}: argument edges[${i}] must join two different known nodes (got ${describe(e)})`);
    adj.get(e[0])!.add(e[1]);
    adj.get(e[1])!.add(e[0]);
  });
  return adj;
}

/** The Markov blanket of x in an undirected graph: its neighbours (003 L90–92, with the E13 fix). */
export function undirectedMarkovBlanket(nodes: string[], edges: Edge[], x: string): string[] {
  const fn = 'undirectedMarkovBlanket';
  const adj = adjacency(fn, nodes, edges);
  if (!adj.has(x)) throw new RangeError(`${fn}: argument x is not a node (got ${describe(x)}; nodes: ${nodes.join(', ')})`);
  return nodes.filter((v) => adj.get(x)!.has(v));
}

/** All maximal cliques (Bron–Kerbosch with pivoting, 1973), each sorted by the node order (003 L74–84). */
export function maximalCliques(nodes: string[], edges: Edge[]): string[][] {
  const adj = adjacency('maximalCliques', nodes, edges);
  const out: string[][] = [];
  const bk = (R: string[], P: Set<string>, X: Set<string>) => {
    if (P.size === 0 && X.size === 0) {
      out.push(nodes.filter((v) => R.includes(v)));
      return;
    }
    const pivot = [...P, ...X].reduce((best, u) => ([...P].filter((w) => adj.get(u)!.has(w)).length > [...P].filter((w) => adj.get(best)!.has(w)).length ? u : best));
    for (const v of [...P].filter((w) => !adj.get(pivot)!.has(w))) {
      bk([...R, v], new Set([...P].filter((w) => adj.get(v)!.has(w))), new Set([...X].filter((w) => adj.get(v)!.has(w))));
      P.delete(v);
      X.add(v);
    }
  };
  bk([], new Set(nodes), new Set());
  return out.sort((a, b) => nodes.indexOf(a[0]) - nodes.indexOf(b[0]) || b.length - a.length);
}

/** Does a set of nodes separate A from B in an undirected graph (every path from A to B meets S)? 003 L86–92. */
export function separatedUndirected(nodes: string[], edges: Edge[], A: string[], B: string[], S: string[] = []): boolean {
  const fn = 'separatedUndirected';
  const adj = adjacency(fn, nodes, edges);
  for (const [arg, set] of [['A', A], ['B', B], ['S', S]] as [string, string[]][]) {
    if (!Array.isArray(set)) throw new TypeError(`${fn}: argument ${arg} must be an array of node names (got ${describe(set)})`);
    set.forEach((v, i) => {
      if (!adj.has(v)) throw new RangeError(`${fn}: argument ${arg}[${i}] is not a node (got ${describe(v)})`);
    });
  }
  const seen = new Set(A);
  const stack = [...A];
  while (stack.length) {
    const v = stack.pop()!;
    if (B.includes(v)) return false;
    for (const w of adj.get(v)!) if (!seen.has(w) && !S.includes(w)) (seen.add(w), stack.push(w));
  }
  return true;
}
