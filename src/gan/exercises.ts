/**
 * Exercises of the GAN-A notebooks (ids `gan.*`). Every reference answer is computed with this library (constants only where
 * a source states them). Parameters have defaults; `npx dgmlab answer gan.dg.eigenvalues --param alpha=0.1` prints 1 ± 0.1i.
 */
import './exercisesB'; // GAN-B exercises (issue 23)
import { exerciseGroup, compare } from '../exercises';
import { normalLogPdf } from '../core/gaussian';
import { rng } from '../core/rng';
import {
  dgUpdateMatrix,
  dgGame,
  stationaryPoint,
  spectralAnalysis,
  dgNormAfterSteps,
  GDA_METHODS,
  GdaMethod,
} from './games';
import {
  argmaxBinaryLogLikelihood,
  ganOptimalValueDecomposition,
  gaussianGanOptimalValue,
  gaussianJs,
  optimalDiscriminatorDensity,
  ganValueConstantHalf,
  GAN_OPTIMAL_VALUE,
} from './value';
import { gradLog1mDWrtLogit, gradLogDWrtLogit, saturationTable } from './losses';
import { toyValue, toyGradients, toyGanPreset, trainToyGan } from './toy1d';
import { twoClassSoftmaxD, sayedRegularizerAscentFactor } from './sayed';
import { buildDcganGenerator, buildDcganDiscriminator } from './dcgan';

const dyn = exerciseGroup({ notebook: 'dgm-exercises/06-gan-dynamics.ipynb' });
const n13 = exerciseGroup({ notebook: 'nguyen-tutorial/13-gan-minimax-and-sgd.ipynb' });
const n14 = exerciseGroup({ notebook: 'nguyen-tutorial/14-gan-optimal-discriminator.ipynb' });
const sta = exerciseGroup({ notebook: 'sta4124/14-gans.ipynb' });
const dn12 = exerciseGroup({ notebook: 'dgm-notes/12-gan-objectives.ipynb' });
const dn13 = exerciseGroup({ notebook: 'dgm-notes/13-dcgan-and-optimality.ipynb' });
const say = exerciseGroup({ notebook: 'sayed-ch68/08-gan-theory.ipynb' });

const alpha = { default: 0.1, min: 1e-9, max: 10, description: 'step size α (> 0)' };

// ------------------------------------------------------------------------------------------- dgm-exercises/06 (001 §6)
dyn.matrix({
  id: 'gan.dg.update-matrix',
  title: 'The matrix A of simultaneous gradient ascent (d) / descent (g) on V(d, g) = dg',
  source: '001 §6, Steps 6.1',
  params: { alpha },
  reference: ({ alpha: a }) => dgUpdateMatrix(a, 'simultaneous'),
  tolerance: { abs: 1e-9 },
  hints: ['∂V/∂d = g and ∂V/∂g = d.', 'd ascends: d ← d + α·∂V/∂d; g descends: g ← g − α·∂V/∂g. Write both as rows acting on (d, g).'],
});

dyn.vector({
  id: 'gan.dg.stationary-point',
  title: 'The stationary point (d*, g*) of the update map',
  source: '001 §6, Steps 6.2',
  reference: () => stationaryPoint(dgGame()).point,
  tolerance: { abs: 1e-9, length: 2 },
  hints: ['A fixed point satisfies A z = z, i.e. the gradient field vanishes.'],
});

dyn.register({
  id: 'gan.dg.eigenvalues',
  title: 'Eigenvalues of the simultaneous GDA update matrix for V(d, g) = dg',
  source: '001 §6, Steps 6.1–6.3',
  params: { alpha },
  reference: ({ alpha: a }) => spectralAnalysis(dgUpdateMatrix(a, 'simultaneous')).eigenvalues,
  compare: compare.unordered(compare.complex({ abs: 1e-9 })),
  hints: ['Solve det(A − λI) = (1 − λ)² + α² = 0.', 'The two eigenvalues are complex conjugates; give both, e.g. ["1 + 0.1i", "1 - 0.1i"].'],
});

