import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import * as vae from '../../src/vae';
import { rng } from '../../src/core/rng';
import { close, fd, throwsWith } from './helpers';

describe('vae/linearGaussian — the exact test bed', () => {
  it('000 O-26: the ELBO table for w = 1, s² = 1, x = 1 (000 inventory §3; identity ELBO + KL(Q‖post) = log P(x))', () => {
    const rows: [number, number, number, number, number, number][] = [
      [0.5, 0.5, -1.2939385332046727, 0.22157359027997264, -1.5155121234846454, 0],
      [0, 1, -1.9189385332046727, 0, -1.9189385332046727, 0.40342640972002736],
      [1, 1, -1.4189385332046727, 0.5, -1.9189385332046727, 0.40342640972002736],
      [0.5, 1, -1.5439385332046727, 0.125, -1.6689385332046727, 0.15342640972002736],
    ];
    for (const [m, v, ell, klp, elbo, klpost] of rows) {
      const e = vae.lgElbo1d(1, 1, 1, m, v);
      close(e.expectedLogLik, ell, 1e-13, `E log P, m=${m} v=${v}`);
      close(e.klPrior, klp, 1e-13, `KL prior, m=${m} v=${v}`);
      close(e.elbo, elbo, 1e-13, `ELBO, m=${m} v=${v}`);
      close(e.klPosterior, klpost, 1e-13, `KL post, m=${m} v=${v}`);
      close(e.gapDirect, klpost, 1e-13, `KL post (direct Gaussian KL), m=${m} v=${v}`);
      close(e.elbo + e.gapDirect, -1.5155121234846454, 1e-13);
    }
    const p = vae.lgPosterior(vae.linearGaussian1d(1, 1), [1]);
    close(p.mean[0], 0.5, 1e-15);
    close(p.cov[0][0], 0.5, 1e-15);
  });

  it('003 §4.5 (x = 2) and 004 O3 (h = 1): log p, ELBO at the posterior and at N(0,1), the gap (003/004 inventories)', () => {
    const post = vae.lgElbo1d(1, 1, 2, 1, 0.5);
    close(post.logEvidence, -2.2655121, 1e-7);
    close(post.expectedLogLik, -1.6689385, 1e-7);
    close(post.klPrior, 0.5965736, 1e-7);
    close(post.elbo, -2.2655121, 1e-7);
    const prior = vae.lgElbo1d(1, 1, 2, 0, 1);
    close(prior.expectedLogLik, -3.4189385, 1e-7);
    close(prior.elbo, -3.4189385, 1e-7);
    close(prior.klPosterior, 1.1534264, 1e-7);
    close(vae.klGaussians([0], [[1]], [1], [[0.5]]), 1.1534264, 1e-7);
    const o3 = vae.lgElbo1d(1, 1, 1, 0, 1);
    close(o3.logEvidence, -1.5155121, 1e-7);
    close(o3.elbo, -1.9189385, 1e-7);
    close(o3.klPosterior, 0.4034264, 1e-7);
  });

  it('multivariate: the ELBO identity holds for random W, b, s², q (gap = Gaussian KL to the exact posterior), and q = posterior is tight', () => {
    const g = rng(5);
    const W = [[1, 0.5], [-0.3, 2], [0.7, -1.1]];
    const model = vae.linearGaussian(W, [0.2, -0.4, 1], 0.6);
    for (let t = 0; t < 4; t++) {
      const x = Array.from(g.normals(3));
      const q = { mean: Array.from(g.normals(2)), cov: [[0.8, 0.1], [0.1, 0.5]] };
      const e = vae.lgElbo(model, x, q);
      close(e.klPosterior, e.gapDirect, 1e-12);
      const post = vae.lgPosterior(model, x);
      const tight = vae.lgElbo(model, x, post);
      close(tight.elbo, tight.logEvidence, 1e-12);
      assert.ok(e.elbo <= e.logEvidence);
    }
  });

  it('the closed-form ELBO matches the Monte Carlo ELBO (vi.elboMonteCarlo) within 4 standard errors (seed 9, S = 20000)', () => {
    const model = vae.linearGaussian([[1, 0.5], [-0.3, 2]], [0.2, -0.4], 0.6);
    const q = { mean: [0.3, -0.2], cov: [[0.8, 0.1], [0.1, 0.5]] };
    const mc = vae.lgElboMonteCarlo(model, [1, -0.5], q, 20000, rng(9));
    close(mc.value, vae.lgElbo(model, [1, -0.5], q).elbo, 4 * mc.stdError);
  });

  it('lgElboGrad (hand-derived) matches central finite differences in m, S, W, b, s²', () => {
    const W = [[1, 0.5], [-0.3, 2], [0.7, -1.1]];
    const b = [0.2, -0.4, 1];
    const s2 = 0.6;
    const x = [0.5, 1.5, -0.7];
    const q = { mean: [0.3, -0.2], cov: [[0.8, 0.1], [0.1, 0.5]] };
    const g = vae.lgElboGrad(vae.linearGaussian(W, b, s2), x, q);
    const E = (W2: number[][], b2: number[], s22: number, m: number[], S: number[][]) => vae.lgElbo(vae.linearGaussian(W2, b2, s22), x, { mean: m, cov: S }).elbo;
    for (let i = 0; i < 2; i++) close(g.mean[i], fd((m) => E(W, b, s2, m, q.cov), q.mean, i), 1e-7, `mean[${i}]`);
    for (let i = 0; i < 3; i++) close(g.b[i], fd((bb) => E(W, bb, s2, q.mean, q.cov), b, i), 1e-7, `b[${i}]`);
    close(g.s2, fd(([v]) => E(W, b, v, q.mean, q.cov), [s2], 0), 1e-7, 's2');
    for (let r = 0; r < 3; r++) for (let j = 0; j < 2; j++) {
      const flat = W.flat();
      close(g.W[r][j], fd((f) => E([f.slice(0, 2), f.slice(2, 4), f.slice(4, 6)], b, s2, q.mean, q.cov), flat, 2 * r + j), 1e-7, `W[${r}][${j}]`);
    }
    // S: diagonal entries by FD (a symmetric perturbation of an off-diagonal pair gives g01 + g10)
    for (let i = 0; i < 2; i++) close(g.cov[i][i], fd(([v]) => E(W, b, s2, q.mean, i === 0 ? [[v, 0.1], [0.1, 0.5]] : [[0.8, 0.1], [0.1, v]]), [q.cov[i][i]], 0), 1e-7, `cov[${i}][${i}]`);
    close(g.cov[0][1] + g.cov[1][0], fd(([v]) => E(W, b, s2, q.mean, [[0.8, v], [v, 0.5]]), [0.1], 0), 1e-7, 'cov off-diagonal pair');
  });

  it('lgElboGrad matches tfjs autodiff (tf.grad of lgElboDiagTf) for a diagonal q', () => {
    const W = [[1, 0.5], [-0.3, 2], [0.7, -1.1]];
    const b = [0.2, -0.4, 1];
    const x = [0.5, 1.5, -0.7];
    const m = [0.3, -0.2];
    const v = [0.8, 0.5];
    const g = vae.lgElboGrad(vae.linearGaussian(W, b, 0.6), x, vae.gaussianQDiag(m, v));
    const grads = tf.grads((Wt: tf.Tensor, bt: tf.Tensor, st: tf.Tensor, mt: tf.Tensor, vt: tf.Tensor) => vae.lgElboDiagTf(Wt, bt, st, tf.tensor1d(x), mt, vt));
    const [dW, db, ds, dm, dv] = grads([tf.tensor2d(W), tf.tensor1d(b), tf.scalar(0.6), tf.tensor1d(m), tf.tensor1d(v)]).map((t) => Array.from(t.dataSync()));
    g.W.flat().forEach((val, i) => close(dW[i], val, 1e-4, `W flat ${i}`));
    g.b.forEach((val, i) => close(db[i], val, 1e-4, `b[${i}]`));
    close(ds[0], g.s2, 1e-4, 's2');
    g.mean.forEach((val, i) => close(dm[i], val, 1e-4, `m[${i}]`));
    [g.cov[0][0], g.cov[1][1]].forEach((val, i) => close(dv[i], val, 1e-4, `v[${i}]`));
    close(vae.lgElboDiagTf(tf.tensor2d(W), tf.tensor1d(b), tf.scalar(0.6), tf.tensor1d(x), tf.tensor1d(m), tf.tensor1d(v)).dataSync()[0], vae.lgElbo(vae.linearGaussian(W, b, 0.6), x, vae.gaussianQDiag(m, v)).elbo, 1e-4);
  });

  it('lgSample: x has the marginal covariance WWᵀ + s²I within a few standard errors (seed 4, n = 20000)', () => {
    const model = vae.linearGaussian1d(2, 0.5, 1);
    const { x, z } = vae.lgSample(model, 20000, rng(4));
    assert.equal(z.length, 20000);
    const xs = x.map((r) => r[0]);
    const m = xs.reduce((s, t) => s + t, 0) / xs.length;
    const v = xs.reduce((s, t) => s + (t - m) ** 2, 0) / (xs.length - 1);
    close(m, 1, 4 * Math.sqrt(4.5 / 20000));
    close(v, 4.5, 4 * 4.5 * Math.sqrt(2 / 20000));
    assert.deepEqual(vae.lgMarginal(model).cov, [[4.5]]);
  });

  it('bad input: errors name the argument', () => {
    throwsWith(() => vae.linearGaussian([[1]], [0, 1], 1), RangeError, /b must have length 1/);
    throwsWith(() => vae.linearGaussian([[1]], [0], 0), RangeError, /s2 must be > 0/);
    throwsWith(() => vae.linearGaussian1d(NaN, 1), RangeError, /w must be a finite number/);
    throwsWith(() => vae.gaussianQ1d(0, -1), RangeError, /v must be > 0/);
    throwsWith(() => vae.gaussianQDiag([0, 0], [1, 0]), RangeError, /variances\[1\] must be > 0/);
    const model = vae.linearGaussian1d(1, 1);
    throwsWith(() => vae.lgLogEvidence(model, [1, 2]), RangeError, /x must have length 1/);
    throwsWith(() => vae.lgElbo(model, [1], { mean: [0], cov: [[-1]] }), RangeError, /q.cov/);
    throwsWith(() => vae.lgElbo(model, [1], null as never), TypeError, /q must be \{ mean, cov \}/);
    throwsWith(() => vae.lgPosterior({} as never, [1]), TypeError, /model must come from linearGaussian/);
    throwsWith(() => vae.lgLogLik(model, [1], [0, 0]), RangeError, /z must have length 1/);
    throwsWith(() => vae.lgSample(model, 0, rng(1)), RangeError, /n must be an integer >= 1/);
    throwsWith(() => vae.lgElboMonteCarlo(model, [1], vae.gaussianQ1d(0, 1), 0, rng(1)), RangeError, /samples must be an integer/);
    throwsWith(() => vae.lgElboDiagTf(tf.zeros([2]), tf.zeros([2]), tf.scalar(1), tf.zeros([2]), tf.zeros([1]), tf.ones([1])), RangeError, /W must be a \[d, k\] tensor/);
    throwsWith(() => vae.lgElboDiagTf(tf.zeros([2, 1]), tf.zeros([3]), tf.scalar(1), tf.zeros([2]), tf.zeros([1]), tf.ones([1])), RangeError, /b and x must have 2 entries/);
  });
});

