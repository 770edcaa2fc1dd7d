/**
 * Errata of the VI sections (002 §3, App. B, C.2, D), each with a numerical demonstration computed by this library
 * (source form vs exact form). Ids and severities follow ../shared/curriculum/002-sta4124-notes.md §5.1.
 */
import { registerErratum } from '../errata/registry';
import { logGamma, logSumExp } from '../core/special';
import { normalLogPdf } from '../core/gaussian';
import { rng } from '../core/rng';
import { kl } from '../info/measures';
import { simpson } from '../info/quadrature';
import { bernoulliMixtureLogJoint, bernoulliMixtureMStep, emElbo, gmmEM, posteriorFromLogJoint, scalarBernoulliMixtureLikelihoods } from './em';
import { bgmmLogRho, bgmmResponsibilities } from './bgmm';
import { dirichletLogPdf, wishartLogPdf } from './distributions';
import { normalGammaCavi, normalGammaElbo } from './meanfield';
import { toyLogEvidence } from './fixedForm';

const NB03 = 'sta4124/03-kl-divergence.ipynb';
const NB04 = 'sta4124/04-elbo-and-fixed-form-vi.ipynb';
const NB05 = 'sta4124/05-mean-field-and-bayesian-gmm.ipynb';
const NB06 = 'sta4124/06-em.ipynb';
const r6 = (x: number) => Number(x.toPrecision(6));

/** The D19 data and start of 002 §3.6.2 (used by several demonstrations). */
export const D19_DATA = [[1, 1], [1, 0], [0, 0], [0, 1], [1, 1], [0, 0]];
export const D19_INIT = { theta: [0.5, 0.5], q: [[0.8, 0.6], [0.3, 0.4]] };


registerErratum({
  id: '002-E3',
  source: '002',
  location: '§3 intro, Eq. (3.0.2), L311–313',
  sourceForm: String.raw`\hat\theta = \arg\max_\theta \tfrac1n\sum_i \mathbb E_{z\sim p(z\mid x_i)}[\log p(x_i\mid z)+\log p(z)]`,
  exactForm: String.raw`Q(\theta\mid\theta_t)=\sum_i \mathbb E_{p(z\mid x_i,\theta_t)}[\log p_\theta(x_i,z)],\quad \theta_{t+1}=\arg\max_\theta Q(\theta\mid\theta_t)`,
  summary: 'the posterior in (3.0.2) depends on θ, so it is the EM Q-function at a current θ_t, not a fixed objective; and it is the evidence/posterior that is intractable, not the joint',
  severity: 'M',
  kind: 'error',
  notebook: NB04,
  demonstrate: () => {
    const th1 = bernoulliMixtureMStep(D19_DATA, posteriorFromLogJoint(bernoulliMixtureLogJoint(D19_DATA, D19_INIT)).r);
    const Q = (at: typeof D19_INIT) => {
      const r = posteriorFromLogJoint(bernoulliMixtureLogJoint(D19_DATA, at)).r;
      const lj = bernoulliMixtureLogJoint(D19_DATA, th1);
      return lj.reduce((s, row, n) => s + row.reduce((t, v, k) => t + r[n][k] * v, 0), 0);
    };
    return { source: r6(Q(D19_INIT)), exact: r6(Q(th1)), example: 'the same θ₁ scored by (3.0.2) with the posterior at θ₀ and at θ₁ (D19 data): two different numbers' };
  },
});

