/**
 * The Wasserstein GAN of source 004 §68.7 ((68.176)–(68.180), commentary only) and Problem 68.11, in the book's network
 * conventions, plus the two ways of enforcing the Lipschitz constraint that the chapter never states (004-E21):
 * weight clipping (Arjovsky, Chintala & Bottou 2017) and the gradient penalty (Gulrajani et al. 2017) — extensions.
 *
 * - W₁ in one dimension: ∫|F_p − F_q| dx; for two empirical distributions with n points each, (1/n)Σ|x_(i) − y_(i)|
 *   (sorted samples); between N(m₁, s₁²) and N(m₂, s₂²), E|a + bZ| with a = m₁ − m₂, b = |s₁ − s₂| (the quantile coupling
 *   is optimal in 1-D), which is |m₁ − m₂| for equal variances (004 O11).
 * - Critic (68.179): minimise ρΣ‖W_{ℓ,d}‖² − (1/N)(Σ_real D(h) − Σ_fake D(ĥ)), D with one LINEAR output; boundary
 *   sensitivities −1 (real) and +1 (fake), then recursion (68.142) — Prob. 68.11.
 * - Generator (68.180) with the ridge sign of listing (68.161) (004-E10): maximise −ρ‖W_g‖² + (1/B)Σ D(ĥ); sensitivity +1 at
 *   the critic's output, transition δ_{L_g,g} = f'(z_{L_g,g}) ⊙ (W_{1,d} δ_{2,d}) with NO leading minus.
 */
import { tf } from '../core/backend';
import { assertFiniteNumber, assertInteger, assertNonNegative, assertOneOf, assertPositive, assertVector, describe } from '../core/validate';
import { normalCdf } from '../core/special';
import { Rng } from '../core/rng';
import { AdamOptimizer, createAdam } from './adam';
import { SayedGrads, SayedNet, cloneSayedNet, sayedBackward, sayedForward, sayedNetSizes, sayedParamRows, sayedWeightSqNorm } from './listings';

/** W₁ between N(m₁, s₁²) and N(m₂, s₂²) in one dimension: E|a + bZ|, a = m₁ − m₂, b = |s₁ − s₂| (= |m₁ − m₂| if s₁ = s₂). */
export function wasserstein1Gaussian(m1: number, s1: number, m2: number, s2: number): number {
  const fn = 'wasserstein1Gaussian';
  assertFiniteNumber(fn, 'm1', m1);
  assertPositive(fn, 's1', s1);
  assertFiniteNumber(fn, 'm2', m2);
  assertPositive(fn, 's2', s2);
  const a = m1 - m2;
  const b = Math.abs(s1 - s2);
  if (b === 0) return Math.abs(a);
  return b * Math.sqrt(2 / Math.PI) * Math.exp(-(a * a) / (2 * b * b)) + a * (1 - 2 * normalCdf(-a / b));
}

/** W₁ between two equal-size empirical distributions by the sorted-sample formula (1/n)Σ|x_(i) − y_(i)|. */
export function wasserstein1Sorted(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const fn = 'wasserstein1Sorted';
  assertVector(fn, 'xs', xs);
  assertVector(fn, 'ys', ys, xs.length);
  const a = Float64Array.from(xs).sort();
  const b = Float64Array.from(ys).sort();
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / a.length;
}

/** W₁ between two empirical distributions of any sizes: ∫|F_n(t) − G_m(t)| dt over the merged sorted support. */
export function wasserstein1Empirical(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const fn = 'wasserstein1Empirical';
  assertVector(fn, 'xs', xs);
  assertVector(fn, 'ys', ys);
  const a = Float64Array.from(xs).sort();
  const b = Float64Array.from(ys).sort();
  let i = 0;
  let j = 0;
  let s = 0;
  let prev = Math.min(a[0], b[0]);
  while (i < a.length || j < b.length) {
    const t = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    s += Math.abs(i / a.length - j / b.length) * (t - prev);
    prev = t;
    while (i < a.length && a[i] === t) i++;
    while (j < b.length && b[j] === t) j++;
  }
  return s;
}

