/**
 * By-hand exercises (issue #25, point 9; CONTRIBUTING/brief: "state the precision asked for"): every exercise whose
 * notebook text says "by hand" and whose answer is a single non-integer number states how many significant figures
 * to give (a short exact decimal such as 0.25 needs none), and its comparator accepts the reference rounded to that many figures (a rounded by-hand answer passes)
 * while telling a coarser right answer how many figures it has right. Exercises are found in the notebooks (the
 * markdown cell before the `exercises.check` call), references computed by the library.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import '../../src/index';
import { getExercise, hasExercise, referenceAnswer } from '../../src/exercises';
import { significantDigits, vectorSigFigs } from '../../src/exercises/compare';
import { POLISHED_NOTEBOOKS } from './polished';

const ROOT = path.resolve(__dirname, '..', '..');

function notebooks(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? notebooks(path.join(dir, e.name)) : e.name.endsWith('.ipynb') ? [path.join(dir, e.name)] : []));
}

interface ByHand { notebook: string; id: string; text: string }

/** Exercises whose statement (the markdown cell before the check) says "by hand". */
function byHandExercises(): ByHand[] {
  const out: ByHand[] = [];
  for (const nb of notebooks(path.join(ROOT, 'notebooks')).filter((f) => POLISHED_NOTEBOOKS.includes(path.relative(ROOT, f)))) {
    const cells = JSON.parse(fs.readFileSync(nb, 'utf8')).cells as { cell_type: string; source: string[] | string }[];
    const text = (c: { source: string[] | string }) => (Array.isArray(c.source) ? c.source.join('') : c.source);
    cells.forEach((c, i) => {
      if (c.cell_type !== 'code') return;
      for (const m of text(c).matchAll(/exercises\.check\('([^']+)'/g)) {
        let j = i - 1;
        while (j >= 0 && cells[j].cell_type !== 'markdown') j--;
        const md = j >= 0 ? text(cells[j]) : '';
        if (/by hand/i.test(md) && !out.some((o) => o.id === m[1])) out.push({ notebook: path.relative(ROOT, nb), id: m[1], text: md });
      }
    });
  }
  return out;
}

describe('compare.vectorSigFigs: a vector worked out by hand, each entry to n significant figures', () => {
  // Expected verdicts from the definition (±1 unit in the n-th figure of each entry), worked out by hand.
  const c = vectorSigFigs(4);
  const ref = [0.35714285714, 0.83333333333];
  it('accepts each entry rounded or truncated to 4 figures, and refuses a wrong entry', () => {
    assert.equal(c.compare([0.3571, 0.8333], ref).passed, true);
    assert.equal(c.compare([0.3572, 0.8334], ref).passed, true);
    const v = c.compare([0.3571, 0.8353], ref);
    assert.equal(v.passed, false);
    assert.match(v.feedback, /^Not correct to 4 significant figures: 1 of 2 entries differ \(entry 1\)/);
  });
  it('tells a right but coarse answer how many figures it has right — never "not correct"', () => {
    assert.match(c.compare([0.36, 0.83], ref).feedback, /^Right to 2 significant figures; give 4/);
  });
  it('rejects a bad n and a malformed answer, naming the function and the value', () => {
    assert.throws(() => vectorSigFigs(0), (e: Error) => e instanceof RangeError && /compare\.vectorSigFigs: n .*got 0/.test(e.message));
    assert.throws(() => vectorSigFigs(2.5), (e: Error) => e instanceof RangeError && /vectorSigFigs.*2\.5/.test(e.message));
    assert.equal(c.compare([0.3571], ref).passed, false);
    assert.equal(c.compare('0.3571, 0.8333', ref).passed, false);
  });
});

describe('exercises: answers computed by hand have a stated precision', () => {
  const all = byHandExercises().filter((e) => hasExercise(e.id));
  const numeric = all.filter((e) => {
    const ex = getExercise(e.id);
    if (ex.compare.kind !== 'number') return false;
    const ref = referenceAnswer(e.id) as number;
    // A short exact decimal (0.25, 1.25, 0.81) is written exactly by hand: no rounding to state.
    return typeof ref === 'number' && !Number.isInteger(Number(ref.toPrecision(12))) && significantDigits(Number(ref.toPrecision(12))) > 4;
  });

  it(`finds the by-hand exercises of the notebooks (${all.length}, of which ${numeric.length} ask for one non-integer number)`, () => {
    assert.ok(all.length >= 30, `${all.length}`);
    assert.ok(numeric.length >= 20, `${numeric.length}`);
  });

  it('each states its precision, and accepts the reference rounded to it', () => {
    const problems: string[] = [];
    for (const e of numeric) {
      const ex = getExercise(e.id);
      const ref = referenceAnswer(e.id) as number;
      const m = /(\d+) significant figures/.exec(e.text) ?? /(\d+) significant figures/.exec(ex.title);
      if (!m) {
        problems.push(`${e.notebook} ${e.id}: the statement does not say to how many significant figures`);
        continue;
      }
      const n = Number(m[1]);
      const rounded = Number(ref.toPrecision(n));
      const v = ex.compare.compare(rounded, ref);
      if (!v.passed) problems.push(`${e.notebook} ${e.id}: ${rounded} (the reference ${ref} to ${n} figures) is refused: ${v.feedback}`);
      const coarse = Number(ref.toPrecision(2));
      const c = ex.compare.compare(coarse, ref);
      if (Math.abs(coarse - ref) > 0 && !/^Right to \d significant figure/.test(c.feedback)) problems.push(`${e.notebook} ${e.id}: the coarse ${coarse} gets "${c.feedback}"`);
    }
    assert.deepEqual(problems, []);
  });

  it('vector answers computed by hand: each states its precision, and accepts the reference rounded entry by entry', () => {
    const vectors = all.filter((e) => {
      const ex = getExercise(e.id);
      const ref = referenceAnswer(e.id) as ArrayLike<number>;
      return ex.compare.kind === 'vector' && Array.from(ref).some((x) => significantDigits(Number(x.toPrecision(12))) > 4);
    });
    const problems: string[] = [];
    for (const e of vectors) {
      const ex = getExercise(e.id);
      const ref = Array.from(referenceAnswer(e.id) as ArrayLike<number>);
      const m = /(\d+) significant figures/.exec(e.text) ?? /(\d+) significant figures/.exec(ex.title);
      if (!m) {
        problems.push(`${e.notebook} ${e.id}: the statement does not say to how many significant figures`);
        continue;
      }
      const n = Number(m[1]);
      const v = ex.compare.compare(ref.map((x) => Number(x.toPrecision(n))), ref);
      if (!v.passed) problems.push(`${e.notebook} ${e.id}: the reference rounded to ${n} figures is refused: ${v.feedback}`);
      const coarse = ref.map((x) => Number(x.toPrecision(2)));
      const c = ex.compare.compare(coarse, ref);
      if (coarse.some((x, i) => x !== ref[i]) && !/^Right to \d significant figure/.test(c.feedback)) problems.push(`${e.notebook} ${e.id}: the coarse [${coarse}] gets "${c.feedback}"`);
    }
    assert.deepEqual(problems, []);
  });
});
