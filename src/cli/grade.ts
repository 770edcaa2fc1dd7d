/**
 * `npx dgmlab grade <notebook...> [--master nb] [--json] [--csv file] [--preset fast|full] [--cell-timeout s]
 *  [--timeout s] [--jobs n] [--keep]`
 *
 * For each submission: copy it (outputs cleared) into `.grading/<run>/<n>/` inside the package (tslab resolves
 * `import 'dgmlab'` through node_modules up the folder tree, so a copy under /tmp would not run), execute the copy
 * through the real kernel (kernel-setup/run-notebooks.js → nbexec.py, continuing after failing cells, with per-cell
 * and total timeouts), collect the check outputs, and verify every answer again in this process
 * (exercises/grading.ts). The submission file is never modified.
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { CollectedCheck, ExerciseGrade, expectedFromNotebook, ExpectedExercise, gradeChecks } from '../exercises/grading';
import { expectedForStudent } from '../exercises/variants';
import { Lookups, staticLookups, traceLookups } from '../exercises/lookups';
import { Notebook, parseNotebook, serializeNotebook } from '../exercises/notebook';
import { studentMeta } from '../exercises/student';
import { loadLibrary } from './library';
import { GRADING_DIR, isInside, NOTEBOOKS, rel, ROOT } from './paths';

/** Options of `gradeSubmissions`. */
export interface GradeOptions {
  /** The master notebook to grade against (default: from each submission's metadata or its place under student/). */
  master?: string;
  preset?: 'fast' | 'full';
  /** Seconds per cell (default 120). */
  cellTimeout?: number;
  /** Seconds per notebook (default 900). */
  totalTimeout?: number;
  /** Notebooks executed at the same time (default 2). */
  jobs?: number;
  /** Keep the work copies in .grading/ (default: removed). */
  keep?: boolean;
  /** Memory bound of a submission's kernel, MiB (default 4096). */
  memoryMb?: number;
  /** Called with warnings for the lecturer (e.g. no sandbox on this machine). */
  onWarning?: (message: string) => void;
  /** The sandbox (default 'auto': the strongest this machine has; see kernel-setup/kernel/sandbox.js). */
  sandbox?: SandboxMode | 'auto';
  /** Bound on a run's kernel output in bytes (default 64 MiB): past it, the kernel is stopped. */
  outputLimitBytes?: number;
  /** Called when a submission is done. */
  onReport?: (r: SubmissionReport) => void;
  /**
   * Per-student variants ([CLASSROOM]): each submission belongs to the roster student whose id names a folder on its
   * path (`<class>/<id>/…ipynb`, as `dgmlab student --roster` writes them), and is graded against the parameters
   * recomputed from `seed` and that id — never read from the submission.
   */
  roster?: { id: string }[];
  seed?: string;
}

/** The roster student a submission belongs to: the deepest folder of its path that is a roster id. */
export function rosterStudent(submission: string, roster: readonly { id: string }[]): string | undefined {
  const ids = new Set(roster.map((r) => r.id));
  const parts = path.resolve(submission).split(path.sep).slice(0, -1).reverse();
  return parts.find((p) => ids.has(p));
}

/** A problem while executing a submission. */
export interface ExecutionProblem {
  cell: number | null;
  kind: string;
  message: string;
}

/** The report of one submission. */
export interface SubmissionReport {
  submission: string;
  master: string | null;
  /** Where the list of exercises came from. */
  expectedFrom: 'master' | 'submission-metadata' | 'submission';
  score: number;
  max: number;
  exercises: ExerciseGrade[];
  /** Checks of exercises that are not part of the master (not scored). */
  ignored: { id: string; cell?: number }[];
  execution: { completed: boolean; seconds: number; problems: ExecutionProblem[]; sandbox?: SandboxMode };
  /** Set when the submission could not be graded at all (not a notebook, …). */
  error?: string;
}

interface RunResult {
  ok: boolean;
  seconds?: number;
  wallSeconds?: number;
  failures: { cell: number | null; kind: string; message: string }[];
  checks: CollectedCheck[];
}

