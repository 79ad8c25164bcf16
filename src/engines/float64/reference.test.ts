import { describe, expect, it } from 'vitest';
import { InputError, NumericalError } from '../../errors.js';
import { unitRoundoff } from '../../numerics/roundoff.js';
import type { Problem } from '../../problem/types.js';
import { gradientOf, lossOf, margins, preactivations, stepFrom } from './reference.js';
import { testProblem } from './_testing/support.js';

/**
 * Central difference `(L(W + hE) − L(W − hE)) / 2h` along one coordinate E: truncation error
 * `h²·M₃/6` and rounding error `ε_L/h`, where `ε_L ≈ (n + m + d)·u·L` is the error of one evaluation
 * of L (sums of that length) and `M₃ ≈ L·max|a_j x_ik|³ ≤ L·8` bounds the third derivative for the
 * test data (|a_j| ≤ 1/√2, |x_ik| ≤ 3). Balancing the two: `h = (3·ε_L/M₃)^{1/3}`, total error about
 * `1.5·(ε_L²·M₃)^{1/3}` ≈ 1e-10·L for (n + m + d) ≈ 20.
 */
const FD_TERMS = 20;
const FD_THIRD_DERIVATIVE_PER_L = 8;
const FD_STEP = Math.cbrt((3 * FD_TERMS * unitRoundoff) / FD_THIRD_DERIVATIVE_PER_L);
/** 1e-7 relative to `max|∇L|` (≈ L here): 1000× the central-difference error model above. */
const FD_REL_TOL = 1e-7;

describe('gradientOf', () => {
  it.each([
    ['exp', 0.3],
    ['logistic', 0.3],
    ['exp', 0],
    ['logistic', 1],
  ] as const)('equals a central finite difference of lossOf (%s loss, γ = %s)', (loss, gamma) => {
    const p = testProblem({ n: 5, d: 4, m: 3, gamma, loss, lr: 0.1, seed: `fd-${loss}-${gamma}`, initScale: 1 });
    const W = p.W0;
    // Away from kinks: no pre-activation is within 10 h·max|x_ik| of 0, so W ± hE stays in one piece.
    const Z = preactivations(p, W);
    const xMax = p.X.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
    for (const z of Z) expect(Math.abs(z)).toBeGreaterThan(10 * FD_STEP * xMax);
    const G = gradientOf(p, W);
    const gMax = G.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
    for (let k = 0; k < W.length; k++) {
      const plus = Float64Array.from(W);
      const minus = Float64Array.from(W);
      plus[k] += FD_STEP;
      minus[k] -= FD_STEP;
      const fd = (lossOf(p, plus) - lossOf(p, minus)) / (plus[k] - minus[k]);
      expect(Math.abs(fd - G[k])).toBeLessThanOrEqual(FD_REL_TOL * gMax);
    }
  });
});

/** Two orthonormal points, each orthogonal to one row of W0, so two pre-activations are exactly 0. */
function kinkProblem(gamma: number): Problem {
  return {
    n: 2,
    d: 2,
    m: 2,
    X: Float64Array.from([1, 0, 0, 1]),
    y: Float64Array.from([1, -1]),
    a: Float64Array.from([Math.SQRT1_2, -Math.SQRT1_2]),
    W0: Float64Array.from([0, 1, 1, 0]),
    gamma,
    loss: 'exp',
    lr: 0.1,
    steps: 1,
  };
}

describe('φ′(0) = γ (docs/theory.md §1)', () => {
  it('uses γ at a pre-activation exactly 0', () => {
    const gamma = 0.3;
    const p = kinkProblem(gamma);
    expect(Array.from(preactivations(p, p.W0))).toEqual([0, 1, 1, 0]);
    // Both margins are −1/√2, so ℓ'(q_i) = −e^{1/√2}; ∇_{w_0} L = ½ ℓ' a_0 (γ x_0 − x_1) (docs/theory.md §1).
    const lPrime = -Math.exp(Math.SQRT1_2);
    const G = gradientOf(p, p.W0);
    const expected = [0.5 * lPrime * Math.SQRT1_2 * gamma, -0.5 * lPrime * Math.SQRT1_2];
    expect(G[0]).toBeCloseTo(expected[0], 15);
    expect(G[1]).toBeCloseTo(expected[1], 15);
    // With φ'(0) = 1 instead, G[0] would be 1/γ times larger.
    expect(Math.abs(G[0] - expected[0] / gamma)).toBeGreaterThan(0.1);
  });
});

describe('reference helpers', () => {
  it('refuse W of the wrong shape, naming W', () => {
    const p = kinkProblem(0.5);
    expect(() => margins(p, new Float64Array(3))).toThrow(InputError);
    try {
      stepFrom(p, new Float64Array(5));
    } catch (e) {
      expect((e as InputError).field).toBe('W');
    }
  });

  it('throw NumericalError instead of returning a non-finite step', () => {
    // One point, linear φ, margin −1000: ℓ'(−1000) = −e^{1000} overflows.
    const p: Problem = { ...kinkProblem(1), n: 1, d: 1, m: 1, X: Float64Array.from([1]), y: Float64Array.from([1]), a: Float64Array.from([1]), W0: Float64Array.from([-1000]) };
    expect(margins(p, p.W0)[0]).toBe(-1000);
    expect(() => stepFrom(p, p.W0)).toThrow(NumericalError);
  });

  it('leave W untouched', () => {
    const p = testProblem({ n: 4, d: 3, m: 2, gamma: 0.2, loss: 'logistic', lr: 0.5, seed: 'untouched' });
    const before = Float64Array.from(p.W0);
    const next = stepFrom(p, p.W0);
    expect(p.W0).toEqual(before);
    expect(next).not.toEqual(before);
  });
});
