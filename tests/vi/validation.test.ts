import { strict as assert } from 'assert';
import * as vi from '../../src/vi';
import { rng } from '../../src/core/rng';
import { getErratum } from '../../src/errata';
import { verify, referenceAnswer } from '../../src/exercises';

/** Bad input: one assertion per validation rule; each error names the function, the argument and the value. */
describe('vi — validation (one test per rule)', () => {
  const mix = vi.bimodalMixture(2);
  const X = [[0, 0], [1, 1], [2, 0.5], [0.3, 2]];
  const prior: vi.BgmmPrior = { alpha0: 1, beta0: 1, m0: [0, 0], W0: [[1, 0], [0, 1]], nu0: 2 };

  it('mixtures: weights sum to 1, weights ≥ 0, sigmas > 0, equal lengths, an object', () => {
    assert.throws(() => vi.reverseKL({ weights: [0.5, 0.6], means: [0, 1], sigmas: [1, 1] }, 0, 1), /reverseKL: mix.weights must sum to 1 \(got sum 1.1\)/);
    assert.throws(() => vi.reverseKL({ weights: [-0.5, 1.5], means: [0, 1], sigmas: [1, 1] }, 0, 1), /mix.weights\[0\] must be >= 0 \(got -0.5\)/);
    assert.throws(() => vi.forwardKL({ weights: [0.5, 0.5], means: [0, 1], sigmas: [1, 0] }, 0, 1), /forwardKL: mix.sigmas\[1\] must be > 0 \(got 0\)/);
    assert.throws(() => vi.fitGaussianForwardKL({ weights: [0.5, 0.5], means: [0], sigmas: [1, 1] }), /mix.means must have length 2/);
    assert.throws(() => vi.fitGaussianReverseKL(null as never), /fitGaussianReverseKL: mix must be \{ weights, means, sigmas \}/);
  });

  it('KL fits: sigma > 0, mu finite, bimodal d finite and s > 0, Bernoulli p in (0, 1)', () => {
    assert.throws(() => vi.reverseKL(mix, 0, -1), /reverseKL: sigma must be > 0 \(got -1\)/);
    assert.throws(() => vi.reverseKLGradient(mix, NaN, 1), /reverseKLGradient: mu must be a finite number \(got NaN\)/);
    assert.throws(() => vi.bimodalMixture(Infinity), /bimodalMixture: d must be a finite number/);
    assert.throws(() => vi.bimodalMixture(1, 0), /bimodalMixture: s must be > 0/);
    assert.throws(() => vi.klAsymmetryBernoulli(1, 0.5), /klAsymmetryBernoulli: p must be in \(0, 1\) \(got 1\)/);
    assert.throws(() => vi.klAsymmetryBernoulli(0.5, 0), /klAsymmetryBernoulli: q must be in \(0, 1\) \(got 0\)/);
    assert.throws(() => vi.fitGaussianReverseKL(mix, { sigma0: 0 }), /fitGaussianReverseKL: opts.sigma0 must be > 0/);
  });

  it('toy ELBO: s > 0, x finite, variances > 0, opts an object', () => {
    assert.throws(() => vi.toyElbo(1, 0, 0), /toyElbo: s must be > 0 \(got 0\)/);
    assert.throws(() => vi.toyLogEvidence(NaN), /toyLogEvidence: x must be a finite number \(got NaN\)/);
    assert.throws(() => vi.toyPosterior(1, { priorVar: -1 }), /toyPosterior: opts.priorVar must be > 0 \(got -1\)/);
    assert.throws(() => vi.toyElboGradient(1, 0, 1, { noiseVar: 0 }), /toyElboGradient: opts.noiseVar must be > 0/);
    assert.throws(() => vi.toyLogJoint(1, 0, null as never), /toyLogJoint: opts must be an object/);
  });

  it('reparamElboGradient / fixedFormVI: model functions, eps a vector, lr > 0, steps ≥ 1, samples ≥ 1, rng, decay > 0', () => {
    const model = vi.toyModel(1);
    assert.throws(() => vi.reparamElboGradient({} as never, 0, 0, [1]), /reparamElboGradient: model must be \{ logJoint, dLogJoint \}/);
    assert.throws(() => vi.reparamElboGradient(model, 0, 0, []), /reparamElboGradient: eps must not be empty/);
    assert.throws(() => vi.fixedFormVI(model, { lr: 0, rng: rng(1) }), /fixedFormVI: opts.lr must be > 0 \(got 0\)/);
    assert.throws(() => vi.fixedFormVI(model, { steps: 0, rng: rng(1) }), /fixedFormVI: opts.steps must be an integer >= 1 \(got 0\)/);
    assert.throws(() => vi.fixedFormVI(model, { samples: 1.5, rng: rng(1) }), /fixedFormVI: opts.samples must be an integer/);
    assert.throws(() => vi.fixedFormVI(model, { rng: {} as never }), /fixedFormVI: opts.rng must be core.rng\(seed\)/);
    assert.throws(() => vi.fixedFormVI(model, { decay: -1, rng: rng(1) }), /fixedFormVI: opts.decay must be > 0/);
  });

  it('Dirichlet: alpha > 0, ≥ 2 entries; x on the open simplex and summing to 1; n ≥ 1; rng', () => {
    assert.throws(() => vi.dirichletLogPdf([0.5, 0.5], [1, 0]), /dirichletLogPdf: alpha\[1\] must be > 0 \(got 0\)/);
    assert.throws(() => vi.dirichletLogNormaliser([2]), /dirichletLogNormaliser: alpha must have at least 2 entries/);
    assert.throws(() => vi.dirichletLogPdf([1, 0], [1, 1]), /dirichletLogPdf: x\[1\] must be > 0/);
    assert.throws(() => vi.dirichletLogPdf([0.5, 0.6], [1, 1]), /dirichletLogPdf: x must sum to 1 \(got sum 1.1\)/);
    assert.throws(() => vi.dirichletSample([1, 1], 0, rng(1)), /dirichletSample: n must be an integer >= 1 \(got 0\)/);
    assert.throws(() => vi.dirichletSample([1, 1], 2, null as never), /dirichletSample: rng must be a seeded generator/);
  });

  it('Wishart: V symmetric positive definite, n > p − 1, S positive definite, integer n for the outer-product sampler; Γ_p domain', () => {
    assert.throws(() => vi.wishartMoments([[1, 2], [2, 1]], 5), /cholesky: V must be positive definite/);
    assert.throws(() => vi.wishartLogPdf([[1, 0], [0, 1]], [[1, 0], [0, 1]], 0.5), /wishartLogPdf: n must be > p − 1 = 1 \(got 0.5\)/);
    assert.throws(() => vi.wishartLogPdf([[1, 0], [0, -1]], [[1, 0], [0, 1]], 3), /cholesky: S must be positive definite/);
    assert.throws(() => vi.wishartSampleOuter([[1]], 2.5, rng(1)), /wishartSampleOuter: n must be an integer for the sum of outer products \(got 2.5\)/);
    assert.throws(() => vi.wishartSample([[1]], 2, {} as never), /wishartSample: rng must be a seeded generator/);
    assert.throws(() => vi.logMultivariateGamma(2, 0.4), /logMultivariateGamma: a must be > \(p − 1\)\/2 = 0.5 \(got 0.4\)/);
    assert.throws(() => vi.logMultivariateGamma(0, 1), /logMultivariateGamma: p must be an integer >= 1 \(got 0\)/);
  });

  it('CAVI: updates non-empty functions, elbo a function, maxIter ≥ 1, tol ≥ 0; Normal–Gamma prior fields', () => {
    assert.throws(() => vi.cavi({ init: 0, updates: [], elbo: () => 0 }), /cavi: spec.updates must be a non-empty array of functions/);
    assert.throws(() => vi.cavi({ init: 0, updates: [(s: number) => s], elbo: 3 as never }), /cavi: spec.elbo must be a function \(got 3\)/);
    assert.throws(() => vi.cavi({ init: 0, updates: [(s: number) => s], elbo: () => 0 }, { maxIter: 0 }), /cavi: opts.maxIter must be an integer >= 1 \(got 0\)/);
    assert.throws(() => vi.cavi({ init: 0, updates: [(s: number) => s], elbo: () => 0 }, { tol: -1 }), /cavi: opts.tol must be a number >= 0 \(got -1\)/);
    assert.throws(() => vi.normalGammaCavi([1, 2], { mu0: 0, lambda0: 0, a0: 1, b0: 1 }), /normalGammaCavi: prior.lambda0 must be > 0 \(got 0\)/);
    assert.throws(() => vi.normalGammaPosterior([], { mu0: 0, lambda0: 1, a0: 1, b0: 1 }), /normalGammaPosterior: x must not be empty/);
    assert.throws(() => vi.normalGammaCavi([1], { mu0: 0, lambda0: 1, a0: 1, b0: 1 }, { tau0: 0 }), /normalGammaCavi: opts.tau0 must be > 0/);
  });

  it('BGMM: X rows of equal length, K integer ≥ 1, prior fields (nu0 > D − 1, W0 SPD), r0 rows probability vectors, form/init options, r0 or rng', () => {
    assert.throws(() => vi.bgmmVI([[0, 0], [1]], 2, prior, { rng: rng(1) }), /bgmmVI: X\[1\] must have length 2 \(got length 1\)/);
    assert.throws(() => vi.bgmmVI(X, 0, prior, { rng: rng(1) }), /bgmmVI: K must be an integer in \[1, 1000\] \(got 0\)/);
    assert.throws(() => vi.bgmmVI(X, 2, { ...prior, nu0: 0.5 }, { rng: rng(1) }), /bgmmVI: prior.nu0 must be > D − 1 = 1 \(got 0.5\)/);
    assert.throws(() => vi.bgmmVI(X, 2, { ...prior, W0: [[1, 0], [0, -1]] }, { rng: rng(1) }), /prior.W0 must be positive definite/);
    assert.throws(() => vi.bgmmVI(X, 2, { ...prior, alpha0: 0 }, { rng: rng(1) }), /bgmmVI: prior.alpha0 must be > 0 \(got 0\)/);
    assert.throws(() => vi.bgmmVI(X, 2, prior, { r0: X.map(() => [0.7, 0.7]) }), /bgmmVI: opts.r0\[0\] must be a probability vector/);
    assert.throws(() => vi.bgmmVI(X, 2, prior, { rng: rng(1), form: 'notes' as never }), /bgmmVI: opts.form must be one of/);
    assert.throws(() => vi.bgmmVI(X, 2, prior, { rng: rng(1), init: 'kmeans' as never }), /bgmmVI: opts.init must be one of/);
    assert.throws(() => vi.bgmmVI(X, 2, prior), /bgmmVI: give opts.r0 or opts.rng/);
    assert.throws(() => vi.effectiveComponents([0.5, 0.5], 0), /effectiveComponents: threshold must be > 0/);
  });

  it('EM: spec functions, maxIter ≥ 0, tol ≥ 0; binary data; θ a probability vector; q in (0, 1); GMM covariances SPD, reg ≥ 0', () => {
    assert.throws(() => vi.em({ eStep: 1 as never, mStep: (q: number) => q, logLik: () => 0 }, 0), /em: spec.eStep must be a function \(got 1\)/);
    assert.throws(() => vi.em({ eStep: (t: number) => t, mStep: (q: number) => q, logLik: () => 0 }, 0, { maxIter: -1 }), /em: opts.maxIter must be an integer >= 0 \(got -1\)/);
    assert.throws(() => vi.em({ eStep: (t: number) => t, mStep: (q: number) => q, logLik: () => 0 }, 0, { tol: -1 }), /em: opts.tol must be a number >= 0/);
    assert.throws(() => vi.bernoulliMixtureEM([[1, 2]], { theta: [1], q: [[0.5, 0.5]] }), /bernoulliMixtureEM: X\[0\]\[1\] must be 0 or 1 \(got 2\)/);
    assert.throws(() => vi.bernoulliMixtureEM([[1, 0]], { theta: [0.5, 0.6], q: [[0.5, 0.5], [0.5, 0.5]] }), /bernoulliMixtureEM: theta must be a probability vector \(got sum 1.1\)/);
    assert.throws(() => vi.bernoulliMixtureEM([[1, 0]], { theta: [1], q: [[1, 0.5]] }), /bernoulliMixtureEM: q\[0\]\[0\] must be in \(0, 1\) \(got 1\)/);
    assert.throws(() => vi.gmmEM([[0], [1]], { weights: [1], means: [[0]], covariances: [[[-1]]] }), /covariances\[0\] must be positive definite/);
    assert.throws(() => vi.gmmEM([[0], [1]], { weights: [1], means: [[0]], covariances: [[[1]]] }, { reg: -1 }), /gmmEM: opts.reg must be a number >= 0 \(got -1\)/);
    assert.throws(() => vi.emStaircase(null as never, () => 0, 0, 1), /emStaircase: logJoint and mStep must be functions/);
    assert.throws(() => vi.emElbo([[1]], [[0], [0]]), /emElbo: q and the log-joint must have the same number of rows/);
  });

  it('figures: bad kinds and missing history are named', () => {
    assert.throws(() => vi.klHeatmap('poisson' as never), /klHeatmap: kind must be 'bernoulli' or 'gaussian' \(got "poisson"\)/);
    assert.throws(() => vi.bgmmAnimation(X, { history: undefined } as never), /bgmmAnimation: res must come from bgmmVI\(\.\.\., \{ keepHistory: true \}\)/);
    assert.throws(() => vi.emStaircaseFigure([]), /emStaircaseFigure: points must be emStaircase/);
  });
});

