/**
 * Generator likelihoods of source 000 §1: the Gaussian generator likelihood (1.2) and its output-space gradient (L164–172),
 * the Bernoulli generator likelihood with its gradient and SGD (L208–230, erratum 000-E07), and the dynamic error mean and
 * variance (1.6) in the source form and the exact isotropic MLE (erratum 000-E09).
 */
import { assertFiniteNumber, assertInteger, assertMatrix, assertOneOf, assertPositive, assertProbability, assertVector } from '../core/validate';
import { Rng } from '../core/rng';

const LOG_2PI = Math.log(2 * Math.PI);

export interface GaussianErrorOptions {
  /** error mean μ (scalar or vector of length m); the tutorial's default is 0 (L54). */
  mu?: number | ArrayLike<number>;
  /** error variance σ² > 0; default 1 (L54). */
  sigma2?: number;
}

function residual(fn: string, x: ArrayLike<number>, gx: ArrayLike<number>, opts: GaussianErrorOptions): { r: number[]; sigma2: number } {
  assertVector(fn, 'x', x);
  assertVector(fn, 'gx', gx, x.length);
  const mu = opts.mu ?? 0;
  const sigma2 = opts.sigma2 ?? 1;
  assertPositive(fn, 'sigma2', sigma2);
  if (typeof mu === 'number') assertFiniteNumber(fn, 'mu', mu);
  else assertVector(fn, 'mu', mu, x.length);
  const r = Array.from(x, (xi, i) => gx[i] - xi - (typeof mu === 'number' ? mu : mu[i]));
  return { r, sigma2 };
}

/**
 * log P(x|Φ,z) = −(m/2) log(2πσ²) − ‖g(z|Φ) − x − μ‖²/(2σ²), the Gaussian generator log-likelihood.
 * Source 000 §1.c (L50–82, (1.2)) and §1.h L164. With μ = 0, σ² = 1 maximising it is minimising ½‖g − x‖² (1.2). Oracle O-03.
 */
export function gaussianLogLik(x: ArrayLike<number>, gx: ArrayLike<number>, opts: GaussianErrorOptions = {}): number {
  const { r, sigma2 } = residual('gaussianLogLik', x, gx, opts);
  let q = 0;
  for (const ri of r) q += ri * ri;
  return -(x.length / 2) * (LOG_2PI + Math.log(sigma2)) - q / (2 * sigma2);
}

/** P(x|Φ,z) itself (exp of gaussianLogLik). Source 000 §1.c L54. */
export function gaussianLik(x: ArrayLike<number>, gx: ArrayLike<number>, opts: GaussianErrorOptions = {}): number {
  return Math.exp(gaussianLogLik(x, gx, opts));
}

/**
 * Output-space gradient of the log-likelihood: ∂log P/∂g = −(g − x − μ)/σ² (000 §1.h, L168; with μ = 0, σ² = 1 it is
 * x − g, L172). The gradient in Φ is this vector times the Jacobian dg/dΦ (supplied by backprop, src/backprop).
 */
export function gaussianLogLikGradOutput(x: ArrayLike<number>, gx: ArrayLike<number>, opts: GaussianErrorOptions = {}): number[] {
  const { r, sigma2 } = residual('gaussianLogLikGradOutput', x, gx, opts);
  return r.map((ri) => -ri / sigma2);
}

/**
 * SOURCE FORM (erratum 000-E03): the gradient of the likelihood itself, ∇P = P·∇log P (000 §1.d L86–96 uses ∇P in the
 * update and calls it the gradient of the log-likelihood). Output-space version.
 */
export function gaussianLikGradOutput(x: ArrayLike<number>, gx: ArrayLike<number>, opts: GaussianErrorOptions = {}): number[] {
  const p = gaussianLik(x, gx, opts);
  return gaussianLogLikGradOutput(x, gx, opts).map((g) => p * g);
}

// ------------------------------------------------------------------------------------------------- Bernoulli (§1.i)
function checkCounts(fn: string, N: number, Nx: number) {
  assertInteger(fn, 'N', N, 1);
  assertInteger(fn, 'Nx', Nx, 0, N);
}

/** log P = N(x) log Φ + (N − N(x)) log(1 − Φ), Φ ∈ (0,1). Source 000 §1.i, L214–218. Oracle O-04. */
export function bernoulliLogLik(phi: number, N: number, Nx: number): number {
  checkCounts('bernoulliLogLik', N, Nx);
  assertProbability('bernoulliLogLik', 'phi', phi, true);
  return Nx * Math.log(phi) + (N - Nx) * Math.log(1 - phi);
}

/** ∇log P = N(x)/Φ − (N − N(x))/(1 − Φ) = (N(x) − NΦ)/(Φ(1 − Φ)). Source 000 §1.i, L220–222. Zero at Φ = N(x)/N. */
export function bernoulliGrad(phi: number, N: number, Nx: number): number {
  checkCounts('bernoulliGrad', N, Nx);
  assertProbability('bernoulliGrad', 'phi', phi, true);
  return (Nx - N * phi) / (phi * (1 - phi));
}

/** The maximiser Φ* = N(x)/N of the Bernoulli log-likelihood (000 §1.i; T-4). */
export function bernoulliMle(N: number, Nx: number): number {
  checkCounts('bernoulliMle', N, Nx);
  return Nx / N;
}

export const BERNOULLI_SGD_FORMS = ['source', 'averaged'] as const;
export type BernoulliSgdForm = (typeof BERNOULLI_SGD_FORMS)[number];

export interface BernoulliSgdResult {
  /** Φ after 0, 1, … steps (the last entry may lie outside (0,1) if the run escaped). */
  trajectory: number[];
  /** the step at which Φ left (0, 1), or null */
  escapedAt: number | null;
}

