/**
 * Source 004 (Sayed, Ch. 68) §68.5: GAN training exactly as the book's listings write it, in float64 on plain arrays.
 *
 * Conventions of the book (68.126)–(68.137): layer ℓ maps y_ℓ (n_ℓ×1) to z_{ℓ+1} = W_ℓᵀ y_ℓ − θ_ℓ (note the MINUS on the
 * bias) and y_{ℓ+1} = f(z_{ℓ+1}); W_ℓ is n_ℓ×n_{ℓ+1}. The discriminator ends in a two-entry softmax (68.136) with
 * γ̂(1) = "real" (68.101); the generator maps u ~ N(0, I_P) to ĥ.
 *
 * Implemented here:
 * - the feedforward pass (listing (68.137)) and the backward recursion δ_ℓ = f'(z_ℓ) ⊙ (W_ℓ δ_{ℓ+1}) (68.142)/(68.144);
 * - the discriminator's boundary sensitivity δ = γ̂ − γ (68.139) in the book's form and in the form valid for labels that
 *   do not sum to one, δ = (Σ_q γ(q)) γ̂ − γ (soft labels of Example 68.6; erratum 004-E13, oracle 004 O8);
 * - the generator's transition (68.150) δ_{L_g,g} = −f'(z_{L_g,g}) ⊙ (W_{1,d} δ̂_{2,d}) (fakes labelled col{1, 0});
 * - gradients (68.151)–(68.154), one discriminator iteration of listing (68.160), one generator iteration of (68.161),
 *   and the K_d/K_g loop of (68.155) with SGD (the listings' (1 − 2μρ)W shrinkage form) or ADAM (Example 68.6);
 * - the same risks differentiated by tfjs (`sayedGanGradientsTf`), the independent check of every hand gradient
 *   (004 O12).
 */
import { tf } from '../core/backend';
import { assertFiniteNumber, assertInteger, assertNonNegative, assertOneOf, assertPositive, assertVector, describe } from '../core/validate';
import { Rng } from '../core/rng';
import { GeneratorLoss, GENERATOR_LOSSES } from './losses';
import { Form } from './value';
import { AdamOptions, AdamOptimizer, createAdam } from './adam';

/** Activations of the book's networks; 'softmax' only as the last layer of a discriminator. */
export const SAYED_ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear', 'softmax'] as const;
export type SayedActivation = (typeof SAYED_ACTIVATIONS)[number];

/** A feedforward network in the book's convention z_{ℓ+1} = W_ℓᵀ y_ℓ − θ_ℓ, y_{ℓ+1} = f_ℓ(z_{ℓ+1}); W[ℓ] is n_ℓ × n_{ℓ+1}. */
export interface SayedNet {
  W: number[][][];
  theta: number[][];
  /** act[ℓ] is the activation producing y_{ℓ+1} (one per weight layer). */
  act: SayedActivation[];
}

/** Layer sizes [n_1, …, n_L] of a SayedNet (validated: rectangular weights, matching biases, known activations). */
export function sayedNetSizes(net: SayedNet, fn = 'sayedNetSizes'): number[] {
  if (!net || typeof net !== 'object' || !Array.isArray(net.W) || !Array.isArray(net.theta) || !Array.isArray(net.act)) {
    throw new TypeError(`${fn}: argument net must be {W, theta, act} (got ${describe(net)})`);
  }
  const L = net.W.length;
  if (L === 0 || net.theta.length !== L || net.act.length !== L) {
    throw new RangeError(`${fn}: argument net must have as many bias vectors and activations as weight matrices, at least one (got ${L}, ${net.theta.length}, ${net.act.length})`);
  }
  const sizes = [net.W[0].length];
  for (let l = 0; l < L; l++) {
    const Wl = net.W[l];
    if (!Array.isArray(Wl) || Wl.length !== sizes[l] || !Array.isArray(Wl[0])) throw new RangeError(`${fn}: net.W[${l}] must have ${sizes[l]} rows (got ${describe(Wl)})`);
    const c = Wl[0].length;
    for (let j = 0; j < Wl.length; j++) if (Wl[j].length !== c) throw new RangeError(`${fn}: net.W[${l}] must be rectangular (row ${j} has ${Wl[j].length} entries, row 0 has ${c})`);
    if (!Array.isArray(net.theta[l]) || net.theta[l].length !== c) throw new RangeError(`${fn}: net.theta[${l}] must have length ${c} (got ${describe(net.theta[l])})`);
    assertOneOf(fn, `net.act[${l}]`, net.act[l], SAYED_ACTIVATIONS);
    if (net.act[l] === 'softmax' && l !== L - 1) throw new RangeError(`${fn}: net.act[${l}] may be 'softmax' only in the last layer (got it in layer ${l} of ${L})`);
    sizes.push(c);
  }
  return sizes;
}

/**
 * A network with the given sizes [n_1, …, n_L] and activations (one per weight layer): weights N(0, 2/n_in) for ReLU
 * layers (He) and N(0, 1/n_in) otherwise (Xavier-type), biases 0. The book initialises by (65.93b)–(65.93c), which the
 * chapter does not reproduce (004-E27): this scheme is an assumption.
 */
