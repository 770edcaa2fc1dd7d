/**
 * Forward and reverse KL fits of a single Gaussian q = N(μ, σ²) to a 1-D Gaussian mixture p (002 §3.3, Eqs. 3.3.1–3.3.2,
 * Fig. 3.1, L354–367; the KL itself is Def. 3.2.1 / App. C.2 and lives in `info`).
 *
 *   forward  KL(p ‖ q) = ∫ p log(p/q)   — minimised by moment matching (closed form): "mean seeking", mass covering;
 *   reverse  KL(q ‖ p) = ∫ q log(q/p)   — no closed form for a mixture; minimised numerically: "mode seeking"
 *                                         (but see oracle 002 D12: for close modes the reverse optimum is μ = 0).
 *
 * Expectations under q are computed on the standardised variable ε = (x − μ)/σ with Simpson's rule on [−12, 12]
 * (`info.simpson`), so the reverse KL and its pathwise (reparameterised) gradient are accurate to ~1e-12.
 */
import { simpson } from '../info/quadrature';
import { logSumExp } from '../core/special';
import { assertFiniteNumber, assertPositive, assertVector, describe } from '../core/validate';

/** A 1-D Gaussian mixture Σ_k w_k N(m_k, s_k²). */
export interface Mixture1D {
  weights: ArrayLike<number>;
  means: ArrayLike<number>;
  sigmas: ArrayLike<number>;
}

/** A fitted Gaussian with the divergence it attains. */
export interface GaussianFit {
  mu: number;
  sigma: number;
  /** The divergence minimised (forward: KL(p‖q); reverse: KL(q‖p)), in nats. */
  kl: number;
}

const LN2PI = Math.log(2 * Math.PI);

/** Validate a mixture: equal lengths, weights ≥ 0 summing to 1, sigmas > 0. */
export function assertMixture1D(fn: string, arg: string, mix: unknown): asserts mix is Mixture1D {
  if (!mix || typeof mix !== 'object') throw new TypeError(`${fn}: ${arg} must be { weights, means, sigmas } (got ${describe(mix)})`);
  const m = mix as Mixture1D;
  assertVector(fn, `${arg}.weights`, m.weights);
  const K = m.weights.length;
  assertVector(fn, `${arg}.means`, m.means, K);
  assertVector(fn, `${arg}.sigmas`, m.sigmas, K);
  let s = 0;
  for (let k = 0; k < K; k++) {
    if (m.weights[k] < 0) throw new RangeError(`${fn}: ${arg}.weights[${k}] must be >= 0 (got ${m.weights[k]})`);
    if (!(m.sigmas[k] > 0)) throw new RangeError(`${fn}: ${arg}.sigmas[${k}] must be > 0 (got ${m.sigmas[k]})`);
    s += m.weights[k];
  }
  if (Math.abs(s - 1) > 1e-9) throw new RangeError(`${fn}: ${arg}.weights must sum to 1 (got sum ${s})`);
}

/** The symmetric bimodal target 0.5 N(−d, s²) + 0.5 N(d, s²) of 002 Fig. 3.1 / oracle D12 (s = 1 by default). */
export function bimodalMixture(d: number, s = 1): Mixture1D {
  assertFiniteNumber('bimodalMixture', 'd', d);
  assertPositive('bimodalMixture', 's', s);
  return { weights: [0.5, 0.5], means: [-d, d], sigmas: [s, s] };
}

/** log p(x) of the mixture (log-sum-exp). */
export function mixtureLogPdf(mix: Mixture1D, x: number): number {
  const K = mix.weights.length;
  const t = new Array<number>(K);
  for (let k = 0; k < K; k++) {
    const z = (x - mix.means[k]) / mix.sigmas[k];
    t[k] = Math.log(mix.weights[k]) - 0.5 * LN2PI - Math.log(mix.sigmas[k]) - 0.5 * z * z;
  }
  return logSumExp(t);
}

/** d/dx log p(x) of the mixture (the score): Σ_k r_k(x) (m_k − x)/s_k², r_k the responsibilities at x. */
export function mixtureScore(mix: Mixture1D, x: number): number {
  const K = mix.weights.length;
  const t = new Array<number>(K);
  for (let k = 0; k < K; k++) {
    const z = (x - mix.means[k]) / mix.sigmas[k];
    t[k] = Math.log(mix.weights[k]) - Math.log(mix.sigmas[k]) - 0.5 * z * z;
  }
  const l = logSumExp(t);
  let g = 0;
  for (let k = 0; k < K; k++) g += Math.exp(t[k] - l) * ((mix.means[k] - x) / (mix.sigmas[k] * mix.sigmas[k]));
  return g;
}

