/**
 * Exercises of the BASICS notebooks (ids `basics.*`): nguyen-tutorial 00–04 and 15, sta4124 00 and 15, dgm-notes 00.
 * Every reference answer is computed with this library (constants only where a source states them).
 */
import { exerciseGroup } from '../exercises';
import { normalLogPdf } from '../core/gaussian';
import { rng } from '../core/rng';
import { logAddExp, mean, variance } from '../core/special';
import { entropy, kl, js, klGaussian } from '../info/measures';
import { jsUpperBound, triangleInequality, JS_COUNTER_EXAMPLE } from '../info/bounds';
import { sigmoidDerivative, sigmoidDerivativeSource, neuronSgdStep } from '../backprop/activations';
import { gaussianLogLik, gaussianLik, bernoulliGrad, bernoulliMle, bernoulliSgd, errorMoments } from './likelihood';
import { leastSquaresLinearGenerator } from './sgd';
import { bpSgdStep, mlpForward, outputLogLik, initMlp, trainMlp, epochsToReach, XOR } from '../backprop/mlp';
import { fullJointParameters, fullJointParametersBig, bayesNetParameters, fvsbnParameters, nadeParameters, STUDENT_NETWORK } from '../counting';
import { A1_EXAMPLE } from './errata';

const n00 = exerciseGroup({ notebook: 'nguyen-tutorial/00-orientation.ipynb' });
const n01 = exerciseGroup({ notebook: 'nguyen-tutorial/01-mle-and-sgd.ipynb' });
const n02 = exerciseGroup({ notebook: 'nguyen-tutorial/02-bernoulli-and-error-moments.ipynb' });
const n03 = exerciseGroup({ notebook: 'nguyen-tutorial/03-entropy-kl-js.ipynb' });
const n04 = exerciseGroup({ notebook: 'nguyen-tutorial/04-backpropagation.ipynb' });
const n15 = exerciseGroup({ notebook: 'nguyen-tutorial/15-errata-workbook.ipynb' });
const s00 = exerciseGroup({ notebook: 'sta4124/00-setup-and-conventions.ipynb' });
const s15 = exerciseGroup({ notebook: 'sta4124/15-appendix-parameter-counting.ipynb' });
const d00 = exerciseGroup({ notebook: 'dgm-notes/00-setup.ipynb' });

// ------------------------------------------------------------------------------------------------------- 000 NB00
n00.byHand({
  id: 'basics.orient.density',
  title: 'P(x) at x for the generator g(z) = a·z + c with z ~ N(0, 1) (to 4 significant figures)',
  source: '000 §1, L38–48, (1.1)',
  params: { a: { default: 2, min: 0.01, max: 100 }, c: { default: 1, min: -100, max: 100 }, x: { default: 1, min: -100, max: 100 } },
  reference: ({ a, c, x }) => Math.exp(normalLogPdf(x, c, a)),
  sigFigs: 4,
  hints: ['x = a z + c with z standard normal is normal with mean c and standard deviation a.', 'Evaluate the N(c, a²) density at x.'],
});

const FAMILIES = ['NF', 'PixelRNN', 'VAE', 'RBM', 'GAN'];
n00.set({
  id: 'basics.orient.tractable',
  title: 'Which of NF, PixelRNN, VAE, RBM, GAN are tractable-density models (Fig 1.1)?',
  source: '000 §1 (L269–275), Fig 1.1',
  reference: () => FAMILIES.filter((f) => f === 'NF' || f === 'PixelRNN'),
  hints: ['Tractable density: log P(x) can be evaluated exactly.', 'VAE and Boltzmann machines only approximate it; GAN defines no density.'],
});

n00.choice({
  id: 'basics.orient.implicit',
  title: 'Which family has an implicit density?',
  source: '000 §1, L269–275, Fig 1.1',
  reference: () => 'GAN',
  options: FAMILIES,
  hints: ['Which model can only sample, never evaluate P(x)?'],
});

// ------------------------------------------------------------------------------------------------------- 000 NB01
n01.byHand({
  id: 'basics.mle.gauss-loglik',
  title: 'log P(x|Φ,z) for x = (1, 2), g(z|Φ) = (1.5, 1.5), μ = 0, σ² = 1 (to 4 significant figures)',
  source: '000 §1, L50–82, (1.2)',
  reference: () => gaussianLogLik([1, 2], [1.5, 1.5]),
  sigFigs: 4,
  hints: ['log P = −(m/2) log(2π) − ½‖g − x‖² with m = 2.'],
});

