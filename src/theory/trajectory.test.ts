import { describe, expect, it } from 'vitest';
import type { Problem } from '../problem/types.js';
import { measureTrajectory } from './trajectory.js';

/**
 * n = 3 points in d = 2, m = 2 neurons with a = (1, −1), γ = 0.5 (φ(z) = z for z ≥ 0, z/2 below).
 * With W = [(2, −1), (−1, 3)]: x₁ = (1, 0) → z = (2, −1), f = 2 − (−0.5) = 2.5, q₁ = 2.5;
 * x₂ = (0, 1) → z = (−1, 3), f = −0.5 − 3 = −3.5, q₂ = 3.5 (y₂ = −1);
 * x₃ = (1, 1) → z = (1, 2), f = 1 − 2 = −1, q₃ = 1 (y₃ = −1). Margins scale with W (φ is 1-homogeneous).
 */
const p: Problem = {
  n: 3,
  d: 2,
  m: 2,
  X: Float64Array.of(1, 0, 0, 1, 1, 1),
  y: Float64Array.of(1, -1, -1),
  a: Float64Array.of(1, -1),
  W0: new Float64Array(4),
  gamma: 0.5,
  loss: 'exp',
  lr: 0.1,
  steps: 100,
};
const W = Float64Array.of(2, -1, -1, 3);
const scaled = (s: number) => W.map((v) => v * s);
const MARGINS = [2.5, 3.5, 1];

/** The mean exponential loss of margins q, summed directly. */
const meanExp = (q: readonly number[]) => q.reduce((s, v) => s + Math.exp(-v), 0) / q.length;

function expectRelative(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

describe('measureTrajectory', () => {
  it('recomputes loss, margins and ‖W‖ from W at every checkpoint', () => {
    const tr = measureTrajectory(p, 'toy', [
      { t: 0, W: new Float64Array(4) },
      { t: 10, W: scaled(0.5), loss: 123 },
      { t: 100, W },
    ]);
    expect(tr.trainer).toBe('toy');
    expect(tr.steps).toBe(100);
    expect(tr.W).toBe(W);
    expect(tr.checkpoints.map((c) => c.t)).toEqual([0, 10, 100]);

    const [zero, half, last] = tr.checkpoints;
    // W = 0: every margin 0, the loss is e⁰ = 1.
    expect(zero!.loss).toBe(1);
    expect(zero!.logLoss).toBe(0);
    // (A margin y·0 may be −0: compared with ===, not Object.is.)
    expect([zero!.minMargin, zero!.maxMargin, zero!.normW].every((v) => v === 0)).toBe(true);

    for (const [c, s] of [[half!, 0.5], [last!, 1]] as const) {
      const q = MARGINS.map((v) => v * s);
      expectRelative(c.loss, meanExp(q), 1e-15);
      expectRelative(c.logLoss, Math.log(meanExp(q)), 1e-15);
      expect(c.minMargin).toBe(Math.min(...q));
      expect(c.maxMargin).toBe(Math.max(...q));
      expectRelative(c.normW, s * Math.sqrt(15), 1e-15);
    }
    // The trainer's own loss is passed through, never used: the recomputed one stands.
    expect(half!.trainerLoss).toBe(123);
    expect('trainerLoss' in last!).toBe(false);
  });

  it('keeps logLoss finite when the loss underflows to 0', () => {
    // Margins 1000, 2500, 3500: every e^{−q} is below the smallest double.
    const c = measureTrajectory(p, 'toy', [{ t: 100, W: scaled(1000) }]).checkpoints[0]!;
    expect(c.loss).toBe(0);
    expect(Number.isFinite(c.logLoss)).toBe(true);
    // log((e^{−1000} + e^{−2500} + e^{−3500}) / 3) = −1000 − ln 3 to far below the float64 resolution.
    expectRelative(c.logLoss, -1000 - Math.log(3), 1e-15);
    expect([c.minMargin, c.maxMargin]).toEqual([1000, 3500]);
  });

  it('handles a negative margin (a misclassified point)', () => {
    const wrong = { ...p, y: Float64Array.of(1, -1, 1) }; // q₃ = −1
    const c = measureTrajectory(wrong, 'toy', [{ t: 5, W }]).checkpoints[0]!;
    expectRelative(c.loss, meanExp([2.5, 3.5, -1]), 1e-15);
    expect(c.minMargin).toBe(-1);
  });
});
