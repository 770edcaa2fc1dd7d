/**
 * Exercises of the MC notebooks (ids `mc.*`). Every reference answer is computed with the library.
 */
import { exerciseGroup } from '../exercises';
import { acceptanceProbability, boltzmannDistribution, boltzmannSourceForm, coolingSchedule } from './annealing';
import { envelopeConstant, exponentialQuantile, cauchyDist, isVarianceSecondMoment, rejectionAcceptanceGaussian } from './basic';
import { distributionAfter, isAperiodic, isReversible, period, secondEigenvalueModulus, stationaryDistribution, stationaryDistributionExact, tvToStationarity } from './chains';
import { gibbsKernelDiscrete, randomScanGibbsKernel, binaryDistribution } from './gibbs';
import { bitFlipSampler, mhKernelMatrix, rwmAcceptanceGaussian } from './mh';
import { EXAMPLE_441, JOINT_D6, PERIOD_2, PERIOD_3, THREE_STATE, TOY_ENERGIES_10, TWO_STATE, bmO29Energy, tinyRbmJoint, tinyRbmLogProb } from './examples';
import { rng } from '../core/rng';

const nb07 = exerciseGroup({ notebook: 'sta4124/07-monte-carlo-basics.ipynb' });
const nb08 = exerciseGroup({ notebook: 'sta4124/08-markov-chains.ipynb' });
const nb09 = exerciseGroup({ notebook: 'sta4124/09-metropolis-hastings-and-gibbs.ipynb' });
const dn05 = exerciseGroup({ notebook: 'dgm-notes/05-markov-chains.ipynb' });
const dn06 = exerciseGroup({ notebook: 'dgm-notes/06-gibbs-and-detailed-balance.ipynb' });
const ng11 = exerciseGroup({ notebook: 'nguyen-tutorial/11-boltzmann-and-annealing.ipynb' });

// ------------------------------------------------------------------------------------------------ NB07 (002 §4.1–4.3)

nb07.byHand({
  id: 'mc.invcdf.exp',
  title: 'Inverse CDF of Exp(λ): F⁻¹(u) (to 4 significant figures)',
  source: '002 §4.1 (Exp(λ) example)',
  params: { u: { default: 0.9, min: 0, max: 0.999999 }, lambda: { default: 2, min: 1e-9 } },
  reference: ({ u, lambda }) => exponentialQuantile(u, lambda),
  sigFigs: 4,
  hints: ['Solve u = 1 − e^{−λx} for x.', 'x = −log(1 − u)/λ.'],
});

nb07.byHand({
  id: 'mc.rejection.accept-beta',
  title: 'Acceptance rate of rejection sampling for p̃(z) = z(1 − z) with q = U(0,1), k = 1/4 (to 4 significant figures)',
  source: '002 §4.2 (acceptance Z_p/k)',
  reference: () => 1 / 6 / 0.25,
  sigFigs: 4,
  hints: ['The average acceptance probability is Z_p/k.', 'Z_p = ∫₀¹ z(1 − z) dz.'],
});

nb07.byHand({
  id: 'mc.rejection.cauchy-k',
  title: 'Smallest envelope constant k = sup p̃/q for p̃(z) = exp(−z²/2) and a standard Cauchy proposal (to 4 significant figures)',
  source: '002 §4.2',
  reference: () => envelopeConstant((z) => -0.5 * z * z, cauchyDist(0, 1), [-1, 1]).k,
  sigFigs: 4,
  hints: ['Maximise log p̃(z) − log q(z) = −z²/2 + log π + log(1 + z²).', 'The derivative vanishes at z = ±1.'],
});

nb07.byHand({
  id: 'mc.rejection.dimension',
  title: 'Rejection acceptance for N(0, I_d) with a N(0, σ² I_d) proposal and the tightest k',
  source: '002 §4.4.1, Table 1 (curse of dimensionality)',
  params: { d: { default: 10, min: 1, integer: true }, sigma: { default: 1.2, min: 1 } },
  reference: ({ d, sigma }) => rejectionAcceptanceGaussian(d, sigma),
  sigFigs: 4,
  hints: ['Both densities are normalised, so the acceptance is 1/k.', 'k = sup p/q is attained at z = 0.'],
});

