/**
 * The conditional GAN of source 004 §68.6 ((68.162)–(68.174), Fig. 68.19) — in the book's form and corrected (004-E17).
 *
 * Book form ('source'): labels have C + 1 entries, a real sample of class c carries e_c and a fake carries e_{C+1}
 * (68.162)–(68.163); the generator's input is u' = col{u, γ} (68.164) and the discriminator's input h' = col{h or ĥ, γ}
 * (68.165). A fake therefore shows e_{C+1} in the discriminator's INPUT: the discriminator can read "fake" off its input.
 * Corrected form ('exact', Mirza & Osindero 2014): the condition is the C-entry class one-hot c of the real sample or of the
 * class requested from the generator, fed to both networks; real/fake is only the target.
 *
 * In both forms the generator's transition keeps only the rows of W_{1,d} that multiply ĥ (68.166)–(68.174):
 * δ_{L_g,g} = −f'(z_{L_g,g}) ⊙ (W̄_{1,d} δ_{2,d}), W̄_{1,d} = [I_M 0] W_{1,d}.
 */
import { tf } from '../core/backend';
import { assertInteger, assertNonNegative, assertOneOf, assertPositive, assertVector, describe } from '../core/validate';
import { Rng } from '../core/rng';
import { Form } from './value';
import { AdamOptimizer, createAdam } from './adam';
import { SayedGrads, SayedNet, sayedBackward, sayedDiscriminatorGradients, sayedForward, sayedNetSizes, sayedParamRows, sayedWeightSqNorm, softmaxCrossEntropyDelta } from './listings';
import { ringCenters, RingOptions } from './ring';

/** The conditioning vector fed to the networks: e_c of length C (exact) or C + 1 (source); a source-form fake gets e_{C+1}. */
export function conditionVector(c: number, C: number, form: Form, fake = false): number[] {
  const fn = 'conditionVector';
  assertInteger(fn, 'C', C, 1, 1e4);
  assertInteger(fn, 'c', c, 0, C - 1);
  assertOneOf(fn, 'form', form, ['exact', 'source'] as const);
  const v = new Array(form === 'source' ? C + 1 : C).fill(0);
  v[form === 'source' && fake ? C : c] = 1;
  return v;
}

/** W̄_{1,d} = [I_M 0] W_{1,d}: the first M rows of the discriminator's first weight matrix (68.174). */
export function conditionalTransitionRows(D: SayedNet, M: number): number[][] {
  const s = sayedNetSizes(D, 'conditionalTransitionRows');
  assertInteger('conditionalTransitionRows', 'M', M, 1, s[0]);
  return D.W[0].slice(0, M).map((r) => r.slice());
}

/**
 * Gradient of the conditional generator's loss (non-saturating, ridge ρ): ρ‖W_g‖² − (1/B)Σ ln γ̂(1) at D(col{G(col{u_b, g_b}), d_b}),
 * where g_b is the generator's condition and d_b the condition shown to D. Transition (68.174) with W̄_{1,d}.
 */
export function conditionalGeneratorGradients(G: SayedNet, D: SayedNet, us: number[][], genConds: number[][], discConds: number[][], opts: { rho?: number } = {}): SayedGrads & { objective: number } {
  const fn = 'conditionalGeneratorGradients';
  const gs = sayedNetSizes(G, fn);
  const ds = sayedNetSizes(D, fn);
  const M = gs[gs.length - 1];
  if (!Array.isArray(us) || us.length === 0) throw new TypeError(`${fn}: argument us must be a non-empty array of vectors (got ${describe(us)})`);
  if (!Array.isArray(genConds) || genConds.length !== us.length) throw new RangeError(`${fn}: argument genConds must have one condition per latent (${us.length}) (got ${describe(genConds)})`);
  if (!Array.isArray(discConds) || discConds.length !== us.length) throw new RangeError(`${fn}: argument discConds must have one condition per latent (${us.length}) (got ${describe(discConds)})`);
  us.forEach((u, i) => {
    assertVector(fn, `us[${i}]`, u);
    assertVector(fn, `genConds[${i}]`, genConds[i], gs[0] - u.length);
    assertVector(fn, `discConds[${i}]`, discConds[i], ds[0] - M);
  });
  const rho = opts.rho ?? 0;
  assertNonNegative(fn, 'rho', rho);
  const L = G.W.length;
  const g: SayedGrads = { dW: G.W.map((Wl) => Wl.map((r) => new Array(r.length).fill(0))), dTheta: G.theta.map((t) => new Array(t.length).fill(0)) };
  let obj = 0;
  const B = us.length;
  us.forEach((u, b) => {
    const fg = sayedForward(G, [...u, ...genConds[b]], false);
    const hhat = fg.y[L];
    const fd = sayedForward(D, [...hhat, ...discConds[b]], false);
    const yhat = fd.y[fd.y.length - 1];
    obj += Math.log(yhat[0]);
    const dD = sayedBackward(D, fd, softmaxCrossEntropyDelta(yhat, [1, 0]));
    const a = G.act[L - 1];
    const top = hhat.map((y, j) => -(a === 'tanh' ? 1 - y * y : a === 'sigmoid' ? y * (1 - y) : a === 'relu' ? (fg.z[L][j] > 0 ? 1 : 0) : 1) * dD[0][j]); // first M rows only
    const dG = sayedBackward(G, fg, top);
    for (let l = 0; l < L; l++) {
      const d = dG[l + 1];
      fg.y[l].forEach((y, j) => d.forEach((dk, k) => (g.dW[l][j][k] -= (y * dk) / B)));
      d.forEach((dk, k) => (g.dTheta[l][k] += dk / B));
    }
  });
  if (rho > 0) G.W.forEach((Wl, l) => Wl.forEach((r, j) => r.forEach((w, k) => (g.dW[l][j][k] += 2 * rho * w))));
  return { ...g, objective: obj / B - rho * sayedWeightSqNorm(G) };
}

