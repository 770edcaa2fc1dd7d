/**
 * Input validation of the flows module (every rule gives an error naming the argument and the value), and the tfjs RealNVP:
 * its log-density against an independent float64 evaluation of the same coupling layers, exact invertibility, normalisation
 * on a grid, and training on two moons (seeded) raising the log-likelihood; fixed masks never transform the first coordinate.
 */
import { strict as assert } from 'assert';
import * as F from '../../src/flows';
import { rng } from '../../src/core/rng';
import { initBackend } from '../../src/core/backend';

before(async () => {
  await initBackend('cpu');
});

describe('flows — input validation', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['affineFlow a = 0', () => F.affineFlow([0], [1]), /affineFlow: a\[0\] must be non-zero/],
    ['linearFlow singular Φ', () => F.linearFlow([[1, 2], [2, 4]], [0, 0]), /linearFlow: Phi must be invertible/],
    ['affineSigmoidFlow δ length', () => F.affineSigmoidFlow([[1, 0], [0, 1]], [0]), /delta must have length 2/],
    ['inverse outside (0,1)', () => F.affineSigmoidFlow([[2]], [0]).inverse([1.2]), /x\[0\] must be in \(0, 1\).*1\.2/],
    ['flowLogProb wrong dimension', () => F.flowLogProb(F.sigmoidFlow(2), [0.5]), /x must have length 2/],
    ['flowLogProb NaN', () => F.flowLogProb(F.affineFlow([1], [0]), [NaN]), /x\[0\] must be finite \(got NaN\)/],
    ['composeFlows empty', () => F.composeFlows([]), /layers must be a non-empty array/],
    ['composeFlows dims', () => F.composeFlows([F.sigmoidFlow(1), F.sigmoidFlow(2)]), /layers\[1\]\.dim = 2/],
    ['flowSample rng', () => F.flowSample(F.sigmoidFlow(1), 3, {} as never), /rng must be a seeded generator/],
    ['flowSample n', () => F.flowSample(F.sigmoidFlow(1), 0, rng(1)), /n must be an integer/],
    ['scalarFlow φ = 0', () => F.scalarFlowGradExact(0.5, 0, 0), /phi must be non-zero/],
    ['scalarFlow x = 1', () => F.scalarFlowGradSource24(1, 1, 0), /x must be in \(0, 1\).*got 1/],
    ['trainScalarFlow form', () => F.trainScalarFlow([0.5, 0.6], { form: 'tutorial' as never }), /form must be "exact" or "source".*tutorial/],
    ['trainScalarFlow gamma', () => F.trainScalarFlow([0.5, 0.6], { gamma: -1 }), /gamma must be > 0 \(got -1\)/],
    ['scalarFlowMle one value', () => F.scalarFlowMle([0.5]), /at least 2 values/],
    ['affineSigmoidGradSource φ_ij = 0', () => F.affineSigmoidGradSource([0.5, 0.5], [[1, 0], [0, 1]]), /Phi\[0\]\[1\] must be non-zero/],
    ['finiteFlowEpochDeltaStep reading', () => F.finiteFlowEpochDeltaStep([0.6], 1, 0.1, 'x' as never), /reading must be "typeset" or "algorithm-box"/],
    ['planar u/w lengths', () => F.planarMap({ u: [1, 2], w: [1], b: 0 }, [0, 0]), /w must have length 2/],
    ['planarInverse wᵀu < −1', () => F.planarInverse({ u: [-2], w: [1], b: 0 }, [0.3]), /not invertible when wᵀu < −1 \(got wᵀu = -2\)/],
    ['radial α ≤ 0', () => F.radialMap({ z0: [0], alpha: 0, beta: 1 }, [1]), /alpha must be > 0 \(got 0\)/],
    ['radialInverse β < −α', () => F.radialInverse({ z0: [0], alpha: 1, beta: -3 }, [1]), /β = -3/],
    ['radialLogLikGrad x = z0', () => F.radialLogLikGrad({ z0: [0, 0], alpha: 1, beta: 1 }, [0, 0]), /x must differ from z0/],
    ['radialRadius r < 0', () => F.radialRadius({ alpha: 1, beta: 0 }, -1), /r must be >= 0 \(got -1\)/],
    ['sigmoidMixture weights', () => F.sigmoidMixtureMap([0.5, 0.6], [1, 1], [0, 0]), /w must sum to 1/],
    ['sigmoidMixture a ≤ 0', () => F.sigmoidMixtureMap([0.5, 0.5], [1, -1], [0, 0]), /a\[1\] must be > 0 \(001 §5.2\) \(got -1\)/],
    ['checkInvertibility1D range', () => F.checkInvertibility1D((z) => z, [1, 0]), /range must be \[lo, hi\]/],
    ['checkInvertibility1D non-finite', () => F.checkInvertibility1D((z) => 1 / z, [-1, 1], 3), /g\(0\) must be finite/],
    ['bisectionInverse bracket', () => F.bisectionInverse(() => 0, 1), /could not bracket y = 1/],
    ['coupling mask', () => F.couplingLayer([1, 1], (a) => a, (a) => a), /mask must contain both 0s/],
    ['coupling s length', () => F.couplingLayer([1, 0], () => [1, 2], () => [0]).forward([0, 0]), /s\(x₁\) must have length 1/],
    ['linearCouplingGrad shape', () => F.linearCouplingGrad([1, 0], { Ws: [[1, 2]], bs: [0], Wt: [[1]], bt: [0] }, [0, 0]), /Ws must have 1 columns/],
    ['jacobianFD h', () => F.jacobianFD((u) => u, [1], 0), /h must be > 0 \(got 0\)/],
    ['checkJacobian direction', () => F.checkJacobian(F.sigmoidFlow(1), [0.1], 'up' as never), /direction must be "forward" or "inverse"/],
    ['adaptiveSimpson interval', () => F.adaptiveSimpson((x) => x, 1, 1), /b must be > a/],
    ['twoMoons n', () => F.twoMoons(1, rng(1)), /n must be an integer in \[2, 10000000\] \(got 1\)/],
    ['ringOfGaussians sd', () => F.ringOfGaussians(5, rng(1), { sd: 0 }), /opts\.sd must be > 0 \(got 0\)/],
    ['fitAffineFlow gamma', () => F.fitAffineFlow([1, 2], { gamma: 0 }), /gamma must be > 0/],
    ['affineFlowLogLikGrad a = 0', () => F.affineFlowLogLikGrad([1, 2], 0, 0), /a must be non-zero/],
    ['RealNvp masks', () => new F.RealNvp(rng(1), { masks: 'random' as never }), /opts\.masks must be one of/],
    ['RealNvp point shape', () => new F.RealNvp(rng(1), { layers: 1, hidden: 2 }).logProb([[1]]), /points\[0\] must be 2 finite numbers/],
  ];
  for (const [name, fn, re] of cases) it(name, () => assert.throws(fn, re));
});

