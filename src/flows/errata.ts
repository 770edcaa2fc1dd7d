/**
 * Errata of the FLOW sections (source 000 §2, L279–554: E11–E25; source 001 §5: 001-E51…E53, "section 5, item n" because 001 has
 * no numbering; source 002 §9: 002-E40), each with a numerical demonstration computed by this library (source form vs exact form).
 */
import { registerErratum } from '../errata';
import { rng } from '../core/rng';
import { inverse } from '../core/linalg';
import { normalPdf } from '../core/gaussian';
import { logit } from '../core/special';
import { affineSigmoidFlow, linearFlow, sigmoidFlow, expFlow, logitPrime } from './layers';
import { composeFlows, flowDensity, jacobianFD } from './flow';
import {
  affineSigmoidGradExact,
  affineSigmoidGradSource,
  affineSigmoidGradViaTrace,
  affineSigmoidGradFD,
  finiteFlowEpochDeltaStep,
  finiteFlowGradExact,
  finiteFlowGradSource,
  finiteFlowLogDetForms,
  scalarFlow,
  scalarFlowData,
  scalarFlowDeltaGradSourceFirstLine,
  scalarFlowGradExact,
  scalarFlowGradFD,
  scalarFlowGradSource23,
  scalarFlowGradSource24,
  scalarFlowMle,
  trainScalarFlow,
  finiteFlowImageFraction,
} from './gradients';
import { couplingLayer, realNvpLogLikForms, linearCouplingGrad } from './coupling';
import { radialInvertibility, checkInvertibility1D, reluMap } from './invertibility';
import { radialMap, radialInverse } from './planarRadial';

const r = (x: number, d = 7) => Number(x.toFixed(d));
const rv = (v: number[], d = 7) => v.map((x) => r(x, d));
const N05 = 'nguyen-tutorial/05-flows-change-of-variables.ipynb';
const N06 = 'nguyen-tutorial/06-flows-elementwise-and-finite.ipynb';
const N07 = 'nguyen-tutorial/07-flows-realnvp.ipynb';
const INV = 'dgm-exercises/05-flow-invertibility.ipynb';
const STA = 'sta4124/13-normalizing-flows.ipynb';

/** The O-08 example (000 inventory): Φ = [[2, 0.5], [−0.3, 1.5]], δ = (0.1, −0.2), x = (0.6, 0.35). */
export const O08 = { Phi: [[2, 0.5], [-0.3, 1.5]], delta: [0.1, -0.2], x: [0.6, 0.35] };
/** A three-layer finite flow of affine-sigmoid layers used by the 000-E20 demonstration and the notebooks. */
export const FINITE_EXAMPLE = [
  { Phi: [[1.5, 0.2], [-0.4, 1.1]], delta: [0.1, -0.3] },
  { Phi: [[2.0, -0.5], [0.3, 1.7]], delta: [-0.2, 0.4] },
  { Phi: [[1.1, 0.6], [-0.2, 1.3]], delta: [0.05, -0.1] },
];

// ------------------------------------------------------------------------------------------------------------- 000 §2
registerErratum({
  id: '000-E11',
  source: '000',
  location: '§2, L295–318, (2.2) and the log-likelihood below it, L297–316',
  sourceForm: String.raw`P(x|\Phi) = P(g^{-1}(x))\,|\nabla_x g^{-1}|,\ \log|\nabla_x g^{-1}|` + ' with |·| the determinant',
  exactForm: String.raw`\log|\det \nabla_x g^{-1}(x)|` + ' — the absolute value of the determinant (it may be negative)',
  summary: 'the determinant needs an absolute value inside the log',
  severity: 'minor',
  notebook: N05,
  demonstrate: () => {
    const J = scalarFlow(0.7, -2, 0.5).J; // φ < 0: dg⁻¹/dx < 0
    return { source: `log(det) = log(${r(J, 6)}) is undefined`, exact: r(Math.log(Math.abs(J)), 10), phi: -2 };
  },
});