const EPS_RANGE = { lower: -12, upper: 12, n: 1200 };
const phi = (e: number) => Math.exp(-0.5 * e * e - 0.5 * LN2PI);

/**
 * Forward-KL fit (002 Eq. 3.3.1): argmin_q KL(p ‖ q) over Gaussians is moment matching, μ = E_p[x], σ² = Var_p[x]
 * (closed form: set the gradient of the cross-entropy −E_p log q to zero). For 0.5 N(±d, 1): μ = 0, σ² = 1 + d²
 * (002 D12: σ² = 10 at d = 3). `kl` is KL(p ‖ q) at the fit, by quadrature.
 */
export function fitGaussianForwardKL(mix: Mixture1D): GaussianFit {
  assertMixture1D('fitGaussianForwardKL', 'mix', mix);
  let mu = 0;
  let m2 = 0;
  for (let k = 0; k < mix.weights.length; k++) {
    mu += mix.weights[k] * mix.means[k];
    m2 += mix.weights[k] * (mix.sigmas[k] ** 2 + mix.means[k] ** 2);
  }
  const sigma = Math.sqrt(m2 - mu * mu);
  return { mu, sigma, kl: forwardKL(mix, mu, sigma) };
}

/** KL(p ‖ N(μ, σ²)) = ∫ p log p − ∫ p log q by quadrature over the mixture's range (002 Eq. 3.3.1). */
export function forwardKL(mix: Mixture1D, mu: number, sigma: number): number {
  assertMixture1D('forwardKL', 'mix', mix);
  assertFiniteNumber('forwardKL', 'mu', mu);
  assertPositive('forwardKL', 'sigma', sigma);
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < mix.weights.length; k++) {
    lo = Math.min(lo, mix.means[k] - 12 * mix.sigmas[k]);
    hi = Math.max(hi, mix.means[k] + 12 * mix.sigmas[k]);
  }
  const v = simpson(
    (x) => {
      const lp = mixtureLogPdf(mix, x);
      if (lp < -700) return 0;
      const lq = -0.5 * LN2PI - Math.log(sigma) - (0.5 * (x - mu) ** 2) / (sigma * sigma);
      return Math.exp(lp) * (lp - lq);
    },
    { lower: lo, upper: hi, n: 6000 },
  );
  return Math.max(0, v);
}

/**
 * KL(N(μ, σ²) ‖ p) = −H(q) − E_q[log p] (002 Eq. 3.3.2), with H(q) = ½ log(2πe σ²) and E_q by quadrature in ε.
 */
export function reverseKL(mix: Mixture1D, mu: number, sigma: number): number {
  assertMixture1D('reverseKL', 'mix', mix);
  assertFiniteNumber('reverseKL', 'mu', mu);
  assertPositive('reverseKL', 'sigma', sigma);
  const elp = simpson((e) => phi(e) * mixtureLogPdf(mix, mu + sigma * e), EPS_RANGE);
  return -0.5 * Math.log(2 * Math.PI * Math.E * sigma * sigma) - elp;
}

/**
 * Pathwise gradient of the reverse KL (reparameterisation x = μ + σε, ε ~ N(0,1)):
 *   ∂/∂μ = −E_ε[∂_x log p(μ + σε)],   ∂/∂σ = −1/σ − E_ε[ε ∂_x log p(μ + σε)].
 */
export function reverseKLGradient(mix: Mixture1D, mu: number, sigma: number): [number, number] {
  assertMixture1D('reverseKLGradient', 'mix', mix);
  assertFiniteNumber('reverseKLGradient', 'mu', mu);
  assertPositive('reverseKLGradient', 'sigma', sigma);
  const gm = simpson((e) => phi(e) * mixtureScore(mix, mu + sigma * e), EPS_RANGE);
  const gs = simpson((e) => phi(e) * e * mixtureScore(mix, mu + sigma * e), EPS_RANGE);
  return [-gm, -1 / sigma - gs];
}

/**
 * Reverse-KL fit (002 Eq. 3.3.2, Fig. 3.1): minimise KL(q ‖ p) over (μ, log σ) from a start (default μ₀ = the
 * largest-weight mean + 0.1, σ₀ = 1) by damped Newton steps on the exact pathwise gradient (Hessian by central
 * differences of the gradient), falling back to backtracking gradient steps where the Hessian is not positive definite;
 * stops at |∇| < 1e-11. A local method: the answer depends on the start
 * (for 0.5 N(±3, 1) both modes and the symmetric saddle μ = 0 are stationary; 002 D12).
 */
