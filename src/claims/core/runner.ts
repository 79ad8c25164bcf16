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
 * Runs in this thread, one evaluation after the other; {@link verifyClaimWith} spreads the same work
 * over a pool and gives the same result.
 */
export async function verifyClaim(claim: ClaimDefinition, options: RunnerOptions): Promise<ClaimResult> {
  return verifyClaimWith(claim, options, localClaimWork(claim, options));
}

/**
 * The independent pieces of checking one claim. Each is a function of the claim, the runner's options
 * (tier, global seed, runs, context, faults, shrink budget) and its arguments alone, so any executor
 * (this thread, a worker of a pool) gives the same bits.
 */
export interface ClaimWork {
  /** Evaluations of the main scenario stream at indices `from … to − 1`. */
  mainRuns(from: number, to: number): Promise<readonly IndexedRun[]>;
  /** The search for a refutation of the k-th designated fault. */
  fault(k: number): Promise<FaultCheck>;
  /** The search for the k-th control's target verdict. */
  control(k: number): Promise<ControlCheck>;
  /** The shrunk counterexample of the refutation at main-stream index `index`. */
  shrink(index: number): Promise<Counterexample>;
}

/**
 * One evaluation of the main scenario stream, at its index (fast-check's run index, skipped draws
 * included), or the error it threw: {@link mainPhase} rethrows that error only if fast-check would
 * have drawn the index, so an index evaluated speculatively past the stop cannot change the result.
 */
export type IndexedRun =
  | { readonly index: number; readonly applies: boolean; readonly verdict: RunVerdict; readonly record?: RunRecord }
  | { readonly index: number; readonly error: unknown };

/** An {@link IndexedRun} that did not throw. */
type Evaluated = Exclude<IndexedRun, { readonly error: unknown }>;

/** A shrunk refutation: the scenario (JSON), its verdict and fast-check's shrink count. */
export type Counterexample = NonNullable<ClaimResult['counterexample']>;

/** Main runs a claim asks for: `runs`, or at least {@link SEARCH_MIN_RUNS} for a known-false claim. */
export function mainRunCount(claim: ClaimDefinition, runs: number): number {
  return claim.expected === 'refuted' ? Math.max(runs, SEARCH_MIN_RUNS) : runs;
}

/** Where the main runs stand after some evaluations, read with fast-check's own stopping rule. */
export interface MainPhase {
  /** The evaluations fast-check would have made, in index order (the refuting one last, if any). */
  readonly settled: readonly Evaluated[];
  /** No further index is needed. */
  readonly done: boolean;
  /** When not done: the fewest further evaluations that could finish (each may count). */
  readonly wanted: number;
  /** The index of the first applicable refutation. */
  readonly failedAt?: number;
}

/**
 * fast-check's runner over evaluations `evals` (indices 0, 1, … in order): it draws index k while
 * fewer than `numRuns` draws were applicable and at most `maxSkips` were skipped (fast-check's
 * `SourceValuesIterator`: `numRuns` initial iterations, `numRuns · maxSkipsPerRun` skips), and stops
 * at the first applicable refutation. Evaluations past the stop (made speculatively) are ignored,
 * errors included; the error of an index it does draw is thrown.
 */
export function mainPhase(evals: readonly IndexedRun[], numRuns: number, maxSkips: number): MainPhase {
  let counted = 0;
  let skipped = 0;
  const settled: Evaluated[] = [];
  for (const [k, e] of evals.entries()) {
    if (e.index !== k) throw new Error(`main runs out of order: index ${e.index} at position ${k}`);
    if (counted >= numRuns || skipped > maxSkips) break;
    if ('error' in e) throw e.error;
    settled.push(e);
    if (!e.applies) {
      skipped++;
      continue;
    }
    if (e.verdict.verdict === 'refuted') return { settled, done: true, wanted: 0, failedAt: e.index };
    counted++;
  }
  const done = counted >= numRuns || skipped > maxSkips;
  return { settled, done, wanted: done ? 0 : numRuns - counted };
}

/**
 * Evaluates indices `from … to − 1` of the claim's main scenario stream (seed {@link claimSeed}) in
 * `context`. An evaluation that throws ends the batch with its error (see {@link IndexedRun}).
 */
