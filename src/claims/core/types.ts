import type { Arbitrary } from 'fast-check';
import type { DatasetDescriptor, Dataset, ProjectedPoints } from '../../data/index.js';
import type { Problem } from '../../problem/types.js';
import type { GaussianTestError, LimitDirection, LimitDirectionOk, MinNorm, Staircase, WellInitialisation } from '../../theory/index.js';
import type { ShapeTheory } from '../../theory/shape.js';
import type { Trainer } from '../../trainers/types.js';

/** Provenance tags of docs/theory.md: how much of a claim its source itself states. */
export type ProvenanceTag =
  | 'stated'
  | 'derived'
  | 'reconstructed'
  | 'stated + derived'
  | 'known-false'
  /** K-RANK: the source states the whole claim; the per-block reading is derived (docs/theory.md §5). */
  | 'stated (per block: derived)';

/** What a true claim does on its scenarios, and what must happen to a known-false claim. */
export type ExpectedVerdict = 'holds' | 'refuted';

/** The outcome of checking one claim on one run. */
export type Verdict = 'holds' | 'refuted' | 'inapplicable';

/** Whether a claim's hypotheses hold on one run, and the measured figures that decided it, in words. */
export interface Applicability {
  readonly applies: boolean;
  readonly reason: string;
}

/**
 * The verdict of one run with its slack: a signed distance from breaking the claim, normalised so
 * that 0 is the edge (> 0 holds with room to spare, < 0 refuted), and the figures behind it.
 */
export interface RunVerdict {
  readonly verdict: Verdict;
  /** Signed, normalised distance from the claim's edge; always finite (inapplicable runs give 0). */
  readonly slack: number;
  /** One line: what was measured and against what. */
  readonly detail: string;
  /** Named measurements, for the JSON report and plots. */
  readonly measured: Readonly<Record<string, number | boolean | string>>;
  /** Series over checkpoints, for the plots (e.g. direction error against t). */
  readonly series?: Readonly<Record<string, readonly (readonly [number, number])[]>>;
}

/** A documented constant of a claim (reconstructed constants are parameters, never truths). */
export interface ClaimParameter {
  readonly value: number;
  /** What it means, and where its value comes from: an error model, a derivation or a fit (stream, N). */
  readonly doc: string;
}

/**
 * The theory functions a claim reads, gathered in one object so that a theory fault replaces one of
 * them for the whole claim (docs/theory.md §8): the same code path, one thing broken.
 */
export interface TheoryPort extends ShapeTheory {
  /** Ŵ of docs/theory.md §2. */
  limitDirection(p: Problem): LimitDirection;
  /** w̄ = v₊ − v₋ of a solved prediction (null when the rows do not share one vector per block). */
  wbar(p: Problem, limit: LimitDirectionOk): Float64Array | null;
  /** Φ(−⟨w̄, μ⟩/‖Σ^{1/2} w̄‖) (docs/theory.md §2). */
  gaussianTestError(wbar: Float64Array, mu: Float64Array, sigmaDiag?: Float64Array): GaussianTestError;
  /** `count` fresh points of the mixture `data` describes, labels clean, from a stream named by `tag`. */
  testPoints(data: DatasetDescriptor, count: number, tag: string): Dataset;
  /**
   * `count` fresh points of the same mixture seen only through `⟨v, x⟩` for each of `directions`, and
   * `‖x‖²` (labels clean, stream named by `tag`; docs/theory.md §3.7): exact in law, and for Gaussian
   * noise with Σ = σ²I drawn in the directions' span at a fraction of the cost of `testPoints`.
   */
  testProjections(data: DatasetDescriptor, directions: readonly ArrayLike<number>[], count: number, tag: string): ProjectedPoints;
  /** The min-norm interpolator of orthogonal data, `2(‖ỹ₊‖ + ‖ỹ₋‖)` (docs/theory.md §11). */
  minNormInterpolator(p: Problem): MinNorm;
  /** The well-initialisation event of MORTH26/DBP25 (docs/theory.md §11). */
  wellInitialised(p: Problem): WellInitialisation;
  /** Plateaus and drops of a loss curve in log time (docs/theory.md §11). */
  readStaircase(curve: readonly (readonly [number, number])[], options?: { minDropLog?: number }): Staircase;
}

/** What a claim computes with: where trajectories come from, and the theory it compares them with. */
export interface ClaimContext {
  readonly trainer: Trainer;
  readonly theory: TheoryPort;
}

