/**
 * Comparators: how an exercise decides whether an answer matches its reference answer.
 *
 * A comparator never throws on a student's answer: a wrong type, a wrong shape, NaN or `undefined` gives a verdict
 * with `malformed: true` and feedback that says what was expected. Feedback never contains the reference answer.
 *
 * Tolerances follow `numpy.isclose`: a value `a` matches `e` when |a − e| ≤ abs + rel·|e| (for complex numbers the
 * modulus of the difference). Defaults: abs = 1e-6, rel = 1e-6.
 *
 *   compare.number({ abs: 1e-4 })                compare.complex()          compare.vector({ rel: 1e-3 })
 *   compare.matrix()                             compare.unordered(compare.complex())   // eigenvalues in any order
 *   compare.set()  (exact discrete sets, e.g. pixel indices)       compare.boolean()
 *   compare.choice(['a', 'b', 'c'])              compare.expression({ variables: ['x'] })
 */
import * as mathjs from 'mathjs';
import { describe } from '../core/validate';
import { rng } from '../core/rng';
import { isNotAnswered } from './answer';

/** The outcome of comparing one answer with the reference. */
export interface Verdict {
  passed: boolean;
  /** One or two sentences for the student (never the reference answer). */
  feedback: string;
  /** The answer had the wrong type or shape (or was NaN/undefined) — it was not compared at all. */
  malformed?: boolean;
  /** The answer was the student-version placeholder. */
  notAnswered?: boolean;
}

/** Compares answers with references of type `E`. Write your own with `compare.custom`. */
export interface Comparator<E = unknown> {
  /** 'number', 'complex', 'vector', 'matrix', 'unordered', 'set', 'boolean', 'choice', 'expression' or a custom name. */
  readonly kind: string;
  /** What an answer must look like, for feedback and listings: "a number (tolerance: abs 1e-6 + rel 1e-6)". */
  readonly expects: string;
  /** The numeric comparators' tolerance (number, complex, vector, matrix): |a − e| ≤ abs + rel·|e| passes. */
  readonly tolerance?: Readonly<{ abs: number; rel: number }>;
  /** The by-hand comparators' precision (sigFigs, complexSigFigs, vectorSigFigs): n significant figures. */
  readonly sigFigs?: number;
  /** Compare `answer` (anything a student may pass) with the reference `expected`. Must not throw. */
  compare(answer: unknown, expected: E): Verdict;
  /** The reference as JSON data that `check` accepts as an answer (for `dgmlab answer --json`). */
  toJSON(expected: E): unknown;
  /** The reference written for people (for `dgmlab answer`). */
  format(expected: E): string;
}

/** Tolerance options shared by the numeric comparators. */
export interface Tolerance {
  /** Absolute tolerance (default 1e-6). */
  abs?: number;
  /** Relative tolerance, times |expected| (default 1e-6). */
  rel?: number;
}

const pass = (feedback = 'Correct.'): Verdict => ({ passed: true, feedback });
const fail = (feedback: string): Verdict => ({ passed: false, feedback });
const malformed = (feedback: string): Verdict => ({ passed: false, feedback, malformed: true });
const notAnsweredVerdict = (): Verdict => ({ passed: false, feedback: 'Not answered yet: replace NOT_ANSWERED with your answer.', notAnswered: true });

function tol(t: Tolerance = {}): { abs: number; rel: number } {
  const abs = t.abs ?? 1e-6;
  const rel = t.rel ?? 1e-6;
  if (!(typeof abs === 'number' && abs >= 0 && Number.isFinite(abs))) throw new RangeError(`compare: abs tolerance must be a finite number >= 0 (got ${describe(abs)})`);
  if (!(typeof rel === 'number' && rel >= 0 && Number.isFinite(rel))) throw new RangeError(`compare: rel tolerance must be a finite number >= 0 (got ${describe(rel)})`);
  return { abs, rel };
}

