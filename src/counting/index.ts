/**
 * counting: free-parameter counts of discrete models (topic BASICS) — a full joint table, a Bayesian network, FVSBN and
 * NADE (with the two conventions of sources 002 and 003), the counts of source 002 App. A / §7 (T18, D24) and source 003
 * (the student network, 47 vs 15; NADE 2nd + n + 2d). One place for all topics ([GRAPH] and [AR] use it too).
 */
import { assertInteger, assertOneOf, describe as describeValue } from '../core/validate';
export * from './boltzmann';

function cards(fn: string, k: ArrayLike<number>): number[] {
  if (!Array.isArray(k) || k.length === 0) throw new TypeError(`${fn}: argument cardinalities must be a non-empty array of integers ≥ 1 (got ${describeValue(k)})`);
  k.forEach((ki, i) => assertInteger(fn, `cardinalities[${i}]`, ki, 1, 1e9));
  return k.slice();
}

/** Free parameters of a full joint table over variables with the given numbers of states: Π kᵢ − 1 (003 L13/L600; 002 T18). */
export function fullJointParameters(cardinalities: number[]): number {
  const k = cards('fullJointParameters', cardinalities);
  return k.reduce((p, ki) => p * ki, 1) - 1;
}

/** The same count exactly as a BigInt (2^1024 − 1 overflows float64): Π kᵢ − 1. 003 NB01 (n = 1024 binary pixels). */
export function fullJointParametersBig(cardinalities: number[]): bigint {
  const k = cards('fullJointParametersBig', cardinalities);
  return k.reduce((p, ki) => p * BigInt(ki), 1n) - 1n;
}

/**
 * Free parameters of a Bayesian network: Σᵢ (kᵢ − 1) Π_{j ∈ pa(i)} k_j (one categorical per parent configuration).
 * Source 003 L33–44 (student network: 15), 002 §2.2 (Eq 2.2.1). `parents[i]` lists the indices of i's parents.
 */
export function bayesNetParameters(cardinalities: number[], parents: number[][]): number {
  const fn = 'bayesNetParameters';
  const k = cards(fn, cardinalities);
  if (!Array.isArray(parents) || parents.length !== k.length) {
    throw new RangeError(`${fn}: argument parents must list one parent array per variable (${k.length}) (got ${describeValue(parents)})`);
  }
  let total = 0;
  parents.forEach((pa, i) => {
    if (!Array.isArray(pa)) throw new TypeError(`${fn}: argument parents[${i}] must be an array of variable indices (got ${describeValue(pa)})`);
    let configs = 1;
    for (const j of pa) {
      assertInteger(fn, `parents[${i}][…]`, j, 0, k.length - 1);
      if (j === i) throw new RangeError(`${fn}: argument parents[${i}] contains the variable itself (${i})`);
      configs *= k[j];
    }
    total += (k[i] - 1) * configs;
  });
  return total;
}

/** FVSBN with p binary variables: 1 + 2 + … + p = p(p + 1)/2 (002 §7 L1291, T18; D24: p = 784 → 307,720). */
export function fvsbnParameters(p: number): number {
  assertInteger('fvsbnParameters', 'p', p, 1, 1e7);
  return (p * (p + 1)) / 2;
}

export const NADE_CONVENTIONS = ['002', '003'] as const;
export type NadeConvention = (typeof NADE_CONVENTIONS)[number];

/**
 * NADE parameters for p (= n) binary inputs and d hidden units. Convention '002' (002 §7, D24): W (d×p), V (p×d), b (p),
 * c (d) → 2pd + p + d (p = 784, d = 500 → 785,284). Convention '003' (003 L623–625): 2nd + n + 2d, one more d-vector (a
 * learned initial hidden state) → 785,784. Both are right for their conventions (AUDIT-NOTES).
 */
export function nadeParameters(p: number, d: number, convention: NadeConvention = '002'): number {
  assertInteger('nadeParameters', 'p', p, 1, 1e7);
  assertInteger('nadeParameters', 'd', d, 1, 1e7);
  assertOneOf('nadeParameters', 'convention', convention, NADE_CONVENTIONS);
  return 2 * p * d + p + (convention === '002' ? d : 2 * d);
}

/** The student network of 003 L33 (Koller & Friedman): D, I binary; G three grades; S, L binary; G|D,I; S|I; L|G. */
export const STUDENT_NETWORK = {
  names: ['D', 'I', 'G', 'S', 'L'],
  cardinalities: [2, 2, 3, 2, 2],
  parents: [[], [], [0, 1], [1], [2]],
};

/** Counts of a full table, a Bayesian network with at most `maxParents` binary parents per node, FVSBN and NADE for p binary variables. */
export function countsByModel(p: number, d = 500): { fullJoint: number; bayesNet: number; fvsbn: number; nade002: number; nade003: number } {
  assertInteger('countsByModel', 'p', p, 1, 1e7);
  const bn = (() => {
    let s = 0;
    for (let i = 0; i < p; i++) s += 2 ** Math.min(i, 2);
    return s;
  })();
  return { fullJoint: 2 ** p - 1, bayesNet: bn, fvsbn: fvsbnParameters(p), nade002: nadeParameters(p, d, '002'), nade003: nadeParameters(p, d, '003') };
}
