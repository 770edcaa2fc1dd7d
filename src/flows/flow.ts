/**
 * The Flow interface, composition (finite flows), the density of the pushed-forward variable by the change of variables,
 * ancestral sampling, and a finite-difference Jacobian check that works for any flow.
 *
 * Sources: 000 §2 (2.1)–(2.2) and (2.5)–(2.6) (L279–318, L447–467); 002 §9.1 (9.1.1)–(9.1.3) (L1365–1383).
 * Convention (000 (2.1)): x = g(z) is the generative direction ("forward"), z = g⁻¹(x) the normalising one ("inverse").
 */
import { assertFiniteNumber, assertInteger, assertPositive, assertVector, describe } from '../core/validate';
import { det } from '../core/linalg';
import type { Matrix } from '../core/linalg';
import type { Rng } from '../core/rng';

/** log(2π). */
export const LOG_2PI = Math.log(2 * Math.PI);

/** A parameter value as reported by `parameters()`. */
export type ParamValue = number | number[] | number[][];

/**
 * An invertible map of R^n (000 (2.1); 002 (9.1.1)). Both directions and both log-determinants are available:
 * `logDetForward(z) = log|det ∂g/∂z|`, `logDetInverse(x) = log|det ∂g⁻¹/∂x|` (= −logDetForward(g⁻¹(x))).
 */
export interface Flow {
  /** Short name for tables and plots. */
  readonly name: string;
  /** Dimension n of z and x (000 (2.1): X = Z ⊆ Rⁿ). */
  readonly dim: number;
  /** x = g(z) (generative direction). */
  forward(z: ArrayLike<number>): number[];
  /** z = g⁻¹(x) (normalising direction). Throws a RangeError naming x if x is outside the image of g. */
  inverse(x: ArrayLike<number>): number[];
  /** log|det ∇_z g(z)|. */
  logDetForward(z: ArrayLike<number>): number;
  /** log|det ∇_x g⁻¹(x)| — the term of 000 (2.2) and the log of 002 (9.1.2)'s |det J_{f⁻¹}(x)|. */
  logDetInverse(x: ArrayLike<number>): number;
  /** The parameters Φ (copies; for display and for gradient checks). */
  parameters(): Record<string, ParamValue>;
}

/** Validate a point of a flow's space (finite, length = dim). */
export function assertPoint(fn: string, arg: string, v: unknown, dim: number): asserts v is ArrayLike<number> {
  assertVector(fn, arg, v, dim);
}

/** Validate that `flow` implements the Flow interface. */
export function assertFlow(fn: string, arg: string, flow: unknown): asserts flow is Flow {
  const f = flow as Partial<Flow> | null;
  if (!f || typeof f !== 'object') throw new TypeError(`${fn}: ${arg} must be a Flow (got ${describe(flow)})`);
  for (const m of ['forward', 'inverse', 'logDetForward', 'logDetInverse', 'parameters'] as const) {
    if (typeof f[m] !== 'function') throw new TypeError(`${fn}: ${arg}.${m} must be a function (got ${describe(f[m])})`);
  }
  assertInteger(fn, `${arg}.dim`, f.dim, 1);
}

/** A flow built from its parts (validates the dimension of every argument it is called with). */
export function makeFlow(spec: {
  name: string;
  dim: number;
  forward: (z: number[]) => number[];
  inverse: (x: number[]) => number[];
  logDetForward: (z: number[]) => number;
  logDetInverse?: (x: number[]) => number;
  parameters?: () => Record<string, ParamValue>;
}): Flow {
  assertInteger('makeFlow', 'dim', spec.dim, 1);
  const { name, dim } = spec;
  const flow: Flow = {
    name,
    dim,
    forward(z) {
      assertPoint(`${name}.forward`, 'z', z, dim);
      return spec.forward(Array.from(z));
    },
    inverse(x) {
      assertPoint(`${name}.inverse`, 'x', x, dim);
      return spec.inverse(Array.from(x));
    },
    logDetForward(z) {
      assertPoint(`${name}.logDetForward`, 'z', z, dim);
      return spec.logDetForward(Array.from(z));
    },
    logDetInverse(x) {
      assertPoint(`${name}.logDetInverse`, 'x', x, dim);
      return spec.logDetInverse ? spec.logDetInverse(Array.from(x)) : -spec.logDetForward(spec.inverse(Array.from(x)));
    },
    parameters: spec.parameters ?? (() => ({})),
  };
  return flow;
}

