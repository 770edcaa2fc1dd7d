/**
 * Kernel start-up (issue #16 [PERF-2]): the first-cell compile cache and the lazy mathjs of `import 'dgmlab'` must not
 * change what runs. Expected values: tslab's own converter (a fresh compiler on the same cell), the real mathjs module
 * object, and Node's require cache (which modules a fresh process loaded).
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, runPlan } from './helpers';

/* eslint-disable @typescript-eslint/no-require-imports */
const cc = require(path.join(ROOT, 'kernel-setup', 'kernel', 'compile-cache.js'));
const tslabDir = path.dirname(require.resolve('tslab/package.json', { paths: [ROOT] }));
const ts = require(require.resolve('@tslab/typescript-for-tslab', { paths: [tslabDir] }));
const { createConverter } = require(path.join(tslabDir, 'dist', 'converter'));

describe('kernel start-up: the first-cell compile cache', function () {
  this.timeout(180000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-cc-test-'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-cc-work-'));
  const helper = path.join(work, 'helper.d.ts');
  const cell = "import { answer } from './helper';\nconst y: number = answer + 1;\ny";
  let fresh: any;
  let cache: any;
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("stores a first cell's result and replays exactly what a fresh compiler returns", () => {
    fs.writeFileSync(helper, 'export declare const answer: number;\n');
    const cwd = process.cwd();
    process.chdir(work); // tslab's converter compiles relative to the process's folder
    try {
      cache = new cc.FirstCellCache({ sys: ts.sys, cwd: work, versions: ['test'], dir });
      const rec = cc.recordIO(ts.sys);
      const conv = createConverter({ isJS: false, isBrowser: false });
      fresh = conv.convert('', cell);
      rec.stop();
      conv.close();
      assert.ok(fresh.output && fresh.output.includes('answer'), 'the compiler compiled the cell');
      assert.ok(Object.keys(rec.io.read).some((p) => p.endsWith('/helper.d.ts')), 'the read of the imported declaration file is recorded');
      assert.equal(cache.store(cell, rec, fresh), true);
      assert.deepEqual(cache.lookup(cell), JSON.parse(JSON.stringify(fresh)));
      assert.equal(cache.lookup(cell + ' '), undefined, 'another cell text is another key');
    } finally {
      process.chdir(cwd);
    }
  });

  it('a changed input file invalidates the entry (the compiler runs again)', () => {
    fs.writeFileSync(helper, 'export declare const answer: string;\n');
    assert.equal(cache.lookup(cell), undefined);
    fs.writeFileSync(helper, 'export declare const answer: number;\n');
    assert.ok(cache.lookup(cell), 'the same content again: valid again');
  });

  it('a file appearing where module resolution found none invalidates the entry', () => {
    const rec = cc.recordIO(ts.sys);
    ts.sys.fileExists(path.join(work, 'later.ts'));
    rec.stop();
    assert.equal(rec.io.exists[path.join(work, 'later.ts')], false);
    fs.writeFileSync(path.join(work, 'later.ts'), 'export {};\n');
    assert.equal(cc.stillValid(rec.io, ts.sys), false);
  });

  it('off with DGMLAB_KERNEL_CACHE=0 and in a grading sandbox; results with side outputs are never stored', () => {
    assert.equal(cc.cacheDir({ DGMLAB_KERNEL_CACHE: '0' }), null);
    assert.equal(cc.cacheDir({ DGMLAB_SANDBOX: 'bwrap' }), null);
    assert.equal(cc.cacheDir({ DGMLAB_KERNEL_CACHE: '/x' }), '/x');
    const rec = { io: { read: {}, exists: {}, dirExists: {}, realpath: {}, dirs: {} }, unsafe: false };
    assert.equal(cache.store('x', rec, { output: 'x', sideOutputs: [{ path: 'a.js', data: '' }], diagnostics: [] }), false);
  });

  it('in the kernel: a cached first cell prints what the compiler-compiled cell printed, and the session goes on', async () => {
    // Two sessions with the same first cell (the second one is served from the cache), then a cell that uses the first
    // cell's declarations (the compiler, created after the first result, must know them).
    const first = 'const base: number = 20 + 1;\nbase * 2';
    const env = { DGMLAB_KERNEL_CACHE: dir };
    const old = { ...process.env };
    Object.assign(process.env, env);
    try {
      const a = await runPlan({ steps: [{ op: 'execute', code: first }, { op: 'execute', code: 'base + 1' }] });
      const entry = path.join(dir, `${new cc.FirstCellCache({ sys: ts.sys, cwd: ROOT, versions: [] , dir }).key('x')}.json`);
      assert.ok(fs.readdirSync(dir).length >= 2 && !fs.existsSync(entry), 'the first session stored its first cell');
      const b = await runPlan({ steps: [{ op: 'execute', code: first }, { op: 'execute', code: 'base + 1' }] });
      const text = (s: any) => s.outputs.filter((o: any) => o.msg_type === 'execute_result').map((o: any) => o.content.data['text/plain']);
      for (const run of [a, b]) {
        assert.deepEqual(text(run[0]), ['42']);
        assert.deepEqual(text(run[1]), ['22']);
      }
    } finally {
      for (const k of Object.keys(env)) if (!(k in old)) delete process.env[k];
    }
  });
});