/** tfjs autodiff of the same conditional generator loss (the check of `conditionalGeneratorGradients`). */
export function conditionalGeneratorGradientsTf(G: SayedNet, D: SayedNet, us: number[][], genConds: number[][], discConds: number[][], opts: { rho?: number } = {}): SayedGrads {
  const rho = opts.rho ?? 0;
  const act = (a: string, z: tf.Tensor) => (a === 'relu' ? tf.relu(z) : a === 'tanh' ? tf.tanh(z) : a === 'sigmoid' ? tf.sigmoid(z) : a === 'softmax' ? tf.logSoftmax(z) : z);
  const run = (Ws: tf.Tensor[], ths: tf.Tensor[], acts: string[], x: tf.Tensor) => Ws.reduce((y, W, l) => act(acts[l], tf.sub(tf.matMul(y as tf.Tensor2D, W as tf.Tensor2D), ths[l])), x);
  let out: SayedGrads | undefined;
  tf.tidy(() => {
    const dW = D.W.map((w) => tf.tensor2d(w));
    const dT = D.theta.map((t) => tf.tensor2d([t]));
    const L = G.W.length;
    const f = (...ps: tf.Tensor[]) => {
      const h = run(ps.slice(0, L), ps.slice(L), G.act, tf.concat([tf.tensor2d(us), tf.tensor2d(genConds)], 1));
      const lp = run(dW, dT, D.act, tf.concat([h, tf.tensor2d(discConds)], 1));
      const ridge = tf.addN(ps.slice(0, L).map((w) => tf.sum(tf.square(w))));
      return tf.sub(tf.mul(rho, ridge), tf.mean(lp.slice([0, 0], [us.length, 1]))) as tf.Scalar;
    };
    const gr = tf.grads(f)([...G.W.map((w) => tf.tensor2d(w)), ...G.theta.map((t) => tf.tensor2d([t]))]);
    out = { dW: gr.slice(0, L).map((t) => t.arraySync() as number[][]), dTheta: gr.slice(L).map((t) => (t.arraySync() as number[][])[0]) };
  });
  return out!;
}

/** n samples of the ring with their mode index as the class label. */
export function sampleRingLabelled(n: number, rng: Rng, opts: RingOptions = {}): { x: number[][]; labels: number[] } {
  assertInteger('sampleRingLabelled', 'n', n, 1, 1e7);
  if (!rng || typeof (rng as Rng).normal !== 'function') throw new TypeError(`sampleRingLabelled: argument rng must be a core.rng generator (got ${describe(rng)})`);
  const c = ringCenters(opts);
  const sd = opts.sd ?? 0.05;
  const labels = Array.from({ length: n }, () => rng.integer(c.length));
  return { x: labels.map((k) => [c[k][0] + rng.normal(0, sd), c[k][1] + rng.normal(0, sd)]), labels };
}

/** One record of the conditional trainer. */
export interface ConditionalRecord {
  iteration: number;
  discriminatorRisk: number;
  meanDReal: number;
  meanDFake: number;
}

/**
 * A conditional GAN on the labelled ring (class = mode) trained by (68.155) with K_d = K_g = 1 and ADAM, in the book's form
 * (the (C+1)-entry label in D's input, e_{C+1} for fakes) or the corrected one (the class one-hot for both).
 */
