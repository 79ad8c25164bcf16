import { describe, expect, it } from 'vitest';
import { unitRoundoff } from '../../numerics/roundoff.js';
import type { Problem } from '../../problem/types.js';
import { DualEngine } from './dual.js';
import { PrimalEngine } from './primal.js';
import { DUAL_NORM_REL_TOL } from './tolerances.js';

/** Higham's γ_k = k·u / (1 − k·u). */
const higham = (k: number): number => (k * unitRoundoff) / (1 - k * unitRoundoff);

/**
 * n = 2 samples x = (2, 1), d = 1, m = 1, linear φ, a = 1, W0 = 1, square loss, lr = 1, targets (1 + ε, 1).
 * The outputs are (2, 1), so only the first sample moves W: A = (−(1 − ε)/2, 0) and W(1) = 1 + 2A_1 = ε,
 * the cancellation W0 + A X ≈ 0 the formula for ‖W‖² cannot resolve when ε is small.
 */
function cancelling(eps: number): Problem {
  return {
    n: 2,
    d: 1,
    m: 1,
    X: Float64Array.of(2, 1),
    y: Float64Array.of(1 + eps, 1),
    a: Float64Array.of(1),
    W0: Float64Array.of(1),
    gamma: 1,
    loss: 'square',
    lr: 1,
    steps: 1,
  };
}

describe('DualEngine.normW: the formula or the materialised W (docs/theory.md §1)', () => {
  // The a-priori bound is E = γ_N (‖w(0)‖ + |A_1| ‖x_1‖)² = γ_N (2 − ε)² against DUAL_NORM_REL_TOL·ε²,
  // with the documented rounding count N = 2(n + d) + m + ⌈n / n⌉ + 4 = 12 (one length block for n = 2).
  // E = DUAL_NORM_REL_TOL·ε² at ε* = 2 / (1 + √(DUAL_NORM_REL_TOL / γ_12)) ≈ 7.3e-4.
  const epsStar = 2 / (1 + Math.sqrt(DUAL_NORM_REL_TOL / higham(12)));

  it('materialises W when the bound exceeds the tolerance, just below the cancellation threshold', () => {
    // ε = 0.96 ε*: E / (tol·ε²) ≈ 1.09.
    const eps = 0.96 * epsStar;
    const engine = new DualEngine(cancelling(eps));
    engine.step();
    const norm = engine.normW();
    expect(engine.materialisations).toBe(1);
    expect(Math.abs(norm - eps) / eps).toBeLessThan(1e-9);
  });

  it('takes the formula without materialising when the bound is within the tolerance, just above the threshold', () => {
    // ε = 1.04 ε*: E / (tol·ε²) ≈ 0.93.
    const eps = 1.04 * epsStar;
    const engine = new DualEngine(cancelling(eps));
    engine.step();
    const norm = engine.normW();
    expect(engine.materialisations).toBe(0);
    expect(Math.abs(norm - eps) / eps).toBeLessThan(1e-9);
  });

  it('materialises W once per update however often it is read, and then takes its norm directly', () => {
    // Rows (1, 0) and (3·2^-28, 3·2^-28): ‖W‖² = 1 + 18·2^-56, whose square root rounds to 1 + 2^-52. The
    // row-by-row sum (1) + (18·2^-56) rounds to 1 + 2^-52, whose square root rounds to 1; the plain sum
    // over the entries rounds up to 1 + 2^-51, whose square root rounds to 1 + 2^-52.
    const c = 3 * 2 ** -28;
    const p: Problem = {
      n: 1,
      d: 2,
      m: 2,
      X: Float64Array.of(1, 0),
      y: Float64Array.of(1),
      a: Float64Array.of(0.5, 0.5),
      W0: Float64Array.of(1, 0, c, c),
      gamma: 0.5,
      loss: 'exp',
      lr: 0.5,
      steps: 1,
    };
    const engine = new DualEngine(p);
    engine.weights();
    engine.weights();
    expect(engine.materialisations).toBe(1);
    expect(engine.normW()).toBe(1 + 2 ** -52);
    expect(engine.materialisations).toBe(1);
  });

  it('is finite when the formula overflows though W does not', () => {
    // x = 15·2^508, W0 = 2^511, a = 2^-500: f = a·W0·x = 15·2^519 and, with y = f + 2^523 and lr = 2^-26,
    // A = lr·(y − f)·a / n = 2^-3. W(1) = 2^511 + 2^-3·15·2^508 = 79·2^505, but Z0 + Z(1) = 2145·2^1013
    // is beyond the float64 range, so the formula's cross term overflows.
    const f = 15 * 2 ** 519;
    const p: Problem = {
      n: 1,
      d: 1,
      m: 1,
      X: Float64Array.of(15 * 2 ** 508),
      y: Float64Array.of(f + 2 ** 523),
      a: Float64Array.of(2 ** -500),
      W0: Float64Array.of(2 ** 511),
      gamma: 1,
      loss: 'square',
      lr: 2 ** -26,
      steps: 1,
    };
    const engine = new DualEngine(p);
    expect(Array.from(engine.outputs())).toEqual([f]);
    engine.step();
    expect(engine.normW()).toBe(79 * 2 ** 505);
    expect(engine.materialisations).toBe(1);
  });

  it('agrees with the primal form on a W whose squares underflow', () => {
    // ‖W(0)‖ = 2^-600, whose square 2^-1200 is below the smallest double.
    const p: Problem = {
      n: 1,
      d: 1,
      m: 1,
      X: Float64Array.of(1),
      y: Float64Array.of(1),
      a: Float64Array.of(1),
      W0: Float64Array.of(2 ** -600),
      gamma: 0.5,
      loss: 'exp',
      lr: 0.5,
      steps: 1,
    };
    expect(new DualEngine(p).normW()).toBe(2 ** -600);
    expect(new PrimalEngine(p).normW()).toBe(2 ** -600);
  });

  it('agrees with the primal form when the Gram matrix underflows', () => {
    // x = 2^-565: K = x² = 2^-1130 underflows to 0. q(0) = 2^-565, so ℓ'(q) = −e^{−q} rounds to −1 and
    // A = lr = 2^995; W(1) = 1 + 2^995·2^-565 rounds to 2^430, while the formula, reading K = 0, misses A²K.
    const p: Problem = {
      n: 1,
      d: 1,
      m: 1,
      X: Float64Array.of(2 ** -565),
      y: Float64Array.of(1),
      a: Float64Array.of(1),
      W0: Float64Array.of(1),
      gamma: 1,
      loss: 'exp',
      lr: 2 ** 995,
      steps: 1,
    };
    for (const engine of [new DualEngine(p), new PrimalEngine(p)]) {
      engine.step();
      expect(engine.normW()).toBe(2 ** 430);
    }
  });
});
