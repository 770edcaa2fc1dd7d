/**
 * vi: variational inference and EM. Started by VAE-A with the ELBO identity (the one ELBO implementation of the course);
 * the VI topic extends it: KL fits (forward vs reverse), the ELBO on the conjugate toy and fixed-form VI, mean-field CAVI
 * (Normal–Gamma, Bayesian GMM), the Dirichlet and Wishart distributions, EM and EM as VI (002 §3, App. B, C.2, D; 004 §68.1).
 */
export * from './elbo';
export * from './kl';
export * from './fixedForm';
export * from './distributions';
export * from './meanfield';
export * from './bgmm';
export * from './em';
export * from './figures';
export { showErrata, D19_DATA, D19_INIT } from './errata';
export { NG_DATA, NG_PRIOR, threeClusterData } from './exercises';

// Registration (CONTRIBUTING.md, "Adding a topic"): loading a topic registers its exercises and errata.
import './exercises';
import './errata';
