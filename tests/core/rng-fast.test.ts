import { strict as assert } from 'assert';
import mt19937 = require('@stdlib/random-base-mt19937');
import { rng, Rng, Seed } from '../../src/core/rng';
import { ZIGGURAT_F, ZIGGURAT_K, ZIGGURAT_R, ZIGGURAT_W } from '../../src/core/ziggurat';

/**
 * [PERF-2] The generator was rewritten for speed (block twist into a tempered buffer, no closures, bulk fills). Its
 * words and uniforms must stay those of MT19937; its normals are the ziggurat's. Reference: a scalar path —
 * @stdlib's MT19937 (`factory`, `normalized` = genrand_res53) driven one word at a time, seeded through the same seed
 * words, with the ziggurat written out plainly on the library's tables (the tables and the method are tested against
 * NumPy and by their distribution in ziggurat.test.ts; here the buffered and bulk paths are tested against this one).
 */
type Mt = ReturnType<typeof mt19937.factory> & { normalized(): number };

/** Seed words as the library turns them (the string hash is the library's own; it is not under test here). */
function stdlibFor(seed: Seed): Mt {
  const UINT32 = 0x1_0000_0000;
  let words: number | Uint32Array;
  if (typeof seed === 'number') {
    words = seed >= 1 && seed < UINT32 ? seed : Uint32Array.from([seed % UINT32, Math.floor(seed / UINT32), 0x9e3779b9]);
  } else if (typeof seed === 'string') {
    const w = new Uint32Array(4);
    for (let k = 0; k < 4; k++) {
      let h = (0x811c9dc5 ^ (k * 0x01000193)) >>> 0;
      for (let i = 0; i < seed.length; i++) {
        h ^= seed.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
      }
      w[k] = h;
    }
    words = w;
  } else words = Uint32Array.from(Array.from(seed));
  return mt19937.factory({ seed: words as never }) as Mt;
}

/** Rng's draws one word at a time. */
class ReferenceRng {
  constructor(readonly mt: Mt) {}
  uint32(): number {
    return this.mt();
  }
  uniform(a = 0, b = 1): number {
    const u = this.mt.normalized();
    return a + (b - a) * u;
  }
  /** Ziggurat: a 64-bit integer r = (first word)·2³² + second word; layer r mod 256, sign bit 8, u = bits 9–60. */
  normal(mu = 0, sigma = 1): number {
    for (;;) {
      const hi = BigInt(this.mt());
      const r = (hi << 32n) | BigInt(this.mt());
      const i = Number(r & 0xffn);
      const negative = ((r >> 8n) & 1n) === 1n;
      const u = Number((r >> 9n) & ((1n << 52n) - 1n));
      const x = negative ? -(u * ZIGGURAT_W[i]) : u * ZIGGURAT_W[i];
      if (u < ZIGGURAT_K[i]) return mu + sigma * x;
      if (i === 0) {
        for (;;) {
          const t = -Math.log1p(-this.mt.normalized()) / ZIGGURAT_R;
          const e = -Math.log1p(-this.mt.normalized());
          if (2 * e > t * t) return mu + sigma * (((BigInt(u) >> 8n) & 1n) === 1n ? -(ZIGGURAT_R + t) : ZIGGURAT_R + t);
        }
      }
      if ((ZIGGURAT_F[i - 1] - ZIGGURAT_F[i]) * this.mt.normalized() + ZIGGURAT_F[i] < Math.exp(-0.5 * x * x)) return mu + sigma * x;
    }
  }
  integer(n: number): number {
    const UINT32 = 0x1_0000_0000;
    const limit = UINT32 - (UINT32 % n);
    let x: number;
    do x = this.mt();
    while (x >= limit);
    return x % n;
  }
}

/** Bitwise equality of two float64 sequences (Object.is: also −0 against +0), with the first difference reported. */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  assert.equal(a.length, b.length, `${what}: lengths`);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) assert.fail(`${what}: first difference at ${i}: ${a[i]} vs ${b[i]}`);
}

