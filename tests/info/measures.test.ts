import { strict as assert } from 'assert';
import * as info from '../../src/info';
import { normalLogPdf } from '../../src/core/gaussian';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);

describe('info/measures — entropy, cross-entropy, KL, JS', () => {
  it('000 O-45: KL asymmetry and entropies (expected values: 000 inventory §3, recomputed in the audit)', () => {
    close(info.kl([0.5, 0.5], [0.9, 0.1]), 0.5108256237659907, 1e-12);
    close(info.kl([0.9, 0.1], [0.5, 0.5]), 0.3680642071684971, 1e-12);
    close(info.entropy([0.5, 0.5]), Math.LN2, 1e-15);
    close(info.entropy([0.9, 0.1]), 0.3250829733914482, 1e-15);
  });

  it('000 (A2.1): KL = cross-entropy − entropy (identity of the source, checked numerically)', () => {
    const p = [0.2, 0.5, 0.3];
    const q = [0.4, 0.4, 0.2];
    close(info.kl(p, q), info.crossEntropy(p, q) - info.entropy(p), 1e-15);
  });

  it('000 O-46: JS is not a metric but √JS satisfies the triangle inequality; JS(P,R) = ln 2 (000 inventory §3)', () => {
    const P = [1, 0];
    const Q = [0.5, 0.5];
    const R = [0, 1];
    close(info.js(P, R), 0.6931471805599453, 1e-15);
    close(info.js(P, Q), 0.21576155433883565, 1e-15);
    close(info.js(Q, R), 0.21576155433883565, 1e-15);
    assert.ok(info.js(P, Q) + info.js(Q, R) < info.js(P, R));
    close(info.jsDistance(P, Q) + info.jsDistance(Q, R), 0.9290028080449179, 1e-12);
    close(info.jsDistance(P, R), 0.8325546111576977, 1e-12);
  });

  it('000 O-47: JS symmetric, bounded by ln 2 nats = 1 bit (000 inventory §3; erratum 000-E63)', () => {
    const p = [0.5, 0.5];
    const q = [0.9, 0.1];
    close(info.js(p, q), info.js(q, p), 1e-16);
    close(info.js(p, q), 0.10174922507919676, 1e-15);
    close(info.js([1, 0], [0, 1], { base: 'bits' }), 1, 1e-15);
    close(info.natsToBits(Math.LN2), 1, 1e-15);
    close(info.bitsToNats(1), Math.LN2, 1e-15);
    close(info.entropy([0.25, 0.25, 0.25, 0.25], { base: 2 }), 2, 1e-15);
  });

  it('KL is +∞ where q = 0 < p, and 0 log 0 = 0 where p = 0', () => {
    assert.equal(info.kl([0.5, 0.5], [1, 0]), Infinity);
    assert.equal(info.crossEntropy([0.5, 0.5], [1, 0]), Infinity);
    close(info.kl([1, 0], [0.5, 0.5]), Math.LN2, 1e-15);
  });

  it('Gaussian KL closed form agrees with 1-D quadrature (independent route)', () => {
    const closed = info.klGaussian(0.3, 0.7, -1, 1.8);
    const quad = info.klDensity((x) => normalLogPdf(x, 0.3, 0.7), (x) => normalLogPdf(x, -1, 1.8), { lower: -15, upper: 15, n: 6000 });
    close(quad, closed, 1e-9);
    close(info.klDiagGaussian([0.3, 1], [0.7, 1], [-1, 1], [1.8, 1]), closed, 1e-15);
    close(info.klMvn([0.3, 1], [[0.49, 0], [0, 1]], [-1, 1], [[1.8 ** 2, 0], [0, 1]]), closed, 1e-12);
    close(info.gaussianEntropy(0.7), info.entropyDensity((x) => normalLogPdf(x, 0.3, 0.7), { lower: -10, upper: 10 }), 1e-9);
    close(info.crossEntropyDensity((x) => normalLogPdf(x, 0, 1), (x) => normalLogPdf(x, 0, 1), { lower: -12, upper: 12 }), info.gaussianEntropy(1), 1e-9);
  });

  it('klMvn with a correlated covariance matches the formula computed by hand (2×2 inverse and determinants)', () => {
    // Σ1 = [[2,0.5],[0.5,1]], Σ2 = I, μ1 = (1,0), μ2 = 0: ½[tr Σ1 + |μ|² − 2 − ln det Σ1] with det Σ1 = 1.75.
    const expected = 0.5 * (3 + 1 - 2 - Math.log(1.75));
    close(info.klMvn([1, 0], [[2, 0.5], [0.5, 1]], [0, 0], [[1, 0], [0, 1]]), expected, 1e-14);
  });

  it('JS of two Gaussians by quadrature is stable far apart (004 A17 caveat): tends to ln 2', () => {
    const v = info.jsDensity((x) => normalLogPdf(x, 0, 1), (x) => normalLogPdf(x, 40, 1), { lower: -20, upper: 60, n: 8000 });
    close(v, Math.LN2, 1e-9);
  });

  it('simpson integrates polynomials of degree ≤ 3 exactly and linspace spans the interval', () => {
    close(info.simpson((x) => x ** 3 - 2 * x + 1, { lower: -1, upper: 2, n: 2 }), 3.75, 1e-14); // [x⁴/4 − x² + x] from −1 to 2
    assert.deepEqual(info.linspace(0, 1, 3), [0, 0.5, 1]);
  });

  it('rejects bad input with errors naming the argument and value', () => {
    assert.throws(() => info.kl([0.5, 0.6], [0.5, 0.5]), /kl: p must sum to 1/);
    assert.throws(() => info.kl([0.5, 0.5], [1]), /kl: p and q must have the same length \(got 2 and 1\)/);
    assert.throws(() => info.entropy([1.5, -0.5]), /entropy: p\[0\] must be a probability/);
    assert.throws(() => info.js([0.5, 0.5], [0.5, 0.5], { base: 1 }), /js: base must be/);
    assert.throws(() => info.klGaussian(0, 0, 0, 1), /klGaussian: sigma1 must be > 0 \(got 0\)/);
    assert.throws(() => info.klDiagGaussian([0], [-1], [0], [1]), /sigma1\[0\] must be > 0/);
    assert.throws(() => info.klMvn([0, 0], [[1, 2], [2, 1]], [0, 0], [[1, 0], [0, 1]]), /Sigma1/);
    assert.throws(() => info.klDensity((x) => NaN + x, (x) => x, { lower: 0, upper: 1 }), /klDensity: logp\(0\) must be a log density value/);
    assert.throws(() => info.klDensity((x) => x, (x) => x, { lower: 1, upper: 0 }), /upper must be > lower/);
    assert.throws(() => info.simpson((x) => x, { lower: 0, upper: 1, n: 3 }), /n must be even/);
    assert.throws(() => info.simpson((x) => 1 / x, { lower: 0, upper: 1 }), /simpson: f\(0\) must be a finite number/);
    assert.throws(() => info.information(0), /information: px must be in \(0, 1\] \(got 0\)/);
    assert.throws(() => info.natsToBits(NaN), /natsToBits: x must be a finite number/);
    assert.throws(() => info.gaussianEntropy(-1), /sigma must be > 0/);
    assert.throws(() => info.entropyDensity(3 as never, { lower: 0, upper: 1 }), /logp must be a function/);
    assert.throws(() => info.linspace(0, 1, 1), /linspace: n must be an integer >= 2/);
  });
});
