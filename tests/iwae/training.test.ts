import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import * as iwae from '../../src/iwae';
import * as vae from '../../src/vae';
import { rng } from '../../src/core/rng';
import { close, throwsWith } from '../vae/helpers';

describe('iwae/training — the K-sample bound on the tfjs VAE', function () {
  this.timeout(300000);

  // A linear VAE is the linear-Gaussian model: decoder u → 1.5u + 0.2 (σ² = 1), encoder x → (0.4x + 0.1, a = −0.3).
  const linearVae = () => {
    const m = vae.createVae({ dataDim: 1, latentDim: 1, hidden: [], seed: 0 });
    m.encoderLayers[0].W.assign(tf.tensor2d([[0.4, 0]]));
    m.encoderLayers[0].b.assign(tf.tensor1d([0.1, -0.3]));
    m.decoderLayers[0].W.assign(tf.tensor2d([[1.5]]));
    m.decoderLayers[0].b.assign(tf.tensor1d([0.2]));
    return m;
  };

  it('linear VAE: the tfjs L̂_K averages to the exact L_K of the linear-Gaussian model (quadrature), K = 1 and 5', () => {
    const m = linearVae();
    const x = 1.2;
    const q = vae.gaussianQ1d(0.4 * x + 0.1, Math.exp(-0.3));
    const ex = iwae.lgIwae1d(vae.linearGaussian([[1.5]], [0.2], 1), [x], q, { nz: 2000, nu: 2000 });
    for (const K of [1, 5]) {
      const ll = iwae.iwaeLogLikelihood(m, Array.from({ length: 4000 }, () => [x]), K, rng(K));
      const sd = Math.sqrt(ll.perExample.reduce((s, v) => s + (v - ll.mean) ** 2, 0) / (ll.perExample.length - 1));
      assert.ok(Math.abs(ll.mean - ex.bound(K)) < 4 * sd / Math.sqrt(4000) + 1e-4, `K=${K}: ${ll.mean} vs ${ex.bound(K)}`);
    }
    // per-draw: the tfjs log-weights equal the float64 ones for the same ε
    const eps = [[0.3], [-1.1], [0.8]];
    const lw = tf.tidy(() => iwae.iwaeLogWeightsTf(m, tf.tensor2d([[x]]), tf.tensor3d(eps.map((e) => [e]))).arraySync() as number[][]);
    const ref = iwae.lgIwaeGradientAt(vae.linearGaussian([[1.5]], [0.2], 1), [x], { mean: [0.4 * x + 0.1], logvar: [-0.3] }, eps).logW;
    lw.forEach((row, k) => close(row[0], ref[k], 1e-4));
    m.dispose();
  });

  it('tf autodiff of the IWAE loss w.r.t. the encoder bias (μ, a) = the hand-derived Σ W̃ ∇ log w', () => {
    const m = linearVae();
    const x = 1.2;
    const eps = [[0.3], [-1.1], [0.8], [0.1]];
    const { grads } = tf.variableGrads(() => iwae.iwaeLossTf(m, tf.tensor2d([[x]]), tf.tensor3d(eps.map((e) => [e]))), [m.encoderLayers[0].b]);
    const gb = grads[m.encoderLayers[0].b.name].dataSync();
    const hand = iwae.lgIwaeGradientAt(vae.linearGaussian([[1.5]], [0.2], 1), [x], { mean: [0.4 * x + 0.1], logvar: [-0.3] }, eps);
    close(-gb[0], hand.mean[0], 1e-4);
    close(-gb[1], hand.logvar[0], 1e-4);
    m.dispose();
  });

  it('trainIwae raises the training bound on toy data; activeUnits counts variances above 10⁻²; the comparison runs', async () => {
    const d = vae.toyBlobs(120, rng(1), { dim: 6 });
    const m = vae.createVae({ dataDim: 6, latentDim: 3, hidden: [16], seed: 2 });
    const h = await iwae.trainIwae(m, d.x, { k: 5, epochs: 6, batchSize: 40, learningRate: 5e-3, rng: rng(3) });
    assert.equal(h.length, 6);
    assert.ok(h[5].bound > h[0].bound, `${h[0].bound} → ${h[5].bound}`);
    const au = iwae.activeUnits(m, d.x);
    assert.equal(au.variances.length, 3);
    assert.equal(au.active, au.variances.filter((v) => v > 0.01).length);
    const test = vae.toyBlobs(30, rng(9), { dim: 6 }).x;
    const big = iwae.iwaeLogLikelihood(m, test, 200, rng(4));
    const one = iwae.iwaeLogLikelihood(m, test, 1, rng(4));
    assert.ok(big.mean > one.mean, 'L_200 ≥ L_1 on average');
    m.dispose();
    const cfg = { ...iwae.iwaeComparisonPreset('fast'), nTrain: 60, epochs: 1, kEval: 10 };
    const bin = (rows: number[][]) => rows.map((r) => r.map((v) => (v > 0 ? 1 : 0)));
    const res = await iwae.compareIwaeVae({ train: bin(d.x.slice(0, 60)), test: bin(test) }, { ...cfg, latentDim: 2, hidden: [8] });
    assert.equal(res.vae.k, 1);
    assert.equal(res.iwae.k, 5);
    assert.ok(res.iwae.testLogLik >= res.iwae.testElbo - 0.5);
  });

  it('validates inputs', () => {
    const m = vae.createVae({ dataDim: 2, latentDim: 1, hidden: [], seed: 0 });
    throwsWith(() => iwae.iwaeLogLikelihood({} as never, [[0, 0]], 2, rng(1)), TypeError, /vae must come from vae.createVae/);
    throwsWith(() => iwae.iwaeLogLikelihood(m, [[0, 0, 0]], 2, rng(1)), RangeError, /rows must have 2 entries/);
    throwsWith(() => iwae.iwaeLogLikelihood(m, [[0, 0]], 0, rng(1)), RangeError, /K must be an integer/);
    throwsWith(() => iwae.activeUnits(m, [[0, 0]], -1), RangeError, /threshold/);
    throwsWith(() => iwae.iwaeLogWeightsTf(m, tf.zeros([1, 2]), tf.zeros([2, 3, 1])), RangeError, /eps must be \[K, 1, 1\]/);
    throwsWith(() => iwae.iwaeComparisonPreset('huge' as never), RangeError, /name must be 'fast' or 'full'/);
    return assert.rejects(iwae.trainIwae(m, [[0, 0]], { k: 0, epochs: 1, rng: rng(1) }), /opts.k must be an integer/).finally(() => m.dispose());
  });
});
