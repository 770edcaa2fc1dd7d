/**
 * The simulated students of `npm run classroom` ([CLASSROOM] load test): a student "does the work" by typing each
 * answer as a literal into the exercise's `check` call of their own variant notebook — no library lookups, so the
 * grader treats it like any hand-typed answer. Answers are computed here, outside the notebook, for the parameters
 * each check call passes (the student's variant).
 */
import * as fs from 'fs';
import { encodeAnswer } from '../exercises/answer';
import { cellText, findCheckCalls, parseNotebook, serializeNotebook, splitArgs, toSourceLines } from '../exercises/notebook';
import { referenceAnswer, type Params } from '../exercises/registry';

const CHECK_RE = /(?<![\w$])check\s*\(\s*(['"`])([A-Za-z][\w.-]*)\1\s*/g;

/** The literal text of each check call's correct answer in a (variant) notebook file, in call order. */
export function studentAnswers(file: string): string[] {
  const nb = parseNotebook(fs.readFileSync(file, 'utf8'), file);
  return findCheckCalls(nb).map((c) => JSON.stringify(encodeAnswer(referenceAnswer(c.id, (c.params ?? {}) as Params))));
}

/** Write `answerFor(callIndex)` as the answer argument of every check call of the notebook file (in call order). */
export function typeAnswers(file: string, answerFor: (callIndex: number) => string): number {
  const nb = parseNotebook(fs.readFileSync(file, 'utf8'), file);
  let k = 0;
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'code') continue;
    const src = cellText(cell);
    let out = '';
    let last = 0;
    for (const m of src.matchAll(CHECK_RE)) {
      const after = (m.index ?? 0) + m[0].length;
      if (src[after] !== ',') continue;
      const split = splitArgs(src, after + 1);
      if (!split || split.args.length < 1) continue;
      const rest = split.args.slice(1);
      out += src.slice(last, m.index) + `check(${m[1]}${m[2]}${m[1]}, ${answerFor(k++)}${rest.length ? `, ${rest.join(', ')}` : ''})`;
      last = split.end;
    }
    if (last > 0) cell.source = toSourceLines(out + src.slice(last));
  }
  fs.writeFileSync(file, serializeNotebook(nb));
  return k;
}