describe("kernel start-up: lazy mathjs in import 'dgmlab'", function () {
  this.timeout(120000);
  it('the package loads without mathjs; its first use loads the real module and answers as before', () => {
    const script = `
      const d = require(${JSON.stringify(path.join(ROOT, 'dist', 'index.js'))});
      const loaded = () => Object.keys(require.cache).some((k) => k.includes('/node_modules/mathjs/'));
      const before = loaded();
      const eig = d.core.eigenvalues([[0, 1], [-2, -3]]);
      const exact = d.sampling.stationaryDistributionExact([[0.5, 0.5], [0.25, 0.75]]);
      process.stdout.write(JSON.stringify({ before, after: loaded(), eig, exact, esModule: require('mathjs').__esModule }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120000 });
    assert.equal(r.status, 0, r.stderr);
    const o = JSON.parse(r.stdout);
    assert.equal(o.before, false, 'mathjs is not loaded by the import');
    assert.equal(o.after, true);
    // eigenvalues of [[0,1],[-2,-3]]: λ² + 3λ + 2 = 0 → −1, −2 (closed form)
    const re = o.eig.map((z: any) => (typeof z === 'number' ? z : z.re)).sort((x: number, y: number) => x - y);
    assert.ok(Math.abs(re[0] + 2) < 1e-9 && Math.abs(re[1] + 1) < 1e-9, JSON.stringify(o.eig));
    // π of the 2-state chain: π = (1/3, 2/3) (πP = π by hand)
    assert.deepEqual(o.exact.fractions, ['1/3', '2/3']);
    assert.equal(o.esModule, true, 'the forwarder answers __esModule = true without loading: mathjs must still set it');
  });

  it('the forwarder is the real module for reads, `in`, keys, descriptors and prototypes', () => {
    const { lazyModule } = require(path.join(ROOT, 'dist', 'lazy.js'));
    const real = require('mathjs');
    let loads = 0;
    const f = lazyModule('mathjs', () => (loads++, real));
    assert.equal(loads, 0);
    assert.equal(f.fraction, real.fraction);
    assert.equal(f.Complex, real.Complex);
    assert.ok('derivative' in f && !('nope' in f));
    assert.deepEqual(Object.keys(f), Object.keys(real));
    assert.equal(Object.getOwnPropertyDescriptor(f, 'add')!.enumerable, Object.getOwnPropertyDescriptor(real, 'add')!.enumerable);
    assert.equal(Object.getPrototypeOf(f), Object.getPrototypeOf(real));
    assert.ok(f.complex(1, 2) instanceof real.Complex);
    assert.equal(loads, 1);
  });
});
