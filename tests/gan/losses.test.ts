import { strict as assert } from 'assert';
import { tf } from '../../src/core/backend'; // the @tensorflow/tfjs namespace, with the console banner silenced
import * as gan from '../../src/gan';
import { sigmoid } from '../../src/core/special';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);
const fd = (f: (s: number) => number, s: number, h = 1e-6) => (f(s + h) - f(s - h)) / (2 * h);

describe('gan/losses — saturating vs non-saturating generator losses', () => {
  it('000 O-41 / 002 D16: logit gradients at D = 0.01, 0.5, 0.99 — ∂ln(1−D) = −0.01, −0.5, −0.99; ∂ln D = 0.99, 0.5, 0.01 (000 inventory §3)', () => {
    const Ds = [0.01, 0.5, 0.99];
    const sat = [-0.01, -0.5, -0.99];
    const ns = [0.99, 0.5, 0.01];
    Ds.forEach((D, i) => {
      const s = Math.log(D / (1 - D));
      close(gan.gradLog1mDWrtLogit(s), sat[i], 1e-14);
      close(gan.gradLogDWrtLogit(s), ns[i], 1e-14);
    });
  });

  it('003 §4.8: at logit a = −5: saturating −0.0066929, non-saturating 0.9933071; a = −2, 0, 2 rows; d/dD values −1.0067 and 149.41 (003 inventory)', () => {
    close(gan.gradLog1mDWrtLogit(-5), -0.0066929, 5e-8);
    close(gan.gradLogDWrtLogit(-5), 0.9933071, 5e-8);
    close(gan.gradLog1mDWrtLogit(-2), -0.1192029, 5e-8);
    close(gan.gradLogDWrtLogit(-2), 0.8807971, 5e-8);
    close(gan.gradLog1mDWrtLogit(0), -0.5, 1e-15);
    close(gan.gradLog1mDWrtLogit(2), -0.8807971, 5e-8);
    close(gan.gradLogDWrtLogit(2), 0.1192029, 5e-8);
    const D = sigmoid(-5);
    close(gan.gradLog1mDWrtD(D), -1.0067, 5e-5);
    close(gan.gradLogDWrtD(D), 149.41, 5e-3);
  });

  it('004 O5: the Fig. 68.16 table at D = 0.5, 0.1, 0.01, 0.001 in both domains (004 inventory §4.2)', () => {
    const rows: [number, number, number, number, number][] = [
      [0.5, -0.5, 0.5, -2.0, 2],
      [0.1, -0.1, 0.9, -1.111, 10],
      [0.01, -0.01, 0.99, -1.0101, 100],
      [0.001, -0.001, 0.999, -1.001, 1000],
    ];
    for (const [D, a, b, c, d] of rows) {
      const t = gan.saturationTable(D);
      close(t.dLog1mD_dLogit, a, 1e-12);
      close(t.dLogD_dLogit, b, 1e-12);
      close(t.dLog1mD_dD, c, 1e-3);
      close(t.dLogD_dD, d, 1e-9);
    }
  });

  it('002 T21: d/dD ln(1−D) = −1/(1−D) equals 1 in magnitude at D = 0 (not flat: 004-E11)', () => {
    close(gan.gradLog1mDWrtD(0), -1, 1e-15);
  });

  it('hand gradients match central finite differences and tfjs autodiff (tf.grad)', () => {
    for (const s of [-6, -2, -0.3, 0, 1.7, 5]) {
      close(gan.gradLog1mDWrtLogit(s), fd((t) => Math.log(1 - sigmoid(t)), s), 1e-8);
      close(gan.gradLogDWrtLogit(s), fd((t) => Math.log(sigmoid(t)), s), 1e-8);
      for (const kind of gan.GENERATOR_LOSSES) {
        close(gan.generatorLossGradLogit(s, kind), fd((t) => gan.generatorLossFromLogit(t, kind), s), 1e-8, kind);
      }
      const gSat = tf.grad((x: tf.Tensor) => tf.log(tf.sub(1, tf.sigmoid(x))))(tf.scalar(s)).dataSync()[0];
      const gNs = tf.grad((x: tf.Tensor) => tf.log(tf.sigmoid(x)))(tf.scalar(s)).dataSync()[0];
      close(gan.gradLog1mDWrtLogit(s), gSat, 2e-5, 'tf saturating');
      close(gan.gradLogDWrtLogit(s), gNs, 2e-5, 'tf non-saturating');
    }
    for (const D of [0.05, 0.3, 0.8]) {
      close(gan.gradLog1mDWrtD(D), fd((d) => gan.log1mD(d), D), 1e-7);
      close(gan.gradLogDWrtD(D), fd((d) => gan.logD(d), D), 1e-6);
      const tg = tf.grad((x: tf.Tensor) => tf.log(tf.sub(1, x)))(tf.scalar(D)).dataSync()[0];
      close(gan.gradLog1mDWrtD(D), tg, 1e-5);
    }
  });

  it('discriminator loss 002 (10.1.1) and generator losses 002 (10.1.2)/(10.3.1) on a batch (direct evaluation)', () => {
    close(gan.discriminatorLoss([0.5, 0.5], [0.5]), 2 * Math.log(2), 1e-15);
    close(gan.generatorLoss([0.2, 0.4], 'saturating'), 0.5 * (Math.log(0.8) + Math.log(0.6)), 1e-15);
    close(gan.generatorLoss([0.2, 0.4], 'nonSaturating'), -0.5 * (Math.log(0.2) + Math.log(0.4)), 1e-15);
    close(gan.generatorLossFromLogit(-800, 'saturating'), 0, 1e-300);
    close(gan.generatorLossFromLogit(-800, 'nonSaturating'), 800, 1e-9);
  });

  it('rejects bad input with errors naming the argument and value', () => {
    assert.throws(() => gan.log1mD(1), /log1mD: D must be < 1 \(got 1\)/);
    assert.throws(() => gan.log1mD(-0.1), /log1mD: D must be in \[0, 1\] \(got -0.1\)/);
    assert.throws(() => gan.logD(0), /logD: D must be > 0 \(got 0\)/);
    assert.throws(() => gan.gradLog1mDWrtD(1), /D must be < 1/);
    assert.throws(() => gan.gradLogDWrtD(0), /D must be > 0/);
    assert.throws(() => gan.gradLog1mDWrtLogit(NaN), /s must be a finite number/);
    assert.throws(() => gan.gradLogDWrtLogit(Infinity), /s must be a finite number/);
    assert.throws(() => gan.generatorLossFromLogit(0, 'minimax' as never), /kind must be one of "saturating", "nonSaturating" \(got "minimax"\)/);
    assert.throws(() => gan.generatorLossGradLogit(0, 'x' as never), /kind must be one of/);
    assert.throws(() => gan.saturationTable(0), /D must be in \(0, 1\) \(got 0\)/);
    assert.throws(() => gan.discriminatorLoss([0], [0.5]), /dReal\[0\] must be in \(0, 1\] \(got 0\)/);
    assert.throws(() => gan.discriminatorLoss([0.5], [1]), /dFake\[0\] must be in \[0, 1\) \(got 1\)/);
    assert.throws(() => gan.generatorLoss([1], 'saturating'), /dFake\[0\] must be in \(0, 1\) \(got 1\)/);
  });
});