export async function evaluateMainRuns(claim: ClaimDefinition, tier: Tier, globalSeed: number, context: ClaimContext, from: number, to: number): Promise<IndexedRun[]> {
  if (to <= from) return [];
  const trials = fc.sample(claim.trials(tier), { seed: claimSeed(globalSeed, claim.id), path: String(from), numRuns: to - from });
  const out: IndexedRun[] = [];
  for (const [k, trial] of trials.entries()) {
    let e: Evaluation;
    try {
      e = await trial.evaluate(context, true);
    } catch (error) {
      out.push({ index: from + k, error });
      break;
    }
    const r = record(e);
    out.push({ index: from + k, applies: e.applies, verdict: e.verdict, ...(r ? { record: r } : {}) });
  }
  return out;
}

/**
 * Shrinks the refutation at main-stream index `index`: fast-check replays the stream from that index
 * (`path`) and shrinks it, with at most `shrinkBudget` evaluations of candidates (past it a candidate
 * counts as passing, so the smallest failing scenario found so far is kept). The replayed value is
 * known to fail (its evaluation gave the index), so it is not evaluated again.
 */
export async function shrinkRefutation(
  claim: ClaimDefinition,
  tier: Tier,
  globalSeed: number,
  context: ClaimContext,
  index: number,
  numRuns: number,
  shrinkBudget: number,
): Promise<Counterexample> {
  let replayed = false;
  let shrinkRuns = 0;
  const outcome = await fc.check(
    fc.asyncProperty(claim.trials(tier), async (trial) => {
      if (!replayed) {
        replayed = true;
        return false;
      }
      if (shrinkRuns++ >= shrinkBudget) return true;
      const e = await trial.evaluate(context, true);
      fc.pre(e.applies);
      return e.verdict.verdict !== 'refuted';
    }),
    { seed: claimSeed(globalSeed, claim.id), path: String(index), numRuns, maxSkipsPerRun: MAX_SKIPS_PER_RUN, reporter: () => {} },
  );
  if (!outcome.counterexample) throw new Error(`${claim.id}: replaying main run ${index} found no refutation`);
  const trial = outcome.counterexample[0];
  const e = await trial.evaluate(context, true);
  return { scenario: trial.scenario, verdict: e.verdict, shrinks: outcome.numShrinks };
}

/** Searches the k-th designated fault of a claim, injected into `context` (stream `verify-fault`). */
export async function searchDesignatedFault(claim: ClaimDefinition, k: number, options: Pick<RunnerOptions, 'runs' | 'globalSeed' | 'context' | 'faults'>): Promise<FaultCheck> {
  const d = claim.designated[k];
  if (!d) throw new Error(`${claim.id}: no designated fault ${k}`);
  const fault = options.faults.get(d.fault);
  if (!fault) throw new Error(`${claim.id}: designated fault ${d.fault} is not in the fault catalogue`);
  const eps = epsilonOf(fault, d.epsilon);
  const budget = Math.max(options.runs, SEARCH_MIN_RUNS);
  const s = await searchFor(d.trials, fault.inject(options.context, eps ?? 0), streamSeed(options.globalSeed, 'verify-fault', claim.id, d.fault), budget, 'refuted');
  const shown = s.hit ?? s.last;
  return {
    fault: d.fault,
    epsilon: eps,
    why: d.why,
    refuted: s.found,
    searched: s.searched,
    detail: shown ? shown.verdict.detail : 'no applicable scenario',
    slack: shown ? shown.verdict.slack : null,
  };
}

/** Searches the k-th control of a claim (stream `control`). */
export async function searchControl(claim: ClaimDefinition, k: number, options: Pick<RunnerOptions, 'runs' | 'globalSeed' | 'context'>): Promise<ControlCheck> {
  const c = claim.controls[k];
  if (!c) throw new Error(`${claim.id}: no control ${k}`);
  const budget = Math.max(options.runs, SEARCH_MIN_RUNS);
  // A true claim's control breaks its hypotheses on purpose, so the check runs regardless of them;
  // a known-false claim's control is a case inside them where the statement holds.
  const s = await searchFor(c.trials, options.context, streamSeed(options.globalSeed, 'control', claim.id, String(k)), budget, c.target, claim.expected === 'refuted');
  const shown = s.hit ?? s.last;
  return {
    description: c.description,
    target: c.target,
    fired: s.found,
    searched: s.searched,
    detail: shown ? shown.verdict.detail : 'no scenario',
    slack: shown ? shown.verdict.slack : null,
  };
}

