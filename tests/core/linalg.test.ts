import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import {
  cholesky,
  det,
  diag,
  dot,
  eigenvalues,
  identity,
  inverse,
  logDetFromCholesky,
  matmul,
  Matrix,
  matvec,
  solve,
  solveLower,
  solveUpper,
  spectralRadius,
  transpose,
  zeros,
} from '../../src/core';
import { assertClose, assertMatrixClose, assertThrowsWith, assertVectorClose } from './close';

const FC = { seed: 424242, numRuns: 100 };

/** A random n×n matrix with entries in [−1, 1] (n = 1…6). */
const squareMatrix = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }));

/** B Bᵀ + n I: symmetric positive definite with eigenvalues in [n, n + n²] (well conditioned). */
function spdFrom(B: Matrix): Matrix {
  const n = B.length;
  const A = matmul(B, transpose(B));
  for (let i = 0; i < n; i++) A[i][i] += n;
  return A;
}

/** The Wikipedia Cholesky example: A = L Lᵀ with integer L (published worked example). */
const A_WIKI = [
  [4, 12, -16],
  [12, 37, -43],
  [-16, -43, 98],
];
const L_WIKI = [
  [2, 0, 0],
  [6, 1, 0],
  [-8, 5, 3],
];

/** The 3×3 second-difference matrix tridiag(−1, 2, −1). */
const T3 = [
  [2, -1, 0],
  [-1, 2, -1],
  [0, -1, 2],
];

