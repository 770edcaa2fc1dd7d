/**
 * The EM algorithm (002 §3.6, Eqs. 3.6.1–3.6.7, Algorithm 3.1, L460–550; App. D.2 L1867–1899) and EM as VI (§3.7, TBU in
 * the notes: completed here, gap G2, erratum 002-E8).
 *
 * Algorithm 3.1: E-step Q(θ | θ_t) = E_{p(z|x,θ_t)}[log p(x, z | θ)]; M-step θ_{t+1} = argmax_θ Q(θ | θ_t). The
 * log-likelihood never decreases (it is not guaranteed to reach a local maximum: erratum 002-E9).
 * As VI: L(q, θ) = E_q[log p(x, z | θ)] + H(q) = log p(x | θ) − KL(q ‖ p(z | x, θ)); the E-step sets q = p(z | x, θ_t)
 * (gap 0), the M-step raises L in θ, hence log p(x | θ_{t+1}) ≥ L(q_{t+1}, θ_{t+1}) ≥ L(q_{t+1}, θ_t) = log p(x | θ_t).
 */
import { logSumExp } from '../core/special';
import { Matrix, inverse, cholesky, logDetFromCholesky, solveLower } from '../core/linalg';
import { assertInteger, assertVector, describe } from '../core/validate';

/** Result of the generic EM loop. */
export interface EmResult<T> {
  theta: T;
  /** log p(x | θ_t) for t = 0 … iterations (θ_0 the start). */
  logLikTrace: number[];
  thetas: T[];
  iterations: number;
  converged: boolean;
}

/**
 * Generic EM (002 Algorithm 3.1): `eStep(θ)` returns the posterior statistics q = p(z | x, θ), `mStep(q)` returns
 * argmax_θ Q, `logLik(θ)` = log p(x | θ). Stops when the log-likelihood rises by less than `tol`; throws if it falls by more
 * than 1e-9·max(1, |log p|) (EM's monotonicity, the invariant a wrong E- or M-step breaks).
 */
export function em<T, Q>(spec: { eStep: (theta: T) => Q; mStep: (q: Q) => T; logLik: (theta: T) => number }, theta0: T, opts: { maxIter?: number; tol?: number } = {}): EmResult<T> {
  const fn = 'em';
  if (!spec || typeof spec !== 'object') throw new TypeError(`${fn}: spec must be { eStep, mStep, logLik } (got ${describe(spec)})`);
  for (const k of ['eStep', 'mStep', 'logLik'] as const) if (typeof spec[k] !== 'function') throw new TypeError(`${fn}: spec.${k} must be a function (got ${describe(spec[k])})`);
  const maxIter = opts.maxIter ?? 500;
  const tol = opts.tol ?? 1e-10;
  assertInteger(fn, 'opts.maxIter', maxIter, 0);
  if (typeof tol !== 'number' || !(tol >= 0)) throw new RangeError(`${fn}: opts.tol must be a number >= 0 (got ${describe(tol)})`);
  let theta = theta0;
  const trace = [spec.logLik(theta)];
  const thetas = [theta];
  let converged = false;
  let it = 0;
  while (it < maxIter) {
    theta = spec.mStep(spec.eStep(theta));
    it++;
    const L = spec.logLik(theta);
    const prev = trace[trace.length - 1];
    if (!Number.isFinite(L)) throw new RangeError(`${fn}: log p(x | θ) is not finite after iteration ${it} (got ${L})`);
    if (L < prev - 1e-9 * Math.max(1, Math.abs(prev))) throw new RangeError(`${fn}: the log-likelihood decreased at iteration ${it} (${prev} → ${L}); EM never does (Algorithm 3.1)`);
    trace.push(L);
    thetas.push(theta);
    if (L - prev < tol) {
      converged = true;
      break;
    }
  }
  return { theta, logLikTrace: trace, thetas, iterations: it, converged };
}

// ------------------------------------------------------------------------------------------------ shared mixture pieces

/** log p(x_n, z_n = k | θ) as an N × K matrix; its row log-sum-exp is log p(x_n | θ). */
export type ComponentLogJoint = number[][];

/** Responsibilities r_nk = p(z_n = k | x_n, θ) (002 Eqs. 3.6.5–3.6.6) and log p(x | θ) from the N × K log-joint. */
export function posteriorFromLogJoint(lj: ComponentLogJoint): { r: number[][]; logLik: number } {
  let ll = 0;
  const r = lj.map((row) => {
    const l = logSumExp(row);
    ll += l;
    return row.map((v) => Math.exp(v - l));
  });
  return { r, logLik: ll };
}

