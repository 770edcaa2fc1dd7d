/**
 * The errata registry: where a source's formula is wrong, the library implements both forms (DESIGN.md, principle 1),
 * and the topic registers the erratum here, next to its code, at module load:
 *
 *   import { registerErratum } from '../errata';
 *   registerErratum({
 *     id: '001-E1',                                  // '<source>-E<n>', the inventories' numbering where they have one
 *     source: '001',
 *     location: '§2, Eq. (8)',
 *     sourceForm: String.raw`q(z') = q(z_0)\,\det(S)^{-2/2}`,
 *     exactForm: String.raw`q(z') = q(z_0)\,|\det S|^{-1}` + ' (det S may be negative)',
 *     summary: 'the determinant needs an absolute value',
 *     demonstrate: () => ({ source: sourceFormValue, exact: exactFormValue }),   // computed with the library
 *   });
 *
 * `listErrata({ source })` lists them; `showTable()` displays the table in a notebook (index.ipynb);
 * `npx dgmlab errata [--source s]` prints it.
 */
import { describe } from '../core/validate';
import { emitBundle } from '../display/emit';
import { errataTableHtmlOf } from '../display/errataTable';

/** What `demonstrate` returns: the value of the source's form and of the exact form (plus anything else worth showing). */
export interface Demonstration {
  source: unknown;
  exact: unknown;
  [key: string]: unknown;
}

/** The kinds of an errata entry (see `ErratumSpec.kind`). */
export const ERRATUM_KINDS = ['error', 'gap', 'remark'] as const;
export type ErratumKind = (typeof ERRATUM_KINDS)[number];

/** What `registerErratum` takes. */
export interface ErratumSpec {
  /** `<source>-E<n>`, e.g. '002-E17' (the inventories' numbering where they have one). */
  id: string;
  /** The source document: '000' … '004' (the seed numbers of ../shared/curriculum/MAP.md). */
  source: string;
  /** Where in the source: section, equation, line ('§4.3, Eq. (4.3.12), L774–776'). */
  location: string;
  /** The source's form, in words or LaTeX. */
  sourceForm: string;
  /** The exact form, in words or LaTeX. */
  exactForm: string;
  /** One line: what is wrong. */
  summary?: string;
  /** 'minor' | 'major' (the inventories' severity), or any short label. */
  severity?: string;
  /**
   * What kind of entry this is: 'error' (the source's form is wrong; default), 'gap' (a step of a justification is
   * missing or wrong but the conclusion holds), 'remark' (a note that sharpens a correct statement).
   */
  kind?: ErratumKind;
  /** The notebook with the errata cell, relative to notebooks/. */
  notebook?: string;
  /** Computes both forms numerically with the library: `{ source, exact, ...context }`. */
  demonstrate: () => Demonstration;
}

/** A registered erratum. */
export interface Erratum extends Readonly<Omit<ErratumSpec, 'demonstrate' | 'kind'>> {
  /** 'error' unless the spec said 'gap' or 'remark'. */
  readonly kind: ErratumKind;
  /** The number n of `<source>-E<n>`. */
  readonly number: number;
  demonstrate(): Demonstration;
}

const ID_RE = /^(\d{3})-E(\d+)$/;
const KEY = Symbol.for('dgmlab.errata.registry');
const registry: Map<string, Erratum> = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<string, Erratum>()) as Map<string, Erratum>;

