import { strict as assert } from 'assert';
import {
  DisplayHandle,
  formatDuration,
  latex,
  latexBundle,
  livePlot,
  markdownBundle,
  matrixBundle,
  MimeBundle,
  PLOTLY_MIME,
  progress,
  progressBundle,
  resetPlotsForTests,
  table,
  tableBundle,
  takeEmitted,
} from '../../src/display';

/** A display handle that records what it was asked to draw. */
function recorder(): DisplayHandle & { shown: MimeBundle[] } {
  const shown: MimeBundle[] = [];
  return { id: 'test', shown, show: (b: MimeBundle) => void shown.push(b) };
}

describe('display/rich: LaTeX, Markdown, tables, matrices', () => {
  beforeEach(() => takeEmitted());

  it('latex wraps bare TeX in $$ … $$ and keeps existing delimiters; emits one output', () => {
    assert.deepEqual(latexBundle('a^2'), { 'text/latex': '$$a^2$$', 'text/plain': 'a^2' });
    assert.equal(latexBundle('\\begin{align}x\\end{align}')['text/latex'], '\\begin{align}x\\end{align}');
    latex('x');
    assert.equal(takeEmitted().length, 1);
    assert.throws(() => latexBundle(''), /latex: tex must not be empty/);
    assert.throws(() => latexBundle(3 as never), /latex: tex must be a string \(got 3\)/);
  });

  it('markdown keeps the text as is', () => {
    assert.deepEqual(markdownBundle('**b**'), { 'text/markdown': '**b**', 'text/plain': '**b**' });
  });

  it('table from objects: header from the keys, numbers right-aligned, HTML escaped, aligned text fallback', () => {
    const b = tableBundle([{ name: '<b>', p: 0.1234567891 }, { name: 'c', p: 12 }], { caption: 'C' });
    const html = b['text/html'] as string;
    assert.match(html, /<caption>C<\/caption><thead><tr><th[^>]*>name<\/th><th[^>]*>p<\/th><\/tr><\/thead>/);
    assert.match(html, /<td style="text-align:left">&lt;b&gt;<\/td><td style="text-align:right">0\.123457<\/td>/);
    assert.equal(b['text/plain'], ['C', 'name  p', '----  --------', '<b>   0.123457', 'c           12'].join('\n'));
  });

  it('table from arrays with explicit columns; bad rows are errors naming the row', () => {
    const b = tableBundle([[1, 'a'], [2, null]], { columns: ['k', 'v'] });
    assert.match(b['text/html'] as string, /<tr><td style="text-align:right">2<\/td><td style="text-align:left"><\/td><\/tr>/);
    assert.throws(() => tableBundle([]), /table: rows must not be empty/);
    assert.throws(() => tableBundle([[1, 2], [3]]), /table: rows\[1\] has 1 cells but the table has 2 columns/);
    assert.throws(() => tableBundle([[1, 2]], { columns: ['a'] }), /opts\.columns has 1 names but the rows have 2 cells/);
    assert.throws(() => tableBundle([{ a: 1 }, [1] as never]), /table: rows\[1\] must be an object like rows\[0\]/);
    table([[1]]);
    assert.equal(takeEmitted().length, 1);
  });

  it('matrix renders a bmatrix and rejects ragged or non-finite matrices', () => {
    assert.equal(matrixBundle([[1, 0.5], [0, 2]], { name: 'J' })['text/latex'], '$$J = \\begin{bmatrix} 1 & 0.5 \\\\ 0 & 2 \\end{bmatrix}$$');
    assert.throws(() => matrixBundle([[1], [1, 2]]), /matrix: m must be rectangular/);
    assert.throws(() => matrixBundle([[NaN]]), /matrix: m\[0\]\[0\] must be finite/);
  });
});

