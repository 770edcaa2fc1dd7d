/**
 * Errata of the GAN-A sections (sources 000 §4, 001 §6, 002 §10.1–10.3 + App. F, 003 L675–769, 004 §68.4–68.5), each with a
 * numerical demonstration computed by this library (source form vs exact form). Ids follow the inventories' numbering;
 * 001 has no numbering, so its §6 errata are 001-E61…E63 ("section 6, item n").
 */
import './errataB'; // GAN-B errata (issue 23)
import { registerErratum } from '../errata';
import { normalLogPdf } from '../core/gaussian';
import { sigmoid, logSigmoid } from '../core/special';
import { rng } from '../core/rng';
import { simpson } from '../info/quadrature';
import { js } from '../info/measures';
import {
  dgUpdateMatrix,
  dgUpdateMatrixSourceLiteral,
  gameVectorField,
  dgGame,
  spectralAnalysis,
  sourceRealPartCriterionSaysDiverges,
  iterateGame,
  trajectoryNorms,
} from './games';
import { ganOptimalValueDecomposition, gaussianGanOptimalValue, gaussianJs, GAN_OPTIMAL_VALUE, optimalDiscriminator, ganValueDiscrete } from './value';
import { gradLog1mDWrtD, gradLog1mDWrtLogit, gradLogDWrtLogit } from './losses';
import { toyOptimalPsi, trainToyGan } from './toy1d';
import { sayedRegularizerAscentFactor, sayedRiskLimit } from './sayed';

const r = (x: number, d = 7) => Number(x.toFixed(d));
const DYN = 'dgm-exercises/06-gan-dynamics.ipynb';
const N13 = 'nguyen-tutorial/13-gan-minimax-and-sgd.ipynb';
const N14 = 'nguyen-tutorial/14-gan-optimal-discriminator.ipynb';
const STA = 'sta4124/14-gans.ipynb';
const DN12 = 'dgm-notes/12-gan-objectives.ipynb';
const DN13 = 'dgm-notes/13-dcgan-and-optimality.ipynb';
const SAY = 'sayed-ch68/08-gan-theory.ipynb';

// ---------------------------------------------------------------------------------------------------------------- 001 §6
registerErratum({
  id: '001-E61',
  source: '001',
  location: '§6, Steps 6.1 (g-update)',
  sourceForm: String.raw`g_{k+1} = d_k - \alpha\,\partial(d_k g_k)/\partial g_k`,
  exactForm: String.raw`g_{k+1} = g_k - \alpha\,\partial(d_k g_k)/\partial g_k = g_k - \alpha d_k` + ' (the matrix A = [[1, α], [−α, 1]] that follows is right)',
  summary: 'the g-update starts from d_k instead of g_k; read literally it gives another matrix',
  severity: 'minor',
  notebook: DYN,
  demonstrate: () => {
    const a = 0.1;
    const lit = dgUpdateMatrixSourceLiteral(a);
    const ex = dgUpdateMatrix(a);
    return {
      source: { A: lit, spectralRadius: r(spectralAnalysis(lit).spectralRadius) },
      exact: { A: ex, spectralRadius: r(spectralAnalysis(ex).spectralRadius) },
      alpha: a,
    };
  },
});

