/**
 * Exercises of the VI notebooks (ids `vi.*`): 002 §3, App. B, D (sta4124/03–06) and 004 §68.1 (sayed-ch68/01).
 * Every reference answer is computed with the library.
 */
import { exerciseGroup } from '../exercises/shapes';
import * as compare from '../exercises/compare';
import { klGaussian, klDiagGaussian } from '../info/measures';
import { bimodalMixture, fitGaussianForwardKL, fitGaussianReverseKL, fitGaussianReverseKLGlobal, klAsymmetryBernoulli } from './kl';
import { toyElbo, toyElboGradient, toyLogEvidence, toyPosterior } from './fixedForm';
import { dirichletLogPdf, wishartMoments } from './distributions';
import { normalGammaPosterior } from './meanfield';
import { bgmmVI, defaultBgmmPrior, effectiveComponents } from './bgmm';
import { bernoulliMixtureEM, bernoulliMixtureLogJoint, emStaircase, bernoulliMixtureMStep, posteriorFromLogJoint } from './em';
import { rng } from '../core/rng';

const NB03 = 'sta4124/03-kl-divergence.ipynb';
const nb03Group = exerciseGroup({ notebook: NB03 });
const NB04 = 'sta4124/04-elbo-and-fixed-form-vi.ipynb';
const nb04Group = exerciseGroup({ notebook: NB04 });
const NB05 = 'sta4124/05-mean-field-and-bayesian-gmm.ipynb';
const nb05Group = exerciseGroup({ notebook: NB05 });
const NB06 = 'sta4124/06-em.ipynb';
const nb06Group = exerciseGroup({ notebook: NB06 });
const s68Group = exerciseGroup({ notebook: 'sayed-ch68/01-elbo-and-kl.ipynb' });


/** The data of the Normal–Gamma exercises (sta4124/05). */
export const NG_DATA = [1.2, 2.3, 0.4, 1.9, 2.8, 1.1, 1.6];
export const NG_PRIOR = { mu0: 0, lambda0: 2, a0: 2, b0: 1 };
/** The D19 data (002 §3.6.2, oracle D19). */
const X19 = [[1, 1], [1, 0], [0, 0], [0, 1], [1, 1], [0, 0]];
const INIT19 = { theta: [0.5, 0.5], q: [[0.8, 0.6], [0.3, 0.4]] };

/** Three well-separated 2-D clusters (240 points, seed 1) for the BGMM exercises and figures. */
export function threeClusterData(seed = 1, n = 240): number[][] {
  const g = rng(seed);
  const c = [[0, 0], [5, 0], [0, 5]];
  return Array.from({ length: n }, (_, i) => [c[i % 3][0] + g.normal(), c[i % 3][1] + 0.6 * g.normal()]);
}

// ------------------------------------------------------------------------------------------------ NB03

nb03Group.register({
  id: 'vi.kl.gauss-wide',
  title: 'By hand: KL(N(0, 2²) ‖ N(0, 1)) to 4 significant figures',
  source: '002 §3.2, Def. 3.2.1 with the Gaussian closed form (5.2.4)',
  reference: () => klGaussian(0, 2, 0, 1),
  compare: compare.sigFigs(4),
  hints: ['KL(N(μ₁,σ₁²)‖N(μ₂,σ₂²)) = log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½.', 'Here: log(1/2) + 4/2 − 1/2.'],
});

nb03Group.register({
  id: 'vi.kl.bernoulli-pair',
  title: 'KL(Bern(p) ‖ Bern(q)) and KL(Bern(q) ‖ Bern(p)) as a pair [forward, reverse]',
  source: '002 §3.2–3.3 (asymmetry of Def. 3.2.1)',
  params: { p: { default: 0.5, min: 0.001, max: 0.999 }, q: { default: 0.1, min: 0.001, max: 0.999 } },
  reference: ({ p, q }) => {
    const a = klAsymmetryBernoulli(p, q);
    return [a.forward, a.reverse];
  },
  compare: compare.vector({ abs: 1e-9 }),
  hints: ['Sum p log(p/q) over the two outcomes.', 'Swap the roles of p and q for the second number.'],
});

nb03Group.register({
  id: 'vi.kl.forward-variance',
  title: 'By hand: the variance σ² of the forward-KL (moment-matching) fit to 0.5 N(−d, 1) + 0.5 N(d, 1)',
  source: '002 §3.3, Eq. (3.3.1) (mean seeking)',
  params: { d: { default: 3, min: 0, max: 20 } },
  reference: ({ d }) => fitGaussianForwardKL(bimodalMixture(d)).sigma ** 2,
  compare: compare.number({ abs: 1e-9 }),
  hints: ['Minimising KL(p‖q) over Gaussians q matches the mean and the variance of p.', 'Var = E[x²] − E[x]² with E[x²] = 1 + d².'],
});

