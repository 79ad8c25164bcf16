import fc from 'fast-check';
import { InputError, NumericalError } from '../errors.js';
import { DEFAULT_INIT_SCALE, type LossName, type ProblemFile } from '../problem/types.js';
import { DATA_KINDS, MIN_TAIL_PARAMETER, type DataKind, type DatasetDescriptor } from './descriptor.js';
import { edgeCases } from './edge.js';
import { generateDataset, type Dataset } from './generate.js';
import { DEFAULT_STEP_FACTOR, suggestedInitScale, suggestedStepSize } from './hyperparameters.js';
import { makeProblemFile, type TrainingSettings } from './problemFile.js';

/** A closed range `[min, max]` of an arbitrary's parameter (see each option for excluded ends). */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** Options of {@link descriptorArb}; every range is inclusive. */
export interface DescriptorArbOptions {
  /** Number of points, default 1..12. */
  readonly n?: Range;
  /** Number of features, default 1..40 (raised to n for `orthogonal`, which needs d ≥ n). */
  readonly d?: Range;
  /** ‖μ‖, default [0, 5] (ignored for `orthogonal`, whose muNorm is 0). */
  readonly muNorm?: Range;
  /** Kinds to draw from, default all of `DATA_KINDS`; shrinks towards the first. */
  readonly kinds?: readonly DataKind[];
  /** ν (student-t) or α (pareto), default (4, 30]: a lower end of 4 is excluded. */
  readonly tail?: Range;
  /** Label-flip fraction η: absent by default; a range inside [0, 0.5) turns it on. */
  readonly labelNoise?: Range;
  /**
   * Variances of Σ = diag(sigmaDiag): identity by default. A range inside [0, ∞) turns on 1 to 4
   * values on the grid `min + (max − min)·i/16`, i = 0..16 (a grid, not raw doubles: subnormal
   * variances belong to the edge tier), cycled over the d coordinates.
   */
  readonly sigmaDiag?: Range;
}

const DEFAULT_N: Range = { min: 1, max: 12 };
const DEFAULT_D: Range = { min: 1, max: 40 };
const DEFAULT_MU_NORM: Range = { min: 0, max: 5 };
/** Default ν/α range (4, 30]: from the edge of a finite fourth moment to near-Gaussian tails (t_30 has kurtosis 3 + 6/26 ≈ 3.23). */
const DEFAULT_TAIL: Range = { min: MIN_TAIL_PARAMETER, max: 30 };

function integerRange(r: Range, field: string, lowest: number): fc.Arbitrary<number> {
  if (!Number.isSafeInteger(r.min) || !Number.isSafeInteger(r.max) || r.min < lowest || r.max < r.min) {
    throw new InputError(field, `expected integers ${lowest} ≤ min ≤ max, got [${r.min}, ${r.max}]`);
  }
  return fc.integer({ min: r.min, max: r.max });
}

/**
 * Doubles in `r`, after checking `lowest ≤ r.min ≤ r.max ≤ highest`; `exclude` names the bounds that
 * are open (`low`: r.min is excluded when it equals `lowest`; `high`: likewise for r.max).
 */
function doubleRange(r: Range, field: string, lowest: number, highest = Infinity, exclude: 'none' | 'low' | 'high' | 'both' = 'none'): fc.Arbitrary<number> {
  if (!(Number.isFinite(r.min) && Number.isFinite(r.max) && r.min >= lowest && r.max <= highest && r.min <= r.max)) {
    throw new InputError(field, `expected finite ${lowest} ≤ min ≤ max ≤ ${highest}, got [${r.min}, ${r.max}]`);
  }
  return fc.double({
    min: r.min,
    max: r.max,
    noNaN: true,
    ...((exclude === 'low' || exclude === 'both') && r.min === lowest ? { minExcluded: true } : {}),
    ...((exclude === 'high' || exclude === 'both') && r.max === highest ? { maxExcluded: true } : {}),
  });
}

/** Steps of the variance grid of {@link DescriptorArbOptions.sigmaDiag}. */
const VARIANCE_GRID_STEPS = 16;

