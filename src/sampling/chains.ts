/**
 * Finite Markov chains (row-stochastic convention P_ij = p(x_{t+1} = j | x_t = i), π = πP).
 *
 * Source 002 §4.4 (Markov property 4.4.1, joint 4.4.3, stationarity, Example 4.4.1, irreducibility and period, Thm 4.4.1)
 * and App. C.1 (kernels C.1.1–C.1.9, detailed balance C.1.10–C.1.11; erratum 002-E23 for the convention);
 * source 003 L219–266 (μ^k = μ⁰Tᵏ, stationary π, the ergodic theorem, errata 003-E28–E31).
 *
 * Exact results use mathjs fractions: `stationaryDistributionExact` solves πP = π, Σπ = 1 in rational arithmetic
 * when every entry of P is rational (given as a decimal like 0.3 or a string like '1/3').
 */
import * as mathjs from 'mathjs';
import { eigenvalues, identity, matmul, Matrix, solve, solveRowMajor, transpose } from '../core/linalg';
import { Rng } from '../core/rng';
import { assertInteger, assertProbabilityVector, assertSquareMatrix, assertVector, describe } from '../core/validate';
import { assertRng } from './basic';

/** Check that P is a square row-stochastic matrix (entries in [0,1], rows summing to 1 within tol). */
export function assertStochastic(fn: string, arg: string, P: unknown, tol = 1e-9): asserts P is number[][] {
  assertSquareMatrix(fn, arg, P);
  const M = P as ArrayLike<ArrayLike<number>>;
  for (let i = 0; i < M.length; i++) {
    let s = 0;
    for (let j = 0; j < M.length; j++) {
      if (M[i][j] < 0 || M[i][j] > 1) throw new RangeError(`${fn}: ${arg}[${i}][${j}] must be a probability in [0, 1] (got ${describe(M[i][j])})`);
      s += M[i][j];
    }
    if (Math.abs(s - 1) > tol) throw new RangeError(`${fn}: row ${i} of ${arg} must sum to 1 (sums to ${s})`);
  }
}

/** Whether P is row-stochastic (no throw). */
export function isStochastic(P: unknown, tol = 1e-9): boolean {
  try {
    assertStochastic('isStochastic', 'P', P, tol);
    return true;
  } catch {
    return false;
  }
}

function copy(P: ArrayLike<ArrayLike<number>>): Matrix {
  return Array.from(P, (r) => Array.from(r));
}

/** Pⁿ by repeated squaring (n ≥ 0). */
export function matrixPower(P: Matrix, n: number): Matrix {
  assertSquareMatrix('matrixPower', 'P', P);
  assertInteger('matrixPower', 'n', n, 0);
  let result = identity(P.length);
  let base = copy(P);
  let k = n;
  while (k > 0) {
    if (k & 1) result = matmul(result, base);
    k = Math.floor(k / 2);
    if (k > 0) base = matmul(base, base);
  }
  return result;
}

/** μⁿ = μ⁰ Pⁿ (row vector; 003 L247–251, 002 App. C.1 E55 corrected form). */
export function distributionAfter(mu0: ArrayLike<number>, P: Matrix, n: number): number[] {
  const fn = 'distributionAfter';
  assertStochastic(fn, 'P', P);
  assertProbabilityVector(fn, 'mu0', mu0, 1e-9);
  if (mu0.length !== P.length) throw new RangeError(`${fn}: mu0 must have ${P.length} entries, one per state (got ${mu0.length})`);
  assertInteger(fn, 'n', n, 0);
  return distributions(mu0, P, n)[n];
}

/** [μ⁰, μ¹, …, μⁿ] with μ^{k+1} = μ^k P (for "P^n rows converging" plots). */
export function distributions(mu0: ArrayLike<number>, P: Matrix, nMax: number): number[][] {
  const fn = 'distributions';
  assertStochastic(fn, 'P', P);
  assertProbabilityVector(fn, 'mu0', mu0, 1e-9);
  if (mu0.length !== P.length) throw new RangeError(`${fn}: mu0 must have ${P.length} entries, one per state (got ${mu0.length})`);
  assertInteger(fn, 'nMax', nMax, 0);
  const n = P.length;
  const out: number[][] = [Array.from(mu0)];
  for (let k = 0; k < nMax; k++) {
    const prev = out[k];
    const next = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      if (prev[i] === 0) continue;
      for (let j = 0; j < n; j++) next[j] += prev[i] * P[i][j];
    }
    out.push(next);
  }
  return out;
}

