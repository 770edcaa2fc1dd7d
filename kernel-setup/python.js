'use strict';
/**
 * Finding a Python that has Jupyter, shared by the kernel set-up, `npm start`, the notebook tests, the course
 * build and the grader. Plain Node (no build step): it runs before anything is compiled.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
/** Project-local Jupyter data directory: the kernelspec lives in .jupyter/kernels/dgmlab. */
const JUPYTER_DIR = path.join(ROOT, '.jupyter');
const KERNEL_NAME = 'dgmlab';
const KERNEL_DIR = path.join(JUPYTER_DIR, 'kernels', KERNEL_NAME);
/** Where the set-up records the Python it chose, so later commands do not search again. */
const CHOICE_FILE = path.join(JUPYTER_DIR, 'python.json');

/** The Python modules the course needs. */
const REQUIRED_MODULES = ['jupyter_client', 'nbclient', 'nbformat', 'notebook'];
/** Debian/Ubuntu packages that provide them (DESIGN.md, verified on this machine kind). */
const APT_PACKAGES = [
  'jupyter-notebook',
  'python3-nbclient',
  'python3-nbconvert',
  'python3-nbformat',
  'jupyter-client',
  'python3-jupyter-kernel-test',
];
const PIP_PACKAGES = ['notebook', 'nbclient', 'nbconvert', 'nbformat', 'jupyter_client', 'jupyter_kernel_test'];

/** Candidate interpreters, most specific first. Debian's /usr/bin/python3 comes before a PATH shim (pyenv). */
function candidates(explicit) {
  if (explicit) return [explicit];
  const list = [];
  if (process.env.DGMLAB_PYTHON) list.push(process.env.DGMLAB_PYTHON);
  list.push('/usr/bin/python3', 'python3', 'python');
  return [...new Set(list)];
}

/** Which of the required modules `python` lacks; null if `python` does not run at all. */
function missingModules(python, modules = REQUIRED_MODULES) {
  const code =
    'import importlib.util, json, sys\n' +
    `mods = ${JSON.stringify(modules)}\n` +
    'print(json.dumps([m for m in mods if importlib.util.find_spec(m) is None]))';
  const r = spawnSync(python, ['-c', code], { encoding: 'utf8', timeout: 60000 });
  if (r.error || r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    return null;
  }
}

/** The first candidate that has every required module, or undefined; `report` lists what each candidate lacks. */
function findJupyterPython(explicit) {
  const report = [];
  for (const py of candidates(explicit)) {
    const missing = missingModules(py);
    if (missing === null) report.push(`${py}: not runnable`);
    else if (missing.length) report.push(`${py}: lacks ${missing.join(', ')}`);
    else return { python: py, report };
  }
  return { python: undefined, report };
}

/** The Python recorded by the last successful set-up (if it still works), else a fresh search. */
function jupyterPython() {
  if (process.env.DGMLAB_PYTHON) return process.env.DGMLAB_PYTHON;
  try {
    const { python } = JSON.parse(fs.readFileSync(CHOICE_FILE, 'utf8'));
    if (python && missingModules(python)?.length === 0) return python;
  } catch {
    /* not set up yet */
  }
  const { python, report } = findJupyterPython();
  if (!python) {
    throw new Error(`No Python with Jupyter was found (${report.join('; ')}). Run: npm run kernel:setup`);
  }
  return python;
}

/** Environment for Jupyter processes: the project-local data dir first, so the `dgmlab` kernelspec is found. */
function jupyterEnv(extra = {}) {
  const jp = [JUPYTER_DIR, process.env.JUPYTER_PATH].filter(Boolean).join(path.delimiter);
  return { ...process.env, JUPYTER_PATH: jp, PYDEVD_DISABLE_FILE_VALIDATION: '1', ...extra };
}

module.exports = {
  ROOT,
  JUPYTER_DIR,
  KERNEL_NAME,
  KERNEL_DIR,
  CHOICE_FILE,
  REQUIRED_MODULES,
  APT_PACKAGES,
  PIP_PACKAGES,
  candidates,
  missingModules,
  findJupyterPython,
  jupyterPython,
  jupyterEnv,
};
