/**
 * Errata of the MC sections (002 §4, App. C.1; 003 L219–331; 000 §3, L1010–1050), each with a numerical demonstration computed by
 * the library (source form vs exact form). Ids follow the inventories in ../shared/curriculum.
 * Demonstrations are quick (they run whenever the errata table is shown).
 */
import { registerErratum } from '../errata/registry';
import { rng } from '../core/rng';
import { sigmoid } from '../core/special';
import { acceptanceProbability, boltzmannDistribution, boltzmannSourceForm, coolingSchedule, simulatedAnnealing } from './annealing';
import { integratedAutocorrTime } from './diagnostics';
import { communicatingClasses, distributionAfter, distributions, isIrreducible, matrixPower, tvDistance, period, stationarityResidual, stationaryDistribution, stationaryDistributionExact, runningAverage, simulateChain } from './chains';
import { bitFlipSampler, coordinate, randomWalkMetropolis } from './mh';
import { binaryDistribution, bitsToIndex, indexToBits, randomScanGibbsKernel } from './gibbs';
import { EXAMPLE_441, EXAMPLE_441_PRINTED_PI, PERIOD_2, TINY_RBM, TWO_STATE, bmO29Energy, tinyRbmLogProb } from './examples';

const NB07 = 'sta4124/07-monte-carlo-basics.ipynb';
const NB08 = 'sta4124/08-markov-chains.ipynb';
const NB09 = 'sta4124/09-metropolis-hastings-and-gibbs.ipynb';
const DN05 = 'dgm-notes/05-markov-chains.ipynb';
const DN06 = 'dgm-notes/06-gibbs-and-detailed-balance.ipynb';
const NG11 = 'nguyen-tutorial/11-boltzmann-and-annealing.ipynb';


// ------------------------------------------------------------------------------------------------ 002 §4.3

registerErratum({
  id: '002-E17',
  source: '002',
  location: '§4.3.1, Eq. (4.3.12), L774–776',
  sourceForm: String.raw`the variance is minimised (to zero) by $q^*(z) \propto f(z)\,p(z)$`,
  exactForm: String.raw`$q^*(z) \propto |f(z)|\,p(z)$ (Cauchy–Schwarz); its per-sample variance is $(\mathbb E_p|f|)^2 - (\mathbb E_p f)^2$, zero only when f has constant sign`,
  summary: 'f p can be negative, so it is not a proposal; the optimum uses |f|',
  severity: 'M',
  notebook: NB07,
  demonstrate: () => ({
    // f(z) = z, p = N(0,1): E|z| = √(2/π), E z = 0 → minimal variance 2/π (not 0)
    source: 0,
    exact: 2 / Math.PI,
    example: 'f(z) = z, p = N(0, 1): the minimal per-sample variance over all q is (E|z|)² = 2/π',
  }),
});

registerErratum({
  id: '002-E18',
  source: '002',
  location: '§4.3 intro, L744–746',
  sourceForm: String.raw`with $z_i \sim p$: $\mathbb E_p[f] \approx \sum_i f(z_i)\,p(z_i)$`,
  exactForm: String.raw`with $z_i \sim p$: $\mathbb E_p[f] \approx \frac1N\sum_i f(z_i)$ (the density is already in the sampling)`,
  summary: 'weighting samples from p by p(z) again is biased',
  severity: 'M',
  notebook: NB07,
  demonstrate: () => {
    // f = z², p = N(0,1), N = 10: E[Σ f(z_i) φ(z_i)] = N ∫ z² φ(z)² dz = N/(4√π)
    const N = 10;
    return { source: N / (4 * Math.sqrt(Math.PI)), exact: 1, example: 'expected value of each estimator of E_p[z²] = 1 with N = 10 draws from N(0,1)' };
  },
});

