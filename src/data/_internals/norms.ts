/**
 * Euclidean norm of row `i` of an n×d row-major matrix, scaled by the row's largest magnitude first
 * (as LAPACK's dnrm2), so rows of norm 1e±200 neither overflow nor underflow when squared.
 * Relative error a few ulps times d; exact 0 for a zero row.
 */
export function rowNorm(X: Float64Array, i: number, d: number): number {
  let big = 0;
  for (let k = 0; k < d; k++) big = Math.max(big, Math.abs(X[i * d + k]));
  if (big === 0 || !Number.isFinite(big)) return big;
  let s = 0;
  for (let k = 0; k < d; k++) {
    const t = X[i * d + k] / big;
    s += t * t;
  }
  return big * Math.sqrt(s);
}

/** The largest |entry| of `X` (0 for an all-zero matrix). */
export function maxAbs(X: ArrayLike<number>): number {
  let big = 0;
  for (let i = 0; i < X.length; i++) big = Math.max(big, Math.abs(X[i]));
  return big;
}
