import { strict as assert } from 'assert';
import * as gan from '../../src/gan';
import { softmax } from '../../src/core/special';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);

describe('gan/sayed — 004 §68.4–68.5 risk formulas', () => {
  it('(68.97)/(68.101): the two-class softmax output γ̂(1) equals σ(z(1) − z(2)) (core.softmax as the independent route)', () => {
    for (const [z1, z2] of [[0.3, -1.2], [5, 5], [-40, 2]]) close(gan.twoClassSoftmaxD(z1, z2), softmax([z1, z2])[0], 1e-15);
  });

  it('(68.99): the split risk equals the one-hot cross-entropy form (68.98) with labels col{1,0} / col{0,1}', () => {
    const dReal = [0.8, 0.6, 0.9];
    const dFake = [0.3, 0.1];
    const N = 5;
    const ce = -(dReal.reduce((s, d) => s + Math.log(d), 0) + dFake.reduce((s, d) => s + Math.log(1 - d), 0)) / N;
    close(gan.sayedDiscriminatorRisk(dReal, dFake), ce, 1e-15);
    close(gan.sayedDiscriminatorRisk(dReal, dFake, 0.01, 4), ce + 0.04, 1e-15);
  });

  it('004-E24 (68.102): the limit is (N_r/N)E + (N_f/N)E; the printed ½{…} is exact only when N_r = N_f', () => {
    close(gan.sayedRiskLimit(50, 50, -0.4, -0.9), gan.sayedRiskLimit(50, 50, -0.4, -0.9, 'source'), 1e-15);
    close(gan.sayedRiskLimit(30, 70, -0.4, -0.9), 0.3 * -0.4 + 0.7 * -0.9, 1e-15);
    close(gan.sayedRiskLimit(30, 70, -0.4, -0.9, 'source'), -0.65, 1e-15);
    assert.ok(Math.abs(gan.sayedRiskLimit(30, 70, -0.4, -0.9) - gan.sayedRiskLimit(30, 70, -0.4, -0.9, 'source')) > 0.09);
  });

  it('004-E10: +ρ‖W_g‖² inside an argmax grows weights by (1 + 2μρ) per ascent step; the listing (68.161) shrinks by (1 − 2μρ)', () => {
    close(gan.sayedRegularizerAscentFactor(1e-4, 1e-4, 'source'), 1 + 2e-8, 1e-18);
    close(gan.sayedRegularizerAscentFactor(1e-4, 1e-4, 'exact'), 1 - 2e-8, 1e-18);
    // with μ = 0.1, ρ = 0.5: after 50 steps on the regulariser alone ‖W‖ is ×1.1^50 ≈ 117 vs ×0.9^50 ≈ 0.005
    close(gan.sayedRegularizerAscentFactor(0.1, 0.5, 'source') ** 50, 1.1 ** 50, 1e-9);
    close(gan.sayedRegularizerAscentFactor(0.1, 0.5, 'exact') ** 50, 0.9 ** 50, 1e-15);
    // objective values: source and exact differ by 2ρ‖W‖²
    const a = gan.sayedGeneratorObjective([0.2, 0.4], 4, 0.1, 3, 'nonSaturating', 'source');
    const b = gan.sayedGeneratorObjective([0.2, 0.4], 4, 0.1, 3, 'nonSaturating', 'exact');
    close(a - b, 0.6, 1e-15);
    close(b, -0.3 + (Math.log(0.2) + Math.log(0.4)) / 4, 1e-15);
    close(gan.sayedGeneratorObjective([0.2], 2, 0, 0, 'saturating'), -Math.log(0.8) / 2, 1e-15);
  });

  it('rejects bad input with errors naming the argument and value', () => {
    assert.throws(() => gan.twoClassSoftmaxD(NaN, 0), /twoClassSoftmaxD: z1 must be a finite number/);
    assert.throws(() => gan.sayedDiscriminatorRisk([0], [0.5]), /dReal\[0\] must be in \(0, 1\] \(got 0\)/);
    assert.throws(() => gan.sayedDiscriminatorRisk([0.5], [1]), /dFake\[0\] must be in \[0, 1\) \(got 1\)/);
    assert.throws(() => gan.sayedDiscriminatorRisk([0.5], [0.5], -1), /rho must be >= 0 \(got -1\)/);
    assert.throws(() => gan.sayedRiskLimit(0, 1, 0, 0), /nReal must be an integer >= 1 \(got 0\)/);
    assert.throws(() => gan.sayedRiskLimit(1, 1, 0, 0, 'book' as never), /form must be one of/);
    assert.throws(() => gan.sayedGeneratorObjective([0.5, 0.5], 1, 0, 0, 'saturating'), /N must be an integer >= 2 \(got 1\)/);
    assert.throws(() => gan.sayedGeneratorObjective([1], 2, 0, 0, 'saturating'), /dFake\[0\] must be in \(0, 1\) \(got 1\)/);
    assert.throws(() => gan.sayedRegularizerAscentFactor(0, 1), /mu must be > 0 \(got 0\)/);
  });
});