registerErratum({
  id: '002-E7',
  source: '002',
  location: '§3.2, L342',
  sourceForm: String.raw`D(p\,\|\,q)\ \text{may be negative}`,
  exactForm: String.raw`D_{\mathrm{KL}}(p\,\|\,q)\ge 0,\quad D_{\mathrm{KL}}(p\,\|\,q)\ne D_{\mathrm{KL}}(q\,\|\,p)`,
  summary: 'a divergence is non-negative; what it lacks, unlike a distance, is symmetry and the triangle inequality',
  severity: 'M',
  notebook: NB03,
  demonstrate: () => {
    const g = rng(7);
    let min = Infinity;
    for (let i = 0; i < 500; i++) {
      const p = Array.from(g.dirichlet([1, 1, 1]));
      const q = Array.from(g.dirichlet([1, 1, 1]));
      min = Math.min(min, kl(p, q));
    }
    return { source: 'negative values possible', exact: `min over 500 random pairs = ${r6(min)} ≥ 0; KL([0.5,0.5]‖[0.9,0.1]) = ${r6(kl([0.5, 0.5], [0.9, 0.1]))} vs KL([0.9,0.1]‖[0.5,0.5]) = ${r6(kl([0.9, 0.1], [0.5, 0.5]))}` };
  },
});

registerErratum({
  id: '002-E8',
  source: '002',
  location: '§3.6 L462, §3.7 L554',
  sourceForm: String.raw`q(z)=\delta\big(z-\hat z_{\mathrm{MLE}}\big)`,
  exactForm: String.raw`q^{t+1}(z)=p(z\mid x,\theta_t)\ \Rightarrow\ \mathrm{KL}\big(q^{t+1}\,\|\,p(z\mid x,\theta_t)\big)=0`,
  summary: 'EM\'s E-step uses the exact posterior over z (gap 0); a point mass on z is hard EM, whose ELBO gap after the "E-step" is Σ_n −log max_k r_nk > 0',
  severity: 'M',
  notebook: NB06,
  demonstrate: () => {
    const lj = bernoulliMixtureLogJoint(D19_DATA, D19_INIT);
    const post = posteriorFromLogJoint(lj).r;
    const hard = post.map((row) => row.map((v) => (v === Math.max(...row) ? 1 : 0)));
    return { source: r6(emElbo(hard, lj).gap), exact: r6(emElbo(post, lj).gap), example: 'KL gap log p(x|θ₀) − L(q, θ₀) on the six-point data, q = point mass at the most probable z vs the posterior' };
  },
});

registerErratum({
  id: '002-E9',
  source: '002',
  location: '§3.6.1, L508',
  sourceForm: String.raw`\theta_t \to \text{a local maximum of } \log p(x\mid\theta)`,
  exactForm: String.raw`\log p(x\mid\theta_{t+1})\ge\log p(x\mid\theta_t),\quad \theta_t\to\text{a stationary point}`,
  summary: 'EM is monotone and (under regularity, Wu 1983) reaches a stationary point, which can be a saddle: two identical GMM components stay identical forever',
  severity: 'M',
  notebook: NB06,
  demonstrate: () => {
    const g = rng(9);
    const X = Array.from({ length: 100 }, (_, i) => [(i % 2 ? 3 : -3) + g.normal()]);
    const m = X.reduce((s, x) => s + x[0], 0) / X.length;
    const v = X.reduce((s, x) => s + (x[0] - m) ** 2, 0) / X.length;
    const sym = gmmEM(X, { weights: [0.5, 0.5], means: [[m], [m]], covariances: [[[v]], [[v]]] }, { maxIter: 30, tol: 0 });
    const pert = gmmEM(X, { weights: [0.5, 0.5], means: [[m - 0.5], [m + 0.5]], covariances: [[[v]], [[v]]] }, { maxIter: 30, tol: 0 });
    return {
      source: r6(sym.logLikTrace[sym.logLikTrace.length - 1]),
      exact: r6(pert.logLikTrace[pert.logLikTrace.length - 1]),
      example: 'log-likelihood after 30 EM steps from two identical components (stuck at the saddle) vs a start with the means moved by ±0.5',
    };
  },
});

