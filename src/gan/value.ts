/**
 * The GAN value function V(D, G), the optimal discriminator D* and the value at D*.
 *
 * Sources: 000 (Nguyen) §4 (4.2), (4.6)–(4.8) and L1361–1379; 002 (Park, STA4124) §10.1–10.2 (10.1.3), (10.2.1)–(10.2.8);
 * 003 (DGM notes) L700–706 and the theorem at L760–769; 004 (Sayed) (68.103)–(68.118), Examples 68.4 and 68.5.
 * Convention: V(D, G) = E_{p_data} ln D(x) + E_{p_g} ln(1 − D(x)), maximised by the discriminator, minimised by the generator.
 */
import { assertFiniteNumber, assertInteger, assertProbabilityVector, assertVector, describe } from '../core/validate';
import { logAddExp, logSigmoid, sigmoid, sum } from '../core/special';
import { Rng } from '../core/rng';
import { normalLogPdf } from '../core/gaussian';
import { js, kl, midpoint, jsDensity, LogDensity, klDensity } from '../info/measures';
import { QuadratureOptions, quadratureOptions } from '../info/quadrature';

/** The global optimum of the GAN game, −ln 4 (000 (4.8), 002 §10.2, 004 (68.114)). */
export const GAN_OPTIMAL_VALUE = -Math.log(4);

/** Which form of a source's statement to evaluate: the source as printed, or the exact mathematics (DESIGN principle 1). */
export type Form = 'exact' | 'source';

function assertForm(fn: string, form: unknown): asserts form is Form {
  if (form !== 'exact' && form !== 'source') throw new RangeError(`${fn}: form must be "exact" or "source" (got ${describe(form)})`);
}

/**
 * argmax over y ∈ (0,1) of a ln y + b ln(1 − y) = a/(a+b), and the maximum value (000 L1361 "in mathematical literature";
 * 002 (10.2.7)–(10.2.8); 004 (68.106)–(68.107)). a, b ≥ 0, not both 0. The function is strictly concave for a, b > 0
 * (the correct reason pointwise maximisation works; 004 erratum E23).
 */
export function argmaxBinaryLogLikelihood(a: number, b: number): { y: number; value: number } {
  assertFiniteNumber('argmaxBinaryLogLikelihood', 'a', a);
  assertFiniteNumber('argmaxBinaryLogLikelihood', 'b', b);
  if (a < 0) throw new RangeError(`argmaxBinaryLogLikelihood: a must be >= 0 (got ${a})`);
  if (b < 0) throw new RangeError(`argmaxBinaryLogLikelihood: b must be >= 0 (got ${b})`);
  if (a + b === 0) throw new RangeError('argmaxBinaryLogLikelihood: a and b must not both be 0 (got a=0, b=0)');
  const y = a / (a + b);
  const value = (a > 0 ? a * Math.log(y) : 0) + (b > 0 ? b * Math.log(1 - y) : 0);
  return { y, value };
}

function samePmfs(fn: string, p: unknown, q: unknown): asserts p is ArrayLike<number> {
  assertProbabilityVector(fn, 'pData', p);
  assertProbabilityVector(fn, 'pG', q);
  const n = (p as ArrayLike<number>).length;
  const m = (q as ArrayLike<number>).length;
  if (n !== m) throw new RangeError(`${fn}: pData and pG must have the same length (got ${n} and ${m})`);
}

/**
 * Optimal discriminator D*(x) = p_data(x) / (p_data(x) + p_g(x)) for discrete distributions (000 L1363, 002 (10.2.8),
 * 004 (68.107), 003 A30). Where both probabilities are 0 every D is optimal; 1/2 is returned there.
 */
export function optimalDiscriminator(pData: ArrayLike<number>, pG: ArrayLike<number>): number[] {
  samePmfs('optimalDiscriminator', pData, pG);
  return Array.from(pData, (p, i) => (p + pG[i] === 0 ? 0.5 : p / (p + pG[i])));
}

/**
 * Optimal discriminator for densities given as log-densities: D*(x) = σ(ln p_data(x) − ln p_g(x)) = (1 + p_g/p_data)⁻¹
 * (004 (68.107): the discriminator learns the density ratio). Returns a function of x.
 */
export function optimalDiscriminatorDensity(logpData: LogDensity, logpG: LogDensity): (x: number) => number {
  const logit = optimalDiscriminatorLogit(logpData, logpG);
  return (x: number) => sigmoid(logit(x));
}

