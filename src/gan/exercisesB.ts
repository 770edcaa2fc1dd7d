/**
 * Exercises of the GAN-B notebooks (source 004 §68.5–68.7, Problems 68.9–68.11). Every reference is computed with this
 * library; by-hand answers state their precision and use a matching relative tolerance.
 */
import { exerciseGroup } from '../exercises/shapes';
import { registerExercise, compare } from '../exercises';
import { createAdam } from './adam';
import { sayedDiscriminatorGradients, sayedGeneratorGradients, softmaxCrossEntropyDelta, tinyGanNets } from './listings';
import { wasserstein1Gaussian, wasserstein1Sorted } from './wasserstein';
import { conditionVector, conditionalTransitionRows } from './conditional';
import { flippedOptimalDiscriminator, hingeValueGaussian, inverseCdfExponential } from './problems';
import { avbLogRatio } from './hybrids';
import { multiclassGeneratorDelta } from './multiclass';
import { energyDistance } from './aae';
import { discriminatorLoss } from './losses';
import type { SayedNet } from './listings';

const nb09Group = exerciseGroup({ notebook: 'sayed-ch68/09-gan-backprop.ipynb' });
const nb10Group = exerciseGroup({ notebook: 'sayed-ch68/10-gan-training.ipynb' });

const u = { default: 0.4, min: -10, max: 10, description: 'latent u of the tiny GAN' };
const wg = { default: 1.5, min: -10, max: 10, description: 'generator weight w_g' };

// ------------------------------------------------------------------------------------------------ notebook 09
nb09Group.register({
  id: 'gan.listings.tiny-generator-delta',
  title: 'The generator sensitivity δ_{L_g,g} of the tiny GAN through the transition (68.150)',
  source: '004 §68.5.2, Eqs. (68.139), (68.142), (68.150)',
  params: { u, wg },
  reference: ({ u: uu, wg: w }) => sayedGeneratorGradients(tinyGanNets(w).G, tinyGanNets(w).D, [[uu]]).traces[0].deltaG[1][0],
  compare: compare.sigFigs(4),
  hints: ['ĥ = w_g u; the discriminator logits are z = W_{1,d}ᵀ ĥ = (ĥ, −ĥ), so γ̂(1) = σ(2ĥ).', 'With the label col{1, 0}: δ̂ = γ̂ − col{1, 0} = (−(1 − γ̂(1)), 1 − γ̂(1)).', 'δ_{L_g,g} = −f\'(z) · W_{1,d} δ̂ with f linear, W_{1,d} = [1, −1].'],
});

nb09Group.register({
  id: 'gan.listings.tiny-generator-gradient',
  title: 'The non-saturating generator gradient ∂ ln γ̂(1)/∂w_g of the tiny GAN (68.153)',
  source: '004 §68.5.2, Eqs. (68.150), (68.153)',
  params: { u, wg },
  reference: ({ u: uu, wg: w }) => -sayedGeneratorGradients(tinyGanNets(w).G, tinyGanNets(w).D, [[uu]]).dW[0][0][0],
  compare: compare.sigFigs(4),
  hints: ['∂ ln γ̂(1)/∂W_{1,g} = y_{1,g} δ_{2,g}ᵀ with y_{1,g} = u.', 'It equals (1 − D)·2u with D = σ(2 w_g u).'],
});

nb09Group.register({
  id: 'gan.listings.tiny-discriminator-gradient',
  title: 'The discriminator gradient ∇W_{1,d} of the tiny GAN on one real and one fake sample (68.151)',
  source: '004 §68.5.2, Eqs. (68.139)–(68.141), (68.151); listing (68.160)',
  params: { h: { default: 1, min: -10, max: 10, description: 'the real sample h' } },
  reference: ({ h }) => sayedDiscriminatorGradients(tinyGanNets().D, [[h]], [[0.6]]).dW[0][0],
  compare: compare.vectorSigFigs(4),
  hints: ['Real: γ̂ = softmax(h, −h), δ = γ̂ − col{1, 0}. Fake ĥ = 0.6: δ̂ = γ̂ − col{0, 1}.', 'The risk averages over N = 2 samples: ∇W = ½(h δᵀ + ĥ δ̂ᵀ).'],
});

