/**
 * Flow gradients of source 000 §2.d–2.g (L332–518): the log-likelihood gradient (2.3), the element-wise "fine-tuned" gradients
 * (2.4) and their finite-flow copy (2.7) — each in the SOURCE form (wrong: errata 000-E12, E13, E15, E16, E20) and the EXACT
 * form — the SGD / epoch training of the algorithm boxes (L431–445, L502–518), and the finite-flow log-det bookkeeping
 * (000-E19, E21).
 *
 * Notation (000): x = a(Φz + δ) with a = σ, so a⁻¹ = logit and (a⁻¹)′(x) = 1/(x(1−x)); sᵢ = a⁻¹(xᵢ)(a⁻¹)′(xᵢ) is the
 * product that the source's formulas are built from.
 */
import { assertFiniteNumber, assertInteger, assertPositive, assertSquareMatrix, assertVector, describe } from '../core/validate';
import { inverse, matvec } from '../core/linalg';
import type { Matrix } from '../core/linalg';
import { logit, mean } from '../core/special';
import { normalLogPdf } from '../core/gaussian';
import { assertLayerParams, affineSigmoidFlow, inverseTranspose, logitChecked, logitPrime } from './layers';
import { flowLogProb } from './flow';

// ------------------------------------------------------------------------------------------------------------------ (2.3)

/**
 * EXACT per-parameter gradient of log P(x|Φ) = −(n/2)log2π − ½‖z‖² + log|det J|, with z = g⁻¹(x|Φ) and J = ∇_x g⁻¹(x|Φ):
 *   ∂ log P/∂θ = −zᵀ ∂z/∂θ + tr(J⁻¹ ∂J/∂θ)     (chain rule + Jacobi's formula; the exact form of 000 (2.3), errata 000-E12/E13).
 * Arguments: z, ∂z/∂θ (vectors of length n), J and ∂J/∂θ (n×n).
 */
export function logLikGradExact(z: ArrayLike<number>, dz: ArrayLike<number>, J: Matrix, dJ: Matrix): number {
  assertVector('logLikGradExact', 'z', z);
  const n = z.length;
  assertVector('logLikGradExact', 'dz', dz, n);
  assertSquareMatrix('logLikGradExact', 'J', J, n);
  assertSquareMatrix('logLikGradExact', 'dJ', dJ, n);
  let quad = 0;
  for (let i = 0; i < n; i++) quad -= z[i] * dz[i];
  const Ji = inverse(J);
  let tr = 0;
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) tr += Ji[i][k] * dJ[k][i];
  return quad + tr;
}

/**
 * The SOURCE form of 000 (2.3) (L358), ∇log P = J⁻¹ ∇_Φ J − g⁻¹(x|Φ) J, taken literally. Only defined for n = 1 (scalars):
 * for n > 1 the first term is a matrix J⁻¹∂J/∂θ without the trace and the second a vector times a matrix (000-E12, E13).
 * Arguments are scalars z, J = dg⁻¹/dx and dJ = ∂J/∂θ.
 */
export function logLikGradSource23(z: number, J: number, dJ: number): number {
  assertFiniteNumber('logLikGradSource23', 'z', z);
  assertFiniteNumber('logLikGradSource23', 'J', J);
  assertFiniteNumber('logLikGradSource23', 'dJ', dJ);
  if (J === 0) throw new RangeError('logLikGradSource23: J must be non-zero (got 0)');
  return dJ / J - z * J;
}

// --------------------------------------------------------------------------------------------- the scalar flow x = σ(φz + δ)

function checkScalar(fn: string, x: number, phi: number, delta: number, b = 0): void {
  assertFiniteNumber(fn, 'x', x);
  if (!(x > 0 && x < 1)) throw new RangeError(`${fn}: x must be in (0, 1) (the image of the sigmoid) (got ${describe(x)})`);
  assertFiniteNumber(fn, 'phi', phi);
  if (phi === 0) throw new RangeError(`${fn}: phi must be non-zero (000 §2.e divides by φ_ij) (got 0)`);
  assertFiniteNumber(fn, 'delta', delta);
  assertFiniteNumber(fn, 'b', b);
}

/** A gradient with respect to (φ, δ). */
export interface PhiDeltaGrad {
  phi: number;
  delta: number;
}