export function createSayedNet(sizes: number[], act: SayedActivation[], rng: Rng, gain = 1): SayedNet {
  const fn = 'createSayedNet';
  assertVector(fn, 'sizes', sizes);
  if (sizes.length < 2) throw new RangeError(`${fn}: argument sizes must list at least 2 layers (got ${describe(sizes)})`);
  sizes.forEach((s, i) => assertInteger(fn, `sizes[${i}]`, s, 1, 1e5));
  if (!Array.isArray(act) || act.length !== sizes.length - 1) throw new RangeError(`${fn}: argument act must name ${sizes.length - 1} activations (got ${describe(act)})`);
  act.forEach((a, i) => assertOneOf(fn, `act[${i}]`, a, SAYED_ACTIVATIONS));
  if (!rng || typeof (rng as Rng).normal !== 'function') throw new TypeError(`${fn}: argument rng must be a core.rng generator (got ${describe(rng)})`);
  assertPositive(fn, 'gain', gain);
  const W: number[][][] = [];
  const theta: number[][] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const sd = gain * Math.sqrt((act[l] === 'relu' ? 2 : 1) / sizes[l]);
    W.push(Array.from({ length: sizes[l] }, () => Array.from({ length: sizes[l + 1] }, () => rng.normal(0, sd))));
    theta.push(new Array(sizes[l + 1]).fill(0));
  }
  const net = { W, theta, act: act.slice() };
  sayedNetSizes(net, fn);
  return net;
}

/** Deep copy. */
export function cloneSayedNet(net: SayedNet): SayedNet {
  return { W: net.W.map((Wl) => Wl.map((r) => r.slice())), theta: net.theta.map((t) => t.slice()), act: net.act.slice() };
}

/** Σ_ℓ ‖W_ℓ‖²_F (weights only; the book never regularises biases). */
export function sayedWeightSqNorm(net: SayedNet): number {
  let s = 0;
  for (const Wl of net.W) for (const r of Wl) for (const w of r) s += w * w;
  return s;
}

function applyAct(a: SayedActivation, z: number[]): number[] {
  if (a === 'softmax') {
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const s = e.reduce((p, q) => p + q, 0);
    return e.map((v) => v / s);
  }
  return z.map((v) => (a === 'relu' ? (v > 0 ? v : 0) : a === 'tanh' ? Math.tanh(v) : a === 'sigmoid' ? 1 / (1 + Math.exp(-v)) : v));
}

/** f'(z) entrywise from z and y = f(z) (softmax has no entrywise derivative: its δ is set at the boundary). */
function actDeriv(a: SayedActivation, z: number[], y: number[]): number[] {
  return z.map((v, i) => (a === 'relu' ? (v > 0 ? 1 : 0) : a === 'tanh' ? 1 - y[i] * y[i] : a === 'sigmoid' ? y[i] * (1 - y[i]) : 1));
}

/** The stored signals of one forward pass: z[ℓ] and y[ℓ] for ℓ = 0…L (z[0] is empty; y[0] is the input). */
export interface SayedForward {
  z: number[][];
  y: number[][];
}

/** Feedforward pass of listing (68.137): z_{ℓ+1} = W_ℓᵀ y_ℓ − θ_ℓ, y_{ℓ+1} = f(z_{ℓ+1}) (softmax (68.136) at a softmax layer). */
export function sayedForward(net: SayedNet, input: ArrayLike<number>, check = true): SayedForward {
  if (check) {
    const sizes = sayedNetSizes(net, 'sayedForward');
    assertVector('sayedForward', 'input', input, sizes[0]);
  }
  const z: number[][] = [[]];
  const y: number[][] = [Array.from(input)];
  for (let l = 0; l < net.W.length; l++) {
    const Wl = net.W[l];
    const th = net.theta[l];
    const prev = y[l];
    const zl = th.map((t) => -t);
    for (let j = 0; j < prev.length; j++) {
      const yj = prev[j];
      if (yj === 0) continue;
      const row = Wl[j];
      for (let k = 0; k < zl.length; k++) zl[k] += row[k] * yj;
    }
    z.push(zl);
    y.push(applyAct(net.act[l], zl));
  }
  return { z, y };
}

/**
 * Backward recursion (68.142)/(68.144) from a given boundary sensitivity δ_L (the sensitivity at the last pre-activation):
 * δ_ℓ = f'(z_ℓ) ⊙ (W_ℓ δ_{ℓ+1}) for the hidden layers, using the weights of the forward pass (before any update).
 * Returns delta[ℓ] for ℓ = 1…L (delta[0] is the input sensitivity W_1 δ_2, no f' — the quantity the generator's transition
 * (68.150) needs).
 */
export function sayedBackward(net: SayedNet, fwd: SayedForward, deltaL: ArrayLike<number>): number[][] {
  const L = net.W.length;
  const delta: number[][] = new Array(L + 1);
  delta[L] = Array.from(deltaL);
  for (let l = L - 1; l >= 0; l--) {
    const Wl = net.W[l];
    const d = delta[l + 1];
    const s = Wl.map((row) => {
      let a = 0;
      for (let k = 0; k < d.length; k++) a += row[k] * d[k];
      return a;
    });
    delta[l] = l === 0 ? s : ((fp) => s.map((v, i) => v * fp[i]))(actDeriv(net.act[l - 1], fwd.z[l], fwd.y[l]));
  }
  return delta;
}