type RunNotebook = (nb: string, opts: Record<string, unknown>) => Promise<RunResult>;

/** How a submission's kernel is confined (kernel-setup/kernel/sandbox.js). */
export type SandboxMode = 'bwrap+permission' | 'bwrap' | 'permission' | 'none';

interface SandboxLauncher {
  detect(): { bwrap: boolean; permission: boolean; reasons: { bwrap?: string; permission?: string } };
  bestMode(): SandboxMode;
  libraryPaths(root: string): { readOnly: string[]; readOnlyOptional: string[] };
}

const LAUNCHER = path.join(ROOT, 'kernel-setup', 'kernel', 'sandbox.js');

/** The sandbox launcher's detection and defaults. */
export function sandboxLauncher(): SandboxLauncher {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(LAUNCHER) as SandboxLauncher;
}

/** The sandbox mode for `wanted`, and a warning for the lecturer when it is weaker than full. */
export function chooseSandbox(wanted: SandboxMode | 'auto' = 'auto'): { mode: SandboxMode; warning?: string } {
  const l = sandboxLauncher();
  const d = l.detect();
  const mode = wanted === 'auto' ? l.bestMode() : wanted;
  if (mode === 'none') {
    return { mode, warning: `no sandbox: submissions run with the grader's rights (${[d.reasons.bwrap, d.reasons.permission].filter(Boolean).join('; ') || 'disabled'}). Install bubblewrap (Debian: apt-get install bubblewrap) or use Node >= 20.12.` };
  }
  if (mode === 'permission') return { mode, warning: `sandbox: Node's permission model only (${d.reasons.bwrap ?? 'bubblewrap not used'}): no network isolation and no process namespace; install bubblewrap for both.` };
  if (mode === 'bwrap') return { mode, warning: d.permission ? undefined : `sandbox: bubblewrap only (${d.reasons.permission}).` };
  return { mode };
}

/**
 * The grading kernelspec of one submission: the dgmlab kernel behind the sandbox launcher, with the policy of that
 * submission (its work folder is the only writable place; the trace goes next to it, out of its reach).
 */
function writeKernelspec(dir: string, work: string, mode: SandboxMode, opts: GradeOptions): { jupyterPath: string; traceFile: string } {
  const traceFile = path.join(dir, 'trace.jsonl');
  fs.writeFileSync(traceFile, '');
  const policyFile = path.join(dir, 'policy.json');
  const lib = sandboxLauncher().libraryPaths(ROOT);
  const policy = { mode, root: ROOT, work, ipcDir: path.join(dir, 'ipc'), ...lib, memoryMb: opts.memoryMb ?? 4096, outputLimitBytes: opts.outputLimitBytes ?? 64 * 1024 * 1024, traceFile };
  fs.writeFileSync(policyFile, JSON.stringify(policy, null, 1));
  const spec = path.join(dir, 'jupyter', 'kernels', 'dgmlab');
  fs.mkdirSync(spec, { recursive: true });
  const kernelJson = {
    argv: [process.execPath, LAUNCHER, '--config-path', '{connection_file}', '--policy', policyFile],
    display_name: 'TypeScript (dgmlab, grading sandbox)',
    language: 'typescript',
    interrupt_mode: 'message',
    metadata: { dgmlab: { root: ROOT, sandbox: mode } },
  };
  fs.writeFileSync(path.join(spec, 'kernel.json'), JSON.stringify(kernelJson, null, 1));
  return { jupyterPath: path.join(dir, 'jupyter'), traceFile };
}

function runner(): RunNotebook {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(ROOT, 'kernel-setup', 'run-notebooks.js')) as { runNotebook: RunNotebook }).runNotebook;
}

