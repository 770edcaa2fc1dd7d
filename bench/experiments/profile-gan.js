// Per-kernel time of one MLP GAN step (bench workload ganMlpStep) on the current backend: where does the time go?
const path = require('path');
const { core } = require(path.join(__dirname, '..', '..', 'dist'));
const { tf } = core;
(async () => {
  console.log((await core.initBackend()).summary);
  const times = {};
  const eng = tf.engine();
  const orig = eng.runKernel.bind(eng);
  eng.runKernel = (name, inputs, attrs) => { const t = process.hrtime.bigint(); const r = orig(name, inputs, attrs); times[name] = (times[name] || 0) + Number(process.hrtime.bigint() - t) / 1e6; return r; };
  const mod = process.argv[2] || 'gan';
  const B = 64, Z = 100, H = 256;
  const mk = (a, b) => ({ W: tf.variable(tf.randomUniform([a, b], -0.05, 0.05)), b: tf.variable(tf.zeros([b])) });
  const G = [mk(Z, H), mk(H, 784)], D = [mk(784, H), mk(H, 1)];
  const ap = (L, x, act) => { const h = act(tf.add(tf.matMul(x, L[0].W), L[0].b)); return tf.add(tf.matMul(h, L[1].W), L[1].b); };
  const leaky = (z) => tf.leakyRelu(z, 0.2);
  const optD = tf.train.adam(2e-4, 0.5), optG = tf.train.adam(2e-4, 0.5);
  const x = tf.randomUniform([B, 784], -1, 1);
  const step = () => {
    const z = tf.randomNormal([B, Z]);
    const ld = optD.minimize(() => tf.add(tf.mean(tf.softplus(tf.neg(ap(D, x, leaky)))), tf.mean(tf.softplus(ap(D, tf.tanh(ap(G, z, tf.relu)), leaky)))), true, D.flatMap((l) => [l.W, l.b]));
    const lg = optG.minimize(() => tf.mean(tf.softplus(tf.neg(ap(D, tf.tanh(ap(G, z, tf.relu)), leaky)))), true, G.flatMap((l) => [l.W, l.b]));
    ld.dataSync(); lg.dataSync(); tf.dispose([ld, lg, z]);
  };
  for (let i = 0; i < 3; i++) step();
  for (const k of Object.keys(times)) delete times[k];
  const t0 = Date.now(); const n = 10;
  for (let i = 0; i < n; i++) step();
  console.log('ms/step', (Date.now() - t0) / n);
  console.log(Object.entries(times).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${(v / n).toFixed(2)}`).join('\n'));
})();
