/// <reference lib="dom" />
/**
 * An errata cell (tests/fixtures/notebooks/errata-table.ipynb: 001-E61, 004-E23, 004-E24 — an error, a gap and a
 * remark) executed on the real kernel, exported as a course page and as a reveal.js deck, and opened in chromium
 * from file:// (issue #25, point 1): MathJax typesets every form (no `\(` left as text), the values are formatted (a
 * typeset matrix, no JSON), each entry shows its kind, and the form columns stay wide (no tall narrow strip).
 * Screenshots: test-output/browser/errata-table.png (page), errata-table-slide.png (deck).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { guardedPage, launch, OUT, ROOT, site } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runner = require(path.join(ROOT, 'kernel-setup', 'run-notebooks.js')) as {
  runNotebook(nb: string, opts: object): Promise<{ ok: boolean; failures: unknown[] }>;
  formatFailures(r: object): string;
};
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'notebooks', 'errata-table.ipynb');

interface TableStatus {
  tables: number;
  entries: { id: string; kind: string; badge: string }[];
  width: number;
  formCols: number[];
  mathSpans: number;
  typeset: number;
  rawTex: string[];
  matrices: number;
  json: boolean;
  tallestRow: number;
}

function tableStatus(page: Page): Promise<TableStatus> {
  return page.evaluate(() => {
    const table = document.querySelector<HTMLTableElement>('table.dgmlab-errata');
    const spans = Array.from(document.querySelectorAll<HTMLElement>('table.dgmlab-errata .dgmlab-math'));
    const cols = Array.from(document.querySelectorAll<HTMLElement>('table.dgmlab-errata thead th')).slice(1);
    const rows = Array.from(document.querySelectorAll<HTMLElement>('table.dgmlab-errata tr'));
    return {
      tables: document.querySelectorAll('table.dgmlab-errata').length,
      entries: Array.from(document.querySelectorAll<HTMLElement>('tbody.dgmlab-erratum')).map((b) => ({
        id: b.dataset.id ?? '',
        kind: b.dataset.kind ?? '',
        badge: (b.querySelector('.dgmlab-erratum-kind') as HTMLElement | null)?.innerText.trim() ?? '',
      })),
      width: table ? table.getBoundingClientRect().width : 0,
      formCols: cols.map((c) => c.getBoundingClientRect().width),
      mathSpans: spans.length,
      // MathJax 2 (CHTML) replaces the TeX by a .MathJax_CHTML element and keeps the source in a script tag.
      typeset: spans.filter((s) => s.querySelector('.MathJax_CHTML, .mjx-chtml, mjx-container')).length,
      rawTex: spans.filter((s) => /\\\(|\\[a-zA-Z]+/.test(Array.from(s.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join(''))).map((s) => s.innerText.slice(0, 80)),
      matrices: document.querySelectorAll('table.dgmlab-errata .mjx-mtable, table.dgmlab-errata .mjx-mtd').length,
      json: /\{"|":\s*\[/.test(table?.innerText ?? ''),
      tallestRow: Math.max(0, ...rows.map((r) => r.getBoundingClientRect().height)),
    };
  });
}

async function waitForMath(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const spans = Array.from(document.querySelectorAll('table.dgmlab-errata .dgmlab-math'));
        return spans.length > 0 && spans.every((s) => s.querySelector('.MathJax_CHTML, .mjx-chtml, mjx-container')) && !document.querySelector('.MathJax_Processing');
      },
      null,
      { timeout: 240000, polling: 250 },
    )
    .catch(() => undefined); // the assertions say what is missing
}

describe('browser: a typeset errata table (page and slide), offline from file://', function () {
  this.timeout(600000);
  let browser: Browser;
  const dir = path.join(OUT, 'errata');
  const pageFile = path.join(dir, 'notebooks', 'errata-table.html');
  const deck = path.join(dir, 'errata-table.slides.html');

  before(async function () {
    fs.mkdirSync(dir, { recursive: true });
    const executed = path.join(dir, 'errata-table.executed.ipynb');
    const r = await runner.runNotebook(FIXTURE, { preset: 'fast', out: executed, totalTimeout: 600 });
    if (!r.ok) throw new Error(`the errata fixture did not execute cleanly:\n${runner.formatFailures(r)}`);
    site.copyAssets(path.join(dir, 'assets'), { reveal: true });
    const out = await site.exportPages([
      { input: executed, output: pageFile, kind: 'html', title: 'Errata fixture', assets: site.relUrl(pageFile, path.join(dir, 'assets')), nav: '' },
      { input: executed, output: deck, kind: 'slides', theme: 'white', title: 'Errata fixture', assets: 'assets' },
    ]);
    assert.deepEqual(out.errors, []);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  it('on the course page: every form typeset by MathJax, values formatted, kinds shown, columns wide', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, log } = await guardedPage(context);
    await page.goto('file://' + pageFile, { waitUntil: 'load', timeout: 300000 });
    await waitForMath(page);
    // The matrices of the values are typeset last: wait for them before measuring.
    await page.waitForFunction(() => document.querySelectorAll('table.dgmlab-errata .mjx-mtable, table.dgmlab-errata .mjx-mtd').length > 0, null, { timeout: 120000 }).catch(() => undefined);
    const st = await tableStatus(page);
    await page.locator('table.dgmlab-errata').screenshot({ path: path.join(OUT, 'errata-table.png') });
    assert.equal(st.tables, 1);
    assert.deepEqual(st.entries, [
      { id: '001-E61', kind: 'error', badge: 'error' },
      { id: '004-E23', kind: 'gap', badge: 'gap' },
      { id: '004-E24', kind: 'remark', badge: 'remark' },
    ]);
    assert.ok(st.mathSpans >= 3, `${st.mathSpans} formulas`);
    assert.equal(st.typeset, st.mathSpans, `MathJax typeset ${st.typeset} of ${st.mathSpans} formulas`);
    assert.deepEqual(st.rawTex, [], 'TeX left as text');
    assert.ok(st.matrices > 0, "001-E61's matrices A are typeset");
    assert.equal(st.json, false, 'a value shown as JSON');
    // The two form columns share the width: neither becomes a narrow strip, and no row is taller than a screen.
    for (const w of st.formCols) assert.ok(w >= 300, `form column ${w.toFixed(0)} px wide (table ${st.width.toFixed(0)} px)`);
    assert.ok(st.tallestRow < 400, `tallest row ${st.tallestRow.toFixed(0)} px`);
    assert.deepEqual(log.blocked, []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  it('on the slide: MathJax typesets the same table', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, log } = await guardedPage(context);
    await page.goto('file://' + deck + '#/1', { waitUntil: 'load', timeout: 300000 });
    await waitForMath(page);
    const st = await tableStatus(page);
    await page.screenshot({ path: path.join(OUT, 'errata-table-slide.png') });
    assert.equal(st.entries.length, 3);
    assert.equal(st.typeset, st.mathSpans, `MathJax typeset ${st.typeset} of ${st.mathSpans} formulas`);
    assert.deepEqual(st.rawTex, []);
    assert.deepEqual(log.blocked, []);
    await context.close();
  });
});
