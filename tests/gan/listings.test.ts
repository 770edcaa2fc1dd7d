import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import * as gan from '../../src/gan';
import { rng, Rng } from '../../src/core/rng';
import { fdGrads, maxRelErr } from './helpers';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);


/** Fig. 68.13/68.14 sizes: G 2 → 3 → 3 → 3 (tanh, linear out), D 3 → 4 → 3 → 2 (tanh, softmax). */
function figureNets(seed = 7) {
  const r = rng(seed);
  const G = gan.createSayedNet([2, 3, 3, 3], ['tanh', 'tanh', 'linear'], r);
  const D = gan.createSayedNet([3, 4, 3, 2], ['tanh', 'sigmoid', 'softmax'], r);
  G.theta = G.theta.map((t) => t.map(() => r.normal(0, 0.3)));
  D.theta = D.theta.map((t) => t.map(() => r.normal(0, 0.3)));
  const reals = Array.from({ length: 4 }, () => Array.from(r.normals(3)));
  const us = Array.from({ length: 3 }, () => Array.from(r.normals(2)));
  return { G, D, reals, us };
}

describe('gan/listings — 004 §68.5 listings (68.137), (68.160), (68.161), (68.155)', () => {
  it('004 O7 (inventory, float64 Python): the tiny GAN generator step — δ̂, δ_{L_g,g} = 0.4629504, ∂ln γ̂(1)/∂w_g = 0.1851802', () => {
    const { G, D } = gan.tinyGanNets();
    const g = gan.sayedGeneratorGradients(G, D, [[0.4]]);
    const t = g.traces[0];
    close(t.hhat[0], 0.6, 1e-15);
    close(t.yhat[0], 0.7685248, 5e-8);
    close(t.deltaD[1][0], -0.2314752, 5e-8);
    close(t.deltaD[1][1], 0.2314752, 5e-8);
    close(t.deltaG[1][0], 0.4629504, 5e-8);
    close(-g.dW[0][0][0], 0.1851802, 5e-8); // dW is the gradient of the loss = −objective
    close(-g.dTheta[0][0], -0.4629504, 5e-8);
    // closed form (1 − D)·2u of the inventory
    close(-g.dW[0][0][0], (1 - t.yhat[0]) * 2 * 0.4, 1e-15);
    gan.sayedSgdStep(G, g, 0.1);
    close(G.W[0][0][0], 1.518518, 5e-7);
    close(G.theta[0][0], -0.0462950, 5e-8);
    // saturating: ∂ln(1 − D)/∂w_g = −0.6148198 (the generator ASCENDS −ln(1 − D), so the loss gradient is −(−0.61…)·(−1))
    const { G: G2, D: D2 } = gan.tinyGanNets();
    const s = gan.sayedGeneratorGradients(G2, D2, [[0.4]], { loss: 'saturating' });
    close(s.dW[0][0][0], -0.6148198, 5e-8);
  });

  it('004 O7: the tiny GAN discriminator step — ∇W_{1,d} = [0.1709560, −0.1709560], ∇θ_{1,d} = [−0.3246609, 0.3246609]', () => {
    const { D } = gan.tinyGanNets();
    const d = gan.sayedDiscriminatorGradients(D, [[1]], [[0.6]]);
    close(d.meanDReal, 0.8807971, 5e-8);
    close(d.dW[0][0][0], 0.170956, 5e-8);
    close(d.dW[0][0][1], -0.170956, 5e-8);
    close(d.dTheta[0][0], -0.3246609, 5e-8);
    close(d.dTheta[0][1], 0.3246609, 5e-8);
    gan.sayedSgdStep(D, d, 0.1);
    close(D.W[0][0][0], 0.9829044, 5e-8);
    close(D.theta[0][1], -0.0324661, 5e-8);
  });

  it('004 O8 / E13: soft label γ = (0.9, 0), γ̂ = (0.7, 0.3): book δ = (−0.2, 0.3), correct δ = (−0.27, 0.27); finite differences agree with the correct one', () => {
    assert.deepEqual(gan.softmaxCrossEntropyDelta([0.7, 0.3], [0.9, 0], 'source').map((v) => +v.toFixed(12)), [-0.2, 0.3]);
    assert.deepEqual(gan.softmaxCrossEntropyDelta([0.7, 0.3], [0.9, 0], 'exact').map((v) => +v.toFixed(12)), [-0.27, 0.27]);
    // FD of −Σγ ln softmax(z) at z with softmax(z) = (0.7, 0.3)
    const z = [Math.log(0.7), Math.log(0.3)];
    const ce = (zz: number[]) => {
      const m = Math.log(Math.exp(zz[0]) + Math.exp(zz[1]));
      return -(0.9 * (zz[0] - m));
    };
    const h = 1e-6;
    const fd = [0, 1].map((q) => {
      const a = z.slice();
      const b = z.slice();
      a[q] += h;
      b[q] -= h;
      return (ce(a) - ce(b)) / (2 * h);
    });
    close(fd[0], -0.27, 1e-8);
    close(fd[1], 0.27, 1e-8);
    // hard labels: both forms coincide
    assert.deepEqual(gan.softmaxCrossEntropyDelta([0.7, 0.3], [1, 0], 'source'), gan.softmaxCrossEntropyDelta([0.7, 0.3], [1, 0], 'exact'));
  });

  it('004 O12: discriminator gradients (68.151)–(68.152) on the Fig. 68.13 sizes equal central finite differences (1e-7) and tf.grads (float32, 1e-3), also with soft labels and ρ > 0', () => {
    const { G, D, reals, us } = figureNets();
    const fakes = gan.sayedGenerate(G, us);
    for (const opts of [{}, { rho: 0.01, realLabel: [0.9, 0] as [number, number] }]) {
      const hand = gan.sayedDiscriminatorGradients(D, reals, fakes, opts);
      const fd = fdGrads(D, () => gan.sayedDiscriminatorGradients(D, reals, fakes, opts).risk);
      assert.ok(maxRelErr(hand, fd) < 1e-7, `FD ${maxRelErr(hand, fd)}`);
      const tfg = gan.sayedGanGradientsTf(G, D, reals, us, opts).d;
      assert.ok(maxRelErr(hand, tfg) < 1e-3, `tf ${maxRelErr(hand, tfg)}`);
    }
  });

  it('004-E13: with soft labels the book\'s δ = γ̂ − γ gives a gradient that disagrees with finite differences', () => {
    const { G, D, reals, us } = figureNets(3);
    const fakes = gan.sayedGenerate(G, us);
    const opts = { realLabel: [0.9, 0] as [number, number] };
    const fd = fdGrads(D, () => gan.sayedDiscriminatorGradients(D, reals, fakes, opts).risk);
    const book = gan.sayedDiscriminatorGradients(D, reals, fakes, { ...opts, form: 'source' });
    assert.ok(maxRelErr(book, fd) > 1e-2, `book form should be off: ${maxRelErr(book, fd)}`);
  });

  it('004 O12: generator gradients through the transition (68.150) equal finite differences and tf.grads, both losses, ρ > 0', () => {
    const { G, D, reals, us } = figureNets(11);
    for (const loss of ['nonSaturating', 'saturating'] as const) {
      const opts = { rho: 0.02, loss };
      const hand = gan.sayedGeneratorGradients(G, D, us, opts);
      const fd = fdGrads(G, () => -gan.sayedGeneratorGradients(G, D, us, opts).objective);
      assert.ok(maxRelErr(hand, fd) < 1e-7, `${loss} FD ${maxRelErr(hand, fd)}`);
      const tfg = gan.sayedGanGradientsTf(G, D, reals, us, { rhoG: 0.02, loss }).g;
      assert.ok(maxRelErr(hand, tfg) < 1e-3, `${loss} tf ${maxRelErr(hand, tfg)}`);
    }
  });

  it('ReLU networks of Example 68.6\'s shape (scaled down): hand gradients equal tf.grads', () => {
    const r = rng(5);
    const G = gan.createSayedNet([2, 8, 6, 5], ['relu', 'relu', 'tanh'], r);
    const D = gan.createSayedNet([5, 6, 4, 2], ['relu', 'relu', 'softmax'], r);
    const reals = Array.from({ length: 5 }, () => Array.from(r.normals(5)));
    const us = Array.from({ length: 5 }, () => Array.from(r.normals(2)));
    const t = gan.sayedGanGradientsTf(G, D, reals, us, { rho: 1e-3, rhoG: 1e-3 });
    assert.ok(maxRelErr(gan.sayedDiscriminatorGradients(D, reals, gan.sayedGenerate(G, us), { rho: 1e-3 }), t.d) < 1e-3);
    assert.ok(maxRelErr(gan.sayedGeneratorGradients(G, D, us, { rho: 1e-3 }), t.g) < 1e-3);
  });

  it('the backward recursion uses the pre-update weights (68.160) line D12: updating first and then recursing changes the gradient', () => {
    const { G, D, reals, us } = figureNets(2);
    const fakes = gan.sayedGenerate(G, us);
    const g1 = gan.sayedDiscriminatorGradients(D, reals, fakes);
    const fd = fdGrads(D, () => gan.sayedDiscriminatorGradients(D, reals, fakes).risk);
    assert.ok(maxRelErr(g1, fd) < 1e-7);
    // a naive implementation: update the last layer with its gradient, then recurse through the NEW W_last
    const D2 = gan.cloneSayedNet(D);
    const L = D2.W.length;
    D2.W[L - 1] = D2.W[L - 1].map((r, j) => r.map((w, k) => w - 0.5 * g1.dW[L - 1][j][k]));
    const naive = gan.sayedDiscriminatorGradients(D2, reals, fakes);
    assert.ok(maxRelErr({ dW: naive.dW.slice(0, L - 1), dTheta: naive.dTheta.slice(0, L - 1) }, { dW: g1.dW.slice(0, L - 1), dTheta: g1.dTheta.slice(0, L - 1) }) > 1e-3);
  });

  it('(68.155): K_d discriminator steps then K_g generator steps per outer iteration; SGD with ρ equals the (1 − 2μρ)W form', () => {
    const { G, D } = figureNets(4);
    const sampleReal = (n: number, r: Rng) => Array.from({ length: n }, () => Array.from(r.normals(3, 1, 0.5)));
    const tr = new gan.SayedGanTrainer(gan.cloneSayedNet(G), gan.cloneSayedNet(D), sampleReal, { batchSize: 4, Kd: 3, Kg: 2, mu: 0.05, rho: 0.1, seed: 9 });
    // replay by hand with the same random stream
    const r = rng(9);
    const G2 = gan.cloneSayedNet(G);
    const D2 = gan.cloneSayedNet(D);
    const lat = () => Array.from({ length: 4 }, () => Array.from(r.normals(2)));
    for (let k = 0; k < 3; k++) {
      const fakes = gan.sayedGenerate(G2, lat());
      const reals = sampleReal(4, r);
      const g = gan.sayedDiscriminatorGradients(D2, reals, fakes, { rho: 0.1 });
      // line D10: W = (1 − 2μρ)W − μ·(data gradient)
      D2.W = D2.W.map((Wl, l) => Wl.map((row, j) => row.map((w, c) => (1 - 2 * 0.05 * 0.1) * w - 0.05 * (g.dW[l][j][c] - 2 * 0.1 * w))));
      D2.theta = D2.theta.map((t, l) => t.map((v, c) => v - 0.05 * g.dTheta[l][c]));
    }
    for (let k = 0; k < 2; k++) {
      const g = gan.sayedGeneratorGradients(G2, D2, lat(), { rho: 0.1 });
      G2.W = G2.W.map((Wl, l) => Wl.map((row, j) => row.map((w, c) => (1 - 2 * 0.05 * 0.1) * w - 0.05 * (g.dW[l][j][c] - 2 * 0.1 * w))));
      G2.theta = G2.theta.map((t, l) => t.map((v, c) => v - 0.05 * g.dTheta[l][c]));
    }
    tr.run(1);
    tr.D.W.flat(2).forEach((w, i) => close(w, D2.W.flat(2)[i], 1e-12));
    tr.G.W.flat(2).forEach((w, i) => close(w, G2.W.flat(2)[i], 1e-12));
    tr.G.theta.flat().forEach((w, i) => close(w, G2.theta.flat()[i], 1e-12));
    assert.equal(tr.history.length, 1);
  });

  it('004-E16: the generator step reading W_{d,m−1} (literal) differs from reading the latest discriminator', () => {
    const { G, D } = figureNets(6);
    const sampleReal = (n: number, r: Rng) => Array.from({ length: n }, () => Array.from(r.normals(3, 1, 0.5)));
    const a = new gan.SayedGanTrainer(gan.cloneSayedNet(G), gan.cloneSayedNet(D), sampleReal, { batchSize: 8, mu: 0.2, seed: 1 });
    const b = new gan.SayedGanTrainer(gan.cloneSayedNet(G), gan.cloneSayedNet(D), sampleReal, { batchSize: 8, mu: 0.2, seed: 1, generatorReads: 'previous' });
    a.run(1);
    b.run(1);
    assert.deepEqual(a.D.W, b.D.W); // same discriminator update
    const diff = Math.max(...a.G.W.flat(2).map((w, i) => Math.abs(w - b.G.W.flat(2)[i])));
    assert.ok(diff > 1e-6, `generators should differ (${diff})`);
  });

  it('rejects bad input with errors naming the function, argument and value', () => {
    const r = rng(1);
    const { G, D } = gan.tinyGanNets();
    assert.throws(() => gan.createSayedNet([2], ['relu'], r), /createSayedNet: argument sizes must list at least 2 layers/);
    assert.throws(() => gan.createSayedNet([2, 0], ['relu'], r), /sizes\[1\] must be an integer in \[1, 100000\] \(got 0\)/);
    assert.throws(() => gan.createSayedNet([2, 3], ['relu', 'tanh'], r), /act must name 1 activations/);
    assert.throws(() => gan.createSayedNet([2, 3], ['swish' as never], r), /act\[0\] must be one of/);
    assert.throws(() => gan.createSayedNet([2, 3], ['relu'], {} as never), /rng must be a core.rng generator/);
    assert.throws(() => gan.createSayedNet([2, 3], ['relu'], r, 0), /gain must be > 0 \(got 0\)/);
    assert.throws(() => gan.sayedNetSizes({ W: [[[1]]], theta: [[0, 0]], act: ['relu'] }), /net.theta\[0\] must have length 1/);
    assert.throws(() => gan.sayedNetSizes({ W: [[[1, 2]], [[1], [2]]], theta: [[0, 0], [0]], act: ['softmax', 'relu'] }), /may be 'softmax' only in the last layer/);
    assert.throws(() => gan.sayedNetSizes(null as never), /argument net must be \{W, theta, act\}/);
    assert.throws(() => gan.sayedForward(G, [1, 2]), /sayedForward: input must have length 1/);
    assert.throws(() => gan.softmaxCrossEntropyDelta([0.5, 0.5], [1]), /gamma must have length 2/);
    assert.throws(() => gan.softmaxCrossEntropyDelta([0.5, 0.5], [1, -0.1]), /gamma\[1\] must be >= 0 \(got -0.1\)/);
    assert.throws(() => gan.softmaxCrossEntropyDelta([0.5, 0.5], [1, 0], 'book' as never), /form must be one of/);
    assert.throws(() => gan.sayedDiscriminatorGradients(G, [[1]], [[1]]), /D must end in a 2-entry softmax/);
    assert.throws(() => gan.sayedDiscriminatorGradients(D, [], [[1]]), /reals must be a non-empty array of vectors/);
    assert.throws(() => gan.sayedDiscriminatorGradients(D, [[1]], [[1]], { rho: -1 }), /rho must be >= 0 \(got -1\)/);
    assert.throws(() => gan.sayedGeneratorGradients(G, D, [[1]], { loss: 'hinge' as never }), /loss must be one of/);
    assert.throws(() => gan.sayedGeneratorGradients(G, G, [[1]]), /must end in a 2-entry softmax/);
    assert.throws(() => gan.sayedGeneratorGradients(D as never, D, [[1]]), /output size \(2\) must equal the discriminator's input size \(1\)/);
    assert.throws(() => gan.sayedSgdStep(G, { dW: [[[0]]], dTheta: [[0]] }, 0), /mu must be > 0 \(got 0\)/);
    assert.throws(() => new gan.SayedGanTrainer(G, D, 3 as never), /sampleReal must be a function/);
    assert.throws(() => new gan.SayedGanTrainer(G, D, () => [[0]], { Kd: 0 }), /Kd must be an integer in \[1, 1000\] \(got 0\)/);
    assert.throws(() => new gan.SayedGanTrainer(G, D, () => [[0]], { optimizer: 'rmsprop' as never }), /optimizer must be one of/);
    assert.throws(() => new gan.SayedGanTrainer(G, D, () => [[0]], { generatorReads: 'old' as never }), /generatorReads must be one of/);
    assert.throws(() => new gan.SayedGanTrainer(G, D, () => [[0]], { instanceNoise: -1 }), /instanceNoise must be >= 0/);
    assert.throws(() => gan.tinyGanNets(NaN), /tinyGanNets: wg must be a finite number/);
  });
});

describe('gan/adam — ADAM of Example 68.6 (68.175a–d)', () => {
  const run = (form: gan.AdamForm, eps: number) => {
    const opt = gan.createAdam({ mu: 0.01, beta1: 0.5, beta2: 0.999, eps, form });
    const p = [[1, -2, 0.5], [0.3]];
    const r = rng(3);
    const grads: number[][][] = [];
    for (let t = 0; t < 5; t++) {
      const g = p.map((row) => row.map((w) => 2 * w + r.normal(0, 0.1)));
      grads.push(g);
      opt.step(p, g);
    }
    return { p, grads, t: opt.t };
  };

  it('equals tfjs\'s tf.train.adam step for step (float32, 1e-6) on the same gradient sequence', () => {
    const { p, grads, t } = run('biasCorrected', 1e-8);
    assert.equal(t, 5);
    const vars = [tf.variable(tf.tensor1d([1, -2, 0.5])), tf.variable(tf.tensor1d([0.3]))];
    const opt = tf.train.adam(0.01, 0.5, 0.999, 1e-8);
    for (const g of grads) opt.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: tf.tensor1d(g[i]) })));
    const ref = vars.map((v) => Array.from(v.dataSync()));
    p.flat().forEach((w, i) => close(w, ref.flat()[i], 1e-6));
    opt.dispose();
    vars.forEach((v) => v.dispose());
  });

  it('the step-corrected form equals the bias-corrected form when ε = 0 and differs by O(ε) otherwise', () => {
    const a = run('biasCorrected', 0).p.flat();
    const b = run('stepCorrected', 0).p.flat();
    a.forEach((w, i) => close(w, b[i], 1e-14));
    const c = run('biasCorrected', 1e-3).p.flat();
    const d = run('stepCorrected', 1e-3).p.flat();
    assert.ok(Math.max(...c.map((w, i) => Math.abs(w - d[i]))) > 1e-7);
  });

  it('first step moves every coordinate by ≈ μ·sign(g) (Kingma & Ba §2.1)', () => {
    const opt = gan.createAdam({ mu: 0.1, eps: 0 });
    const p = [[1, 1]];
    opt.step(p, [[3, -0.001]]);
    close(p[0][0], 0.9, 1e-12);
    close(p[0][1], 1.1, 1e-12);
  });

  it('rejects bad input', () => {
    assert.throws(() => gan.createAdam(null as never), /createAdam: argument opts must be an object/);
    assert.throws(() => gan.createAdam({ mu: 0 }), /createAdam: mu must be > 0 \(got 0\)/);
    assert.throws(() => gan.createAdam({ mu: 1, beta1: 1 }), /beta1 must be in \[0, 1\) \(got 1\)/);
    assert.throws(() => gan.createAdam({ mu: 1, beta2: -0.1 }), /beta2 must be in \[0, 1\) \(got -0.1\)/);
    assert.throws(() => gan.createAdam({ mu: 1, eps: -1 }), /eps must be >= 0 \(got -1\)/);
    assert.throws(() => gan.createAdam({ mu: 1, form: 'amsgrad' as never }), /form must be one of/);
    const o = gan.createAdam({ mu: 1 });
    assert.throws(() => o.step([[1]], []), /params and grads must be arrays of rows of equal length/);
    o.step([[1]], [[1]]);
    assert.throws(() => o.step([[1], [2]], [[1], [1]]), /parameter list changed length/);
    assert.throws(() => o.step([[1, 2]], [[1, 1]]), /row 0 has 2 parameters/);
  });
});

