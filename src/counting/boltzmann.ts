/**
 * Counts of Boltzmann machines (added by topic EBM): the fully connected machine of 000 §3 (Eq. 3.16, L1054: n(n−1)/2
 * weights), the restricted machine of 000 L1183–1191 (groups of k and n − k units: k(n − k) weights; oracle 000 O-36) and
 * the RBM parameter count mn + m + n of 003 L120–154 (003 §4.3: m = 1024, n = 100 → 103,524).
 */
import { assertInteger } from '../core/validate';

/** Weights of a fully connected Boltzmann machine on n units: n(n − 1)/2 (000 L1054; O-36: n = 10 → 45). */
export function bmConnections(n: number): number {
  assertInteger('bmConnections', 'n', n, 1, 1e7);
  return (n * (n - 1)) / 2;
}

/** Weights of a restricted machine with groups of k and n − k units: k(n − k) (000 L1187; O-36: n = 10, k = 4 → 24). */
export function rbmConnections(k: number, n: number): number {
  assertInteger('rbmConnections', 'n', n, 2, 1e7);
  assertInteger('rbmConnections', 'k', k, 1, n - 1);
  return k * (n - k);
}

/** Parameters of an RBM with m visible and n hidden units: mn weights + m + n biases (003 L120–154, §4.3: 103,524). */
export function rbmParameters(m: number, n: number): number {
  assertInteger('rbmParameters', 'm', m, 1, 1e7);
  assertInteger('rbmParameters', 'n', n, 1, 1e7);
  return m * n + m + n;
}
