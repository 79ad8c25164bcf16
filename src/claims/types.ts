import type { Arbitrary } from 'fast-check';

/** Provenance tags of THEORY.md: how much of a claim the source itself states. */
export type ProvenanceTag = 'stated' | 'derived' | 'reconstructed' | 'stated + derived' | 'known-false';

/** What a true claim does on its scenarios, and what a known-false claim must have done to it. */
export type ExpectedVerdict = 'holds' | 'refuted';

/** The outcome of checking one claim on one run. */
export type Verdict = 'holds' | 'refuted' | 'inapplicable';

/** Yes or no, with the reason in words, and the measured quantity that decided it. */
export interface Applicability {
  readonly applies: boolean;
  readonly reason: string;
}

/**
 * The verdict of one run, with its measured slack: a signed distance from breaking the claim,
 * normalised so 0 is the edge (> 0 holds with room to spare, < 0 refuted), and the figures behind it.
 */
export interface RunVerdict {
  readonly verdict: Verdict;
  /** Signed, normalised distance from the claim's edge; NaN never (inapplicable runs give 0). */
  readonly slack: number;
  /** One line: what was measured and against what. */
  readonly detail: string;
  /** Named measurements, for the JSON report and plots. */
  readonly measured: Readonly<Record<string, number | boolean | string>>;
  /** Series over checkpoints, for the plots (e.g. direction error against t). */
  readonly series?: Readonly<Record<string, readonly (readonly [number, number])[]>>;
}

/** A documented, named constant of a claim (reconstructed constants are parameters, never truths). */
export interface ClaimParameter {
  readonly value: number;
  /** What it means, where its default comes from, and why that value. */
  readonly doc: string;
}

/**
 * A claim of THEORY §5: data plus pure functions. `scenario` generates the inputs the claim speaks
 * of; `run` computes what the claim needs (training, solving); `applies` says whether the
 * hypotheses hold on that input; `check` gives the verdict. A known-false claim's `check` says
 * "holds" when the false statement held on that run, so refuting it means finding a run where
 * `check` says "refuted".
 */
export interface Claim<S = unknown, R = unknown> {
  readonly id: string;
  /** Source key of THEORY.md (H25, SHNGS18 via H25, ...). */
  readonly source: string;
  readonly tag: ProvenanceTag;
  readonly expected: ExpectedVerdict;
  /** The statement in words, as in THEORY §5. */
  readonly statement: string;
  /** How the suite checks it, in one or two sentences (shown in the README table). */
  readonly method: string;
  readonly parameters: Readonly<Record<string, ClaimParameter>>;
  /** Scenarios the claim is checked on (within its hypotheses for a true claim). */
  readonly scenario: Arbitrary<S>;
  /**
   * The negative control: scenarios where the hypotheses are broken or a bug is planted, on which
   * `check` must say "refuted" (for a known-false claim: a scenario on which it holds, if any,
   * showing the check can also say "holds").
   */
  readonly negativeControl: { readonly description: string; readonly scenario: Arbitrary<S> };
  /** The computation the verdict needs (deterministic in the scenario). */
  run(scenario: S): R;
  applies(scenario: S, run: R): Applicability;
  check(scenario: S, run: R): RunVerdict;
}
