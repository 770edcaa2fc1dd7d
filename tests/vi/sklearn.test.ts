import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as vi from '../../src/vi';
import { rng } from '../../src/core/rng';

/** Run a Python snippet with /usr/bin/python3 (scikit-learn, Debian python3-sklearn), JSON in on stdin, JSON out on stdout. */
function python(code: string, input: unknown): any {
  const r = spawnSync('/usr/bin/python3', ['-c', code], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function threeClusters(seed: number, n: number): number[][] {
  const g = rng(seed);
  const c = [[0, 0], [4, 0.5], [1, 4]];
  return Array.from({ length: n }, (_, i) => {
    const k = i % 3;
    return [c[k][0] + g.normal() * (k === 1 ? 0.5 : 1), c[k][1] + g.normal() * 0.7 + (k === 2 ? 0.4 * g.normal() : 0)];
  });
}

const GMM_PY = `
import sys, json, warnings, numpy as np
from sklearn.mixture import GaussianMixture
warnings.filterwarnings('ignore')
d = json.load(sys.stdin)
out = []
for T in d['iters']:
    g = GaussianMixture(n_components=len(d['weights']), covariance_type='full', tol=0, reg_covar=0, max_iter=T,
        weights_init=np.array(d['weights']), means_init=np.array(d['means']), precisions_init=np.array(d['precisions']))
    g.fit(np.array(d['X']))
    out.append({'lower_bound': g.lower_bound_, 'weights': g.weights_.tolist(), 'means': g.means_.tolist()})
print(json.dumps(out))
`;

const BGMM_PY = `
import sys, json, warnings, numpy as np
from sklearn.mixture import BayesianGaussianMixture
warnings.filterwarnings('ignore')
d = json.load(sys.stdin)
R0 = np.array(d['r0'])
class Fixed(BayesianGaussianMixture):
    def _initialize_parameters(self, X, random_state):
        self._initialize(X, R0.copy())
out = []
for T in d['iters']:
    b = Fixed(n_components=R0.shape[1], covariance_type='full', tol=0, reg_covar=0, max_iter=T,
        weight_concentration_prior_type='dirichlet_distribution', weight_concentration_prior=d['alpha0'],
        mean_precision_prior=d['beta0'], mean_prior=np.array(d['m0']), degrees_of_freedom_prior=d['nu0'],
        covariance_prior=np.linalg.inv(np.array(d['W0'])))
    b.fit(np.array(d['X']))
    out.append({'lower_bound': b.lower_bound_, 'weights': b.weights_.tolist(), 'means': b.means_.tolist(), 'dof': b.degrees_of_freedom_.tolist()})
print(json.dumps(out))
`;

describe('vi — agreement with scikit-learn (reference implementation, /usr/bin/python3, same data and initialisation)', function () {
  this.timeout(60000);

  it('gmmEM vs sklearn GaussianMixture (weights_init, means_init, precisions_init; reg_covar 0): mean log-likelihood to 1e-9, weights and means to 1e-8', () => {
    const X = threeClusters(11, 150);
    const init: vi.GmmParams = {
      weights: [0.3, 0.3, 0.4],
      means: [[0.5, 0.5], [3, 0], [0, 3]],
      covariances: [[[1, 0.2], [0.2, 1]], [[1, 0], [0, 1]], [[2, 0], [0, 1]]],
    };
    const iters = [1, 5, 20];
    const sk = python(GMM_PY, { X, weights: init.weights, means: init.means, precisions: vi.gmmPrecisions(init), iters });
    const ours = vi.gmmEM(X, init, { maxIter: 20, tol: 0 });
    iters.forEach((T, i) => {
      // sklearn's lower_bound_ after T iterations is the mean log-likelihood at θ_{T−1} (computed in its T-th E-step)
      assert.ok(Math.abs(ours.logLikTrace[T - 1] / X.length - sk[i].lower_bound) < 1e-9, `T=${T}: ${ours.logLikTrace[T - 1] / X.length} vs ${sk[i].lower_bound}`);
      ours.thetas[T].weights.forEach((w, k) => assert.ok(Math.abs(w - sk[i].weights[k]) < 1e-8, `weight ${k} at T=${T}`));
      ours.thetas[T].means.forEach((m, k) => m.forEach((v, d) => assert.ok(Math.abs(v - sk[i].means[k][d]) < 1e-8, `mean ${k},${d} at T=${T}`)));
    });
  });

  it('bgmmVI vs sklearn BayesianGaussianMixture (Dirichlet prior, same r⁰): weights, means and ν to 1e-8; our ELBO − sklearn lower_bound_ is a constant (sklearn drops constants)', () => {
    const X = threeClusters(5, 120);
    const K = 5;
    const g = rng(9);
    const r0 = X.map(() => Array.from(g.dirichlet(new Array(K).fill(1))));
    const prior: vi.BgmmPrior = { alpha0: 0.05, beta0: 1, m0: [1, 1], W0: [[0.5, 0.1], [0.1, 0.4]], nu0: 3 };
    const iters = [1, 3, 10, 40];
    const sk = python(BGMM_PY, { X, r0, iters, ...prior });
    const diffs: number[] = [];
    iters.forEach((T, i) => {
      const ours = vi.bgmmVI(X, K, prior, { r0, maxIter: T, tol: 0 });
      ours.weights.forEach((w, k) => assert.ok(Math.abs(w - sk[i].weights[k]) < 1e-8, `weight ${k} at T=${T}: ${w} vs ${sk[i].weights[k]}`));
      ours.m.forEach((m, k) => m.forEach((v, d) => assert.ok(Math.abs(v - sk[i].means[k][d]) < 1e-7, `mean ${k},${d} at T=${T}`)));
      ours.nu.forEach((v, k) => assert.ok(Math.abs(v - sk[i].dof[k]) < 1e-8, `nu ${k} at T=${T}`));
      diffs.push(ours.elboTrace[T - 1] - sk[i].lower_bound);
    });
    diffs.forEach((d) => assert.ok(Math.abs(d - diffs[0]) < 1e-7, `ELBO offset not constant: ${diffs}`));
  });
});