/**
 * EM as VI (002 §3.7 completed): for any q (rows of responsibilities) and θ (through its log-joint matrix),
 * L(q, θ) = Σ_n Σ_k q_nk [log p(x_n, k | θ) − log q_nk], log p(x | θ), and the gap KL(q ‖ p(z | x, θ)) = log p − L ≥ 0.
 */
export function emElbo(q: number[][], lj: ComponentLogJoint): { elbo: number; logLik: number; gap: number } {
  const fn = 'emElbo';
  if (!Array.isArray(q) || !Array.isArray(lj) || q.length !== lj.length) throw new RangeError(`${fn}: q and the log-joint must have the same number of rows (got ${describe(q)}, ${describe(lj)})`);
  let elbo = 0;
  let ll = 0;
  for (let n = 0; n < q.length; n++) {
    if (q[n].length !== lj[n].length) throw new RangeError(`${fn}: q[${n}] must have ${lj[n].length} entries (got ${q[n].length})`);
    ll += logSumExp(lj[n]);
    for (let k = 0; k < q[n].length; k++) if (q[n][k] > 0) elbo += q[n][k] * (lj[n][k] - Math.log(q[n][k]));
  }
  return { elbo, logLik: ll, gap: Math.max(0, ll - elbo) };
}

/** One point of the EM staircase: after an E-step or an M-step. */
export interface StaircasePoint {
  step: number;
  half: 'E' | 'M';
  logLik: number;
  elbo: number;
  gap: number;
}

/**
 * The staircase of EM as VI (002 §3.7 completed): starting from θ₀ and q₀ (default: uniform responsibilities), record
 * log p(x | θ), L(q, θ) and the gap after every half-step. After each E-step the gap is 0; after each M-step L has risen and
 * the gap reopens. `logJoint(θ)` is the mixture's N × K log-joint and `mStep(r)` its M-step.
 */