function tolText(t: { abs: number; rel: number }): string {
  if (t.abs === 0 && t.rel === 0) return 'exactly';
  const parts = [];
  const f = (x: number) => (x < 1e-3 ? x.toExponential() : String(x));
  if (t.abs > 0) parts.push(`abs ${f(t.abs)}`);
  if (t.rel > 0) parts.push(`rel ${f(t.rel)}·|reference|`);
  return `within ${parts.join(' + ')}`;
}

/** |a − e| ≤ abs + rel·|e| */
export function isClose(a: number, e: number, t: Tolerance = {}): boolean {
  const { abs, rel } = tol(t);
  if (a === e) return true;
  return Math.abs(a - e) <= abs + rel * Math.abs(e);
}

function what(x: unknown): string {
  if (x === undefined) return 'undefined';
  if (x === null) return 'null';
  if (typeof x === 'number') return Number.isNaN(x) ? 'NaN' : `the number ${describe(x)}`;
  if (typeof x === 'string') return `the string ${describe(x.length > 40 ? x.slice(0, 37) + '...' : x)}`;
  if (typeof x === 'boolean') return `the boolean ${x}`;
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (x instanceof Set) return `a Set of ${x.size} items`;
  if (typeof x === 'function') return 'a function';
  if (typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (o.$function === true) return 'a function (pass its value, not the function)';
    if (typeof o.$bigint === 'string') return 'a BigInt (use an ordinary number)';
    if (typeof o.$unencodable === 'string') return `a value that cannot be compared (${o.$unencodable})`;
    const keys = Object.keys(x as object);
    return keys.length ? `an object with keys ${keys.slice(0, 5).join(', ')}` : 'an empty object';
  }
  return typeof x;
}

/** The answer as a real number, or a reason why it is not one. */
function asReal(x: unknown): number | string {
  if (typeof x === 'number') {
    if (Number.isNaN(x)) return 'NaN (a computation went wrong: check for 0/0, log of a negative number or an undefined variable)';
    if (!Number.isFinite(x)) return `${x} (not a finite number)`;
    return x;
  }
  if (typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x))) return `${what(x)} (remove the quotes: pass the number itself)`;
  if (Array.isArray(x) && x.length === 1 && typeof x[0] === 'number') return 'an array with one number (pass the number itself, not an array)';
  return what(x);
}

function asComplex(x: unknown): { re: number; im: number } | string {
  if (typeof x === 'number') {
    const r = asReal(x);
    return typeof r === 'number' ? { re: r, im: 0 } : r;
  }
  if (typeof x === 'string') {
    try {
      const c = mathjs.complex(x.replace(/\s+/g, '').replace(/j$/, 'i')) as unknown as { re: number; im: number };
      if (Number.isFinite(c.re) && Number.isFinite(c.im)) return { re: c.re, im: c.im };
    } catch {
      /* fall through */
    }
    return `${what(x)}, which is not a complex number like "1 + 0.1i"`;
  }
  if (x && typeof x === 'object' && !Array.isArray(x)) {
    const o = x as Record<string, unknown>;
    if ('re' in o || 'im' in o) {
      if (typeof o.re !== 'number' || typeof o.im !== 'number') return `an object whose re/im are not both numbers (re: ${describe(o.re)}, im: ${describe(o.im)})`;
      if (!Number.isFinite(o.re) || !Number.isFinite(o.im)) return `a complex number with a NaN or infinite part (re: ${describe(o.re)}, im: ${describe(o.im)})`;
      return { re: o.re, im: o.im };
    }
  }
  return what(x);
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
}

/** The entries of a vector answer of length `n` as numbers, or the verdict on a malformed one (vector comparators). */
function realEntries(answer: unknown, n: number): number[] | Verdict {
  if (!isArrayLike(answer)) return malformed(`Expected an array of ${n} numbers, got ${what(answer)}.`);
  if (answer.length !== n) return malformed(`Expected an array of ${n} numbers, got ${answer.length} entries.`);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = asReal(answer[i]);
    if (typeof a === 'string') return malformed(`Entry ${i} should be a number, got ${a}.`);
    out.push(a);
  }
  return out;
}

