/**
 * Errata of the VAE-B sections of source 004 (§68.2.3–68.2.4, Example 68.1), numbered as inventory 004 §7, each with a
 * numerical demonstration computed with ./sayedListing.
 */
import { registerErratum } from '../errata/registry';
import { klDiagGaussians, klLogVar, latentPenaltyJ } from './kl';
import { listingBackprop, listingGradientsFd, tinyListingVae } from './sayedListing';
import { zeroFilledOptimum } from './recommender';
import { rng } from '../core/rng';
import { pca, principalAngles, trainLinearAutoencoder } from './linearAutoencoder';
import { klDecomposition, totalCorrelationGaussian } from './disentangle';
import { lgElbo1d } from './linearGaussian';

const NB04 = 'sayed-ch68/04-vae-sensitivity-factors.ipynb';
const NB05 = 'sayed-ch68/05-vae-training.ipynb';
const NB06 = 'sayed-ch68/06-conditional-vae.ipynb';
const NB07 = 'sayed-ch68/07-vae-recommender.ipynb';

registerErratum({
  id: '004-E4',
  source: '004',
  location: '§68.2.3, (68.62), L430–440',
  summary: 'for the log-variance outputs j = P+1…2P the derivative of J is written with a_j, an index past the end of a; (68.56) introduced j − P for exactly this',
  severity: 'minor',
  sourceForm: String.raw`\frac{\partial J}{\partial y_{L_e,e}(j)} = e^{a_j} - 1,\quad j = P+1,\dots,2P`,
  exactForm: String.raw`\frac{\partial J}{\partial y_{L_e,e}(j)} = e^{a_{j-P}} - 1,\quad j = P+1,\dots,2P`,
  notebook: NB04,
  demonstrate: () => {
    const mu = [1, -1];
    const a = [1, 0];
    const P = 2;
    const h = 1e-6;
    const fd = [0, 1].map((p) => {
      const ap = a.slice();
      const am = a.slice();
      ap[p] += h;
      am[p] -= h;
      return (latentPenaltyJ(mu, ap) - latentPenaltyJ(mu, am)) / (2 * h);
    });
    return {
      source: [P + 1, P + 2].map((j) => Math.exp((a as (number | undefined)[])[j - 1] ?? NaN) - 1),
      exact: [P + 1, P + 2].map((j) => Math.exp(a[j - P - 1]) - 1),
      finiteDifferences: fd,
      note: 'μ = (1, −1), a = (1, 0), P = 2: a_3, a_4 do not exist (NaN); e^{a_{j−P}} − 1 matches the finite differences of J',
    };
  },
});

registerErratum({
  id: '004-E5',
  source: '004',
  location: '§68.2.3, (68.72), (68.74), (68.76); (68.54), (68.36); listing (68.79) L540–560',
  summary: 'bias gradients printed as the row −δᵀ (the listing adds columns); (68.54) drops −θ_{1,d}; s_b uses ε(p) for ε_b(p), and ε_b ~ N_e(0, I_P) has a stray subscript',
  severity: 'minor',
  sourceForm: String.raw`\frac{\partial \|h-\hat h\|^2}{\partial \theta_{\ell,d}} = -\delta_{\ell+1,d}^{\mathsf T}`,
  exactForm: String.raw`\frac{\partial \|h-\hat h\|^2}{\partial \theta_{\ell,d}} = -\delta_{\ell+1,d}\ \ (n_{\ell+1,d}\times 1,\ \text{the shape of }\theta_{\ell,d})`,
  notebook: NB04,
  demonstrate: () => {
    const v = tinyListingVae();
    const bp = listingBackprop(v, [[1]], [[1]]);
    const fd = listingGradientsFd(v, [[1]], [[1]]);
    return {
      source: 'a 1 × n row −δᵀ (cannot be added to the n × 1 column θ)',
      exact: { thetaE: bp.grads.thetaE[0], finiteDifferences: fd.slice(2, 4) },
      note: 'tiny VAE: ∂/∂θ_{1,e} = −(δ + λ) as a column of θ_{1,e}\'s shape, equal to finite differences',
    };
  },
});

