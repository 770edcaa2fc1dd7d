/**
 * The ELBO on the conjugate linear-Gaussian toy and fixed-form VI by reparameterised gradient ascent
 * (002 §3.1 Eqs. 3.1.1–3.1.3 (Jensen), §3.4 Eqs. 3.4.1–3.4.5 (log p = KL + ELBO) and the fixed-form paragraph L393–397;
 * 004 (68.2)–(68.8)).
 *
 * Toy model (002 D13, 004 O3): z ~ N(0, σ₀²), x | z ~ N(z, σ²) ⇒ p(x) = N(0, σ₀² + σ²),
 * p(z | x) = N(σ₀² x/(σ₀² + σ²), σ₀²σ²/(σ₀² + σ²)). Defaults σ₀² = σ² = 1, so p(z|x) = N(x/2, 1/2).
 * For q = N(m, s²):
 *   ELBO(m, s) = −½ log(2πσ²) − [(x − m)² + s²]/(2σ²) − KL(N(m, s²) ‖ N(0, σ₀²)),
 *   ∂/∂m = (x − m)/σ² − m/σ₀²,     ∂/∂s = 1/s − s/σ² − s/σ₀².
 */
import { Rng } from '../core/rng';
import { normalLogPdf } from '../core/gaussian';
import { klGaussian } from '../info/measures';
import { assertFiniteNumber, assertInteger, assertPositive, assertVector, describe } from '../core/validate';
import { ElboIdentity, elboIdentity } from './elbo';

/** Variances of the toy: prior σ₀² and noise σ² (both default 1). */
export interface ToyOptions {
  priorVar?: number;
  noiseVar?: number;
}

function toyVars(fn: string, opts: ToyOptions | undefined): { v0: number; v: number } {
  if (opts !== undefined && (opts === null || typeof opts !== 'object')) throw new TypeError(`${fn}: opts must be an object (got ${describe(opts)})`);
  const v0 = opts?.priorVar ?? 1;
  const v = opts?.noiseVar ?? 1;
  assertPositive(fn, 'opts.priorVar', v0);
  assertPositive(fn, 'opts.noiseVar', v);
  return { v0, v };
}

/** log p(x) = log N(x; 0, σ₀² + σ²) (002 D13: −1.515512 at x = 1; 004 O3). */
export function toyLogEvidence(x: number, opts?: ToyOptions): number {
  assertFiniteNumber('toyLogEvidence', 'x', x);
  const { v0, v } = toyVars('toyLogEvidence', opts);
  return normalLogPdf(x, 0, Math.sqrt(v0 + v));
}

/** The exact posterior p(z | x) = N(mean, variance) of the toy (Gaussian conjugacy). */
export function toyPosterior(x: number, opts?: ToyOptions): { mean: number; variance: number } {
  assertFiniteNumber('toyPosterior', 'x', x);
  const { v0, v } = toyVars('toyPosterior', opts);
  return { mean: (v0 * x) / (v0 + v), variance: (v0 * v) / (v0 + v) };
}

/** log p(x, z) = log N(x; z, σ²) + log N(z; 0, σ₀²). */
export function toyLogJoint(x: number, z: number, opts?: ToyOptions): number {
  assertFiniteNumber('toyLogJoint', 'x', x);
  assertFiniteNumber('toyLogJoint', 'z', z);
  const { v0, v } = toyVars('toyLogJoint', opts);
  return normalLogPdf(x, z, Math.sqrt(v)) + normalLogPdf(z, 0, Math.sqrt(v0));
}

/**
 * The closed-form ELBO identity for q = N(m, s²) on the toy (002 Eq. 3.4.5, 004 (68.7)): E_q log p(x|z), KL(q ‖ p(z)),
 * ELBO, log p(x) and the gap KL(q ‖ p(z|x)) (002 D13 / 004 O3: at x = 1, q = N(0,1): ELBO −1.918939, gap 0.403426).
 */
export function toyElbo(x: number, m: number, s: number, opts?: ToyOptions): ElboIdentity {
  const fn = 'toyElbo';
  assertFiniteNumber(fn, 'x', x);
  assertFiniteNumber(fn, 'm', m);
  assertPositive(fn, 's', s);
  const { v0, v } = toyVars(fn, opts);
  const expectedLogLik = -0.5 * Math.log(2 * Math.PI * v) - ((x - m) ** 2 + s * s) / (2 * v);
  const klPrior = klGaussian(m, s, 0, Math.sqrt(v0));
  return elboIdentity(expectedLogLik, klPrior, toyLogEvidence(x, opts));
}

/** ∂ELBO/∂m and ∂ELBO/∂s of the toy's closed form (002 VI4): [(x − m)/σ² − m/σ₀², 1/s − s/σ² − s/σ₀²]. */
export function toyElboGradient(x: number, m: number, s: number, opts?: ToyOptions): [number, number] {
  const fn = 'toyElboGradient';
  assertFiniteNumber(fn, 'x', x);
  assertFiniteNumber(fn, 'm', m);
  assertPositive(fn, 's', s);
  const { v0, v } = toyVars(fn, opts);
  return [(x - m) / v - m / v0, 1 / s - s / v - s / v0];
}

/**
 * Jensen's inequality behind 002 Eq. 3.1.2: log E_q[p(x,z)/q(z)] ≥ E_q[log p(x,z)/q(z)]. Returns both sides for the toy
 * and q = N(m, s²) (the left side is log p(x) for every q; the right side is the ELBO).
 */
