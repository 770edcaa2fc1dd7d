/**
 * The VAE objective as the sources write it — source forms next to the exact forms (DESIGN principle 1).
 *
 * 000 §3.c (L720–732), erratum 000-E35: the tutorial pulls log P(x|z) out of the z-integral, giving
 *   l = −log P(x|z) + KL(Q ‖ P(z)) at one z, instead of −E_Q[log P(x|z)] + KL. On the linear-Gaussian model the dropped
 *   amount is w² v/(2s²) (000 O-27).
 * 003 L541 (erratum 003-E59): log P(X) = E_Q[log P(X|z)] − D[Q‖P(z|X)] + D[Q‖P(z)] (KL signs swapped).
 * 003 L545 (erratum 003-E61): "E_Q[log P(X|z)] − D[Q‖P(z|X)] ≤ log P(X)" (posterior where the prior belongs).
 * 003 L487–489 (erratum 003-E55): P(x) = E_{Q}[log P(x|z)].
 * 003 L574 (erratum 003-E66): reconstruction ‖X − f(z)‖² without the ½.
 * 004 (68.24)/(68.37) (erratum 004-E2): the risk ‖h − ĥ‖² + Σ(μ² + eᵃ − a) is 2 × (−ELBO) minus the constants M ln 2π − P.
 */
import { assertFiniteNumber, assertInteger, assertVector } from '../core/validate';
import { klLogVar, latentPenaltyJ } from './kl';
import { GaussianQ, lgElbo, lgLogLik, LinearGaussianModel } from './linearGaussian';

const LOG_2PI = Math.log(2 * Math.PI);

/** 000-E35 source form: log P(x|z) evaluated at one z = the mean of Q, "pulled out" of E_Q (000 L720, L732). */
export function tutorialPulledOutLogLik(model: LinearGaussianModel, x: ArrayLike<number>, q: GaussianQ): number {
  return lgLogLik(model, x, q.mean);
}

/** 000-E35: the tutorial's loss l = −log P(x|z = m) + KL(Q ‖ P(z)) next to the exact −ELBO (both on the linear-Gaussian model). */
export function tutorialLoss(model: LinearGaussianModel, x: ArrayLike<number>, q: GaussianQ): { source: number; exact: number } {
  const e = lgElbo(model, x, q);
  return { source: -tutorialPulledOutLogLik(model, x, q) + e.klPrior, exact: -e.elbo };
}

/** 003-E59 source form of L541: E_Q log P(X|z) − KL(Q‖posterior) + KL(Q‖prior) (signs of the two KLs swapped). */
export function sourceFormLogEvidence003(expectedLogLik: number, klPrior: number, klPosterior: number): number {
  assertFiniteNumber('sourceFormLogEvidence003', 'expectedLogLik', expectedLogLik);
  assertFiniteNumber('sourceFormLogEvidence003', 'klPrior', klPrior);
  assertFiniteNumber('sourceFormLogEvidence003', 'klPosterior', klPosterior);
  return expectedLogLik - klPosterior + klPrior;
}

/** 003-E61 source form of L545: the "lower bound" E_Q log P(X|z) − KL(Q ‖ posterior) (not a bound). */
export function sourceFormBound003(expectedLogLik: number, klPosterior: number): number {
  assertFiniteNumber('sourceFormBound003', 'expectedLogLik', expectedLogLik);
  assertFiniteNumber('sourceFormBound003', 'klPosterior', klPosterior);
  return expectedLogLik - klPosterior;
}

/**
 * The Gaussian-decoder VAE loss per example with the reconstruction in the exact form ½‖x − x̂‖² (σ² = 1, 003 L570) or in
 * the source form ‖x − x̂‖² of 003 L574 (erratum 003-E66); KL from log-variances (003 L554 / 004 (68.20)).
 * With `includeConstant` the exact form adds (D/2) log 2π so that it equals −ELBO (single-sample).
 */
