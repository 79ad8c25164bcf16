import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, NumericalError, TrainerError } from '../../errors.js';
import type { Trainer } from '../../trainers/types.js';
import { referenceTheory } from './context.js';
import { defineClaim } from './define.js';
import type { ClaimResult } from './result.js';
import {
  evaluateMainRuns,
  localClaimWork,
  mainPhase,
  MAX_SKIPS_PER_RUN,
  SEARCH_MIN_RUNS,
  searchControl,
  searchDesignatedFault,
  verifyClaim,
  verifyClaimWith,
  type ClaimWork,
  type RunnerOptions,
} from './runner.js';
import { streamSeed } from './seeds.js';
import type { ClaimContext, ClaimDefinition, ClaimSpec, Fault, RunVerdict } from './types.js';
import { TOY_INFO } from './_testing/toy.js';

/**
 * Toy claims on integers 0..99, checked with no training in the way: `run` only reports its scenario
 * and whether it ran under the toy fault (the fault swaps the context's trainer for one named
 * "faulty"), so each test states exactly when the toy check applies, holds or refutes.
 */
interface ToyRun {
  readonly x: number;
  readonly faulty: boolean;
}

const ints = fc.integer({ min: 0, max: 99 });

const trainer = (name: string): Trainer => ({ name, train: () => Promise.resolve([]) });

/** The context of the main runs: a reference trainer (never called) and the reference theory. */
const context: ClaimContext = { trainer: trainer('ref'), theory: referenceTheory };

/** The ε each injection of a toy fault received, in order. */
const injected: number[] = [];

function toyFault(id: string, epsilon?: Fault['epsilon']): Fault {
  return {
    id,
    description: `toy fault ${id}`,
    layer: 'theory',
    ...(epsilon ? { epsilon } : {}),
    inject: (ctx, eps) => {
      injected.push(eps);
      return { ...ctx, trainer: trainer('faulty') };
    },
  };
}

const FAULT = 'toy:faulty';
const faults = new Map([FAULT, 'toy:continuous'].map((id) => [id, toyFault(id, id === FAULT ? undefined : { default: 0.5, min: 0.01, max: 1 })]));

/** A toy verdict: holds with slack 1, or refuted with slack −1. */
function verdict(holds: boolean, x: number, measured: RunVerdict['measured'] = {}): RunVerdict {
  return { verdict: holds ? 'holds' : 'refuted', slack: holds ? 1 : -1, detail: `x = ${x}`, measured };
}

/**
 * A true toy claim that always applies, holds on the reference context and refutes every run under
 * the fault (designated); any field can be overridden.
 */
function toySpec(over: Partial<ClaimSpec<number, ToyRun>> = {}): ClaimSpec<number, ToyRun> {
  return {
    ...TOY_INFO,
    scenario: ints,
    designated: [{ fault: FAULT, why: 'the toy check refutes every faulty run' }],
    controls: [],
    run: (x, ctx) => Promise.resolve({ x, faulty: ctx.trainer.name === 'faulty' }),
    applies: () => ({ applies: true, reason: 'toy hypotheses hold' }),
    check: (x, r) => verdict(!r.faulty, x),
    facts: (x) => ({ seed: x, n: 1, d: 1, m: 1, hypotheses: { toy: true } }),
    ...over,
  };
}

const toy = (over: Partial<ClaimSpec<number, ToyRun>> = {}) => defineClaim('toy', toySpec(over));

function options(runs: number, over: Partial<RunnerOptions> = {}): RunnerOptions {
  return { runs, globalSeed: 1, tier: 'quick', context, faults, replay: (id) => `benign-check verify --seed 1 --claim ${id}`, ...over };
}

