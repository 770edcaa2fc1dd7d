/**
 * The exercise registry. Topics register their exercises next to their code, at module load
 * (e.g. `src/gan/exercises.ts`, imported by `src/gan/index.ts`), so `import 'dgmlab'` fills the registry. Topics use
 * `exerciseGroup` (shapes.ts), which calls `registerExercise` with the notebook and the comparator filled in; the long form:
 *
 *   import { registerExercise, compare } from '../exercises';
 *   registerExercise({
 *     id: 'gan.dg.eigenvalues',
 *     title: 'Eigenvalues of the simultaneous GDA update for V(d, g) = dg',
 *     source: '001 §6, Steps 6.1',
 *     params: { alpha: { default: 0.1, min: 0, description: 'step size α' } },
 *     reference: ({ alpha }) => core.eigenvalues(gdaMatrix(alpha)),     // COMPUTED with the library
 *     compare: compare.unordered(compare.complex({ abs: 1e-9 })),
 *     hints: ['Write the update as a 2×2 matrix acting on (d, g).', 'Its eigenvalues are complex conjugates.'],
 *   });
 */
import { describe } from '../core/validate';
import type { Comparator, Verdict } from './compare';
import { isNotAnswered, normalizeAnswer } from './answer';
import { claimVerifyScope, noteReferenceUse } from './trace';

/** Reference calls made while verifying an answer are not answer-key lookups (grading trace, trace.ts). */
const whileVerifying = claimVerifyScope();

/** A parameter value: what `check(id, answer, params)` and `dgmlab answer --param k=v` take. */
export type ParamValue = number | string | boolean;
/** Parameter values by name. */
export type Params = Record<string, ParamValue>;

/** Declaration of one parameter of an exercise. */
export interface ParamSpec<V extends ParamValue = ParamValue> {
  /** The value used when the caller gives none. */
  default: V;
  /** What the parameter means, e.g. 'step size α'. */
  description?: string;
  /** Bounds for numeric parameters (inclusive). */
  min?: number;
  max?: number;
  /** The value must be an integer. */
  integer?: boolean;
  /** The only values allowed. */
  options?: readonly V[];
}

/** Parameter declarations by name. */
export type ParamSpecs = Record<string, ParamSpec>;

/** The parameter values `reference` receives for the declarations `S` (numbers stay numbers, …). */
export type ParamValues<S extends ParamSpecs> = {
  [K in keyof S]: S[K]['default'] extends number ? number : S[K]['default'] extends boolean ? boolean : S[K]['default'] extends string ? string : ParamValue;
};

/** What `registerExercise` takes. */
export interface ExerciseSpec<S extends ParamSpecs = ParamSpecs, A = unknown> {
  /** `<topic>.<name>` (lowercase letters, digits, `-`, `_`; dots separate levels), e.g. `gan.dg.eigenvalues`. */
  id: string;
  /** A one-line title for cards and listings. */
  title: string;
  /** Where the exercise comes from: '001 §6, Steps 6.1'. */
  source: string;
  /** Optional typed parameters with defaults. */
  params?: S;
  /** Computes the reference answer with the library (a pasted constant only where a source states it). */
  reference: (params: ParamValues<S>) => A;
  /** How answers are compared with the reference (a comparator from `compare`). */
  compare: Comparator<A>;
  /** Hints, shown one more per failed attempt. Never the answer. */
  hints?: string[];
  /** Points in the grader (default 1). */
  points?: number;
  /** The notebook that poses it, relative to notebooks/ (informational). */
  notebook?: string;
  /**
   * Library functions a solution must not call (e.g. `['core.logSumExp']`, or a bare name): the grader reports a
   * submission that calls one (in a cell, beyond the calls the master's own non-solution cells make) as "looked up".
   */
  forbid?: string[];
}

/** A registered exercise. */
export interface Exercise<A = unknown> {
  readonly id: string;
  readonly topic: string;
  readonly title: string;
  readonly source: string;
  readonly params: Readonly<ParamSpecs>;
  readonly compare: Comparator<A>;
  readonly hints: readonly string[];
  readonly points: number;
  readonly notebook?: string;
  /** Library functions a solution must not call (see ExerciseSpec.forbid). */
  readonly forbid?: readonly string[];
  /** The reference answer for `params` (defaults filled in, values validated). Cached per parameter set. */
  reference(params?: Params): A;
}

const ID_RE = /^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$/;

// One registry per process, even if two copies of this module are loaded (src via tsx and dist via require).
const REGISTRY_KEY = Symbol.for('dgmlab.exercises.registry');
const registry: Map<string, Exercise> = ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] ??= new Map<string, Exercise>()) as Map<string, Exercise>;

