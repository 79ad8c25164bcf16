import fc from 'fast-check';
import type { ProblemFile } from '../../../problem/types.js';

/**
 * Small square-loss problems with real targets (docs/theory.md §11) for the engines' differential
 * tests: orthogonal data `x_i = s_i e_i` (the setting of MORTH26, DBP25) or dense Gaussian X (the
 * engines must be right for any X), either layer scheme, ReLU or leaky ReLU, an init large enough for
 * mixed activation patterns and a step size stable for these scales (`α‖x‖² ≤ 0.5·4`, `|a|, ‖w‖ ≲ 2`).
 */
export function squareProblemArb(
  size: { n?: readonly [number, number]; d?: readonly [number, number]; m?: readonly [number, number] } = {},
): fc.Arbitrary<ProblemFile> {
  const [nLo, nHi] = size.n ?? [1, 6];
  const [dLo, dHi] = size.d ?? [1, 8];
  const [mLo, mHi] = size.m ?? [1, 5];
  // Multiples of 2^-10: real-valued inputs of unit scale without the subnormal corners fc.double favours.
  const grid = (lo: number, hi: number): fc.Arbitrary<number> => fc.integer({ min: lo * 1024, max: hi * 1024 }).map((k) => k / 1024 + 0);
  const real = grid(-2, 2);
  return fc
    .record({
      n: fc.integer({ min: nLo, max: nHi }),
      extra: fc.integer({ min: 0, max: Math.max(0, dHi - dLo) }),
      m: fc.integer({ min: mLo, max: mHi }),
      orthogonal: fc.boolean(),
      gamma: fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 0.9, noNaN: true })),
      lr: fc.double({ min: 0.02, max: 0.25, noNaN: true }),
      scale: fc.double({ min: 0.05, max: 0.8, noNaN: true }),
      trainSecondLayer: fc.boolean(),
      secondLayer: fc.constantFrom('balanced' as const, 'gaussian' as const),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    })
    .chain((s) => {
      const d = Math.max(s.orthogonal ? s.n : dLo, dLo + s.extra);
      const X = s.orthogonal
        ? fc.array(grid(1, 2), { minLength: s.n, maxLength: s.n }).map((sc) =>
            sc.map((v, i) => Array.from({ length: d }, (_, k) => (k === i ? v : 0))),
          )
        : fc.array(fc.array(grid(-1.5, 1.5), { minLength: d, maxLength: d }), { minLength: s.n, maxLength: s.n });
      return fc.record({ X, y: fc.array(real, { minLength: s.n, maxLength: s.n }) }).map(
        ({ X, y }): ProblemFile => ({
          X,
          y,
          gamma: s.gamma,
          m: s.m,
          loss: 'square',
          trainSecondLayer: s.trainSecondLayer,
          init: { scale: s.scale, seed: s.seed, secondLayer: s.secondLayer },
          lr: s.lr,
          steps: 300,
        }),
      );
    });
}