registerErratum({
  id: '001-E62',
  kind: 'gap',
  source: '001',
  location: '§6, Steps 6.3 (citing Mescheder 2018)',
  sourceForm: 'the eigenvalues 1 ± iα have a positive real part, hence the iteration is not locally convergent',
  exactForm: 'a discrete update z_{k+1} = A z_k converges iff the spectral radius max|λ| < 1 (Mescheder et al. 2018 state it for the Jacobian of the update operator); here |λ| = √(1+α²) > 1, so it diverges',
  summary: 'the real part is the criterion for continuous-time flows (eigenvalues of the vector field’s Jacobian), not for the discrete map',
  severity: 'major',
  notebook: DYN,
  demonstrate: () => {
    // extragradient at α = 0.5: Re λ = 0.75 > 0 (the source's argument says "diverges") but ρ = 0.901 < 1 and it converges
    const EG = dgUpdateMatrix(0.5, 'extragradient');
    const norms = trajectoryNorms(iterateGame(dgGame(), 0.5, 'extragradient', [1, 1], 50));
    return {
      source: { criterion: 'Re λ > 0 ⇒ not convergent', verdictForExtragradient: sourceRealPartCriterionSaysDiverges(EG) ? 'diverges' : 'converges' },
      exact: { spectralRadius: r(spectralAnalysis(EG).spectralRadius), verdict: spectralAnalysis(EG).converges ? 'converges' : 'diverges', normAfter50: r(norms[50], 10) },
    };
  },
});

registerErratum({
  id: '001-E63',
  source: '001',
  location: '§6, Steps 6.2',
  sourceForm: String.raw`\nabla V(d,g) = (g, -d)`,
  exactForm: String.raw`\nabla V(d,g) = (g, d)` + '; (g, −d) is the ascent–descent direction field (∂V/∂d, −∂V/∂g). Both vanish only at (0, 0), so the stationary point is unaffected',
  summary: 'the vector called the gradient is the game’s update field',
  severity: 'minor',
  notebook: DYN,
  demonstrate: () => {
    const [d, g] = [0.3, -0.8];
    const field = gameVectorField(dgGame(), [d, g]).map((v) => -v); // ascent–descent field (g, −d)
    return { source: field, exact: [g, d], at: [d, g] };
  },
});

// ---------------------------------------------------------------------------------------------------------------- 000 §4
registerErratum({
  id: '000-E53',
  source: '000',
  location: '§4, L1227 vs L1237/L1282',
  sourceForm: 'GAN needs no specification of P(z)',
  exactForm: 'the algorithm samples z ~ N(0, I): P(z) is specified and it shapes the generated distribution',
  severity: 'minor',
  notebook: N13,
  demonstrate: () => {
    // G(z) = z: the generated variance is Var z — 1 for N(0,1), 1/3 for U(−1,1)
    const g = rng(53);
    const zn = Array.from(g.normals(20000));
    const zu = Array.from(g.uniforms(20000, -1, 1));
    const v = (xs: number[]) => xs.reduce((s, x) => s + x * x, 0) / xs.length;
    return { source: 'P(z) irrelevant', exact: { varianceOfG_normal: r(v(zn), 3), varianceOfG_uniform: r(v(zu), 3) } };
  },
});

registerErratum({
  id: '000-E54',
  source: '000',
  location: '§4, L1337',
  sourceForm: String.raw`l(\Phi,\Psi) = \int_d \big(\log d(x|\Psi) + \log(1 - d(g(z|\Phi)|\Psi))\big)\,d\mathbf{d}`,
  exactForm: String.raw`l(\Phi,\Psi) = \int P(\mathbf{d})\big(\log d(x|\Psi) + \log(1 - d(g(z|\Phi)|\Psi))\big)\,d\mathbf{d}` + ' (the weight P(d) is missing)',
  severity: 'minor',
  notebook: N14,
  demonstrate: () => {
    // an epoch of 4 equally likely pairs: the unweighted "integral" is the sum (4× the expectation)
    const terms = [-1.2, -0.8, -1.5, -1.1];
    return { source: r(terms.reduce((s, t) => s + t, 0)), exact: r(terms.reduce((s, t) => s + t / 4, 0)) };
  },
});

registerErratum({
  id: '000-E55',
  source: '000',
  location: '§4, L1339–1345',
  sourceForm: 'Q(z) is the generated data PDF; after the change of variables Q(x) appears',
  exactForm: 'Q(x) is the push-forward of Q(z) through g (for g(z) = az + b: N(x; b, a²)), not Q(z) evaluated at x',
  severity: 'minor',
  notebook: N14,
  demonstrate: () => ({ source: r(Math.exp(normalLogPdf(1, 0, 1))), exact: r(Math.exp(normalLogPdf(1, 1, 2))), note: 'densities at x = 1 for g(z) = 2z + 1, z ~ N(0,1)' }),
});

