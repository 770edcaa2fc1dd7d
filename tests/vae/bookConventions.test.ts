import { strict as assert } from 'assert';
import { mlpGradientsTf } from '../../src/backprop/mlp';
import { bookBackprop, bookForward, bookGradientsViaA1, BookMlp, bookToA1 } from '../../src/vae/bookConventions';
import { EXERCISE_NET_00 } from '../../src/vae/exercisesB';
import { close, throwsWith } from './helpers';

const flat = (g: { dW: number[][][]; dTheta: number[][] }) => [...g.dW.flat(2), ...g.dTheta.flat()];
const net: BookMlp = { W: [[[0.3, -0.7, 0.2], [0.5, 0.1, -0.4]], [[1.1, -0.6], [0.2, 0.9], [-0.5, 0.4]]], theta: [[0.1, -0.3, 0.2], [0.05, -0.15]], activations: ['tanh', 'sigmoid'] };
const y1 = [0.8, -1.2];
const t = [0.3, 0.6];

describe('vae/bookConventions: z = Wᵀy − θ, δ = ∂loss/∂z (004 (68.41), (68.43), (68.46), (68.71)–(68.72))', () => {
  it('forward: z₂ = W₁ᵀy₁ − θ₁ (closed form on the first unit)', () => {
    close(bookForward(net, y1).z[1][0], 0.3 * 0.8 + 0.5 * -1.2 - 0.1, 1e-15);
  });
  it('the hand recursion equals central finite differences of ‖y_L − t‖² (float64)', () => {
    const g = bookBackprop(net, y1, t);
    const x = flat({ dW: net.W, dTheta: net.theta });
    const loss = (v: number[]) => {
      let k = 0;
      const n: BookMlp = { W: net.W.map((m) => m.map((r) => r.map(() => v[k++]))), theta: net.theta.map((th) => th.map(() => v[k++])), activations: net.activations };
      return bookBackprop(n, y1, t).loss;
    };
    const fd = x.map((_, i) => {
      const p = x.slice(), m = x.slice();
      p[i] += 1e-6;
      m[i] -= 1e-6;
      return (loss(p) - loss(m)) / 2e-6;
    });
    flat(g).forEach((v, i) => close(v, fd[i], 1e-8, `parameter ${i}`));
  });
  it('the hand recursion equals tf.grads (float32) through the A1 mapping θ_A1 = −θ (src/backprop mlpGradientsTf)', () => {
    const g = bookBackprop(net, y1, t);
    const tg = mlpGradientsTf(bookToA1(net), y1, t);
    const viaTf = flat({ dW: tg.dW.map((m) => m.map((r) => r.map((v) => 2 * v))), dTheta: tg.dTheta.map((r) => r.map((v) => -2 * v)) });
    flat(g).forEach((v, i) => close(v, viaTf[i], 1e-5, `parameter ${i}`));
  });
  it('the hand recursion equals the course reference backprop (000 A1) through the mapping', () => {
    const a = flat(bookGradientsViaA1(net, y1, t));
    flat(bookBackprop(net, y1, t)).forEach((v, i) => close(v, a[i], 1e-12));
  });
  it('∂/∂θ = −δ: the bias gradient has the opposite sign of the sensitivity (004 §2 item 1)', () => {
    const g = bookBackprop(net, y1, t);
    assert.deepEqual(g.dTheta[1], g.delta[2].map((d) => -d));
  });
  it('the exercise network of notebook 00 is consistent (δ₂ closed form)', () => {
    const g = bookBackprop(EXERCISE_NET_00, [1, -1], [0.5]);
    const z2 = [0.5 * 1 + 1 * -1 - 0.1, -1 * 1 + 0.25 * -1 + 0.2];
    const z3 = 2 * Math.tanh(z2[0]) - Math.tanh(z2[1]) - 0.3;
    const d3 = 2 * (z3 - 0.5);
    close(g.delta[1][0], (1 - Math.tanh(z2[0]) ** 2) * 2 * d3, 1e-14);
    close(g.delta[1][1], (1 - Math.tanh(z2[1]) ** 2) * -1 * d3, 1e-14);
  });
  it('bad input: net not an object', () => throwsWith(() => bookToA1(null as never), TypeError, /bookToA1.*net.*null/));
  it('bad input: a weight matrix of the wrong size (checked by the A1 validator)', () => throwsWith(() => bookToA1({ ...net, W: [net.W[0], [[1]]] }), RangeError, /net\.W\[1\]/));
  it('bad input: target of the wrong length', () => throwsWith(() => bookBackprop(net, y1, [1]), RangeError, /bookBackprop.*target/));
});
