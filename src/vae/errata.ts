/**
 * Errata of the VAE-A sections, each with a numerical demonstration computed with the library (both forms).
 * Ids follow the inventories (000-E…, 003-E…, 004-E…). Source 001's inventory does not number its errata; 001-E21 is
 * the first erratum of Section 2 (numbered section·10 + n, as the GAN topic numbers §6 as 001-E61…).
 */
import { errataRows, registerErratum } from '../errata/registry';
import { table } from '../display/rich';
import { describe } from '../core/validate';
import { rng } from '../core/rng';
import { variance } from '../core/special';
import { tutorialEncoderTrajectory } from './kl';
import { changeOfVariablesLogDensity, sourceFormAffineDensity } from './reparam';
import { gaussianQ1d, lgElbo1d, lgElboGrad, lgLogEvidence, lgPosterior, linearGaussian1d } from './linearGaussian';
import { sayedElboNats, sayedRisk, sayedRiskToElbo, sourceFormBound003, sourceFormLogEvidence003, tutorialPulledOutLogLik } from './objectives';

registerErratum({
  id: '000-E33',
  source: '000',
  location: '§3.a–3.b and 3.g–3.h, (3.3), (3.11)–(3.13), L650–690, L752–758, L926–934',
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
  location: '§3.c, loss l(x, z) after (3.4), L720, L732',
  summary: 'log P(x|z) is pulled out of the z-integral: −∫Q log P(x|z) dz is replaced by −log P(x|z)',
  severity: 'major',
  sourceForm: String.raw`-\int Q(z|x)\log P(x|z)\,dz = -\log P(x|z)`,
  exactForm: String.raw`-E_{Q(z|x)}[\log P(x|z)]` + ' (on the linear-Gaussian model it differs from −log P(x|z=m) by w²v/(2s²))',
  notebook: 'nguyen-tutorial/10-vae-elbo-and-training.ipynb',
  demonstrate: () => {
    const model = linearGaussian1d(1, 1);
    const q = gaussianQ1d(0, 1);
    return { source: tutorialPulledOutLogLik(model, [1], q), exact: lgElbo1d(1, 1, 1, 0, 1).expectedLogLik, note: '000 O-27: x = 1, Q = N(0, 1); the difference is 0.5' };
  },
});

registerErratum({
  id: '000-E38',
  source: '000',
  location: '§3.c, L752',
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
    return { source: sourceFormLogEvidence003(e.expectedLogLik, e.klPrior, e.klPosterior), exact: e.logEvidence, note: '003 §4.5 oracle: x = 2, Q = posterior N(1, 0.5)' };
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

/** Show the given errata (ids) as a table with both forms and their demonstrated values (for the notebooks' errata cells). */
export function showErrata(ids: string[]): void {
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((i) => typeof i !== 'string')) throw new TypeError(`showErrata: ids must be a non-empty array of erratum ids (got ${describe(ids)})`);
  const rows = errataRows().filter((r) => ids.includes(r.id));
  const missing = ids.filter((i) => !rows.some((r) => r.id === i));
  if (missing.length) throw new RangeError(`showErrata: unknown erratum id(s) ${missing.join(', ')}`);
  table(
    rows.map((r) => ({ id: r.id, where: r.location, 'what is wrong': r.summary, 'source form': r.sourceForm, 'exact form': r.exactForm, 'source value': r.sourceValue, 'exact value': r.exactValue })),
  );
}