/** What `ComposedFlow.traceInverse` returns: the points x^(K) = x, x^(K−1), …, x^(0) = z and each layer's log-det. */
export interface InverseTrace {
  /** points[k] = x^(k), k = 0…K (points[0] = z, points[K] = x). */
  points: number[][];
  /** logDets[k−1] = log|det ∇ f_k⁻¹(x^(k))|, k = 1…K. */
  logDets: number[];
}

/** A finite flow g = f_K ∘ … ∘ f_1 (000 (2.5)) with its inverse f_1⁻¹ ∘ … ∘ f_K⁻¹ (000 (2.6)). */
export interface ComposedFlow extends Flow {
  readonly layers: readonly Flow[];
  /** The inverse pass layer by layer (000 (2.6) with the indexing of erratum 000-E18: x^(k−1) = f_k⁻¹(x^(k))). */
  traceInverse(x: ArrayLike<number>): InverseTrace;
  /** The forward pass: points[0] = z, points[k] = f_k(points[k−1]). */
  traceForward(z: ArrayLike<number>): number[][];
}

/**
 * Compose flows: g = f_K ∘ … ∘ f_1 (000 (2.5); layers[0] = f_1 acts first). The log-determinant of the inverse is the SUM of
 * the layers' log-determinants, log|det ∇g⁻¹(x)| = Σ_k log|det ∇f_k⁻¹(x^(k))| (the exact form of 000 L467; erratum 000-E19).
 */
export function composeFlows(layers: Flow[], name?: string): ComposedFlow {
  if (!Array.isArray(layers) || layers.length === 0) throw new RangeError(`composeFlows: layers must be a non-empty array of flows (got ${describe(layers)})`);
  layers.forEach((l, k) => assertFlow('composeFlows', `layers[${k}]`, l));
  const dim = layers[0].dim;
  layers.forEach((l, k) => {
    if (l.dim !== dim) throw new RangeError(`composeFlows: every layer must have dimension ${dim} (000 §2.g: all layers have width n) (got layers[${k}].dim = ${l.dim})`);
  });
  const nm = name ?? layers.map((l) => l.name).reverse().join(' ∘ ');
  const traceForward = (z: ArrayLike<number>) => {
    assertPoint(`${nm}.traceForward`, 'z', z, dim);
    const pts = [Array.from(z)];
    for (const l of layers) pts.push(l.forward(pts[pts.length - 1]));
    return pts;
  };
  const traceInverse = (x: ArrayLike<number>): InverseTrace => {
    assertPoint(`${nm}.traceInverse`, 'x', x, dim);
    const pts: number[][] = new Array(layers.length + 1);
    const logDets: number[] = new Array(layers.length);
    pts[layers.length] = Array.from(x);
    for (let k = layers.length; k >= 1; k--) {
      logDets[k - 1] = layers[k - 1].logDetInverse(pts[k]);
      pts[k - 1] = layers[k - 1].inverse(pts[k]);
    }
    return { points: pts, logDets };
  };
  return {
    name: nm,
    dim,
    layers: [...layers],
    traceForward,
    traceInverse,
    forward: (z) => {
      const p = traceForward(z);
      return p[p.length - 1];
    },
    inverse: (x) => traceInverse(x).points[0],
    logDetForward(z) {
      const p = traceForward(z);
      let s = 0;
      layers.forEach((l, k) => (s += l.logDetForward(p[k])));
      return s;
    },
    logDetInverse: (x) => traceInverse(x).logDets.reduce((a, b) => a + b, 0),
    parameters: () => Object.fromEntries(layers.flatMap((l, k) => Object.entries(l.parameters()).map(([p, v]) => [`f${k + 1}.${p}`, v]))),
  };
}

