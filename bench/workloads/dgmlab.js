#!/usr/bin/env node
/*
 * dgmlab side of the benchmark workloads. Usage: node bench/workloads/dgmlab.js WORKLOAD BUDGET_MS
 * Prints one JSON line {seconds, ops, unit, info}: seconds per op (median-free: total time / ops after a warm-up).
 * Uses the built library (dist/), as notebooks do.
 */
'use strict';
const path = require('path');
const lib = require(path.join(__dirname, '..', '..', 'dist'));
const { core, sampling, iwae, vae, gan } = lib;
const { tf } = core;
const shared = require('./shared.json');

/** Run fn (one op, or a batch of `per` ops) until the budget is spent, after `warm` calls. */
async function timeIt(fn, budgetMs, { warm = 1, per = 1, sync = async () => {} } = {}) {
  for (let i = 0; i < warm; i++) await fn();
  await sync();
  let ops = 0;
  const t0 = process.hrtime.bigint();
  let el = 0;
  do {
    await fn();
    ops += per;
    await sync();
    el = Number(process.hrtime.bigint() - t0) / 1e6;
  } while (el < budgetMs);
  return { seconds: el / 1000 / ops, ops };
}

function randomChain(n, seed) {
  const g = core.rng(seed);
  return Array.from({ length: n }, () => {
    const row = Array.from({ length: n }, () => g.uniform());
    const s = row.reduce((a, b) => a + b, 0);
    return row.map((v) => v / s);
  });
}

/** A tfjs MLP (Glorot-uniform weights from core.rng): layers [in, h1, …, out]. */
function mlp(sizes, seed) {
  const g = core.rng(seed);
  const layers = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const lim = Math.sqrt(6 / (sizes[i] + sizes[i + 1]));
    const w = Float32Array.from({ length: sizes[i] * sizes[i + 1] }, () => (2 * g.uniform() - 1) * lim);
    layers.push({ W: tf.variable(tf.tensor2d(w, [sizes[i], sizes[i + 1]])), b: tf.variable(tf.zeros([sizes[i + 1]])) });
  }
  const apply = (x, hidden = tf.relu) => layers.reduce((h, l, i) => {
    const z = tf.add(tf.matMul(h, l.W), l.b);
    return i < layers.length - 1 ? hidden(z) : z;
  }, x);
  return { layers, apply, vars: layers.flatMap((l) => [l.W, l.b]) };
}

