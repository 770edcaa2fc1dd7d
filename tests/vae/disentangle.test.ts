import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { rng } from '../../src/core/rng';
import { eigenvalues } from '../../src/core/linalg';
import { klLogVar } from '../../src/vae/kl';
import { createVae } from '../../src/vae/model';
import { activeUnits } from '../../src/iwae/training';
import { collapseDiagnostics, klDecomposition, permuteDims, tcDensityRatio, totalCorrelationDiscrete, totalCorrelationGaussian, twoFactorData } from '../../src/vae/disentangle';
import { linearAutoencoderLoss, pca, principalAngles, symmetricEigen, trainLinearAutoencoder } from '../../src/vae/linearAutoencoder';
import { close, throwsWith } from './helpers';

describe('vae/disentangle: total correlation, the KL decomposition, permute_dims (002 §6)', () => {
  it('002 D21 discrete: TC([[0.4, 0.1], [0.1, 0.4]]) = 0.192745', () => close(totalCorrelationDiscrete([[0.4, 0.1], [0.1, 0.4]]), 0.192745, 1e-6));
  it('002 D21 Gaussian: −½ log(1 − ρ²) = 0.143841 (ρ = 0.5) and 0.830366 (ρ = 0.9)', () => {
    close(totalCorrelationGaussian([[1, 0.5], [0.5, 1]]), 0.143841, 1e-6);
    close(totalCorrelationGaussian([[1, 0.9], [0.9, 1]]), 0.830366, 1e-6);
    close(totalCorrelationGaussian([[4, 0.9 * 2 * 3], [0.9 * 2 * 3, 9]]), 0.830366, 1e-6); // scale invariant
  });
  it('002 D20: E KL = 0.280404 = I_q(x;z) 0.275396 + KL(q(z)‖p(z)) 0.005008, q(z) = (0.55, 0.45)', () => {
    const d = klDecomposition([0.5, 0.5], [[0.9, 0.1], [0.2, 0.8]], [0.5, 0.5]);
    close(d.expectedKl, 0.280404, 1e-6);
    close(d.mutualInfo, 0.275396, 1e-6);
    close(d.klAggregate, 0.005008, 1e-6);
    close(d.aggregate[0], 0.55, 1e-15);
    close(d.mutualInfo + d.klAggregate, d.expectedKl, 1e-14);
  });
  it('002 D25: KL for μ = (1, 0), log σ² = (log 2, log 0.5) is 0.75 (002 (5.2.4) via src/vae/kl)', () => close(klLogVar([1, 0], [Math.log(2), Math.log(0.5)]), 0.75, 1e-12));
  it('002 T17: permute_dims keeps every column multiset', () => {
    const Z = [[0.2, 1.3, -0.7], [-0.4, 0.8, 1.1], [0.5, -0.9, 0.3]];
    const P = permuteDims(Z, rng(1));
    for (let j = 0; j < 3; j++) assert.deepEqual(P.map((r) => r[j]).sort(), Z.map((r) => r[j]).sort());
  });
  it('permute_dims removes the correlation of a ρ = 0.9 batch (|r| < 4/√n)', () => {
    const g = rng(2);
    const Z = Array.from({ length: 4000 }, () => { const a = g.normal(); return [a, 0.9 * a + Math.sqrt(1 - 0.81) * g.normal()]; });
    const P = permuteDims(Z, rng(3));
    const corr = (M: number[][]) => { const n = M.length; const m0 = M.reduce((s, r) => s + r[0], 0) / n, m1 = M.reduce((s, r) => s + r[1], 0) / n; let c = 0, v0 = 0, v1 = 0; M.forEach((r) => { c += (r[0] - m0) * (r[1] - m1); v0 += (r[0] - m0) ** 2; v1 += (r[1] - m1) ** 2; }); return c / Math.sqrt(v0 * v1); };
    assert.ok(corr(Z) > 0.85);
    assert.ok(Math.abs(corr(P)) < 4 / Math.sqrt(4000));
  });
  it('the density-ratio TC estimate is within 0.02 of 002 D21 (ρ = 0.5, 0.143841) — the FactorVAE discriminator step', () => {
    const g = rng(4);
    const Z = Array.from({ length: 8000 }, () => { const a = g.normal(); return [a, 0.5 * a + Math.sqrt(0.75) * g.normal()]; });
    const r = tcDensityRatio(Z, rng(5), { epochs: 400, lr: 0.5 });
    assert.ok(Math.abs(r.tc - 0.143841) < 0.02, `${r.tc}`);
  });
  it('collapseDiagnostics: Σ_p klPerDim equals the mean KL (68.20), and the active units match iwae.activeUnits', () => {
    const v = createVae({ dataDim: 4, latentDim: 3, hidden: [5], seed: 3 });
    const g = rng(6);
    const X = Array.from({ length: 50 }, () => Array.from(g.normals(4)));
    const mu = v.encodeMeans(X), a = v.encodeLogVars(X);
    const d = collapseDiagnostics(mu, a);
    close(d.klPerDim.reduce((s, x) => s + x, 0), mu.reduce((s, m, n) => s + klLogVar(m, a[n]), 0) / 50, 1e-9);
    const ref = activeUnits(v, X);
    assert.equal(d.active, ref.active);
    d.meanVariance.forEach((x, i) => close(x, ref.variances[i], 1e-9));
    v.dispose();
  });
  it('twoFactorData: shapes and factors in [−1, 1]', () => {
    const t = twoFactorData(10, 6, rng(1));
    assert.equal(t.x[0].length, 6);
    assert.ok(t.factors.flat().every((s) => s >= -1 && s <= 1));
  });
  it('bad input: totalCorrelationDiscrete not a distribution', () => throwsWith(() => totalCorrelationDiscrete([[0.5, 0.6]]), RangeError, /totalCorrelationDiscrete/));
  it('bad input: totalCorrelationGaussian non-positive variance', () => throwsWith(() => totalCorrelationGaussian([[0, 0], [0, 1]]), RangeError, /totalCorrelationGaussian.*Sigma\[0\]\[0\]/));
  it('bad input: klDecomposition pz of the wrong length', () => throwsWith(() => klDecomposition([1], [[0.5, 0.5]], [1]), RangeError, /klDecomposition.*pz.*2 entries/));
  it('bad input: permuteDims without rng', () => throwsWith(() => permuteDims([[1]], {} as never), TypeError, /permuteDims.*rng/));
  it('bad input: tcDensityRatio too few rows', () => throwsWith(() => tcDensityRatio([[1, 2], [3, 4]], rng(1)), RangeError, /tcDensityRatio.*4 rows/));
  it('bad input: collapseDiagnostics shapes differ', () => throwsWith(() => collapseDiagnostics([[1, 2]], [[1]]), RangeError, /collapseDiagnostics.*logvar/));
  it('bad input: twoFactorData M < 2', () => throwsWith(() => twoFactorData(5, 1, rng(1)), RangeError, /twoFactorData.*M.*1/));
});