registerErratum({
  id: '002-E10',
  source: '002',
  location: '§3.6.2, Eqs. (3.6.3)–(3.6.4), L512–516',
  sourceForm: String.raw`x_i\in\{0,1\},\quad p(x)=\prod_i\sum_k\theta_k\,q_k^{x_i}(1-q_k)^{1-x_i}`,
  exactForm: String.raw`x_i\in\{0,1\}^D,\quad p(x_i\mid q_k)=\prod_d q_{kd}^{x_{id}}(1-q_{kd})^{1-x_{id}}`,
  summary: 'on one binary variable only Σ_k θ_k q_k is identifiable: infinitely many (θ, q) share the maximum likelihood; EM does solve the vector case (q_k = Σ r_ik x_i / Σ r_ik)',
  severity: 'M',
  notebook: NB06,
  demonstrate: () => {
    const x = [1, 0, 1, 1, 0, 1, 0, 1];
    const r = scalarBernoulliMixtureLikelihoods(x, [
      { theta: [0.5, 0.5], q: [[0.9], [0.35]] },
      { theta: [0.2, 0.8], q: [[0.25], [0.71875]] },
    ]);
    return { source: r.logLik.map(r6), exact: 'the same value for every (θ, q) with Σθ_k q_k = 0.625', example: '(θ, q) = ((0.5, 0.5), (0.9, 0.35)) and ((0.2, 0.8), (0.25, 0.71875)) on x = 1,0,1,1,0,1,0,1' };
  },
});

registerErratum({
  id: '002-E11',
  source: '002',
  location: '§3.4, Eqs. (3.4.6)–(3.4.7), L389–391',
  sourceForm: String.raw`\arg\max_\theta \tfrac1N \log p_\theta(x_i)`,
  exactForm: String.raw`\arg\max_\theta \tfrac1N\sum_{i=1}^N \log p_\theta(x_i) = \arg\max_\theta \max_{q_1,\dots,q_N} \tfrac1N\sum_i \mathcal L_i(\theta,q_i)`,
  summary: 'the sum over i is missing (the literal form fits one observation) and (3.4.7) also needs the max over the q_i',
  severity: 't',
  notebook: NB04,
  demonstrate: () => {
    const x = [1.0, 2.5, -0.3, 1.6];
    // p_θ(x) = N(x; θ, 2) (the toy's marginal with prior mean θ): the maximiser of log p_θ(x_1) is x_1, of the sum the mean
    const grid = Array.from({ length: 4001 }, (_, i) => -2 + i * 0.001);
    const best = (f: (t: number) => number) => grid.reduce((b, t) => (f(t) > f(b) ? t : b), grid[0]);
    return {
      source: best((t) => toyLogEvidence(x[0] - t)),
      exact: r6(best((t) => x.reduce((s, v) => s + toyLogEvidence(v - t), 0))),
      example: 'θ̂ for p_θ(x) = N(x; θ, 2) on x = (1, 2.5, −0.3, 1.6): the literal form returns x₁ = 1, the exact form the mean 1.2',
    };
  },
});

registerErratum({
  id: '002-E12',
  source: '002',
  location: '§3.8.1, L619 (and Eq. (3.8.7) L631, L646)',
  sourceForm: String.raw`\log\rho_{nk}=\mathbb E\big[-\tfrac12\log|\Lambda_k|-\tfrac12(x_n-\mu_k)^\top\Lambda_k(x_n-\mu_k)+\log\pi_k\big]`,
  exactForm: String.raw`\log\rho_{nk}=\mathbb E[\log\pi_k]+\tfrac12\mathbb E\log|\Lambda_k|-\tfrac D2\log 2\pi-\tfrac12\mathbb E\big[(x_n-\mu_k)^\top\Lambda_k(x_n-\mu_k)\big]`,
  summary: 'the sign of the log-determinant is wrong: the notes\' responsibilities down-weight narrow (high-precision) components',
  severity: 'M',
  notebook: NB05,
  demonstrate: () => {
    // D = 1: a narrow component (precision ≈ 100) at 0 and a wide one (precision ≈ 1) at 0.5; the point x = 0.05
    const st = { alpha: [10, 10], beta: [20, 20], m: [[0], [0.5]], W: [[[10]], [[0.1]]], nu: [10, 10] };
    const ex = bgmmResponsibilities(bgmmLogRho([[0.05]], st, 'exact'))[0][0];
    const so = bgmmResponsibilities(bgmmLogRho([[0.05]], st, 'source'))[0][0];
    return { source: r6(so), exact: r6(ex), example: 'responsibility of the narrow component (E[Λ] = 100) for x = 0.05 next to a wide one (E[Λ] = 1) at 0.5' };
  },
});

