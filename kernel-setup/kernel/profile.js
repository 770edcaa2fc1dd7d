'use strict';
/**
 * Start-up profile of the kernel (issue #16 [PERF-2]): with DGMLAB_KERNEL_PROFILE=1 the kernel writes one line per
 * stage to its real stderr (the Jupyter server's log, never a cell):
 *
 *   dgmlab kernel profile: 812.4 ms compiler ready
 *
 * Times are milliseconds since the process started (performance.timeOrigin), so they include Node's own start.
 * Off (the default), mark() does nothing. bench/kernel-start.js reads these lines.
 */
const fs = require('fs');

const ON = process.env.DGMLAB_KERNEL_PROFILE === '1';
const writeSync = fs.writeSync; // cells replace process.stderr.write; this goes to fd 2 whatever they do

function mark(event) {
  if (!ON) return;
  try {
    writeSync(2, `dgmlab kernel profile: ${performance.now().toFixed(1)} ms ${event}\n`);
  } catch {
    /* no stderr */
  }
}

/** `fn` with a mark before and after each call, named `label` (the first `limit` calls only). */
function timed(label, fn, limit = 3) {
  if (!ON) return fn;
  let n = 0;
  return function (...args) {
    if (n >= limit) return fn.apply(this, args);
    const i = ++n;
    mark(`${label} #${i} start`);
    try {
      return fn.apply(this, args);
    } finally {
      mark(`${label} #${i} end`);
    }
  };
}

module.exports = { mark, timed, PROFILE: ON };
