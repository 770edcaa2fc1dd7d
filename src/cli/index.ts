/**
 * The `dgmlab` command (bin/dgmlab.js runs the compiled `main`).
 *
 *   dgmlab exercises [--topic t] [--json]            list the exercises (one id per line first)
 *   dgmlab answer <id> [--param k=v ...] [--json]    the reference answer (with --json: an answer `check` accepts)
 *   dgmlab errata [--source s] [--json]              list the errata with their numerical demonstrations
 *   dgmlab grade <notebook...> [--master nb] [--json] [--csv file] [--preset fast|full]
 *                [--cell-timeout s] [--timeout s] [--jobs n] [--keep]
 *   dgmlab student [notebook...] [--out dir] [--force]   write student versions (default: notebooks/ → student/)
 *   dgmlab <command> --help / dgmlab help <command>      the command's usage
 *
 * Options are parsed with Node's util.parseArgs (args.ts). `grade` exits 1 when a submission could not be graded.
 */
import * as fs from 'fs';
import { numOpt, opt, parseArgs, ParsedArgs, UsageError } from './args';
import { formatReports, gradeSubmissions, reportsCsv } from './grade';
import { formatStudentActions, generateStudentVersions } from './student';
import { loadLibrary } from './library';
import { findNotebooks } from './paths';
import { readRoster } from './roster';
import { isParameterIndependent } from '../exercises/variants';

/** Where the command writes (replaceable in tests). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** One usage text per command (`dgmlab <command> --help`). */
export const COMMAND_USAGE: Record<string, string> = {
  exercises: `Usage: dgmlab exercises [--topic t] [--json]

  List the registered exercises: one id per line, then a description of each.
  --topic t   only the exercises of topic t
  --json      one JSON array (id, topic, title, source, params, kind, expects, points, hints, notebook)`,
  answer: `Usage: dgmlab answer <id> [--param k=v ...] [--json]

  Print the reference answer of an exercise (for the lecturer).
  --param k=v  a parameter of the exercise (repeatable; default: the exercise's defaults)
  --json       the answer as JSON that exercises.check accepts`,
  errata: `Usage: dgmlab errata [--source s] [--json]

  List the errata of the sources with their numerical demonstrations.
  --source s  one source (a three-digit number such as 002)
  --json      one JSON array of rows`,
  grade: `Usage: dgmlab grade <notebook|folder...> [--master nb] [--json] [--csv file] [--preset fast|full]
                    [--cell-timeout s] [--timeout s] [--jobs n] [--memory mb] [--keep] [--roster f --seed S]

  Execute each submitted notebook in a sandbox (bubblewrap and/or Node's permission model; see the README's
  lecturer section) and grade its exercise checks again in this process.
  --master nb       the master notebook (default: from each submission's metadata or its place under student/)
  --json            one JSON object: {submissions: [...], summary}; each submission has an "error" field
                    (null when it was graded)
  --csv file        also write one row per submission to file
  --preset p        fast (default) or full
  --cell-timeout s  seconds per cell (default 120); --timeout s: seconds per notebook (default 900)
  --jobs n          notebooks executed at the same time (default 2)
  --memory mb       memory bound of a submission's kernel in MiB (default 4096)
  --keep            keep the work copies (and executed copies) in .grading/
  --roster f --seed S
                    grade per-student variants: each submission belongs to the roster id that names a folder on
                    its path, and is graded for that student's parameters (recomputed from S and the id)

  Exit status: 0 when every submission was graded; 1 when any could not be (not a notebook, unreadable, no
  master; its "error" says why); 2 on a usage error.`,
  student: `Usage: dgmlab student [notebook...] [--out dir] [--force] [--json] [--roster roster.csv --seed S]

  Write student versions of the master notebooks (default: every notebook under notebooks/, into student/).
  --out dir     the output folder
  --force       overwrite student files edited since they were generated
  --json        the actions as JSON
  --roster f    a CSV with a header row and an id column (name, email optional): one folder per student, <out>/<id>/,
                each exercise with parameters drawn from (S, id, exercise id), shown above it; grade with the same
                --roster and --seed
  --seed S      the course's secret seed (keep it: the grader needs it; it is not written into the notebooks)`,
};