/**
 * The boundary sensitivity of the cross-entropy −Σ_q γ(q) ln γ̂(q) with respect to the softmax pre-activation z:
 * form 'source' δ = γ̂ − γ (68.139), valid only when Σ_q γ(q) = 1; form 'exact' δ = (Σ_q γ(q)) γ̂ − γ (erratum 004-E13;
 * oracle 004 O8: γ = (0.9, 0), γ̂ = (0.7, 0.3) gives (−0.2, 0.3) vs (−0.27, 0.27)).
 */
export function softmaxCrossEntropyDelta(yhat: ArrayLike<number>, gamma: ArrayLike<number>, form: Form = 'exact'): number[] {
  const fn = 'softmaxCrossEntropyDelta';
  assertVector(fn, 'yhat', yhat);
  assertVector(fn, 'gamma', gamma, yhat.length);
  assertOneOf(fn, 'form', form, ['exact', 'source'] as const);
  for (let i = 0; i < gamma.length; i++) if (gamma[i] < 0) throw new RangeError(`${fn}: gamma[${i}] must be >= 0 (got ${gamma[i]})`);
  const s = form === 'exact' ? Array.from(gamma).reduce((a, b) => a + b, 0) : 1;
  return Array.from(yhat, (v, i) => s * v - gamma[i]);
}

/** Gradients of a risk with respect to every weight matrix and bias vector of a net (same shapes as the net). */
export interface SayedGrads {
  dW: number[][][];
  dTheta: number[][];
}

function zeroGrads(net: SayedNet): SayedGrads {
  return { dW: net.W.map((Wl) => Wl.map((r) => new Array(r.length).fill(0))), dTheta: net.theta.map((t) => new Array(t.length).fill(0)) };
}

/** Accumulate c·(y_ℓ δ_{ℓ+1}ᵀ) into dW[ℓ] and −c·δ_{ℓ+1} into dθ[ℓ] ((68.151)–(68.154)). */
function accumulate(g: SayedGrads, fwd: SayedForward, delta: number[][], c: number): void {
  for (let l = 0; l < g.dW.length; l++) {
    const y = fwd.y[l];
    const d = delta[l + 1];
    const G = g.dW[l];
    for (let j = 0; j < y.length; j++) {
      const cy = c * y[j];
      if (cy === 0) continue;
      const row = G[j];
      for (let k = 0; k < d.length; k++) row[k] += cy * d[k];
    }
    const t = g.dTheta[l];
    for (let k = 0; k < d.length; k++) t[k] -= c * d[k];
  }
}

function addRidge(g: SayedGrads, net: SayedNet, rho: number): void {
  if (rho === 0) return;
  net.W.forEach((Wl, l) => Wl.forEach((r, j) => r.forEach((w, k) => (g.dW[l][j][k] += 2 * rho * w))));
}

function checkBatch(fn: string, arg: string, xs: unknown, dim: number): asserts xs is number[][] {
  if (!Array.isArray(xs) || xs.length === 0) throw new TypeError(`${fn}: argument ${arg} must be a non-empty array of vectors (got ${describe(xs)})`);
  xs.forEach((x, i) => assertVector(fn, `${arg}[${i}]`, x, dim));
}

/** Options of the discriminator's risk (68.98)/(68.121). */
export interface DiscriminatorRiskOptions {
  /** ρ of Σ_ℓ ρ‖W_{ℓ,d}‖²_F. Default 0. */
  rho?: number;
  /** Label of a real sample; default col{1, 0}; Example 68.6's soft label is col{0.9, 0}. */
  realLabel?: [number, number];
  /** Label of a fake sample; default col{0, 1}. */
  fakeLabel?: [number, number];
  /** Boundary δ: 'exact' (Σγ)γ̂ − γ or the book's 'source' γ̂ − γ (they differ only for labels not summing to one, E13). */
  form?: Form;
}

/** What a discriminator gradient evaluation returns. */
export interface DiscriminatorGradients extends SayedGrads {
  /** The risk (68.98) with N = N_r + N_f. */
  risk: number;
  /** Mean γ̂(1) on the real and on the fake samples. */
  meanDReal: number;
  meanDFake: number;
}

/**
 * Gradient of the discriminator's regularised risk (68.98)/(68.121), 𝒫_d = ρΣ‖W_{ℓ,d}‖² − (1/N)Σ_n Σ_q γ_n(q) ln γ̂_n(q),
 * N = N_r + N_f, by the book's recursions: boundary δ (68.139)/(68.140), recursion (68.142), gradients (68.151)–(68.152).
 * With N_r = N_f = B this is the (μ/2B) average of listing (68.160) lines D8–D11.
 */
