/**
 * Errata of the VAE-A sections, each with a numerical demonstration computed with the library (both forms).
 * Ids follow the inventories (000-E…, 003-E…, 004-E…). Source 001's inventory does not number its errata; 001-E21 is
 * the first erratum of Section 2 (numbered section·10 + n, as the GAN topic numbers §6 as 001-E61…).
 */
import { registerErratum } from '../errata/registry';
import { rng } from '../core/rng';
import { variance } from '../core/special';
import { tutorialEncoderTrajectory } from './kl';
import { changeOfVariablesLogDensity, sourceFormAffineDensity } from './reparam';
import { gaussianQ1d, lgElbo, lgElbo1d, lgElboGrad, lgLogEvidence, lgPosterior, linearGaussian1d } from './linearGaussian';
import { amortizationGap, courseAmortizationProblem } from './amortized';
import { sayedElboNats, sayedRisk, sayedRiskToElbo, sourceFormBound003, sourceFormLogEvidence003, tutorialPulledOutLogLik } from './objectives';

registerErratum({
  id: '000-E33',
  source: '000',
  location: '§3, L622–690 and L886–955, (3.3), (3.11)–(3.13), L650–690, L752–758, L926–934',
  summary: 'the encoder is trained by ∇KL(Q‖P(z)) only, so every x is encoded as the prior (collapse by construction)',
  severity: 'major',
  sourceForm: String.raw`\Theta \leftarrow \Theta - \gamma \nabla_\Theta \mathrm{KL}(Q(z|x,\Theta)\,\|\,N(0,I))`,
  exactForm: String.raw`\Theta \leftarrow \Theta + \gamma \nabla_\Theta \big(E_{Q}[\log P(x|z)] - \mathrm{KL}(Q\|P(z))\big)` + ' with z = μ + σ⊙ε (reconstruction reaches Θ)',
  notebook: 'nguyen-tutorial/09-vae-encoder-and-kl.ipynb',
  demonstrate: () => {
    const t = tutorialEncoderTrajectory([1], [2], 0.1, 100);
    const post = lgPosterior(linearGaussian1d(1, 1), [1]);
    return {
      source: [t.mu[100][0], t.sigma2[100][0]],
      exact: [post.mean[0], post.cov[0][0]],
      note: '(μ, σ²) after 100 KL-only steps from (1, 2), γ = 0.1, versus the ELBO optimum for x = 1 on z~N(0,1), x|z~N(z,1)',
    };
  },
});

registerErratum({
  id: '000-E35',
  source: '000',
  location: '§3, L692–764, loss l(x, z) after (3.4), L720, L732',
  summary: 'log P(x|z) is pulled out of the z-integral: −∫Q log P(x|z) dz is replaced by −log P(x|z)',
  severity: 'major',
  sourceForm: String.raw`-\int Q(z|x)\log P(x|z)\,dz = -\log P(x|z)`,
  exactForm: String.raw`-E_{Q(z|x)}[\log P(x|z)]` + ' (on the linear-Gaussian model it differs from −log P(x|z=m) by w²v/(2s²))',
  notebook: 'nguyen-tutorial/10-vae-elbo-and-training.ipynb',
  demonstrate: () => {
    const model = linearGaussian1d(1, 1);
    const q = gaussianQ1d(0, 1);
    return { source: tutorialPulledOutLogLik(model, [1], q), exact: lgElbo1d(1, 1, 1, 0, 1).expectedLogLik, note: 'x = 1, Q = N(0, 1); the difference is 0.5' };
  },
});

registerErratum({
  id: '000-E38',
  source: '000',
  location: '§3, L752',
  summary: 'the dependencies are swapped: P(x|Φ,z) depends on the decoder Φ and the KL on the encoder Θ, not the reverse',
  severity: 'minor',
  sourceForm: 'P(x|Θ,z) depends only on Θ and KL depends only on Φ',
  exactForm: 'P(x|Φ,z) depends on Φ (decoder); KL(Q(z|Θ,x)‖P(z)) depends on Θ (encoder)',
  notebook: 'nguyen-tutorial/10-vae-elbo-and-training.ipynb',
  demonstrate: () => {
    // ∂ELBO/∂w (decoder weight) comes only from the reconstruction term; the KL term has no w in it.
    const g = lgElboGrad(linearGaussian1d(1, 1), [1], gaussianQ1d(0.3, 0.8));
    return { source: 0, exact: g.W[0][0], note: '∂KL/∂w = 0 (source claims KL depends on the decoder) vs ∂E_Q log P(x|z)/∂w at w = 1, x = 1, Q = N(0.3, 0.8)' };
  },
});

