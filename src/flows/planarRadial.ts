/**
 * Planar and radial flows (extensions: D. Rezende & S. Mohamed, "Variational inference with normalizing flows", ICML 2015,
 * §4.1 and App. A), with the radial flow of source 001 §5.4 (eq. (10), L264–276, Steps 5.4): forward map, the EXACT inverse
 * (the scalar equation for r solved in closed form), log-determinants, invertibility conditions, and hand-derived gradients of
 * the data log-likelihood with respect to their parameters.
 *
 * Both maps are used in the NORMALISING direction for density estimation (z = map(x), log p(x) = log N(z) + log|det ∂z/∂x|,
 * explicit in the parameters) and in the generative direction for the 001 §5 questions ("given y = g(z), recover z").
 */
import { assertFiniteNumber, assertPositive, assertVector, describe } from '../core/validate';
import { softplus } from '../core/special';
import { Flow, makeFlow, LOG_2PI } from './flow';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

// -------------------------------------------------------------------------------------------------------------- planar

/** Planar map f(x) = x + u·tanh(wᵀx + b) (Rezende & Mohamed 2015, eq. (10)); log|det ∂f/∂x| = log|1 + tanh′(wᵀx+b)·uᵀw| (eq. (11)–(12)). */
export interface PlanarParams {
  u: number[];
  w: number[];
  b: number;
}

function checkPlanar(fn: string, p: PlanarParams): number {
  if (!p || typeof p !== 'object') throw new TypeError(`${fn}: params must be {u, w, b} (got ${describe(p)})`);
  assertVector(fn, 'u', p.u);
  assertVector(fn, 'w', p.w, p.u.length);
  assertFiniteNumber(fn, 'b', p.b);
  return p.u.length;
}

/** Whether the planar map with tanh is invertible: wᵀu ≥ −1 (Rezende & Mohamed 2015, App. A.1). */
export function planarInvertible(p: PlanarParams): boolean {
  checkPlanar('planarInvertible', p);
  return dot(p.w, p.u) >= -1;
}

/** The re-parameterised û = u + (m(wᵀu) − wᵀu) w/‖w‖², m(a) = −1 + softplus(a), which always satisfies wᵀû ≥ −1 (R&M 2015, App. A.1). */
export function planarConstrainU(p: PlanarParams): number[] {
  checkPlanar('planarConstrainU', p);
  const wu = dot(p.w, p.u);
  const ww = dot(p.w, p.w);
  if (ww === 0) return p.u.slice();
  const m = -1 + softplus(wu);
  return p.u.map((ui, i) => ui + ((m - wu) * p.w[i]) / ww);
}

/** f(x) for the planar map. */
export function planarMap(p: PlanarParams, x: ArrayLike<number>): number[] {
  const n = checkPlanar('planarMap', p);
  assertVector('planarMap', 'x', x, n);
  const t = Math.tanh(dot(p.w, x) + p.b);
  return Array.from(x, (v, i) => v + p.u[i] * t);
}

/** log|det ∂f/∂x| = log|1 + (1 − tanh²(wᵀx + b)) uᵀw|. */
export function planarLogDet(p: PlanarParams, x: ArrayLike<number>): number {
  const n = checkPlanar('planarLogDet', p);
  assertVector('planarLogDet', 'x', x, n);
  const t = Math.tanh(dot(p.w, x) + p.b);
  return Math.log(Math.abs(1 + (1 - t * t) * dot(p.u, p.w)));
}

/**
 * f⁻¹(y) for the planar map: with s = wᵀx, solve s + (wᵀu) tanh(s + b) = wᵀy (strictly increasing in s when wᵀu > −1) by
 * bisection on [wᵀy − |wᵀu|, wᵀy + |wᵀu|], then x = y − u tanh(s + b). Throws a RangeError when wᵀu < −1 (not invertible).
 */
export function planarInverse(p: PlanarParams, y: ArrayLike<number>): number[] {
  const n = checkPlanar('planarInverse', p);
  assertVector('planarInverse', 'y', y, n);
  const wu = dot(p.w, p.u);
  if (wu < -1) throw new RangeError(`planarInverse: the planar map is not invertible when wᵀu < −1 (got wᵀu = ${wu})`);
  const c = dot(p.w, y);
  let lo = c - Math.abs(wu) - 1e-12;
  let hi = c + Math.abs(wu) + 1e-12;
  const F = (s: number) => s + wu * Math.tanh(s + p.b) - c;
  for (let k = 0; k < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(c)); k++) {
    const m = (lo + hi) / 2;
    if (F(m) > 0) hi = m;
    else lo = m;
  }
  const t = Math.tanh((lo + hi) / 2 + p.b);
  return Array.from(y, (v, i) => v - p.u[i] * t);
}

