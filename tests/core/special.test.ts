import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import {
  digamma,
  erf,
  erfc,
  erfinv,
  log1mExp,
  logAddExp,
  logBeta,
  logGamma,
  logit,
  logMeanExp,
  logSigmoid,
  logSumExp,
  mean,
  normalCdf,
  normalQuantile,
  sigmoid,
  softmax,
  softplus,
  sum,
  variance,
  xLogX,
  xLogXOverY,
} from '../../src/core';
import { assertClose, assertVectorClose, assertThrowsWith } from './close';

/** Euler–Mascheroni constant γ (published constant, OEIS A001620). */
const EULER_GAMMA = 0.5772156649015329;
/** fast-check runs are seeded so a failure reproduces. */
const FC = { seed: 20260101, numRuns: 200 };

describe('core/special', () => {
  describe('logGamma', () => {
    it('Γ(1/2) = √π (closed form)', () => {
      assertClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-15);
    });

    it('Γ(n) = (n−1)! for n = 1…30 (exact factorials)', () => {
      let logFact = 0; // log (n−1)!
      for (let n = 1; n <= 30; n++) {
        if (n > 1) logFact += Math.log(n - 1);
        assertClose(logGamma(n), logFact, 1e-14, 1e-15, `logGamma(${n})`);
      }
    });

    it('matches Stirling’s series for large x (closed-form asymptotics to O(x⁻⁷))', () => {
      for (const x of [50, 1e3, 1e6, 1e10]) {
        const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5);
        assertClose(logGamma(x), stirling, 1e-14, 0, `x=${x}`);
      }
    });

    it('matches mpmath at x = 100, 2.5 and 1e-8 (independent reference, 40 digits)', () => {
      assertClose(logGamma(100), 359.1342053695754, 1e-15);
      assertClose(logGamma(2.5), 0.28468287047291916, 1e-14);
      assertClose(logGamma(1e-8), 18.420680738180209, 1e-14);
    });

    it('satisfies log Γ(x+1) = log Γ(x) + log x (recurrence, property test)', () => {
      fc.assert(
        fc.property(fc.double({ min: 0.01, max: 1e4, noNaN: true }), (x) => {
          assertClose(logGamma(x + 1), logGamma(x) + Math.log(x), 1e-12, 1e-13);
        }),
        FC,
      );
    });

    it('rejects x ≤ 0 (RangeError) and non-numbers (TypeError), naming logGamma, x and the value', () => {
      assertThrowsWith(() => logGamma(0), RangeError, 'logGamma: x must be > 0 (got 0)');
      assertThrowsWith(() => logGamma(-1.5), RangeError, 'logGamma', '(got -1.5)');
      assertThrowsWith(() => logGamma(NaN), RangeError, 'logGamma: x must be a finite number (got NaN)');
      assertThrowsWith(() => logGamma('2' as unknown as number), TypeError, 'logGamma: x must be a number (got "2")');
    });
  });

  describe('logBeta', () => {
    it('B(1, b) = 1/b and symmetry B(a, b) = B(b, a) (closed forms)', () => {
      for (const b of [0.3, 1, 2, 7.5, 100]) assertClose(logBeta(1, b), -Math.log(b), 1e-14, 1e-15, `b=${b}`);
      assertClose(logBeta(2.5, 3.5), logBeta(3.5, 2.5), 1e-15);
    });

    it('B(a, b) = Γ(a)Γ(b)/Γ(a+b) at integers: B(3, 4) = 2!·3!/6! = 1/60 (exact)', () => {
      assertClose(logBeta(3, 4), -Math.log(60), 1e-14);
    });

    it('matches mpmath at (2.5, 3.5) and at the ill-conditioned (1e-3, 1000)', () => {
      assertClose(logBeta(2.5, 3.5), -3.3018352699620526, 1e-14);
      assertClose(logBeta(1e-3, 1000), 6.900271629687955, 1e-13);
    });

    it('rejects non-positive a or b naming the argument', () => {
      assertThrowsWith(() => logBeta(0, 1), RangeError, 'logBeta: a must be > 0 (got 0)');
      assertThrowsWith(() => logBeta(1, -2), RangeError, 'logBeta: b must be > 0 (got -2)');
    });
  });

  describe('digamma', () => {
    it('ψ(1) = −γ and ψ(1/2) = −γ − 2 ln 2 (published closed forms)', () => {
      assertClose(digamma(1), -EULER_GAMMA, 1e-15);
      assertClose(digamma(0.5), -EULER_GAMMA - 2 * Math.LN2, 1e-15);
    });

    it('ψ(n) = −γ + H_{n−1} (harmonic numbers) for n = 1…50', () => {
      let h = 0;
      for (let n = 1; n <= 50; n++) {
        if (n > 1) h += 1 / (n - 1);
        assertClose(digamma(n), -EULER_GAMMA + h, 1e-14, 1e-15, `n=${n}`);
      }
    });

    it('satisfies ψ(x+1) = ψ(x) + 1/x (recurrence, property test)', () => {
      fc.assert(
        fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
          assertClose(digamma(x + 1), digamma(x) + 1 / x, 1e-12, 1e-12);
        }),
        FC,
      );
    });

    it('is the derivative of logGamma (central finite differences) and matches mpmath ψ(0.1)', () => {
      for (const x of [0.3, 1.7, 12]) {
        const h = 1e-5 * x;
        assertClose(digamma(x), (logGamma(x + h) - logGamma(x - h)) / (2 * h), 1e-8, 1e-9, `x=${x}`);
      }
      assertClose(digamma(0.1), -10.423754940411077, 1e-14);
    });

    it('rejects x ≤ 0', () => {
      assertThrowsWith(() => digamma(0), RangeError, 'digamma: x must be > 0 (got 0)');
    });
  });

  describe('erf, erfc, erfinv', () => {
    it('known values (A&S table 7.1 / mpmath): erf(0.5), erf(1), erfc(3), erfc(10)', () => {
      assert.equal(erf(0), 0);
      assertClose(erf(0.5), 0.52049987781304654, 1e-15);
      assertClose(erf(1), 0.84270079294971487, 1e-15);
      assertClose(erfc(3), 2.2090496998585441e-5, 1e-14);
      // 1 − erf(10) is 0 in float64; erfc keeps the tail.
      assertClose(erfc(10), 2.0884875837625448e-45, 1e-13);
      assert.equal(1 - erf(10), 0);
    });

    it('erf is odd and erf + erfc = 1', () => {
      for (const x of [-3, -0.7, 0.1, 1.3, 2.9]) {
        assertClose(erf(-x), -erf(x), 1e-15, 1e-300);
        assertClose(erf(x) + erfc(x), 1, 1e-15);
      }
    });

    it('erfinv inverts erf: erfinv(0.5) (mpmath) and round trips on [−5, 5] and (−1, 1)', () => {
      assertClose(erfinv(0.5), 0.47693627620446987, 1e-15);
      assertClose(erfinv(0), 0, 0, 0);
      for (let x = -3; x <= 3; x += 0.25) assertClose(erfinv(erf(x)), x, 1e-12, 1e-15, `x=${x}`);
      for (const y of [-0.999999, -0.5, -1e-10, 1e-10, 0.3, 0.9, 0.999999]) assertClose(erf(erfinv(y)), y, 1e-14, 0, `y=${y}`);
    });

    it('errors: erfinv outside (−1, 1), non-finite erf/erfc arguments', () => {
      assertThrowsWith(() => erfinv(1), RangeError, 'erfinv: y must be in (-1, 1) (got 1)');
      assertThrowsWith(() => erfinv(-1.5), RangeError, '(got -1.5)');
      assertThrowsWith(() => erf(NaN), RangeError, 'erf: x must be a finite number (got NaN)');
      assertThrowsWith(() => erfc(Infinity), RangeError, 'erfc: x must be a finite number (got Infinity)');
    });
  });

  describe('normalCdf, normalQuantile', () => {
    it('Φ(1.959963984540054) = 0.975, Φ(0) = ½, Φ(1) (published normal-table constants)', () => {
      assertClose(normalCdf(1.959963984540054), 0.975, 1e-15);
      assert.equal(normalCdf(0), 0.5);
      assertClose(normalCdf(1), 0.84134474606854295, 1e-15);
    });

    it('keeps the lower tail: Φ(−10), Φ(−20), Φ(−37) vs mpmath (where 1 − Φ(10) would be 0)', () => {
      assertClose(normalCdf(-10), 7.6198530241605261e-24, 1e-13);
      assertClose(normalCdf(-20), 2.7536241186062337e-89, 1e-13);
      assertClose(normalCdf(-37), 5.7255712225245768e-300, 1e-12);
      assert.equal(normalCdf(Infinity), 1);
      assert.equal(normalCdf(-Infinity), 0);
    });

    it('Φ(x) + Φ(−x) = 1 (symmetry)', () => {
      for (const x of [0.3, 1, 2.5, 5]) assertClose(normalCdf(x) + normalCdf(-x), 1, 1e-15);
    });

    it('Φ⁻¹: 0.975 → 1.959963984540054, ½ → 0, tails vs mpmath (1e-10, 1e-300)', () => {
      assertClose(normalQuantile(0.975), 1.959963984540054, 1e-15);
      assertClose(normalQuantile(0.5), 0, 0, 0); // may be −0
      assertClose(normalQuantile(1e-10), -6.3613409024040562, 1e-13);
      assertClose(normalQuantile(1e-300), -37.047096299361199, 1e-12);
    });

    it('Φ(Φ⁻¹(p)) = p across (0, 1) (round trip, property test)', () => {
      fc.assert(
        fc.property(fc.double({ min: 1e-300, max: 1 - 1e-12, noNaN: true }), (p) => {
          assertClose(normalCdf(normalQuantile(p)), p, 1e-10);
        }),
        FC,
      );
    });

    it('rejects p ∉ (0, 1) and NaN x', () => {
      assertThrowsWith(() => normalQuantile(0), RangeError, 'normalQuantile: p must be in (0, 1) (got 0)');
      assertThrowsWith(() => normalQuantile(1), RangeError, '(got 1)');
      assertThrowsWith(() => normalCdf(NaN), RangeError, 'normalCdf: x must be a finite number (got NaN)');
    });
  });

  describe('logSumExp, logAddExp, logMeanExp, softmax', () => {
    it('logSumExp is exact on small values and stable at ±1000 (closed forms)', () => {
      assertClose(logSumExp([0, Math.log(2), Math.log(3)]), Math.log(6), 1e-15);
      assertClose(logSumExp([1000, 1000]), 1000 + Math.LN2, 1e-15);
      assertClose(logSumExp([-1000, -1000, -1000]), -1000 + Math.log(3), 1e-15);
      assertClose(logSumExp([1000, 0]), 1000, 1e-15);
      assertClose(logSumExp(Float64Array.from([5])), 5, 0);
    });

    it('−∞ entries are zero weights; all −∞ gives −∞', () => {
      assertClose(logSumExp([-Infinity, 2]), 2, 0);
      assert.equal(logSumExp([-Infinity, -Infinity]), -Infinity);
    });

    it('logSumExp errors: NaN, +∞, empty, non-array, non-number entries', () => {
      assertThrowsWith(() => logSumExp([0, NaN]), RangeError, 'logSumExp: xs[1] must be a number < +Infinity (got NaN)');
      assertThrowsWith(() => logSumExp([Infinity]), RangeError, 'logSumExp: xs[0]', '(got Infinity)');
      assertThrowsWith(() => logSumExp([]), RangeError, 'logSumExp: xs must not be empty');
      assertThrowsWith(() => logSumExp(3 as unknown as number[]), TypeError, 'logSumExp: xs must be an array of numbers (got 3)');
      assertThrowsWith(() => logSumExp([1, '2'] as unknown as number[]), TypeError, 'logSumExp: xs[1] must be a number (got "2")');
    });

    it('logAddExp(a, b) = log(eᵃ + eᵇ) and names its own arguments', () => {
      assertClose(logAddExp(Math.log(2), Math.log(5)), Math.log(7), 1e-15);
      assertClose(logAddExp(-1000, -1000), -1000 + Math.LN2, 1e-15);
      assert.equal(logAddExp(-Infinity, -Infinity), -Infinity);
      assertThrowsWith(() => logAddExp(0, NaN), RangeError, 'logAddExp: b must be a number < +Infinity (got NaN)');
    });

    it('logMeanExp: log of the mean of eˣ (closed form) and stable at 1000', () => {
      assertClose(logMeanExp([0, Math.log(3)]), Math.LN2, 1e-15);
      assertClose(logMeanExp([1000, 1000, 1000]), 1000, 1e-15);
      assertThrowsWith(() => logMeanExp([]), RangeError, 'logMeanExp: xs must not be empty');
    });

    it('softmax: closed form, stable at 1000, shift-invariant, sums to 1 (property test)', () => {
      assertVectorClose(softmax([0, Math.log(3)]), [0.25, 0.75], 1e-15);
      assertVectorClose(softmax([1000, 1000]), [0.5, 0.5], 0);
      // −1000 + ln 3 is rounded at the scale of 1000 (ulp ≈ 1.1e-13), so ¾ is met to ~1e-13
      assertVectorClose(softmax([-1000, -1000 + Math.log(3)]), [0.25, 0.75], 2e-13);
      assertVectorClose(softmax([-Infinity, 0]), [0, 1], 0);
      fc.assert(
        fc.property(fc.array(fc.double({ min: -800, max: 800, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.double({ min: -100, max: 100, noNaN: true }), (xs, c) => {
          const p = softmax(xs);
          assertClose(sum(p), 1, 1e-13);
          for (const v of p) assert.ok(v >= 0 && v <= 1);
          assertVectorClose(softmax(xs.map((x) => x + c)), p, 1e-9, 1e-15);
        }),
        FC,
      );
    });

    it('softmax of all −∞ is an error (it used to return NaN)', () => {
      assertThrowsWith(() => softmax([-Infinity, -Infinity]), RangeError, 'softmax: xs must have at least one entry > -Infinity');
      assertThrowsWith(() => softmax([1, NaN]), RangeError, 'softmax: xs[1]', '(got NaN)');
    });
  });

  describe('sigmoid, logit, softplus, logSigmoid, log1mExp', () => {
    it('sigmoid and logit at closed-form points: σ(0) = ½, σ(ln 3) = ¾, logit(¾) = ln 3', () => {
      assert.equal(sigmoid(0), 0.5);
      assertClose(sigmoid(Math.log(3)), 0.75, 1e-15);
      assertClose(logit(0.75), Math.log(3), 1e-15);
      assert.equal(logit(0.5), 0);
    });

    it('logit(σ(x)) = x, σ(x) + σ(−x) = 1', () => {
      for (let x = -30; x <= 30; x += 1.5) {
        assertClose(sigmoid(x) + sigmoid(-x), 1, 1e-15);
        // logit near p = 1 is ill-conditioned (σ(30) rounds to within 1e-16 of 1), so only moderate x round-trip tightly.
        if (Math.abs(x) <= 15) assertClose(logit(sigmoid(x)), x, 1e-9, 1e-12, `x=${x}`);
      }
      // the lower tail round-trips to full precision (no 1 − p cancellation)
      assertClose(logit(sigmoid(-700)), -700, 1e-14);
    });

    it('sigmoid is finite at ±800 and matches eˣ in the far lower tail', () => {
      assert.equal(sigmoid(800), 1);
      assert.ok(Number.isFinite(sigmoid(-800)) && sigmoid(-800) >= 0);
      assertClose(sigmoid(-700), Math.exp(-700), 1e-14);
    });

    it('softplus vs the direct formula log(1 + eˣ) at moderate x, and softplus(x) − softplus(−x) = x', () => {
      assertClose(softplus(0), Math.LN2, 1e-15);
      for (let x = -20; x <= 20; x += 0.5) {
        // the direct formula itself loses digits once eˣ ≪ 1 (1 + eˣ rounds), so compare it only for x ≥ −5
        if (x >= -5) assertClose(softplus(x), Math.log(1 + Math.exp(x)), 1e-13, 0, `x=${x}`);
        assertClose(softplus(x) - softplus(-x), x, 1e-13, 1e-13);
      }
    });

    it('softplus and logSigmoid are stable at ±800 and accurate in the tail (log1p(eˣ) ≈ eˣ − e²ˣ/2)', () => {
      assert.equal(softplus(800), 800);
      assert.equal(softplus(-800), 0); // true value e^−800 underflows
      assertClose(softplus(-30), Math.exp(-30) - Math.exp(-60) / 2, 1e-15);
      assert.equal(logSigmoid(-800), -800);
      assertClose(logSigmoid(800), 0, 0, 0); // −0
      for (let x = -20; x <= 20; x += 2.5) assertClose(logSigmoid(x), Math.log(sigmoid(x)), 1e-12, 1e-15, `x=${x}`);
    });

    it('log1mExp = log(1 − eˣ) on both sides of the −ln 2 branch point', () => {
      assertClose(log1mExp(-Math.LN2), Math.log(0.5), 1e-15); // at the branch point
      assertClose(log1mExp(-Math.log(4)), Math.log(0.75), 1e-15); // log1p branch
      assertClose(log1mExp(-Math.log(4 / 3)), Math.log(0.25), 1e-14); // expm1 branch
      // either side of −ln 2: continuous, and equal to the direct formula (no cancellation there)
      for (const d of [-1e-3, -1e-9, 1e-9, 1e-3]) {
        const x = -Math.LN2 + d;
        assertClose(log1mExp(x), Math.log(1 - Math.exp(x)), 1e-13, 0, `x=${x}`);
      }
      // moderate x: direct formula is fine
      for (let x = -5; x < -0.05; x += 0.35) assertClose(log1mExp(x), Math.log(1 - Math.exp(x)), 1e-13, 0, `x=${x}`);
      // x → 0⁻: 1 − eˣ ≈ −x (the direct formula gives log(0) = −∞)
      assertClose(log1mExp(-1e-20), Math.log(1e-20), 1e-15);
      assert.equal(Math.log(1 - Math.exp(-1e-20)), -Infinity);
      // x → −∞: log(1 − eˣ) ≈ −eˣ − e²ˣ/2
      assertClose(log1mExp(-50), -Math.exp(-50) - Math.exp(-100) / 2, 1e-15);
    });

    it('errors name the function, argument and value', () => {
      assertThrowsWith(() => logit(0), RangeError, 'logit: p must be in (0, 1) (got 0)');
      assertThrowsWith(() => logit(1), RangeError, '(got 1)');
      assertThrowsWith(() => sigmoid(Infinity), RangeError, 'sigmoid: x must be a finite number (got Infinity)');
      assertThrowsWith(() => softplus(NaN), RangeError, 'softplus: x');
      assertThrowsWith(() => logSigmoid(NaN), RangeError, 'logSigmoid: x must be a finite number (got NaN)');
      assertThrowsWith(() => log1mExp(0), RangeError, 'log1mExp: x must be < 0 (got 0)');
      assertThrowsWith(() => log1mExp(-0), RangeError, '(got -0)');
      assertThrowsWith(() => log1mExp(2), RangeError, '(got 2)');
    });
  });

  describe('xLogX, xLogXOverY', () => {
    it('x log x with 0 log 0 = 0 (entropy convention)', () => {
      assert.equal(xLogX(0), 0);
      assert.equal(xLogX(1), 0);
      assertClose(xLogX(Math.E), Math.E, 1e-15);
      assertClose(xLogX(0.5), -0.5 * Math.LN2, 1e-15);
      assertThrowsWith(() => xLogX(-0.1), RangeError, 'xLogX: x must be >= 0 (got -0.1)');
    });

    it('x log(x/y): 0 log(0/y) = 0 (also y = 0), x log(x/0) = +∞, 2 log 2, log(1/e) = −1 (KL conventions)', () => {
      assert.equal(xLogXOverY(0, 0), 0);
      assert.equal(xLogXOverY(0, 5), 0);
      assert.equal(xLogXOverY(2, 0), Infinity);
      assertClose(xLogXOverY(2, 1), 2 * Math.LN2, 1e-15);
      assertClose(xLogXOverY(1, Math.E), -1, 1e-15);
      assertThrowsWith(() => xLogXOverY(-1, 1), RangeError, 'xLogXOverY: x must be >= 0 (got -1)');
      assertThrowsWith(() => xLogXOverY(1, -1), RangeError, 'xLogXOverY: y must be >= 0 (got -1)');
      assertThrowsWith(() => xLogXOverY(1, NaN), RangeError, 'xLogXOverY: y must be a finite number (got NaN)');
    });
  });

  describe('sum, mean, variance', () => {
    it('compensated sum keeps what naive summation drops (exact answers)', () => {
      assert.equal(sum([1e16, 1, -1e16]), 1);
      assert.equal(1e16 + 1 - 1e16, 0); // naive
      assert.equal(sum([1, 1e100, 1, -1e100]), 2); // Neumaier's example
      const tenths = new Array(10).fill(0.1);
      assert.equal(sum(tenths), 1);
      assert.notEqual(tenths.reduce((a, b) => a + b, 0), 1); // naive gives 0.9999999999999999
      assert.equal(sum(Float64Array.from([1.5, 2.5])), 4);
    });

    it('mean and unbiased variance: hand-computed, and Welford’s shifted example (4, 7, 13, 16) + 1e9 → variance 30', () => {
      assert.equal(mean([1, 2, 3, 4]), 2.5);
      assertClose(variance([1, 2, 3, 4]), 5 / 3, 1e-15);
      const shifted = [4, 7, 13, 16].map((x) => x + 1e9);
      assertClose(mean(shifted), 1e9 + 10, 1e-15);
      assertClose(variance(shifted), 30, 1e-12);
    });

    it('errors: empty, NaN entries, non-arrays, variance of one value', () => {
      assertThrowsWith(() => sum([]), RangeError, 'sum: xs must not be empty');
      assertThrowsWith(() => sum([1, NaN]), RangeError, 'sum: xs[1] must be finite (got NaN)');
      assertThrowsWith(() => mean([]), RangeError, 'mean: xs must not be empty');
      assertThrowsWith(() => mean('12' as unknown as number[]), TypeError, 'mean: xs must be an array of numbers (got "12")');
      assertThrowsWith(() => variance([1]), RangeError, 'variance: xs needs at least 2 values (got 1)');
      assertThrowsWith(() => variance([1, Infinity]), RangeError, 'variance: xs[1] must be finite (got Infinity)');
    });
  });
});