registerErratum({
  id: '002-E19',
  source: '002',
  location: '§4.3.2, L786–788',
  sourceForm: String.raw`$\approx Z_p\sum_i f(z_i)\,p(z_i)/q(z_i)$`,
  exactForm: String.raw`$\approx \frac1N\sum_i f(z_i)\,p(z_i)/q(z_i)$ (the factor 1/N is missing)`,
  summary: 'missing 1/N: the sum grows with N',
  severity: 't',
  notebook: NB07,
  demonstrate: () => {
    const g = rng(19);
    const N = 100;
    let sum = 0;
    for (let i = 0; i < N; i++) {
      const z = 2 * g.normal(); // q = N(0, 2²), p = N(0,1), f = z²
      sum += z * z * Math.exp(-0.5 * z * z + (0.5 * z * z) / 4) * 2;
    }
    return { source: sum, exact: sum / N, example: 'E_p[z²] = 1 by IS with q = N(0, 2²), N = 100, seed 19' };
  },
});

registerErratum({
  id: '002-E20',
  source: '002',
  location: '§4.3.2, Eq. (4.3.17), L795–806',
  sourceForm: 'the bias "derivation" integrates over one z_i although the denominator Σ_j w̃_j involves every z_j',
  exactForm: 'the expectation is over the joint of z_1..z_N; SNIS is biased by O(1/N) and consistent',
  summary: 'SNIS is biased for finite N',
  severity: 'I',
  notebook: NB07,
  demonstrate: () => {
    // exact enumeration: p = (0.2, 0.8) on {0,1}, q uniform, f(z) = z, N = 2: E[Σ f W] = (0 + 0.8 + 0.8 + 1)/4
    const w = [0.2 / 0.5, 0.8 / 0.5];
    let e = 0;
    for (const a of [0, 1]) for (const b of [0, 1]) e += (0.25 * (w[a] * a + w[b] * b)) / (w[a] + w[b]);
    return { source: 0.8, exact: e, example: 'E[SNIS estimate] with N = 2 (exact enumeration) vs the target E_p[z] = 0.8' };
  },
});

// ------------------------------------------------------------------------------------------------ 002 §4.4, App. C.1

registerErratum({
  id: '002-E22',
  source: '002',
  location: '§4.4.2, L835–837',
  sourceForm: String.raw`m-th order: $x_{t+1} \perp z_{1:t-m-1} \mid z_{t-m:t}$ (x/z mixed)`,
  exactForm: String.raw`$z_{t+1} \perp z_{1:t-m} \mid z_{t-m+1:t}$ — conditioning on the last m states`,
  summary: 'off by one: the printed version conditions on m + 1 states',
  severity: 't',
  notebook: NB08,
  demonstrate: () => ({ source: 2 + 1, exact: 2, example: 'number of conditioning states for m = 2' }),
});

registerErratum({
  id: '002-E23',
  source: '002',
  location: '§4.4.3, L845–849',
  sourceForm: String.raw`entry (i, j) holds $T(z_j, z_i)$ and then $p = pT'$ (transposed)`,
  exactForm: String.raw`one convention: row-stochastic $P_{ij} = p(j \mid i)$ and $\pi = \pi P$ (as App. C and Example 4.4.1 use)`,
  summary: 'mixing the conventions solves the wrong equation',
  severity: 'I',
  notebook: NB08,
  demonstrate: () => {
    // π = πPᵀ means Pπᵀ = πᵀ: π is a right eigenvector of P, i.e. constant for a stochastic P
    const PT = EXAMPLE_441[0].map((_, j) => EXAMPLE_441.map((r) => r[j]));
    const colSums = PT.map((r) => r.reduce((a, b) => a + b, 0));
    const uniform = [1 / 3, 1 / 3, 1 / 3];
    const piPT = [0, 1, 2].map((j) => uniform.reduce((a, v, i) => a + v * PT[i][j], 0));
    return { source: uniform, exact: stationaryDistribution(EXAMPLE_441), check: { uniformTimesPT: piPT, rowSumsOfPT: colSums } };
  },
});

