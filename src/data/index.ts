export { makeRng, type Rng } from './rng.js';
export {
  DATA_KINDS,
  MIXTURE_KINDS,
  DEFAULT_NU,
  DEFAULT_ALPHA,
  MIN_TAIL_PARAMETER,
  MAX_ENTRIES,
  validateDescriptor,
  type DataKind,
  type DatasetDescriptor,
} from './descriptor.js';
export { unitNoiseSampler, standardGamma, type NoiseLaw } from './noise.js';
export { flipCount, flipIndices } from './labelNoise.js';
export { generateDataset, type Dataset } from './generate.js';
export { nearOrthogonalityRatio } from './orthogonality.js';
export { dataOperatorNorm, type OperatorNorm } from './operatorNorm.js';
export {
  suggestedStepSize,
  suggestedInitScale,
  h25InitBound,
  DEFAULT_STEP_FACTOR,
  INIT_MARGIN,
  INIT_FAILURE_PROBABILITY,
  RELU_GAMMA_SURROGATE,
} from './hyperparameters.js';
export { makeProblemFile, type TrainingSettings } from './problemFile.js';
export {
  duplicatedPoints,
  collinearPoints,
  zeroPreactivation,
  hugeNorms,
  tinyNorms,
  fewerFeaturesThanPoints,
  nonSeparable,
  oneClass,
  singlePoint,
  edgeCases,
  HUGE_NORM,
  TINY_NORM,
  type EdgeCase,
  type EdgeCaseName,
  type EdgeShape,
} from './edge.js';
export {
  descriptorArb,
  trainingSettingsArb,
  problemFileArb,
  edgeProblemArb,
  invalidProblemArb,
  EDGE_EXAMPLE_SEED,
  type Range,
  type DescriptorArbOptions,
  type TrainingSettingsArbOptions,
  type GeneratedProblem,
  type EdgeProblem,
  type EdgeProblemArbOptions,
  type InvalidProblem,
} from './arbitraries.js';
export { projectedMixture, SPAN_TOLERANCE, type ProjectedPoints } from './projection.js';
