/**
 * The Bayesian Gaussian mixture by mean-field CAVI (002 §3.8, Eqs. 3.8.1–3.8.11, L562–651; the notes give q*(z), q*(π) and
 * the *form* of q*(μ, Λ) only — the updates and the ELBO below are the standard ones of Bishop 2006 §10.2,
 * Eqs. (10.46)–(10.63) and (10.70)–(10.77), an EXTENSION that completes the notes (gap G3; errata 002-E12…E16).
 *
 * Model: π ~ Dir(α₀), Λ_k ~ W(W₀, ν₀), μ_k | Λ_k ~ N(m₀, (β₀Λ_k)⁻¹), z_n ~ Cat(π), x_n | z_nk = 1 ~ N(μ_k, Λ_k⁻¹).
 * Factorisation (3.8.1): q(z) q(π) q(μ, Λ); q(π) = Dir(α), q(μ_k, Λ_k) = N(m_k, (β_kΛ_k)⁻¹) W(W_k, ν_k).
 */
import { Rng } from '../core/rng';
import { digamma, logSumExp } from '../core/special';
import { Matrix, cholesky, inverse, logDetFromCholesky } from '../core/linalg';
import { assertFiniteNumber, assertInteger, assertOneOf, assertPositive, assertSquareMatrix, assertVector, describe } from '../core/validate';
import { dirichletLogNormaliser, logMultivariateGamma, wishartMoments } from './distributions';

/** Hyper-parameters of the BGMM prior (002 L576–590, T25). */
export interface BgmmPrior {
  alpha0: number;
  beta0: number;
  m0: number[];
  W0: Matrix;
  nu0: number;
}

/** The variational parameters after an update. */
export interface BgmmState {
  /** Responsibilities r[n][k] = E_q[z_nk]. */
  r: number[][];
  alpha: number[];
  beta: number[];
  m: number[][];
  W: Matrix[];
  nu: number[];
  /** N_k = Σ_n r_nk (+ 10 ε, as scikit-learn, so that empty components stay well defined). */
  Nk: number[];
}

/** Options of `bgmmVI`. */
export interface BgmmOptions {
  /** Initial responsibilities (N × K rows summing to 1); otherwise Dirichlet(1) rows drawn with `rng`. */
  r0?: number[][];
  rng?: Rng;
  /** Without r0: 'points' (default; K random data points as centres, nearest-centre one-hot r⁰) or 'random' (Dirichlet(1) rows). */
  init?: 'points' | 'random';
  maxIter?: number;
  /** Stop when the ELBO rises by less than tol (default 1e-8); 0 runs all maxIter sweeps. */
  tol?: number;
  /** 'exact' (Bishop (10.46)) or 'source': the notes' log ρ_nk with −½E[log|Λ_k|] (002 L619, erratum 002-E12). */
  form?: 'exact' | 'source';
  /** Keep the state after every sweep (for animations). */
  keepHistory?: boolean;
}

/** The result: final state, ELBO trace (one value per sweep, after the q(π, μ, Λ) update) and, optionally, the history. */
export interface BgmmResult extends BgmmState {
  elboTrace: number[];
  iterations: number;
  /** E_q[π_k] = α_k / Σ_j α_j. */
  weights: number[];
  history?: BgmmState[];
  form: 'exact' | 'source';
}

const LN2PI = Math.log(2 * Math.PI);

function checkData(fn: string, X: unknown): number[][] {
  if (!Array.isArray(X) || X.length === 0) throw new TypeError(`${fn}: X must be a non-empty array of rows (got ${describe(X)})`);
  const D = Array.isArray(X[0]) ? X[0].length : -1;
  X.forEach((row, n) => assertVector(fn, `X[${n}]`, row, D > 0 ? D : undefined));
  return X as number[][];
}

