import { strict as assert } from 'assert';
import '../../src/energy';
import { listErrata } from '../../src/errata';

const OWN = ['000-E46', '000-E47', '000-E48', '000-E49', '000-E50', '000-E51'].concat(
  [14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 95, 96].map((n) => `003-E${n}`),
);

describe('energy/errata — 000 §3 (E46–E51) and 003 RBM errata are registered with working demonstrations', () => {
  const byId = new Map(listErrata().map((e) => [e.id, e]));
  it('every owned id is registered, names a notebook, and its demonstration returns different source and exact values', () => {
    for (const id of OWN) {
      const e = byId.get(id);
      assert.ok(e, `${id} registered`);
      assert.ok(e.notebook, `${id} notebook`);
      const d = e.demonstrate();
      assert.notDeepEqual(d.source, d.exact, `${id}: source and exact differ`);
    }
  });
  it('000-E49: the tutorial rule ends at −20.000045 after 200 steps, the exact rule at −1.315225 (000 O-33, AUDIT-NOTES)', () => {
    const d = byId.get('000-E49')!.demonstrate() as { source: { logLikAfter200: number }; exact: { logLikAfter200: number } };
    assert.ok(Math.abs(d.source.logLikAfter200 - -20.000045) < 1e-6);
    assert.ok(Math.abs(d.exact.logLikAfter200 - -1.315225) < 1e-6);
  });
});
