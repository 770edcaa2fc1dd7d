/**
 * The PC algorithm (source 002 §2.7, L266–282; exact form: Spirtes, Glymour & Scheines 2000; PC-stable, Colombo &
 * Maathuis 2014): (1) from the complete graph, for ℓ = 0, 1, 2, … remove a–b when a ⊥ b | S for some S ⊆ adj(a)∖{b}
 * with |S| = ℓ, storing SepSet(a, b) = S; (2) orient every unshielded triple a – c – b as a → c ← b iff
 * c ∉ SepSet(a, b); (3) apply Meek's rules R1–R3. The notes' form ("given a third node": |S| ≤ 1) is erratum 002-E6.
 *
 * CI tests: the d-separation oracle (exact), Fisher's z on partial correlations (linear-Gaussian data) and the G²
 * likelihood-ratio test (discrete data).
 */
import { describe } from '../core/validate';
import { normalCdf, logGamma } from '../core/special';
import { inverse } from '../core/linalg';
import { Rng } from '../core/rng';
import { Dag, Edge, assertDag } from './dag';
import { dSeparated } from './dsep';
import { Pdag, meekRules, cpdag as cpdagOf, structuralHammingDistance } from './equivalence';

/** A conditional-independence test: true when a ⊥ b | S is accepted. */
export type CiTest = (a: string, b: string, S: string[]) => boolean;

export interface PcResult extends Pdag {
  /** The skeleton after step 1 (sorted pairs). */
  skeleton: Edge[];
  /** SepSet(a, b) for every removed pair, keyed "a|b" with a < b. */
  sepsets: Record<string, string[]>;
  /** Oriented v-structures [a, c, b] (a < b). */
  vStructures: [string, string, string][];
  /** Number of CI tests performed. */
  tests: number;
  /** Unshielded triples whose orientation conflicted with an earlier one (possible with statistical tests). */
  conflicts: number;
  meek: { rule: 'R1' | 'R2' | 'R3'; edge: Edge }[];
}

function subsets<T>(xs: T[], k: number): T[][] {
  if (k === 0) return [[]];
  const out: T[][] = [];
  const rec = (start: number, cur: T[]) => {
    if (cur.length === k) return void out.push(cur.slice());
    for (let i = start; i < xs.length; i++) (cur.push(xs[i]), rec(i + 1, cur), cur.pop());
  };
  rec(0, []);
  return out;
}

/**
 * PC-stable with a CI test; returns the CPDAG (directed + undirected edges) with the skeleton and separating sets.
 * `maxCondSize` bounds |S| (default: no bound); `maxCondSize: 1` is the notes' literal "given a third node" (002-E6).
 */
export function pcAlgorithm(nodes: string[], ciTest: CiTest, opts: { maxCondSize?: number } = {}): PcResult {
  const fn = 'pcAlgorithm';
  if (!Array.isArray(nodes) || nodes.length < 2) throw new TypeError(`${fn}: argument nodes must be an array of at least two names (got ${describe(nodes)})`);
  nodes.forEach((v, i) => {
    if (typeof v !== 'string' || v === '') throw new TypeError(`${fn}: argument nodes[${i}] must be a non-empty string (got ${describe(v)})`);
    if (nodes.indexOf(v) !== i) throw new RangeError(`${fn}: argument nodes repeats ${describe(v)}`);
  });
  if (typeof ciTest !== 'function') throw new TypeError(`${fn}: argument ciTest must be a function (a, b, S) => boolean (got ${describe(ciTest)})`);
  const maxL = opts.maxCondSize ?? Infinity;
  if (!(maxL >= 0) || (maxL !== Infinity && !Number.isInteger(maxL))) throw new RangeError(`${fn}: argument opts.maxCondSize must be an integer ≥ 0 (got ${describe(opts.maxCondSize)})`);
  const adj = new Map(nodes.map((v) => [v, new Set(nodes.filter((w) => w !== v))]));
  const sepsets: Record<string, string[]> = {};
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  let tests = 0;
  for (let l = 0; l <= maxL; l++) {
    // PC-stable: the adjacency sets are frozen at the start of each level
    const frozen = new Map([...adj].map(([v, s]) => [v, [...s]]));
    if (![...frozen.values()].some((s) => s.length - 1 >= l)) break;
    for (const a of nodes) {
      for (const b of frozen.get(a)!) {
        if (!adj.get(a)!.has(b)) continue;
        const cand = frozen.get(a)!.filter((w) => w !== b);
        if (cand.length < l) continue;
        for (const S of subsets(cand, l)) {
          tests++;
          const r = ciTest(a, b, S);
          if (typeof r !== 'boolean') throw new TypeError(`${fn}: ciTest(${a}, ${b}, [${S}]) must return a boolean (got ${describe(r)})`);
          if (r) {
            adj.get(a)!.delete(b);
            adj.get(b)!.delete(a);
            sepsets[key(a, b)] = S.slice().sort();
            break;
          }
        }
      }
    }
  }
  const skel: Edge[] = [];
  for (const a of nodes) for (const b of adj.get(a)!) if (a < b) skel.push([a, b]);
  skel.sort((x, y) => (x.join('\u0000') < y.join('\u0000') ? -1 : 1));
  // step 2: unshielded triples a – c – b with a, b non-adjacent
  const dir = new Set<string>();
  let conflicts = 0;
  const vs: [string, string, string][] = [];
  for (const c of nodes) {
    const nb = [...adj.get(c)!].sort();
    for (let i = 0; i < nb.length; i++) for (let j = i + 1; j < nb.length; j++) {
      const [a, b] = [nb[i], nb[j]];
      if (adj.get(a)!.has(b)) continue;
      const S = sepsets[key(a, b)] ?? [];
      if (S.includes(c)) continue;
      if (dir.has(c + '\u0000' + a) || dir.has(c + '\u0000' + b)) {
        conflicts++;
        continue;
      }
      dir.add(a + '\u0000' + c);
      dir.add(b + '\u0000' + c);
      vs.push([a, c, b]);
    }
  }
  const undirected = skel.filter(([a, b]) => !dir.has(a + '\u0000' + b) && !dir.has(b + '\u0000' + a));
  const m = meekRules({ nodes: nodes.slice(), directed: [...dir].map((k) => k.split('\u0000') as Edge), undirected });
  return { nodes: m.nodes, directed: m.directed, undirected: m.undirected, skeleton: skel, sepsets, vStructures: vs, tests, conflicts, meek: m.applied };
}

