/**
 * The Jupyter kernel conformance suite (Debian's python3-jupyter-kernel-test, the Jupyter project's
 * jupyter_kernel_test) against the `dgmlab` kernelspec, with a sample for every feature it can test.
 *
 * Reference implementation: the suite itself (a unittest subclass of jupyter_kernel_test.KernelTests, run by
 * tests/kernel/conformance.py with /usr/bin/python3). Every test_* method of the installed suite must pass; a
 * skipped test (a feature without a sample, or a sub-test that skips) fails here.
 *
 * Measured on this machine (suite 0.4.5, 12 tests): stock tslab 1.0.22 — 5 pass, 2 fail, 5 error (kernel_info,
 * error, history, pager, clear_output error; execute_result, is_complete fail); the dgmlab kernel — 12 pass.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { jupyterEnv, PYTHON, runPython } from './helpers';

/** The feature samples: attributes of jupyter_kernel_test.KernelTests (see its source for each test's use). */
export const SAMPLES = {
  // test_kernel_info
  language_name: 'typescript',
  file_extension: '.ts',
  // test_execute_stdout / test_execute_stderr
  code_hello_world: "console.log('hello, world');",
  code_stderr: "console.error('a warning on stderr');",
  // test_completion (the matches are exact sets)
  completion_samples: [
    { text: 'Math.PI.toFix', matches: ['toFixed'] },
    { text: 'const zebraAlpha = 1, zebraBeta = 2;\nzebraA', matches: ['zebraAlpha'] },
    { text: 'Math.ma' },
  ],
  // test_is_complete
  complete_code_samples: ['1', 'const x = 1;', 'function f(a: number) {\n  return a + 1;\n}', 'for (let i = 0; i < 3; i++) {}'],
  incomplete_code_samples: ['function f(a: number) {', 'const xs = [1, 2,', 'if (true) {\n  console.log(1);', 'const s = `a multi-line\ntemplate'],
  invalid_code_samples: ['const = 1;', '1 +* 2', ')', 'let x = = 1;'],
  // test_pager: IPython's help syntax `?name` puts the quick info of name on the pager
  code_page_something: '?Math.max',
  // test_error
  code_generate_error: "throw new Error('boom');",
  // test_execute_result (and test_history, which re-runs these codes)
  code_execute_result: [
    { code: '6*7', result: '42' },
    { code: "'dgm' + 'lab'", result: "'dgmlab'" },
    { code: '[1, 2, 3].map((x) => x * 2)', result: '[ 2, 4, 6 ]' },
    {
      code: "({ [Symbol.for('Jupyter.display')]() { return { 'text/html': '<b>rich</b>', 'text/plain': 'rich' }; } })",
      mime: 'text/html',
      result: '<b>rich</b>',
    },
  ],
  // test_display_data
  code_display_data: [
    { code: "import * as tslab from 'tslab';\ntslab.display.html('<b>hi</b>');", mime: 'text/html' },
    { code: "import * as tslab from 'tslab';\ntslab.display.markdown('**hi**');", mime: 'text/markdown' },
  ],
  // test_history: a glob that matches exactly one distinct input of code_execute_result
  code_history_pattern: '6*7',
  supported_history_operations: ['tail', 'range', 'search'],
  // test_inspect
  code_inspect_sample: 'Math.max',
  // test_clear_output
  code_clear_output: "import { clearOutput } from 'dgmlab/kernel-setup/kernel/api';\nclearOutput();",
};

interface Outcome {
  name: string;
  outcome: 'pass' | 'fail' | 'error' | 'skip';
  message: string;
}

/** The test_* methods of the installed suite (read from the class, so a newer suite's tests are required too). */
function suiteTests(): string[] {
  const r = spawnSync(
    PYTHON,
    ['-c', 'import json, jupyter_kernel_test as j; print(json.dumps(sorted(n for n in dir(j.KernelTests) if n.startswith("test_"))))'],
    { encoding: 'utf8', env: jupyterEnv() },
  );
  if (r.status !== 0) return ['jupyter_kernel_test is not importable: ' + r.stderr.trim()];
  return JSON.parse(r.stdout.trim());
}

describe('kernel: the Jupyter conformance suite (jupyter_kernel_test) passes on the dgmlab kernelspec', function () {
  this.timeout(400000);
  const names = suiteTests();
  let result: Promise<{ version: string; tests: Outcome[] }>;

  before(function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-conformance-'));
    const file = path.join(dir, 'samples.json');
    fs.writeFileSync(file, JSON.stringify(SAMPLES));
    result = runPython([path.join(__dirname, 'conformance.py'), file, '--kernel', 'dgmlab'], 380000).finally(() =>
      fs.rmSync(dir, { recursive: true, force: true }),
    );
    result.catch(() => undefined); // reported by each test
  });

  it('the installed suite has the tests this file provides samples for', () => {
    assert.ok(names.length >= 12, `expected at least the 12 tests of jupyter_kernel_test 0.4.5, got ${JSON.stringify(names)}`);
  });

  for (const name of names) {
    it(`${name} passes (not skipped)`, async () => {
      const r = await result;
      const t = r.tests.find((x) => x.name === name);
      assert.ok(t, `${name} did not report`);
      assert.equal(t.outcome, 'pass', `${name}: ${t.outcome}\n${t.message}`);
    });
  }

  it('nothing else failed (setUpClass, tearDownClass)', async () => {
    const r = await result;
    const other = r.tests.filter((t) => !names.includes(t.name));
    assert.deepEqual(other, []);
  });
});