registerErratum({
  id: '000-E12',
  source: '000',
  location: '§2, L338 (and (2.3), L358)',
  sourceForm: String.raw`\frac{d\log|\nabla_x g^{-1}|}{d\Phi} = (\nabla_x g^{-1})^{-1}\frac{d\nabla_x g^{-1}}{d\Phi}`,
  exactForm: String.raw`\frac{\partial \log|\det J|}{\partial\theta} = \operatorname{tr}\!\big(J^{-1}\,\partial J/\partial\theta\big)` + ' (Jacobi’s formula; d|A|/dA = |A|A⁻ᵀ)',
  summary: 'the trace (and transpose) of Jacobi’s formula is missing: for n > 1 the source’s term is a matrix, not a number',
  severity: 'major',
  notebook: N05,
  demonstrate: () => {
    const t = affineSigmoidGradViaTrace(O08.x, O08.Phi, O08.delta);
    const M = t.untraced[0][0];
    const Pi = inverse(O08.Phi);
    return {
      source: { 'J⁻¹∂J/∂Φ₁₁': M.map((row) => rv(row, 6)) },
      exact: { 'tr(J⁻¹∂J/∂Φ₁₁)': r(M[0][0] + M[1][1], 10), '−(Φ⁻¹)₁₁': r(-Pi[0][0], 10) },
    };
  },
});

registerErratum({
  id: '000-E13',
  source: '000',
  location: '§2, L346 and (2.3), L358',
  sourceForm: String.raw`\frac{d\,\tfrac12\|g^{-1}(x|\Phi)\|^2}{d\Phi} = g^{-1}(x|\Phi)\,\nabla_x g^{-1}(x|\Phi)`,
  exactForm: String.raw`\frac{\partial\,\tfrac12\|g^{-1}\|^2}{\partial\theta} = g^{-1}(x|\Phi)^\top\,\partial g^{-1}(x|\Phi)/\partial\theta` + ' — a derivative in Φ, not in x',
  summary: '(2.3) differentiates the quadratic term in the wrong variable; evaluated literally it is not the gradient',
  severity: 'major',
  notebook: N05,
  demonstrate: () => {
    const s = scalarFlowGradSource23(0.7, 2, 0.5);
    const e = scalarFlowGradExact(0.7, 2, 0.5);
    const fd = scalarFlowGradFD(0.7, 2, 0.5);
    return { source: [r(s.phi), r(s.delta)], exact: [r(e.phi), r(e.delta)], finiteDifference: [r(fd.phi), r(fd.delta)], at: '(x, φ, δ) = (0.7, 2, 0.5), gradient (∂φ, ∂δ)' };
  },
});

registerErratum({
  id: '000-E14',
  source: '000',
  location: '§2, L367, L387',
  sourceForm: '“generator g(x|φ)”; “a⁻¹(xᵢ) is the first-order derivative of a⁻¹ at xᵢ”',
  exactForm: 'g(z|φ); (a⁻¹)′(xᵢ) is the derivative — a⁻¹(xᵢ) is the value of the inverse activation',
  summary: 'typos in the names of the generator’s argument and of the derivative',
  severity: 'minor',
  notebook: N06,
  demonstrate: () => ({ source: { 'a⁻¹(0.7)': r(logit(0.7), 10) }, exact: { "(a⁻¹)′(0.7)": r(logitPrime(0.7), 10) } }),
});

