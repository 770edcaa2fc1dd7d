/**
 * Errata of the GAN-B sections (source 004 §68.5–68.7 and Problems 68.9–68.11), each with a numerical demonstration
 * computed by this library. Ids follow the 004 inventory's numbering (E9–E11 and E23–E25 live in errata.ts).
 */
import { registerErratum } from '../errata';
import { rng } from '../core/rng';
import { normalCdf } from '../core/special';
import {
  createSayedNet,
  cloneSayedNet,
  sayedBackward,
  sayedForward,
  sayedGeneratorGradients,
  softmaxCrossEntropyDelta,
  SayedGanTrainer,
} from './listings';
import { avbLogRatio, vaeganDiscriminatorRun } from './hybrids';
import { sampleRing } from './ring';
import { wasserstein1Gaussian, wasserstein1Sorted } from './wasserstein';
import { VaeGan } from './vaeGan';
import { AdversarialAutoencoder, energyDistance, sampleClusters } from './aae';

const r7 = (x: number, d = 7) => Number(x.toFixed(d));
const NB09 = 'sayed-ch68/09-gan-backprop.ipynb';
const NB10 = 'sayed-ch68/10-gan-training.ipynb';
const NB11 = 'sayed-ch68/11-conditional-gan.ipynb';
const NB12 = 'sayed-ch68/12-wasserstein-gan.ipynb';
const NB13 = 'sayed-ch68/13-problems-lab.ipynb';

/** A small discriminator of the Fig. 68.13 kind and a finite-difference check of its input sensitivity. */
function smallNets(seed: number) {
  const r = rng(seed);
  const D = createSayedNet([3, 4, 2], ['tanh', 'softmax'], r);
  D.theta = D.theta.map((t) => t.map(() => r.normal(0, 0.3)));
  const G = createSayedNet([2, 3, 3], ['tanh', 'tanh'], r);
  return { D, G, r };
}

registerErratum({
  id: '004-E12',
  source: '004',
  location: '§68.5.1, Eq. (68.136); (68.138)',
  sourceForm: String.raw`\hat\gamma(q) = \frac{z(q)}{\sum_{q'} e^{z(q')}}`,
  exactForm: String.raw`\hat\gamma(q) = \frac{e^{z(q)}}{\sum_{q'} e^{z(q')}}`,
  summary: 'the softmax numerator lacks the exponential (as printed the outputs do not sum to one); (68.138) reuses q as the summation index',
  kind: 'error',
  severity: 'minor',
  notebook: NB09,
  demonstrate: () => {
    const z = [1, -1];
    const den = Math.exp(1) + Math.exp(-1);
    const src = z.map((v) => v / den);
    const ex = z.map((v) => Math.exp(v) / den);
    return { source: { gamma: src.map((v) => r7(v)), sum: r7(src[0] + src[1]) }, exact: { gamma: ex.map((v) => r7(v)), sum: r7(ex[0] + ex[1]) }, z };
  },
});

registerErratum({
  id: '004-E13',
  source: '004',
  location: '§68.5.2, Eq. (68.139) with Example 68.6 (c), L1316',
  sourceForm: String.raw`\delta_{L_d,d} = \hat\gamma - \gamma`,
  exactForm: String.raw`\delta_{L_d,d} = \Big(\sum_q \gamma(q)\Big)\hat\gamma - \gamma`,
  summary: 'δ = γ̂ − γ needs labels summing to one; the soft label col{0.9, 0} that Example 68.6 recommends breaks it',
  kind: 'error',
  severity: 'major',
  notebook: NB09,
  demonstrate: () => ({
    source: softmaxCrossEntropyDelta([0.7, 0.3], [0.9, 0], 'source').map((v) => r7(v)),
    exact: softmaxCrossEntropyDelta([0.7, 0.3], [0.9, 0], 'exact').map((v) => r7(v)),
    gammaHat: [0.7, 0.3],
    gamma: [0.9, 0],
  }),
});