const workloads = {
  async rwm1d(budget) {
    const n = shared.rwmSteps;
    const logTarget = (x) => -0.5 * x[0] * x[0];
    const g = core.rng(1);
    const r = await timeIt(() => sampling.randomWalkMetropolis({ logTarget, x0: [0], stepSize: 2.4, nSteps: n, rng: g }), budget, { per: n });
    return { ...r, unit: 'step' };
  },
  async rwm10d(budget) {
    const n = shared.rwmSteps / 5;
    const logTarget = (x) => { let s = 0; for (let i = 0; i < 10; i++) s += x[i] * x[i]; return -0.5 * s; };
    const g = core.rng(1);
    const r = await timeIt(() => sampling.randomWalkMetropolis({ logTarget, x0: new Array(10).fill(0), stepSize: 2.4 / Math.sqrt(10), nSteps: n, rng: g }), budget, { per: n });
    return { ...r, unit: 'step' };
  },
  async gibbs2d(budget) {
    const n = shared.gibbsSweeps;
    const g = core.rng(1);
    const r = await timeIt(() => sampling.bivariateGaussianGibbs({ rho: 0.9, nSweeps: n, rng: g }), budget, { per: n });
    return { ...r, unit: 'sweep' };
  },
  async stationary500(budget) {
    const P = randomChain(shared.chainStates, 5);
    const r = await timeIt(() => sampling.stationaryDistribution(P), budget);
    return { ...r, unit: 'solve' };
  },
  async iwae5000(budget) {
    const { model, x, q } = iwae.toySetting();
    const spec = iwae.lgIwaeSpec(model, x, q);
    const g = core.rng(1);
    const r = await timeIt(() => iwae.iwaeDraw(spec, shared.iwaeK, g).estimate, budget);
    return { ...r, unit: 'bound (K=5000)' };
  },
  async vaeStep(budget) {
    const report = await core.initBackend();
    const data = vae.loadFashionMnist(shared.vaeBatch * 4).x;
    const net = vae.createVae({ dataDim: 784, latentDim: 20, hidden: [400], seed: 1 });
    const opt = tf.train.adam(1e-3);
    const vars = [...net.encoderVariables(), ...net.decoderVariables()];
    const B = shared.vaeBatch;
    const xs = [0, 1, 2, 3].map((i) => tf.tensor2d(data.slice(i * B, (i + 1) * B)));
    const g = core.rng(2);
    let k = 0;
    const step = () => {
      const x = xs[k++ % 4];
      const eps = tf.tensor2d(Float32Array.from(g.normals(B * 20)), [B, 20]);
      const loss = opt.minimize(() => { const t = net.lossTerms(x, eps); return tf.add(tf.mean(t.recon), tf.mean(t.kl)); }, true, vars);
      loss.dataSync();
      tf.dispose([loss, eps]);
    };
    const r = await timeIt(step, budget, { warm: 3 });
    return { ...r, unit: 'step', info: report.summary };
  },
  async ganToyStep(budget) {
    const n = 200;
    const g = core.rng(3);
    const run = () => gan.trainToyGan({ data: { mu: 4, sigma: 1.25 }, init: { phi: [1, 0], psi: [0.1, 0.1, 0.1] }, steps: n, batch: shared.toyBatch, lrD: 0.05, lrG: 0.05, ...gan.toyGanPreset('goodfellowAlgorithm2'), snapshotEvery: n, rng: g });
    const r = await timeIt(run, budget, { per: n });
    return { ...r, unit: 'step' };
  },
  async ganMlpStep(budget) {
    const report = await core.initBackend();
    const B = shared.ganBatch;
    const data = vae.loadFashionMnist(B * 4).x.map((row) => row.map((v) => 2 * v - 1));
    const G = mlp([shared.ganZ, shared.ganHidden, 784], 1);
    const D = mlp([784, shared.ganHidden, 1], 2);
    const leaky = (z) => tf.leakyRelu(z, 0.2);
    const optD = tf.train.adam(2e-4, 0.5);
    const optG = tf.train.adam(2e-4, 0.5);
    const xs = [0, 1, 2, 3].map((i) => tf.tensor2d(data.slice(i * B, (i + 1) * B)));
    const g = core.rng(4);
    let k = 0;
    const step = () => {
      const x = xs[k++ % 4];
      const z = tf.tensor2d(Float32Array.from(g.normals(B * shared.ganZ)), [B, shared.ganZ]);
      // D: maximise log D(x) + log(1 − D(G(z))) (as a BCE on logits); G: non-saturating −log D(G(z))
      const ld = optD.minimize(() => {
        const fake = tf.tanh(G.apply(z));
        const lr = D.apply(x, leaky);
        const lf = D.apply(fake, leaky);
        return tf.add(tf.mean(tf.softplus(tf.neg(lr))), tf.mean(tf.softplus(lf)));
      }, true, D.vars);
      const lg = optG.minimize(() => tf.mean(tf.softplus(tf.neg(D.apply(tf.tanh(G.apply(z)), leaky)))), true, G.vars);
      ld.dataSync();
      lg.dataSync();
      tf.dispose([ld, lg, z]);
    };
    const r = await timeIt(step, budget, { warm: 3 });
    return { ...r, unit: 'step (D+G)', info: report.summary };
  },
};

async function main() {
  const [name, budgetArg] = process.argv.slice(2);
  if (!workloads[name]) throw new Error(`unknown workload ${name}; one of ${Object.keys(workloads).join(', ')}`);
  const out = await workloads[name](Number(budgetArg || 1000));
  process.stdout.write(JSON.stringify(out) + '\n');
}
main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
