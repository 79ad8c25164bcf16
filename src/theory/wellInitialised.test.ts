import { describe, expect, it } from 'vitest';
import { validateProblem } from '../problem/validate.js';
import { clopperPearson } from './clopperPearson.js';
import { wellInitialised, wellInitialisedBound, wellInitialisedProbability } from './wellInitialised.js';

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
});