function checkCritic(fn: string, C: SayedNet): number[] {
  const s = sayedNetSizes(C, fn);
  if (s[s.length - 1] !== 1 || C.act[C.act.length - 1] !== 'linear') throw new RangeError(`${fn}: the critic must end in ONE linear output (got ${s[s.length - 1]} outputs, activation ${C.act[C.act.length - 1]})`);
  return s;
}

function checkBatch(fn: string, arg: string, xs: unknown, dim: number): asserts xs is number[][] {
  if (!Array.isArray(xs) || xs.length === 0) throw new TypeError(`${fn}: argument ${arg} must be a non-empty array of vectors (got ${describe(xs)})`);
  xs.forEach((x, i) => assertVector(fn, `${arg}[${i}]`, x, dim));
}

/** The critic's value D(h) (its single linear output) for each input. */
export function criticValues(C: SayedNet, xs: number[][]): number[] {
  const s = checkCritic('criticValues', C);
  checkBatch('criticValues', 'xs', xs, s[0]);
  return xs.map((x) => {
    const f = sayedForward(C, x, false);
    return f.y[f.y.length - 1][0];
  });
}

/** The critic's estimate of W₁ on samples: mean D(real) − mean D(fake) (the bracket of (68.176) with E18 fixed). */
export function criticGap(C: SayedNet, reals: number[][], fakes: number[][]): number {
  const a = criticValues(C, reals);
  const b = criticValues(C, fakes);
  return a.reduce((s, v) => s + v, 0) / a.length - b.reduce((s, v) => s + v, 0) / b.length;
}

/**
 * The penalty's form: 'twoSided' λ(|D'| − 1)² (Gulrajani et al. 2017) or 'oneSided' λ max(0, |D'| − 1)² (Petzka, Fischer &
 * Lukovnikov 2018). In 1-D the two-sided form has a spurious local minimum: for a linear critic D = s·x between N(0, 1) and
 * N(m, 1) the risk s·m + λ(|s| − 1)² has a local minimum at s = 1 − m/(2λ) > 0 (gap −m(1 − m/(2λ)), the WRONG sign) as well
 * as the global one at s = −1 − m/(2λ); the one-sided form has only the latter. At that global minimum both forms bias the
 * gap to m(1 + m/(2λ)).
 */
export const GP_FORMS = ['oneSided', 'twoSided'] as const;
export type GpForm = (typeof GP_FORMS)[number];

/** Gradients with the critic risk and the gradient-penalty term. */
export interface CriticGradients extends SayedGrads {
  /** ρΣ‖W‖² − (mean D(real) − mean D(fake)) + λ·penalty. */
  risk: number;
  gap: number;
  penalty: number;
}

function zeroGrads(net: SayedNet): SayedGrads {
  return { dW: net.W.map((Wl) => Wl.map((r) => new Array(r.length).fill(0))), dTheta: net.theta.map((t) => new Array(t.length).fill(0)) };
}

function accumulate(g: SayedGrads, y: number[][], delta: number[][], c: number): void {
  for (let l = 0; l < g.dW.length; l++) {
    const d = delta[l + 1];
    for (let j = 0; j < y[l].length; j++) {
      const cy = c * y[l][j];
      if (cy === 0) continue;
      for (let k = 0; k < d.length; k++) g.dW[l][j][k] += cy * d[k];
    }
    for (let k = 0; k < d.length; k++) g.dTheta[l][k] -= c * d[k];
  }
}

/**
 * Gradient of the critic's risk, Prob. 68.11: ρΣ‖W_d‖² − (mean_real D(h) − mean_fake D(ĥ)) (the book's 1/N with N_r = N_f
 * becomes ½ of this; we use the per-group means of WGAN, so the risk is −(Ŵ₁ estimate)), boundary δ = −1/N_r on reals and
 * +1/N_f on fakes, recursion (68.142). With `gpWeight` λ > 0 adds the gradient penalty of Gulrajani et al. (2017)
 * λ·mean_k(|∂D/∂x(x̃_k)| − 1)² at the points `gpPoints` (an extension; hand-derived for a critic with one tanh hidden layer
 * and a scalar input, the 1-D setting of the notebook).
 */
