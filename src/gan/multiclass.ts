/**
 * Prob. 68.8 of source 004 (§68.6, right after (68.165); §68.7 opening paragraph): a discriminator whose softmax output has
 * C + 1 entries — the C real classes and "fake" in the last entry (Springenberg 2016; Odena 2016). Listings (68.160)–(68.161)
 * change only at the boundary:
 * - discriminator (68.160): a real sample of class c carries the one-hot target e_c, a fake e_{C+1}; the risk stays the
 *   cross-entropy, so the boundary sensitivity is still δ = γ̂ − γ (68.139) with (C+1)-entry vectors;
 * - generator (68.161): a fake should look real, i.e. maximise ln(1 − γ̂(C+1)) = ln Σ_{c≤C} γ̂(c). With s = Σ_{c≤C} γ̂(c),
 *   ∂(−ln s)/∂z(q) = γ̂(q) − γ̂(q)𝟙{q ≤ C}/s, so δ = γ̂ − γ̃ with γ̃ = col{γ̂(1:C)/s, 0} (the real-class posterior
 *   renormalised); asking for a given class c instead ('class' target) gives δ = γ̂ − e_c. The transition (68.150) and the
 *   recursions through G are unchanged.
 * Gradients are checked against tfjs autodiff (`multiclassGanGradientsTf`) and central finite differences in the tests.
 */
import { tf } from '../core/backend';
import { assertInteger, assertNonNegative, assertVector, describe } from '../core/validate';
import { SayedActivation, SayedGrads, SayedNet, accumulateSayedGrads, addSayedRidge, sayedActDeriv, sayedBackward, sayedForward, sayedNetSizes, sayedWeightSqNorm, zeroSayedGrads } from './listings';

/** The generator's boundary sensitivity δ at D's (C+1)-entry softmax: 'real' (any real class) or a class index c. */
export function multiclassGeneratorDelta(yhat: ArrayLike<number>, target: 'real' | number = 'real'): number[] {
  const fn = 'multiclassGeneratorDelta';
  assertVector(fn, 'yhat', yhat);
  const K = yhat.length;
  if (K < 3) throw new RangeError(`${fn}: yhat must have C + 1 ≥ 3 entries (got ${K})`);
  for (let i = 0; i < K; i++) if (yhat[i] < 0 || yhat[i] > 1) throw new RangeError(`${fn}: yhat[${i}] must be a probability (got ${yhat[i]})`);
  if (target === 'real') {
    const s = 1 - yhat[K - 1];
    if (!(s > 0)) throw new RangeError(`${fn}: the real classes' total 1 − yhat[C] must be > 0 (got ${s})`);
    return Array.from(yhat, (v, q) => (q < K - 1 ? v - v / s : v));
  }
  assertInteger(fn, 'target', target, 0, K - 2);
  return Array.from(yhat, (v, q) => v - (q === target ? 1 : 0));
}

function checkNets(fn: string, G: SayedNet | null, D: SayedNet): number {
  const ds = sayedNetSizes(D, fn);
  const K = ds[ds.length - 1];
  if (K < 3 || D.act[D.act.length - 1] !== 'softmax') throw new RangeError(`${fn}: argument D must end in a softmax with C + 1 ≥ 3 entries (got ${K} outputs, activation ${D.act[D.act.length - 1]})`);
  if (G) {
    const gs = sayedNetSizes(G, fn);
    if (gs[gs.length - 1] !== ds[0]) throw new RangeError(`${fn}: the generator's output size (${gs[gs.length - 1]}) must equal the discriminator's input size (${ds[0]})`);
    if (G.act[G.act.length - 1] === 'softmax') throw new RangeError(`${fn}: argument G must not end in a softmax`);
  }
  return K - 1;
}

function checkRows(fn: string, arg: string, xs: unknown, dim: number): asserts xs is number[][] {
  if (!Array.isArray(xs) || xs.length === 0) throw new TypeError(`${fn}: argument ${arg} must be a non-empty array of vectors (got ${describe(xs)})`);
  xs.forEach((x, i) => assertVector(fn, `${arg}[${i}]`, x, dim));
}

