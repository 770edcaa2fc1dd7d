import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as g from '../../src/graphical';
import { rng } from '../../src/core/rng';

/** Run a Python snippet with /usr/bin/python3 (networkx, Debian python3-networkx), JSON in on stdin, JSON out on stdout. */
function python(code: string, input: unknown): any {
  const r = spawnSync('/usr/bin/python3', ['-c', code], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// networkx renamed d_separated to is_d_separator in 3.3; use whichever the installed version has.
const NX_DSEP = `
import sys, json, networkx as nx
f = getattr(nx, 'is_d_separator', None) or nx.d_separated
out = []
for q in json.load(sys.stdin):
    G = nx.DiGraph()
    G.add_nodes_from(q['nodes'])
    G.add_edges_from(q['edges'])
    out.append(bool(f(G, set(q['X']), set(q['Y']), set(q['Z']))))
print(json.dumps(out))
`;

/** Random (DAG, X, Y, Z) queries with disjoint non-empty X, Y and up to half the rest in Z. */
function randomQueries(seed: number, count: number) {
  const r = rng(seed);
  return Array.from({ length: count }, () => {
    const n = 3 + r.integer(10); // 3…12 nodes
    const d = g.randomDag(n, 0.15 + 0.35 * r.uniform(), r);
    const perm = r.shuffle(d.nodes.slice());
    const nx = 1 + r.integer(2);
    const ny = 1 + r.integer(Math.min(2, n - nx));
    const X = perm.slice(0, nx);
    const Y = perm.slice(nx, nx + ny);
    const rest = perm.slice(nx + ny);
    const Z = rest.filter(() => r.uniform() < 0.4);
    return { d, X, Y, Z };
  });
}

describe('graphical: d-separation against networkx and between our two algorithms', () => {
  it('Bayes ball agrees with networkx d_separated / is_d_separator on 1,500 random queries (3–12 nodes)', function () {
    this.timeout(120000);
    const qs = randomQueries(2026, 1500);
    const ours = qs.map((q) => g.dSeparated(q.d, q.X, q.Y, q.Z));
    const theirs: boolean[] = python(NX_DSEP, qs.map((q) => ({ nodes: q.d.nodes, edges: q.d.edges, X: q.X, Y: q.Y, Z: q.Z })));
    assert.equal(theirs.length, qs.length);
    const bad = qs.map((q, i) => (ours[i] !== theirs[i] ? `${q.d} X=${q.X} Y=${q.Y} Z=${q.Z}` : '')).filter(Boolean);
    assert.deepEqual(bad, []);
    // the sample must contain both answers in quantity, or the comparison would be weak
    assert.ok(ours.filter(Boolean).length > 200 && ours.filter((x) => !x).length > 200);
  });

  it('Bayes ball = moralised ancestral graph = "no active trail" (trail enumeration) on 600 random queries', () => {
    for (const q of randomQueries(7, 600)) {
      const a = g.dSeparated(q.d, q.X, q.Y, q.Z);
      assert.equal(g.dSeparatedMoral(q.d, q.X, q.Y, q.Z), a, `${q.d}`);
      if (q.X.length === 1 && q.Y.length === 1 && q.d.nodes.length <= 9) assert.equal(g.dSeparatedByTrails(q.d, q.X[0], q.Y[0], q.Z), a, `${q.d}`);
    }
  });

  it('every trail reported active is active by the rules (each interior node checked), and blocked ones name a blocking node', () => {
    const d = g.fig21Dag();
    for (const st of g.explainTrails(d, 'X2', 'X3', ['X1', 'X6'])) {
      if (st.active) assert.equal(st.blockedAt, undefined);
      else assert.ok(st.trail.includes(st.blockedAt!));
    }
    const open = g.activeTrails(d, 'X2', 'X3', ['X1', 'X6']);
    assert.deepEqual(open, [['X2', 'X6', 'X5', 'X3']]); // through the observed collider X6
  });

  it('d-separation implies independence in random CPTs (soundness), and a d-connection shows up as dependence (faithfulness, generic CPTs)', () => {
    const r = rng(11);
    for (let t = 0; t < 40; t++) {
      const d = g.randomDag(5, 0.5, r);
      const J = g.jointTable(g.randomBayesNet(d, r, { maxCard: 3 }));
      const [a, b, ...rest] = r.shuffle(d.nodes.slice());
      const Z = rest.filter(() => r.uniform() < 0.5);
      const sep = g.dSeparated(d, [a], [b], Z);
      const dev = g.ciDeviation(J, [a], [b], Z);
      if (sep) assert.ok(dev < 1e-14, `${d} ${a} ${b} ${Z} dev ${dev}`);
      else assert.ok(dev > 1e-8, `${d} ${a} ${b} ${Z} dev ${dev}`);
    }
  });

  it('002 Eq. (2.5.1), exact form: p(x_i | x_{−i}) = p(x_i | x_MB(i)) on a random network, for every node and configuration', () => {
    const r = rng(5);
    const d = g.randomDag(6, 0.5, r);
    const J = g.jointTable(g.randomBayesNet(d, r));
    for (const v of d.nodes) {
      const mb = g.markovBlanket(d, v);
      const others = d.nodes.filter((w) => w !== v && !mb.includes(w));
      if (others.length) assert.ok(g.isIndependent(J, [v], others, mb, 1e-14), v);
    }
  });
});