registerErratum({
  id: '002-E24',
  source: '002',
  location: '§4.4.3, Example 4.4.1, L869',
  sourceForm: 'π ≈ [0.301, 0.547, 0.152]',
  exactForm: 'π = [5/16, 1/2, 3/16] = [0.3125, 0.5, 0.1875] (the printed linear system is right; its solution is not)',
  summary: 'the printed stationary vector fails πP = π by up to 0.028',
  severity: 'M',
  notebook: NB08,
  demonstrate: () => ({
    source: stationarityResidual(EXAMPLE_441_PRINTED_PI, EXAMPLE_441),
    exact: stationarityResidual(stationaryDistribution(EXAMPLE_441), EXAMPLE_441),
    what: 'max |πP − π|',
    exactPi: stationaryDistributionExact(EXAMPLE_441).fractions.join(', '),
  }),
});

registerErratum({
  id: '002-E25',
  source: '002',
  location: '§4.4.3, L883–892, Fig. 4.2 caption, Thm 4.4.1',
  sourceForm: 'irreducible + aperiodic are "sufficient but not necessary for existence"; Fig. 4.2 "aperiodic … (period = 2)"; no self-loop ⇒ cannot return immediately ⇒ period 2',
  exactForm: 'every finite chain has a stationary distribution; irreducibility gives uniqueness; aperiodicity gives convergence; the Fig. 4.2 chain is periodic; a chain without self-loops can be aperiodic',
  summary: 'existence vs uniqueness vs convergence; periodic, not aperiodic',
  severity: 'M',
  notebook: NB08,
  demonstrate: () => {
    const noLoops = [
      [0, 1, 0],
      [0.5, 0, 0.5],
      [1, 0, 0],
    ];
    return {
      source: 'Fig. 4.2 chain called aperiodic',
      exact: `period ${period(PERIOD_2, 0)}`,
      noSelfLoopChainPeriod: period(noLoops, 0),
      periodicChainStationary: stationaryDistribution(PERIOD_2),
      periodicChainDoesNotConverge: distributions([1, 0], PERIOD_2, 3),
    };
  },
});

registerErratum({
  id: '002-E55',
  source: '002',
  location: 'App. C.1.2, L1793–1797',
  sourceForm: String.raw`limiting distribution written with $P_{i1}$ (no power)`,
  exactForm: String.raw`$\lim_n (P^n)_{ij} = \pi_j$ and $P(X_t = j) = \sum_i P(X_0 = i)(P^t)_{ij} \to \pi_j$`,
  summary: 'the n-step matrix is missing',
  severity: 't',
  notebook: NB08,
  demonstrate: () => ({ source: EXAMPLE_441[0][1], exact: matrixPower(EXAMPLE_441, 50)[0][1], example: 'Example 4.4.1: P₁₂ vs (P⁵⁰)₁₂ = π₂ = 1/2' }),
});

registerErratum({
  id: '002-E54',
  source: '002',
  location: 'App. C, L1761 (vs §4.4, L845)',
  sourceForm: 'a homogeneous chain is called "stationary" (time-invariant)',
  exactForm: 'homogeneity is a property of the kernel (P does not depend on t); stationarity is a property of the distribution (μP = μ)',
  summary: 'homogeneous (kernel) and stationary (distribution) are conflated',
  severity: 'I',
  notebook: NB08,
  // Example 4.4.1 is homogeneous, yet started from state 1 its distribution keeps changing: TV(μ₀, μ₀P) > 0.
  demonstrate: () => {
    const mu0 = EXAMPLE_441.map((_, i) => (i === 0 ? 1 : 0));
    return { source: 0, exact: tvDistance(mu0, distributionAfter(mu0, EXAMPLE_441, 1)), example: 'TV(μ₀, μ₁) for Example 4.4.1 from state 1: 0 if "homogeneous" meant "stationary"' };
  },
});

