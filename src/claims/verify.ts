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
 * A negative control searches up to max(runs, this) scenarios and stops at the first that gives the
 * opposite verdict; a known-false claim is searched for a counterexample over as many. A control
 * that fires with probability p per scenario then misses with probability (1 − p)²⁰. Measured with
 * `benign-check calibrate --runs 40 --seed 7`: the weakest control fired on 23 of 40 scenarios
 * (H-MONO, p ≈ 0.58, so a miss ≈ 0.42²⁰ ≈ 4·10⁻⁸ per run) and the known-false H-MONO-ANYSTEP was
 * refuted on 30 of 40 (a miss ≈ 0.25²⁰ ≈ 10⁻¹²); the others fired on every scenario but H-ACT's
 * (27 of 40, ≈ 2·10⁻¹⁰). The search stops at the first hit, so the budget costs nothing when it is
 * not needed.
 */
export const NEGATIVE_CONTROL_MIN_RUNS = 20;

/**
 * Inapplicable scenarios (hypotheses not met) are skipped with fc.pre and redrawn, up to this many
 * per counted run, so `runs` counts applicable runs; a claim whose space is mostly inapplicable ends
 * with the verdict 'inapplicable' instead of spinning (each skipped draw costs a training run).
 */
export const MAX_SKIPS_PER_RUN = 10;

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
 * Checks one claim on `runs` applicable generated scenarios (fast-check, seeded from the global seed
 * and the id; a known-false claim is searched over at least {@link NEGATIVE_CONTROL_MIN_RUNS}), shrinks the first refutation to a minimal counterexample, and runs the negative control (up to max(runs, {@link NEGATIVE_CONTROL_MIN_RUNS})
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
      fc.pre(applies);
      if (v.verdict === 'refuted') failedOnce = true;
      return v.verdict !== 'refuted';
    }),
    { seed, numRuns: claim.expected === 'refuted' ? Math.max(runs, NEGATIVE_CONTROL_MIN_RUNS) : runs, maxSkipsPerRun: MAX_SKIPS_PER_RUN, reporter: () => {} },
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
