/**
 * Autoencoders versus PCA (source 002 §5.1, L910–953). A one-hidden-layer autoencoder with linear activations and no
 * bias, trained on centred data with (1/N)Σ‖x − W_d W_e x‖², reaches the PCA optimum: the decoder columns span the top-k
 * principal subspace and the objective equals the sum of the discarded eigenvalues of the (1/N) sample covariance.
 * The notes say it "is equivalent to PCA"; the weights themselves need not be the orthonormal principal directions
 * (erratum 002-E26): any invertible k × k mixing A gives W_d A, A⁻¹W_e with the same loss.
 */
import { Rng } from '../core/rng';
import { assertInteger, assertMatrix, assertPositive, describe } from '../core/validate';

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: values in decreasing order, vectors as columns. */
export function symmetricEigen(A: number[][], tol = 1e-13, maxSweeps = 100): { values: number[]; vectors: number[][] } {
  const fn = 'symmetricEigen';
  assertMatrix(fn, 'A', A);
  const n = A.length;
  if (A.some((r) => r.length !== n)) throw new RangeError(`${fn}: argument A must be square (got ${n} × ${A[0].length})`);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (Math.abs(A[i][j] - A[j][i]) > 1e-9 * (1 + Math.abs(A[i][j]))) throw new RangeError(`${fn}: argument A must be symmetric (A[${i}][${j}] = ${A[i][j]}, A[${j}][${i}] = ${A[j][i]})`);
  const a = A.map((r) => r.slice());
  const V: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i][j] ** 2;
    if (off < tol * tol) break;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) {
      if (Math.abs(a[p][q]) < 1e-300) continue;
      const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let k = 0; k < n; k++) {
        const akp = a[k][p];
        const akq = a[k][q];
        a[k][p] = c * akp - s * akq;
        a[k][q] = s * akp + c * akq;
      }
      for (let k = 0; k < n; k++) {
        const apk = a[p][k];
        const aqk = a[q][k];
        a[p][k] = c * apk - s * aqk;
        a[q][k] = s * apk + c * aqk;
      }
      for (let k = 0; k < n; k++) {
        const vkp = V[k][p];
        const vkq = V[k][q];
        V[k][p] = c * vkp - s * vkq;
        V[k][q] = s * vkp + c * vkq;
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j][j] - a[i][i]);
  return { values: order.map((i) => a[i][i]), vectors: V.map((r) => order.map((i) => r[i])) };
}

/** PCA of data rows: mean, the (1/N) covariance eigenvalues (decreasing) and the top-k principal directions (d × k). */
export function pca(X: number[][], k: number): { mean: number[]; eigenvalues: number[]; components: number[][] } {
  const fn = 'pca';
  assertMatrix(fn, 'X', X);
  const d = X[0].length;
  assertInteger(fn, 'k', k, 1, d);
  const N = X.length;
  const mean = Array.from({ length: d }, (_, j) => X.reduce((s, r) => s + r[j], 0) / N);
  const C = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => X.reduce((s, r) => s + (r[i] - mean[i]) * (r[j] - mean[j]), 0) / N));
  const e = symmetricEigen(C);
  return { mean, eigenvalues: e.values, components: e.vectors.map((r) => r.slice(0, k)) };
}

function orthonormalColumns(A: number[][]): number[][] {
  const d = A.length;
  const k = A[0].length;
  const Q: number[][] = [];
  for (let j = 0; j < k; j++) {
    const v = A.map((r) => r[j]);
    for (const q of Q) {
      const dot = q.reduce((s, x, i) => s + x * v[i], 0);
      for (let i = 0; i < d; i++) v[i] -= dot * q[i];
    }
    const nrm = Math.hypot(...v);
    if (nrm < 1e-12) throw new RangeError(`principalAngles: the columns are linearly dependent (column ${j})`);
    Q.push(v.map((x) => x / nrm));
  }
  return Q; // k vectors of length d
}

