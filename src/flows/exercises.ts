/**
 * Exercises of the FLOW notebooks (ids `flow.*`). Every reference is computed with this library (constants only where a source
 * states them). `npx dgmlab answer flow.inv.radial-r` prints the reference.
 */
import { exerciseGroup } from '../exercises';
import { rng } from '../core/rng';
import { affineSigmoidFlow, affineFlow, expFlow, linearFlow, sigmoidFlow } from './layers';
import { composeFlows, flowDensity, flowLogProb, flowLogProbDetails, checkJacobian, densityGrid2D } from './flow';
import {
  affineSigmoidGradExact,
  finiteFlowEpochDeltaStep,
  finiteFlowLogDetForms,
  fitAffineFlow,
  scalarFlow,
  scalarFlowData,
  scalarFlowGradExact,
  scalarFlowGradSource23,
  scalarFlowGradSource24,
  scalarFlowMle,
  sourceUpdateConstant,
} from './gradients';
import { couplingLayer } from './coupling';
import { twoMoons, gaussianBaselineLogLik } from './data';
import { radialInverse, radialLogDet, radialFlow } from './planarRadial';
import { radialInvertibility, checkInvertibility1D, residualMap, reluMap, sigmoidMixtureMap, bisectionInverse } from './invertibility';
import { O08 } from './errata';

const n05 = exerciseGroup({ notebook: 'nguyen-tutorial/05-flows-change-of-variables.ipynb' });
const n06 = exerciseGroup({ notebook: 'nguyen-tutorial/06-flows-elementwise-and-finite.ipynb' });
const n07 = exerciseGroup({ notebook: 'nguyen-tutorial/07-flows-realnvp.ipynb' });
const inv = exerciseGroup({ notebook: 'dgm-exercises/05-flow-invertibility.ipynb' });
const sta = exerciseGroup({ notebook: 'sta4124/13-normalizing-flows.ipynb' });

const x1 = { default: 0.7, min: 1e-6, max: 1 - 1e-6, description: 'data point x in (0, 1)' };
const phi = { default: 2, description: 'φ (non-zero)' };
const delta = { default: 0.5, description: 'δ' };

// ------------------------------------------------------------------------------------------- nguyen-tutorial/05 (000 §2, L279–366)
n05.byHand({
  id: 'flow.cov.z-1d',
  title: 'The latent z = g⁻¹(x) of the scalar flow x = σ(φz + δ) (to 4 significant figures)',
  source: '000 §2, L295–318, (2.1)',
  params: { x: x1, phi, delta },
  reference: ({ x, phi: p, delta: d }) => scalarFlow(x, p, d).z,
  sigFigs: 4,
  hints: ['Invert the sigmoid first: σ⁻¹(x) = log(x/(1 − x)).', 'Then solve φz + δ = σ⁻¹(x) for z.'],
});

n05.number({
  id: 'flow.cov.logp-1d',
  title: 'log P(x | φ, δ) of the scalar flow by the change of variables',
  source: '000 §2, L295–318, (2.2) and the log-likelihood below it',
  params: { x: x1, phi, delta },
  reference: ({ x, phi: p, delta: d }) => flowLogProb(affineSigmoidFlow([[p]], [d]), [x]),
  tolerance: { abs: 1e-6 },
  hints: ['log P = −½ log 2π − ½ z² + log |dg⁻¹/dx|.', 'dg⁻¹/dx = (σ⁻¹)′(x)/φ with (σ⁻¹)′(x) = 1/(x(1 − x)).'],
});

n05.number({
  id: 'flow.cov.exact-grad-1d',
  title: 'The exact ∂ log P/∂φ of the scalar flow',
  source: '000 §2, L332–366, exact form of (2.3) (errata 000-E12/E13)',
  params: { x: x1, phi, delta },
  reference: ({ x, phi: p, delta: d }) => scalarFlowGradExact(x, p, d).phi,
  tolerance: { abs: 1e-6 },
  hints: ['Differentiate −½z² (z depends on φ: ∂z/∂φ = −z/φ) and log|J| = log (σ⁻¹)′(x) − log|φ|.'],
});

n05.number({
  id: 'flow.cov.source-23',
  title: 'What the source’s (2.3), evaluated literally with the true z, gives for ∂/∂φ',
  source: '000 §2, L332–366, (2.3) (erratum 000-E13)',
  params: { x: x1, phi, delta },
  reference: ({ x, phi: p, delta: d }) => scalarFlowGradSource23(x, p, d).phi,
  tolerance: { abs: 1e-6 },
  hints: ['(2.3) is J⁻¹ ∂J/∂φ − z·J with J = (σ⁻¹)′(x)/φ.', 'J⁻¹ ∂J/∂φ = −1/φ.'],
});

