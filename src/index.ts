/**
 * dgmlab — derivation-faithful deep-generative-model mathematics.
 * Each topic is re-exported as a namespace: `import { core, display } from 'dgmlab'`.
 */
export * as core from './core';
export * as course from './course';
export * as display from './display';
export * as exercises from './exercises';
export * as errata from './errata';
export * as sampling from './sampling';
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const version: string = require('../package.json').version;