describe('verifyClaim: the main runs', () => {
  it('counts only applicable runs: inapplicable draws are redrawn', async () => {
    const r = await verifyClaim(toy({ applies: (x) => ({ applies: x % 2 === 0, reason: `x = ${x} is odd` }) }), options(5));
    expect(r.verdict).toBe('holds');
    expect(r.status).toBe('ok');
    expect(r.ok).toBe(true);
    expect(r.applicableRuns).toBe(5);
    expect(r.runs).toBeGreaterThanOrEqual(5);
    expect(r.details.filter((d) => d.verdict !== 'inapplicable')).toHaveLength(5);
    // One record per evaluated scenario; the applicable ones are exactly the even draws.
    expect(r.records).toHaveLength(r.runs);
    for (const rec of r.records) expect(rec.verdict === 'inapplicable').toBe((rec.seed as number) % 2 === 1);
    expect(r.worstSlack).toBe(1);
    expect(r.paper).toBe('toy');
    expect(r.replay).toBe('benign-check verify --seed 1 --claim TOY');
  });

  it("says 'inapplicable' (not ok) when no draw meets the hypotheses, without spinning forever", async () => {
    const r = await verifyClaim(toy({ applies: () => ({ applies: false, reason: 'never' }) }), options(3));
    expect(r.verdict).toBe('inapplicable');
    expect(r.status).toBe('mismatch');
    expect(r.ok).toBe(false);
    expect(r.applicableRuns).toBe(0);
    expect(r.worstSlack).toBeNull();
    expect(r.runs).toBeLessThanOrEqual(3 * (1 + MAX_SKIPS_PER_RUN));
    expect(r.counterexample).toBeUndefined();
    // The designated fault finds no applicable scenario either: nothing was shown.
    expect(r.designated[0]).toMatchObject({ refuted: false, searched: 0, detail: 'no applicable scenario', slack: null });
  });

  it('searches a known-false claim over at least SEARCH_MIN_RUNS scenarios, and shrinks the counterexample', async () => {
    expect(SEARCH_MIN_RUNS).toBeGreaterThanOrEqual(20);
    // The false statement fails on x ≥ 80 only (20% of draws): one run would mostly miss it.
    const falseClaim = toy({
      expected: 'refuted',
      tag: 'known-false',
      designated: [],
      controls: [{ description: 'x < 80: the statement holds', target: 'holds', scenario: fc.integer({ min: 0, max: 79 }) }],
      check: (x) => verdict(x < 80, x),
    });
    for (const globalSeed of [1, 2, 3, 4, 5]) {
      const r = await verifyClaim(falseClaim, options(1, { globalSeed }));
      expect(r.verdict).toBe('refuted');
      expect(r.status).toBe('ok');
      expect(r.ok).toBe(true);
      // Shrunk to the smallest failing integer, whatever the first failing draw was.
      expect(r.counterexample?.scenario).toBe(80);
      expect(r.counterexample?.verdict.verdict).toBe('refuted');
      expect(r.controls).toEqual([expect.objectContaining({ target: 'holds', fired: true, searched: 1 })]);
    }
  });

  it('reports a known-false claim that was never refuted as a mismatch', async () => {
    const r = await verifyClaim(
      toy({
        expected: 'refuted',
        tag: 'known-false',
        designated: [],
        controls: [{ description: 'anything', target: 'holds', scenario: ints }],
      }),
      options(1),
    );
    expect(r.verdict).toBe('holds');
    expect(r.status).toBe('mismatch');
    expect(r.ok).toBe(false);
    expect(r.applicableRuns).toBe(SEARCH_MIN_RUNS);
  });

  it('draws the deep tier from deepScenario', async () => {
    const r = await verifyClaim(toy({ deepScenario: ints.map((x) => x + 1000) }), options(4, { tier: 'deep' }));
    expect(r.records.length).toBeGreaterThan(0);
    for (const rec of r.records) expect(rec.seed as number).toBeGreaterThanOrEqual(1000);
  });

  it('is deterministic in the global seed', async () => {
    const seeds = async (globalSeed: number) => (await verifyClaim(toy(), options(6, { globalSeed }))).records.map((rec) => rec.seed);
    expect(await seeds(7)).toEqual(await seeds(7));
  });
});