/**
 * A planar flow. direction 'normalizing' (default): the planar map takes data to the base, z = f(x) (Flow.inverse = f,
 * Flow.forward = f⁻¹ by bisection); 'generative': x = f(z) as in R&M 2015.
 */
export function planarFlow(p: PlanarParams, direction: 'normalizing' | 'generative' = 'normalizing'): Flow {
  const n = checkPlanar('planarFlow', p);
  if (direction !== 'normalizing' && direction !== 'generative') throw new RangeError(`planarFlow: direction must be "normalizing" or "generative" (got ${describe(direction)})`);
  const q: PlanarParams = { u: p.u.slice(), w: p.w.slice(), b: p.b };
  const f = (v: number[]) => planarMap(q, v);
  const fi = (v: number[]) => planarInverse(q, v);
  const ld = (v: number[]) => planarLogDet(q, v);
  const norm = direction === 'normalizing';
  return makeFlow({
    name: 'planar',
    dim: n,
    forward: norm ? fi : f,
    inverse: norm ? f : fi,
    logDetForward: norm ? (z) => -ld(fi(z)) : ld,
    logDetInverse: norm ? ld : (x) => -ld(fi(x)),
    parameters: () => ({ u: q.u.slice(), w: q.w.slice(), b: q.b }),
  });
}

/**
 * log p(x) = log N(f(x); 0, I) + log|1 + tanh′(a)uᵀw|, a = wᵀx + b, and its hand-derived gradient (planar map in the normalising
 * direction). With t = tanh(a), t′ = 1 − t², y = f(x), m = 1 + t′ uᵀw:
 *   ∂/∂u = −t y + t′ w/m,   ∂/∂b = −t′ yᵀu − 2 t t′ (uᵀw)/m,   ∂/∂w = −t′ (yᵀu) x + (t′ u − 2 t t′ (uᵀw) x)/m.
 */
export function planarLogLikGrad(p: PlanarParams, x: ArrayLike<number>): { logP: number; u: number[]; w: number[]; b: number } {
  const n = checkPlanar('planarLogLikGrad', p);
  assertVector('planarLogLikGrad', 'x', x, n);
  const t = Math.tanh(dot(p.w, x) + p.b);
  const tp = 1 - t * t;
  const uw = dot(p.u, p.w);
  const m = 1 + tp * uw;
  if (m === 0) throw new RangeError('planarLogLikGrad: the Jacobian is singular at x (1 + tanh′·uᵀw = 0)');
  const y = Array.from(x, (v, i) => v + p.u[i] * t);
  const yu = dot(y, p.u);
  const logP = -0.5 * n * LOG_2PI - 0.5 * dot(y, y) + Math.log(Math.abs(m));
  return {
    logP,
    u: y.map((yi, i) => -t * yi + (tp * p.w[i]) / m),
    w: Array.from(x, (xi, i) => -tp * yu * xi + (tp * p.u[i] - 2 * t * tp * uw * xi) / m),
    b: -tp * yu - (2 * t * tp * uw) / m,
  };
}

// -------------------------------------------------------------------------------------------------------------- radial

/** Radial map parameters of 001 §5.4 (eq. (10)): g(z) = z + β h(α, r)(z − z₀), h = 1/(α + r), r = ‖z − z₀‖, α > 0. */
export interface RadialParams {
  z0: number[];
  alpha: number;
  beta: number;
}

function checkRadial(fn: string, p: RadialParams): number {
  if (!p || typeof p !== 'object') throw new TypeError(`${fn}: params must be {z0, alpha, beta} (got ${describe(p)})`);
  assertVector(fn, 'z0', p.z0);
  assertPositive(fn, 'alpha', p.alpha);
  assertFiniteNumber(fn, 'beta', p.beta);
  return p.z0.length;
}

/** g(z) = z + β/(α + r)·(z − z₀) (001 eq. (10)). */
export function radialMap(p: RadialParams, z: ArrayLike<number>): number[] {
  const n = checkRadial('radialMap', p);
  assertVector('radialMap', 'z', z, n);
  const d = Array.from(z, (v, i) => v - p.z0[i]);
  const r = Math.sqrt(dot(d, d));
  const f = 1 + p.beta / (p.alpha + r);
  return d.map((di, i) => p.z0[i] + f * di);
}

/**
 * log|det ∂g/∂z| = (D − 1) log|1 + βh| + log|1 + βh + βh′r| with h′ = −1/(α + r)², i.e. the second factor is 1 + αβ/(α + r)²
 * (001 inventory, Section 5; R&M 2015 App. A.2).
 */
