/**
 * IWAE on the course's exact test bed, the linear-Gaussian latent model of `vae` (z ~ N(0, I), x|z ~ N(Wz + b, s²I);
 * exact log p(x) and posterior): adapters to the generic estimators, the scalar problem for the exact quadrature, the
 * reparameterised IWAE gradient for a diagonal q = N(m, diag e^a) (Burda et al. 2016 Eq. (14)), and the toy setting of
 * 000 O-28 / 002 D13 (w = 1, s² = 1, b = 0, x = 1, q = prior N(0, 1)).
 */
import { cholesky, logDetFromCholesky } from '../core/linalg';
import { nativeKernels, Rng } from '../core/rng';
import { logMeanExp, softmax } from '../core/special';
import { assertInteger, assertVector, describe } from '../core/validate';
import { GaussianQ, gaussianQ1d, lgLogEvidence, lgLogJoint, lgPosterior, linearGaussian1d, LinearGaussianModel } from '../vae/linearGaussian';
import { MonteCarloElboSpec } from '../vi/elbo';
import { BatchedIwaeSpec, checkK, checkRng } from './bound';
import { Iwae1d, Iwae1dOptions, Problem1d } from './exact1d';

const LOG_2PI = Math.log(2 * Math.PI);

function checkModel(fn: string, model: unknown): asserts model is LinearGaussianModel {
  const m = model as LinearGaussianModel;
  if (!m || typeof m !== 'object' || !Array.isArray(m.W) || !Array.isArray(m.b) || typeof m.s2 !== 'number') {
    throw new TypeError(`${fn}: model must come from vae.linearGaussian(W, b, s2) (got ${describe(model)})`);
  }
}
function checkQ(fn: string, model: LinearGaussianModel, q: unknown): asserts q is GaussianQ {
  if (!q || typeof q !== 'object') throw new TypeError(`${fn}: q must be { mean, cov } (e.g. vae.gaussianQ1d(m, v)) (got ${describe(q)})`);
  assertVector(fn, 'q.mean', (q as GaussianQ).mean, model.k);
  cholesky((q as GaussianQ).cov, 'q.cov');
}

/**
 * The model, x and q as the generic spec { sample, logQ, logJoint } of the estimators (z ~ q by its Cholesky factor).
 * Everything that does not depend on z (the Cholesky factor and log-determinant of q's covariance, x − b, the
 * constants) is computed once here, so one log-weight costs O(dk + k²) flops and no validation ([PERF-2]); the values
 * are `mvnLogPdf(z, q.mean, q.cov)` and `vae.lgLogJoint(model, x, z)` (checked in tests/iwae). `drawBatch` is the
 * batched path `iwaeDraw` takes: the same numbers as K calls of `sample`, `logJoint` − `logQ` (tests/perf/iwae-batch.test.ts).
 */
