/**
 * Exercises of the VAE-A notebooks (ids `vae.*`). Every reference is computed with the library; the source or
 * inventory oracle each one reproduces is named in `source`.
 */
import { exerciseGroup } from '../exercises';
import { klDiagStdNormal, klGaussians, klGaussiansGrad, klLogVar, klStdNormal, latentPenaltyJ, tutorialEncoderTrajectory } from './kl';
import { affineCovariance, changeOfVariablesLogDensity, JACOBIAN_STRUCTURES, logAbsDet, randomJacobian, reparamDiag, reparamLogVar } from './reparam';
import { rng } from '../core/rng';
import { elboAscentTrajectory, gaussianQ1d, lgElbo1d, lgLogEvidence, lgPosterior, linearGaussian, linearGaussian1d } from './linearGaussian';
import { amortizationGap, courseAmortizationProblem } from './amortized';
import { squareFunctionVariances } from './estimators';
import { gaussianLogLikConstant, sayedRisk, sayedRiskToElbo, sourceFormBound003, tutorialPulledOutLogLik, vaeLoss003 } from './objectives';

const n09 = exerciseGroup({ notebook: 'nguyen-tutorial/09-vae-encoder-and-kl.ipynb' });
const n10 = exerciseGroup({ notebook: 'nguyen-tutorial/10-vae-elbo-and-training.ipynb' });
const e02 = exerciseGroup({ notebook: 'dgm-exercises/02-reparameterization.ipynb' });
const e03 = exerciseGroup({ notebook: 'dgm-exercises/03-amortized-inference.ipynb' });
const d08 = exerciseGroup({ notebook: 'dgm-notes/08-vae-elbo.ipynb' });
const d09 = exerciseGroup({ notebook: 'dgm-notes/09-vae-training.ipynb' });
const s02 = exerciseGroup({ notebook: 'sayed-ch68/02-reparameterization.ipynb' });
const s03 = exerciseGroup({ notebook: 'sayed-ch68/03-vae-objective.ipynb' });

// ---- nguyen-tutorial/09 -----------------------------------------------------------------------------------------
n09.number({
  id: 'vae.kl.diag',
  title: 'KL(N((1,−1), diag(2, 0.5)) ‖ N(0, I)) by hand',
  source: '000 §3, L856–884, diagonal KL',
  reference: () => klStdNormal([1, -1], [[2, 0], [0, 0.5]]),
  tolerance: { abs: 1e-6, rel: 1e-6 },
  hints: ['Use ½ Σ (σ² + μ² − 1 − log σ²).', 'The two log terms cancel: log 2 + log 0.5 = 0.'],
});
n09.number({
  id: 'vae.kl.general',
  title: 'KL between two full-covariance Gaussians (general case)',
  source: '000 §3, L790–854, closed form before (3.9)',
  reference: () => klGaussians([1, -1], [[2, 0.2], [0.2, 0.5]], [0.5, 0], [[1, 0.3], [0.3, 2]]),
  tolerance: { abs: 1e-6, rel: 1e-6 },
  hints: ['½(tr(Σ₀⁻¹Σ) + (μ−μ₀)ᵀΣ₀⁻¹(μ−μ₀) + log(|Σ₀|/|Σ|) − n) with n = 2.'],
});
n09.vector({
  id: 'vae.kl.grad-mu',
  title: '∇_μ KL = Σ₀⁻¹(μ − μ₀) for the general case',
  source: '000 §3, (3.9)',
  reference: () => klGaussiansGrad([1, -1], [[2, 0.2], [0.2, 0.5]], [0.5, 0], [[1, 0.3], [0.3, 2]]).mu,
  tolerance: { abs: 1e-6 },
  hints: ['Invert Σ₀ = [[1, 0.3], [0.3, 2]] and multiply by μ − μ₀ = (0.5, −1).'],
});
n09.matrix({
  id: 'vae.kl.grad-sigma',
  title: '∇_Σ KL = ½(Σ₀⁻¹ − Σ⁻¹) for the general case',
  source: '000 §3, (3.10)',
  reference: () => klGaussiansGrad([1, -1], [[2, 0.2], [0.2, 0.5]], [0.5, 0], [[1, 0.3], [0.3, 2]]).Sigma,
  tolerance: { abs: 1e-6 },
  hints: ['Treat every entry of Σ as an independent variable.'],
});
n09.number({
  id: 'vae.collapse.mu10',
  title: 'μ after 10 KL-only steps from μ₀ = 1 with γ = 0.1',
  source: '000 §3, (3.11), erratum 000-E33',
  reference: () => tutorialEncoderTrajectory([1], [1], 0.1, 10).mu[10][0],
  tolerance: { abs: 1e-9, rel: 1e-6 },
  hints: ['Each step multiplies μ by 1 − γ.'],
});
n09.number({
  id: 'vae.collapse.steps',
  title: 'After how many KL-only steps (γ = 0.1, μ₀ = 1) is |μ| < 0.01 for the first time?',
  source: '000 §3, (3.11), erratum 000-E33',
  reference: () => {
    const t = tutorialEncoderTrajectory([1], [1], 0.1, 200).mu;
    return t.findIndex((m) => Math.abs(m[0]) < 0.01);
  },
  tolerance: { abs: 0 },
  hints: ['Solve 0.9ᵏ < 0.01 for the smallest integer k.'],
});

