/**
 * Exact (deterministic) IWAE quantities for a model with a scalar latent z, by quadrature — the route that lets the
 * course check every Monte Carlo number of the topic:
 *
 *  - L_K exactly, for any K. With w = p(x,z)/q(z|x), c = E_q[w] = p(x) and w' = w/c, Frullani's integral
 *    log s = ∫_0^∞ (e^{−t} − e^{−ts}) / t dt  gives
 *        L_K = log c − log K + ∫_0^∞ (e^{−t} − φ(t)^K) / t dt,    φ(t) = E_q[e^{−t w'}]   (a 1-D integral for each t).
 *  - the implicit density of the refined proposal (001 §4, question 2(a); Cremer, Morris & Duvenaud 2017, Eq. (5)):
 *        q_K(z|x) = E_{z_2..K}[ q̃(z|x, z_2..K) ] = K q(z) w'(z) E[ 1 / (w'(z) + S_{K−1}) ],   S_{K−1} = Σ_{j≥2} w'_j,
 *    and 1/y = ∫_0^∞ e^{−ty} dt gives  E[1/(w'(z) + S_{K−1})] = ∫_0^∞ e^{−t w'(z)} φ(t)^{K−1} dt;
 *  - ∫ q_K dz (= 1, question 2(a)) and L_1[q_K] = ∫ q_K log(p(x,z)/q_K) dz (≥ L_K, question 2(b)) on the z grid;
 *  - the ELBO of the unnormalised q̃ for given z_2..K (question 1): L_1[q̃] = ∫ q̃ log(p/q̃) dz.
 * The t-integrals are done in u = log t (Simpson, `info.simpson`), the z-integrals by Simpson on a fixed grid.
 * These identities are an extension of the course (the Laplace-transform route is ours, the results are the source's).
 */
import { assertFiniteNumber, assertInteger, assertVector, describe } from '../core/validate';
import { logSumExp } from '../core/special';
import { simpson } from '../info/quadrature';
import { checkK } from './bound';

/** A 1-D latent problem: log p(x, z) and log q(z|x) as functions of the scalar z, and the z-range that holds q's mass. */
export interface Problem1d {
  logJoint: (z: number) => number;
  logQ: (z: number) => number;
  /** z-range of the quadrature: must hold essentially all of q's mass and of the posterior's. */
  lower: number;
  upper: number;
}

/** Quadrature resolution. */
export interface Iwae1dOptions {
  /** Simpson sub-intervals on the z grid (even; default 4000). */
  nz?: number;
  /** u = log t range and sub-intervals (defaults −30, 60, 3000). */
  uLower?: number;
  uUpper?: number;
  nu?: number;
}

/** Integral of tabulated values on an even Simpson grid (reuses info.simpson by looking the grid values up). */
function gridIntegral(values: ArrayLike<number>, lower: number, upper: number): number {
  const n = values.length - 1;
  const h = (upper - lower) / n;
  return simpson((x) => values[Math.min(n, Math.max(0, Math.round((x - lower) / h)))], { lower, upper, n });
}

/**
 * Exact IWAE quantities for a scalar-latent problem (see the module comment). Construct once per (model, x, q); the
 * tables of q, w and φ are computed in the constructor (≈ 10⁷ exponentials, a fraction of a second).
 */
export class Iwae1d {
  readonly problem: Problem1d;
  /** z grid */
  readonly z: number[];
  /** log q(z_i) */
  readonly logQ: number[];
  /** log w'(z_i) = log p(x,z_i) − log q(z_i) − log c */
  readonly logWn: number[];
  /** log c = log ∫ p(x, z) dz = log p(x) (by quadrature) */
  readonly logEvidence: number;
  /** log c = log E_q[w] over the grid (q normalised on the grid); w' = w / c */
  private readonly logC: number;
  private readonly u: number[];
  private readonly logPhi: number[];
  private readonly uLower: number;
  private readonly uUpper: number;
  /** e^{u_k} and log of the Simpson weights of the u grid (the fast path of q_K; checked against info.simpson in tests) */
  private readonly eu: number[];
  private readonly logUw: number[];
  private readonly baseCache = new Map<number, Float64Array>();

