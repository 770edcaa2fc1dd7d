/**
 * Amortised versus per-instance variational inference on the linear-Gaussian model (source 001 §3, Steps 3.1–3.3).
 *
 * Per instance, q_i* = argmax_q ELBO(q; x_i) is the exact posterior (the Gaussian family contains it), so its gap is 0.
 * An amortised encoder q_φ(z|x) = N(F x + g, V) shares φ across the data; Steps 3.2 shows
 * KL(q_φ*(·|x_i) ‖ p(z|x_i)) ≥ KL(q_i* ‖ p(z|x_i)). On this model the posterior mean is affine in x,
 * m_p(x) = A x + c with A = Σ_p Wᵀ/s², c = −A b, and the posterior covariance Σ_p does not depend on x, so:
 *   'affine'   (F, g, V free):  optimum F = A, g = c, V = Σ_p — amortisation gap 0;
 *   'linear'   (g = 0, no bias): F* = (Σ m_p,i x_iᵀ)(Σ x_i x_iᵀ)⁻¹ (least squares), V* = Σ_p — a positive gap when b ≠ 0;
 *   'constant' (F = 0, q ignores x): g* = mean of the m_p,i, V* = Σ_p — the largest gap.
 * (V* = Σ_p because Σ_i KL(N(μ_i, V) ‖ N(m_p,i, Σ_p)) depends on V through n·½[tr(Σ_p⁻¹V) − log det V].)
 * The amortisation gap of a data set is Σ_i KL(q_φ*(·|x_i) ‖ p(z|x_i)) = Σ_i [ELBO(q_i*) − ELBO(q_φ*)].
 * The restricted families are a teaching device (the source argues in general terms); see Cremer, Li & Duvenaud (2018),
 * "Inference suboptimality in variational autoencoders", for the amortisation gap in VAEs.
 */
import { Matrix, matmul, transpose, inverse } from '../core/linalg';
import { assertOneOf, assertMatrix, assertPositive, describe, assertInteger } from '../core/validate';
import { klGaussians } from './kl';
import { GaussianQ, lgElbo, lgLogEvidence, lgPosterior, LinearGaussianModel, linearGaussian1d } from './linearGaussian';

export type AmortizedFamily = 'affine' | 'linear' | 'constant';
export const AMORTIZED_FAMILIES: readonly AmortizedFamily[] = ['affine', 'linear', 'constant'];

/** An amortised Gaussian encoder q_φ(z|x) = N(F x + g, V). */
export interface AmortizedEncoder {
  family: AmortizedFamily;
  F: Matrix;
  g: number[];
  V: Matrix;
}

/** The encoder's q(z|x). */
export function encodeAmortized(enc: AmortizedEncoder, x: ArrayLike<number>): GaussianQ {
  if (!enc || typeof enc !== 'object' || !Array.isArray(enc.F)) throw new TypeError(`encodeAmortized: enc must come from fitAmortized (got ${describe(enc)})`);
  if (x.length !== enc.F[0].length) throw new RangeError(`encodeAmortized: x must have ${enc.F[0].length} entries (got ${x.length})`);
  return { mean: enc.F.map((row, i) => enc.g[i] + row.reduce((s, v, j) => s + v * x[j], 0)), cov: enc.V.map((r) => [...r]) };
}

function checkData(fn: string, model: LinearGaussianModel, xs: unknown): asserts xs is number[][] {
  assertMatrix(fn, 'xs', xs, undefined, model.d);
}

