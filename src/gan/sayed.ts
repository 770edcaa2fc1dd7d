/**
 * Source 004 (Sayed, Inference and Learning from Data, Vol. III, Ch. 68) §68.4–68.5: the two-class softmax discriminator,
 * the cross-entropy risk split into real and fake samples, its large-N limit, and the regularised generator objectives.
 */
import { assertFiniteNumber, assertInteger, assertNonNegative, assertOneOf, assertPositive, assertVector, describe } from '../core/validate';
import { sigmoid } from '../core/special';
import { GeneratorLoss, GENERATOR_LOSSES } from './losses';
import { Form } from './value';

/** γ̂(1) = e^{z(1)}/(e^{z(1)} + e^{z(2)}) (68.97), which is σ(z(1) − z(2)); D(h) ≜ γ̂(1) (68.101). */
export function twoClassSoftmaxD(z1: number, z2: number): number {
  assertFiniteNumber('twoClassSoftmaxD', 'z1', z1);
  assertFiniteNumber('twoClassSoftmaxD', 'z2', z2);
  return sigmoid(z1 - z2);
}

/**
 * The discriminator's empirical risk (68.99): ρ Σ‖W_{ℓ,d}‖²_F − (1/N)(Σ_{real} ln γ̂(1) + Σ_{fake} ln(1 − γ̂(1))), N = N_r + N_f.
 * `weightSqNorm` is Σ_ℓ ‖W_{ℓ,d}‖²_F (weights only, never biases; 004 convention 4).
 */
export function sayedDiscriminatorRisk(dReal: ArrayLike<number>, dFake: ArrayLike<number>, rho = 0, weightSqNorm = 0): number {
  const fn = 'sayedDiscriminatorRisk';
  assertVector(fn, 'dReal', dReal);
  assertVector(fn, 'dFake', dFake);
  assertNonNegative(fn, 'rho', rho);
  assertNonNegative(fn, 'weightSqNorm', weightSqNorm);
  const N = dReal.length + dFake.length;
  let s = 0;
  for (let i = 0; i < dReal.length; i++) {
    if (!(dReal[i] > 0 && dReal[i] <= 1)) throw new RangeError(`${fn}: dReal[${i}] must be in (0, 1] (got ${dReal[i]})`);
    s += Math.log(dReal[i]);
  }
  for (let i = 0; i < dFake.length; i++) {
    if (!(dFake[i] >= 0 && dFake[i] < 1)) throw new RangeError(`${fn}: dFake[${i}] must be in [0, 1) (got ${dFake[i]})`);
    s += Math.log1p(-dFake[i]);
  }
  return rho * weightSqNorm - s / N;
}

/**
 * The large-N limit of the data term of (68.99), (1/N)(Σ_real ln D + Σ_fake ln(1 − D)) → (N_r/N) E_{f_h} ln D + (N_f/N) E_{f_ĥ} ln(1 − D)
 * (exact), which (68.102) approximates (≈) by ½{E ln D + E ln(1 − D)} under its condition N_r = N_f ≈ N/2 (form 'source';
 * remark 004-E24: the two agree only when N_r = N_f).
 */
export function sayedRiskLimit(nReal: number, nFake: number, eLogDReal: number, eLog1mDFake: number, form: Form = 'exact'): number {
  const fn = 'sayedRiskLimit';
  assertInteger(fn, 'nReal', nReal, 1);
  assertInteger(fn, 'nFake', nFake, 1);
  assertFiniteNumber(fn, 'eLogDReal', eLogDReal);
  assertFiniteNumber(fn, 'eLog1mDFake', eLog1mDFake);
  assertOneOf(fn, 'form', form, ['exact', 'source'] as const);
  const N = nReal + nFake;
  return form === 'exact' ? (nReal / N) * eLogDReal + (nFake / N) * eLog1mDFake : 0.5 * (eLogDReal + eLog1mDFake);
}

/**
 * The generator's regularised objective, to be MAXIMISED: (68.124) saturating ±ρ‖W_g‖² − (1/N)Σ_fake ln(1 − γ̂(1)) or
 * (68.125) non-saturating ±ρ‖W_g‖² + (1/N)Σ_fake ln γ̂(1). form 'source' uses +ρ‖W_g‖² as printed (which rewards large
 * weights inside an argmax; erratum 004-E10); form 'exact' uses −ρ‖W_g‖², which is what listing (68.161) implements
 * (shrinkage (1 − 2μρ)W). N is the total number of samples of (68.119) (real + fake).
 */
export function sayedGeneratorObjective(dFake: ArrayLike<number>, N: number, rho: number, weightSqNorm: number, loss: GeneratorLoss, form: Form = 'exact'): number {
  const fn = 'sayedGeneratorObjective';
  assertVector(fn, 'dFake', dFake);
  assertInteger(fn, 'N', N, dFake.length);
  assertNonNegative(fn, 'rho', rho);
  assertNonNegative(fn, 'weightSqNorm', weightSqNorm);
  assertOneOf(fn, 'loss', loss, GENERATOR_LOSSES);
  assertOneOf(fn, 'form', form, ['exact', 'source'] as const);
  let s = 0;
  for (let i = 0; i < dFake.length; i++) {
    const d = dFake[i];
    if (!(d > 0 && d < 1)) throw new RangeError(`${fn}: dFake[${i}] must be in (0, 1) (got ${describe(d)})`);
    s += loss === 'saturating' ? -Math.log1p(-d) : Math.log(d);
  }
  return (form === 'source' ? 1 : -1) * rho * weightSqNorm + s / N;
}

/**
 * Factor multiplying W_g in one gradient-ASCENT step of size μ on the regulariser alone: ∇(±ρ‖W‖²) = ±2ρW, so
 * W ← (1 ± 2μρ)W. form 'source' (+ρ‖W‖² of (68.124)/(68.125)) gives 1 + 2μρ (weights grow geometrically);
 * form 'exact' (listing (68.161)) gives 1 − 2μρ (shrinkage). Erratum 004-E10.
 */
export function sayedRegularizerAscentFactor(mu: number, rho: number, form: Form = 'exact'): number {
  assertPositive('sayedRegularizerAscentFactor', 'mu', mu);
  assertNonNegative('sayedRegularizerAscentFactor', 'rho', rho);
  assertOneOf('sayedRegularizerAscentFactor', 'form', form, ['exact', 'source'] as const);
  return form === 'source' ? 1 + 2 * mu * rho : 1 - 2 * mu * rho;
}
