/**
 * Figures of the VI notebooks, built on the display layer (plain plotly figures): KL heatmaps, forward vs reverse fits with a
 * slider over the mode separation (002 Fig. 3.1), ELBO contours with the optimum, BGMM ellipses per sweep (animation) and the
 * weights collapsing, EM's staircase, and the GMM Gibbs sampler next to the VI fit.
 */
import { animation, heatmap, linePlot, Series } from '../display/figures';
import { baseLayout, PALETTE } from '../display/figures/common';
import type { Figure, Trace } from '../display/plotly';
import { klGaussian } from '../info/measures';
import { klBernoulliGrid } from '../info/bounds';
import { Matrix } from '../core/linalg';
import { assertFiniteNumber, assertInteger, assertVector, describe } from '../core/validate';
import { bimodalMixture, fitGaussianForwardKL, fitGaussianReverseKL, mixtureLogPdf } from './kl';
import { toyElbo, toyPosterior } from './fixedForm';
import { BgmmResult, BgmmState, bgmmCovariance, bgmmVI } from './bgmm';
import { gmmBlockGibbs } from '../sampling/gibbs';
import { NormalGammaMF, NormalGammaPrior, normalGammaPosterior } from './meanfield';
import { logGamma } from '../core/special';
import { StaircasePoint } from './em';

const grid = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

/**
 * KL heatmaps: `kind: 'bernoulli'` draws KL(Bern(p) ‖ Bern(q)) (or, with `asymmetry`, KL(p‖q) − KL(q‖p)) on a (q, p) grid;
 * `kind: 'gaussian'` draws KL(N(μ, σ²) ‖ N(0, 1)) on a (μ, σ) grid (002 §3.2, D11).
 */
export function klHeatmap(kind: 'bernoulli' | 'gaussian', opts: { asymmetry?: boolean; n?: number; title?: string } = {}): Figure {
  const n = opts.n ?? 41;
  assertInteger('klHeatmap', 'opts.n', n, 3, 400);
  if (kind === 'bernoulli') {
    const ps = grid(0.02, 0.98, n);
    const K = klBernoulliGrid(ps, ps);
    const z = opts.asymmetry ? K.map((row, i) => row.map((v, j) => v - K[j][i])) : K;
    return heatmap(z, { x: ps, y: ps, origin: 'bottom', labels: false, colorscale: opts.asymmetry ? 'RdBu' : 'Viridis', xLabel: 'q', yLabel: 'p', title: opts.title ?? (opts.asymmetry ? 'KL(p‖q) − KL(q‖p) (Bernoulli)' : 'KL(Bern(p) ‖ Bern(q))') });
  }
  if (kind === 'gaussian') {
    const mus = grid(-3, 3, n);
    const sigmas = grid(0.2, 3, n);
    const z = sigmas.map((s) => mus.map((m) => klGaussian(m, s, 0, 1)));
    return heatmap(z, { x: mus, y: sigmas, origin: 'bottom', labels: false, zmax: 5, xLabel: 'μ', yLabel: 'σ', title: opts.title ?? 'KL(N(μ, σ²) ‖ N(0, 1)) — zero only at (0, 1)' });
  }
  throw new RangeError(`klHeatmap: kind must be 'bernoulli' or 'gaussian' (got ${describe(kind)})`);
}

/**
 * Forward vs reverse KL fits of one Gaussian to 0.5 N(−d, 1) + 0.5 N(d, 1), one animation frame per separation d (the slider;
 * 002 Fig. 3.1 redrawn, oracle D12). The reverse fit is started at the right-hand mode and at μ = 0; the better one is drawn
 * solid.
 */
