/**
 * The plotly spec each figure helper builds, and every bad-input branch. Expected values are derived by hand from
 * the definitions (exact enumeration for histogram bins, closed-form arrow geometry, longest-path layers).
 */
import { strict as assert } from 'assert';
import {
  animation,
  barChart,
  curve,
  digraph,
  graphLayers,
  heatmap,
  histogram,
  histogramBins,
  imageGrid,
  linePlot,
  scatter,
  trajectory,
  vectorField,
} from '../../src/display';

type AnyRec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('display/figures: linePlot and curve', () => {
  it('builds one scatter trace per series; x defaults to 0..n-1; log axes set the axis type', () => {
    assert.deepEqual(linePlot({ y: [3, 2, 1] }).data[0].x, [0, 1, 2]);
    const f = linePlot([{ x: [1, 2, 3], y: [3, 2, 1], name: 'a' }, { x: [1, 10, 100], y: [1, 2, 3], name: 'b', dash: 'dash' }], { logX: true, logY: true, title: 'T', xLabel: 'n' });
    assert.equal(f.data.length, 2);
    assert.deepEqual(f.data[1].x, [1, 10, 100]);
    assert.equal((f.data[1].line as AnyRec).dash, 'dash');
    assert.equal((f.layout.xaxis as AnyRec).type, 'log');
    assert.equal((f.layout.yaxis as AnyRec).type, 'log');
    assert.equal((f.layout.xaxis as AnyRec).title.text, 'n');
    assert.equal((f.layout.title as AnyRec).text, 'T');
    assert.equal(f.layout.showlegend, true);
    assert.equal(f.warnings, undefined);
  });

  it('but logX with x[0]=0 is an error (no gap policy for abscissae)', () => {
    assert.throws(() => linePlot({ x: [0, 1], y: [1, 2] }, { logX: true }), /linePlot: series\.x\[0\] must be > 0 on a log x axis \(got 0\)/);
  });

  it('NaN/±Infinity in y become gaps (null, connectgaps false) with a visible warning naming the series and indices', () => {
    const f = linePlot([{ y: [1, 2] }, { y: [1, NaN, 3, Infinity], name: 'loss' }]);
    assert.deepEqual(f.data[1].y, [1, null, 3, null]);
    assert.equal(f.data[1].connectgaps, false);
    assert.equal(f.warnings!.length, 1);
    assert.match(f.warnings![0], /series\[1\]\.y \("loss"\) has 2 values that cannot be drawn .*NaN at index 1, Infinity at index 3.*drawn as gaps/);
    const ann = (f.layout.annotations as AnyRec[]).at(-1)!;
    assert.equal(ann.text, '⚠ loss: 2 values not drawn (gaps)');
  });

  it('y ≤ 0 on a log y axis is a gap too; nonFinite "error" makes it an error', () => {
    const f = linePlot({ y: [1, 0, -1, 2] }, { logY: true });
    assert.deepEqual(f.data[0].y, [1, null, null, 2]);
    assert.throws(() => linePlot({ y: [1, NaN] }, { nonFinite: 'error' }), /linePlot: series\.y has 1 value that cannot be drawn \(non-finite: NaN at index 1\)/);
  });

  it('a curve with no drawable value at all is an error, not a blank plot', () => {
    assert.throws(() => linePlot({ y: [NaN, NaN] }), /every value, so the curve would be blank/);
  });

  it('mismatched lengths, empty data, non-numbers and bad options are errors naming the argument', () => {
    assert.throws(() => linePlot({ x: [1, 2, 3], y: [1, 2] }), /linePlot: series\.x must have the same length as series\.y \(2\) \(got length 3\)/);
    assert.throws(() => linePlot([{ y: [1] }, { y: [] }]), /linePlot: series\[1\]\.y must not be empty/);
    assert.throws(() => linePlot([]), /linePlot: series must contain at least one series/);
    assert.throws(() => linePlot({ y: [1, '2' as unknown as number] }), /linePlot: series\.y\[1\] must be a number \(got "2"\)/);
    assert.throws(() => linePlot({ x: [0, NaN], y: [1, 2] }), /linePlot: series\.x\[1\] must be finite \(got NaN\)/);
    assert.throws(() => linePlot({ y: [1] }, { nonFinite: 'skip' as never }), /opts\.nonFinite must be "gap" or "error"/);
    assert.throws(() => linePlot(null as never), /series must be an object/);
  });

  it('curve() samples f at n evenly spaced points including both ends', () => {
    const s = curve((x) => x * x, [0, 2], { n: 5, name: 'x²' });
    assert.deepEqual(s.x, [0, 0.5, 1, 1.5, 2]);
    assert.deepEqual(s.y, [0, 0.25, 1, 2.25, 4]);
    assert.throws(() => curve((x) => x, [1, 1]), /curve: range must be a finite interval \[min, max\] with min < max/);
    assert.throws(() => curve((x) => x, [0, 1], { n: 1 }), /curve: opts\.n must be at least 2/);
    assert.throws(() => curve((() => 'a') as never, [0, 1]), /curve: f\(0\) must return a number \(got "a"\)/);
  });
});

