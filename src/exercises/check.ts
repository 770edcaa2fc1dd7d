/**
 * `check(id, answer, params?)` — the call every exercise cell ends with.
 *
 * It verifies the answer against the registered reference, shows a pass/fail card (on failure the feedback and a hint,
 * one more hint per failed attempt — never the answer), returns a boolean, and emits a machine-readable output of
 * MIME type `application/vnd.dgmlab.check+json` with `{ id, params, answer, passed, status, feedback }` — the notebook
 * runner fails a master notebook whose check did not pass, and the grader collects these outputs and verifies every
 * answer again in its own process (it never trusts `passed`).
 */
import { emitBundle } from '../display/emit';
import { encodeAnswer } from './answer';
import { getExercise, hasExercise, Params, verify, Verification } from './registry';

/** MIME type of the machine-readable check output. */
export const CHECK_MIME = 'application/vnd.dgmlab.check+json';

/** The machine-readable record of one check (the content of the CHECK_MIME output). */
export interface CheckRecord {
  id: string;
  /** Parameters used, defaults filled in (as given when they were invalid). */
  params: Params | null;
  /** The answer, encoded as JSON (see `encodeAnswer`). */
  answer: unknown;
  passed: boolean;
  status: Verification['status'];
  feedback: string;
  /** Version of the dgmlab library that checked it. */
  version: string;
}

const failures = new Map<string, number>();

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function version(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('../../package.json').version as string;
  } catch {
    return 'unknown';
  }
}

/** The card for a verification: text/plain and text/html. */
export function renderCard(id: string, title: string | undefined, v: Verification, hints: readonly string[]): { text: string; html: string } {
  const ok = v.passed;
  const label = ok ? 'Correct' : v.status === 'not-answered' ? 'Not answered yet' : v.status === 'error' ? 'Check failed to run' : 'Not yet';
  const mark = ok ? '✔' : v.status === 'not-answered' ? '…' : '✘';
  const params = v.params && Object.keys(v.params).length ? ` (${Object.entries(v.params).map(([k, x]) => `${k} = ${x}`).join(', ')})` : '';
  const head = `${mark} ${label} — ${id}${title ? `: ${title}` : ''}${params}`;
  const lines = [head];
  if (!ok) lines.push(v.feedback);
  hints.forEach((h, i) => lines.push(`Hint ${i + 1}: ${h}`));
  const colour = ok ? '#1b7f3b' : v.status === 'not-answered' ? '#8a6d00' : '#b3261e';
  const bg = ok ? '#e8f5ec' : v.status === 'not-answered' ? '#fff8e1' : '#fdecea';
  const html =
    `<div class="dgmlab-check dgmlab-check-${ok ? 'pass' : v.status}" style="border-left:6px solid ${colour};background:${bg};padding:8px 12px;margin:4px 0;font-family:sans-serif;border-radius:4px">` +
    `<div style="font-weight:bold;color:${colour}">${esc(mark)} ${esc(label)}</div>` +
    `<div style="font-size:90%;color:#333"><code>${esc(id)}</code>${title ? ` — ${esc(title)}` : ''}${esc(params)}</div>` +
    (ok ? '' : `<div style="margin-top:4px">${esc(v.feedback)}</div>`) +
    hints.map((h, i) => `<div style="margin-top:4px;font-style:italic">Hint ${i + 1}: ${esc(h)}</div>`).join('') +
    `</div>`;
  return { text: lines.join('\n'), html };
}

/**
 * Check an answer in a notebook: `check('gan.dg.eigenvalues', eig, { alpha: 0.1 })`.
 * Shows a pass/fail card, emits the machine-readable check output and returns whether it passed. Never throws on a
 * bad answer or bad params (they get feedback); an unknown id gets a failed card that names close ids.
 */
export function check(id: string, answer: unknown, params?: Params): boolean {
  const v = verify(id, answer, params);
  let title: string | undefined;
  let hints: readonly string[] = [];
  if (hasExercise(id)) {
    const ex = getExercise(id);
    title = ex.title;
    if (!v.passed && v.status !== 'not-answered' && v.status !== 'error') {
      const n = (failures.get(id) ?? 0) + 1;
      failures.set(id, n);
      hints = ex.hints.slice(0, Math.min(n, ex.hints.length));
    } else if (v.passed) {
      failures.delete(id);
    }
  }
  const record: CheckRecord = {
    id: String(id),
    params: v.params ?? (params && typeof params === 'object' ? (encodeAnswer(params) as Params) : null),
    answer: encodeAnswer(answer),
    passed: v.passed,
    status: v.status,
    feedback: v.passed ? 'Correct.' : v.feedback,
    version: version(),
  };
  const card = renderCard(String(id), title, v, hints);
  emitBundle({ 'text/plain': card.text, 'text/html': card.html, [CHECK_MIME]: record });
  return v.passed;
}

/** Forget failed-attempt counts (hints start again from the first). */
export function resetHints(): void {
  failures.clear();
}