/**
 * Discriminator gradient for Prob. 68.8: risk ρΣ‖W_{ℓ,d}‖² − (1/N)Σ_n ln γ̂_n(target_n), N = N_r + N_f, real n of class
 * labels[n] ∈ {0…C−1} (target e_{c+1} in the book's 1-based numbering), fakes target e_{C+1}; δ = γ̂ − γ (68.139).
 */
export function multiclassDiscriminatorGradients(D: SayedNet, reals: number[][], labels: number[], fakes: number[][], opts: { rho?: number } = {}): SayedGrads & { risk: number; meanFakeProb: number } {
  const fn = 'multiclassDiscriminatorGradients';
  const C = checkNets(fn, null, D);
  const M = D.W[0].length;
  checkRows(fn, 'reals', reals, M);
  checkRows(fn, 'fakes', fakes, M);
  if (!Array.isArray(labels) || labels.length !== reals.length) throw new RangeError(`${fn}: argument labels must hold one class per real sample (${reals.length}) (got ${describe(labels)})`);
  labels.forEach((c, i) => assertInteger(fn, `labels[${i}]`, c, 0, C - 1));
  const rho = opts.rho ?? 0;
  assertNonNegative(fn, 'rho', rho);
  const N = reals.length + fakes.length;
  const g = zeroSayedGrads(D);
  let risk = 0;
  let pf = 0;
  const one = (x: number[], t: number, fake: boolean) => {
    const f = sayedForward(D, x, false);
    const yhat = f.y[f.y.length - 1];
    risk -= Math.log(yhat[t]) / N;
    if (fake) pf += yhat[C] / fakes.length;
    accumulateSayedGrads(g, f, sayedBackward(D, f, yhat.map((v, q) => v - (q === t ? 1 : 0))), 1 / N);
  };
  reals.forEach((x, i) => one(x, labels[i], false));
  fakes.forEach((x) => one(x, C, true));
  addSayedRidge(g, D, rho);
  return { ...g, risk: risk + rho * sayedWeightSqNorm(D), meanFakeProb: pf };
}

/**
 * Generator gradient for Prob. 68.8 (gradients of the LOSS, to descend): ρΣ‖W_{ℓ,g}‖² − (1/B)Σ_b ln(1 − γ̂_b(C+1)) for the
 * 'real' target, or − (1/B)Σ_b ln γ̂_b(c) for a class c; boundary δ of `multiclassGeneratorDelta`, transition (68.150)
 * δ_{L_g,g} = −f'(z_{L_g,g}) ⊙ (W_{1,d} δ_{2,d}), recursion (68.144), gradients (68.153)–(68.154).
 */
export function multiclassGeneratorGradients(G: SayedNet, D: SayedNet, us: number[][], opts: { rho?: number; target?: 'real' | number } = {}): SayedGrads & { objective: number } {
  const fn = 'multiclassGeneratorGradients';
  const C = checkNets(fn, G, D);
  checkRows(fn, 'us', us, G.W[0].length);
  const rho = opts.rho ?? 0;
  assertNonNegative(fn, 'rho', rho);
  const target = opts.target ?? 'real';
  if (target !== 'real') assertInteger(fn, 'target', target, 0, C - 1);
  const B = us.length;
  const Lg = G.W.length;
  const g = zeroSayedGrads(G);
  let obj = 0;
  for (const u of us) {
    const fg = sayedForward(G, u, false);
    const fd = sayedForward(D, fg.y[Lg], false);
    const yhat = fd.y[fd.y.length - 1];
    obj += Math.log(target === 'real' ? 1 - yhat[C] : yhat[target]);
    const dD = sayedBackward(D, fd, multiclassGeneratorDelta(yhat, target));
    const fp = sayedActDeriv(G.act[Lg - 1] as SayedActivation, fg.z[Lg], fg.y[Lg]);
    accumulateSayedGrads(g, fg, sayedBackward(G, fg, dD[0].map((v, i) => -fp[i] * v)), -1 / B);
  }
  addSayedRidge(g, G, rho);
  return { ...g, objective: obj / B - rho * sayedWeightSqNorm(G) };
}