/**
 * The scalar flow x = σ(φz + b + δ) of 000 §2.e (the "fine-tuned" inverse with b = b_ij = Σ_{t≠j} φ_it z_t held fixed):
 * z = (a⁻¹(x) − b − δ)/φ, J = (a⁻¹)′(x)/φ, log P = −½log2π − ½z² + log|J|.
 */
export function scalarFlow(x: number, phi: number, delta: number, b = 0): { z: number; J: number; logP: number; s: number } {
  checkScalar('scalarFlow', x, phi, delta, b);
  const v = logit(x);
  const z = (v - b - delta) / phi;
  const J = logitPrime(x) / phi;
  return { z, J, logP: normalLogPdf(z) + Math.log(Math.abs(J)), s: v * logitPrime(x) };
}

/** EXACT gradient of log P for the scalar flow: ∂/∂φ = (z² − 1)/φ, ∂/∂δ = z/φ (000 M2.3 exact form; 000 O-10). */
export function scalarFlowGradExact(x: number, phi: number, delta: number, b = 0): PhiDeltaGrad {
  const { z } = scalarFlow(x, phi, delta, b);
  return { phi: (z * z - 1) / phi, delta: z / phi };
}

/**
 * The SOURCE's (2.4) (L409): ∂/∂φ = −(1/φ)(1 + a⁻¹(x)(a⁻¹)′(x)/φ), ∂/∂δ = −a⁻¹(x)(a⁻¹)′(x)/φ² — wrong (000-E16; O-10).
 * It does not depend on δ or b at all.
 */
export function scalarFlowGradSource24(x: number, phi: number, delta = 0, b = 0): PhiDeltaGrad {
  const { s } = scalarFlow(x, phi, delta, b);
  return { phi: -(1 / phi) * (1 + s / phi), delta: -s / (phi * phi) };
}

/**
 * (2.3) of the source evaluated literally for the scalar flow with the TRUE z (audit note on 000 O-10): ∂/∂φ = J⁻¹∂J/∂φ − zJ =
 * −1/φ − z(a⁻¹)′(x)/φ, ∂/∂δ = 0 − zJ. Differs from (2.4) when δ or b ≠ 0 (e.g. (−0.91345, −0.41345) at (0.7, 2, 0.5)).
 */
export function scalarFlowGradSource23(x: number, phi: number, delta: number, b = 0): PhiDeltaGrad {
  const { z, J } = scalarFlow(x, phi, delta, b);
  const dJdphi = -J / phi;
  return { phi: logLikGradSource23(z, J, dJdphi), delta: logLikGradSource23(z, J, 0) };
}

/** The first line of the source's δ-derivation (L401), −a⁻¹(x)(a⁻¹)′(x)/φ (denominator φ, not φ²): 000-E15, O-10 last bullet. */
export function scalarFlowDeltaGradSourceFirstLine(x: number, phi: number): number {
  const { s } = scalarFlow(x, phi, 0);
  return -s / phi;
}

/** Central finite differences of log P of the scalar flow with respect to (φ, δ), step h. */
export function scalarFlowGradFD(x: number, phi: number, delta: number, b = 0, h = 1e-6): PhiDeltaGrad {
  checkScalar('scalarFlowGradFD', x, phi, delta, b);
  assertPositive('scalarFlowGradFD', 'h', h);
  const L = (p: number, d: number) => scalarFlow(x, p, d, b).logP;
  return { phi: (L(phi + h, delta) - L(phi - h, delta)) / (2 * h), delta: (L(phi, delta + h) - L(phi, delta - h)) / (2 * h) };
}

