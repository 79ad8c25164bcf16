import { InputError } from '../../errors.js';
import { parseProblem } from '../../problem/validate.js';
import { gaussianTestError, h25Hypotheses, limitDirection, minNormInterpolator, wellInitialised } from '../../theory/index.js';
import { numberOption, parseArgs, stringOption } from '../args.js';
import { ExitCode } from '../exitCodes.js';
import { readTextFile, toJson, writeTextFile } from '../io.js';
import type { Command } from './command.js';

const rows = (flat: Float64Array, r: number, c: number): number[][] =>
  Array.from({ length: r }, (_, i) => Array.from(flat.subarray(i * c, (i + 1) * c)));

export const direction: Command = {
  summary:
    'solve for the predicted limit direction Ŵ of docs/theory.md §2 and report KKT residuals, hypotheses and the test error; ' +
    'for the square loss, the min-norm interpolator of docs/theory.md §11',
  synopsis: 'direction PROBLEM.json [--case2-c C] [--out FILE]',
  async run(argv, io) {
    const args = parseArgs(argv, ['case2-c', 'out']);
    const [file, ...extra] = args.positionals;
    if (file === undefined) throw new InputError('PROBLEM', 'missing: give the path of a problem file');
    if (extra.length > 0) throw new InputError('PROBLEM', `expected one problem file, got ${args.positionals.length}`);
    const case2C = numberOption(args, 'case2-c', { min: Number.MIN_VALUE });
    const problem = parseProblem(readTextFile(file, 'PROBLEM'));
    if (problem.loss === 'square') {
      // docs/theory.md §11: the square loss has no limit direction; its prediction is the min-norm interpolator.
      const min = minNormInterpolator(problem);
      const init = wellInitialised(problem);
      const square = { ...min, wellInitialised: init.holds, uncovered: init.uncovered };
      const out = stringOption(args, 'out');
      const squareText = `${toJson(square)}\n`;
      if (out === undefined) io.out(squareText);
      else writeTextFile(out, squareText, '--out');
      return ExitCode.ok;
    }
    const hypotheses = h25Hypotheses(problem, case2C === undefined ? {} : { case2C });
    const limit = limitDirection(problem);
    let report: Record<string, unknown>;
    if (limit.status !== 'ok') {
      report = { status: limit.status, reason: limit.reason, notes: limit.notes, hypotheses };
    } else {
      const testError =
        problem.mu === undefined
          ? undefined
          : limit.wbar === null
            ? { value: null, reason: 'no w̄: the a_j of a block differ, so the blocks have no common rows' }
            : gaussianTestError(limit.wbar, problem.mu, problem.sigmaDiag);
      report = {
        status: 'ok',
        W: rows(limit.direction, problem.m, problem.d),
        normW: limit.normF,
        lambda: limit.lambda,
        wbar: limit.wbar,
        signConstraintsHold: limit.signConstraintsHold,
        kkt: limit.kkt,
        support: limit.support,
        nonDegenerate: limit.nonDegenerate,
        linearBoundary: limit.linearBoundary,
        hypotheses,
        ...(testError === undefined ? {} : { testError }),
        notes: limit.notes,
      };
    }
    const text = `${toJson(report)}\n`;
    const out = stringOption(args, 'out');
    if (out === undefined) io.out(text);
    else writeTextFile(out, text, '--out');
    return ExitCode.ok;
  },
};