export function criticGradients(C: SayedNet, reals: number[][], fakes: number[][], opts: { rho?: number; gpWeight?: number; gpPoints?: number[][]; gpForm?: GpForm } = {}): CriticGradients {
  const fn = 'criticGradients';
  const s = checkCritic(fn, C);
  checkBatch(fn, 'reals', reals, s[0]);
  checkBatch(fn, 'fakes', fakes, s[0]);
  const rho = opts.rho ?? 0;
  assertNonNegative(fn, 'rho', rho);
  const lambda = opts.gpWeight ?? 0;
  assertNonNegative(fn, 'gpWeight', lambda);
  const gpForm = opts.gpForm ?? 'oneSided';
  assertOneOf(fn, 'gpForm', gpForm, GP_FORMS);
  const g = zeroGrads(C);
  let mr = 0;
  let mf = 0;
  for (const [xs, sign] of [[reals, -1], [fakes, 1]] as const) {
    for (const x of xs) {
      const f = sayedForward(C, x, false);
      if (sign < 0) mr += f.y[f.y.length - 1][0];
      else mf += f.y[f.y.length - 1][0];
      accumulate(g, f.y, sayedBackward(C, f, [sign]), 1 / xs.length);
    }
  }
  mr /= reals.length;
  mf /= fakes.length;
  let penalty = 0;
  if (lambda > 0) {
    if (s.length !== 3 || s[0] !== 1 || C.act[0] !== 'tanh') throw new RangeError(`${fn}: the gradient penalty is implemented for a critic [1, H, 1] with a tanh hidden layer (got sizes ${JSON.stringify(s)}, activations ${C.act.join(', ')})`);
    const pts = opts.gpPoints;
    checkBatch(fn, 'gpPoints', pts, 1);
    const H = s[1];
    const W = C.W[0][0];
    const v = C.W[1].map((r) => r[0]);
    for (const [x] of pts) {
      // D(x) = Σ_k v_k tanh(W_k x − θ_k) − b,  D'(x) = Σ_k W_k v_k (1 − a_k²)
      const a = W.map((w, k) => Math.tanh(w * x - C.theta[0][k]));
      let dx = 0;
      for (let k = 0; k < H; k++) dx += W[k] * v[k] * (1 - a[k] * a[k]);
      const e = gpForm === 'oneSided' ? Math.max(0, Math.abs(dx) - 1) : Math.abs(dx) - 1;
      penalty += (e * e) / pts.length;
      const c = (lambda * 2 * e * Math.sign(dx)) / pts.length;
      for (let k = 0; k < H; k++) {
        const s2 = 1 - a[k] * a[k];
        const dz = W[k] * v[k] * -2 * a[k] * s2; // ∂D'/∂z_k
        g.dW[0][0][k] += c * (v[k] * s2 + dz * x);
        g.dTheta[0][k] += c * -dz;
        g.dW[1][k][0] += c * W[k] * s2;
      }
    }
  }
  if (rho > 0) C.W.forEach((Wl, l) => Wl.forEach((r, j) => r.forEach((w, k) => (g.dW[l][j][k] += 2 * rho * w))));
  return { ...g, risk: rho * sayedWeightSqNorm(C) - (mr - mf) + lambda * penalty, gap: mr - mf, penalty };
}

/**
 * Gradient of the generator's LOSS (minus its objective (68.180) with the ridge sign of (68.161)):
 * ρ‖W_g‖² − (1/B)Σ D(G(u_b)); sensitivity +1 at the critic's output, transition without the leading minus (Prob. 68.11).
 */
