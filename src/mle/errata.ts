/**
 * Errata of the BASICS sections of source 000 (§1 E01–E10; Appendix A1 E60–E61; Appendix A2 E62–E65) and of source 002
 * App. A (002-E61), each with a numerical demonstration computed by this library (source form vs exact form). Ids follow
 * the 000 inventory §5.2 and the 002 inventory.
 */
import { registerErratum } from '../errata';
import { js, entropy, kl } from '../info/measures';
import { jsUpperBound, jsUpperBoundSource, triangleInequality, JS_COUNTER_EXAMPLE } from '../info/bounds';
import { sigmoidDerivative, sigmoidDerivativeSource, neuronSgdStep } from '../backprop/activations';
import { gaussianLik, gaussianLogLik, gaussianLogLikGradOutput, gaussianLikGradOutput, bernoulliSgd, errorMoments, expectedObjective } from './likelihood';
import { bpSgdStep, mlpForward, outputLogLik, Mlp } from '../backprop/mlp';
import { fvsbnParameters } from '../counting';

const r = (x: number, d = 8) => Number(x.toFixed(d));
const N01 = 'nguyen-tutorial/01-mle-and-sgd.ipynb';
const N02 = 'nguyen-tutorial/02-bernoulli-and-error-moments.ipynb';
const N03 = 'nguyen-tutorial/03-entropy-kl-js.ipynb';
const N04 = 'nguyen-tutorial/04-backpropagation.ipynb';

/** The 2-2-1 network of oracle 000 O-42 (x = (0.5, 0.8), v = 1, γ = 0.5). */
export const A1_EXAMPLE: { net: Mlp; input: number[]; target: number[]; gamma: number } = {
  net: { W: [[[0.4, -0.2], [0.3, 0.1]], [[0.6], [-0.4]]], theta: [[0.1, -0.1], [0.05]] },
  input: [0.5, 0.8],
  target: [1],
  gamma: 0.5,
};

// ------------------------------------------------------------------------------------------------------------ §1
registerErratum({
  id: '000-E01',
  source: '000',
  location: '§1, L54–56',
  sourceForm: 'after setting μ = 0, σ² = 1 the density still reads exp(−‖g − x − μ‖²/2)',
  exactForm: 'exp(−‖g − x‖²/2) (drop μ)',
  summary: 'a leftover μ; harmless since μ = 0',
  severity: 'minor',
  notebook: N01,
  demonstrate: () => ({ source: r(gaussianLogLik([1, 2], [1.5, 1.5], { mu: 0 })), exact: r(gaussianLogLik([1, 2], [1.5, 1.5])), note: 'identical at μ = 0' }),
});

registerErratum({
  id: '000-E02',
  source: '000',
  location: 'L80, 236, 648, 660, 750, 754, 989, 991',
  sourceForm: '"armin", "armax"',
  exactForm: 'argmin, argmax',
  summary: 'typo',
  severity: 'minor',
  notebook: N01,
  demonstrate: () => ({ source: 'armax', exact: 'argmax' }),
});

registerErratum({
  id: '000-E03',
  source: '000',
  location: '§1, L86–96, L118–130',
  sourceForm: 'Φ ← Φ + γ∇P(x|Φ,z), called gradient descent, ∇P said to be the gradient of the log-likelihood',
  exactForm: 'gradient ASCENT Φ ← Φ + γ∇log P; ∇P = P·∇log P, so the likelihood form scales the step by P',
  summary: 'likelihood vs log-likelihood gradient; ascent, not descent',
  severity: 'minor',
  notebook: N01,
  demonstrate: () => {
    const x = [1, 2];
    const g = [1.5, 1.5];
    return { source: gaussianLikGradOutput(x, g).map((v) => r(v)), exact: gaussianLogLikGradOutput(x, g), stepRatio: r(1 / gaussianLik(x, g), 4), oracle: '000 O-07' };
  },
});

