import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gradeChecks, ExpectedExercise } from '../../src/exercises/grading';
import { encodeAnswer, NOT_ANSWERED } from '../../src/exercises';
import { findMaster, gradeSubmission } from '../../src/cli/grade';

// Reference values by closed form: det [[4,1],[2,3]] = 4·3 − 1·2 = 10; eigenvalues of [[1,−a],[a,1]] are 1 ± a i.
const EXPECTED: ExpectedExercise[] = [
  { id: 'core.det2x2', params: { a: 4, b: 1, c: 2, d: 3 } },
  { id: 'core.rotation.eigenvalues', params: null },
  { id: 'core.logsumexp', params: {} },
];

describe('exercises/grading (re-verification of collected checks)', () => {
  it('verifies answers again and ignores the passed flag of the collected output', () => {
    const g = gradeChecks(EXPECTED, [
      { id: 'core.det2x2', params: { a: 4, b: 1, c: 2, d: 3 }, answer: 7, passed: true, cell: 1 },
      { id: 'core.rotation.eigenvalues', params: { a: 0.5 }, answer: ['1 + 0.5i', '1 - 0.5i'], passed: false, cell: 2 },
    ]);
    assert.deepEqual(g.exercises.map((e) => [e.id, e.status, e.points]), [
      ['core.det2x2', 'wrong', 0],
      ['core.rotation.eigenvalues', 'passed', 1], // the master's params are not a literal: any valid params are accepted
      ['core.logsumexp', 'not-answered', 0],
    ]);
    assert.equal(g.exercises[0].claimedPassed, true);
    assert.equal(g.score, 1);
    assert.equal(g.max, 3);
  });

  it('the last check of an exercise counts; answers for other parameters than the master fixes are wrong', () => {
    const g = gradeChecks(EXPECTED.slice(0, 1), [
      { id: 'core.det2x2', params: { a: 4, b: 1, c: 2, d: 3 }, answer: 10 },
      { id: 'core.det2x2', params: { a: 4, b: 1, c: 2, d: 3 }, answer: 11 },
    ]);
    assert.equal(g.exercises[0].status, 'wrong');
    const other = gradeChecks(EXPECTED.slice(0, 1), [{ id: 'core.det2x2', params: { a: 1, b: 0, c: 0, d: 1 }, answer: 1 }]);
    assert.equal(other.exercises[0].status, 'wrong');
    assert.match(other.exercises[0].feedback, /Answered for other parameters \(a = 1, b = 0, c = 0, d = 1\); the exercise asks for a = 4, b = 1, c = 2, d = 3/);
    // defaults are filled in before comparing params: {} equals the defaults written out
    const defaults = gradeChecks([{ id: 'core.det2x2', params: {} }], [{ id: 'core.det2x2', params: { a: 2, b: 1, c: 1, d: 3 }, answer: 5 }]);
    assert.equal(defaults.exercises[0].status, 'passed');
  });

  it('not-answered placeholders, garbage records, unknown ids in the master and extra checks', () => {
    const g = gradeChecks(
      [{ id: 'core.logsumexp', params: {} }, { id: 'core.softmax', params: {} }, { id: 'nope.nope', params: {} }],
      [
        { id: 'core.logsumexp', params: {}, answer: encodeAnswer(NOT_ANSWERED) },
        { id: 'core.softmax', params: 'garbage', answer: { $set: 5 } },
        { id: 42 },
        null as never,
        { id: 'core.inverse2x2', params: {}, answer: [[1]] },
      ],
    );
    assert.deepEqual(g.exercises.map((e) => e.status), ['not-answered', 'error', 'error']);
    assert.match(g.exercises[1].feedback, /params must be an object/);
    assert.match(g.exercises[2].feedback, /not registered \(nope\.nope\)/);
    assert.equal(g.max, 2); // the unregistered exercise does not count
    assert.deepEqual(g.ignored.map((i) => i.id), ['42', 'undefined', 'core.inverse2x2']);
  });

  it('a submission that is not a notebook gets a report, not a crash; the master is found from student/ paths', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-grade-'));
    try {
      const bad = path.join(dir, 'broken.ipynb');
      fs.writeFileSync(bad, '{ not json');
      const master = path.join(__dirname, '..', 'fixtures', 'grader', 'master.ipynb');
      const r = await gradeSubmission(bad, path.join(dir, 'work'), { master });
      assert.equal(r.score, 0);
      assert.equal(r.max, 6);
      assert.match(r.error ?? '', /not a notebook: not valid JSON/);
      assert.ok(r.exercises.every((e) => e.status === 'not-answered'));
      assert.equal(findMaster(bad, null).path, null);
      const root = path.join(__dirname, '..', '..');
      assert.equal(findMaster(path.join(root, 'student', 'index.ipynb'), null).path, path.join(root, 'notebooks', 'index.ipynb'));
      assert.equal(findMaster(path.join(root, 'notebooks', 'index.ipynb'), null).path, path.join(root, 'notebooks', 'index.ipynb'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
