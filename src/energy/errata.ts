/**
 * Errata of the EBM sections, each with a numerical demonstration computed by this library (source form vs exact form):
 * source 000 §3 (Boltzmann machine and RBM, L1050–1191): 000-E46–E51; source 003 (RBM, L94–217 and L333–455):
 * 003-E14–E26, E37–E51, E95, E96 (the 003 inventory's numbering). Ids 000-E41–E45 (Boltzmann distribution and annealing)
 * belong to topic MC (src/sampling/errata.ts).
 */
import { registerErratum, ErratumSpec } from '../errata';
import { rng } from '../core/rng';
import { bmDistribution, bmEnergy, bmFromUpper, bmGradExact, bmGradSource, bmPropagate, bmTrain, clipUnit } from './bm';
import {
  TINY_RBM,
  rbmEnergy,
  rbmGradEnumeration,
  rbmGradExact,
  rbmJoint,
  rbmLogZ,
  rbmNegativePhaseExact,
  rbmProbH,
  rbmProbV,
  rbmVisibleDistribution,
  maxAbsDiff,
} from './rbm';
import { literalBracketUpdate, rbmAlgorithm0Gradient, rbmExpectedCdUpdate, rbmMcNegativePhase } from './train';

const NG12 = 'nguyen-tutorial/12-boltzmann-machine-and-rbm.ipynb';
const DN03 = 'dgm-notes/03-latent-variables-and-rbm.ipynb';
const DN04 = 'dgm-notes/04-rbm-likelihood-gradient.ipynb';
const DN07 = 'dgm-notes/07-rbm-training-cd-k.ipynb';
const r7 = (x: number) => Number(x.toFixed(7));
const rv = (v: ArrayLike<number>) => Array.from(v, r7);
const strings = (source: string, exact: string) => () => ({ source, exact });

/** The 000 O-29 machine (w12 = 1, w13 = −1, w23 = 0.5, b = (0.1, −0.2, 0.3)) and the O-33 data set. */
export const BM_O29 = bmFromUpper([1, -1, 0.5], [0.1, -0.2, 0.3]);
export const BM_O33_DATA = [
  [1, 0, 1],
  [1, 1, 0],
  [0, 0, 1],
  [1, 0, 1],
];
const T = TINY_RBM;
const VD = [1, 0, 1];

function reg(spec: ErratumSpec): void {
  registerErratum(spec);
}

// ------------------------------------------------------------------------------------------------------------- 000 §3
reg({
  id: '000-E46',
  source: '000',
  location: '§3, propagation rule, L1066, L1082, L1156',
  sourceForm: String.raw`x_i = \sum_{j \ne i} w_{ij} x_j`,
  exactForm: String.raw`x_i = \sum_{j \ne i} w_{ij} x_j + b_i` + ' (the energy (3.16) has a bias term)',
  summary: 'the propagation rule drops the bias b_i that the energy contains (for the O-35 example it makes no difference)',
  severity: 'minor',
  notebook: NG12,
  demonstrate: () => {
    const bm = bmFromUpper([1, -1, 0.5], [0.1, 0.8, 0.3]);
    const x = [0, 0, 1];
    return { source: bmPropagate(bm, x), exact: bmPropagate(bm, x, { withBias: true }), x, b: bm.b, O35: bmPropagate(BM_O29, [1, 0, 1], { withBias: true }) };
  },
});

reg({
  id: '000-E47',
  source: '000',
  location: '§3, L1070–1080',
  sourceForm: String.raw`\mathrm{ReLU}(x) = \min(\max(x, 0), 1);\quad x_i = \mathrm{ReLU}(x_i) \Rightarrow \text{propagation unchanged}`,
  exactForm: String.raw`\min(\max(x,0),1)` + ' is a clipped linear unit (hard sigmoid); ReLU is max(x, 0), and x = clip(x) only for x in [0, 1]',
  summary: 'the clipped unit is called ReLU, and the identity x = ReLU(x) is claimed in general',
  severity: 'minor',
  notebook: NG12,
  demonstrate: () => ({ source: { 'clip(1.7)': clipUnit(1.7) }, exact: { 'ReLU(1.7)': Math.max(1.7, 0), 'clip(1.7) = 1.7?': clipUnit(1.7) === 1.7 } }),
});

