import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findCheckCalls, parseNotebook, parseParamsLiteral, serializeNotebook, Notebook, cellText, contentHash } from '../../src/exercises/notebook';
import { editedSinceGenerated, placeholderExpression, stripCodeSolutions, studentMeta, studentVersion } from '../../src/exercises/student';
import { expectedFromNotebook } from '../../src/exercises/grading';
import { generateStudentVersions } from '../../src/cli/student';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'grader', 'master.ipynb');

function nbWith(cells: { type?: 'code' | 'markdown'; src: string; tags?: string[] }[]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: cells.map((c, i) => ({
      cell_type: c.type ?? 'code',
      id: `c${i}`,
      metadata: c.tags ? { tags: c.tags } : {},
      source: c.src,
      ...(c.type === 'markdown' ? {} : { outputs: [{ output_type: 'stream', name: 'stdout', text: 'old' }], execution_count: 3 }),
    })),
  };
}

describe('exercises/student versions', () => {
  describe('stripCodeSolutions', () => {
    const R = 'exercises.NOT_ANSWERED';
    it('a block declaring names becomes typed placeholders for each name (destructuring, functions, classes)', () => {
      const src = [
        'const M = [[1, -a], [a, 1]];',
        '// BEGIN SOLUTION',
        'const eig = core.eigenvalues(M);',
        'const [l1, l2] = eig;',
        'const { re, im: imag } = l1;',
        'function helper(x: number) {',
        '  const inner = 2;',
        '  return x * inner;',
        '}',
        'class Solver {}',
        '// END SOLUTION',
        "check('core.rotation.eigenvalues', eig, { a: 0.1 });",
      ].join('\n');
      const { text, replaced } = stripCodeSolutions(src, R);
      assert.equal(replaced, 1);
      assert.equal(
        text,
        [
          'const M = [[1, -a], [a, 1]];',
          '// YOUR ANSWER HERE: replace NOT_ANSWERED with your answer',
          `const eig: any = ${R};`,
          `const l1: any = ${R};`,
          `const l2: any = ${R};`,
          `const re: any = ${R};`,
          `const imag: any = ${R};`,
          `const helper: any = ${R};`,
          `const Solver: any = ${R};`,
          "check('core.rotation.eigenvalues', eig, { a: 0.1 });",
        ].join('\n'),
      );
      assert.ok(!text.includes('core.eigenvalues'), 'the solution is gone');
    });
    it('assignments to outer names, indented blocks and inline solutions', () => {
      const src = ['let answer;', 'if (true) {', '  // BEGIN SOLUTION', '  answer = 5;', '  // END SOLUTION', '}', "check('x.y', /* BEGIN SOLUTION */ f(1, [2]) /* END SOLUTION */);"].join('\n');
      const { text, replaced } = stripCodeSolutions(src, R);
      assert.equal(replaced, 2);
      assert.equal(text, ['let answer;', 'if (true) {', '  // YOUR ANSWER HERE: replace NOT_ANSWERED with your answer', `  answer = ${R};`, '}', `check('x.y', ${R});`].join('\n'));
    });
    it('unbalanced or nested markers are errors that name the place', () => {
      assert.throws(() => stripCodeSolutions('// BEGIN SOLUTION\nx = 1;', R, 'nb.ipynb, cell 4'), /nb.ipynb, cell 4: '\/\/ BEGIN SOLUTION' on line 1 has no '\/\/ END SOLUTION'/);
      assert.throws(() => stripCodeSolutions('x = 1;\n// END SOLUTION', R), /'\/\/ END SOLUTION' on line 2 without a '\/\/ BEGIN SOLUTION'/);
      assert.throws(() => stripCodeSolutions('// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION', R), /line 2 inside another solution \(opened on line 1\)/);
    });
  });

  it('the placeholder expression follows how the notebook imports the library', () => {
    assert.equal(placeholderExpression(nbWith([{ src: "import { core, exercises } from 'dgmlab';" }])), 'exercises.NOT_ANSWERED');
    assert.equal(placeholderExpression(nbWith([{ src: "import * as dg from 'dgmlab';" }])), 'dg.exercises.NOT_ANSWERED');
    assert.equal(placeholderExpression(nbWith([{ src: "import { core } from 'dgmlab';" }])), "(globalThis as any)[Symbol.for('dgmlab.exercises.NOT_ANSWERED.value')]");
  });

  it('studentVersion: outputs cleared, solutions replaced, solution markdown blanked, metadata with hashes; master untouched', () => {
    const master = nbWith([
      { type: 'markdown', src: '# T\nSource: test' },
      { src: "import { exercises } from 'dgmlab';" },
      { src: "// BEGIN SOLUTION\nconst v = 3;\n// END SOLUTION\nexercises.check('core.logsumexp', v);" },
      { type: 'markdown', src: 'The answer is 3 because…', tags: ['solution'] },
      { src: 'const secret = 42;', tags: ['solution', 'keep'] },
    ]);
    const before = JSON.stringify(master);
    const sv = studentVersion(master, { masterPath: 'notebooks/t.ipynb', now: new Date('2026-01-01T00:00:00Z') });
    assert.equal(JSON.stringify(master), before);
    assert.equal(sv.solutions, 3);
    assert.deepEqual(sv.exercises, ['core.logsumexp']);
    const nb = sv.notebook;
    for (const c of nb.cells.filter((x) => x.cell_type === 'code')) {
      assert.deepEqual(c.outputs, []);
      assert.equal(c.execution_count, null);
    }
    assert.ok(!cellText(nb.cells[2]).includes('const v = 3'));
    assert.match(cellText(nb.cells[2]), /const v: any = exercises.NOT_ANSWERED;/);
    assert.doesNotMatch(cellText(nb.cells[3]), /because/);
    assert.deepEqual(nb.cells[3].metadata.tags, ['answer']);
    assert.equal(cellText(nb.cells[4]), '// YOUR ANSWER HERE: replace NOT_ANSWERED with your answer\nconst secret: any = exercises.NOT_ANSWERED;');
    assert.deepEqual(nb.cells[4].metadata.tags, ['answer', 'keep']);
    const meta = studentMeta(nb);
    assert.ok(meta);
    assert.equal(meta.master, 'notebooks/t.ipynb');
    assert.equal(meta.generated, '2026-01-01T00:00:00.000Z');
    assert.equal(meta.contentSha256, contentHash(nb));
    assert.equal(editedSinceGenerated(nb), false);
    nb.cells[2].source = 'const v = 3;';
    assert.equal(editedSinceGenerated(nb), true);
  });

  it('findCheckCalls: ids in order with literal params; non-literal params are null', () => {
    const nb = nbWith([
      { src: "check('a.b', x);\nexercises.check('a.c', f(1, 2), { alpha: 0.1, form: 'exact', on: true, n: -2e-3 });" },
      { src: "check(\"a.d\", y, params);\n// check('a.e', 1) in a comment still counts as a call site\nnotcheck('z.z', 1);" },
    ]);
    assert.deepEqual(findCheckCalls(nb), [
      { id: 'a.b', cell: 0, params: {} },
      { id: 'a.c', cell: 0, params: { alpha: 0.1, form: 'exact', on: true, n: -0.002 } },
      { id: 'a.d', cell: 1, params: null },
      { id: 'a.e', cell: 1, params: {} },
    ]);
    assert.deepEqual(parseParamsLiteral('{ a: 1, }'), { a: 1 });
    assert.equal(parseParamsLiteral('{ a: x }'), null);
    assert.equal(parseParamsLiteral('{ ...p }'), null);
  });

  it('the fixture master poses six exercises; its params literal is read', () => {
    const exp = expectedFromNotebook(parseNotebook(fs.readFileSync(FIXTURE, 'utf8')));
    assert.deepEqual(exp.map((e) => e.id), ['core.logsumexp', 'core.det2x2', 'core.rotation.eigenvalues', 'core.softmax.large', 'core.derivative', 'core.stable-iteration']);
    assert.deepEqual(exp[1].params, { a: 4, b: 1, c: 2, d: 3 });
  });

  describe('generateStudentVersions (files)', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-student-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('writes, then reports up to date, never overwrites an edited file unless forced, never modifies the master', () => {
      const masterBytes = fs.readFileSync(FIXTURE);
      const out = path.join(dir, 'out');
      const [w] = generateStudentVersions({ notebooks: [FIXTURE], outDir: out });
      assert.equal(w.action, 'written');
      assert.equal(w.solutions, 7);
      const target = path.join(out, 'master.ipynb');
      const first = fs.readFileSync(target, 'utf8');
      assert.equal(generateStudentVersions({ notebooks: [FIXTURE], outDir: out })[0].action, 'up-to-date');
      assert.equal(fs.readFileSync(target, 'utf8'), first);
      // the student edits an answer
      const nb = parseNotebook(first);
      nb.cells[2].source = "check('core.logsumexp', 3.4076);";
      fs.writeFileSync(target, serializeNotebook(nb));
      const kept = generateStudentVersions({ notebooks: [FIXTURE], outDir: out })[0];
      assert.equal(kept.action, 'kept-edited');
      assert.match(kept.message ?? '', /--force/);
      assert.match(fs.readFileSync(target, 'utf8'), /3\.4076/);
      // running the notebook (outputs only) is not an edit
      const forced = generateStudentVersions({ notebooks: [FIXTURE], outDir: out, force: true })[0];
      assert.equal(forced.action, 'written');
      assert.doesNotMatch(fs.readFileSync(target, 'utf8'), /3\.4076/);
      const ran = parseNotebook(fs.readFileSync(target, 'utf8'));
      (ran.cells[2].outputs as unknown[]) = [{ output_type: 'stream', name: 'stdout', text: 'x' }];
      fs.writeFileSync(target, serializeNotebook(ran));
      assert.equal(generateStudentVersions({ notebooks: [FIXTURE], outDir: out })[0].action, 'up-to-date');
      // a file there that dgmlab did not generate is kept
      fs.writeFileSync(target, serializeNotebook(nbWith([{ src: 'mine' }])));
      assert.equal(generateStudentVersions({ notebooks: [FIXTURE], outDir: out })[0].action, 'kept-edited');
      assert.deepEqual(fs.readFileSync(FIXTURE), masterBytes);
    });

    it('a master with unbalanced markers is reported as an error, the others are still written', () => {
      const bad = path.join(dir, 'bad.ipynb');
      fs.writeFileSync(bad, serializeNotebook(nbWith([{ src: '// BEGIN SOLUTION\nx = 1;' }])));
      const actions = generateStudentVersions({ notebooks: [bad, FIXTURE], outDir: path.join(dir, 'o') });
      assert.equal(actions[0].action, 'error');
      assert.match(actions[0].message ?? '', /cell 0: '\/\/ BEGIN SOLUTION' on line 1 has no/);
      assert.equal(actions[1].action, 'written');
    });
  });
});