// ---- nguyen-tutorial/10 -----------------------------------------------------------------------------------------
n10.number({
  id: 'vae.lg.log-evidence',
  title: 'log P(x) for z ~ N(0,1), x|z ~ N(z, 1) at x',
  source: '000 §3, (3.4)',
  params: { x: { default: 1, description: 'the observation x' } },
  reference: ({ x }) => lgLogEvidence(linearGaussian1d(1, 1), [x]),
  tolerance: { abs: 1e-6, rel: 1e-6 },
  hints: ['The marginal of x is N(0, w² + s²) = N(0, 2).'],
});
n10.number({
  id: 'vae.lg.elbo-prior-q',
  title: 'ELBO at Q = N(0, 1) for x = 1',
  source: '000 §3, (3.4)',
  reference: () => lgElbo1d(1, 1, 1, 0, 1).elbo,
  tolerance: { abs: 1e-6, rel: 1e-6 },
  hints: ['E_Q log P(x|z) = −½ log(2π) − ((x − m)² + v)/2 and KL(Q‖prior) = 0.'],
});
n10.number({
  id: 'vae.lg.gap',
  title: 'The gap log P(x) − ELBO at Q = N(0, 1), x = 1, and which KL it equals',
  source: '000 §3, (3.4)',
  reference: () => lgElbo1d(1, 1, 1, 0, 1).klPosterior,
  tolerance: { abs: 1e-6, rel: 1e-6 },
  hints: ['The posterior is N(0.5, 0.5); the gap is KL(Q ‖ posterior).'],
});
n10.number({
  id: 'vae.pullout.dropped',
  title: 'How much does pulling log P(x|z) out of the integral change the reconstruction term (Q = N(0,1), x = 1)?',
  source: '000 §3, L720, erratum 000-E35',
  reference: () => tutorialPulledOutLogLik(linearGaussian1d(1, 1), [1], gaussianQ1d(0, 1)) - lgElbo1d(1, 1, 1, 0, 1).expectedLogLik,
  tolerance: { abs: 1e-9, rel: 1e-6 },
  hints: ['E_Q[(x − wz)²] = (x − wm)² + w²v.', 'The difference is w²v/(2s²).'],
});
n10.vector({
  id: 'vae.reparam.o25',
  title: "z' = μ + σ ⊙ z for μ = (1, 2), σ² = (4, 9), z = (0.5, −1)",
  source: '000 §3, (3.14)',
  reference: () => reparamDiag([1, 2], [2, 3], [0.5, -1]),
  tolerance: { abs: 1e-9 },
  hints: ['σ is the square root of σ²: (2, 3).'],
});
n10.choice({
  id: 'vae.train.which-collapses',
  title: 'Which VAE ends with (almost) zero KL, i.e. an encoder equal to the prior for every x?',
  source: '000 §3, L914–955 algorithm (L914–955), erratum 000-E33',
  reference: () => {
    // the two encoder rules on z~N(0,1), x|z~N(z,1), x = 1, from (μ, σ²) = (1, 2), γ = 0.1, 300 steps: which ends at KL ≈ 0?
    const t = tutorialEncoderTrajectory([1], [2], 0.1, 300);
    const e = elboAscentTrajectory(linearGaussian1d(1, 1), [1], [1], [2], 0.1, 300);
    return klDiagStdNormal(t.mu[300], t.sigma2[300]) < klDiagStdNormal(e.mean[300], e.variance[300]) ? 'tutorial' : 'standard';
  },
  options: [
    { key: 'tutorial', text: 'the tutorial VAE (encoder trained by ∇KL only)' },
    { key: 'standard', text: 'the standard VAE (joint gradient of the ELBO)' },
  ],
  hints: ['What is the minimiser of KL(Q(z|x) ‖ N(0, I)) alone?'],
});

