/**
 * vi: variational inference. Started by VAE-A with the ELBO identity (the one ELBO implementation of the course);
 * the VI topic extends it (fixed-form VI, mean field, EM).
 */
export * from './elbo';
