import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as gan from '../../src/gan';
import { rng, Rng } from '../../src/core/rng';
import { fdGrads as fd, maxRelErr } from './helpers';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);

const normal = (m: number) => (n: number, r: Rng) => Array.from({ length: n }, () => [r.normal(m, 1)]);

describe('gan/wasserstein — W₁ and the WGAN of 004 §68.7 / Prob. 68.11', () => {
  it('004 O11: W₁(N(0,1), N(m,1)) = |m|; unequal variances: E|a + bZ| (folded-normal mean) vs quadrature of ∫|F⁻¹_p − F⁻¹_q|', () => {
    for (const m of [0.5, 1, 2, -3]) close(gan.wasserstein1Gaussian(0, 1, m, 1), Math.abs(m), 1e-15);
    // quantile coupling: ∫₀¹ |(m1 − m2) + (s1 − s2) Φ⁻¹(p)| dp by the midpoint rule on z with weights φ(z)
    const [m1, s1, m2, s2] = [0.3, 2, 1, 0.5];
    let q = 0;
    const dz = 1e-3;
    for (let z = -10; z < 10; z += dz) q += Math.abs(m1 - m2 + (s1 - s2) * (z + dz / 2)) * Math.exp(-((z + dz / 2) ** 2) / 2) / Math.sqrt(2 * Math.PI) * dz;
    close(gan.wasserstein1Gaussian(m1, s1, m2, s2), q, 1e-6);
  });

  it('sorted-sample formula = ∫|F_n − G_n| for equal sizes; hand example {0, 1, 3} vs {2, 2, 5}: (2 + 1 + 2)/3', () => {
    close(gan.wasserstein1Sorted([3, 0, 1], [2, 5, 2]), 5 / 3, 1e-15);
    close(gan.wasserstein1Empirical([3, 0, 1], [2, 5, 2]), 5 / 3, 1e-15);
    const r = rng(4);
    const x = Array.from(r.normals(200));
    const y = Array.from(r.normals(200, 1, 2));
    close(gan.wasserstein1Empirical(x, y), gan.wasserstein1Sorted(x, y), 1e-12);
    // unequal sizes: {0} vs {0, 1}: ∫₀¹ |1 − ½| = ½
    close(gan.wasserstein1Empirical([0], [0, 1]), 0.5, 1e-15);
  });

  it('equals scipy.stats.wasserstein_distance on random inputs of unequal sizes (reference implementation via /usr/bin/python3)', function () {
    this.timeout(30000);
    const r = rng(11);
    const cases = Array.from({ length: 5 }, (_, i) => ({ x: Array.from(r.normals(20 + 7 * i)), y: Array.from(r.normals(13 + 5 * i, r.uniform(-1, 1), r.uniform(0.5, 2))) }));
    const py = spawnSync('/usr/bin/python3', ['-c', 'import json,sys\nfrom scipy.stats import wasserstein_distance as w\nprint(json.dumps([w(c["x"], c["y"]) for c in json.load(sys.stdin)]))'], { input: JSON.stringify(cases), encoding: 'utf8' });
    assert.equal(py.status, 0, py.stderr);
    const ref = JSON.parse(py.stdout) as number[];
    cases.forEach((c, i) => close(gan.wasserstein1Empirical(c.x, c.y), ref[i], 1e-12, `case ${i}`));
  });

  it('Prob. 68.11 critic gradients (δ = −1 real, +1 fake) with ridge and the gradient penalty (both forms) = finite differences and tf.grads', () => {
    const r = rng(3);
    const C = gan.createSayedNet([1, 5, 1], ['tanh', 'linear'], r);
    C.theta = C.theta.map((t) => t.map(() => r.normal(0, 0.5)));
    const G = gan.createSayedNet([1, 3, 1], ['tanh', 'linear'], r);
    const reals = [[0.3], [-1], [2]];
    const us = [[0.1], [0.5], [-1.2]];
    const fakes = gan.sayedGenerate(G, us);
    for (const gpForm of ['oneSided', 'twoSided'] as const) {
      const opts = { gpWeight: 2, gpPoints: [[0.1], [1.2], [-0.4]], rho: 0.01, gpForm };
      const hand = gan.criticGradients(C, reals, fakes, opts);
      assert.ok(hand.penalty > 0 || gpForm === 'oneSided');
      assert.ok(maxRelErr(hand, fd(C, () => gan.criticGradients(C, reals, fakes, opts).risk)) < 1e-7, gpForm);
      assert.ok(maxRelErr(hand, gan.wganGradientsTf(G, C, reals, us, opts).critic) < 1e-3, gpForm);
    }
    // deeper critic, no penalty (general recursion)
    const C2 = gan.createSayedNet([1, 4, 3, 1], ['relu', 'tanh', 'linear'], r);
    const h2 = gan.criticGradients(C2, reals, fakes);
    assert.ok(maxRelErr(h2, fd(C2, () => gan.criticGradients(C2, reals, fakes).risk)) < 1e-7);
  });

  it('Prob. 68.11 generator: the transition WITHOUT the leading minus equals finite differences and tf.grads', () => {
    const r = rng(8);
    const C = gan.createSayedNet([2, 4, 1], ['tanh', 'linear'], r);
    const G = gan.createSayedNet([2, 3, 2], ['tanh', 'tanh'], r);
    const us = [[0.1, 0.2], [0.5, -1], [-1.2, 0]];
    const hand = gan.wganGeneratorGradients(G, C, us, { rho: 0.05 });
    assert.ok(maxRelErr(hand, fd(G, () => -gan.wganGeneratorGradients(G, C, us, { rho: 0.05 }).objective)) < 1e-7);
    assert.ok(maxRelErr(hand, gan.wganGradientsTf(G, C, [[0, 0]], us, { rho: 0.05 }).generator) < 1e-3);
  });

  it('004 O11 by training: a one-sided-penalty critic estimates W₁(N(0,1), N(1,1)) = 1 within 0.15; a clipped critic only up to scale (estimates ∝ m)', function () {
    this.timeout(60000);
    const est = (m: number, lipschitz: 'gp' | 'clip', gpForm: gan.GpForm = 'oneSided') => {
      const C = gan.createSayedNet([1, 16, 1], ['tanh', 'linear'], rng(1));
      const t = new gan.WganTrainer(C, null, normal(0), normal(m), { lipschitz, gpForm, clip: 0.1, nCritic: 1, muCritic: 2e-3, seed: 0 });
      t.run(600);
      return t.estimate(4000);
    };
    close(est(1, 'gp'), 1, 0.15);
    const c1 = est(1, 'clip');
    const c2 = est(2, 'clip');
    assert.ok(c1 > 0 && c1 < 0.5, `clipped estimate ${c1} is far below W₁ = 1`);
    close(c2 / c1, 2, 0.3);
    // the two-sided penalty's spurious local minimum (see GP_FORMS: s·m + λ(|s| − 1)² has a local minimum at s > 0):
    // a critic that starts INCREASING in x is in that basin and ends with the wrong sign of the gap; the one-sided
    // penalty from the same start, and the two-sided one from the mirrored (decreasing) start, reach W₁ = 1
    const fromSlope = (slope: 1 | -1, gpForm: gan.GpForm) => {
      const C = gan.createSayedNet([1, 16, 1], ['tanh', 'linear'], rng(1));
      const [up, down] = gan.criticValues(C, [[1], [-1]]);
      if (Math.sign(up - down) !== slope) C.W[1] = C.W[1].map((row) => row.map((v) => -v));
      const t = new gan.WganTrainer(C, null, normal(0), normal(1), { lipschitz: 'gp', gpForm, nCritic: 1, muCritic: 2e-3, seed: 0 });
      t.run(600);
      return t.estimate(4000);
    };
    const stuck = fromSlope(1, 'twoSided');
    assert.ok(stuck < -0.5, `two-sided penalty from an increasing critic: gap ${stuck} (the wrong sign)`);
    close(fromSlope(1, 'oneSided'), 1, 0.15);
    close(fromSlope(-1, 'twoSided'), 1, 0.15);
  });

  it('a WGAN with generator moves a 1-D generator toward N(3, 1): empirical W₁ to fresh data falls', function () {
    this.timeout(60000);
    const r = rng(2);
    const C = gan.createSayedNet([1, 16, 1], ['tanh', 'linear'], r);
    const G = gan.createSayedNet([1, 8, 1], ['tanh', 'linear'], r);
    const t = new gan.WganTrainer(C, G, normal(3), null, { nCritic: 5, muGenerator: 5e-3, seed: 1 });
    const data = normal(3)(2000, rng(9)).map((x) => x[0]);
    const w0 = gan.wasserstein1Sorted(t.sample(2000).map((x) => x[0]), data);
    t.run(300);
    const w1 = gan.wasserstein1Sorted(t.sample(2000).map((x) => x[0]), data);
    assert.ok(w1 < 0.5 * w0, `W₁ ${w0} → ${w1}`);
  });

  it('rejects bad input', () => {
    const r = rng(1);
    const C = gan.createSayedNet([1, 3, 1], ['tanh', 'linear'], r);
    const D2 = gan.createSayedNet([1, 3, 2], ['tanh', 'softmax'], r);
    assert.throws(() => gan.wasserstein1Gaussian(0, 0, 1, 1), /wasserstein1Gaussian: s1 must be > 0 \(got 0\)/);
    assert.throws(() => gan.wasserstein1Gaussian(NaN, 1, 1, 1), /m1 must be a finite number/);
    assert.throws(() => gan.wasserstein1Sorted([1, 2], [1]), /wasserstein1Sorted: ys must have length 2/);
    assert.throws(() => gan.wasserstein1Empirical([], [1]), /wasserstein1Empirical: xs must not be empty/);
    assert.throws(() => gan.criticValues(D2, [[0]]), /the critic must end in ONE linear output/);
    assert.throws(() => gan.criticGradients(C, [], [[0]]), /reals must be a non-empty array of vectors/);
    assert.throws(() => gan.criticGradients(C, [[0]], [[0]], { gpWeight: -1 }), /gpWeight must be >= 0 \(got -1\)/);
    assert.throws(() => gan.criticGradients(C, [[0]], [[0]], { gpWeight: 1, gpForm: 'x' as never, gpPoints: [[0]] }), /gpForm must be one of/);
    assert.throws(() => gan.criticGradients(gan.createSayedNet([1, 2, 2, 1], ['tanh', 'tanh', 'linear'], r), [[0]], [[0]], { gpWeight: 1, gpPoints: [[0]] }), /gradient penalty is implemented for a critic \[1, H, 1\]/);
    assert.throws(() => gan.clipCritic(C, 0), /clipCritic: c must be > 0 \(got 0\)/);
    assert.throws(() => gan.wganGeneratorGradients(gan.createSayedNet([1, 2], ['linear'], r), C, [[0]]), /output size \(2\) must equal the critic's input size \(1\)/);
    assert.throws(() => new gan.WganTrainer(C, null, normal(0), null), /without a generator, sampleFake must be a function/);
    assert.throws(() => new gan.WganTrainer(C, null, normal(0), normal(1), { lipschitz: 'spectral' as never }), /lipschitz must be one of/);
    assert.throws(() => new gan.WganTrainer(C, null, normal(0), normal(1), { nCritic: 0 }), /nCritic must be an integer in \[1, 1000\] \(got 0\)/);
    assert.throws(() => new gan.WganTrainer(gan.createSayedNet([1, 3, 1], ['relu', 'linear'], r), null, normal(0), normal(1)), /gradient penalty needs a critic \[1, H, 1\] with a tanh hidden layer/);
    assert.throws(() => new gan.WganTrainer(C, null, normal(0), normal(1)).sample(3), /has no generator/);
  });
});