export function radialLogDet(p: RadialParams, z: ArrayLike<number>): number {
  const n = checkRadial('radialLogDet', p);
  assertVector('radialLogDet', 'z', z, n);
  const r = Math.sqrt(Array.from(z, (v, i) => (v - p.z0[i]) ** 2).reduce((a, b) => a + b, 0));
  const h = 1 / (p.alpha + r);
  return (n - 1) * Math.log(Math.abs(1 + p.beta * h)) + Math.log(Math.abs(1 + p.alpha * p.beta * h * h));
}

/** The radius map r ↦ ρ(r) = r(1 + β/(α + r)) = ‖g(z) − z₀‖ when the factor is ≥ 0 (001 Steps 5.4(a)), and its derivative 1 + αβ/(α + r)². */
export function radialRadius(p: { alpha: number; beta: number }, r: number): { rho: number; factor: number; derivative: number } {
  assertPositive('radialRadius', 'alpha', p?.alpha);
  assertFiniteNumber('radialRadius', 'beta', p.beta);
  assertFiniteNumber('radialRadius', 'r', r);
  if (r < 0) throw new RangeError(`radialRadius: r must be >= 0 (got ${r})`);
  const factor = 1 + p.beta / (p.alpha + r);
  return { rho: Math.abs(r * factor), factor, derivative: 1 + (p.alpha * p.beta) / (p.alpha + r) ** 2 };
}

/**
 * Exact inverse of the radial map (001 §5.4 (i)–(ii)): ρ = ‖y − z₀‖; r ≥ 0 solves r² + (α + β − ρ) r − αρ = 0 (the product of
 * the roots is −αρ ≤ 0, so exactly one root is ≥ 0); then z = z₀ + (y − z₀)/(1 + β/(α + r)) (Steps 5.4(b)). Requires β ≥ −α
 * (invertibility, see radialInvertibility); throws a RangeError naming β otherwise.
 */
export function radialInverse(p: RadialParams, y: ArrayLike<number>): number[] {
  const n = checkRadial('radialInverse', p);
  assertVector('radialInverse', 'y', y, n);
  if (p.beta < -p.alpha) throw new RangeError(`radialInverse: the radial map is not invertible for β < −α (got β = ${p.beta}, α = ${p.alpha}); see 001 §5.4 and erratum 001-E51`);
  const d = Array.from(y, (v, i) => v - p.z0[i]);
  const rho = Math.sqrt(dot(d, d));
  if (rho === 0) return p.z0.slice();
  const B = p.alpha + p.beta - rho;
  const r = (-B + Math.sqrt(B * B + 4 * p.alpha * rho)) / 2;
  const f = 1 + p.beta / (p.alpha + r);
  return d.map((di, i) => p.z0[i] + di / f);
}

/** A radial flow; direction 'generative' (default, 001 §5.4: x = g(z)) or 'normalizing' (z = g(x), for density estimation). */
export function radialFlow(p: RadialParams, direction: 'generative' | 'normalizing' = 'generative'): Flow {
  const n = checkRadial('radialFlow', p);
  if (direction !== 'normalizing' && direction !== 'generative') throw new RangeError(`radialFlow: direction must be "normalizing" or "generative" (got ${describe(direction)})`);
  const q: RadialParams = { z0: p.z0.slice(), alpha: p.alpha, beta: p.beta };
  const g = (v: number[]) => radialMap(q, v);
  const gi = (v: number[]) => radialInverse(q, v);
  const ld = (v: number[]) => radialLogDet(q, v);
  const gen = direction === 'generative';
  return makeFlow({
    name: 'radial',
    dim: n,
    forward: gen ? g : gi,
    inverse: gen ? gi : g,
    logDetForward: gen ? ld : (z) => -ld(gi(z)),
    logDetInverse: gen ? (x) => -ld(gi(x)) : ld,
    parameters: () => ({ z0: q.z0.slice(), alpha: q.alpha, beta: q.beta }),
  });
}

/**
 * Hand-derived gradient of log p(x) = log N(g(x); 0, I) + log|det ∂g/∂x| for the radial map in the normalising direction, with
 * d = x − z₀, r = ‖d‖, h = 1/(α + r), y = g(x), q = 1 + αβh², D = dim:
 *   ∂/∂β = −h yᵀd + (D−1)h/(1+βh) + αh²/q
 *   ∂/∂α = βh² yᵀd − (D−1)βh²/(1+βh) + (βh² − 2αβh³)/q
 *   ∂/∂z₀ = βh y − βh²(yᵀd) d/r + (D−1)βh² d/(r(1+βh)) + 2αβh³ d/(r q)      (r > 0).
 */
