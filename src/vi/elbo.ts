/**
 * The evidence lower bound (ELBO) and its identity — the one ELBO implementation of the course (VAE-A creates it,
 * the VI topic extends it).
 *
 *   log p(x) = ELBO(q) + KL(q(z|x) ‖ p(z|x)),     ELBO(q) = E_q[log p(x|z)] − KL(q(z|x) ‖ p(z))
 *                                                       = E_q[log p(x, z) − log q(z|x)].
 *
 * Sources: 000 §3 Eq. (3.4) and the loss l(x, z) after it (L692–764); 003 L501 and L507–550 (with errata 003-E59/E61);
 * 004 (68.2)–(68.8); 001 §3 (the ELBO L(θ, φ; x) and Steps 3.1–3.2).
 */
import { Rng } from '../core/rng';
import { assertFiniteNumber, assertInteger, describe } from '../core/validate';
import { logMeanExp } from '../core/special';

/** The pieces of the ELBO identity for one observation x. */
export interface ElboParts {
  /** E_q[log p(x|z)] — the reconstruction term. */
  expectedLogLik: number;
  /** KL(q(z|x) ‖ p(z)) — the regulariser. */
  klPrior: number;
  /** ELBO = expectedLogLik − klPrior (000 (3.4), 003 L545 corrected, 004 (68.6)). */
  elbo: number;
}

/** The full identity: ELBO, log p(x) and the gap KL(q ‖ posterior) = log p(x) − ELBO ≥ 0. */
export interface ElboIdentity extends ElboParts {
  /** log p(x), the log evidence. */
  logEvidence: number;
  /** KL(q(z|x) ‖ p(z|x)) = log p(x) − ELBO (004 (68.4), 000 (3.4) second term). */
  klPosterior: number;
}

/**
 * ELBO = E_q[log p(x|z)] − KL(q ‖ p(z)): the decomposition of 000 (3.4)/(3.5) (exact form, erratum 000-E35),
 * 003 L501, 004 (68.6).
 */
export function elboFromTerms(expectedLogLik: number, klPrior: number): ElboParts {
  assertFiniteNumber('elboFromTerms', 'expectedLogLik', expectedLogLik);
  assertFiniteNumber('elboFromTerms', 'klPrior', klPrior);
  if (klPrior < -1e-12) throw new RangeError(`elboFromTerms: klPrior must be >= 0 (a KL divergence) (got ${describe(klPrior)})`);
  return { expectedLogLik, klPrior, elbo: expectedLogLik - klPrior };
}

/**
 * The identity log p(x) = ELBO + KL(q ‖ posterior) (000 (3.4), 004 (68.4)/(68.7), 003 L541 corrected): given the
 * two ELBO terms and log p(x), returns every piece, with klPosterior = log p(x) − ELBO. Throws if the "gap" is
 * negative beyond rounding (then the inputs are inconsistent: the ELBO is a lower bound, 004 (68.8)).
 */
export function elboIdentity(expectedLogLik: number, klPrior: number, logEvidence: number): ElboIdentity {
  const parts = elboFromTerms(expectedLogLik, klPrior);
  assertFiniteNumber('elboIdentity', 'logEvidence', logEvidence);
  const gap = logEvidence - parts.elbo;
  if (gap < -1e-9 * Math.max(1, Math.abs(logEvidence))) {
    throw new RangeError(`elboIdentity: the ELBO (${parts.elbo}) exceeds logEvidence (${logEvidence}); a lower bound cannot (004 (68.8))`);
  }
  return { ...parts, logEvidence, klPosterior: Math.max(0, gap) };
}

/** What `elboMonteCarlo` needs: a sampler of q and the two log-densities. */
export interface MonteCarloElboSpec<Z> {
  /** Draw one z ~ q(z|x). */
  sample: (rng: Rng) => Z;
  /** log q(z|x). */
  logQ: (z: Z) => number;
  /** log p(x, z) = log p(x|z) + log p(z). */
  logJoint: (z: Z) => number;
}

/** A Monte Carlo estimate with its standard error. */
export interface Estimate {
  value: number;
  /** Standard error of the mean (sample standard deviation / √S). */
  stdError: number;
  samples: number;
}

function checkSpec<Z>(fn: string, spec: MonteCarloElboSpec<Z>, S: number, rng: Rng): void {
  if (!spec || typeof spec !== 'object') throw new TypeError(`${fn}: spec must be { sample, logQ, logJoint } (got ${describe(spec)})`);
  for (const k of ['sample', 'logQ', 'logJoint'] as const) {
    if (typeof spec[k] !== 'function') throw new TypeError(`${fn}: spec.${k} must be a function (got ${describe(spec[k])})`);
  }
  assertInteger(fn, 'samples', S, 1);
  if (!rng || typeof (rng as Partial<Rng>).normal !== 'function') throw new TypeError(`${fn}: rng must be a seeded generator from core.rng(seed) (got ${describe(rng)})`);
}

/**
 * Monte Carlo ELBO: (1/S) Σ_s [log p(x, z_s) − log q(z_s|x)], z_s ~ q (004 (68.5), 003 L545 corrected). Unbiased for
 * the ELBO; returns the standard error too.
 */
export function elboMonteCarlo<Z>(spec: MonteCarloElboSpec<Z>, samples: number, rng: Rng): Estimate {
  checkSpec('elboMonteCarlo', spec, samples, rng);
  let m = 0;
  let m2 = 0;
  for (let s = 0; s < samples; s++) {
    const z = spec.sample(rng);
    const w = spec.logJoint(z) - spec.logQ(z);
    if (!Number.isFinite(w)) throw new RangeError(`elboMonteCarlo: log p(x, z) − log q(z) is not finite at sample ${s} (got ${describe(w)})`);
    const d = w - m;
    m += d / (s + 1);
    m2 += d * (w - m);
  }
  const sd = samples > 1 ? Math.sqrt(m2 / (samples - 1)) : NaN;
  return { value: m, stdError: samples > 1 ? sd / Math.sqrt(samples) : Infinity, samples };
}

/**
 * log of the importance-sampling estimate (1/S) Σ p(x, z_s)/q(z_s): a consistent (biased-low) estimate of log p(x)
 * that the IWAE topic builds on. Provided here so that the log-weights of the ELBO and of importance sampling share one
 * definition.
 */
export function logWeights<Z>(spec: MonteCarloElboSpec<Z>, samples: number, rng: Rng): number[] {
  checkSpec('logWeights', spec, samples, rng);
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    const z = spec.sample(rng);
    out.push(spec.logJoint(z) - spec.logQ(z));
  }
  return out;
}

/** log (1/S) Σ exp(log wₛ): the importance-sampling estimate of log p(x) from log-weights (log-mean-exp, stable). */
export function logEvidenceFromWeights(logW: ArrayLike<number>): number {
  return logMeanExp(logW);
}