export function lgIwaeSpec(model: LinearGaussianModel, x: ArrayLike<number>, q: GaussianQ): BatchedIwaeSpec<number[]> {
  const fn = 'lgIwaeSpec';
  checkModel(fn, model);
  assertVector(fn, 'x', x, model.d);
  checkQ(fn, model, q);
  const { d, k, s2 } = model;
  const L = cholesky(q.cov, 'q.cov');
  const Lf = new Float64Array(k * k);
  L.forEach((row, i) => Lf.set(row, i * k));
  const mu = Float64Array.from(q.mean);
  const W = new Float64Array(d * k);
  model.W.forEach((row, r) => W.set(row, r * k));
  const xb = Float64Array.from(x, (v, r) => v - model.b[r]);
  const logQConst = -0.5 * k * LOG_2PI - 0.5 * logDetFromCholesky(L);
  const logJointConst = -0.5 * d * (LOG_2PI + Math.log(s2)) - 0.5 * k * LOG_2PI;
  const half1OverS2 = 1 / (2 * s2);
  const w = new Float64Array(k);
  const zs = new Float64Array(k);
  let noise = new Float64Array(0);
  let logWBuf = new Float64Array(0);
  const consts = Float64Array.of(logQConst, logJointConst, half1OverS2);
  /** The addon's log-weights, once they matched this spec's JavaScript on a first batch (undefined: not checked yet). */
  let nativeOk: boolean | undefined;
  // One definition of each step, on a buffer and an offset; the closures of the spec and drawBatch share them.
  /** z = μ + L ε for the noise e[o … o+k), written to out. */
  const transform = (e: ArrayLike<number>, o: number, out: { [i: number]: number }): void => {
    for (let i = 0; i < k; i++) {
      let v = mu[i];
      for (let j = 0; j <= i; j++) v += Lf[i * k + j] * e[o + j];
      out[i] = v;
    }
  };
  /** log q(z): L w = z − μ by forward substitution; log q = const − ½‖w‖². */
  const logQAt = (z: ArrayLike<number>): number => {
    let q2 = 0;
    for (let i = 0; i < k; i++) {
      let v = z[i] - mu[i];
      for (let j = 0; j < i; j++) v -= Lf[i * k + j] * w[j];
      w[i] = v / Lf[i * k + i];
      q2 += w[i] * w[i];
    }
    return logQConst - 0.5 * q2;
  };
  const logJointAt = (z: ArrayLike<number>): number => {
    let r2 = 0;
    for (let r = 0; r < d; r++) {
      let res = xb[r];
      for (let j = 0; j < k; j++) res -= W[r * k + j] * z[j];
      r2 += res * res;
    }
    let z2 = 0;
    for (let j = 0; j < k; j++) z2 += z[j] * z[j];
    return logJointConst - r2 * half1OverS2 - 0.5 * z2;
  };
  return {
    sample: (g: Rng) => {
      const z = new Array<number>(k);
      transform(g.normals(k), 0, z);
      return z;
    },
    logQ: logQAt,
    logJoint: logJointAt,
    drawBatch: (K: number, g: Rng) => {
      // The K samples' noise in one fill (the same normals as K calls of sample), then the same steps as sample,
      // logJoint − logQ: the same bits, no per-sample arrays. The draws z are rebuilt only if asked for, from a copy of
      // the generator taken before the fill. Scratch buffers are reused across calls: allocating a large typed array
      // costs far more than filling it once the heap is big (V8 collects garbage to account for the new backing store;
      // bench/README.md, [PERF-2] numerics).
      if (noise.length < K * k) noise = new Float64Array(K * k);
      if (logWBuf.length < K) logWBuf = new Float64Array(K);
      const e = noise;
      const start = typeof g.clone === 'function' ? g.clone() : undefined;
      if (typeof g.fillNormal === 'function') g.fillNormal(e, 0, 1, 0, K * k);
      else e.set(g.normals(K * k));
      const nat = k <= 64 ? nativeKernels() : null;
      if (nat && nativeOk === undefined) {
        // this spec's first batch: the addon must give the JavaScript's bits (else JavaScript is used for this spec)
        nat.lgLogWeights(e, K, k, d, mu, Lf, W, xb, consts, logWBuf);
        nativeOk = true;
        for (let n = 0; n < K && nativeOk; n++) {
          transform(e, n * k, zs);
          nativeOk = Object.is(logWBuf[n], logJointAt(zs) - logQAt(zs));
        }
      } else if (nat && nativeOk) nat.lgLogWeights(e, K, k, d, mu, Lf, W, xb, consts, logWBuf);
      if (!nat || !nativeOk) {
        for (let n = 0; n < K; n++) {
          transform(e, n * k, zs);
          logWBuf[n] = logJointAt(zs) - logQAt(zs);
        }
      }
      const logW = new Array<number>(K);
      for (let n = 0; n < K; n++) logW[n] = logWBuf[n];
      const kept = start ? undefined : Array.from(e.subarray(0, K * k));
      return {
        logW,
        logWTyped: logWBuf,
        z: () => {
          let src: ArrayLike<number> | undefined = kept;
          if (!src) {
            const again = new Float64Array(K * k);
            (start as Rng).fillNormal(again, 0, 1, 0, K * k);
            src = again;
          }
          const out = new Array<number[]>(K);
          for (let n = 0; n < K; n++) {
            const zn = new Array<number>(k);
            transform(src, n * k, zn);
            out[n] = zn;
          }
          return out;
        },
      };
    },
  };
}