describe('display/figures: histogram against a density', () => {
  it('bins by exact enumeration: [0, .5 | 1, 1.5, 2] in 2 bins of [0, 2] → counts 2, 3; density heights 0.4, 0.6', () => {
    const h = histogramBins([0, 0.5, 1, 1.5, 2], 2, [0, 2], 'density');
    assert.deepEqual(h.counts, [2, 3]);
    assert.deepEqual(h.heights, [0.4, 0.6]);
    assert.deepEqual(h.centers, [0.5, 1.5]);
    assert.equal(h.heights.reduce((s, v) => s + v * h.width, 0), 1, 'bar areas sum to 1');
  });

  it('draws bars plus the density evaluated on 200 points of the range', () => {
    const f = histogram([0, 0.5, 1, 1.5, 2], { bins: 2, density: (x) => x / 2 });
    assert.equal(f.data[0].type, 'bar');
    assert.deepEqual(f.data[0].y, [0.4, 0.6]);
    const d = f.data[1] as AnyRec;
    assert.equal(d.x.length, 200);
    assert.equal(d.x[0], 0);
    assert.equal(d.x[199], 2);
    assert.equal(d.y[199], 1);
  });

  it('norm "count" scales the density to expected counts (n · width · p)', () => {
    const f = histogram([0, 0.5, 1, 1.5, 2], { bins: 2, norm: 'count', density: { x: [0, 2], y: [0.5, 0.5] } });
    assert.deepEqual(f.data[0].y, [2, 3]);
    assert.deepEqual(f.data[1].y, [2.5, 2.5]);
  });

  it('samples outside opts.range are reported in a visible warning', () => {
    const f = histogram([0, 1, 5], { range: [0, 2], bins: 2 });
    assert.match(f.warnings![0], /1 of 3 samples lie outside opts\.range \[0, 2\]/);
  });

  it('bad input: NaN sample, empty samples, bad density, bad bins', () => {
    assert.throws(() => histogram([1, NaN]), /histogram: samples\[1\] must be finite \(got NaN\)/);
    assert.throws(() => histogram([]), /histogram: samples must not be empty/);
    assert.throws(() => histogram([1, 2], { density: () => NaN }), /histogram: opts\.density\(1\) must be a finite number \(got NaN\)/);
    assert.throws(() => histogram([1, 2], { density: { x: [0, 1, 2], y: [1, 2] } }), /opts\.density\.x must have the same length as opts\.density\.y/);
    assert.throws(() => histogram([1, 2], { bins: 0 }), /histogram: opts\.bins must be an integer in \[1, 10000\] \(got 0\)/);
  });
});

