import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioProblem } from '../h25/scenario.js';
import { margins } from '../../theory/margins.js';
import { referenceContext } from '../../claims/core/context.js';
import { lSmooth, smoothArb, SMOOTH_STEPS } from './claims/lSmooth.js';
import { wrongWayInit } from './wrongWayInit.js';

describe('wrongWayInit', () => {
  it('adds a part whose margins are all negative, the largest |q_i| equal to the margin asked', () => {
    for (const s of fc.sample(smoothArb([0.1, 0.5], SMOOTH_STEPS), { seed: 3, numRuns: 10 })) {
      const p = scenarioProblem(s);
      const added = wrongWayInit({ ...p, W0: new Float64Array(p.W0.length) }, 2);
      const q = margins(added, added.W0, 'exp').q;
      expect(Math.max(...q)).toBeLessThan(0);
      expect(Math.min(...q)).toBeCloseTo(-2, 12);
      const full = wrongWayInit(p, 2).W0;
      full.forEach((v, t) => expect(v - p.W0[t]!).toBeCloseTo(added.W0[t]!, 12));
    }
  });
});

describe('L-SMOOTH control', () => {
  it('is outside the hypotheses: a wrong-way scenario never applies', async () => {
    const [trial] = fc.sample(lSmooth.controls[0]!.trials, { seed: 1, numRuns: 1 });
    const e = await trial!.evaluate(referenceContext(), true);
    expect(e.applies).toBe(false);
    expect(e.verdict.detail).toMatch(/before LL20's start/);
  });
});