registerErratum({
  id: '002-E56',
  source: '002',
  location: 'App. C, L1807',
  sourceForm: 'a reducible chain reduces to a smaller chain that is "not irreducible"',
  exactForm: 'a reducible chain splits into communicating classes; a closed class is itself an irreducible chain',
  summary: 'garbled sentence about reducibility',
  severity: 't',
  notebook: NB08,
  // Two closed classes {0,1} and {2}: the whole chain is reducible, the restriction to {0,1} is irreducible.
  demonstrate: () => {
    const P = [
      [0.5, 0.5, 0],
      [0.3, 0.7, 0],
      [0, 0, 1],
    ];
    const classes = communicatingClasses(P);
    const restricted = [
      [0.5, 0.5],
      [0.3, 0.7],
    ];
    return { source: false, exact: isIrreducible(restricted), wholeChainIrreducible: isIrreducible(P), classes: classes.map((c) => c.join(',')).join(' | ') };
  },
});

registerErratum({
  id: '002-E65',
  kind: 'remark',
  source: '002',
  location: '§4.4.1, L827',
  sourceForm: 'MCMC "scales well with the dimension", in comparison with rejection and importance sampling',
  exactForm: 'right as a comparison (their acceptance rate and effective sample size decay exponentially in d); the cost of MCMC still grows with d: for random-walk Metropolis with step $2.38/\\sqrt d$ the integrated autocorrelation time grows roughly linearly in $d$ (Roberts, Gelman & Gilks 1997)',
  summary: 'not an error — a note on how the cost of MCMC grows with the dimension (the plot of τ against d in the notebook)',
  severity: 'I',
  notebook: NB09,
  demonstrate: () => {
    const tau = (d: number) => {
      const lt = (x: Float64Array) => {
        let q = 0;
        for (let j = 0; j < d; j++) q += x[j] * x[j];
        return -0.5 * q;
      };
      const r = randomWalkMetropolis({ logTarget: lt, x0: new Array(d).fill(0), stepSize: 2.38 / Math.sqrt(d), nSteps: 10000, rng: rng(65) });
      return integratedAutocorrTime(coordinate(r, 0));
    };
    return { source: 'no dimension dependence', exact: `τ(d=1) = ${tau(1).toFixed(1)}, τ(d=20) = ${tau(20).toFixed(1)}`, what: 'integrated autocorrelation time of x₁, RWM on N(0, I_d), 10 000 steps, seed 65' };
  },
});

// ------------------------------------------------------------------------------------------------ 003 L219–331

registerErratum({
  id: '003-E27',
  source: '003',
  location: 'L233',
  sourceForm: '"Let us assume 2^n = 1 (i.e., X_i can take l values). We need to l² values"',
  exactForm: 'l = 2ⁿ states, so the transition matrix has l² entries, of which l(l − 1) are free (each row sums to 1)',
  summary: '2ⁿ = l, not 1',
  severity: 'm',
  notebook: DN05,
  demonstrate: () => {
    const l = 2 ** 3;
    return { source: 1, exact: l * (l - 1), what: 'free parameters of the transition matrix for n = 3 binary variables (literal reading "2ⁿ = 1" leaves one state)' };
  },
});

registerErratum({
  id: '003-E28',
  source: '003',
  location: 'L247',
  sourceForm: String.raw`$P(X_1 = b) = \sum_a \mu_a^a T_{ab}$`,
  exactForm: String.raw`$P(X_1 = b) = \sum_a \mu_a^0 T_{ab}$ (the initial distribution, at every a)`,
  summary: 'superscript a should be 0',
  severity: 'm',
  notebook: DN05,
  demonstrate: () => {
    // read literally, μ^a = the distribution at time a: Σ_a μ^a_a T_ab mixes times
    const mu = distributions([1, 0], TWO_STATE, 1);
    const literal = [0, 1].map((b) => mu[0][0] * TWO_STATE[0][b] + mu[1][1] * TWO_STATE[1][b]);
    return { source: literal, exact: mu[1], what: 'P(X₁ = ·) for T = [[0.9, 0.1], [0.5, 0.5]], μ⁰ = [1, 0]: the literal reading is not even a distribution' };
  },
});