/** log N(z; 0, I) = −(n/2) log 2π − ½‖z‖² (the prior of 000 §2.b). */
export function standardNormalLogPdf(z: ArrayLike<number>): number {
  assertVector('standardNormalLogPdf', 'z', z);
  let s = 0;
  for (let i = 0; i < z.length; i++) s += z[i] * z[i];
  return -0.5 * z.length * LOG_2PI - 0.5 * s;
}

/** The pieces of the change of variables at x: z = g⁻¹(x), log N(z), log|det ∇g⁻¹(x)| and their sum log P(x|Φ). */
export interface FlowLogProb {
  z: number[];
  logPrior: number;
  logDet: number;
  logProb: number;
}

/**
 * log P(x|Φ) = log N(g⁻¹(x); 0, I) + log|det ∇_x g⁻¹(x|Φ)| — the change of variables, 000 (2.2) and the log-likelihood below it
 * (L310–316); 002 (9.1.2) with a standard-normal base.
 */
export function flowLogProbDetails(flow: Flow, x: ArrayLike<number>): FlowLogProb {
  assertFlow('flowLogProb', 'flow', flow);
  assertPoint('flowLogProb', 'x', x, flow.dim);
  const z = flow.inverse(x);
  const logPrior = standardNormalLogPdf(z);
  const logDet = flow.logDetInverse(x);
  return { z, logPrior, logDet, logProb: logPrior + logDet };
}

/** log P(x|Φ) by the change of variables (000 (2.2); 002 (9.1.2)). */
export function flowLogProb(flow: Flow, x: ArrayLike<number>): number {
  return flowLogProbDetails(flow, x).logProb;
}

/** P(x|Φ) (000 (2.2)); 0 outside the image of g (e.g. x ∉ (0,1)ⁿ for a sigmoid output layer). */
export function flowDensity(flow: Flow, x: ArrayLike<number>): number {
  assertFlow('flowDensity', 'flow', flow);
  assertPoint('flowDensity', 'x', x, flow.dim);
  try {
    return Math.exp(flowLogProb(flow, x));
  } catch (e) {
    if (e instanceof RangeError && /outside the image|must be in \(0, 1\)/.test(e.message)) return 0;
    throw e;
  }
}

/** Mean log-likelihood (1/N) Σ log P(x⁽ⁱ⁾|Φ) of a data set (000 §2.c, the epoch objective). */
export function flowMeanLogLik(flow: Flow, xs: ArrayLike<ArrayLike<number>>): number {
  if (!Array.isArray(xs) || xs.length === 0) throw new RangeError(`flowMeanLogLik: xs must be a non-empty array of points (got ${describe(xs)})`);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += flowLogProb(flow, xs[i]);
  return s / xs.length;
}

/** n samples x = g(z), z ~ N(0, I) — ancestral sampling (000 L445, L518). */
export function flowSample(flow: Flow, n: number, rng: Rng): { z: number[][]; x: number[][] } {
  assertFlow('flowSample', 'flow', flow);
  assertInteger('flowSample', 'n', n, 1, 1e7);
  if (!rng || typeof (rng as Rng).normals !== 'function') throw new TypeError(`flowSample: rng must be a seeded generator from core.rng(seed) (got ${describe(rng)})`);
  const z: number[][] = [];
  const x: number[][] = [];
  for (let i = 0; i < n; i++) {
    const zi = Array.from(rng.normals(flow.dim));
    z.push(zi);
    x.push(flow.forward(zi));
  }
  return { z, x };
}