describe('flows — tfjs RealNVP (000 §2.h)', () => {
  it('log-density = float64 change of variables through the same layers; invertible; integrates to ≈ 1 on a grid', async () => {
    const R = rng(4);
    const m = new F.RealNvp(R, { layers: 4, hidden: 8 });
    // perturb the zero-initialised output weights so that the flow is not the identity
    await m.train(F.twoMoons(256, rng(5)), { steps: 20, batch: 64, lr: 0.02, rng: rng(6) });
    const pts = [[0.3, -0.2], [1.1, 0.4], [-0.7, 0.9]];
    const z = m.inverse(pts);
    const back = m.forward(z);
    pts.forEach((p, i) => p.forEach((v, j) => assert.ok(Math.abs(back[i][j] - v) < 1e-4, 'round trip')));
    // independent check of log P: log N(z) + log|det J_FD(g⁻¹)| with a float64 finite-difference Jacobian of m.inverse
    const lp = m.logProb(pts);
    pts.forEach((p, i) => {
      const J = F.jacobianFD((u) => m.inverse([u])[0], p, 1e-2);
      const ld = Math.log(Math.abs(J[0][0] * J[1][1] - J[0][1] * J[1][0]));
      const ref = F.standardNormalLogPdf(z[i]) + ld;
      assert.ok(Math.abs(lp[i] - ref) < 5e-3, `point ${i}: ${lp[i]} vs ${ref}`);
    });
    const grid = F.densityGrid2D((p) => m.logProb([p])[0], [-6, 6], [-6, 6], 60);
    assert.ok(Math.abs(grid.integral - 1) < 0.03, `∫p ≈ ${grid.integral}`);
    m.dispose();
  });

  it('training on two moons raises the mean log-likelihood (seeded); fixed masks leave x₁ = z₁ (erratum 000-E22)', async () => {
    const data = F.twoMoons(512, rng(8));
    const m = new F.RealNvp(rng(9), { layers: 4, hidden: 16 });
    const before = m.meanLogLik(data);
    await m.train(data, { steps: 150, batch: 128, lr: 0.01, rng: rng(10) });
    const after = m.meanLogLik(data);
    assert.ok(after > before + 0.5, `log-likelihood ${before} → ${after}`);
    m.dispose();
    const fixed = new F.RealNvp(rng(9), { layers: 3, hidden: 8, masks: 'fixed' });
    await fixed.train(data, { steps: 20, batch: 64, lr: 0.02, rng: rng(10) });
    const x = fixed.forward([[0.37, -1.2], [-0.8, 0.5]]);
    assert.equal(x[0][0], Math.fround(0.37));
    assert.equal(x[1][0], Math.fround(-0.8));
    fixed.dispose();
  });
});
