/**
 * The AR exercises and errata: every reference evaluates at its defaults and is accepted by its own comparator; the documented
 * answers (source statements / oracles) pass; every erratum's demonstration runs and shows source ≠ exact where it is numeric.
 */
import { strict as assert } from 'assert';
import '../../src/autoregressive';
import { listExercises, verify } from '../../src/exercises/registry';
import { listErrata } from '../../src/errata/registry';
import { initBackend } from '../../src/core/backend';

before(async () => {
  await initBackend('cpu');
});

describe('autoregressive — exercises and errata', () => {
  const ex = listExercises({ topic: 'ar' });
  it('at least 3 exercises per owned notebook that exists in the registry', () => {
    const per = new Map<string, number>();
    ex.forEach((e) => per.set(e.notebook ?? '', (per.get(e.notebook ?? '') ?? 0) + 1));
    for (const [nb, k] of per) assert.ok(k >= 3, `${nb}: ${k}`);
  });
  for (const e of ex) {
    it(`${e.id}: the reference passes its own comparator`, () => {
      assert.ok(verify(e.id, e.reference()).passed);
    });
  }
  it('oracle answers pass: 785,784 (003), 785,284 (002), 34; p(111) = 0.18547070; connectivity [[0,0,0],[2,0,0],[4,2,0]]; flipped', () => {
    assert.ok(verify('ar.nade.count', 785784).passed);
    assert.ok(verify('ar.nade.count', 785284, { convention: '002' }).passed);
    assert.ok(verify('ar.nade.count', 34, { n: 4, d: 3 }).passed);
    assert.ok(!verify('ar.nade.count', 785284).passed);
    assert.ok(verify('ar.nade.p111', 0.1854707).passed);
    assert.ok(verify('ar.made.connectivity', [[0, 0, 0], [2, 0, 0], [4, 2, 0]]).passed);
    assert.ok(verify('ar.masks.steps-orientation', 'flipped').passed);
    assert.ok(!verify('ar.masks.steps-orientation', 'raster').passed);
    assert.ok(verify('ar.made.l667-degrees', { m1: [1, 2, 1, 2, 3], m2: [1, 1, 2, 1, 3] }).passed);
    assert.ok(!verify('ar.made.l667-degrees', { m1: [1, 1, 1, 1, 1], m2: [1, 1, 1, 1, 1] }).passed);
  });
  const mine = /^(001-E1[12]|000-E2[6-9]|000-E3[01]|002-E3[6-9]|003-E7[1-9]|003-E8[01])$/;
  for (const e of listErrata().filter((x) => mine.test(x.id))) {
    it(`${e.id}: the demonstration runs and differs from the source form`, () => {
      const d = e.demonstrate();
      assert.notDeepEqual(d.source, d.exact);
    });
  }
});
