import { strict as assert } from 'assert';
import * as energy from '../../src/energy';
import { rng } from '../../src/core/rng';
import { tf } from '../../src/core/backend';
import { detailedBalanceResidual, stationarityResidual } from '../../src/sampling/chains';
import { TINY_RBM as SAMPLING_TINY } from '../../src/sampling/examples';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);
const closeVec = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number, msg = '') => {
  assert.equal(a.length, b.length, `${msg} length`);
  for (let i = 0; i < a.length; i++) close(a[i], b[i], tol, `${msg}[${i}]`);
};
const T = energy.TINY_RBM;
const VD = [1, 0, 1];

/** A random RBM (seeded) for checks beyond the tiny oracle. */
function randomRbm(m: number, n: number, seed: number, scale = 0.8): energy.Rbm {
  const r = rng(seed);
  return { W: Array.from({ length: n }, () => Array.from(r.normals(m, 0, scale))), b: Array.from(r.normals(m, 0, 0.5)), c: Array.from(r.normals(n, 0, 0.5)) };
}

describe('energy/rbm — the 003 tiny RBM (§4.3) and exact quantities', () => {
  it('is the same model as sampling.TINY_RBM (one set of parameters in the course)', () => {
    assert.deepEqual(T.W, SAMPLING_TINY.W);
    assert.deepEqual(T.b, SAMPLING_TINY.b);
    assert.deepEqual(T.c, SAMPLING_TINY.c);
  });

  it('003 §4.3: log Z = 3.625502369540723 by visible, hidden and joint enumeration; Z = 37.5435791734874', () => {
    for (const via of ['visible', 'hidden', 'joint'] as const) close(energy.rbmLogZ(T, { via }), 3.625502369540723, 1e-13, via);
    close(Math.exp(energy.rbmLogZ(T)), 37.5435791734874, 1e-11);
  });

  it('003 §4.3: E([1,0,1],[1,0]) = −0.75, p(v,h) = 0.0563878049, F([1,0,1]) = −1.7418432, log p([1,0,1]) = −1.8836592', () => {
    close(energy.rbmEnergy(T, VD, [1, 0]), -0.75, 1e-14);
    close(energy.rbmJoint(T)[5][2], 0.0563878049, 5e-11);
    close(energy.rbmFreeEnergy(T, VD), -1.7418432, 5e-8);
    close(energy.rbmLogProb(T, VD), -1.8836592, 5e-8);
  });

  it('003 §4.3: p(v) for the 8 states (sum 1) and E_p[v] = [0.602644, 0.464433, 0.459222]', () => {
    const p = energy.rbmVisibleDistribution(T);
    closeVec(p, [0.11270665, 0.09846142, 0.10279699, 0.08339088, 0.17236657, 0.15203277, 0.15290788, 0.12533684], 5e-9);
    close(p.reduce((a, x) => a + x, 0), 1, 1e-14);
    const neg = energy.rbmNegativePhaseExact(T);
    closeVec(neg.b, [0.602644, 0.464433, 0.459222], 5e-7);
    closeVec(neg.c, [0.537649, 0.541234], 5e-7);
  });

  it('hidden-side Gray-code log Z equals visible enumeration on a random 10 × 12 RBM (two routes)', () => {
    const R = randomRbm(10, 12, 5);
    close(energy.rbmLogZ(R, { via: 'hidden' }), energy.rbmLogZ(R, { via: 'visible' }), 1e-10);
  });

  it('003 §4.3: p(h=1|v=[1,0,1]) = [0.645656, 0.425557]; p(v=1|h=[1,1]) = [0.668188, 0.475021, 0.413382]; p(v=1|h=0) = σ(b)', () => {
    closeVec(energy.rbmProbH(T, VD), [0.645656, 0.425557], 5e-7);
    closeVec(energy.rbmProbV(T, [1, 1]), [0.668188, 0.475021, 0.413382], 5e-7);
    closeVec(energy.rbmProbV(T, [0, 0]), [0.524979, 0.450166, 0.512497], 5e-7);
  });

  it('the closed-form conditionals equal brute-force ratios of the joint table for every (v, h, unit) (003 L156–171)', () => {
    const J = energy.rbmJoint(T);
    for (let s = 0; s < 8; s++) {
      const v = [(s >> 2) & 1, (s >> 1) & 1, s & 1];
      const pv = J[s].reduce((a, x) => a + x, 0);
      const ph = energy.rbmProbH(T, v);
      close(ph[0], (J[s][2] + J[s][3]) / pv, 1e-14, `h1 | v=${v}`);
      close(ph[1], (J[s][1] + J[s][3]) / pv, 1e-14, `h2 | v=${v}`);
    }
    for (let t = 0; t < 4; t++) {
      const h = [(t >> 1) & 1, t & 1];
      const col = J.map((r) => r[t]);
      const ph = col.reduce((a, x) => a + x, 0);
      const pvv = energy.rbmProbV(T, h);
      for (let i = 0; i < 3; i++) {
        const on = col.filter((_, s) => (s >> (2 - i)) & 1).reduce((a, x) => a + x, 0);
        close(pvv[i], on / ph, 1e-14, `v${i + 1} | h=${h}`);
      }
    }
  });

  it('003 §4.3: exact gradient at v_d = [1,0,1] (closed form = joint enumeration = central finite differences)', () => {
    const g = energy.rbmGradExact(T, VD);
    closeVec(g.W[0], [0.292029, -0.231066, 0.386267], 5e-7, 'W0');
    closeVec(g.W[1], [0.093874, -0.276037, 0.21385], 5e-7, 'W1');
    closeVec(g.b, [0.397356, -0.464433, 0.540778], 5e-7, 'b');
    closeVec(g.c, [0.108008, -0.115677], 5e-7, 'c');
    assert.ok(energy.maxAbsDiff(g, energy.rbmGradEnumeration(T, VD)) < 1e-14);
    assert.ok(energy.maxAbsDiff(g, energy.rbmGradFiniteDiff(T, VD)) < 1e-8, '003 A11: |exact − FD| < 1e-8');
  });

  it('exact gradient of a data average on a random 4 × 3 RBM: closed form = central finite differences', () => {
    const R = randomRbm(4, 3, 9);
    const data = [
      [1, 0, 1, 1],
      [0, 0, 1, 0],
      [1, 1, 1, 0],
    ];
    assert.ok(energy.maxAbsDiff(energy.rbmGradExact(R, data), energy.rbmGradFiniteDiff(R, data)) < 1e-8);
  });

  it('exact gradient = tf.grad of log p(v) written with tfjs by joint enumeration', () => {
    const Vs = tf.tensor2d(Array.from({ length: 8 }, (_, s) => [(s >> 2) & 1, (s >> 1) & 1, s & 1])); // 8×3
    const Hs = tf.tensor2d([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]); // 4×2
    const v = tf.tensor2d([VD]); // 1×3
    // −E(v,h) for all h (rows) and the given v's (columns): H W Vᵀ + (b·v) + (c·h)
    const negE = (W: tf.Tensor, b: tf.Tensor, c: tf.Tensor, V: tf.Tensor) =>
      tf.add(tf.add(tf.matMul(tf.matMul(Hs, W), V, false, true), tf.reshape(tf.sum(tf.mul(V, b), 1), [1, -1])), tf.reshape(tf.sum(tf.mul(Hs, c), 1), [-1, 1]));
    const lse = (x: tf.Tensor) => tf.log(tf.sum(tf.exp(x)));
    const f = (W: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => tf.sub(lse(negE(W, b, c, v)), lse(negE(W, b, c, Vs))) as tf.Scalar;
    const [gW, gb, gc] = tf.grads(f)([tf.tensor2d(T.W), tf.tensor1d(T.b), tf.tensor1d(T.c)]);
    const g = energy.rbmGradExact(T, VD);
    (gW.arraySync() as number[][]).forEach((r, j) => closeVec(r, g.W[j], 1e-5, `W${j}`));
    closeVec(gb.arraySync() as number[], g.b, 1e-5, 'b');
    closeVec(gc.arraySync() as number[], g.c, 1e-5, 'c');
  });

  it('003 §4.3: one block-Gibbs step from [1,0,1]; the 8×8 kernel is stochastic, stationary and reversible w.r.t. p(v)', () => {
    const K = energy.rbmBlockKernel(T);
    closeVec(K[5], [0.109189, 0.104201, 0.092017, 0.081759, 0.174113, 0.167408, 0.143103, 0.12821], 5e-7);
    K.forEach((r, s) => close(r.reduce((a, x) => a + x, 0), 1, 1e-14, `row ${s}`));
    const p = energy.rbmVisibleDistribution(T);
    assert.ok(stationarityResidual(p, K) < 1e-15);
    assert.ok(detailedBalanceResidual(p, K) < 1e-15);
  });

  it('003 §4.3: the 32-state random-scan Gibbs kernel (exact) satisfies detailed balance w.r.t. p(v,h); p_xx(00000) = 0.4975005', () => {
    const K = energy.rbmRandomScanKernel(T);
    assert.equal(K.length, 32);
    const J = energy.rbmJoint(T);
    const pi = J.flatMap((r) => r); // index v·4 + h = the bits (v1 v2 v3 h1 h2)
    K.forEach((r, s) => close(r.reduce((a, x) => a + x, 0), 1, 1e-14, `row ${s}`));
    assert.ok(detailedBalanceResidual(pi, K) < 1e-16);
    assert.ok(stationarityResidual(pi, K) < 1e-15);
    close(K[0][0], 0.4975005, 5e-8);
  });

  it('block Gibbs sampler (seeded): empirical p(v) over 40 000 steps within 4 SE of the exact p(v)', () => {
    const r = rng(7);
    const n = 40000;
    const counts = new Array<number>(8).fill(0);
    let v = [0, 0, 0];
    for (let t = 0; t < n; t++) {
      v = energy.rbmBlockGibbsStep(T, v, r).v;
      counts[v[0] * 4 + v[1] * 2 + v[2]]++;
    }
    // the block chain mixes in a few steps on this model: allow τ ≤ 3
    energy.rbmVisibleDistribution(T).forEach((p, s) => close(counts[s] / n, p, 4 * Math.sqrt((3 * p * (1 - p)) / n), `state ${s}`));
  });

  it('rbmSampleH / rbmSampleV frequencies match the conditionals (seeded, 4 SE)', () => {
    const r = rng(3);
    const n = 20000;
    const fh = [0, 0];
    const fv = [0, 0, 0];
    for (let t = 0; t < n; t++) {
      energy.rbmSampleH(T, VD, r).forEach((x, j) => (fh[j] += x / n));
      energy.rbmSampleV(T, [1, 1], r).forEach((x, i) => (fv[i] += x / n));
    }
    energy.rbmProbH(T, VD).forEach((p, j) => close(fh[j], p, 4 * Math.sqrt((p * (1 - p)) / n)));
    energy.rbmProbV(T, [1, 1]).forEach((p, i) => close(fv[i], p, 4 * Math.sqrt((p * (1 - p)) / n)));
  });

  describe('validation', () => {
    it('checkRbm: not an object, b or c of the wrong length, W not a matrix', () => {
      assert.throws(() => energy.rbmLogZ(null as never), /rbmLogZ: rbm must be \{W, b, c\}/);
      assert.throws(() => energy.rbmLogZ({ W: T.W, b: [0, 0], c: T.c }), /rbmLogZ: rbm.b must have length 3/);
      assert.throws(() => energy.rbmLogZ({ W: T.W, b: T.b, c: [0] }), /rbmLogZ: rbm.c must have length 2/);
      assert.throws(() => energy.rbmLogZ({ W: [1, 2] as never, b: T.b, c: T.c }), /rbmLogZ: rbm.W/);
    });
    it('rbmLogZ: unknown via; too many units for enumeration', () => {
      assert.throws(() => energy.rbmLogZ(T, { via: 'sum' as never }), /opts.via/);
      const big = { W: Array.from({ length: 30 }, () => new Array(30).fill(0)), b: new Array(30).fill(0), c: new Array(30).fill(0) };
      assert.throws(() => energy.rbmLogZ(big), /rbmLogZ: m \(visible units, for via "visible"\) must be an integer in \[1, 24\] \(got 30\)/);
    });
    it('rbmEnergy / rbmLogProb: non-binary v or h, wrong lengths, non-finite logZ', () => {
      assert.throws(() => energy.rbmEnergy(T, [1, 0, 2], [1, 0]), /rbmEnergy: v\[2\] must be 0 or 1 \(got 2\)/);
      assert.throws(() => energy.rbmEnergy(T, [1, 0, 1], [1]), /rbmEnergy: h must have length 2/);
      assert.throws(() => energy.rbmLogProb(T, [1, 0, 1], NaN), /rbmLogProb: logZ/);
      assert.throws(() => energy.rbmFreeEnergy(T, [1, 0]), /rbmFreeEnergy: v must have length 3/);
      assert.throws(() => energy.rbmFreeEnergyHidden(T, [1]), /rbmFreeEnergyHidden: h must have length 2/);
    });
    it('conditionals and samplers: wrong lengths, missing rng', () => {
      assert.throws(() => energy.rbmProbH(T, [1, 0]), /rbmProbH: v must have length 3/);
      assert.throws(() => energy.rbmProbV(T, [1, 0, 1]), /rbmProbV: h must have length 2/);
      assert.throws(() => energy.rbmSampleH(T, VD, {} as never), /rbmSampleH: rng/);
      assert.throws(() => energy.rbmSampleV(T, [1, 1], undefined as never), /rbmSampleV: rng/);
      assert.throws(() => energy.rbmBlockGibbsStep(T, [1, 0, 0.5], rng(1)), /rbmBlockGibbsStep: v\[2\] must be 0 or 1/);
    });
    it('gradients and data: empty data, wrong row length, eps ≤ 0; rbmJoint/rbmVisibleDistribution: too large', () => {
      assert.throws(() => energy.rbmAverageLogLik(T, []), /rbmAverageLogLik: data must be a non-empty array/);
      assert.throws(() => energy.rbmPositivePhase(T, [[1, 0]]), /rbmPositivePhase: data\[0\] must have length 3/);
      assert.throws(() => energy.rbmGradFiniteDiff(T, VD, 0), /rbmGradFiniteDiff: eps/);
      assert.throws(() => energy.rbmGradEnumeration(T, [[1, 0, 3]]), /rbmGradEnumeration: data\[0\]\[2\] must be 0 or 1/);
      const big = { W: Array.from({ length: 10 }, () => new Array(10).fill(0)), b: new Array(10).fill(0), c: new Array(10).fill(0) };
      assert.throws(() => energy.rbmJoint(big), /rbmJoint: m \+ n \(units\) must be an integer in \[2, 16\] \(got 20\)/);
      const wide = { W: [new Array(21).fill(0)], b: new Array(21).fill(0), c: [0] };
      assert.throws(() => energy.rbmVisibleDistribution(wide), /rbmVisibleDistribution: m \(visible units\)/);
    });
    it('hiddenInput / visibleInput / zeroStats / maxAbsDiff: wrong lengths and shapes', () => {
      assert.throws(() => energy.hiddenInput(T, [1, 0]), /hiddenInput: v must have length 3/);
      assert.throws(() => energy.visibleInput(T, [1, 0, 1]), /visibleInput: h must have length 2/);
      assert.throws(() => energy.zeroStats(0, 2), /zeroStats: m/);
      assert.throws(() => energy.maxAbsDiff(null as never, energy.zeroStats(3, 2)), /maxAbsDiff: a must be gradient statistics/);
      assert.throws(() => energy.maxAbsDiff(energy.zeroStats(3, 2), energy.zeroStats(2, 2)), /maxAbsDiff: a and b must have the same shapes/);
      assert.deepEqual(Array.from(energy.hiddenInput(T, [1, 0, 1])).map((x) => +x.toFixed(12)), [0.6, -0.3]);
    });
    it('initRbm: bad sizes, scale, rng, data', () => {
      assert.throws(() => energy.initRbm(0, 2, rng(1)), /initRbm: m/);
      assert.throws(() => energy.initRbm(3, 2.5, rng(1)), /initRbm: n/);
      assert.throws(() => energy.initRbm(3, 2, rng(1), { scale: -1 }), /initRbm: opts.scale/);
      assert.throws(() => energy.initRbm(3, 2, null as never), /initRbm: rng/);
      assert.throws(() => energy.initRbm(3, 2, rng(1), { data: [[1, 0]] }), /initRbm: opts.data\[0\] must have length 3/);
    });
  });
});
