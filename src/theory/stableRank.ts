import { InputError } from '../errors.js';
import { euclideanNorm } from '../numerics/norms.js';
import { gramOfColumns, gramOfRows } from './_internals/linalg.js';
import { checkCount, checkFiniteArray } from './_internals/validate.js';

/**
 * Relative residual at which power iteration stops: ‖Bv − ρv‖ ≤ tol·ρ for the unit iterate v and its
 * Rayleigh quotient ρ on B = WᵀW or WWᵀ. Error model: for symmetric B some eigenvalue lies within
 * ‖Bv − ρv‖ of ρ, and on the way to the top eigenvalue λ₁ ≥ ρ with λ₁ − ρ ≤ ‖Bv − ρv‖, so σ₁² and
 * the stable rank are known to relative 1e-10; the residual's own rounding (≈ p·u·ρ ≤ 1e-13 for
 * p ≤ 1000) stays far below it.
 */
export const POWER_ITERATION_REL_TOL = 1e-10;

/** Default iteration cap: enough for a top-eigenvalue ratio λ₂/λ₁ up to ≈ 0.999 (rate (λ₂/λ₁)^k). */
export const POWER_ITERATION_MAX_ITERATIONS = 20_000;

/** Options of {@link topSingularValue} and {@link stableRank}. */
export interface PowerIterationOptions {
  /** Relative residual to stop at; default {@link POWER_ITERATION_REL_TOL}. */
  readonly relTol?: number;
  /** Iteration cap; default {@link POWER_ITERATION_MAX_ITERATIONS}. */
  readonly maxIterations?: number;
}

/** The top singular value of a matrix, found by power iteration. */
export interface TopSingularValue {
  /** σ₁ = ‖A‖₂ (0 for A = 0). */
  readonly sigma: number;
  /** Matrix-vector products with the Gram matrix. */
  readonly iterations: number;
  /** Final ‖Bv − ρv‖/ρ (0 for A = 0). */
  readonly residual: number;
  /** Whether {@link residual} reached the tolerance within the cap. */
  readonly converged: boolean;
  /** The tolerance used. */
  readonly relTol: number;
}

/** Deterministic start vector; irrational-looking entries make exact orthogonality to u₁ implausible. */
function startVector(p: number): Float64Array {
  const v = new Float64Array(p);
  const golden = 0.6180339887498949; // (√5 − 1)/2: an equidistributed sequence k·golden mod 1
  for (let k = 0; k < p; k++) v[k] = 0.5 + ((k + 1) * golden) % 1;
  return v;
}

/**
 * ‖A‖₂ for a row-major rows×cols matrix by power iteration on the smaller Gram matrix (AAᵀ if
 * rows ≤ cols, else AᵀA), after scaling A by its largest entry so nothing overflows.
 *
 * @throws InputError on shapes, non-finite entries or bad options
 */
export function topSingularValue(
  A: Float64Array,
  rows: number,
  cols: number,
  options: PowerIterationOptions = {},
): TopSingularValue {
  checkCount(rows, 'rows');
  checkCount(cols, 'cols');
  checkFiniteArray(A, rows * cols, 'A');
  const relTol = options.relTol ?? POWER_ITERATION_REL_TOL;
  const maxIterations = options.maxIterations ?? POWER_ITERATION_MAX_ITERATIONS;
  if (!(relTol > 0 && relTol < 1)) throw new InputError('relTol', `expected a number in (0, 1), got ${String(relTol)}`);
  checkCount(maxIterations, 'maxIterations');
  let big = 0;
  for (let k = 0; k < A.length; k++) big = Math.max(big, Math.abs(A[k]));
  if (big === 0) return { sigma: 0, iterations: 0, residual: 0, converged: true, relTol };
  const S = A.map((v) => v / big);
  const p = Math.min(rows, cols);
  const B = rows <= cols ? gramOfRows(S, rows, cols) : gramOfColumns(S, rows, cols);
  // Start inside range(B), where the PSD B is definite, so every Rayleigh quotient below is > 0:
  // B·g for a fixed g, or the column of B with the largest diagonal when g happens to lie in null(B).
  const g = startVector(p);
  let v = new Float64Array(p);
  for (let i = 0; i < p; i++) for (let k = 0; k < p; k++) v[i] += B[i * p + k] * g[k];
  let nv = euclideanNorm(v);
  if (nv === 0) {
    let kmax = 0;
    for (let k = 1; k < p; k++) if (B[k * p + k] > B[kmax * p + kmax]) kmax = k;
    for (let i = 0; i < p; i++) v[i] = B[i * p + kmax];
    nv = euclideanNorm(v);
  }
  for (let k = 0; k < p; k++) v[k] /= nv;
  const Bv = new Float64Array(p);
  let rho = 0;
  let residual = Infinity;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += B[i * p + k] * v[k];
      Bv[i] = s;
    }
    rho = 0;
    for (let i = 0; i < p; i++) rho += v[i] * Bv[i];
    let r2 = 0;
    for (let i = 0; i < p; i++) {
      const e = Bv[i] - rho * v[i];
      r2 += e * e;
    }
    residual = Math.sqrt(r2) / rho;
    nv = euclideanNorm(Bv);
    if (residual <= relTol) break;
    v = Bv.map((x) => x / nv);
  }
  return { sigma: big * Math.sqrt(rho), iterations, residual, converged: residual <= relTol, relTol };
}