registerErratum({
  id: '002-E13',
  source: '002',
  location: '§3.8.1, L619',
  sourceForm: String.raw`r_{nk}^{z_{nk}}=\frac{\rho_{nk}^{z_{nk}}}{\sum_j\rho_{nj}^{z_{nj}}}`,
  exactForm: String.raw`r_{nk}=\frac{\rho_{nk}}{\sum_j\rho_{nj}},\qquad q^*(z)=\prod_n\prod_k r_{nk}^{z_{nk}}`,
  summary: 'the normaliser must sum ρ_nj over j, without the exponents z_nj',
  severity: 't',
  notebook: NB05,
  demonstrate: () => {
    const rho = [0.2, 0.6];
    // z_n = (1, 0): the literal form gives ρ₁/(ρ₁ + ρ₂⁰) = 0.2/1.2
    return { source: r6(0.2 / 1.2), exact: r6(rho[0] / (rho[0] + rho[1])), example: 'ρ_n = (0.2, 0.6), z_n = (1, 0): r_n1' };
  },
});

registerErratum({
  id: '002-E14',
  source: '002',
  location: '§3.8, Eq. (3.8.3), L600–611',
  sourceForm: String.raw`\log p(x,z,\pi,\mu,\Lambda)=\sum_n\sum_k\big[\cdots+\log\mathrm{Dir}(\pi\mid\alpha_0)+\log p(\mu_k,\Lambda_k)\big]`,
  exactForm: String.raw`\log p=\sum_n\sum_k z_{nk}\big[\log\pi_k+\log\mathcal N(x_n\mid\mu_k,\Lambda_k^{-1})\big]+\log\mathrm{Dir}(\pi\mid\alpha_0)+\sum_k\log p(\mu_k,\Lambda_k)`,
  summary: 'the priors appear once (Dirichlet) or once per component (Normal–Wishart), not inside the sum over data points',
  severity: 'M',
  notebook: NB05,
  demonstrate: () => {
    // Over-counting the Dirichlet term N·K times turns α_k into N·K(α₀ − 1) + 1 + N_k (N = 240, K = 6, α₀ = 0.01, N_k = 80)
    const N = 240;
    const K = 6;
    return { source: r6(N * K * (0.01 - 1) + 1 + 80), exact: r6(0.01 + 80), example: 'the Dirichlet parameter α_k of q*(π) for N = 240, K = 6, α₀ = 0.01, N_k = 80 (a negative parameter is not a Dirichlet)' };
  },
});

registerErratum({
  id: '002-E15',
  source: '002',
  location: '§3.8.2 Eq. (3.8.7) L631; §3.8.3 Eq. (3.8.10) L648',
  sourceForm: String.raw`\sum_n\big[(\alpha_0-1)\log\pi_k\big],\qquad \tfrac{N-\dim(X)-1}{2}\log|\Lambda_k|`,
  exactForm: String.raw`(\alpha_0-1)\log\pi_k,\qquad \tfrac{\nu_0-D-1}{2}\log|\Lambda_k|\ \Rightarrow\ \nu_k=\nu_0+N_k`,
  summary: 'the prior terms are summed over n (counted N times) and the Wishart exponent uses N instead of ν₀; the printed (3.8.9) α₀ + N_k is nevertheless right',
  severity: 'M',
  notebook: NB05,
  demonstrate: () => ({ source: 240 + 80, exact: 2 + 80, example: 'the Wishart degrees of freedom ν_k of q*(Λ_k) for N = 240, ν₀ = D = 2, N_k = 80' }),
});

