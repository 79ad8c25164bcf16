import { summarize, type Summary } from './stats.js';

/** A body to time; a returned promise is awaited (an engine may be asynchronous). */
export type Body = () => unknown;

/**
 * What a timing measures. `wall`: elapsed monotonic time, what a user waits. `cpu`: user + system CPU
 * time of the process (all its threads), which excludes the time a shared or throttled machine keeps
 * the process off the CPU, and so is far less noisy there; it includes V8's helper threads (GC).
 */
export type Clock = 'wall' | 'cpu';

/** How a body is timed: untimed warm-up calls, then `samples` timed calls. */
export interface MeasureOptions {
  /** Defaults to `wall`. */
  readonly clock?: Clock;
  /** Untimed calls first, so the JIT has compiled the body and caches are warm. */
  readonly warmup: number;
  /** Timed calls; at least 1. */
  readonly samples: number;
}

/** Seconds taken by one call of `body` (awaited) on `clock` (wall: ns resolution; cpu: µs). */
export async function timeOnce(body: Body, clock: Clock = 'wall'): Promise<number> {
  if (clock === 'cpu') {
    const c0 = process.cpuUsage();
    await body();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) * 1e-6;
  }
  const t0 = process.hrtime.bigint();
  await body();
  return Number(process.hrtime.bigint() - t0) * 1e-9;
}

/**
 * Runs `body` `warmup` times untimed, then `samples` times timed.
 * @returns the raw timings in seconds (in call order) and their summary
 */
export async function measure(body: Body, options: MeasureOptions): Promise<{ readonly samples: number[]; readonly summary: Summary }> {
  for (let r = 0; r < options.warmup; r++) await body();
  const samples: number[] = [];
  for (let r = 0; r < Math.max(1, options.samples); r++) samples.push(await timeOnce(body, options.clock));
  return { samples, summary: summarize(samples) };
}

/** Least time spent calling a body before it is timed: V8 tiers a hot function up within this (Ignition → Sparkplug → Maglev → TurboFan). */
export const warmupSeconds = 0.3;

/** Fewest calibration trials of a fast body: a few pauses of the process cannot hide its real rate from all of them. */
const minTrials = 6;

/**
 * The repetition count that makes one call of `step(reps)` last about `targetSeconds`, found while
 * warming up: calls with a count that at most doubles per trial towards a quarter of the target,
 * for at least {@link warmupSeconds} and {@link minTrials} trials (so the last trials run optimised
 * code). The rate is the fastest seen over the trials, since a pause of the process only ever adds
 * time. A body whose single call outlasts the warm-up is called once.
 * @param maxReps - a cap, for bodies whose single call is already long
 * @returns the count, and the fastest seconds per repetition seen
 */
export async function calibrateReps(
  step: (reps: number) => unknown,
  targetSeconds: number,
  clock: Clock = 'wall',
  maxReps = 1_000_000,
): Promise<{ readonly reps: number; readonly secondsPerRep: number }> {
  let reps = 1;
  let spent = 0;
  let best = Number.POSITIVE_INFINITY;
  for (let trial = 1; ; trial++) {
    const t = await timeOnce(() => step(reps), clock);
    spent += t;
    best = Math.min(best, Math.max(t, 1e-9) / reps);
    if (spent >= warmupSeconds && (trial >= minTrials || t >= warmupSeconds)) break;
    reps = Math.max(1, Math.min(maxReps, 2 * reps, Math.round(targetSeconds / 4 / best)));
  }
  return { reps: Math.max(1, Math.min(maxReps, Math.round(targetSeconds / best))), secondsPerRep: best };
}