/** Principal angles (radians, increasing) between span(A) and span(B), both d × k (Björck–Golub: arccos of the singular values of QₐᵀQ_b). */
export function principalAngles(A: number[][], B: number[][]): number[] {
  const fn = 'principalAngles';
  assertMatrix(fn, 'A', A);
  assertMatrix(fn, 'B', B, A.length, A[0].length);
  const Qa = orthonormalColumns(A);
  const Qb = orthonormalColumns(B);
  const M = Qa.map((qa) => Qb.map((qb) => qa.reduce((s, x, i) => s + x * qb[i], 0)));
  const MtM = Qb.map((_, i) => Qb.map((__, j) => M.reduce((s, r) => s + r[i] * r[j], 0)));
  const sv = symmetricEigen(MtM).values.map((v) => Math.sqrt(Math.max(0, Math.min(1, v))));
  return sv.map((s) => Math.acos(s)).sort((x, y) => x - y);
}

/** A linear autoencoder x ↦ W_d W_e x (W_e: k × d, W_d: d × k), no biases (002 §5.1). */
export interface LinearAutoencoder {
  We: number[][];
  Wd: number[][];
}

/** (1/N)Σ‖x − W_d W_e x‖² and its gradients: ∂/∂W_d = (2/N) Rᵀ Z, ∂/∂W_e = (2/N) W_dᵀ Rᵀ X with Z = X W_eᵀ, R = Z W_dᵀ − X. */
export function linearAutoencoderLoss(ae: LinearAutoencoder, X: number[][]): { loss: number; dWe: number[][]; dWd: number[][] } {
  const fn = 'linearAutoencoderLoss';
  assertMatrix(fn, 'X', X);
  const d = X[0].length;
  assertMatrix(fn, 'ae.We', ae?.We, undefined, d);
  const k = ae.We.length;
  assertMatrix(fn, 'ae.Wd', ae.Wd, d, k);
  const N = X.length;
  const Z = X.map((x) => ae.We.map((w) => w.reduce((s, v, j) => s + v * x[j], 0)));
  const R = Z.map((z, n) => ae.Wd.map((w, i) => w.reduce((s, v, j) => s + v * z[j], 0) - X[n][i]));
  const loss = R.reduce((s, r) => s + r.reduce((t, v) => t + v * v, 0), 0) / N;
  const dWd = ae.Wd.map((_, i) => Array.from({ length: k }, (__, j) => (2 / N) * R.reduce((s, r, n) => s + r[i] * Z[n][j], 0)));
  // G = R W_d (N × k): backpropagated to the code
  const G = R.map((r) => Array.from({ length: k }, (_, j) => r.reduce((s, v, i) => s + v * ae.Wd[i][j], 0)));
  const dWe = Array.from({ length: k }, (_, j) => Array.from({ length: d }, (__, l) => (2 / N) * G.reduce((s, g, n) => s + g[j] * X[n][l], 0)));
  return { loss, dWe, dWd };
}

/** Gradient descent on the linear autoencoder (random N(0, 0.1²) start). Returns the network and the loss after each epoch. */
export function trainLinearAutoencoder(X: number[][], k: number, opts: { lr: number; epochs: number; rng: Rng }): { ae: LinearAutoencoder; losses: number[] } {
  const fn = 'trainLinearAutoencoder';
  assertMatrix(fn, 'X', X);
  const d = X[0].length;
  assertInteger(fn, 'k', k, 1, d);
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: argument opts must be {lr, epochs, rng} (got ${describe(opts)})`);
  assertPositive(fn, 'opts.lr', opts.lr);
  assertInteger(fn, 'opts.epochs', opts.epochs, 1, 1e6);
  if (!opts.rng || typeof opts.rng.normal !== 'function') throw new TypeError(`${fn}: argument opts.rng must come from core.rng(seed) (got ${describe(opts.rng)})`);
  const ae: LinearAutoencoder = {
    We: Array.from({ length: k }, () => Array.from(opts.rng.normals(d, 0, 0.1))),
    Wd: Array.from({ length: d }, () => Array.from(opts.rng.normals(k, 0, 0.1))),
  };
  const losses: number[] = [];
  for (let e = 0; e < opts.epochs; e++) {
    const g = linearAutoencoderLoss(ae, X);
    losses.push(g.loss);
    ae.We.forEach((r, i) => r.forEach((_, j) => (r[j] -= opts.lr * g.dWe[i][j])));
    ae.Wd.forEach((r, i) => r.forEach((_, j) => (r[j] -= opts.lr * g.dWd[i][j])));
  }
  losses.push(linearAutoencoderLoss(ae, X).loss);
  return { ae, losses };
}