describe('vae/linearGaussian — elboAscentTrajectory', () => {
  it('gradient ascent on the exact ELBO reaches the exact posterior N(x/2, 1/2) for each x, with a non-decreasing ELBO (small γ)', () => {
    const model = vae.linearGaussian1d(1, 1);
    for (const x of [-2, 1, 3]) {
      const t = vae.elboAscentTrajectory(model, [x], [1], [2], 0.1, 300);
      close(t.mean[300][0], x / 2, 1e-9);
      close(t.variance[300][0], 0.5, 1e-9);
      for (let k = 1; k < t.elbo.length; k++) assert.ok(t.elbo[k] >= t.elbo[k - 1] - 1e-12, `ELBO decreased at step ${k}`);
      close(t.elbo[300], vae.lgLogEvidence(model, [x]), 1e-9);
    }
  });
  it('bad input: errors name the argument', () => {
    const model = vae.linearGaussian1d(1, 1);
    throwsWith(() => vae.elboAscentTrajectory(model, [1], [1], [2], 0, 5), RangeError, /gamma must be > 0/);
    throwsWith(() => vae.elboAscentTrajectory(model, [1], [1], [2], 0.1, 1.5), RangeError, /steps must be an integer >= 0/);
    throwsWith(() => vae.elboAscentTrajectory(model, [1], [1, 2], [2, 1], 0.1, 5), RangeError, /m0 must have length 1/);
    throwsWith(() => vae.elboAscentTrajectory(model, [1], [1], [2], 5, 5), RangeError, /non-positive/);
  });
});
