/**
 * Discrete factors over named variables (source 003 L3–9, L46–84; 002 §2.2): a table φ(D) ≥ 0 over a scope D of
 * named variables with finitely many states, stored row-major (the last variable varies fastest). Products,
 * marginalisation (summing a variable out), conditioning (reducing to evidence) and normalisation are the four
 * operations behind every exact query of this topic (K&F 2009, ch. 9).
 */
import { describe } from '../core/validate';

/** A factor: scope `vars` (distinct names), their numbers of states `card`, and Π card non-negative `values`. */
export interface Factor {
  readonly vars: readonly string[];
  readonly card: readonly number[];
  readonly values: Float64Array;
}

/** An assignment of states (0-based integers) to named variables. */
export type Assignment = Record<string, number>;

function checkScope(fn: string, vars: unknown, card: unknown): { vars: string[]; card: number[] } {
  if (!Array.isArray(vars)) throw new TypeError(`${fn}: argument vars must be an array of variable names (got ${describe(vars)})`);
  vars.forEach((v, i) => {
    if (typeof v !== 'string' || v === '') throw new TypeError(`${fn}: argument vars[${i}] must be a non-empty string (got ${describe(v)})`);
    if (vars.indexOf(v) !== i) throw new RangeError(`${fn}: argument vars repeats the variable ${describe(v)}`);
  });
  if (!Array.isArray(card) || card.length !== vars.length) {
    throw new RangeError(`${fn}: argument card must give one number of states per variable (${vars.length}) (got ${describe(card)})`);
  }
  card.forEach((k, i) => {
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) throw new RangeError(`${fn}: argument card[${i}] must be an integer ≥ 1 (got ${describe(k)})`);
  });
  return { vars: vars.slice(), card: card.slice() };
}

/** Number of entries Π card. */
export function tableSize(card: readonly number[]): number {
  return card.reduce((p, k) => p * k, 1);
}

/** Row-major strides (last variable fastest). */
export function strides(card: readonly number[]): number[] {
  const s = new Array(card.length).fill(1);
  for (let i = card.length - 2; i >= 0; i--) s[i] = s[i + 1] * card[i + 1];
  return s;
}

/** The states of every variable at flat index `index` (row-major). */
export function indexToStates(index: number, card: readonly number[]): number[] {
  const out = new Array(card.length);
  for (let i = card.length - 1; i >= 0; i--) {
    out[i] = index % card[i];
    index = Math.floor(index / card[i]);
  }
  return out;
}

/**
 * A factor φ(vars) from its values (a flat row-major array or nested arrays, last variable fastest). Values must be
 * finite and ≥ 0 (003 L62: factors are affinities, not probabilities). 003 L46–60.
 */
export function factor(vars: string[], card: number[], values: ArrayLike<number> | unknown[]): Factor {
  const fn = 'factor';
  const s = checkScope(fn, vars, card);
  const flat: unknown[] = Array.isArray(values) ? (values as unknown[]).flat(Infinity) : values && typeof (values as ArrayLike<number>).length === 'number' ? Array.from(values as ArrayLike<number>) : [];
  if (!values || typeof (values as ArrayLike<number>).length !== 'number') throw new TypeError(`${fn}: argument values must be an array of numbers (got ${describe(values)})`);
  const n = tableSize(s.card);
  if (flat.length !== n) throw new RangeError(`${fn}: argument values must have Π card = ${n} entries (got ${flat.length})`);
  const out = new Float64Array(n);
  flat.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`${fn}: argument values[${i}] must be a finite number ≥ 0 (got ${describe(v)})`);
    out[i] = v;
  });
  return { vars: s.vars, card: s.card, values: out };
}

function checkFactor(fn: string, arg: string, f: unknown): Factor {
  const g = f as Factor;
  if (!g || typeof g !== 'object' || !Array.isArray(g.vars) || !Array.isArray(g.card) || !(g.values instanceof Float64Array) || g.values.length !== tableSize(g.card)) {
    throw new TypeError(`${fn}: argument ${arg} must be a Factor {vars, card, values} (got ${describe(f)})`);
  }
  return g;
}

