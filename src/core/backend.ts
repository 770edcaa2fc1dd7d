/**
 * tfjs backend selection for the training layer (design principle 2).
 *
 * Order: `tensorflow` (@tensorflow/tfjs-node, native; an optional dependency that cannot install on machines
 * without access to its binary host) → `wasm` (@tensorflow/tfjs-backend-wasm; its .wasm files ship inside the
 * npm package) → `cpu` (plain JavaScript, always there). The environment variable `DGMLAB_BACKEND`
 * (`tensorflow` | `wasm` | `cpu`) forces one; if the forced one cannot start, the error says why.
 * On `wasm`, the fast CPU path (./fastpath.ts: MatMul kernels on OpenBLAS through the optional native addon) is
 * installed when the addon was built; the report's `fastPath` says whether it runs (`DGMLAB_FASTPATH=0` turns it off).
 */
import * as tf from '@tensorflow/tfjs';
import { assertOneOf } from './validate';
import { FastPathReport, fastPathReport, installFastPath } from './fastpath';

// PROD silences tfjs's console banner ("install our node backend"): initBackend reports the backend itself.
tf.env().set('PROD', true);

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

/** What `initBackend` found: the backend that runs and why the ones before it did not. */
export interface BackendReport {
  name: BackendName;
  tried: { name: BackendName; ok: boolean; reason?: string }[];
  tfjsVersion: string;
  /** On the wasm backend: whether the OpenBLAS MatMul kernels (core/fastpath) run, and why not. */
  fastPath?: FastPathReport;
  /** One line for a notebook's setup cell. */
  summary: string;
}

/** Load the module that registers a backend with tfjs; return an error message if it cannot be loaded. */
function registerBackend(name: BackendName): string | undefined {
  try {
    if (name === 'tensorflow') {
      // Optional dependency: absent on machines where its install could not download libtensorflow.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@tensorflow/tfjs-node');
    } else if (name === 'wasm') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@tensorflow/tfjs-backend-wasm');
    }
    return undefined;
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0];
    if (name !== 'tensorflow') return msg;
    // Absent (the usual case where its install could not download libtensorflow): say just that, in one line.
    const absent = (e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && msg.includes("'@tensorflow/tfjs-node'");
    return absent ? '@tensorflow/tfjs-node is not installed' : `@tensorflow/tfjs-node is installed but could not load its native library (${msg})`;
  }
}

let current: BackendReport | undefined;

/**
 * Choose and initialise the tfjs backend: the first of node → wasm → cpu that starts, or the one named by
 * `prefer` / `DGMLAB_BACKEND`. Idempotent: a second call returns the first report unless `prefer` differs.
 */
export async function initBackend(prefer?: BackendName): Promise<BackendReport> {
  // An empty DGMLAB_BACKEND means "not set" (as for DGMLAB_PRESET).
  const fromEnv = process.env.DGMLAB_BACKEND === '' ? undefined : (process.env.DGMLAB_BACKEND as BackendName | undefined);
  const forced = prefer !== undefined ? prefer : fromEnv;
  if (forced !== undefined) assertOneOf('initBackend', prefer !== undefined ? 'prefer' : 'DGMLAB_BACKEND', forced, BACKEND_ORDER);
  if (current && (forced === undefined || current.name === forced)) return current;
  const order = forced ? [forced] : BACKEND_ORDER;
  const tried: BackendReport['tried'] = [];
  for (const name of order) {
    const loadError = registerBackend(name);
    if (loadError) {
      tried.push({ name, ok: false, reason: loadError });
      continue;
    }
    let ok = false;
    let reason: string | undefined;
    try {
      ok = await tf.setBackend(name);
      if (!ok) reason = 'tf.setBackend returned false';
    } catch (e) {
      reason = (e as Error).message.split('\n')[0];
    }
    tried.push({ name, ok, reason });
    if (ok) {
      await tf.ready();
      const skipped = tried.filter((t) => !t.ok).map((t) => `${t.name}: ${t.reason}`);
      const fastPath = name === 'wasm' ? installFastPath() : undefined;
      current = {
        name,
        tried,
        tfjsVersion: tf.version.tfjs,
        ...(fastPath ? { fastPath } : {}),
        summary:
          `tfjs ${tf.version.tfjs} on the '${name}' backend` +
          (fastPath ? (fastPath.active ? ` with MatMul on ${fastPath.detail}` : ' (fast path off: ' + fastPath.detail + ')') : '') +
          (skipped.length ? ` (skipped ${skipped.join('; ')})` : ''),
      };
      return current;
    }
  }
  const why = tried.map((t) => `${t.name}: ${t.reason}`).join('; ');
  throw new Error(`initBackend: no tfjs backend could start (${why})`);
}

/** The report of the backend that runs, or undefined before `initBackend` resolved. */
export function backendReport(): BackendReport | undefined {
  return current;
}

export { tf, fastPathReport };
export type { FastPathReport };
