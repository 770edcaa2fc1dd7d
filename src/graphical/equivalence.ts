/**
 * Markov equivalence (source 002 §2.8, L284–293; T5): two DAGs are Markov equivalent iff they have the same skeleton
 * and the same v-structures (Verma & Pearl 1990). The class is represented by its CPDAG (completed partially directed
 * graph): compelled edges directed, reversible edges undirected, reached from the skeleton + v-structures by Meek's
 * rules R1–R3 (Meek 1995). Small classes are enumerated.
 */
import { describe } from '../core/validate';
import { Dag, Edge, assertDag, pairKey, skeleton, vStructures } from './dag';
import { dSeparated } from './dsep';

/** A partially directed graph: directed edges [from, to] and undirected edges [a, b] (a < b). */
export interface Pdag {
  nodes: string[];
  directed: Edge[];
  undirected: Edge[];
}

function sortEdges(es: Edge[]): Edge[] {
  return es.slice().sort((x, y) => (x.join('\u0000') < y.join('\u0000') ? -1 : 1));
}

/**
 * Meek's orientation rules R1–R3 applied to a fixed point (Meek 1995; R4 is only needed with background knowledge):
 * R1 a→b–c, a,c non-adjacent ⇒ b→c; R2 a→c→b with a–b ⇒ a→b; R3 a–c→b, a–d→b, c,d non-adjacent, a–b ⇒ a→b.
 */
export function meekRules(pdag: Pdag): Pdag & { applied: { rule: 'R1' | 'R2' | 'R3'; edge: Edge }[] } {
  const fn = 'meekRules';
  checkPdag(fn, pdag);
  const dir = new Set(pdag.directed.map(([a, b]) => a + '\u0000' + b));
  const und = new Set(pdag.undirected.map(([a, b]) => pairKey(a, b)));
  const isDir = (a: string, b: string) => dir.has(a + '\u0000' + b);
  const isUnd = (a: string, b: string) => und.has(pairKey(a, b));
  const adj = (a: string, b: string) => isDir(a, b) || isDir(b, a) || isUnd(a, b);
  const orient = (a: string, b: string) => {
    und.delete(pairKey(a, b));
    dir.add(a + '\u0000' + b);
  };
  const applied: { rule: 'R1' | 'R2' | 'R3'; edge: Edge }[] = [];
  const V = pdag.nodes;
  let changed = true;
  while (changed) {
    changed = false;
    for (const key of [...und]) {
      const [x, y] = key.split('\u0000');
      for (const [b, c] of [[x, y], [y, x]]) {
        if (!isUnd(b, c)) continue;
        // R1: a → b – c, a not adjacent to c  ⇒  b → c
        if (V.some((a) => a !== c && isDir(a, b) && !adj(a, c))) {
          orient(b, c);
          applied.push({ rule: 'R1', edge: [b, c] });
          changed = true;
          continue;
        }
        // R2: b → w → c and b – c  ⇒  b → c
        if (V.some((w) => isDir(b, w) && isDir(w, c))) {
          orient(b, c);
          applied.push({ rule: 'R2', edge: [b, c] });
          changed = true;
          continue;
        }
        // R3: b – u → c, b – w → c, u, w non-adjacent, b – c  ⇒  b → c
        const us = V.filter((u) => isUnd(b, u) && isDir(u, c));
        let r3 = false;
        for (let i = 0; i < us.length && !r3; i++) for (let j = i + 1; j < us.length && !r3; j++) if (!adj(us[i], us[j])) r3 = true;
        if (r3) {
          orient(b, c);
          applied.push({ rule: 'R3', edge: [b, c] });
          changed = true;
        }
      }
    }
  }
  return {
    nodes: V.slice(),
    directed: sortEdges([...dir].map((k) => k.split('\u0000') as Edge)),
    undirected: sortEdges([...und].map((k) => k.split('\u0000') as Edge)),
    applied,
  };
}

export function checkPdag(fn: string, p: unknown): Pdag {
  const g = p as Pdag;
  if (!g || typeof g !== 'object' || !Array.isArray(g.nodes) || !Array.isArray(g.directed) || !Array.isArray(g.undirected)) {
    throw new TypeError(`${fn}: argument pdag must be {nodes, directed, undirected} (got ${describe(p)})`);
  }
  for (const [arg, es] of [['directed', g.directed], ['undirected', g.undirected]] as [string, Edge[]][]) {
    es.forEach((e, i) => {
      if (!Array.isArray(e) || e.length !== 2 || !g.nodes.includes(e[0]) || !g.nodes.includes(e[1]) || e[0] === e[1]) {
        throw new RangeError(`${fn}: argument pdag.${arg}[${i}] must join two different nodes of pdag.nodes (got ${describe(e)})`);
      }
    });
  }
  return g;
}

