import { generateDataset, projectedMixture } from '../../data/index.js';
import { gaussianTestError, limitDirection, minNormInterpolator, readStaircase, wellInitialised } from '../../theory/index.js';
import { referenceShapeTheory } from '../../theory/shape.js';
import { float64Trainer } from '../../trainers/index.js';
import type { Trainer } from '../../trainers/types.js';
import type { ClaimContext, TheoryPort } from './types.js';

/** The project's theory functions, unmodified (docs/theory.md §2). */
export const referenceTheory: TheoryPort = {
  ...referenceShapeTheory,
  limitDirection,
  wbar: (_p, limit) => limit.wbar,
  gaussianTestError,
  testPoints(data, count, tag) {
    const { labelNoise: _clean, ...clean } = data;
    return generateDataset({ ...clean, n: count, seed: `${String(data.seed)}:${tag}` });
  },
  testProjections(data, directions, count, tag) {
    return projectedMixture({ ...data, n: count, seed: `${String(data.seed)}:${tag}` }, directions);
  },
  minNormInterpolator,
  wellInitialised,
  readStaircase,
};

/** The context every claim runs in unless told otherwise: the float64 engine and the reference theory. */
export function referenceContext(trainer: Trainer = float64Trainer()): ClaimContext {
  return { trainer, theory: referenceTheory };
}
