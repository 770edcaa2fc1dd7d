import { strict as assert } from 'assert';
import { rng, Rng } from '../../src/core/rng';
import { bivariateGaussianGibbs } from '../../src/sampling/gibbs';
import { randomWalkMetropolis } from '../../src/sampling/mh';

/**
 * [PERF-2] The bivariate Gibbs sampler's systematic scan draws its normals in blocks (rng.fillNormal), and the generator
 * itself was rewritten. Reference: the samplers' previous loops, kept here verbatim (one rng.normal() per half-step; a
 * normal per coordinate and a uniform per rejected-downhill test), run on the same seed; results must be bitwise equal.
 */
function gibbsScalar(rho: number, nSweeps: number, g: Rng, x0: [number, number]) {
  const s = Math.sqrt(1 - rho * rho);
  let [cx, cy] = x0;
  const xs = new Float64Array(nSweeps);
  const ys = new Float64Array(nSweeps);
  const px = new Float64Array(2 * nSweeps + 1);
  const py = new Float64Array(2 * nSweeps + 1);
  px[0] = cx;
  py[0] = cy;
  for (let t = 0; t < nSweeps; t++) {
    for (let h = 0; h < 2; h++) {
      if (h === 0) cx = rho * cy + s * g.normal();
      else cy = rho * cx + s * g.normal();
      px[2 * t + h + 1] = cx;
      py[2 * t + h + 1] = cy;
    }
    xs[t] = cx;
    ys[t] = cy;
  }
  return { x: xs, y: ys, pathX: px, pathY: py };
}

function rwmScalar(logTarget: (x: Float64Array) => number, x0: number[], s: number, nSteps: number, g: Rng) {
  const d = x0.length;
  let cur = Float64Array.from(x0);
  let prop = new Float64Array(d);
  let lcur = logTarget(cur);
  const samples = new Float64Array(nSteps * d);
  const lt = new Float64Array(nSteps);
  let acc = 0;
  for (let t = 0; t < nSteps; t++) {
    for (let j = 0; j < d; j++) prop[j] = cur[j] + s * g.normal();
    const lprop = logTarget(prop);
    if (lprop - lcur >= 0 || Math.log(g.uniform()) < lprop - lcur) {
      [cur, prop] = [prop, cur];
      lcur = lprop;
      acc++;
    }
    samples.set(cur, t * d);
    lt[t] = lcur;
  }
  return { samples, acceptRate: acc / nSteps, logTarget: lt };
}

function sameBits(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  assert.equal(a.length, b.length, `${what}: lengths`);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) assert.fail(`${what}: first difference at ${i}: ${a[i]} vs ${b[i]}`);
}

describe('sampling — fast sampler loops reproduce the scalar loops bit for bit', () => {
  it('bivariateGaussianGibbs, systematic scan: 1, 2047, 2048, 2049 and 10001 sweeps (across the fill blocks), then the generator’s position', () => {
    for (const n of [1, 2047, 2048, 2049, 10001]) {
      const a = rng(100 + n);
      const b = rng(100 + n);
      a.normal(); // an odd position in the word buffer at the start
      b.normal();
      const f = bivariateGaussianGibbs({ rho: 0.9, nSweeps: n, rng: a, x0: [0.5, -1] });
      const r = gibbsScalar(0.9, n, b, [0.5, -1]);
      for (const key of ['x', 'y', 'pathX', 'pathY'] as const) sameBits(f[key], r[key], `${key} (n = ${n})`);
      assert.ok(Object.is(a.normal(), b.normal()), `next normal after n = ${n}`);
      assert.equal(a.uint32(), b.uint32());
    }
  });

  it('randomWalkMetropolis in 1-D and 10-D: samples, log-targets and acceptance rate', () => {
    const lt1 = (x: Float64Array) => -0.5 * x[0] * x[0];
    const lt10 = (x: Float64Array) => {
      let s = 0;
      for (let i = 0; i < 10; i++) s += x[i] * x[i];
      return -0.5 * s;
    };
    for (const [lt, x0, step, n] of [[lt1, [0.2], 2.4, 30001], [lt10, new Array(10).fill(0.1), 0.76, 5001]] as const) {
      const f = randomWalkMetropolis({ logTarget: lt, x0: [...x0], stepSize: step, nSteps: n, rng: rng(77) });
      const r = rwmScalar(lt, [...x0], step, n, rng(77));
      sameBits(f.samples, r.samples, `samples (d = ${x0.length})`);
      sameBits(f.logTarget, r.logTarget, `logTarget (d = ${x0.length})`);
      assert.equal(f.acceptRate, r.acceptRate);
    }
  });
});