describe('gan/listings — sayedGradientCheck', () => {
  it('reports FD errors < 1e-8 and tf errors < 1e-4 per layer on the Fig. 68.13/68.14 sizes; a wrong hand gradient would show (bad h rejected)', () => {
    const r = rng(21);
    const G = gan.createSayedNet([2, 3, 3], ['tanh', 'linear'], r);
    const D = gan.createSayedNet([3, 4, 2], ['tanh', 'softmax'], r);
    const rows = gan.sayedGradientCheck(G, D, [[1, 0, -1], [0.5, 0.5, 0.5]], [[0.1, -0.3], [1, 2]], { rho: 0.01, rhoG: 0.01 });
    assert.equal(rows.length, 8);
    for (const row of rows) {
      assert.ok(row.maxAbsErrorFd < 1e-8, JSON.stringify(row));
      assert.ok(row.maxAbsErrorTf < 1e-4, JSON.stringify(row));
      assert.ok(row.maxAbsGradient > 0);
    }
    // soft labels with the book's δ: the FD column exposes E13
    const bad = gan.sayedGradientCheck(G, D, [[1, 0, -1]], [[0.1, -0.3]], { realLabel: [0.9, 0], form: 'source' });
    assert.ok(bad.filter((x) => x.network === 'D').some((x) => x.maxAbsErrorFd > 1e-3));
    assert.throws(() => gan.sayedGradientCheck(G, D, [[1, 0, -1]], [[0, 0]], { h: 0 }), /sayedGradientCheck: h must be > 0 \(got 0\)/);
  });
});
