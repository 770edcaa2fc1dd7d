import { strict as assert } from 'assert';
import { tf } from '../../src/core/backend';
import * as gan from '../../src/gan';
import { rng } from '../../src/core/rng';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);

/** V̂ and the two generator losses written in tfjs, for autodiff. */
function tfObjectives(phi: tf.Tensor, psi: tf.Tensor, xs: number[], zs: number[]) {
  const x = tf.tensor1d(xs);
  const z = tf.tensor1d(zs);
  const logit = (u: tf.Tensor) => tf.add(tf.add(tf.mul(psi.slice([0], [1]), tf.square(u)), tf.mul(psi.slice([1], [1]), u)), psi.slice([2], [1]));
  const xg = tf.add(tf.mul(phi.slice([0], [1]), z), phi.slice([1], [1]));
  const sReal = logit(x);
  const sFake = logit(xg);
  // ln σ(s) written with log and sigmoid (tf.logSigmoid's custom gradient fails inside tf.grad on the cpu backend here)
  const logSig = (s: tf.Tensor) => tf.log(tf.sigmoid(s));
  const V = tf.add(tf.mean(logSig(sReal)), tf.mean(logSig(tf.neg(sFake))));
  const sat = tf.mean(logSig(tf.neg(sFake)));
  const ns = tf.neg(tf.mean(logSig(sFake)));
  return { V, sat, ns };
}

