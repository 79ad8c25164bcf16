import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceContext } from '../../../claims/core/context.js';
import type { ClaimContext } from '../../../claims/core/types.js';
import { sLinear } from './sLinear.js';

describe('S-LINEAR (docs/theory.md §10.3)', () => {
  it('reads ŵ’s direction off W: a wrong `direction`, which no check compares, cannot widen the slope tolerance', { timeout: 60_000 }, async () => {
    const ctx = referenceContext();
    const scrambled: ClaimContext = {
      ...ctx,
      theory: {
        ...ctx.theory,
        limitDirection(p) {
          const limit = ctx.theory.limitDirection(p);
          if (limit.status !== 'ok') return limit;
          const alternating = limit.direction.map((_, k) => (k % 2 === 0 ? 1 : -1) / Math.sqrt(limit.direction.length));
          return { ...limit, direction: alternating };
        },
      },
    };
    for (const trial of fc.sample(sLinear.trials('quick'), { seed: 1, numRuns: 40 })) {
      const clean = await trial.evaluate(ctx, true);
      if (!clean.applies) continue;
      const faulty = await trial.evaluate(scrambled, true);
      expect(faulty.verdict.slack).toBe(clean.verdict.slack);
      expect(faulty.verdict.measured['slopeBound']).toBe(clean.verdict.measured['slopeBound']);
      return;
    }
    throw new Error('no applicable scenario in 40 draws');
  });
});