/** The logit of D*: x ↦ ln p_data(x) − ln p_g(x) (finite where both densities are positive). */
export function optimalDiscriminatorLogit(logpData: LogDensity, logpG: LogDensity): (x: number) => number {
  if (typeof logpData !== 'function') throw new TypeError(`optimalDiscriminatorLogit: logpData must be a function (got ${describe(logpData)})`);
  if (typeof logpG !== 'function') throw new TypeError(`optimalDiscriminatorLogit: logpG must be a function (got ${describe(logpG)})`);
  return (x: number) => {
    assertFiniteNumber('optimalDiscriminator', 'x', x);
    const s = logpData(x) - logpG(x);
    if (!Number.isFinite(s)) throw new RangeError(`optimalDiscriminator: log-density ratio at x=${x} is not finite (got ${describe(s)}); D* needs a common support (004 (68.105) step (b))`);
    return s;
  };
}

/**
 * D* for two Gaussians N(μ_d, σ_d²) (data) and N(μ_g, σ_g²) (generator): its logit is the quadratic
 * w2 x² + w1 x + w0 (so the quadratic-logit discriminator family of the 1-D toy contains D* exactly; 002 GN1).
 */
export function gaussianOptimalLogitCoefficients(muData: number, sdData: number, muG: number, sdG: number): [number, number, number] {
  const fn = 'gaussianOptimalLogitCoefficients';
  assertFiniteNumber(fn, 'muData', muData);
  assertFiniteNumber(fn, 'muG', muG);
  if (!(sdData > 0)) throw new RangeError(`${fn}: sdData must be > 0 (got ${describe(sdData)})`);
  if (!(sdG > 0)) throw new RangeError(`${fn}: sdG must be > 0 (got ${describe(sdG)})`);
  const a = 1 / (2 * sdData * sdData);
  const c = 1 / (2 * sdG * sdG);
  // ln N(x; μd, σd) − ln N(x; μg, σg) = −a(x−μd)² + c(x−μg)² + ln(σg/σd)
  const w2 = c - a;
  const w1 = 2 * a * muData - 2 * c * muG;
  const w0 = -a * muData * muData + c * muG * muG + Math.log(sdG / sdData);
  return [w2, w1, w0];
}

/**
 * V(D, G) for discrete distributions: Σ p_data ln D + Σ p_g ln(1 − D) (the integral form 000 (4.6)/L1347, 002 (10.2.2),
 * 004 (68.105)/(68.112), written as a sum over a finite sample space). D is a vector of probabilities in [0, 1].
 */
export function ganValueDiscrete(pData: ArrayLike<number>, pG: ArrayLike<number>, D: ArrayLike<number>): number {
  samePmfs('ganValueDiscrete', pData, pG);
  assertVector('ganValueDiscrete', 'D', D, pData.length);
  let v = 0;
  for (let i = 0; i < pData.length; i++) {
    const d = D[i];
    if (d < 0 || d > 1) throw new RangeError(`ganValueDiscrete: D[${i}] must be in [0, 1] (got ${d})`);
    if (pData[i] > 0) v += d === 0 ? -Infinity : pData[i] * Math.log(d);
    if (pG[i] > 0) v += d === 1 ? -Infinity : pG[i] * Math.log1p(-d);
  }
  return v;
}

/** The decomposition of C(G) = max_D V(D, G) for discrete distributions (000 L1365–1371, 002 §10.2, 004 (68.115)–(68.117)). */
export interface OptimalValueDecomposition {
  /** D* = p_data/(p_data + p_g). */
  dStar: number[];
  /** C(G) = V(D*, G), evaluated directly. */
  value: number;
  /** KL(p_data ‖ M) and KL(p_g ‖ M), M = (p_data + p_g)/2. */
  klDataToMix: number;
  klGenToMix: number;
  /** JS(p_data ‖ p_g) = ½(KL + KL) (000 (A2.2), 004 (68.117)). */
  js: number;
  /** The exact identity: 2·JS − ln 4 (002 §10.2 last line, 004 (68.115), Goodfellow et al. 2014 Thm 1). */
  exact: number;
  /** The form 000 prints (L1371): "JS − log 4" with JS the average — erratum 000-E56. */
  source000: number;
}

/** C(G) and its JS decomposition for discrete p_data, p_g (000 O-38, 003 §4.8). */
export function ganOptimalValueDecomposition(pData: ArrayLike<number>, pG: ArrayLike<number>): OptimalValueDecomposition {
  samePmfs('ganOptimalValueDecomposition', pData, pG);
  const dStar = optimalDiscriminator(pData, pG);
  const m = midpoint(pData, pG);
  const klP = kl(pData, m);
  const klQ = kl(pG, m);
  const jsv = js(pData, pG);
  return {
    dStar,
    value: ganValueDiscrete(pData, pG, dStar),
    klDataToMix: klP,
    klGenToMix: klQ,
    js: jsv,
    exact: 2 * jsv + GAN_OPTIMAL_VALUE,
    source000: jsv + GAN_OPTIMAL_VALUE,
  };
}

