/** The claim core: types, the typed claim definition, the runner, power and calibration. */
export type * from './types.js';
export type * from './result.js';
export { defineClaim } from './define.js';
export { verdictFromSlack, inapplicable, refutedBecause, guardFinite } from './verdict.js';
export { claimSeed, streamSeed, type SeedStream } from './seeds.js';
export {
  verifyClaim,
  verifyClaimWith,
  localClaimWork,
  mainPhase,
  searchFor,
  SEARCH_MIN_RUNS,
  MAX_SKIPS_PER_RUN,
  type ClaimWork,
  type MainRunSchedule,
  type RunnerOptions,
  type SearchOutcome,
} from './runner.js';
export { powerRow, POWER_BISECTION_RUNS, POWER_BISECTION_STEPS, POWER_DETECTION_FRACTION, type PowerCell, type PowerReport, type PowerRow } from './power.js';
export { calibrateClaim, type Calibration } from './calibrate.js';
export { referenceContext, referenceTheory } from './context.js';
export { fitLine } from './fit.js';
export { theoryFault } from './theoryFault.js';
