// Per-kernel time of one VAE 784-400-20 Adam step (batch 128) on the current backend (bench workload vaeStep).
const path = require('path');
const { core, vae } = require(path.join(__dirname, '..', '..', 'dist'));
const { tf } = core;
(async () => {
  console.log((await core.initBackend()).summary.slice(0, 120));
  const times = {};
  const eng = tf.engine();
  const orig = eng.runKernel.bind(eng);
  eng.runKernel = (name, inputs, attrs) => { const t = process.hrtime.bigint(); const r = orig(name, inputs, attrs); times[name] = (times[name] || 0) + Number(process.hrtime.bigint() - t) / 1e6; return r; };
  const net = vae.createVae({ dataDim: 784, latentDim: 20, hidden: [400], seed: 1 });
  const opt = tf.train.adam(1e-3);
  const vars = [...net.encoderVariables(), ...net.decoderVariables()];
  const x = tf.randomUniform([128, 784]);
  const step = () => { const eps = tf.randomNormal([128, 20]); const l = opt.minimize(() => { const t = net.lossTerms(x, eps); return tf.add(tf.mean(t.recon), tf.mean(t.kl)); }, true, vars); l.dataSync(); tf.dispose([l, eps]); };
  for (let i = 0; i < 3; i++) step();
  for (const k of Object.keys(times)) delete times[k];
  const n = 10; const t0 = Date.now();
  for (let i = 0; i < n; i++) step();
  const total = (Date.now() - t0) / n;
  const inKernels = Object.values(times).reduce((a, b) => a + b, 0) / n;
  console.log(`ms/step ${total.toFixed(1)}, in kernels ${inKernels.toFixed(1)}`);
  console.log(Object.entries(times).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k} ${(v / n).toFixed(2)}`).join('\n'));
})();
