/**
 * The notebooks the course-polish rules (issue #25) are checked on: every notebook of the course, minus an explicit
 * list of exceptions, each with its reason. The rules (stated precision of by-hand answers, solution cells not calling
 * the reference, citations in the sources' own numbering, typeset errata) hold for new notebooks as soon as they are
 * written (CONTRIBUTING.md) — a new notebook is checked without having to be listed here.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

/** Notebooks not (yet) held to the polish rules, and why. Remove an entry when its owner has checked the notebook. */
export const NOT_YET_POLISHED: Readonly<Record<string, string>> = {
};

function notebooksUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() && !e.name.startsWith('.') ? notebooksUnder(path.join(dir, e.name)) : e.name.endsWith('.ipynb') ? [path.join(dir, e.name)] : []))
    .sort();
}

/** Every notebook of the course (paths relative to the repository, e.g. `notebooks/sta4124/09-….ipynb`) not excepted above. */
export const POLISHED_NOTEBOOKS: readonly string[] = notebooksUnder(path.join(ROOT, 'notebooks'))
  .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
  .filter((f) => !(f in NOT_YET_POLISHED));
