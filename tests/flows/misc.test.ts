/**
 * The remaining public functions of src/flows: finite-flow training helpers, the image of a sigmoid-layer stack (erratum 000-E70),
 * the planar û re-parameterisation (R&M 2015 App. A.1), sampling and 1-D density helpers, masks, data sets and figures.
 */
import { strict as assert } from 'assert';
import * as F from '../../src/flows';
import { rng } from '../../src/core/rng';
import { softplus } from '../../src/core/special';
import { assertClose } from '../core/close';

describe('flows — finite-flow training helpers and the image of a sigmoid stack', () => {
  const layers = F.FINITE_EXAMPLE;
  const g = F.composeFlows(layers.map((l) => F.affineSigmoidFlow(l.Phi, l.delta)));
  const xs = F.flowSample(g, 40, rng(2)).x;

  it('finiteFlowMeanGrad: mean gradient = central FD of the mean log-likelihood (δ₂ and Φ₃[0][1]); an ascent step raises it', () => {
    const { logLik, grad } = F.finiteFlowMeanGrad(layers, xs);
    const h = 1e-6;
    const shifted = (k: number, f: (l: F.SigmoidLayerParams) => void) => layers.map((l, j) => {
      const c = { Phi: l.Phi.map((r) => r.slice()), delta: l.delta.slice() };
      if (j === k) f(c);
      return c;
    });
    const L = (ls: F.SigmoidLayerParams[]) => F.finiteFlowMeanGrad(ls, xs).logLik;
    assertClose(grad[1].delta[0], (L(shifted(1, (c) => (c.delta[0] += h))) - L(shifted(1, (c) => (c.delta[0] -= h)))) / (2 * h), 1e-6, 1e-7, 'δ₂');
    assertClose(grad[2].Phi[0][1], (L(shifted(2, (c) => (c.Phi[0][1] += h))) - L(shifted(2, (c) => (c.Phi[0][1] -= h)))) / (2 * h), 1e-6, 1e-7, 'Φ₃');
    const next = F.finiteFlowAscentStep(layers, grad, 1e-4);
    assert.ok(L(next) > logLik, 'a small ascent step increases the mean log-likelihood');
  });

  it('000-E70: a point is in the image iff the inverse chain stays in (0,1)ⁿ; samples of g are inside, a corner is not; fraction ≪ 1', () => {
    for (const x of xs) assert.equal(F.finiteFlowInImage(layers, x), true);
    assert.equal(F.finiteFlowInImage(layers, [0.01, 0.99]), false);
    const frac = F.finiteFlowImageFraction(layers, 2000, rng(70));
    assert.ok(frac > 0 && frac < 0.05, `fraction ${frac}`);
    // a single layer is onto (0, 1)²
    assert.equal(F.finiteFlowImageFraction([layers[0]], 500, rng(71)), 1);
  });
});

