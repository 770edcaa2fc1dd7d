/**
 * Disentanglement and posterior collapse (source 002 §6.1–6.4, L1065–1246):
 * - total correlation TC(z) = KL(p(z) ‖ Π_k p(z_k)) (6.1.1): discrete, Gaussian closed form ½(Σ log Σ_ii − log det Σ),
 *   and the density-ratio estimate of FactorVAE (6.3.7) from a logistic discriminator between z and permute_dims(z);
 * - the decomposition (6.3.3) E_x KL(q(z|x) ‖ p(z)) = I_q(x; z) + KL(q(z) ‖ p(z)) (oracle 002 D20);
 * - permute_dims (Algorithm 6.1, T17);
 * - per-dimension KL and active units (Burda et al. 2016) from encoder means and log-variances (posterior collapse, §6.4).
 */
import { Rng } from '../core/rng';
import { assertMatrix, assertPositive, assertProbabilityVector, assertInteger, describe } from '../core/validate';
import { kl } from '../info';
import { cholesky, logDetFromCholesky } from '../core/linalg';

/** TC of a discrete joint p(z₁, z₂) given as a matrix: KL(p ‖ p₁ ⊗ p₂) in nats (oracle 002 D21: [[0.4, 0.1], [0.1, 0.4]] → 0.192745). */
export function totalCorrelationDiscrete(joint: number[][]): number {
  const fn = 'totalCorrelationDiscrete';
  assertMatrix(fn, 'joint', joint);
  assertProbabilityVector(fn, 'joint (flattened)', joint.flat());
  const r = joint.map((row) => row.reduce((s, v) => s + v, 0));
  const c = joint[0].map((_, j) => joint.reduce((s, row) => s + row[j], 0));
  return kl(joint.flat(), joint.flatMap((row, i) => row.map((_, j) => r[i] * c[j])));
}

/** TC of N(m, Σ): ½(Σ_i log Σ_ii − log det Σ) (oracle 002 D21: ρ = 0.5 → 0.143841, ρ = 0.9 → 0.830366). */
export function totalCorrelationGaussian(Sigma: number[][]): number {
  const fn = 'totalCorrelationGaussian';
  assertMatrix(fn, 'Sigma', Sigma, Sigma?.length, Sigma?.length);
  Sigma.forEach((r, i) => assertPositive(fn, `Sigma[${i}][${i}]`, r[i]));
  return 0.5 * (Sigma.reduce((s, r, i) => s + Math.log(r[i]), 0) - logDetFromCholesky(cholesky(Sigma)));
}

/**
 * The decomposition (6.3.3) on a discrete model: p_data(x), rows q(z|x), prior p(z). Returns E_x KL(q(z|x) ‖ p(z)),
 * I_q(x; z) = KL(p_data(x) q(z|x) ‖ p_data(x) q(z)) (the exact form of (6.3.4), erratum 002-E32), the aggregate q(z) and
 * KL(q(z) ‖ p(z)). Oracle 002 D20.
 */
export function klDecomposition(pData: number[], qzx: number[][], pz: number[]) {
  const fn = 'klDecomposition';
  assertProbabilityVector(fn, 'pData', pData);
  assertMatrix(fn, 'qzx', qzx, pData.length);
  qzx.forEach((r, i) => assertProbabilityVector(fn, `qzx[${i}]`, r));
  assertProbabilityVector(fn, 'pz', pz);
  if (pz.length !== qzx[0].length) throw new RangeError(`${fn}: argument pz must have ${qzx[0].length} entries (got ${pz.length})`);
  const qz = pz.map((_, j) => pData.reduce((s, p, i) => s + p * qzx[i][j], 0));
  const expectedKl = pData.reduce((s, p, i) => s + p * kl(qzx[i], pz), 0);
  const mutualInfo = pData.reduce((s, p, i) => s + p * kl(qzx[i], qz), 0);
  return { expectedKl, mutualInfo, aggregate: qz, klAggregate: kl(qz, pz), sourceFormMutualInfo: expectedKl };
}

/** permute_dims of FactorVAE (Algorithm 6.1): each latent dimension (column) permuted independently across the batch. */
export function permuteDims(Z: number[][], rng: Rng): number[][] {
  const fn = 'permuteDims';
  assertMatrix(fn, 'Z', Z);
  if (!rng || typeof (rng as Partial<Rng>).permutation !== 'function') throw new TypeError(`${fn}: argument rng must come from core.rng(seed) (got ${describe(rng)})`);
  const perms = Z[0].map(() => rng.permutation(Z.length));
  return Z.map((_, i) => Z[0].map((__, j) => Z[perms[j][i]][j]));
}

function quadFeatures(z: number[]): number[] {
  const f = [1, ...z];
  for (let i = 0; i < z.length; i++) for (let j = i; j < z.length; j++) f.push(z[i] * z[j]);
  return f;
}