n01.number({
  id: 'basics.mle.sigmoid-derivative',
  title: "The exact sigmoid derivative a'(o) = y(1 − y)",
  source: '000 §1, L194–196',
  params: { o: { default: 0, min: -50, max: 50 } },
  reference: ({ o }) => sigmoidDerivative(o),
  tolerance: { abs: 1e-9, rel: 1e-9 },
  hints: ['y = 1/(1 + e^(−o)); at o = 0, y = ½.'],
});

n01.vector({
  id: 'basics.mle.sgd-step',
  title: "One SGD step w + γ(x − g)a'(o) i on a sigmoid neuron (w = (0.5, −0.25), i = (1, 2), x = 1, γ = 0.1)",
  source: '000 §1, L176, L190',
  params: { variant: { default: 'exact', options: ['exact', 'tutorial', 'unit'] } },
  reference: ({ variant }) => neuronSgdStep([0.5, -0.25], [1, 2], 1, 0.1, variant as 'exact').w,
  tolerance: { abs: 1e-7, length: 2 },
  hints: ['o = wᵀi = 0, so g = ½.', "The exact derivative at o = 0 is ¼; the tutorial form is σ(½)(1 − σ(½))."],
});

n01.number({
  id: 'basics.mle.step-ratio',
  title: 'By what factor is the ∇log P step larger than the ∇P step at the point of Exercise 1?',
  source: '000 §1, L84–118 (erratum 000-E03)',
  reference: () => 1 / gaussianLik([1, 2], [1.5, 1.5]),
  tolerance: { abs: 1e-4, rel: 1e-9 },
  hints: ['∇P = P ∇log P.'],
});

n01.vector({
  id: 'basics.mle.least-squares',
  title: 'Least-squares (= MLE) linear generator x = wz + c for z = (0, 1, 2), x = (1, 3, 5): give [w, c]',
  source: '000 (1.2) for a linear g',
  reference: () => {
    const g = leastSquaresLinearGenerator([[0], [1], [2]], [[1], [3], [5]]);
    return [g.W[0][0], g.c[0]];
  },
  tolerance: { abs: 1e-6, length: 2 },
  hints: ['The three points lie on one line.'],
});

// ------------------------------------------------------------------------------------------------------- 000 NB02
n02.number({
  id: 'basics.bern.grad',
  title: 'The Bernoulli log-likelihood gradient (N(x) − NΦ)/(Φ(1 − Φ)) for N = 10, N(x) = 7',
  source: '000 §1, L220–222',
  params: { phi: { default: 0.5, min: 0.001, max: 0.999 } },
  reference: ({ phi }) => bernoulliGrad(phi, 10, 7),
  tolerance: { abs: 1e-9, rel: 1e-9 },
  hints: ['At Φ = ½ the denominator is ¼.'],
});

n02.number({
  id: 'basics.bern.argmax',
  title: 'The maximiser Φ* of the Bernoulli log-likelihood',
  source: '000 §1, L208–230',
  params: { N: { default: 10, min: 1, max: 1e6, integer: true }, Nx: { default: 7, min: 0, max: 1e6, integer: true } },
  reference: ({ N, Nx }) => bernoulliMle(N, Nx),
  tolerance: { abs: 1e-9, rel: 1e-9 },
  hints: ['Set the gradient to zero.'],
});

n02.number({
  id: 'basics.bern.escape-step',
  title: 'At which step does the source update (γ = 0.05, Φ₀ = 0.5, N = 10, N(x) = 7) leave (0, 1)?',
  source: '000 §1, L226–228 (erratum 000-E07)',
  reference: () => bernoulliSgd(0.5, 10, 7, 0.05, 100, 'source').escapedAt as number,
  tolerance: { abs: 0 },
  hints: ['Step 1: 0.5 + 0.05·8.', 'Compute the gradient at the new point.'],
});

