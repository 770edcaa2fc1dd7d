import { strict as assert } from 'assert';
import * as g from '../../src/graphical';
import { bayesNetParameters, fullJointParameters } from '../../src/counting';

const close = (a: number, b: number, tol: number, msg?: string) => assert.ok(Math.abs(a - b) <= tol, `${msg ?? ''} ${a} vs ${b}`);

describe('graphical: 002 oracles (STA4124 notes §2)', () => {
  const d = g.fig21Dag();

  it('002 T1: Fig 2.1 DAG has edges 1→2, 1→3, 2→4, 3→5, 2→6, 5→6 and π6 = {2, 5} (Eq. 2.2.1)', () => {
    assert.deepEqual(d.parents('X6').sort(), ['X2', 'X5']);
    assert.deepEqual(g.skeleton(d).map((e) => e.join('')), ['X1X2', 'X1X3', 'X2X4', 'X2X6', 'X3X5', 'X5X6']);
    assert.deepEqual(d.nodes.map((v) => d.parents(v).length), [0, 1, 1, 1, 1, 2]);
  });

  it('002 T2/D3: binary parameter counts — Σ 2^|π_i| = 13 for the DAG vs 2^6 − 1 = 63 free for the joint (via counting)', () => {
    const bn = g.fig21Network();
    assert.deepEqual(g.parameterCounts(bn), { network: 13, fullJoint: 63 });
    assert.equal(bayesNetParameters([2, 2, 2, 2, 2, 2], d.parentIndices()), 13);
    assert.equal(fullJointParameters(new Array(10).fill(2)), 1023); // 2^n − 1 (the notes' 2^n, erratum 002-E2)
  });

  // 002 D1: twenty queries on the Fig 2.1 DAG (inventory values from the moralised-ancestral algorithm)
  const D1: [string, string, string[], boolean][] = [
    ['1', '4', [], false], ['1', '4', ['2'], true], ['4', '5', [], false], ['4', '5', ['2'], true], ['4', '5', ['1'], true],
    ['2', '3', ['1'], true], ['2', '3', ['1', '6'], false], ['2', '3', ['6'], false], ['2', '5', ['1'], true], ['2', '5', ['1', '6'], false],
    ['1', '6', ['2', '3'], true], ['1', '6', ['2', '5'], true], ['1', '6', ['2'], false], ['4', '6', ['2'], true], ['3', '4', [], false],
    ['3', '4', ['1'], true], ['3', '4', ['2'], true], ['3', '4', ['6'], false], ['1', '5', ['3'], true], ['4', '3', ['2', '6'], true],
  ];
  const X = (s: string) => `X${s}`;
  for (const [a, b, S, expected] of D1) {
    it(`002 D1: ${a} ⊥ ${b} | {${S}} is ${expected ? 'YES' : 'NO'} (Bayes ball, moral graph, and trail enumeration agree)`, () => {
      assert.equal(g.dSeparated(d, [X(a)], [X(b)], S.map(X)), expected);
      assert.equal(g.dSeparatedMoral(d, [X(a)], [X(b)], S.map(X)), expected);
      assert.equal(g.activeTrails(d, X(a), X(b), S.map(X)).length === 0, expected);
    });
  }

  it('002 D1 numerically: every D1 answer matches the CI of the joint of fig21Network (faithful CPTs)', () => {
    const J = g.jointTable(g.fig21Network());
    for (const [a, b, S, expected] of D1) assert.equal(g.isIndependent(J, [X(a)], [X(b)], S.map(X), 1e-14), expected, `${a} ⊥ ${b} | ${S}`);
  });

  it('002 D2: Markov blankets of Fig 2.1 — MB(1)={2,3}, MB(2)={1,4,5,6}, MB(3)={1,5}, MB(4)={2}, MB(5)={2,3,6}, MB(6)={2,5}', () => {
    const want = { X1: ['X2', 'X3'], X2: ['X1', 'X4', 'X5', 'X6'], X3: ['X1', 'X5'], X4: ['X2'], X5: ['X2', 'X3', 'X6'], X6: ['X2', 'X5'] };
    for (const [v, mb] of Object.entries(want)) assert.deepEqual(g.markovBlanket(d, v), mb);
  });

  it('002 T3: MB(X4) = {X1, X2, X6, X7, X9} in a DAG consistent with Fig 2.5', () => {
    assert.deepEqual(g.markovBlanket(g.fig25Dag(), 'X4'), ['X1', 'X2', 'X6', 'X7', 'X9']);
  });

  it('002 T4: chain/fork — X ⊥̸ Z, X ⊥ Z | Y; collider — X ⊥ Z, X ⊥̸ Z | Y and ⊥̸ given its descendant W (d-sep and CMI)', () => {
    for (const kind of ['chain', 'fork', 'collider'] as const) {
      const bn = g.canonicalNetwork(kind, true);
      const J = g.jointTable(bn);
      const marg = kind === 'collider';
      assert.equal(g.dSeparated(bn.dag, ['X'], ['Z'], []), marg, kind);
      assert.equal(g.dSeparated(bn.dag, ['X'], ['Z'], ['Y']), !marg, kind);
      assert.equal(g.conditionalMutualInformation(J, ['X'], ['Z']) < 1e-14, marg, kind);
      assert.equal(g.conditionalMutualInformation(J, ['X'], ['Z'], ['Y']) < 1e-14, !marg, kind);
      // given the descendant W every structure is dependent (collider opened; chain/fork not blocked: 002-E67)
      assert.equal(g.dSeparated(bn.dag, ['X'], ['Z'], ['W']), false, kind);
      assert.ok(g.conditionalMutualInformation(J, ['X'], ['Z'], ['W']) > 1e-3, kind);
    }
  });

  it('002 T5: chain and fork are Markov equivalent, the collider is not (skeleton + v-structures, and by definition)', () => {
    const chain = g.dag(['X', 'Y', 'Z'], [['X', 'Y'], ['Y', 'Z']]);
    const fork = g.dag(['X', 'Y', 'Z'], [['Y', 'X'], ['Y', 'Z']]);
    const coll = g.dag(['X', 'Y', 'Z'], [['X', 'Y'], ['Z', 'Y']]);
    assert.equal(g.markovEquivalent(chain, fork), true);
    assert.equal(g.markovEquivalent(chain, coll), false);
    assert.equal(g.markovEquivalentByDefinition(chain, fork), true);
    assert.equal(g.markovEquivalentByDefinition(fork, coll), false);
    // 002 NB02 exercise: class sizes 3 (chain) and 1 (collider)
    assert.equal(g.equivalenceClassSize(chain), 3);
    assert.equal(g.equivalenceClassSize(coll), 1);
  });

  it('002 NB02: PC with the d-separation oracle on Fig 2.1 finds only the v-structure 2→6←5 and leaves 1–2, 1–3, 2–4, 3–5 undirected', () => {
    const r = g.pcAlgorithm(d.nodes.slice(), g.dSepOracle(d));
    assert.deepEqual(r.vStructures, [['X2', 'X6', 'X5']]);
    assert.deepEqual(r.directed, [['X2', 'X6'], ['X5', 'X6']]);
    assert.deepEqual(r.undirected, [['X1', 'X2'], ['X1', 'X3'], ['X2', 'X4'], ['X3', 'X5']]);
    assert.equal(r.meek.length, 0); // no Meek rule fires
    assert.deepEqual(r, { ...r, ...g.cpdag(d) });
  });
});

