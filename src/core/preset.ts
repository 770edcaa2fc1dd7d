/**
 * Presets for long-running cells (notebook convention): `fast` for tests and CI (seconds), `full` for class
 * (the source's settings or as close as a laptop allows). Chosen by the environment variable `DGMLAB_PRESET`;
 * the default is `full`.
 */
import { describe } from './validate';

export type PresetName = 'fast' | 'full';

/** The preset in force, read from DGMLAB_PRESET (default `full`); an unknown value is an error, not a silent default. */
export function preset(): PresetName {
  const v = process.env.DGMLAB_PRESET;
  if (v === undefined || v === '') return 'full';
  if (v === 'fast' || v === 'full') return v;
  throw new RangeError(`preset: DGMLAB_PRESET must be "fast" or "full" (got ${describe(v)})`);
}

/** Pick the value for the preset in force: `byPreset({ fast: 200, full: 20000 })`. */
export function byPreset<T>(values: { fast: T; full: T }): T {
  if (!values || typeof values !== 'object' || !('fast' in values) || !('full' in values)) {
    throw new TypeError(`byPreset: values must have both "fast" and "full" (got ${describe(values)})`);
  }
  return values[preset()];
}
