/**
 * The oracles of the inventories for the FLOW sections: 000 O-08…O-15, O-17 (source 000 §2), 002 D14 (source 002 §9), and
 * 001 Section 5's conditions (with the AUDIT-NOTES caveats). Each test names the oracle and where the expected value comes from.
 * (000 O-16, the pixel count of the sequential sampler, belongs to the AR topic.)
 */
import { strict as assert } from 'assert';
import * as F from '../../src/flows';
import { rng } from '../../src/core/rng';
import { normalPdf } from '../../src/core/gaussian';
import { assertClose, assertMatrixClose, assertVectorClose } from '../core/close';

const Phi = [[2, 0.5], [-0.3, 1.5]];
const delta = [0.1, -0.2];
const x2 = [0.6, 0.35];

describe('flows — oracles of 000 §2 (inventory 000-dgm-tutorial.md §3.2)', () => {
  it('000 O-08: z, log|det ∇g⁻¹| = 1.7603189433937358 and log P = −0.12810069575014627 (inventory values, float64 numpy)', () => {
    const d = F.flowLogProbDetails(F.affineSigmoidFlow(Phi, delta), x2);
    assertVectorClose(d.z, [0.21197374, -0.23696473], 0, 1e-8, 'z');
    assertClose(d.logDet, 1.7603189433937358, 0, 1e-12, 'log det');
    assertClose(d.logProb, -0.12810069575014627, 0, 1e-12, 'log P');
  });

  it('000 O-09: exact ∂log P/∂Φ = Φ⁻ᵀzzᵀ − Φ⁻ᵀ and ∂/∂δ = Φ⁻ᵀz (inventory values); the trace form agrees; tutorial (2.4) gives the inventory’s wrong matrix', () => {
    const g = F.affineSigmoidGradExact(x2, Phi, delta);
    assertMatrixClose(g.Phi, [[-0.45957771, -0.11380945], [0.11970571, -0.59129533]], 0, 1e-8, 'dPhi');
    assertVectorClose(g.delta, [0.0783718, -0.18410042], 0, 1e-7, 'dDelta');
    const t = F.affineSigmoidGradViaTrace(x2, Phi, delta);
    assertMatrixClose(t.Phi, g.Phi, 0, 1e-12, 'trace form');
    assertVectorClose(t.delta, g.delta, 0, 1e-12, 'trace form δ');
    const src = F.affineSigmoidGradSource(x2, Phi);
    assertMatrixClose(src.Phi, [[-0.92235949, -8.7577518], [33.56723851, 0.54268954]], 0, 1e-7, 'tutorial (2.4)');
  });

  const o10 = [
    { x: 0.7, phi: 2, delta: 0.5, z: 0.17364893019360172, logP: -0.06651494097864075, tut: [-1.5086879290323851, -1.0086879290323851], exact: [-0.4849230245213088, 0.08682446509680086] },
    { x: 0.3, phi: 1, delta: 0, z: -0.8472978603872036, logP: 0.2827523829516292, tut: [3.0347517161295405, 4.0347517161295405], exact: [-0.2820863357832669, -0.8472978603872036] },
    { x: 0.9, phi: 0.5, delta: -0.2, z: 4.7944491546724395, logP: -9.31121709236249, tut: [-99.65442565938754, -97.65442565938754], exact: [43.97348539347854, 9.588898309344879] },
  ];
  for (const o of o10) {
    it(`000 O-10 at (x, φ, δ) = (${o.x}, ${o.phi}, ${o.delta}): z, log P, tutorial (2.4) and exact gradients (inventory values); exact = central FD`, () => {
      const s = F.scalarFlow(o.x, o.phi, o.delta);
      assertClose(s.z, o.z, 0, 1e-12, 'z');
      assertClose(s.logP, o.logP, 0, 1e-12, 'log P');
      const tut = F.scalarFlowGradSource24(o.x, o.phi, o.delta);
      assertClose(tut.phi, o.tut[0], 0, 1e-11, 'tutorial ∂φ');
      assertClose(tut.delta, o.tut[1], 0, 1e-11, 'tutorial ∂δ');
      const ex = F.scalarFlowGradExact(o.x, o.phi, o.delta);
      assertClose(ex.phi, o.exact[0], 0, 1e-11, 'exact ∂φ');
      assertClose(ex.delta, o.exact[1], 0, 1e-11, 'exact ∂δ');
      const fd = F.scalarFlowGradFD(o.x, o.phi, o.delta);
      assertClose(fd.phi, ex.phi, 1e-7, 1e-8, 'FD ∂φ');
      assertClose(fd.delta, ex.delta, 1e-7, 1e-8, 'FD ∂δ');
    });
  }

  it('000 O-10 (last bullet, E15): the first-line δ expression with denominator φ gives −2.0173758580647703 at (0.7, 2)', () => {
    assertClose(F.scalarFlowDeltaGradSourceFirstLine(0.7, 2), -2.0173758580647703, 0, 1e-13);
  });

  it('000 O-10 AUDIT caveat: (2.3) evaluated literally with the true z gives (−0.91345, −0.41345) at (0.7, 2, 0.5), not the (2.4) numbers (AUDIT-NOTES)', () => {
    const g = F.scalarFlowGradSource23(0.7, 2, 0.5);
    assertClose(g.phi, -0.91345, 0, 5e-6);
    assertClose(g.delta, -0.41345, 0, 5e-6);
    // with δ = 0 and b = 0 the two source readings coincide (z = a⁻¹(x)/φ): independent derivation
    const a = F.scalarFlowGradSource23(0.3, 1, 0);
    const b = F.scalarFlowGradSource24(0.3, 1, 0);
    assertClose(a.phi, b.phi, 0, 1e-12);
    assertClose(a.delta, b.delta, 0, 1e-12);
  });

  it('000 O-11: p(0.7 | φ=2, δ=0.5) = 0.9356489362411248 and ∫₀¹ p = 1.0000000000 (adaptive Simpson quadrature)', () => {
    const f = F.affineSigmoidFlow([[2]], [0.5]);
    assertClose(F.flowDensity(f, [0.7]), 0.9356489362411248, 0, 1e-13);
    assertClose(F.adaptiveSimpson((x) => F.flowDensity(f, [x]), 0, 1, 1e-13), 1, 0, 1e-10, '∫p');
  });

  it('000 O-12: exact-gradient training reaches the closed-form MLE of the same seeded sample (AUDIT-NOTES: NumPy’s numbers are not reproducible; closed form used)', () => {
    const xs = F.scalarFlowData(2000, 2, 0.5, rng(12));
    const mle = F.scalarFlowMle(xs);
    const tr = F.trainScalarFlow(xs, { phi0: 1, delta0: 0, gamma: 0.01, steps: 3000, form: 'exact' });
    assert.equal(tr.divergedAt, -1);
    assertClose(tr.phi[tr.phi.length - 1], mle.phi, 0, 1e-3, 'φ → std(logit x)');
    assertClose(tr.delta[tr.delta.length - 1], mle.delta, 0, 1e-3, 'δ → mean(logit x)');
    // the log-likelihood increases monotonically along the exact run (small step, concave in (δ, 1/φ))
    for (let k = 1; k < tr.logLik.length; k++) assert.ok(tr.logLik[k] >= tr.logLik[k - 1] - 1e-12, `step ${k}`);
  });

  it('000 O-12 (sample-independent): with a fixed c the tutorial φ-update is φ − γ(1/φ)(1 + c/φ) and ∂(δ update)/∂δ = 0; φ* = −c', () => {
    const xs = [0.2, 0.7, 0.9, 0.45];
    const { c, phiFixedPoint } = F.sourceUpdateConstant(xs);
    const tr = F.trainScalarFlow(xs, { phi0: 1.3, delta0: 0.2, gamma: 0.01, steps: 1, form: 'source' });
    assertClose(tr.phi[1], 1.3 - 0.01 * (1 / 1.3) * (1 + c / 1.3), 0, 1e-14, 'φ update');
    const tr2 = F.trainScalarFlow(xs, { phi0: 1.3, delta0: 5, gamma: 0.01, steps: 1, form: 'source' });
    assertClose(tr2.delta[1] - 5, tr.delta[1] - 0.2, 0, 1e-14, 'δ step independent of δ');
    assert.equal(phiFixedPoint, -c);
    const atFixed = F.trainScalarFlow(xs, { phi0: -c, delta0: 0, gamma: 0.01, steps: 1, form: 'source' });
    assertClose(atFixed.phi[1], -c, 0, 1e-12, 'φ* is a fixed point');
  });

  it('000 O-13: the K=2 decomposition of O-08: 2.9077213962312776 + (−1.1474024528375417) = 1.7603189433937358; literal Σ|det| = 18.632478632478634', () => {
    const g = F.composeFlows([F.linearFlow(Phi, delta), F.sigmoidFlow(2)]);
    const tr = g.traceInverse(x2);
    assertClose(tr.logDets[1], 2.9077213962312776, 0, 1e-12, 'sigmoid layer');
    assertClose(tr.logDets[0], -1.1474024528375417, 0, 1e-12, 'linear layer');
    const forms = F.finiteFlowLogDetForms(tr.logDets);
    assertClose(forms.exact, 1.7603189433937358, 0, 1e-12, 'Σ log|det|');
    assertClose(forms.source, 18.632478632478634, 0, 1e-11, 'Σ |det| (000-E19)');
    assertClose(F.flowLogProb(g, x2), -0.12810069575014627, 0, 1e-12, 'same log P as O-08');
  });

  it('000 O-14: RealNVP layer s = 0.3z₁, t = z₁ + 1 at z = (0.5, −1): x₂ = 1.5 − e^0.15, inverse, log-det −0.15, log P = −2.6128770664093453 (tutorial sign: +1.0628770664093454)', () => {
    const f = F.couplingLayer([1, 0], (a) => [0.3 * a[0]], (a) => [a[0] + 1]);
    const x = f.forward([0.5, -1]);
    assertVectorClose(x, [0.5, 1.5 - Math.exp(0.15)], 0, 1e-15);
    assertVectorClose(f.inverse(x), [0.5, -1], 0, 1e-15);
    assertClose(f.logDetInverse(x), -0.15, 0, 1e-15);
    assertClose(F.flowLogProb(f, x), -2.6128770664093453, 0, 1e-13);
    const forms = F.realNvpLogLikForms(2, 1.25, 0.15);
    assertClose(forms.exact, -2.6128770664093453, 0, 1e-13);
    assertClose(forms.source, 1.0628770664093454, 0, 1e-13);
  });

  it('000 O-15: vector scale s(x₁) = (0.1, 0.2), n = 4: log|det| = −0.3, det = exp(−0.3) = 0.7408182206817179', () => {
    const f = F.couplingLayer([1, 1, 0, 0], () => [0.1, 0.2], () => [0, 0]);
    assertClose(f.logDetInverse([0.3, -1, 2, 0.5]), -0.3, 0, 1e-15);
    assertClose(Math.exp(f.logDetInverse([0.3, -1, 2, 0.5])), 0.7408182206817179, 0, 1e-15);
    const ck = F.checkJacobian(f, [0.3, -1, 2, 0.5], 'inverse');
    assert.ok(ck.absError < 1e-8, `FD Jacobian check ${ck.absError}`);
  });

  it('000 O-17: typeset epoch δ-step collapses to γ/(Nφ²) = 0.00625; the algorithm box gives 0.15258504 for x = (0.7, 0.3, 0.9, 0.5)', () => {
    const xs = [0.7, 0.3, 0.9, 0.5];
    assertClose(F.finiteFlowEpochDeltaStep(xs, 2, 0.1, 'typeset'), 0.00625, 0, 1e-15);
    assertClose(F.finiteFlowEpochDeltaStep(xs, 2, 0.1, 'algorithm-box'), 0.15258504, 0, 1e-8);
  });
});

