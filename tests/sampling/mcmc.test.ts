import { strict as assert } from 'assert';
import * as s from '../../src/sampling';
import { rng } from '../../src/core/rng';
import { normalQuantile } from '../../src/core/special';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);
const closeVec = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number, msg = '') => {
  assert.equal(a.length, b.length, `${msg} length`);
  for (let i = 0; i < a.length; i++) close(a[i], b[i], tol, `${msg}[${i}]`);
};
const mean = (x: ArrayLike<number>) => Array.from(x).reduce((a, b) => a + b, 0) / x.length;
const stdNormal = (x: Float64Array) => -0.5 * x[0] * x[0];

describe('sampling/mh — exact kernels on finite spaces (extension; Metropolis 1953, Hastings 1970)', () => {
  it('002 D5: MH kernel for π = (5/16, 1/2, 3/16), uniform proposal over the other states: T = [[1/5,1/2,3/10],[5/16,1/2,3/16],[1/2,1/2,0]] exactly (fractions)', () => {
    const Q = [[0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0]];
    const ex = s.mhKernelMatrixExact(['5/16', '1/2', '3/16'], Q);
    assert.deepEqual(ex.fractions, [['1/5', '1/2', '3/10'], ['5/16', '1/2', '3/16'], ['1/2', '1/2', '0']]);
    // πT = π and detailed balance, exactly in rational arithmetic
    assert.deepEqual(s.stationaryDistributionExact(ex.fractions).fractions, ['5/16', '1/2', '3/16']);
    const num = s.mhKernelMatrix([5 / 16, 1 / 2, 3 / 16], Q);
    for (let i = 0; i < 3; i++) closeVec(num[i], ex.values[i], 1e-15);
    assert.ok(s.detailedBalanceResidual([5 / 16, 1 / 2, 3 / 16], num) < 1e-16);
  });

  it('MH on a finite space has the target as its stationary distribution exactly (random targets and proposals, fractions)', () => {
    const g = rng(77);
    for (let trial = 0; trial < 5; trial++) {
      const n = 4;
      const w = Array.from({ length: n }, () => 1 + g.integer(9));
      const tot = w.reduce((a, b) => a + b, 0);
      const pi = w.map((v) => `${v}/${tot}`);
      const Q = Array.from({ length: n }, () => {
        const r = Array.from({ length: n }, () => 1 + g.integer(5));
        const t = r.reduce((a, b) => a + b, 0);
        return r.map((v) => `${v}/${t}`);
      });
      const ex = s.mhKernelMatrixExact(pi, Q);
      const stat = s.stationaryDistributionExact(ex.fractions).values;
      closeVec(stat, w.map((v) => v / tot), 1e-15, `trial ${trial}`);
      assert.ok(s.detailedBalanceResidual(w.map((v) => v / tot), ex.values) < 1e-15);
    }
  });

  it('the Example 4.4.1 chain is not an MH kernel for its own π (MH kernels are reversible, P is not)', () => {
    const P = [[0.5, 0.3, 0.2], [0.2, 0.7, 0.1], [0.3, 0.3, 0.4]];
    const T = s.mhKernelMatrix([0.3125, 0.5, 0.1875], P);
    assert.ok(s.detailedBalanceResidual([0.3125, 0.5, 0.1875], T) < 1e-16);
    assert.equal(s.isReversible(P), false);
  });
});

