'use strict';
/**
 * The grading trace's sink in the kernel (issue #24 point 2). In a grading sandbox (DGMLAB_TRACE_FD set by
 * sandbox.js), the library's answer-key path (src/exercises/trace.ts) reports each lookup made from submission code
 * through `globalThis[Symbol.for('dgmlab.grading.trace')]`. The sink is installed before any cell runs, as a
 * non-writable, non-configurable property holding a frozen function that closes over the original fs.writeSync: a
 * cell can neither replace it nor silence it by patching fs. (Closing the fd is noticed by the launcher.)
 */
const fs = require('fs');

const TRACE_KEY = Symbol.for('dgmlab.grading.trace');

function installTrace(env = process.env) {
  const fd = Number(env.DGMLAB_TRACE_FD);
  if (!Number.isInteger(fd) || fd < 3 || Object.prototype.hasOwnProperty.call(globalThis, TRACE_KEY)) return false;
  const writeSync = fs.writeSync;
  const stringify = JSON.stringify;
  const sink = Object.freeze(function trace(record) {
    try {
      writeSync(fd, stringify(record) + '\n');
    } catch {
      /* the launcher notices a closed channel */
    }
  });
  Object.defineProperty(globalThis, TRACE_KEY, { value: sink, writable: false, configurable: false, enumerable: false });
  return true;
}

/**
 * Under Node 20's permission model fs.watch / fs.watchFile always throw ("Access to this API has been restricted"),
 * and tslab's TypeScript watch host calls them for every file it reads. The cells are virtual files that tslab updates
 * itself, so in the sandbox the watchers are inert stand-ins (nothing is watched; nothing needs to be).
 */
function inertWatchers() {
  if (!process.permission) return false;
  const { EventEmitter } = require('events');
  const watcher = () => Object.assign(new EventEmitter(), { close() {}, ref() { return this; }, unref() { return this; } });
  fs.watch = () => watcher();
  fs.watchFile = () => watcher();
  fs.unwatchFile = () => {};
  return true;
}

module.exports = { installTrace, inertWatchers, TRACE_KEY };
