/**
 * Reading notebooks as data (nbformat 4): the minimal types, and a static scan of the `check(...)` calls of a
 * notebook — which exercises it poses and with which literal parameters. Used by the student-version generator and
 * by the grader (the master notebook's list of exercises is what a submission is graded against).
 */
import { createHash } from 'crypto';
import type { Params, ParamValue } from './registry';

/** A notebook cell (nbformat 4). */
export interface NotebookCell {
  cell_type: 'code' | 'markdown' | 'raw';
  id?: string;
  metadata: Record<string, unknown> & { tags?: string[] };
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
  attachments?: unknown;
}

/** A notebook (nbformat 4). */
export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** A cell's source as one string. */
export function cellText(cell: NotebookCell): string {
  return Array.isArray(cell.source) ? cell.source.join('') : String(cell.source ?? '');
}

/** Source as nbformat stores it on disk: lines with their newlines. */
export function toSourceLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)).filter((l, i) => !(i === lines.length - 1 && l === ''));
}

/** Parse notebook JSON; a TypeError that says what is wrong if it is not a notebook. */
export function parseNotebook(text: string, name = 'notebook'): Notebook {
  let nb: unknown;
  try {
    nb = JSON.parse(text);
  } catch (e) {
    throw new TypeError(`${name} is not a notebook: not valid JSON (${(e as Error).message})`);
  }
  const o = nb as Partial<Notebook>;
  if (!o || typeof o !== 'object' || !Array.isArray(o.cells) || typeof o.nbformat !== 'number') {
    throw new TypeError(`${name} is not a notebook: expected nbformat JSON with "cells" and "nbformat"`);
  }
  if (o.nbformat !== 4) throw new TypeError(`${name}: only nbformat 4 notebooks are supported (got nbformat ${o.nbformat})`);
  for (const [i, c] of o.cells.entries()) {
    if (!c || typeof c !== 'object' || !['code', 'markdown', 'raw'].includes(c.cell_type)) throw new TypeError(`${name}: cell ${i} has no valid cell_type`);
    c.metadata ??= {};
  }
  o.metadata ??= {};
  return o as Notebook;
}

/** JSON text of a notebook in the layout Jupyter writes (1-space indent, trailing newline). */
export function serializeNotebook(nb: Notebook): string {
  return JSON.stringify(nb, null, 1) + '\n';
}

/** SHA-256 (hex) of what a person edits in a notebook: each cell's type and source (not outputs, not metadata). */
export function contentHash(nb: Notebook): string {
  const h = createHash('sha256');
  for (const c of nb.cells) {
    h.update(c.cell_type);
    h.update('\u0000');
    h.update(cellText(c));
    h.update('\u0001');
  }
  return h.digest('hex');
}

/** SHA-256 (hex) of a file's bytes. */
export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** One `check(...)` call found in a notebook's source. */
export interface CheckCall {
  id: string;
  /** Index of the code cell. */
  cell: number;
  /** The literal params object, `{}` if the call has no params, or null when params are not a literal (a variable…). */
  params: Params | null;
}

/** The index of the quote that closes the string literal opening at `src[start]` (or src.length if it is unclosed). */
export function stringEnd(src: string, start: number): number {
  const q = src[start];
  let j = start + 1;
  while (j < src.length && src[j] !== q) j += src[j] === '\\' ? 2 : 1;
  return j;
}

/** Split the argument list starting at `start` (just after '(') into top-level argument texts; end = index after ')'. */
export function splitArgs(src: string, start: number): { args: string[]; end: number } | null {
  const args: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = start; i < src.length; i++) {
    const ch = src[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      const j = stringEnd(src, i);
      cur += src.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ch === '/' && src[i + 1] === '/') {
      const j = src.indexOf('\n', i);
      i = j === -1 ? src.length : j;
      continue;
    }
    if (ch === '/' && src[i + 1] === '*') {
      const j = src.indexOf('*/', i + 2);
      i = j === -1 ? src.length : j + 1;
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) {
      if (depth === 0 && ch === ')') {
        if (cur.trim() !== '' || args.length) args.push(cur.trim());
        return { args, end: i + 1 };
      }
      depth--;
    }
    if (ch === ',' && depth === 0) {
      args.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  return null;
}

/** A params literal such as `{ alpha: 0.1, form: 'exact' }` → object; anything else → null. */
export function parseParamsLiteral(text: string): Params | null {
  const t = text.trim().replace(/,\s*}$/, '}');
  if (!t.startsWith('{') || !t.endsWith('}')) return null;
  const body = t.slice(1, -1).trim();
  if (body === '') return {};
  const out: Params = {};
  for (const part of body.split(',')) {
    const m = /^\s*(?:([A-Za-z_$][\w$]*)|'([^']*)'|"([^"]*)")\s*:\s*(.+?)\s*$/.exec(part);
    if (!m) return null;
    const key = m[1] ?? m[2] ?? m[3];
    const v = m[4];
    let value: ParamValue;
    if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v)) value = Number(v);
    else if (v === 'true' || v === 'false') value = v === 'true';
    else if (/^'[^']*'$|^"[^"]*"$/.test(v)) value = v.slice(1, -1);
    else return null;
    out[key] = value;
  }
  return out;
}

const CHECK_RE = /(?<![\w$])check\s*\(\s*(['"`])([A-Za-z][\w.-]*)\1\s*/g;

/** The `check('<id>', answer, params?)` calls of a notebook's code cells, in order. */
export function findCheckCalls(nb: Notebook): CheckCall[] {
  const calls: CheckCall[] = [];
  nb.cells.forEach((cell, index) => {
    if (cell.cell_type !== 'code') return;
    const src = cellText(cell);
    for (const m of src.matchAll(CHECK_RE)) {
      const after = (m.index ?? 0) + m[0].length;
      let params: Params | null = {};
      if (src[after] === ',') {
        const split = splitArgs(src, after + 1);
        if (split && split.args.length >= 2) params = parseParamsLiteral(split.args[1]);
      }
      calls.push({ id: m[2], cell: index, params });
    }
  });
  return calls;
}
