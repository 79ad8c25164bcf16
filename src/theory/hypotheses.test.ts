import { describe, expect, it } from 'vitest';
import type { Problem } from '../problem/types.js';
import { assumption61a, case1, case2, h25Hypotheses, initCondition, stepSizeCondition } from './hypotheses.js';

function problem(X: number[][], y: number[], extra: Partial<Problem> = {}): Problem {
  const n = X.length;
  const d = X[0].length;
  return {
    n,
    d,
    m: 2,
    X: Float64Array.from(X.flat()),
    y: Float64Array.from(y),
    a: Float64Array.of(Math.SQRT1_2, -Math.SQRT1_2),
    W0: new Float64Array(2 * d),
    gamma: 0.5,
    loss: 'exp',
    lr: 0.1,
    steps: 10,
    ...extra,
  };
}

describe('H25 hypotheses (docs/theory.md §4)', () => {
  it('Case 1: min ⟨y_i x_i, y_k x_k⟩ and its sign', () => {
    const p = problem([[1, 0.2], [-1, 0.1]], [1, -1]);
    const r = case1(p);
    expect(r.minCorrelation).toBeCloseTo(1 - 0.02, 15);
    expect(r.holds).toBe(true);
    const q = case1(problem([[1, 0.2], [1, 0.1]], [1, -1]));
    expect(q.holds).toBe(false);
    expect(q.argmin).toEqual({ i: 0, k: 1 });
    expect(case1(problem([[3]], [1])).holds).toBe(true);
  });

  it('Case 2: the ratio γ min‖x‖²/(n max|⟨x_i, x_k⟩|) against C', () => {
    const p = problem([[2, 0.1], [0.1, 3]], [1, -1]); // γ·4.01 / (2·0.5) = 2.005
    const r = case2(p, 1.5);
    expect(r.ratio).toBeCloseTo(2.005, 14);
    expect(r.holds).toBe(true);
    expect(case2(p, 2.5).holds).toBe(false);
    const one = case2(problem([[1, 1]], [1]));
    expect(one.holds).toBe(true);
    expect(one.note).toMatch(/vacuously/);
    const orth = case2(problem([[1, 0], [0, 1]], [1, 1]));
    expect(orth.ratio).toBe(Infinity);
    expect(case2(problem([[1, 0], [0, 1]], [1, 1], { gamma: 0 })).ratio).toBeNull();
  });

  it('step size: α‖X‖_op²/n against c', () => {
    const r = stepSizeCondition(problem([[3, 0], [0, 1]], [1, -1]), 0.1); // 0.1·9/2
    expect(r.measured).toBeCloseTo(0.45, 9);
    expect(r.holds).toBe(true);
    expect(stepSizeCondition(problem([[3, 0], [0, 1]], [1, -1]), 0.1, 0.4).holds).toBe(false);
  });

  it('init: max‖w_j(0)‖ / (α γ min‖x‖/(n m))', () => {
    const p = problem([[3, 4], [0, 1]], [1, -1], { W0: Float64Array.of(0.001, 0, 0, 0.002) });
    const r = initCondition(p, p.W0, p.lr); // bound = 0.1·0.5·1/4 = 0.0125
    expect(r.bound).toBeCloseTo(0.0125, 15);
    expect(r.ratio).toBeCloseTo(0.16, 14);
    expect(r.holds).toBe(true);
    const relu = initCondition({ ...p, gamma: 0 }, p.W0, p.lr);
    expect(relu.holds).toBe(false);
    expect(relu.ratio).toBe(Infinity);
  });

  it('Assumption 6.1a: d / max(n‖μ‖², n²)', () => {
    const r = assumption61a(4, 100, new Float64Array(100).fill(0.5)); // ‖μ‖² = 25 → max(100, 16)
    expect(r.ratio).toBeCloseTo(1, 15);
    expect(r.holds).toBe(true);
    expect(assumption61a(4, 100, new Float64Array(100).fill(0.5), 2).holds).toBe(false);
  });

  it('bundles all of them for a problem', () => {
    const p = problem([[1, 0], [0, 1]], [1, -1], { mu: Float64Array.of(1, 0) });
    const all = h25Hypotheses(p);
    expect(all.assumption61a).not.toBeNull();
    expect(h25Hypotheses(problem([[1, 0]], [1])).assumption61a).toBeNull();
  });
});
