import { strict as assert } from 'assert';
import * as fs from 'fs';
import {
  BUNDLE_MARKER,
  figureBundle,
  figureHtml,
  figureJson,
  linePlot,
  PLOTLY_MIME,
  plotlyBundlePath,
  plotlyVersion,
  resetPlotsForTests,
  setupPlots,
  show,
  takeEmitted,
} from '../../src/display';

/** The JSON object literal that figureHtml embeds in its script (between "fig = " and ", waited"). */
function embeddedFigure(html: string): Record<string, unknown> {
  const m = /fig = (\{.*\}), waited = 0;/.exec(html);
  assert.ok(m, 'figure JSON not found in the HTML');
  return JSON.parse(m[1]);
}

describe('display/plotly: offline embedding and the figure MIME bundle', () => {
  beforeEach(() => {
    takeEmitted();
    resetPlotsForTests();
  });

  it('uses the plotly.js bundle from node_modules (no CDN) and knows its version', () => {
    const p = plotlyBundlePath();
    assert.ok(p.includes('node_modules'), p);
    assert.ok(fs.statSync(p).size > 1e6);
    assert.match(plotlyVersion(), /^\d+\.\d+\.\d+$/);
  });

  it('show() embeds the bundle once per kernel session, then emits only the small figure output', () => {
    const fig = linePlot({ y: [1, 2, 3] });
    show(fig);
    show(fig);
    const out = takeEmitted();
    assert.equal(out.length, 3, 'bundle + two figures');
    const bundleHtml = out[0].bundle['text/html'] as string;
    assert.ok(bundleHtml.includes(BUNDLE_MARKER));
    assert.ok(bundleHtml.length > 1e6, 'the bundle is inline');
    assert.ok(!/src=["']https?:/.test(bundleHtml), 'no remote script');
    // Inside the bundle script nothing may close the tag early.
    const body = bundleHtml.slice(bundleHtml.indexOf('>', bundleHtml.indexOf('<script', 10)) + 1, bundleHtml.lastIndexOf('</script>'));
    assert.ok(!/<\/script/i.test(body));
    for (const o of out.slice(1)) {
      assert.ok((o.bundle['text/html'] as string).length < 20000);
      assert.ok(PLOTLY_MIME in o.bundle && 'text/plain' in o.bundle);
    }
  });

  it('setupPlots() embeds the bundle again (re-running the set-up cell after clearing outputs)', () => {
    setupPlots();
    setupPlots();
    show(linePlot({ y: [1, 2] }));
    const out = takeEmitted();
    assert.equal(out.length, 3);
    assert.ok((out[1].bundle['text/html'] as string).includes(BUNDLE_MARKER));
    assert.ok(!(out[2].bundle['text/html'] as string).includes(BUNDLE_MARKER));
  });

  it('the HTML form carries the same figure as the plotly JSON, a visible fallback text and a newPlot call', () => {
    const fig = linePlot({ x: [1, 2, 3], y: [0.5, 0.25, 0.125], name: 'loss' }, { title: 'T' });
    const b = figureBundle(fig);
    const html = b['text/html'] as string;
    assert.deepEqual(embeddedFigure(html), b[PLOTLY_MIME]);
    assert.match(html, /Plotly\.newPlot\(el, fig\)/);
    assert.match(html, /Trust Notebook/);
    assert.match(b['text/plain'] as string, /plotly figure "T": scatter "loss" \(3\)/);
  });

  it('a title containing </script> cannot break out of the figure script', () => {
    const html = figureHtml(linePlot({ y: [1, 2] }, { title: '</script><script>alert(1)</script>' }));
    const script = html.slice(html.indexOf('<script'));
    assert.equal((script.match(/<\/script>/g) ?? []).length, 1, 'only the closing tag of the figure script');
    assert.equal(embeddedFigure(html).layout && (embeddedFigure(html).layout as { title: { text: string } }).title.text, '</script><script>alert(1)</script>');
  });

  it('figureJson turns typed arrays into arrays and rounds floats to 8 significant digits for the page', () => {
    const json = JSON.parse(figureJson({ data: [{ type: 'scatter', y: new Float64Array([Math.PI, 2, 1 / 3, -1234.56789012, NaN]) }], layout: {} }));
    assert.deepEqual(json.data[0].y, [3.1415927, 2, 0.33333333, -1234.5679, null]);
    assert.deepEqual(json.config, { responsive: true, displaylogo: false });
  });

  it('shows a library object through its toFigure() method', () => {
    show({ toFigure: () => linePlot({ y: [1, 2] }, { title: 'from an object' }) });
    const out = takeEmitted();
    assert.match(out[1].bundle['text/plain'] as string, /"from an object"/);
    assert.throws(() => show({ toFigure: () => ({ data: [] }) } as never), /figure\.data must contain at least one trace/);
  });

  it('rejects a figure without traces and a non-figure, naming the argument', () => {
    assert.throws(() => show({ data: [], layout: {} }), /show: figure\.data must contain at least one trace/);
    assert.throws(() => show(null as never), /show: figure must be an object with a data array/);
    assert.equal(takeEmitted().length, 0, 'nothing was emitted for bad input');
  });
});
