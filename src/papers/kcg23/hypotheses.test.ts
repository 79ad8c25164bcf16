import { describe, expect, it } from 'vitest';
import type { Problem } from '../../problem/types.js';
import { referenceContext } from '../../claims/core/context.js';
import { kcg23Faults } from './faults.js';
import { kcgHypotheses, NEAR_ORTHOGONAL_C } from './hypotheses.js';

/** Three orthogonal points in d = 3 (C = ∞), m = 2 with a = (1, −1)/√2, a hand-picked W(0). */
function problem(W0: number[], gamma = 0): Problem {
  return {
    n: 3,
    d: 3,
    m: 2,
    X: Float64Array.of(1, 0, 0, 0, 2, 0, 0, 0, 1),
    y: Float64Array.of(1, 1, -1),
    a: Float64Array.of(Math.SQRT1_2, -Math.SQRT1_2),
    W0: Float64Array.from(W0),
    gamma,
    loss: 'logistic',
    lr: 0.1,
    steps: 10,
  };
}

describe('kcgHypotheses', () => {
  it('orthogonal points are nearly orthogonal for every C', () => {
    const h = kcgHypotheses(problem([1e-9, 1e-9, 0, 0, 0, 1e-9]));
    expect(h.orthogonalityC).toBe(Infinity);
    expect(h.nearlyOrthogonal).toBe(true);
    expect(NEAR_ORTHOGONAL_C).toBe(1);
  });

  it('a point no neuron of its sign activates at init is not served (ReLU)', () => {
    // Neuron 1 (a > 0) is active on x₁ only, neuron 2 (a < 0) on x₃: x₂ (y = +1) has no neuron of its sign.
    expect(kcgHypotheses(problem([1e-9, 0, 0, 0, 0, 1e-9])).everyPointServed).toBe(false);
    expect(kcgHypotheses(problem([1e-9, 1e-9, 0, 0, 0, 1e-9])).everyPointServed).toBe(true);
  });

  it('init is small only below the H25 bound α·γ′·min‖x‖/(nm)', () => {
    // Bound with γ′ = 0.01: 0.1·0.01·1/(3·2) ≈ 1.67e-4.
    expect(kcgHypotheses(problem([1e-5, 0, 0, 0, 0, 1e-5])).smallInit).toBe(true);
    expect(kcgHypotheses(problem([1e-3, 0, 0, 0, 0, 1e-3])).smallInit).toBe(false);
  });
});

describe('row-norm-rank', () => {
  it('gives a block of k equal rows the value k, where the true stable rank is 1', () => {
    const fault = kcg23Faults.find((f) => f.id === 'row-norm-rank')!;
    const theory = fault.inject(referenceContext(), 0).theory;
    const W = Float64Array.of(1, 2, 1, 2, 1, 2, -3, 0);
    const a = Float64Array.of(1, 1, 1, -1);
    const blocks = theory.blockStableRanks(W, a, 2);
    expect(blocks.positive.status === 'ok' && blocks.positive.value).toBeCloseTo(3, 12);
    const ref = referenceContext().theory.blockStableRanks(W, a, 2);
    expect(ref.positive.status === 'ok' && ref.positive.value).toBeCloseTo(1, 9);
  });
});
