'use strict';
/**
 * Cut an (executed) notebook into screens for a reveal.js deck (scripts/slides.js; issue #25, point 10):
 *   - every heading starts a slide (`#`, `##`) or a sub-slide (`###` and deeper);
 *   - a long markdown cell is split at blank lines into sub-slides of at most MAX_MD characters;
 *   - an exercise cell (`// BEGIN SOLUTION … // END SOLUTION`) becomes two: the student's view (the solution replaced by
 *     the student version's placeholder, no output) on a new sub-slide with the exercise's statement (the markdown cell
 *     before it), then the full cell with its output as a fragment, revealed on a key press;
 *   - a figure cell, or a code cell longer than MAX_CODE_LINES, gets its own sub-slide.
 * The notebook file is not changed: `cutForSlides(nb)` returns a new notebook object.
 */
const path = require('path');

const MAX_MD = 900;
const MAX_CODE_LINES = 16;
const SOLUTION_RE = /^\s*\/\/\s*BEGIN SOLUTION\b/m;

function text(cell) {
  return Array.isArray(cell.source) ? cell.source.join('') : String(cell.source || '');
}
function lines(s) {
  const l = s.split(/(?<=\n)/);
  return l.length && l[l.length - 1] === '' ? l.slice(0, -1) : l;
}
function slideType(cell) {
  return (cell.metadata && cell.metadata.slideshow && cell.metadata.slideshow.slide_type) || '-';
}
function withType(cell, type) {
  const metadata = { ...(cell.metadata || {}), slideshow: { ...((cell.metadata || {}).slideshow || {}), slide_type: type } };
  return { ...cell, metadata };
}
/** Keep an explicit slide/subslide/skip/notes; otherwise set `type`. */
function atLeast(cell, type) {
  const t = slideType(cell);
  return t === 'slide' || t === 'skip' || t === 'notes' || (t === 'subslide' && type !== 'slide') ? cell : withType(cell, type);
}

let studentLib;
function stripSolutions(src) {
  if (!studentLib) {
    // eslint-disable-next-line global-require
    studentLib = require(path.join(__dirname, '..', 'dist', 'exercises', 'student.js'));
  }
  return studentLib.stripCodeSolutions(src, 'exercises.NOT_ANSWERED', 'slide').text;
}

/** Split a markdown text at blank lines into chunks of at most `max` characters (a paragraph is never cut). */
function splitMarkdown(s, max = MAX_MD) {
  const paras = s.split(/\n{2,}/);
  const out = [];
  let cur = '';
  for (const p of paras) {
    // A display equation or a list stays with the paragraph before it.
    if (cur && cur.length + p.length + 2 > max && !/^\s*(\$\$|[-*] |\d+\. )/.test(p)) {
      out.push(cur);
      cur = p;
    } else cur = cur ? `${cur}\n\n${p}` : p;
  }
  if (cur) out.push(cur);
  return out;
}

function cutForSlides(nb) {
  const cells = [];
  let n = 0;
  const id = (base) => `${base || 'cell'}-s${(n += 1)}`;
  for (const cell of nb.cells) {
    const src = text(cell);
    if (cell.cell_type === 'markdown') {
      const heading = /^\s*(#{1,6})\s/.exec(src);
      let c = cell;
      if (heading) c = atLeast(cell, heading[1].length <= 2 ? 'slide' : 'subslide');
      const parts = src.length > MAX_MD ? splitMarkdown(src) : [src];
      cells.push({ ...c, source: lines(parts[0]) });
      for (const p of parts.slice(1)) cells.push({ cell_type: 'markdown', id: id(cell.id), metadata: { slideshow: { slide_type: 'subslide' } }, source: lines(p) });
      continue;
    }
    if (cell.cell_type !== 'code') {
      cells.push(cell);
      continue;
    }
    const tags = (cell.metadata && cell.metadata.tags) || [];
    if (SOLUTION_RE.test(src)) {
      // The exercise's statement (the markdown cell just before) opens the screen; the student's view joins it.
      const prev = cells[cells.length - 1];
      let viewType = 'subslide';
      if (prev && prev.cell_type === 'markdown') {
        cells[cells.length - 1] = atLeast(prev, 'subslide');
        viewType = '-';
      }
      const student = { cell_type: 'code', id: id(cell.id), metadata: { slideshow: { slide_type: viewType }, tags: ['dgmlab-student-view'] }, execution_count: null, outputs: [], source: lines(stripSolutions(src)) };
      cells.push(student);
      cells.push(withType({ ...cell, metadata: { ...(cell.metadata || {}), tags: [...tags, 'dgmlab-solution'] } }, 'fragment'));
      continue;
    }
    const long = lines(src).length > MAX_CODE_LINES;
    cells.push(tags.includes('figure') || long ? atLeast(cell, 'subslide') : cell);
  }
  return { ...nb, cells };
}

module.exports = { cutForSlides, splitMarkdown, MAX_MD, MAX_CODE_LINES };
