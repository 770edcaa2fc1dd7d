/**
 * Errata of the graphical-model sections (002 §1–2, L99–293; 003 L1–92), each with a numerical demonstration computed
 * by the library (the source's form vs the exact form). Ids follow the inventories in ../shared/curriculum
 * (the errata lists of the course's planning notes for sources 002 and 003).
 */
import { registerErratum } from '../errata/registry';
import { fullJointParameters } from '../counting';

import { dSeparatedByTrails } from './dsep';
import { bayesNet, jointTable, parameterCounts, queryVE } from './bayesnet';
import { conditionalMutualInformation, ciDeviation, conditionalDiscrepancy } from './independence';
import { canonicalNetwork, fig21Dag, fig21Network, misconceptionFactors, misconceptionFactorsAsPrinted, studentNetwork, CLIQUE_EXAMPLE } from './examples';
import { markovBlanket } from './dag';
import { cpdag, structuralHammingDistance } from './equivalence';
import { dSepOracle, pcAlgorithm } from './pc';
import { factor, factorProducts, factorSum, marginalOnto, normalize } from './factor';
import { factorGraphEdges, gibbsDistribution, markovMarginal, maximalCliques, partitionFunction, undirectedMarkovBlanket } from './markovnet';

export { showErrata } from '../errata/registry';

const S01 = 'sta4124/01-graphical-models-factorization.ipynb';
const S02 = 'sta4124/02-d-separation-and-pc.ipynb';
const D01 = 'dgm-notes/01-bayesian-networks.ipynb';
const D02 = 'dgm-notes/02-markov-networks.ipynb';

function register(spec: Parameters<typeof registerErratum>[0]): void {
  // Tolerate a second load of this module (src via tsx and dist in one process share one registry).
  try {
    registerErratum(spec);
  } catch (e) {
    if (!/already registered/.test((e as Error).message)) throw e;
  }
}

/** Number of topological orders (linear extensions) of a small DAG, by brute force over permutations. */
function topologicalOrderCount(nodes: string[], parents: (v: string) => string[]): number {
  let count = 0;
  const rec = (placed: string[]) => {
    if (placed.length === nodes.length) return void count++;
    for (const v of nodes) if (!placed.includes(v) && parents(v).every((p) => placed.includes(p))) rec([...placed, v]);
  };
  rec([]);
  return count;
}

// ------------------------------------------------------------------------------------------------ 002 §2

register({
  id: '002-E1',
  source: '002',
  location: '§2.2, L158',
  sourceForm: String.raw`\text{only the past affects the present}`,
  exactForm: String.raw`x_i \perp x_{\mathrm{nd}(i)\setminus\pi_i} \mid x_{\pi_i}\ \text{with respect to any topological order}`,
  summary: 'a DAG orders its variables only partially; "past" means "earlier in some topological order", not time (Fig. 2.1 has 9 of them)',
  kind: 'remark',
  severity: 'I',
  notebook: S01,
  demonstrate: () => {
    const d = fig21Dag();
    return { source: 1, exact: topologicalOrderCount(d.nodes.slice(), (v) => d.parents(v)), example: 'number of orderings of Fig. 2.1 compatible with its arrows (one "timeline" vs all topological orders)' };
  },
});

register({
  id: '002-E2',
  source: '002',
  location: '§2.2, L162',
  sourceForm: String.raw`2^n`,
  exactForm: String.raw`2^n - 1`,
  summary: 'a full joint over n binary variables has 2^n − 1 free parameters (the entries sum to one)',
  severity: 't',
  notebook: S01,
  demonstrate: () => ({ source: 2 ** 6, exact: fullJointParameters([2, 2, 2, 2, 2, 2]), example: 'n = 6 (Fig. 2.1); the network itself needs Σ 2^{|π_i|} = 13' }),
});

register({
  id: '002-E4',
  source: '002',
  location: '§2.4, L211–221',
  sourceForm: String.raw`X \to W \leftarrow Y\ \text{open} \iff W \in Z`,
  exactForm: String.raw`X \to W \leftarrow Y\ \text{open} \iff (\{W\} \cup \mathrm{de}(W)) \cap Z \neq \emptyset`,
  summary: 'a v-structure is also opened by observing a descendant of the collider (the notes’ own §2.3.4 says so)',
  severity: 'M',
  notebook: S02,
  demonstrate: () => {
    const bn = canonicalNetwork('collider', true); // X → Y ← Z, Y → W
    return {
      source: dSeparatedByTrails(bn.dag, 'X', 'Z', ['W'], 'source'),
      exact: dSeparatedByTrails(bn.dag, 'X', 'Z', ['W'], 'exact'),
      'I(X;Z|W) (nats)': conditionalMutualInformation(jointTable(bn), ['X'], ['Z'], ['W']),
      example: 'X → Y ← Z with Y → W: is X ⊥ Z | W? (d-separated = true)',
    };
  },
});