registerErratum({
  id: '000-E15',
  source: '000',
  location: '§2, L391–393, L401',
  sourceForm: String.raw`\nabla\log P(x_i|\delta_i) = -\frac{a^{-1}(x_i)(a^{-1})'(x_i)}{\varphi_{ij}}` + ' (first line) = −a⁻¹(a⁻¹)′/φ² (next line); z_j silently replaced by a⁻¹(xᵢ)/φ_ij',
  exactForm: String.raw`\partial\log P/\partial\delta_i = z_j/\varphi_{ij},\ z_j = (a^{-1}(x_i) - b_{ij} - \delta_i)/\varphi_{ij}`,
  summary: 'inconsistent algebra between consecutive lines; b_ij and δᵢ are dropped from z_j',
  severity: 'major',
  notebook: N06,
  demonstrate: () => ({
    source: { firstLine: r(scalarFlowDeltaGradSourceFirstLine(0.7, 2), 10), secondLine: r(scalarFlowGradSource24(0.7, 2, 0.5).delta, 10) },
    exact: r(scalarFlowGradExact(0.7, 2, 0.5).delta, 10),
    at: '(x, φ, δ) = (0.7, 2, 0.5), 000 O-10',
  }),
});

registerErratum({
  id: '000-E16',
  source: '000',
  location: '§2, L367–429, (2.4) L409, SGD L412–429, algorithm L438–441',
  sourceForm: String.raw`\partial_\varphi = -\tfrac{1}{\varphi}\big(1 + \tfrac{a^{-1}(x)(a^{-1})'(x)}{\varphi}\big),\ \ \partial_\delta = -\tfrac{a^{-1}(x)(a^{-1})'(x)}{\varphi^2}`,
  exactForm: String.raw`\partial_\varphi = (z^2 - 1)/\varphi,\ \ \partial_\delta = z/\varphi,\ \ z = (a^{-1}(x) - b - \delta)/\varphi`,
  summary: 'the element-wise gradients are wrong (even the sign flips); the δ-update does not depend on δ, so SGD has no fixed point and the tutorial training diverges',
  severity: 'major',
  notebook: N06,
  demonstrate: () => {
    const s = scalarFlowGradSource24(0.3, 1, 0);
    const e = scalarFlowGradExact(0.3, 1, 0);
    const xs = scalarFlowData(500, 2, 0.5, rng(16));
    const mle = scalarFlowMle(xs);
    const ex = trainScalarFlow(xs, { form: 'exact', steps: 3000 });
    const so = trainScalarFlow(xs, { form: 'source', steps: 3000 });
    return {
      source: { gradientAtX03: [r(s.phi), r(s.delta)], after3000: [r(so.phi[so.phi.length - 1], 4), r(so.delta[so.delta.length - 1], 4)], meanLogLik: r(so.logLik[so.logLik.length - 1], 4) },
      exact: { gradientAtX03: [r(e.phi), r(e.delta)], after3000: [r(ex.phi[ex.phi.length - 1], 4), r(ex.delta[ex.delta.length - 1], 4)], meanLogLik: r(ex.logLik[ex.logLik.length - 1], 4) },
      closedFormMle: [r(mle.phi, 4), r(mle.delta, 4)],
      note: 'gradients (∂φ, ∂δ) at (x, φ, δ) = (0.3, 1, 0); training: N = 500 points of σ(2z + 0.5), seed 16, γ = 0.01, from (φ, δ) = (1, 0)',
    };
  },
});

registerErratum({
  id: '000-E17',
  source: '000',
  location: '§2, L367–429, (2.4) L409, L418, L427',
  sourceForm: String.raw`\nabla\log P(x_i|\delta_i) = -a^{-1}(x_i)(a^{-1})'(x_i)/\varphi_{ij}^2,\ \forall i`,
  exactForm: 'the formula depends on j, so “∀i” does not define it; the library uses j = i (exact form: ∂log P/∂δ = Φ⁻ᵀz)',
  summary: 'the δ-gradient is ill-defined: it contains φ_ij but is stated for each i only',
  severity: 'minor',
  notebook: N06,
  demonstrate: () => {
    const s = logit(O08.x[0]) * logitPrime(O08.x[0]);
    return { source: { 'j = 1': r(-s / O08.Phi[0][0] ** 2), 'j = 2': r(-s / O08.Phi[0][1] ** 2) }, exact: r(affineSigmoidGradExact(O08.x, O08.Phi, O08.delta).delta[0]), at: 'δ₁ at the 000 O-08 point' };
  },
});

