/** core: the base every topic stands on — seeded randomness, special functions, Gaussians, small linear algebra, tfjs backend, presets. */
export * from './validate';
export * from './rng';
export * from './special';
export * from './linalg';
export * from './gaussian';
export * from './backend';
export * from './preset';
