/**
 * d-separation (source 002 §2.3–2.4, L164–223): the Bayes-ball / reachability algorithm (Shachter 1998; Koller &
 * Friedman 2009, Alg. 3.1), a second independent route through the moralised ancestral graph (Lauritzen et al. 1990),
 * and trail enumeration with a per-trail explanation (which node blocks it and why) for teaching and drawing.
 *
 * The exact collider rule: a v-structure X → W ← Y on a trail is open iff W **or one of its descendants** is observed
 * (the notes' §2.4 rule "iff W is observed" is erratum 002-E4; their §2.3.4 claim about chains/forks is 002-E67).
 */
import { describe } from '../core/validate';
import { Dag, assertDag } from './dag';

function nodeSet(fn: string, arg: string, g: Dag, vs: unknown): string[] {
  if (!Array.isArray(vs)) throw new TypeError(`${fn}: argument ${arg} must be an array of node names (got ${describe(vs)})`);
  vs.forEach((v, i) => {
    if (typeof v !== 'string' || !g.has(v)) throw new RangeError(`${fn}: argument ${arg}[${i}] is not a node of the graph (got ${describe(v)}; nodes: ${g.nodes.join(', ')})`);
  });
  return vs.slice() as string[];
}

function disjoint(fn: string, X: string[], Y: string[], Z: string[]): void {
  for (const [a, A, b, B] of [['X', X, 'Y', Y], ['X', X, 'Z', Z], ['Y', Y, 'Z', Z]] as [string, string[], string, string[]][]) {
    const both = A.filter((v) => B.includes(v));
    if (both.length) throw new RangeError(`${fn}: arguments ${a} and ${b} must be disjoint (both contain ${both.join(', ')})`);
  }
}

/**
 * Nodes reachable from `sources` by an active trail given the observed set Z (Bayes ball; K&F Alg. 3.1). A ball
 * passes through an unobserved chain/fork node and bounces at an observed collider or a collider with an observed
 * descendant (phase 1 marks the ancestors of Z, i.e. the colliders that have an observed descendant or are observed).
 */
export function reachable(g: Dag, sources: string[], Z: string[]): Set<string> {
  const fn = 'reachable';
  assertDag(fn, 'g', g);
  const src = nodeSet(fn, 'sources', g, sources);
  const obs = new Set(nodeSet(fn, 'Z', g, Z));
  const anc = g.ancestorsOf([...obs]); // Z and its ancestors
  const visited = new Set<string>();
  const out = new Set<string>();
  const stack: [string, 'up' | 'down'][] = src.map((s) => [s, 'up']);
  while (stack.length) {
    const [v, dir] = stack.pop()!;
    const key = v + '\u0000' + dir;
    if (visited.has(key)) continue;
    visited.add(key);
    if (!obs.has(v)) out.add(v);
    if (dir === 'up' && !obs.has(v)) {
      // arrived from a child: continue to parents (chain) and children (fork)
      for (const p of g.parents(v)) stack.push([p, 'up']);
      for (const c of g.children(v)) stack.push([c, 'down']);
    } else if (dir === 'down') {
      // arrived from a parent
      if (!obs.has(v)) for (const c of g.children(v)) stack.push([c, 'down']);
      if (anc.has(v)) for (const p of g.parents(v)) stack.push([p, 'up']); // v-structure opened by v or a descendant in Z
    }
  }
  return out;
}

/** X ⊥ Y | Z in every distribution that factorises over g: no active trail (Bayes ball). 002 §2.4; oracles D1, T4. */
export function dSeparated(g: Dag, X: string[], Y: string[], Z: string[] = []): boolean {
  const fn = 'dSeparated';
  assertDag(fn, 'g', g);
  const x = nodeSet(fn, 'X', g, X);
  const y = nodeSet(fn, 'Y', g, Y);
  const z = nodeSet(fn, 'Z', g, Z);
  if (x.length === 0) throw new RangeError(`${fn}: argument X must name at least one node`);
  if (y.length === 0) throw new RangeError(`${fn}: argument Y must name at least one node`);
  disjoint(fn, x, y, z);
  const r = reachable(g, x, z);
  return !y.some((v) => r.has(v));
}

/**
 * The same question by the second classical route: X and Y are d-separated by Z iff Z separates them in the
 * moralised graph of the ancestral set An(X ∪ Y ∪ Z) (Lauritzen, Dawid, Larsen & Leimer 1990). Used as a cross-check.
 */
export function dSeparatedMoral(g: Dag, X: string[], Y: string[], Z: string[] = []): boolean {
  const fn = 'dSeparatedMoral';
  assertDag(fn, 'g', g);
  const x = nodeSet(fn, 'X', g, X);
  const y = nodeSet(fn, 'Y', g, Y);
  const z = nodeSet(fn, 'Z', g, Z);
  if (x.length === 0 || y.length === 0) throw new RangeError(`${fn}: arguments X and Y must each name at least one node`);
  disjoint(fn, x, y, z);
  const anc = g.ancestorsOf([...x, ...y, ...z]);
  const adj = new Map<string, Set<string>>([...anc].map((v) => [v, new Set<string>()]));
  const link = (a: string, b: string) => {
    adj.get(a)!.add(b);
    adj.get(b)!.add(a);
  };
  for (const v of anc) {
    const pa = g.parents(v); // parents of an ancestor are ancestors
    pa.forEach((p) => link(p, v));
    for (let i = 0; i < pa.length; i++) for (let j = i + 1; j < pa.length; j++) link(pa[i], pa[j]); // marry
  }
  const blocked = new Set(z);
  const seen = new Set<string>(x);
  const stack = [...x];
  while (stack.length) {
    const v = stack.pop()!;
    if (y.includes(v)) return false;
    for (const w of adj.get(v)!) if (!seen.has(w) && !blocked.has(w)) (seen.add(w), stack.push(w));
  }
  return true;
}

