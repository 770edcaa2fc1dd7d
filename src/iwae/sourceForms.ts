/**
 * The expressions of source 001's worked Steps 4 read literally, next to the exact ones (errata 001-E41…E44). The results
 * the Steps reach are right; some intermediate lines are not, and these functions show by how much.
 */
import { Rng } from '../core/rng';
import { logMeanExp } from '../core/special';
import { assertInteger, describe } from '../core/validate';
import { MonteCarloElboSpec } from '../vi/elbo';
import { checkK, checkRng, iwaeDraw } from './bound';
import { Iwae1d } from './exact1d';

/**
 * 001-E41: the Steps write the normaliser of q̃ as 1/N where the definition has 1/K. Read with some N ≠ K, q̃ scales by
 * N/K, so ∫ q_K = N/K instead of 1 (exact: `iw.implicitMass(K)`).
 */
export function sourceFormMassWithN(iw: Iwae1d, K: number, N: number): number {
  if (!(iw instanceof Iwae1d)) throw new TypeError(`sourceFormMassWithN: iw must be an Iwae1d (got ${describe(iw)})`);
  checkK('sourceFormMassWithN', K);
  assertInteger('sourceFormMassWithN', 'N', N, 1);
  return (N / K) * iw.implicitMass(K);
}

/**
 * 001-E42: Steps 4.1 (lines 4–6) write the sum of the weights as Σ_j p(x, z_1)/q(z_2|x) — K copies of one term. Read
 * literally, log((1/K) Σ_j p(x,z_1)/q(z_2|x)) = log p(x,z_1) − log q(z_2|x), whose expectation is E_q log p − E_q log q = L_1
 * (the ELBO), not L_K. Monte Carlo over R draws (mean and standard error).
 */
export function sourceFormStep41Sum<Z>(spec: MonteCarloElboSpec<Z>, K: number, reps: number, rng: Rng): { value: number; stdError: number } {
  const fn = 'sourceFormStep41Sum';
  checkK(fn, K);
  if (K < 2) throw new RangeError(`${fn}: K must be >= 2 (the literal form needs z_2) (got ${K})`);
  assertInteger(fn, 'reps', reps, 2);
  checkRng(fn, rng);
  return meanSe(reps, () => {
    const d = iwaeDraw(spec, K, rng);
    return logMeanExp(new Array<number>(K).fill(spec.logJoint(d.z[0]) - spec.logQ(d.z[1])));
  });
}

/**
 * 001-E44: Steps 4.1 (line 6) and the end of 4.2(b) drop the normalisation of the weight ratio: the literal
 * E[(Σ_j w_j) log((1/K) Σ_j w_j)] instead of K·E[(w_1/Σ_j w_j) log((1/K) Σ_j w_j)] = L_K. Monte Carlo (mean, SE).
 */
export function sourceFormStep41Unnormalised<Z>(spec: MonteCarloElboSpec<Z>, K: number, reps: number, rng: Rng): { value: number; stdError: number } {
  const fn = 'sourceFormStep41Unnormalised';
  checkK(fn, K);
  assertInteger(fn, 'reps', reps, 2);
  checkRng(fn, rng);
  return meanSe(reps, () => {
    const d = iwaeDraw(spec, K, rng);
    const l = logMeanExp(d.logW);
    return K * Math.exp(l) * l;
  });
}

/** The exact middle line of Steps 4.1 (and 4.2(b)): K·E[(w_1/Σ_j w_j) log((1/K) Σ_j w_j)] (= L_K by symmetry). */
export function step41Weighted<Z>(spec: MonteCarloElboSpec<Z>, K: number, reps: number, rng: Rng): { value: number; stdError: number } {
  const fn = 'step41Weighted';
  checkK(fn, K);
  assertInteger(fn, 'reps', reps, 2);
  checkRng(fn, rng);
  return meanSe(reps, () => {
    const d = iwaeDraw(spec, K, rng);
    const l = logMeanExp(d.logW);
    return K * Math.exp(d.logW[0] - l - Math.log(K)) * l;
  });
}

/**
 * 001-E43: Steps 4.2(a) (fourth line) put p(z_1|x) where q(z_1|x) belongs: p(x,z_1)/p(z_1|x) = p(x), so the literal
 * "∫ q_K" is K·(∫ q(z) p(x,z) dz)·E[1/(p(x) + Σ_{j≥2} w_j)], which is not 1. Exact by quadrature (1-D).
 */
export function sourceFormMassWithPosterior(iw: Iwae1d, K: number): number {
  if (!(iw instanceof Iwae1d)) throw new TypeError(`sourceFormMassWithPosterior: iw must be an Iwae1d (got ${describe(iw)})`);
  checkK('sourceFormMassWithPosterior', K);
  const logPx = iw.logEvidence;
  // in units of p(x): K · ∫ q(z) p(x,z)/p(x) dz · E[1/(1 + Σ w'_j)]
  const qp = iw.integrate((z) => Math.exp(iw.problem.logQ(z) + iw.problem.logJoint(z) - logPx));
  return K * qp * iw.meanInverseShifted(1, K - 1);
}

function meanSe(reps: number, f: () => number): { value: number; stdError: number } {
  let s = 0;
  let s2 = 0;
  for (let r = 0; r < reps; r++) {
    const v = f();
    s += v;
    s2 += v * v;
  }
  const m = s / reps;
  return { value: m, stdError: Math.sqrt(Math.max(0, (s2 - s * m) / (reps - 1)) / reps) };
}
