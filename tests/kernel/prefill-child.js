'use strict';
/**
 * For tests/kernel/prefill.test.ts: compiles in a process of its own (TypeScript's file-system state — watchers of
 * closed converters, folders — must not leak into later tests of the mocha process).
 *   node prefill-child.js '{"op": "prefill" | "compare", "cache": DIR, "cwd": DIR, "cells": [...]}'
 * prefill: kernel.js prefillFirstCells(cells) → {stored, valid, skipped}. compare: for each cell, does the cache's entry
 * equal (as JSON) what a fresh tslab converter returns for it as a first cell? → {same: [bool], entries: [entry|null]}.
 * Prints one JSON line.
 */
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const { op, cache, cwd, cells } = JSON.parse(process.argv[2]);
process.env.DGMLAB_KERNEL_CACHE = cache;
process.chdir(cwd); // the compiler uses the process's folder
const kernel = require(path.join(ROOT, 'kernel-setup', 'kernel', 'kernel.js'));
const { expandShorthandProperties } = require(path.join(ROOT, 'kernel-setup', 'kernel', 'shorthand.js'));
const tslabDir = path.dirname(require.resolve('tslab/package.json', { paths: [ROOT] }));
const ts = require(require.resolve('@tslab/typescript-for-tslab', { paths: [tslabDir] }));
const { createConverter } = require(path.join(tslabDir, 'dist', 'converter'));

let out;
if (op === 'prefill') out = kernel.prefillFirstCells(cells, { cwd: process.cwd() });
else if (op === 'compare') {
  const c = kernel.firstCellCache(process.cwd(), () => {});
  out = { same: [], entries: [], rawLookups: [] };
  for (const cell of cells) {
    const src = expandShorthandProperties(cell, ts);
    const conv = createConverter({ isJS: false, isBrowser: false });
    let fresh;
    try {
      fresh = JSON.parse(JSON.stringify(conv.convert('', src)));
    } finally {
      conv.close();
    }
    const entry = c.lookup(src) ?? null;
    out.same.push(JSON.stringify(entry) === JSON.stringify(fresh));
    out.entries.push(entry);
    out.rawLookups.push(src === cell ? 'same text' : c.lookup(cell) === undefined ? 'absent' : 'present');
  }
} else throw new Error(`unknown op ${op}`);
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(0); // converters' watchers would keep the process alive