/** Validate a prior for data of dimension D. */
export function checkBgmmPrior(fn: string, prior: unknown, D: number): BgmmPrior {
  if (!prior || typeof prior !== 'object') throw new TypeError(`${fn}: prior must be { alpha0, beta0, m0, W0, nu0 } (got ${describe(prior)})`);
  const p = prior as BgmmPrior;
  assertPositive(fn, 'prior.alpha0', p.alpha0);
  assertPositive(fn, 'prior.beta0', p.beta0);
  assertVector(fn, 'prior.m0', p.m0, D);
  assertSquareMatrix(fn, 'prior.W0', p.W0, D);
  cholesky(p.W0, 'prior.W0');
  assertFiniteNumber(fn, 'prior.nu0', p.nu0);
  if (!(p.nu0 > D - 1)) throw new RangeError(`${fn}: prior.nu0 must be > D − 1 = ${D - 1} (got ${p.nu0})`);
  return p;
}

/** A default weak prior (as scikit-learn's defaults): m₀ = data mean, W₀⁻¹ = data covariance, ν₀ = D, β₀ = 1. */
export function defaultBgmmPrior(X: number[][], alpha0: number): BgmmPrior {
  const fn = 'defaultBgmmPrior';
  checkData(fn, X);
  assertPositive(fn, 'alpha0', alpha0);
  const N = X.length;
  const D = X[0].length;
  const mean = Array.from({ length: D }, (_, d) => X.reduce((s, x) => s + x[d], 0) / N);
  const C = Array.from({ length: D }, (_, i) => Array.from({ length: D }, (_, j) => X.reduce((s, x) => s + (x[i] - mean[i]) * (x[j] - mean[j]), 0) / (N - 1)));
  return { alpha0, beta0: 1, m0: mean, W0: inverse(C), nu0: D };
}

function quad(v: number[], A: Matrix): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) for (let j = 0; j < v.length; j++) s += v[i] * A[i][j] * v[j];
  return s;
}

/** E[log|Λ_k|] = Σ_{i=1}^D ψ((ν_k + 1 − i)/2) + D log 2 + log|W_k| (Bishop (10.65)). */
function expectedLogDetLambda(W: Matrix, nu: number): number {
  const D = W.length;
  let s = D * Math.LN2 + logDetFromCholesky(cholesky(W, 'W'));
  for (let i = 1; i <= D; i++) s += digamma((nu + 1 - i) / 2);
  return s;
}

/**
 * The variational M-step (Bishop (10.51)–(10.63)): from r, N_k = Σ_n r_nk, x̄_k, S_k, then
 * α_k = α₀ + N_k (= 002 Eq. 3.8.9, T25), β_k = β₀ + N_k, m_k = (β₀m₀ + N_k x̄_k)/β_k,
 * W_k⁻¹ = W₀⁻¹ + N_k S_k + β₀N_k/(β₀ + N_k) (x̄_k − m₀)(x̄_k − m₀)ᵀ, ν_k = ν₀ + N_k.
 */
export function bgmmUpdateParams(X: number[][], r: number[][], prior: BgmmPrior): BgmmState {
  const fn = 'bgmmUpdateParams';
  checkData(fn, X);
  const N = X.length;
  const D = X[0].length;
  checkBgmmPrior(fn, prior, D);
  if (!Array.isArray(r) || r.length !== N) throw new RangeError(`${fn}: r must have one row per data point (${N}) (got ${describe(r)})`);
  const K = r[0].length;
  const W0inv = inverse(prior.W0);
  const st: BgmmState = { r, alpha: [], beta: [], m: [], W: [], nu: [], Nk: [] };
  for (let k = 0; k < K; k++) {
    let Nk = 10 * Number.EPSILON;
    const xb = new Array<number>(D).fill(0);
    for (let n = 0; n < N; n++) {
      Nk += r[n][k];
      for (let d = 0; d < D; d++) xb[d] += r[n][k] * X[n][d];
    }
    for (let d = 0; d < D; d++) xb[d] /= Nk;
    const S = Array.from({ length: D }, () => new Array<number>(D).fill(0));
    for (let n = 0; n < N; n++) for (let i = 0; i < D; i++) for (let j = 0; j < D; j++) S[i][j] += r[n][k] * (X[n][i] - xb[i]) * (X[n][j] - xb[j]);
    const beta = prior.beta0 + Nk;
    const m = xb.map((v, d) => (prior.beta0 * prior.m0[d] + Nk * v) / beta);
    const c = (prior.beta0 * Nk) / (prior.beta0 + Nk);
    const Winv = W0inv.map((row, i) => row.map((w, j) => w + S[i][j] + c * (xb[i] - prior.m0[i]) * (xb[j] - prior.m0[j])));
    const W = inverse(Winv);
    for (let i = 0; i < D; i++) for (let j = 0; j < i; j++) W[i][j] = W[j][i] = 0.5 * (W[i][j] + W[j][i]);
    st.Nk.push(Nk);
    st.alpha.push(prior.alpha0 + Nk);
    st.beta.push(beta);
    st.m.push(m);
    st.W.push(W);
    st.nu.push(prior.nu0 + Nk);
  }
  return st;
}

