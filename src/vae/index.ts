/**
 * vae: the VAE on models where every quantity is exact (VAE-A), reused by VAE-B and IWAE.
 * - kl: Gaussian KL (full, diagonal, log-variance) with gradients (000 (3.9)–(3.12), 003 L554, 004 (68.20), (68.59)).
 * - reparam: reparameterisation and the change-of-variables density, |det J| costs (001 §2; 000 (3.14); 004 (68.17)).
 * - linearGaussian: z ~ N(0, I), x|z ~ N(Wz + b, s²I) with exact marginal, posterior and closed-form ELBO (the test bed).
 * - amortized: amortised vs per-instance inference (001 §3).
 * - estimators: score-function vs pathwise gradients.
 * - objectives: the sources' forms of the objective next to the exact ones (errata).
 * - model: a tfjs VAE (MLP encoder/decoder, Gaussian or Bernoulli decoder, Adam; 'standard' vs source 000's 'tutorial' mode).
 * - data: 2-D toy blobs and Fashion-MNIST from the Debian package.
 * The ELBO identity itself lives in `vi` (one implementation for the course).
 */
export * from './kl';
export * from './reparam';
export * from './linearGaussian';
export * from './amortized';
export * from './estimators';
export * from './objectives';
export * from './model';
export * from './data';
export * from './bookConventions';
export * from './sayedListing';
export * from './sayedTraining';
export * from './recommender';
export * from './linearAutoencoder';
export * from './disentangle';
export * from './factorVae';
export { showErrata } from './errata';

// Registration (CONTRIBUTING.md, "Adding a topic"): loading a topic registers its exercises and errata.
import './exercises';
import './errata';
