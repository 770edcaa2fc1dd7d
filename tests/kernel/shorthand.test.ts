/**
 * The kernel's work-around for tslab 1.0.22's shorthand-property bug (kernel-setup/kernel/shorthand.js):
 * `{ a }` naming a variable of an earlier cell must work. Expected values: JavaScript's own semantics
 * (`{ a }` ≡ `{ a: a }`), checked by evaluating both forms.
 */
import { strict as assert } from 'assert';
import * as path from 'path';
import { formatFailures, ROOT, runNotebook } from '../notebooks/helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { expandShorthandProperties } = require(path.join(ROOT, 'kernel-setup', 'kernel', 'shorthand.js'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ts = require(require.resolve('@tslab/typescript-for-tslab', { paths: [path.dirname(require.resolve('tslab/package.json'))] }));
const expand = (code: string): string => expandShorthandProperties(code, ts);

describe('kernel: shorthand properties (tslab converter work-around)', function () {
  it('expands shorthand properties of object literals, including nested and destructuring assignments', () => {
    assert.equal(expand('const o = { a, b: 1, c };'), 'const o = { a: a, b: 1, c: c };');
    assert.equal(expand('f({ x, y: { z } });'), 'f({ x: x, y: { z: z } });');
    assert.equal(expand('({ a = 5 } = o);'), '({ a: a = 5 } = o);');
  });

  it('leaves everything else alone: declarations, binding patterns, strings, comments, classes', () => {
    for (const code of ['const { a, b } = o;', "const s = '{ a }';", '// { a }\nlet x = 1;', 'class C { m() { return 1; } }', 'function f({ a }: { a: number }) { return a; }']) {
      assert.equal(expand(code), code);
    }
  });

  it('the long form evaluates to the same object as the short form', () => {
    const a = 1;
    const c = 'x';
    // eslint-disable-next-line no-eval
    assert.deepEqual(eval(expand('({ a, b: 2, c })')), { a, b: 2, c });
  });

  it('in the kernel, a shorthand property naming an earlier cell\'s variable works', async function () {
    this.timeout(120000);
    const r = await runNotebook(path.join('tests', 'fixtures', 'notebooks', 'kernel', 'shorthand.ipynb'));
    assert.ok(r.ok, formatFailures(r));
  });
});
