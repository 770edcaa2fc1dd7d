/**
 * sampling/mixing (issue #25, point 5; remark 002-E65): the bimodal mixture density integrates to 1 (quadrature),
 * a small RWM step stays in its mode while a large one visits both (fixed seeds), and τ grows with d for RWM with
 * step 2.38/√d (Roberts, Gelman & Gilks 1997: τ ≈ linear in d; here τ(40)/τ(1) well above 5 with fixed seeds).
 */
import { strict as assert } from 'assert';
import { autocorrTimeByDimension, autocorrTimeFigure, bimodalHistogramFigure, bimodalLogDensity, bimodalTraceFigure, rwmOnBimodal } from '../../src/sampling/mixing';

describe('sampling/mixing — RWM on a bimodal target and τ against the dimension', () => {
  it('the mixture ½N(−μ,1) + ½N(μ,1) is a normalised density (midpoint quadrature on [−20, 20])', () => {
    let s = 0;
    for (let x = -20 + 5e-4; x < 20; x += 1e-3) s += Math.exp(bimodalLogDensity(x, 4)) * 1e-3;
    assert.ok(Math.abs(s - 1) < 1e-9, `${s}`);
    // At x = μ the density is ½·φ(0) + ½·φ(2μ) (closed form).
    const phi = (t: number) => Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI);
    assert.ok(Math.abs(Math.exp(bimodalLogDensity(4, 4)) - (0.5 * phi(0) + 0.5 * phi(8))) < 1e-15);
  });

  it('a small step stays in the left mode, a large one spends about half its time in each (seed 9)', () => {
    const stuck = rwmOnBimodal({ mu: 4, step: 0.5, nSteps: 5000, seed: 9 });
    const crossing = rwmOnBimodal({ mu: 4, step: 4, nSteps: 5000, seed: 9 });
    assert.ok(stuck.fractionRight < 0.05, `stuck chain: ${stuck.fractionRight} of its time right of 0`);
    assert.ok(Math.abs(crossing.fractionRight - 0.5) < 0.15, `crossing chain: ${crossing.fractionRight}`);
    assert.ok(stuck.acceptRate > crossing.acceptRate);
    assert.equal(bimodalTraceFigure(stuck).data.length, 1);
    assert.ok(bimodalHistogramFigure(stuck).data.length >= 2, 'histogram and target density');
  });

  it('τ grows with d under the 2.38/√d scaling (fixed seeds)', () => {
    const rows = autocorrTimeByDimension([1, 10, 40], { nSteps: 20000, seed: 65 });
    assert.ok(rows[1].tau > 2 * rows[0].tau && rows[2].tau > 2 * rows[1].tau, JSON.stringify(rows));
    // The acceptance rate approaches the asymptotic 0.234 from above (Roberts, Gelman & Gilks 1997).
    assert.ok(rows[2].acceptRate > 0.2 && rows[2].acceptRate < 0.3, `${rows[2].acceptRate}`);
    assert.equal(autocorrTimeFigure(rows).data.length, 2);
  });

  it('rejects bad input naming the argument', () => {
    assert.throws(() => rwmOnBimodal({ mu: -1, nSteps: 10, seed: 1 }), /rwmOnBimodal.*mu/);
    assert.throws(() => rwmOnBimodal({ step: 0, nSteps: 10, seed: 1 }), /rwmOnBimodal.*step/);
    assert.throws(() => rwmOnBimodal({ nSteps: 0, seed: 1 }), /rwmOnBimodal.*nSteps/);
    assert.throws(() => autocorrTimeByDimension([], { nSteps: 1000, seed: 1 }), /dims must be a non-empty array/);
    assert.throws(() => autocorrTimeByDimension([0], { nSteps: 1000, seed: 1 }), /dims\[0\]/);
  });
});