const G6 = [[1, 2], [0, 1], [2, 2]];
const X6 = [[0, 1], [0, 0], [1, 3]];
n02.byHand({
  id: 'basics.moments.sigma2',
  title: 'σ̂² of (1.6) for G = [[1,2],[0,1],[2,2]], X = [[0,1],[0,0],[1,3]] (to 4 significant figures)',
  source: '000 §1, L244–267, (1.6) (erratum 000-E09)',
  params: { form: { default: 'exact', options: ['source', 'exact'] } },
  reference: ({ form }) => errorMoments(G6, X6, form as 'exact').sigma2,
  sigFigs: 4,
  hints: ['Errors εᵢ = gᵢ − xᵢ: (1,1), (0,1), (1,−1); μ̂ = (2/3, 1/3).', 'Source form: divide the summed squared deviations by N; exact: by N·m.'],
});

// ------------------------------------------------------------------------------------------------------- 000 NB03
n03.number({
  id: 'basics.info.kl',
  title: 'KL(P‖Q) in nats for P = (0.5, 0.5), Q = (0.9, 0.1)',
  source: '000 A2, (A2.1)',
  params: { reverse: { default: false, description: 'true: KL(Q‖P)' } },
  reference: ({ reverse }) => (reverse ? kl([0.9, 0.1], [0.5, 0.5]) : kl([0.5, 0.5], [0.9, 0.1])),
  tolerance: { abs: 1e-7, rel: 1e-9 },
  hints: ['KL(P‖Q) = Σ P ln(P/Q).'],
});

n03.byHand({
  id: 'basics.info.entropy',
  title: 'H(0.9, 0.1) in nats (to 4 significant figures)',
  source: '000 A2, L1599–1607',
  reference: () => entropy([0.9, 0.1]),
  sigFigs: 4,
  hints: ['H = −Σ P ln P.'],
});

n03.boolean({
  id: 'basics.info.js-triangle',
  title: 'Does JS(P,R) ≤ JS(P,Q) + JS(Q,R) hold for P = (1,0), Q = (½,½), R = (0,1)?',
  source: '000 A2, L1661–1663 (erratum 000-E62)',
  reference: () => triangleInequality('js', JS_COUNTER_EXAMPLE.P, JS_COUNTER_EXAMPLE.Q, JS_COUNTER_EXAMPLE.R).holds,
  hints: ['JS(P,R) = ln 2 because the supports are disjoint.', 'Compute JS(P,Q) with M = (¾, ¼).'],
});

n03.byHand({
  id: 'basics.info.js-max',
  title: 'The largest possible JS divergence in the given unit (to 4 significant figures)',
  source: '000 A2, L1669 (erratum 000-E63)',
  params: { unit: { default: 'nats', options: ['nats', 'bits'] } },
  reference: ({ unit }) => jsUpperBound({ base: unit as 'nats' }),
  sigFigs: 4,
  hints: ['Take P and Q with disjoint supports: M = (P + Q)/2 puts half the mass of each.'],
});

n03.byHand({
  id: 'basics.info.kl-gauss',
  title: 'KL(N(1, 4) ‖ N(0, 1)) in nats (to 4 significant figures)',
  source: '000 A2, (A2.1) with the Gaussian closed form (000 §3, L790–854)',
  reference: () => klGaussian(1, 2, 0, 1),
  sigFigs: 4,
  hints: ['KL(N(μ₁,σ₁²)‖N(μ₂,σ₂²)) = ln(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½.'],
});

// ------------------------------------------------------------------------------------------------------- 000 NB04
n04.byHand({
  id: 'basics.bp.delta-output',
  title: 'δ_o = (v_o − y_o) f′(x_o) for the 2-2-1 network of the worked example (to 4 significant figures)',
  source: '000 A1, (A1.1)',
  reference: () => bpSgdStep(A1_EXAMPLE.net, A1_EXAMPLE.input, A1_EXAMPLE.target, A1_EXAMPLE.gamma).deltas[1][0],
  sigFigs: 4,
  hints: ['y_o = 0.55997807…; f′(x_o) = y_o(1 − y_o).'],
});

n04.vector({
  id: 'basics.bp.delta-hidden',
  title: 'The hidden deltas δ_h = (Σ_o w_ho δ_o) f′(x_h)',
  source: '000 A1, (A1.2), (A1.4) (exact order; the order printed in the source is erratum 000-E05)',
  params: { order: { default: 'exact', options: ['exact', 'source'] } },
  reference: ({ order }) => bpSgdStep(A1_EXAMPLE.net, A1_EXAMPLE.input, A1_EXAMPLE.target, A1_EXAMPLE.gamma, { order: order as 'exact' }).deltas[0],
  tolerance: { abs: 1e-7, length: 2 },
  hints: ['Use w_ho = (0.6, −0.4) before the update (exact order).', 'y_h = (0.63181242, 0.47003595).'],
});

