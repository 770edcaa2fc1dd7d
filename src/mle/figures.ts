/**
 * Figures of the BASICS notebooks (plain plotly specs from src/display; `display.show(fig)` draws them): the sigmoid
 * derivative against the tutorial form (E06), the Bernoulli log-likelihood and SGD trajectories (E07), SGD paths on the
 * loss contours of a 1-D linear generator, KL asymmetry heat-maps, the 2-2-1 network of A1 with its values, and parameter
 * counts on a log scale.
 */
import { linePlot, heatmap, trajectory, digraph, barChart, curve, Series } from '../display/figures';
import { Figure } from '../display/plotly';
import { assertMatrix, assertVector } from '../core/validate';
import { sigmoidDerivative, sigmoidDerivativeSource } from '../backprop/activations';
import { bernoulliLogLik, bernoulliMle } from './likelihood';
import { linearGeneratorLoss } from './sgd';
import { klBernoulliGrid } from '../info/bounds';
import { Mlp, mlpForward, bpSgdStep } from '../backprop/mlp';
import { fvsbnParameters, nadeParameters } from '../counting';

/** y(1 − y) against the tutorial's σ(y)(1 − σ(y)) over o ∈ range (000 §1.h, E06). */
export function sigmoidDerivativeFigure(range: [number, number] = [-6, 6]): Figure {
  return linePlot(
    [curve(sigmoidDerivative, range, { name: "exact y(1 − y)" }), curve(sigmoidDerivativeSource, range, { name: 'tutorial σ(y)(1 − σ(y))', dash: 'dash' })],
    { title: "Sigmoid derivative: exact vs the tutorial's form (E06)", xLabel: 'o', yLabel: "a′(o)" },
  );
}

/** log P(Φ) for N trials with N(x) successes, with the argmax N(x)/N marked (000 §1.i). */
export function bernoulliLogLikFigure(N: number, Nx: number): Figure {
  const star = bernoulliMle(N, Nx);
  const lo = Math.max(0.01, 0);
  const s = curve((p) => bernoulliLogLik(p, N, Nx), [lo, 0.99], { name: 'log P(Φ)' });
  const top: Series = { x: [star], y: [Nx > 0 && Nx < N ? bernoulliLogLik(star, N, Nx) : 0], name: `argmax Φ* = ${star}`, mode: 'markers' };
  return linePlot([s, top], { title: `Bernoulli log-likelihood, N = ${N}, N(x) = ${Nx}`, xLabel: 'Φ', yLabel: 'log P' });
}

/**
 * Loss of a 1-D linear generator x = wz + c on a (w, c) grid, with SGD paths on top (filled contours of log₁₀ loss). The
 * grid covers the given ranges and every point of the paths (so an overshooting path stays on the picture).
 */
export function lossContourFigure(Z: number[][], X: number[][], paths: { name: string; trajectory: number[][] }[], wRange: [number, number], cRange: [number, number], n = 41): Figure {
  assertMatrix('lossContourFigure', 'Z', Z, undefined, 1);
  assertMatrix('lossContourFigure', 'X', X, Z.length, 1);
  const pts = paths.flatMap((p) => p.trajectory);
  const span = (r: [number, number], k: number): [number, number] => {
    const lo = Math.min(r[0], ...pts.map((q) => q[k]));
    const hi = Math.max(r[1], ...pts.map((q) => q[k]));
    const m = 0.05 * (hi - lo);
    return [lo - m, hi + m];
  };
  const wr = span(wRange, 0);
  const cr = span(cRange, 1);
  const ws = Array.from({ length: n }, (_, i) => wr[0] + ((wr[1] - wr[0]) * i) / (n - 1));
  const cs = Array.from({ length: n }, (_, i) => cr[0] + ((cr[1] - cr[0]) * i) / (n - 1));
  const grid = cs.map((c) => ws.map((w) => Math.log10(linearGeneratorLoss({ W: [[w]], c: [c] }, Z, X))));
  const fig = trajectory(
    paths.map((p) => ({ name: p.name, x: p.trajectory.map((q) => q[0]), y: p.trajectory.map((q) => q[1]) })),
    { title: 'SGD paths on log₁₀ loss contours', xLabel: 'w', yLabel: 'c', arrows: 4 },
  );
  fig.data.unshift({ type: 'contour', x: ws, y: cs, z: grid, colorscale: 'Viridis', showscale: true, ncontours: 20, colorbar: { title: { text: 'log₁₀ loss' }, x: 1.02 } });
  fig.layout.xaxis = { ...(fig.layout.xaxis as object), range: wr };
  fig.layout.yaxis = { ...(fig.layout.yaxis as object), range: cr };
  fig.layout.legend = { orientation: 'h', x: 0, y: -0.2 };
  fig.layout.showlegend = true;
  return fig;
}

