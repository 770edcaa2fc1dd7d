/**
 * Seeded pseudo-random generator for the whole course (design principle 3: `Math.random` never appears in src/).
 *
 * Built on the 32-bit Mersenne Twister MT19937 (Matsumoto & Nishimura 1998) from `@stdlib/random-base-mt19937`.
 * A positive 32-bit integer seed uses the reference `init_genrand(seed)`; any other seed (0, strings, larger
 * integers, word arrays) is turned into a word array and uses `init_by_array`. Uniform draws have 53 random bits
 * (the reference `genrand_res53`).
 *
 * Independent streams: `fork()` draws four 32-bit words from this stream and seeds a new generator with them
 * (`init_by_array`), so a forked stream is a deterministic function of the parent's seed and position;
 * `split(n)` returns n such streams.
 */
import mt19937 = require('@stdlib/random-base-mt19937');
import { softmax } from './special';
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

/** The stdlib generator; `normalized` (53-bit uniform on [0,1)) exists at run time but is missing from its typings. */
type Mt = ReturnType<typeof mt19937.factory> & { normalized(): number };

/** A seeded random generator. Create one with `rng(seed)`. */
export class Rng {
  private readonly mt: Mt;
  /** Second value of the last Box–Muller pair, or null. */
  private spareNormal: number | null = null;
  /** The seed this generator was created with (for display and reproducibility notes). */
  readonly seed: Seed;

  constructor(seed: Seed, state?: unknown) {
    this.seed = seed;
    this.mt = state
      ? (mt19937.factory({ state: state as never, copy: true }) as Mt)
      : (mt19937.factory({ seed: seedWords(seed) as never }) as Mt);
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    return this.mt();
  }

  /** U(0,1) with 53 random bits (`genrand_res53`); with arguments, U(a, b). */
  uniform(a = 0, b = 1): number {
    if (a !== 0 || b !== 1) {
      assertFiniteNumber('Rng.uniform', 'a', a);
      assertFiniteNumber('Rng.uniform', 'b', b);
      if (!(b > a)) throw new RangeError(`Rng.uniform: b must be > a (got a=${a}, b=${b})`);
    }
    const u = this.mt.normalized();
    return a + (b - a) * u;
  }

  /** n independent U(a, b) draws. */
  uniforms(n: number, a = 0, b = 1): Float64Array {
    assertInteger('Rng.uniforms', 'n', n, 0);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.uniform(a, b);
    return out;
  }

  /** A uniform integer in {0, …, n−1} (rejection sampling, no modulo bias). */
  integer(n: number): number {
    assertInteger('Rng.integer', 'n', n, 1, UINT32);
    const limit = UINT32 - (UINT32 % n);
    let x: number;
    do x = this.mt();
    while (x >= limit);
    return x % n;
  }

  /** N(mu, sigma²) by the Box–Muller transform (the second value of each pair is kept for the next call). */
  normal(mu = 0, sigma = 1): number {
    if (mu !== 0 || sigma !== 1) {
      assertFiniteNumber('Rng.normal', 'mu', mu);
      assertPositive('Rng.normal', 'sigma', sigma);
    }
    let z: number;
    if (this.spareNormal !== null) {
      z = this.spareNormal;
      this.spareNormal = null;
    } else {
      let u1 = this.mt.normalized();
      while (u1 === 0) u1 = this.mt.normalized();
      const u2 = this.mt.normalized();
      const r = Math.sqrt(-2 * Math.log(u1));
      z = r * Math.cos(2 * Math.PI * u2);
      this.spareNormal = r * Math.sin(2 * Math.PI * u2);
    }
    return mu + sigma * z;
  }

  /** n independent N(mu, sigma²) draws. */
  normals(n: number, mu = 0, sigma = 1): Float64Array {
    assertInteger('Rng.normals', 'n', n, 0);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.normal(mu, sigma);
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
    const words = [this.mt(), this.mt(), this.mt(), this.mt()];
    return new Rng(words);
  }

  /** n independent streams (see `fork`). */
  split(n: number): Rng[] {
    assertInteger('Rng.split', 'n', n, 1);
    return Array.from({ length: n }, () => this.fork());
  }

  /** An integer seed for tfjs random ops (`tf.randomNormal(shape, 0, 1, 'float32', seed)`). */
  tfSeed(): number {
    return this.mt();
  }

  /** An exact copy of this generator at its current position (the copy and the original then draw the same numbers). */
  clone(): Rng {
    const c = new Rng(this.seed, this.mt.state);
    c.spareNormal = this.spareNormal;
    return c;
  }

  toString(): string {
    return `Rng(MT19937, seed ${describe(this.seed)})`;
  }
}

/** A seeded generator: `rng(42)`, `rng('lecture-3')`, `rng([1, 2, 3])`. */
export function rng(seed: Seed): Rng {
  if (seed === undefined || seed === null) {
    throw new TypeError('rng: a seed is required (every random function of dgmlab takes an explicit seed) (got ' + describe(seed) + ')');
  }
  return new Rng(seed);
}
