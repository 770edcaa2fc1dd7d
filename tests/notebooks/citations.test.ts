/**
 * Citations in the sources' own numbering (issue #25, point 3). Source 000 has top-level sections 1–4 (plus A1, A2),
 * numbered equations and line numbers; the lettered subsections "§2.a", "Section 3.e" exist only in the course's
 * planning inventories, so a reader cannot find them. Checked in the notebooks of the course-polish pass, in the
 * `source` of their exercises, in every erratum `location`, and in the course map.
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

function lettered(text: string): string[] {
  return [...text.matchAll(LETTERED)].map((m) => text.slice(Math.max(0, m.index! - 20), m.index! + 20).replace(/\n/g, ' '));
}

describe('citations in the sources’ own numbering', () => {
  it('the rule catches inventory lettering and leaves real numbering alone', () => {
    assert.equal(lettered('see §2.a–2.d and Section 3.e').length, 2);
    assert.deepEqual(lettered('§2.4, Eq. (2.7); §4.4.1, L827; §2, L279–366; (68.102); A2, L1651'), []);
  });

  it('no notebook of the polish pass cites lettered subsections', () => {
    const bad = POLISHED_NOTEBOOKS.flatMap((nb) => {
      const cells = JSON.parse(fs.readFileSync(path.join(ROOT, nb), 'utf8')).cells as { source: string[] | string }[];
      return cells.flatMap((c, i) => lettered(Array.isArray(c.source) ? c.source.join('') : c.source).map((s) => `${nb} cell ${i}: …${s}…`));
    });
    assert.deepEqual(bad, []);
  });

  it('no erratum location, and no exercise source of those notebooks, cites lettered subsections', () => {
    const polished = new Set(POLISHED_NOTEBOOKS.map((p) => p.replace(/^notebooks\//, '')));
    const bad = [
      ...listErrata().flatMap((e) => lettered(e.location).map((s) => `${e.id} location: ${s}`)),
      ...listExercises()
        .filter((x) => x.notebook && polished.has(x.notebook))
        .flatMap((x) => lettered(x.source).map((s) => `${x.id} source: ${s}`)),
    ];
    assert.deepEqual(bad, []);
  });

  it('the course map cites no lettered subsections', () => {
    assert.deepEqual(lettered(fs.readFileSync(path.join(ROOT, 'src', 'course', 'map.ts'), 'utf8')), []);
  });
});