export function sayedDiscriminatorGradients(D: SayedNet, reals: number[][], fakes: number[][], opts: DiscriminatorRiskOptions = {}): DiscriminatorGradients {
  const fn = 'sayedDiscriminatorGradients';
  const sizes = sayedNetSizes(D, fn);
  if (sizes[sizes.length - 1] !== 2 || D.act[D.act.length - 1] !== 'softmax') throw new RangeError(`${fn}: argument D must end in a 2-entry softmax (got ${sizes[sizes.length - 1]} outputs, activation ${D.act[D.act.length - 1]})`);
  checkBatch(fn, 'reals', reals, sizes[0]);
  checkBatch(fn, 'fakes', fakes, sizes[0]);
  const rho = opts.rho ?? 0;
  assertNonNegative(fn, 'rho', rho);
  const realLabel = opts.realLabel ?? [1, 0];
  const fakeLabel = opts.fakeLabel ?? [0, 1];
  assertVector(fn, 'realLabel', realLabel, 2);
  assertVector(fn, 'fakeLabel', fakeLabel, 2);
  const form = opts.form ?? 'exact';
  assertOneOf(fn, 'form', form, ['exact', 'source'] as const);
  const N = reals.length + fakes.length;
  const g = zeroGrads(D);
  let ce = 0;
  let mr = 0;
  let mf = 0;
  const pass = (xs: number[][], label: [number, number], isReal: boolean) => {
    for (const x of xs) {
      const f = sayedForward(D, x, false);
      const yhat = f.y[f.y.length - 1];
      ce -= label[0] * Math.log(yhat[0]) + label[1] * Math.log(yhat[1]);
      if (isReal) mr += yhat[0];
      else mf += yhat[0];
      const delta = sayedBackward(D, f, softmaxCrossEntropyDelta(yhat, label, form));
      accumulate(g, f, delta, 1 / N);
    }
  };
  pass(reals, realLabel, true);
  pass(fakes, fakeLabel, false);
  addRidge(g, D, rho);
  return { ...g, risk: rho * sayedWeightSqNorm(D) + ce / N, meanDReal: mr / reals.length, meanDFake: mf / fakes.length };
}

/** Options of the generator's objective (68.124)/(68.125). */
export interface GeneratorObjectiveOptions {
  /** ρ of ρ‖W_{ℓ,g}‖², entering with a MINUS sign in the maximised objective as listing (68.161) implements it (004-E10). */
  rho?: number;
  /** 'nonSaturating' (68.125), what listing (68.161) implements (fakes labelled col{1, 0}); or 'saturating' (68.124). */
  loss?: GeneratorLoss;
}

/** One fake sample's trace through listing (68.161) (for step-by-step cells). */
export interface GeneratorTrace {
  u: number[];
  hhat: number[];
  /** Discriminator output ŷ on the fake. */
  yhat: number[];
  /** δ̂_{ℓ,d} for ℓ = 1…L_d (index 0: W_{1,d} δ̂_{2,d}). */
  deltaD: number[][];
  /** δ_{ℓ,g} = ∂(objective)/∂z_{ℓ,g} for ℓ = 1…L_g (index 0 unused: the input sensitivity). */
  deltaG: number[][];
}

/** What a generator gradient evaluation returns: gradients of the generator's LOSS (minus its objective). */
export interface GeneratorGradients extends SayedGrads {
  /** The objective the generator maximises: −ρ‖W_g‖² + (1/B)Σ ln γ̂(1) (non-saturating) or −(1/B)Σ ln(1 − γ̂(1)). */
  objective: number;
  meanDFake: number;
  fakes: number[][];
  traces: GeneratorTrace[];
}

/**
 * Gradient of the generator's regularised objective by listing (68.161): fakes ĥ = G(u) pass the frozen discriminator with
 * the label col{1, 0} ("fakes pretending to be real"); δ̂ = γ̂ − col{1, 0} at D's output, recursion (68.142) through D,
 * transition (68.150) δ_{L_g,g} = −f'(z_{L_g,g}) ⊙ (W_{1,d} δ̂_{2,d}), recursion (68.144) through G, gradients (68.153)–
 * (68.154). For the saturating objective (68.124) the label is col{0, 1} and the transition has a plus sign (the
 * generator then ascends −ln γ̂(2)). Returned dW, dθ are gradients of the LOSS −objective (so SGD descends them):
 * W ← W − μ·dW = (1 − 2μρ)W + (μ/B)Σ y δᵀ, exactly line R8 of (68.161).
 */
