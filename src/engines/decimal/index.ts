/**
 * The high-precision decimal reference engine: GD of docs/theory.md §1 in decimal.js plus exact BigInt fixed
 * point, written to be read against docs/theory.md. It shares no arithmetic with the float64 engine.
 */
export { trainDecimal, type DecimalTrainOptions, type DecimalTrajectory } from './train.js';
export { trainDecimalSquare, squareLossAt, SQUARE_GUARD_DIGITS } from './square.js';
export {
  makeDecimalContext,
  DEFAULT_DIGITS,
  MIN_DIGITS,
  MAX_DIGITS,
  MARGIN_GUARD_DIGITS,
  type Arithmetic,
  type DecimalContext,
  type DecimalOptions,
} from './context.js';
export { preactivations, margins, loss, logLoss, lossDerivative, gradient, step, normW, descent, type Descent } from './engine.js';
export { lossValue, lossDerivativeValue, logLossValue, logMeanLoss, LOSS_GUARD_DIGITS } from './losses.js';
export { exactDecimal, exactDecimalParts, toDouble, type ExactDecimalParts } from './exact.js';
export { decimalConstructor } from './precision.js';
export { agreeingDigits } from './agreement.js';
