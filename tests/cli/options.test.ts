/**
 * The command line's options (issue #15 point 5): Node's util.parseArgs behind friendly usage errors, `--help` on
 * every command, and `dgmlab grade`'s exit status and per-submission `error` for inputs it cannot grade (issue #24
 * point 5). Expected values: the usage texts and exit codes documented in src/cli/index.ts (0 ok, 1 not graded,
 * 2 usage error).
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COMMAND_USAGE, main } from '../../src/cli';
import { parseArgs, UsageError } from '../../src/cli/args';

const ROOT = path.join(__dirname, '..', '..');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const usage = (e: unknown, re: RegExp) => e instanceof UsageError && re.test((e as Error).message);

describe('cli options: util.parseArgs with friendly usage errors', () => {
  const spec = { flags: ['json', 'help'], options: ['topic', 'param'] };
  it('flags, valued options (--opt v and --opt=v), repeated options, positionals, -- and -h', () => {
    const a = parseArgs(['x', '--param=k=1', '--param', 'j=2', '--json', '--topic', 't', '--', '--literal'], spec);
    assert.deepEqual(a.positional, ['x', '--literal']);
    assert.deepEqual(a.options.get('param'), ['k=1', 'j=2']);
    assert.deepEqual(a.options.get('topic'), ['t']);
    assert.ok(a.flags.has('json') && !a.flags.has('help'));
    assert.ok(parseArgs(['-h'], spec).flags.has('help'));
  });
  it('an unknown option names it and lists the known ones', () => {
    assert.throws(() => parseArgs(['--colour'], spec), (e) => usage(e, /^unknown option --colour \(options: --json, --topic, --param\)$/));
    assert.throws(() => parseArgs(['-x'], spec), (e) => usage(e, /^unknown option -x /));
  });
  it('a missing value, and a value given to a flag', () => {
    assert.throws(() => parseArgs(['--topic'], spec), (e) => usage(e, /^--topic needs a value$/));
    assert.throws(() => parseArgs(['--topic', '--json'], spec), (e) => usage(e, /^--topic needs a value$/));
    assert.throws(() => parseArgs(['--json=yes'], spec), (e) => usage(e, /^--json takes no value$/));
  });
});

describe('cli: every command answers --help', () => {
  for (const cmd of ['exercises', 'answer', 'errata', 'grade', 'student']) {
    it(`dgmlab ${cmd} --help (and -h, and dgmlab help ${cmd}) print its usage and exit 0`, async () => {
      for (const argv of [[cmd, '--help'], [cmd, '-h'], ['help', cmd], [cmd, 'extra-positional', '--help']]) {
        const r = await run(...argv);
        assert.equal(r.code, 0, `${argv.join(' ')}: ${r.err}`);
        assert.equal(r.out.trim(), COMMAND_USAGE[cmd].trim());
        assert.match(r.out, new RegExp(`^Usage: dgmlab ${cmd}`));
      }
    });
  }
  it('dgmlab grade --help documents the exit status and the error field; dgmlab help nosuch is a usage error', async () => {
    const r = await run('grade', '--help');
    assert.match(r.out, /Exit status: 0 when every submission was graded; 1 when any could not be/);
    assert.match(r.out, /"error" field/);
    const bad = await run('help', 'nosuch');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown command "nosuch"/);
  });
  it('the bin script answers dgmlab grade --help (exit 0)', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'dgmlab.js'), 'grade', '--help'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Usage: dgmlab grade/);
  });
});

describe('cli: dgmlab grade on inputs it cannot grade (issue #24 point 5)', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-ungradable-'));
    fs.writeFileSync(path.join(dir, 'corrupt.ipynb'), '{"cells": [ {"cell_type": "code", "sou');
    fs.writeFileSync(path.join(dir, 'essay.txt'), 'I did the exercises on paper.\n');
    fs.writeFileSync(path.join(dir, 'nbformat3.ipynb'), JSON.stringify({ nbformat: 3, cells: [] }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 1, says which submissions and why; --json has an error per submission', async () => {
    const files = ['corrupt.ipynb', 'essay.txt', 'nbformat3.ipynb'].map((f) => path.join(dir, f));
    const r = await run('grade', ...files, '--master', path.join(ROOT, 'tests', 'fixtures', 'grader', 'master.ipynb'), '--json');
    assert.equal(r.code, 1, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.submissions.length, 3);
    const errors = j.submissions.map((s: { error: string | null }) => s.error);
    assert.match(errors[0], /not a notebook: not valid JSON/);
    assert.match(errors[1], /not a notebook: not valid JSON/);
    assert.match(errors[2], /only nbformat 4 notebooks are supported/);
    assert.deepEqual(j.summary.notGraded, 3);
    assert.match(r.err, /3 of 3 submissions could not be graded: .*corrupt\.ipynb/);
    const t = await run('grade', files[1], '--master', path.join(ROOT, 'tests', 'fixtures', 'grader', 'master.ipynb'));
    assert.equal(t.code, 1);
    assert.match(t.out, /could not be graded: .*not a notebook/);
  });
});