export function sayedGeneratorGradients(G: SayedNet, D: SayedNet, us: number[][], opts: GeneratorObjectiveOptions = {}): GeneratorGradients {
  const fn = 'sayedGeneratorGradients';
  const gs = sayedNetSizes(G, fn);
  const ds = sayedNetSizes(D, fn);
  if (gs[gs.length - 1] !== ds[0]) throw new RangeError(`${fn}: the generator's output size (${gs[gs.length - 1]}) must equal the discriminator's input size (${ds[0]})`);
  if (ds[ds.length - 1] !== 2 || D.act[D.act.length - 1] !== 'softmax') throw new RangeError(`${fn}: argument D must end in a 2-entry softmax (got ${ds[ds.length - 1]} outputs)`);
  if (G.act[G.act.length - 1] === 'softmax') throw new RangeError(`${fn}: argument G must not end in a softmax`);
  checkBatch(fn, 'us', us, gs[0]);
  const rho = opts.rho ?? 0;
  assertNonNegative(fn, 'rho', rho);
  const loss = opts.loss ?? 'nonSaturating';
  assertOneOf(fn, 'loss', loss, GENERATOR_LOSSES);
  const label: [number, number] = loss === 'nonSaturating' ? [1, 0] : [0, 1];
  const sign = loss === 'nonSaturating' ? -1 : 1;
  const B = us.length;
  const g = zeroGrads(G);
  let obj = 0;
  let mf = 0;
  const fakes: number[][] = [];
  const traces: GeneratorTrace[] = [];
  const Lg = G.W.length;
  for (const u of us) {
    const fg = sayedForward(G, u, false);
    const hhat = fg.y[Lg];
    const fd = sayedForward(D, hhat, false);
    const yhat = fd.y[fd.y.length - 1];
    obj += loss === 'nonSaturating' ? Math.log(yhat[0]) : -Math.log(yhat[1]);
    mf += yhat[0];
    const deltaD = sayedBackward(D, fd, softmaxCrossEntropyDelta(yhat, label, 'exact'));
    const fp = actDeriv(G.act[Lg - 1], fg.z[Lg], fg.y[Lg]);
    const top = deltaD[0].map((v, i) => sign * fp[i] * v);
    const deltaG = sayedBackward(G, fg, top);
    accumulate(g, fg, deltaG, -1 / B); // gradient of the loss = −(1/B)Σ y δᵀ, +(1/B)Σ δ
    fakes.push(hhat);
    traces.push({ u: Array.from(u), hhat, yhat, deltaD, deltaG });
  }
  addRidge(g, G, rho);
  return { ...g, objective: obj / B - rho * sayedWeightSqNorm(G), meanDFake: mf / B, fakes, traces };
}

/** Generate B fakes ĥ_b = G(u_b) (lines D2–D3 of (68.160)). */
export function sayedGenerate(G: SayedNet, us: number[][]): number[][] {
  const gs = sayedNetSizes(G, 'sayedGenerate');
  checkBatch('sayedGenerate', 'us', us, gs[0]);
  return us.map((u) => {
    const f = sayedForward(G, u, false);
    return f.y[f.y.length - 1];
  });
}

/** γ̂(1) = D(h) for each input. */
export function sayedDiscriminate(D: SayedNet, xs: number[][]): number[] {
  const ds = sayedNetSizes(D, 'sayedDiscriminate');
  checkBatch('sayedDiscriminate', 'xs', xs, ds[0]);
  return xs.map((x) => {
    const f = sayedForward(D, x, false);
    return f.y[f.y.length - 1][0];
  });
}

/** The plain SGD step of the listings: θ ← θ − μ·grad (with the ridge term inside grad this is the (1 − 2μρ)W form). */
export function sayedSgdStep(net: SayedNet, grads: SayedGrads, mu: number): void {
  assertPositive('sayedSgdStep', 'mu', mu);
  net.W.forEach((Wl, l) => Wl.forEach((r, j) => r.forEach((_, k) => (r[k] -= mu * grads.dW[l][j][k]))));
  net.theta.forEach((t, l) => t.forEach((_, k) => (t[k] -= mu * grads.dTheta[l][k])));
}

/** The rows of a net's parameters (weight rows, then bias vectors), as mutable references (for optimisers). */
export function sayedParamRows(net: SayedNet): number[][] {
  return [...net.W.flat(1), ...net.theta];
}
function gradRows(g: SayedGrads): number[][] {
  return [...g.dW.flat(1), ...g.dTheta];
}

/**
 * The tfjs autodiff of the same two risks (float32): discriminator ρΣ‖W_d‖² − (1/N)ΣΣ γ ln γ̂ on reals and fakes, and the
 * generator's loss ρ‖W_g‖² − (1/B)Σ ln γ̂(1) (non-saturating) or ρ‖W_g‖² + (1/B)Σ ln(1 − γ̂(1)) (saturating) — the
 * independent check of `sayedDiscriminatorGradients` and `sayedGeneratorGradients` (004 O12).
 */