n05.byHand({
  id: 'flow.cov.logdet-2d',
  title: 'log|det ∇ₓg⁻¹(x)| for the 2-D affine-sigmoid flow (to 4 significant figures)',
  source: '000 §2, L367–429, exact form',
  reference: () => flowLogProbDetails(affineSigmoidFlow(O08.Phi, O08.delta), O08.x).logDet,
  sigFigs: 4,
  hints: ['∇ₓg⁻¹ = Φ⁻¹ diag((σ⁻¹)′(xᵢ)), so log|det| = Σᵢ log (σ⁻¹)′(xᵢ) − log|det Φ|.', 'det Φ = 2·1.5 − 0.5·(−0.3).'],
});

n05.matrix({
  id: 'flow.cov.grad-phi-2d',
  title: 'The exact ∂ log P/∂Φ (a 2×2 matrix) at the worked point',
  source: '000 §2, L367–429, exact form',
  reference: () => affineSigmoidGradExact(O08.x, O08.Phi, O08.delta).Phi,
  tolerance: { abs: 1e-6 },
  hints: ['∂ log P/∂Φ = Φ⁻ᵀ z zᵀ − Φ⁻ᵀ with z = Φ⁻¹(logit x − δ).', 'flows.affineSigmoidGradFD gives finite differences to compare with.'],
});

// -------------------------------------------------------------------------------------- nguyen-tutorial/06 (000 §2, L367–518)
n06.byHand({
  id: 'flow.ew.exact-grad-delta',
  title: 'The exact ∂ log P/∂δ of the scalar flow at x = 0.3, φ = 1, δ = 0 (by hand) (to 4 significant figures)',
  source: '000 §2, L367–429, exact form of (2.4) (erratum 000-E16)',
  params: { x: { default: 0.3, min: 1e-6, max: 1 - 1e-6 }, phi: { default: 1 }, delta: { default: 0 } },
  reference: ({ x, phi: p, delta: d }) => scalarFlowGradExact(x, p, d).delta,
  sigFigs: 4,
  hints: ['∂ log P/∂δ = z/φ.', 'With φ = 1 and δ = 0, z = logit(x).'],
});

n06.boolean({
  id: 'flow.ew.same-sign',
  title: 'At x = 0.3, φ = 1, δ = 0: does the source’s (2.4) ∂/∂φ have the same sign as the exact gradient?',
  source: '000 §2, L367–429, (2.4) (erratum 000-E16)',
  reference: () => Math.sign(scalarFlowGradSource24(0.3, 1, 0).phi) === Math.sign(scalarFlowGradExact(0.3, 1, 0).phi),
  hints: ['Evaluate both formulas; a⁻¹(0.3) is negative.'],
});

n06.number({
  id: 'flow.ew.fixed-point',
  title: 'The fixed point φ* of the source’s φ-update for the data x = (0.7, 0.3, 0.9, 0.5)',
  source: '000 §2, L367–429, epoch update L412–429',
  reference: () => sourceUpdateConstant([0.7, 0.3, 0.9, 0.5]).phiFixedPoint,
  tolerance: { abs: 1e-5 },
  hints: ['The update is φ ← φ − γ(1/φ)(1 + c/φ) with c = mean of a⁻¹(x)(a⁻¹)′(x); it stops moving when 1 + c/φ = 0.'],
});

n06.vector({
  id: 'flow.ew.mle',
  title: 'The maximum-likelihood (φ, δ) of the scalar flow for the seeded sample (closed form)',
  source: '000 §2, L367–445',
  params: { seed: { default: 12, integer: true, min: 0, description: 'seed of the sample' }, n: { default: 2000, integer: true, min: 2, max: 100000 } },
  reference: ({ seed, n }) => {
    const m = scalarFlowMle(scalarFlowData(n, 2, 0.5, rng(seed)));
    return [m.phi, m.delta];
  },
  tolerance: { abs: 1e-3, length: 2 },
  hints: ['logit(x) = φz + δ with z ~ N(0, 1) is Gaussian: estimate its mean and its (population) standard deviation.', 'Or run flows.trainScalarFlow with the exact gradient long enough.'],
});

