/**
 * By-hand tolerances (issue #25, point 9): `compare.sigFigs(n)` / `compare.complexSigFigs(n)` accept an answer right
 * to n significant figures, tell a right-but-coarse answer so ("right to 2 significant figures; give 4") and never
 * call it wrong; a wrong answer is still not correct. Expected values are hand-computed: |1 + 0.1i| = √1.01 =
 * 1.0049876…; the extragradient radius of dgm-exercises/06 at α = 0.5 is |(1 − α²) ± iα| = √0.8125 = 0.9013878….
 */
import { strict as assert } from 'assert';
import { agreesToSigFigs, complexSigFigs, sigFigs, significantDigits } from '../../src/exercises/compare';

describe('exercises/compare: answers computed by hand (significant figures)', () => {
  it('counts the significant digits of an answer', () => {
    assert.equal(significantDigits(1.005), 4);
    assert.equal(significantDigits(2), 1);
    assert.equal(significantDigits(0.0012), 2);
    assert.equal(significantDigits(-0.9014), 4);
    assert.equal(significantDigits(1200), 2);
  });

  it('accepts |1 + 0.1i| = 1.005 and 1.0049876 to 4 figures; truncation 1.004 too; 1.006 is not correct', () => {
    const c = sigFigs(4);
    const ref = Math.sqrt(1.01);
    for (const a of [1.005, 1.00499, ref, 1.004]) assert.equal(c.compare(a, ref).passed, true, String(a));
    const v = c.compare(1.006, ref);
    assert.equal(v.passed, false);
    assert.match(v.feedback, /Not correct to 4 significant figures/);
  });

  it('the extragradient radius 0.9014 (4 figures) passes against the exact 0.90138782…', () => {
    const ref = Math.sqrt(0.8125); // |(1 − α²) ± iα| at α = 0.5, by hand
    assert.equal(sigFigs(4).compare(0.9014, ref).passed, true);
    assert.equal(sigFigs(4).compare(0.9013, ref).passed, true);
    assert.equal(sigFigs(4).compare(0.9016, ref).passed, false);
  });

  it('a right but coarse answer is told how many figures it has right, not that it is wrong', () => {
    const ref = Math.sqrt(1.01);
    const v = sigFigs(4).compare(1.0, ref);
    assert.equal(v.passed, false);
    assert.equal(v.malformed, undefined);
    assert.match(v.feedback, /^Right to 1 significant figure; give 4/);
    const v2 = sigFigs(4).compare(0.90, 0.9013878);
    assert.match(v2.feedback, /^Right to 1 significant figure; give 4/); // 0.90 is the number 0.9: one figure
    const v3 = sigFigs(4).compare(0.901, 0.9013878);
    assert.match(v3.feedback, /^Right to 3 significant figures; give 4/);
    assert.doesNotMatch(v3.feedback, /wrong|not correct/i);
    // A coarse answer that is wrong in its last figure is not correct.
    assert.match(sigFigs(4).compare(0.91, 0.9013878).feedback, /^Not correct to 4 significant figures/);
  });

  it('complex answers to n figures of the modulus', () => {
    const e = { re: 1, im: 0.1 };
    assert.equal(complexSigFigs(3).compare('1 + 0.1i', e).passed, true);
    assert.equal(complexSigFigs(3).compare({ re: 1.001, im: 0.1 }, e).passed, true);
    assert.equal(complexSigFigs(3).compare({ re: 1.02, im: 0.1 }, e).passed, false);
    assert.match(complexSigFigs(4).compare({ re: 1, im: 0.1 }, { re: 1.0123, im: 0.1 }).feedback, /^Right to 1 significant figure; give 4/);
  });

  it('agreesToSigFigs: within one unit (default) or half a unit of the n-th figure; a zero reference needs zero', () => {
    assert.equal(agreesToSigFigs(0.9013, 0.9013878, 4), true);
    assert.equal(agreesToSigFigs(0.9013, 0.9013878, 4, 0.5), false);
    assert.equal(agreesToSigFigs(0, 0, 3), true);
    assert.equal(agreesToSigFigs(1e-3, 0, 3), false);
  });

  it('rejects a malformed n and malformed answers', () => {
    assert.throws(() => sigFigs(0), /n must be an integer in \[1, 15\] \(got 0\)/);
    assert.throws(() => sigFigs(2.5), /got 2\.5/);
    assert.throws(() => complexSigFigs(16), /got 16/);
    assert.equal(sigFigs(3).compare('1.0', 1).malformed, true);
    assert.equal(sigFigs(3).compare(NaN, 1).malformed, true);
    assert.equal(complexSigFigs(3).compare([1, 2], e0()).malformed, true);
  });
});

function e0() {
  return { re: 0, im: 1 };
}
