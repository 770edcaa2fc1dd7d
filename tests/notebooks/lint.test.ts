/**
 * Notebook lint (kernel-setup/nbtool.py lint): valid nbformat 4.5 (validated with nbformat), cell ids, outputs
 * cleared, kernelspec `dgmlab`, a title cell with a source citation — for every notebook under notebooks/ and
 * the test fixtures. The rules themselves are tested on deliberately broken notebooks.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findNotebooks, ROOT } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jupyterPython } = require(path.join(ROOT, 'kernel-setup', 'python.js')) as { jupyterPython(): string };
const NBTOOL = path.join(ROOT, 'kernel-setup', 'nbtool.py');

function lint(paths: string[]): Record<string, string[]> {
  const r = spawnSync(jupyterPython(), [NBTOOL, 'lint', '--json', ...paths], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`nbtool lint crashed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('notebooks: lint', function () {
  this.timeout(60000);
  const notebooks = [...findNotebooks(path.join(ROOT, 'notebooks')), ...findNotebooks(path.join(ROOT, 'tests', 'fixtures', 'notebooks'))];

  it('there is a course home page', () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'notebooks', 'index.ipynb')));
  });

  it(`every notebook follows the rules (${notebooks.length} notebooks)`, () => {
    const report = lint(notebooks);
    const problems = Object.entries(report).flatMap(([p, probs]) => probs.map((x) => `${path.relative(ROOT, p)}: ${x}`));
    assert.deepEqual(problems, []);
  });

  it('catches each rule on a broken notebook', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-lint-'));
    const good = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'notebooks', 'ok.ipynb'), 'utf8'));
    const variants: Record<string, (nb: any) => void> = {
      'kernelspec name must be': (nb) => (nb.metadata.kernelspec.name = 'python3'),
      'has no id': (nb) => delete nb.cells[1].id,
      'has outputs': (nb) => (nb.cells[1].outputs = [{ output_type: 'stream', name: 'stdout', text: 'x' }]),
      'has an execution count': (nb) => (nb.cells[1].execution_count = 3),
      "start with a '# ' title": (nb) => (nb.cells[0].source = 'No title\n\nSource: x'),
      'must cite its source': (nb) => (nb.cells[0].source = '# Title only'),
      'first cell must be a markdown': (nb) => nb.cells.shift(),
      'nbformat must be 4.5': (nb) => (nb.nbformat_minor = 4),
    };
    const files: Record<string, string> = {};
    for (const [expect, mutate] of Object.entries(variants)) {
      const nb = JSON.parse(JSON.stringify(good));
      mutate(nb);
      const f = path.join(dir, `${Object.keys(files).length}.ipynb`);
      fs.writeFileSync(f, JSON.stringify(nb));
      files[expect] = f;
    }
    const report = lint(Object.values(files));
    for (const [expect, f] of Object.entries(files)) {
      assert.ok(report[f].some((p) => p.includes(expect)), `expected a problem containing "${expect}", got ${JSON.stringify(report[f])}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