/**
 * The density-ratio estimate of TC used by FactorVAE ((6.3.7) and the discriminator step of Algorithm 6.1): a logistic
 * discriminator D(z) on quadratic features (a family that contains the exact log-ratio for Gaussians) is trained to tell
 * z ~ q(z) (label 1) from permute_dims(z) (label 0) by gradient ASCENT on the log-likelihood; TC ≈ mean over real z of
 * log(D/(1 − D)) = the discriminator's logit. Oracle 002 D21 (ρ = 0.5: 0.143841).
 */
export function tcDensityRatio(Z: number[][], rng: Rng, opts: { epochs?: number; lr?: number } = {}): { tc: number; weights: number[] } {
  const fn = 'tcDensityRatio';
  assertMatrix(fn, 'Z', Z);
  const epochs = opts.epochs ?? 300;
  assertInteger(fn, 'opts.epochs', epochs, 1, 1e6);
  const lr = opts.lr ?? 0.5;
  assertPositive(fn, 'opts.lr', lr);
  const half = Math.floor(Z.length / 2);
  if (half < 2) throw new RangeError(`${fn}: argument Z must have at least 4 rows (got ${Z.length})`);
  const real = Z.slice(0, half).map(quadFeatures);
  const fake = permuteDims(Z.slice(half), rng).map(quadFeatures);
  const F = real[0].length;
  const w = new Array(F).fill(0);
  const sig = (t: number) => 1 / (1 + Math.exp(-t));
  for (let e = 0; e < epochs; e++) {
    const g = new Array(F).fill(0);
    for (const f of real) {
      const r = 1 - sig(f.reduce((s, v, k) => s + v * w[k], 0));
      for (let k = 0; k < F; k++) g[k] += r * f[k];
    }
    for (const f of fake) {
      const r = -sig(f.reduce((s, v, k) => s + v * w[k], 0));
      for (let k = 0; k < F; k++) g[k] += r * f[k];
    }
    for (let k = 0; k < F; k++) w[k] += (lr * g[k]) / (real.length + fake.length);
  }
  const tc = real.reduce((s, f) => s + f.reduce((t, v, k) => t + v * w[k], 0), 0) / real.length;
  return { tc, weights: w };
}

/**
 * Posterior collapse diagnostics from encoder outputs (rows μ(x_n), a(x_n) = log σ²): the data-averaged KL per latent
 * dimension ½(μ² + e^{a} − a − 1) and the active units #{u : Var_x μ_u(x) > threshold} (Burda et al. 2016; the same rule as
 * iwae.activeUnits, which needs a tfjs Vae).
 */
export function collapseDiagnostics(mu: number[][], logvar: number[][], threshold = 0.01): { klPerDim: number[]; meanVariance: number[]; active: number } {
  const fn = 'collapseDiagnostics';
  assertMatrix(fn, 'mu', mu);
  assertMatrix(fn, 'logvar', logvar, mu.length, mu[0].length);
  assertPositive(fn, 'threshold', threshold);
  const N = mu.length;
  const P = mu[0].length;
  const klPerDim = Array.from({ length: P }, (_, p) => mu.reduce((s, m, n) => s + 0.5 * (m[p] ** 2 + Math.exp(logvar[n][p]) - logvar[n][p] - 1), 0) / N);
  const meanVariance = Array.from({ length: P }, (_, p) => {
    const m = mu.reduce((s, r) => s + r[p], 0) / N;
    return mu.reduce((s, r) => s + (r[p] - m) ** 2, 0) / N;
  });
  return { klPerDim, meanVariance, active: meanVariance.filter((v) => v > threshold).length };
}

/**
 * A synthetic two-factor data set for the β-VAE sweep: two independent factors s₁, s₂ ~ U(−1, 1) mapped into M dimensions
 * by fixed smooth features (sines/cosines with a random mixing), plus small noise. Returns rows and the factors.
 */
export function twoFactorData(n: number, M: number, rng: Rng, noise = 0.05): { x: number[][]; factors: number[][] } {
  const fn = 'twoFactorData';
  assertInteger(fn, 'n', n, 1, 1e6);
  assertInteger(fn, 'M', M, 2, 1e4);
  assertPositive(fn, 'noise', noise);
  if (!rng || typeof (rng as Partial<Rng>).normal !== 'function') throw new TypeError(`${fn}: argument rng must come from core.rng(seed) (got ${describe(rng)})`);
  const A = Array.from({ length: M }, () => Array.from(rng.normals(4, 0, 0.6)));
  const factors = Array.from({ length: n }, () => [rng.uniform(-1, 1), rng.uniform(-1, 1)]);
  const x = factors.map(([s1, s2]) => {
    const f = [Math.sin(2 * s1), Math.cos(2 * s1), Math.sin(2 * s2), s2];
    return A.map((a) => a.reduce((s, v, k) => s + v * f[k], 0) + noise * rng.normal());
  });
  return { x, factors };
}
