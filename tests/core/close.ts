/** Numeric assertions shared by the core tests. */
import { strict as assert } from 'assert';

/** |actual − expected| ≤ max(abs, rel·|expected|); exact equality for infinities. */
export function assertClose(actual: number, expected: number, rel = 1e-12, abs = 0, what = ''): void {
  if (!Number.isFinite(expected)) {
    assert.equal(actual, expected, `${what} — want ${expected}, got ${actual}`);
    return;
  }
  const tol = Math.max(abs, rel * Math.abs(expected));
  assert.ok(
    Number.isFinite(actual) && Math.abs(actual - expected) <= tol,
    `${what ? what + ' — ' : ''}want ${expected} ± ${tol}, got ${actual} (diff ${actual - expected})`,
  );
}

/** Element-wise assertClose for vectors. */
export function assertVectorClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel = 1e-12, abs = 0, what = ''): void {
  assert.equal(actual.length, expected.length, `${what} length`);
  for (let i = 0; i < expected.length; i++) assertClose(actual[i], expected[i], rel, abs, `${what}[${i}]`);
}

/** Element-wise assertClose for matrices (arrays of rows). */
export function assertMatrixClose(
  actual: ArrayLike<ArrayLike<number>>,
  expected: ArrayLike<ArrayLike<number>>,
  rel = 1e-12,
  abs = 0,
  what = '',
): void {
  assert.equal(actual.length, expected.length, `${what} rows`);
  for (let i = 0; i < expected.length; i++) assertVectorClose(actual[i], expected[i], rel, abs, `${what}[${i}]`);
}

/** Asserts that fn throws an error of class `type` whose message matches every pattern (fn name, argument, value, …). */
export function assertThrowsWith(fn: () => unknown, type: new (...args: never[]) => Error, ...patterns: (RegExp | string)[]): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof type, `expected ${type.name}, got ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`);
    for (const p of patterns) {
      const ok = typeof p === 'string' ? e.message.includes(p) : p.test(e.message);
      assert.ok(ok, `message ${JSON.stringify(e.message)} should contain ${p}`);
    }
    return true;
  });
}