registerErratum({
  id: '001-E21',
  source: '001',
  location: '§2, Steps 2.3, Eq. (8)',
  summary: 'det(S)^{−2/2} is used where |det S|^{−1} is meant; det S can be negative',
  severity: 'minor',
  sourceForm: String.raw`q(z') = q(z_0)\,\det(S)^{-2/2}`,
  exactForm: String.raw`q(z') = q(z_0)\,|\det S|^{-1} = q(z_0)\,\det(SS^\top)^{-1/2}`,
  notebook: 'dgm-exercises/02-reparameterization.ipynb',
  demonstrate: () => {
    const S = [[-2, 0], [1, 0.5]];
    return {
      source: sourceFormAffineDensity([1, -1], S, [1.5, 0]),
      exact: Math.exp(changeOfVariablesLogDensity({ mu: [1, -1], S }, [1.5, 0])),
      note: 'S = [[−2, 0], [1, 0.5]] (det S = −1), μ = (1, −1), z\' = (1.5, 0): the source form gives a negative "density"',
    };
  },
});

registerErratum({
  id: '003-E55',
  source: '003',
  location: 'L487–489',
  summary: 'the marginal P(x_i) = ∫P(z)P(x_i|z)dz is equated with E_{z~Q}[log P(x_i|z)]',
  severity: 'major',
  sourceForm: String.raw`P(x_i) = E_{z\sim Q_\theta(z|x_i)}[\log P_\phi(x_i|z)]`,
  exactForm: String.raw`P(x_i) = E_{z\sim P(z)}[P(x_i|z)]` + '; the Q-expectation of the log is only the reconstruction part of the ELBO',
  notebook: 'dgm-notes/08-vae-elbo.ipynb',
  demonstrate: () => {
    const e = lgElbo1d(1, 1, 2, 1, 0.5);
    return { source: e.expectedLogLik, exact: Math.exp(lgLogEvidence(linearGaussian1d(1, 1), [2])), note: 'z~N(0,1), x|z~N(z,1), x = 2, Q = posterior: E_Q log P(x|z) vs P(x)' };
  },
});

registerErratum({
  id: '003-E59',
  source: '003',
  location: 'L541',
  summary: 'the two KL terms have swapped signs',
  severity: 'major',
  sourceForm: String.raw`\log P(X) = E_Q[\log P(X|z)] - D[Q\|P(z|X)] + D[Q\|P(z)]`,
  exactForm: String.raw`\log P(X) = E_Q[\log P(X|z)] - D[Q\|P(z)] + D[Q\|P(z|X)]`,
  notebook: 'dgm-notes/08-vae-elbo.ipynb',
  demonstrate: () => {
    const e = lgElbo1d(1, 1, 2, 1, 0.5);
    return { source: sourceFormLogEvidence003(e.expectedLogLik, e.klPrior, e.klPosterior), exact: e.logEvidence, note: 'x = 2, Q = posterior N(1, 0.5)' };
  },
});

registerErratum({
  id: '003-E61',
  source: '003',
  location: 'L545',
  summary: 'the "lower bound" subtracts KL to the posterior instead of KL to the prior; as printed it is not a bound',
  severity: 'major',
  sourceForm: String.raw`E_Q[\log P(X|z)] - D[Q\|P(z|X)] \le \log P(X)`,
  exactForm: String.raw`E_Q[\log P(X|z)] - D[Q\|P(z)] \le \log P(X)`,
  notebook: 'dgm-notes/08-vae-elbo.ipynb',
  demonstrate: () => {
    const e = lgElbo1d(1, 1, 2, 1, 0.5);
    return { source: sourceFormBound003(e.expectedLogLik, e.klPosterior), exact: e.elbo, logEvidence: e.logEvidence, note: 'x = 2, Q = posterior: the source form −1.6689 exceeds log P(x) = −2.2655' };
  },
});

