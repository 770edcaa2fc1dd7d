/**
 * Exercises of the graphical-model notebooks (ids `graph.*`). Every reference answer is computed with the library.
 */
import { exerciseGroup } from '../exercises/shapes';
import * as compare from '../exercises/compare';
import { jointTable, parameterCounts, queryVE, jointProbability } from './bayesnet';
import { conditionalMutualInformation } from './independence';
import { dSeparated } from './dsep';
import { markovBlanket } from './dag';
import { equivalenceClassSize, cpdag } from './equivalence';
import { dSepOracle, pcAlgorithm } from './pc';
import { D1_QUERIES, canonicalNetwork, fig21Dag, fig21Network, misconceptionFactors, misconceptionFactorsAsPrinted, studentNetwork } from './examples';
import { factorValue, normalize } from './factor';
import { gibbsDistribution, markovMarginal, partitionFunction, undirectedMarkovBlanket, factorGraphEdges } from './markovnet';
import { dag } from './dag';

const s01Group = exerciseGroup({ notebook: 'sta4124/01-graphical-models-factorization.ipynb' });
const s02Group = exerciseGroup({ notebook: 'sta4124/02-d-separation-and-pc.ipynb' });
const d01Group = exerciseGroup({ notebook: 'dgm-notes/01-bayesian-networks.ipynb' });
const d02Group = exerciseGroup({ notebook: 'dgm-notes/02-markov-networks.ipynb' });

/** Register once (a second load of this module in the same process shares the registry). */


// ------------------------------------------------------------------------------------------------ sta4124/01 (002 §2.1–2.3)

s01Group.register({
  id: 'graph.s01.param-count',
  title: 'Free parameters of the Fig. 2.1 network with binary variables, and of the full joint: [network, joint]',
  source: '002 §2.2, Eq. (2.2.1), L162',
  reference: () => {
    const c = parameterCounts(fig21Network());
    return [c.network, c.fullJoint];
  },
  compare: compare.vector({ abs: 0 }),
  hints: ['A binary node with k parents needs one Bernoulli parameter per parent configuration: 2^k.', 'The full joint has 2^6 entries that sum to one.'],
});

s01Group.register({
  id: 'graph.s01.which-structure',
  title: 'Which canonical structure has I(X;Z) = 0 but I(X;Z|Y) > 0?',
  source: '002 §2.3.1–2.3.3',
  reference: () => (['chain', 'fork', 'collider'] as const).find((k) => {
    const J = jointTable(canonicalNetwork(k));
    return conditionalMutualInformation(J, ['X'], ['Z']) < 1e-12 && conditionalMutualInformation(J, ['X'], ['Z'], ['Y']) > 1e-6;
  }) as string,
  compare: compare.choice(['chain', 'fork', 'collider']),
  hints: ['Which structure has two independent causes?'],
});

s01Group.register({
  id: 'graph.s01.collider-cmi',
  title: 'I(X; Z | Y) in nats for the collider X → Y ← Z of the notebook (Y = X OR Z, flipped with probability 0.1)',
  source: '002 §2.3.3 (Fig. 2.4)',
  reference: () => conditionalMutualInformation(jointTable(canonicalNetwork('collider')), ['X'], ['Z'], ['Y']),
  compare: compare.number({ rel: 1e-9 }),
  hints: ['Build the 8-entry joint p(x) p(z) p(y | x, z).', 'I(X;Z|Y) = Σ p(x,y,z) log[p(x,y,z) p(y) / (p(x,y) p(z,y))].'],
});

s01Group.register({
  id: 'graph.s01.descendant-cmi',
  title: 'Chain X → Y → Z with a descendant Y → W: I(X; Z | W) in nats (does observing W block the chain?)',
  source: '002 §2.3.4, L205–207 (erratum 002-E67)',
  reference: () => conditionalMutualInformation(jointTable(canonicalNetwork('chain', true)), ['X'], ['Z'], ['W']),
  compare: compare.number({ rel: 1e-9 }),
  hints: ['Sum Y out of p(x) p(y|x) p(z|y) p(w|y) to get p(x, z, w).', 'If W blocked the path the answer would be 0.'],
});

