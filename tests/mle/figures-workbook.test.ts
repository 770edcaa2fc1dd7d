/** Figures of the BASICS notebooks and the errata-workbook helpers (their specs and data, not their look). */
import { strict as assert } from 'assert';
import '../../src/index';
import * as mle from '../../src/mle';
import { takeEmitted } from '../../src/display/emit';

describe('mle/figures — figure specs of the BASICS notebooks', () => {
  it('sigmoid derivative figure: two curves, the exact one peaks at 0.25 (O-01)', () => {
    const f = mle.sigmoidDerivativeFigure();
    assert.equal(f.data.length, 2);
    const ys = f.data[0].y as number[];
    assert.ok(Math.abs(Math.max(...ys) - 0.25) < 1e-3);
    assert.ok(Math.max(...(f.data[1].y as number[])) > 0.23);
  });

  it('Bernoulli figure marks the argmax N(x)/N', () => {
    const f = mle.bernoulliLogLikFigure(10, 7);
    assert.deepEqual(f.data[1].x, [0.7]);
    assert.ok(Math.abs((f.data[1].y as number[])[0] + 6.108643020548935) < 1e-9);
  });

  it('loss contour figure: a contour trace under the paths, with log10 losses', () => {
    const Z = [[0], [1], [2]];
    const X = [[1], [3], [5]];
    const f = mle.lossContourFigure(Z, X, [{ name: 'p', trajectory: [[0, 0], [1, 0.5], [2, 1]] }], [0, 3], [-1, 2], 7);
    assert.equal(f.data[0].type, 'contour');
    const z = f.data[0].z as number[][];
    assert.equal(z.length, 7);
    // at (w, c) = (2, 1) the loss is 0: the grid point nearest is the minimum of the grid
    assert.ok(Math.min(...z.flat()) === z[4][4]);
    assert.throws(() => mle.lossContourFigure([[0, 1]], X, [], [0, 1], [0, 1]), /Z/);
  });

  it('KL asymmetry heat-map is antisymmetric with a zero diagonal', () => {
    const f = mle.klAsymmetryFigure(5);
    const z = f.data[0].z as number[][];
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) assert.ok(Math.abs(z[i][j] + z[j][i]) < 1e-12);
  });

  it('network figure labels the O-42 deltas; counts figures use log axes; taxonomy has 10 nodes', () => {
    const { net, input, target, gamma } = mle.A1_EXAMPLE;
    const f = mle.networkFigure(net, input, target, gamma);
    const text = JSON.stringify(f);
    assert.ok(text.includes('δ=0.10842'), 'output delta shown');
    assert.ok(text.includes('δ=0.01513'), 'hidden delta shown');
    assert.equal((mle.parameterCountFigure([2, 4]).layout.yaxis as { type: string }).type, 'log');
    assert.equal((mle.taxonomyFigure().data[0].labels as string[]).length, 10);
    assert.throws(() => mle.parameterCountFigure([] as number[]), /ps/);
  });
});

describe('mle/workbook — the 000 errata workbook', () => {
  it('knows every inventory id once and reports registered/missing', () => {
    const ids = mle.ERRATA_000_PARTS.flatMap((p) => p.ids);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(ids.length, 70);
    const st = mle.errataStatus(['000-E06', '000-E999']);
    assert.deepEqual(st, { registered: ['000-E06'], missing: ['000-E999'] });
    assert.throws(() => mle.errataStatus('000-E06' as never), /ids/);
  });

  it('showErrataIfRegistered shows the registered ones and names the missing ones, without throwing', () => {
    takeEmitted();
    const st = mle.showErrataIfRegistered(['000-E06', '000-E998'], 'test');
    const out = JSON.stringify(takeEmitted());
    assert.deepEqual(st.missing, ['000-E998']);
    assert.ok(out.includes('000-E06') && out.includes('000-E998'));
  });

  it('coverage figure stacks registered and missing counts per part (totals = inventory ids per part)', () => {
    const f = mle.errataCoverageFigure();
    const reg = f.data[0].y as number[];
    const mis = f.data[1].y as number[];
    mle.ERRATA_000_PARTS.forEach((p, i) => assert.equal(reg[i] + mis[i], p.ids.length));
    assert.ok(reg[0] === 10 && reg[6] === 6, 'the BASICS parts are complete');
  });
});
