/** Where things are: the project root (the dgmlab package), its notebooks, and the ignored work folders. */
import * as path from 'path';

/** The dgmlab package root (the same from src/cli and dist/cli). */
export const ROOT = path.resolve(__dirname, '..', '..');
/** The master notebooks. */
export const NOTEBOOKS = path.join(ROOT, 'notebooks');
/** Default output folder of student versions (git-ignored). */
export const STUDENT_DIR = path.join(ROOT, 'student');
/** Work copies of graded submissions (git-ignored; inside the package so `import 'dgmlab'` resolves). */
export const GRADING_DIR = path.join(ROOT, '.grading');

/** A path relative to the project root with forward slashes (for metadata and reports). */
export function rel(p: string): string {
  const r = path.relative(ROOT, path.resolve(p));
  return (r.startsWith('..') ? path.resolve(p) : r).split(path.sep).join('/');
}

/** All .ipynb files under `dir` (skipping hidden folders, checkpoints and node_modules), sorted — the notebook runner's own walk. */
export function findNotebooks(dir: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(ROOT, 'kernel-setup', 'run-notebooks.js')) as { findNotebooks(d: string): string[] }).findNotebooks(dir);
}

/** Is `p` inside `dir`? */
export function isInside(p: string, dir: string): boolean {
  const r = path.relative(dir, path.resolve(p));
  return r !== '' && !r.startsWith('..') && !path.isAbsolute(r);
}