export function emStaircase<T>(logJoint: (theta: T) => ComponentLogJoint, mStep: (r: number[][]) => T, theta0: T, steps: number, q0?: number[][]): StaircasePoint[] {
  const fn = 'emStaircase';
  if (typeof logJoint !== 'function' || typeof mStep !== 'function') throw new TypeError(`${fn}: logJoint and mStep must be functions (got ${describe(logJoint)}, ${describe(mStep)})`);
  assertInteger(fn, 'steps', steps, 1);
  let theta = theta0;
  let lj = logJoint(theta);
  let q = q0 ?? lj.map((row) => row.map(() => 1 / row.length));
  const out: StaircasePoint[] = [];
  for (let t = 0; t < steps; t++) {
    q = posteriorFromLogJoint(lj).r;
    out.push({ step: t + 1, half: 'E', ...emElbo(q, lj) });
    theta = mStep(q);
    lj = logJoint(theta);
    out.push({ step: t + 1, half: 'M', ...emElbo(q, lj) });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ Bernoulli mixture

/** Parameters of a mixture of multivariate Bernoullis: weights θ_k and success probabilities q_k ∈ (0,1)^D. */
export interface BernoulliMixtureParams {
  theta: number[];
  q: number[][];
}

function checkBinary(fn: string, X: unknown): number[][] {
  if (!Array.isArray(X) || X.length === 0) throw new TypeError(`${fn}: X must be a non-empty array of binary rows (got ${describe(X)})`);
  const D = Array.isArray(X[0]) ? X[0].length : 0;
  X.forEach((row, n) => {
    assertVector(fn, `X[${n}]`, row, D || undefined);
    (row as number[]).forEach((v, d) => {
      if (v !== 0 && v !== 1) throw new RangeError(`${fn}: X[${n}][${d}] must be 0 or 1 (got ${v})`);
    });
  });
  return X as number[][];
}

function checkBernoulliParams(fn: string, p: unknown, D: number): BernoulliMixtureParams {
  if (!p || typeof p !== 'object') throw new TypeError(`${fn}: params must be { theta, q } (got ${describe(p)})`);
  const { theta, q } = p as BernoulliMixtureParams;
  assertVector(fn, 'theta', theta);
  const s = theta.reduce((a, b) => a + b, 0);
  if (Math.abs(s - 1) > 1e-9 || theta.some((t) => t < 0)) throw new RangeError(`${fn}: theta must be a probability vector (got sum ${s})`);
  if (!Array.isArray(q) || q.length !== theta.length) throw new RangeError(`${fn}: q must have one row per component (${theta.length}) (got ${describe(q)})`);
  q.forEach((row, k) => {
    assertVector(fn, `q[${k}]`, row, D);
    row.forEach((v, d) => {
      if (!(v > 0 && v < 1)) throw new RangeError(`${fn}: q[${k}][${d}] must be in (0, 1) (got ${v})`);
    });
  });
  return { theta, q };
}

/** log θ_k + Σ_d [x_d log q_kd + (1 − x_d) log(1 − q_kd)] (002 Eq. 3.6.3 for vectors, erratum 002-E10). */
export function bernoulliMixtureLogJoint(X: number[][], p: BernoulliMixtureParams): ComponentLogJoint {
  const fn = 'bernoulliMixtureLogJoint';
  checkBinary(fn, X);
  checkBernoulliParams(fn, p, X[0].length);
  return X.map((x) => p.theta.map((t, k) => Math.log(t) + x.reduce((s, v, d) => s + (v ? Math.log(p.q[k][d]) : Math.log(1 - p.q[k][d])), 0)));
}

/** log p(X | θ, q) = Σ_n log Σ_k θ_k p(x_n | q_k) (002 Eq. 3.6.4). */
export function bernoulliMixtureLogLik(X: number[][], p: BernoulliMixtureParams): number {
  return posteriorFromLogJoint(bernoulliMixtureLogJoint(X, p)).logLik;
}

/**
 * The M-step of the Bernoulli mixture: θ_k = Σ_n r_nk / N (App. D.2: the Lagrange multiplier is λ = N, T24) and
 * q_k = Σ_n r_nk x_n / Σ_n r_nk (solving the first-order condition 3.6.7 with r fixed; the notes' "Solution" is TBU, gap G1).
 */
export function bernoulliMixtureMStep(X: number[][], r: number[][]): BernoulliMixtureParams {
  const N = X.length;
  const K = r[0].length;
  const D = X[0].length;
  const theta: number[] = [];
  const q: number[][] = [];
  for (let k = 0; k < K; k++) {
    let Nk = 0;
    const s = new Array<number>(D).fill(0);
    for (let n = 0; n < N; n++) {
      Nk += r[n][k];
      for (let d = 0; d < D; d++) s[d] += r[n][k] * X[n][d];
    }
    theta.push(Nk / N);
    q.push(s.map((v) => v / Nk));
  }
  return { theta, q };
}

/** EM for a mixture of Bernoullis (002 §3.6.2 and App. D.2; oracle D19: the 3-iteration trace on the 6 × 2 data). */
export function bernoulliMixtureEM(X: number[][], init: BernoulliMixtureParams, opts: { maxIter?: number; tol?: number } = {}): EmResult<BernoulliMixtureParams> {
  const fn = 'bernoulliMixtureEM';
  checkBinary(fn, X);
  checkBernoulliParams(fn, init, X[0].length);
  return em(
    {
      eStep: (p: BernoulliMixtureParams) => posteriorFromLogJoint(bernoulliMixtureLogJoint(X, p)).r,
      mStep: (r: number[][]) => bernoulliMixtureMStep(X, r),
      logLik: (p: BernoulliMixtureParams) => bernoulliMixtureLogLik(X, p),
    },
    init,
    opts,
  );
}

/**
 * Non-identifiability of a Bernoulli mixture on ONE binary variable (erratum 002-E10): p(x = 1) = Σ_k θ_k q_k is all the
 * likelihood sees, so every (θ, q) with the same Σ_k θ_k q_k has the same likelihood. Returns the likelihood of each
 * parameter set and the common mean.
 */
export function scalarBernoulliMixtureLikelihoods(x: ArrayLike<number>, params: BernoulliMixtureParams[]): { logLik: number[]; meanParameter: number[] } {
  const fn = 'scalarBernoulliMixtureLikelihoods';
  assertVector(fn, 'x', x);
  const X = Array.from(x, (v) => [v]);
  checkBinary(fn, X);
  if (!Array.isArray(params) || params.length === 0) throw new TypeError(`${fn}: params must be a non-empty array (got ${describe(params)})`);
  return {
    logLik: params.map((p) => bernoulliMixtureLogLik(X, p)),
    meanParameter: params.map((p) => p.theta.reduce((s, t, k) => s + t * p.q[k][0], 0)),
  };
}

// ------------------------------------------------------------------------------------------------ Gaussian mixture

/** Parameters of a Gaussian mixture: weights, means and full covariances. */
export interface GmmParams {
  weights: number[];
  means: number[][];
  covariances: Matrix[];
}

function checkRows(fn: string, X: unknown): number[][] {
  if (!Array.isArray(X) || X.length === 0) throw new TypeError(`${fn}: X must be a non-empty array of rows (got ${describe(X)})`);
  const D = Array.isArray(X[0]) ? X[0].length : 0;
  X.forEach((row, n) => assertVector(fn, `X[${n}]`, row, D || undefined));
  return X as number[][];
}

/** log π_k + log N(x_n | μ_k, Σ_k) as an N × K matrix (the GMM log-joint). */
export function gmmLogJoint(X: number[][], p: GmmParams): ComponentLogJoint {
  const fn = 'gmmLogJoint';
  checkRows(fn, X);
  const D = X[0].length;
  if (!p || !Array.isArray(p.weights)) throw new TypeError(`${fn}: params must be { weights, means, covariances } (got ${describe(p)})`);
  const K = p.weights.length;
  assertVector(fn, 'weights', p.weights, K);
  const facts = p.covariances.map((S, k) => {
    if (!Array.isArray(p.means[k])) throw new RangeError(`${fn}: means[${k}] is missing`);
    assertVector(fn, `means[${k}]`, p.means[k], D);
    const L = cholesky(S, `covariances[${k}]`);
    if (L.length !== D) throw new RangeError(`${fn}: covariances[${k}] must be ${D}×${D} (got ${L.length}×${L.length})`);
    return { L, ld: logDetFromCholesky(L) };
  });
  if (facts.length !== K) throw new RangeError(`${fn}: covariances must have ${K} matrices (got ${facts.length})`);
  const c = -0.5 * D * Math.log(2 * Math.PI);
  return X.map((x) =>
    p.weights.map((w, k) => {
      const v = solveLower(facts[k].L, x.map((xi, d) => xi - p.means[k][d]));
      return Math.log(w) + c - 0.5 * facts[k].ld - 0.5 * v.reduce((s, e) => s + e * e, 0);
    }),
  );
}

/** The GMM M-step: π_k = N_k/N, μ_k = Σ r_nk x_n / N_k, Σ_k = Σ r_nk (x_n − μ_k)(x_n − μ_k)ᵀ / N_k (+ reg·I). */
export function gmmMStep(X: number[][], r: number[][], reg = 0): GmmParams {
  const N = X.length;
  const D = X[0].length;
  const K = r[0].length;
  const out: GmmParams = { weights: [], means: [], covariances: [] };
  for (let k = 0; k < K; k++) {
    let Nk = 0;
    const mu = new Array<number>(D).fill(0);
    for (let n = 0; n < N; n++) {
      Nk += r[n][k];
      for (let d = 0; d < D; d++) mu[d] += r[n][k] * X[n][d];
    }
    for (let d = 0; d < D; d++) mu[d] /= Nk;
    const S = Array.from({ length: D }, (_, i) => Array.from({ length: D }, (_, j) => (i === j ? reg : 0)));
    for (let n = 0; n < N; n++) for (let i = 0; i < D; i++) for (let j = 0; j < D; j++) S[i][j] += (r[n][k] * (X[n][i] - mu[i]) * (X[n][j] - mu[j])) / Nk;
    out.weights.push(Nk / N);
    out.means.push(mu);
    out.covariances.push(S);
  }
  return out;
}

/**
 * EM for a Gaussian mixture (EXTENSION: 002 NB06 step 5; the standard updates, Bishop 2006 §9.2.2) from explicit initial
 * parameters; `reg` is added to every covariance's diagonal (scikit-learn's reg_covar; default 0).
 */
export function gmmEM(X: number[][], init: GmmParams, opts: { maxIter?: number; tol?: number; reg?: number } = {}): EmResult<GmmParams> {
  const fn = 'gmmEM';
  checkRows(fn, X);
  gmmLogJoint(X, init);
  const reg = opts.reg ?? 0;
  if (typeof reg !== 'number' || !(reg >= 0)) throw new RangeError(`${fn}: opts.reg must be a number >= 0 (got ${describe(reg)})`);
  return em(
    {
      eStep: (p: GmmParams) => posteriorFromLogJoint(gmmLogJoint(X, p)).r,
      mStep: (r: number[][]) => gmmMStep(X, r, reg),
      logLik: (p: GmmParams) => posteriorFromLogJoint(gmmLogJoint(X, p)).logLik,
    },
    init,
    opts,
  );
}

/** Precision matrices Σ_k⁻¹ of a GMM (what scikit-learn's `precisions_init` takes). */
export function gmmPrecisions(p: GmmParams): Matrix[] {
  return p.covariances.map((S) => inverse(S));
}
