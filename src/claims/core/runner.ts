import fc from 'fast-check';
import type { ClaimResult, ClaimStatus, ControlCheck, FaultCheck, RunRecord } from './result.js';
import { claimSeed, streamSeed } from './seeds.js';
import type { ClaimContext, ClaimDefinition, Evaluation, Fault, RunVerdict, Tier, Trial, Verdict } from './types.js';

/**
 * Designated faults, controls and known-false claims search up to max(runs, this) applicable
 * scenarios and stop at the first that gives the sought verdict. A check that fires with probability
 * p per scenario then misses with probability (1 − p)²⁰: below 10⁻⁶ for p ≥ 0.5.
 */
export const SEARCH_MIN_RUNS = 20;

/**
 * Inapplicable scenarios (hypotheses not met) are skipped and redrawn, up to this many per counted
 * run, so `runs` counts applicable runs; a claim whose space is mostly inapplicable ends with the
 * verdict 'inapplicable' instead of spinning.
 */
export const MAX_SKIPS_PER_RUN = 10;

/**
 * Evaluations fast-check may spend shrinking a refutation (each is a training run). Past it, shrink
 * candidates are not evaluated and count as passing, so shrinking ends with the smallest failing
 * scenario found so far: deterministic, and bounded whatever the trainer's speed.
 */
export const DEFAULT_SHRINK_BUDGET = 40;

/** What the runner needs besides the claim. */
export interface RunnerOptions {
  /** Applicable scenarios per claim. */
  readonly runs: number;
  readonly globalSeed: number;
  readonly tier: Tier;
  /** The context of the main runs (the trainer under test and the reference theory). */
  readonly context: ClaimContext;
  /** Every known fault, by id. */
  readonly faults: ReadonlyMap<string, Fault>;
  /** Skip the designated faults and controls (a user's trainer is checked on the main runs only). */
  readonly mainOnly?: boolean;
  /** Evaluations allowed for shrinking a refutation (default {@link DEFAULT_SHRINK_BUDGET}). */
  readonly shrinkBudget?: number;
  /** The command that replays one claim. */
  replay(id: string): string;
}

/** The outcome of a search for a verdict over a trial family. */
export interface SearchOutcome {
  readonly found: boolean;
  readonly searched: number;
  readonly hit?: Evaluation;
  readonly last?: Evaluation;
}

/**
 * Evaluates applicable scenarios of `trials` in `ctx` in a seeded order until one gives `target` or
 * `budget` applicable ones were evaluated (inapplicable draws are skipped, up to
 * {@link MAX_SKIPS_PER_RUN} per counted one).
 */
export async function searchFor(
  trials: fc.Arbitrary<Trial>,
  ctx: ClaimContext,
  seed: number,
  budget: number,
  target: Verdict,
  respectHypotheses = true,
): Promise<SearchOutcome> {
  let searched = 0;
  let last: Evaluation | undefined;
  for (const trial of fc.sample(trials, { seed, numRuns: budget * (1 + MAX_SKIPS_PER_RUN) })) {
    const e = await trial.evaluate(ctx, respectHypotheses);
    if (!e.applies) continue;
    searched++;
    last = e;
    if (e.verdict.verdict === target) return { found: true, searched, hit: e, last };
    if (searched >= budget) break;
  }
  return { found: false, searched, ...(last ? { last } : {}) };
}

function record(e: Evaluation): RunRecord | undefined {
  if (!e.facts) return undefined;
  return { ...e.facts, verdict: e.verdict.verdict, slack: e.verdict.slack, detail: e.verdict.detail };
}

/** A fault's ε as used: the designation's, else the fault's default, else null (a discrete fault). */
function epsilonOf(fault: Fault, epsilon: number | undefined): number | null {
  return epsilon ?? fault.epsilon?.default ?? null;
}

/**
 * Checks one claim: `runs` applicable scenarios in the main context (fast-check, shrinking the first
 * refutation to a minimal counterexample; a known-false claim is searched over at least
 * {@link SEARCH_MIN_RUNS}); then each designated fault, injected into the same context and searched
 * over its scenarios until the claim refutes it ("no power" when it never does); then each control.
 */
