import { strict as assert } from 'assert';
import '../../src/sampling';
import { listExercises, referenceAnswer, verify } from '../../src/exercises/registry';
import { getErratum, listErrata } from '../../src/errata/registry';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);
const num = (id: string, p?: Record<string, number>) => referenceAnswer(id, p) as number;
const vec = (id: string, p?: Record<string, number>) => Array.from(referenceAnswer(id, p) as ArrayLike<number>);

describe('sampling/exercises — reference answers reproduce the inventories’ oracles', () => {
  it('NB07: 002 D7, D8, D9, Table 1 (closed forms in the 002 inventory)', () => {
    close(num('mc.invcdf.exp'), 1.151293, 1e-6);
    close(num('mc.invcdf.exp', { u: 0.5, lambda: 1 }), 0.693147, 1e-6);
    close(num('mc.rejection.accept-beta'), 2 / 3, 1e-12);
    close(num('mc.rejection.cauchy-k'), 3.810945, 1e-6);
    close(num('mc.rejection.dimension'), 0.161506, 1e-6);
    close(num('mc.is.variance-plain'), 2, 1e-12);
    close(num('mc.is.optimal-sigma2'), 3, 2e-3);
    close(num('mc.is.min-variance'), 0.448972, 1e-6);
  });

  it('NB08: 002 D4, T12, T13 (exact fractions / inventory)', () => {
    assert.deepEqual(vec('mc.chain.stationary-441'), [0.3125, 0.5, 0.1875]);
    close(num('mc.chain.lambda2-441'), 0.4, 1e-12);
    close(num('mc.chain.tv-441'), 0.00512, 1e-15);
    close(num('mc.chain.tv-441', { n: 10 }), 5.24288e-5, 1e-17);
    assert.deepEqual(vec('mc.chain.periods'), [2, 3]);
    assert.equal(referenceAnswer('mc.chain.reversible-441'), false);
    close(num('mc.chain.flow-12'), 0.09375, 1e-15);
  });

  it('NB09: 002 D5, D6, D17, D18', () => {
    const T = referenceAnswer('mc.mh.kernel-d5') as number[][];
    [[1 / 5, 1 / 2, 3 / 10], [5 / 16, 1 / 2, 3 / 16], [1 / 2, 1 / 2, 0]].forEach((r, i) => r.forEach((v, j) => close(T[i][j], v, 1e-15)));
    const K = referenceAnswer('mc.gibbs.kernel-d6') as number[][];
    [[7 / 12, 5 / 12], [5 / 12, 7 / 12]].forEach((r, i) => r.forEach((v, j) => close(K[i][j], v, 1e-15)));
    close(num('mc.mh.accept-rate'), 0.442284, 1e-6);
    close(num('mc.mh.accept-rate', { s: 0.5 }), 0.844042, 1e-6);
    close(num('mc.gibbs.lag1'), 0.81, 1e-12);
    assert.equal(num('mc.gibbs.mh-acceptance'), 1);
  });

  it('003 NB05/NB06: §4.4 chain oracles and §4.3 tiny-RBM Gibbs oracles (003 inventory, computed by enumeration)', () => {
    vec('mc.dgm.mu').forEach((v, i) => close(v, [0.86, 0.14][i], 1e-15));
    vec('mc.dgm.mu', { k: 3 }).forEach((v, i) => close(v, [0.844, 0.156][i], 1e-15));
    vec('mc.dgm.pi-two-state').forEach((v, i) => close(v, [5 / 6, 1 / 6][i], 1e-15));
    close(num('mc.dgm.rate'), 0.4, 1e-12);
    vec('mc.dgm.pi-three-state').forEach((v, i) => close(v, [0.25, 0.5, 0.25][i], 1e-15));
    assert.equal(referenceAnswer('mc.dgm.periodic-converges'), false);
    assert.equal(num('mc.dgm.free-parameters'), 56);
    close(num('mc.dgm.gibbs-hold'), 0.4975005, 5e-8);
    vec('mc.dgm.block-row').forEach((v, i) => close(v, [0.109189, 0.104201, 0.092017, 0.081759, 0.174113, 0.167408, 0.143103, 0.12821][i], 5e-7));
    vec('mc.dgm.marginal-v').forEach((v, i) => close(v, [0.11270665, 0.09846142, 0.10279699, 0.08339088, 0.17236657, 0.15203277, 0.15290788, 0.12533684][i], 5e-9));
    assert.equal(referenceAnswer('mc.dgm.e34'), 'b');
    assert.ok(num('mc.dgm.db-residual') < 1e-15);
  });

  it('000 NB11: O-31, O-32, E43 (000 inventory and AUDIT-NOTES)', () => {
    assert.equal(num('mc.sa.source-normaliser'), 0.125);
    close(num('mc.sa.accept'), 0.6065306597126334, 1e-16);
    close(num('mc.sa.accept', { dE: 1, kT: 0.5 }), 0.1353352832366127, 1e-16);
    vec('mc.sa.schedule').forEach((v, i) => close(v, [9, 7.2, 5.04, 3.024, 1.512, 0.6048, 0.18144, 0.036288, 0.0036288, 0][i], 1e-12));
    const b = vec('mc.sa.boltzmann10');
    close(b.reduce((a, x) => a + x, 0), 1, 1e-15);
    close(b[1] / b[0], Math.exp(1), 1e-12); // E = 1 vs E = 3 at κT = 2
    assert.equal(num('mc.sa.threshold-visits'), 0);
  });

  it('every mc.* exercise has 1+ hints, a notebook, and check() passes its reference and fails a wrong answer', () => {
    const list = listExercises({ topic: 'mc' });
    assert.ok(list.length >= 30, `${list.length} exercises`);
    for (const ex of list) {
      assert.ok(ex.hints.length >= 1, ex.id);
      assert.ok(ex.notebook, ex.id);
      const ref = ex.reference();
      assert.equal(verify(ex.id, ref).status, 'passed', ex.id);
      const wrong = typeof ref === 'number' ? ref + 1 : typeof ref === 'boolean' ? !ref : typeof ref === 'string' ? (ref === 'a' ? 'c' : 'a') : Array.isArray(ref) && Array.isArray(ref[0]) ? (ref as number[][]).map((r) => r.map((v) => v + 1)) : Array.from(ref as ArrayLike<number>, (v) => v + 1);
      assert.equal(verify(ex.id, wrong).passed, false, ex.id);
    }
  });
});

