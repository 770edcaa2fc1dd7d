import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as g from '../../src/graphical';
import { rng } from '../../src/core/rng';
import { erfc } from '../../src/core/special';

describe('graphical: Markov equivalence, CPDAGs and the PC algorithm', () => {
  it('Verma–Pearl (skeleton + v-structures) agrees with the definition (same d-separation statements) on 150 random pairs of 4-node DAGs', () => {
    const r = rng(21);
    let eq = 0;
    for (let t = 0; t < 150; t++) {
      const a = g.randomDag(4, 0.6, r);
      // a second DAG: either a member of a's class (reverse a random reversible edge) or an independent random DAG
      const b = t % 2 === 0 ? g.equivalenceClass(a)[r.integer(g.equivalenceClassSize(a))] : g.randomDag(4, 0.6, r);
      const byVP = g.markovEquivalent(a, b);
      assert.equal(byVP, g.markovEquivalentByDefinition(a, b), `${a} vs ${b}`);
      if (byVP) eq++;
    }
    assert.ok(eq > 60 && eq < 150);
  });

  it('CPDAG: an edge is directed iff every member of the equivalence class orients it the same way (40 random DAGs)', () => {
    const r = rng(8);
    for (let t = 0; t < 40; t++) {
      const d = g.randomDag(6, 0.4, r);
      const c = g.cpdag(d);
      const members = g.equivalenceClass(d);
      for (const [a, b] of c.directed) for (const m of members) assert.ok(m.parents(b).includes(a), `${d}: ${a}→${b}`);
      for (const [a, b] of c.undirected) {
        assert.ok(members.some((m) => m.parents(b).includes(a)) && members.some((m) => m.parents(a).includes(b)), `${d}: ${a}–${b}`);
      }
      for (const m of members) assert.ok(g.markovEquivalent(m, d));
    }
  });

  // closed forms: an undirected tree CPDAG has one member per choice of root (n); a complete DAG on 3 nodes has 3! members
  it('equivalence-class sizes: chain of 4 nodes 4, complete DAG on 3 nodes 6, the Fig 2.1 DAG 5 (its undirected part is a 5-node tree)', () => {
    assert.equal(g.equivalenceClassSize(g.dag(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'd']])), 4);
    assert.equal(g.equivalenceClassSize(g.dag(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['a', 'c']])), 6);
    assert.equal(g.equivalenceClassSize(g.fig21Dag()), 5);
  });

  it('Meek rules fire as stated: R1 (a→b–c ⇒ b→c), R2 (a→c→b, a–b ⇒ a→b), R3 (two non-adjacent c,d with a–c→b, a–d→b ⇒ a→b)', () => {
    const r1 = g.meekRules({ nodes: ['a', 'b', 'c'], directed: [['a', 'b']], undirected: [['b', 'c']] });
    assert.deepEqual(r1.directed, [['a', 'b'], ['b', 'c']]);
    assert.equal(r1.applied[0].rule, 'R1');
    const r2 = g.meekRules({ nodes: ['a', 'b', 'c'], directed: [['a', 'c'], ['c', 'b']], undirected: [['a', 'b']] });
    assert.deepEqual(r2.directed, [['a', 'b'], ['a', 'c'], ['c', 'b']]);
    assert.equal(r2.applied[0].rule, 'R2');
    const r3 = g.meekRules({ nodes: ['a', 'b', 'c', 'd'], directed: [['c', 'b'], ['d', 'b']], undirected: [['a', 'b'], ['a', 'c'], ['a', 'd']] });
    assert.ok(r3.directed.some(([x, y]) => x === 'a' && y === 'b'));
    assert.equal(r3.applied[0].rule, 'R3');
  });

  it('PC with the d-separation oracle returns the CPDAG of the true DAG (60 random DAGs, 3–8 nodes)', () => {
    const r = rng(4);
    for (let t = 0; t < 60; t++) {
      const d = g.randomDag(3 + r.integer(6), 0.35, r);
      const res = g.pcAlgorithm(d.nodes.slice(), g.dSepOracle(d));
      const c = g.cpdag(d);
      assert.deepEqual(res.skeleton, g.skeleton(d), `${d}`);
      assert.deepEqual({ dir: res.directed, und: res.undirected }, { dir: c.directed, und: c.undirected }, `${d}`);
      assert.equal(g.structuralHammingDistance(res, c), 0);
      assert.equal(res.conflicts, 0);
    }
  });

  it('PC with Fisher z on 5,000 linear-Gaussian samples of Fig 2.1 recovers the CPDAG (2→6←5, four undirected edges)', () => {
    const d = g.fig21Dag();
    const { data } = g.sampleLinearGaussian(d, 5000, rng(12));
    const res = g.pcAlgorithm(d.nodes.slice(), g.fisherZTest(data, d.nodes.slice(), 0.01));
    assert.equal(g.structuralHammingDistance(res, g.cpdag(d)), 0);
  });

  it('PC with G² on 20,000 ancestral samples of the student network recovers its CPDAG (I→G←D, G→L, I–S)', () => {
    const s = g.studentNetwork();
    const xs = g.ancestralSample(s, 20000, rng(13));
    const res = g.pcAlgorithm(s.nodes.slice(), g.gSquareTest(xs, s.nodes.slice(), 0.01));
    const c = g.cpdag(s.dag);
    assert.deepEqual(c.directed, [['D', 'G'], ['G', 'L'], ['I', 'G']]);
    assert.equal(g.structuralHammingDistance(res, c), 0);
  });

  it('Fisher z: correlations of a unit-weight chain match the closed forms (1/√2, 1/√3), ρ_XZ·Y ≈ 0; p tiny for X,Z and large given Y', () => {
    const d = g.dag(['X', 'Y', 'Z'], [['X', 'Y'], ['Y', 'Z']]);
    const { data } = g.sampleLinearGaussian(d, 20000, rng(2), { weights: { 'X->Y': 1, 'Y->Z': 1 } });
    const R = g.correlationMatrix(data);
    assert.ok(Math.abs(R[0][1] - 1 / Math.sqrt(2)) < 0.02); // Var Y = 2, Cov(X,Y) = 1
    assert.ok(Math.abs(R[0][2] - 1 / Math.sqrt(3)) < 0.02); // Var Z = 3, Cov(X,Z) = 1
    assert.ok(Math.abs(g.partialCorrelation(R, 0, 2, [1])) < 0.03);
    const t = g.fisherZTest(data, ['X', 'Y', 'Z']);
    assert.ok(t.pValue('X', 'Z', []) < 1e-10);
    assert.ok(t.pValue('X', 'Z', ['Y']) > 1e-3);
  });

  it('χ² survival: closed forms (df = 2: e^{−x/2}; df = 1: erfc(√(x/2))) and scipy.stats.chi2.sf', () => {
    for (const x of [0.1, 1, 3.7, 10, 40]) {
      assert.ok(Math.abs(g.chiSquareSurvival(x, 2) - Math.exp(-x / 2)) < 1e-14);
      assert.ok(Math.abs(g.chiSquareSurvival(x, 1) - erfc(Math.sqrt(x / 2))) < 1e-12);
    }
    const xs = [0.5, 2, 5, 11.07, 30];
    const dfs = [1, 3, 5, 8, 20];
    const r = spawnSync('/usr/bin/python3', ['-c', 'import sys,json; from scipy.stats import chi2; d=json.load(sys.stdin); print(json.dumps([float(chi2.sf(x,k)) for x,k in d]))'], {
      input: JSON.stringify(xs.flatMap((x) => dfs.map((k) => [x, k]))),
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const ref: number[] = JSON.parse(r.stdout);
    xs.flatMap((x) => dfs.map((k) => g.chiSquareSurvival(x, k))).forEach((v, i) => assert.ok(Math.abs(v - ref[i]) < 1e-12 * Math.max(1, ref[i] * 1e3), `${v} vs ${ref[i]}`));
  });

  it('002-E6: PC restricted to |S| ≤ 1 ("given a third node") keeps the false edges 1–6 and 3–6 on Fig 2.1', () => {
    const d = g.fig21Dag();
    const res = g.pcAlgorithm(d.nodes.slice(), g.dSepOracle(d), { maxCondSize: 1 });
    const extra = res.skeleton.filter(([a, b]) => !d.adjacent(a, b)).map((e) => e.join('–'));
    assert.deepEqual(extra, ['X1–X6', 'X3–X6']);
  });
});
