import { strict as assert } from 'assert';
import * as gan from '../../src/gan';
import { normalLogPdf } from '../../src/core/gaussian';
import { rng } from '../../src/core/rng';
import { ksStatistic } from '../../src/sampling/basic';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);
const N = (m: number) => (x: number) => Math.exp(normalLogPdf(x, m, 1));

describe('gan/problems — 004 Problems 68.1, 68.9, 68.10', () => {
  it('004 O9 (Prob. 68.1): u = 0 ↦ ln 2 = 0.6931472, u = 1 ↦ 1.8410216; samples pass a KS test against Exp(1) (D < 1.358/√n)', () => {
    close(gan.inverseCdfExponential(0), Math.log(2), 1e-15);
    close(gan.inverseCdfExponential(1), 1.8410216, 5e-8);
    close(gan.inverseCdfExponential(0, 2), Math.log(2) / 2, 1e-15);
    const r = rng(1);
    const xs = Array.from(r.normals(5000), (u) => gan.inverseCdfExponential(u));
    assert.ok(ksStatistic(xs, (x) => (x <= 0 ? 0 : 1 - Math.exp(-x))) < 1.358 / Math.sqrt(5000));
  });

  it('Prob. 68.9: with D* = f_ĥ/(f_h + f_ĥ) the flipped game has value −ln 4 + 2 JS (= the original game, 004 O4 at m = 1: −1.1634514); D* maximises the inner objective', () => {
    const D = gan.flippedOptimalDiscriminator(N(0), N(1));
    const v = gan.problemGameValue('flipped', D, N(0), N(1));
    close(v, -1.1634514, 1e-6);
    close(v, gan.gaussianGanOptimalValue(0, 1, 1, 1), 1e-6);
    close(D(0), Math.exp(-0.5) / (1 + Math.exp(-0.5)), 1e-15);
    // perturbations lower the value
    for (const e of [0.05, -0.05]) assert.ok(gan.problemGameValue('flipped', (x) => Math.min(0.999, Math.max(0.001, D(x) + e)), N(0), N(1)) < v);
    // at f_ĥ = f_h the value is −ln 4 (004 O2)
    close(gan.problemGameValue('flipped', gan.flippedOptimalDiscriminator(N(0), N(0)), N(0), N(0)), -Math.log(4), 1e-7);
  });

  it('004 O10 (Prob. 68.10): with D ≥ 0, D* = 𝟙{f_ĥ > f_h} gives ∫min(f_h, f_ĥ) = 1 − TV = 0.6170751 at m = 1, 0.8025873 at m = 0.5, 0.3173105 at m = 2; other D ≥ 0 do worse', () => {
    for (const [m, want] of [[0.5, 0.8025873], [1, 0.6170751], [2, 0.3173105]]) {
      close(gan.hingeValueGaussian(m), want, 5e-8);
      close(gan.problemGameValue('hinge', gan.hingeOptimalDiscriminator(N(0), N(m)), N(0), N(m), [-12, 12], 20000), want, 1e-3); // the indicator's jump limits Simpson's accuracy
    }
    assert.ok(gan.problemGameValue('hinge', () => 0.5, N(0), N(1)) > 0.62);
    assert.ok(gan.problemGameValue('hinge', (x) => (x > 0.5 ? 1.5 : 0), N(0), N(1)) > 0.62);
  });

  it('rejects bad input', () => {
    assert.throws(() => gan.inverseCdfExponential(NaN), /inverseCdfExponential: u must be a finite number/);
    assert.throws(() => gan.inverseCdfExponential(0, 0), /rate must be > 0 \(got 0\)/);
    assert.throws(() => gan.flippedOptimalDiscriminator(3 as never, N(0)), /fh must be a density function/);
    assert.throws(() => gan.problemGameValue('wgan' as never, () => 0.5, N(0), N(0)), /kind must be 'flipped' or 'hinge'/);
    assert.throws(() => gan.problemGameValue('hinge', 1 as never, N(0), N(0)), /D must be a function/);
    assert.throws(() => gan.hingeOptimalDiscriminator(N(0), null as never), /fhat must be a density function/);
    assert.throws(() => gan.hingeValueGaussian(Infinity), /m must be a finite number/);
  });
});