describe('sampling/errata — every registered erratum demonstrates a numerical difference', () => {
  const ids = ['002-E17', '002-E18', '002-E19', '002-E20', '002-E22', '002-E23', '002-E24', '002-E25', '002-E55', '002-E65', '003-E27', '003-E28', '003-E29', '003-E32', '003-E33', '003-E34', '003-E35', '003-E36', '000-E41', '000-E42', '000-E43', '000-E44', '000-E45'];

  it('all MC errata are registered with a notebook', () => {
    for (const id of ids) assert.ok(getErratum(id).notebook, id);
    assert.ok(listErrata({ source: '002' }).length >= 10);
  });

  it('002-E24: the printed π fails πP = π by 0.0282; the exact π by < 1e-15', () => {
    const d = getErratum('002-E24').demonstrate();
    close(d.source as number, 0.0282, 1e-12);
    assert.ok((d.exact as number) < 1e-15);
  });

  it('002-E17: minimal variance 2/π for f(z) = z (not 0); 002-E18: the doubly weighted estimator has mean 10/(4√π) = 1.4105 for N = 10', () => {
    close(getErratum('002-E17').demonstrate().exact as number, 2 / Math.PI, 1e-15);
    close(getErratum('002-E18').demonstrate().source as number, 1.4104739588693906, 1e-12);
  });

  it('002-E20: SNIS with N = 2 has expectation 0.65 ≠ 0.8 (exact enumeration)', () => {
    close(getErratum('002-E20').demonstrate().exact as number, 0.65, 1e-15);
  });

  it('002-E23: the transposed equation gives the uniform vector, not (5/16, 1/2, 3/16)', () => {
    const d = getErratum('002-E23').demonstrate();
    (d.check as { uniformTimesPT: number[] }).uniformTimesPT.forEach((v) => close(v, 1 / 3, 1e-15));
    (d.exact as number[]).forEach((v, i) => close(v, [0.3125, 0.5, 0.1875][i], 1e-14));
  });

  it('003-E32: literal rows sum to < 1; exact rows to 1. 003-E33: the printed conditional sums to ≠ 1. 003-E35: only π(y) balances', () => {
    const d = getErratum('003-E32').demonstrate();
    assert.ok((d.source as number) < 0.9);
    close(d.exact as number, 1, 1e-14);
    const e = getErratum('003-E33').demonstrate();
    close(e.exact as number, 1, 1e-15);
    assert.ok(Math.abs((e.source as number) - 1) > 0.01);
    const f = getErratum('003-E35').demonstrate();
    close(f.exact as number, f.lhs as number, 1e-16);
    assert.ok(Math.abs((f.source as number) - (f.lhs as number)) > 1e-3);
  });

  it('003-E34: the exact visible conditionals at h = [1,1] are [0.668188, 0.475021, 0.413382]; the printed formula gives the hidden ones [0.645656, 0.425557] (003 §4.3)', () => {
    const d = getErratum('003-E34').demonstrate();
    (d.exact as number[]).forEach((v, i) => close(v, [0.668188, 0.475021, 0.413382][i], 1e-6));
    const src = d.source as (number | string)[];
    close(src[0] as number, 0.645656, 1e-6);
    close(src[1] as number, 0.425557, 1e-6);
    assert.equal(typeof src[2], 'string');
  });

  it('003-E36: Gibbs on p uniform over {00, 11} is reducible', () => {
    assert.equal(getErratum('003-E36').demonstrate().exact, 'reducible');
  });

  it('000-E41/E43/E45: 1/M vs the table; threshold never visits (1,0,1); T_K = 0', () => {
    (getErratum('000-E41').demonstrate().source as number[]).forEach((v) => close(v, 0.125, 1e-15));
    const e43 = getErratum('000-E43').demonstrate();
    assert.equal(e43.source, 0);
    close(e43.exact as number, 0.0493622, 0.01);
    assert.equal(getErratum('000-E45').demonstrate().source, 0);
    assert.match(getErratum('000-E45').demonstrate().error as string, /kT must be > 0/);
  });

  it('the remaining demonstrations run and differ (E19, E22, E25, E55, E65, 003-E29, 000-E42, 000-E44)', () => {
    for (const id of ['002-E19', '002-E22', '002-E55', '000-E42', '000-E44']) {
      const d = getErratum(id).demonstrate();
      assert.notDeepEqual(d.source, d.exact, id);
    }
    const e55 = getErratum('002-E55').demonstrate();
    close(e55.exact as number, 0.5, 1e-14);
    assert.equal(getErratum('002-E25').demonstrate().noSelfLoopChainPeriod, 1);
    assert.match(getErratum('002-E65').demonstrate().exact as string, /τ\(d=1\) = [\d.]+, τ\(d=20\) = [\d.]+/);
    close(getErratum('003-E29').demonstrate().exact as number, 1 / 6, 0.01);
    assert.equal(getErratum('003-E27').demonstrate().exact, 56);
    const e28 = getErratum('003-E28').demonstrate();
    (e28.source as number[]).forEach((v, i) => close(v, [0.95, 0.15][i], 1e-15));
    (e28.exact as number[]).forEach((v, i) => close(v, [0.9, 0.1][i], 1e-15));
  });
});

describe('sampling errata 002-E54 and 002-E56 (wording errata with numerical demonstrations)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { getErratum } = require('../../src/errata');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EXAMPLE_441 } = require('../../src/sampling/examples');
  it('002-E54: a homogeneous chain started off π moves: TV(e₁, e₁P) = 1 − P₁₁ (hand derivation) > 0', () => {
    const d = getErratum('002-E54').demonstrate();
    assert.equal(d.source, 0);
    assert.ok(Math.abs(d.exact - (1 - EXAMPLE_441[0][0])) < 1e-15 && d.exact > 0);
  });
  it('002-E56: the closed class {0,1} of a reducible chain is itself irreducible', () => {
    const d = getErratum('002-E56').demonstrate();
    assert.deepEqual([d.source, d.exact, d.wholeChainIrreducible, d.classes], [false, true, false, '0,1 | 2']);
  });
});