nb03Group.register({
  id: 'vi.kl.reverse-mode',
  title: 'The reverse-KL fit [μ, σ] to 0.5 N(−3, 1) + 0.5 N(3, 1), started at the right-hand mode (4 decimals)',
  source: '002 §3.3, Eq. (3.3.2), Fig. 3.1 (mode seeking)',
  reference: () => {
    const r = fitGaussianReverseKL(bimodalMixture(3), { mu0: 3 });
    return [r.mu, r.sigma];
  },
  compare: compare.vector({ abs: 2e-4 }),
  hints: ['Minimise −H(q) − E_q[log p] over (μ, log σ) by gradient descent.', 'Write x = μ + σε and take the expectation over ε on a grid (or with many draws).'],
});

nb03Group.register({
  id: 'vi.kl.reverse-close-modes',
  title: 'The global reverse-KL optimum σ for 0.5 N(−2, 1) + 0.5 N(2, 1) (3 decimals; where is μ?)',
  source: '002 §3.3 (the caveat of: close modes are not "mode seeking")',
  reference: () => fitGaussianReverseKLGlobal(bimodalMixture(2)).sigma,
  compare: compare.number({ abs: 2e-3 }),
  hints: ['Compare the KL reached from a start at a mode with the KL reached from μ = 0.', 'At d = 2 the symmetric fit wins.'],
});

// ------------------------------------------------------------------------------------------------ NB04

nb04Group.register({
  id: 'vi.elbo.prior-q',
  title: 'By hand: the ELBO at x = 1 with q = the prior N(0, 1), to 5 significant figures',
  source: '002 §3.1, Eq. (3.1.3)',
  reference: () => toyElbo(1, 0, 1).elbo,
  compare: compare.sigFigs(5),
  hints: ['ELBO = E_q[log p(x|z)] − KL(q‖p(z)); the KL term is 0 here.', 'E_q[log N(1; z, 1)] = −½ log 2π − ½ E[(1 − z)²] = −½ log 2π − 1.'],
});

nb04Group.register({
  id: 'vi.elbo.evidence',
  title: 'By hand: log p(x) for the toy z ~ N(0, 1), x | z ~ N(z, 1), at x (5 significant figures)',
  source: '002 §3.4, Eq. (3.4.5)',
  params: { x: { default: 1, min: -10, max: 10 } },
  reference: ({ x }) => toyLogEvidence(x),
  compare: compare.sigFigs(5),
  hints: ['x = z + noise is a sum of two independent N(0, 1).', 'log N(x; 0, 2).'],
});

nb04Group.register({
  id: 'vi.elbo.optimum',
  title: 'The ELBO maximiser [m, s²] for the toy at x, found by your own gradient ascent (3 decimals)',
  source: '002 §3.4 (fixed-form VI, L393–397)',
  params: { x: { default: 1, min: -5, max: 5 } },
  reference: ({ x }) => {
    const p = toyPosterior(x);
    return [p.mean, p.variance];
  },
  compare: compare.vector({ abs: 2e-3 }),
  hints: ['∂ELBO/∂m = x − 2m and ∂ELBO/∂s = 1/s − 2s.', 'The maximiser is the exact posterior.'],
});

nb04Group.register({
  id: 'vi.elbo.gradient',
  title: 'The gradient [∂/∂m, ∂/∂s] of the toy ELBO at (x, m, s)',
  source: '002 §3.4 (derived)',
  params: { x: { default: 1.3, min: -5, max: 5 }, m: { default: 0.2, min: -5, max: 5 }, s: { default: 0.8, min: 0.05, max: 5 } },
  reference: ({ x, m, s }) => toyElboGradient(x, m, s),
  compare: compare.vector({ abs: 1e-9 }),
  hints: ['Differentiate −½((x − m)² + s²) − ½(m² + s²) + log s.'],
});

// ------------------------------------------------------------------------------------------------ NB05

nb05Group.register({
  id: 'vi.mf.mu-n',
  title: 'By hand: the CAVI fixed point μ_N of q(μ) for the Normal–Gamma data NG_DATA with μ₀ = 0, λ₀ = 2 (4 significant figures)',
  source: '002 §3.5, Eq. (3.5.15) (instance: Bishop 2006 (10.26))',
  reference: () => normalGammaPosterior(NG_DATA, NG_PRIOR).muN,
  compare: compare.sigFigs(4),
  hints: ['μ_N does not depend on E[τ].', 'μ_N = (λ₀μ₀ + N x̄)/(λ₀ + N).'],
});

nb05Group.register({
  id: 'vi.dist.dirichlet-centre',
  title: 'By hand: the Dir(2, 2, 2) density at (1/3, 1/3, 1/3) (4 significant figures)',
  source: '002 App. B.1',
  reference: () => Math.exp(dirichletLogPdf([1 / 3, 1 / 3, 1 / 3], [2, 2, 2])),
  compare: compare.sigFigs(4),
  hints: ['1/B(α) = Γ(6)/(Γ(2)³) = 120.', 'Multiply by Π x_i^{α_i − 1} = (1/3)³.'],
});

nb05Group.register({
  id: 'vi.dist.wishart-inverse',
  title: 'By hand: a diagonal entry of E[S⁻¹] for S ~ W_2(I, 5)',
  source: '002 App. B.2',
  reference: () => wishartMoments([[1, 0], [0, 1]], 5).meanInverse![0][0],
  compare: compare.number({ rel: 1e-9 }),
  hints: ['E[S⁻¹] = V⁻¹/(n − p − 1).'],
});

