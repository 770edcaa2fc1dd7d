/**
 * MCMC diagnostics (EXTENSION: the sources give none). Autocorrelation, the integrated autocorrelation time with Sokal's
 * automatic window (A. Sokal 1989, "Monte Carlo methods in statistical mechanics", §3; as in emcee, Foreman-Mackey et al.
 * 2013), the effective sample size n/τ, the Monte Carlo standard error, and split R̂ over several chains (Gelman et al.,
 * Bayesian Data Analysis, 3rd ed. 2013, §11.4).
 */
import { assertInteger, assertPositive, assertVector, describe } from '../core/validate';

function centred(fn: string, x: ArrayLike<number>): { c: Float64Array; var0: number } {
  assertVector(fn, 'x', x);
  if (x.length < 2) throw new RangeError(`${fn}: x must have at least 2 values (got ${x.length})`);
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  const c = Float64Array.from(x, (v) => v - m);
  let v0 = 0;
  for (let i = 0; i < n; i++) v0 += c[i] * c[i];
  return { c, var0: v0 / n };
}

/**
 * Sample autocorrelation ρ̂_t = γ̂_t/γ̂_0 for t = 0..maxLag, with γ̂_t = (1/n) Σ_{i<n−t} (x_i − x̄)(x_{i+t} − x̄)
 * (the biased, positive-definite estimator). A constant chain has ρ̂ ≡ 1 by convention (it never moves).
 */
export function autocorrelation(x: ArrayLike<number>, maxLag = Math.min(100, x.length - 1)): Float64Array {
  const fn = 'autocorrelation';
  const { c, var0 } = centred(fn, x);
  const n = c.length;
  assertInteger(fn, 'maxLag', maxLag, 0, n - 1);
  const out = new Float64Array(maxLag + 1);
  if (var0 === 0) return out.fill(1);
  for (let t = 0; t <= maxLag; t++) {
    let s = 0;
    for (let i = 0; i + t < n; i++) s += c[i] * c[i + t];
    out[t] = s / n / var0;
  }
  return out;
}

/**
 * Integrated autocorrelation time τ = 1 + 2 Σ_{t≥1} ρ_t, estimated with Sokal's window: the smallest M with M ≥ c·τ̂(M)
 * (default c = 5). For an AR(1) chain with coefficient φ, τ = (1 + φ)/(1 − φ). Returns Infinity for a constant chain.
 */
export function integratedAutocorrTime(x: ArrayLike<number>, opts: { c?: number; maxLag?: number } = {}): number {
  const fn = 'integratedAutocorrTime';
  assertVector(fn, 'x', x);
  const c = opts.c ?? 5;
  assertPositive(fn, 'c', c);
  const maxLag = opts.maxLag ?? Math.min(x.length - 1, Math.max(10, Math.floor(x.length / 5)));
  assertInteger(fn, 'maxLag', maxLag, 1, x.length - 1);
  const { c: xc, var0 } = centred(fn, x);
  if (var0 === 0) return Infinity;
  const n = xc.length;
  let tau = 1;
  // lag by lag, stopping as soon as the window closes (O(n·M) for the window M actually used)
  for (let M = 1; M <= maxLag; M++) {
    let sAc = 0;
    for (let i = 0; i + M < n; i++) sAc += xc[i] * xc[i + M];
    tau += (2 * sAc) / n / var0;
    if (M >= c * tau) return tau;
  }
  return tau; // the window did not close: τ is underestimated; run a longer chain
}

/** Effective sample size n/τ (at least 0; n for independent draws). */
export function effectiveSampleSize(x: ArrayLike<number>, opts: { c?: number; maxLag?: number } = {}): number {
  const tau = integratedAutocorrTime(x, opts);
  return tau === Infinity ? 0 : x.length / Math.max(tau, 1e-12);
}

/** Monte Carlo standard error of the chain mean: √(s²·τ/n). */
export function mcse(x: ArrayLike<number>): number {
  const { var0 } = centred('mcse', x);
  const tau = integratedAutocorrTime(x);
  if (tau === Infinity) return 0;
  return Math.sqrt((var0 * tau) / x.length);
}

/**
 * Split R̂ (Gelman et al. 2013, §11.4): each of m chains of length n is cut into halves; with W the mean within-half
 * variance and B/n the variance of the half means, R̂ = √(((n'−1)/n' · W + B/n') / W), n' = n/2. Close to 1 when the
 * chains have mixed; > 1.01–1.1 signals non-convergence.
 */
export function splitRhat(chains: ArrayLike<number>[]): number {
  const fn = 'splitRhat';
  if (!Array.isArray(chains) || chains.length === 0) throw new TypeError(`${fn}: chains must be a non-empty array of chains (got ${describe(chains)})`);
  chains.forEach((c, i) => assertVector(fn, `chains[${i}]`, c));
  const n = chains[0].length;
  chains.forEach((c, i) => {
    if (c.length !== n) throw new RangeError(`${fn}: every chain must have the same length (chains[0] has ${n}, chains[${i}] has ${c.length})`);
  });
  if (n < 4) throw new RangeError(`${fn}: chains must have at least 4 draws each (got ${n})`);
  const half = Math.floor(n / 2);
  const parts: Float64Array[] = [];
  for (const c of chains) {
    parts.push(Float64Array.from({ length: half }, (_, i) => c[i]));
    parts.push(Float64Array.from({ length: half }, (_, i) => c[n - half + i]));
  }
  const means = parts.map((p) => p.reduce((a, b) => a + b, 0) / half);
  const vars = parts.map((p, k) => p.reduce((a, b) => a + (b - means[k]) ** 2, 0) / (half - 1));
  const W = vars.reduce((a, b) => a + b, 0) / parts.length;
  const gm = means.reduce((a, b) => a + b, 0) / means.length;
  const B = (half * means.reduce((a, b) => a + (b - gm) ** 2, 0)) / (means.length - 1);
  if (W === 0) return B === 0 ? 1 : Infinity;
  const varPlus = ((half - 1) / half) * W + B / half;
  return Math.sqrt(varPlus / W);
}
