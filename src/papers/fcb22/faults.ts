import type { Fault } from '../../claims/core/types.js';
import { flipIndices, makeRng } from '../../data/index.js';
import { theoryFault } from '../../claims/core/theoryFault.js';

/** The FCB22 faults (docs/theory.md §8, §10.6). */
export const fcb22Faults: readonly Fault[] = [
  theoryFault(
    'noisy-test-labels',
    'fresh test points carry the training label noise (flipped at rate η): the clean error read off noisy labels',
    (theory) => ({
      testPoints(data, count, tag) {
        const clean = theory.testPoints(data, count, tag);
        const y = Float64Array.from(clean.y);
        for (const i of flipIndices(data.labelNoise ?? 0, count, makeRng(`${String(data.seed)}:${tag}:flips`))) y[i] = -y[i]!;
        return { ...clean, y };
      },
    }),
    undefined,
    'data',
  ),
];
