'use strict';
/**
 * The dgmlab kernel: Jupyter messaging (spec 5.3) around tslab's own compiler and executor.
 *
 * What comes from tslab 1.0.22 unchanged (public functions of its dist/ files):
 *   - converter.createConverter — compiles a cell with TypeScript, keeping declarations across cells;
 *   - executor.createExecutor(rootDir, converters, console) — runs the compiled cell (top-level await, `import`
 *     from any folder, `require('tslab')`, SIGINT-breakable synchronous code, interrupt of awaits). It reports
 *     through the `console` it is given, and only through it: console.log(value) for the cell's last expression,
 *     console.error(thrown) for an exception, console.error('%s%d:%d - %s', …) per compile diagnostic;
 *   - converter.isCompleteCode (incomplete code and its indent), inspect.printQuickInfo, and the
 *     `lastWriteDisplayData` hook of dist/jupyter.js that tslab.display / newDisplay (and src/display/emit.ts) use.
 * What is ours: the protocol (wire.js), the execute_result / error / history / is_complete-invalid / pager /
 * clear_output / interrupt_request parts, and rich results through `[Symbol.for("Jupyter.display")]()` (Deno's
 * convention: an object with that method returns a MIME bundle and is shown as that bundle).
 */
const path = require('path');
const util = require('util');

const tslabDir = path.dirname(require.resolve('tslab/package.json'));
const tslabRequire = (p) => require(path.join(tslabDir, 'dist', p));
const { createConverter, isCompleteCode } = tslabRequire('converter');
const { createExecutor } = tslabRequire('executor');
const { printQuickInfo } = tslabRequire('inspect');
const tslabJupyter = tslabRequire('jupyter');
const ts = require(require.resolve('@tslab/typescript-for-tslab', { paths: [tslabDir] }));
const { History } = require('./history');
const { expandShorthandProperties } = require('./shorthand');
const { endsWithSemicolon } = require('./semicolon');
const { mark, timed } = require('./profile');
const { FirstCellCache, recordIO } = require('./compile-cache');
const { getCodeMetadata } = tslabRequire('metadata');

const DISPLAY = Symbol.for('Jupyter.display');
/** Where api.js (clearOutput, …) finds the running kernel, whichever copy of this folder a notebook imports. */
const KERNEL_HOOK = Symbol.for('dgmlab.kernel');
const DIAGNOSTIC_FORMAT = '%s%d:%d - %s'; // tslab executor's printDiagnostics

function version() {
  try {
    return require('../../package.json').version;
  } catch {
    return '0.0.0';
  }
}

/** Jupyter counts cursor positions in Unicode code points; JavaScript strings in UTF-16 units. */
function codePointsToUtf16(text, cp) {
  let i = 0;
  for (let n = 0; n < cp && i < text.length; n++) i += text.codePointAt(i) > 0xffff ? 2 : 1;
  return i;
}
function utf16ToCodePoints(text, offset) {
  return [...text.slice(0, Math.max(0, offset))].length;
}

/** `?expr` or `expr?` (one line): IPython's help syntax, answered with a pager payload. */
function helpTarget(code) {
  const m = /^\s*\?+\s*([^\n]+?)\s*$/.exec(code) || /^\s*([^\n?][^\n]*?)\s*\?+\s*$/.exec(code);
  return m ? m[1] : null;
}

/** Top-level await / for await: allowed in a cell (tslab wraps them), so not syntax errors here. */
const TOP_LEVEL_AWAIT_CODES = new Set([1308, 1375, 1378, 1431, 1432]);

/**
 * The syntax and grammar diagnostics (codes 1000–1999) the compiler reports for a cell that parses: the binder's
 * strict-mode rules (`let = 5;`: 'let' is a reserved word — cells are modules, so strict) and the checker's grammar
 * checks, from a one-file program without lib files (type errors, codes ≥ 2000, are not is_complete's business).
 * Options as tslab compiles a cell (module ESNext, target ES2022), in a module (`export {}`).
 */
