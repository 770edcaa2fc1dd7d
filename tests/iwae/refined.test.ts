import { strict as assert } from 'assert';
import * as iwae from '../../src/iwae';
import * as vae from '../../src/vae';
import { rng } from '../../src/core/rng';
import { close, throwsWith } from '../vae/helpers';

// 001 §4 questions 1–2 on the toy setting of 000 O-28 / 002 D13 (q = prior N(0,1), x = 1, posterior N(0.5, 0.5))
const toy = iwae.toySetting();
const exact = iwae.lgIwae1d(toy.model, toy.x, toy.q, { nz: 2000, nu: 2000 });
const spec = iwae.lgIwaeSpec(toy.model, toy.x, toy.q);

describe('iwae — the refined proposal q̃ and its density q_K (001 §4 questions 1–2)', function () {
  this.timeout(120000);

  it('2(a): q_K ≥ 0 and ∫ q_K dz = 1 (quadrature) for K = 1, 2, 5, 50; q_1 = q', () => {
    for (const K of [1, 2, 5, 50]) {
      close(exact.implicitMass(K), 1, 1e-6, `K=${K}`);
      assert.ok(exact.implicitDensity(K).density.every((d) => d >= 0));
    }
    const z = [-1, 0, 0.7, 2];
    const q1 = exact.implicitDensity(1, z).density;
    z.forEach((zz, i) => close(q1[i], Math.exp(toy.q.mean[0] === 0 ? -0.5 * Math.log(2 * Math.PI) - 0.5 * zz * zz : NaN), 1e-12));
  });

  it('the fast q_K path equals K q(z) w\'(z) E[1/(w\'(z) + S_{K−1})] computed with info.simpson (meanInverseShifted)', () => {
    for (const K of [2, 5]) {
      for (const z of [-2, 0.7, 3]) {
        const lq = toy.q.mean[0] === 0 ? -0.5 * Math.log(2 * Math.PI) - 0.5 * z * z : NaN;
        const wn = Math.exp(spec.logJoint([z]) - lq - exact.logEvidence);
        const viaSimpson = K * Math.exp(lq) * wn * exact.meanInverseShifted(wn, K - 1);
        close(Math.exp(exact.logImplicitDensity(z, K)), viaSimpson, 1e-9 + 1e-6 * viaSimpson);
      }
    }
  });

  it('q_K by Monte Carlo (mean of q̃ over z_2..K) agrees with the quadrature q_K at several z', () => {
    const g = rng(21);
    for (const K of [2, 5]) {
      for (const z of [-0.5, 0.5, 1.5]) {
        const mc = iwae.implicitDensityMC(spec, [z], K, 20000, g);
        const ex = Math.exp(exact.logImplicitDensity(z, K));
        assert.ok(Math.abs(mc.value - ex) < 4 * mc.stdError, `K=${K} z=${z}: ${mc.value} ± ${mc.stdError} vs ${ex}`);
      }
    }
  });

  it('question 1: E_{z_2..K}[L_1[q̃]] = L_K (L_1[q̃] by quadrature, outer MC) and the MC form of L_1[q̃] agrees', () => {
    const g = rng(22);
    for (const K of [2, 5]) {
      let s = 0;
      let s2 = 0;
      const R = 3000;
      for (let r = 0; r < R; r++) {
        const others = iwae.iwaeDraw(spec, K - 1, g).z.map((z) => z[0]);
        const v = exact.refined(others).elbo;
        s += v;
        s2 += v * v;
      }
      const m = s / R;
      const se = Math.sqrt((s2 / R - m * m) / R);
      assert.ok(Math.abs(m - exact.bound(K)) < 4 * se, `K=${K}: ${m} ± ${se} vs ${exact.bound(K)}`);
    }
    // K = 1: q̃ = q, mass 1, ELBO = L_1
    const one = exact.refined([]);
    assert.ok(Math.abs(one.mass - 1) < 1e-9 && Math.abs(one.elbo - exact.bound(1)) < 1e-6);
    const others = [[0.3], [-1.2]];
    const quad = exact.refined(others.map((z) => z[0])).elbo;
    const mc = iwae.refinedElboMC(spec, others, 40000, rng(23));
    close(mc, quad, 0.02);
  });

  it('2(b): L_1[q_K] ≥ L_K, both ≤ log p(x); equality for K = 1 and for q = posterior', () => {
    for (const K of [2, 5, 50]) {
      assert.ok(exact.implicitElbo(K) > exact.bound(K), `K=${K}`);
      assert.ok(exact.implicitElbo(K) < toy.logEvidence);
    }
    close(exact.implicitElbo(1), exact.bound(1), 1e-8);
    const post = iwae.lgIwae1d(toy.model, toy.x, toy.posterior, { nz: 2000, nu: 2000 });
    close(post.implicitElbo(5), toy.logEvidence, 1e-7);
    close(post.implicitMass(5), 1, 1e-7);
  });

  it('sampling-importance-resampling draws from q_K: mean and variance match the quadrature moments (4 SE)', () => {
    const K = 5;
    const xs = iwae.sirSample(spec, K, 20000, rng(24)).map((z) => z[0]);
    const { z, density } = exact.implicitDensity(K);
    const h = z[1] - z[0];
    const m1 = density.reduce((s, d, i) => s + d * z[i] * h, 0);
    const m2 = density.reduce((s, d, i) => s + d * z[i] * z[i] * h, 0);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    assert.ok(Math.abs(mean - m1) < 4 * Math.sqrt(v / xs.length), `mean ${mean} vs ${m1}`);
    assert.ok(Math.abs(v - (m2 - m1 * m1)) < 4 * v * Math.sqrt(2 / xs.length) * 1.5, `var ${v} vs ${m2 - m1 * m1}`);
    // K = 1: plain draws from q = N(0, 1)
    const q1 = iwae.sirSample(spec, 1, 5000, rng(25)).map((zz) => zz[0]);
    assert.ok(Math.abs(q1.reduce((a, b) => a + b, 0) / 5000) < 4 / Math.sqrt(5000));
  });

  it('q_K moves from q towards the posterior N(0.5, 0.5) as K grows (its mean)', () => {
    const mean = (K: number) => {
      const { z, density } = exact.implicitDensity(K);
      return density.reduce((s, d, i) => s + d * z[i], 0) * (z[1] - z[0]);
    };
    const ms = [1, 2, 5, 50].map(mean);
    for (let i = 1; i < ms.length; i++) assert.ok(ms[i] > ms[i - 1]);
    assert.ok(Math.abs(ms[3] - 0.5) < 0.05);
  });

  it('validates inputs', () => {
    throwsWith(() => new iwae.Iwae1d({} as never), TypeError, /problem.logJoint must be a function/);
    throwsWith(() => new iwae.Iwae1d({ logJoint: () => 0, logQ: () => 0, lower: 1, upper: 0 }), RangeError, /upper must be > problem.lower/);
    throwsWith(() => new iwae.Iwae1d({ logJoint: () => 0, logQ: () => 0, lower: 0, upper: 1 }, { nz: 3 }), RangeError, /nz must be even/);
    throwsWith(() => new iwae.Iwae1d({ logJoint: () => NaN, logQ: () => 0, lower: 0, upper: 1 }, { nz: 4, nu: 4 }), RangeError, /logJoint\(0\) must be a number/);
    throwsWith(() => exact.bound(0), RangeError, /Iwae1d.bound: K must be an integer/);
    throwsWith(() => exact.implicitDensity(2, []), RangeError, /zs must not be empty/);
    throwsWith(() => exact.meanInverseShifted(0, 1), RangeError, /a must be > 0/);
    throwsWith(() => iwae.implicitDensityMC(spec, [0], 2, 1, rng(1)), RangeError, /reps/);
    throwsWith(() => iwae.sirSample(spec, 2, 0, rng(1)), RangeError, /n must be an integer/);
    throwsWith(() => iwae.refinedLogDensity(spec, [0], 'x' as never), TypeError, /others must be an array/);
    throwsWith(() => iwae.sourceFormStep41Sum(spec, 1, 10, rng(1)), RangeError, /K must be >= 2/);
    throwsWith(() => iwae.sourceFormMassWithN({} as never, 2, 3), TypeError, /iw must be an Iwae1d/);
    throwsWith(() => iwae.lgIwae1d(toy.model, toy.x, vae.gaussianQ1d(0, 1), { nu: 5 }), RangeError, /nu must be even/);
  });
});