export class ConditionalGanTrainer {
  readonly history: ConditionalRecord[] = [];
  iteration = 0;
  readonly C: number;
  private readonly rng: Rng;
  private readonly optD: AdamOptimizer;
  private readonly optG: AdamOptimizer;

  constructor(readonly G: SayedNet, readonly D: SayedNet, readonly form: Form, private readonly opts: { modes?: number; batchSize?: number; mu?: number; seed?: number; P?: number } = {}) {
    const fn = 'ConditionalGanTrainer';
    assertOneOf(fn, 'form', form, ['exact', 'source'] as const);
    this.C = opts.modes ?? 8;
    assertInteger(fn, 'modes', this.C, 2, 100);
    const P = opts.P ?? 2;
    assertInteger(fn, 'P', P, 1, 1000);
    const k = form === 'source' ? this.C + 1 : this.C;
    const gs = sayedNetSizes(G, fn);
    const ds = sayedNetSizes(D, fn);
    if (gs[0] !== P + k) throw new RangeError(`${fn}: the generator's input size must be P + ${k} = ${P + k} in form '${form}' (got ${gs[0]})`);
    if (gs[gs.length - 1] !== 2 || ds[0] !== 2 + k) throw new RangeError(`${fn}: the generator must output 2-D points and the discriminator take 2 + ${k} = ${2 + k} inputs (got ${gs[gs.length - 1]} and ${ds[0]})`);
    assertInteger(fn, 'batchSize', opts.batchSize ?? 64, 1, 1e5);
    assertPositive(fn, 'mu', opts.mu ?? 1e-3);
    assertInteger(fn, 'seed', opts.seed ?? 0, 0);
    this.rng = new Rng(opts.seed ?? 0);
    this.optD = createAdam({ mu: opts.mu ?? 1e-3, beta1: 0.5 });
    this.optG = createAdam({ mu: opts.mu ?? 1e-3, beta1: 0.5 });
  }

  private get P(): number {
    return this.opts.P ?? 2;
  }

  /** Generated points for requested classes (seeded latents). */
  generate(classes: number[], rng: Rng = this.rng): number[][] {
    return classes.map((c) => {
      const f = sayedForward(this.G, [...Array.from(rng.normals(this.P)), ...conditionVector(c, this.C, this.form)], false);
      return f.y[f.y.length - 1];
    });
  }

  run(n: number): ConditionalRecord[] {
    assertInteger('ConditionalGanTrainer.run', 'n', n, 1);
    const B = this.opts.batchSize ?? 64;
    const out: ConditionalRecord[] = [];
    for (let it = 0; it < n; it++) {
      const real = sampleRingLabelled(B, this.rng, { modes: this.C });
      const want = Array.from({ length: B }, () => this.rng.integer(this.C));
      const fakes = this.generate(want);
      const dReal = real.x.map((x, i) => [...x, ...conditionVector(real.labels[i], this.C, this.form)]);
      const dFake = fakes.map((x, i) => [...x, ...conditionVector(want[i], this.C, this.form, true)]);
      const dg = sayedDiscriminatorGradients(this.D, dReal, dFake);
      this.optD.step(sayedParamRows(this.D), [...dg.dW.flat(1), ...dg.dTheta]);
      const want2 = Array.from({ length: B }, () => this.rng.integer(this.C));
      const us = want2.map(() => Array.from(this.rng.normals(this.P)));
      const gg = conditionalGeneratorGradients(this.G, this.D, us, want2.map((c) => conditionVector(c, this.C, this.form)), want2.map((c) => conditionVector(c, this.C, this.form, true)));
      this.optG.step(sayedParamRows(this.G), [...gg.dW.flat(1), ...gg.dTheta]);
      this.iteration++;
      const rec = { iteration: this.iteration, discriminatorRisk: dg.risk, meanDReal: dg.meanDReal, meanDFake: dg.meanDFake };
      out.push(rec);
      this.history.push(rec);
    }
    return out;
  }

  /** Fraction of points generated for class c that land within k·σ of centre c, averaged over the classes. */
  conditionalAccuracy(perClass = 200, seed = 1, k = 3, sd = 0.05): number {
    const r = new Rng(seed);
    const centers = ringCenters({ modes: this.C });
    let hit = 0;
    for (let c = 0; c < this.C; c++) {
      const pts = this.generate(new Array(perClass).fill(c), r);
      hit += pts.filter((p) => Math.hypot(p[0] - centers[c][0], p[1] - centers[c][1]) <= k * sd).length;
    }
    return hit / (perClass * this.C);
  }
}