/** Total-variation distance ½ Σ |pᵢ − qᵢ|. */
export function tvDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  assertVector('tvDistance', 'p', p);
  assertVector('tvDistance', 'q', q, p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) s += Math.abs(p[i] - q[i]);
  return 0.5 * s;
}

/** TV(δ_start Pⁿ, π) for n = 0..nMax (002 D4: ½·0.4ⁿ for Example 4.4.1 from state 0, n ≥ 1). */
export function tvToStationarity(P: Matrix, start: number, nMax: number, pi?: ArrayLike<number>): number[] {
  const fn = 'tvToStationarity';
  assertStochastic(fn, 'P', P);
  assertInteger(fn, 'start', start, 0, P.length - 1);
  const target = pi ?? stationaryDistribution(P);
  const mu0 = new Array<number>(P.length).fill(0);
  mu0[start] = 1;
  return distributions(mu0, P, nMax).map((mu) => tvDistance(mu, target));
}

/**
 * The stationary distribution of an irreducible chain: solves (Pᵀ − I)π = 0 with one equation replaced by Σπ = 1
 * (002 §4.4.3, Example 4.4.1; 003 L253–256). A reducible chain (several stationary distributions) is an error.
 */
export function stationaryDistribution(P: Matrix): number[] {
  const fn = 'stationaryDistribution';
  assertStochastic(fn, 'P', P);
  const n = P.length;
  if (!isIrreducible(P)) throw new RangeError(`${fn}: P must be irreducible for a unique stationary distribution (got ${describe(P)}); use communicatingClasses(P)`);
  // A = Pᵀ − I with the last row replaced by ones, built row-major in one typed array (no nested copies).
  const A = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const row = P[j];
    for (let i = 0; i < n - 1; i++) A[i * n + j] = row[i];
  }
  for (let i = 0; i < n - 1; i++) A[i * n + i] -= 1;
  A.fill(1, (n - 1) * n);
  const b = new Float64Array(n);
  b[n - 1] = 1;
  return solveRowMajor(A, b, n, fn).map((v) => (Math.abs(v) < 1e-15 ? 0 : v));
}

/** A rational number from a decimal number or a 'p/q' string; error if it is not (close to) a small-denominator rational. */
export function toFraction(fn: string, arg: string, x: unknown): mathjs.Fraction {
  if (typeof x === 'string') {
    try {
      return mathjs.fraction(x);
    } catch {
      throw new RangeError(`${fn}: ${arg} must be a number or a fraction string like '1/3' (got ${describe(x)})`);
    }
  }
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new TypeError(`${fn}: ${arg} must be a finite number or a fraction string (got ${describe(x)})`);
  const f = mathjs.fraction(x);
  if (f.d > 1000000n || mathjs.number(f) !== x) throw new RangeError(`${fn}: ${arg} = ${x} is not a rational with a small denominator; use the numeric version`);
  return f;
}

/** Exact stationary distribution as fractions plus values. */
export interface ExactDistribution {
  fractions: string[];
  values: number[];
}

/**
 * Exact stationary distribution in rational arithmetic (mathjs fractions): Gaussian elimination on (Pᵀ − I)π = 0 with
 * Σπ = 1. 002 Example 4.4.1 gives π = (5/16, 1/2, 3/16) (D4; the printed vector is erratum 002-E24).
 * Entries of P may be decimals (0.3 → 3/10) or strings ('1/3').
 */