describe('core/linalg', () => {
  describe('constructors and products', () => {
    it('zeros, identity, diag, transpose build what they say', () => {
      assert.deepEqual(zeros(2, 3), [
        [0, 0, 0],
        [0, 0, 0],
      ]);
      assert.deepEqual(identity(2), [
        [1, 0],
        [0, 1],
      ]);
      assert.deepEqual(diag([3, 4]), [
        [3, 0],
        [0, 4],
      ]);
      assert.deepEqual(transpose([[1, 2, 3]]), [[1], [2], [3]]);
    });

    it('matmul of 2×3 and 3×2 (hand-computed) and identity is neutral', () => {
      const A = [
        [1, 2, 3],
        [4, 5, 6],
      ];
      const B = [
        [7, 8],
        [9, 10],
        [11, 12],
      ];
      assert.deepEqual(matmul(A, B), [
        [58, 64],
        [139, 154],
      ]);
      assert.deepEqual(matmul(identity(2), A), A);
      assert.deepEqual(matmul(A, identity(3)), A);
    });

    it('matvec and dot (hand-computed)', () => {
      assert.deepEqual(
        matvec(
          [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
          [5, 6],
        ),
        [17, 39, 61],
      );
      assert.equal(dot([1, 2, 3], Float64Array.from([4, 5, 6])), 32);
    });

    it('errors: shape mismatches name both sides; malformed matrices name the argument', () => {
      assertThrowsWith(() => matmul([[1, 2, 3]], [[1], [2]]), RangeError, "matmul: A's columns (3) must equal B's rows (2)");
      assertThrowsWith(() => matmul([[1, 2], [3]], [[1]]), RangeError, 'matmul: A must be rectangular (row 0 has 2 entries, row 1 has 1)');
      assertThrowsWith(() => matmul([[1]], 'B' as unknown as Matrix), TypeError, 'matmul: B must be a matrix (array of rows) (got "B")');
      assertThrowsWith(() => matmul([[1, NaN]], [[1], [2]]), RangeError, 'matmul: A[0][1] must be finite (got NaN)');
      assertThrowsWith(() => matvec([[1, 2]], [1, 2, 3]), RangeError, 'matvec: x must have length 2 (got length 3)');
      assertThrowsWith(() => dot([1, 2], [1]), RangeError, 'dot: y must have length 2 (got length 1)');
      assertThrowsWith(() => transpose([]), RangeError, 'transpose: A must have at least one row');
      assertThrowsWith(() => zeros(-1), RangeError, 'zeros: n must be an integer >= 0 (got -1)');
      assertThrowsWith(() => zeros(2, 1.5), RangeError, 'zeros: m must be an integer (got 1.5)');
      assertThrowsWith(() => identity(NaN), RangeError, 'identity: n must be an integer (got NaN)');
      assertThrowsWith(() => diag([]), RangeError, 'diag: v must not be empty');
    });
  });

  describe('cholesky and triangular solves', () => {
    it('factors the published example exactly: [[4,12,−16],[12,37,−43],[−16,−43,98]] = L Lᵀ with L = [[2,0,0],[6,1,0],[−8,5,3]]', () => {
      assertMatrixClose(cholesky(A_WIKI), L_WIKI, 0, 1e-15);
      // log det A = 2 log(2·1·3) = log 36
      assertClose(logDetFromCholesky(cholesky(A_WIKI)), Math.log(36), 1e-15);
    });

    it('L Lᵀ = A with L lower triangular and a positive diagonal, for random SPD A (property test)', () => {
      fc.assert(
        fc.property(squareMatrix, (B) => {
          const A = spdFrom(B);
          const L = cholesky(A);
          for (let i = 0; i < L.length; i++) {
            assert.ok(L[i][i] > 0);
            for (let j = i + 1; j < L.length; j++) assert.equal(L[i][j], 0);
          }
          assertMatrixClose(matmul(L, transpose(L)), A, 1e-12, 1e-12);
          assertClose(logDetFromCholesky(L), Math.log(det(A)), 1e-10, 1e-12);
        }),
        FC,
      );
    });

    it('rejects a non-symmetric matrix, naming the argument and the offending entries', () => {
      assertThrowsWith(
        () =>
          cholesky([
            [2, 1],
            [0, 2],
          ]),
        RangeError,
        'cholesky: A must be symmetric (A[1][0]=0 but A[0][1]=1)',
      );
    });

    it('rejects a symmetric indefinite matrix, naming the argument, the pivot and the matrix; uses a custom argument name', () => {
      // [[1,2],[2,1]] has eigenvalues 3 and −1: second pivot 1 − 2² = −3
      assertThrowsWith(
        () =>
          cholesky([
            [1, 2],
            [2, 1],
          ]),
        RangeError,
        'cholesky: A must be positive definite (pivot 1 is -3; A = [[1, 2], [2, 1]])',
      );
      assertThrowsWith(() => cholesky([[0]], 'Sigma'), RangeError, 'cholesky: Sigma must be positive definite (pivot 0 is 0');
      assertThrowsWith(() => cholesky([[1, 2]], 'Sigma'), RangeError, 'cholesky: Sigma must be square (got 1×2)');
    });

    it('solveLower and solveUpper (hand-computed 2×2, and against solve on random triangles)', () => {
      assert.deepEqual(
        solveLower(
          [
            [2, 0],
            [1, 3],
          ],
          [4, 11],
        ),
        [2, 3],
      );
      assert.deepEqual(
        solveUpper(
          [
            [2, 1],
            [0, 3],
          ],
          [7, 9],
        ),
        [2, 3],
      );
      fc.assert(
        fc.property(squareMatrix, (B) => {
          const L = cholesky(spdFrom(B));
          const b = L.map((_, i) => i + 1);
          assertVectorClose(matvec(L, solveLower(L, b)), b, 1e-12, 1e-12);
          const U = transpose(L);
          assertVectorClose(matvec(U, solveUpper(U, b)), b, 1e-12, 1e-12);
        }),
        FC,
      );
    });

    it('triangular-solve and logDetFromCholesky errors', () => {
      assertThrowsWith(
        () =>
          solveLower(
            [
              [1, 0],
              [1, 0],
            ],
            [1, 1],
          ),
        RangeError,
        'solveLower: L is singular (L[1][1] = 0)',
      );
      assertThrowsWith(() => solveUpper([[0]], [1]), RangeError, 'solveUpper: U is singular (U[0][0] = 0)');
      assertThrowsWith(() => solveLower([[1]], [1, 2]), RangeError, 'solveLower: b must have length 1 (got length 2)');
      assertThrowsWith(() => logDetFromCholesky([[-1]]), RangeError, 'logDetFromCholesky: L must have a positive diagonal (L[0][0] = -1)');
    });
  });

  describe('det, solve, inverse', () => {
    it('det of hand-computed matrices: [[1,2],[3,4]] = −2, tridiag(−1,2,−1) = 4, a swap = −1, singular = 0', () => {
      assertClose(
        det([
          [1, 2],
          [3, 4],
        ]),
        -2,
        1e-15,
      );
      assertClose(det(T3), 4, 1e-15);
      assert.equal(
        det([
          [0, 1],
          [1, 0],
        ]),
        -1,
      );
      assert.equal(
        det([
          [1, 2],
          [2, 4],
        ]),
        0,
      );
      assert.equal(det([[7]]), 7);
    });

    it('det of a Vandermonde matrix = Π_{i<j}(x_j − x_i) (closed form) and det(AB) = det A det B (property)', () => {
      const xs = [1, 2, 3, 4];
      const V = xs.map((x) => xs.map((_, k) => x ** k));
      assertClose(det(V), 12, 1e-13); // (1)(2)(3)(1)(2)(1)
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 5 }).chain((n) =>
            fc.tuple(
              fc.array(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
              fc.array(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
            ),
          ),
          ([A, B]) => {
            assertClose(det(matmul(A, B)), det(A) * det(B), 1e-9, 1e-9);
          },
        ),
        FC,
      );
    });

    it('solve: hand-computed 2×2, a system that needs pivoting, and random SPD residuals', () => {
      assertVectorClose(
        solve(
          [
            [2, 1],
            [1, 3],
          ],
          [3, 5],
        ),
        [0.8, 1.4],
        1e-15,
      );
      assert.deepEqual(
        solve(
          [
            [0, 1],
            [1, 0],
          ],
          [2, 3],
        ),
        [3, 2],
      );
      fc.assert(
        fc.property(squareMatrix, (B) => {
          const A = spdFrom(B);
          const x = A.map((_, i) => Math.sin(i + 1));
          assertVectorClose(solve(A, matvec(A, x)), x, 1e-10, 1e-12);
        }),
        FC,
      );
    });

    it('inverse: [[1,2],[3,4]]⁻¹ = [[−2,1],[1.5,−0.5]], tridiag(−1,2,−1)⁻¹ = ¼[[3,2,1],[2,4,2],[1,2,3]] (hand-computed)', () => {
      assertMatrixClose(
        inverse([
          [1, 2],
          [3, 4],
        ]),
        [
          [-2, 1],
          [1.5, -0.5],
        ],
        1e-15,
        1e-15,
      );
      assertMatrixClose(
        inverse(T3),
        [
          [0.75, 0.5, 0.25],
          [0.5, 1, 0.5],
          [0.25, 0.5, 0.75],
        ],
        1e-15,
        1e-15,
      );
    });

    it('inverse of the 4×4 Hilbert matrix is the published integer matrix (condition number ≈ 1.6e4)', () => {
      const H = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => 1 / (i + j + 1)));
      const Hinv = [
        [16, -120, 240, -140],
        [-120, 1200, -2700, 1680],
        [240, -2700, 6480, -4200],
        [-140, 1680, -4200, 2800],
      ];
      assertMatrixClose(inverse(H), Hinv, 1e-11);
      assertClose(det(H), 1 / 6048000, 1e-12);
    });

    it('A·A⁻¹ = I and A⁻¹·A = I for random SPD A (property test)', () => {
      fc.assert(
        fc.property(squareMatrix, (B) => {
          const A = spdFrom(B);
          const Ai = inverse(A);
          const I = identity(A.length);
          assertMatrixClose(matmul(A, Ai), I, 0, 1e-12);
          assertMatrixClose(matmul(Ai, A), I, 0, 1e-12);
        }),
        FC,
      );
    });

    it('singular and malformed input: errors name solve/inverse/det and the argument', () => {
      const S = [
        [1, 2],
        [2, 4],
      ];
      assertThrowsWith(() => solve(S, [1, 1]), RangeError, 'solve: A must be non-singular (got [[1, 2], [2, 4]])');
      assertThrowsWith(() => inverse(S), RangeError, 'inverse: A must be non-singular (got [[1, 2], [2, 4]])');
      assertThrowsWith(() => solve([[1]], [1, 2]), RangeError, 'solve: b must have length 1 (got length 2)');
      assertThrowsWith(() => det([[1, 2]]), RangeError, 'det: A must be square (got 1×2)');
      assertThrowsWith(() => inverse([[1, 2, 3]]), RangeError, 'inverse: A must be square (got 1×3)');
    });
  });

  describe('eigenvalues, spectralRadius', () => {
    it('[[1, −α], [α, 1]] has eigenvalues 1 ± iα and spectral radius √(1 + α²) (closed form; the simultaneous-GDA matrix)', () => {
      for (const alpha of [0.1, 0.5, 2]) {
        const A = [
          [1, -alpha],
          [alpha, 1],
        ];
        const ev = eigenvalues(A);
        assert.equal(ev.length, 2);
        // sorted by real part, then imaginary part: 1 − iα first
        assertClose(ev[0].re, 1, 1e-14, 1e-14);
        assertClose(ev[0].im, -alpha, 1e-14, 1e-14);
        assertClose(ev[1].re, 1, 1e-14, 1e-14);
        assertClose(ev[1].im, alpha, 1e-14, 1e-14);
        assertClose(spectralRadius(A), Math.sqrt(1 + alpha * alpha), 1e-14);
      }
    });

    it('tridiag(−1, 2, −1) (3×3) has eigenvalues 2 − √2, 2, 2 + √2 (Toeplitz closed form 2 − 2cos(kπ/4))', () => {
      const ev = eigenvalues(T3);
      assertVectorClose(
        ev.map((z) => z.re),
        [2 - Math.SQRT2, 2, 2 + Math.SQRT2],
        1e-14,
        1e-14,
      );
      for (const z of ev) assert.equal(z.im, 0);
    });

    it('a companion matrix has the roots of its polynomial: x³ − 6x² + 11x − 6 → 1, 2, 3', () => {
      const C = [
        [6, -11, 6],
        [1, 0, 0],
        [0, 1, 0],
      ];
      const ev = eigenvalues(C);
      assertVectorClose(
        ev.map((z) => z.re),
        [1, 2, 3],
        1e-10,
        1e-10,
      );
      for (const z of ev) assertClose(z.im, 0, 0, 1e-10);
    });

    it('random symmetric matrices: each eigenvalue is a root of det(A − λI); Σλ = trace, Πλ = det (property test)', () => {
      fc.assert(
        fc.property(squareMatrix, (B) => {
          const n = B.length;
          const A = B.map((row, i) => row.map((b, j) => (b + B[j][i]) / 2));
          const ev = eigenvalues(A);
          assert.equal(ev.length, n);
          let trace = 0;
          for (let i = 0; i < n; i++) trace += A[i][i];
          let prod = 1;
          let s = 0;
          for (const z of ev) {
            assertClose(z.im, 0, 0, 1e-12);
            const shifted = A.map((row, i) => row.map((a, j) => (i === j ? a - z.re : a)));
            assertClose(det(shifted), 0, 0, 1e-9);
            prod *= z.re;
            s += z.re;
          }
          assertClose(s, trace, 1e-10, 1e-10);
          assertClose(prod, det(A), 1e-8, 1e-10);
          for (let i = 1; i < n; i++) assert.ok(ev[i - 1].re <= ev[i].re, 'sorted by real part');
        }),
        FC,
      );
    });

    it('1×1 and diagonal matrices; spectral radius takes |λ|', () => {
      assert.deepEqual(eigenvalues([[-4]]), [{ re: -4, im: 0 }]);
      assertClose(spectralRadius(diag([-3, 2, 0.5])), 3, 1e-15);
      // rotation by 90°: eigenvalues ±i, radius 1
      const R = [
        [0, -1],
        [1, 0],
      ];
      assertClose(spectralRadius(R), 1, 1e-14);
    });

    it('rejects non-square input', () => {
      assertThrowsWith(() => eigenvalues([[1, 2]]), RangeError, 'eigenvalues: A must be square (got 1×2)');
      assertThrowsWith(() => spectralRadius([[1], [2]]), RangeError, 'eigenvalues: A must be square (got 2×1)');
    });
  });
});

