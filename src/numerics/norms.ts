/**
 * Overflow- and underflow-safe vector norms on float64 arrays, over a whole array or a contiguous
 * slice of it (a row of a row-major matrix).
 */

/**
 * A sum of squares above 2^-968 carries full precision: squares that fell into the subnormals err by
 * at most 2^-1075 each, under 2^-53 relative in total for up to 2^54 entries.
 */
const SQUARES_TINY = 2 ** -968;

/** The largest `|v[k]|` for `k` in `[off, off + len)`: 0 for an empty or all-zero slice, NaN if an entry is NaN. */
export function maxAbs(v: ArrayLike<number>, off = 0, len = v.length - off): number {
  let big = 0;
  for (let k = off; k < off + len; k++) big = Math.max(big, Math.abs(v[k]));
  return big;
}

/**
 * `‖v[off .. off+len)‖₂` without spurious overflow or underflow: the plain sum of squares, redone on
 * `v / max|v|` (as LAPACK's dnrm2 scales) when that sum is not finite or too small to carry full
 * precision, so norms from about 1e-300 to 1e300 come out to a few ulps times `len`. Exact 0 for a
 * zero slice; `Infinity` or NaN when an entry is.
 */
export function euclideanNorm(v: ArrayLike<number>, off = 0, len = v.length - off): number {
  const end = off + len;
  let sum = 0;
  for (let k = off; k < end; k++) sum += v[k] * v[k];
  if (Number.isFinite(sum) && sum > SQUARES_TINY) return Math.sqrt(sum);
  const big = maxAbs(v, off, len);
  if (big === 0 || !Number.isFinite(big)) return big;
  let scaled = 0;
  for (let k = off; k < end; k++) {
    const r = v[k] / big;
    scaled += r * r;
  }
  return big * Math.sqrt(scaled);
}
