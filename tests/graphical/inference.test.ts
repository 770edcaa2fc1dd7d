import { strict as assert } from 'assert';
import * as g from '../../src/graphical';
import { rng } from '../../src/core/rng';

describe('graphical: factors and exact inference', () => {
  it('factor product, marginalisation, reduction and normalisation by hand on a 2×3 example', () => {
    const a = g.factor(['A', 'B'], [2, 3], [1, 2, 3, 4, 5, 6]);
    const b = g.factor(['B', 'C'], [3, 2], [1, 0, 0, 1, 2, 2]);
    const p = g.factorProduct(a, b);
    assert.deepEqual(p.vars, ['A', 'B', 'C']);
    // φ(a,b,c) = a(a,b) b(b,c)
    assert.deepEqual(Array.from(p.values), [1, 0, 0, 2, 6, 6, 4, 0, 0, 5, 12, 12]);
    assert.deepEqual(Array.from(g.marginalize(p, ['B']).values), [7, 8, 16, 17]);
    assert.deepEqual(Array.from(g.reduce(p, { B: 2 }).values), [6, 6, 12, 12]);
    assert.deepEqual(Array.from(g.normalize(g.marginalOnto(p, ['C'])).values), [23 / 48, 25 / 48]);
    assert.equal(g.factorValue(p, { A: 1, B: 2, C: 0 }), 12);
    assert.deepEqual(Array.from(g.reorder(a, ['B', 'A']).values), [1, 4, 2, 5, 3, 6]);
  });

  it('variable elimination agrees with enumeration on 60 random networks (up to 9 nodes, 2–3 states, random evidence)', () => {
    const r = rng(99);
    for (let t = 0; t < 60; t++) {
      const d = g.randomDag(3 + r.integer(7), 0.4, r, { maxParents: 3 });
      const bn = g.randomBayesNet(d, r, { maxCard: 3 });
      const perm = r.shuffle(d.nodes.slice());
      const q = perm.slice(0, 1 + r.integer(2));
      const ev: Record<string, number> = {};
      for (const v of perm.slice(q.length)) if (r.uniform() < 0.3) ev[v] = r.integer(bn.card[v]);
      const a = g.queryVE(bn, q, ev);
      const b = g.queryEnumeration(bn, q, ev);
      // third route: condition the full joint table
      const c = g.normalize(g.marginalOnto(g.reduce(g.jointTable(bn), ev), q));
      a.values.forEach((x, i) => {
        assert.ok(Math.abs(x - b.values[i]) < 1e-12, `${bn} ${q} ${JSON.stringify(ev)}`);
        assert.ok(Math.abs(x - c.values[i]) < 1e-12);
      });
    }
  });

  it('VE on a 20-node binary chain: linear (max scope 2) and equal to enumeration over 2^20 assignments', function () {
    this.timeout(60000);
    const bn = g.chainNetwork(20, rng(3));
    const ve = g.variableElimination(bn, ['V19'], { V0: 1 });
    assert.ok(ve.maxScope <= 2);
    const en = g.queryEnumeration(bn, ['V19'], { V0: 1 });
    assert.ok(Math.abs(ve.result.values[1] - en.values[1]) < 1e-12);
    // closed form: multiply the 2×2 transition matrices
    let p = [0, 1];
    for (let i = 1; i < 20; i++) {
      const T = bn.cpds[`V${i}`].values;
      p = [p[0] * T[0] + p[1] * T[2], p[0] * T[1] + p[1] * T[3]];
    }
    assert.ok(Math.abs(ve.result.values[1] - p[1]) < 1e-13);
  });

  it('ancestral sampling: empirical joint frequencies of the student network within 4 SE of the exact joint (20,000 draws)', () => {
    const s = g.studentNetwork();
    const n = 20000;
    const xs = g.ancestralSample(s, n, rng(1));
    const J = g.jointTable(s);
    const counts = new Map<string, number>();
    for (const x of xs) counts.set(x.join(), (counts.get(x.join()) ?? 0) + 1);
    for (const e of g.factorEntries(J)) {
      const f = (counts.get(e.states.join()) ?? 0) / n;
      const se = Math.sqrt((e.value * (1 - e.value)) / n);
      assert.ok(Math.abs(f - e.value) <= 4 * se + 1e-12, `${e.states}: ${f} vs ${e.value}`);
    }
  });

  it('conditional mutual information: zero under independence, equals I(X;Y) = H(X) for a copy (log 2)', () => {
    const copy = g.factor(['X', 'Y'], [2, 2], [0.5, 0, 0, 0.5]);
    assert.ok(Math.abs(g.conditionalMutualInformation(copy, ['X'], ['Y']) - Math.log(2)) < 1e-15);
    const ind = g.factorProduct(g.factor(['X'], [2], [0.3, 0.7]), g.factor(['Y'], [2], [0.6, 0.4]));
    assert.ok(g.conditionalMutualInformation(ind, ['X'], ['Y']) < 1e-15);
  });
});