export function fitGaussianReverseKL(mix: Mixture1D, opts: { mu0?: number; sigma0?: number; maxIter?: number } = {}): GaussianFit & { iterations: number } {
  const fn = 'fitGaussianReverseKL';
  assertMixture1D(fn, 'mix', mix);
  let best = 0;
  for (let k = 1; k < mix.weights.length; k++) if (mix.weights[k] > mix.weights[best]) best = k;
  let mu = opts.mu0 ?? mix.means[best] + 0.1;
  let ls = Math.log(opts.sigma0 ?? 1);
  assertFiniteNumber(fn, 'opts.mu0', mu);
  assertPositive(fn, 'opts.sigma0', Math.exp(ls));
  const maxIter = opts.maxIter ?? 500;
  const f = (m: number, l: number) => reverseKL(mix, m, Math.exp(l));
  const g = (m: number, l: number): [number, number] => {
    const [a, b] = reverseKLGradient(mix, m, Math.exp(l));
    return [a, b * Math.exp(l)];
  };
  let it = 0;
  let val = f(mu, ls);
  const hess = (m: number, l: number): [number, number, number] => {
    const h = 1e-5;
    const [am, bm] = g(m + h, l);
    const [am2, bm2] = g(m - h, l);
    const [al, bl] = g(m, l + h);
    const [al2, bl2] = g(m, l - h);
    return [(am - am2) / (2 * h), 0.5 * ((bm - bm2) / (2 * h) + (al - al2) / (2 * h)), (bl - bl2) / (2 * h)];
  };
  for (; it < maxIter; it++) {
    const [a, b] = g(mu, ls);
    if (Math.hypot(a, b) < 1e-11) break;
    // Newton step when the Hessian is positive definite and the step lowers the KL; otherwise a backtracking gradient step.
    const [H11, H12, H22] = hess(mu, ls);
    const det = H11 * H22 - H12 * H12;
    if (det > 0 && H11 > 0) {
      const dm = (H22 * a - H12 * b) / det;
      const dl = (-H12 * a + H11 * b) / det;
      const v2 = f(mu - dm, ls - dl);
      if (v2 <= val + 1e-13) {
        mu -= dm;
        ls -= dl;
        val = v2;
        continue;
      }
    }
    let step = 1;
    for (;;) {
      const m2 = mu - step * a;
      const l2 = ls - step * b;
      const v2 = f(m2, l2);
      if (v2 <= val - 1e-4 * step * (a * a + b * b) || step < 1e-12) {
        mu = m2;
        ls = l2;
        val = v2;
        break;
      }
      step /= 2;
    }
  }
  const sigma = Math.exp(ls);
  return { mu, sigma, kl: reverseKL(mix, mu, sigma), iterations: it };
}

/** The global reverse-KL optimum: the better of the fits started at each component mean and at the overall mean. */
export function fitGaussianReverseKLGlobal(mix: Mixture1D): GaussianFit {
  assertMixture1D('fitGaussianReverseKLGlobal', 'mix', mix);
  const fwd = fitGaussianForwardKL(mix);
  const starts: [number, number][] = [[fwd.mu + 1e-3, fwd.sigma]];
  for (let k = 0; k < mix.weights.length; k++) starts.push([mix.means[k], mix.sigmas[k]]);
  let best: GaussianFit | undefined;
  for (const [m, s] of starts) {
    const r = fitGaussianReverseKL(mix, { mu0: m, sigma0: s });
    if (!best || r.kl < best.kl - 1e-12) best = { mu: r.mu, sigma: r.sigma, kl: r.kl };
  }
  return best!;
}

/**
 * KL(Bern(p) ‖ Bern(q)) and KL(Bern(q) ‖ Bern(p)) side by side: the asymmetry of Def. 3.2.1 on the simplest pair
 * (002 §3.2–3.3; the grid version is `info.klBernoulliGrid`).
 */
export function klAsymmetryBernoulli(p: number, q: number): { forward: number; reverse: number; difference: number } {
  const fn = 'klAsymmetryBernoulli';
  assertFiniteNumber(fn, 'p', p);
  assertFiniteNumber(fn, 'q', q);
  if (!(p > 0 && p < 1)) throw new RangeError(`${fn}: p must be in (0, 1) (got ${p})`);
  if (!(q > 0 && q < 1)) throw new RangeError(`${fn}: q must be in (0, 1) (got ${q})`);
  const k = (a: number, b: number) => a * Math.log(a / b) + (1 - a) * Math.log((1 - a) / (1 - b));
  const forward = k(p, q);
  const reverse = k(q, p);
  return { forward, reverse, difference: forward - reverse };
}
