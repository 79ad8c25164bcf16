import { describe, expect, it } from 'vitest';
import { generateDataset, type DatasetDescriptor } from '../../data/index.js';
import { referenceContext, referenceTheory } from './context.js';

describe('referenceTheory.testPoints', () => {
  const data: DatasetDescriptor = { kind: 'gaussian', n: 4, d: 3, muNorm: 2, labelNoise: 0.25, seed: 9 };

  it('draws fresh points from a stream named by the tag: the same tag repeats, another tag does not', () => {
    const a = referenceTheory.testPoints(data, 50, 'err');
    expect(referenceTheory.testPoints(data, 50, 'err')).toEqual(a);
    expect(referenceTheory.testPoints(data, 50, 'ub').X).not.toEqual(a.X);
    // Not the training stream either.
    expect(a.X.slice(0, 12)).not.toEqual(generateDataset({ ...data, n: 50 }).X.slice(0, 12));
  });

  it('gives clean labels (no label noise) and the requested count', () => {
    const pts = referenceTheory.testPoints(data, 200, 'clean');
    expect(pts.y).toHaveLength(200);
    const noiseless = generateDataset({ kind: 'gaussian', n: 200, d: 3, muNorm: 2, seed: '9:clean' });
    expect(pts).toEqual(noiseless);
  });

  it('runs claims with the float64 trainer by default', () => {
    expect(referenceContext().trainer.name).toMatch(/float64/);
  });
});
