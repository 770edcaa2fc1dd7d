/**
 * Gaussian KL divergences for the VAE, with their gradients.
 *
 * Full covariance (000 §3.e, the closed form before (3.9), L790–854):
 *   KL(N(μ,Σ) ‖ N(μ₀,Σ₀)) = ½( tr(Σ₀⁻¹Σ) + (μ−μ₀)ᵀΣ₀⁻¹(μ−μ₀) + log(|Σ₀|/|Σ|) − n )
 *   (3.9)  ∇_μ KL = Σ₀⁻¹(μ − μ₀)         (3.10)  ∇_Σ KL = ½(Σ₀⁻¹ − Σ⁻¹)   (Σ's entries treated as independent; AUDIT O-23)
 * Against N(0, I): 003 L554 ½(tr Σ + μᵀμ − k − log det Σ); 000 (3.11).
 * Diagonal: ½ Σ (σ² + μ² − 1 − log σ²), gradient in σ²: ½(1 − 1/σ²) (000 (3.12)); with log-variances a = log σ²,
 * 004 (68.20) ½ Σ (μ² + eᵃ − a − 1), and the latent penalty J = ‖μ‖² + 1ᵀeᵃ − 1ᵀa = 2 KL + P of 004 (68.59).
 * The value of the full-covariance KL comes from `info.klMvn` (one implementation); this module adds the gradients.
 */
import { tf } from '../core/backend';
import { identity, inverse, Matrix } from '../core/linalg';
import { assertFiniteNumber, assertPositive, assertSquareMatrix, assertVector, describe } from '../core/validate';
import { klMvn } from '../info/measures';

function checkCov(fn: string, arg: string, S: unknown, k: number): asserts S is Matrix {
  assertSquareMatrix(fn, arg, S);
  if ((S as Matrix).length !== k) throw new RangeError(`${fn}: ${arg} must be ${k}×${k} to match mu (got ${(S as Matrix).length}×${(S as Matrix).length})`);
  const M = S as Matrix;
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) {
    if (Math.abs(M[i][j] - M[j][i]) > 1e-12 * (1 + Math.abs(M[i][j]))) throw new RangeError(`${fn}: ${arg} must be symmetric (${arg}[${i}][${j}] = ${M[i][j]} but ${arg}[${j}][${i}] = ${M[j][i]})`);
  }
}

/** KL(N(μ,Σ) ‖ N(μ₀,Σ₀)), full covariances (000 §3.e closed form, L790–854). Σ, Σ₀ symmetric positive definite. */
export function klGaussians(mu: ArrayLike<number>, Sigma: Matrix, mu0: ArrayLike<number>, Sigma0: Matrix): number {
  const fn = 'klGaussians';
  assertVector(fn, 'mu', mu);
  assertVector(fn, 'mu0', mu0, mu.length);
  checkCov(fn, 'Sigma', Sigma, mu.length);
  checkCov(fn, 'Sigma0', Sigma0, mu.length);
  return klMvn(mu, Sigma, mu0, Sigma0);
}

/** KL(N(μ,Σ) ‖ N(0, I)) = ½(tr Σ + μᵀμ − k − log det Σ) (003 L554; 000 (3.11) setting). */
export function klStdNormal(mu: ArrayLike<number>, Sigma: Matrix): number {
  assertVector('klStdNormal', 'mu', mu);
  checkCov('klStdNormal', 'Sigma', Sigma, mu.length);
  return klMvn(mu, Sigma, new Array(mu.length).fill(0), identity(mu.length));
}

/** Gradients of KL(N(μ,Σ) ‖ N(μ₀,Σ₀)) in μ and Σ. */
export interface GaussianKlGrad {
  /** ∇_μ KL = Σ₀⁻¹(μ − μ₀)  (000 (3.9)). */
  mu: number[];
  /** ∇_Σ KL = ½(Σ₀⁻¹ − Σ⁻¹)  (000 (3.10)), each entry of Σ treated as an independent variable. */
  Sigma: Matrix;
}

