/**
 * Log-space helpers for losses of margins (docs/theory.md §1 numerics): every function here stays finite
 * where the plain formula would underflow to 0 or overflow to ∞.
 */

/** log Σ_i exp(v_i), shifted by the maximum so nothing overflows; −∞ for an empty list. */
export function logSumExp(v: ArrayLike<number>): number {
  let big = -Infinity;
  for (let i = 0; i < v.length; i++) big = Math.max(big, v[i]);
  if (big === -Infinity || big === Infinity) return big;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.exp(v[i] - big);
  return big + Math.log(s);
}

/** Below this u, e^u < 2e-9 and log(log1p(e^u)) = u − e^u/2 + O(e^{2u}) is exact to rounding. */
const softplusSeriesBelow = -20;

/**
 * log(log(1 + e^u)): the log of the logistic loss at margin −u. For u ≪ 0 (large margins) the
 * loss underflows but this stays exact: log log1p(t) = log t + log1p(−t/2 + t²/3 − …) with t = e^u.
 */
export function logSoftplus(u: number): number {
  if (u < softplusSeriesBelow) return u - 0.5 * Math.exp(u);
  // u > 0: log(1 + e^u) = u + log1p(e^{−u}) never overflows.
  const sp = u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
  return Math.log(sp);
}

/** Below this, L < 2e-9 and log(e^L − 1) = log L + L/2 + O(L²) is exact to rounding. */
const expm1SeriesBelow = -20;
/** Above e^6.5 ≈ 665, e^{−L} < 1e-288 and log(e^L − 1) = L to rounding. */
const expm1LinearAbove = 6.5;

/** log(e^L − 1) for L = exp(logL) > 0, finite whenever L is representable or underflows. */
export function logExpm1OfExp(logL: number): number {
  if (logL < expm1SeriesBelow) return logL + 0.5 * Math.exp(logL);
  const L = Math.exp(logL);
  if (logL > expm1LinearAbove) return L;
  return Math.log(Math.expm1(L));
}