describe('core/rng fast paths — the same streams as the scalar reference (@stdlib MT19937 + ziggurat, a word at a time)', () => {
  const seeds: Seed[] = [1, 42, 5489, 0xffffffff, 0, 2 ** 40 + 3, 'lecture-3', [0x123, 0x234, 0x345, 0x456]];

  it('uint32, uniform and normal draws, 5000 of each in blocks across several twists, for 8 kinds of seed', () => {
    for (const seed of seeds) {
      const fast = rng(seed);
      const ref = new ReferenceRng(stdlibFor(seed));
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < 5000; i++) {
        a.push(fast.uint32());
        b.push(ref.uint32());
      }
      for (let i = 0; i < 5000; i++) {
        a.push(fast.uniform());
        b.push(ref.uniform());
      }
      for (let i = 0; i < 5001; i++) {
        a.push(fast.normal());
        b.push(ref.normal());
      }
      sameBits(a, b, `seed ${String(seed)}`);
    }
  });

  it('a random interleaving of every kind of draw (odd word counts put uniforms across block boundaries)', () => {
    const pick = new ReferenceRng(stdlibFor(99)); // chooses the operations (not under test)
    const fast = rng(7);
    const ref = new ReferenceRng(stdlibFor(7));
    const a: number[] = [];
    const b: number[] = [];
    for (let t = 0; t < 40000; t++) {
      const op = pick.integer(6);
      if (op === 0) {
        a.push(fast.uint32());
        b.push(ref.uint32());
      } else if (op === 1) {
        a.push(fast.uniform());
        b.push(ref.uniform());
      } else if (op === 2) {
        a.push(fast.uniform(-3, 5));
        b.push(ref.uniform(-3, 5));
      } else if (op === 3) {
        a.push(fast.normal());
        b.push(ref.normal());
      } else if (op === 4) {
        a.push(fast.normal(1.5, 0.3));
        b.push(ref.normal(1.5, 0.3));
      } else {
        a.push(fast.integer(1000));
        b.push(ref.integer(1000));
      }
    }
    sameBits(a, b, 'interleaved');
  });

  it('fillNormal and normals equal as many normal() calls — even and odd lengths, offsets — and leave the same state', () => {
    const fast = rng(11);
    const ref = new ReferenceRng(stdlibFor(11));
    const pick = new ReferenceRng(stdlibFor(12));
    for (let t = 0; t < 300; t++) {
      const n = pick.integer(40);
      const kind = pick.integer(4);
      let got: Float64Array;
      const want = new Float64Array(n);
      if (kind === 0) {
        got = fast.normals(n);
        for (let i = 0; i < n; i++) want[i] = ref.normal();
      } else if (kind === 1) {
        got = fast.normals(n, -2, 0.5);
        for (let i = 0; i < n; i++) want[i] = ref.normal(-2, 0.5);
      } else if (kind === 2) {
        const buf = new Float64Array(n + 5).fill(7);
        fast.fillNormal(buf, 0, 1, 3, n);
        got = buf.subarray(3, 3 + n);
        assert.deepEqual([buf[0], buf[1], buf[2], buf[n + 3], buf[n + 4]], [7, 7, 7, 7, 7], 'fillNormal writes only its range');
        for (let i = 0; i < n; i++) want[i] = ref.normal();
      } else {
        got = Float64Array.of(fast.normal());
        want.fill(0);
        sameBits(got, [ref.normal()], `scalar ${t}`);
        continue;
      }
      sameBits(got, want, `call ${t} (kind ${kind}, n ${n})`);
      if (pick.integer(3) === 0) assert.equal(fast.uint32(), ref.uint32(), `state after call ${t}`);
    }
  });

  it('fillUniform and uniforms equal as many uniform() calls (also on U(a, b))', () => {
    const fast = rng('fill');
    const ref = new ReferenceRng(stdlibFor('fill'));
    fast.uint32(); // odd position: every uniform straddles two words of the buffer, one pair crosses the block edge
    ref.uint32();
    const want = Array.from({ length: 1001 }, () => ref.uniform());
    sameBits(fast.uniforms(1001), want, 'uniforms');
    const want2 = Array.from({ length: 700 }, () => ref.uniform(-1, 4));
    sameBits(fast.fillUniform(new Float64Array(700), -1, 4), want2, 'fillUniform(-1, 4)');
    assert.equal(fast.uint32(), ref.uint32());
  });

  it('clone(), fork() and tfSeed() continue exactly as before, also from an odd position inside a block', () => {
    const fast = rng(3);
    const ref = new ReferenceRng(stdlibFor(3));
    for (let i = 0; i < 777; i++) {
      fast.uint32();
      ref.uint32();
    }
    fast.normal();
    ref.normal();
    fast.uint32();
    ref.uint32();
    const c = fast.clone();
    const cw = Array.from({ length: 1500 }, () => c.normal());
    const fw = Array.from({ length: 1500 }, () => fast.normal());
    const rw = Array.from({ length: 1500 }, () => ref.normal());
    sameBits(cw, rw, 'clone');
    sameBits(fw, rw, 'original after clone');
    assert.equal(fast.tfSeed(), ref.uint32(), 'tfSeed');
    const forkWords = [ref.uint32(), ref.uint32(), ref.uint32(), ref.uint32()];
    const f = fast.fork();
    const fref = new ReferenceRng(mt19937.factory({ seed: Uint32Array.from(forkWords) as never }) as Mt);
    sameBits(Array.from({ length: 2000 }, () => f.normal()), Array.from({ length: 2000 }, () => fref.normal()), 'fork');
  });

  it('a generator built from an @stdlib state array (the constructor’s second argument) continues that state', () => {
    const mt = stdlibFor(8);
    for (let i = 0; i < 100; i++) mt();
    const g = new Rng(8, mt.state);
    sameBits(Array.from({ length: 1200 }, () => g.uint32()), Array.from({ length: 1200 }, () => mt()), 'from state');
  });

  it('fillNormal and fillUniform reject bad arguments naming the argument and the value', () => {
    const g = rng(1);
    assert.throws(() => g.fillNormal([1, 2] as never), (e: Error) => e instanceof TypeError && /Rng\.fillNormal: out must be a Float64Array \(got/.test(e.message));
    assert.throws(() => g.fillNormal(new Float64Array(2), 0, -1), (e: Error) => e instanceof RangeError && /Rng\.fillNormal.*sigma.*-1/.test(e.message));
    assert.throws(() => g.fillNormal(new Float64Array(2), NaN), (e: Error) => /Rng\.fillNormal.*mu.*NaN/.test(e.message));
    assert.throws(() => g.fillNormal(new Float64Array(2), 0, 1, 3), (e: Error) => e instanceof RangeError && /Rng\.fillNormal.*offset.*3/.test(e.message));
    assert.throws(() => g.fillNormal(new Float64Array(2), 0, 1, 1, 2), (e: Error) => e instanceof RangeError && /Rng\.fillNormal.*count.*2/.test(e.message));
    assert.throws(() => g.fillUniform(new Array(3) as never), (e: Error) => e instanceof TypeError && /Rng\.fillUniform: out must be a Float64Array/.test(e.message));
    assert.throws(() => g.fillUniform(new Float64Array(2), 2, 1), (e: Error) => e instanceof RangeError && /Rng\.fillUniform: b must be > a \(got a=2, b=1\)/.test(e.message));
  });
});