/** Find the master of a submission: explicit, from its metadata, or the same path under notebooks/ for student/ files. */
export function findMaster(submission: string, nb: Notebook | null, explicit?: string): { path: string | null; how: string } {
  if (explicit) return { path: path.resolve(explicit), how: 'given with --master' };
  const m = nb ? studentMeta(nb) : undefined;
  if (m?.master) {
    const p = path.resolve(ROOT, m.master);
    if (fs.existsSync(p) && p !== path.resolve(submission)) return { path: p, how: "named in the submission's metadata" };
  }
  if (isInside(submission, NOTEBOOKS)) return { path: path.resolve(submission), how: 'the submission is a master notebook' };
  const studentDir = path.join(ROOT, 'student');
  if (isInside(submission, studentDir)) {
    const p = path.join(NOTEBOOKS, path.relative(studentDir, path.resolve(submission)));
    if (fs.existsSync(p)) return { path: p, how: 'same place under notebooks/' };
  }
  return { path: null, how: 'none found' };
}

function expectedFor(submission: string, nb: Notebook | null, explicit?: string): { expected: ExpectedExercise[]; master: string | null; masterNb?: Notebook; from: SubmissionReport['expectedFrom']; note?: string } {
  const { path: master } = findMaster(submission, nb, explicit);
  if (master) {
    const mnb = parseNotebook(fs.readFileSync(master, 'utf8'), rel(master));
    return { expected: expectedFromNotebook(mnb), master: rel(master), masterNb: mnb, from: 'master' };
  }
  const meta = nb ? studentMeta(nb) : undefined;
  if (meta?.exercises?.length) {
    const fromSub = nb ? expectedFromNotebook(nb) : [];
    const ids = [...new Set([...meta.exercises, ...fromSub.map((e) => e.id)])];
    return { expected: ids.map((id) => fromSub.find((e) => e.id === id) ?? { id, params: null }), master: null, from: 'submission-metadata' };
  }
  return { expected: nb ? expectedFromNotebook(nb) : [], master: null, from: 'submission' };
}

/** Clear outputs so that nothing the submission brought along (e.g. a forged check output) survives into the run. */
function cleared(nb: Notebook): Notebook {
  const c: Notebook = JSON.parse(JSON.stringify(nb));
  for (const cell of c.cells) {
    if (cell.cell_type === 'code') {
      cell.outputs = [];
      cell.execution_count = null;
    }
  }
  return c;
}

function explain(kind: string, message: string): string {
  if (kind === 'kernel' && /died/i.test(message)) return `${message} (the notebook called process.exit, or the kernel crashed)`;
  return message;
}

/** A submission read into memory with the list of exercises it is graded on (before anything is executed). */
interface Prepared {
  submission: string;
  name: string;
  nb: Notebook | null;
  readError?: string;
  exp?: ReturnType<typeof expectedFor>;
  expError?: string;
}

/** Read a submission and its master's exercise list. Done for every submission before any runs, so that a submission
 * that writes files while it runs cannot change what another is graded against. */
function prepare(submission: string, opts: GradeOptions): Prepared {
  const name = rel(submission);
  const p: Prepared = { submission, name, nb: null };
  try {
    p.nb = parseNotebook(fs.readFileSync(submission, 'utf8'), name);
  } catch (e) {
    p.readError = (e as Error).message;
  }
  try {
    p.exp = expectedFor(submission, p.nb, opts.master);
  } catch (e) {
    p.expError = `the master could not be read: ${(e as Error).message}`;
  }
  if (p.exp && opts.roster) {
    const student = rosterStudent(submission, opts.roster);
    if (student === undefined) {
      p.expError = `the submission is not in a folder named by a roster id (expected <class>/<id>/…; ${opts.roster.length} ids in the roster)`;
    } else {
      p.exp = { ...p.exp, expected: expectedForStudent(p.exp.expected, opts.seed ?? '', student) };
    }
  }
  return p;
}

/** Grade one submission. Never throws: problems become part of the report. */
export async function gradeSubmission(submission: string, workDir: string, opts: GradeOptions = {}): Promise<SubmissionReport> {
  loadLibrary();
  return runPrepared(prepare(submission, opts), workDir, opts);
}

