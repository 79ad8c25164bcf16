import { judgeTrajectory, type CandidateCheckpoint } from '../../compare/judge.js';
import { commandTrainer, verdictLines } from '../../compare/report.js';
import { parseTrajectory } from '../../compare/trajectoryFile.js';
import { MAX_DIGITS, MIN_DIGITS } from '../../engines/decimal/index.js';
import { InputError, NumericalError, TrainerError } from '../../errors.js';
import type { Problem } from '../../problem/types.js';
import { parseProblem } from '../../problem/validate.js';
import { integerListOption, numberOption, parseArgs, stringOption } from '../args.js';
import { ExitCode } from '../exitCodes.js';
import { readTextFile, toJson, writeTextFile } from '../io.js';
import type { Command } from './command.js';

/** Last step of the default --checkpoints (every step 0..20): short enough that Δ = 1 segments stay cheap in decimal. */
const DEFAULT_TRAINER_STEPS = 20;

/** `t = 0…30` for a contiguous run, else the first few values. */
function describeTs(ts: readonly number[]): string {
  const contiguous = ts.every((t, k) => k === 0 || t === ts[k - 1]! + 1);
  if (contiguous && ts.length > 3) return `t = ${ts[0]}…${ts[ts.length - 1]} every step`;
  return `t = ${ts.slice(0, 10).join(', ')}${ts.length > 10 ? ', …' : ''}`;
}

function describeProblem(p: Problem): string {
  return `n = ${p.n}, d = ${p.d}, m = ${p.m}, ${p.loss} loss, γ = ${p.gamma}, α = ${p.lr}`;
}

export const compare: Command = {
  summary: "judge a trajectory (a file, or a user's trainer) against the decimal reference within the rounding-error model, segment by segment",
  synopsis: 'compare PROBLEM.json (TRAJECTORY.json | --trainer "CMD" [--checkpoints 0,1,2,…] [--trainer-timeout S]) [--digits N] [--json FILE]',
  async run(argv, io) {
    const args = parseArgs(argv, ['digits', 'json', 'trainer', 'checkpoints', 'trainer-timeout']);
    const [problemPath, trajectoryPath, ...extra] = args.positionals;
    if (problemPath === undefined) throw new InputError('PROBLEM', 'missing: give the path of a problem file');
    if (extra.length > 0) throw new InputError('TRAJECTORY', `expected one problem file and one trajectory file, got ${args.positionals.length} files`);
    const command = stringOption(args, 'trainer');
    if (command !== undefined && trajectoryPath !== undefined) throw new InputError('--trainer', 'give a trajectory file or --trainer, not both');
    if (command === undefined && trajectoryPath === undefined) throw new InputError('TRAJECTORY', 'missing: give a trajectory file or --trainer "CMD"');
    if (command === undefined && args.options.has('checkpoints')) throw new InputError('--checkpoints', 'applies only with --trainer');
    const digits = numberOption(args, 'digits', { integer: true, min: MIN_DIGITS, max: MAX_DIGITS });
    const timeout = numberOption(args, 'trainer-timeout', { positive: true });
    const listed = integerListOption(args, 'checkpoints');
    listed?.forEach((t, k) => {
      if (k > 0 && t <= listed[k - 1]!) throw new InputError('--checkpoints', `must be strictly increasing, got ${listed[k - 1]} then ${t}`);
    });
    const jsonPath = stringOption(args, 'json');
    const problem = parseProblem(readTextFile(problemPath, 'PROBLEM'));

    let checkpoints: readonly CandidateCheckpoint[];
    let source: string;
    if (trajectoryPath !== undefined) {
      checkpoints = parseTrajectory(readTextFile(trajectoryPath, 'TRAJECTORY'), problem);
      source = trajectoryPath;
    } else {
      const ts = listed ?? Array.from({ length: Math.min(problem.steps, DEFAULT_TRAINER_STEPS) + 1 }, (_, t) => t);
      const run = commandTrainer(command, timeout);
      source = run.trainer.name;
      try {
        checkpoints = await run.trainer.train(problem, ts);
      } catch (e) {
        if (e instanceof TrainerError) {
          io.err(`benign-check compare: the trainer failed: ${e.message}\n`);
          return ExitCode.claimMismatch;
        }
        if (e instanceof NumericalError) {
          io.err(`benign-check compare: numerical failure of the trainer: ${e.message}\n`);
          return ExitCode.numerical;
        }
        throw e;
      } finally {
        await run.close();
      }
    }

    const ts = checkpoints.map((c) => c.t);
    io.out(`compare: ${problemPath} (${describeProblem(problem)}) against ${source}: ${checkpoints.length} checkpoint${checkpoints.length === 1 ? '' : 's'}, ${describeTs(ts)}\n`);
    const verdict = judgeTrajectory(problem, checkpoints, {
      ...(digits !== undefined ? { digits } : {}),
      onSegment: (s, k, count) => {
        if (io.isTty) io.err(`\rjudging segment ${k + 1}/${count} (t ${s.from} → ${s.to})`);
      },
    });
    if (io.isTty) io.err('\n');
    io.out(`${verdictLines(verdict).join('\n')}\n`);
    if (jsonPath !== undefined) {
      const report = {
        problem: problemPath,
        trajectory: source,
        digits: verdict.digits,
        pass: verdict.pass,
        judged: verdict.judged,
        kinkSegments: verdict.kinkSegments,
        unboundedSegments: verdict.unboundedSegments,
        worstRatio: verdict.worstRatio,
        firstFailure: verdict.firstFailure ?? null,
        segments: verdict.segments,
      };
      writeTextFile(jsonPath, `${toJson(report, 2)}\n`, '--json');
    }
    return verdict.pass ? ExitCode.ok : ExitCode.claimMismatch;
  },
};
