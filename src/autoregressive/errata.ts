/**
 * Errata of the AR sections: source 001 Section 1 (001-E11, 001-E12: new, the inventory lists none for Section 1), source 000
 * §2 (E26–E31, pixel density / RNN / LSTM / 2-D LSTM), source 002 §7 (E36–E39), source 003 L593–673 (E71–E81), each with a
 * numerical demonstration computed by this library.
 */
import { registerErratum } from '../errata';
import { maskedConvKernelMask, receptiveFieldLayers, receptiveField, STEPS_INTERMEDIATE_SET } from './masks';
import { NADE_EXAMPLE, binaryVectors, nadeConditionals, nadeConditionalsSourceForm, nadeLogProb, nadeTable } from './nade';
import { SOURCE_L667_MASK, madeConnectivity, madeHiddenMask, madeMasks, isStrictlyLowerTriangular } from './made';
import { markovChainModel, pdRemainingProduct, pdMarginalTail, pdProb, pdSampleSequential, pdGenerateTutorialForm, lstmConstantParams, lstmUnroll, lstm2dGrid, idealCellGrid, binomial, Lstm2dParams, LSTM_GATES } from './pixelDensity';
import { rng } from '../core/rng';
import { fullJointParameters, fvsbnParameters, nadeParameters } from '../counting';

const MASKS = 'dgm-exercises/01-pixelcnn-masks.ipynb';
const NADE = 'dgm-notes/10-nade.ipynb';
const MADE = 'dgm-notes/11-made.ipynb';
const STA = 'sta4124/12-autoregressive-models.ipynb';
const PD = 'nguyen-tutorial/08-pixel-density-rnn-lstm.ipynb';
/** The O-18 chain: P(x_1 = 1) = 0.6, P(1 | 1) = 0.8, P(1 | 0) = 0.3, four pixels. */
const chain = () => markovChainModel(4, 0.6, 0.8, 0.3);
const r8 = (v: number) => Number(v.toFixed(8));

/** Σ_x Π_k p(x_k | …) for a conditionals function (1 for a valid autoregressive model). */
function totalMass(n: number, cond: (x: number[]) => number[]): number {
  return binaryVectors(n).reduce((s, x) => s + cond(x).reduce((p, y, k) => p * (x[k] === 1 ? y : 1 - y), 1), 0);
}

// ------------------------------------------------------------------------------------------------------------- 001 Section 1
registerErratum({
  id: '001-E11',
  source: '001',
  location: 'Section 1, L5 (mask definitions) and Figures 2–3 (L25–41)',
  sourceForm: String.raw`M^A = \;?\qquad M^B = \;?`,
  exactForm: String.raw`M^A = \begin{pmatrix}1&1&1\\1&0&0\\0&0&0\end{pmatrix},\quad M^B = \begin{pmatrix}1&1&1\\1&1&0\\0&0&0\end{pmatrix}`,
  summary:
    'the definitions of M^A and M^B (and the coloured fields of Figures 2–3) are missing after "We define mask of type A and mask of type B as"; the standard PixelCNN masks (van den Oord et al. 2016) are the reconstruction used here',
  kind: 'gap',
  severity: 'major',
  notebook: MASKS,
  demonstrate: () => ({ source: 'no mask given', exact: { A: maskedConvKernelMask('A', 3), B: maskedConvKernelMask('B', 3) }, fieldAB: receptiveField(['A', 'B'], 34, 5) }),
});

registerErratum({
  id: '001-E12',
  source: '001',
  location: 'Section 1, Steps for case 2, L44',
  sourceForm: String.raw`\text{pixel 34 reads } \{33, 34, 43, 44, 45\} \text{ through } M^B`,
  exactForm: String.raw`\text{raster } M^B:\ \{23, 24, 25, 33, 34\};\ \text{the source's set is that of } M^B \text{ flipped vertically}`,
  summary:
    'the intermediate set of Steps 1 is what the standard mask B gives only when flipped vertically (generation from the bottom row up); with the standard raster mask, pixel 34 reads the row above, not the row below',
  kind: 'remark',
  notebook: MASKS,
  demonstrate: () => ({
    source: STEPS_INTERMEDIATE_SET,
    exact: receptiveFieldLayers(['A', 'B'], 34, 5, 'raster')[1],
    flipped: receptiveFieldLayers(['A', 'B'], 34, 5, 'flipped')[1],
  }),
});

