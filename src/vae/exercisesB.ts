/**
 * Exercises of the VAE-B notebooks (ids `vae.listing.*`): Sayed's conventions, sensitivity factors and listing (68.79).
 * References are computed with the library; the oracle each one reproduces is named in `source`.
 */
import { exerciseGroup } from '../exercises/shapes';
import * as compare from '../exercises/compare';
import { bookBackprop, BookMlp } from './bookConventions';
import { listingBackprop, listingStep, tinyListingCvae, tinyListingVae } from './sayedListing';
import { klDiagGaussians, klLogVar } from './kl';
import { collapseDiagnostics, klDecomposition, totalCorrelationGaussian } from './disentangle';
import { zeroFilledOptimum } from './recommender';

const s00Group = exerciseGroup({ notebook: 'sayed-ch68/00-conventions-and-backprop.ipynb' });
const s04Group = exerciseGroup({ notebook: 'sayed-ch68/04-vae-sensitivity-factors.ipynb' });
const s05Group = exerciseGroup({ notebook: 'sayed-ch68/05-vae-training.ipynb' });
const s06Group = exerciseGroup({ notebook: 'sayed-ch68/06-conditional-vae.ipynb' });
const s07Group = exerciseGroup({ notebook: 'sayed-ch68/07-vae-recommender.ipynb' });
/** The two-layer network of notebook 00's exercises (book convention, tanh hidden, linear output). */
export const EXERCISE_NET_00: BookMlp = Object.freeze({
  W: [[[0.5, -1], [1, 0.25]], [[2], [-1]]],
  theta: [[0.1, -0.2], [0.3]],
  activations: ['tanh', 'identity'],
}) as BookMlp;
const tiny = () => listingBackprop(tinyListingVae(), [[1]], [[1]]);

// ---- sayed-ch68/00 ------------------------------------------------------------------------------------------------
s00Group.register({
  id: 'vae.listing.bias-sign',
  title: '∂/∂θ of one linear layer z = wᵀy − θ with loss (z − t)², by hand',
  source: '004 (68.71)–(68.72) with the subtracted bias of (68.41)',
  reference: () => {
    const z = 0.5 * 1 + -0.25 * 2 - 0.5; // y = (1, 2), w = (0.5, −0.25), θ = 0.5
    return -(2 * (z - 1)); // −δ with δ = 2(z − t), t = 1
  },
  compare: compare.number({ abs: 1e-9 }),
  hints: ['z = wᵀy − θ = −0.5, so δ = ∂(z − t)²/∂z = 2(z − t).', 'The bias enters with a minus sign: ∂z/∂θ = −1.'],
});
s00Group.register({
  id: 'vae.listing.delta2',
  title: 'δ₂ = f\'(z₂) ⊙ (W₂ δ₃) for the network of notebook 00 at y₁ = (1, −1), t = 0.5',
  source: '004 (68.43), (68.46)',
  reference: () => bookBackprop(EXERCISE_NET_00, [1, -1], [0.5]).delta[1],
  compare: compare.vector({ abs: 1e-9 }),
  hints: ['Forward first: z₂ = W₁ᵀy₁ − θ₁, y₂ = tanh(z₂), z₃ = W₂ᵀy₂ − θ₂.', 'δ₃ = 2(z₃ − t) (linear output); then multiply W₂ δ₃ entrywise by 1 − tanh²(z₂).'],
});
s00Group.register({
  id: 'vae.listing.dw1',
  title: '∂‖y₃ − t‖²/∂W₁ (a 2 × 2 matrix) for the same network and input',
  source: '004 (68.71): ∂/∂W_ℓ = y_ℓ δ_{ℓ+1}ᵀ',
  reference: () => bookBackprop(EXERCISE_NET_00, [1, -1], [0.5]).dW[0],
  compare: compare.matrix({ abs: 1e-9 }),
  hints: ['The outer product of the layer input y₁ with δ₂.'],
});

