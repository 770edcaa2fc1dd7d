/**
 * Decks cut into screens (issue #25, point 10; scripts/slide-cut.js): a slide per heading, long markdown split,
 * exercises shown as the student sees them with the solution only in a fragment, figures and long cells on their
 * own sub-slide. Tested on a hand-made notebook and on dgm-exercises/06 (the deck the issue measured: 6 slides for
 * about 30 cells).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cutForSlides, MAX_MD } = require(path.join(ROOT, 'scripts', 'slide-cut.js')) as {
  cutForSlides(nb: object): { cells: Cell[] };
  MAX_MD: number;
};
interface Cell { cell_type: string; source: string[] | string; metadata?: { slideshow?: { slide_type?: string }; tags?: string[] }; outputs?: unknown[] }
const src = (c: Cell) => (Array.isArray(c.source) ? c.source.join('') : c.source);
const type = (c: Cell) => c.metadata?.slideshow?.slide_type ?? '-';
const md = (s: string, t?: string): Cell => ({ cell_type: 'markdown', source: s, metadata: t ? { slideshow: { slide_type: t } } : {} });
const code = (s: string, tags: string[] = []): Cell => ({ cell_type: 'code', source: s, metadata: { tags }, outputs: [{ output_type: 'display_data', data: { 'text/plain': 'out' } }] });

describe('slides: cutting a deck into screens', () => {
  const nb = {
    cells: [
      md('# Title\n\nSource: x'),
      md('## Part 1\n\ntext'),
      md('### A step\n\nmore'),
      md(Array.from({ length: 6 }, (_, i) => `Paragraph ${i} ` + 'word '.repeat(50)).join('\n\n')),
      code('const x = 1;'),
      code('display.show(fig);', ['figure']),
      code('// BEGIN SOLUTION\nconst secretAnswer = 42;\n// END SOLUTION\nexercises.check("t.x", secretAnswer);'),
      code(Array.from({ length: 30 }, (_, i) => `const v${i} = ${i};`).join('\n')),
    ],
  };
  const cut = cutForSlides(nb).cells;

  it('a heading starts a slide (# and ##) or a sub-slide (###)', () => {
    assert.deepEqual(cut.slice(0, 3).map(type), ['slide', 'slide', 'subslide']);
  });

  it(`a long markdown cell is split at paragraphs into sub-slides of at most ${MAX_MD} characters`, () => {
    const parts = cut.filter((c) => c.cell_type === 'markdown' && /Paragraph/.test(src(c)));
    assert.ok(parts.length >= 2);
    for (const p of parts) assert.ok(src(p).length <= MAX_MD, `${src(p).length}`);
    assert.deepEqual(parts.slice(1).map(type), parts.slice(1).map(() => 'subslide'));
    assert.equal(parts.map(src).join('\n\n'), src(nb.cells[3]));
  });

  it('an exercise: the student view (no solution, no output) on its own screen, then the solution as a fragment', () => {
    const i = cut.findIndex((c) => (c.metadata?.tags ?? []).includes('dgmlab-student-view'));
    assert.ok(i > 0);
    const view = cut[i];
    const sol = cut[i + 1];
    // No statement right before it here (a code cell precedes): the view opens its own screen.
    assert.equal(type(view), 'subslide');
    assert.doesNotMatch(src(view), /= 42/);
    assert.match(src(view), /NOT_ANSWERED/);
    assert.deepEqual(view.outputs, []);
    assert.equal(type(sol), 'fragment');
    assert.match(src(sol), /secretAnswer = 42/);
    assert.equal(sol.outputs?.length, 1);
  });

  it('an exercise statement (markdown) opens the screen and the student view joins it', () => {
    const c = cutForSlides({ cells: [md('**Exercise 1.** Compute x.'), code('// BEGIN SOLUTION\nconst x = 1;\n// END SOLUTION\nexercises.check("t.x", x);')] }).cells;
    assert.deepEqual(c.map(type), ['subslide', '-', 'fragment']);
  });

  it('a figure cell and a long code cell get their own sub-slide; a short one stays', () => {
    assert.equal(type(cut.find((c) => src(c) === 'display.show(fig);')!), 'subslide');
    assert.equal(type(cut.find((c) => /const v29/.test(src(c)))!), 'subslide');
    assert.equal(type(cut.find((c) => src(c) === 'const x = 1;')!), '-');
  });

  it('dgm-exercises/06: at least one screen per heading and per exercise; no solution outside a fragment', () => {
    const file = path.join(ROOT, 'notebooks', 'dgm-exercises', '06-gan-dynamics.ipynb');
    const orig = JSON.parse(fs.readFileSync(file, 'utf8'));
    const c = cutForSlides(orig).cells;
    const screens = c.filter((x) => ['slide', 'subslide'].includes(type(x))).length;
    const headings = orig.cells.filter((x: Cell) => x.cell_type === 'markdown' && /^\s*#/.test(src(x))).length;
    const exercises = orig.cells.filter((x: Cell) => /BEGIN SOLUTION/.test(src(x))).length;
    assert.ok(screens >= headings + exercises, `${screens} screens for ${headings} headings and ${exercises} exercises`);
    assert.ok(screens >= 15, `${screens} screens for ${orig.cells.length} cells`);
    const leaked = c.filter((x) => /BEGIN SOLUTION/.test(src(x)) && type(x) !== 'fragment');
    assert.deepEqual(leaked.map(src), []);
  });
});