describe('sampling/mh — random-walk Metropolis on N(0,1) (002 D17, extension)', () => {
  it('002 D17: acceptance (2/π) arctan(2/s): 0.844042, 0.704833, 0.442284, 0.242238 at s = 0.5, 1, 2.4, 5 (closed form)', () => {
    close(s.rwmAcceptanceGaussian(0.5), 0.844042, 1e-6);
    close(s.rwmAcceptanceGaussian(1), 0.704833, 1e-6);
    close(s.rwmAcceptanceGaussian(2.4), 0.442284, 1e-6);
    close(s.rwmAcceptanceGaussian(5), 0.242238, 1e-6);
  });

  it('002 D17: simulated acceptance matches the closed form within 4 SE (τ-inflated), chains started in stationarity (seed 17)', () => {
    for (const step of [1, 2.4, 5]) {
      const n = 100000;
      const r = s.randomWalkMetropolis({ logTarget: stdNormal, x0: [0.3], stepSize: step, nSteps: n, rng: rng(17) });
      const p = s.rwmAcceptanceGaussian(step);
      close(r.acceptRate, p, 4 * Math.sqrt((3 * p * (1 - p)) / n), `s=${step}`);
    }
  });

  it('RWM moments and quantiles of N(0,1) within a few SE (ESS-based SE; seed 5)', () => {
    const r = s.randomWalkMetropolis({ logTarget: stdNormal, x0: [0], stepSize: 2.4, nSteps: 200000, rng: rng(5) });
    const x = s.coordinate(r, 0);
    const ess = s.effectiveSampleSize(x);
    close(mean(x), 0, 4 / Math.sqrt(ess), 'mean');
    close(mean(x.map((v) => v * v)), 1, 4 * Math.sqrt(2 / ess), 'second moment');
    const sorted = Float64Array.from(x).sort();
    for (const q of [0.1, 0.5, 0.9]) {
      const zq = normalQuantile(q);
      const phi = Math.exp(-0.5 * zq * zq) / Math.sqrt(2 * Math.PI);
      const se = Math.sqrt((q * (1 - q)) / ess) / phi;
      close(sorted[Math.floor(q * sorted.length)], zq, 4 * se, `quantile ${q}`);
    }
  });

  it('10-D RWM on N(0, I): every coordinate mean within 4 SE', () => {
    const d = 10;
    const lt = (x: Float64Array) => {
      let q = 0;
      for (let j = 0; j < d; j++) q += x[j] * x[j];
      return -0.5 * q;
    };
    const r = s.randomWalkMetropolis({ logTarget: lt, x0: new Array(d).fill(0), stepSize: 2.38 / Math.sqrt(d), nSteps: 100000, rng: rng(10) });
    for (let j = 0; j < d; j++) {
      const x = s.coordinate(r, j);
      close(mean(x), 0, 4 / Math.sqrt(s.effectiveSampleSize(x)), `coord ${j}`);
    }
    assert.ok(r.acceptRate > 0.15 && r.acceptRate < 0.4, `accept ${r.acceptRate}`);
  });

  it('general MH with an asymmetric proposal and the independence sampler target N(1, 0.5²) (4 SE)', () => {
    const lt = (x: Float64Array) => -0.5 * ((x[0] - 1) / 0.5) ** 2;
    // asymmetric: z' = z + 0.3 + 0.8ε (drift), corrected by the Hastings ratio
    const prop: s.MhProposal = {
      sample: (from, g, out) => {
        out[0] = from[0] + 0.3 + 0.8 * g.normal();
      },
      logDensity: (to, from) => -0.5 * ((to[0] - from[0] - 0.3) / 0.8) ** 2,
    };
    const r = s.metropolisHastings({ logTarget: lt, proposal: prop, x0: [1], nSteps: 100000, rng: rng(8) });
    const x = s.coordinate(r, 0);
    close(mean(x), 1, (4 * 0.5) / Math.sqrt(s.effectiveSampleSize(x)), 'MH mean');
    const ri = s.independenceSampler({ logTarget: lt, proposal: s.gaussianIndependenceProposal([0.5], 1.5), x0: [1], nSteps: 100000, rng: rng(9) });
    const xi = s.coordinate(ri, 0);
    close(mean(xi), 1, (4 * 0.5) / Math.sqrt(s.effectiveSampleSize(xi)), 'IMH mean');
    close(Math.sqrt(mean(xi.map((v) => (v - 1) ** 2))), 0.5, 0.02, 'IMH sd');
  });

  it('without the Hastings correction the drifting proposal is biased (the test can fail)', () => {
    const lt = (x: Float64Array) => -0.5 * ((x[0] - 1) / 0.5) ** 2;
    const wrong: s.MhProposal = { sample: (from, g, out) => { out[0] = from[0] + 0.3 + 0.8 * g.normal(); }, logDensity: () => 0 };
    const x = s.coordinate(s.metropolisHastings({ logTarget: lt, proposal: wrong, x0: [1], nSteps: 50000, rng: rng(8) }), 0);
    assert.ok(Math.abs(mean(x) - 1) > 0.05, `mean ${mean(x)}`);
  });
});