describe('verifyClaim: designated faults and controls', () => {
  it("gives 'no power' (not ok) when the claim never refutes a designated fault", async () => {
    const r = await verifyClaim(toy({ check: (x) => verdict(true, x) }), options(3));
    expect(r.verdict).toBe('holds');
    expect(r.status).toBe('no power');
    expect(r.ok).toBe(false);
    expect(r.designated).toEqual([
      { fault: FAULT, epsilon: null, why: 'the toy check refutes every faulty run', refuted: false, searched: SEARCH_MIN_RUNS, detail: expect.any(String), slack: 1 },
    ]);
  });

  it('searches a designated fault beyond `runs`: one refuted late in the search gives ok', async () => {
    // Under the fault the check refutes only from the 15th faulty evaluation on; one main run.
    let faultyRuns = 0;
    const r = await verifyClaim(
      toy({
        run: (x, ctx) => Promise.resolve({ x, faulty: ctx.trainer.name === 'faulty' && ++faultyRuns >= 15 }),
      }),
      options(1),
    );
    expect(r.status).toBe('ok');
    expect(r.ok).toBe(true);
    expect(r.designated[0]).toMatchObject({ fault: FAULT, refuted: true, searched: 15, slack: -1 });
    expect(r.designated[0]!.detail).toMatch(/^x = \d+$/);
  });

  it("injects a continuous fault at the designation's ε, or else the fault's default", async () => {
    injected.length = 0;
    const r = await verifyClaim(
      toy({
        designated: [
          { fault: 'toy:continuous', epsilon: 0.25, why: 'at ε = 0.25' },
          { fault: 'toy:continuous', why: 'at the default ε' },
          { fault: FAULT, why: 'discrete' },
        ],
      }),
      options(2),
    );
    expect(injected).toEqual([0.25, 0.5, 0]);
    expect(r.designated.map((f) => [f.epsilon, f.refuted])).toEqual([
      [0.25, true],
      [0.5, true],
      [null, true],
    ]);
    expect(r.status).toBe('ok');
  });

  it('runs a designated fault on its own scenarios when it has some', async () => {
    const seen: number[] = [];
    const r = await verifyClaim(
      toy({
        designated: [{ fault: FAULT, why: 'only large x', scenario: ints.map((x) => x + 500) }],
        check: (x, run) => {
          if (run.faulty) seen.push(x);
          return verdict(!run.faulty, x);
        },
      }),
      options(2),
    );
    expect(r.designated[0]!.refuted).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    for (const x of seen) expect(x).toBeGreaterThanOrEqual(500);
  });

  it('refuses a designated fault missing from the catalogue', async () => {
    await expect(verifyClaim(toy({ designated: [{ fault: 'toy:unknown', why: 'x' }] }), options(1))).rejects.toThrow(/toy:unknown.*not in the fault catalogue/);
  });

  it("gives 'control silent' when a control never reaches its target verdict, ok when it does", async () => {
    // The control scenarios (x ≥ 1000) break the hypotheses; the check refutes them only if x ≥ 1000 + k.
    const withControl = (k: number) =>
      toy({
        applies: (x) => ({ applies: x < 1000, reason: 'x ≥ 1000' }),
        check: (x, r) => verdict(!r.faulty && x < 1000 + k, x),
        controls: [{ description: 'hypotheses broken', target: 'refuted', scenario: ints.map((x) => x + 1000) }],
      });
    const silent = await verifyClaim(withControl(1000), options(2));
    expect(silent.verdict).toBe('holds');
    expect(silent.status).toBe('control silent');
    expect(silent.ok).toBe(false);
    expect(silent.controls).toEqual([expect.objectContaining({ description: 'hypotheses broken', target: 'refuted', fired: false, searched: SEARCH_MIN_RUNS })]);
    // A control runs the check although the hypotheses fail (they fail on purpose).
    const fires = await verifyClaim(withControl(0), options(2));
    expect(fires.status).toBe('ok');
    expect(fires.controls[0]).toMatchObject({ fired: true, searched: 1, slack: -1 });
  });

  it('skips designated faults and controls with mainOnly', async () => {
    const r = await verifyClaim(toy({ check: (x) => verdict(true, x) }), options(2, { mainOnly: true }));
    expect(r.designated).toEqual([]);
    expect(r.controls).toEqual([]);
    expect(r.status).toBe('ok');
  });
});

