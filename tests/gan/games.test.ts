import { strict as assert } from 'assert';
import * as gan from '../../src/gan';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);
const closeMat = (A: number[][], B: number[][], tol: number) => A.forEach((r, i) => r.forEach((v, j) => close(v, B[i][j], tol, `[${i}][${j}]`)));

describe('gan/games — the dg game (001 §6) and quadratic games', () => {
  it('001 §6 Step 1: simultaneous GDA on V = dg gives A = [[1, α], [−α, 1]] (source statement)', () => {
    for (const a of [0.01, 0.1, 0.5, 2]) closeMat(gan.dgUpdateMatrix(a), [[1, a], [-a, 1]], 0);
    // one step by hand: d ← d + α ∂(dg)/∂d = d + αg; g ← g − α ∂(dg)/∂g = g − αd
    const [d, g, a] = [0.7, -1.2, 0.3];
    const z1 = gan.iterateGame(gan.dgGame(), a, 'simultaneous', [d, g], 1)[1];
    close(z1[0], d + a * g, 1e-15);
    close(z1[1], g - a * d, 1e-15);
  });

  it('001 §6 Step 2: the stationary point is (0, 0) (source statement; J nonsingular)', () => {
    const s = gan.stationaryPoint(gan.dgGame());
    assert.deepEqual(s.point, [0, 0]);
    assert.equal(s.unique, true);
    assert.deepEqual(gan.gameVectorField(gan.dgGame(), [0, 0]), [0, 0]);
    assert.equal(gan.stationaryPoint(gan.bilinearGame([[1, 2], [2, 4]])).unique, false);
  });

  it('001 §6 Step 3: eigenvalues 1 ± iα, |λ| = √(1+α²) > 1 (source statement; core.eigenvalues vs closed form)', () => {
    for (const a of [0.1, 0.5, 1.3]) {
      const s = gan.spectralAnalysis(gan.dgUpdateMatrix(a));
      const cf = gan.dgEigenvaluesClosedForm(a);
      s.eigenvalues.forEach((z, i) => {
        close(z.re, cf[i].re, 1e-12);
        close(z.im, cf[i].im, 1e-12);
      });
      close(s.spectralRadius, gan.dgEigenvalueModulus(a), 1e-12);
      close(s.spectralRadius, Math.sqrt(1 + a * a), 1e-12);
      assert.equal(s.converges, false);
    }
    // the flagship number: α = 0.1 → 1 ± 0.1i
    const ev = gan.spectralAnalysis(gan.dgUpdateMatrix(0.1)).eigenvalues;
    close(ev[0].re, 1, 1e-14);
    close(ev[0].im, -0.1, 1e-14);
    close(ev[1].im, 0.1, 1e-14);
  });

  it('001 §6 Step 3: ‖(d_k, g_k)‖ = (1+α²)^{k/2}‖(d_0, g_0)‖ — iterated, by matrix powers and in closed form agree', () => {
    const a = 0.1;
    const traj = gan.iterateGame(gan.dgGame(), a, 'simultaneous', [1, 0.5], 200);
    const norms = gan.trajectoryNorms(traj);
    const n0 = Math.hypot(1, 0.5);
    for (const k of [0, 1, 10, 100, 200]) {
      const cf = gan.dgNormAfterSteps(a, k, n0);
      close(norms[k], cf, 1e-10 * cf);
      close(gan.exactNormAfterSteps(gan.dgUpdateMatrix(a), [1, 0.5], k), cf, 1e-10 * cf);
    }
    // slope of log-norm equals log ρ(A)
    close((Math.log(norms[200]) - Math.log(norms[100])) / 100, gan.spectralAnalysis(gan.dgUpdateMatrix(a)).logRate, 1e-12);
  });

  it('extensions: alternating has det 1 and |λ| = 1 for α < 2 (conserved quantity), diverges for α > 2 (independent algebra: trace 2 − α²)', () => {
    const A = gan.dgUpdateMatrix(0.5, 'alternating');
    closeMat(A, [[1, 0.5], [-0.5, 0.75]], 1e-15);
    for (const a of [0.1, 0.9, 1.9]) {
      const s = gan.spectralAnalysis(gan.dgUpdateMatrix(a, 'alternating'));
      s.moduli.forEach((m) => close(m, 1, 1e-9));
    }
    assert.ok(gan.spectralAnalysis(gan.dgUpdateMatrix(2.1, 'alternating')).spectralRadius > 1);
    // bounded cycling: the orbit stays on an ellipse (det A = 1, |λ| = 1)
    const norms = gan.trajectoryNorms(gan.iterateGame(gan.dgGame(), 0.3, 'alternating', [1, 0], 5000));
    assert.ok(Math.max(...norms) < 1.5 && Math.min(...norms) > 0.6);
  });

  it('extensions: extragradient |λ|² = 1 − α² + α⁴, consensus (γ) |λ|² = (1 − αγ)² + α², optimistic roots of λ² − (1−2αμ)λ − αμ (independent closed forms)', () => {
    for (const a of [0.1, 0.5, 0.9]) {
      close(gan.spectralAnalysis(gan.dgUpdateMatrix(a, 'extragradient')).spectralRadius, Math.sqrt(1 - a * a + a ** 4), 1e-10);
      close(gan.spectralAnalysis(gan.dgUpdateMatrix(a, 'consensus', { gamma: 0.5 })).spectralRadius, Math.sqrt((1 - 0.5 * a) ** 2 + a * a), 1e-10);
      // optimistic: eigenvalues μ = ±i of J; λ solves λ² − (1 − 2αμ)λ − αμ = 0
      const roots: number[] = [];
      for (const mu of [1, -1]) {
        // complex quadratic with b = −(1 − 2αiμ), c = −αiμ
        const br = -1;
        const bi = 2 * a * mu;
        const cr = 0;
        const ci = -a * mu;
        // disc = b² − 4c
        const dr = br * br - bi * bi - 4 * cr;
        const di = 2 * br * bi - 4 * ci;
        const m = Math.hypot(dr, di);
        const sr = Math.sqrt((m + dr) / 2);
        const si = Math.sign(di || 1) * Math.sqrt((m - dr) / 2);
        roots.push(Math.hypot((-br + sr) / 2, (-bi + si) / 2), Math.hypot((-br - sr) / 2, (-bi - si) / 2));
      }
      close(gan.spectralAnalysis(gan.dgUpdateMatrix(a, 'optimistic')).spectralRadius, Math.max(...roots), 1e-7);
    }
    assert.equal(gan.spectralAnalysis(gan.dgUpdateMatrix(0.5, 'extragradient')).converges, true);
    assert.equal(gan.spectralAnalysis(gan.dgUpdateMatrix(0.2, 'optimistic')).converges, true);
    assert.equal(gan.spectralAnalysis(gan.dgUpdateMatrix(0.2, 'consensus')).converges, true);
  });

  it('gameEigenvalues handles the defective optimistic matrix at α = 0.5 (0.5 ± 0.5i twice; mathjs eigs does not converge on it)', () => {
    const A = gan.dgUpdateMatrix(0.5, 'optimistic');
    const ev = gan.gameEigenvalues(A);
    assert.equal(ev.length, 4);
    ev.forEach((z) => {
      close(z.re, 0.5, 1e-6);
      close(Math.abs(z.im), 0.5, 1e-6);
    });
  });

  it('001 §6 errata: the literal g-update (d_k − α d_k) gives another matrix; the real-part argument misclassifies extragradient', () => {
    closeMat(gan.dgUpdateMatrixSourceLiteral(0.1), [[1, 0.1], [0.9, 0], ], 1e-15);
    // det of the literal matrix is −α(1−α) ≠ 1 + α², the source's own characteristic polynomial does not follow from it
    const lit = gan.spectralAnalysis(gan.dgUpdateMatrixSourceLiteral(0.1));
    assert.ok(lit.eigenvalues.every((z) => z.im === 0));
    // real-part criterion: extragradient at α = 0.5 has Re λ = 0.75 > 0 yet ρ = 0.901 < 1 (converges)
    const EG = gan.dgUpdateMatrix(0.5, 'extragradient');
    assert.equal(gan.sourceRealPartCriterionSaysDiverges(EG), true);
    assert.equal(gan.spectralAnalysis(EG).converges, true);
    const norms = gan.trajectoryNorms(gan.iterateGame(gan.dgGame(), 0.5, 'extragradient', [1, 1], 100));
    assert.ok(norms[100] < 1e-4);
  });

  it('continuous flow ż = −Jz is a rotation for dg: ‖z(t)‖ constant, eigenvalues ±i; expm matches the rotation matrix', () => {
    const f = gan.flowTrajectory(gan.dgGame(), [1, 0], 2 * Math.PI, 101);
    f.z.forEach((z) => close(Math.hypot(...z), 1, 1e-10));
    close(f.z[100][0], 1, 1e-9);
    close(f.z[25][1], -1, 1e-9);
    const ev = gan.flowEigenvalues(gan.dgGame());
    close(ev[0].re, 0, 1e-14);
    close(Math.abs(ev[0].im), 1, 1e-14);
    closeMat(gan.expm([[0, 1.3], [-1.3, 0]]), [[Math.cos(1.3), Math.sin(1.3)], [-Math.sin(1.3), Math.cos(1.3)]], 1e-13);
  });

  it('general quadratic games: alternating matrix equals composing the two half-steps; V, J, field consistent (finite differences)', () => {
    const game: gan.QuadraticGame = { P: [[-0.5]], B: [[1, 0.3]], Q: [[0.4, 0], [0, 0.2]] };
    const J = gan.gameJacobian(game);
    const V = (z: number[]) => gan.gameValue(game, [z[0]], [z[1], z[2]]);
    const z = [0.3, -0.7, 1.1];
    const h = 1e-6;
    const grad = z.map((_, i) => {
      const zp = [...z];
      const zm = [...z];
      zp[i] += h;
      zm[i] -= h;
      return (V(zp) - V(zm)) / (2 * h);
    });
    const v = gan.gameVectorField(game, z);
    close(v[0], -grad[0], 1e-8);
    close(v[1], grad[1], 1e-8);
    close(v[2], grad[2], 1e-8);
    // alternating via the nonlinear operator vs the matrix
    const F = gan.gdaOperator((w) => gan.gameVectorField(game, w), 0.2, 'alternating', 1);
    const A = gan.updateMatrix(game, 0.2, 'alternating');
    const Fz = F(z);
    const Az = A.map((r) => r.reduce((s, a, j) => s + a * z[j], 0));
    Fz.forEach((x, i) => close(x, Az[i], 1e-14));
    assert.equal(J.length, 3);
  });

  it('Mescheder 2018: the numerical Jacobian of an update operator at a fixed point reproduces the update matrix and its ρ', () => {
    for (const method of ['simultaneous', 'alternating', 'extragradient'] as const) {
      const F = gan.gdaOperator((w) => gan.gameVectorField(gan.dgGame(), w), 0.3, method, 1);
      const fa = gan.fixedPointAnalysis(F, [0, 0]);
      closeMat(fa.jacobian, gan.dgUpdateMatrix(0.3, method), 1e-8);
      close(fa.residual, 0, 0);
      close(fa.spectralRadius, gan.spectralAnalysis(gan.dgUpdateMatrix(0.3, method)).spectralRadius, 1e-8);
    }
    // a non-quadratic game: V(d, g) = d g + d³/3 ... field at 0 has the dg Jacobian
    const v = (w: number[]) => [-(w[1] + w[0] * w[0]), w[0]];
    const fa = gan.fixedPointAnalysis(gan.gdaOperator(v, 0.1, 'simultaneous'), [0, 0]);
    close(fa.spectralRadius, Math.sqrt(1.01), 1e-8);
  });

  it('spectralRadiusCurve: ρ(α) per method (the ρ-vs-α plot data)', () => {
    const alphas = [0.1, 0.5, 1];
    const sim = gan.spectralRadiusCurve(gan.dgGame(), 'simultaneous', alphas);
    sim.forEach((r, i) => close(r, Math.sqrt(1 + alphas[i] ** 2), 1e-12));
    close(gan.matrixPower([[2, 0], [0, 3]], 5)[1][1], 243, 0);
  });

  it('rejects bad input with errors naming the argument and value', () => {
    assert.throws(() => gan.dgUpdateMatrix(0), /updateMatrix: alpha must be > 0 \(got 0\)/);
    assert.throws(() => gan.dgUpdateMatrix(-0.1), /alpha must be > 0 \(got -0.1\)/);
    assert.throws(() => gan.dgUpdateMatrix(0.1, 'adam' as never), /method must be one of "simultaneous", "alternating", "extragradient", "optimistic", "consensus" \(got "adam"\)/);
    assert.throws(() => gan.dgUpdateMatrix(0.1, 'consensus', { gamma: -1 }), /gamma must be >= 0 \(got -1\)/);
    assert.throws(() => gan.updateMatrix({ P: [[0]], B: [[1]], Q: [[0, 1]] } as never, 0.1), /game.Q must be square/);
    assert.throws(() => gan.updateMatrix(null as never, 0.1), /game must be an object/);
    assert.throws(() => gan.iterateGame(gan.dgGame(), 0.1, 'simultaneous', [1], 3), /z0 must have length 2 \(got length 1\)/);
    assert.throws(() => gan.iterateLinear([[1]], [1], -1), /steps must be an integer >= 0 \(got -1\)/);
    assert.throws(() => gan.dgNormAfterSteps(0.1, 1.5, 1), /k must be an integer/);
    assert.throws(() => gan.dgNormAfterSteps(0.1, 2, -1), /norm0 must be >= 0 \(got -1\)/);
    assert.throws(() => gan.dgEigenvaluesClosedForm(0), /alpha must be > 0/);
    assert.throws(() => gan.dgEigenvalueModulus(NaN), /alpha must be a finite number/);
    assert.throws(() => gan.dgUpdateMatrixSourceLiteral(0), /alpha must be > 0/);
    assert.throws(() => gan.spectralAnalysis([[1, 2]]), /A must be square/);
    assert.throws(() => gan.matrixPower([[1]], -1), /k must be an integer >= 0/);
    assert.throws(() => gan.trajectoryNorms([]), /traj must be a non-empty array/);
    assert.throws(() => gan.flowTrajectory(gan.dgGame(), [1, 0], 0, 10), /tMax must be > 0 \(got 0\)/);
    assert.throws(() => gan.flowTrajectory(gan.dgGame(), [1, 0], 1, 1), /nPoints must be an integer >= 2/);
    assert.throws(() => gan.numericalJacobian('f' as never, [0]), /F must be a function/);
    assert.throws(() => gan.numericalJacobian((z) => z, [0], 0), /h must be > 0/);
    assert.throws(() => gan.gdaOperator((z) => z, 0.1, 'alternating'), /m must be an integer/);
    assert.throws(() => gan.gdaOperator((z) => z, 0.1, 'optimistic' as never), /method must be one of/);
    assert.throws(() => gan.gameValue(gan.dgGame(), [1, 2], [1]), /x must have length 1/);
    assert.throws(() => gan.bilinearGame([] as never), /B must have at least one row/);
    assert.throws(() => gan.expm([[1, 2]]), /M must be square/);
  });
});
