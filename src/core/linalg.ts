/**
 * Small dense linear algebra in float64 for the exact layer (design principle 2).
 *
 * Matrices are `number[][]` (row-major arrays of rows): readable in a notebook, printable, and accepted by mathjs.
 * Vectors are any `ArrayLike<number>`; results are `number[]`. Sizes in this course are small (≤ a few hundred),
 * so clarity wins over blocking; eigenvalues of general matrices come from mathjs.
 */
import { nativeLapack, NATIVE_SOLVE_MIN_SIZE } from './nativeLapack';
import * as mathjs from 'mathjs';
import { assertInteger, assertMatrix, assertSquareMatrix, assertVector, describe } from './validate';

export type Matrix = number[][];
export type Vector = ArrayLike<number>;

/** A complex number as plain data (what `eigenvalues` returns). */
export interface ComplexNumber {
  re: number;
  im: number;
}

/** n×m matrix of zeros. */
export function zeros(n: number, m = n): Matrix {
  assertInteger('zeros', 'n', n, 0);
  assertInteger('zeros', 'm', m, 0);
  return Array.from({ length: n }, () => new Array<number>(m).fill(0));
}

/** n×n identity. */
export function identity(n: number): Matrix {
  assertInteger('identity', 'n', n, 0);
  const I = zeros(n);
  for (let i = 0; i < n; i++) I[i][i] = 1;
  return I;
}

/** diag(v). */
export function diag(v: Vector): Matrix {
  assertVector('diag', 'v', v);
  const D = zeros(v.length);
  for (let i = 0; i < v.length; i++) D[i][i] = v[i];
  return D;
}

/** Aᵀ. */
export function transpose(A: Matrix): Matrix {
  assertMatrix('transpose', 'A', A);
  return A[0].map((_, j) => A.map((row) => row[j]));
}

/** A·B, checking that the inner dimensions agree. */
export function matmul(A: Matrix, B: Matrix): Matrix {
  assertMatrix('matmul', 'A', A);
  assertMatrix('matmul', 'B', B);
  if (A[0].length !== B.length) {
    throw new RangeError(`matmul: A's columns (${A[0].length}) must equal B's rows (${B.length})`);
  }
  const n = A.length;
  const k = B.length;
  const m = B[0].length;
  const C = zeros(n, m);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) {
      const a = A[i][p];
      if (a === 0) continue;
      for (let j = 0; j < m; j++) C[i][j] += a * B[p][j];
    }
  }
  return C;
}

/** A·x. */
export function matvec(A: Matrix, x: Vector): number[] {
  assertMatrix('matvec', 'A', A);
  assertVector('matvec', 'x', x, A[0].length);
  return A.map((row) => {
    let s = 0;
    for (let j = 0; j < row.length; j++) s += row[j] * x[j];
    return s;
  });
}

/** x·y. */
export function dot(x: Vector, y: Vector): number {
  assertVector('dot', 'x', x);
  assertVector('dot', 'y', y, x.length);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

/** Lower-triangular L with A = L Lᵀ; throws if A is not symmetric positive definite. */
export function cholesky(A: Matrix, argName = 'A'): Matrix {
  assertSquareMatrix('cholesky', argName, A);
  const n = A.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const tol = 1e-10 * Math.max(1, Math.abs(A[i][j]), Math.abs(A[j][i]));
      if (Math.abs(A[i][j] - A[j][i]) > tol) {
        throw new RangeError(`cholesky: ${argName} must be symmetric (${argName}[${i}][${j}]=${A[i][j]} but ${argName}[${j}][${i}]=${A[j][i]})`);
      }
    }
  }
  const L = zeros(n);
  for (let j = 0; j < n; j++) {
    let s = A[j][j];
    for (let k = 0; k < j; k++) s -= L[j][k] * L[j][k];
    if (!(s > 0)) {
      throw new RangeError(`cholesky: ${argName} must be positive definite (pivot ${j} is ${s}; ${argName} = ${describe(A)})`);
    }
    L[j][j] = Math.sqrt(s);
    for (let i = j + 1; i < n; i++) {
      let t = A[i][j];
      for (let k = 0; k < j; k++) t -= L[i][k] * L[j][k];
      L[i][j] = t / L[j][j];
    }
  }
  return L;
}