// ------------------------------------------------------------------------------------------------ sta4124/02 (002 §2.4–2.8)

s02Group.register({
  id: 'graph.s02.dsep-d1',
  title: 'The 20 d-separation queries on Fig. 2.1 (1 = d-separated, 0 = not), in the order of the table',
  source: '002 §2.4, Eq. (2.2.1)',
  reference: () => D1_QUERIES.map(([a, b, S]) => (dSeparated(fig21Dag(), [a], [b], S) ? 1 : 0)),
  compare: compare.vector({ abs: 0 }),
  hints: ['List every trail; a trail is blocked by an observed chain/fork node or an unobserved collider with no observed descendant.', 'X6 is the only collider of the graph (on X2 → X6 ← X5).'],
});

s02Group.register({
  id: 'graph.s02.markov-blanket',
  title: 'The Markov blanket of X2 in Fig. 2.1 (a list of node names)',
  source: '002 §2.5',
  reference: () => markovBlanket(fig21Dag(), 'X2'),
  compare: compare.set(),
  hints: ['Parents, children, and the children’s other parents.'],
});

s02Group.register({
  id: 'graph.s02.class-sizes',
  title: 'How many DAGs are Markov equivalent to X → Y → Z, and to X → Y ← Z (each counted with itself)? [chain, collider]',
  source: '002 §2.8, L284–293',
  reference: () => [
    equivalenceClassSize(dag(['X', 'Y', 'Z'], [['X', 'Y'], ['Y', 'Z']])),
    equivalenceClassSize(dag(['X', 'Y', 'Z'], [['X', 'Y'], ['Z', 'Y']])),
  ],
  compare: compare.vector({ abs: 0 }),
  hints: ['Same skeleton and same v-structures.', 'Orient X – Y – Z in all four ways; which create a v-structure?'],
});

s02Group.register({
  id: 'graph.s02.pc-undirected',
  title: 'PC with the d-separation oracle on Fig. 2.1: how many edges of the output stay undirected?',
  source: '002 §2.7–2.8',
  reference: () => pcAlgorithm(fig21Dag().nodes.slice(), dSepOracle(fig21Dag())).undirected.length,
  compare: compare.number({ abs: 0 }),
  hints: ['Which unshielded triples are v-structures?', 'Does any Meek rule orient a further edge?'],
});

s02Group.register({
  id: 'graph.s02.cpdag-directed',
  title: 'The directed edges of the CPDAG of Fig. 2.1, as strings "a->b"',
  source: '002 §2.8 (oracle: only 2→6←5)',
  reference: () => cpdag(fig21Dag()).directed.map(([a, b]) => `${a}->${b}`),
  compare: compare.set(),
  hints: ['Compelled edges: those of v-structures, and those Meek’s rules force.'],
});

// ------------------------------------------------------------------------------------------------ dgm-notes/01 (003 L1–44)

d01Group.register({
  id: 'graph.d01.joint-product',
  title: 'P(i¹, d⁰, g², s¹, l⁰) in the student network (to 4 significant figures)',
  source: '003 L33–34',
  reference: () => jointProbability(studentNetwork(), { I: 1, D: 0, G: 1, S: 1, L: 0 }),
  compare: compare.number({ rel: 5e-4 }),
  hints: ['P(I) P(D) P(G | I, D) P(S | I) P(L | G) at the given values.'],
});

d01Group.register({
  id: 'graph.d01.param-counts',
  title: 'Free parameters of the student network’s full joint and of the network: [joint, network]',
  source: '003 L13, L27–34 ',
  reference: () => {
    const c = parameterCounts(studentNetwork());
    return [c.fullJoint, c.network];
  },
  compare: compare.vector({ abs: 0 }),
  hints: ['G has three states; the others two.', 'A CPD of a k-state node with parent configurations m has (k − 1) m free numbers.'],
});

d01Group.register({
  id: 'graph.d01.e03-sum',
  title: 'The value of the right side of 003 L9 as printed, Σ over all x of P(x₁, …, xₙ)',
  source: '003 L9 (erratum 003-E03)',
  reference: () => 1,
  compare: compare.number({ abs: 1e-9 }),
  hints: ['A distribution summed over all its arguments.'],
});

