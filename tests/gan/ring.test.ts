import { strict as assert } from 'assert';
import * as gan from '../../src/gan';
import { rng } from '../../src/core/rng';

describe('gan/ring — ring of Gaussians and mode-coverage scores (extension: Metz et al. 2017)', () => {
  it('centres lie on the circle at angles 2πk/K', () => {
    const c = gan.ringCenters({ modes: 4, radius: 3 });
    assert.deepEqual(c.map((p) => p.map((v) => +v.toFixed(12) + 0)), [[3, 0], [0, 3], [-3, 0], [0, -3]]);
  });

  it('samples of the ring itself cover all 8 modes; quality ≈ P(χ²₂ ≤ 9) = 1 − e^{−4.5} (closed form) within 4 SE', () => {
    const n = 20000;
    const s = gan.sampleRing(n, rng(1));
    const cov = gan.ringModeCoverage(s);
    assert.equal(cov.covered, 8);
    const p = 1 - Math.exp(-4.5);
    assert.ok(Math.abs(cov.quality - p) < 4 * Math.sqrt((p * (1 - p)) / n), `quality ${cov.quality} vs ${p}`);
    // each mode gets ≈ n/8 (binomial, 4 SE)
    const se = Math.sqrt((n * (1 / 8) * (7 / 8)));
    cov.counts.forEach((c) => assert.ok(Math.abs(c / p - n / 8) < 4 * se + 50, `count ${c}`));
  });

  it('a collapsed generator (all samples at one mode) covers 1 mode; points off the ring have quality 0', () => {
    const r = rng(2);
    const one = Array.from({ length: 500 }, () => [2 + r.normal(0, 0.05), r.normal(0, 0.05)]);
    assert.equal(gan.ringModeCoverage(one).covered, 1);
    assert.equal(gan.ringModeCoverage([[0, 0], [5, 5]]).quality, 0);
    assert.equal(gan.ringModeCoverage([[0, 0], [5, 5]]).covered, 0);
  });

  it('rejects bad input', () => {
    assert.throws(() => gan.ringCenters({ modes: 0 }), /ringCenters: modes must be an integer in \[1, 1000\] \(got 0\)/);
    assert.throws(() => gan.ringCenters({ radius: -1 }), /radius must be > 0 \(got -1\)/);
    assert.throws(() => gan.ringCenters(null as never), /options must be an object/);
    assert.throws(() => gan.sampleRing(0, rng(1)), /sampleRing: n must be an integer in \[1, 10000000\] \(got 0\)/);
    assert.throws(() => gan.sampleRing(3, {} as never), /rng must be a core.rng generator/);
    assert.throws(() => gan.sampleRing(3, rng(1), { sd: 0 }), /sd must be > 0 \(got 0\)/);
    assert.throws(() => gan.ringModeCoverage([]), /samples must be a non-empty array of 2-D points/);
    assert.throws(() => gan.ringModeCoverage([[1, NaN]]), /samples\[0\] must be a finite 2-D point/);
    assert.throws(() => gan.ringModeCoverage([[1, 1]], { k: 0 }), /k must be > 0 \(got 0\)/);
    assert.throws(() => gan.ringModeCoverage([[1, 1]], { minFraction: -1 }), /minFraction must be > 0/);
  });
});