function varianceGrid(r: Range): fc.Arbitrary<number> {
  doubleRange(r, 'sigmaDiag', 0);
  return fc.integer({ min: 0, max: VARIANCE_GRID_STEPS }).map((i) => r.min + ((r.max - r.min) * i) / VARIANCE_GRID_STEPS);
}

/**
 * Dataset descriptors, drawn as a small parameter record `{kind, n, d, muNorm, tail, labelNoise,
 * sigma, seed}` mapped to a descriptor, so fast-check shrinks n, d, ‖μ‖ and the seed (towards the
 * lower ends and seed 0) and the kind towards the first listed. Every output passes
 * `validateDescriptor` and `generateDataset`.
 *
 * @throws InputError (at construction) for a malformed option
 */
export function descriptorArb(opts: DescriptorArbOptions = {}): fc.Arbitrary<DatasetDescriptor> {
  const kinds = opts.kinds ?? DATA_KINDS;
  if (kinds.length === 0 || kinds.some((k) => !DATA_KINDS.includes(k))) {
    throw new InputError('kinds', `expected a non-empty list of ${DATA_KINDS.join(', ')}`);
  }
  const params = fc.record({
    kind: fc.constantFrom(...kinds),
    n: integerRange(opts.n ?? DEFAULT_N, 'n', 1),
    d: integerRange(opts.d ?? DEFAULT_D, 'd', 1),
    muNorm: doubleRange(opts.muNorm ?? DEFAULT_MU_NORM, 'muNorm', 0),
    tail: doubleRange(opts.tail ?? DEFAULT_TAIL, 'tail', MIN_TAIL_PARAMETER, Infinity, 'low'),
    labelNoise: opts.labelNoise ? doubleRange(opts.labelNoise, 'labelNoise', 0, 0.5, 'high') : fc.constant(undefined),
    sigma: opts.sigmaDiag
      ? fc.array(varianceGrid(opts.sigmaDiag), { minLength: 1, maxLength: 4 })
      : fc.constant(undefined),
    seed: fc.nat(),
  });
  return params.map((p): DatasetDescriptor => {
    const orth = p.kind === 'orthogonal';
    const d = orth ? Math.max(p.d, p.n) : p.d;
    const sigma = p.sigma;
    return {
      kind: p.kind,
      n: p.n,
      d,
      muNorm: orth ? 0 : p.muNorm,
      ...(p.kind === 'student-t' ? { noise: { nu: p.tail } } : p.kind === 'pareto' ? { noise: { alpha: p.tail } } : {}),
      ...(sigma && !orth ? { sigmaDiag: Array.from({ length: d }, (_, k) => sigma[k % sigma.length]) } : {}),
      ...(p.labelNoise !== undefined ? { labelNoise: p.labelNoise } : {}),
      seed: p.seed,
    };
  });
}

/** Options of {@link trainingSettingsArb}. */
export interface TrainingSettingsArbOptions {
  /** Width, default 1..8. */
  readonly m?: Range;
  /** Leaky-ReLU slope, default [0.01, 1); ends at 0 or 1 are excluded (leaky ReLU proper, docs/theory.md §1). */
  readonly gamma?: Range;
  /** Losses to draw from, default both; shrinks towards the first. */
  readonly losses?: readonly LossName[];
  /** GD steps, default 0..50. */
  readonly steps?: Range;
  /** The `c` of `suggestedStepSize`, default [1/16, 1]. */
  readonly stepFactor?: Range;
}

/**
 * Training settings `{m, gamma, loss, steps, stepFactor, initSeed}` (step size and init scale are left
 * to `makeProblemFile`'s data-dependent defaults). The default lower end of γ, 0.01, keeps H25's
 * init bound (∝ γ) far from underflow.
 */
export function trainingSettingsArb(opts: TrainingSettingsArbOptions = {}): fc.Arbitrary<TrainingSettings> {
  const losses = opts.losses ?? (['exp', 'logistic'] as const);
  if (losses.length === 0 || losses.some((l) => l !== 'exp' && l !== 'logistic')) {
    throw new InputError('losses', 'expected a non-empty list of "exp", "logistic"');
  }
  return fc
    .record({
      m: integerRange(opts.m ?? { min: 1, max: 8 }, 'm', 1),
      gamma: doubleRange(opts.gamma ?? { min: 0.01, max: 1 }, 'gamma', 0, 1, 'both'),
      loss: fc.constantFrom(...losses),
      steps: integerRange(opts.steps ?? { min: 0, max: 50 }, 'steps', 0),
      stepFactor: doubleRange(opts.stepFactor ?? { min: 1 / 16, max: 1 }, 'stepFactor', 0, Infinity, 'low'),
      initSeed: fc.nat(),
    })
    .map((s): TrainingSettings => ({ ...s }));
}

