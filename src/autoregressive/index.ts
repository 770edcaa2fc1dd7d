/**
 * autoregressive: autoregressive density models (topic AR) — PixelCNN masks and exact receptive fields (source 001 Section 1),
 * NADE and MADE (source 003 L593–673), FVSBN, AR(p) and MLE = forward KL (source 002 §7; §8 is an extension from the
 * literature), and the pixel-density RNN/LSTM/2-D LSTM recursions of source 000 §2 (Eqs. (2.11)–(2.14)).
 */
export * from './masks';
export * from './masksTf';
export * from './nade';
export * from './made';
export * from './fvsbn';
export * from './arp';
export * from './pixelDensity';
export * from './pixelRnnTf';
export * from './data';
export * from './figures';
export { showErrata } from './errata';

// Registration (CONTRIBUTING.md, "Adding a topic"): loading a topic registers its exercises and errata.
import './exercises';
import './errata';