registerErratum({
  id: '004-E8',
  source: '004',
  location: '§68.2.4, listing (68.79) L508–578 (μ is the step size and the encoder mean); §68.5 (68.133) ("decoder" for discriminator)',
  summary: 'one symbol μ for the step size and the encoder mean in the same listing lines; the subscript d means decoder in §68.2 and discriminator in §68.5',
  severity: 'minor',
  kind: 'remark',
  sourceForm: String.raw`x_b = \mathrm{col}\{2\mu_{b,1},\dots\},\qquad W_{\ell,m} = (1-2\mu\rho)W_{\ell,m-1} - \tfrac{\mu}{B}\textstyle\sum_b\cdots`,
  exactForm: String.raw`x_b = \mathrm{col}\{2\mu_{b,1},\dots\}\ \ (\text{encoder mean}),\qquad W_{\ell,m} = (1-2\eta\rho)W_{\ell,m-1} - \tfrac{\eta}{B}\textstyle\sum_b\cdots\ \ (\text{step size }\eta)`,
  notebook: NB04,
  demonstrate: () => {
    const bp = listingBackprop(tinyListingVae(), [[1]], [[1]]);
    return {
      source: 2 * 0.1,
      exact: bp.trace.V10[0][0],
      note: 'tiny VAE with step size 0.1: x_b(1) = 2μ_b with the encoder mean μ_b = 0.5 is 1; reading μ as the step size gives 0.2',
    };
  },
});

registerErratum({
  id: '004-E27',
  source: '004',
  location: 'Example 68.1, Fig. 68.9 (L590–600); Example 68.6 (L1289–1300); initialisation (65.93b–c)',
  summary: 'Fig. 68.9 plots the sampled u_n = μ + σ ⊙ ε (noisy); the encoder means μ(h_n) show the structure without the noise — say which one is drawn. The [−1, 1] scaling of Example 68.6 and the initialisation (65.93b–c) are not in the chapter',
  severity: 'minor',
  kind: 'remark',
  sourceForm: String.raw`\text{scatter of } u_n = \mu(h_n) + \Sigma^{1/2}(h_n)\,\varepsilon_n`,
  exactForm: String.raw`\text{scatter of } \mu(h_n)\ \text{(and of } u_n\text{, labelled)};\ \ \mathrm{Var}[u_n\,|\,h_n] = e^{a(h_n)}`,
  notebook: NB05,
  demonstrate: () => {
    const bp = listingBackprop(tinyListingVae(), [[1]], [[1]]);
    return {
      source: { u: bp.forward.u[0][0], conditionalVariance: Math.exp(bp.forward.a[0][0]) },
      exact: { mu: bp.forward.mu[0][0], conditionalVariance: 0 },
      note: 'tiny VAE at h = 1, ε = 1: the plotted u is 1.405 while μ(h) = 0.5; u scatters around μ with variance e^{a} = 0.819',
    };
  },
});

registerErratum({
  id: '004-E28',
  source: '004',
  location: 'Example 68.1, (68.80), L580–613',
  summary: 'B = 1, μ = 1e-4 and 200 passes over 60,000 images are 1.2e7 SGD iterations — not reproducible in a notebook — and no loss value is reported, so the example can only be checked qualitatively',
  severity: 'minor',
  kind: 'remark',
  sourceForm: String.raw`B = 1,\ \mu = 10^{-4},\ \rho = 10^{-4},\ 200 \text{ passes over } N = 60{,}000`,
  exactForm: String.raw`\text{iterations} = 200 \cdot 60{,}000 / 1 = 1.2\times 10^{7};\ \text{this course: a subset, } B > 1,\ \text{ADAM on the listing's gradients}`,
  notebook: NB05,
  demonstrate: () => ({ source: 200 * 60000, exact: { fastPreset: 150, fullPreset: 3000 }, note: 'SGD iterations of Example 68.1 versus the iterations of notebook 05 (fast / full preset, B = 64)' }),
});