describe('vi — errata and exercises registered by the topic', () => {
  const ids = ['002-E3', '002-E7', '002-E8', '002-E9', '002-E10', '002-E11', '002-E12', '002-E13', '002-E14', '002-E15', '002-E16', '002-E21', '002-E53', '002-E57', '002-E58', '002-E59', '002-E60', '002-E64', '002-E68'];
  it('every VI erratum demonstrates a difference between the forms (or is a remark/gap)', () => {
    for (const id of ids) {
      const e = getErratum(id);
      const d = e.demonstrate();
      if (e.kind === 'error') assert.notDeepEqual(d.source, d.exact, id);
    }
  });
  it('the by-hand references: D11 0.806853, D13 −1.918939, D22 40/9, O1 e/2, D19 responsibilities', () => {
    assert.equal(verify('vi.kl.gauss-wide', 0.8069).status, 'passed');
    assert.equal(verify('vi.elbo.prior-q', -1.91894).status, 'passed');
    assert.equal(verify('vi.dist.dirichlet-centre', 4.444).status, 'passed');
    assert.equal(verify('vi.s68.kl-o1', Math.E / 2).status, 'passed');
    assert.equal(verify('vi.s68.kl-o1', 2 + Math.E).status, 'wrong');
    assert.deepEqual((referenceAnswer('vi.em.d19-resp') as number[]).map((v) => Number(v.toFixed(6))), [0.8, 0.64, 0.16, 0.3, 0.8, 0.16]);
  });
});
