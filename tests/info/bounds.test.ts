/** Tests of src/info/bounds (000 App. A2: JS bound, triangle inequality, Bernoulli KL grid). */
import { strict as assert } from 'assert';
import * as info from '../../src/info';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);

describe('info/bounds — JS bound and the metric counter-example (000 A2, E62, E63)', () => {
  it('000 O-46 / E62: the triangle inequality fails for JS (0.693 > 0.432) and holds for √JS (values: 000 inventory §3)', () => {
    const { P, Q, R } = info.JS_COUNTER_EXAMPLE;
    const t = info.triangleInequality('js', P, Q, R);
    close(t.direct, 0.6931471805599453, 1e-15);
    close(t.viaQ, 0.4315231086776713, 1e-15);
    assert.equal(t.holds, false);
    const d = info.triangleInequality('jsDistance', P, Q, R);
    close(d.direct, 0.8325546111576977, 1e-12);
    close(d.viaQ, 0.9290028080449179, 1e-12);
    assert.equal(d.holds, true);
  });

  it('000 O-47 / E63: 0 ≤ JS ≤ ln 2 nats (1 bit), symmetric; the source bound 1 is the bound in bits only (values: 000 inventory §3)', () => {
    close(info.jsUpperBound(), Math.LN2, 1e-15);
    assert.equal(info.jsUpperBound({ base: 'bits' }), 1);
    assert.equal(info.jsUpperBoundSource(), 1);
    const ps = [[0.5, 0.5], [0.9, 0.1], [1, 0], [0.2, 0.8]];
    for (const p of ps) for (const q of ps) {
      const a = info.js(p, q);
      close(a, info.js(q, p), 1e-15, 'symmetry');
      assert.ok(a >= 0 && a <= info.jsUpperBound() + 1e-15);
    }
    // the maximum is attained for disjoint supports
    close(info.jsBernoulli(1, 0), info.jsUpperBound(), 1e-15);
    close(info.jsBernoulli(1, 0, { base: 'bits' }), 1, 1e-15);
  });

  it('KL Bernoulli grid: 000 O-45 entries, zero diagonal, asymmetric', () => {
    const g = info.klBernoulliGrid([0.5, 0.9], [0.5, 0.9]);
    close(g[0][1], 0.5108256237659907, 1e-12);
    close(g[1][0], 0.3680642071684971, 1e-12);
    close(g[0][0], 0, 1e-15);
    close(g[1][1], 0, 1e-15);
  });

  it('KL triangle inequality can fail too (KL is no metric): P = (1,0), Q = (½,½), R = (¼,¾) (independent computation)', () => {
    const t = info.triangleInequality('kl', [1, 0], [0.5, 0.5], [0.25, 0.75]);
    close(t.direct, Math.log(4), 1e-12);
    close(t.viaQ, Math.log(2) + 0.5 * Math.log(2) + 0.5 * Math.log(0.5 / 0.75), 1e-12);
    assert.equal(t.holds, false);
  });

  it('validates inputs', () => {
    assert.throws(() => info.triangleInequality('tv' as never, [1], [1], [1]), /divergence/);
    assert.throws(() => info.klBernoulliGrid([0.5], [1]), /qs\[0\]/);
    assert.throws(() => info.klBernoulliGrid([1.5], [0.5]), /ps\[0\]/);
    assert.throws(() => info.jsBernoulli(-0.1, 0.5), /\bp\b/);
    assert.throws(() => info.jsUpperBound({ base: 1 }), /base/);
  });
});
