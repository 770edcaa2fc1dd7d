/**
 * The lowest layer of the display: send a Jupyter MIME bundle from a tslab cell.
 *
 * tslab's public `display.raw()` sends one MIME type per output; a bundle (text/plain + text/html + a JSON type
 * such as the exercise-check MIME) needs its internal `lastWriteDisplayData` hook, which tslab sets for the cell
 * being executed. Outside a kernel (mocha, plain node) bundles go to a sink that tests can read
 * (`takeEmitted()`), and nothing is printed.
 */
import { randomBytes } from 'crypto';

/** A Jupyter MIME bundle: MIME type → content (strings, or JSON values for `+json` types). */
export type MimeBundle = Record<string, unknown>;

type Writer = (content: { data: MimeBundle; metadata: Record<string, unknown>; transient: { display_id?: string } }, update: boolean) => void;

/** tslab's writer for the cell being executed, or undefined outside a tslab kernel. */
function kernelWriter(): Writer | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jupyter = require('tslab/dist/jupyter') as { lastWriteDisplayData?: Writer | null };
    return jupyter.lastWriteDisplayData ?? undefined;
  } catch {
    return undefined;
  }
}

/** True when running inside a tslab kernel cell (outputs reach the notebook). */
export function inKernel(): boolean {
  return kernelWriter() !== undefined;
}

const sink: { bundle: MimeBundle; displayId?: string; update: boolean }[] = [];

/** Outside a kernel: return and clear what was emitted (for tests). */
export function takeEmitted(): { bundle: MimeBundle; displayId?: string; update: boolean }[] {
  return sink.splice(0, sink.length);
}

/** Emit a MIME bundle as a display_data output (or update_display_data for an existing display id). */
export function emitBundle(bundle: MimeBundle, opts: { displayId?: string; update?: boolean; metadata?: Record<string, unknown> } = {}): void {
  if (!bundle || typeof bundle !== 'object' || Object.keys(bundle).length === 0) {
    throw new TypeError('emitBundle: bundle must be a non-empty object of MIME type → content');
  }
  const update = Boolean(opts.update);
  const write = kernelWriter();
  if (!write) {
    sink.push({ bundle, displayId: opts.displayId, update });
    if (sink.length > 1000) sink.shift();
    return;
  }
  write({ data: bundle, metadata: opts.metadata ?? {}, transient: opts.displayId ? { display_id: opts.displayId } : {} }, update);
}

/** A display that can be redrawn in place: the first `show` emits, later ones update the same output. */
export interface DisplayHandle {
  readonly id: string;
  show(bundle: MimeBundle): void;
}

/** A new display handle (tslab `newDisplay` semantics, for bundles). */
export function newDisplayHandle(): DisplayHandle {
  const id = randomBytes(8).toString('hex');
  let shown = false;
  return {
    id,
    show(bundle: MimeBundle) {
      emitBundle(bundle, { displayId: id, update: shown });
      shown = true;
    },
  };
}
