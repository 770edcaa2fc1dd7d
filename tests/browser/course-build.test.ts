/// <reference lib="dom" />
/**
 * The course build end to end (scripts/build-site.js, what `npm run build` runs) on a two-notebook course made by
 * the test: the site has an index page and a page per notebook, the pages link to each other (navigation and the
 * notebooks' own .ipynb links), and from file:// with the network blocked a reader can go from the index to a
 * figure that draws. Screenshot: test-output/browser/course-index.png.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { plotlyBundlePath } from '../../src/display/plotly';
import { Browser } from 'playwright-core';
import { figureStatus, guardedPage, launch, OUT, ROOT, waitForFigures } from './helpers';

function notebook(cells: { cell_type: 'markdown' | 'code'; source: string; tags?: string[] }[]): string {
  return JSON.stringify(
    {
      cells: cells.map((c, i) => ({
        cell_type: c.cell_type,
        id: `c${i}`,
        metadata: c.tags ? { tags: c.tags } : {},
        source: c.source,
        ...(c.cell_type === 'code' ? { execution_count: null, outputs: [] } : {}),
      })),
      metadata: {
        kernelspec: { display_name: 'TypeScript (dgmlab)', language: 'typescript', name: 'dgmlab' },
        language_info: { file_extension: '.ts', mimetype: 'text/typescript', name: 'typescript' },
      },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

describe('browser: the course build (npm run build) gives an offline site with an index and navigation', function () {
  this.timeout(600000);
  let browser: Browser;
  // Inside the repository, so the kernel resolves `dgmlab` through node_modules.
  const src = path.join(OUT, 'course-src');
  const out = path.join(OUT, 'course-site');
  let build: { status: number | null; stdout: string; stderr: string };

  before(async function () {
    fs.rmSync(src, { recursive: true, force: true });
    fs.mkdirSync(path.join(src, 'part1'), { recursive: true });
    fs.writeFileSync(
      path.join(src, 'index.ipynb'),
      notebook([
        { cell_type: 'markdown', source: '# Test course home\n\nSource: none. Next: [the histogram](part1/hist.ipynb).' },
        { cell_type: 'code', source: "import { display } from 'dgmlab';\ndisplay.markdown('home page output');" },
      ]),
    );
    fs.writeFileSync(
      path.join(src, 'part1', 'hist.ipynb'),
      notebook([
        { cell_type: 'markdown', source: '# A histogram\n\nSource: none. Back to [the home page](../index.ipynb).' },
        { cell_type: 'code', source: "import { core, display } from 'dgmlab';\ndisplay.show(display.histogram(core.rng(1).normals(500), { title: 'five hundred draws' }));", tags: ['figure', 'hide-input'] },
      ]),
    );
    fs.rmSync(out, { recursive: true, force: true });
    build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-site.js'), '--notebooks', src, '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 400000 });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  it('builds: every notebook ok, a page each, one shared plotly.js, a build report', () => {
    assert.equal(build.status, 0, `build failed:\n${build.stdout}\n${build.stderr}`);
    assert.match(build.stdout, /build: 2\/2 notebooks ok; site [\d.]+ MB/);
    for (const f of ['index.html', 'notebooks/index.html', 'notebooks/part1/hist.html', 'notebooks/part1/hist.ipynb', 'assets/plotly.js', 'assets/mathjax/MathJax.js']) {
      assert.ok(fs.existsSync(path.join(out, f)), `missing ${f}`);
    }
    const report = JSON.parse(fs.readFileSync(path.join(out, 'build-report.json'), 'utf8'));
    assert.deepEqual(report.notebooks.map((n: { notebook: string; ok: boolean }) => [n.notebook, n.ok]), [['index.ipynb', true], [path.join('part1', 'hist.ipynb'), true]]);
    const bundleBytes = fs.statSync(plotlyBundlePath()).size; // plotly.js-dist-min: 4.8 MB
    assert.ok(report.notebooks[1].executedBytes > bundleBytes, 'the executed notebook embeds plotly.js');
    assert.ok(report.notebooks[1].pageBytes < 3e6, 'the page does not');
    // The tag hide-input keeps the plot and drops its code.
    const hist = fs.readFileSync(path.join(out, 'notebooks', 'part1', 'hist.html'), 'utf8');
    assert.ok(!hist.includes('normals(500)'), 'the hidden input is on the page');
    assert.ok(hist.includes('five hundred draws'));
  });

  it('refuses to overwrite a folder that is not a previous build', () => {
    const foreign = path.join(OUT, 'not-a-site');
    fs.mkdirSync(foreign, { recursive: true });
    fs.writeFileSync(path.join(foreign, 'keep.txt'), 'x');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-site.js'), '--notebooks', src, '--out', foreign], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /is not a previous course build/);
    assert.ok(fs.existsSync(path.join(foreign, 'keep.txt')));
    const bad = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-site.js'), '--preset', 'slow'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(bad.status, 64);
    assert.match(bad.stderr, /--preset must be fast or full \(got "slow"\)/);
  });

  it('from file:// with the network blocked: index → home page → next page → figure drawn, links between notebooks work', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const { page, log } = await guardedPage(context);
    await page.goto('file://' + path.join(out, 'index.html'), { waitUntil: 'load' });
    await page.screenshot({ path: path.join(OUT, 'course-index.png'), fullPage: true });
    assert.deepEqual(await page.locator('ol li a').allInnerTexts(), ['Test course home', 'A histogram']);
    await page.click('text=Test course home');
    await page.waitForLoadState('load');
    assert.match(page.url(), /notebooks\/index\.html$/);
    assert.ok((await page.locator('text=home page output').count()) > 0, 'the executed output is on the page');
    // The notebook's own link to part1/hist.ipynb now points at the page.
    assert.equal(await page.locator('a:text-is("the histogram")').getAttribute('href'), 'part1/hist.html');
    // Navigation: next page.
    await page.click('nav.dgmlab-nav >> text=A histogram →');
    await page.waitForLoadState('load');
    assert.match(page.url(), /notebooks\/part1\/hist\.html$/);
    await waitForFigures(page, 1);
    const figs = await figureStatus(page);
    assert.equal(figs.length, 1);
    assert.ok(figs[0].svgs > 0 && figs[0].marks > 0 && figs[0].width > 300, JSON.stringify(figs[0]));
    // Download link of the notebook and the way back.
    assert.equal(await page.locator('nav.dgmlab-nav a[download]').first().getAttribute('href'), 'hist.ipynb');
    await page.click('nav.dgmlab-nav >> text=☰ Course map');
    await page.waitForLoadState('load');
    assert.match(page.url(), /course-site\/index\.html$/);
    assert.deepEqual(log.blocked, [], 'requests that tried to leave the page');
    assert.deepEqual(log.failed, [], 'local requests that failed');
    assert.deepEqual(log.errors, [], 'console errors');
    await context.close();
  });
});
