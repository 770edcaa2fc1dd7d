import { strict as assert } from 'assert';
import { nativeKernels, rng } from '../../src/core/rng';
import { linearGaussian } from '../../src/vae/linearGaussian';
import { lgIwaeSpec, toySetting } from '../../src/iwae/linearGaussian';
import { iwaeBound, iwaeDraw, MonteCarloElboSpec } from '../../src/iwae/bound';

/**
 * [PERF-2] iwaeDraw takes lgIwaeSpec's batched path (drawBatch: one fill of K·k normals, a flat K×k buffer). Reference:
 * the generic path — the same spec without drawBatch, i.e. K rounds of sample, logJoint − logQ through vi.logWeights.
 * The draws, log-weights and the generator's position afterwards must be bitwise the same; so must the estimates, except
 * from 256 weights on where the native addon sums the exponentials with the C library's exp (src/iwae/bound.ts,
 * batchEstimate): glibc's exp and V8's differ by at most one ulp, so the estimates agree to 1e-14 relative.
 */
const nativeSum = nativeKernels() !== null;
function sameEstimate(a: number, b: number, K: number, what: string): void {
  if (nativeSum && K >= 256) assert.ok(Math.abs(a - b) <= 1e-14 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
  else assert.ok(Object.is(a, b), `${what}: ${a} vs ${b}`);
}
function plain<Z>(spec: MonteCarloElboSpec<Z>): MonteCarloElboSpec<Z> {
  return { sample: spec.sample, logQ: spec.logQ, logJoint: spec.logJoint };
}

function sameBits(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  assert.equal(a.length, b.length, `${what}: lengths`);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) assert.fail(`${what}: first difference at ${i}: ${a[i]} vs ${b[i]}`);
}

describe('iwae — the batched log-weight path equals the generic one', () => {
  const g = rng(31);
  const d = 6;
  const k = 4;
  const W = Array.from({ length: d }, () => Array.from({ length: k }, () => g.normal()));
  const b = Array.from({ length: d }, () => g.normal());
  const model = linearGaussian(W, b, 0.4);
  const x = Array.from({ length: d }, () => 2 * g.normal());
  const A = Array.from({ length: k }, () => Array.from({ length: k }, () => g.normal()));
  const cov = A.map((r, i) => r.map((_, j) => A[i].reduce((s, v, l) => s + v * A[j][l], 0) + (i === j ? 0.3 : 0)));
  const q = { mean: [0.5, -1, 0.2, 0.9], cov };
  const toy = toySetting();
  const cases: Array<[string, ReturnType<typeof lgIwaeSpec>]> = [
    ['d = 6, k = 4, full covariance', lgIwaeSpec(model, x, q)],
    ['the toy setting (d = k = 1)', lgIwaeSpec(toy.model, toy.x, toy.q)],
  ];

  for (const [name, spec] of cases) {
    it(`${name}: z, log w and the estimate for K = 1, 2, 7, 5000 (an odd K·k leaves the generator at an odd word)`, () => {
      const fast = rng(9);
      const ref = rng(9);
      for (const K of [1, 2, 7, 5000]) {
        const a = iwaeDraw(spec, K, fast);
        const r = iwaeDraw(plain(spec), K, ref);
        sameBits(a.logW, r.logW, `logW (K = ${K})`);
        sameEstimate(a.estimate, r.estimate, K, `estimate (K = ${K})`);
        assert.equal(a.z.length, K);
        a.z.forEach((z, j) => sameBits(z, r.z[j], `z_${j} (K = ${K})`));
        assert.ok(Array.isArray(a.z[0]) && a.z === a.z, 'z is an ordinary array of arrays, the same one on every read');
        assert.deepEqual({ ...a, estimate: 0 }, { ...r, estimate: 0 });
      }
      assert.equal(fast.uint32(), ref.uint32(), 'generator position afterwards');
      assert.ok(Object.is(fast.normal(), ref.normal()), 'pending normal afterwards');
    });
  }

  it('iwaeBound (many draws) gives the same value, variance and standard error on both paths', () => {
    const [, spec] = cases[0];
    const a = iwaeBound(spec, 50, 40, rng(4));
    const r = iwaeBound(plain(spec), 50, 40, rng(4));
    assert.deepEqual(a, r); // K = 50: below the native sum's threshold, so bit for bit
    const a2 = iwaeBound(spec, 2000, 5, rng(4));
    const r2 = iwaeBound(plain(spec), 2000, 5, rng(4));
    sameEstimate(a2.value, r2.value, 2000, 'iwaeBound value (K = 2000)');
  });

  it('a NaN log-weight from the batched path is rejected as on the generic path', () => {
    const spec = { ...plain(cases[1][1]), drawBatch: () => ({ logW: [0, NaN], z: () => [[0], [0]] }) };
    assert.throws(() => iwaeDraw(spec, 2, rng(1)), (e: Error) => e instanceof RangeError && /iwaeDraw: log w_2 .* \(got NaN\)/.test(e.message));
  });
});
