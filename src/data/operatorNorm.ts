import { topSingularValue } from '../numerics/powerIteration.js';
import { checkMatrix } from './_internals/shape.js';

/** The top singular value and how the power iteration that found it ended. */
export interface OperatorNorm {
  /** ‖X‖_op, the largest singular value (0 for an all-zero matrix); never above it but for rounding. */
  readonly value: number;
  /**
   * An upper estimate of ‖X‖_op, `value·√(1 + max(residual, POWER_ITERATION_REL_TOL))` (see
   * `src/numerics/powerIteration.ts`): the side to use when ‖X‖_op bounds a step size.
   */
  readonly upper: number;
  /** Power-iteration steps taken. */
  readonly iterations: number;
  /** True when the residual reached `POWER_ITERATION_REL_TOL` within `POWER_ITERATION_MAX_ITERATIONS`. */
  readonly converged: boolean;
}

/**
 * `‖X‖_op` of an n×d row-major matrix (docs/theory.md §4 uses it for the step size), by the project's one
 * power iteration (`src/numerics/powerIteration.ts`: on the smaller Gram matrix, after dividing X by
 * its largest |entry|, so norms from 1e−150 to 1e150 are fine). Deterministic. Once converged,
 * ‖X‖_op² lies in [value², upper²], a bracket of relative width `POWER_ITERATION_REL_TOL`.
 *
 * @throws InputError if `X` is not n×d or has a non-finite entry
 */
export function dataOperatorNorm(X: ArrayLike<number>, n: number, d: number): OperatorNorm {
  checkMatrix(X, n, d);
  const top = topSingularValue(X, n, d);
  return { value: top.sigma, upper: top.sigmaUpper, iterations: top.iterations, converged: top.converged };
}