d01Group.register({
  id: 'graph.d01.p-l1',
  title: 'P(l¹): the probability of a strong letter, by summing the student network’s joint',
  source: '003 L27–34 ',
  reference: () => queryVE(studentNetwork(), ['L']).values[1],
  compare: compare.number({ rel: 1e-9 }),
  hints: ['P(l¹) = Σ_g P(g) P(l¹ | g), and P(g) = Σ_{i,d} P(i) P(d) P(g | i, d).'],
});

d01Group.register({
  id: 'graph.d01.explaining-away',
  title: 'Explaining away: [P(i¹ | g³), P(i¹ | g³, d¹), P(i¹ | g³, s¹)]',
  source: '003 L36–44 ',
  reference: () => {
    const s = studentNetwork();
    return [queryVE(s, ['I'], { G: 2 }).values[1], queryVE(s, ['I'], { G: 2, D: 1 }).values[1], queryVE(s, ['I'], { G: 2, S: 1 }).values[1]];
  },
  compare: compare.vector({ rel: 1e-7 }),
  hints: ['P(i¹ | g³) = P(i¹) P(g³ | i¹) / P(g³), with P(g³ | i¹) = Σ_d P(d) P(g³ | i¹, d).', 'With d¹ observed, drop the sum over d.'],
});

// ------------------------------------------------------------------------------------------------ dgm-notes/02 (003 L46–92)

d02Group.register({
  id: 'graph.d02.partition-function',
  title: 'The partition function Z of the misconception network',
  source: '003 L66–72 ',
  reference: () => partitionFunction(misconceptionFactors()),
  compare: compare.number({ abs: 0.5 }),
  hints: ['Sum φ1(a,b) φ2(b,c) φ3(c,d) φ4(d,a) over the 16 states.'],
});

d02Group.register({
  id: 'graph.d02.mode',
  title: 'P(a⁰, b¹, c¹, d⁰), the most probable state of the misconception network',
  source: '003 L66–72 ',
  reference: () => factorValue(gibbsDistribution(misconceptionFactors()), { A: 0, B: 1, C: 1, D: 0 }),
  compare: compare.number({ rel: 1e-9 }),
  hints: ['Its unnormalised weight is 5 · 100 · 100 · 100.'],
});

d02Group.register({
  id: 'graph.d02.printed-z',
  title: 'Bug hunt: Z when φ1 is used for all four edges, as printed at L68/L72',
  source: '003 L68, L72 (erratum 003-E08)',
  reference: () => partitionFunction(misconceptionFactorsAsPrinted()),
  compare: compare.number({ abs: 0.5 }),
  hints: ['Replace φ2, φ3, φ4 by φ1’s table on their edges.'],
});

d02Group.register({
  id: 'graph.d02.phi1-normalised',
  title: 'By hand: the normalised factor φ1(a⁰, b¹) = 5/(30 + 5 + 1 + 10), to 4 significant figures',
  source: '003 L56–62',
  reference: () => normalize(misconceptionFactors()[0]).values[1],
  compare: compare.sigFigs(4),
  hints: ['Divide the entry by the sum of φ1’s four entries.'],
});

d02Group.register({
  id: 'graph.d02.marginal-ab',
  title: 'The marginal P(a⁰, b¹) of the misconception network (compare with the normalised φ1)',
  source: '003 L46–72 ',
  reference: () => markovMarginal(misconceptionFactors(), ['A', 'B']).values[1],
  compare: compare.number({ rel: 1e-9 }),
  hints: ['Sum the 16-state distribution over c and d.'],
});

d02Group.register({
  id: 'graph.d02.blanket',
  title: 'The Markov blanket of A in the loop A – B – C – D – A',
  source: '003 L90–92',
  reference: () => undirectedMarkovBlanket(['A', 'B', 'C', 'D'], factorGraphEdges(misconceptionFactors()), 'A'),
  compare: compare.set(),
  hints: ['In a Markov network the blanket is the set of neighbours.'],
});