export async function verifyClaim(claim: ClaimDefinition, options: RunnerOptions): Promise<ClaimResult> {
  const started = Date.now();
  const { runs, globalSeed, tier, context } = options;
  const seed = claimSeed(globalSeed, claim.id);
  const details: RunVerdict[] = [];
  const records: RunRecord[] = [];
  let applicable = 0;
  let failedOnce = false;
  let shrinkRuns = 0;
  const shrinkBudget = options.shrinkBudget ?? DEFAULT_SHRINK_BUDGET;
  const outcome = await fc.check(
    fc.asyncProperty(claim.trials(tier), async (trial) => {
      if (failedOnce && shrinkRuns++ >= shrinkBudget) return true;
      const e = await trial.evaluate(context, true);
      if (!failedOnce) {
        details.push(e.verdict);
        const r = record(e);
        if (r) records.push(r);
        if (e.applies) applicable++;
      }
      fc.pre(e.applies);
      if (e.verdict.verdict === 'refuted') failedOnce = true;
      return e.verdict.verdict !== 'refuted';
    }),
    { seed, numRuns: claim.expected === 'refuted' ? Math.max(runs, SEARCH_MIN_RUNS) : runs, maxSkipsPerRun: MAX_SKIPS_PER_RUN, reporter: () => {} },
  );
  let verdict: Verdict = applicable > 0 ? 'holds' : 'inapplicable';
  let counterexample: ClaimResult['counterexample'];
  if (outcome.failed && outcome.counterexample) {
    verdict = 'refuted';
    const trial = outcome.counterexample[0];
    const e = await trial.evaluate(context, true);
    counterexample = { scenario: trial.scenario, verdict: e.verdict, shrinks: outcome.numShrinks };
  }

  const budget = Math.max(runs, SEARCH_MIN_RUNS);
  const designated: FaultCheck[] = [];
  const controls: ControlCheck[] = [];
  if (!options.mainOnly) {
    for (const d of claim.designated) {
      const fault = options.faults.get(d.fault);
      if (!fault) throw new Error(`${claim.id}: designated fault ${d.fault} is not in the fault catalogue`);
      const eps = epsilonOf(fault, d.epsilon);
      const s = await searchFor(d.trials, fault.inject(context, eps ?? 0), streamSeed(globalSeed, 'verify-fault', claim.id, d.fault), budget, 'refuted');
      const shown = s.hit ?? s.last;
      designated.push({
        fault: d.fault,
        epsilon: eps,
        why: d.why,
        refuted: s.found,
        searched: s.searched,
        detail: shown ? shown.verdict.detail : 'no applicable scenario',
        slack: shown ? shown.verdict.slack : null,
      });
    }
    for (const [k, c] of claim.controls.entries()) {
      // A true claim's control breaks its hypotheses on purpose, so the check runs regardless of them;
      // a known-false claim's control is a case inside them where the statement holds.
      const s = await searchFor(c.trials, context, streamSeed(globalSeed, 'control', claim.id, String(k)), budget, c.target, claim.expected === 'refuted');
      const shown = s.hit ?? s.last;
      controls.push({
        description: c.description,
        target: c.target,
        fired: s.found,
        searched: s.searched,
        detail: shown ? shown.verdict.detail : 'no scenario',
        slack: shown ? shown.verdict.slack : null,
      });
    }
  }
  const slacks = details.filter((d) => d.verdict !== 'inapplicable').map((d) => d.slack);
  if (counterexample) slacks.push(counterexample.verdict.slack);
  const status: ClaimStatus =
    verdict !== claim.expected ? 'mismatch' : designated.some((f) => !f.refuted) ? 'no power' : controls.some((c) => !c.fired) ? 'control silent' : 'ok';
  return {
    paper: claim.paper,
    id: claim.id,
    source: claim.source,
    tag: claim.tag,
    statement: claim.statement,
    method: claim.method,
    parameters: claim.parameters,
    expected: claim.expected,
    verdict,
    status,
    ok: status === 'ok',
    runs: details.length,
    applicableRuns: applicable,
    seed,
    worstSlack: slacks.length > 0 ? Math.min(...slacks) : null,
    designated,
    controls,
    ...(counterexample ? { counterexample } : {}),
    replay: options.replay(claim.id),
    records,
    details,
    millis: Date.now() - started,
  };
}
