import { strict as assert } from 'assert';
import * as gan from '../../src/gan';
import { rng } from '../../src/core/rng';

describe('gan/figures — figure builders of the GAN-A notebooks', () => {
  it('dg trajectories / norms / spectral radius figures have one trace group per method', () => {
    const t = gan.dgTrajectoriesFigure(0.1, 20);
    assert.ok(t.data.length >= 6);
    const n = gan.dgNormsFigure(0.1, 30);
    assert.equal(n.data.length, 10); // method + prediction for 5 methods
    const s = gan.spectralRadiusFigure([0.1, 0.5, 1]);
    assert.equal(s.data.length, 6);
    // the simultaneous curve is √(1+α²)
    const ys = s.data[0].y as number[];
    assert.ok(Math.abs(ys[1] - Math.sqrt(1.25)) < 1e-12);
  });

  it('density / value / saturation figures and the toy-GAN animation build from library data', () => {
    assert.equal(gan.optimalDiscriminatorFigure().data.length, 3);
    const v = gan.optimalValueCurveFigure([-1, 0, 1], true);
    assert.equal(v.data.length, 3);
    assert.ok(Math.abs((v.data[0].y as number[])[1] + Math.log(4)) < 1e-9);
    assert.equal(gan.saturationFigure('logit').data.length, 2);
    assert.equal(gan.saturationFigure('D').data.length, 2);
    const run = gan.trainToyGan({ data: { mu: 2, sigma: 1 }, init: { phi: [1, 0], psi: [0, 0, 0] }, steps: 20, batch: 8, lrD: 0.03, lrG: 0.03, ...gan.toyGanPreset('goodfellowAlgorithm2'), rng: rng(1), snapshotEvery: 10 });
    const anim = gan.toyGanAnimationFigure(run.snapshots, { mu: 2, sigma: 1 });
    assert.equal(anim.frames?.length, run.snapshots.length);
    assert.equal(gan.toyGanCurvesFigure(run.history).data.length, 4);
    assert.throws(() => gan.toyGanAnimationFigure([], { mu: 0, sigma: 1 }), /snapshots must be a non-empty array/);
    assert.throws(() => gan.toyGanCurvesFigure([]), /history must be a non-empty array/);
    assert.throws(() => gan.dgNormsFigure(0, 10), /alpha must be > 0/);
    assert.throws(() => gan.showErrata([]), /ids must be a non-empty array/);
    assert.throws(() => gan.showErrata(['000-E999']), /unknown erratum id\(s\) 000-E999/);
  });
});