reg({
  id: '000-E48',
  source: '000',
  location: '§3, Boltzmann PDF, L1086',
  sourceForm: String.raw`\int_x \exp\!\big(-E(x|W)/\kappa T\big)\,dx`,
  exactForm: String.raw`\sum_{x\in\{0,1\}^n} \exp\!\big(-E(x|W,b)/\kappa T\big)` + ' (the bias belongs in the denominator too; binary x: a sum)',
  summary: 'the normaliser is written with E(x|W), without b (and as an integral over binary states)',
  severity: 'minor',
  notebook: NG12,
  demonstrate: () => {
    const noBias = bmDistribution({ W: BM_O29.W, b: [0, 0, 0] });
    const x = [1, 0, 1];
    return {
      source: r7(Math.exp(-bmEnergy(BM_O29, x)) / noBias.Z),
      exact: r7(bmDistribution(BM_O29).probs[5]),
      note: 'P(1,0,1) of the three-unit machine with Z computed without b, and with it',
    };
  },
});

reg({
  id: '000-E49',
  source: '000',
  location: '§3, Eqs. (3.17)–(3.18), L1098–1126',
  sourceForm: String.raw`\nabla_{w_{ij}}\log P = \frac{x_i x_j}{\kappa T},\quad \nabla_{b_i}\log P = \frac{x_i}{\kappa T}\quad(\text{"the denominator is constant"})`,
  exactForm: String.raw`\nabla_{w_{ij}}\log P = \frac{x_i x_j - \mathbb{E}_{P}[x_i x_j]}{\kappa T},\quad \nabla_{b_i}\log P = \frac{x_i - \mathbb{E}_{P}[x_i]}{\kappa T}`,
  summary:
    'Z(W, b) depends on W and b: dropping it removes the negative phase; the tutorial rule (3.18) only grows the weights and the log-likelihood falls from −2.08 to −20.0 in 200 full-batch steps while the exact rule rises to −1.32 (O-30, O-33)',
  severity: 'major',
  notebook: NG12,
  demonstrate: () => {
    const ex = bmTrain(BM_O33_DATA, { rule: 'exact', steps: 200, gamma: 0.1 });
    const src = bmTrain(BM_O33_DATA, { rule: 'source', steps: 200, gamma: 0.1 });
    const ge = bmGradExact(BM_O29, [VD]);
    const gs = bmGradSource(BM_O29, [VD]);
    return {
      source: { gradW: [gs.dW[0][1], gs.dW[0][2], gs.dW[1][2]], logLikAfter200: r7(src.history[200].logLik) },
      exact: { gradW: rv([ge.dW[0][1], ge.dW[0][2], ge.dW[1][2]]), logLikAfter200: r7(ex.history[200].logLik) },
      start: r7(ex.history[0].logLik),
    };
  },
});

reg({
  id: '000-E50',
  source: '000',
  location: '§3, gradients above (3.18), L1120–1122',
  sourceForm: String.raw`\frac{\partial \log P}{\partial w_{ij}} = \frac{\partial \log E(x|W,b)}{\partial w_{ij}}`,
  exactForm: String.raw`\frac{\partial}{\partial w_{ij}}\Big(-\frac{E(x|W,b)}{\kappa T}\Big) = \frac{x_i x_j}{\kappa T}` + ' (under (3.17); there is no log of E)',
  summary: 'the middle expression differentiates log E instead of −E/κT (the right-hand side x_i x_j/κT is the derivative of −E/κT)',
  severity: 'minor',
  notebook: NG12,
  demonstrate: () => {
    // at x = (1,1,0) on the O-29 machine E = −0.9 < 0, so log E is not even defined; −E/κT differentiates to x_i x_j = 1
    const x = [1, 1, 0];
    return { source: `∂ log E/∂w12 with E = ${r7(bmEnergy(BM_O29, x))} < 0: undefined`, exact: x[0] * x[1] };
  },
});

reg({
  id: '000-E51',
  source: '000',
  location: '§3, RBM, L1183–1191',
  sourceForm: String.raw`\mathbf{x} = (\mathbf{x}_z, \mathbf{x}_x)^T:\ \text{"input group" } \mathbf{x}_z,\ \text{"hidden group" } \mathbf{x}_x,\ \mathbf{x}_x = g(\mathbf{x}_z)\ \text{is the output}`,
  exactForm: String.raw`\text{visible units } \mathbf{v}\ (\text{the data}) \text{ and hidden units } \mathbf{h};\ \text{samples of } \mathbf{v}\text{ come from the joint by Gibbs sampling}`,
  summary: 'naming: the "hidden" group is what the generator outputs; in an RBM the data sit on the visible units and the hidden ones are latent',
  severity: 'minor',
  kind: 'remark',
  notebook: NG12,
  demonstrate: strings('x_x (hidden) = g(x_z) is the generated data', 'v (visible) is the generated data; h is latent'),
});