register({
  id: '002-E5',
  source: '002',
  location: '§2.5, Eq. (2.5.1), L229',
  sourceForm: String.raw`p(X_i \mid X_{\Pi\setminus M(X_i)}) = p(X_i \mid X_{M(X_i)})`,
  exactForm: String.raw`p(X_i \mid X_{\Pi\setminus\{i\}}) = p(X_i \mid X_{M(X_i)})`,
  summary: 'conditioning on everything outside the blanket does not give the blanket conditional; conditioning on all other nodes does',
  severity: 'M',
  notebook: S02,
  demonstrate: () => {
    const J = jointTable(fig21Network());
    const mb = markovBlanket(fig21Dag(), 'X2'); // X1, X4, X5, X6
    const all = ['X1', 'X3', 'X4', 'X5', 'X6'];
    const outside = all.filter((v) => !mb.includes(v)); // X3
    return {
      source: conditionalDiscrepancy(J, 'X2', outside, mb),
      exact: conditionalDiscrepancy(J, 'X2', all, mb),
      example: 'Fig. 2.1 network, node X2 (MB = {X1, X4, X5, X6}): max |p(x2 | conditioning set) − p(x2 | x_MB)|',
    };
  },
});

register({
  id: '002-E6',
  source: '002',
  location: '§2.7, L268–276',
  sourceForm: String.raw`\text{remove } a - b \text{ if } a \perp b \text{ or } a \perp b \mid c\ \text{(one third node)}`,
  exactForm: String.raw`\text{remove } a - b \text{ if } a \perp b \mid S,\ S \subseteq \mathrm{adj}(a)\setminus\{b\},\ |S| = 0, 1, 2, \dots;\ a \to c \leftarrow b \iff c \notin \mathrm{SepSet}(a, b)`,
  summary: 'PC must try conditioning sets of growing size; with one node at most, Fig. 2.1 keeps the false edges 1–6 and 3–6. V-structures use the separating sets, then Meek’s rules',
  kind: 'error',
  severity: 'I/G',
  notebook: S02,
  demonstrate: () => {
    const d = fig21Dag();
    const truth = cpdag(d);
    const lit = pcAlgorithm(d.nodes.slice(), dSepOracle(d), { maxCondSize: 1 });
    const full = pcAlgorithm(d.nodes.slice(), dSepOracle(d));
    return {
      source: structuralHammingDistance(lit, truth),
      exact: structuralHammingDistance(full, truth),
      'false edges (|S| ≤ 1)': lit.skeleton.filter(([a, b]) => !d.adjacent(a, b)).map((e) => e.join('–')).join(', '),
      example: 'structural Hamming distance to the true CPDAG of Fig. 2.1, PC with the d-separation oracle',
    };
  },
});

register({
  id: '002-E67',
  source: '002',
  location: '§2.3.4, L205–207',
  sourceForm: String.raw`\text{chain: } \mathrm{de}(Y) \text{ acts like } Y;\ \text{fork: } \mathrm{an}(Y) \text{ acts like } Y`,
  exactForm: String.raw`\text{only for the collider: } \mathrm{de}(Y) \cap Z \neq \emptyset \text{ opens } X \to Y \leftarrow Z;\ \text{a chain or fork is blocked only by } Y \in Z`,
  summary: 'observing a descendant of a chain’s middle node, or an ancestor of a fork’s common cause, does not block the path',
  severity: 'M',
  notebook: S01,
  demonstrate: () => {
    const chain = canonicalNetwork('chain', true); // X → Y → Z, Y → W
    const fork = bayesNet({
      nodes: ['A', 'X', 'Y', 'Z'],
      parents: { Y: ['A'], X: ['Y'], Z: ['Y'] },
      cpts: { A: [[0.5, 0.5]], Y: [[0.8, 0.2], [0.2, 0.8]], X: [[0.9, 0.1], [0.1, 0.9]], Z: [[0.9, 0.1], [0.1, 0.9]] },
    });
    return {
      source: 0,
      exact: conditionalMutualInformation(jointTable(chain), ['X'], ['Z'], ['W']),
      'fork, I(X;Z|A) with A → Y (nats)': conditionalMutualInformation(jointTable(fork), ['X'], ['Z'], ['A']),
      example: 'chain X → Y → Z with Y → W: I(X; Z | W) (the notes’ claim implies 0)',
    };
  },
});

// ------------------------------------------------------------------------------------------------ 003 L1–92

