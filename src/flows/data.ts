/**
 * 2-D toy data sets for the flow notebooks (two moons, a ring of Gaussians, a Gaussian sample), seeded.
 * (The issue names `src/data/` for these; that folder does not exist yet, so they live here until the lead moves them.)
 */
import { assertInteger, assertNonNegative, assertPositive, describe } from '../core/validate';
import type { Rng } from '../core/rng';
import { mvnLogPdf } from '../core/gaussian';

function checkRng(fn: string, rng: unknown): asserts rng is Rng {
  if (!rng || typeof (rng as Rng).normal !== 'function') throw new TypeError(`${fn}: rng must be a seeded generator from core.rng(seed) (got ${describe(rng)})`);
}

/** Two interleaved half circles (the "two moons" of scikit-learn's make_moons), with Gaussian noise of s.d. `noise`. */
export function twoMoons(n: number, rng: Rng, noise = 0.08): number[][] {
  assertInteger('twoMoons', 'n', n, 2, 1e7);
  checkRng('twoMoons', rng);
  assertNonNegative('twoMoons', 'noise', noise);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const th = Math.PI * rng.uniform();
    const p = i % 2 === 0 ? [Math.cos(th), Math.sin(th)] : [1 - Math.cos(th), 0.5 - Math.sin(th)];
    out.push([p[0] + noise * rng.normal() - 0.5, p[1] + noise * rng.normal() - 0.25]);
  }
  return out;
}

/** A ring of k Gaussians of s.d. `sd` centred on the circle of radius `radius` (equal weights). */
export function ringOfGaussians(n: number, rng: Rng, opts: { k?: number; radius?: number; sd?: number } = {}): number[][] {
  assertInteger('ringOfGaussians', 'n', n, 1, 1e7);
  checkRng('ringOfGaussians', rng);
  const k = opts.k ?? 8;
  const radius = opts.radius ?? 2;
  const sd = opts.sd ?? 0.2;
  assertInteger('ringOfGaussians', 'opts.k', k, 1, 1000);
  assertPositive('ringOfGaussians', 'opts.radius', radius);
  assertPositive('ringOfGaussians', 'opts.sd', sd);
  return Array.from({ length: n }, () => {
    const c = rng.integer(k);
    const a = (2 * Math.PI * c) / k;
    return [radius * Math.cos(a) + sd * rng.normal(), radius * Math.sin(a) + sd * rng.normal()];
  });
}

/**
 * The baseline a flow must beat: the mean log-likelihood of 2-D data under its own maximum-likelihood Gaussian (sample mean,
 * covariance with divisor N) — the best a single affine flow x = Au + b can do.
 */
export function gaussianBaselineLogLik(points: number[][]): number {
  if (!Array.isArray(points) || points.length < 3) throw new RangeError(`gaussianBaselineLogLik: points must be an array of at least 3 points (got ${describe(points)})`);
  const d = points[0]?.length;
  points.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== d || !p.every(Number.isFinite)) throw new RangeError(`gaussianBaselineLogLik: points[${i}] must be ${d} finite numbers (got ${describe(p)})`);
  });
  const N = points.length;
  const mu = Array.from({ length: d }, (_, j) => points.reduce((s, p) => s + p[j], 0) / N);
  const S = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => points.reduce((s, p) => s + (p[a] - mu[a]) * (p[b] - mu[b]), 0) / N));
  return points.reduce((s, p) => s + mvnLogPdf(p, mu, S), 0) / N;
}