describe('display/figures: scatter with density contours', () => {
  it('evaluates the density on the grid with z[row j][col i] = p(x_i, y_j) and draws it under the points', () => {
    const f = scatter({ x: [0, 1], y: [0, 2] }, { density: (x, y) => x + 10 * y, xRange: [0, 1], yRange: [0, 2], grid: 3 });
    const c = f.data[0] as AnyRec;
    assert.equal(c.type, 'contour');
    assert.deepEqual(c.x, [0, 0.5, 1]);
    assert.deepEqual(c.y, [0, 1, 2]);
    assert.deepEqual(c.z[2], [20, 20.5, 21]);
    assert.equal(f.data[1].mode, 'markers');
    assert.equal((f.layout.yaxis as AnyRec).scaleanchor, 'x');
  });

  it('pointContours adds a histogram2dcontour of the points', () => {
    const f = scatter([{ x: [0, 1], y: [1, 0] }, { x: [2], y: [2], name: 'b' }], { pointContours: true });
    assert.deepEqual(f.data.map((t) => t.type), ['histogram2dcontour', 'scatter', 'scatter']);
  });

  it('bad input names the point set and the argument', () => {
    assert.throws(() => scatter({ x: [0, 1], y: [0] }), /scatter: points\.y must have the same length as points\.x \(2\)/);
    assert.throws(() => scatter([{ x: [0], y: [0] }, { x: [Infinity], y: [0] }]), /scatter: points\[1\]\.x\[0\] must be finite \(got Infinity\)/);
    assert.throws(() => scatter({ x: [0], y: [0] }, { density: () => NaN, xRange: [0, 1], yRange: [0, 1], grid: 2 }), /scatter: opts\.density\(0, 0\) must be a finite number/);
    assert.throws(() => scatter([]), /at least one point set/);
  });
});

describe('display/figures: heatmap', () => {
  it('labels the cells of a small integer grid (5×5 receptive field) and puts row 0 on top', () => {
    const z = Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => i * 5 + j));
    const f = heatmap(z);
    const t = f.data[0] as AnyRec;
    assert.equal(t.text[1][2], '7');
    assert.equal(t.texttemplate, '%{text}');
    assert.equal((f.layout.yaxis as AnyRec).autorange, 'reversed');
  });

  it('non-integer grids get 2 decimals; large grids are not labelled; origin bottom keeps the y axis', () => {
    assert.equal((heatmap([[0.123, 1]]).data[0] as AnyRec).text[0][0], '0.12');
    const big = Array.from({ length: 20 }, () => new Array(20).fill(1));
    assert.equal((heatmap(big).data[0] as AnyRec).text, undefined);
    assert.equal((heatmap([[1]], { origin: 'bottom' }).layout.yaxis as AnyRec).autorange, undefined);
  });

  it('bad input: ragged rows, NaN, wrong label count, zmin ≥ zmax', () => {
    assert.throws(() => heatmap([[1, 2], [3]]), /heatmap: z must be rectangular \(row 0 has 2 entries, row 1 has 1\)/);
    assert.throws(() => heatmap([[1, NaN]]), /heatmap: z\[0\]\[1\] must be finite \(got NaN\)/);
    assert.throws(() => heatmap([[1, 2]], { x: ['a'] }), /heatmap: opts\.x must have 2 entries, one per column \(got 1\)/);
    assert.throws(() => heatmap([[1, 2]], { zmin: 1, zmax: 1 }), /opts\.zmin must be < opts\.zmax/);
    assert.throws(() => heatmap([]), /heatmap: z must not be empty/);
  });
});

