/**
 * Concrete flow layers: element-wise affine (002 §9 extension NF1), exp (002 D14), linear x = Φz + δ and element-wise sigmoid
 * (the two halves of 000's affine-activation layer, used for the finite-flow decomposition 000 O-13), and the affine-sigmoid
 * layer x = σ(Φz + δ) of 000 §2.e (L367–429).
 */
import { assertFiniteNumber, assertSquareMatrix, assertVector, describe } from '../core/validate';
import { det, inverse, matvec, solve } from '../core/linalg';
import type { Matrix } from '../core/linalg';
import { logit, logSigmoid, sigmoid } from '../core/special';
import { Flow, makeFlow } from './flow';

const copyM = (A: ArrayLike<ArrayLike<number>>): number[][] => Array.from(A, (r) => Array.from(r));

/**
 * Element-wise affine flow x = a ⊙ u + b (002 inventory NF1, extension beyond 002 §9). log|det ∇_u g| = Σ log|aᵢ|.
 * Every aᵢ must be non-zero (otherwise g is not invertible).
 */
export function affineFlow(a: ArrayLike<number>, b: ArrayLike<number>): Flow {
  assertVector('affineFlow', 'a', a);
  assertVector('affineFlow', 'b', b, a.length);
  for (let i = 0; i < a.length; i++) if (a[i] === 0) throw new RangeError(`affineFlow: a[${i}] must be non-zero for x = a ⊙ u + b to be invertible (got 0)`);
  const A = Array.from(a);
  const B = Array.from(b);
  const ld = A.reduce((s, v) => s + Math.log(Math.abs(v)), 0);
  return makeFlow({
    name: 'affine',
    dim: A.length,
    forward: (u) => u.map((v, i) => A[i] * v + B[i]),
    inverse: (x) => x.map((v, i) => (v - B[i]) / A[i]),
    logDetForward: () => ld,
    logDetInverse: () => -ld,
    parameters: () => ({ a: A.slice(), b: B.slice() }),
  });
}

/** Element-wise exp flow x = exp(u) (the log-normal; 002 D14). log|det ∇_u g| = Σ uᵢ; the image is (0, ∞)ⁿ. */
export function expFlow(dim = 1): Flow {
  return makeFlow({
    name: 'exp',
    dim,
    forward: (u) => u.map(Math.exp),
    inverse: (x) =>
      x.map((v, i) => {
        if (!(v > 0)) throw new RangeError(`exp.inverse: x[${i}] must be > 0 (outside the image of exp) (got ${describe(v)})`);
        return Math.log(v);
      }),
    logDetForward: (u) => u.reduce((s, v) => s + v, 0),
    logDetInverse: (x) =>
      -x.reduce((s, v, i) => {
        if (!(v > 0)) throw new RangeError(`exp.logDetInverse: x[${i}] must be > 0 (outside the image of exp) (got ${describe(v)})`);
        return s + Math.log(v);
      }, 0),
  });
}

/** Validate an invertible square matrix Φ and a bias δ of matching size. */
export function assertLayerParams(fn: string, Phi: unknown, delta: unknown): asserts Phi is Matrix {
  assertSquareMatrix(fn, 'Phi', Phi);
  assertVector(fn, 'delta', delta, (Phi as Matrix).length);
  const d = det(Phi as Matrix);
  if (d === 0 || !Number.isFinite(d) || Math.abs(d) < 1e-300) throw new RangeError(`${fn}: Phi must be invertible (det Phi = ${d})`);
}

