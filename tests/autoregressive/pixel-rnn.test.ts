/**
 * The 2-D LSTM pixel-density model trained in tfjs (000 (2.14), L597–618). Expected behaviour: bars images are all-horizontal or
 * all-vertical (construction); training lowers the NLL from the uniform-model value 25·log 2 region (seeded); exact generation
 * gives 0/1 pixels, the tutorial rule (E31) gives probabilities; the conditional of pixel (i, j) ignores x_{i,j} and later pixels.
 */
import { strict as assert } from 'assert';
import * as AR from '../../src/autoregressive';
import { rng } from '../../src/core/rng';
import { initBackend } from '../../src/core/backend';

before(async () => {
  await initBackend('cpu');
});

describe('autoregressive — 2-D LSTM pixel density (000 §2)', () => {
  it('bars images are constant along rows or along columns, never blank', () => {
    for (const im of AR.barsImages(50, 5, rng(1))) {
      const rowsConst = im.every((r) => r.every((v) => v === r[0]));
      const colsConst = im[0].every((_, j) => im.every((r) => r[j] === im[0][j]));
      assert.ok(rowsConst || colsConst);
      assert.ok(im.flat().some((v) => v === 1));
    }
  });

  it('training lowers the NLL (20 Adam steps, 4×4 bars, seeded); exact samples are binary, tutorial-form "pixels" are probabilities', function () {
    this.timeout(120000);
    const tr = AR.pixelRnnTrainer(AR.barsImages(200, 4, rng(2)), { d: 4, lr: 0.05, batchSize: 16, seed: 3 });
    const first = tr.step();
    let last = first;
    for (let s = 0; s < 20; s++) last = tr.step();
    assert.ok(last < first, `${first} → ${last}`);
    const p = tr.params();
    tr.dispose();
    const ex = AR.pixelRnnGenerate(p, 4, 4, rng(4), 'exact');
    assert.ok(ex.flat().every((v) => v === 0 || v === 1));
    const tu = AR.pixelRnnGenerate(p, 4, 4, rng(4), 'tutorial');
    assert.ok(tu.flat().every((v) => v > 0 && v < 1));
  });

  it('bad input', () => {
    assert.throws(() => AR.barsImages(0, 4, rng(1)), /barsImages: n/);
    assert.throws(() => AR.pixelRnnTrainer([]), /pixelRnnTrainer: argument images/);
    assert.throws(() => AR.pixelRnnTrainer([[[0, 2]]]), /images\[0\] must be a 1×2 array of 0\/1 pixels/);
    assert.throws(() => AR.pixelRnnTrainer([[[0, 1]]], { d: 0 }), /opts.d/);
    const p = { d: 1, gates: Object.fromEntries(AR.LSTM_GATES.map((g) => [g, { W: [0], U: [[0]], V: [[0]], b: [0] }])), r: [0, 0], r0: 0 } as unknown as AR.PixelRnnParams;
    assert.throws(() => AR.pixelRnnGenerate(p, 2, 2, rng(1), 'other' as never), /mode must be 'exact' or 'tutorial'/);
    assert.throws(() => AR.pixelRnnGenerate(p, 0, 2, rng(1)), /pixelRnnGenerate: rows/);
  });
});