registerErratum({
  id: '004-E14',
  source: '004',
  location: '§68.5.2, L1026 (before (68.142))',
  sourceForm: String.raw`\text{"we know from (68.142)"}`,
  exactForm: String.raw`\delta_{\ell,d} = f'(z_{\ell,d}) \odot (W_{\ell,d}\,\delta_{\ell+1,d}) \ \text{(the Ch. 65 recursion)}`,
  summary: 'the recursion (68.142) is justified by citing itself; it is the feedforward-network recursion of Ch. 65 — which the finite differences confirm',
  kind: 'gap',
  severity: 'minor',
  notebook: NB09,
  demonstrate: () => {
    const { D } = smallNets(14);
    const h = [0.3, -0.7, 1.1];
    const f = sayedForward(D, h);
    const delta = sayedBackward(D, f, softmaxCrossEntropyDelta(f.y[2], [1, 0]));
    // FD of −ln γ̂(1) with respect to z_{2,d}: perturb the hidden pre-activation and propagate
    const eps = 1e-6;
    const ce = (z2: number[]) => {
      const y2 = z2.map(Math.tanh);
      const z3 = D.theta[1].map((t, k) => y2.reduce((s, y, j) => s + D.W[1][j][k] * y, -t));
      const m = Math.max(...z3);
      return -(z3[0] - m - Math.log(z3.reduce((s, v) => s + Math.exp(v - m), 0)));
    };
    const fd = f.z[1].map((_, j) => {
      const a = f.z[1].slice();
      const b = f.z[1].slice();
      a[j] += eps;
      b[j] -= eps;
      return (ce(a) - ce(b)) / (2 * eps);
    });
    return { source: 'a self-reference (no derivation)', exact: { recursion: delta[1].map((v) => r7(v)), finiteDifferences: fd.map((v) => r7(v)) } };
  },
});

registerErratum({
  id: '004-E15',
  source: '004',
  location: '§68.5.2 (68.146), §68.6 (68.169)–(68.170), (68.174)',
  sourceForm: String.raw`\frac{\partial z_{2,d}(i)}{\partial z_{L_g,g}(j)} \ \text{without}\ \textstyle\sum_j;\ i = 1,\dots,M;\ 0_{M\times C+1}`,
  exactForm: String.raw`\delta_{L_g,g}(j) = -f'(z_{L_g,g}(j)) \sum_i w^{(1)}_{ji,d}\,\delta_{2,d}(i);\ j = 1,\dots,M;\ 0_{M\times(C+1)}`,
  summary: 'the chain rule at the transition must sum over all discriminator units i fed by ĥ(j); index ranges and cross-references ((68.145) for (68.150)) are off',
  kind: 'error',
  severity: 'minor',
  notebook: NB09,
  demonstrate: () => {
    const { D, G } = smallNets(15);
    const u = [0.4, -0.9];
    const g = sayedGeneratorGradients(G, D, [u]);
    const t = g.traces[0];
    const fg = sayedForward(G, u);
    // the source form keeps only the i = j term of the sum (one discriminator unit per generator output)
    const single = t.hhat.map((_, j) => -(1 - fg.y[2][j] ** 2) * D.W[0][j][j] * t.deltaD[1][j]);
    return { source: { deltaLg: single.map((v) => r7(v)) }, exact: { deltaLg: t.deltaG[2].map((v) => r7(v)) } };
  },
});

