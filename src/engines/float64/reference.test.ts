import { describe, expect, it } from 'vitest';
import { InputError, NumericalError } from '../../errors.js';
import { unitRoundoff } from '../../numerics/roundoff.js';
import type { Problem } from '../../problem/types.js';
import { refusal, thrown } from '../../_testing/refusal.js';
import { gradientOf, lossOf, margins, outputsOf, preactivations, squareGradientOf, stepFrom } from './reference.js';
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

/** One point per row of X, one neuron, a linear φ (γ = 1) and a = 1, so each margin is y_i ⟨w, x_i⟩. */
function linearProblem(X: number[], d: number, W: number[], overrides: Partial<Problem> = {}): Problem {
  const n = X.length / d;
  return {
    n,
    d,
    m: 1,
    X: Float64Array.from(X),
    y: new Float64Array(n).fill(1),
    a: Float64Array.from([1]),
    W0: Float64Array.from(W),
    gamma: 1,
    loss: 'exp',
    lr: 0.1,
    steps: 1,
    ...overrides,
  };
}

describe('reference refusals and overflow reports', () => {
  it('state the expected length m·d and the length given when W has the wrong shape', () => {
    const p: Problem = { ...kinkProblem(0.5), d: 3, X: new Float64Array(6), W0: new Float64Array(6) };
    const e = refusal(() => preactivations(p, new Float64Array(4)));
    expect(e.field).toBe('W');
    expect(e.message).toBe('W: expected a Float64Array of length m·d = 6, got 4');
  });

  it('report the first margin that overflows, with its index and value', () => {
    // q_0 = 1e200 is finite; q_1 = 1e200·1e200 overflows to +Infinity.
    const p = linearProblem([1, 1e200], 1, [1e200]);
    const e = thrown(() => margins(p, p.W0));
    expect(e).toBeInstanceOf(NumericalError);
    expect((e as NumericalError).quantity).toBe('margins');
    expect((e as NumericalError).message).toBe('margins: q[1] = Infinity is not finite');
  });

  it('report the first gradient entry that overflows by its (row, column) and value', () => {
    // q = −700, so ℓ′(q) = −e^{700} ≈ −1.0e304: entry (0, 0) = ℓ′·1 is finite, entry (0, 1) = ℓ′·1e300 is −Infinity.
    const p = linearProblem([1, 1e300], 2, [-700, 0]);
    const e = thrown(() => gradientOf(p, p.W0));
    expect(e).toBeInstanceOf(NumericalError);
    expect((e as NumericalError).quantity).toBe('gradient');
    expect((e as NumericalError).message).toBe('gradient: entry (0, 1) = -Infinity is not finite');
  });

  it('report the first entry of a step that overflows although the gradient is finite', () => {
    // W = 0 gives q = 0, ℓ′(0) = −1 and ∇L = (0, −4); W − α∇L = (0, 4α) overflows for α = 1e308.
    const p = linearProblem([0, 4], 2, [0, 0], { lr: 1e308 });
    expect(Array.from(gradientOf(p, p.W0))).toEqual([0, -4]);
    const e = thrown(() => stepFrom(p, p.W0));
    expect(e).toBeInstanceOf(NumericalError);
    expect((e as NumericalError).quantity).toBe('W');
    expect((e as NumericalError).message).toBe('W: entry 1 of the step is not finite');
  });
});

describe('outputsOf and squareGradientOf (docs/theory.md §1, §11)', () => {
  it('refuse a second layer that is not a Float64Array of length m, naming a and m', () => {
    const p = kinkProblem(0.5);
    for (const a of [new Float64Array(1), new Float64Array(3), [1, 2] as unknown as Float64Array]) {
      const e = refusal(() => outputsOf(p, p.W0, a));
      expect(e.field).toBe('a');
      expect(e.message).toBe('a: expected a Float64Array of length m = 2');
    }
  });

  it('throw NumericalError when a residual overflows', () => {
    // f = −1e308 against the target y = 1e308: r = −2e308 overflows.
    const p = linearProblem([1], 1, [-1e308], { loss: 'square', y: Float64Array.from([1e308]) });
    const e = thrown(() => squareGradientOf(p, p.W0, p.a));
    expect(e).toBeInstanceOf(NumericalError);
    expect((e as NumericalError).quantity).toBe('gradient');
    expect((e as NumericalError).message).toBe('gradient: a square-loss gradient entry is not finite');
  });
});