dyn.byHand({
  id: 'gan.dg.modulus',
  title: 'The modulus |λ| of those eigenvalues (to 4 significant figures)',
  source: '001 §6, Steps 6.3',
  params: { alpha },
  reference: ({ alpha: a }) => spectralAnalysis(dgUpdateMatrix(a, 'simultaneous')).spectralRadius,
  sigFigs: 4,
  hints: ['|1 ± iα| = √(1² + α²).'],
});

dyn.number({
  id: 'gan.dg.norm-after-k',
  title: '‖(d_k, g_k)‖ after k simultaneous steps from (d_0, g_0)',
  source: '001 §6, Steps 6.3',
  params: { alpha, k: { default: 50, min: 0, max: 100000, integer: true, description: 'number of steps k' }, d0: { default: 1 }, g0: { default: 0 } },
  reference: ({ alpha: a, k, d0, g0 }) => dgNormAfterSteps(a, k, Math.hypot(d0, g0)),
  tolerance: { rel: 1e-9, abs: 1e-12 },
  hints: ['A/√(1+α²) is a rotation, so each step multiplies the norm by √(1+α²).'],
});

dyn.set({
  id: 'gan.dg.converging-methods',
  title: 'Which update rules converge to (0, 0) on V = dg at this α? (simultaneous, alternating, extragradient, optimistic, consensus with γ = 1)',
  source: '001 §6 (extension: Korpelevich 1976; Daskalakis et al. 2018; Mescheder et al. 2017)',
  params: { alpha },
  reference: ({ alpha: a }) => (GDA_METHODS as readonly GdaMethod[]).filter((m) => spectralAnalysis(dgUpdateMatrix(a, m)).converges),
  hints: ['A linear iteration converges from every start iff the spectral radius ρ(A) < 1.', 'Alternating updates have |λ| = 1 exactly for α < 2: bounded, but not convergent.'],
});

dyn.number({
  id: 'gan.dg.alternating-modulus',
  title: 'The spectral radius of the ALTERNATING update matrix [[1, α], [−α, 1 − α²]]',
  source: '001 §6 (extension: alternating updates)',
  params: { alpha: { default: 0.5, min: 1e-9, max: 1.99, description: 'step size α in (0, 2)' } },
  reference: ({ alpha: a }) => spectralAnalysis(dgUpdateMatrix(a, 'alternating')).spectralRadius,
  tolerance: { abs: 1e-9 },
  hints: ['det A = 1, and for α < 2 the eigenvalues are complex conjugates.', 'Complex-conjugate eigenvalues with product 1 have modulus 1.'],
});

dyn.byHand({
  id: 'gan.dg.extragradient-radius',
  title: 'The spectral radius of extragradient, A = I − αJ + α²J², on V = dg (to 4 significant figures)',
  source: '001 §6 (extension: extragradient, Korpelevich 1976)',
  params: { alpha: { default: 0.5, min: 1e-9, max: 10, description: 'step size α' } },
  reference: ({ alpha: a }) => spectralAnalysis(dgUpdateMatrix(a, 'extragradient')).spectralRadius,
  sigFigs: 4,
  hints: ['For dg, J² = −I, so A = (1 − α²)I − αJ.', 'Its eigenvalues are (1 − α²) ± iα.'],
});

// ------------------------------------------------------------------------------------------- nguyen-tutorial/13 (000 §4, L1195–1331)
n13.byHand({
  id: 'gan.nguyen.loss-value',
  title: 'l(Φ, Ψ | x, z) of (4.2) for a = 1, b = 0, Ψ = (0, 1, 0), x = 0.5, z = 0.2 (to 4 significant figures)',
  source: '000 §4, L1195–1252, (4.2)',
  reference: () => toyValue([1, 0], [0, 1, 0], [0.5], [0.2]),
  sigFigs: 4,
  hints: ['g(z) = az + b = 0.2 and d(x) = σ(w2x² + w1x + w0) = σ(x).', 'l = log σ(0.5) + log(1 − σ(0.2)).'],
});

