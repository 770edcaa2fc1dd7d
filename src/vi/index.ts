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
