import { strict as assert } from 'assert';
import * as energy from '../../src/energy';
import { rng } from '../../src/core/rng';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);
const closeVec = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number, msg = '') => {
  for (let i = 0; i < a.length; i++) close(a[i], b[i], tol, `${msg}[${i}]`);
};
const T = energy.TINY_RBM;
const VD = [1, 0, 1];
const TOY = [
  [1, 1, 0],
  [1, 1, 0],
  [0, 0, 1],
  [1, 0, 1],
  [0, 1, 1],
  [1, 1, 1],
];

describe('energy/train — sampled negative phases, Algorithm 0, CD-k, PCD (003 L389–455)', () => {
  it('003 §4.3: expected CD-1 update at v_d = [1,0,1] (exact average over the sampling, by the block kernel)', () => {
    const u = energy.rbmExpectedCdUpdate(T, VD, 1);
    closeVec(u.W[0], [0.284554, -0.222508, 0.37241], 5e-7, 'W0');
    closeVec(u.W[1], [0.091371, -0.263218, 0.204311], 5e-7, 'W1');
    closeVec(u.b, [0.387166, -0.445088, 0.518422], 5e-7, 'b');
    closeVec(u.c, [0.10425, -0.110773], 5e-7, 'c');
    // the CD bias (003 NB07 plan): ∇_b − CD_b = [0.010190, −0.019345, 0.022356] — the plan subtracts the 6-digit rounded
    // values; unrounded the middle entry is −0.0193443, hence 2e-6
    const g = energy.rbmGradExact(T, VD);
    closeVec(g.b.map((x, i) => x - u.b[i]), [0.01019, -0.019345, 0.022356], 2e-6, 'bias');
  });

  it('expected CD-k tends to the exact gradient as k grows (the block chain mixes); the source loop (003-E51) equals CD-(k+1)', () => {
    const g = energy.rbmGradExact(T, VD);
    const d = [1, 2, 5, 20].map((k) => energy.maxAbsDiff(energy.rbmExpectedCdUpdate(T, VD, k), g));
    for (let i = 1; i < d.length; i++) assert.ok(d[i] < d[i - 1], `bias decreases: ${d}`);
    assert.ok(d[3] < 1e-12);
    assert.ok(energy.maxAbsDiff(energy.rbmExpectedCdUpdate(T, VD, 1, { form: 'source' }), energy.rbmExpectedCdUpdate(T, VD, 2)) < 1e-15);
  });

  it('the sampled CD-1 gradient averages to the expected CD-1 update (seeded, 4 SE per entry)', () => {
    const r = rng(21);
    const N = 20000;
    const sums = energy.zeroStats(3, 2);
    const sq = energy.zeroStats(3, 2);
    for (let t = 0; t < N; t++) {
      const { grad } = energy.rbmCdGradient(T, VD, { k: 1, rng: r });
      grad.b.forEach((x, i) => ((sums.b[i] += x / N), (sq.b[i] += (x * x) / N)));
      grad.c.forEach((x, j) => ((sums.c[j] += x / N), (sq.c[j] += (x * x) / N)));
    }
    const u = energy.rbmExpectedCdUpdate(T, VD, 1);
    sums.b.forEach((m, i) => close(m, u.b[i], 4 * Math.sqrt((sq.b[i] - m * m) / N), `b${i}`));
    sums.c.forEach((m, j) => close(m, u.c[j], 4 * Math.sqrt((sq.c[j] - m * m) / N), `c${j}`));
  });

  it('MC negative phase (003 L391–395): the exact form converges to the exact negative phase; the source form (003-E44) is a single sample', () => {
    const exact = energy.rbmNegativePhaseExact(T);
    const mc = energy.rbmMcNegativePhase(T, { burnIn: 10, numSamples: 40000, rng: rng(5) });
    // E_p[v_i] estimated from a fast-mixing chain: 4 SE with τ ≤ 3
    exact.b.forEach((p, i) => close(mc.b[i], p, 4 * Math.sqrt((3 * p * (1 - p)) / 40000), `b${i}`));
    const src = energy.rbmMcNegativePhase(T, { burnIn: 10, numSamples: 1000, rng: rng(5), form: 'source' });
    src.b.forEach((x) => assert.ok(Math.abs(x) < 1e-12 || Math.abs(x - 1) < 1e-12, 'source form: v_i of one state, 0 or 1'));
  });

  it('Algorithm 0 (exact form) averages to the exact gradient; its printed c-update (003-E50) is biased by the factor 1/r', () => {
    const r = rng(8);
    const N = 3000;
    const rr = 5;
    const mean = energy.zeroStats(3, 2);
    const meanSrc = energy.zeroStats(3, 2);
    for (let t = 0; t < N; t++) {
      const g = energy.rbmAlgorithm0Gradient(T, VD, { k: 5, r: rr, rng: r });
      g.c.forEach((x, j) => (mean.c[j] += x / N));
      g.b.forEach((x, i) => (mean.b[i] += x / N));
      const s = energy.rbmAlgorithm0Gradient(T, VD, { k: 5, r: rr, rng: r, form: 'source' });
      s.c.forEach((x, j) => (meanSrc.c[j] += x / N));
    }
    const g = energy.rbmGradExact(T, VD);
    closeVec(mean.b, g.b, 0.02, 'b');
    closeVec(mean.c, g.c, 0.02, 'c');
    // source: c ← c + η[σ(Wv_d + c) − (1/r)σ(Wv⁽ᵏ⁺ʳ⁾ + c)] → expectation pos − neg/r
    const pos = energy.rbmProbH(T, VD);
    const neg = energy.rbmNegativePhaseExact(T).c;
    closeVec(meanSrc.c, pos.map((p, j) => p - neg[j] / rr), 0.02, 'source c');
  });

  it('training on a 3-bit toy set: exact gradient ascent raises the exact log-likelihood; CD-1, PCD and Algorithm 0 too (seeded)', () => {
    const base = { epochs: 60, eta: 0.1, nHidden: 2, batchSize: 2 };
    const out = (['exact', 'cd', 'pcd', 'gibbs'] as const).map((method) => energy.rbmTrain(TOY, { ...base, method, k: 1, r: 5, rng: rng(4) }).history);
    for (const h of out) assert.ok(h[h.length - 1].logLik > h[0].logLik + 0.1, `log-likelihood rises: ${h[0].logLik} → ${h[h.length - 1].logLik}`);
    // the exact method's history is increasing for a small step (gradient ascent on a smooth objective)
    const ex = out[0];
    for (let e = 1; e < ex.length; e++) assert.ok(ex[e].logLik >= ex[e - 1].logLik - 1e-3);
  });

  it('onEpoch is called once per epoch; no log-likelihood (NaN) when both layers exceed exactLimit', () => {
    let calls = 0;
    const data = [new Array(20).fill(0), new Array(20).fill(1)];
    const res = energy.rbmTrain(data, { method: 'cd', epochs: 3, eta: 0.05, nHidden: 18, rng: rng(1), exactLimit: 16, onEpoch: () => calls++ });
    assert.equal(calls, 3);
    assert.ok(Number.isNaN(res.history[3].logLik));
  });

  it('reconstruction and samples have the right shape and lie in (0, 1)', () => {
    const rec = energy.rbmReconstruct(T, VD);
    assert.equal(rec.length, 3);
    const s = energy.rbmSample(T, { nChains: 4, steps: 3, rng: rng(2) });
    assert.equal(s.length, 4);
    s.flat().concat(rec).forEach((x) => assert.ok(x > 0 && x < 1));
  });

  it('003-E49: the literal "η ∇L [g]" update is η g² (never negative), the exact one η g', () => {
    const u = energy.literalBracketUpdate([0.5, -0.4], 0.1);
    closeVec(u.source, [0.025, 0.016], 1e-15);
    closeVec(u.exact, [0.05, -0.04], 1e-15);
  });

  describe('validation', () => {
    it('rbmMcNegativePhase: opts missing, burnIn < 0, numSamples 0, form, init', () => {
      assert.throws(() => energy.rbmMcNegativePhase(T, null as never), /rbmMcNegativePhase: opts must be an object/);
      assert.throws(() => energy.rbmMcNegativePhase(T, { burnIn: -1, numSamples: 1, rng: rng(1) }), /opts.burnIn/);
      assert.throws(() => energy.rbmMcNegativePhase(T, { burnIn: 0, numSamples: 0, rng: rng(1) }), /opts.numSamples/);
      assert.throws(() => energy.rbmMcNegativePhase(T, { burnIn: 0, numSamples: 1, rng: rng(1), form: 'x' as never }), /opts.form/);
      assert.throws(() => energy.rbmMcNegativePhase(T, { burnIn: 0, numSamples: 1, rng: rng(1), init: [2, 0, 0] }), /opts.init\[0\] must be 0 or 1/);
    });
    it('rbmAlgorithm0Gradient / rbmCdGradient: k, r, vd, chain', () => {
      assert.throws(() => energy.rbmAlgorithm0Gradient(T, VD, { k: -1, r: 1, rng: rng(1) }), /rbmAlgorithm0Gradient: opts.k/);
      assert.throws(() => energy.rbmAlgorithm0Gradient(T, VD, { k: 1, r: 0, rng: rng(1) }), /rbmAlgorithm0Gradient: opts.r/);
      assert.throws(() => energy.rbmAlgorithm0Gradient(T, [1, 0], { k: 1, r: 1, rng: rng(1) }), /rbmAlgorithm0Gradient: vd must have length 3/);
      assert.throws(() => energy.rbmCdGradient(T, VD, { k: 0, rng: rng(1) }), /rbmCdGradient: opts.k/);
      assert.throws(() => energy.rbmCdGradient(T, VD, { k: 1, rng: rng(1), chain: [1, 1] }), /rbmCdGradient: opts.chain must have length 3/);
    });
    it('rbmExpectedCdUpdate: k = 0, form', () => {
      assert.throws(() => energy.rbmExpectedCdUpdate(T, VD, 0), /rbmExpectedCdUpdate: k/);
      assert.throws(() => energy.rbmExpectedCdUpdate(T, VD, 1, { form: 'printed' as never }), /opts.form/);
    });
    it('rbmTrain: method, epochs, eta, batchSize, nHidden, init shape, onEpoch', () => {
      const ok = { method: 'cd' as const, epochs: 1, eta: 0.1, nHidden: 2, rng: rng(1) };
      assert.throws(() => energy.rbmTrain(TOY, { ...ok, method: 'sgd' as never }), /rbmTrain: opts.method/);
      assert.throws(() => energy.rbmTrain(TOY, { ...ok, epochs: -1 }), /rbmTrain: opts.epochs/);
      assert.throws(() => energy.rbmTrain(TOY, { ...ok, eta: 0 }), /rbmTrain: opts.eta/);
      assert.throws(() => energy.rbmTrain(TOY, { ...ok, batchSize: 100 }), /rbmTrain: opts.batchSize/);
      assert.throws(() => energy.rbmTrain(TOY, { ...ok, nHidden: 0 }), /rbmTrain: opts.nHidden/);
      assert.throws(() => energy.rbmTrain(TOY, { ...ok, init: { W: [[0, 0]], b: [0, 0], c: [0] } }), /rbmTrain: opts.init must have 3 visible units/);
      assert.throws(() => energy.rbmTrain(TOY, { ...ok, onEpoch: 3 as never }), /rbmTrain: opts.onEpoch must be a function/);
      assert.throws(() => energy.rbmTrain([], ok), /rbmTrain: data must be a non-empty array/);
    });
    it('rbmSample / rbmReconstruct / literalBracketUpdate', () => {
      assert.throws(() => energy.rbmSample(T, { nChains: 0, steps: 1, rng: rng(1) }), /rbmSample: opts.nChains/);
      assert.throws(() => energy.rbmSample(T, { nChains: 2, steps: 1, rng: rng(1), init: [VD] }), /rbmSample: opts.init must have nChains = 2 rows/);
      assert.throws(() => energy.rbmReconstruct(T, [1, 0]), /rbmReconstruct: v must have length 3/);
      assert.throws(() => energy.literalBracketUpdate([NaN], 0.1), /literalBracketUpdate: g\[0\]/);
      assert.throws(() => energy.literalBracketUpdate([1], -1), /literalBracketUpdate: eta/);
    });
  });
});

