import { strict as assert } from 'assert';
import * as vae from '../../src/vae';
import { rng } from '../../src/core/rng';
import { getExercise } from '../../src/exercises';
import { close, throwsWith } from './helpers';

describe('vae/amortized — amortised vs per-instance inference (001 §3)', () => {
  const { model, xs } = vae.courseAmortizationProblem();

  it('course problem: exact posteriors (closed form by hand: precision 1 + w²/s² = 9, mean = w(x − b)/(s²·9))', () => {
    xs.forEach(([x]) => {
      const p = vae.lgPosterior(model, [x]);
      close(p.cov[0][0], 1 / 9, 1e-15);
      close(p.mean[0], (2 * (x - 1)) / (0.5 * 9), 1e-14);
    });
  });

  it('Steps 3.2: per point, KL(q_φ*‖post) ≥ KL(q_i*‖post) = 0, and ELBO(q_i*) − ELBO(q_φ*) equals that KL', () => {
    for (const fam of vae.AMORTIZED_FAMILIES) {
      const r = vae.amortizationGap(model, xs, fam);
      r.rows.forEach((row) => {
        close(row.perInstanceKl, 0, 1e-12);
        assert.ok(row.amortizedKl >= -1e-12);
        close(row.perInstanceElbo - row.amortizedElbo, row.amortizedKl, 1e-10);
        close(row.perInstanceElbo, row.logEvidence, 1e-12);
      });
    }
  });

  it('the gap: 0 for the affine family; for "linear" it equals Σ (a*x − m_p)²/(2v_p) with a* the no-intercept least-squares slope (independent derivation)', () => {
    close(vae.amortizationGap(model, xs, 'affine').gap, 0, 1e-12);
    const mp = xs.map(([x]) => (2 * (x - 1)) / 4.5);
    const a = xs.reduce((s, [x], i) => s + x * mp[i], 0) / xs.reduce((s, [x]) => s + x * x, 0);
    const expected = xs.reduce((s, [x], i) => s + (a * x - mp[i]) ** 2 / (2 / 9), 0);
    const lin = vae.amortizationGap(model, xs, 'linear');
    close(lin.gap, expected, 1e-12);
    close(lin.encoder.F[0][0], a, 1e-14);
    const mbar = mp.reduce((s, t) => s + t, 0) / mp.length;
    close(vae.amortizationGap(model, xs, 'constant').gap, mp.reduce((s, t) => s + (t - mbar) ** 2 / (2 / 9), 0), 1e-12);
    assert.ok(vae.amortizationGap(model, xs, 'constant').gap > lin.gap);
  });

  it('the closed-form amortised optimum is a stationary point: perturbing a or v lowers the total ELBO', () => {
    const enc = vae.fitAmortized(model, xs, 'linear');
    const total = (a: number, v: number) => xs.reduce((s, x) => s + vae.lgElbo(model, x, vae.gaussianQ1d(a * x[0], v)).elbo, 0);
    const best = total(enc.F[0][0], enc.V[0][0]);
    for (const [da, dv] of [[1e-3, 0], [-1e-3, 0], [0, 1e-3], [0, -1e-3]]) assert.ok(total(enc.F[0][0] + da, enc.V[0][0] + dv) < best);
  });

  it('Steps 3.3: parameter counts grow with n for per-instance VI and not for the amortised encoder', () => {
    const big = Array.from({ length: 100 }, (_, i) => [i / 10 - 5]);
    const r1 = vae.amortizationGap(model, xs, 'affine');
    const r2 = vae.amortizationGap(model, big, 'affine');
    assert.equal(r1.parameters.perInstance, 12);
    assert.equal(r2.parameters.perInstance, 200);
    assert.equal(r1.parameters.amortized, r2.parameters.amortized);
  });

  it('gradient-based per-instance VI converges to the exact posterior and costs n × steps gradient evaluations', () => {
    const r = vae.fitPerInstanceGradient(model, xs, { steps: 1000, lr: 0.1 });
    assert.equal(r.gradientEvaluations, 6 * 1000);
    r.qs.forEach((q, i) => {
      const p = vae.lgPosterior(model, xs[i]);
      close(q.mean[0], p.mean[0], 1e-6);
      close(q.cov[0][0], p.cov[0][0], 1e-6);
    });
  });

  it('bad input: errors name the argument', () => {
    throwsWith(() => vae.fitAmortized(model, [[1, 2]], 'linear'), RangeError, /xs must have 1 columns/);
    throwsWith(() => vae.fitAmortized(model, xs, 'mlp' as never), RangeError, /family must be one of/);
    throwsWith(() => vae.fitAmortized(model, [[0], [0]], 'linear'), RangeError, /must span/);
    throwsWith(() => vae.encodeAmortized(vae.fitAmortized(model, xs), [1, 2]), RangeError, /x must have 1 entries/);
    throwsWith(() => vae.encodeAmortized(null as never, [1]), TypeError, /enc must come from fitAmortized/);
    throwsWith(() => vae.fitPerInstanceGradient(model, xs, { lr: 0 }), RangeError, /opts.lr must be > 0/);
    throwsWith(() => vae.fitPerInstanceGradient(model, xs, { steps: 0 }), RangeError, /opts.steps must be an integer/);
    throwsWith(() => vae.fitPerInstanceGradient(vae.linearGaussian([[1], [1]], [0, 0], 1), [[1, 1]]), RangeError, /scalar model/);
  });
});

describe('vae/amortized — compareInferenceCost', () => {
  it('per-instance parameters grow as 2kn, amortised stay fixed; timings are positive; the ECLL offset is −H(q) (001 §3 Eq. (9))', () => {
    const { model } = vae.courseAmortizationProblem();
    const rows = vae.compareInferenceCost(model, [10, 200], rng(2), { steps: 20 });
    assert.deepEqual(rows.map((r) => r.perInstanceParameters), [20, 400]);
    assert.deepEqual(rows.map((r) => r.amortizedParameters), [3, 3]);
    rows.forEach((r) => assert.ok(r.perInstanceSeconds > 0 && r.amortizedSeconds > 0));
    close(getExercise('vae.amortized.ecll-offset').reference() as number, -0.5 * Math.log(2 * Math.PI * Math.E * 0.5), 1e-12);
    throwsWith(() => vae.compareInferenceCost(model, [], rng(1)), TypeError, /ns must be a non-empty array/);
    throwsWith(() => vae.compareInferenceCost(model, [1], rng(1)), RangeError, /ns\[0\] must be an integer/);
    throwsWith(() => vae.compareInferenceCost(model, [5], null as never), TypeError, /rng must be a seeded generator/);
  });
});
