/**
 * RealNVP affine coupling layers in float64 (source 000 §2.h, (2.8)–(2.10), L520–554; 002 inventory NF1): the layer, its
 * inverse, its log-determinant −Σⱼ s_j(x₁) (the exact form of (2.10), erratum 000-E23), the log-likelihood in the source form
 * (+(n/2)log2π, erratum 000-E24) and the exact form, and a coupling layer with affine s and t whose log-likelihood gradient is
 * derived by hand. Neural s and t trained with tfjs are in `realnvpTf.ts`.
 *
 * Masks: mask[i] = 1 marks the conditioning half x₁ (passed through unchanged), mask[i] = 0 the transformed half x₂. The source
 * splits z into (z₁; z₂) once; layers must alternate their masks or x₁ is never transformed (erratum 000-E22).
 */
import { assertVector, describe } from '../core/validate';
import { matvec } from '../core/linalg';
import type { Matrix } from '../core/linalg';
import { assertMatrix } from '../core/validate';
import { Flow, makeFlow, LOG_2PI } from './flow';

/** Validate a 0/1 mask with at least one entry of each kind. */
export function assertMask(fn: string, mask: unknown, dim?: number): asserts mask is number[] {
  assertVector(fn, 'mask', mask, dim);
  const m = mask as number[];
  m.forEach((v, i) => {
    if (v !== 0 && v !== 1) throw new RangeError(`${fn}: mask[${i}] must be 0 or 1 (got ${describe(v)})`);
  });
  if (!m.includes(0) || !m.includes(1)) throw new RangeError(`${fn}: mask must contain both 0s (transformed) and 1s (conditioning) (got ${describe(m)})`);
}

/** Split x into (x₁, x₂) by the mask. */
export function splitByMask(mask: number[], x: ArrayLike<number>): { x1: number[]; x2: number[] } {
  const x1: number[] = [];
  const x2: number[] = [];
  for (let i = 0; i < mask.length; i++) (mask[i] ? x1 : x2).push(x[i]);
  return { x1, x2 };
}

/** Merge (x₁, x₂) back by the mask. */
export function mergeByMask(mask: number[], x1: number[], x2: number[]): number[] {
  let a = 0;
  let b = 0;
  return mask.map((m) => (m ? x1[a++] : x2[b++]));
}

/** Alternating masks for K layers of dimension n: [1,0,1,0,…], then its complement, … (fixes erratum 000-E22). */
export function alternatingMasks(n: number, K: number): number[][] {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`alternatingMasks: n must be an integer >= 2 (got ${describe(n)})`);
  if (!Number.isInteger(K) || K < 1) throw new RangeError(`alternatingMasks: K must be an integer >= 1 (got ${describe(K)})`);
  return Array.from({ length: K }, (_, k) => Array.from({ length: n }, (_, i) => ((i + k) % 2 === 0 ? 1 : 0)));
}

/**
 * RealNVP affine coupling layer (000 (2.8)): x₁ = z₁, x₂ = z₂ ⊙ exp(s(z₁)) + t(z₁); inverse (2.9): z₂ = (x₂ − t(x₁)) ⊙ exp(−s(x₁));
 * log|det ∇f⁻¹(x)| = −Σⱼ sⱼ(x₁) (the exact reading of (2.10)).
 */
export function couplingLayer(mask: number[], s: (x1: number[]) => number[], t: (x1: number[]) => number[], name = 'coupling'): Flow {
  assertMask('couplingLayer', mask);
  if (typeof s !== 'function') throw new TypeError(`couplingLayer: s must be a function of x₁ (got ${describe(s)})`);
  if (typeof t !== 'function') throw new TypeError(`couplingLayer: t must be a function of x₁ (got ${describe(t)})`);
  const m = mask.slice();
  const n2 = m.filter((v) => v === 0).length;
  const st = (x1: number[]) => {
    const sv = s(x1);
    const tv = t(x1);
    if (!sv || sv.length !== n2) throw new RangeError(`${name}: s(x₁) must have length ${n2} (the transformed half) (got ${describe(sv)})`);
    if (!tv || tv.length !== n2) throw new RangeError(`${name}: t(x₁) must have length ${n2} (got ${describe(tv)})`);
    return { sv, tv };
  };
  return makeFlow({
    name,
    dim: m.length,
    forward: (z) => {
      const { x1: z1, x2: z2 } = splitByMask(m, z);
      const { sv, tv } = st(z1);
      return mergeByMask(m, z1, z2.map((v, j) => v * Math.exp(sv[j]) + tv[j]));
    },
    inverse: (x) => {
      const { x1, x2 } = splitByMask(m, x);
      const { sv, tv } = st(x1);
      return mergeByMask(m, x1, x2.map((v, j) => (v - tv[j]) * Math.exp(-sv[j])));
    },
    logDetForward: (z) => st(splitByMask(m, z).x1).sv.reduce((a, b) => a + b, 0),
    logDetInverse: (x) => -st(splitByMask(m, x).x1).sv.reduce((a, b) => a + b, 0),
    parameters: () => ({ mask: m.slice() }),
  });
}