register({
  id: '003-E03',
  source: '003',
  location: 'L9',
  sourceForm: String.raw`P(y) = \sum_{x_1, \dots, x_n} P(x_1, \dots, x_n)`,
  exactForm: String.raw`P(y) = \sum_{x_1, \dots, x_n} P(y, x_1, \dots, x_n)`,
  summary: 'as printed the right side sums a distribution over all its arguments and equals 1',
  severity: 'M',
  notebook: D01,
  demonstrate: () => {
    const s = studentNetwork();
    const others = marginalOnto(jointTable(s), ['D', 'I', 'G', 'S']); // P(x_1..x_n) without y = L
    return { source: factorSum(others), exact: queryVE(s, ['L']).values[1], example: 'student network, y = l¹' };
  },
});

register({
  id: '003-E05',
  source: '003',
  location: 'L31–34',
  sourceForm: String.raw`\text{five CPD entries printed (L34); figure and tables missing}`,
  exactForm: String.raw`\text{15 free CPD parameters (Koller \& Friedman 2009, Fig. 3.4)}`,
  summary: 'the network needs its full CPDs; the notebooks use the textbook’s, which reproduce the five printed values',
  kind: 'remark',
  severity: 'S',
  notebook: D01,
  demonstrate: () => ({ source: 5, exact: parameterCounts(studentNetwork()).network, example: 'numbers printed vs free parameters of the student network' }),
});

register({
  id: '003-E07',
  source: '003',
  location: 'L56–60',
  sourceForm: String.raw`\text{every table labelled } (a, b);\ \phi_1 \text{ row 4 } a^1a^1;\ \phi_3 \text{ rows } a^0b^0, a^0b^0, a^1b^1, a^1b^1`,
  exactForm: String.raw`\phi_1(A,B),\ \phi_2(B,C),\ \phi_3(C,D),\ \phi_4(D,A);\ \phi_3: c^0d^0{=}1,\ c^0d^1{=}100,\ c^1d^0{=}100,\ c^1d^1{=}1`,
  summary: 'the row labels are broken; the values are right. Only φ1 is asymmetric, so only its labels can change a number',
  severity: 'M',
  notebook: D02,
  demonstrate: () => {
    const m = misconceptionFactors();
    const swapped = [factor(['A', 'B'], [2, 2], [30, 1, 5, 10]), ...m.slice(1)];
    const p01 = (fs: typeof m) => markovMarginal(fs, ['A', 'B']).values[1];
    return { source: p01(swapped), exact: p01(m), 'Z (unchanged by the swap)': partitionFunction(swapped), example: 'P(a⁰, b¹) with φ1’s off-diagonal labels swapped vs the repaired tables' };
  },
});

register({
  id: '003-E98',
  source: '003',
  location: 'L62–64',
  sourceForm: String.raw`\frac{\phi_1(a^0, b^1)}{\phi_1(a^0, b^0)}\ \text{read as}\ \frac{P(a^0, b^1)}{P(a^0, b^0)}`,
  exactForm: String.raw`\frac{P(a^0, b^1)}{P(a^0, b^0)} = \frac{\sum_{c,d} \phi_1(a^0,b^1)\,\phi_2(b^1,c)\,\phi_3(c,d)\,\phi_4(d,a^0)}{\sum_{c,d} \phi_1(a^0,b^0)\,\phi_2(b^0,c)\,\phi_3(c,d)\,\phi_4(d,a^0)}`,
  summary: 'a factor’s entries are relative weights of a configuration only together with all the other factors; alone they are not the relative likelihoods of the events (a, b) (found by the GRAPH topic; not in the inventory)',
  kind: 'remark',
  severity: 'm',
  notebook: D02,
  demonstrate: () => {
    const m = misconceptionFactors();
    const pab = markovMarginal(m, ['A', 'B']).values;
    return { source: m[0].values[1] / m[0].values[0], exact: pab[1] / pab[0], example: 'the ratio for (a⁰, b¹) against (a⁰, b⁰): from φ1 alone vs from the network’s marginal' };
  },
});

register({
  id: '003-E08',
  source: '003',
  location: 'L68, L72',
  sourceForm: String.raw`\phi_1(a,b)\,\phi_1(b,c)\,\phi_1(c,d)\,\phi_1(d,a)`,
  exactForm: String.raw`\phi_1(a,b)\,\phi_2(b,c)\,\phi_3(c,d)\,\phi_4(d,a)`,
  summary: 'the joint and Z use four different factors; read literally (φ1 everywhere) Z is 846,050 instead of 7,201,840',
  severity: 'M',
  notebook: D02,
  demonstrate: () => ({ source: partitionFunction(misconceptionFactorsAsPrinted()), exact: partitionFunction(misconceptionFactors()), example: 'partition function Z of the misconception network' }),
});

register({
  id: '003-E10',
  source: '003',
  location: 'L82',
  sourceForm: String.raw`\prod_i \phi(D_i)`,
  exactForm: String.raw`\prod_i \phi_i(D_i)`,
  summary: 'each clique has its own factor; one shared φ cannot express the misconception network',
  kind: 'remark',
  severity: 'm',
  notebook: D02,
  demonstrate: () => ({ source: 1, exact: new Set(misconceptionFactors().map((f) => Array.from(f.values).join())).size, example: 'distinct factor tables in the misconception network (φ2 and φ4 coincide)' }),
});

