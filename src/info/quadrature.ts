/**
 * One-dimensional numerical integration used by the information measures and the GAN value function
 * for densities on the real line (the "1-D quadrature" route of the inventories: 000 MA2, 004 A17).
 */
import { assertFiniteNumber, assertInteger, describe } from '../core/validate';

/** Options of a 1-D quadrature: integration limits and number of (even) Simpson sub-intervals. */
export interface QuadratureOptions {
  /** Lower integration limit (finite). */
  lower: number;
  /** Upper integration limit (finite, > lower). */
  upper: number;
  /** Number of Simpson sub-intervals (even, ≥ 2). Default 4000. */
  n?: number;
}

/** Validate quadrature options and return them with defaults filled in. */
export function quadratureOptions(fn: string, opts: QuadratureOptions | undefined): Required<QuadratureOptions> {
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: options must be an object with lower and upper (got ${describe(opts)})`);
  assertFiniteNumber(fn, 'lower', opts.lower);
  assertFiniteNumber(fn, 'upper', opts.upper);
  if (!(opts.upper > opts.lower)) throw new RangeError(`${fn}: upper must be > lower (got lower=${opts.lower}, upper=${opts.upper})`);
  const n = opts.n ?? 4000;
  assertInteger(fn, 'n', n, 2);
  if (n % 2 !== 0) throw new RangeError(`${fn}: n must be even for Simpson's rule (got ${n})`);
  return { lower: opts.lower, upper: opts.upper, n };
}

/**
 * ∫_lower^upper f(x) dx by the composite Simpson rule with n sub-intervals (error O(h⁴) for smooth f).
 * Non-finite integrand values are an error (they would otherwise make the result NaN silently).
 */
export function simpson(f: (x: number) => number, opts: QuadratureOptions): number {
  if (typeof f !== 'function') throw new TypeError(`simpson: f must be a function (got ${describe(f)})`);
  const { lower, upper, n } = quadratureOptions('simpson', opts);
  const h = (upper - lower) / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const x = lower + i * h;
    const y = f(x);
    if (typeof y !== 'number' || !Number.isFinite(y)) {
      throw new RangeError(`simpson: f(${x}) must be a finite number (got ${describe(y)})`);
    }
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    s += w * y;
  }
  return (s * h) / 3;
}

/** Evenly spaced grid of `n` points on [lower, upper] (both included), for plots and tabulations. */
export function linspace(lower: number, upper: number, n: number): number[] {
  assertFiniteNumber('linspace', 'lower', lower);
  assertFiniteNumber('linspace', 'upper', upper);
  assertInteger('linspace', 'n', n, 2);
  return Array.from({ length: n }, (_, i) => lower + ((upper - lower) * i) / (n - 1));
}