nb09Group.register({
  id: 'gan.listings.soft-label-delta',
  title: 'The correct boundary sensitivity under the soft label γ = col{0.9, 0}',
  source: '004 §68.5.2, Eq. (68.139); Example 68.6 (c)',
  params: { g1: { default: 0.9, min: 0, max: 1, description: 'soft real label γ(1)' }, y1: { default: 0.7, min: 0.001, max: 0.999, description: 'γ̂(1)' } },
  reference: ({ g1, y1 }) => softmaxCrossEntropyDelta([y1, 1 - y1], [g1, 0], 'exact'),
  compare: compare.vector({ rel: 5e-4, abs: 1e-9 }),
  hints: ['Differentiate −γ(1) ln γ̂(1) − γ(2) ln γ̂(2) with respect to z(q), using ∂ ln γ̂(q\')/∂z(q) = 𝟙{q = q\'} − γ̂(q).', 'The result is (Σ_q γ(q)) γ̂ − γ, not γ̂ − γ.'],
});

// ------------------------------------------------------------------------------------------------ notebook 10
nb10Group.register({
  id: 'gan.training.adam-first-step',
  title: 'The first ADAM step of Example 68.6 (68.175a–d) on a gradient g',
  source: '004 Example 68.6, Eqs. (68.175a–d); Kingma & Ba (2015) Alg. 1',
  params: { g1: { default: 2e-8, min: -100, max: 100, description: 'first gradient entry' }, g2: { default: -5e-9, min: -100, max: 100, description: 'second gradient entry' } },
  reference: ({ g1, g2 }) => {
    const p = [[0, 0]];
    createAdam({ mu: 2e-4, beta1: 0.5, beta2: 0.999, eps: 1e-8 }).step(p, [[g1, g2]]);
    return p[0];
  },
  compare: compare.vectorSigFigs(4),
  hints: ['After one step m̂ = g and v̂ = g² (the bias corrections undo the factors 1 − β).', 'So the change is −μ g/(|g| + ε), entry by entry: ≈ −μ sign(g) for large gradients, damped by ε for gradients of its size.'],
});

nb10Group.register({
  id: 'gan.training.equilibrium-risk',
  title: 'The discriminator risk (68.121) (ρ = 0) when D outputs ½ everywhere',
  source: '004 §68.4.1 (68.99); Example 68.5 (68.118)',
  reference: () => Math.log(2),
  compare: compare.sigFigs(4),
  hints: ['Every term of (68.99) is −ln ½ when γ̂(1) = ½ on real and fake samples.'],
});

nb10Group.register({
  id: 'gan.training.example-iterations',
  title: 'How many discriminator updates Example 68.6 performs (B = 128, K_d = 1, 200 passes over 60,000 images, last partial batch dropped)',
  source: '004 Example 68.6 (L1314)',
  params: { epochs: { default: 200, min: 1, max: 10000, integer: true, description: 'passes over the data' } },
  reference: ({ epochs }) => epochs * Math.floor(60000 / 128),
  compare: compare.number({ abs: 0.5 }),
  hints: ['One outer iteration of (68.155) per mini-batch; K_d = 1 update of D per iteration.'],
});

nb10Group.register({
  id: 'gan.training.ring-quality',
  title: 'The quality score of the ring itself: P(‖x − centre‖ ≤ 3σ) for an isotropic 2-D Gaussian',
  source: 'extension: Metz et al. (2017) §3.1 (high-quality samples within 3σ)',
  params: { k: { default: 3, min: 0.1, max: 10, description: 'radius in standard deviations' } },
  reference: ({ k }) => 1 - Math.exp(-(k * k) / 2),
  compare: compare.sigFigs(4),
  hints: ['‖x − c‖²/σ² is χ² with 2 degrees of freedom, an Exp(½) variable.'],
});

// ------------------------------------------------------------------------------------------------ notebook 12
const nb12Group = exerciseGroup({ notebook: 'sayed-ch68/12-wasserstein-gan.ipynb' });