/**
 * log ρ_nk (Bishop (10.46)): E[log π_k] + ½E[log|Λ_k|] − (D/2) log 2π − ½[D/β_k + ν_k (x_n − m_k)ᵀW_k(x_n − m_k)].
 * `form: 'source'` gives the notes' version (002 L619): −½E[log|Λ_k|] and no −(D/2) log 2π (erratum 002-E12).
 */
export function bgmmLogRho(X: number[][], st: Pick<BgmmState, 'alpha' | 'beta' | 'm' | 'W' | 'nu'>, form: 'exact' | 'source' = 'exact'): number[][] {
  const fn = 'bgmmLogRho';
  checkData(fn, X);
  assertOneOf(fn, 'form', form, ['exact', 'source'] as const);
  const D = X[0].length;
  const K = st.alpha.length;
  const a0 = st.alpha.reduce((p, q) => p + q, 0);
  const Elnpi = st.alpha.map((a) => digamma(a) - digamma(a0));
  const Elnl = st.W.map((W, k) => expectedLogDetLambda(W, st.nu[k]));
  return X.map((x) => {
    const row = new Array<number>(K);
    for (let k = 0; k < K; k++) {
      const diff = x.map((v, d) => v - st.m[k][d]);
      const Eq = D / st.beta[k] + st.nu[k] * quad(diff, st.W[k]);
      row[k] = form === 'exact' ? Elnpi[k] + 0.5 * Elnl[k] - 0.5 * D * LN2PI - 0.5 * Eq : Elnpi[k] - 0.5 * Elnl[k] - 0.5 * Eq;
    }
    return row;
  });
}

/** The E-step q*(z) (002 Eq. 3.8.8 with erratum 002-E13): r_nk = ρ_nk / Σ_j ρ_nj, computed in log space. */
export function bgmmResponsibilities(logRho: number[][]): number[][] {
  return logRho.map((row) => {
    const l = logSumExp(row);
    return row.map((v) => Math.exp(v - l));
  });
}

/**
 * The ELBO (Bishop (10.70)–(10.77)) at state st (responsibilities st.r, parameters from `bgmmUpdateParams`):
 * E[ln p(X|Z,μ,Λ)] + E[ln p(Z|π)] + E[ln p(π)] + E[ln p(μ,Λ)] − E[ln q(Z)] − E[ln q(π)] − E[ln q(μ,Λ)].
 */
