import { strict as assert } from 'assert';
import { byPreset, preset } from '../../src/core';
import { assertThrowsWith } from './close';

// Expected behaviour from DESIGN.md (notebook conventions): DGMLAB_PRESET is `fast` | `full`, default `full`;
// an unknown value is an error, not a silent default.

describe('core/preset', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.DGMLAB_PRESET;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.DGMLAB_PRESET;
    else process.env.DGMLAB_PRESET = saved;
  });

  it('defaults to full when DGMLAB_PRESET is unset or empty', () => {
    delete process.env.DGMLAB_PRESET;
    assert.equal(preset(), 'full');
    process.env.DGMLAB_PRESET = '';
    assert.equal(preset(), 'full');
  });

  it('reads fast and full', () => {
    process.env.DGMLAB_PRESET = 'fast';
    assert.equal(preset(), 'fast');
    process.env.DGMLAB_PRESET = 'full';
    assert.equal(preset(), 'full');
  });

  it('an unknown value (including a different case) is a RangeError naming DGMLAB_PRESET and the value', () => {
    process.env.DGMLAB_PRESET = 'FAST';
    assertThrowsWith(() => preset(), RangeError, 'preset: DGMLAB_PRESET must be "fast" or "full" (got "FAST")');
    process.env.DGMLAB_PRESET = 'quick';
    assertThrowsWith(() => byPreset({ fast: 1, full: 2 }), RangeError, 'DGMLAB_PRESET', '(got "quick")');
  });

  it('byPreset picks the value for the preset in force (by reference, any type)', () => {
    const full = { steps: 20000 };
    const fast = { steps: 200 };
    delete process.env.DGMLAB_PRESET;
    assert.equal(byPreset({ fast, full }), full);
    process.env.DGMLAB_PRESET = 'fast';
    assert.equal(byPreset({ fast, full }), fast);
    assert.equal(byPreset({ fast: 'a', full: 'b' }), 'a');
  });

  it('byPreset needs both keys: a TypeError naming values and showing what it got', () => {
    assertThrowsWith(() => byPreset({ fast: 1 } as unknown as { fast: number; full: number }), TypeError, 'byPreset: values must have both "fast" and "full" (got {"fast":1})');
    assertThrowsWith(() => byPreset(null as unknown as { fast: number; full: number }), TypeError, '(got null)');
    assertThrowsWith(() => byPreset(5 as unknown as { fast: number; full: number }), TypeError, 'byPreset: values must have both "fast" and "full" (got 5)');
  });
});
