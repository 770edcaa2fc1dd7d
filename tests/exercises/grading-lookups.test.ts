/**
 * Answers looked up from the answer key score nothing (issue #24 point 2): the static scan of a submission's cells
 * (lookups.ts), the runtime trace (trace.ts: reference calls outside a verification reach the grading sink) and the
 * grade ("looked-up", 0 points). Expected values: the rules stated in lookups.ts / trace.ts, on hand-made notebooks.
 */
import { strict as assert } from 'assert';
import { compare, registerExercise, unregisterExercise, referenceAnswer, getExercise, verify } from '../../src/exercises';
import { ExpectedExercise, gradeChecks } from '../../src/exercises/grading';
import { codeText, staticLookups, traceLookups } from '../../src/exercises/lookups';
import { claimVerifyScope } from '../../src/exercises/trace';
import type { Notebook } from '../../src/exercises/notebook';

const nb = (...cells: string[]): Notebook => ({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: cells.map((source) => ({ cell_type: 'code', metadata: {}, source, outputs: [] })) });
const LSE = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
const IDS = ['core.logsumexp', 'core.det2x2', 'test.lookups.lse'];

describe('grading: answers looked up from the answer key (issue #24 point 2)', () => {
  before(() => {
    registerExercise({ id: 'test.lookups.lse', title: 'log-sum-exp by hand', source: 'test', reference: () => LSE, compare: compare.number({ rel: 1e-9 }), forbid: ['core.logSumExp'] });
  });
  after(() => unregisterExercise('test.lookups.lse'));

  it('forbid: validated, kept on the exercise', () => {
    assert.deepEqual(getExercise('test.lookups.lse').forbid, ['core.logSumExp']);
    assert.deepEqual(getExercise('core.det2x2').forbid ?? [], []);
    assert.throws(() => registerExercise({ id: 'test.lookups.bad', title: 't', source: 's', reference: () => 1, compare: compare.number(), forbid: ['not a name'] as string[] }), /forbid must be an array of function names/);
    assert.throws(() => registerExercise({ id: 'test.lookups.bad2', title: 't', source: 's', reference: () => 1, compare: compare.number(), forbid: 'core.det' as unknown as string[] }), /forbid must be an array/);
  });

  it('static scan: referenceAnswer with a literal id flags that exercise; a computed id flags every exercise', () => {
    const lit = staticLookups(nb("import { exercises } from 'dgmlab';", "exercises.check('core.logsumexp', exercises.referenceAnswer('core.logsumexp'));"), null, IDS);
    assert.deepEqual([...lit.keys()], ['core.logsumexp']);
    assert.match(lit.get('core.logsumexp')!, /answer key \(referenceAnswer\('core.logsumexp'\)\)/);
    const computed = staticLookups(nb("const id = 'core.' + 'det2x2';\nexercises.referenceAnswer(id)"), null, IDS);
    assert.deepEqual([...computed.keys()].sort(), [...IDS].sort());
    const viaGet = staticLookups(nb("exercises.getExercise('core.det2x2').reference({ a: 4 })"), null, IDS);
    assert.deepEqual([...viaGet.keys()], ['core.det2x2']);
    const bracket = staticLookups(nb("const ex: any = exercises.getExercise(k); ex['reference']()"), null, IDS);
    assert.equal(bracket.size, IDS.length);
  });

  it('static scan: a forbidden function used beyond what the master itself uses (outside its solutions) is a lookup', () => {
    const master = nb("import { core } from 'dgmlab';\ncore.logSumExp([0, 0]) // a demonstration before the exercise", "// BEGIN SOLUTION\nconst v = core.logSumExp([1, 2, 3]);\n// END SOLUTION\nexercises.check('test.lookups.lse', v);");
    const honest = nb("import { core } from 'dgmlab';\ncore.logSumExp([0, 0])", 'const v = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));\nexercises.check(\'test.lookups.lse\', v);');
    assert.equal(staticLookups(honest, master, IDS).size, 0, 'the demonstration the master itself makes is allowed');
    const cheat = nb("import { core } from 'dgmlab';\ncore.logSumExp([0, 0])", "exercises.check('test.lookups.lse', core.logSumExp([1, 2, 3]));");
    assert.match(staticLookups(cheat, master, IDS).get('test.lookups.lse')!, /calls core\.logSumExp, which this exercise asks you not to use/);
    const aliased = nb("const f = (core as any)['logSumExp'];\nexercises.check('test.lookups.lse', f([1, 2, 3]));");
    assert.ok(staticLookups(aliased, null, IDS).has('test.lookups.lse'), 'a string mention counts');
    const comment = nb("// I did not use logSumExp\nexercises.check('test.lookups.lse', 3.4076);");
    assert.equal(staticLookups(comment, null, IDS).size, 0, 'comments do not count');
  });

  it('solution regions (line and inline markers) are left out of the master\'s allowance', () => {
    const t = codeText(nb("check('a', /* BEGIN SOLUTION */ core.logSumExp([1]) /* END SOLUTION */);", '// BEGIN SOLUTION\nconst d = core.det(m);\n// END SOLUTION\ncheck(d);'), { solutions: false });
    assert.ok(!t.includes('logSumExp') && !t.includes('core.det'), t);
  });

  it('runtime trace: a reference call outside a verification reaches the grading sink; check/verify do not', () => {
    const key = Symbol.for('dgmlab.grading.trace');
    const seen: unknown[] = [];
    (globalThis as Record<symbol, unknown>)[key] = (r: unknown) => seen.push(r);
    try {
      assert.equal(verify('core.det2x2', 10, { a: 4, b: 1, c: 2, d: 3 }).status, 'passed');
      assert.deepEqual(seen, [], 'verification is not a lookup');
      referenceAnswer('core.det2x2', { a: 4, b: 1, c: 2, d: 3 });
      getExercise('core.logsumexp').reference();
      assert.deepEqual(seen, [{ event: 'lookup', id: 'core.det2x2' }, { event: 'lookup', id: 'core.logsumexp' }]);
    } finally {
      delete (globalThis as Record<symbol, unknown>)[key];
    }
  });

  it('the verification scope cannot be claimed by submission code', () => {
    assert.throws(() => claimVerifyScope(), /belongs to the exercise registry/);
  });

  it('trace lines: lookups by id; a closed or garbled channel flags every exercise; launcher events are kept', () => {
    const t = traceLookups(['{"event":"lookup","id":"core.det2x2"}', '{"event":"lookup","id":"not.expected"}', '{"event":"limit","what":"output","limit":5}'], IDS);
    assert.deepEqual([...t.lookups.keys()], ['core.det2x2']);
    assert.deepEqual(t.events.map((e) => e.event), ['limit']);
    const closed = traceLookups(['{"event":"trace-closed"}'], IDS);
    assert.equal(closed.lookups.size, IDS.length);
    assert.match(closed.lookups.get('core.logsumexp')!, /tampered with the grader's trace channel/);
  });

  it('grade: a looked-up exercise is "looked-up" with 0 points even when its answer is right; others are graded as usual', () => {
    const expected: ExpectedExercise[] = [{ id: 'core.det2x2', params: { a: 4, b: 1, c: 2, d: 3 } }, { id: 'core.logsumexp', params: {} }];
    const checks = [
      { id: 'core.det2x2', params: { a: 4, b: 1, c: 2, d: 3 }, answer: 10, passed: true, cell: 2 },
      { id: 'core.logsumexp', params: {}, answer: LSE, cell: 3 },
    ];
    const g = gradeChecks(expected, checks, undefined, new Map([['core.det2x2', 'the answer key of this exercise was read while the notebook ran (core.det2x2)']]));
    assert.equal(g.score, 1);
    assert.equal(g.max, 2);
    assert.equal(g.exercises[0].status, 'looked-up');
    assert.equal(g.exercises[0].points, 0);
    assert.match(g.exercises[0].feedback, /^Looked up: the answer key of this exercise was read/);
    assert.equal(g.exercises[1].status, 'passed');
    assert.deepEqual(g.ignored, []);
  });
});
