/**
 * Exercises of the EBM notebooks (ids `ebm.*`). Every reference is computed with this library (the oracles of the 000 and
 * 003 inventories are reproduced by tests/energy). `npx dgmlab answer ebm.bm.energy` prints a reference.
 */
import { exerciseGroup } from '../exercises/shapes';
import * as compare from '../exercises/compare';
import { rbmConnections, rbmParameters } from '../counting/boltzmann';
import { bmDistribution, bmEnergy, bmGradExact, bmTrain } from './bm';
import { TINY_RBM, rbmEnergy, rbmGradExact, rbmLogProb, rbmProbH } from './rbm';
import { rbmExpectedCdUpdate } from './train';
import { BM_O29, BM_O33_DATA } from './errata';

const ng12Group = exerciseGroup({ notebook: 'nguyen-tutorial/12-boltzmann-machine-and-rbm.ipynb' });
const dn03Group = exerciseGroup({ notebook: 'dgm-notes/03-latent-variables-and-rbm.ipynb' });
const dn04Group = exerciseGroup({ notebook: 'dgm-notes/04-rbm-likelihood-gradient.ipynb' });
const dn07Group = exerciseGroup({ notebook: 'dgm-notes/07-rbm-training-cd-k.ipynb' });
const T = TINY_RBM;
const VD = [1, 0, 1];


// ------------------------------------------------------------------------------------- nguyen-tutorial/12 (000 §3)
ng12Group.register({
  id: 'ebm.bm.energy',
  title: 'By hand: the energy E(1, 0, 1) of the 3-unit machine w12 = 1, w13 = −1, w23 = 0.5, b = (0.1, −0.2, 0.3) (exact to 4 decimals)',
  source: '000 §3, Eq. (3.16)',
  reference: () => bmEnergy(BM_O29, VD),
  compare: compare.number({ abs: 5e-5 }),
  hints: ['Only pairs with x_i = x_j = 1 contribute: here (1, 3).', 'E = −w13 − b1 − b3.'],
});

ng12Group.register({
  id: 'ebm.bm.logz',
  title: 'The partition function Z = Σ_x exp(−E(x)) of the same machine at κT = 1, by enumerating the 8 states (6 significant figures)',
  source: '000 §3, the Boltzmann PDF above Eq. (3.17) (a sum for binary x)',
  reference: () => bmDistribution(BM_O29, 1).Z,
  compare: compare.number({ rel: 5e-6 }),
  hints: ['Loop over s = 0..7 and read the bits of s as (x1, x2, x3).', 'Z ≈ 11.1.'],
});

ng12Group.register({
  id: 'ebm.bm.grad-w13',
  title: 'The exact log-likelihood gradient ∂ log P(x)/∂w13 at x = (1, 0, 1): x1x3 − E_model[x1x3] (to 1e-6)',
  source: '000 §3, (3.17)–(3.18) repaired (erratum 000-E49)',
  reference: () => bmGradExact(BM_O29, [VD]).dW[0][2],
  compare: compare.number({ abs: 1e-6 }),
  hints: ['E_model[x1x3] = P(1,0,1) + P(1,1,1).', 'The tutorial’s rule (3.18) would give 1 here.'],
});

ng12Group.register({
  id: 'ebm.bm.o33-tutorial',
  title: 'Average log-likelihood of the four-vector data after 200 full-batch steps of the tutorial’s rule (3.18), γ = 0.1, from W = 0, b = 0 (to 1e-5)',
  source: '000 §3, Eq. (3.18) (erratum 000-E49)',
  reference: () => bmTrain(BM_O33_DATA, { rule: 'source', steps: 200, gamma: 0.1 }).history[200].logLik,
  compare: compare.number({ abs: 1e-5 }),
  hints: ['Each step adds γ·mean(x_i x_j) to w_ij and γ·mean(x_i) to b_i — it never subtracts anything.', 'Evaluate the log-likelihood with the exact Z at the end.'],
});

ng12Group.register({
  id: 'ebm.bm.rbm-connections',
  title: 'By hand: how many weights has a restricted machine on n = 10 units with an input group of k = 4 (and how many the full machine: 45)?',
  source: '000 §3, L1054 and L1183–1191',
  reference: () => rbmConnections(4, 10),
  compare: compare.number({ abs: 0 }),
  hints: ['Only pairs with one unit in each group are connected.'],
});

// ------------------------------------------------------------------------------------- dgm-notes/03 (003 L94–171)
dn03Group.register({
  id: 'ebm.rbm.energy',
  title: 'By hand: E(v = [1,0,1], h = [1,0]) of the tiny RBM (exact to 4 decimals)',
  source: '003 L154 (canonical W, hidden × visible)',
  reference: () => rbmEnergy(T, VD, [1, 0]),
  compare: compare.number({ abs: 5e-5 }),
  hints: ['E = −hᵀWv − bᵀv − cᵀh; with h = [1, 0] only the first row of W and c₁ matter.', '−(0.5 + 0.2) − (0.1 + 0.05) − (−0.1).'],
});

dn03Group.register({
  id: 'ebm.rbm.phv',
  title: 'p(h_j = 1 | v = [1,0,1]) for both hidden units of the tiny RBM (to 1e-6)',
  source: '003 L156–171 (erratum 003-E18/E19 repaired)',
  reference: () => rbmProbH(T, VD),
  compare: compare.vector({ abs: 1e-6 }),
  hints: ['σ((Wv + c)_j): pre-activations 0.5 + 0.2 − 0.1 and 0.1 − 0.6 + 0.2.'],
});

