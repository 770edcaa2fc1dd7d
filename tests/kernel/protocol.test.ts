/**
 * The dgmlab kernel through the Jupyter protocol (jupyter_client's KernelManager, tests/kernel/driver.py):
 * rich results, errors as nbclient needs them, the behaviours notebooks rely on, interrupts and restarts.
 * Expected values: the Jupyter messaging specification 5.3 (message types and fields), Deno's display convention
 * (`[Symbol.for("Jupyter.display")]()` → the MIME bundle of an execute_result), and Node's util.inspect for
 * text/plain (the reference implementation of the plain representation).
 */
import { strict as assert } from 'assert';
import * as path from 'path';
import { outputsOf, ROOT, runPlan, StepRecord } from './helpers';

const FIGURE = `import { display } from 'dgmlab/kernel-setup/kernel/api';
class Figure {
  constructor(readonly title: string) {}
  [display]() {
    return { 'text/html': '<div class="fig">' + this.title + '</div>', 'text/plain': 'Figure(' + this.title + ')' };
  }
}
new Figure('density')`;

describe('kernel: results, errors and notebook behaviours through the protocol', function () {
  this.timeout(240000);
  let steps: StepRecord[];
  before(async function () {
    steps = await runPlan({
      cwd: path.join(ROOT, 'notebooks'),
      steps: [
        /* 0 */ { op: 'kernel_info' },
        /* 1 */ { op: 'execute', code: FIGURE },
        /* 2 */ { op: 'execute', code: "({ async [Symbol.for('Jupyter.display')]() { return { 'text/markdown': '**m**' }; } })" },
        /* 3 */ { op: 'execute', code: "console.log('before');\n6*7" },
        /* 4 */ { op: 'execute', code: 'const unit = 1;' },
        /* 5 */ { op: 'execute', code: "import { core, version } from 'dgmlab';\nconst v = await Promise.resolve(core.logSumExp([0, 0]));\nv" },
        /* 6 */ { op: 'execute', code: "import * as tslab from 'tslab';\nconst d = tslab.newDisplay();\nd.html('<i>1</i>');\nd.html('<i>2</i>');\ntslab.display.text('t');" },
        /* 7 */ {
          op: 'execute',
          code: "require('tslab/dist/jupyter').lastWriteDisplayData({ data: { 'text/html': '<p>b</p>', 'text/plain': 'b' }, metadata: {}, transient: {} }, false);",
        },
        /* 8 */ { op: 'execute', code: "import { clearOutput } from 'dgmlab/kernel-setup/kernel/api';\nclearOutput();\nclearOutput(true);" },
        /* 9 */ { op: 'execute', code: "throw new RangeError('bad sigma');" },
        /* 10 */ { op: 'execute', code: "const n: number = 'x';" },
        // sent at once: while the first cell awaits, the kernel reads the two others
        /* 11 */ { op: 'queue', codes: ["await new Promise((r) => setTimeout(r, 300));\nthrow new Error('first');", '1', '2'] },
        /* 12 */ { op: 'execute', code: '3' },
        /* 13 */ { op: 'execute', code: "console.log('quiet'); 5", silent: true },
        /* 14 */ { op: 'execute', code: '6*7' },
        /* 15 */ { op: 'history', hist_access_type: 'tail', n: 1, output: true, raw: true },
        /* 16 */ { op: 'execute', code: "throw 'a string';" },
        /* 17 */ { op: 'nbclient', cells: ['1+1', "throw new Error('nb');", '3'] },
        // sent at once: while the first cell runs synchronously, the two others wait unread in the socket
        /* 18 */ { op: 'queue', codes: ["const t0 = Date.now();\nwhile (Date.now() - t0 < 300) {}\nthrow new Error('again');", '1', '2'] },
        /* 19 */ { op: 'execute', code: '4' },
        /* 20 */ { op: 'execute', code: "({ [Symbol.for('Jupyter.display')]() { const o: any = {}; o.self = o; return { 'application/json': o }; } })" },
        /* 21 */ { op: 'execute', code: '6*7' },
      ],
    });
  });

  it('a figure-like object (Symbol.for("Jupyter.display")) as the last expression arrives as an execute_result with text/html and text/plain', () => {
    const [res] = outputsOf(steps[1], 'execute_result');
    assert.ok(res, JSON.stringify(steps[1]));
    assert.equal(res.content.data['text/html'], '<div class="fig">density</div>');
    assert.equal(res.content.data['text/plain'], 'Figure(density)');
    assert.equal(res.content.execution_count, steps[1].reply!.execution_count);
    assert.equal(outputsOf(steps[1], 'stream').length, 0, 'the value is not printed any more');
  });

  it('an async display method is awaited; a bundle without text/plain gets one', () => {
    const [res] = outputsOf(steps[2], 'execute_result');
    assert.equal(res.content.data['text/markdown'], '**m**');
    assert.equal(typeof res.content.data['text/plain'], 'string');
  });

  it('plain values: text/plain as util.inspect shows them, after the stdout of the cell; no result for declarations', () => {
    const types = (steps[3].outputs as { msg_type: string }[]).map((o) => o.msg_type);
    assert.deepEqual(types, ['execute_input', 'stream', 'execute_result']);
    assert.equal(outputsOf(steps[3], 'execute_result')[0].content.data['text/plain'], '42');
    assert.equal(outputsOf(steps[4], 'execute_result').length, 0);
  });

  it("`import { core } from 'dgmlab'` from notebooks/ and top-level await work", () => {
    assert.equal(steps[5].reply!.status, 'ok', JSON.stringify(steps[5]));
    // logSumExp([0, 0]) = log 2 (closed form)
    assert.equal(outputsOf(steps[5], 'execute_result')[0].content.data['text/plain'], String(Math.log(2)));
  });

  it('tslab.newDisplay redraws in place (display_data, then update_display_data with the same display_id); tslab.display works', () => {
    const shown = outputsOf(steps[6], 'display_data');
    const updated = outputsOf(steps[6], 'update_display_data');
    assert.equal(shown[0].content.data['text/html'], '<i>1</i>');
    assert.equal(updated[0].content.data['text/html'], '<i>2</i>');
    assert.equal(updated[0].content.transient.display_id, shown[0].content.transient.display_id);
    assert.equal(shown[1].content.data['text/plain'], 't');
  });

  it("require('tslab/dist/jupyter').lastWriteDisplayData (src/display/emit.ts's hook) sends a multi-MIME display_data", () => {
    const [d] = outputsOf(steps[7], 'display_data');
    assert.deepEqual(d.content.data, { 'text/html': '<p>b</p>', 'text/plain': 'b' });
  });

  it('clearOutput() sends clear_output (wait false, then true)', () => {
    assert.deepEqual(
      outputsOf(steps[8], 'clear_output').map((o) => o.content.wait),
      [false, true],
    );
  });

  it('an exception: an error message and an error reply with ename, evalue and traceback, nothing on stderr', () => {
    const reply = steps[9].reply!;
    assert.equal(reply.status, 'error');
    assert.equal(reply.ename, 'RangeError');
    assert.equal(reply.evalue, 'bad sigma');
    assert.ok(reply.traceback.some((l: string) => l.includes('RangeError: bad sigma')), reply.traceback.join('\n'));
    const [err] = outputsOf(steps[9], 'error');
    assert.deepEqual(err.content, { ename: reply.ename, evalue: reply.evalue, traceback: reply.traceback });
    assert.equal(outputsOf(steps[9], 'stream').length, 0);
  });

  it('a compile error is an error too (CompileError with the diagnostic), not stderr text', () => {
    const reply = steps[10].reply!;
    assert.equal(reply.status, 'error');
    assert.equal(reply.ename, 'CompileError');
    assert.match(reply.evalue, /1:7 - Type 'string' is not assignable to type 'number'/);
    assert.equal(outputsOf(steps[10], 'error').length, 1);
    assert.equal(outputsOf(steps[10], 'stream').length, 0);
  });

  it('a display bundle that is not JSON (a cycle) is an error of the cell, and the kernel goes on', () => {
    assert.equal(steps[20].reply!.status, 'error');
    assert.equal(steps[20].reply!.ename, 'TypeError');
    assert.match(steps[20].reply!.evalue, /circular/);
    assert.equal(outputsOf(steps[21], 'execute_result')[0].content.data['text/plain'], '42');
  });

  it('a thrown non-Error value is reported too', () => {
    assert.equal(steps[16].reply!.status, 'error');
    assert.equal(steps[16].reply!.evalue, "'a string'");
  });

  it('after an error, the requests sent before it are aborted (stop_on_error), read or not yet; the next one runs', () => {
    for (const [queued, next, value] of [[11, 12, '3'], [18, 19, '4']] as const) {
      assert.deepEqual(
        steps[queued].replies!.map((r) => r.status),
        ['error', 'aborted', 'aborted'],
      );
      assert.equal(steps[next].reply!.status, 'ok');
      assert.equal(outputsOf(steps[next], 'execute_result')[0].content.data['text/plain'], value);
    }
  });

  it('silent execution publishes no execute_input / execute_result and does not count', () => {
    assert.equal(outputsOf(steps[13], 'execute_input').length, 0);
    assert.equal(outputsOf(steps[13], 'execute_result').length, 0);
    assert.equal(steps[14].reply!.execution_count, steps[12].reply!.execution_count + 1);
  });

  it('history with output: [session, line, [input, text/plain of the result]]', () => {
    const h = steps[15].reply!.history;
    assert.equal(h.length, 1);
    assert.deepEqual(h[0].slice(1), [steps[14].reply!.execution_count, ['6*7', '42']]);
  });

  it('kernel_info names TypeScript and the protocol version 5.3', () => {
    const info = steps[0].reply!;
    assert.equal(info.status, 'ok');
    assert.equal(info.protocol_version, '5.3');
    assert.equal(info.language_info.name, 'typescript');
    assert.equal(info.language_info.file_extension, '.ts');
  });

  it('nbclient raises CellExecutionError at a throwing cell, with the error output in the notebook', () => {
    const rec = steps[17];
    assert.equal(rec.raised, 'CellExecutionError');
    const outs = rec.outputs as any[][];
    assert.equal(outs[0][0].output_type, 'execute_result');
    assert.equal(outs[0][0].data['text/plain'], '2');
    assert.equal(outs[1][0].output_type, 'error');
    assert.equal(outs[1][0].ename, 'Error');
    assert.deepEqual(outs[2], []);
  });
});