describe('display/figures: vector fields and trajectories', () => {
  it('an arrow is a shaft from (x, y) along (u, v) plus two head strokes; the longest is 0.9 × grid spacing', () => {
    const f = vectorField({ x: [0, 0], y: [0, 1], u: [1, 2], v: [0, 0] }, { xRange: [0, 4], yRange: [0, 4] });
    const t = f.data[0] as AnyRec;
    // spacing = min(4, 4) / max(2, √2) = 2; longest arrow (|v| = 2) has length 0.9 · 2 = 1.8, the other 0.9.
    assert.deepEqual(t.x.slice(0, 3), [0, 0.9, null]);
    assert.deepEqual(t.y.slice(0, 3), [0, 0, null]);
    assert.ok(Math.abs(t.x[10] - 1.8) < 1e-12 && t.y[10] === 1, 'second shaft ends at (1.8, 1)');
    // Head strokes of the first arrow go back from the tip at ±0.44 rad, 30 % of the shaft long.
    assert.ok(Math.abs(t.x[4] - (0.9 - 0.27 * Math.cos(0.44))) < 1e-12);
    assert.ok(Math.abs(t.y[4] - 0.27 * Math.sin(0.44)) < 1e-12);
  });

  it('a function field is sampled on an n×n grid; normalize gives every arrow the same length', () => {
    const f = vectorField((x, y) => [-y, x], { xRange: [-1, 1], yRange: [-1, 1], n: 3, normalize: true });
    const t = f.data[0] as AnyRec;
    // 9 grid points, the origin has a zero vector and is skipped: 8 arrows × 9 entries.
    assert.equal(t.x.length, 8 * 9);
    const lens = [];
    for (let k = 0; k < 8; k++) lens.push(Math.hypot(t.x[9 * k + 1] - t.x[9 * k], t.y[9 * k + 1] - t.y[9 * k]));
    for (const l of lens) assert.ok(Math.abs(l - 0.9) < 1e-12);
  });

  it('bad fields: missing ranges, non-finite vectors, all-zero field, mismatched table', () => {
    assert.throws(() => vectorField((x, y) => [x, y]), /vectorField: opts\.xRange and opts\.yRange are required/);
    assert.throws(() => vectorField(() => [NaN, 0], { xRange: [0, 1], yRange: [0, 1], n: 2 }), /vectorField: field\(0, 0\) must return a finite vector \[u, v\] \(got \[NaN, 0\]\)/);
    assert.throws(() => vectorField(() => [0, 0], { xRange: [0, 1], yRange: [0, 1], n: 2 }), /every vector of the field is zero/);
    assert.throws(() => vectorField({ x: [0, 1], y: [0, 1], u: [1], v: [1, 1] }), /vectorField: field\.u must have the same length as field\.x \(2\)/);
  });

  it('trajectory: a path trace, start/end markers and arrows pointing from point i to i+1', () => {
    const f = trajectory({ x: [0, 1, 2, 3], y: [0, 0, 1, 1], name: 'GDA' }, { arrows: 3 });
    assert.equal(f.data[0].name, 'GDA');
    assert.deepEqual(f.data[1].x, [0, 3]);
    const ann = f.layout.annotations as AnyRec[];
    assert.equal(ann.length, 3);
    assert.deepEqual([ann[0].ax, ann[0].ay, ann[0].x, ann[0].y], [0, 0, 1, 0]);
    assert.deepEqual([ann[2].ax, ann[2].ay, ann[2].x, ann[2].y], [2, 1, 3, 1]);
  });

  it('trajectory with a field draws the arrows underneath and fixes the view to the field range', () => {
    const f = trajectory({ x: [0, 1], y: [0, 1] }, { field: (d, g) => [-g, d], fieldOptions: { xRange: [-2, 2], yRange: [-2, 2], n: 3 } });
    assert.equal(f.data[0].name, 'field');
    assert.deepEqual((f.layout.xaxis as AnyRec).range, [-2, 2]);
  });

  it('trajectory bad input names the path', () => {
    assert.throws(() => trajectory([{ x: [0, 1], y: [0, 1] }, { x: [0, NaN], y: [0, 1] }]), /trajectory: paths\[1\]\.x\[1\] must be finite \(got NaN\)/);
    assert.throws(() => trajectory({ x: [0, 1], y: [0] }), /trajectory: paths\.y must have the same length as paths\.x/);
    assert.throws(() => trajectory([]), /at least one path/);
  });
});

