/// <reference lib="dom" />
/**
 * A reveal.js deck of the figures fixture (its cells carry slide metadata), built like `npm run slides` and opened
 * from file:// with the network blocked: the first slides render, speaker notes stay off the slides, and a figure
 * slide shows its plot. Screenshots: test-output/browser/slides-1.png, slides-2.png, slides-figure.png.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { executedFixture, figureStatus, guardedPage, launch, OUT, site } from './helpers';

type RevealApi = {
  isReady(): boolean;
  getTotalSlides(): number;
  getCurrentSlide(): HTMLElement;
  getHorizontalSlides(): HTMLElement[];
  getIndices(): { h: number; v: number };
  slide(h: number, v?: number, f?: number): void;
  next(): void;
};

function reveal(page: Page) {
  return {
    current: () => page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.getCurrentSlide().innerText.trim()),
    indices: () => page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.getIndices()),
  };
}

describe('browser: reveal.js slides of the figures fixture, offline from file://', function () {
  this.timeout(600000);
  let browser: Browser;
  const dir = path.join(OUT, 'slides');
  const deck = path.join(dir, 'figures.slides.html');

  before(async function () {
    const executed = await executedFixture();
    fs.rmSync(dir, { recursive: true, force: true });
    site.copyAssets(path.join(dir, 'assets'), { reveal: true });
    const r = await site.exportPages([{ input: executed, output: deck, kind: 'slides', theme: 'white', title: 'Figures fixture', assets: 'assets' }]);
    assert.deepEqual(r.errors, []);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  it('the deck loads reveal.js from its own assets, never from a CDN', () => {
    const html = fs.readFileSync(deck, 'utf8');
    assert.match(html, /<script src="assets\/reveal\.js\/dist\/reveal\.js"><\/script>/);
    assert.ok(!/unpkg|cdnjs|cdn\.jsdelivr/.test(html.replace(/<style[\s\S]*?<\/style>/g, '')), 'a CDN URL outside the inlined CSS');
  });

  it('the first slides render; skipped cells and speaker notes are not on the slides; a figure slide shows its plot', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, log } = await guardedPage(context);
    await page.goto('file://' + deck, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { Reveal?: RevealApi }).Reveal?.isReady(), null, { timeout: 30000 });
    const r = reveal(page);
    const total = await page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.getTotalSlides());
    assert.ok(total >= 8, `only ${total} slides`);

    // Slide 1: the title cell.
    assert.match(await r.current(), /^FIXTURE: EVERY FIGURE KIND/i);
    const titleBox = await page.locator('.reveal .slides section.present h1').first().boundingBox();
    assert.ok(titleBox && titleBox.width > 100 && titleBox.height > 20, 'the title is visible');
    await page.screenshot({ path: path.join(OUT, 'slides-1.png') });

    // The set-up cell is `skip`: its code is on no slide.
    const allText = await page.locator('.reveal .slides').innerText();
    assert.ok(!allText.includes('display.setupPlots()'), 'the skipped set-up cell is on a slide');
    // The speaker note is in an <aside class="notes">, not on the slide.
    assert.equal(await page.locator('.reveal .slides aside.notes').count(), 1);
    assert.ok(!(await r.current()).includes('Speaker note'));

    // Slide 2: heading, then the figure cell is a fragment that appears on the next step.
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(800);
    assert.match(await r.current(), /CURVES ON A LOG AXIS/i);
    await page.keyboard.press('ArrowRight'); // show the fragment
    await page.waitForTimeout(1500);
    const figs = await figureStatus(page, '.reveal .slides section.present');
    await page.screenshot({ path: path.join(OUT, 'slides-2.png') });
    assert.equal(figs.length, 1, 'the figure slide holds one figure');
    assert.ok(figs[0].svgs > 0 && figs[0].width > 300 && figs[0].height > 200 && figs[0].marks > 0, `figure did not draw: ${JSON.stringify(figs[0])}`);
    const opacity = await page.locator('.reveal .slides section.present .fragment').first().evaluate((el) => getComputedStyle(el).opacity);
    assert.equal(opacity, '1', 'the fragment is shown');

    // The image-grid slide further on: a figure that was laid out while hidden is drawn at full size when shown.
    const h = await page.evaluate(() =>
      (window as unknown as { Reveal: RevealApi }).Reveal.getHorizontalSlides().findIndex((s) => (s.textContent ?? '').includes('Image grid')),
    );
    assert.ok(h > 0, 'no image-grid slide');
    await page.evaluate((i) => (window as unknown as { Reveal: RevealApi }).Reveal.slide(i, 0, 99), h);
    await page.waitForTimeout(1500);
    const grid = await figureStatus(page, '.reveal .slides section.present');
    await page.screenshot({ path: path.join(OUT, 'slides-figure.png') });
    assert.equal(grid.length, 1);
    assert.ok(grid[0].width > 300 && grid[0].marks > 0, JSON.stringify(grid[0]));

    // A slide taller than the deck (the 30-row table) scrolls instead of being cut off.
    const t = await page.evaluate(() =>
      (window as unknown as { Reveal: RevealApi }).Reveal.getHorizontalSlides().findIndex((s) => (s.textContent ?? '').includes('Text, maths and tables')),
    );
    await page.evaluate((i) => (window as unknown as { Reveal: RevealApi }).Reveal.slide(i, 0, 99), t);
    await page.waitForTimeout(1000);
    const tall = await page.evaluate(() => {
      const s = (window as unknown as { Reveal: RevealApi }).Reveal.getCurrentSlide();
      return { cls: s.className, scroll: s.scrollHeight, client: s.clientHeight, overflow: getComputedStyle(s).overflowY };
    });
    assert.ok(tall.cls.includes('dgmlab-scroll') && tall.scroll > tall.client && tall.overflow === 'auto', JSON.stringify(tall));

    assert.deepEqual(log.blocked, [], 'requests that tried to leave the page');
    assert.deepEqual(log.failed, [], 'local requests that failed');
    assert.deepEqual(log.errors, [], 'console errors');
    await context.close();
  });
});