function grammarDiagnostics(code) {
  const file = '/__cell__.ts';
  const sf = ts.createSourceFile(file, `${code}\nexport {};\n`, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const options = { noLib: true, noResolve: true, types: [], alwaysStrict: true, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, experimentalDecorators: true, jsx: ts.JsxEmit.React };
  const host = {
    getSourceFile: (f) => (f === file ? sf : undefined),
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile() {},
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => f === file,
    readFile: () => undefined,
  };
  const program = ts.createProgram([file], options, host);
  return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].filter((d) => d.code >= 1000 && d.code < 2000 && !TOP_LEVEL_AWAIT_CODES.has(d.code));
}

/**
 * is_complete: 'complete', 'incomplete' (with the indent for the next line) or 'invalid'. It agrees with the
 * compiler: code the parser accepts but the compiler rejects as a syntax/grammar error (`let = 5;`) is 'invalid'.
 */
function isComplete(code) {
  if (!code.trim() || helpTarget(code) !== null) return { status: 'complete' };
  const sf = ts.createSourceFile('__cell__.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diags = sf.parseDiagnostics || [];
  if (diags.length === 0) {
    try {
      return { status: grammarDiagnostics(code).length ? 'invalid' : 'complete' };
    } catch {
      return { status: 'complete' }; // the execute request will report what is wrong
    }
  }
  const atEnd = (d) => d.start >= code.length && d.length === 0;
  const continues = (d) => typeof d.messageText === 'string' && (/ expected\.$/.test(d.messageText) || d.messageText === 'Unterminated template literal.');
  if (diags.every(atEnd) && diags.some(continues)) {
    const t = isCompleteCode(code);
    return { status: 'incomplete', indent: (!t.completed && t.indent) || '' };
  }
  return { status: 'invalid' };
}

/** Base64 for binary MIME values (image/png given as bytes), as tslab's display.raw does. */
function mimeValue(v) {
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
  return v;
}

/** text/plain of a value: as the Node.js REPL shows it (tslab printed it with console.log, i.e. the same but for strings). */
function plainText(value) {
  return util.inspect(value);
}

/** The MIME bundle of a cell's last value: its own `[Symbol.for("Jupyter.display")]()` bundle, or text/plain. */
async function toBundle(value) {
  if (value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value[DISPLAY] === 'function') {
    const bundle = await value[DISPLAY]();
    if (bundle && typeof bundle === 'object' && Object.keys(bundle).length > 0) {
      const data = {};
      for (const [mime, v] of Object.entries(bundle)) data[mime] = mimeValue(v);
      if (!('text/plain' in data)) data['text/plain'] = util.inspect(value, { depth: 0 });
      return data;
    }
  }
  return { 'text/plain': plainText(value) };
}

/** Frames of the kernel's own machinery, dropped from tracebacks. */
const MACHINERY = /\(?(node:internal|node:vm|[/\\]tslab[/\\]dist[/\\]|[/\\]kernel-setup[/\\]kernel[/\\])/;

/** ename / evalue / traceback of a thrown value. */
function errorContent(e) {
  if (e && typeof e === 'object' && (e.code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED' || e.message === 'Interrupted asynchronously')) {
    return { ename: 'Interrupted', evalue: 'the cell was interrupted', traceback: ['Interrupted: the cell was interrupted (kernel interrupt / SIGINT)'] };
  }
  if (e instanceof Error || (e && typeof e === 'object' && typeof e.message === 'string')) {
    const ename = String(e.name || e.constructor?.name || 'Error');
    const evalue = String(e.message);
    const stack = typeof e.stack === 'string' && e.stack ? e.stack.split('\n') : [`${ename}: ${evalue}`];
    const traceback = stack.filter((line) => !(/^\s+at /.test(line) && MACHINERY.test(line)));
    return { ename, evalue, traceback };
  }
  const evalue = util.inspect(e);
  return { ename: 'Uncaught', evalue, traceback: [`Uncaught ${evalue}`] };
}

/** The content of kernel_info_reply. */
function kernelInfo() {
  return {
    status: 'ok',
    protocol_version: '5.3',
    implementation: 'dgmlab',
    implementation_version: version(),
    language_info: {
      name: 'typescript',
      version: ts.version,
      mimetype: 'text/typescript',
      file_extension: '.ts',
      // tslab's setting: TypeScript highlighting in both Jupyter Notebook and JupyterLab.
      codemirror_mode: { mode: 'typescript', name: 'javascript', typescript: true },
    },
    banner: `dgmlab ${version()} — TypeScript ${ts.version} (tslab ${require(path.join(tslabDir, 'package.json')).version}) on Node.js ${process.version}`,
    help_links: [{ text: 'tslab', url: 'https://github.com/yunabe/tslab' }],
  };
}

/** The compile cache of a kernel started in `cwd`: its keys cover the compiler's, tslab's and Node's versions. */
function firstCellCache(cwd, log, sys = ts.sys) {
  const tslabVersion = require(path.join(tslabDir, 'package.json')).version;
  return new FirstCellCache({ sys, cwd, versions: [ts.version, tslabVersion, process.versions.node.split('.')[0], 'node'], log });
}

/**
 * Pre-fill the compile cache with the first cells of the notebooks of one folder (`npm run kernel:setup`,
 * kernel-setup/prefill.js), so a kernel started in `cwd` answers them without its compiler. Each cell is compiled as a
 * kernel's first cell is (the shorthand rewrite, prevDecl '', tslab's converter for Node in this process's folder,
 * which must be `cwd`) and stored with the file-system questions the compiler asked. One converter serves the folder:
 * the recording runs from its creation to the last cell, so every entry lists every file the converter read — a
 * superset of what a fresh compiler reads for that cell, i.e. the replay rule is as strict as the kernel's own entries
 * (stricter: any file read for another cell counts too). After a result with side outputs (a local .ts module: tslab
 * would not emit it twice) the converter is replaced. Cells already valid in the cache, `?help`, `//@module` and
 * browser cells are skipped. Returns {stored, valid, skipped}.
 */
function prefillFirstCells(cells, { cwd = process.cwd(), log = () => {} } = {}) {
  if (path.resolve(cwd) !== process.cwd()) throw new Error(`prefillFirstCells: run it in ${cwd} (the compiler uses the process's folder)`);
  const out = { stored: 0, valid: 0, skipped: 0 };
  const cache = firstCellCache(cwd, log);
  if (!cache.enabled) return out;
  // Which cells need the compiler: the check reads each recorded file once for all the folder's entries.
  const texts = new Map();
  const memo = Object.create(ts.sys);
  memo.readFile = (p, enc) => (texts.has(p) ? texts.get(p) : texts.set(p, ts.sys.readFile(p, enc)).get(p));
  const check = firstCellCache(cwd, log, memo);
  const todo = [];
  for (const code of new Set(cells)) {
    const meta = getCodeMetadata(code);
    if (helpTarget(code) !== null || meta.module || meta.mode === 'browser') out.skipped++;
    else if (check.lookup(expandShorthandProperties(code, ts))) out.valid++;
    else todo.push(expandShorthandProperties(code, ts));
  }
  texts.clear();
  let conv = null;
  let rec = null;
  const close = () => {
    if (rec) rec.stop();
    if (conv) conv.close();
    conv = rec = null;
  };
  try {
    for (const src of todo) {
      if (!conv) {
        rec = recordIO(ts.sys);
        conv = createConverter({ isJS: false, isBrowser: false });
      }
      const r = conv.convert('', src);
      if (cache.store(src, rec, r)) out.stored++;
      else out.skipped++;
      if (r && r.sideOutputs) close();
    }
  } finally {
    close();
  }
  return out;
}

class Kernel {
  /**
   * @param {{cwd?: string, log?: (msg: string) => void, running?: Int32Array}} opts `log` writes kernel
   *   diagnostics (never to a cell); running[0] is 1 while a cell executes (read by the control thread).
   */
  constructor(opts = {}) {
    this.log = opts.log || ((m) => process.stderr.write(m + '\n'));
    this.running = opts.running || new Int32Array(1);
    const converters = {};
    // The first cell of the session may be served by the compile cache (compile-cache.js); the compiler is then
    // created after that cell's result, while the user reads it (warm()).
    this.compileCache = firstCellCache(process.cwd(), this.log);
    let firstDone = false; // the session's first convert has happened (from the cache or the compiler)
    let recording = null;
    const create = (kind, opts) => {
      mark(`${kind} compiler: creating`);
      if (kind === 'node' && !firstDone && this.compileCache.enabled) recording = recordIO(ts.sys);
      let c;
      try {
        c = createConverter(opts);
      } catch (e) {
        if (recording) recording.stop();
        recording = null;
        throw e;
      }
      const convert = timed(`${kind} compiler: convert`, c.convert);
      c.convert = (prevDecl, src) => {
        if (kind !== 'node') return convert(prevDecl, src);
        const rec = recording;
        recording = null;
        try {
          const r = convert(prevDecl, src);
          if (rec && !firstDone && prevDecl === '') {
            rec.stop();
            if (this.compileCache.store(src, rec, r)) mark('compile cache: stored');
          }
          return r;
        } finally {
          if (rec) rec.stop();
          firstDone = true;
        }
      };
      mark(`${kind} compiler: ready`);
      return c;
    };
    const realNode = () => (converters.node ||= create('node', { isJS: false, isBrowser: false }));
    this.realNodeConverter = realNode;
    this.hasCompiler = () => Boolean(converters.node);
    /** Until the first convert: answers the first cell from the cache when it can, else the compiler. */
    const front = {
      convert: (prevDecl, src) => {
        if (!firstDone && !converters.node && prevDecl === '' && this.compileCache.enabled) {
          const hit = this.compileCache.lookup(src);
          if (hit) {
            firstDone = true;
            mark('compile cache: hit');
            return hit;
          }
          mark('compile cache: miss');
        }
        return realNode().convert(prevDecl, src);
      },
      inspect: (...a) => realNode().inspect(...a),
      complete: (...a) => realNode().complete(...a),
      addModule: (...a) => realNode().addModule(...a),
      close: () => converters.node && converters.node.close(),
    };
    this.converters = {
      get node() {
        return converters.node || (firstDone || !front ? realNode() : front);
      },
      get browser() {
        return (converters.browser ||= create('browser', { isJS: false, isBrowser: true }));
      },
      close() {
        for (const c of Object.values(converters)) c.close();
      },
    };
    this.capture = null;
    const report = (kind) => (...args) => {
      if (this.capture) this.capture[kind].push(args);
      else this.log(`dgmlab kernel: executor ${kind} outside a cell: ${util.format(...args)}`);
    };
    this.executor = createExecutor(opts.cwd || process.cwd(), this.converters, { log: report('values'), error: report('errors') });
    this.count = 0;
    this.history = new History();
    this.queue = Promise.resolve();
    // After an error (with stop_on_error), the execute requests sent before it are aborted, as ipykernel does:
    // those already read (arrival number), and those still unread in the socket (their header's date, set by the
    // client when it sent them, is before the error). Requests sent after the client saw the error run.
    this.abortUntil = 0;
    this.abortBefore = 0; // ms since the epoch
    this.arrivals = 0;
    this.outputChannel = null; // the request whose cell receives stdout/stderr/display output
    globalThis[KERNEL_HOOK] = {
      clearOutput: (wait) => this.outputChannel && this.outputChannel.publish('clear_output', { wait: Boolean(wait) }),
    };
  }

  kernelInfo() {
    return kernelInfo();
  }

  /**
   * Start the compiler (seconds: TypeScript's program and lib files) while nothing else is asked: `idleMs` after the
   * sockets answer if no cell has arrived by then (a user opening a notebook), and right after the first cell's reply
   * when the compile cache answered it (the compiler then also reads the declarations that cell imported, which the
   * next cell needs). A cell arriving meanwhile waits for the warm-up, as it waits for its own compilation.
   */
  warmWhenIdle(idleMs = 1000) {
    const t = setTimeout(() => this.arrivals === 0 && this.warm(), idleMs);
    t.unref();
  }

  warm() {
    if (this.closed || this.hasCompiler()) return;
    mark('warm-up: start');
    this.realNodeConverter();
    if (this.count > 0) {
      try {
        this.executor.inspect('', 0); // the program with the session's declarations (the first cell's imports)
      } catch {
        /* a warm-up only */
      }
    }
    mark('warm-up: end');
  }

  /** Route process stdout/stderr and tslab's display hook to the cell of `ch`. */
  attachOutput(ch) {
    this.outputChannel = ch;
    // In a grading sandbox (DGMLAB_OUTPUT_LIMIT), a cell's stream output is cut at a quarter of the run's output bound
    // with one note (the launcher stops the kernel if the whole run's output passes the bound anyway).
    const limit = Number(process.env.DGMLAB_OUTPUT_LIMIT) / 4 || Infinity;
    let sent = 0;
    const stream = (name) => (chunk, encoding, callback) => {
      let text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
      if (sent > limit) text = '';
      else if ((sent += text.length) > limit) text = `${text.slice(0, Math.max(0, text.length - (sent - limit)))}\n[output cut: more than ${limit} characters in this cell]\n`;
      if (text) ch.publish('stream', { name, text });
      const cb = typeof encoding === 'function' ? encoding : callback;
      if (typeof cb === 'function') process.nextTick(cb);
      return true;
    };
    process.stdout.write = stream('stdout');
    process.stderr.write = stream('stderr');
    tslabJupyter.lastWriteDisplayData = (content, update) => {
      const data = {};
      for (const [mime, v] of Object.entries(content.data || {})) data[mime] = mimeValue(v);
      ch.publish(update ? 'update_display_data' : 'display_data', { data, metadata: content.metadata || {}, transient: content.transient || {} });
    };
  }

  /** execute_request: queued; runs after the cells before it. */
  execute(msg, ch) {
    const seq = ++this.arrivals;
    this.queue = this.queue
      .then(() => this.runExecute(msg, ch, seq))
      .catch((e) => this.log(`dgmlab kernel: execute_request failed: ${(e && e.stack) || e}`));
    return this.queue;
  }

  async runExecute(msg, ch, seq) {
    const { code = '', silent = false, stop_on_error = true } = msg.content;
    const storeHistory = msg.content.store_history !== false && !silent;
    const started = new Date().toISOString();
    mark(`execute_request ${seq}: start`);
    ch.status('busy');
    try {
      if (seq <= this.abortUntil || Date.parse(msg.header.date) < this.abortBefore) {
        ch.reply('execute_reply', { status: 'aborted', execution_count: this.count }, { started, status: 'aborted' });
        return;
      }
      if (storeHistory) this.count++;
      const count = this.count;
      if (!silent) ch.publish('execute_input', { code, execution_count: count });
      if (storeHistory) this.history.add(count, code);
      this.attachOutput(ch);
      Atomics.store(this.running, 0, 1);
      let r;
      try {
        r = await this.run(code);
      } finally {
        Atomics.store(this.running, 0, 0);
      }
      if (r.bundle && !silent) {
        try {
          ch.publish('execute_result', { execution_count: count, data: r.bundle, metadata: {} });
        } catch (e) {
          r = { error: errorContent(e) }; // a bundle that is not JSON (a cycle, a BigInt)
        }
      }
      if (r.error) {
        if (!silent) ch.publish('error', r.error);
        ch.reply('execute_reply', { status: 'error', execution_count: count, ...r.error }, { started, status: 'error' });
        if (stop_on_error) this.abortQueued();
        return;
      }
      if (r.bundle && storeHistory) this.history.setOutput(count, r.bundle['text/plain'] ?? null);
      ch.reply('execute_reply', { status: 'ok', execution_count: count, payload: r.payload || [], user_expressions: {} }, { started, status: 'ok' });
    } finally {
      ch.status('idle');
      mark(`execute_request ${seq}: replied`);
      // Served from the compile cache: create the compiler now, once the reply is on its way.
      if (!this.hasCompiler()) setTimeout(() => this.warm(), 20).unref();
    }
  }

  /** After an error: abort the requests sent before it (see the constructor). */
  abortQueued() {
    this.abortUntil = this.arrivals;
    this.abortBefore = Date.now();
  }

  /** Run one cell: {bundle?, payload?} or {error}. */
  async run(code) {
    const help = helpTarget(code);
    if (help !== null) return this.help(help);
    this.capture = { values: [], errors: [] };
    let ok;
    let thrown;
    try {
      ok = await this.executor.execute(expandShorthandProperties(code, ts));
    } catch (e) {
      ok = false;
      thrown = e;
    }
    const { values, errors } = this.capture;
    this.capture = null;
    const diagnostics = errors.filter((a) => a[0] === DIAGNOSTIC_FORMAT && a.length === 5).map((a) => util.format(...a));
    const exceptions = errors.filter((a) => !(a[0] === DIAGNOSTIC_FORMAT && a.length === 5)).map((a) => a[0]);
    if (!ok) {
      if (thrown === undefined && exceptions.length) thrown = exceptions[0];
      if (thrown !== undefined) return { error: errorContent(thrown) };
      const lines = diagnostics.length ? diagnostics : ['the cell did not compile'];
      return { error: { ename: 'CompileError', evalue: lines[0], traceback: lines } };
    }
    // A `//@module` cell registers a module even with errors (tslab's rule): its diagnostics go to stderr.
    if (diagnostics.length) process.stderr.write(diagnostics.join('\n') + '\n');
    // IPython's convention: a trailing semicolon on the last expression hides the cell's result.
    if (!values.length || endsWithSemicolon(code, ts)) return {};
    try {
      return { bundle: await toBundle(values[values.length - 1][0]) };
    } catch (e) {
      return { error: errorContent(e) };
    }
  }

  /** `?expr`: the quick info of expr on the pager (a `page` payload), as IPython's `obj?`. */
  help(target) {
    let info;
    try {
      info = this.executor.inspect(target, target.length);
    } catch {
      info = undefined;
    }
    if (!info) {
      process.stdout.write(`Object \`${target}\` not found.\n`);
      return {};
    }
    return { payload: [{ source: 'page', data: { 'text/plain': printQuickInfo(info) }, start: 0 }] };
  }

  isComplete(msg) {
    return isComplete(String(msg.content.code || ''));
  }

  inspect(msg) {
    const code = String(msg.content.code || '');
    let info;
    try {
      info = this.executor.inspect(code, codePointsToUtf16(code, msg.content.cursor_pos ?? code.length));
    } catch {
      info = undefined;
    }
    if (!info) return { status: 'ok', found: false, data: {}, metadata: {} };
    return { status: 'ok', found: true, data: { 'text/plain': printQuickInfo(info) }, metadata: {} };
  }

  complete(msg) {
    const code = String(msg.content.code || '');
    const pos = codePointsToUtf16(code, msg.content.cursor_pos ?? utf16ToCodePoints(code, code.length));
    let info;
    try {
      info = this.executor.complete(code, pos);
    } catch {
      info = { start: pos, end: pos, candidates: [] };
    }
    return {
      status: 'ok',
      matches: info.candidates,
      cursor_start: utf16ToCodePoints(code, info.start),
      cursor_end: utf16ToCodePoints(code, info.end),
      metadata: {},
    };
  }

  historyReply(msg) {
    return this.history.query(msg.content);
  }

  /** SIGINT or interrupt_request: fails a cell waiting on a promise (synchronous code: see control.js). */
  interrupt() {
    this.executor.interrupt();
  }

  close() {
    this.closed = true;
    try {
      this.executor.close();
    } catch {
      /* closing anyway */
    }
  }
}

module.exports = { Kernel, firstCellCache, prefillFirstCells, kernelInfo, isComplete, helpTarget, toBundle, errorContent, codePointsToUtf16, utf16ToCodePoints, KERNEL_HOOK, DISPLAY };
