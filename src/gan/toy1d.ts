/**
 * A 1-D GAN whose every gradient can be written by hand: generator G(z) = a·z + b (Φ = (a, b)), z ~ N(0, 1), so
 * p_g = N(b, a²); discriminator D(x) = σ(w2·x² + w1·x + w0) (Ψ = (w2, w1, w0)), a quadratic-logit family that contains the
 * optimal discriminator between two Gaussians exactly (000 M4.1 "analytic 1-D toy"; 002 GN1; 003 NB12 step 9).
 *
 * The training algorithms are the sources':
 * - 000 §4.b (4.5): simultaneous epoch SGD, both players at (Φ⁽ᵏ⁾, Ψ⁽ᵏ⁾), saturating generator loss, hand gradients
 *   ∂d/∂Φ / (1 − d) and ∂d/∂Ψ / d − ∂d/∂Ψ / (1 − d);
 * - 003 Algorithm 2 (L727–746; Goodfellow et al. 2014 Alg. 1): k discriminator ascent steps, then one generator step on a
 *   fresh noise batch using the updated discriminator; as printed it ascends ln D(G(z)) (non-saturating), while 003's Step 2
 *   (L717) descends ln(1 − D(G(z))) (saturating) — erratum 003-E89; both are available through `generatorLoss`;
 * - 002 §10.3: alternating ascent/descent with either generator loss.
 */
import { assertFiniteNumber, assertInteger, assertOneOf, assertPositive, assertVector, describe } from '../core/validate';
import { sigmoid, logSigmoid } from '../core/special';
import { Rng } from '../core/rng';
import { GeneratorLoss, GENERATOR_LOSSES } from './losses';
import { tf } from '../core/backend';
import { gaussianOptimalLogitCoefficients } from './value';

/** Generator parameters Φ = (a, b): G(z) = a z + b. */
export type ToyPhi = [number, number];
/** Discriminator parameters Ψ = (w2, w1, w0): logit s(x) = w2 x² + w1 x + w0. */
export type ToyPsi = [number, number, number];

function checkPhi(fn: string, phi: unknown): asserts phi is ToyPhi {
  assertVector(fn, 'phi', phi, 2);
}
function checkPsi(fn: string, psi: unknown): asserts psi is ToyPsi {
  assertVector(fn, 'psi', psi, 3);
}

/** G(z | Φ) = a z + b (000 (4.1)-style generator g(z|Φ) in one dimension). */
export function toyGenerator(phi: ToyPhi, z: number): number {
  checkPhi('toyGenerator', phi);
  assertFiniteNumber('toyGenerator', 'z', z);
  return phi[0] * z + phi[1];
}

/** The discriminator's logit s(x | Ψ) = w2 x² + w1 x + w0. */
export function toyLogit(psi: ToyPsi, x: number): number {
  checkPsi('toyLogit', psi);
  assertFiniteNumber('toyLogit', 'x', x);
  return psi[0] * x * x + psi[1] * x + psi[2];
}

/** d(x | Ψ) = σ(s(x | Ψ)) ∈ (0, 1) (000 (4.1)). */
export function toyDiscriminator(psi: ToyPsi, x: number): number {
  return sigmoid(toyLogit(psi, x));
}

/** ∂d(x|Ψ)/∂Ψ = d(1 − d)·(x², x, 1) (the "differential" of 000 §4.b; sigmoid derivative y(1 − y), 000 L1311–1319). */
export function toyDiscriminatorGradPsi(psi: ToyPsi, x: number): [number, number, number] {
  const d = toyDiscriminator(psi, x);
  const g = d * (1 - d);
  return [g * x * x, g * x, g];
}

/** ∂d(g(z|Φ)|Ψ)/∂Φ = d(1 − d)·s'(x)·(z, 1), x = a z + b, s'(x) = 2 w2 x + w1 (chain rule). */
export function toyDiscriminatorGradPhi(phi: ToyPhi, psi: ToyPsi, z: number): [number, number] {
  const x = toyGenerator(phi, z);
  const d = toyDiscriminator(psi, x);
  const ds = 2 * psi[0] * x + psi[1];
  const g = d * (1 - d) * ds;
  return [g * z, g];
}