export function forwardReverseFigure(ds: ArrayLike<number> = [0.5, 1, 1.5, 2, 2.5, 3, 4]): Figure {
  assertVector('forwardReverseFigure', 'ds', ds);
  const xs = grid(-8, 8, 321);
  const pdf = (m: number, s: number) => xs.map((x) => Math.exp(-0.5 * ((x - m) / s) ** 2) / (s * Math.sqrt(2 * Math.PI)));
  const frames = Array.from(ds, (d) => {
    const mix = bimodalMixture(d);
    const f = fitGaussianForwardKL(mix);
    const rm = fitGaussianReverseKL(mix, { mu0: d, sigma0: 1 });
    const r0 = fitGaussianReverseKL(mix, { mu0: 0, sigma0: f.sigma });
    const best = rm.kl <= r0.kl ? rm : r0;
    const other = best === rm ? r0 : rm;
    const traces: Trace[] = [
      { type: 'scatter', mode: 'lines', x: xs, y: xs.map((x) => Math.exp(mixtureLogPdf(mix, x))), name: 'target p', line: { color: '#000', width: 2 } },
      { type: 'scatter', mode: 'lines', x: xs, y: pdf(f.mu, f.sigma), name: `forward KL(p‖q): σ²=${(f.sigma ** 2).toFixed(2)}`, line: { color: PALETTE[0] } },
      { type: 'scatter', mode: 'lines', x: xs, y: pdf(best.mu, best.sigma), name: `reverse KL(q‖p), best: μ=${best.mu.toFixed(3)}, σ=${best.sigma.toFixed(3)}, KL=${best.kl.toFixed(4)}`, line: { color: PALETTE[3] } },
      { type: 'scatter', mode: 'lines', x: xs, y: pdf(other.mu, other.sigma), name: `reverse, other stationary point: KL=${other.kl.toFixed(4)}`, line: { color: PALETTE[3], dash: 'dot' } },
    ];
    return traces;
  });
  const fig = animation(frames, { labels: Array.from(ds, (d) => `d = ${d}`), xLabel: 'x', yLabel: 'density', title: 'Forward (mean seeking) vs reverse (mode seeking) KL fits; slide over the mode separation d' });
  fig.layout.legend = { orientation: 'h', y: -0.35 };
  fig.layout.height = 520;
  return fig;
}

/** Contours of the toy ELBO(m, s) at x with the maximiser (the exact posterior) marked (002 §3.4, D13). */
export function elboContourFigure(x = 1, opts: { mRange?: [number, number]; sRange?: [number, number]; n?: number; path?: { m: number[]; s: number[] } } = {}): Figure {
  assertFiniteNumber('elboContourFigure', 'x', x);
  const n = opts.n ?? 60;
  const ms = grid(...(opts.mRange ?? [x / 2 - 2, x / 2 + 2]), n);
  const ss = grid(...(opts.sRange ?? [0.1, 2]), n);
  const z = ss.map((s) => ms.map((m) => toyElbo(x, m, s).elbo));
  const post = toyPosterior(x);
  const data: Trace[] = [
    { type: 'contour', x: ms, y: ss, z, ncontours: 30, colorscale: 'Viridis', colorbar: { title: { text: 'ELBO' } }, contours: { coloring: 'heatmap' } },
    { type: 'scatter', mode: 'markers', x: [post.mean], y: [Math.sqrt(post.variance)], name: `optimum (${post.mean}, √${post.variance}): ELBO = log p(x)`, marker: { color: '#fff', size: 12, symbol: 'x', line: { color: '#000', width: 1 } } },
  ];
  if (opts.path) data.push({ type: 'scatter', mode: 'lines', x: opts.path.m, y: opts.path.s, name: 'gradient-ascent path', line: { color: '#d62728' } });
  return { data, layout: baseLayout({ title: `ELBO(m, s) for the toy at x = ${x}`, xLabel: 'm', yLabel: 's' }, { legend: { orientation: 'h', y: -0.2 } }) };
}

