import fc from 'fast-check';
import type { Claim, Verdict } from './types.js';
import { claimSeed, evaluate } from './verify.js';

/** How a claim and its negative control fare on many independent scenarios (no early stop, no shrinking). */
export interface Calibration {
  readonly id: string;
  readonly expected: Verdict;
  readonly seed: number;
  readonly runs: number;
  readonly counts: Readonly<Record<Verdict, number>>;
  /** Slacks of the applicable runs, ascending (≥ 0: holds). */
  readonly slacks: readonly number[];
  /** Runs of the negative control that gave the opposite verdict, out of `runs`. */
  readonly controlFired: number;
  /** Slacks of the negative control's runs, ascending. */
  readonly controlSlacks: readonly number[];
}

/**
 * Evaluates a claim on `runs` independent scenarios from its arbitrary, and its negative control on
 * as many, recording every verdict and slack: the distribution behind a named tolerance, the
 * firing rate behind a negative control, and a stress test beyond what `verify` runs in CI.
 * Same seed, same scenarios: the claim's seed is the one `verify` uses.
 */
export function calibrateClaim(claim: Claim<unknown, unknown>, runs: number, globalSeed: number): Calibration {
  const seed = claimSeed(globalSeed, claim.id);
  const counts: Record<Verdict, number> = { holds: 0, refuted: 0, inapplicable: 0 };
  const slacks: number[] = [];
  for (const s of fc.sample(claim.scenario, { seed, numRuns: runs })) {
    const { applies, verdict } = evaluate(claim, s, true);
    counts[verdict.verdict]++;
    if (applies) slacks.push(verdict.slack);
  }
  const target: Verdict = claim.expected === 'holds' ? 'refuted' : 'holds';
  let controlFired = 0;
  const controlSlacks: number[] = [];
  for (const s of fc.sample(claim.negativeControl.scenario, { seed: seed ^ 0x5bd1e995, numRuns: runs })) {
    const { verdict } = evaluate(claim, s, false);
    if (verdict.verdict === target) controlFired++;
    controlSlacks.push(verdict.slack);
  }
  const up = (a: number[]): number[] => a.sort((p, q) => p - q);
  return { id: claim.id, expected: claim.expected, seed, runs, counts, slacks: up(slacks), controlFired, controlSlacks: up(controlSlacks) };
}