n06.number({
  id: 'flow.finite.logdet-sum',
  title: 'log|det ∇g⁻¹| of the two-layer flow f₂ ∘ f₁ (f₁ = Φz + δ, f₂ = σ) at the worked point, as a sum over layers',
  source: '000 §2, L467 exact form (erratum 000-E19)',
  reference: () => finiteFlowLogDetForms(composeFlows([linearFlow(O08.Phi, O08.delta), sigmoidFlow(2)]).traceInverse(O08.x).logDets).exact,
  tolerance: { abs: 1e-8 },
  hints: ['Add log|det| of each inverse layer: −log|det Φ| for the linear layer and Σ log (σ⁻¹)′(xᵢ) for the sigmoid layer.'],
});

n06.number({
  id: 'flow.finite.literal-sum',
  title: 'The value of the source’s literal Σₖ|det ∇f_k⁻¹| (no log) for the same flow',
  source: '000 §2, L467 (erratum 000-E19)',
  reference: () => finiteFlowLogDetForms(composeFlows([linearFlow(O08.Phi, O08.delta), sigmoidFlow(2)]).traceInverse(O08.x).logDets).source,
  tolerance: { abs: 1e-6 },
  hints: ['|det| of the sigmoid layer is Πᵢ 1/(xᵢ(1 − xᵢ)); of the linear layer 1/|det Φ|.'],
});

n06.number({
  id: 'flow.finite.epoch-step',
  title: 'The δ-decrement of one epoch step (algorithm box) for x = (0.7, 0.3, 0.9, 0.5), φ = 2, γ = 0.1',
  source: '000 §2, L447–518, algorithm box L508–514 (erratum 000-E21)',
  reference: () => finiteFlowEpochDeltaStep([0.7, 0.3, 0.9, 0.5], 2, 0.1, 'algorithm-box'),
  tolerance: { abs: 1e-7 },
  hints: ['γ/(Nφ²) · Σᵥ a⁻¹(xᵥ)(a⁻¹)′(xᵥ); the terms for 0.7 and 0.3 cancel.'],
});

// ------------------------------------------------------------------------------------------ nguyen-tutorial/07 (000 §2, L520–554)
const o14 = couplingLayer([1, 0], (a) => [0.3 * a[0]], (a) => [a[0] + 1]);
n07.byHand({
  id: 'flow.nvp.forward-x2',
  title: 'x₂ of the coupling layer s(z₁) = 0.3 z₁, t(z₁) = z₁ + 1 at z = (0.5, −1) (by hand) (to 4 significant figures)',
  source: '000 §2, L520–554, (2.8)',
  reference: () => o14.forward([0.5, -1])[1],
  sigFigs: 4,
  hints: ['x₂ = z₂·exp(s(z₁)) + t(z₁).'],
});

n07.number({
  id: 'flow.nvp.logp',
  title: 'log P(x) for that x under the one-layer RealNVP (standard-normal base)',
  source: '000 §2, L520–554, (2.10) and the log-likelihood below it (erratum 000-E24)',
  reference: () => flowLogProb(o14, o14.forward([0.5, -1])),
  tolerance: { abs: 1e-6 },
  hints: ['log P = −(n/2) log 2π − ½‖z‖² + log|det ∇f⁻¹|, and log|det ∇f⁻¹| = −s(x₁).', 'Mind the sign of (n/2) log 2π.'],
});

n07.number({
  id: 'flow.nvp.vector-logdet',
  title: 'log|det ∇f⁻¹| when s(x₁) = (0.1, 0.2) (n = 4, half split)',
  source: '000 §2, L520–554, (2.10) (erratum 000-E23)',
  reference: () => couplingLayer([1, 1, 0, 0], () => [0.1, 0.2], () => [0, 0]).logDetInverse([0, 0, 0, 0]),
  tolerance: { abs: 1e-9 },
  hints: ['The Jacobian of the inverse is block-triangular; its diagonal holds exp(−sⱼ).'],
});

n07.choice({
  id: 'flow.nvp.fixed-mask',
  title: 'With the same mask [1, 0] in every layer, which coordinate of x always equals the same coordinate of z?',
  source: '000 §2, L520–554, (2.8) (erratum 000-E22)',
  reference: () => {
    const f = composeFlows([couplingLayer([1, 0], (a) => [a[0]], (a) => [1]), couplingLayer([1, 0], (a) => [-a[0]], (a) => [a[0]])]);
    return f.forward([0.3, 0.4])[0] === 0.3 ? 'first' : 'second';
  },
  options: [{ key: 'first', text: 'x₁ = z₁' }, { key: 'second', text: 'x₂ = z₂' }],
  hints: ['The coordinates with mask 1 are copied unchanged by every layer.'],
});

