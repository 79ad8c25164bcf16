import fc from 'fast-check';
import type { ClaimResult } from './result.js';
import { NumericalError } from '../errors.js';
import type { Claim, RunVerdict, Verdict } from './types.js';

/** run + applies + check, with a numerical failure of the run reported as a refutation (never a crash). */
export function evaluate(claim: Claim<unknown, unknown>, s: unknown, respectHypotheses: boolean): { applies: boolean; verdict: RunVerdict } {
  try {
    const r = claim.run(s);
    const a = respectHypotheses ? claim.applies(s, r) : { applies: true, reason: '' };
    if (!a.applies) return { applies: false, verdict: { verdict: 'inapplicable', slack: 0, detail: a.reason, measured: {} } };
    return { applies: true, verdict: claim.check(s, r) };
  } catch (e) {
    if (!(e instanceof NumericalError)) throw e;
    return { applies: true, verdict: { verdict: 'refuted', slack: -1, detail: `numerical failure: ${e.message}`, measured: { numericalFailure: e.message } } };
  }
}

/**
 * The negative control draws up to max(runs, this) scenarios and stops at the first that gives the
 * opposite verdict, so a control that fires on most scenarios is not left to one draw: a control
 * that fires with probability p per scenario misses with probability (1 − p)⁵. Every control here
 * fires on ≥ 99% of its scenarios (measured per claim, see each claim's file), so a miss has
 * probability < 10⁻¹⁰ per run.
 */
export const NEGATIVE_CONTROL_MIN_RUNS = 5;

/** The seed of one claim within a run: FNV-1a of the id mixed into the global seed. */
export function claimSeed(globalSeed: number, id: string): number {
  let h = (0x811c9dc5 ^ globalSeed) >>> 0;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The command that replays one claim of a verify run. */
export function replayCommand(id: string, runs: number, seed: number): string {
  return `npx benign-check verify --claims ${id} --runs ${runs} --seed ${seed}`;
}

/**
 * Checks one claim on `runs` generated scenarios (fast-check, seeded from the global seed and the id),
 * shrinks the first refutation to a minimal counterexample, and runs the negative control (up to max(runs, {@link NEGATIVE_CONTROL_MIN_RUNS})
 * scenarios with broken hypotheses or a planted bug, stopping at the first that gives the opposite
 * verdict).
 */
export function verifyClaim(claim: Claim<unknown, unknown>, runs: number, globalSeed: number): ClaimResult {
  const started = Date.now();
  const seed = claimSeed(globalSeed, claim.id);
  const details: RunVerdict[] = [];
  let applicable = 0;
  let failedOnce = false;
  const outcome = fc.check(
    fc.property(claim.scenario, (s) => {
      const { applies, verdict: v } = evaluate(claim, s, true);
      if (!failedOnce) {
        details.push(v);
        if (applies) applicable++;
      }
      if (v.verdict === 'refuted') failedOnce = true;
      return v.verdict !== 'refuted';
    }),
    { seed, numRuns: runs, reporter: () => {} },
  );
  let verdict: Verdict = applicable > 0 ? 'holds' : 'inapplicable';
  let counterexample: ClaimResult['counterexample'];
  if (outcome.failed && outcome.counterexample) {
    verdict = 'refuted';
    const s = outcome.counterexample[0];
    const v = evaluate(claim, s, true).verdict;
    counterexample = { scenario: s, verdict: v, shrinks: outcome.numShrinks };
  }
  const target = claim.expected === 'holds' ? 'refuted' : 'holds';
  let control: RunVerdict | undefined;
  fc.check(
    fc.property(claim.negativeControl.scenario, (s) => {
      const v = evaluate(claim, s, false).verdict;
      if (v.verdict === target) control = v;
      return v.verdict !== target;
    }),
    { seed: seed ^ 0x5bd1e995, numRuns: Math.max(runs, NEGATIVE_CONTROL_MIN_RUNS), endOnFailure: true, reporter: () => {} },
  );
  const slacks = details.filter((d) => d.verdict !== 'inapplicable').map((d) => d.slack);
  if (counterexample) slacks.push(counterexample.verdict.slack);
  return {
    id: claim.id,
    source: claim.source,
    tag: claim.tag,
    statement: claim.statement,
    expected: claim.expected,
    verdict,
    ok: verdict === claim.expected,
    runs: details.length,
    applicableRuns: applicable,
    seed,
    worstSlack: slacks.length > 0 ? Math.min(...slacks) : null,
    negativeControl: {
      description: claim.negativeControl.description,
      refuted: claim.expected === 'holds' ? control !== undefined : control === undefined,
      slack: control?.slack ?? null,
    },
    ...(counterexample ? { counterexample } : {}),
    replay: replayCommand(claim.id, runs, globalSeed),
    details,
    millis: Date.now() - started,
  };
}
