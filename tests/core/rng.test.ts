import { strict as assert } from 'assert';
import { rng } from '../../src/core';

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
    a.normal(); // leaves a spare Box–Muller value
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
});
