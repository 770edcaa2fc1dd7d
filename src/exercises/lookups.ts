/**
 * The static half of "answers never looked up from the answer key" (issue #24 point 2): a scan of a submission's code
 * cells for calls into the registry's reference path (`referenceAnswer(...)`, `getExercise(...).reference(...)`,
 * the grading trace's internals, the CLI's `answer` command) and for the library functions an exercise forbids
 * (`forbid` in its registration). The runtime half is trace.ts (in the grading kernel).
 *
 * Calls that the master's own cells make outside its solutions (a demonstration before the exercise, kept in the
 * student version) are allowed: only what the submission adds beyond them counts.
 */
import { getExercise, hasExercise } from './registry';
import { cellText, Notebook, stringEnd } from './notebook';

/** Why an exercise counts as looked up, by exercise id. */
export type Lookups = Map<string, string>;

/** Code of a notebook's code cells with `// BEGIN SOLUTION … // END SOLUTION` regions removed (or kept). */
export function codeText(nb: Notebook, opts: { solutions: boolean }): string {
  const cells = nb.cells.filter((c) => c.cell_type === 'code').map(cellText);
  const text = cells.join('\n;\n');
  // `// BEGIN SOLUTION … // END SOLUTION` lines and inline `/* BEGIN SOLUTION */ … /* END SOLUTION */`
  return opts.solutions ? text : text.replace(/\/[/*]\s*BEGIN SOLUTION[\s\S]*?(END SOLUTION(\s*\*\/)?|$)/g, '');
}

/** The code without comments (strings are kept: `core['logSumExp']` is a use too). */
export function withoutComments(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      const j = stringEnd(code, i);
      out += code.slice(i, j + 1);
      i = j;
    } else if (ch === '/' && code[i + 1] === '/') {
      const j = code.indexOf('\n', i);
      i = j === -1 ? code.length : j - 1;
    } else if (ch === '/' && code[i + 1] === '*') {
      const j = code.indexOf('*/', i + 2);
      i = j === -1 ? code.length : j + 1;
    } else out += ch;
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Uses of the answer key in code: [the exercise id when it is a literal, else null, what was used]. */
function answerKeyUses(code: string): { id: string | null; what: string }[] {
  const uses: { id: string | null; what: string }[] = [];
  const lit = `\\s*\\(\\s*(['"\`])([\\w.-]+)\\1`;
  for (const m of code.matchAll(new RegExp(`(?<![\\w$])referenceAnswer(?![\\w$])(${lit})?`, 'g'))) uses.push({ id: m[3] ?? null, what: 'referenceAnswer' });
  for (const m of code.matchAll(new RegExp(`getExercise${lit}\\s*\\)\\s*(\\.\\s*reference|\\[\\s*['"\`]reference['"\`]\\s*\\])`, 'g'))) uses.push({ id: m[2], what: 'getExercise(…).reference' });
  const bare = code.replace(new RegExp(`getExercise${lit}\\s*\\)\\s*(\\.\\s*reference|\\[\\s*['"\`]reference['"\`]\\s*\\])`, 'g'), '');
  if (/\.\s*reference\s*\(|\[\s*['"`]reference['"`]\s*\]/.test(bare)) uses.push({ id: null, what: 'an exercise’s .reference' });
  for (const name of ['claimVerifyScope', 'noteReferenceUse', 'dgmlab.grading.trace']) if (code.includes(name)) uses.push({ id: null, what: name });
  if (/dist[/\\]cli|bin[/\\]dgmlab/.test(code)) uses.push({ id: null, what: "the CLI's answer command" });
  return uses;
}

/** How often `name` (its last segment, e.g. logSumExp of core.logSumExp) is mentioned in code. */
function mentions(code: string, name: string): number {
  const last = name.split('.').pop() as string;
  return [...code.matchAll(new RegExp(`(?<![\\w$])${escape(last)}(?![\\w$])`, 'g'))].length;
}

/**
 * The exercises of `ids` that the submission looks up, with the reason: answer-key uses (an exercise named by a
 * literal id, or every exercise when the id is computed) and forbidden functions used more often than the master's
 * own cells (without their solutions) use them.
 */
export function staticLookups(submission: Notebook, master: Notebook | null, ids: string[]): Lookups {
  const out: Lookups = new Map();
  const sub = withoutComments(codeText(submission, { solutions: true }));
  const allowed = master ? withoutComments(codeText(master, { solutions: false })) : '';
  const allowedUses = answerKeyUses(allowed).length;
  const uses = answerKeyUses(sub);
  if (uses.length > allowedUses) {
    for (const u of uses) {
      const targets = u.id !== null ? (ids.includes(u.id) ? [u.id] : []) : ids;
      for (const id of targets) if (!out.has(id)) out.set(id, `a cell calls the answer key (${u.what}${u.id ? `('${u.id}')` : ''})`);
    }
  }
  for (const id of ids) {
    if (out.has(id) || !hasExercise(id)) continue;
    for (const f of getExercise(id).forbid ?? []) {
      if (mentions(sub, f) > mentions(allowed, f)) {
        out.set(id, `a cell calls ${f}, which this exercise asks you not to use`);
        break;
      }
    }
  }
  return out;
}

/** A runtime trace (the JSON lines the grading sandbox wrote): lookups by id, and whether the trace was tampered with. */
export function traceLookups(lines: string[], ids: string[]): { lookups: Lookups; events: { event: string; [k: string]: unknown }[] } {
  const lookups: Lookups = new Map();
  const events: { event: string; [k: string]: unknown }[] = [];
  for (const line of lines) {
    let rec: { event?: unknown; id?: unknown; [k: string]: unknown };
    try {
      rec = JSON.parse(line);
    } catch {
      continue;
    }
    if (!rec || typeof rec !== 'object') continue;
    if (rec.event === 'lookup' && typeof rec.id === 'string') {
      if (ids.includes(rec.id) && !lookups.has(rec.id)) lookups.set(rec.id, `the answer key of this exercise was read while the notebook ran (${rec.id})`);
    } else if (typeof rec.event === 'string') events.push(rec as { event: string });
  }
  if (events.some((e) => e.event === 'trace-closed' || e.event === 'garbled')) {
    for (const id of ids) if (!lookups.has(id)) lookups.set(id, "the notebook tampered with the grader's trace channel");
  }
  return { lookups, events };
}
