/**
 * Tests of src/mle (source 000 §1). Oracle values are from the 000 inventory §3 (recomputed in AUDIT-NOTES), or derived
 * here independently (closed forms, finite differences, tf.grad); each test says which.
 */
import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import * as mle from '../../src/mle';
import { rng } from '../../src/core/rng';
import { sigmoid } from '../../src/core/special';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);
const closeVec = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number, msg = '') => {
  assert.equal(a.length, b.length, `${msg} length`);
  for (let i = 0; i < a.length; i++) close(a[i], b[i], tol, `${msg}[${i}]`);
};

describe('backprop/activations — sigmoid derivative and the tutorial form (000 §1.h, E06)', () => {
  it('000 O-01: exact y(1−y) and the source form σ(y)(1−σ(y)) at o = 0, 1, 2, −3 (values: 000 inventory §3)', () => {
    const rows: [number, number, number][] = [
      [0, 0.25, 0.2350037122015945],
      [1, 0.19661193324148185, 0.2193618640098077],
      [2, 0.10499358540350662, 0.20715622948838924],
      [-3, 0.04517665973091214, 0.2498594768403093],
    ];
    for (const [o, exact, tut] of rows) {
      close(mle.sigmoidDerivative(o), exact, 1e-15, `exact o=${o}`);
      close(mle.sigmoidDerivativeSource(o), tut, 1e-15, `source o=${o}`);
    }
    assert.ok(mle.sigmoidDerivativeSource(-3) / mle.sigmoidDerivative(-3) > 5.5, 'the source form is 5.5× too large at o = −3');
  });

  it('exact derivative agrees with central finite differences and tf.grad of the sigmoid; the source form does not', () => {
    const os = [-3, -0.5, 0, 0.7, 2];
    const tfd = Array.from(tf.tidy(() => tf.grad((x: tf.Tensor) => tf.sum(tf.sigmoid(x)))(tf.tensor1d(os)).dataSync()));
    os.forEach((o, i) => {
      const h = 1e-5;
      const fd = (sigmoid(o + h) - sigmoid(o - h)) / (2 * h);
      close(mle.sigmoidDerivative(o), fd, 1e-9, `FD o=${o}`);
      close(mle.sigmoidDerivative(o), tfd[i], 1e-6, `tf.grad o=${o}`);
    });
    assert.ok(Math.abs(mle.sigmoidDerivativeSource(2) - mle.sigmoidDerivative(2)) > 0.1);
  });

  it('000 O-02: one SGD step on a sigmoid neuron, three derivative variants (values: 000 inventory §3)', () => {
    closeVec(mle.neuronSgdStep([0.5, -0.25], [1, 2], 1, 0.1, 'exact').w, [0.5125, -0.225], 1e-15);
    closeVec(mle.neuronSgdStep([0.5, -0.25], [1, 2], 1, 0.1, 'tutorial').w, [0.51175019, -0.22649963], 5e-9);
    closeVec(mle.neuronSgdStep([0.5, -0.25], [1, 2], 1, 0.1, 'unit').w, [0.55, -0.15], 1e-15);
  });

  it('other activations: f and f\' (tanh, relu, identity) agree with central finite differences', () => {
    for (const name of ['sigmoid', 'tanh', 'relu', 'identity'] as const) {
      for (const o of [-1.3, 0.4, 2]) {
        const h = 1e-6;
        close(mle.activationDerivative(o, 'exact', name), (mle.activation(o + h, name) - mle.activation(o - h, name)) / (2 * h), 1e-8, `${name} at ${o}`);
      }
    }
    assert.equal(mle.activationDerivative(0, 'exact', 'relu'), 0);
    assert.equal(mle.activationDerivative(5, 'unit', 'tanh'), 1);
    assert.throws(() => mle.activation(1, 'gelu' as never), /name/);
    assert.throws(() => mle.activationDerivative(1, 'tutorial', 'relu'), /only for the sigmoid/);
  });

  it('validates inputs with errors naming the argument', () => {
    assert.throws(() => mle.sigmoidDerivative(NaN), /sigmoidDerivative.*o/);
    assert.throws(() => mle.sigmoidDerivativeSource(Infinity), /sigmoidDerivativeSource.*o/);
    assert.throws(() => mle.activationDerivative(0, 'relu' as never), /variant/);
    assert.throws(() => mle.neuronSgdStep([1, 2], [1], 1, 0.1), /input.*length 2/);
    assert.throws(() => mle.neuronSgdStep([1, 2], [1, 1], 1, 0), /gamma.*> 0/);
    assert.throws(() => mle.neuronSgdStep([1, 2], [1, 1], NaN, 0.1), /\bx\b/);
  });
});