  constructor(problem: Problem1d, opts: Iwae1dOptions = {}) {
    const fn = 'Iwae1d';
    if (!problem || typeof problem !== 'object') throw new TypeError(`${fn}: problem must be { logJoint, logQ, lower, upper } (got ${describe(problem)})`);
    for (const k of ['logJoint', 'logQ'] as const) if (typeof problem[k] !== 'function') throw new TypeError(`${fn}: problem.${k} must be a function (got ${describe(problem[k])})`);
    assertFiniteNumber(fn, 'problem.lower', problem.lower);
    assertFiniteNumber(fn, 'problem.upper', problem.upper);
    if (!(problem.upper > problem.lower)) throw new RangeError(`${fn}: problem.upper must be > problem.lower (got ${problem.lower}, ${problem.upper})`);
    const nz = opts.nz ?? 4000;
    assertInteger(fn, 'opts.nz', nz, 2, 1_000_000);
    if (nz % 2) throw new RangeError(`${fn}: opts.nz must be even (got ${nz})`);
    const nu = opts.nu ?? 3000;
    assertInteger(fn, 'opts.nu', nu, 2, 1_000_000);
    if (nu % 2) throw new RangeError(`${fn}: opts.nu must be even (got ${nu})`);
    this.uLower = opts.uLower ?? -30;
    this.uUpper = opts.uUpper ?? 60;
    assertFiniteNumber(fn, 'opts.uLower', this.uLower);
    assertFiniteNumber(fn, 'opts.uUpper', this.uUpper);
    if (!(this.uUpper > this.uLower)) throw new RangeError(`${fn}: opts.uUpper must be > opts.uLower (got ${this.uLower}, ${this.uUpper})`);
    this.problem = problem;
    const h = (problem.upper - problem.lower) / nz;
    this.z = Array.from({ length: nz + 1 }, (_, i) => problem.lower + i * h);
    const logJ = this.z.map((z, i) => {
      const v = problem.logJoint(z);
      if (typeof v !== 'number' || Number.isNaN(v) || v === Infinity) throw new RangeError(`${fn}: logJoint(${z}) must be a number < +∞ (got ${describe(v)}) [grid point ${i}]`);
      return v;
    });
    this.logQ = this.z.map((z) => {
      const v = problem.logQ(z);
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${fn}: logQ(${z}) must be finite on [lower, upper] (got ${describe(v)})`);
      return v;
    });
    // Simpson weights of the z grid (normalised so that Σ a_i = 1: q's mass on the grid; then E[w'] = 1 exactly)
    const sw = this.z.map((_, i) => (i === 0 || i === nz ? 1 : i % 2 ? 4 : 2) * (h / 3));
    const logA = this.logQ.map((lq, i) => lq + Math.log(sw[i]));
    const logMass = logSumExp(logA);
    const logAn = logA.map((v) => v - logMass);
    const logW = logJ.map((lj, i) => lj - this.logQ[i]);
    const logC = logSumExp(logAn.map((la, i) => la + logW[i]));
    this.logC = logC;
    this.logEvidence = logC + logMass; // ∫ p(x,z) dz over the grid = mass·E_q[w]
    this.logWn = logW.map((v) => v - logC);
    const wn = this.logWn.map(Math.exp);
    const du = (this.uUpper - this.uLower) / nu;
    this.u = Array.from({ length: nu + 1 }, (_, k) => this.uLower + k * du);
    this.eu = this.u.map(Math.exp);
    this.logUw = this.u.map((_, k) => Math.log((k === 0 || k === nu ? 1 : k % 2 ? 4 : 2) * (du / 3)));
    const a = logAn.map(Math.exp);
    this.logPhi = this.u.map((u) => {
      const t = Math.exp(u);
      let s = 0;
      for (let i = 0; i < a.length; i++) s += a[i] * Math.exp(-t * wn[i]);
      return Math.log(s);
    });
  }

  /** φ(t) = E_q[exp(−t w'(z))] on the u = log t grid (for plots and checks). */
  laplace(): { u: number[]; phi: number[] } {
    return { u: [...this.u], phi: this.logPhi.map(Math.exp) };
  }

  /**
   * E[ 1 / (a + Σ_{j=1}^m w'_j) ] for z_1..z_m ~ q, with w' = w / p(x) (weights in units of the evidence):
   * ∫_0^∞ e^{−ta} φ(t)^m dt (the identity 1/y = ∫ e^{−ty} dt). Used by q_K and by the source-form check of erratum 001-E43.
   */
  meanInverseShifted(a: number, m: number): number {
    const fn = 'Iwae1d.meanInverseShifted';
    assertFiniteNumber(fn, 'a', a);
    if (!(a > 0)) throw new RangeError(`${fn}: a must be > 0 (got ${describe(a)})`);
    assertInteger(fn, 'm', m, 0, 1_000_000);
    const f = this.u.map((u, k) => Math.exp(u - Math.exp(u) * a + m * this.logPhi[k]));
    return gridIntegral(f, this.uLower, this.uUpper);
  }

  /** ∫ f(z) dz by Simpson on this problem's z grid (f evaluated at the grid points). */
  integrate(f: (z: number) => number): number {
    if (typeof f !== 'function') throw new TypeError(`Iwae1d.integrate: f must be a function (got ${describe(f)})`);
    return simpson(f, { lower: this.problem.lower, upper: this.problem.upper, n: this.z.length - 1 });
  }

  /** L_K exactly (Frullani): log p(x) − log K + ∫ (e^{−t} − φ(t)^K) d(log t). K = 1 gives the ELBO. */
  bound(K: number): number {
    checkK('Iwae1d.bound', K);
    const f = this.u.map((u, k) => Math.exp(-Math.exp(u)) - Math.exp(K * this.logPhi[k]));
    return this.logC - Math.log(K) + gridIntegral(f, this.uLower, this.uUpper);
  }

  /** log q_K(z|x) at one z (K = 1: log q). */
  logImplicitDensity(z: number, K: number): number {
    assertFiniteNumber('Iwae1d.logImplicitDensity', 'z', z);
    checkK('Iwae1d.logImplicitDensity', K);
    const lq = this.problem.logQ(z);
    if (K === 1) return lq;
    const lw = this.problem.logJoint(z) - lq - this.logC;
    return this.logImplicitFrom(lq, lw, K);
  }

  private logImplicitFrom(lq: number, lw: number, K: number): number {
    // log ∫ e^{u} e^{−e^u w'} φ(e^u)^{K−1} du as a weighted sum on the u grid (Simpson weights), in log space
    let base = this.baseCache.get(K);
    if (!base) {
      base = Float64Array.from(this.u, (u, k) => u + this.logUw[k] + (K - 1) * this.logPhi[k]);
      this.baseCache.set(K, base);
    }
    const wn = Math.exp(lw);
    let m = -Infinity;
    for (let k = 0; k < base.length; k++) {
      const v = base[k] - this.eu[k] * wn;
      if (v > m) m = v;
    }
    let s = 0;
    for (let k = 0; k < base.length; k++) s += Math.exp(base[k] - this.eu[k] * wn - m);
    return Math.log(K) + lq + lw + m + Math.log(s);
  }

  /** q_K on the z grid (or on given points): the density of the refined proposal (001 §4 question 2(a)). */
  implicitDensity(K: number, zs?: ArrayLike<number>): { z: number[]; density: number[] } {
    checkK('Iwae1d.implicitDensity', K);
    if (zs === undefined) {
      return { z: [...this.z], density: this.z.map((_, i) => Math.exp(K === 1 ? this.logQ[i] : this.logImplicitFrom(this.logQ[i], this.logWn[i], K))) };
    }
    assertVector('Iwae1d.implicitDensity', 'zs', zs);
    const zz = Array.from(zs);
    return { z: zz, density: zz.map((z) => Math.exp(this.logImplicitDensity(z, K))) };
  }

  /** ∫ q_K(z|x) dz on the grid (001 §4 question 2(a): = 1). */
  implicitMass(K: number): number {
    const { density } = this.implicitDensity(K);
    return gridIntegral(density, this.problem.lower, this.problem.upper);
  }

  /** L_1[q_K] = ∫ q_K log(p(x,z)/q_K) dz (001 §4 question 2(b): ≥ L_K; Cremer et al. 2017 §3). */
  implicitElbo(K: number): number {
    checkK('Iwae1d.implicitElbo', K);
    const logC = this.logC;
    const f = this.z.map((_, i) => {
      const lqk = K === 1 ? this.logQ[i] : this.logImplicitFrom(this.logQ[i], this.logWn[i], K);
      const lp = this.logQ[i] + this.logWn[i] + logC;
      const d = Math.exp(lqk);
      return d === 0 ? 0 : d * (lp - lqk);
    });
    return gridIntegral(f, this.problem.lower, this.problem.upper);
  }

  /**
   * For fixed z_2..z_K: the unnormalised refined density q̃(z | x, z_2..K) = p(x,z) / ((1/K)(w(z) + Σ_{j≥2} w(z_j)))
   * on the grid, its mass ∫ q̃ and its ELBO L_1[q̃] = ∫ q̃ log(p/q̃) dz (001 §4, the definition and question 1).
   */
  refined(others: ArrayLike<number>): { z: number[]; density: number[]; mass: number; elbo: number } {
    if (!Array.isArray(others) || others.length > 0) assertVector('Iwae1d.refined', 'others', others); // [] is K = 1 (q̃ = q)
    const K = others.length + 1;
    const logC = this.logC;
    let s = 0;
    for (let j = 0; j < others.length; j++) {
      const zj = others[j];
      s += Math.exp(this.problem.logJoint(zj) - this.problem.logQ(zj) - logC);
    }
    const density: number[] = [];
    const integrand: number[] = [];
    this.z.forEach((_, i) => {
      const wn = Math.exp(this.logWn[i]);
      const logMeanW = Math.log((wn + s) / K); // log of (1/K)(w'(z) + Σ w'_j)
      const d = Math.exp(this.logQ[i] + this.logWn[i] - logMeanW);
      density.push(d);
      integrand.push(d * (logC + logMeanW));
    });
    return {
      z: [...this.z],
      density,
      mass: gridIntegral(density, this.problem.lower, this.problem.upper),
      elbo: gridIntegral(integrand, this.problem.lower, this.problem.upper),
    };
  }
}
