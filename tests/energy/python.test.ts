import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as energy from '../../src/energy';
import { rng } from '../../src/core/rng';

/** Reference implementation: NumPy brute force over all 2^{m+n} joint states (no shared code with the library). */
const PY = `
import sys, json, itertools, numpy as np
d = json.load(sys.stdin)
W, b, c = np.array(d['W']), np.array(d['b']), np.array(d['c'])
m, n = len(b), len(c)
negE = [h @ W @ v + b @ v + c @ h for v in map(np.array, itertools.product([0, 1], repeat=m)) for h in map(np.array, itertools.product([0, 1], repeat=n))]
negE = np.array(negE)
logZ = negE.max() + np.log(np.exp(negE - negE.max()).sum())
v = np.array(d['v'])
fe = [h @ W @ v + b @ v + c @ h for h in map(np.array, itertools.product([0, 1], repeat=n))]
logpv = np.logaddexp.reduce(fe) - logZ
print(json.dumps({'logZ': float(logZ), 'logp': float(logpv)}))
`;

describe('energy — NumPy cross-check (reference implementation, /usr/bin/python3)', () => {
  it('log Z and log p(v) of a random 6 × 4 RBM match a NumPy brute-force sum over the 1024 joint states', () => {
    const r = rng(2024);
    const R: energy.Rbm = { W: Array.from({ length: 4 }, () => Array.from(r.normals(6, 0, 1))), b: Array.from(r.normals(6)), c: Array.from(r.normals(4)) };
    const v = [1, 0, 0, 1, 1, 0];
    const out = spawnSync('/usr/bin/python3', ['-c', PY], { input: JSON.stringify({ ...R, v }), encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    const ref = JSON.parse(out.stdout) as { logZ: number; logp: number };
    assert.ok(Math.abs(energy.rbmLogZ(R) - ref.logZ) < 1e-10, `${energy.rbmLogZ(R)} vs ${ref.logZ}`);
    assert.ok(Math.abs(energy.rbmLogZ(R, { via: 'hidden' }) - ref.logZ) < 1e-10);
    assert.ok(Math.abs(energy.rbmLogProb(R, v) - ref.logp) < 1e-10);
  });
});
