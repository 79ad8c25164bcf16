import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clopperPearson, FCB22_MAX_FLIP_FRACTION, fcb22Bound } from '../../../theory/index.js';
import { fcbArb } from '../scenario.js';
import { FCB_BOUND_C, FCB_FAULT_SIGNAL, FCB_MIN_SIGNAL, FCB_SPACE, FCB_STEPS, FCB_TEST_ALPHA, FCB_TEST_POINTS, fcbNoisy } from './fcbNoisy.js';

describe('FCB-NOISY scenarios (docs/theory.md §10.6)', () => {
  it('never draw a vacuous bound: at the weakest signal and the largest η it is below 1/2, a constant classifier’s error', () => {
    expect(FCB_SPACE.signal[0]).toBe(FCB_MIN_SIGNAL);
    expect(fcb22Bound(FCB_MIN_SIGNAL, FCB22_MAX_FLIP_FRACTION, FCB_BOUND_C).clean).toBeLessThan(0.5);
    for (const s of fc.sample(fcbArb({ ...FCB_SPACE, steps: FCB_STEPS }), { seed: 11, numRuns: 200 })) {
      const signal = (s.data.n * s.data.muNorm ** 4) / s.data.d;
      expect(fcb22Bound(signal, s.data.labelNoise ?? 0, FCB_BOUND_C).clean).toBeLessThan(0.5);
    }
  });

  it('plant noisy test labels where even a perfect classifier’s noisy error is resolved above the bound', () => {
    const lowestNoisy = clopperPearson(Math.round(0.18 * FCB_TEST_POINTS), FCB_TEST_POINTS, FCB_TEST_ALPHA).lower;
    for (const eta of [0.18, FCB22_MAX_FLIP_FRACTION]) expect(fcb22Bound(FCB_FAULT_SIGNAL, eta, FCB_BOUND_C).clean).toBeLessThan(lowestNoisy);
    expect(fcbNoisy.designated.find((d) => d.fault === 'noisy-test-labels')).toBeDefined();
  });
});
