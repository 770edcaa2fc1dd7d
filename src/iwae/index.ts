/**
 * iwae: the importance-weighted bound (topic IWAE) — source 001 §4 (the bound L_K, the refined proposal q̃ and its density
 * q_K, Steps 4.1–4.2 with errata 001-E41…E44) and, as an extension labelled as such, the lecture notes' §6.6 ("TBU" in
 * source 002) built from Burda, Grosse & Salakhutdinov, *Importance Weighted Autoencoders* (ICLR 2016) and Cremer,
 * Morris & Duvenaud, *Reinterpreting Importance-Weighted Autoencoders* (ICLR workshop 2017).
 * - bound: L̂_K in log space, L_K by repetition (mean, variance, SE), the gradient Σ W̃_k ∇ log w_k.
 * - exact1d: exact L_K, q_K, ∫ q_K, L_1[q_K] and L_1[q̃] for a scalar latent by quadrature (Iwae1d).
 * - refined: q̃, q_K by Monte Carlo, sampling-importance-resampling.
 * - linearGaussian: the test bed of `vae` (exact log p(x)); reparameterised gradients; the toy setting of 000 O-28 / 002 D13.
 * - training: IWAE vs VAE on the tfjs VAE of `vae` (test log-likelihood with a large K, active units).
 * - sourceForms/errata: the Steps' expressions read literally, next to the exact ones.
 */
export * from './bound';
export * from './exact1d';
export * from './refined';
export * from './linearGaussian';
export * from './training';
export * from './sourceForms';
export * from './figures';
export { showErrata } from '../vae/errata';

// Registration (CONTRIBUTING.md, "Adding a topic"): loading a topic registers its exercises and errata.
import './exercises';
import './errata';
