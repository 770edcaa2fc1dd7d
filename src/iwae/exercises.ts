/**
 * Exercises of the IWAE notebooks (ids `iwae.*`). Every reference is computed with this library (the toy setting of
 * 000 O-28 / 002 D13 by exact quadrature).
 */
import { exerciseGroup } from '../exercises';
import { lgLogEvidence, lgPosterior } from '../vae/linearGaussian';
import { iwaeEstimate, iwaeWeights } from './bound';
import { Iwae1d } from './exact1d';
import { lgIwae1d, toySetting } from './linearGaussian';

const nb04 = exerciseGroup({ notebook: 'dgm-exercises/04-iwae-bound.ipynb' });
const nb11 = exerciseGroup({ notebook: 'sta4124/11b-iwae.ipynb' });

let cached: Iwae1d | undefined;
const toy = (): Iwae1d => {
  if (!cached) {
    const t = toySetting();
    cached = lgIwae1d(t.model, t.x, t.q, { nz: 2000, nu: 2000 });
  }
  return cached;
};

const w1 = { default: 0.2, min: 1e-12, max: 1e12, description: 'first importance weight w₁ > 0' };
const w2 = { default: 0.6, min: 1e-12, max: 1e12, description: 'second importance weight w₂ > 0' };

// ------------------------------------------------------------------------------------------ dgm-exercises/04 (001 §4)
nb04.byHand({
  id: 'iwae.l2-by-hand',
  title: 'The two-sample estimate L̂₂ for weights w₁, w₂ (by hand) (to 4 significant figures)',
  source: '001 §4, the definition of L_K',
  params: { w1, w2 },
  reference: ({ w1: a, w2: b }) => iwaeEstimate([Math.log(a), Math.log(b)]),
  sigFigs: 4,
  hints: ['L̂_K = log of the arithmetic mean of the K weights.', 'For K = 2: log((w₁ + w₂)/2).'],
});

nb04.byHand({
  id: 'iwae.l1-toy',
  title: 'L₁ (the ELBO) of the toy model with q = prior, in closed form (to 4 significant figures)',
  source: '001 §4 (L_1 = ELBO); 000 §3, (3.4)',
  reference: () => toy().bound(1),
  sigFigs: 4,
  hints: ['L₁ = E_q[log p(x|z)] − KL(q ‖ p(z)); with q = prior the KL is 0.', 'E[(x − z)²] = x² + 1 for z ~ N(0, 1), so L₁ = −½ log 2π − (x² + 1)/2.'],
});

nb04.number({
  id: 'iwae.limit',
  title: 'The limit of L_K as K → ∞ for the toy model',
  source: '001 §4 (L_K ≤ log p(x)); Burda et al. 2016, Theorem 1',
  reference: () => {
    const t = toySetting();
    return lgLogEvidence(t.model, t.x);
  },
  tolerance: { abs: 1e-4 },
  hints: ['The bound is squeezed up to log p(x) when the weights are bounded.', 'p(x) = N(x; 0, w² + s²) for this model.'],
});

nb04.number({
  id: 'iwae.l2-toy',
  title: 'L₂ of the toy model (estimate it by Monte Carlo with the library)',
  source: '001 §4 (K = 2)',
  reference: () => toy().bound(2),
  tolerance: { abs: 0.02 },
  hints: ['Average iwae.iwaeDraw(spec, 2, g).estimate over many draws, or use iwae.iwaeBound (50 000 reps give a standard error ≈ 0.004).', 'It lies between L₁ and log p(x).'],
});

nb04.number({
  id: 'iwae.qk-mass',
  title: '∫ q_K(z|x) dz for the toy model with K = 5',
  source: '001 §4, question 2(a)',
  reference: () => toy().implicitMass(5),
  tolerance: { abs: 1e-4 },
  hints: ['Question 2(a) shows that q_K is a density.'],
});

nb04.choice({
  id: 'iwae.which-larger',
  title: 'Which is larger: L₁[q_K] or L_K[q]?',
  source: '001 §4, question 2(b)',
  reference: () => (toy().implicitElbo(5) >= toy().bound(5) ? 'a' : 'b'),
  options: [
    { key: 'a', text: 'L₁[q_K] ≥ L_K[q]' },
    { key: 'b', text: 'L₁[q_K] ≤ L_K[q]' },
  ],
  hints: ['Jensen’s inequality on the concave f(w) = −w log w, as in 2(b).'],
});

nb04.number({
  id: 'iwae.posterior-proposal',
  title: 'L₇ of the toy model when q is the exact posterior',
  source: '001 §4 (w_j = p(x) for every draw); 002 §6.6 (TBU in the notes: extension)',
  reference: () => {
    const t = toySetting();
    return lgIwae1d(t.model, t.x, lgPosterior(t.model, t.x), { nz: 2000, nu: 2000 }).bound(7);
  },
  tolerance: { abs: 1e-4 },
  hints: ['With q = p(z|x), every weight p(x,z)/q(z|x) equals p(x).'],
});

// ------------------------------------------------------------------------------------------ sta4124/11b (002 §6.6 [X])
nb11.vector({
  id: 'iwae.gradient-weights',
  title: 'The IWAE gradient weights W̃ for two draws with weights w₁, w₂',
  source: '002 §6.6 (TBU in the notes: extension); Burda et al. 2016 Eq. (14)',
  params: { w1, w2 },
  reference: ({ w1: a, w2: b }) => iwaeWeights([Math.log(a), Math.log(b)]),
  tolerance: { abs: 1e-6, length: 2 },
  hints: ['W̃_k = w_k / Σ_j w_j, i.e. softmax of the log-weights.'],
});

nb11.number({
  id: 'iwae.d13-k5',
  title: 'L₅ of the toy model (q = prior, x = 1)',
  source: '002 §6.6 (TBU in the notes: extension)',
  reference: () => toy().bound(5),
  tolerance: { abs: 0.01 },
  hints: ['iwae.iwaeBound(spec, 5, reps, g) with a few thousand reps is within 0.01.'],
});

nb11.byHand({
  id: 'iwae.d13-elbo',
  title: 'The ELBO (K = 1) of the toy model, by hand (to 4 significant figures)',
  source: '002 §6.6 (TBU in the notes: extension); 000 §3, (3.4)',
  reference: () => toy().bound(1),
  sigFigs: 4,
  hints: ['q = prior ⇒ KL(q ‖ p(z)) = 0; E_q log N(1; z, 1) = −½ log 2π − (1 + 1)/2.'],
});

nb11.number({
  id: 'iwae.active-units',
  title: 'Active units for encoder-mean variances Cov_x(E_q[z_u]) = (0.5, 0.003, 0.02, 0.0001)',
  source: 'Burda et al. 2016 §5.2, Eq. (16) (threshold 10⁻²)',
  reference: () => [0.5, 0.003, 0.02, 0.0001].filter((v) => v > 0.01).length,
  tolerance: { abs: 0 },
  hints: ['A unit is active when the variance over x of its posterior mean exceeds 10⁻².'],
});

nb11.boolean({
  id: 'iwae.monotone',
  title: 'True or false: L_K ≤ L_{K+1} for every proposal q and every K ≥ 1',
  source: 'Burda et al. 2016, Theorem 1; 002 §6.6 (TBU in the notes: extension)',
  // Burda et al. state it for every q; the reference re-checks it on the toy model for K = 1..30 (exact quadrature)
  reference: () => Array.from({ length: 30 }, (_, i) => i + 1).every((K) => toy().bound(K) <= toy().bound(K + 1) + 1e-12),
  hints: ['Write the mean of K + 1 weights as an average of means of K of them, and use Jensen.'],
});
