/**
 * backprop: the reference backpropagation of source 000 Appendix A1 (topic BASICS) — forward pass, output and hidden
 * deltas (A1.1)–(A1.4), the SGD update (A1.3) in exact and source order (000-E05), the derivative variants (000-E06),
 * tf.grad cross-check, and XOR training; sigmoid by default as in A1, tanh/relu/identity layers for later topics.
 * Other topics compare their hand-written backprop with `mlpGradients` (or `mlpGradientsTf`).
 */
export * from './mlp';
export * from './activations';
