/**
 * Invertibility of 1-D maps and of the radial flow — source 001 §5 (L264–365): 5.1 the ReLU map a·ReLU(bz + c) is not
 * invertible; 5.2 the sigmoid mixture σ⁻¹(Σ wᵢσ(aᵢz + bᵢ)) is strictly increasing; 5.3 a residual map z + f(z) with f′ > −1 is
 * invertible; 5.4 the radial flow recovers r uniquely when β ≥ −α. Plus a numerical invertibility checker (monotonicity on a
 * grid, bisection inverse, round-trip error).
 */
import { assertFiniteNumber, assertInteger, assertPositive, assertVector, describe } from '../core/validate';
import { logSigmoid, logSumExp } from '../core/special';
import { radialRadius } from './planarRadial';

/** A scalar map with its derivative. */
export interface Map1D {
  name: string;
  g: (z: number) => number;
  dg: (z: number) => number;
}

/** 001 §5.1: g(z) = a·max(0, bz + c) and its (a.e.) derivative. Not invertible: every z with bz + c ≤ 0 maps to 0. */
export function reluMap(a: number, b: number, c: number): Map1D {
  assertFiniteNumber('reluMap', 'a', a);
  assertFiniteNumber('reluMap', 'b', b);
  assertFiniteNumber('reluMap', 'c', c);
  return { name: `${a}·ReLU(${b}z + ${c})`, g: (z) => a * Math.max(0, b * z + c), dg: (z) => (b * z + c > 0 ? a * b : 0) };
}

/**
 * 001 §5.2: g(z) = σ⁻¹(Σᵢ wᵢσ(aᵢz + bᵢ)) with 0 < wᵢ < 1, Σwᵢ = 1, aᵢ > 0 — evaluated in log space:
 * g = log m − log(1 − m) with log m = LSE(log wᵢ + log σ(uᵢ)), log(1 − m) = LSE(log wᵢ + log σ(−uᵢ)), uᵢ = aᵢz + bᵢ.
 * g′(z) = Σ wᵢaᵢσ(uᵢ)σ(−uᵢ) / (m(1 − m)) > 0.
 */
export function sigmoidMixtureMap(w: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>): Map1D {
  assertVector('sigmoidMixtureMap', 'w', w);
  assertVector('sigmoidMixtureMap', 'a', a, w.length);
  assertVector('sigmoidMixtureMap', 'b', b, w.length);
  let s = 0;
  for (let i = 0; i < w.length; i++) {
    if (!(w[i] > 0 && w[i] < 1) && !(w.length === 1 && w[i] === 1)) throw new RangeError(`sigmoidMixtureMap: w[${i}] must be in (0, 1) (001 §5.2) (got ${describe(w[i])})`);
    if (!(a[i] > 0)) throw new RangeError(`sigmoidMixtureMap: a[${i}] must be > 0 (001 §5.2) (got ${describe(a[i])})`);
    s += w[i];
  }
  if (Math.abs(s - 1) > 1e-9) throw new RangeError(`sigmoidMixtureMap: w must sum to 1 (001 §5.2) (sums to ${s})`);
  const W = Array.from(w);
  const A = Array.from(a);
  const B = Array.from(b);
  const logW = W.map(Math.log);
  const g = (z: number) => {
    const u = A.map((ai, i) => ai * z + B[i]);
    return logSumExp(u.map((ui, i) => logW[i] + logSigmoid(ui))) - logSumExp(u.map((ui, i) => logW[i] + logSigmoid(-ui)));
  };
  const dg = (z: number) => {
    const u = A.map((ai, i) => ai * z + B[i]);
    const lm = logSumExp(u.map((ui, i) => logW[i] + logSigmoid(ui)));
    const l1m = logSumExp(u.map((ui, i) => logW[i] + logSigmoid(-ui)));
    const lnum = logSumExp(u.map((ui, i) => logW[i] + Math.log(A[i]) + logSigmoid(ui) + logSigmoid(-ui)));
    return Math.exp(lnum - lm - l1m);
  };
  return { name: 'sigmoid mixture', g, dg };
}