registerErratum({
  id: '000-E56',
  source: '000',
  location: '§4, L1369–1371',
  sourceForm: String.raw`\max_\Psi l = \mathrm{KL}(P\|M) + \mathrm{KL}(Q\|M) - \log 4 = \mathrm{JS}(P\|Q) - \log 4` + ' ("the sum of two KL divergences is the JS divergence")',
  exactForm: String.raw`\max_\Psi l = 2\,\mathrm{JS}(P\|Q) - \log 4` + ' with JS the average of the two KLs, as in the source’s own (A2.2) (Goodfellow et al. 2014, Thm 1)',
  summary: 'JS is the average of the two KL terms, not their sum',
  severity: 'major',
  notebook: N14,
  demonstrate: () => {
    const d = ganOptimalValueDecomposition([0.5, 0.5], [0.9, 0.1]);
    return { source: r(d.source000), exact: r(d.exact), direct: r(d.value), js: r(d.js), sumOfKls: r(d.klDataToMix + d.klGenToMix) };
  },
});

registerErratum({
  id: '000-E57',
  source: '000',
  location: '§4, L1377',
  sourceForm: String.raw`l(\Phi,\Psi^*)` + ' has maximal value −log 4',
  exactForm: String.raw`l(\Phi,\Psi^*) \ge -\log 4` + ': −log 4 is the MINIMUM over the generator, reached at Q = P',
  severity: 'major',
  notebook: N14,
  demonstrate: () => {
    const vals = [0, 0.5, 1, 2].map((m) => r(gaussianGanOptimalValue(0, 1, m, 1)));
    return { source: 'max −log 4', exact: { minimum: r(GAN_OPTIMAL_VALUE), valuesForShift0_05_1_2: vals } };
  },
});

registerErratum({
  id: '000-E58',
  source: '000',
  location: '§4, L1381',
  sourceForm: 'because the global optimum −log 4 exists, GAN training converges',
  exactForm: 'an optimum’s existence does not make SGD converge; simultaneous gradient play can cycle or diverge (bilinear game V = dg: ‖z_k‖ grows like (1+α²)^{k/2})',
  severity: 'major',
  notebook: N13,
  demonstrate: () => {
    const norms = trajectoryNorms(iterateGame(dgGame(), 0.1, 'simultaneous', [1, 0], 500));
    return { source: 'converges', exact: { normAt0: 1, normAt500: r(norms[500], 4), spectralRadius: r(spectralAnalysis(dgUpdateMatrix(0.1)).spectralRadius) } };
  },
});

registerErratum({
  id: '000-E59',
  kind: 'remark',
  source: '000',
  location: '§4, L1207, L1256, L1286',
  sourceForm: 'the generator minimises log(1 − D(G(z)))',
  exactForm: 'valid, but it saturates when D(G(z)) → 0; Goodfellow et al. (2014) maximise log D(G(z)) instead (same fixed point, stronger early gradient)',
  severity: 'note',
  notebook: N13,
  demonstrate: () => ({ source: r(gradLog1mDWrtLogit(Math.log(0.01 / 0.99))), exact: r(gradLogDWrtLogit(Math.log(0.01 / 0.99))), at: 'D(G(z)) = 0.01, gradients w.r.t. the logit' }),
});

// ---------------------------------------------------------------------------------------------------------------- 002 §10
registerErratum({
  id: '002-E42',
  source: '002',
  location: '§10.1, L1419',
  sourceForm: 'both terms of (10.1.1) are negative; minimising L_D maximises "the inverse" of each term',
  exactForm: 'both terms −E log D and −E log(1 − D) are ≥ 0; minimising L_D maximises their negations',
  severity: 'minor',
  notebook: STA,
  demonstrate: () => ({ source: 'each term < 0', exact: { minusLogD_at_0_7: r(-Math.log(0.7)), minusLog1mD_at_0_2: r(-Math.log(0.8)) } }),
});

