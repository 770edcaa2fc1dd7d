import { strict as assert } from 'assert';
import { initBackend } from '../../src/core/backend';
import * as tf from '@tensorflow/tfjs';
import * as vi from '../../src/vi';
import { rng } from '../../src/core/rng';
import { klGaussian, klMvn, klDiagGaussian } from '../../src/info';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);

// tfjs: another test file may have chosen a backend that is still initialising; wait for one before any tensor.
before(async () => {
  await initBackend();
});

describe('vi/kl — KL, its asymmetry, forward vs reverse fits (002 §3.2–3.3, App. C.2)', function () {
  this.timeout(60000);

  it('002 D11 / T14: Gaussian KL values 0.5, 0.806853, 0.318147 and the 2-D 0.75 (closed forms in info, reused here)', () => {
    close(klGaussian(1, 1, 0, 1), 0.5, 1e-12);
    close(klGaussian(0, 2, 0, 1), 0.806853, 1e-6);
    close(klGaussian(0, 0.5, 0, 1), 0.318147, 1e-6);
    close(klMvn([1, 0], [[2, 0], [0, 0.5]], [0, 0], [[1, 0], [0, 1]]), 0.75, 1e-12);
    close(klDiagGaussian([1, 0], [Math.SQRT2, Math.SQRT1_2], [0, 0], [1, 1]), 0.75, 1e-12);
  });

  it('asymmetry on Bernoullis: KL(0.5‖0.1) = 0.510826 ≠ KL(0.1‖0.5) = 0.368064 (closed form)', () => {
    const a = vi.klAsymmetryBernoulli(0.5, 0.1);
    close(a.forward, 0.5 * Math.log(5) + 0.5 * Math.log(0.5 / 0.9), 1e-12);
    close(a.reverse, 0.1 * Math.log(0.2) + 0.9 * Math.log(1.8), 1e-12);
    assert.ok(a.difference > 0.1);
  });

  it('002 D12 d = 3: forward fit μ = 0, σ² = 10 (moment matching); reverse fit μ = ±2.98431, σ = 1.02337, KL 0.688769; saddle μ = 0, σ = 2.74377, KL 0.840621', () => {
    const mix = vi.bimodalMixture(3);
    const f = vi.fitGaussianForwardKL(mix);
    close(f.mu, 0, 1e-15);
    close(f.sigma ** 2, 10, 1e-12);
    const r = vi.fitGaussianReverseKL(mix, { mu0: 3 });
    close(r.mu, 2.98431, 1e-5);
    close(r.sigma, 1.02337, 1e-5);
    close(r.kl, 0.688769, 1e-6);
    const s = vi.fitGaussianReverseKL(mix, { mu0: 0, sigma0: 2.5 });
    close(s.mu, 0, 1e-9);
    close(s.sigma, 2.74377, 1e-5);
    close(s.kl, 0.840621, 1e-6);
    // the forward fit is the minimiser of KL(p‖q): perturbing it increases the forward KL (quadrature)
    assert.ok(vi.forwardKL(mix, 0.1, f.sigma) > f.kl && vi.forwardKL(mix, 0, f.sigma * 1.05) > f.kl);
  });

  it('002 D12 d = 4: reverse μ ≈ ±3.99960, σ ≈ 1.00080, KL ≈ 0.693053 (→ log 2); d = 2 caveat: global reverse optimum μ = 0, σ = 2.04701, KL 0.226508', () => {
    const r4 = vi.fitGaussianReverseKLGlobal(vi.bimodalMixture(4));
    close(Math.abs(r4.mu), 3.9996, 1e-5);
    close(r4.sigma, 1.0008, 1e-5);
    close(r4.kl, 0.693053, 1e-6);
    const r2 = vi.fitGaussianReverseKLGlobal(vi.bimodalMixture(2));
    close(r2.mu, 0, 1e-7);
    close(r2.sigma, 2.04701, 1e-5);
    close(r2.kl, 0.226508, 1e-6);
    close(vi.fitGaussianForwardKL(vi.bimodalMixture(2)).sigma ** 2, 5, 1e-12);
  });

  it('reverse-KL pathwise gradient vs central finite differences of the quadrature KL', () => {
    const mix = { weights: [0.3, 0.7], means: [-1, 2], sigmas: [0.5, 1.2] };
    const [gm, gs] = vi.reverseKLGradient(mix, 0.4, 1.3);
    const h = 1e-5;
    close(gm, (vi.reverseKL(mix, 0.4 + h, 1.3) - vi.reverseKL(mix, 0.4 - h, 1.3)) / (2 * h), 1e-7);
    close(gs, (vi.reverseKL(mix, 0.4, 1.3 + h) - vi.reverseKL(mix, 0.4, 1.3 - h)) / (2 * h), 1e-7);
  });
});

