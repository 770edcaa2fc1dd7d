#!/usr/bin/env node
'use strict';
/**
 * `npm run kernel:setup` — make the `dgmlab` Jupyter kernel ready, then smoke-test it.
 *
 *   node kernel-setup/setup.js [--user] [--system | --prefix DIR] [--no-install] [--python PY] [--check-only] [--quiet]
 *
 * 1. Find a Python with jupyter_client, nbclient, nbformat and notebook. If there is none: on Debian/Ubuntu as
 *    root (or with password-less sudo) install Debian's packages with apt-get; elsewhere `pip install --user`;
 *    otherwise stop with the exact command to run (exit 2), having written nothing.
 * 2. Register the kernelspec `dgmlab` ("TypeScript (dgmlab)") in the project-local Jupyter data directory
 *    .jupyter/kernels/dgmlab (written to a temporary folder, then renamed: never half-written);
 *    with --user also into the user's Jupyter (for VS Code and an existing JupyterLab); with --system (or --prefix DIR)
 *    into <prefix>/share/jupyter/kernels/dgmlab (--system: /usr/local, where every user's Jupyter looks), pointing at
 *    kernel-setup/system-kernel.js so notebooks in any folder (students' homes) can import dgmlab from this copy.
 * 3. Smoke test: start the kernel, kernel_info, run a cell that imports dgmlab and prints the tfjs backend.
 *    --check-only runs only this step.
 * 4. Pre-fill the kernel's compile cache with every notebook's setup cell (kernel-setup/prefill.js), so the first
 *    cell of a notebook is answered without the compiler from the first session on; entries still valid are kept.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const py = require('./python');

// Required as a module (scripts/classroom.js uses registerShared), it reads no command line.
const args = require.main === module ? process.argv.slice(2) : [];
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const known = ['--user', '--system', '--prefix', '--no-install', '--python', '--check-only', '--quiet', '--help'];
for (let i = 0; i < args.length; i++) {
  if (!known.includes(args[i])) fail(`unknown option ${JSON.stringify(args[i])} (known: ${known.join(' ')})`, 64);
  if (args[i] === '--python' || args[i] === '--prefix') {
    if (args[i + 1] === undefined || args[i + 1].startsWith('--')) fail(`${args[i]} needs a value`, 64);
    i++;
  }
}
if (flag('--system') && option('--prefix')) fail('give --system or --prefix DIR, not both', 64);
if (flag('--help')) {
  console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(2, 19).join('\n').replace(/^ \*\/?/gm, ''));
  process.exit(0);
}
const quiet = flag('--quiet');
const log = (...m) => {
  if (!quiet) console.log(...m);
};
const logLine = log;

function fail(message, code = 2) {
  console.error(`dgmlab kernel set-up: FAILED — ${message}`);
  process.exit(code);
}

function run(cmd, cmdArgs, opts = {}) {
  log(`$ ${[cmd, ...cmdArgs].join(' ')}`);
  return spawnSync(cmd, cmdArgs, { stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8', ...opts });
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function canSudo() {
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

function onDebian() {
  return process.platform === 'linux' && fs.existsSync('/etc/debian_version') && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The command a person should run to get Jupyter, for the failure message. */
function manualInstallHint() {
  if (onDebian()) return `sudo apt-get update && sudo apt-get install -y ${py.APT_PACKAGES.join(' ')}`;
  return `python3 -m pip install --user ${py.PIP_PACKAGES.join(' ')}`;
}

/** Try to install Jupyter; returns a description of what was tried. */
function installJupyter() {
  if (onDebian() && (isRoot() || canSudo())) {
    const sudo = isRoot() ? [] : ['sudo', '-n'];
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const exec = (a) => (sudo.length ? run(sudo[0], [...sudo.slice(1), ...a], { env }) : run(a[0], a.slice(1), { env }));
    exec(['apt-get', 'update', '-qq']);
    const r = exec(['apt-get', 'install', '-y', '-qq', ...py.APT_PACKAGES]);
    return `apt-get install (exit ${r.status})`;
  }
  for (const cand of py.candidates(option('--python'))) {
    const hasPip = spawnSync(cand, ['-m', 'pip', '--version'], { stdio: 'ignore' }).status === 0;
    if (!hasPip) continue;
    const r = run(cand, ['-m', 'pip', 'install', '--user', '--disable-pip-version-check', ...py.PIP_PACKAGES]);
    return `${cand} -m pip install --user (exit ${r.status})`;
  }
  return 'nothing (not Debian as root, and no pip)';
}

