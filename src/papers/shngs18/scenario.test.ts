import { describe, expect, it } from 'vitest';
import { degenerateSupport, limitDirection } from '../../theory/index.js';
import { linearDataset, linearProblem } from './scenario.js';

const base = { data: { kind: 'gaussian' as const, n: 4, d: 9, muNorm: 1, seed: 3 }, loss: 'exp' as const, lrFactor: 0.3, steps: 100 };

describe('the degenerate linear data of docs/theory.md §10.2', () => {
  it('the added point lies on the margin of ŵ, off the span of the others, and the exact dual gives it λ = 0', () => {
    for (const label of [1, -1] as const) {
      const p = linearProblem({ ...base, marginPoint: { offset: 1.5, label } })!;
      expect(p.n).toBe(5);
      const limit = limitDirection(p);
      if (limit.status !== 'ok') throw new Error(limit.reason);
      expect(limit.margins[4]).toBeCloseTo(1, 12);
      expect(limit.lambda[4]).toBe(0);
      expect(degenerateSupport(limit)).toMatchObject({ degenerate: true, zeroDualActive: [4] });
      const plain = limitDirection(linearProblem(base)!);
      if (plain.status !== 'ok') throw new Error(plain.reason);
      expect(limit.normF).toBeCloseTo(plain.normF, 12);
      expect(plain.nonDegenerate).toBe(true);
    }
  });

  it('is the linear model (γ = 1, m = 1, a = 1) and has no margin point when d ≤ n', () => {
    const p = linearProblem(base)!;
    expect([p.gamma, p.m, p.a[0]]).toEqual([1, 1, 1]);
    expect(linearDataset({ ...base, data: { ...base.data, d: 4 }, marginPoint: { offset: 1, label: 1 } })).toBeNull();
  });

  it('same scenario, same bits', () => {
    const s = { ...base, marginPoint: { offset: 2, label: 1 as const } };
    expect(linearProblem(s)!.X).toEqual(linearProblem(s)!.X);
  });
});