n13.vector({
  id: 'gan.nguyen.grad-psi',
  title: 'The discriminator gradient ∇_Ψ l at the same point (Ψ = (w2, w1, w0))',
  source: '000 §4 (L1266–1270)',
  reference: () => toyGradients([1, 0], [0, 1, 0], [0.5], [0.2]).gradPsi,
  tolerance: { abs: 1e-9, length: 3 },
  hints: ['∂d/∂Ψ = d(1 − d)(x², x, 1), so (∂d(x)/∂Ψ)/d(x) = (1 − d(x))(x², x, 1).', 'Subtract (∂d(x′)/∂Ψ)/(1 − d(x′)) = d(x′)(x′², x′, 1) at x′ = g(z).'],
});

n13.vector({
  id: 'gan.nguyen.grad-phi',
  title: 'The generator gradient ∇_Φ log(1 − d(g(z|Φ))) at the same point (Φ = (a, b))',
  source: '000 §4 (L1262), (4.5)',
  reference: () => toyGradients([1, 0], [0, 1, 0], [0.5], [0.2], 'saturating').gradPhi,
  tolerance: { abs: 1e-9, length: 2 },
  hints: ['−(∂d/∂Φ)/(1 − d) with ∂d(g(z))/∂Φ = d(1 − d)·s′(x′)·(z, 1).', 'Here s(x) = x, so s′ = 1 and the gradient is −d(x′)·(z, 1).'],
});

n13.number({
  id: 'gan.nguyen.saturating-gradient',
  title: 'd/ds log(1 − σ(s)) at D = σ(s) = 0.01 (the saturating generator’s learning signal)',
  source: '000 §4, L1207, L1256, L1286 (erratum 000-E59)',
  params: { D: { default: 0.01, min: 1e-9, max: 1 - 1e-9, description: 'D(G(z)) in (0, 1)' } },
  reference: ({ D }) => gradLog1mDWrtLogit(Math.log(D) - Math.log1p(-D)),
  tolerance: { abs: 1e-9 },
  hints: ['d/ds log(1 − σ(s)) = −σ(s).'],
});

n13.number({
  id: 'gan.nguyen.recovered-mean',
  title: 'The generator g(z) = az + b at the optimum p_g = p_data = N(2, 1): which b? (the seeded training lands within 0.1 of it)',
  source: '000 §4, L1254–1303',
  reference: () => 2,
  tolerance: { abs: 0.1 },
  hints: ['g(z) = az + b with z ~ N(0, 1) is normal: N(b, a²).', 'Match it with the data law N(2, 1).'],
});

// ------------------------------------------------------------------------------------------- nguyen-tutorial/14 (000 §4, L1333–1381)
n14.number({
  id: 'gan.opt.argmax',
  title: 'argmax over y of a log y + b log(1 − y)',
  source: '000 §4, L1361',
  params: { a: { default: 1, min: 0 }, b: { default: 3, min: 0 } },
  reference: ({ a, b }) => argmaxBinaryLogLikelihood(a, b).y,
  tolerance: { abs: 1e-9 },
  hints: ['Set the derivative a/y − b/(1 − y) to zero.'],
});

n14.vector({
  id: 'gan.opt.dstar-discrete',
  title: 'D* = P/(P + Q) for P = (0.5, 0.5), Q = (0.9, 0.1)',
  source: '000 §4, L1363',
  reference: () => ganOptimalValueDecomposition([0.5, 0.5], [0.9, 0.1]).dStar,
  tolerance: { abs: 1e-6, length: 2 },
  hints: ['Apply y = a/(a + b) at each point with a = P(x), b = Q(x).'],
});

n14.number({
  id: 'gan.opt.value-discrete',
  title: 'max_D V(D, G) for P = (0.5, 0.5), Q = (0.9, 0.1)',
  source: '000 §4, L1365–1371',
  reference: () => ganOptimalValueDecomposition([0.5, 0.5], [0.9, 0.1]).value,
  tolerance: { abs: 1e-6 },
  hints: ['Σ P log D* + Σ Q log(1 − D*).', 'Equivalently 2·JS(P‖Q) − log 4.'],
});