/** The epoch objective of 000 (4.2) averaged over the batch: V̂ = mean ln d(xᵢ) + mean ln(1 − d(g(zᵢ))) (stable via log σ). */
export function toyValue(phi: ToyPhi, psi: ToyPsi, xs: ArrayLike<number>, zs: ArrayLike<number>): number {
  checkPhi('toyValue', phi);
  checkPsi('toyValue', psi);
  assertVector('toyValue', 'xs', xs);
  assertVector('toyValue', 'zs', zs);
  let a = 0;
  for (let i = 0; i < xs.length; i++) a += logSigmoid(toyLogit(psi, xs[i]));
  let b = 0;
  for (let i = 0; i < zs.length; i++) b += logSigmoid(-toyLogit(psi, toyGenerator(phi, zs[i])));
  return a / xs.length + b / zs.length;
}

/** Gradients of a batch: ascent direction for Ψ, and the gradient of the generator's loss (to be descended) for Φ. */
export interface ToyGradients {
  /** ∇_Ψ V̂ = mean ∂d/∂Ψ / d (real) − mean ∂d/∂Ψ / (1 − d) (fake) = mean (1 − d(x))(x², x, 1) − mean d(x')(x'², x', 1). */
  gradPsi: [number, number, number];
  /**
   * ∇_Φ of the generator's loss: saturating ∇ mean ln(1 − d(g(z))) = −mean ∂d/∂Φ / (1 − d) = −mean d·s'(x')(z, 1);
   * non-saturating ∇(−mean ln d(g(z))) = −mean ∂d/∂Φ / d = −mean (1 − d)·s'(x')(z, 1).
   */
  gradPhi: [number, number];
}

/** Hand-derived batch gradients (000 §4.b, L1260–1270 and (4.5); 002 §10.3 generator gradient). */
export function toyGradients(phi: ToyPhi, psi: ToyPsi, xs: ArrayLike<number>, zs: ArrayLike<number>, generatorLoss: GeneratorLoss = 'saturating'): ToyGradients {
  const fn = 'toyGradients';
  checkPhi(fn, phi);
  checkPsi(fn, psi);
  assertVector(fn, 'xs', xs);
  assertVector(fn, 'zs', zs);
  assertOneOf(fn, 'generatorLoss', generatorLoss, GENERATOR_LOSSES);
  const gPsi: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const w = 1 - toyDiscriminator(psi, x); // (∂d/∂Ψ)/d = (1 − d)(x², x, 1)
    gPsi[0] += (w * x * x) / xs.length;
    gPsi[1] += (w * x) / xs.length;
    gPsi[2] += w / xs.length;
  }
  const gPhi: [number, number] = [0, 0];
  for (let i = 0; i < zs.length; i++) {
    const z = zs[i];
    const x = toyGenerator(phi, z);
    const d = toyDiscriminator(psi, x);
    gPsi[0] -= (d * x * x) / zs.length; // (∂d/∂Ψ)/(1 − d) = d (x², x, 1)
    gPsi[1] -= (d * x) / zs.length;
    gPsi[2] -= d / zs.length;
    const ds = 2 * psi[0] * x + psi[1];
    const w = generatorLoss === 'saturating' ? d : 1 - d;
    gPhi[0] -= (w * ds * z) / zs.length;
    gPhi[1] -= (w * ds) / zs.length;
  }
  return { gradPsi: gPsi, gradPhi: gPhi };
}

/**
 * One step of 000's epoch SGD (4.5) exactly as printed, with the quotient forms of the hand gradients:
 * Φ⁽ᵏ⁺¹⁾ = Φ⁽ᵏ⁾ + γ (1/N) Σ (∂d(g(zᵢ|Φ⁽ᵏ⁾)|Ψ⁽ᵏ⁾)/∂Φ) / (1 − d(g(zᵢ|Φ⁽ᵏ⁾)|Ψ⁽ᵏ⁾)),
 * Ψ⁽ᵏ⁺¹⁾ = Ψ⁽ᵏ⁾ + γ (1/N) Σ [(∂d(xᵢ|Ψ⁽ᵏ⁾)/∂Ψ) / d(xᵢ|Ψ⁽ᵏ⁾) − (∂d(g(zᵢ|Φ⁽ᵏ⁾)|Ψ⁽ᵏ⁾)/∂Ψ) / (1 − d(g(zᵢ|Φ⁽ᵏ⁾)|Ψ⁽ᵏ⁾))].
 * (The sign of the Φ-update is right: it is descent on ln(1 − d), whose gradient is −(∂d/∂Φ)/(1 − d).)
 */
