/**
 * Every hand-derived flow gradient against central finite differences (float64) AND tfjs autodiff (tf.grads, float32):
 * the scalar flow, the affine-sigmoid layer and finite flows of source 000, the linear coupling layer, planar and radial flows,
 * the 1-D affine flow of 002. Also the FD Jacobian check of every flow's log-determinant, and that the source forms differ.
 */
import { strict as assert } from 'assert';
import * as F from '../../src/flows';
import { rng } from '../../src/core/rng';
import { initBackend } from '../../src/core/backend';
import { assertClose, assertMatrixClose, assertVectorClose } from '../core/close';

before(async () => {
  await initBackend('cpu');
});

const AD = { rel: 2e-4, abs: 2e-5 }; // float32 autodiff tolerance

describe('flows — hand gradients vs finite differences vs tf.grads', () => {
  it('scalar flow (000 §2.e exact form): mean gradient over data = FD = autodiff', () => {
    const xs = [0.2, 0.55, 0.7, 0.91];
    const hand = { phi: 0, delta: 0 };
    const fd = { phi: 0, delta: 0 };
    for (const x of xs) {
      const g = F.scalarFlowGradExact(x, 1.7, -0.3);
      const f = F.scalarFlowGradFD(x, 1.7, -0.3);
      hand.phi += g.phi / xs.length;
      hand.delta += g.delta / xs.length;
      fd.phi += f.phi / xs.length;
      fd.delta += f.delta / xs.length;
    }
    assertClose(hand.phi, fd.phi, 1e-7, 1e-9, 'FD φ');
    assertClose(hand.delta, fd.delta, 1e-7, 1e-9, 'FD δ');
    const ad = F.scalarFlowGradAutodiff(xs, 1.7, -0.3);
    assertClose(ad.phi, hand.phi, AD.rel, AD.abs, 'autodiff φ');
    assertClose(ad.delta, hand.delta, AD.rel, AD.abs, 'autodiff δ');
    // and the source forms are NOT the gradient (000-E16): they differ by far more than the tolerance
    const src = F.scalarFlowGradSource24(0.2, 1.7, -0.3);
    const ex = F.scalarFlowGradExact(0.2, 1.7, -0.3);
    assert.ok(Math.abs(src.phi - ex.phi) > 0.1 && Math.abs(src.delta - ex.delta) > 0.1);
  });

  it('affine-sigmoid layer, 3-D (000 M2.3 exact): Φ⁻ᵀzzᵀ − Φ⁻ᵀ, Φ⁻ᵀz = trace form = FD = autodiff', () => {
    const Phi = [[1.2, 0.3, -0.2], [0.1, 0.9, 0.4], [-0.5, 0.2, 1.4]];
    const delta = [0.2, -0.1, 0.05];
    const x = [0.3, 0.62, 0.45];
    const g = F.affineSigmoidGradExact(x, Phi, delta);
    const fd = F.affineSigmoidGradFD(x, Phi, delta);
    assertMatrixClose(g.Phi, fd.Phi, 1e-6, 1e-8, 'FD Φ');
    assertVectorClose(g.delta, fd.delta, 1e-6, 1e-8, 'FD δ');
    const t = F.affineSigmoidGradViaTrace(x, Phi, delta);
    assertMatrixClose(t.Phi, g.Phi, 1e-10, 1e-12, 'trace Φ');
    const ad = F.finiteFlowGradAutodiff([{ Phi, delta }], x)[0];
    assertMatrixClose(ad.Phi, g.Phi, AD.rel, AD.abs, 'autodiff Φ');
    assertVectorClose(ad.delta, g.delta, AD.rel, AD.abs, 'autodiff δ');
  });

  it('finite flow of K = 3 affine-sigmoid layers (000 (2.5)–(2.7), exact backprop): = FD = autodiff; the (2.7) per-layer form is not', () => {
    const layers = [
      { Phi: [[1.5, 0.2], [-0.4, 1.1]], delta: [0.1, -0.3] },
      { Phi: [[2.0, -0.5], [0.3, 1.7]], delta: [-0.2, 0.4] },
      { Phi: [[1.1, 0.6], [-0.2, 1.3]], delta: [0.05, -0.1] },
    ];
    // a point of the image: x = g(z) by the forward pass (every inner point lies in (0, 1)², as the inverse chain needs)
    const x = F.composeFlows(layers.map((l) => F.affineSigmoidFlow(l.Phi, l.delta))).forward([0.4, -0.8]);
    const g = F.finiteFlowGradExact(layers, x);
    const fd = F.finiteFlowGradFD(layers, x);
    const ad = F.finiteFlowGradAutodiff(layers, x);
    const src = F.finiteFlowGradSource(layers, x);
    let maxSrcErr = 0;
    g.forEach((gk, k) => {
      assertMatrixClose(gk.Phi, fd[k].Phi, 1e-6, 1e-7, `FD Φ_${k + 1}`);
      assertVectorClose(gk.delta, fd[k].delta, 1e-6, 1e-7, `FD δ_${k + 1}`);
      assertMatrixClose(ad[k].Phi, gk.Phi, AD.rel, 5 * AD.abs, `autodiff Φ_${k + 1}`);
      assertVectorClose(ad[k].delta, gk.delta, AD.rel, 5 * AD.abs, `autodiff δ_${k + 1}`);
      gk.Phi.forEach((r, i) => r.forEach((v, j) => (maxSrcErr = Math.max(maxSrcErr, Math.abs(v - src[k].Phi[i][j])))));
    });
    assert.ok(maxSrcErr > 0.5, `the source (2.7) must differ from the gradient (000-E20), max diff ${maxSrcErr}`);
    // K = 1 reduces to the single-layer formula
    assertMatrixClose(F.finiteFlowGradExact([layers[0]], x)[0].Phi, F.affineSigmoidGradExact(x, layers[0].Phi, layers[0].delta).Phi, 1e-12, 1e-14);
  });

  it('linear coupling layer (RealNVP with affine s, t): ∂/∂t = z₂e^{−s}, ∂/∂s = z₂² − 1 chained to W, b = FD = autodiff', () => {
    const mask = [0, 1, 1, 0];
    const p = { Ws: [[0.2, -0.1], [0.05, 0.3]], bs: [0.1, -0.2], Wt: [[0.4, 0.1], [-0.3, 0.2]], bt: [0.3, 0.0] };
    const x = [0.7, -0.4, 1.1, -0.9];
    const g = F.linearCouplingGrad(mask, p, x);
    assertClose(g.logP, F.flowLogProb(F.linearCouplingLayer(mask, p), x), 0, 1e-13, 'log P');
    const flat = (q: F.LinearCouplingParams) => [...q.Ws.flat(), ...q.bs, ...q.Wt.flat(), ...q.bt];
    const unflat = (t: number[]) => ({ Ws: [t.slice(0, 2), t.slice(2, 4)], bs: t.slice(4, 6), Wt: [t.slice(6, 8), t.slice(8, 10)], bt: t.slice(10, 12) });
    const fd = F.logLikGradFD((t) => F.flowLogProb(F.linearCouplingLayer(mask, unflat(t)), x), flat(p));
    assertVectorClose(flat(g), fd, 1e-6, 1e-8, 'FD');
    const ad = F.linearCouplingGradAutodiff(mask, p, x);
    assertVectorClose(flat(ad), flat(g), AD.rel, AD.abs, 'autodiff');
  });

  it('planar flow (normalising direction, R&M 2015): hand gradient in u, w, b = FD = autodiff, at several points', () => {
    const p = { u: [0.5, -0.3, 0.8], w: [1.2, 0.4, -0.6], b: 0.1 };
    const R = rng(3);
    for (let k = 0; k < 4; k++) {
      const x = Array.from(R.normals(3));
      const g = F.planarLogLikGrad(p, x);
      const flat = [...g.u, ...g.w, g.b];
      const fd = F.logLikGradFD((t) => F.planarLogLikGrad({ u: t.slice(0, 3), w: t.slice(3, 6), b: t[6] }, x).logP, [...p.u, ...p.w, p.b]);
      assertVectorClose(flat, fd, 1e-6, 1e-8, `FD at point ${k}`);
      const ad = F.planarLogLikGradAutodiff(p, x);
      assertVectorClose([...ad.u, ...ad.w, ad.b], flat, AD.rel, AD.abs, `autodiff at point ${k}`);
      assertClose(g.logP, F.flowLogProb(F.planarFlow(p), x), 0, 1e-12, 'log P = change of variables');
    }
  });

  it('radial flow (normalising direction): hand gradient in α, β, z₀ = FD = autodiff, for β on both sides of 0', () => {
    for (const p of [{ z0: [0.2, -0.1], alpha: 0.8, beta: 0.5 }, { z0: [-0.3, 0.4], alpha: 1.5, beta: -1.2 }]) {
      const x = [0.3, -0.7];
      const g = F.radialLogLikGrad(p, x);
      const fd = F.logLikGradFD((t) => F.radialLogLikGrad({ alpha: t[0], beta: t[1], z0: [t[2], t[3]] }, x).logP, [p.alpha, p.beta, ...p.z0]);
      assertVectorClose([g.alpha, g.beta, ...g.z0], fd, 1e-6, 1e-8, 'FD');
      const ad = F.radialLogLikGradAutodiff(p, x);
      assertVectorClose([ad.alpha, ad.beta, ...ad.z0], [g.alpha, g.beta, ...g.z0], AD.rel, AD.abs, 'autodiff');
      assertClose(g.logP, F.flowLogProb(F.radialFlow(p, 'normalizing'), x), 0, 1e-12, 'log P');
    }
  });

  it('1-D affine flow x = au + b (002 NF1): hand gradient = FD = autodiff; gradient ascent reaches mean and population s.d. (closed form)', () => {
    const R = rng(21);
    const xs = Array.from(R.normals(500, 3, 2));
    const g = F.affineFlowLogLikGrad(xs, 1.4, 0.5);
    const fd = F.logLikGradFD((t) => F.affineFlowLogLikGrad(xs, t[0], t[1]).logLik, [1.4, 0.5]);
    assertVectorClose([g.a, g.b], fd, 1e-6, 1e-8, 'FD');
    const ad = F.affineFlowGradAutodiff(xs, 1.4, 0.5);
    assertVectorClose([ad.a, ad.b], [g.a, g.b], AD.rel, AD.abs, 'autodiff');
    const fit = F.fitAffineFlow(xs, { a0: 1, b0: 0, gamma: 0.5, steps: 2000 });
    const m = xs.reduce((s, v) => s + v, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / xs.length);
    assertClose(fit.b[fit.b.length - 1], m, 0, 1e-8, 'b → mean');
    assertClose(Math.abs(fit.a[fit.a.length - 1]), sd, 0, 1e-8, '|a| → population s.d.');
  });

  it('general exact (2.3): −zᵀ∂z/∂θ + tr(J⁻¹∂J/∂θ) equals the scalar formula; the source (2.3) form equals it only when z·J terms vanish', () => {
    const { z, J } = F.scalarFlow(0.7, 2, 0.5);
    const exact = F.logLikGradExact([z], [-z / 2], [[J]], [[-J / 2]]);
    assertClose(exact, F.scalarFlowGradExact(0.7, 2, 0.5).phi, 0, 1e-14);
    assert.ok(Math.abs(F.logLikGradSource23(z, J, -J / 2) - exact) > 0.3);
  });
});

