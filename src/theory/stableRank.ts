import { InputError } from '../errors.js';
import { euclideanNorm } from '../numerics/norms.js';
import {
  POWER_ITERATION_MAX_ITERATIONS,
  POWER_ITERATION_REL_TOL,
  topSingularValue as powerIteration,
  type PowerIterationOptions,
  type TopSingularValue,
} from '../numerics/powerIteration.js';
import { checkCount, checkFiniteArray } from './_internals/validate.js';

export {
  POWER_ITERATION_MAX_ITERATIONS,
  POWER_ITERATION_REL_TOL,
  type PowerIterationOptions,
  type TopSingularValue,
} from '../numerics/powerIteration.js';

/**
 * ‖A‖₂ for a row-major rows×cols matrix by the power iteration of `src/numerics/powerIteration.ts`
 * (on the smaller Gram matrix, after scaling A by its largest entry so nothing overflows), with its
 * arguments checked first.
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
  return powerIteration(A, rows, cols, { relTol, maxIterations });
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
 * Stable rank ‖W‖_F²/‖W‖₂² of an m×d matrix (docs/theory.md §2), with ‖W‖₂ by power iteration to
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

/** Per-block stable ranks (docs/theory.md §2, K-RANK). */
export interface BlockStableRanks {
  /** On the rows with a_j > 0. */
  readonly positive: StableRank;
  /** On the rows with a_j < 0. */
  readonly negative: StableRank;
  /** Rows with a_j = 0 belong to neither block; their count. */
  readonly zeroWeightRows: number;
}

/**
 * Stable rank of each sign block of W (docs/theory.md §2): the rows j with a_j > 0, and those with a_j < 0.
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
