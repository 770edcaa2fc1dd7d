/** A Jupyter MIME bundle: MIME type → content. */
export type MimeBundle = Record<string, unknown>;
/** `Symbol.for("Jupyter.display")`: an object with this method is shown as the bundle it returns (Deno's convention). */
export declare const display: unique symbol;
/** Something a cell can show as its result. */
export interface Displayable {
  [display](): MimeBundle | Promise<MimeBundle>;
}
/** True inside the dgmlab kernel. */
export declare function inKernel(): boolean;
/** Clear the output of the cell being executed (`wait`: only when its next output arrives). */
export declare function clearOutput(wait?: boolean): void;