describe('gan/tfGan — Example 68.6 configuration in tfjs', () => {
  it('Example 68.6 sizes: G 2-256-512-1024-784, D 784-1024-512-256-2; parameter counts = Σ n_ℓ n_{ℓ+1} + n_{ℓ+1}', () => {
    const c = gan.example686Config('book');
    assert.deepEqual(c.gSizes, [2, 256, 512, 1024, 784]);
    assert.deepEqual(c.dSizes, [784, 1024, 512, 256, 2]);
    assert.equal(c.mu, 2e-4);
    assert.equal(c.beta1, 0.5);
    const count = (s: number[]) => s.slice(0, -1).reduce((a, n, i) => a + n * s[i + 1] + s[i + 1], 0);
    const g = new gan.TfSayedGan(gan.example686Config('small'));
    assert.deepEqual(g.parameterCounts(), { generator: count([2, 32, 64, 784]), discriminator: count([784, 64, 32, 2]) });
    g.dispose();
    assert.equal(count(c.gSizes), 1461264);
  });

  it('a step returns a finite positive risk, probabilities in (0, 1), and tanh samples in (−1, 1)', () => {
    const g = new gan.TfSayedGan({ ...gan.example686Config('small'), gSizes: [2, 8, 16], dSizes: [16, 8, 2], batchSize: 4 });
    const r = rng(3);
    const rec = g.step(Array.from({ length: 4 }, () => Array.from(r.uniforms(16, -1, 1))));
    assert.ok(Number.isFinite(rec.discriminatorRisk) && rec.discriminatorRisk > 0);
    assert.ok(rec.meanDReal > 0 && rec.meanDReal < 1 && rec.meanDFake > 0 && rec.meanDFake < 1);
    const s = g.sample(3);
    assert.equal(s.length, 3);
    assert.ok(s.flat().every((v) => v > -1 && v < 1));
    g.dispose();
  });

  it('rejects bad input', () => {
    assert.throws(() => new gan.TfSayedGan(null as never), /TfSayedGan: argument cfg must be an object/);
    assert.throws(() => new gan.TfSayedGan({ gSizes: [2, 5], dSizes: [4, 2] }), /output size \(5\) must equal the discriminator's input size \(4\)/);
    assert.throws(() => new gan.TfSayedGan({ gSizes: [2, 4], dSizes: [4, 3] }), /must end in 2 outputs \(got 3\)/);
    assert.throws(() => new gan.TfSayedGan({ gSizes: [2], dSizes: [2, 2] }), /gSizes must list at least 2 layers/);
    assert.throws(() => new gan.TfSayedGan({ gSizes: [2, 4], dSizes: [4, 2], mu: 0 }), /mu must be > 0 \(got 0\)/);
    assert.throws(() => gan.example686Config('huge' as never), /scale must be 'book' or 'small'/);
    assert.throws(() => gan.toSymmetricRange([]), /rows must be a non-empty array/);
  });
});

describe('gan/trainingFigures', () => {
  it('builds the ring, surface, curves, modes and image figures; rejects empty input', () => {
    const r = rng(4);
    const G = gan.createSayedNet([2, 4, 2], ['relu', 'linear'], r);
    const D = gan.createSayedNet([2, 4, 2], ['relu', 'softmax'], r);
    const tr = new gan.SayedGanTrainer(G, D, (n, rr) => gan.sampleRing(n, rr), { batchSize: 8 });
    tr.run(3);
    const s = tr.sample(20);
    assert.equal(gan.ringSamplesFigure(s).data.length, 2);
    assert.ok(gan.ringAnimationFigure([{ iteration: 1, samples: s }, { iteration: 2, samples: s }]).frames!.length === 2);
    const surf = gan.discriminatorSurfaceFigure(D, gan.sampleRing(10, r), s, [-3, 3], 10);
    assert.ok(surf.data.some((t) => t.type === 'contour'));
    assert.ok(gan.listingCurvesFigure(tr.history).data.length >= 4);
    assert.ok(gan.modesOverTimeFigure([{ iteration: 1, covered: 3, quality: 0.5 }]).data.length === 2);
    assert.ok(gan.minMaxImageGrid([[0, 1, 2, 3]], 2, 1).data.length >= 1);
    assert.throws(() => gan.ringSamplesFigure([]), /ringSamplesFigure: samples must be a non-empty array/);
    assert.throws(() => gan.ringAnimationFigure([]), /snapshots must be a non-empty array/);
    assert.throws(() => gan.listingCurvesFigure([]), /history must be a non-empty array/);
    assert.throws(() => gan.modesOverTimeFigure([]), /records must be a non-empty array/);
    assert.throws(() => gan.minMaxImageGrid([]), /images must be a non-empty array/);
    assert.throws(() => gan.discriminatorSurfaceFigure(D, [[0, 0]], [[0, 0]], [-1, 1], 1), /grid must be an integer in \[2, 400\] \(got 1\)/);
  });
});
