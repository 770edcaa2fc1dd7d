import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import * as vae from '../../src/vae';
import { rng } from '../../src/core/rng';
import { close, throwsWith } from './helpers';

describe('vae/model — the tfjs VAE', function () {
  this.timeout(120000);

  it('same seed ⇒ same network; parameter count of a D-H-2P / P-H-D MLP pair', () => {
    const a = vae.createVae({ dataDim: 4, latentDim: 2, hidden: [8], seed: 3 });
    const b = vae.createVae({ dataDim: 4, latentDim: 2, hidden: [8], seed: 3 });
    assert.deepEqual(Array.from(a.encoderVariables()[0].dataSync()), Array.from(b.encoderVariables()[0].dataSync()));
    assert.equal(a.parameterCount(), 4 * 8 + 8 + 8 * 4 + 4 + (2 * 8 + 8 + 8 * 4 + 4));
    a.dispose();
    b.dispose();
  });

  it('linear VAE = linear-Gaussian model: its expected loss is −ELBO in closed form (MC, 4 SE) and tf.grad matches the hand-derived single-sample gradient', () => {
    const m = vae.createVae({ dataDim: 1, latentDim: 1, hidden: [], seed: 0 });
    // encoder x → (μ, a) = (0.4x + 0.1, −0.3); decoder u → 1.5u + 0.2
    m.encoderLayers[0].W.assign(tf.tensor2d([[0.4, 0]]));
    m.encoderLayers[0].b.assign(tf.tensor1d([0.1, -0.3]));
    m.decoderLayers[0].W.assign(tf.tensor2d([[1.5]]));
    m.decoderLayers[0].b.assign(tf.tensor1d([0.2]));
    const x = 1.2;
    const mq = 0.4 * x + 0.1;
    const v = Math.exp(-0.3);
    const exact = vae.lgElbo(vae.linearGaussian([[1.5]], [0.2], 1), [x], vae.gaussianQ1d(mq, v)).elbo;
    const ev = m.evaluate([[x]], rng(1), 4000);
    // per-sample sd of −log p(x|u) here is about w²v·… < 1.5; 4000 samples → SE < 0.03
    close(ev.elbo, exact, 0.08);
    close(ev.kl, vae.klLogVar([mq], [-0.3]), 1e-5);
    const eps = 0.6;
    const u = mq + Math.sqrt(v) * eps;
    const hand = -(x - 1.5 * u - 0.2) * u; // ∂/∂w of ½(x − w u − c)²
    const gw = tf.variableGrads(() => tf.sum(m.lossTerms(tf.tensor2d([[x]]), tf.tensor2d([[eps]])).recon) as tf.Scalar, [m.decoderLayers[0].W]);
    close(gw.grads[m.decoderLayers[0].W.name].dataSync()[0], hand, 1e-5);
    m.dispose();
  });

  it('standard training raises the ELBO on toy blobs; source 000\'s tutorial mode collapses the encoder (KL → ≈ 0) while the standard KL stays clearly positive (000-E33; seed 7)', async () => {
    const data = vae.toyBlobs(256, rng(7), { dim: 2 }).x;
    const mk = () => vae.createVae({ dataDim: 2, latentDim: 2, hidden: [16], seed: 7, decoderVariance: 0.1 });
    const std = mk();
    const before = std.evaluate(data, rng(8), 4).elbo;
    const hs = await vae.trainVae(std, data, { epochs: 30, batchSize: 64, learningRate: 0.01, rng: rng(9) });
    const after = std.evaluate(data, rng(8), 4).elbo;
    assert.ok(after > before + 1, `ELBO before ${before}, after ${after}`);
    const tut = mk();
    const ht = await vae.trainVae(tut, data, { epochs: 30, batchSize: 64, learningRate: 0.01, rng: rng(9), mode: 'tutorial' });
    const klStd = hs[hs.length - 1].kl;
    const klTut = ht[ht.length - 1].kl;
    assert.ok(klTut < 0.05, `tutorial KL ${klTut}`);
    assert.ok(klStd > 1, `standard KL ${klStd}`);
    assert.ok(hs[hs.length - 1].elbo > ht[ht.length - 1].elbo);
    std.dispose();
    tut.dispose();
  });

  it('autoencoder mode (003 L457–474): trains on reconstruction only, reports KL 0, and reconstructs better than the untrained net', async () => {
    const data = vae.toyBlobs(128, rng(5), { dim: 2 }).x;
    const ae = vae.createVae({ dataDim: 2, latentDim: 2, hidden: [16], seed: 5, decoderVariance: 0.1 });
    const err = () => ae.reconstruct(data).reduce((s, r, i) => s + (r[0] - data[i][0]) ** 2 + (r[1] - data[i][1]) ** 2, 0) / data.length;
    const before = err();
    const h = await vae.trainVae(ae, data, { epochs: 20, batchSize: 32, learningRate: 0.01, rng: rng(6), mode: 'autoencoder' });
    assert.equal(h[h.length - 1].kl, 0);
    assert.ok(err() < before / 5, `reconstruction error ${before} → ${err()}`);
    ae.dispose();
  });

  it('Bernoulli decoder: recon = sigmoid cross-entropy (checked against the direct formula); sample/reconstruct shapes', () => {
    const m = vae.createVae({ dataDim: 3, latentDim: 2, hidden: [4], decoder: 'bernoulli', seed: 1 });
    const logits = tf.tensor2d([[0.3, -2, 5]]);
    const x = tf.tensor2d([[1, 0, 1]]);
    const r = m.reconLoss(x, logits).dataSync()[0];
    const sig = (t: number) => 1 / (1 + Math.exp(-t));
    const direct = -(Math.log(sig(0.3)) + Math.log(1 - sig(-2)) + Math.log(sig(5)));
    close(r, direct, 1e-5);
    const s = m.sample(5, rng(2));
    assert.equal(s.length, 5);
    s.forEach((row) => row.forEach((p) => assert.ok(p > 0 && p < 1)));
    assert.equal(m.reconstruct([[1, 0, 1]])[0].length, 3);
    assert.equal(m.encodeMeans([[1, 0, 1]])[0].length, 2);
    m.dispose();
  });

  it('toyBlobs and loadFashionMnist (Debian dataset-fashion-mnist): shapes, ranges, labels', () => {
    const t = vae.toyBlobs(100, rng(3), { dim: 10 });
    assert.equal(t.x[0].length, 10);
    assert.ok(t.labels.every((l) => l >= 0 && l < 4));
    const f = vae.loadFashionMnist(20, { binarize: true });
    assert.equal(f.x.length, 20);
    assert.equal(f.x[0].length, 784);
    assert.ok(f.x.every((r) => r.every((p) => p === 0 || p === 1)));
    assert.equal(f.labels[0], 9); // the first training image of Fashion-MNIST is an ankle boot (label 9)
  });

  it('bad input: errors name the argument', async () => {
    throwsWith(() => vae.createVae({ dataDim: 0, latentDim: 1 }), RangeError, /config.dataDim must be an integer >= 1/);
    throwsWith(() => vae.createVae({ dataDim: 2, latentDim: 1, decoder: 'poisson' as never }), RangeError, /config.decoder must be one of/);
    throwsWith(() => vae.createVae({ dataDim: 2, latentDim: 1, decoderVariance: 0 }), RangeError, /config.decoderVariance must be > 0/);
    throwsWith(() => vae.createVae({ dataDim: 2, latentDim: 1, hidden: [0] }), RangeError, /config.hidden\[0\]/);
    const m = vae.createVae({ dataDim: 2, latentDim: 1, seed: 0 });
    throwsWith(() => m.evaluate([[1, 2, 3]], rng(1)), RangeError, /rows must have 2 entries/);
    throwsWith(() => m.encodeMeans([]), TypeError, /non-empty array of rows/);
    await assert.rejects(vae.trainVae(m, [[1, 2]], { epochs: 0, rng: rng(1) }), /opts.epochs must be an integer >= 1/);
    await assert.rejects(vae.trainVae(m, [[1, 2]], { epochs: 1, rng: rng(1), mode: 'fast' as never }), /opts.mode must be one of/);
    await assert.rejects(vae.trainVae(m, [[1, 2]], { epochs: 1, rng: null as never }), /opts.rng must be a seeded generator/);
    await assert.rejects(vae.trainVae({} as never, [[1, 2]], { epochs: 1, rng: rng(1) }), /vae must come from createVae/);
    throwsWith(() => vae.loadFashionMnist(0), RangeError, /n must be an integer in \[1, 60000\]/);
    throwsWith(() => vae.loadFashionMnist(5, { split: 'val' as never }), RangeError, /opts.split/);
    throwsWith(() => vae.toyBlobs(10, rng(1), { spread: -1 }), RangeError, /opts.spread must be > 0/);
    m.dispose();
  });
});
