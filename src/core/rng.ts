/**
 * Seeded pseudo-random generator for the whole course (design principle 3: `Math.random` never appears in src/).
 *
 * The 32-bit Mersenne Twister MT19937 (Matsumoto & Nishimura 1998). Seeding is done by `@stdlib/random-base-mt19937`:
 * a positive 32-bit integer seed uses the reference `init_genrand(seed)`; any other seed (0, strings, larger
 * integers, word arrays) is turned into a word array and uses `init_by_array`. The draws are generated here ([PERF-2]):
 * one twist of the whole state tempers a block of 624 words into a buffer, and every method reads it — the same
 * words in the same order as the reference. Uniform draws have 53 random bits (the reference `genrand_res53`, as
 * NumPy's `RandomState(seed).random_sample()`); normals come from the ziggurat method (`ziggurat.ts`): each draw reads
 * two words as one 64-bit integer (first word high) — 8 bits choose the layer, 1 the sign, 52 the position — and
 * about 1 % of draws need more words (the wedge or tail tests), exactly as NumPy's `Generator(MT19937)`.
 * `fillUniform`/`fillNormal` fill a Float64Array with exactly the numbers that as many `uniform()`/`normal()` calls
 * would give (`tests/core/rng-fast.test.ts` compares them with @stdlib's generator driven a word at a time;
 * `tests/core/ziggurat.test.ts` compares the normals with NumPy's and tests their distribution).
 *
 * Streams per seed: words and uniforms are those of MT19937 since the first release; the normals changed once, from
 * Box–Muller pairs to the ziggurat (2026-12-05, [PERF-2]: about 6× faster per normal), so seeded numbers printed before
 * that date differ from today's.
 *
 * Independent streams: `fork()` draws four 32-bit words from this stream and seeds a new generator with them
 * (`init_by_array`), so a forked stream is a deterministic function of the parent's seed and position;
 * `split(n)` returns n such streams.
 */
import mt19937 = require('@stdlib/random-base-mt19937');
import { softmax } from './special';
import { ZIGGURAT_F, ZIGGURAT_INV_R, ZIGGURAT_K, ZIGGURAT_R, ZIGGURAT_W } from './ziggurat';
import { NativeRng, nativeRng } from './nativeRng';
import {
  assertFiniteNumber,
  assertInteger,
  assertLogWeights,
  assertPositive,
  assertProbability,
  assertProbabilityVector,
  assertVector,
  describe,
} from './validate';

/** What a generator can be seeded with. */
export type Seed = number | string | ArrayLike<number>;

const UINT32 = 0x1_0000_0000;

/** Turn any accepted seed into what MT19937 takes (a positive uint32, or an array of uint32 words). */
function seedWords(seed: Seed): number | Uint32Array {
  if (typeof seed === 'number') {
    if (!Number.isInteger(seed) || seed < 0 || seed > Number.MAX_SAFE_INTEGER) {
      throw new RangeError(`rng: seed must be a non-negative safe integer, a string or an array of uint32 words (got ${describe(seed)})`);
    }
    if (seed >= 1 && seed < UINT32) return seed;
    return Uint32Array.from([seed % UINT32, Math.floor(seed / UINT32), 0x9e3779b9]);
  }
  if (typeof seed === 'string') {
    // FNV-1a over UTF-16 code units, producing four words with different offsets.
    const words = new Uint32Array(4);
    for (let w = 0; w < 4; w++) {
      let h = (0x811c9dc5 ^ (w * 0x01000193)) >>> 0;
      for (let i = 0; i < seed.length; i++) {
        h ^= seed.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
      }
      words[w] = h;
    }
    return words;
  }
  if (seed && typeof seed === 'object' && typeof (seed as ArrayLike<number>).length === 'number') {
    const arr = Array.from(seed as ArrayLike<number>);
    if (arr.length === 0 || arr.some((x) => !Number.isInteger(x) || x < 0 || x >= UINT32)) {
      throw new RangeError(`rng: a seed array must be non-empty uint32 words (got ${describe(seed)})`);
    }
    return Uint32Array.from(arr);
  }
  throw new TypeError(`rng: seed must be a number, a string or an array of uint32 words (got ${describe(seed)})`);
}

