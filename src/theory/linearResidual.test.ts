import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { asymptoticRates } from './transient.js';
import { limitDirection, linearSvmDirection } from './limitDirection.js';
import { degenerateSupport, driftFreeTransientRate, linearResidual, marginResidualGrowth, residualGrowth, residualOffset } from './linearResidual.js';
import { DUAL_POSITIVE_TOL, type MarginDualOk } from './marginDual.js';
import { refusal } from '../_testing/refusal.js';

const data = (X: number[][], y: number[]) => ({ n: X.length, d: X[0]!.length, X: Float64Array.from(X.flat()), y: Float64Array.from(y) });

function solved(X: number[][], y: number[]): MarginDualOk {
  const s = linearSvmDirection(data(X, y));
  if (s.status !== 'ok') throw new Error(s.reason);
  return s;
}

describe('linear-case residual (docs/theory.md §10.1–§10.2)', () => {
  it('ρ(t) = w(t) − ŵ log t, and w(t) = ŵ log t + c has a constant residual: no movement in norm or margins', () => {
    const X = [[1, 0], [0, 1]];
    const wHat = Float64Array.of(1, 1);
    const c = Float64Array.of(0.3, -0.2);
    const w = (t: number) => wHat.map((v, k) => v * Math.log(t) + c[k]!);
    expect([...linearResidual(w(100), wHat, 100)].map((v) => +v.toFixed(12))).toEqual([0.3, -0.2]);
    expect(residualGrowth(w(10), 10, w(1e5), 1e5, wHat)).toBeLessThan(1e-14);
    expect(marginResidualGrowth(data(X, [1, 1]), wHat, w(10), 10, w(1e5), 1e5).growth).toBeLessThan(1e-14);
  });

  it('the margin movement is max_i |⟨x_i, Δρ⟩| and names its point', () => {
    const X = [[1, 0], [0, 2]];
    const wHat = Float64Array.of(1, 0.5);
    const g = marginResidualGrowth(data(X, [1, -1]), wHat, Float64Array.of(0, 0), 1, Float64Array.of(0.1, 0.3), 1);
    expect(g.growth).toBeCloseTo(0.6, 14);
    expect(g.argmax).toBe(1);
  });

  it("SHNGS18's offset: orthogonal unit points have λ = 1 and ⟨x_i, w̃⟩ = log(α/n)", () => {
    const X = [[1, 0], [0, 1]];
    const svm = solved(X, [1, 1]);
    const lr = 0.4;
    const off = Math.log(lr / 2);
    const t = 1000;
    const w = svm.w.map((v) => v * Math.log(t) + off);
    const r = residualOffset(data(X, [1, 1]), svm, svm.w, w, t, lr);
    expect(r.support).toEqual([0, 1]);
    expect(r.maxDeviation).toBeLessThan(1e-12);
    expect(r.predicted[0]).toBeCloseTo(off, 12);
  });

  it('a point on the margin with a zero dual is degenerate; without it the data are not', () => {
    // x₂ = (1, 1) lies on the margin of ŵ = (1, 0) = x₁, and λ = K⁻¹1 = (1, 0).
    const deg = degenerateSupport(solved([[1, 0], [1, 1]], [1, 1]));
    expect(deg.degenerate).toBe(true);
    expect(deg.zeroDualActive).toEqual([1]);
    const ok = degenerateSupport(solved([[1, 0], [0, 1]], [1, 1]));
    expect(ok.degenerate).toBe(false);
    expect(ok.zeroDualActive).toEqual([]);
  });

  it('the transient rate leaves out a zero-dual margin point (it drifts, it does not decay)', () => {
    const p = { ...data([[1, 0], [1, 1]], [1, 1]), m: 1, a: Float64Array.of(1), gamma: 1 };
    const limit = limitDirection(p);
    if (limit.status !== 'ok') throw new Error(limit.reason);
    expect(asymptoticRates(p, limit).rate).toBeLessThan(1e-12);
    expect(driftFreeTransientRate(p, limit)).toBeCloseTo(1, 12); // λ₁K₁₁ = 1
  });

  it('bad input is an InputError naming the field', () => {
    const w = Float64Array.of(1, 1);
    expect(() => linearResidual(w, w, 0.5)).toThrow(InputError);
    expect(() => linearResidual(w, w, 0.5)).toThrow(/t/);
    expect(() => residualGrowth(w, 10, w, 5, w)).toThrow(/t2/);
    expect(() => residualGrowth(w, 1, w, 2, Float64Array.of(0, 0))).toThrow(/wHat/);
    expect(() => linearResidual(Float64Array.of(1), w, 2)).toThrow(/w/);
  });

  it('the residual movement is in units of ‖ŵ‖, and t₂ = t₁ is allowed', () => {
    // t₁ = t₂ = 1: Δρ = w₂ − w₁ = (0, 10), and ‖ŵ‖ = ‖(3, 4)‖ = 5.
    const wHat = Float64Array.of(3, 4);
    expect(residualGrowth(Float64Array.of(0, 0), 1, Float64Array.of(0, 10), 1, wHat)).toBe(2);
    expect(residualGrowth(Float64Array.of(1, 2), 5, Float64Array.of(1, 2), 5, wHat)).toBe(0);
  });

  it('the margin movement names the point that moved most, wherever it is in the list', () => {
    // Δρ = (0.3, 0.1): |⟨x_0, Δρ⟩| = 0.6, |⟨x_1, Δρ⟩| = 0.1.
    const d2 = data([[2, 0], [0, 1]], [1, -1]);
    const wHat = Float64Array.of(0.5, 1);
    const all = marginResidualGrowth(d2, wHat, Float64Array.of(0, 0), 1, Float64Array.of(0.3, 0.1), 1);
    expect(all.growth).toBeCloseTo(0.6, 15);
    expect(all.argmax).toBe(0);
    const some = marginResidualGrowth(d2, wHat, Float64Array.of(0, 0), 1, Float64Array.of(0.3, 0.1), 1, [1]);
    expect(some.growth).toBeCloseTo(0.1, 15);
    expect(some.argmax).toBe(1);
  });

  it("SHNGS18's offset divides α by n λ_i: points of norm 2 have λ = 1/4", () => {
    // ŵ = (1/2, 1/2), λ = (1/4, 1/4), so ⟨x_i, w̃⟩ = log(α/(n λ_i)) = log(2α).
    const X = [[2, 0], [0, 2]];
    const svm = solved(X, [1, 1]);
    expect([...svm.lambda]).toEqual([0.25, 0.25]);
    const lr = 0.4;
    const t = 1000;
    const offset = Math.log(2 * lr) / 2;
    // Point 0's coordinate of ρ is off by 0.05, so its margin ⟨x_0, ρ⟩ is off by 0.1.
    const w = Float64Array.of(0.5 * Math.log(t) + offset + 0.05, 0.5 * Math.log(t) + offset);
    const r = residualOffset(data(X, [1, 1]), svm, svm.w, w, t, lr);
    expect(r.predicted[0]).toBeCloseTo(Math.log(0.8), 14);
    expect(r.predicted[1]).toBeCloseTo(Math.log(0.8), 14);
    expect(r.measured[1]).toBeCloseTo(Math.log(0.8), 12);
    expect(r.maxDeviation).toBeCloseTo(0.1, 12);
  });

  it('a dual at or below DUAL_POSITIVE_TOL·max λ counts as zero, relative to max λ', () => {
    const duals = (small: number) => ({
      lambda: Float64Array.of(4, small),
      support: [0, 1],
      active: [0, 1],
      nonDegenerate: false,
      minActiveDual: small / 4,
    });
    expect(degenerateSupport(duals(4 * DUAL_POSITIVE_TOL)).zeroDualActive).toEqual([1]);
    expect(degenerateSupport(duals(2 * DUAL_POSITIVE_TOL)).zeroDualActive).toEqual([1]);
    expect(degenerateSupport(duals(8 * DUAL_POSITIVE_TOL)).zeroDualActive).toEqual([]);
  });

  it('the transient rate counts the margin gap of a point off the margin', () => {
    // x₂ = (5/8, 5/8) has margin 5/4 at ŵ = (1, 1): gap 1/4, below the support rate 1 of the unit points.
    const p = { ...data([[1, 0], [0, 1], [0.625, 0.625]], [1, 1, 1]), m: 1, a: Float64Array.of(1), gamma: 1 };
    const limit = limitDirection(p);
    if (limit.status !== 'ok') throw new Error(limit.reason);
    expect(limit.active).toEqual([0, 1]);
    expect(driftFreeTransientRate(p, limit)).toBeCloseTo(0.25, 12);
  });

  it('names wHat, t and t2 precisely, with the offending value', () => {
    const w = Float64Array.of(1, 1);
    expect(refusal(() => linearResidual(w, Float64Array.of(1, NaN), 2)).field).toBe('wHat[1]');
    expect(refusal(() => linearResidual(w, w, NaN)).field).toBe('t');
    expect(refusal(() => linearResidual(w, w, Infinity)).field).toBe('t');
    const early = refusal(() => linearResidual(w, w, 0.5));
    expect(early.field).toBe('t');
    expect(early.message).toBe('t: expected a step count ≥ 1, got 0.5');
    expect(refusal(() => residualGrowth(w, 1, w, NaN, w)).field).toBe('t2');
    const back = refusal(() => residualGrowth(w, 10, w, 5, w));
    expect(back.field).toBe('t2');
    expect(back.message).toBe('t2: expected t2 ≥ t1 = 10, got 5');
    expect(refusal(() => residualGrowth(w, 1, w, 2, Float64Array.of(0, 0))).field).toBe('wHat');
    expect(refusal(() => residualGrowth(w, 1, w, 2, Float64Array.of(0, 0))).message).toBe('wHat: expected a non-zero max-margin vector');
  });

  it('the margin movement refuses t₂ < t₁ and point indices outside [0, n)', () => {
    const d2 = data([[1, 0], [0, 1]], [1, 1]);
    const w = Float64Array.of(1, 1);
    expect(refusal(() => marginResidualGrowth(d2, w, w, 1, w, NaN)).field).toBe('t2');
    const back = refusal(() => marginResidualGrowth(d2, w, w, 10, w, 5));
    expect(back.field).toBe('t2');
    expect(back.message).toBe('t2: expected t2 ≥ t1 = 10, got 5');
    const out = refusal(() => marginResidualGrowth(d2, w, w, 1, w, 2, [0, 2]));
    expect(out.field).toBe('points');
    expect(out.message).toBe('points: expected indices in [0, 2), got 2');
    expect(refusal(() => marginResidualGrowth(d2, w, w, 1, w, 2, [-1])).field).toBe('points');
    expect(refusal(() => marginResidualGrowth(d2, w, w, 1, w, 2, [0.5])).field).toBe('points');
    expect(marginResidualGrowth(d2, w, w, 1, w, 2, [1]).argmax).toBe(1);
  });

  it('names a point it was asked about even when nothing moved, and none when asked about no point', () => {
    const d2 = data([[1, 0], [0, 1]], [1, 1]);
    const w = Float64Array.of(1, 1);
    expect(marginResidualGrowth(d2, w, w, 1, w, 1, [1])).toEqual({ growth: 0, argmax: 1 });
    expect(marginResidualGrowth(d2, w, w, 1, w, 1, [])).toEqual({ growth: 0, argmax: -1 });
    // Both points move by the same |⟨x_i, Δρ⟩| = 1: the first one read is named.
    const moved = Float64Array.of(2, 2);
    expect(marginResidualGrowth(d2, w, w, 1, moved, 1, [1, 0])).toEqual({ growth: 1, argmax: 1 });
  });

  it("SHNGS18's offset refuses a step size that is ≤ 0, ∞ or NaN, naming lr", () => {
    const X = [[1, 0], [0, 1]];
    const svm = solved(X, [1, 1]);
    const e = refusal(() => residualOffset(data(X, [1, 1]), svm, svm.w, svm.w, 2, 0));
    expect(e.field).toBe('lr');
    expect(e.message).toBe('lr: expected a positive step size, got 0');
    for (const lr of [-0.1, Infinity, NaN]) expect(refusal(() => residualOffset(data(X, [1, 1]), svm, svm.w, svm.w, 2, lr)).field).toBe('lr');
  });
});