nb07.byHand({
  id: 'mc.is.variance-plain',
  title: 'Per-sample variance of the plain Monte Carlo estimate of E[z²] for z ~ N(0,1) (q = p)',
  source: '002 §4.3.1, Eqs (4.3.9)–(4.3.11) (σ = 1)',
  reference: () => isVarianceSecondMoment(1),
  sigFigs: 4,
  hints: ['With q = p all weights are 1: the variance is Var(z²) = E[z⁴] − (E[z²])².', 'E[z⁴] = 3 for a standard normal.'],
});

nb07.number({
  id: 'mc.is.optimal-sigma2',
  title: 'The variance σ² of the Gaussian proposal N(0, σ²) that minimises the IS variance for E_p[z²], p = N(0,1)',
  source: '002 §4.3.1',
  reference: () => {
    // minimise V(σ) on a fine grid of σ² (the closed form gives σ² = 3)
    let best = Infinity;
    let arg = 0;
    for (let s2 = 0.55; s2 <= 10; s2 += 1e-4) {
      const v = isVarianceSecondMoment(Math.sqrt(s2));
      if (v < best) [best, arg] = [v, s2];
    }
    return Math.round(arg * 1000) / 1000;
  },
  tolerance: { abs: 2e-3 },
  hints: ['Differentiate V(σ) = (3σ/(4√2))(1 − 1/(2σ²))^{−5/2} − 1 with respect to σ.', 'Set a = 1 − 1/(2σ²); the stationary point has a rational σ².'],
});

nb07.number({
  id: 'mc.is.min-variance',
  title: 'The minimal per-sample variance over Gaussian proposals for E_p[z²], p = N(0,1)',
  source: '002 §4.3.1',
  reference: () => isVarianceSecondMoment(Math.sqrt(3)),
  tolerance: { abs: 1e-5 },
  hints: ['Evaluate V(σ) at the optimal σ² of the previous exercise.'],
});

// ------------------------------------------------------------------------------------------------ NB08 (002 §4.4, App. C.1)

nb08.vector({
  id: 'mc.chain.stationary-441',
  title: 'The stationary distribution of Example 4.4.1',
  source: '002 §4.4.3, Example 4.4.1 (erratum 002-E24)',
  reference: () => stationaryDistributionExact(EXAMPLE_441).values,
  tolerance: { abs: 1e-9 },
  hints: ['Solve π = πP together with π₁ + π₂ + π₃ = 1.', 'The answer has denominators 16 and 2 — and it is not the vector printed in the notes.'],
});

nb08.number({
  id: 'mc.chain.lambda2-441',
  title: 'The second-largest eigenvalue modulus of Example 4.4.1’s P',
  source: '002 §4.4.3, Example 4.4.1',
  reference: () => secondEigenvalueModulus(EXAMPLE_441),
  tolerance: { abs: 1e-9 },
  hints: ['The eigenvalues sum to the trace (1.6) and multiply to det P.', 'One eigenvalue is 1.'],
});

nb08.number({
  id: 'mc.chain.tv-441',
  title: 'TV distance between P^n(1, ·) and π for Example 4.4.1',
  source: '002 §4.4.3, Example 4.4.1 (½·0.4ⁿ for n ≥ 1)',
  params: { n: { default: 5, min: 0, max: 60, integer: true } },
  reference: ({ n }) => tvToStationarity(EXAMPLE_441, 0, n)[n],
  tolerance: { abs: 1e-12, rel: 1e-9 },
  hints: ['Compute the first row of Pⁿ, then ½ Σ_j |Pⁿ(1, j) − π_j|.', 'For n ≥ 1 the distance shrinks by the factor |λ₂| each step.'],
});

nb08.vector({
  id: 'mc.chain.periods',
  title: 'Periods of the chains of Fig. 4.2 ([[0,1],[1,0]]) and Fig. C.1 (the 3-cycle), as [p₁, p₂]',
  source: '002 §4.4.2, Fig. 4.2, Fig. C.1 (erratum 002-E25)',
  reference: () => [period(PERIOD_2, 0), period(PERIOD_3, 0)],
  tolerance: { abs: 0 },
  hints: ['The period of state i is gcd{n ≥ 1 : (Pⁿ)ᵢᵢ > 0}.'],
});

nb08.boolean({
  id: 'mc.chain.reversible-441',
  title: 'Is Example 4.4.1’s chain reversible (detailed balance with respect to its π)?',
  source: '002 App. C.1, Eq. (C.1.10)',
  reference: () => isReversible(EXAMPLE_441),
  hints: ['Compare π₁P₁₂ with π₂P₂₁.'],
});

