/**
 * Shortcuts for the common shapes of exercise specs, so a topic's `exercises.ts` states only what differs between its
 * exercises (id, title, source, parameters, reference, hints):
 *
 *   const nb = exerciseGroup({ notebook: 'sta4124/03-kl-divergence.ipynb' });
 *   nb.number({ id: 'vi.kl.gauss', title: 'KL(N(0,1) ‖ N(1,2))', source: '002 §3.2, Eq. (3.5)',
 *               reference: () => klGauss(0, 1, 1, 2), tolerance: { rel: 5e-4 } });
 *   nb.choice({ id: 'vi.kl.direction', …, options: [{ key: 'a', text: '…' }, …], reference: () => 'a' });
 *
 * Each shortcut is `registerExercise` with the group's notebook filled in and the comparator built from the shape
 * (a number, a vector, a matrix, a set, a choice). Registration is idempotent per id within one process (the same
 * module loaded from src/ and dist/ registers once), as the topics' own `register` wrappers did before.
 */
import * as compare from './compare';
import type { Comparator, Tolerance, VectorOptions } from './compare';
import { registerExercise, hasExercise, getExercise, type Exercise, type ExerciseSpec, type ParamSpecs } from './registry';
import { describe } from '../core/validate';

/** A spec without `compare` and `notebook` (the group and the shape supply them). */
export type ShapedSpec<S extends ParamSpecs, A> = Omit<ExerciseSpec<S, A>, 'compare' | 'notebook'>;

/** Register once per process: a second load of the same module returns the exercise already registered. */
function registerOnce<S extends ParamSpecs, A>(spec: ExerciseSpec<S, A>): Exercise<A> {
  if (hasExercise(spec.id)) return getExercise(spec.id) as Exercise<A>;
  return registerExercise(spec);
}

/** The registrar of one notebook's exercises. */
export interface ExerciseGroup {
  /** Any comparator (the general form). */
  register<S extends ParamSpecs = Record<string, never>, A = unknown>(spec: Omit<ExerciseSpec<S, A>, 'notebook'>): Exercise<A>;
  /** A real number, within `tolerance` (by-hand answers: a relative tolerance matching the precision the text asks for). */
  number<S extends ParamSpecs = Record<string, never>>(spec: ShapedSpec<S, number> & { tolerance: Tolerance }): Exercise<number>;
  /** A vector of real numbers, entry by entry. */
  vector<S extends ParamSpecs = Record<string, never>>(spec: ShapedSpec<S, ArrayLike<number>> & { tolerance: VectorOptions }): Exercise<ArrayLike<number>>;
  /** A matrix of real numbers, entry by entry. */
  matrix<S extends ParamSpecs = Record<string, never>>(spec: ShapedSpec<S, ArrayLike<ArrayLike<number>>> & { tolerance: Tolerance }): Exercise<ArrayLike<ArrayLike<number>>>;
  /** A set of numbers or strings (order does not matter). */
  set<S extends ParamSpecs = Record<string, never>>(spec: ShapedSpec<S, ReadonlyArray<number | string>>): Exercise<ReadonlyArray<number | string>>;
  /** One of the listed options (the reference returns its key). */
  choice<S extends ParamSpecs = Record<string, never>>(spec: ShapedSpec<S, string> & { options: ReadonlyArray<string | { key: string; text: string }> }): Exercise<string>;
}

/** A registrar that files every exercise under `notebook` (relative to notebooks/). */
export function exerciseGroup(opts: { notebook: string }): ExerciseGroup {
  if (!opts || typeof opts.notebook !== 'string' || !/^[\w-]+\/[\w.-]+\.ipynb$/.test(opts.notebook)) {
    throw new RangeError(`exerciseGroup: opts.notebook must be a notebook path such as 'sta4124/03-kl-divergence.ipynb' (got ${describe(opts?.notebook)})`);
  }
  const notebook = opts.notebook;
  const shaped = <S extends ParamSpecs, A>(spec: ShapedSpec<S, A>, cmp: Comparator<A>): Exercise<A> =>
    registerOnce<S, A>({ ...spec, compare: cmp, notebook });
  return {
    register: (spec) => registerOnce({ ...spec, notebook }),
    number: ({ tolerance, ...spec }) => shaped(spec, compare.number(tolerance)),
    vector: ({ tolerance, ...spec }) => shaped(spec, compare.vector(tolerance)),
    matrix: ({ tolerance, ...spec }) => shaped(spec, compare.matrix(tolerance)),
    set: (spec) => shaped(spec, compare.set()),
    choice: ({ options, ...spec }) => shaped(spec, compare.choice(options)),
  };
}
