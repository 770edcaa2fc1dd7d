import { strict as assert } from 'assert';
import * as mathjs from 'mathjs';
import { compare, isClose, NOT_ANSWERED } from '../../src/exercises';

// Expected verdicts come from the tolerance rule |a − e| ≤ abs + rel·|e| (numpy.isclose) evaluated by hand on values
// that are exact in binary floating point, so the edges are exact.

describe('exercises/compare', () => {
  describe('number', () => {
    const c = compare.number({ abs: 0.25, rel: 0 });
    it('passes inside and at the absolute tolerance edge, fails just outside', () => {
      assert.equal(c.compare(1, 1).passed, true);
      assert.equal(c.compare(1.25, 1).passed, true); // |0.25| ≤ 0.25 exactly
      assert.equal(c.compare(0.75, 1).passed, true);
      assert.equal(c.compare(1.2500001, 1).passed, false);
      assert.equal(c.compare(-1, 1).passed, false);
    });
    it('relative tolerance scales with |expected|', () => {
      const r = compare.number({ abs: 0, rel: 0.125 });
      assert.equal(r.compare(9, 8).passed, true); // 0.125·8 = 1
      assert.equal(r.compare(9.0001, 8).passed, false);
      assert.equal(r.compare(-7, -8).passed, true);
      assert.equal(isClose(1e-7, 0, { abs: 1e-6, rel: 0 }), true);
      assert.equal(isClose(2e-6, 0, { abs: 1e-6, rel: 0.5 }), false); // rel·|0| adds nothing
    });
    it('malformed answers get feedback naming what was expected, never a crash', () => {
      for (const [bad, says] of [
        [NaN, /NaN/],
        [undefined, /undefined.*Expected a number/],
        ['3.5', /remove the quotes/],
        [[3.5], /pass the number itself/],
        [Infinity, /not a finite number/],
        [{ x: 1 }, /object with keys x/],
        [null, /null/],
      ] as const) {
        const v = c.compare(bad, 3.5);
        assert.equal(v.passed, false);
        assert.equal(v.malformed, true, String(bad));
        assert.match(v.feedback, says as RegExp);
      }
    });
    it('feedback never contains the reference value', () => {
      const ref = 3.4076059644443806;
      for (const a of [3.4, NaN, 'x', [1]]) assert.ok(!compare.number().compare(a, ref).feedback.includes('3.407'), String(a));
    });
    it('rejects invalid tolerances at declaration', () => {
      assert.throws(() => compare.number({ abs: -1 }), /abs tolerance must be a finite number >= 0 \(got -1\)/);
      assert.throws(() => compare.number({ rel: NaN }), /rel tolerance must be a finite number >= 0 \(got NaN\)/);
    });
  });

  describe('complex', () => {
    const c = compare.complex({ abs: 1e-9, rel: 0 });
    const e = { re: 1, im: 0.1 };
    it('accepts {re, im}, mathjs Complex, strings like "1 + 0.1i" (also j), and reals', () => {
      assert.equal(c.compare({ re: 1, im: 0.1 }, e).passed, true);
      assert.equal(c.compare(mathjs.complex(1, 0.1), e).passed, true);
      for (const s of ['1 + 0.1i', '1+0.1i', ' 1 + 0.1 i ', '1 + 0.1j']) assert.equal(c.compare(s, e).passed, true, s);
      assert.equal(c.compare('-i', { re: 0, im: -1 }).passed, true);
      assert.equal(c.compare('0.5i', { re: 0, im: 0.5 }).passed, true);
      assert.equal(c.compare(2, { re: 2, im: 0 }).passed, true);
      assert.equal(c.compare('1 - 0.1i', e).passed, false); // the conjugate is another number
    });
    it('tolerance is on the modulus of the difference', () => {
      const t = compare.complex({ abs: 0.5, rel: 0 });
      assert.equal(t.compare({ re: 0.3, im: 0.4 }, { re: 0, im: 0 }).passed, true); // |0.3 + 0.4i| = 0.5
      assert.equal(t.compare({ re: 0.3, im: 0.41 }, { re: 0, im: 0 }).passed, false);
    });
    it('malformed complex answers get feedback', () => {
      for (const bad of ['abc', { re: 'a', im: 1 }, { re: NaN, im: 0 }, NaN, [1, 0.1], undefined, true]) {
        const v = c.compare(bad, e);
        assert.equal(v.malformed, true, JSON.stringify(bad));
        assert.match(v.feedback, /complex number|undefined/);
      }
    });
  });

  describe('vector and matrix', () => {
    it('vector: length first, then entries within tolerance; typed arrays accepted', () => {
      const c = compare.vector({ abs: 0.25, rel: 0 });
      assert.equal(c.compare([1, 2, 3], [1, 2, 3.25]).passed, true);
      assert.equal(c.compare(Float64Array.from([1, 2, 3]), [1, 2, 3]).passed, true);
      const wrong = c.compare([1, 2.5, 3], [1, 2, 3]);
      assert.equal(wrong.passed, false);
      assert.equal(wrong.malformed, undefined);
      assert.match(wrong.feedback, /1 of 3 entries differ \(entry 1\)/);
      assert.match(c.compare([1, 2], [1, 2, 3]).feedback, /Expected an array of 3 numbers, got 2 entries/);
      assert.match(c.compare([1, NaN, 3], [1, 2, 3]).feedback, /Entry 1 should be a number, got NaN/);
      assert.match(c.compare(5, [1, 2, 3]).feedback, /Expected an array of 3 numbers, got the number 5/);
    });
    it('matrix: shape first (rows × columns, ragged rows), then entries', () => {
      const c = compare.matrix({ abs: 1e-12 });
      const e = [[0.6, -0.2], [-0.2, 0.4]];
      assert.equal(c.compare([[0.6, -0.2], [-0.2, 0.4]], e).passed, true);
      assert.match(c.compare([[0.6, -0.2, 0], [-0.2, 0.4, 0]], e).feedback, /Expected a 2×2 matrix, got 2×3/);
      assert.match(c.compare([[0.6], [-0.2, 0.4]], e).feedback, /rows have different lengths/);
      assert.match(c.compare([0.6, -0.2, -0.2, 0.4], e).feedback, /Expected a 2×2 matrix as an array of rows/);
      assert.match(c.compare([[0.6, -0.2], [-0.2, '0.4']], e).feedback, /Entry \(1, 1\) should be a number/);
      assert.match(c.compare([[0.6, 0.2], [-0.2, 0.4]], e).feedback, /1 of 4 entries differ/);
    });
  });

  describe('unordered collections', () => {
    it('eigenvalues in any order, complex, each within tolerance', () => {
      const c = compare.unordered(compare.complex({ abs: 1e-9 }));
      const e = [{ re: 1, im: -0.1 }, { re: 1, im: 0.1 }];
      assert.equal(c.compare(['1 + 0.1i', '1 - 0.1i'], e).passed, true);
      assert.equal(c.compare([{ re: 1, im: -0.1 }, mathjs.complex(1, 0.1)], e).passed, true);
      assert.equal(c.compare(new Set(['1 + 0.1i', '1 - 0.1i']), e).passed, true);
      // a multiset: the same eigenvalue twice does not cover both
      const twice = c.compare(['1 + 0.1i', '1 + 0.1i'], e);
      assert.equal(twice.passed, false);
      assert.match(twice.feedback, /only 1 of your 2 items/);
      assert.match(c.compare(['1 + 0.1i'], e).feedback, /Expected 2 items \(any order\), got 1/);
      assert.match(c.compare(['1 + 0.1i', 'oops'], e).feedback, /Item 1: .*complex number/);
    });
    it('finds a one-to-one pairing where a greedy pass in order would not (augmenting paths)', () => {
      // Reference {0, 0.2}, tolerance 0.11: answer [0.1, 0.0]. Greedy pairs 0.1 with 0 and then 0.0 has nothing left;
      // the only valid pairing is 0.1 ↔ 0.2 and 0.0 ↔ 0.
      const c = compare.unordered(compare.number({ abs: 0.11, rel: 0 }));
      assert.equal(c.compare([0.1, 0.0], [0, 0.2]).passed, true);
      assert.equal(c.compare([0.1, 0.35], [0, 0.2]).passed, false);
    });
    it('set: exact discrete items (pixel indices), order and duplicates ignored', () => {
      const c = compare.set();
      assert.equal(c.compare([34, 23, 24], [23, 24, 34]).passed, true);
      assert.equal(c.compare(new Set([23, 24, 34, 34]), [23, 24, 34]).passed, true);
      assert.match(c.compare([23, 24], [23, 24, 34]).feedback, /1 item is missing/);
      assert.match(c.compare([23, 24, 34, 45, 44], [23, 24, 34]).feedback, /2 items do not belong/);
      assert.match(c.compare([23, 'x'], [23, 24]).feedback, /Item 1 should be a finite number/);
      assert.match(c.compare('23, 24', [23, 24]).feedback, /Expected a list or Set/);
    });
  });

  describe('boolean, choice, expression', () => {
    it('boolean: only true or false', () => {
      const c = compare.boolean();
      assert.equal(c.compare(false, false).passed, true);
      assert.equal(c.compare(true, false).passed, false);
      assert.match(c.compare('false', false).feedback, /Expected true or false, got the string "false"/);
      assert.match(c.compare(0, false).feedback, /Expected true or false, got the number 0/);
    });
    it('choice: an option key, case-insensitive and trimmed; unknown options are malformed', () => {
      const c = compare.choice([{ key: 'a', text: 'first' }, { key: 'b', text: 'second' }, 'c']);
      assert.equal(c.compare(' B ', 'b').passed, true);
      assert.equal(c.compare('a', 'b').passed, false);
      const v = c.compare('d', 'b');
      assert.equal(v.malformed, true);
      assert.match(v.feedback, /Expected one of "a", "b", "c"/);
      assert.match(c.compare(1, 'b').feedback, /got the number 1/);
      assert.equal(c.format('b'), 'b (second)');
      assert.throws(() => compare.choice(['a']), /at least two options/);
      assert.throws(() => compare.choice(['a', 'A']), /option keys must be distinct/);
    });
    it('expression: equal at seeded random points; other forms of the same function pass', () => {
      const c = compare.expression({ variables: ['x'], domain: [-3, 3] });
      const ref = 'exp(-x) * (2 * x - x ^ 2)';
      for (const a of ['2*x*exp(-x) - x^2*exp(-x)', 'x*(2-x)/e^x', '(2x - x^2) exp(-x)']) assert.equal(c.compare(a, ref).passed, true, a);
      const wrong = c.compare('x^2*exp(-x)', ref);
      assert.equal(wrong.passed, false);
      assert.equal(wrong.malformed, undefined);
      // deterministic: the same points every time (seeded generator from core)
      assert.equal(c.compare('x^2*exp(-x)', ref).feedback, wrong.feedback);
      assert.match(c.compare('2*y', ref).feedback, /uses y; it may only use x/);
      assert.match(c.compare('2*x +', ref).feedback, /could not be read/);
      assert.match(c.compare('', ref).feedback, /Expected an expression string/);
      assert.match(c.compare((x: unknown) => x, ref).feedback, /got a function/);
      assert.match(c.compare('evaluate("2")', ref).feedback, /not allowed/);
    });
    it('expression: points where the reference is undefined are skipped; two variables', () => {
      const c = compare.expression({ variables: ['x'], domain: [-2, 2] });
      assert.equal(c.compare('log(x^2)/2', 'log(x)').passed, true); // equal wherever log(x) is real (x > 0)
      const two = compare.expression({ variables: ['x', 'y'] });
      assert.equal(two.compare('y*x + x^2', 'x*(x+y)').passed, true);
      assert.equal(two.compare('y*x + y^2', 'x*(x+y)').passed, false);
    });
  });

  it('every comparator says "not answered yet" for NOT_ANSWERED', () => {
    const cases: [compare.Comparator<never>, unknown][] = [
      [compare.number() as compare.Comparator<never>, 1],
      [compare.complex() as compare.Comparator<never>, { re: 1, im: 0 }],
      [compare.vector() as compare.Comparator<never>, [1]],
      [compare.matrix() as compare.Comparator<never>, [[1]]],
      [compare.unordered() as compare.Comparator<never>, [1]],
      [compare.set() as compare.Comparator<never>, [1]],
      [compare.boolean() as compare.Comparator<never>, true],
      [compare.choice(['a', 'b']) as compare.Comparator<never>, 'a'],
      [compare.expression() as compare.Comparator<never>, 'x'],
    ];
    for (const [c, e] of cases) {
      const v = c.compare(NOT_ANSWERED, e as never);
      assert.equal(v.notAnswered, true, c.kind);
      assert.match(v.feedback, /Not answered yet/);
    }
  });

  it('custom comparators: a thrown error becomes feedback', () => {
    const c = compare.custom<number>('even', 'an even number', (a) => {
      if (typeof a !== 'number') throw new Error('not a number');
      return a % 2 === 0;
    });
    assert.equal(c.compare(4, 0).passed, true);
    assert.equal(c.compare(3, 0).passed, false);
    assert.match(c.compare('x', 0).feedback, /could not be compared \(not a number\)\. Expected an even number/);
  });
});