// ---------------------------------------------------------------------------------------- 003 L94–217 (S5–S8)
reg({
  id: '003-E14',
  source: '003',
  location: 'L124',
  sourceForm: '"keep the hidden and latent variables"',
  exactForm: '"hidden (latent) and visible variables"',
  summary: 'hidden and latent are the same thing; the other group is the visible one',
  severity: 'm',
  kind: 'remark',
  notebook: DN03,
  demonstrate: strings('hidden + latent', 'hidden (= latent) + visible'),
});

reg({
  id: '003-E15',
  source: '003',
  location: 'L130',
  sourceForm: 'stray "3" after the bipartite graph',
  exactForm: 'page-number artefact (remove)',
  summary: 'conversion artefact',
  severity: 'm',
  kind: 'remark',
  notebook: DN03,
  demonstrate: strings('3', ''),
});

reg({
  id: '003-E16',
  source: '003',
  location: 'L136, L140',
  sourceForm: '\\text{"add additional corresponding to the nodes"};\\ \\xi_i(h_i)',
  exactForm: '\\text{"additional factors"};\\ \\xi_j(h_j) (hidden units are indexed by j)',
  summary: 'a missing word and the hidden factor indexed with the visible index i',
  severity: 'm',
  kind: 'remark',
  notebook: DN03,
  demonstrate: () => ({ source: 'ξ_i(h_i), i = 1..m', exact: 'ξ_j(h_j), j = 1..n', m: 3, n: 2 }),
});

reg({
  id: '003-E17',
  source: '003',
  location: 'L161–163 (vs L154)',
  sourceForm: String.raw`\alpha_l(H) = -\sum_{i=1}^n w_{il} h_i - b_l,\quad \beta \ni \sum_{j\ne l} b_i v_i,\quad E = v_l\,\alpha(H) + \beta`,
  exactForm: String.raw`\text{(L154: } w_{ij}\text{ visible}\times\text{hidden)}\ \alpha_l(H) = -\sum_{j=1}^n w_{lj} h_j - b_l,\ \beta \ni \sum_{j\ne l} b_j v_j;\ \text{we store } W \in \mathbb{R}^{n\times m}`,
  summary: 'the weight index order flips from visible×hidden (L154) to hidden×visible, and β’s bias sum uses the wrong index; the library fixes W as hidden × visible',
  severity: 'M',
  notebook: DN03,
  demonstrate: () => {
    // E(v,h) of L154 with w_ij = W[j][i] equals the canonical energy; reading W (n×m) with the L154 index order fails
    const Wt = T.W[0].map((_, i) => T.W.map((row) => row[i])); // m × n, L154 order
    const v = VD;
    const h = [1, 1];
    let e154 = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) e154 -= Wt[i][j] * v[i] * h[j];
    e154 -= T.b.reduce((a, b, i) => a + b * v[i], 0) + T.c.reduce((a, c, j) => a + c * h[j], 0);
    return { source: 'w_ij with i hidden (n = 2 rows) indexed by a visible i = 3: undefined', exact: r7(rbmEnergy(T, v, h)), L154: r7(e154) };
  },
});

reg({
  id: '003-E18',
  source: '003',
  location: 'L167, line 4',
  sourceForm: String.raw`\frac{e^{-\beta} + e^{-\beta - 1\cdot\alpha_l}}{e^{-\beta-\alpha_l} + e^{-\beta}}`,
  exactForm: String.raw`\frac{e^{-\beta - \alpha_l}}{e^{-\beta-\alpha_l} + e^{-\beta}} = \sigma(-\alpha_l)`,
  summary: 'the numerator has an extra e^{−β}: as printed the "probability" exceeds 1',
  severity: 'M',
  notebook: DN03,
  demonstrate: () => {
    // unit v_1 at h = [1, 1]: α_1 = −(W₁₁ + W₂₁) − b₁
    const a = -(T.W[0][0] + T.W[1][0]) - T.b[0];
    const beta = 0.3; // any β cancels in the exact ratio
    const src = (Math.exp(-beta) + Math.exp(-beta - a)) / (Math.exp(-beta - a) + Math.exp(-beta));
    return { source: r7(src), exact: r7(Math.exp(-beta - a) / (Math.exp(-beta - a) + Math.exp(-beta))), 'p(v1=1|h=[1,1])': r7(rbmProbV(T, [1, 1])[0]) };
  },
});