n07.number({
  id: 'flow.nvp.gaussian-baseline',
  title: 'The mean log-likelihood of the two-moons data under its maximum-likelihood Gaussian (the baseline a flow must beat)',
  source: '000 §2, L520–554 (an affine flow x = Au + b is a Gaussian)',
  params: { seed: { default: 1, integer: true, min: 0 }, n: { default: 1000, integer: true, min: 3, max: 100000 } },
  reference: ({ seed, n }) => gaussianBaselineLogLik(twoMoons(n, rng(seed))),
  tolerance: { abs: 1e-6 },
  hints: ['Fit the mean and the covariance (divide by N), then average core.mvnLogPdf over the points.'],
});

// ------------------------------------------------------------------------------------- dgm-exercises/05 (001 §5)
inv.boolean({
  id: 'flow.inv.relu-invertible',
  title: 'Is g(z) = 2·ReLU(3z + 1) invertible on ℝ?',
  source: '001 §5.1',
  reference: () => checkInvertibility1D(reluMap(2, 3, 1).g, [-3, 3]).invertible,
  hints: ['Where is 3z + 1 ≤ 0, and what does g do there?'],
});

inv.number({
  id: 'flow.inv.mixture-root',
  title: 'The z with g(z) = 0 for the sigmoid mixture w = (0.3, 0.7), a = (1, 3), b = (0, −2)',
  source: '001 §5.2 (inverse by bisection)',
  reference: () => bisectionInverse(sigmoidMixtureMap([0.3, 0.7], [1, 3], [0, -2]).g, 0),
  tolerance: { abs: 1e-6 },
  hints: ['g is strictly increasing, so bisection on a bracket [lo, hi] with g(lo) < 0 < g(hi) converges.', 'g(z) = 0 ⇔ Σ wᵢσ(aᵢz + bᵢ) = ½.'],
});

inv.number({
  id: 'flow.inv.residual-threshold',
  title: 'The smallest c for which g(z) = z + c·tanh(z) is invertible',
  source: '001 §5.3 (f′ > −1)',
  reference: () => {
    // bisection on c: invertible iff min f′ = c (at z = 0) ≥ −1; confirmed by the grid checker
    const ok = (c: number) => checkInvertibility1D(residualMap((z) => c * Math.tanh(z), (z) => c * (1 - Math.tanh(z) ** 2)).g, [-4, 4], 801).invertible;
    let lo = -3;
    let hi = 0;
    for (let i = 0; i < 40; i++) {
      const m = (lo + hi) / 2;
      if (ok(m)) hi = m;
      else lo = m;
    }
    return hi;
  },
  tolerance: { abs: 1e-3 },
  hints: ['f′(z) = c(1 − tanh²z); for c < 0 its minimum is at z = 0.'],
});

inv.byHand({
  id: 'flow.inv.radial-r',
  title: 'The radius r recovered from ρ = ‖y − z₀‖ = 2 for the radial flow with α = 1, β = 1 (by hand) (to 4 significant figures)',
  source: '001 §5.4 (i): r² + (α + β − ρ) r − αρ = 0',
  params: { alpha: { default: 1, min: 1e-9 }, beta: { default: 1 }, rho: { default: 2, min: 0 } },
  reference: ({ alpha, beta, rho }) => {
    const y = [rho, 0];
    const z = radialInverse({ z0: [0, 0], alpha, beta }, y);
    return Math.hypot(z[0], z[1]);
  },
  sigFigs: 4,
  hints: ['ρ = r(1 + β/(α + r)); multiply by α + r.', 'Take the non-negative root of the quadratic.'],
});

inv.vector({
  id: 'flow.inv.radial-inverse',
  title: 'z = g⁻¹(y) for the radial flow with z₀ = (1, 0), α = 0.5, β = 2 at y = (3, 2)',
  source: '001 §5.4 (ii)',
  reference: () => radialInverse({ z0: [1, 0], alpha: 0.5, beta: 2 }, [3, 2]),
  tolerance: { abs: 1e-6, length: 2 },
  hints: ['First find r from ρ = ‖y − z₀‖, then z = z₀ + (y − z₀)/(1 + β/(α + r)).'],
});

inv.byHand({
  id: 'flow.inv.radial-logdet',
  title: 'log|det ∂g/∂z| of the radial flow (D = 2, α = 1, β = 1) at a point with r = 1 (by hand) (to 4 significant figures)',
  source: '001 §5.4; R&M 2015 App. A.2',
  reference: () => radialLogDet({ z0: [0, 0], alpha: 1, beta: 1 }, [1, 0]),
  sigFigs: 4,
  hints: ['(D − 1) log(1 + βh) + log(1 + αβh²) with h = 1/(α + r).'],
});