function findOrInstallPython() {
  let found = py.findJupyterPython(option('--python'));
  if (found.python) return found.python;
  if (flag('--no-install') || flag('--check-only')) {
    fail(`no Python with Jupyter found (${found.report.join('; ')}). Install it with:\n    ${manualInstallHint()}\n  then run: npm run kernel:setup`);
  }
  log(`No Python with Jupyter found (${found.report.join('; ')}); installing it…`);
  const tried = installJupyter();
  found = py.findJupyterPython(option('--python'));
  if (found.python) return found.python;
  fail(`Jupyter could not be installed automatically (tried: ${tried}; ${found.report.join('; ')}). Install it with:\n    ${manualInstallHint()}\n  then run: npm run kernel:setup`);
}

/** tslab's launcher inside this project's node_modules. */
function tslabBin() {
  let pkg;
  try {
    pkg = require.resolve('tslab/package.json', { paths: [py.ROOT] });
  } catch {
    fail('tslab is not installed in this project. Run: npm install');
  }
  return path.join(path.dirname(pkg), 'bin', 'tslab');
}

function kernelSpec() {
  tslabBin(); // fails clearly when tslab (whose compiler and executor the kernel uses) is not installed
  return {
    argv: [process.execPath, path.join(__dirname, 'kernel', 'index.js'), '--config-path', '{connection_file}'],
    display_name: 'TypeScript (dgmlab)',
    language: 'typescript',
    interrupt_mode: 'message', // interrupt_request on the control channel, served by a thread of its own (kernel/control.js)
    metadata: { dgmlab: { root: py.ROOT } },
  };
}

/** Write the kernelspec into .jupyter/kernels/dgmlab atomically (temporary folder, then rename). */
function registerLocal() {
  fs.mkdirSync(path.dirname(py.KERNEL_DIR), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(path.dirname(py.KERNEL_DIR), '.dgmlab-'));
  fs.writeFileSync(path.join(tmp, 'kernel.json'), JSON.stringify(kernelSpec(), null, 2) + '\n');
  fs.rmSync(py.KERNEL_DIR, { recursive: true, force: true });
  fs.renameSync(tmp, py.KERNEL_DIR);
  log(`Kernelspec 'dgmlab' registered in ${path.relative(process.cwd(), py.KERNEL_DIR) || py.KERNEL_DIR}`);
}

/** Install the same spec into the user's Jupyter data dir through jupyter_client (replaces an older one). */
function registerUser(python) {
  const code =
    'import sys\nfrom jupyter_client.kernelspec import KernelSpecManager\n' +
    "print(KernelSpecManager().install_kernel_spec(sys.argv[1], 'dgmlab', user=True, replace=True))";
  const r = spawnSync(python, ['-c', code, py.KERNEL_DIR], { encoding: 'utf8' });
  if (r.status !== 0) fail(`could not install the kernelspec for the user: ${r.stderr.trim()}`);
  log(`Kernelspec 'dgmlab' also installed for the user in ${r.stdout.trim()}`);
}

/** The prefix of a shared install: --prefix DIR, or /usr/local for --system (undefined: none asked for). */
function sharedPrefix() {
  if (option('--prefix')) return path.resolve(option('--prefix'));
  if (flag('--system')) return '/usr/local';
  return undefined;
}

/**
 * Register the kernelspec under <prefix>/share/jupyter/kernels/dgmlab for every user: the kernel runs through
 * system-kernel.js, which resolves `import … from 'dgmlab'` to this checkout from any folder.
 */
