#!/usr/bin/env node
'use strict';
/**
 * `node scripts/notebook-links.js [--check] [NB.ipynb ...]` — relative links between notebooks.
 *
 * Rule (tests/notebooks/links.test.ts): every relative link in a notebook's markdown resolves to an existing file.
 * A notebook that is not written yet is named, not linked, with the pending-link convention
 *
 *     <!--link:01-graphical-models-factorization.ipynb-->01 — graphical models<!--/link--> (not written yet)
 *
 * which renders as "01 — graphical models (not written yet)" (the HTML comments are invisible in Jupyter and on the
 * site). This script is the helper that keeps both directions right:
 *   - a dead link `[text](path)` becomes a pending link;
 *   - a pending link whose file now exists becomes the link `[text](path)` again.
 * Without arguments it relinks every notebook under notebooks/ (writing only the ones that change); `--check` only
 * reports (exit 1 if a dead link remains).
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

/** Markdown links `[text](target)` and `<a href="target">` / `<img src="target">` (the target without a title). */
const MD_LINK = /(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const HTML_LINK = /\b(?:href|src)\s*=\s*"([^"]+)"/g;
const PENDING = /<!--link:([^>]+?)-->([\s\S]*?)<!--\/link--> \(not written yet\)/g;

/** Is `target` a relative link to a file (not a URL, an anchor or an absolute path)? */
function isRelative(target) {
  return !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(target) && !target.startsWith('#') && !target.startsWith('/') && !target.startsWith('data:');
}

/** The file a relative link from notebook `nb` points to (anchor and query dropped). */
function resolveTarget(nb, target) {
  return path.resolve(path.dirname(nb), decodeURI(target.split('#')[0].split('?')[0]));
}

function cellText(cell) {
  return Array.isArray(cell.source) ? cell.source.join('') : String(cell.source || '');
}

/** Every relative link in the markdown cells of a notebook: `{ cell, target, file, exists }`. */
function notebookLinks(nb) {
  const json = JSON.parse(fs.readFileSync(nb, 'utf8'));
  const out = [];
  json.cells.forEach((cell, i) => {
    if (cell.cell_type !== 'markdown') return;
    // Pending links are plain text, not links: take them out before looking for links.
    const text = cellText(cell).replace(PENDING, (_m, _t, label) => label);
    for (const re of [MD_LINK, HTML_LINK]) {
      re.lastIndex = 0;
      let m;
      while ((m = re.exec(text))) {
        const target = re === MD_LINK ? m[3] : m[1];
        if (!isRelative(target)) continue;
        const file = resolveTarget(nb, target);
        out.push({ cell: i, target, file, exists: fs.existsSync(file) });
      }
    }
  });
  return out;
}

/** The pending links of a notebook: `{ cell, target, label, exists }`. */
function pendingLinks(nb) {
  const json = JSON.parse(fs.readFileSync(nb, 'utf8'));
  const out = [];
  json.cells.forEach((cell, i) => {
    if (cell.cell_type !== 'markdown') return;
    PENDING.lastIndex = 0;
    let m;
    while ((m = PENDING.exec(cellText(cell)))) out.push({ cell: i, target: m[1], label: m[2], exists: fs.existsSync(resolveTarget(nb, m[1])) });
  });
  return out;
}

/** A markdown text with dead links turned into pending links and pending links whose file exists turned into links. */
function relinkText(text, nb) {
  const revived = text.replace(PENDING, (m, target, label) => (fs.existsSync(resolveTarget(nb, target)) ? `[${label}](${target})` : m));
  return revived.replace(MD_LINK, (m, bang, label, target) => {
    if (bang || !isRelative(target) || fs.existsSync(resolveTarget(nb, target))) return m;
    return `<!--link:${target}-->${label}<!--/link--> (not written yet)`;
  });
}

/** Split a text into nbformat's source lines (each but the last keeps its newline). */
function toLines(text) {
  const lines = text.split(/(?<=\n)/);
  return lines.length && lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

/** Relink one notebook; returns the number of changed cells (writes the file only if something changed). */
function relinkNotebook(nb, { write = true } = {}) {
  const raw = fs.readFileSync(nb, 'utf8');
  const json = JSON.parse(raw);
  let changed = 0;
  for (const cell of json.cells) {
    if (cell.cell_type !== 'markdown') continue;
    const before = cellText(cell);
    const after = relinkText(before, nb);
    if (after !== before) {
      cell.source = Array.isArray(cell.source) ? toLines(after) : after;
      changed += 1;
    }
  }
  // nbformat's own layout (indent 1, keys sorted, non-ASCII kept), so a relinked notebook diffs only where it changed.
  if (changed && write) fs.writeFileSync(nb, `${JSON.stringify(sortKeys(json), null, 1)}\n`);
  return changed;
}

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

function allNotebooks(dir = path.join(ROOT, 'notebooks')) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...allNotebooks(p));
    else if (e.name.endsWith('.ipynb')) out.push(p);
  }
  return out.sort();
}

module.exports = { notebookLinks, pendingLinks, relinkText, relinkNotebook, allNotebooks, isRelative, PENDING };

if (require.main === module) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const files = args.filter((a) => a !== '--check').map((a) => path.resolve(a));
  const nbs = files.length ? files : allNotebooks();
  let dead = 0;
  for (const nb of nbs) {
    if (!check) {
      const n = relinkNotebook(nb);
      if (n) console.log(`${path.relative(ROOT, nb)}: ${n} cell(s) relinked`);
    }
    for (const l of notebookLinks(nb).filter((x) => !x.exists)) {
      dead += 1;
      console.log(`${path.relative(ROOT, nb)}: cell ${l.cell}: dead link ${l.target}`);
    }
  }
  process.exit(dead ? 1 : 0);
}