/**
 * A planted defect: an engine bug (a trainer with one thing wrong), a theory bug (one theory function
 * wrong) or a data bug, injected into a claim's context. Continuous defects take a size ε.
 */
export interface Fault {
  readonly id: string;
  readonly description: string;
  readonly layer: 'engine' | 'theory' | 'data';
  /** For a continuous defect: its default size and the range searched for the smallest detected ε. */
  readonly epsilon?: { readonly default: number; readonly min: number; readonly max: number };
  inject(ctx: ClaimContext, epsilon: number): ClaimContext;
}

/** A fault a true claim exists to catch, with the scenarios it is caught on (default: the claim's own). */
export interface Designation<S> {
  readonly fault: string;
  /** The defect's size (default: the fault's default ε). */
  readonly epsilon?: number;
  /** Why this claim should catch it, in one line. */
  readonly why: string;
  readonly scenario?: Arbitrary<S>;
}

/** A scenario family on which the check must give `target`: broken hypotheses for a true claim, or a case where a known-false statement holds. */
export interface Control<S> {
  readonly description: string;
  readonly target: Verdict;
  readonly scenario: Arbitrary<S>;
}

/** The size of a run and which hypotheses held on it, for the report's per-run records. */
export interface RunFacts {
  readonly seed: number | string;
  readonly n: number;
  readonly d: number;
  readonly m: number;
  readonly hypotheses: Readonly<Record<string, boolean>>;
}

/**
 * A claim of docs/theory.md §5: data plus pure functions. `scenario` generates the inputs it speaks
 * of; `run` computes what it needs through the context (training, solving); `applies` says whether
 * its hypotheses hold on that run; `check` gives the verdict. A known-false claim's `check` says
 * "holds" when the false statement held, so refuting it means finding a run where it says "refuted".
 */
export interface ClaimSpec<S, R> extends Omit<ClaimInfo, 'paper'> {
  /** Scenarios of the quick tier (inside the hypotheses for a true claim). */
  readonly scenario: Arbitrary<S>;
  /** Scenarios of the deep tier, at the paper's scale (default: the quick ones). */
  readonly deepScenario?: Arbitrary<S>;
  /** The faults a true claim exists to catch (at least one); none for a known-false claim. */
  readonly designated: readonly Designation<S>[];
  /** Further scenario families with a fixed expected verdict. A known-false claim has one where it holds. */
  readonly controls: readonly Control<S>[];
  run(scenario: S, ctx: ClaimContext): Promise<R>;
  applies(scenario: S, run: R): Applicability;
  check(scenario: S, run: R): RunVerdict;
  facts(scenario: S, run: R): RunFacts;
}

/** The result of evaluating one scenario. */
export interface Evaluation {
  readonly applies: boolean;
  readonly verdict: RunVerdict;
  /** Absent when the run failed before its facts were known. */
  readonly facts?: RunFacts;
}

/** One scenario of a claim, ready to evaluate in any context; prints as its scenario's JSON. */
export interface Trial {
  readonly scenario: unknown;
  evaluate(ctx: ClaimContext, respectHypotheses: boolean): Promise<Evaluation>;
}

/** The static description of a claim, as the reports show it. */
export interface ClaimInfo {
  readonly id: string;
  /** Source key of docs/theory.md (H25, SHNGS18 via H25, ...). */
  readonly source: string;
  readonly tag: ProvenanceTag;
  readonly expected: ExpectedVerdict;
  /** The statement in words. */
  readonly statement: string;
  /** How the suite checks it, in one or two sentences (shown in the README table). */
  readonly method: string;
  readonly parameters: Readonly<Record<string, ClaimParameter>>;
  /** The paper plug-in the claim belongs to (`h25`, ...). */
  readonly paper: string;
}

/** A claim with its scenario type erased (see `defineClaim`): what the runner, registry and CLI hold. */
export interface ClaimDefinition extends ClaimInfo {
  trials(tier: Tier): Arbitrary<Trial>;
  readonly designated: readonly { readonly fault: string; readonly epsilon?: number; readonly why: string; readonly trials: Arbitrary<Trial> }[];
  readonly controls: readonly { readonly description: string; readonly target: Verdict; readonly trials: Arbitrary<Trial> }[];
}

/** `quick`: the README's main command and CI; `deep`: the papers' scale. */
export type Tier = 'quick' | 'deep';
