/**
 * Input checks for the figure helpers. Same rule as the library (DESIGN principle 5): bad input gets a clear error
 * naming the function, the argument and the value — a figure is never silently blank.
 */
import { describe } from '../core/validate';

/** Array or typed array (not a DataView). */
export function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

/** A non-empty array of numbers; non-finite values allowed (the caller decides). Returns a plain number[]. */
export function numbers(fn: string, arg: string, v: unknown, length?: number): number[] {
  if (!isArrayLike(v)) throw new TypeError(`${fn}: ${arg} must be an array of numbers (got ${describe(v)})`);
  if (v.length === 0) throw new RangeError(`${fn}: ${arg} must not be empty (an empty series would draw nothing)`);
  if (length !== undefined && v.length !== length) {
    throw new RangeError(`${fn}: ${arg} must have the same length as ${lengthOf(arg)} (${length}) (got length ${v.length})`);
  }
  const out = new Array<number>(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'number') throw new TypeError(`${fn}: ${arg}[${i}] must be a number (got ${describe(x)})`);
    out[i] = x;
  }
  return out;
}

function lengthOf(arg: string): string {
  // "series[1].x" is compared with "series[1].y", "u" with "x", …: name the partner in the message.
  const m = /^(.*\.)?(\w+)$/.exec(arg);
  const base = m?.[1] ?? '';
  const name = m?.[2] ?? arg;
  const partner: Record<string, string> = { x: 'y', y: 'x', u: 'x', v: 'x', values: 'labels', labels: 'values', errors: 'values', z: 'x' };
  return `${base}${partner[name] ?? 'the data'}`;
}

/** A non-empty array of finite numbers (plain number[]). */
export function finiteNumbers(fn: string, arg: string, v: unknown, length?: number): number[] {
  const xs = numbers(fn, arg, v, length);
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i])) throw new RangeError(`${fn}: ${arg}[${i}] must be finite (got ${describe(xs[i])})`);
  }
  return xs;
}

/** A non-empty array (of anything), as a plain array. */
export function nonEmptyArray<T = unknown>(fn: string, arg: string, v: unknown): T[] {
  if (!isArrayLike(v)) throw new TypeError(`${fn}: ${arg} must be an array (got ${describe(v)})`);
  if (v.length === 0) throw new RangeError(`${fn}: ${arg} must not be empty (nothing to draw)`);
  return Array.from(v as ArrayLike<T>);
}

/** A finite interval [a, b] with a < b. */
export function interval(fn: string, arg: string, v: unknown): [number, number] {
  if (!isArrayLike(v) || v.length !== 2 || typeof v[0] !== 'number' || typeof v[1] !== 'number') {
    throw new TypeError(`${fn}: ${arg} must be an interval [min, max] (got ${describe(v)})`);
  }
  const a = v[0] as number;
  const b = v[1] as number;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !(a < b)) {
    throw new RangeError(`${fn}: ${arg} must be a finite interval [min, max] with min < max (got ${describe([a, b])})`);
  }
  return [a, b];
}

/** A positive integer option (grid sizes, bin counts, columns). */
export function positiveInt(fn: string, arg: string, v: unknown, max = 1e6): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) {
    throw new RangeError(`${fn}: ${arg} must be an integer in [1, ${max}] (got ${describe(v)})`);
  }
  return v;
}

/** A finite number > 0. */
export function positive(fn: string, arg: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0)) throw new RangeError(`${fn}: ${arg} must be a finite number > 0 (got ${describe(v)})`);
  return v;
}

/** A function. */
export function func(fn: string, arg: string, v: unknown): void {
  if (typeof v !== 'function') throw new TypeError(`${fn}: ${arg} must be a function (got ${describe(v)})`);
}

/** Indices of non-finite entries, described briefly ("NaN at 3, Infinity at 7, …"). */
export function describeNonFinite(xs: number[], idx: number[]): string {
  const shown = idx.slice(0, 3).map((i) => `${describe(xs[i])} at index ${i}`);
  return shown.join(', ') + (idx.length > 3 ? `, … (${idx.length} in all)` : '');
}
