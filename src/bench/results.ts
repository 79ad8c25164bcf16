import type { Clock } from './measure.js';
import type { MpmathComparison } from './mpmath.js';
import type { Summary } from './stats.js';

/** Schema tag of the saved results; bumped when a field changes meaning. */
export const resultsSchema = 'benign-check-bench/1';

/** One measured (or skipped) row of the benchmark table. */
export interface BenchRow {
  /** Stable key, e.g. `wasm (100,1000,20)`: rows are matched against a baseline by it. */
  readonly id: string;
  /** Engine or command measured (`ts-loops`, `primal-js`, `primal-wasm`, `dual`, `decimal`, `verify-cmd`). */
  readonly engine: string;
  /** The problem shape, or null for the CLI command row. */
  readonly workload: { readonly n: number; readonly d: number; readonly m: number } | null;
  /** `ok` when measured; otherwise why not (`unavailable`: the engine is absent; `skipped`: over budget). */
  readonly status: 'ok' | 'unavailable' | 'skipped' | 'error';
  /** Unit of every timing: seconds per GD step, or seconds per run of the command. */
  readonly unit: 's/step' | 's/run';
  /** GD steps per timed sample (1 for the command row). */
  readonly stepsPerSample: number;
  /** Flops counted per step: 4·n·d·m, the two dense products of the primal step (docs/theory.md §1); 0 for the command. */
  readonly flopsPerStep: number;
  /** Summary of the per-sample timings in `unit` (absent unless `status` is `ok`). */
  readonly summary?: Summary;
  /** The raw per-sample timings in `unit`. */
  readonly samples?: readonly number[];
  /** Free text: why a row was skipped or failed, or a remark (e.g. a command's exit status). */
  readonly note?: string;
}

/** Everything a run saves (`--out`), and what `--baseline` reads back. */
export interface BenchResults {
  readonly schema: typeof resultsSchema;
  /** ISO 8601 time of the run. */
  readonly date: string;
  /** Where it ran: timings only compare on the same machine under the same load. */
  readonly machine: { readonly node: string; readonly cpu: string; readonly cores: number; readonly platform: string };
  /** The clock of the engine rows (the command row is always wall time). */
  readonly clock: Clock;
  readonly rows: readonly BenchRow[];
  /** The decimal engine beside a naive mpmath step at 40 digits (absent in files saved before it was measured). */
  readonly decimalVsMpmath?: MpmathComparison;
}