export function stationaryDistributionExact(P: ArrayLike<ArrayLike<number | string>>): ExactDistribution {
  const fn = 'stationaryDistributionExact';
  if (!Array.isArray(P) || P.length === 0) throw new TypeError(`${fn}: P must be a non-empty square matrix (got ${describe(P)})`);
  const n = P.length;
  const F: mathjs.Fraction[][] = P.map((row, i) => {
    if (!row || row.length !== n) throw new RangeError(`${fn}: P must be square (row ${i} has ${row?.length} entries, expected ${n})`);
    return Array.from(row, (v, j) => toFraction(fn, `P[${i}][${j}]`, v));
  });
  const one = mathjs.fraction(1);
  const zero = mathjs.fraction(0);
  F.forEach((row, i) => {
    let s = zero;
    row.forEach((v, j) => {
      if (mathjs.smaller(v, zero) as boolean) throw new RangeError(`${fn}: P[${i}][${j}] must be >= 0 (got ${v.toFraction()})`);
      s = mathjs.add(s, v) as mathjs.Fraction;
    });
    if (!(mathjs.equal(s, one) as boolean)) throw new RangeError(`${fn}: row ${i} of P must sum to exactly 1 (sums to ${s.toFraction()})`);
  });
  if (!isIrreducible(F.map((r) => r.map((v) => mathjs.number(v))))) throw new RangeError(`${fn}: P must be irreducible for a unique stationary distribution`);
  // A = Pᵀ − I with the last row replaced by ones; b = e_n.
  const A: mathjs.Fraction[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? (mathjs.subtract(F[j][i], one) as mathjs.Fraction) : F[j][i])));
  A[n - 1] = new Array(n).fill(one);
  const b: mathjs.Fraction[] = new Array(n).fill(zero);
  b[n - 1] = one;
  const x = solveFractions(A, b);
  return { fractions: x.map((v) => v.toFraction()), values: x.map((v) => mathjs.number(v)) };
}

/** Gaussian elimination in exact arithmetic (pivot on the first non-zero entry). */
export function solveFractions(A: mathjs.Fraction[][], b: mathjs.Fraction[]): mathjs.Fraction[] {
  const n = A.length;
  const M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    const p = M.findIndex((r, i) => i >= c && !(mathjs.isZero(r[c]) as boolean));
    if (p < 0) throw new RangeError('solveFractions: the system is singular');
    [M[c], M[p]] = [M[p], M[c]];
    for (let i = 0; i < n; i++) {
      if (i === c || (mathjs.isZero(M[i][c]) as boolean)) continue;
      const f = mathjs.divide(M[i][c], M[c][c]) as mathjs.Fraction;
      for (let j = c; j <= n; j++) M[i][j] = mathjs.subtract(M[i][j], mathjs.multiply(f, M[c][j])) as mathjs.Fraction;
    }
  }
  return M.map((r, i) => mathjs.divide(r[n], r[i]) as mathjs.Fraction);
}

/** Power iteration μ ← μP from the uniform distribution until ‖μP − μ‖₁ < tol (fails to converge on periodic chains). */
export function stationaryByPowerIteration(P: Matrix, opts: { tol?: number; maxIter?: number } = {}): { pi: number[]; iterations: number; converged: boolean } {
  const fn = 'stationaryByPowerIteration';
  assertStochastic(fn, 'P', P);
  const tol = opts.tol ?? 1e-13;
  const maxIter = opts.maxIter ?? 100000;
  assertInteger(fn, 'maxIter', maxIter, 1);
  const n = P.length;
  let mu = new Array<number>(n).fill(1 / n);
  for (let it = 1; it <= maxIter; it++) {
    const next = distributions(mu, P, 1)[1];
    let d = 0;
    for (let i = 0; i < n; i++) d += Math.abs(next[i] - mu[i]);
    mu = next;
    if (d < tol) return { pi: mu, iterations: it, converged: true };
  }
  return { pi: mu, iterations: maxIter, converged: false };
}

/** Eigenvalues of P sorted by modulus, largest first (λ₁ = 1 for a stochastic matrix). */
export function chainEigenvalues(P: Matrix): { re: number; im: number; abs: number }[] {
  assertStochastic('chainEigenvalues', 'P', P);
  return eigenvalues(P)
    .map((z) => ({ re: Math.abs(z.re) < 1e-14 ? 0 : z.re, im: Math.abs(z.im) < 1e-14 ? 0 : z.im, abs: Math.hypot(z.re, z.im) }))
    .sort((a, b) => b.abs - a.abs || b.re - a.re);
}

/**
 * The second-largest eigenvalue modulus |λ₂|: the geometric rate of convergence of μⁿ to π (002 D4: 0.4 for Example
 * 4.4.1; 003 §4.4: 0.4 for [[0.9, 0.1], [0.5, 0.5]]).
 */
export function secondEigenvalueModulus(P: Matrix): number {
  const ev = chainEigenvalues(P);
  if (ev.length < 2) return 0;
  return ev[1].abs;
}

function adjacency(P: ArrayLike<ArrayLike<number>>): number[][] {
  const n = P.length;
  return Array.from({ length: n }, (_, i) => {
    const out: number[] = [];
    for (let j = 0; j < n; j++) if (P[i][j] > 0) out.push(j);
    return out;
  });
}