nb08.number({
  id: 'mc.chain.flow-12',
  title: 'The probability flow π₁P₁₂ from state 1 to state 2 in Example 4.4.1 at stationarity',
  source: '002 App. C.1 (0.09375 vs π₂P₂₁ = 0.1)',
  reference: () => stationaryDistribution(EXAMPLE_441)[0] * EXAMPLE_441[0][1],
  tolerance: { abs: 1e-9 },
  hints: ['Multiply the stationary probability of state 1 by P₁₂ = 0.3.'],
});

// ------------------------------------------------------------------------------------------------ NB09 (MH and Gibbs, extension)

nb09.matrix({
  id: 'mc.mh.kernel-d5',
  title: 'The Metropolis kernel for π = (5/16, 1/2, 3/16) with a uniform proposal over the other two states',
  source: '002 §4.5 (TBU; extension after Metropolis et al. 1953, Hastings 1970)',
  reference: () => mhKernelMatrix([5 / 16, 1 / 2, 3 / 16], [[0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0]]),
  tolerance: { abs: 1e-9 },
  hints: ['Off the diagonal, T_ij = Q_ij · min(1, π_j/π_i).', 'The diagonal collects the rejected mass: T_ii = 1 − Σ_{j≠i} T_ij.'],
});

nb09.byHand({
  id: 'mc.mh.accept-rate',
  title: 'Stationary acceptance rate of random-walk Metropolis on N(0,1) with N(x, s²) proposals (to 4 significant figures)',
  source: '002 §4.5 (extension)',
  params: { s: { default: 2.4, min: 1e-6 } },
  reference: ({ s }) => rwmAcceptanceGaussian(s),
  sigFigs: 4,
  hints: ['For a symmetric proposal at stationarity the rate is 2·P(|Y| < |X|) with Y = X + sε.', 'The pair (Y − X, Y + X) is bivariate normal; the answer involves arctan(2/s).'],
});

nb09.matrix({
  id: 'mc.gibbs.kernel-d6',
  title: 'The x-chain kernel of two-block Gibbs for the joint [[0.3, 0.2], [0.1, 0.4]]',
  source: '002 App. C, Example C.1.1 (Eqs C.1.5–C.1.7)',
  reference: () => gibbsKernelDiscrete(JOINT_D6).xKernel,
  tolerance: { abs: 1e-9 },
  hints: ['K(x → x′) = Σ_y p(y | x) p(x′ | y).', 'p(y | x=0) = (0.6, 0.4); p(x | y=0) = (0.75, 0.25).'],
});

nb09.byHand({
  id: 'mc.gibbs.lag1',
  title: 'Lag-1 autocorrelation of the x-chain of systematic-scan Gibbs on a standard bivariate normal with correlation ρ',
  source: '002 §4.6 (TBU; extension after Geman & Geman 1984)',
  params: { rho: { default: 0.9, min: -0.999, max: 0.999 } },
  reference: ({ rho }) => rho * rho,
  sigFigs: 4,
  hints: ['Write x_{t+1} = ρ y_{t+1} + noise and y_{t+1} = ρ x_t + noise.', 'The x-chain is AR(1): its coefficient is the autocorrelation at lag 1.'],
});

nb09.number({
  id: 'mc.gibbs.mh-acceptance',
  title: 'Viewed as a Metropolis–Hastings move with the full conditional as proposal, what is a Gibbs update’s acceptance probability?',
  source: '002 §4.6 (extension; Geman & Geman 1984)',
  reference: () => acceptanceProbability(0, 1),
  tolerance: { abs: 1e-12 },
  hints: ['Write p(z′)q(z | z′) / (p(z) q(z′ | z)) with q = p(z_j | z_{−j}) and z′_{−j} = z_{−j}.'],
});

// ------------------------------------------------------------------------------------------------ 003 NB05 (L219–266)

dn05.vector({
  id: 'mc.dgm.mu',
  title: 'μᵏ = μ⁰Tᵏ for T = [[0.9, 0.1], [0.5, 0.5]] and μ⁰ = [1, 0]',
  source: '003 L241–251 (μ^k = μ^0 T^k; erratum 003-E28)',
  params: { k: { default: 2, min: 0, max: 100, integer: true } },
  reference: ({ k }) => distributionAfter([1, 0], TWO_STATE, k),
  tolerance: { abs: 1e-9 },
  hints: ['Multiply the row vector by T, k times.', 'μ¹ = [0.9, 0.1].'],
});