registerErratum({
  id: '003-E66',
  source: '003',
  location: 'L574',
  summary: 'the reconstruction term ‖X_i − f(z)‖² lacks the ½ of −log N(X; f(z), I), which weights it ×2 (decoder variance ½)',
  severity: 'major',
  sourceForm: String.raw`\sum_i \big[\mathrm{KL}_i + \|X_i - f_\phi(z_i)\|^2\big]`,
  exactForm: String.raw`\sum_i \big[\mathrm{KL}_i + \tfrac12\|X_i - f_\phi(z_i)\|^2\big]`,
  notebook: 'dgm-notes/09-vae-training.ipynb',
  demonstrate: () => {
    // minimising the source loss over q is the exact ELBO of a model with decoder variance ½
    const src = lgPosterior(linearGaussian1d(1, 0.5), [2]);
    const ex = lgPosterior(linearGaussian1d(1, 1), [2]);
    return { source: [src.mean[0], src.cov[0][0]], exact: [ex.mean[0], ex.cov[0][0]], note: 'the q = N(m, v) minimising each loss for x = 2 with decoder f(z) = z' };
  },
});

registerErratum({
  id: '003-E68',
  source: '003',
  location: 'L581',
  summary: '"sample from N(μ, σ)" with z = μ + σε: the second parameter of N is the variance σ², not σ',
  severity: 'minor',
  sourceForm: 'z = μ + σε ~ N(μ, σ)',
  exactForm: 'z = μ + σε ~ N(μ, σ²)',
  notebook: 'dgm-notes/09-vae-training.ipynb',
  demonstrate: () => {
    const g = rng(68);
    const z = Array.from(g.normals(20000), (e) => 1 + 2 * e);
    return { source: 2, exact: 4, sampleVariance: variance(z), note: 'μ = 1, σ = 2: variance of 20 000 draws of μ + σε' };
  },
});

registerErratum({
  id: '004-E2',
  source: '004',
  location: '(68.24), (68.25), (68.37)',
  summary: 'the "ELBO ≈" expression and the risk are 2 × (−ELBO) with the constants M ln 2π and −P dropped, not the ELBO in nats',
  severity: 'major',
  sourceForm: String.raw`\mathcal{L} \approx -\tfrac1N\sum_n\{\|h_n-\hat h_n\|^2 + \sum_p(\mu_p^2+\sigma_p^2-\ln\sigma_p^2)\}`,
  exactForm: String.raw`\mathrm{ELBO} = -\tfrac12\|h-\hat h\|^2 - \tfrac M2\ln 2\pi - \tfrac12\sum_p(\mu_p^2+e^{a_p}-a_p-1)`,
  notebook: 'sayed-ch68/03-vae-objective.ipynb',
  demonstrate: () => {
    const h = [[1, 0, -1]];
    const hh = [[0.5, 0.2, -0.4]];
    const mu = [[1, -1]];
    const a = [[1, 0]];
    const risk = sayedRisk(h, hh, mu, a);
    return { source: -risk, exact: sayedElboNats(h[0], hh[0], mu[0], a[0]), converted: sayedRiskToElbo(risk, 3, 2), note: 'one sample h ∈ R³, P = 2: the source\'s "ELBO ≈" value vs the ELBO in nats' };
  },
});

/** Errata cells: the shared errata table (src/errata), re-exported so notebooks can call `vae.showErrata([...])`. */
export { showErrata } from '../errata/registry';

// ---- minor errata and notes of the owned sections (the inventories list them; each still gets a demonstration) ----

const strings = (source: string, exact: string) => () => ({ source, exact });

registerErratum({
  id: '000-E32',
  source: '000',
  location: '§3, L636, L646, L760, L864',
  summary: 'the roles of x and z are swapped in several phrases ("posterior given tractable data x", "decoder parameter Θ", "prior of intractable data z")',
  severity: 'minor',
  sourceForm: 'x "tractable", z "intractable"; Θ the decoder parameter; "variance of elemental variable x_i in z"',
  exactForm: 'x is the observed (intractable-density) data, z the tractable latent; Θ is the encoder parameter; z_i is the element of z',
  notebook: 'nguyen-tutorial/09-vae-encoder-and-kl.ipynb',
  demonstrate: strings('x tractable / Θ decoder', 'z tractable latent / Θ encoder'),
});

