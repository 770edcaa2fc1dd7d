/**
 * 001 Section 1: PixelCNN masks and exact receptive fields. Expected values: the four fields of pixel 34 derived by hand from the
 * reconstructed masks (001-E11) and re-derived independently by tfjs autodiff through random masked conv nets (non-zero gradient ⇔
 * in the field); the source's intermediate set (L44) for the orientation question.
 */
import { strict as assert } from 'assert';
import * as AR from '../../src/autoregressive';
import { initBackend } from '../../src/core/backend';

before(async () => {
  await initBackend('cpu');
});

describe('autoregressive — masks (001 Section 1)', () => {
  it('3×3 masks A and B in both orientations (van den Oord et al. 2016 §3.4; flipped = vertical flip)', () => {
    assert.deepEqual(AR.maskedConvKernelMask('A', 3), [[1, 1, 1], [1, 0, 0], [0, 0, 0]]);
    assert.deepEqual(AR.maskedConvKernelMask('B', 3), [[1, 1, 1], [1, 1, 0], [0, 0, 0]]);
    assert.deepEqual(AR.maskedConvKernelMask('A', 3, 'flipped'), [[0, 0, 0], [1, 0, 0], [1, 1, 1]]);
    assert.deepEqual(AR.maskedConvKernelMask('B', 3, 'flipped'), [[0, 0, 0], [1, 1, 0], [1, 1, 1]]);
  });

  it('k×k masks have (k²−1)/2 ones (A) and (k²+1)/2 (B) for every odd k (counting the half-plane)', () => {
    for (const k of [1, 3, 5, 7, 9]) {
      const s = (m: number[][]) => m.flat().reduce((a, b) => a + b, 0);
      assert.equal(s(AR.maskedConvKernelMask('A', k)), (k * k - 1) / 2);
      assert.equal(s(AR.maskedConvKernelMask('B', k, 'flipped')), (k * k + 1) / 2);
    }
  });

  const HAND: Record<string, Record<string, number[]>> = {
    // Derived by hand: raster B reads {(-1,-1),(-1,0),(-1,1),(0,-1),(0,0)}; A the same without (0,0). Flipped: rows +1 instead of -1.
    raster: {
      AA: [12, 13, 14, 15, 22, 23, 24, 32],
      AB: [12, 13, 14, 15, 22, 23, 24, 25, 32, 33],
      BA: [12, 13, 14, 15, 22, 23, 24, 25, 32, 33],
      BB: [12, 13, 14, 15, 22, 23, 24, 25, 32, 33, 34],
    },
    flipped: {
      AA: [32, 42, 43, 44, 52, 53, 54, 55],
      AB: [32, 33, 42, 43, 44, 45, 52, 53, 54, 55],
      BA: [32, 33, 42, 43, 44, 45, 52, 53, 54, 55],
      BB: [32, 33, 34, 42, 43, 44, 45, 52, 53, 54, 55],
    },
  };
  for (const o of AR.ORIENTATIONS) {
    for (const c of AR.FOUR_CASES) {
      it(`001 Section 1: field of pixel 34, case (${c}) ${o} — hand derivation and tf autodiff agree`, () => {
        const f = AR.receptiveField(c, 34, 5, o);
        assert.deepEqual(f, HAND[o][c.join('')]);
        assert.deepEqual(AR.receptiveFieldByAutodiff(c, 34, 5, o, { seed: 7 }).field, f);
      });
    }
  }

  it('001 L44: the flipped orientation (and only it) reproduces the intermediate set {33, 34, 43, 44, 45}', () => {
    const s = AR.stepsIntermediateSet();
    assert.deepEqual(s.map((x) => x.matchesSource), [false, true]);
    assert.deepEqual(s[0].set, [23, 24, 25, 33, 34]);
  });

  it('autodiff agrees with set propagation on random stacks, sizes, pixels and kernel sizes 3 and 5 (independent route)', () => {
    const cases: [AR.MaskType[], number, number, AR.Orientation, number][] = [
      [['A', 'B', 'B'], 55, 6, 'raster', 3],
      [['A', 'A', 'B', 'A'], 44, 7, 'flipped', 3],
      [['B', 'A'], 35, 6, 'raster', 5],
      [['A'], 11, 4, 'raster', 3],
      [['A', 'B'], 33, 5, 'flipped', 5],
    ];
    for (const [layers, px, size, o, k] of cases) {
      assert.deepEqual(AR.receptiveFieldByAutodiff(layers, px, size, o, { k, seed: 3 }).field, AR.receptiveField(layers, px, size, o, k), `${layers} ${px} ${o} k=${k}`);
    }
  });

  it('the first pixel under mask A sees nothing; the last layer alone (one layer A) reads exactly the mask support', () => {
    assert.deepEqual(AR.receptiveField(['A'], 11, 5), []);
    assert.deepEqual(AR.receptiveField(['A'], 33, 5), [22, 23, 24, 32]);
  });

  it('blind spot of pixel 44 in 7×7 under A+5B is {27, 36, 37} (the up-right wedge: offsets (−1,+2), (−1,+3), (−2,+3))', () => {
    assert.deepEqual(AR.blindSpot(['A', 'B', 'B', 'B', 'B', 'B'], 44, 7), [27, 36, 37]);
    // adding more B layers never closes it (the wedge is structural)
    assert.deepEqual(AR.blindSpot(['A', ...Array(12).fill('B')], 44, 7), [27, 36, 37]);
  });

  it('receptiveFieldLayers: fields per layer end with the output pixel; rc with two-digit columns for size ≥ 10', () => {
    const f = AR.receptiveFieldLayers(['A', 'B'], 34, 5);
    assert.equal(f.length, 3);
    assert.deepEqual(f[2], [34]);
    assert.equal(AR.pixelIndex(3, 12, 12), 312);
    assert.deepEqual(AR.pixelRowCol(312, 12), [3, 12]);
    assert.deepEqual(AR.receptiveField(['A'], 312, 12), [211, 212, 311]);
  });

  it('fieldGrid and the figures build', () => {
    assert.deepEqual(AR.fieldGrid([11, 22], 2), [[1, 0], [0, 1]]);
    assert.equal(AR.receptiveFieldsFigure('flipped').data.length, 4);
    assert.equal(AR.layerFieldsFigure(['A', 'B']).data.length, 2);
    assert.equal(AR.blindSpotFigure(['A', 'B', 'B'], 44, 7).data.length, 1);
  });

  describe('bad input', () => {
    it('mask type', () => assert.throws(() => AR.maskedConvKernelMask('C' as never, 3), /maskedConvKernelMask: type .*"C"/));
    it('even kernel size', () => assert.throws(() => AR.maskedConvKernelMask('A', 4), /RangeError|odd kernel size \(got 4\)/));
    it('non-integer kernel size', () => assert.throws(() => AR.maskedConvKernelMask('A', 2.5), /k must be an integer/));
    it('orientation', () => assert.throws(() => AR.receptiveField(['A'], 34, 5, 'up' as never), /receptiveFieldLayers: orientation/));
    it('layers not an array', () => assert.throws(() => AR.receptiveField('AB' as never, 34, 5), TypeError));
    it('layers empty', () => assert.throws(() => AR.receptiveField([], 34, 5), /layers must not be empty/));
    it('layer entry', () => assert.throws(() => AR.receptiveField(['A', 'X' as never], 34, 5), /layers\[1\]/));
    it('pixel outside the map', () => assert.throws(() => AR.receptiveField(['A'], 36, 5), /outputPixel must be a pixel rc .* \(got 36\)/));
    it('pixel with row 0', () => assert.throws(() => AR.receptiveField(['A'], 4, 5), /outputPixel .*got 4/));
    it('size', () => assert.throws(() => AR.receptiveField(['A'], 34, 0), /size must be an integer/));
    it('autodiff channels', () => assert.throws(() => AR.receptiveFieldByAutodiff(['A'], 34, 5, 'raster', { channels: 0 }), /opts.channels/));
    it('fieldGrid pixel', () => assert.throws(() => AR.fieldGrid([99], 5), /fieldGrid: argument pixels\[0\]/));
    it('pixelIndex column', () => assert.throws(() => AR.pixelIndex(1, 6, 5), /pixelIndex: c must/));
  });
});
