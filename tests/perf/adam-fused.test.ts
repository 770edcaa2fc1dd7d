import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { initBackend, backendReport, BackendReport } from '../../src/core/backend';
import { fastPathReport, setFusedAdam } from '../../src/core/fastpath';
import { rng } from '../../src/core/rng';
import { createVae } from '../../src/vae/model';

/**
 * [PERF-2] The fused Adam update (native `adam`, core/fastpath) against tfjs-core's own AdamOptimizer.applyGradients
 * (reference implementation) on the same backend and MatMul kernels: the same gradients applied to two copies of the
 * same variables must give bitwise the same values and moments after every step. Runs where the fast path is active
 * (elsewhere only the fallback is checked: with the fast path off, tfjs's optimizer runs unchanged).
 */
describe('core/fastpath — fused Adam equals tfjs AdamOptimizer bit for bit', function () {
  this.timeout(180000);
  let previous: BackendReport | undefined;
  before(async () => {
    previous = backendReport();
    await initBackend('wasm');
  });
  after(async () => {
    setFusedAdam(true);
    if (previous) await initBackend(previous.name);
  });

  function copies(shapes: number[][], seed: number): [tf.Variable[], tf.Variable[]] {
    const g = rng(seed);
    const vals = shapes.map((s) => Float32Array.from(g.normals(s.reduce((a, b) => a * b, 1))));
    const mk = () => vals.map((v, i) => tf.variable(tf.tensor(v, shapes[i]), true));
    return [mk(), mk()];
  }
  const same = (a: tf.Tensor, b: tf.Tensor, what: string) => {
    const x = a.dataSync();
    const y = b.dataSync();
    assert.equal(x.length, y.length);
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) assert.fail(`${what}: first difference at ${i}: ${x[i]} vs ${y[i]}`);
  };

  for (const [label, make] of [
    ['adam(1e-3) (the VAE default)', () => tf.train.adam(1e-3)],
    ['adam(2e-4, 0.5) (the GAN setting)', () => tf.train.adam(2e-4, 0.5)],
    ['adam(0.05, 0.8, 0.9, 1e-4)', () => tf.train.adam(0.05, 0.8, 0.9, 1e-4)],
  ] as const) {
    it(`${label}: 25 steps on random gradients spanning 1e-8…1e2 (with zeros), values and both moments`, () => {
      const active = fastPathReport().active;
      if (!active) assert.equal(setFusedAdam(true), false, 'without the fast path the fused update cannot be switched on');
      const shapes = [[37, 11], [11], [5, 3, 2]];
      const [va, vb] = copies(shapes, 3);
      const optA = make();
      const optB = make();
      const g = rng(4);
      for (let step = 0; step < 25; step++) {
        const grads = shapes.map((s) => {
          const n = s.reduce((a, b) => a * b, 1);
          const v = Float32Array.from(g.normals(n), (z, i) => (i % 7 === 0 ? 0 : z * 10 ** (g.uniform() * 10 - 8)));
          return tf.tensor(v, s);
        });
        const tensorsBefore = tf.memory().numTensors;
        setFusedAdam(true);
        optA.applyGradients(va.map((v, i) => ({ name: v.name, tensor: grads[i] })));
        setFusedAdam(false);
        optB.applyGradients(Object.fromEntries(vb.map((v, i) => [v.name, grads[i]])) as tf.NamedTensorMap as never);
        setFusedAdam(true);
        if (step > 0) assert.equal(tf.memory().numTensors, tensorsBefore, 'no tensors leak from a step');
        va.forEach((v, i) => same(v, vb[i], `value ${i} after step ${step + 1}`));
        tf.dispose(grads);
      }
      const moments = (o: tf.Optimizer) => (o as unknown as { accumulatedFirstMoment: Array<{ variable: tf.Variable }>; accumulatedSecondMoment: Array<{ variable: tf.Variable }> });
      moments(optA).accumulatedFirstMoment.forEach((m, i) => same(m.variable, moments(optB).accumulatedFirstMoment[i].variable, `m ${i}`));
      moments(optA).accumulatedSecondMoment.forEach((m, i) => same(m.variable, moments(optB).accumulatedSecondMoment[i].variable, `v ${i}`));
      if (active) assert.match(fastPathReport().detail, /Adam fused/);
      tf.dispose([...va, ...vb]);
      optA.dispose();
      optB.dispose();
    });
  }

  it('10 VAE 784-400-20 training steps (opt.minimize, real gradients) give the same parameters with and without the fused update', () => {
    const run = (fused: boolean) => {
      setFusedAdam(fused);
      const net = createVae({ dataDim: 784, latentDim: 20, hidden: [400], seed: 1 });
      const vars = [...net.encoderVariables(), ...net.decoderVariables()];
      const opt = tf.train.adam(1e-3);
      const g = rng(2);
      const x = tf.tensor2d(Float32Array.from(g.uniforms(32 * 784)), [32, 784]);
      for (let s = 0; s < 10; s++) {
        const eps = tf.tensor2d(Float32Array.from(g.normals(32 * 20)), [32, 20]);
        tf.dispose(opt.minimize(() => { const t = net.lossTerms(x, eps); return tf.add(tf.mean(t.recon), tf.mean(t.kl)) as tf.Scalar; }, false, vars) ?? []);
        eps.dispose();
      }
      const out = vars.map((v) => v.dataSync().slice());
      x.dispose();
      opt.dispose();
      return out;
    };
    const a = run(true);
    const b = run(false);
    setFusedAdam(true);
    a.forEach((v, i) => {
      for (let j = 0; j < v.length; j++) if (!Object.is(v[j], b[i][j])) assert.fail(`variable ${i}: first difference at ${j}: ${v[j]} vs ${b[i][j]}`);
    });
  });
});
