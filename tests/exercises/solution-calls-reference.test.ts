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

/** The statements `const|let name = expr` of a block body, and its last `return` expression. */
function blockParts(body: string): { ret: string; defs: Map<string, string> } {
  const defs = new Map<string, string>();
  for (const m of body.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([\s\S]*?);/g)) defs.set(m[1], m[2]);
  // Destructuring `const { a, b } = expr;`: each name stands for expr.
  for (const m of body.matchAll(/\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*([\s\S]*?);/g)) for (const n of m[1].split(',')) defs.set(n.split(':').pop()!.trim(), m[2]);
  const r = [...body.matchAll(/\breturn\b([\s\S]*?);?\s*\}?\s*$/g)].pop();
  return { ret: r ? r[1] : body, defs };
}

/** The non-generic calls of an expression, descending only through generic calls (`filter(m => f(g(m)))` → f). */
function answerCallsOf(expr: string): { calls: string[]; idents: string[] } {
  const out: string[] = [];
  let scanned = '';
  const mode: boolean[] = []; // true: inside the arguments of a non-generic call (not scanned)
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    const skipping = mode.length > 0 && mode[mode.length - 1];
    scanned += skipping ? ' ' : ch;
    if (ch === '(' || ch === '[' || ch === '{') {
      let skip = skipping;
      if (ch === '(' && !skipping) {
        const m = /([A-Za-z_$][\w$]*)\s*$/.exec(expr.slice(0, i));
        if (m && !GENERIC.has(m[1]) && !/^(?:if|for|while|switch|return|typeof|function)$/.test(m[1])) {
          out.push(m[1]);
          skip = true;
        }
      }
      mode.push(skip);
    } else if (ch === ')' || ch === ']' || ch === '}') mode.pop();
  }
  // Identifiers outside the arguments of the calls found (not after a dot): variables a block body may return.
  const idents = [...scanned.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);
  return { calls: out, idents };
}

/**
 * The functions that compute a reference's answer: the outermost calls that are not generic JavaScript, looked for
 * through generic calls (`methods.filter((m) => spectralAnalysis(dgUpdateMatrix(a, m)).converges)` → spectralAnalysis),
 * in the returned expression of a block body and in the variables it returns (`const r = f(x); return r.value` → f).
 */
export function topLevelCalls(reference: string): string[] {
  let body = reference.trim().replace(/,\s*$/, '');
  const arrow = body.indexOf('=>');
  if (arrow >= 0) body = body.slice(arrow + 2).trim();
  if (!body.startsWith('{')) return [...new Set(answerCallsOf(body).calls)];
  const { ret, defs } = blockParts(body.slice(1));
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (expr: string, depth: number) => {
    const { calls, idents } = answerCallsOf(expr);
    out.push(...calls);
    if (depth > 3) return;
    // Variables the expression uses (outside the arguments of the calls found) whose definition computes the answer.
    for (const v of idents) {
      if (defs.has(v) && !seen.has(v)) {
        seen.add(v);
        visit(defs.get(v)!, depth + 1);
      }
    }
  };
  visit(ret, 0);
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

/** Code without its comments and string literals (a name in a comment or a label is not a call). */
function codeOnly(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ').replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, "''");
}

/**
 * The forbidden names a solution uses: called anywhere (`check(round(vae.gap(x)))`), read as a property
 * (`const f = gan.spectralAnalysis; f(A)`) or bound to a variable (`const f = spectralAnalysis`).
 */
export function referenceUses(solution: string, forbidden: readonly string[]): string[] {
  const code = codeOnly(solution);
  const esc = (n: string) => n.replace(/\$/g, '\\$');
  return forbidden.filter((n) => {
    const N = esc(n);
    const local = new RegExp(`\\b(?:const|let|var)\\s+${N}(?![\\w$])`).test(code); // a local variable of that name
    return [
      `\\.\\s*${N}(?![\\w$])`, // gan.spectralAnalysis(…), or read as a property
      `(?<![\\w$.])${N}\\s*\\(`, // spectralAnalysis(…)
      `\\{[^{}]*(?<![\\w$])${N}(?![\\w$])[^{}]*\\}\\s*=`, // const { spectralAnalysis } = gan
      ...(local ? [] : [`(?<![=!<>])=\\s*${N}(?![\\w$])`]), // const f = spectralAnalysis
    ].some((re) => new RegExp(re).test(code));
  });
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
        const calls = referenceUses(sol[1], topLevelCalls(ref));
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
    // Through generic calls, and through the variables a block body returns.
    assert.deepEqual(topLevelCalls(' () => Math.exp(normalLogPdf(1, 1, 2)),'), ['normalLogPdf']);
    assert.deepEqual(topLevelCalls(' ({ alpha: a }) => METHODS.filter((m) => spectralAnalysis(dgUpdateMatrix(a, m)).converges),'), ['spectralAnalysis']);
    assert.deepEqual(topLevelCalls(' () => {\n  const r = lgElbo1d(1, 1, 2, 0, 1);\n  return r.klPosterior;\n },'), ['lgElbo1d']);
    assert.deepEqual(topLevelCalls(' () => [1, 2].map((k) => k * k),'), []);
  });

  it('sees a reference function called nested, read as a property or bound to a variable — not in comments or labels', () => {
    assert.deepEqual(referenceUses('exercises.check(\'x\', round(vae.gap(1, 2)));', ['gap']), ['gap']);
    assert.deepEqual(referenceUses('const f = gan.spectralAnalysis;\nconst r = f(A).spectralRadius;', ['spectralAnalysis']), ['spectralAnalysis']);
    assert.deepEqual(referenceUses('const { spectralAnalysis: sa } = gan; const f = spectralAnalysis;', ['spectralAnalysis']), ['spectralAnalysis']);
    assert.deepEqual(referenceUses('// unlike gan.spectralAnalysis(A), by hand:\nconst rho = Math.hypot(1, 0.1); // spectralAnalysis\nconst label = \'spectralAnalysis(A)\';', ['spectralAnalysis']), []);
    assert.deepEqual(referenceUses('const gap = 1.15; const gapValue = gap;', ['gap']), []);
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
