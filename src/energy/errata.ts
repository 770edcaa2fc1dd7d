/** Errata of the EBM sections (000 §3: E46–E51; 003 L94–217, L333–455). */
export { showErrata } from '../errata/registry';
