import type { RunVerdict } from './types.js';

/** holds iff slack ≥ 0. */
export function verdictFromSlack(
  slack: number,
  detail: string,
  measured: RunVerdict['measured'],
  series?: RunVerdict['series'],
): RunVerdict {
  return { verdict: slack >= 0 ? 'holds' : 'refuted', slack, detail, measured, ...(series ? { series } : {}) };
}

/** The verdict of a run whose hypotheses failed: inapplicable, slack 0. */
export function inapplicable(reason: string): RunVerdict {
  return { verdict: 'inapplicable', slack: 0, detail: reason, measured: {} };
}

/** A refutation that is not a measured slack (a numerical failure, a non-finite measurement): slack −1. */
export function refutedBecause(reason: string, measured: RunVerdict['measured'] = {}): RunVerdict {
  return { verdict: 'refuted', slack: -1, detail: reason, measured };
}

/**
 * The runner's guard: a verdict whose slack or any measurement is not a finite number is a refutation
 * naming the quantity. A NaN can never turn into a pass, whatever the claim's own comparison did.
 */
export function guardFinite(v: RunVerdict): RunVerdict {
  if (v.verdict === 'inapplicable') return v;
  if (!Number.isFinite(v.slack)) return refutedBecause(`non-finite slack ${v.slack} (${v.detail})`, v.measured);
  for (const [name, value] of Object.entries(v.measured)) {
    if (typeof value === 'number' && !Number.isFinite(value)) return refutedBecause(`non-finite measurement ${name} = ${value} (${v.detail})`, v.measured);
  }
  for (const [name, points] of Object.entries(v.series ?? {})) {
    const bad = points.find(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y));
    if (bad) return refutedBecause(`non-finite point (${bad[0]}, ${bad[1]}) in series "${name}" (${v.detail})`, v.measured);
  }
  return v;
}
