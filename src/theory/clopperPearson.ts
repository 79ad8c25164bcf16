import { InputError } from '../errors.js';
import { regularizedIncompleteBeta } from './incompleteBeta.js';

/**
 * Bisection on a Beta quantile stops when the bracket is narrower than this fraction of its upper
 * end: the tails are evaluated to relative ≈ (a + b)·1e-16 and the quantile is at least as well
 * conditioned (d log P / d log p ≥ 1 in the tails), so a 1e-12 bracket is below that noise for
 * n ≤ 10⁴ samples and within a factor 100 of it for n ≤ 10⁶.
 */
export const BETA_QUANTILE_REL_TOL = 1e-12;
/** Bisection steps allowed: reaching 1e-300 and then 1e-12 relative takes < 1100 halvings. */
const BISECTION_MAX_STEPS = 1100;

/** An exact (Clopper–Pearson) binomial confidence interval. */
export interface ConfidenceInterval {
  /** Lower end (0 when k = 0). */
  readonly lower: number;
  /** Upper end (1 when k = n). */
  readonly upper: number;
  /** The nominal coverage 1 − α. */
  readonly confidence: number;
}

/** The p ∈ (0, 1) where the monotone `tail(p)` crosses `target`, by bisection. */
function bisect(tail: (p: number) => number, target: number, increasing: boolean): number {
  let lo = 0;
  let hi = 1;
  for (let step = 0; step < BISECTION_MAX_STEPS && hi - lo > BETA_QUANTILE_REL_TOL * hi; step++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    const below = increasing ? tail(mid) < target : tail(mid) > target;
    if (below) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * The Clopper–Pearson interval for a binomial proportion from k successes in n trials at confidence
 * 1 − α: lower = Beta(k, n − k + 1) quantile α/2, upper = Beta(k + 1, n − k) quantile 1 − α/2, found
 * by bisection on the regularised incomplete beta function (each tail computed directly, never as
 * 1 − the other). The edges are in closed form: k = 0 gives [0, 1 − (α/2)^{1/n}], k = n gives
 * [(α/2)^{1/n}, 1]. Coverage is at least 1 − α for every true p (the interval is exact, not asymptotic).
 *
 * @param k - successes, an integer in [0, n]
 * @param n - trials, a positive integer
 * @param alpha - 1 − confidence, in (0, 1)
 * @throws InputError for a bad k, n or α
 */
export function clopperPearson(k: number, n: number, alpha: number): ConfidenceInterval {
  if (!Number.isInteger(n) || n < 1) throw new InputError('n', `expected a positive integer, got ${String(n)}`);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new InputError('k', `expected an integer in [0, ${n}], got ${String(k)}`);
  if (!(alpha > 0 && alpha < 1)) throw new InputError('alpha', `expected a number in (0, 1), got ${String(alpha)}`);
  const half = alpha / 2;
  const edge = Math.log(half) / n; // log of (α/2)^{1/n}
  const lower =
    k === 0 ? 0 : k === n ? Math.exp(edge) : bisect((p) => regularizedIncompleteBeta(p, k, n - k + 1).lower, half, true);
  const upper =
    k === n ? 1 : k === 0 ? -Math.expm1(edge) : bisect((p) => regularizedIncompleteBeta(p, k + 1, n - k).upper, half, false);
  return { lower, upper, confidence: 1 - alpha };
}
