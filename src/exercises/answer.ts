/**
 * Answers as data: the placeholder of student notebooks, and the JSON encoding that carries an answer from a notebook
 * (the exercise-check MIME output) to the grader, which decodes it and verifies it again in its own process.
 *
 * `check()` compares the DECODED form of the encoded answer, so the verdict shown in the notebook and the grader's
 * verdict are computed on exactly the same value.
 */

const NOT_ANSWERED_KEY = Symbol.for('dgmlab.exercises.NOT_ANSWERED');

function makeNotAnswered(): unknown {
  // A function proxy that absorbs whatever a student's unfinished cell does with it (property access, calls, `new`,
  // iteration), so the cell still reaches its `check(...)` and the check says "not answered yet" instead of crashing.
  const target = function notAnswered() {
    /* placeholder */
  };
  let proxy: unknown;
  const handler: ProxyHandler<typeof target> = {
    get(_t, prop) {
      if (prop === NOT_ANSWERED_KEY) return true;
      if (prop === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? NaN : 'NOT_ANSWERED');
      if (prop === Symbol.iterator) return function* empty() {
        /* nothing */
      };
      if (prop === 'toString' || prop === 'valueOf') return () => 'NOT_ANSWERED';
      if (prop === 'toJSON') return () => ({ $dgmlab: 'not-answered' });
      if (prop === Symbol.for('nodejs.util.inspect.custom')) return () => 'NOT_ANSWERED';
      if (prop === 'then') return undefined; // not a thenable: `await NOT_ANSWERED` gives NOT_ANSWERED back
      if (typeof prop === 'symbol') return undefined;
      return proxy;
    },
    apply: () => proxy,
    construct: () => proxy as object,
    set: () => true,
    has: () => false,
  };
  proxy = new Proxy(target, handler);
  return proxy;
}

/**
 * The placeholder that student notebooks hold where a solution was: `let eig: any = exercises.NOT_ANSWERED;`.
 * Typed `any` so that any following code type-checks; `check(id, NOT_ANSWERED)` reports "not answered yet".
 * Anything computed from it (`NOT_ANSWERED.map(...)`, `NOT_ANSWERED(1)`) is NOT_ANSWERED again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const NOT_ANSWERED: any = (() => {
  const g = globalThis as Record<symbol, unknown>;
  const shared = Symbol.for('dgmlab.exercises.NOT_ANSWERED.value');
  if (!g[shared]) g[shared] = makeNotAnswered();
  return g[shared];
})();

/** True for the student placeholder (also when it comes from another copy of the library in the same process). */
export function isNotAnswered(x: unknown): boolean {
  if (x === NOT_ANSWERED) return true;
  if (typeof x !== 'function' && (typeof x !== 'object' || x === null)) return false;
  try {
    return (x as Record<symbol, unknown>)[NOT_ANSWERED_KEY] === true;
  } catch {
    return false;
  }
}

/** JSON that is the encoding of the placeholder. */
export const NOT_ANSWERED_JSON = Object.freeze({ $dgmlab: 'not-answered' });

const MAX_DEPTH = 12;
const MAX_ITEMS = 100_000;

/**
 * Encode an answer as JSON data. Numbers stay numbers (NaN and ±Infinity become `{"$number": "NaN"}`…); mathjs
 * Complex → `{re, im}`; mathjs Matrix, typed arrays, tfjs tensors (`arraySync`) → nested arrays; Set → `{"$set": [...]}`;
 * `undefined` → `{"$undefined": true}`; functions → `{"$function": true}`; the placeholder → `{"$dgmlab": "not-answered"}`.
 * Never throws: what cannot be encoded becomes `{"$unencodable": "<description>"}`.
 */
export function encodeAnswer(x: unknown, depth = 0): unknown {
  try {
    if (isNotAnswered(x)) return { ...NOT_ANSWERED_JSON };
    if (depth > MAX_DEPTH) return { $unencodable: 'nested too deeply' };
    if (x === undefined) return { $undefined: true };
    if (x === null || typeof x === 'string' || typeof x === 'boolean') return x;
    if (typeof x === 'number') return Number.isFinite(x) ? (Object.is(x, -0) ? 0 : x) : { $number: String(x) };
    if (typeof x === 'bigint') return { $bigint: x.toString() };
    if (typeof x === 'function') return { $function: true };
    if (typeof x === 'symbol') return { $unencodable: 'a symbol' };
    if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
      return Array.from(x as unknown as ArrayLike<number>).slice(0, MAX_ITEMS).map((v) => encodeAnswer(v, depth + 1));
    }
    if (Array.isArray(x)) return x.slice(0, MAX_ITEMS).map((v) => encodeAnswer(v, depth + 1));
    if (x instanceof Set) return { $set: Array.from(x).slice(0, MAX_ITEMS).map((v) => encodeAnswer(v, depth + 1)) };
    if (x instanceof Map) return { $unencodable: 'a Map' };
    if (typeof (x as { then?: unknown }).then === 'function') return { $unencodable: 'a Promise — did you forget `await`?' };
    const o = x as Record<string, unknown>;
    // mathjs Complex (and any {re, im} object)
    if (typeof o.re === 'number' && typeof o.im === 'number') return { re: encodeAnswer(o.re, depth + 1), im: encodeAnswer(o.im, depth + 1) };
    // tfjs Tensor
    if (typeof o.arraySync === 'function' && typeof o.shape === 'object') return encodeAnswer((o.arraySync as () => unknown)(), depth + 1);
    // mathjs Matrix
    if (typeof o.toArray === 'function' && typeof o.size === 'function') return encodeAnswer((o.toArray as () => unknown)(), depth + 1);
    // mathjs Fraction / BigNumber: numeric value
    if ((o.isFraction === true || o.isBigNumber === true) && typeof o.valueOf === 'function') return encodeAnswer(Number(o.valueOf()), depth + 1);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).slice(0, 1000)) out[k] = encodeAnswer(o[k], depth + 1);
    return out;
  } catch (e) {
    return { $unencodable: `could not be read (${(e as Error).message})` };
  }
}

/** Inverse of `encodeAnswer` on its output (the placeholder decodes to NOT_ANSWERED). Never throws. */
export function decodeAnswer(j: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH + 2) return j;
  if (Array.isArray(j)) return j.map((v) => decodeAnswer(v, depth + 1));
  if (j && typeof j === 'object') {
    const o = j as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1) {
      if (o.$dgmlab === 'not-answered') return NOT_ANSWERED;
      if (o.$undefined === true) return undefined;
      if (typeof o.$number === 'string') return Number(o.$number);
      if (Array.isArray(o.$set)) return new Set(o.$set.map((v) => decodeAnswer(v, depth + 1)));
      if (typeof o.$bigint === 'string') return { $bigint: o.$bigint };
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = decodeAnswer(o[k], depth + 1);
    return out;
  }
  return j;
}

/** Encode then decode: the normal form every comparison works on. */
export function normalizeAnswer(x: unknown): unknown {
  return decodeAnswer(encodeAnswer(x));
}