export function bgmmElbo(X: number[][], st: BgmmState, prior: BgmmPrior): number {
  const fn = 'bgmmElbo';
  checkData(fn, X);
  const N = X.length;
  const D = X[0].length;
  checkBgmmPrior(fn, prior, D);
  const K = st.alpha.length;
  const aHat = st.alpha.reduce((p, q) => p + q, 0);
  const Elnpi = st.alpha.map((a) => digamma(a) - digamma(aHat));
  const Elnl = st.W.map((W, k) => expectedLogDetLambda(W, st.nu[k]));
  const W0inv = inverse(prior.W0);
  const logB0 = -(prior.nu0 / 2) * logDetFromCholesky(cholesky(prior.W0, 'W0')) - ((prior.nu0 * D) / 2) * Math.LN2 - logMultivariateGamma(D, prior.nu0 / 2);
  let Lx = 0;
  let Lz = 0;
  let Lpml = K * logB0;
  let Lqml = 0;
  let Hz = 0;
  for (let k = 0; k < K; k++) {
    const Nk = st.Nk[k];
    const xb = new Array<number>(D).fill(0);
    for (let n = 0; n < N; n++) for (let d = 0; d < D; d++) xb[d] += st.r[n][k] * X[n][d];
    for (let d = 0; d < D; d++) xb[d] /= Nk;
    let trSW = 0;
    for (let n = 0; n < N; n++) {
      const diff = X[n].map((v, d) => v - xb[d]);
      trSW += st.r[n][k] * quad(diff, st.W[k]);
    }
    trSW /= Nk;
    const dm = xb.map((v, d) => v - st.m[k][d]);
    Lx += 0.5 * Nk * (Elnl[k] - D / st.beta[k] - st.nu[k] * trSW - st.nu[k] * quad(dm, st.W[k]) - D * LN2PI);
    const d0 = st.m[k].map((v, d) => v - prior.m0[d]);
    let trW0W = 0;
    for (let i = 0; i < D; i++) for (let j = 0; j < D; j++) trW0W += W0inv[i][j] * st.W[k][j][i];
    Lpml += 0.5 * (D * Math.log(prior.beta0 / (2 * Math.PI)) + Elnl[k] - (D * prior.beta0) / st.beta[k] - prior.beta0 * st.nu[k] * quad(d0, st.W[k]));
    Lpml += ((prior.nu0 - D - 1) / 2) * Elnl[k] - 0.5 * st.nu[k] * trW0W;
    const H = wishartMoments(st.W[k], st.nu[k]).entropy;
    Lqml += 0.5 * Elnl[k] + (D / 2) * Math.log(st.beta[k] / (2 * Math.PI)) - D / 2 - H;
    for (let n = 0; n < N; n++) {
      const r = st.r[n][k];
      Lz += r * Elnpi[k];
      if (r > 0) Hz += r * Math.log(r);
    }
  }
  const alpha0 = new Array<number>(K).fill(prior.alpha0);
  const Lpi = -dirichletLogNormaliser(alpha0) + (prior.alpha0 - 1) * Elnpi.reduce((p, q) => p + q, 0);
  const Lqpi = st.alpha.reduce((s, a, k) => s + (a - 1) * Elnpi[k], 0) - dirichletLogNormaliser(st.alpha);
  return Lx + Lz + Lpi + Lpml - Hz - Lqpi - Lqml;
}

/**
 * CAVI for the Bayesian GMM (002 §3.8 completed with Bishop §10.2): from r⁰, alternate the parameter update
 * (`bgmmUpdateParams`) and the responsibility update (`bgmmLogRho` → softmax), evaluating the ELBO after each sweep
 * (the same point in the sweep as scikit-learn's `lower_bound_`). With `form: 'exact'` the ELBO is asserted
 * non-decreasing (a drop > 1e-8·max(1, |ELBO|) throws); the notes' form (E12) is not a coordinate ascent and is not asserted.
 */