registerErratum({
  id: '003-E29',
  source: '003',
  location: 'L258–260 (ergodic theorem)',
  sourceForm: 'the theorem\'s display equation is missing ("…then [nothing] where X ∼ π, for any function f")',
  exactForm: String.raw`$\frac1t\sum_{i=1}^t f(X_i) \to \mathbb E_{X\sim\pi}[f(X)]$ almost surely (irreducible chain)`,
  summary: 'the ergodic average is missing',
  severity: 'S',
  notebook: DN05,
  demonstrate: () => {
    const path = simulateChain(TWO_STATE, 0, 50000, rng(29));
    const avg = runningAverage(Array.from(path));
    return { source: '(equation missing)', exact: avg[avg.length - 1], target: stationaryDistribution(TWO_STATE)[1], what: 'running average of f(x) = x on the two-state chain (E_π f = 1/6), seed 29' };
  },
});

registerErratum({
  id: '003-E32',
  source: '003',
  location: 'L276',
  sourceForm: String.raw`$p_{xy} = q(i)\,P(y_i \mid x_{-i})$ "if there is an i" with x, y differing only in i — read literally also for x = y`,
  exactForm: String.raw`for x = y every coordinate qualifies: $p_{xx} = \sum_i q(i)\,P(x_i \mid x_{-i})$`,
  summary: 'the holding probability needs a sum over coordinates',
  severity: 'M',
  notebook: DN06,
  demonstrate: () => {
    const rowSums = (K: number[][]) => K.map((r) => r.reduce((a, b) => a + b, 0));
    const src = rowSums(randomScanGibbsKernel(tinyRbmLogProb as (x: number[]) => number, 5, { form: 'source' }));
    const ex = rowSums(randomScanGibbsKernel(tinyRbmLogProb as (x: number[]) => number, 5));
    return { source: Math.min(...src), exact: Math.min(...ex), what: 'smallest row sum of the 32×32 random-scan kernel of the tiny RBM' };
  },
});

registerErratum({
  id: '003-E33',
  source: '003',
  location: 'L280',
  sourceForm: String.raw`$P(X_i = y_i \mid X_{-i} = x_{-i}) = P(X)/P(X_{-i})$`,
  exactForm: String.raw`$P(y_i, x_{-i}) / P(x_{-i})$ — the numerator is the proposed state, not the current one`,
  summary: 'the numerator must be the new state',
  severity: 'm',
  notebook: DN06,
  demonstrate: () => {
    const pi = binaryDistribution(tinyRbmLogProb as (x: number[]) => number, 5);
    // x = 00000, coordinate i = 0: Σ over y_0 ∈ {0,1} of the conditional
    const x = 0;
    const y = bitsToIndex([1, 0, 0, 0, 0]);
    const marg = pi[x] + pi[y];
    return { source: (pi[x] + pi[x]) / marg, exact: (pi[x] + pi[y]) / marg, what: 'Σ_{y_1} P(X_1 = y_1 | x_{−1}) at x = 00000 of the tiny RBM (must be 1)' };
  },
});

registerErratum({
  id: '003-E34',
  source: '003',
  location: 'L287',
  sourceForm: String.raw`visible update: $z = \sigma\big(\sum_{j=1}^m w_{ij} v_j + c_i\big)$`,
  exactForm: String.raw`$z = \sigma\big(\sum_{j=1}^n w_{ij} h_j + b_i\big)$ (L154 convention) $= \sigma((W^\top h + b)_i)$ — the printed formula is the hidden-unit one`,
  summary: 'the visible conditional uses the hidden-unit formula (ill-typed when m ≠ n)',
  severity: 'M',
  notebook: DN06,
  demonstrate: () => {
    const { W, b, c } = TINY_RBM;
    const v = [1, 0, 1];
    const h = [1, 1];
    const exact = [0, 1, 2].map((i) => sigmoid(W[0][i] * h[0] + W[1][i] * h[1] + b[i]));
    // the printed formula for i = 1, 2, 3: σ(Σ_j W[i][j] v_j + c_i) — W has only n = 2 rows and c only 2 entries
    const source = [0, 1, 2].map((i) => (i < 2 ? sigmoid(W[i][0] * v[0] + W[i][1] * v[1] + W[i][2] * v[2] + c[i]) : 'undefined (c₃ does not exist)'));
    return { source, exact, what: 'p(v_i = 1 | ·) for the tiny RBM at v = [1,0,1], h = [1,1]' };
  },
});

