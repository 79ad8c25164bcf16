import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { InputError } from '../errors.js';
import { benchUsage, parseBenchArgs } from './args.js';
import { compareToBaseline, parseResults, slowdownMadFactor } from './compare.js';
import { engineCases } from './engines.js';
import { compareWithMpmath, formatMpmathComparison } from './mpmath.js';
import { resultsSchema, type BenchResults } from './results.js';
import { runCommandRow, runEngineRows } from './run.js';
import { formatComparison, formatResults, formatSpeedups } from './table.js';
import { defaultWorkloads } from './workloads.js';

/**
 * `npm run bench`: times every engine on the default shapes, prints the table to stdout, saves all
 * figures as JSON and, with `--baseline`, flags slow-downs (exit status 1). Progress goes to stderr.
 * Exit status 2 on a bad option.
 */
async function main(argv: readonly string[]): Promise<number> {
  const args = parseBenchArgs(argv);
  if (args.help) {
    console.log(benchUsage);
    return 0;
  }
  // Read the baseline first: a bad file fails before minutes of measuring.
  const baseline = args.baseline !== undefined ? parseResults(readBaseline(args.baseline), '--baseline') : undefined;
  if (baseline && baseline.clock !== args.clock) {
    throw new InputError('--baseline', `measured on the ${baseline.clock} clock: rerun with --clock ${baseline.clock}`);
  }
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const rows = await runEngineRows(
    {
      workloads: defaultWorkloads,
      engines: engineCases,
      samples: args.samples,
      sampleSeconds: args.sampleSeconds,
      clock: args.clock,
      ...(args.only !== undefined ? { only: args.only } : {}),
    },
    log,
  );
  if (args.verifyCmd !== undefined) rows.push(await runCommandRow(args.verifyCmd, args.verifyRuns, log));
  log('decimal engine beside naive mpmath');
  const mpmath = compareWithMpmath();
  const cpus = os.cpus();
  const results: BenchResults = {
    schema: resultsSchema,
    date: new Date().toISOString(),
    machine: { node: process.version, cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, platform: `${process.platform}-${process.arch}` },
    clock: args.clock,
    rows,
    decimalVsMpmath: mpmath,
  };
  console.log(formatResults(rows));
  console.log(`\nspeed-up of the dual form (median time per step, primal ÷ dual):\n${formatSpeedups(rows)}\n`);
  console.log(`${formatMpmathComparison(mpmath)}\n`);
  console.log(`engine rows timed on the ${args.clock} clock; the verify-cmd row on the wall clock.`);
  console.log('GFLOP/s counts 4·n·d·m flops per GD step (the primal forward and backward products) for every engine.');
  writeFileSync(args.out, JSON.stringify(results, null, 2) + '\n');
  console.log(`saved ${args.out}`);
  if (!baseline) return 0;
  const only = args.only;
  const comparable = only === undefined ? baseline : { ...baseline, rows: baseline.rows.filter((r) => r.id.includes(only)) };
  const comparison = compareToBaseline(results, comparable);
  console.log(`\ncompared with ${args.baseline} (${baseline.date}, ${baseline.machine.cpu}):`);
  console.log(formatComparison(comparison));
  console.log(`rule: SLOWER when new median − baseline median > ${slowdownMadFactor}·(MAD_new + MAD_base); see src/bench/compare.ts`);
  const slower = comparison.filter((c) => c.verdict === 'slower');
  if (slower.length > 0) console.log(`${slower.length} row(s) slower than the baseline`);
  return slower.length > 0 ? 1 : 0;
}

function readBaseline(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError('--baseline', `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof InputError) {
      console.error(`bench: ${err.message}`);
      process.exitCode = 2;
    } else {
      console.error(err);
      process.exitCode = 1;
    }
  },
);