registerErratum({
  id: '000-E18',
  source: '000',
  location: '§2, L455–463',
  sourceForm: 'z = z⁽¹⁾ = z⁽⁰⁾ = f₀(z⁽⁰⁾); x = x⁽ᴷ⁺¹⁾ = x⁽ᴷ⁾; z = x⁽⁰⁾ = f₂⁻¹(x⁽¹⁾)',
  exactForm: 'x⁽ᴷ⁾ = x, x⁽ᵏ⁻¹⁾ = f_k⁻¹(x⁽ᵏ⁾), z = x⁽⁰⁾ = f₁⁻¹(x⁽¹⁾); ∇g⁻¹ = J_{f₁⁻¹}⋯J_{f_K⁻¹} (ordered product)',
  summary: 'inconsistent layer indexing; taken literally the last inverse step applies the wrong layer',
  severity: 'minor',
  notebook: N06,
  demonstrate: () => {
    const f1 = linearFlow(O08.Phi, O08.delta);
    const f2 = sigmoidFlow(2);
    const x1 = f2.inverse(O08.x);
    let literal: unknown;
    try {
      literal = rv(f2.inverse(x1));
    } catch (e) {
      literal = `f₂⁻¹(x⁽¹⁾) fails: ${(e as Error).message.split(' — ')[0]}`;
    }
    return { source: literal, exact: rv(f1.inverse(x1)), at: 'z for the O-13 two-layer flow (f₁ linear, f₂ sigmoid)' };
  },
});

registerErratum({
  id: '000-E19',
  source: '000',
  location: '§2, L467',
  sourceForm: String.raw`\log|\nabla_x g^{-1}| = \sum_k |\nabla_{x^{(k)}} f_k^{-1}|`,
  exactForm: String.raw`\log|\det\nabla_x g^{-1}| = \sum_k \log|\det\nabla_{x^{(k)}} f_k^{-1}(x^{(k)})|`,
  summary: 'the log is missing in the sum of layer determinants',
  severity: 'major',
  notebook: N06,
  demonstrate: () => {
    const g = composeFlows([linearFlow(O08.Phi, O08.delta), sigmoidFlow(2)]);
    const f = finiteFlowLogDetForms(g.traceInverse(O08.x).logDets);
    return { source: r(f.source, 10), exact: r(f.exact, 13), oracle: '000 O-13' };
  },
});

registerErratum({
  id: '000-E20',
  source: '000',
  location: '§2, L447–518, (2.7) L479–487',
  sourceForm: 'per-layer gradients of the same form as (2.4), evaluated at each layer’s own xᵢ⁽ᵏ⁾, with xᵢ⁽ᵏ⁾ = a(φᵢ⁽ᵏ⁾ᵀz + δᵢ⁽ᵏ⁾)',
  exactForm: 'the −½‖z‖² term involves only z = x⁽⁰⁾, reached through the whole inverse chain: ∂L/∂δ_k = −Φ_k⁻ᵀg_{k−1}, ∂L/∂Φ_k = −Φ_k⁻ᵀg_{k−1}x⁽ᵏ⁻¹⁾ᵀ − Φ_k⁻ᵀ (back-propagation, flows.finiteFlowGradExact)',
  summary: 'inherits 000-E16 and ignores the coupling of the layers through the chain',
  severity: 'major',
  notebook: N06,
  demonstrate: () => {
    const x = composeFlows(FINITE_EXAMPLE.map((l) => affineSigmoidFlow(l.Phi, l.delta))).forward([0.4, -0.8]);
    const ex = finiteFlowGradExact(FINITE_EXAMPLE, x);
    const so = finiteFlowGradSource(FINITE_EXAMPLE, x);
    return { source: { 'dΦ₁ (layer 1)': so[0].Phi.map((row) => rv(row, 5)) }, exact: { 'dΦ₁ (layer 1)': ex[0].Phi.map((row) => rv(row, 5)) }, example: 'flows.FINITE_EXAMPLE (K = 3) at x = g((0.4, −0.8))' };
  },
});