/** (3.9) and (3.10) of source 000: the gradient of the Gaussian KL in the encoder outputs μ and Σ. */
export function klGaussiansGrad(mu: ArrayLike<number>, Sigma: Matrix, mu0: ArrayLike<number>, Sigma0: Matrix): GaussianKlGrad {
  klGaussians(mu, Sigma, mu0, Sigma0); // validates (and checks positive definiteness by Cholesky)
  const P0 = inverse(Sigma0);
  const P = inverse(Sigma);
  const g = P0.map((row) => row.reduce((s, v, j) => s + v * (mu[j] - mu0[j]), 0));
  const G = P0.map((row, i) => row.map((v, j) => 0.5 * (v - P[i][j])));
  return { mu: g, Sigma: G };
}

function checkDiag(fn: string, mu: unknown, v: unknown, vName: string, positive: boolean): void {
  assertVector(fn, 'mu', mu);
  assertVector(fn, vName, v, (mu as ArrayLike<number>).length);
  if (positive) for (let i = 0; i < (v as ArrayLike<number>).length; i++) assertPositive(fn, `${vName}[${i}]`, (v as ArrayLike<number>)[i]);
}

/** KL(N(μ, diag σ²) ‖ N(0, I)) = ½ Σ (σ² + μ² − 1 − log σ²) (000 §3.f before (3.12); 003 L554 diagonal). `sigma2` are variances. */
export function klDiagStdNormal(mu: ArrayLike<number>, sigma2: ArrayLike<number>): number {
  checkDiag('klDiagStdNormal', mu, sigma2, 'sigma2', true);
  let s = 0;
  for (let i = 0; i < mu.length; i++) s += sigma2[i] + mu[i] * mu[i] - 1 - Math.log(sigma2[i]);
  return Math.max(0, 0.5 * s);
}

/** Gradient of `klDiagStdNormal`: ∂/∂μ = μ, ∂/∂σ² = ½(1 − 1/σ²) (000 (3.11)–(3.12)). */
export function klDiagStdNormalGrad(mu: ArrayLike<number>, sigma2: ArrayLike<number>): { mu: number[]; sigma2: number[] } {
  checkDiag('klDiagStdNormalGrad', mu, sigma2, 'sigma2', true);
  return { mu: Array.from(mu), sigma2: Array.from(sigma2, (v) => 0.5 * (1 - 1 / v)) };
}

/** KL to N(0, I) with log-variances a = log σ²: ½ Σ (μ² + eᵃ − a − 1) (004 (68.13)–(68.14), (68.20)). */
export function klLogVar(mu: ArrayLike<number>, a: ArrayLike<number>): number {
  checkDiag('klLogVar', mu, a, 'a', false);
  let s = 0;
  for (let i = 0; i < mu.length; i++) s += mu[i] * mu[i] + Math.exp(a[i]) - a[i] - 1;
  return Math.max(0, 0.5 * s);
}

/** Gradient of `klLogVar`: ∂/∂μ = μ, ∂/∂a = ½(eᵃ − 1) (004 (68.62)–(68.63) with j' = j − P, erratum 004-E4). */
export function klLogVarGrad(mu: ArrayLike<number>, a: ArrayLike<number>): { mu: number[]; a: number[] } {
  checkDiag('klLogVarGrad', mu, a, 'a', false);
  return { mu: Array.from(mu), a: Array.from(a, (v) => 0.5 * (Math.exp(v) - 1)) };
}

/** The per-sample latent penalty of 004 (68.59): J(μ, a) = ‖μ‖² + 1ᵀeᵃ − 1ᵀa (= 2 KL + P). */
export function latentPenaltyJ(mu: ArrayLike<number>, a: ArrayLike<number>): number {
  checkDiag('latentPenaltyJ', mu, a, 'a', false);
  let s = 0;
  for (let i = 0; i < mu.length; i++) s += mu[i] * mu[i] + Math.exp(a[i]) - a[i];
  return s;
}