registerErratum({
  id: '002-E16',
  source: '002',
  location: '§3.8.2–3.8.3, L635, L642–648; Eqs. (3.5.15), (3.8.2), (3.8.6)',
  sourceForm: String.raw`q^*(\pi)\propto\mathbb E[\log p(x,z,\pi,\mu,\Lambda)]`,
  exactForm: String.raw`\log q^*(\pi)=\mathbb E_{-\pi}[\log p(x,z,\pi,\mu,\Lambda)]+\text{const}`,
  summary: 'the exp is missing; in (3.8.10) Σ_k should be Σ_n, tr(W₀⁻¹Λ) → Λ_k, v_K → ν_k; the β_k, m_k, W_k, ν_k updates are absent (implemented here from Bishop §10.2)',
  severity: 't',
  notebook: NB05,
  demonstrate: () => {
    // E[log p] as a function of π₁ for K = 2, α = (3, 5): (α₁−1) log π₁ + (α₂−1) log(1−π₁) is negative: not a density
    const f = (p: number) => 2 * Math.log(p) + 4 * Math.log(1 - p);
    return { source: r6(f(0.3)), exact: r6(Math.exp(f(0.3) - (logGamma(3) + logGamma(5) - logGamma(8)))), example: '"density" of q*(π₁) at π₁ = 0.3 for α = (3, 5): the literal form is negative, exp(…) normalised is Beta(3, 5)' };
  },
});

registerErratum({
  id: '002-E21',
  source: '002',
  location: '§3.8, L563–565',
  sourceForm: String.raw`\mu\in\mathbb R^k,\ \Sigma\in\mathbb R^{k\times k}`,
  exactForm: String.raw`\mu_k\in\mathbb R^D,\ \Sigma_k\in\mathbb R^{D\times D},\ k=1,\dots,K`,
  summary: 'each of the K components has a D-vector mean and a D×D covariance',
  severity: 't',
  notebook: NB05,
  demonstrate: () => ({ source: 3 + 6, exact: 3 * (2 + 3) + 2, example: 'free parameters of a full-covariance GMM with K = 3, D = 2: the literal reading (one k-vector and one k×k matrix) vs K(D + D(D+1)/2) + K − 1' }),
});

registerErratum({
  id: '002-E53',
  source: '002',
  location: 'App. B.2, L1723',
  sourceForm: String.raw`p=v=1\ \Rightarrow\ \chi^2_n`,
  exactForm: String.raw`p=1,\ V=1\ \Rightarrow\ W_1(1,n)=\chi^2_n`,
  summary: 'the condition is on the dimension p and the scale matrix V, not on a "v"',
  severity: 't',
  kind: 'remark',
  notebook: NB05,
  demonstrate: () => {
    const chi2 = (s: number, n: number) => Math.exp((n / 2 - 1) * Math.log(s) - s / 2 - (n / 2) * Math.LN2 - logGamma(n / 2));
    return { source: r6(chi2(2, 3)), exact: r6(Math.exp(wishartLogPdf([[2]], [[1]], 3))), example: 'the χ²₃ density at 2 and the W₁(1, 3) density at 2 (equal)' };
  },
});

registerErratum({
  id: '002-E57',
  source: '002',
  location: '§3.5, Eq. (3.5.4) L422, L425',
  sourceForm: String.raw`\int\prod_j q_j\,(q_j\,dz_j)`,
  exactForm: String.raw`\int\prod_j q_j\,dz_j`,
  summary: 'each factor q_j is counted twice',
  severity: 't',
  notebook: NB05,
  demonstrate: () => {
    const q2 = simpson((z) => Math.exp(2 * normalLogPdf(z)), { lower: -12, upper: 12 });
    return { source: r6(q2), exact: 1, example: 'q = N(0, 1): ∫ q·q dz = 1/(2√π) vs ∫ q dz = 1' };
  },
});