/** The closed-form optimum of the amortised family on the data set xs (rows are observations). */
export function fitAmortized(model: LinearGaussianModel, xs: number[][], family: AmortizedFamily = 'linear'): AmortizedEncoder {
  const fn = 'fitAmortized';
  checkData(fn, model, xs);
  assertOneOf(fn, 'family', family, AMORTIZED_FAMILIES);
  const { k, d } = model;
  const posts = xs.map((x) => lgPosterior(model, x));
  const V = posts[0].cov;
  const mp = posts.map((p) => p.mean);
  const n = xs.length;
  if (family === 'constant') {
    const g = Array.from({ length: k }, (_, i) => mp.reduce((s, m) => s + m[i], 0) / n);
    return { family, F: Array.from({ length: k }, () => new Array(d).fill(0)), g, V };
  }
  if (family === 'affine') {
    // exact: the posterior mean map A x + c
    const A = matmul(V, transpose(model.W)).map((row) => row.map((v) => v / model.s2));
    const c = A.map((row) => -row.reduce((s, v, j) => s + v * model.b[j], 0));
    return { family, F: A, g: c, V };
  }
  // linear (no bias): least squares F = (Σ m xᵀ)(Σ x xᵀ)⁻¹
  const XtX = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => xs.reduce((s, x) => s + x[i] * x[j], 0)));
  const MtX = Array.from({ length: k }, (_, i) => Array.from({ length: d }, (_, j) => xs.reduce((s, x, r) => s + mp[r][i] * x[j], 0)));
  let inv: Matrix;
  try {
    inv = inverse(XtX);
  } catch {
    throw new RangeError(`${fn}: the data must span R^${d} for the 'linear' family (Σ x xᵀ is singular)`);
  }
  return { family, F: matmul(MtX, inv), g: new Array(k).fill(0), V };
}

/** One data point of the comparison. */
export interface AmortizationRow {
  x: number[];
  logEvidence: number;
  /** ELBO of the per-instance optimum q_i* (= the exact posterior here, so = log p(x)). */
  perInstanceElbo: number;
  amortizedElbo: number;
  /** KL(q_i* ‖ posterior) (0 here). */
  perInstanceKl: number;
  /** KL(q_φ*(·|x) ‖ posterior): this point's share of the amortisation gap. */
  amortizedKl: number;
}

/** Amortised vs per-instance on a data set: the rows, the total and mean gap, and the parameter counts (001 §3.3). */
export interface AmortizationReport {
  family: AmortizedFamily;
  encoder: AmortizedEncoder;
  rows: AmortizationRow[];
  /** Σ_i KL(q_φ*(·|x_i) ‖ p(z|x_i)) − Σ_i KL(q_i* ‖ p(z|x_i)). */
  gap: number;
  meanGap: number;
  /** Parameters stored: per-instance 2k per point for diagonal q (n·2k, grows with n); amortised: the encoder's (fixed). */
  parameters: { perInstance: number; amortized: number };
}

/** Compare amortised and per-instance inference on xs (001 §3 Steps 3.2–3.3), everything in closed form. */
export function amortizationGap(model: LinearGaussianModel, xs: number[][], family: AmortizedFamily = 'linear'): AmortizationReport {
  const enc = fitAmortized(model, xs, family);
  const rows = xs.map((x) => {
    const post = lgPosterior(model, x);
    const q = encodeAmortized(enc, x);
    const a = lgElbo(model, x, q);
    const p = lgElbo(model, x, post);
    return {
      x: [...x],
      logEvidence: lgLogEvidence(model, x),
      perInstanceElbo: p.elbo,
      amortizedElbo: a.elbo,
      perInstanceKl: p.klPosterior,
      amortizedKl: klGaussians(q.mean, q.cov, post.mean, post.cov),
    };
  });
  const gap = rows.reduce((s, r) => s + r.amortizedKl - r.perInstanceKl, 0);
  const k = model.k;
  const d = model.d;
  const encParams = (family === 'constant' ? 0 : k * d) + (family === 'linear' ? 0 : k) + k;
  return { family, encoder: enc, rows, gap, meanGap: gap / xs.length, parameters: { perInstance: xs.length * 2 * k, amortized: encParams } };
}

/** The course's fixed data set for the amortisation exercises: model w = 2, b = 1, s² = 0.5 and six observations. */
export const COURSE_AMORTIZATION = Object.freeze({
  w: 2,
  b: 1,
  s2: 0.5,
  xs: Object.freeze([-1.5, -0.3, 0.4, 1.2, 2.5, 3.1]) as readonly number[],
});

