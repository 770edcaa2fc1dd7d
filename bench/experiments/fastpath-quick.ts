// Quick check: VAE 784-400-20 step (batch 128) on wasm with and without the OpenBLAS kernels.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { installFastPath, uninstallFastPath } from '../../src/core/fastpath';
import { createVae } from '../../src/vae/model';

async function main() {
  await tf.setBackend('wasm');
  await tf.ready();
  const vae = createVae({ dataDim: 784, latentDim: 20, hidden: [400], seed: 1 });
  const opt = tf.train.adam(1e-3);
  const x = tf.randomUniform([128, 784]);
  const eps = tf.randomNormal([128, 20]);
  const vars = [...vae.encoderVariables(), ...vae.decoderVariables()];
  const step = () => { opt.minimize(() => { const t = vae.lossTerms(x, eps); return tf.add(tf.mean(t.recon), tf.mean(t.kl)) as tf.Scalar; }, false, vars); };
  for (const mode of ['wasm', 'fast', 'wasm', 'fast']) {
    if (mode === 'fast') console.log(installFastPath().detail); else uninstallFastPath();
    for (let i = 0; i < 3; i++) step();
    const n = mode === 'fast' ? 50 : 10;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) step();
    await tf.ready();
    console.log(mode, ((performance.now() - t0) / n).toFixed(2), 'ms/step', tf.memory().numTensors);
  }
}
main();