registerErratum({
  id: '002-E43',
  source: '002',
  location: '§10.1, L1423 and L1665 (reference)',
  sourceForm: 'the minimax game attributed to "Goodfellow (2014)", arXiv:1412.6515 (On distinguishability criteria…)',
  exactForm: 'the minimax objective, D* and the JSD result are from Goodfellow et al. (2014), Generative Adversarial Nets, NeurIPS (arXiv:1406.2661)',
  severity: 'minor',
  notebook: STA,
  demonstrate: () => ({ source: 'arXiv:1412.6515', exact: 'arXiv:1406.2661' }),
});

registerErratum({
  id: '002-E44',
  source: '002',
  location: '§10.2.1, (10.2.7), L1459',
  sourceForm: String.raw`V(G,D)' = p_{data}(x)/D(x) - p_g/(1-D(x)) = 0`,
  exactForm: String.raw`\partial/\partial D(x)` + ' of the integrand p_data(x) log D + p_g(x) log(1 − D) (a pointwise derivative; p_g(x))',
  severity: 'minor',
  notebook: STA,
  demonstrate: () => {
    const [p, q, D, h] = [0.3, 0.2, 0.4, 1e-6];
    const f = (d: number) => p * Math.log(d) + q * Math.log(1 - d);
    return { source: r(p / D - q / (1 - D)), exact: r((f(D + h) - f(D - h)) / (2 * h)), note: 'equal: the formula is the pointwise derivative of the integrand' };
  },
});

registerErratum({
  id: '002-E45',
  source: '002',
  location: '§10.2.1, (10.2.5), L1453',
  sourceForm: String.raw`\int_x p_z(G(z))\log(1-D(x))\,dx`,
  exactForm: String.raw`\int_x p_g(x)\log(1-D(x))\,dx,\ p_g(x) = \int_z p_z(z)\,\delta(x - G(z))\,dz` + ' (the push-forward; p_z(G(z)) mixes the spaces)',
  severity: 'major',
  notebook: STA,
  demonstrate: () => {
    // G(z) = 2z + 1, D(x) = σ(x): E_z log(1 − D(G(z))) computed three ways
    const logOneMinusD = (x: number) => logSigmoid(-x); // ln(1 − σ(x)), stable
    const q = { lower: -30, upper: 30, n: 6000 };
    const pushForward = simpson((x) => Math.exp(normalLogPdf(x, 1, 2)) * logOneMinusD(x), q);
    const literal = simpson((x) => Math.exp(normalLogPdf(x, 0, 1)) * logOneMinusD(x), q); // "p_z evaluated at x"
    const direct = simpson((z) => Math.exp(normalLogPdf(z, 0, 1)) * logOneMinusD(2 * z + 1), q);
    return { source: r(literal), exact: r(pushForward), directOverZ: r(direct) };
  },
});

registerErratum({
  id: '002-E46',
  source: '002',
  location: '§10.2.1, last line of the V(G, D*) derivation, L1467',
  sourceForm: String.raw`\ldots + 2\cdot D_{JS}(p_{data}\|p_g) - \log 4` + ' (the line starts with "+")',
  exactForm: String.raw`= 2\cdot D_{JS}(p_{data}\|p_g) - \log 4`,
  severity: 'minor',
  notebook: STA,
  demonstrate: () => {
    const v = gaussianGanOptimalValue(0, 1, 1, 1);
    return { source: r(v + 2 * gaussianJs(0, 1, 1, 1) + GAN_OPTIMAL_VALUE), exact: r(v), note: 'read literally, "+" adds the value to itself; N(0,1) vs N(1,1)' };
  },
});