registerErratum({
  id: '004-E6',
  source: '004',
  location: 'Example 68.3, caption of Fig. 68.12 (L712–717)',
  summary: 'the caption says the latent samples are fed into the encoder; at generation time only the decoder runs, on col{u, γ}',
  severity: 'minor',
  sourceForm: String.raw`u \sim \mathcal N(0, I_P),\ \gamma = e_4 \ \to\ \text{encoder and decoder}`,
  exactForm: String.raw`\hat h = g(\mathrm{col}\{u, \gamma\}),\ u \sim \mathcal N(0, I_P),\ \gamma = e_4 \ \ (\text{decoder only})`,
  notebook: NB06,
  demonstrate: () => ({
    source: { encoderInputs: 784 + 10, availableAtGeneration: 2 + 10 },
    exact: { decoderInputs: 2 + 10 },
    note: 'Example 68.3 sizes: the encoder needs an image h (794 inputs) that generation does not have; the decoder takes exactly u and γ (12 inputs)',
  }),
});

registerErratum({
  id: '004-E7',
  source: '004',
  location: '§68.3, (68.88) after (68.82)',
  summary: 'the conditional risk (68.88) keeps J(μ, a), i.e. silently takes the conditional prior f(u|γ) = N(0, I_P) that (68.82) leaves general',
  severity: 'minor',
  kind: 'gap',
  sourceForm: String.raw`D_{KL}\big(q(u|h,\gamma)\,\|\,f(u|\gamma)\big) \to \tfrac12\textstyle\sum_p(\mu_p^2 + e^{a_p} - a_p - 1)`,
  exactForm: String.raw`D_{KL}\big(q(u|h,\gamma)\,\|\,\mathcal N(m_\gamma, I)\big) = \tfrac12\textstyle\sum_p\big((\mu_p - m_{\gamma,p})^2 + e^{a_p} - a_p - 1\big)`,
  notebook: NB06,
  demonstrate: () => ({
    source: klLogVar([0.5], [-0.2]),
    exact: klDiagGaussians([0.5], [Math.exp(-0.2)], [1], [1]),
    note: 'q = N(0.5, e^{−0.2}): the KL of (68.88) (prior N(0, 1)) versus the KL to a class prior N(1, 1); they agree only when m_γ = 0',
  }),
});

registerErratum({
  id: '004-E22',
  source: '004',
  location: 'Example 68.2 (L615–619)',
  summary: 'trained as written, the zeros that stand for unobserved items are reconstruction targets, which pulls the predictions for exactly those items toward 0; the source it follows (Liang et al. 2018) uses a multinomial likelihood, normalised inputs and input dropout',
  severity: 'major',
  sourceForm: String.raw`\tfrac1N\textstyle\sum_u \|h_u - \hat h_u\|^2,\ \ h_u(i) = 0 \text{ for unobserved } i`,
  exactForm: String.raw`\tfrac1N\textstyle\sum_u \sum_{i\ \text{observed}} (h_u(i) - \hat h_u(i))^2 \ \ (\text{or a multinomial likelihood})`,
  notebook: NB07,
  demonstrate: () => {
    const r = zeroFilledOptimum(0.2, 0.8);
    return { source: r.zeroFilled, exact: r.observedOnly, note: 'best constant prediction for an item rated by 20% of users with mean rating 0.8: zero-filled loss vs observed entries only' };
  },
});

// ---- source 002 (STA4124 notes) §5–§6: autoencoders, the VAE, β-VAE, FactorVAE, posterior collapse ------------------
const NB10 = 'sta4124/10-autoencoders-and-vae.ipynb';
const NB11 = 'sta4124/11-advanced-vae.ipynb';

