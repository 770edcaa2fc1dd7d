/**
 * Bayesian networks (source 002 §2.2, Eq. (2.2.1)–(2.2.2); 003 L25–44): a DAG with one conditional probability
 * table per node, p(x) = Π_i p(x_i | x_{π_i}); the joint, exact queries by enumeration and by variable elimination
 * (K&F 2009, Alg. 9.1), ancestral sampling, and the free-parameter count (from `counting`).
 */
import { describe } from '../core/validate';
import { Rng } from '../core/rng';
import { bayesNetParameters, fullJointParameters } from '../counting';
import { Dag, Edge } from './dag';
import { Assignment, Factor, factor, factorProduct, factorProducts, indexToStates, marginalize, normalize, reduce, strides, tableSize } from './factor';

export interface BayesNetSpec {
  nodes: string[];
  /** parents[v] lists v's parents; the CPT rows run over their joint states, the last parent fastest. */
  parents: Record<string, string[]>;
  /** cpts[v][r] = the distribution of v for parent configuration r (one row for a root). */
  cpts: Record<string, number[][]>;
  /** Numbers of states (default 2 for every node). */
  card?: Record<string, number>;
  /** Optional state names for display (e.g. { G: ['g1', 'g2', 'g3'] }). */
  states?: Record<string, string[]>;
}

export class BayesNet {
  readonly dag: Dag;
  readonly card: Record<string, number>;
  /** CPD factor of v over [...parents(v), v]. */
  readonly cpds: Record<string, Factor>;
  readonly states: Record<string, string[]>;
  constructor(dag: Dag, card: Record<string, number>, cpds: Record<string, Factor>, states: Record<string, string[]>) {
    this.dag = dag;
    this.card = card;
    this.cpds = cpds;
    this.states = states;
  }
  get nodes(): readonly string[] {
    return this.dag.nodes;
  }
  toString(): string {
    return `BayesNet(${this.dag.nodes.map((v) => `${v}[${this.card[v]}]`).join(', ')}; ${this.dag.edges.map(([a, b]) => `${a}→${b}`).join(', ')})`;
  }
}

/** Build and validate a Bayesian network: every CPT row is a probability vector (sum 1 within 1e-9). 002 Eq. (2.2.2). */
export function bayesNet(spec: BayesNetSpec): BayesNet {
  const fn = 'bayesNet';
  if (!spec || typeof spec !== 'object') throw new TypeError(`${fn}: argument spec must be {nodes, parents, cpts, card?} (got ${describe(spec)})`);
  const { nodes, parents, cpts } = spec;
  if (!parents || typeof parents !== 'object') throw new TypeError(`${fn}: argument spec.parents must be an object {node: [parents]} (got ${describe(parents)})`);
  if (!cpts || typeof cpts !== 'object') throw new TypeError(`${fn}: argument spec.cpts must be an object {node: rows} (got ${describe(cpts)})`);
  const edges: Edge[] = [];
  if (Array.isArray(nodes)) {
    for (const v of nodes) {
      const pa = parents[v] ?? [];
      if (!Array.isArray(pa)) throw new TypeError(`${fn}: argument spec.parents.${v} must be an array of node names (got ${describe(pa)})`);
      pa.forEach((p) => edges.push([p, v]));
    }
    for (const k of Object.keys(parents)) if (!nodes.includes(k)) throw new RangeError(`${fn}: argument spec.parents names an unknown node ${describe(k)}`);
  }
  const g = new Dag(nodes, edges, fn);
  const card: Record<string, number> = {};
  for (const v of g.nodes) {
    const k = spec.card?.[v] ?? 2;
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`${fn}: argument spec.card.${v} must be an integer ≥ 1 (got ${describe(k)})`);
    card[v] = k;
  }
  const cpds: Record<string, Factor> = {};
  for (const v of g.nodes) {
    const pa = g.parents(v);
    const rows = cpts[v];
    const nRows = tableSize(pa.map((p) => card[p]));
    if (!Array.isArray(rows) || rows.length !== nRows) {
      throw new RangeError(`${fn}: argument spec.cpts.${v} must have ${nRows} rows (one per configuration of ${pa.length ? pa.join(', ') : 'no parents'}) (got ${describe(rows)})`);
    }
    rows.forEach((row, r) => {
      if (!Array.isArray(row) || row.length !== card[v]) throw new RangeError(`${fn}: argument spec.cpts.${v}[${r}] must have ${card[v]} probabilities (got ${describe(row)})`);
      row.forEach((p, s) => {
        if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 1) throw new RangeError(`${fn}: argument spec.cpts.${v}[${r}][${s}] must be a probability in [0, 1] (got ${describe(p)})`);
      });
      const total = row.reduce((a, b) => a + b, 0);
      if (Math.abs(total - 1) > 1e-9) throw new RangeError(`${fn}: argument spec.cpts.${v}[${r}] must sum to 1 (got ${total})`);
    });
    cpds[v] = factor([...pa, v], [...pa.map((p) => card[p]), card[v]], rows.flat());
  }
  const states: Record<string, string[]> = {};
  for (const v of g.nodes) {
    const names = spec.states?.[v];
    if (names !== undefined && (!Array.isArray(names) || names.length !== card[v])) throw new RangeError(`${fn}: argument spec.states.${v} must list ${card[v]} names (got ${describe(names)})`);
    states[v] = names ?? Array.from({ length: card[v] }, (_, i) => `${v}=${i}`);
  }
  return new BayesNet(g, card, cpds, states);
}

