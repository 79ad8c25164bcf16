import { DEFAULT_JUDGE_DIGITS } from '../../compare/judge.js';
import { commandTrainer, failureLine, fmt, segmentName, trainerLabel } from '../../compare/report.js';
import { STRESS_STEPS, runStressCase, stressCases, type StressOutcome, type StressVerdict } from '../../compare/stress.js';
import { MAX_DIGITS, MIN_DIGITS } from '../../engines/decimal/index.js';
import { InputError } from '../../errors.js';
import { numberOption, parseArgs, stringOption } from '../args.js';
import { ExitCode } from '../exitCodes.js';
import { toJson, writeTextFile } from '../io.js';
import type { Command } from './command.js';

const OUTCOME_WORDS: Readonly<Record<StressOutcome, string>> = {
  'within-model': 'within the model',
  'refused-as-expected': 'refused as expected',
  'beyond-model': 'LEAVES THE MODEL',
  failed: 'FAILED',
  'not-refused': 'NOT REFUSED',
};

/** What a verdict line says after the outcome. */
function detail(v: StressVerdict): string {
  const j = v.judgement;
  if (v.error) return `${v.error.kind}: ${v.error.message}`;
  if (j === undefined) return '';
  if (j.firstFailure) return `at t = ${j.firstFailure.to} (${segmentName(j.firstFailure)}): ${failureLine(j.firstFailure)}`;
  const kinks = j.kinkSegments > 0 ? `, ${j.kinkSegments} at a kink: not judged` : '';
  const unbounded = j.unboundedSegments > 0 ? `, ${j.unboundedSegments} unbounded: not judged` : '';
  const vacuous = v.outcome === 'not-refused' ? ' (the run should have left the float64 range, and no segment could be judged)' : '';
  return `finite W; ${j.judged} of ${j.segments.length} segments judged${kinks}${unbounded}; worst ratio ${fmt(j.worstRatio)}${vacuous}`;
}

export const stress: Command = {
  summary: 'run a trainer (default: the float64 engine) on the edge tier (duplicated, collinear and zero points, W0 = 0, huge and tiny norms, d < n, non-separable, one class, n = 1, an overflow) and judge each run',
  synopsis: 'stress [--trainer "CMD" [--trainer-timeout S]] [--digits N] [--json FILE]',
  async run(argv, io) {
    const args = parseArgs(argv, ['trainer', 'trainer-timeout', 'digits', 'json']);
    if (args.positionals.length > 0) throw new InputError('ARGS', `stress takes no positional argument, got ${JSON.stringify(args.positionals[0])}`);
    const digits = numberOption(args, 'digits', { integer: true, min: MIN_DIGITS, max: MAX_DIGITS });
    const jsonPath = stringOption(args, 'json');
    const cases = stressCases();
    const run = commandTrainer(stringOption(args, 'trainer'), numberOption(args, 'trainer-timeout', { positive: true }));
    io.out(`stress: ${trainerLabel(run)} on ${cases.length} edge cases, checkpoints every step 0…${STRESS_STEPS}, judged against decimal GD at ${digits ?? DEFAULT_JUDGE_DIGITS} digits\n`);
    const width = Math.max(...cases.map((c) => c.name.length));
    const outcomeWidth = Math.max(...Object.values(OUTCOME_WORDS).map((w) => w.length));
    const verdicts: StressVerdict[] = [];
    try {
      for (const c of cases) {
        if (io.isTty) io.err(`\r${c.name}…\x1b[K`);
        const v = await runStressCase(c, run.trainer, digits !== undefined ? { digits } : {});
        if (io.isTty) io.err('\r\x1b[K');
        verdicts.push(v);
        io.out(`  ${c.name.padEnd(width)}  ${OUTCOME_WORDS[v.outcome].padEnd(outcomeWidth)}  ${detail(v)}\n`);
        io.out(`  ${''.padEnd(width)}  ${''.padEnd(outcomeWidth)}  case: ${c.description}${c.expectsRefusal ? `; expects a refusal: ${c.expectsRefusal}` : ''}\n`);
      }
    } finally {
      await run.close();
    }
    const bad = verdicts.filter((v) => !v.pass);
    io.out(bad.length === 0 ? `all ${verdicts.length} cases as expected\n` : `${bad.length} of ${verdicts.length} cases NOT as expected: ${bad.map((v) => v.name).join(', ')}\n`);
    if (jsonPath !== undefined) {
      const report = {
        trainer: run.trainer.name,
        steps: STRESS_STEPS,
        pass: bad.length === 0,
        cases: verdicts.map((v, k) => ({
          name: v.name,
          description: v.description,
          expectsRefusal: cases[k]!.expectsRefusal ?? null,
          outcome: v.outcome,
          pass: v.pass,
          error: v.error ?? null,
          judged: v.judgement?.judged ?? null,
          kinkSegments: v.judgement?.kinkSegments ?? null,
          unboundedSegments: v.judgement?.unboundedSegments ?? null,
          worstRatio: v.judgement?.worstRatio ?? null,
          firstFailure: v.judgement?.firstFailure ?? null,
          segments: v.judgement?.segments ?? [],
        })),
      };
      writeTextFile(jsonPath, `${toJson(report, 2)}\n`, '--json');
    }
    return bad.length === 0 ? ExitCode.ok : ExitCode.claimMismatch;
  },
};
