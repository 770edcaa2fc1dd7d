/**
 * ADAM for the book's listings (004 Example 68.6, (68.175a–d), which defers to Example 65.3 — not part of the chapter).
 * Kingma & Ba (2015), Algorithm 1, with the gradient of the regularised risk (2ρW included) as g:
 *   m_t = β₁ m_{t−1} + (1 − β₁) g_t,   v_t = β₂ v_{t−1} + (1 − β₂) g_t²,
 *   form 'biasCorrected':  w_t = w_{t−1} − μ m̂_t / (√v̂_t + ε),  m̂_t = m_t/(1 − β₁ᵗ), v̂_t = v_t/(1 − β₂ᵗ)  (tfjs's Adam);
 *   form 'stepCorrected':  w_t = w_{t−1} − μ_t m_t / (√v_t + ε),  μ_t = μ √(1 − β₂ᵗ)/(1 − β₁ᵗ)  (the "more efficient
 *   order" of Kingma & Ba §2; equal to the first when ε = 0).
 * The book's separate (β_{w,·}, β_{θ,·}) for weights and biases are equal in (68.175b–c); one pair serves both. A single
 * step counter t is used for the whole run (004-E16: the listings' m index does not advance inside the K_d/K_g loops).
 */
import { assertFiniteNumber, assertNonNegative, assertOneOf, assertPositive, describe } from '../core/validate';

export const ADAM_FORMS = ['biasCorrected', 'stepCorrected'] as const;
export type AdamForm = (typeof ADAM_FORMS)[number];

export interface AdamOptions {
  /** Step size μ (68.175a: 2e-4). */
  mu: number;
  /** β₁ (68.175b: 0.5; Kingma & Ba: 0.9). Default 0.5. */
  beta1?: number;
  /** β₂ (68.175c: 0.999). Default 0.999. */
  beta2?: number;
  /** ε (68.175d: 1e-8). Default 1e-8. */
  eps?: number;
  /** Default 'biasCorrected'. */
  form?: AdamForm;
}

/** An ADAM state over a list of parameter rows (each a mutable number array, updated in place). */
export interface AdamOptimizer {
  /** Steps taken so far. */
  readonly t: number;
  /** One step: params[i][k] -= update(grads[i][k]); the first call fixes the shapes. */
  step(params: number[][], grads: number[][]): void;
}

/** A fresh ADAM optimiser (see the module comment for the two forms). */
export function createAdam(opts: AdamOptions): AdamOptimizer {
  const fn = 'createAdam';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: argument opts must be an object (got ${describe(opts)})`);
  const { mu } = opts;
  const beta1 = opts.beta1 ?? 0.5;
  const beta2 = opts.beta2 ?? 0.999;
  const eps = opts.eps ?? 1e-8;
  const form = opts.form ?? 'biasCorrected';
  assertPositive(fn, 'mu', mu);
  assertFiniteNumber(fn, 'beta1', beta1);
  assertFiniteNumber(fn, 'beta2', beta2);
  if (!(beta1 >= 0 && beta1 < 1)) throw new RangeError(`${fn}: argument beta1 must be in [0, 1) (got ${beta1})`);
  if (!(beta2 >= 0 && beta2 < 1)) throw new RangeError(`${fn}: argument beta2 must be in [0, 1) (got ${beta2})`);
  assertNonNegative(fn, 'eps', eps);
  assertOneOf(fn, 'form', form, ADAM_FORMS);
  let m: Float64Array[] | null = null;
  let v: Float64Array[] | null = null;
  let t = 0;
  return {
    get t() {
      return t;
    },
    step(params: number[][], grads: number[][]) {
      if (!Array.isArray(params) || !Array.isArray(grads) || params.length !== grads.length) {
        throw new RangeError(`adam.step: params and grads must be arrays of rows of equal length (got ${describe(params)} and ${describe(grads)})`);
      }
      if (m === null) {
        m = params.map((p) => new Float64Array(p.length));
        v = params.map((p) => new Float64Array(p.length));
      }
      if (m.length !== params.length) throw new RangeError(`adam.step: the parameter list changed length (${m.length} rows before, ${params.length} now)`);
      t++;
      const c1 = 1 - beta1 ** t;
      const c2 = 1 - beta2 ** t;
      const muT = (mu * Math.sqrt(c2)) / c1;
      for (let i = 0; i < params.length; i++) {
        const p = params[i];
        const g = grads[i];
        const mi = m[i];
        const vi = v![i];
        if (g.length !== p.length || mi.length !== p.length) throw new RangeError(`adam.step: row ${i} has ${p.length} parameters, ${g.length} gradients and ${mi.length} moments`);
        for (let k = 0; k < p.length; k++) {
          const gk = g[k];
          mi[k] = beta1 * mi[k] + (1 - beta1) * gk;
          vi[k] = beta2 * vi[k] + (1 - beta2) * gk * gk;
          p[k] -= form === 'biasCorrected' ? (mu * (mi[k] / c1)) / (Math.sqrt(vi[k] / c2) + eps) : (muT * mi[k]) / (Math.sqrt(vi[k]) + eps);
        }
      }
    },
  };
}