describe('verifyClaim: failures are refutations, never passes', () => {
  it('reports a check with slack NaN as refuted, even when it says "holds"', async () => {
    const r = await verifyClaim(toy({ check: (x, run) => (run.faulty ? verdict(false, x) : { ...verdict(true, x), slack: Number.NaN }) }), options(3));
    expect(r.verdict).toBe('refuted');
    expect(r.status).toBe('mismatch');
    expect(r.counterexample?.verdict).toMatchObject({ verdict: 'refuted', slack: -1 });
    expect(r.counterexample?.verdict.detail).toMatch(/non-finite slack NaN/);
    expect(r.details.every((d) => d.verdict !== 'holds')).toBe(true);
    expect(r.worstSlack).toBe(-1);
  });

  it('reports a measurement of Infinity as refuted, naming it', async () => {
    const r = await verifyClaim(
      toy({ check: (x, run) => verdict(!run.faulty, x, { ratio: x >= 50 ? Number.POSITIVE_INFINITY : 1, label: 'ok' }) }),
      options(10),
    );
    expect(r.verdict).toBe('refuted');
    expect(r.counterexample?.scenario).toBe(50);
    expect(r.counterexample?.verdict.detail).toMatch(/non-finite measurement ratio = Infinity/);
    expect(r.records.filter((rec) => (rec.seed as number) >= 50).every((rec) => rec.verdict === 'refuted')).toBe(true);
  });

  it("reports a NumericalError thrown in `run` as a refutation with its message", async () => {
    const r = await verifyClaim(
      toy({
        run: (x, ctx) => {
          if (x >= 50) return Promise.reject(new NumericalError('W at step 3', `overflow at x = ${x}`));
          return Promise.resolve({ x, faulty: ctx.trainer.name === 'faulty' });
        },
      }),
      options(10),
    );
    expect(r.verdict).toBe('refuted');
    expect(r.status).toBe('mismatch');
    expect(r.counterexample?.scenario).toBe(50);
    expect(r.counterexample?.verdict).toMatchObject({ verdict: 'refuted', slack: -1, detail: 'NumericalError: W at step 3: overflow at x = 50' });
  });

  it('reports a TrainerError thrown in `run` as a refutation with its message', async () => {
    const r = await verifyClaim(toy({ run: () => Promise.reject(new TrainerError('ref', 'checkpoints', 'expected 2 checkpoints, got 1')) }), options(2));
    expect(r.verdict).toBe('refuted');
    expect(r.counterexample?.verdict.detail).toBe('TrainerError: ref: checkpoints: expected 2 checkpoints, got 1');
  });

  it('reports an InputError thrown by a drawn scenario, in `run` or in `check`, as that claim\'s refutation with its message', async () => {
    const inRun = await verifyClaim(toy({ run: () => Promise.reject(new InputError('n', 'n·d = 70760000 exceeds the limit')) }), options(2));
    expect(inRun.verdict).toBe('refuted');
    expect(inRun.counterexample?.verdict.detail).toBe('InputError: n: n·d = 70760000 exceeds the limit');
    const inCheck = await verifyClaim(toy({ check: () => { throw new InputError('d', 'too large'); } }), options(2));
    expect(inCheck.counterexample?.verdict.detail).toBe('InputError: d: too large');
  });

  it('lets any other error thrown by a claim escape (a bug, not a refutation)', async () => {
    await expect(verifyClaim(toy({ check: () => { throw new RangeError('bug in the claim'); } }), options(2))).rejects.toThrow(/bug in the claim/);
  });
});

describe('defineClaim', () => {
  it('refuses a true claim without designated faults', () => {
    expect(() => toy({ designated: [] })).toThrow(/TOY: a true claim needs at least one designated fault/);
  });

  it("refuses a known-false claim without a control on which it holds", () => {
    const falseSpec = { expected: 'refuted' as const, tag: 'known-false' as const, designated: [] };
    expect(() => toy({ ...falseSpec, controls: [] })).toThrow(/TOY: a known-false claim needs a control on which its statement holds/);
    expect(() => toy({ ...falseSpec, controls: [{ description: 'wrong target', target: 'refuted', scenario: ints }] })).toThrow(/known-false/);
    expect(() => toy({ ...falseSpec, controls: [{ description: 'holds', target: 'holds', scenario: ints }] })).not.toThrow();
  });

  it('keeps the static description and erases the scenario type', () => {
    const c = toy({ parameters: { k: { value: 2, doc: 'toy' } } });
    expect(c).toMatchObject({ paper: 'toy', id: 'TOY', source: 'test', tag: 'derived', expected: 'holds', parameters: { k: { value: 2, doc: 'toy' } } });
    expect(c.designated).toEqual([expect.objectContaining({ fault: FAULT, why: 'the toy check refutes every faulty run' })]);
    expect('epsilon' in c.designated[0]!).toBe(false);
    const [trial] = fc.sample(c.trials('quick'), { seed: 3, numRuns: 1 });
    expect(fc.stringify(trial)).toBe(JSON.stringify(trial!.scenario));
  });
});