registerErratum({
  id: '004-E16',
  source: '004',
  location: '§68.5.3, listings (68.160)–(68.161)',
  sourceForm: String.raw`\text{(68.161) reads } W_{\ell d,m-1};\ K_d>1 \text{ inner steps all read } W_{\cdot,m-1} \text{ and write } W_{\cdot,m}`,
  exactForm: String.raw`\text{use the latest discriminator } W_{\ell d,m} \text{ and one global step counter (also for ADAM's } t)`,
  summary: 'read literally, the generator step uses the discriminator from before this iteration\'s update, and the K_d inner steps do not chain; a working loop chains them',
  kind: 'error',
  severity: 'minor',
  notebook: NB10,
  demonstrate: () => {
    const r = rng(16);
    const G = createSayedNet([1, 8, 1], ['tanh', 'linear'], r);
    const D = createSayedNet([1, 8, 2], ['tanh', 'softmax'], r);
    const sample = (n: number, rr: ReturnType<typeof rng>) => Array.from({ length: n }, () => [rr.normal(3, 1)]);
    const a = new SayedGanTrainer(cloneSayedNet(G), cloneSayedNet(D), sample, { batchSize: 16, mu: 0.2, Kd: 3, seed: 2 });
    const b = new SayedGanTrainer(cloneSayedNet(G), cloneSayedNet(D), sample, { batchSize: 16, mu: 0.2, Kd: 3, seed: 2, generatorReads: 'previous' });
    a.run(1);
    b.run(1);
    const norm = (x: number[]) => Math.sqrt(x.reduce((s, v) => s + v * v, 0));
    const diff = norm(a.G.W.flat(2).map((w, i) => w - b.G.W.flat(2)[i]));
    return { source: { generatorWeightsAfterOneIteration: b.G.W[0][0].slice(0, 3).map((v) => r7(v, 5)) }, exact: { generatorWeightsAfterOneIteration: a.G.W[0][0].slice(0, 3).map((v) => r7(v, 5)) }, differenceNorm: r7(diff, 6) };
  },
});

registerErratum({
  id: '004-E17',
  source: '004',
  location: '§68.6, Eqs. (68.162)–(68.165), Fig. 68.19',
  sourceForm: String.raw`h' = \mathrm{col}\{\hat h, \gamma\},\ \gamma(\text{fake}) = e_{C+1}\ \text{(the label marks "fake" in D's input)}`,
  exactForm: String.raw`h' = \mathrm{col}\{h\ \text{or}\ \hat h,\ c\},\ c \in \{e_1,\dots,e_C\}\ \text{the class; real/fake only as the target}`,
  summary: 'fed the (C+1)-entry label, the discriminator reads "fake" off its input: its risk goes to 0 whatever the generator does; the condition must be the class one-hot (Mirza & Osindero 2014)',
  kind: 'error',
  severity: 'major',
  notebook: NB11,
  demonstrate: () => {
    // D(h') = σ(k(1 − 2γ(C+1))) uses only the last input entry; with N_r = N_f its risk (68.99) is −ln σ(k)
    const ks = [1, 5, 10, 20];
    return {
      source: { riskOfLabelReader: ks.map((k) => r7(-Math.log(1 / (1 + Math.exp(-k))), 9)), k: ks },
      exact: { riskAtEquilibrium: r7(Math.log(2)) },
    };
  },
});

registerErratum({
  id: '004-E18',
  source: '004',
  location: '§68.7, Eq. (68.176)',
  sourceForm: String.raw`\min_G\max_D \{\mathbb E_{f_h} D(h) - \mathbb E_{f_h} D(\hat h)\}`,
  exactForm: String.raw`\min_G\max_D \{\mathbb E_{f_h} D(h) - \mathbb E_{f_{\hat h}} D(\hat h)\}`,
  summary: 'both expectations are printed under f_h, which makes the objective identically zero',
  kind: 'error',
  severity: 'minor',
  notebook: NB12,
  demonstrate: () => {
    // f_h = N(0, 1), f_ĥ = N(2, 1), 20,000 seeded draws of each; the 1-Lipschitz critic D(x) = −x is optimal for this pair.
    // Printed: both expectations over the same draws of f_h (the objective vanishes for every D); exact: the critic gap
    // estimates W₁, checked against the sorted-sample W₁ and the closed form |m₁ − m₂|.
    const r = rng(18);
    const h = Array.from({ length: 20000 }, () => r.normal(0, 1));
    const hh = Array.from({ length: 20000 }, () => r.normal(2, 1));
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const D = (x: number) => -x;
    return {
      source: r7(mean(h.map(D)) - mean(h.map(D)), 4),
      exact: r7(mean(h.map(D)) - mean(hh.map(D)), 4),
      w1SortedSamples: r7(wasserstein1Sorted(h, hh), 4),
      w1ClosedForm: wasserstein1Gaussian(0, 1, 2, 1),
      fh: 'N(0, 1)',
      fhhat: 'N(2, 1)',
      critic: 'D(x) = −x',
    };
  },
});

