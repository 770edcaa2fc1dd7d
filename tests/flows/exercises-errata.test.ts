/**
 * The flow exercises and errata registered by src/flows: references reproduce the inventories' oracles (named), the errata
 * demonstrations show the source form differing from the exact form by the stated margins, and every id the issue lists exists.
 */
import { strict as assert } from 'assert';
import '../../src/flows';
import { getExercise, listExercises, verify } from '../../src/exercises';
import { getErratum } from '../../src/errata';
import { assertClose } from '../core/close';

describe('flows — exercises (flow.*)', () => {
  it('3–8 exercises per notebook, each with a notebook', () => {
    const ex = listExercises().filter((e) => e.id.startsWith('flow.'));
    const per = new Map<string, number>();
    for (const e of ex) per.set(e.notebook ?? '', (per.get(e.notebook ?? '') ?? 0) + 1);
    assert.equal(per.has(''), false);
    for (const [nb, n] of per) assert.ok(n >= 3 && n <= 8, `${nb}: ${n}`);
    assert.equal(per.size, 5);
  });

  it('references reproduce the oracles: 000 O-10 (z, log P, exact ∂φ), O-08, O-13, O-14, O-15, O-17, 002 D14; 001 §5 hand values', () => {
    const ref = (id: string, p?: Record<string, number>) => getExercise(id).reference(p) as number;
    assertClose(ref('flow.cov.z-1d'), 0.17364893019360172, 0, 1e-14);
    assertClose(ref('flow.cov.logp-1d'), -0.06651494097864075, 0, 1e-13);
    assertClose(ref('flow.cov.exact-grad-1d'), -0.4849230245213088, 0, 1e-13);
    assertClose(ref('flow.cov.source-23'), -0.91345, 0, 5e-6); // AUDIT-NOTES value
    assertClose(ref('flow.cov.logdet-2d'), 1.7603189433937358, 0, 1e-13);
    assertClose(ref('flow.ew.exact-grad-delta'), -0.8472978603872036, 0, 1e-13);
    assertClose(ref('flow.finite.logdet-sum'), 1.7603189433937358, 0, 1e-13);
    assertClose(ref('flow.finite.literal-sum'), 18.632478632478634, 0, 1e-11);
    assertClose(ref('flow.finite.epoch-step'), 0.15258504, 0, 1e-8);
    assertClose(ref('flow.nvp.forward-x2'), 1.5 - Math.exp(0.15), 0, 1e-15);
    assertClose(ref('flow.nvp.logp'), -2.6128770664093453, 0, 1e-13);
    assertClose(ref('flow.nvp.vector-logdet'), -0.3, 0, 1e-14);
    assertClose(ref('flow.sta.affine-density'), 0.199471, 0, 5e-7);
    assertClose(ref('flow.sta.exp-density'), 0.089016, 0, 5e-7);
    // 001 §5.4 by hand: ρ = 2, α = β = 1 ⇒ r² − 2 = 0 ⇒ r = √2; threshold β = −α; counter-example r = −(α + β) = 2
    assertClose(ref('flow.inv.radial-r'), Math.SQRT2, 0, 1e-12);
    assertClose(ref('flow.inv.beta-threshold'), -0.5, 0, 1e-9);
    assertClose(ref('flow.inv.counter-radius'), 2, 0, 1e-15);
    assertClose(ref('flow.inv.radial-logdet'), Math.log(1.5) + Math.log(1.25), 0, 1e-14);
    assertClose(ref('flow.inv.residual-threshold'), -1, 0, 1e-3);
    assert.equal(getExercise('flow.inv.relu-invertible').reference(), false);
    assert.equal(getExercise('flow.ew.same-sign').reference(), false);
  });

  it('check accepts the hand value and rejects the source’s wrong value (flow.cov.exact-grad-1d vs (2.4))', () => {
    assert.equal(verify('flow.cov.exact-grad-1d', (0.17364893019360172 ** 2 - 1) / 2).passed, true);
    assert.equal(verify('flow.cov.exact-grad-1d', -1.5086879290323851).passed, false);
    assert.equal(verify('flow.nvp.logp', 1.0628770664093454).passed, false);
  });
});

describe('flows — errata registered with demonstrations', () => {
  const ids = ['000-E11', '000-E12', '000-E13', '000-E14', '000-E15', '000-E16', '000-E17', '000-E18', '000-E19', '000-E20', '000-E21', '000-E22', '000-E23', '000-E24', '000-E25', '001-E51', '001-E52', '001-E53', '002-E40'];
  it('every id of 000 E11–E25, 001 §5 and 002 E40 is registered and demonstrates', () => {
    for (const id of ids) {
      const d = getErratum(id).demonstrate();
      assert.ok(d.source !== undefined && d.exact !== undefined, id);
    }
  });

  it('000-E16: the tutorial training ends far from the MLE (φ < 0) while the exact one reaches it', () => {
    const d = getErratum('000-E16').demonstrate() as unknown as { source: { after3000: number[] }; exact: { after3000: number[] }; closedFormMle: number[] };
    assert.ok(d.source.after3000[0] < 0);
    assertClose(d.exact.after3000[0], d.closedFormMle[0], 0, 2e-3);
    assertClose(d.exact.after3000[1], d.closedFormMle[1], 0, 2e-3);
  });

  it('000-E13 and E19/E24: source ≠ exact by the oracle margins; exact = finite differences', () => {
    const e13 = getErratum('000-E13').demonstrate() as unknown as { source: number[]; exact: number[]; finiteDifference: number[] };
    assertClose(e13.exact[0], e13.finiteDifference[0], 0, 1e-6);
    assert.ok(Math.abs(e13.source[0] - e13.exact[0]) > 0.4);
    const e19 = getErratum('000-E19').demonstrate();
    assert.ok(Math.abs((e19.source as number) - (e19.exact as number)) > 16);
    const e24 = getErratum('000-E24').demonstrate();
    assertClose((e24.source as number) - (e24.exact as number), 2 * Math.log(2 * Math.PI), 0, 1e-12);
  });
});