function reachable(adj: number[][], s: number): boolean[] {
  const seen = new Array<boolean>(adj.length).fill(false);
  const stack = [s];
  seen[s] = true;
  while (stack.length) {
    const u = stack.pop()!;
    for (const v of adj[u]) if (!seen[v]) {
      seen[v] = true;
      stack.push(v);
    }
  }
  return seen;
}

/** Irreducible: every state reaches every other with positive probability in some number of steps (002 §4.4.2). */
export function isIrreducible(P: ArrayLike<ArrayLike<number>>): boolean {
  assertSquareMatrix('isIrreducible', 'P', P);
  // Strongly connected ⇔ state 0 reaches every state and every state reaches 0: two searches over P's entries, O(n²)
  // (instead of one search per state, O(n³)), without building adjacency lists.
  const n = P.length;
  const search = (forward: boolean): boolean => {
    const seen = new Uint8Array(n);
    const stack = new Int32Array(n);
    let top = 0;
    let count = 1;
    seen[0] = 1;
    stack[top++] = 0;
    while (top > 0) {
      const u = stack[--top];
      const row = P[u];
      for (let v = 0; v < n; v++) {
        if (seen[v] || !((forward ? row[v] : P[v][u]) > 0)) continue;
        seen[v] = 1;
        stack[top++] = v;
        count++;
      }
    }
    return count === n;
  };
  return search(true) && search(false);
}

/** The communicating classes (sets of states that reach each other), each sorted. */
export function communicatingClasses(P: Matrix): number[][] {
  assertSquareMatrix('communicatingClasses', 'P', P);
  const adj = adjacency(P);
  const n = P.length;
  const R = Array.from({ length: n }, (_, s) => reachable(adj, s));
  const assigned = new Array<boolean>(n).fill(false);
  const classes: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (assigned[i]) continue;
    const cls = [];
    for (let j = 0; j < n; j++) if (R[i][j] && R[j][i]) {
      cls.push(j);
      assigned[j] = true;
    }
    classes.push(cls);
  }
  return classes;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * The period of state i: gcd{n ≥ 1 : (Pⁿ)ᵢᵢ > 0} (002 §4.4.2; T12 period 2, T13 period 3). Computed from BFS levels inside
 * i's communicating class: the gcd of level(u) + 1 − level(v) over its edges u → v. Returns 0 when the chain can never
 * return to i.
 */
export function period(P: Matrix, i: number): number {
  const fn = 'period';
  assertSquareMatrix(fn, 'P', P);
  assertInteger(fn, 'i', i, 0, P.length - 1);
  const adj = adjacency(P);
  const cls = communicatingClasses(P).find((c) => c.includes(i))!;
  const inCls = new Set(cls);
  const level = new Map<number, number>([[i, 0]]);
  const queue = [i];
  let g = 0;
  while (queue.length) {
    const u = queue.shift()!;
    for (const v of adj[u]) {
      if (!inCls.has(v)) continue;
      if (!level.has(v)) {
        level.set(v, level.get(u)! + 1);
        queue.push(v);
      } else g = gcd(g, level.get(u)! + 1 - level.get(v)!);
    }
  }
  return g;
}

/** Aperiodic: every state has period 1. */
export function isAperiodic(P: Matrix): boolean {
  assertStochastic('isAperiodic', 'P', P);
  for (let i = 0; i < P.length; i++) if (period(P, i) !== 1) return false;
  return true;
}

/** The probability-flow asymmetry F = diag(π)P − (diag(π)P)ᵀ: zero exactly when detailed balance holds (002 C.1.10). */
export function detailedBalanceMatrix(pi: ArrayLike<number>, P: Matrix): Matrix {
  const fn = 'detailedBalanceMatrix';
  assertStochastic(fn, 'P', P);
  assertProbabilityVector(fn, 'pi', pi, 1e-8);
  if (pi.length !== P.length) throw new RangeError(`${fn}: pi must have ${P.length} entries (got ${pi.length})`);
  return P.map((row, i) => row.map((v, j) => pi[i] * v - pi[j] * P[j][i]));
}

/** max |πᵢPᵢⱼ − πⱼPⱼᵢ| (002 C.1.10–C.1.11, 003 L293–331). */
export function detailedBalanceResidual(pi: ArrayLike<number>, P: Matrix): number {
  return Math.max(...detailedBalanceMatrix(pi, P).map((r) => Math.max(...r.map(Math.abs))));
}

