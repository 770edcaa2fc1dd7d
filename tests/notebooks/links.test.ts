/**
 * Link lint (issue #25, point 7): every relative link in every notebook's markdown resolves to an existing file.
 * A notebook not written yet is named with the pending-link convention of scripts/notebook-links.js
 * (`<!--link:P-->text<!--/link--> (not written yet)`), which that script turns back into a link once P exists
 * (`node scripts/notebook-links.js`). The rule and the helper are tested on temporary notebooks.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './helpers';

interface Link { cell: number; target: string; file: string; exists: boolean }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const links = require(path.join(ROOT, 'scripts', 'notebook-links.js')) as {
  notebookLinks(nb: string): Link[];
  pendingLinks(nb: string): { cell: number; target: string; label: string; exists: boolean }[];
  relinkText(text: string, nb: string): string;
  relinkNotebook(nb: string, opts?: { write?: boolean }): number;
  allNotebooks(dir?: string): string[];
};

function tmpNotebook(dir: string, name: string, cells: string[]): string {
  const nb = {
    cells: cells.map((s, i) => ({ cell_type: 'markdown', id: `c${i}`, metadata: {}, source: s.split(/(?<=\n)/) })),
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  };
  const f = path.join(dir, name);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, JSON.stringify(nb, null, 1) + '\n');
  return f;
}

describe('notebooks: links', () => {
  const notebooks = links.allNotebooks(path.join(ROOT, 'notebooks'));

  it(`every relative link in every notebook resolves to an existing file (${notebooks.length} notebooks)`, () => {
    const dead = notebooks.flatMap((nb) =>
      links.notebookLinks(nb).filter((l) => !l.exists).map((l) => `${path.relative(ROOT, nb)}: cell ${l.cell}: ${l.target}`),
    );
    assert.deepEqual(dead, [], `dead links — run \`node scripts/notebook-links.js\` to turn them into "(not written yet)" text:\n${dead.join('\n')}`);
  });

  it('the notebooks do link to each other (the lint is not vacuous)', () => {
    const n = notebooks.reduce((s, nb) => s + links.notebookLinks(nb).length, 0);
    assert.ok(n >= 30, `only ${n} relative links found`);
  });

  it('every pending link names a relative .ipynb path', () => {
    const bad = notebooks.flatMap((nb) => links.pendingLinks(nb).filter((p) => !/^[^:/#][^:#]*\.ipynb$/.test(p.target)).map((p) => `${nb}: ${p.target}`));
    assert.deepEqual(bad, []);
  });

  describe('the rule and the helper, on temporary notebooks', () => {
    let dir: string;
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-links-'))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('finds a dead markdown link and a dead href, and not URLs or anchors', () => {
      const nb = tmpNotebook(dir, 'a/01.ipynb', [
        '# T\n\nNext: [two](02-two.ipynb), see [web](https://example.org/x.ipynb) and [here](#top).\n',
        '<a href="../b/03.ipynb">three</a> and [self](01.ipynb#sec)\n',
      ]);
      const found = links.notebookLinks(nb).map((l) => [l.cell, l.target, l.exists]);
      assert.deepEqual(found, [
        [0, '02-two.ipynb', false],
        [1, '01.ipynb#sec', true],
        [1, '../b/03.ipynb', false],
      ]);
    });

    it('turns a dead link into "(not written yet)" text, and back into a link once the file exists', () => {
      const nb = tmpNotebook(dir, 'c/01.ipynb', ['# T\n\nNext: [02 — the *next* one](02-next.ipynb).\n']);
      assert.equal(links.relinkNotebook(nb), 1);
      const text = JSON.parse(fs.readFileSync(nb, 'utf8')).cells[0].source.join('');
      assert.equal(text, '# T\n\nNext: <!--link:02-next.ipynb-->02 — the *next* one<!--/link--> (not written yet).\n');
      assert.deepEqual(links.notebookLinks(nb), [], 'a pending link is not a link');
      assert.equal(links.relinkNotebook(nb), 0, 'nothing to do while the file is missing');
      tmpNotebook(dir, 'c/02-next.ipynb', ['# Next\n']);
      assert.equal(links.relinkNotebook(nb), 1);
      const back = JSON.parse(fs.readFileSync(nb, 'utf8')).cells[0].source.join('');
      assert.equal(back, '# T\n\nNext: [02 — the *next* one](02-next.ipynb).\n');
      assert.deepEqual(links.notebookLinks(nb).map((l) => l.exists), [true]);
    });

    it('leaves images, URLs and live links alone', () => {
      const nb = tmpNotebook(dir, 'd/01.ipynb', ['# T\n']);
      const text = '![fig](missing.png) [w](https://x.org/a.ipynb) [me](01.ipynb)';
      assert.equal(links.relinkText(text, nb), text);
    });
  });
});
