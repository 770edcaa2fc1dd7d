import { strict as assert } from 'assert';
import {
  assertFiniteNumber,
  assertInteger,
  assertLogWeights,
  assertMatrix,
  assertNonNegative,
  assertOneOf,
  assertPositive,
  assertProbability,
  assertProbabilityVector,
  assertSquareMatrix,
  assertVector,
  describe as describeValue,
} from '../../src/core';
import { assertThrowsWith } from './close';

// Expected values here are the documented message format `<fn>: <arg> must be <rule> (got <value>)` (validate.ts header)
// and the class rule: TypeError for the wrong kind of value, RangeError for the right kind outside its domain.

describe('core/validate', () => {
  describe('describe()', () => {
    it('renders numbers (including −0, NaN, ±Infinity), strings, nullish values, bigints, booleans and functions', () => {
      assert.equal(describeValue(1.5), '1.5');
      assert.equal(describeValue(-0), '-0');
      assert.equal(describeValue(0), '0');
      assert.equal(describeValue(NaN), 'NaN');
      assert.equal(describeValue(-Infinity), '-Infinity');
      assert.equal(describeValue('a"b'), '"a\\"b"');
      assert.equal(describeValue(undefined), 'undefined');
      assert.equal(describeValue(null), 'null');
      assert.equal(describeValue(10n), '10n');
      assert.equal(describeValue(true), 'true');
      assert.equal(describeValue(() => 1), 'a function');
    });

    it('renders arrays and typed arrays element by element, abbreviating after 6 items, nesting for matrices', () => {
      assert.equal(describeValue([1, -0, NaN]), '[1, -0, NaN]');
      assert.equal(describeValue([0, 1, 2, 3, 4, 5, 6, 7]), '[0, 1, 2, 3, 4, 5, … (8 items)]');
      assert.equal(describeValue([0, 1, 2, 3, 4, 5]), '[0, 1, 2, 3, 4, 5]');
      assert.equal(describeValue(Float64Array.from([0.5, 2])), '[0.5, 2]');
      assert.equal(
        describeValue([
          [1, 2],
          [3, 4],
        ]),
        '[[1, 2], [3, 4]]',
      );
      assert.equal(describeValue(['a', null, undefined]), '["a", null, undefined]');
      assert.equal(describeValue([]), '[]');
    });

    it('renders objects as JSON truncated to 80 characters; unserialisable values fall back to String()', () => {
      assert.equal(describeValue({ a: 1, b: [2] }), '{"a":1,"b":[2]}');
      const long = describeValue({ key: 'x'.repeat(200) });
      assert.equal(long.length, 80);
      assert.ok(long.startsWith('{"key":"xxx') && long.endsWith('...'));
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      assert.equal(describeValue(circular), '[object Object]');
      assert.equal(describeValue(Symbol('s')), 'Symbol(s)');
    });
  });

  describe('scalar helpers', () => {
    it('assertFiniteNumber: TypeError for non-numbers, RangeError for NaN/±Infinity; accepts any finite number', () => {
      assertThrowsWith(() => assertFiniteNumber('f', 'x', '1'), TypeError, 'f: x must be a number (got "1")');
      assertThrowsWith(() => assertFiniteNumber('f', 'x', undefined), TypeError, 'f: x must be a number (got undefined)');
      assertThrowsWith(() => assertFiniteNumber('f', 'x', null), TypeError, '(got null)');
      assertThrowsWith(() => assertFiniteNumber('f', 'x', NaN), RangeError, 'f: x must be a finite number (got NaN)');
      assertThrowsWith(() => assertFiniteNumber('f', 'x', -Infinity), RangeError, '(got -Infinity)');
      for (const v of [0, -1e308, 5e-324]) assertFiniteNumber('f', 'x', v);
    });

    it('an empty function name gives a message that starts with the argument', () => {
      assertThrowsWith(() => assertFiniteNumber('', 'x', NaN), RangeError, /^x must be a finite number \(got NaN\)$/);
    });

    it('assertPositive / assertNonNegative: the boundary 0 (and −0) is where they differ', () => {
      assertThrowsWith(() => assertPositive('g', 'sigma', 0), RangeError, 'g: sigma must be > 0 (got 0)');
      assertThrowsWith(() => assertPositive('g', 'sigma', -0), RangeError, '(got -0)');
      assertThrowsWith(() => assertPositive('g', 'sigma', -2), RangeError, '(got -2)');
      assertThrowsWith(() => assertPositive('g', 'sigma', Infinity), RangeError, 'g: sigma must be a finite number (got Infinity)');
      assertThrowsWith(() => assertPositive('g', 'sigma', '1'), TypeError, 'g: sigma must be a number');
      assertPositive('g', 'sigma', 5e-324);
      assertNonNegative('g', 'v', 0);
      assertNonNegative('g', 'v', -0);
      assertThrowsWith(() => assertNonNegative('g', 'v', -1e-300), RangeError, 'g: v must be >= 0 (got -1e-300)');
      assertThrowsWith(() => assertNonNegative('g', 'v', NaN), RangeError, 'g: v must be a finite number (got NaN)');
    });

    it('assertProbability: closed [0, 1] by default, open (0, 1) on request', () => {
      assertProbability('h', 'p', 0);
      assertProbability('h', 'p', 1);
      assertProbability('h', 'p', 0.5, true);
      assertThrowsWith(() => assertProbability('h', 'p', 1.1), RangeError, 'h: p must be in [0, 1] (got 1.1)');
      assertThrowsWith(() => assertProbability('h', 'p', -0.1), RangeError, '(got -0.1)');
      assertThrowsWith(() => assertProbability('h', 'p', 0, true), RangeError, 'h: p must be in (0, 1) (got 0)');
      assertThrowsWith(() => assertProbability('h', 'p', 1, true), RangeError, '(got 1)');
      assertThrowsWith(() => assertProbability('h', 'p', 'half'), TypeError, 'h: p must be a number (got "half")');
    });

    it('assertInteger: TypeError for non-numbers, RangeError for fractions/NaN and for values outside [min, max]', () => {
      assertInteger('k', 'n', 3);
      assertInteger('k', 'n', -7);
      assertThrowsWith(() => assertInteger('k', 'n', '3'), TypeError, 'k: n must be an integer (got "3")');
      assertThrowsWith(() => assertInteger('k', 'n', 2.5), RangeError, 'k: n must be an integer (got 2.5)');
      assertThrowsWith(() => assertInteger('k', 'n', NaN), RangeError, 'k: n must be an integer (got NaN)');
      assertThrowsWith(() => assertInteger('k', 'n', Infinity), RangeError, '(got Infinity)');
      assertThrowsWith(() => assertInteger('k', 'n', 0, 1), RangeError, 'k: n must be an integer >= 1 (got 0)');
      assertThrowsWith(() => assertInteger('k', 'n', 11, 1, 10), RangeError, 'k: n must be an integer in [1, 10] (got 11)');
      assertInteger('k', 'n', 10, 1, 10);
    });

    it('assertOneOf: any value outside the set (strings or not) is a RangeError listing the options', () => {
      assertOneOf('m', 'mode', 'b', ['a', 'b'] as const);
      assertThrowsWith(() => assertOneOf('m', 'mode', 'c', ['a', 'b']), RangeError, 'm: mode must be one of "a", "b" (got "c")');
      assertThrowsWith(() => assertOneOf('m', 'mode', 5, ['a', 'b']), RangeError, '(got 5)');
      assertThrowsWith(() => assertOneOf('m', 'mode', undefined, ['a']), RangeError, 'must be one of "a" (got undefined)');
    });
  });

  describe('array helpers', () => {
    it('assertVector: arrays and typed arrays pass; other kinds (objects, strings, DataView) are TypeErrors', () => {
      assertVector('v', 'x', [1, 2]);
      assertVector('v', 'x', Float32Array.from([1]), 1);
      assertThrowsWith(() => assertVector('v', 'x', { length: 1, 0: 1 }), TypeError, 'v: x must be an array of numbers (got {"0":1,"length":1})');
      assertThrowsWith(() => assertVector('v', 'x', '12'), TypeError, '(got "12")');
      assertThrowsWith(() => assertVector('v', 'x', new DataView(new ArrayBuffer(8))), TypeError, 'v: x must be an array of numbers');
    });

    it('assertVector: length, emptiness and each entry (TypeError for a non-number, RangeError for non-finite) name the index', () => {
      assertThrowsWith(() => assertVector('v', 'x', [1, 2], 3), RangeError, 'v: x must have length 3 (got length 2)');
      assertThrowsWith(() => assertVector('v', 'x', []), RangeError, 'v: x must not be empty');
      assertThrowsWith(() => assertVector('v', 'x', [1, 'a']), TypeError, 'v: x[1] must be a number (got "a")');
      assertThrowsWith(() => assertVector('v', 'x', [0, 1, NaN]), RangeError, 'v: x[2] must be finite (got NaN)');
      assertThrowsWith(() => assertVector('v', 'x', Float64Array.from([Infinity])), RangeError, 'v: x[0] must be finite (got Infinity)');
    });

    it('assertLogWeights: −∞ allowed, NaN/+∞ rejected; with needFinite at least one entry must be > −∞', () => {
      assertLogWeights('w', 'lw', [-Infinity, 0]);
      assertLogWeights('w', 'lw', [-Infinity]);
      assertThrowsWith(() => assertLogWeights('w', 'lw', [-Infinity], true), RangeError, 'w: lw must have at least one entry > -Infinity (got [-Infinity])');
      assertThrowsWith(() => assertLogWeights('w', 'lw', [0, Infinity]), RangeError, 'w: lw[1] must be a number < +Infinity (got Infinity)');
      assertThrowsWith(() => assertLogWeights('w', 'lw', [NaN]), RangeError, '(got NaN)');
      assertThrowsWith(() => assertLogWeights('w', 'lw', [null]), TypeError, 'w: lw[0] must be a number (got null)');
      assertThrowsWith(() => assertLogWeights('w', 'lw', []), RangeError, 'w: lw must not be empty');
      assertThrowsWith(() => assertLogWeights('w', 'lw', 0), TypeError, 'w: lw must be an array of numbers (got 0)');
    });

    it('assertProbabilityVector: entries in [0, 1] summing to 1 within tol', () => {
      assertProbabilityVector('c', 'p', [0.25, 0.75]);
      assertProbabilityVector('c', 'p', [0.5, 0.5 + 1e-12]);
      assertThrowsWith(() => assertProbabilityVector('c', 'p', [0.5, 0.6]), RangeError, 'c: p must sum to 1 (sums to 1.1)');
      assertThrowsWith(() => assertProbabilityVector('c', 'p', [1.5, -0.5]), RangeError, 'c: p[0] must be a probability in [0, 1] (got 1.5)');
      assertThrowsWith(() => assertProbabilityVector('c', 'p', [-0.5, 1.5]), RangeError, 'c: p[0] must be a probability in [0, 1] (got -0.5)');
      assertThrowsWith(() => assertProbabilityVector('c', 'p', [0.5, 0.5 + 1e-6], 1e-9), RangeError, 'must sum to 1');
      assertProbabilityVector('c', 'p', [0.5, 0.5 + 1e-6], 1e-5);
      assertThrowsWith(() => assertProbabilityVector('c', 'p', [0.5, NaN]), RangeError, 'c: p[1] must be finite (got NaN)');
    });

    it('assertMatrix: kind, emptiness, rows, rectangularity and shape', () => {
      assertMatrix('M', 'A', [[1, 2]], 1, 2);
      assertMatrix('M', 'A', [Float64Array.from([1]), [2]]);
      assertThrowsWith(() => assertMatrix('M', 'A', [1, 2]), TypeError, 'M: A[0] must be an array of numbers (got 1)');
      assertThrowsWith(() => assertMatrix('M', 'A', 'A'), TypeError, 'M: A must be a matrix (array of rows) (got "A")');
      assertThrowsWith(() => assertMatrix('M', 'A', []), RangeError, 'M: A must have at least one row');
      assertThrowsWith(() => assertMatrix('M', 'A', [[1, 2], [3]]), RangeError, 'M: A must be rectangular (row 0 has 2 entries, row 1 has 1)');
      assertThrowsWith(() => assertMatrix('M', 'A', [[1], [NaN]]), RangeError, 'M: A[1][0] must be finite (got NaN)');
      assertThrowsWith(() => assertMatrix('M', 'A', [[1, 2]], 2), RangeError, 'M: A must have 2 rows (got 1)');
      assertThrowsWith(() => assertMatrix('M', 'A', [[1, 2]], 1, 3), RangeError, 'M: A must have 3 columns (got 2)');
      assertThrowsWith(() => assertMatrix('M', 'A', [[]]), RangeError, 'M: A[0] must not be empty');
    });

    it('assertSquareMatrix: squareness and size', () => {
      assertSquareMatrix('S', 'A', [[1]], 1);
      assertThrowsWith(() => assertSquareMatrix('S', 'A', [[1, 2, 3], [4, 5, 6]]), RangeError, 'S: A must be square (got 2×3)');
      assertThrowsWith(
        () =>
          assertSquareMatrix(
            'S',
            'A',
            [
              [1, 0],
              [0, 1],
            ],
            3,
          ),
        RangeError,
        'S: A must be 3×3 (got 2×2)',
      );
      assertThrowsWith(() => assertSquareMatrix('S', 'A', null), TypeError, 'S: A must be a matrix (array of rows) (got null)');
    });
  });
});