/** The course model and data as (model, xs rows). */
export function courseAmortizationProblem(): { model: LinearGaussianModel; xs: number[][] } {
  const c = COURSE_AMORTIZATION;
  return { model: linearGaussian1d(c.w, c.s2, c.b), xs: c.xs.map((x) => [x]) };
}

/**
 * Per-instance VI by gradient ascent on (m, log v) for each scalar observation (1-D latent model): the cost grows with n
 * (001 §3.3(b)). Returns the fitted q's and the number of gradient evaluations used.
 */
export function fitPerInstanceGradient(model: LinearGaussianModel, xs: number[][], opts: { steps?: number; lr?: number } = {}): { qs: GaussianQ[]; gradientEvaluations: number } {
  const fn = 'fitPerInstanceGradient';
  checkData(fn, model, xs);
  if (model.k !== 1 || model.d !== 1) throw new RangeError(`${fn}: this teaching routine is for the scalar model (k = d = 1) (got k = ${model.k}, d = ${model.d})`);
  const steps = opts.steps ?? 200;
  const lr = opts.lr ?? 0.1;
  assertInteger(fn, 'opts.steps', steps, 1);
  assertPositive(fn, 'opts.lr', lr);
  const w = model.W[0][0];
  const { s2 } = model;
  const b = model.b[0];
  const qs: GaussianQ[] = [];
  let evals = 0;
  for (const [x] of xs) {
    let m = 0;
    let a = 0; // log v
    for (let t = 0; t < steps; t++) {
      const v = Math.exp(a);
      const gm = (w * (x - w * m - b)) / s2 - m;
      const gv = -(w * w) / (2 * s2) - 0.5 + 1 / (2 * v);
      m += lr * gm;
      a += lr * gv * v;
      evals++;
    }
    qs.push({ mean: [m], cov: [[Math.exp(a)]] });
  }
  return { qs, gradientEvaluations: evals };
}

/** One row of `compareInferenceCost`. */
export interface InferenceCostRow {
  n: number;
  /** Seconds to fit q_i by gradient ascent for every one of the n points (`fitPerInstanceGradient`). */
  perInstanceSeconds: number;
  /** Seconds to encode the n points with an already fitted amortised encoder (one affine map each). */
  amortizedSeconds: number;
  perInstanceParameters: number;
  amortizedParameters: number;
}

/**
 * 001 §3 Steps 3.3(b)–(c) measured: inference on n new points by per-instance optimisation vs one pass of the amortised
 * encoder (scalar model), with the parameters each stores. Points are drawn from the model with `rng`.
 */
export function compareInferenceCost(model: LinearGaussianModel, ns: number[], rng: import('../core/rng').Rng, opts: { steps?: number } = {}): InferenceCostRow[] {
  const fn = 'compareInferenceCost';
  if (!Array.isArray(ns) || ns.length === 0) throw new TypeError(`${fn}: ns must be a non-empty array of sizes (got ${describe(ns)})`);
  ns.forEach((n, i) => assertInteger(fn, `ns[${i}]`, n, 2, 1_000_000));
  if (!rng || typeof rng.normal !== 'function') throw new TypeError(`${fn}: rng must be a seeded generator from core.rng(seed) (got ${describe(rng)})`);
  const steps = opts.steps ?? 200;
  assertInteger(fn, 'opts.steps', steps, 1);
  return ns.map((n) => {
    const xs = Array.from({ length: n }, () => [model.b[0] + model.W[0][0] * rng.normal() + Math.sqrt(model.s2) * rng.normal()]);
    const enc = fitAmortized(model, xs, 'affine');
    const t0 = process.hrtime.bigint();
    fitPerInstanceGradient(model, xs, { steps });
    const t1 = process.hrtime.bigint();
    for (const x of xs) encodeAmortized(enc, x);
    const t2 = process.hrtime.bigint();
    return { n, perInstanceSeconds: Number(t1 - t0) / 1e9, amortizedSeconds: Number(t2 - t1) / 1e9, perInstanceParameters: 2 * n * model.k, amortizedParameters: model.k * model.d + 2 * model.k };
  });
}
