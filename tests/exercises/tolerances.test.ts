/**
 * Every registered numeric exercise means its stated precision (issue #15 item 2, the lasting form of the before/after
 * comparison of the exerciseGroup conversion): its comparator accepts the reference answer and rejects the reference
 * moved by ten times its tolerance (number, complex, vector, matrix: 10·(abs + rel·|e|) on one entry) or by ten units
 * in the n-th significant figure (by-hand answers to n figures). Expected verdicts follow from the comparator's stated
 * rule (|a − e| ≤ abs + rel·|e|; ±1 unit in the n-th figure), not from the reference values.
 */
import { strict as assert } from 'assert';
import '../../src/index';
import { compare, encodeAnswer, listExercises, verify, type Exercise } from '../../src/exercises';

/** The amount that must make a single entry with reference `e` wrong. */
function outside(ex: Exercise, e: number): number | null {
  const c = ex.compare;
  if (c.tolerance) {
    const { abs, rel } = c.tolerance;
    const t = abs + rel * Math.abs(e);
    return t > 0 ? 10 * t : 1e-6 * (1 + Math.abs(e));
  }
  if (c.sigFigs !== undefined) return e === 0 ? 1e-6 : 10 * 10 ** (Math.floor(Math.log10(Math.abs(e))) - c.sigFigs + 1);
  return null;
}

/** The reference with its first entry moved by `outside`; null for answers that are not numeric. */
function moved(ex: Exercise, ref: unknown): unknown {
  const shift = (x: number) => {
    const d = outside(ex, x);
    return d === null ? null : x + d;
  };
  if (typeof ref === 'number') return shift(ref);
  if (ref && typeof ref === 'object' && 're' in ref) {
    const z = ref as { re: number; im: number };
    const re = shift(Math.hypot(z.re, z.im)); // the tolerance is on |a − e|, relative to |e|
    return re === null ? null : { re: z.re + (re - Math.hypot(z.re, z.im)), im: z.im };
  }
  if (Array.isArray(ref) && ref.length > 0) {
    if (typeof ref[0] === 'number') {
      const x = shift(ref[0]);
      return x === null ? null : [x, ...ref.slice(1)];
    }
    if (Array.isArray(ref[0]) && typeof ref[0][0] === 'number') {
      const x = shift(ref[0][0]);
      return x === null ? null : [[x, ...ref[0].slice(1)], ...ref.slice(1)];
    }
  }
  return null;
}

describe('exercises: numeric comparators mean their stated precision', function () {
  this.timeout(300_000);
  const saved = process.env.DGMLAB_PRESET;
  before(() => (process.env.DGMLAB_PRESET = 'fast'));
  after(() => (saved === undefined ? delete process.env.DGMLAB_PRESET : (process.env.DGMLAB_PRESET = saved)));

  it('the comparators expose what they check (by the rule of compare.ts)', () => {
    assert.deepEqual(compare.number({ abs: 1e-4 }).tolerance, { abs: 1e-4, rel: 1e-6 });
    assert.deepEqual(compare.vector({ rel: 1e-3 }).tolerance, { abs: 1e-6, rel: 1e-3 });
    assert.equal(compare.sigFigs(4).sigFigs, 4);
    assert.equal(compare.vectorSigFigs(3).sigFigs, 3);
    assert.equal(compare.boolean().tolerance, undefined);
  });

  it('every numeric exercise accepts its reference and rejects it moved outside its precision', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const ex of listExercises()) {
      const ref = JSON.parse(JSON.stringify(encodeAnswer(ex.compare.toJSON(ex.reference()))));
      const wrong = moved(ex, ref);
      if (wrong === null) continue;
      checked++;
      if (!verify(ex.id, ref).passed) problems.push(`${ex.id}: rejects its reference`);
      const v = verify(ex.id, wrong);
      if (v.passed) problems.push(`${ex.id}: accepts ${JSON.stringify(wrong)} (reference ${JSON.stringify(ref)}, ${ex.compare.expects})`);
    }
    assert.deepEqual(problems, []);
    assert.ok(checked > 150, `only ${checked} numeric exercises checked`);
  });
});