// ---- dgm-exercises/02 -------------------------------------------------------------------------------------------
e02.number({
  id: 'vae.cov.logq-diag',
  title: "log q(z') for z' = μ + σ ⊙ z₀ with μ = (1, −1), σ = (0.5, 2), at z' = (1.5, 0)",
  source: '001 §2 Steps 2.1 (1)–(4)',
  reference: () => changeOfVariablesLogDensity({ mu: [1, -1], sigma: [0.5, 2] }, [1.5, 0]),
  tolerance: { abs: 1e-9, rel: 1e-6 },
  hints: ['z₀ = (z′ − μ)/σ; then subtract log|det diag(σ)| = Σ log σᵢ.'],
});
e02.number({
  id: 'vae.cov.logq-affine',
  title: "log q(z') for z' = μ + S z₀ with S = [[2, 0], [1, 0.5]], μ = (1, −1), at z' = (1.5, 0)",
  source: '001 §2 Steps 2.3 (5)–(8)',
  reference: () => changeOfVariablesLogDensity({ mu: [1, -1], S: [[2, 0], [1, 0.5]] }, [1.5, 0]),
  tolerance: { abs: 1e-9, rel: 1e-6 },
  hints: ['Solve S z₀ = z′ − μ by forward substitution; det S = 1.'],
});
e02.matrix({
  id: 'vae.cov.sst',
  title: 'The covariance SSᵀ of μ + S z₀ for S = [[2, 0], [1, 0.5]]',
  source: '001 §2 Steps 2.3 (6)',
  reference: () => affineCovariance([[2, 0], [1, 0.5]]),
  tolerance: { abs: 1e-9 },
  hints: ['Multiply S by its transpose.'],
});
e02.number({
  id: 'vae.cov.abs-det',
  title: '|det S| for S = [[−2, 0], [1, 0.5]] (the factor in q(z′) = q(z₀)/|det S|)',
  source: '001 §2 Steps 2.3 (8), erratum 001-E21',
  reference: () => Math.exp(logAbsDet([[-2, 0], [1, 0.5]], 'triangular').logAbsDet),
  tolerance: { abs: 1e-9, rel: 1e-6 },
  hints: ['For a triangular matrix the determinant is the product of the diagonal; take its absolute value.'],
});
e02.choice({
  id: 'vae.cov.cost',
  title: 'Which Jacobian structure makes |det J| cost grow like K³ with the LU algorithm?',
  source: '001 §2 Steps 2.2 and 2.4',
  reference: () => {
    const K = 64;
    const g = rng(64);
    const flops = JACOBIAN_STRUCTURES.map((st) => logAbsDet(randomJacobian(K, st, g), st).flops);
    return JACOBIAN_STRUCTURES[flops.indexOf(Math.max(...flops))];
  },
  options: [
    { key: 'diagonal', text: 'diagonal (μ + σ ⊙ z₀)' },
    { key: 'triangular', text: 'lower-triangular S' },
    { key: 'dense', text: 'a dense S' },
  ],
  hints: ['Diagonal and triangular determinants only need the K diagonal entries.'],
});