registerErratum({
  id: '000-E34',
  source: '000',
  location: '§3, L676–690',
  summary: 'the gradient (μ dμ/dΘ, ½(I − Σ⁻¹) dΣ/dΘ) is typeset as a product; it is a pair (a concatenation)',
  severity: 'minor',
  sourceForm: String.raw`(\mu\,d\mu/d\Theta)^\top\,(\tfrac12(I-\Sigma^{-1})\,d\Sigma/d\Theta)`,
  exactForm: String.raw`\big(\mu\,d\mu/d\Theta,\ \tfrac12(I-\Sigma^{-1})\,d\Sigma/d\Theta\big)`,
  notebook: 'nguyen-tutorial/09-vae-encoder-and-kl.ipynb',
  demonstrate: () => {
    const g = tutorialEncoderTrajectory([1, -1], [2, 0.5], 0.1, 0); // start only; gradient by (3.11)/(3.12)
    const gm = g.mu[0];
    const gs = g.sigma2[0].map((v) => 0.5 * (1 - 1 / v));
    return { source: gm.reduce((s, m, i) => s + m * gs[i], 0), exact: [...gm, ...gs], note: 'μ = (1, −1), σ² = (2, 0.5): the "product" is a number, the gradient a 4-vector' };
  },
});

registerErratum({
  id: '000-E36',
  kind: 'gap',
  source: '000',
  location: '§3, L714',
  summary: 'the first term of (3.4) is called a lower bound because the second term "is not variant"; the reason is that the second term is a KL divergence, ≥ 0 (and it does vary with Q)',
  severity: 'minor',
  sourceForm: 'E_Q[log Q/P(z|x)] does not vary',
  exactForm: 'E_Q[log Q/P(z|x)] = KL(Q‖P(z|x)) ≥ 0, zero only at Q = P(z|x)',
  notebook: 'nguyen-tutorial/10-vae-elbo-and-training.ipynb',
  demonstrate: () => ({ source: 'constant in Q', exact: [lgElbo1d(1, 1, 1, 0, 1).klPosterior, lgElbo1d(1, 1, 1, 0.5, 0.5).klPosterior], note: 'KL(Q‖posterior) at Q = N(0,1) and at Q = N(0.5, 0.5)' }),
});

registerErratum({
  id: '000-E37',
  source: '000',
  location: '§3, L692–764, (3.5), L746',
  summary: 'the loss is written with log P(x|Φ) (a marginal) and Q(z|Θ) (x dropped) instead of E_Q[log P(x|Φ, z)] and Q(z|Θ, x)',
  severity: 'minor',
  sourceForm: String.raw`l = -\log P(x|\Phi) + \mathrm{KL}(Q(z|\Theta)\|P(z))`,
  exactForm: String.raw`l = -E_{Q(z|\Theta,x)}[\log P(x|\Phi,z)] + \mathrm{KL}(Q(z|\Theta,x)\|P(z))`,
  notebook: 'nguyen-tutorial/10-vae-elbo-and-training.ipynb',
  demonstrate: () => {
    const e = lgElbo1d(1, 1, 1, 0, 1);
    return { source: -e.logEvidence + e.klPrior, exact: -e.elbo, note: 'x = 1, Q = N(0, 1) on z~N(0,1), x|z~N(z,1)' };
  },
});

registerErratum({
  id: '000-E39',
  source: '000',
  location: '§3, L768, L782, L788',
  summary: 'the Φ-update uses Φ where Φ^(k) is meant, and says P(x) must be a well-known distribution where P(x|Φ, z) is meant',
  severity: 'minor',
  sourceForm: 'Φ^(k+1) = Φ^(k) + γ∇(1/N)Σ log P(x^(i)|Φ, z^(i)); "define P(x) by a well-known distribution"',
  exactForm: 'gradient evaluated at Φ^(k); the decoder likelihood P(x|Φ, z) is the one given a known form',
  notebook: 'nguyen-tutorial/10-vae-elbo-and-training.ipynb',
  demonstrate: strings('Φ, P(x)', 'Φ^(k), P(x|Φ, z)'),
});

