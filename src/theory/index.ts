/**
 * The theory layer: quantities of docs/theory.md §2 and hypotheses of docs/theory.md §4, computed from data and
 * weights alone (no engine), each returning the measured value and its verdict.
 */
export type { LabelledData, NetworkData } from './types.js';
export { logLossSum, margins, smoothedMarginFromMargins } from './margins.js';
export type { MarginReport } from './margins.js';
export { activatedSlopes, activationPattern, activationValues, allActivated } from './activation.js';
export type { ActivationReport } from './activation.js';
export {
  blockStableRanks,
  POWER_ITERATION_MAX_ITERATIONS,
  POWER_ITERATION_REL_TOL,
  stableRank,
  topSingularValue,
} from './stableRank.js';
export type {
  BlockStableRanks,
  PowerIterationOptions,
  StableRank,
  StableRankUndefined,
  StableRankValue,
  TopSingularValue,
} from './stableRank.js';
export {
  assumption61a,
  case1,
  case2,
  DEFAULT_ASSUMPTION61A_C,
  DEFAULT_CASE2_C,
  DEFAULT_INIT_FACTOR,
  DEFAULT_STEP_SIZE_C,
  h25Hypotheses,
  initCondition,
  stepSizeCondition,
} from './hypotheses.js';
export type {
  Assumption61aReport,
  Case1Report,
  Case2Report,
  H25Hypotheses,
  HypothesisConstants,
  InitReport,
  StepSizeReport,
} from './hypotheses.js';
export {
  ACTIVE_TOL,
  DEPENDENT_COLUMN_TOL,
  DUAL_POSITIVE_TOL,
  INFEASIBLE_REL_TOL,
  MIN_RELATIVE_MARGIN,
  solveMarginDual,
} from './marginDual.js';
export type { KktResiduals, MarginDual, MarginDualDegenerate, MarginDualInfeasible, MarginDualOk } from './marginDual.js';
export { limitDirection, linearSvmDirection, ROW_EQUAL_TOL, SIGN_TOL } from './limitDirection.js';
export { degenerateSupport, driftFreeTransientRate, linearResidual, marginResidualGrowth, residualGrowth, residualOffset } from './linearResidual.js';
export type { DegenerateSupport, MarginResidualGrowth, ResidualOffset, SupportDuals } from './linearResidual.js';
export { DEFAULT_NEAR_ORTHOGONAL_C, nearOrthogonality } from './nearOrthogonality.js';
export type { NearOrthogonalityReport } from './nearOrthogonality.js';
export { DEFAULT_FCB22_DIMENSION_C, FCB22_MAX_FLIP_FRACTION, fcb22Bound, fcb22Hypotheses } from './fcb22.js';
export type { Fcb22Bound, Fcb22Hypotheses } from './fcb22.js';
export type { LimitDirection, LimitDirectionNone, LimitDirectionOk, SignConstraintReport } from './limitDirection.js';
export { cosineSimilarity } from './cosine.js';
export { asymptoticRates } from './transient.js';
export type { AsymptoticRates } from './transient.js';
export { logNormalCdf, normalCdf, normalSf } from './gaussian.js';
export { BETA_CF_TOL, regularizedIncompleteBeta } from './incompleteBeta.js';
export type { BetaTails } from './incompleteBeta.js';
export { BETA_QUANTILE_REL_TOL, clopperPearson } from './clopperPearson.js';
export type { ConfidenceInterval } from './clopperPearson.js';
export { gaussianTestError, monteCarloTestError } from './testError.js';
export type { GaussianTestError, LabelledPoint, MonteCarloTestError } from './testError.js';
export { referenceShapeTheory, shapeQuantities, wholeRankHeuristic, withShape } from './shape.js';
export type { ShapeNetwork, ShapeQuantities, ShapeTheory } from './shape.js';
export { ACTIVE_LOG_FRACTION, activeNeurons, activityThreshold, neuronProducts, paramNorm } from './paramNorm.js';
export { minNormInterpolator, ORTHOGONAL_REL_TOL } from './minNorm.js';
export type { MinNorm, MinNormInfeasible, MinNormOk, MinNormUnsupported } from './minNorm.js';
export { wellInitialised, wellInitialisedBound, wellInitialisedProbability } from './wellInitialised.js';
export type { WellInitialisation } from './wellInitialised.js';
export { DROP_SLOPE, LOSS_FLOOR_FRACTION, MIN_DROP_LOG, readStaircase } from './staircase.js';
export type { Drop, Staircase } from './staircase.js';
