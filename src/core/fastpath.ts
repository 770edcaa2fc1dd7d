/**
 * The fast CPU path for training (issue [PERF] part 2): the wasm backend's BatchMatMul and _FusedMatMul kernels
 * re-registered on an OpenBLAS SGEMM through the optional native addon `native/build/dgmlab_blas.node`
 * (built at `npm install` by native/build.js with the system C compiler against Debian's libopenblas-dev; never
 * downloaded). Gradients follow: tfjs expresses the gradients of matMul as matMuls, which run the same kernel.
 * Everything else stays on the wasm kernels, and the tensors stay in the wasm heap (the addon reads and writes it
 * in place). Where the addon is absent or fails its start-up self-check, nothing is registered and the plain wasm
 * backend runs; `core.backendReport().fastPath` says which. `DGMLAB_FASTPATH=0` turns it off.
 */
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';

/** The addon's interface (native/dgmlab_blas.c). */
interface NativeBlas {
  sgemm(a: Float32Array, b: Float32Array, c: Float32Array, batchA: number, batchB: number, M: number, N: number, K: number, transA: boolean, transB: boolean): void;
  threads(n?: number): number;
  config(): string;
  /** One fused Adam step (native/dgmlab_blas.c): p, m, v, g, outP, outM, outV, [β1, 1−β1, β2, 1−β2, 1−β1ᵗ, 1−β2ᵗ, ε, −lr]. */
  adam?(p: Float32Array, m: Float32Array, v: Float32Array, g: Float32Array, op: Float32Array, om: Float32Array, ov: Float32Array, s: Float32Array): void;
}

/** What the fast path did: `active` if the kernels are registered, else why not. */
export interface FastPathReport {
  active: boolean;
  /** e.g. "OpenBLAS 0.3.21 … (2 threads) for BatchMatMul, _FusedMatMul" or the reason it is off. */
  detail: string;
  kernels: string[];
}

/** Where the addon is looked for: native/build/ at the package root (src/core and dist/core are both two levels down). */
export const NATIVE_ADDON_PATH = path.join(__dirname, '..', '..', 'native', 'build', 'dgmlab_blas.node');

type KernelArgs = { inputs: Record<string, tf.TensorInfo | undefined>; backend: unknown; attrs?: Record<string, unknown> };
type KernelFn = (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[];

/** The wasm backend's internals the kernels use (tfjs-backend-wasm 4.x, backend_wasm.ts). */
interface WasmBackendLike {
  makeOutput(shape: number[], dtype: string): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
  disposeData(dataId: unknown): boolean;
}

let native: NativeBlas | null | undefined;
let loadError = '';
let installed: { kernels: string[]; originals: Map<string, tf.KernelConfig>; blas: NativeBlas; adam: boolean } | undefined;

/** Load the addon once; null (with the reason in loadError) if it is missing or broken. */
export function loadNativeBlas(addonPath = NATIVE_ADDON_PATH): NativeBlas | null {
  if (native !== undefined && addonPath === NATIVE_ADDON_PATH) return native;
  let result: NativeBlas | null = null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(addonPath) as NativeBlas;
    // self-check on a 2×3 · 3×2 product with both transposes: a broken build must not silently give wrong numbers
    const a = new Float32Array([1, 2, 3, 4, 5, 6]);
    const c = new Float32Array(4);
    mod.sgemm(a, a, c, 1, 1, 2, 2, 3, false, true); // A Aᵀ = [[14, 32], [32, 77]]
    const d = new Float32Array(9);
    mod.sgemm(a, a, d, 1, 1, 3, 3, 2, true, false); // Aᵀ A, first row [17, 22, 27]
    if (c.join() !== '14,32,32,77' || d.slice(0, 3).join() !== '17,22,27') throw new Error(`self-check failed (${c.join()} / ${d.join()})`);
    result = mod;
  } catch (e) {
    loadError = (e as Error).message.split('\n')[0];
  }
  if (addonPath === NATIVE_ADDON_PATH) native = result;
  return result;
}