// ------------------------------------------------------------------------------------------------------ 003 L593–673 (NADE, MADE)
registerErratum({
  id: '003-E71',
  source: '003',
  location: 'L598 (chain rule)',
  sourceForm: String.raw`p(x) = \prod_{i=1}^{n} p(x_i \mid x_{<k})`,
  exactForm: String.raw`p(x) = \prod_{k=1}^{n} p(x_k \mid x_{<k})`,
  summary: 'the product index i and the conditioning index k are mixed',
  severity: 'minor',
  notebook: NADE,
  demonstrate: () => ({ source: 'index mismatch', exact: r8(nadeTable(NADE_EXAMPLE).reduce((a, r) => a + r.p, 0)) }),
});

registerErratum({
  id: '003-E72',
  source: '003',
  location: 'L600',
  sourceForm: String.raw`O(2^n)\ \text{parameters}`,
  exactForm: String.raw`\sum_{k=1}^{n} 2^{k-1} = 2^n - 1`,
  summary: 'the full table of binary conditionals has exactly 2^n − 1 free parameters (O(2^n) is right but loose)',
  kind: 'remark',
  notebook: NADE,
  demonstrate: () => ({ source: 'O(2^n)', exact: { n3: fullJointParameters([2, 2, 2]), n4: fullJointParameters([2, 2, 2, 2]), sumOfConditionals4: [1, 2, 4, 8].reduce((a, b) => a + b, 0) } }),
});

registerErratum({
  id: '003-E73',
  source: '003',
  location: 'L616',
  sourceForm: String.raw`W_{\cdot,<k} = \text{the first } k \text{ columns of } W`,
  exactForm: String.raw`W_{\cdot,<k} = (W_{\cdot,1}, \dots, W_{\cdot,k-1}) \text{ (the first } k-1 \text{ columns)}`,
  summary: 'with k columns h_k sees x_k, so y_k can copy the value it predicts and the product of the "conditionals" is no longer a distribution',
  severity: 'major',
  notebook: NADE,
  demonstrate: () => ({
    source: r8(totalMass(3, (x) => nadeConditionalsSourceForm(NADE_EXAMPLE, x))),
    exact: r8(totalMass(3, (x) => nadeConditionals(NADE_EXAMPLE, x))),
    note: 'Σ_x Π_k p(x_k|…) over {0,1}^3 for the three-variable NADE of dgm-notes/10',
  }),
});

registerErratum({
  id: '003-E74',
  source: '003',
  location: 'L619',
  sourceForm: String.raw`y_k = p(x_k \mid x_1^{k-1}) = \sigma(V_k h_k + c_k)`,
  exactForm: String.raw`y_k = p(x_k = 1 \mid x_1^{k-1}) = \sigma(V_k^\top h_k + c_k)`,
  summary: 'y_k is the probability of the value 1 (p(x_k = 0 | …) = 1 − y_k), and V_k ∈ R^d enters as an inner product',
  severity: 'minor',
  notebook: NADE,
  demonstrate: () => {
    const x = [1, 1, 0];
    const y = nadeConditionals(NADE_EXAMPLE, x);
    return { source: r8(y[2]), exact: r8(1 - y[2]), note: 'x = 110: y_3 is p(x_3 = 1 | 11); the factor for x_3 = 0 is 1 − y_3' };
  },
});

registerErratum({
  id: '003-E75',
  source: '003',
  location: 'L621–625',
  sourceForm: String.raw`2nd + n + 2d`,
  exactForm: String.raw`2nd + n + 2d \text{ with a learned } h_1;\ 2nd + n + d \text{ with } h_1 = \sigma(b);\ W_{\cdot,n} \text{ unused}`,
  summary: 'the count is right for the listed parameters, but h_1 = σ(b) needs no extra vector (002 D24 counts 2pd + p + d) and the last column of W never reaches any output',
  kind: 'remark',
  notebook: NADE,
  demonstrate: () => ({ source: nadeParameters(784, 500, '003'), exact: nadeParameters(784, 500, '002'), effective: nadeParameters(784, 500, '002') - 500 }),
});