nb05Group.register({
  id: 'vi.bgmm.alpha',
  title: 'By hand: the Dirichlet parameter α_k of q*(π) when α₀ = 0.01 and N_k = 80',
  source: '002 §3.8.2, Eq. (3.8.9)',
  reference: () => 0.01 + 80,
  compare: compare.number({ abs: 1e-9 }),
  hints: ['q*(π) = Dir(α₀ + N_k).'],
});

nb05Group.register({
  id: 'vi.bgmm.effective',
  title: 'How many components with E[π_k] > 0.01 remain when the BGMM (K = 6, α₀ = 0.01) is fitted to threeClusterData()?',
  source: '002 §3.8 (the sparsity of a small α₀)',
  reference: () => {
    const X = threeClusterData();
    return effectiveComponents(bgmmVI(X, 6, defaultBgmmPrior(X, 0.01), { rng: rng(3), maxIter: 300 }).weights);
  },
  compare: compare.number({ abs: 0.5 }),
  hints: ['Look at the data first.', 'Count the weights above 0.01.'],
});

// ------------------------------------------------------------------------------------------------ NB06

nb06Group.register({
  id: 'vi.em.d19-resp',
  title: 'By hand: the responsibilities r_{n1} of the six points at the initial parameters',
  source: '002 §3.6.2, Eqs. (3.6.5)–(3.6.6)',
  reference: () => posteriorFromLogJoint(bernoulliMixtureLogJoint(X19, INIT19)).r.map((r) => r[0]),
  compare: compare.vector({ abs: 1e-6 }),
  hints: ['With θ = (½, ½) the weights cancel.', 'For x = (1, 1): 0.8·0.6 / (0.8·0.6 + 0.3·0.4).'],
});

nb06Group.register({
  id: 'vi.em.d19-theta',
  title: 'The mixing weights θ after one EM update on the six-point data',
  source: '002 App. D.2 (θ_k = Σ_i r_ik / N)',
  reference: () => bernoulliMixtureMStep(X19, posteriorFromLogJoint(bernoulliMixtureLogJoint(X19, INIT19)).r).theta,
  compare: compare.vector({ abs: 1e-6 }),
  hints: ['Average the responsibilities over the six points.'],
});

nb06Group.register({
  id: 'vi.em.d19-loglik',
  title: 'The log-likelihood after three EM updates on the six-point data (your own E- and M-steps)',
  source: '002 Algorithm 3.1 with the completed §3.6.2 updates',
  reference: () => bernoulliMixtureEM(X19, INIT19, { maxIter: 3, tol: 0 }).logLikTrace[3],
  compare: compare.number({ abs: 1e-6 }),
  hints: ['q_k = Σ_i r_ik x_i / Σ_i r_ik, elementwise.', 'log p(x) = Σ_i log Σ_k θ_k Π_d q_kd^{x_id}(1 − q_kd)^{1 − x_id}.'],
});

nb06Group.register({
  id: 'vi.em.gap-after-e',
  title: 'The KL gap log p(x|θ) − L(q, θ) right after an E-step',
  source: '002 §3.7 (EM as VI, completed)',
  reference: () => emStaircase((p: typeof INIT19) => bernoulliMixtureLogJoint(X19, p), (r) => bernoulliMixtureMStep(X19, r), INIT19, 2)[2].gap,
  compare: compare.number({ abs: 1e-10 }),
  hints: ['The E-step sets q to the exact posterior.'],
});

// ------------------------------------------------------------------------------------------------ 004 §68.1

s68Group.register({
  id: 'vi.s68.log-evidence',
  title: 'By hand: ln f(h) at h = 1 for u ~ N(0, 1), h | u ~ N(u, 1) (5 significant figures)',
  source: '004 (68.4), (68.7)',
  reference: () => toyLogEvidence(1),
  compare: compare.sigFigs(5),
  hints: ['h ~ N(0, 2) marginally.'],
});

s68Group.register({
  id: 'vi.s68.gap',
  title: 'The gap D_KL(q ‖ f(u|h)) for q = N(0, 1) at h = 1 (6 decimals)',
  source: '004 (68.7)',
  reference: () => toyElbo(1, 0, 1).klPosterior,
  compare: compare.number({ abs: 1e-6 }),
  hints: ['The posterior is N(0.5, 0.5).', 'Use the Gaussian KL closed form, or ln f(h) − ELBO.'],
});

s68Group.register({
  id: 'vi.s68.kl-o1',
  title: 'By hand: D_KL(N(μ, diag e^{a}) ‖ N(0, I)) for μ = (1, −1), a = (1, 0) (5 significant figures)',
  source: '004 (68.20)',
  reference: () => klDiagGaussian([1, -1], [Math.exp(0.5), 1], [0, 0], [1, 1]),
  compare: compare.sigFigs(5),
  hints: ['(68.20): ½ Σ_p (μ_p² + e^{a_p} − a_p − 1).', 'The answer is e/2.'],
});