reg({
  id: '003-E19',
  source: '003',
  location: 'L167, line 5',
  sourceForm: String.raw`\frac{e^{-\beta} - e^{-\alpha_l}}{e^{-\beta} + e^{-\beta}}`,
  exactForm: String.raw`\frac{e^{-\beta}e^{-\alpha_l}}{e^{-\beta}e^{-\alpha_l} + e^{-\beta}} = \frac{1}{1 + e^{\alpha_l}}`,
  summary: 'a minus for a product and the α term lost in the denominator; the lines after it are right',
  severity: 'M',
  notebook: DN03,
  demonstrate: () => {
    const a = -(T.W[0][0] + T.W[1][0]) - T.b[0];
    const beta = 0.3;
    return { source: r7((Math.exp(-beta) - Math.exp(-a)) / (2 * Math.exp(-beta))), exact: r7(1 / (1 + Math.exp(a))), beta };
  },
});

reg({
  id: '003-E20',
  source: '003',
  location: 'L167, line 1',
  sourceForm: String.raw`p(v_l = 1 \mid H) = P(v_l = 1 \mid V_{-l}, H)`,
  exactForm: String.raw`\text{true because } v_l \perp V_{-l} \mid H \text{ in a bipartite RBM (no visible–visible edges)}`,
  summary: 'the step is right but unjustified: it needs the conditional independence of the visible units given h',
  severity: 'm',
  kind: 'gap',
  notebook: DN03,
  demonstrate: () => {
    // P(v_1 = 1 | v_2, v_3, h = [1,0]) is the same for all (v_2, v_3): compute it from the joint table
    const J = rbmJoint(T);
    const vals: number[] = [];
    for (let rest = 0; rest < 4; rest++) {
      const on = J[4 + rest][2];
      const off = J[rest][2];
      vals.push(r7(on / (on + off)));
    }
    return { source: 'assumed', exact: vals, 'p(v1=1|h=[1,0])': r7(rbmProbV(T, [1, 0])[0]) };
  },
});

reg({
  id: '003-E21',
  source: '003',
  location: 'L165, L169',
  sourceForm: String.raw`p(v_i = 1 \mid H)\ (\text{index } i \text{ for } l);\quad p(h_l \mid V) = \sigma\Big(\sum_i w_{il} v_i + c_l\Big)`,
  exactForm: String.raw`p(v_l = 1 \mid H);\quad p(h_l = 1 \mid V) = \sigma\big((Wv + c)_l\big)` + ' with one weight convention throughout',
  summary: 'index slips, p(h_l|V) for p(h_l = 1|V), and L169 uses the visible×hidden order while L167 uses hidden×visible',
  severity: 'm',
  notebook: DN03,
  demonstrate: () => ({ source: 'p(h_l | V) (a distribution, not a number)', exact: rv(rbmProbH(T, VD)) }),
});

reg({
  id: '003-E22',
  source: '003',
  location: 'L179',
  sourceForm: '"P(X=x) to be maximum … to be high"',
  exactForm: 'maximise P(V = v) for the training data (X here means the visible V)',
  summary: 'grammar; X stands for V',
  severity: 'm',
  kind: 'remark',
  notebook: DN04,
  demonstrate: strings('P(X = x)', 'P(V = v)'),
});