/**
 * C(G) = max_D V(D, G) for discrete distributions. form 'exact' = V(D*, G) = 2·JS − ln 4; form 'source' = 000's printed
 * "JS − log 4" (L1371; erratum 000-E56).
 */
export function ganValueAtOptimalDiscrete(pData: ArrayLike<number>, pG: ArrayLike<number>, form: Form = 'exact'): number {
  assertForm('ganValueAtOptimalDiscrete', form);
  const d = ganOptimalValueDecomposition(pData, pG);
  return form === 'exact' ? d.value : d.source000;
}

function checkFn(fn: string, arg: string, f: unknown): void {
  if (typeof f !== 'function') throw new TypeError(`${fn}: ${arg} must be a function (got ${describe(f)})`);
}

/**
 * V(D, G) for 1-D densities by Simpson quadrature: ∫ p_data ln D + ∫ p_g ln(1 − D) (000 L1347, 002 (10.2.2), 004 (68.112)).
 * The discriminator is given by its logit s(x) (D = σ(s)), so ln D = ln σ(s) and ln(1−D) = ln σ(−s) stay finite.
 */
export function ganValueDensity(logpData: LogDensity, logpG: LogDensity, logitD: (x: number) => number, quad: QuadratureOptions): number {
  const fn = 'ganValueDensity';
  checkFn(fn, 'logpData', logpData);
  checkFn(fn, 'logpG', logpG);
  checkFn(fn, 'logitD', logitD);
  const { lower, upper, n } = quadratureOptions(fn, quad);
  const h = (upper - lower) / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const x = lower + i * h;
    const lp = logpData(x);
    const lq = logpG(x);
    const t = logitD(x);
    if (typeof t !== 'number' || !Number.isFinite(t)) throw new RangeError(`${fn}: logitD(${x}) must be finite (got ${describe(t)})`);
    const y = (lp === -Infinity ? 0 : Math.exp(lp) * logSigmoid(t)) + (lq === -Infinity ? 0 : Math.exp(lq) * logSigmoid(-t));
    s += (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * y;
  }
  return (s * h) / 3;
}

/**
 * C(G) = V(D*, G) for 1-D densities by quadrature, evaluated stably as ∫ p ln(p/(p+q)) + q ln(q/(p+q)) with
 * ln(p+q) = logAddExp (004 A17: the naive form underflows). form 'source' returns 000's "JS − ln 4" (erratum 000-E56).
 */
export function ganValueAtOptimalDensity(logpData: LogDensity, logpG: LogDensity, quad: QuadratureOptions, form: Form = 'exact'): number {
  const fn = 'ganValueAtOptimalDensity';
  checkFn(fn, 'logpData', logpData);
  checkFn(fn, 'logpG', logpG);
  assertForm(fn, form);
  if (form === 'source') return jsDensity(logpData, logpG, quad) + GAN_OPTIMAL_VALUE;
  const { lower, upper, n } = quadratureOptions(fn, quad);
  const h = (upper - lower) / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const x = lower + i * h;
    const lp = logpData(x);
    const lq = logpG(x);
    let y = 0;
    if (lp !== -Infinity || lq !== -Infinity) {
      const ls = logAddExp(lp, lq);
      if (lp !== -Infinity) y += Math.exp(lp) * (lp - ls);
      if (lq !== -Infinity) y += Math.exp(lq) * (lq - ls);
    }
    s += (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * y;
  }
  return (s * h) / 3;
}

/** Quadrature range covering two Gaussians to ±12 standard deviations. */
function gaussianRange(muData: number, sdData: number, muG: number, sdG: number, n = 4000): QuadratureOptions {
  return { lower: Math.min(muData - 12 * sdData, muG - 12 * sdG), upper: Math.max(muData + 12 * sdData, muG + 12 * sdG), n };
}

/**
 * C(G) for p_data = N(μ_d, σ_d²), p_g = N(μ_g, σ_g²) by quadrature (000 O-39, 002 D15, 004 Example 68.5 / O4).
 * With σ_d = σ_g = 1, μ_d = 0, μ_g = 1 it is −1.1634514.
 */
export function gaussianGanOptimalValue(muData: number, sdData: number, muG: number, sdG: number, form: Form = 'exact'): number {
  gaussianOptimalLogitCoefficients(muData, sdData, muG, sdG); // validates the four arguments
  return ganValueAtOptimalDensity(
    (x) => normalLogPdf(x, muData, sdData),
    (x) => normalLogPdf(x, muG, sdG),
    gaussianRange(muData, sdData, muG, sdG),
    form,
  );
}

