/**
 * The kernel's pure parts, without a kernel: is_complete, the help syntax, history queries, result bundles, error
 * contents and cursor positions. Expected values: the Jupyter messaging specification 5.3 (is_complete statuses,
 * history tuples, cursor positions in Unicode code points), IPython's HistoryManager semantics (glob search,
 * unique, n) and Node's util.inspect for text/plain.
 */
import { strict as assert } from 'assert';
import * as path from 'path';
import { ROOT } from './helpers';

/* eslint-disable @typescript-eslint/no-require-imports */
const k = require(path.join(ROOT, 'kernel-setup', 'kernel', 'kernel.js'));
const { History, globToRegExp } = require(path.join(ROOT, 'kernel-setup', 'kernel', 'history.js'));
const api = require(path.join(ROOT, 'kernel-setup', 'kernel', 'api.js'));

describe('kernel parts: is_complete', () => {
  const status = (code: string) => k.isComplete(code).status;
  it('complete code, including declarations, top-level await and type assertions', () => {
    for (const c of ['1', 'const x = 1;', 'const r = await f();', 'x = <number>y', 'for await (const x of y) {}', '', '?Math.max']) {
      assert.equal(status(c), 'complete', c);
    }
  });
  it('incomplete: an open bracket, argument list, template literal, comment or operand; with the indent', () => {
    for (const c of ['function f() {', 'foo(', 'const xs = [1,', 'const s = `a\nb', '/* note', '1 +', 'a.']) {
      assert.equal(status(c), 'incomplete', c);
    }
    assert.equal(k.isComplete('if (a) {').indent, '  ');
  });
  it('invalid: a syntax error before the end, or an unterminated string', () => {
    for (const c of ['const = 1;', '1 +* 2', ')', 'let x = = 1;', "'abc", 'let x = = 1;\nfunction f() {']) {
      assert.equal(status(c), 'invalid', c);
    }
  });
  it('help syntax: ?name and name? on one line only', () => {
    assert.equal(k.helpTarget('?Math.max'), 'Math.max');
    assert.equal(k.helpTarget('core.rng?'), 'core.rng');
    assert.equal(k.helpTarget('a ? b : c'), null);
    assert.equal(k.helpTarget('x?\ny'), null);
  });
});

describe('kernel parts: history', () => {
  const h = new History();
  ['6*7', 'const a = 1;', '6*7', '"x"', '6 * 7'].forEach((code, i) => h.add(i + 1, code));
  h.setOutput(1, '42');
  it('tail: the last n, [session, line, input]', () => {
    assert.deepEqual(h.query({ hist_access_type: 'tail', n: 2, output: false }).history, [
      [1, 4, '"x"'],
      [1, 5, '6 * 7'],
    ]);
  });
  it('range: start ≤ line < stop of the current session (0 or 1)', () => {
    assert.deepEqual(h.query({ hist_access_type: 'range', session: 0, start: 2, stop: 4, output: false }).history.map((e: unknown[]) => e[1]), [2, 3]);
    assert.deepEqual(h.query({ hist_access_type: 'range', session: 7, start: 1, stop: 9, output: false }).history, []);
  });
  it('search: a glob over the whole input; unique keeps the last of each; n the last n', () => {
    const lines = (req: object) => h.query({ hist_access_type: 'search', output: false, ...req }).history.map((e: unknown[]) => e[1]);
    assert.deepEqual(lines({ pattern: '6*7' }), [1, 3, 5]); // '*' matches ' * ' too, as SQLite GLOB does
    assert.deepEqual(lines({ pattern: '6\\*7' }), []); // GLOB has no escapes: '\' is literal
    assert.deepEqual(lines({ pattern: '6[*]7' }), [1, 3]);
    assert.deepEqual(lines({ pattern: '6*7', unique: true }), [3, 5]);
    assert.deepEqual(lines({ pattern: '6*7', n: 2 }), [3, 5]);
    assert.deepEqual(lines({ pattern: '?x?' }), [4]);
  });
  it('output=true: [session, line, [input, output]]', () => {
    assert.deepEqual(h.query({ hist_access_type: 'range', start: 1, stop: 3, output: true }).history, [
      [1, 1, ['6*7', '42']],
      [1, 2, ['const a = 1;', null]],
    ]);
  });
  it('glob character classes: [!...] negates', () => {
    assert.equal(globToRegExp('[!a]b').test('cb'), true);
    assert.equal(globToRegExp('[!a]b').test('ab'), false);
  });
});

describe('kernel parts: results and errors', () => {
  it('plain values: util.inspect', async () => {
    assert.deepEqual(await k.toBundle(42), { 'text/plain': '42' });
    assert.deepEqual(await k.toBundle('s'), { 'text/plain': "'s'" });
    assert.deepEqual(await k.toBundle({ a: [1, 2] }), { 'text/plain': '{ a: [ 1, 2 ] }' });
  });
  it('Symbol.for("Jupyter.display") (exported by api.js as `display`): the bundle, bytes as base64, text/plain added', async () => {
    assert.equal(api.display, Symbol.for('Jupyter.display'));
    const png = new Uint8Array([137, 80, 78, 71]);
    const b = await k.toBundle({ [api.display]: () => ({ 'image/png': png }) });
    assert.equal(b['image/png'], Buffer.from(png).toString('base64'));
    assert.equal(typeof b['text/plain'], 'string');
  });
  it('an empty bundle falls back to text/plain', async () => {
    const b = await k.toBundle({ [api.display]: () => ({}) });
    assert.deepEqual(Object.keys(b), ['text/plain']);
  });
  it('error contents: Error subclasses, thrown non-errors, interrupts', () => {
    const e = k.errorContent(new TypeError('no'));
    assert.equal(e.ename, 'TypeError');
    assert.equal(e.evalue, 'no');
    assert.equal(e.traceback[0], 'TypeError: no');
    assert.ok(e.traceback.every((l: string) => !/kernel-setup[/\\]kernel/.test(l)), 'kernel frames are dropped');
    assert.deepEqual(k.errorContent(7), { ename: 'Uncaught', evalue: '7', traceback: ['Uncaught 7'] });
    const i = Object.assign(new Error('Script execution was interrupted by `SIGINT`'), { code: 'ERR_SCRIPT_EXECUTION_INTERRUPTED' });
    assert.equal(k.errorContent(i).ename, 'Interrupted');
  });
  it('cursor positions: Unicode code points ↔ UTF-16 offsets', () => {
    const s = 'a𝒳b'; // 𝒳 is two UTF-16 units
    assert.equal(k.codePointsToUtf16(s, 2), 3);
    assert.equal(k.utf16ToCodePoints(s, 3), 2);
    assert.equal(k.codePointsToUtf16(s, 3), 4);
  });
  it('api.clearOutput outside a kernel does nothing', () => {
    assert.equal(api.inKernel(), false);
    assert.doesNotThrow(() => api.clearOutput());
  });
});
