/**
 * Errata of source 001 §4 (Steps 4, L237–300), listed by the inventory (001-dgm-exercises.md, Section 4) without numbers;
 * numbered here 001-E41…E44 ("section 4, item n"), like 001-E61… of §6. The Steps reach the right results; these are
 * slips in intermediate lines. Each demonstration uses the toy setting of 000 O-28 / 002 D13 (q = prior, x = 1).
 */
import { registerErratum } from '../errata';
import { rng } from '../core/rng';
import { lgIwae1d, lgIwaeSpec, toySetting } from './linearGaussian';
import { sourceFormMassWithN, sourceFormMassWithPosterior, sourceFormStep41Sum, sourceFormStep41Unnormalised, step41Weighted } from './sourceForms';
import { Iwae1d } from './exact1d';

const NB = 'dgm-exercises/04-iwae-bound.ipynb';
const r = (x: number, d = 5) => Number(x.toFixed(d));
let cached: Iwae1d | undefined;
const toy = (): Iwae1d => {
  if (!cached) {
    const t = toySetting();
    cached = lgIwae1d(t.model, t.x, t.q, { nz: 2000, nu: 2000 });
  }
  return cached;
};
const toySpec = () => {
  const t = toySetting();
  return lgIwaeSpec(t.model, t.x, t.q);
};

registerErratum({
  id: '001-E41',
  source: '001',
  location: '§4, Steps 4.1 (lines 4–5)',
  sourceForm: String.raw`\tilde q = p(x,z_1) \big/ \tfrac{1}{N}\sum_{j=1}^{K}\dots` + ' (1/N, N undefined)',
  exactForm: String.raw`\tilde q = p(x,z) \big/ \tfrac{1}{K}\big(w(z) + \sum_{j\ge2} w_j\big)` + ' (1/K, as in the definition)',
  summary: 'the normaliser alternates between 1/N and 1/K; with N ≠ K the refined density would integrate to N/K',
  severity: 'minor',
  notebook: NB,
  demonstrate: () => ({ source: r(sourceFormMassWithN(toy(), 5, 10)), exact: r(toy().implicitMass(5)), note: '∫ q_K dz for K = 5, reading 1/N with N = 10' }),
});

registerErratum({
  id: '001-E42',
  source: '001',
  location: '§4, Steps 4.1 (lines 4–6)',
  sourceForm: String.raw`\sum_{j=1}^{K} p(x,z_1)/q(z_2|x)`,
  exactForm: String.raw`\sum_{j=1}^{K} p(x,z_j)/q(z_j|x) = \sum_j w_j`,
  summary: 'the j-th weight is written with z_1 in the numerator and z_2 in the denominator; read literally the sum is K copies of one term and its expected log is the ELBO L_1, not L_K',
  severity: 'minor',
  notebook: NB,
  demonstrate: () => {
    const s = sourceFormStep41Sum(toySpec(), 5, 20000, rng(41));
    return { source: r(s.value, 3), exact: r(toy().bound(5)), note: 'K = 5: E[literal log-sum] (MC, 20 000 draws, SE ≈ 0.01) vs L_5 (quadrature)' };
  },
});

registerErratum({
  id: '001-E43',
  source: '001',
  location: '§4, Steps 4.2(a) (line 4) and 4.2(b) (line 5)',
  sourceForm: String.raw`\frac{p(x,z_1)}{p(z_1|x)}` + ' in the first weight (and p(z_j|x) in 4.2(b))',
  exactForm: String.raw`\frac{p(x,z_1)}{q(z_1|x)}` + ' (the proposal q, not the posterior)',
  summary: 'the posterior p(z|x) appears where the proposal q(z|x) belongs; read literally the "density" q_K does not integrate to 1',
  severity: 'minor',
  notebook: NB,
  demonstrate: () => ({ source: r(sourceFormMassWithPosterior(toy(), 2)), exact: r(toy().implicitMass(2)), note: '∫ q_K dz for K = 2 (quadrature)' }),
});

registerErratum({
  id: '001-E44',
  source: '001',
  location: '§4, Steps 4.1 (line 6, last lines) and 4.2(b) (last lines)',
  sourceForm: String.raw`\mathbb{E}\big[\textstyle\sum_j w_j\big]\log\big(\tfrac1K\sum_j w_j\big)` + ' (the ratio w_1/Σ_j w_j and the log misplaced; 4.1 ends with a dangling "= E")',
  exactForm: String.raw`K\,\mathbb{E}\Big[\frac{w_1}{\sum_j w_j}\log\Big(\frac1K\sum_j w_j\Big)\Big] = \mathbb{E}\Big[\log\frac1K\sum_j w_j\Big] = \mathcal{L}_K`,
  summary: 'the chain of equalities loses the normalisation of the weights and the position of the log in places',
  severity: 'minor',
  notebook: NB,
  demonstrate: () => {
    const g = rng(44);
    const src = sourceFormStep41Unnormalised(toySpec(), 5, 20000, g);
    const ex = step41Weighted(toySpec(), 5, 20000, g);
    return { source: r(src.value, 3), exact: r(ex.value, 3), LK: r(toy().bound(5)), note: 'K = 5, MC with 20 000 draws each (SE ≈ 0.01)' };
  },
});
