import { strict as assert } from 'assert';
import * as vae from '../../src/vae';
import { getErratum } from '../../src/errata';
import { getExercise, listExercises, verify } from '../../src/exercises';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);

describe('vae errata and exercises', () => {
  it('errata demonstrations: each source form differs from the exact form by the documented amount', () => {
    const d = (id: string) => getErratum(id).demonstrate();
    const e33 = d('000-E33');
    close((e33.source as number[])[0], 0.9 ** 100, 1e-15);
    close((e33.exact as number[])[1], 0.5, 1e-15);
    close((d('000-E35').source as number) - (d('000-E35').exact as number), 0.5, 1e-12); // 000 O-27
    close(d('000-E38').source as number, 0, 0);
    assert.ok(Math.abs(d('000-E38').exact as number) > 0.1);
    close(d('001-E21').source as number, -(d('001-E21').exact as number), 1e-15);
    close(d('003-E59').source as number, -1.0723649, 1e-7); // 003 §4.5
    close(d('003-E61').source as number, -1.6689385, 1e-7);
    close(d('003-E55').exact as number, Math.exp(-2.2655121234846454), 1e-12);
    assert.deepEqual((d('003-E66').source as number[]).map((v) => Number(v.toFixed(12))), [1.333333333333, 0.333333333333]);
    close(d('003-E68').sampleVariance as number, 4, 4 * 4 * Math.sqrt(2 / 20000));
    close(d('004-E2').converted as number, d('004-E2').exact as number, 1e-12);
  });

  it('every vae.* exercise has a reference; numeric ones reproduce the inventory oracles', () => {
    const ids = listExercises().filter((e) => e.id.startsWith('vae.')).map((e) => e.id);
    assert.ok(ids.length >= 30, `only ${ids.length} vae exercises`);
    for (const id of ids) assert.notEqual(getExercise(id).reference(), undefined, id);
    const expect: [string, number, number][] = [
      ['vae.kl.diag', 1.25, 1e-12], // 000 O-23
      ['vae.kl.general', 0.9617636654098156, 1e-12], // 000 O-23
      ['vae.collapse.mu10', 0.3486784401, 1e-12], // 000 O-24
      ['vae.collapse.steps', 44, 0], // 000 NB09 plan
      ['vae.lg.log-evidence', -1.5155121234846454, 1e-12], // 000 O-26
      ['vae.lg.gap', 0.40342640972002736, 1e-12], // 000 O-26
      ['vae.pullout.dropped', 0.5, 1e-12], // 000 O-27
      ['vae.cov.logq-diag', -2.4628770664093453, 1e-13], // 001 §2 (AUDIT-NOTES)
      ['vae.cov.logq-affine', -2.9941270664093453, 1e-13], // 001 §2 (AUDIT-NOTES)
      ['vae.notes.log-evidence', -2.2655121, 1e-7], // 003 §4.5
      ['vae.notes.elbo-prior-q', -3.4189385, 1e-7],
      ['vae.notes.gap', 1.1534264, 1e-7],
      ['vae.notes.kl', 0.5, 1e-12],
      ['vae.notes.const', -720.4478, 1e-4],
      ['vae.sayed.kl-o1', Math.E / 2, 1e-12], // 004 O1
      ['vae.sayed.j-o1', 2 + Math.E, 1e-12],
      ['vae.sayed.o3-gap', 0.4034264, 1e-7], // 004 O3
    ];
    for (const [id, v, tol] of expect) close(getExercise(id).reference() as number, v, tol, id);
    close(getExercise('vae.notes.kl').reference({ case: 'b' }) as number, 0.3591409, 1e-7);
    close(getExercise('vae.notes.kl').reference({ case: 'c' }) as number, 2.9147208, 1e-7);
    assert.deepEqual(getExercise('vae.reparam.o25').reference(), [2, -1]); // 000 O-25
    assert.deepEqual(getExercise('vae.cov.sst').reference(), [[4, 2], [2, 1.25]]);
  });

  it('showErrata: unknown ids and empty lists are errors', () => {
    assert.throws(() => vae.showErrata([]), /ids must be a non-empty array/);
    assert.throws(() => vae.showErrata(['003-E999']), /unknown erratum id\(s\) 003-E999/);
  });

  it('checks pass on the right answer and fail on a wrong one (the student version fails)', () => {
    assert.equal(verify('vae.amortized.posterior', [2 / 3, 1 / 9]).passed, true);
    assert.equal(verify('vae.amortized.posterior', [0.5, 0.5]).passed, false);
    assert.equal(verify('vae.amortized.posterior', [0, 1 / 5], { w: 1, b: 0, s2: 0.25, x: 0 }).passed, true);
    assert.equal(verify('vae.notes.l545-is-bound', false).passed, true);
    assert.equal(verify('vae.notes.l545-is-bound', true).passed, false);
    assert.equal(verify('vae.cov.cost', 'dense').passed, true);
    assert.equal(verify('vae.cov.cost', 'diagonal').passed, false);
  });
});

describe('vae errata — the minor errata and notes of the owned sections are registered', () => {
  it('000-E32/34/36/37/39/40/67, 003-E52..E70 (all listed in the inventories), 004-E1/E3 have demonstrations', () => {
    const ids = ['000-E32', '000-E34', '000-E36', '000-E37', '000-E39', '000-E40', '000-E67', '003-E52', '003-E53', '003-E54', '003-E56', '003-E57', '003-E58', '003-E60', '003-E62', '003-E63', '003-E64', '003-E65', '003-E67', '003-E69', '003-E70', '004-E1', '004-E3'];
    for (const id of ids) {
      const d = getErratum(id).demonstrate();
      assert.ok('source' in d && 'exact' in d, id);
    }
    const e62 = getErratum('003-E62').demonstrate();
    close(e62.source as number, Math.sqrt(3), 0.01); // argmax_w log N(2; 0, w² + 1): w² + 1 = 4
    close(e62.exact as number, 0.6 / 0.59, 0.01); // argmax_w of the ELBO: w = m x/(m² + v)
    close(getErratum('000-E37').demonstrate().exact as number, 1.9189385332046727, 1e-12);
    close(getErratum('004-E1').demonstrate().exact as number, -0.325 - 1.5 * Math.log(2 * Math.PI), 1e-12);
    const e64 = getErratum('003-E64').demonstrate();
    close((e64.source as number) - (e64.exact as number), 1.5, 1e-12); // Σ_i ½((x_i − m_i)² − (x_1 − m_i)²) with m_i = x_i/2
  });
});
