/**
 * IPython's convention in the dgmlab kernel (kernel-setup/semicolon.js): a trailing semicolon on a cell's last
 * expression hides its result, so `exercises.check(...);` shows its card and not also `true`.
 * Expected behaviour: IPython's documented display rule (a trailing ';' suppresses the output of the last expression).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { formatFailures, ROOT, runNotebook } from '../notebooks/helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { endsWithSemicolon } = require(path.join(ROOT, 'kernel-setup', 'kernel', 'semicolon.js'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ts = require(require.resolve('@tslab/typescript-for-tslab', { paths: [path.dirname(require.resolve('tslab/package.json'))] }));
const ends = (code: string): boolean => endsWithSemicolon(code, ts);

describe('kernel: a trailing semicolon hides the result (IPython convention)', function () {
  it('detects the semicolon on the last expression statement only', () => {
    assert.equal(ends('6*7'), false);
    assert.equal(ends('6*7;'), true);
    assert.equal(ends('6*7 ;  // note\n'), true);
    assert.equal(ends("check('a', 1);"), true);
    assert.equal(ends("const s = ';';\ns"), false);
    assert.equal(ends("'a;' // b;"), false);
    assert.equal(ends('`x ${1};`'), false);
    assert.equal(ends('const x = 1;'), false); // a declaration has no result anyway
    assert.equal(ends(''), false);
  });

  it('in the kernel: results are shown without the semicolon and hidden with it', async function () {
    this.timeout(120000);
    const out = path.join(ROOT, 'test-output', 'kernel', 'semicolon.ipynb');
    const r = await runNotebook(path.join('tests', 'fixtures', 'notebooks', 'kernel', 'semicolon.ipynb'), { out });
    assert.ok(r.ok, formatFailures(r));
    const cells = JSON.parse(fs.readFileSync(out, 'utf8')).cells.filter((c: { cell_type: string }) => c.cell_type === 'code');
    const results = cells.map((c: { outputs: { output_type: string; data?: Record<string, string> }[] }) =>
      c.outputs.filter((o) => o.output_type === 'execute_result').map((o) => String(o.data?.['text/plain'] ?? '')),
    );
    assert.deepEqual(results, [['42'], [], ["'a;b;'"], []]);
  });
});