/** A generated problem with what it was made from (for reports and replay). */
export interface GeneratedProblem {
  readonly descriptor: DatasetDescriptor;
  readonly settings: TrainingSettings;
  readonly file: ProblemFile;
}

/**
 * Problem files from {@link descriptorArb} data and {@link trainingSettingsArb} settings through
 * `makeProblemFile`. When the data set no usable scale for the suggested step (all zero, or
 * ‖X‖_op so small that `n/‖X‖_op²` overflows: possible only with a zero-variance `sigmaDiag` and a
 * tiny ‖μ‖), `lr = stepFactor` and the init scale is `DEFAULT_INIT_SCALE`. Every output passes
 * `validateProblem`.
 */
export function problemFileArb(opts: { data?: DescriptorArbOptions; training?: TrainingSettingsArbOptions } = {}): fc.Arbitrary<GeneratedProblem> {
  return fc.tuple(descriptorArb(opts.data), trainingSettingsArb(opts.training)).map(([descriptor, settings]) => {
    const dataset = generateDataset(descriptor);
    const lr = suggestedOr(NaN, () => suggestedStepSize(dataset.X, dataset.n, dataset.d, { c: settings.stepFactor ?? DEFAULT_STEP_FACTOR }));
    const { stepFactor: _c, ...rest } = settings;
    const file = Number.isNaN(lr)
      ? makeProblemFile(dataset, { ...rest, lr: settings.stepFactor ?? DEFAULT_STEP_FACTOR, initScale: DEFAULT_INIT_SCALE })
      : makeProblemFile(dataset, { ...rest, lr });
    return { descriptor, settings, file };
  });
}

/** A problem of the edge tier, with a label saying where it came from. */
export interface EdgeProblem {
  /** `edge:<name>` for the explicit edge cases, `raw` for raw-double matrices. */
  readonly label: string;
  readonly file: ProblemFile;
}

/** Options of {@link edgeProblemArb}. */
export interface EdgeProblemArbOptions {
  /** Largest n of the raw part, default 6. */
  readonly maxN?: number;
  /** Largest d of the raw part, default 6. */
  readonly maxD?: number;
  /** Largest |X entry| of the raw part, default 1e150 (squares stay finite, as in `HUGE_NORM`). */
  readonly maxAbs?: number;
}

/** Seed of the explicit edge examples of the edge tier: fixed, so the examples are the same in every run. */
export const EDGE_EXAMPLE_SEED = 'edge-tier';

/** The raw-double step size and init scale draws: anything a valid problem allows, from the subnormal up. */
const RAW_LR: Range = { min: Number.MIN_VALUE, max: 1e3 };
const RAW_INIT_SCALE: Range = { min: 0, max: 1e3 };

/** `f()`, or `fallback` when the data set no usable scale (the InputError or NumericalError of a suggestion). */
function suggestedOr(fallback: number, f: () => number): number {
  try {
    return f();
  } catch (e) {
    if (e instanceof InputError || e instanceof NumericalError) return fallback;
    throw e;
  }
}

/**
 * The edge tier: valid problem files that stress the engines. Half come from raw doubles — X entries
 * from `fc.double({ noNaN, noDefaultInfinity, min: −maxAbs, max: maxAbs })` (zeros, subnormals, ±0,
 * huge and tiny values, shrinking towards 0), labels ±1, γ anywhere in [0, 1] (ReLU and linear
 * included), and `lr`, init scale either raw doubles or the suggested ones (1 and
 * `DEFAULT_INIT_SCALE` when the data set no scale) — and half are the explicit cases of `edge.ts`
 * (`edgeCases(EDGE_EXAMPLE_SEED)`, γ = 0.1, exp loss, 100 steps, suggested step and init). Outputs
 * are fresh copies (safe to mutate). Every output passes `validateProblem`; runs on them may well
 * overflow, which an engine must report as a NumericalError, never as NaN.
 */
