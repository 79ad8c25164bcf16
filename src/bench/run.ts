import { spawnSync } from 'node:child_process';
import type { EngineCase } from './engines.js';
import { calibrateReps, measure, type Clock } from './measure.js';
import type { BenchRow } from './results.js';
import { summarize } from './stats.js';
import { flopsPerStep, benchProblem, workloadKey, type Workload } from './workloads.js';

/** What to measure and how long to spend on it. */
export interface RowPlan {
  readonly workloads: readonly Workload[];
  readonly engines: readonly EngineCase[];
  /** Timed samples per row. */
  readonly samples: number;
  /** Target seconds per sample. */
  readonly sampleSeconds: number;
  /** Only rows whose id contains this text. */
  readonly only?: string;
  readonly clock: Clock;
}

/** Longest a slow engine's row may take: the decimal engine's large shapes are skipped past it. */
const rowBudgetSeconds = 12;
/** Fewest samples that still give a median and a MAD. */
const minSamples = 3;

/** A row id: engine and shape. */
export function rowId(engine: string, w: Workload | null): string {
  return w ? `${engine} ${workloadKey(w)}` : engine;
}

/**
 * Measures every (workload, engine) row: calibrates the steps per sample to `sampleSeconds`, one
 * untimed warm-up call, then the samples, each reported in seconds per step. A row whose samples would
 * overrun {@link rowBudgetSeconds} (judged from the calibration, or predicted from the engine's rate on
 * the previous, smaller shape before running anything; with `only`, from a probe on the smallest shape)
 * is skipped, with the time seen in its note; an engine that is absent or throws gives a row that says so.
 * @param log - progress lines (to stderr in the CLI)
 */
export async function runEngineRows(plan: RowPlan, log: (line: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const secondsPerFlop = new Map<string, number>();
  for (const w of plan.workloads) {
    const p = benchProblem(w);
    const flops = flopsPerStep(w);
    for (const e of plan.engines) {
      const id = rowId(e.engine, w);
      if (plan.only !== undefined && !id.includes(plan.only)) continue;
      const base = { id, engine: e.engine, workload: w, unit: 's/step', flopsPerStep: flops } as const;
      if (!secondsPerFlop.has(e.engine) && w !== plan.workloads[0]) {
        // Rows filtered out by `only` left no rate to predict from: probe on the smallest shape first.
        const probe = await e.prepare(benchProblem(plan.workloads[0]));
        if ('run' in probe) {
          try {
            const cal = await calibrateReps(probe.run, plan.sampleSeconds, plan.clock);
            secondsPerFlop.set(e.engine, cal.secondsPerRep / flopsPerStep(plan.workloads[0]));
          } catch {
            // The row itself will report the failure.
          }
        }
      }
      const spf = secondsPerFlop.get(e.engine);
      if (spf !== undefined && spf * flops * (1 + minSamples) > rowBudgetSeconds) {
        rows.push({ ...base, status: 'skipped', stepsPerSample: 0, note: `predicted ${(spf * flops).toFixed(1)} s/step: over the ${rowBudgetSeconds} s row budget` });
        log(`${id}: skipped`);
        continue;
      }
      const prepared = await e.prepare(p);
      if ('unavailable' in prepared) {
        rows.push({ ...base, status: 'unavailable', stepsPerSample: 0, note: prepared.unavailable });
        log(`${id}: unavailable (${prepared.unavailable})`);
        continue;
      }
      try {
        const cal = await calibrateReps(prepared.run, plan.sampleSeconds, plan.clock);
        secondsPerFlop.set(e.engine, cal.secondsPerRep / flops);
        const reps = cal.reps;
        const perSample = cal.secondsPerRep * reps;
        if (perSample * (1 + minSamples) > rowBudgetSeconds) {
          const note = `one step took ${cal.secondsPerRep.toPrecision(3)} s: ${minSamples} samples would overrun the ${rowBudgetSeconds} s row budget`;
          rows.push({ ...base, status: 'skipped', stepsPerSample: 0, note });
          log(`${id}: skipped (${note})`);
          continue;
        }
        const k = Math.max(minSamples, Math.min(plan.samples, Math.floor(rowBudgetSeconds / perSample) - 1));
        const timed = await measure(() => prepared.run(reps), { warmup: 1, samples: k, clock: plan.clock });
        const samples = timed.samples.map((t) => t / reps);
        const summary = summarize(samples);
        rows.push({ ...base, status: 'ok', stepsPerSample: reps, summary, samples });
        secondsPerFlop.set(e.engine, summary.median / flops);
        log(`${id}: ${(1 / summary.median).toPrecision(3)} steps/s`);
      } catch (err) {
        const note = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        rows.push({ ...base, status: 'error', stepsPerSample: 0, note });
        log(`${id}: error (${note})`);
      }
    }
  }
  return rows;
}

/**
 * Times a shell command (one untimed warm-up run, then `runs` timed runs), in wall seconds per run
 * whatever the engines' clock (a child's CPU time is not available from a synchronous spawn).
 * A non-zero exit status makes the row an `error` row that quotes the end of the command's stderr.
 */
export async function runCommandRow(command: string, runs: number, log: (line: string) => void): Promise<BenchRow> {
  const base = { id: rowId('verify-cmd', null), engine: 'verify-cmd', workload: null, unit: 's/run', stepsPerSample: 1, flopsPerStep: 0 } as const;
  let failure: string | undefined;
  const once = () => {
    const r = spawnSync(command, { shell: true, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0 && failure === undefined) {
      failure = `exit status ${r.status ?? r.signal ?? '?'}: ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' / ')}`;
    }
  };
  const timed = await measure(once, { warmup: 1, samples: runs, clock: 'wall' });
  if (failure !== undefined) {
    log(`verify-cmd: ${failure}`);
    return { ...base, status: 'error', note: `${command}: ${failure}` };
  }
  log(`verify-cmd: ${timed.summary.median.toPrecision(3)} s/run`);
  return { ...base, status: 'ok', summary: timed.summary, samples: timed.samples, note: command };
}
