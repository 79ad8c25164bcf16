import { describe, expect, it } from 'vitest';
import { NumericalError } from '../errors.js';
import type { Problem } from '../problem/types.js';
import { assumption61a, case1, case2, h25Hypotheses, initCondition, stepSizeCondition } from './hypotheses.js';
import { refusal } from '../_testing/refusal.js';

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

  it('Case 1 holds when the smallest correlation is exactly 0', () => {
    const r = case1(problem([[1, 0], [0, 1]], [1, 1]));
    expect(r.minCorrelation).toBe(0);
    expect(r.holds).toBe(true);
  });

  it('Cases 1 and 2 refuse data whose inner products overflow, naming X and the pair', () => {
    // ⟨x_0, x_1⟩ = 1e400 − 2e400: ∞ − ∞ would be NaN, and a NaN never decides a case.
    const big = problem([[1e200, 1e200], [1e200, -2e200]], [1, 1]);
    for (const check of [() => case1(big), () => case2(big)]) {
      let caught: unknown;
      try {
        check();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(NumericalError);
      expect((caught as NumericalError).quantity).toBe('X');
      expect((caught as NumericalError).message).toMatch(/⟨x_0, x_0⟩ overflows float64/);
    }
  });

  it('Case 2 holds with equality, and the ratio is then C', () => {
    // min‖x‖² = 1, max|⟨x_0, x_1⟩| = 1, n = 2: γ·1 ≥ C·2·1 is an equality at γ = 1, C = 1/2.
    const p = problem([[1, 0], [1, 1]], [1, 1], { gamma: 1 });
    const r = case2(p, 0.5);
    expect(r.holds).toBe(true);
    expect(r.ratio).toBe(0.5);
    expect(r.minSquaredNorm).toBe(1);
    expect(r.maxCrossCorrelation).toBe(1);
    expect(case2(p, 0.5000001).holds).toBe(false);
  });

  it('Case 2 with n = 1: ratio +∞ for a positive numerator, null when γ = 0 (0 ≥ 0 still holds)', () => {
    const leaky = case2(problem([[3, 4]], [1]));
    expect(leaky.ratio).toBe(Infinity);
    expect(leaky.maxCrossCorrelation).toBe(0);
    const relu = case2(problem([[3, 4]], [1], { gamma: 0 }));
    expect(relu.ratio).toBeNull();
    expect(relu.holds).toBe(true);
    expect(relu.note).toMatch(/vacuously/);
  });

  it('Case 2 on orthogonal data says why its ratio is special', () => {
    const orth = case2(problem([[1, 0], [0, 2]], [1, -1]));
    expect(orth.holds).toBe(true);
    expect(orth.note).toMatch(/orthogonal/);
    const zero = case2(problem([[1, 0], [0, 2]], [1, -1], { gamma: 0 }));
    expect(zero.holds).toBe(true);
    expect(zero.note).toMatch(/both sides are 0/);
  });

  it('Case 2 accepts γ = 0 and γ = 1 and refuses a slope outside [0, 1], naming gamma', () => {
    const X = [[1, 0], [0, 1]];
    expect(() => case2(problem(X, [1, 1], { gamma: 1 }))).not.toThrow();
    const e = refusal(() => case2(problem(X, [1, 1], { gamma: 2 })));
    expect(e.field).toBe('gamma');
    expect(e.message).toBe('gamma: expected a slope in [0, 1], got 2');
    expect(refusal(() => case2(problem(X, [1, 1], { gamma: -0.5 }))).field).toBe('gamma');
    expect(refusal(() => case2(problem(X, [1, 1], { gamma: NaN }))).field).toBe('gamma');
  });

  it('Case 2 refuses C ≤ 0, ∞ or NaN, naming C', () => {
    const p = problem([[1, 0], [0, 1]], [1, 1]);
    const e = refusal(() => case2(p, 0));
    expect(e.field).toBe('C');
    expect(e.message).toBe('C: expected a positive finite constant, got 0');
    for (const C of [-1, Infinity, NaN]) expect(refusal(() => case2(p, C)).field).toBe('C');
  });

  it('the step-size form holds with equality (α‖X‖_op²/n = c)', () => {
    const p = problem([[3, 0], [0, 1]], [1, -1]);
    const r = stepSizeCondition(p, 0.1);
    expect(stepSizeCondition(p, 0.1, r.measured).holds).toBe(true);
    expect(r.opNorm).toBe(r.top.sigma);
  });

  it('the step-size form refuses α or c that is ≤ 0, ∞ or NaN, naming it', () => {
    const p = problem([[3, 0], [0, 1]], [1, -1]);
    const lr = refusal(() => stepSizeCondition(p, 0));
    expect(lr.field).toBe('lr');
    expect(lr.message).toBe('lr: expected a positive step size, got 0');
    for (const v of [-0.1, Infinity, NaN]) expect(refusal(() => stepSizeCondition(p, v)).field).toBe('lr');
    const c = refusal(() => stepSizeCondition(p, 0.1, 0));
    expect(c.field).toBe('c');
    expect(c.message).toBe('c: expected a positive finite constant, got 0');
    for (const v of [-1, Infinity, NaN]) expect(refusal(() => stepSizeCondition(p, 0.1, v)).field).toBe('c');
  });

  it('the init form is strict: max‖w_j(0)‖ equal to the bound fails', () => {
    // min‖x_k‖ = ‖(0, 2)‖ = 2, so the bound is κ α γ·2/(n m) = 1·0.5·0.5·2/4 = 0.125.
    const p = problem([[3, 4], [0, 2]], [1, -1], { lr: 0.5, gamma: 0.5 });
    const at = initCondition(p, Float64Array.of(0.125, 0, 0, 0.1), p.lr);
    expect(at.bound).toBe(0.125);
    expect(at.maxRowNorm).toBe(0.125);
    expect(at.ratio).toBe(1);
    expect(at.holds).toBe(false);
    const below = initCondition(p, Float64Array.of(0.1, 0, 0, 0.025), p.lr, 2); // κ = 2: bound 0.25
    expect(below.bound).toBe(0.25);
    expect(below.ratio).toBeCloseTo(0.4, 15);
    expect(below.holds).toBe(true);
  });

  it('the init form with a zero bound: +∞ for W0 ≠ 0, null for W0 = 0, and never holds', () => {
    const p = problem([[3, 4], [0, 2]], [1, -1], { gamma: 0 });
    const some = initCondition(p, Float64Array.of(0.001, 0, 0, 0), p.lr);
    expect(some.ratio).toBe(Infinity);
    expect(some.note).toMatch(/bound is 0/);
    const none = initCondition(p, new Float64Array(4), p.lr);
    expect(none.bound).toBe(0);
    expect(none.holds).toBe(false);
    expect(none.ratio).toBeNull();
    expect(none.note).toMatch(/W0 = 0/);
    const zeroPoint = initCondition(problem([[3, 4], [0, 0]], [1, -1]), new Float64Array(4), 0.1);
    expect(zeroPoint.ratio).toBeNull();
  });

  it('the init form names W0, lr or factor when that one is bad', () => {
    const p = problem([[3, 4], [0, 2]], [1, -1]);
    expect(refusal(() => initCondition(p, new Float64Array(3), p.lr)).field).toBe('W0');
    const lr = refusal(() => initCondition(p, p.W0, 0));
    expect(lr.field).toBe('lr');
    expect(lr.message).toBe('lr: expected a positive step size, got 0');
    for (const v of [-0.1, Infinity, NaN]) expect(refusal(() => initCondition(p, p.W0, v)).field).toBe('lr');
    const f = refusal(() => initCondition(p, p.W0, p.lr, 0));
    expect(f.field).toBe('factor');
    expect(f.message).toBe('factor: expected a positive finite factor, got 0');
    for (const v of [-1, Infinity, NaN]) expect(refusal(() => initCondition(p, p.W0, p.lr, v)).field).toBe('factor');
  });

  it('Assumption 6.1a is set by n² when n‖μ‖² is smaller', () => {
    // μ = 0: d / max(0, n²) = 32/16 = 2, which meets C = 2 with equality.
    const r = assumption61a(4, 32, new Float64Array(32), 2);
    expect(r.ratio).toBe(2);
    expect(r.muSquaredNorm).toBe(0);
    expect(r.holds).toBe(true);
  });

  it('Assumption 6.1a names n, d, mu or C when that one is bad', () => {
    const mu = new Float64Array(4);
    expect(refusal(() => assumption61a(0, 4, mu)).field).toBe('n');
    expect(refusal(() => assumption61a(2, 0, mu)).field).toBe('d');
    expect(refusal(() => assumption61a(2, 4, new Float64Array(3))).field).toBe('mu');
    expect(refusal(() => assumption61a(2, 4, mu, NaN)).field).toBe('C');
    const zero = refusal(() => assumption61a(2, 4, mu, 0));
    expect(zero.field).toBe('C');
    expect(zero.message).toBe('C: expected a positive constant, got 0');
    expect(refusal(() => assumption61a(2, 4, mu, -1)).field).toBe('C');
  });

  it('passes each given constant on to its hypothesis', () => {
    const p = problem([[1, 0], [0, 1]], [1, -1], { mu: Float64Array.of(1, 0) });
    const all = h25Hypotheses(p, { case2C: 3, stepSizeC: 0.25, initFactor: 2, assumption61aC: 5 });
    expect(all.case2.C).toBe(3);
    expect(all.stepSize.c).toBe(0.25);
    expect(all.init.factor).toBe(2);
    expect(all.assumption61a?.C).toBe(5);
  });
});
