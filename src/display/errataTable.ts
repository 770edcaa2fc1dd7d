/**
 * The errata table as HTML, typeset: the source's form and the exact form as formulas (MathJax, `\( … \)`), the
 * demonstrated values as formatted numbers, matrices and small tables, the kind of each entry (error / gap / remark)
 * as a badge. One erratum is a block of rows of a three-column table (label | in the source | exact), with its
 * summary on a full-width row, so a long summary never squeezes the formula columns into a narrow strip.
 * (src/errata/registry.ts builds the rows; this file knows nothing about the registry.)
 */
import { escapeHtml } from './rich';
import { mathTextHtml, valueHtml } from './mathText';

/** One erratum as the table shows it. */
export interface ErrataTableEntry {
  id: string;
  /** 'error' | 'gap' | 'remark'. */
  kind: string;
  location: string;
  summary: string;
  severity: string;
  sourceForm: string;
  exactForm: string;
  /** The demonstrated values (anything `valueHtml` can show). */
  sourceValue: unknown;
  exactValue: unknown;
  /** Further fields of the demonstration (`what`, `setting`, …). */
  context?: Record<string, unknown>;
  /** Set when the demonstration threw: its message. */
  failed?: string;
  notebook: string;
}

export const KIND_STYLE: Record<string, { label: string; fg: string; bg: string; title: string }> = {
  error: { label: 'error', fg: '#9f1c1c', bg: '#fdecea', title: "the source's form is wrong" },
  gap: { label: 'gap', fg: '#7a4f00', bg: '#fff4d6', title: 'a step of the justification is missing or wrong; the conclusion holds' },
  remark: { label: 'remark', fg: '#1f4f8a', bg: '#e8f0fb', title: 'not an error: a note that sharpens a correct statement' },
};

/** The coloured badge of a kind. */
export function kindBadgeHtml(kind: string): string {
  const k = KIND_STYLE[kind] ?? { label: kind, fg: '#333', bg: '#eee', title: '' };
  return `<span class="dgmlab-erratum-kind dgmlab-kind-${escapeHtml(kind)}" title="${escapeHtml(k.title)}" style="display:inline-block;padding:0 7px;border-radius:9px;font-size:0.85em;font-weight:600;color:${k.fg};background:${k.bg};border:1px solid ${k.fg}33">${escapeHtml(k.label)}</span>`;
}

const CELL = 'text-align:left;vertical-align:top;padding:4px 8px;border:none;border-top:1px solid #e3e6ea;white-space:normal';
const LABEL = `${CELL};color:#666;font-weight:normal;width:5.5em;white-space:nowrap`;
// A formula wider than its column scrolls inside its cell instead of widening the table.
const wrap = (html: string) => `<div class="dgmlab-scroll" style="overflow-x:auto;max-width:100%">${html}</div>`;

/** The errata table (HTML) of the given entries. */
export function errataTableHtmlOf(entries: readonly ErrataTableEntry[], opts: { empty?: string } = {}): string {
  if (!entries.length) return `<p><em>${escapeHtml(opts.empty ?? 'No errata registered yet.')}</em></p>`;
  const blocks = entries.map((e) => {
    const head =
      `<tr class="dgmlab-erratum-head"><td colspan="3" style="${CELL};border-top:2px solid #b8c0cc;background:#f6f8fa">` +
      `<strong class="dgmlab-erratum-id">${escapeHtml(e.id)}</strong> ${kindBadgeHtml(e.kind)}` +
      ` <span style="color:#444">${escapeHtml(e.location)}</span>` +
      (e.severity ? ` <span style="color:#777">· severity ${escapeHtml(e.severity)}</span>` : '') +
      (e.notebook ? ` <span style="color:#777">· notebook ${escapeHtml(e.notebook)}</span>` : '') +
      `</td></tr>`;
    const summary = e.summary ? `<tr class="dgmlab-erratum-summary"><td colspan="3" style="${CELL}">${mathTextHtml(e.summary)}</td></tr>` : '';
    const forms =
      `<tr class="dgmlab-erratum-forms"><th style="${LABEL}">form</th>` +
      `<td class="dgmlab-form-source" style="${CELL}">${wrap(mathTextHtml(e.sourceForm))}</td>` +
      `<td class="dgmlab-form-exact" style="${CELL}">${wrap(mathTextHtml(e.exactForm))}</td></tr>`;
    const values = e.failed
      ? `<tr><th style="${LABEL}">value</th><td colspan="2" style="${CELL};color:#9f1c1c">demonstration failed: ${escapeHtml(e.failed)}</td></tr>`
      : `<tr class="dgmlab-erratum-values"><th style="${LABEL}">value</th>` +
        `<td class="dgmlab-value-source" style="${CELL}">${wrap(valueHtml(e.sourceValue))}</td>` +
        `<td class="dgmlab-value-exact" style="${CELL}">${wrap(valueHtml(e.exactValue))}</td></tr>`;
    const ctxEntries = Object.entries(e.context ?? {});
    // One descriptive string (`what`, `setting`, `note`) is shown as it is; several fields as a small table.
    const ctxHtml = ctxEntries.length === 1 && typeof ctxEntries[0][1] === 'string' ? mathTextHtml(ctxEntries[0][1]) : valueHtml(e.context);
    const ctx = ctxEntries.length ? `<tr class="dgmlab-erratum-context"><th style="${LABEL}">setting</th><td colspan="2" style="${CELL}">${ctxHtml}</td></tr>` : '';
    return `<tbody class="dgmlab-erratum" data-id="${escapeHtml(e.id)}" data-kind="${escapeHtml(e.kind)}">${head}${summary}${forms}${values}${ctx}</tbody>`;
  });
  return (
    `<table class="dgmlab-errata" style="border-collapse:collapse;width:100%;max-width:1100px;table-layout:fixed;font-size:13px;line-height:1.45">` +
    `<colgroup><col style="width:5.5em"><col><col></colgroup>` +
    `<thead><tr><th style="${LABEL};border-top:none"></th><th style="${CELL};border-top:none">in the source</th><th style="${CELL};border-top:none">exact</th></tr></thead>` +
    blocks.join('') +
    `</table>`
  );
}
