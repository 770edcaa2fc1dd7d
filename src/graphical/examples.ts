/**
 * The worked examples of the sources: 002's Fig. 2.1 DAG (Eq. (2.2.1)) and a DAG consistent with Fig. 2.5; the three
 * canonical structures with fixed CPTs; 003's student network (CPDs: Koller & Friedman 2009, Fig. 3.4 — the notes print
 * only the five factors of L34) and the misconception Markov network (003 L56–60, labels repaired: erratum 003-E07).
 */
import { Dag, dag } from './dag';
import { BayesNet, bayesNet } from './bayesnet';
import { Factor, factor } from './factor';

/** 002 Fig. 2.1 / Eq. (2.2.1): p(x1) p(x2|x1) p(x3|x1) p(x4|x2) p(x5|x3) p(x6|x2,x5) (oracle T1). */
export function fig21Dag(): Dag {
  return dag(['X1', 'X2', 'X3', 'X4', 'X5', 'X6'], [['X1', 'X2'], ['X1', 'X3'], ['X2', 'X4'], ['X3', 'X5'], ['X2', 'X6'], ['X5', 'X6']]);
}

/**
 * A DAG consistent with 002 Fig. 2.5 (the figure is missing): parents X1, X2 of X4; children X6, X7; X9 a co-parent
 * of X6; X3, X5, X8 lie outside the blanket (X3 → X1, X5 → X2, X7 → X8). Oracle T3: MB(X4) = {X1, X2, X6, X7, X9}.
 */
export function fig25Dag(): Dag {
  return dag(
    ['X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7', 'X8', 'X9'],
    [['X3', 'X1'], ['X5', 'X2'], ['X1', 'X4'], ['X2', 'X4'], ['X4', 'X6'], ['X4', 'X7'], ['X9', 'X6'], ['X7', 'X8']],
  );
}

/** The Fig. 2.1 DAG with binary CPTs (chosen for the notebooks; any positive CPTs would do). */
export function fig21Network(): BayesNet {
  return bayesNet({
    nodes: ['X1', 'X2', 'X3', 'X4', 'X5', 'X6'],
    parents: { X2: ['X1'], X3: ['X1'], X4: ['X2'], X5: ['X3'], X6: ['X2', 'X5'] },
    cpts: {
      X1: [[0.6, 0.4]],
      X2: [[0.7, 0.3], [0.2, 0.8]],
      X3: [[0.9, 0.1], [0.3, 0.7]],
      X4: [[0.8, 0.2], [0.25, 0.75]],
      X5: [[0.6, 0.4], [0.1, 0.9]],
      X6: [[0.95, 0.05], [0.4, 0.6], [0.5, 0.5], [0.1, 0.9]],
    },
  });
}

export type Structure = 'chain' | 'fork' | 'collider';

/**
 * The three canonical structures of 002 §2.3 (Figs. 2.2–2.4) on binary X, Y, Z, each optionally with a descendant
 * W of Y (Y → W, §2.3.4). CPTs: X or Y roots Bern(0.5); every link copies its parent with probability 0.9
 * (p(child = parent) = 0.9); the collider's Y = X OR Z flipped with probability 0.1; W copies Y with probability 0.8.
 */
export function canonicalNetwork(kind: Structure, withDescendant = false): BayesNet {
  const copy = (q: number) => [[q, 1 - q], [1 - q, q]];
  const W: { parents: Record<string, string[]>; cpts: Record<string, number[][]> } = withDescendant ? { parents: { W: ['Y'] }, cpts: { W: copy(0.8) } } : { parents: {}, cpts: {} };
  const nodes = withDescendant ? ['X', 'Y', 'Z', 'W'] : ['X', 'Y', 'Z'];
  if (kind === 'chain') return bayesNet({ nodes, parents: { Y: ['X'], Z: ['Y'], ...W.parents }, cpts: { X: [[0.5, 0.5]], Y: copy(0.9), Z: copy(0.9), ...W.cpts } });
  if (kind === 'fork') return bayesNet({ nodes, parents: { X: ['Y'], Z: ['Y'], ...W.parents }, cpts: { Y: [[0.5, 0.5]], X: copy(0.9), Z: copy(0.9), ...W.cpts } });
  if (kind === 'collider') {
    return bayesNet({ nodes, parents: { Y: ['X', 'Z'], ...W.parents }, cpts: { X: [[0.5, 0.5]], Z: [[0.5, 0.5]], Y: [[0.9, 0.1], [0.1, 0.9], [0.1, 0.9], [0.1, 0.9]], ...W.cpts } });
  }
  throw new RangeError(`canonicalNetwork: argument kind must be 'chain', 'fork' or 'collider' (got ${JSON.stringify(kind)})`);
}

