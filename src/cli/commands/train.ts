import type { Decimal } from 'decimal.js';
import { toDouble, trainDecimal } from '../../engines/decimal/index.js';
import { trainFloat64 } from '../../engines/float64/index.js';
import { defaultCheckpoints, normalizeCheckpoints } from '../../engines/schedule.js';
import type { CheckpointOf } from '../../engines/types.js';
import { activeNeurons, activityThreshold, paramNorm } from '../../theory/paramNorm.js';
import { InputError } from '../../errors.js';
import { marginLoss } from '../../problem/marginLoss.js';
import type { Problem } from '../../problem/types.js';
import { parseProblem } from '../../problem/validate.js';
import { margins } from '../../theory/margins.js';
import { shapeQuantities, type ShapeQuantities } from '../../theory/shape.js';
import { choiceOption, integerListOption, numberOption, parseArgs, stringOption } from '../args.js';
import { ExitCode } from '../exitCodes.js';
import { readTextFile, toJson, writeTextFile } from '../io.js';
import type { Command } from './command.js';

const rows = <T>(flat: ArrayLike<T>, r: number, c: number): T[][] =>
  Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, k) => flat[i * c + k]!));

export const train: Command = {
  summary: 'run gradient descent on a problem file and print the trajectory as JSON',
  synopsis:
    'train PROBLEM.json [--engine float64|decimal] [--digits N] [--steps T] [--checkpoints 1,10,100] ' +
    '[--formulation auto|primal|dual] [--kernel auto|wasm|js] [--out FILE]',
  async run(argv, io) {
    const args = parseArgs(argv, ['engine', 'digits', 'steps', 'checkpoints', 'formulation', 'kernel', 'out']);
    const [file, ...extra] = args.positionals;
    if (file === undefined) throw new InputError('PROBLEM', 'missing: give the path of a problem file');
    if (extra.length > 0) throw new InputError('PROBLEM', `expected one problem file, got ${args.positionals.length}`);
    const engine = choiceOption(args, 'engine', ['float64', 'decimal'] as const) ?? 'float64';
    const digits = numberOption(args, 'digits', { integer: true, min: 20, max: 1000 });
    if (digits !== undefined && engine !== 'decimal') throw new InputError('--digits', 'applies only to --engine decimal');
    const formulation = choiceOption(args, 'formulation', ['auto', 'primal', 'dual'] as const);
    if (formulation !== undefined && engine !== 'float64') {
      throw new InputError('--formulation', 'applies only to --engine float64');
    }
    const kernel = choiceOption(args, 'kernel', ['auto', 'wasm', 'js'] as const);
    if (kernel !== undefined && engine !== 'float64') throw new InputError('--kernel', 'applies only to --engine float64');
    const problem = parseProblem(readTextFile(file, 'PROBLEM'));
    const steps = numberOption(args, 'steps', { integer: true, min: 0 }) ?? problem.steps;
    const listed = integerListOption(args, 'checkpoints');
    const checkpoints = listed ? normalizeCheckpoints(listed, steps, '--checkpoints') : defaultCheckpoints(steps);

    // docs/theory.md §11: square-loss runs also report Σ_j (a_j² + ‖w_j‖²) and the active neurons at every checkpoint.
    const square = problem.loss === 'square';
    const threshold = square ? activityThreshold(problem.W0, problem.a, problem.d) : 0;
    const sizeOf = (W: ArrayLike<number>, a: ArrayLike<number>): { paramNorm: number; activeNeurons: number } => ({
      paramNorm: paramNorm(W, a),
      activeNeurons: activeNeurons(W, a, problem.d, threshold).count,
    });
    let report: unknown;
    if (engine === 'float64') {
      const run = trainFloat64(problem, { steps, checkpoints, recordW: true, formulation: formulation ?? 'auto', kernel: kernel ?? 'auto' });
      report = {
        engine,
        formulation: run.formulation,
        kernel: run.kernel,
        steps,
        W: rows(run.W, problem.m, problem.d),
        ...(run.a ? { a: Array.from(run.a) } : {}),
        loss: run.loss,
        checkpoints: run.checkpoints.map((c) => ({
          ...float64Checkpoint(c),
          ...(square ? sizeOf(c.W as Float64Array, (c.a as Float64Array | undefined) ?? problem.a) : shapeOf(problem, c.W as Float64Array)),
        })),
      };
    } else {
      const run = trainDecimal(problem, { steps, checkpoints, recordW: true, ...(digits !== undefined ? { digits } : {}) });
      const doubles = (v: readonly Decimal[]): Float64Array => Float64Array.from(v, toDouble);
      const s = (v: Decimal): string => v.toString();
      report = {
        engine,
        digits: run.digits,
        steps,
        W: rows((run.W as readonly Decimal[]).map(s), problem.m, problem.d),
        ...(run.a ? { a: (run.a as readonly Decimal[]).map(s) } : {}),
        loss: s(run.loss),
        checkpoints: run.checkpoints.map((c) => ({
          t: c.t,
          loss: s(c.loss),
          logLoss: s(c.logLoss),
          minMargin: s(c.minMargin),
          maxMargin: s(c.maxMargin),
          normW: s(c.normW),
          ...(square
            ? sizeOf(doubles(c.W as readonly Decimal[]), c.a ? doubles(c.a as readonly Decimal[]) : problem.a)
            : decimalStrings(shapeOf(problem, doubles(c.W as readonly Decimal[])))),
        })),
      };
    }
    const text = `${toJson(report)}\n`;
    const out = stringOption(args, 'out');
    if (out === undefined) io.out(text);
    else writeTextFile(out, text, '--out');
    return ExitCode.ok;
  },
};

/** The shape quantities of docs/theory.md §9.1 at a checkpoint, from W in float64 (null where one does not exist). */
function shapeOf(problem: Problem, W: Float64Array): ShapeQuantities {
  const r = margins(problem, W, marginLoss(problem.loss));
  return shapeQuantities(problem, W, r.q, r.normF);
}

/** The decimal engine's report writes every number as a string: the shape quantities too (their float64 values). */
function decimalStrings(s: ShapeQuantities): Record<string, unknown> {
  const str = (v: number | null): string | null => (v === null ? null : String(v));
  return {
    stableRank: str(s.stableRank),
    blockStableRank: { plus: str(s.blockStableRank.plus), minus: str(s.blockStableRank.minus) },
    minNormalizedMargin: str(s.minNormalizedMargin),
    maxNormalizedMargin: str(s.maxNormalizedMargin),
    smoothedMargin: str(s.smoothedMargin),
  };
}

function float64Checkpoint(c: CheckpointOf<number>): Record<string, number> {
  return { t: c.t, loss: c.loss, logLoss: c.logLoss, minMargin: c.minMargin, maxMargin: c.maxMargin, normW: c.normW };
}
