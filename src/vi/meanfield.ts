/**
 * Mean-field VI by coordinate ascent (CAVI): 002 §3.5, Eqs. 3.5.1–3.5.15 (L401–458) with App. D.1 (L1834–1865):
 * q(z) = Π_j q_j(z_j), and the optimal factor is log q_j*(z_j) = E_{q_{−j}}[log p(x, z)] + const (3.5.15; the notes'
 * intermediate step is erratum 002-E58). Each factor update maximises the ELBO in that factor, so the ELBO never decreases.
 *
 * Instance (EXTENSION beyond 002, the standard warm-up of Bishop 2006 §10.1.3): x_n ~ N(μ, τ⁻¹), μ | τ ~ N(μ₀, (λ₀τ)⁻¹),
 * τ ~ Gam(a₀, b₀) — with q(μ) q(τ) against the exact Normal–Gamma posterior.
 */
import { digamma, logGamma } from '../core/special';
import { assertFiniteNumber, assertInteger, assertPositive, assertVector, describe } from '../core/validate';

/** The result of `cavi`: the final state, the ELBO after every sweep (index 0: the initial state) and the sweep count. */
export interface CaviResult<S> {
  state: S;
  elboTrace: number[];
  iterations: number;
  converged: boolean;
}

/**
 * Generic CAVI (002 §3.5, 3.5.15): apply the factor updates in turn, one sweep per iteration, and evaluate the ELBO after each
 * sweep; stop when it rises by less than `tol` (absolute). The ELBO is asserted non-decreasing: a drop larger than
 * 1e-9·max(1, |ELBO|) throws (a wrong update, not rounding).
 */
export function cavi<S>(spec: { init: S; updates: ((s: S) => S)[]; elbo: (s: S) => number }, opts: { maxIter?: number; tol?: number } = {}): CaviResult<S> {
  const fn = 'cavi';
  if (!spec || typeof spec !== 'object') throw new TypeError(`${fn}: spec must be { init, updates, elbo } (got ${describe(spec)})`);
  if (!Array.isArray(spec.updates) || spec.updates.length === 0 || spec.updates.some((u) => typeof u !== 'function')) {
    throw new TypeError(`${fn}: spec.updates must be a non-empty array of functions (got ${describe(spec.updates)})`);
  }
  if (typeof spec.elbo !== 'function') throw new TypeError(`${fn}: spec.elbo must be a function (got ${describe(spec.elbo)})`);
  const maxIter = opts.maxIter ?? 200;
  const tol = opts.tol ?? 1e-10;
  assertInteger(fn, 'opts.maxIter', maxIter, 1);
  if (typeof tol !== 'number' || !(tol >= 0)) throw new RangeError(`${fn}: opts.tol must be a number >= 0 (got ${describe(tol)})`);
  let state = spec.init;
  const trace = [spec.elbo(state)];
  let it = 0;
  let converged = false;
  while (it < maxIter) {
    for (const u of spec.updates) state = u(state);
    it++;
    const L = spec.elbo(state);
    const prev = trace[trace.length - 1];
    if (!Number.isFinite(L)) throw new RangeError(`${fn}: the ELBO is not finite after sweep ${it} (got ${L})`);
    if (L < prev - 1e-9 * Math.max(1, Math.abs(prev))) throw new RangeError(`${fn}: the ELBO decreased at sweep ${it} (${prev} → ${L}); a coordinate-ascent update is wrong`);
    trace.push(L);
    if (L - prev < tol) {
      converged = true;
      break;
    }
  }
  return { state, elboTrace: trace, iterations: it, converged };
}

/** Prior of the Normal–Gamma model: μ | τ ~ N(μ₀, (λ₀τ)⁻¹), τ ~ Gam(a₀, b₀) (shape–rate). */
export interface NormalGammaPrior {
  mu0: number;
  lambda0: number;
  a0: number;
  b0: number;
}

/** The mean-field state q(μ) = N(muN, 1/lambdaN), q(τ) = Gam(aN, bN). */
export interface NormalGammaMF {
  muN: number;
  lambdaN: number;
  aN: number;
  bN: number;
}

function checkNG(fn: string, x: unknown, prior: unknown): asserts prior is NormalGammaPrior {
  assertVector(fn, 'x', x);
  if (!prior || typeof prior !== 'object') throw new TypeError(`${fn}: prior must be { mu0, lambda0, a0, b0 } (got ${describe(prior)})`);
  const p = prior as NormalGammaPrior;
  assertFiniteNumber(fn, 'prior.mu0', p.mu0);
  assertPositive(fn, 'prior.lambda0', p.lambda0);
  assertPositive(fn, 'prior.a0', p.a0);
  assertPositive(fn, 'prior.b0', p.b0);
}

function stats(x: ArrayLike<number>) {
  const N = x.length;
  let s = 0;
  for (let i = 0; i < N; i++) s += x[i];
  const xbar = s / N;
  let ss = 0;
  for (let i = 0; i < N; i++) ss += (x[i] - xbar) ** 2;
  return { N, xbar, ss };
}