registerErratum({
  id: '000-E40',
  source: '000',
  location: 'L996 (VAE summary)',
  summary: 'typo in the KL term: KL(Q|P(d)) for KL(Q|P(z))',
  severity: 'minor',
  sourceForm: 'E(KL(Q|P(d))|P(d))',
  exactForm: 'KL(Q(z|x)‖P(z))',
  notebook: 'nguyen-tutorial/10-vae-elbo-and-training.ipynb',
  demonstrate: strings('P(d)', 'P(z)'),
});

registerErratum({
  id: '000-E67',
  kind: 'remark',
  source: '000',
  location: '§3, L838–850',
  summary: 'note: identifying Θ_μ, Θ_Σ with the encoder outputs μ, Σ makes sense only for one x (non-amortised inference)',
  severity: 'note',
  sourceForm: 'Θ_μ = (μ_1, …, μ_n), Θ_Σ = the covariance matrix',
  exactForm: 'an amortised encoder has shared weights Θ with outputs μ(x|Θ), Σ(x|Θ); identifying Θ with the outputs gives one (μ, Σ) per data point',
  notebook: 'nguyen-tutorial/09-vae-encoder-and-kl.ipynb',
  demonstrate: () => {
    const { model, xs } = courseAmortizationProblem();
    const r = amortizationGap(model, xs, 'affine');
    return { source: r.parameters.perInstance, exact: r.parameters.amortized, note: 'numbers stored for the 6-point course data set: one (μ, σ²) per x vs an amortised affine encoder' };
  },
});

registerErratum({
  id: '003-E52',
  source: '003',
  location: 'L472',
  summary: 'OCR garbage in the sentence about the deterministic autoencoder',
  severity: 'S',
  sourceForm: '"tuibution oraș V D(V|b)"',
  exactForm: '"… not a distribution P(h|X)"',
  notebook: 'dgm-notes/08-vae-elbo.ipynb',
  demonstrate: strings('tuibution oraș V D(V|b)', 'not a distribution P(h|X)'),
});

registerErratum({
  id: '003-E53',
  source: '003',
  location: 'L480',
  summary: 'the encoder is said to predict the parameters of the prior N(0, I); the prior is fixed, the encoder predicts μ(X), Σ(X) of Q(z|X)',
  severity: 'M',
  sourceForm: 'encoder output = parameters of N(0, I)',
  exactForm: 'encoder output = (μ(X), Σ(X)) of Q_θ(z|X), different for each X',
  notebook: 'dgm-notes/08-vae-elbo.ipynb',
  demonstrate: () => {
    const m = linearGaussian1d(1, 1);
    return { source: [0, 1], exact: [lgPosterior(m, [1]).mean[0], lgPosterior(m, [3]).mean[0]], note: 'prior mean/variance vs the best Q means for X = 1 and X = 3' };
  },
});

registerErratum({
  id: '003-E54',
  source: '003',
  location: 'L482',
  summary: 'typo: f_σ(z) for the decoder f_φ(z)',
  severity: 'm',
  sourceForm: 'f_σ(z)',
  exactForm: 'f_φ(z)',
  notebook: 'dgm-notes/08-vae-elbo.ipynb',
  demonstrate: strings('f_σ', 'f_φ'),
});

registerErratum({
  id: '003-E56',
  source: '003',
  location: 'L478, L495, L562, L574',
  summary: 'the data-set size is written N, m and n in different places',
  severity: 'm',
  sourceForm: 'N, m, n',
  exactForm: 'N throughout, with x_i, z_i inside the sums',
  notebook: 'dgm-notes/08-vae-elbo.ipynb',
  demonstrate: strings('N / m / n', 'N'),
});

registerErratum({
  id: '003-E57',
  source: '003',
  location: 'L517',
  summary: '"the LHS contains P(X)" — it is the right-hand side that contains P(X)',
  severity: 'm',
  sourceForm: 'LHS contains P(X)',
  exactForm: 'RHS contains P(X)',
  notebook: 'dgm-notes/08-vae-elbo.ipynb',
  demonstrate: strings('LHS', 'RHS'),
});

registerErratum({
  id: '003-E58',
  source: '003',
  location: 'L536, L539, L545, L550',
  summary: 'OCR: Q_0 and E_O for Q_θ and E_Q',
  severity: 'm',
  sourceForm: 'Q_0, E_O',
  exactForm: 'Q_θ, E_Q',
  notebook: 'dgm-notes/08-vae-elbo.ipynb',
  demonstrate: strings('Q_0, E_O', 'Q_θ, E_Q'),
});