n04.byHand({
  id: 'basics.bp.loglik-gap',
  title: 'The source log P(y_o) minus the exact one (E60), for any y_o (to 4 significant figures)',
  source: '000 A1, L1421 (erratum 000-E60)',
  reference: () => {
    const y = mlpForward(A1_EXAMPLE.net, A1_EXAMPLE.input).y[2];
    return outputLogLik(y, A1_EXAMPLE.target, 'source') - outputLogLik(y, A1_EXAMPLE.target, 'exact');
  },
  sigFigs: 4,
  hints: ['Only the constants differ: −π/2 versus −½ ln(2π).'],
});

/** The reference XOR run of NB04: a 2-3-1 network initialised with seed 4 (uniform ±1), γ = 0.5, up to 4000 epochs. */
export function referenceXorRun(derivative: 'exact' | 'tutorial' | 'unit' = 'exact', epochs = 4000) {
  return trainMlp(initMlp([2, 3, 1], rng(4), 1), XOR.inputs, XOR.targets, { gamma: 0.5, epochs, derivative });
}

n04.number({
  id: 'basics.bp.xor-epochs',
  title: 'Epochs until the mean XOR error drops below 0.01 (2-3-1 network, seed 4, γ = 0.5, exact derivative)',
  source: '000 A1, (A1.3), trained on XOR',
  reference: () => epochsToReach(referenceXorRun('exact').losses, 0.01) as number,
  tolerance: { abs: 0 },
  hints: ['Run backprop.trainMlp with the seeded network and find the first epoch (counting from 0) whose mean error is below 0.01.'],
});

// ------------------------------------------------------------------------------------------------------- 000 NB15
n15.byHand({
  id: 'basics.errata.e06-ratio',
  title: 'How many times larger than y(1 − y) is the tutorial derivative at o = −3 (E06)? (to 4 significant figures)',
  source: '000 §1, L158–206 (erratum 000-E06)',
  reference: () => sigmoidDerivativeSource(-3) / sigmoidDerivative(-3),
  sigFigs: 4,
  hints: ['Divide the two O-01 values at o = −3.'],
});

n15.number({
  id: 'basics.errata.e09-factor',
  title: 'Ratio of the source σ̂² of (1.6) to the exact isotropic MLE for m-dimensional data (E09)',
  source: '000 §1, (1.6) (erratum 000-E09)',
  params: { m: { default: 5, min: 1, max: 1000, integer: true } },
  reference: ({ m }) => {
    const G = [Array.from({ length: m }, (_, j) => j + 1), Array.from({ length: m }, () => 0)];
    const X = G.map((g) => g.map(() => 0));
    return errorMoments(G, X, 'source').sigma2 / errorMoments(G, X, 'exact').sigma2;
  },
  tolerance: { abs: 1e-9, rel: 1e-9 },
  hints: ['Compare the two divisors.'],
});

n15.number({
  id: 'basics.errata.e62-gap',
  title: 'JS(P,R) − (JS(P,Q) + JS(Q,R)) for the E62 counter-example (positive = the triangle inequality fails)',
  source: '000 A2 (erratum 000-E62)',
  reference: () => {
    const t = triangleInequality('js', JS_COUNTER_EXAMPLE.P, JS_COUNTER_EXAMPLE.Q, JS_COUNTER_EXAMPLE.R);
    return t.direct - t.viaQ;
  },
  tolerance: { abs: 1e-7, rel: 1e-9 },
  hints: ['JS(P,R) = ln 2; JS(P,Q) = JS(Q,R).'],
});

// ------------------------------------------------------------------------------------------------------ sta4124/00
s00.vector({
  id: 'basics.setup.seeded-moments',
  title: 'Mean and variance of 100,000 draws of core.rng(42).normal() (give [mean, variance])',
  source: 'not in 002: the seeded generator of the course (set-up)',
  reference: () => {
    const r = rng(42);
    const xs = Array.from({ length: 100000 }, () => r.normal());
    return [mean(xs), variance(xs)];
  },
  tolerance: { abs: 0.02, length: 2 },
  hints: ['Compute them, or argue: the mean is 0 and the variance 1 within about 4 standard errors (0.013 and 0.018).'],
});