/**
 * The exact posterior of the Normal–Gamma model (conjugacy): μ | τ, x ~ N(μ_N, (λ_N τ)⁻¹), τ | x ~ Gam(a_N, b_N) with
 * λ_N = λ₀ + N, μ_N = (λ₀μ₀ + N x̄)/λ_N, a_N = a₀ + N/2, b_N = b₀ + ½Σ(x_n − x̄)² + λ₀N(x̄ − μ₀)²/(2λ_N);
 * and the log evidence log p(x) = log Γ(a_N) − log Γ(a₀) + a₀ log b₀ − a_N log b_N + ½ log(λ₀/λ_N) − (N/2) log 2π.
 */
export function normalGammaPosterior(x: ArrayLike<number>, prior: NormalGammaPrior): { muN: number; lambdaN: number; aN: number; bN: number; logEvidence: number } {
  checkNG('normalGammaPosterior', x, prior);
  const { N, xbar, ss } = stats(x);
  const { mu0, lambda0, a0, b0 } = prior;
  const lambdaN = lambda0 + N;
  const muN = (lambda0 * mu0 + N * xbar) / lambdaN;
  const aN = a0 + N / 2;
  const bN = b0 + 0.5 * ss + (lambda0 * N * (xbar - mu0) ** 2) / (2 * lambdaN);
  const logEvidence = logGamma(aN) - logGamma(a0) + a0 * Math.log(b0) - aN * Math.log(bN) + 0.5 * Math.log(lambda0 / lambdaN) - (N / 2) * Math.log(2 * Math.PI);
  return { muN, lambdaN, aN, bN, logEvidence };
}

/**
 * The ELBO of q(μ)q(τ) for the Normal–Gamma model: E[log p(x|μ,τ)] + E[log p(μ|τ)] + E[log p(τ)] + H[q(μ)] + H[q(τ)], with
 * E[τ] = a/b, E[log τ] = ψ(a) − log b, E_μ[(x − μ)²] = (x − μ_N)² + 1/λ.
 */
export function normalGammaElbo(x: ArrayLike<number>, prior: NormalGammaPrior, q: NormalGammaMF): number {
  checkNG('normalGammaElbo', x, prior);
  const { N, xbar, ss } = stats(x);
  const { mu0, lambda0, a0, b0 } = prior;
  const { muN, lambdaN, aN, bN } = q;
  const Et = aN / bN;
  const Elt = digamma(aN) - Math.log(bN);
  const ESx = ss + N * (xbar - muN) ** 2 + N / lambdaN;
  const Emu = (muN - mu0) ** 2 + 1 / lambdaN;
  const l2p = Math.log(2 * Math.PI);
  const lik = (N / 2) * (Elt - l2p) - (Et / 2) * ESx;
  const pmu = 0.5 * (Math.log(lambda0) + Elt - l2p) - ((Et * lambda0) / 2) * Emu;
  const ptau = a0 * Math.log(b0) - logGamma(a0) + (a0 - 1) * Elt - b0 * Et;
  const hmu = 0.5 * Math.log((2 * Math.PI * Math.E) / lambdaN);
  const htau = aN - Math.log(bN) + logGamma(aN) + (1 - aN) * digamma(aN);
  return lik + pmu + ptau + hmu + htau;
}

/**
 * CAVI for the Normal–Gamma model (Bishop (10.26)–(10.33)): q(μ) = N(μ_N, λ⁻¹) with μ_N = (λ₀μ₀ + N x̄)/(λ₀ + N),
 * λ = (λ₀ + N) E[τ]; q(τ) = Gam(a, b) with a = a₀ + (N + 1)/2, b = b₀ + ½ E_μ[Σ(x_n − μ)² + λ₀(μ − μ₀)²].
 * Starts from E[τ] = `tau0` (default 1).
 */
export function normalGammaCavi(x: ArrayLike<number>, prior: NormalGammaPrior, opts: { tau0?: number; maxIter?: number; tol?: number } = {}): CaviResult<NormalGammaMF> {
  const fn = 'normalGammaCavi';
  checkNG(fn, x, prior);
  const tau0 = opts.tau0 ?? 1;
  assertPositive(fn, 'opts.tau0', tau0);
  const { N, xbar, ss } = stats(x);
  const { mu0, lambda0, a0, b0 } = prior;
  const muN = (lambda0 * mu0 + N * xbar) / (lambda0 + N);
  const aN = a0 + (N + 1) / 2;
  const init: NormalGammaMF = { muN, lambdaN: (lambda0 + N) * tau0, aN, bN: aN / tau0 };
  const updMu = (s: NormalGammaMF): NormalGammaMF => ({ ...s, muN, lambdaN: (lambda0 + N) * (s.aN / s.bN) });
  const updTau = (s: NormalGammaMF): NormalGammaMF => {
    const E = ss + N * (xbar - s.muN) ** 2 + N / s.lambdaN + lambda0 * ((s.muN - mu0) ** 2 + 1 / s.lambdaN);
    return { ...s, aN, bN: b0 + 0.5 * E };
  };
  return cavi({ init, updates: [updMu, updTau], elbo: (s) => normalGammaElbo(x, prior, s) }, { maxIter: opts.maxIter ?? 200, tol: opts.tol ?? 1e-12 });
}