/** The Jacobian ∂f/∂u (rows: outputs, columns: inputs; 002 (9.1.3)) by central differences with step h. */
export function jacobianFD(f: (u: number[]) => ArrayLike<number>, u: ArrayLike<number>, h = 1e-5): Matrix {
  if (typeof f !== 'function') throw new TypeError(`jacobianFD: f must be a function (got ${describe(f)})`);
  assertVector('jacobianFD', 'u', u);
  assertPositive('jacobianFD', 'h', h);
  const n = u.length;
  const base = Array.from(u);
  let J: Matrix | undefined;
  for (let j = 0; j < n; j++) {
    const up = base.slice();
    const dn = base.slice();
    up[j] += h;
    dn[j] -= h;
    const fp = f(up);
    const fm = f(dn);
    if (!J) J = Array.from({ length: fp.length }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < fp.length; i++) {
      const d = (fp[i] - fm[i]) / (2 * h);
      if (!Number.isFinite(d)) throw new RangeError(`jacobianFD: f is not finite near u = ${describe(base)} (output ${i}, input ${j})`);
      J[i][j] = d;
    }
  }
  return J as Matrix;
}

/** What `checkJacobian` reports. */
export interface JacobianCheck {
  direction: 'forward' | 'inverse';
  analytic: number;
  finiteDifference: number;
  absError: number;
  jacobian: Matrix;
}

/**
 * Check a flow's log-determinant against log|det J_FD| of the finite-difference Jacobian (002 inventory NF1: `jacobianFD`),
 * at z (direction 'forward') or at x (direction 'inverse').
 */
export function checkJacobian(flow: Flow, point: ArrayLike<number>, direction: 'forward' | 'inverse' = 'forward', h = 1e-5): JacobianCheck {
  assertFlow('checkJacobian', 'flow', flow);
  assertPoint('checkJacobian', 'point', point, flow.dim);
  if (direction !== 'forward' && direction !== 'inverse') throw new RangeError(`checkJacobian: direction must be "forward" or "inverse" (got ${describe(direction)})`);
  const f = direction === 'forward' ? (u: number[]) => flow.forward(u) : (u: number[]) => flow.inverse(u);
  const J = jacobianFD(f, point, h);
  const analytic = direction === 'forward' ? flow.logDetForward(point) : flow.logDetInverse(point);
  const fd = Math.log(Math.abs(det(J)));
  return { direction, analytic, finiteDifference: fd, absError: Math.abs(analytic - fd), jacobian: J };
}

/** Round-trip errors max|g⁻¹(g(z)) − z| over the given points. */
export function roundTripError(flow: Flow, zs: ArrayLike<ArrayLike<number>>): number {
  assertFlow('roundTripError', 'flow', flow);
  if (!Array.isArray(zs) || zs.length === 0) throw new RangeError(`roundTripError: zs must be a non-empty array of points (got ${describe(zs)})`);
  let m = 0;
  for (const z of zs) {
    const back = flow.inverse(flow.forward(z));
    for (let i = 0; i < flow.dim; i++) m = Math.max(m, Math.abs(back[i] - z[i]));
  }
  return m;
}

/**
 * ∫_a^b f by adaptive Simpson quadrature to absolute tolerance `tol` (used to check that a 1-D flow density integrates to 1,
 * 000 O-11, where the density has boundary layers near 0 and 1 that a fixed grid resolves poorly).
 */
