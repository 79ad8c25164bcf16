import { describe, expect, it } from 'vitest';
import { referenceContext } from '../../claims/core/context.js';
import { smoothedMarginFromMargins } from '../../theory/margins.js';
import type { MeasuredCheckpoint } from '../../theory/trajectory.js';
import { ll20Faults } from './faults.js';
import type { Ll20Run } from './measure.js';
import { monotoneAfter, type MonotoneQuantity } from './monotone.js';

/** A run whose checkpoints carry only t and a value v(t) read as `minNormalizedMargin`. */
function runOf(values: readonly number[]): Ll20Run {
  const checkpoints = values.map((v, t) => ({ t, minNormalizedMargin: v }) as unknown as MeasuredCheckpoint);
  return { trajectory: { trainer: 'toy', steps: values.length - 1, checkpoints, W: new Float64Array(0) } } as unknown as Ll20Run;
}

const quantity = (rounding: number): MonotoneQuantity => ({
  name: 'v',
  value: (c) => c.minNormalizedMargin,
  rounding: () => rounding,
  startsWhen: (c) => (c.minNormalizedMargin ?? 0) > 0,
  start: 'v > 0',
});

describe('monotoneAfter', () => {
  it('ignores falls before the start and refutes the first fall after it beyond rounding', () => {
    expect(monotoneAfter(runOf([-1, -2, 0.5, 0.6, 0.7]), quantity(0), true).verdict).toBe('holds');
    const v = monotoneAfter(runOf([-1, 0.5, 0.6, 0.59, 0.7]), quantity(0), true);
    expect(v.verdict).toBe('refuted');
    expect(v.measured['worstT']).toBe(2);
  });

  it('lets a fall within the rounding bounds of both ends pass', () => {
    expect(monotoneAfter(runOf([0.5, 0.6, 0.5999, 0.7]), quantity(6e-5), true).verdict).toBe('holds');
    expect(monotoneAfter(runOf([0.5, 0.6, 0.5999, 0.7]), quantity(4e-5), true).verdict).toBe('refuted');
  });

  it('never reaching the start refutes when the hypotheses promise it, else is inapplicable', () => {
    expect(monotoneAfter(runOf([-1, -0.5, -0.1]), quantity(0), true).verdict).toBe('refuted');
    expect(monotoneAfter(runOf([-1, -0.5, -0.1]), quantity(0), false).verdict).toBe('inapplicable');
  });
});

describe('smoothed-mean', () => {
  it('adds log n/‖W‖ to the exp-loss smoothed margin', () => {
    const fault = ll20Faults.find((f) => f.id === 'smoothed-mean')!;
    const theory = fault.inject(referenceContext(), 0).theory;
    const q = Float64Array.of(3, 4, 5, 6);
    const good = smoothedMarginFromMargins(q, 2, 'exp')!;
    expect(theory.smoothedMargin(q, 2, 'exp')! - good).toBeCloseTo(Math.log(4) / 2, 12);
  });
});
