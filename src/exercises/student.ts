/**
 * Student versions of master notebooks.
 *
 * A master notebook keeps each solution
 *   - between the lines `// BEGIN SOLUTION` and `// END SOLUTION` of a code cell,
 *   - inline, as `/* BEGIN SOLUTION *\/ expression /* END SOLUTION *\/`,
 *   - or as a whole cell tagged `solution` (code or markdown).
 * The student version replaces each solution by a placeholder that type-checks and makes the check say
 * "not answered yet": every name the solution declared (`const eig = …`, `function f…`) is declared again as
 * `const eig: any = exercises.NOT_ANSWERED;`, every name it assigned gets `= exercises.NOT_ANSWERED`, and an inline
 * solution becomes `exercises.NOT_ANSWERED`. Outputs and execution counts are cleared. The notebook metadata
 * `dgmlab.student` records the master, the exercises, and a hash of the generated cells, so a later run can tell
 * whether the student has edited the file.
 */
import { cellText, contentHash, findCheckCalls, Notebook, NotebookCell, sha256, serializeNotebook, toSourceLines } from './notebook';

/** Metadata stored in a student notebook under `metadata.dgmlab.student`. */
export interface StudentMeta {
  /** The master notebook, relative to the project root (`notebooks/…`). */
  master: string;
  /** SHA-256 of the master file when the student version was generated. */
  masterSha256: string;
  /** Exercise ids the master checks, in order. */
  exercises: string[];
  /** `contentHash` of the generated cells: a different hash means the student edited the file. */
  contentSha256: string;
  /** ISO time of generation. */
  generated: string;
}

/** The result of `studentVersion`. */
export interface StudentVersion {
  notebook: Notebook;
  /** Number of solutions replaced. */
  solutions: number;
  exercises: string[];
}

const BEGIN_RE = /^(\s*)\/\/\s*BEGIN SOLUTION\b.*$/;
const END_RE = /^\s*\/\/\s*END SOLUTION\b.*$/;
const INLINE_RE = /\/\*\s*BEGIN SOLUTION\s*\*\/[\s\S]*?\/\*\s*END SOLUTION\s*\*\//g;

/** The expression students' placeholders use, given how the notebook imports the library. */
export function placeholderExpression(nb: Notebook): string {
  const code = nb.cells.filter((c) => c.cell_type === 'code').map(cellText).join('\n');
  if (/import\s*\{[^}]*\bexercises\b[^}]*\}\s*from\s*['"]dgmlab['"]/.test(code)) return 'exercises.NOT_ANSWERED';
  const star = /import\s+\*\s+as\s+([A-Za-z_$][\w$]*)\s+from\s*['"]dgmlab['"]/.exec(code);
  if (star) return `${star[1]}.exercises.NOT_ANSWERED`;
  if (/import\s*\{[^}]*\bNOT_ANSWERED\b[^}]*\}\s*from|\{[^}]*\bNOT_ANSWERED\b[^}]*\}\s*=\s*exercises\b/.test(code)) return 'NOT_ANSWERED';
  return `(globalThis as any)[Symbol.for('dgmlab.exercises.NOT_ANSWERED.value')]`;
}

/** Names bound by a declaration's left-hand side: `x`, `[a, b]`, `{ a, b: c, ...rest }`. */
function boundNames(lhs: string): string[] {
  const t = lhs.trim();
  if (t.startsWith('[') || t.startsWith('{')) {
    const close = t.startsWith('[') ? ']' : '}';
    const inner = t.slice(1, t.indexOf(close) === -1 ? undefined : t.indexOf(close));
    return inner
      .split(',')
      .map((p) => p.replace(/=.*$/, '').trim())
      .map((p) => (p.includes(':') && t.startsWith('{') ? p.split(':')[1].trim() : p).replace(/^\.\.\./, ''))
      .filter((p) => /^[A-Za-z_$][\w$]*$/.test(p));
  }
  const m = /^([A-Za-z_$][\w$]*)/.exec(t);
  return m ? [m[1]] : [];
}

