/**
 * Citations in the sources' own numbering (issue #25, point 3). Source 000 has top-level sections 1–4 (plus A1, A2),
 * numbered equations and line numbers; 002 numbered sections and equations; 003 (lecture notes) only line numbers;
 * 004 sections, equations, examples, figures and problems 68.x. Two kinds of labels exist only in the course's planning
 * inventories, so a reader cannot find them: lettered subsections ("§2.a", "Section 3.e") and the inventories' own ids
 * (oracles O-03 / O6 / D13 / T22, plans NB01, listing steps V9, "AUDIT-NOTES", "003 §4.3"). Checked in every notebook
 * (bar the exceptions in tests/exercises/polished.ts), in the titles and sources of their exercises, in every erratum
 * location and demonstration setting, and in the course map.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import '../../src/index';
import { listErrata } from '../../src/errata';
import { listExercises } from '../../src/exercises';
import { POLISHED_NOTEBOOKS } from '../exercises/polished';
import { ROOT } from './helpers';

// "§2.a", "§3.a–3.f", "Section 2.e", "Sections 1.c–1.h" (a digit, a dot, one lowercase letter that is not a unit).
const LETTERED = /(§|\bSections? )\d\.[a-o](?![a-z0-9])/g;

// The inventories' own labels, which no source contains: oracles "O-03" (000), "O6" (004), "D13"/"T22" (002), plan
// numbers "NB01"/"NB68-4", listing-step labels "V9", "oracle D1", and any mention of "the inventory" (a reader has none;
// a conditional-independence "oracle" of the PC algorithm is a real term and stays allowed).
const INVENTORY_LABEL = /(?<![\w.\-/\\])(?:O-\d+|NB(?:68-)?\d+|[DTOV]\d+[a-z]?)(?![\w])|\b[Oo]racles? (?:00\d )?[A-Z]-?\d|\b[Ii]nventor(?:y|ies)\b|\bAUDIT-NOTES\b|\bCONTENT-DONE\b|\b003 §\s?\d/g; // 003 (the DGM lecture notes) has no numbered sections: cite its lines

/** Prose a reader sees: a markdown cell without its math and inline code, or a code cell's strings and comments. */
function visibleText(cell: { cell_type: string; source: string[] | string }): string {
  const src = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
  const noMath = (s: string) => s.replace(/\$\$[\s\S]*?\$\$/g, ' ').replace(/\$[^$\n]*\$/g, ' ').replace(/`[^`\n]*`/g, ' ');
  if (cell.cell_type === 'markdown') return noMath(src);
  return [...src.matchAll(/'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`|\/\/[^\n]*/g)].map((m) => noMath(m[0].replace(/\$\{[^}]*\}/g, ' ').replace(/^`|`$/g, ''))).join('\n');
}

function inventoryLabels(text: string): string[] {
  return [...text.matchAll(INVENTORY_LABEL)].map((m) => text.slice(Math.max(0, m.index! - 25), m.index! + 25).replace(/\n/g, ' '));
}

function lettered(text: string): string[] {
  return [...text.matchAll(LETTERED)].map((m) => text.slice(Math.max(0, m.index! - 20), m.index! + 20).replace(/\n/g, ' '));
}

/** Hits of a rule in the cells of every polished notebook: "<notebook> cell <i>: …context…". */
function notebookHits(rule: (cell: { cell_type: string; source: string[] | string }) => string[]): string[] {
  return POLISHED_NOTEBOOKS.flatMap((nb) => {
    const cells = JSON.parse(fs.readFileSync(path.join(ROOT, nb), 'utf8')).cells as { cell_type: string; source: string[] | string }[];
    return cells.flatMap((c, i) => rule(c).map((s) => `${nb} cell ${i}: …${s}…`));
  });
}

