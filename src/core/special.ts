/**
 * Special functions and log-space numerics (design principle 4).
 *
 * log-gamma, digamma, erf and their inverses come from @stdlib (maintained, tested against published tables);
 * the log-space helpers are written here because every topic leans on them: log-sum-exp for mixtures,
 * importance weights and the IWAE bound; softplus / log-sigmoid for Bernoulli likelihoods and GAN losses.
 */
import gammalnStd = require('@stdlib/math-base-special-gammaln');
import digammaStd = require('@stdlib/math-base-special-digamma');
import erfStd = require('@stdlib/math-base-special-erf');
import erfcStd = require('@stdlib/math-base-special-erfc');
import erfinvStd = require('@stdlib/math-base-special-erfinv');
import erfcinvStd = require('@stdlib/math-base-special-erfcinv');
import betalnStd = require('@stdlib/math-base-special-betaln');
import { assertFiniteNumber, assertLogWeights, assertPositive, assertProbability, assertVector, describe } from './validate';

/** log Γ(x) for x > 0. */
export function logGamma(x: number): number {
  assertPositive('logGamma', 'x', x);
  return gammalnStd(x);
}

/** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a+b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  assertPositive('logBeta', 'a', a);
  assertPositive('logBeta', 'b', b);
  return betalnStd(a, b);
}

/** ψ(x) = d/dx log Γ(x), for x > 0 (used by mean-field updates of Dirichlet/Gamma factors). */
export function digamma(x: number): number {
  assertPositive('digamma', 'x', x);
  return digammaStd(x);
}

/** The error function. */
export function erf(x: number): number {
  assertFiniteNumber('erf', 'x', x);
  return erfStd(x);
}

/** The complementary error function 1 − erf(x), accurate in the tails. */
export function erfc(x: number): number {
  assertFiniteNumber('erfc', 'x', x);
  return erfcStd(x);
}

/** The inverse error function on (−1, 1). */
export function erfinv(y: number): number {
  assertFiniteNumber('erfinv', 'y', y);
  if (!(y > -1 && y < 1)) throw new RangeError(`erfinv: y must be in (-1, 1) (got ${describe(y)})`);
  return erfinvStd(y);
}

/** Standard normal CDF Φ(x) = ½ erfc(−x/√2) (accurate in both tails). */
export function normalCdf(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  assertFiniteNumber('normalCdf', 'x', x);
  return 0.5 * erfcStd(-x / Math.SQRT2);
}

/** Standard normal quantile Φ⁻¹(p) for p in (0, 1). */
export function normalQuantile(p: number): number {
  assertProbability('normalQuantile', 'p', p, true);
  return -Math.SQRT2 * erfcinvStd(2 * p);
}

/** The maximum of the log-weights xs (−∞ when every entry is −∞). */
function maxOf(xs: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i] > m) m = xs[i];
  return m;
}

/** log Σ exp(xᵢ) with the maximum m already known (m = −∞ when every xᵢ is −∞). */
function logSumExpFrom(xs: ArrayLike<number>, m: number): number {
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += Math.exp(xs[i] - m);
  return m + Math.log(s);
}

/** log Σ exp(xᵢ), computed as m + log Σ exp(xᵢ − m). Returns −∞ when every xᵢ is −∞. */
export function logSumExp(xs: ArrayLike<number>): number {
  assertLogWeights('logSumExp', 'xs', xs);
  return logSumExpFrom(xs, maxOf(xs));
}

/** log(exp(a) + exp(b)), stable. */
export function logAddExp(a: number, b: number): number {
  for (const [arg, v] of [['a', a], ['b', b]] as const) {
    if (typeof v !== 'number') throw new TypeError(`logAddExp: ${arg} must be a number (got ${describe(v)})`);
    if (Number.isNaN(v) || v === Infinity) throw new RangeError(`logAddExp: ${arg} must be a number < +Infinity (got ${describe(v)})`);
  }
  return logSumExpFrom([a, b], Math.max(a, b));
}

