import { describe, expect, it } from 'vitest';
import { referenceContext, referenceTheory } from './context.js';
import { theoryFault } from './theoryFault.js';

describe('theoryFault', () => {
  it('replaces only the named theory functions, at the injected ε, and keeps the rest and the trainer', () => {
    const seen: number[] = [];
    const fault = theoryFault('t', 'a wrong Φ', (theory, eps) => ({ gaussianTestError: (w, mu) => (seen.push(eps), theory.gaussianTestError(w, mu)) }), { default: 0.1, min: 0.01, max: 1 });
    expect(fault).toMatchObject({ id: 't', layer: 'theory', epsilon: { default: 0.1, min: 0.01, max: 1 } });
    const ctx = referenceContext();
    const broken = fault.inject(ctx, 0.3);
    expect(broken.trainer).toBe(ctx.trainer);
    expect(broken.theory.limitDirection).toBe(referenceTheory.limitDirection);
    expect(broken.theory.gaussianTestError).not.toBe(referenceTheory.gaussianTestError);
    broken.theory.gaussianTestError(Float64Array.of(1, 0), Float64Array.of(1, 0));
    expect(seen).toEqual([0.3]);
  });

  it('a discrete fault has no ε; a data fault says so', () => {
    const fault = theoryFault('d', 'bad data', () => ({}), undefined, 'data');
    expect('epsilon' in fault).toBe(false);
    expect(fault.layer).toBe('data');
  });
});
