#!/usr/bin/env node
/*
 * Kernel start to first result (issue #16 [PERF-2]): N cold starts of the dgmlab kernel through jupyter_client
 * (bench/workloads/kernel_start.py), in two scenarios, alternating:
 *   - "trivial": start → the result of `1 + 1`;
 *   - "setup":   start → the result of a notebook's setup cell (import from 'dgmlab', core.initBackend(),
 *                display.setupPlots(), the markdown line) — what a notebook's first cell does.
 * Reported: median and max over the starts of each scenario, in seconds from spawning the kernel, and the median of
 * the kernel's own stage marks (DGMLAB_KERNEL_PROFILE=1, kernel-setup/kernel/profile.js). The kernels start in
 * notebooks/dgm-exercises, the folder of the notebook the setup cell comes from (the compile cache is per folder).
 *
 *   node bench/kernel-start.js [--starts N] [--cache user|empty|prefilled|off] [--json PATH]
 *
 * --cache: which compile cache the kernels use — `user` (default): the user's (~/.cache/dgmlab/kernel-compile or
 * $DGMLAB_KERNEL_CACHE), as it is; `empty`: a new empty folder (a fresh clone before `npm run kernel:setup`: the first
 * start of each scenario compiles, the later ones hit); `prefilled`: a new folder pre-filled by kernel-setup/prefill.js
 * for the kernels' folder (a fresh clone after the set-up); `off`: DGMLAB_KERNEL_CACHE=0 (every start compiles).
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const { jupyterEnv } = require(path.join(ROOT, 'kernel-setup', 'python.js'));
const PY = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** The setup cell of the notebooks (notebooks/dgm-exercises/02-reparameterization.ipynb, cell 1). */
const SETUP_CELL = [
  "import { core, display, exercises, vae } from 'dgmlab';",
  'const backend = await core.initBackend();',
  'display.setupPlots();',
  'display.markdown(`preset \\`${core.preset()}\\` · ${backend.summary}`);',
].join('\n');

const SCENARIOS = { trivial: ['1 + 1'], setup: [SETUP_CELL] };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/** The kernels' DGMLAB_KERNEL_CACHE for a --cache choice (and a clean-up), see the header. */
function cacheFor(choice, cwd, scenarios) {
  if (choice === 'user') return { env: {}, done() {} };
  if (choice === 'off') return { env: { DGMLAB_KERNEL_CACHE: '0' }, done() {} };
  if (choice !== 'empty' && choice !== 'prefilled') throw new Error(`kernel-start: --cache must be user, empty, prefilled or off (got ${choice})`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-kernel-start-cache-'));
  if (choice === 'prefilled') {
    // what `npm run kernel:setup` does for the notebooks, here for the scenarios' cells in the kernels' folder
    const { prefillFirstCells } = require(path.join(ROOT, 'kernel-setup', 'kernel', 'kernel.js'));
    const old = [process.cwd(), process.env.DGMLAB_KERNEL_CACHE];
    process.env.DGMLAB_KERNEL_CACHE = dir;
    process.chdir(cwd);
    try {
      prefillFirstCells(Object.values(scenarios).map((cells) => cells[0]), { cwd: process.cwd() });
    } finally {
      process.chdir(old[0]);
      if (old[1] === undefined) delete process.env.DGMLAB_KERNEL_CACHE;
      else process.env.DGMLAB_KERNEL_CACHE = old[1];
    }
  }
  return { env: { DGMLAB_KERNEL_CACHE: dir }, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Run the cold starts; resolves to {scenarios: {name: {median, max, seconds, ready, errors, stages}}, cache, loadavg}. */
function measureKernelStart({ starts = 5, cwd = path.join(ROOT, 'notebooks', 'dgm-exercises'), scenarios = SCENARIOS, cache = 'user' } = {}) {
  const plan = path.join(os.tmpdir(), `dgmlab-kernel-start-${process.pid}.json`);
  fs.writeFileSync(plan, JSON.stringify({ kernel: 'dgmlab', cwd, starts, scenarios, timeout: 180 }));
  const kc = cacheFor(cache, cwd, scenarios);
  const before = os.loadavg();
  const r = spawnSync(PY, [path.join(__dirname, 'workloads', 'kernel_start.py'), plan], { cwd: ROOT, env: jupyterEnv({ DGMLAB_PRESET: 'fast', ...kc.env }), encoding: 'utf8', timeout: starts * Object.keys(scenarios).length * 200000 });
  fs.rmSync(plan, { force: true });
  kc.done();
  if (r.error || r.status !== 0) return { error: (r.error ? r.error.message : (r.stderr || '').trim().split('\n').slice(-3).join(' ')) || `exit ${r.status}` };
  const { runs } = JSON.parse(r.stdout.trim().split('\n').pop());
  const out = {};
  for (const name of Object.keys(scenarios)) {
    const mine = runs.filter((x) => x.scenario === name);
    const seconds = mine.map((x) => x.cells[x.cells.length - 1]).filter((x) => x > 0);
    // the kernel's stage marks: median ms since its process started, per event name
    const events = new Map();
    for (const x of mine) for (const [ms, ev] of x.profile) (events.get(ev) || events.set(ev, []).get(ev)).push(ms);
    out[name] = {
      median: median(seconds),
      max: Math.max(...seconds),
      seconds,
      ready: median(mine.map((x) => x.ready)),
      errors: [...new Set(mine.flatMap((x) => x.errors))],
      stages: [...events].map(([ev, ms]) => [Math.round(median(ms)), ev]).sort((a, b) => a[0] - b[0]),
    };
  }
  return { starts, cache, scenarios: out, loadavg: { before, after: os.loadavg() } };
}

function report(res) {
  if (res.error) return `kernel start: failed: ${res.error}`;
  const lines = [];
  for (const [name, s] of Object.entries(res.scenarios)) {
    lines.push(`kernel start to first result (${name}, ${res.starts} cold starts, cache ${res.cache}): median ${s.median.toFixed(2)} s, max ${s.max.toFixed(2)} s (kernel_info reply: median ${s.ready.toFixed(2)} s)${s.errors.length ? ` — ERRORS: ${s.errors.join('; ')}` : ''}`);
  }
  return lines.join('\n');
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const opt = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
  const res = measureKernelStart({ starts: Number(opt('--starts', 5)), cache: opt('--cache', 'user') });
  console.log(report(res));
  if (!res.error) {
    for (const [name, s] of Object.entries(res.scenarios)) {
      console.log(`\n${name}: kernel stages (median ms since the kernel process started)`);
      for (const [ms, ev] of s.stages) console.log(`  ${String(ms).padStart(6)}  ${ev}`);
    }
    console.log(`\nload average before ${res.loadavg.before.map((x) => x.toFixed(1)).join(' ')}, after ${res.loadavg.after.map((x) => x.toFixed(1)).join(' ')}`);
  }
  const json = opt('--json');
  if (json) fs.writeFileSync(json, JSON.stringify(res, null, 2));
  if (res.error) process.exit(1);
}

module.exports = { measureKernelStart, report, SCENARIOS, SETUP_CELL };