register({
  id: '003-E11',
  source: '003',
  location: 'L84',
  sourceForm: String.raw`D_i\ \text{a complete subgraph (or maximal clique)}`,
  exactForm: String.raw`D_i\ \text{any clique; factors on sub-cliques multiply into one factor on a maximal clique}`,
  summary: 'any complete subgraph may carry a factor; maximal cliques are one (the most general) choice',
  kind: 'remark',
  severity: 'm',
  notebook: D02,
  demonstrate: () => {
    // pairwise factors on the six edges of the clique {A, D, E, G} vs their product as one factor on the clique
    const pairs: [string, string][] = [['A', 'D'], ['A', 'E'], ['A', 'G'], ['D', 'E'], ['D', 'G'], ['E', 'G']];
    const fs = pairs.map(([a, b], k) => factor([a, b], [2, 2], [1 + k, 2, 3, 1 + 2 * k]));
    const merged = factorProducts(fs);
    const p1 = gibbsDistribution(fs);
    const p2 = normalize(merged);
    const worst = Math.max(...Array.from(p1.values, (v, i) => Math.abs(v - p2.values[i])));
    const edges = factorGraphEdges(CLIQUE_EXAMPLE.cliques.map((c) => factor(c, c.map(() => 2), new Array(2 ** c.length).fill(1))));
    return {
      source: merged.values.length,
      exact: fs.reduce((n, f) => n + f.values.length, 0),
      'max |pairwise Gibbs − clique factor|': worst,
      'maximal cliques of the L74–78 graph': maximalCliques(CLIQUE_EXAMPLE.nodes, edges).map((c) => c.join('')).join(', '),
      example: 'clique {A, D, E, G}: entries of one maximal-clique factor vs six pairwise (sub-clique) factors — the same distribution',
    };
  },
});

register({
  id: '003-E12',
  source: '003',
  location: 'L88',
  sourceForm: String.raw`X \perp Y \mid Z \iff P(X) = \phi_1(X, Z)\,\phi_2(Y, Z)`,
  exactForm: String.raw`X \perp Y \mid Z \iff P(X, Y, Z) = \phi_1(X, Z)\,\phi_2(Y, Z)`,
  summary: 'the left side must be the joint of X, Y, Z (K&F Prop. 2.3); P(X) cannot depend on Y and Z. The set Z also clashes with the partition function Z',
  severity: 'M',
  notebook: D02,
  demonstrate: () => {
    // chain X → Y → Z renamed so that the conditioning set is the middle node: X ⊥ Z | Y
    const J = jointTable(canonicalNetwork('chain'));
    const pxy = marginalOnto(J, ['X', 'Y']);
    const py = marginalOnto(J, ['Y']);
    const pzy = marginalOnto(J, ['Z', 'Y']);
    const px = marginalOnto(J, ['X']);
    let src = 0;
    let ex = 0;
    for (let x = 0; x < 2; x++) for (let y = 0; y < 2; y++) for (let z = 0; z < 2; z++) {
      const phi = pxy.values[2 * x + y] * (pzy.values[2 * z + y] / py.values[y]); // φ1(x,y) = P(x,y), φ2(z,y) = P(z|y)
      ex = Math.max(ex, Math.abs(J.values[4 * x + 2 * y + z] - phi));
      src = Math.max(src, Math.abs(px.values[x] - phi));
    }
    return { source: src, exact: ex, 'CI deviation': ciDeviation(J, ['X'], ['Z'], ['Y']), example: 'chain X → Y → Z (X ⊥ Z | Y): max |left side − φ1(x,y) φ2(z,y)|' };
  },
});

register({
  id: '003-E13',
  source: '003',
  location: 'L92',
  sourceForm: String.raw`X \perp (U \mathbin{-\!-} \{X\} \mathbin{-\!-} MB_H) \mid MB_H(X)`,
  exactForm: String.raw`X \perp (U - \{X\} - MB_H(X)) \mid MB_H(X)`,
  summary: 'set difference (typo) and the blanket’s argument',
  severity: 'm',
  notebook: D02,
  demonstrate: () => {
    const m = misconceptionFactors();
    const nodes = ['A', 'B', 'C', 'D'];
    const mb = undirectedMarkovBlanket(nodes, factorGraphEdges(m), 'A');
    const rest = nodes.filter((v) => v !== 'A' && !mb.includes(v));
    return { source: 'malformed set expression', exact: ciDeviation(gibbsDistribution(m), ['A'], rest, mb), example: `misconception loop: A ⊥ {${rest}} | {${mb}} holds (deviation 0)` };
  },
});

