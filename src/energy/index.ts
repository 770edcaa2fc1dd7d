/**
 * energy: Boltzmann machines and restricted Boltzmann machines (topic EBM) — source 000 §3 (L1050–1191: the energy (3.16),
 * the Boltzmann distribution, the tutorial's update (3.17)–(3.18) without the negative phase and the exact gradient, the
 * clipped propagation, the restricted machine) and source 003 (L94–217, L333–455: RBM energy and conditionals, the
 * likelihood gradient, the Monte-Carlo negative phase, Algorithm 0 and CD-k), with extensions labelled as such
 * (persistent CD, Tieleman 2008; annealed importance sampling, Neal 2001 / Salakhutdinov & Murray 2008).
 * Sampling kernels come from `sampling` (random-scan and two-block Gibbs kernels, the bit-flip Metropolis sampler).
 */
export * from './bm';
export * from './rbm';
export * from './train';
export * from './ais';
export * from './data';
export * from './figures';
export { showErrata, BM_O29, BM_O33_DATA } from './errata';

// Registration (CONTRIBUTING.md, "Adding a topic"): loading a topic registers its exercises and errata.
import './exercises';
import './errata';
