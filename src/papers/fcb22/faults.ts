import type { Fault } from '../../claims/core/types.js';
import { flipIndices, makeRng, type DatasetDescriptor } from '../../data/index.js';
import { theoryFault } from '../../claims/core/theoryFault.js';

/** The FCB22 faults (docs/theory.md §8, §10.6). */
export const fcb22Faults: readonly Fault[] = [
  theoryFault(
    'noisy-test-labels',
    'fresh test points carry the training label noise (flipped at rate η): the clean error read off noisy labels',
    (theory) => {
      const noisy = (y: Float64Array, data: DatasetDescriptor, count: number, tag: string): Float64Array => {
        const flipped = Float64Array.from(y);
        for (const i of flipIndices(data.labelNoise ?? 0, count, makeRng(`${String(data.seed)}:${tag}:flips`))) flipped[i] = -flipped[i]!;
        return flipped;
      };
      return {
        testPoints(data, count, tag) {
          const clean = theory.testPoints(data, count, tag);
          return { ...clean, y: noisy(clean.y, data, count, tag) };
        },
        testProjections(data, directions, count, tag) {
          const clean = theory.testProjections(data, directions, count, tag);
          return { ...clean, y: noisy(clean.y, data, count, tag) };
        },
      };
    },
    undefined,
    'data',
  ),
];