registerErratum({
  id: '002-E58',
  source: '002',
  location: '§3.5, Eqs. (3.5.10)–(3.5.14) L428–442, footnote 5 L464',
  sourceForm: String.raw`\mathbb E_{q_{-j}}[\log p(x,z)]=\log p(x,z_j)+C',\ C'\ \text{const}`,
  exactForm: String.raw`\log\tilde p(x,z_j):=\mathbb E_{q_{-j}}[\log p(x,z)]+\text{const};\quad C'(z_j)=\mathbb E_{q_{-j}}[\log p(z_{-j}\mid x,z_j)]`,
  summary: 'C\' depends on z_j, so the identification with log p(x, z_j) is wrong; defining p̃ directly gives the (correct) result 3.5.15',
  severity: 'M',
  kind: 'gap',
  notebook: NB05,
  demonstrate: () => {
    // p(z1, z2) bivariate normal, unit variances, correlation 0.8; q2 = N(0, 1): C'(z1) = E_q2[log p(z2 | z1)]
    const rho = 0.8;
    const C = (z1: number) => -0.5 * Math.log(2 * Math.PI * (1 - rho * rho)) - (1 + (rho * z1) ** 2) / (2 * (1 - rho * rho));
    return { source: 'C\'(0) = C\'(2)', exact: `C'(0) = ${r6(C(0))}, C'(2) = ${r6(C(2))}`, example: 'bivariate normal (ρ = 0.8), q₂ = N(0, 1)' };
  },
});

registerErratum({
  id: '002-E59',
  source: '002',
  location: '§3.5 L458; §4 intro L655',
  sourceForm: String.raw`\int\exp\big(\mathbb E_{-j}[\log p(x,z)]\big)\,dz_j\ \text{has no analytic form}`,
  exactForm: String.raw`\int_0^\infty \tau^{a-1}e^{-b\tau}\,d\tau=\Gamma(a)\,b^{-a}\ \ (\text{conjugate–exponential factors})`,
  summary: 'for conjugate-exponential models (the notes\' own BGMM, the Normal–Gamma) the normaliser is analytic; §4\'s "approximation of prior" means the posterior',
  severity: 'M',
  notebook: NB05,
  demonstrate: () => {
    const q = normalGammaCavi([1.2, 2.3, 0.4, 1.9], { mu0: 0, lambda0: 1, a0: 2, b0: 1 }).state;
    const num = simpson((t) => (t <= 0 ? 0 : Math.exp((q.aN - 1) * Math.log(t) - q.bN * t)), { lower: 0, upper: 80, n: 40000 });
    return { source: 'no analytic form', exact: r6(logGamma(q.aN) - q.aN * Math.log(q.bN)), quadrature: r6(Math.log(num)), example: 'log normaliser of the CAVI factor q(τ) ∝ τ^{a−1}e^{−bτ} (Normal–Gamma): quadrature vs log Γ(a) − a log b' };
  },
});

registerErratum({
  id: '002-E60',
  source: '002',
  location: 'App. D.1, L1838',
  sourceForm: String.raw`\text{optimal prior } q_j^*`,
  exactForm: String.raw`q_j^*=\arg\max_{q_j}\mathcal L(q_j,q_{-j})\ \ (\text{the optimal variational factor})`,
  summary: 'App. D.1 is a pasted LLM answer ("Calude 3.7 Sonnet"); q_j* is the optimal variational factor, not a prior',
  severity: 't',
  kind: 'remark',
  notebook: NB05,
  demonstrate: () => {
    const x = [1.2, 2.3, 0.4, 1.9];
    const prior = { mu0: 0, lambda0: 1, a0: 2, b0: 1 };
    const q = normalGammaCavi(x, prior).state;
    return { source: r6(normalGammaElbo(x, prior, { muN: 0, lambdaN: 1, aN: 2, bN: 1 })), exact: r6(normalGammaElbo(x, prior, q)), example: 'Normal–Gamma ELBO with q = the prior (E[τ] = 2) vs with the CAVI factors' };
  },
});

