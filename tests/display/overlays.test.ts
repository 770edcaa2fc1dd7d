/** display/overlays (issue #25, point 6): a path or marked points added to a figure without touching plotly traces in a cell. */
import { strict as assert } from 'assert';
import { linePlot } from '../../src/display/figures';
import { withMarkers, withPath } from '../../src/display/overlays';

describe('display/overlays', () => {
  const base = linePlot({ x: [0, 1, 2], y: [1, 2, 3] });

  it('withPath adds one lines+markers trace and leaves the input figure alone', () => {
    const f = withPath(base, { x: new Float64Array([0, 1]), y: [2, 1], name: 'moves' });
    assert.equal(f.data.length, base.data.length + 1);
    const t = f.data[f.data.length - 1] as { mode: string; x: number[]; name: string };
    assert.equal(t.mode, 'lines+markers');
    assert.deepEqual(t.x, [0, 1]);
    assert.equal(t.name, 'moves');
    assert.equal(base.data.length, 1);
  });

  it('withMarkers adds a marker trace', () => {
    const f = withMarkers(base, { x: [1], y: [-0.35], name: 'posterior' });
    assert.equal((f.data[1] as { mode: string }).mode, 'markers');
  });

  it('rejects bad overlays naming the argument', () => {
    assert.throws(() => withPath(base, { x: [], y: [] }), /withPath: overlay.x must be a non-empty array/);
    assert.throws(() => withPath(base, { x: [1, 2], y: [1] }), /same length \(got 2 and 1\)/);
    assert.throws(() => withMarkers(base, { x: [NaN], y: [1] }), /withMarkers: overlay coordinates must be finite/);
    assert.throws(() => withPath({} as never, { x: [1], y: [1] }), /withPath: fig must be a figure/);
  });
});
