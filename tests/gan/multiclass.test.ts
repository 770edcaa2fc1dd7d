import { strict as assert } from 'assert';
import { initBackend } from '../../src/core/backend';
import { rng } from '../../src/core/rng';
import { createSayedNet, sayedForward, sayedParamRows } from '../../src/gan/listings';
import { createAdam } from '../../src/gan/adam';
import { fdGrads as fd, maxRelErr } from './helpers';
import { multiclassDiscriminatorGradients, multiclassGanGradientsTf, multiclassGeneratorDelta, multiclassGeneratorGradients } from '../../src/gan/multiclass';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);
describe('gan/multiclass — Prob. 68.8: a discriminator with C + 1 outputs (C classes + fake)', () => {
  before(async () => {
    await initBackend();
  });
  const C = 3;
  const r = rng(21);
  const G = createSayedNet([2, 5, 2], ['tanh', 'linear'], r);
  const D = createSayedNet([2, 6, C + 1], ['tanh', 'softmax'], r);
  const reals = Array.from({ length: 4 }, () => [r.normal(), r.normal()]);
  const labels = [0, 2, 1, 2];
  const us = Array.from({ length: 3 }, () => [r.normal(), r.normal()]);
  const fakes = us.map((u) => sayedForward(G, u).y[2]);
  const logp = (x: number[], q: number) => Math.log(sayedForward(D, x).y[2][q]);

  it('generator boundary δ: closed form (γ̂ − renormalised real posterior) against central differences of −ln(1 − γ̂(C+1)) in the softmax pre-activation', () => {
    const z = [0.3, -0.8, 1.1, 0.2];
    const sm = (v: number[]) => v.map((x) => Math.exp(x)).map((e, _, a) => e / a.reduce((p, q) => p + q, 0));
    const loss = (v: number[]) => -Math.log(1 - sm(v)[C]);
    const want = z.map((_, q) => {
      const a = z.slice();
      const b = z.slice();
      a[q] += 1e-6;
      b[q] -= 1e-6;
      return (loss(a) - loss(b)) / 2e-6;
    });
    multiclassGeneratorDelta(sm(z)).forEach((v, q) => close(v, want[q], 1e-8, `q = ${q}`));
    // hand example (the notebook exercise): γ̂ = (0.5, 0.2, 0.3), C = 2 → s = 0.7
    multiclassGeneratorDelta([0.5, 0.2, 0.3]).forEach((v, q) => close(v, [0.5 - 0.5 / 0.7, 0.2 - 0.2 / 0.7, 0.3][q], 1e-12));
    multiclassGeneratorDelta([0.5, 0.2, 0.3], 1).forEach((v, q) => close(v, [0.5, -0.8, 0.3][q], 1e-12));
  });

  it('discriminator gradient (targets e_c and e_{C+1}, δ = γ̂ − γ) equals tf.grad and central differences', () => {
    const hand = multiclassDiscriminatorGradients(D, reals, labels, fakes, { rho: 0.01 });
    const tfg = multiclassGanGradientsTf(G, D, reals, labels, us, { rho: 0.01 }).d;
    assert.ok(maxRelErr(hand, tfg) < 1e-4, `vs tf: ${maxRelErr(hand, tfg)}`);
    const N = reals.length + fakes.length;
    const risk = () => {
      let s = 0;
      reals.forEach((x, i) => (s -= logp(x, labels[i]) / N));
      fakes.forEach((x) => (s -= logp(x, C) / N));
      return s + 0.01 * D.W.flat(2).reduce((a, w) => a + w * w, 0);
    };
    assert.ok(maxRelErr(hand, fd(D, risk)) < 1e-6, `vs FD: ${maxRelErr(hand, fd(D, risk))}`);
    close(hand.risk, risk(), 1e-12, 'risk');
  });

  for (const target of ['real', 1] as const) {
    it(`generator gradient (target ${target}) through the transition (68.150) equals tf.grad and central differences`, () => {
      const hand = multiclassGeneratorGradients(G, D, us, { rho: 0.02, target });
      const tfg = multiclassGanGradientsTf(G, D, reals, labels, us, { rhoG: 0.02, target }).g;
      assert.ok(maxRelErr(hand, tfg) < 1e-4, `vs tf: ${maxRelErr(hand, tfg)}`);
      const loss = () => {
        let s = 0;
        for (const u of us) {
          const y = sayedForward(D, sayedForward(G, u).y[2]).y[2];
          s -= Math.log(target === 'real' ? 1 - y[C] : y[target]) / us.length;
        }
        return s + 0.02 * G.W.flat(2).reduce((a, w) => a + w * w, 0);
      };
      assert.ok(maxRelErr(hand, fd(G, loss)) < 1e-6, `vs FD: ${maxRelErr(hand, fd(G, loss))}`);
      close(hand.objective, -loss(), 1e-12, 'objective');
    });
  }

  it('bad input: TypeError / RangeError naming the function, argument and value', () => {
    assert.throws(() => multiclassGeneratorDelta([0.5, 0.5]), (e: Error) => e instanceof RangeError && /multiclassGeneratorDelta: yhat must have C \+ 1/.test(e.message));
    assert.throws(() => multiclassGeneratorDelta([0.5, 0.7, -0.2]), (e: Error) => e instanceof RangeError && /yhat\[2\].*-0\.2/.test(e.message));
    assert.throws(() => multiclassGeneratorDelta([0, 0, 1]), (e: Error) => e instanceof RangeError && /multiclassGeneratorDelta.*> 0/.test(e.message));
    assert.throws(() => multiclassGeneratorDelta([0.2, 0.3, 0.5], 2), (e: Error) => e instanceof RangeError && /multiclassGeneratorDelta.*target.*2/.test(e.message));
    assert.throws(() => multiclassGeneratorDelta('x' as never), (e: Error) => e instanceof TypeError && /multiclassGeneratorDelta.*yhat/.test(e.message));
    const D2 = createSayedNet([2, 3, 2], ['tanh', 'softmax'], rng(1));
    assert.throws(() => multiclassDiscriminatorGradients(D2, reals, labels, fakes), (e: Error) => e instanceof RangeError && /multiclassDiscriminatorGradients: argument D must end in a softmax with C \+ 1/.test(e.message));
    assert.throws(() => multiclassDiscriminatorGradients(D, reals, [0, 1], fakes), (e: Error) => e instanceof RangeError && /argument labels/.test(e.message));
    assert.throws(() => multiclassDiscriminatorGradients(D, reals, [0, 1, 2, 3], fakes), (e: Error) => e instanceof RangeError && /labels\[3\].*3/.test(e.message));
    assert.throws(() => multiclassDiscriminatorGradients(D, [], [], fakes), (e: Error) => e instanceof TypeError && /argument reals/.test(e.message));
    assert.throws(() => multiclassDiscriminatorGradients(D, reals, labels, [[1, 2, 3]]), (e: Error) => e instanceof RangeError && /fakes\[0\]/.test(e.message));
    assert.throws(() => multiclassDiscriminatorGradients(D, reals, labels, fakes, { rho: -1 }), (e: Error) => e instanceof RangeError && /rho.*-1/.test(e.message));
    const G3 = createSayedNet([2, 3, 3], ['tanh', 'linear'], rng(1));
    assert.throws(() => multiclassGeneratorGradients(G3, D, us), (e: Error) => e instanceof RangeError && /multiclassGeneratorGradients: the generator's output size \(3\)/.test(e.message));
    assert.throws(() => multiclassGeneratorGradients(G, D, us, { target: 5 }), (e: Error) => e instanceof RangeError && /target.*5/.test(e.message));
    assert.throws(() => multiclassGeneratorGradients(G, D, [[1]]), (e: Error) => e instanceof RangeError && /us\[0\]/.test(e.message));
    assert.throws(() => multiclassGanGradientsTf(G, D2, reals, labels, us), (e: Error) => e instanceof RangeError && /multiclassGanGradientsTf: argument D must end in a softmax/.test(e.message));
    assert.throws(() => multiclassGanGradientsTf(G, D, [], labels, us), (e: Error) => e instanceof TypeError && /multiclassGanGradientsTf: argument reals/.test(e.message));
    assert.throws(() => multiclassGanGradientsTf(G, D, reals, labels, [[1, 2, 3]]), (e: Error) => e instanceof RangeError && /multiclassGanGradientsTf.*us\[0\]/.test(e.message));
    assert.throws(() => multiclassGanGradientsTf(G, D, reals, [0, 1, 7, 0], us), (e: Error) => e instanceof RangeError && /multiclassGanGradientsTf.*labels\[2\].*7/.test(e.message));
    assert.throws(() => multiclassGanGradientsTf(G, D, reals, [0], us), (e: Error) => e instanceof RangeError && /multiclassGanGradientsTf: argument labels/.test(e.message));
    assert.throws(() => multiclassGanGradientsTf(G, D, reals, labels, us, { rhoG: -2 }), (e: Error) => e instanceof RangeError && /multiclassGanGradientsTf.*rhoG.*-2/.test(e.message));
    assert.throws(() => multiclassGanGradientsTf(G, D, reals, labels, us, { target: 3 }), (e: Error) => e instanceof RangeError && /multiclassGanGradientsTf.*target.*3/.test(e.message));
    assert.throws(() => multiclassGeneratorGradients(G, D, us, { rho: -1 }), (e: Error) => e instanceof RangeError && /multiclassGeneratorGradients.*rho/.test(e.message));
  });
});

describe('gan/multiclass — the trained (C+1)-way discriminator against its closed-form optimum', () => {
  it('reals ½N(−2, 1) (class 0) + ½N(2, 1) (class 1), fakes N(0, 1), equal numbers: γ̂*(c|x) = ½π_c f_c/(½Σπ_c f_c + ½f_g) (pointwise minimiser of the cross-entropy; independent derivation) — trained within 0.05 at test points (fixed seeds)', function () {
    this.timeout(60000);
    const r = rng(8);
    const D = createSayedNet([1, 16, 3], ['tanh', 'softmax'], r);
    const opt = createAdam({ mu: 5e-3, beta1: 0.9 });
    for (let it = 0; it < 1500; it++) {
      const labels = Array.from({ length: 64 }, () => r.integer(2));
      const reals = labels.map((c) => [r.normal(c === 0 ? -2 : 2, 1)]);
      const fakes = Array.from({ length: 64 }, () => [r.normal(0, 1)]);
      const g = multiclassDiscriminatorGradients(D, reals, labels, fakes);
      opt.step(sayedParamRows(D), [...g.dW.flat(1), ...g.dTheta]);
    }
    const phi = (x: number, m: number) => Math.exp(-((x - m) ** 2) / 2);
    for (const x of [-2.5, -1, 0, 0.5, 1.5, 3]) {
      const a = 0.5 * phi(x, -2);
      const b = 0.5 * phi(x, 2);
      const f = phi(x, 0);
      const want = [a, b, f].map((v) => v / (a + b + f));
      const got = sayedForward(D, [x]).y[2];
      want.forEach((w, q) => close(got[q], w, 0.05, `x = ${x}, q = ${q}`));
    }
  });
});
