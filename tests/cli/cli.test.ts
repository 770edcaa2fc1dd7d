import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli';
import { parseArgs, UsageError } from '../../src/cli/args';
import { verify } from '../../src/exercises';

const ROOT = path.join(__dirname, '..', '..');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('cli (dgmlab command)', () => {
  it('exercises: one id per line first, then a description per exercise; --topic filters; --json', async () => {
    const r = await run('exercises', '--topic', 'core');
    assert.equal(r.code, 0);
    const ids = r.out.split('\n\n')[0].split('\n');
    assert.ok(ids.includes('core.rotation.eigenvalues') && ids.every((l) => /^core\.[\w.-]+$/.test(l)), r.out);
    assert.match(r.out, /core\.det2x2 +Determinant of \[\[a, b\], \[c, d\]\].*params: a=2, b=1, c=1, d=3/);
    const j = JSON.parse((await run('exercises', '--topic', 'core', '--json')).out);
    const rot = j.find((e: { id: string }) => e.id === 'core.rotation.eigenvalues');
    assert.equal(rot.kind, 'unordered');
    assert.deepEqual(rot.params.a.default, 0.1);
    const none = await run('exercises', '--topic', 'nosuchtopic');
    assert.equal(none.code, 1);
    assert.match(none.err, /no exercises for topic "nosuchtopic" \(topics: .*core/);
  });

  it('answer: the reference for the given params; --json is an answer check accepts', async () => {
    const r = await run('answer', 'core.rotation.eigenvalues', '--param', 'a=0.5');
    assert.equal(r.code, 0);
    // eigenvalues of [[1, −a], [a, 1]] are 1 ± a i (closed form)
    assert.match(r.out, /answer: \{ 1 - 0\.5i, 1 \+ 0\.5i \} \(any order\)/);
    for (const [id, params] of [['core.rotation.eigenvalues', ['--param', 'a=0.3']], ['core.derivative', []], ['core.softmax.large', []], ['core.inverse2x2', []]] as const) {
      const j = await run('answer', id, ...params, '--json');
      assert.equal(j.code, 0);
      const p = params.length ? { a: 0.3 } : undefined;
      assert.equal(verify(id, JSON.parse(j.out), p).status, 'passed', id);
    }
  });

  it('answer: unknown ids and bad params are clear errors with non-zero exit codes', async () => {
    const u = await run('answer', 'core.rotation.eigenvalue');
    assert.equal(u.code, 1);
    assert.match(u.err, /unknown exercise id "core.rotation.eigenvalue" — did you mean 'core.rotation.eigenvalues'/);
    const p = await run('answer', 'core.det2x2', '--param', 'q=1');
    assert.equal(p.code, 2);
    assert.match(p.err, /unknown parameter "q" \(parameters: a, b, c, d\)/);
    const n = await run('answer', 'core.det2x2', '--param', 'a=x');
    assert.equal(n.code, 2);
    assert.match(n.err, /parameter a must be a number \(got "x"\)/);
    assert.equal((await run('answer', 'core.det2x2', '--param', 'a')).code, 2);
    assert.equal((await run('answer')).code, 2);
  });

  it('errata lists (text and JSON); a bad --source is a usage error', async () => {
    const r = await run('errata');
    assert.equal(r.code, 0);
    assert.ok(r.out.length > 0);
    const j = await run('errata', '--json');
    assert.ok(Array.isArray(JSON.parse(j.out)));
    const bad = await run('errata', '--source', 'x');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--source must be a three-digit source number/);
  });

  it('usage errors: unknown command, unknown option, missing files', async () => {
    const u = await run('frobnicate');
    assert.equal(u.code, 2);
    assert.match(u.err, /unknown command "frobnicate"/);
    const o = await run('exercises', '--colour');
    assert.equal(o.code, 2);
    assert.match(o.err, /unknown option --colour \(options: --json, --topic\) \(dgmlab exercises --help for usage\)/);
    assert.equal((await run('grade')).code, 2);
    const m = await run('grade', 'no/such.ipynb');
    assert.equal(m.code, 1);
    assert.match(m.err, /no such file: no\/such.ipynb/);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-empty-'));
    const e = await run('grade', empty);
    fs.rmSync(empty, { recursive: true, force: true });
    assert.equal(e.code, 1);
    assert.match(e.err, /no notebooks found in/);
    const badPreset = await run('grade', path.join(ROOT, 'tests', 'fixtures', 'grader', 'master.ipynb'), '--preset', 'slow');
    assert.equal(badPreset.code, 2);
    assert.match(badPreset.err, /--preset must be fast or full \(got "slow"\)/);
    const badJobs = await run('grade', path.join(ROOT, 'tests', 'fixtures', 'grader', 'master.ipynb'), '--jobs', '0');
    assert.equal(badJobs.code, 2);
    assert.match(badJobs.err, /--jobs must be a number > 0 \(got "0"\)/);
    assert.equal((await run('help')).code, 0);
    assert.throws(() => parseArgs(['--topic'], { options: ['topic'] }), (e: unknown) => e instanceof UsageError && /--topic needs a value/.test((e as Error).message));
    assert.deepEqual(parseArgs(['a', '--param=x=1', '--param', 'y=2', '--json'], { flags: ['json'], options: ['param'] }).options.get('param'), ['x=1', 'y=2']);
  });

  it('student writes into --out and reports; the bin script runs the compiled CLI', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-cli-'));
    try {
      const fixture = path.join(ROOT, 'tests', 'fixtures', 'grader', 'master.ipynb');
      const r = await run('student', fixture, '--out', dir);
      assert.equal(r.code, 0);
      assert.match(r.out, /written .*master\.ipynb +7 solutions replaced, 6 exercises/);
      assert.ok(fs.existsSync(path.join(dir, 'master.ipynb')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // The bin script needs dist/ (npm test builds it first).
    const bin = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'dgmlab.js'), 'answer', 'core.det2x2', '--param', 'a=4', '--param', 'c=2', '--json'], { encoding: 'utf8' });
    assert.equal(bin.status, 0, bin.stderr);
    assert.equal(JSON.parse(bin.stdout), 4 * 3 - 1 * 2); // ad − bc with b = 1, d = 3
    const bad = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'dgmlab.js'), 'answer', 'nope.nope'], { encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /unknown exercise id "nope.nope"/);
  });
});
