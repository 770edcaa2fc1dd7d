import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import '../../src';
import { getExercise, listExercises, verify, referenceAnswer } from '../../src/exercises';
import { expectedForStudent, isParameterIndependent, paramsLiteral, rewriteCheckCalls, variantNotebook, variantParams } from '../../src/exercises/variants';
import { findCheckCalls, parseNotebook, cellText, contentHash } from '../../src/exercises/notebook';
import { editedSinceGenerated, studentMeta } from '../../src/exercises/student';
import { generateStudentVersions } from '../../src/cli/student';
import { parseRoster } from '../../src/cli/roster';

/**
 * [CLASSROOM] per-student variants. Expected behaviour from the issue: parameters drawn deterministically from
 * (seed, student id, exercise id) within the declared ranges; a copied answer is wrong for another variant; updating
 * the course never overwrites an edited student notebook.
 */
describe('classroom: per-student exercise variants', () => {
  it('variantParams: deterministic, within the declared range, different between students (gan.dg.eigenvalues)', () => {
    const ex = getExercise('gan.dg.eigenvalues');
    const a = variantParams(ex.id, 'fall-2026', 's001');
    assert.deepEqual(variantParams(ex.id, 'fall-2026', 's001'), a, 'same seed and id ⇒ same parameters');
    const spec = ex.params.alpha;
    const alphas = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const p = variantParams(ex.id, 'fall-2026', `s${i}`);
      assert.ok(typeof p.alpha === 'number' && p.alpha >= (spec.min as number) && p.alpha <= (spec.max as number), JSON.stringify(p));
      assert.equal(Number((p.alpha as number).toPrecision(2)), p.alpha, 'two significant figures');
      alphas.add(p.alpha as number);
    }
    assert.ok(alphas.size >= 10, `30 students share only ${alphas.size} values`);
    assert.notDeepEqual(variantParams(ex.id, 'spring-2027', 's001'), a, 'another seed, other parameters');
  });

  it('parameters the notebook fixes (a sub-question) never vary; parameter-free exercises are parameter-independent', () => {
    assert.deepEqual(variantParams('gan.dg.eigenvalues', 1, 's1', ['alpha']), {});
    const free = listExercises().find((e) => Object.keys(e.params).length === 0);
    assert.ok(free && isParameterIndependent(free));
    assert.deepEqual(variantParams(free.id, 1, 's1'), {});
    assert.equal(isParameterIndependent(getExercise('gan.dg.eigenvalues')), false);
  });

  it('rewriteCheckCalls passes the variant, keeping the answer expression and merging fixed params', () => {
    const src = "const r = f(1, [2, 3]);\nexercises.check('gan.dg.modulus', Math.hypot(1, r[0]));\nexercises.check('gan.dg.norm-after-k', x, { k: 10 });";
    const out = rewriteCheckCalls(src, (id, fixed) => (id === 'gan.dg.modulus' ? { alpha: 0.17 } : { alpha: 0.3, ...(fixed.k ? {} : { k: 1 }) }));
    assert.ok(out);
    assert.match(out.text, /check\('gan\.dg\.modulus', Math\.hypot\(1, r\[0\]\), \{ alpha: 0\.17 \}\)/);
    assert.match(out.text, /check\('gan\.dg\.norm-after-k', x, \{ k: 10, alpha: 0\.3 \}\)/);
    assert.equal(paramsLiteral({ a: 1, 'b-c': 'x' }), '{ a: 1, "b-c": "x" }');
  });

  it('a variant notebook shows the values above the exercise, checks with them, and records the student (not the seed)', () => {
    const master = fs.readFileSync(path.join(__dirname, '../../notebooks/dgm-exercises/06-gan-dynamics.ipynb'), 'utf8');
    const nb = parseNotebook(master);
    const { notebook, variants } = variantNotebook(nb, 'S', 'alice');
    assert.ok(Object.keys(variants).length >= 3, `varied: ${Object.keys(variants).join(', ')}`);
    const calls = findCheckCalls(notebook);
    for (const [id, p] of Object.entries(variants)) {
      const call = calls.find((c) => c.id === id);
      assert.ok(call && call.params && Object.entries(p).every(([k, v]) => call.params![k] === v), id);
      const note = notebook.cells[call.cell - 1];
      assert.equal(note.cell_type, 'markdown');
      assert.ok(cellText(note).includes(id) && cellText(note).includes('Your values'));
    }
    const meta = (notebook.metadata.dgmlab as { variant: { student: string } }).variant;
    assert.equal(meta.student, 'alice');
    assert.ok(!JSON.stringify(notebook.metadata).includes('"S"'), 'the course seed is not stored');
  });

  it("a neighbour's answer is wrong for one's own variant; one's own right answer passes (expectedForStudent)", () => {
    const expected = [{ id: 'gan.dg.modulus', params: {} }];
    const [alice] = expectedForStudent(expected, 'S', 'alice');
    const [bob] = expectedForStudent(expected, 'S', 'bob');
    assert.notDeepEqual(alice.params, bob.params);
    const aliceAnswer = referenceAnswer('gan.dg.modulus', alice.params!);
    assert.equal(verify('gan.dg.modulus', aliceAnswer, alice.params!).passed, true);
    assert.equal(verify('gan.dg.modulus', aliceAnswer, bob.params!).passed, false);
  });

  it('roster CSV: header, quoted fields, CRLF; errors name the line', () => {
    const r = parseRoster('id,name,email\r\ns1,"Doe, Jane",jane@example.org\r\ns2,Bo,\r\n');
    assert.deepEqual(r, [{ id: 's1', name: 'Doe, Jane', email: 'jane@example.org' }, { id: 's2', name: 'Bo' }]);
    assert.throws(() => parseRoster('name\nx\n', 'r.csv'), /r\.csv:1: the header row has no id column/);
    assert.throws(() => parseRoster('id\ns1\ns1\n', 'r.csv'), /r\.csv:3: id "s1" appears twice \(also on line 2\)/);
    assert.throws(() => parseRoster('id\n../x\n', 'r.csv'), /r\.csv:2: id "\.\.\/x" must be/);
    assert.throws(() => parseRoster('id\n', 'r.csv'), /lists no students/);
  });

  it('student --roster writes one folder per student; updating the course keeps edited notebooks and refreshes the others', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-class-'));
    const masterDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-master-'));
    const master = path.join(masterDir, '06-gan-dynamics.ipynb');
    fs.copyFileSync(path.join(__dirname, '../../notebooks/dgm-exercises/06-gan-dynamics.ipynb'), master);
    const roster = parseRoster('id\nalice\nbob\n');
    const first = generateStudentVersions({ notebooks: [master], outDir: out, roster, seed: 'S' });
    assert.deepEqual(first.map((a) => [a.student, a.action]), [['alice', 'written'], ['bob', 'written']]);
    const aliceFile = path.join(out, 'alice', '06-gan-dynamics.ipynb');
    const bobFile = path.join(out, 'bob', '06-gan-dynamics.ipynb');
    const bobNb = parseNotebook(fs.readFileSync(bobFile, 'utf8'));
    assert.equal(editedSinceGenerated(bobNb), false, 'a fresh variant is not "edited"');
    assert.equal(studentMeta(bobNb)?.contentSha256, contentHash(bobNb));
    // alice edits her notebook; the lecturer then changes the master (git pull) and regenerates
    const edited = fs.readFileSync(aliceFile, 'utf8').replace('NOT_ANSWERED', 'NOT_ANSWERED /* my work */');
    fs.writeFileSync(aliceFile, edited);
    const nb = JSON.parse(fs.readFileSync(master, 'utf8'));
    nb.cells.push({ cell_type: 'markdown', id: 'new-cell', metadata: {}, source: ['An added remark.'] });
    fs.writeFileSync(master, JSON.stringify(nb, null, 1));
    const second = generateStudentVersions({ notebooks: [master], outDir: out, roster, seed: 'S' });
    assert.deepEqual(second.map((a) => [a.student, a.action]), [['alice', 'kept-edited'], ['bob', 'written']]);
    assert.equal(fs.readFileSync(aliceFile, 'utf8'), edited, "alice's work is untouched");
    assert.ok(fs.readFileSync(bobFile, 'utf8').includes('An added remark.'));
    const third = generateStudentVersions({ notebooks: [master], outDir: out, roster, seed: 'S' });
    assert.deepEqual(third.map((a) => a.action), ['kept-edited', 'up-to-date']);
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(masterDir, { recursive: true, force: true });
  });
});
