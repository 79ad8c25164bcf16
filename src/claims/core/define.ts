import fc from 'fast-check';
import { InputError, NumericalError, TrainerError } from '../../errors.js';
import type { ClaimContext, ClaimDefinition, ClaimSpec, Evaluation, Tier, Trial } from './types.js';
import { guardFinite, inapplicable, refutedBecause } from './verdict.js';

/**
 * Evaluates one scenario: run, hypotheses, verdict. A numerical failure of the run, a trainer's
 * malformed or non-finite answer, an input the drawn scenario makes invalid (an InputError: a defect of
 * the scenario space, which the report shows with its replay) and a non-finite measurement are
 * refutations with their reason, never a crash and never a pass. With `respectHypotheses` false the check runs even where the
 * hypotheses fail (used by controls that break them on purpose).
 */
async function evaluateScenario<S, R>(spec: ClaimSpec<S, R>, s: S, ctx: ClaimContext, respectHypotheses: boolean): Promise<Evaluation> {
  let run: R;
  try {
    run = await spec.run(s, ctx);
  } catch (e) {
    // An InputError here comes from a scenario the suite drew, not from the user: it is this claim's
    // failure, reported with its reason, and the other claims still run.
    if (e instanceof NumericalError || e instanceof TrainerError || e instanceof InputError) return { applies: true, verdict: refutedBecause(`${e.name}: ${e.message}`) };
    throw e;
  }
  const facts = spec.facts(s, run);
  const a = respectHypotheses ? spec.applies(s, run) : { applies: true, reason: '' };
  if (!a.applies) return { applies: false, verdict: inapplicable(a.reason), facts };
  try {
    return { applies: true, verdict: guardFinite(spec.check(s, run)), facts };
  } catch (e) {
    if (e instanceof NumericalError || e instanceof InputError) return { applies: true, verdict: refutedBecause(`${e.name}: ${e.message}`), facts };
    throw e;
  }
}

/** Wraps a scenario as a {@link Trial}, printed by fast-check as the scenario's JSON. */
function toTrial<S, R>(spec: ClaimSpec<S, R>, s: S): Trial {
  const trial: Trial & { [fc.toStringMethod]: () => string } = {
    scenario: s,
    evaluate: (ctx, respect) => evaluateScenario(spec, s, ctx, respect),
    [fc.toStringMethod]: () => JSON.stringify(s),
  };
  return trial;
}

/**
 * Turns a typed claim specification into the scenario-erased definition the runner holds: every
 * scenario becomes a {@link Trial} that closes over its claim, so a list of claims of different
 * scenario types needs no cast. Refuses a true claim without a designated fault (a check whose power
 * is never shown) and a known-false claim without a control where it holds.
 */
export function defineClaim<S, R>(paper: string, spec: ClaimSpec<S, R>): ClaimDefinition {
  if (spec.expected === 'holds' && spec.designated.length === 0) throw new Error(`${spec.id}: a true claim needs at least one designated fault`);
  if (spec.expected === 'refuted' && !spec.controls.some((c) => c.target === 'holds')) {
    throw new Error(`${spec.id}: a known-false claim needs a control on which its statement holds`);
  }
  const trials = (arb: fc.Arbitrary<S>): fc.Arbitrary<Trial> => arb.map((s) => toTrial(spec, s));
  const quick = trials(spec.scenario);
  const deep = spec.deepScenario ? trials(spec.deepScenario) : quick;
  return {
    paper,
    id: spec.id,
    source: spec.source,
    tag: spec.tag,
    expected: spec.expected,
    statement: spec.statement,
    method: spec.method,
    parameters: spec.parameters,
    trials: (tier: Tier) => (tier === 'deep' ? deep : quick),
    designated: spec.designated.map((d) => ({
      fault: d.fault,
      ...(d.epsilon !== undefined ? { epsilon: d.epsilon } : {}),
      why: d.why,
      trials: d.scenario ? trials(d.scenario) : quick,
    })),
    controls: spec.controls.map((c) => ({ description: c.description, target: c.target, trials: trials(c.scenario) })),
  };
}
