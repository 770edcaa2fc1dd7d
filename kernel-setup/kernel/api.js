'use strict';
/**
 * What a notebook cell may ask of the dgmlab kernel, beyond tslab's `display` / `newDisplay`:
 *
 *   import { clearOutput, display } from 'dgmlab/kernel-setup/kernel/api';
 *   clearOutput();                       // clear this cell's output (wait=true: when the next output arrives)
 *   class Fig { [display]() { return { 'text/html': '…', 'text/plain': 'Fig' }; } }
 *
 * `display` is `Symbol.for("Jupyter.display")` (Deno's convention): a cell whose last expression has that method
 * shows the MIME bundle it returns as the cell's result. Outside the kernel (mocha, plain node) clearOutput does
 * nothing.
 */
const KERNEL_HOOK = Symbol.for('dgmlab.kernel');

exports.display = Symbol.for('Jupyter.display');

exports.inKernel = function inKernel() {
  return Boolean(globalThis[KERNEL_HOOK]);
};

exports.clearOutput = function clearOutput(wait = false) {
  const kernel = globalThis[KERNEL_HOOK];
  if (kernel) kernel.clearOutput(Boolean(wait));
};
