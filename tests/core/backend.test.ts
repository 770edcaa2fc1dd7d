import { strict as assert } from 'assert';
import { BACKEND_ORDER, BackendName, BackendReport, backendReport, initBackend, tf } from '../../src/core';

// initBackend caches its report and switches the global tfjs backend: every test here leaves both as it found them
// (the backend the default selection picks, and DGMLAB_BACKEND untouched).

describe('core/backend', function () {
  this.timeout(30000);
  let savedEnv: string | undefined;
  let defaultReport: BackendReport;

  before(async () => {
    savedEnv = process.env.DGMLAB_BACKEND;
    delete process.env.DGMLAB_BACKEND;
    const previous = backendReport();
    defaultReport = await initBackend(previous?.name);
  });

  afterEach(async () => {
    delete process.env.DGMLAB_BACKEND;
    await initBackend(defaultReport.name);
  });

  after(() => {
    if (savedEnv === undefined) delete process.env.DGMLAB_BACKEND;
    else process.env.DGMLAB_BACKEND = savedEnv;
  });

  it('initBackend() picks a known backend, makes it tfjs’s current one, and its summary names it and the tfjs version', async () => {
    const r = await initBackend();
    assert.ok(BACKEND_ORDER.includes(r.name), `name ${r.name}`);
    assert.equal(tf.getBackend(), r.name);
    assert.equal(r.tfjsVersion, tf.version.tfjs);
    assert.ok(r.summary.includes(`'${r.name}' backend`), r.summary);
    assert.ok(r.summary.startsWith(`tfjs ${tf.version.tfjs}`), r.summary);
    assert.equal(backendReport(), r);
    const last = r.tried[r.tried.length - 1];
    assert.deepEqual([last.name, last.ok], [r.name, true]);
    // every backend tried before the one that runs failed, with a reason that the summary repeats
    for (const t of r.tried.slice(0, -1)) {
      assert.equal(t.ok, false);
      assert.ok(t.reason && r.summary.includes(`${t.name}: ${t.reason}`), r.summary);
    }
  });

  it('is idempotent: a second call returns the cached report', async () => {
    const a = await initBackend();
    const b = await initBackend();
    assert.equal(a, b);
  });

  it('initBackend("cpu") switches to the cpu backend, which computes (1+2+3+4 = 10)', async () => {
    const r = await initBackend('cpu');
    assert.equal(r.name, 'cpu');
    assert.deepEqual(r.tried, [{ name: 'cpu', ok: true, reason: undefined }]);
    assert.equal(tf.getBackend(), 'cpu');
    assert.equal(backendReport(), r);
    const t = tf.tensor1d([1, 2, 3, 4]);
    const s = t.sum();
    assert.equal((await s.data())[0], 10);
    tf.dispose([t, s]);
    // switching back restores the default
    const back = await initBackend(defaultReport.name);
    assert.equal(back.name, defaultReport.name);
    assert.equal(tf.getBackend(), defaultReport.name);
  });

  it('an unknown name is a RangeError naming prefer and the value, and leaves the backend alone', async () => {
    await assert.rejects(initBackend('gpu' as BackendName), (e: unknown) => {
      assert.ok(e instanceof RangeError);
      assert.equal(e.message, 'initBackend: prefer must be one of "tensorflow", "wasm", "cpu" (got "gpu")');
      return true;
    });
    await assert.rejects(initBackend('' as BackendName), /initBackend: prefer must be one of .* \(got ""\)/);
    assert.equal(tf.getBackend(), defaultReport.name);
    assert.equal(backendReport()?.name, defaultReport.name);
  });

  it('DGMLAB_BACKEND forces a backend; an unknown value is a RangeError naming DGMLAB_BACKEND; empty means unset', async () => {
    process.env.DGMLAB_BACKEND = 'cpu';
    assert.equal((await initBackend()).name, 'cpu');
    process.env.DGMLAB_BACKEND = 'webgl';
    await assert.rejects(initBackend(), (e: unknown) => {
      assert.ok(e instanceof RangeError);
      assert.equal(e.message, 'initBackend: DGMLAB_BACKEND must be one of "tensorflow", "wasm", "cpu" (got "webgl")');
      return true;
    });
    process.env.DGMLAB_BACKEND = '';
    assert.equal((await initBackend()).name, 'cpu', 'empty variable: the cached report stands');
    // an explicit argument wins over the environment
    process.env.DGMLAB_BACKEND = 'webgl';
    assert.equal((await initBackend(defaultReport.name)).name, defaultReport.name);
  });

  it('a forced backend that cannot start is an Error that says why (or, where tfjs-node is installed, it starts)', async () => {
    // Whether tfjs-node is installed is asked directly: the cached report may come from another test that forced a backend.
    let tfNodeInstalled = true;
    try {
      require.resolve('@tensorflow/tfjs-node');
    } catch {
      tfNodeInstalled = false;
    }
    if (!tfNodeInstalled) {
      await assert.rejects(initBackend('tensorflow'), (e: unknown) => {
        assert.ok(e instanceof Error);
        assert.ok(e.message.startsWith('initBackend: no tfjs backend could start (tensorflow: '), e.message);
        assert.ok(e.message.includes('@tensorflow/tfjs-node is not installed'), e.message);
        return true;
      });
      assert.equal(tf.getBackend(), defaultReport.name, 'the running backend is unchanged');
    } else {
      // Installed: it starts, or — when npm installed the package without running its download script (no access to the
      // libtensorflow host, as on this machine kind after a plain `npm install`) — the error says the native library is missing.
      let started: string | undefined;
      try {
        started = (await initBackend('tensorflow')).name;
      } catch (e) {
        assert.ok(e instanceof Error && e.message.includes('@tensorflow/tfjs-node is installed but could not load its native library'), String(e));
      }
      if (started !== undefined) assert.equal(started, 'tensorflow');
    }
  });
});