export function sayedGanGradientsTf(
  G: SayedNet,
  D: SayedNet,
  reals: number[][],
  us: number[][],
  opts: DiscriminatorRiskOptions & { rhoG?: number; loss?: GeneratorLoss } = {},
): { d: SayedGrads; g: SayedGrads } {
  const fn = 'sayedGanGradientsTf';
  const gs = sayedNetSizes(G, fn);
  const ds = sayedNetSizes(D, fn);
  checkBatch(fn, 'reals', reals, ds[0]);
  checkBatch(fn, 'us', us, gs[0]);
  const loss = opts.loss ?? 'nonSaturating';
  assertOneOf(fn, 'loss', loss, GENERATOR_LOSSES);
  const rho = opts.rho ?? 0;
  const rhoG = opts.rhoG ?? 0;
  const rl = opts.realLabel ?? [1, 0];
  const fl = opts.fakeLabel ?? [0, 1];
  const LG = G.W.length;
  const LD = D.W.length;
  const act = (a: SayedActivation, z: tf.Tensor): tf.Tensor => (a === 'relu' ? tf.relu(z) : a === 'tanh' ? tf.tanh(z) : a === 'sigmoid' ? tf.sigmoid(z) : z);
  const run = (ps: tf.Tensor[], L: number, acts: SayedActivation[], x: tf.Tensor): tf.Tensor => {
    let y = x;
    for (let l = 0; l < L; l++) {
      const z = tf.sub(tf.matMul(y as tf.Tensor2D, ps[l] as tf.Tensor2D), ps[L + l]);
      y = acts[l] === 'softmax' ? tf.logSoftmax(z) : act(acts[l], z); // last D layer returns ln γ̂
    }
    return y;
  };
  const ridge = (ps: tf.Tensor[], L: number) => tf.addN(ps.slice(0, L).map((w) => tf.sum(tf.square(w))));
  const toGrads = (gr: tf.Tensor[], L: number): SayedGrads => ({
    dW: gr.slice(0, L).map((t) => t.arraySync() as number[][]),
    dTheta: gr.slice(L).map((t) => (t.arraySync() as number[][])[0]),
  });
  let out: { d: SayedGrads; g: SayedGrads } | undefined;
  tf.tidy(() => {
    const gp = [...G.W.map((w) => tf.tensor2d(w)), ...G.theta.map((t) => tf.tensor2d([t]))];
    const dp = [...D.W.map((w) => tf.tensor2d(w)), ...D.theta.map((t) => tf.tensor2d([t]))];
    const U = tf.tensor2d(us);
    const H = tf.tensor2d(reals);
    const fakes = run(gp, LG, G.act, U);
    const N = reals.length + us.length;
    const dRisk = (...ps: tf.Tensor[]) => {
      const lr = run(ps, LD, D.act, H);
      const lf = run(ps, LD, D.act, fakes);
      const ce = tf.add(tf.sum(tf.mul(lr, tf.tensor2d([rl]))), tf.sum(tf.mul(lf, tf.tensor2d([fl]))));
      return tf.add(tf.mul(rho, ridge(ps, LD)), tf.div(tf.neg(ce), N)) as tf.Scalar;
    };
    const gRisk = (...ps: tf.Tensor[]) => {
      const lf = run(dp, LD, D.act, run(ps, LG, G.act, U));
      const pick = tf.tensor2d([loss === 'nonSaturating' ? [1, 0] : [0, 1]]);
      const s = tf.sum(tf.mul(lf, pick));
      // non-saturating: loss = −mean ln γ̂(1); saturating: loss = mean ln(1 − γ̂(1)) = mean ln γ̂(2)
      const data = loss === 'nonSaturating' ? tf.div(tf.neg(s), us.length) : tf.div(s, us.length);
      return tf.add(tf.mul(rhoG, ridge(ps, LG)), data) as tf.Scalar;
    };
    out = { d: toGrads(tf.grads(dRisk)(dp), LD), g: toGrads(tf.grads(gRisk)(gp), LG) };
  });
  return out!;
}

/** Options of the training loop (68.155) with listings (68.160)–(68.161). */
export interface ListingTrainerOptions {
  /** Mini-batch size B (B real and B fake per discriminator step). Default 64. */
  batchSize?: number;
  /** Inner discriminator iterations K_d and generator iterations K_g per outer iteration (68.155). Default 1, 1. */
  Kd?: number;
  Kg?: number;
  /** Step size μ. Default 0.05 for SGD, 2e-4 for ADAM (68.175a). */
  mu?: number;
  /** Ridge ρ on both networks' weights. Default 0. */
  rho?: number;
  /** 'sgd' (the listings) or 'adam' (Example 68.6). Default 'sgd'. */
  optimizer?: 'sgd' | 'adam';
  /** ADAM's β₁, β₂, ε, form (defaults of Example 68.6: 0.5, 0.999, 1e-8). */
  adam?: Omit<AdamOptions, 'mu'>;
  /** Generator objective. Default 'nonSaturating' (what (68.161) implements). */
  loss?: GeneratorLoss;
  /** Real label (soft labels of Example 68.6: [0.9, 0]). Default [1, 0]. */
  realLabel?: [number, number];
  /** Boundary δ of the discriminator: 'exact' or the book's 'source' (E13). Default 'exact'. */
  deltaForm?: Form;
  /** Standard deviation of instance noise added to real and fake inputs of D during its step (Example 68.6 (b)). Default 0. */
  instanceNoise?: number;
  /**
   * Which discriminator the generator step reads: 'latest' (after this outer iteration's K_d steps; what a working
   * implementation does) or 'previous' (W_{d,m−1} as (68.161) literally indexes it; erratum 004-E16). Default 'latest'.
   */
  generatorReads?: 'latest' | 'previous';
  /** Seed of the latents, batches and noise. Default 0. */
  seed?: number;
}

/** One outer iteration's record. */
export interface ListingRecord {
  iteration: number;
  discriminatorRisk: number;
  generatorObjective: number;
  meanDReal: number;
  meanDFake: number;
}

