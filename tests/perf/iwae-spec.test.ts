import { strict as assert } from 'assert';
import { rng } from '../../src/core/rng';
import { mvnLogPdf } from '../../src/core/gaussian';
import { linearGaussian, lgLogJoint } from '../../src/vae/linearGaussian';
import { lgIwaeSpec } from '../../src/iwae/linearGaussian';

/**
 * [PERF-2] lgIwaeSpec precomputes q's Cholesky factor and the model's constants once. Its logQ and logJoint must equal
 * the general routines they replace: core.gaussian.mvnLogPdf (a Cholesky per call) and vae.lgLogJoint, on random
 * models with d = 5, k = 3 and a full covariance, and its samples must have q's mean and covariance.
 */
describe('iwae/lgIwaeSpec — the precomputed log-weights equal the general routines', () => {
  const g = rng(21);
  const d = 5;
  const k = 3;
  const W = Array.from({ length: d }, () => Array.from({ length: k }, () => g.normal()));
  const b = Array.from({ length: d }, () => g.normal());
  const model = linearGaussian(W, b, 0.7);
  const x = Array.from({ length: d }, () => g.normal());
  const A = Array.from({ length: k }, () => Array.from({ length: k }, () => g.normal()));
  const cov = A.map((r, i) => r.map((_, j) => A[i].reduce((s, v, l) => s + v * A[j][l], 0) + (i === j ? 0.5 : 0)));
  const q = { mean: [0.3, -0.2, 1.1], cov };

  it('logQ = mvnLogPdf(z, q.mean, q.cov) and logJoint = lgLogJoint(model, x, z) at 200 random z', () => {
    const spec = lgIwaeSpec(model, x, q);
    for (let t = 0; t < 200; t++) {
      const z = Array.from({ length: k }, () => 2 * g.normal());
      assert.ok(Math.abs(spec.logQ(z) - mvnLogPdf(z, q.mean, q.cov)) < 1e-11);
      assert.ok(Math.abs(spec.logJoint(z) - lgLogJoint(model, x, z)) < 1e-11);
    }
  });

  it('samples have mean q.mean and covariance q.cov within 4 standard errors (seed 5, n = 20000)', () => {
    const spec = lgIwaeSpec(model, x, q);
    const h = rng(5);
    const n = 20000;
    const zs = Array.from({ length: n }, () => spec.sample(h));
    for (let i = 0; i < k; i++) {
      const m = zs.reduce((s, z) => s + z[i], 0) / n;
      assert.ok(Math.abs(m - q.mean[i]) < 4 * Math.sqrt(cov[i][i] / n), `mean ${i}`);
      for (let j = 0; j <= i; j++) {
        const c = zs.reduce((s, z) => s + (z[i] - q.mean[i]) * (z[j] - q.mean[j]), 0) / n;
        const se = Math.sqrt((cov[i][i] * cov[j][j] + cov[i][j] ** 2) / n);
        assert.ok(Math.abs(c - cov[i][j]) < 4 * se, `cov ${i}${j}: ${c} vs ${cov[i][j]}`);
      }
    }
  });
});