describe('the shrinking budget', () => {
  // Refuted for x ≥ 50 only: unbounded shrinking walks the counterexample down to exactly 50.
  const claim = () => toy({ check: (x, r) => verdict(r.faulty || x < 50, x) });

  it('shrinks to the boundary with the default budget', async () => {
    const r = await verifyClaim(claim(), options(30, { mainOnly: true }));
    expect(r.verdict).toBe('refuted');
    expect(r.counterexample?.scenario).toBe(50);
  });

  it('stops evaluating shrink candidates once the budget is spent, keeping the smallest failure found', async () => {
    let evaluations = 0;
    const counted = toy({ check: (x, r) => (evaluations++, verdict(r.faulty || x < 50, x)) });
    const none = await verifyClaim(counted, options(30, { mainOnly: true, shrinkBudget: 0 }));
    const firstFailure = none.counterexample?.scenario as number;
    expect(firstFailure).toBeGreaterThanOrEqual(50);
    const before = evaluations;
    const again = await verifyClaim(counted, options(30, { mainOnly: true, shrinkBudget: 0 }));
    expect(again.counterexample?.scenario).toBe(firstFailure);
    // The main runs up to the first failure, plus the counterexample's re-evaluation: no shrinking.
    expect(evaluations - before).toBeLessThanOrEqual(31);
  });
});

describe('verifyClaim: bookkeeping', () => {
  it('spends exactly the shrink budget after the first refutation, then re-evaluates the counterexample once', async () => {
    for (const shrinkBudget of [0, 3, 7]) {
      let evaluations = 0;
      const counted = toy({ check: (x, r) => (evaluations++, verdict(r.faulty || x < 50, x)) });
      const r = await verifyClaim(counted, options(30, { mainOnly: true, shrinkBudget }));
      expect(r.verdict).toBe('refuted');
      // details hold the main runs up to and including the first refutation, not the shrink candidates.
      expect(r.details.at(-1)!.verdict).toBe('refuted');
      expect(r.details.slice(0, -1).every((d) => d.verdict === 'holds')).toBe(true);
      expect(r.records).toHaveLength(r.details.length);
      expect(evaluations).toBe(r.details.length + shrinkBudget + 1);
    }
  });

  it('reports the smallest slack, counting the shrunk counterexample', async () => {
    // Holds below 50; above, the slack is −1 − (100 − x): shrinking toward 50 makes it more negative.
    const slackOf = (x: number) => (x < 50 ? 1 + x : -1 - (100 - x));
    const r = await verifyClaim(toy({ check: (x) => ({ ...verdict(x < 50, x), slack: slackOf(x) }) }), options(30, { mainOnly: true }));
    expect(r.counterexample?.scenario).toBe(50);
    expect(r.worstSlack).toBe(slackOf(50));
    expect(Math.min(...r.details.map((d) => d.slack))).toBeGreaterThan(slackOf(50));
    const holds = await verifyClaim(toy({ check: (x) => ({ ...verdict(true, x), slack: 1 + x }) }), options(8, { mainOnly: true }));
    expect(holds.worstSlack).toBe(1 + Math.min(...holds.records.map((rec) => rec.seed as number)));
    expect(holds.millis).toBeGreaterThanOrEqual(0);
    expect(holds.millis).toBeLessThan(1e9); // a duration, not a time stamp
  });

  it('keeps no record of a run that failed before its facts were known', async () => {
    const r = await verifyClaim(toy({ run: () => Promise.reject(new TrainerError('ref', 'W', 'not finite')) }), options(3, { mainOnly: true }));
    expect(r.details.length).toBeGreaterThan(0);
    expect(r.records).toEqual([]);
  });

  it('searches a designated fault and a control over their own seed streams, in order', async () => {
    const underFault: number[] = [];
    const inControl: number[] = [];
    await verifyClaim(
      toy({
        run: (x, ctx) => {
          if (ctx.trainer.name === 'faulty') underFault.push(x);
          else if (x >= 1000) inControl.push(x - 1000);
          return Promise.resolve({ x, faulty: ctx.trainer.name === 'faulty' });
        },
        check: (x) => verdict(true, x),
        controls: [{ description: 'never fires', target: 'refuted', scenario: ints.map((x) => x + 1000) }],
      }),
      options(1),
    );
    const budget = SEARCH_MIN_RUNS;
    expect(underFault).toEqual(fc.sample(ints, { seed: streamSeed(1, 'verify-fault', 'TOY', FAULT), numRuns: budget }));
    expect(inControl).toEqual(fc.sample(ints, { seed: streamSeed(1, 'control', 'TOY', '0'), numRuns: budget }));
  });

  it('shows the last scenario searched when a control stays silent, and says so when there was none', async () => {
    const silent = await verifyClaim(toy({ controls: [{ description: 'never fires', target: 'refuted', scenario: ints.map((x) => x + 1000) }] }), options(1));
    expect(silent.controls[0]).toMatchObject({ fired: false, slack: 1 });
    expect(silent.controls[0]!.detail).toMatch(/^x = 1\d\d\d$/);
    // A known-false claim's control respects the hypotheses: with none applicable nothing is shown.
    const none = await verifyClaim(
      toy({
        expected: 'refuted',
        tag: 'known-false',
        designated: [],
        applies: (x) => ({ applies: x < 1000, reason: 'x ≥ 1000' }),
        controls: [{ description: 'only inapplicable scenarios', target: 'holds', scenario: ints.map((x) => x + 1000) }],
      }),
      options(1),
    );
    expect(none.controls[0]).toMatchObject({ fired: false, searched: 0, detail: 'no scenario', slack: null });
  });

  it("searches a designated fault past fast-check's default 100 draws when applicable scenarios are sparse", async () => {
    // 13 in 100 integers are multiples of 8: SEARCH_MIN_RUNS of them take about 150 draws.
    const r = await verifyClaim(toy({ applies: (x) => ({ applies: x % 8 === 0, reason: 'sparse' }), check: (x) => verdict(true, x) }), options(1));
    expect(r.designated[0]!.searched).toBe(SEARCH_MIN_RUNS);
  });
});

