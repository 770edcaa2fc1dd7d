/**
 * Activations and their derivatives for the tutorial's last-layer derivative (source 000 §1.h, L178–206; repeated
 * L957–985, L1305–1331, L1583–1595), including the tutorial's "practical" sigmoid derivative as a SOURCE FORM (erratum 000-E06).
 */
import { assertFiniteNumber, assertOneOf, assertVector } from '../core/validate';
import { sigmoid } from '../core/special';

/** Exact sigmoid derivative a'(o) = a(o)(1 − a(o)) = y(1 − y). Source 000 §1.h, L194–196. */
export function sigmoidDerivative(o: number): number {
  assertFiniteNumber('sigmoidDerivative', 'o', o);
  const y = sigmoid(o);
  return y * (1 - y);
}

/**
 * SOURCE FORM (erratum 000-E06): the tutorial's "in practice" derivative a'(o) ≅ a(y)(1 − a(y)) = a(a(o))(1 − a(a(o))),
 * i.e. the sigmoid applied twice. Source 000 §1.h, L196–204 (and A1, L1589–1595). Wrong: the exact value is y(1 − y).
 */
export function sigmoidDerivativeSource(o: number): number {
  assertFiniteNumber('sigmoidDerivativeSource', 'o', o);
  const yy = sigmoid(sigmoid(o));
  return yy * (1 - yy);
}

/** The three derivative variants the tutorial offers: exact y(1−y), the "practical" source form (E06), and a' := 1 ("fast", L206). */
export const DERIVATIVE_VARIANTS = ['exact', 'tutorial', 'unit'] as const;
export type DerivativeVariant = (typeof DERIVATIVE_VARIANTS)[number];

/** Activation functions of the networks (the tutorial uses the sigmoid throughout; the others serve later topics). */
export const ACTIVATION_NAMES = ['sigmoid', 'tanh', 'relu', 'identity'] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** f(x) for a named activation. */
export function activation(x: number, name: ActivationName = 'sigmoid'): number {
  assertOneOf('activation', 'name', name, ACTIVATION_NAMES);
  assertFiniteNumber('activation', 'x', x);
  if (name === 'sigmoid') return sigmoid(x);
  if (name === 'tanh') return Math.tanh(x);
  if (name === 'relu') return x > 0 ? x : 0;
  return x;
}

/**
 * f'(o) in the chosen variant (see DERIVATIVE_VARIANTS): 'exact' — y(1 − y) for the sigmoid (000 §1.h L194–196),
 * 1 − tanh² for tanh, the step function for ReLU (0 at 0), 1 for the identity; 'tutorial' — the sigmoid-only source form
 * of E06 (L196–204); 'unit' — f' := 1 (L206, A1 L1595).
 */
export function activationDerivative(o: number, variant: DerivativeVariant = 'exact', name: ActivationName = 'sigmoid'): number {
  assertOneOf('activationDerivative', 'variant', variant, DERIVATIVE_VARIANTS);
  assertOneOf('activationDerivative', 'name', name, ACTIVATION_NAMES);
  assertFiniteNumber('activationDerivative', 'o', o);
  if (variant === 'unit') return 1;
  if (variant === 'tutorial') {
    if (name !== 'sigmoid') throw new RangeError(`activationDerivative: the 'tutorial' variant (000-E06) exists only for the sigmoid (got name ${name})`);
    return sigmoidDerivativeSource(o);
  }
  if (name === 'sigmoid') return sigmoidDerivative(o);
  if (name === 'tanh') return 1 - Math.tanh(o) ** 2;
  if (name === 'relu') return o > 0 ? 1 : 0;
  return 1;
}

/**
 * One SGD (ascent) step on a single sigmoid output neuron g = a(wᵀi) with target x, μ = 0, σ² = 1 (000 §1.h, L176 and
 * L190–204): w ← w + γ (x − g) a'(o) i, with a'(o) in the chosen variant. Oracle 000 O-02.
 */
export function neuronSgdStep(w: ArrayLike<number>, input: ArrayLike<number>, x: number, gamma: number, variant: DerivativeVariant = 'exact') {
  assertVector('neuronSgdStep', 'w', w);
  assertVector('neuronSgdStep', 'input', input, w.length);
  assertFiniteNumber('neuronSgdStep', 'x', x);
  assertFiniteNumber('neuronSgdStep', 'gamma', gamma);
  if (!(gamma > 0)) throw new RangeError(`neuronSgdStep: argument gamma must be > 0 (got ${gamma})`);
  let o = 0;
  for (let k = 0; k < w.length; k++) o += w[k] * input[k];
  const g = sigmoid(o);
  const d = activationDerivative(o, variant);
  const next = Array.from(w, (wk, k) => wk + gamma * (x - g) * d * input[k]);
  return { o, g, derivative: d, w: next };
}