registerErratum({
  id: '000-E04',
  kind: 'remark',
  source: '000',
  location: '§1, L108',
  sourceForm: 'error ε = −P(x|Φ,z)',
  exactForm: 'valid but ill-conditioned (its gradient is P·∇log P, tiny where P is small); ε = −log P is what is used later',
  summary: 'the likelihood as an error',
  severity: 'minor',
  notebook: N01,
  demonstrate: () => {
    const x = [1, 2];
    const g = [4, -1];
    return { source: gaussianLikGradOutput(x, g).map((v) => Number(v.toPrecision(4))), exact: gaussianLogLikGradOutput(x, g), note: 'gradients of −ε at g = (4, −1), x = (1, 2)' };
  },
});

registerErratum({
  id: '000-E05',
  source: '000',
  location: '§1, L116–124 (and A1)',
  sourceForm: 'update the output-layer weights by SGD first, then backpropagate to the hidden weights "based on such determined sub-weights"',
  exactForm: 'compute every delta with the pre-update weights, then update all weights (A1.3)',
  summary: 'order of updates changes the hidden deltas',
  severity: 'MAJOR',
  notebook: N04,
  demonstrate: () => {
    const { net, input, target, gamma } = A1_EXAMPLE;
    return {
      source: bpSgdStep(net, input, target, gamma, { order: 'source' }).deltas[0].map((v) => r(v)),
      exact: bpSgdStep(net, input, target, gamma).deltas[0].map((v) => r(v)),
      oracle: '000 O-44 (δ_h of the O-42 network)',
    };
  },
});

registerErratum({
  id: '000-E06',
  source: '000',
  location: '§1 L196–206 (repeated L977–985, L1323–1331, L1589–1595)',
  sourceForm: "a'(o) ≅ a(y)(1 − a(y)) = a(a(o))(1 − a(a(o))) \"in practice\"",
  exactForm: "a'(o) = y(1 − y) exactly; the source form applies the sigmoid twice (5.5× too large at o = −3)",
  summary: 'the "practical" sigmoid derivative is wrong',
  severity: 'MAJOR',
  notebook: N01,
  demonstrate: () => ({
    source: { at0: r(sigmoidDerivativeSource(0)), atMinus3: r(sigmoidDerivativeSource(-3)), step: neuronSgdStep([0.5, -0.25], [1, 2], 1, 0.1, 'tutorial').w.map((v) => r(v)) },
    exact: { at0: sigmoidDerivative(0), atMinus3: r(sigmoidDerivative(-3)), step: neuronSgdStep([0.5, -0.25], [1, 2], 1, 0.1, 'exact').w.map((v) => r(v)) },
    oracle: '000 O-01, O-02',
  }),
});

registerErratum({
  id: '000-E07',
  source: '000',
  location: '§1, L222–228',
  sourceForm: 'Φ ← Φ + γ(N(x) − NΦ)/(Φ(1 − Φ)) with 0 < γ ≤ 1',
  exactForm: 'the gradient is summed over N trials and unbounded near 0 and 1: average it (÷N), clip to (0,1) or use a tiny γ',
  summary: 'the Bernoulli SGD leaves (0, 1)',
  severity: 'MAJOR',
  notebook: N02,
  demonstrate: () => ({
    source: bernoulliSgd(0.5, 10, 7, 0.05, 2, 'source').trajectory.map((v) => r(v)),
    exact: bernoulliSgd(0.5, 10, 7, 0.05, 2, 'averaged').trajectory.map((v) => r(v)),
    note: 'N = 10, N(x) = 7, γ = 0.05; the averaged form converges to 0.7',
  }),
});

registerErratum({
  id: '000-E08',
  source: '000',
  location: '§1, L236–240 (also L989–997)',
  sourceForm: 'Φ* = argmax E(P(x|Φ,z) | P(d)), an expected likelihood',
  exactForm: 'the expected LOG-likelihood E[log P(x|Φ,z)], consistent with (1.5)',
  summary: 'expected likelihood vs expected log-likelihood',
  severity: 'minor',
  notebook: N02,
  demonstrate: () => {
    // two data points with likelihoods of very different size: the expected likelihood ignores the badly fitted one
    const ll = [gaussianLogLik([0], [0.1]), gaussianLogLik([0], [3])];
    return { source: r(expectedObjective(ll, [1, 1], 'source')), exact: r(expectedObjective(ll, [1, 1], 'exact')), note: 'residuals 0.1 and 3, m = 1, equal weights' };
  },
});