registerErratum({
  id: '003-E60',
  source: '003',
  location: 'L543',
  summary: '"the red term" — the colour is lost; the term is D[Q‖P(z|X)] ≥ 0',
  severity: 'm',
  sourceForm: 'the red term',
  exactForm: 'D[Q‖P(z|X)] (≥ 0)',
  notebook: 'dgm-notes/08-vae-elbo.ipynb',
  demonstrate: () => ({ source: 'the red term', exact: lgElbo1d(1, 1, 2, 0, 1).klPosterior, note: 'its value at X = 2, Q = N(0, 1)' }),
});

registerErratum({
  id: '003-E62',
  source: '003',
  location: 'L547',
  summary: 'maximising the ELBO is the same as maximising log P(X) only if the gap KL(Q‖P(z|X)) does not change; in general the maximisers differ',
  severity: 'm',
  sourceForm: 'argmax ELBO = argmax log P(X)',
  exactForm: 'ELBO = log P(X) − KL(Q‖P(z|X)); with Q fixed the two maximisers over the decoder differ',
  notebook: 'dgm-notes/08-vae-elbo.ipynb',
  demonstrate: () => {
    // decoder weight w on a grid, X = 2, s² = 1, Q = N(0.3, 0.5) fixed (001 §3 Eq. (9) setting)
    const ws = Array.from({ length: 401 }, (_, i) => 0.01 * (i + 1));
    let bestE = -Infinity;
    let bestL = -Infinity;
    let wE = 0;
    let wL = 0;
    for (const w of ws) {
      const r = lgElbo(linearGaussian1d(w, 1), [2], gaussianQ1d(0.3, 0.5));
      if (r.elbo > bestE) [bestE, wE] = [r.elbo, w];
      if (r.logEvidence > bestL) [bestL, wL] = [r.logEvidence, w];
    }
    return { source: wL, exact: wE, note: 'argmax over w of log p_w(2) (exact √3) vs argmax of the ELBO with Q = N(0.3, 0.5) (exact mx/(m² + v) = 1.0169)' };
  },
});

registerErratum({
  id: '003-E63',
  source: '003',
  location: 'L552',
  summary: '"difference between two normal distributions" — the term is the KL divergence between N(μ(X), Σ(X)) and N(0, I)',
  severity: 'm',
  sourceForm: 'difference between two normals',
  exactForm: 'KL(N(μ(X), Σ(X)) ‖ N(0, I))',
  notebook: 'dgm-notes/09-vae-training.ipynb',
  demonstrate: () => ({ source: 'difference', exact: lgElbo1d(1, 1, 2, 1, 0.5).klPrior, note: 'KL(N(1, 0.5) ‖ N(0, 1))' }),
});

registerErratum({
  id: '003-E64',
  source: '003',
  location: 'L562',
  summary: 'the sum runs over i but its summand has X instead of X_i',
  severity: 'm',
  sourceForm: String.raw`\sum_{i=1}^n E_Q[\log P_\phi(X|z)]`,
  exactForm: String.raw`\sum_{i=1}^N E_{Q(z|X_i)}[\log P_\phi(X_i|z)]`,
  notebook: 'dgm-notes/09-vae-training.ipynb',
  demonstrate: () => {
    const xs = [1, 2, 3];
    const m = linearGaussian1d(1, 1);
    const term = (x: number, qx: number) => lgElbo(m, [x], lgPosterior(m, [qx])).expectedLogLik;
    return { source: xs.reduce((s, x) => s + term(xs[0], x), 0), exact: xs.reduce((s, x) => s + term(x, x), 0), note: 'data X = (1, 2, 3), Q = posterior of each X_i; source form reads X as X_1 in every term' };
  },
});

registerErratum({
  id: '003-E65',
  source: '003',
  location: 'L564–568',
  summary: 'the decoder mean is written μ(z), clashing with the encoder mean μ(X); f_φ and f_\\varphi alternate',
  severity: 'm',
  sourceForm: 'μ(z)',
  exactForm: 'f_φ(z)',
  notebook: 'dgm-notes/09-vae-training.ipynb',
  demonstrate: strings('μ(z)', 'f_φ(z)'),
});

