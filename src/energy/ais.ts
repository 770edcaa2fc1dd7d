/**
 * Annealed importance sampling for the partition function of an RBM — an EXTENSION (neither 000 nor 003 estimates Z):
 * R. M. Neal (2001), "Annealed importance sampling", Statistics and Computing 11:125–139, in the RBM form of
 * R. Salakhutdinov & I. Murray (2008), "On the quantitative analysis of deep belief networks", ICML, §3–4.
 *
 * Intermediate distributions p_β(v) ∝ f_β(v) = exp((1 − β) b_Aᵀv + β bᵀv) Π_j (1 + exp(β (Wv + c)_j)), β: 0 = β₀ < … < β_K = 1.
 * At β = 0 the units are independent (p_0(v_i = 1) = σ(b_A,i)) and Z_0 = 2ⁿ Π_i (1 + e^{b_A,i}); at β = 1, Z_1 = Z.
 * Each run draws v₀ ~ p_0, then for k = 1..K adds log f_{β_k}(v_{k−1}) − log f_{β_{k−1}}(v_{k−1}) to its log-weight and moves
 * v by one block-Gibbs step that leaves p_{β_k} invariant. E[w] = Z/Z_0, so log Ẑ = log Z_0 + log mean(w).
 */
import { Rng } from '../core/rng';
import { logMeanExp, sigmoid, softplus } from '../core/special';
import { assertInteger, assertOneOf, assertVector, describe } from '../core/validate';
import { assertRng } from '../sampling/basic';
import { Rbm, checkRbm } from './rbm';
import { preH as hiddenInput } from './internal';

/** An inverse-temperature schedule β₀ = 0 < … < β_K = 1 with K steps: linear (default) or sigmoid-shaped (denser near both ends). */
export function aisSchedule(K: number, kind: 'linear' | 'sigmoid' = 'linear'): number[] {
  const fn = 'aisSchedule';
  assertInteger(fn, 'K', K, 1, 1e7);
  assertOneOf(fn, 'kind', kind, ['linear', 'sigmoid'] as const);
  if (kind === 'linear') return Array.from({ length: K + 1 }, (_, k) => k / K);
  // sigmoid schedule (Grosse, Maddison & Salakhutdinov 2013): σ(δ(2k/K − 1)) rescaled to [0, 1], δ = 4
  const s = (k: number) => sigmoid(4 * ((2 * k) / K - 1));
  const lo = s(0);
  const hi = s(K);
  return Array.from({ length: K + 1 }, (_, k) => (k === 0 ? 0 : k === K ? 1 : (s(k) - lo) / (hi - lo)));
}

/** The result of AIS. */
export interface AisResult {
  /** log Ẑ = log Z_0 + log mean(w). */
  logZ: number;
  /** log Z_0 of the base distribution. */
  logZBase: number;
  /** Per-run log-weights log w. */
  logWeights: number[];
  /** Delta-method standard error of log Ẑ: sd(w) / (√M · mean(w)). */
  se: number;
  /** Effective sample size (Σw)²/Σw² of the weights. */
  ess: number;
}

function logF(rbm: Rbm, bA: ArrayLike<number>, beta: number, v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) if (v[i]) s += (1 - beta) * bA[i] + beta * rbm.b[i];
  const a = hiddenInput(rbm, v);
  for (let j = 0; j < a.length; j++) s += softplus(beta * a[j]);
  return s;
}

/**
 * Estimates log Z of an RBM by AIS (see the module comment) with `runs` independent runs (default 100) along `betas`
 * (default `aisSchedule(1000)`). The base visible biases `baseBias` default to 0 (uniform base); the data's logits (as
 * Salakhutdinov & Murray 2008 recommend) give a closer base. Check: within a few SE of the enumerated `rbmLogZ`.
 */
export function rbmAis(rbm: Rbm, opts: { rng: Rng; runs?: number; betas?: ArrayLike<number>; baseBias?: ArrayLike<number> }): AisResult {
  const fn = 'rbmAis';
  checkRbm(fn, rbm);
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: opts must be an object (got ${describe(opts)})`);
  const rng = opts.rng;
  assertRng(fn, rng);
  const runs = opts.runs ?? 100;
  assertInteger(fn, 'opts.runs', runs, 1, 1e7);
  const betas = opts.betas !== undefined ? Array.from(opts.betas) : aisSchedule(1000);
  assertVector(fn, 'opts.betas', betas);
  if (betas.length < 2 || betas[0] !== 0 || betas[betas.length - 1] !== 1) {
    throw new RangeError(`${fn}: opts.betas must run from 0 to 1 with at least two values (got ${describe(opts.betas)})`);
  }
  for (let k = 1; k < betas.length; k++) {
    if (!(betas[k] > betas[k - 1])) throw new RangeError(`${fn}: opts.betas must increase strictly (betas[${k}] = ${betas[k]} after ${betas[k - 1]})`);
  }
  const m = rbm.b.length;
  const n = rbm.c.length;
  const bA = opts.baseBias !== undefined ? Array.from(opts.baseBias) : new Array<number>(m).fill(0);
  assertVector(fn, 'opts.baseBias', bA, m);
  let logZBase = n * Math.LN2;
  for (const x of bA) logZBase += softplus(x);
  const logWeights: number[] = [];
  const h = new Array<number>(n);
  for (let q = 0; q < runs; q++) {
    const v = Array.from(bA, (x) => (rng.uniform() < sigmoid(x) ? 1 : 0));
    let lw = 0;
    for (let k = 1; k < betas.length; k++) {
      const beta = betas[k];
      lw += logF(rbm, bA, beta, v) - logF(rbm, bA, betas[k - 1], v);
      if (k === betas.length - 1) break; // the last state is not used
      const a = hiddenInput(rbm, v);
      for (let j = 0; j < n; j++) h[j] = rng.uniform() < sigmoid(beta * a[j]) ? 1 : 0;
      for (let i = 0; i < m; i++) {
        let x = beta * rbm.b[i] + (1 - beta) * bA[i];
        for (let j = 0; j < n; j++) if (h[j]) x += beta * rbm.W[j][i];
        v[i] = rng.uniform() < sigmoid(x) ? 1 : 0;
      }
    }
    logWeights.push(lw);
  }
  const lm = logMeanExp(logWeights);
  const w = logWeights.map((x) => Math.exp(x - lm)); // mean 1
  const varW = runs > 1 ? w.reduce((s, x) => s + (x - 1) ** 2, 0) / (runs - 1) : NaN;
  const ess = w.reduce((s, x) => s + x, 0) ** 2 / w.reduce((s, x) => s + x * x, 0);
  return { logZ: logZBase + lm, logZBase, logWeights, se: Math.sqrt(varW / runs), ess };
}