reg({
  id: '003-E23',
  source: '003',
  location: 'L198 (corrected at L208)',
  sourceForm: String.raw`\frac{\partial \ln p(V)}{\partial\theta} = \dots + \frac{\sum_{V,H} e^{-E}\,\partial E/\partial\theta}{\sum_{H} e^{-E(V,H)}}`,
  exactForm: String.raw`\dots + \frac{\sum_{V,H} e^{-E}\,\partial E/\partial\theta}{\sum_{V,H} e^{-E(V,H)}} = \dots + \mathbb{E}_{p(V,H)}[\partial E/\partial\theta]`,
  summary: 'the negative phase is divided by Σ_H instead of Z = Σ_{V,H}; the value is then not an expectation',
  severity: 'M',
  notebook: DN04,
  demonstrate: () => {
    // ∂/∂b_1 at v_d = [1,0,1]: negative phase E_p[v_1] with the right denominator vs Σ_{v,h} e^{−E} v_1 / Σ_h e^{−E(v_d,h)}
    const J = rbmJoint(T); // normalised by Z
    const Z = Math.exp(rbmLogZ(T));
    const num = J.reduce((a, row, s) => a + ((s >> 2) & 1) * row.reduce((x, y) => x + y, 0), 0) * Z;
    const denH = J[5].reduce((x, y) => x + y, 0) * Z;
    return { source: r7(1 - num / denH), exact: r7(rbmGradExact(T, VD).b[0]), 'enumeration (L208)': r7(rbmGradEnumeration(T, VD).b[0]) };
  },
});

reg({
  id: '003-E24',
  source: '003',
  location: 'L211',
  sourceForm: '"Parial"',
  exactForm: '"Partial"',
  summary: 'typo',
  severity: 'm',
  kind: 'remark',
  notebook: DN04,
  demonstrate: strings('Parial', 'Partial'),
});

reg({
  id: '003-E25',
  source: '003',
  location: 'L213',
  sourceForm: String.raw`\frac{\partial E}{\partial w_{ij}} \text{ written with } h_i v_j \text{ (middle line) and } v_i h_j \text{ (last line)}`,
  exactForm: String.raw`\text{one convention; with L154: } \partial E/\partial w_{ij} = -v_i h_j`,
  summary: 'two index orders inside one derivation',
  severity: 'm',
  notebook: DN04,
  demonstrate: () => {
    // with W n×m (canonical) the (j, i) entry of the gradient is E[h_j v_i]; swapping the indices reads a 2×3 matrix as 3×2
    const g = rbmGradExact(T, VD).W;
    return { source: 'h_i v_j and v_i h_j in consecutive lines', exact: g.map(rv), shape: '2 × 3 (hidden × visible)' };
  },
});

reg({
  id: '003-E26',
  source: '003',
  location: 'L215–217',
  sourceForm: '"…as if they were drawn from" [sentence ends; bracket never closed]',
  exactForm: String.raw`\text{"… drawn from } P(V,H)\text{"}:\ \mathbb{E}_{p(V,H)}[\cdot] \approx \text{average over Gibbs samples}`,
  summary: 'the sentence that motivates sampling is cut off',
  severity: 'S',
  kind: 'gap',
  notebook: DN04,
  demonstrate: () => {
    const mc = rbmMcNegativePhase(T, { burnIn: 20, numSamples: 5000, rng: rng(26) });
    return { source: 'truncated', exact: { 'E_p[v] (exact)': rv(rbmNegativePhaseExact(T).b), 'E_p[v] (5 000 Gibbs samples)': rv(mc.b) } };
  },
});

// ------------------------------------------------------------------------------------- 003 L333–387 (S12)
reg({
  id: '003-E37',
  source: '003',
  location: 'L337 on',
  sourceForm: String.raw`w_{ij}:\ i \text{ hidden},\ j \text{ visible } (W \in \mathbb{R}^{n\times m}) \text{ — silently, after L154's } w_{ij}:\ i\text{ visible}`,
  exactForm: String.raw`\text{one convention; the library uses } E = -h^\top W v - b^\top v - c^\top h,\ W \in \mathbb{R}^{n\times m}`,
  summary: 'the weight-index convention flips without comment',
  severity: 'M',
  notebook: DN04,
  demonstrate: () => {
    const g = rbmGradExact(T, VD);
    return { source: 'W is m × n (L154) and n × m (L337) in the same notes', exact: { rows: g.W.length, cols: g.W[0].length } };
  },
});

reg({
  id: '003-E38',
  source: '003',
  location: 'L339',
  sourceForm: String.raw`\sum_i p(h\mid v)\, h_i v_j`,
  exactForm: String.raw`\sum_h p(h\mid v)\, h_i v_j = p(H_i = 1\mid v)\, v_j`,
  summary: 'the sum runs over the hidden configurations h, not over the index i',
  severity: 'm',
  notebook: DN04,
  demonstrate: () => {
    const J = rbmJoint(T);
    const pv = J[5].reduce((a, x) => a + x, 0);
    const sumH = (J[5][2] + J[5][3]) / pv; // Σ_h p(h|v) h_1 v_1 with v_1 = 1
    return { source: 'Σ over i of p(h|v) h_i v_j: h is left free', exact: r7(sumH), 'σ(Wv+c)_1': r7(rbmProbH(T, VD)[0]) };
  },
});