registerErratum({
  id: '003-E76',
  source: '003',
  location: 'L627–632',
  sourceForm: String.raw`\text{"if } X_3 = 1 \text{ then the true" (truncated)}`,
  exactForm: String.raw`\mathcal{L}(x) = -\sum_{k=1}^{n} \big[x_k \log y_k + (1 - x_k)\log(1 - y_k)\big] = -\log p(x)`,
  summary: 'the training objective is cut off; it is the sum of the n binary cross-entropies, i.e. the negative log-likelihood',
  kind: 'gap',
  notebook: NADE,
  demonstrate: () => {
    const x = [1, 1, 1];
    const y = nadeConditionals(NADE_EXAMPLE, x);
    return { source: 'missing', exact: r8(-y.reduce((s, v) => s + Math.log(v), 0)), minusLogP: r8(-nadeLogProb(NADE_EXAMPLE, x)) };
  },
});

registerErratum({
  id: '003-E77',
  source: '003',
  location: 'L632',
  sourceForm: String.raw`h_2 = \sigma(W_{1,1} \times X_{1,2} \times X_{1,2} + b)`,
  exactForm: String.raw`h_2 = \sigma(W_{\cdot,1}\,x_1 + b)`,
  summary: 'h_2 uses the whole first column of W times the sampled x_1 (a d-vector), not a product of scalars',
  severity: 'major',
  notebook: NADE,
  demonstrate: () => {
    const y2 = nadeConditionals(NADE_EXAMPLE, [1, 0, 0])[1];
    return { source: 'ill-typed (scalar W_{1,1} times x twice)', exact: r8(y2), note: 'y_2 after sampling x_1 = 1' };
  },
});

registerErratum({
  id: '003-E78',
  source: '003',
  location: 'L610–612, L646–648',
  sourceForm: String.raw`x_1,\ x_2 \ (\text{L610–612}),\quad x_3,\ x_4 \ (\text{L646–648})`,
  exactForm: String.raw`\text{labels of the lost NADE network figure (inputs } x_1, \dots, x_4\text{), not part of the text}`,
  summary: 'stray variable labels in the middle of the NADE text are remnants of the network diagram',
  kind: 'remark',
  notebook: NADE,
  demonstrate: () => ({ source: 'x_1 x_2 … x_3 x_4 in the prose', exact: 'figure labels', inputs: 4 }),
});

registerErratum({
  id: '003-E79',
  source: '003',
  location: 'L657, L659',
  sourceForm: String.raw`p(x_k \mid x_{\le k}),\ y_k \text{ depends on } x_{\le k}`,
  exactForm: String.raw`p(x_k \mid x_{<k}),\ y_k \text{ depends on } x_{<k} \text{ only}`,
  summary: 'if output k may see x_k the network can copy its input and the product of the outputs no longer normalises',
  severity: 'major',
  notebook: MADE,
  demonstrate: () => {
    // Masks with "≥" at the output (x_{≤k}) instead of ">" (x_{<k}), for the 003 inventory §4.7 degrees.
    const m = madeMasks(3, [4], [[1, 2, 1, 2]]);
    const leaky = [m.masks[0], [0, 1, 2].map((k) => m.degrees[1].map((mu) => (k + 1 >= mu ? 1 : 0)))];
    return { source: madeConnectivity(leaky), exact: madeConnectivity(m.masks), sourceIsStrict: isStrictlyLowerTriangular(madeConnectivity(leaky)) };
  },
});

registerErratum({
  id: '003-E80',
  source: '003',
  location: 'L661',
  sourceForm: String.raw`\text{"wask"; degree} = \text{"number of inputs it will be connected to"}`,
  exactForm: String.raw`M^1_{ud} = 1[m^1(u) \ge d],\ M^l_{u'u} = 1[m^l(u') \ge m^{l-1}(u)],\ M^V_{ku} = 1[k > m^L(u)]`,
  summary: '"wask" is "mask", and the rule that turns degrees into masks is missing (Germain et al. 2015)',
  kind: 'gap',
  notebook: MADE,
  demonstrate: () => {
    const m = madeMasks(3, [4], [[1, 2, 1, 2]]);
    return { source: 'no rule', exact: m.masks, connectivity: madeConnectivity(m.masks) };
  },
});

