/** Tests of src/counting: parameter counts of sources 002 (T18, D24) and 003 (student network, NADE). */
import { strict as assert } from 'assert';
import * as counting from '../../src/counting';

describe('counting — free parameters of discrete models', () => {
  it('003 §4.1: the student network — full joint 2·2·3·2·2 − 1 = 47, Bayesian network 1 + 1 + 8 + 2 + 3 = 15 (values: 003 inventory)', () => {
    const s = counting.STUDENT_NETWORK;
    assert.equal(counting.fullJointParameters(s.cardinalities), 47);
    assert.equal(counting.bayesNetParameters(s.cardinalities, s.parents), 15);
    // all binary: 31 vs 10 (003 inventory §4.1)
    assert.equal(counting.fullJointParameters([2, 2, 2, 2, 2]), 31);
    assert.equal(counting.bayesNetParameters([2, 2, 2, 2, 2], s.parents), 10);
  });

  it('002 T18 / D24: FVSBN p(p+1)/2, 784 → 307,720; NADE 2pd + p + d = 785,284 (values: 002 inventory)', () => {
    assert.equal(counting.fvsbnParameters(784), 307720);
    assert.equal(counting.fvsbnParameters(4), 1 + 2 + 3 + 4);
    assert.equal(counting.nadeParameters(784, 500, '002'), 785284);
  });

  it('003 §4.6: NADE 2nd + n + 2d — (3,2) → 19, (4,3) → 34, (784,500) → 785,784; full tables 2ⁿ − 1 (values: 003 inventory)', () => {
    assert.equal(counting.nadeParameters(3, 2, '003'), 19);
    assert.equal(counting.nadeParameters(4, 3, '003'), 34);
    assert.equal(counting.nadeParameters(784, 500, '003'), 785784);
    assert.equal(counting.nadeParameters(784, 500, '003') - counting.nadeParameters(784, 500, '002'), 500);
    assert.equal(counting.fullJointParameters([2, 2, 2]), 7);
    assert.equal(counting.fullJointParameters([2, 2, 2, 2]), 15);
  });

  it('003 NB01: 2^1024 − 1 as a BigInt has 309 digits (independent: BigInt arithmetic); n = 10 gives 1023', () => {
    const big = counting.fullJointParametersBig(new Array(1024).fill(2));
    assert.equal(big.toString().length, 309);
    assert.equal(big, 2n ** 1024n - 1n);
    assert.equal(counting.fullJointParameters(new Array(10).fill(2)), 1023);
  });

  it('countsByModel agrees with the individual counts; a chain-of-two-parents BN for p binary variables has 1 + 2 + 4(p − 2)', () => {
    const c = counting.countsByModel(10, 5);
    assert.equal(c.fullJoint, 1023);
    assert.equal(c.bayesNet, 1 + 2 + 4 * 8);
    assert.equal(c.fvsbn, 55);
    assert.equal(c.nade002, 2 * 10 * 5 + 10 + 5);
    assert.equal(c.nade003, c.nade002 + 5);
  });

  it('validates inputs', () => {
    assert.throws(() => counting.fullJointParameters([]), /cardinalities/);
    assert.throws(() => counting.fullJointParameters([2, 0]), /cardinalities\[1\]/);
    assert.throws(() => counting.bayesNetParameters([2, 2], [[]]), /parents/);
    assert.throws(() => counting.bayesNetParameters([2, 2], [[1], [5]]), /parents\[1\]/);
    assert.throws(() => counting.bayesNetParameters([2, 2], [[0], []]), /itself/);
    assert.throws(() => counting.fvsbnParameters(0), /\bp\b/);
    assert.throws(() => counting.nadeParameters(4, 3, '004' as never), /convention/);
    assert.throws(() => counting.nadeParameters(4, 1.5), /\bd\b/);
    assert.throws(() => counting.countsByModel(-1), /\bp\b/);
  });
});