/** Mean log-likelihood of data under the scalar flow (the epoch objective of 000 §2.c). */
export function scalarFlowMeanLogLik(xs: ArrayLike<number>, phi: number, delta: number): number {
  assertVector('scalarFlowMeanLogLik', 'xs', xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += scalarFlow(xs[i], phi, delta).logP;
  return s / xs.length;
}

/**
 * Closed-form MLE of the scalar flow (000 O-12): logit(x) = φz + δ with z ~ N(0,1) is N(δ, φ²), so δ̂ = mean(logit x) and
 * |φ̂| = population standard deviation of logit x.
 */
export function scalarFlowMle(xs: ArrayLike<number>): PhiDeltaGrad {
  assertVector('scalarFlowMle', 'xs', xs);
  if (xs.length < 2) throw new RangeError(`scalarFlowMle: xs needs at least 2 values (got ${xs.length})`);
  const v = Array.from(xs, (x, i) => logitChecked('scalarFlowMle', x, i));
  const m = mean(v);
  const s2 = v.reduce((a, u) => a + (u - m) ** 2, 0) / v.length;
  return { phi: Math.sqrt(s2), delta: m };
}

/** Data x = σ(φz + δ), z ~ N(0, 1) (000 O-12 uses φ = 2, δ = 0.5). */
export function scalarFlowData(n: number, phi: number, delta: number, rng: { normals(n: number): Float64Array }): number[] {
  assertInteger('scalarFlowData', 'n', n, 1, 1e7);
  assertFiniteNumber('scalarFlowData', 'phi', phi);
  assertFiniteNumber('scalarFlowData', 'delta', delta);
  if (!rng || typeof rng.normals !== 'function') throw new TypeError(`scalarFlowData: rng must be a seeded generator from core.rng(seed) (got ${describe(rng)})`);
  return Array.from(rng.normals(n), (z) => 1 / (1 + Math.exp(-(phi * z + delta))));
}

/** One epoch step of the training loops. */
export interface TrainTrace {
  form: 'exact' | 'source';
  phi: number[];
  delta: number[];
  /** Mean log-likelihood at each iterate (NaN-free: a run stops at its first non-finite value). */
  logLik: number[];
  /** The first step whose update was non-finite or |φ| exceeded 1e6 (or −1 if the run finished). */
  divergedAt: number;
}

/**
 * Train the scalar flow by full-batch gradient ascent (the algorithm box of 000 L431–445), with the EXACT averaged gradient
 * ((z²−1)/φ, z/φ) or the SOURCE's epoch update (L412–429, built on (2.4): φ ← φ − γ(1/φ)(1 + c/φ), δ ← δ − γc/φ², c = mean sᵥ).
 * The source's δ-update does not depend on δ, so it has no fixed point (000-E16, O-12).
 */
export function trainScalarFlow(xs: ArrayLike<number>, opts: { phi0?: number; delta0?: number; gamma?: number; steps?: number; form?: 'exact' | 'source' } = {}): TrainTrace {
  assertVector('trainScalarFlow', 'xs', xs);
  const form = opts.form ?? 'exact';
  if (form !== 'exact' && form !== 'source') throw new RangeError(`trainScalarFlow: form must be "exact" or "source" (got ${describe(form)})`);
  let phi = opts.phi0 ?? 1;
  let delta = opts.delta0 ?? 0;
  const gamma = opts.gamma ?? 0.01;
  const steps = opts.steps ?? 3000;
  assertFiniteNumber('trainScalarFlow', 'phi0', phi);
  if (phi === 0) throw new RangeError('trainScalarFlow: phi0 must be non-zero (got 0)');
  assertFiniteNumber('trainScalarFlow', 'delta0', delta);
  assertPositive('trainScalarFlow', 'gamma', gamma);
  assertInteger('trainScalarFlow', 'steps', steps, 0, 1e7);
  const v = Array.from(xs, (x, i) => logitChecked('trainScalarFlow', x, i));
  const c = mean(Array.from(xs, (x, i) => v[i] * logitPrime(x)));
  // mean log-likelihood from the precomputed logits: −½log2π − ½ mean(z²) + mean log (a⁻¹)′(x) − log|φ|
  const meanLogJ = mean(Array.from(xs, (x) => Math.log(logitPrime(x))));
  const meanLL = (p: number, d: number) => {
    let q = 0;
    for (const vi of v) q += ((vi - d) / p) ** 2;
    return -0.5 * Math.log(2 * Math.PI) - (0.5 * q) / v.length + meanLogJ - Math.log(Math.abs(p));
  };
  const out: TrainTrace = { form, phi: [phi], delta: [delta], logLik: [meanLL(phi, delta)], divergedAt: -1 };
  for (let k = 0; k < steps; k++) {
    let gp: number;
    let gd: number;
    if (form === 'exact') {
      let a = 0;
      let b = 0;
      for (const vi of v) {
        const z = (vi - delta) / phi;
        a += (z * z - 1) / phi;
        b += z / phi;
      }
      gp = a / v.length;
      gd = b / v.length;
    } else {
      gp = -(1 / phi) * (1 + c / phi);
      gd = -c / (phi * phi);
    }
    const np = phi + gamma * gp;
    const nd = delta + gamma * gd;
    if (!Number.isFinite(np) || !Number.isFinite(nd) || Math.abs(np) > 1e6 || np === 0) {
      out.divergedAt = k;
      break;
    }
    phi = np;
    delta = nd;
    const ll = meanLL(phi, delta);
    if (!Number.isFinite(ll)) {
      out.divergedAt = k;
      break;
    }
    out.phi.push(phi);
    out.delta.push(delta);
    out.logLik.push(ll);
  }
  return out;
}

/** c = mean(a⁻¹(x)(a⁻¹)′(x)) and the fixed point φ* = −c of the source's φ-update (000 O-12). */
export function sourceUpdateConstant(xs: ArrayLike<number>): { c: number; phiFixedPoint: number } {
  assertVector('sourceUpdateConstant', 'xs', xs);
  const c = mean(Array.from(xs, (x, i) => logitChecked('sourceUpdateConstant', x, i) * logitPrime(x)));
  return { c, phiFixedPoint: -c };
}

// ------------------------------------------------------------------------------------- the full layer x = σ(Φz + δ), n ≥ 1

/** Gradient with respect to (Φ, δ). */
export interface LayerGrad {
  Phi: Matrix;
  delta: number[];
}

/**
 * EXACT gradient of log P(x) for x = σ(Φz + δ) (000 M2.3 exact form; oracle 000 O-09):
 * ∂log P/∂Φ = Φ⁻ᵀ z zᵀ − Φ⁻ᵀ, ∂log P/∂δ = Φ⁻ᵀ z, with z = Φ⁻¹(logit x − δ).
 */
export function affineSigmoidGradExact(x: ArrayLike<number>, Phi: Matrix, delta: ArrayLike<number>): LayerGrad {
  assertLayerParams('affineSigmoidGradExact', Phi, delta);
  const z = affineSigmoidFlow(Phi, delta).inverse(x);
  const PiT = inverseTranspose(Phi);
  const PiTz = matvec(PiT, z);
  return { Phi: PiTz.map((a, i) => z.map((zj, j) => a * zj - PiT[i][j])), delta: PiTz };
}

/**
 * The same exact gradient computed through the general trace form (logLikGradExact, the exact (2.3)), one parameter at a time:
 * J = Φ⁻¹ diag((a⁻¹)′(x)), ∂J/∂Φ_kl = −Φ⁻¹E_klΦ⁻¹ diag((a⁻¹)′(x)), ∂z/∂Φ_kl = −Φ⁻¹E_kl z, ∂z/∂δ_k = −Φ⁻¹e_k, ∂J/∂δ = 0.
 * Also returns the matrices J⁻¹∂J/∂θ whose trace the source's (2.3) forgets (000-E12).
 */
export function affineSigmoidGradViaTrace(x: ArrayLike<number>, Phi: Matrix, delta: ArrayLike<number>): LayerGrad & { untraced: Matrix[][] } {
  assertLayerParams('affineSigmoidGradViaTrace', Phi, delta);
  const n = Phi.length;
  const z = affineSigmoidFlow(Phi, delta).inverse(x);
  const Pi = inverse(Phi);
  const D = Array.from(x, (v) => logitPrime(v));
  const J = Pi.map((r) => r.map((v, j) => v * D[j]));
  const Ji = inverse(J);
  const gPhi: Matrix = [];
  const untraced: Matrix[][] = [];
  for (let k = 0; k < n; k++) {
    gPhi.push([]);
    untraced.push([]);
    for (let l = 0; l < n; l++) {
      // ∂z/∂Φ_kl = −Φ⁻¹ e_k z_l ; ∂J/∂Φ_kl = −(Φ⁻¹ e_k)(e_lᵀ Φ⁻¹) D
      const dz = Pi.map((r) => -r[k] * z[l]);
      const dJ = Pi.map((r) => Pi[l].map((v, j) => -r[k] * v * D[j]));
      gPhi[k].push(logLikGradExact(z, dz, J, dJ));
      const M = Ji.map((r) => dJ[0].map((_, j) => r.reduce((s, v, m) => s + v * dJ[m][j], 0)));
      untraced[k].push(M);
    }
  }
  const zero = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const gDelta = Array.from({ length: n }, (_, k) => logLikGradExact(z, Pi.map((r) => -r[k]), J, zero));
  return { Phi: gPhi, delta: gDelta, untraced };
}

/**
 * The SOURCE's element-wise gradients (2.4) applied to every entry of Φ (000 O-09 "tutorial"):
 * ∂/∂φ_ij = −(1/φ_ij)(1 + sᵢ/φ_ij), ∂/∂δᵢ = −sᵢ/φ_ij², sᵢ = a⁻¹(xᵢ)(a⁻¹)′(xᵢ). The δ-formula depends on j although it is
 * stated "∀i" (000-E17); `deltaIndex: 'diagonal'` (default) uses j = i. Entries φ_ij = 0 are an error ((2.4) divides by them).
 */
export function affineSigmoidGradSource(x: ArrayLike<number>, Phi: Matrix, opts: { deltaIndex?: 'diagonal' } = {}): LayerGrad {
  assertSquareMatrix('affineSigmoidGradSource', 'Phi', Phi);
  assertVector('affineSigmoidGradSource', 'x', x, Phi.length);
  if ((opts.deltaIndex ?? 'diagonal') !== 'diagonal') throw new RangeError(`affineSigmoidGradSource: opts.deltaIndex must be "diagonal" (got ${describe(opts.deltaIndex)})`);
  const s = Array.from(x, (v, i) => logitChecked('affineSigmoidGradSource', v, i) * logitPrime(v));
  Phi.forEach((r, i) =>
    r.forEach((p, j) => {
      if (p === 0) throw new RangeError(`affineSigmoidGradSource: Phi[${i}][${j}] must be non-zero ((2.4) divides by φ_ij) (got 0)`);
    }),
  );
  return { Phi: Phi.map((r, i) => r.map((p) => -(1 / p) * (1 + s[i] / p))), delta: s.map((si, i) => -si / (Phi[i][i] * Phi[i][i])) };
}

/** Central finite differences of log P(x) for x = σ(Φz + δ) with respect to every entry of Φ and δ. */
export function affineSigmoidGradFD(x: ArrayLike<number>, Phi: Matrix, delta: ArrayLike<number>, h = 1e-6): LayerGrad {
  assertLayerParams('affineSigmoidGradFD', Phi, delta);
  assertPositive('affineSigmoidGradFD', 'h', h);
  const L = (P: Matrix, d: number[]) => flowLogProb(affineSigmoidFlow(P, d), x);
  const d0 = Array.from(delta);
  const gPhi = Phi.map((r, i) =>
    r.map((_, j) => {
      const up = Phi.map((rr) => rr.slice());
      const dn = Phi.map((rr) => rr.slice());
      up[i][j] += h;
      dn[i][j] -= h;
      return (L(up, d0) - L(dn, d0)) / (2 * h);
    }),
  );
  const gDelta = d0.map((_, i) => {
    const up = d0.slice();
    const dn = d0.slice();
    up[i] += h;
    dn[i] -= h;
    return (L(Phi, up) - L(Phi, dn)) / (2 * h);
  });
  return { Phi: gPhi, delta: gDelta };
}

// ------------------------------------------------------------------------------------------------ finite flows (2.5)–(2.7)

/** One affine-sigmoid layer of a finite flow: x^(k) = σ(Φ_k x^(k−1) + δ_k). */
export interface SigmoidLayerParams {
  Phi: Matrix;
  delta: number[];
}

function checkLayers(fn: string, layers: SigmoidLayerParams[]): number {
  if (!Array.isArray(layers) || layers.length === 0) throw new RangeError(`${fn}: layers must be a non-empty array of {Phi, delta} (got ${describe(layers)})`);
  const n = layers[0]?.Phi?.length;
  layers.forEach((l, k) => {
    if (!l || typeof l !== 'object') throw new TypeError(`${fn}: layers[${k}] must be {Phi, delta} (got ${describe(l)})`);
    assertLayerParams(`${fn} (layers[${k}])`, l.Phi, l.delta);
    if (l.Phi.length !== n) throw new RangeError(`${fn}: layers[${k}].Phi must be ${n}×${n} like layers[0] (got ${l.Phi.length}×${l.Phi.length})`);
  });
  return n;
}

/** The inverse pass of a finite flow of affine-sigmoid layers: points[k] = x^(k) (points[K] = x, points[0] = z). */
export function finiteFlowInverse(layers: SigmoidLayerParams[], x: ArrayLike<number>): number[][] {
  const n = checkLayers('finiteFlowInverse', layers);
  assertVector('finiteFlowInverse', 'x', x, n);
  const pts: number[][] = new Array(layers.length + 1);
  pts[layers.length] = Array.from(x);
  for (let k = layers.length; k >= 1; k--) pts[k - 1] = affineSigmoidFlow(layers[k - 1].Phi, layers[k - 1].delta).inverse(pts[k]);
  return pts;
}

/** log P(x) of a finite flow of affine-sigmoid layers (000 (2.5)–(2.6) with the exact Σ log|det|). */
export function finiteFlowLogLik(layers: SigmoidLayerParams[], x: ArrayLike<number>): number {
  const pts = finiteFlowInverse(layers, x);
  let s = 0;
  for (let k = 1; k <= layers.length; k++) s += affineSigmoidFlow(layers[k - 1].Phi, layers[k - 1].delta).logDetInverse(pts[k]);
  return s - 0.5 * pts[0].reduce((a, v) => a + v * v, 0) - 0.5 * pts[0].length * Math.log(2 * Math.PI);
}

/**
 * EXACT gradient of log P(x) of a finite flow with respect to every layer's (Φ_k, δ_k), by back-propagation through the inverse
 * chain x^(k−1) = Φ_k⁻¹(logit x^(k) − δ_k). With g_j = ∂L/∂x^(j): g_0 = −z, g_j = diag((a⁻¹)′(x^(j))) Φ_j⁻ᵀ g_{j−1} +
 * ∇ Σᵢ log (a⁻¹)′(x_i^(j)); then ∂L/∂δ_k = −Φ_k⁻ᵀ g_{k−1} and ∂L/∂Φ_k = −Φ_k⁻ᵀ g_{k−1} x^(k−1)ᵀ − Φ_k⁻ᵀ.
 * The quadratic term reaches every layer through the chain — what (2.7) misses (000-E20). K = 1 gives affineSigmoidGradExact.
 */
export function finiteFlowGradExact(layers: SigmoidLayerParams[], x: ArrayLike<number>): LayerGrad[] {
  const pts = finiteFlowInverse(layers, x);
  const K = layers.length;
  const out: LayerGrad[] = new Array(K);
  let g = pts[0].map((v) => -v); // g_0
  for (let k = 1; k <= K; k++) {
    const PiT = inverseTranspose(layers[k - 1].Phi);
    const a = matvec(PiT, g); // Φ_k⁻ᵀ g_{k−1}
    out[k - 1] = { Phi: a.map((ai, i) => pts[k - 1].map((xj, j) => -ai * xj - PiT[i][j])), delta: a.map((v) => -v) };
    // g_k = diag(logit′(x^(k))) a + d/dx Σ log logit′(x^(k)),  d/dx log(1/(x(1−x))) = (2x − 1)/(x(1 − x))
    g = pts[k].map((xi, i) => logitPrime(xi) * a[i] + (2 * xi - 1) / (xi * (1 - xi)));
  }
  return out;
}

/**
 * The SOURCE's per-layer gradients (2.7) (L479–487): (2.4) applied to each layer's own output x^(k) from the inverse pass,
 * ignoring the chain (000-E20). Returns one {Phi, delta} per layer.
 */
export function finiteFlowGradSource(layers: SigmoidLayerParams[], x: ArrayLike<number>): LayerGrad[] {
  const pts = finiteFlowInverse(layers, x);
  return layers.map((l, k) => affineSigmoidGradSource(pts[k + 1], l.Phi));
}

/** Central finite differences of finiteFlowLogLik with respect to every parameter. */
export function finiteFlowGradFD(layers: SigmoidLayerParams[], x: ArrayLike<number>, h = 1e-6): LayerGrad[] {
  checkLayers('finiteFlowGradFD', layers);
  assertPositive('finiteFlowGradFD', 'h', h);
  const clone = () => layers.map((l) => ({ Phi: l.Phi.map((r) => r.slice()), delta: l.delta.slice() }));
  const L = (ls: SigmoidLayerParams[]) => finiteFlowLogLik(ls, x);
  return layers.map((l, k) => ({
    Phi: l.Phi.map((r, i) =>
      r.map((_, j) => {
        const up = clone();
        const dn = clone();
        up[k].Phi[i][j] += h;
        dn[k].Phi[i][j] -= h;
        return (L(up) - L(dn)) / (2 * h);
      }),
    ),
    delta: l.delta.map((_, i) => {
      const up = clone();
      const dn = clone();
      up[k].delta[i] += h;
      dn[k].delta[i] -= h;
      return (L(up) - L(dn)) / (2 * h);
    }),
  }));
}

/**
 * log|det ∇_x g⁻¹| of a finite flow from its layers' Jacobian determinants: EXACT Σ_k log|det J_k| versus the SOURCE's
 * Σ_k |det J_k| (000 L467, the log is missing: 000-E19; oracle 000 O-13).
 */
export function finiteFlowLogDetForms(layerLogDets: ArrayLike<number>): { exact: number; source: number } {
  assertVector('finiteFlowLogDetForms', 'layerLogDets', layerLogDets);
  let exact = 0;
  let source = 0;
  for (let k = 0; k < layerLogDets.length; k++) {
    exact += layerLogDets[k];
    source += Math.exp(layerLogDets[k]);
  }
  return { exact, source };
}

/**
 * The δ-decrement of one epoch step of the finite-flow SGD (000 L495–514) in two readings (000-E21, oracle O-17):
 * 'typeset' (L497–499, the sum Σᵥsᵥ inside the denominator, multiplied by the same sum: collapses to γ/(Nφ²)) and
 * 'algorithm-box' (L508–514: γ/(Nφ²)·Σᵥ sᵥ). sᵥ = a⁻¹(xᵥ)(a⁻¹)′(xᵥ).
 */
export function finiteFlowEpochDeltaStep(xs: ArrayLike<number>, phi: number, gamma: number, reading: 'typeset' | 'algorithm-box'): number {
  assertVector('finiteFlowEpochDeltaStep', 'xs', xs);
  assertFiniteNumber('finiteFlowEpochDeltaStep', 'phi', phi);
  if (phi === 0) throw new RangeError('finiteFlowEpochDeltaStep: phi must be non-zero (got 0)');
  assertPositive('finiteFlowEpochDeltaStep', 'gamma', gamma);
  if (reading !== 'typeset' && reading !== 'algorithm-box') throw new RangeError(`finiteFlowEpochDeltaStep: reading must be "typeset" or "algorithm-box" (got ${describe(reading)})`);
  const N = xs.length;
  const S = Array.from(xs, (x, i) => logitChecked('finiteFlowEpochDeltaStep', x, i) * logitPrime(x)).reduce((a, b) => a + b, 0);
  if (reading === 'typeset') {
    if (S === 0) throw new RangeError('finiteFlowEpochDeltaStep: the typeset reading divides by Σ sᵥ, which is 0 for these xs');
    return gamma * (1 / (N * phi * phi * S)) * S;
  }
  return (gamma / (N * phi * phi)) * S;
}

// ----------------------------------------------------------------------------------- 1-D affine flow x = a u + b (002 §9)

/**
 * Mean log-likelihood of x = a u + b, u ~ N(0, 1), and its hand-derived gradient (002 inventory NF1, extension beyond 002 §9):
 * log p(x) = log N((x − b)/a) − log|a|, ∂/∂b = (x − b)/a², ∂/∂a = −1/a + (x − b)²/a³ (averaged over the data).
 */
export function affineFlowLogLikGrad(xs: ArrayLike<number>, a: number, b: number): { logLik: number; a: number; b: number } {
  assertVector('affineFlowLogLikGrad', 'xs', xs);
  assertFiniteNumber('affineFlowLogLikGrad', 'a', a);
  if (a === 0) throw new RangeError('affineFlowLogLikGrad: a must be non-zero (x = a u + b is not invertible) (got 0)');
  assertFiniteNumber('affineFlowLogLikGrad', 'b', b);
  let ll = 0;
  let ga = 0;
  let gb = 0;
  for (let i = 0; i < xs.length; i++) {
    const r = xs[i] - b;
    ll += normalLogPdf(r / a) - Math.log(Math.abs(a));
    gb += r / (a * a);
    ga += -1 / a + (r * r) / (a * a * a);
  }
  const N = xs.length;
  return { logLik: ll / N, a: ga / N, b: gb / N };
}

/**
 * Fit x = a u + b by gradient ascent with the hand-derived gradient (002 NB13, step 3): b → sample mean, |a| → population s.d.
 * Returns the trajectory; stops early (divergedAt ≥ 0) if an update is non-finite.
 */
export function fitAffineFlow(xs: ArrayLike<number>, opts: { a0?: number; b0?: number; gamma?: number; steps?: number } = {}): { a: number[]; b: number[]; logLik: number[]; divergedAt: number } {
  assertVector('fitAffineFlow', 'xs', xs);
  let a = opts.a0 ?? 1;
  let b = opts.b0 ?? 0;
  const gamma = opts.gamma ?? 0.1;
  const steps = opts.steps ?? 500;
  assertPositive('fitAffineFlow', 'gamma', gamma);
  assertInteger('fitAffineFlow', 'steps', steps, 0, 1e7);
  const first = affineFlowLogLikGrad(xs, a, b);
  const out = { a: [a], b: [b], logLik: [first.logLik], divergedAt: -1 };
  let g = first;
  for (let k = 0; k < steps; k++) {
    const na = a + gamma * g.a;
    const nb = b + gamma * g.b;
    if (!Number.isFinite(na) || !Number.isFinite(nb) || na === 0) {
      out.divergedAt = k;
      break;
    }
    a = na;
    b = nb;
    g = affineFlowLogLikGrad(xs, a, b);
    out.a.push(a);
    out.b.push(b);
    out.logLik.push(g.logLik);
  }
  return out;
}

/** Mean log-likelihood and mean EXACT gradient (finiteFlowGradExact) of a finite flow over a data set (000 §2.g epoch form). */
export function finiteFlowMeanGrad(layers: SigmoidLayerParams[], xs: ArrayLike<number>[]): { logLik: number; grad: LayerGrad[] } {
  if (!Array.isArray(xs) || xs.length === 0) throw new RangeError(`finiteFlowMeanGrad: xs must be a non-empty array of points (got ${describe(xs)})`);
  const acc = layers.map((l) => ({ Phi: l.Phi.map((r) => r.map(() => 0)), delta: l.delta.map(() => 0) }));
  let ll = 0;
  for (const x of xs) {
    ll += finiteFlowLogLik(layers, x);
    finiteFlowGradExact(layers, x).forEach((g, k) => {
      g.Phi.forEach((r, i) => r.forEach((v, j) => (acc[k].Phi[i][j] += v / xs.length)));
      g.delta.forEach((v, i) => (acc[k].delta[i] += v / xs.length));
    });
  }
  return { logLik: ll / xs.length, grad: acc };
}

/** One gradient-ascent step Φ_k ← Φ_k + γ ∂L/∂Φ_k, δ_k ← δ_k + γ ∂L/∂δ_k for every layer (returns new layers). */
export function finiteFlowAscentStep(layers: SigmoidLayerParams[], grad: LayerGrad[], gamma: number): SigmoidLayerParams[] {
  assertPositive('finiteFlowAscentStep', 'gamma', gamma);
  if (!Array.isArray(grad) || grad.length !== layers.length) throw new RangeError(`finiteFlowAscentStep: grad must have one entry per layer (${layers.length}) (got ${describe(grad)})`);
  return layers.map((l, k) => ({ Phi: l.Phi.map((r, i) => r.map((v, j) => v + gamma * grad[k].Phi[i][j])), delta: l.delta.map((v, i) => v + gamma * grad[k].delta[i]) }));
}

/**
 * Whether x lies in the image of a finite flow of affine-sigmoid layers: every inner point x^(k), k ≥ 1, of the inverse chain must
 * lie in (0, 1)ⁿ (each layer maps ℝⁿ onto (0, 1)ⁿ, so for K ≥ 2 the image of g is a proper subset of (0, 1)ⁿ and
 * log P(x) = −∞ outside it — a gap of 000 §2.g not listed in the inventory: erratum 000-E70).
 */
export function finiteFlowInImage(layers: SigmoidLayerParams[], x: ArrayLike<number>): boolean {
  const n = checkLayers('finiteFlowInImage', layers);
  assertVector('finiteFlowInImage', 'x', x, n);
  let cur = Array.from(x);
  for (let k = layers.length; k >= 1; k--) {
    if (!cur.every((v) => v > 0 && v < 1)) return false;
    cur = affineSigmoidFlow(layers[k - 1].Phi, layers[k - 1].delta).inverse(cur);
  }
  return true;
}

/** Fraction of n uniform points of (0, 1)ⁿ inside the image of a finite flow (Monte Carlo, seeded). */
export function finiteFlowImageFraction(layers: SigmoidLayerParams[], n: number, rng: { uniform(): number }): number {
  const d = checkLayers('finiteFlowImageFraction', layers);
  assertInteger('finiteFlowImageFraction', 'n', n, 1, 1e7);
  if (!rng || typeof rng.uniform !== 'function') throw new TypeError(`finiteFlowImageFraction: rng must be a seeded generator (got ${describe(rng)})`);
  let inside = 0;
  for (let i = 0; i < n; i++) if (finiteFlowInImage(layers, Array.from({ length: d }, () => rng.uniform()))) inside++;
  return inside / n;
}