/** Register an erratum; a malformed declaration or a duplicate id throws a TypeError/RangeError naming it. */
export function registerErratum(spec: ErratumSpec): Erratum {
  if (!spec || typeof spec !== 'object') throw new TypeError(`registerErratum: spec must be an object (got ${describe(spec)})`);
  const m = typeof spec.id === 'string' ? ID_RE.exec(spec.id) : null;
  if (!m) throw new RangeError(`registerErratum: id must look like '<source>-E<n>', e.g. '002-E17' (got ${describe(spec.id)})`);
  if (spec.source !== m[1]) throw new RangeError(`registerErratum(${spec.id}): source must be ${describe(m[1])}, the prefix of the id (got ${describe(spec.source)})`);
  const existing = registry.get(spec.id);
  if (existing) {
    // A second copy of the same module in one process (src/ and dist/): keep the first.
    if (existing.location === spec.location && existing.sourceForm === spec.sourceForm && existing.exactForm === spec.exactForm) return existing;
    throw new RangeError(`registerErratum: erratum ${describe(spec.id)} is already registered (at ${describe(existing.location)})`);
  }
  for (const k of ['location', 'sourceForm', 'exactForm'] as const) {
    if (typeof spec[k] !== 'string' || spec[k].trim() === '') throw new TypeError(`registerErratum(${spec.id}): ${k} must be a non-empty string (got ${describe(spec[k])})`);
  }
  if (typeof spec.demonstrate !== 'function') throw new TypeError(`registerErratum(${spec.id}): demonstrate must be a function () => ({ source, exact }) (got ${describe(spec.demonstrate)})`);
  if (spec.kind !== undefined && !(ERRATUM_KINDS as readonly string[]).includes(spec.kind)) {
    throw new RangeError(`registerErratum(${spec.id}): kind must be one of ${ERRATUM_KINDS.join(', ')} (got ${describe(spec.kind)})`);
  }
  const { demonstrate, ...rest } = spec;
  const e: Erratum = Object.freeze({
    ...rest,
    kind: spec.kind ?? 'error',
    number: Number(m[2]),
    demonstrate(): Demonstration {
      const d = demonstrate();
      if (!d || typeof d !== 'object' || !('source' in d) || !('exact' in d)) {
        throw new TypeError(`erratum ${spec.id}: demonstrate() must return { source, exact, ... } (got ${describe(d)})`);
      }
      return d;
    },
  });
  registry.set(spec.id, e);
  return e;
}

/** Remove an erratum (for tests). Returns whether it existed. */
export function unregisterErratum(id: string): boolean {
  return registry.delete(id);
}

/** The erratum with this id; a RangeError naming the id if there is none. */
export function getErratum(id: string): Erratum {
  const e = registry.get(id);
  if (!e) throw new RangeError(`getErratum: unknown erratum id ${describe(id)} (${registry.size} errata are registered; list them with \`npx dgmlab errata\`)`);
  return e;
}

/** Registered errata sorted by source, then number; optionally of one source ('002'). */
export function listErrata(opts: { source?: string } = {}): Erratum[] {
  if (opts.source !== undefined && (typeof opts.source !== 'string' || !/^\d{3}$/.test(opts.source))) {
    throw new RangeError(`listErrata: source must be a three-digit source number such as '002' (got ${describe(opts.source)})`);
  }
  return [...registry.values()].filter((e) => !opts.source || e.source === opts.source).sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.number - b.number));
}

/** A short rendering of a demonstrated value. */
export function formatValue(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : Number.isFinite(v) ? String(Number(v.toPrecision(8))) : String(v);
  if (typeof v === 'string') return v;
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return `[${Array.from(v as ArrayLike<unknown>).slice(0, 8).map(formatValue).join(', ')}${(v as ArrayLike<unknown>).length > 8 ? ', …' : ''}]`;
  if (v && typeof v === 'object' && typeof (v as { re?: unknown }).re === 'number' && typeof (v as { im?: unknown }).im === 'number') {
    const z = v as { re: number; im: number };
    return `${formatValue(z.re)} ${z.im < 0 ? '−' : '+'} ${formatValue(Math.abs(z.im))}i`;
  }
  return describe(v);
}

/** One row of the errata table. */
export interface ErratumRow {
  id: string;
  source: string;
  location: string;
  summary: string;
  sourceForm: string;
  exactForm: string;
  severity: string;
  /** 'error' | 'gap' | 'remark'. */
  kind: ErratumKind;
  /** The demonstrated values of the source form and the exact form (or the error if `demonstrate` threw). */
  sourceValue: string;
  exactValue: string;
  /** The same values as `demonstrate` returned them (for the typeset table), and its other fields. */
  sourceRaw?: unknown;
  exactRaw?: unknown;
  context?: Record<string, unknown>;
  /** The message of `demonstrate` when it threw. */
  failed?: string;
  notebook: string;
}

