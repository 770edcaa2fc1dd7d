/**
 * Rich text outputs: LaTeX, Markdown, HTML tables, matrices. Each returns nothing and emits one display output
 * (MIME bundle with a text/plain fallback); the `*Bundle` functions build the bundle without emitting (for tests).
 */
import { describe } from '../core/validate';
import { emitBundle, MimeBundle } from './emit';
import { finiteMatrix } from './figures';
import { isArrayLike } from './check';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function nonEmptyString(fn: string, arg: string, v: unknown): string {
  if (typeof v !== 'string') throw new TypeError(`${fn}: ${arg} must be a string (got ${describe(v)})`);
  if (v.trim() === '') throw new RangeError(`${fn}: ${arg} must not be empty`);
  return v;
}

/** LaTeX display math. `tex` without delimiters is wrapped in `$$ … $$`. */
export function latexBundle(tex: string): MimeBundle {
  const t = nonEmptyString('latex', 'tex', tex).trim();
  const delimited = /^(\$|\\\[|\\begin\{)/.test(t) ? t : `$$${t}$$`;
  return { 'text/latex': delimited, 'text/plain': t };
}
export function latex(tex: string): void {
  emitBundle(latexBundle(tex));
}

/** Markdown (rendered by the notebook, math included). */
export function markdownBundle(md: string): MimeBundle {
  const t = nonEmptyString('markdown', 'md', md);
  return { 'text/markdown': t, 'text/plain': t };
}
export function markdown(md: string): void {
  emitBundle(markdownBundle(md));
}

/** Raw HTML output. */
export function htmlBundle(html: string): MimeBundle {
  return { 'text/html': nonEmptyString('html', 'html', html), 'text/plain': '[html]' };
}
export function html(content: string): void {
  emitBundle(htmlBundle(content));
}

export type Cell = string | number | boolean | null | undefined;
export interface TableOptions {
  /** Column headers. For rows given as objects, also the column order (default: keys of the first row). */
  columns?: string[];
  caption?: string;
  /** Significant digits for non-integer numbers (default 6). */
  digits?: number;
}

function formatCell(v: Cell, digits: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
    return String(Number(v.toPrecision(digits)));
  }
  return String(v);
}

/** An HTML table (with an aligned plain-text fallback) of rows given as arrays or as objects. */
export function tableBundle(rows: (Cell[] | Record<string, Cell>)[], opts: TableOptions = {}): MimeBundle {
  const fn = 'table';
  if (!Array.isArray(rows)) throw new TypeError(`${fn}: rows must be an array of rows (got ${describe(rows)})`);
  if (rows.length === 0) throw new RangeError(`${fn}: rows must not be empty (an empty table shows nothing)`);
  const digits = opts.digits ?? 6;
  if (!Number.isInteger(digits) || digits < 1 || digits > 17) throw new RangeError(`${fn}: opts.digits must be an integer in [1, 17] (got ${describe(digits)})`);
  const objectRows = !isArrayLike(rows[0]);
  let columns = opts.columns;
  if (objectRows && columns === undefined) {
    if (!rows[0] || typeof rows[0] !== 'object') throw new TypeError(`${fn}: rows[0] must be an array or an object (got ${describe(rows[0])})`);
    columns = Object.keys(rows[0] as object);
  }
  const body: string[][] = rows.map((r, i) => {
    if (objectRows) {
      if (!r || typeof r !== 'object' || isArrayLike(r)) throw new TypeError(`${fn}: rows[${i}] must be an object like rows[0] (got ${describe(r)})`);
      return columns!.map((c) => formatCell((r as Record<string, Cell>)[c], digits));
    }
    if (!isArrayLike(r)) throw new TypeError(`${fn}: rows[${i}] must be an array like rows[0] (got ${describe(r)})`);
    return Array.from(r as ArrayLike<Cell>).map((c) => formatCell(c, digits));
  });
  const width = objectRows ? columns!.length : body[0].length;
  if (columns && columns.length !== width) throw new RangeError(`${fn}: opts.columns has ${columns.length} names but the rows have ${width} cells`);
  body.forEach((r, i) => {
    if (r.length !== width) throw new RangeError(`${fn}: rows[${i}] has ${r.length} cells but the table has ${width} columns`);
  });
  const numeric = (s: string) => /^-?\d/.test(s) && !Number.isNaN(Number(s));
  const td = (s: string, tag: string) => `<${tag} style="text-align:${numeric(s) ? 'right' : 'left'}">${escapeHtml(s)}</${tag}>`;
  const head = columns ? `<thead><tr>${columns.map((c) => `<th style="text-align:left">${escapeHtml(c)}</th>`).join('')}</tr></thead>` : '';
  const caption = opts.caption ? `<caption>${escapeHtml(opts.caption)}</caption>` : '';
  const htmlText = `<table class="dgmlab-table">${caption}${head}<tbody>${body.map((r) => `<tr>${r.map((c) => td(c, 'td')).join('')}</tr>`).join('')}</tbody></table>`;
  const all = columns ? [columns, ...body] : body;
  const widths = Array.from({ length: width }, (_, j) => Math.max(...all.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((c, j) => (numeric(c) ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ').trimEnd();
  const plain = [opts.caption ?? '', ...(columns ? [line(columns), widths.map((w) => '-'.repeat(w)).join('  ')] : []), ...body.map(line)]
    .filter((s, i) => i > 0 || s !== '')
    .join('\n');
  return { 'text/html': htmlText, 'text/plain': plain };
}
export function table(rows: (Cell[] | Record<string, Cell>)[], opts: TableOptions = {}): void {
  emitBundle(tableBundle(rows, opts));
}

/** A matrix as LaTeX (bmatrix), e.g. `matrix(J, { name: 'J' })` → J = [ … ]. */
export function matrixBundle(m: ArrayLike<ArrayLike<number>>, opts: { name?: string; digits?: number } = {}): MimeBundle {
  const rows = finiteMatrix('matrix', 'm', m);
  const digits = opts.digits ?? 4;
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(digits))));
  const tex = `${opts.name ? `${opts.name} = ` : ''}\\begin{bmatrix} ${rows.map((r) => r.map(fmt).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
  const plain = `${opts.name ? `${opts.name} =\n` : ''}${rows.map((r) => '[ ' + r.map(fmt).join('  ') + ' ]').join('\n')}`;
  return { 'text/latex': `$$${tex}$$`, 'text/plain': plain };
}
export function matrix(m: ArrayLike<ArrayLike<number>>, opts: { name?: string; digits?: number } = {}): void {
  emitBundle(matrixBundle(m, opts));
}