function shapes(a: tf.TensorInfo, b: tf.TensorInfo, tA: boolean, tB: boolean) {
  const ra = a.shape.length;
  const rb = b.shape.length;
  const M = tA ? a.shape[ra - 1] : a.shape[ra - 2];
  const Ka = tA ? a.shape[ra - 2] : a.shape[ra - 1];
  const Kb = tB ? b.shape[rb - 1] : b.shape[rb - 2];
  const N = tB ? b.shape[rb - 2] : b.shape[rb - 1];
  const outerA = a.shape.slice(0, -2);
  const outerB = b.shape.slice(0, -2);
  const batchA = outerA.reduce((s, v) => s * v, 1);
  const batchB = outerB.reduce((s, v) => s * v, 1);
  // handled here: equal batches, or one side with a single matrix (batch size 1), after tfjs's broadcasting of the
  // batch dimensions; anything else (and every error message) is left to the wasm kernel
  let outer: number[] = [];
  let simple = Ka === Kb && (batchA === batchB || batchA === 1 || batchB === 1);
  if (simple) {
    try {
      outer = tf.broadcast_util.assertAndGetBroadcastShape(outerA, outerB);
    } catch {
      simple = false;
    }
    simple = simple && outer.reduce((s, v) => s * v, 1) === Math.max(batchA, batchB);
  }
  return { M, N, K: Ka, batchA, batchB, outShape: [...outer, M, N], simple };
}

function makeBatchMatMul(blas: NativeBlas, original: KernelFn): KernelFn {
  return (args) => {
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const tA = Boolean(args.attrs?.transposeA);
    const tB = Boolean(args.attrs?.transposeB);
    const s = shapes(a, b, tA, tB);
    if (a.dtype !== 'float32' || b.dtype !== 'float32' || !s.simple) return original(args);
    const backend = args.backend as WasmBackendLike;
    const out = backend.makeOutput(s.outShape, 'float32');
    // views taken after makeOutput: allocating may grow (and so replace) the wasm memory buffer
    blas.sgemm(backend.typedArrayFromHeap(a), backend.typedArrayFromHeap(b), backend.typedArrayFromHeap(out), s.batchA, s.batchB, s.M, s.N, s.K, tA, tB);
    return out;
  };
}

const ACTIVATION_KERNELS: Record<string, string | null> = { linear: null, relu: 'Relu', relu6: 'Relu6', sigmoid: 'Sigmoid', elu: 'Elu', tanh: 'Tanh' };

function makeFusedMatMul(blas: NativeBlas, original: KernelFn): KernelFn {
  const mm = makeBatchMatMul(blas, original);
  return (args) => {
    const { a, b, bias, preluActivationWeights } = args.inputs;
    const activation = (args.attrs?.activation as string | undefined) ?? 'linear';
    const act = ACTIVATION_KERNELS[activation];
    if (preluActivationWeights || act === undefined || (act !== null && !tf.getKernel(act, 'wasm'))) return original(args);
    const s = shapes(a as tf.TensorInfo, b as tf.TensorInfo, Boolean(args.attrs?.transposeA), Boolean(args.attrs?.transposeB));
    if (!s.simple || a!.dtype !== 'float32' || b!.dtype !== 'float32') return original(args);
    const backend = args.backend as WasmBackendLike;
    let y = mm({ inputs: { a, b }, backend, attrs: args.attrs }) as tf.TensorInfo;
    if (bias) {
      const add = tf.getKernel('Add', 'wasm')!.kernelFunc as unknown as KernelFn;
      const z = add({ inputs: { a: y, b: bias }, backend, attrs: {} }) as tf.TensorInfo;
      backend.disposeData(y.dataId);
      y = z;
    }
    if (act) {
      const f = tf.getKernel(act, 'wasm')!.kernelFunc as unknown as KernelFn;
      const z = f({ inputs: { x: y }, backend, attrs: {} }) as tf.TensorInfo;
      backend.disposeData(y.dataId);
      y = z;
    }
    return y;
  };
}