describe('flows — planar re-parameterisation, sampling, 1-D helpers, masks, data, figures', () => {
  it('planarConstrainU: wᵀû = −1 + softplus(wᵀu) ≥ −1 (R&M 2015 App. A.1), so the constrained map inverts', () => {
    const p = { u: [-3, 1], w: [2, 0.5], b: 0.2 };
    assert.equal(F.planarInvertible(p), false);
    const uh = F.planarConstrainU(p);
    assertClose(uh[0] * p.w[0] + uh[1] * p.w[1], -1 + softplus(p.u[0] * p.w[0] + p.u[1] * p.w[1]), 0, 1e-12);
    const q = { ...p, u: uh };
    assert.equal(F.planarInvertible(q), true);
    const y = F.planarMap(q, [0.3, -0.4]);
    const back = F.planarInverse(q, y);
    assertClose(back[0], 0.3, 0, 1e-10);
    assertClose(back[1], -0.4, 0, 1e-10);
  });

  it('flowSample is reproducible by seed; flowMeanLogLik averages; density1D is 0 outside the image', () => {
    const f = F.affineSigmoidFlow([[2]], [0.5]);
    assert.deepEqual(F.flowSample(f, 5, rng(3)).x, F.flowSample(f, 5, rng(3)).x);
    const pts = [[0.2], [0.7]];
    assertClose(F.flowMeanLogLik(f, pts), (F.flowLogProb(f, [0.2]) + F.flowLogProb(f, [0.7])) / 2, 0, 1e-15);
    const d = F.density1D(f, [-0.5, 1.5], 5);
    assert.deepEqual(d.x, [-0.5, 0, 0.5, 1, 1.5]);
    assert.equal(d.p[0], 0);
    assert.equal(d.p[4], 0);
    assertClose(d.p[2], F.flowDensity(f, [0.5]), 0, 1e-15);
  });

  it('alternatingMasks alternate; twoMoons and the ring have the stated means (within 4 standard errors)', () => {
    assert.deepEqual(F.alternatingMasks(2, 3), [[1, 0], [0, 1], [1, 0]]);
    const m = F.twoMoons(4000, rng(1), 0.05);
    const mx = m.reduce((s, p) => s + p[0], 0) / m.length;
    const my = m.reduce((s, p) => s + p[1], 0) / m.length;
    assert.ok(Math.abs(mx) < 4 * (0.9 / Math.sqrt(m.length)) && Math.abs(my) < 4 * (0.6 / Math.sqrt(m.length)), `${mx}, ${my}`);
    const r = F.ringOfGaussians(4000, rng(2), { k: 8, radius: 2, sd: 0.1 });
    const mr = r.reduce((s, p) => s + Math.hypot(p[0], p[1]), 0) / r.length;
    assertClose(mr, 2, 0, 0.02);
  });

  it('figures: grid deformation draws 2n lines of the mapped grid; density heatmap and landscape have the right traces; animation has K+1 frames', () => {
    const fig = F.gridDeformationFigure((p) => [2 * p[0], p[1] + 1], [-1, 1], { lines: 5 });
    assert.equal(fig.data.length, 10);
    assertClose((fig.data[0].y as number[])[1], 1 / 30, 0, 1e-15, 'second point of the first line: t + 1 with t = −1 + 2/60');
    assert.deepEqual((fig.data[0].x as number[]).slice(0, 2), [-2, -2]);
    const h = F.densityHeatmapFigure((p) => -0.5 * (p[0] ** 2 + p[1] ** 2), [-1, 1], [-1, 1], { n: 5, points: [{ x: [0], y: [0], name: 'o' }] });
    assert.equal(h.data[0].type, 'heatmap');
    assert.equal(h.data.length, 2);
    const land = F.scalarFlowLandscapeFigure([0.2, 0.6, 0.8], { field: 'exact', paths: [{ phi: [1, 1.2], delta: [0, 0.1], name: 'p' }] });
    assert.deepEqual(land.data.map((t) => t.type), ['contour', 'scatter', 'scatter']);
    const anim = F.layerAnimationFigure([[[0, 0], [1, 1]], [[1, 0], [2, 1]], [[0, 1], [1, 2]]]);
    assert.equal(anim.frames!.length, 3);
    assert.throws(() => F.gridDeformationFigure((p) => p, [1, 1]), /range must be \[lo, hi\]/);
    assert.throws(() => F.scalarFlowLandscapeFigure([0.5], { phiRange: [-1, 1] }), /must not contain φ = 0/);
  });
});

describe('flows — fitting a radial flow with the hand-derived gradient', () => {
  it('gradient ascent recovers the parameters of data generated by a known radial flow (seeded; within sampling error), stays invertible', () => {
    const truth = { z0: [0.5, -0.3], alpha: 0.7, beta: 2 };
    const R = rng(4);
    const data = Array.from({ length: 1000 }, () => F.radialInverse(truth, Array.from(R.normals(2))));
    const fit = F.fitRadialFlow(data, { z0: [0, 0], alpha: 1, beta: 0 }, { gamma: 0.1, steps: 800 });
    const last = fit.params[fit.params.length - 1];
    assertClose(last.z0[0], 0.5, 0, 0.05);
    assertClose(last.z0[1], -0.3, 0, 0.05);
    assertClose(last.beta, 2, 0, 0.2);
    for (const p of fit.params) assert.ok(p.beta >= -p.alpha && p.alpha > 0);
    // the fitted mean log-likelihood is at least that of the true parameters (MLE on the sample), up to optimisation slack
    const llTrue = data.reduce((a, x) => a + F.radialLogLikGrad(truth, x).logP, 0) / data.length;
    assert.ok(fit.logLik[fit.logLik.length - 1] > llTrue - 1e-3);
    assert.ok(fit.logLik[fit.logLik.length - 1] > fit.logLik[0] + 0.5);
    assert.throws(() => F.fitRadialFlow(data, { z0: [0, 0], alpha: 1, beta: -2 }), /init must be invertible, β ≥ −α \(got β = -2/);
  });
});

describe('flows — Gaussian baseline of a 2-D data set', () => {
  it('equals the closed form −(d/2)(1 + log 2π) − ½ log det Σ̂ of the MLE Gaussian (independent derivation)', () => {
    const pts = F.twoMoons(500, rng(1));
    const N = pts.length;
    const mu = [0, 1].map((j) => pts.reduce((s, p) => s + p[j], 0) / N);
    const S = [0, 1].map((a) => [0, 1].map((b) => pts.reduce((s, p) => s + (p[a] - mu[a]) * (p[b] - mu[b]), 0) / N));
    const closed = -(1 + Math.log(2 * Math.PI)) - 0.5 * Math.log(S[0][0] * S[1][1] - S[0][1] * S[1][0]);
    assertClose(F.gaussianBaselineLogLik(pts), closed, 0, 1e-12);
    assert.throws(() => F.gaussianBaselineLogLik([[0, 0]]), /at least 3 points/);
  });
});
