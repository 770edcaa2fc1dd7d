/**
 * The grader end to end: fixture submissions executed through the real kernel (nbclient + the dgmlab kernel), then
 * verified again in this process. All notebook executions of the grader's tests live in this one file (each costs a
 * kernel start); they run in one `before` and the tests read the reports.
 */
import { strict as assert } from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli';
import { formatReports, gradeSubmissions, reportsCsv, SubmissionReport } from '../../src/cli/grade';
import { generateStudentVersions } from '../../src/cli/student';
import { parseNotebook, serializeNotebook, cellText, toSourceLines } from '../../src/exercises/notebook';

const ROOT = path.join(__dirname, '..', '..');
const FIX = path.join(ROOT, 'tests', 'fixtures', 'grader');
const MASTER = path.join(FIX, 'master.ipynb');
const FIXTURES = ['master', 'all-wrong', 'half-right', 'malformed', 'cheat', 'loop', 'throw-exit'].map((n) => path.join(FIX, `${n}.ipynb`));
const IDS = ['core.logsumexp', 'core.det2x2', 'core.rotation.eigenvalues', 'core.softmax.large', 'core.derivative', 'core.stable-iteration'];

const sha = (p: string) => createHash('sha256').update(fs.readFileSync(p)).digest('hex');

/** What a student types in place of each placeholder of the generated student version. */
const STUDENT_ANSWERS: Record<string, string> = {
  "check('core.logsumexp', exercises.NOT_ANSWERED);": "check('core.logsumexp', core.logSumExp([1, 2, 3]));",
  'const d: any = exercises.NOT_ANSWERED;': 'const d: any = 4 * 3 - 1 * 2;',
  'const eig: any = exercises.NOT_ANSWERED;': "const eig: any = ['1 + 0.1i', '1 - 0.1i'];",
  'const big: any = exercises.NOT_ANSWERED;': 'const big: any = [3, 1];',
  "check('core.derivative', exercises.NOT_ANSWERED);": "check('core.derivative', '(2*x - x^2) * exp(-x)');",
  'const stable: any = exercises.NOT_ANSWERED;': "const stable: any = 'B';",
};

