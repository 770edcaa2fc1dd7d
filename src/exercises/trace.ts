/**
 * The runtime half of "answers never looked up from the answer key" (issue #24 point 2). In a grading kernel the
 * kernel installs a sink (kernel-setup/kernel/trace.js) at `globalThis[Symbol.for('dgmlab.grading.trace')]`; every
 * call into an exercise's reference path that does NOT come from the verification of an answer (`check` → `verify`)
 * is reported to it as `{ event: 'lookup', id }`. The grader scores those exercises as "looked up" (0 points).
 * Outside a grading kernel there is no sink and nothing happens.
 *
 * The verification depth is private to this module, and the function that raises it is handed out once, to the
 * registry when it loads (`claimVerifyScope`): submission code cannot mark its own lookups as verifications.
 * (Limits, stated in the README: code that deliberately re-implements or obfuscates the reference is not traced.)
 */

const TRACE_KEY = Symbol.for('dgmlab.grading.trace');

let depth = 0;
let claimed = false;

/** Run `fn` as part of verifying an answer: reference calls inside it are not lookups. */
function whileVerifying<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    depth--;
  }
}

/** The verification scope, for the registry (at its load); any later claim throws. */
export function claimVerifyScope(): <T>(fn: () => T) => T {
  if (claimed) throw new Error('claimVerifyScope: the verification scope belongs to the exercise registry');
  claimed = true;
  return whileVerifying;
}

/** Called on every use of exercise `id`'s reference answer: a lookup unless an answer is being verified. */
export function noteReferenceUse(id: string): void {
  const sink = (globalThis as Record<symbol, unknown>)[TRACE_KEY];
  if (typeof sink !== 'function' || depth > 0) return;
  (sink as (r: object) => void)({ event: 'lookup', id: String(id) });
}