describe('display/figures: image grids', () => {
  it('places image k at row ⌊k/cols⌋, column k mod cols of a montage with 1-pixel gaps (null)', () => {
    const img = (v: number) => new Array(4).fill(v); // 2×2
    const f = imageGrid([img(0.1), img(0.2), img(0.3)], { imageWidth: 2, imageHeight: 2, cols: 2 });
    const z = (f.data[0] as AnyRec).z as (number | null)[][];
    // 2 rows × 2 cols of 2×2 images with gap 1 → 5×5.
    assert.equal(z.length, 5);
    assert.equal(z[0].length, 5);
    assert.deepEqual(z[0], [0.1, 0.1, null, 0.2, 0.2]);
    assert.deepEqual(z[2], [null, null, null, null, null]);
    assert.deepEqual(z[3], [0.3, 0.3, null, null, null]);
    assert.equal((f.data[0] as AnyRec).zmin, 0);
    assert.equal((f.layout.yaxis as AnyRec).autorange, 'reversed');
  });

  it('accepts 28×28 matrices as well as flat arrays of 784 and writes titles above the images', () => {
    const flat = new Float32Array(784).fill(0.5);
    const mat = Array.from({ length: 28 }, () => new Array(28).fill(1));
    const f = imageGrid([flat, mat], { titles: ['a', 'b'] });
    const z = (f.data[0] as AnyRec).z;
    assert.equal(z[27][27], 0.5);
    assert.equal(z[0][33], 1, 'second image after a 5-pixel gap (room for titles)');
    assert.equal(z[0][28], null);
    assert.deepEqual((f.layout.annotations as AnyRec[]).map((a) => a.text), ['a', 'b']);
  });

  it('wrong image size, NaN pixel, empty list, titles of the wrong length are errors naming the argument', () => {
    assert.throws(() => imageGrid([new Array(784).fill(0), new Array(780).fill(0)]), /imageGrid: images\[1\] must have 784 = 28×28 pixel values \(got 780\)/);
    assert.throws(() => imageGrid([Array.from({ length: 27 }, () => new Array(28).fill(0))]), /imageGrid: images\[0\] must be 28×28 pixels \(got 27×28\)/);
    const bad = new Array(784).fill(0);
    bad[100] = NaN;
    assert.throws(() => imageGrid([bad]), /imageGrid: images\[0\]\[100\] must be finite \(got NaN\)/);
    assert.throws(() => imageGrid([]), /imageGrid: images must not be empty/);
    assert.throws(() => imageGrid([new Array(784).fill(0)], { titles: ['a', 'b'] }), /opts\.titles must have one title per image \(1\)/);
  });
});

describe('display/figures: bar charts', () => {
  it('builds bars with error bars; horizontal swaps axes; log axis type', () => {
    const f = barChart({ labels: ['a', 'b'], values: [1, 2], errors: [0.1, 0.2] }, { logY: true });
    assert.deepEqual(f.data[0].x, ['a', 'b']);
    assert.deepEqual((f.data[0].error_y as AnyRec).array, [0.1, 0.2]);
    assert.equal((f.layout.yaxis as AnyRec).type, 'log');
    const h = barChart({ labels: [1, 2], values: [3, 4] }, { horizontal: true });
    assert.equal(h.data[0].orientation, 'h');
    assert.deepEqual(h.data[0].y, ['1', '2']);
  });

  it('bad input: mismatched lengths, NaN, negative error, log of 0, empty', () => {
    assert.throws(() => barChart({ labels: ['a', 'b'], values: [1] }), /barChart: bars\.values must have the same length as bars\.labels \(2\) \(got length 1\)/);
    assert.throws(() => barChart([{ labels: ['a'], values: [1] }, { labels: ['a'], values: [NaN] }]), /barChart: bars\[1\]\.values\[0\] must be finite/);
    assert.throws(() => barChart({ labels: ['a'], values: [1], errors: [-1] }), /barChart: bars\.errors\[0\] must be >= 0/);
    assert.throws(() => barChart({ labels: ['a'], values: [0] }, { logY: true }), /must be > 0 on a log axis/);
    assert.throws(() => barChart({ labels: [], values: [] }), /barChart: bars\.labels must not be empty/);
  });
});

