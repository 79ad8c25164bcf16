import type { ClaimResult, VerifyReport } from '../../claims/core/result.js';
import { InputError } from '../../errors.js';
import { formatTable, toJUnit, toJsonReport, toSvgReport } from '../../report/index.js';
import { parseJsonReport, type ShardField } from '../../report/parseJson.js';
import { parseArgs, stringOption } from '../args.js';
import { ExitCode } from '../exitCodes.js';
import { readTextFile, writeTextFile } from '../io.js';
import { mergeClaimShards, shardItems } from '../shard.js';
import type { Calibration } from '../../claims/core/calibrate.js';
import type { PowerReport } from '../../claims/core/power.js';
import { formatCalibration } from './calibrate.js';
import { formatPowerMatrix } from './powerTable.js';
import type { Command } from './command.js';
import { mergeSweepParts, parseSweepReport } from '../sweepMerge.js';
import { sweepJson } from '../../sweep/report.js';
import type { CliIo } from '../main.js';
import { formatSweep, sweepExitCode, writeDiagrams } from './sweep.js';

/** One report named on the command line, read back, with its shard (an unsharded report is shard 1/1). */
interface Part {
  readonly file: string;
  readonly report: VerifyReport;
  readonly shard: ShardField;
}

/** The run-wide fields every part must share, as the JSON report names them. */
const SHARED = ['version', 'seed', 'tier', 'trainer', 'runsPerClaim'] as const;

function readPart(file: string): Part {
  const { report, shard } = parseJsonReport(readTextFile(file, 'PART'), file);
  return { file, report, shard: shard ?? { index: 1, count: 1, claims: report.claims.map((c) => c.id) } };
}

/**
 * Checks that the parts are the shards of one verify run: the same run-wide fields, the same N and
 * selected claims, each holding exactly the claims of its shard, every index 1..N once. Throws an
 * InputError naming the file and the field otherwise.
 */
function checkParts(parts: readonly Part[]): void {
  const ref = parts[0]!;
  const byIndex = new Map<number, string>();
  for (const p of parts) {
    const differs = (field: string, got: unknown, want: unknown): never => {
      throw new InputError(`${p.file}: ${field}`, `${JSON.stringify(got)} differs from ${JSON.stringify(want)} in ${ref.file}: the parts are not shards of one run`);
    };
    for (const field of SHARED) if (p.report[field] !== ref.report[field]) differs(field, p.report[field], ref.report[field]);
    if (p.shard.count !== ref.shard.count) differs('shard.count', p.shard.count, ref.shard.count);
    if (p.shard.claims.join('\n') !== ref.shard.claims.join('\n')) differs('shard.claims', p.shard.claims, ref.shard.claims);
    const previous = byIndex.get(p.shard.index);
    if (previous !== undefined) throw new InputError(`${p.file}: shard.index`, `shard ${p.shard.index}/${p.shard.count} is given twice (also ${previous})`);
    byIndex.set(p.shard.index, p.file);
    const want = shardItems(p.shard.claims, p.shard);
    const got = p.report.claims.map((c) => c.id);
    const k = want.findIndex((id, i) => got[i] !== id);
    if (k >= 0) throw new InputError(`${p.file}: claims[${k}].id`, `expected ${JSON.stringify(want[k])} (shard ${p.shard.index}/${p.shard.count} of ${p.shard.claims.join(',')} holds ${want.join(',') || 'no claim'}), got ${got[k] === undefined ? 'no claim' : JSON.stringify(got[k])}`);
    if (got.length > want.length) throw new InputError(`${p.file}: claims[${want.length}].id`, `unexpected claim ${JSON.stringify(got[want.length])}: shard ${p.shard.index}/${p.shard.count} holds only ${want.join(',') || 'no claim'}`);
  }
  const count = ref.shard.count;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const given = [...byIndex].sort(([a], [b]) => a - b).map(([i, f]) => `${f} is ${i}/${count}`).join(', ');
    throw new InputError('shard.index', `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing (${given})`);
  }
}

