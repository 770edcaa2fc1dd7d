/**
 * The linear-Gaussian latent model — the course's exact test bed for the ELBO, the VAE and IWAE:
 *
 *   z ~ N(0, I_k),   x | z ~ N(W z + b, s² I_d).
 *
 * Everything is closed form:  marginal p(x) = N(b, WWᵀ + s²I);  posterior p(z|x) = N(m_p, Σ_p) with
 * Σ_p = (I + WᵀW/s²)⁻¹ and m_p = Σ_p Wᵀ(x − b)/s²;  for any Gaussian q = N(m, S):
 *   E_q log p(x|z) = −(d/2) log(2πs²) − (‖x − Wm − b‖² + tr(W S Wᵀ)) / (2s²)
 *   KL(q ‖ p(z))   = ½(tr S + mᵀm − k − log det S)
 *   ELBO = E_q log p(x|z) − KL(q ‖ p(z)),   log p(x) − ELBO = KL(q ‖ p(z|x)).
 * Sources: 000 §3.c (3.4) with oracle O-26 (w = 1, s² = 1, x = 1); 003 L507–550 with §4.5 (x = 2); 004 (68.7) with
 * O3 (h = 1); 001 §3 (amortised inference on this model). The closed forms are standard (Bishop 2006, §2.3.3, §12.2).
 */
import { tf } from '../core/backend';
import { cholesky, identity, inverse, Matrix, matmul, transpose } from '../core/linalg';
import { mvnLogPdf } from '../core/gaussian';
import { Rng } from '../core/rng';
import { assertFiniteNumber, assertMatrix, assertPositive, assertSquareMatrix, assertVector, describe } from '../core/validate';
import { elboIdentity, ElboIdentity, elboMonteCarlo, Estimate } from '../vi/elbo';
import { klGaussians, klStdNormal } from './kl';

const LOG_2PI = Math.log(2 * Math.PI);

/** A linear-Gaussian model: W is d×k, b has length d, s2 > 0 is the observation noise variance. */
export interface LinearGaussianModel {
  readonly W: Matrix;
  readonly b: number[];
  readonly s2: number;
  /** data dimension d */
  readonly d: number;
  /** latent dimension k */
  readonly k: number;
}

/** A Gaussian q(z) = N(mean, cov) over the latent z. */
export interface GaussianQ {
  mean: number[];
  cov: Matrix;
}

/** Build (and validate) the model z ~ N(0, I_k), x|z ~ N(Wz + b, s²I) (W: d×k). */
export function linearGaussian(W: Matrix, b: ArrayLike<number>, s2: number): LinearGaussianModel {
  const fn = 'linearGaussian';
  assertMatrix(fn, 'W', W);
  assertVector(fn, 'b', b, W.length);
  assertPositive(fn, 's2', s2);
  return Object.freeze({ W: W.map((r) => Array.from(r)), b: Array.from(b), s2, d: W.length, k: W[0].length });
}

/** The scalar model z ~ N(0, 1), x|z ~ N(w z + b, s²) (000 O-26: w = 1, s² = 1; 003 §4.5 and 004 O3: w = 1, s² = 1, b = 0). */
export function linearGaussian1d(w: number, s2: number, b = 0): LinearGaussianModel {
  assertFiniteNumber('linearGaussian1d', 'w', w);
  assertFiniteNumber('linearGaussian1d', 'b', b);
  return linearGaussian([[w]], [b], s2);
}

/** q = N(m, v) over a scalar latent, as a GaussianQ. */
export function gaussianQ1d(m: number, v: number): GaussianQ {
  assertFiniteNumber('gaussianQ1d', 'm', m);
  assertPositive('gaussianQ1d', 'v', v);
  return { mean: [m], cov: [[v]] };
}

/** q = N(mean, diag(variances)). */
export function gaussianQDiag(mean: ArrayLike<number>, variances: ArrayLike<number>): GaussianQ {
  assertVector('gaussianQDiag', 'mean', mean);
  assertVector('gaussianQDiag', 'variances', variances, mean.length);
  for (let i = 0; i < variances.length; i++) assertPositive('gaussianQDiag', `variances[${i}]`, variances[i]);
  return { mean: Array.from(mean), cov: Array.from(mean, (_, i) => Array.from(mean, (_, j) => (i === j ? variances[i] : 0))) };
}

