import { strict as assert } from 'assert';
import { rng } from '../../src/core/rng';
import { klLogVar } from '../../src/vae/kl';
import {
  applyGradients, cloneListingVae, flattenListing, initListingVae, listingBackprop, listingGradientsFd, listingGradientsTf, listingRisk, listingSizes,
  listingStep, ListingVae, tinyListingCvae, tinyListingVae, unflattenListing,
} from '../../src/vae/sayedListing';
import { centerData, encodeListing64, ListingVaeTf, trainListingVae, trainListingVae64 } from '../../src/vae/sayedTraining';
import { close, throwsWith } from './helpers';

const maxAbs = (a: number[], b: number[]) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
const maxRel = (a: number[], b: number[]) => {
  const scale = Math.max(...b.map(Math.abs));
  return maxAbs(a, b) / scale;
};

function randomBatch(vae: ListingVae, B: number, seed: number) {
  const g = rng(seed);
  const H = Array.from({ length: B }, () => Array.from(g.uniforms(vae.shape.M, -1, 1)));
  const eps = Array.from({ length: B }, () => Array.from(g.normals(vae.shape.P)));
  const labels = vae.shape.C > 0 ? Array.from({ length: B }, () => g.integer(vae.shape.C)) : undefined;
  return { H, eps, labels };
}

describe('vae/sayedListing: the tiny VAE of 004 O6 (listing (68.79) by hand)', () => {
  const vae = tinyListingVae();
  const bp = listingBackprop(vae, [[1]], [[1]]);
  it('forward: σ = e^{−0.1}, u = 1.4048374, ĥ = 2.8096748, risk 4.5436538 (004 O6)', () => {
    close(bp.forward.u[0][0], 1.4048374, 1e-7);
    close(bp.forward.hHat[0][0], 2.8096748, 1e-7);
    close(bp.risk.total, 4.5436538, 1e-7);
  });
  it('V9: δ_{L_d,d} = 2(ĥ − h) = 3.6193497 (004 O6)', () => close(bp.trace.V9[0][0], 3.6193497, 1e-7));
  it('V12 s = [1, 0.4524187] and V17 δ_{L_e,e} = [7.2386993, 3.2749230] (004 O6, (68.57)–(68.58))', () => {
    close(bp.trace.V12[0][0], 1, 1e-12);
    close(bp.trace.V12[1][0], 0.4524187, 1e-7);
    close(bp.trace.V17[0][0], 7.2386993, 1e-7);
    close(bp.trace.V17[1][0], 3.274923, 1e-7);
  });
  it('V10/V11: x = λ = [1, −0.1812692] (004 O6, (68.63)–(68.64))', () => {
    close(bp.trace.V10[0][0], 1, 1e-12);
    close(bp.trace.V11[1][0], -0.1812692, 1e-7);
  });
  it('gradients: ∇W_{1,e} = [8.2386993, 3.0936538], ∇w_{1,d} = 5.0845978, ∇θ_{1,d} = −3.6193497 (004 O6)', () => {
    close(bp.grads.We[0][0][0], 8.2386993, 1e-7);
    close(bp.grads.We[0][0][1], 3.0936538, 1e-7);
    close(bp.grads.Wd[0][0][0], 5.0845978, 1e-7);
    close(bp.grads.thetaD[0][0], -3.6193497, 1e-7);
  });
  it('one step with μ = 0.1, ρ = 0.01 gives the parameters of 004 O6 (V14, V15, V18, V19)', () => {
    const next = listingStep(vae, [[1]], [[1]], { eta: 0.1, rho: 0.01 }).vae;
    close(next.We[0][0][0], -0.3248699, 1e-7);
    close(next.We[0][0][1], -0.5089654, 1e-7);
    close(next.Wd[0][0][0], 1.4875402, 1e-7);
    close(next.thetaD[0][0], 0.361935, 1e-7);
    close(next.thetaE[0][0], 0.8238699, 1e-7);
    close(next.thetaE[0][1], 0.3093654, 1e-7);
  });
  it('the hand gradients equal central finite differences in float64 (004 O6 "all agree with finite differences")', () => {
    assert.ok(maxAbs(flattenListing(bp.grads), listingGradientsFd(vae, [[1]], [[1]])) < 1e-8);
  });
  it('the hand gradients equal tf.grads of the risk (float32)', () => {
    const t = listingGradientsTf(vae, [[1]], [[1]]);
    assert.ok(maxRel(flattenListing(t), flattenListing(bp.grads)) < 1e-5);
  });
  it('J of the risk equals 2 KL + P (inventory A5: J = 2·KL + P, KL by (68.20) in src/vae/kl)', () => {
    close(bp.risk.J, 2 * klLogVar([0.5], [-0.2]) + 1, 1e-12);
  });
});

