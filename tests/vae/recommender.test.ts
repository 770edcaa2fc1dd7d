import { strict as assert } from 'assert';
import { rng } from '../../src/core/rng';
import { heldOutRmse, itemMeanPrediction, syntheticRatings, zeroFilledOptimum } from '../../src/vae/recommender';
import { flattenListing, initListingVae, listingBackprop, listingGradientsFd, listingGradientsTf, maskColumns } from '../../src/vae/sayedListing';
import { ListingVaeTf, trainListingVae } from '../../src/vae/sayedTraining';
import { close, throwsWith } from './helpers';

const maxAbs = (a: number[], b: number[]) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('vae/recommender: Example 68.2 and erratum 004-E22', () => {
  it('zero-filled optimum p·r̄ (closed form: d/dc [p(r̄ − c)² + (1 − p)c²] = 0)', () => {
    const r = zeroFilledOptimum(0.2, 0.8);
    close(r.zeroFilled, 0.16, 1e-15);
    close(r.observedOnly, 0.8, 0);
    // brute force over a grid of constants
    let best = 0;
    let bestLoss = Infinity;
    for (let c = 0; c <= 1; c += 1e-4) {
      const l = 0.2 * (0.8 - c) ** 2 + 0.8 * c ** 2;
      if (l < bestLoss) [best, bestLoss] = [c, l];
    }
    close(best, 0.16, 1e-4);
  });
  it('syntheticRatings: observed fraction and held-out entries are disjoint from the training mask', () => {
    const p = syntheticRatings(200, 30, 2, 0.3, 0.25, rng(1));
    const nObs = p.mask.flat().reduce((s, v) => s + v, 0) + p.heldOut.length;
    const se = Math.sqrt(6000 * 0.3 * 0.7);
    assert.ok(Math.abs(nObs - 1800) < 4 * se, `${nObs}`);
    p.heldOut.forEach((e) => assert.equal(p.mask[e.user][e.item], 0));
    p.heldOut.forEach((e) => close(e.rating, p.truth[e.user][e.item], 0));
  });
  it('the masked listing gradients equal finite differences and tf.grads', () => {
    const vae = initListingVae({ M: 5, P: 2, encoderHidden: [4], decoderHidden: [4] }, rng(2), { activations: { hidden: 'tanh', encoderOutput: 'identity', decoderOutput: 'sigmoid' }, biasScale: 0.2 });
    const g = rng(3);
    const H = Array.from({ length: 3 }, () => Array.from(g.uniforms(5)));
    const E = Array.from({ length: 3 }, () => Array.from(g.normals(2)));
    const mask = [[1, 0, 1, 0, 0], [0, 1, 1, 1, 0], [1, 1, 0, 0, 1]];
    const hand = flattenListing(listingBackprop(vae, H, E, { mask }).grads);
    assert.ok(maxAbs(hand, listingGradientsFd(vae, H, E, { mask })) < 1e-7);
    const t = flattenListing(listingGradientsTf(vae, H, E, { mask }));
    assert.ok(maxAbs(hand, t) < 1e-4 * Math.max(...t.map(Math.abs)));
    // unobserved entries do not reach the terminal sensitivity (V9)
    assert.equal(Math.abs(listingBackprop(vae, H, E, { mask }).trace.V9[1][0]), 0);
  });
  it('trained on zero-filled rows the VAE underpredicts held-out ratings; masked training beats the item-mean baseline', async function () {
    this.timeout(60000);
    const p = syntheticRatings(300, 40, 3, 0.3, 0.2, rng(1));
    const rmse: number[] = [];
    for (const masked of [false, true]) {
      const net = new ListingVaeTf(initListingVae({ M: 40, P: 3, encoderHidden: [32], decoderHidden: [32] }, rng(2), { activations: { hidden: 'tanh', encoderOutput: 'identity', decoderOutput: 'sigmoid' } }));
      await trainListingVae(net, p.R, { epochs: 40, batchSize: 30, eta: 3e-3, optimizer: 'adam', kappa: 0.02, rng: rng(3), masks: masked ? p.mask : undefined });
      const pred = net.reconstructRows(p.R);
      rmse.push(heldOutRmse(pred, p.heldOut));
      if (!masked) {
        const meanPred = p.heldOut.reduce((s, e) => s + pred[e.user][e.item], 0) / p.heldOut.length;
        const meanTrue = p.heldOut.reduce((s, e) => s + e.rating, 0) / p.heldOut.length;
        assert.ok(meanPred < 0.6 * meanTrue, `mean prediction ${meanPred} vs mean rating ${meanTrue}`);
      }
      net.dispose();
    }
    const base = heldOutRmse(itemMeanPrediction(p.R, p.mask), p.heldOut);
    assert.ok(rmse[1] < base && base < rmse[0], `zero-filled ${rmse[0]}, masked ${rmse[1]}, item mean ${base}`);
  });
  it('bad input: syntheticRatings observed outside [0, 1]', () => throwsWith(() => syntheticRatings(2, 2, 1, 1.5, 0, rng(1)), RangeError, /syntheticRatings.*observed.*1\.5/));
  it('bad input: syntheticRatings rank not an integer', () => throwsWith(() => syntheticRatings(2, 2, 0.5, 0.5, 0, rng(1)), RangeError, /syntheticRatings.*rank.*0\.5/));
  it('bad input: syntheticRatings without rng', () => throwsWith(() => syntheticRatings(2, 2, 1, 0.5, 0, null as never), TypeError, /syntheticRatings.*rng/));
  it('bad input: zeroFilledOptimum p outside [0, 1]', () => throwsWith(() => zeroFilledOptimum(-0.1, 1), RangeError, /zeroFilledOptimum.*p.*-0\.1/));
  it('bad input: zeroFilledOptimum mean not finite', () => throwsWith(() => zeroFilledOptimum(0.5, NaN), TypeError, /zeroFilledOptimum.*mean.*NaN/));
  it('bad input: heldOutRmse empty heldOut', () => throwsWith(() => heldOutRmse([[1]], []), RangeError, /heldOutRmse.*heldOut/));
  it('bad input: heldOutRmse entry outside pred', () => throwsWith(() => heldOutRmse([[1]], [{ user: 2, item: 0, rating: 1 }]), RangeError, /heldOutRmse.*\(2, 0\)/));
  it('bad input: itemMeanPrediction sizes differ', () => throwsWith(() => itemMeanPrediction([[1]], []), RangeError, /itemMeanPrediction/));
  it('bad input: maskColumns wrong row count', () => throwsWith(() => maskColumns('f', [[1]], 2, 1), RangeError, /f: argument mask must have one row per sample \(2\)/));
  it('bad input: maskColumns row length', () => throwsWith(() => maskColumns('f', [[1, 0]], 1, 1), RangeError, /mask\[0\].*M = 1/));
  it('bad input: maskColumns entry not 0/1', () => throwsWith(() => maskColumns('f', [[0.5]], 1, 1), RangeError, /mask\[0\]\[0\].*0 or 1.*0\.5/));
});
