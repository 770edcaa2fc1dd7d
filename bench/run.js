#!/usr/bin/env node
/*
 * `npm run bench` — dgmlab against reference implementations, side by side in one run (issue [PERF] part 1).
 *
 * Every workload runs in dgmlab and in its references as separate processes, ALTERNATING (rep 1: dgmlab, C, NumPy, …;
 * rep 2: the same, rotated), several repetitions. Each process warms up, then times its op for a fixed budget and
 * reports seconds per op. The table shows the median time per op and the median over repetitions of the
 * THROUGHPUT RATIO dgmlab ÷ reference taken within the same repetition (so load from other users of the machine
 * cancels as far as it can). Absolute times on a shared machine are noise; ratios measured together are not.
 *
 * References: C compiled here with gcc -O2 (scalar loops), NumPy loops / vectorised NumPy, PyTorch CPU with 2 threads
 * (OMP_WAIT_POLICY=PASSIVE, see bench/README.md), emcee. Nothing is installed: a missing tool is reported with the
 * command that installs it, and its rows are skipped.
 *
 * Defaults: 4 repetitions, 500 ms timed runs, then the notebook suite (about 10 minutes on a 2-core machine).
 * Options: --quick (3 repetitions, 300 ms, no notebook suite; about 3 minutes), --reps N, --budget MS,
 * --only id,id (kernelStart: the kernel's cold starts, bench/kernel-start.js; notebooks: the notebook suite),
 * --no-notebooks, --notebooks (also in --quick), --notebook-sample nb,nb (the suite on these notebooks only; with
 * `--only notebooks` nothing else runs), --json PATH.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const RESULTS = path.join(__dirname, 'results');
const PY = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function parseArgs(argv) {
  const o = { quick: false, reps: undefined, budget: undefined, only: undefined, notebooks: undefined, json: undefined, sample: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.quick = true;
    else if (a === '--reps') o.reps = Number(argv[++i]);
    else if (a === '--budget') o.budget = Number(argv[++i]);
    else if (a === '--only') o.only = argv[++i].split(',');
    else if (a === '--notebooks') o.notebooks = true;
    else if (a === '--no-notebooks') o.notebooks = false;
    else if (a === '--json') o.json = argv[++i];
    else if (a === '--notebook-sample') o.sample = argv[++i].split(',').filter(Boolean);
    else if (a === '--help' || a === '-h') {
      console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 19).join('\n'));
      process.exit(0);
    } else throw new Error(`bench: unknown option ${a} (see --help)`);
  }
  if (o.reps !== undefined && !(Number.isInteger(o.reps) && o.reps >= 1)) throw new Error(`bench: --reps must be an integer >= 1 (got ${o.reps})`);
  if (o.budget !== undefined && !(o.budget > 0)) throw new Error(`bench: --budget must be > 0 ms (got ${o.budget})`);
  o.reps = o.reps ?? (o.quick ? 3 : 4);
  o.budget = o.budget ?? (o.quick ? 300 : 500);
  o.notebooks = o.notebooks ?? !o.quick;
  return o;
}

/** What the references need, checked up front; each missing piece says how to get it. */
function preflight() {
  const missing = [];
  const have = {};
  const py = spawnSync(PY, ['-c', 'import sys; print(sys.version.split()[0])'], { encoding: 'utf8' });
  have.python = py.status === 0;
  if (!have.python) missing.push(['python3', 'apt-get install -y python3']);
  for (const [mod, pkg] of [['numpy', 'python3-numpy'], ['torch', 'python3-torch'], ['emcee', 'python3-emcee']]) {
    const r = have.python ? spawnSync(PY, ['-c', `import ${mod}; print(${mod}.__version__)`], { encoding: 'utf8' }) : { status: 1 };
    have[mod] = r.status === 0 ? r.stdout.trim() : false;
    if (!have[mod]) missing.push([`Python module ${mod}`, `apt-get install -y ${pkg}`]);
  }
  fs.mkdirSync(RESULTS, { recursive: true });
  const bin = path.join(RESULTS, 'ref_c');
  const cc = spawnSync('gcc', ['-O2', '-o', bin, path.join(__dirname, 'workloads', 'ref_c.c'), '-lm'], { encoding: 'utf8' });
  have.c = !cc.error && cc.status === 0;
  if (!have.c) missing.push(['gcc (for the C references)', 'apt-get install -y gcc' + (cc.stderr ? ` — ${cc.stderr.trim().split('\n').pop()}` : '')]);
  have.dist = fs.existsSync(path.join(ROOT, 'dist', 'index.js'));
  if (!have.dist) missing.push(['the built library dist/', 'npm run build:lib']);
  have.fmnist = fs.existsSync('/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz');
  if (!have.fmnist) missing.push(['Fashion-MNIST', 'apt-get install -y dataset-fashion-mnist']);
  have.addon = fs.existsSync(path.join(ROOT, 'native', 'build', 'dgmlab_blas.node'));
  if (!have.addon) missing.push(['the native BLAS addon (fast CPU path)', 'apt-get install -y gcc libopenblas-dev && node native/build.js']);
  const nb = have.python ? spawnSync(PY, ['-c', 'import nbclient, nbformat'], { encoding: 'utf8' }) : { status: 1 };
  have.jupyter = nb.status === 0 && fs.existsSync(path.join(ROOT, '.jupyter', 'kernels', 'dgmlab', 'kernel.json'));
  if (!have.jupyter) missing.push(['Jupyter + the dgmlab kernelspec (notebook suite)', 'apt-get install -y python3-nbclient python3-nbformat jupyter-client && npm run kernel:setup']);
  return { have, missing, cBin: bin };
}