describe('display/progress: progress bar and live plot', () => {
  beforeEach(() => {
    takeEmitted();
    resetPlotsForTests();
  });

  it('formats durations', () => {
    assert.equal(formatDuration(12.34), '12.3s');
    assert.equal(formatDuration(185), '3m05s');
    assert.equal(formatDuration(3720), '1h02m');
    assert.equal(formatDuration(NaN), '?');
  });

  it('rate and remaining time: 5 of 10 steps after 2.5 s → 2 it/s, 2.5 s left', async () => {
    let t = 1000;
    const h = recorder();
    const bar = progress(10, 'train', { now: () => t, handle: h, minInterval: 0 });
    t += 2500;
    await bar.update(5, 'loss 0.5');
    const s = bar.state();
    assert.equal(s.rate, 2);
    assert.equal(s.remaining, 2.5);
    assert.equal(h.shown.at(-1)!['text/plain'], 'train: 5/10 [50%] 2.0 it/s, 2.5s elapsed, 2.5s left — loss 0.5');
    assert.match(h.shown.at(-1)!['text/html'] as string, /data-done="5" data-total="10".*width:50\.0%/);
  });

  it('redraws one display in place, at most every minInterval ms; reaching the total always draws the final state', async () => {
    let t = 0;
    const h = recorder();
    const bar = progress(100, 'p', { now: () => t, handle: h, minInterval: 1000 });
    assert.equal(h.shown.length, 1, 'initial draw');
    for (let i = 1; i <= 99; i++) {
      t += 5; // 99 steps in 495 ms: no redraw
      await bar.update();
    }
    assert.equal(h.shown.length, 1);
    t += 5;
    await bar.update();
    assert.equal(h.shown.length, 2);
    assert.match(h.shown[1]['text/plain'] as string, /^p: 100\/100 \[100%\] 200\.0 it\/s, done in 0\.5s$/);
    await bar.update(); // after the end nothing changes
    assert.equal(h.shown.length, 2);
  });

  it('in a cell, the bar is one display redrawn with update_display_data (same display id)', async () => {
    const bar = progress(2, 'x', { minInterval: 0 });
    await bar.update();
    bar.done('finished');
    const out = takeEmitted();
    assert.equal(out.length, 3);
    assert.ok(out.every((o) => o.displayId === out[0].displayId));
    assert.deepEqual(out.map((o) => o.update), [false, true, true]);
    assert.match(out[2].bundle['text/plain'] as string, /finished$/);
  });

  it('progress bad input', () => {
    assert.throws(() => progress(0), /progress: total must be an integer >= 1 \(got 0\)/);
    assert.throws(() => progress(1.5), /progress: total must be an integer >= 1/);
    const bar = progress(3, 'x', { handle: recorder() });
    assert.throws(() => bar.update(NaN), /progress\.update: done must be a finite number >= 0 \(got NaN\)/);
  });

  it('livePlot redraws every N pushes and on done(); its figure has one curve per metric', async () => {
    const h = recorder();
    const live = livePlot({ every: 3, handle: h, title: 'L' });
    assert.equal(h.shown.length, 1, 'an empty plot at the start');
    for (let i = 1; i <= 7; i++) await live.push(i, { loss: 1 / i, acc: i / 10 });
    assert.equal(h.shown.length, 3, 'after pushes 3 and 6');
    live.done();
    assert.equal(h.shown.length, 4);
    const fig = h.shown[3][PLOTLY_MIME] as { data: { name: string; x: number[]; y: number[] }[] };
    assert.deepEqual(fig.data.map((t) => t.name), ['loss', 'acc']);
    assert.deepEqual(fig.data[0].x, [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(fig.data[1].y[6], 0.7);
  });

  it('livePlot shows a diverging (NaN) loss as a gap with a visible warning', async () => {
    const h = recorder();
    const live = livePlot({ every: 1, handle: h });
    await live.push(1, { loss: 1 });
    await live.push(2, { loss: NaN });
    await live.push(3, { loss: 0.5 });
    assert.match(h.shown.at(-1)!['text/html'] as string, /class="dgmlab-warning"[^>]*>⚠ series\[0\]\.y \(&quot;loss&quot;\) has 1 value/);
  });

  it('livePlot bad input', async () => {
    assert.throws(() => livePlot({ every: 0 }), /livePlot: opts\.every must be an integer >= 1 \(got 0\)/);
    const live = livePlot({ handle: recorder() });
    assert.throws(() => live.push(NaN, { a: 1 }), /livePlot\.push: step must be a finite number \(got NaN\)/);
    assert.throws(() => live.push(1, { a: '1' as never }), /livePlot\.push: values\["a"\] must be a number \(got "1"\)/);
  });

  it('progressBundle escapes the label', () => {
    const b = progressBundle({ label: '<i>', done: 0, total: 1, elapsed: 0, rate: 0, remaining: NaN, finished: false });
    assert.match(b['text/html'] as string, /<span>&lt;i></);
  });
});
