import { strict as assert } from 'assert';
import { rng } from '../../src/core/rng';
import { linearGaussian } from '../../src/vae/linearGaussian';
import { lgIwaeSpec, toySetting } from '../../src/iwae/linearGaussian';
import { iwaeBound, iwaeDraw, MonteCarloElboSpec } from '../../src/iwae/bound';

/**
 * [PERF-2] iwaeDraw takes lgIwaeSpec's batched path (drawBatch: one fill of K·k normals, a flat K×k buffer). Reference:
 * the generic path — the same spec without drawBatch, i.e. K rounds of sample, logJoint − logQ through vi.logWeights.
 * The draws, log-weights, estimates and the generator's position afterwards must be bitwise the same.
 */
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
    it(`${name}: z, log w and the estimate for K = 1, 2, 7, 5000 (odd K·k leaves a pending Box–Muller value)`, () => {
      const fast = rng(9);
      const ref = rng(9);
      for (const K of [1, 2, 7, 5000]) {
        const a = iwaeDraw(spec, K, fast);
        const r = iwaeDraw(plain(spec), K, ref);
        sameBits(a.logW, r.logW, `logW (K = ${K})`);
        assert.ok(Object.is(a.estimate, r.estimate), `estimate (K = ${K})`);
        assert.equal(a.z.length, K);
        a.z.forEach((z, j) => sameBits(z, r.z[j], `z_${j} (K = ${K})`));
        assert.ok(Array.isArray(a.z[0]) && a.z === a.z, 'z is an ordinary array of arrays, the same one on every read');
        assert.deepEqual(a, r);
      }
      assert.equal(fast.uint32(), ref.uint32(), 'generator position afterwards');
      assert.ok(Object.is(fast.normal(), ref.normal()), 'pending normal afterwards');
    });
  }

  it('iwaeBound (many draws) gives the same value, variance and standard error on both paths', () => {
    const [, spec] = cases[0];
    const a = iwaeBound(spec, 50, 40, rng(4));
    const r = iwaeBound(plain(spec), 50, 40, rng(4));
    assert.deepEqual(a, r);
  });

  it('a NaN log-weight from the batched path is rejected as on the generic path', () => {
    const spec = { ...plain(cases[1][1]), drawBatch: () => ({ logW: [0, NaN], z: () => [[0], [0]] }) };
    assert.throws(() => iwaeDraw(spec, 2, rng(1)), (e: Error) => e instanceof RangeError && /iwaeDraw: log w_2 .* \(got NaN\)/.test(e.message));
  });
});