describe('mle/likelihood — Gaussian generator likelihood (000 §1.c, §1.h)', () => {
  it('000 O-03: log P = −log(2π) − 0.25, P = 0.12395, gradient (−0.5, 0.5) (values: 000 inventory §3)', () => {
    close(mle.gaussianLogLik([1, 2], [1.5, 1.5]), -2.0878770664093453, 1e-14);
    close(mle.gaussianLogLik([1, 2], [1.5, 1.5]), -Math.log(2 * Math.PI) - 0.25, 1e-15);
    close(mle.gaussianLik([1, 2], [1.5, 1.5]), 0.12394999430965298, 1e-15);
    closeVec(mle.gaussianLogLikGradOutput([1, 2], [1.5, 1.5]), [-0.5, 0.5], 1e-15);
  });

  it('000 O-07 / E03: ∇P = P·∇log P, so using ∇P shrinks the step 1/P = 8.0677-fold (value: 000 inventory §3)', () => {
    const gP = mle.gaussianLikGradOutput([1, 2], [1.5, 1.5]);
    const gl = mle.gaussianLogLikGradOutput([1, 2], [1.5, 1.5]);
    close(gl[0] / gP[0], 8.0677, 1e-4);
    close(gl[1] / gP[1], 1 / 0.12394999430965298, 1e-12);
  });

  it('with μ and σ² the gradient matches central finite differences of log P (independent derivation)', () => {
    const x = [0.3, -1, 2];
    const g = [1, 0.5, 1.5];
    const opts = { mu: [0.1, -0.2, 0.3], sigma2: 2.5 };
    const grad = mle.gaussianLogLikGradOutput(x, g, opts);
    for (let i = 0; i < 3; i++) {
      const h = 1e-6;
      const gp = g.slice(); gp[i] += h;
      const gm = g.slice(); gm[i] -= h;
      close(grad[i], (mle.gaussianLogLik(x, gp, opts) - mle.gaussianLogLik(x, gm, opts)) / (2 * h), 1e-8, `i=${i}`);
    }
    // and against the closed form: the sum of three normal log-densities with variance σ²
    const direct = x.reduce((s, xi, i) => s - 0.5 * Math.log(2 * Math.PI * 2.5) - (g[i] - xi - opts.mu[i]) ** 2 / 5, 0);
    close(mle.gaussianLogLik(x, g, opts), direct, 1e-13);
  });

  it('validates inputs', () => {
    assert.throws(() => mle.gaussianLogLik([1, 2], [1]), /gx.*length 2/);
    assert.throws(() => mle.gaussianLogLik([1, 2], [1, 2], { sigma2: 0 }), /sigma2/);
    assert.throws(() => mle.gaussianLogLik([1, 2], [1, 2], { mu: [1] }), /mu.*length 2/);
    assert.throws(() => mle.gaussianLogLik([1, NaN], [1, 2]), /x\[1\]/);
    assert.throws(() => mle.gaussianLogLikGradOutput([], []), /x.*empty/);
  });
});

