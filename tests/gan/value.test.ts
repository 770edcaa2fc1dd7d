import { strict as assert } from 'assert';
import * as gan from '../../src/gan';
import { rng } from '../../src/core/rng';
import { normalLogPdf } from '../../src/core/gaussian';
import { sigmoid } from '../../src/core/special';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);
const N01 = (x: number) => normalLogPdf(x, 0, 1);
const N11 = (x: number) => normalLogPdf(x, 1, 1);

describe('gan/value — V(D,G), D*, C(G) = 2·JS − ln 4', () => {
  it('000 O-37 / T-11: argmax_y a ln y + b ln(1−y) = a/(a+b); a=1, b=3 → 0.25, value −2.249340578475233 (000 inventory §3)', () => {
    const r = gan.argmaxBinaryLogLikelihood(1, 3);
    close(r.y, 0.25, 1e-16);
    close(r.value, -2.249340578475233, 1e-14);
    // independent check: no grid point beats the closed-form maximiser
    for (let y = 0.01; y < 1; y += 0.01) assert.ok(Math.log(y) + 3 * Math.log(1 - y) <= r.value + 1e-15);
  });

  it('000 T-12 / O-37, 004 O2 (68.114): −ln 4 = −1.3862943611198906; D* = ½ and C(G) = −ln 4 when p_g = p_data', () => {
    close(gan.GAN_OPTIMAL_VALUE, -1.3862943611198906, 1e-16);
    close(gan.ganValueConstantHalf(), -1.3862943611198906, 1e-15);
    const p = [0.2, 0.3, 0.5];
    assert.deepEqual(gan.optimalDiscriminator(p, p), [0.5, 0.5, 0.5]);
    close(gan.ganValueAtOptimalDiscrete(p, p), -Math.log(4), 1e-15);
    close(gan.gaussianGanOptimalValue(0, 1, 0, 1), -Math.log(4), 1e-10);
  });

  it('000 O-38 and 003 §4.8: P=(.5,.5), Q=(.9,.1): D* = (0.35714286, 0.83333333), C(G) = −1.1827959109614974, JS = 0.10174922507919676, sum of KLs = 2JS (inventories 000 §3 / 003 §4.8)', () => {
    const d = gan.ganOptimalValueDecomposition([0.5, 0.5], [0.9, 0.1]);
    close(d.dStar[0], 0.35714285714285715, 1e-15);
    close(d.dStar[1], 0.8333333333333334, 1e-15);
    close(d.value, -1.1827959109614974, 1e-14);
    close(d.js, 0.10174922507919676, 1e-15);
    close(d.exact, -1.182795910961497, 1e-14);
    close(d.klDataToMix + d.klGenToMix, 0.20349845015839352, 1e-14);
    // 000-E56: the tutorial's "JS − log 4" with JS the average
    close(d.source000, -1.2845451360406939, 1e-14);
    close(gan.ganValueAtOptimalDiscrete([0.5, 0.5], [0.9, 0.1], 'source'), -1.2845451360406939, 1e-14);
  });

  it('D* maximises V(·, G) pointwise (002 (10.2.7)–(10.2.8)): perturbing D* lowers V (independent check by perturbation)', () => {
    const p = [0.1, 0.6, 0.3];
    const q = [0.5, 0.25, 0.25];
    const ds = gan.optimalDiscriminator(p, q);
    const v = gan.ganValueDiscrete(p, q, ds);
    const r = rng(3);
    for (let t = 0; t < 50; t++) {
      const d2 = ds.map((d) => Math.min(0.999, Math.max(0.001, d + 0.05 * r.normal())));
      assert.ok(gan.ganValueDiscrete(p, q, d2) <= v + 1e-15);
    }
  });

  it('000 O-39 / 002 D15 / 004 O4 (m=1): N(0,1) vs N(1,1): C(G) = −1.1634513967504183, JS = 0.11142148218473613 (quadrature; inventories)', () => {
    close(gan.gaussianGanOptimalValue(0, 1, 1, 1), -1.1634513967504183, 1e-9);
    close(gan.gaussianJs(0, 1, 1, 1), 0.11142148218473613, 1e-9);
    close(2 * gan.gaussianJs(0, 1, 1, 1) - Math.log(4), gan.gaussianGanOptimalValue(0, 1, 1, 1), 1e-10);
  });

  it('004 O4: the JSD / J(G,D*) / D*(0) table for m = 0.5, 1, 2 (004 inventory §4.2; D*(0) = 1/(1+e^{−m²/2}) closed form)', () => {
    const table: [number, number, number, number][] = [
      [0.5, 0.0303113, -1.3256718, 0.5312094],
      [1.0, 0.1114215, -1.1634514, 0.6224593],
      [2.0, 0.3368308, -0.7126327, 0.8807971],
    ];
    for (const [m, jsd, J, d0] of table) {
      close(gan.gaussianJs(0, 1, m, 1), jsd, 5e-8, `JSD m=${m}`);
      close(gan.gaussianGanOptimalValue(0, 1, m, 1), J, 5e-8, `J m=${m}`);
      const D = gan.optimalDiscriminatorDensity(N01, (x) => normalLogPdf(x, m, 1));
      close(D(0), d0, 5e-8, `D*(0) m=${m}`);
      close(D(0), 1 / (1 + Math.exp(-(m * m) / 2)), 1e-15);
    }
  });

  it('000 O-40 / 002 D15: D*(x) = 1/(1+e^{x−1/2}) for N(0,1) vs N(1,1); D*(0) = 0.6224593312018546, D*(0.5) = 0.5', () => {
    const D = gan.optimalDiscriminatorDensity(N01, N11);
    close(D(0), 0.6224593312018546, 1e-15);
    close(D(0.5), 0.5, 1e-15);
    for (const x of [-3, -1, 2, 4]) close(D(x), 1 / (1 + Math.exp(x - 0.5)), 1e-15);
  });

  it('the quadratic-logit coefficients of D* reproduce ln p − ln q (toy family contains D*; independent evaluation)', () => {
    const [w2, w1, w0] = gan.gaussianOptimalLogitCoefficients(2, 1.5, -1, 0.7);
    for (const x of [-2, 0, 1.3, 5]) close(w2 * x * x + w1 * x + w0, normalLogPdf(x, 2, 1.5) - normalLogPdf(x, -1, 0.7), 1e-12);
  });

  it('V(D,G) by quadrature at D* equals C(G); any other logit gives less (002 (10.2.2), 004 (68.105))', () => {
    const q = { lower: -12, upper: 13, n: 4000 };
    const logit = gan.optimalDiscriminatorLogit(N01, N11);
    close(gan.ganValueDensity(N01, N11, logit, q), -1.1634513967504183, 1e-9);
    assert.ok(gan.ganValueDensity(N01, N11, (x) => logit(x) + 0.3, q) < -1.1634513967504183);
    assert.ok(gan.ganValueDensity(N01, N11, () => 0, q) < -1.16345);
    close(gan.ganValueDensity(N01, N11, () => 0, q), -Math.log(4), 1e-9);
    // the source-form (000-E56) value by quadrature
    close(gan.ganValueAtOptimalDensity(N01, N11, q, 'source'), 0.11142148218473613 - Math.log(4), 1e-9);
    const kls = gan.klToMixtureDensity(N01, N11, q);
    close(kls.klDataToMix + kls.klGenToMix, 2 * 0.11142148218473613, 1e-9);
  });

  it('Monte Carlo V(D*,G) (seeded) agrees with the quadrature value −1.1634514 within 4 standard errors', () => {
    const D = gan.optimalDiscriminatorDensity(N01, N11);
    const r = rng(2024);
    const est = gan.ganValueMonteCarloSampled({ D, G: (z) => z + 1, sampleData: (g) => g.normal(), n: 40000, rng: r });
    assert.ok(Math.abs(est.value + 1.1634513967504183) < 4 * est.stderr, `${est.value} ± ${est.stderr}`);
    assert.ok(est.stderr > 0 && est.stderr < 0.01);
    // deterministic with the same seed
    const again = gan.ganValueMonteCarloSampled({ D, G: (z) => z + 1, sampleData: (g) => g.normal(), n: 40000, rng: rng(2024) });
    assert.equal(again.value, est.value);
  });

  it('rejects bad input with errors naming the argument and value', () => {
    assert.throws(() => gan.argmaxBinaryLogLikelihood(-1, 2), /argmaxBinaryLogLikelihood: a must be >= 0 \(got -1\)/);
    assert.throws(() => gan.argmaxBinaryLogLikelihood(0, 0), /must not both be 0/);
    assert.throws(() => gan.argmaxBinaryLogLikelihood(1, -2), /b must be >= 0/);
    assert.throws(() => gan.optimalDiscriminator([0.5, 0.5], [1]), /pData and pG must have the same length \(got 2 and 1\)/);
    assert.throws(() => gan.optimalDiscriminator([0.5, 0.6], [0.5, 0.5]), /pData must sum to 1/);
    assert.throws(() => gan.ganValueDiscrete([0.5, 0.5], [0.5, 0.5], [0.5, 1.5]), /D\[1\] must be in \[0, 1\] \(got 1.5\)/);
    assert.throws(() => gan.ganValueDiscrete([0.5, 0.5], [0.5, 0.5], [0.5]), /D must have length 2/);
    assert.throws(() => gan.ganValueAtOptimalDiscrete([1], [1], 'tutorial' as never), /form must be "exact" or "source" \(got "tutorial"\)/);
    assert.throws(() => gan.optimalDiscriminatorLogit(3 as never, N01), /logpData must be a function/);
    assert.throws(() => gan.optimalDiscriminatorDensity(N01, () => -Infinity)(0), /common support/);
    assert.throws(() => gan.gaussianOptimalLogitCoefficients(0, 0, 1, 1), /sdData must be > 0 \(got 0\)/);
    assert.throws(() => gan.gaussianGanOptimalValue(0, 1, 1, -1), /sdG must be > 0 \(got -1\)/);
    assert.throws(() => gan.ganValueDensity(N01, N11, () => Infinity, { lower: 0, upper: 1 }), /logitD\(0\) must be finite/);
    assert.throws(() => gan.ganValueMonteCarlo(() => 2, (z) => z, [0], [0]), /D\(0\) must be in \[0, 1\] \(got 2\)/);
    assert.throws(() => gan.ganValueMonteCarlo(() => 0.5, (z) => z, [], [0]), /xs must not be empty/);
    assert.throws(() => gan.ganValueMonteCarloSampled({ D: () => 0.5, G: (z) => z, sampleData: (g) => g.normal(), n: 0, rng: rng(1) }), /n must be an integer >= 1 \(got 0\)/);
    assert.throws(() => gan.ganValueMonteCarloSampled({ D: () => 0.5, G: (z) => z, sampleData: () => 0, n: 5, rng: {} as never }), /rng must be a core.rng/);
    void sigmoid;
  });
});