describe('defineClaim: errors and tiers', () => {
  it('lets an error other than NumericalError, TrainerError or InputError thrown in `run` escape', async () => {
    await expect(verifyClaim(toy({ run: () => Promise.reject(new RangeError('bug in run')) }), options(1))).rejects.toThrow(/bug in run/);
  });

  it('turns a NumericalError thrown in `check` into a refutation that keeps the run facts', async () => {
    const r = await verifyClaim(
      toy({
        check: (x) => {
          if (x >= 50) throw new NumericalError('slope', `overflow at ${x}`);
          return verdict(true, x);
        },
      }),
      options(30, { mainOnly: true }),
    );
    expect(r.verdict).toBe('refuted');
    expect(r.counterexample?.verdict).toMatchObject({ verdict: 'refuted', slack: -1, detail: 'NumericalError: slope: overflow at 50' });
    const failing = r.records.find((rec) => rec.verdict === 'refuted');
    expect(failing).toMatchObject({ n: 1, d: 1, m: 1, hypotheses: { toy: true } });
  });

  it('draws the quick tier from `scenario`, never from deepScenario', async () => {
    const r = await verifyClaim(toy({ deepScenario: ints.map((x) => x + 1000) }), options(6, { mainOnly: true }));
    for (const rec of r.records) expect(rec.seed as number).toBeLessThan(1000);
  });
});