// ---- sayed-ch68/04 ------------------------------------------------------------------------------------------------
s04Group.register({
  id: 'vae.listing.o6-delta-dec',
  title: 'Tiny VAE: the terminal decoder sensitivity δ_{L_d,d}, by hand to 5 significant figures',
  source: '004 (68.43)',
  reference: () => tiny().trace.V9[0][0],
  compare: compare.sigFigs(5),
  hints: ['σ = e^{a/2} = e^{−0.1}; u = μ + σε; ĥ = w_{1,d} u (linear decoder, θ = 0).', 'δ = 2(ĥ − h) · f\'(z) with f\' = 1.'],
});
s04Group.register({
  id: 'vae.listing.o6-delta-enc',
  title: 'Tiny VAE: the transition sensitivity δ_{L_e,e} (2 entries)',
  source: '004 (68.57)–(68.58)',
  reference: () => tiny().trace.V17.map((r) => r[0]),
  compare: compare.vector({ rel: 5e-5 }),
  hints: ['s = col{1, ½ ε e^{a/2}}.', 'Stack W_{1,d} δ_{2,d} twice and multiply entrywise by s (f\' = 1 at the linear encoder output).'],
});
s04Group.register({
  id: 'vae.listing.o6-lambda',
  title: 'Tiny VAE: the KL sensitivity λ_{L_e,e} = x ⊙ f\'(z), by hand to 4 significant figures',
  source: '004 (68.63)–(68.64)',
  reference: () => tiny().trace.V11.map((r) => r[0]),
  compare: compare.vectorSigFigs(4),
  hints: ['x = col{2μ, e^{a} − 1} with μ = 0.5, a = −0.2.'],
});
s04Group.register({
  id: 'vae.listing.o6-grad-we',
  title: 'Tiny VAE: ∇W_{1,e} = h (δ + λ)ᵀ',
  source: '004 (68.73)–(68.75)',
  reference: () => tiny().grads.We[0][0],
  compare: compare.vector({ rel: 5e-5 }),
  hints: ['h = 1, so the gradient is δ_{L_e,e} + λ_{L_e,e}.'],
});

// ---- sayed-ch68/05 ------------------------------------------------------------------------------------------------
s05Group.register({
  id: 'vae.listing.o6-step',
  title: 'One iteration of listing (68.79) on the tiny VAE (μ = 0.1, ρ = 0.01, B = 1): the new W_{1,e}',
  source: '004 listing (68.79), the encoder updates',
  reference: () => listingStep(tinyListingVae(), [[1]], [[1]], { eta: 0.1, rho: 0.01 }).vae.We[0][0],
  compare: compare.vector({ rel: 5e-5 }),
  hints: ['W ← (1 − 2μρ) W − μ h (δ + λ)ᵀ with the step size μ = 0.1 (not the encoder mean).'],
});
s05Group.register({
  id: 'vae.listing.kappa',
  title: 'Prob. 68.3: the tiny VAE\'s ∇W_{1,e} for the κ-weighted risk with κ = 0.5',
  source: '004 Prob. 68.3 on a tiny VAE',
  reference: () => listingBackprop(tinyListingVae(), [[1]], [[1]], { kappa: 0.5 }).grads.We[0][0],
  compare: compare.vector({ rel: 5e-5 }),
  hints: ['Only λ is scaled: the encoder uses δ + κλ; δ is unchanged.'],
});
s05Group.register({
  id: 'vae.listing.book-iterations',
  title: 'How many SGD iterations does Example 68.1 run (N = 60,000, B = 1, 200 passes)?',
  source: '004 Example 68.1, (68.80) (erratum 004-E28)',
  reference: () => (60000 / 1) * 200,
  compare: compare.number({ abs: 0.5 }),
  hints: ['One iteration per mini-batch; N/B batches per pass.'],
});