function implementations(pf) {
  const node = (extraEnv = {}) => ({ cmd: process.execPath, args: (w, b) => [path.join(__dirname, 'workloads', 'dgmlab.js'), w, String(b)], env: extraEnv, ok: pf.have.dist });
  const py = (impl, mod, extraEnv = {}) => ({ cmd: PY, args: (w, b) => [path.join(__dirname, 'workloads', 'ref_py.py'), impl, w, String(b)], env: extraEnv, ok: pf.have[mod] });
  const torchEnv = { OMP_WAIT_POLICY: 'PASSIVE', BENCH_TORCH_THREADS: '2' };
  const fastState = pf.have.addon ? 'fast path' : 'no addon: plain wasm';
  return {
    dgmlab: { label: 'dgmlab', ...node() },
    dgmlabTrain: { label: `dgmlab (${fastState})`, ...node() },
    dgmlabWasm: { label: 'dgmlab, plain wasm (before)', ...node({ DGMLAB_FASTPATH: '0' }) },
    c: { label: 'C (gcc -O2)', cmd: pf.cBin, args: (w, b) => [w, String(b)], env: {}, ok: pf.have.c },
    numpyLoop: { label: 'NumPy (Python loop)', ...py('numpy', 'numpy') },
    numpyVec: { label: 'NumPy (vectorised)', ...py('numpy', 'numpy') },
    numpySolve: { label: 'NumPy linalg.solve', ...py('numpy', 'numpy') },
    numpyEig: { label: 'NumPy linalg.eig', ...py('numpy', 'numpy'), workload: 'stationary500eig' },
    torch: { label: 'PyTorch CPU, 2 threads', ...py('torch', 'torch', torchEnv) },
    emcee: { label: 'emcee GaussianMove, 32 walkers', ...py('emcee', 'emcee') },
  };
}

const WORKLOADS = [
  { id: 'rwm1d', title: 'RW Metropolis, 1-D Gaussian', impls: ['dgmlab', 'c', 'numpyLoop', 'emcee'] },
  { id: 'rwm10d', title: 'RW Metropolis, 10-D Gaussian', impls: ['dgmlab', 'c', 'numpyLoop', 'emcee'] },
  { id: 'gibbs2d', title: 'Gibbs, bivariate Gaussian (ρ=0.9)', impls: ['dgmlab', 'c', 'numpyLoop'] },
  { id: 'stationary500', title: 'Stationary distribution, 500 states', impls: ['dgmlab', 'numpySolve', 'numpyEig'] },
  { id: 'iwae5000', title: 'IWAE bound K=5000, linear-Gaussian', impls: ['dgmlab', 'numpyVec'] },
  { id: 'vaeStep', title: 'VAE step 784-400-20, batch 128 (F-MNIST)', impls: ['dgmlabTrain', 'dgmlabWasm', 'torch'], training: true, needs: 'fmnist' },
  { id: 'ganToyStep', title: 'GAN step, [GAN-A] 1-D toy, batch 64', impls: ['dgmlab', 'torch'] },
  { id: 'ganMlpStep', title: 'GAN step, MLP 100-256-784 / 784-256-1, batch 64 (F-MNIST)', impls: ['dgmlabTrain', 'dgmlabWasm', 'torch'], training: true, needs: 'fmnist' },
];

