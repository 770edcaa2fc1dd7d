/**
 * The Boltzmann distribution and simulated annealing — source 000 (L. Nguyen, Tutorial on Deep Generative Model), §3.l,
 * L1010–1050: Eq. (3.15) (Boltzmann distribution), the acceptance probability P(s, s_new, T), the SA pseudo-code and the
 * cooling schedule decrease(T) = T − (k/K)·T with T₀ = K.
 *
 * Errata (registered in ./errata.ts): 000-E41 (the normaliser of (3.15) as printed sums exp(−E(s)/κT) over i without
 * using i, so P(s) = 1/M), 000-E43 (acceptance compares P with a fixed threshold instead of u ~ U(0,1): a greedy
 * deterministic rule, not a sampler — AUDIT-NOTES: at threshold 0.5 the chain never visits some states), 000-E44 (where T
 * decreases), 000-E45 (the schedule reaches T = 0 at k = K; the acceptance then divides by zero).
 */
import { Rng } from '../core/rng';
import { softmax } from '../core/special';
import { assertFiniteNumber, assertInteger, assertNonNegative, assertOneOf, assertPositive, assertVector, describe } from '../core/validate';
import { assertFunction, assertRng } from './basic';

/** P(s) = exp(−E(s)/κT) / Σᵢ exp(−E(sᵢ)/κT) over a finite list of energies (000 Eq. 3.15, exact form). */
export function boltzmannDistribution(energies: ArrayLike<number>, kT: number): number[] {
  assertVector('boltzmannDistribution', 'energies', energies);
  assertPositive('boltzmannDistribution', 'kT', kT);
  return Array.from(softmax(Array.from(energies, (e) => -e / kT)));
}

/**
 * 000 Eq. (3.15) exactly as printed: the denominator Σ_{i=1}^{M} exp(−E(s)/κT) repeats the numerator's E(s) M times,
 * so every state gets P(s) = 1/M (erratum 000-E41; oracle 000 O-31).
 */
export function boltzmannSourceForm(energies: ArrayLike<number>, kT: number): number[] {
  assertVector('boltzmannSourceForm', 'energies', energies);
  assertPositive('boltzmannSourceForm', 'kT', kT);
  const M = energies.length;
  return Array.from(energies, (e) => {
    const num = Math.exp(-e / kT);
    let den = 0;
    for (let i = 0; i < M; i++) den += Math.exp(-e / kT); // as printed: E(s), not E(s_i)
    return num / den;
  });
}

/**
 * Acceptance probability of 000 §3.l (and Eq. 3.19): 1 if ΔE < 0, else exp(−ΔE/κT) — the Metropolis rule
 * min(1, exp(−ΔE/κT)). κT must be > 0 (erratum 000-E45: the source's schedule reaches T = 0).
 */
export function acceptanceProbability(dE: number, kT: number): number {
  assertFiniteNumber('acceptanceProbability', 'dE', dE);
  if (typeof kT === 'number' && kT === 0) {
    throw new RangeError('acceptanceProbability: kT must be > 0 (got 0) — exp(−ΔE/κT) divides by zero; the source schedule T − (k/K)T reaches T = 0 at k = K (erratum 000-E45)');
  }
  assertPositive('acceptanceProbability', 'kT', kT);
  return dE < 0 ? 1 : Math.exp(-dE / kT);
}

/** Cooling schedules: the source's and standard ones. */
export type ScheduleKind = 'source' | 'geometric' | 'linear' | 'logarithmic';

/**
 * Temperatures T₁, …, T_K of a cooling schedule starting from T₀:
 *  - 'source' (000 L1048, L1173): T_k = T_{k−1} − (k/K)·T_{k−1}, i.e. T_k = T₀ Π_{j≤k} (1 − j/K); reaches 0 exactly at
 *    k = K (000 O-32 with T₀ = K = 10: 9, 7.2, 5.04, …, 0.0036288, 0).
 *  - 'geometric': T_k = T₀ αᵏ (Kirkpatrick, Gelatt & Vecchi 1983), α in (0, 1), default 0.9;
 *  - 'linear': T_k = T₀ (1 − k/(K+1)) (stays > 0);
 *  - 'logarithmic': Geman & Geman's (1984) T_k ∝ 1/ln(k + 1), scaled so that T₁ = T₀: T_k = T₀ ln 2 / ln(k + 1).
 */