/** The value φ(assignment); the assignment must give a state to every variable of the scope (extra names are ignored). */
export function factorValue(f: Factor, assignment: Assignment): number {
  const fn = 'factorValue';
  checkFactor(fn, 'f', f);
  if (!assignment || typeof assignment !== 'object') throw new TypeError(`${fn}: argument assignment must be an object {variable: state} (got ${describe(assignment)})`);
  const st = strides(f.card);
  let idx = 0;
  f.vars.forEach((v, i) => {
    const x = assignment[v];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x >= f.card[i]) {
      throw new RangeError(`${fn}: argument assignment.${v} must be an integer state in 0…${f.card[i] - 1} (got ${describe(x)})`);
    }
    idx += x * st[i];
  });
  return f.values[idx];
}

/** Merge two scopes; throws if a shared variable has two different numbers of states. */
function unionScope(fn: string, a: Factor, b: Factor): { vars: string[]; card: number[] } {
  const vars = a.vars.slice();
  const card = a.card.slice();
  b.vars.forEach((v, j) => {
    const i = vars.indexOf(v);
    if (i < 0) {
      vars.push(v);
      card.push(b.card[j]);
    } else if (card[i] !== b.card[j]) {
      throw new RangeError(`${fn}: variable ${describe(v)} has ${card[i]} states in one factor and ${b.card[j]} in the other`);
    }
  });
  return { vars, card };
}

/** Factor product (φ₁·φ₂)(D₁ ∪ D₂) = φ₁(D₁) φ₂(D₂) (003 L66–82; K&F Def. 4.2). */
export function factorProduct(a: Factor, b: Factor): Factor {
  const fn = 'factorProduct';
  checkFactor(fn, 'a', a);
  checkFactor(fn, 'b', b);
  const { vars, card } = unionScope(fn, a, b);
  const n = tableSize(card);
  const values = new Float64Array(n);
  const sa = strides(a.card);
  const sb = strides(b.card);
  // stride of each union variable in a and in b (0 if absent)
  const ia = vars.map((v) => (a.vars.indexOf(v) >= 0 ? sa[a.vars.indexOf(v)] : 0));
  const ib = vars.map((v) => (b.vars.indexOf(v) >= 0 ? sb[b.vars.indexOf(v)] : 0));
  const state = new Array(vars.length).fill(0);
  let pa = 0;
  let pb = 0;
  for (let k = 0; k < n; k++) {
    values[k] = a.values[pa] * b.values[pb];
    // increment the odometer (last variable fastest)
    for (let d = vars.length - 1; d >= 0; d--) {
      state[d]++;
      pa += ia[d];
      pb += ib[d];
      if (state[d] < card[d]) break;
      pa -= ia[d] * card[d];
      pb -= ib[d] * card[d];
      state[d] = 0;
    }
  }
  return { vars, card, values };
}

/** The product of a list of factors (the empty product is the constant factor 1). */
export function factorProducts(factors: Factor[]): Factor {
  if (!Array.isArray(factors)) throw new TypeError(`factorProducts: argument factors must be an array of Factors (got ${describe(factors)})`);
  factors.forEach((f, i) => checkFactor('factorProducts', `factors[${i}]`, f));
  return factors.reduce((p, f) => factorProduct(p, f), { vars: [], card: [], values: Float64Array.of(1) } as Factor);
}

/** Sum the variables `sumOut` out of φ: (Σ_{sumOut} φ)(D ∖ sumOut) (003 L9 with the E03 fix: P(y) = Σ_x P(y, x)). */
export function marginalize(f: Factor, sumOut: string[]): Factor {
  const fn = 'marginalize';
  checkFactor(fn, 'f', f);
  if (!Array.isArray(sumOut)) throw new TypeError(`${fn}: argument sumOut must be an array of variable names (got ${describe(sumOut)})`);
  sumOut.forEach((v, i) => {
    if (!f.vars.includes(v)) throw new RangeError(`${fn}: argument sumOut[${i}] = ${describe(v)} is not in the factor's scope (${f.vars.join(', ')})`);
  });
  const keep = f.vars.filter((v) => !sumOut.includes(v));
  return project(f, keep);
}

