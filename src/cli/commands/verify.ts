import type { ClaimResult, VerifyReport } from '../../claims/core/result.js';
import { referenceContext } from '../../claims/core/context.js';
import { DEFAULT_SHRINK_BUDGET, mainRunCount, verifyClaim, verifyClaimWith } from '../../claims/core/runner.js';
import { InputError } from '../../errors.js';
import { catalogue, faultCatalogue } from '../../papers/registry.js';
import { formatTable, toJUnit, toJsonReport, toSvgReport } from '../../report/index.js';
import { VERSION } from '../../version.js';
import { numberOption, parseArgs, stringOption } from '../args.js';
import { ExitCode } from '../exitCodes.js';
import { writeTextFile } from '../io.js';
import { parseShard, shardItems, withShardField } from '../shard.js';
import { countingWork, pooledClaimWork, poolSchedule } from '../../workers/claimWork.js';
import { withTaskRunner } from '../../workers/pool.js';
import { withProgress } from '../progress.js';
import { claimsOption, mainContext, seedOption, tierOption, workersOption } from './claimOptions.js';
import type { Command } from './command.js';

/** Applicable runs per claim when --runs is not given: quick tier. */
const DEFAULT_RUNS = 5;
/** Shrinking evaluations allowed with a user's trainer (see DEFAULT_SHRINK_BUDGET in the runner). */
const USER_TRAINER_SHRINK_BUDGET = 8;
/** Applicable runs per claim in the deep tier. */
const DEEP_RUNS = 100;

export const verify: Command = {
  summary: 'check every claim on generated data, and that each refutes its designated faults; exit 0 iff every claim is at its expected verdict with its power shown',
  synopsis: 'verify [--claims all|PAPER|ID,…] [--tier quick|deep] [--runs N] [--seed S] [--trainer "CMD" [--trainer-timeout S]] [--workers N] [--shard i/N] [--no-timings] [--json FILE] [--junit FILE] [--svg FILE] [--list]',
  async run(argv, io) {
    const args = parseArgs(argv, ['claims', 'runs', 'seed', 'json', 'junit', 'svg', 'tier', 'trainer', 'trainer-timeout', 'shard', 'workers'], ['list', 'no-timings']);
    if (args.positionals.length > 0) throw new InputError(args.positionals[0]!, 'unexpected argument (verify takes only --flags)');
    if (args.options.get('list')) {
      io.out(`${catalogue.map((c) => `${c.id}\t${c.paper}\t${c.source}\t${c.tag}\texpected ${c.expected}\tfaults ${c.designated.map((d) => d.fault).join(',') || '—'}`).join('\n')}\n`);
      return ExitCode.ok;
    }
    const { wanted, claims: selected } = claimsOption(args);
    const shardRaw = stringOption(args, 'shard');
    const shard = shardRaw === undefined ? undefined : parseShard(shardRaw);
    const claims = shard ? shardItems(selected, shard) : selected;
    const timings = !args.options.get('no-timings');
    const tier = tierOption(args);
    const runs = numberOption(args, 'runs', { integer: true, min: 1, max: 100_000 }) ?? (tier === 'deep' ? DEEP_RUNS : DEFAULT_RUNS);
    const seed = seedOption(args);
    const workers = workersOption(args);
    const outputs = { json: stringOption(args, 'json'), junit: stringOption(args, 'junit'), svg: stringOption(args, 'svg') };
    const main = mainContext(args);
    const { context } = main;
    const trainerFlag = main.user ? ` --trainer ${JSON.stringify(stringOption(args, 'trainer'))}` : '';
    const tierFlag = `${tier === 'deep' ? ' --tier deep' : ''}${trainerFlag}`;
    const shardNote = shard ? `, shard ${shard.index}/${shard.count} (${claims.map((c) => c.id).join(', ') || 'no claim'} of ${selected.length})` : '';
    const shardFlag = shard ? ` --shard ${shard.index}/${shard.count}` : '';
    io.err(`benign-check verify: seed ${seed}, ${runs} runs per claim, ${claims.length} claims${shardNote}, tier ${tier}, trainer ${context.trainer.name} (replay: npx benign-check verify --claims ${wanted}${tierFlag}${shardFlag} --runs ${runs} --seed ${seed})\n`);
    if (main.user) io.err('benign-check verify: a user trainer runs the claims on its own iterates; the planted faults that show each check can fail are run by `benign-check power` and by verify without --trainer\n');
    const started = Date.now();
    const results: ClaimResult[] = [];
    // Progress counts checks: each claim's main runs, fault searches and controls (the claims run interleaved on the pool).
    const checks = main.user ? claims.length : claims.reduce((sum, c) => sum + mainRunCount(c, runs) + c.designated.length + c.controls.length, 0);
    await withProgress(io, 'verify', checks, main.user ? 'claims' : 'checks', async (tick) => {
      if (!main.user) {
        // The reference context: each claim's main runs, fault searches, controls and shrinking are
        // tasks with their own seeds, spread over the pool (a slow claim does not hold up the run).
        const replay = (id: string) => `npx benign-check verify --claims ${id}${tierFlag} --runs ${runs} --seed ${seed}`;
        const done = await withTaskRunner(workers, (runner) =>
          Promise.all(
            claims.map(async (c) => {
              const key = { id: c.id, globalSeed: seed, tier, runs, shrinkBudget: DEFAULT_SHRINK_BUDGET };
              const options = { runs, globalSeed: seed, tier, context: referenceContext(), faults: faultCatalogue, replay };
              const counting = countingWork(pooledClaimWork(runner, key), mainRunCount(c, runs), tick);
              const result = await verifyClaimWith(c, options, counting.work, poolSchedule(runner, tier, runs, workers));
              counting.finish();
              return result;
            }),
          ),
        );
        for (const result of done) results.push(timings ? result : { ...result, millis: 0 });
      }
      // A user's trainer is one child process: its claims run here, one after the other.
      for (const claim of main.user ? claims : []) {
        const result = await verifyClaim(claim, {
          runs,
          globalSeed: seed,
          tier,
          context,
          faults: faultCatalogue,
          mainOnly: main.user,
          // A user's trainer may take minutes a run: shrink a refutation a few steps only.
          ...(main.user ? { shrinkBudget: USER_TRAINER_SHRINK_BUDGET } : {}),
          replay: (id) => `npx benign-check verify --claims ${id}${tierFlag} --runs ${runs} --seed ${seed}`,
        });
        results.push(timings ? result : { ...result, millis: 0 });
        tick();
      }
    });
    await main.close();
    const report: VerifyReport = { tool: 'benign-check', version: VERSION, seed, tier, trainer: context.trainer.name, runsPerClaim: runs, claims: results, ok: results.every((r) => r.ok) };
    io.out(formatTable(report, { color: io.isTty }));
    io.err(`benign-check verify: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    if (outputs.json) {
      const json = toJsonReport(report);
      writeTextFile(outputs.json, shard ? withShardField(json, { ...shard, claims: selected.map((c) => c.id) }) : json, '--json');
    }
    if (outputs.junit) writeTextFile(outputs.junit, toJUnit(report, { durations: timings }), '--junit');
    if (outputs.svg) writeTextFile(outputs.svg, await toSvgReport(report), '--svg');
    return report.ok ? ExitCode.ok : ExitCode.claimMismatch;
  },
};