registerErratum({
  id: '003-E81',
  source: '003',
  location: 'L667',
  sourceForm: String.raw`W^2_{5\times5} \odot M,\ M \text{ with rows of } 5, 5, 6, 6, 6 \text{ entries}`,
  exactForm: String.raw`M = 1[m^2(u') \ge m^1(u)],\ m^1 = (1,2,1,2,3),\ m^2 = (1,1,2,1,3)`,
  summary: 'the printed layer-2 mask is malformed (rows 3–5 have six entries for a 5×5 weight matrix); dropping the extra entries gives a mask that degrees reproduce (a reconstruction)',
  severity: 'major',
  notebook: MADE,
  demonstrate: () => ({
    source: SOURCE_L667_MASK.map((r) => r.length),
    exact: madeHiddenMask([1, 1, 2, 1, 3], [1, 2, 1, 2, 3]),
    truncatedMatches: JSON.stringify(SOURCE_L667_MASK.map((r) => r.slice(0, 5))) === JSON.stringify(madeHiddenMask([1, 1, 2, 1, 3], [1, 2, 1, 2, 3])),
  }),
});

// ------------------------------------------------------------------------------------------------------------ 002 §7 (AR models)
registerErratum({
  id: '002-E36',
  source: '002',
  location: '§7, L1262',
  sourceForm: String.raw`\text{AR models "are not parallelizable"}`,
  exactForm: String.raw`\text{sampling is sequential; } \log p_\theta(x) = \textstyle\sum_i \log p_\theta(x_i \mid x_{<i}) \text{ is one masked pass}`,
  summary: 'only sampling is sequential; training and likelihood evaluation run all conditionals in parallel with masking (MADE, PixelCNN)',
  kind: 'remark',
  notebook: STA,
  demonstrate: () => {
    const m = madeMasks(3, [4], [[1, 2, 1, 2]]);
    return { source: 'n passes', exact: { likelihoodPasses: 1, samplingPasses: 3 }, strictlyLower: isStrictlyLowerTriangular(madeConnectivity(m.masks)) };
  },
});

registerErratum({
  id: '002-E37',
  source: '002',
  location: '§7.1, Eq. (7.1.1)',
  sourceForm: String.raw`\theta = \arg\min_\theta D_{KL}[p_{data}\|p_\theta] = \mathbb{E}_{p_{data}}[\log p_{data} - \log p_\theta]`,
  exactForm: String.raw`\theta = \arg\min_\theta \mathbb{E}_{p_{data}}[\log p_{data}(x) - \log p_\theta(x)]`,
  summary: 'θ is set equal to a number (the KL); the argmin belongs in front of the expectation',
  severity: 'minor',
  notebook: STA,
  demonstrate: () => ({ source: 'θ = a number', exact: 'θ = argmin of that number' }),
});

registerErratum({
  id: '002-E38',
  source: '002',
  location: '§7.2–7.3, L1291–1293, L1311–1313, Eqs. (7.2.2), (7.3.1)',
  sourceForm: String.raw`1 + 2 + \dots + n \in O(p^2);\ Gw_0^{(3)};\ W_{fvbn};\ W_{nade} \text{ shares } w_0 \text{ and has no hidden layer}`,
  exactForm: String.raw`1 + 2 + \dots + p = \tfrac{p(p+1)}{2};\ h_i = \sigma(c + W_{\cdot,<i} x_{<i}),\ \hat x_i = \sigma(b_i + V_i h_i)`,
  summary: 'the FVSBN count runs to n where p is meant, a stray "G" and "fvbn" subscript; (7.3.1) shows a shared weight row without the hidden layer that NADE is about',
  severity: 'minor',
  notebook: STA,
  demonstrate: () => ({ source: 'n undefined', exact: { p8: fvsbnParameters(8), p784: fvsbnParameters(784), nade784x500: nadeParameters(784, 500, '002') } }),
});