function assertBn(fn: string, bn: unknown): BayesNet {
  if (!(bn instanceof BayesNet)) throw new TypeError(`${fn}: argument bn must be a BayesNet (build one with graphical.bayesNet) (got ${describe(bn)})`);
  return bn;
}

function checkAssignment(fn: string, arg: string, bn: BayesNet, a: unknown, complete: boolean): Assignment {
  if (!a || typeof a !== 'object' || Array.isArray(a)) throw new TypeError(`${fn}: argument ${arg} must be an object {node: state} (got ${describe(a)})`);
  const asg = a as Assignment;
  for (const [k, x] of Object.entries(asg)) {
    if (!bn.dag.has(k)) throw new RangeError(`${fn}: argument ${arg} names an unknown node ${describe(k)} (nodes: ${bn.nodes.join(', ')})`);
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x >= bn.card[k]) throw new RangeError(`${fn}: argument ${arg}.${k} must be an integer state in 0…${bn.card[k] - 1} (got ${describe(x)})`);
  }
  if (complete) for (const v of bn.nodes) if (!(v in asg)) throw new RangeError(`${fn}: argument ${arg} must give a state to every node (missing ${v})`);
  return asg;
}

/** p(x) = Π_i p(x_i | x_{π_i}) for a complete assignment (002 Eq. (2.2.2); 003 L34: 0.3·0.6·0.08·0.8·0.4 = 0.004608). */
export function jointProbability(bn: BayesNet, assignment: Assignment): number {
  const fn = 'jointProbability';
  assertBn(fn, bn);
  const a = checkAssignment(fn, 'assignment', bn, assignment, true);
  let p = 1;
  for (const v of bn.nodes) {
    const f = bn.cpds[v];
    const st = strides(f.card);
    let idx = 0;
    f.vars.forEach((w, i) => (idx += a[w] * st[i]));
    p *= f.values[idx];
  }
  return p;
}

/** The full joint table (a Factor over bn.nodes in order); Π card entries, so small networks only (≤ 2^22). */
export function jointTable(bn: BayesNet): Factor {
  const fn = 'jointTable';
  assertBn(fn, bn);
  const n = tableSize(bn.nodes.map((v) => bn.card[v]));
  if (n > 1 << 22) throw new RangeError(`${fn}: the joint has ${n} entries (more than 2^22); use queryVE instead`);
  const f = factorProducts(bn.nodes.map((v) => bn.cpds[v]));
  return reorderTo(f, bn.nodes as string[]);
}

