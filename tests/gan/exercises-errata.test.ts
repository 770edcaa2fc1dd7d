import { strict as assert } from 'assert';
import * as gan from '../../src/gan';
import { listExercises, getExercise, verify } from '../../src/exercises';
import { listErrata, getErratum } from '../../src/errata';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);

describe('gan exercises and errata (registered by src/gan)', () => {
  it('gan.dg.eigenvalues: 1 ± 0.1i at α = 0.1 (001 §6 Step 3); accepts strings in any order; rejects the real-part-only answer', () => {
    const ref = getExercise('gan.dg.eigenvalues').reference({ alpha: 0.1 }) as { re: number; im: number }[];
    const sorted = [...ref].sort((a, b) => a.im - b.im);
    close(sorted[0].re, 1, 1e-14);
    close(sorted[0].im, -0.1, 1e-14);
    close(sorted[1].im, 0.1, 1e-14);
    assert.equal(verify('gan.dg.eigenvalues', ['1 - 0.1i', '1 + 0.1i'], { alpha: 0.1 }).passed, true);
    assert.equal(verify('gan.dg.eigenvalues', [{ re: 1, im: 0.5 }, { re: 1, im: -0.5 }], { alpha: 0.5 }).passed, true);
    assert.equal(verify('gan.dg.eigenvalues', [1, 1], { alpha: 0.1 }).passed, false);
  });

  it('the dg exercise references: A, (0,0), √(1+α²), the k-step norm, the converging set, alternating ρ = 1, extragradient ρ', () => {
    assert.deepEqual(getExercise('gan.dg.update-matrix').reference({ alpha: 0.2 }), [[1, 0.2], [-0.2, 1]]);
    assert.deepEqual(getExercise('gan.dg.stationary-point').reference(), [0, 0]);
    close(getExercise('gan.dg.modulus').reference({ alpha: 0.1 }) as number, Math.sqrt(1.01), 1e-12);
    close(getExercise('gan.dg.norm-after-k').reference({ alpha: 0.1, k: 50, d0: 3, g0: 4 }) as number, 5 * 1.01 ** 25, 1e-9);
    assert.deepEqual([...(getExercise('gan.dg.converging-methods').reference({ alpha: 0.1 }) as string[])].sort(), ['consensus', 'extragradient', 'optimistic']);
    close(getExercise('gan.dg.alternating-modulus').reference() as number, 1, 1e-9);
    close(getExercise('gan.dg.extragradient-radius').reference() as number, Math.sqrt(1 - 0.25 + 0.0625), 1e-10);
  });

  it('oracle-backed references: 000 NB13 −1.2722158535616985, O-37 0.25, O-38, O-39, O-40, 002 D15/D16, 003 §4.8, 004 O4/O5', () => {
    close(getExercise('gan.nguyen.loss-value').reference() as number, -1.2722158535616985, 1e-15);
    close(getExercise('gan.nguyen.saturating-gradient').reference() as number, -0.01, 1e-12);
    close(getExercise('gan.opt.argmax').reference() as number, 0.25, 1e-15);
    close(getExercise('gan.opt.value-discrete').reference() as number, -1.1827959109614974, 1e-12);
    assert.equal(getExercise('gan.opt.which-form').reference(), 'two-js-minus-log4');
    close(getExercise('gan.opt.gaussian-value').reference() as number, -1.1634513967504183, 1e-9);
    close(getExercise('gan.opt.dstar-at-zero').reference() as number, 0.6224593312018546, 1e-12);
    close(getExercise('gan.sta.value-at-half').reference() as number, -Math.log(4), 1e-15);
    close(getExercise('gan.sta.jsd').reference() as number, 0.111421, 5e-7);
    close(getExercise('gan.sta.dstar').reference() as number, 0.5, 1e-15);
    assert.deepEqual((getExercise('gan.sta.saturation').reference() as number[]).map((v) => Number(v.toFixed(10))), [-0.01, 0.99]);
    const cg = getExercise('gan.notes.cg').reference() as number[];
    close(cg[0], -1.1827959, 5e-8);
    close(cg[1], 0.1017492, 5e-8);
    const lg = getExercise('gan.notes.logit-gradients').reference() as number[];
    close(lg[0], -0.0066929, 5e-8);
    close(lg[1], 0.9933071, 5e-8);
    const mn = getExercise('gan.notes.cg-minimiser').reference() as number[];
    close(mn[0], 0, 1e-12);
    close(mn[1], -1.3862944, 5e-8);
    close(getExercise('gan.sayed.game-value').reference({ m: 2 }) as number, -0.7126327, 5e-8);
    close(getExercise('gan.sayed.dstar-at-zero').reference({ m: 0.5 }) as number, 0.5312094, 5e-8);
    const f = getExercise('gan.sayed.fig-68-16').reference() as number[];
    close(f[0], -0.01, 1e-12);
    close(f[1], 0.99, 1e-12);
    close(f[2], -1.0101, 1e-4);
    close(f[3], 100, 1e-9);
    assert.deepEqual(getExercise('gan.notes.dcgan-params').reference(), [4321, 2505]);
  });

  it('the seeded reference run lands where the training exercises say (b ≈ 2, |a| ≈ 1, V̂ ≈ −log 4)', () => {
    const run = gan.referenceToyRun();
    const t = gan.tailAverages(run.history);
    assert.equal(verify('gan.nguyen.recovered-mean', t.b).passed, true, `b = ${t.b}`);
    assert.equal(verify('gan.sta.toy-fit', [t.b, t.absA]).passed, true, `(b, |a|) = (${t.b}, ${t.absA})`);
    assert.equal(verify('gan.notes.value-at-convergence', t.value).passed, true, `V = ${t.value}`);
  });

  it('every gan.* exercise has a computable reference, a source and a notebook', () => {
    const ids = listExercises().filter((e) => e.topic === 'gan');
    assert.ok(ids.length >= 30, `${ids.length} exercises`);
    for (const e of ids) {
      assert.ok(e.source.length > 0 && e.notebook, e.id);
      assert.doesNotThrow(() => e.reference(), e.id);
    }
  });

  it('every GAN-A erratum is registered and its demonstration runs; numeric ones show source ≠ exact', () => {
    const ids = ['001-E61', '001-E62', '001-E63', '000-E52', '003-E90', '004-E9', '000-E53', '000-E54', '000-E55', '000-E56', '000-E57', '000-E58', '000-E59', '002-E42', '002-E43', '002-E44', '002-E45', '002-E46', '002-E47', '003-E83', '003-E84', '003-E85', '003-E86', '003-E87', '003-E88', '003-E89', '003-E91', '003-E92', '004-E10', '004-E11', '004-E23', '004-E24', '004-E25'];
    for (const id of ids) {
      const e = getErratum(id);
      const d = e.demonstrate();
      assert.ok('source' in d && 'exact' in d, id);
    }
    assert.ok(listErrata({ source: '000' }).some((e) => e.id === '000-E56'));
    const e56 = getErratum('000-E56').demonstrate();
    close(e56.source as number, -1.2845451, 1e-7);
    close(e56.exact as number, -1.1827959, 1e-7);
    const e45 = getErratum('002-E45').demonstrate();
    close(e45.exact as number, e45.directOverZ as number, 1e-7);
    assert.ok(Math.abs((e45.source as number) - (e45.exact as number)) > 0.1);
    const e89 = getErratum('003-E89').demonstrate() as unknown as { source: { step2_b_after100: number }; exact: { algorithm2_b_after100: number } };
    assert.ok(e89.source.step2_b_after100 < -2.9 && e89.exact.algorithm2_b_after100 > -1);
    const e24 = getErratum('004-E24').demonstrate();
    assert.notEqual(e24.source, e24.exact);
  });
});
