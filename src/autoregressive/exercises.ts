/**
 * Exercises of the AR notebooks (ids `ar.*`). Every reference is computed with this library (constants only where a source
 * states them). `npx dgmlab answer ar.masks.field` prints the reference.
 */
import { exerciseGroup } from '../exercises/shapes';
import { registerExercise, compare } from '../exercises';
import { nadeParameters, fvsbnParameters } from '../counting';
import { arCharacteristicRoots, arStationaryMean, dilatedCausalReceptiveField, nllDecomposition } from './arp';
import { markovChainModel, pdProb, pdMarginalTail, rnnStep, lstmUnroll, lstmConstantParams, idealCellGrid } from './pixelDensity';
import { NADE_EXAMPLE, nadeConditionals, nadeLogProb } from './nade';
import { madeConnectivity, madeHiddenMask, madeMasks } from './made';
import { FOUR_CASES, ORIENTATIONS, blindSpot, maskedConvKernelMask, receptiveField, stepsIntermediateSet } from './masks';

const masksGroup = exerciseGroup({ notebook: 'dgm-exercises/01-pixelcnn-masks.ipynb' });
const NADE = 'dgm-notes/10-nade.ipynb';
const nadeGroup = exerciseGroup({ notebook: NADE });
const MADE = 'dgm-notes/11-made.ipynb';
const madeGroup = exerciseGroup({ notebook: MADE });
const staGroup = exerciseGroup({ notebook: 'sta4124/12-autoregressive-models.ipynb' });
const pdGroup = exerciseGroup({ notebook: 'nguyen-tutorial/08-pixel-density-rnn-lstm.ipynb' });

// ------------------------------------------------------------------------------------------- dgm-exercises/01 (001 Section 1)
masksGroup.register({
  id: 'ar.masks.field',
  title: 'The receptive field of output pixel 34 for one of the four mask cases',
  source: '001 Section 1, cases 1–4 (L16–19) and Steps 1',
  params: {
    case: { default: 2, min: 1, max: 4, integer: true, description: 'case 1 (A,A), 2 (A,B), 3 (B,A), 4 (B,B)' },
    orientation: { default: 'raster', options: [...ORIENTATIONS], description: "'raster' (standard masks) or 'flipped'" },
  },
  reference: (p) => receptiveField(FOUR_CASES[(p.case as number) - 1], 34, 5, p.orientation as 'raster' | 'flipped'),
  compare: compare.set(),
  hints: [
    'Work backwards: first list the first-layer pixels that 34 reads through the second mask, then the image pixels each of those reads through the first mask.',
    'Drop pixels outside the 5×5 map (zero padding contributes nothing).',
  ],
});

masksGroup.register({
  id: 'ar.masks.self-cases',
  title: 'For which of the four cases is pixel 34 in its own receptive field?',
  source: '001 Section 1, cases 1–4 (L16–19)',
  params: { orientation: { default: 'raster', options: [...ORIENTATIONS], description: "'raster' or 'flipped'" } },
  reference: (p) => FOUR_CASES.map((c, i) => (receptiveField(c, 34, 5, p.orientation as 'raster' | 'flipped').includes(34) ? i + 1 : 0)).filter((i) => i > 0),
  compare: compare.set(),
  hints: ['A pixel can only see itself through a path that uses the centre of the kernel in every layer.'],
});

masksGroup.register({
  id: 'ar.masks.steps-orientation',
  title: "Which orientation of the masks reproduces the source's intermediate set {33, 34, 43, 44, 45}?",
  source: '001 Section 1, Steps for case 2 (L44)',
  reference: () => stepsIntermediateSet().find((s) => s.matchesSource)!.orientation,
  compare: compare.choice([...ORIENTATIONS]),
  hints: ['Centre mask B on pixel 34 and list the kernel entries equal to 1 as pixels of the map.'],
});

masksGroup.register({
  id: 'ar.masks.mask-b5',
  title: 'The 5×5 raster mask of type B',
  source: '001 Section 1 (L5; masks reconstructed from van den Oord et al. 2016) — general odd kernel size',
  params: { k: { default: 5, options: [1, 3, 5, 7, 9], description: 'odd kernel size' } },
  reference: (p) => maskedConvKernelMask('B', p.k as number),
  compare: compare.matrix({ abs: 0 }),
  hints: ['Rows above the centre are all 1; the centre row is 1 up to and including the centre; rows below are 0.'],
});