function reorderTo(f: Factor, vars: string[]): Factor {
  const idx = vars.map((v) => f.vars.indexOf(v));
  const card = vars.map((v) => f.card[f.vars.indexOf(v)]);
  const st = strides(f.card);
  const out = new Float64Array(f.values.length);
  for (let k = 0; k < out.length; k++) {
    const s = indexToStates(k, card);
    let j = 0;
    idx.forEach((i, d) => (j += s[d] * st[i]));
    out[k] = f.values[j];
  }
  return { vars: vars.slice(), card, values: out };
}

function checkQuery(fn: string, bn: BayesNet, query: unknown, evidence: unknown): { q: string[]; e: Assignment } {
  assertBn(fn, bn);
  if (!Array.isArray(query) || query.length === 0) throw new TypeError(`${fn}: argument query must be a non-empty array of node names (got ${describe(query)})`);
  query.forEach((v, i) => {
    if (typeof v !== 'string' || !bn.dag.has(v)) throw new RangeError(`${fn}: argument query[${i}] is not a node (got ${describe(v)}; nodes: ${bn.nodes.join(', ')})`);
    if (query.indexOf(v) !== i) throw new RangeError(`${fn}: argument query repeats ${describe(v)}`);
  });
  const e = checkAssignment(fn, 'evidence', bn, evidence ?? {}, false);
  const both = (query as string[]).filter((v) => v in e);
  if (both.length) throw new RangeError(`${fn}: a query variable cannot also be evidence (${both.join(', ')})`);
  return { q: query as string[], e };
}

/**
 * P(query | evidence) by enumeration: Σ over every assignment of the other variables of Π_i p(x_i | x_{π_i})
 * (003 L5–9; cost Π card × n — 2^20 terms for a 20-node binary chain). Returns a normalised Factor over `query`.
 */
export function queryEnumeration(bn: BayesNet, query: string[], evidence: Assignment = {}): Factor {
  const fn = 'queryEnumeration';
  const { q, e } = checkQuery(fn, bn, query, evidence);
  const nodes = bn.nodes as string[];
  const free = nodes.filter((v) => !(v in e));
  const fcard = free.map((v) => bn.card[v]);
  const total = tableSize(fcard);
  if (total > 2 ** 26) throw new RangeError(`${fn}: ${total} assignments to enumerate (more than 2^26); use queryVE`);
  const qcard = q.map((v) => bn.card[v]);
  const qs = strides(qcard);
  const out = new Float64Array(tableSize(qcard));
  // precompute per node: positions of its family in `nodes`
  const fam = nodes.map((v) => bn.cpds[v].vars.map((w) => nodes.indexOf(w)));
  const fst = nodes.map((v) => strides(bn.cpds[v].card));
  const x = nodes.map((v) => (v in e ? e[v] : 0));
  const freeIdx = free.map((v) => nodes.indexOf(v));
  const qIdx = q.map((v) => nodes.indexOf(v));
  for (let k = 0; k < total; k++) {
    let p = 1;
    for (let i = 0; i < nodes.length && p > 0; i++) {
      let idx = 0;
      const f = fam[i];
      for (let j = 0; j < f.length; j++) idx += x[f[j]] * fst[i][j];
      p *= bn.cpds[nodes[i]].values[idx];
    }
    let o = 0;
    for (let j = 0; j < qIdx.length; j++) o += x[qIdx[j]] * qs[j];
    out[o] += p;
    for (let d = freeIdx.length - 1; d >= 0; d--) {
      const i = freeIdx[d];
      if (++x[i] < fcard[d]) break;
      x[i] = 0;
    }
  }
  return normalize({ vars: q.slice(), card: qcard, values: out });
}

