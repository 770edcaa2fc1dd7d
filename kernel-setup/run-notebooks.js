'use strict';
/**
 * Run notebooks through nbexec.py (real Jupyter client, dgmlab kernel), a few at a time, each with a total timeout.
 * Used by the notebook tests, the course build and the grader.
 *
 *   const { runNotebook, runNotebooks } = require('./run-notebooks');
 *   const result = await runNotebook('notebooks/index.ipynb', { preset: 'fast', totalTimeout: 600 });
 *
 * A result is nbexec.py's JSON report (with `timing`: seconds from spawning the kernel to the first code cell's result,
 * the time outside cells, the shutdown; see nbexec.py — here also `python_start`, spawning nbexec → it spawning the
 * kernel) and `wallSeconds`; when the notebook ran past `totalTimeout` seconds, the whole process group
 * (python + kernel) is killed and the result says so (kind "timeout", with the cell running at the time if known).
 */
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { jupyterPython, jupyterEnv, ROOT } = require('./python');

const NBEXEC = path.join(__dirname, 'nbexec.py');

/**
 * Process groups of the runs in progress (nbexec's own group, and the kernel's once nbexec announced its pid): killed
 * when this process exits or is stopped by a signal, so no kernel outlives the runner (issue #24). The handlers are
 * installed while a run is in progress only; a signal is re-raised after the kill when nobody else listens to it.
 */
const active = new Set();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function killGroups(run, signal = 'SIGKILL') {
  for (const pgid of [run.kernel, run.nbexec]) {
    try {
      if (pgid) process.kill(-pgid, signal);
    } catch {
      /* already gone */
    }
  }
}

function killAll() {
  for (const run of active) killGroups(run);
}

function onSignal(signal) {
  killAll();
  if (process.listenerCount(signal) === 1) {
    uninstall();
    process.kill(process.pid, signal);
  }
}
const handlers = Object.fromEntries(SIGNALS.map((s) => [s, () => onSignal(s)]));

function install() {
  if (active.size !== 1) return;
  process.on('exit', killAll);
  for (const s of SIGNALS) process.on(s, handlers[s]);
}

function uninstall() {
  process.removeListener('exit', killAll);
  for (const s of SIGNALS) process.removeListener(s, handlers[s]);
}

/** All .ipynb files under `dir` (skipping checkpoints), sorted. */
function findNotebooks(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ipynb')) out.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

/** The checks nbexec printed with --stream-checks (lines `nbexec: check {json}`). */
function streamedChecks(stderr) {
  const checks = [];
  for (const m of stderr.matchAll(/^nbexec: check (\{.*\})$/gm)) {
    try {
      checks.push(JSON.parse(m[1]));
    } catch {
      /* a partial line from a killed process */
    }
  }
  return checks;
}

/** The source of cell `index` of a notebook file (for failure reports), or null. */
function cellSource(notebook, index) {
  try {
    const src = JSON.parse(fs.readFileSync(notebook, 'utf8')).cells[index].source;
    return Array.isArray(src) ? src.join('') : src;
  } catch {
    return null;
  }
}

/**
 * Execute one notebook. Options: preset ('fast'), cellTimeout (s, 300), totalTimeout (s, 900), out (path for the
 * executed copy), allowStderr, expectChecks ('pass' | 'any'), env (extra variables), allowErrors (keep executing
 * after a failing cell), streamChecks (if the run has to be killed, the result still has the checks made before).
 */
function runNotebook(notebook, opts = {}) {
  const { preset = 'fast', cellTimeout = 300, totalTimeout = 900, out, allowStderr = false, expectChecks = 'pass', env = {} } = opts;
  const { allowErrors = false, streamChecks = false } = opts;
  const args = [NBEXEC, notebook, '--preset', preset, '--cell-timeout', String(Math.ceil(cellTimeout)), '--expect-checks', expectChecks];
  if (out) args.push('--out', out);
  if (allowStderr) args.push('--allow-stderr');
  if (allowErrors) args.push('--allow-errors');
  if (streamChecks) args.push('--stream-checks');
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(jupyterPython(), args, {
      cwd: ROOT,
      env: jupyterEnv({ DGMLAB_PRESET: preset, ...env }),
      detached: true, // own process group, so a timeout kills the kernel too
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    // The kernel has its own process group (jupyter_client's start_new_session): known by the pid nbexec announces.
    const run = { nbexec: child.pid, kernel: null };
    active.add(run);
    install();
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      const kernel = run.kernel === null && /^nbexec: kernel pid (\d+)$/m.exec(stderr);
      if (kernel) run.kernel = Number(kernel[1]);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroups(run);
    }, totalTimeout * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      killGroups(run); // anything the run left behind in its groups
      active.delete(run);
      if (active.size === 0) uninstall();
      const seconds = (Date.now() - started) / 1000;
      let result;
      const running = [...stderr.matchAll(/^nbexec: cell (\d+)$/gm)].pop();
      const runningCell = running ? Number(running[1]) : null;
      try {
        result = JSON.parse(stdout.trim().split('\n').pop());
      } catch {
        result = {
          notebook,
          ok: false,
          seconds,
          failures: [
            {
              cell: runningCell,
              kind: timedOut ? 'timeout' : 'kernel',
              source: runningCell === null ? null : cellSource(notebook, runningCell),
              message: timedOut
                ? `the notebook ran longer than its total timeout of ${totalTimeout} s and was stopped` +
                  (runningCell === null ? '' : ` while cell ${runningCell} was running`)
                : `nbexec exited with code ${code}: ${stderr.replace(/^nbexec: (cell \d+|kernel pid \d+|check \{.*\})\n/gm, '').trim().slice(-2000)}`,
            },
          ],
          checks: streamedChecks(stderr),
          figures: 0,
        };
      }
      result.notebook = notebook;
      result.wallSeconds = Math.round(seconds * 100) / 100;
      // nbexec's timing (start-up to first result, time outside cells), plus Python's and nbclient's own start:
      // from spawning nbexec to nbexec spawning the kernel (both clocks are this machine's).
      if (result.timing && result.timing.spawned_at) result.timing.python_start = Math.round(result.timing.spawned_at * 1000 - started) / 1000;
      resolve(result);
    });
  });
}

/** Execute notebooks `jobs` at a time; `onResult` is called as each finishes. Resolves to the results in input order. */
async function runNotebooks(notebooks, opts = {}, onResult = () => {}) {
  const jobs = Math.max(1, opts.jobs ?? 2);
  const results = new Array(notebooks.length);
  let next = 0;
  const worker = async () => {
    while (next < notebooks.length) {
      const i = next++;
      results[i] = await runNotebook(notebooks[i], { ...opts, out: opts.outDir ? path.join(opts.outDir, path.relative(opts.base ?? ROOT, notebooks[i])) : undefined });
      onResult(results[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, notebooks.length) }, worker));
  return results;
}

/** A readable report of one failed notebook: the notebook, each failing cell's source and its message. */
function formatFailures(result) {
  return result.failures
    .map((f) => {
      const where = f.cell === null || f.cell === undefined ? 'notebook' : `cell ${f.cell}`;
      const src = f.source ? `\n  --- source ---\n${f.source.replace(/^/gm, '  | ')}` : '';
      return `${result.notebook} — ${where} — ${f.kind}: ${f.message}${src}`;
    })
    .join('\n\n');
}

module.exports = { findNotebooks, runNotebook, runNotebooks, formatFailures, killAll, NBEXEC };
