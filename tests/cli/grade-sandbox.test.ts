/**
 * Grading a class safely, end to end (issue #24 points 1 and 2): hostile submissions run through `gradeSubmissions`
 * in the sandbox this machine offers (kernel-setup/kernel/sandbox.js), as a lecturer would grade them.
 *
 * Each attack answers an exercise correctly ONLY if the attack worked, so "scores nothing" is the proof that it did
 * not: reading the master notebook and another submission, writing outside its own copy (decoys in the checkout's
 * .grading folder, in /tmp and the other submission, hashed before and after, plus a new file in the checkout), a
 * detached child process (looked for in /proc afterwards), the network (a TCP server of this test that counts
 * connections), the grader's environment, a kernelspec switched to Python in the notebook's metadata, memory
 * exhaustion, a huge output, and answers taken from the answer key (static scan, runtime trace, `forbid`).
 * Expected values: the master fixture's answers (tests/fixtures/grader: log(e + e² + e³), det [[4,1],[2,3]] = 10,
 * eigenvalues 1 ± 0.1i, softmax indices {1, 3}) and the statuses defined in src/exercises/grading.ts.
 */
import { strict as assert } from 'assert';
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { chooseSandbox, formatReports, gradeSubmissions, sandboxLauncher, SubmissionReport } from '../../src/cli/grade';
import { compare, registerExercise, unregisterExercise } from '../../src/exercises';

const ROOT = path.join(__dirname, '..', '..');
const MASTER = path.join(ROOT, 'tests', 'fixtures', 'grader', 'master.ipynb');
const LSE = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
const DET = { a: 4, b: 1, c: 2, d: 3 };

const sha = (p: string) => (fs.existsSync(p) ? createHash('sha256').update(fs.readFileSync(p)).digest('hex') : 'absent');
const code = (source: string) => ({ cell_type: 'code', metadata: {}, source, outputs: [], execution_count: null });
const notebook = (cells: string[], metadata: object = { kernelspec: { name: 'dgmlab', display_name: 'TypeScript (dgmlab)', language: 'typescript' } }) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata, cells: cells.map(code) });

