'use strict';
/**
 * The control channel and the heartbeat, served by a worker thread so that they answer while a cell keeps the
 * main thread busy (as ipykernel's own threads do).
 *
 * interrupt_request (the kernelspec's interrupt_mode is "message"):
 *   1. the main thread is told (postMessage) → tslab's executor.interrupt() rejects a cell waiting on a promise;
 *   2. if a cell is running and the main thread does not answer within ANSWER_MS, it is in synchronous code. The
 *      worker pauses it through the inspector (Debugger.pause) to see where:
 *      - inside the synchronous part of a cell (tslab runs it with vm's breakOnSigint): SIGINT to this process,
 *        which vm turns into an exception in the cell;
 *      - in code that a cell's `await` resumed (a microtask whose outermost frame is cell or library code):
 *        Runtime.terminateExecution ends that JavaScript; step 1 then fails the cell with "Interrupted";
 *      - anywhere else (the compiler, the kernel's own code, a timer callback): left alone, tried again shortly,
 *        as long as the cell runs (an interrupt during the compilation stops the cell's code when it starts).
 * shutdown_request: replied here, then the main thread exits (or is terminated if it does not within 2 s).
 * kernel_info_request: replied here with the main thread's kernel_info.
 */
const { parentPort, workerData } = require('worker_threads');
const fs = require('fs');
const inspector = require('inspector');
const { Wire } = require('./wire');
const { watchParent } = require('./parent');

const ANSWER_MS = 300; // the main thread answers within this when it is not running synchronous code
const RETRY_MS = 100;
const PENDING_MS = 10000;
const GIVE_UP_MS = 120000;
const log = (m) => fs.writeSync(2, `dgmlab kernel (control): ${m}\n`);
const debug = process.env.DGMLAB_KERNEL_DEBUG ? log : () => {};

const running = new Int32Array(workerData.running); // 1 while a cell executes (set by the main thread)
const wire = new Wire(workerData.connectionFile, workerData.session);
const acks = new Map();
const ignored = new Set();
let seq = 0;
let breaking = false; // an interrupt is pausing / breaking the main thread

parentPort.on('message', (m) => {
  if (m && m.type === 'ack' && acks.has(m.id)) acks.get(m.id)();
  if (m && m.type === 'close') {
    // Before the process exits: an open socket or inspector session in a thread would make the exit hang or crash.
    disconnectInspector();
    wire.close();
    parentPort.postMessage({ type: 'closed' });
  }
});

function askMain(id) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      acks.delete(id);
      resolve(false);
    }, ANSWER_MS);
    acks.set(id, () => {
      clearTimeout(timer);
      acks.delete(id);
      resolve(true);
    });
    parentPort.postMessage({ type: 'interrupt', id });
  });
}

let session = null;
const scriptUrls = new Map();
function post(method, params = {}) {
  return new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
}
function connectInspector() {
  if (session) return;
  session = new inspector.Session();
  session.connectToMainThread();
  session.on('Debugger.scriptParsed', (ev) => scriptUrls.set(ev.params.scriptId, ev.params.url));
}

function disconnectInspector() {
  if (!session) return;
  session.disconnect();
  session = null;
  scriptUrls.clear();
}

/** Code of the kernel's machinery (never terminated): Node's internals, tslab, TypeScript, this folder. */
function isMachinery(url) {
  return !url || url.startsWith('node:') || /[/\\](tslab[/\\]dist|@tslab[/\\]typescript-for-tslab|kernel-setup[/\\]kernel)[/\\]/.test(url);
}

/** Pause the main thread, look at its stack, break it if it is a cell's; true when broken. */
async function breakMain() {
  const paused = new Promise((resolve) => session.once('Debugger.paused', (ev) => resolve(ev.params.callFrames)));
  await post('Debugger.pause');
  const frames = await paused;
  const urls = frames.map((f) => scriptUrls.get(f.location.scriptId) || '');
  const inVm = frames.some((f, i) => f.functionName === 'runInThisContext' && urls[i] === 'node:vm');
  debug(`paused: ${frames.map((f, i) => `${f.functionName}@${urls[i]}`).join(' < ')}`);
  if (inVm) {
    await post('Debugger.resume');
    process.kill(process.pid, 'SIGINT');
    return true;
  }
  if (!isMachinery(urls[urls.length - 1])) {
    post('Runtime.terminateExecution').catch(() => {});
    await post('Debugger.resume');
    return true;
  }
  await post('Debugger.resume');
  return false;
}

async function interrupt() {
  const id = ++seq;
  const answered = await askMain(id);
  debug(`interrupt ${id}: main thread ${answered ? 'answered' : 'busy'}; cell running: ${Atomics.load(running, 0)}`);
  if (answered || breaking) return; // the main thread was free (the executor got it), or already being broken
  breaking = true;
  // The main thread is busy: with a cell, or with what comes before it (the compiler's warm-up, reading the
  // request). Wait a moment for the cell; then, while it is compiled (machinery), try again until the cell's own
  // code runs, or the cell ends.
  for (const start = Date.now(); Atomics.load(running, 0) === 0 && Date.now() - start < PENDING_MS; ) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const until = Date.now() + GIVE_UP_MS;
  try {
    connectInspector();
    await post('Debugger.enable');
    while (Atomics.load(running, 0) === 1 && Date.now() < until) {
      if (await breakMain()) return;
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  } catch (e) {
    log(`could not interrupt: ${e && e.message}`);
  } finally {
    // A connected session would hold the process at exit ("Waiting for the debugger to disconnect…").
    if (session) await post('Debugger.disable').catch(() => {});
    disconnectInspector();
    breaking = false;
  }
}

const handlers = {
  kernel_info_request: (msg, ch) => ch.reply('kernel_info_reply', workerData.kernelInfo),
  interrupt_request: (msg, ch) => {
    ch.reply('interrupt_reply', { status: 'ok' });
    return interrupt();
  },
  shutdown_request: (msg, ch) => {
    ch.reply('shutdown_reply', { status: 'ok', restart: Boolean(msg.content.restart) });
    parentPort.postMessage({ type: 'shutdown' });
    setTimeout(() => process.kill(process.pid, 'SIGTERM'), 2000);
  },
};

// The parent watch again, in this thread: the main thread cannot notice while a cell (or the compiler's warm-up) keeps
// it busy. Ask it to stop; if it has not within 2 s, end the process (no handler: SIGTERM's default action).
watchParent(
  () => {
    parentPort.postMessage({ type: 'shutdown' });
    setTimeout(() => process.kill(process.pid, 'SIGTERM'), 2000);
  },
  1000,
  process.env,
  workerData.parentPid,
);

wire
  .start({
    sockets: ['control', 'hb'],
    onControl: (msg, ch) => {
      const handle = handlers[msg.header.msg_type];
      if (handle) return handle(msg, ch);
      if (!ignored.has(msg.header.msg_type)) log(`ignoring ${msg.header.msg_type} (said once)`);
      ignored.add(msg.header.msg_type);
    },
  })
  .then(() => parentPort.postMessage({ type: 'ready' }))
  .catch((e) => parentPort.postMessage({ type: 'failed', error: String((e && e.stack) || e) }));