masksGroup.register({
  id: 'ar.masks.blind-spot',
  title: 'The blind spot of pixel 44 in a 7×7 image under one mask-A layer followed by five mask-B layers',
  source: '001 Section 1 (extension: van den Oord et al., Conditional Image Generation with PixelCNN Decoders, 2016, §2.2)',
  reference: () => blindSpot(['A', 'B', 'B', 'B', 'B', 'B'], 44, 7),
  compare: compare.set(),
  hints: ['Each layer moves at most one row up and one column right at the same time: (−1, +1) is allowed, (0, +1) is not.', 'Which earlier pixels lie to the right of the 45° line through the pixel above-right?'],
});

// ------------------------------------------------------------------------------------------------- dgm-notes/10 (003 L593–650)
nadeGroup.register({
  id: 'ar.nade.count',
  title: 'The number of NADE parameters',
  source: '003 L621–625 (2nd + n + 2d); 002 §7.3 counts 2pd + p + d',
  params: {
    n: { default: 784, min: 1, max: 100000, integer: true, description: 'number of binary inputs n' },
    d: { default: 500, min: 1, max: 100000, integer: true, description: 'hidden units d' },
    convention: { default: '003', options: ['002', '003'], description: "'003': with a learned h_1; '002': h_1 = σ(b)" },
  },
  reference: (p) => nadeParameters(p.n as number, p.d as number, p.convention as '002' | '003'),
  compare: compare.number({ abs: 0 }),
  hints: ['Count W (d×n), b (d), V (n×d), c (n) and — in the 003 convention — h_1 (d).'],
});

nadeGroup.register({
  id: 'ar.nade.p111',
  title: 'p(x = (1, 1, 1)) under the three-variable NADE of the notebook, by hand to 6 significant figures',
  source: '003 L614–619 (with the k − 1 columns of erratum 003-E73)',
  reference: () => Math.exp(nadeLogProb(NADE_EXAMPLE, [1, 1, 1])),
  compare: compare.sigFigs(6),
  hints: ['h_1 = σ(b), h_2 = σ(b + W_{·,1}), h_3 = σ(b + W_{·,1} + W_{·,2}).', 'p(111) = y_1 y_2 y_3 with y_k = σ(V_k · h_k + c_k).'],
});

nadeGroup.register({
  id: 'ar.nade.conditionals',
  title: 'The conditionals y = (y_1, y_2, y_3) of the three-variable NADE at x = (0, 1, 0)',
  source: '003 L614–619',
  reference: () => nadeConditionals(NADE_EXAMPLE, [0, 1, 0]),
  compare: compare.vector({ rel: 1e-6 }),
  hints: ['y_k uses x_1 … x_{k−1} only, so x_2 = 1 matters for y_3 alone.'],
});

nadeGroup.register({
  id: 'ar.nade.unused-column',
  title: 'Which column of W (1..n) never influences any conditional?',
  source: '003 L614–616 (erratum 003-E75)',
  params: { n: { default: 3, min: 2, max: 1000, integer: true, description: 'number of inputs n' } },
  reference: (p) => p.n as number,
  compare: compare.number({ abs: 0 }),
  hints: ['h_k uses the columns 1 … k − 1; what is the largest k?'],
});

// ------------------------------------------------------------------------------------------------- dgm-notes/11 (003 L652–673)
madeGroup.register({
  id: 'ar.made.first-mask',
  title: 'The input→hidden mask M¹ (4×3) for hidden degrees m = (1, 2, 1, 2)',
  source: '003 L661 with the rule of erratum 003-E80',
  reference: () => madeMasks(3, [4], [[1, 2, 1, 2]]).masks[0],
  compare: compare.matrix({ abs: 0 }),
  hints: ['M¹[u, d] = 1 when m(u) ≥ d: a unit of degree 1 sees x_1 only.'],
});

madeGroup.register({
  id: 'ar.made.connectivity',
  title: 'The connectivity matrix M^V M¹ of the n = 3, degrees (1, 2, 1, 2) MADE',
  source: '003 L652–667',
  reference: () => madeConnectivity(madeMasks(3, [4], [[1, 2, 1, 2]]).masks),
  compare: compare.matrix({ abs: 0 }),
  hints: ['M^V[k, u] = 1 when k > m(u).', 'Entry (k, j) counts hidden units u with j ≤ m(u) < k.'],
});

