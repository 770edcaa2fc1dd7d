/**
 * The typeset errata table (issue #25, points 1 and 2): forms split into formulas (MathJax `\( … \)`) and prose,
 * values formatted (numbers, vectors, matrices, small tables — never JSON), and the kind of every erratum
 * (error / gap / remark) shown. Expected splits are written by hand from the registered forms they quote.
 */
import { strict as assert } from 'assert';
import '../../src/index';
import { ERRATUM_KINDS, errataRows, errataTableHtml, getErratum, listErrata } from '../../src/errata';
import { formatNumber, mathTextHtml, splitMathText, valueHtml } from '../../src/display/mathText';
import { errataTableHtmlOf } from '../../src/display/errataTable';
import { POLISHED_NOTEBOOKS } from '../exercises/polished';

const show = (s: string) => splitMathText(s).map((p) => (p.math ? `⟦${p.text}⟧` : p.text)).join('');

describe('errata: typeset forms (display/mathText)', () => {
  it('splits a formula from the prose around it', () => {
    assert.equal(show(String.raw`\log|\det \nabla_x g^{-1}(x)| — the absolute value (it may be negative)`), String.raw`⟦\log|\det \nabla_x g^{-1}(x)|⟧ — the absolute value (it may be negative)`);
    assert.equal(show(String.raw`\nabla V(d,g) = (g, d); (g, −d) is the field`), String.raw`⟦\nabla V(d,g) = (g, d); (g, −d)⟧ is the field`);
    assert.equal(show(String.raw`\arg\min_{\{\theta\}}\max_{\{W\}} in (68.110); "argmax over W_g"`), String.raw`⟦\arg\min_{\{\theta\}}\max_{\{W\}}⟧ in (68.110); "argmax over W_g"`);
    assert.equal(show(String.raw`\text{block-triangular};\ \det\nabla f_k^{-1} = 1`), String.raw`⟦\text{block-triangular};\ \det\nabla f_k^{-1} = 1⟧`);
    assert.equal(show(String.raw`\log(1 - D_\theta(G_\phi(z^{(i)}))) (the noise samples are z^{(i)})`), String.raw`⟦\log(1 - D_\theta(G_\phi(z^{(i)})))⟧ (the noise samples are ⟦z^{(i)}⟧)`);
  });

  it('keeps $…$ as given, and leaves text without LaTeX markup alone', () => {
    assert.equal(show('the optimum $q^*(z) \\propto |f(z)|\\,p(z)$ (Cauchy–Schwarz)'), 'the optimum ⟦q^*(z) \\propto |f(z)|\\,p(z)⟧ (Cauchy–Schwarz)');
    assert.equal(show('exp(−‖g − x‖²/2) (drop μ)'), 'exp(−‖g − x‖²/2) (drop μ)');
    assert.equal(mathTextHtml('a < b $x_1$'), 'a &lt; b <span class="dgmlab-math">\\(x_1\\)</span>');
  });

  it('no form or summary of the errata of the polished notebooks leaves LaTeX markup in its prose pieces', () => {
    // (Errata of notebooks written after the polish pass are their authors' to check: a form written in a plain
    // string loses its backslashes — '\tfrac' is a tab — and shows up here.)
    const polished = new Set(POLISHED_NOTEBOOKS.map((p) => p.replace(/^notebooks\//, '')));
    const leaks = listErrata().filter((e) => e.notebook && polished.has(e.notebook)).flatMap((e) =>
      [e.sourceForm, e.exactForm, e.summary ?? ''].flatMap((f) => splitMathText(f).filter((p) => !p.math && /\\[a-zA-Z]|[_^]\{/.test(p.text)).map((p) => `${e.id}: ${p.text}`)),
    );
    assert.deepEqual(leaks, []);
    assert.ok(listErrata().length > 100, 'the topics registered their errata');
  });

  it('formats values: numbers, vectors, matrices, complex numbers, objects as small tables', () => {
    assert.equal(formatNumber(1 / 3), '0.333333');
    assert.equal(formatNumber(-2.5), '−2.5');
    assert.equal(formatNumber(1.5e-9), '1.50000 × 10^-9');
    const span = (tex: string) => `<span class="dgmlab-math">\\(${tex.replace(/&/g, "&amp;")}\\)</span>`; // & escaped in HTML
    assert.equal(valueHtml([[1, 0.1], [-0.1, 1]]), span(String.raw`\begin{bmatrix}1 & 0.1 \\ -0.1 & 1\end{bmatrix}`));
    assert.equal(valueHtml([1, 2, 3]), span(String.raw`\begin{bmatrix}1 & 2 & 3\end{bmatrix}`));
    assert.equal(valueHtml({ re: 1, im: -0.5 }), span(String.raw`1 - 0.5\,i`));
    const obj = valueHtml({ A: [[1, 0.1], [-0.1, 1]], spectralRadius: 1.0049876 });
    assert.match(obj, /<table class="dgmlab-kv"/);
    assert.match(obj, />spectral radius</);
    assert.match(obj, />1\.00499</);
    assert.doesNotMatch(obj, /[{[]"/);
  });
});

describe('errata: kinds (error / gap / remark) and the table', () => {
  it('every registered erratum has a kind; the issue-#25 decisions hold', () => {
    for (const e of listErrata()) assert.ok((ERRATUM_KINDS as readonly string[]).includes(e.kind), `${e.id}: ${e.kind}`);
    // (68.102) writes ≈ and states N_r = N_f ≈ N/2: a remark, not an error.
    assert.equal(getErratum('004-E24').kind, 'remark');
    // §4.4.1 compares MCMC with rejection and importance sampling: a note, backed by τ against d.
    assert.equal(getErratum('002-E65').kind, 'remark');
    // Example 68.4: the conclusion (68.107) is right, the justification is not.
    assert.equal(getErratum('004-E23').kind, 'gap');
    const kinds = new Set(listErrata().map((e) => e.kind));
    assert.deepEqual([...kinds].sort(), ['error', 'gap', 'remark']);
  });

  it('an entry whose summary says "not an error" is a remark', () => {
    const wrong = listErrata().filter((e) => /^not an error/i.test(e.summary ?? '') && e.kind !== 'remark').map((e) => e.id);
    assert.deepEqual(wrong, []);
  });

  it('the table shows the kind as a badge, the forms typeset and no JSON values, for every registered erratum', () => {
    const rows = errataRows();
    const html = errataTableHtml({}, rows);
    for (const r of rows) assert.match(html, new RegExp(`data-id="${r.id}" data-kind="${r.kind}"`));
    assert.equal((html.match(/class="dgmlab-erratum-kind /g) ?? []).length, rows.length);
    assert.ok((html.match(/<span class="dgmlab-math">\\\(/g) ?? []).length > 100, 'formulas typeset');
    assert.doesNotMatch(html, /\{&quot;[A-Za-z_]+&quot;:|\{"[A-Za-z_]+":/, 'a value shown as JSON');
    assert.deepEqual(rows.filter((r) => r.failed).map((r) => `${r.id}: ${r.failed}`), [], 'demonstrations that throw');
  });

  it('a long summary spans the table instead of squeezing the form columns', () => {
    const html = errataTableHtmlOf([
      { id: '999-E1', kind: 'gap', location: '§1', summary: 'word '.repeat(200), severity: '', sourceForm: 'a', exactForm: 'b', sourceValue: 1, exactValue: 2, notebook: '' },
    ]);
    assert.match(html, /<tr class="dgmlab-erratum-summary"><td colspan="3"/);
    assert.match(html, /table-layout:fixed/);
    assert.match(html, /dgmlab-kind-gap/);
  });
});