/** Points of the 2-σ ellipse of a 2-D Gaussian (mean, covariance). */
export function ellipsePoints(mean: ArrayLike<number>, cov: Matrix, scale = 2, n = 60): { x: number[]; y: number[] } {
  const a = cov[0][0];
  const b = cov[0][1];
  const c = cov[1][1];
  const tr = (a + c) / 2;
  const det = Math.sqrt(Math.max(0, ((a - c) / 2) ** 2 + b * b));
  const l1 = tr + det;
  const l2 = Math.max(0, tr - det);
  const th = 0.5 * Math.atan2(2 * b, a - c);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i <= n; i++) {
    const t = (2 * Math.PI * i) / n;
    const u = scale * Math.sqrt(l1) * Math.cos(t);
    const v = scale * Math.sqrt(l2) * Math.sin(t);
    x.push(mean[0] + u * Math.cos(th) - v * Math.sin(th));
    y.push(mean[1] + u * Math.sin(th) + v * Math.cos(th));
  }
  return { x, y };
}

function bgmmTraces(X: number[][], st: BgmmState, threshold: number): Trace[] {
  const aHat = st.alpha.reduce((p, q) => p + q, 0);
  const traces: Trace[] = [{ type: 'scatter', mode: 'markers', x: X.map((p) => p[0]), y: X.map((p) => p[1]), name: 'data', marker: { size: 4, color: '#999' } }];
  st.alpha.forEach((a, k) => {
    const w = a / aHat;
    const e = w > threshold ? ellipsePoints(st.m[k], bgmmCovariance(st, k)) : { x: [st.m[k][0]], y: [st.m[k][1]] };
    traces.push({ type: 'scatter', mode: 'lines', x: e.x, y: e.y, name: `k=${k + 1}: E[π]=${w.toFixed(3)}`, line: { color: PALETTE[k % PALETTE.length], width: 1 + 6 * w } });
  });
  return traces;
}

/** The BGMM's 2-σ ellipses after every sweep (animation; needs `keepHistory`), line width ∝ E[π_k] (002 §3.8, NB05). */
export function bgmmAnimation(X: number[][], res: BgmmResult, opts: { threshold?: number; every?: number } = {}): Figure {
  if (!res || !Array.isArray(res.history)) throw new TypeError(`bgmmAnimation: res must come from bgmmVI(..., { keepHistory: true }) (got ${describe(res && res.history)})`);
  if (X[0]?.length !== 2) throw new RangeError(`bgmmAnimation: X must be 2-D (got dimension ${X[0]?.length})`);
  const every = opts.every ?? 1;
  const hist = res.history.filter((_, i) => i % every === 0 || i === res.history!.length - 1);
  const labels = res.history.map((_, i) => i).filter((i) => i % every === 0 || i === res.history!.length - 1);
  return animation(hist.map((st) => bgmmTraces(X, st, opts.threshold ?? 0.01)), { labels: labels.map((i) => `sweep ${i}`), title: 'Bayesian GMM by CAVI: 2σ ellipses of E[Λ_k]⁻¹, width ∝ E[π_k]', xLabel: 'x₁', yLabel: 'x₂', duration: 250 });
}

/** E[π_k] after every sweep: the weights of the surplus components collapse (002 §3.8, α₀ < 1). */
export function bgmmWeightsFigure(res: BgmmResult): Figure {
  if (!res || !Array.isArray(res.history)) throw new TypeError(`bgmmWeightsFigure: res must come from bgmmVI(..., { keepHistory: true }) (got ${describe(res && res.history)})`);
  const K = res.alpha.length;
  const series: Series[] = Array.from({ length: K }, (_, k) => ({
    y: res.history!.map((st) => st.alpha[k] / st.alpha.reduce((p, q) => p + q, 0)),
    name: `E[π_${k + 1}]`,
    color: PALETTE[k % PALETTE.length],
  }));
  return linePlot(series, { xLabel: 'sweep', yLabel: 'E[π_k]', title: 'Weights per sweep: the surplus components die out' });
}

