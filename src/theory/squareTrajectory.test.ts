import { describe, expect, it } from 'vitest';
import { TrainerError } from '../errors.js';
import { validateProblem } from '../problem/validate.js';
import { measureSquareTrajectory } from './squareTrajectory.js';

/* x₁ = e₁, x₂ = e₂, ReLU, m = 2 with a(0) = (1, −1); the checkpoint W = (e₁; e₂) gives ⟨w_j, x_i⟩ = δ_ij. */
const X = [[1, 0], [0, 1]];
const W = Float64Array.from([1, 0, 0, 1]);

function problem(trainSecondLayer: boolean) {
  return validateProblem({ X, y: [2, -1], gamma: 0, a: [1, -1], W0: X, loss: 'square', trainSecondLayer, lr: 0.1, steps: 5 });
}

describe('measureSquareTrajectory (docs/theory.md §11)', () => {
  it('uses the fixed a when the second layer is not trained', () => {
    // f = (1, −1) against y = (2, −1): L = (1/2)·½·1² = 1/4; Σ a_j² + ‖W‖² = 2 + 2; |a_j|‖w_j‖ = 1.
    const [c] = measureSquareTrajectory(problem(false), 'hand', [3], [{ t: 3, W }]);
    expect(c!.t).toBe(3);
    expect(c!.W).toBe(W);
    expect(Array.from(c!.a)).toEqual([1, -1]);
    expect(c!.loss).toBeCloseTo(0.25, 15);
    expect(c!.logLoss).toBeCloseTo(Math.log(0.25), 15);
    expect(c!.paramNorm).toBe(4);
    expect(Array.from(c!.products)).toEqual([1, 1]);
  });

  it('uses the trainer’s a(t) when the second layer is trained', () => {
    // a(t) = (2, −3): f = (2, −3) against y = (2, −1): L = (1/2)·½·2² = 1; 4 + 9 + 2 = 15; products (2, 3).
    const a = Float64Array.from([2, -3]);
    const out = measureSquareTrajectory(problem(true), 'hand', [0, 4], [{ t: 0, W, a: Float64Array.from([1, -1]) }, { t: 4, W, a }]);
    expect(out.map((c) => c.t)).toEqual([0, 4]);
    expect(out[1]!.a).toBe(a);
    expect(out[1]!.loss).toBeCloseTo(1, 15);
    expect(out[1]!.paramNorm).toBe(15);
    expect(Array.from(out[1]!.products)).toEqual([2, 3]);
  });

  it('refuses a trained run without a(t), naming the field', () => {
    expect(() => measureSquareTrajectory(problem(true), 'hand', [1], [{ t: 1, W }])).toThrow(TrainerError);
    expect(() => measureSquareTrajectory(problem(true), 'hand', [1], [{ t: 1, W }])).toThrow(/checkpoints\[0\]\.a/);
  });
});