registerErratum({
  id: '000-E21',
  source: '000',
  location: '§2, L447–518, epoch updates L495–499 (algorithm box L508–514 is right)',
  sourceForm: String.raw`\delta \leftarrow \delta - \gamma\,\frac{1}{N\varphi^2\sum_v s_v}\sum_v s_v` + ' (the sum typeset inside the denominator)',
  exactForm: String.raw`\delta \leftarrow \delta - \frac{\gamma}{N\varphi^2}\sum_v s_v,\ s_v = a^{-1}(x^{(v)})(a^{-1})'(x^{(v)})`,
  summary: 'read literally, the typeset update collapses to the data-independent step γ/(Nφ²)',
  severity: 'minor',
  notebook: N06,
  demonstrate: () => ({
    source: r(finiteFlowEpochDeltaStep([0.7, 0.3, 0.9, 0.5], 2, 0.1, 'typeset'), 10),
    exact: r(finiteFlowEpochDeltaStep([0.7, 0.3, 0.9, 0.5], 2, 0.1, 'algorithm-box'), 8),
    oracle: '000 O-17 (N = 4, φ = 2, γ = 0.1)',
  }),
});

registerErratum({
  id: '000-E22',
  source: '000',
  location: '§2, L522 (“real RVP”) and (2.8)',
  sourceForm: 'one fixed split z = (z₁; z₂) for every layer',
  exactForm: 'RealNVP (Dinh et al. 2017): the masks (partitions) alternate between layers, otherwise z₁ is never transformed',
  summary: 'name typo, and the alternation of the split is not stated',
  severity: 'minor',
  notebook: N07,
  demonstrate: () => {
    const s = (a: number[]) => [0.5 * a[0]];
    const t = (a: number[]) => [a[0] + 1];
    const z = [0.4, -0.3];
    const fixed = composeFlows([couplingLayer([1, 0], s, t), couplingLayer([1, 0], s, t)]).forward(z);
    const alt = composeFlows([couplingLayer([1, 0], s, t), couplingLayer([0, 1], s, t)]).forward(z);
    return { source: { x: rv(fixed), 'x₁ = z₁': fixed[0] === z[0] }, exact: { x: rv(alt), 'x₁ = z₁': alt[0] === z[0] }, z };
  },
});

registerErratum({
  id: '000-E23',
  source: '000',
  location: '§2, L536–544, (2.10)',
  sourceForm: String.raw`\text{“2x2 Jacobian”};\ |\nabla f_k^{-1}| = \exp(-s_k(x_1))`,
  exactForm: String.raw`\text{block-triangular};\ \det\nabla f_k^{-1} = \exp\!\big(-\textstyle\sum_j s_{k,j}(x_1)\big)`,
  summary: 'for vector s the determinant is the exponential of minus the SUM of its entries (the source’s expression is a vector)',
  severity: 'minor',
  notebook: N07,
  demonstrate: () => {
    const f = couplingLayer([1, 1, 0, 0], () => [0.1, 0.2], () => [0, 0]);
    return { source: rv([Math.exp(-0.1), Math.exp(-0.2)], 10), exact: r(Math.exp(f.logDetInverse([0.3, -1, 2, 0.5])), 13), oracle: '000 O-15' };
  },
});