reg({
  id: '003-E39',
  source: '003',
  location: 'L341',
  sourceForm: String.raw`p(h\mid v) = p(h_i\mid v)\,p(h_{-i}\mid v)\ \text{(used without comment)}`,
  exactForm: String.raw`\text{true in an RBM: the hidden units are conditionally independent given } v`,
  summary: 'the factorisation is an RBM property that should be stated',
  severity: 'm',
  kind: 'gap',
  notebook: DN04,
  demonstrate: () => {
    const J = rbmJoint(T);
    const row = J[5];
    const pv = row.reduce((a, x) => a + x, 0);
    const [p1, p2] = rbmProbH(T, VD);
    return { source: 'assumed', exact: { 'p(h=[1,1]|v)': r7(row[3] / pv), 'p(h1=1|v)·p(h2=1|v)': r7(p1 * p2) } };
  },
});

reg({
  id: '003-E40',
  source: '003',
  location: 'L347, L349, L353, L383',
  sourceForm: String.raw`\sigma\Big(\sum_{j=1}^m w_{ij} v_j + c_i\Big) v_j`,
  exactForm: String.raw`\sigma\Big(\sum_{k=1}^m w_{ik} v_k + c_i\Big) v_j`,
  summary: 'j is both the summation index and the free index',
  severity: 'm',
  notebook: DN04,
  demonstrate: () => ({ source: 'j bound and free', exact: rv(rbmGradExact(T, VD).W[0]) }),
});

reg({
  id: '003-E41',
  source: '003',
  location: 'L349–357, L361–387',
  sourceForm: String.raw`\frac{\partial L(\theta)}{\partial w_{ij}},\ \nabla_W L(\theta)`,
  exactForm: String.raw`\frac{\partial \ln L(\theta)}{\partial w_{ij}},\ \nabla_W \ln L(\theta)`,
  summary: 'the log is dropped from the objective in the gradient formulas (they are gradients of ln L)',
  severity: 'm',
  notebook: DN04,
  demonstrate: () => {
    // ∂L/∂b = L · ∂ln L/∂b: the printed formula is the gradient of ln p(v), not of p(v)
    const p = rbmVisibleDistribution(T)[5];
    const g = rbmGradExact(T, VD).b[0];
    return { source: r7(p * g), exact: r7(g), note: '∂p(v)/∂b₁ vs ∂ln p(v)/∂b₁ at v = [1,0,1]' };
  },
});

reg({
  id: '003-E42',
  source: '003',
  location: 'L351–353',
  sourceForm: '"In vector and matrix form" followed by the scalar formula of L349 again',
  exactForm: String.raw`\nabla_W \ln p(v) = \sigma(Wv + c)\,v^\top - \mathbb{E}_{v'}\big[\sigma(Wv' + c)\,v'^\top\big]` + ' (the vector form starts at L355)',
  summary: 'duplicated line',
  severity: 'm',
  kind: 'remark',
  notebook: DN04,
  demonstrate: () => ({ source: 'scalar formula repeated', exact: rbmGradExact(T, VD).W.map(rv) }),
});

reg({
  id: '003-E43',
  source: '003',
  location: 'L365–367, L381',
  sourceForm: String.raw`p(h\mid V),\ p(H_i = 1\mid V)\ \text{inside}\ \sum_v`,
  exactForm: String.raw`p(h\mid v),\ p(H_i = 1\mid v)` + ' (the summation variable, not the data)',
  summary: 'capital V (the data) where the summed v is meant',
  severity: 'm',
  notebook: DN04,
  demonstrate: () => {
    // Σ_v p(v) σ(Wv+c)_1 (right) vs Σ_v p(v) σ(W v_d + c)_1 = σ(W v_d + c)_1 (the literal reading: negative phase = positive phase)
    return { source: r7(rbmProbH(T, VD)[0]), exact: r7(rbmNegativePhaseExact(T).c[0]) };
  },
});

