import { strict as assert } from 'assert';
import { rng, Rng } from '../../src/core';
import { assertThrowsWith } from './close';

/** Upper 0.1% points of χ² (NIST/SEMATECH e-Handbook of Statistical Methods, table 1.3.6.7.4). */
const CHI2_999: Record<number, number> = { 3: 16.266, 5: 20.515, 9: 27.877 };

/** Pearson's χ² statistic of observed counts against expected probabilities. */
function chiSquare(counts: number[], probs: number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  return counts.reduce((s, c, i) => s + (c - n * probs[i]) ** 2 / (n * probs[i]), 0);
}

/** Sample mean and unbiased variance with their standard errors (SE of s² from the sample fourth central moment). */
function moments(xs: ArrayLike<number>): { mean: number; variance: number; seMean: number; seVariance: number } {
  const n = xs.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += xs[i];
  m /= n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - m;
    m2 += d * d;
    m4 += d ** 4;
  }
  const variance = m2 / (n - 1);
  m4 /= n;
  return { mean: m, variance, seMean: Math.sqrt(variance / n), seVariance: Math.sqrt((m4 - variance ** 2) / n) };
}

/** |value − expected| < k·se, with a readable message. */
function within(value: number, expected: number, se: number, what: string, k = 4): void {
  assert.ok(Math.abs(value - expected) < k * se, `${what}: ${value}, want ${expected} ± ${k * se}`);
}