export function edgeProblemArb(opts: EdgeProblemArbOptions = {}): fc.Arbitrary<EdgeProblem> {
  const N = opts.maxN ?? 6;
  const D = opts.maxD ?? 6;
  const B = opts.maxAbs ?? 1e150;
  integerRange({ min: 1, max: N }, 'maxN', 1);
  integerRange({ min: 1, max: D }, 'maxD', 1);
  doubleRange({ min: 0, max: B }, 'maxAbs', 0, Number.MAX_VALUE);

  const raw = fc
    .record({
      n: fc.integer({ min: 1, max: N }),
      d: fc.integer({ min: 1, max: D }),
      entries: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -B, max: B }), { minLength: N * D, maxLength: N * D }),
      labels: fc.array(fc.constantFrom(1, -1), { minLength: N, maxLength: N }),
      gamma: fc.double({ min: 0, max: 1, noNaN: true }),
      m: fc.integer({ min: 1, max: 4 }),
      loss: fc.constantFrom<LossName>('exp', 'logistic'),
      lr: fc.option(doubleRange(RAW_LR, 'lr', 0), { nil: undefined }),
      initScale: fc.option(doubleRange(RAW_INIT_SCALE, 'initScale', 0), { nil: undefined }),
      steps: fc.integer({ min: 0, max: 20 }),
      initSeed: fc.nat(),
    })
    .map((p): EdgeProblem => {
      const { n, d } = p;
      // `+ 0` maps −0 to +0: the problem file is JSON, where −0 is written as 0.
      const X = Float64Array.from({ length: n * d }, (_, t) => p.entries[t] + 0);
      const dataset: Dataset = { n, d, X, y: Float64Array.from(p.labels.slice(0, n)) };
      const lr = p.lr ?? suggestedOr(1, () => suggestedStepSize(X, n, d));
      const initScale = p.initScale ?? suggestedOr(DEFAULT_INIT_SCALE, () => suggestedInitScale(X, n, d, { gamma: p.gamma, lr, m: p.m }));
      const file = makeProblemFile(dataset, { m: p.m, gamma: p.gamma, loss: p.loss, lr, steps: p.steps, initScale, initSeed: p.initSeed });
      return { label: 'raw', file };
    });

  const examples = edgeCases(EDGE_EXAMPLE_SEED).map(
    (c): EdgeProblem => ({
      label: `edge:${c.name}`,
      file: makeProblemFile(c.dataset, {
        m: c.m ?? 4,
        gamma: 0.1,
        loss: 'exp',
        steps: 100,
        ...(c.W0 ? { W0: c.W0 } : {}),
      }),
    }),
  );
  return fc.oneof(fc.constantFrom(...examples).map((e) => structuredClone(e)), raw);
}

/** A malformed problem and the field `validateProblem` must name when it refuses it. */
export interface InvalidProblem {
  /** Parsed-JSON-like input; may hold values JSON cannot (NaN, ±Infinity), as an in-memory caller could. */
  readonly raw: unknown;
  /** The field of the InputError (`X[1][0]`, `init.seed`, `problem`, ...). */
  readonly field: string;
  /** Which mutation made it (for the failure report). */
  readonly label: string;
}

const MUTATIONS = [
  'root',
  'unknown-field',
  'missing',
  'X-not-array',
  'X-empty',
  'X-row',
  'X-ragged',
  'X-entry',
  'y-not-array',
  'y-length',
  'y-entry',
  'gamma',
  'm',
  'a-length',
  'a-empty',
  'a-entry',
  'W0-rows',
  'W0-row',
  'W0-entry',
  'init',
  'init-scale',
  'init-seed',
  'loss',
  'lr',
  'steps',
  'mu-length',
  'mu-entry',
  'sigmaDiag-length',
  'sigmaDiag-entry',
] as const;

