/**
 * Plate notation and the Gaussian mixture (source 002 §2.6, L240–264, Figs. 2.6–2.7): the generative process
 * z_i ~ Cat(π), x_i | z_i ~ N(μ_{z_i}, Σ_{z_i}) repeated over the plate i = 1…N, and its marginal density
 * p(x) = Σ_k π_k N(x | μ_k, Σ_k).
 */
import { describe, assertProbabilityVector } from '../core/validate';
import { Rng } from '../core/rng';
import { cholesky, logDetFromCholesky, solveLower } from '../core/linalg';
import { logSumExp } from '../core/special';

export interface Gmm {
  pi: number[];
  means: number[][];
  covs: number[][][];
}

function checkGmm(fn: string, gmm: unknown): { g: Gmm; L: number[][][] } {
  const g = gmm as Gmm;
  if (!g || typeof g !== 'object') throw new TypeError(`${fn}: argument gmm must be {pi, means, covs} (got ${describe(gmm)})`);
  assertProbabilityVector(fn, 'gmm.pi', g.pi);
  const K = g.pi.length;
  if (!Array.isArray(g.means) || g.means.length !== K) throw new RangeError(`${fn}: argument gmm.means must have one mean per component (${K}) (got ${describe(g.means)})`);
  if (!Array.isArray(g.covs) || g.covs.length !== K) throw new RangeError(`${fn}: argument gmm.covs must have one covariance per component (${K}) (got ${describe(g.covs)})`);
  const D = Array.isArray(g.means[0]) ? g.means[0].length : 0;
  if (D < 1) throw new RangeError(`${fn}: argument gmm.means[0] must be a non-empty vector (got ${describe(g.means[0])})`);
  g.means.forEach((m, k) => {
    if (!Array.isArray(m) || m.length !== D || m.some((v) => typeof v !== 'number' || !Number.isFinite(v))) throw new RangeError(`${fn}: argument gmm.means[${k}] must be ${D} finite numbers (got ${describe(m)})`);
  });
  const L = g.covs.map((S, k) => {
    if (!Array.isArray(S) || S.length !== D || S.some((r) => !Array.isArray(r) || r.length !== D)) throw new RangeError(`${fn}: argument gmm.covs[${k}] must be a ${D}×${D} matrix (got ${describe(S)})`);
    return cholesky(S, `gmm.covs[${k}]`);
  });
  return { g, L };
}

/** Ancestral sampling through the plate: z_i ~ Cat(π), then x_i ~ N(μ_{z_i}, Σ_{z_i}) (002 §2.6, Fig. 2.7). */
export function gmmSample(gmm: Gmm, n: number, rng: Rng): { x: number[][]; z: number[] } {
  const fn = 'gmmSample';
  const { g, L } = checkGmm(fn, gmm);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${fn}: argument n must be an integer ≥ 1 (got ${describe(n)})`);
  if (!(rng instanceof Rng)) throw new TypeError(`${fn}: argument rng must be a core.rng(seed) generator (got ${describe(rng)})`);
  const x: number[][] = [];
  const z: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = rng.categorical(g.pi);
    const e = g.means[k].map(() => rng.normal());
    x.push(g.means[k].map((m, r) => m + L[k][r].reduce((s, l, c) => s + l * e[c], 0)));
    z.push(k);
  }
  return { x, z };
}

/** log p(x) = log Σ_k π_k N(x | μ_k, Σ_k), by log-sum-exp over the components (002 §2.6). */
export function gmmLogPdf(gmm: Gmm, x: number[]): number {
  const fn = 'gmmLogPdf';
  const { g, L } = checkGmm(fn, gmm);
  const D = g.means[0].length;
  if (!Array.isArray(x) || x.length !== D || x.some((v) => typeof v !== 'number' || !Number.isFinite(v))) throw new RangeError(`${fn}: argument x must be ${D} finite numbers (got ${describe(x)})`);
  return logSumExp(g.pi.map((p, k) => {
    const u = solveLower(L[k], x.map((v, r) => v - g.means[k][r]));
    return Math.log(p) - 0.5 * (D * Math.log(2 * Math.PI) + logDetFromCholesky(L[k]) + u.reduce((s, v) => s + v * v, 0));
  }));
}
