'use strict';
/**
 * A compile cache for the FIRST cell of a kernel session (issue #16 [PERF-2], kernel start to first result).
 *
 * tslab's converter is a TypeScript watch program: creating it parses the lib and @types files (seconds), and the
 * first cell that imports 'dgmlab' parses every declaration file behind it (seconds more). For the first cell of a
 * session — no earlier declarations (prevDecl ''), nothing converted yet — the converter's result is a function of
 * the cell's text, the kernel's folder, the compiler's and tslab's versions and the files the compiler looked at. This
 * cache keeps that result with the record of every file-system question the compiler asked while producing it (each
 * file it read, with the SHA-1 of the text; each existence test, directory listing and realpath, with the answer).
 * A later session whose first cell has the same key gets the stored result only if every one of those questions
 * still has the same answer — otherwise the compiler runs as before. The result is the converter's own return value
 * (JSON: strings and plain diagnostics), so the executor runs exactly what it would have compiled.
 *
 * Results with side outputs (a cell importing a local .ts file: tslab transpiles it alongside) are not stored.
 *
 * Where: $DGMLAB_KERNEL_CACHE, else ~/.cache/dgmlab/kernel-compile; `DGMLAB_KERNEL_CACHE=0` turns it off, and it is
 * off in a grading sandbox (DGMLAB_SANDBOX). Unwritable folders just mean no cache.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Bump when the stored format or what a key covers changes. */
const FORMAT = 1;

const sha1 = (text) => crypto.createHash('sha1').update(text).digest('hex');

/** The cache folder, or null when the cache is off. */
function cacheDir(env = process.env) {
  if (env.DGMLAB_KERNEL_CACHE === '0' || env.DGMLAB_SANDBOX) return null;
  if (env.DGMLAB_KERNEL_CACHE) return env.DGMLAB_KERNEL_CACHE;
  return path.join(os.homedir(), '.cache', 'dgmlab', 'kernel-compile');
}

/**
 * Record the file-system questions asked through `sys` (TypeScript's ts.sys, which tslab's converter forwards to)
 * until stop(): { read: {path: sha1|null}, exists: {path: bool}, dirExists: {path: bool}, realpath: {path: path},
 * dirs: {path: [names]} }.
 */
function recordIO(sys) {
  const io = { read: {}, exists: {}, dirExists: {}, realpath: {}, dirs: {} };
  // function of ts.sys → [where its answers go, how an answer is kept]
  const recorded = {
    readFile: [io.read, (r) => (r === undefined ? null : sha1(r))],
    fileExists: [io.exists, (r) => r],
    directoryExists: [io.dirExists, (r) => r],
    realpath: [io.realpath, (r) => r],
    getDirectories: [io.dirs, (r) => r],
  };
  const patched = {};
  for (const [name, [answers, keep]] of Object.entries(recorded)) {
    patched[name] = (orig) =>
      function (p, ...rest) {
        const r = orig.call(this, p, ...rest);
        if (!(p in answers)) answers[p] = keep(r);
        return r;
      };
  }
  const saved = {};
  let unsafe = false;
  for (const [name, wrap] of Object.entries(patched)) {
    if (typeof sys[name] !== 'function') continue;
    saved[name] = sys[name];
    sys[name] = wrap(saved[name]);
  }
  // A directory walk (tsconfig-style include patterns) is not recorded: a result that needed one is not stored.
  const readDirectory = sys.readDirectory;
  sys.readDirectory = function (...args) {
    unsafe = true;
    return readDirectory.apply(this, args);
  };
  saved.readDirectory = readDirectory;
  return {
    io,
    get unsafe() {
      return unsafe;
    },
    stop() {
      for (const [name, fn] of Object.entries(saved)) sys[name] = fn;
    },
  };
}

/** Does every recorded question still get the same answer? (`sys`: the real, unpatched functions.) */
function stillValid(io, sys) {
  for (const [p, h] of Object.entries(io.read)) {
    const r = sys.readFile(p);
    if ((r === undefined ? null : sha1(r)) !== h) return false;
  }
  for (const [p, v] of Object.entries(io.exists)) if (sys.fileExists(p) !== v) return false;
  for (const [p, v] of Object.entries(io.dirExists)) if (sys.directoryExists(p) !== v) return false;
  if (sys.realpath) for (const [p, v] of Object.entries(io.realpath)) if (sys.realpath(p) !== v) return false;
  if (sys.getDirectories) for (const [p, v] of Object.entries(io.dirs)) if (JSON.stringify(sys.getDirectories(p)) !== JSON.stringify(v)) return false;
  return true;
}

/**
 * The cache of one kernel: key(src) names the entry of a first cell; lookup(src) returns the stored converter result
 * or undefined; store(src, io, result) keeps one. `versions`: strings the key covers besides the cell (compiler,
 * tslab, Node major, converter options).
 */
class FirstCellCache {
  constructor({ sys, cwd, versions, dir = cacheDir(), log = () => {} }) {
    this.sys = sys;
    this.cwd = cwd;
    this.versions = versions;
    this.dir = dir;
    this.log = log;
  }

  get enabled() {
    return Boolean(this.dir);
  }

  key(src) {
    return sha1(JSON.stringify({ format: FORMAT, cwd: this.cwd, versions: this.versions, prevDecl: '', src }));
  }

  file(src) {
    return path.join(this.dir, `${this.key(src)}.json`);
  }

  lookup(src) {
    if (!this.enabled) return undefined;
    let entry;
    try {
      entry = JSON.parse(fs.readFileSync(this.file(src), 'utf8'));
    } catch {
      return undefined; // absent or unreadable
    }
    try {
      if (entry.format !== FORMAT || entry.src !== src || !stillValid(entry.io, this.sys)) return undefined;
    } catch {
      return undefined;
    }
    return entry.result;
  }

  /** Keep `result` (tslab converter.convert's return value) for `src`, if it can be replayed exactly. */
  store(src, recording, result) {
    if (!this.enabled || recording.unsafe || !result || result.sideOutputs) return false;
    let json;
    try {
      json = JSON.stringify({ format: FORMAT, src, io: recording.io, result });
      // Only plain data can be replayed: the JSON form must read back to the same structure.
      if (JSON.stringify(JSON.parse(json).result) !== JSON.stringify(result)) return false;
    } catch {
      return false;
    }
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const file = this.file(src);
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, json);
      fs.renameSync(tmp, file); // atomic: a kernel starting meanwhile sees the old entry or the new one
      return true;
    } catch (e) {
      this.log(`dgmlab kernel: compile cache not written (${e.message})`);
      return false;
    }
  }
}

module.exports = { FirstCellCache, recordIO, stillValid, cacheDir, FORMAT };
