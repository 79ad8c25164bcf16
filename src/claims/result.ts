import type { ExpectedVerdict, ProvenanceTag, RunVerdict, Verdict } from './types.js';

/** What `verify` concludes about one claim over all its runs (the JSON report's `claims[]` entry). */
export interface ClaimResult {
  readonly id: string;
  readonly source: string;
  readonly tag: ProvenanceTag;
  readonly statement: string;
  readonly expected: ExpectedVerdict;
  /**
   * holds: every applicable run held (at least one applied); refuted: some run refuted it (the
   * counterexample is the shrunk one); inapplicable: no run met the hypotheses.
   */
  readonly verdict: Verdict;
  /** verdict === expected (for a known-false claim: it was refuted). */
  readonly ok: boolean;
  /** Runs checked, and how many met the hypotheses. */
  readonly runs: number;
  readonly applicableRuns: number;
  /** The claim's own seed (derived from the global seed and the id). */
  readonly seed: number;
  /** The smallest slack over applicable runs (negative: the claim broke). */
  readonly worstSlack: number | null;
  /** The negative control: did the check say "refuted" on broken hypotheses / a planted bug? */
  readonly negativeControl: { readonly description: string; readonly refuted: boolean; readonly slack: number | null };
  /** The shrunk failing scenario (JSON) and its verdict, when a run refuted the claim. */
  readonly counterexample?: { readonly scenario: unknown; readonly verdict: RunVerdict; readonly shrinks: number };
  /** The command that replays this claim alone. */
  readonly replay: string;
  /** Per-run verdicts (slack, detail, measured figures, series) for plots and the JSON report. */
  readonly details: readonly RunVerdict[];
  /** Wall time of the claim's runs in milliseconds (informational; never asserted). */
  readonly millis: number;
}

/** A whole `verify` run. */
export interface VerifyReport {
  readonly tool: 'benign-check';
  readonly version: string;
  /** The global seed of the run. */
  readonly seed: number;
  readonly runsPerClaim: number;
  readonly claims: readonly ClaimResult[];
  /** Every claim at its expected verdict (the exit code is 0 iff true). */
  readonly ok: boolean;
}
