#!/usr/bin/env node
'use strict';
/**
 * `npm run build [-- --preset fast|full] [--jobs N] [--out DIR] [--notebooks DIR] [--only TEXT]`
 *
 * The static course site: executes every notebook under notebooks/ on the dgmlab kernel (preset `fast` by default),
 * exports each to an HTML page with nbconvert's HTML exporter (template scripts/templates/dgmlab-lab) and writes an
 * index page with the course map. Everything works offline from file://: plotly.js, MathJax and the pages' CSS are
 * local (site/assets), no page loads anything from the network.
 *
 *   site/index.html                      course map (start page)
 *   site/notebooks/<path>.html           one page per notebook, with previous/next/course-map navigation
 *   site/notebooks/<path>.ipynb          the notebook itself (outputs cleared), for download
 *   site/assets/                         plotly.js (one shared copy), MathJax (subset)
 *   site/build-report.json               per notebook: status, seconds, executed .ipynb size, page size
 *
 * A notebook that fails still gets its page (with the outputs up to the failure and a red banner naming the cell);
 * the command then exits 1.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { findNotebooks, formatFailures } = require('../kernel-setup/run-notebooks');
const site = require('./nbsite');

const USAGE = 'usage: npm run build [-- --preset fast|full] [--jobs N] [--out DIR] [--notebooks DIR] [--only TEXT]';

function navHtml(pages, i, pageFile, indexFile) {
  const link = (p, label) => `<a href="${site.relUrl(pageFile, p.page)}">${label}</a>`;
  const prev = i > 0 ? link(pages[i - 1], `← ${site.escapeHtml(pages[i - 1].title)}`) : '';
  const next = i < pages.length - 1 ? link(pages[i + 1], `${site.escapeHtml(pages[i + 1].title)} →`) : '';
  return (
    `<nav class="dgmlab-nav"><a href="${site.relUrl(pageFile, indexFile)}">☰ Course map</a>` +
    `${prev ? `<span>${prev}</span>` : ''}<span class="here">${site.escapeHtml(pages[i].title)}</span>${next ? `<span>${next}</span>` : ''}` +
    // '.' as &#46; so the exporter's .ipynb → .html link rewriting leaves the download link alone.
    `<a href="${site.relUrl(pageFile, pages[i].copy).replace(/\.ipynb$/, '&#46;ipynb')}" download>⤓ notebook (.ipynb)</a></nav>`
  );
}

/** The library's course map (dist/course: source titles per folder, what each notebook covers), if built. */
function courseMap() {
  try {
    // eslint-disable-next-line global-require
    const course = require(path.join(site.ROOT, 'dist', 'course'));
    return { sources: course.COURSE_SOURCES || [], notebooks: course.COURSE_NOTEBOOKS || [] };
  } catch {
    return { sources: [], notebooks: [] };
  }
}

/** Markdown emphasis (*x*) as HTML, the rest escaped. */
function inlineMd(text) {
  return site.escapeHtml(text).replace(/\*([^*]+)\*/g, '<em>$1</em>');
}

