import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { solve, solveRowMajor } from '../../src/core/linalg';
import { nativeLapackStatus, NATIVE_SOLVE_MIN_SIZE } from '../../src/core/nativeLapack';
import { rng } from '../../src/core/rng';
import { stationaryDistribution, isIrreducible } from '../../src/sampling/chains';

/**
 * [PERF-2] core.solve on large systems: LAPACK dgesv through the native addon where it is built, the pure-JS LU
 * otherwise (CI runs this file both ways: DGMLAB_FASTPATH=0 turns the addon off). Reference: NumPy's
 * np.linalg.solve on the same random systems (Debian python3-numpy), and the residual ‖Ax − b‖.
 */
function randomSystem(n: number, seed: number): { A: number[][]; b: number[] } {
  const g = rng(seed);
  const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => g.normal() + (i === j ? 2 : 0)));
  return { A, b: Array.from({ length: n }, () => g.normal()) };
}

describe('core/solve on large systems (native LAPACK or pure JS)', function () {
  this.timeout(120000);
  it(`reports which solver runs (${nativeLapackStatus()})`, () => {
    const status = nativeLapackStatus();
    if (process.env.DGMLAB_FASTPATH === '0') assert.match(status, /DGMLAB_FASTPATH=0/);
    else assert.match(status, /LAPACK dgesv|pure JS \(/);
  });

  it('agrees with np.linalg.solve on random systems of 5 … 300 unknowns (both sides of the native threshold)', () => {
    const sizes = [5, NATIVE_SOLVE_MIN_SIZE - 1, NATIVE_SOLVE_MIN_SIZE, 120, 300];
    const systems = sizes.map((n, k) => randomSystem(n, 100 + k));
    const py = `import json, sys, numpy as np
systems = json.load(sys.stdin)
print(json.dumps([np.linalg.solve(np.array(s['A']), np.array(s['b'])).tolist() for s in systems]))`;
    const r = spawnSync('/usr/bin/python3', ['-c', py], { input: JSON.stringify(systems), encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, r.stderr);
    const expected: number[][] = JSON.parse(r.stdout);
    systems.forEach(({ A, b }, k) => {
      const x = solve(A, b);
      const scale = Math.max(...expected[k].map(Math.abs));
      x.forEach((v, i) => assert.ok(Math.abs(v - expected[k][i]) <= 1e-9 * scale, `n = ${A.length}, x[${i}] = ${v} vs NumPy ${expected[k][i]}`));
      const residual = Math.max(...A.map((row, i) => Math.abs(row.reduce((s, a, j) => s + a * x[j], 0) - b[i])));
      assert.ok(residual < 1e-9, `n = ${A.length}: residual ${residual}`);
    });
  });

  it('singular systems: an error naming the caller, on both paths (rank-deficient 60×60: two equal rows)', () => {
    const { A, b } = randomSystem(60, 7);
    A[59] = A[3].slice();
    assert.throws(() => solve(A, b), (e: unknown) => e instanceof RangeError && /^solve: A must be non-singular/.test(e.message));
    const a = new Float64Array(4);
    assert.throws(() => solveRowMajor(a, [1, 2], 2, 'caller'), (e: unknown) => e instanceof RangeError && /^caller: A must be non-singular/.test(e.message));
  });

  it('bad input to solveRowMajor names the argument', () => {
    assert.throws(() => solveRowMajor(new Float64Array(3), [1, 2], 2), (e: unknown) => e instanceof RangeError && /A must be a Float64Array of n² = 2² entries/.test(e.message));
    assert.throws(() => solveRowMajor(new Float64Array(4), [1], 2), (e: unknown) => e instanceof RangeError && /b must have 2 entries/.test(e.message));
  });

  it('stationaryDistribution of a random 300-state chain: π P = π and Σπ = 1 (the defining equations)', () => {
    const g = rng(3);
    const P = Array.from({ length: 300 }, () => {
      const row = Array.from({ length: 300 }, () => g.uniform());
      const s = row.reduce((a, v) => a + v, 0);
      return row.map((v) => v / s);
    });
    const pi = stationaryDistribution(P);
    const piP = pi.map((_, j) => pi.reduce((s, p, i) => s + p * P[i][j], 0));
    assert.ok(Math.abs(pi.reduce((a, v) => a + v, 0) - 1) < 1e-12);
    piP.forEach((v, j) => assert.ok(Math.abs(v - pi[j]) < 1e-12, `state ${j}`));
  });

  it('isIrreducible (two searches) agrees with the definition on chains that are strongly connected or not', () => {
    // a directed cycle 0→1→…→n−1→0 is irreducible; removing one edge makes it reducible; a self-contained block too
    const n = 40;
    const cycle = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j === (i + 1) % n ? 1 : 0)));
    assert.equal(isIrreducible(cycle), true);
    const broken = cycle.map((r) => r.slice());
    broken[n - 1] = broken[n - 1].map((_, j) => (j === n - 1 ? 1 : 0));
    assert.equal(isIrreducible(broken), false);
    const intoZeroOnly = Array.from({ length: n }, () => Array.from({ length: n }, (_, j) => (j === 0 ? 1 : 0)));
    assert.equal(isIrreducible(intoZeroOnly), false); // everyone reaches 0, but 0 reaches nobody else
  });
});