/** Stable rank of a nonzero matrix. */
export interface StableRankValue {
  readonly status: 'ok';
  /** ‖W‖_F²/‖W‖₂² ∈ [1, min(rows, cols)]. */
  readonly value: number;
  /** ‖W‖_F. */
  readonly frobenius: number;
  /** The power iteration that found ‖W‖₂. */
  readonly top: TopSingularValue;
  /** Rows that entered. */
  readonly rows: number;
}

/** A stable rank that does not exist: no rows, or all rows zero. */
export interface StableRankUndefined {
  readonly status: 'empty' | 'zero';
  /** Why there is no value. */
  readonly reason: string;
  /** Rows that entered. */
  readonly rows: number;
}

/** {@link stableRank}'s result. */
export type StableRank = StableRankValue | StableRankUndefined;

function stableRankOfRows(W: Float64Array, rows: number[], d: number, options: PowerIterationOptions, what: string): StableRank {
  if (rows.length === 0) return { status: 'empty', reason: `${what}: no rows`, rows: 0 };
  const S = new Float64Array(rows.length * d);
  rows.forEach((j, r) => S.set(W.subarray(j * d, (j + 1) * d), r * d));
  const frobenius = euclideanNorm(S);
  if (frobenius === 0) return { status: 'zero', reason: `${what}: every row is zero`, rows: rows.length };
  const top = topSingularValue(S, rows.length, d, options);
  const ratio = frobenius / top.sigma;
  return { status: 'ok', value: ratio * ratio, frobenius, top, rows: rows.length };
}

/**
 * Stable rank ‖W‖_F²/‖W‖₂² of an m×d matrix (THEORY §2), with ‖W‖₂ by power iteration to
 * {@link POWER_ITERATION_REL_TOL}. W = 0 gives status 'zero', not NaN.
 *
 * @throws InputError on shapes or non-finite entries
 */
export function stableRank(W: Float64Array, m: number, d: number, options: PowerIterationOptions = {}): StableRank {
  checkCount(m, 'm');
  checkCount(d, 'd');
  checkFiniteArray(W, m * d, 'W');
  return stableRankOfRows(W, [...Array(m).keys()], d, options, 'W');
}

/** Per-block stable ranks (THEORY §2, K-RANK). */
export interface BlockStableRanks {
  /** On the rows with a_j > 0. */
  readonly positive: StableRank;
  /** On the rows with a_j < 0. */
  readonly negative: StableRank;
  /** Rows with a_j = 0 belong to neither block; their count. */
  readonly zeroWeightRows: number;
}

/**
 * Stable rank of each sign block of W (THEORY §2): the rows j with a_j > 0, and those with a_j < 0.
 * A block without rows reports 'empty', one whose rows are all zero reports 'zero'.
 *
 * @throws InputError on shapes or non-finite entries
 */
export function blockStableRanks(
  W: Float64Array,
  a: Float64Array,
  d: number,
  options: PowerIterationOptions = {},
): BlockStableRanks {
  checkCount(d, 'd');
  const m = a.length;
  checkCount(m, 'm');
  checkFiniteArray(a, m, 'a');
  checkFiniteArray(W, m * d, 'W');
  const pos: number[] = [];
  const neg: number[] = [];
  for (let j = 0; j < m; j++) {
    if (a[j] > 0) pos.push(j);
    else if (a[j] < 0) neg.push(j);
  }
  return {
    positive: stableRankOfRows(W, pos, d, options, 'block a_j > 0'),
    negative: stableRankOfRows(W, neg, d, options, 'block a_j < 0'),
    zeroWeightRows: m - pos.length - neg.length,
  };
}