describe('vae/linearAutoencoder: autoencoders vs PCA (002 §5.1, erratum 002-E26)', () => {
  const g = rng(7);
  const d = 6, k = 2;
  // centred data with a clear spectrum: x = A s, s ~ N(0, diag(9, 4, 1, 0.25, 0.09, 0.04)), A a random rotation-ish mixing
  const scales = [3, 2, 1, 0.5, 0.3, 0.2];
  const Q = symmetricEigen((() => { const B = Array.from({ length: d }, () => Array.from(g.normals(d))); return B.map((r, i) => B.map((s) => r.reduce((t, v, j) => t + v * s[j], 0))); })()).vectors;
  const raw = Array.from({ length: 400 }, () => { const s = scales.map((c) => c * g.normal()); return Q.map((row) => row.reduce((t, v, j) => t + v * s[j], 0)); });
  const mean = raw[0].map((_, j) => raw.reduce((s, r) => s + r[j], 0) / raw.length);
  const X = raw.map((r) => r.map((v, j) => v - mean[j]));
  it('symmetricEigen: the eigenvalues equal core.linalg.eigenvalues and V Λ Vᵀ reconstructs A', () => {
    const A = [[4, 1, 0.5], [1, 3, -0.2], [0.5, -0.2, 1]];
    const e = symmetricEigen(A);
    const ref = (eigenvalues(A) as { re: number }[]).map((z) => (typeof z === 'number' ? z : z.re)).sort((a, b) => b - a);
    e.values.forEach((v, i) => close(v, ref[i], 1e-10));
    A.forEach((r, i) => r.forEach((v, j) => close(e.vectors[i].reduce((s, x, m) => s + x * e.values[m] * e.vectors[j][m], 0), v, 1e-10)));
  });
  it('principalAngles: span(e₁) vs span(cos t e₁ + sin t e₂) is t (closed form)', () => {
    close(principalAngles([[1], [0], [0]], [[Math.cos(0.3)], [Math.sin(0.3)], [0]])[0], 0.3, 1e-12);
  });
  it('linearAutoencoderLoss: hand gradients equal finite differences and tf.grads', () => {
    const ae = { We: [[0.1, -0.2, 0.3, 0.05, 0, 0.1], [0.2, 0.1, -0.1, 0.3, -0.2, 0]], Wd: Array.from({ length: d }, (_, i) => [0.1 * i - 0.2, 0.05 * i]) };
    const Xs = X.slice(0, 20);
    const an = linearAutoencoderLoss(ae, Xs);
    const h = 1e-6;
    for (const [name, W, G] of [['We', ae.We, an.dWe], ['Wd', ae.Wd, an.dWd]] as const) {
      W.forEach((r, i) => r.forEach((v, j) => {
        r[j] = v + h; const lp = linearAutoencoderLoss(ae, Xs).loss;
        r[j] = v - h; const lm = linearAutoencoderLoss(ae, Xs).loss;
        r[j] = v;
        close(G[i][j], (lp - lm) / (2 * h), 1e-7, `${name}[${i}][${j}]`);
      }));
    }
    const [gWe, gWd] = tf.tidy(() => tf.grads((we: tf.Tensor, wd: tf.Tensor) => {
      const R = tf.sub(tf.matMul(tf.matMul(tf.tensor2d(Xs), we as tf.Tensor2D, false, true), wd as tf.Tensor2D, false, true), tf.tensor2d(Xs));
      return tf.div(tf.sum(tf.square(R)), Xs.length) as tf.Scalar;
    })([tf.tensor2d(ae.We), tf.tensor2d(ae.Wd)]).map((t) => t.arraySync() as number[][]));
    an.dWe.forEach((r, i) => r.forEach((v, j) => close(v, gWe[i][j], 1e-5)));
    an.dWd.forEach((r, i) => r.forEach((v, j) => close(v, gWd[i][j], 1e-5)));
  });
  it('trained, the decoder spans the PCA subspace (angles < 1e-2) and the loss equals the discarded eigenvalues (1e-3 rel)', () => {
    const { ae, losses } = trainLinearAutoencoder(X, k, { lr: 0.02, epochs: 3000, rng: rng(8) });
    const p = pca(X, k);
    const angles = principalAngles(ae.Wd, p.components);
    assert.ok(Math.max(...angles) < 1e-2, `${angles}`);
    const discarded = p.eigenvalues.slice(k).reduce((s, v) => s + v, 0);
    close(losses[losses.length - 1], discarded, 1e-3 * discarded);
  });
  it('erratum 002-E26: the weights need not be the orthonormal principal directions (W_dᵀW_d ≠ I in general)', () => {
    const { ae } = trainLinearAutoencoder(X, k, { lr: 0.02, epochs: 3000, rng: rng(9) });
    const gram = [0, 1].map((i) => [0, 1].map((j) => ae.Wd.reduce((s, r) => s + r[i] * r[j], 0)));
    const p = pca(X, k);
    const colAngle = principalAngles(ae.Wd.map((r) => [r[0]]), p.components.map((r) => [r[0]]))[0];
    assert.ok(Math.abs(gram[0][1]) > 1e-3 || Math.abs(gram[0][0] - 1) > 1e-3 || colAngle > 1e-2, `gram ${gram}, column angle ${colAngle}`);
  });
  it('bad input: symmetricEigen not symmetric', () => throwsWith(() => symmetricEigen([[1, 2], [0, 1]]), RangeError, /symmetricEigen.*symmetric/));
  it('bad input: symmetricEigen not square', () => throwsWith(() => symmetricEigen([[1, 2]]), RangeError, /symmetricEigen.*square/));
  it('bad input: pca k larger than d', () => throwsWith(() => pca([[1, 2]], 3), RangeError, /pca.*k.*3/));
  it('bad input: principalAngles shapes differ', () => throwsWith(() => principalAngles([[1], [0]], [[1, 0], [0, 1]]), RangeError, /principalAngles.*B/));
  it('bad input: principalAngles dependent columns', () => throwsWith(() => principalAngles([[1, 2], [1, 2]], [[1, 0], [0, 1]]), RangeError, /linearly dependent/));
  it('bad input: trainLinearAutoencoder without rng', () => throwsWith(() => trainLinearAutoencoder([[1, 2]], 1, { lr: 0.1, epochs: 1 } as never), TypeError, /trainLinearAutoencoder.*rng/));
  it('bad input: trainLinearAutoencoder lr not positive', () => throwsWith(() => trainLinearAutoencoder([[1, 2]], 1, { lr: 0, epochs: 1, rng: rng(1) }), RangeError, /trainLinearAutoencoder.*lr.*0/));
  it('bad input: linearAutoencoderLoss Wd of the wrong size', () => throwsWith(() => linearAutoencoderLoss({ We: [[1, 2]], Wd: [[1]] }, [[1, 2]]), RangeError, /linearAutoencoderLoss.*ae\.Wd/));
});
