/**
 * An exercise asks for something the student derives (issue #25, point 4; the brief: "the solution cell must not call
 * the library function that computes the exercise's reference"). Static check: for each `exercises.check('<id>', …)`
 * in a notebook, the functions called at the top level of the exercise's `reference` expression (read from
 * src/<topic>/exercises*.ts — e.g. `({ mu }) => gaussianGanOptimalValue(0, 1, mu, 1)` → gaussianGanOptimalValue)
 * must not be called in the cell's solution (between `// BEGIN SOLUTION` and `// END SOLUTION`). Building blocks
 * (a density, a flow, a training run the exercise asks the student to run) stay allowed. The rule is tested on
 * hand-written cases and applied to the notebooks of the course-polish pass.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { POLISHED_NOTEBOOKS } from './polished';

const ROOT = path.resolve(__dirname, '..', '..');

// Generic JavaScript and tiny helpers that a reference may end in without being "the answer".
const GENERIC = new Set(
  'map filter reduce slice from fill push concat join forEach every some sqrt exp log abs pow max min hypot floor ceil round sin cos tan tanh atan2 atan log1p expm1 log2 log10 toFixed toPrecision keys values entries Number Array Float64Array Float32Array assign includes indexOf find findIndex sort reverse dataSync arraySync array data dispose toString split replace get set has call apply bind isInteger isFinite trunc sign String Boolean Object parse stringify flat flatMap at then rng normal normals uniform'.split(' '),
);

/** The names of the functions called at the top level of a reference (the last `return` of a block body). */
export function topLevelCalls(reference: string): string[] {
  let body = reference.trim().replace(/,\s*$/, '');
  const arrow = body.indexOf('=>');
  if (arrow >= 0) body = body.slice(arrow + 2).trim();
  if (body.startsWith('{')) {
    const r = [...body.matchAll(/\breturn\b([\s\S]*?);?\s*\}?\s*$/g)].pop();
    body = r ? r[1] : body;
  }
  const out: string[] = [];
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '(' || ch === '[' || ch === '{') {
      if (ch === '(' && depth === 0) {
        const m = /([A-Za-z_$][\w$]*)\s*$/.exec(body.slice(0, i));
        if (m && !GENERIC.has(m[1])) out.push(m[1]);
      }
      depth++;
    } else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return [...new Set(out)];
}

/** The reference expression of every registered exercise, read from the topics' exercises*.ts. */
function referenceSources(): Map<string, string> {
  const refs = new Map<string, string>();
  for (const dir of fs.readdirSync(path.join(ROOT, 'src'))) {
    const d = path.join(ROOT, 'src', dir);
    if (!fs.statSync(d).isDirectory()) continue;
    for (const f of fs.readdirSync(d).filter((x) => /^exercises.*\.ts$/.test(x))) {
      const s = fs.readFileSync(path.join(d, f), 'utf8');
      for (const m of s.matchAll(/\bid: '([^']+)'/g)) {
        const end = s.indexOf('registerExercise(', m.index);
        const block = s.slice(m.index, end < 0 ? undefined : end);
        const r = /\breference:([\s\S]*?)\n\s*(?:compare|hints|notebook|points|forbid|params):/.exec(block);
        if (r) refs.set(m[1], r[1]);
      }
    }
  }
  return refs;
}

/** Solution cells that call their exercise's reference function: "<notebook> <id>: <names>". */
export function solutionsCallingReference(notebooks: string[], refs: Map<string, string>): string[] {
  const out: string[] = [];
  for (const nb of notebooks) {
    const cells = JSON.parse(fs.readFileSync(nb, 'utf8')).cells as { cell_type: string; source: string[] | string }[];
    for (const c of cells) {
      if (c.cell_type !== 'code') continue;
      const src = Array.isArray(c.source) ? c.source.join('') : c.source;
      const sol = /\/\/ BEGIN SOLUTION([\s\S]*?)\/\/ END SOLUTION/.exec(src);
      if (!sol) continue;
      for (const m of src.matchAll(/exercises\.check\('([^']+)'/g)) {
        const ref = refs.get(m[1]);
        if (!ref) continue;
        const forbidden = new Set(topLevelCalls(ref));
        const calls = [...new Set([...sol[1].matchAll(/(?:\.|\b)([A-Za-z_$][\w$]*)\s*\(/g)].map((x) => x[1]).filter((x) => forbidden.has(x)))];
        if (calls.length) out.push(`${path.relative(ROOT, nb)} ${m[1]}: calls ${calls.join(', ')}`);
      }
    }
  }
  return out;
}

describe('exercises: a solution derives its answer instead of calling the reference', () => {
  it('finds the top-level call of a reference', () => {
    assert.deepEqual(topLevelCalls(' ({ mu }) => gaussianGanOptimalValue(0, 1, mu, 1),'), ['gaussianGanOptimalValue']);
    assert.deepEqual(topLevelCalls(" ({ alpha: a }) => spectralAnalysis(dgUpdateMatrix(a, 'extragradient')).spectralRadius,"), ['spectralAnalysis']);
    assert.deepEqual(topLevelCalls(' () => toy().implicitMass(5),'), ['toy', 'implicitMass']);
    assert.deepEqual(topLevelCalls(' () => {\n  const e = f(1);\n  return sourceFormBound003(e.a, e.b);\n },'), ['sourceFormBound003']);
    assert.deepEqual(topLevelCalls(' () => Math.exp(normalLogPdf(1, 1, 2)),'), []);
  });

  it('flags a solution cell that calls the reference, and not one that derives it', () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'dgmlab-solref-'));
    const nb = path.join(dir, 'x.ipynb');
    const cell = (sol: string) => ({ cell_type: 'code', source: `// BEGIN SOLUTION\n${sol}\n// END SOLUTION\nexercises.check('t.cg', ans);` });
    fs.writeFileSync(nb, JSON.stringify({ cells: [cell('const ans = gan.gaussianGanOptimalValue(0, 1, 1, 1);'), cell('const ans = -Math.log(4) + 2 * jsd;')] }));
    const refs = new Map([['t.cg', ' ({ mu }) => gaussianGanOptimalValue(0, 1, mu, 1),']]);
    assert.deepEqual(solutionsCallingReference([nb], refs).map((s) => s.replace(/^.*x\.ipynb /, '')), ['t.cg: calls gaussianGanOptimalValue']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`no solution cell of the polished notebooks calls its exercise's reference function (${POLISHED_NOTEBOOKS.length} notebooks)`, () => {
    const refs = referenceSources();
    assert.ok(refs.size > 150, `${refs.size} reference expressions found`);
    const nbs = POLISHED_NOTEBOOKS.map((p) => path.join(ROOT, p)).filter((p) => fs.existsSync(p));
    assert.deepEqual(solutionsCallingReference(nbs, refs), []);
  });
});
