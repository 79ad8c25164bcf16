import { InputError } from '../errors.js';

/**
 * Log-spaced checkpoints in [0, steps]: 0, then `perDecade` points per decade of t, rounded to
 * integers and deduplicated, always ending at `steps`. Slowly converging claims (H-DIR, H-RATE)
 * are read off these, as docs/theory.md §5 asks.
 */
export function logSpacedCheckpoints(steps: number, perDecade = 4): number[] {
  const out = new Set<number>([0]);
  if (steps >= 1) {
    const decades = Math.log10(steps);
    const count = Math.max(1, Math.ceil(decades * perDecade));
    for (let k = 0; k <= count; k++) out.add(Math.min(steps, Math.round(10 ** ((decades * k) / count))));
    out.add(steps);
  }
  return [...out].sort((p, q) => p - q);
}

/** The default schedule: log-spaced, 4 per decade. */
export function defaultCheckpoints(steps: number): number[] {
  return logSpacedCheckpoints(steps, 4);
}

/**
 * Checks a user's checkpoint list against `steps` and returns it sorted and deduplicated.
 * @throws InputError on a non-integer, negative or too-large entry (`field` names the source).
 */
export function normalizeCheckpoints(list: readonly number[], steps: number, field = 'checkpoints'): number[] {
  for (const t of list) {
    if (!Number.isSafeInteger(t) || t < 0) throw new InputError(field, `checkpoints must be non-negative integers, got ${t}`);
    if (t > steps) throw new InputError(field, `checkpoint ${t} is past the last step (${steps})`);
  }
  return [...new Set(list)].sort((p, q) => p - q);
}
