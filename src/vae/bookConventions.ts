/**
 * The Ch. 65 conventions Sayed's listings rely on (source 004 §68.2, (68.26)–(68.46); inventory 004 §2): a layer is
 * z_{ℓ+1} = W_ℓᵀ y_ℓ − θ_ℓ with W_ℓ of size n_ℓ × n_{ℓ+1} and a SUBTRACTED bias; the sensitivity is δ_ℓ = ∂(loss)/∂z_ℓ;
 * δ_L = 2(y_L − t) ⊙ f'(z_L) for the loss ‖y_L − t‖² (68.43); δ_ℓ = f'(z_ℓ) ⊙ (W_ℓ δ_{ℓ+1}) (68.46); the gradients are
 * ∂/∂W_ℓ = y_ℓ δ_{ℓ+1}ᵀ and ∂/∂θ_ℓ = −δ_{ℓ+1} (68.71)–(68.72).
 * Source 000's Appendix A1 (src/backprop) uses x = Σ w y + θ (added bias), ε = ½‖y − v‖² and δ = −∂ε/∂x; `bookToA1`
 * maps one convention onto the other, so the book's gradients can be checked against the course's reference backprop.
 */
import { ActivationName, activationDerivative } from '../backprop/activations';
import { Mlp, mlpForward, mlpGradients, mlpSizes } from '../backprop/mlp';
import { assertVector, describe } from '../core/validate';

/** A network in the book's convention: W[ℓ−1] = W_ℓ (n_ℓ × n_{ℓ+1}), theta[ℓ−1] = θ_ℓ, one activation per layer. */
export interface BookMlp {
  W: number[][][];
  theta: number[][];
  activations: ActivationName[];
}

/** The same network in source 000's A1 convention (θ_A1 = −θ_book; W has the same n_ℓ × n_{ℓ+1} layout). */
export function bookToA1(net: BookMlp): Mlp {
  if (!net || typeof net !== 'object' || !Array.isArray(net.W) || !Array.isArray(net.theta) || !Array.isArray(net.activations)) {
    throw new TypeError(`bookToA1: argument net must be {W, theta, activations} (got ${describe(net)})`);
  }
  const a1: Mlp = { W: net.W.map((m) => m.map((r) => r.slice())), theta: net.theta.map((t) => t.map((v) => -v)), activation: net.activations.slice() };
  mlpSizes(a1);
  return a1;
}

/** Forward pass in the book's convention: z_{ℓ+1} = W_ℓᵀ y_ℓ − θ_ℓ, y_{ℓ+1} = f(z_{ℓ+1}) (listing (68.41), F2/F7). */
export function bookForward(net: BookMlp, y1: ArrayLike<number>): { z: number[][]; y: number[][] } {
  const a1 = bookToA1(net);
  const f = mlpForward(a1, y1);
  return { z: f.x, y: f.y };
}

/**
 * Sensitivities and gradients of ‖y_L − t‖² by the book's recursion (68.43), (68.46), (68.71)–(68.72), written out
 * by hand (no call into src/backprop). delta[ℓ] = δ_{ℓ+1} for ℓ = 1 … L−1 (delta[0] unused).
 */
export function bookBackprop(net: BookMlp, y1: ArrayLike<number>, target: ArrayLike<number>): { delta: number[][]; dW: number[][][]; dTheta: number[][]; loss: number } {
  const { z, y } = bookForward(net, y1);
  const L = net.W.length;
  assertVector('bookBackprop', 'target', target, y[L].length);
  const delta: number[][] = new Array(L + 1).fill([]);
  delta[L] = y[L].map((v, j) => 2 * (v - target[j]) * activationDerivative(z[L][j], 'exact', net.activations[L - 1]));
  for (let l = L - 1; l >= 1; l--) {
    delta[l] = z[l].map((zj, j) => activationDerivative(zj, 'exact', net.activations[l - 1]) * net.W[l][j].reduce((s, w, k) => s + w * delta[l + 1][k], 0));
  }
  return {
    delta,
    dW: net.W.map((Wl, l) => Wl.map((_, j) => delta[l + 1].map((d) => y[l][j] * d))),
    dTheta: net.W.map((_, l) => delta[l + 1].map((d) => -d)),
    loss: y[L].reduce((s, v, j) => s + (v - target[j]) ** 2, 0),
  };
}

/**
 * The same gradients from the course's reference backprop (source 000 A1, src/backprop): ∂‖·‖²/∂W = 2 ∂ε/∂W and, because
 * θ_A1 = −θ_book, ∂‖·‖²/∂θ_book = −2 ∂ε/∂θ_A1.
 */
export function bookGradientsViaA1(net: BookMlp, y1: ArrayLike<number>, target: ArrayLike<number>): { dW: number[][][]; dTheta: number[][] } {
  const g = mlpGradients(bookToA1(net), y1, target);
  return { dW: g.dW.map((m) => m.map((r) => r.map((v) => 2 * v))), dTheta: g.dTheta.map((t) => t.map((v) => -2 * v)) };
}