describe('cli/grade: grading fixture notebooks through the real kernel', function () {
  this.timeout(900_000);
  const reports = new Map<string, SubmissionReport>();
  const hashes = new Map<string, string>();
  let work: string;
  let cli: { code: number; out: string };
  let csvText: string;
  let gradingBefore: Set<string>;
  const gradingEntries = () => (fs.existsSync(path.join(ROOT, '.grading')) ? fs.readdirSync(path.join(ROOT, '.grading')).filter((d) => !d.startsWith('test-')) : []);

  const get = (name: string) => {
    const r = reports.get(name);
    assert.ok(r, `no report for ${name}`);
    return r;
  };
  const status = (r: SubmissionReport) => Object.fromEntries(r.exercises.map((e) => [e.id, e.status]));

  before(async () => {
    work = path.join(ROOT, '.grading', `test-${process.pid}-${Date.now()}`);
    // Student version of the master (master → student), then a student's filled-in copy.
    const [gen] = generateStudentVersions({ notebooks: [MASTER], outDir: path.join(work, 'student') });
    assert.equal(gen.action, 'written', gen.message);
    const student = path.join(work, 'student', 'master.ipynb');
    const nb = parseNotebook(fs.readFileSync(student, 'utf8'));
    let filledIn = 0;
    for (const cell of nb.cells) {
      if (cell.cell_type !== 'code') continue;
      const lines = cellText(cell).split('\n').map((l) => {
        if (STUDENT_ANSWERS[l]) filledIn++;
        return STUDENT_ANSWERS[l] ?? l;
      });
      cell.source = toSourceLines(lines.join('\n'));
    }
    assert.equal(filledIn, 6);
    const filled = path.join(work, 'filled', 'master.ipynb');
    fs.mkdirSync(path.dirname(filled), { recursive: true });
    fs.writeFileSync(filled, serializeNotebook(nb));
    for (const f of [...FIXTURES, student]) hashes.set(f, sha(f));
    gradingBefore = new Set(gradingEntries());

    const csvFile = path.join(work, 'grades.csv');
    let out = '';
    const [fixtureReports] = await Promise.all([
      gradeSubmissions(FIXTURES, { master: MASTER, cellTimeout: 60, totalTimeout: 300, jobs: 2 }),
      (async () => {
        // No --master: found through the student file's metadata.
        const rs = await gradeSubmissions([student, filled], { cellTimeout: 60, totalTimeout: 300, jobs: 1 });
        reports.set('student', rs[0]);
        reports.set('filled', rs[1]);
        const code = await main(['grade', path.join(FIX, 'half-right.ipynb'), '--master', MASTER, '--json', '--csv', csvFile, '--cell-timeout', '60'], {
          out: (t) => (out += t),
          err: () => undefined,
        });
        cli = { code, out };
        csvText = fs.readFileSync(csvFile, 'utf8');
      })(),
    ]);
    FIXTURES.forEach((f, i) => reports.set(path.basename(f, '.ipynb'), fixtureReports[i]));
  });

  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('full marks to a correct notebook (the master)', () => {
    const r = get('master');
    assert.equal(r.score, 6, formatReports([r]));
    assert.equal(r.max, 6);
    assert.deepEqual(r.exercises.map((e) => e.id), IDS);
    assert.ok(r.execution.completed);
  });

  it('student round trip: the generated student file fails every check ("not answered yet"); filled in, it passes them', () => {
    const s = get('student');
    assert.equal(s.master, 'tests/fixtures/grader/master.ipynb');
    assert.equal(s.expectedFrom, 'master');
    assert.equal(s.score, 0, formatReports([s]));
    assert.equal(s.max, 6);
    assert.ok(s.exercises.every((e) => e.status === 'not-answered' && /Not answered yet/.test(e.feedback)), formatReports([s]));
    assert.ok(s.execution.completed, 'the placeholders type-check: the student file runs to the end');
    const f = get('filled');
    assert.equal(f.score, 6, formatReports([f]));
  });

  it('zero to an all-wrong notebook, which still runs to the end', () => {
    const r = get('all-wrong');
    assert.equal(r.score, 0);
    assert.ok(r.exercises.every((e) => e.status === 'wrong'), formatReports([r]));
    assert.ok(r.execution.completed);
  });

  it('the right partial score to a half-right notebook', () => {
    const r = get('half-right');
    assert.equal(r.score, 3, formatReports([r]));
    assert.deepEqual(status(r), {
      'core.logsumexp': 'passed',
      'core.det2x2': 'passed',
      'core.rotation.eigenvalues': 'passed',
      'core.softmax.large': 'wrong',
      'core.derivative': 'wrong',
      'core.stable-iteration': 'wrong',
    });
  });

  it('no credit for patching Math, redefining check, forging check outputs and fake cards, stored outputs, or deleted cells', () => {
    const r = get('cheat');
    assert.equal(r.score, 0, formatReports([r]));
    const by = Object.fromEntries(r.exercises.map((e) => [e.id, e]));
    // the notebook's own check (on a kernel with Math.abs patched) claimed a pass; re-verification did not
    assert.equal(by['core.logsumexp'].status, 'wrong');
    assert.equal(by['core.logsumexp'].claimedPassed, true);
    assert.equal(by['core.det2x2'].claimedPassed, true);
    assert.equal(by['core.det2x2'].status, 'wrong');
    assert.equal(by['core.rotation.eigenvalues'].status, 'wrong');
    assert.equal(by['core.softmax.large'].status, 'wrong');
    // its stored, forged output of a cell that never ran does not count; deleted exercises are not answered
    assert.equal(by['core.derivative'].status, 'not-answered');
    assert.equal(by['core.stable-iteration'].status, 'not-answered');
    assert.deepEqual(r.ignored.map((i) => i.id), ['core.inverse2x2']);
    assert.match(formatReports([r]), /the notebook's own check claimed "passed"/);
  });

  it('partial credit and a timeout report for a notebook that loops forever after two answers', () => {
    const r = get('loop');
    assert.equal(r.score, 2, formatReports([r]));
    assert.equal(r.execution.completed, false);
    const t = r.execution.problems.find((p) => p.kind === 'timeout');
    assert.ok(t, JSON.stringify(r.execution));
    assert.equal(t.cell, 4);
    assert.equal(status(r)['core.stable-iteration'], 'not-answered');
    assert.match(r.exercises[5].feedback, /stopped at cell 4: timeout/);
  });

  it('a report, not a crash, for a notebook that throws and then calls process.exit mid-way', () => {
    const r = get('throw-exit');
    assert.equal(r.score, 2, formatReports([r]));
    assert.deepEqual(r.execution.problems.map((p) => [p.cell, p.kind]), [[3, 'error'], [5, 'kernel']]);
    assert.match(r.execution.problems[0].message, /a student bug/);
    assert.match(r.execution.problems[1].message, /process\.exit/);
    assert.equal(status(r)['core.det2x2'], 'passed', 'execution continued after the cell that threw');
    assert.equal(status(r)['core.stable-iteration'], 'not-answered');
  });

  it('clear feedback for malformed answers (NaN, undefined, wrong shape, wrong type, unknown option)', () => {
    const r = get('malformed');
    assert.equal(r.score, 0);
    assert.ok(r.execution.completed);
    const fb = Object.fromEntries(r.exercises.map((e) => [e.id, e.feedback]));
    assert.match(fb['core.logsumexp'], /Expected a number, got NaN/);
    assert.match(fb['core.det2x2'], /Your answer is undefined\. Expected a number/);
    assert.match(fb['core.rotation.eigenvalues'], /Expected 2 items \(any order\), got 1/);
    assert.match(fb['core.softmax.large'], /Expected a list or Set of items.*got the string/);
    assert.match(fb['core.derivative'], /Expected an expression string in x.*got the number 2/);
    assert.match(fb['core.stable-iteration'], /Expected one of "a", "b", "c", got the string "d"/);
  });

  it('submission files are never modified; work copies are removed', () => {
    for (const [f, h] of hashes) assert.equal(sha(f), h, f);
    const now = gradingEntries().filter((d) => !gradingBefore.has(d));
    assert.deepEqual(now, []);
  });

  it('the command line: --json gives per submission the score, the maximum and each id with its status; --csv one row each', () => {
    assert.equal(cli.code, 0);
    const j = JSON.parse(cli.out);
    assert.equal(j.submissions.length, 1);
    const s = j.submissions[0];
    assert.equal(s.submission, 'tests/fixtures/grader/half-right.ipynb');
    assert.equal(s.score, 3);
    assert.equal(s.max, 6);
    assert.deepEqual(s.exercises.map((e: { id: string; status: string }) => [e.id, e.status]).slice(0, 4), [
      ['core.logsumexp', 'passed'],
      ['core.det2x2', 'passed'],
      ['core.rotation.eigenvalues', 'passed'],
      ['core.softmax.large', 'wrong'],
    ]);
    const [head, row] = csvText.trim().split('\n');
    assert.equal(head, `submission,score,max,${IDS.join(',')},error`);
    assert.equal(row, 'tests/fixtures/grader/half-right.ipynb,3,6,passed,passed,passed,wrong,wrong,wrong,');
    assert.equal(reportsCsv([get('loop')]).trim().split('\n')[1], 'tests/fixtures/grader/loop.ipynb,2,6,passed,passed,not answered,not answered,not answered,not answered,');
  });
});