/** "3 of 5 entries differ (entries 0, 2, 4)" (the first five listed). */
function entriesDiffer(wrong: readonly number[], n: number): string {
  return `${wrong.length} of ${n} entries differ (entr${wrong.length > 1 ? 'ies' : 'y'} ${wrong.slice(0, 5).join(', ')}${wrong.length > 5 ? ', …' : ''})`;
}

function fmtNum(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(12)));
}

function fmtComplex(z: { re: number; im: number }): string {
  if (z.im === 0) return fmtNum(z.re);
  const im = Math.abs(z.im) === 1 ? '' : fmtNum(Math.abs(z.im));
  if (z.re === 0) return `${z.im < 0 ? '-' : ''}${im}i`;
  return `${fmtNum(z.re)} ${z.im < 0 ? '-' : '+'} ${im}i`;
}

function guard<E>(kind: string, expects: string, body: (answer: unknown, expected: E) => Verdict): (answer: unknown, expected: E) => Verdict {
  return (answer, expected) => {
    if (isNotAnswered(answer)) return notAnsweredVerdict();
    if (answer === undefined) return malformed(`Your answer is undefined. Expected ${expects}.`);
    try {
      return body(answer, expected);
    } catch (e) {
      return malformed(`Your answer could not be compared (${(e as Error).message}). Expected ${expects}.`);
    }
  };
}

/** A real number within a tolerance. */
export function number(t: Tolerance = {}): Comparator<number> {
  const tt = tol(t);
  const expects = `a number (checked ${tolText(tt)})`;
  return {
    kind: 'number',
    tolerance: tt,
    expects,
    compare: guard('number', expects, (answer, expected) => {
      const a = asReal(answer);
      if (typeof a === 'string') return malformed(`Expected a number, got ${a}.`);
      return isClose(a, expected, tt) ? pass() : fail(`Not correct: your number is not ${tolText(tt)} of the reference.`);
    }),
    toJSON: (e) => e,
    format: (e) => fmtNum(e),
  };
}

/** A complex number: a mathjs Complex, `{re, im}`, a string like "1 + 0.1i", or a real number. Tolerance on |a − e|. */
export function complex(t: Tolerance = {}): Comparator<{ re: number; im: number }> {
  const tt = tol(t);
  const expects = `a complex number — {re, im}, a mathjs Complex or a string like "1 + 0.1i" (checked ${tolText(tt)})`;
  return {
    kind: 'complex',
    tolerance: tt,
    expects,
    compare: guard('complex', expects, (answer, e) => {
      const a = asComplex(answer);
      if (typeof a === 'string') return malformed(`Expected ${expects}; got ${a}.`);
      const d = Math.hypot(a.re - e.re, a.im - e.im);
      return d <= tt.abs + tt.rel * Math.hypot(e.re, e.im) ? pass() : fail(`Not correct: your complex number is not ${tolText(tt)} of the reference.`);
    }),
    toJSON: (e) => ({ re: e.re, im: e.im }),
    format: (e) => fmtComplex(e),
  };
}

/** Options of `vector`. */
export interface VectorOptions extends Tolerance {
  /** Required length (default: the reference's length). */
  length?: number;
}

/** A vector of real numbers (array, typed array, mathjs vector, tfjs 1-D tensor): length first, then entries. */
export function vector(t: VectorOptions = {}): Comparator<ArrayLike<number>> {
  const tt = tol(t);
  const expects = `an array of numbers${t.length !== undefined ? ` of length ${t.length}` : ''} (entries checked ${tolText(tt)})`;
  return {
    kind: 'vector',
    tolerance: tt,
    expects,
    compare: guard('vector', expects, (answer, e) => {
      const a = realEntries(answer, e.length);
      if (!Array.isArray(a)) return a;
      const wrong = a.flatMap((x, i) => (isClose(x, e[i], tt) ? [] : [i]));
      return wrong.length ? fail(`Not correct: ${entriesDiffer(wrong, e.length)}.`) : pass();
    }),
    toJSON: (e) => Array.from(e),
    format: (e) => `[${Array.from(e).map(fmtNum).join(', ')}]`,
  };
}