export const merge: Command = {
  summary: 'combine the --json reports of `verify --shard i/N` (or `sweep`, `calibrate`, `power --shard i/N`) runs into one: check they are the shards of one run, print the table, write the reports; exit 0 iff every claim is ok',
  synopsis: 'merge PART.json… [--no-timings] [--json FILE] [--junit FILE] [--svg FILE] [--vega FILE]',
  async run(argv, io) {
    const args = parseArgs(argv, ['json', 'junit', 'svg', 'vega'], ['no-timings']);
    if (args.positionals.length === 0) throw new InputError('PART', 'no report given (merge takes the --json files of `verify --shard i/N` or `sweep --shard i/N` runs)');
    const kind = reportKind(readTextFile(args.positionals[0]!, 'PART'));
    if (kind === 'sweep') return mergeSweep(args, io);
    if (kind !== 'verify') {
      for (const flag of ['junit', 'svg', 'vega']) if (args.options.has(flag)) throw new InputError(`--${flag}`, `not for the parts of \`${kind} --shard i/N\``);
      return mergeClaimList(kind, args, io);
    }
    if (args.options.has('vega')) throw new InputError('--vega', 'only for the parts of `sweep --shard i/N`');
    const outputs = { json: stringOption(args, 'json'), junit: stringOption(args, 'junit'), svg: stringOption(args, 'svg') };
    const timings = !args.options.get('no-timings');
    const parts = args.positionals.map(readPart);
    checkParts(parts);
    const ref = parts[0]!.report;
    const byId = new Map<string, ClaimResult>(parts.flatMap((p) => p.report.claims.map((c) => [c.id, c] as const)));
    const claims = parts[0]!.shard.claims.map((id) => {
      const c = byId.get(id)!;
      return timings ? c : { ...c, millis: 0 };
    });
    const report: VerifyReport = {
      tool: 'benign-check',
      version: ref.version,
      seed: ref.seed,
      tier: ref.tier,
      trainer: ref.trainer,
      runsPerClaim: ref.runsPerClaim,
      claims,
      ok: claims.every((c) => c.ok),
    };
    io.err(`benign-check merge: ${parts.length} part${parts.length === 1 ? '' : 's'} of ${parts[0]!.shard.count}, seed ${report.seed}, ${report.runsPerClaim} runs per claim, ${claims.length} claims, tier ${report.tier}, trainer ${report.trainer}, version ${report.version}\n`);
    io.out(formatTable(report, { color: io.isTty }));
    if (outputs.json) writeTextFile(outputs.json, toJsonReport(report), '--json');
    if (outputs.junit) writeTextFile(outputs.junit, toJUnit(report, { durations: timings }), '--junit');
    if (outputs.svg) writeTextFile(outputs.svg, await toSvgReport(report), '--svg');
    return report.ok ? ExitCode.ok : ExitCode.claimMismatch;
  },
};

/** merge for the parts of `sweep --shard i/N`: the report (and diagrams) of the unsharded run. */
async function mergeSweep(args: ReturnType<typeof parseArgs>, io: CliIo): Promise<number> {
  if (args.options.has('junit')) throw new InputError('--junit', 'a sweep has no claims to report as tests');
  const parts = args.positionals.map((file) => ({ file, report: parseSweepReport(readTextFile(file, 'PART'), file) }));
  const report = mergeSweepParts(parts);
  io.err(`benign-check merge: ${parts.length} sweep part${parts.length === 1 ? '' : 's'}, seed ${report.seed}, ${report.cells.length} cells, version ${report.version}\n`);
  io.out(formatSweep(report));
  const json = stringOption(args, 'json');
  if (json) writeTextFile(json, sweepJson(report), '--json');
  await writeDiagrams(report, { svg: stringOption(args, 'svg'), vega: stringOption(args, 'vega') });
  return sweepExitCode(report);
}

/** Which command wrote a JSON report: sweep, calibrate and power say so in their fields; verify otherwise. */
function reportKind(text: string): 'verify' | 'sweep' | 'calibrate' | 'power' {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return 'verify'; // parseJsonReport names the defect
  }
  if (doc['report'] === 'sweep') return 'sweep';
  if (doc['stream'] === 'calibrate') return 'calibrate';
  if (Array.isArray(doc['faults'])) return 'power';
  return 'verify';
}

/** merge for the parts of `calibrate --shard i/N` and `power --shard i/N`: the unsharded run's report. */
function mergeClaimList(kind: 'calibrate' | 'power', args: ReturnType<typeof parseArgs>, io: CliIo): number {
  const parts = args.positionals.map((file) => {
    const doc = JSON.parse(readTextFile(file, 'PART')) as Parameters<typeof mergeClaimShards>[0][number]['doc'];
    if (!Array.isArray(doc.claims)) throw new InputError(`${file}: claims`, `not a report of \`${kind}\``);
    return { file, doc };
  });
  const merged = mergeClaimShards(parts);
  io.err(`benign-check merge: ${parts.length} ${kind} part${parts.length === 1 ? '' : 's'}, seed ${String(merged['seed'])}, ${merged.claims.length} claims\n`);
  const { text, ok } = kind === 'power' ? formatPowerMatrix(merged as unknown as PowerReport) : formatCalibration(merged.claims as unknown as Calibration[], merged['seed'] as number);
  io.out(text);
  const json = stringOption(args, 'json');
  if (json) writeTextFile(json, `${JSON.stringify(merged, null, 2)}\n`, '--json');
  return ok ? ExitCode.ok : ExitCode.claimMismatch;
}