/** MT19937 constants (Matsumoto & Nishimura 1998, mt19937ar.c). */
const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df | 0;
/** 2⁻⁵³: genrand_res53 = (a·2²⁶ + b) / 2⁵³ with a = word >>> 5, b = word >>> 6. */
const RES53 = 1 / 9007199254740992;
const TWO_26 = 67108864;
/** 2²³: the ziggurat's 52-bit integer is (high word & 0x1fffffff)·2²³ + (low word >>> 9). */
const TWO_23 = 8388608;
/** Layout of @stdlib's state array: | version | sections | N | …state | 1 | index | seed length | …seed |. */
const STDLIB_STATE = 3;
const STDLIB_INDEX = N + 4;

/** A snapshot taken by `clone()` (the whole generator). */
interface Snapshot {
  mt: Int32Array;
  out: Uint32Array;
  pos: number;
}

/** A seeded random generator. Create one with `rng(seed)`. */
export class Rng {
  /** One buffer: the MT19937 state (`mt`), then the tempered block (`out`) — as the native addon reads it. */
  private readonly state: Int32Array;
  /** The MT19937 state vector (as signed 32-bit words: only bit operations touch it). */
  private readonly mt: Int32Array;
  /**
   * The tempered outputs of the current block: one twist of the whole state produces all 624 words at once, so a
   * draw is a read from this buffer (the same words, in the same order, as the reference's one-at-a-time genrand).
   */
  private readonly out: Uint32Array;
  /** Index of the next unused word of `out` (N: block used up, twist before the next draw). */
  private pos: number;
  /** The seed this generator was created with (for display and reproducibility notes). */
  readonly seed: Seed;

  constructor(seed: Seed, state?: unknown) {
    this.seed = seed;
    this.state = new Int32Array(2 * N);
    this.mt = this.state.subarray(0, N);
    this.out = new Uint32Array(this.state.buffer, 4 * N, N);
    this.pos = N;
    if (state && typeof state === 'object' && (state as Snapshot).mt instanceof Int32Array) {
      const s = state as Snapshot;
      this.mt.set(s.mt);
      this.out.set(s.out);
      this.pos = s.pos;
      return;
    }
    // Seeding (init_genrand / init_by_array) is done by the reference implementation, @stdlib's MT19937; its state
    // array (or one passed in, in the same layout) is copied in, so every seed gives exactly the stream it gave before.
    const ref = state
      ? mt19937.factory({ state: state as never, copy: true })
      : mt19937.factory({ seed: seedWords(seed) as never });
    const st = ref.state as Uint32Array;
    for (let i = 0; i < N; i++) this.mt[i] = st[STDLIB_STATE + i];
    const index = st[STDLIB_INDEX];
    if (index < N) {
      for (let i = index; i < N; i++) this.out[i] = temper(this.mt[i]);
      this.pos = index;
    }
  }

  /** Twist the whole state (the reference's next_state) and temper the 624 new words into `out`. */
  private refill(): void {
    const nat = nativeKernels();
    if (nat) {
      nat.refill(this.state);
      this.pos = 0;
      return;
    }
    this.refillJs();
  }

