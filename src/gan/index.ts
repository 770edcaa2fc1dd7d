/**
 * gan: GAN theory and training dynamics (topic GAN-A) — the value function V(D, G) (discrete, 1-D quadrature, Monte Carlo),
 * the optimal discriminator and C(G) = 2·JS − ln 4, saturating vs non-saturating generator losses and their gradients,
 * two-player game dynamics (the dg game of source 001 §6 and quadratic games: simultaneous/alternating GDA, extragradient,
 * optimistic GDA, consensus optimisation, the continuous flow, fixed-point Jacobians), a hand-differentiated 1-D GAN,
 * source 004's risk formulas, and a DCGAN builder with the 003 checklist.
 */
export * from './value';
export * from './losses';
export * from './games';
export * from './toy1d';
export * from './sayed';
export * from './dcgan';
export * from './figures';
export { referenceToyRun, tailAverages } from './exercises';
export * from './adam';
export * from './listings';
export * from './ring';
export * from './trainingFigures';
export * from './tfGan';
export * from './wasserstein';
export * from './conditional';
export * from './problems';
export * from './hybrids';
export * from './aae';
export * from './vaeGan';
export * from './multiclass';
export { showErrata } from './errata';

// Registration (CONTRIBUTING.md, "Adding a topic"): loading a topic registers its exercises and errata.
import './exercises';
import './errata';
