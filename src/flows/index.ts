/**
 * flows: normalizing flows and their gradients (topic FLOW) — the Flow interface, composition with summed log-determinants, the
 * change of variables, finite-difference Jacobian checks; source 000 §2 (the affine-sigmoid layer, the gradients (2.3)/(2.4)/(2.7)
 * in source and exact form, finite flows, RealNVP); source 001 §5 (invertibility: ReLU, sigmoid mixture, residual and radial maps);
 * source 002 §9 (change of variables, affine/exp flows, MLE); planar and radial flows with hand-derived gradients; a tfjs RealNVP.
 */
export * from './flow';
export * from './layers';
export * from './gradients';
export * from './planarRadial';
export * from './invertibility';
export * from './coupling';
export * from './data';
export * from './autodiff';
export * from './realnvpTf';
export * from './figures';
export { showErrata, O08, FINITE_EXAMPLE, o09Comparison } from './errata';
export { O14_LAYER } from './exercises';

// Registration (CONTRIBUTING.md, "Adding a topic"): loading a topic registers its exercises and errata.
import './exercises';
import './errata';