/** Hits of a rule in every erratum location and in the title and source of the polished notebooks' exercises. */
function registryHits(rule: (text: string) => string[]): string[] {
  const polished = new Set(POLISHED_NOTEBOOKS.map((p) => p.replace(/^notebooks\//, '')));
  return [
    ...listErrata().flatMap((e) => rule(e.location).map((s) => `${e.id} location: ${s}`)),
    ...listExercises()
      .filter((x) => x.notebook && polished.has(x.notebook))
      .flatMap((x) => [...rule(x.source), ...rule(x.title)].map((s) => `${x.id}: ${s}`)),
  ];
}

describe('citations in the sources’ own numbering', () => {
  it('the rule catches inventory lettering and leaves real numbering alone', () => {
    assert.equal(lettered('see §2.a–2.d and Section 3.e').length, 2);
    assert.deepEqual(lettered('§2.4, Eq. (2.7); §4.4.1, L827; §2, L279–366; (68.102); A2, L1651'), []);
  });

  it('no notebook of the polish pass cites lettered subsections', () => {
    assert.deepEqual(notebookHits((c) => lettered(Array.isArray(c.source) ? c.source.join('') : c.source)), []);
  });

  it('no erratum location, and no exercise title or source of those notebooks, cites lettered subsections', () => {
    assert.deepEqual(registryHits(lettered), []);
  });

  it('the inventory-label rule catches oracle, plan and step labels and leaves source numbering and symbols alone', () => {
    assert.equal(inventoryLabels('oracle O-28 and D13; (004 O3); Step labels V9–V20; plan NB68-4; T22; the inventory; AUDIT-NOTES; 003 §4.3').length, 10); // "oracle O-28" is one match
    assert.deepEqual(inventoryLabels('(68.43), §4.4.1, L827, Fig. 2.5, X4, R1–R3 (Meek), 000-E19, Eq. (3.4.2), Problem 68.4, PC with the d-separation oracle'), []);
    assert.equal(visibleText({ cell_type: 'markdown', source: 'with $T_1$ and $D2$ and `T3` in code' }).match(/[DT]\d/g), null);
    assert.equal(inventoryLabels(visibleText({ cell_type: 'code', source: "const T3 = 1; plot({ title: 'D13: L_K' }); // O-29 machine" })).length, 2);
  });

  it('no notebook cites the inventories’ labels (oracles, plan numbers, listing-step labels)', () => {
    assert.deepEqual(notebookHits((c) => inventoryLabels(visibleText(c))), []);
  });

  it('no erratum location, and no exercise title or source of those notebooks, cites the inventories’ labels', () => {
    assert.deepEqual(registryHits(inventoryLabels), []);
  });

  it('no erratum demonstration labels its setting with the inventories’ labels (the "setting" row of the errata tables)', () => {
    const bad: string[] = [];
    for (const dir of fs.readdirSync(path.join(ROOT, 'src'))) {
      const d = path.join(ROOT, 'src', dir);
      if (!fs.statSync(d).isDirectory()) continue;
      for (const f of fs.readdirSync(d).filter((x) => /^errata.*\.ts$/.test(x))) {
        const s = fs.readFileSync(path.join(d, f), 'utf8');
        for (const m of s.matchAll(/\b(?:note|what|setting|label|title):\s*(['`])((?:\\.|(?!\1)[^\\])*)\1/g)) {
          bad.push(...inventoryLabels(m[2]).map((x) => `src/${dir}/${f}: …${x}…`));
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  it('the course map cites no lettered subsections', () => {
    const map = fs.readFileSync(path.join(ROOT, 'src', 'course', 'map.ts'), 'utf8');
    assert.deepEqual(lettered(map), []);
    // `plan` is the maintainers' pointer into the planning inventory (never rendered for a reader); everything else
    // the map says (`covers`, titles) must use the source's own numbering.
    assert.deepEqual(inventoryLabels(map.replace(/^\s*(?:\/\/|\*|\/\*\*).*$/gm, '').replace(/\bplan: "[^"]*"/g, '')), []);
  });
});