/** Values that are not finite numbers: every numeric field refuses them. */
const NOT_FINITE: readonly unknown[] = [NaN, Infinity, -Infinity, null, '1', true, [], {}];
const BAD_ROOT: readonly unknown[] = [null, [], 'text', 3, true];
const UNKNOWN_KEYS = ['lossFn', 'learningRate', 'W', 'x', 'Y', 'init_scale', 'sigma', 'seed'];
const REQUIRED = ['X', 'y', 'gamma', 'lr', 'steps', 'm'] as const;
/** Per field, finite numbers it refuses (on top of {@link NOT_FINITE}). */
const BAD_FINITE = {
  y: [0, 2, 0.5, -3, 1 + 2 ** -52],
  gamma: [-0.1, 1.5, -1e-300, 1 + 2 ** -52],
  m: [0, -2, 2.5, 2 ** 53],
  lr: [0, -1, -1e-300],
  steps: [-1, 1.5, 2 ** 53],
  scale: [-1, -1e-300],
  sigma: [-1, -1e-300],
};
const BAD_LOSS: readonly unknown[] = ['hinge', 'EXP', '', 1, null];
const BAD_SEED: readonly unknown[] = [null, NaN, Infinity, true, {}, []];

function pick<T>(xs: readonly T[], i: number): T {
  return xs[i % xs.length];
}

/**
 * Malformed problem files, each with the field `validateProblem` must name: a small valid problem
 * (n, d, m ∈ 1..3, integer entries) with exactly one defect — a wrong type, a non-finite number, a
 * value out of range, a wrong length or shape, a missing or unknown field, or a non-object root.
 * An invalid-input arbitrary: none of its outputs is a valid problem.
 */
