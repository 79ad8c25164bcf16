import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Decimal } from 'decimal.js';
import { descent, exactDecimal, makeDecimalContext, step as decimalStep, toDouble, type DecimalContext } from '../engines/decimal/index.js';
import { InputError, NumericalError, TrainerError } from '../errors.js';
import { unitRoundoff } from '../numerics/roundoff.js';
import type { Problem, ProblemFile } from '../problem/types.js';
import { validateProblem } from '../problem/validate.js';
import type { Trainer } from '../trainers/types.js';
import { judgeSegment, roundedWeights, summarise, type SegmentJudgement, type TrajectoryJudgement } from './judge.js';

/**
 * Golden trajectories: GD computed by the decimal engine at {@link FIXTURE_DIGITS} digits on named
 * problems that reach the model's corners (docs/theory.md §1, §3.5, §4), stored with every digit in
 * `fixtures/<name>.json`. They pin the reference (a tripwire test regenerates them and compares the
 * text) and let any trainer be judged without running the reference: `benign-check fixtures check`.
 *
 * The data are dyadic rationals from a local integer generator (no dependence on `src/data`), so
 * every number is exact in binary and in decimal, and a change elsewhere cannot move a fixture.
 */

/** Precision of the golden runs (the lockstep property's 50, docs/theory.md §7.3). */
export const FIXTURE_DIGITS = 50;
/** The stored checkpoints: every step to 20 (the sharp, one-step segments), then a few later ones. */
export const FIXTURE_CHECKPOINTS: readonly number[] = [...Array.from({ length: 21 }, (_, t) => t), 25, 30, 40, 50];
/** The `format` field of a fixture file. */
export const FIXTURE_FORMAT = 'benign-check fixture 1';
/** The fixtures/ directory of the repository (two levels above src/compare and dist/compare). */
export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** A named problem to compute a golden trajectory of. */
export interface FixtureSpec {
  readonly name: string;
  /** What corner of the model it reaches, in one sentence. */
  readonly description: string;
  /** A problem file with `W0`, `a` and `m` explicit; `steps` is the last checkpoint. */
  readonly problem: ProblemFile;
}

/** A fixture file's content. */
export interface Fixture {
  readonly format: string;
  readonly name: string;
  readonly description: string;
  readonly digits: number;
  readonly regenerate: string;
  readonly problem: ProblemFile;
  /** W(t) at each checkpoint, m rows of d decimal strings with every digit of the decimal run. */
  readonly checkpoints: readonly { readonly t: number; readonly W: readonly (readonly string[])[] }[];
}

