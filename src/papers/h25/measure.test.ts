import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceContext } from '../../claims/core/context.js';
import { CASE1, CASE2 } from './spaces.js';
import { asymptoticApplicability, MIN_TRANSIENT_RATE } from './measure.js';
import { scenarioArb } from './scenario.js';
import { h25Run } from './run.js';

describe('asymptoticApplicability', () => {
  // Only the problem and Ŵ matter, so a few steps of training suffice here.
  const sample = (space: typeof CASE1, seed: number) => fc.sample(scenarioArb({ ...space, steps: 5 }), { seed, numRuns: 1 })[0]!;

  it('admits near-orthogonal data (Case 2), whose transients decay about like 1/t', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const a = asymptoticApplicability(await h25Run(sample(CASE2, seed), referenceContext()));
      expect(a.applies, a.reason).toBe(true);
    }
  });

  it('refuses strong-signal Case 1 data, naming the rate, since their transients outlast any affordable T', async () => {
    let refused = 0;
    for (let seed = 1; seed <= 5; seed++) {
      const a = asymptoticApplicability(await h25Run(sample(CASE1, seed), referenceContext()));
      if (!a.applies) {
        refused++;
        expect(a.reason).toMatch(new RegExp(`< t\\^-${MIN_TRANSIENT_RATE}`));
      }
    }
    expect(refused).toBeGreaterThanOrEqual(4);
  });
});