  /** `refill` in JavaScript (used where the native addon is absent, and to check it). */
  private refillJs(): void {
    const mt = this.mt;
    const out = this.out;
    let i = 0;
    let w: number;
    for (; i < N - M; i++) {
      w = (mt[i] & 0x80000000) | (mt[i + 1] & 0x7fffffff);
      mt[i] = mt[i + M] ^ (w >>> 1) ^ (-(w & 1) & MATRIX_A);
    }
    for (; i < N - 1; i++) {
      w = (mt[i] & 0x80000000) | (mt[i + 1] & 0x7fffffff);
      mt[i] = mt[i + M - N] ^ (w >>> 1) ^ (-(w & 1) & MATRIX_A);
    }
    w = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
    mt[N - 1] = mt[M - 1] ^ (w >>> 1) ^ (-(w & 1) & MATRIX_A);
    for (i = 0; i < N; i++) {
      let y = mt[i];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      out[i] = y;
    }
    this.pos = 0;
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    if (this.pos >= N) this.refill();
    return this.out[this.pos++];
  }

  /** genrand_res53: U[0, 1) from two words, 53 random bits. */
  private res53(): number {
    let p = this.pos;
    if (p > N - 2) {
      const a = this.uint32() >>> 5;
      return (a * TWO_26 + (this.uint32() >>> 6)) * RES53;
    }
    const out = this.out;
    this.pos = p + 2;
    return ((out[p] >>> 5) * TWO_26 + (out[++p] >>> 6)) * RES53;
  }

  /** U(0,1) with 53 random bits (`genrand_res53`); with arguments, U(a, b). */
  uniform(a = 0, b = 1): number {
    if (a !== 0 || b !== 1) {
      assertFiniteNumber('Rng.uniform', 'a', a);
      assertFiniteNumber('Rng.uniform', 'b', b);
      if (!(b > a)) throw new RangeError(`Rng.uniform: b must be > a (got a=${a}, b=${b})`);
    }
    const u = this.res53();
    return a + (b - a) * u;
  }

  /** n independent U(a, b) draws. */
  uniforms(n: number, a = 0, b = 1): Float64Array {
    assertInteger('Rng.uniforms', 'n', n, 0);
    return this.fillUniform(new Float64Array(n), a, b);
  }

  /**
   * Fill `out` with U(a, b) draws: the same numbers, and the same generator position afterwards, as
   * `out.length` calls of `uniform(a, b)`. Returns `out`.
   */
  fillUniform(out: Float64Array, a = 0, b = 1): Float64Array {
    if (!(out instanceof Float64Array)) throw new TypeError(`Rng.fillUniform: out must be a Float64Array (got ${describe(out)})`);
    if (a !== 0 || b !== 1) {
      assertFiniteNumber('Rng.fillUniform', 'a', a);
      assertFiniteNumber('Rng.fillUniform', 'b', b);
      if (!(b > a)) throw new RangeError(`Rng.fillUniform: b must be > a (got a=${a}, b=${b})`);
    }
    const w = b - a;
    for (let i = 0; i < out.length; i++) out[i] = a + w * this.res53();
    return out;
  }

  /** A uniform integer in {0, …, n−1} (rejection sampling, no modulo bias). */
  integer(n: number): number {
    assertInteger('Rng.integer', 'n', n, 1, UINT32);
    const limit = UINT32 - (UINT32 % n);
    let x: number;
    do x = this.uint32();
    while (x >= limit);
    return x % n;
  }

  /**
   * One standard normal by the ziggurat method (`ziggurat.ts`): two words make a 64-bit integer (first word high);
   * its low 8 bits choose the layer i, bit 8 the sign, bits 9–60 the 52-bit position u; x = ±u·w_i is returned at
   * once when u < k_i (about 99 % of draws), otherwise `zigguratEdge` decides (and may ask for a new pair).
   */
  private stdNormal(): number {
    for (;;) {
      const p = this.pos;
      let hi: number;
      let lo: number;
      if (p > N - 2) {
        hi = this.uint32();
        lo = this.uint32();
      } else {
        hi = this.out[p];
        lo = this.out[p + 1];
        this.pos = p + 2;
      }
      const i = lo & 0xff;
      const u = (hi & 0x1fffffff) * TWO_23 + (lo >>> 9);
      const x = u * ZIGGURAT_W[i] * (1 - ((lo >>> 7) & 2)); // ±u·w_i: ·(±1) is exact, and no branch on a coin flip
      if (u < ZIGGURAT_K[i]) return x;
      const y = this.zigguratEdge(i, u, x);
      if (y === y) return y;
    }
  }

