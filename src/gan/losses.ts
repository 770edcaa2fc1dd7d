/**
 * Generator and discriminator losses, and the vanishing-gradient argument.
 *
 * Saturating (minimax) generator loss: minimise ln(1 − D(G(z))) (000 (4.3)–(4.4); 002 (10.1.2); 003 Step 2; 004 (68.124)).
 * Non-saturating loss: minimise −ln D(G(z)), i.e. maximise ln D(G(z)) (002 (10.3.1)–(10.3.2); 003 L719–725 and Algorithm 2;
 * 004 (68.125); Goodfellow et al. 2014 §3).
 * With D = σ(s) (s the discriminator's logit): d/ds ln(1 − σ(s)) = −σ(s) → 0 as D → 0 (the saturation), whereas
 * d/ds ln σ(s) = 1 − σ(s) → 1. With respect to D itself the slopes are −1/(1 − D) (→ −1, not 0, as D → 0: 004 erratum E11)
 * and 1/D (002 T21; 003 §4.8; 004 O5).
 */
import { assertFiniteNumber, assertOneOf, assertProbability, assertVector } from '../core/validate';
import { logSigmoid, sigmoid, mean } from '../core/special';

/** The two generator losses compared by every source. */
export type GeneratorLoss = 'saturating' | 'nonSaturating';
export const GENERATOR_LOSSES: readonly GeneratorLoss[] = ['saturating', 'nonSaturating'];

/** ln(1 − D) as a function of D ∈ [0, 1) — the saturating generator term (to be minimised). */
export function log1mD(D: number): number {
  assertProbability('log1mD', 'D', D);
  if (D === 1) throw new RangeError('log1mD: D must be < 1 (got 1): ln(1 − D) = −∞');
  return Math.log1p(-D);
}

/** ln D as a function of D ∈ (0, 1] — the non-saturating generator term (to be maximised). */
export function logD(D: number): number {
  assertProbability('logD', 'D', D);
  if (D === 0) throw new RangeError('logD: D must be > 0 (got 0): ln D = −∞');
  return Math.log(D);
}

/** d/dD ln(1 − D) = −1/(1 − D) (002 T21 / (F.2); 004 O5). Its value at D → 0 is −1: not flat (004 erratum E11). */
export function gradLog1mDWrtD(D: number): number {
  assertProbability('gradLog1mDWrtD', 'D', D);
  if (D === 1) throw new RangeError('gradLog1mDWrtD: D must be < 1 (got 1)');
  return -1 / (1 - D);
}

/** d/dD ln D = 1/D (003 §4.8; 004 O5). */
export function gradLogDWrtD(D: number): number {
  assertProbability('gradLogDWrtD', 'D', D);
  if (D === 0) throw new RangeError('gradLogDWrtD: D must be > 0 (got 0)');
  return 1 / D;
}

/** d/ds ln(1 − σ(s)) = −σ(s): the saturating term's gradient w.r.t. the logit (000 O-41, 002 D16, 003 §4.8, 004 O5). */
export function gradLog1mDWrtLogit(s: number): number {
  assertFiniteNumber('gradLog1mDWrtLogit', 's', s);
  return -sigmoid(s);
}

/** d/ds ln σ(s) = 1 − σ(s) = σ(−s): the non-saturating term's gradient w.r.t. the logit (same oracles). */
export function gradLogDWrtLogit(s: number): number {
  assertFiniteNumber('gradLogDWrtLogit', 's', s);
  return sigmoid(-s);
}

/**
 * The generator's loss (to be minimised) as a function of the logit s = logit D(G(z)):
 * saturating ln(1 − σ(s)) = ln σ(−s); non-saturating −ln σ(s). Stable for large |s|.
 */
export function generatorLossFromLogit(s: number, kind: GeneratorLoss): number {
  assertFiniteNumber('generatorLossFromLogit', 's', s);
  assertOneOf('generatorLossFromLogit', 'kind', kind, GENERATOR_LOSSES);
  return kind === 'saturating' ? logSigmoid(-s) : -logSigmoid(s);
}

/**
 * d(generator loss)/ds: saturating −σ(s); non-saturating −(1 − σ(s)). Both are negative (the generator pushes s up);
 * their magnitudes are the learning signals σ(s) and 1 − σ(s) that the vanishing-gradient plots compare.
 */
export function generatorLossGradLogit(s: number, kind: GeneratorLoss): number {
  assertFiniteNumber('generatorLossGradLogit', 's', s);
  assertOneOf('generatorLossGradLogit', 'kind', kind, GENERATOR_LOSSES);
  return kind === 'saturating' ? -sigmoid(s) : -sigmoid(-s);
}

/** All four slopes at a value D ∈ (0,1) of the discriminator on a fake sample (one row of 004 O5's table). */
export function saturationTable(D: number): { D: number; logit: number; dLog1mD_dLogit: number; dLogD_dLogit: number; dLog1mD_dD: number; dLogD_dD: number } {
  assertProbability('saturationTable', 'D', D, true);
  const s = Math.log(D) - Math.log1p(-D);
  return { D, logit: s, dLog1mD_dLogit: -D, dLogD_dLogit: 1 - D, dLog1mD_dD: -1 / (1 - D), dLogD_dD: 1 / D };
}

/**
 * Discriminator loss (binary cross-entropy), 002 (10.1.1): L_D = −mean ln D(x_real) − mean ln(1 − D(x_fake)).
 * Inputs are the discriminator's probabilities on real and on fake samples.
 */
export function discriminatorLoss(dReal: ArrayLike<number>, dFake: ArrayLike<number>): number {
  assertVector('discriminatorLoss', 'dReal', dReal);
  assertVector('discriminatorLoss', 'dFake', dFake);
  const a = Array.from(dReal, (d, i) => {
    if (!(d > 0 && d <= 1)) throw new RangeError(`discriminatorLoss: dReal[${i}] must be in (0, 1] (got ${d})`);
    return Math.log(d);
  });
  const b = Array.from(dFake, (d, i) => {
    if (!(d >= 0 && d < 1)) throw new RangeError(`discriminatorLoss: dFake[${i}] must be in [0, 1) (got ${d})`);
    return Math.log1p(-d);
  });
  return -mean(a) - mean(b);
}

/**
 * Generator loss from the discriminator's probabilities on fake samples: saturating mean ln(1 − D) (002 (10.1.2)),
 * non-saturating −mean ln D (002 (10.3.1)).
 */
export function generatorLoss(dFake: ArrayLike<number>, kind: GeneratorLoss): number {
  assertVector('generatorLoss', 'dFake', dFake);
  assertOneOf('generatorLoss', 'kind', kind, GENERATOR_LOSSES);
  const t = Array.from(dFake, (d, i) => {
    if (!(d > 0 && d < 1)) throw new RangeError(`generatorLoss: dFake[${i}] must be in (0, 1) (got ${d})`);
    return kind === 'saturating' ? Math.log1p(-d) : -Math.log(d);
  });
  return mean(t);
}
