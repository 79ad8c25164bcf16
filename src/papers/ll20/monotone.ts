import type { RunVerdict } from '../../claims/core/types.js';
import { refutedBecause, verdictFromSlack } from '../../claims/core/verdict.js';
import type { MeasuredCheckpoint } from '../../theory/trajectory.js';
import type { Ll20Run } from './measure.js';

/** How {@link monotoneAfter} reads one quantity. */
export interface MonotoneQuantity {
  /** Its name in details and measurements. */
  readonly name: string;
  /** The value at a checkpoint (null: does not exist there). */
  value(c: MeasuredCheckpoint): number | null;
  /** Bound on its absolute rounding error at a checkpoint. */
  rounding(run: Ll20Run, c: MeasuredCheckpoint, value: number): number;
  /** The regime in which it must not decrease starts at the first checkpoint where this holds. */
  readonly startsWhen: (c: MeasuredCheckpoint) => boolean;
  /** What the start means, in words. */
  readonly start: string;
}

/**
 * A quantity is non-decreasing between consecutive checkpoints from the first one where its regime
 * starts: each fall must stay within the rounding bounds of both ends. Slack: the smallest change plus
 * that allowance, relative to the value (≥ 0 holds). Never reaching the regime is a refutation when
 * `mustStart` (the hypotheses guarantee it), else the run is inapplicable.
 */
export function monotoneAfter(run: Ll20Run, q: MonotoneQuantity, mustStart: boolean): RunVerdict {
  const cps = run.trajectory.checkpoints;
  const k0 = cps.findIndex(q.startsWhen);
  if (k0 < 0) {
    const reason = `${q.start} never happened by t = ${run.trajectory.steps}`;
    return mustStart ? refutedBecause(reason) : { verdict: 'inapplicable', slack: 0, detail: reason, measured: {} };
  }
  let worst = Infinity;
  let worstT = cps[k0]!.t;
  let worstDrop = 0;
  const series: [number, number][] = [];
  for (let k = k0; k < cps.length; k++) {
    const v = q.value(cps[k]!);
    if (v === null) return refutedBecause(`${q.name} does not exist at t = ${cps[k]!.t}`);
    series.push([cps[k]!.t, v]);
    if (k === k0) continue;
    const prev = series[series.length - 2]![1];
    const allowance = q.rounding(run, cps[k - 1]!, prev) + q.rounding(run, cps[k]!, v);
    const rel = (v - prev + allowance) / Math.max(Math.abs(prev), Number.MIN_VALUE);
    if (rel < worst) {
      worst = rel;
      worstT = cps[k - 1]!.t;
      worstDrop = v - prev;
    }
  }
  if (worst === Infinity) return { verdict: 'inapplicable', slack: 0, detail: `${q.start} only at the last checkpoint`, measured: {} };
  return verdictFromSlack(
    worst,
    `${q.name} from t = ${cps[k0]!.t} (${q.start}): smallest change ${worstDrop.toExponential(3)} from t = ${worstT} to the next checkpoint (relative, with rounding allowance: ${worst.toExponential(3)})`,
    { startT: cps[k0]!.t, worstRelativeChange: worst, worstT, worstDrop },
    { [`${q.name} vs t`]: series },
  );
}
