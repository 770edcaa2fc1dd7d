import { strict as assert } from 'assert';
import { rng, Rng } from '../../src/core/rng';
import { bivariateGaussianGibbs } from '../../src/sampling/gibbs';
import { randomWalkMetropolis } from '../../src/sampling/mh';

/**
 * [PERF-2] The bivariate Gibbs sampler's systematic scan and random-walk Metropolis draw their random numbers in blocks
 * (rng.fillNormal, rng.fillUniform). Reference: the same samplers with one scalar rng.normal()/rng.uniform() call per
 * number, in the order the samplers document, run on the same seed; results must be bitwise equal.
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

/**
 * Random-walk Metropolis with the documented use of the generator (src/sampling/mh.ts): blocks of B = ⌊4096/d⌋ steps,
 * each drawing its B·d proposal normals and then B uniforms, one per step — here with one scalar draw at a time.
 */
function rwmScalar(logTarget: (x: Float64Array) => number, x0: number[], s: number, nSteps: number, g: Rng) {
  const d = x0.length;
  let cur = Float64Array.from(x0);
  let prop = new Float64Array(d);
  let lcur = logTarget(cur);
  const samples = new Float64Array(nSteps * d);
  const lt = new Float64Array(nSteps);
  const B = Math.max(1, Math.floor(4096 / d));
  const eps: number[] = [];
  const us: number[] = [];
  let acc = 0;
  for (let t = 0; t < nSteps; t++) {
    if (t % B === 0) {
      const m = Math.min(B, nSteps - t);
      eps.length = 0;
      us.length = 0;
      for (let i = 0; i < m * d; i++) eps.push(g.normal());
      for (let i = 0; i < m; i++) us.push(g.uniform());
    }
    for (let j = 0; j < d; j++) prop[j] = cur[j] + s * eps[(t % B) * d + j];
    const lprop = logTarget(prop);
    if (lprop - lcur >= 0 || Math.log(us[t % B]) < lprop - lcur) {
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
      const ga = rng(77);
      const gb = rng(77);
      const f = randomWalkMetropolis({ logTarget: lt, x0: [...x0], stepSize: step, nSteps: n, rng: ga });
      const r = rwmScalar(lt, [...x0], step, n, gb);
      assert.equal(ga.uint32(), gb.uint32(), `generator position afterwards (d = ${x0.length})`);
      sameBits(f.samples, r.samples, `samples (d = ${x0.length})`);
      sameBits(f.logTarget, r.logTarget, `logTarget (d = ${x0.length})`);
      assert.equal(f.acceptRate, r.acceptRate);
    }
  });
});