/** The perfect CI oracle of a DAG: a ⊥ b | S iff d-separated (what PC assumes under faithfulness). */
export function dSepOracle(g: Dag): CiTest {
  assertDag('dSepOracle', 'g', g);
  return (a, b, S) => dSeparated(g, [a], [b], S);
}

function checkData(fn: string, data: unknown, nodes: unknown, minRows: number): { X: number[][]; names: string[] } {
  if (!Array.isArray(nodes) || nodes.length < 2) throw new TypeError(`${fn}: argument nodes must name the data's columns (at least two) (got ${describe(nodes)})`);
  if (!Array.isArray(data) || data.length < minRows) throw new RangeError(`${fn}: argument data must be an array of at least ${minRows} rows (got ${describe(data)})`);
  data.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== nodes.length) throw new RangeError(`${fn}: argument data[${i}] must have ${nodes.length} entries, one per node (got ${describe(row)})`);
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${fn}: argument data[${i}][${j}] must be a finite number (got ${describe(v)})`);
    });
  });
  return { X: data as number[][], names: nodes as string[] };
}

function checkAlpha(fn: string, alpha: unknown): number {
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw new RangeError(`${fn}: argument alpha must be a level in (0, 1) (got ${describe(alpha)})`);
  return alpha;
}

/** Sample correlation matrix of n × p data. */
export function correlationMatrix(data: number[][]): number[][] {
  const n = data.length;
  const p = data[0].length;
  const mu = new Array(p).fill(0);
  data.forEach((r) => r.forEach((v, j) => (mu[j] += v / n)));
  const C = Array.from({ length: p }, () => new Array(p).fill(0));
  for (const r of data) for (let i = 0; i < p; i++) for (let j = i; j < p; j++) C[i][j] += (r[i] - mu[i]) * (r[j] - mu[j]);
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) C[j][i] = C[i][j];
  const d = C.map((row, i) => Math.sqrt(row[i]));
  return C.map((row, i) => row.map((v, j) => v / (d[i] * d[j])));
}

/** Partial correlation ρ_{ab·S} from a correlation matrix: −P_ab / √(P_aa P_bb) with P the inverse of the (a, b, S) block. */
export function partialCorrelation(R: number[][], a: number, b: number, S: number[]): number {
  const idx = [a, b, ...S];
  const P = inverse(idx.map((i) => idx.map((j) => R[i][j])));
  return -P[0][1] / Math.sqrt(P[0][0] * P[1][1]);
}

/**
 * Fisher's z test of a ⊥ b | S for linear-Gaussian data (Fisher 1924; Kalisch & Bühlmann 2007):
 * z = ½ log((1+r)/(1−r)) √(n − |S| − 3), p = 2(1 − Φ(|z|)); independence is accepted when p > alpha.
 */
export function fisherZTest(data: number[][], nodes: string[], alpha = 0.01): CiTest & { pValue: (a: string, b: string, S: string[]) => number } {
  const fn = 'fisherZTest';
  const { X, names } = checkData(fn, data, nodes, 5);
  checkAlpha(fn, alpha);
  const R = correlationMatrix(X);
  const n = X.length;
  const pValue = (a: string, b: string, S: string[]) => {
    const ia = names.indexOf(a);
    const ib = names.indexOf(b);
    if (ia < 0 || ib < 0 || S.some((s) => names.indexOf(s) < 0)) throw new RangeError(`${fn}: unknown variable in (${a}, ${b}, [${S}])`);
    const r = Math.max(-0.9999999, Math.min(0.9999999, partialCorrelation(R, ia, ib, S.map((s) => names.indexOf(s)))));
    const z = 0.5 * Math.log((1 + r) / (1 - r)) * Math.sqrt(Math.max(n - S.length - 3, 1));
    return 2 * (1 - normalCdf(Math.abs(z)));
  };
  const test = ((a: string, b: string, S: string[]) => pValue(a, b, S) > alpha) as CiTest & { pValue: typeof pValue };
  test.pValue = pValue;
  return test;
}

/** Regularised upper incomplete gamma Q(s, x) (series for x < s + 1, Lentz continued fraction otherwise). */
export function gammaQ(s: number, x: number): number {
  if (!(s > 0) || !(x >= 0)) throw new RangeError(`gammaQ: arguments must satisfy s > 0 and x ≥ 0 (got s = ${describe(s)}, x = ${describe(x)})`);
  if (x === 0) return 1;
  const lg = logGamma(s);
  if (x < s + 1) {
    let sum = 1 / s;
    let term = sum;
    for (let k = 1; k < 1000; k++) {
      term *= x / (s + k);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * Math.exp(-x + s * Math.log(x) - lg));
  }
  let b = x + 1 - s;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.exp(-x + s * Math.log(x) - lg) * h;
}

/** The χ² survival function P(χ²_df > x) = Q(df/2, x/2). */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chiSquareSurvival: argument df must be > 0 (got ${describe(df)})`);
  if (!(x >= 0)) throw new RangeError(`chiSquareSurvival: argument x must be ≥ 0 (got ${describe(x)})`);
  return gammaQ(df / 2, x / 2);
}