s00.boolean({
  id: 'basics.setup.same-seed',
  title: 'Do two generators created with the same seed give the same first uniform draw?',
  source: 'DESIGN principle 3 (reproducibility)',
  reference: () => rng(7).uniform() === rng(7).uniform(),
  hints: ['MT19937 is deterministic given its seed.'],
});

s00.byHand({
  id: 'basics.setup.log-add',
  title: 'log(e^(−1000) + e^(−1001)) computed in log space (to 7 significant figures)',
  source: 'DESIGN principle 4 (log-space numerics)',
  reference: () => logAddExp(-1000, -1001),
  sigFigs: 7,
  hints: ['Factor out e^(−1000): the answer is −1000 + log(1 + e^(−1)).'],
});

// ------------------------------------------------------------------------------------------------------ sta4124/15
s15.number({
  id: 'basics.count.fvsbn',
  title: 'FVSBN parameters for p binary variables, 1 + 2 + … + p',
  source: '002 §7, L1291',
  params: { p: { default: 784, min: 1, max: 1e6, integer: true } },
  reference: ({ p }) => fvsbnParameters(p),
  tolerance: { abs: 0 },
  hints: ['Gauss: 1 + 2 + … + p = p(p + 1)/2.'],
});

s15.number({
  id: 'basics.count.nade',
  title: 'NADE parameters (W, V, b, c) for p inputs and d hidden units, the convention of 002',
  source: '002 §7',
  params: { p: { default: 784, min: 1, max: 1e6, integer: true }, d: { default: 500, min: 1, max: 1e6, integer: true } },
  reference: ({ p, d }) => nadeParameters(p, d, '002'),
  tolerance: { abs: 0 },
  hints: ['W is d×p, V is p×d, b has p entries, c has d.'],
});

s15.number({
  id: 'basics.count.full-joint',
  title: 'Free parameters of a full joint table over p binary variables',
  source: '002 §7, L1291; 003 L13',
  params: { p: { default: 10, min: 1, max: 50, integer: true } },
  reference: ({ p }) => fullJointParameters(new Array(p).fill(2)),
  tolerance: { abs: 0 },
  hints: ['2^p probabilities that sum to one.'],
});

// ------------------------------------------------------------------------------------------------------- dgm-notes/00
d00.number({
  id: 'basics.notes.digits',
  title: 'How many decimal digits has 2^1024 − 1?',
  source: '003 L13 (explicit tables of 32×32 binary images)',
  reference: () => fullJointParametersBig(new Array(1024).fill(2)).toString().length,
  tolerance: { abs: 0 },
  hints: ['1024·log₁₀ 2 ≈ 308.25.', 'Use BigInt: 2n ** 1024n − 1n.'],
});

d00.vector({
  id: 'basics.notes.student-counts',
  title: 'Free parameters of the student network: [full joint, Bayesian network]',
  source: '003 L33–44 (student network; K&F)',
  reference: () => [fullJointParameters(STUDENT_NETWORK.cardinalities), bayesNetParameters(STUDENT_NETWORK.cardinalities, STUDENT_NETWORK.parents)],
  tolerance: { abs: 0, length: 2 },
  hints: ['Cardinalities D 2, I 2, G 3, S 2, L 2.', 'G has parents D and I; S has I; L has G.'],
});

d00.number({
  id: 'basics.notes.nade',
  title: 'NADE parameters 2nd + n + 2d (the convention of 003)',
  source: '003 L623–625',
  params: { n: { default: 4, min: 1, max: 1e6, integer: true }, d: { default: 3, min: 1, max: 1e6, integer: true } },
  reference: ({ n, d }) => nadeParameters(n, d, '003'),
  tolerance: { abs: 0 },
  hints: ['W and V contribute n·d each.'],
});

d00.number({
  id: 'basics.notes.float32-eps',
  title: 'The spacing of float32 numbers just above 1 (machine epsilon)',
  source: 'not in 003: float64 against float32 (set-up)',
  reference: () => Math.fround(1 + 2 ** -23) - 1,
  tolerance: { abs: 1e-12, rel: 1e-9 },
  hints: ['float32 keeps 23 fraction bits.'],
});