/** 003 L27–34: the student network I → G ← D, I → S, G → L with K&F's CPDs (state 0 = i⁰, d⁰, g¹, s⁰, l⁰). */
export function studentNetwork(): BayesNet {
  return bayesNet({
    nodes: ['D', 'I', 'G', 'S', 'L'],
    parents: { G: ['I', 'D'], S: ['I'], L: ['G'] },
    card: { D: 2, I: 2, G: 3, S: 2, L: 2 },
    states: { D: ['d⁰', 'd¹'], I: ['i⁰', 'i¹'], G: ['g¹', 'g²', 'g³'], S: ['s⁰', 's¹'], L: ['l⁰', 'l¹'] },
    cpts: {
      D: [[0.6, 0.4]],
      I: [[0.7, 0.3]],
      G: [[0.3, 0.4, 0.3], [0.05, 0.25, 0.7], [0.9, 0.08, 0.02], [0.5, 0.3, 0.2]],
      S: [[0.95, 0.05], [0.2, 0.8]],
      L: [[0.1, 0.9], [0.4, 0.6], [0.99, 0.01]],
    },
  });
}

/** 003 L56–60 (K&F Fig. 4.1): the misconception loop A – B – C – D – A with φ1(A,B), φ2(B,C), φ3(C,D), φ4(D,A). */
export function misconceptionFactors(): Factor[] {
  return [
    factor(['A', 'B'], [2, 2], [30, 5, 1, 10]),
    factor(['B', 'C'], [2, 2], [100, 1, 1, 100]),
    factor(['C', 'D'], [2, 2], [1, 100, 100, 1]),
    factor(['D', 'A'], [2, 2], [100, 1, 1, 100]),
  ];
}

/** 003 L68/L72 as printed (erratum 003-E08): φ1's table used for all four edges — Z = 846,050 instead of 7,201,840. */
export function misconceptionFactorsAsPrinted(): Factor[] {
  const t = [30, 5, 1, 10];
  return [factor(['A', 'B'], [2, 2], t), factor(['B', 'C'], [2, 2], t), factor(['C', 'D'], [2, 2], t), factor(['D', 'A'], [2, 2], t)];
}

/** 003 L74–78: the cliques {A,E,G,D}, {A,B,F}, {C,D}, {B,C} of the seven-node example (graph rebuilt from them). */
export const CLIQUE_EXAMPLE = { nodes: ['A', 'B', 'C', 'D', 'E', 'F', 'G'], cliques: [['A', 'E', 'G', 'D'], ['A', 'B', 'F'], ['C', 'D'], ['B', 'C']] };

/** The 20 d-separation queries of 002 oracle D1 (inventory) on the Fig. 2.1 DAG, as [a, b, conditioning set]. */
export const D1_QUERIES: [string, string, string[]][] = [
  ['X1', 'X4', []], ['X1', 'X4', ['X2']], ['X4', 'X5', []], ['X4', 'X5', ['X2']], ['X4', 'X5', ['X1']],
  ['X2', 'X3', ['X1']], ['X2', 'X3', ['X1', 'X6']], ['X2', 'X3', ['X6']], ['X2', 'X5', ['X1']], ['X2', 'X5', ['X1', 'X6']],
  ['X1', 'X6', ['X2', 'X3']], ['X1', 'X6', ['X2', 'X5']], ['X1', 'X6', ['X2']], ['X4', 'X6', ['X2']], ['X3', 'X4', []],
  ['X3', 'X4', ['X1']], ['X3', 'X4', ['X2']], ['X3', 'X4', ['X6']], ['X1', 'X5', ['X3']], ['X4', 'X3', ['X2', 'X6']],
];