function runOne(impl, workload, budget) {
  const env = { ...process.env, DGMLAB_PRESET: 'fast', ...impl.env };
  if (!('DGMLAB_FASTPATH' in impl.env)) delete env.DGMLAB_FASTPATH;
  const r = spawnSync(impl.cmd, impl.args(impl.workload ?? workload, budget), { cwd: ROOT, env, encoding: 'utf8', timeout: 120000 + 20 * budget });
  if (r.error || r.status !== 0) return { error: (r.error ? r.error.message : (r.stderr || '').trim().split('\n').slice(-1)[0]) || `exit ${r.status}` };
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    return { error: `unreadable output: ${r.stdout.slice(-200)}` };
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

function fmtTime(s) {
  if (!(s > 0)) return '—';
  if (s < 1e-6) return `${(s * 1e9).toFixed(0)} ns`;
  if (s < 1e-3) return `${(s * 1e6).toFixed(s < 1e-5 ? 2 : 1)} µs`;
  if (s < 1) return `${(s * 1e3).toFixed(s < 1e-2 ? 2 : 1)} ms`;
  return `${s.toFixed(2)} s`;
}
const fmtRatio = (r) => (!(r > 0) ? '—' : r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r >= 0.1 ? r.toFixed(2) : r.toPrecision(2));

function runWorkloads(opts, pf, log) {
  const impls = implementations(pf);
  const out = [];
  for (const w of WORKLOADS) {
    if (opts.only && !opts.only.includes(w.id)) continue;
    const rows = w.impls.map((k) => ({ key: k, ...impls[k], times: [], errors: [] }));
    const skipData = w.needs && !pf.have[w.needs];
    for (const r of rows) if (!r.ok || skipData) r.skipped = !r.ok ? 'missing (see above)' : 'missing data (see above)';
    const active = rows.filter((r) => !r.skipped);
    log(`  ${w.title}: ${active.map((r) => r.label).join(' | ')}`);
    for (let rep = 0; rep < opts.reps; rep++) {
      // rotate the order each repetition so no implementation always runs first (or last)
      const order = active.map((_, i) => active[(i + rep) % active.length]);
      for (const r of order) {
        const res = runOne(r, w.id, opts.budget);
        if (res.error) r.errors.push(res.error);
        r.times[rep] = res.error ? NaN : res.seconds;
        if (res.unit) r.unit = res.unit;
        if (res.info) r.info = res.info;
      }
    }
    const base = rows[0];
    for (const r of rows) {
      r.median = median(r.times.filter((t) => t > 0));
      // dgmlab throughput ÷ this row's throughput, per repetition (same rep = measured side by side), then the median
      const pairs = base.times.map((t, i) => (t > 0 && r.times[i] > 0 ? r.times[i] / t : NaN)).filter((x) => x > 0);
      r.ratio = r === base ? 1 : median(pairs);
    }
    out.push({ ...w, rows: rows.map(({ key, label, times, median: m, ratio, unit, info, skipped, errors }) => ({ key, label, seconds: times, median: m, ratio, unit, info, skipped, errors: errors.length ? [...new Set(errors)] : undefined })) });
  }
  return out;
}

/**
 * The notebook suite through the runner (kernel-setup/run-notebooks.js), 2 at a time; `sample`: only these notebooks
 * (paths from the repository root or from notebooks/). Per notebook, from nbexec's own clock (kernel-setup/nbexec.py):
 *   - startupToFirstResult: spawning the kernel → the first code cell's result (reply and outputs received);
 *   - outsideCells: spawning the kernel → the kernel shut down, minus the kernel's time in cells (start-up, the
 *     compiler's warm-up before the second cell, round trips, shutdown); pythonStart and shutdown are parts of the
 *     whole notebook's overhead too (pythonStart is not in outsideCells: it comes before the spawn);
 *   - wallMinusCellsPlusFirst: the figure this row reported before 2026-12-05 (the runner's wall time − the kernel's
 *     time in cells + the first cell), which also counts Python's and nbclient's start, the warm-up and the shutdown.
 */
function runNotebookSuite(log, sample) {
  const { findNotebooks, runNotebooks } = require(path.join(ROOT, 'kernel-setup', 'run-notebooks.js'));
  const nbs = sample
    ? sample.map((p) => [path.resolve(ROOT, p), path.resolve(ROOT, 'notebooks', p)].find((f) => fs.existsSync(f)) ?? p)
    : findNotebooks(path.join(ROOT, 'notebooks'));
  log(`  notebook suite: ${nbs.length} notebooks${sample ? ' (a sample)' : ''}, fast preset, 2 at a time`);
  const t0 = Date.now();
  const load = os.loadavg();
  const round = (x) => (typeof x === 'number' && Number.isFinite(x) ? Math.round(x * 100) / 100 : null);
  return runNotebooks(nbs, { preset: 'fast', jobs: 2, cellTimeout: 300, totalTimeout: 600 }).then((results) => {
    const total = (Date.now() - t0) / 1000;
    const per = results.map((r) => {
      const cells = r.cell_seconds || [];
      const inCells = cells.reduce((s, c) => s + c[1], 0);
      const t = r.timing || {};
      return {
        notebook: path.relative(ROOT, r.notebook),
        ok: r.ok,
        seconds: r.wallSeconds,
        startupToFirstResult: round(t.first_result),
        outsideCells: round(t.outside_cells),
        pythonStart: round(t.python_start),
        shutdown: round(t.shutdown),
        wallMinusCellsPlusFirst: round(cells.length ? r.wallSeconds - inCells + cells[0][1] : NaN),
        failures: (r.failures || []).length,
      };
    });
    return { totalSeconds: Math.round(total * 10) / 10, sample: Boolean(sample), loadavg: { before: load, after: os.loadavg() }, notebooks: per };
  });
}

/** The notebook suite's summary lines (median and max over the notebooks of each figure). */
function suiteLines(nb) {
  const ok = nb.notebooks.filter((n) => n.ok).length;
  const stat = (key) => {
    const xs = nb.notebooks.map((n) => n[key]).filter((x) => typeof x === 'number' && x > 0);
    return xs.length ? `median ${median(xs).toFixed(1)} s, max ${Math.max(...xs).toFixed(1)} s` : 'not measured';
  };
  const load = (l) => l.map((x) => x.toFixed(1)).join(' ');
  return [
    `Notebook suite (fast preset, 2 at a time): ${nb.notebooks.length} notebooks${nb.sample ? ' (a sample)' : ''} (${ok} ok) in ${nb.totalSeconds} s, load average ${load(nb.loadavg.before)} → ${load(nb.loadavg.after)}`,
    `  start-up to first result (kernel spawned → first code cell's result): ${stat('startupToFirstResult')}`,
    `  notebook time outside cells (start-up, compiler warm-up, shutdown): ${stat('outsideCells')}; before the kernel, Python + nbclient start: ${stat('pythonStart')}; shutdown: ${stat('shutdown')}`,
    `  wall time − time in cells + first cell (the row's figure before 2026-12-05): ${stat('wallMinusCellsPlusFirst')}`,
  ];
}

function table(results, nb) {
  const lines = [];
  const head = ['Workload', 'Implementation', 'Median / op', 'dgmlab throughput ÷ this'];
  const body = [];
  for (const w of results) {
    w.rows.forEach((r, i) => {
      body.push([i === 0 ? w.title : '', r.label, r.skipped ? `skipped: ${r.skipped}` : r.errors && !(r.median > 0) ? `failed: ${r.errors[0].slice(0, 60)}` : `${fmtTime(r.median)} /${r.unit ?? 'op'}`, r.skipped || !(r.median > 0) ? '' : i === 0 ? '1' : fmtRatio(r.ratio)]);
    });
  }
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)));
  const row = (cells) => `| ${cells.map((c, j) => c.padEnd(widths[j])).join(' | ')} |`;
  if (body.length) lines.push(row(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(row));
  if (nb) {
    lines.push(...(lines.length ? [''] : []), ...suiteLines(nb));
    const slow = [...nb.notebooks].sort((a, b) => b.seconds - a.seconds).slice(0, 5);
    lines.push(`Slowest: ${slow.map((n) => `${n.notebook} ${n.seconds.toFixed(0)} s`).join(', ')}`);
  }
  return lines.join('\n');
}