describe('flows — oracles of 002 §9 (inventory 002 D14) and 001 §5 (AUDIT-NOTES)', () => {
  it('002 D14: x = 2u + 1 gives p_X(1) = φ(0)/2 = 0.199471; x = exp(u) gives p_X(1) = 0.398942, p_X(e) = φ(1)/e = 0.089016 (closed forms)', () => {
    assertClose(F.flowDensity(F.affineFlow([2], [1]), [1]), normalPdf(0) / 2, 0, 1e-15);
    assertClose(F.flowDensity(F.affineFlow([2], [1]), [1]), 0.199471, 0, 5e-7);
    assertClose(F.flowDensity(F.expFlow(), [1]), 0.398942, 0, 5e-7);
    assertClose(F.flowDensity(F.expFlow(), [Math.E]), normalPdf(1) / Math.E, 0, 1e-15);
    assertClose(F.flowDensity(F.expFlow(), [Math.E]), 0.089016, 0, 5e-7);
  });

  it('001 §5.4 (i): β ≥ −α suffices; AUDIT: at β = −α the radial flow is still invertible (ρ′ = 1 + αβ/(α+r)² vanishes only at r = 0)', () => {
    const rep = F.radialInvertibility(1, -1);
    assert.equal(rep.sourceCondition, true);
    assert.equal(rep.strictlyIncreasing, true);
    assertClose(rep.minDerivative, 0, 0, 1e-15);
    const f = F.radialFlow({ z0: [0, 0], alpha: 1, beta: -1 });
    const R = rng(5);
    const zs = Array.from({ length: 50 }, () => Array.from(R.normals(2)));
    assert.ok(F.roundTripError(f, zs) < 1e-12, 'round trip at β = −α');
    // ρ(r) = r²/(1 + r) is strictly increasing: check on a grid
    const rhos = Array.from({ length: 200 }, (_, i) => F.radialRadius({ alpha: 1, beta: -1 }, i * 0.05).rho);
    for (let i = 1; i < rhos.length; i++) assert.ok(rhos[i] > rhos[i - 1]);
  });

  it('001 §5.4 counter-example needs β < −α (AUDIT): α = 1, β = −2 maps z₀ and every z at distance 1 to z₀', () => {
    const rep = F.radialInvertibility(1, -2);
    assert.equal(rep.strictlyIncreasing, false);
    assert.deepEqual(rep.counterExample, { r1: 0, r2: 1, rho: 0 });
    const p = { z0: [0.5, -0.5], alpha: 1, beta: -2 };
    assertVectorClose(F.radialMap(p, [0.5, -0.5]), [0.5, -0.5], 0, 1e-15);
    assertVectorClose(F.radialMap(p, [1.5, -0.5]), [0.5, -0.5], 0, 1e-15);
    assert.throws(() => F.radialInverse(p, [0.7, 0]), /not invertible for β < −α.*β = -2/);
  });

  it('001 §5.4 (ii): the closed-form inverse (quadratic r² + (α+β−ρ)r − αρ = 0) recovers z for β > −α; log-det matches the FD Jacobian', () => {
    const p = { z0: [0.2, -0.1, 0.4], alpha: 0.7, beta: 1.3 };
    const f = F.radialFlow(p);
    const R = rng(7);
    const zs = Array.from({ length: 40 }, () => Array.from(R.normals(3)));
    assert.ok(F.roundTripError(f, zs) < 1e-12);
    for (const z of zs.slice(0, 5)) assert.ok(F.checkJacobian(f, z).absError < 1e-7);
  });

  it('001 §5.1–5.3: ReLU map not invertible (collision), sigmoid mixture strictly increasing with a bisection inverse, residual map with f′ > −1 invertible, f′ < −1 somewhere folds', () => {
    const relu = F.checkInvertibility1D(F.reluMap(1.5, 2, 0.5).g, [-3, 3]);
    assert.equal(relu.invertible, false);
    assert.equal(relu.collision!.y, 0);
    const mix = F.sigmoidMixtureMap([0.3, 0.7], [1, 3], [0, -2]);
    const rep = F.checkInvertibility1D(mix.g, [-8, 8]);
    assert.equal(rep.monotone, 'increasing');
    assert.ok(rep.roundTripError! < 1e-9);
    // derivative by hand vs central differences (independent derivation)
    for (const z of [-2, 0, 0.7, 3]) assertClose(mix.dg(z), (mix.g(z + 1e-6) - mix.g(z - 1e-6)) / 2e-6, 1e-6, 1e-9, `g′(${z})`);
    const ok = F.residualMap((z) => 0.9 * Math.sin(z), (z) => 0.9 * Math.cos(z));
    assert.equal(F.checkInvertibility1D(ok.g, [-10, 10]).invertible, true);
    const fold = F.residualMap((z) => -1.5 * Math.tanh(z), (z) => -1.5 * (1 - Math.tanh(z) ** 2));
    const fr = F.checkInvertibility1D(fold.g, [-3, 3]);
    assert.equal(fr.invertible, false);
    assertClose(fold.g(fr.collision!.z1), fold.g(fr.collision!.z2), 0, 1e-9, 'collision');
    assert.ok(Math.abs(fr.collision!.z1 - fr.collision!.z2) > 1e-3);
  });
});
