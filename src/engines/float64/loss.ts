import { InputError } from '../../errors.js';
import { unitRoundoff } from '../../numerics/roundoff.js';
import type { MarginLossName } from '../../problem/types.js';

/**
 * The margin losses of docs/theory.md §1 in float64, written so that no intermediate overflows:
 * exponential `ℓ(u) = e^{−u}` (H25) and logistic `ℓ(u) = log(1 + e^{−u})` (KCG23, FVBSH23, FCB22).
 */

/** Below this `t = e^{−q}`, `log(log1p(t)/t) = −t/2 + O(t²)` is under half an ulp of 1, so it is taken as 0. */
const LOG1P_RATIO_NEGLIGIBLE = unitRoundoff;

/**
 * `ℓ(q)`, the loss of one margin.
 *
 * @returns exponential: `e^{−q}`, which is `+Infinity` for `q < −709.78` and `0` for `q > 745.13`
 *   (the float64 range); logistic: `log(1 + e^{−q})`, finite for every finite `q` (about `−q` for
 *   very negative `q`), `0` only when it underflows (`q > 745.13`).
 */
export function lossAt(loss: MarginLossName, q: number): number {
  if (loss === 'exp') return Math.exp(-q);
  return q >= 0 ? Math.log1p(Math.exp(-q)) : -q + Math.log1p(Math.exp(q));
}

/**
 * `ℓ'(q)`, the derivative of the loss at the margin `q`; always ≤ 0.
 *
 * @returns exponential: `−e^{−q}`, `−Infinity` for `q < −709.78` (callers must refuse it);
 *   logistic: `−1/(1 + e^{q})` in `[−1, 0]`, computed on the branch where the exponential cannot
 *   overflow (`−e^{−q}/(1 + e^{−q})` for `q ≥ 0`), so it is finite for every finite `q`.
 */
export function lossDerivativeAt(loss: MarginLossName, q: number): number {
  if (loss === 'exp') return -Math.exp(-q);
  if (q >= 0) {
    const t = Math.exp(-q);
    return -t / (1 + t);
  }
  return -1 / (1 + Math.exp(q));
}

/**
 * `log ℓ(q)`, finite for every finite `q` even where `ℓ(q)` itself under- or overflows.
 *
 * @returns exponential: exactly `−q`; logistic: for `q > 0`, `−q + log(log1p(t)/t)` with `t = e^{−q}`
 *   (which tends to `−q` as `t` underflows); for `q ≤ 0`, `log(−q + log1p(e^{q}))`.
 */
export function logLossAt(loss: MarginLossName, q: number): number {
  if (loss === 'exp') return -q;
  if (q > 0) {
    const t = Math.exp(-q);
    return t < LOG1P_RATIO_NEGLIGIBLE ? -q : -q + Math.log(Math.log1p(t) / t);
  }
  return Math.log(-q + Math.log1p(Math.exp(q)));
}

/**
 * `log L = log((1/n) Σ_i ℓ(q_i))` (docs/theory.md §1), by a one-pass log-sum-exp over `log ℓ(q_i)`: finite
 * whenever the margins are, also when `L` underflows (all `q_i ≫ 745`) or overflows (some
 * `q_i ≪ −709` with the exponential loss).
 *
 * @param q - the margins, all finite (a non-finite margin gives a non-finite result)
 * @returns `log L`, in nats
 * @throws InputError (field `q`) when there are no margins
 */
export function logMeanLoss(loss: MarginLossName, q: Float64Array): number {
  const n = q.length;
  if (n === 0) throw new InputError('q', 'the mean loss needs at least one margin');
  let top = -Infinity; // running max of log ℓ(q_i)
  let scaled = 0; // Σ_i e^{log ℓ(q_i) − top} over the terms seen so far
  for (let i = 0; i < n; i++) {
    const l = logLossAt(loss, q[i]);
    if (l > top) {
      scaled = scaled * Math.exp(top - l) + 1;
      top = l;
    } else {
      scaled += Math.exp(l - top);
    }
  }
  return top + Math.log(scaled) - Math.log(n);
}

/**
 * `L = (1/n) Σ_i ℓ(q_i)`, the empirical risk of docs/theory.md §1.
 *
 * @param q - the margins, all finite
 * @throws InputError (field `q`) when there are no margins
 * @returns the mean loss; `0` when every term underflows, `+Infinity` only when `L` itself exceeds the
 *   float64 range (the exponential loss at a margin below about `−709 + log n`)
 */
export function meanLoss(loss: MarginLossName, q: Float64Array): number {
  const n = q.length;
  if (n === 0) throw new InputError('q', 'the mean loss needs at least one margin');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += lossAt(loss, q[i]);
  const mean = sum / n;
  // The sum may overflow although the mean does not: recompute from the log-domain value.
  return Number.isFinite(mean) ? mean : Math.exp(logMeanLoss(loss, q));
}

/**
 * The square loss `L = (1/n) Σ_i ½(f_i − y_i)²` on real targets (docs/theory.md §1, §11), summed over
 * the residuals scaled by their largest magnitude so that no square overflows or underflows first.
 *
 * @param f - the outputs `f(x_i)`, all finite
 * @param y - the targets, same length
 * @returns `{ loss, logLoss }`: `logLoss = log L` is `−Infinity` exactly when every residual is 0
 * @throws InputError (field `f`) when there are no outputs or the lengths differ
 */
export function squareLoss(f: Float64Array, y: Float64Array): { loss: number; logLoss: number } {
  const n = f.length;
  if (n === 0 || y.length !== n) throw new InputError('f', `expected ${y.length} outputs (one per target, at least one), got ${n}`);
  let top = 0;
  for (let i = 0; i < n; i++) top = Math.max(top, Math.abs(f[i] - y[i]));
  if (top === 0) return { loss: 0, logLoss: -Infinity };
  let scaled = 0;
  for (let i = 0; i < n; i++) {
    const r = (f[i] - y[i]) / top;
    scaled += r * r;
  }
  const logLoss = 2 * Math.log(top) + Math.log(scaled) - Math.log(2 * n);
  return { loss: Math.exp(logLoss), logLoss };
}