registerErratum({
  id: '002-E47',
  source: '002',
  location: '§10.3, L1494–1496 vs App. F.2, L2096–2105',
  sourceForm: 'the non-saturating loss prevents the generator gradient from exploding as D(G(z)) → 1; "optimal generator ⇒ D(G(z)) = 1"',
  exactForm: 'it prevents the gradient from VANISHING as D(G(z)) → 0 (early training; App. F.2 is right): d/ds log(1 − σ(s)) = −σ(s) → 0 while d/ds log σ(s) → 1; at the optimum D ≡ ½',
  summary: 'main text and appendix contradict each other; the appendix is right',
  severity: 'major',
  notebook: STA,
  demonstrate: () => {
    const s01 = Math.log(0.01 / 0.99);
    const s99 = Math.log(0.99 / 0.01);
    return {
      source: { dLog1mD_dD_at_0_99: r(gradLog1mDWrtD(0.99)), dLog1mD_dLogit_at_0_99: r(gradLog1mDWrtLogit(s99)) },
      exact: { saturating_dLogit_at_0_01: r(gradLog1mDWrtLogit(s01)), nonSaturating_dLogit_at_0_01: r(gradLogDWrtLogit(s01)) },
    };
  },
});

// ---------------------------------------------------------------------------------------------------------------- 003
registerErratum({
  id: '003-E83',
  source: '003',
  location: 'L690',
  sourceForm: 'the generator maximises log D(G(z)) "or" minimises log(1 − D(G(z)))',
  exactForm: 'two different objectives with the same optimum but different gradients (see L719–725)',
  severity: 'minor',
  notebook: DN12,
  demonstrate: () => ({ source: r(gradLog1mDWrtLogit(-5)), exact: r(gradLogDWrtLogit(-5)), at: 'logit −5: the two objectives’ logit gradients' }),
});

registerErratum({
  id: '003-E84',
  source: '003',
  location: 'L694',
  sourceForm: String.raw`\min_\phi \sum_{i=1}^N \tfrac1N \log(1 - D_\theta(G_\phi(z)))`,
  exactForm: String.raw`\min_\phi \sum_{i=1}^N \tfrac1N \log(1 - D_\theta(G_\phi(z_i)))` + ' (the index on z is missing)',
  severity: 'minor',
  notebook: DN12,
  demonstrate: () => {
    const zs = [-1, 0, 1];
    const term = (z: number) => Math.log1p(-sigmoid(z + 0.5));
    return { source: r(zs.reduce((s) => s + term(zs[0]) / zs.length, 0)), exact: r(zs.reduce((s, z) => s + term(z) / zs.length, 0)), note: 'G(z) = z, D(x) = σ(x + 0.5); literal reading keeps z fixed at z_1' };
  },
});

registerErratum({
  id: '003-E85',
  source: '003',
  location: 'L706',
  sourceForm: String.raw`E_{x\sim p_{den}}`,
  exactForm: String.raw`E_{x\sim p_{data}}`,
  severity: 'minor',
  notebook: DN12,
  demonstrate: () => ({ source: 'p_den (undefined)', exact: r(ganValueDiscrete([0.5, 0.5], [0.9, 0.1], optimalDiscriminator([0.5, 0.5], [0.9, 0.1]))), note: 'V(D*, G) with p_data = (0.5, 0.5), p_G = (0.9, 0.1)' }),
});

registerErratum({
  id: '003-E86',
  source: '003',
  location: 'L719–723',
  sourceForm: '"we use a slightly modified objective" — the equation and the loss-curve figure are missing',
  exactForm: String.raw`\max_\phi E_{z}[\log D_\theta(G_\phi(z))]` + ' (the non-saturating objective; the figure compares log(1 − D) with −log D)',
  severity: 'major',
  notebook: DN12,
  demonstrate: () => ({ source: 'missing', exact: { saturating_dLogit_at_D_0_0067: r(gradLog1mDWrtLogit(-5)), nonSaturating_dLogit: r(gradLogDWrtLogit(-5)) } }),
});

