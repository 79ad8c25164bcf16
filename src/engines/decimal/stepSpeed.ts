import { pathToFileURL } from 'node:url';
import type { Decimal } from 'decimal.js';
import { makeDecimalContext, type Arithmetic } from './context.js';
import { step } from './engine.js';
import { randomProblem } from './randomProblem.js';

/** One timing of {@link measureStepSpeed}. */
export interface StepSpeed {
  readonly arithmetic: Arithmetic;
  readonly digits: number;
  readonly shape: { readonly n: number; readonly d: number; readonly m: number };
  /** Median over `repeats` runs of the mean wall-clock time of one GD step, in milliseconds. */
  readonly msPerStep: number;
  /**
   * The same for the process's CPU time (user + system): less disturbed than wall-clock time when
   * other processes share the cores.
   */
  readonly cpuMsPerStep: number;
  /** Every run's mean wall-clock ms per step. */
  readonly runs: readonly number[];
}

/**
 * Wall-clock cost of one GD step of the decimal engine (a measurement, never a test assertion):
 * `repeats` runs of `stepsPerRun` steps on one random problem, after one warm-up run; reports the
 * median of the per-run means.
 */
export function measureStepSpeed(
  arithmetic: Arithmetic,
  digits: number,
  shape = { n: 10, d: 20, m: 4 },
  repeats = 7,
  stepsPerRun = 40,
): StepSpeed {
  const ctx = makeDecimalContext(randomProblem({ ...shape, seed: 'speed' }), { digits, arithmetic });
  const run = (): { wall: number; cpu: number } => {
    let W: readonly Decimal[] = ctx.W0;
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (let t = 0; t < stepsPerRun; t++) W = step(ctx, W);
    const cpu = process.cpuUsage(cpuStart);
    const wall = Number(process.hrtime.bigint() - start) / 1e6; // ns → ms
    return { wall: wall / stepsPerRun, cpu: (cpu.user + cpu.system) / 1e3 / stepsPerRun }; // µs → ms
  };
  run();
  const results = Array.from({ length: repeats }, run);
  const median = (xs: number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
  const runs = results.map((r) => r.wall);
  return { arithmetic, digits, shape, msPerStep: median(runs), cpuMsPerStep: median(results.map((r) => r.cpu)), runs };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const digits of [40, 50]) {
    for (const arithmetic of ['plain', 'fixed'] as const) {
      const s = measureStepSpeed(arithmetic, digits);
      console.log(
        `${arithmetic.padEnd(5)} ${digits} digits (n,d,m)=(${s.shape.n},${s.shape.d},${s.shape.m}): ` +
          `${s.msPerStep.toFixed(3)} ms/step wall, ${s.cpuMsPerStep.toFixed(3)} ms/step CPU ` +
          `(medians; wall runs ${s.runs.map((r) => r.toFixed(2)).join(' ')})`,
      );
    }
  }
}
