/**
 * Plotly figures in the tslab kernel, offline.
 *
 * How a figure reaches the page (decided for the frontends the course supports):
 *
 * - **The plotly.js bundle is embedded once per notebook**, never loaded from a CDN: the first `show()` of a kernel
 *   session (or an explicit `setupPlots()`, which notebooks call in their set-up cell) emits one `text/html` output
 *   `<script>…plotly.js…</script>` that defines `window.Plotly` on the page. The bundle is `plotly.js-dist-min` from
 *   node_modules (the minified build of plotly.js-dist; see `plotlyBundlePath`). Every figure after that is a
 *   small `<div>` plus a script that calls `Plotly.newPlot` — it waits up to 30 s for `window.Plotly`, so the order in
 *   which a frontend runs output scripts does not matter.
 * - **Each figure output is a MIME bundle** with three representations, and each frontend picks the richest it can
 *   render:
 *   - `application/vnd.plotly.v1+json` (`{data, layout, config, frames}`): JupyterLab with the plotly renderer
 *     extension and VS Code's Jupyter renderers draw it natively, with no script and no trust question.
 *   - `text/html` (div + `Plotly.newPlot`): Jupyter Notebook 6 (Debian's `jupyter-notebook`), Notebook 7 / JupyterLab
 *     without the plotly extension, and nbconvert's HTML/slides exporters (which do not know the plotly MIME type) use
 *     it. Scripts in HTML outputs run only in *trusted* notebooks: outputs produced live in the session are trusted;
 *     a notebook executed elsewhere (nbclient, CI) and opened later is not, until File → Trust Notebook. The div
 *     therefore carries a visible fallback text saying exactly that, which the script replaces by the plot — a
 *     figure is never silently blank.
 *   - `text/plain`: a one-line summary (trace kinds and counts) for terminals and `jupyter console`.
 *   This is the same pair plotly.py's default renderer (`plotly_mimetype+notebook`) emits: with only the JSON form,
 *   nbconvert exports (and VS Code without the renderer extension) show nothing; with only the HTML form, VS Code in
 *   an untrusted workspace shows nothing. In VS Code the output's "Change presentation" picks between them.
 * - Static course pages (`npm run build`) replace the embedded bundle by one shared `assets/plotly.js`
 *   (see scripts/build-site.js); the executed `.ipynb` files keep it inline, so they are self-contained.
 *
 * Known limit: JupyterLab 4's windowed rendering may skip the off-screen bundle output; there, install the plotly
 * renderer extension (the JSON representation needs no script) or set the notebook windowing mode to "defer".
 */
import * as fs from 'fs';
import { randomBytes } from 'crypto';
import { emitBundle, MimeBundle } from './emit';

/** MIME type of a plotly figure (rendered natively by JupyterLab's plotly extension and VS Code). */
export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

/** One plotly trace (the plotly.js schema: `type`, `x`, `y`, `z`, `mode`, `marker`, …). */
export type Trace = Record<string, unknown> & { type?: string };
/** Plotly layout (title, axes, annotations, shapes, sliders, …). */
export type Layout = Record<string, unknown>;
/** One animation frame. */
export interface Frame {
  name: string;
  data: Trace[];
  layout?: Layout;
  traces?: number[];
}
/** A complete plotly figure, plus the warnings a helper attached (shown above the plot and in the text form). */
export interface Figure {
  data: Trace[];
  layout: Layout;
  config?: Record<string, unknown>;
  frames?: Frame[];
  /** Problems the helper tolerated (for example non-finite values drawn as gaps); rendered visibly, never to stderr. */
  warnings?: string[];
}

/**
 * Where the bundle comes from: `plotly.js-dist-min`, the minified build of the same plotly.js-dist release (4.8 MB
 * instead of 10 MB). It is embedded once in every notebook, so the minified build halves each executed notebook and
 * the kernel's first figure; the full `plotly.js-dist` is not installed.
 */
