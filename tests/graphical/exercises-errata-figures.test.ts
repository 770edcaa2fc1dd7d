/**
 * The graphical-model exercises, errata and figures: references reproduce the inventories' oracles (named), errata
 * demonstrations show the source form differing from the exact form, and figure builders produce the expected specs.
 */
import { strict as assert } from 'assert';
import * as g from '../../src/graphical';
import { getExercise, listExercises, verify } from '../../src/exercises';
import { getErratum } from '../../src/errata';
import { rng } from '../../src/core/rng';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} ${a} vs ${b}`);

describe('graphical — exercises (graph.*)', () => {
  it('3–8 exercises per notebook, four notebooks', () => {
    const per = new Map<string, number>();
    for (const e of listExercises().filter((x) => x.id.startsWith('graph.'))) per.set(e.notebook ?? '', (per.get(e.notebook ?? '') ?? 0) + 1);
    assert.equal(per.has(''), false);
    assert.equal(per.size, 4);
    for (const [nb, n] of per) assert.ok(n >= 3 && n <= 8, `${nb}: ${n}`);
  });

  it('references reproduce the oracles (002 D1/D2/D3/T4/T5 and NB02 PC; 003 §4.1, §4.2)', () => {
    const ref = (id: string) => getExercise(id).reference({}) as never;
    assert.deepEqual(ref('graph.s01.param-count'), [13, 63]);
    assert.equal(ref('graph.s01.which-structure'), 'collider');
    assert.deepEqual(ref('graph.s02.dsep-d1'), [0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1]); // 002 D1 in order
    assert.deepEqual([...(ref('graph.s02.markov-blanket') as string[])].sort(), ['X1', 'X4', 'X5', 'X6']);
    assert.deepEqual(ref('graph.s02.class-sizes'), [3, 1]);
    assert.equal(ref('graph.s02.pc-undirected'), 4);
    assert.deepEqual(ref('graph.s02.cpdag-directed'), ['X2->X6', 'X5->X6']);
    close(ref('graph.d01.joint-product'), 0.004608, 1e-15);
    assert.deepEqual(ref('graph.d01.param-counts'), [47, 15]);
    close(ref('graph.d01.p-l1'), 0.502336, 1e-12);
    (ref('graph.d01.explaining-away') as number[]).forEach((v, i) => close(v, [3 / 38, 0.1090909, 0.5783133][i], 5e-8));
    assert.equal(ref('graph.d02.partition-function'), 7201840);
    close(ref('graph.d02.mode'), 0.694267, 5e-8);
    assert.equal(ref('graph.d02.printed-z'), 846050);
    close(ref('graph.d02.phi1-normalised'), 5 / 46, 1e-15);
    close(ref('graph.d02.marginal-ab'), 0.6944753, 5e-8);
    assert.deepEqual(ref('graph.d02.blanket'), ['B', 'D']);
  });

  it('by-hand answers pass at the stated precision; the source’s and neighbouring wrong answers fail', () => {
    assert.equal(verify('graph.d01.joint-product', 0.004608).passed, true);
    assert.equal(verify('graph.d01.joint-product', 0.0046).passed, false);
    assert.equal(verify('graph.d02.phi1-normalised', 0.1087).passed, true);
    assert.equal(verify('graph.d02.phi1-normalised', 0.6944753).passed, false); // the marginal is not the factor
    assert.equal(verify('graph.d02.partition-function', 846050).passed, false);
    assert.equal(verify('graph.s01.param-count', [13, 64]).passed, false); // the notes' 2^n
    assert.equal(verify('graph.s01.descendant-cmi', 0).passed, false); // the notes' §2.3.4 claim
  });
});

describe('graphical — errata registered with demonstrations', () => {
  const ids = ['002-E1', '002-E2', '002-E4', '002-E5', '002-E6', '002-E67', '003-E03', '003-E05', '003-E07', '003-E08', '003-E10', '003-E11', '003-E12', '003-E13', '003-E98'];
  it('every id is registered, names an owned notebook and demonstrates', () => {
    for (const id of ids) {
      const e = getErratum(id);
      assert.ok(/^(sta4124\/0[12]|dgm-notes\/0[12])-/.test(e.notebook ?? ''), id);
      const d = e.demonstrate();
      assert.ok(d.source !== undefined && d.exact !== undefined, id);
    }
  });
  it('the demonstrations separate the forms by the stated amounts', () => {
    const d = (id: string) => getErratum(id).demonstrate() as Record<string, unknown>;
    assert.deepEqual([d('002-E1').source, d('002-E1').exact], [1, 9]); // 9 topological orders of Fig 2.1 (enumerated)
    assert.deepEqual([d('002-E2').source, d('002-E2').exact], [64, 63]);
    assert.deepEqual([d('002-E4').source, d('002-E4').exact], [true, false]);
    assert.ok((d('002-E4')['I(X;Z|W) (nats)'] as number) > 0.02);
    assert.ok((d('002-E5').source as number) > 0.1 && (d('002-E5').exact as number) < 1e-12);
    assert.deepEqual([d('002-E6').source, d('002-E6').exact], [2, 0]);
    assert.ok((d('002-E67').exact as number) > 0.1 && (d('002-E67')['fork, I(X;Z|A) with A → Y (nats)'] as number) > 0.1);
    assert.deepEqual([d('003-E03').source, d('003-E03').exact], [1, 0.502336]);
    assert.deepEqual([d('003-E08').source, d('003-E08').exact], [846050, 7201840]);
    assert.ok(Math.abs((d('003-E07').exact as number) - 0.6944753) < 5e-8 && Math.abs((d('003-E07').source as number) - 0.6944753) > 0.01);
    assert.ok((d('003-E11')['max |pairwise Gibbs − clique factor|'] as number) < 1e-15);
    assert.ok((d('003-E12').source as number) > 0.1 && (d('003-E12').exact as number) < 1e-15);
    assert.ok((d('003-E13').exact as number) < 1e-15);
    // 003-E98 (new): φ1 alone says 1/6; the network's marginal ratio is 0.6944753/0.1249722 = 5.557
    assert.ok(Math.abs((d('003-E98').source as number) - 1 / 6) < 1e-15 && Math.abs((d('003-E98').exact as number) - 0.6944753 / 0.1249722) < 1e-5);
  });
});

describe('graphical — figures', () => {
  const d = g.fig21Dag();
  it('activeTrailFigure: the trail edges are red, the observed nodes shaded, the title states the verdict', () => {
    const f = g.activeTrailFigure(d, 'X2', 'X3', ['X1', 'X6']);
    const ann = f.layout.annotations as Record<string, unknown>[];
    const red = ann.filter((a) => a.arrowcolor === '#d62728');
    assert.equal(red.length, 3); // X2–X6–X5–X3
    assert.match(String((f.layout.title as { text: string }).text), /active trail X2 – X6 – X5 – X3/);
    const colors = (f.data[0].marker as { color: string[] }).color;
    assert.equal(colors[0], '#c8c8c8'); // X1 observed
    assert.match(String((g.activeTrailFigure(d, 'X1', 'X4', ['X2']).layout.title as { text: string }).text), /d-separated/);
  });
  it('cpdagComparisonFigure: 12 nodes, recovered edges green when right, red when extra', () => {
    const lit = g.pcAlgorithm(d.nodes.slice(), g.dSepOracle(d), { maxCondSize: 1 });
    const f = g.cpdagComparisonFigure(d, lit, g.cpdag(d));
    assert.equal((f.data[0].x as number[]).length, 12);
    const ann = f.layout.annotations as Record<string, unknown>[];
    assert.equal(ann.filter((a) => a.arrowcolor === '#d62728').length, 2); // X1–X6, X3–X6
    assert.ok(ann.some((a) => a.arrowcolor === '#2ca02c'));
  });
  it('undirected edges are drawn without a head', () => {
    const f = g.undirectedFigure(['A', 'B', 'C', 'D'], g.factorGraphEdges(g.misconceptionFactors()));
    assert.ok((f.layout.annotations as Record<string, unknown>[]).every((a) => a.arrowhead === 0));
  });
  it('posteriorBars and factorHeatmaps carry the computed values', () => {
    const s = g.studentNetwork();
    const f = g.posteriorBars(s, 'I', [{ label: 'prior', evidence: {} }, { label: 'g³', evidence: { G: 2 } }], { state: 1 });
    assert.deepEqual((f.data[0].y as number[]).map((v) => +v.toFixed(7)), [0.3, 0.0789474]);
    const h = g.factorHeatmaps(g.misconceptionFactors());
    assert.equal(h.data.length, 4);
    assert.deepEqual(h.data[0].z, [[30, 5], [1, 10]]);
  });
  it('pcAccuracyVsSampleSize + figure: error falls with n on Fig 2.1', () => {
    const rows = g.pcAccuracyVsSampleSize(d, [50, 20000], rng(3), { reps: 4 });
    // random weights (±[0.5, 1.5]) per repetition: large n recovers most graphs exactly, small n none
    assert.ok(rows[1].meanShd < rows[0].meanShd);
    assert.ok(rows[1].exactRate >= 0.75 && rows[0].exactRate === 0, JSON.stringify(rows));
    assert.equal(g.pcAccuracyFigure(rows).data.length, 4);
  });
  const rules: [string, () => unknown, RegExp][] = [
    ['activeTrailFigure: opts.trailIndex must be an integer ≥ 0', () => g.activeTrailFigure(d, 'X1', 'X2', [], { trailIndex: -1 }), /opts.trailIndex must be an integer ≥ 0/],
    ['markovBlanketFigure: blanket\[0\] is not a node', () => g.markovBlanketFigure(d, 'X1', ['Q']), /blanket\[0\] is not a node/],
    ['posteriorBars: cases must be a non-empty array', () => g.posteriorBars(g.studentNetwork(), 'I', []), /cases must be a non-empty array/],
    ['posteriorBars: opts.state must be a state of I', () => g.posteriorBars(g.studentNetwork(), 'I', [{ label: 'a', evidence: {} }], { state: 2 }), /opts.state must be a state of I/],
    ['factorHeatmaps: must have one or two variables', () => g.factorHeatmaps([g.jointTable(g.studentNetwork())]), /must have one or two variables/],
    ['pcAccuracyFigure: rows must be a non-empty array', () => g.pcAccuracyFigure([]), /rows must be a non-empty array/],
    ['pcAccuracyVsSampleSize: sizes\[0\] must be an integer ≥ 10', () => g.pcAccuracyVsSampleSize(d, [5], rng(1)), /sizes\[0\] must be an integer ≥ 10/],
    ['pcAccuracyVsSampleSize: opts.reps must be an integer ≥ 1', () => g.pcAccuracyVsSampleSize(d, [50], rng(1), { reps: 0 }), /opts.reps must be an integer ≥ 1/],
    ['graphFigure: opts.observed\[0\] is not a node', () => g.graphFigure(['A'], {}, { observed: ['B'] }), /opts.observed\[0\] is not a node/],
    ['conditionalDiscrepancy: target must be a variable', () => g.conditionalDiscrepancy(g.jointTable(g.studentNetwork()), 'Q', [], []), /target must be a variable/],
    ['conditionalDiscrepancy: A\[0\] must be a variable of the joint other than the target', () => g.conditionalDiscrepancy(g.jointTable(g.studentNetwork()), 'I', ['I'], []), /A\[0\] must be a variable of the joint other than the target/],
  ];
  for (const [name, call, msg] of rules) it(`validation — ${name}`, () => assert.throws(call, msg));
});
