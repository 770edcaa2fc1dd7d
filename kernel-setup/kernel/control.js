'use strict';
/**
 * The control channel, served by a worker thread so that it answers while a cell keeps the main thread busy.
 *
 * interrupt_request (the kernelspec's interrupt_mode is "message"):
 *   1. the main thread is told (postMessage) → tslab's executor.interrupt() rejects a cell waiting on a promise;
 *   2. if a cell is running and the main thread does not answer within ANSWER_MS, it is in synchronous code. The
 *      worker pauses it through the inspector (Debugger.pause) to see where:
 *      - inside the synchronous part of a cell (tslab runs it with vm's breakOnSigint): SIGINT to this process,
 *        which vm turns into an exception in the cell;
 *      - in code that a cell's `await` resumed (a microtask whose outermost frame is cell or library code):
 *        Runtime.terminateExecution ends that JavaScript; step 1 then fails the cell with "Interrupted";
 *      - anywhere else (the compiler, the kernel's own code, a timer callback): left alone, tried again shortly.
 * shutdown_request: replied here, then the main thread exits (or is terminated if it does not within 2 s).
 * kernel_info_request: replied here with the main thread's kernel_info.
 */
const { parentPort, workerData } = require('worker_threads');
const fs = require('fs');
const inspector = require('inspector');
const { Wire } = require('./wire');

const ANSWER_MS = 300;
const RETRIES = 10;
const log = (m) => fs.writeSync(2, `dgmlab kernel (control): ${m}\n`);

const running = new Int32Array(workerData.running); // 1 while a cell executes (set by the main thread)
const wire = new Wire(workerData.connectionFile, workerData.session);
const acks = new Map();
let seq = 0;

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
  connectInspector();
  const paused = new Promise((resolve) => session.once('Debugger.paused', (ev) => resolve(ev.params.callFrames)));
  await post('Debugger.enable');
  await post('Debugger.pause');
  const frames = await paused;
  const urls = frames.map((f) => scriptUrls.get(f.location.scriptId) || '');
  const inVm = frames.some((f, i) => f.functionName === 'runInThisContext' && urls[i] === 'node:vm');
  const outer = urls[urls.length - 1];
  const resumed = () => post('Debugger.resume').then(() => post('Debugger.disable'));
  if (inVm) {
    await resumed();
    process.kill(process.pid, 'SIGINT');
    return true;
  }
  if (!isMachinery(outer)) {
    post('Runtime.terminateExecution').catch(() => {});
    await resumed();
    return true;
  }
  await resumed();
  return false;
}

async function interrupt() {
  const id = ++seq;
  if (await askMain(id)) return; // the main thread was free: the executor got the interrupt
  try {
    for (let i = 0; i < RETRIES && Atomics.load(running, 0) === 1; i++) {
      if (await breakMain()) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (e) {
    log(`could not interrupt: ${e && e.message}`);
  } finally {
    disconnectInspector(); // a connected session would hold the process at exit ("Waiting for the debugger…")
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

wire
  .start({
    sockets: ['control'],
    onControl: (msg, ch) => {
      const handle = handlers[msg.header.msg_type];
      if (handle) return handle(msg, ch);
      log(`ignoring ${msg.header.msg_type}`);
    },
  })
  .then(() => parentPort.postMessage({ type: 'ready' }))
  .catch((e) => parentPort.postMessage({ type: 'failed', error: String((e && e.stack) || e) }));