export function bgmmVI(X: number[][], K: number, prior: BgmmPrior, opts: BgmmOptions = {}): BgmmResult {
  const fn = 'bgmmVI';
  checkData(fn, X);
  const N = X.length;
  const D = X[0].length;
  assertInteger(fn, 'K', K, 1, 1000);
  checkBgmmPrior(fn, prior, D);
  const form = opts.form ?? 'exact';
  if (opts.init !== undefined) assertOneOf(fn, 'opts.init', opts.init, ['points', 'random'] as const);
  assertOneOf(fn, 'opts.form', form, ['exact', 'source'] as const);
  const maxIter = opts.maxIter ?? 200;
  const tol = opts.tol ?? 1e-8;
  assertInteger(fn, 'opts.maxIter', maxIter, 1);
  if (typeof tol !== 'number' || !(tol >= 0)) throw new RangeError(`${fn}: opts.tol must be a number >= 0 (got ${describe(tol)})`);
  let r: number[][];
  if (opts.r0 !== undefined) {
    if (!Array.isArray(opts.r0) || opts.r0.length !== N) throw new RangeError(`${fn}: opts.r0 must have ${N} rows (got ${describe(opts.r0)})`);
    opts.r0.forEach((row, n) => {
      assertVector(fn, `opts.r0[${n}]`, row, K);
      const s = row.reduce((p, q) => p + q, 0);
      if (Math.abs(s - 1) > 1e-8 || row.some((v) => v < 0)) throw new RangeError(`${fn}: opts.r0[${n}] must be a probability vector (sum ${s})`);
    });
    r = opts.r0.map((row) => Array.from(row));
  } else {
    if (!opts.rng || typeof (opts.rng as Partial<Rng>).dirichlet !== 'function') throw new TypeError(`${fn}: give opts.r0 or opts.rng (a core.rng(seed)) (got ${describe(opts.rng)})`);
    const g = opts.rng;
    if ((opts.init ?? 'points') === 'random') r = X.map(() => Array.from(g.dirichlet(new Array(K).fill(1))));
    else {
      // K distinct data points as centres, each point assigned to its nearest centre (one-hot)
      const idx = g.permutation(N).slice(0, Math.min(K, N));
      r = X.map((x) => {
        let best = 0;
        let bd = Infinity;
        idx.forEach((i, k) => {
          const d = X[i].reduce((s, v, j) => s + (v - x[j]) ** 2, 0);
          if (d < bd) {
            bd = d;
            best = k;
          }
        });
        return Array.from({ length: K }, (_, k) => (k === best ? 1 : 0));
      });
    }
  }
  let st = bgmmUpdateParams(X, r, prior);
  const trace: number[] = [];
  const history: BgmmState[] = [];
  if (opts.keepHistory) history.push(st);
  let it = 0;
  while (it < maxIter) {
    r = bgmmResponsibilities(bgmmLogRho(X, st, form));
    st = bgmmUpdateParams(X, r, prior);
    it++;
    const L = bgmmElbo(X, st, prior);
    if (opts.keepHistory) history.push(st);
    const prev = trace.length ? trace[trace.length - 1] : -Infinity;
    if (form === 'exact' && L < prev - 1e-8 * Math.max(1, Math.abs(prev))) throw new RangeError(`${fn}: the ELBO decreased at sweep ${it} (${prev} → ${L})`);
    trace.push(L);
    if (Math.abs(L - prev) < tol) break;
  }
  const aHat = st.alpha.reduce((p, q) => p + q, 0);
  return { ...st, elboTrace: trace, iterations: it, weights: st.alpha.map((a) => a / aHat), form, ...(opts.keepHistory ? { history } : {}) };
}

/** The number of components with E[π_k] > threshold (default 0.01): what the Dirichlet prior leaves alive. */
export function effectiveComponents(weights: ArrayLike<number>, threshold = 0.01): number {
  assertVector('effectiveComponents', 'weights', weights);
  assertPositive('effectiveComponents', 'threshold', threshold);
  return Array.from(weights).filter((w) => w > threshold).length;
}

/** The posterior-mean covariance of component k, E[Λ_k]⁻¹ = (ν_k W_k)⁻¹ (for drawing ellipses). */
export function bgmmCovariance(st: Pick<BgmmState, 'W' | 'nu'>, k: number): Matrix {
  assertInteger('bgmmCovariance', 'k', k, 0, st.W.length - 1);
  return inverse(st.W[k].map((row) => row.map((v) => v * st.nu[k])));
}