/** mulberry32: a 32-bit integer generator, bit-identical on every platform (only Math.imul and shifts). */
function integerStream(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Grid of the noise: multiples of 2⁻¹⁰, exact in binary and in decimal. */
const NOISE_GRID = 1024;

/**
 * Roughly Gaussian noise of standard deviation ≈ 0.58 (a sum of four uniforms on [−½, ½)), on the
 * grid of {@link NOISE_GRID}: 12 random bits per uniform.
 */
function noiseStream(seed: number): () => number {
  const next = integerStream(seed);
  return () => {
    let s = 0;
    for (let r = 0; r < 4; r++) s += (next() >>> 20) - 2048;
    return Math.round((s / 4096) * NOISE_GRID) / NOISE_GRID;
  };
}

/** Labels ±1 from a stream, with both classes present when n ≥ 2 (the first two differ). */
function labels(n: number, seed: number): number[] {
  const next = integerStream(seed);
  return Array.from({ length: n }, (_, i) => (i === 0 ? 1 : i === 1 ? -1 : next() >>> 31 ? 1 : -1));
}

/** n points y_i·μ + noise·scale, μ = muNorm·e_1. */
function mixture(n: number, d: number, muNorm: number, noiseScale: number, seed: number): { X: number[][]; y: number[] } {
  const y = labels(n, seed);
  const noise = noiseStream(seed + 1);
  const X = y.map((yi) => Array.from({ length: d }, (_, k) => (k === 0 ? yi * muNorm : 0) + noiseScale * noise()));
  return { X, y };
}

/** m×d initial weights: noise times `scale` (a power of two, so the entries stay on a dyadic grid). */
function smallInit(m: number, d: number, scale: number, seed: number): number[][] {
  const noise = noiseStream(seed);
  return Array.from({ length: m }, () => Array.from({ length: d }, () => scale * noise()));
}

/** The balanced second layer ±1/√m of docs/theory.md §1.1, written out. */
function balanced(m: number): number[] {
  return Array.from({ length: m }, (_, j) => (j < Math.ceil(m / 2) ? 1 : -1) / Math.sqrt(m));
}

function problemFile(fields: Omit<ProblemFile, 'steps' | 'm' | 'a'> & { W0: number[][]; a?: number[] }): ProblemFile {
  const m = fields.W0.length;
  const { X, y, gamma, W0, loss, lr } = fields;
  return { X, y, gamma, m, a: fields.a ?? balanced(m), W0, loss: loss ?? 'exp', lr, steps: FIXTURE_CHECKPOINTS[FIXTURE_CHECKPOINTS.length - 1]! };
}

/** The scale of the huge-norm and tiny-norm fixtures: X by 10^±100, W0 by 10^∓100, α by 10^∓200 (the same GD, rescaled). */
const NORM_SCALE = 1e100;

/** The named problems, in a fixed order. */
export function fixtureSpecs(): FixtureSpec[] {
  const strong = mixture(6, 4, 4, 1, 11);
  const weak = mixture(5, 3, 1, 1, 41);
  const orth = ((): { X: number[][]; y: number[] } => {
    const y = labels(4, 21);
    const noise = noiseStream(22);
    return { X: y.map((_, i) => Array.from({ length: 16 }, (_, k) => (k === i ? 2 : 0) + noise() / 16)), y };
  })();
  const scaled = mixture(4, 3, 2, 1, 71);
  const scaledW0 = smallInit(4, 3, 1 / 64, 72);
  const zero = mixture(4, 3, 2, 1, 51);
  // ⟨w_0(0), x_0⟩ = 0.5·0.25 − 0.25·0.5 + 0.125·0 = 0, exactly, in any arithmetic and any order.
  zero.X[0] = [0.25, 0.5, 0];
  const zeroW0 = smallInit(4, 3, 1 / 8, 52);
  zeroW0[0] = [0.5, -0.25, 0.125];
  return [
    {
      name: 'tiny',
      description: 'n = 2, d = 2, m = 2, hand-written: the smallest case to read by hand',
      problem: problemFile({ X: [[1, 0.5], [-0.5, 1]], y: [1, -1], gamma: 0.5, W0: [[0.125, -0.0625], [0.03125, 0.25]], lr: 0.5 }),
    },
    {
      name: 'strong-signal',
      description: 'Case 1 of docs/theory.md §4 (every ⟨y_i x_i, y_k x_k⟩ ≥ 0): ‖μ‖ = 4, noise ≈ 0.58 per entry, small init',
      problem: problemFile({ ...strong, gamma: 0.1, W0: smallInit(4, 4, 1 / 1024, 12), lr: 1 / 16 }),
    },
    {
      name: 'near-orthogonal',
      description: 'Case 2 of docs/theory.md §4 (γ min‖x_k‖² ≥ n max|⟨x_i, x_k⟩|) and not Case 1: x_i = 2e_i + small noise in d = 16',
      problem: problemFile({ ...orth, gamma: 0.5, W0: smallInit(4, 16, 1 / 1024, 23), lr: 1 / 4 }),
    },
    {
      name: 'logistic',
      description: 'the logistic loss log(1 + e^{−u}) of docs/theory.md §1.2 on a weak-signal mixture (‖μ‖ = 1)',
      problem: problemFile({ ...weak, gamma: 0.2, W0: smallInit(4, 3, 1 / 64, 42), loss: 'logistic', lr: 1 / 2 }),
    },
    {
      name: 'relu',
      description: 'γ = 0, the plain ReLU: negative pre-activations carry no gradient (docs/theory.md §1.1)',
      problem: problemFile({ ...mixture(4, 3, 2, 1, 31), gamma: 0, W0: smallInit(4, 3, 1 / 4, 32), lr: 1 / 4 }),
    },
    {
      name: 'zero-preactivation',
      description: '⟨w_0(0), x_0⟩ = 0 exactly: φ′(0) = γ by convention (docs/theory.md §1.1), a kink at step 0',
      problem: problemFile({ ...zero, gamma: 0.25, W0: zeroW0, lr: 1 / 8 }),
    },
    {
      name: 'd-less-than-n',
      description: 'd = 2 < n = 10, odd m = 3 (unbalanced blocks): the data cannot be near-orthogonal',
      problem: problemFile({ ...mixture(10, 2, 1, 1, 61), gamma: 0.1, W0: smallInit(3, 2, 1 / 256, 62), lr: 1 / 4 }),
    },
    {
      name: 'huge-norms',
      description: 'X scaled by 1e100, W0 by 1e-100 and α by 1e-200: the same GD far up the double range (‖x_i‖² ≈ 1e200)',
      problem: problemFile({
        X: scaled.X.map((r) => r.map((v) => v * NORM_SCALE)),
        y: scaled.y,
        gamma: 0.1,
        W0: scaledW0.map((r) => r.map((v) => v / NORM_SCALE)),
        lr: 1 / 8 / NORM_SCALE / NORM_SCALE,
      }),
    },
    {
      name: 'tiny-norms',
      description: 'X scaled by 1e-100, W0 by 1e100 and α by 1e200: the same GD far down the double range (‖x_i‖² ≈ 1e-200)',
      problem: problemFile({
        X: scaled.X.map((r) => r.map((v) => v / NORM_SCALE)),
        y: scaled.y,
        gamma: 0.1,
        W0: scaledW0.map((r) => r.map((v) => v * NORM_SCALE)),
        lr: (1 / 8) * NORM_SCALE * NORM_SCALE,
      }),
    },
  ];
}

/** A golden run: the fixture, and the reference W at every step 0..last (for judging without rerunning the reference). */
export interface GoldenRun {
  readonly fixture: Fixture;
  readonly path: readonly Decimal[][];
}

/** Computes a fixture: decimal GD from the problem's W0 at {@link FIXTURE_DIGITS} digits, W kept at every step. */
export function generateFixture(spec: FixtureSpec): GoldenRun {
  const problem = validateProblem(spec.problem);
  const ctx = makeDecimalContext(problem, { digits: FIXTURE_DIGITS });
  const last = FIXTURE_CHECKPOINTS[FIXTURE_CHECKPOINTS.length - 1]!;
  const run = descent(ctx);
  const path: Decimal[][] = [ctx.W0.slice()];
  for (let t = 1; t <= last; t++) {
    run.advance();
    path.push(run.weights());
  }
  const rows = (W: readonly Decimal[]): string[][] =>
    Array.from({ length: problem.m }, (_, j) => W.slice(j * problem.d, (j + 1) * problem.d).map((v) => v.toString()));
  return {
    fixture: {
      format: FIXTURE_FORMAT,
      name: spec.name,
      description: spec.description,
      digits: FIXTURE_DIGITS,
      regenerate: 'npm run fixtures (builds, then runs scripts/fixtures.mjs)',
      problem: spec.problem,
      checkpoints: FIXTURE_CHECKPOINTS.map((t) => ({ t, W: rows(path[t]!) })),
    },
    path,
  };
}

/** JSON with every array of scalars on one line and every other level indented by two spaces. */
function layout(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => inner + layout(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layout(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** The text of a fixture file (deterministic: the tripwire compares it character by character). */
export function fixtureText(fixture: Fixture): string {
  return `${layout(fixture, '')}\n`;
}

/** A fixture read back: its problem in engine form and its checkpoints as exact decimals. */
export interface LoadedFixture {
  readonly fixture: Fixture;
  readonly problem: Problem;
  readonly ctx: DecimalContext;
  readonly checkpoints: readonly { readonly t: number; readonly W: readonly Decimal[] }[];
}

/**
 * Checks a parsed fixture file and reads its decimals exactly.
 * @param where - the file, prefixed to every field in errors (`fixtures/tiny.json: checkpoints[3].W[1][2]`)
 * @throws InputError naming the field
 */
export function loadFixture(raw: unknown, where: string): LoadedFixture {
  const fail = (field: string, message: string): never => {
    throw new InputError(`${where}: ${field}`, message);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('fixture', 'expected a JSON object');
  const f = raw as Record<string, unknown>;
  if (f['format'] !== FIXTURE_FORMAT) fail('format', `expected ${JSON.stringify(FIXTURE_FORMAT)}, got ${JSON.stringify(f['format'])}`);
  if (typeof f['name'] !== 'string') fail('name', 'expected a string');
  const digits = f['digits'];
  if (typeof digits !== 'number' || !Number.isInteger(digits)) return fail('digits', `expected an integer, got ${JSON.stringify(digits)}`);
  let problem: Problem;
  try {
    problem = validateProblem(f['problem']);
  } catch (e) {
    if (e instanceof InputError) return fail(`problem.${e.field}`, e.message.slice(e.field.length + 2));
    throw e;
  }
  let ctx: DecimalContext;
  try {
    ctx = makeDecimalContext(problem, { digits });
  } catch (e) {
    if (e instanceof InputError) return fail('digits', e.message.slice(e.field.length + 2));
    throw e;
  }
  const cps = f['checkpoints'];
  if (!Array.isArray(cps) || cps.length === 0) return fail('checkpoints', 'expected a non-empty array');
  let previous = -1;
  const checkpoints = cps.map((c: unknown, k) => {
    const at = `checkpoints[${k}]`;
    if (typeof c !== 'object' || c === null) return fail(at, 'expected {"t", "W"}');
    const { t, W } = c as { t?: unknown; W?: unknown };
    if (typeof t !== 'number' || !Number.isSafeInteger(t) || t <= previous) return fail(`${at}.t`, `expected an integer above ${previous}, got ${JSON.stringify(t)}`);
    previous = t;
    if (!Array.isArray(W) || W.length !== problem.m) return fail(`${at}.W`, `expected ${problem.m} rows`);
    const flat: Decimal[] = [];
    W.forEach((row: unknown, j) => {
      if (!Array.isArray(row) || row.length !== problem.d) return fail(`${at}.W[${j}]`, `expected ${problem.d} decimal strings`);
      row.forEach((v: unknown, l) => {
        let dec: Decimal | undefined;
        try {
          dec = typeof v === 'string' ? new ctx.D(v) : undefined;
        } catch {
          dec = undefined;
        }
        if (dec === undefined || !dec.isFinite()) fail(`${at}.W[${j}][${l}]`, `expected a finite decimal string, got ${JSON.stringify(v)}`);
        flat.push(dec!);
      });
      return undefined;
    });
    return { t, W: flat };
  });
  if (checkpoints[0]!.t !== 0) fail('checkpoints[0].t', 'a fixture starts at t = 0');
  return { fixture: raw as Fixture, problem, ctx, checkpoints };
}

/** Every `*.json` in `dir`, loaded (sorted by file name). @throws InputError on an unreadable or malformed file */
export function loadFixtures(dir: string = FIXTURE_DIR): LoadedFixture[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch (e) {
    throw new InputError('--dir', `cannot read ${JSON.stringify(dir)} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (names.length === 0) throw new InputError('--dir', `no fixture (*.json) in ${JSON.stringify(dir)}`);
  return names.map((name) => {
    const file = path.join(dir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new InputError(file, `not a readable JSON file (${(e as Error).message})`);
    }
    return loadFixture(raw, file);
  });
}

/** A fixture's verdict on a trainer. */
export interface FixtureVerdict {
  readonly name: string;
  readonly judgement: TrajectoryJudgement;
  /** The trainer's error (a TrainerError or NumericalError message) on the first segment it failed, if any. */
  readonly trainerError?: { readonly from: number; readonly to: number; readonly message: string };
  readonly pass: boolean;
}

/** |round(W) − W| entry by entry, rounded up (the exact difference rounded to double, plus one ulp of it). */
function roundingDeviation(W: readonly Decimal[], rounded: Float64Array, ctx: DecimalContext): Float64Array {
  return Float64Array.from(W, (v, e) => Math.abs(toDouble(exactDecimal(rounded[e]!, ctx.D).minus(v))) * (1 + 2 * unitRoundoff));
}

/**
 * Runs `trainer` against one fixture: for each pair of consecutive checkpoints (t_k, t_{k+1}) it asks
 * for GD from W0 = the fixture's W(t_k) rounded to double, checkpoints [0, Δ], and judges the answer's
 * W(Δ) against the fixture's exact W(t_{k+1}); the bound is the segment bound from W(t_k) rounded plus
 * the rounding of the start, propagated (judge.ts). The intermediate reference steps of a segment of
 * Δ > 1 are recomputed from the fixture's W(t_k) (or taken from `path`, a golden run's every step).
 * A trainer error ends the fixture's run as a failure with its message.
 */
export async function checkFixture(
  loaded: LoadedFixture,
  trainer: Trainer,
  options: { path?: readonly (readonly Decimal[])[]; onSegment?: (s: SegmentJudgement) => void } = {},
): Promise<FixtureVerdict> {
  const { fixture, problem, ctx, checkpoints } = loaded;
  const base = {
    X: fixture.problem.X,
    y: fixture.problem.y,
    gamma: problem.gamma,
    m: problem.m,
    a: Array.from(problem.a),
    loss: problem.loss,
    lr: problem.lr,
  };
  const segments: SegmentJudgement[] = [];
  for (let k = 0; k + 1 < checkpoints.length; k++) {
    const start = checkpoints[k]!;
    const end = checkpoints[k + 1]!;
    const steps = end.t - start.t;
    const rounded = roundedWeights(start.W);
    const segmentProblem = validateProblem({
      ...base,
      W0: Array.from({ length: problem.m }, (_, j) => Array.from(rounded.subarray(j * problem.d, (j + 1) * problem.d))),
      steps,
    });
    let answer;
    try {
      answer = await trainer.train(segmentProblem, [0, steps]);
    } catch (e) {
      if (e instanceof TrainerError || e instanceof NumericalError) {
        const judgement = summarise(ctx.digits, segments);
        return { name: fixture.name, judgement, trainerError: { from: start.t, to: end.t, message: e.message }, pass: false };
      }
      throw e;
    }
    const refPath: (readonly Decimal[])[] = [start.W];
    for (let s = 1; s < steps; s++) {
      refPath.push(options.path?.[start.t + s] ?? decimalStep(ctx, refPath[s - 1]!));
    }
    refPath.push(end.W);
    const segment = judgeSegment(problem, ctx, {
      from: start.t,
      to: end.t,
      start: start.W,
      startDeviation: roundingDeviation(start.W, rounded, ctx),
      candidate: answer[1]!.W,
      path: refPath,
    });
    segments.push(segment);
    options.onSegment?.(segment);
  }
  const judgement = summarise(ctx.digits, segments);
  return { name: fixture.name, judgement, pass: judgement.pass };
}