export function wganGeneratorGradients(G: SayedNet, C: SayedNet, us: number[][], opts: { rho?: number } = {}): SayedGrads & { objective: number } {
  const fn = 'wganGeneratorGradients';
  const gs = sayedNetSizes(G, fn);
  const cs = checkCritic(fn, C);
  if (gs[gs.length - 1] !== cs[0]) throw new RangeError(`${fn}: the generator's output size (${gs[gs.length - 1]}) must equal the critic's input size (${cs[0]})`);
  checkBatch(fn, 'us', us, gs[0]);
  const rho = opts.rho ?? 0;
  assertNonNegative(fn, 'rho', rho);
  const L = G.W.length;
  const g = zeroGrads(G);
  let obj = 0;
  for (const u of us) {
    const fg = sayedForward(G, u, false);
    const fc = sayedForward(C, fg.y[L], false);
    obj += fc.y[fc.y.length - 1][0];
    const dC = sayedBackward(C, fc, [1]);
    const fp = fg.z[L].map((z, i) => (G.act[L - 1] === 'tanh' ? 1 - fg.y[L][i] ** 2 : G.act[L - 1] === 'relu' ? (z > 0 ? 1 : 0) : G.act[L - 1] === 'sigmoid' ? fg.y[L][i] * (1 - fg.y[L][i]) : 1));
    const dG = sayedBackward(G, fg, dC[0].map((v, i) => fp[i] * v));
    accumulate(g, fg.y, dG, -1 / us.length);
  }
  if (rho > 0) G.W.forEach((Wl, l) => Wl.forEach((r, j) => r.forEach((w, k) => (g.dW[l][j][k] += 2 * rho * w))));
  return { ...g, objective: obj / us.length - rho * sayedWeightSqNorm(G) };
}

/** tfjs autodiff of the critic risk (gap part, ridge and — for a [1, H, 1] tanh critic — the explicit penalty) and the generator loss. */
export function wganGradientsTf(G: SayedNet, C: SayedNet, reals: number[][], us: number[][], opts: { rho?: number; gpWeight?: number; gpPoints?: number[][]; gpForm?: GpForm } = {}): { critic: SayedGrads; generator: SayedGrads } {
  const rho = opts.rho ?? 0;
  const oneSided = (opts.gpForm ?? 'oneSided') === 'oneSided';
  const lambda = opts.gpWeight ?? 0;
  const act = (a: string, z: tf.Tensor) => (a === 'relu' ? tf.relu(z) : a === 'tanh' ? tf.tanh(z) : a === 'sigmoid' ? tf.sigmoid(z) : z);
  const run = (ps: tf.Tensor[], acts: string[], x: tf.Tensor) => {
    const L = ps.length / 2;
    let y = x;
    for (let l = 0; l < L; l++) y = act(acts[l], tf.sub(tf.matMul(y as tf.Tensor2D, ps[l] as tf.Tensor2D), ps[L + l]));
    return y;
  };
  const ridge = (ps: tf.Tensor[]) => tf.addN(ps.slice(0, ps.length / 2).map((w) => tf.sum(tf.square(w))));
  const grads = (ps: tf.Tensor[], L: number): SayedGrads => ({ dW: ps.slice(0, L).map((t) => t.arraySync() as number[][]), dTheta: ps.slice(L).map((t) => (t.arraySync() as number[][])[0]) });
  let out: { critic: SayedGrads; generator: SayedGrads } | undefined;
  tf.tidy(() => {
    const cp = [...C.W.map((w) => tf.tensor2d(w)), ...C.theta.map((t) => tf.tensor2d([t]))];
    const gp = [...G.W.map((w) => tf.tensor2d(w)), ...G.theta.map((t) => tf.tensor2d([t]))];
    const fakes = run(gp, G.act, tf.tensor2d(us));
    const cRisk = (...ps: tf.Tensor[]) => {
      let r = tf.sub(tf.mean(run(ps, C.act, fakes)), tf.mean(run(ps, C.act, tf.tensor2d(reals))));
      r = tf.add(r, tf.mul(rho, ridge(ps)));
      if (lambda > 0) {
        const x = tf.tensor2d(opts.gpPoints!); // [K, 1]
        const a = tf.tanh(tf.sub(tf.matMul(x, ps[0] as tf.Tensor2D), ps[2])); // [K, H]
        const dx = tf.sum(tf.mul(tf.mul(ps[0], tf.transpose(ps[1])), tf.sub(1, tf.square(a))), 1); // [K]
        const e = tf.sub(tf.abs(dx), 1);
        r = tf.add(r, tf.mul(lambda, tf.mean(tf.square(oneSided ? tf.relu(e) : e))));
      }
      return r as tf.Scalar;
    };
    const gLoss = (...ps: tf.Tensor[]) => tf.add(tf.neg(tf.mean(run(cp, C.act, run(ps, G.act, tf.tensor2d(us))))), tf.mul(rho, ridge(ps))) as tf.Scalar;
    out = { critic: grads(tf.grads(cRisk)(cp), C.W.length), generator: grads(tf.grads(gLoss)(gp), G.W.length) };
  });
  return out!;
}

