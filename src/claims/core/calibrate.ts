import fc from 'fast-check';
import { MAX_SKIPS_PER_RUN } from './runner.js';
import { streamSeed } from './seeds.js';
import type { ClaimContext, ClaimDefinition, Tier, Verdict } from './types.js';

/** How a claim fares on many independent scenarios of the `calibrate` stream (no early stop, no shrinking). */
export interface Calibration {
  readonly id: string;
  readonly expected: ClaimDefinition['expected'];
  /** The seed of the calibrate stream for this claim. */
  readonly seed: number;
  readonly stream: 'calibrate';
  /** Applicable scenarios evaluated. */
  readonly runs: number;
  readonly counts: Readonly<Record<Verdict, number>>;
  /** Slacks of the applicable runs, ascending (≥ 0: holds). */
  readonly slacks: readonly number[];
  /** Every numeric measurement over the applicable runs, ascending: the evidence behind a fitted constant. */
  readonly measured: Readonly<Record<string, readonly number[]>>;
}

/**
 * Evaluates a claim on `runs` applicable scenarios drawn from the `calibrate` seed stream, which
 * neither `verify` nor `power` draws from: the distribution a tolerance or a fitted constant is set
 * from, before it is asserted on fresh scenarios.
 */
export async function calibrateClaim(claim: ClaimDefinition, options: { runs: number; globalSeed: number; tier: Tier; context: ClaimContext }): Promise<Calibration> {
  const seed = streamSeed(options.globalSeed, 'calibrate', claim.id);
  const counts: Record<Verdict, number> = { holds: 0, refuted: 0, inapplicable: 0 };
  const slacks: number[] = [];
  const measured: Record<string, number[]> = {};
  let applicable = 0;
  for (const t of fc.sample(claim.trials(options.tier), { seed, numRuns: options.runs * (1 + MAX_SKIPS_PER_RUN) })) {
    if (applicable >= options.runs) break;
    const e = await t.evaluate(options.context, true);
    counts[e.verdict.verdict]++;
    if (!e.applies) continue;
    applicable++;
    slacks.push(e.verdict.slack);
    for (const [k, v] of Object.entries(e.verdict.measured)) if (typeof v === 'number') (measured[k] ??= []).push(v);
  }
  const up = (a: number[]): number[] => a.sort((p, q) => p - q);
  for (const k of Object.keys(measured)) up(measured[k]!);
  return { id: claim.id, expected: claim.expected, seed, stream: 'calibrate', runs: applicable, counts, slacks: up(slacks), measured };
}
