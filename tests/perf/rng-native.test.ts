import { strict as assert } from 'assert';
import * as fs from 'fs';
import { rng } from '../../src/core/rng';
import { NATIVE_RNG_PATH, nativeRngStatus, useNativeRng } from '../../src/core/nativeRng';

/**
 * [PERF-2] The generator's block twist and bulk normals run in the native addon native/build/dgmlab_rng.node when it
 * is built. Reference: the JavaScript generator (useNativeRng(false)) on the same seed — the draws must be equal bit
 * for bit, whatever mix of calls consumes the stream. With DGMLAB_FASTPATH=0 (CI runs tests/perf that way too) both
 * sides are JavaScript and the test checks the switch itself.
 */
function draws(seed: number, native: boolean): number[] {
  useNativeRng(native);
  try {
    const g = rng(seed);
    const pick = rng(seed + 1); // chooses the operations and sizes (the same on both sides)
    const out: number[] = [];
    for (let t = 0; t < 400; t++) {
      const op = pick.integer(5);
      if (op === 0) out.push(g.uint32());
      else if (op === 1) out.push(g.normal());
      else if (op === 2) out.push(g.uniform());
      else {
        const n = op === 3 ? pick.integer(40) : 300 + pick.integer(3000);
        const buf = new Float64Array(n + 2);
        g.fillNormal(buf, op === 3 ? 0 : -1.5, op === 3 ? 1 : 0.25, 1, n);
        out.push(...buf);
      }
    }
    out.push(g.uint32());
    return out;
  } finally {
    useNativeRng(process.env.DGMLAB_FASTPATH !== '0');
  }
}

describe('core/rng — the native generator addon gives the JavaScript generator’s numbers', () => {
  it('is used when it is built (unless DGMLAB_FASTPATH=0), after its self-check', () => {
    rng(3).normals(100);
    if (process.env.DGMLAB_FASTPATH === '0') assert.match(nativeRngStatus(), /^off/);
    else if (fs.existsSync(NATIVE_RNG_PATH)) assert.match(nativeRngStatus(), /^on /, nativeRngStatus());
  });

  it('a random mix of uint32, normal, uniform and fillNormal calls (small and large, across many blocks): equal bit for bit', () => {
    for (const seed of [1, 77, 20261205]) {
      const a = draws(seed, true);
      const b = draws(seed, false);
      assert.equal(a.length, b.length);
      for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) assert.fail(`seed ${seed}: draw ${i}: ${a[i]} vs ${b[i]}`);
    }
  });

  it('3·10⁶ normals in one fill: equal bit for bit (about 800 tail draws, a few of them at a block’s end, where the addon restores the state it had twisted)', () => {
    const fill = (native: boolean) => {
      useNativeRng(native);
      try {
        const g = rng(2026);
        const z = g.fillNormal(new Float64Array(3_000_000));
        return { z, next: g.uint32() };
      } finally {
        useNativeRng(process.env.DGMLAB_FASTPATH !== '0');
      }
    };
    const a = fill(true);
    const b = fill(false);
    for (let i = 0; i < a.z.length; i++) if (!Object.is(a.z[i], b.z[i])) assert.fail(`draw ${i}: ${a.z[i]} vs ${b.z[i]}`);
    assert.equal(a.next, b.next);
  });
});