function checkParamSpecs(id: string, params: ParamSpecs): void {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new TypeError(`registerExercise(${id}): params must be an object of name → { default, … } (got ${describe(params)})`);
  }
  for (const [name, spec] of Object.entries(params)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new RangeError(`registerExercise(${id}): parameter name must be an identifier (got ${describe(name)})`);
    if (!spec || typeof spec !== 'object' || !['number', 'string', 'boolean'].includes(typeof spec.default)) {
      throw new TypeError(`registerExercise(${id}): params.${name}.default must be a number, string or boolean (got ${describe(spec?.default)})`);
    }
    const err = paramError(name, spec, spec.default);
    if (err) throw new RangeError(`registerExercise(${id}): the default of params.${name} is invalid: ${err}`);
  }
}

/** Why `value` is not valid for `spec`, or null. */
function paramError(name: string, spec: ParamSpec, value: unknown): string | null {
  const type = typeof spec.default;
  if (typeof value !== type) return `${name} must be a ${type} (got ${describe(value)})`;
  if (type === 'number') {
    const v = value as number;
    if (!Number.isFinite(v)) return `${name} must be a finite number (got ${describe(v)})`;
    if (spec.integer && !Number.isInteger(v)) return `${name} must be an integer (got ${describe(v)})`;
    if (spec.min !== undefined && v < spec.min) return `${name} must be >= ${spec.min} (got ${describe(v)})`;
    if (spec.max !== undefined && v > spec.max) return `${name} must be <= ${spec.max} (got ${describe(v)})`;
  }
  if (spec.options && !spec.options.includes(value as ParamValue)) return `${name} must be one of ${spec.options.map((o) => describe(o)).join(', ')} (got ${describe(value)})`;
  return null;
}

/**
 * Register an exercise (at module load of its topic). Throws a TypeError/RangeError for a malformed declaration or a
 * duplicate id. Returns the registered exercise.
 */
export function registerExercise<S extends ParamSpecs = Record<string, never>, A = unknown>(spec: ExerciseSpec<S, A>): Exercise<A> {
  if (!spec || typeof spec !== 'object') throw new TypeError(`registerExercise: spec must be an object (got ${describe(spec)})`);
  const { id } = spec;
  if (typeof id !== 'string' || !ID_RE.test(id)) {
    throw new RangeError(`registerExercise: id must look like '<topic>.<name>' (lowercase, digits, '-', '_'; e.g. 'gan.dg.eigenvalues') (got ${describe(id)})`);
  }
  const existing = registry.get(id);
  if (existing) {
    // A second copy of the same module (src/ through tsx and dist/ through 'dgmlab' in one process) registers the same
    // exercise again: keep the first. Anything else with the same id is a mistake.
    if (existing.title === spec.title && existing.source === spec.source) return existing as Exercise<A>;
    throw new RangeError(`registerExercise: an exercise with id ${describe(id)} is already registered (${describe(existing.title)})`);
  }
  for (const k of ['title', 'source'] as const) {
    if (typeof spec[k] !== 'string' || spec[k].trim() === '') throw new TypeError(`registerExercise(${id}): ${k} must be a non-empty string (got ${describe(spec[k])})`);
  }
  if (typeof spec.reference !== 'function') throw new TypeError(`registerExercise(${id}): reference must be a function (params) => answer (got ${describe(spec.reference)})`);
  const cmp = spec.compare;
  if (!cmp || typeof cmp.compare !== 'function' || typeof cmp.kind !== 'string') {
    throw new TypeError(`registerExercise(${id}): compare must be a comparator from exercises.compare (got ${describe(cmp)})`);
  }
  const params = (spec.params ?? {}) as ParamSpecs;
  checkParamSpecs(id, params);
  const hints = spec.hints ?? [];
  if (!Array.isArray(hints) || hints.some((h) => typeof h !== 'string')) throw new TypeError(`registerExercise(${id}): hints must be an array of strings (got ${describe(hints)})`);
  const points = spec.points ?? 1;
  if (typeof points !== 'number' || !(points > 0) || !Number.isFinite(points)) throw new RangeError(`registerExercise(${id}): points must be a number > 0 (got ${describe(points)})`);

  const forbid = spec.forbid ?? [];
  if (!Array.isArray(forbid) || forbid.some((f) => typeof f !== 'string' || !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(f))) {
    throw new TypeError(`registerExercise(${id}): forbid must be an array of function names such as 'core.logSumExp' (got ${describe(forbid)})`);
  }

  const cache = new Map<string, A>();
  const ex: Exercise<A> = Object.freeze({
    id,
    topic: id.split('.')[0],
    title: spec.title,
    source: spec.source,
    params: Object.freeze({ ...params }),
    compare: cmp,
    hints: Object.freeze([...hints]),
    points,
    notebook: spec.notebook,
    forbid: Object.freeze([...forbid]),
    reference(p?: Params): A {
      noteReferenceUse(id); // a lookup of the answer key when not verifying an answer (grading trace)
      const full = resolveParams(ex, p);
      const key = JSON.stringify(Object.keys(full).sort().map((k) => [k, full[k]]));
      if (!cache.has(key)) cache.set(key, spec.reference(full as ParamValues<S>));
      return cache.get(key) as A;
    },
  });
  registry.set(id, ex as Exercise);
  return ex;
}