n14.choice({
  id: 'gan.opt.which-form',
  title: 'Which expression equals max_D V: "js-minus-log4" (the tutorial’s) or "two-js-minus-log4"?',
  source: '000 §4, L1371 (erratum 000-E56)',
  reference: () => {
    const d = ganOptimalValueDecomposition([0.5, 0.5], [0.9, 0.1]);
    return Math.abs(d.value - d.exact) < Math.abs(d.value - d.source000) ? 'two-js-minus-log4' : 'js-minus-log4';
  },
  options: ['js-minus-log4', 'two-js-minus-log4'],
  hints: ['Compute both for the discrete example and compare with the direct value.'],
});

n14.number({
  id: 'gan.opt.gaussian-value',
  title: 'max_D V for P = N(0, 1), Q = N(m, 1)',
  source: '000 §4, L1333–1381',
  params: { m: { default: 1, min: -10, max: 10, description: 'the generator’s mean shift m' } },
  reference: ({ m }) => gaussianGanOptimalValue(0, 1, m, 1),
  tolerance: { abs: 1e-6 },
  hints: ['Integrate P log D* + Q log(1 − D*) numerically (gan.ganValueAtOptimalDensity).'],
});

n14.byHand({
  id: 'gan.opt.dstar-at-zero',
  title: 'D*(0) for P = N(0, 1), Q = N(m, 1) (to 4 significant figures)',
  source: '000 §4, L1333–1381',
  params: { m: { default: 1, min: -10, max: 10 } },
  reference: ({ m }) => optimalDiscriminatorDensity((x) => normalLogPdf(x, 0, 1), (x) => normalLogPdf(x, m, 1))(0),
  sigFigs: 4,
  hints: ['D*(x) = 1/(1 + Q(x)/P(x)); at x = 0 the ratio is e^{−m²/2}.'],
});

// ------------------------------------------------------------------------------------------- sta4124/14 (002 §10.1–10.3)
sta.byHand({
  id: 'gan.sta.value-at-half',
  title: 'V(G, D) when D ≡ ½, whatever G (to 4 significant figures)',
  source: '002 §10.1, (10.1.3)',
  reference: () => ganValueConstantHalf(),
  sigFigs: 4,
  hints: ['Both expectations become log ½.'],
});

sta.number({
  id: 'gan.sta.jsd',
  title: 'JSD(N(0, 1) ‖ N(1, 1)) in nats',
  source: '002 §10.2',
  reference: () => gaussianJs(0, 1, 1, 1),
  tolerance: { abs: 1e-6 },
  hints: ['JSD = (V(G, D*) + log 4)/2.'],
});

sta.number({
  id: 'gan.sta.dstar',
  title: 'D*(x) for p_data = N(0, 1), p_g = N(1, 1)',
  source: '002 §10.2, (10.2.8)',
  params: { x: { default: 0.5, min: -20, max: 20 } },
  reference: ({ x }) => optimalDiscriminatorDensity((u) => normalLogPdf(u, 0, 1), (u) => normalLogPdf(u, 1, 1))(x),
  tolerance: { abs: 1e-9 },
  hints: ['D*(x) = 1/(1 + e^{x − 1/2}).'],
});

sta.vector({
  id: 'gan.sta.saturation',
  title: '[d/da log(1 − σ(a)), d/da log σ(a)] at D = σ(a) = 0.01',
  source: '002 §10.3 and App. F.2 (erratum 002-E47)',
  params: { D: { default: 0.01, min: 1e-9, max: 1 - 1e-9 } },
  reference: ({ D }) => {
    const a = Math.log(D) - Math.log1p(-D);
    return [gradLog1mDWrtLogit(a), gradLogDWrtLogit(a)];
  },
  tolerance: { abs: 1e-9, length: 2 },
  hints: ['σ′(a) = σ(a)(1 − σ(a)).'],
});

sta.vector({
  id: 'gan.sta.toy-fit',
  title: 'The 1-D GAN’s (b, |a|) after alternating non-saturating training — within 0.1 of (μ*, σ*) = (2, 1)',
  source: '002 §10.3',
  reference: () => [2, 1],
  tolerance: { abs: 0.1, length: 2 },
  hints: ['Average over the last 500 steps of the seeded run; G(z) = az + b gives N(b, a²).'],
});

