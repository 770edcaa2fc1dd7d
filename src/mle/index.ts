/**
 * mle: likelihood, MLE and SGD of source 000 §1 (topic BASICS) — Gaussian and Bernoulli generator likelihoods and their
 * gradients, the SGD forms (1.3)–(1.5) with learning-rate schedules, a linear generator fitted by SGD against least squares,
 * the error moments (1.6) in source and exact form, and the sigmoid derivative with the tutorial's "practical" form (E06).
 */
export * from '../backprop/activations';
export * from './likelihood';
export * from './sgd';
export * from './exercises';
export { showErrata, A1_EXAMPLE } from './errata';
export * from './figures';
export * from './workbook';

// Registration (CONTRIBUTING.md, "Adding a topic"): loading a topic registers its exercises and errata.
import './exercises';
import './errata';
