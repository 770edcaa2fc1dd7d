import { strict as assert } from 'assert';
import * as vi from '../../src/vi';
import { rng } from '../../src/core/rng';
import { normalLogPdf } from '../../src/core/gaussian';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);

describe('vi/elbo — the ELBO identity', () => {
  it('000 O-26 / 004 O3: elboIdentity from the two terms and log p(x) (w = 1, s² = 1, x = 1, Q = N(0,1); inventories)', () => {
    const id = vi.elboIdentity(-1.9189385332046727, 0, -1.5155121234846454);
    close(id.elbo, -1.9189385332046727, 1e-15);
    close(id.klPosterior, 0.40342640972002736, 1e-14);
  });

  it('elboMonteCarlo is unbiased for the closed form on z~N(0,1), x|z~N(z,1), x = 2, q = N(0.3, 0.8) (003 A22 closed form; 4 SE, seed 21)', () => {
    const x = 2;
    const m = 0.3;
    const v = 0.8;
    const exact = -0.5 * Math.log(2 * Math.PI) - 0.5 * ((x - m) ** 2 + v) - 0.5 * (v + m * m - 1 - Math.log(v));
    const est = vi.elboMonteCarlo(
      { sample: (g) => m + Math.sqrt(v) * g.normal(), logQ: (z) => normalLogPdf(z, m, Math.sqrt(v)), logJoint: (z) => normalLogPdf(x, z, 1) + normalLogPdf(z, 0, 1) },
      40000,
      rng(21),
    );
    close(est.value, exact, 4 * est.stdError);
    assert.ok(est.stdError > 0 && est.stdError < 0.02);
  });

  it('with q = the exact posterior every log-weight equals log p(x) (zero variance), and logEvidenceFromWeights returns it', () => {
    const x = 2;
    const spec = { sample: (g: ReturnType<typeof rng>) => 1 + Math.sqrt(0.5) * g.normal(), logQ: (z: number) => normalLogPdf(z, 1, Math.sqrt(0.5)), logJoint: (z: number) => normalLogPdf(x, z, 1) + normalLogPdf(z, 0, 1) };
    const w = vi.logWeights(spec, 50, rng(2));
    w.forEach((lw) => close(lw, -2.2655121234846454, 1e-12));
    close(vi.logEvidenceFromWeights(w), -2.2655121234846454, 1e-12);
  });

  it('bad input: errors name the argument', () => {
    assert.throws(() => vi.elboFromTerms(NaN, 0), /expectedLogLik must be a finite number/);
    assert.throws(() => vi.elboFromTerms(0, -1), /klPrior must be >= 0/);
    assert.throws(() => vi.elboIdentity(-1, 0, -2), /exceeds logEvidence/);
    assert.throws(() => vi.elboIdentity(-1, 0, Infinity), /logEvidence must be a finite number/);
    assert.throws(() => vi.elboMonteCarlo({} as never, 10, rng(1)), /spec.sample must be a function/);
    assert.throws(() => vi.elboMonteCarlo({ sample: () => 0, logQ: () => 0, logJoint: () => 0 }, 0, rng(1)), /samples must be an integer/);
    assert.throws(() => vi.elboMonteCarlo({ sample: () => 0, logQ: () => 0, logJoint: () => 0 }, 5, null as never), /rng must be a seeded generator/);
    assert.throws(() => vi.elboMonteCarlo({ sample: () => 0, logQ: () => 0, logJoint: () => -Infinity }, 5, rng(1)), /not finite at sample 0/);
  });
});