describe('core/rng', () => {
  it('reproduces the MT19937 reference outputs (Matsumoto & Nishimura, mt19937ar.out)', () => {
    // init_genrand(5489): first outputs 3499211612, 581869302 (the C++ std::mt19937 default-seed values).
    const a = rng(5489);
    assert.equal(a.uint32(), 3499211612);
    assert.equal(a.uint32(), 581869302);
    // init_by_array({0x123, 0x234, 0x345, 0x456}): first output 1067595299 (mt19937ar.out, first line).
    assert.equal(rng([0x123, 0x234, 0x345, 0x456]).uint32(), 1067595299);
  });

  it('same seed gives the same numbers; clone continues identically', () => {
    const a = rng('lecture-3');
    const b = rng('lecture-3');
    assert.deepEqual(Array.from(a.normals(5)), Array.from(b.normals(5)));
    a.normal(); // an odd number of normals: clone from the middle of the stream
    const c = a.clone();
    assert.deepEqual(Array.from(a.normals(3)), Array.from(c.normals(3)));
  });

  it('standard normal draws have mean 0 and variance 1 within 4 standard errors', () => {
    const n = 200000;
    const xs = rng(7).normals(n);
    let m = 0;
    for (const x of xs) m += x;
    m /= n;
    let v = 0;
    for (const x of xs) v += (x - m) ** 2;
    v /= n - 1;
    assert.ok(Math.abs(m) < 4 / Math.sqrt(n), `mean ${m}`);
    // Var of the sample variance of N(0,1) is 2/(n−1).
    assert.ok(Math.abs(v - 1) < 4 * Math.sqrt(2 / (n - 1)), `variance ${v}`);
  });

  it('rejects bad arguments with errors naming the argument and value', () => {
    assert.throws(() => rng(-1), /seed must be a non-negative safe integer.*-1/);
    assert.throws(() => rng(1).normal(0, 0), /Rng.normal: sigma must be > 0 \(got 0\)/);
    assert.throws(() => rng(1).categorical([0.5, 0.6]), /p must sum to 1/);
    assert.throws(() => rng(1).bernoulli(NaN), /p must be a finite number \(got NaN\)/);
    assert.throws(() => rng(1).integer(0), /n must be an integer in \[1, 4294967296\] \(got 0\)/);
  });

  describe('uniform and integer draws', () => {
    it('uniform(a, b) stays in [a, b) with mean (a+b)/2 and variance (b−a)²/12 within 4 SE', () => {
      const xs = rng(101).uniforms(100000, -2, 3);
      for (const x of xs) assert.ok(x >= -2 && x < 3, `draw ${x}`);
      const m = moments(xs);
      within(m.mean, 0.5, m.seMean, 'mean');
      within(m.variance, 25 / 12, m.seVariance, 'variance');
    });

    it('integer(10) is uniform: χ² over 10 cells below the 0.1% point (df 9)', () => {
      const r = rng(202);
      const counts = new Array(10).fill(0);
      for (let i = 0; i < 100000; i++) counts[r.integer(10)]++;
      const chi2 = chiSquare(counts, new Array(10).fill(0.1));
      assert.ok(chi2 < CHI2_999[9], `χ² = ${chi2}`);
    });

    it('integer(n) has no modulo bias for n = 3·2³⁰ (a plain uint32 % n would put half the draws below 2³⁰, not a third)', () => {
      const r = rng(303);
      const n = 3 * 2 ** 30;
      const N = 30000;
      let low = 0;
      for (let i = 0; i < N; i++) {
        const k = r.integer(n);
        assert.ok(Number.isInteger(k) && k >= 0 && k < n);
        if (k < 2 ** 30) low++;
      }
      within(low / N, 1 / 3, Math.sqrt((1 / 3) * (2 / 3) / N), 'fraction below 2^30');
    });

    it('bernoulli(p) has mean p; bernoulli(0) and bernoulli(1) are constant', () => {
      const r = rng(404);
      const N = 50000;
      let s = 0;
      for (let i = 0; i < N; i++) s += r.bernoulli(0.3);
      within(s / N, 0.3, Math.sqrt(0.21 / N), 'mean');
      for (let i = 0; i < 100; i++) {
        assert.equal(r.bernoulli(0), 0);
        assert.equal(r.bernoulli(1), 1);
      }
    });
  });

  describe('categorical draws', () => {
    it('categorical(p) frequencies: χ² below the 0.1% point (df 3); zero-probability cells never drawn', () => {
      const r = rng(505);
      const p = [0.1, 0.2, 0.3, 0.4];
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < 50000; i++) counts[r.categorical(p)]++;
      assert.ok(chiSquare(counts, p) < CHI2_999[3], `counts ${counts}`);
      for (let i = 0; i < 1000; i++) assert.equal(r.categorical([0, 1, 0]), 1);
    });

    it('categoricalFromLogits: probabilities ∝ exp(logit), at any scale, with −∞ as a zero weight', () => {
      const N = 40000;
      for (const [shift, seed] of [
        [0, 606],
        [1000, 607],
        [-1000, 608],
      ]) {
        const r = rng(seed);
        const counts = [0, 0, 0];
        for (let i = 0; i < N; i++) counts[r.categoricalFromLogits([shift, shift + Math.log(3), -Infinity])]++;
        assert.equal(counts[2], 0, 'a −∞ logit is never drawn');
        within(counts[1] / N, 0.75, Math.sqrt((0.75 * 0.25) / N), `P(1) at shift ${shift}`);
      }
    });
  });

  describe('continuous distributions', () => {
    it('exponential(λ): mean 1/λ and variance 1/λ² within 4 SE, all draws ≥ 0', () => {
      const r = rng(707);
      const xs = Float64Array.from({ length: 100000 }, () => r.exponential(2.5));
      for (const x of xs) assert.ok(x >= 0 && Number.isFinite(x));
      const m = moments(xs);
      within(m.mean, 0.4, m.seMean, 'mean');
      within(m.variance, 0.16, m.seVariance, 'variance');
    });

    it('normal(μ, σ): mean μ and variance σ² within 4 SE', () => {
      const m = moments(rng(708).normals(100000, -3, 0.5));
      within(m.mean, -3, m.seMean, 'mean');
      within(m.variance, 0.25, m.seVariance, 'variance');
    });

    for (const [k, theta, seed] of [
      [0.3, 2, 801],
      [1, 1, 802],
      [4.5, 0.5, 803],
    ]) {
      it(`gamma(shape ${k}, scale ${theta}): mean kθ and variance kθ² within 4 SE`, () => {
        const r = rng(seed);
        const xs = Float64Array.from({ length: 100000 }, () => r.gamma(k, theta));
        for (const x of xs) assert.ok(x > 0 && Number.isFinite(x), `draw ${x}`);
        const m = moments(xs);
        within(m.mean, k * theta, m.seMean, 'mean');
        within(m.variance, k * theta * theta, m.seVariance, 'variance');
      });
    }

    it('beta(2, 5): mean a/(a+b) = 2/7 and variance ab/((a+b)²(a+b+1)) = 10/392 within 4 SE, draws in (0, 1)', () => {
      const r = rng(901);
      const xs = Float64Array.from({ length: 100000 }, () => r.beta(2, 5));
      for (const x of xs) assert.ok(x > 0 && x < 1);
      const m = moments(xs);
      within(m.mean, 2 / 7, m.seMean, 'mean');
      within(m.variance, 10 / 392, m.seVariance, 'variance');
    });

    it('dirichlet(1, 2, 3): draws on the simplex; E[xᵢ] = αᵢ/α₀ and Var[xᵢ] = αᵢ(α₀−αᵢ)/(α₀²(α₀+1)) within 4 SE', () => {
      const r = rng(902);
      const alpha = [1, 2, 3];
      const a0 = 6;
      const draws = Array.from({ length: 50000 }, () => r.dirichlet(alpha));
      for (const d of draws) {
        assert.ok(Math.abs(d[0] + d[1] + d[2] - 1) < 1e-12);
        for (const x of d) assert.ok(x >= 0 && x <= 1);
      }
      alpha.forEach((a, i) => {
        const m = moments(draws.map((d) => d[i]));
        within(m.mean, a / a0, m.seMean, `mean[${i}]`);
        within(m.variance, (a * (a0 - a)) / (a0 * a0 * (a0 + 1)), m.seVariance, `variance[${i}]`);
      });
    });
  });

  describe('permutations', () => {
    it('permutation(n) is a permutation of 0…n−1 (n = 0…40); shuffle keeps the items', () => {
      const r = rng(1001);
      for (let n = 0; n <= 40; n++) {
        const p = r.permutation(n);
        assert.deepEqual([...p].sort((a, b) => a - b), Array.from({ length: n }, (_, i) => i));
      }
      const items = ['a', 'b', 'c', 'd', 'e'];
      const s = r.shuffle(items);
      assert.deepEqual([...s].sort(), items);
      assert.deepEqual(items, ['a', 'b', 'c', 'd', 'e'], 'input untouched');
    });

    it('all 3! orders of permutation(3) are equally likely: χ² below the 0.1% point (df 5)', () => {
      const r = rng(1002);
      const counts = new Map<string, number>();
      for (let i = 0; i < 30000; i++) {
        const key = r.permutation(3).join('');
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      assert.equal(counts.size, 6);
      assert.ok(chiSquare([...counts.values()], new Array(6).fill(1 / 6)) < CHI2_999[5], `counts ${[...counts]}`);
    });
  });

  describe('seeding and streams', () => {
    it('string, array, zero and large seeds are reproducible and distinct', () => {
      const seeds = ['lecture-3', 'lecture-4', '', [1, 2, 3], 0, 1, 2 ** 32, 2 ** 40 + 5];
      const firsts = seeds.map((s) => rng(s).uint32());
      seeds.forEach((s, i) => assert.equal(rng(s).uint32(), firsts[i], `seed ${String(s)}`));
      assert.equal(new Set(firsts).size, seeds.length, `first draws ${firsts}`);
      assert.equal(rng('abc').seed, 'abc');
      assert.equal(String(rng('abc')), 'Rng(MT19937, seed "abc")');
    });

    it('fork(): deterministic given the parent’s seed and position, different from the parent, and it advances the parent', () => {
      const a = rng(77);
      const b = rng(77);
      const fa = a.fork();
      const fb = b.fork();
      assert.deepEqual(Array.from(fa.uniforms(5)), Array.from(fb.uniforms(5)));
      const untouched = rng(77);
      const parentNext = a.uint32();
      assert.notEqual(parentNext, untouched.uint32(), 'fork advanced the parent');
      assert.notDeepEqual(Array.from(rng(77).fork().uniforms(5)), Array.from(rng(77).uniforms(5)));
    });

    it('split(n): n distinct, reproducible streams whose draws are uncorrelated (|r| < 4/√N)', () => {
      const N = 20000;
      const streams = rng(88).split(4);
      const again = rng(88).split(4);
      assert.equal(streams.length, 4);
      const draws = streams.map((s) => s.uniforms(N));
      draws.forEach((d, i) => assert.deepEqual(Array.from(d.slice(0, 3)), Array.from(again[i].uniforms(3))));
      for (let i = 0; i < 4; i++) {
        for (let j = i + 1; j < 4; j++) {
          let sxy = 0;
          for (let t = 0; t < N; t++) sxy += (draws[i][t] - 0.5) * (draws[j][t] - 0.5);
          const corr = sxy / N / (1 / 12);
          assert.ok(Math.abs(corr) < 4 / Math.sqrt(N), `corr(stream ${i}, stream ${j}) = ${corr}`);
          assert.notEqual(draws[i][0], draws[j][0]);
        }
      }
    });

    it('tfSeed() is a uint32 integer, reproducible from the seed', () => {
      const a = rng('tf');
      const s1 = a.tfSeed();
      const s2 = a.tfSeed();
      for (const s of [s1, s2]) assert.ok(Number.isInteger(s) && s >= 0 && s < 2 ** 32, `seed ${s}`);
      assert.notEqual(s1, s2);
      assert.equal(rng('tf').tfSeed(), s1);
    });

    it('clone() of a fresh generator replays it; the copy is independent of later draws of the original', () => {
      const a = rng(55);
      const c = a.clone();
      const xs = Array.from(a.uniforms(4));
      assert.deepEqual(Array.from(c.uniforms(4)), xs);
      assert.ok(c instanceof Rng);
    });
  });

  describe('argument errors', () => {
    it('seeds: missing (TypeError), wrong kind (TypeError), non-integer or out-of-range (RangeError)', () => {
      assertThrowsWith(() => rng(undefined as unknown as number), TypeError, 'rng: a seed is required', '(got undefined)');
      assertThrowsWith(() => rng(null as unknown as number), TypeError, '(got null)');
      assertThrowsWith(() => rng(true as unknown as number), TypeError, 'rng: seed must be a number, a string or an array of uint32 words (got true)');
      assertThrowsWith(() => rng(1.5), RangeError, 'rng: seed must be a non-negative safe integer', '(got 1.5)');
      assertThrowsWith(() => rng(2 ** 53), RangeError, '(got 9007199254740992)');
      assertThrowsWith(() => rng([]), RangeError, 'rng: a seed array must be non-empty uint32 words (got [])');
      assertThrowsWith(() => rng([2 ** 32]), RangeError, '(got [4294967296])');
    });

    it('distribution parameters name the method, the argument and the value', () => {
      const r = rng(1);
      assertThrowsWith(() => r.uniform(1, 1), RangeError, 'Rng.uniform: b must be > a (got a=1, b=1)');
      assertThrowsWith(() => r.uniform(NaN, 1), RangeError, 'Rng.uniform: a must be a finite number (got NaN)');
      assertThrowsWith(() => r.uniforms(-1), RangeError, 'Rng.uniforms: n must be an integer >= 0 (got -1)');
      assertThrowsWith(() => r.normals(2.5), RangeError, 'Rng.normals: n must be an integer (got 2.5)');
      assertThrowsWith(() => r.normal(Infinity, 1), RangeError, 'Rng.normal: mu must be a finite number (got Infinity)');
      assertThrowsWith(() => r.integer(2 ** 32 + 1), RangeError, 'Rng.integer: n must be an integer in [1, 4294967296] (got 4294967297)');
      assertThrowsWith(() => r.exponential(0), RangeError, 'Rng.exponential: rate must be > 0 (got 0)');
      assertThrowsWith(() => r.gamma(-1), RangeError, 'Rng.gamma: shape must be > 0 (got -1)');
      assertThrowsWith(() => r.gamma(1, 0), RangeError, 'Rng.gamma: scale must be > 0 (got 0)');
      assertThrowsWith(() => r.beta(1, 0), RangeError, 'Rng.beta: b must be > 0 (got 0)');
      assertThrowsWith(() => r.dirichlet([1, 0]), RangeError, 'Rng.dirichlet: alpha[1] must be > 0 (got 0)');
      assertThrowsWith(() => r.dirichlet([]), RangeError, 'Rng.dirichlet: alpha must not be empty');
      assertThrowsWith(() => r.categorical([1.5, -0.5]), RangeError, 'Rng.categorical: p[0] must be a probability in [0, 1] (got 1.5)');
      assertThrowsWith(() => r.categoricalFromLogits([-Infinity, -Infinity]), RangeError, 'Rng.categoricalFromLogits: logWeights must have at least one entry > -Infinity');
      assertThrowsWith(() => r.categoricalFromLogits([0, NaN]), RangeError, 'Rng.categoricalFromLogits: logWeights[1] must be a number < +Infinity (got NaN)');
      assertThrowsWith(() => r.permutation(-1), RangeError, 'Rng.permutation: n must be an integer >= 0 (got -1)');
      assertThrowsWith(() => r.split(0), RangeError, 'Rng.split: n must be an integer >= 1 (got 0)');
    });
  });
});