/**
 * P(query | evidence) by variable elimination (K&F 2009, Alg. 9.1): reduce every CPD by the evidence, then sum the
 * hidden variables out one at a time, each time multiplying only the factors that mention it. The default order is
 * greedy min-neighbours (the variable whose product has the smallest scope first); a chain or a tree is linear in n.
 * Returns { result, order, maxScope } with the normalised posterior as `result`.
 */
export function variableElimination(bn: BayesNet, query: string[], evidence: Assignment = {}, order?: string[]): { result: Factor; order: string[]; maxScope: number } {
  const fn = 'variableElimination';
  const { q, e } = checkQuery(fn, bn, query, evidence);
  let factors = (bn.nodes as string[]).map((v) => reduce(bn.cpds[v], e));
  const hidden = (bn.nodes as string[]).filter((v) => !(v in e) && !q.includes(v));
  if (order !== undefined) {
    if (!Array.isArray(order) || order.length !== hidden.length || !hidden.every((v) => order.includes(v))) {
      throw new RangeError(`${fn}: argument order must list exactly the hidden variables (${hidden.join(', ')}) (got ${describe(order)})`);
    }
  }
  const used: string[] = [];
  let maxScope = 0;
  const remaining = new Set(hidden);
  while (remaining.size) {
    let v: string;
    if (order) v = order[used.length];
    else {
      let best = Infinity;
      v = '';
      for (const w of remaining) {
        const scope = new Set<string>();
        for (const f of factors) if (f.vars.includes(w)) f.vars.forEach((u) => scope.add(u));
        if (scope.size < best) (best = scope.size), (v = w);
      }
    }
    remaining.delete(v);
    used.push(v);
    const touching = factors.filter((f) => f.vars.includes(v));
    factors = factors.filter((f) => !f.vars.includes(v));
    const prod = touching.reduce((p, f) => factorProduct(p, f));
    maxScope = Math.max(maxScope, prod.vars.length);
    factors.push(marginalize(prod, [v]));
  }
  const joint = factorProducts(factors);
  const result = normalize(reorderTo(joint, q));
  return { result, order: used, maxScope };
}

/** P(query | evidence) by variable elimination (the posterior Factor only). */
export function queryVE(bn: BayesNet, query: string[], evidence: Assignment = {}): Factor {
  return variableElimination(bn, query, evidence).result;
}

/** Ancestral sampling: draw each node in topological order from its CPT row given the sampled parents (002 GM1). */
export function ancestralSample(bn: BayesNet, n: number, rng: Rng): number[][] {
  const fn = 'ancestralSample';
  assertBn(fn, bn);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${fn}: argument n must be an integer ≥ 1 (got ${describe(n)})`);
  if (!(rng instanceof Rng)) throw new TypeError(`${fn}: argument rng must be a core.rng(seed) generator (got ${describe(rng)})`);
  const nodes = bn.nodes as string[];
  const out: number[][] = [];
  for (let s = 0; s < n; s++) {
    const x: Assignment = {};
    for (const v of bn.dag.order) {
      const f = bn.cpds[v];
      const st = strides(f.card);
      let base = 0;
      for (let j = 0; j < f.vars.length - 1; j++) base += x[f.vars[j]] * st[j];
      x[v] = rng.categorical(f.values.subarray(base, base + bn.card[v]));
    }
    out.push(nodes.map((v) => x[v]));
  }
  return out;
}

/** Free parameters: the BN's Σ (k_i − 1) Π k_{π_i} vs the full joint's Π k_i − 1 (003 L13, oracle 47 vs 15; 002 D3). */
export function parameterCounts(bn: BayesNet): { network: number; fullJoint: number } {
  assertBn('parameterCounts', bn);
  const k = bn.nodes.map((v) => bn.card[v]);
  return { network: bayesNetParameters(k, bn.dag.parentIndices()), fullJoint: fullJointParameters(k) };
}