registerErratum({
  id: '002-E39',
  source: '002',
  location: 'L60, L1315, L1349',
  sourceForm: String.raw`\text{Masked Autoencoder Estimator}`,
  exactForm: String.raw`\text{Masked Autoencoder for Distribution Estimation (Germain et al. 2015)}`,
  summary: 'the name of MADE',
  severity: 'minor',
  notebook: STA,
  demonstrate: () => ({ source: 'Masked Autoencoder Estimator', exact: 'Masked Autoencoder for Distribution Estimation' }),
});

// ----------------------------------------------------------------------------------------- 000 §2 (pixel density, RNN, LSTM)
registerErratum({
  id: '000-E26',
  source: '000',
  location: '§2, after (2.11), L566–568',
  sourceForm: String.raw`P(x_{k+1}, \dots, x_{n^2}) = \prod_{i=k+1}^{n^2} P(x_i \mid x_{i-1}, \dots, x_1) = \frac{P(x)}{\prod_{i=1}^{k} P(x_i \mid \dots)}`,
  exactForm: String.raw`\prod_{i=k+1}^{n^2} P(x_i \mid x_{<i}) = P(x_{k+1}, \dots, x_{n^2} \mid x_1, \dots, x_k)`,
  summary: 'the product of the remaining conditionals is the conditional of the remaining pixels given the first k, not their joint (marginal); the text also writes P(x_k, x_{k+1}, …) with the index off by one',
  severity: 'major',
  notebook: PD,
  demonstrate: () => ({ source: r8(pdRemainingProduct(chain(), [1, 1, 0, 1], 2)), exact: r8(pdMarginalTail(chain(), [0, 1])), what: 'four-pixel chain: Π_{i=3,4} P(x_i|x_{<i}) at x = 1101 vs the marginal P(x_3 = 0, x_4 = 1)' }),
});

registerErratum({
  id: '000-E27',
  source: '000',
  location: '§2, L591 vs (2.14), L595',
  sourceForm: String.raw`P(x_i \mid x_{i-1}, \dots, x_1) = P(x_i \mid x_{i-1})`,
  exactForm: String.raw`h_{i,j} \text{ depends on } h_{i,j-1} \text{ and } h_{i-1,j}:\ \text{the upper neighbour is } n \text{ steps back in raster order}`,
  summary: 'the Markov simplification (one previous pixel) contradicts the 2-D LSTM, which conditions on the pixel above; through the recursion every earlier pixel of the rows above can matter',
  kind: 'gap',
  notebook: PD,
  demonstrate: () => {
    // Distance in raster order of the upper neighbour (i−1, j) of (i, j) in an n×n image, n = 8; and the cell's dependence on it.
    const n = 8;
    const img = Array.from({ length: 3 }, () => new Array(3).fill(0));
    const a = lstm2dGrid(null, img, { idealGates: true }).C[2][2][0];
    return { source: 1, exact: n, idealCell33: a, note: 'raster distance to the conditioning pixel: Markov says 1, the upper neighbour is n = 8 back' };
  },
});

registerErratum({
  id: '000-E28',
  source: '000',
  location: '§2, (2.13), L586',
  sourceForm: String.raw`c_t \in [-1, 1] \text{ "often"}`,
  exactForm: String.raw`h_t \in (-1, 1) \text{ always};\ c_t \text{ is unbounded: } c_t \approx t \text{ when } f, i, g \approx 1`,
  summary: 'only h_t = o_t ⊗ tanh(c_t) is bounded; the cell state accumulates and can grow without bound',
  severity: 'minor',
  notebook: PD,
  demonstrate: () => {
    const u = lstmUnroll(lstmConstantParams(1, 1, 0, 0, 10), [[0], [0], [0]], [0], [0]);
    return { source: '[−1, 1]', exact: u.c.map((c) => r8(c[0])), h: u.h.map((h) => r8(h[0])) };
  },
});

