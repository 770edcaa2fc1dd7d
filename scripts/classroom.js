#!/usr/bin/env node
'use strict';
/**
 * `npm run classroom -- [--students N] [--notebook PATH] [--seed S] [--json FILE] [--keep] [--no-grade]` — a class on one server,
 * for real ([CLASSROOM]): JupyterHub 3 on 127.0.0.1 with a dummy authenticator and the simple local spawner, N students
 * each with their own variant of the notebook (a roster, `dgmlab student --roster --seed`), every student's notebook
 * executed concurrently through the Hub's REST and kernel WebSocket APIs (scripts/classroom_hub.py), then the class
 * graded with the roster (`dgmlab grade --roster --seed`). Reports time to first result, execute latency p50/p95, peak
 * memory per student kernel and in total, and the grade table.
 *
 * The simulated students type their answers as numbers (no lookups): students 1 … N−1 answer their own variant; when
 * N ≥ 3 the last student hands in the first student's answers (copied), which must score 0 on every exercise whose
 * parameters differ. Loopback only; bounded in time (--timeout seconds, default 900); everything it starts it stops.
 * Needs Debian's `jupyterhub` (with configurable-http-proxy): apt-get install jupyterhub.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

function usage(msg) {
  if (msg) console.error(`classroom: ${msg}`);
  console.error('usage: npm run classroom -- [--students N] [--notebook notebooks/…ipynb] [--seed S] [--timeout SECONDS] [--json FILE] [--keep] [--no-grade]');
  process.exit(msg ? 2 : 0);
}

function parse(argv) {
  const { parseArgs } = require('util');
  let v;
  try {
    v = parseArgs({ args: argv, options: { students: { type: 'string' }, notebook: { type: 'string' }, seed: { type: 'string' }, timeout: { type: 'string' }, json: { type: 'string' }, keep: { type: 'boolean' }, 'no-grade': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (e) {
    usage(e.message);
  }
  if (v.help) usage();
  const students = Number(v.students ?? 3);
  if (!Number.isInteger(students) || students < 1 || students > 200) usage(`--students must be an integer from 1 to 200 (got ${JSON.stringify(v.students)})`);
  const timeout = Number(v.timeout ?? 900);
  if (!(timeout > 0)) usage(`--timeout must be a number of seconds > 0 (got ${JSON.stringify(v.timeout)})`);
  const notebook = path.resolve(v.notebook ?? path.join(ROOT, 'notebooks', 'dgm-exercises', '06-gan-dynamics.ipynb'));
  if (!fs.existsSync(notebook)) usage(`--notebook: no such file ${notebook}`);
  return { students, timeout, notebook, seed: v.seed ?? 'classroom', json: v.json, keep: !!v.keep, grade: !v['no-grade'] };
}

const quantile = (xs, q) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const mb = (b) => Math.round(b / 1048576);

function main() {
  const o = parse(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'index.js'))) usage('the library is not built: run npm run build:lib');
  if (spawnSync('jupyterhub', ['--version'], { encoding: 'utf8' }).status !== 0) {
    console.error('classroom: JupyterHub is not installed. On Debian: apt-get install jupyterhub (it brings configurable-http-proxy).');
    process.exit(3);
  }
  require(path.join(ROOT, 'dist'));
  const { generateStudentVersions } = require(path.join(ROOT, 'dist', 'cli', 'student'));
  const { parseRoster } = require(path.join(ROOT, 'dist', 'cli', 'roster'));
  const { studentAnswers, typeAnswers } = require(path.join(ROOT, 'dist', 'cli', 'classroomWork'));
  const { registerShared } = require(path.join(ROOT, 'kernel-setup', 'setup.js'));
  const py = require(path.join(ROOT, 'kernel-setup', 'python'));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-classroom-'));
  const t0 = Date.now();
  let exitCode = 0;
  try {
    // 1. the roster, the shared kernelspec (this checkout as the installed library), the students' variant notebooks
    const ids = Array.from({ length: o.students }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
    const rosterFile = path.join(dir, 'roster.csv');
    fs.writeFileSync(rosterFile, 'id,name\n' + ids.map((id, i) => `${id},Student ${i + 1}`).join('\n') + '\n');
    const roster = parseRoster(fs.readFileSync(rosterFile, 'utf8'), rosterFile);
    const jupyterPath = registerShared(path.join(dir, 'prefix'));
    const home = path.join(dir, 'home');
    const actions = generateStudentVersions({ notebooks: [o.notebook], outDir: home, roster, seed: o.seed });
    const bad = actions.find((a) => a.action !== 'written');
    if (bad) throw new Error(`student version for ${bad.student}: ${bad.action} ${bad.message ?? ''}`);
    const rel = path.relative(path.join(ROOT, 'notebooks'), o.notebook).startsWith('..') ? path.basename(o.notebook) : path.relative(path.join(ROOT, 'notebooks'), o.notebook);
    // 2. the students' work: their own answers, and (N ≥ 3) the last one copies the first
    const own = Object.fromEntries(ids.map((id) => [id, studentAnswers(path.join(home, id, rel))]));
    ids.forEach((id, i) => {
      const copier = o.students >= 3 && i === o.students - 1;
      typeAnswers(path.join(home, id, rel), (k) => (copier ? own[ids[0]][k] : own[id][k]));
    });
    // 3. JupyterHub: servers, concurrent execution over the kernel channels, memory
    const cfg = {
      dir,
      timeoutSeconds: o.timeout,
      students: ids.map((id) => ({ id, notebook: rel })),
      env: { JUPYTER_PATH: jupyterPath, DGMLAB_PRESET: 'fast', JUPYTER_RUNTIME_DIR: path.join(dir, 'runtime'), PATH: process.env.PATH },
    };
    fs.writeFileSync(path.join(dir, 'classroom.json'), JSON.stringify(cfg, null, 2));
    const r = spawnSync(py.jupyterPython ? py.jupyterPython() : '/usr/bin/python3', [path.join(__dirname, 'classroom_hub.py'), path.join(dir, 'classroom.json')], {
      encoding: 'utf8',
      timeout: (o.timeout + 120) * 1000,
      maxBuffer: 1 << 26,
      env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' },
    });
    let hub;
    try {
      hub = JSON.parse(r.stdout.trim().split('\n').pop());
    } catch {
      const logFile = path.join(dir, 'jupyterhub.log');
      throw new Error(`the hub driver failed (exit ${r.status}): ${(r.stderr || '').trim().slice(-1500)}\n${fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-1500) : ''}`);
    }
    // 4. grade the class with the roster (parameters recomputed from the seed and the ids, never from the notebooks);
    //    the grader runs every submission again in its sandbox, two at a time: allow it two minutes a student
    let grades = { submissions: [] };
    if (o.grade) {
      const files = ids.map((id) => path.join(home, id, rel));
      const g = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'dgmlab.js'), 'grade', '--roster', rosterFile, '--seed', o.seed, '--master', o.notebook, '--preset', 'fast', '--json', ...files], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: (o.timeout + 120 * o.students) * 1000 });
      try {
        grades = JSON.parse(g.stdout);
      } catch {
        throw new Error(`grading failed (exit ${g.status}${g.signal ? `, ${g.signal}` : ''}): ${(g.stderr || g.stdout).slice(-1500)}`);
      }
    }
    const lat = hub.students.flatMap((s) => s.latencies ?? []);
    const report = {
      students: o.students,
      notebook: rel,
      wallSeconds: hub.wallSeconds,
      firstResultSeconds: hub.students.map((s) => s.firstResultSeconds),
      latencyP50: quantile(lat, 0.5),
      latencyP95: quantile(lat, 0.95),
      kernelPeakMB: hub.kernelPeakBytes.map(mb),
      totalPeakMB: mb(hub.totalPeakBytes),
      errors: hub.students.filter((s) => s.error || (s.errors && s.errors.length)).map((s) => ({ student: s.student, error: s.error ?? s.errors.join('; ') })),
      grades: (Array.isArray(grades) ? grades : grades.submissions ?? []).map((x, i) => ({ student: ids[i], score: x.score, max: x.max, error: x.error })),
      seconds: Math.round((Date.now() - t0) / 1000),
    };
    const fmt = (x) => (x === null || x === undefined ? '—' : x.toFixed(2));
    console.log(`classroom: ${o.students} student(s), ${rel}, JupyterHub ${spawnSync('jupyterhub', ['--version'], { encoding: 'utf8' }).stdout.trim()} on 127.0.0.1`);
    console.log(`  time to first result (s): median ${fmt(quantile(report.firstResultSeconds.filter((x) => typeof x === 'number'), 0.5))}, max ${fmt(Math.max(...report.firstResultSeconds.filter((x) => typeof x === 'number')))}`);
    console.log(`  execute latency per cell (s): p50 ${fmt(report.latencyP50)}, p95 ${fmt(report.latencyP95)} over ${lat.length} cells`);
    console.log(`  memory: peak per student kernel ${report.kernelPeakMB.length ? `${Math.min(...report.kernelPeakMB)}–${Math.max(...report.kernelPeakMB)} MB` : '—'}, all kernels together ${report.totalPeakMB} MB`);
    console.log(`  wall time of the class run ${report.wallSeconds} s; total ${report.seconds} s`);
    for (const gr of report.grades) console.log(`  ${gr.student}  ${gr.score}/${gr.max}${gr.error ? `  (${gr.error})` : ''}`);
    for (const e of report.errors) console.log(`  ERROR ${e.student}: ${e.error}`);
    if (o.json) fs.writeFileSync(o.json, JSON.stringify({ ...report, latencies: lat }, null, 2));
    if (report.errors.length) exitCode = 1;
  } catch (e) {
    console.error(`classroom: FAILED — ${e.message}`);
    exitCode = 1;
  } finally {
    spawnSync('pkill', ['-f', path.join(dir, 'runtime') + path.sep]);
    if (!o.keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`  kept ${dir}`);
  }
  process.exit(exitCode);
}

main();
