/**
 * Errata of the VAE-B sections of source 004 (§68.2.3–68.2.4, Example 68.1), numbered as inventory 004 §7, each with a
 * numerical demonstration computed with ./sayedListing.
 */
import { registerErratum } from '../errata/registry';
import { klDiagGaussians, klLogVar, latentPenaltyJ } from './kl';
import { listingBackprop, listingGradientsFd, tinyListingVae } from './sayedListing';
import { zeroFilledOptimum } from './recommender';

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
      note: 'tiny VAE of 004 O6: ∂/∂θ_{1,e} = −(δ + λ) as a column of θ_{1,e}\'s shape, equal to finite differences',
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
      note: 'tiny VAE of 004 O6 with step size 0.1: x_b(1) = 2μ_b with the encoder mean μ_b = 0.5 is 1; reading μ as the step size gives 0.2',
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
      note: 'tiny VAE of 004 O6 at h = 1, ε = 1: the plotted u is 1.405 while μ(h) = 0.5; u scatters around μ with variance e^{a} = 0.819',
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
  sourceForm: String.raw`u \sim \mathcal N(0, I_P),\ \gamma = e_4 \ 	o\ 	ext{encoder and decoder}`,
  exactForm: String.raw`\hat h = g(\mathrm{col}\{u, \gamma\}),\ u \sim \mathcal N(0, I_P),\ \gamma = e_4 \ \ (	ext{decoder only})`,
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
  sourceForm: String.raw`D_{KL}ig(q(u|h,\gamma)\,\|\,f(u|\gamma)ig) 	o 	frac12	extstyle\sum_p(\mu_p^2 + e^{a_p} - a_p - 1)`,
  exactForm: String.raw`D_{KL}ig(q(u|h,\gamma)\,\|\,\mathcal N(m_\gamma, I)ig) = 	frac12	extstyle\sum_pig((\mu_p - m_{\gamma,p})^2 + e^{a_p} - a_p - 1ig)`,
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
  sourceForm: String.raw`	frac1N	extstyle\sum_u \|h_u - \hat h_u\|^2,\ \ h_u(i) = 0 	ext{ for unobserved } i`,
  exactForm: String.raw`	frac1N	extstyle\sum_u \sum_{i\ 	ext{observed}} (h_u(i) - \hat h_u(i))^2 \ \ (	ext{or a multinomial likelihood})`,
  notebook: NB07,
  demonstrate: () => {
    const r = zeroFilledOptimum(0.2, 0.8);
    return { source: r.zeroFilled, exact: r.observedOnly, note: 'best constant prediction for an item rated by 20% of users with mean rating 0.8: zero-filled loss vs observed entries only' };
  },
});
