/**
 * AR(p) time series and the likelihood view of autoregressive models (source 002 §7, L1248–1278):
 *   y_t = c + w_1 y_{t−1} + … + w_p y_{t−p} + ε_t,  ε_t ~ N(0, σ²)                                     (002 §7, L1252–1256)
 *   argmin_θ KL(p_data ‖ p_θ) = argmax_θ E_{p_data}[log p_θ(x)] = argmax_θ E_{p_data}[Σ_i log p_θ(x_i | x_{<i})]   (7.1.1)–(7.1.3)
 * Stationarity from the characteristic roots (standard time-series result, e.g. Hamilton, Time Series Analysis, 1994, §1.2, §3.4);
 * and, as a labelled extension for 002 §8 ("TBU"), the receptive field of stacked dilated causal convolutions (van den Oord et al.,
 * "WaveNet: A Generative Model for Raw Audio", 2016, §2.1).
 */
import { Rng } from '../core/rng';
import { ComplexNumber, polynomialRoots, solve } from '../core/linalg';
import { assertFiniteNumber, assertInteger, assertNonNegative, assertProbabilityVector, assertVector, describe } from '../core/validate';
import { entropy, kl, crossEntropy } from '../info';

/** Simulate T values of AR(p) (002 §7, L1252–1256), starting from `init` (default zeros) and discarding `burnIn` values first. */
export function arSimulate(c: number, w: number[], sigma: number, T: number, rng: Rng, opts: { burnIn?: number; init?: number[] } = {}): number[] {
  const fn = 'arSimulate';
  assertFiniteNumber(fn, 'c', c);
  assertVector(fn, 'w', w);
  assertNonNegative(fn, 'sigma', sigma);
  assertInteger(fn, 'T', T, 1, 1e8);
  if (!(rng instanceof Rng)) throw new TypeError(`${fn}: argument rng must be an Rng (got ${describe(rng)})`);
  const p = w.length;
  const burn = opts.burnIn ?? 200;
  assertInteger(fn, 'opts.burnIn', burn, 0, 1e8);
  const hist = opts.init ? opts.init.slice() : new Array(p).fill(0);
  if (hist.length !== p) throw new RangeError(`${fn}: argument opts.init must have p = ${p} values (got ${hist.length})`);
  const out: number[] = [];
  for (let t = 0; t < burn + T; t++) {
    let y = c + sigma * rng.normal();
    for (let i = 0; i < p; i++) y += w[i] * hist[hist.length - 1 - i];
    hist.push(y);
    if (hist.length > p) hist.shift();
    if (t >= burn) out.push(y);
  }
  return out;
}

/**
 * Ordinary least squares for AR(p): regress y_t on (1, y_{t−1}, …, y_{t−p}) for t = p+1..T. With Gaussian noise this is the exact
 * MLE conditional on the first p values ((7.1.3) with Gaussian conditionals); σ̂² = mean squared residual (the MLE).
 */
export function arFitOLS(y: number[], p: number): { c: number; w: number[]; sigma2: number; residuals: number[] } {
  const fn = 'arFitOLS';
  assertVector(fn, 'y', y);
  assertInteger(fn, 'p', p, 1, 1000);
  if (y.length < 2 * p + 2) throw new RangeError(`${fn}: argument y must have at least 2p + 2 = ${2 * p + 2} values (got ${y.length})`);
  const k = p + 1;
  const XtX = Array.from({ length: k }, () => new Array(k).fill(0));
  const Xty = new Array(k).fill(0);
  for (let t = p; t < y.length; t++) {
    const row = [1, ...Array.from({ length: p }, (_, i) => y[t - 1 - i])];
    for (let a = 0; a < k; a++) {
      Xty[a] += row[a] * y[t];
      for (let b = 0; b < k; b++) XtX[a][b] += row[a] * row[b];
    }
  }
  const beta = solve(XtX, Xty);
  const residuals: number[] = [];
  for (let t = p; t < y.length; t++) {
    let f = beta[0];
    for (let i = 0; i < p; i++) f += beta[1 + i] * y[t - 1 - i];
    residuals.push(y[t] - f);
  }
  return { c: beta[0], w: beta.slice(1), sigma2: residuals.reduce((s, r) => s + r * r, 0) / residuals.length, residuals };
}

/**
 * The roots z of the characteristic polynomial 1 − w_1 z − … − w_p z^p, via the inverse roots λ = 1/z of the monic
 * λ^p − w_1 λ^{p−1} − … − w_p. AR(p) is (weakly) stationary iff every |z| > 1 ⇔ every |λ| < 1.
 */
export function arCharacteristicRoots(w: number[]): { roots: ComplexNumber[]; inverseRoots: ComplexNumber[]; stationary: boolean } {
  const fn = 'arCharacteristicRoots';
  assertVector(fn, 'w', w);
  const p = w.length;
  if (w[p - 1] === 0) throw new RangeError(`${fn}: argument w must have a non-zero last coefficient w_p (got ${describe(w)})`);
  const coeffs = [...w.slice().reverse().map((v) => -v), 1]; // low → high: −w_p, …, −w_1, 1
  const inv = polynomialRoots(coeffs);
  const roots = inv.map(({ re, im }) => {
    const d = re * re + im * im;
    return { re: re / d, im: -im / d };
  });
  return { roots, inverseRoots: inv, stationary: inv.every(({ re, im }) => Math.hypot(re, im) < 1) };
}

