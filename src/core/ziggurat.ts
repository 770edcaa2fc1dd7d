/**
 * Tables of the ziggurat method for the standard normal (Marsaglia & Tsang 2000, "The ziggurat method for generating
 * random variables", J. Stat. Softw. 5(8)), in the 256-layer, 52-bit form NumPy's `Generator.standard_normal` uses
 * ([PERF-2]). The region under f(x) = exp(−x²/2), x ≥ 0, is covered by 255 horizontal rectangles and a base strip
 * (the rectangle below f(r) plus the tail x > r), all of the same area
 *
 *   v = r·f(r) + ∫_r^∞ f(x) dx = r·f(r) + √(π/2)·erfc(r/√2),   r = 3.6541528853610088.
 *
 * Layer i (1 ≤ i ≤ 255) spans 0 ≤ x ≤ x_i with x_255 = r and x_{i−1} = f⁻¹(v/x_i + f(x_i)) (so x_1 is the top layer);
 * the base strip has the width q = v/f(r). A draw takes a 52-bit integer u and a layer i:
 *   x = u·w_i with w_i = x_i/2⁵² (w_0 = q/2⁵²), accepted at once when u < k_i = ⌊2⁵²·x_{i−1}/x_i⌋ (k_0 = ⌊2⁵²·r/q⌋,
 *   k_1 = 0), i.e. when x lies inside the layer's part that is wholly under the curve; otherwise layer 0 samples the
 *   tail (Marsaglia 1964) and the other layers accept x with probability (f(x) − f_i)/(f_{i−1} − f_i).
 *
 * The tables are computed here in float64 from r (a few microseconds at load). They agree with NumPy's compiled tables
 * to about 1e-13 relative, so `rng(seed).normals(n)` and NumPy's `Generator(MT19937)` (seeded as `RandomState(seed)`
 * seeds it) give the same normals to about 12 significant digits (`tests/core/ziggurat.test.ts`).
 */
import { erfc } from './special';

/** The start of the tail, r. */
export const ZIGGURAT_R = 3.6541528853610088;
/** 1/r. */
export const ZIGGURAT_INV_R = 1 / ZIGGURAT_R;
/** f(x) = exp(−x²/2): the unnormalised standard normal density. */
const f = (x: number): number => Math.exp(-0.5 * x * x);
/** Area of each of the 256 parts, v = r·f(r) + √(π/2)·erfc(r/√2). */
export const ZIGGURAT_V = ZIGGURAT_R * f(ZIGGURAT_R) + Math.sqrt(Math.PI / 2) * erfc(ZIGGURAT_R / Math.SQRT2);

/** k_i: accept thresholds for the 52-bit integer (exact integers below 2⁵², stored as doubles). */
export const ZIGGURAT_K = new Float64Array(256);
/** w_i: scale from the 52-bit integer to x. */
export const ZIGGURAT_W = new Float64Array(256);
/** f_i = f(x_i) (f_0 = 1). */
export const ZIGGURAT_F = new Float64Array(256);

(function buildTables(): void {
  const m = 2 ** 52;
  const r = ZIGGURAT_R;
  const v = ZIGGURAT_V;
  let xi = r;
  let prev = r;
  const q = v / f(r);
  ZIGGURAT_K[0] = Math.floor((r / q) * m);
  ZIGGURAT_K[1] = 0;
  ZIGGURAT_W[0] = q / m;
  ZIGGURAT_W[255] = r / m;
  ZIGGURAT_F[0] = 1;
  ZIGGURAT_F[255] = f(r);
  for (let i = 254; i >= 1; i--) {
    xi = Math.sqrt(-2 * Math.log(v / xi + f(xi)));
    ZIGGURAT_K[i + 1] = Math.floor((xi / prev) * m);
    prev = xi;
    ZIGGURAT_F[i] = f(xi);
    ZIGGURAT_W[i] = xi / m;
  }
})();