registerErratum({
  id: '003-E67',
  source: '003',
  location: 'L579',
  summary: 'the obstacle is differentiating through the sampling z ~ N(μ_θ(X), Σ_θ(X)) with respect to θ, not that f_φ(z) is non-differentiable',
  severity: 'm',
  sourceForm: 'f_φ(z) is not an end-to-end differentiable function of X',
  exactForm: 'z = μ + σε makes the sample differentiable in (μ, σ); f_φ is differentiable',
  notebook: 'dgm-notes/09-vae-training.ipynb',
  demonstrate: () => ({ source: 'no gradient', exact: [2 * 1.5, 2 * 0.5], note: 'pathwise ∇_(μ,σ) E[z²] at μ = 1.5, σ = 0.5' }),
});

registerErratum({
  id: '003-E69',
  source: '003',
  location: 'L583',
  summary: '"the adjacent figure" is missing (redrawn in the notebook as the ε-cloud and the transformed cloud)',
  severity: 'S',
  sourceForm: 'the adjacent figure',
  exactForm: 'figure redrawn (dgm-exercises/02 and sayed-ch68/02 show it)',
  notebook: 'dgm-notes/09-vae-training.ipynb',
  demonstrate: strings('missing', 'redrawn'),
});

registerErratum({
  id: '003-E70',
  source: '003',
  location: 'L589, L591',
  summary: '"sample a z from the distribution μ(X) and Σ(X)"; f_∅(z)',
  severity: 'm',
  sourceForm: 'z from μ(X) and Σ(X); f_∅(z)',
  exactForm: 'z ~ N(μ(X), Σ(X)); f_φ(z)',
  notebook: 'dgm-notes/09-vae-training.ipynb',
  demonstrate: strings('f_∅', 'f_φ'),
});

registerErratum({
  id: '004-E1',
  source: '004',
  location: '(68.22) (and (68.24))',
  summary: '"∝" should be "= const − ½‖h − ĥ‖²" with const = −(M/2) ln 2π',
  severity: 'T',
  sourceForm: String.raw`\ln f(h|u) \propto -\tfrac12\|h-\hat h\|^2`,
  exactForm: String.raw`\ln f(h|u) = -\tfrac M2\ln 2\pi - \tfrac12\|h-\hat h\|^2`,
  notebook: 'sayed-ch68/03-vae-objective.ipynb',
  demonstrate: () => {
    const sq = 0.5 ** 2 + 0.2 ** 2 + 0.6 ** 2;
    return { source: -0.5 * sq, exact: -0.5 * sq - 1.5 * Math.log(2 * Math.PI), note: 'h = (1, 0, −1), ĥ = (0.5, 0.2, −0.4), M = 3' };
  },
});

registerErratum({
  id: '004-E3',
  source: '004',
  location: '(68.23)',
  summary: 'E_q is over u for a fixed h, but the right side averages over the data with one ε per sample: a Monte Carlo estimate of the inner expectation is conflated with the data average',
  severity: 'M',
  sourceForm: String.raw`E_q\ln f(h|u) \approx -\tfrac1{2N}\sum_n\|h_n-\hat h_n\|^2`,
  exactForm: String.raw`\tfrac1N\sum_n E_{q(u|h_n)}\ln f(h_n|u)` + ', each expectation estimated with one ε (unbiased, not exact)',
  notebook: 'sayed-ch68/03-vae-objective.ipynb',
  demonstrate: () => {
    // u ~ q = N(0.5, 0.5), h = 1, decoder ĥ = u: one-ε estimate vs the exact expectation
    const g = rng(683);
    const eps = g.normal();
    const u = 0.5 + Math.sqrt(0.5) * eps;
    return { source: -0.5 * Math.log(2 * Math.PI) - 0.5 * (1 - u) ** 2, exact: lgElbo1d(1, 1, 1, 0.5, 0.5).expectedLogLik, note: 'one-ε estimate (seed 683) vs E_q ln f(h|u) for h = 1, q = N(0.5, 0.5)' };
  },
});

// VAE-B errata (004 §68.2.3–68.2.4, Example 68.1): kept in their own file.
import './errataB';