/** tfjs autodiff of the two Prob. 68.8 risks (the check of the hand recursions). */
export function multiclassGanGradientsTf(G: SayedNet, D: SayedNet, reals: number[][], labels: number[], us: number[][], opts: { rho?: number; rhoG?: number; target?: 'real' | number } = {}): { d: SayedGrads; g: SayedGrads } {
  const fn = 'multiclassGanGradientsTf';
  const C = checkNets(fn, G, D);
  checkRows(fn, 'reals', reals, D.W[0].length);
  checkRows(fn, 'us', us, G.W[0].length);
  if (!Array.isArray(labels) || labels.length !== reals.length) throw new RangeError(`${fn}: argument labels must hold one class per real sample (${reals.length}) (got ${describe(labels)})`);
  labels.forEach((c, i) => assertInteger(fn, `labels[${i}]`, c, 0, C - 1));
  const rho = opts.rho ?? 0;
  const rhoG = opts.rhoG ?? 0;
  assertNonNegative(fn, 'rho', rho);
  assertNonNegative(fn, 'rhoG', rhoG);
  const target = opts.target ?? 'real';
  if (target !== 'real') assertInteger(fn, 'target', target, 0, C - 1);
  const act = (a: SayedActivation, z: tf.Tensor): tf.Tensor => (a === 'relu' ? tf.relu(z) : a === 'tanh' ? tf.tanh(z) : a === 'sigmoid' ? tf.sigmoid(z) : a === 'softmax' ? tf.logSoftmax(z) : z);
  const run = (ps: tf.Tensor[], acts: SayedActivation[], x: tf.Tensor) => {
    const L = acts.length;
    let y = x;
    for (let l = 0; l < L; l++) y = act(acts[l], tf.sub(tf.matMul(y as tf.Tensor2D, ps[l] as tf.Tensor2D), ps[L + l]));
    return y;
  };
  const ridge = (ps: tf.Tensor[], L: number) => tf.addN(ps.slice(0, L).map((w) => tf.sum(tf.square(w))));
  const toGrads = (gr: tf.Tensor[], L: number): SayedGrads => ({ dW: gr.slice(0, L).map((t) => t.arraySync() as number[][]), dTheta: gr.slice(L).map((t) => (t.arraySync() as number[][])[0]) });
  const oneHot = (t: number) => Array.from({ length: C + 1 }, (_, q) => (q === t ? 1 : 0));
  let out: { d: SayedGrads; g: SayedGrads } | undefined;
  tf.tidy(() => {
    const gp = [...G.W.map((w) => tf.tensor2d(w)), ...G.theta.map((t) => tf.tensor2d([t]))];
    const dp = [...D.W.map((w) => tf.tensor2d(w)), ...D.theta.map((t) => tf.tensor2d([t]))];
    const U = tf.tensor2d(us);
    const fakes = run(gp, G.act, U);
    const T = tf.tensor2d([...labels.map(oneHot), ...us.map(() => oneHot(C))]);
    const dRisk = (...ps: tf.Tensor[]) => {
      const lp = run(ps, D.act, tf.concat([tf.tensor2d(reals), fakes], 0));
      return tf.add(tf.mul(rho, ridge(ps, D.W.length)), tf.div(tf.neg(tf.sum(tf.mul(lp, T))), reals.length + us.length)) as tf.Scalar;
    };
    const gRisk = (...ps: tf.Tensor[]) => {
      const lp = run(dp, D.act, run(ps, G.act, U));
      const pick = target === 'real' ? tf.log(tf.sub(1, tf.exp(lp.slice([0, C], [us.length, 1])))) : lp.slice([0, target], [us.length, 1]);
      return tf.add(tf.mul(rhoG, ridge(ps, G.W.length)), tf.neg(tf.mean(pick))) as tf.Scalar;
    };
    out = { d: toGrads(tf.grads(dRisk)(dp), D.W.length), g: toGrads(tf.grads(gRisk)(gp), G.W.length) };
  });
  return out!;
}