/** A real matrix (array of rows, mathjs Matrix, tfjs 2-D tensor): shape first, then entries. */
export function matrix(t: Tolerance = {}): Comparator<ArrayLike<ArrayLike<number>>> {
  const tt = tol(t);
  const expects = `a matrix as an array of rows of numbers (entries checked ${tolText(tt)})`;
  return {
    kind: 'matrix',
    tolerance: tt,
    expects,
    compare: guard('matrix', expects, (answer, e) => {
      const r = e.length;
      const c = e[0]?.length ?? 0;
      if (!isArrayLike(answer) || !Array.from(answer).every(isArrayLike)) {
        return malformed(`Expected a ${r}×${c} matrix as an array of rows, got ${what(answer)}.`);
      }
      const rows = Array.from(answer) as ArrayLike<unknown>[];
      const ac = rows[0]?.length ?? 0;
      if (rows.some((row) => row.length !== ac)) return malformed(`Expected a ${r}×${c} matrix; your rows have different lengths.`);
      if (rows.length !== r || ac !== c) return malformed(`Expected a ${r}×${c} matrix, got ${rows.length}×${ac}.`);
      let wrong = 0;
      for (let i = 0; i < r; i++) {
        for (let j = 0; j < c; j++) {
          const a = asReal(rows[i][j]);
          if (typeof a === 'string') return malformed(`Entry (${i}, ${j}) should be a number, got ${a}.`);
          if (!isClose(a, e[i][j], tt)) wrong++;
        }
      }
      return wrong ? fail(`Not correct: ${wrong} of ${r * c} entries differ.`) : pass();
    }),
    toJSON: (e) => Array.from(e, (row) => Array.from(row)),
    format: (e) => `[${Array.from(e, (row) => `[${Array.from(row).map(fmtNum).join(', ')}]`).join(', ')}]`,
  };
}