describe('mle/likelihood — Bernoulli generator (000 §1.i, E07)', () => {
  it('000 O-04: log P and gradient at Φ = 0.5, 0.7, 0.9 for N = 10, N(x) = 7 (values: 000 inventory §3)', () => {
    close(mle.bernoulliLogLik(0.5, 10, 7), -6.931471805599452, 1e-13);
    close(mle.bernoulliLogLik(0.7, 10, 7), -6.108643020548935, 1e-13);
    close(mle.bernoulliLogLik(0.9, 10, 7), -7.645278888586922, 1e-13);
    close(mle.bernoulliGrad(0.5, 10, 7), 8, 1e-13);
    close(mle.bernoulliGrad(0.7, 10, 7), 0, 1e-12);
    close(mle.bernoulliGrad(0.9, 10, 7), -22.22222222222222, 1e-12);
    assert.equal(mle.bernoulliMle(10, 7), 0.7);
  });

  it('the gradient matches central finite differences of the log-likelihood (independent check)', () => {
    for (const phi of [0.1, 0.35, 0.8]) {
      const h = 1e-6;
      close(mle.bernoulliGrad(phi, 10, 7), (mle.bernoulliLogLik(phi + h, 10, 7) - mle.bernoulliLogLik(phi - h, 10, 7)) / (2 * h), 1e-6, `phi=${phi}`);
    }
  });

  it('000 O-05: the source update leaves (0,1) at step 2; γ = 1 gives 8.5; the averaged update converges to 0.7 (values: 000 inventory §3)', () => {
    const src = mle.bernoulliSgd(0.5, 10, 7, 0.05, 10, 'source');
    closeVec(src.trajectory, [0.5, 0.9, -0.21111111], 5e-9);
    assert.equal(src.escapedAt, 2);
    const big = mle.bernoulliSgd(0.5, 10, 7, 1, 5, 'source');
    close(big.trajectory[1], 8.5, 1e-13);
    assert.equal(big.escapedAt, 1);
    const avg = mle.bernoulliSgd(0.5, 10, 7, 0.05, 400, 'averaged');
    closeVec(avg.trajectory.slice(0, 6), [0.5, 0.54, 0.572206119162641, 0.5983092738696845, 0.6194652862761004, 0.6365474102117132], 1e-13);
    assert.equal(avg.escapedAt, null);
    close(avg.trajectory[400], 0.7, 1e-9);
  });

  it('validates inputs', () => {
    assert.throws(() => mle.bernoulliLogLik(0, 10, 7), /phi.*\(0, 1\)/);
    assert.throws(() => mle.bernoulliLogLik(0.5, 10, 11), /Nx/);
    assert.throws(() => mle.bernoulliGrad(0.5, 0, 0), /\bN\b/);
    assert.throws(() => mle.bernoulliGrad(0.5, 2.5, 1), /\bN\b.*integer/);
    assert.throws(() => mle.bernoulliSgd(0.5, 10, 7, -1, 5), /gamma/);
    assert.throws(() => mle.bernoulliSgd(0.5, 10, 7, 0.1, 5, 'clipped' as never), /form/);
    assert.throws(() => mle.bernoulliSgd(0.5, 10, 7, 0.1, -1), /steps/);
    assert.throws(() => mle.bernoulliMle(10, -1), /Nx/);
  });
});

describe('mle/likelihood — error moments (1.6) (000 §1.k, E09)', () => {
  const G = [[1, 2], [0, 1], [2, 2]];
  const X = [[0, 1], [0, 0], [1, 3]];
  it('000 O-06: μ̂ = (2/3, 1/3); source σ̂² = 10/9, exact isotropic MLE 5/9 (values: 000 inventory §3)', () => {
    const s = mle.errorMoments(G, X, 'source');
    const e = mle.errorMoments(G, X, 'exact');
    assert.deepEqual(s.errors, [[1, 1], [0, 1], [1, -1]]);
    closeVec(s.mu, [2 / 3, 1 / 3], 1e-15);
    close(s.sigma2, 1.1111111111111112, 1e-15);
    close(e.sigma2, 0.5555555555555556, 1e-15);
  });

  it('E09 by simulation: errors ~ N(0, 0.25 I₅): the source estimator → 1.25, the exact one → 0.25 (within 4 standard errors)', () => {
    const r = rng(7);
    const N = 4000;
    const Gs = Array.from({ length: N }, () => Array.from({ length: 5 }, () => r.normal(0, 0.5)));
    const Xs = Gs.map((g) => g.map(() => 0));
    // standard error of the exact estimator ≈ 0.25·√(2/(N·5))
    const se = 0.25 * Math.sqrt(2 / (N * 5));
    close(mle.errorMoments(Gs, Xs, 'exact').sigma2, 0.25, 4 * se);
    close(mle.errorMoments(Gs, Xs, 'source').sigma2, 1.25, 4 * 5 * se);
  });

  it('validates inputs', () => {
    assert.throws(() => mle.errorMoments(G, [[0, 1]]), /X.*3 rows/);
    assert.throws(() => mle.errorMoments(G, [[0], [0], [1]]), /X.*2 columns/);
    assert.throws(() => mle.errorMoments(G, X, 'unbiased' as never), /form/);
    assert.throws(() => mle.errorMoments([] as never, X), /G/);
  });
});

