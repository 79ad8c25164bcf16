import { InputError } from '../errors.js';
import type { LossName, MarginLossName } from './types.js';

/**
 * The loss as a function of the margin `q_i = y_i f(x_i)` (docs/theory.md §1). The square loss on real
 * targets is not one (docs/theory.md §11), so code that reads margins refuses it here instead of
 * silently computing another loss.
 * @throws InputError (field `loss`) for `square`
 */
export function marginLoss(loss: LossName): MarginLossName {
  if (loss === 'square') throw new InputError('loss', 'the square loss on real targets is not a loss of the margin; this computation needs "exp" or "logistic"');
  return loss;
}
