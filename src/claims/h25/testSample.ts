import { generateDataset, type DatasetDescriptor } from '../../data/index.js';
import { monteCarloTestError, type MonteCarloTestError } from '../../theory/index.js';

/** Test points drawn per Monte Carlo estimate: Clopper–Pearson half-width ≈ 3·√(p/N) at 1 − 10⁻⁹. */
export const TEST_SAMPLES = 20_000;
/**
 * Confidence of every Monte Carlo interval: a true claim is refuted by bad luck with probability at
 * most 10⁻⁹ per run (Clopper–Pearson is exact, so conservative), i.e. below 10⁻⁶ over a thousand
 * CI runs of the whole catalogue.
 */
export const TEST_CONFIDENCE = 1 - 1e-9;

/**
 * The Monte Carlo test error of sign⟨w̄, x⟩ on fresh points of the training mixture (same descriptor,
 * an independent seed, labels clean), with its exact Clopper–Pearson interval.
 */
export function mixtureTestError(wbar: Float64Array, data: DatasetDescriptor, samples = TEST_SAMPLES): MonteCarloTestError {
  const { labelNoise: _ignored, ...clean } = data;
  const test = generateDataset({ ...clean, n: samples, seed: `${String(data.seed)}:test` });
  let next = 0;
  return monteCarloTestError(
    wbar,
    () => {
      const i = next++;
      return { x: test.X.subarray(i * test.d, (i + 1) * test.d), y: test.y[i]! };
    },
    samples,
    TEST_CONFIDENCE,
  );
}
