import type { Decimal } from 'decimal.js';
import { NumericalError } from '../../errors.js';
import { checkWeights, type DecimalContext } from './context.js';
import {
  decimalWeights,
  gradientFixed,
  guardedMarginsFixed,
  lossDerivativeFixed,
  lossFixed,
  marginsFixed,
  normWFixed,
  preactivationsFixed,
  scaledWeights,
  stepFixed,
  stepScaled,
} from './fixed.js';
import type { Scaled } from './fixedPoint.js';
import { logMeanLoss } from './losses.js';
import {
  gradientPlain,
  lossDerivativePlain,
  lossPlain,
  marginsPlain,
  normWPlain,
  preactivationsPlain,
  stepPlain,
} from './plain.js';

/**
 * Gradient descent of docs/theory.md §1 at `ctx.digits` significant digits, in the arithmetic `ctx.arithmetic`
 * (fixed.ts: exact sums rounded once; plain.ts: decimal.js rounding every operation).
 * `W` is always m×d row-major (`W[j*d + k]` is entry k of neuron j), as Decimals of any constructor:
 * they are read exactly, whatever their own precision. Results are Decimals of `ctx.D`.
 * Every function throws InputError (field `W`) when W does not have m·d entries.
 */

/**
 * W as values of ctx.D (exact copies: decimal.js operations take the precision of their left operand).
 * Every `Decimal.clone` shares one prototype, so `instanceof` holds across precisions: the constructor
 * itself is compared.
 */
function inContext(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  checkWeights(ctx, W);
  return W.map((w) => (w.constructor === ctx.D ? w : new ctx.D(w)));
}

/** Pre-activations `⟨w_j, x_i⟩` (docs/theory.md §1) at index `i*m + j` (n×m row-major). */
export function preactivations(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  const w = inContext(ctx, W);
  return ctx.arithmetic === 'fixed' ? preactivationsFixed(ctx, w) : preactivationsPlain(ctx, w);
}

/** Margins `q_i = y_i f(x_i; W)` (docs/theory.md §1), length n. */
export function margins(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  const w = inContext(ctx, W);
  return ctx.arithmetic === 'fixed' ? marginsFixed(ctx, w) : marginsPlain(ctx, w);
}

/**
 * Empirical risk `L(W) = (1/n) Σ_i ℓ(q_i)` (docs/theory.md §1). Underflows to exactly 0 only when every
 * `ℓ(q_i)` is below decimal.js's smallest number 10^−9e15 (margins above ~2.07e16); use {@link logLoss}.
 * @throws NumericalError when L is not finite (a margin below ~−2.07e16 with the exp loss).
 */
export function loss(ctx: DecimalContext, W: readonly Decimal[]): Decimal {
  const w = inContext(ctx, W);
  const L = ctx.arithmetic === 'fixed' ? lossFixed(ctx, w) : lossPlain(ctx, w);
  if (!L.isFinite()) throw new NumericalError('loss', `L(W) = ${L.toString()} is not finite`);
  return L;
}

/**
 * `log L(W)` by log-sum-exp (docs/theory.md §1 numerics; losses.logMeanLoss): finite for every finite W,
 * including where {@link loss} underflows to 0 or, with the exp loss, overflows.
 */
export function logLoss(ctx: DecimalContext, W: readonly Decimal[]): Decimal {
  const w = inContext(ctx, W);
  const q = ctx.arithmetic === 'fixed' ? guardedMarginsFixed(ctx, w) : marginsPlain(ctx, w);
  return logMeanLoss(ctx.loss, q, ctx.D);
}

/** `ℓ'(q_i)` for every point (docs/theory.md §1), length n. @throws NumericalError when one is not finite. */
export function lossDerivative(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  const w = inContext(ctx, W);
  return ctx.arithmetic === 'fixed' ? lossDerivativeFixed(ctx, w) : lossDerivativePlain(ctx, w);
}

/**
 * `∇L(W)`, `∇_{w_j} L = (1/n) Σ_i ℓ'(q_i) y_i a_j φ'(⟨w_j, x_i⟩) x_i` with `φ'(0) = γ` (docs/theory.md §1),
 * m×d row-major.
 */
export function gradient(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  const w = inContext(ctx, W);
  return ctx.arithmetic === 'fixed' ? gradientFixed(ctx, w) : gradientPlain(ctx, w);
}

/**
 * One GD step `W − α ∇L(W)` (docs/theory.md §1): a new array, W untouched.
 * @throws NumericalError when an entry of the new W is not finite.
 */
export function step(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  const w = inContext(ctx, W);
  const next = ctx.arithmetic === 'fixed' ? stepFixed(ctx, w) : stepPlain(ctx, w);
  for (let idx = 0; idx < next.length; idx++) {
    if (!next[idx]!.isFinite()) throw new NumericalError(`W[${idx}]`, `the GD step left the finite range (${next[idx]!.toString()})`);
  }
  return next;
}

/** Frobenius norm `‖W‖_F` (docs/theory.md §2). */
export function normW(ctx: DecimalContext, W: readonly Decimal[]): Decimal {
  const w = inContext(ctx, W);
  return ctx.arithmetic === 'fixed' ? normWFixed(ctx, w) : normWPlain(ctx, w);
}

/** GD from a starting W, one step at a time: the iterates of repeated {@link step}, value for value. */
export interface Descent {
  /** Steps taken so far. */
  readonly t: number;
  /** Takes one GD step (docs/theory.md §1). @throws NumericalError as {@link step}. */
  advance(): void;
  /** W(t), m×d row-major, as Decimals of `ctx.D` (a fresh array). */
  weights(): Decimal[];
}

/**
 * A {@link Descent} from `W` (default W(0) of the context). In the fixed arithmetic the weights stay in
 * fixed point between steps and become Decimals only when {@link Descent.weights} asks, which saves
 * re-reading them every step; the values are those of {@link step}.
 */
export function descent(ctx: DecimalContext, W: readonly Decimal[] = ctx.W0): Descent {
  let t = 0;
  if (ctx.arithmetic === 'fixed') {
    let w: Scaled[] = scaledWeights(inContext(ctx, W));
    return {
      get t() {
        return t;
      },
      advance() {
        w = stepScaled(ctx, w);
        t++;
      },
      weights: () => decimalWeights(ctx, w),
    };
  }
  let current: Decimal[] = inContext(ctx, W);
  return {
    get t() {
      return t;
    },
    advance() {
      current = step(ctx, current);
      t++;
    },
    weights: () => current.slice(),
  };
}