/**
 * The scalar-latent problem (k = 1) for the exact quadrature `Iwae1d`; the z-range covers q and the posterior by
 * ± `width` standard deviations (default 12).
 */
export function lgProblem1d(model: LinearGaussianModel, x: ArrayLike<number>, q: GaussianQ, width = 12): Problem1d {
  const fn = 'lgProblem1d';
  checkModel(fn, model);
  if (model.k !== 1) throw new RangeError(`${fn}: the model must have a scalar latent (k = 1) (got k = ${model.k})`);
  assertVector(fn, 'x', x, model.d);
  checkQ(fn, model, q);
  const post = lgPosterior(model, x);
  const [mq, sq] = [q.mean[0], Math.sqrt(q.cov[0][0])];
  const [mp, sp] = [post.mean[0], Math.sqrt(post.cov[0][0])];
  const xx = Array.from(x);
  return {
    logJoint: (z) => lgLogJoint(model, xx, [z]),
    logQ: (z) => -0.5 * LOG_2PI - Math.log(sq) - (0.5 * (z - mq) * (z - mq)) / (sq * sq),
    lower: Math.min(mq - width * sq, mp - width * sp),
    upper: Math.max(mq + width * sq, mp + width * sp),
  };
}

/** Exact IWAE quantities (L_K, q_K, L_1[q_K], q̃) for a scalar-latent linear-Gaussian model: `new Iwae1d(lgProblem1d(...))`. */
export function lgIwae1d(model: LinearGaussianModel, x: ArrayLike<number>, q: GaussianQ, opts: Iwae1dOptions = {}): Iwae1d {
  return new Iwae1d(lgProblem1d(model, x, q), opts);
}

/** The toy setting of 000 O-26/O-28 and 002 D13: z ~ N(0,1), x|z ~ N(z, 1), x = 1, proposal q = prior N(0, 1). */
export function toySetting(): { model: LinearGaussianModel; x: number[]; q: GaussianQ; logEvidence: number; posterior: GaussianQ } {
  const model = linearGaussian1d(1, 1);
  const x = [1];
  return { model, x, q: gaussianQ1d(0, 1), logEvidence: lgLogEvidence(model, x), posterior: lgPosterior(model, x) };
}

/** A diagonal Gaussian proposal in the VAE's parameterisation: mean m and log-variance a (σ² = e^a). */
export interface DiagQ {
  mean: number[];
  logvar: number[];
}

/** One reparameterised IWAE draw with its gradient in (m, a). */
export interface LgIwaeGradient {
  /** L̂_K = log (1/K) Σ w_k */
  estimate: number;
  logW: number[];
  /** W̃_k = softmax(log w)_k */
  weights: number[];
  /** ∂L̂_K/∂m = Σ_k W̃_k ∇_z log p(x, z_k) */
  mean: number[];
  /** ∂L̂_K/∂a_i = Σ_k W̃_k (½ σ_i ε_ki ∂_{z_i} log p(x, z_k) + ½) */
  logvar: number[];
}

/**
 * The IWAE estimate and its reparameterised gradient for fixed noise ε_1..ε_K (z_k = m + σ ⊙ ε_k, σ = e^{a/2}):
 *   log w_k = log p(x, z_k) − log q(z_k) = log p(x, z_k) + Σ_i (½ log 2π + ½ a_i + ½ ε_ki²),
 *   ∇ L̂_K = Σ_k W̃_k ∇ log w_k  (Burda et al. 2016 Eq. (13)–(14)), with ∇_z log p(x, z) = Wᵀ(x − Wz − b)/s² − z.
 * Deterministic in ε, so central finite differences of `estimate` check it exactly (tests).
 */