/** The marginal table over `keep` (in that order): Σ over every other variable. */
export function marginalOnto(f: Factor, keep: string[]): Factor {
  const fn = 'marginalOnto';
  checkFactor(fn, 'f', f);
  if (!Array.isArray(keep)) throw new TypeError(`${fn}: argument keep must be an array of variable names (got ${describe(keep)})`);
  keep.forEach((v, i) => {
    if (!f.vars.includes(v)) throw new RangeError(`${fn}: argument keep[${i}] = ${describe(v)} is not in the factor's scope (${f.vars.join(', ')})`);
    if (keep.indexOf(v) !== i) throw new RangeError(`${fn}: argument keep repeats ${describe(v)}`);
  });
  return project(f, keep);
}

function project(f: Factor, keep: string[]): Factor {
  const kcard = keep.map((v) => f.card[f.vars.indexOf(v)]);
  const ks = strides(kcard);
  const map = f.vars.map((v) => (keep.includes(v) ? ks[keep.indexOf(v)] : 0));
  const out = new Float64Array(tableSize(kcard));
  const state = new Array(f.vars.length).fill(0);
  let p = 0;
  for (let k = 0; k < f.values.length; k++) {
    out[p] += f.values[k];
    for (let d = f.vars.length - 1; d >= 0; d--) {
      state[d]++;
      p += map[d];
      if (state[d] < f.card[d]) break;
      p -= map[d] * f.card[d];
      state[d] = 0;
    }
  }
  return { vars: keep.slice(), card: kcard, values: out };
}

/** Condition φ on evidence (factor reduction): fix the observed variables and drop them from the scope. Evidence on
 * variables outside the scope is ignored. 003 L5–7: P(y | x) ∝ P(y, x). */
export function reduce(f: Factor, evidence: Assignment): Factor {
  const fn = 'reduce';
  checkFactor(fn, 'f', f);
  if (!evidence || typeof evidence !== 'object' || Array.isArray(evidence)) throw new TypeError(`${fn}: argument evidence must be an object {variable: state} (got ${describe(evidence)})`);
  const fixed = f.vars.map((v, i) => {
    if (!(v in evidence)) return -1;
    const x = evidence[v];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x >= f.card[i]) throw new RangeError(`${fn}: argument evidence.${v} must be an integer state in 0…${f.card[i] - 1} (got ${describe(x)})`);
    return x;
  });
  const keep = f.vars.filter((_, i) => fixed[i] < 0);
  const kcard = keep.map((v) => f.card[f.vars.indexOf(v)]);
  const out = new Float64Array(tableSize(kcard));
  const st = strides(f.card);
  let base = 0;
  fixed.forEach((x, i) => {
    if (x >= 0) base += x * st[i];
  });
  const free = f.vars.map((_, i) => i).filter((i) => fixed[i] < 0);
  for (let k = 0; k < out.length; k++) {
    const s = indexToStates(k, kcard);
    let idx = base;
    free.forEach((i, j) => (idx += s[j] * st[i]));
    out[k] = f.values[idx];
  }
  return { vars: keep, card: kcard, values: out };
}

/** Σ φ (for a Markov network's product of factors: the partition function Z, 003 L70–72). */
export function factorSum(f: Factor): number {
  checkFactor('factorSum', 'f', f);
  let s = 0;
  for (let i = 0; i < f.values.length; i++) s += f.values[i];
  return s;
}

/** φ / Σ φ (throws when Σ φ = 0: the evidence has probability zero). */
export function normalize(f: Factor): Factor {
  const fn = 'normalize';
  checkFactor(fn, 'f', f);
  const z = factorSum(f);
  if (!(z > 0)) throw new RangeError(`${fn}: the factor sums to ${z}, so it cannot be normalised (evidence of probability zero?)`);
  return { vars: f.vars.slice(), card: f.card.slice(), values: f.values.map((v) => v / z) };
}

/** The same factor with its variables in another order (values permuted accordingly). */
export function reorder(f: Factor, vars: string[]): Factor {
  const fn = 'reorder';
  checkFactor(fn, 'f', f);
  if (!Array.isArray(vars) || vars.length !== f.vars.length || !f.vars.every((v) => vars.includes(v))) {
    throw new RangeError(`${fn}: argument vars must be a permutation of the scope (${f.vars.join(', ')}) (got ${describe(vars)})`);
  }
  return project(f, vars);
}

/** Every assignment of the scope with its value (for tables and bar charts). */
export function factorEntries(f: Factor): { states: number[]; value: number }[] {
  checkFactor('factorEntries', 'f', f);
  return Array.from(f.values, (value, k) => ({ states: indexToStates(k, f.card), value }));
}