/** The part of tfjs-core 4.x's AdamOptimizer that applyGradients uses (optimizers/adam_optimizer.ts). */
interface AdamLike {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Array<{ originalName: string; variable: tf.Variable } | undefined>;
  accumulatedSecondMoment: Array<{ originalName: string; variable: tf.Variable } | undefined>;
  incrementIterations(): void;
}
type VariableGradients = tf.NamedTensorMap | Array<{ name: string; tensor: tf.Tensor }>;

const adamProto = tf.AdamOptimizer.prototype as unknown as { applyGradients(this: AdamLike, g: VariableGradients): void };
const adamOriginal = adamProto.applyGradients;

/**
 * Adam with the per-variable update fused into one native loop ([PERF-2]): tfjs's AdamOptimizer.applyGradients runs
 * about a dozen element-wise wasm kernels per variable per step (a third of a VAE step's time); the addon's `adam` does
 * the same float32 operations in the same order in one pass (bitwise the same results: tests/perf/adam-fused.test.ts).
 * The moments and the new values go to fresh tensors that are assigned as tfjs does, so no tensor is changed in place.
 * Anything unusual (another backend, a non-float32 variable) takes tfjs's own code.
 */
function fusedApplyGradients(blas: NativeBlas): (this: AdamLike, g: VariableGradients) => void {
  const adam = blas.adam!;
  return function (this: AdamLike, variableGradients: VariableGradients): void {
    const engine = tf.engine();
    const backend = engine.backend as unknown as WasmBackendLike;
    if (tf.getBackend() !== 'wasm' || !installed?.adam) return adamOriginal.call(this, variableGradients);
    const names = Array.isArray(variableGradients) ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    for (let i = 0; i < names.length; i++) {
      const value = engine.registeredVariables[names[i]];
      const grad = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[names[i]];
      if (!value || value.dtype !== 'float32' || (grad && grad.dtype !== 'float32')) return adamOriginal.call(this, variableGradients);
    }
    tf.tidy(() => {
      const oneMinusAccBeta1 = tf.sub(1, this.accBeta1);
      const oneMinusAccBeta2 = tf.sub(1, this.accBeta2);
      const scalars = new Float32Array([this.beta1, 1 - this.beta1, this.beta2, 1 - this.beta2, oneMinusAccBeta1.dataSync()[0], oneMinusAccBeta2.dataSync()[0], this.epsilon, -this.learningRate]);
      names.forEach((name, i) => {
        const value = engine.registeredVariables[name];
        const trainable = false;
        if (this.accumulatedFirstMoment[i] == null) {
          this.accumulatedFirstMoment[i] = { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(trainable)) };
        }
        if (this.accumulatedSecondMoment[i] == null) {
          this.accumulatedSecondMoment[i] = { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(trainable)) };
        }
        const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
        if (gradient == null) return;
        const firstMoment = this.accumulatedFirstMoment[i]!.variable;
        const secondMoment = this.accumulatedSecondMoment[i]!.variable;
        if (gradient.size !== value.size) throw new RangeError(`Adam (fast path): the gradient of ${name} has ${gradient.size} entries, the variable ${value.size}`);
        const outs = [0, 1, 2].map(() => backend.makeOutput(value.shape.slice(), 'float32'));
        // views taken after makeOutput: allocating may grow (and so replace) the wasm memory buffer
        const heap = (t: tf.TensorInfo) => backend.typedArrayFromHeap(t);
        adam(heap(value), heap(firstMoment), heap(secondMoment), heap(gradient), heap(outs[0]), heap(outs[1]), heap(outs[2]), scalars);
        const [newValue, newFirstMoment, newSecondMoment] = outs.map((o) => engine.makeTensorFromTensorInfo(o));
        firstMoment.assign(newFirstMoment);
        secondMoment.assign(newSecondMoment);
        value.assign(newValue);
      });
      this.accBeta1.assign(tf.mul(this.accBeta1, this.beta1));
      this.accBeta2.assign(tf.mul(this.accBeta2, this.beta2));
    });
    this.incrementIterations();
  };
}

