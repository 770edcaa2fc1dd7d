#!/usr/bin/env node
'use strict';
/**
 * Pre-fill the dgmlab kernel's compile cache (kernel/compile-cache.js) with the first code cell of every notebook
 * (issue #16 [PERF-2]): a kernel started in a notebook's folder then answers that notebook's setup cell without
 * starting its compiler, from the first session on (a fresh clone's cache is empty). Run by `npm run kernel:setup`.
 *
 *   node kernel-setup/prefill.js [--quiet] [--json] [NOTEBOOK.ipynb | DIR ...]     (default: notebooks/)
 *
 * A kernel's cache key covers its folder (Jupyter starts it in the notebook's folder), so the cells are grouped by
 * folder and compiled there, one converter per folder (kernel.js prefillFirstCells: same compilation, same replay
 * rule as the kernel's own entries). Entries that are still valid are left alone, so a second run only checks them.
 * `DGMLAB_KERNEL_CACHE` chooses the cache folder as for the kernel (`0`: off, nothing is done).
 * Prints one line (with --json: one JSON object {folders, notebooks, cells, stored, valid, skipped, seconds}).
 */
const fs = require('fs');
const path = require('path');

/** The source of the first code cell nbclient / a front-end executes (non-empty), or null. */
function firstCodeCell(file) {
  const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const cell of nb.cells || []) {
    if (cell.cell_type !== 'code') continue;
    const src = Array.isArray(cell.source) ? cell.source.join('') : String(cell.source ?? '');
    if (src.trim()) return src;
  }
  return null;
}

/** Map folder (real path) → first cells of its notebooks, for the given notebooks and folders (searched recursively). */
function firstCellsByFolder(targets) {
  const { findNotebooks } = require('./run-notebooks');
  const groups = new Map();
  let notebooks = 0;
  for (const t of targets) {
    const files = fs.statSync(t).isDirectory() ? findNotebooks(t) : [t];
    for (const f of files) {
      const src = firstCodeCell(f);
      if (src === null) continue;
      notebooks++;
      const dir = fs.realpathSync(path.dirname(path.resolve(f)));
      (groups.get(dir) || groups.set(dir, []).get(dir)).push(src);
    }
  }
  return { groups, notebooks };
}

/** Pre-fill for `targets` (files or folders); returns the summary. */
function prefill(targets) {
  const t0 = Date.now();
  const { prefillFirstCells } = require('./kernel/kernel');
  const { cacheDir } = require('./kernel/compile-cache');
  const { groups, notebooks } = firstCellsByFolder(targets);
  const sum = { dir: cacheDir(), folders: groups.size, notebooks, cells: 0, stored: 0, valid: 0, skipped: 0 };
  if (!sum.dir) return { ...sum, seconds: 0 };
  const cwd = process.cwd();
  try {
    for (const [dir, cells] of groups) {
      process.chdir(dir);
      const r = prefillFirstCells(cells, { cwd: dir });
      sum.cells += new Set(cells).size;
      for (const k of ['stored', 'valid', 'skipped']) sum[k] += r[k];
    }
  } finally {
    process.chdir(cwd);
  }
  return { ...sum, seconds: Math.round((Date.now() - t0) / 100) / 10 };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const targets = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && !['--quiet', '--json'].includes(a));
  if (unknown.length) {
    console.error(`prefill: unknown option ${unknown[0]} (known: --quiet --json)`);
    process.exit(64);
  }
  const s = prefill(targets.length ? targets : [path.join(__dirname, '..', 'notebooks')]);
  if (args.includes('--json')) console.log(JSON.stringify(s));
  else if (!args.includes('--quiet')) {
    console.log(
      s.dir
        ? `Kernel compile cache (${s.dir}): first cells of ${s.notebooks} notebooks in ${s.folders} folders — ${s.stored} compiled and stored, ${s.valid} already valid, ${s.skipped} not storable (${s.seconds} s)`
        : 'Kernel compile cache: off (DGMLAB_KERNEL_CACHE=0 or a grading sandbox); nothing pre-filled',
    );
  }
}

module.exports = { prefill, firstCodeCell, firstCellsByFolder };
