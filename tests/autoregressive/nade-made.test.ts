/**
 * NADE, MADE and FVSBN (source 003 L593–673; source 002 §7.2–7.4). Expected values: the 003 inventory §4.6 table and §4.7 masks
 * (oracles, float64 numpy), parameter counts (003 L623–625 and 002 D24 via `counting`), exact enumeration (Σ p = 1), central
 * finite differences and tf.grad for the hand gradients, tf autodiff for the MADE Jacobian.
 */
import { strict as assert } from 'assert';
import * as AR from '../../src/autoregressive';
import { rng } from '../../src/core/rng';
import { initBackend, tf } from '../../src/core/backend';
import { assertClose, assertVectorClose } from '../core/close';

before(async () => {
  await initBackend('cpu');
});

const EX = AR.NADE_EXAMPLE;

describe('autoregressive — NADE (003 L606–650)', () => {
  it('003 inventory §4.6: the 3-variable table (y and p for all 8 vectors), Σ p = 1, NLL(111) = 1.68485836', () => {
    const expected: [string, number[], number][] = [
      ['000', [0.512487, 0.645656, 0.50563], 0.08540093],
      ['001', [0.512487, 0.645656, 0.50563], 0.08734623],
      ['010', [0.512487, 0.645656, 0.543102], 0.14381574],
      ['011', [0.512487, 0.645656, 0.543102], 0.17095011],
      ['100', [0.512487, 0.664925, 0.506571], 0.08473249],
      ['101', [0.512487, 0.664925, 0.506571], 0.08698934],
      ['110', [0.512487, 0.664925, 0.544277], 0.15529447],
      ['111', [0.512487, 0.664925, 0.544277], 0.1854707],
    ];
    const t = AR.nadeTable(EX);
    t.forEach((r, i) => {
      assert.equal(r.x.join(''), expected[i][0]);
      assertVectorClose(r.y, expected[i][1], 0, 5e-7, `y ${expected[i][0]}`);
      assertClose(r.p, expected[i][2], 0, 5e-9, `p ${expected[i][0]}`);
    });
    assertClose(t.reduce((s, r) => s + r.p, 0), 1, 1e-14);
    assertClose(-AR.nadeLogProb(EX, [1, 1, 1]), 1.68485836, 0, 5e-9);
  });

  it('parameter counts: 003 convention 785,784 (n=784, d=500), 34 (n=4, d=3), 19 (n=3, d=2); 002 D24 convention 785,284', () => {
    const withH1 = (n: number, d: number) => AR.nadeParameterCount(AR.nadeInit(n, d, rng(1), { h1: true }));
    assert.equal(withH1(784, 500), 785784);
    assert.equal(withH1(4, 3), 34);
    assert.equal(withH1(3, 2), 19);
    assert.equal(AR.nadeParameterCount(AR.nadeInit(784, 500, rng(1))), 785284);
  });

  it('incremental O(nd) = naive O(n²d) recomputation (random model n=20, d=7, with and without h_1)', () => {
    const g = rng(2);
    for (const h1 of [false, true]) {
      const m = AR.nadeInit(20, 7, g, { scale: 1, h1 });
      for (let r = 0; r < 5; r++) {
        const x = Array.from({ length: 20 }, () => (g.uniform() < 0.5 ? 1 : 0));
        assertVectorClose(AR.nadeConditionals(m, x), AR.nadeConditionalsNaive(m, x), 1e-12, 1e-15);
      }
    }
  });

  it('autoregressive property: y_k unchanged when x_k … x_n change; W_{·,n} never used (003-E75)', () => {
    const g = rng(3);
    const m = AR.nadeInit(6, 4, g, { scale: 1 });
    const x = [1, 0, 1, 1, 0, 1];
    const y = AR.nadeConditionals(m, x);
    for (let k = 0; k < 6; k++) {
      const x2 = x.map((v, j) => (j >= k ? 1 - v : v));
      assert.deepEqual(AR.nadeConditionals(m, x2).slice(0, k + 1), y.slice(0, k + 1));
    }
    const m2 = JSON.parse(JSON.stringify(m));
    m2.W.forEach((r: number[]) => (r[5] = 99));
    assert.deepEqual(AR.nadeConditionals(m2, x), y);
  });

  it('003-E73: the source form (first k columns) does not normalise (Σ = 0.96180463) and sees x_k', () => {
    const mass = AR.binaryVectors(3).reduce((s, x) => s + AR.nadeConditionalsSourceForm(EX, x).reduce((p, y, k) => p * (x[k] ? y : 1 - y), 1), 0);
    assertClose(mass, 0.9618046286, 0, 1e-9);
    assert.notEqual(AR.nadeConditionalsSourceForm(EX, [0, 0, 0])[0], AR.nadeConditionalsSourceForm(EX, [1, 0, 0])[0]);
  });

  it('hand gradient of log p(x) = central finite differences (h = 1e-6) and tf.grad (float32)', () => {
    const g = rng(4);
    const m = AR.nadeInit(5, 3, g, { scale: 0.8, h1: true });
    const x = [1, 0, 1, 1, 0];
    const { grad } = AR.nadeLogProbGrad(m, x);
    const keys: (keyof AR.NadeParams)[] = ['W', 'b', 'V', 'c', 'h1'];
    for (const key of keys) {
      const P = m[key] as number[] | number[][];
      const G = grad[key] as number[] | number[][];
      const flatIdx = Array.isArray(P[0]) ? (P as number[][]).flatMap((r, i) => r.map((_, j) => [i, j])) : (P as number[]).map((_, i) => [i]);
      for (const idx of flatIdx) {
        const get = (mm: AR.NadeParams) => (idx.length === 2 ? (mm[key] as number[][])[idx[0]] : (mm[key] as number[]));
        const j = idx[idx.length - 1];
        const mp = JSON.parse(JSON.stringify(m));
        const mm = JSON.parse(JSON.stringify(m));
        get(mp)[j] += 1e-6;
        get(mm)[j] -= 1e-6;
        const fd = (AR.nadeLogProb(mp, x) - AR.nadeLogProb(mm, x)) / 2e-6;
        const hand = idx.length === 2 ? (G as number[][])[idx[0]][j] : (G as number[])[j];
        assertClose(hand, fd, 0, 1e-7, `${key}${JSON.stringify(idx)}`);
      }
    }
    // tf.grad of an independent tf implementation: log p = Σ_k x_k log σ(a_k) + (1 − x_k) log σ(−a_k)
    const tfGrad = tf.tidy(() => {
      const f = (W: tf.Tensor, b: tf.Tensor, V: tf.Tensor, c: tf.Tensor, h1: tf.Tensor) => {
        let lp: tf.Tensor = tf.scalar(0);
        for (let k = 0; k < 5; k++) {
          const h = k === 0 ? h1 : tf.sigmoid(tf.add(b, tf.sum(tf.mul(W.slice([0, 0], [3, k]), tf.tensor1d(x.slice(0, k))), 1)));
          const a = tf.add(tf.sum(tf.mul(V.slice([k, 0], [1, 3]).reshape([3]), h)), c.slice([k], [1]).reshape([]));
          lp = tf.add(lp, tf.log(x[k] ? tf.sigmoid(a) : tf.sub(1, tf.sigmoid(a)))); // (tf.logSigmoid's gradient fails under tf.grads in tfjs 4.22)
        }
        return lp;
      };
      const gs = tf.grads(f)([tf.tensor2d(m.W), tf.tensor1d(m.b), tf.tensor2d(m.V), tf.tensor1d(m.c), tf.tensor1d(m.h1!)]);
      return gs.map((t) => t.arraySync());
    });
    assertVectorClose((tfGrad[0] as number[][]).flat(), grad.W.flat(), 0, 1e-5, 'tf W');
    assertVectorClose(tfGrad[1] as number[], grad.b, 0, 1e-5, 'tf b');
    assertVectorClose((tfGrad[2] as number[][]).flat(), grad.V.flat(), 0, 1e-5, 'tf V');
    assertVectorClose(tfGrad[3] as number[], grad.c, 0, 1e-5, 'tf c');
    assertVectorClose(tfGrad[4] as number[], grad.h1!, 0, 1e-5, 'tf h1');
  });

  it('sampler: 20,000 draws match the exact table within 4 standard errors per cell (seeded)', () => {
    const g = rng(5);
    const N = 20000;
    const counts = new Array(8).fill(0);
    for (let i = 0; i < N; i++) counts[parseInt(AR.nadeSample(EX, g).join(''), 2)]++;
    AR.nadeTable(EX).forEach((r, i) => {
      const se = Math.sqrt((r.p * (1 - r.p)) / N);
      assert.ok(Math.abs(counts[i] / N - r.p) < 4 * se, `cell ${r.x.join('')}: ${counts[i] / N} vs ${r.p}`);
    });
  });

  it('fit: Adam on data from a known NADE lowers the NLL to within 0.05 nats of the entropy of the truth (n = 4)', () => {
    const g = rng(6);
    const truth = AR.nadeInit(4, 3, g, { scale: 2 });
    const data = Array.from({ length: 2000 }, () => AR.nadeSample(truth, g));
    const H = -AR.nadeTable(truth).reduce((s, r) => s + r.p * Math.log(r.p), 0);
    const { nll } = AR.nadeFit(AR.nadeInit(4, 3, g), data, g, { epochs: 30, lr: 0.03 });
    assert.ok(nll[nll.length - 1] < nll[0]);
    assert.ok(Math.abs(nll[nll.length - 1] - H) < 0.05, `${nll[nll.length - 1]} vs H = ${H}`);
  });

  describe('bad input', () => {
    it('model not an object', () => assert.throws(() => AR.nadeConditionals(null as never, [1]), /nadeConditionals: argument model/));
    it('b of the wrong length', () => assert.throws(() => AR.nadeLogProb({ ...EX, b: [0] }, [1, 1, 1]), /nadeLogProb: model.b must have length 2/));
    it('V of the wrong shape', () => assert.throws(() => AR.nadeLogProb({ ...EX, V: [[1, 2]] }, [1, 1, 1]), /model.V must have 3 rows/));
    it('x of the wrong length', () => assert.throws(() => AR.nadeConditionals(EX, [1, 0]), /nadeConditionals: x must have length 3/));
    it('x not binary', () => assert.throws(() => AR.nadeConditionals(EX, [1, 0.5, 0]), /argument x\[1\] must be 0 or 1/));
    it('rng', () => assert.throws(() => AR.nadeSample(EX, Math.random as never), /nadeSample: argument rng/));
    it('table too large', () => assert.throws(() => AR.nadeTable(AR.nadeInit(17, 2, rng(1))), /at most 16 inputs/));
    it('fit data', () => assert.throws(() => AR.nadeFit(EX, [], rng(1)), /nadeFit: argument data/));
    it('fit epochs', () => assert.throws(() => AR.nadeFit(EX, [[1, 0, 1]], rng(1), { epochs: 0 }), /opts.epochs/));
    it('init n', () => assert.throws(() => AR.nadeInit(0, 2, rng(1)), /nadeInit: n/));
  });
});