describe('flows — Jacobian check against finite differences for every flow', () => {
  const R = rng(11);
  const cases: [string, F.Flow, number[]][] = [
    ['affine', F.affineFlow([2, -0.5], [1, 3]), [0.3, -1]],
    ['exp', F.expFlow(2), [0.3, -1]],
    ['linear', F.linearFlow([[2, 0.5], [-0.3, 1.5]], [0.1, -0.2]), [0.3, -1]],
    ['sigmoid', F.sigmoidFlow(2), [0.3, -1]],
    ['affine-sigmoid', F.affineSigmoidFlow([[2, 0.5], [-0.3, 1.5]], [0.1, -0.2]), [0.3, -0.4]],
    ['planar (normalizing)', F.planarFlow({ u: [0.5, -0.3], w: [1.2, 0.4], b: 0.1 }), [0.3, -1]],
    ['planar (generative)', F.planarFlow({ u: [0.5, -0.3], w: [1.2, 0.4], b: 0.1 }, 'generative'), [0.3, -1]],
    ['radial', F.radialFlow({ z0: [0.1, 0.2], alpha: 0.5, beta: 0.7 }), [0.3, -1]],
    ['coupling', F.couplingLayer([1, 0], (a) => [Math.sin(a[0])], (a) => [a[0] ** 2]), [0.3, -1]],
    ['composition', F.composeFlows([F.linearFlow([[1, 0.4], [0.2, 1]], [0, 0.1]), F.couplingLayer([0, 1], (a) => [0.5 * a[0]], (a) => [1 - a[0]]), F.radialFlow({ z0: [0, 0], alpha: 1, beta: 0.3 })]), [0.3, -1]],
  ];
  for (const [name, f, z] of cases) {
    it(`${name}: log|det| forward and inverse vs log|det J_FD|, round trip`, () => {
      const cf = F.checkJacobian(f, z, 'forward');
      assert.ok(cf.absError < 1e-7, `forward ${cf.absError}`);
      const x = f.forward(z);
      const ci = F.checkJacobian(f, x, 'inverse');
      assert.ok(ci.absError < 1e-7, `inverse ${ci.absError}`);
      assertClose(f.logDetInverse(x), -f.logDetForward(z), 0, 1e-10, 'inverse = −forward');
      assert.ok(F.roundTripError(f, [z, Array.from(R.normals(2)).map((v) => 0.3 * v)]) < 1e-10);
    });
  }

  it('a 2-D flow density integrates to ≈ 1 on a grid (002 NB13 check): radial flow', () => {
    const f = F.radialFlow({ z0: [0.3, 0], alpha: 0.5, beta: 1 });
    const g = F.densityGrid2D((p) => F.flowLogProb(f, p), [-7, 7], [-7, 7], 200);
    assertClose(g.integral, 1, 0, 2e-3);
  });
});