/** How one trail fares given Z: open, or blocked at a node for a reason. */
export interface TrailStatus {
  trail: string[];
  active: boolean;
  /** The first node that blocks the trail (absent when active). */
  blockedAt?: string;
  reason?: 'observed chain/fork node' | 'unobserved collider without observed descendant' | 'unobserved collider (source rule)';
  /** For every interior node: its role on the trail. */
  roles: ('chain' | 'fork' | 'collider')[];
}

/**
 * The status of one trail (a path in the skeleton) given Z. `rule: 'exact'` (default) opens a collider when it or a
 * descendant is observed; `rule: 'source'` is the notes' §2.4 rule (the collider itself must be observed; 002-E4).
 */
export function trailStatus(g: Dag, trail: string[], Z: string[] = [], rule: 'exact' | 'source' = 'exact'): TrailStatus {
  const fn = 'trailStatus';
  assertDag(fn, 'g', g);
  const t = nodeSet(fn, 'trail', g, trail);
  if (t.length < 2) throw new RangeError(`${fn}: argument trail must have at least two nodes (got ${describe(trail)})`);
  for (let i = 0; i + 1 < t.length; i++) if (!g.adjacent(t[i], t[i + 1])) throw new RangeError(`${fn}: argument trail has no edge between ${t[i]} and ${t[i + 1]}`);
  if (new Set(t).size !== t.length) throw new RangeError(`${fn}: argument trail repeats a node (got ${t.join('–')})`);
  if (rule !== 'exact' && rule !== 'source') throw new RangeError(`${fn}: argument rule must be 'exact' or 'source' (got ${describe(rule)})`);
  const obs = new Set(nodeSet(fn, 'Z', g, Z));
  const roles: TrailStatus['roles'] = [];
  let blockedAt: string | undefined;
  let reason: TrailStatus['reason'];
  for (let i = 1; i + 1 < t.length; i++) {
    const v = t[i];
    const inArrow = g.parents(v).includes(t[i - 1]);
    const outArrow = g.parents(v).includes(t[i + 1]);
    const role = inArrow && outArrow ? 'collider' : !inArrow && !outArrow ? 'fork' : 'chain';
    roles.push(role);
    if (blockedAt) continue;
    if (role === 'collider') {
      const open = obs.has(v) || (rule === 'exact' && [...g.descendants(v)].some((d) => obs.has(d)));
      if (!open) {
        blockedAt = v;
        reason = rule === 'exact' ? 'unobserved collider without observed descendant' : 'unobserved collider (source rule)';
      }
    } else if (obs.has(v)) {
      blockedAt = v;
      reason = 'observed chain/fork node';
    }
  }
  return blockedAt ? { trail: t, active: false, blockedAt, reason, roles } : { trail: t, active: true, roles };
}

/** Every simple trail between a and b in the skeleton (depth-first; at most `limit`, default 10 000). */
export function trails(g: Dag, a: string, b: string, limit = 10000): string[][] {
  const fn = 'trails';
  assertDag(fn, 'g', g);
  g.check(fn, a);
  g.check(fn, b);
  if (a === b) throw new RangeError(`${fn}: arguments a and b must differ (got ${describe(a)} twice)`);
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`${fn}: argument limit must be an integer ≥ 1 (got ${describe(limit)})`);
  const out: string[][] = [];
  const path = [a];
  const on = new Set([a]);
  const dfs = (v: string) => {
    for (const w of g.neighbours(v)) {
      if (on.has(w)) continue;
      path.push(w);
      if (w === b) {
        out.push(path.slice());
        if (out.length > limit) throw new RangeError(`${fn}: more than ${limit} trails between ${a} and ${b}; raise the limit or use dSeparated`);
      } else {
        on.add(w);
        dfs(w);
        on.delete(w);
      }
      path.pop();
    }
  };
  dfs(a);
  return out.sort((p, q) => p.length - q.length || (p.join() < q.join() ? -1 : 1));
}

/** Every trail between a and b with its status given Z (shortest first): what a notebook draws. */
export function explainTrails(g: Dag, a: string, b: string, Z: string[] = [], rule: 'exact' | 'source' = 'exact'): TrailStatus[] {
  return trails(g, a, b).map((t) => trailStatus(g, t, Z, rule));
}

/** The active trails between a and b given Z (empty iff a and b are d-separated by Z). */
export function activeTrails(g: Dag, a: string, b: string, Z: string[] = []): string[][] {
  return explainTrails(g, a, b, Z).filter((s) => s.active).map((s) => s.trail);
}

/** d-separation decided trail by trail (with the notes' rule when `rule = 'source'`; 002-E4 demonstration). */
export function dSeparatedByTrails(g: Dag, a: string, b: string, Z: string[] = [], rule: 'exact' | 'source' = 'exact'): boolean {
  return explainTrails(g, a, b, Z, rule).every((s) => !s.active);
}