registerErratum({
  id: '000-E24',
  source: '000',
  location: '§2, L548 (display below (2.10))',
  sourceForm: String.raw`\log P(x|\Phi) = +\tfrac n2\log 2\pi - \tfrac12\|g^{-1}(x)\|^2 - \sum_k s_k(x_1^{(k)})` + ' (lines 2–3)',
  exactForm: String.raw`\log P(x|\Phi) = -\tfrac n2\log 2\pi - \tfrac12\|g^{-1}(x)\|^2 - \sum_k\sum_j s_{k,j}(x_1^{(k)})`,
  summary: 'the sign of (n/2)log 2π flips between lines',
  severity: 'major',
  notebook: N07,
  demonstrate: () => {
    const f = realNvpLogLikForms(2, 1.25, 0.15);
    return { source: r(f.source, 13), exact: r(f.exact, 13), oracle: '000 O-14' };
  },
});

registerErratum({
  id: '000-E25',
  source: '000',
  location: '§2, L550–552',
  sourceForm: String.raw`(\Phi_s^{(k)})^* = \operatorname{optimize}\ s_k(x_1|\Phi_s^{(k)}),\ (\Phi_t^{(k)})^* = \operatorname{optimize}\ t_k(\cdot)` + ' (separately)',
  exactForm: 's_k and t_k are trained jointly by maximising log P(x|Φ); t_k enters only through −½‖g⁻¹(x)‖², s_k through both terms',
  summary: 'the networks are not optimised separately: maximising −Σs alone has no optimum',
  severity: 'minor',
  notebook: N07,
  demonstrate: () => {
    const p = { Ws: [[0]], bs: [0.2], Wt: [[0]], bt: [0.1] };
    const g = linearCouplingGrad([1, 0], p, [0.3, 1.4]);
    return { source: { '∂(−Σs)/∂b_s': -1 }, exact: { '∂log P/∂b_s': r(g.bs[0], 8), '∂log P/∂b_t': r(g.bt[0], 8) }, note: 'one coupling layer, s = b_s, t = b_t, x = (0.3, 1.4)' };
  },
});

// ------------------------------------------------------------------------------------------------------------- 001 §5
registerErratum({
  id: '001-E51',
  kind: 'gap',
  source: '001',
  location: '§5.4, Steps 5.4(a)',
  sourceForm: '“to have a unique value we want 1 + β/(α + r) ≥ 0”, i.e. β ≥ −α (a non-negative factor removes the absolute value)',
  exactForm: 'uniqueness of r needs r ↦ r(1 + β/(α + r)) strictly increasing on r ≥ 0: its derivative is 1 + αβ/(α + r)², > 0 for r > 0 iff β ≥ −α (at β = −α it vanishes only at r = 0); for β < −α two radii share one ρ',
  summary: 'the argument shows a non-negative factor, not injectivity; the conclusion β ≥ −α is right but needs strict monotonicity',
  severity: 'minor',
  notebook: INV,
  demonstrate: () => {
    const at = radialInvertibility(1, -1);
    const below = radialInvertibility(1, -2);
    return {
      source: { 'factor ≥ 0 at β = −α': at.sourceCondition, 'factor ≥ 0 at β = −2α': below.sourceCondition },
      exact: { 'min ρ′ at β = −α': at.minDerivative, 'strictly increasing at β = −α': at.strictlyIncreasing, 'β = −2α: radii with equal ρ': below.counterExample },
      alpha: 1,
    };
  },
});

registerErratum({
  id: '001-E52',
  kind: 'gap',
  source: '001',
  location: '§5.4, Steps 5.4(a) (“Because r > 0”)',
  sourceForm: 'r > 0',
  exactForm: 'r = ‖z − z₀‖ ≥ 0; r = 0 (z = z₀) must be covered: g(z₀) = z₀ and the inverse maps ρ = 0 back to z₀',
  summary: 'the case z = z₀ is excluded by the strict inequality',
  severity: 'minor',
  notebook: INV,
  demonstrate: () => {
    const p = { z0: [0.3, -0.2], alpha: 1, beta: 0.5 };
    return { source: 'r > 0: z = z₀ not covered', exact: { 'g(z₀)': radialMap(p, p.z0), 'g⁻¹(z₀)': radialInverse(p, p.z0) } };
  },
});

