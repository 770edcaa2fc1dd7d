/// <reference lib="dom" />
/**
 * Shared by the browser tests: Debian's chromium through playwright-core with every outside request blocked, the
 * figures fixture executed once (real kernel) and exported, and a check that every plotly figure on a page drew.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const OUT = path.join(ROOT, 'test-output', 'browser');
export const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'notebooks', 'figures.ipynb');
export const CHROMIUM = process.env.DGMLAB_CHROMIUM ?? '/usr/bin/chromium';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const site = require(path.join(ROOT, 'scripts', 'nbsite.js')) as {
  copyAssets(dir: string, opts?: { reveal?: boolean }): string[];
  exportPages(jobs: object[]): Promise<{ pages: { output: string; bytes: number }[]; errors: { input: string; message: string }[] }>;
  relUrl(from: string, to: string): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runner = require(path.join(ROOT, 'kernel-setup', 'run-notebooks.js')) as {
  runNotebook(nb: string, opts: object): Promise<{ ok: boolean; figures: number; failures: unknown[] }>;
  formatFailures(r: object): string;
};
export { site };

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What a page did: requests that were blocked or failed, console errors and uncaught exceptions. */
export interface PageLog {
  blocked: string[];
  failed: string[];
  errors: string[];
}

/**
 * A new page in `context` that may only load file:// (and data:/blob:) URLs plus `allowOrigin` (e.g. the local
 * Jupyter server); anything else is aborted and recorded in `blocked`.
 */
export async function guardedPage(context: BrowserContext, allowOrigin?: string): Promise<{ page: Page; log: PageLog }> {
  const page = await context.newPage();
  const log: PageLog = { blocked: [], failed: [], errors: [] };
  await page.route('**/*', (route) => {
    const url = route.request().url();
    const ok = /^(file|data|blob):/.test(url) || (allowOrigin !== undefined && url.startsWith(allowOrigin));
    if (ok) return route.continue();
    log.blocked.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (!log.blocked.includes(r.url())) log.failed.push(`${r.url()} (${r.failure()?.errorText})`);
  });
  return { page, log };
}

export interface FigureStatus {
  title: string;
  svgs: number;
  width: number;
  height: number;
  /** Drawn marks inside plotly's plot layers (paths, rects, images, texts). */
  marks: number;
  fallbackVisible: boolean;
}

/** The state of every dgmlab figure under `scope` (a CSS selector). */
export function figureStatus(page: Page, scope = 'body'): Promise<FigureStatus[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel) ?? document.body;
    return Array.from(root.querySelectorAll<HTMLElement>('.dgmlab-figure')).map((el) => {
      const svg = el.querySelector('svg.main-svg');
      const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
      return {
        title: el.dataset.title ?? '',
        svgs: el.querySelectorAll('svg.main-svg').length,
        width: box.width,
        height: box.height,
        marks: el.querySelectorAll('.cartesianlayer path, .cartesianlayer rect, .cartesianlayer image, .cartesianlayer text, .annotation, .layer-above path, g.hm image').length,
        fallbackVisible: !!el.querySelector('.dgmlab-figure-fallback'),
      };
    });
  }, scope);
}

/** Wait until every dgmlab figure under `scope` has plotly's SVG (or the timeout passes). */
export async function waitForFigures(page: Page, expected: number, scope = 'body', timeout = 60000): Promise<void> {
  await page
    .waitForFunction(
      ([sel, n]) => {
        const root = document.querySelector(sel as string) ?? document.body;
        const figs = Array.from(root.querySelectorAll('.dgmlab-figure'));
        return figs.length >= (n as number) && figs.every((f) => f.querySelector('svg.main-svg'));
      },
      [scope, expected] as const,
      { timeout, polling: 250 },
    )
    .catch(() => undefined); // the assertions that follow say what is missing
}

/** Number of code cells tagged `figure` in a notebook (each draws one dgmlab figure). */
export function figureCells(nbPath: string): number {
  const nb = JSON.parse(fs.readFileSync(nbPath, 'utf8')) as { cells: { cell_type: string; metadata?: { tags?: string[] } }[] };
  return nb.cells.filter((c) => c.cell_type === 'code' && (c.metadata?.tags ?? []).includes('figure')).length;
}

let executed: Promise<string> | undefined;
/** The figures fixture executed once on the dgmlab kernel (fast preset); resolves to the executed .ipynb path. */
export function executedFixture(): Promise<string> {
  if (!executed) {
    executed = (async () => {
      fs.mkdirSync(OUT, { recursive: true });
      const out = path.join(OUT, 'figures.executed.ipynb');
      const r = await runner.runNotebook(FIXTURE, { preset: 'fast', out, totalTimeout: 600 });
      if (!r.ok) throw new Error(`the figures fixture did not execute cleanly:\n${runner.formatFailures(r)}`);
      return out;
    })();
  }
  return executed;
}