export const USAGE = `Usage: dgmlab <command> [options]

  exercises [--topic t] [--json]             list the registered exercises
  answer <id> [--param k=v ...] [--json]     print the reference answer of an exercise
  errata [--source s] [--json]               list the errata of the sources with their demonstrations
  grade <notebook|folder...> [--master nb] [--json] [--csv file] [--preset fast|full]
        [--cell-timeout s] [--timeout s] [--jobs n] [--memory mb] [--keep]
                                             execute (sandboxed) and grade submitted notebooks
  student [notebook...] [--out dir] [--force] [--roster f --seed S]
                                             write student versions of the master notebooks
  help [command]                             this text, or a command's (also: dgmlab <command> --help)`;


function parseParamValues(id: string, pairs: string[], lib: typeof import('../index')): Record<string, number | string | boolean> {
  const ex = lib.exercises.getExercise(id);
  const out: Record<string, number | string | boolean> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param must look like name=value (got ${JSON.stringify(pair)})`);
    const k = pair.slice(0, eq);
    const raw = pair.slice(eq + 1);
    const spec = ex.params[k];
    if (!spec) {
      const names = Object.keys(ex.params);
      throw new UsageError(`${id}: unknown parameter ${JSON.stringify(k)} (${names.length ? `parameters: ${names.join(', ')}` : 'this exercise has no parameters'})`);
    }
    if (typeof spec.default === 'number') {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${id}: parameter ${k} must be a number (got ${JSON.stringify(raw)})`);
      out[k] = n;
    } else if (typeof spec.default === 'boolean') {
      if (raw !== 'true' && raw !== 'false') throw new UsageError(`${id}: parameter ${k} must be true or false (got ${JSON.stringify(raw)})`);
      out[k] = raw === 'true';
    } else out[k] = raw;
  }
  return out;
}

function cmdExercises(a: ParsedArgs, io: Io): number {
  const lib = loadLibrary();
  const topic = opt(a, 'topic');
  const list = lib.exercises.listExercises({ topic });
  if (topic && list.length === 0) {
    const topics = [...new Set(lib.exercises.listExercises().map((e) => e.topic))].sort();
    io.err(`dgmlab exercises: no exercises for topic ${JSON.stringify(topic)} (topics: ${topics.join(', ') || 'none'})`);
    return 1;
  }
  if (a.flags.has('json')) {
    io.out(JSON.stringify(list.map((e) => ({ id: e.id, topic: e.topic, title: e.title, source: e.source, params: e.params, parameterIndependent: isParameterIndependent(e), kind: e.compare.kind, expects: e.compare.expects, points: e.points, hints: e.hints.length, notebook: e.notebook ?? null })), null, 2));
    return 0;
  }
  io.out(list.map((e) => e.id).join('\n'));
  io.out('');
  const w = Math.max(...list.map((e) => e.id.length), 2);
  for (const e of list) {
    const params = Object.entries(e.params).map(([k, s]) => `${k}=${s.default}`).join(', ');
    const same = isParameterIndependent(e) ? '  [same for every student]' : '  [per-student variants]';
    io.out(`${e.id.padEnd(w)}  ${e.title}  [${e.source}]${params ? `  params: ${params}` : ''}  (${e.compare.kind})${same}`);
  }
  const independent = list.filter((e) => isParameterIndependent(e)).length;
  io.out(`${list.length} exercise${list.length === 1 ? '' : 's'} (${list.length - independent} with per-student variants, ${independent} the same for every student)`);
  return 0;
}

