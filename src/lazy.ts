/**
 * Lazy loading of heavy dependencies (issue #16 [PERF-2], kernel start-up to first result).
 *
 * `require('mathjs')` builds its whole function set at load time (about 1–2 s on the course's 2-core machines, more
 * than the rest of `import 'dgmlab'` together), yet a notebook uses it only in a few exact-arithmetic and exercise
 * paths. The modules of this package keep their plain `import * as mathjs from 'mathjs'`; while the package entry
 * (src/index.ts) loads, those requests receive a forwarding object instead, which loads mathjs on first use and then
 * behaves as its module object: every property read, `in`, key listing and descriptor is the real module's, so
 * functions, classes (`instanceof`), and values are identical. Requests from outside this package's own folder, and
 * any request after the entry has loaded, get the real module as usual.
 */
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require('module') as { _load(request: string, parent: { filename?: string } | null | undefined, isMain: boolean): unknown };

/** The dependencies loaded lazily, by request name. */
export const LAZY_DEPENDENCIES: readonly string[] = ['mathjs'];

const forwarders = new Map<string, object>();

/** The forwarding module object of `name`: loads the real module on first use (memoised by Node's require cache). */
export function lazyModule(name: string, load: () => object = () => Module._load(name, module, false) as object): object {
  let real: object | undefined;
  const target = (): object => (real ??= load());
  return new Proxy(Object.create(null) as object, {
    // tsc's `import * as` helper (__importStar) reads __esModule at import time: answered without loading (mathjs's
    // CommonJS build sets it; tests/kernel/lazy.test.ts checks that it still does).
    get: (_t, key) => (key === '__esModule' ? true : Reflect.get(target(), key)),
    has: (_t, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(target(), key);
      // A proxy may not report a non-configurable property its (empty) target lacks: report it configurable.
      return d && { ...d, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/** Is `filename` a file of this package (the folder of this module: dist/ when built, src/ under ts-node/tsx)? */
function ownFile(filename: string | undefined): boolean {
  return typeof filename === 'string' && filename.startsWith(__dirname + path.sep);
}

let installed = false;

/**
 * Serve this package's own `require(name)` of the LAZY_DEPENDENCIES with forwarders until `import 'dgmlab'` finished
 * loading (the hook removes itself right after: it never outlives the package's own load). Idempotent.
 */
export function installLazyDependencies(): void {
  if (installed) return;
  installed = true;
  const original = Module._load;
  const hook = function (this: unknown, request: string, parent: { filename?: string } | null | undefined, isMain: boolean): unknown {
    if (LAZY_DEPENDENCIES.includes(request) && ownFile(parent?.filename ?? undefined)) {
      let f = forwarders.get(request);
      if (!f) forwarders.set(request, (f = lazyModule(request, () => original.call(Module, request, parent, false) as object)));
      return f;
    }
    // eslint-disable-next-line prefer-rest-params
    return original.apply(this, arguments as unknown as [string, typeof parent, boolean]);
  };
  Module._load = hook;
  // The entry's own imports run synchronously after this call: remove the hook when they are done.
  process.nextTick(() => {
    if (Module._load === hook) Module._load = original;
  });
}
