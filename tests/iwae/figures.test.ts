import { strict as assert } from 'assert';
import * as iwae from '../../src/iwae';
import { rng } from '../../src/core/rng';
import { throwsWith } from '../vae/helpers';

describe('iwae/figures and remaining validation', () => {
  const t = iwae.toySetting();
  const spec = iwae.lgIwaeSpec(t.model, t.x, t.q);
  const est = iwae.iwaeSweep(spec, [1, 4, 16], 200, rng(1));

  it('boundVsKFigure: log-K axis, ±2 SE error bars on the MC points, exact and log p(x) series', () => {
    const fig = iwae.boundVsKFigure(est, { logEvidence: t.logEvidence, exact: { K: [1, 4, 16], value: [-1.9, -1.6, -1.53] } });
    assert.equal(fig.data.length, 3);
    assert.equal((fig.layout.xaxis as { type?: string }).type, 'log');
    const ey = fig.data[0].error_y as { array: number[] };
    assert.deepEqual(ey.array, est.map((e) => 2 * e.stdError));
    assert.deepEqual(fig.data[2].y, [t.logEvidence, t.logEvidence]);
  });

  it('varianceVsKFigure: log–log, the 1/K reference through the first point', () => {
    const fig = iwae.varianceVsKFigure(est);
    assert.equal((fig.layout.yaxis as { type?: string }).type, 'log');
    const ref = fig.data[1].y as number[];
    assert.ok(Math.abs(ref[0] - est[0].variance) < 1e-12 && Math.abs(ref[2] - est[0].variance / 16) < 1e-12);
  });

  it('validates figure inputs and the remaining public functions', () => {
    throwsWith(() => iwae.boundVsKFigure([] as never), TypeError, /estimates must be a non-empty array/);
    throwsWith(() => iwae.varianceVsKFigure([{ K: 1 }] as never), TypeError, /estimates must be a non-empty array/);
    throwsWith(() => iwae.densitiesFigure([0, 1], []), TypeError, /curves must be a non-empty array/);
    throwsWith(() => iwae.step41Weighted(spec, 0, 10, rng(1)), RangeError, /K must be an integer/);
    throwsWith(() => iwae.sourceFormStep41Unnormalised(spec, 2, 1, rng(1)), RangeError, /reps must be an integer/);
    throwsWith(() => iwae.sourceFormMassWithPosterior({} as never, 2), TypeError, /iw must be an Iwae1d/);
    throwsWith(() => iwae.refinedElboMC(spec, [], 0, rng(1)), RangeError, /samples must be an integer/);
    throwsWith(() => new iwae.Iwae1d({ logJoint: () => 0, logQ: () => 0, lower: 0, upper: 1 }, { uLower: 5, uUpper: 1 }), RangeError, /uUpper must be > opts.uLower/);
    throwsWith(() => new iwae.Iwae1d({ logJoint: () => 0, logQ: () => Infinity, lower: 0, upper: 1 }, { nz: 4, nu: 4 }), RangeError, /logQ\(0\) must be finite/);
    throwsWith(() => iwae.lgProblem1d(t.model, t.x, t.q).logJoint(NaN), RangeError, /z\[0\] must be finite/);
    throwsWith(() => iwae.lgIwae1d(t.model, t.x, t.q, { nz: 200, nu: 200 }).refined('x' as never), TypeError, /others must be an array/);
    return assert.rejects(iwae.compareIwaeVae(null as never, iwae.iwaeComparisonPreset('fast')), /data must be \{ train, test \}/);
  });
});