/** KL(Bern(p)‖Bern(q)) and its transpose difference on a grid (000 (A2.1): KL is not symmetric). */
export function klAsymmetryFigure(n = 19): Figure {
  const ps = Array.from({ length: n }, (_, i) => (i + 1) / (n + 1));
  const g = klBernoulliGrid(ps, ps);
  const diff = g.map((row, i) => row.map((v, j) => v - g[j][i]));
  const fig = heatmap(diff, { x: ps, y: ps, origin: 'bottom', title: 'KL(Bern(p)‖Bern(q)) − KL(Bern(q)‖Bern(p))', xLabel: 'q', yLabel: 'p', colorscale: 'RdBu', labels: false });
  return fig;
}

/**
 * The network of A1 drawn as a graph: nodes show their output y and delta δ of one step of the worked example (O-42),
 * edges their weights. Layers are columns; units of a layer are placed at slightly uneven heights so that the labels of
 * crossing edges do not coincide.
 */
export function networkFigure(net: Mlp, input: number[], target: number[], gamma: number): Figure {
  const f = mlpForward(net, input);
  const s = bpSgdStep(net, input, target, gamma);
  const nodes: { id: string; label: string; x: number; y: number }[] = [];
  const edges: { from: string; to: string; label: string }[] = [];
  f.y.forEach((layer, l) =>
    layer.forEach((y, k) => {
      const id = `${l}:${k}`;
      const delta = l > 0 ? `<br>δ=${s.deltas[l - 1][k].toFixed(5)}` : '';
      const spread = layer.length > 1 ? 3 + 0.6 * l : 0;
      const yy = layer.length > 1 ? spread * (0.5 - k / (layer.length - 1)) + (l % 2 ? 0.35 : 0) : 0;
      nodes.push({ id, label: l === 0 ? `x${k + 1}=${y}` : `y=${y.toFixed(4)}${delta}`, x: 2 * l, y: yy });
    }),
  );
  net.W.forEach((Wl, l) => Wl.forEach((row, j) => row.forEach((w, h) => edges.push({ from: `${l}:${j}`, to: `${l + 1}:${h}`, label: `w=${w}` }))));
  return digraph({ nodes, edges }, { title: `A1 worked example (target v = ${target.join(', ')}, γ = ${gamma}; δ of one step)`, height: 420, nodeSize: 70 });
}

/** Parameter counts on a log scale against the number of binary variables p (002 App. A / §7; 003 L13, L623). */
export function parameterCountFigure(ps: number[], d = 500): Figure {
  assertVector('parameterCountFigure', 'ps', ps);
  return linePlot(
    [
      { x: ps, y: ps.map((p) => 2 ** p - 1), name: 'full joint 2^p − 1', mode: 'lines+markers' },
      { x: ps, y: ps.map((p) => fvsbnParameters(p)), name: 'FVSBN p(p+1)/2', mode: 'lines+markers' },
      { x: ps, y: ps.map((p) => nadeParameters(p, d, '002')), name: `NADE 2pd+p+d (d=${d})`, mode: 'lines+markers' },
    ],
    { logY: true, logX: true, title: 'Free parameters of models over p binary variables', xLabel: 'p', yLabel: 'parameters' },
  );
}

/** Bar chart of named counts on a log axis. */
export function countsBarFigure(counts: Record<string, number>, title = 'Parameter counts'): Figure {
  return barChart({ labels: Object.keys(counts), values: Object.values(counts) }, { logY: true, title });
}

/** Fig 1.1 of source 000 (L273; after Goodfellow's taxonomy): maximum likelihood → explicit (tractable, approximate) / implicit density, as a sunburst. */
export function taxonomyFigure(): Figure {
  const nodes: [string, string][] = [
    ['maximum likelihood', ''],
    ['explicit density', 'maximum likelihood'],
    ['implicit density', 'maximum likelihood'],
    ['tractable density', 'explicit density'],
    ['approximate density', 'explicit density'],
    ['NF (block)', 'tractable density'],
    ['PixelRNN / PD (pixel)', 'tractable density'],
    ['VAE (variational)', 'approximate density'],
    ['Boltzmann machine / RBM (Markov chain)', 'approximate density'],
    ['GAN', 'implicit density'],
  ];
  return {
    data: [{ type: 'sunburst', labels: nodes.map((n) => n[0]), parents: nodes.map((n) => n[1]), branchvalues: 'remainder', insidetextorientation: 'radial' }],
    layout: { title: { text: 'Taxonomy of deep generative models (000 Fig 1.1)' }, height: 480, margin: { l: 10, r: 10, t: 50, b: 10 } },
  };
}