export function vaeLoss003(x: ArrayLike<number>, xhat: ArrayLike<number>, mu: ArrayLike<number>, logvar: ArrayLike<number>, opts: { form?: 'exact' | 'source'; includeConstant?: boolean } = {}): { recon: number; kl: number; total: number } {
  const fn = 'vaeLoss003';
  assertVector(fn, 'x', x);
  assertVector(fn, 'xhat', xhat, x.length);
  const form = opts.form ?? 'exact';
  if (form !== 'exact' && form !== 'source') throw new RangeError(`${fn}: opts.form must be "exact" or "source" (got ${JSON.stringify(form)})`);
  let sq = 0;
  for (let i = 0; i < x.length; i++) sq += (x[i] - xhat[i]) ** 2;
  const recon = form === 'source' ? sq : 0.5 * sq + (opts.includeConstant ? 0.5 * x.length * LOG_2PI : 0);
  const kl = klLogVar(mu, logvar);
  return { recon, kl, total: recon + kl };
}

/** The Gaussian log-likelihood constant C = −(D/2) log 2π of 003 L564–570 (−0.9189385 for D = 1). */
export function gaussianLogLikConstant(D: number): number {
  assertInteger('gaussianLogLikConstant', 'D', D, 1);
  return -0.5 * D * LOG_2PI;
}

/**
 * Source 004's data term of the risk (68.37) (without the weight regulariser) for a batch:
 * (1/N) Σ ‖h_n − ĥ_n‖² + (1/N) Σ (‖μ_n‖² + 1ᵀe^{a_n} − 1ᵀa_n)  — erratum 004-E2: this is 2 × (−mean ELBO) − (M ln 2π − P).
 */
export function sayedRisk(h: number[][], hhat: number[][], mu: number[][], a: number[][]): number {
  const fn = 'sayedRisk';
  if (!Array.isArray(h) || h.length === 0) throw new TypeError(`${fn}: h must be a non-empty array of rows`);
  const N = h.length;
  for (const [name, v] of Object.entries({ hhat, mu, a })) if (!Array.isArray(v) || v.length !== N) throw new RangeError(`${fn}: ${name} must have ${N} rows (got ${Array.isArray(v) ? v.length : typeof v})`);
  let s = 0;
  for (let n = 0; n < N; n++) {
    assertVector(fn, `h[${n}]`, h[n]);
    assertVector(fn, `hhat[${n}]`, hhat[n], h[n].length);
    for (let i = 0; i < h[n].length; i++) s += (h[n][i] - hhat[n][i]) ** 2;
    s += latentPenaltyJ(mu[n], a[n]);
  }
  return s / N;
}

/** 004-E2: convert the risk value of (68.37) (data terms) to the mean ELBO in nats: ELBO = −(risk + M ln 2π − P)/2. */
export function sayedRiskToElbo(risk: number, M: number, P: number): number {
  assertFiniteNumber('sayedRiskToElbo', 'risk', risk);
  assertInteger('sayedRiskToElbo', 'M', M, 1);
  assertInteger('sayedRiskToElbo', 'P', P, 1);
  return -(risk + M * LOG_2PI - P) / 2;
}

/** The single-sample ELBO of 004 A5 in nats: −½‖h − ĥ‖² − (M/2) ln 2π − ½ Σ_p (μ_p² + e^{a_p} − a_p − 1). */
export function sayedElboNats(h: ArrayLike<number>, hhat: ArrayLike<number>, mu: ArrayLike<number>, a: ArrayLike<number>): number {
  const fn = 'sayedElboNats';
  assertVector(fn, 'h', h);
  assertVector(fn, 'hhat', hhat, h.length);
  let sq = 0;
  for (let i = 0; i < h.length; i++) sq += (h[i] - hhat[i]) ** 2;
  return -0.5 * sq - 0.5 * h.length * LOG_2PI - klLogVar(mu, a);
}
