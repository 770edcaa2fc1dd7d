#!/usr/bin/env node
'use strict';
/**
 * The `dgmlab` kernel for notebooks outside this checkout ([CLASSROOM]: `npm run kernel:setup -- --system` or
 * `--prefix DIR`): students' copies live in their own home folders, where no `node_modules/dgmlab` exists. This
 * launcher makes `import … from 'dgmlab'` resolve to this installed copy of the library, then starts the ordinary
 * kernel (kernel/index.js):
 *
 *   - at run time, through NODE_PATH (this package's node_modules is appended, and Node's search paths re-read);
 *   - at compile time, the way tslab itself finds `tslab` from any folder (its converter's forwardTslabPath): the
 *     TypeScript compiler's file system answers a path `<cwd>/node_modules/dgmlab/…` (and the libraries dgmlab's
 *     declarations import) from this package when the notebook's folder has no such file of its own.
 *
 * A notebook folder that has its own node_modules/dgmlab keeps it (nothing is forwarded when the file exists there).
 */
const path = require('path');
const Module = require('module');

const ROOT = path.resolve(__dirname, '..');
const NODE_MODULES = path.join(ROOT, 'node_modules');

// Run time: `require('dgmlab')` (and its dependencies) from any folder.
process.env.NODE_PATH = [process.env.NODE_PATH, NODE_MODULES].filter(Boolean).join(path.delimiter);
Module._initPaths();

// Compile time: the compiler tslab uses (the same module instance tslab's converter requires).
const tslabDir = path.dirname(require.resolve('tslab/package.json', { paths: [ROOT] }));
const ts = require(require.resolve('@tslab/typescript-for-tslab', { paths: [tslabDir] }));

/** `<dir>/node_modules/<rest>` of a path under the notebook's folder (or any folder above it) → this package's copy. */
function forward(p) {
  if (typeof p !== 'string') return p;
  const norm = p.split(path.sep).join('/');
  const i = norm.lastIndexOf('/node_modules/');
  if (i < 0 || norm.startsWith(NODE_MODULES.split(path.sep).join('/') + '/')) return p;
  const rest = norm.slice(i + '/node_modules/'.length);
  if (!rest) return p;
  return path.join(NODE_MODULES, rest);
}

const fs = require('fs');
const sys = ts.sys;
for (const name of ['fileExists', 'directoryExists', 'readFile', 'realpath']) {
  const original = sys[name];
  if (typeof original !== 'function') continue;
  sys[name] = function (p, ...rest) {
    const f = forward(p);
    if (f === p) return original.call(sys, p, ...rest);
    if (name === 'realpath') return fs.existsSync(p) ? original.call(sys, p, ...rest) : original.call(sys, f, ...rest);
    const own = original.call(sys, p, ...rest);
    return own ? own : original.call(sys, f, ...rest);
  };
}

require('./kernel/index.js').main(process.argv.slice(2));
