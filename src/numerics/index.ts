/**
 * Shared float64 numerics: rounding constants, the leaky ReLU, overflow-safe norms and the power
 * iteration. Used by the float64 engines, the theory and data layers and the bench; the decimal
 * engine keeps its own arithmetic and does not import from here.
 */
export { gammaK, unitRoundoff } from './roundoff.js';
export { leakyRelu, leakyReluSlope } from './phi.js';
export { euclideanNorm, maxAbs } from './norms.js';
export {
  POWER_ITERATION_MAX_ITERATIONS,
  POWER_ITERATION_REL_TOL,
  topSingularValue,
  type PowerIterationOptions,
  type TopSingularValue,
} from './powerIteration.js';
