/// <reference lib="dom" />
/**
 * The course page of the figures fixture (executed on the real kernel, exported with the course build's nbconvert
 * template) opened from file:// in chromium with the network blocked: every figure draws, nothing leaves the page,
 * no console error. Screenshot: test-output/browser/exported-html.png.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Browser } from 'playwright-core';
import { executedFixture, figureCells, figureStatus, FIXTURE, guardedPage, launch, OUT, site, waitForFigures } from './helpers';

describe('browser: exported HTML page of the figures fixture, offline from file://', function () {
  this.timeout(600000);
  let browser: Browser;
  const dir = path.join(OUT, 'site');
  const pageFile = path.join(dir, 'notebooks', 'figures.html');

  before(async function () {
    const executed = await executedFixture();
    fs.rmSync(dir, { recursive: true, force: true });
    site.copyAssets(path.join(dir, 'assets'));
    const r = await site.exportPages([
      { input: executed, output: pageFile, kind: 'html', title: 'Figures fixture', assets: site.relUrl(pageFile, path.join(dir, 'assets')), nav: '<nav class="dgmlab-nav"><a href="../index.html">Course map</a></nav>' },
    ]);
    assert.deepEqual(r.errors, []);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  it('the page holds no inline plotly bundle and refers to no remote script or stylesheet', () => {
    const html = fs.readFileSync(pageFile, 'utf8');
    assert.ok(html.length < 3e6, `page is ${html.length} bytes: the 10 MB bundle must be shared, not inline`);
    assert.match(html, /<script type="text\/javascript" src="\.\.\/assets\/plotly\.js"><\/script>/);
    const remote = html.match(/<(script|link)[^>]+(src|href)="(https?:)?\/\/[^"]+"/g) ?? [];
    assert.deepEqual(remote, []);
  });

  it('every figure of the fixture is drawn (plotly SVG present and non-empty), with no request leaving the page and no console error', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, log } = await guardedPage(context);
    await page.goto('file://' + pageFile, { waitUntil: 'load' });
    const expected = figureCells(FIXTURE);
    await waitForFigures(page, expected);
    const figs = await figureStatus(page);
    await page.screenshot({ path: path.join(OUT, 'exported-html.png'), fullPage: true });
    assert.equal(figs.length, expected, `expected ${expected} figures (cells tagged figure), found ${figs.length}`);
    for (const f of figs) {
      assert.equal(f.svgs > 0, true, `figure "${f.title}" has no plotly SVG`);
      assert.ok(f.width > 300 && f.height > 200, `figure "${f.title}" is ${f.width}×${f.height}`);
      assert.ok(f.marks > 0, `figure "${f.title}" drew nothing`);
      assert.equal(f.fallbackVisible, false, `figure "${f.title}" still shows its fallback text`);
    }
    // The NaN gap warning is visible on the page (not on stderr).
    assert.ok((await page.locator('.dgmlab-warning').count()) >= 1);
    // MathJax (local copy) typeset the LaTeX output and the markdown maths.
    await page.waitForFunction(() => document.querySelectorAll('.MathJax_CHTML, .mjx-chtml').length > 0, null, { timeout: 30000 }).catch(() => undefined);
    assert.ok((await page.locator('.mjx-chtml').count()) > 0, 'MathJax did not typeset anything');
    assert.deepEqual(log.blocked, [], 'requests that tried to leave the page');
    assert.deepEqual(log.failed, [], 'local requests that failed');
    assert.deepEqual(log.errors, [], 'console errors');
    await context.close();
  });

  it('the slider of the animation moves to another frame', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, log } = await guardedPage(context);
    await page.goto('file://' + pageFile, { waitUntil: 'load' });
    await waitForFigures(page, figureCells(FIXTURE));
    const moved = await page.evaluate(async () => {
      const el = document.querySelector<HTMLElement & { _transitionData?: { _frames: unknown[] }; layout?: { sliders: { active: number }[] } }>('.dgmlab-figure[data-title="Snapshots"].js-plotly-plot');
      const Plotly = (window as unknown as { Plotly: { animate(el: unknown, names: string[], opts: object): Promise<void> } }).Plotly;
      if (!el) return 'no animation figure';
      const frames = el._transitionData?._frames.length ?? 0;
      await Plotly.animate(el, ['30'], { mode: 'immediate', frame: { duration: 0, redraw: true }, transition: { duration: 0 } });
      return `${frames} frames; y[0] now ${(el as unknown as { data: { y: number[] }[] }).data[0].y[0].toFixed(4)}`;
    });
    // Frame "30" is snapshot k = 3: y = sin(t + 3/2) at t = 0.
    assert.equal(moved, `5 frames; y[0] now ${Math.sin(1.5).toFixed(4)}`);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
});