/** log-mean-exp: log( (1/n) Σ exp(xᵢ) ) — the IWAE bound's inner term. */
export function logMeanExp(xs: ArrayLike<number>): number {
  assertLogWeights('logMeanExp', 'xs', xs);
  return logSumExpFrom(xs, maxOf(xs)) - Math.log(xs.length);
}

/** softmax(x) computed stably (subtracting the maximum); needs at least one entry > −∞ (otherwise the weights are 0/0). */
export function softmax(xs: ArrayLike<number>): Float64Array {
  assertLogWeights('softmax', 'xs', xs, true);
  const m = maxOf(xs);
  const w = Float64Array.from(xs, (x) => Math.exp(x - m));
  let s = 0;
  for (const wi of w) s += wi;
  return w.map((wi) => wi / s);
}

/** σ(x) = 1/(1+e^{−x}), evaluated without overflow for large |x|. */
export function sigmoid(x: number): number {
  assertFiniteNumber('sigmoid', 'x', x);
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** logit(p) = log(p/(1−p)) for p in (0, 1). */
export function logit(p: number): number {
  assertProbability('logit', 'p', p, true);
  return Math.log(p) - Math.log1p(-p);
}

/** softplus(x) = log(1 + eˣ), stable for large |x|. */
export function softplus(x: number): number {
  assertFiniteNumber('softplus', 'x', x);
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** log σ(x) = −softplus(−x), stable (used for Bernoulli log-likelihoods and GAN losses). */
export function logSigmoid(x: number): number {
  assertFiniteNumber('logSigmoid', 'x', x);
  return -softplus(-x);
}

/** log(1 − eˣ) for x < 0 (Mächler 2012: log1p(−eˣ) for x < −log 2, else log(−expm1 x)). */
export function log1mExp(x: number): number {
  assertFiniteNumber('log1mExp', 'x', x);
  if (!(x < 0)) throw new RangeError(`log1mExp: x must be < 0 (got ${describe(x)})`);
  return x < -Math.LN2 ? Math.log1p(-Math.exp(x)) : Math.log(-Math.expm1(x));
}

/** x log x with the convention 0 log 0 = 0 (entropy terms). */
export function xLogX(x: number): number {
  assertFiniteNumber('xLogX', 'x', x);
  if (x < 0) throw new RangeError(`xLogX: x must be >= 0 (got ${describe(x)})`);
  return x === 0 ? 0 : x * Math.log(x);
}

/** x log(x/y) with 0 log(0/y) = 0 and x log(x/0) = +∞ for x > 0 (KL terms). */
export function xLogXOverY(x: number, y: number): number {
  assertFiniteNumber('xLogXOverY', 'x', x);
  assertFiniteNumber('xLogXOverY', 'y', y);
  if (x < 0) throw new RangeError(`xLogXOverY: x must be >= 0 (got ${describe(x)})`);
  if (y < 0) throw new RangeError(`xLogXOverY: y must be >= 0 (got ${describe(y)})`);
  if (x === 0) return 0;
  if (y === 0) return Infinity;
  return x * Math.log(x / y);
}

/** Sum of a vector with Neumaier's compensated summation (for long Monte Carlo sums). */
export function sum(xs: ArrayLike<number>): number {
  assertVector('sum', 'xs', xs);
  let s = 0;
  let c = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/** Mean of a non-empty vector. */
export function mean(xs: ArrayLike<number>): number {
  assertVector('mean', 'xs', xs);
  return sum(xs) / xs.length;
}

/** Unbiased sample variance (n − 1 in the denominator); needs at least two values. */
export function variance(xs: ArrayLike<number>): number {
  assertVector('variance', 'xs', xs);
  if (xs.length < 2) throw new RangeError(`variance: xs needs at least 2 values (got ${xs.length})`);
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) ** 2;
  return s / (xs.length - 1);
}