/** EM's staircase (002 §3.7): log p(x|θ), the ELBO L(q, θ) and the KL gap after every E- and M-half-step. */
export function emStaircaseFigure(points: StaircasePoint[]): Figure {
  if (!Array.isArray(points) || points.length === 0) throw new TypeError(`emStaircaseFigure: points must be emStaircase(...) output (got ${describe(points)})`);
  const x = points.map((_, i) => i / 2 + 0.5);
  const shape = { line: { shape: 'hv' } };
  const fig = linePlot(
    [
      { x, y: points.map((p) => p.logLik), name: 'log p(x | θ)', mode: 'lines+markers' },
      { x, y: points.map((p) => p.elbo), name: 'L(q, θ)', mode: 'lines+markers', dash: 'dash' },
    ],
    { xLabel: 'EM step (E at k − ½, M at k)', yLabel: 'nats', title: 'EM as VI: the E-step closes the gap, the M-step raises L' },
  );
  fig.data.forEach((t) => Object.assign(t, shape));
  fig.data.push({ type: 'bar', x, y: points.map((p) => p.gap), name: 'KL gap', yaxis: 'y2', marker: { color: 'rgba(214,39,40,0.5)' } });
  fig.layout.yaxis2 = { overlaying: 'y', side: 'right', title: { text: 'KL(q ‖ p(z|x,θ))' }, rangemode: 'tozero' };
  return fig;
}

/** ELBO (or any) traces against iteration, one series per name (helper for CAVI / fixed-form traces). */
export function traceFigure(traces: Record<string, ArrayLike<number>>, opts: { title?: string; xLabel?: string; yLabel?: string; logY?: boolean } = {}): Figure {
  if (!traces || typeof traces !== 'object') throw new TypeError(`traceFigure: traces must be { name: values } (got ${describe(traces)})`);
  return linePlot(
    Object.entries(traces).map(([name, y]) => ({ y, name })),
    { title: opts.title, xLabel: opts.xLabel ?? 'iteration', yLabel: opts.yLabel ?? 'value', logY: opts.logY },
  );
}

/** What `gibbsVsVi` returns: per-component posterior means and spreads from both methods, and the figure. */
export interface GibbsVsVi {
  /** Gibbs: posterior mean and sd of each μ_k (components sorted by mean in every sweep, after burn-in). */
  gibbs: { mean: number[]; sd: number[] };
  /** VI: E_q[μ_k] = m_k and sd 1/√(β_k E[Λ_k]) (the Normal approximation of the Student-t marginal). */
  vi: { mean: number[]; sd: number[]; weights: number[] };
  figure: Figure;
}

/**
 * The GMM block Gibbs sampler of `sampling` (Diebolt & Robert 1994) and this topic's mean-field BGMM on the same 1-D data:
 * posterior means and spreads of the component means, side by side (002 NB09 step 5 / NB05; the MC topic's open link).
 * The samplers' models differ slightly (Gibbs: known σ; VI: Normal–Wishart on μ_k, Λ_k): the figure states it.
 */
