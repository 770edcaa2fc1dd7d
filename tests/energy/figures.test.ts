import { strict as assert } from 'assert';
import * as energy from '../../src/energy';

const T = energy.TINY_RBM;

describe('energy/figures and data', () => {
  it('barsAndStripes: 2^{k+1} − 2 distinct images (3 × 3: 14 of 512), each with constant rows or constant columns', () => {
    for (const k of [2, 3, 4]) {
      const d = energy.barsAndStripes(k);
      assert.equal(d.length, 2 ** (k + 1) - 2);
      assert.equal(new Set(d.map((x) => x.join(''))).size, d.length);
      for (const img of d) {
        const rowsConst = [...Array(k).keys()].every((r) => img.slice(r * k, r * k + k).every((x) => x === img[r * k]));
        const colsConst = [...Array(k).keys()].every((c) => [...Array(k).keys()].every((r) => img[r * k + c] === img[c]));
        assert.ok(rowsConst || colsConst);
      }
    }
    assert.throws(() => energy.barsAndStripes(1), /barsAndStripes: k must be an integer in \[2, 5\] \(got 1\)/);
  });

  it('builders return plotly figures with data', () => {
    const p = energy.rbmVisibleDistribution(T);
    const figs = [
      energy.distributionVsSampled(p, p),
      energy.logLikCurves([{ name: 'a', y: [1, 2, 3] }], { reference: { name: 'r', value: 2 } }),
      energy.rbmFilters({ W: [[1, -1, 0.5, 0]], b: [0, 0, 0, 0], c: [0] }, { width: 2, height: 2 }),
      energy.rbmImages([[0, 1, 1, 0]], { width: 2, height: 2 }),
      energy.rbmJointHeatmap(T),
      energy.aisFigure([{ K: 10, logZ: 3.6, se: 0.01 }], 3.62),
    ];
    for (const f of figs) assert.ok(Array.isArray(f.data) && f.data.length > 0);
  });

  it('validation: lengths, shapes and empty inputs', () => {
    assert.throws(() => energy.distributionVsSampled([0.5, 0.5], [1]), /distributionVsSampled: sampled must have length 2/);
    assert.throws(() => energy.distributionVsSampled([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]), /distributionVsSampled: exact must have 2\^d entries/);
    assert.throws(() => energy.logLikCurves([]), /logLikCurves: curves must be a non-empty array/);
    assert.throws(() => energy.rbmFilters(T, { width: 2, height: 2 }), /rbmFilters: opts.width × opts.height must equal the 3 visible units/);
    assert.throws(() => energy.rbmImages([], { width: 2, height: 2 }), /rbmImages: images must be a non-empty array/);
    assert.throws(() => energy.rbmImages([[0]], { width: 0, height: 2 }), /rbmImages: opts.width/);
    assert.throws(() => energy.aisFigure([], 1), /aisFigure: points must be a non-empty array/);
  });
});