registerErratum({
  id: '003-E35',
  source: '003',
  location: 'L327–329 (detailed-balance proof for Gibbs)',
  sourceForm: String.raw`$\ldots = \pi(y_i)\,q(i)\,\pi(x_i \mid x_{-i}) = \pi(y_i)\,p_{yx}$`,
  exactForm: String.raw`$\pi(y_i, x_{-i}) = \pi(y)$, so $\ldots = \pi(y)\,q(i)\,\pi(x_i\mid x_{-i}) = \pi(y)\,p_{yx}$`,
  summary: 'the joint π(y), not the marginal π(y_i), closes the proof',
  severity: 'M',
  notebook: DN06,
  demonstrate: () => {
    const pi = binaryDistribution(tinyRbmLogProb as (x: number[]) => number, 5);
    const K = randomScanGibbsKernel(tinyRbmLogProb as (x: number[]) => number, 5);
    const x = 0;
    const y = bitsToIndex([1, 0, 0, 0, 0]);
    let piY1 = 0; // marginal π(y_1 = 1)
    for (let s = 0; s < 32; s++) if (indexToBits(s, 5)[0] === 1) piY1 += pi[s];
    return { source: piY1 * K[y][x], exact: pi[y] * K[y][x], lhs: pi[x] * K[x][y], what: 'π(x) p_xy (lhs) against the right-hand side with π(y_1) (source) and π(y) (exact), x = 00000, y = 10000' };
  },
});

registerErratum({
  id: '003-E36',
  kind: 'gap',
  source: '003',
  location: 'L331',
  sourceForm: '"it can be seen intuitively that the chain is irreducible and aperiodic"',
  exactForm: 'detailed balance gives stationarity only; irreducibility needs every full conditional in (0, 1) — a target with zero-probability states can make Gibbs reducible',
  summary: 'irreducibility is an extra condition',
  severity: 'm',
  notebook: DN06,
  demonstrate: () => {
    // p uniform on {00, 11}: Gibbs can never leave its starting state
    const K = randomScanGibbsKernel((x) => (x[0] === x[1] ? 0 : -Infinity), 2);
    return { source: 'irreducible', exact: isIrreducible(K) ? 'irreducible' : 'reducible', kernel: K };
  },
});

// ------------------------------------------------------------------------------------------------ 000 §3, L1010–1050

const O29_ENERGIES = Array.from({ length: 8 }, (_, k) => bmO29Energy(indexToBits(k, 3)));

registerErratum({
  id: '000-E41',
  source: '000',
  location: '§3, L1010–1050, Eq. (3.15), L1012',
  sourceForm: String.raw`$P(s) = \exp(-E(s)/\kappa T) \,/\, \sum_{i=1}^M \exp(-E(s)/\kappa T)$`,
  exactForm: String.raw`$P(s) = \exp(-E(s)/\kappa T) \,/\, \sum_{i=1}^M \exp(-E(s_i)/\kappa T)$`,
  summary: 'as printed the denominator does not depend on i, so P(s) = 1/M',
  severity: 'major',
  notebook: NG11,
  demonstrate: () => ({ source: boltzmannSourceForm(O29_ENERGIES, 1), exact: boltzmannDistribution(O29_ENERGIES, 1), what: 'the 8 states of the three-unit Boltzmann machine at κT = 1' }),
});