describe('display/figures: directed graphs', () => {
  it('layers are longest paths from the roots (z → x ← θ, x → y: z, θ in layer 0, x in 1, y in 2)', () => {
    const layers = graphLayers(['z', 'θ', 'x', 'y'], [['z', 'x'], ['θ', 'x'], ['x', 'y'], ['z', 'y']]);
    assert.deepEqual([...layers!.entries()], [['z', 0], ['θ', 0], ['x', 1], ['y', 2]]);
    assert.equal(graphLayers(['a', 'b'], [['a', 'b'], ['b', 'a']]), undefined);
  });

  it('draws nodes (observed ones shaded) and one arrow annotation per edge, from tail to head', () => {
    const f = digraph({ nodes: ['z', { id: 'x', observed: true }], edges: [['z', 'x'], { from: 'z', to: 'x', label: 'p(x|z)' }] });
    const nodes = f.data[0] as AnyRec;
    assert.deepEqual(nodes.text, ['z', 'x']);
    assert.deepEqual(nodes.marker.color, ['#ffffff', '#c8c8c8']);
    const arrows = (f.layout.annotations as AnyRec[]).filter((a) => a.showarrow);
    assert.equal(arrows.length, 2);
    // layered, direction down: z at (0, 0), x at (0, -1)
    assert.deepEqual([arrows[0].ax, arrows[0].ay, arrows[0].x, arrows[0].y], [0, 0, 0, -1]);
    assert.ok((f.layout.annotations as AnyRec[]).some((a) => a.text === 'p(x|z)'));
  });

  it('a cyclic graph needs the circle layout; given positions are used as they are', () => {
    const cyc = { nodes: ['a', 'b'], edges: [['a', 'b'], ['b', 'a']] as [string, string][] };
    assert.throws(() => digraph(cyc), /digraph: graph has a cycle, so it has no layered drawing/);
    const f = digraph(cyc, { layout: 'circle' });
    assert.equal((f.data[0] as AnyRec).x.length, 2);
    const g = digraph({ nodes: [{ id: 'a', x: 3, y: 4 }, { id: 'b', x: 5, y: 4 }], edges: [['a', 'b']] });
    assert.deepEqual((g.data[0] as AnyRec).x, [3, 5]);
  });

  it('bad graphs: unknown node, duplicate id, self-loop, half a position, empty', () => {
    assert.throws(() => digraph({ nodes: ['a'], edges: [['a', 'b']] }), /digraph: graph\.edges\[0\] ends at an unknown node "b" \(nodes: a\)/);
    assert.throws(() => digraph({ nodes: ['a', 'a'], edges: [] }), /digraph: graph\.nodes\[1\] repeats the id "a"/);
    assert.throws(() => digraph({ nodes: ['a'], edges: [['a', 'a']] }), /graph\.edges\[0\] is a self-loop on "a"/);
    assert.throws(() => digraph({ nodes: [{ id: 'a', x: 1 }], edges: [] }), /graph\.nodes\[0\] must give both x and y or neither/);
    assert.throws(() => digraph({ nodes: [], edges: [] }), /digraph: graph\.nodes must not be empty/);
  });
});

describe('display/figures: animation over snapshots', () => {
  const snaps = [0, 1, 2].map((k) => linePlot({ x: [0, 1], y: [k, 2 * k] }, { title: 'S' }));

  it('one frame per snapshot, a slider step per frame, play/pause buttons, axes fixed over all frames', () => {
    const f = animation(snaps, { labels: ['a', 'b', 'c'] });
    assert.deepEqual(f.frames!.map((fr) => fr.name), ['a', 'b', 'c']);
    assert.deepEqual(f.frames![2].data[0].y, [2, 4]);
    assert.deepEqual(f.data, snaps[0].data);
    const slider = (f.layout.sliders as AnyRec[])[0];
    assert.deepEqual(slider.steps.map((s: AnyRec) => s.args[0][0]), ['a', 'b', 'c']);
    assert.equal((f.layout.updatemenus as AnyRec[])[0].buttons.length, 2);
    // y over all frames is in [0, 4]; padded by 5 %.
    assert.deepEqual((f.layout.yaxis as AnyRec).range, [-0.2, 4.2]);
    assert.equal((f.layout.title as AnyRec).text, 'S');
  });

  it('bad input: no snapshots, different trace counts, labels of the wrong length', () => {
    assert.throws(() => animation([]), /animation: snapshots must not be empty/);
    assert.throws(() => animation([snaps[0], linePlot([{ y: [1] }, { y: [2] }])]), /animation: snapshots\[1\] has 2 traces but snapshots\[0\] has 1/);
    assert.throws(() => animation(snaps, { labels: ['a'] }), /opts\.labels must have one label per snapshot \(3\)/);
    assert.throws(() => animation([[]]), /snapshots\[0\] has no traces/);
  });
});