/** Solve L x = b for lower-triangular L (forward substitution). */
export function solveLower(L: Matrix, b: Vector): number[] {
  assertSquareMatrix('solveLower', 'L', L);
  assertVector('solveLower', 'b', b, L.length);
  const n = L.length;
  const x = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i][k] * x[k];
    if (L[i][i] === 0) throw new RangeError(`solveLower: L is singular (L[${i}][${i}] = 0)`);
    x[i] = s / L[i][i];
  }
  return x;
}

/** Solve U x = b for upper-triangular U (back substitution). */
export function solveUpper(U: Matrix, b: Vector): number[] {
  assertSquareMatrix('solveUpper', 'U', U);
  assertVector('solveUpper', 'b', b, U.length);
  const n = U.length;
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= U[i][k] * x[k];
    if (U[i][i] === 0) throw new RangeError(`solveUpper: U is singular (U[${i}][${i}] = 0)`);
    x[i] = s / U[i][i];
  }
  return x;
}

/** log det A from its Cholesky factor: 2 Σ log Lᵢᵢ. */
export function logDetFromCholesky(L: Matrix): number {
  assertSquareMatrix('logDetFromCholesky', 'L', L);
  let s = 0;
  for (let i = 0; i < L.length; i++) {
    if (!(L[i][i] > 0)) throw new RangeError(`logDetFromCholesky: L must have a positive diagonal (L[${i}][${i}] = ${describe(L[i][i])})`);
    s += Math.log(L[i][i]);
  }
  return 2 * s;
}

/** LU decomposition with partial pivoting: P A = L U, packed; returns the factors, permutation and sign. */
function luDecompose(A: Matrix | Float64Array[]): { LU: Float64Array[]; perm: number[]; sign: number; singular: boolean } {
  // Rows are Float64Arrays (row swaps exchange references; the inner loop runs on typed memory): the same operations in
  // the same order as on nested arrays, so the same floating-point results, several times faster at n = 500 ([PERF-2]).
  // Float64Array rows are factorised in place (solveRowMajor's own copy); nested arrays are copied.
  const n = A.length;
  const LU = A.length > 0 && A[0] instanceof Float64Array ? (A as Float64Array[]) : Array.from(A as Matrix, (r) => Float64Array.from(r));
  const perm = Array.from({ length: n }, (_, i) => i);
  let sign = 1;
  let singular = false;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(LU[i][k]) > Math.abs(LU[p][k])) p = i;
    if (LU[p][k] === 0) {
      singular = true;
      continue;
    }
    if (p !== k) {
      [LU[p], LU[k]] = [LU[k], LU[p]];
      [perm[p], perm[k]] = [perm[k], perm[p]];
      sign = -sign;
    }
    const rk = LU[k];
    const pivot = rk[k];
    for (let i = k + 1; i < n; i++) {
      const ri = LU[i];
      const l = (ri[k] /= pivot);
      // unrolled by four (each entry gets the same single update, so the results are unchanged; about 2× faster in V8)
      let j = k + 1;
      for (; j + 3 < n; j += 4) {
        ri[j] -= l * rk[j];
        ri[j + 1] -= l * rk[j + 1];
        ri[j + 2] -= l * rk[j + 2];
        ri[j + 3] -= l * rk[j + 3];
      }
      for (; j < n; j++) ri[j] -= l * rk[j];
    }
  }
  return { LU, perm, sign, singular };
}

/** det A by LU with partial pivoting. */
export function det(A: Matrix): number {
  assertSquareMatrix('det', 'A', A);
  const { LU, sign, singular } = luDecompose(A);
  if (singular) return 0;
  let d = sign;
  for (let i = 0; i < LU.length; i++) d *= LU[i][i];
  return d;
}