dn05.vector({
  id: 'mc.dgm.pi-two-state',
  title: 'The stationary distribution of T = [[0.9, 0.1], [0.5, 0.5]]',
  source: '003 L253–256 (πT = π)',
  reference: () => stationaryDistribution(TWO_STATE),
  tolerance: { abs: 1e-9 },
  hints: ['For two states, balance the flows: π₁·0.1 = π₂·0.5.'],
});

dn05.number({
  id: 'mc.dgm.rate',
  title: 'The geometric convergence rate |λ₂| of T = [[0.9, 0.1], [0.5, 0.5]]',
  source: '003 L241–256 (closed form μᵏ₁ = (1/6)(1 − 0.4ᵏ))',
  reference: () => secondEigenvalueModulus(TWO_STATE),
  tolerance: { abs: 1e-9 },
  hints: ['For a 2×2 stochastic matrix the other eigenvalue is trace − 1.'],
});

dn05.vector({
  id: 'mc.dgm.pi-three-state',
  title: 'The stationary distribution of the three-state chain [[0.5,0.5,0],[0.25,0.5,0.25],[0,0.5,0.5]]',
  source: '003 L253–256 (πT = π)',
  reference: () => stationaryDistribution(THREE_STATE),
  tolerance: { abs: 1e-9 },
  hints: ['This chain is reversible: use detailed balance between neighbours.'],
});

dn05.boolean({
  id: 'mc.dgm.periodic-converges',
  title: 'Does μᵏ converge for T = [[0,1],[1,0]] started from μ⁰ = [1, 0]?',
  source: '003 L258–266 (the convergence part of the ergodic theorem needs aperiodicity)',
  reference: () => isAperiodic(PERIOD_2),
  hints: ['Write out μ¹, μ², μ³.'],
});

dn05.number({
  id: 'mc.dgm.free-parameters',
  title: 'Free parameters of a transition matrix over the l = 2ⁿ joint states of n binary variables',
  source: '003 L233 (restaurant example; erratum 003-E27)',
  params: { n: { default: 3, min: 1, max: 20, integer: true } },
  reference: ({ n }) => 2 ** n * (2 ** n - 1),
  tolerance: { abs: 0 },
  hints: ['The matrix has l² entries; each of the l rows must sum to 1.'],
});

// ------------------------------------------------------------------------------------------------ 003 NB06 (L268–331)

dn06.number({
  id: 'mc.dgm.gibbs-hold',
  title: 'Holding probability p_xx of random-scan Gibbs at x = (v, h) = 00000 for the tiny RBM (q uniform over 5 units)',
  source: '003 L268–291 (erratum 003-E32), on an RBM of L122–154 with 3 visible and 2 hidden units',
  reference: () => randomScanGibbsKernel(tinyRbmLogProb as (x: number[]) => number, 5)[0][0],
  tolerance: { abs: 1e-7 },
  hints: ['p_xx = Σ_i q(i) P(x_i | x_{−i}): every unit can be redrawn to its current value.', 'Each P(x_i = 0 | x_{−i}) at the all-zero state is 1/(1 + e^{bias of unit i}).'],
});

dn06.vector({
  id: 'mc.dgm.block-row',
  title: 'One block-Gibbs step from v = [1, 0, 1]: the row T(v → ·) over the 8 visible states',
  source: '003 L156–171, L268–291 (block transition Σ_h p(h|v) p(v′|h))',
  reference: () => gibbsKernelDiscrete(tinyRbmJoint()).xKernel[5],
  tolerance: { abs: 1e-6 },
  hints: ['Sum over the 4 hidden states: T(v → v′) = Σ_h p(h | v) p(v′ | h).', 'Index 5 is v = 101 (v₁ most significant).'],
});

dn06.vector({
  id: 'mc.dgm.marginal-v',
  title: 'The marginal p(v) of the tiny RBM (8 states, v₁ most significant) — the stationary distribution of the block chain',
  source: '003 L122–154, L293–331 (the marginal of the RBM is stationary for its Gibbs chain)',
  reference: () => gibbsKernelDiscrete(tinyRbmJoint()).px,
  tolerance: { abs: 1e-7 },
  hints: ['Sum the joint over h, or compute the stationary distribution of the 8×8 block kernel.'],
});