// ------------------------------------------------------------------------------------- 003 L389–455 (S13–S15)
reg({
  id: '003-E44',
  source: '003',
  location: 'L391–395',
  sourceForm: String.raw`\mathbb{E}_v[v] \approx \frac{1}{k}\sum_{i=1}^k v^{(k)}`,
  exactForm: String.raw`\mathbb{E}_v[v] \approx \frac{1}{k}\sum_{i=1}^k v^{(i)}` + ' (and likewise for the other two averages)',
  summary: 'as printed the average repeats the k-th sample k times: a single sample, whatever k is',
  severity: 'M',
  notebook: DN07,
  demonstrate: () => {
    const args = { burnIn: 20, numSamples: 2000, rng: rng(44) };
    return {
      source: rv(rbmMcNegativePhase(T, { ...args, form: 'source' }).b),
      exact: rv(rbmMcNegativePhase(T, { ...args, rng: rng(44) }).b),
      'E_p[v]': rv(rbmNegativePhaseExact(T).b),
    };
  },
});

reg({
  id: '003-E45',
  source: '003',
  location: 'L403',
  sourceForm: String.raw`\widetilde{\nu}`,
  exactForm: String.raw`\tilde{v}`,
  summary: 'nu for v',
  severity: 'm',
  kind: 'remark',
  notebook: DN07,
  demonstrate: strings('ν̃', 'ṽ'),
});

reg({
  id: '003-E46',
  source: '003',
  location: 'L409',
  sourceForm: String.raw`\frac{\partial L(\theta)}{\partial w_{ii}}`,
  exactForm: String.raw`\frac{\partial \ln L(\theta)}{\partial w_{ij}}`,
  summary: 'index ii for ij (and the log dropped again)',
  severity: 'm',
  notebook: DN07,
  demonstrate: () => ({ source: 'w_ii (a hidden-visible pair with equal indices only)', exact: rbmGradExact(T, VD).W.map(rv) }),
});

reg({
  id: '003-E47',
  source: '003',
  location: 'L413',
  sourceForm: '"the summation over ṽ is being replaced by a point estimate"',
  exactForm: String.raw`\sum_{v} p(v)\,\sigma(w_i v + c_i) v_j \approx \sigma(w_i\tilde v + c_i)\,\tilde v_j` + ' — the sum over v is replaced by a point estimate at ṽ',
  summary: 'the sum is over v; ṽ is the point where it is estimated',
  severity: 'm',
  notebook: DN07,
  demonstrate: () => ({ source: 'sum over ṽ', exact: { 'Σ_v p(v)σ(w₁v + c₁)v₁': r7(rbmNegativePhaseExact(T).W[0][0]) } }),
});

reg({
  id: '003-E48',
  source: '003',
  location: 'Algorithm 0, L432',
  sourceForm: String.raw`\text{for } j = 1..m:\ \text{sample } v_i^{(t+1)} \sim p(v_i\mid h^{(t)})`,
  exactForm: String.raw`\text{for } j = 1..m:\ \text{sample } v_j^{(t+1)} \sim p(v_j\mid h^{(t)})`,
  summary: 'the loop variable is j but the body samples v_i (the same unit m times)',
  severity: 'm',
  notebook: DN07,
  demonstrate: () => ({ source: 'v_i resampled m times; the other visible units keep v^(t)', exact: rv(rbmProbV(T, [1, 0])) }),
});

reg({
  id: '003-E49',
  source: '003',
  location: 'Algorithm 0, L435–437; Algorithm 1, L447–453',
  sourceForm: String.raw`W \leftarrow W + \eta\,\nabla_W L(\theta)\,\big[\sigma(Wv_d + c)v_d^\top - \dots\big]`,
  exactForm: String.raw`W \leftarrow W + \eta\,\big[\sigma(Wv_d + c)v_d^\top - \dots\big]` + ' (the bracket is the gradient estimate)',
  summary: 'read literally, the gradient multiplies its own estimate: the update η g² is never negative',
  severity: 'M',
  notebook: DN07,
  demonstrate: () => {
    const g = rbmGradExact(T, VD).b;
    const u = literalBracketUpdate(g, 0.1);
    return { source: rv(u.source), exact: rv(u.exact), note: 'update of b at v_d = [1,0,1], η = 0.1, with the exact gradient as the bracket' };
  },
});

