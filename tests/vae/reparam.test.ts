import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import * as vae from '../../src/vae';
import { rng } from '../../src/core/rng';
import { mvnLogPdf, diagGaussianLogPdf } from '../../src/core/gaussian';
import { close, throwsWith } from './helpers';

describe('vae/reparam — reparameterisation and change of variables (001 §2)', () => {
  it('001 §2 values: log q at z\' = (1.5, 0) for the diagonal and the affine map (AUDIT-NOTES: −2.4628770664093453, −2.9941270664093453)', () => {
    close(vae.changeOfVariablesLogDensity({ mu: [1, -1], sigma: [0.5, 2] }, [1.5, 0]), -2.4628770664093453, 1e-13);
    const S = [[2, 0], [1, 0.5]];
    close(vae.changeOfVariablesLogDensity({ mu: [1, -1], S }, [1.5, 0]), -2.9941270664093453, 1e-13);
    close(vae.changeOfVariablesLogDensity({ mu: [1, -1], S, structure: 'triangular' }, [1.5, 0]), -2.9941270664093453, 1e-13);
    assert.deepEqual(vae.affineCovariance(S), [[4, 2], [2, 1.25]]);
    close(vae.logAbsDet(S, 'triangular').logAbsDet, 0, 1e-15); // det S = 1
  });

  it('Steps 2.1 and 2.3: the pushed-forward density equals the closed-form Gaussian N(μ, diag σ²) / N(μ, SSᵀ) (core.gaussian as reference)', () => {
    const g = rng(7);
    const mu = [0.3, -1, 2];
    const sigma = [0.5, 1.7, 0.2];
    const S = [[1.2, 0.4, -0.3], [-0.5, 0.9, 0.2], [0.1, 0.3, -1.4]];
    for (let t = 0; t < 5; t++) {
      const z = Array.from(g.normals(3));
      close(vae.changeOfVariablesLogDensity({ mu, sigma }, z), diagGaussianLogPdf(z, mu, sigma), 1e-12);
      close(vae.changeOfVariablesLogDensity({ mu, S }, z), mvnLogPdf(z, mu, vae.affineCovariance(S)), 1e-11);
    }
  });

  it('001-E21: the source form (8) det(S)^{−2/2} gives a negative "density" when det S < 0; the exact form uses |det S|', () => {
    const S = [[-2, 0], [1, 0.5]];
    const exact = Math.exp(vae.changeOfVariablesLogDensity({ mu: [1, -1], S }, [1.5, 0]));
    const src = vae.sourceFormAffineDensity([1, -1], S, [1.5, 0]);
    close(src, -exact, 1e-15);
    assert.ok(exact > 0);
    // with det S > 0 the two forms agree
    close(vae.sourceFormAffineDensity([1, -1], [[2, 0], [1, 0.5]], [1.5, 0]), Math.exp(-2.9941270664093453), 1e-15);
  });

  it('logAbsDet: LU agrees with the product of the diagonal on triangular matrices and with the sign of core.det; flop counts K vs ≈2K³/3', () => {
    const g = rng(3);
    const L = vae.randomJacobian(12, 'triangular', g);
    close(vae.logAbsDet(L, 'dense').logAbsDet, vae.logAbsDet(L, 'triangular').logAbsDet, 1e-12);
    const A = [[0, 2, 1], [1, 1, 0], [3, 0, -1]]; // det = 0·(−1) − 2·(−1) + 1·(−3) = −1
    const r = vae.logAbsDet(A);
    close(r.logAbsDet, 0, 1e-14);
    assert.equal(r.sign, -1);
    assert.equal(vae.logAbsDet(vae.randomJacobian(50, 'diagonal', g), 'diagonal').flops, 50);
    const f = vae.logAbsDet(vae.randomJacobian(50, 'dense', g), 'dense').flops;
    assert.ok(f > 0.6 * 50 ** 3 && f < 0.75 * 50 ** 3, `dense flops ${f}`);
  });

  it('timeLogAbsDet returns one positive timing per (K, structure); dense is slower than triangular at K = 128', () => {
    const t = vae.timeLogAbsDet([4, 128], rng(1), { reps: 3 });
    assert.equal(t.length, 6);
    t.forEach((r) => assert.ok(r.seconds > 0 && Number.isFinite(r.seconds)));
    const dense = t.find((r) => r.K === 128 && r.structure === 'dense')!;
    const tri = t.find((r) => r.K === 128 && r.structure === 'triangular')!;
    assert.ok(dense.seconds > 10 * tri.seconds, `dense ${dense.seconds} vs triangular ${tri.seconds}`);
  });

  it('000 O-25: z\' = μ + σ ⊙ z = (2, −1) for μ = (1, 2), σ² = (4, 9), z = (0.5, −1); 004 (68.17) log-variance form agrees', () => {
    assert.deepEqual(vae.reparamDiag([1, 2], [2, 3], [0.5, -1]), [2, -1]);
    const u = vae.reparamLogVar([1, 2], [Math.log(4), Math.log(9)], [0.5, -1]);
    close(u[0], 2, 1e-14);
    close(u[1], -1, 1e-14);
    assert.deepEqual(vae.reparamAffine([1, 2], [[2, 0], [0, 3]], [0.5, -1]), [2, -1]);
  });

  it('sampler: the transformed cloud has mean μ and covariance SSᵀ within a few standard errors (seed 11, n = 20000)', () => {
    const S = [[2, 0], [1, 0.5]];
    const { eps, z } = vae.reparamCloud({ mu: [1, -1], S }, 20000, rng(11));
    assert.equal(eps.length, 20000);
    const n = z.length;
    const m = [0, 1].map((i) => z.reduce((s, r) => s + r[i], 0) / n);
    close(m[0], 1, 4 * 2 / Math.sqrt(n));
    close(m[1], -1, 4 * Math.sqrt(1.25) / Math.sqrt(n));
    const c01 = z.reduce((s, r) => s + (r[0] - m[0]) * (r[1] - m[1]), 0) / (n - 1);
    const c00 = z.reduce((s, r) => s + (r[0] - m[0]) ** 2, 0) / (n - 1);
    // SE of a sample covariance ≈ sqrt((σ_xx σ_yy + σ_xy²)/n)
    close(c01, 2, 4 * Math.sqrt((4 * 1.25 + 4) / n));
    close(c00, 4, 4 * Math.sqrt((2 * 16) / n));
  });

  it('003 §4.5 / A25: tf.grad through z = μ + σε equals the analytic pathwise gradient 2(μ+σε) and 2(μ+σε)ε', () => {
    const eps = 0.7;
    const f = (m: tf.Tensor, s: tf.Tensor) => tf.square(tf.add(m, tf.mul(s, eps)));
    const [dm, ds] = tf.grads(f)([tf.scalar(1.5), tf.scalar(0.5)]);
    close(dm.dataSync()[0], 2 * (1.5 + 0.5 * eps), 1e-5);
    close(ds.dataSync()[0], 2 * (1.5 + 0.5 * eps) * eps, 1e-5);
  });

  it('bad input: errors name the argument', () => {
    throwsWith(() => vae.reparamDiag([0, 0], [1, -1], [0, 0]), RangeError, /sigma\[1\] must be > 0/);
    throwsWith(() => vae.reparamDiag([0, 0], [1, 1], [0]), RangeError, /eps must have length 2/);
    throwsWith(() => vae.reparamAffine([0, 0], [[1, 0]], [0, 0]), RangeError, /S must be square|S must be 2×2/);
    throwsWith(() => vae.reparamLogVar([0], [NaN], [0]), RangeError, /a\[0\] must be finite/);
    throwsWith(() => vae.logAbsDet([[1, 2], [0, 1]], 'triangular'), RangeError, /lower-triangular/);
    throwsWith(() => vae.logAbsDet([[1, 0], [1, 1]], 'diagonal'), RangeError, /must be diagonal/);
    throwsWith(() => vae.logAbsDet([[1, 2], [2, 4]]), RangeError, /non-singular/);
    throwsWith(() => vae.logAbsDet([[1, 0], [0, 0]], 'triangular'), RangeError, /non-singular/);
    throwsWith(() => vae.logAbsDet([[1]], 'lu' as never), RangeError, /structure must be one of/);
    throwsWith(() => vae.changeOfVariablesLogDensity({ mu: [0] } as never, [0]), TypeError, /either sigma or S/);
    throwsWith(() => vae.changeOfVariablesLogDensity({ mu: [0], sigma: [0] }, [0]), RangeError, /map.sigma\[0\] must be > 0/);
    throwsWith(() => vae.changeOfVariablesLogDensity(null as never, [0]), TypeError, /map must be/);
    throwsWith(() => vae.reparamCloud({ mu: [0], sigma: [1] }, 0, rng(1)), RangeError, /n must be an integer >= 1/);
    throwsWith(() => vae.reparamCloud({ mu: [0], sigma: [1] }, 3, {} as never), TypeError, /rng must be a seeded generator/);
    throwsWith(() => vae.randomJacobian(0, 'dense', rng(1)), RangeError, /K must be an integer >= 1/);
    throwsWith(() => vae.timeLogAbsDet([], rng(1)), TypeError, /Ks must be a non-empty array/);
    throwsWith(() => vae.timeLogAbsDet([5000], rng(1)), RangeError, /Ks\[0\] must be an integer in \[1, 4096\]/);
    throwsWith(() => vae.timeLogAbsDet([4], rng(1), { reps: 0 }), RangeError, /opts.reps/);
  });
});
