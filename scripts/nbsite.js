'use strict';
/**
 * Shared by the course build (scripts/build-site.js), the slides (scripts/slides.js) and the browser tests:
 * executing notebooks, copying the offline assets (plotly.js, MathJax, reveal.js) and exporting pages with nbconvert.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { runNotebooks } = require('../kernel-setup/run-notebooks');
const { jupyterPython, jupyterEnv, ROOT } = require('../kernel-setup/python');

const EXPORTER = path.join(__dirname, 'nbconvert-pages.py');
const TEMPLATES = path.join(__dirname, 'templates');
const SLIDE_TEMPLATES = path.join(ROOT, 'slides', 'template');

/** The plotly.js bundle the kernel embeds (plotly.js-dist-min, as src/display/plotly.ts). */
function plotlyBundlePath() {
  return require.resolve('plotly.js-dist-min/plotly.min.js', { paths: [ROOT] });
}

/** Folder of an installed npm package (works for packages whose "exports" hide package.json, like reveal.js). */
function packageDir(name) {
  let dir = path.dirname(require.resolve(name, { paths: [ROOT] }));
  while (!fs.existsSync(path.join(dir, 'package.json')) || JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== name) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the folder of the npm package ${name}`);
    dir = up;
  }
  return dir;
}

/** MathJax 2 (Debian's libjs-mathjax, installed with jupyter-notebook; or the npm package `mathjax@2`). */
function mathjaxDir() {
  const candidates = ['/usr/share/javascript/mathjax', '/usr/share/nodejs/mathjax'];
  try {
    candidates.push(path.dirname(require.resolve('mathjax/MathJax.js', { paths: [ROOT] })));
  } catch {
    /* not installed */
  }
  return candidates.find((d) => fs.existsSync(path.join(d, 'MathJax.js')));
}

/** The parts of MathJax 2 that the TeX-AMS_CHTML-full configuration loads (≈2 MB instead of 50 MB). */
const MATHJAX_PARTS = [
  'MathJax.js',
  'config/TeX-AMS_CHTML-full.js',
  'config/Safe.js',
  'extensions',
  'jax/input/TeX',
  'jax/output/CommonHTML',
  'jax/element',
  'fonts/HTML-CSS/TeX/woff',
];

function copy(src, dest) {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.cpSync(src, dest, { recursive: true, dereference: true });
}

/**
 * Copy the offline assets into `dir`: plotly.js, MathJax (subset) and, with `reveal`, reveal.js (dist/ of the npm
 * package: reveal.js, reveal.css, theme/, plugin/). Returns notes (e.g. MathJax missing) for the build report.
 */
function copyAssets(dir, { reveal = false } = {}) {
  const notes = [];
  fs.mkdirSync(dir, { recursive: true });
  copy(plotlyBundlePath(), path.join(dir, 'plotly.js'));
  const mj = mathjaxDir();
  if (mj) {
    for (const part of MATHJAX_PARTS) {
      const src = path.join(mj, part);
      if (fs.existsSync(src)) copy(src, path.join(dir, 'mathjax', part));
    }
  } else {
    notes.push('MathJax was not found (apt-get install libjs-mathjax): formulas are shown as TeX source');
  }
  if (reveal) {
    const pkg = packageDir('reveal.js');
    // The UMD builds the template loads, the CSS and every theme; not the ES modules or type declarations.
    for (const f of ['reveal.js', 'reveal.css', 'reset.css', 'theme']) copy(path.join(pkg, 'dist', f), path.join(dir, 'reveal.js', 'dist', f));
    for (const f of fs.readdirSync(path.join(pkg, 'dist', 'plugin')).filter((n) => n.endsWith('.js'))) {
      copy(path.join(pkg, 'dist', 'plugin', f), path.join(dir, 'reveal.js', 'dist', 'plugin', f));
    }
    copy(path.join(pkg, 'LICENSE'), path.join(dir, 'reveal.js', 'LICENSE'));
  }
  return notes;
}

/** Title of a notebook: its first markdown heading, else the file name. */
function notebookTitle(file) {
  try {
    const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const cell of nb.cells || []) {
      if (cell.cell_type !== 'markdown') continue;
      const src = Array.isArray(cell.source) ? cell.source.join('') : cell.source || '';
      const m = /^#{1,3}\s+(.+)$/m.exec(src);
      if (m) return m[1].replace(/[*_`]/g, '').trim();
    }
  } catch {
    /* fall through */
  }
  return path.basename(file, '.ipynb');
}

