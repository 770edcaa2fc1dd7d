/**
 * The optional native generator addon `native/build/dgmlab_rng.node` ([PERF-2]; native/dgmlab_rng.c, built at
 * `npm install` by native/build.js, no library needed): the MT19937 block twist and the bulk ziggurat draws of
 * `core.rng` in C, on the generator's own state, and two loops of the IWAE bound (src/iwae). It is loaded on the first
 * block twist of any generator, after a self-check (`Rng.selfCheckNative`) that it gives bit for bit what the
 * JavaScript code gives; where it is absent, fails the check, or `DGMLAB_FASTPATH=0` is set, the JavaScript code runs —
 * the same numbers either way.
 */
import * as path from 'path';
import { ZIGGURAT_F, ZIGGURAT_K, ZIGGURAT_W } from './ziggurat';

/** The addon's interface (native/dgmlab_rng.c). */
export interface NativeRng {
  /** Copy the ziggurat's tables (k, w, f) into the addon. */
  tables(k: Float64Array, w: Float64Array, f: Float64Array): void;
  /** Twist state[0..624) and temper it into state[624..1248). */
  refill(state: Int32Array): void;
  /**
   * Ziggurat draws into dest[offset…] until one whose decision JavaScript must take (then bail = [layer, u, x, U]);
   * returns written·1024 + the new word position.
   */
  fillNormal(state: Int32Array, pos: number, dest: Float64Array, offset: number, count: number, mu: number, sigma: number, bail: Float64Array): number;
  /** The linear-Gaussian IWAE log-weights (src/iwae/linearGaussian.ts): the JavaScript's operations, the same bits. */
  lgLogWeights(noise: Float64Array, K: number, k: number, d: number, mu: Float64Array, Lf: Float64Array, W: Float64Array,
    xb: Float64Array, consts: Float64Array, out: Float64Array): void;
  /**
   * out[0] = max x_j (NaN if some x_j is NaN or +∞), out[1] = Σ exp(x_j − max) with the C library's exp (agrees with
   * Math.exp's sum to a few ulps, not bit for bit).
   */
  logSumExpParts(x: Float64Array, n: number, out: Float64Array): void;
}

/** Where the addon is looked for: native/build/ at the package root (src/core and dist/core are two levels down). */
export const NATIVE_RNG_PATH = path.join(__dirname, '..', '..', 'native', 'build', 'dgmlab_rng.node');

let loaded: NativeRng | null | undefined;
let enabled = process.env.DGMLAB_FASTPATH !== '0';
/** What loading gave (when enabled). */
let loadStatus = 'not loaded yet';

/**
 * The addon if it is built, enabled and passed `check` (run once, on the first call), else null.
 * `check` returns '' when the addon agrees with JavaScript, or what differed.
 */
export function nativeRng(check: (mod: NativeRng) => string): NativeRng | null {
  if (!enabled) return null;
  if (loaded !== undefined) return loaded;
  loaded = null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(NATIVE_RNG_PATH) as NativeRng;
    mod.tables(ZIGGURAT_K, ZIGGURAT_W, ZIGGURAT_F);
    const why = check(mod);
    if (why) loadStatus = `off: self-check failed (${why})`;
    else {
      loaded = mod;
      loadStatus = 'on (native/build/dgmlab_rng.node)';
    }
  } catch (e) {
    loadStatus = `off: ${(e as Error).message.split('\n')[0]}`;
  }
  return loaded;
}

/** Whether the native generator is used, and if not why. */
export function nativeRngStatus(): string {
  if (enabled) return loadStatus;
  return process.env.DGMLAB_FASTPATH === '0' ? 'off (DGMLAB_FASTPATH=0)' : 'off (useNativeRng(false))';
}

/** Turn the native generator off (false) or back on (true, if it loads): for tests comparing the two paths. */
export function useNativeRng(on: boolean): void {
  enabled = on;
}
