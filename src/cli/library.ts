/** Loading the whole library, so that every topic's exercises and errata are registered (module load registers them). */

/** The library's top-level namespaces (`import * as dgmlab from 'dgmlab'`). */
export type Library = typeof import('../index');

/** Load (once) and return the whole library. */
export function loadLibrary(): Library {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../index') as Library;
}
