/**
 * Tests of src/backprop (source 000 Appendix A1). Oracle values: 000 inventory §3 (O-42…O-44, recomputed in AUDIT-NOTES);
 * gradients also checked independently against central finite differences and tf.grad.
 */
import { strict as assert } from 'assert';
import * as bp from '../../src/backprop';
import { rng } from '../../src/core/rng';

const close = (a: number, b: number, tol: number, msg = '') => assert.ok(Math.abs(a - b) <= tol, `${msg} expected ${b}, got ${a} (tol ${tol})`);
const closeVec = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number, msg = '') => {
  assert.equal(a.length, b.length, `${msg} length`);
  for (let i = 0; i < a.length; i++) close(a[i], b[i], tol, `${msg}[${i}]`);
};

/** The 2-2-1 network of oracle 000 O-42. */
const NET: bp.Mlp = { W: [[[0.4, -0.2], [0.3, 0.1]], [[0.6], [-0.4]]], theta: [[0.1, -0.1], [0.05]] };
const X = [0.5, 0.8];
const V = [1];

describe('backprop/mlp — Appendix A1 (000)', () => {
  it('000 O-42: forward pass of the 2-2-1 network (values: 000 inventory §3)', () => {
    const f = bp.mlpForward(NET, X);
    closeVec(f.x[1], [0.54, -0.12], 1e-15);
    closeVec(f.y[1], [0.63181242, 0.47003595], 5e-9);
    close(f.x[2][0], 0.24107307134748968, 1e-15);
    close(f.y[2][0], 0.5599780738632882, 1e-15);
    close(bp.mlpError(f.y[2], V), 0.09680964774053091, 1e-15);
  });

  it('000 O-42: deltas (A1.1)/(A1.2) and the (A1.3) update (values: 000 inventory §3)', () => {
    const s = bp.bpSgdStep(NET, X, V, 0.5);
    close(s.deltas[1][0], 0.10842256014625186, 1e-15);
    closeVec(s.deltas[0], [0.01513311, -0.01080332], 5e-9);
    closeVec(s.net.W[1].map((r) => r[0]), [0.63425136, -0.37451875], 5e-9);
    close(s.net.theta[1][0], 0.10421128007312594, 1e-15);
    closeVec(s.net.W[0][0], [0.40378328, -0.20270083], 5e-9);
    closeVec(s.net.W[0][1], [0.30605324, 0.09567867], 5e-9);
    closeVec(s.net.theta[0], [0.10756656, -0.10540166], 5e-9);
    // the input network is not modified
    assert.deepEqual(NET.W[1], [[0.6], [-0.4]]);
  });

  it('000 O-44 / E05: the source order (output layer updated first) gives δ_h = (0.01599699, −0.01011511) (values: 000 inventory §3)', () => {
    const s = bp.bpSgdStep(NET, X, V, 0.5, { order: 'source' });
    closeVec(s.deltas[0], [0.01599699, -0.01011511], 5e-9);
    close(s.deltas[1][0], 0.10842256014625186, 1e-15);
    closeVec(s.net.W[1].map((r) => r[0]), [0.63425136, -0.37451875], 5e-9);
    assert.ok(Math.abs(s.net.W[0][0][0] - bp.bpSgdStep(NET, X, V, 0.5).net.W[0][0][0]) > 1e-5);
  });

  it('000 O-43 / E60: the output log-likelihood constant −π/2 vs −½log 2π (values: 000 inventory §3)', () => {
    const y = bp.mlpForward(NET, X).y[2];
    close(bp.outputLogLik(y, V, 'source'), -1.6676059745354275, 1e-14);
    close(bp.outputLogLik(y, V, 'exact'), -1.0157481809452036, 1e-14);
  });

  it('000 O-42 FD: dε/dw_ho[0] = −y_h0 δ_o = −0.0685027199; all gradients match central finite differences', () => {
    const g = bp.mlpGradients(NET, X, V);
    close(g.dW[1][0][0], -0.0685027199, 5e-11);
    const eps = (n: bp.Mlp) => bp.mlpError(bp.mlpForward(n, X).y[2], V);
    const h = 1e-6;
    for (let l = 0; l < 2; l++) {
      NET.W[l].forEach((row, j) => row.forEach((_, k) => {
        const p = bp.cloneMlp(NET); p.W[l][j][k] += h;
        const m = bp.cloneMlp(NET); m.W[l][j][k] -= h;
        close(g.dW[l][j][k], (eps(p) - eps(m)) / (2 * h), 1e-9, `W[${l}][${j}][${k}]`);
      }));
      NET.theta[l].forEach((_, k) => {
        const p = bp.cloneMlp(NET); p.theta[l][k] += h;
        const m = bp.cloneMlp(NET); m.theta[l][k] -= h;
        close(g.dTheta[l][k], (eps(p) - eps(m)) / (2 * h), 1e-9, `theta[${l}][${k}]`);
      });
    }
  });

  it('hand gradients equal tf.grad (float32) on a random 3-4-3-2 network', () => {
    const r = rng(11);
    const net = bp.initMlp([3, 4, 3, 2], r);
    const x = [0.3, -1, 0.8];
    const v = [0.2, 0.9];
    const hand = bp.mlpGradients(net, x, v);
    const auto = bp.mlpGradientsTf(net, x, v);
    hand.dW.forEach((Wl, l) => Wl.forEach((row, j) => closeVec(row, auto.dW[l][j], 2e-6, `dW[${l}][${j}]`)));
    hand.dTheta.forEach((t, l) => closeVec(t, auto.dTheta[l], 2e-6, `dTheta[${l}]`));
  });

  it('tanh / relu / identity layers: hand gradients equal central finite differences and tf.grad', () => {
    const net = bp.initMlp([3, 5, 4, 2], rng(5), 1, ['tanh', 'relu', 'identity']);
    const x = [0.4, -0.7, 1.1];
    const v = [0.3, -0.2];
    const hand = bp.mlpGradients(net, x, v);
    const auto = bp.mlpGradientsTf(net, x, v);
    hand.dW.forEach((Wl, l) => Wl.forEach((row, j) => closeVec(row, auto.dW[l][j], 2e-6, `tf dW[${l}][${j}]`)));
    hand.dTheta.forEach((t, l) => closeVec(t, auto.dTheta[l], 2e-6, `tf dTheta[${l}]`));
    const eps = (n: bp.Mlp) => bp.mlpError(bp.mlpForward(n, x).y[3], v);
    const h = 1e-6;
    net.W.forEach((Wl, l) => Wl.forEach((row, j) => row.forEach((_, k) => {
      const p = bp.cloneMlp(net); p.W[l][j][k] += h;
      const m = bp.cloneMlp(net); m.W[l][j][k] -= h;
      close(hand.dW[l][j][k], (eps(p) - eps(m)) / (2 * h), 1e-8, `FD W[${l}][${j}][${k}]`);
    })));
    assert.deepEqual(bp.cloneMlp(net).activation, ['tanh', 'relu', 'identity']);
  });

  it('activation options are validated; the tutorial derivative exists only for the sigmoid', () => {
    assert.throws(() => bp.mlpForward({ ...NET, activation: 'softsign' as never }, X), /net.activation/);
    assert.throws(() => bp.mlpForward({ ...NET, activation: ['tanh'] }, X), /one activation per layer/);
    const tanhNet = { ...NET, activation: 'tanh' as const };
    assert.throws(() => bp.backpropDeltas(tanhNet, bp.mlpForward(tanhNet, X), V, { derivative: 'tutorial' }), /only for the sigmoid/);
  });

  it('derivative variants (E06): tutorial and unit variants give other deltas than the exact one', () => {
    const f = bp.mlpForward(NET, X);
    const ex = bp.backpropDeltas(NET, f, V);
    const tu = bp.backpropDeltas(NET, f, V, { derivative: 'tutorial' });
    const un = bp.backpropDeltas(NET, f, V, { derivative: 'unit' });
    close(un[1][0], 1 - 0.5599780738632882, 1e-15); // f' = 1: δ_o = v − y
    assert.ok(Math.abs(tu[1][0] - ex[1][0]) > 1e-3);
  });

  it('XOR: the exact rule reaches mean error < 0.01 with a seeded 2-3-1 network; the run is reproducible', () => {
    const net0 = bp.initMlp([2, 3, 1], rng(4), 1);
    const a = bp.trainMlp(net0, bp.XOR.inputs, bp.XOR.targets, { gamma: 0.5, epochs: 4000 });
    const b = bp.trainMlp(net0, bp.XOR.inputs, bp.XOR.targets, { gamma: 0.5, epochs: 4000 });
    assert.deepEqual(a.losses, b.losses);
    const e = bp.epochsToReach(a.losses, 0.01);
    assert.ok(e !== null, `XOR did not reach 0.01 (final ${a.losses[4000]})`);
  });

  it('validates inputs', () => {
    assert.throws(() => bp.mlpForward(NET, [1]), /input.*length 2/);
    assert.throws(() => bp.mlpForward({ W: [], theta: [] }, [1]), /net/);
    assert.throws(() => bp.mlpForward({ W: [[[1]]], theta: [[1, 2]] }, [1]), /theta\[0\].*length 1/);
    assert.throws(() => bp.mlpForward({ W: [[[1, 2]], [[1]]], theta: [[0, 0], [0]] }, [1]), /W\[1\].*2 rows/);
    assert.throws(() => bp.mlpForward(null as never, [1]), /net/);
    assert.throws(() => bp.bpSgdStep(NET, X, V, 0), /gamma/);
    assert.throws(() => bp.bpSgdStep(NET, X, V, 0.5, { order: 'random' as never }), /order/);
    assert.throws(() => bp.bpSgdStep(NET, X, [1, 2], 0.5), /target.*length 1/);
    assert.throws(() => bp.backpropDeltas(NET, bp.mlpForward(NET, X), V, { derivative: 'relu' as never }), /derivative/);
    assert.throws(() => bp.outputLogLik([0.5], [1], 'approx' as never), /form/);
    assert.throws(() => bp.initMlp([2], rng(1)), /sizes/);
    assert.throws(() => bp.initMlp([2, 0], rng(1)), /sizes\[1\]/);
    assert.throws(() => bp.trainMlp(NET, [[0, 0]], [[0], [1]], { gamma: 0.1, epochs: 1 }), /targets/);
    assert.throws(() => bp.epochsToReach([1, 0.5], 0), /threshold/);
    assert.throws(() => bp.mlpGradientsTf(NET, [1], V), /input/);
  });
});