describe('autoregressive — MADE (003 L652–673)', () => {
  it('003 inventory §4.7: M¹, M^V and the connectivity [[0,0,0],[2,0,0],[4,2,0]] for degrees (1,2,1,2)', () => {
    const m = AR.madeMasks(3, [4], [[1, 2, 1, 2]]);
    assert.deepEqual(m.masks[0], [[1, 0, 0], [1, 1, 0], [1, 0, 0], [1, 1, 0]]);
    assert.deepEqual(m.masks[1], [[0, 0, 0, 0], [1, 0, 1, 0], [1, 1, 1, 1]]);
    assert.deepEqual(AR.madeConnectivity(m.masks), [[0, 0, 0], [2, 0, 0], [4, 2, 0]]);
  });

  it('003-E81: degrees (1,2,1,2,3) → (1,1,2,1,3) reproduce the L667 mask with its sixth entries dropped', () => {
    assert.deepEqual(AR.madeHiddenMask([1, 1, 2, 1, 3], [1, 2, 1, 2, 3]), AR.SOURCE_L667_MASK.map((r) => r.slice(0, 5)));
    assert.deepEqual(AR.SOURCE_L667_MASK.map((r) => r.length), [5, 5, 6, 6, 6]);
  });

  it('random degrees, deep nets: connectivity is always strictly lower triangular (50 seeded draws)', () => {
    const g = rng(7);
    for (let i = 0; i < 50; i++) {
      const n = 2 + g.integer(8);
      const m = AR.madeMasks(n, [3 + g.integer(6), 3 + g.integer(6), 2 + g.integer(5)], g);
      assert.ok(AR.isStrictlyLowerTriangular(AR.madeConnectivity(m.masks)));
      m.degrees.slice(1).forEach((d) => d.forEach((v) => assert.ok(v >= 1 && v <= n - 1)));
    }
  });

  it('autoregressive property by the Jacobian (tf autodiff): ∂y_k/∂x_j = 0 exactly for j ≥ k, non-zero somewhere below', () => {
    const g = rng(8);
    const model = AR.madeInit(AR.madeMasks(5, [8, 8], g), g);
    const J = AR.madeJacobianTf(model, [1, 0, 1, 1, 0]);
    J.forEach((row, k) => row.forEach((v, j) => j >= k && assert.equal(v, 0, `J[${k}][${j}]`)));
    assert.ok(J.some((row, k) => row.some((v, j) => j < k && v !== 0)));
    // and the TS forward pass agrees with a finite difference of the TS forward pass at one allowed entry
    assert.ok(Math.abs(AR.madeForward(model, [1, 0, 1, 1, 0])[4] - AR.madeForward(model, [1, 0, 1, 1, 1])[4]) === 0);
  });

  it('exact enumeration: Σ_x p(x) = 1; sampling takes n passes (003 L673); fit lowers the NLL', () => {
    const g = rng(9);
    const model = AR.madeInit(AR.madeMasks(4, [6], g), g);
    const tot = AR.binaryVectors(4).reduce((s, x) => s + Math.exp(AR.madeLogProb(model, x)), 0);
    assertClose(tot, 1, 1e-12);
    assert.equal(AR.madeSample(model, g).passes, 4);
    const data = Array.from({ length: 300 }, () => { const b = g.uniform() < 0.5 ? 1 : 0; return [b, b, 1 - b, b]; });
    const { nll } = AR.madeFit(model, data, { epochs: 40, lr: 0.05, seed: 1 });
    assert.ok(nll[nll.length - 1] < 0.5 * nll[0], `${nll[0]} → ${nll[nll.length - 1]}`);
  });

  describe('bad input', () => {
    it('n', () => assert.throws(() => AR.madeMasks(1, [2], [[1, 1]]), /madeMasks: n/));
    it('hiddenSizes', () => assert.throws(() => AR.madeMasks(3, [], [] as never), /hiddenSizes must be a non-empty/));
    it('degree out of range', () => assert.throws(() => AR.madeMasks(3, [2], [[1, 3]]), /degrees\[0\]\[1\]/));
    it('degrees count', () => assert.throws(() => AR.madeMasks(3, [2, 2], [[1, 1]]), /one degree array per hidden layer/));
    it('degrees type', () => assert.throws(() => AR.madeMasks(3, [2], 'x' as never), /must be an array of degree arrays or an Rng/));
    it('connectivity shapes', () => assert.throws(() => AR.madeConnectivity([[[1, 0]], [[1, 1]]]), /masks\[1\] has 2 columns/));
    it('connectivity arity', () => assert.throws(() => AR.madeConnectivity([[[1]]]), /at least two matrices/));
    it('forward x', () => assert.throws(() => AR.madeForward(AR.madeInit(AR.madeMasks(3, [2], [[1, 2]]), rng(1)), [1]), /madeForward: x must have length 3/));
  });
});

