import type { PowerReport, PowerRow } from '../../claims/core/power.js';
import { runTasks } from '../../workers/pool.js';
import { powerMatrixSpec } from '../../report/powerPlot.js';
import { renderSvg } from '../../report/vega.js';
import { withProgress } from '../progress.js';
import { InputError } from '../../errors.js';
import { faultCatalogue } from '../../papers/registry.js';
import { VERSION } from '../../version.js';
import { numberOption, parseArgs, stringOption } from '../args.js';
import { ExitCode } from '../exitCodes.js';
import { writeTextFile } from '../io.js';
import { parseShard, shardItems, withClaimShard } from '../shard.js';
import { claimsOption, seedOption, tierOption, workersOption } from './claimOptions.js';
import type { Command } from './command.js';
import { formatPowerMatrix, POWER_TARGET } from './powerTable.js';

/** Scenarios per claim and fault when --runs is not given. */
const DEFAULT_RUNS = 20;

export const power: Command = {
  summary: 'measure power: how often each claim refutes each planted fault, on seeds disjoint from verify and calibrate; exit 0 iff every designated fault is refuted at the target rate',
  synopsis: 'power [--claims all|PAPER|ID,…] [--faults all|designated|ID,…] [--runs N] [--seed S] [--tier quick|deep] [--no-bisect] [--workers N] [--shard i/N] [--json FILE] [--svg FILE]',
  async run(argv, io) {
    const args = parseArgs(argv, ['claims', 'faults', 'runs', 'seed', 'tier', 'json', 'workers', 'shard', 'svg'], ['no-bisect']);
    if (args.positionals.length > 0) throw new InputError(args.positionals[0]!, 'unexpected argument (power takes only --flags)');
    const { wanted, claims: selected } = claimsOption(args);
    const shardRaw = stringOption(args, 'shard');
    const shard = shardRaw === undefined ? undefined : parseShard(shardRaw);
    const claims = shard ? shardItems(selected, shard) : selected;
    const faultSpec = stringOption(args, 'faults') ?? 'all';
    const all = [...faultCatalogue.values()];
    let faults = all;
    if (faultSpec !== 'all' && faultSpec !== 'designated') {
      const ids = faultSpec.split(',').map((s) => s.trim());
      for (const id of ids) if (!faultCatalogue.has(id)) throw new InputError('--faults', `unknown fault ${JSON.stringify(id)} (known: ${all.map((f) => f.id).join(', ')})`);
      faults = all.filter((f) => ids.includes(f.id));
    }
    const runs = numberOption(args, 'runs', { integer: true, min: 1, max: 100_000 }) ?? DEFAULT_RUNS;
    const seed = seedOption(args);
    const tier = tierOption(args);
    const bisect = !args.options.get('no-bisect');
    const json = stringOption(args, 'json');
    io.err(`benign-check power: seed ${seed}, ${runs} scenarios per cell, ${claims.length} claims × ${faultSpec === 'designated' ? 'designated' : faults.length} faults (replay: npx benign-check power --claims ${wanted} --faults ${faultSpec} --runs ${runs} --seed ${seed}${tier === 'deep' ? ' --tier deep' : ''}${bisect ? '' : ' --no-bisect'}${shard ? ` --shard ${shard.index}/${shard.count}` : ''})\n`);
    const tasks = claims.map((claim) => {
      const mine = faultSpec === 'designated' ? all.filter((f) => claim.designated.some((d) => d.fault === f.id)) : faults;
      return { kind: 'power-row' as const, id: claim.id, faults: mine.map((f) => f.id), runs, globalSeed: seed, tier, bisect };
    });
    const workers = workersOption(args);
    const rows: PowerRow[] = await withProgress(io, 'power', claims.length, 'claims', (tick) => runTasks(tasks, { workers, onDone: tick }));
    const report: PowerReport = {
      tool: 'benign-check',
      version: VERSION,
      seed,
      runs,
      tier,
      claims: rows,
      faults: all.map((f) => ({ id: f.id, description: f.description, continuous: f.epsilon !== undefined, layer: f.layer })),
    };
    const { text, ok } = formatPowerMatrix(report);
    io.out(text);
    if (json) writeTextFile(json, `${JSON.stringify(shard ? withClaimShard(report as unknown as Parameters<typeof withClaimShard>[0], shard, selected.map((c) => c.id)) : report, null, 2)}\n`, '--json');
    const svg = stringOption(args, 'svg');
    if (svg) writeTextFile(svg, await renderSvg(powerMatrixSpec(report)), '--svg');
    io.err(`benign-check power: target rate ${POWER_TARGET} on every designated fault: ${ok ? 'met' : 'NOT met'}\n`);
    return ok ? ExitCode.ok : ExitCode.claimMismatch;
  },
};
