import type { Fault } from '../../claims/core/types.js';
import { theoryFault } from '../../claims/core/theoryFault.js';

/** The SHNGS18 theory faults (docs/theory.md §8, §10.4): two classic slips in reading the max-margin solution. */
export const shngs18Faults: readonly Fault[] = [
  theoryFault('unit-svm', 'the max-margin direction ŵ/‖ŵ‖ in place of the max-margin vector ŵ (‖ŵ‖ read as 1)', (theory) => ({
    limitDirection(p) {
      const limit = theory.limitDirection(p);
      return limit.status === 'ok' ? { ...limit, W: limit.direction, normF: 1 } : limit;
    },
  })),
  theoryFault('degeneracy-unchecked', "the dual's strict-complementarity test skipped: every solution reported non-degenerate", (theory) => ({
    limitDirection(p) {
      const limit = theory.limitDirection(p);
      return limit.status === 'ok' ? { ...limit, nonDegenerate: true, minActiveDual: 1 } : limit;
    },
  })),
];