describe('mainPhase: fast-check’s stopping rule, read off evaluations in index order', () => {
  it('settles exactly the draws fc.check makes, and stops at the same refutation', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), (seed, numRuns, skipsPerRun, pSkip, pFail) => {
        // A draw is skipped or refutes by a fixed function of its value, as a claim's evaluation is.
        const arb = fc.integer({ min: 0, max: 1_000_000 });
        const skip = (v: number) => ((v * 7919) % 1000) / 1000 < pSkip;
        const fails = (v: number) => ((v * 104_729) % 1000) / 1000 < pFail;
        const seen: number[] = [];
        let failing = false;
        fc.check(
          fc.property(arb, (v) => {
            if (failing) return true;
            seen.push(v);
            fc.pre(!skip(v));
            if (fails(v)) failing = true;
            return !fails(v);
          }),
          { seed, numRuns, maxSkipsPerRun: skipsPerRun },
        );
        const drawn = fc.sample(arb, { seed, numRuns: numRuns * (1 + skipsPerRun) + 2 });
        const evals = drawn.map((v, index) => ({ index, applies: !skip(v), verdict: verdict(!fails(v), v) }));
        const phase = mainPhase(evals, numRuns, numRuns * skipsPerRun);
        expect(phase.done).toBe(true);
        expect(phase.settled.map((e) => drawn[e.index])).toEqual(seen);
        expect(phase.failedAt !== undefined).toBe(failing);
      }),
      { numRuns: 200 },
    );
  });

  it('asks for the fewest further draws that could finish, and refuses evaluations out of order', () => {
    const run = (index: number, applies: boolean) => ({ index, applies, verdict: verdict(true, index) });
    expect(mainPhase([], 5, 50)).toMatchObject({ done: false, wanted: 5 });
    expect(mainPhase([run(0, true), run(1, false), run(2, true)], 5, 50)).toMatchObject({ done: false, wanted: 3 });
    expect(mainPhase([run(0, true), run(1, true)], 2, 20)).toMatchObject({ done: true, wanted: 0 });
    expect(() => mainPhase([run(1, true)], 2, 20)).toThrow(/out of order/);
  });
});

describe('verifyClaimWith: the same result whatever the schedule', () => {
  /** Pieces run with delays that finish them out of order, and main runs asked for in speculative waves. */
  function shuffledWork(claim: ClaimDefinition, opts: RunnerOptions): ClaimWork {
    const local = localClaimWork(claim, opts);
    const later = <T>(ms: number, f: () => Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => f().then(resolve, reject), ms));
    return {
      mainRuns: (from, to) => later((97 * from) % 7, () => evaluateMainRuns(claim, opts.tier, opts.globalSeed, opts.context, from, to)),
      fault: (k) => later(3 - k, () => local.fault(k)),
      control: (k) => later(1, () => local.control(k)),
      shrink: (index) => local.shrink(index),
    };
  }
  const strip = (r: ClaimResult) => ({ ...r, millis: 0 });

  it.each([
    ['a true claim that holds', toy()],
    ['a claim refuted at some draw (shrunk the same way)', toy({ check: (x, r) => verdict(r.faulty || x < 50, x) })],
    ['a claim applicable on few draws', toy({ applies: (x) => ({ applies: x % 9 === 0, reason: 'x divisible by 9' }), check: (x) => verdict(true, x) })],
  ])('%s', async (_name, claim) => {
    for (const globalSeed of [1, 2, 3]) {
      const opts = options(12, { globalSeed });
      const serial = await verifyClaim(claim, opts);
      for (const schedule of [{ wave: Number.POSITIVE_INFINITY, runsPerTask: 1 }, { wave: Number.POSITIVE_INFINITY, runsPerTask: 5 }, { wave: 4, runsPerTask: 3 }]) {
        expect(strip(await verifyClaimWith(claim, opts, shuffledWork(claim, opts), schedule))).toEqual(strip(serial));
      }
    }
  });
});