describe('vi/fixedForm — the ELBO on the conjugate toy and fixed-form VI (002 §3.1, §3.4; 004 §68.1)', function () {
  this.timeout(60000);

  it('002 D13 / 004 O3: log p(1) = −1.515512; ELBO(q = prior) = −1.918939, gap 0.403426; q = N(0.5, 0.5) gives ELBO = log p(x)', () => {
    close(vi.toyLogEvidence(1), -1.5155121, 1e-7);
    const a = vi.toyElbo(1, 0, 1);
    close(a.elbo, -1.9189385, 1e-7);
    close(a.klPosterior, 0.4034264, 1e-7);
    const b = vi.toyElbo(1, 0.5, Math.sqrt(0.5));
    close(b.elbo, -1.5155121, 1e-7);
    close(b.klPosterior, 0, 1e-14);
  });

  it('log p(x) = ELBO + KL(q‖p(z|x)) for random q: the gap equals the closed-form Gaussian KL to the exact posterior (002 Eq. 3.4.5)', () => {
    const g = rng(4);
    for (let i = 0; i < 20; i++) {
      const x = g.normal(0, 2);
      const m = g.normal();
      const s = 0.2 + 2 * g.uniform();
      const opts = { priorVar: 0.5 + g.uniform(), noiseVar: 0.5 + g.uniform() };
      const post = vi.toyPosterior(x, opts);
      const e = vi.toyElbo(x, m, s, opts);
      close(e.klPosterior, klGaussian(m, s, post.mean, Math.sqrt(post.variance)), 1e-10);
      close(e.elbo + e.klPosterior, vi.toyLogEvidence(x, opts), 1e-12);
    }
  });

  it('Jensen (002 Eq. 3.1.2): the Monte Carlo ELBO under q = prior matches −1.918939 within 4 SE (seed 3), and lies below log p(x)', () => {
    const est = vi.elboMonteCarlo({ sample: (g) => g.normal(), logQ: (z) => -0.5 * Math.log(2 * Math.PI) - 0.5 * z * z, logJoint: (z) => vi.toyLogJoint(1, z) }, 20000, rng(3));
    close(est.value, -1.9189385, 4 * est.stdError);
    const j = vi.jensenGap(1, 0, 1);
    assert.ok(j.meanOfLog < j.logOfMean);
  });

  it('toyElboGradient vs central finite differences of the closed-form ELBO; zero at the posterior (m, s) = (0.5, √0.5)', () => {
    const h = 1e-6;
    const [gm, gs] = vi.toyElboGradient(1.3, 0.2, 0.8);
    close(gm, (vi.toyElbo(1.3, 0.2 + h, 0.8).elbo - vi.toyElbo(1.3, 0.2 - h, 0.8).elbo) / (2 * h), 1e-7);
    close(gs, (vi.toyElbo(1.3, 0.2, 0.8 + h).elbo - vi.toyElbo(1.3, 0.2, 0.8 - h).elbo) / (2 * h), 1e-7);
    const [a, b] = vi.toyElboGradient(1, 0.5, Math.sqrt(0.5));
    close(a, 0, 1e-15);
    close(b, 0, 1e-12);
  });

  it('reparamElboGradient (hand-derived) vs tf.grad of an independent tfjs ELBO and vs central finite differences, same ε', () => {
    const x = 1.3;
    const eps = [0.3, -1.1, 0.7, 1.9, -0.4];
    const model = vi.toyModel(x);
    const m = 0.2;
    const l = Math.log(0.7);
    const r = vi.reparamElboGradient(model, m, l, eps);
    const f = (mm: number, ll: number) => vi.reparamElboGradient(model, mm, ll, eps).elbo;
    const h = 1e-6;
    close(r.grad[0], (f(m + h, l) - f(m - h, l)) / (2 * h), 1e-7);
    close(r.grad[1], (f(m, l + h) - f(m, l - h)) / (2 * h), 1e-7);
    const g = tf.grads((mt: tf.Tensor, lt: tf.Tensor) => {
      const e = tf.tensor1d(eps);
      const z = tf.add(mt, tf.mul(tf.exp(lt), e));
      const logLik = tf.sub(-0.5 * Math.log(2 * Math.PI), tf.mul(0.5, tf.square(tf.sub(x, z))));
      const logPrior = tf.sub(-0.5 * Math.log(2 * Math.PI), tf.mul(0.5, tf.square(z)));
      return tf.add(tf.mean(tf.add(logLik, logPrior)), tf.add(0.5 * Math.log(2 * Math.PI * Math.E), lt));
    });
    const [dm, dl] = g([tf.scalar(m), tf.scalar(l)]);
    close(dm.dataSync()[0], r.grad[0], 1e-5);
    close(dl.dataSync()[0], r.grad[1], 1e-5);
  });

  it('fixedFormVI (Robbins–Monro steps) converges to the exact posterior N(0.5, 0.5) at x = 1 (seed 7; the average of the last 200 iterates within 0.02)', () => {
    const t = vi.fixedFormVI(vi.toyModel(1), { m0: -1, s0: 2, lr: 0.1, decay: 100, steps: 3000, samples: 16, rng: rng(7) });
    const tail = (a: number[]) => a.slice(-200).reduce((p, q) => p + q, 0) / 200;
    close(tail(t.m), 0.5, 0.02);
    close(tail(t.s) ** 2, 0.5, 0.02);
  });
});

