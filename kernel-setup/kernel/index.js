#!/usr/bin/env node
'use strict';
/**
 * The dgmlab Jupyter kernel (the argv of the `dgmlab` kernelspec):
 *
 *   node kernel-setup/kernel/index.js --config-path CONNECTION_FILE
 *
 * tslab's compiler and executor behind a Jupyter protocol layer of this project's own; see kernel.js.
 */
const { watchParent, START_PPID } = require('./parent'); // first: it records the parent's pid before anything slow loads
const { mark } = require('./profile');
const path = require('path');
const { Worker } = require('worker_threads');
const { Wire } = require('./wire');
const { installTrace, inertWatchers } = require('./trace');

inertWatchers(); // before tslab's compiler loads (grading sandbox with Node's permission model only)
mark('kernel modules loading');
const { Kernel, kernelInfo } = require('./kernel');
mark('kernel modules loaded (TypeScript, tslab)');

function main(argv) {
  const i = argv.indexOf('--config-path');
  const file = i >= 0 ? argv[i + 1] : argv.find((a) => !a.startsWith('-'));
  if (!file) {
    process.stderr.write('usage: node kernel-setup/kernel/index.js --config-path CONNECTION_FILE\n');
    process.exit(64);
  }
  installTrace(); // grading sandbox only: before any cell can run
  // Kernel diagnostics go to the real stderr (the Jupyter server's log), never into a cell.
  const realStderr = process.stderr.write.bind(process.stderr);
  const log = (m) => realStderr(m + '\n');

  const wire = new Wire(file);
  const running = new SharedArrayBuffer(4);
  const kernel = new Kernel({ log, running: new Int32Array(running) });

  const simple = (replyType, fn) => (msg, ch) => {
    ch.status('busy');
    try {
      ch.reply(replyType, fn(msg));
    } finally {
      ch.status('idle');
    }
  };
  const shell = {
    kernel_info_request: simple('kernel_info_reply', () => kernel.kernelInfo()),
    execute_request: (msg, ch) => kernel.execute(msg, ch),
    is_complete_request: simple('is_complete_reply', (msg) => kernel.isComplete(msg)),
    inspect_request: simple('inspect_reply', (msg) => kernel.inspect(msg)),
    complete_request: simple('complete_reply', (msg) => kernel.complete(msg)),
    history_request: simple('history_reply', (msg) => kernel.historyReply(msg)),
    comm_info_request: simple('comm_info_reply', () => ({ status: 'ok', comms: {} })),
  };
  const ignored = new Set();
  const onShell = (msg, ch) => {
    const handle = shell[msg.header.msg_type];
    if (handle) return handle(msg, ch);
    if (!ignored.has(msg.header.msg_type)) log(`dgmlab kernel: ignoring ${msg.header.msg_type} (shell; said once)`);
    ignored.add(msg.header.msg_type);
  };

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    kernel.close();
    // Exit even if timers of user code are pending, once the control thread has closed its socket (a moment for
    // the last messages to leave; at most a second).
    const exit = () => {
      wire.close();
      setTimeout(() => process.exit(0), 50);
    };
    const timer = setTimeout(exit, 1000);
    control.once('message', (m) => m.type === 'closed' && (clearTimeout(timer), exit()));
    control.postMessage({ type: 'close' });
  };

  // Control and heartbeat live in a worker thread: they answer while a cell is busy (control.js).
  const control = new Worker(path.join(__dirname, 'control.js'), {
    workerData: { connectionFile: file, session: wire.session, kernelInfo: kernelInfo(), running, parentPid: START_PPID },
    stdout: false,
    stderr: false,
  });
  const controlReady = new Promise((resolve, reject) => {
    control.on('message', (m) => {
      if (m.type === 'ready') resolve();
      else if (m.type === 'failed') reject(new Error(m.error));
      else if (m.type === 'interrupt') {
        kernel.interrupt();
        control.postMessage({ type: 'ack', id: m.id });
      } else if (m.type === 'shutdown') stop();
    });
    control.on('error', reject);
  });
  control.on('exit', (code) => {
    if (!stopping) {
      log(`dgmlab kernel: the control thread stopped (exit ${code}); stopping the kernel`);
      process.exit(1);
    }
  });

  watchParent(() => {
    log('dgmlab kernel: the process that started it has gone away; stopping');
    stop();
    setTimeout(() => process.exit(0), 1500).unref();
  });

  // interrupt_mode "signal" clients (and Ctrl-C in a terminal) still work: SIGINT breaks the synchronous part of a
  // cell (tslab's vm breakOnSigint) and fails a cell waiting on a promise.
  process.on('SIGINT', () => kernel.interrupt());
  // Errors of callbacks that outlive their cell (timers, promise chains) go to the cell that is receiving output.
  process.on('uncaughtException', (err) => console.error('Uncaught exception:', err));
  process.on('unhandledRejection', (reason) => console.error('Unhandled promise rejection:', reason));

  Promise.all([wire.start({ onShell, sockets: ['iopub', 'shell', 'stdin'] }), controlReady])
    .then(() => {
      mark('sockets and control thread ready');
      wire.publish('status', { execution_state: 'starting' }, {});
      // The compiler starts when the kernel is idle (kernel.js warmWhenIdle): the first cell may not need it at once.
      kernel.warmWhenIdle();
    })
    .catch((e) => {
      log(`dgmlab kernel: could not start: ${(e && e.stack) || e}`);
      process.exit(1);
    });
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { main, watchParent };