registerErratum({
  id: '004-E19',
  source: '004',
  location: 'Problem 68.9, second formulation',
  sourceForm: String.raw`\max_G\min_D\{\mathbb E\ln D(h) + \mathbb E\ln(1 - D(G(u)))\}`,
  exactForm: String.raw`\min_G\max_{D'}\{\mathbb E\ln D'(h) + \mathbb E\ln(1 - D'(G(u)))\},\ D' = 1 - D`,
  summary: 'the inner minimum is −∞ for every generator (let D → 0), so the printed replacement is ill-posed; D′ = 1 − D recovers the original game',
  kind: 'error',
  severity: 'major',
  notebook: NB13,
  demonstrate: () => {
    const ks = [1, 5, 20, 100];
    // constant D ≡ σ(−k): ln σ(−k) + ln(1 − σ(−k)) → −∞
    const v = ks.map((k) => r7(-Math.log1p(Math.exp(k)) - Math.log1p(Math.exp(-k)), 4));
    return { source: { innerObjectiveForConstantD: v, k: ks }, exact: { gameValueAtEquilibrium: r7(-Math.log(4)) } };
  },
});

registerErratum({
  id: '004-E20',
  source: '004',
  location: 'Problem 68.10',
  sourceForm: String.raw`\min_D\{\mathbb E D(h) + \mathbb E\max(0, 1 - D(G(u)))\}\ \text{(D unconstrained)}`,
  exactForm: String.raw`D \ge 0:\ D^* = \mathbb 1\{f_{\hat h} > f_h\},\ V(G, D^*) = \int\min(f_h, f_{\hat h}) = 1 - \mathrm{TV}`,
  summary: 'without D ≥ 0 the inner minimum is −∞ unless f_ĥ = f_h; with D ≥ 0 (EBGAN, Zhao et al. 2017) the value is 1 − TV',
  kind: 'error',
  severity: 'major',
  notebook: NB13,
  demonstrate: () => {
    // f_h = N(0,1), f_ĥ = N(1,1); D_k = −k on {x < ½} (where f_h > f_ĥ), 1 elsewhere
    const P = normalCdf(0.5);
    const Q = normalCdf(-0.5);
    const ks = [0, 10, 100];
    return {
      source: { valueForDk: ks.map((k) => r7(-k * P + (1 + k) * Q + (1 - P), 5)), k: ks },
      exact: { valueWithDNonNegative: r7(2 * normalCdf(-0.5)), oneMinusTV: r7(1 - (2 * normalCdf(0.5) - 1)) },
    };
  },
});

registerErratum({
  id: '004-E21',
  source: '004',
  location: '§68.7, L1354 (commentary on (68.177)); L1340–1364',
  sourceForm: String.raw`\sup_{\|g\|_L \le 1}\{\mathbb E_p g - \mathbb E_q g\}\ \text{called the MMD}`,
  exactForm: String.raw`W_1 = \sup_{\|g\|_L\le 1}\{\cdot\};\ \mathrm{MMD}_k = \sup_{\|g\|_{\mathcal H_k}\le 1}\{\cdot\}`,
  summary: 'the Kantorovich–Rubinstein dual is W₁, not the MMD (both are integral probability metrics over different function classes); the text never says how the Lipschitz constraint is enforced',
  kind: 'error',
  severity: 'minor',
  notebook: NB12,
  demonstrate: () => {
    // N(0,1) vs N(m,1): W₁ = |m|; MMD with the Gaussian kernel of bandwidth ℓ = 1: MMD² = 2c(1 − e^{−m²/(2(ℓ²+2))}), c = (ℓ²/(ℓ²+2))^{1/2}
    const mmd = (m: number) => Math.sqrt(2 * Math.sqrt(1 / 3) * (1 - Math.exp(-(m * m) / 6)));
    const ms = [1, 2, 4];
    return { source: { mmdGaussianKernel: ms.map((m) => r7(mmd(m))) }, exact: { W1: ms }, m: ms };
  },
});

