import { theoryFault } from '../../claims/core/theoryFault.js';
import type { Fault, TheoryPort } from '../../claims/core/types.js';
import { makeRng, type DatasetDescriptor } from '../../data/index.js';
import { gaussianTestError, linearSvmDirection, type LimitDirection } from '../../theory/index.js';

/**
 * The plain linear hard-margin SVM direction copied into every row (signed by a_j), in place of Ŵ:
 * the direction H25 says the network does not converge to (docs/theory.md §2; cosine ≈ 0.99 to Ŵ).
 */
function svmInPlaceOfLimit(theory: TheoryPort): Partial<TheoryPort> {
  return {
    limitDirection(p): LimitDirection {
      const limit = theory.limitDirection(p);
      if (limit.status !== 'ok') return limit;
      const svm = linearSvmDirection(p);
      if (svm.status !== 'ok') return limit;
      const W = new Float64Array(p.m * p.d);
      for (let j = 0; j < p.m; j++) for (let k = 0; k < p.d; k++) W[j * p.d + k] = p.a[j]! * svm.w[k]!;
      let s = 0;
      for (const v of W) s += v * v;
      const norm = Math.sqrt(s);
      return { ...limit, W, normF: svm.norm, direction: W.map((v) => v / norm) };
    },
  };
}

/** The H25 theory faults (docs/theory.md §8). */
export const h25Faults: readonly Fault[] = [
  theoryFault('svm-direction', 'the plain linear SVM direction in place of Ŵ (and its ‖ŵ‖ in place of ‖Ŵ‖)', svmInPlaceOfLimit),
  theoryFault('sigma-ignored', 'the closed-form test error evaluated with Σ = I whatever the data’s Σ', () => ({
    gaussianTestError: (wbar, mu) => gaussianTestError(wbar, mu),
  })),
  theoryFault(
    'phi-argument',
    "Φ's argument in the closed-form test error off by a factor (1 + ε)",
    (_t, e) => ({
      // Scaling μ by (1 + ε) scales ⟨w̄, μ⟩, and so Φ's argument, by exactly that factor.
      gaussianTestError: (wbar, mu, sigmaDiag) => gaussianTestError(wbar, mu.map((v) => v * (1 + e)), sigmaDiag),
    }),
    { default: 0.05, min: 1e-3, max: 1 },
  ),
  theoryFault(
    'noise-variance',
    'fresh test points drawn with noise variance (1 + ε)·Σ',
    (t, e) => {
      const inflated = (data: DatasetDescriptor): DatasetDescriptor => ({
        ...data,
        sigmaDiag: Array.from({ length: data.d }, (_, k) => (1 + e) * (data.sigmaDiag?.[k] ?? 1)),
      });
      return {
        testPoints: (data, count, tag) => t.testPoints(inflated(data), count, tag),
        testProjections: (data, directions, count, tag) => t.testProjections(inflated(data), directions, count, tag),
      };
    },
    { default: 0.1, min: 1e-3, max: 3 },
    'data',
  ),
  theoryFault('random-wbar', 'w̄ replaced by a random direction (seeded by the data)', () => ({
    wbar(p) {
      const rng = makeRng(`random-wbar:${p.n}:${p.d}:${p.X[0]}`);
      return Float64Array.from({ length: p.d }, () => rng.normal());
    },
  })),
  theoryFault('single-point-wbar', 'w̄ replaced by y₁x₁, the first training point', () => ({
    wbar: (p) => Float64Array.from({ length: p.d }, (_, k) => p.y[0]! * p.X[k]!),
  })),
];
