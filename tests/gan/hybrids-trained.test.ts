import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { initBackend } from '../../src/core/backend';
import { rng } from '../../src/core/rng';
import { AdversarialAutoencoder, energyDistance, sampleClusters } from '../../src/gan/aae';
import { VaeGan } from '../../src/gan/vaeGan';
import { ringModeCoverage, sampleRing } from '../../src/gan/ring';
import { aggregatePosteriorFigure } from '../../src/gan/trainingFigures';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);

describe('gan/hybrids trained end to end — 002 §10.5 VAE/GAN, §10.6 adversarial autoencoder', () => {
  before(async () => {
    await initBackend();
  });

  describe('energyDistance', () => {
    it('two point masses at distance 5: 2·5 − 0 − 0 = 10 (closed form)', () => {
      close(energyDistance([[0, 0]], [[3, 4]]), 10, 1e-12);
    });

    it('in 1-D equals the square of scipy.stats.energy_distance (reference implementation via /usr/bin/python3)', () => {
      const r = rng(4);
      const cases = [
        { x: Array.from({ length: 30 }, () => r.normal()), y: Array.from({ length: 45 }, () => r.normal(0.7, 1.5)) },
        { x: Array.from({ length: 12 }, () => r.uniform()), y: Array.from({ length: 7 }, () => r.uniform() * 3) },
      ];
      const py = spawnSync('/usr/bin/python3', ['-c', 'import json,sys\nfrom scipy.stats import energy_distance as e\nprint(json.dumps([e(c["x"], c["y"]) for c in json.load(sys.stdin)]))'], { input: JSON.stringify(cases), encoding: 'utf8' });
      assert.equal(py.status, 0, py.stderr);
      const want = JSON.parse(py.stdout) as number[];
      cases.forEach((c, i) => close(energyDistance(c.x.map((v) => [v]), c.y.map((v) => [v])), want[i] ** 2, 1e-10, `case ${i}`));
    });

    it('bad input: TypeError / RangeError naming the function and argument', () => {
      assert.throws(() => energyDistance([], [[1]]), (e: Error) => e instanceof TypeError && /energyDistance: argument a/.test(e.message));
      assert.throws(() => energyDistance([[1, 2]], [[1]]), (e: Error) => e instanceof RangeError && /energyDistance.*b\[0\]/.test(e.message));
      assert.throws(() => energyDistance([[1, NaN]], [[1, 2]]), (e: Error) => e instanceof RangeError && /a\[0\]\[1\]/.test(e.message));
    });
  });

  describe('AdversarialAutoencoder (Makhzani et al. 2016 phases) with a 10-mode ring prior', () => {
    it('moves the aggregate posterior q(z) onto the prior: energy distance to prior draws falls ≥ 5× and ≥ 8 of 10 modes are covered (fixed seeds; untrained: none)', function () {
      this.timeout(120000);
      const data = sampleClusters(2000, rng(1), { dim: 8 });
      const a = new AdversarialAutoencoder({ dataDim: 8, hidden: 32, seed: 0 });
      const prior = a.samplePrior(400, rng(9));
      const score = () => {
        const z = a.encode(data.x.slice(0, 400));
        return { ed: energyDistance(z, prior), cov: ringModeCoverage(z, { ...a.prior, k: 2 }).covered };
      };
      const before = score();
      const r = rng(3);
      for (let it = 0; it < 600; it++) a.step(Array.from({ length: 64 }, () => data.x[r.integer(2000)]));
      const after = score();
      a.dispose();
      assert.ok(before.cov <= 2, `untrained encoder covers ${before.cov} modes`);
      assert.ok(after.ed < before.ed / 5, `energy distance ${before.ed} → ${after.ed}`);
      assert.ok(after.cov >= 8, `modes covered after training: ${after.cov}`);
      // the prior's own draws against more prior draws: the floor the codes are compared with
      assert.ok(energyDistance(a.samplePrior(400, rng(10)), prior) < after.ed + 0.05);
    });

    it('the discriminator ends near ½ on both prior draws and codes (the regularisation game is balanced)', function () {
      this.timeout(60000);
      const data = sampleClusters(1000, rng(2), { dim: 8 });
      const a = new AdversarialAutoencoder({ dataDim: 8, hidden: 32, seed: 1 });
      const r = rng(4);
      let last = a.step(data.x.slice(0, 64));
      for (let it = 0; it < 400; it++) last = a.step(Array.from({ length: 64 }, () => data.x[r.integer(1000)]));
      a.dispose();
      close(last.meanDPrior, 0.5, 0.15, 'mean D on prior draws');
      close(last.meanDCode, 0.5, 0.15, 'mean D on codes');
    });

    it('bad input: TypeError / RangeError naming the function, argument and value', () => {
      assert.throws(() => new AdversarialAutoencoder(undefined as never), (e: Error) => e instanceof TypeError && /AdversarialAutoencoder: argument opts/.test(e.message));
      assert.throws(() => new AdversarialAutoencoder({ dataDim: 0 }), (e: Error) => e instanceof RangeError && /AdversarialAutoencoder.*dataDim.*0/.test(e.message));
      assert.throws(() => new AdversarialAutoencoder({ dataDim: 2, hidden: 1.5 }), (e: Error) => e instanceof RangeError && /hidden.*1\.5/.test(e.message));
      assert.throws(() => new AdversarialAutoencoder({ dataDim: 2, mu: -1 }), (e: Error) => e instanceof RangeError && /mu.*-1/.test(e.message));
      assert.throws(() => new AdversarialAutoencoder({ dataDim: 2, prior: { modes: 0 } }), (e: Error) => e instanceof RangeError && /modes/.test(e.message));
      const a = new AdversarialAutoencoder({ dataDim: 3, hidden: 4 });
      assert.throws(() => a.step([[1, 2]]), (e: Error) => e instanceof RangeError && /AdversarialAutoencoder\.step.*batch\[0\].*length 3/.test(e.message));
      assert.throws(() => a.encode('x' as never), (e: Error) => e instanceof TypeError && /AdversarialAutoencoder\.encode: argument x/.test(e.message));
      assert.throws(() => a.decode([[1, 2, 3]]), (e: Error) => e instanceof RangeError && /decode.*z\[0\]/.test(e.message));
      a.dispose();
      assert.throws(() => sampleClusters(0, rng(1)), (e: Error) => e instanceof RangeError && /sampleClusters.*n/.test(e.message));
      assert.throws(() => sampleClusters(5, {} as never), (e: Error) => e instanceof TypeError && /sampleClusters: argument rng/.test(e.message));
      assert.throws(() => sampleClusters(5, rng(1), { spread: 0 }), (e: Error) => e instanceof RangeError && /spread/.test(e.message));
      assert.throws(() => sampleClusters(5, rng(1), { clusters: 0 }), (e: Error) => e instanceof RangeError && /sampleClusters.*clusters.*0/.test(e.message));
      assert.throws(() => sampleClusters(5, rng(1), { dim: 2.5 }), (e: Error) => e instanceof RangeError && /sampleClusters.*dim.*2\.5/.test(e.message));
      assert.throws(() => new AdversarialAutoencoder({ dataDim: 2, seed: -1 }), (e: Error) => e instanceof RangeError && /AdversarialAutoencoder.*seed.*-1/.test(e.message));
      const b = new AdversarialAutoencoder({ dataDim: 2, hidden: 4 });
      assert.throws(() => b.discriminate([[1, 2, 3]]), (e: Error) => e instanceof RangeError && /AdversarialAutoencoder\.discriminate.*z\[0\]/.test(e.message));
      b.dispose();
    });
  });

  describe('VaeGan (Algorithm 10.1) — the printed signs vs the minimax signs (002-E49)', () => {
    const train = (form: 'exact' | 'source', ganWeight: number, steps: number) => {
      const m = new VaeGan({ form, ganWeight, hidden: 32, seed: 0 });
      const r = rng(2);
      for (let it = 0; it < steps; it++) m.step(sampleRing(64, r));
      const cov = ringModeCoverage(m.sample(1000));
      const last = m.history[m.history.length - 1];
      m.dispose();
      return { cov, last };
    };

    it('minimax signs: prior decodings are sharper than a plain VAE\'s (ring quality and modes covered, fixed seeds); the discriminator stays bounded and rates data above fakes', function () {
      this.timeout(120000);
      const vg = train('exact', 1, 800);
      const vae = train('exact', 0, 800);
      assert.ok(vg.cov.quality > vae.cov.quality + 0.05, `VAE/GAN quality ${vg.cov.quality} vs VAE ${vae.cov.quality}`);
      assert.ok(vg.cov.covered >= 2 && vg.cov.covered > vae.cov.covered, `modes ${vg.cov.covered} vs ${vae.cov.covered}`);
      assert.ok(vg.last.meanAbsLogitReal < 5, `|logit| ${vg.last.meanAbsLogitReal}`);
      assert.ok(vg.last.meanDReal > vg.last.meanDPrior, `D(data) ${vg.last.meanDReal} vs D(prior decodings) ${vg.last.meanDPrior}`);
    });

    it('printed signs: the discriminator descends L_GAN without bound — its logits on the data diverge (|logit| > 100) and D(data) → 0', function () {
      this.timeout(60000);
      const src = train('source', 1, 300);
      assert.ok(src.last.meanAbsLogitReal > 100, `|logit| ${src.last.meanAbsLogitReal}`);
      assert.ok(src.last.meanDReal < 0.01, `D(data) ${src.last.meanDReal}`);
      assert.ok(src.last.ganObjective < -50, `L_GAN ${src.last.ganObjective}`);
    });

    it('feature-wise reconstruction (Larsen et al., 002-E50) trains too: finite losses, recon measured in the discriminator\'s feature space', function () {
      this.timeout(60000);
      const m = new VaeGan({ form: 'exact', recon: 'feature', hidden: 16, seed: 3 });
      const r = rng(5);
      for (let it = 0; it < 50; it++) m.step(sampleRing(32, r));
      const h = m.history;
      m.dispose();
      assert.ok(h.every((x) => Number.isFinite(x.recon) && Number.isFinite(x.ganObjective) && Number.isFinite(x.prior)));
    });

    it('bad input: TypeError / RangeError naming the function, argument and value', () => {
      assert.throws(() => new VaeGan(null as never), (e: Error) => e instanceof TypeError && /VaeGan: argument opts/.test(e.message));
      assert.throws(() => new VaeGan({ form: 'notes' as never }), (e: Error) => /VaeGan.*form.*notes/.test(e.message));
      assert.throws(() => new VaeGan({ form: 'exact', gamma: -1 }), (e: Error) => e instanceof RangeError && /gamma.*-1/.test(e.message));
      assert.throws(() => new VaeGan({ form: 'exact', ganWeight: -2 }), (e: Error) => e instanceof RangeError && /ganWeight.*-2/.test(e.message));
      assert.throws(() => new VaeGan({ form: 'exact', recon: 'pixels' as never }), (e: Error) => /VaeGan.*recon.*pixels/.test(e.message));
      assert.throws(() => new VaeGan({ form: 'exact', latentDim: 0 }), (e: Error) => e instanceof RangeError && /latentDim.*0/.test(e.message));
      assert.throws(() => new VaeGan({ form: 'exact', mu: 0 }), (e: Error) => e instanceof RangeError && /VaeGan.*mu/.test(e.message));
      assert.throws(() => new VaeGan({ form: 'exact', dataDim: 0 }), (e: Error) => e instanceof RangeError && /VaeGan.*dataDim.*0/.test(e.message));
      assert.throws(() => new VaeGan({ form: 'exact', hidden: 'x' as never }), (e: Error) => e instanceof TypeError && /VaeGan.*hidden/.test(e.message));
      assert.throws(() => new VaeGan({ form: 'exact', seed: 0.5 }), (e: Error) => e instanceof RangeError && /VaeGan.*seed.*0\.5/.test(e.message));
      const m = new VaeGan({ form: 'exact', hidden: 4 });
      assert.throws(() => m.step([[1, 2, 3]]), (e: Error) => e instanceof RangeError && /VaeGan\.step.*batch\[0\].*length 2/.test(e.message));
      assert.throws(() => m.sample(0), (e: Error) => e instanceof RangeError && /VaeGan\.sample.*n/.test(e.message));
      assert.throws(() => m.reconstruct([]), (e: Error) => e instanceof TypeError && /VaeGan\.reconstruct: argument x/.test(e.message));
      assert.throws(() => m.decoderGradientNorms([[1]]), (e: Error) => e instanceof RangeError && /VaeGan\.decoderGradientNorms.*batch\[0\]/.test(e.message));
      assert.throws(() => m.discriminate([[1]]), (e: Error) => e instanceof RangeError && /VaeGan\.discriminate.*x\[0\]/.test(e.message));
      m.dispose();
    });
  });
});

describe('gan/trainingFigures — aggregatePosteriorFigure', () => {
  it('draws the prior, one trace per class of codes and the mode centres; rejects bad input', () => {
    const f = aggregatePosteriorFigure([[0, 0], [1, 1], [2, 0]], [0, 1, 1], [[2, 0]], { modes: 10 });
    assert.equal(f.data.length, 4);
    assert.equal((f.data[3] as { x: number[] }).x.length, 10);
    assert.throws(() => aggregatePosteriorFigure([], [], [[0, 0]]), /aggregatePosteriorFigure: codes must be a non-empty array/);
    assert.throws(() => aggregatePosteriorFigure([[0, 0]], [0, 1], [[0, 0]]), /aggregatePosteriorFigure: labels must hold one label per code \(1\)/);
    assert.throws(() => aggregatePosteriorFigure([[0, 0]], [0], []), /aggregatePosteriorFigure: prior must be a non-empty array/);
  });
});