export function nguyenSgdStep(phi: ToyPhi, psi: ToyPsi, xs: ArrayLike<number>, zs: ArrayLike<number>, gamma: number): { phi: ToyPhi; psi: ToyPsi } {
  const fn = 'nguyenSgdStep';
  checkPhi(fn, phi);
  checkPsi(fn, psi);
  assertVector(fn, 'xs', xs);
  assertVector(fn, 'zs', zs, xs.length);
  assertPositive(fn, 'gamma', gamma);
  if (gamma > 1) throw new RangeError(`${fn}: gamma must be in (0, 1] (000 T-2: 0 < γ ≤ 1) (got ${gamma})`);
  const N = xs.length;
  const dPhi: [number, number] = [0, 0];
  const dPsi: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < N; i++) {
    const xg = toyGenerator(phi, zs[i]);
    const dFake = toyDiscriminator(psi, xg);
    const dReal = toyDiscriminator(psi, xs[i]);
    const gPhi = toyDiscriminatorGradPhi(phi, psi, zs[i]);
    const gReal = toyDiscriminatorGradPsi(psi, xs[i]);
    const gFake = toyDiscriminatorGradPsi(psi, xg);
    for (let j = 0; j < 2; j++) dPhi[j] += gPhi[j] / (1 - dFake) / N;
    for (let j = 0; j < 3; j++) dPsi[j] += (gReal[j] / dReal - gFake[j] / (1 - dFake)) / N;
  }
  return {
    phi: [phi[0] + gamma * dPhi[0], phi[1] + gamma * dPhi[1]],
    psi: [psi[0] + gamma * dPsi[0], psi[1] + gamma * dPsi[1], psi[2] + gamma * dPsi[2]],
  };
}

/** Configuration of a toy-GAN training run. */
export interface ToyGanConfig {
  /** Data distribution N(mu, sigma²). */
  data: { mu: number; sigma: number };
  /** Initial parameters. */
  init: { phi: ToyPhi; psi: ToyPsi };
  /** Number of outer iterations. */
  steps: number;
  /** Minibatch size m (000's epoch size N). */
  batch: number;
  /** Discriminator (ascent) and generator step sizes. */
  lrD: number;
  lrG: number;
  /** 'simultaneous' (000 (4.5)) or 'alternating' (003 Algorithm 2, 002 §10.3). */
  update: 'simultaneous' | 'alternating';
  /** Generator loss: 'saturating' (000, 003 Step 2) or 'nonSaturating' (003 Algorithm 2 as printed, 002 (10.3.2)). */
  generatorLoss: GeneratorLoss;
  /** Discriminator steps per iteration (k of Algorithm 2; alternating only). Default 1. */
  kD?: number;
  /** Record a snapshot every this many steps (default: steps/10). */
  snapshotEvery?: number;
  /** Seeded generator (design principle 3). */
  rng: Rng;
  /** Called after every step (live progress in notebooks). */
  onStep?: (step: number, rec: ToyGanRecord) => void;
}

/** One record of a training history. */
export interface ToyGanRecord {
  step: number;
  phi: ToyPhi;
  psi: ToyPsi;
  /** V̂ on the step's batch. */
  value: number;
  /** Mean D on the real and on the fake batch. */
  dReal: number;
  dFake: number;
  /** |∇_Φ generator loss|. */
  gradNormG: number;
}

/** Named configurations of the sources' algorithms (override any field). */
export function toyGanPreset(name: 'nguyen' | 'goodfellowAlgorithm2' | 'dgmNotesStep2'): Pick<ToyGanConfig, 'update' | 'generatorLoss' | 'kD'> {
  assertOneOf('toyGanPreset', 'name', name, ['nguyen', 'goodfellowAlgorithm2', 'dgmNotesStep2'] as const);
  if (name === 'nguyen') return { update: 'simultaneous', generatorLoss: 'saturating', kD: 1 };
  if (name === 'goodfellowAlgorithm2') return { update: 'alternating', generatorLoss: 'nonSaturating', kD: 1 };
  return { update: 'alternating', generatorLoss: 'saturating', kD: 1 };
}

function sampleBatch(rng: Rng, n: number, mu: number, sigma: number): Float64Array {
  return rng.normals(n, mu, sigma);
}

/**
 * Train the toy GAN by minibatch SGD (see the module comment for the algorithms). Returns the final parameters, the
 * per-step history and snapshots (for the density-over-training animation). Deterministic given the seeded rng.
 */
