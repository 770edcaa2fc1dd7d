/**
 * Source 004's end-of-chapter problems on GANs, made computable (Problems 68.1, 68.9, 68.10):
 * - Prob. 68.1: a standard Gaussian mapped to any continuous law by x = F⁻¹(Φ(u)) (probability-integral transform);
 *   for Exp(λ), x = −ln Φ(−u)/λ (oracle 004 O9: u = 0 ↦ ln 2, u = 1 ↦ 1.8410216);
 * - Prob. 68.9: the flipped-label game min_G max_D {E ln(1 − D(h)) + E ln D(G(u))}; with D' = 1 − D it is the original game,
 *   D*(h) = f_ĥ/(f_h + f_ĥ) and the value −ln 4 + 2 JS; the printed max_G min_D replacement is ill-posed (004-E19);
 * - Prob. 68.10: the hinge game max_G min_D {E D(h) + E max(0, 1 − D(G(u)))}; with D ≥ 0 (EBGAN, Zhao, Mathieu & LeCun
 *   2017) the pointwise minimiser is D* = 𝟙{f_ĥ > f_h} and the value ∫min(f_h, f_ĥ) = 1 − TV (oracle 004 O10);
 *   without the constraint the inner minimum is −∞ unless f_ĥ = f_h (004-E20).
 * Densities enter as functions; the integrals are composite Simpson rules (`info.simpson`) on a finite window.
 */
import { assertFiniteNumber, assertPositive, describe } from '../core/validate';
import { normalCdf } from '../core/special';
import { simpson } from '../info/quadrature';

/** Prob. 68.1 for an Exp(rate) target: x = F⁻¹(Φ(u)) = −ln(1 − Φ(u))/rate, computed as −ln Φ(−u)/rate. */
export function inverseCdfExponential(u: number, rate = 1): number {
  assertFiniteNumber('inverseCdfExponential', 'u', u);
  assertPositive('inverseCdfExponential', 'rate', rate);
  return -Math.log(normalCdf(-u)) / rate;
}

function checkDensity(fn: string, arg: string, f: unknown): asserts f is (x: number) => number {
  if (typeof f !== 'function') throw new TypeError(`${fn}: argument ${arg} must be a density function x => f(x) (got ${describe(f)})`);
}

/** Prob. 68.9: the flipped-label game's optimal discriminator D*(h) = f_ĥ(h)/(f_h(h) + f_ĥ(h)) (label 1 = fake). */
export function flippedOptimalDiscriminator(fh: (x: number) => number, fhat: (x: number) => number): (x: number) => number {
  checkDensity('flippedOptimalDiscriminator', 'fh', fh);
  checkDensity('flippedOptimalDiscriminator', 'fhat', fhat);
  return (x) => {
    const a = fh(x);
    const b = fhat(x);
    return a + b > 0 ? b / (a + b) : 0.5;
  };
}

/**
 * The inner objective of a game for a given discriminator D over a window [lo, hi]:
 * 'flipped' (Prob. 68.9, first form) ∫ f_h ln(1 − D) + f_ĥ ln D;  'hinge' (Prob. 68.10) ∫ f_h D + f_ĥ max(0, 1 − D).
 */
export function problemGameValue(kind: 'flipped' | 'hinge', D: (x: number) => number, fh: (x: number) => number, fhat: (x: number) => number, window: [number, number] = [-12, 12], n = 4000): number {
  const fn = 'problemGameValue';
  if (kind !== 'flipped' && kind !== 'hinge') throw new RangeError(`${fn}: kind must be 'flipped' or 'hinge' (got ${describe(kind)})`);
  if (typeof D !== 'function') throw new TypeError(`${fn}: argument D must be a function x => D(x) (got ${describe(D)})`);
  checkDensity(fn, 'fh', fh);
  checkDensity(fn, 'fhat', fhat);
  const g =
    kind === 'flipped'
      ? (x: number) => {
          const d = D(x);
          const a = fh(x);
          const b = fhat(x);
          return (a > 0 ? a * Math.log1p(-d) : 0) + (b > 0 ? b * Math.log(d) : 0);
        }
      : (x: number) => fh(x) * D(x) + fhat(x) * Math.max(0, 1 - D(x));
  return simpson(g, { lower: window[0], upper: window[1], n });
}

/** Prob. 68.10 with D ≥ 0: the pointwise minimiser D*(h) = 𝟙{f_ĥ(h) > f_h(h)}. */
export function hingeOptimalDiscriminator(fh: (x: number) => number, fhat: (x: number) => number): (x: number) => number {
  checkDensity('hingeOptimalDiscriminator', 'fh', fh);
  checkDensity('hingeOptimalDiscriminator', 'fhat', fhat);
  return (x) => (fhat(x) > fh(x) ? 1 : 0);
}

/** Prob. 68.10 closed form for f_h = N(0, 1), f_ĥ = N(m, 1): 1 − TV = 2Φ(−|m|/2) (oracle 004 O10). */
export function hingeValueGaussian(m: number): number {
  assertFiniteNumber('hingeValueGaussian', 'm', m);
  return 2 * normalCdf(-Math.abs(m) / 2);
}
