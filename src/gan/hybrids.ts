/**
 * GAN hybrids of the lecture notes (source 002 §10.4 onward, L1557–1662): the VAE/GAN discriminator update (Algorithm 10.1)
 * with the notes' signs and with the minimax signs (002-E49), and adversarial variational Bayes (AVB, Mescheder, Nowozin &
 * Geiger 2017) on a toy whose log-ratio is known (002-E52). Extensions beyond the notes are labelled as such.
 */
import { assertFiniteNumber, assertInteger, assertOneOf, assertPositive } from '../core/validate';
import { Rng } from '../core/rng';
import { sigmoid, logSigmoid } from '../core/special';
import { Form } from './value';
import { createAdam } from './adam';
import { SayedNet, cloneSayedNet, sayedDiscriminate, sayedDiscriminatorGradients } from './listings';

/**
 * The discriminator part of Algorithm 10.1 (002 L1605–1609) on 1-D stand-ins: real X ~ N(0, 1), reconstructions
 * X̃ ~ N(mRecon, 1) and prior samples X_p ~ N(mPrior, 1), with L_GAN = ln D(X) + ln(1 − D(X̃)) + ln(1 − D(X_p)).
 * form 'source' updates θ₂ ← θ₂ − μ∇L_GAN (as printed: D DESCENDS its own objective); form 'exact' ascends it (the minimax
 * (10.1.3)). Returns, after every step, the mean D on fresh real samples and on fresh fakes (both kinds): with the printed
 * signs the discriminator ends up calling the real data fake.
 */
export function vaeganDiscriminatorRun(D0: SayedNet, form: Form, opts: { steps?: number; mu?: number; batchSize?: number; mRecon?: number; mPrior?: number; seed?: number } = {}): { meanDReal: number[]; meanDFake: number[]; D: SayedNet } {
  const fn = 'vaeganDiscriminatorRun';
  assertOneOf(fn, 'form', form, ['exact', 'source'] as const);
  const steps = opts.steps ?? 200;
  const mu = opts.mu ?? 5e-3;
  const B = opts.batchSize ?? 64;
  const mRecon = opts.mRecon ?? 1;
  const mPrior = opts.mPrior ?? 2;
  assertInteger(fn, 'steps', steps, 1, 1e6);
  assertPositive(fn, 'mu', mu);
  assertInteger(fn, 'batchSize', B, 1, 1e5);
  assertFiniteNumber(fn, 'mRecon', mRecon);
  assertFiniteNumber(fn, 'mPrior', mPrior);
  const r = new Rng(opts.seed ?? 0);
  const D = cloneSayedNet(D0);
  const opt = createAdam({ mu, beta1: 0.5 });
  const test = Array.from({ length: 500 }, () => [r.normal(0, 1)]);
  const testFake = Array.from({ length: 500 }, (_, i) => [r.normal(i % 2 ? mRecon : mPrior, 1)]);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mr: number[] = [];
  const mf: number[] = [];
  for (let k = 0; k < steps; k++) {
    const reals = Array.from({ length: B }, () => [r.normal(0, 1)]);
    const fakes = [...Array.from({ length: B }, () => [r.normal(mRecon, 1)]), ...Array.from({ length: B }, () => [r.normal(mPrior, 1)])];
    const g = sayedDiscriminatorGradients(D, reals, fakes); // gradient of −L_GAN/N: descending it ascends L_GAN
    const sign = form === 'exact' ? 1 : -1;
    opt.step([...D.W.flat(1), ...D.theta], [...g.dW.flat(1), ...g.dTheta].map((row) => row.map((v) => sign * v)));
    mr.push(mean(sayedDiscriminate(D, test)));
    mf.push(mean(sayedDiscriminate(D, testFake)));
  }
  return { meanDReal: mr, meanDFake: mf, D };
}

/** AVB toy: x ~ N(0, 1), encoder q(z|x) = N(a x, s²), prior p(z) = N(0, 1); the exact log-ratio T*(x, z) = ln q(z|x) − ln p(z). */
export function avbLogRatio(x: number, z: number, a: number, s: number): number {
  assertFiniteNumber('avbLogRatio', 'x', x);
  assertFiniteNumber('avbLogRatio', 'z', z);
  assertFiniteNumber('avbLogRatio', 'a', a);
  assertPositive('avbLogRatio', 's', s);
  return -Math.log(s) - ((z - a * x) ** 2) / (2 * s * s) + (z * z) / 2;
}

/** Quadratic features (1, z, z², xz, x², x): a family that contains T* of the toy exactly. */
function features(x: number, z: number): number[] {
  return [1, z, z * z, x * z, x * x, x];
}

/**
 * AVB's adversary (Mescheder et al. 2017, Eq. (3.3)): T maximises E_{x, z~q(z|x)} ln σ(T(x, z)) + E_{x, z~p(z)} ln(1 − σ(T(x, z))),
 * whose maximiser is T*(x, z) = ln q(z|x) − ln p(z) (no sigmoid: the notes' "σ(T) = log(p/q)" is 002-E52). Logistic
 * regression on the quadratic features with ADAM; returns the learned T and its weights.
 */
export function trainAvbAdversary(opts: { a?: number; s?: number; n?: number; steps?: number; seed?: number } = {}): { T: (x: number, z: number) => number; w: number[]; objective: number } {
  const fn = 'trainAvbAdversary';
  const a = opts.a ?? 0.8;
  const s = opts.s ?? 0.6;
  const n = opts.n ?? 2000;
  const steps = opts.steps ?? 1500;
  assertFiniteNumber(fn, 'a', a);
  assertPositive(fn, 's', s);
  assertInteger(fn, 'n', n, 2, 1e6);
  assertInteger(fn, 'steps', steps, 1, 1e6);
  const r = new Rng(opts.seed ?? 0);
  const pos = Array.from({ length: n }, () => {
    const x = r.normal();
    return features(x, a * x + s * r.normal());
  });
  const neg = Array.from({ length: n }, () => features(r.normal(), r.normal()));
  const w = [0, 0, 0, 0, 0, 0];
  const opt = createAdam({ mu: 0.02, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
  const dot = (f: number[]) => f.reduce((t, v, i) => t + v * w[i], 0);
  let obj = 0;
  for (let k = 0; k < steps; k++) {
    const g = [0, 0, 0, 0, 0, 0];
    obj = 0;
    for (const f of pos) {
      const t = dot(f);
      obj += logSigmoid(t) / n;
      const c = (1 - sigmoid(t)) / n; // d/dT ln σ(T)
      f.forEach((v, i) => (g[i] -= c * v));
    }
    for (const f of neg) {
      const t = dot(f);
      obj += logSigmoid(-t) / n;
      const c = -sigmoid(t) / n; // d/dT ln(1 − σ(T))
      f.forEach((v, i) => (g[i] -= c * v));
    }
    opt.step([w], [g]);
  }
  return { T: (x, z) => dot(features(x, z)), w: w.slice(), objective: obj };
}