describe('vae/sayedListing: the tiny conditional VAE ((68.85)–(68.95), closed form by hand)', () => {
  // h = 1, γ = e₂ (label 1), ε = 1: μ = 0.5 − 0.4 = 0.1, a = −0.2 + 0.2 = 0, u = 1.1, ĥ = 2·1.1 − 1 = 1.2, δ = 0.4,
  // W̄δ = 2·0.4 = 0.8 (first P = 1 row of W_{1,d} only), s = (1, ½), δ_{L_e,e} = (0.8, 0.4)
  const bp = listingBackprop(tinyListingCvae(), [[1]], [[1]], { labels: [1] });
  it('forward with col{h, γ} and col{u, γ}', () => {
    close(bp.forward.mu[0][0], 0.1, 1e-15);
    close(bp.forward.a[0][0], 0, 1e-15);
    close(bp.forward.hHat[0][0], 1.2, 1e-14);
  });
  it('V17 uses W̄ = [I_P 0] W_{1,d} (68.95): δ_{L_e,e} = (0.8, 0.4)', () => {
    close(bp.trace.V17[0][0], 0.8, 1e-14);
    close(bp.trace.V17[1][0], 0.4, 1e-14);
  });
  it('gradients equal finite differences and tf.grads', () => {
    assert.ok(maxAbs(flattenListing(bp.grads), listingGradientsFd(tinyListingCvae(), [[1]], [[1]], { labels: [1] })) < 1e-8);
    assert.ok(maxRel(flattenListing(listingGradientsTf(tinyListingCvae(), [[1]], [[1]], { labels: [1] })), flattenListing(bp.grads)) < 1e-5);
  });
});