registerErratum({
  id: '003-E87',
  kind: 'remark',
  source: '003',
  location: 'L725',
  sourceForm: '"in effect, the objective remains the same"',
  exactForm: 'a different objective with the same fixed point (D(G(z)) pushed to 1) and different gradients (ratio (1 − D)/D w.r.t. the logit)',
  severity: 'minor',
  notebook: DN12,
  demonstrate: () => ({ source: r(Math.log1p(-0.3)), exact: r(-Math.log(0.3)), note: 'loss values at D = 0.3: log(1 − D) (minimised) vs −log D (minimised) differ' }),
});

registerErratum({
  id: '003-E88',
  source: '003',
  location: 'L733, L741, L762',
  sourceForm: 'noise prior written p_g(z); generator distribution p_G(x)',
  exactForm: 'two different objects with nearly identical names; write p_z(z) for the noise prior',
  severity: 'minor',
  notebook: DN12,
  demonstrate: () => ({ source: r(Math.exp(normalLogPdf(0, 0, 1))), exact: r(Math.exp(normalLogPdf(0, 1, 2))), note: 'p_z(0) vs p_G(0) for G(z) = 2z + 1' }),
});

registerErratum({
  id: '003-E89',
  source: '003',
  location: 'L717 (Step 2) vs Algorithm 2, L741–743',
  sourceForm: 'Step 2: gradient DESCENT on log(1 − D(G(z))) (saturating); Algorithm 2 silently ASCENDS log D(G(z)) (non-saturating)',
  exactForm: 'two different algorithms (Goodfellow et al. 2014, Alg. 1 descends log(1 − D) and recommends log D in practice); the library offers both behind generatorLoss',
  summary: 'the text and the algorithm box disagree',
  severity: 'major',
  notebook: DN12,
  demonstrate: () => {
    const data = { mu: 3, sigma: 1 };
    const phi0: [number, number] = [1, -3];
    const psi0 = toyOptimalPsi(data, phi0);
    const run = (loss: 'saturating' | 'nonSaturating') =>
      trainToyGan({ data, init: { phi: phi0, psi: psi0 }, steps: 100, batch: 64, lrD: 0.01, lrG: 0.01, update: 'alternating', generatorLoss: loss, rng: rng(5) }).phi[1];
    return { source: { step2_b_after100: r(run('saturating'), 3) }, exact: { algorithm2_b_after100: r(run('nonSaturating'), 3) }, start: -3, dataMean: 3 };
  },
});

registerErratum({
  id: '003-E91',
  source: '003',
  location: 'L750',
  sourceForm: 'the discriminator is a CNN classifier "with 1 class (real)"',
  exactForm: 'a binary classifier (real vs fake) with one sigmoid output unit',
  severity: 'minor',
  notebook: DN13,
  demonstrate: () => ({ source: '1 class', exact: { outputUnits: 1, classes: 2, D_at_logit_0: 0.5 } }),
});

registerErratum({
  id: '003-E92',
  source: '003',
  location: 'L766–769 (file ends mid-theorem)',
  sourceForm: 'the global minimum of C(G) = max_D V(G, D) is reached iff p_G = p_data (statement garbled; no value, no D*, no proof)',
  exactForm: String.raw`D^*_G = p_{data}/(p_{data}+p_G),\ C(G) = -\log 4 + 2\,\mathrm{JSD}(p_{data}\|p_G) \ge -\log 4` + ', with equality iff p_G = p_data (Goodfellow et al. 2014, Thm 1)',
  severity: 'major',
  notebook: DN13,
  demonstrate: () => ({ source: 'truncated', exact: { C_at_p_G_eq_p_data: r(gaussianGanOptimalValue(0, 1, 0, 1)), C_for_shift_1: r(gaussianGanOptimalValue(0, 1, 1, 1)), minus_log4_plus_2JSD: r(GAN_OPTIMAL_VALUE + 2 * gaussianJs(0, 1, 1, 1)) } }),
});