registerErratum({
  id: '002-E26',
  source: '002',
  location: '§5.1, L933',
  summary: 'a linear autoencoder without biases reaches the PCA optimum (the same principal subspace and loss), but its weights are not the orthonormal principal directions — any invertible mixing of the code leaves the loss unchanged',
  severity: 'minor',
  kind: 'remark',
  sourceForm: String.raw`\text{linear AE} \equiv \text{PCA}:\ W_d = [v_1, \dots, v_k]`,
  exactForm: String.raw`\mathrm{span}(W_d) = \mathrm{span}(v_1,\dots,v_k),\ \ W_d = [v_1,\dots,v_k]\,A\ \ (A\ \text{invertible})`,
  notebook: NB10,
  demonstrate: () => {
    const g = rng(3);
    const X0 = Array.from({ length: 200 }, () => { const s = [2 * g.normal(), g.normal(), 0.3 * g.normal()]; return [s[0] + s[1], s[0] - s[1] + s[2], s[2] - s[1]]; });
    const m = [0, 1, 2].map((j) => X0.reduce((s, r) => s + r[j], 0) / X0.length);
    const X = X0.map((r) => r.map((v, j) => v - m[j]));
    const { ae } = trainLinearAutoencoder(X, 2, { lr: 0.02, epochs: 1500, rng: rng(4) });
    const p = pca(X, 2);
    return {
      source: principalAngles(ae.Wd.map((r) => [r[0]]), p.components.map((r) => [r[0]]))[0],
      exact: Math.max(...principalAngles(ae.Wd, p.components)),
      note: 'radians: the angle between the first decoder column and the first principal direction (source reading) versus the largest principal angle between the subspaces (exact reading)',
    };
  },
});

registerErratum({
  id: '002-E27',
  source: '002',
  location: '§5.2.2, L974–980; App. E.1.1',
  summary: 'the reparameterisation multiplies ε by the covariance Σ (or writes σ(x_i) z), and the notes call E_q[log p(x|z)] non-differentiable in μ, Σ; the exact map uses the standard deviation, and the expectation is differentiable — the pathwise trick moves the derivative inside the expectation',
  severity: 'major',
  sourceForm: String.raw`z = \mu(x) + \Sigma(x) \odot e`,
  exactForm: String.raw`z = \mu(x) + \sigma(x) \odot \varepsilon = \mu(x) + \Sigma^{1/2}(x)\,\varepsilon`,
  notebook: NB10,
  demonstrate: () => {
    const g = rng(5);
    const sigma2 = 4;
    const e = Array.from(g.normals(20000));
    const v = (xs: number[]) => xs.reduce((s, x) => s + x * x, 0) / xs.length;
    return { source: v(e.map((x) => sigma2 * x)), exact: v(e.map((x) => Math.sqrt(sigma2) * x)), note: 'sample variance of z − μ over 20,000 draws when the target variance is σ² = 4' };
  },
});

registerErratum({
  id: '002-E28',
  source: '002',
  location: '§5.2.5, L1011–1019',
  summary: 'the covariance that is parameterised (exp(W_Σ x), softplus, Cholesky) is the encoder covariance Σ_q; the notes call it Σ_p, but the prior p(z) = N(0, I) is fixed; also "softplus matrix" should read softplus function',
  severity: 'minor',
  sourceForm: String.raw`\Sigma_p = \exp(W_\Sigma x)`,
  exactForm: String.raw`\Sigma_q(x) = L L^{\mathsf T},\ L = L' + \mathrm{diag}(\mathrm{softplus}(\cdot)),\qquad p(z) = \mathcal N(0, I)`,
  notebook: NB10,
  demonstrate: () => ({ source: 'a learned prior covariance Σ_p(x)', exact: klLogVar([1, 0], [Math.log(2), Math.log(0.5)]), note: 'the KL of q = N((1,0), diag(2, 0.5)) to the fixed prior N(0, I) is 0.75 — only q carries parameters' }),
});