describe('energy/ais — annealed importance sampling for log Z (extension: Neal 2001; Salakhutdinov & Murray 2008)', () => {
  it('tiny RBM: over 30 seeded repetitions, the mean of Ẑ/Z is within 4 SE of 1 (Ẑ unbiased), and each log Ẑ is within 5 of its own SE', () => {
    const logZ = energy.rbmLogZ(T);
    const ratios: number[] = [];
    for (let s = 0; s < 30; s++) {
      const a = energy.rbmAis(T, { rng: rng(100 + s), runs: 50, betas: energy.aisSchedule(50) });
      ratios.push(Math.exp(a.logZ - logZ));
      close(a.logZ, logZ, 5 * a.se + 1e-9, `run ${s}`);
      close(a.logZBase, 2 * Math.LN2 + 3 * Math.LN2, 1e-14, 'log Z_0 = (n + m) log 2 for the uniform base');
    }
    const mean = ratios.reduce((x, y) => x + y, 0) / ratios.length;
    const sd = Math.sqrt(ratios.reduce((x, y) => x + (y - mean) ** 2, 0) / (ratios.length - 1));
    close(mean, 1, 4 * (sd / Math.sqrt(ratios.length)) + 1e-12);
  });

  it('a 30-visible × 10-hidden RBM trained-like (strong weights): AIS with a data-free base within a few SE of the Gray-code exact log Z', () => {
    const r = rng(77);
    const R: energy.Rbm = { W: Array.from({ length: 10 }, () => Array.from(r.normals(30, 0, 0.7))), b: Array.from(r.normals(30, -0.3, 0.5)), c: Array.from(r.normals(10, 0, 0.5)) };
    const exact = energy.rbmLogZ(R, { via: 'hidden' });
    const est = [1, 2, 3].map((s) => energy.rbmAis(R, { rng: rng(s), runs: 100, betas: energy.aisSchedule(300) }));
    for (const a of est) close(a.logZ, exact, 5 * a.se + 0.02, 'AIS vs exact');
  });

  it('with one intermediate distribution (K = 1) AIS is plain importance sampling from the base (β: 0 → 1)', () => {
    const a = energy.rbmAis(T, { rng: rng(1), runs: 20000, betas: [0, 1] });
    close(a.logZ, energy.rbmLogZ(T), 5 * a.se);
  });

  describe('validation', () => {
    it('aisSchedule: K < 1, unknown kind; the sigmoid schedule runs from 0 to 1 and increases', () => {
      assert.throws(() => energy.aisSchedule(0), /aisSchedule: K/);
      assert.throws(() => energy.aisSchedule(5, 'cubic' as never), /aisSchedule: kind/);
      const s = energy.aisSchedule(10, 'sigmoid');
      assert.equal(s[0], 0);
      assert.equal(s[10], 1);
      for (let k = 1; k <= 10; k++) assert.ok(s[k] > s[k - 1]);
    });
    it('rbmAis: betas not from 0 to 1, not increasing, runs 0, baseBias wrong length, no rng', () => {
      assert.throws(() => energy.rbmAis(T, { rng: rng(1), betas: [0.1, 1] }), /rbmAis: opts.betas must run from 0 to 1/);
      assert.throws(() => energy.rbmAis(T, { rng: rng(1), betas: [0, 0.5, 0.5, 1] }), /rbmAis: opts.betas must increase strictly/);
      assert.throws(() => energy.rbmAis(T, { rng: rng(1), runs: 0 }), /rbmAis: opts.runs/);
      assert.throws(() => energy.rbmAis(T, { rng: rng(1), baseBias: [0] }), /rbmAis: opts.baseBias must have length 3/);
      assert.throws(() => energy.rbmAis(T, { rng: undefined as never }), /rbmAis: rng/);
    });
  });
});
