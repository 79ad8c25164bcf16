/**
 * benign-check's public API. Everything a user can import is re-exported here by name; anything not
 * listed is internal.
 */

// Errors: a user's mistake (InputError, with the field) and a numerical failure (NumericalError).
export { InputError, NumericalError } from './errors.js';

// The problem contract.
export type { LossName, Problem, ProblemFile } from './problem/types.js';
export type { MarginLossName, SecondLayerInit } from './problem/types.js';
export { marginLoss } from './problem/marginLoss.js';
export { parseProblem, toProblemFile, validateProblem } from './problem/validate.js';
export { balancedSecondLayer, gaussianInit } from './problem/init.js';

// Data: seeded generators and fast-check arbitraries.
export {
  descriptorArb,
  edgeCases,
  edgeProblemArb,
  generateDataset,
  invalidProblemArb,
  makeProblemFile,
  makeRng,
  problemFileArb,
  suggestedInitScale,
  suggestedStepSize,
  trainingSettingsArb,
  validateDescriptor,
} from './data/index.js';
export type { Dataset, DatasetDescriptor, DataKind, Rng, TrainingSettings } from './data/index.js';

// Engines.
export type { CheckpointOf, TrainOptions, TrajectoryOf } from './engines/types.js';
export { defaultCheckpoints, logSpacedCheckpoints, normalizeCheckpoints } from './engines/schedule.js';
export { DualEngine, PrimalEngine, WasmPrimalEngine, chooseFormulation, formulationCost, gradientOf, lossOf, stepFrom, trainFloat64 } from './engines/float64/index.js';
export type { Float64TrainOptions, Float64Trajectory, Formulation, Kernel } from './engines/float64/index.js';
export { wasmKernelStatus } from './engines/wasm/kernel.js';
export { exactDecimal, makeDecimalContext, toDouble, trainDecimal } from './engines/decimal/index.js';
export type { DecimalContext, DecimalTrainOptions, DecimalTrajectory } from './engines/decimal/index.js';
export { decimalRelativeError, float64StepErrorBound } from './engines/errorModel.js';
export { gammaK, unitRoundoff } from './numerics/index.js';
export type { StepErrorBound } from './engines/errorModel.js';
export { squareStepErrorBound } from './engines/errorModel.js';
export type { SquareStepErrorBound } from './engines/errorModel.js';
export { squareGradientOf, squareLoss } from './engines/float64/index.js';
export { squareLossAt, trainDecimalSquare } from './engines/decimal/index.js';

// Theory: quantities of docs/theory.md §2 and hypotheses of §4.
export {
  allActivated,
  asymptoticRates,
  blockStableRanks,
  clopperPearson,
  gaussianTestError,
  h25Hypotheses,
  limitDirection,
  linearSvmDirection,
  margins,
  monteCarloTestError,
  normalCdf,
  normalSf,
  stableRank,
} from './theory/index.js';
export type { AsymptoticRates, H25Hypotheses, LimitDirection } from './theory/index.js';
// Theory of the linear case (docs/theory.md §10.1–§10.2) and of FCB22 (§10.5).
export { degenerateSupport, fcb22Bound, fcb22Hypotheses, marginResidualGrowth, nearOrthogonality, residualGrowth, residualOffset } from './theory/index.js';
export type { DegenerateSupport, Fcb22Bound, Fcb22Hypotheses, MarginResidualGrowth, NearOrthogonalityReport, ResidualOffset } from './theory/index.js';
export { referenceShapeTheory, shapeQuantities, wholeRankHeuristic } from './theory/index.js';
export type { ShapeQuantities, ShapeTheory } from './theory/index.js';

// Trainers: the seam every claim reads its trajectories through.
export type { Trainer, TrainedCheckpoint } from './trainers/index.js';
export { float64Trainer, decimalTrainer, checkTrainedCheckpoints } from './trainers/index.js';
export type { ExternalTrainer, ExternalTrainerOptions } from './trainers/index.js';
export { externalTrainer, problemToFile, serveTrainer } from './trainers/index.js';
export { measureTrajectory } from './theory/trajectory.js';
// MORTH26/DBP25 (docs/theory.md §11): parameter norm, activity, the min-norm interpolator, well-initialisation, staircases.
export { activeNeurons, activityThreshold, minNormInterpolator, neuronProducts, paramNorm, readStaircase, wellInitialised, wellInitialisedBound, wellInitialisedProbability } from './theory/index.js';
export type { MinNorm, Staircase, WellInitialisation } from './theory/index.js';
export type { MeasuredCheckpoint, MeasuredTrajectory } from './theory/trajectory.js';
export { TrainerError } from './errors.js';

// Claims, papers, faults and verification.
export type {
  Applicability,
  ClaimContext,
  ClaimDefinition,
  ClaimParameter,
  ClaimSpec,
  Control,
  Designation,
  ExpectedVerdict,
  Fault,
  ProvenanceTag,
  RunFacts,
  RunVerdict,
  TheoryPort,
  Tier,
  Verdict,
} from './claims/core/types.js';
export type { ClaimResult, ClaimStatus, ControlCheck, FaultCheck, RunRecord, VerifyReport } from './claims/core/result.js';
export { defineClaim } from './claims/core/define.js';
export { referenceContext, referenceTheory } from './claims/core/context.js';
export { localClaimWork, MAX_SKIPS_PER_RUN, SEARCH_MIN_RUNS, verifyClaim, verifyClaimWith } from './claims/core/runner.js';
export type { ClaimWork, Counterexample, IndexedRun, MainRunSchedule, RunnerOptions } from './claims/core/runner.js';
export { powerRow } from './claims/core/power.js';
export type { PowerCell, PowerReport, PowerRow } from './claims/core/power.js';
export { calibrateClaim } from './claims/core/calibrate.js';
export type { Calibration } from './claims/core/calibrate.js';
export { catalogue, claimById, faultCatalogue, papers, selectClaims } from './papers/registry.js';
export type { Paper } from './papers/paper.js';
export { engineFaults, defectiveTrainer, trainWithDefect } from './faults/index.js';
export type { EngineDefect } from './faults/index.js';
export { formatTable, toJUnit, toJsonReport, toSvgReport } from './report/index.js';
export { phaseDiagramSpec, powerMatrixSpec, renderSvg, verifyReportSpec } from './report/index.js';
export type { VegaLiteSpec } from './report/index.js';

// The phase-transition sweep (docs/theory.md §12) and the worker pool that runs it.
export { runSweepCell, sweepCells, sweepReport, summarizeSweep, TRANSITION_LEVEL } from './sweep/index.js';
export type { SweepCell, SweepReplicate, SweepReport, SweepSpec, SweepSummary } from './sweep/index.js';
export { runTasks, withTaskRunner } from './workers/pool.js';
export type { PoolOptions, TaskRunner } from './workers/pool.js';
export { pooledClaimWork, poolSchedule } from './workers/claimWork.js';
export type { Task } from './workers/tasks.js';

// The command line, as a function (returns the exit code).
export { main } from './cli/main.js';
export type { CliIo } from './cli/main.js';