describe('vae/sayedListing: random networks of the listing shape (004 O12)', () => {
  const shapes: { name: string; shape: Parameters<typeof initListingVae>[0]; acts?: ListingVae['activations'] }[] = [
    { name: 'Example 68.1 activations (ReLU, linear, tanh), L_e = L_d = 4', shape: { M: 6, P: 2, encoderHidden: [5, 4], decoderHidden: [4, 5] } },
    { name: 'tanh everywhere incl. a nonlinear encoder output', shape: { M: 3, P: 2, encoderHidden: [4, 3, 4], decoderHidden: [3] }, acts: { hidden: 'tanh', encoderOutput: 'tanh', decoderOutput: 'sigmoid' } },
    { name: 'conditional VAE (§68.3, C = 3)', shape: { M: 4, P: 2, encoderHidden: [5], decoderHidden: [5], C: 3 }, acts: { hidden: 'tanh', encoderOutput: 'identity', decoderOutput: 'tanh' } },
  ];
  shapes.forEach(({ name, shape, acts }, k) => {
    const vae = initListingVae(shape, rng(10 + k), { activations: acts, biasScale: 0.3 });
    const { H, eps, labels } = randomBatch(vae, 5, 100 + k);
    const opts = { labels, rho: 0.01, kappa: 0.7 };
    const bp = listingBackprop(vae, H, eps, opts);
    it(`${name}: every parameter's gradient equals tf.grads to float32 tolerance`, () => {
      const t = listingGradientsTf(vae, H, eps, opts);
      assert.ok(maxRel(flattenListing(bp.grads), flattenListing(t)) < 2e-4, `rel ${maxRel(flattenListing(bp.grads), flattenListing(t))}`);
      close(t.risk, bp.risk.total, 1e-4 * bp.risk.total);
    });
    it(`${name}: every parameter's gradient equals central finite differences (float64, 1e-6)`, () => {
      const fd = listingGradientsFd(vae, H, eps, opts);
      assert.ok(maxAbs(flattenListing(bp.grads), fd) < 1e-6, `abs ${maxAbs(flattenListing(bp.grads), fd)}`);
    });
    it(`${name}: the tfjs backend of the listing equals the float64 backend`, () => {
      const t = listingBackprop(vae, H, eps, { ...opts, backend: 'tfjs' });
      assert.ok(maxRel(flattenListing(t.grads), flattenListing(bp.grads)) < 2e-4);
    });
  });

  it('κ (Prob. 68.3) scales only λ: with κ = 0 the encoder sees the reconstruction alone, the decoder is unchanged', () => {
    const vae = initListingVae({ M: 4, P: 2, encoderHidden: [3], decoderHidden: [3] }, rng(3), { activations: { hidden: 'tanh', encoderOutput: 'identity', decoderOutput: 'identity' } });
    const { H, eps } = randomBatch(vae, 3, 4);
    const g1 = listingBackprop(vae, H, eps, { kappa: 1 });
    const g0 = listingBackprop(vae, H, eps, { kappa: 0 });
    assert.deepEqual(g0.grads.Wd, g1.grads.Wd);
    const fd0 = listingGradientsFd(vae, H, eps, { kappa: 0 });
    assert.ok(maxAbs(flattenListing(g0.grads), fd0) < 1e-6);
    assert.ok(maxAbs(flattenListing(g0.grads), flattenListing(g1.grads)) > 1e-3); // the λ part is real
  });

  it('the recursions use the OLD weights (V16, V17, V20): updating a layer before computing the next δ gives a different step', () => {
    const vae = initListingVae({ M: 3, P: 1, encoderHidden: [3], decoderHidden: [3] }, rng(5), { activations: { hidden: 'tanh', encoderOutput: 'identity', decoderOutput: 'identity' } });
    const { H, eps } = randomBatch(vae, 1, 6);
    const eta = 0.5;
    const exact = listingStep(vae, H, eps, { eta }).vae;
    // naive order: update W_{2,d} first, then recompute the sensitivities with it for the layers below
    const g = listingBackprop(vae, H, eps).grads;
    const partly = cloneListingVae(vae);
    partly.Wd[1] = partly.Wd[1].map((r, i) => r.map((w, j) => w - eta * g.Wd[1][i][j]));
    const g2 = listingBackprop(partly, H, eps).grads;
    const naiveWd0 = vae.Wd[0].map((r, i) => r.map((w, j) => w - eta * g2.Wd[0][i][j]));
    assert.ok(maxAbs(naiveWd0.flat(), exact.Wd[0].flat()) > 1e-4);
    // the exact step is plain gradient descent on the risk (68.37) with all gradients at iteration m − 1
    assert.deepEqual(exact, applyGradients(vae, g, eta));
  });

  it('flatten/unflatten round-trip', () => {
    const vae = initListingVae({ M: 3, P: 1, encoderHidden: [2], decoderHidden: [2] }, rng(8), { biasScale: 0.1 });
    assert.deepEqual(unflattenListing(vae, flattenListing(vae)), vae);
  });
});

