import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { rng } from '../../src/core/rng';
import { erfc } from '../../src/core/special';
import { ZIGGURAT_F, ZIGGURAT_K, ZIGGURAT_R, ZIGGURAT_V, ZIGGURAT_W } from '../../src/core/ziggurat';

/**
 * [PERF-2] The normals of `core.rng` come from the ziggurat method (src/core/ziggurat.ts). Three independent checks:
 * the tables by their geometry (every layer has the same area, computed here by quadrature, not by the erfc the module
 * uses); the draws against NumPy's `Generator(MT19937)` standard_normal (Debian python3-numpy), seeded by the same
 * MT19937 seeding as RandomState; and the draws' distribution against Φ (Kolmogorov–Smirnov, χ² on bins, tail mass).
 */

/** Run a Python snippet with /usr/bin/python3 (NumPy), JSON in on stdin, JSON out on stdout. */
function python(code: string, input: unknown): any {
  const r = spawnSync('/usr/bin/python3', ['-c', code], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const f = (x: number): number => Math.exp(-0.5 * x * x);
/** ∫_a^b f by composite Simpson with n (even) panels. */
function simpson(a: number, b: number, n: number): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}
/** Standard normal CDF. */
const Phi = (x: number): number => 0.5 * erfc(-x / Math.SQRT2);

describe('core/ziggurat — the normal generator', () => {
  it('the tables: 256 parts of equal area v (the tail by Simpson quadrature), the top layer closing at f(0) = 1', () => {
    const m = 2 ** 52;
    const x = (i: number): number => ZIGGURAT_W[i] * m; // right edge of layer i (i ≥ 1)
    assert.equal(x(255), ZIGGURAT_R);
    const tail = simpson(ZIGGURAT_R, ZIGGURAT_R + 30, 200000);
    const base = ZIGGURAT_R * f(ZIGGURAT_R) + tail;
    assert.ok(Math.abs(base / ZIGGURAT_V - 1) < 1e-12, `base strip ${base} vs v ${ZIGGURAT_V}`);
    assert.ok(Math.abs(ZIGGURAT_W[0] * m * f(ZIGGURAT_R) - ZIGGURAT_V) < 1e-15, 'w₀ is v/f(r)');
    for (let i = 1; i <= 255; i++) {
      const top = i === 1 ? 1 : f(x(i - 1));
      assert.ok(Math.abs(ZIGGURAT_F[i] - f(x(i))) < 1e-16, `f_${i}`);
      const area = x(i) * (top - f(x(i)));
      assert.ok(Math.abs(area / ZIGGURAT_V - 1) < 1e-9, `layer ${i}: area ${area} vs v ${ZIGGURAT_V}`);
      if (i >= 2) {
        // k_i = ⌊2⁵² x_{i−1}/x_i⌋: u < k_i ⇔ u·w_i < x_{i−1} (the inner rectangle, wholly under the curve)
        assert.ok(ZIGGURAT_K[i] * ZIGGURAT_W[i] <= x(i - 1) && (ZIGGURAT_K[i] + 2) * ZIGGURAT_W[i] > x(i - 1), `k_${i}`);
      }
    }
    assert.equal(ZIGGURAT_K[1], 0);
    // r is the one for which the recursion closes: the top layer ends at f(0) = 1 (f(x₁) + v/x₁ = 1)
    assert.ok(Math.abs(f(x(1)) + ZIGGURAT_V / x(1) - 1) < 1e-13, `top layer: ${f(x(1)) + ZIGGURAT_V / x(1)}`);
    // the parts cover the area under the curve (and overhang it): 256 v > √(π/2)
    assert.ok(256 * ZIGGURAT_V > Math.sqrt(Math.PI / 2) && 256 * ZIGGURAT_V < 1.01 * Math.sqrt(Math.PI / 2));
  });

  it('the same normals as NumPy’s Generator(MT19937) with RandomState’s seeding, to 12 digits, 4 seeds × 200 000 draws, and the same words used', () => {
    const cases: { seed: number | number[]; words: number | number[] }[] = [
      { seed: 1, words: 1 }, { seed: 42, words: 42 }, { seed: 20261205, words: 20261205 },
      { seed: [0x123, 0x234, 0x345, 0x456], words: [0x123, 0x234, 0x345, 0x456] },
    ];
    const n = 200000;
    const ref = python(`
import sys, json, numpy as np
out = []
for c in json.load(sys.stdin)['cases']:
    bg = np.random.MT19937(0)
    bg._legacy_seeding(c['words'] if isinstance(c['words'], int) else np.array(c['words'], dtype=np.uint32))
    g = np.random.Generator(bg)
    z = g.standard_normal(${n})
    out.append({'z': z.tolist(), 'next': int(bg.random_raw(1)[0])})
print(json.dumps(out))`, { cases });
    cases.forEach((c, k) => {
      const g = rng(c.seed);
      const z = g.normals(n);
      let worst = 0;
      for (let i = 0; i < n; i++) {
        const d = Math.abs(z[i] - ref[k].z[i]) / Math.max(1, Math.abs(ref[k].z[i]));
        if (!(d <= 1e-11)) assert.fail(`seed ${c.seed}: draw ${i} is ${z[i]}, NumPy ${ref[k].z[i]}`);
        worst = Math.max(worst, d);
      }
      // random_raw gives NumPy's MT19937 next 32-bit word: the two generators used exactly as many words (the same
      // accept/reject decisions)
      assert.equal(g.uint32(), ref[k].next, `seed ${c.seed}: position after ${n} normals`);
      assert.ok(worst < 1e-11);
    });
  });

  it('distribution: KS distance to Φ, χ² over 200 equiprobable bins and the tail mass beyond r, 2·10⁶ draws', () => {
    const n = 2_000_000;
    const z = rng(7).normals(n);
    const sorted = Float64Array.from(z).sort();
    let ks = 0;
    for (let i = 0; i < n; i += 1) {
      const p = Phi(sorted[i]);
      ks = Math.max(ks, Math.abs(p - i / n), Math.abs(p - (i + 1) / n));
    }
    // P(D_n > 1.949/√n) ≈ 0.001 (Kolmogorov distribution)
    assert.ok(ks < 1.949 / Math.sqrt(n), `KS ${ks}`);
    const bins = new Float64Array(200);
    for (let i = 0; i < n; i++) bins[Math.min(199, Math.floor(Phi(z[i]) * 200))]++;
    const e = n / 200;
    const chi2 = bins.reduce((s, o) => s + ((o - e) * (o - e)) / e, 0);
    // χ²(199) upper 0.1 % point ≈ 267.6 (Wilson–Hilferty)
    assert.ok(chi2 < 267.6, `χ² ${chi2}`);
    let tail = 0;
    for (let i = 0; i < n; i++) if (Math.abs(z[i]) > ZIGGURAT_R) tail++;
    const p = 2 * (1 - Phi(ZIGGURAT_R));
    const se = Math.sqrt(n * p * (1 - p));
    assert.ok(Math.abs(tail - n * p) < 4 * se, `tail count ${tail}, expected ${n * p} ± ${se}`);
  });
});
