/**
 * The refined proposal behind the IWAE bound (source 001 §4, the definition of q̃ and questions 1–2; Cremer, Morris &
 * Duvenaud, *Reinterpreting Importance-Weighted Autoencoders*, ICLR workshop 2017, Eq. (3)–(6)), for any model given as
 * a spec { sample, logQ, logJoint }:
 *
 *   q̃(z | x, z_2..K) = p(x, z) / ( (1/K) ( p(x,z)/q(z|x) + Σ_{j=2}^K p(x,z_j)/q(z_j|x) ) )      (unnormalised)
 *   q_K(z|x) = E_{z_2..K ~ q}[ q̃(z | x, z_2..K) ]                                                (a density, 2(a))
 *
 * q_K is the law of sampling-importance-resampling: draw z_1..z_K ~ q, pick z_k with probability W̃_k = softmax(log w)_k
 * (Cremer et al. 2017 §3, Algorithm 1). The exact 1-D versions are in `exact1d`.
 */
import { Rng } from '../core/rng';
import { logMeanExp, softmax } from '../core/special';
import { assertInteger, describe } from '../core/validate';
import { MonteCarloElboSpec } from '../vi/elbo';
import { checkK, checkRng, iwaeDraw } from './bound';

function checkSpec<Z>(fn: string, spec: MonteCarloElboSpec<Z>): void {
  if (!spec || typeof spec !== 'object') throw new TypeError(`${fn}: spec must be { sample, logQ, logJoint } (got ${describe(spec)})`);
  for (const k of ['sample', 'logQ', 'logJoint'] as const) {
    if (typeof spec[k] !== 'function') throw new TypeError(`${fn}: spec.${k} must be a function (got ${describe(spec[k])})`);
  }
}

/**
 * log q̃(z | x, z_2..K) = log p(x,z) − log((1/K)(w(z) + Σ_{j≥2} w(z_j))), K = others.length + 1 (001 §4, definition of q̃).
 */
export function refinedLogDensity<Z>(spec: MonteCarloElboSpec<Z>, z: Z, others: readonly Z[]): number {
  const fn = 'refinedLogDensity';
  checkSpec(fn, spec);
  if (!Array.isArray(others)) throw new TypeError(`${fn}: others must be an array of the K − 1 other draws z_2..z_K (got ${describe(others)})`);
  const lj = spec.logJoint(z);
  const logW = [lj - spec.logQ(z), ...others.map((zj) => spec.logJoint(zj) - spec.logQ(zj))];
  return lj - logMeanExp(logW);
}

/**
 * q_K(z|x) by Monte Carlo: the mean of q̃(z | x, z_2..K) over R draws of z_2..z_K ~ q (001 §4 question 2(a)), with its
 * standard error.
 */
export function implicitDensityMC<Z>(spec: MonteCarloElboSpec<Z>, z: Z, K: number, reps: number, rng: Rng): { value: number; stdError: number } {
  const fn = 'implicitDensityMC';
  checkSpec(fn, spec);
  checkK(fn, K);
  assertInteger(fn, 'reps', reps, 2, 100_000_000);
  checkRng(fn, rng);
  let s = 0;
  let s2 = 0;
  for (let r = 0; r < reps; r++) {
    const others = K > 1 ? iwaeDraw(spec, K - 1, rng).z : [];
    const v = Math.exp(refinedLogDensity(spec, z, others));
    s += v;
    s2 += v * v;
  }
  const m = s / reps;
  return { value: m, stdError: Math.sqrt(Math.max(0, (s2 - s * m) / (reps - 1)) / reps) };
}

/**
 * n draws from q_K by sampling-importance-resampling: for each, z_1..z_K ~ q and one z_k chosen with probability
 * W̃_k = softmax(log w)_k (Cremer et al. 2017 §3; its law is exactly q_K).
 */
export function sirSample<Z>(spec: MonteCarloElboSpec<Z>, K: number, n: number, rng: Rng): Z[] {
  const fn = 'sirSample';
  checkSpec(fn, spec);
  checkK(fn, K);
  assertInteger(fn, 'n', n, 1, 100_000_000);
  checkRng(fn, rng);
  const out: Z[] = [];
  for (let i = 0; i < n; i++) {
    const d = iwaeDraw(spec, K, rng);
    out.push(d.z[rng.categorical(softmax(d.logW))]);
  }
  return out;
}

/**
 * L_1[q̃] for given z_2..z_K, by Monte Carlo over z ~ q: ∫ q̃ log(p/q̃) dz = E_q[(q̃/q)(z) log(p(x,z)/q̃(z))]
 * (001 §4 question 1; averaged over z_2..K ~ q it equals L_K).
 */
export function refinedElboMC<Z>(spec: MonteCarloElboSpec<Z>, others: readonly Z[], samples: number, rng: Rng): number {
  const fn = 'refinedElboMC';
  checkSpec(fn, spec);
  assertInteger(fn, 'samples', samples, 1, 100_000_000);
  checkRng(fn, rng);
  let s = 0;
  for (let i = 0; i < samples; i++) {
    const z = spec.sample(rng);
    const lqt = refinedLogDensity(spec, z, others);
    s += Math.exp(lqt - spec.logQ(z)) * (spec.logJoint(z) - lqt);
  }
  return s / samples;
}
