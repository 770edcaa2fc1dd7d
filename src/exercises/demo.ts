/**
 * Small exercises on the core library (topic `core`): the examples of the course index ("how exercises are checked"),
 * the fixtures of the grader's tests, and one exercise per kind of comparator. Every reference is computed with the
 * library.
 */
import * as mathjs from 'mathjs';
import { det, eigenvalues, inverse, spectralRadius } from '../core/linalg';
import { logSumExp, softmax } from '../core/special';
import * as compare from './compare';
import { registerExercise } from './registry';

registerExercise({
  id: 'core.logsumexp',
  title: 'log(e¹ + e² + e³) computed stably',
  source: 'course index (log-space numerics, design principle 4)',
  reference: () => logSumExp([1, 2, 3]),
  compare: compare.number({ abs: 1e-9, rel: 1e-9 }),
  hints: ['Subtract the maximum before exponentiating: log Σ exp(xᵢ) = m + log Σ exp(xᵢ − m).', 'core.logSumExp does exactly this.'],
});

registerExercise({
  id: 'core.det2x2',
  title: 'Determinant of [[a, b], [c, d]]',
  source: 'course index (small linear algebra)',
  params: { a: { default: 2 }, b: { default: 1 }, c: { default: 1 }, d: { default: 3 } },
  reference: ({ a, b, c, d }) => det([[a, b], [c, d]]),
  compare: compare.number({ abs: 1e-9 }),
  hints: ['For a 2×2 matrix the determinant is ad − bc.'],
});

registerExercise({
  id: 'core.rotation.eigenvalues',
  title: 'Eigenvalues of [[1, −a], [a, 1]]',
  source: 'course index (a rotation-scaling matrix; compare 001 §6)',
  params: { a: { default: 0.1, description: 'the off-diagonal entry a' } },
  reference: ({ a }) => eigenvalues([[1, -a], [a, 1]]),
  compare: compare.unordered(compare.complex({ abs: 1e-9 })),
  hints: ['Solve det(M − λI) = (1 − λ)² + a² = 0.', 'The two eigenvalues are complex conjugates; give both, e.g. as strings like "1 + 0.5i".'],
});

registerExercise({
  id: 'core.inverse2x2',
  title: 'Inverse of [[2, 1], [1, 3]]',
  source: 'course index (small linear algebra)',
  reference: () => inverse([[2, 1], [1, 3]]),
  compare: compare.matrix({ abs: 1e-9 }),
  hints: ['For [[a, b], [c, d]] the inverse is [[d, −b], [−c, a]] / (ad − bc).'],
});

registerExercise({
  id: 'core.softmax',
  title: 'softmax([1, 2, 3])',
  source: 'course index (log-space numerics)',
  reference: () => Array.from(softmax([1, 2, 3])),
  compare: compare.vector({ abs: 1e-6 }),
  hints: ['softmax(x)ᵢ = exp(xᵢ) / Σⱼ exp(xⱼ); the entries sum to 1.'],
});

registerExercise({
  id: 'core.softmax.large',
  title: 'Indices i with softmax([0, 3, 1, 3, −2])ᵢ > 0.2',
  source: 'course index (sets of indices)',
  reference: () => Array.from(softmax([0, 3, 1, 3, -2])).flatMap((p, i) => (p > 0.2 ? [i] : [])),
  compare: compare.set(),
  hints: ['Compute the softmax first; indices start at 0.'],
});

registerExercise({
  id: 'core.naive-lse-finite',
  title: 'Is log(e¹⁰⁰⁰ + e¹⁰⁰⁰) finite when computed naively in float64?',
  source: 'course index (log-space numerics)',
  reference: () => Number.isFinite(Math.log(Math.exp(1000) + Math.exp(1000))),
  compare: compare.boolean(),
  hints: ['What is Math.exp(1000) in float64?'],
});

registerExercise({
  id: 'core.derivative',
  title: 'd/dx of x² e^(−x), as an expression in x',
  source: 'course index (symbolic answers)',
  reference: () => mathjs.derivative('x^2 * exp(-x)', 'x').toString(),
  compare: compare.expression({ variables: ['x'], domain: [-3, 3] }),
  hints: ['Product rule: (uv)′ = u′v + uv′.', 'Write it with mathjs syntax, e.g. "2*x*exp(-x) - ..."'],
});

const STABILITY_OPTIONS = [
  { key: 'a', text: '[[1, -0.1], [0.1, 1]]' },
  { key: 'b', text: '[[0.5, 0.2], [0.1, 0.4]]' },
  { key: 'c', text: '[[1.2, 0], [0, 0.3]]' },
];
const STABILITY_MATRICES: Record<string, number[][]> = { a: [[1, -0.1], [0.1, 1]], b: [[0.5, 0.2], [0.1, 0.4]], c: [[1.2, 0], [0, 0.3]] };

registerExercise({
  id: 'core.stable-iteration',
  title: 'Which iteration x ← Mx converges to 0 from every start?',
  source: 'course index (multiple choice; compare 001 §6)',
  reference: () => Object.keys(STABILITY_MATRICES).find((k) => spectralRadius(STABILITY_MATRICES[k]) < 1) as string,
  compare: compare.choice(STABILITY_OPTIONS),
  hints: ['x ← Mx converges to 0 for every start exactly when every eigenvalue of M has modulus < 1.'],
});
