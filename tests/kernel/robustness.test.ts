/**
 * No message can wedge the kernel (issue #24 point 3), and is_complete agrees with the compiler (issue #25 point 8),
 * both through the Jupyter protocol (jupyter_client, tests/kernel/driver.py).
 * Expected values: the messaging specification 5.3 (a message's header is a dict with a msg_type; malformed or
 * badly signed messages are dropped, as ipykernel does) and the TypeScript compiler's own verdict on each cell (an
 * execute_request of the same code: a CompileError exactly when is_complete says "invalid").
 */
import { strict as assert } from 'assert';
import { outputsOf, runPlan, StepRecord } from './helpers';

const HEADER = (msgType: unknown) => ({ msg_id: 'x-1', session: 's', username: 'u', date: new Date().toISOString(), msg_type: msgType, version: '5.3' });

/** Malformed but correctly signed messages (and badly signed ones), each followed by a cell that must run. */
const BAD: { what: string; parts: unknown[]; signature?: 'good' | 'forged' | 'empty'; channel?: 'shell' | 'control' }[] = [
  { what: 'a null header', parts: [null, {}, {}, {}] },
  { what: 'a header without msg_type', parts: [{ msg_id: 'x' }, {}, {}, {}] },
  { what: 'a numeric msg_type', parts: [HEADER(7), {}, {}, {}] },
  { what: 'a null content', parts: [HEADER('execute_request'), {}, {}, null] },
  { what: 'an array content', parts: [HEADER('execute_request'), {}, {}, [1]] },
  { what: 'a null parent header', parts: [HEADER('kernel_info_request'), null, {}, {}] },
  { what: 'a string header', parts: ['execute_request', {}, {}, {}] },
  { what: 'a content whose code is not a string', parts: [HEADER('execute_request'), {}, {}, { code: { toString: 1 } }] },
  { what: 'an is_complete content without code', parts: [HEADER('is_complete_request'), {}, {}, {}] },
  { what: 'a null header on the control channel', parts: [null, {}, {}, {}], channel: 'control' },
  { what: 'a content-less interrupt on the control channel', parts: [HEADER('interrupt_request'), {}, {}, null], channel: 'control' },
  { what: 'a forged signature', parts: [HEADER('shutdown_request'), {}, {}, {}], signature: 'forged', channel: 'control' },
  { what: 'an empty signature', parts: [HEADER('shutdown_request'), {}, {}, {}], signature: 'empty', channel: 'control' },
];

/** Cells is_complete must judge as the compiler does. */
const CELLS = ['let = 5;', 'let yield = 1;', 'with (Math) { max(1, 2); }', 'var arguments = 1;', '0777', 'const ok = 6 * 7;\nok', 'const r = await Promise.resolve(1);\nr', 'for await (const x of [1]) { x; }'];

describe('kernel: no single message can wedge it (issue #24 point 3)', function () {
  this.timeout(240000);
  let steps: StepRecord[];
  before(async function () {
    const plan: Parameters<typeof runPlan>[0]['steps'] = [{ op: 'execute', code: '1' }];
    for (const b of BAD) plan.push({ op: 'raw', channel: b.channel, parts: b.parts, signature: b.signature ?? 'good' }, { op: 'execute', code: '6*7' });
    plan.push({ op: 'kernel_info' }, { op: 'heartbeat', seconds: 2 }, { op: 'interrupt_request' });
    for (const c of CELLS) plan.push({ op: 'is_complete', code: c }, { op: 'execute', code: c, stop_on_error: false });
    steps = await runPlan({ steps: plan });
  });

  BAD.forEach((b, i) => {
    it(`after ${b.what}, the next cell still runs`, () => {
      const rec = steps[2 + 2 * i];
      assert.equal(rec.reply?.status, 'ok', JSON.stringify(rec));
      assert.equal(outputsOf(rec, 'execute_result')[0].content.data['text/plain'], '42');
    });
  });

  it('the shell, heartbeat and control channels all answer afterwards', () => {
    const at = 1 + 2 * BAD.length;
    assert.equal(steps[at].reply?.status, 'ok');
    assert.equal(steps[at + 1].beating, true);
    assert.equal(steps[at + 2].reply?.status, 'ok');
  });

  it('is_complete agrees with the compiler: "invalid" exactly for the cells execute rejects as a compile error (let = 5; …)', () => {
    const at = 4 + 2 * BAD.length;
    const verdicts = CELLS.map((c, i) => {
      const isc = steps[at + 2 * i].reply!;
      const ex = steps[at + 2 * i + 1].reply!;
      return { c, isComplete: isc.status, execute: ex.status === 'error' && ex.ename === 'CompileError' ? 'compile-error' : ex.status };
    });
    for (const v of verdicts) assert.equal(v.isComplete === 'invalid', v.execute === 'compile-error', JSON.stringify(verdicts, null, 1));
    assert.equal(verdicts[0].isComplete, 'invalid', 'let = 5;');
    assert.equal(verdicts[5].isComplete, 'complete');
  });
});
