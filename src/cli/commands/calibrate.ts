import type { Calibration } from '../../claims/core/calibrate.js';
import { runTasks } from '../../workers/pool.js';
import { withProgress } from '../progress.js';
import { InputError } from '../../errors.js';
import { numberOption, parseArgs, stringOption } from '../args.js';
import { ExitCode } from '../exitCodes.js';
import { writeTextFile } from '../io.js';
import { parseShard, shardItems, withClaimShard } from '../shard.js';
import { claimsOption, seedOption, tierOption, workersOption } from './claimOptions.js';
import type { Command } from './command.js';

/** Scenarios per claim when --runs is not given. */
const DEFAULT_RUNS = 50;

const fmt = (v: number | undefined): string => (v === undefined ? '—' : (v >= 0 ? '+' : '') + v.toPrecision(3));
const quantile = (a: readonly number[], q: number): number | undefined => (a.length === 0 ? undefined : a[Math.min(a.length - 1, Math.floor(q * a.length))]);

function row(c: Calibration): string[] {
  return [c.id, c.expected, String(c.counts.holds), String(c.counts.refuted), String(c.counts.inapplicable), fmt(c.slacks[0]), fmt(quantile(c.slacks, 0.05)), fmt(quantile(c.slacks, 0.5))];
}

/** Every applicable run at the expected verdict (a known-false claim: at least one refutation). */
export function clean(c: Calibration): boolean {
  return c.expected === 'holds' ? c.counts.refuted === 0 && c.runs > 0 : c.counts.refuted > 0;
}

export const calibrate: Command = {
  summary: 'the evidence behind tolerances and fitted constants: every verdict, slack and measurement on N scenarios of the calibrate seed stream',
  synopsis: 'calibrate [--claims all|PAPER|ID,…] [--runs N] [--seed S] [--tier quick|deep] [--workers N] [--shard i/N] [--json FILE]',
  async run(argv, io) {
    const args = parseArgs(argv, ['claims', 'runs', 'seed', 'json', 'tier', 'workers', 'shard']);
    if (args.positionals.length > 0) throw new InputError(args.positionals[0]!, 'unexpected argument (calibrate takes only --flags)');
    const { wanted, claims: selected } = claimsOption(args);
    const shardRaw = stringOption(args, 'shard');
    const shard = shardRaw === undefined ? undefined : parseShard(shardRaw);
    const claims = shard ? shardItems(selected, shard) : selected;
    const runs = numberOption(args, 'runs', { integer: true, min: 1, max: 100_000 }) ?? DEFAULT_RUNS;
    const seed = seedOption(args);
    const tier = tierOption(args);
    const json = stringOption(args, 'json');
    io.err(`benign-check calibrate: seed ${seed}, stream "calibrate", ${runs} scenarios per claim (replay: npx benign-check calibrate --claims ${wanted} --runs ${runs} --seed ${seed}${tier === 'deep' ? ' --tier deep' : ''}${shard ? ` --shard ${shard.index}/${shard.count}` : ''})\n`);
    const workers = workersOption(args);
    const results: Calibration[] = await withProgress(io, 'calibrate', claims.length, 'claims', (tick) =>
      runTasks(claims.map((c) => ({ kind: 'calibrate-claim' as const, id: c.id, runs, globalSeed: seed, tier })), { workers, onDone: tick }),
    );
    const doc = { tool: 'benign-check', seed, stream: 'calibrate', runs, claims: results };
    if (json) writeTextFile(json, `${JSON.stringify(shard ? withClaimShard(doc, shard, selected.map((c) => c.id)) : doc, null, 2)}\n`, '--json');
    const { text, ok } = formatCalibration(results, seed);
    io.out(text);
    return ok ? ExitCode.ok : ExitCode.claimMismatch;
  },
};

/** calibrate's table and measurements as printed, and whether every claim is {@link clean}. */
export function formatCalibration(results: readonly Calibration[], seed: number): { text: string; ok: boolean } {
    const header = ['claim', 'expected', 'holds', 'refuted', 'inapp.', 'min slack', '5% slack', 'median'];
    const rows = [header, ...results.map(row)];
    const widths = header.map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
    const line = (r: string[]): string => r.map((v, k) => (k < 2 ? v.padEnd(widths[k]!) : v.padStart(widths[k]!))).join('  ');
    const lines = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...results.map((c) => line(row(c))), '', 'measurements (min / 5% / median / max):'];
    for (const c of results) {
      for (const [name, v] of Object.entries(c.measured)) lines.push(`  ${c.id}.${name}: ${fmt(v[0])} / ${fmt(quantile(v, 0.05))} / ${fmt(quantile(v, 0.5))} / ${fmt(v[v.length - 1])}`);
    }
    return { text: `${lines.join('\n')}\n\n${results.filter(clean).length} of ${results.length} claims clean · seed ${seed}\n`, ok: results.every(clean) };
}
