/**
 * Figures of the GAN-A notebooks, built with the display layer (plain plotly specs; `display.show(fig)` draws them).
 * Each is one call in a notebook cell, so cells stay short; the data come from the functions of this module.
 */
import { linePlot, trajectory, curve, animation, Series } from '../display/figures';
import type { Figure } from '../display/plotly';
import { assertPositive, assertInteger, assertVector } from '../core/validate';
import { normalLogPdf } from '../core/gaussian';
import { sigmoid } from '../core/special';
import { linspace } from '../info/quadrature';
import { dgGame, GdaMethod, GDA_METHODS, iterateGame, trajectoryNorms, spectralAnalysis, dgUpdateMatrix, spectralRadiusCurve, flowTrajectory } from './games';
import { gaussianGanOptimalValue, GAN_OPTIMAL_VALUE, optimalDiscriminatorDensity } from './value';
import { gradLog1mDWrtLogit, gradLogDWrtLogit, gradLog1mDWrtD, gradLogDWrtD } from './losses';
import { ToyGanRecord, toyDiscriminator, toyOptimalPsi } from './toy1d';

/** (d, g) trajectories of several methods on V = dg from z0, plus the continuous flow (a circle) for reference. */
export function dgTrajectoriesFigure(alpha: number, steps: number, z0: [number, number] = [1, 0], methods: readonly GdaMethod[] = GDA_METHODS): Figure {
  assertPositive('dgTrajectoriesFigure', 'alpha', alpha);
  assertInteger('dgTrajectoriesFigure', 'steps', steps, 1);
  const paths = methods.map((m) => {
    const t = iterateGame(dgGame(), alpha, m, z0, steps);
    return { x: t.map((z) => z[0]), y: t.map((z) => z[1]), name: `${m} (ρ = ${spectralAnalysis(dgUpdateMatrix(alpha, m)).spectralRadius.toFixed(4)})` };
  });
  const flow = flowTrajectory(dgGame(), z0, 2 * Math.PI, 200);
  paths.push({ x: flow.z.map((z) => z[0]), y: flow.z.map((z) => z[1]), name: 'continuous flow' });
  return trajectory(paths, { title: `Iterates on V(d, g) = dg, α = ${alpha}, ${steps} steps`, xLabel: 'd', yLabel: 'g', arrows: 4 });
}

/** log ‖(d_k, g_k)‖ against k for each method, with the predicted ρ(A)^k ‖z_0‖ dashed. */
export function dgNormsFigure(alpha: number, steps: number, z0: [number, number] = [1, 0], methods: readonly GdaMethod[] = GDA_METHODS): Figure {
  assertPositive('dgNormsFigure', 'alpha', alpha);
  assertInteger('dgNormsFigure', 'steps', steps, 1);
  const ks = Array.from({ length: steps + 1 }, (_, k) => k);
  const n0 = Math.hypot(...z0);
  const series: Series[] = [];
  methods.forEach((m, i) => {
    const norms = trajectoryNorms(iterateGame(dgGame(), alpha, m, z0, steps));
    const rho = spectralAnalysis(dgUpdateMatrix(alpha, m)).spectralRadius;
    const color = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd'][i % 5];
    series.push({ x: ks, y: norms, name: m, color });
    series.push({ x: ks, y: ks.map((k) => n0 * rho ** k), name: `ρ^k·‖z₀‖ (${m})`, dash: 'dash', color });
  });
  return linePlot(series, { logY: true, title: `‖(d_k, g_k)‖ and the prediction ρ(A)^k‖z₀‖, α = ${alpha}`, xLabel: 'k', yLabel: '‖z_k‖ (log scale)' });
}

/** ρ(A(α)) against α for each method, with the line ρ = 1. */
export function spectralRadiusFigure(alphas: ArrayLike<number> = linspace(0.01, 2, 100), methods: readonly GdaMethod[] = GDA_METHODS): Figure {
  assertVector('spectralRadiusFigure', 'alphas', alphas);
  const x = Array.from(alphas);
  const series: Series[] = methods.map((m) => ({ x, y: spectralRadiusCurve(dgGame(), m, x), name: m }));
  series.push({ x: [x[0], x[x.length - 1]], y: [1, 1], name: 'ρ = 1', dash: 'dot', color: '#7f7f7f' });
  return linePlot(series, { title: 'Spectral radius of the update matrix on V = dg', xLabel: 'step size α', yLabel: 'ρ(A)' });
}

/** p_data = N(μ_d, σ_d²), p_g = N(μ_g, σ_g²) and D* = p_data/(p_data + p_g) on one figure. */
export function optimalDiscriminatorFigure(muData = 0, sdData = 1, muG = 1, sdG = 1, range?: [number, number]): Figure {
  const lo = range?.[0] ?? Math.min(muData - 4 * sdData, muG - 4 * sdG);
  const hi = range?.[1] ?? Math.max(muData + 4 * sdData, muG + 4 * sdG);
  const lp = (x: number) => normalLogPdf(x, muData, sdData);
  const lq = (x: number) => normalLogPdf(x, muG, sdG);
  const D = optimalDiscriminatorDensity(lp, lq);
  return linePlot(
    [curve((x) => Math.exp(lp(x)), [lo, hi], { name: 'p_data' }), curve((x) => Math.exp(lq(x)), [lo, hi], { name: 'p_g' }), curve(D, [lo, hi], { name: 'D*(x)', dash: 'dash' })],
    { title: 'The optimal discriminator D* = p_data/(p_data + p_g)', xLabel: 'x', yLabel: 'density / probability' },
  );
}

