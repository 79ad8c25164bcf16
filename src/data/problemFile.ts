import { InputError } from '../errors.js';
import { validateProblem } from '../problem/validate.js';
import { DEFAULT_INIT_SEED, type LossName, type ProblemFile, type SecondLayerInit } from '../problem/types.js';
import type { Dataset } from './generate.js';
import { DEFAULT_STEP_FACTOR, suggestedInitScale, suggestedStepSize } from './hyperparameters.js';
import { checkMatrix } from './_internals/shape.js';

/**
 * How to train on a dataset: the non-data fields of a problem file (docs/theory.md §1). Every field but
 * `m`, `gamma` and `steps` has a documented default.
 */
export interface TrainingSettings {
  /** Width, an integer ≥ 1. */
  readonly m: number;
  /** Leaky-ReLU slope in [0, 1]. */
  readonly gamma: number;
  /** Number of GD steps, an integer ≥ 0. */
  readonly steps: number;
  /** Step size α > 0. Default: `suggestedStepSize` with factor `stepFactor`. */
  readonly lr?: number;
  /** The `c` of `suggestedStepSize` when `lr` is absent (default `DEFAULT_STEP_FACTOR`); not with `lr`. */
  readonly stepFactor?: number;
  /** Default `exp` (H25). With `square`, the file's `y` are the dataset's real targets when it has them. */
  readonly loss?: LossName;
  /** Train the second layer too (square loss only; docs/theory.md §11). */
  readonly trainSecondLayer?: boolean;
  /** How `a(0)` is drawn when `a` is absent (docs/theory.md §11); written as `init.secondLayer`. Not with `W0`. */
  readonly secondLayer?: SecondLayerInit;
  /** Gaussian init scale ω ≥ 0. Default: `suggestedInitScale` for the chosen `lr`. Not with `W0`. */
  readonly initScale?: number;
  /** Seed of the Gaussian init (default `DEFAULT_INIT_SEED`). Not with `W0`. */
  readonly initSeed?: number | string;
  /** Fixed second layer, length m (default: the balanced `±1/√m` of docs/theory.md §1, left implicit in the file). */
  readonly a?: ArrayLike<number>;
  /** An explicit initial first layer, m×d row-major; replaces `initScale`/`initSeed`. */
  readonly W0?: ArrayLike<number>;
}

function rows(flat: ArrayLike<number>, r: number, c: number): number[][] {
  return Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, k) => flat[i * c + k]));
}

/**
 * The problem file (the JSON contract of `src/problem/types.ts`) of a dataset and training settings.
 * It carries `mu` and `sigmaDiag` when the dataset knows them, the loss explicitly, and either `W0`
 * or `init: { scale, seed }`; `validateProblem` accepts it (this function checks so before returning).
 *
 * Every given field is checked first, with the problem-file field name (`m`, `lr`, `init.scale`,
 * `init.seed`, `a`, `W0`, ...) or the settings name (`stepFactor`) in the {@link InputError}; the
 * default `lr` and init scale are computed only afterwards.
 *
 * @throws InputError on a malformed dataset or setting
 * @throws NumericalError if a default cannot be computed as a finite double (see `suggestedStepSize`)
 */
export function makeProblemFile(dataset: Dataset, settings: TrainingSettings): ProblemFile {
  const { n, d } = dataset;
  checkMatrix(dataset.X, n, d);
  if (settings.lr !== undefined && settings.stepFactor !== undefined) {
    throw new InputError('stepFactor', 'give lr or stepFactor, not both');
  }
  if (settings.stepFactor !== undefined && !(Number.isFinite(settings.stepFactor) && settings.stepFactor > 0)) {
    throw new InputError('stepFactor', `must be a finite number > 0, got ${String(settings.stepFactor)}`);
  }
  if (settings.W0 !== undefined && (settings.initScale !== undefined || settings.initSeed !== undefined)) {
    throw new InputError('W0', 'give W0 or initScale/initSeed, not both');
  }
  if (settings.W0 !== undefined && settings.secondLayer !== undefined) {
    throw new InputError('init.secondLayer', 'needs the seeded init: give initScale/initSeed, not W0');
  }
  if (settings.W0 !== undefined && settings.W0.length !== settings.m * d) {
    throw new InputError('W0', `expected m·d = ${settings.m * d} entries (row-major), got ${settings.W0.length}`);
  }

  const fixed = {
    X: rows(dataset.X, n, d),
    // The square loss fits the real targets of orthogonal data (docs/theory.md §3); the margin losses, their signs.
    y: Array.from(settings.loss === 'square' && dataset.targets ? dataset.targets : dataset.y),
    gamma: settings.gamma,
    m: settings.m,
    ...(settings.a !== undefined ? { a: Array.from(settings.a) } : {}),
    loss: settings.loss ?? 'exp',
    ...(settings.trainSecondLayer === true ? { trainSecondLayer: true } : {}),
    steps: settings.steps,
    ...(dataset.mu ? { mu: Array.from(dataset.mu) } : {}),
    ...(dataset.sigmaDiag ? { sigmaDiag: Array.from(dataset.sigmaDiag) } : {}),
  } satisfies Omit<ProblemFile, 'lr'>;
  const init =
    settings.W0 !== undefined
      ? { W0: rows(settings.W0, settings.m, d) }
      : {
          init: {
            scale: settings.initScale ?? 0,
            seed: settings.initSeed ?? DEFAULT_INIT_SEED,
            ...(settings.secondLayer !== undefined ? { secondLayer: settings.secondLayer } : {}),
          },
        };
  // Every given field, with placeholders (lr 1, scale 0) for the defaults still to be computed.
  validateProblem({ ...fixed, lr: settings.lr ?? 1, ...init });

  const lr =
    settings.lr ??
    suggestedStepSize(dataset.X, n, d, {
      c: settings.stepFactor ?? DEFAULT_STEP_FACTOR,
      ...(settings.a !== undefined ? { a: settings.a } : {}),
    });
  const file: ProblemFile = {
    ...fixed,
    lr,
    ...(settings.W0 !== undefined
      ? init
      : {
          init: {
            scale: settings.initScale ?? suggestedInitScale(dataset.X, n, d, { gamma: settings.gamma, lr, m: settings.m }),
            seed: settings.initSeed ?? DEFAULT_INIT_SEED,
            ...(settings.secondLayer !== undefined ? { secondLayer: settings.secondLayer } : {}),
          },
        }),
  };
  validateProblem(file);
  return file;
}