// ---- dgm-exercises/03 -------------------------------------------------------------------------------------------
e03.vector({
  id: 'vae.amortized.posterior',
  title: 'The exact posterior [mean, variance] of z ~ N(0,1), x|z ~ N(wz + b, s²)',
  source: '001 §3 (the model of the amortisation exercise); closed form',
  params: {
    w: { default: 2, description: 'decoder weight w' },
    b: { default: 1, description: 'decoder offset b' },
    s2: { default: 0.5, min: 1e-9, description: 'noise variance s²' },
    x: { default: 2.5, description: 'observation x' },
  },
  reference: ({ w, b, s2, x }) => {
    const p = lgPosterior(linearGaussian1d(w, s2, b), [x]);
    return [p.mean[0], p.cov[0][0]];
  },
  tolerance: { abs: 1e-9, rel: 1e-9 },
  hints: ['Posterior precision = 1 + w²/s²; posterior mean = variance · w(x − b)/s².'],
});
e03.number({
  id: 'vae.amortized.gap',
  title: "Amortisation gap of the bias-free encoder N(a·x, v) on the course's data set",
  source: '001 §3 Steps 3.2 (the course data set COURSE_AMORTIZATION)',
  params: { family: { default: 'linear', options: ['affine', 'linear', 'constant'], description: 'encoder family' } },
  reference: ({ family }) => {
    const { model, xs } = courseAmortizationProblem();
    return amortizationGap(model, xs, family as 'affine' | 'linear' | 'constant').gap;
  },
  tolerance: { abs: 1e-6, rel: 1e-6 },
  hints: ['v* is the posterior variance; a* is the least-squares slope of the posterior means on x through the origin.', 'Each point contributes (a*x − m_p(x))²/(2v_p).'],
});
e03.boolean({
  id: 'vae.amortized.affine-zero',
  title: 'Is the amortisation gap of the affine encoder N(a·x + c, v) zero on this model?',
  source: '001 §3 Steps 3.2',
  reference: () => {
    const { model, xs } = courseAmortizationProblem();
    return Math.abs(amortizationGap(model, xs, 'affine').gap) < 1e-12;
  },
  hints: ['Is the exact posterior mean an affine function of x? Does the posterior variance depend on x?'],
});
e03.number({
  id: 'vae.amortized.memory',
  title: 'Parameters stored by per-instance VI with diagonal q, n = 1000 points, k = 2 latent dims',
  source: '001 §3 Steps 3.3(c)',
  reference: () => {
    const xs = Array.from({ length: 1000 }, (_, i) => [i / 100 - 5]);
    return amortizationGap(linearGaussian([[1, 0.5]], [0], 1), xs, 'affine').parameters.perInstance;
  },
  tolerance: { abs: 0 },
  hints: ['Each point keeps its own mean and variance per latent dimension.'],
});

// ---- dgm-notes/08 -----------------------------------------------------------------------------------------------
d08.byHand({
  id: 'vae.notes.log-evidence',
  title: 'log p(x) at x = 2 for z ~ N(0,1), x|z ~ N(z, 1) (to 4 significant figures)',
  source: '003 L507–550',
  reference: () => lgLogEvidence(linearGaussian1d(1, 1), [2]),
  sigFigs: 4,
  hints: ['p(x) = N(x; 0, 2).'],
});
d08.number({
  id: 'vae.notes.elbo-prior-q',
  title: 'ELBO at Q = N(0, 1), x = 2',
  source: '003 L545 (corrected, erratum 003-E61)',
  reference: () => lgElbo1d(1, 1, 2, 0, 1).elbo,
  tolerance: { abs: 1e-6, rel: 1e-6 },
  hints: ['E_Q log p(x|z) = −½ log 2π − ((x − m)² + v)/2; KL(N(0,1) ‖ N(0,1)) = 0.'],
});
d08.number({
  id: 'vae.notes.gap',
  title: 'The gap log p(x) − ELBO at Q = N(0, 1), x = 2',
  source: '003 L541 (corrected, erratum 003-E59)',
  reference: () => lgElbo1d(1, 1, 2, 0, 1).klPosterior,
  tolerance: { abs: 1e-6, rel: 1e-6 },
  hints: ['It equals KL(N(0,1) ‖ N(1, 0.5)).'],
});
d08.number({
  id: 'vae.notes.l545-value',
  title: "The source's L545 expression E_Q log p(x|z) − KL(Q ‖ posterior) at Q = posterior, x = 2",
  source: '003 L545, erratum 003-E61',
  reference: () => {
    const e = lgElbo1d(1, 1, 2, 1, 0.5);
    return sourceFormBound003(e.expectedLogLik, e.klPosterior);
  },
  tolerance: { abs: 1e-6, rel: 1e-6 },
  hints: ['At Q = posterior the KL term is 0, so the value is E_Q log p(x|z).'],
});
d08.boolean({
  id: 'vae.notes.l545-is-bound',
  title: 'Is the L545 expression ≤ log p(x) for every Q (is it a lower bound)?',
  source: '003 L545, erratum 003-E61',
  reference: () => {
    const e = lgElbo1d(1, 1, 2, 1, 0.5);
    return sourceFormBound003(e.expectedLogLik, e.klPosterior) <= e.logEvidence;
  },
  hints: ['Compare the value of the previous exercise with log p(2).'],
});

