export { showErrata } from '../errata';