async function runPrepared(prep: Prepared, workDir: string, opts: GradeOptions, mode: SandboxMode = chooseSandbox(opts.sandbox).mode): Promise<SubmissionReport> {
  const { submission, name, nb, readError } = prep;
  const exp = prep.exp;
  if (!exp) {
    return { submission: name, master: null, expectedFrom: 'submission', score: 0, max: 0, exercises: [], ignored: [], execution: { completed: false, seconds: 0, problems: [] }, error: prep.expError };
  }
  const report = (checks: CollectedCheck[], execution: SubmissionReport['execution'], error?: string, lookedUp?: Lookups): SubmissionReport => {
    const stop = execution.problems.find((p) => ['timeout', 'kernel', 'limit'].includes(p.kind));
    const why = stop?.kind === 'timeout' ? 'timeout' : stop?.kind === 'limit' ? 'output limit' : 'the kernel died';
    const note = stop ? `the notebook stopped${stop.cell !== null ? ` at cell ${stop.cell}` : ''}: ${why}` : error ? 'the submission could not be run' : undefined;
    const g = gradeChecks(exp.expected, checks, note, lookedUp);
    return { submission: name, master: exp.master, expectedFrom: exp.from, score: g.score, max: g.max, exercises: g.exercises, ignored: g.ignored, execution, ...(error ? { error } : {}) };
  };
  if (!nb) return report([], { completed: false, seconds: 0, problems: [] }, readError);

  // workDir/work: the submission's copy and the only place its kernel may write; the kernelspec, policy and trace
  // live beside it, out of the sandbox's view.
  const work = path.join(workDir, 'work');
  fs.mkdirSync(work, { recursive: true });
  const copy = path.join(work, path.basename(submission).replace(/[^\w.-]/g, '_'));
  fs.writeFileSync(copy, serializeNotebook(cleared(nb)));
  const { jupyterPath, traceFile } = writeKernelspec(workDir, work, mode, opts);
  const cellTimeout = opts.cellTimeout ?? 120;
  const totalTimeout = opts.totalTimeout ?? 900;
  let result: RunResult;
  try {
    result = await runner()(copy, {
      preset: opts.preset ?? 'fast',
      cellTimeout,
      totalTimeout,
      allowStderr: true,
      expectChecks: 'any',
      allowErrors: true,
      streamChecks: true,
      env: { JUPYTER_PATH: jupyterPath },
      out: opts.keep ? path.join(workDir, path.basename(copy).replace(/\.ipynb$/, '.executed.ipynb')) : undefined,
    });
  } catch (e) {
    result = { ok: false, failures: [{ cell: null, kind: 'kernel', message: (e as Error).message }], checks: [] };
  }
  const ids = exp.expected.map((e) => e.id);
  const traced = traceLookups(fs.existsSync(traceFile) ? fs.readFileSync(traceFile, 'utf8').split('\n').filter(Boolean) : [], ids);
  const lookedUp: Lookups = new Map([...traced.lookups, ...staticLookups(nb, exp.masterNb ?? null, ids)]);
  if (!opts.keep) fs.rmSync(workDir, { recursive: true, force: true });
  const limits = traced.events.filter((e) => e.event === 'limit').map((e) => ({ cell: null, kind: 'limit', message: `the notebook's output passed ${e.limit} bytes; its kernel was stopped` }));
  const problems = [...limits, ...(result.failures ?? [])]
    .filter((f) => f.kind !== 'check')
    .map((f) => ({ cell: f.cell ?? null, kind: f.kind, message: explain(f.kind, String(f.message ?? '').split('\n')[0].slice(0, 300)) }))
    .sort((x, y) => (x.cell ?? Infinity) - (y.cell ?? Infinity));
  const completed = !problems.some((p) => ['timeout', 'kernel', 'limit'].includes(p.kind));
  return report(Array.isArray(result.checks) ? result.checks : [], { completed, seconds: Math.round((result.wallSeconds ?? result.seconds ?? 0) * 10) / 10, problems, sandbox: mode }, undefined, lookedUp);
}