function checkModel(fn: string, model: unknown): asserts model is LinearGaussianModel {
  const m = model as LinearGaussianModel;
  if (!m || typeof m !== 'object' || !Array.isArray(m.W) || !Array.isArray(m.b) || typeof m.s2 !== 'number') {
    throw new TypeError(`${fn}: model must come from linearGaussian(W, b, s2) (got ${describe(model)})`);
  }
}
function checkX(fn: string, model: LinearGaussianModel, x: unknown): asserts x is ArrayLike<number> {
  assertVector(fn, 'x', x, model.d);
}
function checkQ(fn: string, model: LinearGaussianModel, q: unknown): asserts q is GaussianQ {
  if (!q || typeof q !== 'object') throw new TypeError(`${fn}: q must be { mean, cov } (got ${describe(q)})`);
  assertVector(fn, 'q.mean', (q as GaussianQ).mean, model.k);
  assertSquareMatrix(fn, 'q.cov', (q as GaussianQ).cov, model.k);
  cholesky((q as GaussianQ).cov, 'q.cov');
}

/** The marginal p(x) = N(b, WWᵀ + s²I). */
export function lgMarginal(model: LinearGaussianModel): { mean: number[]; cov: Matrix } {
  checkModel('lgMarginal', model);
  const C = matmul(model.W, transpose(model.W));
  for (let i = 0; i < model.d; i++) C[i][i] += model.s2;
  return { mean: [...model.b], cov: C };
}

/** log p(x), exactly (000 O-26: log N(1; 0, 2) = −1.5155121234846454). */
export function lgLogEvidence(model: LinearGaussianModel, x: ArrayLike<number>): number {
  checkModel('lgLogEvidence', model);
  checkX('lgLogEvidence', model, x);
  const { mean, cov } = lgMarginal(model);
  return mvnLogPdf(x, mean, cov);
}

/** The exact posterior p(z|x) = N(Σ_p Wᵀ(x − b)/s², Σ_p), Σ_p = (I + WᵀW/s²)⁻¹ (000 O-26: N(0.5, 0.5); 003 §4.5: N(1, 0.5)). */
export function lgPosterior(model: LinearGaussianModel, x: ArrayLike<number>): GaussianQ {
  checkModel('lgPosterior', model);
  checkX('lgPosterior', model, x);
  const { W, b, s2, k, d } = model;
  const P = identity(k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) for (let r = 0; r < d; r++) P[i][j] += (W[r][i] * W[r][j]) / s2;
  const cov = inverse(P);
  const wr = Array.from({ length: k }, (_, i) => W.reduce((s, row, r) => s + (row[i] * (x[r] - b[r])) / s2, 0));
  const mean = cov.map((row) => row.reduce((s, v, j) => s + v * wr[j], 0));
  return { mean, cov: cov.map((row, i) => row.map((v, j) => 0.5 * (v + cov[j][i]))) };
}

/** log p(x|z) = log N(x; Wz + b, s²I). */
export function lgLogLik(model: LinearGaussianModel, x: ArrayLike<number>, z: ArrayLike<number>): number {
  checkModel('lgLogLik', model);
  checkX('lgLogLik', model, x);
  assertVector('lgLogLik', 'z', z, model.k);
  let r2 = 0;
  for (let r = 0; r < model.d; r++) {
    const res = x[r] - model.b[r] - model.W[r].reduce((s, v, j) => s + v * z[j], 0);
    r2 += res * res;
  }
  return -0.5 * model.d * (LOG_2PI + Math.log(model.s2)) - r2 / (2 * model.s2);
}

/** log p(x, z) = log p(x|z) + log N(z; 0, I). */
export function lgLogJoint(model: LinearGaussianModel, x: ArrayLike<number>, z: ArrayLike<number>): number {
  const ll = lgLogLik(model, x, z);
  return ll + Array.from(z).reduce((s, v) => s - 0.5 * LOG_2PI - 0.5 * v * v, 0);
}

/** E_q[log p(x|z)] = −(d/2) log(2πs²) − (‖x − Wm − b‖² + tr(W S Wᵀ))/(2s²) (000 O-26 closed form). */
export function lgExpectedLogLik(model: LinearGaussianModel, x: ArrayLike<number>, q: GaussianQ): number {
  checkModel('lgExpectedLogLik', model);
  checkX('lgExpectedLogLik', model, x);
  checkQ('lgExpectedLogLik', model, q);
  const { W, b, s2, d, k } = model;
  let r2 = 0;
  let tr = 0;
  for (let r = 0; r < d; r++) {
    const res = x[r] - b[r] - W[r].reduce((s, v, j) => s + v * q.mean[j], 0);
    r2 += res * res;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) tr += W[r][i] * q.cov[i][j] * W[r][j];
  }
  return -0.5 * d * (LOG_2PI + Math.log(s2)) - (r2 + tr) / (2 * s2);
}