/** 001 §5.3: the residual map g(z) = z + f(z), g′ = 1 + f′. */
export function residualMap(f: (z: number) => number, fPrime: (z: number) => number, name = 'z + f(z)'): Map1D {
  if (typeof f !== 'function') throw new TypeError(`residualMap: f must be a function (got ${describe(f)})`);
  if (typeof fPrime !== 'function') throw new TypeError(`residualMap: fPrime must be a function (got ${describe(fPrime)})`);
  return { name, g: (z) => z + f(z), dg: (z) => 1 + fPrime(z) };
}

/**
 * Solve g(z) = y for an increasing continuous g by bisection, starting from [lo, hi] and doubling the bracket until it contains
 * y (at most 200 doublings). Throws a RangeError naming y when no bracket is found.
 */
export function bisectionInverse(g: (z: number) => number, y: number, lo = -1, hi = 1, tol = 1e-13): number {
  if (typeof g !== 'function') throw new TypeError(`bisectionInverse: g must be a function (got ${describe(g)})`);
  assertFiniteNumber('bisectionInverse', 'y', y);
  assertFiniteNumber('bisectionInverse', 'lo', lo);
  assertFiniteNumber('bisectionInverse', 'hi', hi);
  if (!(hi > lo)) throw new RangeError(`bisectionInverse: hi must be > lo (got lo=${lo}, hi=${hi})`);
  assertPositive('bisectionInverse', 'tol', tol);
  let k = 0;
  while (g(lo) > y && k < 200) {
    lo -= (hi - lo) * 2;
    k++;
  }
  k = 0;
  while (g(hi) < y && k < 200) {
    hi += (hi - lo) * 2;
    k++;
  }
  if (!(g(lo) <= y && g(hi) >= y)) throw new RangeError(`bisectionInverse: could not bracket y = ${y} (is g increasing and onto?)`);
  for (let i = 0; i < 400 && hi - lo > tol * Math.max(1, Math.abs(lo), Math.abs(hi)); i++) {
    const m = (lo + hi) / 2;
    if (g(m) < y) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}

/** What `checkInvertibility1D` reports. */
export interface InvertibilityReport {
  /** Strictly increasing / decreasing on the grid, or 'not monotone'. */
  monotone: 'increasing' | 'decreasing' | 'not monotone';
  /** Smallest and largest difference quotient on the grid. */
  minSlope: number;
  maxSlope: number;
  /** For a map that is not monotone: two different points with the same image (found by bisection on each side of a turn). */
  collision?: { z1: number; z2: number; y: number };
  /** max |g⁻¹(g(zᵢ)) − zᵢ| over the grid, with g⁻¹ by bisection (only when monotone). */
  roundTripError?: number;
  invertible: boolean;
}

/**
 * Numerical invertibility check of a scalar map on [lo, hi] (001 §5): strict monotonicity of g on an n-point grid; for a
 * monotone map, the round-trip error of the bisection inverse; otherwise a collision g(z1) = g(z2), z1 ≠ z2.
 */
export function checkInvertibility1D(g: (z: number) => number, range: [number, number], n = 2001): InvertibilityReport {
  if (typeof g !== 'function') throw new TypeError(`checkInvertibility1D: g must be a function (got ${describe(g)})`);
  if (!Array.isArray(range) || range.length !== 2 || !Number.isFinite(range[0]) || !Number.isFinite(range[1]) || !(range[1] > range[0])) {
    throw new RangeError(`checkInvertibility1D: range must be [lo, hi] with finite lo < hi (got ${describe(range)})`);
  }
  assertInteger('checkInvertibility1D', 'n', n, 3, 1e7);
  const zs = Array.from({ length: n }, (_, i) => range[0] + ((range[1] - range[0]) * i) / (n - 1));
  const ys = zs.map((z) => {
    const y = g(z);
    if (!Number.isFinite(y)) throw new RangeError(`checkInvertibility1D: g(${z}) must be finite (got ${describe(y)})`);
    return y;
  });
  const slopes = ys.slice(1).map((y, i) => (y - ys[i]) / (zs[i + 1] - zs[i]));
  const minSlope = Math.min(...slopes);
  const maxSlope = Math.max(...slopes);
  const inc = ys.every((y, i) => i === 0 || y > ys[i - 1]);
  const dec = ys.every((y, i) => i === 0 || y < ys[i - 1]);
  if (inc || dec) {
    const sign = inc ? 1 : -1;
    const gg = (z: number) => sign * g(z);
    let err = 0;
    for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 200))) {
      const back = bisectionInverse(gg, sign * ys[i], range[0], range[1]);
      err = Math.max(err, Math.abs(back - zs[i]));
    }
    return { monotone: inc ? 'increasing' : 'decreasing', minSlope, maxSlope, roundTripError: err, invertible: true };
  }
  // Find a collision: a flat step, or a turn (local extremum) with a level crossed on both sides.
  let collision: InvertibilityReport['collision'];
  for (let i = 0; i + 1 < n && !collision; i++) if (ys[i + 1] === ys[i]) collision = { z1: zs[i], z2: zs[i + 1], y: ys[i] };
  for (let k = 1; k + 1 < n && !collision; k++) {
    const up = ys[k] > ys[k - 1] && ys[k] > ys[k + 1];
    const down = ys[k] < ys[k - 1] && ys[k] < ys[k + 1];
    if (!up && !down) continue;
    const y = up ? Math.max(ys[k - 1], ys[k + 1]) : Math.min(ys[k - 1], ys[k + 1]);
    const solve = (a: number, b: number) => {
      let lo = a;
      let hi = b;
      const fa = g(lo) - y;
      for (let it = 0; it < 200; it++) {
        const m = (lo + hi) / 2;
        if ((g(m) - y) * fa > 0) lo = m;
        else hi = m;
      }
      return (lo + hi) / 2;
    };
    const z1 = ys[k - 1] === y ? zs[k - 1] : solve(zs[k - 1], zs[k]);
    const z2 = ys[k + 1] === y ? zs[k + 1] : solve(zs[k], zs[k + 1]);
    collision = { z1, z2, y };
  }
  return { monotone: 'not monotone', minSlope, maxSlope, collision, invertible: false };
}