/** JS(N(μ_d,σ_d²) ‖ N(μ_g,σ_g²)) in nats by quadrature (000 O-39: 0.11142148 for N(0,1) vs N(1,1)). */
export function gaussianJs(muData: number, sdData: number, muG: number, sdG: number): number {
  gaussianOptimalLogitCoefficients(muData, sdData, muG, sdG);
  return jsDensity((x) => normalLogPdf(x, muData, sdData), (x) => normalLogPdf(x, muG, sdG), gaussianRange(muData, sdData, muG, sdG));
}

/** The two KL terms of 004 (68.115) for densities, KL(p‖M) and KL(q‖M), by quadrature (M = (p+q)/2). */
export function klToMixtureDensity(logpData: LogDensity, logpG: LogDensity, quad: QuadratureOptions): { klDataToMix: number; klGenToMix: number } {
  const logm = (x: number) => logAddExp(logpData(x), logpG(x)) - Math.LN2;
  return { klDataToMix: klDensity(logpData, logm, quad), klGenToMix: klDensity(logpG, logm, quad) };
}

/**
 * Monte Carlo estimate of V(D, G) from samples: (1/N)Σ ln D(xᵢ) + (1/M)Σ ln(1 − D(G(zⱼ))) — the epoch average of 000 (4.2)
 * (L1231), 002 (10.1.3), 003 Algorithm 2's objective, 004 (68.102). Returns the estimate and its standard error.
 * D returns a probability; values of exactly 0 or 1 give −∞ terms (reported, not hidden).
 */
export function ganValueMonteCarlo(
  D: (x: number) => number,
  G: (z: number) => number,
  xs: ArrayLike<number>,
  zs: ArrayLike<number>,
): { value: number; stderr: number } {
  const fn = 'ganValueMonteCarlo';
  checkFn(fn, 'D', D);
  checkFn(fn, 'G', G);
  assertVector(fn, 'xs', xs);
  assertVector(fn, 'zs', zs);
  const a = Array.from(xs, (x) => {
    const d = D(x);
    if (typeof d !== 'number' || !(d >= 0 && d <= 1)) throw new RangeError(`${fn}: D(${x}) must be in [0, 1] (got ${describe(d)})`);
    return Math.log(d);
  });
  const b = Array.from(zs, (z) => {
    const x = G(z);
    const d = D(x);
    if (typeof d !== 'number' || !(d >= 0 && d <= 1)) throw new RangeError(`${fn}: D(G(${z})) must be in [0, 1] (got ${describe(d)})`);
    return Math.log1p(-d);
  });
  const ma = sum(a) / a.length;
  const mb = sum(b) / b.length;
  const va = a.length > 1 ? a.reduce((s, v) => s + (v - ma) ** 2, 0) / (a.length - 1) : 0;
  const vb = b.length > 1 ? b.reduce((s, v) => s + (v - mb) ** 2, 0) / (b.length - 1) : 0;
  return { value: ma + mb, stderr: Math.sqrt(va / a.length + vb / b.length) };
}

/** Monte Carlo V(D, G) with seeded samplers: x ~ sampleData(rng), z ~ sampleZ(rng) (default N(0,1)), n of each. */
export function ganValueMonteCarloSampled(opts: {
  D: (x: number) => number;
  G: (z: number) => number;
  sampleData: (rng: Rng) => number;
  sampleZ?: (rng: Rng) => number;
  n: number;
  rng: Rng;
}): { value: number; stderr: number } {
  const fn = 'ganValueMonteCarloSampled';
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: opts must be an object (got ${describe(opts)})`);
  checkFn(fn, 'sampleData', opts.sampleData);
  assertInteger(fn, 'n', opts.n, 1);
  if (!(opts.rng instanceof Rng)) throw new TypeError(`${fn}: rng must be a core.rng(seed) generator (got ${describe(opts.rng)})`);
  const sz = opts.sampleZ ?? ((r: Rng) => r.normal());
  const xs = Array.from({ length: opts.n }, () => opts.sampleData(opts.rng));
  const zs = Array.from({ length: opts.n }, () => sz(opts.rng));
  return ganValueMonteCarlo(opts.D, opts.G, xs, zs);
}

/** The value of the game when D ≡ 1/2, whatever G: ln ½ + ln ½ = −ln 4 (002 NB14 part 1; 004 (68.114)). */
export function ganValueConstantHalf(): number {
  return 2 * Math.log(0.5);
}
