/**
 * Kernel start-up (issue #16 [PERF-2]): `npm run kernel:setup` pre-fills the kernel's compile cache with the notebooks'
 * first cells (kernel-setup/prefill.js → kernel.js prefillFirstCells), so a fresh clone's first notebook is answered
 * without the compiler. Expected values: tslab's own converter (a fresh compiler per cell, as a kernel's first cell
 * is compiled) and the kernel's stage marks (DGMLAB_KERNEL_PROFILE=1: "compile cache: hit" / "miss").
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { outputsOf, ROOT, runProfiledPlan } from './helpers';

/* eslint-disable @typescript-eslint/no-require-imports */
const kernel = require(path.join(ROOT, 'kernel-setup', 'kernel', 'kernel.js'));
const prefillJs = require(path.join(ROOT, 'kernel-setup', 'prefill.js'));
const setup = require(path.join(ROOT, 'kernel-setup', 'setup.js'));

/** Compile in a child process (tests/kernel/prefill-child.js): no TypeScript state is left in this one. */
function child(op: 'prefill' | 'compare', cache: string, cwd: string, cells: string[]): any {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'prefill-child.js'), JSON.stringify({ op, cache, cwd, cells })], { encoding: 'utf8', timeout: 120000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

describe('kernel start-up: pre-filling the compile cache (kernel:setup)', function () {
  this.timeout(240000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-prefill-cache-'));
  const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-prefill-work-')));
  const helper = path.join(work, 'helper.d.ts');
  // Three first cells for one folder: the second and third are compiled by the converter that compiled the first.
  const cells = [
    "import { answer } from './helper';\nconst y: number = answer + 1;\ny",
    "import { answer, label } from './helper';\nconst o = { answer, label };\n`${o.label}: ${o.answer}`",
    "import { answer } from './helper';\nconst z: string = answer;", // a type error: its diagnostics are the result
  ];
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('stores for every cell of a folder exactly what a fresh compiler returns for it as a first cell', () => {
    fs.writeFileSync(helper, 'export declare const answer: number;\nexport declare const label: string;\n');
    const r = child('prefill', dir, work, [...cells, cells[0]]);
    assert.deepEqual(r, { stored: 3, valid: 0, skipped: 0 }, 'three distinct cells compiled and stored');
    const c = child('compare', dir, work, cells);
    assert.deepEqual(c.same, [true, true, true], 'each entry equals a fresh compiler\'s result');
    assert.ok(c.entries[0].output.includes('answer'), 'the first cell compiled');
    assert.ok(c.entries[2].diagnostics.length > 0, 'the type error is kept');
    assert.equal(c.rawLookups[1], 'absent', 'stored under the text the kernel compiles (shorthand rewritten)');
  });

  it('leaves valid entries alone; a changed input file makes it compile again; help and //@module cells are skipped', () => {
    assert.deepEqual(child('prefill', dir, work, cells), { stored: 0, valid: 3, skipped: 0 });
    fs.writeFileSync(helper, 'export declare const answer: string;\nexport declare const label: string;\n');
    const changed = child('prefill', dir, work, [...cells, 'answer?', '/** @module util */\nexport const u = 1;']);
    assert.deepEqual(changed, { stored: 3, valid: 0, skipped: 2 }, 'every entry read helper.d.ts: all invalid, recompiled');
    assert.throws(() => kernel.prefillFirstCells(cells, { cwd: os.tmpdir() }), /run it in/);
  });

  it("groups the notebooks' first code cells by the folder the kernel starts in", () => {
    const nb = (first: string[]) => ({ cells: [{ cell_type: 'markdown', source: ['# t'] }, { cell_type: 'code', source: ['  \n'] }, { cell_type: 'code', source: first }, { cell_type: 'code', source: ['x'] }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    fs.mkdirSync(path.join(work, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(work, 'a', '1.ipynb'), JSON.stringify(nb(['const a = 1;\n', 'a'])));
    fs.writeFileSync(path.join(work, 'a', 'b', '2.ipynb'), JSON.stringify(nb(['2'])));
    const { groups, notebooks } = prefillJs.firstCellsByFolder([path.join(work, 'a')]);
    assert.equal(notebooks, 2);
    assert.deepEqual([...groups], [[path.join(work, 'a'), ['const a = 1;\na']], [path.join(work, 'a', 'b'), ['2']]]);
  });

  it("after the set-up's pre-fill, a cold kernel answers a notebook's setup cell from the cache (and misses without it)", async () => {
    const notebook = path.join(ROOT, 'notebooks', 'dgm-exercises', '02-reparameterization.ipynb');
    const setupCell = prefillJs.firstCodeCell(notebook);
    assert.match(setupCell, /from 'dgmlab'/);
    const old = process.env.DGMLAB_KERNEL_CACHE;
    process.env.DGMLAB_KERNEL_CACHE = dir; // inherited by the pre-fill process
    let summary;
    try {
      summary = setup.prefillCompileCache([notebook], { silent: true });
    } finally {
      if (old === undefined) delete process.env.DGMLAB_KERNEL_CACHE;
      else process.env.DGMLAB_KERNEL_CACHE = old;
    }
    assert.equal(summary && summary.stored + summary.valid, 1, JSON.stringify(summary));
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-prefill-empty-'));
    try {
      const steps = [{ op: 'execute' as const, code: setupCell, timeout: 120 }, { op: 'execute' as const, code: 'typeof backend.summary', timeout: 120 }];
      const cwd = path.dirname(notebook);
      const [hit, miss] = [await runProfiledPlan({ cwd, env: { DGMLAB_KERNEL_CACHE: dir }, steps }), await runProfiledPlan({ cwd, env: { DGMLAB_KERNEL_CACHE: empty }, steps })];
      const events = (r: { profile: [number, string][] }) => r.profile.map((p) => p[1]).filter((e) => e.startsWith('compile cache'));
      assert.deepEqual(events(hit)[0], 'compile cache: hit', `stage marks: ${events(hit).join(', ')}`);
      assert.deepEqual(events(miss)[0], 'compile cache: miss', 'the same cold start without the pre-filled cache compiles');
      for (const r of [hit, miss]) {
        assert.equal(r.steps[0].reply!.status, 'ok', JSON.stringify(r.steps[0].reply));
        assert.ok(outputsOf(r.steps[0], 'display_data').some((o) => 'text/markdown' in o.content.data), 'the setup cell shows its markdown line');
        assert.deepEqual(outputsOf(r.steps[1], 'execute_result').map((o) => o.content.data['text/plain']), ["'string'"], "the next cell sees the setup cell's declarations");
      }
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