registerErratum({
  id: '002-E29',
  source: '002',
  location: '§5.2, L1043',
  summary: 'the decoder does not sample from the variational posterior: z is drawn from q_φ(z|x) by reparameterisation, and the decoder maps z to the parameters of p_θ(x|z)',
  severity: 'minor',
  sourceForm: String.raw`\text{decoder samples } z \sim q_\phi(z|x)`,
  exactForm: String.raw`z = \mu_\phi(x) + \sigma_\phi(x)\odot\varepsilon\ \ (\text{encoder side}),\qquad \hat x = g_\theta(z)\ \ (\text{decoder})`,
  notebook: NB10,
  demonstrate: () => {
    const bp = listingBackprop(tinyListingVae(), [[1]], [[1]]);
    return { source: 'the decoder draws z', exact: { z: bp.forward.u[0][0], decoderMean: bp.forward.hHat[0][0] }, note: 'tiny VAE: z = μ + σε = 1.405 is formed before the decoder, which is deterministic (ĥ = 2z)' };
  },
});

registerErratum({
  id: '002-E30',
  source: '002',
  location: '§5.3, L1047–1063',
  summary: 'the CVAE bound is written for log p(y|x) with x the features and y the output, but the motivating MNIST use generates images from labels: there the condition is the label and the output the image; no training or generation procedure is given',
  severity: 'minor',
  kind: 'gap',
  sourceForm: String.raw`\log p_\theta(y|x),\ x = \text{image},\ y = \text{label}`,
  exactForm: String.raw`\log p_\theta(\text{image}\,|\,\text{label}) \ge \mathbb E_{q}[\log p_\theta(\text{image}|\text{label}, z)] - \mathrm{KL}(q(z|\text{image},\text{label})\,\|\,p(z|\text{label}))`,
  notebook: NB10,
  demonstrate: () => ({ source: { conditionSize: 784, outputSize: 10 }, exact: { conditionSize: 10, outputSize: 784 }, note: 'MNIST sizes: with the notes’ roles the model would generate labels from images (a classifier)' }),
});

registerErratum({
  id: '002-E31',
  source: '002',
  location: '§6.2, L1092, L1102, L1115',
  summary: 'β > 1 pushes the latent axes toward being uncorrelated (the prior has identity covariance), not "linearly independent" — coordinate axes are always linearly independent; and matching each q(z|x) to N(0, I) does not by itself make the aggregate posterior factorised',
  severity: 'minor',
  sourceForm: String.raw`\text{latent axes linearly independent}`,
  exactForm: String.raw`\mathrm{Cov}_{q(z)}[z] \approx I\ \ (\text{uncorrelated});\ \ \text{factorised: } \mathrm{TC}(q(z)) = 0`,
  notebook: NB11,
  demonstrate: () => ({ source: 'e₁, e₂ linearly independent (always true)', exact: totalCorrelationGaussian([[1, 0.9], [0.9, 1]]), note: 'a latent with correlation 0.9 has linearly independent axes and yet TC = 0.830366 nats' }),
});

registerErratum({
  id: '002-E32',
  source: '002',
  location: '§6.3, (6.3.4), L1149',
  summary: 'the mutual information I_q(x; z) is a KL to p_data(x) q(z) (the aggregate posterior), not to p_data(x) p(z) — with p(z) the expression is the whole expected KL, not its first part',
  severity: 'major',
  sourceForm: String.raw`I_q(x;z) = \mathrm{KL}\big(p_{data}(x)\,q(z|x)\,\|\,p_{data}(x)\,p(z)\big)`,
  exactForm: String.raw`I_q(x;z) = \mathrm{KL}\big(p_{data}(x)\,q(z|x)\,\|\,p_{data}(x)\,q(z)\big)`,
  notebook: NB11,
  demonstrate: () => {
    const d = klDecomposition([0.5, 0.5], [[0.9, 0.1], [0.2, 0.8]], [0.5, 0.5]);
    return { source: d.sourceFormMutualInfo, exact: d.mutualInfo, note: 'the source form equals E_x KL(q(z|x)‖p(z)) = 0.280404; I_q = 0.275396 and KL(q(z)‖p(z)) = 0.005008 make up the difference' };
  },
});