describe('sampling/mh — Metropolis bit-flip sampler (000 Eq. 3.19, O-34)', () => {
  // 000 O-29 Boltzmann machine: n = 3, w12 = 1, w13 = −1, w23 = 0.5, b = (0.1, −0.2, 0.3), κT = 1
  const E = (x: ArrayLike<number>) => -(1 * x[0] * x[1] - 1 * x[0] * x[2] + 0.5 * x[1] * x[2]) - (0.1 * x[0] - 0.2 * x[1] + 0.3 * x[2]);
  const energies = Array.from({ length: 8 }, (_, k) => E(s.indexToBits(k, 3)));
  const table = [0.0899439, 0.1214115, 0.0736398, 0.1638884, 0.0994033, 0.0493622, 0.2212262, 0.1811247];

  it('000 O-29: the exact Boltzmann table by enumeration (E(1,0,1) = 0.6; Z = 11.118046733841595)', () => {
    close(E([1, 0, 1]), 0.6, 1e-15);
    closeVec(s.boltzmannDistribution(energies, 1), table, 5e-8);
    close(energies.reduce((a, e) => a + Math.exp(-e), 0), 11.118046733841595, 1e-12);
  });

  it('000 O-34: Metropolis with a uniform test, single-bit flips, κT = 1, 200k steps (1k burn-in): frequencies within ±0.01 of O-29 (seed 34)', () => {
    const r = s.bitFlipSampler({ energy: E, n: 3, kT: 1, nSteps: 200000, burnIn: 1000, rng: rng(34) });
    closeVec(r.frequencies, table, 0.01);
    assert.ok(s.tvDistance(r.frequencies, table) < 0.01);
  });

  it('AUDIT-NOTES / 000-E43: the fixed-threshold rule (0.5) is not a sampler — it never visits (1,0,1)', () => {
    const r = s.bitFlipSampler({ energy: E, n: 3, kT: 1, nSteps: 50000, rng: rng(1), rule: 'threshold', threshold: 0.5 });
    assert.equal(r.frequencies[0b101], 0);
    assert.ok(s.tvDistance(r.frequencies, table) > 0.05);
  });
});