describe('vae/sayedTraining: training with the listing on tensors', () => {
  // a 2-D latent structure in 8 dimensions: h = A t + noise (t on a ring), centered as Example 68.1 preprocesses
  const g = rng(21);
  const A = Array.from({ length: 8 }, () => Array.from(g.normals(2, 0, 1.5)));
  const raw = Array.from({ length: 256 }, () => {
    const th = g.uniform(0, 2 * Math.PI);
    return A.map((r) => r[0] * Math.cos(th) + r[1] * Math.sin(th) + 0.02 * g.normal());
  });
  const data = centerData(raw).x;
  const totalVariance = data.reduce((s, r) => s + r.reduce((t, v) => t + v * v, 0), 0) / data.length; // recon of ĥ = 0
  (['sgd', 'adam'] as const).forEach((optimizer) => {
    it(`${optimizer}: the reconstruction term falls (risk (68.37) on held-in data)`, async () => {
      const vae = new ListingVaeTf(initListingVae({ M: 8, P: 2, encoderHidden: [16], decoderHidden: [16] }, rng(1), { activations: { hidden: 'tanh', encoderOutput: 'identity', decoderOutput: 'identity' } }));
      const hist = await trainListingVae(vae, data, { epochs: 30, batchSize: 16, eta: optimizer === 'sgd' ? 0.01 : 0.01, optimizer, rng: rng(2), rho: 1e-4 });
      vae.dispose();
      const last = hist[hist.length - 1].recon;
      // better than the first epoch and than the trivial decoder ĥ = 0 (the data mean): the latent carries information
      assert.ok(last < 0.8 * hist[0].recon && last < 0.8 * totalVariance, `${hist[0].recon} → ${last} (total variance ${totalVariance})`);
    });
  });
  it('one SGD step on tensors equals listingStep in float64 (same batch, same ε)', async () => {
    const v0 = initListingVae({ M: 8, P: 2, encoderHidden: [5], decoderHidden: [5] }, rng(4), { biasScale: 0.1, activations: { hidden: 'tanh', encoderOutput: 'identity', decoderOutput: 'tanh' } });
    const vt = new ListingVaeTf(v0);
    const r = rng(9);
    const r2 = r.clone();
    await trainListingVae(vt, data.slice(0, 4), { epochs: 1, batchSize: 4, eta: 0.1, rho: 0.01, rng: r });
    const perm = r2.permutation(4);
    const eps = Array.from(r2.normals(8)); // P × B column-major as the trainer draws it
    const E = Array.from({ length: 4 }, (_, b) => [eps[b], eps[4 + b]]);
    const ref = listingStep(v0, perm.map((i) => data[i]), E, { eta: 0.1, rho: 0.01 }).vae;
    assert.ok(maxAbs(flattenListing(vt.toListing()), flattenListing(ref)) < 1e-5);
    vt.dispose();
  });
  it('trainListingVae64: one SGD step equals listingStep, and the tfjs trainer gives the same first step', () => {
    const v0 = initListingVae({ M: 8, P: 2, encoderHidden: [5], decoderHidden: [5] }, rng(4), { biasScale: 0.1, activations: { hidden: 'tanh', encoderOutput: 'identity', decoderOutput: 'tanh' } });
    const r = rng(9);
    const out = trainListingVae64(v0, data.slice(0, 4), { epochs: 1, batchSize: 4, eta: 0.1, rho: 0.01, rng: r });
    const r2 = rng(9);
    const perm = r2.permutation(4);
    const E = perm.map(() => Array.from(r2.normals(2)));
    const ref = listingStep(v0, perm.map((i) => data[i]), E, { eta: 0.1, rho: 0.01 }).vae;
    assert.ok(maxAbs(flattenListing(out.vae), flattenListing(ref)) < 1e-12);
  });
  it('trainListingVae64 with ADAM lowers the reconstruction term; encodeListing64 gives μ and a rows', () => {
    const v0 = initListingVae({ M: 8, P: 2, encoderHidden: [16], decoderHidden: [16] }, rng(1), { activations: { hidden: 'tanh', encoderOutput: 'identity', decoderOutput: 'identity' } });
    const out = trainListingVae64(v0, data, { epochs: 10, batchSize: 16, eta: 0.01, optimizer: 'adam', rng: rng(2) });
    assert.ok(out.history[out.history.length - 1].recon < 0.8 * out.history[0].recon);
    const e = encodeListing64(out.vae, data.slice(0, 3));
    assert.equal(e.mu.length, 3);
    assert.equal(e.a[0].length, 2);
  });
  it('the conditional VAE decodes per class and reconstructs with labels', () => {
    const vt = new ListingVaeTf(initListingVae({ M: 8, P: 2, encoderHidden: [4], decoderHidden: [4], C: 3 }, rng(2)));
    const out = vt.decodeRows([[0, 0], [0, 0]], [0, 2]);
    assert.equal(out.length, 2);
    assert.ok(maxAbs(out[0], out[1]) > 0); // γ changes the decoder input (68.86)
    assert.equal(vt.reconstructRows(data.slice(0, 2), [1, 1])[0].length, 8);
    vt.dispose();
  });
});

