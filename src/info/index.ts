/**
 * info: information measures — entropy, cross-entropy, KL and Jensen–Shannon divergences (discrete, Gaussian closed
 * forms, 1-D densities by quadrature), units (nats/bits), and the 1-D quadrature they use.
 * Sources: 000 App. A2 (A2.1)–(A2.2); 004 (68.117); 002 §3.2. Started by the GAN-A topic; BASICS extends it.
 */
export * from './quadrature';
export * from './measures';
export * from './bounds';