export function trainToyGan(cfg: ToyGanConfig): { phi: ToyPhi; psi: ToyPsi; history: ToyGanRecord[]; snapshots: ToyGanRecord[] } {
  const fn = 'trainToyGan';
  if (!cfg || typeof cfg !== 'object') throw new TypeError(`${fn}: cfg must be an object (got ${describe(cfg)})`);
  assertFiniteNumber(fn, 'data.mu', cfg.data?.mu);
  assertPositive(fn, 'data.sigma', cfg.data?.sigma);
  checkPhi(fn, cfg.init?.phi);
  checkPsi(fn, cfg.init?.psi);
  assertInteger(fn, 'steps', cfg.steps, 1);
  assertInteger(fn, 'batch', cfg.batch, 1);
  assertPositive(fn, 'lrD', cfg.lrD);
  assertPositive(fn, 'lrG', cfg.lrG);
  assertOneOf(fn, 'update', cfg.update, ['simultaneous', 'alternating'] as const);
  assertOneOf(fn, 'generatorLoss', cfg.generatorLoss, GENERATOR_LOSSES);
  const kD = cfg.kD ?? 1;
  assertInteger(fn, 'kD', kD, 1);
  if (!(cfg.rng instanceof Rng)) throw new TypeError(`${fn}: rng must be a core.rng(seed) generator (got ${describe(cfg.rng)})`);
  const every = cfg.snapshotEvery ?? Math.max(1, Math.floor(cfg.steps / 10));
  assertInteger(fn, 'snapshotEvery', every, 1);
  let phi: ToyPhi = [cfg.init.phi[0], cfg.init.phi[1]];
  let psi: ToyPsi = [cfg.init.psi[0], cfg.init.psi[1], cfg.init.psi[2]];
  const { mu, sigma } = cfg.data;
  const history: ToyGanRecord[] = [];
  const snapshots: ToyGanRecord[] = [];
  const record = (step: number, xs: ArrayLike<number>, zs: ArrayLike<number>, gradNormG: number): ToyGanRecord => {
    let dr = 0;
    for (let i = 0; i < xs.length; i++) dr += toyDiscriminator(psi, xs[i]) / xs.length;
    let df = 0;
    for (let i = 0; i < zs.length; i++) df += toyDiscriminator(psi, toyGenerator(phi, zs[i])) / zs.length;
    return { step, phi: [phi[0], phi[1]], psi: [psi[0], psi[1], psi[2]], value: toyValue(phi, psi, xs, zs), dReal: dr, dFake: df, gradNormG };
  };
  {
    const xs = sampleBatch(cfg.rng, cfg.batch, mu, sigma);
    const zs = cfg.rng.normals(cfg.batch);
    const g = toyGradients(phi, psi, xs, zs, cfg.generatorLoss);
    const r0 = record(0, xs, zs, Math.hypot(...g.gradPhi));
    history.push(r0);
    snapshots.push(r0);
  }
  const checkFinite = (step: number) => {
    for (const v of [...phi, ...psi]) {
      if (!Number.isFinite(v)) throw new RangeError(`${fn}: parameters diverged at step ${step} (phi=${describe(phi)}, psi=${describe(psi)}); lower lrD/lrG`);
    }
  };
  for (let step = 1; step <= cfg.steps; step++) {
    try {
      let xs: Float64Array;
      let zs: Float64Array;
      let gNorm: number;
      if (cfg.update === 'simultaneous') {
        xs = sampleBatch(cfg.rng, cfg.batch, mu, sigma);
        zs = cfg.rng.normals(cfg.batch);
        const g = toyGradients(phi, psi, xs, zs, cfg.generatorLoss);
        psi = [psi[0] + cfg.lrD * g.gradPsi[0], psi[1] + cfg.lrD * g.gradPsi[1], psi[2] + cfg.lrD * g.gradPsi[2]];
        phi = [phi[0] - cfg.lrG * g.gradPhi[0], phi[1] - cfg.lrG * g.gradPhi[1]];
        gNorm = Math.hypot(...g.gradPhi);
      } else {
        xs = new Float64Array(0);
        zs = new Float64Array(0);
        for (let k = 0; k < kD; k++) {
          xs = sampleBatch(cfg.rng, cfg.batch, mu, sigma);
          zs = cfg.rng.normals(cfg.batch);
          const g = toyGradients(phi, psi, xs, zs, cfg.generatorLoss);
          psi = [psi[0] + cfg.lrD * g.gradPsi[0], psi[1] + cfg.lrD * g.gradPsi[1], psi[2] + cfg.lrD * g.gradPsi[2]];
          checkFinite(step);
        }
        const zg = cfg.rng.normals(cfg.batch);
        const g = toyGradients(phi, psi, xs, zg, cfg.generatorLoss);
        phi = [phi[0] - cfg.lrG * g.gradPhi[0], phi[1] - cfg.lrG * g.gradPhi[1]];
        gNorm = Math.hypot(...g.gradPhi);
        zs = zg;
      }
      checkFinite(step);
      const rec = record(step, xs, zs, gNorm);
      history.push(rec);
      if (step % every === 0 || step === cfg.steps) snapshots.push(rec);
      cfg.onStep?.(step, rec);
    } catch (e) {
      if (e instanceof RangeError && !/diverged/.test(e.message)) {
        throw new RangeError(`${fn}: parameters diverged at step ${step} (phi=${describe(phi)}, psi=${describe(psi)}): ${e.message}; lower lrD/lrG`);
      }
      throw e;
    }
  }
  return { phi, psi, history, snapshots };
}

