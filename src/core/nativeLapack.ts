/**
 * LAPACK through the optional native addon (native/, OpenBLAS): `dgesv` for `core.solve` on large float64 systems.
 * Loaded lazily on the first large solve, self-checked on a known 3×3 system (a broken build must not give wrong
 * numbers), and off when the addon is missing or `DGMLAB_FASTPATH=0`: then the pure-JS LU runs, with the same tests.
 */
import * as path from 'path';

interface NativeLapack {
  dgesv(a: Float64Array, b: Float64Array, n: number): number;
}

/** Systems at least this large go to LAPACK (below it the call overhead outweighs the gain). */
export const NATIVE_SOLVE_MIN_SIZE = 48;

let lapack: NativeLapack | null | undefined;
let why = '';

/** The addon's dgesv, or null (with the reason in `nativeLapackStatus()`). */
export function nativeLapack(): NativeLapack | null {
  if (lapack !== undefined) return lapack;
  lapack = null;
  if (process.env.DGMLAB_FASTPATH === '0') {
    why = 'off (DGMLAB_FASTPATH=0)';
    return lapack;
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, '..', '..', 'native', 'build', 'dgmlab_blas.node')) as Partial<NativeLapack>;
    if (typeof mod.dgesv !== 'function') throw new Error('the addon was built without dgesv (rebuild: node native/build.js)');
    // [[4,1,0],[1,3,1],[0,1,2]] x = [5,5,3] has x = [1,1,1]; row-major input, so a transposition slip shows too.
    const a = new Float64Array([4, 1, 0, 1, 3, 1, 0, 1, 2]);
    const u = new Float64Array([4, 1, 2, 0, 3, 1, 0, 0, 2]); // non-symmetric: Ux = [7, 4, 2]
    const b = new Float64Array([5, 5, 3]);
    const c = new Float64Array([7, 4, 2]);
    if (mod.dgesv(a, b, 3) !== 0 || mod.dgesv(u, c, 3) !== 0) throw new Error('self-check: dgesv reported a singular matrix');
    const ok = [...b, ...c].every((v) => Math.abs(v - 1) < 1e-12);
    if (!ok) throw new Error(`self-check failed (${Array.from(b).join()} / ${Array.from(c).join()})`);
    lapack = mod as NativeLapack;
    why = 'LAPACK dgesv (OpenBLAS)';
  } catch (e) {
    why = `pure JS (${(e as Error).message.split('\n')[0]})`;
  }
  return lapack;
}

/** Which solver `core.solve` uses for large systems, and why. */
export function nativeLapackStatus(): string {
  nativeLapack();
  return why;
}