// ---------------------------------------------------------------------------------------------------------------- 004
registerErratum({
  id: '004-E10',
  source: '004',
  location: '(68.120), (68.123)–(68.125), (68.180)',
  sourceForm: String.raw`\arg\max_{W_g}\big\{+\rho\|W_{\ell,g}\|_F^2 + \tfrac1N\sum_{\mathcal N_f}\ln\hat\gamma_n(1)\big\}` + ' (regulariser added inside a maximisation)',
  exactForm: String.raw`\arg\max_{W_g}\big\{-\rho\|W_{\ell,g}\|_F^2 + \tfrac1N\sum_{\mathcal N_f}\ln\hat\gamma_n(1)\big\}` + ' — what listing (68.161) implements with the shrinkage (1 − 2μρ)W',
  summary: 'a +ρ‖W‖² term inside an argmax rewards large generator weights',
  severity: 'major',
  notebook: SAY,
  demonstrate: () => ({
    source: { factorPerStep: sayedRegularizerAscentFactor(0.1, 0.5, 'source'), after50Steps: r(sayedRegularizerAscentFactor(0.1, 0.5, 'source') ** 50, 3) },
    exact: { factorPerStep: sayedRegularizerAscentFactor(0.1, 0.5, 'exact'), after50Steps: r(sayedRegularizerAscentFactor(0.1, 0.5, 'exact') ** 50, 6) },
    setting: 'ascent on the regulariser alone, μ = 0.1, ρ = 0.5',
  }),
});

registerErratum({
  id: '004-E11',
  source: '004',
  location: 'L904 and the caption of Fig. 68.16',
  sourceForm: 'ln(1 − x) has a gradient close to zero as x → 0',
  exactForm: 'its slope at x = 0 is −1; the vanishing gradient is w.r.t. the discriminator LOGIT: d ln(1 − σ(ζ))/dζ = −σ(ζ) → 0, while d ln σ(ζ)/dζ → 1',
  severity: 'major',
  notebook: SAY,
  demonstrate: () => ({
    source: { dLn1mX_dx_at_0_01: r(gradLog1mDWrtD(0.01)) },
    exact: { dLn1mD_dLogit_at_0_01: r(gradLog1mDWrtLogit(Math.log(0.01 / 0.99))), dLnD_dLogit_at_0_01: r(gradLogDWrtLogit(Math.log(0.01 / 0.99))) },
  }),
});

registerErratum({
  id: '004-E23',
  source: '004',
  location: 'Example 68.4, L784',
  sourceForm: '"the integrand is non-positive, therefore (68.105) is maximised pointwise"',
  exactForm: 'pointwise maximisation works because D(h) can be chosen freely at each h and a ln x + b ln(1 − x) is strictly concave in x (second derivative −a/x² − b/(1 − x)² < 0); non-positivity is irrelevant',
  summary: 'a gap in the justification: the conclusion (68.107) is right, the reason given (non-positivity) is not the reason',
  kind: 'gap',
  severity: 'major',
  notebook: SAY,
  demonstrate: () => {
    const [a, b] = [0.4, 0.25];
    const x = a / (a + b);
    return { source: { integrandAtOptimum: r(a * Math.log(x) + b * Math.log(1 - x)), sign: 'non-positive (says nothing about a maximum)' }, exact: { secondDerivativeAtOptimum: r(-a / x ** 2 - b / (1 - x) ** 2) } };
  },
});

