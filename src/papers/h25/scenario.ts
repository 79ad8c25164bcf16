import fc from 'fast-check';
import { generateDataset, makeProblemFile, suggestedInitScale, type DatasetDescriptor } from '../../data/index.js';
import type { LossName, Problem } from '../../problem/types.js';
import { validateProblem } from '../../problem/validate.js';

/**
 * A claim's input: a dataset descriptor and training settings, small and JSON-serialisable so a
 * shrunk counterexample prints as something a user can paste back (`benign-check gen` takes the
 * same fields). The problem is a pure function of it ({@link scenarioProblem}).
 */
export interface Scenario {
  readonly data: DatasetDescriptor;
  readonly m: number;
  readonly gamma: number;
  readonly loss: LossName;
  /** α = lrFactor / max_i ‖x_i‖² (so α·L·max‖G_i‖² ≤ lrFactor from t ≥ 0, see H-MONO). */
  readonly lrFactor: number;
  /** Init scale as a multiple of the H25-safe scale of `suggestedInitScale` (> 1 breaks "init ≪ step"). */
  readonly initFactor: number;
  readonly steps: number;
}

/** The problem of a scenario: the dataset, α from `lrFactor`, and a seeded Gaussian init. */
export function scenarioProblem(s: Scenario): Problem {
  const ds = generateDataset(s.data);
  let maxSq = 0;
  for (let i = 0; i < ds.n; i++) {
    let sq = 0;
    for (let k = 0; k < ds.d; k++) sq += ds.X[i * ds.d + k]! ** 2;
    maxSq = Math.max(maxSq, sq);
  }
  const lr = s.lrFactor / maxSq;
  const initScale = s.initFactor * suggestedInitScale(ds.X, ds.n, ds.d, { gamma: s.gamma, lr, m: s.m });
  return validateProblem(
    makeProblemFile(ds, { m: s.m, gamma: s.gamma, steps: s.steps, loss: s.loss, lr, initScale, initSeed: `${String(s.data.seed)}:init` }),
  );
}

/** Shape of the scenarios a claim draws. */
export interface ScenarioSpace {
  readonly kind?: DatasetDescriptor['kind'];
  readonly n: readonly [number, number];
  readonly d: readonly [number, number];
  readonly muNorm: readonly [number, number];
  readonly m?: readonly [number, number];
  /** Only even widths (balanced blocks): default true. */
  readonly evenM?: boolean;
  readonly gamma?: readonly [number, number];
  readonly lrFactor?: readonly [number, number];
  readonly initFactor?: readonly [number, number];
  readonly steps: number;
  readonly sigmaDiag?: (d: number) => number[];
}

/**
 * Scenarios over a box of parameters; fast-check shrinks n, d, ‖μ‖ and the seed towards the lower ends.
 */
export function scenarioArb(space: ScenarioSpace): fc.Arbitrary<Scenario> {
  const [mLo, mHi] = space.m ?? [2, 6];
  const even = space.evenM ?? true;
  const num = (r: readonly [number, number]): fc.Arbitrary<number> =>
    r[0] === r[1] ? fc.constant(r[0]) : fc.double({ min: r[0], max: r[1], noNaN: true });
  return fc
    .record({
      n: fc.integer({ min: space.n[0], max: space.n[1] }),
      d: fc.integer({ min: space.d[0], max: space.d[1] }),
      muNorm: num(space.muNorm),
      half: fc.integer({ min: Math.max(1, Math.floor(mLo / 2)), max: Math.max(1, Math.floor(mHi / 2)) }),
      gamma: num(space.gamma ?? [0.1, 0.9]),
      lrFactor: num(space.lrFactor ?? [0.2, 0.5]),
      initFactor: num(space.initFactor ?? [0.01, 1]),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    })
    .map(({ n, d, muNorm, half, gamma, lrFactor, initFactor, seed }) => {
      const sigma = space.sigmaDiag?.(d);
      return {
        data: {
          kind: space.kind ?? 'gaussian',
          n,
          d,
          muNorm,
          seed,
          ...(sigma ? { sigmaDiag: sigma } : {}),
        },
        m: even ? 2 * half : 2 * half + 1,
        gamma,
        loss: 'exp' as const,
        lrFactor,
        initFactor,
        steps: space.steps,
      };
    });
}
