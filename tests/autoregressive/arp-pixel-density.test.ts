/**
 * AR(p), MLE = forward KL (source 002 §7), the dilated causal receptive field (extension for 002 §8), and the pixel-density
 * recursions of source 000 §2 ((2.11)–(2.14)). Expected values: oracles 000 O-16, O-18…O-22 (inventory, float64), closed forms
 * (Yule–Walker, c/(1 − Σw), C(i+j, i) − 1, H + KL), numpy (np.roots, np.linalg.lstsq) via /usr/bin/python3, seeded simulation.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as AR from '../../src/autoregressive';
import { rng } from '../../src/core/rng';
import { autocorrelation } from '../../src/sampling/diagnostics';
import { assertClose, assertVectorClose } from '../core/close';

describe('autoregressive — AR(p) and the likelihood view (002 §7)', () => {
  it('002 NB12: OLS on 20,000 simulated AR(2) values recovers w within 0.05 and c/(1 − Σw) from the fit; σ̂² ≈ σ²', () => {
    const y = AR.arSimulate(1, [0.5, -0.3], 1, 20000, rng(1));
    const f = AR.arFitOLS(y, 2);
    assertVectorClose(f.w, [0.5, -0.3], 0, 0.05, 'w');
    assertClose(f.sigma2, 1, 0, 0.05, 'σ²');
    assertClose(AR.arStationaryMean(1, [0.5, -0.3]), 1 / 0.8, 1e-15);
    const mean = y.reduce((s, v) => s + v, 0) / y.length;
    assert.ok(Math.abs(mean - 1.25) < 0.05, `sample mean ${mean}`);
  });

  it('OLS equals numpy.linalg.lstsq on random series (reference implementation)', function () {
    this.timeout(30000);
    const g = rng(2);
    const cases = [1, 2, 3].map((p) => ({ p, y: AR.arSimulate(g.uniform(-1, 1), Array.from({ length: p }, () => g.uniform(-0.3, 0.3)), 1, 200, g) }));
    const code = 'import json,sys\nimport numpy as np\nout=[]\nfor c in json.load(sys.stdin):\n  y=np.array(c["y"]);p=c["p"]\n  X=np.column_stack([np.ones(len(y)-p)]+[y[p-1-i:len(y)-1-i] for i in range(p)])\n  out.append(np.linalg.lstsq(X,y[p:],rcond=None)[0].tolist())\nprint(json.dumps(out))';
    const py = spawnSync('/usr/bin/python3', ['-c', code], { input: JSON.stringify(cases), encoding: 'utf8' });
    assert.equal(py.status, 0, py.stderr);
    const ref = JSON.parse(py.stdout) as number[][];
    cases.forEach((c, i) => {
      const f = AR.arFitOLS(c.y, c.p);
      assertVectorClose([f.c, ...f.w], ref[i], 1e-9, 1e-12, `p = ${c.p}`);
    });
  });

  it('characteristic roots = numpy.roots of 1 − Σ w_i z^i; stationarity: AR(1) |w| < 1, AR(2) triangle', function () {
    this.timeout(30000);
    const g = rng(3);
    const ws = Array.from({ length: 6 }, (_, i) => Array.from({ length: 1 + (i % 3) }, () => g.uniform(-1.2, 1.2)));
    const py = spawnSync('/usr/bin/python3', ['-c', 'import json,sys\nimport numpy as np\nprint(json.dumps([sorted(np.abs(np.roots([-v for v in w[::-1]]+[1])).tolist()) for w in json.load(sys.stdin)]))'], { input: JSON.stringify(ws), encoding: 'utf8' });
    assert.equal(py.status, 0, py.stderr);
    const ref = JSON.parse(py.stdout) as number[][];
    ws.forEach((w, i) => assertVectorClose(AR.arCharacteristicRoots(w).roots.map((z) => Math.hypot(z.re, z.im)).sort((a, b) => a - b), ref[i], 1e-8, 0, `w = ${w}`));
    assert.equal(AR.arCharacteristicRoots([0.9]).stationary, true);
    assert.equal(AR.arCharacteristicRoots([1.1]).stationary, false);
    assert.equal(AR.arCharacteristicRoots([0.5, 0.6]).stationary, false); // w1 + w2 > 1
    assert.equal(AR.arCharacteristicRoots([0.5, -0.3]).stationary, true);
  });

  it('Yule–Walker autocorrelations: AR(1) ρ_k = w^k; AR(2) ρ_1 = w_1/(1 − w_2); both match the sample ACF of a long simulation', () => {
    assertVectorClose(AR.arAutocorrelation([0.7], 4), [1, 0.7, 0.49, 0.343, 0.2401], 1e-12);
    assertClose(AR.arAutocorrelation([0.5, -0.3], 1)[1], 0.5 / 1.3, 1e-12);
    const y = AR.arSimulate(0, [0.5, -0.3], 1, 50000, rng(4));
    const acf = autocorrelation(y, 5);
    AR.arAutocorrelation([0.5, -0.3], 5).forEach((r, k) => assert.ok(Math.abs(acf[k] - r) < 0.03, `lag ${k}: ${acf[k]} vs ${r}`));
  });

  it('002 NB12: NLL = H(p_data) + KL(p_data ‖ q) to 1e-12 on random distributions; the MLE of p(x1)p(x2|x1) has KL 0 to the empirical', () => {
    const g = rng(5);
    for (let r = 0; r < 20; r++) {
      const raw = Array.from({ length: 6 }, () => g.uniform(0.01, 1));
      const raw2 = Array.from({ length: 6 }, () => g.uniform(0.01, 1));
      const p = raw.map((v) => v / raw.reduce((a, b) => a + b));
      const q = raw2.map((v) => v / raw2.reduce((a, b) => a + b));
      const d = AR.nllDecomposition(p, q);
      assert.ok(Math.abs(d.gap) < 1e-12);
      assert.ok(d.kl > 0);
    }
    const counts = [30, 10, 20, 40];
    const fit = AR.fitBinaryPairAR(counts);
    assertVectorClose(fit.joint, counts.map((c) => c / 100), 1e-12);
    assertClose(AR.nllDecomposition(counts.map((c) => c / 100), fit.joint).kl, 0, 0, 1e-15);
  });

  it('extension (002 §8): WaveNet dilations 1…512 with k = 2 see 1024 samples; offsets by set propagation agree with 1 + Σ(k−1)d', () => {
    assert.equal(AR.dilatedCausalReceptiveField(2, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]), 1024);
    assert.deepEqual(AR.dilatedCausalOffsets(2, [1, 2, 4]), [-7, -6, -5, -4, -3, -2, -1, 0]);
    assert.equal(AR.dilatedCausalOffsets(3, [1, 3, 9]).length, AR.dilatedCausalReceptiveField(3, [1, 3, 9]));
    assert.equal(AR.dilatedCausalOffsets(2, [1, 1, 1]).length, 4);
  });

  describe('bad input', () => {
    it('arSimulate sigma', () => assert.throws(() => AR.arSimulate(0, [0.5], -1, 10, rng(1)), /arSimulate: sigma/));
    it('arSimulate T', () => assert.throws(() => AR.arSimulate(0, [0.5], 1, 0, rng(1)), /arSimulate: T/));
    it('arSimulate rng', () => assert.throws(() => AR.arSimulate(0, [0.5], 1, 5, {} as never), /argument rng/));
    it('arSimulate init length', () => assert.throws(() => AR.arSimulate(0, [0.5, 0.1], 1, 5, rng(1), { init: [1] }), /opts.init must have p = 2/));
    it('arFitOLS too short', () => assert.throws(() => AR.arFitOLS([1, 2, 3], 1), /at least 2p \+ 2 = 4/));
    it('arFitOLS p', () => assert.throws(() => AR.arFitOLS([1, 2, 3, 4, 5], 0), /arFitOLS: p/));
    it('roots: zero last coefficient', () => assert.throws(() => AR.arCharacteristicRoots([0.5, 0]), /non-zero last coefficient/));
    it('stationary mean of a non-stationary process', () => assert.throws(() => AR.arStationaryMean(1, [1.2]), /must define a stationary AR/));
    it('nllDecomposition lengths', () => assert.throws(() => AR.nllDecomposition([0.5, 0.5], [1 / 3, 1 / 3, 1 / 3]), /same length/));
    it('nllDecomposition not a distribution', () => assert.throws(() => AR.nllDecomposition([0.5, 0.6], [0.5, 0.5]), /pData must sum to 1/));
    it('fitBinaryPairAR zeros', () => assert.throws(() => AR.fitBinaryPairAR([0, 0, 0, 0]), /must not all be 0/));
    it('dilations', () => assert.throws(() => AR.dilatedCausalReceptiveField(2, [1, 0]), /dilations\[1\]/));
  });
});

describe('autoregressive — pixel density, RNN, LSTM (000 §2)', () => {
  const chain = AR.markovChainModel(4, 0.6, 0.8, 0.3);
  it('000 O-18: P(1,1,0,1) = 0.0288; Σ over 16 sequences = 1; Π_{i=3,4} = 0.06 (conditional) vs marginal 0.12 (E26)', () => {
    assertClose(AR.pdProb(chain, [1, 1, 0, 1]), 0.0288, 1e-12);
    let s = 0;
    for (let m = 0; m < 16; m++) s += AR.pdProb(chain, [3, 2, 1, 0].map((b) => (m >> b) & 1));
    assertClose(s, 1, 1e-14);
    assertClose(AR.pdRemainingProduct(chain, [1, 1, 0, 1], 2), 0.06, 1e-12);
    assertClose(AR.pdRemainingProduct(chain, [1, 1, 0, 1], 2), AR.pdProb(chain, [1, 1, 0, 1]) / (0.6 * 0.8), 1e-12);
    assertClose(AR.pdMarginalTail(chain, [0, 1]), 0.12, 1e-12);
  });

  it('000 O-16: n = 3 (9 pixels) with k = 2 seeds → exactly 7 conditional draws', () => {
    let calls = 0;
    const m: AR.BinaryARModel = { n: 9, cond: (prefix) => { calls++; return 0.3 + 0.4 * (prefix.at(-1) ?? 0); } };
    const r = AR.pdSampleSequential(m, [1, 0], rng(6));
    assert.equal(r.draws, 7);
    assert.equal(calls, 7);
    assert.deepEqual(r.x.slice(0, 2), [1, 0]);
  });

  it('sequential sampling of the O-18 chain reproduces the exact marginal P(x_4 = 1) within 4 SE (seeded)', () => {
    const g = rng(7);
    const N = 20000;
    let ones = 0;
    for (let i = 0; i < N; i++) ones += AR.pdSampleSequential(chain, [], g).x[3];
    const exact = AR.pdMarginalTail(chain, [1]);
    assert.ok(Math.abs(ones / N - exact) < 4 * Math.sqrt(exact * (1 - exact) / N));
  });

  it('000 O-19: RNN step h1 = tanh(0.54) = 0.49298796667532435, o1 = σ(2h1) = 0.7282923615139115', () => {
    const r = AR.rnnStep({ Wh: [[0.5]], Uh: [[-0.3]], bh: [0.1], Wo: [[2]], bo: [0] }, [1], [0.2]);
    assertClose(r.h[0], 0.49298796667532435, 1e-15);
    assertClose(r.o[0], 0.7282923615139115, 1e-15);
    assert.equal(AR.rnnUnroll({ Wh: [[0.5]], Uh: [[-0.3]], bh: [0.1], Wo: [[2]], bo: [0] }, [[1], [0]], [0.2]).h.length, 2);
  });

  it('000 O-20: two LSTM steps (W = 0.5, U = −0.5, b = 0): c2 = −0.08581548350278288, h2 = −0.030586185298732336', () => {
    const u = AR.lstmUnroll(AR.lstmConstantParams(1, 1, 0.5, -0.5, 0), [[1], [-1]], [0], [0]);
    assertClose(u.gates.f[0][0], 0.6224593312018546, 1e-15);
    assertClose(u.gates.g[0][0], 0.46211715726000974, 1e-15);
    assertClose(u.c[0][0], 0.28764913664496794, 1e-15);
    assertClose(u.h[0][0], 0.17426971865610508, 1e-15);
    assertClose(u.gates.f[1][0], 0.35729252031240055, 1e-15);
    assertClose(u.gates.g[1][0], -0.5278318402396295, 1e-15);
    assertClose(u.c[1][0], -0.08581548350278288, 1e-14);
    assertClose(u.h[1][0], -0.030586185298732336, 1e-13);
  });

  it('000 O-21 (E28): biases 10 → c = 0.99995…, 1.99986…, 2.99973… leaves [−1, 1]; h stays in (−1, 1)', () => {
    const u = AR.lstmUnroll(AR.lstmConstantParams(1, 1, 0, 0, 10), [[0], [0], [0]], [0], [0]);
    assertVectorClose(u.c.map((c) => c[0]), [0.9999545980091775, 1.9998638002108062, 2.999727608665759], 1e-14);
    assertVectorClose(u.h.map((h) => h[0]), [0.7615405, 0.9639742, 0.9950069], 0, 5e-8);
  });

  it('000 O-22 (E29): ideal gates give c_{i,j} = C(i+j, i) − 1 (c11 = 1, c12 = 2, c22 = 5, c33 = 19); 4 neighbours grow faster', () => {
    const c = AR.idealCellGrid(8);
    assert.deepEqual([c[0][0], c[0][1], c[1][1], c[2][2]], [1, 2, 5, 19]);
    for (let i = 1; i <= 8; i++) for (let j = 1; j <= 8; j++) assert.equal(c[i - 1][j - 1], AR.binomial(i + j, i) - 1);
    const c4 = AR.idealCellGrid(8, 4);
    assert.ok(c4[7][7] > c[7][7]);
  });

  it('2-D LSTM (2.14): h ∈ (−1, 1); with 1×n images the 2-neighbour grid reduces to the 1-D LSTM with U as recurrence', () => {
    const g = rng(8);
    const d = 3;
    const mat = () => Array.from({ length: d }, () => Array.from({ length: d }, () => g.normal()));
    const P = {} as AR.Lstm2dParams;
    const P1 = {} as AR.LstmParams;
    for (const k of AR.LSTM_GATES) {
      const W = Array.from({ length: d }, () => g.normal());
      const U = mat();
      const b = Array.from({ length: d }, () => g.normal());
      P[k] = { W, U, V: mat(), R: mat(), S: mat(), b };
      P1[k] = { W: W.map((w) => [w]), U, b };
    }
    const row = [1, 0, 1, 1, 0];
    const grid = AR.lstm2dGrid(P, [row]);
    const lstm = AR.lstmUnroll(P1, row.map((v) => [v]), new Array(d).fill(0), new Array(d).fill(0));
    grid.H[0].forEach((h, j) => assertVectorClose(h, lstm.h[j], 1e-14));
    const big = AR.lstm2dGrid(P, [[1, 0, 1], [0, 1, 1], [1, 1, 0]], { neighbours: 4 });
    big.H.flat(2).forEach((v) => assert.ok(Math.abs(v) < 1));
  });

  describe('bad input', () => {
    it('markovChainModel probability', () => assert.throws(() => AR.markovChainModel(4, 1.2, 0.5, 0.5), /markovChainModel: p1/));
    it('pdProb length', () => assert.throws(() => AR.pdProb(chain, [1, 0]), /x must have n = 4 values/));
    it('pdProb not binary', () => assert.throws(() => AR.pdProb(chain, [1, 0, 2, 1]), /x\[2\] must be 0 or 1/));
    it('pdProb model', () => assert.throws(() => AR.pdProb({} as never, [1]), /argument model must be/));
    it('pdRemainingProduct k', () => assert.throws(() => AR.pdRemainingProduct(chain, [1, 1, 0, 1], 5), /pdRemainingProduct: k/));
    it('pdSampleSequential prefix too long', () => assert.throws(() => AR.pdSampleSequential(chain, [1, 1, 1, 1, 1], rng(1)), /at most 4 values/));
    it('rnnStep x length', () => assert.throws(() => AR.rnnStep({ Wh: [[0.5]], Uh: [[-0.3]], bh: [0.1], Wo: [[2]], bo: [0] }, [1, 2], [0.2]), /rnnStep: x must have length 1/));
    it('lstmStep missing gate', () => assert.throws(() => AR.lstmStep({ f: AR.lstmConstantParams(1, 1, 0, 0, 0).f } as never, [1], [0], [0]), /params.i must be/));
    it('lstmStep c length', () => assert.throws(() => AR.lstmStep(AR.lstmConstantParams(1, 1, 0, 0, 0), [1], [0], [0, 0]), /lstmStep: c must have length 1/));
    it('lstm2dGrid neighbours', () => assert.throws(() => AR.lstm2dGrid(null, [[0]], { neighbours: 3 as never, idealGates: true }), /opts.neighbours must be 2 or 4/));
    it('lstm2dGrid params', () => assert.throws(() => AR.lstm2dGrid(null, [[0]]), /argument params must be/));
    it('idealCellGrid n', () => assert.throws(() => AR.idealCellGrid(0), /idealCellGrid: n/));
  });
});