// ------------------------------------------------------------------------------------------- dgm-notes/12–13 (003)
dn12.register({
  id: 'gan.notes.dstar',
  title: 'D* for p_data = [0.5, 0.5], p_G = [0.9, 0.1], by hand to 4 significant figures',
  source: '003 L675–717',
  reference: () => ganOptimalValueDecomposition([0.5, 0.5], [0.9, 0.1]).dStar,
  compare: compare.vectorSigFigs(4),
  hints: ['D*(x) = p_data(x)/(p_data(x) + p_G(x)).'],
});

dn12.vector({
  id: 'gan.notes.cg',
  title: 'C(G) = max_D V(G, D) and JSD for the same pair: [C(G), JSD]',
  source: '003 theorem L760–769 completed',
  reference: () => {
    const d = ganOptimalValueDecomposition([0.5, 0.5], [0.9, 0.1]);
    return [d.value, d.js];
  },
  tolerance: { abs: 1e-6, length: 2 },
  hints: ['C(G) = −log 4 + 2·JSD.'],
});

dn12.register({
  id: 'gan.notes.logit-gradients',
  title: '[saturating, non-saturating] gradient w.r.t. the logit a at a = −5, by hand to 4 significant figures',
  source: '003 L719–725',
  params: { a: { default: -5, min: -50, max: 50 } },
  reference: ({ a }) => [gradLog1mDWrtLogit(a), gradLogDWrtLogit(a)],
  compare: compare.vectorSigFigs(4),
  hints: ['d/da log(1 − σ(a)) = −σ(a); d/da log σ(a) = 1 − σ(a).'],
});

dn12.number({
  id: 'gan.notes.value-at-convergence',
  title: 'The batch value V̂ at the end of Algorithm 2 training (≈ −log 4 within 0.05)',
  source: '003 Algorithm 2, L727–746',
  reference: () => GAN_OPTIMAL_VALUE,
  tolerance: { abs: 0.05 },
  hints: ['Average history[k].value over the last 500 steps of the run.'],
});

dn13.vector({
  id: 'gan.notes.cg-minimiser',
  title: 'The shift μ ∈ [−3, 3] that minimises C(G) for p_G = N(μ, 1), p_data = N(0, 1), and the minimum value: [μ, C]',
  source: '003 theorem L760–769',
  reference: () => {
    let best = [0, Infinity];
    for (let i = -60; i <= 60; i++) {
      const mu = i / 20;
      const v = gaussianGanOptimalValue(0, 1, mu, 1);
      if (v < best[1]) best = [mu, v];
    }
    return best;
  },
  tolerance: { abs: 1e-6, length: 2 },
  hints: ['C(G) = −log 4 + 2·JSD, and JSD = 0 iff the distributions are equal.'],
});

dn13.vector({
  id: 'gan.notes.dcgan-params',
  title: 'Parameter counts [generator, discriminator] of gan.buildDcganGenerator() / buildDcganDiscriminator() (16×16×1, z ∈ R⁸, 8 base filters)',
  source: '003 L748–758 (DCGAN guidelines)',
  reference: () => [buildDcganGenerator().countParams(), buildDcganDiscriminator().countParams()],
  tolerance: { abs: 0, length: 2 },
  hints: ['A (transposed) convolution has k·k·c_in·c_out weights (+ c_out biases if it uses them).', 'A batch-norm layer has 4 numbers per channel (γ, β, moving mean, moving variance).'],
});

dn13.number({
  id: 'gan.notes.cg-at',
  title: 'C(G) for p_data = N(0, 1), p_G = N(μ, 1)',
  source: '003 theorem L760–769 (completed)',
  params: { mu: { default: 1, min: -10, max: 10 } },
  reference: ({ mu }) => gaussianGanOptimalValue(0, 1, mu, 1),
  tolerance: { abs: 1e-6 },
  hints: ['C(G) = −log 4 + 2·JSD(p‖q); integrate JSD = ½KL(p‖m) + ½KL(q‖m), m = (p + q)/2, by a midpoint sum on a fine grid.'],
});

