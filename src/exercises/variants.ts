/**
 * Per-student variants of exercises ([CLASSROOM]): each student of a roster gets parameters drawn deterministically
 * from (course seed, student id, exercise id) within the exercise's declared ranges, so an answer copied from a
 * neighbour is wrong for one's own parameters. The grader recomputes them from the roster and the seed, never from
 * the submitted notebook.
 *
 * Which parameters vary: numeric ones that declare both `min` and `max`, except those the master notebook uses to pick a
 * sub-question: a value other than the declared default in a `check` call, or a parameter whose value differs between
 * the master's calls of the same exercise (`check('ar.masks.field', a, { case: 1 })`, `{ case: 2 }`, …) stays as
 * written (`selectorParams`). A call that merely restates the default (`{ alpha: 0.1 }`) varies.
 * The value is drawn near the default — in [default/2, 2·default] (or default ± 1 when the default is 0), cut to the
 * declared range — and rounded to two significant figures (integers stay integers), so the numbers read like a
 * textbook's. A draw whose reference answer throws or is not finite is drawn again (at most 8 times), else the default
 * stays. Exercises with no such parameter are "parameter-independent": every student answers the same question.
 */
import { createHash } from 'crypto';
import { describe } from '../core/validate';
import { getExercise, type Exercise, type Params, type ParamSpec } from './registry';
import { cellText, findCheckCalls, parseParamsLiteral, splitArgs, toSourceLines, type Notebook, type NotebookCell } from './notebook';

/** A uniform number in [0, 1) from a hash of the parts (deterministic, independent across parts). */
function hashUniform(...parts: (string | number)[]): number {
  const h = createHash('sha256').update(parts.join('\u0000')).digest();
  return h.readUIntBE(0, 6) / 2 ** 48;
}

/** Two significant figures (0.1234 → 0.12, 137 → 140), keeping the sign. */
function twoSignificant(x: number): number {
  if (x === 0) return 0;
  return Number(x.toPrecision(2));
}

/** Whether a parameter can vary between students (numeric, with a declared finite range). */
export function isVariableParam(spec: ParamSpec): boolean {
  return typeof spec.default === 'number' && Number.isFinite(spec.min) && Number.isFinite(spec.max) && (spec.max as number) > (spec.min as number);
}

/** The parameters of `ex` that vary (all variable ones except those in `fixed`, which the notebook sets itself). */
export function variableParams(ex: Exercise, fixed: readonly string[] = []): string[] {
  return Object.entries(ex.params)
    .filter(([k, s]) => !fixed.includes(k) && isVariableParam(s))
    .map(([k]) => k);
}

/** True when every student answers the same question (no parameter varies). */
export function isParameterIndependent(ex: Exercise): boolean {
  return variableParams(ex).length === 0;
}

function drawParam(spec: ParamSpec, u: number): number {
  const d = spec.default as number;
  let lo = d === 0 ? d - 1 : Math.min(d / 2, 2 * d);
  let hi = d === 0 ? d + 1 : Math.max(d / 2, 2 * d);
  lo = Math.max(lo, spec.min as number);
  hi = Math.min(hi, spec.max as number);
  if (!(hi > lo)) return d;
  const x = lo + u * (hi - lo);
  const v = spec.integer ? Math.round(x) : twoSignificant(x);
  return Math.min(Math.max(v, spec.min as number), spec.max as number);
}

function usable(ex: Exercise, params: Params): boolean {
  try {
    const r = ex.reference(params);
    const finite = (v: unknown): boolean =>
      typeof v === 'number' ? Number.isFinite(v) : Array.isArray(v) || ArrayBuffer.isView(v) ? Array.from(v as ArrayLike<unknown>).every(finite) : true;
    return finite(r);
  } catch {
    return false;
  }
}

/**
 * The parameters student `studentId` gets for exercise `id` under course seed `seed`: only the varied ones (an empty
 * object for a parameter-independent exercise); `fixed` lists parameters the notebook sets itself.
 */
export function variantParams(id: string, seed: string | number, studentId: string, fixed: readonly string[] = []): Params {
  if (typeof seed !== 'string' && !(typeof seed === 'number' && Number.isFinite(seed))) {
    throw new TypeError(`variantParams: seed must be a string or a finite number (got ${describe(seed)})`);
  }
  if (typeof studentId !== 'string' || studentId.trim() === '') {
    throw new TypeError(`variantParams: studentId must be a non-empty string (got ${describe(studentId)})`);
  }
  const ex = getExercise(id);
  const names = variableParams(ex, fixed);
  if (names.length === 0) return {};
  for (let attempt = 0; attempt < 8; attempt++) {
    const out: Params = {};
    for (const k of names) out[k] = drawParam(ex.params[k], hashUniform(String(seed), studentId, id, k, attempt));
    if (usable(ex, out)) return out;
  }
  return {};
}

/**
 * The parameters each exercise's calls use to pick a sub-question (never varied): those set to a value other than the
 * declared default, and those whose value differs between calls of the same exercise.
 */
