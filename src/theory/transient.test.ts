import { describe, expect, it } from 'vitest';
import { unitRoundoff } from '../numerics/roundoff.js';
import { symmetricEigenvalues } from './_internals/linalg.js';
import { balancedSecondLayer } from '../problem/init.js';
import { limitDirection, type LimitDirectionOk } from './limitDirection.js';
import { asymptoticRates } from './transient.js';
import type { NetworkData } from './types.js';

function network(X: number[][], y: number[], gamma: number, m = 4): NetworkData {
  const d = X[0]!.length;
  return { n: X.length, d, m, X: Float64Array.from(X.flat()), y: Float64Array.from(y), a: balancedSecondLayer(m), gamma };
}

function solved(data: NetworkData): LimitDirectionOk {
  const limit = limitDirection(data);
  if (limit.status !== 'ok') throw new Error(limit.reason);
  return limit;
}

describe('symmetricEigenvalues', () => {
  it('finds the eigenvalues of Q·diag(λ)·Qᵀ for a rotation Q, to a few ulps of ‖A‖', () => {
    const lambda = [-3, 1e-3, 2, 7.5];
    const th = 0.7, ph = 1.9;
    // Q = a product of two Givens rotations in the (0,1) and (2,3) planes and one in (1,2).
    const rot = (p: number, q: number, t: number): number[][] => {
      const R: number[][] = Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, k) => (i === k ? 1 : 0)));
      R[p]![p] = Math.cos(t); R[q]![q] = Math.cos(t); R[p]![q] = -Math.sin(t); R[q]![p] = Math.sin(t);
      return R;
    };
    const mul = (A: number[][], B: number[][]): number[][] => A.map((r) => B[0]!.map((_, k) => r.reduce((s, v, j) => s + v * B[j]![k]!, 0)));
    const Q = mul(mul(rot(0, 1, th), rot(2, 3, ph)), rot(1, 2, th + ph));
    const D = lambda.map((v, i) => lambda.map((_, k) => (i === k ? v : 0)));
    const A = mul(mul(Q, D), Q.map((_, i) => Q.map((r) => r[i]!)));
    const eig = symmetricEigenvalues(Float64Array.from(A.flat()), 4);
    lambda.forEach((v, k) => expect(Math.abs(eig[k]! - v)).toBeLessThan(64 * unitRoundoff * 8));
  });
});

describe('asymptoticRates', () => {
  it('is 1 on orthogonal data: every support transient decays like 1/t', () => {
    const data = network([[2, 0, 0], [0, -1, 0], [0, 0, 3]], [1, -1, 1], 0.5);
    const r = asymptoticRates(data, solved(data));
    expect(r.supportRate).toBeCloseTo(1, 12);
    expect(r.gap).toBe(Infinity);
    expect(r.rate).toBeCloseTo(1, 12);
  });

  it('is small for nearly collinear points (strong signal): ≈ the squared noise-to-signal ratio', () => {
    const eps = 1e-2;
    const data = network([[10, eps * 10], [10, -eps * 10]], [1, 1], 0.5);
    const r = asymptoticRates(data, solved(data));
    expect(r.slowest).toBe('support');
    expect(r.supportRate).toBeGreaterThan(0);
    expect(r.supportRate).toBeLessThan(4 * eps * eps);
  });

  it('reports the margin gap of a point off the support', () => {
    // x₂ = 2·x₁: under Ŵ its margin is 2, so its share of the gradient decays like t^{-1}.
    const data = network([[1, 0], [2, 0]], [1, 1], 0.5);
    const limit = solved(data);
    expect(limit.lambda[1]).toBe(0);
    const r = asymptoticRates(data, limit);
    expect(r.gap).toBeCloseTo(1, 12);
    expect(r.supportRate).toBeCloseTo(1, 12);
  });

  it('is e² for the symmetric pair x = (1, ±e) of one class, alone or beside an orthogonal point', () => {
    // One class makes c the same on every point, so K = s·XXᵀ: on the pair s·[[1 + e², 1 − e²], [1 − e², 1 + e²]]
    // with λ = K⁻¹1 = 1/(2s) each, and KΛ has the eigenvalues 1 and e². An orthogonal point adds the eigenvalue 1.
    const e = 0.5;
    for (const X of [
      [[1, e], [1, -e]],
      [[2, 0, 0], [0, 1, e], [0, 1, -e]],
      [[0, 1, e], [0, 1, -e], [2, 0, 0]],
    ]) {
      const data = network(X, X.map(() => 1), 0.5);
      const r = asymptoticRates(data, solved(data));
      expect(r.supportRate).toBeCloseTo(e * e, 12);
      expect(r.slowest).toBe('support');
    }
  });

  it('is set by the non-support point when its margin gap is the smaller', () => {
    // x₂ = 1.5·x₁: margin 1.5 under Ŵ, so gap 0.5 < supportRate 1.
    const data = network([[1, 0], [1.5, 0]], [1, 1], 0.5);
    const r = asymptoticRates(data, solved(data));
    expect(r.gap).toBeCloseTo(0.5, 12);
    expect(r.supportRate).toBeCloseTo(1, 12);
    expect(r.rate).toBeCloseTo(0.5, 12);
    expect(r.slowest).toBe('non-support');
  });
});
