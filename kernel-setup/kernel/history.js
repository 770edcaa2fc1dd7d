'use strict';
/**
 * Input history of the running kernel, answering history_request like IPython's HistoryManager: `tail` (the last
 * n inputs), `range` (lines start ≤ line < stop of a session) and `search` (a glob pattern over the whole input,
 * optionally `unique`, the last `n` matches). Entries are [session, line, input] or, with output=true,
 * [session, line, [input, output]] where output is the text/plain of the cell's execute_result (or null).
 *
 * The history lives as long as the kernel process (session 1; session 0 also means "the current one", as in
 * IPython): a restart starts a new, empty history.
 */
const SESSION = 1;

/** A glob (`*`, `?`, `[...]`, as SQLite GLOB that IPython uses) as an anchored RegExp. */
function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = glob.slice(i + 1, end);
        if (body[0] === '^') body = '\\^' + body.slice(1);
        re += '[' + (body[0] === '!' ? '^' + body.slice(1) : body).replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else re += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

class History {
  constructor() {
    this.entries = []; // { line, input, output }
  }

  add(line, input) {
    this.entries.push({ line, input, output: null });
  }

  setOutput(line, text) {
    const e = this.entries.find((x) => x.line === line);
    if (e) e.output = text;
  }

  format(entries, output) {
    return entries.map((e) => [SESSION, e.line, output ? [e.input, e.output] : e.input]);
  }

  /** The content of a history_reply for the request content `req`. */
  query(req) {
    const output = Boolean(req.output);
    let found = [];
    switch (req.hist_access_type) {
      case 'tail': {
        const n = Number.isInteger(req.n) && req.n > 0 ? req.n : 10;
        found = this.entries.slice(-n);
        break;
      }
      case 'range': {
        const session = req.session == null ? 0 : req.session;
        if (session === 0 || session === SESSION) {
          const start = req.start == null ? 1 : req.start;
          const stop = req.stop == null ? Infinity : req.stop;
          found = this.entries.filter((e) => e.line >= start && e.line < stop);
        }
        break;
      }
      case 'search': {
        const re = globToRegExp(req.pattern == null ? '*' : String(req.pattern));
        found = this.entries.filter((e) => re.test(e.input));
        if (req.unique) {
          const seen = new Set();
          found = found.reverse().filter((e) => !seen.has(e.input) && seen.add(e.input)).reverse();
        }
        if (Number.isInteger(req.n) && req.n > 0) found = found.slice(-req.n);
        break;
      }
      default:
        found = [];
    }
    return { status: 'ok', history: this.format(found, output) };
  }
}

module.exports = { History, globToRegExp, SESSION };