registerErratum({
  id: '000-E42',
  source: '000',
  location: '§3, L1014–1024',
  sourceForm: 'state probability "proportional to energy and temperature"; a larger acceptance probability makes the annealing more likely to stop',
  exactForm: 'P(s) ∝ exp(−E(s)/κT): decreasing in the energy; the acceptance probability governs moves, not stopping',
  summary: 'proportional to exp(−E/κT), not to E',
  severity: 'minor',
  notebook: NG11,
  demonstrate: () => ({ source: [1 / 3, 2 / 3], exact: boltzmannDistribution([1, 2], 1), what: 'two states with E = 1, 2 at κT = 1: "∝ E" vs Boltzmann' }),
});

registerErratum({
  id: '000-E43',
  source: '000',
  location: '§3, L1036; §3, L1160',
  sourceForm: 'accept s_new if P(s, s_new, T) > a predefined threshold',
  exactForm: 'accept if u < P(s, s_new, T) with u ~ U(0, 1) (Metropolis); a fixed threshold is a deterministic greedy rule that does not sample the Boltzmann distribution',
  summary: 'a fixed threshold is not a sampler',
  severity: 'major',
  notebook: NG11,
  demonstrate: () => {
    const common = { energy: bmO29Energy, n: 3, kT: 1, nSteps: 20000, burnIn: 200 };
    const thr = bitFlipSampler({ ...common, rng: rng(43), rule: 'threshold', threshold: 0.5 });
    const met = bitFlipSampler({ ...common, rng: rng(43), rule: 'metropolis' });
    return {
      source: thr.frequencies[0b101],
      exact: met.frequencies[0b101],
      target: boltzmannDistribution(O29_ENERGIES, 1)[0b101],
      what: 'visit frequency of state (1,0,1) of the three-unit machine, 20 000 single-bit-flip steps at κT = 1, seed 43 (threshold 0.5 vs uniform test)',
    };
  },
});

registerErratum({
  id: '000-E44',
  source: '000',
  location: '§3 L1026 vs L1030–1040 vs L1160–1164',
  sourceForm: 'T decreases "after acceptance" (text), every iteration (SA pseudo-code), only inside the accept branch (BM+SA pseudo-code)',
  exactForm: 'choose one placement and say so; they give different temperature paths',
  summary: 'three inconsistent places to decrease T',
  severity: 'minor',
  notebook: NG11,
  demonstrate: () => {
    const sched = coolingSchedule({ kind: 'geometric', T0: 2, K: 400, alpha: 0.99 });
    const run = (decrease: 'every-iteration' | 'on-accept') =>
      simulatedAnnealing({ energy: (s) => s * s, neighbour: (s, g) => s + g.normal(), s0: 0, schedule: sched, nIter: 200, rng: rng(44), decrease }).temperatures[199];
    return { source: run('on-accept'), exact: run('every-iteration'), what: 'temperature after 200 iterations: decrease on acceptance only (source BM+SA) vs every iteration (SA pseudo-code)' };
  },
});

registerErratum({
  id: '000-E45',
  source: '000',
  location: '§3 L1048; §3 L1173',
  sourceForm: 'decrease(T) = T − (k/K)·T with T₀ = K',
  exactForm: 'T_k = T₀ Π_{j≤k}(1 − j/K) reaches T_K = 0 exactly, where exp(−ΔE/κT) divides by zero; guard T > 0 (e.g. stop at k = K − 1, or cool geometrically)',
  summary: 'the schedule reaches T = 0',
  severity: 'design',
  notebook: NG11,
  demonstrate: () => {
    const T = coolingSchedule({ kind: 'source', T0: 10, K: 10 });
    let err = '';
    try {
      acceptanceProbability(1, T[9]);
    } catch (e) {
      err = (e as Error).message.split(' — ')[0];
    }
    return { source: T[9], exact: coolingSchedule({ kind: 'geometric', T0: 10, K: 10 })[9], error: err, what: 'T_10 of the source schedule (T₀ = K = 10) vs a geometric schedule (α = 0.9)' };
  },
});

/** Errata cells: the shared errata table (src/errata), re-exported so notebooks can call `<topic>.showErrata([...])`. */
export { showErrata } from '../errata/registry';