registerErratum({
  id: '001-E53',
  kind: 'gap',
  source: '001',
  location: '§5.1, Steps 5.1',
  sourceForm: 'g(−(c+1)/b) = g(−(c+2)/b) = 0, so g is not injective',
  exactForm: 'the two points exist only for b ≠ 0 (and the claim needs a ≠ 0 to be about ReLU at all); for b = 0 g is constant — still not invertible; for b < 0 the two points lie on the flat side as well',
  summary: 'the witness divides by b',
  severity: 'minor',
  notebook: INV,
  demonstrate: () => {
    const flat = checkInvertibility1D(reluMap(2, 0, -1).g, [-3, 3]);
    return { source: 'z = −(c+1)/b is undefined for b = 0', exact: { 'b = 0, c = −1: collision': flat.collision } };
  },
});

// ------------------------------------------------------------------------------------------------------------- 002 §9
registerErratum({
  id: '002-E40',
  source: '002',
  location: '§9.1, (9.1.2), L1379',
  sourceForm: String.raw`p_X(x) = p_U(f^{-1}(x))\,|\det \mathbf J(f^{-1}(x))|` + ' with J(·) the Jacobian of f (9.1.3), here evaluated at the point f⁻¹(x)',
  exactForm: String.raw`p_X(x) = p_U(f^{-1}(x))\,|\det \mathbf J_{f^{-1}}(x)| = p_U(u)\,|\det\mathbf J_f(u)|^{-1},\ u = f^{-1}(x)`,
  summary: 'the notation reads as the Jacobian of f at f⁻¹(x); it must be the Jacobian of f⁻¹ at x (the inverse of J_f at u)',
  severity: 'minor',
  notebook: STA,
  demonstrate: () => {
    const u = 1; // x = e, f = exp
    const literal = normalPdf(u) * Math.abs(jacobianFD((v) => [Math.exp(v[0])], [u])[0][0]);
    return { source: r(literal, 6), exact: r(flowDensity(expFlow(), [Math.E]), 6), at: 'x = exp(u), u ~ N(0,1), at x = e (002 D14: φ(1)/e)' };
  },
});

/** Errata cells: the shared errata table (src/errata), re-exported so notebooks can call `flows.showErrata([...])`. */
export { showErrata } from '../errata/registry';

/** The FD-checked three-way comparison for O-08 used by the notebooks: exact, source (2.4) and finite differences of ∂log P/∂Φ. */
export function o09Comparison(): { exact: number[][]; source: number[][]; finiteDifference: number[][] } {
  return {
    exact: affineSigmoidGradExact(O08.x, O08.Phi, O08.delta).Phi,
    source: affineSigmoidGradSource(O08.x, O08.Phi).Phi,
    finiteDifference: affineSigmoidGradFD(O08.x, O08.Phi, O08.delta).Phi,
  };
}

registerErratum({
  id: '000-E70',
  source: '000',
  location: '§2, L447–518, finite NF with xᵢ⁽ᵏ⁾ = a(φᵢ⁽ᵏ⁾ᵀz + δᵢ⁽ᵏ⁾) in every layer (L447–518)',
  sourceForm: 'every layer an invertible sigmoid layer, g = f_K ∘ … ∘ f₁ “invertible” on X = Z = ℝⁿ',
  exactForm: 'each sigmoid layer maps ℝⁿ onto (0, 1)ⁿ, so for K ≥ 2 the image of g is a proper subset of (0, 1)ⁿ: g is not onto X and log P(x) = −∞ for data outside the image, which MLE cannot handle',
  summary: 'the composition of sigmoid layers is not a bijection onto the sample space (found while implementing; not in the inventory)',
  severity: 'major',
  notebook: N06,
  demonstrate: () => {
    return { source: 'image = (0, 1)² (fraction 1)', exact: { 'fraction of (0,1)² in the image of FINITE_EXAMPLE': finiteFlowImageFraction(FINITE_EXAMPLE, 4000, rng(70)) } };
  },
});
