/**
 * graphical: graphical models (topic GRAPH) — discrete factors; Bayesian networks (joint, enumeration and variable
 * elimination, ancestral sampling, parameter counts via `counting`); Markov networks (partition function, marginals,
 * cliques, blankets); conditional independence on a joint table; d-separation (Bayes ball, moralised ancestral graph,
 * trails with explanations); Markov blankets; Markov equivalence (skeleton + v-structures, CPDAG, class enumeration);
 * the PC algorithm (d-separation oracle, Fisher z, G²) with Meek's rules. Sources 002 §1–2 and 003 L1–92.
 */
export * from './factor';
export * from './dag';
export * from './dsep';
export * from './bayesnet';
export * from './markovnet';
export * from './independence';
export * from './equivalence';
export * from './pc';
export * from './plates';
export * from './examples';
export * from './random';
export * from './figures';
export { showErrata } from './errata';

// Registration (CONTRIBUTING.md, "Adding a topic"): loading a topic registers its exercises and errata.
import './exercises';
import './errata';
