/** Shared by the notebook tests: the runner (plain JS in kernel-setup/) with types. */
import * as path from 'path';

export interface Failure {
  cell: number | null;
  kind: 'error' | 'timeout' | 'stderr' | 'figure' | 'check' | 'kernel';
  source: string | null;
  message: string;
}
export interface RunResult {
  notebook: string;
  ok: boolean;
  seconds: number;
  wallSeconds: number;
  failures: Failure[];
  checks: { id: string; passed: boolean }[];
  figures: number;
}
export interface RunOptions {
  preset?: 'fast' | 'full';
  cellTimeout?: number;
  totalTimeout?: number;
  out?: string;
  allowStderr?: boolean;
  expectChecks?: 'pass' | 'any';
  jobs?: number;
}

export const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runner = require(path.join(ROOT, 'kernel-setup', 'run-notebooks.js')) as {
  findNotebooks(dir: string): string[];
  runNotebook(nb: string, opts?: RunOptions): Promise<RunResult>;
  runNotebooks(nbs: string[], opts?: RunOptions, onResult?: (r: RunResult) => void): Promise<RunResult[]>;
  formatFailures(r: RunResult): string;
};
export const { findNotebooks, runNotebook, runNotebooks, formatFailures } = runner;