export function invalidProblemArb(): fc.Arbitrary<InvalidProblem> {
  return fc
    .record({
      n: fc.integer({ min: 1, max: 3 }),
      d: fc.integer({ min: 1, max: 3 }),
      m: fc.integer({ min: 1, max: 3 }),
      entries: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 9, maxLength: 9 }),
      labels: fc.array(fc.constantFrom(1, -1), { minLength: 3, maxLength: 3 }),
      gamma: fc.double({ min: 0, max: 1, noNaN: true }),
      lr: fc.double({ min: 1e-3, max: 1, noNaN: true }),
      steps: fc.integer({ min: 0, max: 10 }),
      mutation: fc.constantFrom(...MUTATIONS),
      i: fc.nat({ max: 1000 }),
      k: fc.nat({ max: 1000 }),
    })
    .map((p): InvalidProblem => {
      const { n, d, m } = p;
      const X = Array.from({ length: n }, (_, r) => Array.from({ length: d }, (_, c) => p.entries[r * 3 + c]));
      const base: Record<string, unknown> = { X, y: p.labels.slice(0, n), gamma: p.gamma, m, lr: p.lr, steps: p.steps };
      const r = p.i % n;
      const c = p.k % d;
      const j = p.i % m;
      const notFinite = pick(NOT_FINITE, p.k);
      const badNumber = (extra: readonly number[]): unknown => pick([...extra, ...NOT_FINITE], p.k);
      const out = (raw: unknown, field: string): InvalidProblem => ({ raw, field, label: p.mutation });
      const copyX = (): unknown[][] => X.map((row) => [...row]);
      const rowsOf = (rr: number, cc: number): number[][] => Array.from({ length: rr }, () => new Array<number>(cc).fill(0));
      switch (p.mutation) {
        case 'root':
          return out(pick(BAD_ROOT, p.k), 'problem');
        case 'unknown-field': {
          const key = pick(UNKNOWN_KEYS, p.k);
          return out({ ...base, [key]: 1 }, key);
        }
        case 'missing': {
          const field = pick(REQUIRED, p.k);
          const { [field]: _dropped, ...rest } = base;
          return out(rest, field);
        }
        case 'X-not-array':
          return out({ ...base, X: pick([null, 3, 'X', {}], p.k) }, 'X');
        case 'X-empty':
          return out({ ...base, X: [] }, 'X');
        case 'X-row': {
          const Xb: unknown[] = copyX();
          Xb[r] = pick<unknown>([5, null, 'row', {}, []], p.k);
          return out({ ...base, X: Xb }, `X[${r}]`);
        }
        case 'X-ragged': {
          // A row one entry too long, after row 0 (row 0 fixes d); for n = 1, a second, longer row.
          const Xb = copyX();
          const rr = n === 1 ? 1 : 1 + (p.i % (n - 1));
          Xb[rr] = [...(Xb[rr] ?? X[0]), 0];
          return out({ ...base, X: Xb }, `X[${rr}]`);
        }
        case 'X-entry': {
          const Xb = copyX();
          Xb[r][c] = notFinite;
          return out({ ...base, X: Xb }, `X[${r}][${c}]`);
        }
        case 'y-not-array':
          return out({ ...base, y: pick([1, null, '1', {}], p.k) }, 'y');
        case 'y-length':
          return out({ ...base, y: p.k % 2 === 0 ? [...p.labels.slice(0, n), 1] : p.labels.slice(0, n - 1) }, 'y');
        case 'y-entry': {
          const y = p.labels.slice(0, n) as unknown[];
          y[r] = badNumber(BAD_FINITE.y);
          return out({ ...base, y }, `y[${r}]`);
        }
        case 'gamma':
          return out({ ...base, gamma: badNumber(BAD_FINITE.gamma) }, 'gamma');
        case 'm':
          return out({ ...base, m: badNumber(BAD_FINITE.m) }, 'm');
        case 'a-length':
          return out({ ...base, a: new Array<number>(m + 1 + (p.k % 2)).fill(1) }, 'a');
        case 'a-empty': {
          const { m: _m, ...rest } = base;
          return out({ ...rest, a: [] }, 'a');
        }
        case 'a-entry': {
          const a: unknown[] = new Array<number>(m).fill(1);
          a[j] = notFinite;
          return out({ ...base, a }, `a[${j}]`);
        }
        case 'W0-rows':
          return out({ ...base, W0: p.k % 3 === 0 ? pick([3, null, 'W'], p.i) : rowsOf(m + 1, d) }, 'W0');
        case 'W0-row': {
          const W0: unknown[] = rowsOf(m, d);
          W0[j] = p.k % 2 === 0 ? new Array<number>(d + 1).fill(0) : pick([3, null, 'w'], p.i);
          return out({ ...base, W0 }, `W0[${j}]`);
        }
        case 'W0-entry': {
          const W0: unknown[][] = rowsOf(m, d);
          W0[j][c] = notFinite;
          return out({ ...base, W0 }, `W0[${j}][${c}]`);
        }
        case 'init':
          return out({ ...base, init: pick([null, 3, 'init', [1, 2]], p.k) }, 'init');
        case 'init-scale':
          return out({ ...base, init: p.i % 5 === 0 ? { seed: 1 } : { scale: badNumber(BAD_FINITE.scale), seed: 1 } }, 'init.scale');
        case 'init-seed':
          return out({ ...base, init: p.i % 5 === 0 ? { scale: 1 } : { scale: 1, seed: pick(BAD_SEED, p.k) } }, 'init.seed');
        case 'loss':
          return out({ ...base, loss: pick(BAD_LOSS, p.k) }, 'loss');
        case 'lr':
          return out({ ...base, lr: badNumber(BAD_FINITE.lr) }, 'lr');
        case 'steps':
          return out({ ...base, steps: badNumber(BAD_FINITE.steps) }, 'steps');
        case 'mu-length':
          return out({ ...base, mu: p.k % 3 === 0 ? pick([1, null, 'mu'], p.i) : new Array<number>(p.k % 2 === 0 ? d + 1 : d - 1).fill(0) }, 'mu');
        case 'mu-entry': {
          const mu: unknown[] = new Array<number>(d).fill(0);
          mu[c] = notFinite;
          return out({ ...base, mu }, `mu[${c}]`);
        }
        case 'sigmaDiag-length':
          return out({ ...base, sigmaDiag: new Array<number>(p.k % 2 === 0 ? d + 1 : d - 1).fill(1) }, 'sigmaDiag');
        case 'sigmaDiag-entry': {
          const sigmaDiag: unknown[] = new Array<number>(d).fill(1);
          sigmaDiag[c] = badNumber(BAD_FINITE.sigma);
          return out({ ...base, sigmaDiag }, `sigmaDiag[${c}]`);
        }
      }
    });
}