/**
 * SGD on the Bernoulli log-likelihood. `form: 'source'` is the tutorial's update Φ ← Φ + γ(N(x) − NΦ)/(Φ(1 − Φ))
 * (000 §1.i L226–228; erratum 000-E07: the summed gradient throws Φ out of (0,1)); `form: 'averaged'` divides the gradient
 * by N. The run stops at the first iterate outside (0, 1) (where log P is undefined). Oracle O-05.
 */
export function bernoulliSgd(phi0: number, N: number, Nx: number, gamma: number, steps: number, form: BernoulliSgdForm = 'source'): BernoulliSgdResult {
  checkCounts('bernoulliSgd', N, Nx);
  assertProbability('bernoulliSgd', 'phi0', phi0, true);
  assertPositive('bernoulliSgd', 'gamma', gamma);
  assertInteger('bernoulliSgd', 'steps', steps, 0, 1e7);
  assertOneOf('bernoulliSgd', 'form', form, BERNOULLI_SGD_FORMS);
  const trajectory = [phi0];
  let phi = phi0;
  for (let k = 1; k <= steps; k++) {
    const g = bernoulliGrad(phi, N, Nx);
    phi = phi + gamma * (form === 'averaged' ? g / N : g);
    trajectory.push(phi);
    if (!(phi > 0 && phi < 1)) return { trajectory, escapedAt: k };
  }
  return { trajectory, escapedAt: null };
}

// --------------------------------------------------------------------------------------------- error moments (1.6)
export const MOMENT_FORMS = ['source', 'exact'] as const;
export type MomentForm = (typeof MOMENT_FORMS)[number];

/**
 * Error mean and variance estimated from N generated/observed pairs (000 §1.k, (1.6)): errors εᵢ = g(z⁽ⁱ⁾|Φ) − x⁽ⁱ⁾,
 * μ̂ = (1/N) Σ εᵢ. `form: 'source'`: σ̂² = (1/N) Σ ‖εᵢ − μ̂‖² as written in (1.6) (erratum 000-E09);
 * `form: 'exact'`: the MLE of the isotropic variance of N(μ, σ²I_m), σ̂² = (1/(N m)) Σ ‖εᵢ − μ̂‖². Oracle O-06.
 */
export function errorMoments(G: number[][], X: number[][], form: MomentForm = 'exact'): { errors: number[][]; mu: number[]; sigma2: number } {
  assertMatrix('errorMoments', 'G', G);
  assertMatrix('errorMoments', 'X', X, G.length, G[0].length);
  assertOneOf('errorMoments', 'form', form, MOMENT_FORMS);
  const N = G.length;
  const m = G[0].length;
  const errors = G.map((g, i) => g.map((gj, j) => gj - X[i][j]));
  const mu = Array.from({ length: m }, (_, j) => errors.reduce((s, e) => s + e[j], 0) / N);
  let ss = 0;
  for (const e of errors) for (let j = 0; j < m; j++) ss += (e[j] - mu[j]) ** 2;
  return { errors, mu, sigma2: form === 'source' ? ss / N : ss / (N * m) };
}

// ------------------------------------------------------------------------------------ objective under P(d) (§1.j)
/**
 * The objective under a data distribution P(d) (000 §1.j, L232–242) from per-pair log-likelihoods and weights P(dᵢ)
 * (normalised here). `form: 'source'`: the expected LIKELIHOOD Σ P(dᵢ) P(xᵢ|Φ,zᵢ) the tutorial writes (erratum
 * 000-E08); `form: 'exact'`: the expected log-likelihood Σ P(dᵢ) log P(xᵢ|Φ,zᵢ), consistent with (1.5). Equal weights
 * give the epoch average of (1.5).
 */
export function expectedObjective(logLiks: ArrayLike<number>, weights: ArrayLike<number>, form: MomentForm = 'exact'): number {
  assertVector('expectedObjective', 'logLiks', logLiks);
  assertVector('expectedObjective', 'weights', weights, logLiks.length);
  assertOneOf('expectedObjective', 'form', form, MOMENT_FORMS);
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] < 0) throw new RangeError(`expectedObjective: argument weights[${i}] must be ≥ 0 (got ${weights[i]})`);
    s += weights[i];
  }
  if (!(s > 0)) throw new RangeError('expectedObjective: argument weights must have a positive sum (got 0)');
  let v = 0;
  for (let i = 0; i < weights.length; i++) v += (weights[i] / s) * (form === 'source' ? Math.exp(logLiks[i]) : logLiks[i]);
  return v;
}

/**
 * Generation with the estimated error model — an INTERPRETATION of 000 §1.k L265 (erratum 000-E10: the source never
 * says how μ̂, σ̂² enter generation). Since ε = g(z) − x ~ N(μ, σ²I), a sample is x′ = g(z) − μ̂ − σ̂ ε′, ε′ ~ N(0, I).
 * `G` holds generator outputs g(z⁽ⁱ⁾) (one row per sample).
 */
export function generateWithErrorModel(G: number[][], mu: ArrayLike<number>, sigma2: number, rng: Rng): number[][] {
  assertMatrix('generateWithErrorModel', 'G', G);
  assertVector('generateWithErrorModel', 'mu', mu, G[0].length);
  assertFiniteNumber('generateWithErrorModel', 'sigma2', sigma2);
  if (sigma2 < 0) throw new RangeError(`generateWithErrorModel: argument sigma2 must be ≥ 0 (got ${sigma2})`);
  if (!rng || typeof (rng as Rng).normal !== 'function') throw new TypeError('generateWithErrorModel: argument rng must be a generator from core.rng(seed)');
  const s = Math.sqrt(sigma2);
  return G.map((g) => g.map((gj, j) => gj - mu[j] - s * rng.normal()));
}