registerErratum({
  id: '002-E64',
  source: '002',
  location: 'Eqs. (3.6.5)–(3.6.6), App. D.2 L1881–1883',
  sourceForm: String.raw`r_{nk}=\frac{\theta_k\,p(x_i\mid q_k)}{\sum_k\theta_k\,p(x_i\mid q_k)}`,
  exactForm: String.raw`r_{ik}=\frac{\theta_k\,p(x_i\mid q_k)}{\sum_{j=1}^K\theta_j\,p(x_i\mid q_j)}`,
  summary: 'n and i are mixed, and k is both the fixed and the summation index; read literally (k fixed) the ratio is 1/K',
  severity: 't',
  notebook: NB06,
  demonstrate: () => {
    const lj = bernoulliMixtureLogJoint(D19_DATA, D19_INIT)[1];
    return { source: 1 / 2, exact: r6(Math.exp(lj[0] - logSumExp(lj))), example: 'r_{2,1} on the six-point data at θ₀ (the literal reading sums K copies of the numerator)' };
  },
});

registerErratum({
  id: '002-E68',
  source: '002',
  location: '§3.8, Eq. (3.8.1), L586–590',
  sourceForm: String.raw`q(z)\,q(\pi,\mu,\Lambda)=q(z)\,q(\pi)\,q(\mu,\Lambda)\ \text{(assumed)}`,
  exactForm: String.raw`\log q^*(\pi,\mu,\Lambda)=\textstyle\sum_k(\alpha_0-1+N_k)\log\pi_k+\sum_k g_k(\mu_k,\Lambda_k)+\text{const}`,
  summary: 'only q(z)q(π, μ, Λ) has to be assumed: the split q(π)q(μ, Λ) follows from the model (E_z[log p] has no π–(μ, Λ) interaction; Bishop 2006 §10.2.1); the notes present it as part of the mean-field assumption',
  severity: 'I',
  kind: 'remark',
  notebook: NB05,
  demonstrate: () => {
    // D = 1, K = 2: E_{q(z)}[log p(x, z, π, μ, Λ)] at two values of π and two of (μ, Λ); the interaction f11 + f22 − f12 − f21 is 0
    const x = [-1.2, 0.3, 2.1, 2.8];
    const r = [[0.9, 0.1], [0.6, 0.4], [0.2, 0.8], [0.05, 0.95]];
    const f = (pi: number[], mu: number[], lam: number[]) => {
      let v = dirichletLogPdf(pi, [0.5, 0.5]);
      for (let k = 0; k < 2; k++) v += wishartLogPdf([[lam[k]]], [[1]], 2) + normalLogPdf(mu[k], 0, 1 / Math.sqrt(0.1 * lam[k]));
      x.forEach((xn, n) => r[n].forEach((rk, k) => (v += rk * (Math.log(pi[k]) + normalLogPdf(xn, mu[k], 1 / Math.sqrt(lam[k]))))));
      return v;
    };
    const p1 = [0.3, 0.7], p2 = [0.6, 0.4], a = { mu: [-1, 2], lam: [1, 2] }, b = { mu: [0, 3], lam: [0.5, 4] };
    const inter = f(p1, a.mu, a.lam) + f(p2, b.mu, b.lam) - f(p1, b.mu, b.lam) - f(p2, a.mu, a.lam);
    return { source: 'assumed', exact: `interaction of π with (μ, Λ) in E_z[log p] = ${inter.toExponential(2)} (zero: the factorisation is induced)` };
  },
});

/** Errata cells: the shared errata table (src/errata), re-exported so notebooks can call `vi.showErrata([...])`. */
export { showErrata } from '../errata/registry';
