/**
 * Argument validation shared by every public function of the library.
 *
 * Design principle 5: bad input gets a clear error that names the argument and its value — never a silent NaN.
 * Each helper throws `TypeError` for a value of the wrong kind and `RangeError` for a value of the right kind
 * outside its domain. Messages have the form `<fn>: <arg> must be <rule> (got <value>)`.
 */

/** A short, readable rendering of a value for error messages (long arrays are abbreviated). */
export function describe(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    const arr = Array.from(value as ArrayLike<unknown>);
    const head = arr.slice(0, 6).map(describe).join(', ');
    return `[${head}${arr.length > 6 ? `, … (${arr.length} items)` : ''}]`;
  }
  try {
    const s = JSON.stringify(value);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(value);
  }
}

function where(fn: string, arg: string): string {
  return fn ? `${fn}: ${arg}` : arg;
}

/** A finite number (not NaN, not ±Infinity). */
export function assertFiniteNumber(fn: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number') throw new TypeError(`${where(fn, arg)} must be a number (got ${describe(value)})`);
  if (!Number.isFinite(value)) throw new RangeError(`${where(fn, arg)} must be a finite number (got ${describe(value)})`);
}

/** A finite number > 0 (for standard deviations, variances, temperatures, step sizes, …). */
export function assertPositive(fn: string, arg: string, value: unknown): asserts value is number {
  assertFiniteNumber(fn, arg, value);
  if (!(value > 0)) throw new RangeError(`${where(fn, arg)} must be > 0 (got ${describe(value)})`);
}

/** A finite number ≥ 0. */
export function assertNonNegative(fn: string, arg: string, value: unknown): asserts value is number {
  assertFiniteNumber(fn, arg, value);
  if (!(value >= 0)) throw new RangeError(`${where(fn, arg)} must be >= 0 (got ${describe(value)})`);
}

/** A probability in [0, 1] (or the open interval when `open` is true). */
export function assertProbability(fn: string, arg: string, value: unknown, open = false): asserts value is number {
  assertFiniteNumber(fn, arg, value);
  const ok = open ? value > 0 && value < 1 : value >= 0 && value <= 1;
  if (!ok) throw new RangeError(`${where(fn, arg)} must be in ${open ? '(0, 1)' : '[0, 1]'} (got ${describe(value)})`);
}

/** An integer in [min, max]. */
export function assertInteger(
  fn: string,
  arg: string,
  value: unknown,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): asserts value is number {
  if (typeof value !== 'number') throw new TypeError(`${where(fn, arg)} must be an integer (got ${describe(value)})`);
  if (!Number.isInteger(value)) throw new RangeError(`${where(fn, arg)} must be an integer (got ${describe(value)})`);
  if (value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new RangeError(`${where(fn, arg)} must be an integer ${range} (got ${describe(value)})`);
  }
}

/** An array (or typed array) of finite numbers, optionally of a given length and non-empty. */
export function assertVector(
  fn: string,
  arg: string,
  value: unknown,
  length?: number,
): asserts value is ArrayLike<number> {
  if (!(Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView)))) {
    throw new TypeError(`${where(fn, arg)} must be an array of numbers (got ${describe(value)})`);
  }
  const v = value as ArrayLike<unknown>;
  if (length !== undefined && v.length !== length) {
    throw new RangeError(`${where(fn, arg)} must have length ${length} (got length ${v.length})`);
  }
  if (v.length === 0) throw new RangeError(`${where(fn, arg)} must not be empty`);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'number') throw new TypeError(`${where(fn, arg)}[${i}] must be a number (got ${describe(x)})`);
    if (!Number.isFinite(x)) throw new RangeError(`${where(fn, arg)}[${i}] must be finite (got ${describe(x)})`);
  }
}

/**
 * A non-empty array of log-weights: numbers < +∞, where −∞ (a zero weight) is allowed. With `needFinite`, at least one
 * entry must be > −∞ (normalised weights would otherwise be 0/0).
 */
export function assertLogWeights(fn: string, arg: string, value: unknown, needFinite = false): asserts value is ArrayLike<number> {
  if (!(Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView)))) {
    throw new TypeError(`${where(fn, arg)} must be an array of numbers (got ${describe(value)})`);
  }
  const v = value as ArrayLike<unknown>;
  if (v.length === 0) throw new RangeError(`${where(fn, arg)} must not be empty`);
  let anyFinite = false;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'number') throw new TypeError(`${where(fn, arg)}[${i}] must be a number (got ${describe(x)})`);
    if (Number.isNaN(x) || x === Infinity) throw new RangeError(`${where(fn, arg)}[${i}] must be a number < +Infinity (got ${describe(x)})`);
    if (x > -Infinity) anyFinite = true;
  }
  if (needFinite && !anyFinite) throw new RangeError(`${where(fn, arg)} must have at least one entry > -Infinity (got ${describe(value)})`);
}

/** A probability vector: entries in [0, 1] that sum to 1 within `tol`. */
export function assertProbabilityVector(fn: string, arg: string, value: unknown, tol = 1e-9): asserts value is ArrayLike<number> {
  assertVector(fn, arg, value);
  let s = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] < 0 || value[i] > 1) {
      throw new RangeError(`${where(fn, arg)}[${i}] must be a probability in [0, 1] (got ${describe(value[i])})`);
    }
    s += value[i];
  }
  if (Math.abs(s - 1) > tol) throw new RangeError(`${where(fn, arg)} must sum to 1 (sums to ${s})`);
}

/** A rectangular matrix (array of equal-length rows of finite numbers), optionally of a given shape. */
export function assertMatrix(
  fn: string,
  arg: string,
  value: unknown,
  rows?: number,
  cols?: number,
): asserts value is ArrayLike<ArrayLike<number>> {
  if (!Array.isArray(value)) throw new TypeError(`${where(fn, arg)} must be a matrix (array of rows) (got ${describe(value)})`);
  if (value.length === 0) throw new RangeError(`${where(fn, arg)} must have at least one row`);
  const c = (value[0] as ArrayLike<number> | undefined)?.length;
  for (let i = 0; i < value.length; i++) {
    assertVector(fn, `${arg}[${i}]`, value[i]);
    if ((value[i] as ArrayLike<number>).length !== c) {
      throw new RangeError(`${where(fn, arg)} must be rectangular (row 0 has ${c} entries, row ${i} has ${(value[i] as ArrayLike<number>).length})`);
    }
  }
  if (rows !== undefined && value.length !== rows) throw new RangeError(`${where(fn, arg)} must have ${rows} rows (got ${value.length})`);
  if (cols !== undefined && c !== cols) throw new RangeError(`${where(fn, arg)} must have ${cols} columns (got ${c})`);
}

/** A square matrix, optionally of a given size. */
export function assertSquareMatrix(fn: string, arg: string, value: unknown, n?: number): asserts value is ArrayLike<ArrayLike<number>> {
  assertMatrix(fn, arg, value);
  const r = value.length;
  const c = value[0].length;
  if (r !== c) throw new RangeError(`${where(fn, arg)} must be square (got ${r}×${c})`);
  if (n !== undefined && r !== n) throw new RangeError(`${where(fn, arg)} must be ${n}×${n} (got ${r}×${c})`);
}

/** One of a fixed set of string options. */
export function assertOneOf<T extends string>(fn: string, arg: string, value: unknown, options: readonly T[]): asserts value is T {
  if (typeof value !== 'string' || !options.includes(value as T)) {
    throw new RangeError(`${where(fn, arg)} must be one of ${options.map((o) => JSON.stringify(o)).join(', ')} (got ${describe(value)})`);
  }
}
