import type { ClaimContext, Fault } from '../claims/core/types.js';
import { checkCheckpointRequest } from '../trainers/validate.js';
import type { Trainer } from '../trainers/types.js';
import { trainWithDefect, type EngineDefect } from './faultyDescent.js';

/** A trainer that runs GD with one planted defect. */
export function defectiveTrainer(name: string, defect: EngineDefect): Trainer {
  return {
    name,
    train(problem, checkpoints) {
      checkCheckpointRequest(name, checkpoints);
      return Promise.resolve(trainWithDefect(problem, checkpoints, defect));
    },
  };
}

/** An engine fault: the context's trainer replaced by GD with the defect of size ε (shared by every paper's faults.ts). */
export function engineFault(
  id: string,
  description: string,
  defect: (epsilon: number) => EngineDefect,
  epsilon?: Fault['epsilon'],
): Fault {
  return {
    id,
    description,
    layer: 'engine',
    ...(epsilon ? { epsilon } : {}),
    inject: (ctx: ClaimContext, eps: number): ClaimContext => ({ ...ctx, trainer: defectiveTrainer(`fault:${id}${epsilon ? `@${eps}` : ''}`, defect(eps)) }),
  };
}

/**
 * The engine faults: each a GD implementation with one bug of the kinds real training code has
 * (docs/theory.md §8). Continuous ones take a relative size ε.
 */
export const engineFaults: readonly Fault[] = [
  engineFault(
    'backward-slope',
    'the backward pass uses φ′ = γ(1 + ε) on the negative side',
    (e) => ({ backwardSlope: (g) => ({ positive: 1, negative: g * (1 + e) }) }),
    { default: 0.01, min: 1e-4, max: 1 },
  ),
  engineFault('backward-relu', "ReLU's backward pass under a leaky forward pass (φ′ = 0 on the negative side)", () => ({
    backwardSlope: () => ({ positive: 1, negative: 0 }),
  })),
  engineFault('backward-identity', 'φ′ ≡ 1 in the backward pass (the activation treated as linear)', () => ({
    backwardSlope: () => ({ positive: 1, negative: 1 }),
  })),
  engineFault('summed-loss', 'the gradient of the summed loss Σ_i ℓ(q_i) instead of the mean (a step n times too large)', () => ({
    lossDerivativeScale: (n) => n,
  })),
  engineFault('loss-derivative-sign', "ℓ′ with the wrong sign (ℓ′(u) = e^{−u} for the exp loss): gradient ascent", () => ({
    lossDerivativeScale: () => -1,
  })),
  engineFault('frozen-loss-derivative', 'ℓ′ computed once at the margins of W(0) and reused at every step (the per-point weights never updated)', () => ({
    frozenLossDerivative: true,
  })),
  engineFault('step-size', 'a step of α(1 + ε) in place of α', (e) => ({ stepScale: 1 + e }), { default: 0.02, min: 1e-4, max: 4 }),
  engineFault('float32-weights', 'W rounded to float32 after every step', () => ({ float32Weights: true })),
  engineFault('stale-forward', 'the update at step t uses the pre-activations and margins of W(t − 1)', () => ({ staleForward: true })),
  engineFault('extra-step', 'one step too many: W(t + 1) reported as W(t)', () => ({ extraStep: true })),
  engineFault('backward-sign-flip', "the first neuron's second-layer sign flipped in the backward pass", () => ({ flipBackwardSign: [0] })),
];