/**
 * The RealNVP log-likelihood from ‖g⁻¹(x)‖² and Σ_k Σ_j s_{k,j}: EXACT −(n/2)log2π − ½‖z‖² − Σs, and the SOURCE's second and
 * third lines of the display below (2.10) (L548), +(n/2)log2π − ½‖z‖² − Σs (erratum 000-E24; oracle 000 O-14).
 */
export function realNvpLogLikForms(n: number, zNormSq: number, sSum: number): { exact: number; source: number } {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`realNvpLogLikForms: n must be an integer >= 1 (got ${describe(n)})`);
  if (!Number.isFinite(zNormSq) || zNormSq < 0) throw new RangeError(`realNvpLogLikForms: zNormSq must be a finite number >= 0 (got ${describe(zNormSq)})`);
  if (!Number.isFinite(sSum)) throw new RangeError(`realNvpLogLikForms: sSum must be finite (got ${describe(sSum)})`);
  return { exact: -0.5 * n * LOG_2PI - 0.5 * zNormSq - sSum, source: 0.5 * n * LOG_2PI - 0.5 * zNormSq - sSum };
}

/** Parameters of a coupling layer with affine s and t: s(x₁) = W_s x₁ + b_s, t(x₁) = W_t x₁ + b_t (W: (n−d)×d). */
export interface LinearCouplingParams {
  Ws: Matrix;
  bs: number[];
  Wt: Matrix;
  bt: number[];
}

function checkLinearCoupling(fn: string, mask: number[], p: LinearCouplingParams): { d: number; m: number } {
  assertMask(fn, mask);
  const d = mask.filter((v) => v === 1).length;
  const m = mask.length - d;
  if (!p || typeof p !== 'object') throw new TypeError(`${fn}: params must be {Ws, bs, Wt, bt} (got ${describe(p)})`);
  assertMatrix(fn, 'Ws', p.Ws, m, d);
  assertMatrix(fn, 'Wt', p.Wt, m, d);
  assertVector(fn, 'bs', p.bs, m);
  assertVector(fn, 'bt', p.bt, m);
  return { d, m };
}

/** A coupling layer with affine s and t (a linear RealNVP layer, for hand-derived gradients). */
export function linearCouplingLayer(mask: number[], p: LinearCouplingParams): Flow {
  checkLinearCoupling('linearCouplingLayer', mask, p);
  const q = { Ws: p.Ws.map((r) => r.slice()), bs: p.bs.slice(), Wt: p.Wt.map((r) => r.slice()), bt: p.bt.slice() };
  const f = couplingLayer(mask, (x1) => matvec(q.Ws, x1).map((v, j) => v + q.bs[j]), (x1) => matvec(q.Wt, x1).map((v, j) => v + q.bt[j]), 'linear coupling');
  return { ...f, parameters: () => ({ mask: mask.slice(), Ws: q.Ws.map((r) => r.slice()), bs: q.bs.slice(), Wt: q.Wt.map((r) => r.slice()), bt: q.bt.slice() }) };
}

/**
 * Hand-derived gradient of log P(x) for ONE coupling layer with affine s, t over a standard-normal base:
 * log P = −(n/2)log2π − ½‖x₁‖² − ½‖z₂‖² − Σⱼ sⱼ, z₂ = (x₂ − t) ⊙ e^{−s}. Then ∂/∂tⱼ = z₂ⱼ e^{−sⱼ} and ∂/∂sⱼ = z₂ⱼ² − 1 (the same
 * (z² − 1) structure as the exact scalar-flow gradient), and by the chain rule ∂/∂b_t = ∂/∂t, ∂/∂W_t = (∂/∂t) x₁ᵀ,
 * ∂/∂b_s = ∂/∂s, ∂/∂W_s = (∂/∂s) x₁ᵀ.
 */
export function linearCouplingGrad(mask: number[], p: LinearCouplingParams, x: ArrayLike<number>): { logP: number } & LinearCouplingParams {
  checkLinearCoupling('linearCouplingGrad', mask, p);
  assertVector('linearCouplingGrad', 'x', x, mask.length);
  const { x1, x2 } = splitByMask(mask, x);
  const s = matvec(p.Ws, x1).map((v, j) => v + p.bs[j]);
  const t = matvec(p.Wt, x1).map((v, j) => v + p.bt[j]);
  const z2 = x2.map((v, j) => (v - t[j]) * Math.exp(-s[j]));
  const gt = z2.map((v, j) => v * Math.exp(-s[j]));
  const gs = z2.map((v) => v * v - 1);
  const sq = x1.reduce((a, v) => a + v * v, 0) + z2.reduce((a, v) => a + v * v, 0);
  return {
    logP: -0.5 * mask.length * LOG_2PI - 0.5 * sq - s.reduce((a, b) => a + b, 0),
    bt: gt,
    Wt: gt.map((g) => x1.map((v) => g * v)),
    bs: gs,
    Ws: gs.map((g) => x1.map((v) => g * v)),
  };
}
