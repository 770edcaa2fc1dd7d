/** The BASICS exercises (basics.*) and errata (000-E01…E10, E60…E65, 002-E61): references, parameters, demonstrations. */
import { strict as assert } from 'assert';
import * as mle from '../../src/mle';
import { listExercises, verify, referenceAnswer } from '../../src/exercises';
import { getErratum, listErrata } from '../../src/errata';

const BASICS_ERRATA = ['000-E01', '000-E02', '000-E03', '000-E04', '000-E05', '000-E06', '000-E07', '000-E08', '000-E09', '000-E10', '000-E60', '000-E61', '000-E62', '000-E63', '000-E64', '000-E65', '002-E61'];

describe('mle — exercises and errata of the BASICS notebooks', () => {
  it('registers 3–8 exercises per notebook, each passing with its own reference', () => {
    void mle;
    const ex = listExercises().filter((e) => e.id.startsWith('basics.'));
    const byNb = new Map<string, number>();
    for (const e of ex) {
      byNb.set(e.notebook ?? '', (byNb.get(e.notebook ?? '') ?? 0) + 1);
      assert.ok(verify(e.id, e.reference()).passed, e.id);
    }
    assert.equal(byNb.size, 9);
    for (const [nb, n] of byNb) assert.ok(n >= 3 && n <= 8, `${nb}: ${n} exercises`);
  });

  it('exercise references reproduce the oracles (000 O-02, O-03, O-04, O-06, O-42, O-44; 002 D24; 003 counts)', () => {
    assert.deepEqual(referenceAnswer('basics.mle.sgd-step'), [0.5125, -0.225]);
    assert.ok(Math.abs((referenceAnswer('basics.mle.gauss-loglik') as number) + 2.0878770664093453) < 1e-14);
    assert.equal(referenceAnswer('basics.bern.grad'), 8);
    assert.ok(Math.abs((referenceAnswer('basics.moments.sigma2', { form: 'source' }) as number) - 10 / 9) < 1e-15);
    assert.ok(Math.abs((referenceAnswer('basics.bp.delta-output') as number) - 0.10842256014625186) < 1e-15);
    const dh = referenceAnswer('basics.bp.delta-hidden', { order: 'source' }) as number[];
    assert.ok(Math.abs(dh[0] - 0.01599699) < 5e-9 && Math.abs(dh[1] + 0.01011511) < 5e-9);
    assert.equal(referenceAnswer('basics.count.nade'), 785284);
    assert.equal(referenceAnswer('basics.notes.nade', { n: 784, d: 500 }), 785784);
    assert.deepEqual(referenceAnswer('basics.notes.student-counts'), [47, 15]);
    assert.equal(referenceAnswer('basics.notes.digits'), 309);
    assert.equal(referenceAnswer('basics.orient.density'), Math.exp(-0.5 * Math.log(2 * Math.PI * 4)));
    assert.deepEqual((referenceAnswer('basics.mle.least-squares') as number[]).map((v: number) => Number(v.toFixed(9))), [2, 1]);
  });

  it('wrong answers fail', () => {
    assert.equal(verify('basics.mle.sgd-step', [0.51175019, -0.22649963]).passed, false);
    assert.equal(verify('basics.info.js-triangle', true).passed, false);
    assert.equal(verify('basics.count.nade', 785784).passed, false);
  });

  it('registers the BASICS errata with demonstrations in which the source form differs from the exact form', () => {
    for (const id of BASICS_ERRATA) {
      const e = getErratum(id);
      const d = e.demonstrate();
      if (id !== '000-E01') assert.notDeepEqual(d.source, d.exact, id);
    }
    assert.ok(listErrata({ source: '000' }).length >= 16);
    const e05 = getErratum('000-E05').demonstrate();
    assert.deepEqual(e05.source, [0.01599699, -0.01011511]);
    assert.deepEqual(e05.exact, [0.01513311, -0.01080332]);
    assert.equal(getErratum('000-E63').demonstrate().exact, Math.LN2);
    assert.equal((getErratum('000-E62').demonstrate().source as { holds: boolean }).holds, false);
  });

  it('the XOR reference run: the exact derivative reaches 0.01; f′ = 1 and the tutorial form are slower or fail', () => {
    const ex = mle.referenceXorRun('exact');
    const e = ex.losses.findIndex((l) => l < 0.01);
    assert.ok(e > 0);
    for (const v of ['tutorial', 'unit'] as const) {
      const o = mle.referenceXorRun(v).losses.findIndex((l) => l < 0.01);
      assert.ok(o === -1 || o !== e, v);
    }
  });

  it('showErrata rejects unknown ids', () => {
    assert.throws(() => mle.showErrata(['000-E999']), /unknown erratum/);
    assert.throws(() => mle.showErrata([]), /ids/);
  });
});