export function gibbsVsVi(data: ArrayLike<number>, opts: { K: number; sigma: number; nSweeps: number; burnIn?: number; rng: import('../core/rng').Rng; alpha0?: number }): GibbsVsVi {
  const fn = 'gibbsVsVi';
  assertVector(fn, 'data', data);
  if (!opts || typeof opts !== 'object') throw new TypeError(`${fn}: opts must be { K, sigma, nSweeps, rng } (got ${describe(opts)})`);
  const { K, nSweeps } = opts;
  assertInteger(fn, 'opts.K', K, 1, 20);
  assertInteger(fn, 'opts.nSweeps', nSweeps, 2);
  const burn = opts.burnIn ?? Math.floor(nSweeps / 4);
  assertInteger(fn, 'opts.burnIn', burn, 0, nSweeps - 1);
  const g = gmmBlockGibbs({ data, K, sigma: opts.sigma, nSweeps, rng: opts.rng });
  const draws: number[][] = Array.from({ length: K }, () => []);
  for (let t = burn; t < nSweeps; t++) {
    const mus = Array.from(g.mu.subarray(t * K, (t + 1) * K)).sort((a, b) => a - b);
    mus.forEach((m, k) => draws[k].push(m));
  }
  const mean = (a: number[]) => a.reduce((p, q) => p + q, 0) / a.length;
  const sd = (a: number[]) => Math.sqrt(a.reduce((p, q) => p + (q - mean(a)) ** 2, 0) / (a.length - 1));
  const X = Array.from(data, (v) => [v]);
  const prior = { alpha0: opts.alpha0 ?? 1, beta0: 0.01, m0: [mean(Array.from(data))], W0: [[1 / (opts.sigma * opts.sigma) / 2]], nu0: 2 };
  const vb = bgmmVI(X, K, prior, { rng: opts.rng, maxIter: 500 });
  const order = vb.m.map((m, k) => k).sort((a, b) => vb.m[a][0] - vb.m[b][0]);
  const viMean = order.map((k) => vb.m[k][0]);
  const viSd = order.map((k) => 1 / Math.sqrt(vb.beta[k] * vb.nu[k] * vb.W[k][0][0]));
  const gm = draws.map(mean);
  const gs = draws.map(sd);
  const xs: number[] = [];
  const lo = Math.min(...gm.map((m, k) => m - 5 * gs[k]), ...viMean.map((m, k) => m - 5 * viSd[k]));
  const hi = Math.max(...gm.map((m, k) => m + 5 * gs[k]), ...viMean.map((m, k) => m + 5 * viSd[k]));
  for (let i = 0; i <= 600; i++) xs.push(lo + ((hi - lo) * i) / 600);
  const data2: Trace[] = [];
  for (let k = 0; k < K; k++) {
    data2.push({ type: 'histogram', x: draws[k], histnorm: 'probability density', name: `Gibbs draws of μ_${k + 1}`, opacity: 0.45, marker: { color: PALETTE[k % PALETTE.length] }, nbinsx: 40 });
    data2.push({ type: 'scatter', mode: 'lines', x: xs, y: xs.map((x) => Math.exp(-0.5 * ((x - viMean[k]) / viSd[k]) ** 2) / (viSd[k] * Math.sqrt(2 * Math.PI))), name: `VI q(μ_${k + 1})`, line: { color: PALETTE[k % PALETTE.length], width: 2 } });
  }
  const figure: Figure = { data: data2, layout: baseLayout({ title: 'Posterior of the component means: Gibbs draws (bars) vs mean-field VI (curves)', xLabel: 'μ_k', yLabel: 'density' }, { barmode: 'overlay', legend: { orientation: 'h', y: -0.25 } }) };
  return { gibbs: { mean: gm, sd: gs }, vi: { mean: viMean, sd: viSd, weights: order.map((k) => vb.weights[k]) }, figure };
}

/**
 * Contours of the exact Normal–Gamma posterior p(μ, τ | x) and of the mean-field q(μ)q(τ) at the CAVI fixed point
 * (Bishop 2006 Fig. 10.4, an extension of 002 §3.5): the factorised q cannot tilt with the posterior's μ–τ dependence.
 */