describe('vae/sayedListing: bad input', () => {
  const vae = tinyListingVae();
  it('listingSizes: shape not an object', () => throwsWith(() => listingSizes(null as never), TypeError, /listingSizes.*shape.*null/));
  it('listingSizes: M not a positive integer', () => throwsWith(() => listingSizes({ M: 0, P: 1, encoderHidden: [], decoderHidden: [] }), RangeError, /listingSizes.*shape\.M.*0/));
  it('listingSizes: P not an integer', () => throwsWith(() => listingSizes({ M: 2, P: 1.5, encoderHidden: [], decoderHidden: [] }), RangeError, /listingSizes.*shape\.P.*1\.5/));
  it('listingSizes: C negative', () => throwsWith(() => listingSizes({ M: 2, P: 1, encoderHidden: [], decoderHidden: [], C: -1 }), RangeError, /listingSizes.*shape\.C.*-1/));
  it('listingSizes: hidden not an array', () => throwsWith(() => listingSizes({ M: 2, P: 1, encoderHidden: 3 as never, decoderHidden: [] }), TypeError, /listingSizes.*encoderHidden.*3/));
  it('initListingVae: rng missing', () => throwsWith(() => initListingVae({ M: 2, P: 1, encoderHidden: [], decoderHidden: [] }, {} as never), TypeError, /initListingVae.*rng/));
  it('initListingVae: unknown activation', () => throwsWith(() => initListingVae({ M: 2, P: 1, encoderHidden: [], decoderHidden: [] }, rng(1), { activations: { hidden: 'gelu' as never, encoderOutput: 'identity', decoderOutput: 'tanh' } }), RangeError, /initListingVae.*activations\.hidden.*gelu/));
  it('initListingVae: gain not positive', () => throwsWith(() => initListingVae({ M: 2, P: 1, encoderHidden: [], decoderHidden: [] }, rng(1), { gain: 0 }), RangeError, /initListingVae.*gain.*0/));
  it('listingBackprop: vae not a network', () => throwsWith(() => listingBackprop({} as never, [[1]], [[1]]), TypeError, /listingBackprop.*vae/));
  it('listingBackprop: a weight matrix of the wrong size', () => {
    const bad = cloneListingVae(vae);
    bad.Wd[0] = [[1, 2]];
    throwsWith(() => listingBackprop(bad, [[1]], [[1]]), RangeError, /listingBackprop.*vae\.Wd\[0\].*1 × 1/);
  });
  it('listingBackprop: H empty', () => throwsWith(() => listingBackprop(vae, [], [[1]]), TypeError, /listingBackprop.*H/));
  it('listingBackprop: h_b of the wrong length', () => throwsWith(() => listingBackprop(vae, [[1, 2]], [[1]]), RangeError, /listingBackprop.*H\[0\].*M = 1.*2/));
  it('listingBackprop: eps count differs from B', () => throwsWith(() => listingBackprop(vae, [[1]], [[1], [2]]), RangeError, /listingBackprop.*eps/));
  it('listingBackprop: eps_b of the wrong length', () => throwsWith(() => listingBackprop(vae, [[1]], [[1, 2]]), RangeError, /listingBackprop.*eps\[0\].*P = 1/));
  it('listingBackprop: labels for a plain VAE', () => throwsWith(() => listingBackprop(vae, [[1]], [[1]], { labels: [0] }), RangeError, /listingBackprop.*labels.*conditional/));
  it('listingBackprop: labels missing for the CVAE', () => {
    const c = initListingVae({ M: 1, P: 1, encoderHidden: [], decoderHidden: [], C: 2 }, rng(1));
    throwsWith(() => listingBackprop(c, [[1]], [[1]]), RangeError, /listingBackprop.*labels.*C = 2/);
  });
  it('listingBackprop: a label out of range', () => {
    const c = initListingVae({ M: 1, P: 1, encoderHidden: [], decoderHidden: [], C: 2 }, rng(1));
    throwsWith(() => listingBackprop(c, [[1]], [[1]], { labels: [2] }), RangeError, /listingBackprop.*labels\[0\].*2/);
  });
  it('listingBackprop: κ negative', () => throwsWith(() => listingBackprop(vae, [[1]], [[1]], { kappa: -1 }), RangeError, /listingBackprop.*kappa.*-1/));
  it('listingBackprop: ρ negative', () => throwsWith(() => listingBackprop(vae, [[1]], [[1]], { rho: -0.1 }), RangeError, /listingBackprop.*rho.*-0\.1/));
  it('listingBackprop: unknown backend', () => throwsWith(() => listingBackprop(vae, [[1]], [[1]], { backend: 'gpu' as never }), RangeError, /listingBackprop.*backend.*gpu/));
  it('listingStep: η not positive', () => throwsWith(() => listingStep(vae, [[1]], [[1]], { eta: 0 }), RangeError, /listingStep.*eta.*0/));
  it('listingGradientsFd: h not positive', () => throwsWith(() => listingGradientsFd(vae, [[1]], [[1]], {}, 0), RangeError, /listingGradientsFd.*h.*0/));
  it('unflattenListing: wrong length', () => throwsWith(() => unflattenListing(vae, [1, 2]), RangeError, /unflattenListing.*flat.*6 entries.*2/));
  it('listingRisk: the same validation as listingBackprop', () => throwsWith(() => listingRisk(vae, [[1, 1]], [[1]]), RangeError, /H\[0\]/));
  it('trainListingVae: vae not a ListingVaeTf', async () => {
    await assert.rejects(trainListingVae({} as never, [[1]], { epochs: 1, eta: 0.1, rng: rng(1) }), (e: Error) => e instanceof TypeError && /trainListingVae.*vae/.test(e.message));
  });
  it('trainListingVae: batch larger than the data', async () => {
    const vt = new ListingVaeTf(vae);
    await assert.rejects(trainListingVae(vt, [[1]], { epochs: 1, eta: 0.1, batchSize: 2, rng: rng(1) }), (e: Error) => e instanceof RangeError && /trainListingVae.*batchSize.*2/.test(e.message));
    vt.dispose();
  });
  it('trainListingVae: unknown optimizer', async () => {
    const vt = new ListingVaeTf(vae);
    await assert.rejects(trainListingVae(vt, [[1]], { epochs: 1, eta: 0.1, optimizer: 'rmsprop' as never, rng: rng(1) }), (e: Error) => e instanceof RangeError && /trainListingVae.*optimizer.*rmsprop/.test(e.message));
    vt.dispose();
  });
  it('trainListingVae: rng missing', async () => {
    const vt = new ListingVaeTf(vae);
    await assert.rejects(trainListingVae(vt, [[1]], { epochs: 1, eta: 0.1 } as never), (e: Error) => e instanceof TypeError && /trainListingVae.*rng/.test(e.message));
    vt.dispose();
  });
  it('trainListingVae: η not positive', async () => {
    const vt = new ListingVaeTf(vae);
    await assert.rejects(trainListingVae(vt, [[1]], { epochs: 1, eta: -1, rng: rng(1) }), (e: Error) => e instanceof RangeError && /trainListingVae.*eta.*-1/.test(e.message));
    vt.dispose();
  });
  it('ListingVaeTf.decodeRows: rows of the wrong length', () => {
    const vt = new ListingVaeTf(vae);
    throwsWith(() => vt.decodeRows([[1, 2]]), RangeError, /decodeRows.*1 entries.*2/);
    vt.dispose();
  });
  it('trainListingVae64: unknown optimizer', () => throwsWith(() => trainListingVae64(vae, [[1]], { epochs: 1, eta: 0.1, optimizer: 'lbfgs' as never, rng: rng(1) }), RangeError, /trainListingVae64.*optimizer.*lbfgs/));
  it('trainListingVae64: rng missing', () => throwsWith(() => trainListingVae64(vae, [[1]], { epochs: 1, eta: 0.1 } as never), TypeError, /trainListingVae64.*rng/));
  it('centerData: empty', () => throwsWith(() => centerData([]), TypeError, /centerData/));
});