export function plotlyBundlePath(): string {
  try {
    return require.resolve('plotly.js-dist-min/plotly.min.js');
  } catch {
    throw new Error('display: plotly.js is not installed (run npm install: the dependency plotly.js-dist-min provides it)');
  }
}

let bundleCache: string | undefined;
/** The plotly.js source text (read once). */
export function plotlyBundle(): string {
  if (bundleCache === undefined) bundleCache = fs.readFileSync(plotlyBundlePath(), 'utf8');
  return bundleCache;
}

/** Marker attribute on the bundle's script tag; the course build finds and replaces it by a shared file. */
export const BUNDLE_MARKER = 'data-dgmlab-plotly-bundle';

/** Text that must not appear raw inside an inline <script>: `</script`, `<!--` (HTML parsing states). */
function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** The HTML that defines `window.Plotly` (inline bundle). `PlotlyConfig.MathJaxConfig = 'local'` stops plotly from
 * reconfiguring the notebook's own MathJax. */
export function plotlyBundleHtml(): string {
  const v = plotlyVersion();
  return (
    `<script type="text/javascript" ${BUNDLE_MARKER}="${v}">window.PlotlyConfig = {MathJaxConfig: 'local'};</script>\n` +
    `<script type="text/javascript" ${BUNDLE_MARKER}="${v}">${scriptSafe(plotlyBundle())}</script>\n` +
    `<div class="dgmlab-plotly-loaded" style="font-size:11px;color:#888">plotly.js ${v} embedded (offline)</div>`
  );
}

/** Version of the bundled plotly.js. */
export function plotlyVersion(): string {
  const m = /plotly\.js v(\d+\.\d+\.\d+)/.exec(plotlyBundle().slice(0, 400));
  return m ? m[1] : 'unknown';
}

let bundleShown = false;

/**
 * Embed plotly.js in the notebook (one output of a few MB). `show()` does it on first use; notebooks call it in their
 * set-up cell so the bundle sits at the top and re-running that cell after "Clear all outputs" brings plots back.
 */
export function setupPlots(): void {
  emitBundle({ 'text/html': plotlyBundleHtml(), 'text/plain': `plotly.js ${plotlyVersion()} embedded (offline)` });
  bundleShown = true;
}

/** Embed plotly.js unless this kernel session already did. */
export function ensurePlots(): void {
  if (!bundleShown) setupPlots();
}

/** For tests: forget that the bundle was embedded. */
export function resetPlotsForTests(): void {
  bundleShown = false;
}

/**
 * Round a float to 8 significant digits for the page (display only: keeps outputs small while a zoom still
 * resolves differences of 1e-7 relative, beyond float32 training curves).
 */
function compactNumber(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(8));
}

/** JSON of a figure for the page: typed arrays become arrays, floats are rounded for display, warnings dropped. */
export function figureJson(fig: Figure): string {
  const out = { data: fig.data, layout: fig.layout, config: { ...defaultConfig, ...(fig.config ?? {}) }, frames: fig.frames };
  return JSON.stringify(out, (_k, v) => {
    if (typeof v === 'number') return Number.isFinite(v) ? compactNumber(v) : null;
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
    return v;
  });
}

const defaultConfig = { responsive: true, displaylogo: false };

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function titleOf(fig: Figure): string {
  const t = fig.layout?.title as unknown;
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object' && typeof (t as { text?: unknown }).text === 'string') return (t as { text: string }).text;
  return '';
}

/** One-line text form: title, trace kinds and point counts, warnings. */
export function figureText(fig: Figure): string {
  const kinds = fig.data.map((t) => {
    const n = ['x', 'y', 'z'].map((k) => (t as Record<string, unknown>)[k]).find((a) => a && typeof (a as ArrayLike<unknown>).length === 'number') as
      | ArrayLike<unknown>
      | undefined;
    return `${t.type ?? 'scatter'}${t.name ? ` "${t.name}"` : ''}${n ? ` (${n.length})` : ''}`;
  });
  const title = titleOf(fig);
  const frames = fig.frames?.length ? `, ${fig.frames.length} frames` : '';
  const warn = fig.warnings?.length ? `\nwarning: ${fig.warnings.join('\nwarning: ')}` : '';
  return `[plotly figure${title ? ` "${title}"` : ''}: ${kinds.join(', ')}${frames}]${warn}`;
}

