/**
 * exercises: the exercise registry, `check()` for notebooks, comparators, and the answer encoding the grader re-verifies.
 *
 * In a notebook:   import { exercises } from 'dgmlab';   exercises.check('core.logsumexp', value);
 * In a topic:      import { exerciseGroup } from '../exercises';   one group per notebook (see shapes.ts; registry.ts underneath)
 */
export * as compare from './compare';
export type { Comparator, Verdict, Tolerance, VectorOptions, ExpressionOptions } from './compare';
export { isClose } from './compare';
export {
  registerExercise,
  unregisterExercise,
  getExercise,
  hasExercise,
  listExercises,
  resolveParams,
  referenceAnswer,
  verify,
  unknownExerciseMessage,
} from './registry';
export type { Exercise, ExerciseSpec, ParamSpec, ParamSpecs, ParamValue, ParamValues, Params, Verification } from './registry';
export { NOT_ANSWERED, isNotAnswered, encodeAnswer, decodeAnswer, normalizeAnswer, NOT_ANSWERED_JSON } from './answer';
export { check, CHECK_MIME, renderCard, resetHints } from './check';
export type { CheckRecord } from './check';
import './demo';
export { exerciseGroup } from './shapes';
export type { ExerciseGroup, ShapedSpec } from './shapes';
