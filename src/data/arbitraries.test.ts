import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { validateProblem } from '../problem/validate.js';
import {
  descriptorArb,
  edgeProblemArb,
  invalidProblemArb,
  problemFileArb,
  trainingSettingsArb,
} from './arbitraries.js';
import { validateDescriptor } from './descriptor.js';
import { generateDataset } from './generate.js';

/** Fixed seed of these unit tests (the properties in properties/ use the run's global seed instead). */
const SEED = 20260517;
const RUNS = 100;

describe('arbitraries', () => {
  it('descriptorArb: every descriptor validates, generates, and survives JSON', () => {
    fc.assert(
      fc.property(descriptorArb({ labelNoise: { min: 0, max: 0.45 }, sigmaDiag: { min: 0, max: 4 } }), (desc) => {
        expect(validateDescriptor(JSON.parse(JSON.stringify(desc)))).toEqual(desc);
        const ds = generateDataset(desc);
        expect(ds.X.length).toBe(desc.n * desc.d);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('descriptorArb honours its ranges and kinds', () => {
    fc.assert(
      fc.property(descriptorArb({ n: { min: 3, max: 5 }, d: { min: 2, max: 4 }, muNorm: { min: 1, max: 2 }, kinds: ['pareto', 'orthogonal'] }), (desc) => {
        expect(['pareto', 'orthogonal']).toContain(desc.kind);
        expect(desc.n).toBeGreaterThanOrEqual(3);
        expect(desc.n).toBeLessThanOrEqual(5);
        if (desc.kind === 'orthogonal') expect([desc.d >= desc.n, desc.muNorm]).toEqual([true, 0]);
        else expect([desc.d >= 2 && desc.d <= 4, desc.muNorm >= 1 && desc.muNorm <= 2, desc.noise?.alpha !== undefined]).toEqual([true, true, true]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('descriptorArb shrinks n, d, ‖μ‖ and the seed to their lower ends', () => {
    // A property that fails for every descriptor with n ≥ 4: the shrunk counterexample is minimal.
    const out = fc.check(
      fc.property(descriptorArb({ kinds: ['gaussian', 'uniform'] }), (desc) => desc.n < 4),
      { seed: SEED, numRuns: RUNS, reporter: () => undefined },
    );
    expect(out.failed).toBe(true);
    expect(out.counterexample?.[0]).toEqual({ kind: 'gaussian', n: 4, d: 1, muNorm: 0, seed: 0 });
  });

  it('trainingSettingsArb: γ ∈ (0, 1), m ≥ 1, integer steps', () => {
    fc.assert(
      fc.property(trainingSettingsArb(), (s) => {
        expect(s.gamma > 0 && s.gamma < 1).toBe(true);
        expect(Number.isSafeInteger(s.m) && s.m >= 1).toBe(true);
        expect(Number.isSafeInteger(s.steps) && s.steps >= 0).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('problemFileArb: every file passes validateProblem, with all kinds, label noise and Σ', () => {
    fc.assert(
      fc.property(problemFileArb({ data: { labelNoise: { min: 0, max: 0.45 }, sigmaDiag: { min: 0, max: 4 } } }), ({ file, descriptor }) => {
        const p = validateProblem(file);
        expect([p.n, p.d]).toEqual([descriptor.n, descriptor.d]);
        expect(p.lr > 0 && Number.isFinite(p.lr)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('problemFileArb falls back to explicit defaults for all-zero data', () => {
    fc.assert(
      fc.property(problemFileArb({ data: { kinds: ['gaussian'], muNorm: { min: 0, max: 0 }, sigmaDiag: { min: 0, max: 0 } } }), ({ file }) => {
        expect(validateProblem(file).X.every((x) => x === 0)).toBe(true);
      }),
      { seed: SEED, numRuns: 20 },
    );
  });

  it('edgeProblemArb: every file passes validateProblem; both tiers appear', () => {
    const labels = new Set<string>();
    fc.assert(
      fc.property(edgeProblemArb(), ({ file, label }) => {
        labels.add(label);
        validateProblem(file);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(labels.has('raw')).toBe(true);
    expect([...labels].filter((l) => l.startsWith('edge:')).length).toBeGreaterThanOrEqual(5);
  });

  it('invalidProblemArb: validateProblem refuses every output, naming the announced field', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(invalidProblemArb(), ({ raw, field, label }) => {
        seen.add(label);
        let got: unknown;
        try {
          validateProblem(raw);
        } catch (e) {
          got = e;
        }
        expect(got, label).toBeInstanceOf(InputError);
        expect((got as InputError).field, label).toBe(field);
      }),
      { seed: SEED, numRuns: 2 * RUNS },
    );
    expect(seen.size).toBeGreaterThanOrEqual(25);
  });
});