/** Remove an exercise (for tests that register temporary exercises). Returns whether it existed. */
export function unregisterExercise(id: string): boolean {
  return registry.delete(id);
}

/** Edit distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

/** The error for an unknown id (with the closest known ids). */
export function unknownExerciseMessage(id: unknown): string {
  const ids = [...registry.keys()];
  const near = typeof id === 'string' ? ids.map((k) => [k, distance(k, id)] as const).filter(([, d]) => d <= Math.max(3, Math.floor(String(id).length / 4))).sort((a, b) => a[1] - b[1]).slice(0, 3).map(([k]) => k) : [];
  return `unknown exercise id ${describe(id)}${near.length ? ` — did you mean ${near.map((k) => `'${k}'`).join(' or ')}?` : ''} (${ids.length} exercises are registered; list them with \`npx dgmlab exercises\`)`;
}

/** True if an exercise with this id is registered. */
export function hasExercise(id: string): boolean {
  return registry.has(id);
}

/** The exercise with this id; a RangeError naming the id (and close matches) if there is none. */
export function getExercise(id: string): Exercise {
  const ex = typeof id === 'string' ? registry.get(id) : undefined;
  if (!ex) throw new RangeError(`getExercise: ${unknownExerciseMessage(id)}`);
  return ex;
}

/** Registered exercises sorted by id, optionally of one topic (the part of the id before the first dot). */
export function listExercises(opts: { topic?: string } = {}): Exercise[] {
  return [...registry.values()].filter((e) => !opts.topic || e.topic === opts.topic).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Defaults filled in, every value validated; unknown names and bad values throw a RangeError naming them. */
export function resolveParams(ex: Exercise, params?: Params | null): Params {
  if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params))) {
    throw new TypeError(`${ex.id}: params must be an object such as { alpha: 0.1 } (got ${describe(params)})`);
  }
  const out: Params = {};
  const given = params ?? {};
  const names = Object.keys(ex.params);
  for (const k of Object.keys(given)) {
    if (!names.includes(k)) {
      throw new RangeError(`${ex.id}: unknown parameter ${describe(k)} (${names.length ? `parameters: ${names.join(', ')}` : 'this exercise has no parameters'})`);
    }
  }
  for (const [k, spec] of Object.entries(ex.params)) {
    const v = k in given && given[k] !== undefined ? given[k] : spec.default;
    const err = paramError(k, spec, v);
    if (err) throw new RangeError(`${ex.id}: ${err}`);
    out[k] = v;
  }
  return out;
}

/** The reference answer of exercise `id` for `params`. Throws for an unknown id or bad params. */
export function referenceAnswer(id: string, params?: Params): unknown {
  return getExercise(id).reference(params);
}

/** A verdict with the grading status. */
export interface Verification extends Verdict {
  /** passed · wrong (incl. malformed answers) · not-answered · error (unknown id, bad params, the reference failed). */
  status: 'passed' | 'wrong' | 'not-answered' | 'error';
  /** The parameters used (defaults filled in), when they were valid. */
  params?: Params;
}

/**
 * Verify an answer without displaying anything: the logic shared by `check` (in the notebook) and the grader (in its
 * own process). Never throws. The answer is normalised (encoded as JSON and decoded) first, so both see the same value.
 */
export function verify(id: string, answer: unknown, params?: Params | null): Verification {
  if (typeof id !== 'string' || !registry.has(id)) return { passed: false, status: 'error', feedback: `This check cannot run: ${unknownExerciseMessage(id)}.` };
  const ex = registry.get(id) as Exercise;
  let full: Params;
  try {
    full = resolveParams(ex, params);
  } catch (e) {
    return { passed: false, status: 'error', feedback: `This check cannot run: ${(e as Error).message}.` };
  }
  const a = normalizeAnswer(answer);
  if (isNotAnswered(a)) return { passed: false, status: 'not-answered', notAnswered: true, feedback: 'Not answered yet: replace NOT_ANSWERED with your answer.', params: full };
  let expected: unknown;
  try {
    expected = whileVerifying(() => ex.reference(full));
  } catch (e) {
    return { passed: false, status: 'error', feedback: `The reference answer could not be computed (${(e as Error).message}). Tell your lecturer.`, params: full };
  }
  let v: Verdict;
  try {
    v = ex.compare.compare(a, expected);
  } catch (e) {
    v = { passed: false, malformed: true, feedback: `Your answer could not be compared (${(e as Error).message}). Expected ${ex.compare.expects}.` };
  }
  return { ...v, status: v.passed ? 'passed' : v.notAnswered ? 'not-answered' : 'wrong', params: full };
}
