/**
 * dgmlab — derivation-faithful deep-generative-model mathematics.
 * Each topic is re-exported as a namespace: `import { core, display } from 'dgmlab'`.
 */
import { installLazyDependencies } from './lazy';
// Before any topic loads (issue #16 [PERF-2], kernel start-up): mathjs (about 1–2 s to load, most of `import 'dgmlab'`)
// is loaded when the library first uses it, not at import; see ./lazy.ts.
installLazyDependencies();

export * as core from './core';
export * as course from './course';
export * as display from './display';
export * as exercises from './exercises';
export * as errata from './errata';
export * as vae from './vae';
export * as iwae from './iwae';
export * as vi from './vi';
export * as sampling from './sampling';
export * as gan from './gan';
export * as info from './info';
export * as flows from './flows';
export * as mle from './mle';
export * as backprop from './backprop';
export * as counting from './counting';
export * as graphical from './graphical';
export * as data from './data';
export * as energy from './energy';
export * as autoregressive from './autoregressive';
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const version: string = require('../package.json').version;