registerErratum({
  id: '004-E26',
  source: '004',
  location: '§68.7 and References',
  sourceForm: String.raw`\text{Arjovsky, Soumith, Bottou (2017); Yujia, L.; Cresswell, A.; Dziugaite et al. (AUI)}`,
  exactForm: String.raw`\text{Arjovsky, Chintala, Bottou (2017); Li, Y.; Creswell, A.; Dziugaite et al. (UAI)}`,
  summary: 'citation slips: Soumith Chintala cited by his first name, Yujia Li with names swapped, Creswell misspelt, UAI as AUI',
  kind: 'error',
  severity: 'minor',
  notebook: NB12,
  demonstrate: () => ({
    source: ['Arjovsky, Soumith, and Bottou', 'Yujia, L.', 'Cresswell, A.', '(AUI)'],
    exact: ['Arjovsky, Chintala, and Bottou', 'Li, Y.', 'Creswell, A.', '(UAI)'],
  }),
});

// ------------------------------------------------------------------------------------------------ 002 §10.4– (hybrids)
const NB14B = 'sta4124/14b-gan-hybrids.ipynb';

registerErratum({
  id: '002-E48',
  source: '002',
  location: 'L1565, Table 3',
  sourceForm: String.raw`\text{G-loss column: } \mathrm{KL}\ (\text{VAE}),\ +\mathbb E\log D(G(z))\ (\text{GAN});\ \text{D-loss: } -\mathbb E\log D(x)`,
  exactForm: String.raw`\text{VAE: } -\mathbb E_q\log p(x|z) + \mathrm{KL};\ \text{GAN G: } -\mathbb E\log D(G(z));\ \text{D: } -\mathbb E\log D(x) - \mathbb E\log(1 - D(G(z)))`,
  summary: 'the comparison table is misaligned: signs and columns mix the VAE regulariser with the generator loss, and the discriminator loss lacks its fake term',
  kind: 'error',
  severity: 'minor',
  notebook: NB14B,
  demonstrate: () => {
    // D outputs 0.8 on a real and 0.3 on a fake: the printed D loss vs the binary cross-entropy
    return { source: r7(-Math.log(0.8)), exact: r7(-Math.log(0.8) - Math.log(0.7)), dReal: 0.8, dFake: 0.3 };
  },
});

registerErratum({
  id: '002-E49',
  source: '002',
  location: 'L1605–1609, Algorithm 10.1',
  sourceForm: String.raw`\theta_2 \leftarrow \theta_2 - \nabla_{\theta_2}\mathcal L_{GAN};\ \theta_1 \leftarrow \theta_1 - \gamma\nabla\mathcal L_{recon} + \nabla\mathcal L_{GAN}`,
  exactForm: String.raw`\theta_2 \leftarrow \theta_2 + \eta\nabla_{\theta_2}\mathcal L_{GAN};\ \theta_1 \leftarrow \theta_1 - \eta(\gamma\nabla\mathcal L_{recon} + \nabla\mathcal L_{GAN})`,
  summary: 'relative to the minimax (10.1.3) the printed signs make the discriminator descend its own objective (it learns to call real data fake) and the decoder ascend it',
  kind: 'error',
  severity: 'major',
  notebook: NB14B,
  demonstrate: () => {
    const D = createSayedNet([1, 8, 2], ['tanh', 'softmax'], rng(1));
    const ex = vaeganDiscriminatorRun(D, 'exact', { steps: 150 });
    const src = vaeganDiscriminatorRun(D, 'source', { steps: 150 });
    const last = (v: number[]) => r7(v[v.length - 1], 3);
    return { source: { meanDReal: last(src.meanDReal), meanDFake: last(src.meanDFake) }, exact: { meanDReal: last(ex.meanDReal), meanDFake: last(ex.meanDFake) } };
  },
});