export function jensenGap(x: number, m: number, s: number, opts?: ToyOptions): { logOfMean: number; meanOfLog: number; gap: number } {
  const e = toyElbo(x, m, s, opts);
  return { logOfMean: e.logEvidence, meanOfLog: e.elbo, gap: e.klPosterior };
}

/** One reparameterised ELBO estimate and its gradient in (m, log s). */
export interface ReparamEstimate {
  elbo: number;
  /** [∂/∂m, ∂/∂ log s]. */
  grad: [number, number];
}

/** What fixed-form VI needs of the model: log p(x, z) and its derivative in z (a 1-D latent). */
export interface LogJoint1D {
  logJoint: (z: number) => number;
  dLogJoint: (z: number) => number;
}

/**
 * The reparameterised ELBO estimator for q = N(m, e^{2ℓ}) with fixed noise ε₁…ε_S (z_s = m + e^ℓ ε_s):
 *   Ê = (1/S) Σ_s log p(x, z_s) + H(q),   H(q) = ½ log(2πe) + ℓ,
 *   ∂Ê/∂m = (1/S) Σ_s f'(z_s),            ∂Ê/∂ℓ = (1/S) Σ_s f'(z_s) ε_s e^ℓ + 1      (f = log p(x, ·)).
 * Hand-derived (002 L393–397 asks for gradient ascent on (μ, σ) without giving the gradient); checked against tf.grad
 * and finite differences in tests/vi.
 */
export function reparamElboGradient(model: LogJoint1D, m: number, logS: number, eps: ArrayLike<number>): ReparamEstimate {
  const fn = 'reparamElboGradient';
  if (!model || typeof model.logJoint !== 'function' || typeof model.dLogJoint !== 'function') {
    throw new TypeError(`${fn}: model must be { logJoint, dLogJoint } functions (got ${describe(model)})`);
  }
  assertFiniteNumber(fn, 'm', m);
  assertFiniteNumber(fn, 'logS', logS);
  assertVector(fn, 'eps', eps);
  const s = Math.exp(logS);
  let f = 0;
  let gm = 0;
  let gl = 0;
  for (let i = 0; i < eps.length; i++) {
    const z = m + s * eps[i];
    const d = model.dLogJoint(z);
    f += model.logJoint(z);
    gm += d;
    gl += d * eps[i] * s;
  }
  const S = eps.length;
  return { elbo: f / S + 0.5 * Math.log(2 * Math.PI * Math.E) + logS, grad: [gm / S, gl / S + 1] };
}

/** The toy as a `LogJoint1D` (for `fixedFormVI`). */
export function toyModel(x: number, opts?: ToyOptions): LogJoint1D {
  assertFiniteNumber('toyModel', 'x', x);
  const { v0, v } = toyVars('toyModel', opts);
  return {
    logJoint: (z) => normalLogPdf(x, z, Math.sqrt(v)) + normalLogPdf(z, 0, Math.sqrt(v0)),
    dLogJoint: (z) => (x - z) / v - z / v0,
  };
}

/** Trace of fixed-form VI. */
export interface FixedFormTrace {
  m: number[];
  s: number[];
  /** The Monte Carlo ELBO estimate at each step (before the update). */
  elbo: number[];
}

/**
 * Fixed-form VI (002 §3.4, L393–397; the "posterior approximation" route of 004 (68.9)): q = N(m, s²), stochastic gradient
 * ascent on the reparameterised ELBO in (m, log s) with `samples` fresh ε per step and learning rate lr/(1 + t/decay)
 * (Robbins–Monro; `decay` = Infinity, the default, keeps it constant).
 */
export function fixedFormVI(model: LogJoint1D, opts: { m0?: number; s0?: number; lr?: number; decay?: number; steps?: number; samples?: number; rng: Rng }): FixedFormTrace {
  const fn = 'fixedFormVI';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: opts must be an object with rng (got ${describe(opts)})`);
  const lr = opts.lr ?? 0.05;
  const steps = opts.steps ?? 500;
  const S = opts.samples ?? 16;
  assertPositive(fn, 'opts.lr', lr);
  assertInteger(fn, 'opts.steps', steps, 1);
  assertInteger(fn, 'opts.samples', S, 1);
  if (opts.decay !== undefined) assertPositive(fn, 'opts.decay', opts.decay);
  const decay = opts.decay ?? Infinity;
  if (!opts.rng || typeof (opts.rng as Partial<Rng>).normal !== 'function') throw new TypeError(`${fn}: opts.rng must be core.rng(seed) (got ${describe(opts.rng)})`);
  let m = opts.m0 ?? 0;
  let l = Math.log(opts.s0 ?? 1);
  assertFiniteNumber(fn, 'opts.m0', m);
  assertPositive(fn, 'opts.s0', Math.exp(l));
  const out: FixedFormTrace = { m: [m], s: [Math.exp(l)], elbo: [] };
  for (let t = 0; t < steps; t++) {
    const eps = opts.rng.normals(S);
    const r = reparamElboGradient(model, m, l, eps);
    out.elbo.push(r.elbo);
    const a = lr / (1 + t / decay);
    m += a * r.grad[0];
    l += a * r.grad[1];
    out.m.push(m);
    out.s.push(Math.exp(l));
  }
  return out;
}