/**
 * The G² (likelihood-ratio) test of a ⊥ b | S for discrete data (Spirtes et al. 2000, §5.4.2):
 * G² = 2 Σ N_{xyz} log(N_{xyz} N_z / (N_{xz} N_{yz})), df = (k_a − 1)(k_b − 1) Π_{s∈S} k_s; independent when p > alpha.
 * States are the integers 0…k−1 found in the data.
 */
export function gSquareTest(data: number[][], nodes: string[], alpha = 0.01): CiTest & { statistic: (a: string, b: string, S: string[]) => { g2: number; df: number; p: number } } {
  const fn = 'gSquareTest';
  const { X, names } = checkData(fn, data, nodes, 1);
  checkAlpha(fn, alpha);
  X.forEach((r, i) => r.forEach((v, j) => {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${fn}: argument data[${i}][${j}] must be a state 0, 1, 2, … (got ${describe(v)})`);
  }));
  const card = names.map((_, j) => 1 + Math.max(...X.map((r) => r[j])));
  const statistic = (a: string, b: string, S: string[]) => {
    const ia = names.indexOf(a);
    const ib = names.indexOf(b);
    const is = S.map((s) => names.indexOf(s));
    if (ia < 0 || ib < 0 || is.some((i) => i < 0)) throw new RangeError(`${fn}: unknown variable in (${a}, ${b}, [${S}])`);
    const ka = card[ia];
    const kb = card[ib];
    const counts = new Map<string, number[]>();
    for (const r of X) {
      const z = is.map((i) => r[i]).join(',');
      if (!counts.has(z)) counts.set(z, new Array(ka * kb).fill(0));
      counts.get(z)![r[ia] * kb + r[ib]]++;
    }
    let g2 = 0;
    for (const t of counts.values()) {
      const nz = t.reduce((s, v) => s + v, 0);
      for (let x = 0; x < ka; x++) for (let y = 0; y < kb; y++) {
        const nxyz = t[x * kb + y];
        if (nxyz === 0) continue;
        let nxz = 0;
        let nyz = 0;
        for (let yy = 0; yy < kb; yy++) nxz += t[x * kb + yy];
        for (let xx = 0; xx < ka; xx++) nyz += t[xx * kb + y];
        g2 += 2 * nxyz * Math.log((nxyz * nz) / (nxz * nyz));
      }
    }
    const df = Math.max(1, (ka - 1) * (kb - 1) * is.reduce((p, i) => p * card[i], 1));
    return { g2, df, p: chiSquareSurvival(Math.max(0, g2), df) };
  };
  const test = ((a: string, b: string, S: string[]) => statistic(a, b, S).p > alpha) as CiTest & { statistic: typeof statistic };
  test.statistic = statistic;
  return test;
}

/**
 * Samples of a linear-Gaussian structural equation model on a DAG: x_v = Σ_{p∈π(v)} w_{pv} x_p + ε_v, ε_v ~ N(0, 1),
 * with weights drawn uniformly from ±[wMin, wMax] (default ±[0.5, 1.5]) when not given. Columns follow g.nodes.
 */
export function sampleLinearGaussian(g: Dag, n: number, rng: Rng, opts: { weights?: Record<string, number>; wMin?: number; wMax?: number } = {}): { data: number[][]; weights: Record<string, number> } {
  const fn = 'sampleLinearGaussian';
  assertDag(fn, 'g', g);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${fn}: argument n must be an integer ≥ 1 (got ${describe(n)})`);
  if (!(rng instanceof Rng)) throw new TypeError(`${fn}: argument rng must be a core.rng(seed) generator (got ${describe(rng)})`);
  const wMin = opts.wMin ?? 0.5;
  const wMax = opts.wMax ?? 1.5;
  if (!(wMin >= 0 && wMax >= wMin)) throw new RangeError(`${fn}: arguments opts.wMin/wMax must satisfy 0 ≤ wMin ≤ wMax (got ${wMin}, ${wMax})`);
  const weights: Record<string, number> = {};
  for (const [a, b] of g.edges) {
    const k = `${a}->${b}`;
    const w = opts.weights?.[k];
    if (w !== undefined && (typeof w !== 'number' || !Number.isFinite(w))) throw new RangeError(`${fn}: argument opts.weights["${k}"] must be a finite number (got ${describe(w)})`);
    weights[k] = w ?? (rng.uniform() < 0.5 ? -1 : 1) * rng.uniform(wMin, wMax);
  }
  const data: number[][] = [];
  const pos = new Map(g.nodes.map((v, i) => [v, i]));
  for (let s = 0; s < n; s++) {
    const x = new Array(g.nodes.length).fill(0);
    for (const v of g.order) {
      let m = 0;
      for (const p of g.parents(v)) m += weights[`${p}->${v}`] * x[pos.get(p)!];
      x[pos.get(v)!] = m + rng.normal();
    }
    data.push(x);
  }
  return { data, weights };
}


/** One row of `pcAccuracyVsSampleSize`. */
export interface PcAccuracyRow {
  n: number;
  /** Mean structural Hamming distance to the true CPDAG over the repetitions. */
  meanShd: number;
  /** Fraction of repetitions that recover the CPDAG exactly. */
  exactRate: number;
  /** Mean fraction of true skeleton edges found, and mean number of extra edges. */
  skeletonRecall: number;
  extraEdges: number;
}

/**
 * PC with Fisher's z on linear-Gaussian data from a DAG, repeated `reps` times per sample size: how often and how
 * closely it recovers the true CPDAG (an extension beyond the notes' §2.7, which gives no experiment).
 */
export function pcAccuracyVsSampleSize(g: Dag, sizes: number[], rng: Rng, opts: { reps?: number; alpha?: number } = {}): PcAccuracyRow[] {
  const fn = 'pcAccuracyVsSampleSize';
  assertDag(fn, 'g', g);
  if (!Array.isArray(sizes) || sizes.length === 0) throw new TypeError(`${fn}: argument sizes must be a non-empty array of sample sizes (got ${describe(sizes)})`);
  sizes.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 10) throw new RangeError(`${fn}: argument sizes[${i}] must be an integer ≥ 10 (got ${describe(n)})`);
  });
  if (!(rng instanceof Rng)) throw new TypeError(`${fn}: argument rng must be a core.rng(seed) generator (got ${describe(rng)})`);
  const reps = opts.reps ?? 10;
  if (!Number.isInteger(reps) || reps < 1) throw new RangeError(`${fn}: argument opts.reps must be an integer ≥ 1 (got ${describe(reps)})`);
  const alpha = checkAlpha(fn, opts.alpha ?? 0.01);
  const truth = cpdagOf(g);
  const trueEdges = new Set(g.edges.map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`)));
  return sizes.map((n) => {
    let shd = 0;
    let exact = 0;
    let recall = 0;
    let extra = 0;
    for (let r = 0; r < reps; r++) {
      const { data } = sampleLinearGaussian(g, n, rng);
      const res = pcAlgorithm(g.nodes.slice(), fisherZTest(data, g.nodes.slice(), alpha));
      const d = structuralHammingDistance(res, truth);
      shd += d;
      if (d === 0) exact++;
      const found = res.skeleton.map(([a, b]) => `${a}|${b}`);
      recall += found.filter((e) => trueEdges.has(e)).length / Math.max(1, trueEdges.size);
      extra += found.filter((e) => !trueEdges.has(e)).length;
    }
    return { n, meanShd: shd / reps, exactRate: exact / reps, skeletonRecall: recall / reps, extraEdges: extra / reps };
  });
}