const SPIN = 'let spins = 0;\nwhile (true) { spins++; }';
const SPIN_AFTER_AWAIT = "await new Promise((r) => setTimeout(r, 50));\nlet spun = 0;\nwhile (true) { spun++; }";

function assertInterrupted(rec: StepRecord, within: number) {
  assert.equal(rec.reply?.status, 'error', JSON.stringify(rec));
  assert.equal(rec.reply!.ename, 'Interrupted');
  assert.equal(outputsOf(rec, 'error').length, 1);
  assert.ok(rec.seconds! < within, `the interrupt took ${rec.seconds} s`);
}
function assert42(rec: StepRecord) {
  assert.equal(rec.reply?.status, 'ok', JSON.stringify(rec));
  assert.equal(outputsOf(rec, 'execute_result')[0].content.data['text/plain'], '42');
}

describe('kernel: interrupt and restart through the protocol (interrupt_request, as the kernelspec says)', function () {
  this.timeout(240000);
  let steps: StepRecord[];
  before(async function () {
    steps = await runPlan({
      steps: [
        /* 0 */ { op: 'execute', code: SPIN, interrupt_after: 1.5, timeout: 20 },
        /* 1 */ { op: 'execute', code: '6*7' },
        /* 2 */ { op: 'execute', code: 'await new Promise(() => {});', interrupt_after: 1, timeout: 20 },
        /* 3 */ { op: 'execute', code: '6*7' },
        /* 4 */ { op: 'execute', code: SPIN_AFTER_AWAIT, interrupt_after: 1.5, timeout: 20 },
        /* 5 */ { op: 'execute', code: '6*7' },
        /* 6 */ { op: 'interrupt_request' },
        /* 7 */ { op: 'execute', code: '(globalThis as any).kept = 1;\n6*7' },
        /* 8 */ { op: 'restart' },
        /* 9 */ { op: 'execute', code: 'typeof (globalThis as any).kept' },
        /* 10 */ { op: 'execute', code: 'while (true) {}', background: true, wait: 1 },
        /* 11 */ { op: 'heartbeat', seconds: 3 },
        /* 12 */ { op: 'restart' },
        /* 13 */ { op: 'execute', code: '6*7' },
      ],
    });
  });

  it('a synchronous runaway loop (`while (true)`) is stopped and the kernel is usable afterwards', () => {
    assertInterrupted(steps[0], 10);
    assert42(steps[1]);
  });

  it('a cell waiting on a promise that never settles is stopped', () => {
    assertInterrupted(steps[2], 10);
    assert42(steps[3]);
  });

  it('a synchronous loop after an `await` in the cell is stopped too', () => {
    assertInterrupted(steps[4], 10);
    assert42(steps[5]);
  });

  it('an interrupt_request while idle is answered and harmless', () => {
    assert.equal(steps[6].reply!.status, 'ok');
    assert42(steps[7]);
  });

  it('restart: a new kernel process with fresh state and execution count', () => {
    assert.equal(steps[8].alive, true);
    assert.equal(outputsOf(steps[9], 'execute_result')[0].content.data['text/plain'], "'undefined'");
    assert.equal(steps[9].reply!.execution_count, 1);
  });

  it('the heartbeat answers while a cell keeps the main thread busy', () => {
    assert.equal(steps[11].beating, true);
  });

  it('restart while a runaway loop runs', () => {
    assert.equal(steps[12].alive, true);
    assert42(steps[13]);
    assert.equal(steps[13].reply!.execution_count, 1);
  });
});

describe('kernel: interrupt by SIGINT (interrupt_mode "signal" clients, Ctrl-C)', function () {
  this.timeout(180000);
  let steps: StepRecord[];
  before(async function () {
    steps = await runPlan({
      interrupt_mode: 'signal',
      steps: [
        // SIGINT is handled by JavaScript when the main thread is free, or by vm while the cell's code runs; one
        // that arrives while the compiler is starting or compiling the first cell is lost (as with tslab): warm up first,
        // with a cell the first-cell compile cache cannot answer (it would leave the compiler's start to the next cell).
        { op: 'execute', code: `1 // warm-up ${process.pid}-${Date.now()}` },
        { op: 'execute', code: SPIN, interrupt_after: 1.5, timeout: 20 },
        { op: 'execute', code: 'await new Promise(() => {});', interrupt_after: 1, timeout: 20 },
        { op: 'execute', code: '6*7' },
      ],
    });
  });

  it('SIGINT stops a synchronous loop and a pending await; the kernel is usable afterwards', () => {
    assertInterrupted(steps[1], 10);
    assertInterrupted(steps[2], 10);
    assert42(steps[3]);
  });
});
