/**
 * Mode collapse made measurable: the ring of Gaussians of the GAN literature (Metz, Poole, Pfau & Sohl-Dickstein 2017,
 * "Unrolled GANs", §3.1; Srivastava et al. 2017, VEEGAN) — an extension: source 004 only says that mode collapse "is
 * apparent" in Fig. 68.20 (Example 68.6). Two scores:
 * - modes covered: a mode counts as covered when at least `minFraction` of its fair share n/K of the samples lies within
 *   k·σ of its centre (Metz et al. count modes with high-quality samples; the fraction threshold is our convention);
 * - quality: the fraction of samples within k·σ of some centre ("high-quality samples", k = 3 as in Metz et al.).
 */
import { assertInteger, assertPositive, describe } from '../core/validate';
import { Rng } from '../core/rng';

/** Options of the ring. */
export interface RingOptions {
  /** Number of modes K. Default 8. */
  modes?: number;
  /** Ring radius. Default 2 (Metz et al.). */
  radius?: number;
  /** Standard deviation of each component. Default 0.05 (Metz et al. use 0.02). */
  sd?: number;
}

function ringOpts(fn: string, o: RingOptions): Required<RingOptions> {
  if (!o || typeof o !== 'object') throw new TypeError(`${fn}: options must be an object (got ${describe(o)})`);
  const modes = o.modes ?? 8;
  const radius = o.radius ?? 2;
  const sd = o.sd ?? 0.05;
  assertInteger(fn, 'modes', modes, 1, 1000);
  assertPositive(fn, 'radius', radius);
  assertPositive(fn, 'sd', sd);
  return { modes, radius, sd };
}

/** Centres (r cos 2πk/K, r sin 2πk/K), k = 0…K−1. */
export function ringCenters(opts: RingOptions = {}): number[][] {
  const { modes, radius } = ringOpts('ringCenters', opts);
  return Array.from({ length: modes }, (_, k) => [radius * Math.cos((2 * Math.PI * k) / modes), radius * Math.sin((2 * Math.PI * k) / modes)]);
}

/** n samples from the equal-weight mixture of K isotropic Gaussians on the ring. */
export function sampleRing(n: number, rng: Rng, opts: RingOptions = {}): number[][] {
  assertInteger('sampleRing', 'n', n, 1, 1e7);
  if (!rng || typeof (rng as Rng).normal !== 'function') throw new TypeError(`sampleRing: argument rng must be a core.rng generator (got ${describe(rng)})`);
  const o = ringOpts('sampleRing', opts);
  const c = ringCenters(o);
  return Array.from({ length: n }, () => {
    const k = rng.integer(o.modes);
    return [c[k][0] + rng.normal(0, o.sd), c[k][1] + rng.normal(0, o.sd)];
  });
}

/** The two scores of a sample set. */
export interface ModeCoverage {
  /** Number of modes covered. */
  covered: number;
  /** Samples within k·σ of each centre. */
  counts: number[];
  /** Fraction of samples within k·σ of some centre. */
  quality: number;
}

/** Modes covered and quality (see the module comment); k defaults to 3, minFraction to 0.1. */
export function ringModeCoverage(samples: number[][], opts: RingOptions & { k?: number; minFraction?: number } = {}): ModeCoverage {
  const fn = 'ringModeCoverage';
  if (!Array.isArray(samples) || samples.length === 0) throw new TypeError(`${fn}: argument samples must be a non-empty array of 2-D points (got ${describe(samples)})`);
  const o = ringOpts(fn, opts);
  const k = opts.k ?? 3;
  const minFraction = opts.minFraction ?? 0.1;
  assertPositive(fn, 'k', k);
  assertPositive(fn, 'minFraction', minFraction);
  const c = ringCenters(o);
  const counts = new Array(o.modes).fill(0);
  let good = 0;
  const r2 = (k * o.sd) ** 2;
  samples.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw new RangeError(`${fn}: samples[${i}] must be a finite 2-D point (got ${describe(p)})`);
    let best = -1;
    let bd = Infinity;
    c.forEach((ci, j) => {
      const d = (p[0] - ci[0]) ** 2 + (p[1] - ci[1]) ** 2;
      if (d < bd) {
        bd = d;
        best = j;
      }
    });
    if (bd <= r2) {
      counts[best]++;
      good++;
    }
  });
  const need = (minFraction * samples.length) / o.modes;
  return { covered: counts.filter((m) => m >= need && m > 0).length, counts, quality: good / samples.length };
}
