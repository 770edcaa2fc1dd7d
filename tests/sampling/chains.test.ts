import { strict as assert } from 'assert';
import * as s from '../../src/sampling';
import { rng } from '../../src/core/rng';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);
const closeVec = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number, msg = '') => {
  assert.equal(a.length, b.length, `${msg} length`);
  for (let i = 0; i < a.length; i++) close(a[i], b[i], tol, `${msg}[${i}]`);
};

/** 002 Example 4.4.1 (L851–869). */
const P441 = [
  [0.5, 0.3, 0.2],
  [0.2, 0.7, 0.1],
  [0.3, 0.3, 0.4],
];

describe('sampling/chains — 002 Example 4.4.1 (§4.4.3)', () => {
  it('002 D4 / T11: exact π = (5/16, 1/2, 3/16) in rational arithmetic (mathjs fractions; inventory D4, audit: fractions)', () => {
    const ex = s.stationaryDistributionExact(P441);
    assert.deepEqual(ex.fractions, ['5/16', '1/2', '3/16']);
    assert.deepEqual(ex.values, [0.3125, 0.5, 0.1875]);
    closeVec(s.stationaryDistribution(P441), [0.3125, 0.5, 0.1875], 1e-14, 'numeric');
    const pw = s.stationaryByPowerIteration(P441);
    assert.ok(pw.converged);
    closeVec(pw.pi, [0.3125, 0.5, 0.1875], 1e-12, 'power');
  });

  it('002 D4 / E24: the printed vector (0.301, 0.547, 0.152) is not stationary: πP − π = (0.0045, −0.0282, 0.0237) (inventory D4)', () => {
    const pr = [0.301, 0.547, 0.152];
    const piP = [0, 1, 2].map((j) => pr.reduce((a, v, i) => a + v * P441[i][j], 0));
    closeVec(piP.map((v, j) => v - pr[j]), [0.0045, -0.0282, 0.0237], 1e-12);
    close(s.stationarityResidual(pr, P441), 0.0282, 1e-12);
    assert.equal(s.stationarityResidual([0.3125, 0.5, 0.1875], P441) < 1e-15, true);
  });

  it('002 D4: eigenvalues {1, 0.4, 0.2}; every row of P^50 equals π to 1e-15 (inventory D4)', () => {
    const ev = s.chainEigenvalues(P441);
    closeVec(ev.map((z) => z.re), [1, 0.4, 0.2], 1e-12);
    closeVec(ev.map((z) => z.im), [0, 0, 0], 1e-12);
    close(s.secondEigenvalueModulus(P441), 0.4, 1e-12);
    for (const row of s.matrixPower(P441, 50)) closeVec(row, [0.3125, 0.5, 0.1875], 1e-15, 'P^50');
  });

  it('002 D4 (+ AUDIT-NOTES): TV(P^n(1,·), π) = ½·0.4^n for n ≥ 1 (0.2, 0.00512, 5.24288e−5 at n = 1, 5, 10); at n = 0 it is 11/16', () => {
    const tv = s.tvToStationarity(P441, 0, 10);
    close(tv[0], 11 / 16, 1e-15);
    for (let n = 1; n <= 10; n++) close(tv[n], 0.5 * 0.4 ** n, 1e-15, `n=${n}`);
    close(tv[1], 0.2, 1e-15);
    close(tv[5], 0.00512, 1e-15);
    close(tv[10], 5.24288e-5, 1e-17);
  });

  it('002 D4: Example 4.4.1 is not reversible: π₁P₁₂ = 0.09375 ≠ π₂P₂₁ = 0.1', () => {
    const F = s.detailedBalanceMatrix([0.3125, 0.5, 0.1875], P441);
    close(0.3125 * 0.3, 0.09375, 1e-15);
    close(F[0][1], 0.09375 - 0.1, 1e-15);
    assert.equal(s.isReversible(P441), false);
  });

  it('002 T12/T13 (E25): periods 2 and 3; a chain without self-loops can be aperiodic (cycles of length 2 and 3)', () => {
    const P2 = [[0, 1], [1, 0]];
    const P3 = [[0, 1, 0], [0, 0, 1], [1, 0, 0]];
    assert.equal(s.period(P2, 0), 2);
    assert.equal(s.period(P2, 1), 2);
    for (let i = 0; i < 3; i++) assert.equal(s.period(P3, i), 3);
    assert.deepEqual(s.stationaryDistributionExact(P3).fractions, ['1/3', '1/3', '1/3']);
    assert.equal(s.isIrreducible(P3), true);
    assert.equal(s.isAperiodic(P3), false);
    // no self-loops, cycles 0→1→0 (length 2) and 0→1→2→0 (length 3): gcd 1
    const Pmix = [[0, 1, 0], [0.5, 0, 0.5], [1, 0, 0]];
    assert.equal(s.period(Pmix, 0), 1);
    assert.equal(s.isAperiodic(Pmix), true);
    // exhaustive cross-check of the period by matrix powers (definition: gcd{n : (Pⁿ)ᵢᵢ > 0})
    const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
    for (const P of [P2, P3, Pmix, P441]) {
      for (let i = 0; i < P.length; i++) {
        let g = 0;
        for (let n = 1; n <= 12; n++) if (s.matrixPower(P, n)[i][i] > 0) g = gcd(g, n);
        assert.equal(s.period(P, i), g);
      }
    }
  });

  it('002 E25: every finite chain has a stationary distribution, but a reducible one has several (numeric solver refuses)', () => {
    const Pred = [[1, 0], [0, 1]];
    assert.equal(s.isIrreducible(Pred), false);
    assert.deepEqual(s.communicatingClasses(Pred), [[0], [1]]);
    assert.throws(() => s.stationaryDistribution(Pred), /irreducible/);
    assert.equal(s.stationarityResidual([0.3, 0.7], Pred), 0);
    assert.equal(s.period([[0.5, 0.5], [0, 1]], 0), 1);
    assert.equal(s.period([[0, 1], [0, 1]], 0), 0); // never returns to 0
  });

  it('002 Eq. 4.4.3 / C.1.4: the path probability factorises; summing it over all paths of length 3 gives the 2-step marginal (exact enumeration)', () => {
    const mu0 = [0.2, 0.5, 0.3];
    close(s.pathLogProbability(mu0, P441, [0, 1, 1]), Math.log(0.2 * 0.3 * 0.7), 1e-15);
    assert.equal(s.pathLogProbability(mu0, [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [0, 1]), -Infinity);
    const marg = [0, 0, 0];
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) for (let c = 0; c < 3; c++) marg[c] += Math.exp(s.pathLogProbability(mu0, P441, [a, b, c]));
    closeVec(marg, s.distributionAfter(mu0, P441, 2), 1e-15);
  });

  it('002 T26 / C.1.10: detailed balance ⇒ stationarity (a reversible birth–death chain)', () => {
    const P = [[0.5, 0.5, 0], [0.25, 0.5, 0.25], [0, 0.5, 0.5]];
    const pi = [0.25, 0.5, 0.25];
    assert.equal(s.detailedBalanceResidual(pi, P), 0);
    assert.equal(s.stationarityResidual(pi, P), 0);
  });
});

