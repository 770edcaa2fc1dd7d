import { strict as assert } from 'assert';
import * as gan from '../../src/gan';
import { rng } from '../../src/core/rng';
import { getExercise } from '../../src/exercises';
import { getErratum } from '../../src/errata';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);

describe('gan/hybrids — 002 §10.4– VAE/GAN signs and AVB', () => {
  it('AVB toy: T* = ln N(z; ax, s²) − ln N(z; 0, 1) (closed form vs the normal log-densities); E_q T* = KL(N(ax, s²) ‖ N(0, 1))', () => {
    const lp = (z: number, m: number, s: number) => -0.5 * Math.log(2 * Math.PI) - Math.log(s) - ((z - m) ** 2) / (2 * s * s);
    for (const [x, z] of [[0, 0], [1, 0.5], [-1, 2]]) close(gan.avbLogRatio(x, z, 0.8, 0.6), lp(z, 0.8 * x, 0.6) - lp(z, 0, 1), 1e-12);
    const kl = 0.5 * (0.36 + 0.64 - 1 - Math.log(0.36));
    close(getExercise('gan.hybrids.avb-kl').reference({ x: 1 }) as number, kl, 1e-12);
  });

  it('AVB adversary (Mescheder et al. 2017): logistic regression on quadratic features recovers T* within 0.2 at test points (fixed seed)', function () {
    this.timeout(60000);
    const { T } = gan.trainAvbAdversary({ n: 2000, steps: 1500, seed: 0 });
    for (const [x, z] of [[0, 0], [1, 0.5], [-1, 1], [0.5, -1]]) close(T(x, z), gan.avbLogRatio(x, z, 0.8, 0.6), 0.2, `(${x}, ${z})`);
  });

  it('002-E49: with the printed signs the discriminator rates fakes above the data; with the minimax signs the data above the fakes', () => {
    const D = gan.createSayedNet([1, 8, 2], ['tanh', 'softmax'], rng(1));
    const ex = gan.vaeganDiscriminatorRun(D, 'exact', { steps: 150 });
    const src = gan.vaeganDiscriminatorRun(D, 'source', { steps: 150 });
    assert.ok(ex.meanDReal[149] > ex.meanDFake[149] + 0.2);
    assert.ok(src.meanDReal[149] < src.meanDFake[149] - 0.2);
  });

  it('002 errata E48–E52 are registered with demonstrations (E52: σ(T*) ≠ log(p/q))', () => {
    for (const id of ['002-E48', '002-E49', '002-E50', '002-E51', '002-E52']) {
      const d = getErratum(id).demonstrate();
      assert.notDeepEqual(d.source, d.exact, id);
    }
    close(getExercise('gan.hybrids.d-loss').reference() as number, -Math.log(0.8) - Math.log(0.7), 1e-12);
  });

  it('rejects bad input', () => {
    const D = gan.createSayedNet([1, 2, 2], ['tanh', 'softmax'], rng(1));
    assert.throws(() => gan.vaeganDiscriminatorRun(D, 'notes' as never), /vaeganDiscriminatorRun: form must be one of/);
    assert.throws(() => gan.vaeganDiscriminatorRun(D, 'exact', { steps: 0 }), /steps must be an integer in \[1, 1000000\] \(got 0\)/);
    assert.throws(() => gan.vaeganDiscriminatorRun(D, 'exact', { mu: 0 }), /mu must be > 0 \(got 0\)/);
    assert.throws(() => gan.avbLogRatio(0, 0, 0.8, 0), /avbLogRatio: s must be > 0 \(got 0\)/);
    assert.throws(() => gan.trainAvbAdversary({ n: 1 }), /trainAvbAdversary: n must be an integer in \[2, 1000000\] \(got 1\)/);
    assert.throws(() => gan.trainAvbAdversary({ s: -1 }), /s must be > 0 \(got -1\)/);
  });
});