describe('mle/sgd — (1.3)–(1.5), schedules and the linear generator', () => {
  it('sgdStep ascent/descent and epochStep = step with the averaged gradient (definition (1.3)–(1.5))', () => {
    closeVec(mle.sgdStep([1, 2], [0.5, -1], 0.1, 'ascent'), [1.05, 1.9], 1e-15);
    closeVec(mle.sgdStep([1, 2], [0.5, -1], 0.1, 'descent'), [0.95, 2.1], 1e-15);
    const grads = [[1, 0], [3, 2]];
    closeVec(mle.epochStep([0, 0], 2, (_p, i) => grads[i], 0.5, 'descent'), [-1, -0.5], 1e-15);
  });

  it('schedules: constant, inverse-time and exponential rates (their definitions)', () => {
    assert.equal(mle.constantRate(0.3)(17), 0.3);
    close(mle.inverseTimeRate(0.5, 10)(10), 0.25, 1e-15);
    close(mle.exponentialRate(0.5, 0.9)(2), 0.405, 1e-15);
  });

  it('linear generator gradient matches central finite differences and tf.grad (float32)', () => {
    const g = { W: [[0.5, -0.3], [0.2, 0.1], [1, -1]], c: [0.1, 0, -0.2] };
    const z = [0.7, -1.2];
    const x = [1, 0.5, -0.5];
    const grad = mle.linearGeneratorGrad(g, z, x);
    const p = mle.flattenGenerator(g);
    const eps = (q: number[]) => mle.linearGeneratorLoss(mle.unflattenGenerator(q, 3, 2), [z], [x]);
    p.forEach((_, i) => {
      const h = 1e-6;
      const pp = p.slice(); pp[i] += h;
      const pm = p.slice(); pm[i] -= h;
      close(grad[i], (eps(pp) - eps(pm)) / (2 * h), 1e-8, `FD ${i}`);
    });
    const tfg = tf.tidy(() => {
      const f = (W: tf.Tensor, c: tf.Tensor) => tf.mul(0.5, tf.sum(tf.square(tf.sub(tf.add(tf.matMul(W as tf.Tensor2D, tf.tensor2d(z, [2, 1])), tf.reshape(c, [3, 1])), tf.tensor2d(x, [3, 1]))))) as tf.Scalar;
      const [gW, gc] = tf.grads(f)([tf.tensor2d(g.W), tf.tensor1d(g.c)]);
      return [...Array.from(gW.dataSync()), ...Array.from(gc.dataSync())];
    });
    closeVec(grad, tfg, 1e-5, 'tf.grad');
  });

  it('SGD (epoch form and per-sample form with a decreasing rate) reaches the closed-form least-squares solution', () => {
    const r = rng(3);
    const Z = Array.from({ length: 50 }, () => [r.normal()]);
    const X = Z.map(([z]) => [2 * z + 1 + 0.3 * r.normal(), -z + 0.2 * r.normal()]);
    const ls = mle.leastSquaresLinearGenerator(Z, X);
    // independent check of the closed form: the 1-D regression slope cov(z, x)/var(z)
    const zs = Z.map((z) => z[0]);
    const zm = zs.reduce((a, b) => a + b) / zs.length;
    const xm = X.reduce((a, x) => a + x[0], 0) / X.length;
    const slope = zs.reduce((s, z, i) => s + (z - zm) * (X[i][0] - xm), 0) / zs.reduce((s, z) => s + (z - zm) ** 2, 0);
    close(ls.W[0][0], slope, 1e-10);
    close(ls.c[0], xm - slope * zm, 1e-10);
    const fit = mle.fitLinearGenerator(Z, X, { gamma: 0.5, epochs: 400, mode: 'epoch' });
    closeVec(mle.flattenGenerator(fit.generator), mle.flattenGenerator(ls), 1e-6, 'epoch form');
    assert.ok(fit.losses[400] < fit.losses[0]);
    const ps = mle.fitLinearGenerator(Z, X, { gamma: mle.inverseTimeRate(0.05, 2000), epochs: 300, mode: 'per-sample', rng: rng(1) });
    closeVec(mle.flattenGenerator(ps.generator), mle.flattenGenerator(ls), 0.05, 'per-sample form');
    assert.equal(ps.divergedAt, null);
  });

  it('a too-large rate diverges and is reported (never NaN)', () => {
    const Z = [[3], [-3], [4]];
    const X = [[1], [0], [2]];
    const fit = mle.fitLinearGenerator(Z, X, { gamma: 1, epochs: 200 });
    assert.ok(fit.divergedAt !== null && fit.divergedAt < 200);
    assert.ok(fit.losses.every(Number.isFinite));
  });

  it('validates inputs', () => {
    assert.throws(() => mle.sgdStep([1], [1, 2], 0.1, 'ascent'), /grad.*length 1/);
    assert.throws(() => mle.sgdStep([1], [1], 0.1, 'up' as never), /mode/);
    assert.throws(() => mle.constantRate(0), /gamma/);
    assert.throws(() => mle.exponentialRate(0.1, 1.5), /\br\b/);
    assert.throws(() => mle.inverseTimeRate(-1), /gamma0/);
    assert.throws(() => mle.epochStep([0], 0, () => [0], 0.1, 'ascent'), /\bN\b/);
    assert.throws(() => mle.epochStep([0], 1, () => [NaN], 0.1, 'ascent'), /gradFn/);
    assert.throws(() => mle.fitLinearGenerator([[1]], [[1]], { gamma: 0.1, epochs: 5, mode: 'per-sample' }), /rng/);
    assert.throws(() => mle.fitLinearGenerator([[1]], [[1], [2]], { gamma: 0.1, epochs: 5 }), /X.*1 rows/);
    assert.throws(() => mle.fitLinearGenerator([[1]], [[1]], { gamma: 0.1, epochs: -1 }), /epochs/);
    assert.throws(() => mle.unflattenGenerator([1, 2], 1, 2), /length/);
  });
});

