/**
 * Small binary data sets for RBM experiments. Bars and stripes (MacKay 2003, "Information Theory, Inference, and Learning
 * Algorithms", §43; used for RBMs by the 003 inventory's NB07 plan): on a k × k grid, every image whose rows are each all
 * on or all off (stripes) or whose columns are (bars) — 2^{k+1} − 2 distinct images (3 × 3: 14 of the 512 states).
 */
import { assertInteger } from '../core/validate';

/** The distinct bars-and-stripes images on a k × k grid (row-major, 2 ≤ k ≤ 5), stripes first. */
export function barsAndStripes(k: number): number[][] {
  assertInteger('barsAndStripes', 'k', k, 2, 5);
  const seen = new Set<string>();
  const out: number[][] = [];
  for (const kind of ['rows', 'cols'] as const) {
    for (let mask = 0; mask < 1 << k; mask++) {
      const img = Array.from({ length: k * k }, (_, p) => {
        const r = Math.floor(p / k);
        const c = p % k;
        return (mask >> (kind === 'rows' ? r : c)) & 1;
      });
      const key = img.join('');
      if (!seen.has(key)) {
        seen.add(key);
        out.push(img);
      }
    }
  }
  return out;
}
