/** Random DAGs and random Bayesian networks for tests and timing cells (seeded; never Math.random). */
import { describe } from '../core/validate';
import { Rng } from '../core/rng';
import { Dag, Edge } from './dag';
import { BayesNet, bayesNet } from './bayesnet';

/** A random DAG on nodes V0…V{n−1}: each edge i → j (i < j in a random order) present with probability p. */
export function randomDag(n: number, p: number, rng: Rng, opts: { maxParents?: number } = {}): Dag {
  const fn = 'randomDag';
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${fn}: argument n must be an integer ≥ 1 (got ${describe(n)})`);
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new RangeError(`${fn}: argument p must be a probability (got ${describe(p)})`);
  if (!(rng instanceof Rng)) throw new TypeError(`${fn}: argument rng must be a core.rng(seed) generator (got ${describe(rng)})`);
  const maxPa = opts.maxParents ?? Infinity;
  const nodes = Array.from({ length: n }, (_, i) => `V${i}`);
  const perm = rng.permutation(n);
  const edges: Edge[] = [];
  for (let j = 1; j < n; j++) {
    let k = 0;
    for (let i = 0; i < j; i++) if (k < maxPa && rng.uniform() < p) (edges.push([nodes[perm[i]], nodes[perm[j]]]), k++);
  }
  return new Dag(nodes, edges, fn);
}

/** A random Bayesian network on a given DAG: cardinalities in 2…maxCard, CPT rows from Dirichlet(1, …, 1). */
export function randomBayesNet(g: Dag, rng: Rng, opts: { maxCard?: number } = {}): BayesNet {
  const fn = 'randomBayesNet';
  if (!(g instanceof Dag)) throw new TypeError(`${fn}: argument g must be a Dag (got ${describe(g)})`);
  if (!(rng instanceof Rng)) throw new TypeError(`${fn}: argument rng must be a core.rng(seed) generator (got ${describe(rng)})`);
  const maxCard = opts.maxCard ?? 2;
  if (!Number.isInteger(maxCard) || maxCard < 2) throw new RangeError(`${fn}: argument opts.maxCard must be an integer ≥ 2 (got ${describe(maxCard)})`);
  const card: Record<string, number> = {};
  for (const v of g.nodes) card[v] = 2 + rng.integer(maxCard - 1);
  const parents: Record<string, string[]> = {};
  const cpts: Record<string, number[][]> = {};
  for (const v of g.nodes) {
    parents[v] = g.parents(v);
    const rows = parents[v].reduce((p, q) => p * card[q], 1);
    cpts[v] = Array.from({ length: rows }, () => {
      const r = Array.from(rng.dirichlet(new Array(card[v]).fill(1)));
      const s = r.reduce((a, b) => a + b, 0);
      return r.map((x) => x / s);
    });
  }
  return bayesNet({ nodes: g.nodes.slice(), parents, cpts, card });
}

/** A binary chain V0 → V1 → … → V{n−1} with random CPTs (the 20-variable timing cell: VE is linear, enumeration 2^n). */
export function chainNetwork(n: number, rng: Rng): BayesNet {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`chainNetwork: argument n must be an integer ≥ 2 (got ${describe(n)})`);
  const nodes = Array.from({ length: n }, (_, i) => `V${i}`);
  return randomBayesNet(new Dag(nodes, nodes.slice(1).map((v, i) => [nodes[i], v] as Edge), 'chainNetwork'), rng);
}