/**
 * The training loop (68.155): repeat { K_d discriminator iterations of listing (68.160) on B real samples (drawn by
 * `sampleReal`) and B fakes from fresh latents; K_g generator iterations of listing (68.161) on fresh latents }. Stateful so
 * that a notebook can run it in chunks and draw progress between them (`run(n)`).
 */
export class SayedGanTrainer {
  readonly G: SayedNet;
  readonly D: SayedNet;
  readonly history: ListingRecord[] = [];
  iteration = 0;
  private readonly o: Required<Omit<ListingTrainerOptions, 'adam'>> & { adam: Omit<AdamOptions, 'mu'> };
  private readonly rng: Rng;
  private readonly optD?: AdamOptimizer;
  private readonly optG?: AdamOptimizer;
  private readonly P: number;

  constructor(G: SayedNet, D: SayedNet, private readonly sampleReal: (n: number, rng: Rng) => number[][], opts: ListingTrainerOptions = {}) {
    const fn = 'SayedGanTrainer';
    const gs = sayedNetSizes(G, fn);
    const ds = sayedNetSizes(D, fn);
    if (gs[gs.length - 1] !== ds[0]) throw new RangeError(`${fn}: the generator's output size (${gs[gs.length - 1]}) must equal the discriminator's input size (${ds[0]})`);
    if (typeof sampleReal !== 'function') throw new TypeError(`${fn}: argument sampleReal must be a function (n, rng) => number[][] (got ${describe(sampleReal)})`);
    const optimizer = opts.optimizer ?? 'sgd';
    assertOneOf(fn, 'optimizer', optimizer, ['sgd', 'adam'] as const);
    const o = {
      batchSize: opts.batchSize ?? 64,
      Kd: opts.Kd ?? 1,
      Kg: opts.Kg ?? 1,
      mu: opts.mu ?? (optimizer === 'adam' ? 2e-4 : 0.05),
      rho: opts.rho ?? 0,
      optimizer,
      adam: opts.adam ?? { beta1: 0.5, beta2: 0.999, eps: 1e-8 },
      loss: opts.loss ?? 'nonSaturating',
      realLabel: opts.realLabel ?? ([1, 0] as [number, number]),
      deltaForm: opts.deltaForm ?? 'exact',
      instanceNoise: opts.instanceNoise ?? 0,
      generatorReads: opts.generatorReads ?? 'latest',
      seed: opts.seed ?? 0,
    };
    assertInteger(fn, 'batchSize', o.batchSize, 1, 1e5);
    assertInteger(fn, 'Kd', o.Kd, 1, 1000);
    assertInteger(fn, 'Kg', o.Kg, 1, 1000);
    assertPositive(fn, 'mu', o.mu);
    assertNonNegative(fn, 'rho', o.rho);
    assertOneOf(fn, 'loss', o.loss, GENERATOR_LOSSES);
    assertVector(fn, 'realLabel', o.realLabel, 2);
    assertOneOf(fn, 'deltaForm', o.deltaForm, ['exact', 'source'] as const);
    assertNonNegative(fn, 'instanceNoise', o.instanceNoise);
    assertOneOf(fn, 'generatorReads', o.generatorReads, ['latest', 'previous'] as const);
    assertInteger(fn, 'seed', o.seed, 0);
    this.o = o;
    this.G = G;
    this.D = D;
    this.P = gs[0];
    this.rng = new Rng(o.seed);
    if (optimizer === 'adam') {
      this.optD = createAdam({ ...o.adam, mu: o.mu });
      this.optG = createAdam({ ...o.adam, mu: o.mu });
    }
  }

  private latents(): number[][] {
    return Array.from({ length: this.o.batchSize }, () => Array.from(this.rng.normals(this.P)));
  }

  private noisy(xs: number[][]): number[][] {
    const s = this.o.instanceNoise;
    return s > 0 ? xs.map((x) => x.map((v) => v + this.rng.normal(0, s))) : xs;
  }

  private apply(net: SayedNet, g: SayedGrads, opt?: AdamOptimizer): void {
    if (opt) opt.step(sayedParamRows(net), gradRows(g));
    else sayedSgdStep(net, g, this.o.mu);
  }

  /** Run n outer iterations; returns their records (also appended to `history`). */
  run(n: number): ListingRecord[] {
    assertInteger('SayedGanTrainer.run', 'n', n, 1);
    const out: ListingRecord[] = [];
    const { batchSize: B, Kd, Kg, rho, loss, realLabel, deltaForm } = this.o;
    for (let it = 0; it < n; it++) {
      const before = this.o.generatorReads === 'previous' ? cloneSayedNet(this.D) : this.D;
      let dg: DiscriminatorGradients | undefined;
      for (let k = 0; k < Kd; k++) {
        const fakes = sayedGenerate(this.G, this.latents());
        const reals = this.sampleReal(B, this.rng);
        dg = sayedDiscriminatorGradients(this.D, this.noisy(reals), this.noisy(fakes), { rho, realLabel, form: deltaForm });
        this.apply(this.D, dg, this.optD);
      }
      let gg: GeneratorGradients | undefined;
      for (let k = 0; k < Kg; k++) {
        gg = sayedGeneratorGradients(this.G, before, this.latents(), { rho, loss });
        this.apply(this.G, gg, this.optG);
      }
      this.iteration++;
      const rec = { iteration: this.iteration, discriminatorRisk: dg!.risk, generatorObjective: gg!.objective, meanDReal: dg!.meanDReal, meanDFake: dg!.meanDFake };
      out.push(rec);
      this.history.push(rec);
    }
    return out;
  }

