import fc from 'fast-check';
import { defineClaim } from '../../../claims/core/define.js';
import { verdictFromSlack } from '../../../claims/core/verdict.js';
import { activeNeurons, activityThreshold } from '../../../theory/paramNorm.js';
import type { Staircase } from '../../../theory/staircase.js';
import { curveCheckpoints, orthoFacts, squareRun } from '../run.js';
import { orthoProblem, type OrthoScenario } from '../scenario.js';

/** A ladder of init scales on one dataset and one init direction (W(0) and a(0) scale with ω). */
export interface StairScenario {
  readonly n: number;
  readonly m: number;
  /** log10 ω, descending: at least three levels. */
  readonly logInits: readonly number[];
  readonly lrFactor: number;
  readonly steps: number;
  readonly seed: number;
}

/**
 * Steps of an M-STAIR run: the last escape from ω = 10⁻²⁴ (log(1/p0) ≈ 110 at rates down to ~0.04 a step
 * for n ≤ 10) takes ~3 000 steps; 8 000 leave room for its drop.
 */
const STEPS = 8000;

function stairArb(n: readonly [number, number], m: readonly [number, number], logInits: readonly number[]): fc.Arbitrary<StairScenario> {
  return fc
    .record({
      n: fc.integer({ min: n[0], max: n[1] }),
      m: fc.integer({ min: m[0], max: m[1] }),
      lrFactor: fc.double({ min: 0.5, max: 0.8, noNaN: true }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    })
    .map(({ n, m, lrFactor, seed }) => ({ n, m, logInits, lrFactor, steps: STEPS, seed }));
}

/** One level of the ladder: the staircase of its loss curve and the neurons active at T. */
interface Level {
  readonly logInit: number;
  readonly staircase: Staircase;
  readonly activeAtT: number;
}

/**
 * M-STAIR (MORTH26, stated; docs/theory.md §5, §11): as the init scale → 0 the loss curve becomes a
 * staircase, plateaus separated by drops, one newly active neuron per drop.
 */
export const mStair = defineClaim('morth26', {
  id: 'M-STAIR',
  source: 'MORTH26',
  tag: 'stated',
  expected: 'holds',
  statement: 'As the init scale → 0 the loss curve becomes a staircase (saddle to saddle): plateaus separated by drops, one newly active neuron per drop.',
  method:
    'one dataset and init direction at ω = 10⁻³, 10⁻⁶, 10⁻¹², 10⁻²⁴, loss read in log time (readStaircase): the share of log time in drops falls strictly at every level; ' +
    'at the smallest ω there are ≥ 2 plateaus separated by drops, and no more drops than neurons active at T (each drop needs a newly active neuron). ' +
    'Whether #drops equals #active neurons is measured and reported, not asserted.',
  parameters: {},
  scenario: stairArb([6, 10], [4, 8], [-3, -6, -12, -24]),
  deepScenario: stairArb([16, 32], [8, 14], [-3, -6, -12, -24, -48]),
  designated: [
    { fault: 'square-frozen-a', why: 'with a frozen at the init scale nothing escapes the first plateau: no drop at all' },
    { fault: 'square-residual-sign', why: 'gradient ascent moves away from the saddles instead of along the staircase' },
  ],
  controls: [
    {
      description: 'large init (ω = 10^-0.6 … 10^-1, neurons of order one from the start): no staircase',
      target: 'refuted',
      scenario: stairArb([6, 10], [4, 8], [-0.6, -0.8, -1]),
    },
  ],
  run: async (s, ctx) => {
    const levels: Level[] = [];
    const cps = curveCheckpoints(s.steps);
    for (const logInit of s.logInits) {
      const scenario: OrthoScenario = { n: s.n, m: s.m, initScale: 10 ** logInit, lrFactor: s.lrFactor, steps: s.steps, seed: s.seed };
      // The same init stream at every level: W(0) and a(0) are the same draw scaled by ω.
      const problem = orthoProblem(scenario, `${s.seed}:init`);
      const run = await squareRun(problem, ctx, cps);
      const threshold = activityThreshold(problem.W0, problem.a, problem.d);
      const last = run[run.length - 1]!;
      levels.push({
        logInit,
        staircase: ctx.theory.readStaircase(run.map((c) => [c.t, c.loss] as const)),
        activeAtT: activeNeurons(last.W, last.a, problem.d, threshold).count,
      });
    }
    return { levels, problem: orthoProblem({ n: s.n, m: s.m, initScale: 1, lrFactor: s.lrFactor, steps: s.steps, seed: s.seed }) };
  },
  applies: () => ({ applies: true, reason: 'orthogonal data, a ladder of init scales' }),
  facts: (s, run) => orthoFacts(s.seed, run.problem, { smallInit: s.logInits[s.logInits.length - 1]! <= -3 }),
  check(_s, run) {
    const { levels } = run;
    let slack = Infinity;
    for (let k = 1; k < levels.length; k++) {
      const prev = levels[k - 1]!.staircase.dropFraction;
      const cur = levels[k]!.staircase.dropFraction;
      slack = Math.min(slack, prev > 0 ? (prev - cur) / prev : -1);
    }
    const smallest = levels[levels.length - 1]!;
    const drops = smallest.staircase.drops.length;
    if (smallest.staircase.plateaus < 2) slack = Math.min(slack, -1);
    if (drops > smallest.activeAtT) slack = Math.min(slack, -(drops - smallest.activeAtT) / drops);
    const fractions = levels.map((l) => l.staircase.dropFraction);
    return verdictFromSlack(
      slack,
      `share of log time in drops ${fractions.map((f) => f.toFixed(3)).join(' → ')}; at ω = 1e${smallest.logInit}: ${smallest.staircase.plateaus} plateaus, ${drops} drops, ${smallest.activeAtT} active neurons`,
      {
        plateaus: smallest.staircase.plateaus,
        drops,
        activeNeurons: smallest.activeAtT,
        dropsMatchActive: drops === smallest.activeAtT,
        firstDropFraction: fractions[0]!,
        lastDropFraction: fractions[fractions.length - 1]!,
      },
      { dropFraction: levels.map((l) => [l.logInit, l.staircase.dropFraction] as const) },
    );
  },
});
