import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Trainer } from '../../trainers/types.js';
import { referenceTheory } from './context.js';
import { defineClaim } from './define.js';
import { POWER_BISECTION_STEPS, powerRow } from './power.js';
import type { ClaimContext, Fault } from './types.js';

/** A toy trainer whose name carries the injected ε, so a toy check can read the defect's size. */
const trainer = (name: string): Trainer => ({ name, train: () => Promise.resolve([]) });
const context: ClaimContext = { trainer: trainer('ref'), theory: referenceTheory };

const continuous: Fault = {
  id: 'toy:eps',
  description: 'a defect of size ε',
  layer: 'engine',
  epsilon: { default: 0.5, min: 0.001, max: 1 },
  inject: (ctx, eps) => ({ ...ctx, trainer: trainer(`eps:${eps}`) }),
};
const discrete: Fault = { id: 'toy:flag', description: 'a discrete defect', layer: 'theory', inject: (ctx) => ({ ...ctx, trainer: trainer('flag') }) };

/** ε of the run's trainer (0 for the reference, 1 for the discrete fault). */
const epsOf = (name: string): number => (name === 'ref' ? 0 : name === 'flag' ? 1 : Number(name.slice(4)));

/** True toy claim on 0..99: refuted when the defect is at least 0.1, or, with `falseAlarms`, on x = 7. */
function claim(expected: 'holds' | 'refuted' = 'holds') {
  return defineClaim('toy', {
    id: 'TOY',
    source: 'test',
    tag: 'derived',
    expected,
    statement: 'toy',
    method: 'toy',
    parameters: {},
    scenario: fc.integer({ min: 0, max: 99 }),
    designated: expected === 'holds' ? [{ fault: 'toy:eps', why: 'toy' }] : [],
    controls: expected === 'refuted' ? [{ description: 'toy', target: 'holds', scenario: fc.constant(1) }] : [],
    run: (x, ctx) => Promise.resolve({ x, eps: epsOf(ctx.trainer.name) }),
    applies: (x) => ({ applies: x % 10 !== 3, reason: 'toy: x ≢ 3 (mod 10)' }),
    check: (x, r) => {
      const refuted = r.eps >= 0.1 || (expected === 'refuted' && x % 2 === 0);
      return { verdict: refuted ? 'refuted' : 'holds', slack: refuted ? -1 : 1, detail: `x = ${x}`, measured: {} };
    },
    facts: (x) => ({ seed: x, n: 1, d: 1, m: 1, hypotheses: {} }),
  });
}

describe('powerRow', () => {
  const options = { runs: 20, globalSeed: 4, tier: 'quick' as const, context, bisect: true };

  it('counts refutations on applicable scenarios only, per fault, with a baseline of false alarms', async () => {
    const row = await powerRow(claim(), [continuous, discrete], options);
    expect(row.designated).toEqual(['toy:eps']);
    expect(row.baseline).toMatchObject({ runs: 20, refuted: 0, rate: 0, epsilon: null });
    expect(row.faults['toy:eps']).toMatchObject({ runs: 20, refuted: 20, rate: 1, epsilon: 0.5 });
    expect(row.faults['toy:flag']).toMatchObject({ runs: 20, refuted: 20, rate: 1, epsilon: null });
    expect(row.faults['toy:flag']!.minEpsilon).toBeUndefined();
    // 20 of 20: the one-sided 95% lower limit is 0.05^(1/20).
    expect(row.faults['toy:eps']!.rateLower95).toBeCloseTo(0.05 ** (1 / 20), 10);
  });

  it('bisects log ε for the smallest detected defect of a designated continuous fault', async () => {
    const row = await powerRow(claim(), [continuous], options);
    const eps = row.faults['toy:eps']!.minEpsilon!;
    // The toy detects ε ≥ 0.1: bisection brackets it within a factor (max/min)^(2^-steps).
    expect(eps).toBeGreaterThanOrEqual(0.1);
    expect(eps).toBeLessThanOrEqual(0.1 * 1000 ** (2 ** -POWER_BISECTION_STEPS));
    const none = await powerRow(claim(), [continuous], { ...options, bisect: false });
    expect(none.faults['toy:eps']!.minEpsilon).toBeUndefined();
  });

  it("a known-false claim's row is its refutation rate, without faults", async () => {
    const row = await powerRow(claim('refuted'), [continuous], options);
    expect(row.faults).toEqual({});
    expect(row.baseline.refuted).toBeGreaterThan(0);
    expect(row.baseline.refuted).toBeLessThan(20);
  });
});