registerErratum({
  id: '000-E29',
  source: '000',
  location: '§2, (2.14), L597 and the 4-neighbour form L612',
  sourceForm: String.raw`c_{i,j} = f_{i,j} \otimes (c_{i,j-1} + c_{i-1,j}) + i_{i,j} \otimes g_{i,j}`,
  exactForm: String.raw`c_{i,j} = f^{\mathrm{left}}_{i,j} \otimes c_{i,j-1} + f^{\mathrm{up}}_{i,j} \otimes c_{i-1,j} + i_{i,j} \otimes g_{i,j}`,
  summary: 'MD-LSTM (Graves et al. 2007) and PixelRNN use one forget gate per direction; one gate on the summed cells lets the state grow like a binomial coefficient (C(i+j, i) − 1 with ideal gates)',
  kind: 'remark',
  notebook: PD,
  demonstrate: () => {
    const c = idealCellGrid(6);
    // Separate gates per direction, each 1/2 (they can split the memory instead of doubling it): c = ½c_left + ½c_up + 1.
    const s: number[][] = [];
    for (let i = 0; i < 6; i++) {
      s.push([]);
      for (let j = 0; j < 6; j++) s[i].push(0.5 * (j > 0 ? s[i][j - 1] : 0) + 0.5 * (i > 0 ? s[i - 1][j] : 0) + 1);
    }
    return { source: c[5][5], exact: r8(s[5][5]), binomial: binomial(12, 6) - 1, fourNeighbours: idealCellGrid(6, 4)[5][5], note: 'c_{6,6}: one gate on the sum (f = 1) = C(12,6) − 1; per-direction gates f = ½ each stay below 2' };
  },
});

registerErratum({
  id: '000-E30',
  source: '000',
  location: '§2, 4-neighbour output gate, L610',
  sourceForm: String.raw`o_{i,j} = \sigma_o(W_o x_{i,j} + \dots + S_o h_{i-1,j+1} + b_i)`,
  exactForm: String.raw`o_{i,j} = \sigma_o(W_o x_{i,j} + \dots + S_o h_{i-1,j+1} + b_o)`,
  summary: 'the output gate of the 4-neighbour form uses the input gate\'s bias b_i instead of its own b_o',
  severity: 'minor',
  notebook: PD,
  demonstrate: () => {
    const g = rng(30);
    const m = () => [[g.normal()]];
    const P = {} as Lstm2dParams;
    for (const k of LSTM_GATES) P[k] = { W: [g.normal()], U: m(), V: m(), R: m(), S: m(), b: [k === 'o' ? 2 : k === 'i' ? -2 : 0] };
    const img = [[1, 0], [0, 1]];
    const src = lstm2dGrid(P, img, { neighbours: 4, form: 'source' }).H[1][1][0];
    const ex = lstm2dGrid(P, img, { neighbours: 4, form: 'exact' }).H[1][1][0];
    return { source: r8(src), exact: r8(ex), note: 'h_{2,2} with b_o = 2, b_i = −2' };
  },
});

registerErratum({
  id: '000-E31',
  source: '000',
  location: '§2, generation with the 2-D LSTM, L618',
  sourceForm: String.raw`\text{feed the } k \text{ seeds "to update } k \text{ sets of parameters"};\ x_{i,j+1} \text{ random},\ \text{pixel} := h_{i,j+1}`,
  exactForm: String.raw`\text{parameters fixed};\ x_{i,j+1} \sim P(x_{i,j+1} \mid x_{<(i,j+1)}) \text{ (PixelRNN: a 256-way softmax)}`,
  summary: 'at generation time nothing is trained; the next pixel is sampled from the predicted conditional, and h (a hidden state) is not the pixel',
  severity: 'major',
  notebook: PD,
  demonstrate: () => {
    const m = markovChainModel(4, 0.6, 0.8, 0.3);
    const tut = pdGenerateTutorialForm(m, [1]);
    const g = rng(31);
    let ones = 0;
    const N = 20000;
    for (let s = 0; s < N; s++) ones += pdSampleSequential(m, [1], g).x[3];
    const exact = pdProb(m, [1, 1, 1, 1]) + pdProb(m, [1, 0, 1, 1]) + pdProb(m, [1, 1, 0, 1]) + pdProb(m, [1, 0, 0, 1]);
    return { source: tut.map(r8), exact: r8(ones / N), target: r8(exact / 0.6), note: 'four-pixel chain from x_1 = 1: the tutorial rule gives fixed non-binary "pixels"; sampling gives P(x_4 = 1 | x_1 = 1)' };
  },
});

/** Errata cells: the shared errata table (src/errata), re-exported so notebooks can call `autoregressive.showErrata([...])`. */
export { showErrata } from '../errata/registry';