dn06.choice({
  id: 'mc.dgm.e34',
  title: 'The seed’s visible update at L287 is σ(Σ_{j=1}^m w_ij v_j + c_i). Which conditional is it really?',
  source: '003 L287 (erratum 003-E34)',
  reference: () => 'b',
  options: [
    { key: 'a', text: 'p(v_i = 1 | h), correct as printed' },
    { key: 'b', text: 'the hidden-unit conditional p(h_i = 1 | v), with the wrong unit index' },
    { key: 'c', text: 'p(v_i = 1 | v_{−i}), marginalising h' },
  ],
  hints: ['Count the terms: the sum runs over the m visible units and adds a hidden bias c_i.'],
});

dn06.number({
  id: 'mc.dgm.db-residual',
  title: 'max |π(x)p_xy − π(y)p_yx| over the 32 states of the tiny RBM’s random-scan Gibbs kernel (to 1e-12)',
  source: '003 L293–331 (detailed balance; erratum 003-E35)',
  reference: () => {
    const pi = binaryDistribution(tinyRbmLogProb as (x: number[]) => number, 5);
    const K = randomScanGibbsKernel(tinyRbmLogProb as (x: number[]) => number, 5);
    let m = 0;
    for (let i = 0; i < 32; i++) for (let j = 0; j < 32; j++) m = Math.max(m, Math.abs(pi[i] * K[i][j] - pi[j] * K[j][i]));
    return m;
  },
  tolerance: { abs: 1e-12 },
  hints: ['Detailed balance holds exactly for each single-site update, hence for their mixture.'],
});

// ------------------------------------------------------------------------------------------------ 000 NB11 (§3, L1010–1050)

ng11.number({
  id: 'mc.sa.source-normaliser',
  title: 'P(s) for each of M states when (3.15) is evaluated exactly as printed',
  source: '000 §3, L1010–1050, Eq. (3.15) (erratum 000-E41)',
  params: { M: { default: 8, min: 1, max: 1000, integer: true } },
  reference: ({ M }) => boltzmannSourceForm(new Array(M).fill(0).map((_, i) => i), 1)[0],
  tolerance: { abs: 1e-12 },
  hints: ['Look at which energy appears inside the sum over i.'],
});

ng11.number({
  id: 'mc.sa.accept',
  title: 'Acceptance probability P(s, s_new, T) for an energy increase ΔE at temperature κT',
  source: '000 §3, L1010–1050',
  params: { dE: { default: 0.5 }, kT: { default: 1, min: 1e-9 } },
  reference: ({ dE, kT }) => acceptanceProbability(dE, kT),
  tolerance: { abs: 1e-9 },
  hints: ['Downhill moves are always accepted; uphill ones with probability exp(−ΔE/κT).'],
});

ng11.vector({
  id: 'mc.sa.schedule',
  title: 'The source cooling schedule T ← T − (k/K)T for k = 1..K from T₀ = K',
  source: '000 §3, L1048 (erratum 000-E45)',
  params: { K: { default: 10, min: 1, max: 200, integer: true } },
  reference: ({ K }) => coolingSchedule({ kind: 'source', T0: K, K }),
  tolerance: { abs: 1e-9 },
  hints: ['T₁ = K − (1/K)K = K − 1.', 'Look at the last step, k = K.'],
});

ng11.vector({
  id: 'mc.sa.boltzmann10',
  title: 'The Boltzmann probabilities of the 10-state toy energy [3,1,4,1,5,9,2,6,5,3] at κT = 2',
  source: '000 §3, L1010–1050, Eq. (3.15) (exact form)',
  params: { kT: { default: 2, min: 1e-6 } },
  reference: ({ kT }) => boltzmannDistribution(TOY_ENERGIES_10, kT),
  tolerance: { abs: 1e-9 },
  hints: ['Normalise exp(−E_i/κT) by its sum over the 10 states.'],
});

ng11.number({
  id: 'mc.sa.threshold-visits',
  title: 'Visit frequency of state (1,0,1) of the three-unit machine under the fixed-threshold rule (threshold 0.5, κT = 1)',
  source: '000 §3, L1036 (erratum 000-E43)',
  reference: () => bitFlipSampler({ energy: bmO29Energy, n: 3, kT: 1, nSteps: 20000, burnIn: 100, rng: rng(43), rule: 'threshold', threshold: 0.5 }).frequencies[5],
  tolerance: { abs: 1e-12 },
  hints: ['Which single-bit flips into (1,0,1) have exp(−ΔE) > 0.5?', 'E(1,0,1) = 0.6; its neighbours have energies −0.3, −0.7 and −0.1.'],
});