function indexHtml(pages, outDir, report) {
  const indexFile = path.join(outDir, 'index.html');
  const map = courseMap();
  const groups = new Map();
  for (const p of pages) {
    const dir = path.dirname(p.rel) === '.' ? '' : path.dirname(p.rel).split(path.sep).join('/');
    if (!groups.has(dir)) groups.set(dir, []);
    groups.get(dir).push(p);
  }
  // Folders in the order of the course's sources, then any others.
  const order = (dir) => {
    const i = map.sources.findIndex((src) => src.folder === dir);
    return dir === '' ? -1 : i >= 0 ? i : map.sources.length;
  };
  const dirs = [...groups.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const item = (p) => {
    const entry = map.notebooks.find((n) => n.path === p.rel.split(path.sep).join('/'));
    return (
      `<li><a href="${site.relUrl(indexFile, p.page)}">${site.escapeHtml(p.title)}</a>` +
      `${entry && entry.covers ? ` <span class="covers">— ${inlineMd(entry.covers)}</span>` : ''}` +
      ` <span class="file">${site.escapeHtml(p.rel)}</span>${p.ok ? '' : ' <span class="failed">(execution failed)</span>'}</li>`
    );
  };
  const heading = (dir) => {
    if (dir === '') return 'Start';
    const src = map.sources.find((x) => x.folder === dir);
    return src ? `${inlineMd(src.title)} <span class="file">${site.escapeHtml(dir)}/</span>` : site.escapeHtml(dir);
  };
  const sections = dirs.map((dir) => `<section><h2>${heading(dir)}</h2><ol>${groups.get(dir).map(item).join('')}</ol></section>`).join('\n');
  const start = pages.find((p) => p.rel === 'index.ipynb');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>dgmlab — course map</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 900px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
h1 { margin-bottom: 0.2em; } h2 { margin-top: 1.4em; border-bottom: 1px solid #ddd; font-size: 1.2em; }
a { color: #1f5fa8; text-decoration: none; } a:hover { text-decoration: underline; }
.file { color: #888; font-size: 0.85em; font-family: monospace; } .failed { color: #c62828; }
.meta { color: #666; font-size: 0.9em; } .covers { color: #555; font-size: 0.9em; }
h2 .file { font-weight: normal; }
</style></head>
<body>
<h1>dgmlab — deep generative models, step by step</h1>
<p class="meta">Executed notebooks of the course (preset <code>${site.escapeHtml(report.preset)}</code>, built ${site.escapeHtml(report.builtAt)}).
Every plot is interactive and everything works offline.${start ? ` Start with <a href="${site.relUrl(indexFile, start.page)}">${site.escapeHtml(start.title)}</a>.` : ''}</p>
${sections}
</body></html>
`;
}

async function main() {
  const args = site.commandOptions('build', __filename, process.argv.slice(2), { preset: 'value', jobs: 'value', out: 'value', notebooks: 'value', only: 'value', help: 'flag' }, USAGE);
  if (!args) return;
  const preset = args.preset;
  const jobs = Number(args.jobs ?? 2);
  if (!Number.isInteger(jobs) || jobs < 1) {
    console.error(`build: --jobs must be an integer >= 1 (got ${JSON.stringify(args.jobs)})`);
    process.exit(64);
  }
  const t0 = Date.now();
  const nbDir = path.resolve(site.ROOT, args.notebooks ?? 'notebooks');
  const outDir = path.resolve(site.ROOT, args.out ?? 'site');
  let notebooks = findNotebooks(nbDir);
  if (args.only) notebooks = notebooks.filter((f) => path.relative(nbDir, f).includes(args.only));
  // index.ipynb first, then the rest in path order.
  notebooks.sort((a, b) => (path.basename(a) === 'index.ipynb' && path.dirname(a) === nbDir ? -1 : path.basename(b) === 'index.ipynb' && path.dirname(b) === nbDir ? 1 : a.localeCompare(b)));
  if (notebooks.length === 0) {
    console.error(`build: no notebooks found under ${path.relative(process.cwd(), nbDir) || nbDir}`);
    process.exit(1);
  }
  // The output folder is replaced as a whole; refuse to delete a folder that is not a previous build.
  const MARK = '.dgmlab-site';
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length && !fs.existsSync(path.join(outDir, MARK))) {
    console.error(`build: ${outDir} exists and is not a previous course build (no ${MARK} file); choose another --out`);
    process.exit(1);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, MARK), 'Output of `npm run build` (scripts/build-site.js); the next build replaces this folder.\n');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-build-'));

  console.log(`build: executing ${notebooks.length} notebook(s) (preset ${preset}, ${jobs} at a time)…`);
  const results = await site.executeAll(notebooks, {
    preset,
    jobs,
    outDir: work,
    base: nbDir,
    onResult: (r) => console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${path.relative(nbDir, path.resolve(site.ROOT, r.notebook))} (${r.wallSeconds} s)`),
  });
  const tExec = Date.now();

  const assets = path.join(outDir, 'assets');
  const notes = site.copyAssets(assets);
  const indexFile = path.join(outDir, 'index.html');
  const pages = notebooks.map((file, i) => {
    const rel = path.relative(nbDir, file);
    const page = path.join(outDir, 'notebooks', rel.replace(/\.ipynb$/, '.html'));
    const copy = path.join(outDir, 'notebooks', rel);
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(file, copy);
    const executed = path.join(work, rel);
    const r = results[i];
    return { rel, file, page, copy, executed: fs.existsSync(executed) ? executed : file, title: site.notebookTitle(file), ok: r.ok, result: r };
  });
  const jobsList = pages.map((p, i) => ({
    input: p.executed,
    output: p.page,
    kind: 'html',
    title: p.title,
    assets: site.relUrl(p.page, assets),
    nav: navHtml(pages, i, p.page, indexFile),
    banner: p.ok ? '' : `<div class="dgmlab-banner">This notebook did not run cleanly in the build (preset ${preset}):\n${site.escapeHtml(formatFailures(p.result)).slice(0, 4000)}</div>`,
  }));
  console.log(`build: exporting ${pages.length} page(s) with nbconvert…`);
  const exported = await site.exportPages(jobsList);
  const report = {
    preset,
    builtAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    seconds: 0,
    executeSeconds: Math.round((tExec - t0) / 100) / 10,
    notebooks: pages.map((p) => ({
      notebook: p.rel,
      title: p.title,
      ok: p.ok,
      seconds: p.result.wallSeconds,
      executedBytes: fs.existsSync(path.join(work, p.rel)) ? fs.statSync(path.join(work, p.rel)).size : null,
      pageBytes: fs.existsSync(p.page) ? fs.statSync(p.page).size : null,
      failures: p.ok ? [] : p.result.failures.map((f) => ({ cell: f.cell, kind: f.kind, message: String(f.message).slice(0, 500) })),
    })),
    exportErrors: exported.errors,
    notes,
    siteBytes: 0,
  };
  fs.writeFileSync(indexFile, indexHtml(pages, outDir, report));
  report.seconds = Math.round((Date.now() - t0) / 100) / 10;
  report.siteBytes = site.dirSize(outDir);
  fs.writeFileSync(path.join(outDir, 'build-report.json'), JSON.stringify(report, null, 2) + '\n');
  fs.rmSync(work, { recursive: true, force: true });

  for (const e of exported.errors) console.error(`build: export failed for ${e.input}: ${e.message}`);
  for (const n of notes) console.log(`build: note: ${n}`);
  const failed = pages.filter((p) => !p.ok);
  for (const p of failed) console.error(`\n${formatFailures(p.result)}`);
  const largest = Math.max(...report.notebooks.map((n) => n.executedBytes || 0));
  console.log(
    `build: ${pages.length - failed.length}/${pages.length} notebooks ok; site ${site.formatBytes(report.siteBytes)} in ${path.relative(process.cwd(), outDir) || outDir}; ` +
      `largest executed notebook ${site.formatBytes(largest)}; ${report.seconds} s. Open ${path.relative(process.cwd(), indexFile)}`,
  );
  process.exit(failed.length || exported.errors.length ? 1 : 0);
}

main().catch((e) => {
  console.error(`build: FAILED — ${e.stack || e.message}`);
  process.exit(1);
});