/** Clip every critic weight and bias to [−c, c] (Arjovsky et al. 2017). */
export function clipCritic(C: SayedNet, c: number): void {
  assertPositive('clipCritic', 'c', c);
  const cl = (r: number[]) => r.forEach((v, k) => (r[k] = Math.max(-c, Math.min(c, v))));
  C.W.forEach((Wl) => Wl.forEach(cl));
  C.theta.forEach(cl);
}

/** Options of the WGAN trainer. */
export interface WganOptions {
  /** 'clip' (weight clipping at `clip`) or 'gp' (gradient penalty with weight `gpWeight`; needs a [1, H, 1] tanh critic). */
  lipschitz?: 'clip' | 'gp';
  clip?: number;
  gpWeight?: number;
  /** Penalty form (default 'oneSided'; see GP_FORMS). */
  gpForm?: GpForm;
  /** Critic iterations per generator iteration (Arjovsky et al.: 5). */
  nCritic?: number;
  batchSize?: number;
  /** ADAM step sizes and β₁ for critic and generator (defaults 1e-3 / 1e-3, β₁ = 0.5). */
  muCritic?: number;
  muGenerator?: number;
  beta1?: number;
  seed?: number;
}

/** One WGAN iteration's record: the critic's gap (its W₁ estimate) on the last batch. */
export interface WganRecord {
  iteration: number;
  criticGap: number;
  penalty: number;
}

/**
 * The WGAN loop: nCritic critic steps on (68.179) with clipping or the gradient penalty, then one generator step on (68.180).
 * With `G = null` only the critic trains, against a fixed `sampleFake` — the experiment that estimates W₁ between two known
 * distributions (004 O11).
 */
export class WganTrainer {
  readonly history: WganRecord[] = [];
  iteration = 0;
  private readonly rng: Rng;
  private readonly optC: AdamOptimizer;
  private readonly optG?: AdamOptimizer;
  private readonly o: Required<WganOptions>;

  constructor(
    readonly C: SayedNet,
    readonly G: SayedNet | null,
    private readonly sampleReal: (n: number, rng: Rng) => number[][],
    private readonly sampleFake: ((n: number, rng: Rng) => number[][]) | null,
    opts: WganOptions = {},
  ) {
    const fn = 'WganTrainer';
    const cs = checkCritic(fn, C);
    if (G !== null) {
      const gs = sayedNetSizes(G, fn);
      if (gs[gs.length - 1] !== cs[0]) throw new RangeError(`${fn}: the generator's output size (${gs[gs.length - 1]}) must equal the critic's input size (${cs[0]})`);
    } else if (typeof sampleFake !== 'function') throw new TypeError(`${fn}: without a generator, sampleFake must be a function (got ${describe(sampleFake)})`);
    if (typeof sampleReal !== 'function') throw new TypeError(`${fn}: argument sampleReal must be a function (got ${describe(sampleReal)})`);
    const o: Required<WganOptions> = { lipschitz: 'gp', clip: 0.01, gpWeight: 10, gpForm: 'oneSided', nCritic: 5, batchSize: 64, muCritic: 1e-3, muGenerator: 1e-3, beta1: 0.5, seed: 0, ...opts };
    assertOneOf(fn, 'lipschitz', o.lipschitz, ['clip', 'gp'] as const);
    assertPositive(fn, 'clip', o.clip);
    assertPositive(fn, 'gpWeight', o.gpWeight);
    assertOneOf(fn, 'gpForm', o.gpForm, GP_FORMS);
    assertInteger(fn, 'nCritic', o.nCritic, 1, 1000);
    assertInteger(fn, 'batchSize', o.batchSize, 1, 1e5);
    assertPositive(fn, 'muCritic', o.muCritic);
    assertPositive(fn, 'muGenerator', o.muGenerator);
    assertInteger(fn, 'seed', o.seed, 0);
    if (o.lipschitz === 'gp' && (cs.length !== 3 || cs[0] !== 1 || C.act[0] !== 'tanh')) throw new RangeError(`${fn}: the gradient penalty needs a critic [1, H, 1] with a tanh hidden layer (got sizes ${JSON.stringify(cs)})`);
    this.o = o;
    this.rng = new Rng(o.seed);
    this.optC = createAdam({ mu: o.muCritic, beta1: o.beta1, beta2: 0.999, eps: 1e-8 });
    if (G) this.optG = createAdam({ mu: o.muGenerator, beta1: o.beta1, beta2: 0.999, eps: 1e-8 });
  }