// ---- dgm-notes/09 -----------------------------------------------------------------------------------------------
d09.number({
  id: 'vae.notes.kl',
  title: 'KL(N(μ, diag σ²) ‖ N(0, I)) for the given μ and σ²',
  source: '003 L554',
  params: { case: { default: 'a', options: ['a', 'b', 'c'], description: "a: μ=[0.5,−0.5], σ²=[0.5,2]; b: μ=[0], σ²=[e]; c: μ=[1,2], σ²=[0.5,0.25]" } },
  reference: (p) => {
    const cases: Record<string, [number[], number[]]> = { a: [[0.5, -0.5], [0.5, 2]], b: [[0], [Math.E]], c: [[1, 2], [0.5, 0.25]] };
    const [m, s] = cases[p.case as string];
    return klDiagStdNormal(m, s);
  },
  tolerance: { abs: 1e-6, rel: 1e-6 },
  hints: ['½ Σ (σ² + μ² − 1 − log σ²).'],
});
d09.number({
  id: 'vae.notes.const',
  title: 'The Gaussian log-likelihood constant C = −(D/2) log 2π for D pixels',
  source: '003 L564–570',
  params: { D: { default: 784, min: 1, integer: true, description: 'data dimension D' } },
  reference: ({ D }) => gaussianLogLikConstant(D),
  tolerance: { abs: 1e-4, rel: 1e-6 },
  hints: ['For D = 1 it is −0.9189385.'],
});
d09.vector({
  id: 'vae.notes.pathwise',
  title: '[∂/∂μ, ∂/∂σ] of E[z²] for z = μ + σε at μ = 1.5, σ = 0.5',
  source: '003 L576–583',
  reference: () => {
    // d/dμ and d/dσ of E[(μ + σε)²] = μ² + σ², by central differences of the closed form
    const E = (m: number, s: number) => m * m + s * s;
    const h = 1e-6;
    return [(E(1.5 + h, 0.5) - E(1.5 - h, 0.5)) / (2 * h), (E(1.5, 0.5 + h) - E(1.5, 0.5 - h)) / (2 * h)];
  },
  tolerance: { abs: 1e-6 },
  hints: ['E[(μ + σε)²] = μ² + σ².'],
});
d09.number({
  id: 'vae.notes.recon-weight',
  title: 'The decoder variance σ² for which the L574 loss ‖X − f(z)‖² + KL equals −ELBO up to a constant',
  source: '003 L574, erratum 003-E66',
  reference: () => {
    // the variance σ² at which ‖x − f‖²/(2σ²) equals the source's ‖x − f‖² (003 L574): weights match when 1/(2σ²) = 1
    const x = [1, 0.5, -0.2];
    const xhat = [0.8, 0.1, 0.3];
    const src = vaeLoss003(x, xhat, [0], [0], { form: 'source' }).recon;
    const exact = vaeLoss003(x, xhat, [0], [0]).recon; // ½‖x − f‖² (σ² = 1)
    return exact / src; // ½‖·‖²/(‖·‖²) = σ²_source / 1
  },
  tolerance: { abs: 1e-9, rel: 1e-6 },
  hints: ['−log N(x; f, σ²I) = ‖x − f‖²/(2σ²) + const.'],
});

// ---- sayed-ch68/02 ----------------------------------------------------------------------------------------------
s02.vector({
  id: 'vae.sayed.u',
  title: 'u = μ + e^{a/2} ⊙ ε for μ = (1, −1), a = (1, 0), ε = (0.5, 2)',
  source: '004 (68.17), (68.52)',
  reference: () => reparamLogVar([1, -1], [1, 0], [0.5, 2]),
  tolerance: { abs: 1e-9 },
  hints: ['σ_p = e^{a_p/2}.'],
});
s02.number({
  id: 'vae.sayed.var-u',
  title: 'The variance of u(p) = μ_p + e^{a_p/2} ε(p) for a_p = 0.7',
  source: '004 (68.13)–(68.17)',
  params: { a: { default: 0.7, description: 'log-variance a_p' } },
  reference: ({ a }) => Math.exp(a),
  tolerance: { abs: 1e-9, rel: 1e-6 },
  hints: ['Var(cε) = c² for ε ~ N(0, 1).'],
});
s02.number({
  id: 'vae.sayed.grad-a',
  title: '∂E[u²]/∂a for u = μ + e^{a/2}ε, at μ = 0.5, a = 0.7',
  source: '004 (68.53) (pathwise derivative ∂u/∂a = ½ε e^{a/2})',
  reference: () => Math.exp(0.7),
  tolerance: { abs: 1e-9, rel: 1e-6 },
  hints: ['E[u²] = μ² + eᵃ.'],
});

