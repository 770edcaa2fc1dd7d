import { strict as assert } from 'assert';
import * as path from 'path';

// The benchmark harness's pure helpers (bench/run.js): option parsing with clear errors, medians, formatting, the table.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bench = require(path.join(__dirname, '..', '..', 'bench', 'run.js'));

describe('bench/run.js — harness helpers', () => {
  it('parseArgs: defaults (4 reps, 500 ms, notebooks on), --quick (3 reps, 300 ms, notebooks off), overrides', () => {
    assert.deepEqual(bench.parseArgs([]), { quick: false, reps: 4, budget: 500, only: undefined, notebooks: true, json: undefined, sample: undefined });
    assert.deepEqual(bench.parseArgs(['--notebook-sample', 'a.ipynb,b.ipynb']).sample, ['a.ipynb', 'b.ipynb']);
    const q = bench.parseArgs(['--quick']);
    assert.equal(q.reps, 3);
    assert.equal(q.budget, 300);
    assert.equal(q.notebooks, false);
    assert.equal(bench.parseArgs(['--quick', '--notebooks']).notebooks, true);
    const o = bench.parseArgs(['--reps', '7', '--budget', '50', '--only', 'rwm1d,vaeStep', '--no-notebooks']);
    assert.deepEqual([o.reps, o.budget, o.only, o.notebooks], [7, 50, ['rwm1d', 'vaeStep'], false]);
  });

  it('parseArgs: bad values are errors naming the option and the value', () => {
    assert.throws(() => bench.parseArgs(['--reps', '0']), /bench: --reps must be an integer >= 1 \(got 0\)/);
    assert.throws(() => bench.parseArgs(['--reps', '2.5']), /bench: --reps must be an integer >= 1 \(got 2.5\)/);
    assert.throws(() => bench.parseArgs(['--budget', '-3']), /bench: --budget must be > 0 ms \(got -3\)/);
    assert.throws(() => bench.parseArgs(['--fast']), /bench: unknown option --fast/);
  });

  it('median of odd and even samples (by hand), NaN for none', () => {
    assert.equal(bench.median([3, 1, 2]), 2);
    assert.equal(bench.median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(bench.median([])));
  });

  it('fmtTime / fmtRatio pick readable units and digits', () => {
    assert.equal(bench.fmtTime(3.02e-7), '302 ns');
    assert.equal(bench.fmtTime(1.68e-6), '1.68 µs');
    assert.equal(bench.fmtTime(0.0374), '37.4 ms');
    assert.equal(bench.fmtTime(1.284), '1.28 s');
    assert.equal(bench.fmtTime(NaN), '—');
    assert.equal(bench.fmtRatio(0.0059), '0.0059');
    assert.equal(bench.fmtRatio(0.43), '0.43');
    assert.equal(bench.fmtRatio(31.4), '31.4');
    assert.equal(bench.fmtRatio(250), '250');
  });

  it('table: one row per implementation, the ratio column, skipped rows say why', () => {
    const t = bench.table([
      { title: 'W', rows: [
        { label: 'dgmlab', median: 2e-3, ratio: 1, unit: 'step' },
        { label: 'ref', median: 1e-3, ratio: 0.5, unit: 'step' },
        { label: 'torch', skipped: 'missing (see above)' },
      ] },
    ]);
    const lines = t.split('\n');
    assert.equal(lines.length, 5);
    assert.match(lines[2], /\| W +\| dgmlab +\| 2.00 ms \/step +\| 1 +\|/);
    assert.match(lines[3], /\| +\| ref +\| 1.00 ms \/step +\| 0.50 +\|/);
    assert.match(lines[4], /skipped: missing \(see above\)/);
  });

  it('every workload lists dgmlab first (the ratio base) and known implementations', () => {
    for (const w of bench.WORKLOADS) {
      assert.match(w.impls[0], /^dgmlab/, w.id);
      assert.ok(w.impls.length >= 2, w.id);
    }
  });

  it('trainingSummary: dgmlab ÷ PyTorch throughput per repetition, then the median (by hand: reps 1/2, 2/4, 3/3 → 0.5)', () => {
    const w = { title: 'T', training: true, rows: [
      { key: 'dgmlabTrain', label: 'dgmlab (fast path)', seconds: [2, 4, 3] },
      { key: 'dgmlabWasm', label: 'wasm', seconds: [10, 20, 40] },
      { key: 'torch', label: 'torch', seconds: [1, 2, 3] },
    ] };
    // fast: torch/dgmlab = 0.5, 0.5, 1 → median 0.5; wasm: 0.1, 0.1, 0.075 → median 0.1
    assert.deepEqual(bench.trainingSummary([w, { title: 'not training', rows: [] }]), ['T: dgmlab ÷ PyTorch throughput = 0.50 (dgmlab (fast path)), 0.10 (plain wasm)']);
  });
});

