/**
 * Binary64 rounding constants shared by every float64 error model (the decimal engine keeps its own
 * arithmetic and does not use them).
 */

/** Unit roundoff of binary64 with round-to-nearest: half the spacing of doubles in [1, 2). */
export const unitRoundoff = 2 ** -53;

/**
 * Higham's `γ_k = k·u / (1 − k·u)`: the relative error bound of `k` chained roundings, e.g. of a
 * `k`-term sum relative to the sum of the absolute values of its terms (Higham 2002, §3.1).
 * Meaningful for `k·u < 1`.
 */
export function gammaK(k: number): number {
  return (k * unitRoundoff) / (1 - k * unitRoundoff);
}
