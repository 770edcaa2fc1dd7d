import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import * as vae from '../../src/vae';
import { inverse } from '../../src/core/linalg';
import { close, fd, throwsWith } from './helpers';

describe('vae/kl — Gaussian KL and gradients', () => {
  it('000 O-23: KL(N((1,−1), diag(2,0.5)) ‖ N(0,I)) = 1.25, ∇_μ = (1,−1), ∇_σ² = (0.25, −0.5) (000 inventory §3; closed form by hand)', () => {
    close(vae.klStdNormal([1, -1], [[2, 0], [0, 0.5]]), 1.25, 1e-12);
    close(vae.klDiagStdNormal([1, -1], [2, 0.5]), 1.25, 1e-12);
    const g = vae.klDiagStdNormalGrad([1, -1], [2, 0.5]);
    assert.deepEqual(g.mu, [1, -1]);
    close(g.sigma2[0], 0.25, 1e-15);
    close(g.sigma2[1], -0.5, 1e-15);
  });

  it('000 O-23 general case: KL = 0.9617636654098156 and the gradients (3.9)/(3.10) (000 inventory §3, audited)', () => {
    const mu = [1, -1];
    const S = [[2, 0.2], [0.2, 0.5]];
    const mu0 = [0.5, 0];
    const S0 = [[1, 0.3], [0.3, 2]];
    close(vae.klGaussians(mu, S, mu0, S0), 0.9617636654098156, 1e-12);
    const g = vae.klGaussiansGrad(mu, S, mu0, S0);
    close(g.mu[0], 0.68062827, 1e-8);
    close(g.mu[1], -0.60209424, 1e-8);
    [[0.26314354, 0.02563264], [0.02563264, -0.77988656]].forEach((row, i) => row.forEach((v, j) => close(g.Sigma[i][j], v, 1e-8, `Sigma[${i}][${j}]`)));
  });

  it('000 O-23 1-D values: KL(N(1,4)‖N(0,1)), KL(N(0,1)‖N(1,1)), KL(N(0,1)‖N(0,4)) (000 inventory §3)', () => {
    close(vae.klGaussians([1], [[4]], [0], [[1]]), 1.3068528194400546, 1e-12);
    close(vae.klGaussians([0], [[1]], [1], [[1]]), 0.5, 1e-12);
    close(vae.klGaussians([0], [[1]], [0], [[4]]), 0.3181471805599453, 1e-12);
    close(vae.klDiagGaussians([0], [1], [0], [4]), 0.3181471805599453, 1e-12);
  });

  it('(3.9)/(3.10) match central finite differences, perturbing each entry of Σ separately (AUDIT-NOTES O-23 caveat)', () => {
    const mu = [0.3, -0.7, 1.1];
    const S = [[1.5, 0.3, -0.2], [0.3, 0.8, 0.1], [-0.2, 0.1, 2.0]];
    const mu0 = [0.1, 0.2, -0.3];
    const S0 = [[1, 0.2, 0], [0.2, 1.4, -0.3], [0, -0.3, 0.9]];
    const g = vae.klGaussiansGrad(mu, S, mu0, S0);
    for (let i = 0; i < 3; i++) close(g.mu[i], fd((m) => vae.klGaussians(m, S, mu0, S0), mu, i), 1e-7, `mu[${i}]`);
    // perturb a single entry (the matrix is then not symmetric, so evaluate the closed form directly through logdet/trace)
    const klRaw = (A: number[][]) => {
      // tr(Σ0⁻¹ A) + log det Σ0 − log det A (quad and −k constant in A)
      const inv = (M: number[][]) => {
        const det = M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1]) - M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0]) + M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0]);
        return { det };
      };
      const S0inv = inverse(S0);
      let tr = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) tr += S0inv[i][j] * A[j][i];
      return 0.5 * (tr - Math.log(inv(A).det));
    };
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      const h = 1e-6;
      const Ap = S.map((r) => [...r]);
      const Am = S.map((r) => [...r]);
      Ap[i][j] += h;
      Am[i][j] -= h;
      close(g.Sigma[i][j], (klRaw(Ap) - klRaw(Am)) / (2 * h), 1e-7, `Sigma[${i}][${j}]`);
    }
  });

  it('(3.9)/(3.10) and (3.12) match tfjs autodiff (tf.grad of the closed form written with tf ops, 2×2 det/inverse explicit)', () => {
    const mu0 = [0.5, 0];
    const S0 = [[1, 0.3], [0.3, 2]];
    const P0 = tf.tensor2d(inverse(S0));
    const klTf = (m: tf.Tensor, S: tf.Tensor) => {
      const [a, b, c, d] = tf.split(S.reshape([4]), 4) as tf.Tensor[];
      const det = tf.sub(tf.mul(a, d), tf.mul(b, c));
      const diff = tf.sub(m, tf.tensor1d(mu0)).reshape([2, 1]);
      const quad = tf.matMul(tf.matMul(diff, P0, true), diff).reshape([1]);
      const tr = tf.sum(tf.mul(P0, tf.transpose(S)));
      const logDet0 = Math.log(S0[0][0] * S0[1][1] - S0[0][1] * S0[1][0]);
      return tf.mul(0.5, tf.sub(tf.add(tf.add(tr, quad), logDet0 - 2), tf.log(det))).sum();
    };
    const mu = [1, -1];
    const S = [[2, 0.2], [0.2, 0.5]];
    close(klTf(tf.tensor1d(mu), tf.tensor2d(S)).dataSync()[0], vae.klGaussians(mu, S, mu0, S0), 1e-5);
    const [dm, dS] = tf.grads(klTf)([tf.tensor1d(mu), tf.tensor2d(S)]).map((t) => Array.from(t.dataSync()));
    const g = vae.klGaussiansGrad(mu, S, mu0, S0);
    g.mu.forEach((v, i) => close(dm[i], v, 1e-5, `mu[${i}]`));
    g.Sigma.flat().forEach((v, i) => close(dS[i], v, 1e-5, `Sigma flat ${i}`));
    // diagonal form in σ² (000 (3.12))
    const s2 = [2, 0.5];
    const klDiagTf = (m: tf.Tensor, v: tf.Tensor) => tf.mul(0.5, tf.sum(tf.sub(tf.add(v, tf.square(m)), tf.add(1, tf.log(v)))));
    const [dm2, dv2] = tf.grads(klDiagTf)([tf.tensor1d([1, -1]), tf.tensor1d(s2)]).map((t) => Array.from(t.dataSync()));
    const gd = vae.klDiagStdNormalGrad([1, -1], s2);
    gd.mu.forEach((v, i) => close(dm2[i], v, 1e-6));
    gd.sigma2.forEach((v, i) => close(dv2[i], v, 1e-6));
  });

  it('the diagonal, log-variance and tfjs KLs agree, and their gradients match finite differences and tf.grad', () => {
    const mu = [0.4, -1.2, 0.7];
    const a = [0.3, -0.5, 1.1];
    const s2 = a.map(Math.exp);
    close(vae.klLogVar(mu, a), vae.klDiagStdNormal(mu, s2), 1e-12);
    close(vae.klLogVar(mu, a), vae.klStdNormal(mu, [[s2[0], 0, 0], [0, s2[1], 0], [0, 0, s2[2]]]), 1e-12);
    const ga = vae.klLogVarGrad(mu, a);
    const gs = vae.klDiagStdNormalGrad(mu, s2);
    for (let i = 0; i < 3; i++) {
      close(ga.a[i], fd((x) => vae.klLogVar(mu, x), a, i), 1e-8, `a[${i}]`);
      close(gs.sigma2[i], fd((x) => vae.klDiagStdNormal(mu, x), s2, i), 1e-7, `sigma2[${i}]`);
      close(ga.mu[i], fd((x) => vae.klLogVar(x, a), mu, i), 1e-8, `mu[${i}]`);
    }
    const tfGrad = tf.grads((m: tf.Tensor, l: tf.Tensor) => tf.sum(vae.klLogVarTf(m, l)));
    const [dm, dl] = tfGrad([tf.tensor2d([mu]), tf.tensor2d([a])]);
    const dmv = dm.dataSync();
    const dlv = dl.dataSync();
    for (let i = 0; i < 3; i++) {
      close(dmv[i], ga.mu[i], 1e-5, `tf mu[${i}]`);
      close(dlv[i], ga.a[i], 1e-5, `tf a[${i}]`);
    }
    close(vae.klLogVarTf(tf.tensor2d([mu]), tf.tensor2d([a])).dataSync()[0], vae.klLogVar(mu, a), 1e-5);
  });

  it('004 O1: KL = e/2 and J = 2 + e at μ = (1, −1), a = (1, 0); J = 2 KL + P (004 inventory §4.2)', () => {
    close(vae.klLogVar([1, -1], [1, 0]), Math.E / 2, 1e-12);
    close(vae.latentPenaltyJ([1, -1], [1, 0]), 2 + Math.E, 1e-12);
    close(vae.latentPenaltyJ([0.3, 2], [-1, 0.4]), 2 * vae.klLogVar([0.3, 2], [-1, 0.4]) + 2, 1e-12);
  });

  it('003 §4.5: KL to N(0, I) for four (μ, σ²) pairs (003 inventory, computed there by enumeration of the formula)', () => {
    close(vae.klDiagStdNormal([1, 0], [1, 1]), 0.5, 1e-12);
    close(vae.klDiagStdNormal([0.5, -0.5], [0.5, 2]), 0.5, 1e-12);
    close(vae.klDiagStdNormal([0], [Math.E]), 0.3591409, 1e-7);
    close(vae.klDiagStdNormal([0], [Math.E]), (Math.E - 2) / 2, 1e-15);
    close(vae.klDiagStdNormal([1, 2], [0.5, 0.25]), 2.9147208, 1e-7);
    close(vae.klStdNormal([0, 0], [[1, 0], [0, 1]]), 0, 1e-15);
  });

  it('000 O-24: the KL-only encoder rule collapses μ and σ² to the prior (000 inventory §3 values)', () => {
    const t = vae.tutorialEncoderTrajectory([1], [2], 0.1, 10);
    close(t.mu[10][0], 0.3486784401, 1e-12);
    close(t.sigma2[1][0], 1.975, 1e-15);
    close(t.sigma2[2][0], 1.9503164556962027, 1e-14);
    close(t.sigma2[3][0], 1.9259533208592727, 1e-14);
    close(t.sigma2[10][0], 1.7647002184199394, 1e-13);
    const u = vae.tutorialEncoderTrajectory([1], [0.25], 0.1, 5);
    [0.25, 0.4, 0.475, 0.5302631578947369, 0.5745559618649602, 0.6115796868258921].forEach((v, k) => close(u.sigma2[k][0], v, 1e-13, `step ${k}`));
    const long = vae.tutorialEncoderTrajectory([3, -2], [5, 0.1], 0.1, 500);
    close(long.mu[500][0], 0, 1e-20);
    close(long.sigma2[500][1], 1, 1e-9);
    // NB09 plan: first k with |μ| < 0.01 is 44 (0.9^44 = 0.009697737, 0.9^43 = 0.010775264)
    const t2 = vae.tutorialEncoderTrajectory([1], [1], 0.1, 60).mu.map((m) => m[0]);
    assert.equal(t2.findIndex((m) => m < 0.01), 44);
  });

  it('bad input: clear errors naming the argument', () => {
    throwsWith(() => vae.klStdNormal([0, 0], [[1, 0.5], [0.4, 1]]), RangeError, /Sigma must be symmetric/);
    throwsWith(() => vae.klStdNormal([0], [[1, 0], [0, 1]]), RangeError, /Sigma must be 1×1/);
    throwsWith(() => vae.klGaussians([0, 0], [[1, 2], [2, 1]], [0, 0], [[1, 0], [0, 1]]), RangeError, /Sigma/);
    throwsWith(() => vae.klGaussians([0, 0], [[1, 0], [0, 1]], [0], [[1]]), RangeError, /mu0 must have length 2/);
    throwsWith(() => vae.klDiagStdNormal([0, 0], [1, 0]), RangeError, /sigma2\[1\] must be > 0/);
    throwsWith(() => vae.klDiagStdNormal([0, NaN], [1, 1]), RangeError, /mu\[1\] must be finite/);
    throwsWith(() => vae.klLogVar([0], [1, 2]), RangeError, /a must have length 1/);
    throwsWith(() => vae.klDiagGaussians([0], [1], [0], [-1]), RangeError, /sigma20\[0\] must be > 0/);
    throwsWith(() => vae.tutorialEncoderStep([0], [1], 0), RangeError, /gamma must be > 0/);
    throwsWith(() => vae.tutorialEncoderStep([0], [10], 30), RangeError, /non-positive/);
    throwsWith(() => vae.tutorialEncoderTrajectory([0], [1], 0.1, -1), RangeError, /steps must be an integer >= 0/);
    throwsWith(() => vae.klLogVarTf(tf.zeros([1, 2]), tf.zeros([1, 3])), RangeError, /same shape/);
    throwsWith(() => vae.klLogVarTf([1] as unknown as tf.Tensor, tf.zeros([1])), TypeError, /tf tensors/);
  });
});
