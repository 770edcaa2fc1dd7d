import { strict as assert } from 'assert';
import * as errata from '../../src/errata';
import { takeEmitted } from '../../src/display/emit';

// Test errata use the source number 999, which no real source has, and are removed after each test.
const spec = (id: string, extra: Partial<errata.ErratumSpec> = {}): errata.ErratumSpec => ({
  id,
  source: id.slice(0, 3),
  location: '§2, Eq. (8)',
  sourceForm: String.raw`$\det(S)^{-2/2}$`,
  exactForm: String.raw`$|\det S|^{-1}$`,
  summary: 'the determinant needs an absolute value',
  severity: 'major',
  // S = [[0, 1], [1, 0]] has det S = −1: the source form gives −1, the exact form 1.
  demonstrate: () => ({ source: Math.pow(-1, -1), exact: 1 / Math.abs(-1) }),
  ...extra,
});

describe('errata/registry', () => {
  afterEach(() => {
    for (const id of ['999-E1', '999-E2', '999-E10', '998-E3']) errata.unregisterErratum(id);
    takeEmitted();
  });

  it('registers, finds, and lists sorted by source then number, optionally by source', () => {
    errata.registerErratum(spec('999-E10'));
    errata.registerErratum(spec('999-E2'));
    errata.registerErratum(spec('998-E3'));
    const ids = errata.listErrata().map((e) => e.id).filter((id) => id.startsWith('99'));
    assert.deepEqual(ids, ['998-E3', '999-E2', '999-E10']);
    assert.deepEqual(errata.listErrata({ source: '999' }).map((e) => e.id), ['999-E2', '999-E10']);
    assert.equal(errata.getErratum('999-E10').number, 10);
    assert.deepEqual(errata.getErratum('999-E2').demonstrate(), { source: -1, exact: 1 });
  });

  it('rejects malformed declarations naming the field and value', () => {
    assert.throws(() => errata.registerErratum(spec('999E1')), /id must look like '<source>-E<n>'.*"999E1"/);
    assert.throws(() => errata.registerErratum({ ...spec('999-E1'), source: '001' }), /source must be "999", the prefix of the id \(got "001"\)/);
    assert.throws(() => errata.registerErratum({ ...spec('999-E1'), exactForm: '' }), /exactForm must be a non-empty string/);
    assert.throws(() => errata.registerErratum({ ...spec('999-E1'), demonstrate: 5 as never }), /demonstrate must be a function/);
    const first = errata.registerErratum(spec('999-E1'));
    assert.throws(() => errata.registerErratum(spec('999-E1', { location: '§3' })), /already registered \(at "§2, Eq\. \(8\)"\)/);
    assert.equal(errata.registerErratum(spec('999-E1')), first);
    assert.throws(() => errata.getErratum('999-E7'), /unknown erratum id "999-E7"/);
    assert.throws(() => errata.listErrata({ source: '2' }), /three-digit source number/);
  });

  it('a demonstration must return both values; a failing one shows its error in the table instead of stopping it', () => {
    errata.registerErratum(spec('999-E1', { demonstrate: () => ({ source: 1 }) as never }));
    assert.throws(() => errata.getErratum('999-E1').demonstrate(), /must return \{ source, exact, \.\.\. \}/);
    const [row] = errata.errataRows({ source: '999' });
    assert.match(row.sourceValue, /demonstration failed/);
  });

  it('the table: HTML (escaped, LaTeX left for MathJax) and text, and showTable emits both', () => {
    errata.registerErratum(spec('999-E1', { sourceForm: 'a < b', notebook: 'dgm-exercises/02-reparameterization.ipynb' }));
    const html = errata.errataTableHtml({ source: '999' });
    assert.match(html, /<table class="dgmlab-errata"/);
    assert.match(html, /a &lt; b/);
    // The exact form, given as $…$, is typeset by MathJax as \( … \); the values are formatted numbers (true minus sign).
    assert.match(html, /\\\(\|\\det S\|\^\{-1\}\\\)/);
    assert.match(html, /class="dgmlab-value-source"[^>]*>.*?>−1<\/span>/);
    assert.match(html, /class="dgmlab-value-exact"[^>]*>.*?>1<\/span>/);
    assert.match(html, /data-kind="error"/);
    const text = errata.errataTableText({ source: '999' });
    assert.match(text, /^999-E1 {2}\(error\) {2}§2, Eq\. \(8\) {2}\[major\] — the determinant needs an absolute value/);
    assert.match(text, /demonstration: source -1 vs exact 1/);
    errata.showTable({ source: '999' });
    const [out] = takeEmitted();
    assert.deepEqual(Object.keys(out.bundle).sort(), ['text/html', 'text/plain']);
    assert.match(errata.errataTableHtml({ source: '997' }), /No errata registered for source 997/);
  });

  it('formatValue renders numbers, complex numbers and arrays briefly', () => {
    assert.equal(errata.formatValue(1 / 3), '0.33333333');
    assert.equal(errata.formatValue({ re: 1, im: -0.5 }), '1 − 0.5i');
    assert.equal(errata.formatValue([1, 2, 3, 4, 5, 6, 7, 8, 9]), '[1, 2, 3, 4, 5, 6, 7, 8, …]');
  });
});

describe('errata: showErrata (the shared errata cell)', () => {
  it('emits the given errata in the given order with both demonstrated values, and refuses unknown ids', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { registerErratum, unregisterErratum, showErrata, errataRowsFor } = require('../../src/errata');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { takeEmitted } = require('../../src/display/emit');
    for (const n of [901, 902]) {
      registerErratum({ id: `999-E${n}`, source: '999', location: `§${n}`, sourceForm: 'a', exactForm: 'b', demonstrate: () => ({ source: n, exact: n + 1 }) });
    }
    try {
      assert.deepEqual(errataRowsFor(['999-E902', '999-E901']).map((r: { id: string }) => r.id), ['999-E902', '999-E901']);
      takeEmitted();
      showErrata(['999-E902']);
      const [out] = takeEmitted();
      assert.match(String(out.bundle['text/plain']), /999-E902[\s\S]*source 902 vs exact 903/);
      assert.match(String(out.bundle['text/html']), /class="dgmlab-value-exact"[^>]*>.*?>903<\/span>/);
      assert.throws(() => showErrata(['999-E903']), /showErrata: unknown erratum id\(s\) 999-E903/);
      assert.throws(() => showErrata([]), TypeError);
    } finally {
      unregisterErratum('999-E901');
      unregisterErratum('999-E902');
    }
  });
});