/** Training ratios for the closing note: dgmlab (fast path / plain wasm) throughput ÷ PyTorch. */
function trainingSummary(results) {
  return results.filter((w) => w.training).map((w) => {
    const torch = w.rows.find((r) => r.key === 'torch');
    const fast = w.rows.find((r) => r.key === 'dgmlabTrain');
    const wasm = w.rows.find((r) => r.key === 'dgmlabWasm');
    // per repetition (side by side), then the median, as in the table
    const vsTorch = (r) => (torch && r ? median(r.seconds.map((t, i) => (t > 0 && torch.seconds[i] > 0 ? torch.seconds[i] / t : NaN)).filter((x) => x > 0)) : NaN);
    return `${w.title}: dgmlab ÷ PyTorch throughput = ${fmtRatio(vsTorch(fast))} (${fast.label}), ${fmtRatio(vsTorch(wasm))} (plain wasm)`;
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const log = (m) => process.stderr.write(m + '\n');
  const started = Date.now();
  log(`dgmlab bench: ${opts.reps} repetitions, ${opts.budget} ms per timed run${opts.quick ? ' (--quick)' : ''}; ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const pf = preflight();
  if (pf.missing.length) {
    log('Missing (those rows are skipped; nothing is installed by this script):');
    for (const [what, how] of pf.missing) log(`  - ${what}: ${how}`);
  }
  const results = runWorkloads(opts, pf, log);
  fs.mkdirSync(RESULTS, { recursive: true });
  // the workloads' table first (and a partial record), so a long notebook suite cannot lose it
  fs.writeFileSync(path.join(RESULTS, 'partial.json'), JSON.stringify({ date: new Date().toISOString(), options: opts, workloads: results }, null, 2));
  const suite = (opts.notebooks && !opts.only) || Boolean(opts.only && opts.only.includes('notebooks'));
  if (suite && results.length) log(table(results) + '\n');
  let nb;
  if (suite) {
    if (pf.have.jupyter && pf.have.dist) nb = await runNotebookSuite(log, opts.sample);
    else log('  notebook suite: skipped (Jupyter or the kernelspec is missing, see above)');
  }
  // Kernel start to first result ([PERF-2]): N cold starts through jupyter_client, see bench/kernel-start.js.
  let kernelStart;
  if (pf.have.jupyter && (!opts.only || opts.only.includes('kernelStart'))) {
    log('  kernel start to first result: cold starts');
    const ks = require('./kernel-start');
    kernelStart = ks.measureKernelStart({ starts: opts.quick ? 3 : 5 });
    kernelStart.text = ks.report(kernelStart);
  }
  const text = table(results, nb) + (kernelStart ? `\n\n${kernelStart.text}` : '');
  const training = trainingSummary(results);
  console.log(text);
  if (training.length) console.log('\n' + training.join('\n'));
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\n(${seconds} s; ratios are medians over ${opts.reps} side-by-side repetitions; > 1 means dgmlab is faster)`);
  const record = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavg: os.loadavg(), node: process.version },
    options: opts,
    have: pf.have,
    missing: pf.missing,
    workloads: results,
    notebooks: nb,
    kernelStart,
    training,
    table: text,
    seconds,
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = opts.json ?? path.join(RESULTS, `bench-${record.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(record, null, 2));
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(record, null, 2));
  log(`results: ${path.relative(process.cwd(), file)}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}

module.exports = { parseArgs, median, fmtTime, fmtRatio, table, trainingSummary, WORKLOADS };