describe('verifyClaimWith: errors', () => {
  // A plain Error is a bug in the claim and escapes (a NumericalError would be a refutation).
  const boom = (x: number) => new Error(`boom at x = ${x}`);

  it('an evaluation that throws past the stop, evaluated speculatively, changes nothing', async () => {
    // Refuted at the first draw ≥ 50; any draw after it throws if evaluated.
    let refutedAt = -1;
    const claim = toy({
      run: (x, ctx) => {
        if (refutedAt >= 0 && x !== refutedAt) throw boom(x);
        return Promise.resolve({ x, faulty: ctx.trainer.name === 'faulty' });
      },
      check: (x, r) => {
        if (x >= 50 && refutedAt < 0) refutedAt = x;
        return verdict(r.faulty || x < 50, x);
      },
    });
    const opts = options(30, { mainOnly: true, shrinkBudget: 0 });
    const serial = await verifyClaim(claim, opts);
    expect(serial.verdict).toBe('refuted');
    const ahead: ClaimWork = { ...localClaimWork(claim, opts), mainRuns: (from, to) => evaluateMainRuns(claim, opts.tier, opts.globalSeed, opts.context, from, to) };
    refutedAt = -1;
    const r = await verifyClaimWith(claim, opts, ahead, { wave: Number.POSITIVE_INFINITY, runsPerTask: 1 });
    expect({ ...r, millis: 0 }).toEqual({ ...serial, millis: 0 });
  });

  it('an evaluation that throws past the skip budget, evaluated speculatively, changes nothing', async () => {
    // Never applicable: fast-check draws runs·maxSkipsPerRun + 1 scenarios and stops. A schedule that
    // asks for more evaluates past them, and the first draw past them throws.
    const runs = 2;
    const lastDrawn = runs * MAX_SKIPS_PER_RUN;
    let evaluated = 0;
    const claim = toy({
      run: (x) => (evaluated++ > lastDrawn ? Promise.reject(boom(x)) : Promise.resolve({ x, faulty: false })),
      applies: () => ({ applies: false, reason: 'never' }),
    });
    const opts = options(runs, { mainOnly: true });
    const serial = await verifyClaim(claim, opts);
    expect(serial.verdict).toBe('inapplicable');
    expect(evaluated).toBe(lastDrawn + 1);
    evaluated = 0;
    const ahead: ClaimWork = { ...localClaimWork(claim, opts), mainRuns: (from, to) => evaluateMainRuns(claim, opts.tier, opts.globalSeed, opts.context, from, to + 2) };
    const r = await verifyClaimWith(claim, opts, ahead, { wave: Number.POSITIVE_INFINITY, runsPerTask: Number.POSITIVE_INFINITY });
    expect(evaluated).toBeGreaterThan(lastDrawn + 1);
    expect({ ...r, millis: 0 }).toEqual({ ...serial, millis: 0 });
  });

  it('throws the error of the first draw fast-check would make, whatever ran first', async () => {
    const claim = toy({ run: (x) => (x % 2 === 1 ? Promise.reject(boom(x)) : Promise.resolve({ x, faulty: false })) });
    const opts = options(30, { mainOnly: true });
    const first = await verifyClaim(claim, opts).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(Error);
    expect(String(first)).toMatch(/boom at x = /);
    const reversed: ClaimWork = {
      ...localClaimWork(claim, opts),
      mainRuns: (from, to) => new Promise((resolve) => setTimeout(() => resolve(evaluateMainRuns(claim, opts.tier, opts.globalSeed, opts.context, from, to)), 20 - from)),
    };
    const again = await verifyClaimWith(claim, opts, reversed, { wave: Number.POSITIVE_INFINITY, runsPerTask: 1 }).catch((e: unknown) => e);
    expect(again).toEqual(first);
  });

  it('a fault search that fails while the main runs are pending is not an unhandled rejection; the main runs’ error wins', async () => {
    const claim = toy();
    const opts = options(3);
    const work: ClaimWork = {
      ...localClaimWork(claim, opts),
      fault: () => Promise.reject(new InputError('fault', 'failed first')),
      mainRuns: () => new Promise((_, reject) => setTimeout(() => reject(new InputError('main', 'failed later')), 20)),
    };
    await expect(verifyClaimWith(claim, opts, work, { wave: Number.POSITIVE_INFINITY, runsPerTask: 1 })).rejects.toThrow(/main: failed later/);
    const noMain: ClaimWork = { ...work, mainRuns: (from, to) => evaluateMainRuns(claim, opts.tier, opts.globalSeed, opts.context, from, to) };
    await expect(verifyClaimWith(claim, opts, noMain)).rejects.toThrow(/fault: failed first/);
  });
});

describe('claim pieces: invariants', () => {
  it('shrinks among scenarios inside the hypotheses only: the counterexample is applicable, not the smallest failure', async () => {
    const claim = toy({ applies: (x) => ({ applies: x % 2 === 1, reason: 'x odd' }), check: (x) => verdict(x < 50, x) });
    const r = await verifyClaim(claim, options(30, { mainOnly: true }));
    expect(r.verdict).toBe('refuted');
    const x = r.counterexample?.scenario as number;
    expect(x).toBeGreaterThanOrEqual(50);
    // Ignoring the hypotheses while shrinking would end at 50, which is outside them.
    expect(x % 2).toBe(1);
  });

  it('refuses a fault or control index the claim does not have', async () => {
    const claim = toy();
    await expect(searchDesignatedFault(claim, 1, options(1))).rejects.toThrow(/no designated fault 1/);
    await expect(searchControl(claim, 0, options(1))).rejects.toThrow(/no control 0/);
  });
});