describe('mle/sgd — step-size condition for the linear generator', () => {
  it('H = mean [z;1][z;1]ᵀ; epoch SGD converges just below 2/λmax and diverges just above (classical quadratic theory)', () => {
    const Z = [[0], [1], [2], [-1]];
    const X = [[1], [2], [2], [0]];
    const h = mle.linearGeneratorHessian(Z);
    // closed form: H = [[E z², E z], [E z, 1]] = [[1.5, 0.5], [0.5, 1]]; λ = (2.5 ± √(0.25 + 1))/2
    assert.deepEqual(h.H, [[1.5, 0.5], [0.5, 1]]);
    close(h.lambdaMax, (2.5 + Math.sqrt(1.25)) / 2, 1e-12);
    const ok = mle.fitLinearGenerator(Z, X, { gamma: 0.95 * h.criticalRate, epochs: 3000 });
    const bad = mle.fitLinearGenerator(Z, X, { gamma: 1.05 * h.criticalRate, epochs: 3000 });
    const ls = mle.leastSquaresLinearGenerator(Z, X);
    closeVec(mle.flattenGenerator(ok.generator), mle.flattenGenerator(ls), 1e-6);
    assert.ok(bad.divergedAt !== null);
    assert.throws(() => mle.linearGeneratorHessian([] as never), /Z/);
  });
});

describe('mle/likelihood — the objective under P(d) (000 §1.j, E08)', () => {
  it('exact = weighted mean log-likelihood (= epoch average of (1.5) for equal weights); source = weighted mean likelihood', () => {
    const ll = [mle.gaussianLogLik([0], [0.1]), mle.gaussianLogLik([0], [3])];
    close(mle.expectedObjective(ll, [1, 1]), (ll[0] + ll[1]) / 2, 1e-15);
    close(mle.expectedObjective(ll, [3, 1], 'source'), 0.75 * Math.exp(ll[0]) + 0.25 * Math.exp(ll[1]), 1e-15);
    // E08: the expected likelihood hardly sees the badly fitted pair (residual 3): its share is < 2 %
    assert.ok(Math.exp(ll[1]) / (Math.exp(ll[0]) + Math.exp(ll[1])) < 0.02);
  });
  it('validates inputs', () => {
    assert.throws(() => mle.expectedObjective([1, 2], [1]), /weights.*length 2/);
    assert.throws(() => mle.expectedObjective([1], [-1]), /weights\[0\]/);
    assert.throws(() => mle.expectedObjective([1], [0]), /positive sum/);
    assert.throws(() => mle.expectedObjective([1], [1], 'mean' as never), /form/);
  });
});

describe('mle/likelihood — generation with the estimated error model (E10 interpretation)', () => {
  it('x′ = g − μ̂ − σ̂ε′ has mean g − μ̂ and variance σ̂² per coordinate (within 4 standard errors)', () => {
    const N = 20000;
    const G = Array.from({ length: N }, () => [1, -2]);
    const out = mle.generateWithErrorModel(G, [0.5, 0], 0.25, rng(9));
    const m0 = out.reduce((s, x) => s + x[0], 0) / N;
    const v1 = out.reduce((s, x) => s + (x[1] + 2) ** 2, 0) / N;
    close(m0, 0.5, 4 * 0.5 / Math.sqrt(N));
    close(v1, 0.25, 4 * 0.25 * Math.sqrt(2 / N));
    assert.deepEqual(mle.generateWithErrorModel([[1, 2]], [0, 0], 0, rng(1)), [[1, 2]]);
  });
  it('validates inputs', () => {
    assert.throws(() => mle.generateWithErrorModel([[1]], [0, 0], 1, rng(1)), /mu.*length 1/);
    assert.throws(() => mle.generateWithErrorModel([[1]], [0], -1, rng(1)), /sigma2/);
    assert.throws(() => mle.generateWithErrorModel([[1]], [0], 1, {} as never), /rng/);
  });
});