reg({
  id: '003-E50',
  source: '003',
  location: 'Algorithm 0, L437',
  sourceForm: String.raw`c \leftarrow c + \eta\Big[\sigma(Wv_d + c) - \frac{1}{r}\sum_{t=k+r}^{t=k+r}\sigma(Wv^{(t)} + c)\Big]`,
  exactForm: String.raw`c \leftarrow c + \eta\Big[\sigma(Wv_d + c) - \frac{1}{r}\sum_{t=k+1}^{k+r}\sigma(Wv^{(t)} + c)\Big]`,
  summary: 'the c-update sums a single term and still divides by r: its negative phase is r times too small',
  severity: 'M',
  notebook: DN07,
  demonstrate: () => {
    const N = 800;
    const rr = 5;
    const R = rng(50);
    const mean = (form: 'source' | 'exact') => {
      const s = [0, 0];
      for (let t = 0; t < N; t++) rbmAlgorithm0Gradient(T, VD, { k: 5, r: rr, rng: R, form }).c.forEach((x, j) => (s[j] += x / N));
      return rv(s);
    };
    return { source: mean('source'), exact: mean('exact'), 'exact gradient ∇c': rv(rbmGradExact(T, VD).c), r: rr, runs: N };
  },
});

reg({
  id: '003-E51',
  source: '003',
  location: 'Algorithm 1, L441–444',
  sourceForm: String.raw`\text{"Constrastive"};\ \text{"Randomly Initialize } v^{(0)} \leftarrow v\text{"};\ \text{for } t = 0,\dots,k;\ \tilde v \text{ never assigned}`,
  exactForm: String.raw`v^{(0)} \leftarrow v_d;\ \text{for } t = 0,\dots,k-1:\ h^{(t)}\sim p(h\mid v^{(t)}),\ v^{(t+1)}\sim p(v\mid h^{(t)});\ \tilde v \leftarrow v^{(k)}`,
  summary: 'CD starts at the data vector (not at random), the printed loop runs k + 1 steps, and ṽ is never set',
  severity: 'M',
  notebook: DN07,
  demonstrate: () => {
    const src = rbmExpectedCdUpdate(T, VD, 1, { form: 'source' });
    const ex = rbmExpectedCdUpdate(T, VD, 1);
    return { source: { 'expected CD-1 ∇b (2 steps)': rv(src.b) }, exact: { 'expected CD-1 ∇b': rv(ex.b) }, 'exact ∇b': rv(rbmGradExact(T, VD).b) };
  },
});

reg({
  id: '003-E95',
  source: '003',
  location: 'L397',
  sourceForm: '"for every step of stochastic gradient descent"',
  exactForm: String.raw`\theta \leftarrow \theta + \eta\,\nabla_\theta \ln L` + ' — gradient ascent (the algorithms use +η)',
  summary: 'the RBM updates ascend the log-likelihood',
  severity: 'm',
  notebook: DN07,
  demonstrate: () => {
    const step = (sign: number) => {
      const g = rbmGradExact(T, VD);
      const R = { W: T.W.map((r, j) => r.map((w, i) => w + sign * 0.1 * g.W[j][i])), b: T.b.map((x, i) => x + sign * 0.1 * g.b[i]), c: T.c.map((x, j) => x + sign * 0.1 * g.c[j]) };
      const lz = rbmLogZ(R);
      let f = 0;
      const a = R.W.map((row, j) => row.reduce((s, w, i) => s + w * VD[i], R.c[j]));
      for (let i = 0; i < 3; i++) f += R.b[i] * VD[i];
      for (const x of a) f += Math.log1p(Math.exp(x));
      return r7(f - lz);
    };
    return { source: { 'log p([1,0,1]) after a descent step': step(-1) }, exact: { 'after an ascent step': step(1) }, before: r7(-1.8836592) };
  },
});

reg({
  id: '003-E96',
  source: '003',
  location: 'L403',
  sourceForm: String.raw`\text{start from } v^{(t)} \text{ where } v^{(t)} \text{ is the current training instance}`,
  exactForm: String.raw`\text{start from } v_d \text{ (} t \text{ is the chain's time index in Algorithms 0/1)}`,
  summary: 'notation clash: v^(t) is both the training example and the chain state at time t',
  severity: 'm',
  kind: 'remark',
  notebook: DN07,
  demonstrate: () => ({ source: 'v^(t)', exact: 'v_d', 'CD-1 bias ‖∇ − E[CD-1]‖∞': r7(maxAbsDiff(rbmGradExact(T, VD), rbmExpectedCdUpdate(T, VD, 1))) }),
});

/** Errata cells: the shared errata table (src/errata), re-exported so notebooks can call `energy.showErrata([...])`. */
export { showErrata } from '../errata/registry';