describe('sampling/gibbs — discrete kernels (002 App. C Example C.1.1; 003 L268–331)', () => {
  it('002 D6: joint [[0.3,0.2],[0.1,0.4]] → x-kernel [[7/12,5/12],[5/12,7/12]], stationary p(x) = (1/2,1/2) (closed form Σ_y p(y|x)p(x′|y))', () => {
    const k = s.gibbsKernelDiscrete([[0.3, 0.2], [0.1, 0.4]]);
    closeVec(k.xKernel[0], [7 / 12, 5 / 12], 1e-15);
    closeVec(k.xKernel[1], [5 / 12, 7 / 12], 1e-15);
    closeVec(s.stationaryDistribution(k.xKernel), [0.5, 0.5], 1e-15);
    closeVec(s.stationaryDistribution(k.yKernel), k.py, 1e-15);
    assert.ok(s.detailedBalanceResidual(k.px, k.xKernel) < 1e-16);
    const pair = s.gibbsPairKernel([[0.3, 0.2], [0.1, 0.4]]);
    closeVec(s.stationaryDistribution(pair), [0.3, 0.2, 0.1, 0.4], 1e-15);
  });

  // 003 §4.3 tiny RBM: W (hidden × visible), b visible, c hidden; x = (v1, v2, v3, h1, h2)
  const W = [[0.5, -0.3, 0.2], [0.1, 0.4, -0.6]];
  const b = [0.1, -0.2, 0.05];
  const c = [-0.1, 0.2];
  const negE = (x: number[]) => {
    const v = x.slice(0, 3);
    const h = x.slice(3);
    let e = 0;
    for (let j = 0; j < 2; j++) for (let i = 0; i < 3; i++) e += h[j] * W[j][i] * v[i];
    return e + b.reduce((a, bi, i) => a + bi * v[i], 0) + c.reduce((a, cj, j) => a + cj * h[j], 0);
  };

  it('003 §4.3: random-scan Gibbs on the tiny RBM (32 states, q = 1/5): rows sum to 1, πP = π, detailed balance, p_xx(00000) = 0.4975005', () => {
    const K = s.randomScanGibbsKernel(negE, 5);
    const pi = s.binaryDistribution(negE, 5);
    for (const row of K) close(row.reduce((a, v) => a + v, 0), 1, 1e-15);
    assert.ok(s.stationarityResidual(pi, K) < 1e-15);
    assert.ok(s.detailedBalanceResidual(pi, K) < 1e-16);
    close(K[0][0], 0.4975005, 5e-8);
    // log Z = 3.625502369540723 (003 §4.3): from the enumeration behind binaryDistribution
    const Z = Array.from({ length: 32 }, (_, k) => Math.exp(negE(s.indexToBits(k, 5)))).reduce((a, v) => a + v, 0);
    close(Math.log(Z), 3.625502369540723, 1e-12);
  });

  it('003-E32: the literal rule (single term for x = y) gives rows that do not sum to 1', () => {
    const K = s.randomScanGibbsKernel(negE, 5, { form: 'source' });
    const sums = K.map((r) => r.reduce((a, v) => a + v, 0));
    assert.ok(Math.min(...sums) < 0.9, `min row sum ${Math.min(...sums)}`);
  });

  it('003 §4.3: one block-Gibbs step from v = [1,0,1]: T(v → ·) = [0.109189, 0.104201, 0.092017, 0.081759, 0.174113, 0.167408, 0.143103, 0.128210]; reversible w.r.t. p(v)', () => {
    // joint p(v, h) as an 8 × 4 table (rows v, columns h)
    const joint = Array.from({ length: 8 }, (_, vi) => Array.from({ length: 4 }, (_, hi) => Math.exp(negE([...s.indexToBits(vi, 3), ...s.indexToBits(hi, 2)]))));
    const Z = joint.flat().reduce((a, v) => a + v, 0);
    const J = joint.map((r) => r.map((v) => v / Z));
    const k = s.gibbsKernelDiscrete(J);
    closeVec(k.xKernel[0b101], [0.109189, 0.104201, 0.092017, 0.081759, 0.174113, 0.167408, 0.143103, 0.128210], 5e-7);
    closeVec(k.px, [0.11270665, 0.09846142, 0.10279699, 0.08339088, 0.17236657, 0.15203277, 0.15290788, 0.12533684], 5e-9);
    assert.ok(s.stationarityResidual(k.px, k.xKernel) < 1e-15);
    assert.ok(s.detailedBalanceResidual(k.px, k.xKernel) < 1e-16);
  });

  it('gibbsBinary (random and systematic scan) samples the tiny RBM joint: TV to the exact 32-state distribution < 0.02 (seed 6)', () => {
    const pi = s.binaryDistribution(negE, 5);
    for (const scan of ['random', 'systematic'] as const) {
      const r = s.gibbsBinary({ logProb: negE, d: 5, nSteps: 200000, rng: rng(6), scan });
      assert.ok(s.tvDistance(r.frequencies, pi) < 0.02, `${scan}: TV ${s.tvDistance(r.frequencies, pi)}`);
    }
    // a wrong conditional (sign flipped) is detected (the test can fail)
    const bad = s.gibbsBinary({ logProb: (x) => -negE(x), d: 5, nSteps: 50000, rng: rng(6) });
    assert.ok(s.tvDistance(bad.frequencies, pi) > 0.1);
  });

  it('systematic scan is stationary for p but not reversible in general; single-site kernels are', () => {
    const pi = s.binaryDistribution(negE, 5);
    const Ks = s.systematicScanGibbsKernel(negE, 5);
    assert.ok(s.stationarityResidual(pi, Ks) < 1e-15);
    assert.ok(s.detailedBalanceResidual(pi, Ks) > 1e-4);
    assert.ok(s.detailedBalanceResidual(pi, s.siteKernel(negE, 5, 2)) < 1e-16);
  });
});

