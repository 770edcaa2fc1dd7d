/**
 * Typesetting short mixed texts — a formula with a few words around it, as the errata registry's `sourceForm` /
 * `exactForm` are written — and demonstrated values, as HTML for the notebook's MathJax (Jupyter, the built site and
 * the slides all typeset `\( … \)` inside HTML outputs).
 *
 *   mathTextHtml(String.raw`\log|\det J| (it may be negative)`)  →  `\(\log|\det J|\) (it may be negative)`
 *   mathTextHtml('the $q^*$ of (4.3.12)')                       →  `the \(q^*\) of (4.3.12)`
 *   valueHtml({ A: [[1, 0.1], [-0.1, 1]], spectralRadius: 1.00499 })  →  a small table with a typeset matrix
 */
import { escapeHtml } from './rich';

/** A piece of a mixed text: LaTeX to typeset, or plain text. */
export interface TextPiece {
  math: boolean;
  text: string;
}

const LATEX_HINT = /\\[a-zA-Z]+|\\[{}|,;!]|[_^]\{/;
// Function names that are maths even when written without a backslash.
const MATH_WORDS = new Set(['log', 'ln', 'exp', 'det', 'max', 'min', 'sup', 'inf', 'arg', 'argmax', 'argmin', 'sin', 'cos', 'tanh', 'tr', 'KL', 'JS', 'JSD', 'ELBO', 'data', 'den', 'Var', 'Cov', 'diag']);

/** Is this whitespace-free token (part of) a formula rather than a word of prose? */
// Short English words that are prose between formulas ("(g, −d) is the …", "… in (68.110)").
const PROSE_WORDS = new Set(['is', 'in', 'of', 'at', 'by', 'to', 'on', 'if', 'or', 'an', 'as', 'be', 'it', 'we', 'a', '—', '–']);

function isMathToken(tok: string): boolean {
  if (/^["“”'‘’]/.test(tok) || /["“”]$/.test(tok)) return false; // a quotation is prose
  if (PROSE_WORDS.has(tok.replace(/[,;:.()]+$/, ''))) return false;
  const bare = tok
    .replace(/\\[a-zA-Z]+\{[^{}]*\}/g, ' ')
    .replace(/\\[a-zA-Z]+/g, ' ')
    .replace(/[_^]\{[^{}]*\}/g, ' ')
    .replace(/[_^][A-Za-z0-9]+/g, ' ');
  const words = bare.match(/[A-Za-z]{3,}/g) ?? [];
  return words.every((w) => MATH_WORDS.has(w));
}

/**
 * Split a mixed text into formula and prose pieces. Text with `$…$` is split at the dollars. Otherwise the longest
 * runs of formula-like tokens that contain LaTeX markup become formulas and everything else stays text (so a string
 * without LaTeX markup — Unicode maths such as "‖g − x‖²/2" — stays as it is).
 */
export function splitMathText(s: string): TextPiece[] {
  if (typeof s !== 'string' || s === '') return [];
  if (s.includes('$')) {
    const out: TextPiece[] = [];
    const re = /\$\$([\s\S]+?)\$\$|\$([^$]+?)\$/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      if (m.index > last) out.push({ math: false, text: s.slice(last, m.index) });
      out.push({ math: true, text: (m[1] ?? m[2]).trim() });
      last = re.lastIndex;
    }
    if (last < s.length) out.push({ math: false, text: s.slice(last) });
    return out;
  }
  if (!LATEX_HINT.test(s)) return [{ math: false, text: s }];
  // Tokens: keep `\ ` (a LaTeX space) and the spaces of `\text{…}` inside a token.
  const HOLD = '\u0000';
  const held = s.replace(/\\(?:text|mathrm|operatorname)\{[^{}]*\}/g, (m) => m.replace(/ /g, HOLD));
  const parts = held.split(/((?<!\\)\s+)/);
  type Tok = { text: string; space: boolean; math: boolean };
  const toks: Tok[] = parts.filter((p) => p !== '').map((p) => ({ text: p.split(HOLD).join(' '), space: /^\s+$/.test(p), math: false }));
  for (const t of toks) if (!t.space) t.math = isMathToken(t.text);
  // A prose run that starts inside an opened "(" takes the "(" token with it: "… (first line)" is one parenthetical.
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].space || toks[i].math) continue;
    let j = i - 1;
    let depth = 0;
    const run: number[] = [];
    while (j >= 0 && (toks[j].space || toks[j].math)) {
      if (!toks[j].space) {
        run.push(j);
        depth += (toks[j].text.match(/\)/g) ?? []).length - (toks[j].text.match(/\(/g) ?? []).length;
        if (depth < 0 && toks[j].text.startsWith('(')) {
          for (const k of run) toks[k].math = false;
          break;
        }
      }
      j--;
    }
  }
  // Group into runs; a math run without LaTeX markup is shown as text.
  const out: TextPiece[] = [];
  const push = (math: boolean, text: string) => {
    const prev = out[out.length - 1];
    if (prev && prev.math === math) prev.text += text;
    else out.push({ math, text });
  };
  let i = 0;
  while (i < toks.length) {
    if (toks[i].space) {
      push(false, toks[i].text);
      i++;
      continue;
    }
    if (!toks[i].math) {
      push(false, toks[i].text);
      i++;
      continue;
    }
    let j = i;
    let end = i;
    while (j < toks.length && (toks[j].space || toks[j].math)) {
      if (!toks[j].space) end = j;
      j++;
    }
    let run = toks.slice(i, end + 1).map((t) => t.text).join('');
    // Trailing punctuation of a sentence stays text (but `\,` `\;` are LaTeX spacing).
    let tail = '';
    const m = /[,;:.]+$/.exec(run);
    if (m && !run.slice(0, -m[0].length).endsWith('\\')) {
      tail = m[0];
      run = run.slice(0, -tail.length);
    }
    // A ")" that closes a parenthetical opened in the prose before the formula stays text.
    while (run.endsWith(')') && (run.match(/\)/g) ?? []).length > (run.match(/\(/g) ?? []).length) {
      tail = ')' + tail;
      run = run.slice(0, -1);
    }
    if (LATEX_HINT.test(run)) {
      push(true, run);
      if (tail) push(false, tail);
    } else push(false, run + tail);
    i = end + 1;
  }
  return out.filter((p) => p.text !== '');
}

