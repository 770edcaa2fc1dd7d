import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { initBackend, backendReport, BackendReport } from '../../src/core/backend';
import { blasThreads, fastPathReport, installFastPath, loadNativeBlas, NATIVE_ADDON_PATH, uninstallFastPath } from '../../src/core/fastpath';
import { rng } from '../../src/core/rng';
import { createVae } from '../../src/vae/model';
import { loadFashionMnist } from '../../src/data/fashionMnist';

// The fast CPU path (core/fastpath): wasm MatMul kernels on OpenBLAS. References: float64 products computed here
// (exact up to float64 rounding), the wasm backend's own kernels (fast path uninstalled) and the cpu backend.

/** Whether this machine can build the addon: a C compiler and OpenBLAS (libopenblas.so) are present. */
function canBuild(): boolean {
  const cc = spawnSync(process.env.CC || 'cc', ['--version']);
  const libs = ['/usr/lib/x86_64-linux-gnu/libopenblas.so', '/usr/lib/aarch64-linux-gnu/libopenblas.so', '/usr/lib/libopenblas.so', '/usr/local/lib/libopenblas.so'];
  return cc.status === 0 && libs.some((l) => fs.existsSync(l)) && process.env.DGMLAB_NATIVE !== '0';
}
/** DGMLAB_FASTPATH as the suite found it (CI may run it with 0 to exercise the fallback everywhere). */
const envFastPath = process.env.DGMLAB_FASTPATH;
const expectActive = () => canBuild() && envFastPath !== '0';

function randArray(g: ReturnType<typeof rng>, n: number): Float32Array {
  return Float32Array.from(g.normals(n));
}

/** float64 C = op(A)·op(B) for row-major A [M×K] (or [K×M] if tA) and B, with the bound Σ|a||b| per entry. */
function matmul64(a: Float32Array, b: Float32Array, M: number, N: number, K: number, tA: boolean, tB: boolean) {
  const c = new Float64Array(M * N);
  const bound = new Float64Array(M * N);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let s = 0;
      let s2 = 0;
      for (let k = 0; k < K; k++) {
        const x = tA ? a[k * M + i] : a[i * K + k];
        const y = tB ? b[j * K + k] : b[k * N + j];
        s += x * y;
        s2 += Math.abs(x * y);
      }
      c[i * N + j] = s;
      bound[i * N + j] = s2;
    }
  return { c, bound };
}

function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / (1e-3 + Math.abs(b[i])));
  return m;
}

/** The VAE 784-400-20 of the VAE notebooks: −ELBO on a batch and its gradient with respect to every variable. */
function vaeLossAndGrads(x: tf.Tensor2D, eps: tf.Tensor2D) {
  const vae = createVae({ dataDim: 784, latentDim: 20, hidden: [400], seed: 7 });
  const vars = [...vae.encoderVariables(), ...vae.decoderVariables()];
  const { value, grads } = tf.variableGrads(() => {
    const t = vae.lossTerms(x, eps);
    return tf.add(tf.mean(t.recon), tf.mean(t.kl)) as tf.Scalar;
  }, vars);
  const out = { loss: value.dataSync()[0], grads: vars.map((v) => Array.from(grads[v.name].dataSync())) };
  tf.dispose([value, ...Object.values(grads)]);
  vae.dispose();
  return out;
}