registerErratum({
  id: '002-E33',
  source: '002',
  location: '§6.3, (6.3.7), L1161',
  summary: 'the FactorVAE objective is labelled −L_i although it is the quantity to maximise and it averages over i',
  severity: 'minor',
  sourceForm: String.raw`-\mathcal L_i = \tfrac1N\textstyle\sum_i\big[\mathbb E_q\log p(x_i|z) - \mathrm{KL}(q(z|x_i)\|p(z))\big] - \gamma\,\mathrm{KL}(q(z)\|\bar q(z))`,
  exactForm: String.raw`\mathcal L_{\mathrm{FactorVAE}} = \tfrac1N\textstyle\sum_i\big[\mathbb E_q\log p(x_i|z) - \mathrm{KL}(q(z|x_i)\|p(z))\big] - \gamma\,\mathrm{TC}(q(z))\ \ (\text{maximise})`,
  notebook: NB11,
  demonstrate: () => {
    const recon = -100;
    const klv = 5;
    const tc = totalCorrelationGaussian([[1, 0.5], [0.5, 1]]);
    const L = recon - klv - 10 * tc;
    return { source: -L, exact: L, note: 'E log p = −100, KL = 5, γ = 10, TC = 0.1438: the objective to maximise is −106.44; its negation is the loss to minimise' };
  },
});

registerErratum({
  id: '002-E34',
  source: '002',
  location: '§6.4, (6.4.2), L1230',
  summary: 'the ELBO is written with the joint log p(x, z) and the KL to the prior together, which counts the prior twice',
  severity: 'major',
  sourceForm: String.raw`\mathrm{ELBO} = \mathbb E_q[\log p(x,z)] - \mathrm{KL}(q(z|x)\,\|\,p(z))`,
  exactForm: String.raw`\mathrm{ELBO} = \mathbb E_q[\log p(x|z)] - \mathrm{KL}(q(z|x)\,\|\,p(z)) = \mathbb E_q[\log p(x,z)] + H(q)`,
  notebook: NB11,
  demonstrate: () => {
    const r = lgElbo1d(1, 1, 1, 0.3, 0.6);
    const eLogPrior = -0.5 * Math.log(2 * Math.PI) - 0.5 * (0.3 ** 2 + 0.6);
    return { source: r.expectedLogLik + eLogPrior - r.klPrior, exact: r.elbo, logEvidence: r.logEvidence, note: 'z ~ N(0,1), x|z ~ N(z,1), x = 1, q = N(0.3, 0.6): the source form is below the ELBO by the cross-entropy term, and the exact ELBO ≤ log p(x)' };
  },
});

registerErratum({
  id: '002-E35',
  source: '002',
  location: '§6.4, (6.4.3)–(6.4.4), L1232–1236',
  summary: 'the KL in the gap is between the variational posterior q(z|x) and the true posterior p(z|x); the notes call q_i(z) the prior and write the aggregate q(z) (the notes themselves flag "need to double check")',
  severity: 'major',
  sourceForm: String.raw`\mathrm{ELBO} = \log p(x) - \mathrm{KL}\big(q(z)\,\|\,p(z|x_i)\big)`,
  exactForm: String.raw`\mathrm{ELBO} = \log p(x) - \mathrm{KL}\big(q(z|x)\,\|\,p(z|x)\big)`,
  notebook: NB11,
  demonstrate: () => {
    const exact = lgElbo1d(1, 1, 1, 0.3, 0.6);
    const prior = lgElbo1d(1, 1, 1, 0, 1); // q replaced by the prior N(0, 1)
    return { source: exact.logEvidence - prior.klPosterior, exact: exact.logEvidence - exact.klPosterior, elbo: exact.elbo, note: 'same toy as 002-E34 with q(z|x) = N(0.3, 0.6): using the prior in the KL gives the ELBO of q = prior, not of q' };
  },
});
