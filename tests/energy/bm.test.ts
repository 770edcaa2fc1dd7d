import { strict as assert } from 'assert';
import * as energy from '../../src/energy';
import * as counting from '../../src/counting';
import { bitFlipSampler } from '../../src/sampling/mh';
import { rng } from '../../src/core/rng';
import { tf } from '../../src/core/backend';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);
const O29 = energy.bmFromUpper([1, -1, 0.5], [0.1, -0.2, 0.3]);
const DATA = [
  [1, 0, 1],
  [1, 1, 0],
  [0, 0, 1],
  [1, 0, 1],
];

describe('energy/bm — Boltzmann machine of 000 §3 (Eqs. 3.16–3.19)', () => {
  it('000 O-29: E(1,0,1) = 0.6 and the exact table by enumeration, Z = 11.118046733841595', () => {
    close(energy.bmEnergy(O29, [1, 0, 1]), 0.6, 1e-12);
    const d = energy.bmDistribution(O29, 1);
    const E = [0, -0.3, 0.2, -0.6, -0.1, 0.6, -0.9, -0.7];
    const P = [0.0899439, 0.1214115, 0.0736398, 0.1638884, 0.0994033, 0.0493622, 0.2212262, 0.1811247];
    d.energies.forEach((e, s) => close(e, E[s], 1e-12, `E(state ${s})`));
    d.probs.forEach((p, s) => close(p, P[s], 5e-8, `P(state ${s})`));
    close(d.Z, 11.118046733841595, 1e-12);
    close(d.logZ, 2.408569619962054, 1e-12);
  });

  it('κT rescales the energies: P at κT = 2 equals P at κT = 1 of the machine with halved parameters (closed form)', () => {
    const half = energy.bmFromUpper([0.5, -0.5, 0.25], [0.05, -0.1, 0.15]);
    const a = energy.bmDistribution(O29, 2).probs;
    const b = energy.bmDistribution(half, 1).probs;
    a.forEach((p, s) => close(p, b[s], 1e-14));
  });

  it('000 O-30: exact gradient at x = (1,0,1) (positive minus negative phase) and the tutorial (3.18) row', () => {
    const g = energy.bmGradExact(O29, [[1, 0, 1]]);
    close(g.dW[0][1], -0.40235087, 5e-9);
    close(g.dW[0][2], 0.76951308, 5e-9);
    close(g.dW[1][2], -0.34501308, 5e-9);
    [0.44888356, -0.63987907, 0.48421318].forEach((x, i) => close(g.db[i], x, 5e-9, `db[${i}]`));
    const s = energy.bmGradSource(O29, [[1, 0, 1]]);
    assert.deepEqual([s.dW[0][1], s.dW[0][2], s.dW[1][2]], [0, 1, 0]);
    assert.deepEqual(s.db, [1, 0, 1]);
  });

  it('the exact gradient equals central finite differences of the exact average log-likelihood (enumeration)', () => {
    const h = 1e-6;
    const g = energy.bmGradExact(O29, DATA);
    const upper = [1, -1, 0.5];
    const pairs = [
      [0, 1],
      [0, 2],
      [1, 2],
    ];
    pairs.forEach(([i, j], k) => {
      const up = upper.slice();
      const dn = upper.slice();
      up[k] += h;
      dn[k] -= h;
      const fd = (energy.bmLogLikelihood(energy.bmFromUpper(up, O29.b), DATA) - energy.bmLogLikelihood(energy.bmFromUpper(dn, O29.b), DATA)) / (2 * h);
      close(g.dW[i][j], fd, 1e-8, `w${i + 1}${j + 1}`);
    });
    for (let i = 0; i < 3; i++) {
      const up = O29.b.slice();
      const dn = O29.b.slice();
      up[i] += h;
      dn[i] -= h;
      const fd = (energy.bmLogLikelihood({ W: O29.W, b: up }, DATA) - energy.bmLogLikelihood({ W: O29.W, b: dn }, DATA)) / (2 * h);
      close(g.db[i], fd, 1e-8, `b${i + 1}`);
    }
  });

  it('the exact gradient equals tf.grad of the enumerated log-likelihood', () => {
    const states = energy.bmDistribution(O29).states;
    const S = tf.tensor2d(states); // 8 × 3
    const X = tf.tensor2d(DATA);
    const negE = (x: tf.Tensor2D, w: tf.Tensor1D, b: tf.Tensor1D) => {
      const x1 = x.slice([0, 0], [-1, 1]);
      const x2 = x.slice([0, 1], [-1, 1]);
      const x3 = x.slice([0, 2], [-1, 1]);
      const pair = tf.concat([tf.mul(x1, x2), tf.mul(x1, x3), tf.mul(x2, x3)], 1);
      return tf.add(tf.sum(tf.mul(pair, w), 1), tf.sum(tf.mul(x, b), 1));
    };
    const ll = (w: tf.Tensor1D, b: tf.Tensor1D) => tf.sub(tf.mean(negE(X as tf.Tensor2D, w, b)), tf.log(tf.sum(tf.exp(negE(S as tf.Tensor2D, w, b))))) as tf.Scalar;
    const [gw, gb] = tf.grads((w: tf.Tensor, b: tf.Tensor) => ll(w as tf.Tensor1D, b as tf.Tensor1D))([tf.tensor1d([1, -1, 0.5]), tf.tensor1d(O29.b)]);
    const g = energy.bmGradExact(O29, DATA);
    const w = gw.arraySync() as number[];
    close(w[0], g.dW[0][1], 1e-5);
    close(w[1], g.dW[0][2], 1e-5);
    close(w[2], g.dW[1][2], 1e-5);
    (gb.arraySync() as number[]).forEach((x, i) => close(x, g.db[i], 1e-5, `b${i}`));
  });

  it('000 O-33 (with AUDIT-NOTES): full-batch training, γ = 0.1 — exact rule −2.079442, −1.843645, −1.567190, −1.316207 (199), −1.315225 (200); tutorial rule −1.975012, −5.081490, −19.900048, −20.000045', () => {
    const ex = energy.bmTrain(DATA, { rule: 'exact', steps: 200, gamma: 0.1 });
    const src = energy.bmTrain(DATA, { rule: 'source', steps: 200, gamma: 0.1 });
    [-2.079442, -1.843645, -1.56719, -1.316207, -1.315225].forEach((v, k) => close(ex.history[[0, 10, 50, 199, 200][k]].logLik, v, 5e-7));
    [-2.079442, -1.975012, -5.08149, -19.900048, -20.000045].forEach((v, k) => close(src.history[[0, 10, 50, 199, 200][k]].logLik, v, 5e-7));
    // O-33: tutorial weights grow linearly: after 200 steps w12 = 200·0.1·¼ = 5, b = (15, 5, 15)
    close(src.bm.W[0][1], 5, 1e-12);
    [15, 5, 15].forEach((x, i) => close(src.bm.b[i], x, 1e-10));
    close(ex.bm.W[0][1], 0.957, 5e-4);
    // no convergence test: the exact rule has no finite optimum on this data (AUDIT-NOTES)
  });

  it('000 O-35: clipped propagation from (1,0,1) gives (0,1,0) with or without the bias; E = 0.2, ΔE = −0.4', () => {
    assert.deepEqual(energy.bmPropagate(O29, [1, 0, 1]), [0, 1, 0]);
    assert.deepEqual(energy.bmPropagate(O29, [1, 0, 1], { withBias: true }), [0, 1, 0]);
    close(energy.bmEnergy(O29, [0, 1, 0]) - energy.bmEnergy(O29, [1, 0, 1]), -0.4, 1e-12);
    assert.deepEqual(energy.bmPropagate(O29, [1, 0, 1], { clamped: [true, false, false] }), [1, 1, 0]);
    assert.equal(energy.clipUnit(1.7), 1);
    assert.equal(energy.clipUnit(-0.2), 0);
    assert.equal(energy.clipUnit(0.3), 0.3);
  });

  it('000 O-36: connection counts n = 10 → 45 vs k = 4 → 24; n = 5, k = 2 → 10 vs 6; the mask has k(n−k) ones above the diagonal', () => {
    assert.equal(counting.bmConnections(10), 45);
    assert.equal(counting.rbmConnections(4, 10), 24);
    assert.equal(counting.bmConnections(5), 10);
    assert.equal(counting.rbmConnections(2, 5), 6);
    const M = energy.rbmMask(4, 10);
    let up = 0;
    for (let i = 0; i < 10; i++) for (let j = i + 1; j < 10; j++) up += M[i][j];
    assert.equal(up, 24);
    assert.equal(counting.rbmParameters(1024, 100), 103524); // 003 §4.3
  });

  it('000 O-34 through sampling.bitFlipSampler (Metropolis, uniform test): frequencies within 4 SE of the exact table', () => {
    const n = 60000;
    const res = bitFlipSampler({ energy: (x) => energy.bmEnergy(O29, Array.from(x)), n: 3, kT: 1, nSteps: n, burnIn: 1000, rng: rng(34) });
    const P = energy.bmDistribution(O29).probs;
    // correlated chain: allow an integrated autocorrelation time of up to ~10 steps
    P.forEach((p, s) => close(res.frequencies[s], p, 4 * Math.sqrt((10 * p * (1 - p)) / n), `state ${s}`));
  });

  describe('validation', () => {
    it('bmEnergy: W not symmetric, non-zero diagonal, x not binary, wrong length', () => {
      assert.throws(() => energy.bmEnergy({ W: [[0, 1], [2, 0]], b: [0, 0] }, [1, 0]), /bmEnergy: bm.W must be symmetric/);
      assert.throws(() => energy.bmEnergy({ W: [[1, 0], [0, 0]], b: [0, 0] }, [1, 0]), /bmEnergy: bm.W\[0\]\[0\] must be 0/);
      assert.throws(() => energy.bmEnergy(O29, [1, 0.5, 0]), /bmEnergy: x\[1\] must be 0 or 1 \(got 0.5\)/);
      assert.throws(() => energy.bmEnergy(O29, [1, 0]), /bmEnergy: x must have length 3/);
      assert.throws(() => energy.bmEnergy(null as never, [1, 0]), TypeError);
      assert.throws(() => energy.bmEnergy({ W: [[0, 1], [1, 0]], b: [0] }, [1, 0]), /bm.b must have length 2/);
    });
    it('bmDistribution: kT ≤ 0; bmFromUpper: wrong upper length', () => {
      assert.throws(() => energy.bmDistribution(O29, 0), /bmDistribution: kT/);
      assert.throws(() => energy.bmFromUpper([1, 2], [0, 0, 0]), /bmFromUpper: upper must have length 3/);
    });
    it('bmTrain: unknown rule, negative steps, empty data, non-binary data', () => {
      assert.throws(() => energy.bmTrain(DATA, { rule: 'hebb' as never, steps: 1 }), /opts.rule/);
      assert.throws(() => energy.bmTrain(DATA, { rule: 'exact', steps: -1 }), /opts.steps/);
      assert.throws(() => energy.bmTrain([], { rule: 'exact', steps: 1 }), /bmTrain: data must be a non-empty array/);
      assert.throws(() => energy.bmTrain([[1, 2, 0]], { rule: 'exact', steps: 1 }), /data\[0\]\[1\] must be 0 or 1/);
      assert.throws(() => energy.bmTrain(DATA, { rule: 'exact', steps: 1, gamma: 0 }), /opts.gamma/);
      assert.throws(() => energy.bmTrain([[1, 0, 1], [1, 0]], { rule: 'exact', steps: 1 }), /bmTrain: data\[1\] must have length 3/);
      assert.throws(() => energy.bmTrain([[]], { rule: 'exact', steps: 1 }), /bmTrain: data\[0\].length must be an integer in \[1, 20\]/);
    });
    it('bmGradExact / bmGradSource / bmLogLikelihood: data rows of the wrong length', () => {
      assert.throws(() => energy.bmGradExact(O29, [[1, 0]]), /bmGradExact: data\[0\] must have length 3/);
      assert.throws(() => energy.bmGradSource(O29, [[1, 0]]), /bmGradSource: data\[0\] must have length 3/);
      assert.throws(() => energy.bmLogLikelihood(O29, []), /bmLogLikelihood: data must be a non-empty array/);
    });
    it('bmPropagate: x outside [0, 1], clamped of the wrong length; clipUnit: NaN; rbmMask: k out of range', () => {
      assert.throws(() => energy.bmPropagate(O29, [2, 0, 0]), /bmPropagate: x\[0\] must be in \[0, 1\]/);
      assert.throws(() => energy.bmPropagate(O29, [1, 0, 0], { clamped: [true] }), /opts.clamped must be an array of 3/);
      assert.throws(() => energy.clipUnit(NaN), /clipUnit: x/);
      assert.throws(() => energy.rbmMask(0, 5), /rbmMask: k/);
      assert.throws(() => energy.rbmMask(2, 1), /rbmMask: n/);
    });
    it('counting: bmConnections(0), rbmConnections(k ≥ n), rbmParameters(1.5)', () => {
      assert.throws(() => counting.bmConnections(0), /bmConnections: n/);
      assert.throws(() => counting.rbmConnections(5, 5), /rbmConnections: k/);
      assert.throws(() => counting.rbmParameters(1.5, 3), /rbmParameters: m/);
    });
  });
});
