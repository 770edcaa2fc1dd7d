/**
 * The grader's verification logic (pure: no files, no kernel). Given the exercises a notebook must answer (from its
 * master) and the check outputs an executed submission produced, it verifies every answer AGAIN in this process with
 * the library. The `passed` field of a check output is never read: a notebook that redefines `check`, prints fake
 * cards, forges the MIME output, or monkey-patches `Math` in its own kernel gains nothing.
 */
import { decodeAnswer } from './answer';
import { findCheckCalls, Notebook } from './notebook';
import { getExercise, hasExercise, Params, resolveParams, verify } from './registry';

/** Grading status of one exercise ('looked-up': the answer key or a forbidden function was used; no points). */
export type GradeStatus = 'passed' | 'wrong' | 'not-answered' | 'error' | 'looked-up';

/** An exercise a submission is graded on. */
export interface ExpectedExercise {
  id: string;
  /** The parameters the master checks it with (literal in the master), or null when any valid parameters are accepted. */
  params: Params | null;
}

/** A check output collected from an executed notebook (the JSON of the check MIME output, plus the cell index). */
export interface CollectedCheck {
  id?: unknown;
  params?: unknown;
  answer?: unknown;
  cell?: number;
  [key: string]: unknown;
}

/** The grade of one exercise. */
export interface ExerciseGrade {
  id: string;
  title?: string;
  status: GradeStatus;
  points: number;
  maxPoints: number;
  /** The parameters the answer was verified with. */
  params?: Params;
  feedback: string;
  /** The code cell of the check that was graded. */
  cell?: number;
  /**
   * What the notebook's own check output claimed (`passed`). Never used for the grade; `true` with a status other
   * than passed means the check ran on a tampered kernel (patched Math, a redefined check, a forged output).
   */
  claimedPassed?: boolean;
}

/** The grades of one submission's checks. */
export interface ChecksGrade {
  score: number;
  max: number;
  exercises: ExerciseGrade[];
  /** Checks of exercises that were not expected (ignored for the score). */
  ignored: { id: string; cell?: number }[];
}

/** The exercises of a master notebook, from its `check(...)` calls (one entry per distinct id and params literal). */
export function expectedFromNotebook(nb: Notebook): ExpectedExercise[] {
  const out: ExpectedExercise[] = [];
  const seen = new Set<string>();
  for (const c of findCheckCalls(nb)) {
    const key = `${c.id}|${c.params === null ? '*' : canonicalParams(c.id, c.params) ?? JSON.stringify(c.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ id: c.id, params: c.params });
  }
  return out;
}

/** Parameters with defaults filled in, as a canonical string (null if invalid or the id is unknown). */
function canonicalParams(id: string, params: unknown): string | null {
  if (!hasExercise(id)) return null;
  try {
    const full = resolveParams(getExercise(id), (params ?? {}) as Params);
    return JSON.stringify(Object.keys(full).sort().map((k) => [k, full[k]]));
  } catch {
    return null;
  }
}

function fmtParams(p: unknown): string {
  if (!p || typeof p !== 'object' || Object.keys(p).length === 0) return 'no parameters';
  return Object.entries(p as Record<string, unknown>).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ');
}

/**
 * Grade collected check outputs against the expected exercises. For each expected exercise the LAST matching check
 * (same id; same parameters when the master fixes them) is verified again; a missing check is "not answered".
 * `stoppedNote` is added to the feedback of unanswered exercises (e.g. "the notebook stopped at cell 7: timeout").
 * `lookedUp` names the exercises whose answer was looked up (lookups.ts: static scan and runtime trace), with why:
 * those are reported as "looked-up" with 0 points.
 */
export function gradeChecks(expected: ExpectedExercise[], checks: CollectedCheck[], stoppedNote?: string, lookedUp?: ReadonlyMap<string, string>): ChecksGrade {
  const used = new Set<number>();
  const exercises: ExerciseGrade[] = [];
  let score = 0;
  let max = 0;
  for (const exp of expected) {
    if (!hasExercise(exp.id)) {
      exercises.push({ id: exp.id, status: 'error', points: 0, maxPoints: 0, feedback: `The master checks an exercise that is not registered (${exp.id}); it does not count. Tell the lecturer.` });
      continue;
    }
    const ex = getExercise(exp.id);
    max += ex.points;
    const why = lookedUp?.get(exp.id);
    if (why !== undefined) {
      // Answers obtained from the answer key (or with a function the exercise forbids) earn nothing, right or not.
      for (const [c, i] of checks.map((c, i) => [c, i] as const)) if (c && c.id === exp.id) used.add(i);
      exercises.push({ id: exp.id, title: ex.title, status: 'looked-up', points: 0, maxPoints: ex.points, feedback: `Looked up: ${why}. No points for this exercise.` });
      continue;
    }
    const want = exp.params === null ? null : canonicalParams(exp.id, exp.params);
    const sameId = checks.map((c, i) => [c, i] as const).filter(([c, i]) => c && c.id === exp.id && !used.has(i));
    const matching = sameId.filter(([c]) => want === null || canonicalParams(exp.id, c.params) === want);
    const base = { id: exp.id, title: ex.title, maxPoints: ex.points };
    if (!matching.length) {
      if (sameId.length) {
        const [c, i] = sameId[sameId.length - 1];
        if (canonicalParams(exp.id, c.params) === null) {
          const v = verify(exp.id, decodeAnswer(c.answer), c.params as Params);
          exercises.push({ ...base, status: 'error', points: 0, cell: c.cell, feedback: v.feedback });
        } else {
          exercises.push({ ...base, status: 'wrong', points: 0, cell: c.cell, feedback: `Answered for other parameters (${fmtParams(c.params)}); the exercise asks for ${fmtParams(exp.params)}.` });
        }
        used.add(i);
      } else {
        exercises.push({ ...base, status: 'not-answered', points: 0, feedback: `No check of this exercise ran${stoppedNote ? ` (${stoppedNote})` : ''}.` });
      }
      continue;
    }
    const [c, i] = matching[matching.length - 1];
    for (const [, j] of matching) used.add(j);
    const params = c.params === undefined || c.params === null ? undefined : (c.params as Params);
    const v = verify(exp.id, decodeAnswer(c.answer), params);
    const points = v.passed ? ex.points : 0;
    score += points;
    const claimedPassed = typeof c.passed === 'boolean' ? c.passed : undefined;
    exercises.push({ ...base, status: v.status, points, params: v.params, feedback: v.passed ? 'Correct.' : v.feedback, cell: c.cell, claimedPassed });
    void i;
  }
  const ignored = checks.flatMap((c, i) => (used.has(i) ? [] : [{ id: String(c?.id), cell: c?.cell }]));
  return { score, max, exercises, ignored };
}
