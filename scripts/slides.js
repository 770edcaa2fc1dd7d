#!/usr/bin/env node
'use strict';
/**
 * `npm run slides [-- <notebook.ipynb> …] [--preset fast|full] [--out DIR] [--no-execute] [--theme NAME] [--jobs N]`
 *
 * reveal.js decks from notebooks with nbconvert's slides exporter (template slides/template/dgmlab-reveal) and
 * reveal.js from npm, offline: everything a deck needs is in DIR/assets (reveal.js, plotly.js, MathJax).
 * Without notebook arguments: every notebook under notebooks/ whose cells carry slide metadata.
 * Notebooks are executed first (preset `fast` by default) so figures appear on the slides; --no-execute converts
 * the notebooks as they are (faster; no outputs).
 *
 *   slides/out/<path>.slides.html     one deck per notebook (open it in a browser; press S for speaker notes)
 *   slides/out/assets/                reveal.js, plotly.js, MathJax
 *
 * Slide types come from each cell's metadata `slideshow.slide_type`: slide | subslide | fragment | skip | notes | -
 * (set them in Jupyter Notebook with View → Cell Toolbar → Slideshow). Tags `hide-input` (show only the output) and
 * `remove-cell` (leave the cell out) work on slides and on course pages alike.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { findNotebooks, formatFailures } = require('../kernel-setup/run-notebooks');
const site = require('./nbsite');

const USAGE = 'usage: npm run slides [-- <notebook.ipynb> …] [--preset fast|full] [--out DIR] [--no-execute] [--theme NAME]';

async function main() {
  const args = site.commandOptions('slides', __filename, process.argv.slice(2), { preset: 'value', out: 'value', 'no-execute': 'flag', theme: 'value', jobs: 'value', help: 'flag' }, USAGE);
  if (!args) return;
  const preset = args.preset;
  const theme = args.theme ?? 'white';
  const revealDir = site.packageDir('reveal.js');
  if (!fs.existsSync(path.join(revealDir, 'dist', 'theme', `${theme}.css`))) {
    const themes = fs.readdirSync(path.join(revealDir, 'dist', 'theme')).filter((f) => f.endsWith('.css')).map((f) => f.slice(0, -4));
    console.error(`slides: unknown --theme ${JSON.stringify(theme)} (reveal.js has: ${themes.join(', ')})`);
    process.exit(64);
  }
  const nbRoot = path.join(site.ROOT, 'notebooks');
  let notebooks;
  if (args._.length) {
    notebooks = args._.map((f) => path.resolve(process.cwd(), f));
    const missing = notebooks.filter((f) => !fs.existsSync(f) || !f.endsWith('.ipynb'));
    if (missing.length) {
      console.error(`slides: not a notebook file: ${missing.join(', ')}`);
      process.exit(64);
    }
  } else {
    notebooks = findNotebooks(nbRoot).filter(site.hasSlideMetadata);
    if (notebooks.length === 0) {
      console.error('slides: no notebook under notebooks/ has slide metadata yet; name a notebook: npm run slides -- notebooks/index.ipynb');
      process.exit(1);
    }
  }
  const outDir = path.resolve(site.ROOT, args.out ?? path.join('slides', 'out'));
  const t0 = Date.now();
  // Decks are named by their path under notebooks/ (or by file name for notebooks elsewhere).
  const relName = (f) => (f.startsWith(nbRoot + path.sep) ? path.relative(nbRoot, f) : path.basename(f));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-slides-'));
  let inputs = notebooks;
  let results = notebooks.map(() => ({ ok: true }));
  if (!args['no-execute']) {
    const jobs = Number(args.jobs ?? 2);
    if (!Number.isInteger(jobs) || jobs < 1) {
      console.error(`slides: --jobs must be an integer >= 1 (got ${JSON.stringify(args.jobs)})`);
      process.exit(64);
    }
    console.log(`slides: executing ${notebooks.length} notebook(s) (preset ${preset}, ${jobs} at a time)…`);
    const { runNotebook } = require('../kernel-setup/run-notebooks');
    results = new Array(notebooks.length);
    inputs = notebooks.map((f) => path.join(work, relName(f)));
    let next = 0;
    const worker = async () => {
      while (next < notebooks.length) {
        const i = next++;
        const r = await runNotebook(notebooks[i], { preset, out: inputs[i], totalTimeout: preset === 'full' ? 7200 : 900 });
        console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${relName(notebooks[i])} (${r.wallSeconds} s)`);
        results[i] = r;
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, notebooks.length) }, worker));
    inputs = inputs.map((out, i) => (fs.existsSync(out) ? out : notebooks[i]));
  }
  // Cut each deck into screens: a slide per heading, exercises as the student sees them with the solution as a
  // fragment, figures and long cells on their own sub-slide (scripts/slide-cut.js).
  const { cutForSlides } = require('./slide-cut');
  inputs = inputs.map((f, i) => {
    const cut = path.join(work, 'cut', relName(notebooks[i]));
    fs.mkdirSync(path.dirname(cut), { recursive: true });
    fs.writeFileSync(cut, JSON.stringify(cutForSlides(JSON.parse(fs.readFileSync(f, 'utf8'))), null, 1));
    return cut;
  });
  const assets = path.join(outDir, 'assets');
  fs.rmSync(assets, { recursive: true, force: true });
  const notes = site.copyAssets(assets, { reveal: true });
  const jobs = notebooks.map((f, i) => {
    const output = path.join(outDir, relName(f).replace(/\.ipynb$/, '.slides.html'));
    return { input: inputs[i], output, kind: 'slides', theme, title: site.notebookTitle(f), assets: site.relUrl(output, assets) };
  });
  const report = await site.exportPages(jobs);
  fs.rmSync(work, { recursive: true, force: true });
  for (const n of notes) console.log(`slides: note: ${n}`);
  for (const e of report.errors) console.error(`slides: export failed for ${e.input}: ${e.message}`);
  results.forEach((r) => {
    if (!r.ok) console.error(`\n${formatFailures(r)}`);
  });
  for (const p of report.pages) console.log(`slides: wrote ${path.relative(process.cwd(), p.output)} (${site.formatBytes(p.bytes)})`);
  console.log(`slides: ${report.pages.length} deck(s) in ${((Date.now() - t0) / 1000).toFixed(1)} s; assets ${site.formatBytes(site.dirSize(assets))}`);
  process.exit(report.errors.length || results.some((r) => !r.ok) ? 1 : 0);
}

main().catch((e) => {
  console.error(`slides: FAILED — ${e.stack || e.message}`);
  process.exit(1);
});