  /** n samples from the current generator (seeded, independent of the training stream). */
  sample(n: number, seed = 1): number[][] {
    assertInteger('SayedGanTrainer.sample', 'n', n, 1);
    const r = new Rng(seed);
    return sayedGenerate(this.G, Array.from({ length: n }, () => Array.from(r.normals(this.P))));
  }
}

/** O7 of the inventory as a function: the tiny GAN (P = M = 1, linear G ĥ = w_g u − θ_g, D with W_{1,d} = [w1, w2], softmax). */
export function tinyGanNets(wg = 1.5, thetaG = 0, wd: [number, number] = [1, -1], thetaD: [number, number] = [0, 0]): { G: SayedNet; D: SayedNet } {
  assertFiniteNumber('tinyGanNets', 'wg', wg);
  assertFiniteNumber('tinyGanNets', 'thetaG', thetaG);
  assertVector('tinyGanNets', 'wd', wd, 2);
  assertVector('tinyGanNets', 'thetaD', thetaD, 2);
  return {
    G: { W: [[[wg]]], theta: [[thetaG]], act: ['linear'] },
    D: { W: [[wd.slice()]], theta: [thetaD.slice()], act: ['softmax'] },
  };
}

/** One row of a gradient check: a layer's W or θ, the largest |hand − reference| against finite differences and tfjs. */
export interface GradientCheckRow {
  network: 'D' | 'G';
  layer: number;
  param: 'W' | 'θ';
  maxAbsGradient: number;
  maxAbsErrorFd: number;
  maxAbsErrorTf: number;
}

/**
 * Check the hand gradients of `sayedDiscriminatorGradients` and `sayedGeneratorGradients` against central finite
 * differences (float64, step h) and `sayedGanGradientsTf` (float32), layer by layer (004 O12).
 */
export function sayedGradientCheck(G: SayedNet, D: SayedNet, reals: number[][], us: number[][], opts: DiscriminatorRiskOptions & { rhoG?: number; loss?: GeneratorLoss; h?: number } = {}): GradientCheckRow[] {
  const h = opts.h ?? 1e-6;
  assertPositive('sayedGradientCheck', 'h', h);
  const fakes = sayedGenerate(G, us);
  const dOpts = { rho: opts.rho, realLabel: opts.realLabel, fakeLabel: opts.fakeLabel, form: opts.form };
  const gOpts = { rho: opts.rhoG ?? 0, loss: opts.loss };
  const handD = sayedDiscriminatorGradients(D, reals, fakes, dOpts);
  const handG = sayedGeneratorGradients(G, D, us, gOpts);
  const tfg = sayedGanGradientsTf(G, D, reals, us, { ...dOpts, rhoG: opts.rhoG, loss: opts.loss });
  const fd = (net: SayedNet, f: () => number): SayedGrads => {
    const bump = (arr: number[], k: number) => {
      const w = arr[k];
      arr[k] = w + h;
      const a = f();
      arr[k] = w - h;
      const b = f();
      arr[k] = w;
      return (a - b) / (2 * h);
    };
    return { dW: net.W.map((Wl) => Wl.map((r) => r.map((_, k) => bump(r, k)))), dTheta: net.theta.map((t) => t.map((_, k) => bump(t, k))) };
  };
  const fdD = fd(D, () => sayedDiscriminatorGradients(D, reals, fakes, dOpts).risk);
  const fdG = fd(G, () => -sayedGeneratorGradients(G, D, us, gOpts).objective);
  const rows: GradientCheckRow[] = [];
  const maxAbs = (a: number[]) => Math.max(...a.map(Math.abs));
  const diff = (a: number[], b: number[]) => maxAbs(a.map((v, i) => v - b[i]));
  for (const [name, hand, f, t] of [['D', handD, fdD, tfg.d], ['G', handG, fdG, tfg.g]] as const) {
    hand.dW.forEach((Wl, l) => {
      rows.push({ network: name, layer: l + 1, param: 'W', maxAbsGradient: maxAbs(Wl.flat()), maxAbsErrorFd: diff(Wl.flat(), f.dW[l].flat()), maxAbsErrorTf: diff(Wl.flat(), t.dW[l].flat()) });
      rows.push({ network: name, layer: l + 1, param: 'θ', maxAbsGradient: maxAbs(hand.dTheta[l]), maxAbsErrorFd: diff(hand.dTheta[l], f.dTheta[l]), maxAbsErrorTf: diff(hand.dTheta[l], t.dTheta[l]) });
    });
  }
  return rows;
}

/** The listings' building blocks, for the GAN variants built on them (Prob. 68.8 in `multiclass.ts`). */
export { actDeriv as sayedActDeriv, zeroGrads as zeroSayedGrads, accumulate as accumulateSayedGrads, addRidge as addSayedRidge };
