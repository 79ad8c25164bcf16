import { outputsOf } from '../engines/float64/reference.js';
import { squareLoss } from '../engines/float64/loss.js';
import type { Problem } from '../problem/types.js';
import { checkTrainedCheckpoints } from '../trainers/validate.js';
import type { TrainedCheckpoint } from '../trainers/types.js';
import { neuronProducts, paramNorm } from './paramNorm.js';

/** One checkpoint of a square-loss run (docs/theory.md §11), recomputed from `(W(t), a(t))`. */
export interface SquareCheckpoint {
  readonly t: number;
  readonly W: Float64Array;
  /** a(t): the trainer's when the second layer is trained, else the problem's fixed a. */
  readonly a: Float64Array;
  /** `(1/n) Σ_i ½(f(x_i) − y_i)²`. */
  readonly loss: number;
  readonly logLoss: number;
  /** `Σ_j (a_j² + ‖w_j‖²)`. */
  readonly paramNorm: number;
  /** `|a_j|‖w_j‖`, length m. */
  readonly products: Float64Array;
}

/**
 * A trainer's square-loss run measured from its weights alone (docs/theory.md §11): the answer is checked
 * first (`checkTrainedCheckpoints`: a(t) is required when the second layer is trained), then the loss,
 * the parameter norm and the neuron products are recomputed in float64, so every trainer is judged by the
 * same arithmetic.
 * @throws TrainerError or NumericalError from the check of the answer
 */
export function measureSquareTrajectory(p: Problem, trainer: string, requested: readonly number[], trained: readonly TrainedCheckpoint[]): SquareCheckpoint[] {
  checkTrainedCheckpoints(trainer, p, requested, trained);
  return trained.map((c) => {
    const a = c.a ?? p.a;
    const { loss, logLoss } = squareLoss(outputsOf(p, c.W, a), p.y);
    return { t: c.t, W: c.W, a, loss, logLoss, paramNorm: paramNorm(c.W, a), products: neuronProducts(c.W, a, p.d) };
  });
}