nb12Group.register({
  id: 'gan.wgan.gaussian-w1',
  title: 'W₁ between N(0, 1) and N(m, 1)',
  source: '004 §68.7, Eq. (68.177)',
  params: { m: { default: -1.5, min: -100, max: 100, description: 'mean of the second Gaussian' } },
  reference: ({ m }) => wasserstein1Gaussian(0, 1, m, 1),
  compare: compare.number({ rel: 5e-4, abs: 1e-9 }),
  hints: ['In 1-D the optimal coupling pairs equal quantiles: x ↦ x + m.', 'Every unit of mass moves by |m|.'],
});

nb12Group.register({
  id: 'gan.wgan.sorted-w1',
  title: 'W₁ between the empirical distributions of {0, 1, 3} and {2, 2, 5}',
  source: '004 §68.7, Eq. (68.177) (1-D empirical case)',
  reference: () => wasserstein1Sorted([0, 1, 3], [2, 2, 5]),
  compare: compare.sigFigs(4),
  hints: ['Sort both samples and pair them in order.', 'Average the absolute differences of the pairs.'],
});

nb12Group.register({
  id: 'gan.wgan.penalty-bias',
  title: 'The gap of the best linear critic D = s·x under the two-sided gradient penalty λ(|s| − 1)², N(0, 1) vs N(m, 1)',
  source: 'extension: Gulrajani et al. (2017) Eq. (3); 004 §68.7 (68.179)',
  params: { m: { default: 1, min: 0, max: 10, description: 'mean shift m' }, lambda: { default: 10, min: 0.1, max: 1000, description: 'penalty weight λ' } },
  reference: ({ m, lambda }) => {
    // minimise s·m + λ(|s| − 1)² over s < 0 numerically (golden section) and report the gap −s·m
    let a = -10;
    let b = 0;
    const f = (s: number) => s * m + lambda * (Math.abs(s) - 1) ** 2;
    for (let i = 0; i < 200; i++) {
      const c = b - (b - a) / 1.618033988749895;
      const d = a + (b - a) / 1.618033988749895;
      if (f(c) < f(d)) b = d;
      else a = c;
    }
    return -((a + b) / 2) * m;
  },
  compare: compare.sigFigs(4),
  hints: ['For D = s·x the gap E D(real) − E D(fake) is −s·m; the critic minimises s·m + λ(|s| − 1)².', 'On the branch s < 0, set the derivative m − 2λ(−s − 1) to zero.'],
});

// ------------------------------------------------------------------------------------------------ notebook 11
const nb11Group = exerciseGroup({ notebook: 'sayed-ch68/11-conditional-gan.ipynb' });

nb11Group.register({
  id: 'gan.cgan.input-sizes',
  title: 'Input sizes of the conditional generator and discriminator: book form vs corrected (P = 2, M = 784, C = 10)',
  source: '004 §68.6, Eqs. (68.164)–(68.165)',
  params: { P: { default: 2, min: 1, max: 1000, integer: true, description: 'latent size P' }, M: { default: 784, min: 1, max: 100000, integer: true, description: 'feature size M' }, C: { default: 10, min: 2, max: 1000, integer: true, description: 'number of classes C' } },
  reference: ({ P, M, C }) => [P + conditionVector(0, C, 'source').length, M + conditionVector(0, C, 'source').length, P + conditionVector(0, C, 'exact').length, M + conditionVector(0, C, 'exact').length],
  compare: compare.vector({ abs: 0.5 }),
  hints: ['The book appends its (C + 1)-entry label to u and to h.', 'The corrected version appends the C-entry class one-hot.'],
});