/** Grade several submissions, `jobs` at a time; reports in input order. */
export async function gradeSubmissions(submissions: string[], opts: GradeOptions = {}): Promise<SubmissionReport[]> {
  loadLibrary(); // every topic's exercises registered before any submission runs
  const run = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const base = path.join(GRADING_DIR, run);
  if (opts.preset) process.env.DGMLAB_PRESET = opts.preset;
  else process.env.DGMLAB_PRESET = 'fast';
  const prepared = submissions.map((s) => prepare(s, opts));
  const { mode, warning } = chooseSandbox(opts.sandbox);
  if (warning) (opts.onWarning ?? ((w: string) => process.stderr.write(`dgmlab grade: ${w}\n`)))(warning);
  const out: SubmissionReport[] = new Array(submissions.length);
  let next = 0;
  const worker = async () => {
    while (next < submissions.length) {
      const i = next++;
      out[i] = await runPrepared(prepared[i], path.join(base, String(i + 1)), opts, mode);
      opts.onReport?.(out[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, opts.jobs ?? 2), submissions.length) }, worker));
  if (!opts.keep) {
    try {
      fs.rmSync(base, { recursive: true, force: true });
      if (fs.existsSync(GRADING_DIR) && fs.readdirSync(GRADING_DIR).length === 0) fs.rmdirSync(GRADING_DIR);
    } catch {
      /* a parallel grader may be using .grading */
    }
  }
  return out;
}

const STATUS_TEXT: Record<ExerciseGrade['status'], string> = { passed: 'passed', wrong: 'wrong', 'not-answered': 'not answered', error: 'error', 'looked-up': 'looked up' };

/** The report for people. */
export function formatReports(reports: SubmissionReport[]): string {
  const blocks = reports.map((r) => {
    const lines = [`${r.submission} — ${r.score}/${r.max}${r.master ? `  (master: ${r.master})` : `  (no master found: exercises taken from the ${r.expectedFrom === 'submission' ? 'submission itself' : "submission's metadata"})`}`];
    if (r.error) lines.push(`  could not be graded: ${r.error}`);
    const w = Math.max(0, ...r.exercises.map((e) => e.id.length));
    for (const e of r.exercises) {
      const p = e.params && Object.keys(e.params).length ? ` [${Object.entries(e.params).map(([k, v]) => `${k}=${v}`).join(', ')}]` : '';
      const claim = e.claimedPassed && e.status !== 'passed' ? ' [the notebook\'s own check claimed "passed"]' : '';
      lines.push(`  ${STATUS_TEXT[e.status].padEnd(12)} ${e.id.padEnd(w)}  ${e.points}/${e.maxPoints}${p}${e.status === 'passed' ? '' : ` — ${e.feedback}`}${claim}`);
    }
    for (const i of r.ignored) lines.push(`  ignored      ${i.id} (not an exercise of the master${i.cell !== undefined ? `, cell ${i.cell}` : ''})`);
    for (const p of r.execution.problems) lines.push(`  execution: ${p.cell !== null ? `cell ${p.cell}: ` : ''}${p.kind} — ${p.message}`);
    lines.push(`  ran ${r.execution.completed ? 'to the end' : 'partly'} in ${r.execution.seconds} s${r.execution.sandbox ? ` (sandbox: ${r.execution.sandbox})` : ''}`);
    return lines.join('\n');
  });
  if (reports.length > 1) {
    const mean = reports.reduce((s, r) => s + r.score, 0) / reports.length;
    blocks.push(`${reports.length} submissions; mean score ${Math.round(mean * 100) / 100}`);
  }
  return blocks.join('\n\n');
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per submission: submission, score, max, then one column per exercise id with its status. */
export function reportsCsv(reports: SubmissionReport[]): string {
  const ids = [...new Set(reports.flatMap((r) => r.exercises.map((e) => e.id)))];
  const rows = [['submission', 'score', 'max', ...ids, 'error']];
  for (const r of reports) {
    rows.push([r.submission, String(r.score), String(r.max), ...ids.map((id) => { const e = r.exercises.filter((x) => x.id === id); return e.map((x) => STATUS_TEXT[x.status]).join('; '); }), r.error ?? '']);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