/** KL between two diagonal Gaussians given variances: Σ ½( v/v₀ + (μ−μ₀)²/v₀ − 1 + log(v₀/v) ). */
export function klDiagGaussians(mu: ArrayLike<number>, sigma2: ArrayLike<number>, mu0: ArrayLike<number>, sigma20: ArrayLike<number>): number {
  const fn = 'klDiagGaussians';
  checkDiag(fn, mu, sigma2, 'sigma2', true);
  assertVector(fn, 'mu0', mu0, mu.length);
  assertVector(fn, 'sigma20', sigma20, mu.length);
  let s = 0;
  for (let i = 0; i < mu.length; i++) {
    assertPositive(fn, `sigma20[${i}]`, sigma20[i]);
    const r = sigma2[i] / sigma20[i];
    s += 0.5 * (r + (mu[i] - mu0[i]) ** 2 / sigma20[i] - 1 - Math.log(r));
  }
  return Math.max(0, s);
}

/**
 * Batched KL(N(μ, diag eᵃ) ‖ N(0, I)) on tfjs tensors: [B, P] → [B] (004 (68.20); used by the tfjs VAE; differentiable).
 */
export function klLogVarTf(mu: tf.Tensor, logvar: tf.Tensor): tf.Tensor {
  if (!(mu instanceof tf.Tensor) || !(logvar instanceof tf.Tensor)) throw new TypeError(`klLogVarTf: mu and logvar must be tf tensors (got ${describe(mu)}, ${describe(logvar)})`);
  if (mu.shape.join(',') !== logvar.shape.join(',')) throw new RangeError(`klLogVarTf: mu and logvar must have the same shape (got [${mu.shape}] and [${logvar.shape}])`);
  return tf.tidy(() => tf.mul(0.5, tf.sum(tf.sub(tf.add(tf.square(mu), tf.exp(logvar)), tf.add(logvar, 1)), -1)));
}

/**
 * One step of source 000's KL-only encoder rule (3.11)/(3.12) with Θ identified with (μ, σ²) (erratum 000-E67 reading):
 * μ ← μ − γ μ,  σ² ← σ² − γ ½(1 − 1/σ²). Every x's encoder is driven to the prior N(0, I) (erratum 000-E33).
 */
export function tutorialEncoderStep(mu: ArrayLike<number>, sigma2: ArrayLike<number>, gamma: number): { mu: number[]; sigma2: number[] } {
  assertPositive('tutorialEncoderStep', 'gamma', gamma);
  const g = klDiagStdNormalGrad(mu, sigma2);
  const next = { mu: g.mu.map((m, i) => mu[i] - gamma * m), sigma2: g.sigma2.map((d, i) => sigma2[i] - gamma * d) };
  next.sigma2.forEach((v, i) => {
    if (!(v > 0)) throw new RangeError(`tutorialEncoderStep: the step gamma = ${gamma} makes sigma2[${i}] non-positive (${v}); take a smaller gamma`);
  });
  return next;
}

/** The trajectory of `tutorialEncoderStep` over `steps` steps, starting point included (000 O-24). */
export function tutorialEncoderTrajectory(mu0: ArrayLike<number>, sigma20: ArrayLike<number>, gamma: number, steps: number): { mu: number[][]; sigma2: number[][] } {
  assertFiniteNumber('tutorialEncoderTrajectory', 'steps', steps);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`tutorialEncoderTrajectory: steps must be an integer >= 0 (got ${describe(steps)})`);
  checkDiag('tutorialEncoderTrajectory', mu0, sigma20, 'sigma20', true);
  const out = { mu: [Array.from(mu0)], sigma2: [Array.from(sigma20)] };
  let cur = { mu: Array.from(mu0), sigma2: Array.from(sigma20) };
  for (let k = 0; k < steps; k++) {
    cur = tutorialEncoderStep(cur.mu, cur.sigma2, gamma);
    out.mu.push(cur.mu);
    out.sigma2.push(cur.sigma2);
  }
  return out;
}
