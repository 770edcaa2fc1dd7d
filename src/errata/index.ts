/** errata: where a source is wrong — the registry of errata with their numerical demonstrations, and the errata table. */
export * from './registry';