/** The placeholder lines for a solution block (at indentation `indent`). */
export function placeholderFor(solution: string[], indent: string, ref: string): string[] {
  const declared: string[] = [];
  const assigned: string[] = [];
  const top = (l: string) => l.startsWith(indent) && !/^\s/.test(l.slice(indent.length));
  for (const line of solution) {
    if (!top(line)) continue;
    const s = line.slice(indent.length);
    let m = /^(?:export\s+)?(?:const|let|var)\s+(.+?)(?:=|;|$)/.exec(s);
    if (m) {
      declared.push(...boundNames(m[1]));
      continue;
    }
    m = /^(?:export\s+)?(?:async\s+)?(?:function\s*\*?|class)\s+([A-Za-z_$][\w$]*)/.exec(s);
    if (m) {
      declared.push(m[1]);
      continue;
    }
    m = /^([A-Za-z_$][\w$]*)\s*=(?!=)/.exec(s);
    if (m && !declared.includes(m[1])) assigned.push(m[1]);
  }
  const out = [`${indent}// YOUR ANSWER HERE: replace NOT_ANSWERED with your answer`];
  for (const n of [...new Set(declared)]) out.push(`${indent}const ${n}: any = ${ref};`);
  for (const n of [...new Set(assigned)]) if (!declared.includes(n)) out.push(`${indent}${n} = ${ref};`);
  return out;
}

function hasTag(cell: NotebookCell, tag: string): boolean {
  return Array.isArray(cell.metadata?.tags) && cell.metadata.tags.includes(tag);
}

/** Replace the solutions of one code cell's source. Throws a RangeError for unbalanced markers. */
export function stripCodeSolutions(src: string, ref: string, where = 'cell'): { text: string; replaced: number } {
  let replaced = 0;
  const inlined = src.replace(INLINE_RE, () => {
    replaced++;
    return ref;
  });
  const lines = inlined.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const b = BEGIN_RE.exec(lines[i]);
    if (END_RE.test(lines[i])) throw new RangeError(`${where}: '// END SOLUTION' on line ${i + 1} without a '// BEGIN SOLUTION' before it`);
    if (!b) {
      out.push(lines[i]);
      continue;
    }
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !END_RE.test(lines[j]); j++) {
      if (BEGIN_RE.test(lines[j])) throw new RangeError(`${where}: '// BEGIN SOLUTION' on line ${j + 1} inside another solution (opened on line ${i + 1})`);
      body.push(lines[j]);
    }
    if (j >= lines.length) throw new RangeError(`${where}: '// BEGIN SOLUTION' on line ${i + 1} has no '// END SOLUTION'`);
    out.push(...placeholderFor(body, b[1], ref));
    replaced++;
    i = j;
  }
  return { text: out.join('\n'), replaced };
}

/** Build the student version of a master notebook (a new object; the master is not modified). */
export function studentVersion(master: Notebook, opts: { masterPath: string; masterText?: string; now?: Date }): StudentVersion {
  const nb: Notebook = JSON.parse(JSON.stringify(master));
  const ref = placeholderExpression(master);
  let solutions = 0;
  nb.cells = nb.cells.map((cell, i) => {
    const where = `${opts.masterPath}, cell ${i}`;
    if (cell.cell_type === 'code') {
      cell.outputs = [];
      cell.execution_count = null;
      delete cell.metadata.execution;
      if (hasTag(cell, 'solution')) {
        solutions++;
        const body = cellText(cell).split('\n');
        cell.source = toSourceLines(placeholderFor(body, '', ref).join('\n'));
        cell.metadata.tags = (cell.metadata.tags ?? []).map((t) => (t === 'solution' ? 'answer' : t));
        return cell;
      }
      const { text, replaced } = stripCodeSolutions(cellText(cell), ref, where);
      if (replaced) {
        solutions += replaced;
        cell.source = toSourceLines(text);
      }
      return cell;
    }
    if (cell.cell_type === 'markdown' && hasTag(cell, 'solution')) {
      solutions++;
      cell.source = toSourceLines('*Your answer here: write it in this cell.*');
      cell.metadata.tags = (cell.metadata.tags ?? []).map((t) => (t === 'solution' ? 'answer' : t));
    }
    return cell;
  });
  const exercises = [...new Set(findCheckCalls(master).map((c) => c.id))];
  const meta: StudentMeta = {
    master: opts.masterPath,
    masterSha256: sha256(opts.masterText ?? serializeNotebook(master)),
    exercises,
    contentSha256: contentHash(nb),
    generated: (opts.now ?? new Date()).toISOString(),
  };
  const dg = (nb.metadata.dgmlab ?? {}) as Record<string, unknown>;
  nb.metadata.dgmlab = { ...dg, student: meta };
  return { notebook: nb, solutions, exercises };
}

/** The student metadata of a notebook, or undefined. */
export function studentMeta(nb: Notebook): StudentMeta | undefined {
  const m = (nb.metadata?.dgmlab as { student?: StudentMeta } | undefined)?.student;
  return m && typeof m === 'object' && typeof m.contentSha256 === 'string' ? m : undefined;
}

/** Has this (existing) student file been edited since it was generated? True also if it was not generated by us. */
export function editedSinceGenerated(nb: Notebook): boolean {
  const m = studentMeta(nb);
  return !m || m.contentSha256 !== contentHash(nb);
}