/** A formula for MathJax, in the span the errata table and its browser test look for. */
function mathSpan(tex: string): string {
  return `<span class="dgmlab-math">\\(${escapeHtml(tex)}\\)</span>`;
}

/** A mixed text as HTML: formulas as `\( … \)` for MathJax, text escaped. */
export function mathTextHtml(s: string): string {
  return splitMathText(s)
    .map((p) => (p.math ? `<span class="dgmlab-math">\\(${escapeHtml(p.text)}\\)</span>` : escapeHtml(p.text)))
    .join('');
}

/** A number for reading: integers as they are, others to `digits` significant digits, a true minus sign. */
export function formatNumber(v: number, digits = 6): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  const s = Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v) : Math.abs(v) >= 1e-4 && Math.abs(v) < 1e7 ? String(Number(v.toPrecision(digits))) : v.toExponential(digits - 1).replace(/e\+?(-?)(\d+)/, (_m, sg, e) => ` × 10^${sg}${e}`);
  return s.replace(/^-/, '−');
}

function texNumber(v: number, digits: number): string {
  return formatNumber(v, digits).replace('−', '-').replace(/ × 10\^(-?\d+)/, '\\times 10^{$1}').replace('∞', '\\infty');
}

function isNumberArray(v: unknown): v is ArrayLike<number> {
  return (Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))) && Array.from(v as ArrayLike<unknown>).every((x) => typeof x === 'number');
}

/** `spectralRadius` → "spectral radius"; other keys as they are. */
function keyLabel(k: string): string {
  return /^[a-z]+(?:[A-Z][a-z]+)+$/.test(k) ? k.replace(/([A-Z])/g, ' $1').toLowerCase() : k;
}

/**
 * A demonstrated value as HTML: numbers formatted, vectors and matrices typeset (bmatrix), complex numbers as
 * a ± bi, objects as a small two-column table, strings as mixed text (formulas typeset).
 */
export function valueHtml(v: unknown, opts: { digits?: number; depth?: number } = {}): string {
  const digits = opts.digits ?? 6;
  const depth = opts.depth ?? 0;
  if (v === null || v === undefined) return '<em>—</em>';
  if (typeof v === 'number') return `<span class="dgmlab-number">${escapeHtml(formatNumber(v, digits))}</span>`;
  if (typeof v === 'boolean') return `<span class="dgmlab-number">${v}</span>`;
  if (typeof v === 'string') return mathTextHtml(v);
  if (typeof v === 'object' && typeof (v as { re?: unknown }).re === 'number' && typeof (v as { im?: unknown }).im === 'number' && Object.keys(v as object).length === 2) {
    const z = v as { re: number; im: number };
    return mathSpan(`${texNumber(z.re, digits)} ${z.im < 0 ? '-' : '+'} ${texNumber(Math.abs(z.im), digits)}\\,i`);
  }
  if (isNumberArray(v)) {
    const a = Array.from(v);
    if (a.length === 0) return mathSpan('()');
    const shown = a.length > 10 ? [...a.slice(0, 8).map((x) => texNumber(x, digits)), '\\cdots', texNumber(a[a.length - 1], digits)] : a.map((x) => texNumber(x, digits));
    return mathSpan(`\\begin{bmatrix}${shown.join(' & ')}\\end{bmatrix}`);
  }
  if (Array.isArray(v) && v.length > 0 && v.every((r) => isNumberArray(r) && (r as ArrayLike<number>).length === (v[0] as ArrayLike<number>).length) && v.length <= 12) {
    const rows = (v as ArrayLike<number>[]).map((r) => Array.from(r).map((x) => texNumber(x, digits)).join(' & '));
    return mathSpan(`\\begin{bmatrix}${rows.join(' \\\\ ')}\\end{bmatrix}`);
  }
  if (Array.isArray(v)) {
    const items = v.slice(0, 8).map((x) => valueHtml(x, { digits, depth: depth + 1 }));
    return items.join(', ') + (v.length > 8 ? `, … (${v.length} items)` : '');
  }
  if (typeof v === 'object' && depth < 3) {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) return '<em>{}</em>';
    return (
      `<table class="dgmlab-kv" style="border-collapse:collapse;margin:0;font-size:inherit">` +
      entries
        .map(
          ([k, x]) =>
            `<tr style="background:transparent"><td style="text-align:left;vertical-align:top;padding:1px 8px 1px 0;color:#555;white-space:nowrap;border:none">${escapeHtml(keyLabel(k))}</td>` +
            `<td style="text-align:left;vertical-align:top;padding:1px 0;border:none">${valueHtml(x, { digits, depth: depth + 1 })}</td></tr>`,
        )
        .join('') +
      `</table>`
    );
  }
  return escapeHtml(String(v));
}