registerErratum({
  id: '000-E09',
  source: '000',
  location: '§1, L263 (1.6)',
  sourceForm: 'σ̂² = (1/N) Σᵢ ‖g(z⁽ⁱ⁾) − x⁽ⁱ⁾ − μ̂‖²',
  exactForm: 'for the density (2πσ²)^(−m/2) exp(−‖·‖²/(2σ²)) the MLE is (1/(N m)) Σᵢ ‖·‖²; equal only when m = 1',
  summary: 'the variance estimate is m times too large',
  severity: 'MAJOR',
  notebook: N02,
  demonstrate: () => {
    const G = [[1, 2], [0, 1], [2, 2]];
    const X = [[0, 1], [0, 0], [1, 3]];
    return { source: r(errorMoments(G, X, 'source').sigma2), exact: r(errorMoments(G, X, 'exact').sigma2), oracle: '000 O-06' };
  },
});

registerErratum({
  id: '000-E10',
  kind: 'gap',
  source: '000',
  location: '§1, L265',
  sourceForm: 'estimating μ̂, σ̂² dynamically makes generation "more diverse"',
  exactForm: 'g is deterministic and the source never says how μ̂, σ̂² enter generation; one reading is x′ = g(z) − μ̂ + σ̂ε, ε ~ N(0, I) (an interpretation)',
  summary: 'a conceptual gap: how the error moments generate data',
  severity: 'minor',
  notebook: N02,
  demonstrate: () => {
    const G = [[1, 2], [0, 1], [2, 2]];
    const X = [[0, 1], [0, 0], [1, 3]];
    const e = errorMoments(G, X, 'exact');
    return { source: 'spread of g(z) alone: 0 (deterministic)', exact: `added noise σ̂ = ${r(Math.sqrt(e.sigma2), 6)} per coordinate` };
  },
});

// ------------------------------------------------------------------------------------------------------------ A1
registerErratum({
  id: '000-E60',
  source: '000',
  location: 'A1, L1421',
  sourceForm: 'log P(y_o) = −½π − ½(y_o − v_o)²',
  exactForm: 'log P(y_o) = −½log(2π) − ½(y_o − v_o)²',
  summary: 'wrong normalising constant',
  severity: 'minor',
  notebook: N04,
  demonstrate: () => {
    const { net, input, target } = A1_EXAMPLE;
    const y = mlpForward(net, input).y[2];
    return { source: outputLogLik(y, target, 'source'), exact: outputLogLik(y, target, 'exact'), oracle: '000 O-43' };
  },
});

registerErratum({
  id: '000-E61',
  source: '000',
  location: 'A1, L1515, L1523–1575, L1545',
  sourceForm: 'Σ_n (for Σ_o); "∇θ_h ε = dε/dθ_h f′(x_h)"; hidden update "at output neuron"',
  exactForm: 'Σ_o; ∇θ_h ε = (dε/dy_h) f′(x_h); the update of a hidden neuron',
  summary: 'typos in the hidden-layer derivation',
  severity: 'minor',
  notebook: N04,
  demonstrate: () => {
    const { net, input, target, gamma } = A1_EXAMPLE;
    const s = bpSgdStep(net, input, target, gamma);
    return { source: 'dε/dθ_h (undefined recursion)', exact: s.deltas[0].map((v) => r(-v)), note: '∂ε/∂θ_h = −δ_h for the 2-2-1 network of nguyen-tutorial/04' };
  },
});

