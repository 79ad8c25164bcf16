import fc from 'fast-check';
import { clopperPearson } from '../../theory/index.js';
import { MAX_SKIPS_PER_RUN } from './runner.js';
import { streamSeed } from './seeds.js';
import type { ClaimContext, ClaimDefinition, Fault, Tier, Trial } from './types.js';

/** One cell of the power matrix: how often a claim refuted a fault on independent scenarios. */
export interface PowerCell {
  /** Applicable scenarios evaluated. */
  readonly runs: number;
  readonly refuted: number;
  /** refuted / runs (null when no scenario applied). */
  readonly rate: number | null;
  /** The exact one-sided 95% lower confidence limit of the rate (Clopper–Pearson). */
  readonly rateLower95: number | null;
  /** The ε the rate was measured at (null for a discrete fault). */
  readonly epsilon: number | null;
  /** For a continuous fault: the smallest ε found to be refuted on most scenarios (see {@link POWER_BISECTION_STEPS}). */
  readonly minEpsilon?: number | null;
}

/** A claim's row of the power matrix. */
export interface PowerRow {
  readonly id: string;
  readonly expected: ClaimDefinition['expected'];
  /** The faults the claim exists to catch. */
  readonly designated: readonly string[];
  /** The claim under the reference context: its false-alarm rate (a true claim) or refutation rate (a known-false one). */
  readonly baseline: PowerCell;
  readonly faults: Readonly<Record<string, PowerCell>>;
}

/** `benign-check power`'s report (its JSON contract). */
export interface PowerReport {
  readonly tool: 'benign-check';
  readonly version: string;
  readonly seed: number;
  readonly runs: number;
  readonly tier: Tier;
  readonly claims: readonly PowerRow[];
  readonly faults: readonly { readonly id: string; readonly description: string; readonly continuous: boolean; readonly layer: Fault['layer'] }[];
}

/** Bisection steps in log ε for the smallest detected ε: the bracket narrows by 2^-6 in log scale. */
export const POWER_BISECTION_STEPS = 6;
/** Scenarios per bisection probe (a common set, so the probes differ only in ε). */
export const POWER_BISECTION_RUNS = 8;
/** A probe "detects" ε when at least this fraction of its scenarios refutes. */
export const POWER_DETECTION_FRACTION = 0.5;

/** Draws `runs` applicable-scenario candidates of a trial family from the power stream. */
function sampleTrials(trials: fc.Arbitrary<Trial>, seed: number, runs: number): Trial[] {
  return fc.sample(trials, { seed, numRuns: runs * (1 + MAX_SKIPS_PER_RUN) });
}

async function refutationCount(trials: readonly Trial[], ctx: ClaimContext, runs: number): Promise<{ runs: number; refuted: number }> {
  let applicable = 0;
  let refuted = 0;
  for (const t of trials) {
    if (applicable >= runs) break;
    const e = await t.evaluate(ctx, true);
    if (!e.applies) continue;
    applicable++;
    if (e.verdict.verdict === 'refuted') refuted++;
  }
  return { runs: applicable, refuted };
}

function cell(counts: { runs: number; refuted: number }, epsilon: number | null): PowerCell {
  const { runs, refuted } = counts;
  return {
    runs,
    refuted,
    rate: runs > 0 ? refuted / runs : null,
    // The lower end of a two-sided 90% interval (α = 0.1) is a one-sided 95% lower limit.
    rateLower95: runs > 0 ? clopperPearson(refuted, runs, 0.1).lower : null,
    epsilon,
  };
}

/**
 * The smallest ε of a continuous fault that the claim refutes on at least
 * {@link POWER_DETECTION_FRACTION} of a common set of scenarios: bisection in log ε between the
 * fault's range ends. Null when even the largest ε is not detected.
 */
async function smallestEpsilon(trials: readonly Trial[], fault: Fault, ctx: ClaimContext): Promise<number | null> {
  const range = fault.epsilon!;
  const detects = async (eps: number): Promise<boolean> => {
    const c = await refutationCount(trials, fault.inject(ctx, eps), POWER_BISECTION_RUNS);
    return c.runs > 0 && c.refuted >= POWER_DETECTION_FRACTION * c.runs;
  };
  if (!(await detects(range.max))) return null;
  if (await detects(range.min)) return range.min;
  let lo = Math.log(range.min);
  let hi = Math.log(range.max);
  for (let k = 0; k < POWER_BISECTION_STEPS; k++) {
    const mid = (lo + hi) / 2;
    if (await detects(Math.exp(mid))) hi = mid;
    else lo = mid;
  }
  return Math.exp(hi);
}

/**
 * One row of the power matrix: the claim on `runs` scenarios of the `power` seed stream (disjoint from
 * `verify`'s and `calibrate`'s) with each fault injected, on the designated scenarios for a designated
 * fault and on the claim's own otherwise; and, with `bisect`, the smallest detected ε of each
 * designated continuous fault.
 */
export async function powerRow(
  claim: ClaimDefinition,
  faults: readonly Fault[],
  options: { runs: number; globalSeed: number; tier: Tier; context: ClaimContext; bisect: boolean },
): Promise<PowerRow> {
  const { runs, globalSeed, tier, context } = options;
  const base = sampleTrials(claim.trials(tier), streamSeed(globalSeed, 'power', claim.id), runs);
  const baseline = cell(await refutationCount(base, context, runs), null);
  const out: Record<string, PowerCell> = {};
  if (claim.expected === 'holds') {
    for (const fault of faults) {
      const d = claim.designated.find((x) => x.fault === fault.id);
      const trials = d ? sampleTrials(d.trials, streamSeed(globalSeed, 'power', claim.id, fault.id), runs) : base;
      const eps = d?.epsilon ?? fault.epsilon?.default ?? null;
      const c = cell(await refutationCount(trials, fault.inject(context, eps ?? 0), runs), eps);
      out[fault.id] = d && fault.epsilon && options.bisect ? { ...c, minEpsilon: await smallestEpsilon(trials, fault, context) } : c;
    }
  }
  return { id: claim.id, expected: claim.expected, designated: claim.designated.map((d) => d.fault), baseline, faults: out };
}