/** The CPDAG (essential graph) of a DAG: skeleton, v-structures oriented, then Meek R1–R3 (002 §2.8; Chickering 1995). */
export function cpdag(g: Dag): Pdag {
  assertDag('cpdag', 'g', g);
  const vs = vStructures(g);
  const directed = new Set<string>();
  for (const [a, c, b] of vs) {
    directed.add(a + '\u0000' + c);
    directed.add(b + '\u0000' + c);
  }
  const undirected = skeleton(g).filter(([a, b]) => !directed.has(a + '\u0000' + b) && !directed.has(b + '\u0000' + a));
  const { nodes, directed: d, undirected: u } = meekRules({ nodes: g.nodes.slice(), directed: [...directed].map((k) => k.split('\u0000') as Edge), undirected });
  return { nodes, directed: d, undirected: u };
}

/** Same skeleton and same v-structures (Verma & Pearl 1990) — 002 §2.8, T5: chain ≡ fork ≢ collider. */
export function markovEquivalent(g1: Dag, g2: Dag): boolean {
  assertDag('markovEquivalent', 'g1', g1);
  assertDag('markovEquivalent', 'g2', g2);
  if (g1.nodes.length !== g2.nodes.length || !g1.nodes.every((v) => g2.has(v))) throw new RangeError('markovEquivalent: arguments g1 and g2 must have the same nodes');
  return JSON.stringify(skeleton(g1)) === JSON.stringify(skeleton(g2)) && JSON.stringify(vStructures(g1)) === JSON.stringify(vStructures(g2));
}

/** Every d-separation statement a ⊥ b | S (single a, b; all S) of a small DAG (≤ 10 nodes), as strings. */
export function dSeparationStatements(g: Dag): string[] {
  const fn = 'dSeparationStatements';
  assertDag(fn, 'g', g);
  const V = g.nodes.slice().sort();
  if (V.length > 10) throw new RangeError(`${fn}: argument g has ${V.length} nodes; at most 10 (the statements grow like n² 2^n)`);
  const out: string[] = [];
  for (let i = 0; i < V.length; i++) for (let j = i + 1; j < V.length; j++) {
    const rest = V.filter((v) => v !== V[i] && v !== V[j]);
    for (let m = 0; m < 1 << rest.length; m++) {
      const S = rest.filter((_, k) => (m >> k) & 1);
      if (dSeparated(g, [V[i]], [V[j]], S)) out.push(`${V[i]} ⊥ ${V[j]} | {${S.join(',')}}`);
    }
  }
  return out;
}

/** Markov equivalence by the definition (same d-separation statements), for cross-checking on small graphs. */
export function markovEquivalentByDefinition(g1: Dag, g2: Dag): boolean {
  return JSON.stringify(dSeparationStatements(g1)) === JSON.stringify(dSeparationStatements(g2));
}

/** The members of the Markov equivalence class of a DAG: every orientation of the CPDAG's undirected edges that is
 * acyclic and adds no v-structure (≤ 16 undirected edges). 002 NB02: X→Y→Z has 3 members, X→Y←Z has 1. */
export function equivalenceClass(g: Dag): Dag[] {
  const fn = 'equivalenceClass';
  assertDag(fn, 'g', g);
  const c = cpdag(g);
  if (c.undirected.length > 16) throw new RangeError(`${fn}: the CPDAG has ${c.undirected.length} undirected edges; at most 16 can be enumerated`);
  const target = JSON.stringify(vStructures(g));
  const out: Dag[] = [];
  for (let m = 0; m < 1 << c.undirected.length; m++) {
    const edges: Edge[] = [...c.directed, ...c.undirected.map(([a, b], k) => ((m >> k) & 1 ? [b, a] : [a, b]) as Edge)];
    let h: Dag;
    try {
      h = new Dag(g.nodes.slice(), edges);
    } catch {
      continue; // cyclic
    }
    if (JSON.stringify(vStructures(h)) === target) out.push(h);
  }
  return out;
}

/** Size of the Markov equivalence class. */
export function equivalenceClassSize(g: Dag): number {
  return equivalenceClass(g).length;
}

/** A DAG as a PDAG (all edges directed). */
export function dagToPdag(g: Dag): Pdag {
  assertDag('dagToPdag', 'g', g);
  return { nodes: g.nodes.slice(), directed: sortEdges(g.edges.slice()), undirected: [] };
}

/**
 * Structural Hamming distance between two PDAGs over the same nodes: the number of node pairs whose mark differs
 * (missing/extra edge, or a different orientation; Tsamardinos et al. 2006). 0 iff the graphs are identical.
 */
export function structuralHammingDistance(a: Pdag, b: Pdag): number {
  const fn = 'structuralHammingDistance';
  checkPdag(fn, a);
  checkPdag(fn, b);
  const mark = (p: Pdag) => {
    const m = new Map<string, string>();
    p.undirected.forEach(([x, y]) => m.set(pairKey(x, y), 'u'));
    p.directed.forEach(([x, y]) => m.set(pairKey(x, y), m.has(pairKey(x, y)) ? 'conflict' : x < y ? '>' : '<'));
    return m;
  };
  const ma = mark(a);
  const mb = mark(b);
  let d = 0;
  for (const k of new Set([...ma.keys(), ...mb.keys()])) if (ma.get(k) !== mb.get(k)) d++;
  return d;
}