function registerShared(prefix) {
  const dir = path.join(prefix, 'share', 'jupyter', 'kernels', 'dgmlab');
  const spec = kernelSpec();
  spec.argv[1] = path.join(__dirname, 'system-kernel.js');
  spec.metadata.dgmlab.shared = true;
  try {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const tmp = fs.mkdtempSync(path.join(path.dirname(dir), '.dgmlab-'));
    fs.writeFileSync(path.join(tmp, 'kernel.json'), JSON.stringify(spec, null, 2) + '\n');
    fs.chmodSync(tmp, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  } catch (e) {
    fail(`could not write the kernelspec into ${dir} (${e.code || e.message})${prefix === '/usr/local' ? ': --system needs root (sudo npm run kernel:setup -- --system), or use --prefix DIR' : ''}`);
  }
  log(`Kernelspec 'dgmlab' registered for every user in ${dir} (library: ${py.ROOT})`);
  return path.join(prefix, 'share', 'jupyter');
}

function ensureLibraryBuilt() {
  if (fs.existsSync(path.join(py.ROOT, 'dist', 'index.js'))) return;
  log('The library is not built yet; building it (tsc)…');
  const tsc = path.join(py.ROOT, 'node_modules', '.bin', 'tsc');
  const r = run(tsc, ['-p', path.join(py.ROOT, 'tsconfig.json')]);
  if (r.status !== 0) fail('the library did not build (see the errors above). Run: npm install');
}

function smokeTest(python, shared) {
  // A shared install is tested from a folder outside the checkout, as a student's home would be.
  const cwd = shared ? fs.mkdtempSync(path.join(require('os').tmpdir(), 'dgmlab-home-')) : path.join(py.ROOT, 'notebooks');
  const env = shared ? { ...py.jupyterEnv(), JUPYTER_PATH: shared } : py.jupyterEnv();
  const r = spawnSync(python, [path.join(__dirname, 'smoke.py'), '--cwd', cwd], { encoding: 'utf8', env, timeout: 240000 });
  if (shared) fs.rmSync(cwd, { recursive: true, force: true });
  let result;
  try {
    result = JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    result = { ok: false, error: (r.stderr || r.stdout || String(r.error)).trim().slice(-800) };
  }
  if (!result.ok) fail(`the kernel smoke test failed${shared ? ' (shared install, from a folder outside the checkout)' : ''}: ${result.error}`, 3);
  console.log(`dgmlab kernel OK${shared ? ' (shared install, from a folder outside the checkout)' : ''} (${result.seconds} s): ${result.output}`);
}

function main() {
  const python = findOrInstallPython();
  let shared;
  if (!flag('--check-only')) {
    ensureLibraryBuilt();
    registerLocal();
    if (flag('--user')) registerUser(python);
    if (sharedPrefix()) shared = registerShared(sharedPrefix());
    fs.writeFileSync(py.CHOICE_FILE, JSON.stringify({ python }, null, 2) + '\n');
    log(`Jupyter Python: ${python}`);
  } else if (!fs.existsSync(path.join(py.KERNEL_DIR, 'kernel.json'))) {
    fail('the kernelspec is not registered yet. Run: npm run kernel:setup');
  }
  smokeTest(python);
  if (shared) smokeTest(python, shared);
  if (!flag('--check-only')) prefillCompileCache();
}

/**
 * The notebooks' first cells into the kernel's compile cache (prefill.js, in a process of its own: it compiles in
 * each notebook folder). Only a speed-up: a failure is reported, not fatal.
 */
function prefillCompileCache(targets = [path.join(py.ROOT, 'notebooks')], { silent = false } = {}) {
  const log = silent ? () => {} : logLine;
  const r = spawnSync(process.execPath, [path.join(__dirname, 'prefill.js'), '--json', ...targets], { encoding: 'utf8', timeout: 600000 });
  let s;
  try {
    s = JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    console.error(`dgmlab kernel set-up: the compile cache was not pre-filled (notebooks will compile their first cell): ${(r.stderr || String(r.error || `exit ${r.status}`)).trim().slice(-600)}`);
    return null;
  }
  if (!s.dir) log('Kernel compile cache: off (DGMLAB_KERNEL_CACHE=0); not pre-filled');
  else log(`Kernel compile cache: setup cells of ${s.notebooks} notebooks (${s.folders} folders): ${s.stored} compiled and stored, ${s.valid} already valid (${s.seconds} s)`);
  return s;
}

if (require.main === module) main();

module.exports = { registerShared, prefillCompileCache };