describe('graphical: 003 oracles (DGM notes L1–92)', () => {
  const s = g.studentNetwork();
  const v = (f: g.Factor, i: number) => f.values[i];

  it('003 L34 / §4.1: P(i¹, d⁰, g², s¹, l⁰) = 0.3·0.6·0.08·0.8·0.4 = 0.004608; the joint sums to 1 over 48 states', () => {
    close(g.jointProbability(s, { I: 1, D: 0, G: 1, S: 1, L: 0 }), 0.3 * 0.6 * 0.08 * 0.8 * 0.4, 1e-15);
    close(g.jointProbability(s, { I: 1, D: 0, G: 1, S: 1, L: 0 }), 0.004608, 1e-15);
    const J = g.jointTable(s);
    assert.equal(J.values.length, 48);
    close(g.factorSum(J), 1, 1e-12);
  });

  it('003 §4.1: free parameters 47 (joint) vs 15 (network)', () => {
    assert.deepEqual(g.parameterCounts(s), { network: 15, fullJoint: 47 });
  });

  it('003 §4.1: P(G) = (0.362, 0.2884, 0.3496), P(l¹) = 0.502336 (VE and enumeration)', () => {
    for (const q of [g.queryVE, g.queryEnumeration]) {
      const pg = q(s, ['G']);
      [0.362, 0.2884, 0.3496].forEach((p, i) => close(v(pg, i), p, 1e-12));
      close(v(q(s, ['L']), 1), 0.502336, 1e-12);
    }
  });

  const cases: [string, string, Record<string, number>, number, number][] = [
    ['P(l¹ | i⁰)', 'L', { I: 0 }, 1, 0.3886],
    ['P(l¹ | i⁰, d⁰)', 'L', { I: 0, D: 0 }, 1, 0.513],
    ['P(i¹ | g³)', 'I', { G: 2 }, 1, 3 / 38],
    ['P(i¹ | l⁰)', 'I', { L: 0 }, 1, 0.1400222],
    ['P(i¹ | g³, d¹) (explaining away)', 'I', { G: 2, D: 1 }, 1, 0.1090909],
    ['P(d¹ | g³)', 'D', { G: 2 }, 1, 0.6292906],
    ['P(d¹ | g³, i¹)', 'D', { G: 2, I: 1 }, 1, 0.8695652],
    ['P(i¹ | g³, s¹)', 'I', { G: 2, S: 1 }, 1, 0.5783133],
  ];
  for (const [name, q, e, state, want] of cases) {
    it(`003 §4.1: ${name} = ${want.toPrecision(7)} (VE = enumeration)`, () => {
      const a = v(g.queryVE(s, [q], e), state);
      const b = v(g.queryEnumeration(s, [q], e), state);
      close(a, b, 1e-14);
      close(a, want, 5e-8);
    });
  }

  it('003 §4.1 / A04: local independencies hold numerically (S ⊥ {D,G,L} | I; L ⊥ {I,D,S} | G; G ⊥ S | {I,D}); I ⊥ D but not given G', () => {
    const J = g.jointTable(s);
    assert.ok(g.isIndependent(J, ['S'], ['D', 'G', 'L'], ['I']));
    assert.ok(g.isIndependent(J, ['L'], ['I', 'D', 'S'], ['G']));
    assert.ok(g.isIndependent(J, ['G'], ['S'], ['I', 'D']));
    assert.ok(g.isIndependent(J, ['I'], ['D']));
    assert.ok(!g.isIndependent(J, ['I'], ['D'], ['G'], 1e-6));
    close(v(g.queryVE(s, ['L'], { G: 1, I: 1 }), 1), 0.6, 1e-14);
    for (const li of g.localIndependencies(s.dag)) if (li.nonDescendants.length) assert.ok(g.isIndependent(J, [li.x], li.nonDescendants, li.parents), li.x);
  });

  const m = g.misconceptionFactors();
  it('003 §4.2: misconception network Z = 7,201,840 (ln Z = 15.789847)', () => {
    assert.equal(g.partitionFunction(m), 7201840);
    close(Math.log(g.partitionFunction(m)), 15.789847, 5e-7);
  });

  it('003 §4.2: unnormalised weights of the 16 states and the largest probabilities', () => {
    const P = g.unnormalizedJoint(m);
    const J = g.reorder(P, ['A', 'B', 'C', 'D']);
    assert.deepEqual(Array.from(J.values), [300000, 300000, 300000, 30, 500, 500, 5000000, 500, 100, 1000000, 100, 100, 10, 100000, 100000, 100000]);
    const p = g.gibbsDistribution(m);
    close(g.factorValue(p, { A: 0, B: 1, C: 1, D: 0 }), 0.694267, 5e-8);
    close(g.factorValue(p, { A: 1, B: 0, C: 0, D: 1 }), 0.1388534, 5e-8);
    close(g.factorValue(p, { A: 0, B: 0, C: 0, D: 0 }), 0.041656, 5e-8);
  });

  it('003 §4.2: P(A,B) = (0.1249722, 0.6944753, 0.1388951, 0.0416574) ≠ normalised φ1 = (0.6521739, 0.1086957, 0.0217391, 0.2173913)', () => {
    const pab = g.markovMarginal(m, ['A', 'B']);
    [0.1249722, 0.6944753, 0.1388951, 0.0416574].forEach((p, i) => close(pab.values[i], p, 5e-8));
    const phi1 = g.normalize(m[0]);
    [0.6521739, 0.1086957, 0.0217391, 0.2173913].forEach((p, i) => close(phi1.values[i], p, 5e-8));
  });

  it('003 §4.2 / E08: the printed formula (φ1 on all four edges) gives Z = 846,050', () => {
    assert.equal(g.partitionFunction(g.misconceptionFactorsAsPrinted()), 846050);
  });

  it('003 A07: MB(A) = {B, D} on the loop; A ⊥ C | {B, D} holds, A ⊥ C does not', () => {
    const nodes = ['A', 'B', 'C', 'D'];
    const edges = g.factorGraphEdges(m);
    assert.deepEqual(g.undirectedMarkovBlanket(nodes, edges, 'A'), ['B', 'D']);
    const p = g.gibbsDistribution(m);
    assert.ok(g.isIndependent(p, ['A'], ['C'], ['B', 'D']));
    assert.ok(!g.isIndependent(p, ['A'], ['C'], [], 1e-6));
    assert.ok(g.separatedUndirected(nodes, edges, ['A'], ['C'], ['B', 'D']));
    assert.ok(!g.separatedUndirected(nodes, edges, ['A'], ['C'], ['B']));
  });

  it('003 A06: the A..G example rebuilt from its cliques has exactly those maximal cliques; all-ones factors give Z = 2^7 = 128', () => {
    const { nodes, cliques } = g.CLIQUE_EXAMPLE;
    const fs = cliques.map((c) => g.factor(c, c.map(() => 2), new Array(2 ** c.length).fill(1)));
    const edges = g.factorGraphEdges(fs);
    const got = g.maximalCliques(nodes, edges).map((c) => c.join(''));
    assert.deepEqual(got.sort(), cliques.map((c) => nodes.filter((v) => c.includes(v)).join('')).sort());
    assert.equal(g.partitionFunction(fs), 128);
  });
});