// ---- sayed-ch68/06 ------------------------------------------------------------------------------------------------
s06Group.register({
  id: 'vae.cvae.input-sizes',
  title: 'Example 68.3: the input sizes n_{1,e} and n_{1,d} of the conditional VAE (M = 784, P = 2, C = 10)',
  source: '004 (68.85)–(68.86), Example 68.3',
  reference: () => [784 + 10, 2 + 10],
  compare: compare.vector({ abs: 0.5 }),
  hints: ['The encoder reads col{h, γ}; the decoder reads col{u, γ}.'],
});
s06Group.register({
  id: 'vae.cvae.tiny-transition',
  title: 'Tiny conditional VAE (h = 1, class 2 of C = 2, ε = 1): the transition sensitivity δ_{L_e,e}',
  source: '004 (68.89)–(68.95)',
  reference: () => listingBackprop(tinyListingCvae(), [[1]], [[1]], { labels: [1] }).trace.V17.map((r) => r[0]),
  compare: compare.vector({ rel: 5e-5 }),
  hints: ['Encoder input col{h, γ} = (1, 0, 1): μ = 0.5 − 0.4 = 0.1, a = −0.2 + 0.2 = 0.', 'Decoder input col{u, γ}; δ_{2,d} = 2(ĥ − h).', 'Only the first P rows of W_{1,d} (the u row, 2) enter the transition: W̄ δ = 2 δ.'],
});
s06Group.register({
  id: 'vae.cvae.prior-kl',
  title: 'Erratum 004-E7: KL(N(0.5, e^{−0.2}) ‖ N(1, 1)) for a class-dependent prior mean 1, to 4 significant figures',
  source: '004 (68.82) with f(u|γ) = N(m_γ, 1); cf. (68.20)',
  reference: () => klDiagGaussians([0.5], [Math.exp(-0.2)], [1], [1]),
  compare: compare.number({ rel: 5e-4 }),
  hints: ['KL = ½(σ²/σ₀² + (μ − μ₀)²/σ₀² − 1 − ln(σ²/σ₀²)).'],
});

// ---- sayed-ch68/07 ------------------------------------------------------------------------------------------------
s07Group.register({
  id: 'vae.rec.zero-filled',
  title: 'Erratum 004-E22: the best constant prediction for an item rated by 20% of users with mean rating 0.8, when unobserved entries are zero targets',
  source: '004 Example 68.2 (erratum 004-E22)',
  reference: () => zeroFilledOptimum(0.2, 0.8).zeroFilled,
  compare: compare.number({ abs: 1e-9 }),
  hints: ['Minimise 0.2(0.8 − c)² + 0.8(0 − c)² over c.'],
});
s07Group.register({
  id: 'vae.rec.masked-delta',
  title: 'Masked terminal sensitivity: h = (0.8, 0, 0.6), ĥ = (0.7, 0.3, 0.5), item 2 unobserved, linear output',
  source: '004 (68.43) with the observed-entries reconstruction (erratum 004-E22)',
  reference: () => [0.8, 0, 0.6].map((h, j) => 2 * ([0.7, 0.3, 0.5][j] - h) * [1, 0, 1][j]),
  compare: compare.vector({ abs: 1e-9 }),
  hints: ['δ = 2(ĥ − h) ⊙ m ⊙ f\'(z) with m = (1, 0, 1) and f\' = 1.'],
});
s07Group.register({
  id: 'vae.rec.decoder-variance',
  title: 'Which Gaussian decoder variance σ² makes ‖h − ĥ‖² + κJ with κ = 0.02 a multiple of −ELBO plus a constant?',
  source: '004 (68.21)–(68.25), (68.59); Prob. 68.3',
  reference: () => 0.02,
  compare: compare.number({ rel: 1e-9 }),
  hints: ['−ELBO = ‖h − ĥ‖²/(2σ²) + KL + const and J = 2 KL + P.', 'Multiply −ELBO by 2σ².'],
});