export function radialLogLikGrad(p: RadialParams, x: ArrayLike<number>): { logP: number; alpha: number; beta: number; z0: number[] } {
  const D = checkRadial('radialLogLikGrad', p);
  assertVector('radialLogLikGrad', 'x', x, D);
  const { alpha: a, beta: b } = p;
  const d = Array.from(x, (v, i) => v - p.z0[i]);
  const r = Math.sqrt(dot(d, d));
  if (r === 0) throw new RangeError('radialLogLikGrad: x must differ from z0 (the map is not differentiable in z0 at r = 0)');
  const h = 1 / (a + r);
  const y = d.map((di, i) => p.z0[i] + (1 + b * h) * di);
  const q = 1 + a * b * h * h;
  const e = 1 + b * h;
  const yd = dot(y, d);
  const logP = -0.5 * D * LOG_2PI - 0.5 * dot(y, y) + (D - 1) * Math.log(Math.abs(e)) + Math.log(Math.abs(q));
  return {
    logP,
    beta: -h * yd + ((D - 1) * h) / e + (a * h * h) / q,
    alpha: b * h * h * yd - ((D - 1) * b * h * h) / e + (b * h * h - 2 * a * b * h * h * h) / q,
    z0: y.map((yi, i) => b * h * yi - (b * h * h * yd * d[i]) / r + ((D - 1) * b * h * h * d[i]) / (r * e) + (2 * a * b * h * h * h * d[i]) / (r * q)),
  };
}

/** Gradient of log p(x) for the planar or radial map by central differences (for the checks). */
export function logLikGradFD(logP: (theta: number[]) => number, theta: ArrayLike<number>, h = 1e-6): number[] {
  if (typeof logP !== 'function') throw new TypeError(`logLikGradFD: logP must be a function (got ${describe(logP)})`);
  assertVector('logLikGradFD', 'theta', theta);
  assertPositive('logLikGradFD', 'h', h);
  const t = Array.from(theta);
  return t.map((_, i) => {
    const up = t.slice();
    const dn = t.slice();
    up[i] += h;
    dn[i] -= h;
    return (logP(up) - logP(dn)) / (2 * h);
  });
}

/**
 * Fit a radial flow used in the normalising direction (z = g(x) ~ N(0, I)) to data by full-batch gradient ascent with the
 * hand-derived gradient `radialLogLikGrad`. After each step the parameters are projected back onto the invertible set
 * α ≥ αMin, β ≥ −α (001 §5.4). Returns the trajectory of (α, β, z₀) and of the mean log-likelihood.
 */
export function fitRadialFlow(
  data: ArrayLike<number>[],
  init: RadialParams,
  opts: { gamma?: number; steps?: number; alphaMin?: number } = {},
): { params: RadialParams[]; logLik: number[] } {
  if (!Array.isArray(data) || data.length === 0) throw new RangeError(`fitRadialFlow: data must be a non-empty array of points (got ${describe(data)})`);
  const D = checkRadial('fitRadialFlow', init);
  data.forEach((x, i) => assertVector('fitRadialFlow', `data[${i}]`, x, D));
  const gamma = opts.gamma ?? 0.05;
  const steps = opts.steps ?? 500;
  const alphaMin = opts.alphaMin ?? 1e-3;
  assertPositive('fitRadialFlow', 'gamma', gamma);
  assertPositive('fitRadialFlow', 'alphaMin', alphaMin);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`fitRadialFlow: steps must be an integer >= 0 (got ${describe(steps)})`);
  if (init.beta < -init.alpha) throw new RangeError(`fitRadialFlow: init must be invertible, β ≥ −α (got β = ${init.beta}, α = ${init.alpha})`);
  let p: RadialParams = { z0: init.z0.slice(), alpha: init.alpha, beta: init.beta };
  const params: RadialParams[] = [];
  const logLik: number[] = [];
  for (let k = 0; k <= steps; k++) {
    let ll = 0;
    let ga = 0;
    let gb = 0;
    const gz = new Array<number>(D).fill(0);
    for (const x of data) {
      const g = radialLogLikGrad(p, x);
      ll += g.logP;
      ga += g.alpha;
      gb += g.beta;
      g.z0.forEach((v, i) => (gz[i] += v));
    }
    const N = data.length;
    params.push({ z0: p.z0.slice(), alpha: p.alpha, beta: p.beta });
    logLik.push(ll / N);
    if (k === steps) break;
    const alpha = Math.max(alphaMin, p.alpha + (gamma * ga) / N);
    const beta = Math.max(-alpha, p.beta + (gamma * gb) / N);
    p = { z0: p.z0.map((v, i) => v + (gamma * gz[i]) / N), alpha, beta };
  }
  return { params, logLik };
}
