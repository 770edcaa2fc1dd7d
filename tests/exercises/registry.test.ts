import { strict as assert } from 'assert';
import fc from 'fast-check';
import * as mathjs from 'mathjs';
import * as exercises from '../../src/exercises';
import { takeEmitted } from '../../src/display/emit';

const { registerExercise, unregisterExercise, compare, check, verify, NOT_ANSWERED, CHECK_MIME } = exercises;

describe('exercises/registry and check', () => {
  afterEach(() => {
    for (const id of ['test.tmp', 'test.params', 'test.cached', 'test.throws']) unregisterExercise(id);
    exercises.resetHints();
    takeEmitted();
  });

  describe('registerExercise', () => {
    const base = { id: 'test.tmp', title: 'T', source: 'test', reference: () => 1, compare: compare.number() };
    it('registers, lists by topic (sorted) and finds by id', () => {
      const ex = registerExercise(base);
      assert.equal(ex.topic, 'test');
      assert.equal(exercises.getExercise('test.tmp'), ex);
      assert.deepEqual(exercises.listExercises({ topic: 'test' }).map((e) => e.id), ['test.tmp']);
      const all = exercises.listExercises().map((e) => e.id);
      assert.deepEqual(all, [...all].sort());
    });
    it('rejects malformed declarations with errors naming the field and the value', () => {
      assert.throws(() => registerExercise({ ...base, id: 'NoTopic' }), /id must look like '<topic>.<name>'.*"NoTopic"/);
      assert.throws(() => registerExercise({ ...base, id: 'test.Upper' }), /id must look like/);
      assert.throws(() => registerExercise({ ...base, title: '' }), /title must be a non-empty string/);
      assert.throws(() => registerExercise({ ...base, reference: 3 as never }), /reference must be a function/);
      assert.throws(() => registerExercise({ ...base, compare: {} as never }), /compare must be a comparator/);
      assert.throws(() => registerExercise({ ...base, hints: ['ok', 3 as never] }), /hints must be an array of strings/);
      assert.throws(() => registerExercise({ ...base, points: 0 }), /points must be a number > 0 \(got 0\)/);
      assert.throws(() => registerExercise({ ...base, params: { alpha: { default: [1] as never } } }), /params.alpha.default must be a number, string or boolean/);
      assert.throws(() => registerExercise({ ...base, params: { alpha: { default: -1, min: 0 } } }), /default of params.alpha is invalid: alpha must be >= 0 \(got -1\)/);
      const first = registerExercise(base);
      assert.throws(() => registerExercise({ ...base, title: 'Another' }), /already registered \("T"\)/);
      // the same declaration again (a second copy of the module: src/ and dist/ in one process) keeps the first
      assert.equal(registerExercise({ ...base }), first);
    });
    it('an unknown id names close ids', () => {
      assert.throws(() => exercises.getExercise('core.logsumexq'), /unknown exercise id "core.logsumexq" — did you mean 'core.logsumexp'/);
    });
  });

  describe('parameters', () => {
    beforeEach(() => {
      registerExercise({
        id: 'test.params',
        title: 'params',
        source: 'test',
        params: { alpha: { default: 0.1, min: 0, max: 1 }, n: { default: 2, integer: true }, form: { default: 'exact', options: ['exact', 'source'] }, flag: { default: false } },
        reference: ({ alpha, n, form, flag }) => (form === 'exact' ? alpha * n : -alpha) + (flag ? 100 : 0),
        compare: compare.number(),
      });
    });
    it('fills defaults, validates each value, names unknown parameters', () => {
      const ex = exercises.getExercise('test.params');
      assert.deepEqual(exercises.resolveParams(ex, { alpha: 0.5 }), { alpha: 0.5, n: 2, form: 'exact', flag: false });
      assert.equal(ex.reference({ alpha: 0.5, n: 3 }), 1.5);
      assert.equal(ex.reference({ form: 'source' }), -0.1);
      assert.throws(() => exercises.resolveParams(ex, { beta: 1 }), /unknown parameter "beta" \(parameters: alpha, n, form, flag\)/);
      assert.throws(() => exercises.resolveParams(ex, { alpha: 2 }), /alpha must be <= 1 \(got 2\)/);
      assert.throws(() => exercises.resolveParams(ex, { n: 2.5 }), /n must be an integer \(got 2.5\)/);
      assert.throws(() => exercises.resolveParams(ex, { form: 'other' }), /form must be one of "exact", "source"/);
      assert.throws(() => exercises.resolveParams(ex, { alpha: '0.5' }), /alpha must be a number \(got "0.5"\)/);
      assert.throws(() => exercises.resolveParams(ex, { alpha: NaN }), /alpha must be a finite number/);
    });
    it('check with bad params shows a failed card with the reason instead of throwing', () => {
      assert.equal(check('test.params', 0.2, { alpha: 5 }), false);
      const [{ bundle }] = takeEmitted();
      const rec = bundle[CHECK_MIME] as exercises.CheckRecord;
      assert.equal(rec.status, 'error');
      assert.match(rec.feedback, /alpha must be <= 1 \(got 5\)/);
    });
  });

  it('references are computed once per parameter set (cached)', () => {
    let calls = 0;
    registerExercise({ id: 'test.cached', title: 'c', source: 't', params: { a: { default: 1 } }, reference: ({ a }) => (calls++, a * 2), compare: compare.number() });
    const ex = exercises.getExercise('test.cached');
    ex.reference();
    ex.reference({ a: 1 });
    ex.reference({ a: 2 });
    assert.equal(calls, 2);
  });

  describe('check()', () => {
    it('emits one bundle: text/plain, text/html and the check MIME with id, params, answer, passed, feedback', () => {
      assert.equal(check('core.rotation.eigenvalues', ['1 + 0.5i', '1 - 0.5i'], { a: 0.5 }), true);
      const out = takeEmitted();
      assert.equal(out.length, 1);
      const b = out[0].bundle;
      assert.deepEqual(Object.keys(b).sort(), [CHECK_MIME, 'text/html', 'text/plain'].sort());
      const rec = b[CHECK_MIME] as exercises.CheckRecord;
      assert.equal(rec.id, 'core.rotation.eigenvalues');
      assert.deepEqual(rec.params, { a: 0.5 });
      assert.deepEqual(rec.answer, ['1 + 0.5i', '1 - 0.5i']);
      assert.equal(rec.passed, true);
      assert.equal(rec.status, 'passed');
      assert.equal(typeof rec.feedback, 'string');
      assert.match(String(b['text/html']), /dgmlab-check-pass/);
      // the record survives JSON (what the notebook stores)
      assert.deepEqual(JSON.parse(JSON.stringify(rec)), rec);
    });
    it('on failure: the feedback and one more hint per failed attempt, never the answer', () => {
      // core.logsumexp: the reference is log(e + e² + e³) = 3 + log(1 + e⁻¹ + e⁻²) = 3.40760596…
      assert.equal(check('core.logsumexp', 3), false);
      assert.equal(check('core.logsumexp', 3.1), false);
      const [first, second] = takeEmitted().map((x) => x.bundle);
      assert.match(String(first['text/html']), /Hint 1/);
      assert.doesNotMatch(String(first['text/html']), /Hint 2/);
      assert.match(String(second['text/html']), /Hint 2/);
      for (const b of [first, second]) {
        assert.ok(!String(b['text/html']).includes('3.407') && !String(b['text/plain']).includes('3.407'));
        assert.ok(!JSON.stringify(b[CHECK_MIME]).includes('3.407'));
      }
      assert.equal(check('core.logsumexp', 3 + Math.log(1 + Math.exp(-1) + Math.exp(-2))), true);
    });
    it('never throws: malformed answers, NOT_ANSWERED, unknown ids, throwing references', () => {
      registerExercise({ id: 'test.throws', title: 't', source: 't', reference: () => { throw new Error('boom'); }, compare: compare.number() });
      const weird: unknown[] = [undefined, null, NaN, 'x', [], {}, () => 1, Symbol('s'), 10n, new Map(), { toJSON() { throw new Error('x'); } }];
      for (const a of weird) assert.equal(check('core.softmax', a), false);
      assert.equal(check('core.softmax', NOT_ANSWERED), false);
      assert.equal(check('no.such-exercise', 1), false);
      assert.equal(check('test.throws', 1), false);
      const recs = takeEmitted().map((x) => x.bundle[CHECK_MIME] as exercises.CheckRecord);
      assert.equal(recs.length, weird.length + 3);
      assert.ok(recs.slice(0, weird.length).every((r) => r.status === 'wrong' && /Expected an array/.test(r.feedback)), JSON.stringify(recs.map((r) => r.feedback)));
      assert.match(recs[6].feedback, /got a function/);
      assert.match(recs[8].feedback, /got a BigInt/);
      assert.equal(recs[weird.length].status, 'not-answered');
      assert.match(recs[9].feedback, /a Map/);
      assert.equal(check('core.logsumexp', Promise.resolve(3.4)), false);
      assert.match((takeEmitted()[0].bundle[CHECK_MIME] as exercises.CheckRecord).feedback, /a Promise — did you forget `await`\?/);
      assert.deepEqual(recs[weird.length].answer, { $dgmlab: 'not-answered' });
      assert.equal(recs[weird.length + 1].status, 'error');
      assert.match(recs[weird.length + 1].feedback, /unknown exercise id "no.such-exercise"/);
      assert.match(recs[weird.length + 2].feedback, /reference answer could not be computed \(boom\)/);
    });
  });

  describe('NOT_ANSWERED', () => {
    it('absorbs what an unfinished cell does with it, and JSON-encodes as a marker', () => {
      const x = NOT_ANSWERED;
      assert.ok(exercises.isNotAnswered(x.map((z: number) => z + 1)));
      assert.ok(exercises.isNotAnswered(x(1, 2)));
      assert.ok(exercises.isNotAnswered(new x()));
      assert.ok(exercises.isNotAnswered(x.re.im));
      assert.ok(Number.isNaN(+x));
      assert.deepEqual([...x], []);
      assert.equal(JSON.stringify({ a: x }), '{"a":{"$dgmlab":"not-answered"}}');
      assert.ok(!exercises.isNotAnswered({}));
      assert.ok(!exercises.isNotAnswered(() => 1));
    });
  });

  describe('answer encoding (what the grader re-verifies)', () => {
    it('normalises mathjs values, typed arrays, sets and special numbers', () => {
      assert.deepEqual(exercises.encodeAnswer(mathjs.complex(1, -2)), { re: 1, im: -2 });
      assert.deepEqual(exercises.encodeAnswer(mathjs.matrix([[1, 2], [3, 4]])), [[1, 2], [3, 4]]);
      assert.deepEqual(exercises.encodeAnswer(Float32Array.from([0.5, 1])), [0.5, 1]);
      assert.deepEqual(exercises.encodeAnswer(new Set([1, 2])), { $set: [1, 2] });
      assert.deepEqual(exercises.encodeAnswer([NaN, -Infinity, undefined]), [{ $number: 'NaN' }, { $number: '-Infinity' }, { $undefined: true }]);
      assert.deepEqual(exercises.encodeAnswer(mathjs.fraction(1, 4)), 0.25);
      const dec = exercises.decodeAnswer(exercises.encodeAnswer([NaN, new Set([3])])) as unknown[];
      assert.ok(Number.isNaN(dec[0] as number));
      assert.deepEqual(dec[1], new Set([3]));
    });
    it('property: verifying the JSON round trip of an answer gives the same verdict as verifying the answer', () => {
      const answer = fc.oneof(
        fc.double(),
        fc.string(),
        fc.boolean(),
        fc.array(fc.double(), { maxLength: 4 }),
        fc.array(fc.array(fc.double({ noNaN: true }), { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 }),
        fc.record({ re: fc.double(), im: fc.double() }),
        fc.constant(undefined),
      );
      const ids = ['core.logsumexp', 'core.rotation.eigenvalues', 'core.inverse2x2', 'core.softmax', 'core.softmax.large', 'core.naive-lse-finite', 'core.stable-iteration'];
      fc.assert(
        fc.property(answer, fc.constantFrom(...ids), (a, id) => {
          const direct = verify(id, a);
          const viaJson = verify(id, exercises.decodeAnswer(JSON.parse(JSON.stringify(exercises.encodeAnswer(a)))));
          return direct.passed === viaJson.passed && direct.status === viaJson.status && direct.feedback === viaJson.feedback;
        }),
        { numRuns: 300, seed: 4 },
      );
    });
  });

  describe('the core demo exercises (references checked by independent derivations)', () => {
    it('each reference passes as its own JSON answer (what `dgmlab answer --json` prints)', () => {
      for (const ex of exercises.listExercises({ topic: 'core' })) {
        const json = JSON.parse(JSON.stringify(exercises.encodeAnswer(ex.compare.toJSON(ex.reference()))));
        assert.equal(verify(ex.id, json).status, 'passed', ex.id);
      }
    });
    it('closed forms: logsumexp, ad − bc, 1 ± ai, the 2×2 inverse, softmax, and the set/boolean/choice answers', () => {
      const lse = 3 + Math.log(1 + Math.exp(-1) + Math.exp(-2));
      assert.equal(verify('core.logsumexp', lse).passed, true);
      assert.equal(verify('core.det2x2', 4 * 3 - 1 * 2, { a: 4, b: 1, c: 2, d: 3 }).passed, true);
      assert.equal(verify('core.rotation.eigenvalues', [{ re: 1, im: 0.7 }, { re: 1, im: -0.7 }], { a: 0.7 }).passed, true);
      assert.equal(verify('core.inverse2x2', [[3 / 5, -1 / 5], [-1 / 5, 2 / 5]]).passed, true);
      const z = Math.E + Math.E ** 2 + Math.E ** 3;
      assert.equal(verify('core.softmax', [Math.E / z, Math.E ** 2 / z, Math.E ** 3 / z]).passed, true);
      // softmax([0, 3, 1, 3, −2]): weights 1, e³, e, e³, e⁻² → only the two e³ entries exceed 0.2 (≈ 0.456 each)
      assert.equal(verify('core.softmax.large', [3, 1]).passed, true);
      // e¹⁰⁰⁰ overflows float64 (max ≈ 1.8e308 < e⁷¹⁰), so the naive value is +Infinity
      assert.equal(verify('core.naive-lse-finite', false).passed, true);
      assert.equal(verify('core.derivative', '2*x*exp(-x) - x^2*exp(-x)').passed, true);
      // [[0.5, 0.2], [0.1, 0.4]]: trace 0.9, det 0.18 → eigenvalues 0.6 and 0.3 (< 1); the others have |λ| ≥ 1
      assert.equal(verify('core.stable-iteration', 'b').passed, true);
    });
  });
});
