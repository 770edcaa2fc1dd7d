/**
 * Every notebook under notebooks/ runs top to bottom through the real Jupyter client (nbclient) on the dgmlab
 * kernel with DGMLAB_PRESET=fast, two at a time (kernel-setup/run-notebooks.js), plus the runner's own fixtures.
 * A failing notebook's test prints the notebook, the failing cell's source and the error.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findNotebooks, formatFailures, ROOT, runNotebook, RunResult, runNotebooks } from './helpers';

const JOBS = Number(process.env.DGMLAB_NOTEBOOK_JOBS ?? 2);
const TOTAL_TIMEOUT = Number(process.env.DGMLAB_NOTEBOOK_TIMEOUT ?? 900);
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'notebooks');
const TIMES_FILE = path.join(ROOT, 'test-output', 'notebook-times.json');

describe('notebooks: every course notebook executes on the dgmlab kernel (fast preset)', function () {
  const notebooks = [...findNotebooks(path.join(ROOT, 'notebooks')), path.join(FIXTURES, 'ok.ipynb')];
  const rel = (p: string) => path.relative(ROOT, p);
  let all: Promise<RunResult[]>;
  const done = new Map<string, RunResult>();
  const waiting = new Map<string, (r: RunResult) => void>();
  const resultOf = (nb: string) =>
    new Promise<RunResult>((resolve) => (done.has(nb) ? resolve(done.get(nb)!) : waiting.set(nb, resolve)));

  before(function () {
    // Start every run now (JOBS at a time); each test below waits for its own notebook.
    all = runNotebooks(notebooks.map(rel), { preset: 'fast', totalTimeout: TOTAL_TIMEOUT, jobs: JOBS }, (r) => {
      done.set(r.notebook, r);
      waiting.get(r.notebook)?.(r);
    });
  });

  for (const nb of notebooks) {
    it(rel(nb), async function () {
      this.timeout((TOTAL_TIMEOUT + 60) * 1000 * Math.ceil(notebooks.length / JOBS));
      const r = await resultOf(rel(nb));
      this.test!.title = `${rel(nb)} (${r.wallSeconds.toFixed(1)} s, ${r.figures} figures, ${r.checks.length} checks)`;
      assert.ok(r.ok, `\n${formatFailures(r)}`);
    });
  }

  after(async function () {
    this.timeout(0);
    const results = await all;
    fs.mkdirSync(path.dirname(TIMES_FILE), { recursive: true });
    fs.writeFileSync(TIMES_FILE, JSON.stringify(results.map((r) => ({ notebook: r.notebook, ok: r.ok, seconds: r.wallSeconds })), null, 2));
    const total = results.reduce((s, r) => s + r.wallSeconds, 0);
    console.log(`      notebook times: ${results.length} notebooks, ${total.toFixed(1)} s of kernel time (${JOBS} at a time); see ${path.relative(ROOT, TIMES_FILE)}`);
  });
});

describe('notebooks: the runner reports failures precisely', function () {
  this.timeout(120000);
  const failing = (name: string) => path.join('tests', 'fixtures', 'notebooks', 'failing', name);

  it('names the notebook and the cell that throws, with the error message, and stops there', async () => {
    const r = await runNotebook(failing('throws.ipynb'));
    assert.equal(r.ok, false);
    assert.equal(r.failures.length, 1, formatFailures(r));
    const f = r.failures[0];
    assert.equal(f.kind, 'error');
    assert.equal(f.cell, 2);
    assert.match(f.source ?? '', /core\.normalLogPdf\(0, 0, -1\)/);
    assert.match(f.message, /normalLogPdf: sigma must be > 0 \(got -1\)/);
    assert.match(formatFailures(r), /throws\.ipynb — cell 2 — error/);
  });

  it('the kernel keeps working for the next notebook after one that throws', async () => {
    const [bad, good] = await runNotebooks([failing('throws.ipynb'), path.join('tests', 'fixtures', 'notebooks', 'ok.ipynb')], { jobs: 1 });
    assert.equal(bad.ok, false);
    assert.ok(good.ok, formatFailures(good));
  });

  it('a cell that runs forever is stopped by the cell timeout, and the report names it', async () => {
    const t0 = Date.now();
    const r = await runNotebook(failing('loops.ipynb'), { cellTimeout: 4 });
    assert.ok(Date.now() - t0 < 60000, 'the runner must not hang');
    assert.equal(r.failures[0].kind, 'timeout');
    assert.equal(r.failures[0].cell, 2);
    assert.match(r.failures[0].source ?? '', /while \(true\)/);
  });

  it('a notebook past its total timeout is killed (kernel included), and the report names the running cell', async () => {
    const r = await runNotebook(failing('loops.ipynb'), { cellTimeout: 600, totalTimeout: 12 });
    assert.equal(r.ok, false);
    assert.equal(r.failures[0].kind, 'timeout');
    assert.equal(r.failures[0].cell, 2);
    assert.match(r.failures[0].message, /total timeout of 12 s.*cell 2/);
  });

  it('reports stderr output, a figure cell without a figure, and a failing exercise check', async () => {
    const r = await runNotebook(failing('badcheck.ipynb'));
    const kinds = r.failures.map((f) => `${f.cell}:${f.kind}`);
    assert.deepEqual(kinds, ['1:figure', '2:stderr', '3:check']);
    assert.match(r.failures[2].message, /fixture\.wrong did not pass: expected 2/);
  });
});