/** The rows of the errata table (each demonstration is run; one that throws shows its error instead of stopping). */
export function errataRows(opts: { source?: string; ids?: readonly string[] } = {}): ErratumRow[] {
  // `ids` (optional) restricts the demonstrations to those errata: an errata cell then runs only its own.
  return listErrata(opts).filter((e) => !opts.ids || opts.ids.includes(e.id)).map((e) => {
    let sv: string;
    let ev: string;
    let raw: { sourceRaw?: unknown; exactRaw?: unknown; context?: Record<string, unknown>; failed?: string } = {};
    try {
      const { source, exact, ...context } = e.demonstrate();
      sv = formatValue(source);
      ev = formatValue(exact);
      raw = { sourceRaw: source, exactRaw: exact, context };
    } catch (err) {
      sv = ev = `(demonstration failed: ${(err as Error).message})`;
      raw = { failed: (err as Error).message };
    }
    return {
      id: e.id,
      source: e.source,
      location: e.location,
      summary: e.summary ?? '',
      sourceForm: e.sourceForm,
      exactForm: e.exactForm,
      severity: e.severity ?? '',
      kind: e.kind,
      sourceValue: sv,
      exactValue: ev,
      ...raw,
      notebook: e.notebook ?? '',
    };
  });
}

/**
 * The errata table as HTML, typeset (src/display/errataTable.ts): forms as MathJax formulas, values as numbers,
 * matrices and small tables, the kind (error / gap / remark) as a badge.
 */
export function errataTableHtml(opts: { source?: string } = {}, rows: ErratumRow[] = errataRows(opts)): string {
  return errataTableHtmlOf(
    rows.map((r) => ({
      id: r.id,
      kind: r.kind ?? 'error',
      location: r.location,
      summary: r.summary,
      severity: r.severity,
      sourceForm: r.sourceForm,
      exactForm: r.exactForm,
      sourceValue: 'sourceRaw' in r ? r.sourceRaw : r.sourceValue,
      exactValue: 'exactRaw' in r ? r.exactRaw : r.exactValue,
      context: r.context,
      failed: r.failed,
      notebook: r.notebook,
    })),
    { empty: `No errata registered${opts.source ? ` for source ${opts.source}` : ''} yet.` },
  );
}

/** The errata table as plain text (one block per erratum), for the command line. */
export function errataTableText(opts: { source?: string } = {}, rows: ErratumRow[] = errataRows(opts)): string {
  if (!rows.length) return `No errata registered${opts.source ? ` for source ${opts.source}` : ''}.`;
  return rows
    .map((r) =>
      [
        `${r.id}  (${r.kind ?? 'error'})  ${r.location}${r.severity ? `  [${r.severity}]` : ''}${r.summary ? ` — ${r.summary}` : ''}`,
        `  source form: ${r.sourceForm}`,
        `  exact form:  ${r.exactForm}`,
        `  demonstration: source ${r.sourceValue} vs exact ${r.exactValue}`,
        ...(r.notebook ? [`  notebook: ${r.notebook}`] : []),
      ].join('\n'),
    )
    .join('\n\n');
}

/** Show the errata table in a notebook (index.ipynb: `errata.showTable()`). */
export function showTable(opts: { source?: string } = {}): void {
  emitBundle({ 'text/plain': errataTableText(opts), 'text/html': errataTableHtml(opts) });
}

/** The table rows of the given errata, in the order given; unknown ids are an error naming them. */
export function errataRowsFor(ids: readonly string[]): ErratumRow[] {
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((i) => typeof i !== 'string')) {
    throw new TypeError(`showErrata: ids must be a non-empty array of erratum ids such as '000-E56' (got ${JSON.stringify(ids)})`);
  }
  const missing = ids.filter((i) => !listErrata().some((e) => e.id === i));
  if (missing.length) throw new RangeError(`showErrata: unknown erratum id(s) ${missing.join(', ')}`);
  const rows = errataRows({ ids });
  return ids.map((i) => rows.find((r) => r.id === i)!);
}

/**
 * An errata cell of a notebook: the source form and the exact form of the given errata side by side, with the values
 * their demonstrations compute (`errata.showErrata(['001-E61'])`; topics re-export it as `<topic>.showErrata`).
 */
export function showErrata(ids: readonly string[]): void {
  const rows = errataRowsFor(ids);
  emitBundle({ 'text/plain': errataTableText({}, rows), 'text/html': errataTableHtml({}, rows) });
}