  /**
   * The ziggurat's rare branch for a point x of layer i outside the layer's inner rectangle: layer 0 draws from the
   * tail |x| > r (Marsaglia 1964: a = −log(1−U₁)/r, b = −log(1−U₂), accept when 2b > a², return ±(r + a), the sign
   * from bit 8 of u); another layer accepts x when f_i + (f_{i−1} − f_i)·U < exp(−x²/2). NaN: rejected, draw again.
   */
  private zigguratEdge(i: number, u: number, x: number): number {
    if (i === 0) {
      for (;;) {
        const a = -ZIGGURAT_INV_R * Math.log1p(-this.res53());
        const b = -Math.log1p(-this.res53());
        if (b + b > a * a) return Math.floor(u / 256) % 2 === 1 ? -(ZIGGURAT_R + a) : ZIGGURAT_R + a;
      }
    }
    return zigguratWedge(i, x, this.res53());
  }

  /** N(mu, sigma²) (ziggurat method, see `stdNormal`). */
  normal(mu = 0, sigma = 1): number {
    if (mu !== 0 || sigma !== 1) {
      assertFiniteNumber('Rng.normal', 'mu', mu);
      assertPositive('Rng.normal', 'sigma', sigma);
    }
    return mu + sigma * this.stdNormal();
  }

  /** n independent N(mu, sigma²) draws. */
  normals(n: number, mu = 0, sigma = 1): Float64Array {
    assertInteger('Rng.normals', 'n', n, 0);
    return this.fillNormal(new Float64Array(n), mu, sigma);
  }

  /**
   * Fill `out` (or `out[offset … offset+count)`) with N(mu, sigma²) draws: the same numbers, and the same generator
   * state afterwards, as that many calls of `normal(mu, sigma)`. Returns `out`.
   */
  fillNormal(out: Float64Array, mu = 0, sigma = 1, offset = 0, count = out.length - offset): Float64Array {
    if (!(out instanceof Float64Array)) throw new TypeError(`Rng.fillNormal: out must be a Float64Array (got ${describe(out)})`);
    if (mu !== 0 || sigma !== 1) {
      assertFiniteNumber('Rng.fillNormal', 'mu', mu);
      assertPositive('Rng.fillNormal', 'sigma', sigma);
    }
    if (offset !== 0 || count !== out.length) {
      assertInteger('Rng.fillNormal', 'offset', offset, 0, out.length);
      assertInteger('Rng.fillNormal', 'count', count, 0, out.length - offset);
    }
    const end = offset + count;
    const nat = count >= NATIVE_FILL_MIN ? nativeKernels() : null;
    return nat ? this.fillNormalNative(nat, out, mu, sigma, offset, end) : this.fillNormalJs(out, mu, sigma, offset, end);
  }

  /**
   * `fillNormal` for out[i … end) by the addon. It stops inside a draw whose decision needs Math.log1p (the tail) or
   * Math.exp too close to call (a wedge), handing over [layer, u, x, U]: the draw is finished here as `stdNormal` would
   * (`zigguratEdge` continues the tail from the words that follow; a wedge is decided with U), and a rejected one is
   * simply followed by the next draw, as in `stdNormal`'s loop.
   */
  private fillNormalNative(nat: NativeRng, out: Float64Array, mu: number, sigma: number, i: number, end: number): Float64Array {
    const bail = nativeBail;
    while (i < end) {
      const r = nat.fillNormal(this.state, this.pos, out, i, end - i, mu, sigma, bail);
      const written = Math.floor(r / 1024);
      this.pos = r - 1024 * written;
      i += written;
      if (i < end) {
        const layer = bail[0];
        const y = layer === 0 ? this.zigguratEdge(0, bail[1], bail[2]) : zigguratWedge(layer, bail[2], bail[3]);
        if (y === y) out[i++] = mu + sigma * y;
      }
    }
    return out;
  }