/**
 * Every piece of the ELBO identity for q on this model, in closed form: E_q log p(x|z), KL(q‖prior), ELBO, log p(x) and
 * the gap KL(q‖posterior) (computed both as log p(x) − ELBO and, independently, as a Gaussian KL; `gapDirect`).
 */
export function lgElbo(model: LinearGaussianModel, x: ArrayLike<number>, q: GaussianQ): ElboIdentity & { gapDirect: number } {
  const ell = lgExpectedLogLik(model, x, q);
  const klp = klStdNormal(q.mean, q.cov);
  const id = elboIdentity(ell, klp, lgLogEvidence(model, x));
  const post = lgPosterior(model, x);
  return { ...id, gapDirect: klGaussians(q.mean, q.cov, post.mean, post.cov) };
}

/** Scalar convenience: lgElbo for z ~ N(0,1), x|z ~ N(wz + b, s²) and q = N(m, v). */
export function lgElbo1d(w: number, s2: number, x: number, m: number, v: number, b = 0): ElboIdentity & { gapDirect: number } {
  assertFiniteNumber('lgElbo1d', 'x', x);
  return lgElbo(linearGaussian1d(w, s2, b), [x], gaussianQ1d(m, v));
}

/** Gradient of the closed-form ELBO in q's parameters (m, S) and the model's (W, b, s²). */
export interface LgElboGrad {
  /** ∂/∂m = Wᵀ(x − Wm − b)/s² − m */
  mean: number[];
  /** ∂/∂S = −WᵀW/(2s²) − ½I + ½S⁻¹ (entries of S treated as independent) */
  cov: Matrix;
  /** ∂/∂W = ((x − Wm − b) mᵀ − W S)/s² */
  W: Matrix;
  /** ∂/∂b = (x − Wm − b)/s² */
  b: number[];
  /** ∂/∂s² = −d/(2s²) + (‖x − Wm − b‖² + tr(WSWᵀ))/(2s⁴) */
  s2: number;
}

/** Hand-derived gradient of `lgElbo(...).elbo` (checked against finite differences and tf.grad in tests/vae). */
export function lgElboGrad(model: LinearGaussianModel, x: ArrayLike<number>, q: GaussianQ): LgElboGrad {
  checkModel('lgElboGrad', model);
  checkX('lgElboGrad', model, x);
  checkQ('lgElboGrad', model, q);
  const { W, b, s2, d, k } = model;
  const res = Array.from({ length: d }, (_, r) => x[r] - b[r] - W[r].reduce((s, v, j) => s + v * q.mean[j], 0));
  const Sinv = inverse(q.cov);
  const mean = Array.from({ length: k }, (_, i) => W.reduce((s, row, r) => s + (row[i] * res[r]) / s2, 0) - q.mean[i]);
  const cov = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => -W.reduce((s, row) => s + row[i] * row[j], 0) / (2 * s2) - (i === j ? 0.5 : 0) + 0.5 * Sinv[i][j]),
  );
  const WS = matmul(W, q.cov);
  const gW = W.map((_, r) => Array.from({ length: k }, (_, j) => (res[r] * q.mean[j] - WS[r][j]) / s2));
  let r2 = 0;
  let tr = 0;
  for (let r = 0; r < d; r++) {
    r2 += res[r] * res[r];
    for (let j = 0; j < k; j++) tr += WS[r][j] * W[r][j];
  }
  return { mean, cov, W: gW, b: res.map((v) => v / s2), s2: -d / (2 * s2) + (r2 + tr) / (2 * s2 * s2) };
}

/**
 * The same closed-form ELBO on tfjs tensors for a diagonal q = N(m, diag v) (so `tf.grad` can differentiate it):
 * W [d,k], b [d], s2 scalar, x [d], m [k], v [k]. Returns a scalar tensor.
 */
