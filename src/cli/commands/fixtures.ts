import { FIXTURE_DIR, checkFixture, loadFixtures, type FixtureVerdict } from '../../compare/fixtures.js';
import { commandTrainer, failureLine, fmt, segmentName, trainerLabel } from '../../compare/report.js';
import { InputError } from '../../errors.js';
import { numberOption, parseArgs, stringOption } from '../args.js';
import { ExitCode } from '../exitCodes.js';
import { toJson, writeTextFile } from '../io.js';
import type { Command } from './command.js';

/** One line: what a fixture says about the trainer. */
function verdictLine(v: FixtureVerdict, width: number): string {
  const name = v.name.padEnd(width);
  const j = v.judgement;
  if (v.trainerError) return `  ${name}  TRAINER FAILED    at t ${v.trainerError.from} → ${v.trainerError.to}: ${v.trainerError.message}`;
  if (j.firstFailure) return `  ${name}  LEAVES THE MODEL  at t = ${j.firstFailure.to} (${segmentName(j.firstFailure)}): ${failureLine(j.firstFailure)}`;
  const kinks = j.segments.filter((s) => s.status === 'kink').map((s) => `t ${s.from} → ${s.to}`);
  const unbounded = j.unboundedSegments > 0 ? `, ${j.unboundedSegments} unbounded: not judged` : '';
  const kinkNote = kinks.length > 0 ? `, ${kinks.length} at a kink: not judged (${kinks.slice(0, 3).join(', ')}${kinks.length > 3 ? ', …' : ''})` : '';
  return `  ${name}  within the model  ${j.segments.length} segments: ${j.judged} judged${kinkNote}${unbounded}; worst ratio ${fmt(j.worstRatio)}`;
}

export const fixtures: Command = {
  summary: 'run a trainer (default: the float64 engine) against every golden trajectory in fixtures/, segment by segment, within the rounding-error model',
  synopsis: 'fixtures check [--trainer "CMD" [--trainer-timeout S]] [--dir DIR] [--json FILE]',
  async run(argv, io) {
    const args = parseArgs(argv, ['trainer', 'trainer-timeout', 'dir', 'json']);
    const [action, ...extra] = args.positionals;
    if (action !== 'check') throw new InputError('ACTION', `expected "check", got ${action === undefined ? 'nothing' : JSON.stringify(action)}`);
    if (extra.length > 0) throw new InputError('ACTION', `unexpected ${JSON.stringify(extra[0])}`);
    const dir = stringOption(args, 'dir') ?? FIXTURE_DIR;
    const jsonPath = stringOption(args, 'json');
    const loaded = loadFixtures(dir);
    const run = commandTrainer(stringOption(args, 'trainer'), numberOption(args, 'trainer-timeout', { positive: true }));
    const digits = [...new Set(loaded.map((f) => f.ctx.digits))].join(', ');
    io.out(`fixtures check: ${trainerLabel(run)} against ${loaded.length} fixtures in ${dir} (golden decimal GD at ${digits} digits)\n`);
    const width = Math.max(...loaded.map((f) => f.fixture.name.length));
    const verdicts: FixtureVerdict[] = [];
    try {
      for (const f of loaded) {
        const v = await checkFixture(f, run.trainer, {
          onSegment: (s) => {
            if (io.isTty) io.err(`\r${f.fixture.name}: segment t ${s.from} → ${s.to}   `);
          },
        });
        if (io.isTty) io.err('\r\x1b[K');
        verdicts.push(v);
        io.out(`${verdictLine(v, width)}\n`);
      }
    } finally {
      await run.close();
    }
    const passed = verdicts.filter((v) => v.pass).length;
    io.out(
      passed === verdicts.length
        ? `all ${verdicts.length} fixtures within the model\n`
        : `${verdicts.length - passed} of ${verdicts.length} fixtures NOT within the model: ${verdicts.filter((v) => !v.pass).map((v) => v.name).join(', ')}\n`,
    );
    if (jsonPath !== undefined) {
      const report = {
        trainer: run.trainer.name,
        dir,
        pass: passed === verdicts.length,
        fixtures: verdicts.map((v) => ({
          name: v.name,
          pass: v.pass,
          digits: v.judgement.digits,
          judged: v.judgement.judged,
          kinkSegments: v.judgement.kinkSegments,
          unboundedSegments: v.judgement.unboundedSegments,
          worstRatio: v.judgement.worstRatio,
          firstFailure: v.judgement.firstFailure ?? null,
          trainerError: v.trainerError ?? null,
          segments: v.judgement.segments,
        })),
      };
      writeTextFile(jsonPath, `${toJson(report, 2)}\n`, '--json');
    }
    return passed === verdicts.length ? ExitCode.ok : ExitCode.claimMismatch;
  },
};