describe('core/linalg: eigenvalues fallback (characteristic polynomial)', () => {
  // Optimistic GDA on V(d,g)=dg at α = 0.5 (Daskalakis et al. 2018): a defective 4×4 matrix whose eigenvalues
  // 0.5 ± 0.5i each appear twice (closed form: see tests/gan/games.test.ts); mathjs eigs does not converge on it.
  const a = 0.5;
  const A = [
    [1, 2 * a, 0, -a],
    [-2 * a, 1, a, 0],
    [1, 0, 0, 0],
    [0, 1, 0, 0],
  ];
  it('characteristicPolynomial of [[1,-a],[a,1]] is λ² − 2λ + 1 + a² (hand expansion)', () => {
    const c = require('../../src/core').characteristicPolynomial([[1, -0.1], [0.1, 1]]);
    assert.ok(Math.abs(c[0] - 1.01) < 1e-12 && Math.abs(c[1] + 2) < 1e-12 && c[2] === 1, JSON.stringify(c));
  });
  it('eigenvalues falls back to polynomial roots where mathjs does not converge', () => {
    const { eigenvalues } = require('../../src/core');
    const ev = eigenvalues(A) as { re: number; im: number }[];
    assert.equal(ev.length, 4);
    for (const z of ev) assert.ok(Math.abs(z.re - 0.5) < 1e-6 && Math.abs(Math.abs(z.im) - 0.5) < 1e-6, JSON.stringify(ev));
  });
  it('polynomialRoots refuses a non-monic polynomial, naming c', () => {
    const { polynomialRoots } = require('../../src/core');
    assert.throws(() => polynomialRoots([1, 2]), /polynomialRoots: c must be the coefficients .* monic/);
  });
});
