/// <reference lib="dom" />
/**
 * The figures fixture in a live Jupyter Notebook server (Debian's jupyter-notebook, classic UI 6.x) started by the
 * test on 127.0.0.1 with a random token: open it in chromium, run all cells through the menu (Cell → Run All),
 * and every figure draws from the plotly bundle the kernel embedded. Requests may go to that server only.
 * Screenshot: test-output/browser/live-notebook.png.
 */
import { strict as assert } from 'assert';
import { ChildProcess, spawn, spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { Browser } from 'playwright-core';
import { executedFixture, figureCells, figureStatus, FIXTURE, guardedPage, launch, OUT, ROOT, waitForFigures } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const py = require(path.join(ROOT, 'kernel-setup', 'python.js')) as { jupyterPython(): string; jupyterEnv(extra?: object): NodeJS.ProcessEnv };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function request(url: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

describe('browser: the figures fixture in a live Jupyter Notebook server, run through the UI', function () {
  this.timeout(600000);
  let browser: Browser;
  let server: ChildProcess | undefined;
  let serverLog = '';
  let base = '';
  const token = randomBytes(16).toString('hex');
  const work = path.join(OUT, 'live');

  before(async function () {
    // A copy inside the repository (so the kernel resolves `dgmlab` through node_modules); the original stays clean.
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(path.join(work, 'runtime'), { recursive: true });
    fs.copyFileSync(FIXTURE, path.join(work, 'figures.ipynb'));
    // A notebook executed elsewhere (nbclient) is not trusted when opened: its figure scripts must not run silently blank.
    fs.copyFileSync(await executedFixture(), path.join(work, 'executed-elsewhere.ipynb'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0; // CI runs as root
    server = spawn(
      py.jupyterPython(),
      ['-m', 'notebook', ...(asRoot ? ['--allow-root'] : []), '--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0', `--NotebookApp.token=${token}`, `--notebook-dir=${work}`, '--NotebookApp.open_browser=False'],
      {
        cwd: work,
        env: py.jupyterEnv({ JUPYTER_RUNTIME_DIR: path.join(work, 'runtime'), DGMLAB_PRESET: 'fast' }),
        detached: true, // own process group: the kernels it starts go down with it
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    server.stdout!.on('data', (d) => (serverLog += d));
    server.stderr!.on('data', (d) => (serverLog += d));
    const deadline = Date.now() + 60000;
    for (;;) {
      try {
        if ((await request(`${base}/api/status?token=${token}`)).status === 200) break;
      } catch {
        /* not up yet */
      }
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the notebook server did not start:\n${serverLog.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    browser = await launch();
  });

  after(async function () {
    await browser?.close();
    if (server && server.exitCode === null) {
      try {
        await request(`${base}/api/shutdown?token=${token}`, 'POST');
      } catch {
        /* already going */
      }
      const exited = await new Promise<boolean>((resolve) => {
        const t = setTimeout(() => resolve(false), 10000);
        server!.once('exit', () => {
          clearTimeout(t);
          resolve(true);
        });
      });
      if (!exited) {
        try {
          process.kill(-server.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    }
  });

  it('serves the Debian classic Notebook UI (6.x)', () => {
    const v = spawnSync(py.jupyterPython(), ['-m', 'notebook', '--version'], { encoding: 'utf8' }).stdout.trim();
    assert.match(v, /^6\./, `this test drives the classic UI of Notebook 6 (got ${v})`);
  });

  it('Cell → Run All executes every cell without an error and every figure draws', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, log } = await guardedPage(context, base);
    await page.goto(`${base}/notebooks/figures.ipynb?token=${token}`, { waitUntil: 'load' });
    // The kernel is up when the notebook says so.
    await page.waitForFunction(
      () => {
        const J = (window as unknown as { Jupyter?: { notebook?: { kernel?: { is_connected(): boolean } } } }).Jupyter;
        return !!J?.notebook?.kernel?.is_connected() && !!document.querySelector('#kernel_indicator_icon.kernel_idle_icon');
      },
      null,
      { timeout: 120000 },
    );
    await page.click('#menus a.dropdown-toggle:text-is("Cell")');
    await page.click('#run_all_cells > a');
    const codeCells = await page.evaluate(
      () => (window as unknown as { Jupyter: { notebook: { get_cells(): { cell_type: string }[] } } }).Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code').length,
    );
    // Done when every code cell has an execution count and the kernel is idle again.
    await page.waitForFunction(
      () => {
        const cells = (window as unknown as { Jupyter: { notebook: { get_cells(): { cell_type: string; input_prompt_number?: unknown }[] } } }).Jupyter.notebook.get_cells();
        const code = cells.filter((c) => c.cell_type === 'code');
        return code.every((c) => typeof c.input_prompt_number === 'number') && !!document.querySelector('#kernel_indicator_icon.kernel_idle_icon');
      },
      null,
      { timeout: 300000, polling: 500 },
    );
    const expected = figureCells(FIXTURE);
    await waitForFigures(page, expected, '#notebook');
    const figs = await figureStatus(page, '#notebook');
    // The classic UI scrolls inside #site; let the page grow so the screenshot shows the whole notebook.
    await page.addStyleTag({ content: 'html, body, #site { height: auto !important; overflow: visible !important; position: static !important; }' });
    await page.screenshot({ path: path.join(OUT, 'live-notebook.png'), fullPage: true });
    const errorsShown = await page.locator('.output_error, .output_stderr').allInnerTexts();
    assert.deepEqual(errorsShown, [], 'error or stderr outputs in the notebook');
    assert.ok(codeCells > 0);
    assert.equal(figs.length, expected, `expected ${expected} figures, found ${figs.length}`);
    for (const f of figs) {
      assert.ok(f.svgs > 0 && f.width > 300 && f.height > 200 && f.marks > 0, `figure "${f.title}" did not draw: ${JSON.stringify(f)}`);
    }
    // The live progress bar ended in its final state (redrawn in place: one bar, not fifty).
    const bars = await page.locator('.dgmlab-progress').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-done')}/${e.getAttribute('data-total')}`));
    assert.deepEqual(bars, ['50/50']);
    assert.deepEqual(log.blocked, [], 'requests that tried to leave the machine');
    const ours = log.errors.filter((e) => /dgmlab|plotly|Plotly/.test(e));
    assert.deepEqual(ours, [], 'console errors from the figures');
    await context.close();
  });

  it('a notebook executed elsewhere opens untrusted: each figure shows its fallback text instead of a blank area', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, log } = await guardedPage(context, base);
    await page.goto(`${base}/notebooks/executed-elsewhere.ipynb?token=${token}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('#notebook .output_area').length > 0, null, { timeout: 60000 });
    await page.waitForTimeout(1000);
    const trusted = await page.evaluate(() => (window as unknown as { Jupyter: { notebook: { trusted: boolean } } }).Jupyter.notebook.trusted);
    assert.equal(trusted, false);
    const fallbacks = await page.locator('#notebook .dgmlab-figure-fallback').allInnerTexts();
    assert.equal(fallbacks.length, figureCells(FIXTURE));
    for (const t of fallbacks) assert.match(t, /File → Trust Notebook/);
    assert.equal(await page.locator('#notebook svg.main-svg').count(), 0, 'no script ran in the untrusted notebook');
    assert.deepEqual(log.blocked, []);
    await context.close();
  });
});