export function normalGammaContours(x: ArrayLike<number>, prior: NormalGammaPrior, q: NormalGammaMF, opts: { n?: number } = {}): Figure {
  const fn = 'normalGammaContours';
  assertVector(fn, 'x', x);
  const ex = normalGammaPosterior(x, prior);
  const n = opts.n ?? 80;
  assertInteger(fn, 'opts.n', n, 10, 400);
  const Et = ex.aN / ex.bN;
  const sdT = Math.sqrt(ex.aN) / ex.bN;
  const sdMu = 1 / Math.sqrt(ex.lambdaN * Et);
  const mus = grid(ex.muN - 4 * sdMu, ex.muN + 4 * sdMu, n);
  const taus = grid(Math.max(1e-3, Et - 3.5 * sdT), Et + 4 * sdT, n);
  const lgam = (t: number, a: number, b: number) => a * Math.log(b) - logGamma(a) + (a - 1) * Math.log(t) - b * t;
  const zEx = taus.map((t) => mus.map((m) => Math.exp(0.5 * Math.log((ex.lambdaN * t) / (2 * Math.PI)) - 0.5 * ex.lambdaN * t * (m - ex.muN) ** 2 + lgam(t, ex.aN, ex.bN))));
  const zMf = taus.map((t) => mus.map((m) => Math.exp(0.5 * Math.log(q.lambdaN / (2 * Math.PI)) - 0.5 * q.lambdaN * (m - q.muN) ** 2 + lgam(t, q.aN, q.bN))));
  const c = (z: number[][], name: string, color: string): Trace => ({ type: 'contour', x: mus, y: taus, z, name, showscale: false, ncontours: 6, contours: { coloring: 'none' }, line: { color, width: 2 }, showlegend: true });
  return { data: [c(zEx, 'exact posterior p(μ, τ | x)', PALETTE[0]), c(zMf, 'mean field q(μ) q(τ)', PALETTE[3])], layout: baseLayout({ title: 'Normal–Gamma: exact posterior vs the CAVI fixed point', xLabel: 'μ', yLabel: 'τ' }, { legend: { orientation: 'h', y: -0.2 } }) };
}

/**
 * 004 (68.7) as stacked bars: for q = N(m, s²) on the toy u ~ N(0,1), h | u ~ N(u,1), the ELBO and the gap
 * D_KL(q ‖ f(u|h)) add up to ln f(h) (the dashed line) — one animation frame per m (the slider). The ELBO bar runs from 0
 * down to the ELBO; the KL bar starts at the ELBO and ends exactly at ln f(h).
 */
export function elboKlBarsFigure(h: number, ms: ArrayLike<number>, s: number): Figure {
  const fn = 'elboKlBarsFigure';
  assertFiniteNumber(fn, 'h', h);
  assertVector(fn, 'ms', ms);
  assertFiniteNumber(fn, 's', s);
  const frames = Array.from(ms, (m) => {
    const e = toyElbo(h, m, s);
    return [
      { type: 'bar', x: ['decomposition of ln f(h)'], y: [e.elbo], name: `ELBO = ${e.elbo.toFixed(4)}`, marker: { color: PALETTE[0] } },
      { type: 'bar', x: ['decomposition of ln f(h)'], y: [e.klPosterior], base: [e.elbo], name: `KL(q‖f(u|h)) = ${e.klPosterior.toFixed(4)} (from the ELBO up to ln f(h))`, marker: { color: PALETTE[3] } },
      { type: 'scatter', mode: 'lines', x: [-0.5, 0.5], y: [e.logEvidence, e.logEvidence], xaxis: 'x2', name: `ln f(h) = ${e.logEvidence.toFixed(4)}`, line: { color: '#000', dash: 'dash' } },
    ] as Trace[];
  });
  const fig = animation(frames, { labels: Array.from(ms, (m) => `m = ${m}`), title: `ln f(h) = ELBO + KL (004 (68.7)), q = N(m, ${s}²), h = ${h}`, yLabel: 'nats', fixAxes: false });
  const lo = Math.min(...Array.from(ms, (m) => toyElbo(h, m, s).elbo));
  fig.layout.barmode = 'overlay';
  fig.layout.yaxis = { ...(fig.layout.yaxis as object), range: [lo - 0.3, 0.2] };
  fig.layout.xaxis2 = { overlaying: 'x', range: [-0.5, 0.5], visible: false };
  return fig;
}