const L667 = madeHiddenMask([1, 1, 2, 1, 3], [1, 2, 1, 2, 3]);
madeGroup.register({
  id: 'ar.made.l667-degrees',
  title: 'Degrees (m¹, m²) of two 5-unit hidden layers whose mask 1[m²(u′) ≥ m¹(u)] is the repaired L667 mask',
  source: '003 L667 (erratum 003-E81)',
  reference: () => ({ m1: [1, 2, 1, 2, 3], m2: [1, 1, 2, 1, 3] }),
  compare: compare.custom<{ m1: number[]; m2: number[] }>(
    'made-degrees',
    '{ m1: number[5], m2: number[5] }',
    (a) => {
      const ans = a as { m1?: unknown; m2?: unknown };
      if (!ans || !Array.isArray(ans.m1) || !Array.isArray(ans.m2) || ans.m1.length !== 5 || ans.m2.length !== 5) return { passed: false, feedback: 'Give { m1: [5 degrees], m2: [5 degrees] }.' };
      if (![...ans.m1, ...ans.m2].every((v) => Number.isInteger(v) && v >= 1)) return { passed: false, feedback: 'Degrees are integers ≥ 1.' };
      const ok = JSON.stringify(madeHiddenMask(ans.m2 as number[], ans.m1 as number[])) === JSON.stringify(L667);
      return ok ? true : { passed: false, feedback: 'Not correct: 1[m2(u′) ≥ m1(u)] does not give the repaired mask.' };
    },
    { format: (e) => `m1 = (${e.m1}), m2 = (${e.m2}) (one solution)` },
  ),
  hints: ['Columns 1 and 3 are always on: those units of layer 1 have the smallest degree.', 'Rows 1, 2, 4 are identical: equal degrees in layer 2.'],
});

madeGroup.register({
  id: 'ar.made.sampling-passes',
  title: 'How many forward passes does MADE need to sample n variables?',
  source: '003 L673',
  params: { n: { default: 784, min: 1, max: 100000, integer: true, description: 'number of variables n' } },
  reference: (p) => p.n as number,
  compare: compare.number({ abs: 0 }),
  hints: ['Each pass yields one new conditional whose inputs are all known.'],
});

// ------------------------------------------------------------------------------------------ sta4124/12 (002 §7; §8 extension)
staGroup.register({
  id: 'ar.arp.stationary-mean',
  title: 'The stationary mean of y_t = 1 + 0.5 y_{t−1} − 0.3 y_{t−2} + ε_t',
  source: '002 §7, L1252–1256 (AR(p))',
  reference: () => arStationaryMean(1, [0.5, -0.3]),
  compare: compare.number({ rel: 1e-6 }),
  hints: ['Take expectations on both sides with E[y_t] = μ for all t.'],
});

staGroup.register({
  id: 'ar.arp.root-modulus',
  title: 'The modulus of the inverse characteristic roots of AR(2) with w = (0.5, −0.3) (4 significant figures)',
  source: '002 §7, L1252–1256; stationarity (Hamilton 1994, §1.2)',
  reference: () => Math.hypot(arCharacteristicRoots([0.5, -0.3]).inverseRoots[0].re, arCharacteristicRoots([0.5, -0.3]).inverseRoots[0].im),
  compare: compare.sigFigs(4),
  hints: ['The inverse roots solve λ² − 0.5λ + 0.3 = 0.', 'A complex-conjugate pair has |λ|² = product of the roots = 0.3.'],
});

staGroup.register({
  id: 'ar.fvsbn.count',
  title: 'FVSBN parameters for p binary variables',
  source: '002 §7.2, Eq. (7.2.2), L1291 (erratum 002-E38)',
  params: { p: { default: 8, min: 1, max: 100000, integer: true, description: 'number of binary variables p' } },
  reference: (q) => fvsbnParameters(q.p as number),
  compare: compare.number({ abs: 0 }),
  hints: ['Row t of (7.2.2) holds w_0^{(t)}, …, w_{t−1}^{(t)}: t numbers.'],
});

staGroup.register({
  id: 'ar.mle.kl',
  title: 'KL(p_data ‖ q) for p_data = (0.2, 0.3, 0.5), q = (0.3, 0.3, 0.4), from NLL − H',
  source: '002 §7.1, Eqs. (7.1.1)–(7.1.2)',
  reference: () => nllDecomposition([0.2, 0.3, 0.5], [0.3, 0.3, 0.4]).kl,
  compare: compare.number({ rel: 1e-9 }),
  hints: ['NLL = −Σ p log q; H = −Σ p log p; KL = NLL − H.'],
});

