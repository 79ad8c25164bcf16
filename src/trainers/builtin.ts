import type { Decimal } from 'decimal.js';
import { trainDecimal, toDouble } from '../engines/decimal/index.js';
import { trainFloat64, type Kernel } from '../engines/float64/index.js';
import type { Formulation } from '../engines/float64/index.js';
import type { Problem } from '../problem/types.js';
import type { Trainer, TrainedCheckpoint } from './types.js';
import { checkCheckpointRequest } from './validate.js';

/**
 * The float64 engine as a trainer (the default trainer of every claim): primal or dual form by cost,
 * the WebAssembly kernel when it can run.
 */
export function float64Trainer(options: { formulation?: Formulation | 'auto'; kernel?: Kernel | 'auto' } = {}): Trainer {
  const name = 'float64';
  return {
    name,
    train(problem: Problem, checkpoints: readonly number[]): Promise<readonly TrainedCheckpoint[]> {
      checkCheckpointRequest(name, checkpoints);
      const run = trainFloat64(problem, {
        steps: checkpoints[checkpoints.length - 1]!,
        checkpoints,
        recordW: true,
        ...(options.formulation ? { formulation: options.formulation } : {}),
        ...(options.kernel ? { kernel: options.kernel } : {}),
      });
      return Promise.resolve(
        run.checkpoints.map((c) => ({ t: c.t, W: c.W as Float64Array, loss: c.loss, ...(c.a ? { a: c.a as Float64Array } : {}) })),
      );
    },
  };
}

/**
 * The decimal reference as a trainer: GD at `digits` significant digits, every W rounded to the
 * nearest double at the checkpoints only (the run itself never touches float64).
 */
export function decimalTrainer(digits = 50): Trainer {
  const name = `decimal@${digits}`;
  return {
    name,
    train(problem: Problem, checkpoints: readonly number[]): Promise<readonly TrainedCheckpoint[]> {
      checkCheckpointRequest(name, checkpoints);
      const run = trainDecimal(problem, { steps: checkpoints[checkpoints.length - 1]!, checkpoints, recordW: true, digits });
      return Promise.resolve(
        run.checkpoints.map((c) => ({
          t: c.t,
          W: Float64Array.from(c.W as readonly Decimal[], (v) => toDouble(v)),
          loss: toDouble(c.loss),
          ...(c.a ? { a: Float64Array.from(c.a as readonly Decimal[], (v) => toDouble(v)) } : {}),
        })),
      );
    },
  };
}