describe('core/fastpath — OpenBLAS MatMul kernels for the wasm backend', function () {
  this.timeout(180000);
  let before: BackendReport | undefined;

  beforeEach(async () => {
    before = backendReport();
    await initBackend('wasm');
  });
  afterEach(async () => {
    if (envFastPath === undefined) delete process.env.DGMLAB_FASTPATH;
    else process.env.DGMLAB_FASTPATH = envFastPath;
    installFastPath();
    if (before) await initBackend(before.name);
  });

  it('is active exactly where the addon can be built (a C compiler and OpenBLAS) unless DGMLAB_FASTPATH=0, and backendReport() says so', () => {
    const r = backendReport()!;
    assert.equal(r.name, 'wasm');
    assert.ok(r.fastPath, 'the wasm report carries fastPath');
    assert.equal(r.fastPath!.active, expectActive(), `fastPath ${JSON.stringify(r.fastPath)}; canBuild ${canBuild()}; DGMLAB_FASTPATH ${envFastPath}`);
    if (r.fastPath!.active) {
      assert.deepEqual(r.fastPath!.kernels, ['BatchMatMul', '_FusedMatMul']);
      assert.match(r.summary, /with MatMul on OpenBLAS/);
      // an empty inner dimension (K = 0) gives the empty sum 0; tfjs-backend-wasm 4.22's own kernel returns whatever
      // the output memory held (seen here), so this case is checked on the fast path only
      const c = tf.tidy(() => tf.matMul(tf.zeros([4, 0]), tf.zeros([0, 3])).dataSync());
      assert.deepEqual(Array.from(c), new Array(12).fill(0));
    } else {
      assert.match(r.summary, /fast path off/);
    }
    assert.deepEqual(fastPathReport(), r.fastPath);
  });

  it('matMul agrees with float64 products within float32 rounding (1e-5·Σ|a||b|) for all transposes, batches and broadcasting', () => {
    const g = rng(11);
    const cases: [number[], number[], boolean, boolean][] = [
      [[128, 784], [784, 400], false, false], // VAE encoder forward
      [[128, 400], [784, 400], false, true], // ∂L/∂x = δ Wᵀ
      [[128, 784], [128, 400], true, false], // ∂L/∂W = xᵀ δ
      [[7, 5], [3, 7], true, true],
      [[3, 5, 7], [3, 7, 4], false, false],
      [[1, 5, 7], [3, 7, 4], false, false], // batch broadcast
      [[5, 7], [3, 7, 4], false, false], // rank 2 × rank 3
      [[2, 3, 5, 7], [2, 3, 7, 4], false, false], // rank 4
    ];
    for (const [sa, sb, tA, tB] of cases) {
      const na = sa.reduce((s, v) => s * v, 1);
      const nb = sb.reduce((s, v) => s * v, 1);
      const a = randArray(g, na);
      const b = randArray(g, nb);
      const c = tf.tidy(() => tf.matMul(tf.tensor(a, sa), tf.tensor(b, sb), tA, tB));
      const got = c.dataSync();
      const M = tA ? sa[sa.length - 1] : sa[sa.length - 2];
      const K = tA ? sa[sa.length - 2] : sa[sa.length - 1];
      const N = tB ? sb[sb.length - 2] : sb[sb.length - 1];
      const batch = c.size / (M * N);
      assert.equal(c.shape[c.rank - 1], N);
      for (let i = 0; i < batch; i++) {
        const ai = na === M * K ? a : a.subarray(i * M * K, (i + 1) * M * K);
        const bi = nb === K * N ? b : b.subarray(i * K * N, (i + 1) * K * N);
        const { c: ref, bound } = matmul64(ai, bi, M, N, K, tA, tB);
        for (let j = 0; j < M * N; j++) {
          const d = Math.abs(got[i * M * N + j] - ref[j]);
          assert.ok(d <= 1e-5 * bound[j] + 1e-30, `${sa}×${sb} tA=${tA} tB=${tB}: entry ${i}/${j}: ${got[i * M * N + j]} vs ${ref[j]}`);
        }
      }
      c.dispose();
    }
  });

  it('the VAE 784-400-20 loss and all its gradients agree with the wasm kernels and the cpu backend (rel. 1e-3)', async () => {
    const data = loadFashionMnist(64).x;
    const g = rng(3);
    const xArr = data.flat();
    const eArr = Array.from(g.normals(64 * 20));
    const run = () => {
      const x = tf.tensor2d(xArr, [64, 784]);
      const e = tf.tensor2d(eArr, [64, 20]);
      const r = vaeLossAndGrads(x, e);
      tf.dispose([x, e]);
      return r;
    };
    const fast = run();
    uninstallFastPath();
    const wasm = run();
    await initBackend('cpu');
    const cpu = run();
    await initBackend('wasm');
    for (const [name, ref] of [['wasm', wasm], ['cpu', cpu]] as const) {
      assert.ok(Math.abs(fast.loss - ref.loss) <= 1e-5 * Math.abs(ref.loss), `loss ${fast.loss} vs ${name} ${ref.loss}`);
      fast.grads.forEach((gr, i) => {
        let scale = 0;
        let d = 0;
        gr.forEach((v, j) => {
          scale = Math.max(scale, Math.abs(ref.grads[i][j]));
          d = Math.max(d, Math.abs(v - ref.grads[i][j]));
        });
        assert.ok(d <= 1e-3 * scale, `gradient ${i} vs ${name}: max diff ${d}, scale ${scale}`);
      });
    }
  });

  it('tf.layers dense (fused matMul + bias + relu/sigmoid) agrees with the wasm kernels, values and gradients', () => {
    const g = rng(5);
    const xs = randArray(g, 32 * 50);
    const run = () =>
      tf.tidy(() => {
        const model = tf.sequential({ layers: [tf.layers.dense({ units: 30, activation: 'relu', inputShape: [50], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }), biasInitializer: tf.initializers.randomNormal({ seed: 3 }) }), tf.layers.dense({ units: 4, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }), biasInitializer: tf.initializers.randomNormal({ seed: 4 }) })] });
        const x = tf.tensor2d(xs, [32, 50]);
        const f = () => tf.sum(model.apply(x) as tf.Tensor) as tf.Scalar;
        // outside a gradient tfjs fuses matMul + bias + activation (_FusedMatMul); under a gradient it does not
        const forward = Array.from((model.predict(x) as tf.Tensor).dataSync());
        const { value, grads } = tf.variableGrads(f, model.trainableWeights.map((w) => w.read() as tf.Variable));
        return [value.dataSync()[0], forward, ...Object.values(grads).map((t) => Array.from(t.dataSync()))] as (number | number[])[];
      });
    const fast = run();
    uninstallFastPath();
    const wasm = run();
    assert.ok(Math.abs((fast[0] as number) - (wasm[0] as number)) <= 1e-5 * Math.abs(wasm[0] as number), `${fast[0]} vs ${wasm[0]}`);
    for (let i = 1; i < wasm.length; i++) assert.ok(maxRelDiff(fast[i] as number[], wasm[i] as number[]) < 1e-3, `gradient ${i}`);
    assert.ok(wasm.length >= 6, 'forward values and gradients of 4 weights');
  });

  it('20 Adam steps of VAE training on Fashion-MNIST follow the same loss curve as the wasm kernels (rel. 1e-3)', () => {
    const data = loadFashionMnist(128).x;
    const train = () => {
      const vae = createVae({ dataDim: 784, latentDim: 20, hidden: [400], seed: 2 });
      const vars = [...vae.encoderVariables(), ...vae.decoderVariables()];
      const opt = tf.train.adam(1e-3);
      const x = tf.tensor2d(data);
      const g = rng(9);
      const losses: number[] = [];
      for (let s = 0; s < 20; s++) {
        const eps = tf.tensor2d(Array.from(g.normals(128 * 20)), [128, 20]);
        const l = opt.minimize(() => {
          const t = vae.lossTerms(x, eps);
          return tf.add(tf.mean(t.recon), tf.mean(t.kl)) as tf.Scalar;
        }, true, vars)!;
        losses.push(l.dataSync()[0]);
        tf.dispose([l, eps]);
      }
      tf.dispose([x]);
      opt.dispose();
      vae.dispose();
      return losses;
    };
    const fast = train();
    uninstallFastPath();
    const wasm = train();
    assert.ok(fast[19] < fast[0], 'the loss decreases');
    assert.ok(maxRelDiff(fast, wasm) < 1e-3, `${fast.slice(-3)} vs ${wasm.slice(-3)}`);
  });

  it('falls back cleanly: a missing addon or DGMLAB_FASTPATH=0 leaves the wasm kernels, which still compute', () => {
    delete process.env.DGMLAB_FASTPATH; // (afterEach restores it)
    uninstallFastPath();
    const missing = installFastPath({ addonPath: path.join(__dirname, 'no-such-addon.node') });
    assert.equal(missing.active, false);
    assert.match(missing.detail, /native BLAS addon not available \(Cannot find module .*no-such-addon\.node/);
    assert.deepEqual(missing.kernels, []);
    assert.equal(loadNativeBlas(path.join(__dirname, 'no-such-addon.node')), null);
    process.env.DGMLAB_FASTPATH = '0';
    assert.deepEqual(installFastPath(), { active: false, detail: 'off (DGMLAB_FASTPATH=0)', kernels: [] });
    assert.equal(fastPathReport().active, false);
    const c = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5, 6], [7, 8]])).dataSync());
    assert.deepEqual(Array.from(c), [19, 22, 43, 50]);
  });

  it('the addon self-check rejects a wrong sgemm (a broken build never gives wrong numbers silently)', () => {
    // a stand-in module whose sgemm writes zeros: loadNativeBlas must refuse it
    const fake = path.join(__dirname, '..', '..', 'test-output', 'fake-blas.js');
    fs.mkdirSync(path.dirname(fake), { recursive: true });
    fs.writeFileSync(fake, 'module.exports = { sgemm(a, b, c) { c.fill(0); }, threads() { return 1; }, config() { return "fake"; } };\n');
    assert.equal(loadNativeBlas(fake), null);
    delete process.env.DGMLAB_FASTPATH; // (afterEach restores it)
    uninstallFastPath();
    const r = installFastPath({ addonPath: fake });
    assert.equal(r.active, false);
    assert.match(r.detail, /self-check failed/);
    assert.ok(NATIVE_ADDON_PATH.endsWith(path.join('native', 'build', 'dgmlab_blas.node')));
  });

  it('blasThreads: DGMLAB_BLAS_THREADS wins; one thread on a busy machine (load ≥ CPUs − 1), else up to 4; a bad value is a RangeError', () => {
    assert.equal(blasThreads({ DGMLAB_BLAS_THREADS: '3' }, 2, 10), 3);
    assert.equal(blasThreads({}, 2, 1.0), 1);
    assert.equal(blasThreads({}, 2, 0.5), 2);
    assert.equal(blasThreads({}, 8, 2), 4);
    assert.equal(blasThreads({ DGMLAB_BLAS_THREADS: '' }, 16, 0), 4);
    for (const bad of ['0', '1.5', 'two', '-1']) {
      assert.throws(() => blasThreads({ DGMLAB_BLAS_THREADS: bad }, 2, 0), (e: unknown) => e instanceof RangeError && e.message === `installFastPath: DGMLAB_BLAS_THREADS must be an integer >= 1 (got "${bad}")`);
    }
  });
});