export function lgIwaeGradientAt(model: LinearGaussianModel, x: ArrayLike<number>, q: DiagQ, eps: ArrayLike<ArrayLike<number>>): LgIwaeGradient {
  const fn = 'lgIwaeGradientAt';
  checkModel(fn, model);
  assertVector(fn, 'x', x, model.d);
  if (!q || typeof q !== 'object') throw new TypeError(`${fn}: q must be { mean, logvar } (got ${describe(q)})`);
  assertVector(fn, 'q.mean', q.mean, model.k);
  assertVector(fn, 'q.logvar', q.logvar, model.k);
  if (!Array.isArray(eps) || eps.length === 0) throw new TypeError(`${fn}: eps must be a non-empty array of K noise vectors (got ${describe(eps)})`);
  checkK(fn, eps.length, 'eps.length');
  const { W, b, s2, k, d } = model;
  const sig = q.logvar.map((a) => Math.exp(0.5 * a));
  const logW: number[] = [];
  const gz: number[][] = [];
  const epsA: number[][] = [];
  for (let j = 0; j < eps.length; j++) {
    assertVector(fn, `eps[${j}]`, eps[j] as unknown, k);
    const e = Array.from(eps[j] as ArrayLike<number>);
    epsA.push(e);
    const z = q.mean.map((m, i) => m + sig[i] * e[i]);
    let lq = 0;
    for (let i = 0; i < k; i++) lq += -0.5 * (LOG_2PI + q.logvar[i] + e[i] * e[i]);
    logW.push(lgLogJoint(model, x, z) - lq);
    const res = Array.from({ length: d }, (_, r) => x[r] - b[r] - W[r].reduce((s, v, i) => s + v * z[i], 0));
    gz.push(Array.from({ length: k }, (_, i) => W.reduce((s, row, r) => s + (row[i] * res[r]) / s2, 0) - z[i]));
  }
  const Wt = Array.from(softmax(logW));
  const mean = new Array<number>(k).fill(0);
  const logvar = new Array<number>(k).fill(0);
  Wt.forEach((wk, j) => {
    for (let i = 0; i < k; i++) {
      mean[i] += wk * gz[j][i];
      logvar[i] += wk * (0.5 * sig[i] * epsA[j][i] * gz[j][i] + 0.5);
    }
  });
  return { estimate: logMeanExp(logW), logW, weights: Wt, mean, logvar };
}

/** The mean of R reparameterised IWAE gradients (and of the estimate), with standard errors — an unbiased estimate of ∇L_K. */
export function lgIwaeGradient(model: LinearGaussianModel, x: ArrayLike<number>, q: DiagQ, K: number, reps: number, rng: Rng): {
  estimate: number;
  mean: number[];
  logvar: number[];
  stdError: { estimate: number; mean: number[]; logvar: number[] };
} {
  const fn = 'lgIwaeGradient';
  checkModel(fn, model);
  checkK(fn, K);
  assertInteger(fn, 'reps', reps, 2, 100_000_000);
  checkRng(fn, rng);
  const k = model.k;
  const acc = { e: [0, 0], m: Array.from({ length: k }, () => [0, 0]), a: Array.from({ length: k }, () => [0, 0]) };
  const add = (s: number[], v: number) => {
    s[0] += v;
    s[1] += v * v;
  };
  for (let r = 0; r < reps; r++) {
    const eps = Array.from({ length: K }, () => Array.from(rng.normals(k)));
    const g = lgIwaeGradientAt(model, x, q, eps);
    add(acc.e, g.estimate);
    g.mean.forEach((v, i) => add(acc.m[i], v));
    g.logvar.forEach((v, i) => add(acc.a[i], v));
  }
  const mu = (s: number[]) => s[0] / reps;
  const se = (s: number[]) => Math.sqrt(Math.max(0, (s[1] - (s[0] * s[0]) / reps) / (reps - 1)) / reps);
  return {
    estimate: mu(acc.e),
    mean: acc.m.map(mu),
    logvar: acc.a.map(mu),
    stdError: { estimate: se(acc.e), mean: acc.m.map(se), logvar: acc.a.map(se) },
  };
}
