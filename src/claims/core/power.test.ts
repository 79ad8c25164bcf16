import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Trainer } from '../../trainers/types.js';
import { referenceTheory } from './context.js';
import { defineClaim } from './define.js';
import { POWER_BISECTION_STEPS, powerRow } from './power.js';
import { streamSeed } from './seeds.js';
import type { ClaimContext, Fault } from './types.js';
import { TOY_INFO } from './_testing/toy.js';

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
    ...TOY_INFO,
    expected,
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

describe('powerRow: streams, thresholds and the bisection', () => {
  const ints = fc.integer({ min: 0, max: 99 });
  /** Scenarios each context's trainer saw, by trainer name. */
  const seen = new Map<string, number[]>();
  const record = (name: string, x: number) => seen.set(name, [...(seen.get(name) ?? []), x]);

  /**
   * A true toy claim whose hypotheses hold on multiples of 8 (13 in 100) and which refutes a run when
   * `refutes(eps, k)` says so, k counting the evaluations under that ε (for exact refutation fractions).
   */
  function toyClaim(refutes: (eps: number, k: number) => boolean, designated: { fault: string; why: string }[] = [{ fault: 'toy:eps', why: 'toy' }]) {
    const counts = new Map<number, number>();
    return defineClaim('toy', {
      ...TOY_INFO,
      scenario: ints,
      designated,
      controls: [],
      run: (x, ctx) => {
        record(ctx.trainer.name, x);
        return Promise.resolve({ x, eps: epsOf(ctx.trainer.name) });
      },
      applies: (x) => ({ applies: x % 8 === 0, reason: 'sparse' }),
      check: (x, r) => {
        const k = counts.get(r.eps) ?? 0;
        counts.set(r.eps, k + 1);
        const refuted = x % 8 !== 0 || refutes(r.eps, k);
        return { verdict: refuted ? 'refuted' : 'holds', slack: refuted ? -1 : 1, detail: `x = ${x}`, measured: {} };
      },
      facts: (x) => ({ seed: x, n: 1, d: 1, m: 1, hypotheses: {} }),
    });
  }
  const options = { runs: 20, globalSeed: 4, tier: 'quick' as const, context, bisect: true };
  /** A continuous fault that no claim designates. */
  const other: Fault = { ...continuous, id: 'toy:other', inject: (ctx, eps) => ({ ...ctx, trainer: trainer(`oth:${eps}`) }) };

  it('draws the baseline and each designated fault from their own power streams, past 100 draws when sparse', async () => {
    seen.clear();
    const row = await powerRow(toyClaim((eps) => eps >= 0.1), [continuous, discrete], { ...options, bisect: false });
    const sample = (seed: number) => fc.sample(ints, { seed, numRuns: 20 * 11 });
    const upTo20Applicable = (xs: number[]) => xs.slice(0, xs.findIndex((_, i) => xs.slice(0, i + 1).filter((x) => x % 8 === 0).length === 20) + 1);
    const base = upTo20Applicable(sample(streamSeed(4, 'power', 'TOY')));
    expect(base.length).toBeGreaterThan(100);
    expect(seen.get('ref')).toEqual(base);
    expect(seen.get('eps:0.5')).toEqual(upTo20Applicable(sample(streamSeed(4, 'power', 'TOY', 'toy:eps'))));
    // A fault the claim does not designate runs on the baseline's scenarios, at its own default ε.
    expect(seen.get('flag')).toEqual(base);
    // The inapplicable draws are never checked: checking them would refute every one.
    expect(row.baseline).toMatchObject({ runs: 20, refuted: 0 });
    expect(row.faults['toy:flag']).toMatchObject({ runs: 20, refuted: 20, epsilon: null });
  });

  it('has no rate when no scenario applies', async () => {
    const never = defineClaim('toy', {
      ...toySpecNeverApplies(),
    });
    const row = await powerRow(never, [continuous], options);
    expect(row.baseline).toMatchObject({ runs: 0, refuted: 0, rate: null, rateLower95: null });
    expect(row.faults['toy:eps']).toMatchObject({ runs: 0, rate: null, rateLower95: null, minEpsilon: null });
  });

  it('detects an ε when exactly half of the probe refutes it, and not below half', async () => {
    const half = await powerRow(toyClaim((eps, k) => eps >= 0.1 && k % 2 === 0), [continuous], options);
    expect(half.faults['toy:eps']!.minEpsilon).not.toBeNull();
    const quarter = await powerRow(toyClaim((eps, k) => eps >= 0.1 && k % 4 === 0), [continuous], options);
    expect(quarter.faults['toy:eps']!.minEpsilon).toBeNull();
  });

  it('returns the range minimum when even it is detected, else a point of the 2^-steps grid in log ε', async () => {
    const always = await powerRow(toyClaim((eps) => eps > 0), [continuous], options);
    expect(always.faults['toy:eps']!.minEpsilon).toBe(continuous.epsilon!.min);
    const { min, max } = continuous.epsilon!;
    const at = await powerRow(toyClaim((eps) => eps >= 0.05), [continuous], options);
    const eps = at.faults['toy:eps']!.minEpsilon!;
    const grid = (Math.log(eps / min) / Math.log(max / min)) * 2 ** POWER_BISECTION_STEPS;
    expect(Math.abs(grid - Math.round(grid))).toBeLessThan(1e-9);
    expect(eps).toBeGreaterThanOrEqual(0.05);
    expect(eps * (max / min) ** -(2 ** -POWER_BISECTION_STEPS)).toBeLessThan(0.05);
  });

  it('bisects designated continuous faults only', async () => {
    const row = await powerRow(toyClaim((eps) => eps >= 0.1), [continuous, other], options);
    expect(row.faults['toy:eps']!.minEpsilon).toBeDefined();
    expect(row.faults['toy:other']!.minEpsilon).toBeUndefined();
    expect(row.faults['toy:other']!.epsilon).toBe(other.epsilon!.default);
  });
});

/** A true toy claim none of whose scenarios meets its hypotheses. */
function toySpecNeverApplies() {
  return {
    id: 'TOY',
    source: 'test',
    tag: 'derived' as const,
    expected: 'holds' as const,
    statement: 'toy',
    method: 'toy',
    parameters: {},
    scenario: fc.integer({ min: 0, max: 99 }),
    designated: [{ fault: 'toy:eps', why: 'toy' }],
    controls: [],
    run: (x: number) => Promise.resolve(x),
    applies: () => ({ applies: false, reason: 'never' }),
    check: (x: number) => ({ verdict: 'refuted' as const, slack: -1, detail: `x = ${x}`, measured: {} }),
    facts: (x: number) => ({ seed: x, n: 1, d: 1, m: 1, hypotheses: {} }),
  };
}