describe('vi/distributions — Dirichlet and Wishart (002 App. B)', function () {
  this.timeout(60000);

  it('002 D22 / T22: Dir(1,1,1) density 2 everywhere; Dir(2,2,2) at the centre 40/9 = 4.444444 (B = 1/120)', () => {
    close(Math.exp(vi.dirichletLogPdf([0.2, 0.3, 0.5], [1, 1, 1])), 2, 1e-12);
    close(Math.exp(vi.dirichletLogPdf([0.7, 0.1, 0.2], [1, 1, 1])), 2, 1e-12);
    close(Math.exp(vi.dirichletLogPdf([1 / 3, 1 / 3, 1 / 3], [2, 2, 2])), 40 / 9, 1e-12);
    close(Math.exp(vi.dirichletLogNormaliser([2, 2, 2])), 1 / 120, 1e-15);
  });

  it('Dirichlet samples: mean α/α₀ and E[log x_i] = ψ(α_i) − ψ(α₀) within 4 SE (seed 1, 20 000 draws)', () => {
    const alpha = [0.5, 2, 3.5];
    const S = vi.dirichletSample(alpha, 20000, rng(1));
    const mom = vi.dirichletMoments(alpha);
    for (let i = 0; i < 3; i++) {
      const v = S.map((s) => s[i]);
      const lv = S.map((s) => Math.log(s[i]));
      const mean = (a: number[]) => a.reduce((p, q) => p + q, 0) / a.length;
      const se = (a: number[]) => {
        const m = mean(a);
        return Math.sqrt(a.reduce((p, q) => p + (q - m) ** 2, 0) / a.length / a.length);
      };
      close(mean(v), mom.mean[i], 4 * se(v));
      close(mean(lv), mom.expectedLog[i], 4 * se(lv));
    }
  });

  it('002 D23 / T23: W_2(I, 5) has E[S] = 5I, E[S⁻¹] = I/2 (closed form); p = 1, V = 1 is χ²_n (density matches)', () => {
    const m = vi.wishartMoments([[1, 0], [0, 1]], 5);
    assert.deepEqual(m.mean, [[5, 0], [0, 5]]);
    assert.deepEqual(m.meanInverse, [[0.5, 0], [0, 0.5]]);
    // χ²_3 density at s = 2: s^{1/2} e^{−1} / (2^{3/2} Γ(3/2))
    close(Math.exp(vi.wishartLogPdf([[2]], [[1]], 3)), (Math.sqrt(2) * Math.exp(-1)) / (2 ** 1.5 * (Math.sqrt(Math.PI) / 2)), 1e-12);
    assert.equal(vi.wishartMoments([[1, 0], [0, 1]], 3).meanInverse, null);
  });

  it('002 D23 (AUDIT-NOTES: Monte Carlo at n = 8): E[S] = 8I, E[S⁻¹] = I/5 within 4 SE; Bartlett and outer-product samplers agree (seed 0)', () => {
    const V = [[1, 0], [0, 1]];
    for (const sampler of [vi.wishartSample, vi.wishartSampleOuter]) {
      const g = rng(0);
      const n = 8000;
      const acc = { s00: [] as number[], s01: [] as number[], i00: [] as number[] };
      for (let t = 0; t < n; t++) {
        const S = sampler(V, 8, g);
        const det = S[0][0] * S[1][1] - S[0][1] ** 2;
        acc.s00.push(S[0][0]);
        acc.s01.push(S[0][1]);
        acc.i00.push(S[1][1] / det);
      }
      const mean = (a: number[]) => a.reduce((p, q) => p + q, 0) / a.length;
      const se = (a: number[]) => {
        const m = mean(a);
        return Math.sqrt(a.reduce((p, q) => p + (q - m) ** 2, 0) / a.length / a.length);
      };
      close(mean(acc.s00), 8, 4 * se(acc.s00));
      close(mean(acc.s01), 0, 4 * se(acc.s01));
      close(mean(acc.i00), 0.2, 4 * se(acc.i00));
    }
  });

  it('Wishart E[log|S|] (digamma formula) vs Monte Carlo, and the density integrates like a χ² for p = 1 (normaliser by quadrature)', () => {
    const V = [[2, 0.3], [0.3, 1]];
    const g = rng(5);
    const ld: number[] = [];
    for (let t = 0; t < 8000; t++) {
      const S = vi.wishartSample(V, 4.5, g);
      ld.push(Math.log(S[0][0] * S[1][1] - S[0][1] ** 2));
    }
    const mean = ld.reduce((p, q) => p + q, 0) / ld.length;
    const se = Math.sqrt(ld.reduce((p, q) => p + (q - mean) ** 2, 0) / ld.length / ld.length);
    close(mean, vi.wishartMoments(V, 4.5).expectedLogDet, 4 * se);
    let s = 0;
    const h = 0.001;
    for (let x = h / 2; x < 60; x += h) s += Math.exp(vi.wishartLogPdf([[x]], [[1.5]], 4)) * h;
    close(s, 1, 1e-6);
  });

  it('logMultivariateGamma: p = 1 is log Γ; Γ_2(a) = √π Γ(a) Γ(a − ½)', () => {
    close(vi.logMultivariateGamma(1, 3.2), Math.log(2.4239654799353683), 1e-12);
    close(vi.logMultivariateGamma(2, 3), 0.5 * Math.log(Math.PI) + Math.log(2) + Math.log((3 / 4) * Math.sqrt(Math.PI)), 1e-12);
  });
});

