import { strict as assert } from 'assert';
import * as vae from '../../src/vae';
import { rng } from '../../src/core/rng';
import { close, throwsWith } from './helpers';

describe('vae/estimators — score-function vs pathwise', () => {
  it('003 §4.5: for f(z) = z² at μ = 1.5, σ = 0.5 both estimators are unbiased for (3.0, 1.0) (4 SE, seed 31, S = 40000)', () => {
    const p = vae.pathwiseGradient((z) => 2 * z, 1.5, 0.5, 40000, rng(31));
    const s = vae.scoreFunctionGradient((z) => z * z, 1.5, 0.5, 40000, rng(32));
    close(p.mu, 3, 4 * p.stdErrMu);
    close(p.sigma, 1, 4 * p.stdErrSigma);
    close(s.mu, 3, 4 * s.stdErrMu);
    close(s.sigma, 1, 4 * s.stdErrSigma);
  });

  it('per-sample variances match the exact Gaussian-moment formulas (independent derivation) within 10%, and pathwise ≪ score', () => {
    const ex = vae.squareFunctionVariances(1.5, 0.5);
    close(ex.pathwise.mu, 1, 1e-12); // 4σ²
    close(ex.pathwise.sigma, 11, 1e-12); // 4μ² + 8σ²
    const p = vae.pathwiseGradient((z) => 2 * z, 1.5, 0.5, 40000, rng(33));
    const s = vae.scoreFunctionGradient((z) => z * z, 1.5, 0.5, 40000, rng(34));
    close(p.varMu, ex.pathwise.mu, 0.1 * ex.pathwise.mu);
    close(p.varSigma, ex.pathwise.sigma, 0.1 * ex.pathwise.sigma);
    close(s.varMu, ex.score.mu, 0.1 * ex.score.mu);
    close(s.varSigma, ex.score.sigma, 0.1 * ex.score.sigma);
    assert.ok(ex.score.mu > 10 * ex.pathwise.mu);
  });

  it('a baseline equal to E[f] lowers the score-function variance and keeps it unbiased', () => {
    const plain = vae.scoreFunctionGradient((z) => z * z, 1.5, 0.5, 20000, rng(35));
    const base = vae.scoreFunctionGradient((z) => z * z, 1.5, 0.5, 20000, rng(35), { baseline: 1.5 ** 2 + 0.25 });
    assert.ok(base.varMu < plain.varMu / 2);
    close(base.mu, 3, 4 * base.stdErrMu);
  });

  it('bad input: errors name the argument', () => {
    throwsWith(() => vae.pathwiseGradient(1 as never, 0, 1, 10, rng(1)), TypeError, /f must be a function/);
    throwsWith(() => vae.pathwiseGradient((z) => z, 0, 0, 10, rng(1)), RangeError, /sigma must be > 0/);
    throwsWith(() => vae.pathwiseGradient((z) => z, 0, 1, 1, rng(1)), RangeError, /samples must be an integer >= 2/);
    throwsWith(() => vae.scoreFunctionGradient((z) => z, 0, 1, 10, {} as never), TypeError, /rng must be a seeded generator/);
    throwsWith(() => vae.scoreFunctionGradient((z) => z, 0, 1, 10, rng(1), { baseline: NaN }), RangeError, /opts.baseline/);
    throwsWith(() => vae.scoreFunctionGradient(() => NaN, 0, 1, 10, rng(1)), RangeError, /non-finite/);
    throwsWith(() => vae.squareFunctionVariances(0, -1), RangeError, /sigma must be > 0/);
  });
});