nb11Group.register({
  id: 'gan.cgan.leak-risk',
  title: 'The risk (68.99) of a discriminator that only reads the "fake" entry of its input label: D = σ(k(1 − 2γ(C+1)))',
  source: '004 §68.6, Eqs. (68.163), (68.165); §68.4.1 (68.99)',
  params: { k: { default: 5, min: 0, max: 50, description: 'the weight k on the label entry' } },
  reference: ({ k }) => sayedDiscriminatorGradients({ W: [[[0, 0], [-k, k]]], theta: [[-k / 2, k / 2]], act: ['softmax'] }, [[0, 0]], [[0, 1]]).risk,
  compare: compare.sigFigs(4),
  hints: ['On a real sample γ(C+1) = 0, so D = σ(k); on a fake γ(C+1) = 1, so D = σ(−k) and 1 − D = σ(k).', 'Every term of (68.99) is −ln σ(k).'],
});

nb11Group.register({
  id: 'gan.cgan.transition',
  title: 'The transition product W̄_{1,d} δ_{2,d} of (68.174) for M = 2',
  source: '004 §68.6, Eqs. (68.172)–(68.174)',
  reference: () => {
    const D: SayedNet = { W: [[[1, 2], [3, 4], [5, 6], [7, 8]], [[1, 0], [0, 1]]], theta: [[0, 0], [0, 0]], act: ['tanh', 'softmax'] };
    return conditionalTransitionRows(D, 2).map((row) => row[0] * 0.5 + row[1] * -1);
  },
  compare: compare.vector({ rel: 5e-4, abs: 1e-9 }),
  hints: ['W̄_{1,d} keeps the first M = 2 rows of W_{1,d}, those that multiply ĥ.', 'Multiply each kept row by δ_{2,d} = (0.5, −1).'],
});

nb11Group.register({
  id: 'gan.cgan.multiclass-generator-delta',
  title: 'Prob. 68.8: the generator\'s boundary sensitivity δ at a (C+1)-way discriminator output γ̂ = (0.5, 0.2, 0.3), C = 2',
  source: '004 Problem 68.8; §68.5.2, Eq. (68.139); listing (68.161)',
  params: { y1: { default: 0.5, min: 0.001, max: 0.998, description: 'γ̂(1)' }, y2: { default: 0.2, min: 0.001, max: 0.998, description: 'γ̂(2); γ̂(3) = 1 − γ̂(1) − γ̂(2)' } },
  reference: ({ y1, y2 }) => multiclassGeneratorDelta([y1, y2, 1 - y1 - y2]),
  compare: compare.vectorSigFigs(4),
  hints: ['The generator maximises ln(1 − γ̂(3)) = ln s with s = γ̂(1) + γ̂(2).', 'With ∂γ̂(c)/∂z(q) = γ̂(c)(𝟙{c = q} − γ̂(q)), the derivative of −ln s in z(q) is γ̂(q) − γ̂(q)𝟙{q ≤ C}/s.'],
});

// ------------------------------------------------------------------------------------------------ notebook 13
const nb13Group = exerciseGroup({ notebook: 'sayed-ch68/13-problems-lab.ipynb' });

nb13Group.register({
  id: 'gan.problems.inverse-cdf',
  title: 'Prob. 68.1: the Exp(1) sample that the latent u is mapped to by x = F⁻¹(Φ(u))',
  source: '004 Problem 68.1',
  params: { u: { default: 0, min: -8, max: 8, description: 'the Gaussian latent u' } },
  reference: ({ u: uu }) => inverseCdfExponential(uu),
  compare: compare.sigFigs(4),
  hints: ['F(x) = 1 − e^{−x} for Exp(1), so F⁻¹(p) = −ln(1 − p).', 'Φ(0) = ½.'],
});

nb13Group.register({
  id: 'gan.problems.flipped-dstar',
  title: 'Prob. 68.9: the flipped-label optimal discriminator D*(0) for f_h = N(0, 1), f_ĥ = N(m, 1)',
  source: '004 Problem 68.9; Example 68.4 (68.107)',
  params: { m: { default: 1, min: -10, max: 10, description: 'mean of the fakes' } },
  reference: ({ m }) => flippedOptimalDiscriminator((x) => Math.exp(-(x * x) / 2), (x) => Math.exp(-((x - m) ** 2) / 2))(0),
  compare: compare.sigFigs(4),
  hints: ['With label 1 = fake, maximise f_h ln(1 − D) + f_ĥ ln D pointwise.', 'D* = f_ĥ/(f_h + f_ĥ); at x = 0 the ratio f_ĥ/f_h is e^{−m²/2}.'],
});