  /** `fillNormal`'s loop in JavaScript, for out[i … end). */
  private fillNormalJs(out: Float64Array, mu: number, sigma: number, i: number, end: number): Float64Array {
    const words = this.out;
    while (i < end) {
      // The stdNormal hot path over the buffered words, a block at a time; the rare branch and block ends go through it.
      let p = this.pos;
      const stop = Math.min(end, i + ((N - p) >> 1));
      while (i < stop) {
        const lo = words[p + 1];
        const layer = lo & 0xff;
        const u = (words[p] & 0x1fffffff) * TWO_23 + (lo >>> 9);
        if (u >= ZIGGURAT_K[layer]) break;
        p += 2;
        out[i++] = mu + sigma * (u * ZIGGURAT_W[layer] * (1 - ((lo >>> 7) & 2)));
      }
      this.pos = p;
      if (i < end) out[i++] = mu + sigma * this.stdNormal();
    }
    return out;
  }

  /** Bernoulli(p): 1 with probability p, else 0. */
  bernoulli(p: number): 0 | 1 {
    assertProbability('Rng.bernoulli', 'p', p);
    return this.uniform() < p ? 1 : 0;
  }

  /** An index drawn with probabilities p (must sum to 1). */
  categorical(p: ArrayLike<number>): number {
    assertProbabilityVector('Rng.categorical', 'p', p, 1e-8);
    const u = this.uniform();
    let c = 0;
    for (let i = 0; i < p.length; i++) {
      c += p[i];
      if (u < c) return i;
    }
    // Round-off: return the last index with positive probability.
    for (let i = p.length - 1; i >= 0; i--) if (p[i] > 0) return i;
    return p.length - 1;
  }

  /** An index drawn with probabilities proportional to exp(logWeights) (stable for any scale). */
  categoricalFromLogits(logWeights: ArrayLike<number>): number {
    assertLogWeights('Rng.categoricalFromLogits', 'logWeights', logWeights, true);
    return this.categorical(softmax(logWeights));
  }

  /** Exponential with rate λ (mean 1/λ), by inversion. */
  exponential(rate = 1): number {
    assertPositive('Rng.exponential', 'rate', rate);
    return -Math.log1p(-this.uniform()) / rate;
  }

  /** Gamma(shape k, scale θ) by Marsaglia & Tsang (2000); shape < 1 via the boost U^{1/k}. */
  gamma(shape: number, scale = 1): number {
    assertPositive('Rng.gamma', 'shape', shape);
    assertPositive('Rng.gamma', 'scale', scale);
    if (shape < 1) {
      const u = this.uniform();
      return this.gamma(shape + 1, scale) * Math.pow(u === 0 ? Number.MIN_VALUE : u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x ** 4) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Beta(a, b) as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b). */
  beta(a: number, b: number): number {
    assertPositive('Rng.beta', 'a', a);
    assertPositive('Rng.beta', 'b', b);
    const x = this.gamma(a);
    const y = this.gamma(b);
    return x / (x + y);
  }

  /** Dirichlet(alpha) by normalised gamma draws. */
  dirichlet(alpha: ArrayLike<number>): Float64Array {
    assertVector('Rng.dirichlet', 'alpha', alpha);
    for (let i = 0; i < alpha.length; i++) assertPositive('Rng.dirichlet', `alpha[${i}]`, alpha[i]);
    const g = Float64Array.from(alpha, (a) => this.gamma(a));
    const s = g.reduce((p, q) => p + q, 0);
    return g.map((x) => x / s);
  }

  /** A uniformly random permutation of {0, …, n−1} (Fisher–Yates). */
  permutation(n: number): number[] {
    assertInteger('Rng.permutation', 'n', n, 0);
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.integer(i + 1);
      [p[i], p[j]] = [p[j], p[i]];
    }
    return p;
  }

