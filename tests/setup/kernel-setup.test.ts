/**
 * The kernel set-up command (kernel-setup/setup.js): the happy path (the kernelspec points at this project's
 * tslab, and the smoke test passes) and the failure paths (no Python with Jupyter and no way to install: a clear
 * message naming the command to run, a non-zero exit, nothing half-registered).
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SETUP = path.join(ROOT, 'kernel-setup', 'setup.js');
const SPEC = path.join(ROOT, '.jupyter', 'kernels', 'dgmlab', 'kernel.json');

function setup(...args: string[]) {
  return spawnSync(process.execPath, [SETUP, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, DGMLAB_PYTHON: '' } });
}

describe('kernel set-up', function () {
  this.timeout(240000);

  it('registers the dgmlab kernelspec in .jupyter/ and its smoke test imports dgmlab and names the backend', () => {
    const r = setup('--quiet');
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /dgmlab kernel OK \([\d.]+ s\): dgmlab \d+\.\d+\.\d+ \| tfjs [\d.]+ on the '(tensorflow|wasm|cpu)' backend/);
    const spec = JSON.parse(fs.readFileSync(SPEC, 'utf8'));
    assert.equal(spec.display_name, 'TypeScript (dgmlab)');
    assert.ok(spec.argv.includes('{connection_file}'));
    assert.equal(spec.argv[0], process.execPath, 'the spec runs the same Node.js');
    assert.equal(spec.argv[1], path.join(ROOT, 'kernel-setup', 'kernel', 'index.js'), "the spec must start this project's own kernel");
  });

  it('kernel:check runs only the smoke test', () => {
    const before = fs.statSync(SPEC).mtimeMs;
    const r = setup('--check-only');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.statSync(SPEC).mtimeMs, before, 'the check must not rewrite the kernelspec');
  });

  it('without a Python with Jupyter and no way to install: exit 2, the command to run, nothing half-registered', () => {
    const kernelsDir = path.dirname(path.dirname(SPEC));
    const before = fs.readdirSync(kernelsDir).sort();
    const specBefore = fs.readFileSync(SPEC, 'utf8');
    const r = setup('--python', '/nonexistent/python3', '--no-install');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no Python with Jupyter found \(\/nonexistent\/python3: not runnable\)/);
    assert.match(r.stderr, /(apt-get install -y jupyter-notebook python3-nbclient|pip install --user notebook nbclient)/);
    assert.match(r.stderr, /then run: npm run kernel:setup/);
    assert.deepEqual(fs.readdirSync(kernelsDir).sort(), before, 'no temporary or partial kernelspec folder may be left');
    assert.equal(fs.readFileSync(SPEC, 'utf8'), specBefore);
  });

  it('a Python that lacks Jupyter modules is named with what it lacks', () => {
    const r = setup('--python', process.execPath, '--no-install'); // node is not a Python: "not runnable"
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not runnable/);
  });

  it('an unknown option is refused with the list of known ones', () => {
    const r = setup('--frobnicate');
    assert.equal(r.status, 64);
    assert.match(r.stderr, /unknown option "--frobnicate" \(known: --user/);
  });
});
