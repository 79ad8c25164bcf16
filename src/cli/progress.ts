import cliProgress from 'cli-progress';
import type { CliIo } from './main.js';

/** How a long command reports its progress: one call per finished unit, one at the end. */
export interface ProgressReporter {
  /** One more unit finished. */
  tick(): void;
  /** The work is over (clears a bar; prints a final plain line). */
  done(): void;
}

/** A plain progress line is printed at least every this many ms (CI logs stay alive, and stay short)... */
export const PLAIN_INTERVAL_MS = 30_000;
/** ...and whenever another tenth of the work is done. */
export const PLAIN_FRACTION = 0.1;

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}

/**
 * The progress of `total` units named `unit` (e.g. "cells", "claims"): on a terminal a cli-progress bar
 * with ETA on stderr; elsewhere (CI) a plain line every tenth of the work or {@link PLAIN_INTERVAL_MS},
 * with the elapsed time and a linear ETA, also while one slow unit runs.
 */
export function progressReporter(io: CliIo, command: string, total: number, unit: string, now: () => number = Date.now): ProgressReporter {
  if (total <= 0) return { tick: () => {}, done: () => {} };
  if (io.isTty) {
    const bar = new cliProgress.SingleBar(
      { format: `benign-check ${command} [{bar}] {value}/{total} ${unit} · {percentage}% · ETA {eta_formatted}`, stream: process.stderr, hideCursor: true, clearOnComplete: true, etaBuffer: 20 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { tick: () => bar.increment(), done: () => bar.stop() };
  }
  const started = now();
  let count = 0;
  let lastAt = started;
  let lastTenth = 0;
  const line = (t: number): void => {
    lastAt = t;
    const elapsed = t - started;
    const eta = count > 0 && count < total ? `, ETA ${seconds((elapsed / count) * (total - count))}` : '';
    io.err(`benign-check ${command}: ${count}/${total} ${unit} (${Math.floor((100 * count) / total)}%), ${seconds(elapsed)} elapsed${eta}\n`);
  };
  // A slow unit must not leave a CI log silent: a line at least every PLAIN_INTERVAL_MS.
  const timer = setInterval(() => {
    if (now() - lastAt >= PLAIN_INTERVAL_MS) line(now());
  }, PLAIN_INTERVAL_MS);
  timer.unref();
  return {
    tick() {
      count++;
      const t = now();
      const tenth = Math.floor(count / total / PLAIN_FRACTION);
      if (count === total || tenth > lastTenth || t - lastAt >= PLAIN_INTERVAL_MS) {
        lastTenth = tenth;
        line(t);
      }
    },
    done() {
      clearInterval(timer);
    },
  };
}

/** Runs `work` with a {@link progressReporter}, which is closed however the work ends. */
export async function withProgress<T>(io: CliIo, command: string, total: number, unit: string, work: (tick: () => void) => Promise<T>): Promise<T> {
  const progress = progressReporter(io, command, total, unit);
  try {
    return await work(() => progress.tick());
  } finally {
    progress.done();
  }
}
