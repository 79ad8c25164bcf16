import type { Decimal } from 'decimal.js';
import { InputError } from '../../errors.js';
import { marginLoss } from '../../problem/marginLoss.js';
import type { MarginLossName, Problem } from '../../problem/types.js';
import { exactDecimal } from './exact.js';
import { alignDoubles, scaledFromDouble, times, type BinaryAlignedVector, type Scaled } from './fixedPoint.js';
import { decimalConstructor } from './precision.js';

/**
 * The decimal engine's context: a precision, an arithmetic, and the problem's data converted exactly,
 * once (docs/theory.md §1). Every engine function takes one.
 */

/**
 * How sums of products are formed. `fixed` (default): exactly, in BigInt fixed point, rounded once per
 * result (fixedPoint.ts). `plain`: in decimal.js, every operation rounded to `digits`, in the order the
 * formulas of docs/theory.md §1 are written; kept as the readable cross-check of `fixed`.
 */
export type Arithmetic = 'plain' | 'fixed';

/** Smallest precision accepted: below ~20 digits the decimal run is no reference for a float64 run. */
export const MIN_DIGITS = 20;
/**
 * Largest precision accepted: decimal.js's exp at 1000 digits already costs ~1 400× its cost at 40 digits
 * (measured; ~0.1 s), and a step takes n of them.
 */
export const MAX_DIGITS = 1000;
/** Default precision, in significant decimal digits. */
export const DEFAULT_DIGITS = 50;
/**
 * Extra digits of the margins handed to `ℓ'` in the fixed arithmetic. `e^{−q}` turns an absolute error
 * δ of q into a relative error δ, so a margin rounded to `digits` would cost `log10|q|` digits of ℓ';
 * 10 more digits keep that loss below 10^−10 ulp for |q| < 1, and below one ulp up to |q| ~ 10^10.
 */
export const MARGIN_GUARD_DIGITS = 10;

/** The problem data in the forms the fixed arithmetic uses, all exact. */
export interface FixedData {
  /** X, n×d row-major. */
  readonly x: readonly Scaled[];
  /** Row i of X on one binary scale (for `⟨w_j, x_i⟩`). */
  readonly xRows: readonly BinaryAlignedVector[];
  /** Column k of X on one binary scale (for `Σ_i κ_i x_ik` in the gradient). */
  readonly xCols: readonly BinaryAlignedVector[];
  /** Labels as ±1 integers. */
  readonly y: readonly number[];
  /** `a_j·φ'` for each neuron j: index `2j` is `a_j·1` (pre-activation > 0), `2j+1` is `a_j·γ` (≤ 0). */
  readonly aPhiPrime: readonly Scaled[];
  /** `φ'` values: index 0 is 1, index 1 is γ. */
  readonly phiPrime: readonly [Scaled, Scaled];
  /** `−α·a_j` for each neuron j (the factor of the update, docs/theory.md §1). */
  readonly minusLrA: readonly Scaled[];
}

/** Everything an engine function needs. Build it with {@link makeDecimalContext}. */
export interface DecimalContext {
  /** decimal.js constructor rounding to `digits` significant digits, half to even. */
  readonly D: Decimal.Constructor;
  /** Working precision in significant decimal digits. */
  readonly digits: number;
  readonly arithmetic: Arithmetic;
  readonly n: number;
  readonly d: number;
  readonly m: number;
  readonly loss: MarginLossName;
  /** X, n×d row-major, exact values of the problem's doubles. */
  readonly X: readonly Decimal[];
  /** Labels ±1, length n. */
  readonly y: readonly Decimal[];
  /** Second layer, length m, exact. */
  readonly a: readonly Decimal[];
  /** W(0), m×d row-major, exact. */
  readonly W0: readonly Decimal[];
  /** Leaky-ReLU slope γ, exact. */
  readonly gamma: Decimal;
  /** Step size α, exact. */
  readonly lr: Decimal;
  readonly fixed: FixedData;
}

/** Options of {@link makeDecimalContext}. */
export interface DecimalOptions {
  /** Significant decimal digits, an integer in [{@link MIN_DIGITS}, {@link MAX_DIGITS}]; default {@link DEFAULT_DIGITS}. */
  readonly digits?: number;
  /** Default `fixed`. */
  readonly arithmetic?: Arithmetic;
}

/**
 * Checks the options and converts the problem's doubles exactly (exact.ts) into both decimal.js values
 * and fixed-point forms. `problem` is assumed validated (validateProblem). The square loss has its own
 * path (square.ts), so a context holds a margin loss.
 * @throws InputError on `loss` (`square`: see square.ts), `digits` (not an integer in [20, 1000]) or `arithmetic` (not 'plain' | 'fixed').
 */
export function makeDecimalContext(problem: Problem, options: DecimalOptions = {}): DecimalContext {
  const digits = options.digits ?? DEFAULT_DIGITS;
  if (!Number.isInteger(digits) || digits < MIN_DIGITS || digits > MAX_DIGITS) {
    throw new InputError('digits', `must be an integer in [${MIN_DIGITS}, ${MAX_DIGITS}], got ${digits}`);
  }
  const arithmetic = options.arithmetic ?? 'fixed';
  if (arithmetic !== 'plain' && arithmetic !== 'fixed') {
    throw new InputError('arithmetic', `must be 'plain' or 'fixed', got ${String(arithmetic)}`);
  }
  const D = decimalConstructor(digits);
  const { n, d, m } = problem;
  const exact = (v: Float64Array): Decimal[] => Array.from(v, (x) => exactDecimal(x, D));

  const x = Array.from(problem.X, scaledFromDouble);
  const X = Array.from(problem.X);
  const xRows = Array.from({ length: n }, (_, i) => alignDoubles(X.slice(i * d, (i + 1) * d)));
  const xCols = Array.from({ length: d }, (_, k) => alignDoubles(Array.from({ length: n }, (_, i) => X[i * d + k]!)));
  const one = scaledFromDouble(1);
  const gamma = scaledFromDouble(problem.gamma);
  const a = Array.from(problem.a, scaledFromDouble);
  const minusLr = scaledFromDouble(-problem.lr);

  return {
    D,
    digits,
    arithmetic,
    n,
    d,
    m,
    loss: marginLoss(problem.loss),
    X: exact(problem.X),
    y: exact(problem.y),
    a: exact(problem.a),
    W0: exact(problem.W0),
    gamma: exactDecimal(problem.gamma, D),
    lr: exactDecimal(problem.lr, D),
    fixed: {
      x,
      xRows,
      xCols,
      y: Array.from(problem.y),
      aPhiPrime: a.flatMap((aj) => [times(aj, one), times(aj, gamma)]),
      phiPrime: [one, gamma],
      minusLrA: a.map((aj) => times(minusLr, aj)),
    },
  };
}

/** `W` checked against the context's shape (m×d). @throws InputError on field `W`. */
export function checkWeights(ctx: DecimalContext, W: readonly Decimal[]): void {
  if (W.length !== ctx.m * ctx.d) throw new InputError('W', `expected ${ctx.m}×${ctx.d} = ${ctx.m * ctx.d} entries, got ${W.length}`);
}
