import { InputError } from '../../errors.js';
import type { Problem } from '../../problem/types.js';

/** Which of the two equivalent forms of the same GD runs (see `primal.ts` and `dual.ts`). */
export type Formulation = 'primal' | 'dual';

/**
 * A float64 GD run in progress on one problem: the state and its workspace, allocated once.
 * Both forms follow the same iteration `W(t+1) = W(t) − α ∇L(W(t))` (docs/theory.md §1); only rounding differs.
 */
export interface Float64Engine {
  /** Which form this engine runs. */
  readonly formulation: Formulation;
  /** Steps taken so far. */
  readonly t: number;
  /** One GD step, in place and without allocation. @throws NumericalError instead of producing a non-finite W. */
  step(): void;
  /**
   * The margins `q_i = y_i f(x_i; W(t))`, length n. Evaluated on demand and cached until the next
   * step (the next step reuses them). The array is the engine's buffer: read it, do not keep it.
   * @throws NumericalError when a margin is not finite
   */
  margins(): Float64Array;
  /** `W(t)`, m×d row-major. The engine's buffer (the dual form materialises it): copy it to keep it. */
  weights(): Float64Array;
  /** `‖W(t)‖_F`, finite for every finite W (scaled when the squares would overflow or underflow). */
  normW(): number;
  /** `a(t)`, length m: fixed, or trained with `trainSecondLayer` (the engine's buffer: copy it to keep it). */
  secondLayer(): Float64Array;
  /** The outputs `f(x_i)`, length n, for the square loss (docs/theory.md §11). @throws InputError for a margin loss */
  outputs(): Float64Array;
}

/**
 * Refuses an engine-form problem whose arrays do not match its shapes or whose scalars are outside
 * docs/theory.md §1 (a `Problem` built by hand rather than by `validateProblem`). Checks sizes and scalars
 * only: O(1), so the entries are trusted to be finite.
 * @throws InputError naming the field
 */
export function checkProblemShape(p: Problem): void {
  const { n, d, m } = p;
  for (const [field, v] of [['n', n], ['d', d], ['m', m]] as const) {
    if (!Number.isSafeInteger(v) || v < 1) throw new InputError(field, `must be an integer ≥ 1, got ${v}`);
  }
  const sizes = [['X', p.X, n * d], ['y', p.y, n], ['a', p.a, m], ['W0', p.W0, m * d]] as const;
  for (const [field, arr, len] of sizes) {
    if (!(arr instanceof Float64Array) || arr.length !== len) {
      throw new InputError(field, `expected a Float64Array of length ${len}, got ${arr instanceof Float64Array ? arr.length : typeof arr}`);
    }
  }
  if (!(p.gamma >= 0 && p.gamma <= 1)) throw new InputError('gamma', `must lie in [0, 1], got ${p.gamma}`);
  if (!(p.lr > 0 && Number.isFinite(p.lr))) throw new InputError('lr', `must be a positive finite number, got ${p.lr}`);
  if (p.loss !== 'exp' && p.loss !== 'logistic' && p.loss !== 'square') {
    throw new InputError('loss', `expected "exp", "logistic" or "square", got ${String(p.loss)}`);
  }
  if (p.trainSecondLayer === true && p.loss !== 'square') {
    throw new InputError('trainSecondLayer', `the second layer is trained with the square loss only (docs/theory.md §11), got loss "${p.loss}"`);
  }
}