inv.number({
  id: 'flow.inv.beta-threshold',
  title: 'The smallest β for which the radial flow with α = 0.5 is invertible',
  source: '001 §5.4 (i) and erratum 001-E51',
  params: { alpha: { default: 0.5, min: 1e-9 } },
  reference: ({ alpha }) => {
    let lo = -10 * alpha;
    let hi = 0;
    for (let i = 0; i < 60; i++) {
      const m = (lo + hi) / 2;
      if (radialInvertibility(alpha, m).strictlyIncreasing) hi = m;
      else lo = m;
    }
    return hi;
  },
  tolerance: { abs: 1e-6 },
  hints: ['The derivative of r ↦ r(1 + β/(α + r)) is 1 + αβ/(α + r)²; where is it smallest?'],
});

inv.number({
  id: 'flow.inv.counter-radius',
  title: 'For α = 1, β = −3, the radius r > 0 whose whole sphere is mapped onto z₀',
  source: '001 §5.4, counter-example for β < −α',
  reference: () => radialInvertibility(1, -3).counterExample!.r2,
  tolerance: { abs: 1e-9 },
  hints: ['g(z) = z₀ when the factor 1 + β/(α + r) vanishes.'],
});

// ------------------------------------------------------------------------------------------- sta4124/13 (002 §9)
sta.byHand({
  id: 'flow.sta.affine-density',
  title: 'p_X(1) for x = 2u + 1, u ~ N(0, 1) (by hand) (to 4 significant figures)',
  source: '002 §9.1, (9.1.2)',
  reference: () => flowDensity(affineFlow([2], [1]), [1]),
  sigFigs: 4,
  hints: ['u = f⁻¹(1) = 0 and |det J_{f⁻¹}| = 1/2.'],
});

sta.number({
  id: 'flow.sta.exp-density',
  title: 'p_X(e) for x = exp(u), u ~ N(0, 1)',
  source: '002 §9.1, (9.1.2) (erratum 002-E40)',
  reference: () => flowDensity(expFlow(), [Math.E]),
  tolerance: { abs: 1e-6 },
  hints: ['u = log x; the Jacobian of f⁻¹ = log at x is 1/x.'],
});

sta.boolean({
  id: 'flow.sta.logdet-check',
  title: 'Does the composed flow radial ∘ affine pass the FD Jacobian check (|log det − log|det J_FD|| < 1e-6) at z = (0.3, −0.5)?',
  source: '002 §9 (extension beyond the notes: a finite-difference Jacobian check of a composed flow)',
  reference: () => checkJacobian(composeFlows([affineFlow([1.5, 0.5], [0, 1]), radialFlow({ z0: [0, 0], alpha: 1, beta: 0.8 })]), [0.3, -0.5]).absError < 1e-6,
  hints: ['Column j of the Jacobian is (g(z + h e_j) − g(z − h e_j))/(2h); compare log|det J| with flow.logDetForward(z).'],
});

sta.vector({
  id: 'flow.sta.affine-mle',
  title: 'Gradient ascent for x = au + b on the seeded N(3, 2²) sample: the limit (b, |a|)',
  source: '002 §9 (extension beyond the notes: maximum likelihood for an affine flow)',
  params: { seed: { default: 13, integer: true, min: 0 }, n: { default: 1000, integer: true, min: 2, max: 100000 } },
  reference: ({ seed, n }) => {
    const xs = Array.from(rng(seed).normals(n, 3, 2));
    const fit = fitAffineFlow(xs, { a0: 1, b0: 0, gamma: 0.3, steps: 3000 });
    return [fit.b[fit.b.length - 1], Math.abs(fit.a[fit.a.length - 1])];
  },
  tolerance: { abs: 1e-4, length: 2 },
  hints: ['At the optimum ∂/∂b = 0 and ∂/∂a = 0: solve them in closed form (sample mean, population standard deviation).'],
});

sta.number({
  id: 'flow.sta.grid-integral',
  title: 'The grid-quadrature integral of the density of the radial flow z₀ = (0.3, 0), α = 0.5, β = 1 over [−7, 7]²',
  source: '002 §9, (9.1.2) (extension: the flow density integrates to 1)',
  reference: () => densityGrid2D((p) => flowLogProb(radialFlow({ z0: [0.3, 0], alpha: 0.5, beta: 1 }), p), [-7, 7], [-7, 7], 120).integral,
  tolerance: { abs: 1e-2 },
  hints: ['A density integrates to 1; a grid sum Σ p·Δx·Δy approximates the integral.'],
});

/** Re-exported for tests: the O-14 coupling layer. */
export const O14_LAYER = o14;
