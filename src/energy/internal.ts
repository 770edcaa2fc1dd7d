/**
 * Unchecked inner loops of the RBM code (not re-exported by the topic's index): pre-activations and gradient statistics.
 * Public, validated versions: `hiddenInput`, `visibleInput`, `zeroStats` in ./rbm.
 */
import type { Rbm, RbmStats } from './rbm';

/** Wv + c. */
export function preH(rbm: Rbm, v: ArrayLike<number>): Float64Array {
  const { W, c } = rbm;
  const out = new Float64Array(c.length);
  for (let j = 0; j < c.length; j++) {
    const row = W[j];
    let a = c[j];
    for (let i = 0; i < row.length; i++) if (v[i]) a += row[i] * v[i];
    out[j] = a;
  }
  return out;
}

/** Wᵀh + b. */
export function preV(rbm: Rbm, h: ArrayLike<number>): Float64Array {
  const { W, b } = rbm;
  const out = Float64Array.from(b);
  for (let j = 0; j < W.length; j++) {
    if (!h[j]) continue;
    const row = W[j];
    for (let i = 0; i < out.length; i++) out[i] += row[i] * h[j];
  }
  return out;
}

/** Zero statistics (W n×m, b m, c n). */
export function zeroRaw(m: number, n: number): RbmStats {
  return { W: Array.from({ length: n }, () => new Array<number>(m).fill(0)), b: new Array<number>(m).fill(0), c: new Array<number>(n).fill(0) };
}

/** s += weight · [σ(Wv + c)vᵀ, v, σ(Wv + c)] (the statistics of 003 L339–347). */
export function addStats(rbm: Rbm, s: RbmStats, v: ArrayLike<number>, weight: number): void {
  const p = preH(rbm, v);
  for (let j = 0; j < p.length; j++) {
    const pj = weight / (1 + Math.exp(-p[j]));
    s.c[j] += pj;
    const row = s.W[j];
    for (let i = 0; i < v.length; i++) if (v[i]) row[i] += pj * v[i];
  }
  for (let i = 0; i < v.length; i++) s.b[i] += weight * v[i];
}

/** a − b entry by entry. */
export function subStats(a: RbmStats, b: RbmStats): RbmStats {
  return { W: a.W.map((r, j) => r.map((x, i) => x - b.W[j][i])), b: a.b.map((x, i) => x - b.b[i]), c: a.c.map((x, j) => x - b.c[j]) };
}