/** Solve (P A) x = P b from the packed LU factors of A (forward then back substitution). */
function luSolve(LU: Float64Array[], perm: number[], b: ArrayLike<number>): number[] {
  const n = LU.length;
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = b[perm[i]];
    for (let k = 0; k < i; k++) s -= LU[i][k] * y[k];
    y[i] = s;
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= LU[i][k] * x[k];
    x[i] = s / LU[i][i];
  }
  return x;
}

/** Solve A x = b for square non-singular A (LU with partial pivoting; LAPACK dgesv through the native addon from n = 48). */
export function solve(A: Matrix, b: Vector): number[] {
  assertSquareMatrix('solve', 'A', A);
  assertVector('solve', 'b', b, A.length);
  const n = A.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) a.set(A[i] as ArrayLike<number>, i * n);
  return solveRowMajor(a, b, n, 'solve', A);
}

/**
 * Solve A x = b with A given row-major in a Float64Array of n² entries, which is overwritten (no copy: for callers that
 * build A themselves, e.g. `sampling.stationaryDistribution`). Same algorithms as `solve`; `fn` names the caller in errors,
 * `shown` is the matrix an error shows.
 */
export function solveRowMajor(a: Float64Array, b: ArrayLike<number>, n: number, fn = 'solveRowMajor', shown?: unknown): number[] {
  const singular = () => new RangeError(`${fn}: A must be non-singular (got ${shown === undefined ? 'a matrix with a zero pivot' : describe(shown)})`);
  if (!(a instanceof Float64Array) || !Number.isInteger(n) || n < 1 || a.length !== n * n) {
    throw new RangeError(`${fn}: A must be a Float64Array of n² = ${n}² entries (got ${describe(a)})`);
  }
  if (!b || b.length !== n) throw new RangeError(`${fn}: b must have ${n} entries (got ${describe(b)})`);
  const lapack = n >= NATIVE_SOLVE_MIN_SIZE ? nativeLapack() : null;
  if (lapack) {
    const x = Float64Array.from(b);
    if (lapack.dgesv(a, x, n) !== 0) throw singular();
    // dgesv's blocked elimination leaves a rounding-sized pivot where the JS LU meets an exact zero (two equal rows):
    // call such a matrix singular too, so both paths reject the same inputs (a is now L\U, diagonal at i·n + i). The
    // threshold, a pivot below 64·n·ε of the largest, only refuses systems whose solution would have lost ~all digits.
    let maxU = 0;
    let minU = Infinity;
    for (let i = 0; i < n; i++) {
      const u = Math.abs(a[i * n + i]);
      if (u > maxU) maxU = u;
      if (u < minU) minU = u;
    }
    if (minU <= 64 * n * Number.EPSILON * maxU) throw singular();
    return Array.from(x);
  }
  const rows = Array.from({ length: n }, (_, i) => a.subarray(i * n, (i + 1) * n));
  const { LU, perm, singular: isSingular } = luDecompose(rows);
  if (isSingular) throw singular();
  return luSolve(LU, perm, b);
}

/** A⁻¹ for square non-singular A (one LU factorisation, then column by column). */
export function inverse(A: Matrix): Matrix {
  assertSquareMatrix('inverse', 'A', A);
  const { LU, perm, singular } = luDecompose(A);
  if (singular) throw new RangeError(`inverse: A must be non-singular (got ${describe(A)})`);
  const cols = identity(A.length).map((e) => luSolve(LU, perm, e));
  return transpose(cols);
}

/**
 * Eigenvalues of a real square matrix (complex in general), sorted by real part then imaginary part.
 * mathjs `eigs` first; where it does not converge (it fails on some defective matrices with repeated complex
 * eigenvalues, e.g. optimistic GDA on V(d,g)=dg at α = 0.5), the roots of the characteristic polynomial.
 */
