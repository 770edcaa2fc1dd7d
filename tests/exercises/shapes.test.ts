import { strict as assert } from 'assert';
import * as exercises from '../../src/exercises';
import { takeEmitted } from '../../src/display/emit';

/** exerciseGroup: the shape shortcuts register ordinary exercises whose comparators behave as the long form's. */
describe('exercises/shapes — exerciseGroup', () => {
  const ids = ['test.shape.num', 'test.shape.vec', 'test.shape.mat', 'test.shape.set', 'test.shape.choice', 'test.shape.any', 'test.shape.hand', 'test.shape.bool'];
  after(() => {
    for (const id of ids) exercises.unregisterExercise(id);
    takeEmitted();
  });
  const nb = exercises.exerciseGroup({ notebook: 'sta4124/03-kl-divergence.ipynb' });

  it('number: files the notebook, compares within the tolerance (expected: 1/3 by hand)', () => {
    const ex = nb.number({ id: 'test.shape.num', title: 'T', source: 'test', reference: () => 1 / 3, tolerance: { rel: 5e-4, abs: 0 } });
    assert.equal(ex.notebook, 'sta4124/03-kl-divergence.ipynb');
    assert.equal(exercises.verify('test.shape.num', 0.3333).passed, true);
    assert.equal(exercises.verify('test.shape.num', 0.334).passed, false);
  });
  it('vector, matrix, set, choice and the general form', () => {
    nb.vector({ id: 'test.shape.vec', title: 'T', source: 'test', reference: () => [1, 2], tolerance: { abs: 1e-9 } });
    assert.equal(exercises.verify('test.shape.vec', [1, 2]).passed, true);
    assert.equal(exercises.verify('test.shape.vec', [1, 2.1]).passed, false);
    nb.matrix({ id: 'test.shape.mat', title: 'T', source: 'test', reference: () => [[1, 0], [0, 1]], tolerance: { abs: 1e-9 } });
    assert.equal(exercises.verify('test.shape.mat', [[1, 0], [0, 1]]).passed, true);
    assert.equal(exercises.verify('test.shape.mat', [[1, 0], [1, 1]]).passed, false);
    nb.set({ id: 'test.shape.set', title: 'T', source: 'test', reference: () => [3, 1, 2] });
    assert.equal(exercises.verify('test.shape.set', [1, 2, 3]).passed, true);
    assert.equal(exercises.verify('test.shape.set', [1, 2]).passed, false);
    nb.choice({ id: 'test.shape.choice', title: 'T', source: 'test', options: [{ key: 'a', text: 'A' }, { key: 'b', text: 'B' }], reference: () => 'b' });
    assert.equal(exercises.verify('test.shape.choice', 'b').passed, true);
    assert.equal(exercises.verify('test.shape.choice', 'a').passed, false);
    nb.register({ id: 'test.shape.any', title: 'T', source: 'test', reference: () => true, compare: exercises.compare.boolean() });
    assert.equal(exercises.verify('test.shape.any', true).passed, true);
  });
  it('byHand: n significant figures as compare.sigFigs (expected: 1/3 = 0.333333…, by hand)', () => {
    const ex = nb.byHand({ id: 'test.shape.hand', title: 'T (to 3 significant figures)', source: 'test', reference: () => 1 / 3, sigFigs: 3 });
    assert.equal(ex.compare.expects, 'a number, to 3 significant figures');
    assert.equal(exercises.verify('test.shape.hand', 0.333).passed, true);
    assert.equal(exercises.verify('test.shape.hand', 0.335).passed, false);
    const coarse = exercises.verify('test.shape.hand', 0.3);
    assert.equal(coarse.passed, false);
    assert.match(coarse.feedback, /Right to 1 significant figure; give 3/);
  });
  it('boolean: true or false', () => {
    const ex = nb.boolean({ id: 'test.shape.bool', title: 'T', source: 'test', reference: () => false });
    assert.equal(ex.compare.kind, 'boolean');
    assert.equal(exercises.verify('test.shape.bool', false).passed, true);
    assert.equal(exercises.verify('test.shape.bool', true).passed, false);
  });
  it('a second load of the same spec returns the first registration; another spec under a registered id is a RangeError', () => {
    const first = exercises.getExercise('test.shape.num');
    const again = nb.number({ id: 'test.shape.num', title: 'T', source: 'test', reference: () => 1 / 3, tolerance: { rel: 5e-4, abs: 0 } });
    assert.equal(again, first);
    assert.throws(
      () => nb.number({ id: 'test.shape.num', title: 'other', source: 'test', reference: () => 2, tolerance: { abs: 0 } }),
      (e: unknown) => e instanceof RangeError && /test\.shape\.num.*already registered/.test(e.message),
    );
  });
  it('bad input: a notebook that is not a path names the argument and the value', () => {
    assert.throws(() => exercises.exerciseGroup({ notebook: 'kl' }), (e: unknown) => e instanceof RangeError && /opts\.notebook.*"kl"/.test(e.message));
  });
});
