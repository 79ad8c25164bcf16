import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from './types.js';
import { NEGATIVE_CONTROL_MIN_RUNS, verifyClaim } from './verify.js';

/**
 * A toy claim on integers 0..99: it applies when `applies(x)`, holds when `holds(x)`. The runner's
 * bookkeeping is checked on it, with no training in the way.
 */
function toy(expected: 'holds' | 'refuted', applies: (x: number) => boolean, holds: (x: number) => boolean, control: (x: number) => boolean): Claim<number, number> {
  return {
    id: 'TOY',
    source: 'test',
    tag: 'derived',
    expected,
    statement: 'toy',
    method: 'toy',
    parameters: {},
    scenario: fc.integer({ min: 0, max: 99 }),
    negativeControl: { description: 'toy control', scenario: fc.integer({ min: 0, max: 99 }).map((x) => x + 1000) },
    run: (x) => x,
    applies: (x) => ({ applies: x >= 1000 || applies(x), reason: 'toy' }),
    check: (x) => {
      const ok = x >= 1000 ? control(x - 1000) : holds(x);
      return { verdict: ok ? 'holds' : 'refuted', slack: ok ? 1 : -1, detail: String(x), measured: {} };
    },
  };
}

describe('verifyClaim', () => {
  it('counts only applicable runs: inapplicable draws are redrawn', () => {
    const r = verifyClaim(toy('holds', (x) => x % 2 === 0, () => true, () => false) as never, 5, 1);
    expect(r.verdict).toBe('holds');
    expect(r.applicableRuns).toBe(5);
    expect(r.runs).toBeGreaterThanOrEqual(5);
  });

  it("says 'inapplicable' when no draw meets the hypotheses, without spinning forever", () => {
    const r = verifyClaim(toy('holds', () => false, () => true, () => false) as never, 3, 1);
    expect(r.verdict).toBe('inapplicable');
    expect(r.ok).toBe(false);
  });

  it('searches a known-false claim beyond one run, and shrinks the counterexample', () => {
    // Refuted on 10% of scenarios: one draw would miss it nine times in ten.
    const r = verifyClaim(toy('refuted', () => true, (x) => x % 10 !== 7, () => true) as never, 1, 3);
    expect(NEGATIVE_CONTROL_MIN_RUNS).toBeGreaterThanOrEqual(20);
    expect(r.verdict).toBe('refuted');
    expect((r.counterexample?.scenario as number) % 10).toBe(7);
  });

  it('reports a control that never fires, and one that fires late in its search', () => {
    const never = verifyClaim(toy('holds', () => true, () => true, () => true) as never, 1, 1);
    expect(never.negativeControl.refuted).toBe(false);
    const late = verifyClaim(toy('holds', () => true, () => true, (x) => x % 10 !== 3) as never, 1, 1);
    expect(late.negativeControl.refuted).toBe(true);
  });
});