export function eigenvalues(A: Matrix): ComplexNumber[] {
  assertSquareMatrix('eigenvalues', 'A', A);
  if (A.length === 1) return [{ re: A[0][0], im: 0 }];
  let values: unknown;
  try {
    values = (mathjs.eigs(A, { eigenvectors: false }) as unknown as { values: unknown }).values;
  } catch {
    return polynomialRoots(characteristicPolynomial(A));
  }
  const arr = (Array.isArray(values) ? values : (values as mathjs.Matrix).toArray()) as Array<number | mathjs.Complex>;
  return arr
    .map((v) => (typeof v === 'number' ? { re: v, im: 0 } : { re: v.re, im: v.im }))
    .sort((a, b) => a.re - b.re || a.im - b.im);
}

/** Spectral radius max |λᵢ| (for the stability of linear iterations such as gradient descent–ascent). */
export function spectralRadius(A: Matrix): number {
  return Math.max(...eigenvalues(A).map((z) => Math.hypot(z.re, z.im)));
}

/** Coefficients c_0..c_n (c_n = 1) of the characteristic polynomial det(λI − A) by the Faddeev–LeVerrier recursion. */
export function characteristicPolynomial(A: Matrix): number[] {
  assertSquareMatrix('characteristicPolynomial', 'A', A);
  const n = A.length;
  const c = new Array<number>(n + 1).fill(0);
  c[n] = 1;
  let M = zeros(n);
  for (let k = 1; k <= n; k++) {
    const AM = matmul(A, M);
    M = AM.map((r, i) => r.map((v, j) => v + (i === j ? c[n - k + 1] : 0)));
    const AMk = matmul(A, M);
    let tr = 0;
    for (let i = 0; i < n; i++) tr += AMk[i][i];
    c[n - k] = -tr / k;
  }
  return c;
}

/** Roots of a monic real polynomial (coefficients low → high) by the Durand–Kerner iteration. */
export function polynomialRoots(c: number[]): ComplexNumber[] {
  assertVector('polynomialRoots', 'c', c);
  if (c.length < 2 || c[c.length - 1] !== 1) throw new RangeError(`polynomialRoots: c must be the coefficients (low → high) of a monic polynomial of degree >= 1 (got ${describe(c)})`);
  const n = c.length - 1;
  const evalP = (re: number, im: number): [number, number] => {
    let pr = 0;
    let pi = 0;
    for (let k = n; k >= 0; k--) {
      const nr = pr * re - pi * im + c[k];
      pi = pr * im + pi * re;
      pr = nr;
    }
    return [pr, pi];
  };
  const bound = 1 + Math.max(...c.slice(0, n).map(Math.abs));
  let roots: [number, number][] = Array.from({ length: n }, (_, k) => [0.4 * bound * Math.cos((2 * Math.PI * k) / n + 0.4), 0.4 * bound * Math.sin((2 * Math.PI * k) / n + 0.4)]);
  for (let it = 0; it < 2000; it++) {
    let delta = 0;
    roots = roots.map(([re, im], i) => {
      const [pr, pi] = evalP(re, im);
      let dr = 1;
      let di = 0;
      roots.forEach(([r2, i2], j) => {
        if (j === i) return;
        const ar = re - r2;
        const ai = im - i2;
        const nr = dr * ar - di * ai;
        di = dr * ai + di * ar;
        dr = nr;
      });
      const den = dr * dr + di * di || 1e-300;
      const qr = (pr * dr + pi * di) / den;
      const qi = (pi * dr - pr * di) / den;
      delta = Math.max(delta, Math.hypot(qr, qi));
      return [re - qr, im - qi];
    });
    if (delta < 1e-15) break;
  }
  return roots.map(([re, im]) => ({ re, im: Math.abs(im) < 1e-12 ? 0 : im })).sort((a, b) => a.re - b.re || a.im - b.im);
}