// ---- sta4124/10 and sta4124/11 ----------------------------------------------------------------------------------------
const nb10Group = exerciseGroup({ notebook: 'sta4124/10-autoencoders-and-vae.ipynb' });
const nb11Group = exerciseGroup({ notebook: 'sta4124/11-advanced-vae.ipynb' });
nb10Group.register({
  id: 'vae.ae.discarded-variance',
  title: 'The optimal loss of a linear autoencoder with k = 1 for covariance eigenvalues (4, 1, 0.25), by hand',
  source: '002 §5.1, L910–953 (erratum 002-E26)',
  reference: () => 1 + 0.25,
  compare: compare.number({ rel: 1e-9 }),
  hints: ['The optimum keeps the top-k principal subspace; the loss is the variance left out.'],
});
nb10Group.register({
  id: 'vae.ae.kl-d25',
  title: 'KL(N((1, 0), diag(2, 0.5)) ‖ N(0, I)) from log-variances, by hand',
  source: '002 §5.2, Eq. (5.2.4) and App. E.2',
  reference: () => klLogVar([1, 0], [Math.log(2), Math.log(0.5)]),
  compare: compare.number({ rel: 1e-9 }),
  hints: ['−½ Σ_j (1 + log σ_j² − μ_j² − σ_j²).', 'The log terms cancel: log 2 + log 0.5 = 0.'],
});
nb10Group.register({
  id: 'vae.ae.pathwise-grad',
  title: '∂/∂μ E_{N(μ, σ²)}[z²] at μ = 1, σ = 1 (the pathwise derivative of the reparameterised expectation)',
  source: '002 §5.2.2 and App. E.1 (erratum 002-E27)',
  reference: () => 2 * 1,
  compare: compare.number({ rel: 1e-9 }),
  hints: ['E[z²] = μ² + σ².'],
});
nb11Group.register({
  id: 'vae.adv.tc-gaussian',
  title: 'Total correlation of a bivariate Gaussian with correlation ρ = 0.5, by hand to 4 significant figures',
  source: '002 §6.1, (6.1.1)',
  reference: () => totalCorrelationGaussian([[1, 0.5], [0.5, 1]]),
  compare: compare.sigFigs(4),
  hints: ['TC = ½(Σ log Σ_ii − log det Σ) = −½ log(1 − ρ²).'],
});
nb11Group.register({
  id: 'vae.adv.mutual-info',
  title: 'I_q(x; z) for p_data = (½, ½), q(z|x) = [[0.9, 0.1], [0.2, 0.8]]',
  source: '002 §6.3, (6.3.3)–(6.3.4) (erratum 002-E32)',
  reference: () => klDecomposition([0.5, 0.5], [[0.9, 0.1], [0.2, 0.8]], [0.5, 0.5]).mutualInfo,
  compare: compare.number({ rel: 1e-6 }),
  hints: ['First the aggregate q(z) = Σ_x p_data(x) q(z|x).', 'Then Σ_x p_data(x) KL(q(z|x) ‖ q(z)).'],
});
nb11Group.register({
  id: 'vae.adv.permuted-row',
  title: 'permute_dims on the batch of the notes (002 §6.3.2): the first row when dimension 1 takes row 3 and dimensions 2, 3 keep row 1',
  source: '002 §6.3, Algorithm 6.1, L1185–1191',
  reference: () => [0.5, 1.3, -0.7],
  compare: compare.vector({ abs: 1e-12 }),
  hints: ['z^(1) = (0.2, 1.3, −0.7), z^(3) = (0.5, −0.9, 0.3): take z₁ from z^(3), z₂ and z₃ from z^(1).'],
});
nb11Group.register({
  id: 'vae.adv.active-units',
  title: 'Active units for encoder-mean variances (0.8, 0.004, 0.3, 0.0001) with the threshold 0.01',
  source: '002 §6.4, L1220–1238 (active units, Burda et al. 2016)',
  reference: () => collapseDiagnostics([[0.8, 0.004, 0.3, 0.0001].map((v) => Math.sqrt(v)), [0.8, 0.004, 0.3, 0.0001].map((v) => -Math.sqrt(v))], [[0, 0, 0, 0], [0, 0, 0, 0]]).active,
  compare: compare.number({ abs: 0.5 }),
  hints: ['Count the variances above 0.01.'],
});
nb11Group.register({
  id: 'vae.adv.factor-tc-logodds',
  title: 'The density-ratio TC estimate from discriminator outputs D(z) = (0.8, 0.6, 0.7, 0.5) on four codes z ~ q(z), by hand to 4 significant figures',
  source: '002 §6.3.2, the density-ratio form of TC below (6.3.7), and Algorithm 6.1',
  // TC ≈ mean over real codes of log(D/(1 − D)); the odds are 4, 1.5, 7/3 and 1
  reference: () => (Math.log(4) + Math.log(1.5) + Math.log(7 / 3) + Math.log(1)) / 4,
  compare: compare.sigFigs(4),
  hints: ['Each code contributes its log-odds log(D/(1 − D)).', 'The odds are 0.8/0.2 = 4, 0.6/0.4 = 1.5, 0.7/0.3 = 7/3 and 1; average their logarithms.'],
});