/** The stationary mean c/(1 − Σ w_i) of a stationary AR(p) (002 inventory NB12); throws when the process is not stationary. */
export function arStationaryMean(c: number, w: number[]): number {
  assertFiniteNumber('arStationaryMean', 'c', c);
  if (!arCharacteristicRoots(w).stationary) throw new RangeError(`arStationaryMean: argument w must define a stationary AR(p) (roots outside the unit circle) (got ${describe(w)})`);
  return c / (1 - w.reduce((s, v) => s + v, 0));
}

/**
 * The autocorrelations ρ_0..ρ_maxLag of a stationary AR(p) from the Yule–Walker equations ρ_k = Σ_i w_i ρ_{|k−i|} (ρ_0 = 1).
 * AR(1): ρ_k = w^k.
 */
export function arAutocorrelation(w: number[], maxLag: number): number[] {
  const fn = 'arAutocorrelation';
  assertVector(fn, 'w', w);
  assertInteger(fn, 'maxLag', maxLag, 0, 1e6);
  if (!arCharacteristicRoots(w).stationary) throw new RangeError(`${fn}: argument w must define a stationary AR(p) (got ${describe(w)})`);
  const p = w.length;
  // Unknowns ρ_1..ρ_p: ρ_k − Σ_i w_i ρ_{|k−i|} = 0 with ρ_0 = 1.
  const A = Array.from({ length: p }, () => new Array(p).fill(0));
  const b = new Array(p).fill(0);
  for (let k = 1; k <= p; k++) {
    A[k - 1][k - 1] += 1;
    for (let i = 1; i <= p; i++) {
      const lag = Math.abs(k - i);
      if (lag === 0) b[k - 1] += w[i - 1];
      else A[k - 1][lag - 1] -= w[i - 1];
    }
  }
  const rho = [1, ...solve(A, b)];
  for (let k = p + 1; k <= maxLag; k++) rho.push(w.reduce((s, wi, i) => s + wi * rho[k - 1 - i], 0));
  return rho.slice(0, maxLag + 1);
}

/**
 * MLE = forward KL on a finite set (002 (7.1.1)–(7.1.3)): for data distribution p and model q,
 * NLL(q) = E_p[−log q] = H(p) + KL(p ‖ q), so minimising the NLL over q minimises KL(p ‖ q) (H(p) does not depend on q).
 */
export function nllDecomposition(pData: number[], q: number[]): { nll: number; entropy: number; kl: number; gap: number } {
  const fn = 'nllDecomposition';
  assertProbabilityVector(fn, 'pData', pData);
  assertProbabilityVector(fn, 'q', q);
  if (pData.length !== q.length) throw new RangeError(`${fn}: arguments pData and q must have the same length (got ${pData.length} and ${q.length})`);
  const nll = crossEntropy(pData, q);
  const H = entropy(pData);
  const K = kl(pData, q);
  return { nll, entropy: H, kl: K, gap: nll - (H + K) };
}

/**
 * The MLE of a two-variable autoregressive model p(x_1) p(x_2 | x_1) over {0,1}² from counts: the empirical frequencies and
 * conditionals. Its forward KL to the empirical distribution is 0 (the model family contains every distribution on {0,1}²).
 */
export function fitBinaryPairAR(counts: number[]): { p1: number; p2given: [number, number]; joint: number[] } {
  const fn = 'fitBinaryPairAR';
  assertVector(fn, 'counts', counts, 4);
  counts.forEach((v, i) => assertNonNegative(fn, `counts[${i}]`, v));
  const N = counts.reduce((s, v) => s + v, 0);
  if (!(N > 0)) throw new RangeError(`${fn}: argument counts must not all be 0`);
  const [c00, c01, c10, c11] = counts;
  const p1 = (c10 + c11) / N;
  const g0 = c00 + c01 > 0 ? c01 / (c00 + c01) : 0.5;
  const g1 = c10 + c11 > 0 ? c11 / (c10 + c11) : 0.5;
  const joint = [(1 - p1) * (1 - g0), (1 - p1) * g0, p1 * (1 - g1), p1 * g1];
  return { p1, p2given: [g0, g1], joint };
}

/**
 * EXTENSION (002 §8 is "TBU"): the receptive field (in samples) of stacked 1-D dilated causal convolutions with kernel size k and
 * dilations d_1..d_L: 1 + Σ_l (k − 1) d_l (van den Oord et al., WaveNet, 2016, §2.1: k = 2, dilations 1, 2, …, 512 → 1024).
 */
export function dilatedCausalReceptiveField(k: number, dilations: number[]): number {
  const fn = 'dilatedCausalReceptiveField';
  assertInteger(fn, 'k', k, 1, 1e4);
  if (!Array.isArray(dilations) || dilations.length === 0) throw new TypeError(`${fn}: argument dilations must be a non-empty array of integers ≥ 1 (got ${describe(dilations)})`);
  dilations.forEach((d, i) => assertInteger(fn, `dilations[${i}]`, d, 1, 1e9));
  return 1 + dilations.reduce((s, d) => s + (k - 1) * d, 0);
}

/**
 * EXTENSION: which past samples output t of a stack of dilated causal convolutions reads, by set propagation (the 1-D analogue of
 * `receptiveField`): offsets {0, −d, …, −(k−1)d} per layer. Returns the offsets (≤ 0), ascending.
 */
export function dilatedCausalOffsets(k: number, dilations: number[]): number[] {
  dilatedCausalReceptiveField(k, dilations);
  let cur = new Set<number>([0]);
  for (const d of dilations) {
    const next = new Set<number>();
    for (const o of cur) for (let j = 0; j < k; j++) next.add(o - j * d);
    cur = next;
  }
  return [...cur].sort((a, b) => a - b);
}