  private latents(): number[][] {
    const P = this.G!.W[0].length;
    return Array.from({ length: this.o.batchSize }, () => Array.from(this.rng.normals(P)));
  }

  private fakes(): number[][] {
    if (!this.G) return this.sampleFake!(this.o.batchSize, this.rng);
    return this.latents().map((u) => {
      const f = sayedForward(this.G!, u, false);
      return f.y[f.y.length - 1];
    });
  }

  /** Run n iterations (each: nCritic critic steps, then one generator step if there is a generator). */
  run(n: number): WganRecord[] {
    assertInteger('WganTrainer.run', 'n', n, 1);
    const out: WganRecord[] = [];
    const B = this.o.batchSize;
    for (let it = 0; it < n; it++) {
      let cg: CriticGradients | undefined;
      for (let k = 0; k < this.o.nCritic; k++) {
        const reals = this.sampleReal(B, this.rng);
        const fakes = this.fakes();
        const gpPoints = this.o.lipschitz === 'gp' ? reals.map((r, i) => {
          const e = this.rng.uniform();
          return [e * r[0] + (1 - e) * fakes[i % fakes.length][0]];
        }) : undefined;
        cg = criticGradients(this.C, reals, fakes, this.o.lipschitz === 'gp' ? { gpWeight: this.o.gpWeight, gpPoints, gpForm: this.o.gpForm } : {});
        this.optC.step(sayedParamRows(this.C), [...cg.dW.flat(1), ...cg.dTheta]);
        if (this.o.lipschitz === 'clip') clipCritic(this.C, this.o.clip);
      }
      if (this.G) {
        const gg = wganGeneratorGradients(this.G, this.C, this.latents());
        this.optG!.step(sayedParamRows(this.G), [...gg.dW.flat(1), ...gg.dTheta]);
      }
      this.iteration++;
      const rec = { iteration: this.iteration, criticGap: cg!.gap, penalty: cg!.penalty };
      out.push(rec);
      this.history.push(rec);
    }
    return out;
  }

  /** The critic's W₁ estimate on fresh samples (n real, n fake), seeded. */
  estimate(n: number, seed = 1): number {
    assertInteger('WganTrainer.estimate', 'n', n, 1);
    const r = new Rng(seed);
    const reals = this.sampleReal(n, r);
    const fakes = this.G ? this.sample(n, seed + 1) : this.sampleFake!(n, r);
    return criticGap(this.C, reals, fakes);
  }

  /** n generated samples (requires a generator). */
  sample(n: number, seed = 1): number[][] {
    if (!this.G) throw new RangeError('WganTrainer.sample: this trainer has no generator');
    assertInteger('WganTrainer.sample', 'n', n, 1);
    const r = new Rng(seed);
    const P = this.G.W[0].length;
    return Array.from({ length: n }, () => {
      const f = sayedForward(this.G!, Array.from(r.normals(P)), false);
      return f.y[f.y.length - 1];
    });
  }

  /** A copy of the critic (for plots). */
  criticSnapshot(): SayedNet {
    return cloneSayedNet(this.C);
  }
}