export function selectorParams(calls: readonly { id: string; params: Params | null }[]): Map<string, Set<string>> {
  const values = new Map<string, Map<string, Set<string>>>();
  const out = new Map<string, Set<string>>();
  for (const c of calls) {
    const sel = out.get(c.id) ?? new Set<string>();
    out.set(c.id, sel);
    const byKey = values.get(c.id) ?? new Map<string, Set<string>>();
    values.set(c.id, byKey);
    let ex: Exercise | undefined;
    try {
      ex = getExercise(c.id);
    } catch {
      ex = undefined;
    }
    for (const [k, v] of Object.entries(c.params ?? {})) {
      const seen = byKey.get(k) ?? new Set<string>();
      seen.add(JSON.stringify(v));
      byKey.set(k, seen);
      if (!ex || !(k in ex.params) || ex.params[k].default !== v || seen.size > 1) sel.add(k);
    }
  }
  for (const [id, byKey] of values) for (const [k, seen] of byKey) if (seen.size > 1) out.get(id)?.add(k);
  return out;
}

/** Text of a params literal: `{ alpha: 0.17, k: 40 }`. */
export function paramsLiteral(params: Params): string {
  return `{ ${Object.entries(params).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`).join(', ')} }`;
}

const CHECK_CALL_RE = /(?<![\w$])check\s*\(\s*(['"`])([A-Za-z][\w.-]*)\1\s*/g;

/**
 * Rewrite one cell's `check('<id>', answer[, params])` calls so that they pass `paramsFor(id, fixedParams)` merged into
 * the params the call already sets. Returns the new text and the variants used (id → params), or null when nothing
 * changed.
 */
export function rewriteCheckCalls(src: string, paramsFor: (id: string, fixed: Params) => Params): { text: string; used: Record<string, Params> } | null {
  let out = '';
  let last = 0;
  const used: Record<string, Params> = {};
  for (const m of src.matchAll(CHECK_CALL_RE)) {
    const start = m.index ?? 0;
    const afterId = start + m[0].length;
    if (src[afterId] !== ',') continue;
    const split = splitArgs(src, afterId + 1);
    if (!split || split.args.length < 1) continue;
    const fixedText = split.args[1];
    let fixed: Params = {};
    if (fixedText !== undefined) {
      const parsed = parseParamsLiteral(fixedText);
      if (parsed === null) continue; // params given by an expression: leave the call alone
      fixed = parsed;
    }
    const variant = paramsFor(m[2], fixed);
    if (Object.keys(variant).length === 0) continue;
    const merged = { ...fixed, ...variant };
    used[m[2]] = variant;
    const quote = m[1];
    out += src.slice(last, start) + `check(${quote}${m[2]}${quote}, ${split.args[0]}, ${paramsLiteral(merged)})`;
    last = split.end;
  }
  if (Object.keys(used).length === 0) return null;
  return { text: out + src.slice(last), used };
}

/** Metadata of a variant notebook (`metadata.dgmlab.variant`): who it is for. The course seed is never stored. */
export interface VariantMeta {
  student: string;
  exercises: Record<string, Params>;
}

/**
 * The variant of a student notebook for `studentId`: every `check` call gets the student's parameters, and a note
 * right above each such exercise cell shows them ("Your values"). Returns a new notebook.
 */
export function variantNotebook(nb: Notebook, seed: string | number, studentId: string): { notebook: Notebook; variants: Record<string, Params> } {
  const cells: NotebookCell[] = [];
  const variants: Record<string, Params> = {};
  const selectors = selectorParams(findCheckCalls(nb));
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type === 'code') {
      const r = rewriteCheckCalls(cellText(cell), (id) => variantParams(id, seed, studentId, [...(selectors.get(id) ?? [])]));
      if (r) {
        Object.assign(variants, r.used);
        const lines = Object.entries(r.used).map(([id, p]) => `- \`${id}\`: ${Object.entries(p).map(([k, v]) => `**${k} = ${v}**`).join(', ')}`);
        cells.push({
          cell_type: 'markdown',
          id: `variant-${i}`,
          metadata: { tags: ['variant'] },
          source: toSourceLines(`**Your values** for the exercise below (student \`${studentId}\`) — answer with these, not the values in the text above; your answer is checked for them:\n\n${lines.join('\n')}`),
        } as NotebookCell);
        cells.push({ ...cell, source: toSourceLines(r.text) });
        return;
      }
    }
    cells.push(cell);
  });
  const metadata = { ...(nb.metadata ?? {}) } as Record<string, unknown>;
  const dg = { ...((metadata.dgmlab as Record<string, unknown>) ?? {}) };
  dg.variant = { student: studentId, exercises: variants } satisfies VariantMeta;
  metadata.dgmlab = dg;
  return { notebook: { ...nb, cells, metadata } as Notebook, variants };
}

/**
 * What the grader expects of student `studentId`: the master's exercises with the student's variant parameters merged
 * into the parameters the master's check calls set (recomputed from the seed and the id, never read from a submission).
 */
export function expectedForStudent<E extends { id: string; params: Params | null }>(expected: readonly E[], seed: string | number, studentId: string): E[] {
  const selectors = selectorParams(expected);
  return expected.map((e) => {
    let known = false;
    try {
      getExercise(e.id);
      known = true;
    } catch {
      known = false;
    }
    if (!known) return e;
    const fixed = e.params ?? {};
    const v = variantParams(e.id, seed, studentId, [...(selectors.get(e.id) ?? [])]);
    return Object.keys(v).length ? { ...e, params: { ...fixed, ...v } } : e;
  });
}