describe('sampling/gibbs — bivariate Gaussian (002 D18, extension)', () => {
  it('002 D18: systematic-scan Gibbs, ρ = 0.9: lag-1 autocorrelation of x is ρ² = 0.81 (4 SE, Bartlett), moments of N(0, Σ) (seed 18)', () => {
    const n = 200000;
    const r = s.bivariateGaussianGibbs({ rho: 0.9, nSweeps: n, rng: rng(18) });
    const acf = s.autocorrelation(r.x, 2);
    // for AR(1) with φ, Var(ρ̂₁) ≈ (1 − φ²)/n
    close(acf[1], 0.81, 4 * Math.sqrt((1 - 0.81 ** 2) / n));
    close(acf[2], 0.81 ** 2, 0.01);
    const ess = s.effectiveSampleSize(r.x);
    close(mean(r.x), 0, 4 / Math.sqrt(ess));
    close(mean(Array.from(r.x, (v, i) => v * r.y[i])), 0.9, 0.02);
    assert.equal(r.pathX.length, 2 * n + 1);
    // the zig-zag moves one coordinate at a time
    for (let t = 1; t < 20; t++) assert.ok(r.pathX[t] === r.pathX[t - 1] || r.pathY[t] === r.pathY[t - 1]);
  });

  it('integrated autocorrelation time of the x-chain is (1+ρ²)/(1−ρ²) = 9.526 (AR(1) closed form) within 10 %', () => {
    const r = s.bivariateGaussianGibbs({ rho: 0.9, nSweeps: 200000, rng: rng(19) });
    const tau = s.integratedAutocorrTime(r.x);
    close(tau, 1.81 / 0.19, 0.1 * (1.81 / 0.19));
  });

  it('random scan and the generic sampler give the right covariance', () => {
    const rho = 0.5;
    const sd = Math.sqrt(1 - rho * rho);
    const g = s.gibbs({
      conditionals: [(x, r) => rho * x[1] + sd * r.normal(), (x, r) => rho * x[0] + sd * r.normal()],
      x0: [0, 0],
      nSweeps: 100000,
      rng: rng(3),
      scan: 'random',
    });
    const x = s.coordinate(g, 0);
    const y = s.coordinate(g, 1);
    close(mean(Array.from(x, (v, i) => v * y[i])), rho, 0.02);
    const rs = s.bivariateGaussianGibbs({ rho, nSweeps: 100000, rng: rng(4), scan: 'random' });
    close(mean(Array.from(rs.x, (v, i) => v * rs.y[i])), rho, 0.02);
  });
});

describe('sampling/gibbs — block Gibbs for a 1-D Gaussian mixture (extension, Diebolt & Robert 1994)', () => {
  it('recovers the means and weights of a well-separated two-component mixture (seed 42)', () => {
    const g = rng(42);
    const data = Array.from({ length: 600 }, (_, i) => (i < 200 ? -3 : 2) + g.normal());
    const r = s.gmmBlockGibbs({ data, K: 2, sigma: 1, nSweeps: 300, rng: rng(43) });
    const last = Array.from(r.mu.slice(299 * 2, 300 * 2)).sort((a, b) => a - b);
    close(last[0], -3, 0.3);
    close(last[1], 2, 0.3);
    const wts = Array.from(r.weights.slice(299 * 2, 300 * 2)).sort();
    close(wts[0], 1 / 3, 0.08);
  });
});