  /** A new, shuffled copy of `items`. */
  shuffle<T>(items: readonly T[]): T[] {
    return this.permutation(items.length).map((i) => items[i]);
  }

  /** An independent stream: seeded with four words drawn from this one. Advances this stream. */
  fork(): Rng {
    const words = [this.uint32(), this.uint32(), this.uint32(), this.uint32()];
    return new Rng(words);
  }

  /** n independent streams (see `fork`). */
  split(n: number): Rng[] {
    assertInteger('Rng.split', 'n', n, 1);
    return Array.from({ length: n }, () => this.fork());
  }

  /** An integer seed for tfjs random ops (`tf.randomNormal(shape, 0, 1, 'float32', seed)`). */
  tfSeed(): number {
    return this.uint32();
  }

  /** An exact copy of this generator at its current position (the copy and the original then draw the same numbers). */
  clone(): Rng {
    const snapshot: Snapshot = { mt: this.mt, out: this.out, pos: this.pos };
    return new Rng(this.seed, snapshot);
  }

  /**
   * The native addon's start-up check: from three seeds and odd and even positions, its block twist must give the
   * JavaScript twist's words and its fills the JavaScript fill's numbers, bit for bit. '' when they agree. @internal
   */
  static selfCheckNative(nat: NativeRng): string {
    for (const seed of [1, 5489, 20261205]) {
      const a = new Rng(seed);
      const b = new Rng(seed);
      const sa = a.state;
      a.refillJs();
      nat.refill(b.state);
      b.pos = 0;
      for (let i = 0; i < sa.length; i++) if (sa[i] !== b.state[i]) return `twist: word ${i} of seed ${seed}`;
      for (const skip of [0, 1]) {
        for (let k = 0; k < skip; k++) {
          a.uint32();
          b.uint32();
        }
        const want = a.fillNormalJs(new Float64Array(3000), 0.5, 2, 0, 3000);
        const got = b.fillNormalNative(nat, new Float64Array(3000), 0.5, 2, 0, 3000);
        for (let j = 0; j < 3000; j++) if (!Object.is(want[j], got[j])) return `fillNormal: draw ${j} of seed ${seed}`;
      }
    }
    return '';
  }

  toString(): string {
    return `Rng(MT19937, seed ${describe(this.seed)})`;
  }
}

/** The ziggurat's wedge test of layer i ≥ 1 with the uniform U: x if f_i + (f_{i−1} − f_i)·U < exp(−x²/2), else NaN. */
function zigguratWedge(i: number, x: number, U: number): number {
  return (ZIGGURAT_F[i - 1] - ZIGGURAT_F[i]) * U + ZIGGURAT_F[i] < Math.exp(-0.5 * x * x) ? x : NaN;
}

/** Where the native fill hands a draw over ([layer, u, x, U]; one buffer, the generator being synchronous). */
const nativeBail = new Float64Array(4);

/** Below this many normals, `fillNormal` stays in JavaScript (a native call costs about as much as a few draws). */
const NATIVE_FILL_MIN = 32;

/** The native addon (native/dgmlab_rng.c) once it passed the generator's self-check (`Rng.selfCheckNative`), else null. */
export function nativeKernels(): NativeRng | null {
  return nativeRng(Rng.selfCheckNative);
}

/** MT19937 tempering of one state word. */
function temper(y: number): number {
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

/** A seeded generator: `rng(42)`, `rng('lecture-3')`, `rng([1, 2, 3])`. */
export function rng(seed: Seed): Rng {
  if (seed === undefined || seed === null) {
    throw new TypeError('rng: a seed is required (every random function of dgmlab takes an explicit seed) (got ' + describe(seed) + ')');
  }
  return new Rng(seed);
}