registerErratum({
  id: '004-E24',
  source: '004',
  location: '(68.102)–(68.103)',
  sourceForm: String.raw`\tfrac{N_r}{N}\mathbb E_{f_h}\ln\mathcal D(h) + \tfrac{N_f}{N}\mathbb E_{f_{\hat h}}\ln(1-\mathcal D(h)) \approx \tfrac12\{\mathbb E_{f_h}\ln\mathcal D(h) + \mathbb E_{f_{\hat h}}\ln(1-\mathcal D(h))\}`,
  exactForm: String.raw`\tfrac{N_r}{N}\mathbb E_{f_h}\ln\mathcal D(h) + \tfrac{N_f}{N}\mathbb E_{f_{\hat h}}\ln(1-\mathcal D(\hat h))`,
  summary: 'not an error: the book writes ≈ under its stated condition N_r = N_f ≈ N/2 and says after (68.103) that the second expectation is over fake features; the values show how far the ½-weights are from the limit when the classes are unbalanced (N_r = 30, N_f = 70)',
  kind: 'remark',
  severity: 'minor',
  notebook: SAY,
  demonstrate: () => ({ source: r(sayedRiskLimit(30, 70, -0.4, -0.9, 'source')), exact: r(sayedRiskLimit(30, 70, -0.4, -0.9, 'exact')), setting: 'N_r = 30, N_f = 70, E ln D = −0.4, E ln(1 − D) = −0.9' }),
});

registerErratum({
  id: '004-E25',
  source: '004',
  location: '(68.117), (68.118)',
  sourceForm: '"Jenson-Shannon"; f_{h̃} in (68.118)',
  exactForm: 'Jensen–Shannon; f_ĥ',
  severity: 'minor',
  notebook: SAY,
  demonstrate: () => ({ source: 'Jenson-Shannon', exact: { name: 'Jensen–Shannon', jsd_0_5_vs_0_9: r(js([0.5, 0.5], [0.9, 0.1])) } }),
});

// ---------------------------------------------------------------------------------------------------------------- wording-only
registerErratum({
  id: '000-E52',
  source: '000',
  location: '§4, L1197 and L1227',
  sourceForm: 'g(z|Φ) "translates intractable z into tractable x"; the generator/discriminator gradients are "related to parameter Θ"',
  exactForm: 'g maps the tractable latent z (drawn from a known law) to the intractable data x; the gradients are w.r.t. Φ (generator) and Ψ (discriminator)',
  severity: 'minor',
  notebook: N13,
  demonstrate: () => ({ source: { z: 'intractable', x: 'tractable', parameter: 'Θ' }, exact: { z: 'tractable (N(0, I))', x: 'intractable', parameters: ['Φ', 'Ψ'] } }),
});

registerErratum({
  id: '003-E90',
  source: '003',
  location: 'Algorithm 2, L737',
  sourceForm: String.raw`\log(1 - D_\theta(G_\phi(Z^{(i)})))`,
  exactForm: String.raw`\log(1 - D_\theta(G_\phi(z^{(i)})))` + ' (the noise samples are z^{(i)})',
  severity: 'minor',
  notebook: DN12,
  demonstrate: () => ({ source: 'Z^{(i)}', exact: 'z^{(i)}' }),
});

registerErratum({
  id: '004-E9',
  source: '004',
  location: '(68.110) and (68.120)',
  sourceForm: String.raw`\arg\min_{\{\theta_{\ell,g}\}}\max_{\{W_{\ell,d}\}}` + ' in (68.110); "argmax over W_g, min over θ_g" in (68.120)',
  exactForm: 'min over all generator parameters {W_g, θ_g}, max over all discriminator parameters {W_d, θ_d} (in the risk form (68.120): max over the generator, min over the discriminator)',
  severity: 'minor',
  notebook: SAY,
  demonstrate: () => ({ source: { minOver: 'generator biases only', maxOver: 'discriminator weights only' }, exact: { minOver: 'all generator parameters', maxOver: 'all discriminator parameters' } }),
});

/** Errata cells: the shared errata table (src/errata), re-exported so notebooks can call `<topic>.showErrata([...])`. */
export { showErrata } from '../errata/registry';