/**
 * OpenBLAS threads: `DGMLAB_BLAS_THREADS` if set; else one thread when the machine is busy (1-minute load average at
 * least the number of CPUs − 1: OpenBLAS threads spin while waiting, and on an oversubscribed machine measured here a
 * second thread made the matmuls 2–8× slower), else up to 4.
 */
export function blasThreads(env: NodeJS.ProcessEnv = process.env, cpus = os.cpus().length, load = os.loadavg()[0]): number {
  const forced = env.DGMLAB_BLAS_THREADS;
  if (forced !== undefined && forced !== '') {
    const n = Number(forced);
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`installFastPath: DGMLAB_BLAS_THREADS must be an integer >= 1 (got "${forced}")`);
    return n;
  }
  return load >= cpus - 1 ? 1 : Math.max(1, Math.min(4, cpus));
}

/**
 * Register the OpenBLAS kernels on the wasm backend (idempotent). Call after the wasm backend is registered;
 * `initBackend` does it. Returns what happened; throws only for a bad DGMLAB_BLAS_THREADS.
 */
export function installFastPath(opts: { addonPath?: string } = {}): FastPathReport {
  if (installed) return fastPathReport();
  if (process.env.DGMLAB_FASTPATH === '0') return { active: false, detail: 'off (DGMLAB_FASTPATH=0)', kernels: [] };
  if (!tf.getKernel('BatchMatMul', 'wasm')) return { active: false, detail: 'the wasm backend is not registered', kernels: [] };
  const blas = loadNativeBlas(opts.addonPath);
  if (!blas) return { active: false, detail: `native BLAS addon not available (${loadError}); build it with \`node native/build.js\` (needs gcc and libopenblas-dev)`, kernels: [] };
  blas.threads(blasThreads());
  const originals = new Map<string, tf.KernelConfig>();
  const kernels: string[] = [];
  for (const [name, make] of [['BatchMatMul', makeBatchMatMul], ['_FusedMatMul', makeFusedMatMul]] as const) {
    const orig = tf.getKernel(name, 'wasm');
    if (!orig) continue;
    originals.set(name, orig);
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ ...orig, kernelFunc: make(blas, orig.kernelFunc as unknown as KernelFn) as unknown as tf.KernelFunc });
    kernels.push(name);
  }
  const adam = typeof blas.adam === 'function' && process.env.DGMLAB_FUSED_ADAM !== '0';
  if (adam) adamProto.applyGradients = fusedApplyGradients(blas);
  installed = { kernels, originals, blas, adam };
  return fastPathReport();
}

/**
 * Switch the fused Adam update on or off while the fast path stays installed (tests compare it with tfjs's own
 * applyGradients on the same MatMul kernels). Returns whether it is on; it can only be on when the fast path is.
 */
export function setFusedAdam(on: boolean): boolean {
  if (!installed || typeof installed.blas.adam !== 'function') return false;
  installed.adam = on;
  adamProto.applyGradients = on ? fusedApplyGradients(installed.blas) : adamOriginal;
  return on;
}

/** Put the wasm backend's own kernels back (used by tests and `DGMLAB_FASTPATH=0` comparisons). */
export function uninstallFastPath(): void {
  if (!installed) return;
  for (const [name, orig] of installed.originals) {
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel(orig);
  }
  adamProto.applyGradients = adamOriginal;
  installed = undefined;
}

/** Whether the fast path is registered, and with what. */
export function fastPathReport(): FastPathReport {
  if (!installed) {
    if (process.env.DGMLAB_FASTPATH === '0') return { active: false, detail: 'off (DGMLAB_FASTPATH=0)', kernels: [] };
    return { active: false, detail: native === null ? `native BLAS addon not available (${loadError})` : 'not installed', kernels: [] };
  }
  const cfg = installed.blas.config().split(' ').slice(0, 2).join(' ');
  return { active: true, detail: `${cfg} (${installed.blas.threads()} thread${installed.blas.threads() === 1 ? "" : "s"}) for ${installed.kernels.join(', ')}${installed.adam ? '; Adam fused' : ''}`, kernels: installed.kernels };
}