/**
 * C(G) = max_D V against the generator's mean shift m (p_data = N(0,1), p_g = N(m,1)), with the floor −ln 4; optionally
 * the source-000 form JS − ln 4 (erratum 000-E56).
 */
export function optimalValueCurveFigure(shifts: ArrayLike<number> = linspace(-3, 3, 61), withSourceForm = false): Figure {
  assertVector('optimalValueCurveFigure', 'shifts', shifts);
  const x = Array.from(shifts);
  const series: Series[] = [{ x, y: x.map((m) => gaussianGanOptimalValue(0, 1, m, 1)), name: 'C(G) = 2·JS − ln 4 (exact)' }];
  if (withSourceForm) series.push({ x, y: x.map((m) => gaussianGanOptimalValue(0, 1, m, 1, 'source')), name: 'JS − ln 4 (000 as printed)', dash: 'dash' });
  series.push({ x: [x[0], x[x.length - 1]], y: [GAN_OPTIMAL_VALUE, GAN_OPTIMAL_VALUE], name: '−ln 4', dash: 'dot', color: '#7f7f7f' });
  return linePlot(series, { title: 'Value at the optimal discriminator against the generator’s shift', xLabel: 'generator mean m (p_g = N(m, 1))', yLabel: 'max_D V' });
}

/**
 * Saturating vs non-saturating generator gradients against D(G(z)): in the logit domain (−σ(s) vs 1 − σ(s)) or in the
 * D domain (−1/(1−D) vs 1/D) — 004 erratum E11 asks for both.
 */
export function saturationFigure(domain: 'logit' | 'D' = 'logit'): Figure {
  const Ds = linspace(0.005, 0.995, 199);
  if (domain === 'logit') {
    const s = Ds.map((D) => Math.log(D) - Math.log1p(-D));
    return linePlot(
      [
        { x: Ds, y: s.map(gradLog1mDWrtLogit), name: 'saturating: d/ds ln(1 − D)' },
        { x: Ds, y: s.map(gradLogDWrtLogit), name: 'non-saturating: d/ds ln D' },
      ],
      { title: 'Generator gradients w.r.t. the discriminator logit s (D = σ(s))', xLabel: 'D(G(z))', yLabel: 'gradient' },
    );
  }
  return linePlot(
    [
      { x: Ds, y: Ds.map(gradLog1mDWrtD), name: 'd/dD ln(1 − D) = −1/(1 − D)' },
      { x: Ds, y: Ds.map(gradLogDWrtD), name: 'd/dD ln D = 1/D' },
    ],
    { title: 'The same gradients w.r.t. D itself', xLabel: 'D(G(z))', yLabel: 'gradient (clipped view)', logY: false },
  );
}

/**
 * Animation of the toy GAN's snapshots: data density, generated density N(b, a²), the current D(x) and the optimal D*
 * for the current generator.
 */
export function toyGanAnimationFigure(snapshots: ToyGanRecord[], data: { mu: number; sigma: number }, range?: [number, number]): Figure {
  if (!Array.isArray(snapshots) || snapshots.length === 0) throw new RangeError('toyGanAnimationFigure: snapshots must be a non-empty array of training records');
  const lo = range?.[0] ?? Math.min(data.mu - 4 * data.sigma, ...snapshots.map((s) => s.phi[1] - 3 * Math.abs(s.phi[0])));
  const hi = range?.[1] ?? Math.max(data.mu + 4 * data.sigma, ...snapshots.map((s) => s.phi[1] + 3 * Math.abs(s.phi[0])));
  const xs = linspace(lo, hi, 200);
  const figs = snapshots.map((s) => {
    const a = Math.max(Math.abs(s.phi[0]), 1e-3);
    const psiStar = toyOptimalPsi(data, [a, s.phi[1]]);
    return linePlot(
      [
        { x: xs, y: xs.map((x) => Math.exp(normalLogPdf(x, data.mu, data.sigma))), name: 'p_data' },
        { x: xs, y: xs.map((x) => Math.exp(normalLogPdf(x, s.phi[1], a))), name: 'p_g = N(b, a²)' },
        { x: xs, y: xs.map((x) => toyDiscriminator(s.psi, x)), name: 'D(x)', dash: 'dash' },
        { x: xs, y: xs.map((x) => sigmoid(psiStar[0] * x * x + psiStar[1] * x + psiStar[2])), name: 'D*(x)', dash: 'dot' },
      ],
      { xLabel: 'x', yLabel: 'density / probability', title: 'The 1-D GAN during training' },
    );
  });
  return animation(figs, { labels: snapshots.map((s) => `step ${s.step}`), title: 'The 1-D GAN during training (press play)' });
}

/** Training curves of a toy-GAN history: V̂, mean D on real and on fake samples. */
export function toyGanCurvesFigure(history: ToyGanRecord[]): Figure {
  if (!Array.isArray(history) || history.length === 0) throw new RangeError('toyGanCurvesFigure: history must be a non-empty array of training records');
  const k = history.map((h) => h.step);
  return linePlot(
    [
      { x: k, y: history.map((h) => h.value), name: 'V̂ (batch)' },
      { x: k, y: history.map((h) => h.dReal), name: 'mean D(real)' },
      { x: k, y: history.map((h) => h.dFake), name: 'mean D(fake)' },
      { x: [k[0], k[k.length - 1]], y: [GAN_OPTIMAL_VALUE, GAN_OPTIMAL_VALUE], name: '−ln 4', dash: 'dot', color: '#7f7f7f' },
    ],
    { title: 'Training curves', xLabel: 'step', yLabel: 'value' },
  );
}
