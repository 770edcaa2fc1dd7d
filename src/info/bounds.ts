/**
 * Bounds and the metric question for the information measures (topic BASICS extension of src/info): the JS upper bound
 * (ln 2 nats = 1 bit; 000 A2 L1669, erratum 000-E63), the triangle-inequality test and its counter-example for JS (000 A2
 * L1651–1663, erratum 000-E62: JS is not a metric, √JS is), and a Bernoulli KL grid for asymmetry plots (000 A2.1).
 */
import { assertOneOf, assertProbability, assertVector } from '../core/validate';
import { InfoOptions, js, jsDistance, kl, logOfBase } from './measures';

/** max JS(P‖Q) = log 2 in the chosen unit: ln 2 ≈ 0.693147 nats, 1 bit (000 A2 (A2.2); 000-E63 says [0, 1] with ln). */
export function jsUpperBound(opts: InfoOptions = {}): number {
  return Math.log(2) / logOfBase('jsUpperBound', opts.base);
}

/** The source's claimed bound for JS, 1, whatever the unit (SOURCE FORM, 000 A2 L1669, erratum 000-E63). */
export function jsUpperBoundSource(): number {
  return 1;
}

export type Divergence = (p: ArrayLike<number>, q: ArrayLike<number>, opts?: InfoOptions) => number;

/** Named divergences for `triangleInequality`. */
export const DIVERGENCES: Record<'kl' | 'js' | 'jsDistance', Divergence> = { kl, js, jsDistance };

/**
 * Triangle-inequality test d(P, R) ≤ d(P, Q) + d(Q, R) for one of `DIVERGENCES` on three discrete distributions.
 * 000 A2 L1661–1663 claims it (strictly) for JS: erratum 000-E62.
 */
export function triangleInequality(divergence: 'kl' | 'js' | 'jsDistance', P: ArrayLike<number>, Q: ArrayLike<number>, R: ArrayLike<number>, opts: InfoOptions = {}) {
  assertOneOf('triangleInequality', 'divergence', divergence, ['kl', 'js', 'jsDistance'] as const);
  const d = DIVERGENCES[divergence];
  const direct = d(P, R, opts);
  const pq = d(P, Q, opts);
  const qr = d(Q, R, opts);
  return { direct, pq, qr, viaQ: pq + qr, holds: direct <= pq + qr + 1e-15 };
}

/** The counter-example of oracle 000 O-46: P = (1, 0), Q = (½, ½), R = (0, 1). */
export const JS_COUNTER_EXAMPLE = { P: [1, 0], Q: [0.5, 0.5], R: [0, 1] };

/** KL(Bern(p)‖Bern(q)) on a grid: rows p ∈ ps, columns q ∈ qs (000 (A2.1); for asymmetry heat-maps). Endpoints 0 and 1 allowed for p. */
export function klBernoulliGrid(ps: ArrayLike<number>, qs: ArrayLike<number>, opts: InfoOptions = {}): number[][] {
  assertVector('klBernoulliGrid', 'ps', ps);
  assertVector('klBernoulliGrid', 'qs', qs);
  for (let i = 0; i < ps.length; i++) assertProbability('klBernoulliGrid', `ps[${i}]`, ps[i]);
  for (let j = 0; j < qs.length; j++) assertProbability('klBernoulliGrid', `qs[${j}]`, qs[j], true);
  return Array.from(ps, (p) => Array.from(qs, (q) => kl([p, 1 - p], [q, 1 - q], opts)));
}

/** JS of two Bernoulli laws (000 (A2.2)). */
export function jsBernoulli(p: number, q: number, opts: InfoOptions = {}): number {
  assertProbability('jsBernoulli', 'p', p);
  assertProbability('jsBernoulli', 'q', q);
  return js([p, 1 - p], [q, 1 - q], opts);
}