// ---- sayed-ch68/03 ----------------------------------------------------------------------------------------------
s03.byHand({
  id: 'vae.sayed.kl-o1',
  title: 'KL (68.20) for μ = (1, −1), a = (1, 0) (to 4 significant figures)',
  source: '004 (68.20)',
  reference: () => klLogVar([1, -1], [1, 0]),
  sigFigs: 4,
  hints: ['½ Σ (μ_p² + e^{a_p} − a_p − 1).'],
});
s03.number({
  id: 'vae.sayed.j-o1',
  title: 'The latent penalty J (68.59) for μ = (1, −1), a = (1, 0)',
  source: '004 (68.59)',
  reference: () => latentPenaltyJ([1, -1], [1, 0]),
  tolerance: { abs: 1e-6, rel: 1e-6 },
  hints: ['J = 2 KL + P.'],
});
s03.number({
  id: 'vae.sayed.o3-gap',
  title: 'ln f(h) − ELBO at q = N(0, 1), h = 1, for u ~ N(0,1), h|u ~ N(u, 1)',
  source: '004 (68.7)',
  reference: () => lgElbo1d(1, 1, 1, 0, 1).klPosterior,
  tolerance: { abs: 1e-6, rel: 1e-6 },
  hints: ['The posterior is N(0.5, 0.5).'],
});
s03.number({
  id: 'vae.sayed.risk-to-elbo',
  title: 'Convert the risk (68.37) of the batch h = (1, 0, −1), ĥ = (0.5, 0.2, −0.4), μ = (1, −1), a = (1, 0) into the ELBO in nats',
  source: '004 (68.24)/(68.37), erratum 004-E2',
  reference: () => sayedRiskToElbo(sayedRisk([[1, 0, -1]], [[0.5, 0.2, -0.4]], [[1, -1]], [[1, 0]]), 3, 2),
  tolerance: { abs: 1e-6, rel: 1e-6 },
  hints: ['risk = 2·(−ELBO) − M ln 2π + P, with M = 3 and P = 2.'],
});

e03.number({
  id: 'vae.amortized.ecll-offset',
  title: 'The constant gap between the ECLL E_q[log p(x, z)] and log p(x) − KL(q ‖ p(z|x)) for q = N(0.3, 0.5)',
  source: '001 §3 Steps 3.1, Eq. (9)',
  reference: () => {
    const model = linearGaussian1d(1, 1);
    const q = gaussianQ1d(0.3, 0.5);
    const e = lgElbo1d(1, 1, 1, 0.3, 0.5);
    // ECLL = E_q log p(x|z) + E_q log p(z) = ELBO + H(q)
    const ecll = e.expectedLogLik + (-0.5 * Math.log(2 * Math.PI) - 0.5 * (q.mean[0] ** 2 + q.cov[0][0]));
    void model;
    return ecll - (e.logEvidence - e.klPosterior);
  },
  tolerance: { abs: 1e-9, rel: 1e-6 },
  hints: ['E_q[log p(x, z)] − ELBO = E_q[log q(z)] = −H(q), minus the entropy of q.', 'H(N(m, v)) = ½ log(2πe v).'],
});

s02.number({
  id: 'vae.estimators.pathwise-var',
  title: 'Per-sample variance of the pathwise estimate of ∂E[z²]/∂μ at μ = 1.5, σ = 0.5',
  source: '004 (68.17)/(68.53); 003 L576–583 (exact Gaussian moments)',
  reference: () => squareFunctionVariances(1.5, 0.5).pathwise.mu,
  tolerance: { abs: 1e-9, rel: 1e-6 },
  hints: ['One sample of the pathwise estimate is 2(μ + σε).', 'Var(2σε) = 4σ².'],
});

// VAE-B exercises (sayed-ch68/00, 04, 05): kept in their own file.
import './exercisesB';