/** Pids of live processes whose command line contains `marker`. */
function processesWith(marker: string): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (fs.readFileSync(`/proc/${d}/cmdline`).includes(marker) && !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${d}/status`, 'utf8'))) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

describe('grading in a sandbox: hostile submissions score nothing and leave nothing behind (issue #24)', function () {
  this.timeout(900_000);
  const nonce = `dgmlab-escape-${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-sandbox-test-'));
  const decoyDir = path.join(ROOT, '.grading', `decoy-${nonce}`);
  const other = path.join(tmp, 'other-student', 'submission.ipynb');
  const victims = [path.join(decoyDir, 'victim.txt'), path.join(tmp, 'victim.txt'), other];
  const newInRoot = path.join(ROOT, `${nonce}.txt`);
  const watched = () => [...victims, newInRoot, MASTER, ...fs.readdirSync(path.join(ROOT, 'kernel-setup', 'kernel')).map((f) => path.join(ROOT, 'kernel-setup', 'kernel', f))];
  const reports = new Map<string, SubmissionReport>();
  const hashes = new Map<string, string>();
  let connections = 0;
  let server: net.Server;
  let port = 0;
  let mode: string;
  const warnings: string[] = [];

  before(async function () {
    const d = sandboxLauncher().detect();
    if (!d.bwrap && !d.permission) {
      // The one allowed skip (issue #24): a machine with neither sandbox layer. Said, not silent.
      console.log(`      SKIPPED: no sandbox on this machine — ${d.reasons.bwrap}; ${d.reasons.permission}`);
      this.skip();
    }
    mode = chooseSandbox().mode;
    registerExercise({ id: 'test.sandbox.lse', title: 'log-sum-exp by hand', source: 'test', reference: () => LSE, compare: compare.number({ rel: 1e-9 }), forbid: ['core.logSumExp'] });
    fs.mkdirSync(decoyDir, { recursive: true });
    fs.mkdirSync(path.dirname(other), { recursive: true });
    fs.writeFileSync(victims[0], 'decoy in the checkout\n');
    fs.writeFileSync(victims[1], 'decoy in /tmp\n');
    fs.writeFileSync(other, notebook(["check('core.logsumexp', 3.4076059644443806);"]));
    server = net.createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as net.AddressInfo).port;
    process.env.GRADER_TEST_SECRET = nonce;
    for (const f of watched()) hashes.set(f, sha(f));

    const setup = "import { core, exercises } from 'dgmlab';\nimport * as fs from 'fs';\nimport * as net from 'net';\nimport * as cp from 'child_process';\nconst { check } = exercises;";
    const attacks = notebook([
      setup,
      `let read = false;\nfor (const p of ${JSON.stringify([MASTER, other])}) { try { read = fs.readFileSync(p, 'utf8').length > 0 || read; } catch {} }\ncheck('core.logsumexp', read ? ${LSE} : -1);`,
      `let wrote = false;\nfor (const p of ${JSON.stringify([...victims, newInRoot])}) { try { fs.writeFileSync(p, 'overwritten by a submission'); wrote = true; } catch {} }\ncheck('core.det2x2', wrote ? 10 : -1, ${JSON.stringify(DET)});`,
      `let spawned = false;\ntry { const c = cp.spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '${nonce}'], { detached: true, stdio: 'ignore' }); c.on('error', () => {}); c.unref(); spawned = typeof c.pid === 'number'; } catch {}\ntry { cp.execSync("setsid sh -c 'sleep 600 # ${nonce}' > /dev/null 2>&1 &"); spawned = true; } catch {}\ncheck('core.rotation.eigenvalues', spawned ? ['1 + 0.1i', '1 - 0.1i'] : [0], { a: 0.1 });`,
      `const connected = await new Promise<boolean>((resolve) => { try { const s = net.connect(${port}, '127.0.0.1', () => { s.end(); resolve(true); }); s.on('error', () => resolve(false)); } catch { resolve(false); } setTimeout(() => resolve(false), 3000); });\ncheck('core.softmax.large', connected ? [1, 3] : [0]);`,
      `check('core.derivative', process.env.GRADER_TEST_SECRET ? '(2*x - x^2) * exp(-x)' : '0');`,
    ]);
    const python = notebook(
      [
        'import json\nfrom IPython.display import display\nsrc = open(' + JSON.stringify(MASTER) + ').read()',
        "display({'application/vnd.dgmlab.check+json': {'id': 'core.logsumexp', 'params': {}, 'answer': " + LSE + ", 'passed': True}}, raw=True)",
      ],
      { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' }, language_info: { name: 'python' } },
    );
    const memory = notebook([setup, 'const hog: Float64Array[] = [];\nwhile (true) hog.push(new Float64Array(1 << 24).fill(1));', `check('core.det2x2', 10, ${JSON.stringify(DET)});`]);
    const output = notebook([
      setup,
      "const line = 'x'.repeat(1 << 16);\nfor (let i = 0; i < 400; i++) console.log(line);",
      "import * as tslab from 'tslab';\nfor (let i = 0; i < 400; i++) tslab.display.html('<p>' + 'y'.repeat(1 << 16) + '</p>');",
      `check('core.det2x2', 10, ${JSON.stringify(DET)});`,
    ]);
    const lookupMaster = notebook([setup, "check('core.logsumexp', /* BEGIN SOLUTION */ core.logSumExp([1, 2, 3]) /* END SOLUTION */);", `check('core.det2x2', /* BEGIN SOLUTION */ 10 /* END SOLUTION */, ${JSON.stringify(DET)});`, "check('core.softmax.large', /* BEGIN SOLUTION */ [1, 3] /* END SOLUTION */);", `// BEGIN SOLUTION\nconst v = ${LSE};\n// END SOLUTION\ncheck('test.sandbox.lse', v);`]);
    const lookups = notebook([
      setup,
      "check('core.logsumexp', exercises.referenceAnswer('core.logsumexp'));",
      `const k = ['refer', 'enceAnswer'].join('');\ncheck('core.det2x2', (exercises as any)[k]('core.det2x2', ${JSON.stringify(DET)}), ${JSON.stringify(DET)});`,
      "check('core.softmax.large', [1, 3]);",
      "try { check('test.sandbox.lse', core.logSumExp([1, 2, 3])); } catch {}",
    ]);
    const files: Record<string, string> = { attacks, python, memory, output, lookups, 'lookup-master': lookupMaster };
    // File names carry the nonce, so this test's work copies can be told from other graders' in a shared checkout.
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(tmp, `${nonce}-${name}.ipynb`), text);
    const sub = (n: string) => path.join(tmp, `${nonce}-${n}.ipynb`);
    const common = { cellTimeout: 60, totalTimeout: 400, jobs: 2, onWarning: (w: string) => warnings.push(w) };
    const [a, b] = await Promise.all([
      gradeSubmissions([sub('attacks'), sub('python'), sub('memory'), sub('output')], { ...common, master: MASTER, memoryMb: 1024, outputLimitBytes: 4 * 1024 * 1024 }),
      gradeSubmissions([sub('lookups')], { ...common, jobs: 1, master: sub('lookup-master') }),
    ]);
    ['attacks', 'python', 'memory', 'output'].forEach((n, i) => reports.set(n, a[i]));
    reports.set('lookups', b[0]);
  });

  after(() => {
    delete process.env.GRADER_TEST_SECRET;
    unregisterExercise('test.sandbox.lse');
    server?.close();
    for (const pid of processesWith(nonce)) process.kill(pid, 'SIGKILL');
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(decoyDir, { recursive: true, force: true });
    fs.rmSync(newInRoot, { force: true });
  });

  const get = (n: string) => {
    const r = reports.get(n);
    assert.ok(r, `no report for ${n}`);
    return r;
  };
  const statuses = (r: SubmissionReport) => Object.fromEntries(r.exercises.map((e) => [e.id, e.status]));

  it('runs in the strongest sandbox available, and says which', () => {
    const d = sandboxLauncher().detect();
    assert.equal(mode, d.bwrap && d.permission ? 'bwrap+permission' : d.bwrap ? 'bwrap' : 'permission');
    for (const r of reports.values()) assert.equal(r.execution.sandbox, mode);
    assert.match(formatReports([get('attacks')]), new RegExp(`sandbox: ${mode.replace('+', '\\+')}`));
    if (mode === 'bwrap+permission') assert.deepEqual(warnings, []);
  });

  it('reading the master and another submission, writing outside the copy, a detached child, the network, the environment: no points', () => {
    const r = get('attacks');
    assert.ok(r.execution.completed, formatReports([r]));
    const s = statuses(r);
    assert.equal(s['core.logsumexp'], 'wrong', 'the master and the other submission are not readable');
    assert.equal(s['core.det2x2'], 'wrong', 'nothing outside the copy is writable');
    assert.equal(s['core.derivative'], 'wrong', "the grader's environment is not visible");
    if (mode.includes('permission')) assert.equal(s['core.rotation.eigenvalues'], 'wrong', 'no child processes');
    if (mode.startsWith('bwrap')) assert.equal(s['core.softmax.large'], 'wrong', 'no network');
    if (mode === 'bwrap+permission') assert.equal(r.score, 0, formatReports([r]));
  });

  it('nothing was written: the decoys, the other submission, the master and the kernel files hash the same; no new file in the checkout', () => {
    for (const f of watched()) assert.equal(sha(f), hashes.get(f), f);
    assert.equal(fs.existsSync(newInRoot), false);
  });

  it('no process of a submission survives grading (detached children included); the test server saw no connection', () => {
    assert.deepEqual(processesWith(nonce), []);
    if (mode.startsWith('bwrap')) assert.equal(connections, 0);
  });

  it('a kernelspec switched to Python in the metadata runs on the grading kernel anyway (its Python cells fail): nothing', () => {
    const r = get('python');
    assert.equal(r.score, 0, formatReports([r]));
    assert.ok(r.exercises.every((e) => e.status === 'not-answered'), formatReports([r]));
    assert.ok(r.execution.problems.some((p) => p.kind === 'error' && p.cell === 0), JSON.stringify(r.execution.problems));
  });

  it('memory exhaustion is bounded: the cell fails (or the kernel is stopped) and the grader reports it', () => {
    const r = get('memory');
    const p = r.execution.problems.find((x) => x.cell === 1);
    assert.ok(p && ['error', 'kernel'].includes(p.kind), JSON.stringify(r.execution.problems));
  });

  it('a huge output is cut per cell, and a run whose output passes the bound is stopped ("limit")', () => {
    const r = get('output');
    const limit = r.execution.problems.find((x) => x.kind === 'limit');
    assert.ok(limit, JSON.stringify(r.execution.problems));
    assert.match(limit.message, /output passed 4194304 bytes/);
    assert.equal(r.execution.completed, false);
    assert.equal(statuses(r)['core.det2x2'], 'not-answered');
  });

  it('answer-key lookups: a literal referenceAnswer (static scan), an obfuscated one (runtime trace), a forbidden function: "looked up", 0 points; the honest answer counts', () => {
    const r = get('lookups');
    const s = statuses(r);
    assert.deepEqual(s, { 'core.logsumexp': 'looked-up', 'core.det2x2': 'looked-up', 'core.softmax.large': 'passed', 'test.sandbox.lse': 'looked-up' }, formatReports([r]));
    assert.equal(r.score, 1);
    const fb = Object.fromEntries(r.exercises.map((e) => [e.id, e.feedback]));
    assert.match(fb['core.logsumexp'], /referenceAnswer\('core\.logsumexp'\)/);
    assert.match(fb['core.det2x2'], /read while the notebook ran/);
    assert.match(fb['test.sandbox.lse'], /calls core\.logSumExp/);
    assert.match(formatReports([r]), /looked up +core\.det2x2/);
  });

  it('the work folders are removed (no copy of these submissions is left in .grading/)', () => {
    const left: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
        if (e.name.includes(nonce) && !e.name.startsWith('decoy-')) left.push(path.join(d, e.name));
        else if (e.isDirectory() && !e.name.startsWith('decoy-')) walk(path.join(d, e.name));
      }
    };
    walk(path.join(ROOT, '.grading'));
    assert.deepEqual(left, []);
  });
});
