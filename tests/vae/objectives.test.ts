import { strict as assert } from 'assert';
import * as vae from '../../src/vae';
import { close, throwsWith } from './helpers';

describe('vae/objectives — source forms next to exact forms', () => {
  it('000 O-27 / 000-E35: log P(x|z=m) = −1.4189385 vs E_Q log P(x|z) = −1.9189385; the difference is w²v/(2s²) = 0.5', () => {
    const model = vae.linearGaussian1d(1, 1);
    const q = vae.gaussianQ1d(0, 1);
    close(vae.tutorialPulledOutLogLik(model, [1], q), -1.4189385332046727, 1e-13);
    const l = vae.tutorialLoss(model, [1], q);
    close(l.exact - l.source, 0.5, 1e-13);
    const m2 = vae.linearGaussian1d(1.7, 0.4);
    const q2 = vae.gaussianQ1d(0.2, 0.3);
    close(vae.tutorialPulledOutLogLik(m2, [0.9], q2) - vae.lgExpectedLogLik(m2, [0.9], q2), (1.7 ** 2 * 0.3) / (2 * 0.4), 1e-12);
  });

  it('003 §4.5 erratum oracles: L541 gives −1.0723649 ≠ −2.2655121 (E59); L545 gives −1.6689385 > log p(x) (E61)', () => {
    const e = vae.lgElbo1d(1, 1, 2, 1, 0.5);
    close(vae.sourceFormLogEvidence003(e.expectedLogLik, e.klPrior, e.klPosterior), -1.0723649, 1e-7);
    const b = vae.sourceFormBound003(e.expectedLogLik, e.klPosterior);
    close(b, -1.6689385, 1e-7);
    assert.ok(b > e.logEvidence);
    // exact identity with the signs right
    close(e.expectedLogLik - e.klPrior + e.klPosterior, e.logEvidence, 1e-12);
  });

  it('003 L564–570: C = −0.9189385 (D = 1) and −720.4478 (D = 784) (003 NB09 plan)', () => {
    close(vae.gaussianLogLikConstant(1), -0.9189385, 1e-7);
    close(vae.gaussianLogLikConstant(784), -720.4478, 1e-4);
  });

  it('003-E66: the source reconstruction is exactly twice the exact one; with the constant the exact loss is −log N(x; x̂, I) + KL', () => {
    const x = [1, 0.5, -0.2];
    const xh = [0.8, 0.1, 0.3];
    const s = vae.vaeLoss003(x, xh, [0.2], [0.1], { form: 'source' });
    const e = vae.vaeLoss003(x, xh, [0.2], [0.1]);
    close(s.recon, 2 * e.recon, 1e-15);
    const c = vae.vaeLoss003(x, xh, [0.2], [0.1], { includeConstant: true });
    const nll = x.reduce((acc, xi, i) => acc + 0.5 * Math.log(2 * Math.PI) + 0.5 * (xi - xh[i]) ** 2, 0);
    close(c.recon, nll, 1e-13);
    close(c.total, nll + vae.klLogVar([0.2], [0.1]), 1e-13);
  });

  it('004-E2: the risk (68.37) equals 2·(−ELBO) − M ln 2π + P; sayedRiskToElbo recovers the ELBO in nats', () => {
    const h = [[1, 0, -1], [0.3, 0.2, 0.1]];
    const hh = [[0.5, 0.2, -0.4], [0, 0, 0]];
    const mu = [[1, -1], [0.2, 0.1]];
    const a = [[1, 0], [-0.5, 0.3]];
    const risk = vae.sayedRisk(h, hh, mu, a);
    const elbo = (vae.sayedElboNats(h[0], hh[0], mu[0], a[0]) + vae.sayedElboNats(h[1], hh[1], mu[1], a[1])) / 2;
    close(vae.sayedRiskToElbo(risk, 3, 2), elbo, 1e-12);
    close(risk, -2 * elbo - 3 * Math.log(2 * Math.PI) + 2, 1e-12);
  });

  it('bad input: errors name the argument', () => {
    throwsWith(() => vae.sourceFormLogEvidence003(NaN, 0, 0), RangeError, /expectedLogLik/);
    throwsWith(() => vae.sourceFormBound003(0, Infinity), RangeError, /klPosterior/);
    throwsWith(() => vae.vaeLoss003([1], [1, 2], [0], [0]), RangeError, /xhat must have length 1/);
    throwsWith(() => vae.vaeLoss003([1], [1], [0], [0], { form: 'half' as never }), RangeError, /opts.form/);
    throwsWith(() => vae.gaussianLogLikConstant(0), RangeError, /D must be an integer >= 1/);
    throwsWith(() => vae.sayedRisk([], [], [], []), TypeError, /h must be a non-empty array/);
    throwsWith(() => vae.sayedRisk([[1]], [[1]], [], [[0]]), RangeError, /mu must have 1 rows/);
    throwsWith(() => vae.sayedRiskToElbo(1, 0, 2), RangeError, /M must be an integer >= 1/);
    throwsWith(() => vae.sayedElboNats([1], [1], [0], [0, 1]), RangeError, /a must have length 1/);
  });
});