/** What `radialInvertibility` reports for given α, β (001 §5.4 and erratum 001-E51). */
export interface RadialInvertibility {
  alpha: number;
  beta: number;
  /** The source's sufficient condition (Steps 5.4(a)): the factor 1 + β/(α + r) is ≥ 0 for every r ≥ 0 ⇔ β ≥ −α. */
  sourceCondition: boolean;
  /** min over r ≥ 0 of ρ′(r) = 1 + αβ/(α + r)² (attained at r = 0 when β < 0): 1 + β/α. */
  minDerivative: number;
  /** ρ(r) = |r(1 + β/(α + r))| strictly increasing on [0, ∞) — the condition uniqueness needs. */
  strictlyIncreasing: boolean;
  /** For β < −α: two radii with the same ρ (r = 0 and r = −(α + β) both give ρ = 0), so g(z₀) = g(z₀ + r₂e) = z₀. */
  counterExample?: { r1: number; r2: number; rho: number };
}

/**
 * Invertibility of the radial flow (001 §5.4): r ↦ ρ(r) = |r(1 + β/(α + r))| must be strictly increasing on r ≥ 0.
 * Its derivative (where the factor is ≥ 0) is 1 + αβ/(α + r)², whose minimum 1 + β/α is ≥ 0 iff β ≥ −α; at β = −α it vanishes
 * only at r = 0, so the map is still strictly increasing (AUDIT-NOTES, 001 Section 5).
 */
export function radialInvertibility(alpha: number, beta: number): RadialInvertibility {
  assertPositive('radialInvertibility', 'alpha', alpha);
  assertFiniteNumber('radialInvertibility', 'beta', beta);
  const sourceCondition = beta >= -alpha;
  const minDerivative = beta < 0 ? 1 + beta / alpha : 1;
  const out: RadialInvertibility = { alpha, beta, sourceCondition, minDerivative, strictlyIncreasing: beta >= -alpha };
  if (beta < -alpha) {
    const r2 = -(alpha + beta);
    out.counterExample = { r1: 0, r2, rho: radialRadius({ alpha, beta }, r2).rho };
  }
  return out;
}

