/**
 * Course-wide consistency of exercises (every topic): every registered exercise computes its reference and accepts it
 * as an answer in the JSON form `dgmlab answer --json` prints; every `check(...)` in the master notebooks names a
 * registered exercise with valid literal params; every master notebook has a student version (balanced markers).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import '../../src/index';
import { encodeAnswer, getExercise, hasExercise, listExercises, resolveParams, verify } from '../../src/exercises';
import { findCheckCalls, parseNotebook } from '../../src/exercises/notebook';
import { studentVersion } from '../../src/exercises/student';
import { findNotebooks, NOTEBOOKS, rel } from '../../src/cli/paths';

describe('exercises across the course (all topics)', function () {
  this.timeout(300_000);
  const saved = process.env.DGMLAB_PRESET;
  before(() => (process.env.DGMLAB_PRESET = 'fast'));
  after(() => (saved === undefined ? delete process.env.DGMLAB_PRESET : (process.env.DGMLAB_PRESET = saved)));

  it('every registered exercise: the reference computes and passes as its own JSON answer; hints never contain it', () => {
    const failures: string[] = [];
    for (const ex of listExercises()) {
      try {
        const ref = ex.reference();
        const json = JSON.parse(JSON.stringify(encodeAnswer(ex.compare.toJSON(ref))));
        const v = verify(ex.id, json);
        if (!v.passed) failures.push(`${ex.id}: its own reference does not pass (${v.feedback})`);
        const shown = ex.compare.format(ref);
        if (!['boolean', 'choice'].includes(ex.compare.kind) && shown.length >= 4 && ex.hints.some((h) => h.includes(shown))) failures.push(`${ex.id}: a hint contains the answer ${shown}`);
      } catch (e) {
        failures.push(`${ex.id}: ${(e as Error).message}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(listExercises().length >= 9);
  });

  it('every check in the master notebooks names a registered exercise (with valid literal params); student versions build', () => {
    const problems: string[] = [];
    for (const nbPath of findNotebooks(NOTEBOOKS)) {
      const text = fs.readFileSync(nbPath, 'utf8');
      const nb = parseNotebook(text, rel(nbPath));
      for (const c of findCheckCalls(nb)) {
        if (!hasExercise(c.id)) {
          problems.push(`${rel(nbPath)}, cell ${c.cell}: check('${c.id}') is not a registered exercise`);
          continue;
        }
        if (c.params) {
          try {
            resolveParams(getExercise(c.id), c.params);
          } catch (e) {
            problems.push(`${rel(nbPath)}, cell ${c.cell}: ${(e as Error).message}`);
          }
        }
      }
      try {
        studentVersion(nb, { masterPath: path.relative(path.join(NOTEBOOKS, '..'), nbPath), masterText: text });
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    assert.deepEqual(problems, []);
  });
});