export function coolingSchedule(opts: { kind: ScheduleKind; T0: number; K: number; alpha?: number }): number[] {
  const fn = 'coolingSchedule';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: options must be an object (got ${describe(opts)})`);
  const { kind, T0, K } = opts;
  assertOneOf(fn, 'kind', kind, ['source', 'geometric', 'linear', 'logarithmic'] as const);
  assertPositive(fn, 'T0', T0);
  assertInteger(fn, 'K', K, 1);
  const alpha = opts.alpha ?? 0.9;
  if (kind === 'geometric') {
    assertFiniteNumber(fn, 'alpha', alpha);
    if (!(alpha > 0 && alpha < 1)) throw new RangeError(`${fn}: alpha must be in (0, 1) (got ${alpha})`);
  }
  const out: number[] = [];
  let T = T0;
  for (let k = 1; k <= K; k++) {
    if (kind === 'source') T = T - (k / K) * T;
    else if (kind === 'geometric') T = T0 * Math.pow(alpha, k);
    else if (kind === 'linear') T = T0 * (1 - k / (K + 1));
    else T = (T0 * Math.LN2) / Math.log(k + 1);
    out.push(T);
  }
  return out;
}

export interface AnnealingResult {
  /** States after each iteration. */
  states: number[];
  energies: Float64Array;
  temperatures: Float64Array;
  best: number;
  bestEnergy: number;
  acceptRate: number;
}

/**
 * Simulated annealing on a 1-D state (000 §3.l pseudo-code): T = T₀; repeat { T = decrease(T); s_new = neighbour(s);
 * accept s_new by `rule` }. Rules:
 *  - 'threshold' (the source form, 000 L1036; erratum 000-E43): accept if P(s, s_new, T) > threshold (default 0.5);
 *  - 'metropolis' (the standard rule, Kirkpatrick et al. 1983): accept if u < P(s, s_new, T), u ~ U(0,1).
 * `decrease`: 'every-iteration' (the SA pseudo-code) or 'on-accept' (the BM+SA pseudo-code L1160–1164; 000-E44).
 * The schedule's temperatures must be > 0 (000-E45: the source schedule ends at T = 0 — the error names the index).
 * If the schedule is shorter than nIter, its last temperature is kept.
 */
export function simulatedAnnealing(opts: {
  energy: (s: number) => number;
  neighbour: (s: number, rng: Rng) => number;
  s0: number;
  schedule: ArrayLike<number>;
  nIter: number;
  rng: Rng;
  rule?: 'threshold' | 'metropolis';
  threshold?: number;
  decrease?: 'every-iteration' | 'on-accept';
}): AnnealingResult {
  const fn = 'simulatedAnnealing';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: options must be an object (got ${describe(opts)})`);
  const { energy, neighbour, s0, schedule, nIter, rng } = opts;
  assertFunction(fn, 'energy', energy);
  assertFunction(fn, 'neighbour', neighbour);
  assertFiniteNumber(fn, 's0', s0);
  assertVector(fn, 'schedule', schedule);
  for (let i = 0; i < schedule.length; i++) {
    if (!(schedule[i] > 0)) {
      throw new RangeError(`${fn}: schedule[${i}] must be > 0 (got ${describe(schedule[i])})${schedule[i] === 0 ? ' — the source schedule T − (k/K)T reaches T = 0 at k = K (erratum 000-E45); drop the last step or use another schedule' : ''}`);
    }
  }
  assertInteger(fn, 'nIter', nIter, 1);
  assertRng(fn, rng);
  const rule = opts.rule ?? 'metropolis';
  assertOneOf(fn, 'rule', rule, ['threshold', 'metropolis'] as const);
  const threshold = opts.threshold ?? 0.5;
  assertNonNegative(fn, 'threshold', threshold);
  const decrease = opts.decrease ?? 'every-iteration';
  assertOneOf(fn, 'decrease', decrease, ['every-iteration', 'on-accept'] as const);
  let s = s0;
  let e = energy(s);
  assertFiniteNumber(fn, 'energy(s0)', e);
  let best = s;
  let bestE = e;
  let k = 0;
  let acc = 0;
  const states: number[] = [];
  const energies = new Float64Array(nIter);
  const temps = new Float64Array(nIter);
  for (let it = 0; it < nIter; it++) {
    if (decrease === 'every-iteration') k++;
    const T = schedule[Math.min(Math.max(k, 1), schedule.length) - 1];
    const sNew = neighbour(s, rng);
    assertFiniteNumber(fn, 'neighbour(s)', sNew);
    const eNew = energy(sNew);
    assertFiniteNumber(fn, `energy(${sNew})`, eNew);
    const p = acceptanceProbability(eNew - e, T);
    const accept = rule === 'threshold' ? p > threshold : rng.uniform() < p;
    if (accept) {
      s = sNew;
      e = eNew;
      acc++;
      if (decrease === 'on-accept') k++;
      if (e < bestE) {
        bestE = e;
        best = s;
      }
    }
    states.push(s);
    energies[it] = e;
    temps[it] = T;
  }
  return { states, energies, temperatures: temps, best, bestEnergy: bestE, acceptRate: acc / nIter };
}