/** The `<div>` + `Plotly.newPlot` HTML of a figure (needs `window.Plotly`, which `setupPlots()` provides). */
export function figureHtml(fig: Figure, id = `dgmlab-fig-${randomBytes(6).toString('hex')}`): string {
  const height = typeof fig.layout?.height === 'number' ? (fig.layout.height as number) : 450;
  const warnings = (fig.warnings ?? [])
    .map((w) => `<div class="dgmlab-warning" style="color:#9a5b00;background:#fff4e0;padding:2px 6px;font-size:13px">⚠ ${escapeHtml(w)}</div>`)
    .join('');
  const fallback =
    'Interactive figure (plotly). If this text stays, the page did not run the figure&#39;s script: in Jupyter Notebook ' +
    'choose File → Trust Notebook, or run the notebook again from the top (its first figure loads the offline plotting library).';
  // JSON inside a script: escape '<' so no string in the figure can close the tag.
  const json = figureJson(fig).replace(/</g, '\\u003c');
  return (
    `${warnings}<div id="${id}" class="dgmlab-figure" data-title="${escapeHtml(titleOf(fig))}" style="width:100%;min-height:${height}px">` +
    `<div class="dgmlab-figure-fallback" style="color:#666;font-size:13px;padding:8px;border:1px dashed #bbb">${fallback}</div></div>\n` +
    `<script type="text/javascript">(function () {\n` +
    `  var id = ${JSON.stringify(id)}, fig = ${json}, waited = 0;\n` +
    `  function draw() {\n` +
    `    var el = document.getElementById(id);\n` +
    `    if (!el || !window.Plotly) {\n` +
    `      if ((waited += 50) < 30000) return setTimeout(draw, 50);\n` +
    `      if (el) el.firstChild.textContent = 'plotly.js is not loaded on this page: run the set-up cell (display.setupPlots()) or the notebook from the top.';\n` +
    `      return;\n` +
    `    }\n` +
    `    el.innerHTML = '';\n` +
    `    window.Plotly.newPlot(el, fig);\n` +
    `  }\n` +
    `  draw();\n` +
    `})();</script>`
  );
}

/** The MIME bundle of a figure (plotly JSON + HTML + text). */
export function figureBundle(fig: Figure): MimeBundle {
  validateFigure(fig);
  const plain = JSON.parse(figureJson(fig)) as Record<string, unknown>;
  if (!plain.frames) delete plain.frames;
  return { [PLOTLY_MIME]: plain, 'text/html': figureHtml(fig), 'text/plain': figureText(fig) };
}

function validateFigure(fig: Figure): void {
  if (!fig || typeof fig !== 'object' || !Array.isArray(fig.data)) {
    throw new TypeError('show: figure must be an object with a data array of traces (got ' + (fig === null ? 'null' : typeof fig) + ')');
  }
  if (fig.data.length === 0 && !(fig.layout && Array.isArray(fig.layout.annotations) && fig.layout.annotations.length)) {
    throw new RangeError('show: figure.data must contain at least one trace (an empty figure would be a blank plot)');
  }
}

/** A library object that knows how to draw itself (e.g. a trained model's loss history, a chain's trace). */
export interface Plottable {
  toFigure(): Figure;
}

/**
 * Show a plotly figure — or a library object with a `toFigure()` method — in the notebook (embedding plotly.js first
 * if this kernel session has not yet).
 */
export function show(fig: Figure | Plottable): void {
  if (fig && typeof (fig as Plottable).toFigure === 'function') fig = (fig as Plottable).toFigure();
  const bundle = figureBundle(fig as Figure);
  ensurePlots();
  emitBundle(bundle);
}