/** The generated density p_g = N(b, a²) of the toy generator (exact push-forward of N(0,1) through z ↦ az + b). */
export function toyGeneratedDensity(phi: ToyPhi): { mu: number; sigma: number } {
  checkPhi('toyGeneratedDensity', phi);
  if (phi[0] === 0) throw new RangeError('toyGeneratedDensity: a must be non-zero (got 0): p_g would be a point mass');
  return { mu: phi[1], sigma: Math.abs(phi[0]) };
}

/** The optimal discriminator's parameters Ψ* for data N(μ, σ²) against the current generator (exact, in the toy family). */
export function toyOptimalPsi(data: { mu: number; sigma: number }, phi: ToyPhi): ToyPsi {
  const g = toyGeneratedDensity(phi);
  return gaussianOptimalLogitCoefficients(data.mu, data.sigma, g.mu, g.sigma);
}

/**
 * The same batch gradients as `toyGradients`, by tfjs automatic differentiation (`tf.grad`, float32) — the independent
 * check of the hand derivation (design principle 2). Uses only ops whose gradients every tfjs backend has (mul, add, sum).
 */
export function toyGradientsAutodiff(phi: ToyPhi, psi: ToyPsi, xs: ArrayLike<number>, zs: ArrayLike<number>, generatorLoss: GeneratorLoss = 'saturating'): ToyGradients {
  const fn = 'toyGradientsAutodiff';
  checkPhi(fn, phi);
  checkPsi(fn, psi);
  assertVector(fn, 'xs', xs);
  assertVector(fn, 'zs', zs);
  assertOneOf(fn, 'generatorLoss', generatorLoss, GENERATOR_LOSSES);
  return tf.tidy(() => {
    const X = tf.tensor2d(Array.from(xs, (x) => [x * x, x, 1])); // real features (x², x, 1)
    const Z = tf.tensor2d(Array.from(zs, (z) => [z, 1])); // noise features (z, 1)
    const logSig = (s: tf.Tensor) => tf.log(tf.sigmoid(s));
    const fakeLogit = (p: tf.Tensor, q: tf.Tensor) => {
      const xg = tf.sum(tf.mul(Z, p), 1); // a z + b
      const F = tf.stack([tf.square(xg), xg, tf.onesLike(xg)], 1);
      return tf.sum(tf.mul(F, q), 1);
    };
    const phiT = tf.tensor1d(Array.from(phi));
    const psiT = tf.tensor1d(Array.from(psi));
    const V = (q: tf.Tensor) => tf.add(tf.mean(logSig(tf.sum(tf.mul(X, q), 1))), tf.mean(logSig(tf.neg(fakeLogit(phiT, q))))) as tf.Scalar;
    const G = (p: tf.Tensor) =>
      (generatorLoss === 'saturating' ? tf.mean(logSig(tf.neg(fakeLogit(p, psiT)))) : tf.neg(tf.mean(logSig(fakeLogit(p, psiT))))) as tf.Scalar;
    const gPsi = Array.from(tf.grad(V)(psiT).dataSync());
    const gPhi = Array.from(tf.grad(G)(phiT).dataSync());
    return { gradPsi: [gPsi[0], gPsi[1], gPsi[2]] as [number, number, number], gradPhi: [gPhi[0], gPhi[1]] as [number, number] };
  });
}
