import { InputError, NumericalError } from '../../errors.js';
import type { Problem } from '../../problem/types.js';
import { defaultCheckpoints, normalizeCheckpoints } from '../schedule.js';
import type { CheckpointOf, TrainOptions, TrajectoryOf } from '../types.js';
import { chooseFormulation } from './cost.js';
import { DualEngine } from './dual.js';
import type { Float64Engine, Formulation } from './engine.js';
import { logMeanLoss, meanLoss, squareLoss } from './loss.js';
import { PrimalEngine } from './primal.js';
import { WasmPrimalEngine } from './wasmPrimal.js';
import { wasmKernelStatus } from '../wasm/kernel.js';

/** Options of {@link trainFloat64}: the common ones plus the choice of formulation. */
export interface Float64TrainOptions extends TrainOptions {
  /**
   * `primal` (GD on W), `dual` (GD on the coefficients A of `W = W0 + A X`), or `auto` (default): the
   * cheaper by `chooseFormulation`. All three follow the same GD; only rounding differs.
   */
  readonly formulation?: Formulation | 'auto';
  /**
   * The dense products of the primal form: `wasm` (the WebAssembly SIMD kernel), `js` (plain
   * TypeScript), or `auto` (default): wasm when it can run here, else js. The dual form is always js.
   */
  readonly kernel?: Kernel | 'auto';
}

/** Where the primal form's dense products run. */
export type Kernel = 'wasm' | 'js';

/** A float64 run: the common trajectory, with W as a Float64Array and the formulation that ran. */
export interface Float64Trajectory extends TrajectoryOf<number> {
  readonly engine: 'float64';
  /** Final weights W(steps), m×d row-major. */
  readonly W: Float64Array;
  /** Final second layer a(steps), when it is trained. */
  readonly a?: Float64Array;
  /** The formulation that ran (the choice of `auto` made explicit). */
  readonly formulation: Formulation;
  /** Where the dense products ran. */
  readonly kernel: Kernel;
}

const FORMULATIONS: readonly string[] = ['primal', 'dual', 'auto'];
const KERNELS: readonly string[] = ['wasm', 'js', 'auto'];

/** The checkpoint of the engine's current state; W is copied when `recordW`. */
function record(engine: Float64Engine, p: Problem, recordW: boolean): CheckpointOf<number> {
  const t = engine.t;
  const q = engine.margins();
  const { loss, logLoss } = p.loss === 'square' ? squareLoss(engine.outputs(), p.y) : { loss: meanLoss(p.loss, q), logLoss: logMeanLoss(p.loss, q) };
  if (!Number.isFinite(loss)) {
    throw new NumericalError(`loss at step ${t}`, `L overflows float64 (log L = ${logLoss}): a margin is below about −709 with the ${p.loss} loss`);
  }
  let minMargin = Infinity;
  let maxMargin = -Infinity;
  for (let i = 0; i < q.length; i++) {
    minMargin = Math.min(minMargin, q[i]);
    maxMargin = Math.max(maxMargin, q[i]);
  }
  // W first: the dual form then takes the norm of the materialised W instead of its formula.
  const W = recordW ? Float64Array.from(engine.weights()) : undefined;
  const a = p.trainSecondLayer === true ? Float64Array.from(engine.secondLayer()) : undefined;
  return { t, loss, logLoss, minMargin, maxMargin, normW: engine.normW(), ...(W ? { W } : {}), ...(a ? { a } : {}) };
}

/**
 * Runs float64 GD (docs/theory.md §1) on a problem and records checkpoints.
 *
 * The formulation: `primal` costs 4nmd flops a step; `dual` costs 2mn² a step plus a one-off
 * `2n²d + 2mnd` and `2mnd` per materialised W (the end, and every checkpoint when `recordW`);
 * `auto` (the default) takes the smaller count (`formulationCost`, `chooseFormulation`), so in
 * long runs the dual form runs when `n < 2d`.
 *
 * @param options - `steps` (default `problem.steps`), `checkpoints` (default `defaultCheckpoints(steps)`;
 *   validated by `normalizeCheckpoints`), `recordW` (copy W at each checkpoint), `formulation`
 * @returns the final W and loss, the checkpoints in increasing t, and the formulation that ran
 * @throws InputError on bad options or a malformed problem, before any computation
 * @throws NumericalError when W, the margins or the loss would leave the float64 range
 */
export function trainFloat64(problem: Problem, options: Float64TrainOptions = {}): Float64Trajectory {
  const steps = options.steps ?? problem.steps;
  if (!Number.isSafeInteger(steps) || steps < 0) throw new InputError('steps', `must be a non-negative integer, got ${steps}`);
  const checkpoints = options.checkpoints ? normalizeCheckpoints(options.checkpoints, steps) : defaultCheckpoints(steps);
  const recordW = options.recordW ?? false;
  if (typeof recordW !== 'boolean') throw new InputError('recordW', `expected a boolean, got ${typeof recordW}`);
  const requested = options.formulation ?? 'auto';
  if (!FORMULATIONS.includes(requested)) {
    throw new InputError('formulation', `expected one of ${FORMULATIONS.map((f) => `"${f}"`).join(', ')}, got ${String(requested)}`);
  }
  const finalRecorded = recordW && checkpoints[checkpoints.length - 1] === steps;
  const materialisations = (recordW ? checkpoints.length : 0) + (finalRecorded ? 0 : 1);
  const formulation: Formulation = requested === 'auto' ? chooseFormulation(problem, steps, materialisations) : requested;
  const kernelRequested = options.kernel ?? 'auto';
  if (!KERNELS.includes(kernelRequested)) {
    throw new InputError('kernel', `expected one of ${KERNELS.map((f) => `"${f}"`).join(', ')}, got ${String(kernelRequested)}`);
  }
  let engine: Float64Engine;
  let kernel: Kernel = 'js';
  if (formulation === 'dual') engine = new DualEngine(problem);
  else {
    const wasm = kernelRequested === 'js' ? undefined : WasmPrimalEngine.create(problem);
    if (kernelRequested === 'wasm' && !wasm) throw new InputError('kernel', `the WebAssembly kernel cannot run here: ${wasmKernelStatus().reason ?? 'the shape does not fit in its memory'}`);
    kernel = wasm ? 'wasm' : 'js';
    engine = wasm ?? new PrimalEngine(problem);
  }

  const records: CheckpointOf<number>[] = [];
  let next = 0;
  for (let t = 0; ; t++) {
    if (next < checkpoints.length && checkpoints[next] === t) {
      records.push(record(engine, problem, recordW));
      next++;
    }
    if (t === steps) break;
    engine.step();
  }
  const last = records.length > 0 && records[records.length - 1].t === steps ? records[records.length - 1] : record(engine, problem, false);
  return {
    engine: 'float64',
    formulation,
    kernel,
    steps,
    W: Float64Array.from(engine.weights()),
    ...(problem.trainSecondLayer === true ? { a: Float64Array.from(engine.secondLayer()) } : {}),
    loss: last.loss,
    checkpoints: records,
  };
}