describe('gan/toy1d — 1-D GAN with hand gradients (000 §4.b, 002 §10.3, 003 Algorithm 2)', () => {
  it('000 NB13 exercise: a=1, b=0, Ψ=(0,1,0), x=0.5, z=0.2 → l = ln σ(0.5) + ln(1 − σ(0.2)) = −1.2722158535616985 (000 inventory §6)', () => {
    close(gan.toyValue([1, 0], [0, 1, 0], [0.5], [0.2]), -1.2722158535616985, 1e-15);
  });

  const phi: gan.ToyPhi = [1.3, -0.4];
  const psi: gan.ToyPsi = [-0.2, 0.5, 0.1];
  const r = rng(11);
  const xs = Array.from(r.normals(7, 1, 1.5));
  const zs = Array.from(r.normals(7));

  it('hand gradients (∂d/∂Ψ, ∂d/∂Φ, batch ∇Ψ V̂, ∇Φ of both generator losses) match central finite differences', () => {
    const h = 1e-6;
    const fdVec = (f: (p: number[]) => number, p: number[]) =>
      p.map((_, i) => {
        const a = [...p];
        const b = [...p];
        a[i] += h;
        b[i] -= h;
        return (f(a) - f(b)) / (2 * h);
      });
    const dPsi = gan.toyDiscriminatorGradPsi(psi, 0.7);
    fdVec((p) => gan.toyDiscriminator(p as gan.ToyPsi, 0.7), psi).forEach((v, i) => close(dPsi[i], v, 1e-9));
    const dPhi = gan.toyDiscriminatorGradPhi(phi, psi, -0.3);
    fdVec((p) => gan.toyDiscriminator(psi, gan.toyGenerator(p as gan.ToyPhi, -0.3)), phi).forEach((v, i) => close(dPhi[i], v, 1e-9));
    for (const loss of gan.GENERATOR_LOSSES) {
      const g = gan.toyGradients(phi, psi, xs, zs, loss);
      fdVec((p) => gan.toyValue(phi, p as gan.ToyPsi, xs, zs), psi).forEach((v, i) => close(g.gradPsi[i], v, 1e-8));
      const genLoss = (p: number[]) => {
        const d = zs.map((z) => gan.toyDiscriminator(psi, gan.toyGenerator(p as gan.ToyPhi, z)));
        return gan.generatorLoss(d, loss);
      };
      fdVec(genLoss, phi).forEach((v, i) => close(g.gradPhi[i], v, 1e-8, loss));
    }
  });

  it('hand gradients match tfjs autodiff (tf.grad, float32 tolerance)', () => {
    const phiT = tf.tensor1d(phi);
    const psiT = tf.tensor1d(psi);
    const gV = tf.grad((p: tf.Tensor) => tfObjectives(phiT, p, xs, zs).V)(psiT).arraySync() as number[];
    const gSat = tf.grad((p: tf.Tensor) => tfObjectives(p, psiT, xs, zs).sat)(phiT).arraySync() as number[];
    const gNs = tf.grad((p: tf.Tensor) => tfObjectives(p, psiT, xs, zs).ns)(phiT).arraySync() as number[];
    const hs = gan.toyGradients(phi, psi, xs, zs, 'saturating');
    const hn = gan.toyGradients(phi, psi, xs, zs, 'nonSaturating');
    hs.gradPsi.forEach((v, i) => close(v, gV[i], 1e-4 * (1 + Math.abs(v))));
    hs.gradPhi.forEach((v, i) => close(v, gSat[i], 1e-4 * (1 + Math.abs(v))));
    hn.gradPhi.forEach((v, i) => close(v, gNs[i], 1e-4 * (1 + Math.abs(v))));
    // the library's own autodiff route agrees too (both losses)
    for (const loss of gan.GENERATOR_LOSSES) {
      const ad = gan.toyGradientsAutodiff(phi, psi, xs, zs, loss);
      const hd = gan.toyGradients(phi, psi, xs, zs, loss);
      hd.gradPsi.forEach((v, i) => close(ad.gradPsi[i], v, 1e-4 * (1 + Math.abs(v))));
      hd.gradPhi.forEach((v, i) => close(ad.gradPhi[i], v, 1e-4 * (1 + Math.abs(v))));
    }
    assert.throws(() => gan.toyGradientsAutodiff(phi, psi, xs, zs, 'x' as never), /generatorLoss must be one of/);
  });

  it('000 (4.5) as printed equals descent on mean ln(1 − d(g(z))) and ascent on V̂ (sign check against tf.grad)', () => {
    const gamma = 0.1;
    const step = gan.nguyenSgdStep(phi, psi, xs, zs, gamma);
    const phiT = tf.tensor1d(phi);
    const psiT = tf.tensor1d(psi);
    const gSat = tf.grad((p: tf.Tensor) => tfObjectives(p, psiT, xs, zs).sat)(phiT).arraySync() as number[];
    const gV = tf.grad((p: tf.Tensor) => tfObjectives(phiT, p, xs, zs).V)(psiT).arraySync() as number[];
    step.phi.forEach((v, i) => close(v, phi[i] - gamma * gSat[i], 1e-5));
    step.psi.forEach((v, i) => close(v, psi[i] + gamma * gV[i], 1e-5));
    // and agrees exactly (float64) with the simultaneous trainer's first step written with toyGradients
    const g = gan.toyGradients(phi, psi, xs, zs, 'saturating');
    step.phi.forEach((v, i) => close(v, phi[i] - gamma * g.gradPhi[i], 1e-14));
    step.psi.forEach((v, i) => close(v, psi[i] + gamma * g.gradPsi[i], 1e-14));
  });

  it('toyOptimalPsi is D* in the quadratic family; at p_g = p_data it is Ψ = 0 (D ≡ ½)', () => {
    const p = gan.toyOptimalPsi({ mu: 2, sigma: 1 }, [1, 2]);
    p.forEach((v) => close(v, 0, 1e-15));
    const q = gan.toyOptimalPsi({ mu: 0, sigma: 1 }, [1, 1]);
    assert.deepEqual(q, gan.gaussianOptimalLogitCoefficients(0, 1, 1, 1));
    assert.deepEqual(gan.toyGeneratedDensity([-2, 0.5]), { mu: 0.5, sigma: 2 });
  });

  it('000 NB13 ex. 8 / 002 NB14 part 4: seeded alternating non-saturating SGD recovers N(2, 1) — mean of b over the last 500 of 3000 steps within 0.1 of 2, |a| within 0.1 of 1 (recorded run)', () => {
    const res = gan.trainToyGan({ data: { mu: 2, sigma: 1 }, init: { phi: [1, 0], psi: [0, 0, 0] }, steps: 3000, batch: 64, lrD: 0.03, lrG: 0.03, ...gan.toyGanPreset('goodfellowAlgorithm2'), rng: rng(1) });
    const last = res.history.slice(-500);
    const mb = last.reduce((s, h) => s + h.phi[1], 0) / last.length;
    const ma = last.reduce((s, h) => s + Math.abs(h.phi[0]), 0) / last.length;
    close(mb, 2, 0.1, 'b');
    close(ma, 1, 0.1, '|a|');
    // D is near ½ on both batches at the end, and V̂ near −ln 4
    const lastD = last.reduce((s, h) => s + h.dReal, 0) / last.length;
    close(lastD, 0.5, 0.1);
    // deterministic: same seed, same history
    const again = gan.trainToyGan({ data: { mu: 2, sigma: 1 }, init: { phi: [1, 0], psi: [0, 0, 0] }, steps: 50, batch: 64, lrD: 0.03, lrG: 0.03, ...gan.toyGanPreset('goodfellowAlgorithm2'), rng: rng(1) });
    assert.deepEqual(again.history[50].phi, res.history[50].phi);
    assert.equal(res.snapshots.length, 11);
  });

  it('vanishing gradient: from a bad start against a strong D*, the saturating generator barely moves while the non-saturating one moves (E47/E59)', () => {
    const data = { mu: 3, sigma: 1 };
    const phi0: gan.ToyPhi = [1, -3];
    const psi0 = gan.toyOptimalPsi(data, phi0);
    const run = (loss: gan.GeneratorLoss) => gan.trainToyGan({ data, init: { phi: phi0, psi: psi0 }, steps: 100, batch: 64, lrD: 0.01, lrG: 0.01, update: 'alternating', generatorLoss: loss, rng: rng(5) });
    const sat = run('saturating');
    const ns = run('nonSaturating');
    assert.ok(ns.history[0].gradNormG > 100 * sat.history[0].gradNormG, `${ns.history[0].gradNormG} vs ${sat.history[0].gradNormG}`);
    assert.ok(Math.abs(sat.phi[1] - -3) < 0.1, `saturating b = ${sat.phi[1]}`);
    assert.ok(ns.phi[1] > -1, `non-saturating b = ${ns.phi[1]}`);
  });

  it('simultaneous saturating SGD (000 preset) also runs and reports V̂, D(real), D(fake) per step', () => {
    const res = gan.trainToyGan({ data: { mu: 2, sigma: 1 }, init: { phi: [1, 0], psi: [0, 0, 0] }, steps: 20, batch: 16, lrD: 0.03, lrG: 0.03, ...gan.toyGanPreset('nguyen'), rng: rng(2), snapshotEvery: 5 });
    assert.equal(res.history.length, 21);
    assert.equal(res.snapshots.length, 5);
    close(res.history[0].value, -Math.log(4), 1e-15); // Ψ = 0: D ≡ ½
    let seen = 0;
    gan.trainToyGan({ data: { mu: 2, sigma: 1 }, init: { phi: [1, 0], psi: [0, 0, 0] }, steps: 3, batch: 4, lrD: 0.1, lrG: 0.1, ...gan.toyGanPreset('dgmNotesStep2'), rng: rng(2), onStep: () => seen++ });
    assert.equal(seen, 3);
  });

  it('rejects bad input with errors naming the argument and value', () => {
    assert.throws(() => gan.toyGenerator([1] as never, 0), /toyGenerator: phi must have length 2 \(got length 1\)/);
    assert.throws(() => gan.toyLogit([0, 0, NaN] as never, 0), /psi\[2\] must be finite/);
    assert.throws(() => gan.toyValue([1, 0], [0, 0, 0], [], [0]), /xs must not be empty/);
    assert.throws(() => gan.toyGradients([1, 0], [0, 0, 0], [0], [0], 'wgan' as never), /generatorLoss must be one of/);
    assert.throws(() => gan.nguyenSgdStep([1, 0], [0, 0, 0], [0, 1], [0], 0.1), /zs must have length 2/);
    assert.throws(() => gan.nguyenSgdStep([1, 0], [0, 0, 0], [0], [0], 1.5), /gamma must be in \(0, 1\] .*\(got 1.5\)/);
    const base = { data: { mu: 0, sigma: 1 }, init: { phi: [1, 0] as gan.ToyPhi, psi: [0, 0, 0] as gan.ToyPsi }, steps: 5, batch: 4, lrD: 0.1, lrG: 0.1, update: 'alternating' as const, generatorLoss: 'saturating' as const, rng: rng(1) };
    assert.throws(() => gan.trainToyGan({ ...base, data: { mu: 0, sigma: 0 } }), /data.sigma must be > 0 \(got 0\)/);
    assert.throws(() => gan.trainToyGan({ ...base, steps: 0 }), /steps must be an integer >= 1 \(got 0\)/);
    assert.throws(() => gan.trainToyGan({ ...base, kD: 0 }), /kD must be an integer >= 1/);
    assert.throws(() => gan.trainToyGan({ ...base, update: 'sync' as never }), /update must be one of/);
    assert.throws(() => gan.trainToyGan({ ...base, rng: 3 as never }), /rng must be a core.rng/);
    assert.throws(() => gan.trainToyGan({ ...base, lrD: 1e308, lrG: 1e308, steps: 5 }), /diverged at step/);
    assert.throws(() => gan.toyGeneratedDensity([0, 1]), /a must be non-zero/);
    assert.throws(() => gan.toyGanPreset('wgan' as never), /name must be one of/);
  });
});
