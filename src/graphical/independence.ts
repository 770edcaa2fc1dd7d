/**
 * Conditional independence checked numerically on a joint table (source 002 §2.3, T4; 003 L36–44, L86–92):
 * X ⊥ Y | Z iff P(x, y, z) P(z) = P(x, z) P(y, z) for every (x, y, z), equivalently iff the conditional mutual
 * information I(X; Y | Z) = Σ P(x,y,z) log[P(x,y,z) P(z) / (P(x,z) P(y,z))] is zero (Cover & Thomas 2006, §2.5).
 */
import { describe } from '../core/validate';
import { Factor, marginalOnto, strides, indexToStates, normalize } from './factor';

function sets(fn: string, joint: Factor, X: unknown, Y: unknown, Z: unknown): [string[], string[], string[]] {
  if (!joint || !Array.isArray(joint.vars) || !(joint.values instanceof Float64Array)) throw new TypeError(`${fn}: argument joint must be a Factor (got ${describe(joint)})`);
  const out = ([['X', X], ['Y', Y], ['Z', Z]] as [string, unknown][]).map(([arg, s]) => {
    if (!Array.isArray(s)) throw new TypeError(`${fn}: argument ${arg} must be an array of variable names (got ${describe(s)})`);
    s.forEach((v, i) => {
      if (!joint.vars.includes(v)) throw new RangeError(`${fn}: argument ${arg}[${i}] = ${describe(v)} is not a variable of the joint (${joint.vars.join(', ')})`);
    });
    return s as string[];
  });
  if (out[0].length === 0 || out[1].length === 0) throw new RangeError(`${fn}: arguments X and Y must each name at least one variable`);
  const all = [...out[0], ...out[1], ...out[2]];
  if (new Set(all).size !== all.length) throw new RangeError(`${fn}: arguments X, Y and Z must be disjoint (got X = ${out[0]}, Y = ${out[1]}, Z = ${out[2]})`);
  return out as [string[], string[], string[]];
}

function tables(joint: Factor, X: string[], Y: string[], Z: string[]) {
  const p = normalize(marginalOnto(joint, [...X, ...Y, ...Z]));
  const pxz = marginalOnto(p, [...X, ...Z]);
  const pyz = marginalOnto(p, [...Y, ...Z]);
  const pz = marginalOnto(p, Z);
  const sxz = strides(pxz.card);
  const syz = strides(pyz.card);
  const sz = strides(pz.card);
  const nx = X.length;
  const ny = Y.length;
  const rows: { pxyz: number; pxz: number; pyz: number; pz: number }[] = [];
  for (let k = 0; k < p.values.length; k++) {
    const s = indexToStates(k, p.card);
    const xs = s.slice(0, nx);
    const ys = s.slice(nx, nx + ny);
    const zs = s.slice(nx + ny);
    const dot = (v: number[], st: number[]) => v.reduce((a, b, i) => a + b * st[i], 0);
    rows.push({ pxyz: p.values[k], pxz: pxz.values[dot([...xs, ...zs], sxz)], pyz: pyz.values[dot([...ys, ...zs], syz)], pz: pz.values[dot(zs, sz)] });
  }
  return rows;
}

/** max over (x, y, z) of |P(x,y,z) P(z) − P(x,z) P(y,z)| (0 exactly when X ⊥ Y | Z). */
export function ciDeviation(joint: Factor, X: string[], Y: string[], Z: string[] = []): number {
  const [x, y, z] = sets('ciDeviation', joint, X, Y, Z);
  return tables(joint, x, y, z).reduce((m, r) => Math.max(m, Math.abs(r.pxyz * r.pz - r.pxz * r.pyz)), 0);
}

/** Is X ⊥ Y | Z in the joint table (deviation ≤ tol, default 1e-12)? 003 A04/A07 checks; 002 T4. */
export function isIndependent(joint: Factor, X: string[], Y: string[], Z: string[] = [], tol = 1e-12): boolean {
  if (typeof tol !== 'number' || !(tol >= 0)) throw new RangeError(`isIndependent: argument tol must be a number ≥ 0 (got ${describe(tol)})`);
  return ciDeviation(joint, X, Y, Z) <= tol;
}

/** The conditional mutual information I(X; Y | Z) in nats (0 iff X ⊥ Y | Z). 002 §2.3 (GM2). */
export function conditionalMutualInformation(joint: Factor, X: string[], Y: string[], Z: string[] = []): number {
  const [x, y, z] = sets('conditionalMutualInformation', joint, X, Y, Z);
  let s = 0;
  for (const r of tables(joint, x, y, z)) if (r.pxyz > 0) s += r.pxyz * Math.log((r.pxyz * r.pz) / (r.pxz * r.pyz));
  return Math.max(0, s);
}

/**
 * max over assignments x with P(x) > 0 of |P(t = x_t | x_A) − P(t = x_t | x_B)|: zero iff the two conditionals agree.
 * 002 Eq. (2.5.1): with A = all other nodes and B = MB(t) it is 0 (the exact form); with A = the nodes outside the
 * blanket (the literal form) it is not (erratum 002-E5).
 */
export function conditionalDiscrepancy(joint: Factor, target: string, A: string[], B: string[]): number {
  const fn = 'conditionalDiscrepancy';
  if (!joint || !Array.isArray(joint.vars) || !(joint.values instanceof Float64Array)) throw new TypeError(`${fn}: argument joint must be a Factor (got ${describe(joint)})`);
  if (typeof target !== 'string' || !joint.vars.includes(target)) throw new RangeError(`${fn}: argument target must be a variable of the joint (got ${describe(target)})`);
  for (const [arg, s] of [['A', A], ['B', B]] as [string, string[]][]) {
    if (!Array.isArray(s)) throw new TypeError(`${fn}: argument ${arg} must be an array of variable names (got ${describe(s)})`);
    s.forEach((v, i) => {
      if (!joint.vars.includes(v) || v === target) throw new RangeError(`${fn}: argument ${arg}[${i}] must be a variable of the joint other than the target (got ${describe(v)})`);
    });
  }
  const p = normalize(joint);
  const cond = (G: string[]) => {
    const num = marginalOnto(p, [...G, target]);
    const den = marginalOnto(p, G);
    const sn = strides(num.card);
    const sd = strides(den.card);
    return (x: Record<string, number>) => {
      const iN = [...G, target].reduce((a, v, i) => a + x[v] * sn[i], 0);
      const iD = G.reduce((a, v, i) => a + x[v] * sd[i], 0);
      return num.values[iN] / den.values[iD];
    };
  };
  const ca = cond(A);
  const cb = cond(B);
  let worst = 0;
  for (let k = 0; k < p.values.length; k++) {
    if (!(p.values[k] > 0)) continue;
    const st = indexToStates(k, p.card);
    const x: Record<string, number> = {};
    p.vars.forEach((v, i) => (x[v] = st[i]));
    worst = Math.max(worst, Math.abs(ca(x) - cb(x)));
  }
  return worst;
}
