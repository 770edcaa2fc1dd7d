/**
 * Shortcuts for the common shapes of exercise specs, so a topic's `exercises.ts` states only what differs between its
 * exercises (id, title, source, parameters, reference, hints):
 *
 *   const nb = exerciseGroup({ notebook: 'sta4124/03-kl-divergence.ipynb' });
 *   nb.number({ id: 'vi.kl.gauss', title: 'KL(N(0,1) ‖ N(1,2))', source: '002 §3.2, Eq. (3.5)',
 *               reference: () => klGauss(0, 1, 1, 2), tolerance: { rel: 5e-4 } });
 *   nb.choice({ id: 'vi.kl.direction', …, options: [{ key: 'a', text: '…' }, …], reference: () => 'a' });
 *
 *   nb.byHand({ id: 'vi.kl.by-hand', …, reference: () => klGauss(0, 1, 1, 2), sigFigs: 4 });   // "to 4 significant figures"
 *
 * Each shortcut is `registerExercise` with the group's notebook filled in and the comparator built from the shape
 * (a number within a tolerance, a by-hand number to n significant figures, a vector, a matrix, a set, a yes/no, a
 * choice). As with `registerExercise`, a second load of the same module (src/ and dist/ in one process) returns the
 * exercise already registered, and another exercise with a registered id is a RangeError.
 */
import * as compare from './compare';
import type { Comparator, Tolerance, VectorOptions } from './compare';
import { registerExercise, type Exercise, type ExerciseSpec, type ParamSpecs } from './registry';
import { describe } from '../core/validate';

/** A spec without `compare` and `notebook` (the group and the shape supply them). */
export type ShapedSpec<S extends ParamSpecs, A> = Omit<ExerciseSpec<S, A>, 'compare' | 'notebook'>;

/** The registrar of one notebook's exercises. */
export interface ExerciseGroup {
  /** Any comparator (the general form). */
  register<S extends ParamSpecs = Record<string, never>, A = unknown>(spec: Omit<ExerciseSpec<S, A>, 'notebook'>): Exercise<A>;
  /** A real number, within `tolerance` (by-hand answers: a relative tolerance matching the precision the text asks for). */
  number<S extends ParamSpecs = Record<string, never>>(spec: ShapedSpec<S, number> & { tolerance: Tolerance }): Exercise<number>;
  /** A number worked out by hand, asked to `sigFigs` significant figures (`compare.sigFigs`; say so in the title). */
  byHand<S extends ParamSpecs = Record<string, never>>(spec: ShapedSpec<S, number> & { sigFigs: number }): Exercise<number>;
  /** A vector of real numbers, entry by entry. */
  vector<S extends ParamSpecs = Record<string, never>>(spec: ShapedSpec<S, ArrayLike<number>> & { tolerance: VectorOptions }): Exercise<ArrayLike<number>>;
  /** A matrix of real numbers, entry by entry. */
  matrix<S extends ParamSpecs = Record<string, never>>(spec: ShapedSpec<S, ArrayLike<ArrayLike<number>>> & { tolerance: Tolerance }): Exercise<ArrayLike<ArrayLike<number>>>;
  /** A set of numbers or strings (order does not matter). */
  set<S extends ParamSpecs = Record<string, never>>(spec: ShapedSpec<S, ReadonlyArray<number | string>>): Exercise<ReadonlyArray<number | string>>;
  /** Yes or no (`true`/`false`). */
  boolean<S extends ParamSpecs = Record<string, never>>(spec: ShapedSpec<S, boolean>): Exercise<boolean>;
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
    registerExercise<S, A>({ ...spec, compare: cmp, notebook });
  return {
    register: (spec) => registerExercise({ ...spec, notebook }),
    number: ({ tolerance, ...spec }) => shaped(spec, compare.number(tolerance)),
    byHand: ({ sigFigs, ...spec }) => shaped(spec, compare.sigFigs(sigFigs)),
    vector: ({ tolerance, ...spec }) => shaped(spec, compare.vector(tolerance)),
    matrix: ({ tolerance, ...spec }) => shaped(spec, compare.matrix(tolerance)),
    set: (spec) => shaped(spec, compare.set()),
    boolean: (spec) => shaped(spec, compare.boolean()),
    choice: ({ options, ...spec }) => shaped(spec, compare.choice(options)),
  };
}
