import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { det, diagGaussianLogPdf, inverse, Matrix, mvnLogPdf, normalLogPdf, normalPdf, rng, Rng, sampleMvn } from '../../src/core';
import { assertClose, assertThrowsWith } from './close';

const LOG_2PI = Math.log(2 * Math.PI);

describe('core/gaussian', () => {
  describe('normalLogPdf, normalPdf', () => {
    it('closed form −½ log 2π − log σ − (x−μ)²/(2σ²) at hand-picked points; φ(0) = 1/√(2π) = 0.3989422804014327', () => {
      assertClose(normalLogPdf(0), -0.5 * LOG_2PI, 1e-15);
      assertClose(normalLogPdf(1), -0.5 * LOG_2PI - 0.5, 1e-15);
      assertClose(normalLogPdf(3, 1, 2), -0.5 * LOG_2PI - Math.LN2 - 0.5, 1e-15);
      assertClose(normalLogPdf(-1, 1, 0.5), -0.5 * LOG_2PI + Math.LN2 - 8, 1e-15);
      assertClose(normalPdf(0), 0.3989422804014327, 1e-15);
    });

    it('integrates to 1 and has variance σ² (trapezoid quadrature on μ ± 12σ)', () => {
      const mu = 0.7;
      const sigma = 1.9;
      const n = 4000;
      const a = mu - 12 * sigma;
      const h = (24 * sigma) / n;
      let mass = 0;
      let second = 0;
      for (let i = 0; i <= n; i++) {
        const x = a + i * h;
        const w = i === 0 || i === n ? 0.5 : 1;
        const p = normalPdf(x, mu, sigma);
        mass += w * p * h;
        second += w * (x - mu) ** 2 * p * h;
      }
      assertClose(mass, 1, 1e-12);
      assertClose(second, sigma * sigma, 1e-10);
    });

    it('rejects σ ≤ 0 and non-finite x or μ, naming the argument', () => {
      assertThrowsWith(() => normalLogPdf(0, 0, 0), RangeError, 'normalLogPdf: sigma must be > 0 (got 0)');
      assertThrowsWith(() => normalLogPdf(0, 0, -1), RangeError, 'normalLogPdf: sigma must be > 0 (got -1)');
      assertThrowsWith(() => normalLogPdf(NaN), RangeError, 'normalLogPdf: x must be a finite number (got NaN)');
      assertThrowsWith(() => normalPdf(0, Infinity), RangeError, 'normalLogPdf: mu must be a finite number (got Infinity)');
      assertThrowsWith(() => normalLogPdf('0' as unknown as number), TypeError, 'normalLogPdf: x must be a number (got "0")');
    });
  });

  describe('diagGaussianLogPdf', () => {
    it('source 001 §2 diagonal case μ=(1,−1), σ=(0.5,2) at z=(1.5,0): log q = −2.4628770664093453 (AUDIT-NOTES; = −log 2π − 5/8 by hand)', () => {
      const v = diagGaussianLogPdf([1.5, 0], [1, -1], [0.5, 2]);
      assertClose(v, -2.4628770664093453, 1e-15);
      assertClose(v, -LOG_2PI - 0.625, 1e-15);
    });

    it('is the sum of univariate log-densities (property test)', () => {
      const coord = fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.05, max: 5, noNaN: true }));
      fc.assert(
        fc.property(fc.array(coord, { minLength: 1, maxLength: 8 }), (cs) => {
          const expected = cs.reduce((s, [x, m, sd]) => s + normalLogPdf(x, m, sd), 0);
          assertClose(
            diagGaussianLogPdf(
              cs.map((c) => c[0]),
              cs.map((c) => c[1]),
              cs.map((c) => c[2]),
            ),
            expected,
            1e-13,
            1e-13,
          );
        }),
        { seed: 7, numRuns: 100 },
      );
    });

    it('errors: a non-positive σᵢ names its index; length mismatches name the argument', () => {
      assertThrowsWith(() => diagGaussianLogPdf([0, 0], [0, 0], [1, 0]), RangeError, 'diagGaussianLogPdf: sigma[1] must be > 0 (got 0)');
      assertThrowsWith(() => diagGaussianLogPdf([0, 0], [0], [1, 1]), RangeError, 'diagGaussianLogPdf: mu must have length 2 (got length 1)');
      assertThrowsWith(() => diagGaussianLogPdf([0], [0], [NaN]), RangeError, 'diagGaussianLogPdf: sigma[0] must be finite (got NaN)');
    });
  });

  describe('mvnLogPdf', () => {
    it('source 001 §2 affine case: S=[[2,0],[1,0.5]], Σ = SSᵀ = [[4,2],[2,1.25]], μ=(1,−1), z=(1.5,0) → −2.9941270664093453', () => {
      const S = [
        [2, 0],
        [1, 0.5],
      ];
      const Sigma = [
        [4, 2],
        [2, 1.25],
      ];
      const v = mvnLogPdf([1.5, 0], [1, -1], Sigma);
      assertClose(v, -2.9941270664093453, 1e-15);
      // by hand via the change of variables: ε = S⁻¹(z − μ) = (0.25, 1.5), |det S| = 1, log q = log N(ε; 0, I) − log|det S|
      const eps = [0.5 / S[0][0], (1 - S[1][0] * (0.5 / S[0][0])) / S[1][1]];
      assert.deepEqual(eps, [0.25, 1.5]);
      assertClose(v, -LOG_2PI - 0.5 * (eps[0] ** 2 + eps[1] ** 2) - Math.log(Math.abs(det(S))), 1e-15);
    });

    it('reduces to the diagonal case for diagonal Σ and to a sum of univariate densities for Σ = I', () => {
      assertClose(
        mvnLogPdf(
          [1.5, 0],
          [1, -1],
          [
            [0.25, 0],
            [0, 4],
          ],
        ),
        -2.4628770664093453,
        1e-15,
      );
      const x = [0.3, -1.2, 2.5];
      const I = [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ];
      assertClose(mvnLogPdf(x, [0, 0, 0], I), normalLogPdf(0.3) + normalLogPdf(-1.2) + normalLogPdf(2.5), 1e-15);
    });

    it('3-D full covariance: formula through LU inverse/determinant (independent of the Cholesky route) and scipy', () => {
      const Sigma: Matrix = [
        [2, 0.3, 0.1],
        [0.3, 1, -0.2],
        [0.1, -0.2, 0.5],
      ];
      const mu = [0.5, -2, 1];
      const x = [1, 0, 0];
      const d = x.map((xi, i) => xi - mu[i]);
      const P = inverse(Sigma);
      let q = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) q += d[i] * P[i][j] * d[j];
      const expected = -1.5 * LOG_2PI - 0.5 * Math.log(det(Sigma)) - 0.5 * q;
      assertClose(mvnLogPdf(x, mu, Sigma), expected, 1e-13);
      // scipy.stats.multivariate_normal(mu, Sigma).logpdf(x) = −5.0718077690387755
      assertClose(mvnLogPdf(x, mu, Sigma), -5.0718077690387755, 1e-13);
    });

    it('errors: non-SPD or non-symmetric Σ names Sigma; size and type mismatches are reported', () => {
      assertThrowsWith(
        () =>
          mvnLogPdf(
            [0, 0],
            [0, 0],
            [
              [1, 2],
              [2, 1],
            ],
          ),
        RangeError,
        'Sigma must be positive definite',
      );
      assertThrowsWith(
        () =>
          mvnLogPdf(
            [0, 0],
            [0, 0],
            [
              [1, 0.5],
              [0, 1],
            ],
          ),
        RangeError,
        'Sigma must be symmetric',
      );
      assertThrowsWith(() => mvnLogPdf([0, 0], [0, 0], [[1]]), RangeError, 'mvnLogPdf: Sigma must be 2×2 to match x (got 1 rows)');
      assertThrowsWith(() => mvnLogPdf([0], [0], 1 as unknown as Matrix), TypeError, 'mvnLogPdf: Sigma must be a matrix (array of rows) (got 1)');
      assertThrowsWith(() => mvnLogPdf([0, 0], [0, 0], [[1, 0, 0], [0, 1, 0]]), RangeError, 'cholesky: Sigma must be square (got 2×3)');
      assertThrowsWith(() => mvnLogPdf([0, 0], [0], [[1]]), RangeError, 'mvnLogPdf: mu must have length 2 (got length 1)');
    });
  });

  describe('sampleMvn', () => {
    const Sigma = [
      [4, 2],
      [2, 1.25],
    ];
    const mu = [1, -1];

    it('sample mean and covariance within 4 standard errors of μ and Σ (seed 2026, n = 20000)', () => {
      const r = rng(2026);
      const n = 20000;
      const xs = Array.from({ length: n }, () => sampleMvn(r, mu, Sigma));
      const m = [0, 1].map((i) => xs.reduce((s, x) => s + x[i], 0) / n);
      for (let i = 0; i < 2; i++) {
        const se = Math.sqrt(Sigma[i][i] / n);
        assert.ok(Math.abs(m[i] - mu[i]) < 4 * se, `mean[${i}] = ${m[i]}, want ${mu[i]} ± ${4 * se}`);
      }
      for (let i = 0; i < 2; i++) {
        for (let j = 0; j <= i; j++) {
          const c = xs.reduce((s, x) => s + (x[i] - m[i]) * (x[j] - m[j]), 0) / (n - 1);
          // Var of a sample covariance of a Gaussian: (Σᵢᵢ Σⱼⱼ + Σᵢⱼ²)/n
          const se = Math.sqrt((Sigma[i][i] * Sigma[j][j] + Sigma[i][j] ** 2) / n);
          assert.ok(Math.abs(c - Sigma[i][j]) < 4 * se, `cov[${i}][${j}] = ${c}, want ${Sigma[i][j]} ± ${4 * se}`);
        }
      }
    });

    it('is μ + Lε with the generator’s own normals (1-D: μ + σz exactly) and reproducible from the seed', () => {
      const a = rng('mvn');
      const z = a.clone();
      for (let k = 0; k < 5; k++) assertClose(sampleMvn(a, [3], [[0.25]])[0], 3 + 0.5 * z.normal(), 1e-15);
      assert.deepEqual(sampleMvn(rng(11), mu, Sigma), sampleMvn(rng(11), mu, Sigma));
      assert.notDeepEqual(sampleMvn(rng(11), mu, Sigma), sampleMvn(rng(12), mu, Sigma));
    });

    it('errors: missing generator, Σ of the wrong size or type, non-SPD Σ', () => {
      assertThrowsWith(() => sampleMvn(undefined as unknown as Rng, mu, Sigma), TypeError, 'sampleMvn: rng must be a seeded generator from rng(seed) (got undefined)');
      assertThrowsWith(() => sampleMvn(rng(1), mu, [[1]]), RangeError, 'sampleMvn: Sigma must be 2×2 to match mu (got 1 rows)');
      assertThrowsWith(() => sampleMvn(rng(1), mu, 'I' as unknown as Matrix), TypeError, 'sampleMvn: Sigma must be a matrix');
      assertThrowsWith(
        () =>
          sampleMvn(rng(1), mu, [
            [1, 0],
            [0, -1],
          ]),
        RangeError,
        'cholesky: Sigma must be positive definite (pivot 1 is -1',
      );
      assertThrowsWith(() => sampleMvn(rng(1), [], []), RangeError, 'sampleMvn: mu must not be empty');
    });
  });
});
