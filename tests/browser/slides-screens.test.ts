/// <reference lib="dom" />
/**
 * The dgm-exercises/06 deck built like `npm run slides` (scripts/slides.js, --no-execute so it takes seconds) and
 * opened in chromium at 1280×720 (issue #25, point 10): no slide is taller than the deck's canvas (reveal scales the
 * 1280×860 canvas into the viewport), no solution text is visible before its fragment is shown, and showing the
 * fragments reveals the solutions. Screenshot of the first exercise screen: test-output/browser/slides-exercise.png.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Browser } from 'playwright-core';
import { guardedPage, launch, OUT, ROOT } from './helpers';

describe('browser: the dgm-exercises/06 deck, cut into screens', function () {
  this.timeout(600000);
  let browser: Browser;
  const out = path.join(OUT, 'slides-cut');
  const deck = path.join(out, 'dgm-exercises', '06-gan-dynamics.slides.html');

  before(async () => {
    fs.rmSync(out, { recursive: true, force: true });
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'slides.js'), path.join(ROOT, 'notebooks', 'dgm-exercises', '06-gan-dynamics.ipynb'), '--no-execute', '--out', out], { encoding: 'utf8', timeout: 300000 });
    assert.equal(r.status, 0, r.stderr);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  it('every slide fits the canvas and no solution shows before its fragment', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, log } = await guardedPage(context);
    await page.goto('file://' + deck, { waitUntil: 'load', timeout: 120000 });
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady(), null, { timeout: 60000 });
    const st = await page.evaluate(() => {
      const R = (window as unknown as { Reveal: { getConfig(): { height: number } } }).Reveal;
      const h = R.getConfig().height;
      const slides = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section')).filter((s) => !s.querySelector('section'));
      return {
        height: h,
        slides: slides.length,
        tall: slides.map((s, i) => ({ i, h: s.scrollHeight })).filter((x) => x.h > h + 2),
        leaks: slides
          .map((s, i) => ({ i, t: Array.from(s.querySelectorAll<HTMLElement>('.jp-Cell')).filter((c) => !c.closest('.fragment')).map((c) => c.textContent ?? '').join('\n') }))
          .filter((x) => /BEGIN SOLUTION/.test(x.t))
          .map((x) => x.i),
        fragments: slides.filter((s) => Array.from(s.querySelectorAll('.fragment')).some((f) => /BEGIN SOLUTION/.test(f.textContent ?? ''))).length,
        hiddenFragments: Array.from(document.querySelectorAll('.reveal .fragment')).filter((f) => !f.classList.contains('visible')).length,
      };
    });
    assert.ok(st.slides >= 15, `${st.slides} slides`);
    assert.deepEqual(st.tall, [], `slides taller than the ${st.height}px canvas`);
    assert.deepEqual(st.leaks, [], 'slides showing a solution outside a fragment');
    assert.ok(st.fragments >= 5, `${st.fragments} solution fragments`);
    assert.ok(st.hiddenFragments >= st.fragments, 'fragments start hidden');
    // The first exercise screen: the student's view, then the solution after one key press.
    const idx = await page.evaluate(() => {
      const R = (window as unknown as { Reveal: { getIndices(s: Element): { h: number; v: number } } }).Reveal;
      const frag = Array.from(document.querySelectorAll('.reveal .fragment')).find((f) => /BEGIN SOLUTION/.test(f.textContent ?? ''));
      return frag ? R.getIndices(frag.closest('section')!) : null;
    });
    assert.ok(idx);
    await page.evaluate(({ h, v }) => (window as unknown as { Reveal: { slide(h: number, v: number, f: number): void } }).Reveal.slide(h, v, -1), idx!);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'slides-exercise.png') });
    const before = await page.evaluate(() => (document.querySelector('.reveal .slides section.present .fragment') as HTMLElement | null)?.classList.contains('visible') ?? null);
    assert.equal(before, false, 'the solution fragment is hidden when the exercise screen opens');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(500);
    const after = await page.evaluate(() => (document.querySelector('.reveal .slides section.present .fragment') as HTMLElement | null)?.classList.contains('visible') ?? null);
    assert.equal(after, true, 'one key press reveals the solution');
    assert.deepEqual(log.blocked, []);
    await context.close();
  });
});