dn03Group.register({
  id: 'ebm.rbm.logp',
  title: 'log p(v = [1,0,1]) of the tiny RBM through the free energy and an enumerated log Z (to 1e-6)',
  source: '003 L150–154, L190–192',
  reference: () => rbmLogProb(T, VD),
  compare: compare.number({ abs: 1e-6 }),
  hints: ['F(v) = −bᵀv − Σ_j log(1 + e^{(Wv + c)_j}).', 'log Z = log Σ_v e^{−F(v)} over the 8 visible states; log p(v) = −F(v) − log Z.'],
});

dn03Group.register({
  id: 'ebm.rbm.params',
  title: 'By hand: the number of parameters of an RBM on 32×32 binary images with 100 hidden units',
  source: '003 L96–120 (m = 1024)',
  reference: () => rbmParameters(1024, 100),
  compare: compare.number({ abs: 0 }),
  hints: ['mn weights plus m visible and n hidden biases.'],
});

// ------------------------------------------------------------------------------------- dgm-notes/04 (003 L173–217, L333–387)
dn04Group.register({
  id: 'ebm.rbm.grad-b',
  title: 'The exact gradient ∇_b ln p(v) = v − E_p[v′] at v = [1,0,1] for the tiny RBM (to 1e-6)',
  source: '003 L361–373',
  reference: () => rbmGradExact(T, VD).b,
  compare: compare.vector({ abs: 1e-6 }),
  hints: ['E_p[v′] = Σ_{v′} p(v′) v′ over the 8 visible states.', 'p(v′) ∝ e^{−F(v′)}.'],
});

dn04Group.register({
  id: 'ebm.rbm.grad-c',
  title: 'The exact gradient ∇_c ln p(v) = σ(Wv + c) − E_p[σ(Wv′ + c)] at v = [1,0,1] (to 1e-6)',
  source: '003 L375–387',
  reference: () => rbmGradExact(T, VD).c,
  compare: compare.vector({ abs: 1e-6 }),
  hints: ['The positive phase is p(h = 1 | v) = [0.645656, 0.425557].', 'Average σ(Wv′ + c) under p(v′).'],
});

dn04Group.register({
  id: 'ebm.rbm.grad-1unit',
  title: 'By hand: an RBM with one visible and one hidden unit and W = b = c = 0. What is ∂ ln p(v = 1)/∂b? (exact)',
  source: '003 L361–373 (∇_b = v − E_p[v′])',
  reference: () => rbmGradExact({ W: [[0]], b: [0], c: [0] }, [1]).b[0],
  compare: compare.number({ abs: 1e-9 }),
  hints: ['With all parameters 0, p(v) is uniform on {0, 1}.', '∇_b = 1 − E_p[v′].'],
});

// ------------------------------------------------------------------------------------- dgm-notes/07 (003 L389–455)
dn07Group.register({
  id: 'ebm.rbm.cd1-b',
  title: 'The EXPECTED CD-1 update of b at v_d = [1,0,1]: v_d − Σ_{v′} T(v_d → v′) v′, with T the exact block-Gibbs kernel (to 1e-6)',
  source: '003 L399–415, L441–455 (erratum 003-E51 repaired)',
  reference: () => rbmExpectedCdUpdate(T, VD, 1).b,
  compare: compare.vector({ abs: 1e-6 }),
  hints: ['ṽ = v⁽¹⁾ is distributed as row [1,0,1] (index 5) of the 8 × 8 kernel.', 'Average v′ under that row.'],
});

dn07Group.register({
  id: 'ebm.rbm.cd-bias',
  title: 'The CD-1 bias of the b-update at v_d = [1,0,1]: exact ∇_b minus the expected CD-1 update (to 1e-6)',
  source: '003 L399–415',
  reference: () => {
    const g = rbmGradExact(T, VD).b;
    const u = rbmExpectedCdUpdate(T, VD, 1).b;
    return g.map((x, i) => x - u[i]);
  },
  compare: compare.vector({ abs: 1e-6 }),
  hints: ['Both share the positive phase v_d; the difference is E_{T(v_d→·)}[v′] − E_p[v′].'],
});

dn07Group.register({
  id: 'ebm.rbm.e50-factor',
  title: 'By hand: in the printed c-update of Algorithm 0 (Σ from t = k + r to k + r, divided by r), with r = 5, what weight does the negative phase get relative to the repaired rule? (exact)',
  source: '003 L437 (erratum 003-E50)',
  reference: () => 1 / 5,
  compare: compare.number({ abs: 1e-9 }),
  hints: ['The sum has one term whose expectation is the whole negative phase; it is still divided by r.'],
});

dn07Group.register({
  id: 'ebm.rbm.e44-samples',
  title: 'By hand: how many distinct chain states does the printed Monte-Carlo average (1/k) Σ_{i=1}^k σ(Wv⁽ᵏ⁾ + c)v⁽ᵏ⁾ᵀ use when k = 100?',
  source: '003 L391–395 (erratum 003-E44)',
  reference: () => 1,
  compare: compare.number({ abs: 0 }),
  hints: ['Look at the superscript inside the sum: it does not depend on i.'],
});
