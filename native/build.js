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
  // the generator addon (no library; -O3: its vectorised block twist is 3× faster than at -O2)
  const rng = compile(cc, inc[0], 'dgmlab_rng', outRng, ['-O3', '-lm']);
  if (rng.ok) say(`built ${path.relative(process.cwd(), outRng)}`);
  else say(`generator addon not built (${rng.why}); the JavaScript generator is used (same numbers)`);
  const blas = compile(cc, inc[0], 'dgmlab_blas', out, ['-O2', '-lopenblas']);
  if (!blas.ok) {
    say(`not built (${blas.why}); the wasm backend is used. For the fast CPU path install a C compiler and OpenBLAS (Debian: apt-get install gcc libopenblas-dev) and run \`node native/build.js\``);
    return false;
  }
  say(`built ${path.relative(process.cwd(), out)} (OpenBLAS)`);
  return true;
}

/**
 * Compile native/NAME.c into the addon `output` (written to a temporary file, renamed when the compiler succeeds).
 * -ffp-contract=off: no fused multiply–adds, so the C arithmetic rounds as JavaScript's does (the generator and the
 * IWAE loops must give the same bits; the fused Adam the same float32 steps as tfjs). {ok, why}.
 */
function compile(cc, include, name, output, flags) {
  const args = ['-ffp-contract=off', '-shared', '-fPIC', `-DNODE_GYP_MODULE_NAME=${name}`, `-I${include}`,
    path.join(__dirname, `${name}.c`), '-o', output + '.tmp', ...flags];
  if (process.platform === 'darwin') args.push('-undefined', 'dynamic_lookup');
  const r = spawnSync(cc, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    try { fs.unlinkSync(output + '.tmp'); } catch { /* nothing to remove */ }
    return { ok: false, why: r.error ? r.error.message : (r.stderr || '').trim().split('\n').slice(-1)[0] };
  }
  fs.renameSync(output + '.tmp', output);
  return { ok: true, why: '' };
}

module.exports = { build, out, outRng };
if (require.main === module) build();
