/**
 * The float64 engine: fast gradient descent on two-layer leaky-ReLU networks (docs/theory.md §1), in a primal
 * and a dual formulation, with plain reference loops for differential tests.
 */
export { lossAt, lossDerivativeAt, logLossAt, logMeanLoss, meanLoss, squareLoss } from './loss.js';
export { euclideanNorm } from '../../numerics/norms.js';
export type { Float64Engine, Formulation } from './engine.js';
export { PrimalEngine } from './primal.js';
export { DualEngine } from './dual.js';
export { chooseFormulation, formulationCost } from './cost.js';
export type { FormulationCost, ProblemSize } from './cost.js';
export { trainFloat64 } from './train.js';
export type { Float64TrainOptions, Float64Trajectory, Kernel } from './train.js';
export { WasmPrimalEngine } from './wasmPrimal.js';
export { gradientOf, lossOf, margins, preactivations, stepFrom, outputsOf, squareGradientOf } from './reference.js';