describe('autoregressive — FVSBN (002 §7.2)', () => {
  it('002 T18 / D24: p(p+1)/2 parameters (p = 8 → 36, p = 784 → 307,720); exact table sums to 1', () => {
    const g = rng(10);
    assert.equal(AR.fvsbnParameterCount(AR.fvsbnInit(8, g)), 36);
    assert.equal(AR.fvsbnParameterCount(AR.fvsbnInit(784, g)), 307720);
    assertClose(AR.fvsbnTable(AR.fvsbnInit(8, g)).reduce((s, r) => s + r.p, 0), 1, 1e-12);
  });

  it('gradient (x_t − x̂_t)[1, x_{<t}] = central finite differences and tf.grad', () => {
    const g = rng(11);
    const W = AR.fvsbnInit(5, g);
    const x = [1, 1, 0, 1, 0];
    const G = AR.fvsbnLogProbGrad(W, x);
    W.forEach((row, t) => row.forEach((_, j) => {
      const Wp = W.map((r) => r.slice());
      const Wm = W.map((r) => r.slice());
      Wp[t][j] += 1e-6;
      Wm[t][j] -= 1e-6;
      assertClose(G[t][j], (AR.fvsbnLogProb(Wp, x) - AR.fvsbnLogProb(Wm, x)) / 2e-6, 0, 1e-7, `${t},${j}`);
    }));
    // tf.grad of log p written with tfjs ops over the full matrix (7.2.2) (column 0 = bias), independent of the hand formula
    const full = AR.fvsbnMatrix(W);
    const tfG = tf.tidy(() => {
      const f = (M: tf.Tensor) => {
        let lp: tf.Tensor = tf.scalar(0);
        for (let t = 0; t < 5; t++) {
          const feats = tf.tensor1d([1, ...x.slice(0, t), ...new Array(5 - 1 - t).fill(0)]);
          const a = tf.sum(tf.mul(M.slice([t, 0], [1, 5]).reshape([5]), feats));
          lp = tf.add(lp, tf.log(x[t] ? tf.sigmoid(a) : tf.sub(1, tf.sigmoid(a))));
        }
        return lp;
      };
      return tf.grad(f)(tf.tensor2d(full)).arraySync() as number[][];
    });
    G.forEach((row, t) => row.forEach((v, j) => assertClose(tfG[t][j], v, 0, 1e-5, `tf ${t},${j}`)));
  });

  it('fit on 4000 samples of a known FVSBN (p = 6): the MLE has NLL ≤ the truth on the same data, a vanishing gradient, and σ(w_0^{(1)}) = mean of x_1 (closed form)', () => {
    const g = rng(12);
    const truth = AR.fvsbnInit(6, g);
    const data = Array.from({ length: 4000 }, () => AR.fvsbnSample(truth, g));
    const { W, nll } = AR.fvsbnFit(data, { steps: 1500, lr: 2 });
    const nllTruth = -data.reduce((s, x) => s + AR.fvsbnLogProb(truth, x), 0) / data.length;
    assert.ok(nll[nll.length - 1] <= nllTruth + 1e-9, `${nll[nll.length - 1]} vs truth ${nllTruth}`);
    const G = W.map((r) => r.map(() => 0));
    data.forEach((x) => AR.fvsbnLogProbGrad(W, x).forEach((r, t) => r.forEach((v, j) => (G[t][j] += v / data.length))));
    assert.ok(Math.max(...G.flat().map(Math.abs)) < 1e-3, 'gradient at the fit');
    // first conditional: σ(w_0^{(1)}) is the data mean of x_1 at the MLE (closed form)
    assertClose(1 / (1 + Math.exp(-W[0][0])), data.reduce((s, x) => s + x[0], 0) / data.length, 0, 1e-4);
  });

  describe('bad input', () => {
    it('row length', () => assert.throws(() => AR.fvsbnLogProb([[0], [1]], [1, 0]), /W\[1\] must have 2 entries/));
    it('not an array', () => assert.throws(() => AR.fvsbnLogProb(3 as never, [1]), /fvsbnLogProb: argument W/));
    it('non-finite weight', () => assert.throws(() => AR.fvsbnConditionals([[NaN]], [1]), /W\[0\]\[0\] must be a finite number/));
    it('fit data', () => assert.throws(() => AR.fvsbnFit([]), /fvsbnFit: argument data/));
  });
});