export function lgElboDiagTf(W: tf.Tensor, b: tf.Tensor, s2: tf.Tensor, x: tf.Tensor, m: tf.Tensor, v: tf.Tensor): tf.Tensor {
  const fn = 'lgElboDiagTf';
  for (const [n, t] of Object.entries({ W, b, s2, x, m, v })) if (!(t instanceof tf.Tensor)) throw new TypeError(`${fn}: ${n} must be a tf tensor (got ${describe(t)})`);
  if (W.rank !== 2) throw new RangeError(`${fn}: W must be a [d, k] tensor (got shape [${W.shape}])`);
  const [d, k] = W.shape as [number, number];
  if (b.size !== d || x.size !== d) throw new RangeError(`${fn}: b and x must have ${d} entries (got ${b.size} and ${x.size})`);
  if (m.size !== k || v.size !== k) throw new RangeError(`${fn}: m and v must have ${k} entries (got ${m.size} and ${v.size})`);
  return tf.tidy(() => {
    const res = tf.sub(tf.sub(x.reshape([d]), b.reshape([d])), tf.matMul(W, m.reshape([k, 1])).reshape([d]));
    const tr = tf.sum(tf.mul(tf.square(W), v.reshape([1, k])));
    const ell = tf.sub(tf.mul(-0.5 * d, tf.add(LOG_2PI, tf.log(s2))), tf.div(tf.add(tf.sum(tf.square(res)), tr), tf.mul(2, s2)));
    const kl = tf.mul(0.5, tf.sum(tf.sub(tf.add(v, tf.square(m)), tf.add(1, tf.log(v)))));
    return tf.sub(ell, kl).reshape([]);
  });
}

/** Monte Carlo ELBO on this model with z ~ q (a check of the closed form; `vi.elboMonteCarlo`). */
export function lgElboMonteCarlo(model: LinearGaussianModel, x: ArrayLike<number>, q: GaussianQ, samples: number, rng: Rng): Estimate {
  checkModel('lgElboMonteCarlo', model);
  checkX('lgElboMonteCarlo', model, x);
  checkQ('lgElboMonteCarlo', model, q);
  const L = cholesky(q.cov, 'q.cov');
  return elboMonteCarlo(
    {
      sample: (g) => {
        const e = Array.from(g.normals(model.k));
        return q.mean.map((mu, i) => mu + L[i].reduce((s, v, j) => s + v * e[j], 0));
      },
      logQ: (z) => mvnLogPdf(z, q.mean, q.cov),
      logJoint: (z) => lgLogJoint(model, x, z),
    },
    samples,
    rng,
  );
}

/** n ancestral draws (z, x) from the model. */
export function lgSample(model: LinearGaussianModel, n: number, rng: Rng): { z: number[][]; x: number[][] } {
  checkModel('lgSample', model);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`lgSample: n must be an integer >= 1 (got ${describe(n)})`);
  if (!rng || typeof (rng as Partial<Rng>).normal !== 'function') throw new TypeError(`lgSample: rng must be a seeded generator from core.rng(seed) (got ${describe(rng)})`);
  const z: number[][] = [];
  const x: number[][] = [];
  const s = Math.sqrt(model.s2);
  for (let i = 0; i < n; i++) {
    const zi = Array.from(rng.normals(model.k));
    z.push(zi);
    x.push(model.W.map((row, r) => model.b[r] + row.reduce((acc, v, j) => acc + v * zi[j], 0) + s * rng.normal()));
  }
  return { z, x };
}

/**
 * Gradient ascent on the exact ELBO over q = N(m, diag v) for one observation (the per-x encoder that the exact VAE
 * objective trains, to set against source 000's KL-only rule, erratum 000-E33): m ← m + γ ∂ELBO/∂m, v ← v + γ ∂ELBO/∂v
 * (the diagonal of `lgElboGrad`). Returns the trajectory, start included; it converges to the exact posterior.
 */
export function elboAscentTrajectory(model: LinearGaussianModel, x: ArrayLike<number>, m0: ArrayLike<number>, v0: ArrayLike<number>, gamma: number, steps: number): { mean: number[][]; variance: number[][]; elbo: number[] } {
  const fn = 'elboAscentTrajectory';
  checkModel(fn, model);
  checkX(fn, model, x);
  assertPositive(fn, 'gamma', gamma);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`${fn}: steps must be an integer >= 0 (got ${describe(steps)})`);
  let q = gaussianQDiag(m0, v0);
  if (q.mean.length !== model.k) throw new RangeError(`${fn}: m0 must have length ${model.k} (got ${q.mean.length})`);
  const out = { mean: [[...q.mean]], variance: [q.cov.map((r, i) => r[i])], elbo: [lgElbo(model, x, q).elbo] };
  for (let t = 0; t < steps; t++) {
    const g = lgElboGrad(model, x, q);
    const mean = q.mean.map((m, i) => m + gamma * g.mean[i]);
    const variance = q.cov.map((r, i) => r[i] + gamma * g.cov[i][i]);
    variance.forEach((v, i) => {
      if (!(v > 0)) throw new RangeError(`${fn}: the step gamma = ${gamma} makes variance[${i}] non-positive at step ${t + 1}; take a smaller gamma`);
    });
    q = gaussianQDiag(mean, variance);
    out.mean.push(mean);
    out.variance.push(variance);
    out.elbo.push(lgElbo(model, x, q).elbo);
  }
  return out;
}
