import type { ClaimInfo, ExpectedVerdict, RunFacts, RunVerdict, Tier, Verdict } from './types.js';

/** One checked scenario, as the JSON report lists it. */
export interface RunRecord extends RunFacts {
  readonly verdict: Verdict;
  readonly slack: number;
  readonly detail: string;
}

/** A designated fault run inside `verify`: did the claim refute it on its scenarios? */
export interface FaultCheck {
  readonly fault: string;
  readonly epsilon: number | null;
  readonly why: string;
  /** The claim refuted the faulty context on some scenario. */
  readonly refuted: boolean;
  /** Applicable scenarios evaluated before the first refutation (or the whole budget). */
  readonly searched: number;
  /** The refuting run's detail, or why none refuted. */
  readonly detail: string;
  readonly slack: number | null;
}

/** A control run inside `verify`: did the check give its target verdict on some scenario? */
export interface ControlCheck {
  readonly description: string;
  readonly target: Verdict;
  readonly fired: boolean;
  readonly searched: number;
  readonly detail: string;
  readonly slack: number | null;
}

/**
 * How a claim ended: `ok` (at its expected verdict, every designated fault refuted, every control
 * fired), `mismatch` (not at its expected verdict), `no power` (some designated fault went
 * undetected: the check could not fail where it must) or `control silent` (a control did not fire).
 */
export type ClaimStatus = 'ok' | 'mismatch' | 'no power' | 'control silent';

/** What `verify` concludes about one claim (the JSON report's `claims[]` entry). */
export interface ClaimResult extends ClaimInfo {
  /**
   * holds: every applicable run held (at least one applied); refuted: some run refuted it (the
   * counterexample is the shrunk one); inapplicable: no run met the hypotheses.
   */
  readonly verdict: Verdict;
  readonly status: ClaimStatus;
  /** status === 'ok'. */
  readonly ok: boolean;
  readonly runs: number;
  readonly applicableRuns: number;
  /** The claim's own seed (derived from the global seed and the id). */
  readonly seed: number;
  /** The smallest slack over applicable runs (negative: the claim broke). */
  readonly worstSlack: number | null;
  readonly designated: readonly FaultCheck[];
  readonly controls: readonly ControlCheck[];
  /** The shrunk failing scenario (JSON) and its verdict, when a run refuted the claim. */
  readonly counterexample?: { readonly scenario: unknown; readonly verdict: RunVerdict; readonly shrinks: number };
  /** The command that replays this claim alone. */
  readonly replay: string;
  /** Every checked scenario: seed, verdict, slack, size and the hypotheses that held. */
  readonly records: readonly RunRecord[];
  /** Per-run verdicts with their measurements and series, for plots. */
  readonly details: readonly RunVerdict[];
  /**
   * Wall time in milliseconds from the claim's first piece starting to its last finishing; on a pool
   * this includes waiting behind other claims' pieces (informational; never asserted).
   */
  readonly millis: number;
}

/** A whole `verify` run. */
export interface VerifyReport {
  readonly tool: 'benign-check';
  readonly version: string;
  /** The global seed of the run. */
  readonly seed: number;
  readonly tier: Tier;
  readonly trainer: string;
  readonly runsPerClaim: number;
  readonly claims: readonly ClaimResult[];
  /** Every claim ok (the exit code is 0 iff true). */
  readonly ok: boolean;
}

export type { ExpectedVerdict };
