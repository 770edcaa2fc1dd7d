/**
 * The concrete examples of the MC sections, in one place (used by the notebooks, the exercises, the errata and the tests).
 */
import { Matrix } from '../core/linalg';

/** 002 §4.4.3, Example 4.4.1 (L851–869): the 3-state transition matrix (row-stochastic). Exact π = (5/16, 1/2, 3/16). */
export const EXAMPLE_441: Matrix = [
  [0.5, 0.3, 0.2],
  [0.2, 0.7, 0.1],
  [0.3, 0.3, 0.4],
];

/** The stationary vector as printed in 002 Example 4.4.1 (L869) — wrong (erratum 002-E24). */
export const EXAMPLE_441_PRINTED_PI: readonly number[] = [0.301, 0.547, 0.152];

/** 002 Fig. 4.2 (T12): an irreducible chain with period 2. */
export const PERIOD_2: Matrix = [
  [0, 1],
  [1, 0],
];

/** 002 Fig. C.1 (T13): the 3-cycle 1 → 2 → 3 → 1, period 3. */
export const PERIOD_3: Matrix = [
  [0, 1, 0],
  [0, 0, 1],
  [1, 0, 0],
];

/** 002 D6: a 2×2 joint p(x, y) (rows x, columns y) for the discrete Gibbs kernel. */
export const JOINT_D6: Matrix = [
  [0.3, 0.2],
  [0.1, 0.4],
];

/** 003 §4.4 (L219–266 examples): the two-state chain, π = (5/6, 1/6), second eigenvalue 0.4. */
export const TWO_STATE: Matrix = [
  [0.9, 0.1],
  [0.5, 0.5],
];

/** 003 §4.4: a three-state birth–death chain, π = (1/4, 1/2, 1/4). */
export const THREE_STATE: Matrix = [
  [0.5, 0.5, 0],
  [0.25, 0.5, 0.25],
  [0, 0.5, 0.5],
];

/**
 * 003 §4.3 tiny RBM (m = 3 visible, n = 2 hidden), canonical convention W ∈ R^{n×m} (hidden × visible):
 * E(v, h) = −hᵀWv − bᵀv − cᵀh.
 */
export const TINY_RBM = {
  W: [
    [0.5, -0.3, 0.2],
    [0.1, 0.4, -0.6],
  ] as Matrix,
  b: [0.1, -0.2, 0.05],
  c: [-0.1, 0.2],
};

/** log p̃(x) = −E(v, h) of the tiny RBM for the joint state x = (v₁, v₂, v₃, h₁, h₂) (for the 32-state Gibbs kernels). */
export function tinyRbmLogProb(x: ArrayLike<number>): number {
  const { W, b, c } = TINY_RBM;
  let s = 0;
  for (let j = 0; j < 2; j++) for (let i = 0; i < 3; i++) s += x[3 + j] * W[j][i] * x[i];
  for (let i = 0; i < 3; i++) s += b[i] * x[i];
  for (let j = 0; j < 2; j++) s += c[j] * x[3 + j];
  return s;
}

/** The tiny RBM's joint p(v, h) as an 8 × 4 table (rows v in binary order v₁v₂v₃, columns h in order h₁h₂). */
export function tinyRbmJoint(): Matrix {
  const rows: Matrix = [];
  let z = 0;
  for (let v = 0; v < 8; v++) {
    const row: number[] = [];
    for (let h = 0; h < 4; h++) {
      const x = [(v >> 2) & 1, (v >> 1) & 1, v & 1, (h >> 1) & 1, h & 1];
      const w = Math.exp(tinyRbmLogProb(x));
      row.push(w);
      z += w;
    }
    rows.push(row);
  }
  return rows.map((r) => r.map((w) => w / z));
}

/**
 * 000 O-29: the 3-unit Boltzmann machine (Eq. 3.16) with w12 = 1, w13 = −1, w23 = 0.5, b = (0.1, −0.2, 0.3):
 * E(x) = −Σ_{i<j} w_ij x_i x_j − Σ_i b_i x_i (E(1,0,1) = 0.6).
 */
export function bmO29Energy(x: ArrayLike<number>): number {
  return -(1 * x[0] * x[1] - 1 * x[0] * x[2] + 0.5 * x[1] * x[2]) - (0.1 * x[0] - 0.2 * x[1] + 0.3 * x[2]);
}

/** The 1-D multimodal energy of the annealing demonstrations (000 NB11 plan): E(s) = s⁴ − 3s² + s (global minimum ≈ −1.3008). */
export function doubleWellEnergy(s: number): number {
  return s ** 4 - 3 * s * s + s;
}

/** A 10-state toy energy for the Boltzmann exercise (the digits of π). */
export const TOY_ENERGIES_10: readonly number[] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