describe('vi/meanfield — CAVI (002 §3.5, App. D.1) on the Normal–Gamma model (Bishop §10.1.3, extension)', () => {
  const x = [1.2, 2.3, 0.4, 1.9, 2.8, 1.1, 1.6];
  const prior = { mu0: 0, lambda0: 2, a0: 2, b0: 1 };

  it('the ELBO is non-decreasing, the fixed point μ_N equals the exact posterior mean, and ELBO ≤ log p(x) (exact evidence)', () => {
    const r = vi.normalGammaCavi(x, prior);
    for (let i = 1; i < r.elboTrace.length; i++) assert.ok(r.elboTrace[i] >= r.elboTrace[i - 1] - 1e-12);
    const ex = vi.normalGammaPosterior(x, prior);
    close(r.state.muN, ex.muN, 1e-14);
    assert.ok(r.converged);
    assert.ok(r.elboTrace[r.elboTrace.length - 1] < ex.logEvidence);
    // fixed point: E[τ] from the q(τ) update, λ = (λ₀ + N) E[τ]
    close(r.state.lambdaN, (prior.lambda0 + x.length) * (r.state.aN / r.state.bN), 1e-6);
    close(r.state.aN, prior.a0 + (x.length + 1) / 2, 1e-15);
  });

  it('log evidence of the exact posterior vs quadrature over (μ, τ) (independent route)', () => {
    const ex = vi.normalGammaPosterior(x, prior);
    let s = 0;
    const hm = 0.01;
    const ht = 0.01;
    for (let mu = -3; mu < 5; mu += hm) for (let t = ht / 2; t < 8; t += ht) {
      let lp = prior.a0 * Math.log(prior.b0) - Math.log(1) + (prior.a0 - 1) * Math.log(t) - prior.b0 * t; // Γ(2) = 1
      lp += 0.5 * Math.log((prior.lambda0 * t) / (2 * Math.PI)) - 0.5 * prior.lambda0 * t * (mu - prior.mu0) ** 2;
      for (const v of x) lp += 0.5 * Math.log(t / (2 * Math.PI)) - 0.5 * t * (v - mu) ** 2;
      s += Math.exp(lp) * hm * ht;
    }
    close(Math.log(s), ex.logEvidence, 1e-4);
  });

  it('the mean-field ELBO vs a Monte Carlo estimate E_q[log p(x, μ, τ) − log q] (seed 2, 4 SE)', () => {
    const q = vi.normalGammaCavi(x, prior).state;
    const g = rng(2);
    const vals: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const mu = q.muN + g.normal() / Math.sqrt(q.lambdaN);
      const t = g.gamma(q.aN, 1 / q.bN);
      let lp = prior.a0 * Math.log(prior.b0) + (prior.a0 - 1) * Math.log(t) - prior.b0 * t;
      lp += 0.5 * Math.log((prior.lambda0 * t) / (2 * Math.PI)) - 0.5 * prior.lambda0 * t * (mu - prior.mu0) ** 2;
      for (const v of x) lp += 0.5 * Math.log(t / (2 * Math.PI)) - 0.5 * t * (v - mu) ** 2;
      const lq = 0.5 * Math.log(q.lambdaN / (2 * Math.PI)) - 0.5 * q.lambdaN * (mu - q.muN) ** 2 + q.aN * Math.log(q.bN) - vi.logMultivariateGamma(1, q.aN) + (q.aN - 1) * Math.log(t) - q.bN * t;
      vals.push(lp - lq);
    }
    const mean = vals.reduce((p, q2) => p + q2, 0) / vals.length;
    const se = Math.sqrt(vals.reduce((p, v) => p + (v - mean) ** 2, 0) / vals.length / vals.length);
    close(vi.normalGammaElbo(x, prior, q), mean, 4 * se);
  });

  it('cavi throws when an update lowers the ELBO (the invariant can fail)', () => {
    assert.throws(() => vi.cavi({ init: 0, updates: [(s: number) => s + 1], elbo: (s: number) => -s }, { maxIter: 3 }), /ELBO decreased at sweep 1/);
  });
});