export function adaptiveSimpson(f: (x: number) => number, a: number, b: number, tol = 1e-12, maxDepth = 60): number {
  if (typeof f !== 'function') throw new TypeError(`adaptiveSimpson: f must be a function (got ${describe(f)})`);
  assertFiniteNumber('adaptiveSimpson', 'a', a);
  assertFiniteNumber('adaptiveSimpson', 'b', b);
  if (!(b > a)) throw new RangeError(`adaptiveSimpson: b must be > a (got a=${a}, b=${b})`);
  assertPositive('adaptiveSimpson', 'tol', tol);
  const ev = (x: number) => {
    const y = f(x);
    if (typeof y !== 'number' || !Number.isFinite(y)) throw new RangeError(`adaptiveSimpson: f(${x}) must be a finite number (got ${describe(y)})`);
    return y;
  };
  const rec = (l: number, r: number, fl: number, fm: number, fr: number, whole: number, eps: number, depth: number): number => {
    const m = (l + r) / 2;
    const lm = (l + m) / 2;
    const rm = (m + r) / 2;
    const flm = ev(lm);
    const frm = ev(rm);
    const left = ((m - l) / 6) * (fl + 4 * flm + fm);
    const right = ((r - m) / 6) * (fm + 4 * frm + fr);
    const diff = left + right - whole;
    if (depth >= maxDepth || Math.abs(diff) <= 15 * eps) return left + right + diff / 15;
    return rec(l, m, fl, flm, fm, left, eps / 2, depth + 1) + rec(m, r, fm, frm, fr, right, eps / 2, depth + 1);
  };
  // Split into 16 panels first so that narrow features are not missed by the first estimate.
  const panels = 16;
  let s = 0;
  for (let k = 0; k < panels; k++) {
    const l = a + ((b - a) * k) / panels;
    const r = a + ((b - a) * (k + 1)) / panels;
    const fl = ev(l);
    const fr = ev(r);
    const fm = ev((l + r) / 2);
    s += rec(l, r, fl, fm, fr, ((r - l) / 6) * (fl + 4 * fm + fr), tol / panels, 0);
  }
  return s;
}

/** The density of a 1-D flow on a grid [lo, hi] (n points), for plots: { x, p }. Points outside the image get p = 0. */
export function density1D(flow: Flow, range: [number, number], n = 400): { x: number[]; p: number[] } {
  assertFlow('density1D', 'flow', flow);
  if (flow.dim !== 1) throw new RangeError(`density1D: flow must be 1-dimensional (got dim ${flow.dim})`);
  if (!Array.isArray(range) || range.length !== 2) throw new TypeError(`density1D: range must be [lo, hi] (got ${describe(range)})`);
  assertFiniteNumber('density1D', 'range[0]', range[0]);
  assertFiniteNumber('density1D', 'range[1]', range[1]);
  if (!(range[1] > range[0])) throw new RangeError(`density1D: range must have hi > lo (got ${describe(range)})`);
  assertInteger('density1D', 'n', n, 2, 1e6);
  const x = Array.from({ length: n }, (_, i) => range[0] + ((range[1] - range[0]) * i) / (n - 1));
  return { x, p: x.map((v) => flowDensity(flow, [v])) };
}

/**
 * A 2-D flow's density on an n×n grid over xr × yr and its Riemann-sum integral (002 NB13: "grid-quadrature density integral ≈ 1").
 * z[row j][col i] = P(x_i, y_j).
 */
export function densityGrid2D(logProb: (p: number[]) => number, xr: [number, number], yr: [number, number], n = 80): { xs: number[]; ys: number[]; z: number[][]; integral: number } {
  if (typeof logProb !== 'function') throw new TypeError(`densityGrid2D: logProb must be a function (got ${describe(logProb)})`);
  for (const [nm, r] of [['xr', xr], ['yr', yr]] as const) {
    if (!Array.isArray(r) || r.length !== 2 || !Number.isFinite(r[0]) || !Number.isFinite(r[1]) || !(r[1] > r[0])) {
      throw new RangeError(`densityGrid2D: ${nm} must be [lo, hi] with finite lo < hi (got ${describe(r)})`);
    }
  }
  assertInteger('densityGrid2D', 'n', n, 2, 2000);
  const xs = Array.from({ length: n }, (_, i) => xr[0] + ((xr[1] - xr[0]) * (i + 0.5)) / n);
  const ys = Array.from({ length: n }, (_, j) => yr[0] + ((yr[1] - yr[0]) * (j + 0.5)) / n);
  const cell = ((xr[1] - xr[0]) / n) * ((yr[1] - yr[0]) / n);
  let integral = 0;
  const z = ys.map((y) =>
    xs.map((x) => {
      const lp = logProb([x, y]);
      const p = Number.isFinite(lp) ? Math.exp(lp) : 0;
      integral += p * cell;
      return p;
    }),
  );
  return { xs, ys, z, integral };
}