/** Does any cell of the notebook carry slideshow metadata? */
function hasSlideMetadata(file) {
  try {
    const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
    return (nb.cells || []).some((c) => c.metadata && c.metadata.slideshow && c.metadata.slideshow.slide_type);
  } catch {
    return false;
  }
}

/** Execute notebooks (real kernel) into `outDir`, keeping their paths relative to `base`. */
function executeAll(notebooks, { preset = 'fast', jobs = 2, outDir, base, onResult } = {}) {
  return runNotebooks(notebooks, { preset, jobs, outDir, base, totalTimeout: preset === 'full' ? 7200 : 900 }, onResult);
}

/** Export pages with nbconvert (see nbconvert-pages.py for the job format). Resolves to its JSON report. */
function exportPages(jobs) {
  return new Promise((resolve, reject) => {
    const child = spawn(jupyterPython(), [EXPORTER], { cwd: ROOT, env: jupyterEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()));
      } catch {
        reject(new Error(`nbconvert-pages.py exited with ${code}: ${err.trim().slice(-3000)}`));
      }
    });
    child.stdin.end(JSON.stringify({ jobs, templates: jobs.some((j) => j.kind === 'slides') ? [TEMPLATES, SLIDE_TEMPLATES] : [TEMPLATES] }));
  });
}

/** Total size in bytes of the files under `dir`. */
function dirSize(dir) {
  let total = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else total += fs.statSync(p).size;
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return total;
}

function formatBytes(n) {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(0)} kB`;
  return `${n} B`;
}

/** Relative URL from the folder of `fromFile` to `to`, with forward slashes. */
function relUrl(fromFile, to) {
  const r = path.relative(path.dirname(fromFile), to).split(path.sep).join('/');
  return r === '' ? '.' : r;
}

function escapeHtml(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Parse `--name value` / `--flag` options; positional arguments in `_`. */
function parseArgs(argv, known) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out._.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2);
    if (!(name in known)) throw new Error(`unknown option --${name} (known: ${Object.keys(known).map((k) => '--' + k).join(' ')})`);
    if (known[name] === 'flag') out[name] = true;
    else {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`option --${name} needs a value`);
      out[name] = v;
    }
  }
  return out;
}

/**
 * The shared preamble of the course commands (build, slides): parse the options (exit 64 with the usage line on a bad
 * one), print the script's doc comment for --help (then return null), and check --preset (default fast).
 */
function commandOptions(name, file, argv, known, usage) {
  let args;
  try {
    args = parseArgs(argv, known);
  } catch (e) {
    console.error(`${name}: ${e.message}\n${usage}`);
    process.exit(64);
  }
  if (args.help) {
    console.log(fs.readFileSync(file, 'utf8').split(' */')[0].split('\n').slice(3).join('\n').replace(/^ \*\/?/gm, ''));
    return null;
  }
  args.preset = args.preset ?? 'fast';
  if (args.preset !== 'fast' && args.preset !== 'full') {
    console.error(`${name}: --preset must be fast or full (got ${JSON.stringify(args.preset)})\n${usage}`);
    process.exit(64);
  }
  return args;
}

module.exports = {
  commandOptions,
  ROOT,
  TEMPLATES,
  SLIDE_TEMPLATES,
  plotlyBundlePath,
  packageDir,
  mathjaxDir,
  copyAssets,
  notebookTitle,
  hasSlideMetadata,
  executeAll,
  exportPages,
  dirSize,
  formatBytes,
  relUrl,
  escapeHtml,
  parseArgs,
};