describe('vi/bgmm — the Bayesian GMM by CAVI (002 §3.8, Bishop §10.2)', function () {
  this.timeout(60000);
  const g = rng(1);
  const centres = [[0, 0], [5, 0], [0, 5]];
  const X = Array.from({ length: 240 }, (_, i) => [centres[i % 3][0] + g.normal(), centres[i % 3][1] + 0.6 * g.normal()]);
  const prior = vi.defaultBgmmPrior(X, 0.01);

  it('002 D26: after every sweep Σ_k (α_k − α₀) = N and β_k − β₀ = ν_k − ν₀ = N_k; the ELBO is non-decreasing; T25 q*(π) = Dir(α₀ + N_k)', () => {
    const r = vi.bgmmVI(X, 6, prior, { rng: rng(3), maxIter: 100, keepHistory: true });
    for (const st of r.history!) {
      close(st.alpha.reduce((s, a) => s + a - prior.alpha0, 0), X.length, 1e-9);
      st.Nk.forEach((Nk, k) => {
        close(st.beta[k] - prior.beta0, Nk, 1e-12);
        close(st.nu[k] - prior.nu0, Nk, 1e-12);
        close(st.alpha[k] - prior.alpha0, st.r.reduce((s, row) => s + row[k], 0), 1e-9);
      });
    }
    for (let i = 1; i < r.elboTrace.length; i++) assert.ok(r.elboTrace[i] >= r.elboTrace[i - 1] - 1e-8 * Math.abs(r.elboTrace[i]));
  });

  it('on three well-separated clusters with K = 6 and α₀ = 0.01 the weights collapse to 3 effective components (each ≈ 1/3)', () => {
    const r = vi.bgmmVI(X, 6, prior, { rng: rng(3), maxIter: 300 });
    assert.equal(vi.effectiveComponents(r.weights), 3);
    r.weights.filter((w) => w > 0.01).forEach((w) => close(w, 1 / 3, 0.02));
  });

  it('002 E12: the notes\' log ρ (−½E log|Λ|) differs from the exact one by −E[log|Λ_k|] + (D/2) log 2π per component', () => {
    const st = vi.bgmmUpdateParams(X, vi.bgmmVI(X, 3, prior, { rng: rng(3), maxIter: 5 }).r, prior);
    const a = vi.bgmmLogRho(X, st, 'exact');
    const b = vi.bgmmLogRho(X, st, 'source');
    const d0 = a[0].map((v, k) => b[0][k] - v);
    const d1 = a[7].map((v, k) => b[7][k] - v);
    d0.forEach((v, k) => close(v, d1[k], 1e-12)); // a per-component shift, independent of n
    const eld = st.W.map((W, k) => vi.wishartMoments(W, st.nu[k]).expectedLogDet);
    d0.forEach((v, k) => close(v, -eld[k] + Math.log(2 * Math.PI), 1e-12));
  });
});