describe('sampling/chains — 003 §4.4 chain oracles (L219–266)', () => {
  const T = [[0.9, 0.1], [0.5, 0.5]];
  it('003 §4.4: μ¹…μ⁵ from [1, 0], π = [5/6, 1/6], eigenvalues 1 and 0.4, μᵏ₁ = (1/6)(1 − 0.4ᵏ) (inventory, computed)', () => {
    const mus = s.distributions([1, 0], T, 20);
    closeVec(mus[1], [0.9, 0.1], 1e-15);
    closeVec(mus[2], [0.86, 0.14], 1e-15);
    closeVec(mus[3], [0.844, 0.156], 1e-15);
    closeVec(mus[4], [0.8376, 0.1624], 1e-15);
    closeVec(mus[5], [0.83504, 0.16496], 1e-15);
    for (let k = 0; k <= 20; k++) close(mus[k][1], (1 / 6) * (1 - 0.4 ** k), 1e-15, `k=${k}`);
    assert.deepEqual(s.stationaryDistributionExact(T).fractions, ['5/6', '1/6']);
    closeVec(s.chainEigenvalues(T).map((z) => z.re), [1, 0.4], 1e-14);
    closeVec(s.distributionAfter([1, 0], T, 3), [0.844, 0.156], 1e-15);
    // hence TV(μᵏ, π) = (1/6)·0.4ᵏ exactly (derived from the closed form above)
    s.tvToStationarity(T, 0, 30).forEach((v, k) => close(v, (1 / 6) * 0.4 ** k, 1e-15, `TV k=${k}`));
  });

  it('003 §4.4: T3 = [[0.5,0.5,0],[0.25,0.5,0.25],[0,0.5,0.5]] has π = [1/4, 1/2, 1/4] and eigenvalues 1, 0.5, 0', () => {
    const T3 = [[0.5, 0.5, 0], [0.25, 0.5, 0.25], [0, 0.5, 0.5]];
    assert.deepEqual(s.stationaryDistributionExact(T3).fractions, ['1/4', '1/2', '1/4']);
    closeVec(s.chainEigenvalues(T3).map((z) => z.re), [1, 0.5, 0], 1e-12);
  });

  it('003 §4.4: the periodic chain [[0,1],[1,0]] keeps π = [½, ½] stationary but μᵏ alternates (Part B fails; the ergodic average still converges, Part A)', () => {
    const P = [[0, 1], [1, 0]];
    const mus = s.distributions([1, 0], P, 5);
    assert.deepEqual(mus, [[1, 0], [0, 1], [1, 0], [0, 1], [1, 0], [0, 1]]);
    assert.deepEqual(s.stationaryDistributionExact(P).fractions, ['1/2', '1/2']);
    assert.equal(s.stationaryByPowerIteration([[0, 1], [1, 0]], { maxIter: 50 }).converged, true); // from uniform it is already stationary
    const path = s.simulateChain(P, 0, 1001, rng(1));
    const avg = s.runningAverage(Array.from(path));
    close(avg[avg.length - 1], 0.5, 1e-3);
  });

});

describe('sampling/chains — simulation (statistical, fixed seeds)', () => {
  it('empirical frequencies of a simulated Example 4.4.1 path approach π (4 SE using τ-inflated binomial SE)', () => {
    const path = s.simulateChain(P441, 0, 200000, rng(2024));
    const f = s.empiricalDistribution(path, 3);
    const pi = [0.3125, 0.5, 0.1875];
    // integrated autocorrelation of indicators ≤ (1+0.4)/(1−0.4) = 2.33; use τ = 2.5 for the SE
    for (let i = 0; i < 3; i++) close(f[i], pi[i], 4 * Math.sqrt((2.5 * pi[i] * (1 - pi[i])) / path.length), `state ${i}`);
  });

  it('simulateChain never uses an impossible transition and is reproducible', () => {
    const P = [[0, 1, 0], [0, 0, 1], [1, 0, 0]];
    const a = s.simulateChain(P, 0, 30, rng(9));
    for (let t = 1; t < a.length; t++) assert.equal(a[t], (a[t - 1] + 1) % 3);
    assert.deepEqual(Array.from(s.simulateChain(P441, 1, 50, rng(3))), Array.from(s.simulateChain(P441, 1, 50, rng(3))));
  });
});
