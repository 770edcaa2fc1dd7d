// Experiment (a): the tfjs wasm backend's threaded SIMD build under Node (issue [PERF] part 2a).
// tfjs 4.22 reports WASM_HAS_MULTITHREAD_SUPPORT = false under Node (tfjs issue #3830). Forcing it true fails because
// the pthread worker script and the main script are passed to Emscripten as blob: URLs, which Node's worker_threads
// cannot load. Here URL.createObjectURL is patched to return the files that ship in wasm-out/ instead.
// Usage: node bench/experiments/wasm-threads.js [threads] [patch=1]
const path = require('path');
const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const threads = Number(process.argv[2] || 2);
const patch = process.argv[3] !== '0';
const out = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'wasm-out');
if (patch) {
  // wasm-out/*.worker.js is a CommonJS module exporting the worker source as a string: write the source to a file
  const fs = require('fs');
  const os = require('os');
  const workerFile = path.join(os.tmpdir(), `dgmlab-tfjs-wasm-worker-${process.pid}.js`);
  // the worker turns the main-script Blob into a URL itself: make that the shipped main script too
  const mainJs = path.join(out, 'tfjs-backend-wasm-threaded-simd.js');
  const prelude = `URL.createObjectURL = () => ${JSON.stringify(mainJs)}; URL.revokeObjectURL = () => {};\n`;
  fs.writeFileSync(workerFile, prelude + require(path.join(out, 'tfjs-backend-wasm-threaded-simd.worker.js')).wasmWorkerContents.replace(/\n/g, '\\n'));
  process.on('exit', () => fs.rmSync(workerFile, { force: true }));
  const orig = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    if (blob.type === 'application/javascript') return workerFile;
    if (blob.type === 'text/javascript') return path.join(out, 'tfjs-backend-wasm-threaded-simd.js');
    return orig(blob);
  };
}
// tfjs's backend.cc caps the pool at emscripten_num_logical_cores()/2 (it assumes 2 hyper-threads per core), which
// Emscripten answers in Node with os.cpus().length: on a 2-CPU machine, 1 thread. DOUBLE_CPUS=1 reports twice the CPUs.
if (process.env.DOUBLE_CPUS === '1') {
  const os = require('os');
  const cpus = os.cpus;
  os.cpus = () => [...cpus(), ...cpus()];
}
(async () => {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  wasm.setThreadsCount(threads);
  const t0 = Date.now();
  try {
    await Promise.race([tf.setBackend('wasm'), new Promise((_, rej) => setTimeout(() => rej(new Error('init timed out after 20 s')), 20000))]);
    await tf.ready();
  } catch (e) {
    console.log('init failed:', e.message || e);
    process.exit(0);
  }
  const m = tf.backend().wasm;
  console.log('backend', tf.getBackend(), 'threads', wasm.getThreadsCount(), 'init ms', Date.now() - t0, 'PThread', m.PThread ? `running ${m.PThread.runningWorkers.length}, unused ${m.PThread.unusedWorkers.length}` : 'absent (not the threaded build)');
  const a = tf.randomNormal([512, 512]);
  const b = tf.randomNormal([512, 512]);
  for (let i = 0; i < 3; i++) tf.matMul(a, b).dataSync();
  const n = 10;
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) tf.tidy(() => tf.matMul(a, b).dataSync());
  const s = Number(process.hrtime.bigint() - t1) / 1e9 / n;
  console.log(`512×512 matmul: ${(s * 1e3).toFixed(1)} ms = ${(2 * 512 ** 3 / s / 1e9).toFixed(2)} GFLOP/s`);
  process.exit(0);
})();