// ------------------------------------------------------------------------------------------------------------ A2
registerErratum({
  id: '000-E62',
  source: '000',
  location: 'A2, L1651, L1661–1663',
  sourceForm: 'JS is a "real metric": D_JS(P‖R) < D_JS(P‖Q) + D_JS(Q‖R)',
  exactForm: 'JS is not a metric (the triangle inequality fails); √JS (the JS distance) is one, with ≤ rather than <',
  summary: 'JS is not a metric: 0.693 > 0.432',
  severity: 'MAJOR',
  notebook: N03,
  demonstrate: () => {
    const { P, Q, R } = JS_COUNTER_EXAMPLE;
    const t = triangleInequality('js', P, Q, R);
    const d = triangleInequality('jsDistance', P, Q, R);
    return { source: { 'JS(P,R)': r(t.direct), 'JS(P,Q)+JS(Q,R)': r(t.viaQ), holds: t.holds }, exact: { '√JS(P,R)': r(d.direct), '√JS(P,Q)+√JS(Q,R)': r(d.viaQ), holds: d.holds }, oracle: '000 O-46' };
  },
});

registerErratum({
  id: '000-E63',
  source: '000',
  location: 'A2, L1669',
  sourceForm: 'JS is bounded in [0, 1] (with the natural logarithm of (A2.1))',
  exactForm: 'in nats the bound is ln 2 ≈ 0.693147; it is 1 only in bits',
  summary: 'JS bound in nats is ln 2',
  severity: 'minor',
  notebook: N03,
  demonstrate: () => ({ source: jsUpperBoundSource(), exact: jsUpperBound(), maxAttained: js([1, 0], [0, 1]), inBits: jsUpperBound({ base: 'bits' }), oracle: '000 O-46, O-47' }),
});

registerErratum({
  id: '000-E64',
  source: '000',
  location: 'A2, L1647',
  sourceForm: '"if P(x) is 0 for all x then Q(x) must be 0 for all x"',
  exactForm: 'finite KL(P‖Q) needs Q(x) = 0 ⇒ P(x) = 0 (P absolutely continuous w.r.t. Q)',
  summary: 'the support condition of KL is garbled',
  severity: 'minor',
  notebook: N03,
  demonstrate: () => ({ source: kl([0.5, 0.5], [1, 0]), exact: r(kl([1, 0], [0.5, 0.5])), note: 'KL((½,½)‖(1,0)) = ∞, KL((1,0)‖(½,½)) = ln 2' }),
});

registerErratum({
  id: '000-E65',
  source: '000',
  location: 'A2, L1599',
  sourceForm: 'entropy is minus the expected value of the logarithm of x',
  exactForm: 'H = −E[ln P(x)], the expected information of P(x), not of x',
  summary: 'entropy of P(x), not of x',
  severity: 'minor',
  notebook: N03,
  demonstrate: () => {
    // X uniform on {1, 2, 3}: −E[ln x] vs −E[ln P(x)]
    const xs = [1, 2, 3];
    return { source: r(-xs.reduce((s, x) => s + Math.log(x) / 3, 0)), exact: r(entropy([1 / 3, 1 / 3, 1 / 3])), note: 'X uniform on {1, 2, 3}' };
  },
});

// ------------------------------------------------------------------------------------------------------ 002 App. A
registerErratum({
  id: '002-E61',
  source: '002',
  location: 'App. A, L1697',
  sourceForm: '"tight asymptotic tight bound"; Corollary A.1.1 uses Ω without defining it',
  exactForm: 'f ∈ Ω(g) iff f(p) ≥ c·g(p) for some c > 0 and all large p; Θ = O ∩ Ω',
  summary: 'Big-Ω is used but never defined',
  severity: 'minor',
  notebook: 'sta4124/15-appendix-parameter-counting.ipynb',
  demonstrate: () => ({ source: 'Ω undefined', exact: `FVSBN(p)/p² → ½ (p = 10⁴: ${r(fvsbnParameters(10000) / 1e8, 6)}), so FVSBN ∈ Θ(p²)` }),
});

/** Show the given errata (ids such as '000-E06') as a table with their demonstrations (the shared errata cell). */
export { showErrata } from '../errata';
