import { catalogue } from '../../claims/catalogue.js';
import type { ClaimResult, VerifyReport } from '../../claims/result.js';
import { verifyClaim } from '../../claims/verify.js';
import { InputError } from '../../errors.js';
import { formatTable, toJUnit, toJsonReport, toSvgReport } from '../../report/index.js';
import { VERSION } from '../../version.js';
import { numberOption, parseArgs, stringOption, type ParsedArgs } from '../args.js';
import { ExitCode } from '../exitCodes.js';
import { writeTextFile } from '../io.js';
import type { Command } from './command.js';

/** Runs per claim when --runs is not given. */
const DEFAULT_RUNS = 5;

/** --claims all|ID,ID, checked against the catalogue. */
export function claimIds(args: ParsedArgs): { wanted: string; ids: string[] } {
  const wanted = stringOption(args, 'claims') ?? 'all';
  const ids = wanted === 'all' ? catalogue.map((c) => c.id) : wanted.split(',').map((s) => s.trim());
  for (const id of ids) {
    if (!catalogue.some((c) => c.id === id)) {
      throw new InputError('--claims', `unknown claim ${JSON.stringify(id)} (known: ${catalogue.map((c) => c.id).join(', ')})`);
    }
  }
  return { wanted, ids };
}

/** --seed S, or a fresh one (printed by the caller, so the run can be replayed). */
export function seedOption(args: ParsedArgs): number {
  return numberOption(args, 'seed', { integer: true, min: -(2 ** 31), max: 2 ** 32 - 1 }) ?? (Date.now() ^ (Math.random() * 2 ** 31)) >>> 0;
}

export const verify: Command = {
  summary: 'check every claim of the catalogue on generated data; exit 0 iff each is at its expected verdict',
  synopsis: 'verify [--claims all|ID,ID] [--runs N] [--seed S] [--json FILE] [--junit FILE] [--svg FILE] [--list]',
  async run(argv, io) {
    const args = parseArgs(argv, ['claims', 'runs', 'seed', 'json', 'junit', 'svg'], ['list']);
    if (args.positionals.length > 0) throw new InputError(args.positionals[0]!, 'unexpected argument (verify takes only --flags)');
    if (args.options.get('list')) {
      io.out(`${catalogue.map((c) => `${c.id}\t${c.source}\t${c.tag}\texpected ${c.expected}`).join('\n')}\n`);
      return ExitCode.ok;
    }
    const { wanted, ids } = claimIds(args);
    const runs = numberOption(args, 'runs', { integer: true, min: 1, max: 10_000 }) ?? DEFAULT_RUNS;
    const seed = seedOption(args);
    const outputs = { json: stringOption(args, 'json'), junit: stringOption(args, 'junit'), svg: stringOption(args, 'svg') };
    io.err(`benign-check verify: seed ${seed}, ${runs} runs per claim, ${ids.length} claims (replay: npx benign-check verify --claims ${wanted} --runs ${runs} --seed ${seed})\n`);

    const results: ClaimResult[] = [];
    for (const [k, id] of ids.entries()) {
      if (io.isTty) io.err(`\r[${k + 1}/${ids.length}] ${id}…\u001b[K`);
      const claim = catalogue.find((c) => c.id === id)!;
      results.push(verifyClaim(claim as never, runs, seed));
    }
    if (io.isTty) io.err('\r\u001b[K');
    const report: VerifyReport = {
      tool: 'benign-check',
      version: VERSION,
      seed,
      runsPerClaim: runs,
      claims: results,
      ok: results.every((r) => r.ok),
    };
    io.out(formatTable(report, { color: io.isTty }));
    if (outputs.json) writeTextFile(outputs.json, toJsonReport(report), '--json');
    if (outputs.junit) writeTextFile(outputs.junit, toJUnit(report), '--junit');
    if (outputs.svg) writeTextFile(outputs.svg, toSvgReport(report), '--svg');
    return report.ok ? ExitCode.ok : ExitCode.claimMismatch;
  },
};