/** Is there a perfect matching between answers and references where matched pairs pass `ok`? (Kuhn's algorithm.) */
function perfectMatching(n: number, ok: (i: number, j: number) => boolean): { matched: number } {
  const adj: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => j).filter((j) => ok(i, j)));
  const matchOfRef = new Array<number>(n).fill(-1);
  let matched = 0;
  const tryAugment = (i: number, seen: boolean[]): boolean => {
    for (const j of adj[i]) {
      if (seen[j]) continue;
      seen[j] = true;
      if (matchOfRef[j] === -1 || tryAugment(matchOfRef[j], seen)) {
        matchOfRef[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < n; i++) if (tryAugment(i, new Array<boolean>(n).fill(false))) matched++;
  return { matched };
}

/**
 * An unordered collection (a multiset): eigenvalues in any order, roots, … Each element is compared with `element`
 * (default `number()`); the answer passes when its elements can be paired one-to-one with the reference's.
 * Accepts an array or a Set.
 */
export function unordered<E>(element: Comparator<E> = number() as unknown as Comparator<E>): Comparator<readonly E[]> {
  const expects = `an array in any order whose items are each ${element.expects}`;
  return {
    kind: 'unordered',
    expects,
    compare: guard('unordered', expects, (answer, e) => {
      const items = answer instanceof Set ? Array.from(answer) : isArrayLike(answer) ? Array.from(answer) : null;
      if (!items) return malformed(`Expected an array of ${e.length} items (any order), each ${element.expects}; got ${what(answer)}.`);
      if (items.length !== e.length) return malformed(`Expected ${e.length} items (any order), got ${items.length}.`);
      for (let i = 0; i < items.length; i++) {
        const v = element.compare(items[i], e[0]);
        if (v.malformed || v.notAnswered) return malformed(`Item ${i}: ${v.feedback}`);
      }
      const { matched } = perfectMatching(e.length, (i, j) => element.compare(items[i], e[j]).passed);
      if (matched === e.length) return pass();
      return fail(`Not correct: only ${matched} of your ${e.length} items can be matched with the reference (order does not matter).`);
    }),
    toJSON: (e) => e.map((x) => element.toJSON(x)),
    format: (e) => `{ ${e.map((x) => element.format(x)).join(', ')} } (any order)`,
  };
}

/** An exact set of discrete items (numbers or strings), e.g. pixel indices: order and duplicates do not matter. */
export function set(): Comparator<ReadonlyArray<number | string>> {
  const expects = 'a list (or Set) of items in any order';
  const key = (x: unknown): string | null => (typeof x === 'number' && Number.isFinite(x) ? `n:${x}` : typeof x === 'string' ? `s:${x}` : null);
  return {
    kind: 'set',
    expects,
    compare: guard('set', expects, (answer, e) => {
      const items = answer instanceof Set ? Array.from(answer) : isArrayLike(answer) ? Array.from(answer) : null;
      if (!items) return malformed(`Expected a list or Set of items (any order), got ${what(answer)}.`);
      const mine = new Set<string>();
      const type = e.length ? typeof e[0] : null;
      for (let i = 0; i < items.length; i++) {
        const k = key(items[i]);
        if (k === null || (type !== null && typeof items[i] !== type)) return malformed(`Item ${i} should be a ${typeof e[0] === 'string' ? 'string' : 'finite number'}, got ${what(items[i])}.`);
        mine.add(k);
      }
      const ref = new Set(e.map((x) => key(x) as string));
      const missing = [...ref].filter((k) => !mine.has(k)).length;
      const extra = [...mine].filter((k) => !ref.has(k)).length;
      if (!missing && !extra) return pass();
      const parts = [];
      if (missing) parts.push(`${missing} item${missing > 1 ? 's are' : ' is'} missing`);
      if (extra) parts.push(`${extra} item${extra > 1 ? 's do' : ' does'} not belong`);
      return fail(`Not correct: ${parts.join(' and ')}.`);
    }),
    toJSON: (e) => [...e],
    format: (e) => `{ ${[...e].map(String).join(', ')} }`,
  };
}

/** true or false. */
export function boolean(): Comparator<boolean> {
  const expects = 'true or false';
  return {
    kind: 'boolean',
    expects,
    compare: guard('boolean', expects, (answer, e) => {
      if (typeof answer !== 'boolean') return malformed(`Expected true or false, got ${what(answer)}.`);
      return answer === e ? pass() : fail('Not correct.');
    }),
    toJSON: (e) => e,
    format: (e) => String(e),
  };
}

/**
 * One option out of a fixed list (multiple choice). The answer is an option's key, compared case-insensitively after
 * trimming. `options` are keys (`['a', 'b', 'c']`) or `{ key, text }` pairs (the text is shown in listings).
 */
export function choice(options: ReadonlyArray<string | { key: string; text: string }>): Comparator<string> {
  if (!Array.isArray(options) || options.length < 2) throw new RangeError(`compare.choice: options must list at least two options (got ${describe(options)})`);
  const keys = options.map((o) => (typeof o === 'string' ? o : o.key));
  const norm = (s: string) => s.trim().toLowerCase();
  if (new Set(keys.map(norm)).size !== keys.length) throw new RangeError(`compare.choice: option keys must be distinct (got ${describe(keys)})`);
  const expects = `one of ${keys.map((k) => JSON.stringify(k)).join(', ')}`;
  return {
    kind: 'choice',
    expects,
    compare: guard('choice', expects, (answer, e) => {
      if (typeof answer !== 'string') return malformed(`Expected ${expects} (a string), got ${what(answer)}.`);
      const a = norm(answer);
      if (!keys.some((k) => norm(k) === a)) return malformed(`Expected ${expects}, got ${what(answer)}.`);
      return a === norm(e) ? pass() : fail('Not correct.');
    }),
    toJSON: (e) => e,
    format: (e) => {
      const o = options.find((x) => (typeof x === 'string' ? x : x.key) === e);
      return o && typeof o !== 'string' ? `${e} (${o.text})` : e;
    },
  };
}

/** Options of `expression`. */
export interface ExpressionOptions extends Tolerance {
  /** The variables an expression may use (default ['x']). */
  variables?: string[];
  /** Interval the random evaluation points are drawn from, per variable or for all (default [-2, 2]). */
  domain?: [number, number] | Record<string, [number, number]>;
  /** Number of random points (default 12). */
  points?: number;
  /** Seed of the evaluation points (default 'dgmlab.expression'): a seeded generator from core, never Math.random. */
  seed?: number | string;
}

/**
 * A mathjs instance for untrusted expressions: the functions mathjs's security notes name are disabled. Made on first
 * use, not at import (issue #16: kernel start-up; a second full mathjs instance costs about a second).
 */
let safeMathInstance: { evaluate: (src: string, scope: Record<string, number>) => unknown; parse: (src: string) => mathjs.MathNode } | undefined;
const safeMath = () => (safeMathInstance ??= makeSafeMath());
function makeSafeMath() {
  const m = mathjs.create(mathjs.all, {});
  const evaluate = m.evaluate.bind(m);
  const parse = m.parse.bind(m);
  const disabled = () => {
    throw new Error('this function is not allowed in an answer');
  };
  m.import(
    { import: disabled, createUnit: disabled, evaluate: disabled, parse: disabled, simplify: disabled, derivative: disabled, resolve: disabled, reviver: disabled, compile: disabled },
    { override: true },
  );
  return { evaluate, parse };
}

/** Free symbols of a parsed expression that are not mathjs constants/functions. */
function freeSymbols(node: mathjs.MathNode): string[] {
  const names = new Set<string>();
  node.traverse((n, _path, parent) => {
    if ((n as mathjs.SymbolNode).isSymbolNode && !(parent && (parent as mathjs.FunctionNode).isFunctionNode && (parent as mathjs.FunctionNode).fn === n)) {
      const name = (n as mathjs.SymbolNode).name;
      if (!(name in mathjs) || ['x', 'y', 'z', 't'].includes(name)) names.add(name);
    }
  });
  return [...names];
}

/**
 * A symbolic answer written as a mathjs expression string ("2*x*exp(-x^2)"), equal to the reference expression at
 * seeded random points of the domain (points where the reference is undefined are skipped).
 */
export function expression(opts: ExpressionOptions = {}): Comparator<string> {
  const tt = tol({ abs: opts.abs ?? 1e-8, rel: opts.rel ?? 1e-8 });
  const variables = opts.variables ?? ['x'];
  const nPoints = opts.points ?? 12;
  const dom = (v: string): [number, number] => (Array.isArray(opts.domain) ? opts.domain : opts.domain?.[v]) ?? [-2, 2];
  const expects = `an expression string in ${variables.join(', ')} such as "2*${variables[0]} + 1"`;
  const evalAt = (src: string, scope: Record<string, number>): number => {
    const v = safeMath().evaluate(src, { ...scope }) as unknown;
    return typeof v === 'number' ? v : NaN;
  };
  return {
    kind: 'expression',
    expects,
    compare: guard('expression', expects, (answer, e) => {
      if (typeof answer !== 'string' || answer.trim() === '') return malformed(`Expected ${expects}, got ${what(answer)}.`);
      if (answer.length > 2000) return malformed('Your expression is too long (more than 2000 characters).');
      let node: mathjs.MathNode;
      try {
        node = safeMath().parse(answer);
      } catch (err) {
        return malformed(`Your expression could not be read: ${(err as Error).message}. Expected ${expects}.`);
      }
      const unknown = freeSymbols(node).filter((s) => !variables.includes(s));
      if (unknown.length) return malformed(`Your expression uses ${unknown.join(', ')}; it may only use ${variables.join(', ')}.`);
      const r = rng(opts.seed ?? 'dgmlab.expression');
      let compared = 0;
      for (let tries = 0; compared < nPoints && tries < nPoints * 20; tries++) {
        const scope: Record<string, number> = {};
        for (const v of variables) scope[v] = r.uniform(...dom(v));
        const ev = evalAt(e, scope);
        if (!Number.isFinite(ev)) continue;
        let av: number;
        try {
          av = evalAt(answer, scope);
        } catch (err) {
          return malformed(`Your expression could not be evaluated: ${(err as Error).message}.`);
        }
        if (!isClose(av, ev, tt)) {
          const at = variables.map((v) => `${v} = ${scope[v].toPrecision(4)}`).join(', ');
          return fail(`Not correct: your expression differs from the reference at ${at}.`);
        }
        compared++;
      }
      if (compared === 0) return malformed('The expressions could not be compared: no evaluation point gave a finite value.');
      return pass();
    }),
    toJSON: (e) => e,
    format: (e) => e,
  };
}

/** A comparator of your own: `fn` returns a verdict (it may throw on a malformed answer — that becomes feedback). */
export function custom<E>(kind: string, expects: string, fn: (answer: unknown, expected: E) => Verdict | boolean, show: { toJSON?: (e: E) => unknown; format?: (e: E) => string } = {}): Comparator<E> {
  return {
    kind,
    expects,
    compare: guard(kind, expects, (a, e) => {
      const v = fn(a, e);
      return typeof v === 'boolean' ? (v ? pass() : fail('Not correct.')) : v;
    }),
    toJSON: show.toJSON ?? ((e) => e),
    format: show.format ?? ((e) => JSON.stringify(e)),
  };
}

// ------------------------------------------------------------------------------------------- by-hand answers

/** The number of significant digits in the shortest decimal form of x (1.005 → 4, 2 → 1, 0.00120 → 2). */
export function significantDigits(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 1 : 0;
  const [mant] = Math.abs(x).toExponential().split('e');
  return mant.replace('.', '').replace(/0+$/, '').length || 1;
}

/** One unit in the n-th significant figure of e (1.00499, n = 4 → 0.001). */
function unitInPlace(e: number, n: number): number {
  return 10 ** (Math.floor(Math.log10(Math.abs(e))) - n + 1);
}

/**
 * Is `a` right to `n` significant figures of `e`? `within` is the allowance in units of the n-th figure: 1 (the
 * default, accepting rounding or truncation: 0.9013 and 0.9014 both match 0.901388 to 4 figures) or 0.5 (correct
 * rounding only).
 */
export function agreesToSigFigs(a: number, e: number, n: number, within = 1): boolean {
  if (e === 0) return Math.abs(a) <= 1e-12;
  return Math.abs(a - e) <= within * unitInPlace(e, n) * (1 + 1e-9);
}

function sigText(n: number): string {
  return `${n} significant figure${n === 1 ? '' : 's'}`;
}

/**
 * The verdict on a by-hand answer `a` (its modulus for complex numbers: `size`) asked to `n` significant figures:
 * right to n figures passes; an answer written with fewer figures that is right as far as it goes is told so
 * ("right to 2 significant figures; give 4") — never "wrong"; anything else is not correct to n figures.
 */
function sigFigsVerdict(err: number, ref: number, digitsGiven: number, n: number, what: string): Verdict {
  if (ref === 0 ? err <= 1e-12 : err <= unitInPlace(ref, n) * (1 + 1e-9)) return pass(`Correct (to ${sigText(n)}).`);
  if (digitsGiven < n && ref !== 0 && err <= 0.5 * unitInPlace(ref, digitsGiven) * (1 + 1e-9)) {
    return { passed: false, feedback: `Right to ${sigText(digitsGiven)}; give ${n}: carry more digits through the calculation.` };
  }
  return fail(`Not correct to ${sigText(n)}: ${what}.`);
}

/**
 * A real number computed by hand, asked to `n` significant figures (say so in the exercise: "to 4 significant
 * figures"). Passes when it agrees with the reference to n figures (±1 in the n-th); a correct but coarser answer
 * (1.0 for 1.00499) gets "right to 2 significant figures; give 4".
 */
export function sigFigs(n: number): Comparator<number> {
  if (!Number.isInteger(n) || n < 1 || n > 15) throw new RangeError(`compare.sigFigs: n must be an integer in [1, 15] (got ${describe(n)})`);
  const expects = `a number, to ${sigText(n)}`;
  return {
    kind: 'number',
    sigFigs: n,
    expects,
    compare: guard('number', expects, (answer, expected) => {
      const a = asReal(answer);
      if (typeof a === 'string') return malformed(`Expected a number, got ${a}.`);
      return sigFigsVerdict(Math.abs(a - expected), expected, significantDigits(a), n, 'check the calculation');
    }),
    toJSON: (e) => e,
    format: (e) => `${fmtNum(e)} (to ${sigText(n)}: ${Number(e.toPrecision(n))})`,
  };
}

/**
 * A complex number computed by hand, to `n` significant figures: |a − e| within one unit of the n-th significant
 * figure of |e| (for e = 0.5 + 0.7i, |e| ≈ 0.86, n = 3: |a − e| ≤ 0.001). Answers as in `complex()`.
 */
export function complexSigFigs(n: number): Comparator<{ re: number; im: number }> {
  if (!Number.isInteger(n) || n < 1 || n > 15) throw new RangeError(`compare.complexSigFigs: n must be an integer in [1, 15] (got ${describe(n)})`);
  const expects = `a complex number — {re, im}, a mathjs Complex or a string like "1 + 0.1i" — to ${sigText(n)}`;
  return {
    kind: 'complex',
    sigFigs: n,
    expects,
    compare: guard('complex', expects, (answer, e) => {
      const a = asComplex(answer);
      if (typeof a === 'string') return malformed(`Expected ${expects}; got ${a}.`);
      const digits = Math.max(significantDigits(a.re), a.im === 0 ? 0 : significantDigits(a.im));
      return sigFigsVerdict(Math.hypot(a.re - e.re, a.im - e.im), Math.hypot(e.re, e.im), digits, n, 'check the real and the imaginary part');
    }),
    toJSON: (e) => ({ re: e.re, im: e.im }),
    format: (e) => fmtComplex(e),
  };
}

/**
 * A vector computed by hand, each entry asked to `n` significant figures (say so in the exercise). Passes when every
 * entry agrees with its reference entry to n figures (±1 in the n-th; an entry whose reference is 0 must be 0 within
 * 1e-12); when every entry is right as far as it is written but some carry fewer than n figures, the feedback says
 * "right to k significant figures; give n" — never "wrong".
 */
export function vectorSigFigs(n: number): Comparator<ArrayLike<number>> {
  if (!Number.isInteger(n) || n < 1 || n > 15) throw new RangeError(`compare.vectorSigFigs: n must be an integer in [1, 15] (got ${describe(n)})`);
  const expects = `an array of numbers, each to ${sigText(n)}`;
  return {
    kind: 'vector',
    sigFigs: n,
    expects,
    compare: guard('vector', expects, (answer, e) => {
      const a = realEntries(answer, e.length);
      if (!Array.isArray(a)) return a;
      const digits = a.map(significantDigits);
      const fewest = Math.min(n, ...digits);
      const verdicts = a.map((x, i) => sigFigsVerdict(Math.abs(x - e[i]), e[i], digits[i], n, `entry ${i}`));
      const wrong = verdicts.map((v, i) => (v.passed || /^Right to/.test(v.feedback) ? -1 : i)).filter((i) => i >= 0);
      if (wrong.length) return fail(`Not correct to ${sigText(n)}: ${entriesDiffer(wrong, e.length)}.`);
      if (verdicts.every((v) => v.passed)) return pass(`Correct (each entry to ${sigText(n)}).`);
      return { passed: false, feedback: `Right to ${sigText(fewest)}; give ${n}: carry more digits through the calculation.` };
    }),
    toJSON: (e) => Array.from(e),
    format: (e) => `[${Array.from(e).map(fmtNum).join(', ')}] (each to ${sigText(n)})`,
  };
}
