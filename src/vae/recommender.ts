/**
 * The VAE recommender of source 004, Example 68.2 (L615–619): the rows of a user–item matrix R (unobserved entries
 * set to 0) are the feature vectors h_u; a VAE is trained on them and ĥ_u predicts the missing entries.
 * Erratum 004-E22: trained as written, the zeros of unobserved items are reconstruction targets, which pulls every
 * prediction toward 0 (for an item seen by a fraction p of users with mean rating r̄, the best constant prediction
 * under the zero-filled loss is p·r̄, not r̄). The fix used here: the reconstruction term over observed entries only
 * (listing option `mask`). Liang et al. (2018) instead use a multinomial likelihood with input dropout.
 */
import { Rng } from '../core/rng';
import { assertInteger, assertProbability, describe } from '../core/validate';

/** A synthetic low-rank rating problem. */
export interface RatingsProblem {
  /** U × I matrix of training ratings in (0, 1), 0 where not observed (the R of Example 68.2) */
  R: number[][];
  /** U × I 0/1 mask of the training entries */
  mask: number[][];
  /** U × I true ratings (every entry) */
  truth: number[][];
  /** observed entries held out of R for testing */
  heldOut: { user: number; item: number; rating: number }[];
}

/**
 * U users × I items with true ratings r_ui = σ(a_uᵀ b_i) (a_u, b_i ~ N(0, scale²I_rank)); each entry is observed with
 * probability `observed`, and a fraction `heldOut` of the observed entries is moved to the test set.
 */
export function syntheticRatings(U: number, I: number, rank: number, observed: number, heldOut: number, rng: Rng, scale = 1.5): RatingsProblem {
  const fn = 'syntheticRatings';
  assertInteger(fn, 'U', U, 1, 1e5);
  assertInteger(fn, 'I', I, 1, 1e5);
  assertInteger(fn, 'rank', rank, 1, 1e3);
  assertProbability(fn, 'observed', observed);
  assertProbability(fn, 'heldOut', heldOut);
  if (!rng || typeof (rng as Partial<Rng>).normal !== 'function') throw new TypeError(`${fn}: argument rng must come from core.rng(seed) (got ${describe(rng)})`);
  const A = Array.from({ length: U }, () => Array.from(rng.normals(rank, 0, scale / Math.sqrt(rank))));
  const Bm = Array.from({ length: I }, () => Array.from(rng.normals(rank, 0, scale / Math.sqrt(rank))));
  const truth = A.map((a) => Bm.map((b) => 1 / (1 + Math.exp(-a.reduce((s, v, k) => s + v * b[k], 0)))));
  const R = truth.map((r) => r.map(() => 0));
  const mask = truth.map((r) => r.map(() => 0));
  const test: RatingsProblem['heldOut'] = [];
  truth.forEach((row, u) => row.forEach((r, i) => {
    if (rng.uniform() >= observed) return;
    if (rng.uniform() < heldOut) test.push({ user: u, item: i, rating: r });
    else {
      R[u][i] = r;
      mask[u][i] = 1;
    }
  }));
  return { R, mask, truth, heldOut: test };
}

/**
 * Erratum 004-E22 in closed form: the constant c minimising E[(x − c)²] when x = r̄ with probability p (observed) and
 * x = 0 otherwise (zero-filled) is p·r̄; over observed entries only it is r̄.
 */
export function zeroFilledOptimum(p: number, mean: number): { zeroFilled: number; observedOnly: number } {
  assertProbability('zeroFilledOptimum', 'p', p);
  if (typeof mean !== 'number' || !Number.isFinite(mean)) throw new TypeError(`zeroFilledOptimum: argument mean must be a finite number (got ${describe(mean)})`);
  return { zeroFilled: p * mean, observedOnly: mean };
}

/** Root-mean-square error of predictions (U × I) on the held-out entries. */
export function heldOutRmse(pred: number[][], heldOut: RatingsProblem['heldOut']): number {
  if (!Array.isArray(pred) || pred.length === 0) throw new TypeError(`heldOutRmse: argument pred must be a U × I matrix (got ${describe(pred)})`);
  if (!Array.isArray(heldOut) || heldOut.length === 0) throw new RangeError(`heldOutRmse: argument heldOut must list at least one entry (got ${describe(heldOut)})`);
  let s = 0;
  for (const e of heldOut) {
    const v = pred[e.user]?.[e.item];
    if (typeof v !== 'number') throw new RangeError(`heldOutRmse: argument pred has no entry (${e.user}, ${e.item})`);
    s += (v - e.rating) ** 2;
  }
  return Math.sqrt(s / heldOut.length);
}

/** The item-mean baseline: every user gets the mean observed training rating of the item (0.5 if nobody rated it). */
export function itemMeanPrediction(R: number[][], mask: number[][]): number[][] {
  if (!Array.isArray(R) || R.length === 0 || !Array.isArray(mask) || mask.length !== R.length) throw new RangeError(`itemMeanPrediction: arguments R and mask must be matrices of the same size (got ${describe(R)}, ${describe(mask)})`);
  const I = R[0].length;
  const means = Array.from({ length: I }, (_, i) => {
    let s = 0;
    let n = 0;
    R.forEach((r, u) => {
      if (mask[u][i]) {
        s += r[i];
        n++;
      }
    });
    return n > 0 ? s / n : 0.5;
  });
  return R.map(() => means.slice());
}