describe('graphical: plates and the GMM (002 §2.6)', () => {
  const gmm = { pi: [0.3, 0.7], means: [[-2, 0], [2, 1]], covs: [[[1, 0.5], [0.5, 1]], [[0.5, 0], [0, 2]]] };
  it('gmmLogPdf: one component reduces to the Gaussian closed form; two components to the weighted sum', () => {
    const one = { pi: [1], means: [[0, 0]], covs: [[[2, 0], [0, 0.5]]] };
    // log N(x | 0, diag(2, 0.5)) at (1, 1): −log(2π) − ½ log(1) − ½(1/2 + 1/0.5)
    assert.ok(Math.abs(g.gmmLogPdf(one, [1, 1]) - (-Math.log(2 * Math.PI) - 0.5 * (0.5 + 2))) < 1e-14);
    const n = (x: number[], m: number[], S: number[][]) => {
      const det = S[0][0] * S[1][1] - S[0][1] * S[1][0];
      const d = [x[0] - m[0], x[1] - m[1]];
      const q = (S[1][1] * d[0] * d[0] - 2 * S[0][1] * d[0] * d[1] + S[0][0] * d[1] * d[1]) / det;
      return Math.exp(-0.5 * q) / (2 * Math.PI * Math.sqrt(det));
    };
    const x = [0.3, -0.4];
    const want = Math.log(0.3 * n(x, gmm.means[0], gmm.covs[0]) + 0.7 * n(x, gmm.means[1], gmm.covs[1]));
    assert.ok(Math.abs(g.gmmLogPdf(gmm, x) - want) < 1e-13);
  });
  it('gmmSample: component frequencies and per-component means within 4 SE (n = 20,000, seed 5)', () => {
    const { x, z } = g.gmmSample(gmm, 20000, rng(5));
    const f = z.filter((k) => k === 0).length / z.length;
    assert.ok(Math.abs(f - 0.3) < 4 * Math.sqrt(0.21 / 20000));
    for (const k of [0, 1]) {
      const pts = x.filter((_, i) => z[i] === k);
      for (const d of [0, 1]) {
        const m = pts.reduce((s, p) => s + p[d], 0) / pts.length;
        assert.ok(Math.abs(m - gmm.means[k][d]) < 4 * Math.sqrt(gmm.covs[k][d][d] / pts.length), `${k},${d}`);
      }
    }
  });
  const rules: [string, () => unknown, RegExp][] = [
    ['gmmSample: gmmSample: .*gmm.pi', () => g.gmmSample({ ...gmm, pi: [0.5, 0.6] }, 1, rng(1)), /gmmSample: .*gmm.pi/],
    ['gmmSample: gmm.means must have one mean per component', () => g.gmmSample({ ...gmm, means: [[0, 0]] }, 1, rng(1)), /gmm.means must have one mean per component/],
    ['gmmSample: gmm.covs\[0\]', () => g.gmmSample({ ...gmm, covs: [[[1, 2], [2, 1]], gmm.covs[1]] }, 1, rng(1)), /gmm.covs\[0\]/],
    ['gmmSample: argument n must be an integer ≥ 1', () => g.gmmSample(gmm, 0, rng(1)), /argument n must be an integer ≥ 1/],
    ['gmmLogPdf: argument x must be 2 finite numbers', () => g.gmmLogPdf(gmm, [1]), /argument x must be 2 finite numbers/],
    ['gmmSampleFigure: argument sample must be', () => g.gmmSampleFigure({ x: [], z: [] }), /argument sample must be/],
  ];
  for (const [name, call, msg] of rules) it(`validation — ${name}`, () => assert.throws(call, msg));
});
