import { theoryFault } from '../../claims/core/theoryFault.js';
import type { Fault } from '../../claims/core/types.js';
import { logLossSum } from '../../theory/margins.js';
import { logExpm1OfExp } from '../../theory/_internals/logSpace.js';

/** The LL20 theory faults (docs/theory.md §9.4). */
export const ll20Faults: readonly Fault[] = [
  theoryFault('smoothed-mean', 'the smoothed margin built on the mean loss L in place of L_sum = n·L (γ̃ + log n/‖W‖ for the exp loss)', () => ({
    smoothedMargin(q, normF, loss) {
      if (normF === 0) return null;
      const logMean = logLossSum(q, loss) - Math.log(q.length);
      return -(loss === 'exp' ? logMean : logExpm1OfExp(logMean)) / normF;
    },
  })),
];