// ------------------------------------------------------------------------------------------- sayed-ch68/08 (004 §68.4)
say.byHand({
  id: 'gan.sayed.dstar-at-zero',
  title: 'D*(0) for f_h = N(0, 1), f_ĥ = N(m, 1) (to 4 significant figures)',
  source: '004 (68.107), Example 68.4',
  params: { m: { default: 1, min: -10, max: 10 } },
  reference: ({ m }) => optimalDiscriminatorDensity((x) => normalLogPdf(x, 0, 1), (x) => normalLogPdf(x, m, 1))(0),
  sigFigs: 4,
  hints: ['D*(h) = (1 + f_ĥ(h)/f_h(h))⁻¹.'],
});

say.number({
  id: 'gan.sayed.game-value',
  title: 'J(G, D*) for f_h = N(0, 1), f_ĥ = N(m, 1)',
  source: '004 (68.115)–(68.117), Example 68.5',
  params: { m: { default: 1, min: -10, max: 10 } },
  reference: ({ m }) => gaussianGanOptimalValue(0, 1, m, 1),
  tolerance: { abs: 1e-6 },
  hints: ['J(G, D*) = −ln 4 + 2·D_JS(f_h ‖ f_ĥ).'],
});

say.vector({
  id: 'gan.sayed.fig-68-16',
  title: '[d ln(1−D)/dζ, d ln D/dζ, d ln(1−D)/dD, d ln D/dD] at D = 0.01',
  source: '004 Fig. 68.16, (68.124)–(68.125) (erratum 004-E11)',
  params: { D: { default: 0.01, min: 1e-9, max: 1 - 1e-9 } },
  reference: ({ D }) => {
    const t = saturationTable(D);
    return [t.dLog1mD_dLogit, t.dLogD_dLogit, t.dLog1mD_dD, t.dLogD_dD];
  },
  tolerance: { rel: 1e-6, abs: 1e-9, length: 4 },
  hints: ['With D = σ(ζ): dD/dζ = D(1 − D).'],
});

say.byHand({
  id: 'gan.sayed.softmax-d',
  title: 'γ̂(1) of the two-class softmax (68.97) for z = (z1, z2) (to 4 significant figures)',
  source: '004 (68.97), (68.101)',
  params: { z1: { default: 1.5 }, z2: { default: -0.5 } },
  reference: ({ z1, z2 }) => twoClassSoftmaxD(z1, z2),
  sigFigs: 4,
  hints: ['Divide numerator and denominator by e^{z(1)}: γ̂(1) = σ(z(1) − z(2)).'],
});

say.number({
  id: 'gan.sayed.shrink-factor',
  title: 'The factor multiplying W_g per ascent step from the regulariser, as listing (68.161) implements it',
  source: '004 (68.125) vs listing (68.161) (erratum 004-E10)',
  params: { mu: { default: 0.1, min: 1e-12, max: 1 }, rho: { default: 0.5, min: 0, max: 10 } },
  reference: ({ mu, rho }) => sayedRegularizerAscentFactor(mu, rho, 'exact'),
  tolerance: { abs: 1e-12 },
  hints: ['The generator maximises −ρ‖W‖² + …; the gradient of −ρ‖W‖² is −2ρW.'],
});

/** The run behind gan.nguyen.recovered-mean / gan.sta.toy-fit / gan.notes.value-at-convergence (shared by notebooks and tests). */
export function referenceToyRun(steps = 3000) {
  return trainToyGan({ data: { mu: 2, sigma: 1 }, init: { phi: [1, 0], psi: [0, 0, 0] }, steps, batch: 64, lrD: 0.03, lrG: 0.03, ...toyGanPreset('goodfellowAlgorithm2'), rng: rng(1) });
}

/** Mean of b, |a| and V̂ over the last `last` records of a history. */
export function tailAverages(history: { phi: [number, number]; value: number }[], last = 500): { b: number; absA: number; value: number } {
  const t = history.slice(-last);
  return {
    b: t.reduce((s, h) => s + h.phi[1], 0) / t.length,
    absA: t.reduce((s, h) => s + Math.abs(h.phi[0]), 0) / t.length,
    value: t.reduce((s, h) => s + h.value, 0) / t.length,
  };
}