/** Reversible: detailed balance holds with respect to π (default: the stationary distribution of P). 002 D4: Example 4.4.1 is not. */
export function isReversible(P: Matrix, pi?: ArrayLike<number>, tol = 1e-12): boolean {
  return detailedBalanceResidual(pi ?? stationaryDistribution(P), P) <= tol;
}

/** max |πP − π|: zero when π is stationary (used by errata 002-E24). */
export function stationarityResidual(pi: ArrayLike<number>, P: Matrix): number {
  const fn = 'stationarityResidual';
  assertStochastic(fn, 'P', P);
  assertVector(fn, 'pi', pi, P.length);
  const n = P.length;
  let m = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += pi[i] * P[i][j];
    m = Math.max(m, Math.abs(s - pi[j]));
  }
  return m;
}

/** Simulate x₀, x₁, …, x_T of the chain (T = nSteps; the result has nSteps + 1 states). */
export function simulateChain(P: Matrix, x0: number, nSteps: number, rng: Rng): Int32Array {
  const fn = 'simulateChain';
  assertStochastic(fn, 'P', P);
  assertInteger(fn, 'x0', x0, 0, P.length - 1);
  assertInteger(fn, 'nSteps', nSteps, 0);
  assertRng(fn, rng);
  const n = P.length;
  const cum = P.map((row) => {
    const c = new Float64Array(n);
    let s = 0;
    for (let j = 0; j < n; j++) c[j] = s += row[j];
    return c;
  });
  const out = new Int32Array(nSteps + 1);
  out[0] = x0;
  let x = x0;
  for (let t = 1; t <= nSteps; t++) {
    const u = rng.uniform() * cum[x][n - 1];
    const c = cum[x];
    let j = 0;
    while (j < n - 1 && !(u < c[j])) j++;
    while (P[x][j] === 0 && j > 0) j--; // round-off guard: never land on an impossible state
    x = j;
    out[t] = x;
  }
  return out;
}

/** Empirical state frequencies of a path over nStates states. */
export function empiricalDistribution(states: ArrayLike<number>, nStates: number): number[] {
  assertInteger('empiricalDistribution', 'nStates', nStates, 1);
  if (!states || typeof states.length !== 'number' || states.length === 0) throw new TypeError(`empiricalDistribution: states must be a non-empty array (got ${describe(states)})`);
  const c = new Array<number>(nStates).fill(0);
  for (let i = 0; i < states.length; i++) {
    const s = states[i];
    if (!Number.isInteger(s) || s < 0 || s >= nStates) throw new RangeError(`empiricalDistribution: states[${i}] must be an integer in [0, ${nStates - 1}] (got ${describe(s)})`);
    c[s]++;
  }
  return c.map((v) => v / states.length);
}

/** Running averages (1/t) Σ_{i≤t} vᵢ — the ergodic average of 003 L258–266 (erratum 003-E29 restores the equation). */
export function runningAverage(values: ArrayLike<number>): Float64Array {
  assertVector('runningAverage', 'values', values);
  const out = new Float64Array(values.length);
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    s += values[i];
    out[i] = s / (i + 1);
  }
  return out;
}

/**
 * log p(z_{0:T}) = log μ₀(z₀) + Σ_t log P(z_{t−1}, z_t): the joint of a path of a homogeneous chain (002 Eq. 4.4.3,
 * App. C Eq. C.1.4). −Infinity for an impossible path.
 */
export function pathLogProbability(mu0: ArrayLike<number>, P: Matrix, path: ArrayLike<number>): number {
  const fn = 'pathLogProbability';
  assertStochastic(fn, 'P', P);
  assertProbabilityVector(fn, 'mu0', mu0, 1e-9);
  if (mu0.length !== P.length) throw new RangeError(`${fn}: mu0 must have ${P.length} entries, one per state (got ${mu0.length})`);
  if (!path || typeof path.length !== 'number' || path.length === 0) throw new TypeError(`${fn}: path must be a non-empty array of states (got ${describe(path)})`);
  for (let t = 0; t < path.length; t++) assertInteger(fn, `path[${t}]`, path[t], 0, P.length - 1);
  let l = Math.log(mu0[path[0]]);
  for (let t = 1; t < path.length; t++) l += Math.log(P[path[t - 1]][path[t]]);
  return l;
}
