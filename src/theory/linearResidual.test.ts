import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { asymptoticRates } from './transient.js';
import { limitDirection, linearSvmDirection } from './limitDirection.js';
import { degenerateSupport, driftFreeTransientRate, linearResidual, marginResidualGrowth, residualGrowth, residualOffset } from './linearResidual.js';
import type { MarginDualOk } from './marginDual.js';

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
});
