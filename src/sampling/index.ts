/**
 * sampling: Monte Carlo, Markov chains and MCMC (topic MC).
 *
 * Sources: 002 (STA4124 notes) §4.1–4.4 and App. C.1; §4.5–4.6 are "TBU" there, so Metropolis–Hastings and Gibbs are
 * EXTENSIONS from Metropolis et al. (1953), Hastings (1970), Geman & Geman (1984). 003 (DGM notes) L219–331 (Markov
 * chains, random-scan Gibbs, detailed balance). 000 (Nguyen tutorial) §3.l (Boltzmann distribution, simulated annealing).
 *
 *   import { sampling, core } from 'dgmlab';
 *   sampling.stationaryDistributionExact([[0.5, 0.3, 0.2], [0.2, 0.7, 0.1], [0.3, 0.3, 0.4]]).fractions  // ['5/16', '1/2', '3/16']
 */
export * from './basic';
export * from './chains';
export * from './mh';
export * from './gibbs';
export * from './annealing';
export * from './diagnostics';
export * from './mixing';
export * as examples from './examples';
export { showErrata } from './errata';
export { stateDiagram } from './figures';

// Registration (CONTRIBUTING.md, "Adding a topic"): loading a topic registers its exercises and errata.
import './exercises';
import './errata';