/** Linear layer x = Φz + δ (the pre-activation half of 000's layer; f₁ of 000 O-13). log|det ∇_z g| = log|det Φ|. */
export function linearFlow(Phi: Matrix, delta: ArrayLike<number>): Flow {
  assertLayerParams('linearFlow', Phi, delta);
  const P = copyM(Phi);
  const d = Array.from(delta);
  const ld = Math.log(Math.abs(det(P)));
  return makeFlow({
    name: 'linear',
    dim: P.length,
    forward: (z) => matvec(P, z).map((v, i) => v + d[i]),
    inverse: (x) => solve(P, x.map((v, i) => v - d[i])),
    logDetForward: () => ld,
    logDetInverse: () => -ld,
    parameters: () => ({ Phi: copyM(P), delta: d.slice() }),
  });
}

/** logit(x) with a RangeError naming the flow if x ∉ (0, 1) (x is then outside the image of a sigmoid layer). */
export function logitChecked(fn: string, x: number, i: number): number {
  assertFiniteNumber(fn, `x[${i}]`, x);
  if (!(x > 0 && x < 1)) throw new RangeError(`${fn}: x[${i}] must be in (0, 1) — outside the image of the sigmoid (got ${describe(x)})`);
  return logit(x);
}

/** (a⁻¹)′(x) = d logit(x)/dx = 1/(x(1−x)) for the sigmoid activation (000 L381–387). */
export function logitPrime(x: number): number {
  return 1 / (x * (1 - x));
}

/** Element-wise sigmoid layer x = σ(u) (f₂ of 000 O-13). log|det ∇_x g⁻¹| = Σ log (a⁻¹)′(xᵢ) = −Σ log(xᵢ(1−xᵢ)). */
export function sigmoidFlow(dim = 1): Flow {
  return makeFlow({
    name: 'sigmoid',
    dim,
    forward: (u) => u.map(sigmoid),
    inverse: (x) => x.map((v, i) => logitChecked('sigmoid.inverse', v, i)),
    logDetForward: (u) => u.reduce((s, v) => s + logSigmoid(v) + logSigmoid(-v), 0),
    logDetInverse: (x) =>
      x.reduce((s, v, i) => {
        logitChecked('sigmoid.logDetInverse', v, i);
        return s - Math.log(v) - Math.log1p(-v);
      }, 0),
  });
}

/**
 * The affine-activation layer of 000 §2.e, x = a(Φz + δ) with a = σ (L367–375), as one flow:
 * z = g⁻¹(x) = Φ⁻¹(logit(x) − δ), log|det ∇_x g⁻¹(x)| = Σᵢ log (a⁻¹)′(xᵢ) − log|det Φ| (000 M2.3 exact form; oracle 000 O-08).
 * A 1×1 Φ = [[φ]] with δ = [δ] is the scalar flow x = σ(φz + δ) of 000 O-10/O-11.
 */
export function affineSigmoidFlow(Phi: Matrix, delta: ArrayLike<number>): Flow {
  assertLayerParams('affineSigmoidFlow', Phi, delta);
  const P = copyM(Phi);
  const d = Array.from(delta);
  const ldPhi = Math.log(Math.abs(det(P)));
  const inv = (x: number[]) => solve(P, x.map((v, i) => logitChecked('affineSigmoid.inverse', v, i) - d[i]));
  const ldInv = (x: number[]) => x.reduce((s, v, i) => (logitChecked('affineSigmoid.logDetInverse', v, i), s - Math.log(v) - Math.log1p(-v)), 0) - ldPhi;
  return makeFlow({
    name: 'affine-sigmoid',
    dim: P.length,
    forward: (z) => matvec(P, z).map((v, i) => sigmoid(v + d[i])),
    inverse: inv,
    logDetForward: (z) => matvec(P, z).reduce((s, v, i) => s + logSigmoid(v + d[i]) + logSigmoid(-(v + d[i])), 0) + ldPhi,
    logDetInverse: ldInv,
    parameters: () => ({ Phi: copyM(P), delta: d.slice() }),
  });
}

/** Φ⁻ᵀ (used by the exact gradients). */
export function inverseTranspose(Phi: Matrix): Matrix {
  const I = inverse(Phi);
  return I[0].map((_, j) => I.map((r) => r[j]));
}
