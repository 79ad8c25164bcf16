import { describe, expect, it } from 'vitest';
import { validateProblem } from '../problem/validate.js';
import { clopperPearson } from './clopperPearson.js';
import { wellInitialised, wellInitialisedBound, wellInitialisedProbability } from './wellInitialised.js';
import { refusal } from '../_testing/refusal.js';

describe('well-initialisation (docs/theory.md §11)', () => {
  it('needs, for every point, a neuron of its sign active on it', () => {
    const base = { X: [[1, 0], [0, 1]], y: [1.5, -1.2], gamma: 0, m: 2, loss: 'square', lr: 0.1, steps: 1 };
    expect(wellInitialised(validateProblem({ ...base, W0: [[1, 0], [0, 1]], a: [1, -1] })).holds).toBe(true);
    expect(wellInitialised(validateProblem({ ...base, W0: [[1, 0], [0, 1]], a: [1, 1] }))).toEqual({ holds: false, uncovered: [1] });
    expect(wellInitialised(validateProblem({ ...base, W0: [[-1, 0], [0, 1]], a: [1, -1] }))).toEqual({ holds: false, uncovered: [0] });
  });

  it('the exact probability is above the union bound and matches sampling (Clopper–Pearson, α = 1e-6)', () => {
    for (const [m, np, nm] of [[4, 2, 2], [8, 5, 3], [12, 10, 6]] as const) {
      const exact = wellInitialisedProbability(m, np, nm);
      expect(exact).toBeGreaterThanOrEqual(wellInitialisedBound(np + nm, m));
      let k = 0;
      const N = 400;
      for (let s = 0; s < N; s++) {
        const n = np + nm;
        const p = validateProblem({
          X: Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, c) => (c === i ? 1.5 : 0))),
          y: Array.from({ length: n }, (_, i) => (i < np ? 1.3 : -1.3)),
          gamma: 0,
          m,
          loss: 'square',
          trainSecondLayer: true,
          init: { scale: 1e-3, seed: `wi:${m}:${s}` },
          lr: 0.1,
          steps: 1,
        });
        if (wellInitialised(p).holds) k++;
      }
      // False alarm ≤ 1e-6 per case: the exact interval covers the true probability with probability ≥ 1 − 1e-6.
      const ci = clopperPearson(k, N, 1e-6);
      expect(exact).toBeGreaterThanOrEqual(ci.lower);
      expect(exact).toBeLessThanOrEqual(ci.upper);
    }
  });

  it('skips a point with target 0: it needs no neuron', () => {
    const base = { X: [[1, 0], [0, 1]], gamma: 0, m: 2, loss: 'square', lr: 0.1, steps: 1, W0: [[1, 0], [0, 1]], a: [1, -1] };
    expect(wellInitialised(validateProblem({ ...base, y: [1.5, 0] }))).toEqual({ holds: true, uncovered: [] });
  });

  it('a neuron with ⟨w_j(0), x_i⟩ = 0 is not active on x_i', () => {
    const p = { X: [[1, 0], [0, 1]], y: [1, -1], gamma: 0, m: 2, loss: 'square', lr: 0.1, steps: 1, W0: [[0, 1], [1, 0]], a: [1, -1] };
    expect(wellInitialised(validateProblem(p))).toEqual({ holds: false, uncovered: [0, 1] });
  });

  it('the union bound 1 − n(3/4)^m at small n and m, where it may be negative', () => {
    expect(wellInitialisedBound(1, 1)).toBe(0.25);
    expect(wellInitialisedBound(2, 2)).toBe(-0.125); // 1 − 2·9/16
  });

  it('the exact probability with one neuron: 1/4 for one point of either sign, 1 for no points', () => {
    // The neuron has the point's sign with probability 1/2 and is active on it with probability 1/2.
    expect(wellInitialisedProbability(1, 1, 0)).toBe(0.25);
    expect(wellInitialisedProbability(1, 0, 1)).toBe(0.25);
    expect(wellInitialisedProbability(1, 0, 0)).toBe(1);
  });

  it('refuses point counts that are not non-negative integers, naming them', () => {
    expect(refusal(() => wellInitialisedProbability(3, -1, 0)).message).toBe('nPlus: expected a non-negative integer, got -1');
    expect(refusal(() => wellInitialisedProbability(3, 1.5, 0)).field).toBe('nPlus');
    expect(refusal(() => wellInitialisedProbability(3, 0, -2)).message).toBe('nMinus: expected a non-negative integer, got -2');
  });

  it('refuses n or m that is not a positive integer, naming it and the value', () => {
    const n = refusal(() => wellInitialisedBound(0, 3));
    expect(n.field).toBe('n');
    expect(n.message).toBe('n: expected a positive integer, got 0');
    expect(refusal(() => wellInitialisedBound(1.5, 3)).field).toBe('n');
    const m = refusal(() => wellInitialisedBound(3, 0));
    expect(m.field).toBe('m');
    expect(m.message).toBe('m: expected a positive integer, got 0');
    expect(refusal(() => wellInitialisedBound(3, 2.5)).field).toBe('m');
    const pm = refusal(() => wellInitialisedProbability(0, 1, 1));
    expect(pm.field).toBe('m');
    expect(pm.message).toBe('m: expected a positive integer, got 0');
    expect(refusal(() => wellInitialisedProbability(2.5, 1, 1)).field).toBe('m');
  });
});
