import { strict as assert } from 'assert';
import * as s from '../../src/sampling';
import { rng } from '../../src/core/rng';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);

/** AR(1) x_t = φ x_{t−1} + √(1−φ²) ε_t (stationary N(0,1)): ρ_t = φ^t, τ = (1+φ)/(1−φ). */
function ar1(phi: number, n: number, seed: number): Float64Array {
  const g = rng(seed);
  const x = new Float64Array(n);
  x[0] = g.normal();
  const sd = Math.sqrt(1 - phi * phi);
  for (let t = 1; t < n; t++) x[t] = phi * x[t - 1] + sd * g.normal();
  return x;
}

describe('sampling/diagnostics (extension: Sokal 1989, Gelman et al. 2013)', () => {
  it('autocorrelation of an AR(1) chain is φ^t (closed form) within 4 SE; ρ₀ = 1', () => {
    const n = 100000;
    const x = ar1(0.7, n, 1);
    const r = s.autocorrelation(x, 5);
    assert.equal(r[0], 1);
    for (let t = 1; t <= 5; t++) close(r[t], 0.7 ** t, 4 * Math.sqrt(((1 + 0.49) / (1 - 0.49)) / n), `lag ${t}`);
  });

  it('integrated autocorrelation time (1+φ)/(1−φ) and ESS n/τ for AR(1) (within 10 %); i.i.d. draws have τ ≈ 1', () => {
    const x = ar1(0.8, 200000, 2);
    close(s.integratedAutocorrTime(x), 9, 0.9);
    close(s.effectiveSampleSize(x), 200000 / 9, 0.1 * (200000 / 9));
    const iid = rng(3).normals(50000);
    close(s.integratedAutocorrTime(iid), 1, 0.1);
    assert.equal(s.integratedAutocorrTime([2, 2, 2, 2]), Infinity);
    assert.equal(s.effectiveSampleSize([2, 2, 2, 2]), 0);
  });

  it('MCSE = √(s²τ/n) matches the spread of chain means over independent replicates (within 25 %)', () => {
    const means: number[] = [];
    const errs: number[] = [];
    for (let k = 0; k < 40; k++) {
      const x = ar1(0.5, 5000, 100 + k);
      means.push(x.reduce((a, b) => a + b, 0) / x.length);
      errs.push(s.mcse(x));
    }
    const m = means.reduce((a, b) => a + b, 0) / means.length;
    const sd = Math.sqrt(means.reduce((a, b) => a + (b - m) ** 2, 0) / (means.length - 1));
    const avgErr = errs.reduce((a, b) => a + b, 0) / errs.length;
    close(avgErr, Math.sqrt(3 / 5000), 0.1 * Math.sqrt(3 / 5000));
    close(sd / avgErr, 1, 0.25);
  });

  it('split R̂ ≈ 1 for mixed chains and ≫ 1 for chains stuck in different places or drifting', () => {
    const good = [1, 2, 3, 4].map((k) => ar1(0.5, 4000, k));
    close(s.splitRhat(good), 1, 0.01);
    const stuck = [ar1(0.5, 4000, 5), ar1(0.5, 4000, 6).map((v) => v + 3)];
    assert.ok(s.splitRhat(stuck) > 1.5);
    const drift = [Float64Array.from({ length: 4000 }, (_, i) => i / 1000 + rng(7).normal())];
    assert.ok(s.splitRhat(drift) > 1.1);
    assert.equal(s.splitRhat([[1, 1, 1, 1], [1, 1, 1, 1]]), 1);
  });

  it('ergodic running average converges (003 L258–266 Part A) and runningAverage is the cumulative mean', () => {
    assert.deepEqual(Array.from(s.runningAverage([2, 4, 6])), [2, 3, 4]);
  });
});