registerErratum({
  id: '002-E50',
  source: '002',
  location: 'L1557, L1581–1593',
  sourceForm: String.raw`\mathcal L_{recon} = \|x - \tilde x\|^2\ \text{(pixels)};\ \text{"recon trains the encoder, GAN trains the decoder"}`,
  exactForm: String.raw`\mathcal L_{llike}^{Dis_l} = \tfrac12\|\mathrm{Dis}_l(x) - \mathrm{Dis}_l(\tilde x)\|^2;\ \text{decoder: } \gamma\mathcal L_{llike}^{Dis_l} - \mathcal L_{GAN}`,
  summary: 'Larsen et al. (2016) reconstruct in the feature space of a discriminator layer, and the decoder receives both the reconstruction and the GAN terms',
  kind: 'error',
  severity: 'minor',
  notebook: NB14B,
  demonstrate: () => {
    // The gradients that reach the decoder θ₁ of a fresh VAE/GAN on a batch of the ring of 8 Gaussians: the notes' text says
    // the decoder is trained by the GAN term only; Algorithm 10.1 itself (and Larsen et al.) give it γ∇L_recon too, and
    // that term is not zero — pixel-wise, or feature-wise through the discriminator's hidden layer as Larsen et al. use it.
    const batch = sampleRing(128, rng(50));
    const norms = (recon: 'pixel' | 'feature') => {
      const m = new VaeGan({ form: 'exact', recon, hidden: 16, seed: 0 });
      const g = m.decoderGradientNorms(batch);
      m.dispose();
      return { reconGradNorm: r7(g.recon, 4), ganGradNorm: r7(g.gan, 4) };
    };
    return { source: { decoderReconGradNorm: 0 }, exact: { pixel: norms('pixel'), feature: norms('feature') }, measure: '‖∇θ₁ L‖ at initialisation, 128 ring points' };
  },
});

registerErratum({
  id: '002-E51',
  source: '002',
  location: 'L1617–1621, L1654',
  sourceForm: String.raw`\text{AAE and AVB "learn a more complex prior"}`,
  exactForm: String.raw`\text{AAE imposes a fixed (samplable) prior on } q(z);\ \text{AVB makes the posterior } q_\phi(z|x) \text{ implicit}`,
  summary: 'neither method learns the prior: the AAE matches the aggregate posterior to a chosen prior; AVB keeps p(z) fixed and makes q(z|x) flexible',
  kind: 'error',
  severity: 'minor',
  notebook: NB14B,
  demonstrate: () => {
    // An adversarial autoencoder trained 200 steps on 10 clusters in 8-D: the prior (a 10-mode ring) is the same before and
    // after training — nothing in it is learned — while the codes move onto it (energy distance to 400 prior draws).
    const data = sampleClusters(1000, rng(52), { dim: 8 });
    const a = new AdversarialAutoencoder({ dataDim: 8, hidden: 16, seed: 0 });
    const prior = a.samplePrior(400, rng(53));
    const before = energyDistance(a.encode(data.x.slice(0, 400)), prior);
    const r = rng(54);
    for (let k = 0; k < 200; k++) a.step(Array.from({ length: 64 }, () => data.x[r.integer(1000)]));
    const after = energyDistance(a.encode(data.x.slice(0, 400)), prior);
    const priorAgain = a.samplePrior(400, rng(53));
    a.dispose();
    return {
      source: 'the prior is learned',
      exact: { priorUnchanged: priorAgain.every((z, i) => z[0] === prior[i][0] && z[1] === prior[i][1]), codesToPriorEnergyBefore: r7(before, 3), codesToPriorEnergyAfter: r7(after, 3) },
    };
  },
});

registerErratum({
  id: '002-E52',
  source: '002',
  location: 'L1660',
  sourceForm: String.raw`\sigma(T(x,z)) = \log\frac{p(z)}{q_\phi(z|x)}`,
  exactForm: String.raw`T^*(x,z) = \log q_\phi(z|x) - \log p(z)`,
  summary: 'the optimal adversary\'s LOGIT (no sigmoid) is the log-ratio, with q over p; the printed form cannot hold (a sigmoid is positive, the log-ratio need not be)',
  kind: 'error',
  severity: 'major',
  notebook: NB14B,
  demonstrate: () => {
    const [x, z] = [-1, 1];
    const t = avbLogRatio(x, z, 0.8, 0.6);
    return { source: { logPOverQ: r7(-t), sigmoidOfTstar: r7(1 / (1 + Math.exp(-t))) }, exact: { Tstar: r7(t) }, x, z };
  },
});