function cmdAnswer(a: ParsedArgs, io: Io): number {
  if (a.positional.length !== 1) throw new UsageError('dgmlab answer takes exactly one exercise id');
  const lib = loadLibrary();
  const id = a.positional[0];
  if (!lib.exercises.hasExercise(id)) {
    io.err(`dgmlab answer: ${lib.exercises.unknownExerciseMessage(id)}`);
    return 1;
  }
  const ex = lib.exercises.getExercise(id);
  const params = parseParamValues(id, a.options.get('param') ?? [], lib);
  let full: Record<string, number | string | boolean>;
  try {
    full = lib.exercises.resolveParams(ex, params);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const ref = ex.reference(full);
  if (a.flags.has('json')) {
    io.out(JSON.stringify(lib.exercises.encodeAnswer(ex.compare.toJSON(ref))));
    return 0;
  }
  const p = Object.entries(full).map(([k, v]) => `${k} = ${v}`).join(', ');
  io.out(`${ex.id}: ${ex.title}${p ? ` (${p})` : ''}`);
  io.out(`source: ${ex.source}`);
  io.out(`answer: ${ex.compare.format(ref)}`);
  io.out(`checked as: ${ex.compare.expects}`);
  return 0;
}

function cmdErrata(a: ParsedArgs, io: Io): number {
  const lib = loadLibrary();
  const source = opt(a, 'source');
  if (source !== undefined && !/^\d{3}$/.test(source)) throw new UsageError(`--source must be a three-digit source number such as 002 (got ${JSON.stringify(source)})`);
  if (a.flags.has('json')) {
    io.out(JSON.stringify(lib.errata.errataRows({ source }), null, 2));
    return 0;
  }
  io.out(lib.errata.errataTableText({ source }));
  return 0;
}

async function cmdGrade(a: ParsedArgs, io: Io): Promise<number> {
  if (a.positional.length === 0) throw new UsageError('dgmlab grade needs at least one notebook');
  const missing = a.positional.filter((p) => !fs.existsSync(p));
  if (missing.length) {
    io.err(`dgmlab grade: no such file: ${missing.join(', ')}`);
    return 1;
  }
  const preset = opt(a, 'preset', 'fast');
  if (preset !== 'fast' && preset !== 'full') throw new UsageError(`--preset must be fast or full (got ${JSON.stringify(preset)})`);
  const master = opt(a, 'master');
  if (master && !fs.existsSync(master)) {
    io.err(`dgmlab grade: no such master notebook: ${master}`);
    return 1;
  }
  loadLibrary(); // every exercise registered before any submission runs
  const json = a.flags.has('json');
  // A folder stands for the notebooks in it (e.g. a folder of a class's submissions).
  const submissions = a.positional.flatMap((p) => (fs.statSync(p).isDirectory() ? findNotebooks(p) : [p]));
  if (submissions.length === 0) {
    io.err(`dgmlab grade: no notebooks found in ${a.positional.join(', ')}`);
    return 1;
  }
  const rosterFile = opt(a, 'roster');
  const seed = opt(a, 'seed');
  if ((rosterFile === undefined) !== (seed === undefined)) throw new UsageError('--roster and --seed go together (the seed the student versions were written with)');
  let roster;
  if (rosterFile !== undefined) {
    try {
      roster = readRoster(rosterFile);
    } catch (e) {
      io.err(`dgmlab grade: ${(e as Error).message}`);
      return 1;
    }
  }
  const reports = await gradeSubmissions(submissions, {
    master,
    roster,
    seed,
    preset,
    cellTimeout: numOpt(a, 'cell-timeout', 120),
    totalTimeout: numOpt(a, 'timeout', 900),
    jobs: numOpt(a, 'jobs', 2),
    memoryMb: numOpt(a, 'memory', 4096),
    keep: a.flags.has('keep'),
    onWarning: (w) => io.err(`dgmlab grade: ${w}`),
    onReport: json ? undefined : (r) => io.err(`graded ${r.submission}: ${r.score}/${r.max}`),
  });
  const csv = opt(a, 'csv');
  if (csv) fs.writeFileSync(csv, reportsCsv(reports));
  const failed = reports.filter((r) => r.error);
  if (json) {
    const submissions = reports.map((r) => ({ ...r, error: r.error ?? null }));
    const summary = { count: reports.length, graded: reports.length - failed.length, notGraded: failed.length, mean: reports.length ? reports.reduce((s, r) => s + r.score, 0) / reports.length : 0 };
    io.out(JSON.stringify({ submissions, summary }, null, 2));
  } else io.out(formatReports(reports));
  // A batch script must notice a submission that could not be graded (issue #24): exit 1, each one named.
  if (failed.length) {
    io.err(`dgmlab grade: ${failed.length} of ${reports.length} submission${reports.length === 1 ? '' : 's'} could not be graded: ${failed.map((r) => `${r.submission} (${r.error})`).join('; ')}`);
    return 1;
  }
  return 0;
}

async function cmdStudent(a: ParsedArgs, io: Io): Promise<number> {
  const missing = a.positional.filter((p) => !fs.existsSync(p));
  if (missing.length) {
    io.err(`dgmlab student: no such file: ${missing.join(', ')}`);
    return 1;
  }
  const rosterFile = opt(a, 'roster');
  const seed = opt(a, 'seed');
  if ((rosterFile === undefined) !== (seed === undefined)) throw new UsageError('--roster and --seed go together (the seed is the course secret the variants are drawn from)');
  let roster;
  if (rosterFile !== undefined) {
    try {
      roster = readRoster(rosterFile);
    } catch (e) {
      io.err(`dgmlab student: ${(e as Error).message}`);
      return 1;
    }
  }
  const actions = generateStudentVersions({ notebooks: a.positional, outDir: opt(a, 'out'), force: a.flags.has('force'), roster, seed });
  if (a.flags.has('json')) io.out(JSON.stringify(actions, null, 2));
  else io.out(actions.length ? formatStudentActions(actions) : 'No notebooks found.');
  return actions.some((x) => x.action === 'error') ? 1 : 0;
}

const SPECS: Record<string, { flags: string[]; options: string[] }> = {
  exercises: { flags: ['json', 'help'], options: ['topic'] },
  answer: { flags: ['json', 'help'], options: ['param'] },
  errata: { flags: ['json', 'help'], options: ['source'] },
  grade: { flags: ['json', 'keep', 'help'], options: ['csv', 'master', 'preset', 'cell-timeout', 'timeout', 'jobs', 'memory', 'roster', 'seed'] },
  student: { flags: ['force', 'json', 'help'], options: ['out', 'roster', 'seed'] },
};

/** Run the command line `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    const topic = cmd === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !COMMAND_USAGE[topic]) {
      io.err(`dgmlab help: unknown command ${JSON.stringify(topic)}\n\n${USAGE}`);
      return 2;
    }
    io.out(topic ? COMMAND_USAGE[topic] : USAGE);
    return cmd ? 0 : 2;
  }
  const spec = SPECS[cmd];
  if (!spec) {
    io.err(`dgmlab: unknown command ${JSON.stringify(cmd)}\n\n${USAGE}`);
    return 2;
  }
  try {
    const a = parseArgs(rest, spec);
    if (a.flags.has('help')) {
      io.out(COMMAND_USAGE[cmd]);
      return 0;
    }
    switch (cmd) {
      case 'exercises':
        return cmdExercises(a, io);
      case 'answer':
        return cmdAnswer(a, io);
      case 'errata':
        return cmdErrata(a, io);
      case 'grade':
        return await cmdGrade(a, io);
      default:
        return await cmdStudent(a, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`dgmlab ${cmd}: ${e.message} (dgmlab ${cmd} --help for usage)`);
      return 2;
    }
    io.err(`dgmlab ${cmd}: ${(e as Error).stack ?? e}`);
    return 1;
  }
}
