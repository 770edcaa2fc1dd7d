#!/usr/bin/env node
/*
 * Build the optional native BLAS addon (native/build/dgmlab_blas.node) with the system C compiler against Debian's
 * OpenBLAS (`apt-get install libopenblas-dev`) and the Node-API headers that ship with Node (<prefix>/include/node).
 * Nothing is downloaded. Runs from the root package's `install` script; it never fails the install: when a compiler,
 * the headers or OpenBLAS are missing it prints one line saying so, and dgmlab uses the plain wasm backend.
 * DGMLAB_NATIVE=0 skips the build.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const out = path.join(__dirname, 'build', 'dgmlab_blas.node');
/** The generator addon (native/dgmlab_rng.c, src/core/nativeRng.ts): no library, so it builds wherever a compiler does. */
const outRng = path.join(__dirname, 'build', 'dgmlab_rng.node');

function headerDirs() {
  const dirs = [path.join(path.dirname(process.execPath), '..', 'include', 'node'), '/usr/include/node', '/usr/local/include/node'];
  return dirs.filter((d) => fs.existsSync(path.join(d, 'node_api.h')));
}

function build({ quiet = false } = {}) {
  const say = (m) => { if (!quiet) console.log(`dgmlab native: ${m}`); };
  if (process.env.DGMLAB_NATIVE === '0') return say('skipped (DGMLAB_NATIVE=0)'), false;
  if (process.platform !== 'linux' && process.platform !== 'darwin') return say(`skipped on ${process.platform}`), false;
  const cc = process.env.CC || 'cc';
  const inc = headerDirs();
  if (inc.length === 0) return say('skipped: the Node-API headers (node_api.h) were not found next to node'), false;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  buildRng(cc, inc[0], say);
  const args = ['-O2', '-shared', '-fPIC', '-DNODE_GYP_MODULE_NAME=dgmlab_blas', `-I${inc[0]}`, path.join(__dirname, 'dgmlab_blas.c'),
    '-o', out + '.tmp', '-lopenblas'];
  if (process.platform === 'darwin') args.push('-undefined', 'dynamic_lookup');
  const r = spawnSync(cc, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : (r.stderr || '').trim().split('\n').slice(-1)[0];
    say(`not built (${why}); the wasm backend is used. For the fast CPU path install a C compiler and OpenBLAS (Debian: apt-get install gcc libopenblas-dev) and run \`node native/build.js\``);
    try { fs.unlinkSync(out + '.tmp'); } catch { /* nothing to remove */ }
    return false;
  }
  fs.renameSync(out + '.tmp', out);
  say(`built ${path.relative(process.cwd(), out)} (OpenBLAS)`);
  return true;
}

/**
 * Build native/build/dgmlab_rng.node (-ffp-contract=off: its arithmetic must round as JavaScript's does; -O3: the
 * vectorised block twist is 3× faster than at -O2).
 */
function buildRng(cc, include, say) {
  const args = ['-O3', '-ffp-contract=off', '-shared', '-fPIC', '-DNODE_GYP_MODULE_NAME=dgmlab_rng', `-I${include}`,
    path.join(__dirname, 'dgmlab_rng.c'), '-o', outRng + '.tmp', '-lm'];
  if (process.platform === 'darwin') args.push('-undefined', 'dynamic_lookup');
  const r = spawnSync(cc, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    say(`generator addon not built (${r.error ? r.error.message : (r.stderr || '').trim().split('\n').slice(-1)[0]}); the JavaScript generator is used (same numbers)`);
    try { fs.unlinkSync(outRng + '.tmp'); } catch { /* nothing to remove */ }
    return false;
  }
  fs.renameSync(outRng + '.tmp', outRng);
  say(`built ${path.relative(process.cwd(), outRng)}`);
  return true;
}

module.exports = { build, out, outRng };
if (require.main === module) build();