staGroup.register({
  id: 'ar.wavenet.field',
  title: 'Receptive field (samples) of ten dilated causal convolutions, kernel 2, dilations 1, 2, 4, …, 512',
  source: '002 §8 (TBU) — extension: van den Oord et al., WaveNet (2016), §2.1',
  reference: () => dilatedCausalReceptiveField(2, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]),
  compare: compare.number({ abs: 0 }),
  hints: ['A kernel-2 layer with dilation d adds d samples to the past it sees.'],
});

// ---------------------------------------------------------------------------------- nguyen-tutorial/08 (000 §2, (2.11)–(2.14))
const o18 = () => markovChainModel(4, 0.6, 0.8, 0.3);
pdGroup.register({
  id: 'ar.pd.joint',
  title: 'P(x = (1, 1, 0, 1)) for the Markov chain P(x₁=1) = 0.6, P(1|1) = 0.8, P(1|0) = 0.3',
  source: '000 §2, (2.11)',
  reference: () => pdProb(o18(), [1, 1, 0, 1]),
  compare: compare.number({ rel: 1e-9 }),
  hints: ['Multiply P(x₁ = 1), P(x₂ = 1 | x₁ = 1), P(x₃ = 0 | x₂ = 1) and P(x₄ = 1 | x₃ = 0).'],
});

pdGroup.register({
  id: 'ar.pd.marginal',
  title: 'The marginal P(x₃ = 0, x₄ = 1) of the same chain',
  source: '000 §2, L566–568 (erratum 000-E26)',
  reference: () => pdMarginalTail(o18(), [0, 1]),
  compare: compare.number({ rel: 1e-9 }),
  hints: ['P(x₃ = 0, x₄ = 1) = P(x₃ = 0) · P(x₄ = 1 | x₃ = 0); P(x₃ = 0) needs the marginal of x₂ first.'],
});

pdGroup.register({
  id: 'ar.pd.rnn-step',
  title: 'One RNN step (h₁, o₁) with W_h = 0.5, U_h = −0.3, b_h = 0.1, W_o = 2, b_o = 0, h₀ = 0.2, x₁ = 1, by hand to 4 significant figures',
  source: '000 §2, (2.12)',
  reference: () => {
    const r = rnnStep({ Wh: [[0.5]], Uh: [[-0.3]], bh: [0.1], Wo: [[2]], bo: [0] }, [1], [0.2]);
    return [r.h[0], r.o[0]];
  },
  compare: compare.vectorSigFigs(4),
  hints: ['h₁ = tanh(0.5·1 − 0.3·0.2 + 0.1); o₁ = σ(2 h₁).'],
});

pdGroup.register({
  id: 'ar.pd.lstm-c2',
  title: 'The LSTM cell state c₂ after x = (1, −1) with all W = 0.5, all U = −0.5, b = 0, h₀ = c₀ = 0',
  source: '000 §2, (2.13)',
  reference: () => lstmUnroll(lstmConstantParams(1, 1, 0.5, -0.5, 0), [[1], [-1]], [0], [0]).c[1][0],
  compare: compare.number({ rel: 1e-6 }),
  hints: ['Step 1: every gate pre-activation is 0.5; c₁ = i·g, h₁ = o·tanh(c₁).', 'Step 2: pre-activation 0.5·(−1) − 0.5·h₁.'],
});

pdGroup.register({
  id: 'ar.pd.draws',
  title: 'How many conditional draws does sequential generation make for an n × n image with k seeded pixels?',
  source: '000 §2, L566',
  params: { n: { default: 3, min: 1, max: 1000, integer: true, description: 'image width n' }, k: { default: 2, min: 0, max: 1000000, integer: true, description: 'seeded pixels k' } },
  reference: (q) => Math.max(0, (q.n as number) ** 2 - (q.k as number)),
  compare: compare.number({ abs: 0 }),
  hints: ['One draw per pixel that is not given.'],
});

pdGroup.register({
  id: 'ar.pd.ideal-cell',
  title: 'The idealised 2-D LSTM cell c_{3,3} (f = i = g = 1, zero boundary)',
  source: '000 §2, (2.14) (erratum 000-E29)',
  params: { i: { default: 3, min: 1, max: 20, integer: true, description: 'row i' }, j: { default: 3, min: 1, max: 20, integer: true, description: 'column j' } },
  reference: (q) => idealCellGrid(Math.max(q.i as number, q.j as number))[(q.i as number) - 1][(q.j as number) - 1],
  compare: compare.number({ abs: 0 }),
  hints: ['c_{i,j} = c_{i,j−1} + c_{i−1,j} + 1: fill the grid row by row.', 'Or use c_{i,j} = C(i+j, i) − 1.'],
});