describe('vi/em — EM, the Bernoulli mixture, GMM EM and EM as VI (002 §3.6–3.7, App. D.2)', () => {
  const X19 = [[1, 1], [1, 0], [0, 0], [0, 1], [1, 1], [0, 0]];
  const init19 = { theta: [0.5, 0.5], q: [[0.8, 0.6], [0.3, 0.4]] };

  it('002 D19: the three-iteration trace (log-likelihoods −8.176267, −8.062846, −8.013256, −7.989970; θ, q_1, q_2 after each update)', () => {
    const r = vi.bernoulliMixtureEM(X19, init19, { maxIter: 3, tol: 0 });
    [-8.176267, -8.062846, -8.013256, -7.98997].forEach((v, i) => close(r.logLikTrace[i], v, 1e-6, `loglik ${i}`));
    const exp = [
      { theta: [0.476667, 0.523333], q1: [0.783217, 0.664336], q2: [0.242038, 0.350318] },
      { theta: [0.478001, 0.521999], q1: [0.801983, 0.706812], q2: [0.223471, 0.31062] },
      { theta: [0.479112, 0.520888], q1: [0.816446, 0.73437], q2: [0.208934, 0.284427] },
    ];
    exp.forEach((e, i) => {
      const t = r.thetas[i + 1];
      e.theta.forEach((v, k) => close(t.theta[k], v, 1e-6));
      e.q1.forEach((v, d) => close(t.q[0][d], v, 1e-6));
      e.q2.forEach((v, d) => close(t.q[1][d], v, 1e-6));
    });
    const r0 = vi.posteriorFromLogJoint(vi.bernoulliMixtureLogJoint(X19, init19)).r.map((row) => row[0]);
    [0.8, 0.64, 0.16, 0.3, 0.8, 0.16].forEach((v, n) => close(r0[n], v, 1e-12));
  });

  it('002 T24 (App. D.2): the M-step weight θ_k = Σ_n r_nk / N (λ = N), and the log-likelihood is monotone over 200 iterations', () => {
    const r = vi.bernoulliMixtureEM(X19, init19, { maxIter: 200, tol: 0 });
    for (let i = 1; i < r.logLikTrace.length; i++) assert.ok(r.logLikTrace[i] >= r.logLikTrace[i - 1] - 1e-12);
    const resp = vi.posteriorFromLogJoint(vi.bernoulliMixtureLogJoint(X19, init19)).r;
    close(vi.bernoulliMixtureMStep(X19, resp).theta[0], resp.reduce((s, row) => s + row[0], 0) / 6, 1e-15);
  });

  it('002 E10: on one binary variable, two different (θ, q) with the same Σθ_k q_k have identical likelihoods', () => {
    const x = [1, 0, 1, 1, 0, 1, 0, 1];
    const r = vi.scalarBernoulliMixtureLikelihoods(x, [
      { theta: [0.5, 0.5], q: [[0.9], [0.35]] },
      { theta: [0.2, 0.8], q: [[0.25], [0.71875]] },
      { theta: [1, 0], q: [[0.625], [0.5]] },
    ]);
    r.meanParameter.forEach((m) => close(m, 0.625, 1e-12));
    r.logLik.forEach((l) => close(l, 5 * Math.log(0.625) + 3 * Math.log(0.375), 1e-12));
  });

  it('EM as VI (002 §3.7): after every E-step the gap KL(q‖p(z|x,θ)) is 0 (to 1e-12) and L = log p; M-steps raise L; log p is a staircase', () => {
    const pts = vi.emStaircase((p: vi.BernoulliMixtureParams) => vi.bernoulliMixtureLogJoint(X19, p), (r) => vi.bernoulliMixtureMStep(X19, r), init19, 5);
    for (let i = 0; i < pts.length; i++) {
      if (pts[i].half === 'E') close(pts[i].gap, 0, 1e-12);
      if (pts[i].half === 'M') assert.ok(pts[i].elbo >= pts[i - 1].elbo - 1e-12 && pts[i].logLik >= pts[i].elbo);
      if (i >= 2 && pts[i].half === 'E') close(pts[i].logLik, pts[i - 1].logLik, 1e-12);
    }
    close(pts[0].logLik, -8.176266604445644, 1e-12);
  });

  it('em throws when the log-likelihood decreases (the monotonicity invariant can fail)', () => {
    assert.throws(() => vi.em({ eStep: (t: number) => t, mStep: (t: number) => t - 1, logLik: (t: number) => t }, 0, { maxIter: 2 }), /decreased at iteration 1/);
  });
});