/** The pieces of a claim evaluated in this thread, one at a time in call order. */
export function localClaimWork(claim: ClaimDefinition, options: RunnerOptions): ClaimWork {
  const { tier, globalSeed, context } = options;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const next = queue.then(f);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    mainRuns: (from, to) => serial(() => evaluateMainRuns(claim, tier, globalSeed, context, from, to)),
    fault: (k) => serial(() => searchDesignatedFault(claim, k, options)),
    control: (k) => serial(() => searchControl(claim, k, options)),
    shrink: (index) =>
      serial(() => shrinkRefutation(claim, tier, globalSeed, context, index, mainRunCount(claim, options.runs), options.shrinkBudget ?? DEFAULT_SHRINK_BUDGET)),
  };
}

/**
 * How {@link verifyClaimWith} asks for main runs: at most `wave` further indices at a time (never more
 * than could still count), in calls of `runsPerTask` indices that may run at once. In this thread
 * both are 1, so no index past the stop is evaluated; a pool asks for a whole wave.
 */
export interface MainRunSchedule {
  readonly wave: number;
  readonly runsPerTask: number;
}

/**
 * {@link verifyClaim} with its pieces run by `work` (which then holds the context, faults and shrink
 * budget; of `options`, this reads `runs`, `globalSeed`, `mainOnly` and `replay`). The main runs go in
 * waves of the fewest further indices that could finish (capped by `schedule.wave`), and
 * fast-check's stopping rule ({@link mainPhase}) reads them in index order, so the result does not
 * depend on the schedule or on where the pieces ran. When an evaluation throws, the error of the
 * first index fast-check would draw is thrown (fast-check itself would have gone on to shrink
 * the throwing scenario; a broken evaluation is reported as it is instead).
 */
export async function verifyClaimWith(
  claim: ClaimDefinition,
  options: RunnerOptions,
  work: ClaimWork,
  schedule: MainRunSchedule = { wave: 1, runsPerTask: 1 },
): Promise<ClaimResult> {
  const started = Date.now();
  const { runs, globalSeed } = options;
  const seed = claimSeed(globalSeed, claim.id);
  const numRuns = mainRunCount(claim, runs);
  const maxSkips = numRuns * MAX_SKIPS_PER_RUN;
  // Started now so that a pool runs them beside the main runs; awaited after them, so an error of the
  // main runs is the one reported (the handler keeps a rejection here from going unhandled meanwhile).
  const side = Promise.all([
    Promise.all(options.mainOnly ? [] : claim.designated.map((_, k) => work.fault(k))),
    Promise.all(options.mainOnly ? [] : claim.controls.map((_, k) => work.control(k))),
  ]);
  side.catch(() => undefined);
  const evals: IndexedRun[] = [];
  let phase = mainPhase(evals, numRuns, maxSkips);
  while (!phase.done) {
    const from = evals.length;
    const to = from + Math.max(1, Math.min(schedule.wave, phase.wanted));
    const step = Math.max(1, schedule.runsPerTask);
    const waves: Promise<readonly IndexedRun[]>[] = [];
    for (let a = from; a < to; a += step) waves.push(work.mainRuns(a, Math.min(to, a + step)));
    for (const w of await Promise.all(waves)) evals.push(...w);
    phase = mainPhase(evals, numRuns, maxSkips);
  }
  const counterexample = phase.failedAt === undefined ? undefined : await work.shrink(phase.failedAt);
  const [designated, controls] = await side;
  const details = phase.settled.map((e) => e.verdict);
  const records = phase.settled.flatMap((e) => (e.record ? [e.record] : []));
  const applicable = phase.settled.filter((e) => e.applies).length;
  const verdict: Verdict = counterexample ? 'refuted' : applicable > 0 ? 'holds' : 'inapplicable';
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