nb13Group.register({
  id: 'gan.problems.hinge-value',
  title: 'Prob. 68.10 with D ≥ 0: the value ∫ min(f_h, f_ĥ) for f_h = N(0, 1), f_ĥ = N(m, 1)',
  source: '004 Problem 68.10',
  params: { m: { default: 1, min: -10, max: 10, description: 'mean of the fakes' } },
  reference: ({ m }) => hingeValueGaussian(m),
  compare: compare.sigFigs(4),
  hints: ['The densities cross at x = m/2.', '∫ min = P(N(m,1) < m/2) + P(N(0,1) > m/2) = 2Φ(−|m|/2).'],
});

// ------------------------------------------------------------------------------------------------ sta4124/14b
const nb14bGroup = exerciseGroup({ notebook: 'sta4124/14b-gan-hybrids.ipynb' });

nb14bGroup.register({
  id: 'gan.hybrids.aae-energy-distance',
  title: 'The energy distance between one code at the origin and two prior draws (r, 0) and (0, r)',
  source: '002 §10.6 (L1615–1642): comparing q(z) with p(z) from samples; Székely & Rizzo (2013)',
  params: { r: { default: 2, min: 0.01, max: 100, description: 'distance of the prior draws from the origin' } },
  reference: ({ r }) => energyDistance([[0, 0]], [[r, 0], [0, r]]),
  compare: compare.sigFigs(4),
  hints: ['2·mean‖a − b‖ − mean‖a − a′‖ − mean‖b − b′‖, each mean over all pairs (a pair of a point with itself counts, with distance 0).', 'The two prior draws are r√2 apart.'],
});

nb14bGroup.register({
  id: 'gan.hybrids.avb-log-ratio',
  title: 'AVB: the optimal adversary T*(x, z) = ln q(z|x) − ln p(z) for q(z|x) = N(0.8x, 0.6²), p = N(0, 1)',
  source: '002 L1654–1660; Mescheder, Nowozin & Geiger (2017) Prop. 1',
  params: { x: { default: 1, min: -10, max: 10, description: 'x' }, z: { default: 1, min: -10, max: 10, description: 'z' } },
  reference: ({ x, z }) => avbLogRatio(x, z, 0.8, 0.6),
  compare: compare.sigFigs(4),
  hints: ['ln N(z; m, s²) = −½ ln 2π − ln s − (z − m)²/(2s²); the ½ ln 2π cancels in the difference.'],
});

nb14bGroup.register({
  id: 'gan.hybrids.avb-kl',
  title: 'AVB: E_q T*(x, z) = KL(q(z|x) ‖ p(z)) at x = 1 for q(z|x) = N(0.8x, 0.6²), p = N(0, 1)',
  source: '002 L1654–1660 (the KL term of the ELBO replaced by E_q T*)',
  params: { x: { default: 1, min: -10, max: 10, description: 'x' } },
  reference: ({ x }) => {
    // T* is quadratic in z, so E_q T* is exact: with z ~ N(m, s²), E(z − m)² = s² and E z² = m² + s²
    const m = 0.8 * x;
    const s = 0.6;
    return avbLogRatio(x, m, 0.8, s) - 0.5 + 0.5 * s * s; // T*(x, m) − ½ + ½s²
  },
  compare: compare.sigFigs(4),
  hints: ['KL(N(m, s²) ‖ N(0, 1)) = ½(s² + m² − 1 − ln s²).'],
});

nb14bGroup.register({
  id: 'gan.hybrids.d-loss',
  title: 'The discriminator loss of Table 3 done right: D = 0.8 on a real sample, 0.3 on a fake',
  source: '002 L1565 (Table 3); (10.1.1)',
  reference: () => discriminatorLoss([0.8], [0.3]),
  compare: compare.sigFigs(4),
  hints: ['Binary cross-entropy: −ln D(real) − ln(1 − D(fake)).'],
});
