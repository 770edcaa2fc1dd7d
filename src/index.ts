/**
 * dgmlab — derivation-faithful deep-generative-model mathematics.
 * Each topic is re-exported as a namespace: `import { core } from 'dgmlab'`.
 */
export * as core from './core';
export const version: string = require('../package.json').version;
