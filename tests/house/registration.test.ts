import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';

/**
 * [HOUSE] One registration pattern: every topic's `index.ts` ends with `import './exercises'; import './errata';`, so that
 * `import 'dgmlab'` registers every exercise and erratum. A topic whose exercises.ts nothing imports would register
 * nothing silently; this test fails instead. Expected set: the files on disk (independent of the registry).
 */
const SRC = path.resolve(__dirname, '../../src');
const DIST = path.resolve(__dirname, '../../dist');

function registrationFiles(): string[] {
  const out: string[] = [];
  for (const topic of fs.readdirSync(SRC)) {
    for (const f of ['exercises.ts', 'errata.ts']) {
      const p = path.join(SRC, topic, f);
      if (fs.statSync(path.join(SRC, topic)).isDirectory() && fs.existsSync(p)) out.push(`${topic}/${f}`);
    }
  }
  return out.sort();
}

describe('house: registration of exercises and errata', () => {
  it('finds the registration files of the existing topics (the test can see them)', () => {
    const files = registrationFiles();
    for (const f of ['gan/exercises.ts', 'gan/errata.ts', 'sampling/exercises.ts', 'flows/errata.ts']) assert.ok(files.includes(f), f);
  });

  it("every src/*/exercises.ts and errata.ts is loaded by the package entry (dist, as a notebook's import 'dgmlab')", () => {
    // A fresh node process: require the built package and list which topic modules ended up in require.cache.
    const script = `require(${JSON.stringify(path.join(DIST, 'index.js'))});
      const loaded = Object.keys(require.cache).map((k) => k.replace(/\\\\/g, '/'));
      process.stdout.write(JSON.stringify(loaded));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120000 });
    assert.equal(r.status, 0, r.stderr);
    const loaded: string[] = JSON.parse(r.stdout);
    const missing = registrationFiles().filter((f) => !loaded.some((k) => k.endsWith(`/dist/${f.replace(/\.ts$/, '.js')}`)));
    assert.deepEqual(missing, [], `not loaded by import 'dgmlab' (add "import './exercises'; import './errata';" to the topic's index.ts): ${missing.join(', ')}`);
  });

  it('every topic index.ts uses the one registration block (side-effect imports of its own exercises and errata)', () => {
    const offenders: string[] = [];
    for (const f of registrationFiles()) {
      const [topic, file] = f.split('/');
      const index = fs.readFileSync(path.join(SRC, topic, 'index.ts'), 'utf8');
      const mod = file.replace(/\.ts$/, '');
      if (!new RegExp(`^import '\\./${mod}';$`, 'm').test(index)) offenders.push(f);
    }
    assert.deepEqual(offenders, []);
  });
});
