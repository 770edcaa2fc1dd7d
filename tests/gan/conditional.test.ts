import { strict as assert } from 'assert';
import * as gan from '../../src/gan';
import { rng } from '../../src/core/rng';
import { fdGrads, maxRelErr } from './helpers';

describe('gan/conditional — 004 §68.6 conditional GAN (book form and the E17 fix)', () => {
  it('(68.162)–(68.163): book labels have C + 1 entries and a fake carries e_{C+1}; the corrected condition is the C-entry class one-hot', () => {
    assert.deepEqual(gan.conditionVector(1, 5, 'source'), [0, 1, 0, 0, 0, 0]); // C = 5, class 2 (index 1) → e_2 ∈ ℝ⁶ as (68.162)
    assert.deepEqual(gan.conditionVector(1, 5, 'source', true), [0, 0, 0, 0, 0, 1]);
    assert.deepEqual(gan.conditionVector(1, 5, 'exact', true), [0, 1, 0, 0, 0]);
  });

  it('(68.174): W̄_{1,d} = [I_M 0] W_{1,d} is the first M rows', () => {
    const D: gan.SayedNet = { W: [[[1, 2], [3, 4], [5, 6], [7, 8]], [[1, 0], [0, 1]]], theta: [[0, 0], [0, 0]], act: ['tanh', 'softmax'] };
    assert.deepEqual(gan.conditionalTransitionRows(D, 2), [[1, 2], [3, 4]]);
  });

  it('004 O12: the conditional generator gradient with the W̄ transition = finite differences and tf.grads (both forms, ρ > 0)', () => {
    for (const form of ['exact', 'source'] as const) {
      const r = rng(form === 'exact' ? 3 : 4);
      const C = 3;
      const k = form === 'source' ? C + 1 : C;
      const G = gan.createSayedNet([2 + k, 4, 2], ['tanh', 'tanh'], r);
      const D = gan.createSayedNet([2 + k, 5, 2], ['tanh', 'softmax'], r);
      const us = [[0.1, -0.4], [1, 0.3], [-0.7, 0.2]];
      const gc = [0, 2, 1].map((c) => gan.conditionVector(c, C, form));
      const dc = [0, 2, 1].map((c) => gan.conditionVector(c, C, form, true));
      const hand = gan.conditionalGeneratorGradients(G, D, us, gc, dc, { rho: 0.02 });
      const fd = fdGrads(G, () => -gan.conditionalGeneratorGradients(G, D, us, gc, dc, { rho: 0.02 }).objective);
      assert.ok(maxRelErr(hand, fd) < 1e-7, `${form} FD ${maxRelErr(hand, fd)}`);
      assert.ok(maxRelErr(hand, gan.conditionalGeneratorGradientsTf(G, D, us, gc, dc, { rho: 0.02 })) < 1e-3, form);
    }
  });

  it('004-E17 by training: the book form\'s discriminator drives its risk to ~0 and the generator never hits the requested mode; the corrected form learns the classes', function () {
    this.timeout(120000);
    const run = (form: 'exact' | 'source') => {
      const r = rng(1);
      const k = form === 'source' ? 9 : 8;
      const t = new gan.ConditionalGanTrainer(gan.createSayedNet([2 + k, 32, 32, 2], ['relu', 'relu', 'linear'], r), gan.createSayedNet([2 + k, 32, 32, 2], ['relu', 'relu', 'softmax'], r), form, { seed: 2 });
      t.run(700);
      return { risk: t.history.slice(-20).reduce((s, x) => s + x.discriminatorRisk, 0) / 20, acc: t.conditionalAccuracy(100) };
    };
    const src = run('source');
    const ex = run('exact');
    assert.ok(src.risk < 0.01, `book-form D risk ${src.risk}`);
    assert.ok(src.acc < 0.05, `book-form accuracy ${src.acc}`);
    assert.ok(Math.abs(ex.risk - Math.log(2)) < 0.1, `corrected D risk ${ex.risk} near ln 2`);
    assert.ok(ex.acc > 0.6, `corrected accuracy ${ex.acc}`);
  });

  it('rejects bad input', () => {
    const r = rng(1);
    assert.throws(() => gan.conditionVector(5, 5, 'exact'), /conditionVector: c must be an integer in \[0, 4\] \(got 5\)/);
    assert.throws(() => gan.conditionVector(0, 0, 'exact'), /C must be an integer in \[1, 10000\] \(got 0\)/);
    assert.throws(() => gan.conditionVector(0, 2, 'book' as never), /form must be one of/);
    const D = gan.createSayedNet([4, 3, 2], ['tanh', 'softmax'], r);
    assert.throws(() => gan.conditionalTransitionRows(D, 5), /M must be an integer in \[1, 4\] \(got 5\)/);
    const G = gan.createSayedNet([3, 2], ['tanh'], r);
    assert.throws(() => gan.conditionalGeneratorGradients(G, D, [], [], []), /us must be a non-empty array/);
    assert.throws(() => gan.conditionalGeneratorGradients(G, D, [[0]], [], [[0, 0]]), /genConds must have one condition per latent/);
    assert.throws(() => gan.conditionalGeneratorGradients(G, D, [[0]], [[0, 1]], [[0]]), /discConds\[0\] must have length 2/);
    assert.throws(() => gan.sampleRingLabelled(0, r), /sampleRingLabelled: n must be an integer/);
    assert.throws(() => new gan.ConditionalGanTrainer(G, D, 'exact'), /generator's input size must be P \+ 8 = 10/);
    assert.throws(() => new gan.ConditionalGanTrainer(G, D, 'bad' as never), /form must be one of/);
  });
});
