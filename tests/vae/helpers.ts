import { strict as assert } from 'assert';

/** |a − b| ≤ tol with a message naming the expected value. */
export const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);

/** Central finite difference of f at x along coordinate i. */
export function fd(f: (x: number[]) => number, x: number[], i: number, h = 1e-6): number {
  const xp = [...x];
  const xm = [...x];
  xp[i] += h;
  xm[i] -= h;
  return (f(xp) - f(xm)) / (2 * h);
}

/** Asserts fn throws an error of the given class whose message matches re. */
export function throwsWith(fn: () => unknown, cls: ErrorConstructor, re: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof cls && re.test((e as Error).message), `expected ${cls.name} matching ${re}`);
}
