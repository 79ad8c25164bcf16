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
 * Steps of an M-STAIR run: a neuron grows like e^{2λt} from p0, and the last escape from ω = 10⁻⁴⁸
 * (log(1/p0) ≈ 220, rates down to λ ≈ 0.04 a step for n ≤ 10) takes ~3 000 steps; 8 000 leave room for its drop.
 */
const STEPS = 8000;
/**
 * Checkpoints per decade of t. A drop at ω = 10⁻⁴⁸ lasts ~1% of the log-time span (≈ 0.1 in log t), so
 * 2 000 a decade (every step up to T = 8 000) put dozens of points in it; the deep tier's drops at
 * n ≤ 32 last longer in steps, and 500 a decade keep the recorded weights within memory.
 */
const FINE_PER_DECADE = 2000;
const DEEP_PER_DECADE = 500;
/** Deep tier: rates fall like α/n ∝ 1/√n (n ≤ 32) and the ladder reaches 10⁻⁹⁶. */
const DEEP_STEPS = 60_000;

function stairArb(n: readonly [number, number], m: readonly [number, number], logInits: readonly number[], steps = STEPS): fc.Arbitrary<StairScenario> {
  return fc
    .record({
      n: fc.integer({ min: n[0], max: n[1] }),
      m: fc.integer({ min: m[0], max: m[1] }),
      lrFactor: fc.double({ min: 0.5, max: 0.8, noNaN: true }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    })
    .map(({ n, m, lrFactor, seed }) => ({ n, m, logInits, lrFactor, steps, seed }));
}

/**
 * Half the smallest gap between saddle levels, in log L: fitting one more point i lowers L by
 * `y_i²/(2n)` from at most `L(0) ≈ Σ y²/(2n)` (the init's outputs are ~ω²), so every drop lowers log L by
 * at least `−log(1 − min y²/Σ y²)`; half of it keeps the smallest true drop and ignores the drift on a plateau.
 */
export function smallestSaddleGap(y: ArrayLike<number>): number {
  let min = Infinity;
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    min = Math.min(min, y[i]! * y[i]!);
    sum += y[i]! * y[i]!;
  }
  return -0.5 * Math.log1p(-min / sum);
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
    'one dataset and init direction at ω = 10⁻⁶, 10⁻¹², 10⁻²⁴, 10⁻⁴⁸, loss read in log time (readStaircase, drops of at least half the smallest saddle gap, 10–90% widths): the share of log time per drop is smaller at the smallest ω than at the largest (the rungs that shrink it are counted and reported); ' +
    'at the smallest ω the curve starts on a plateau longer in log time than its first drop, and has no more drops than neurons active at T (each drop needs a newly active neuron). ' +
    'Whether #drops equals #active neurons, and whether there are ≥ 2 plateaus, is measured and reported, not asserted.',
  parameters: {},
  scenario: stairArb([6, 10], [4, 8], [-6, -12, -24, -48]),
  deepScenario: stairArb([16, 32], [8, 14], [-6, -12, -24, -48, -96], DEEP_STEPS),
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
    const cps = curveCheckpoints(s.steps, s.steps <= STEPS ? FINE_PER_DECADE : DEEP_PER_DECADE);
    for (const logInit of s.logInits) {
      const scenario: OrthoScenario = { n: s.n, m: s.m, initScale: 10 ** logInit, lrFactor: s.lrFactor, steps: s.steps, seed: s.seed };
      // The same init stream at every level: W(0) and a(0) are the same draw scaled by ω.
      const problem = orthoProblem(scenario, `${s.seed}:init`);
      const run = await squareRun(problem, ctx, cps);
      const threshold = activityThreshold(problem.W0, problem.a, problem.d);
      const last = run[run.length - 1]!;
      levels.push({
        logInit,
        staircase: ctx.theory.readStaircase(run.map((c) => [c.t, c.loss] as const), { minDropLog: smallestSaddleGap(problem.y) }),
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
    // The share of log time per transition: a ladder level can resolve a drop that a larger ω merged, so
    // the total share is compared per drop (docs/theory.md §11.4: each transition shrinks like 1/log(1/p0)).
    const perDrop = levels.map((l) => (l.staircase.drops.length > 0 ? l.staircase.dropFraction / l.staircase.drops.length : 0));
    // Two escapes of close rates merge into one drop at some rungs and split further down (measured: three
    // transitions merged at 10⁻⁶ and 10⁻¹², split at 10⁻²⁴; another pair merged at 10⁻⁴⁸ with a 10–90% width
    // 0.057 against 0.045 at 10⁻²⁴, split at 10⁻⁹⁶). So the check compares the ends of the ladder, 42
    // orders of magnitude apart (predicted shrink ~8×: widths go like 1/log(1/ω)), not every rung.
    const first = perDrop[0]!;
    const last = perDrop[perDrop.length - 1]!;
    slack = Math.min(slack, first > 0 ? (first - last) / first : -1);
    let rungsShrinking = 0;
    for (let k = 1; k < perDrop.length; k++) if (perDrop[k]! < perDrop[k - 1]!) rungsShrinking++;
    const smallest = levels[levels.length - 1]!;
    const drops = smallest.staircase.drops.length;
    const firstDrop = smallest.staircase.drops[0];
    const firstWidth = firstDrop ? Math.log(firstDrop.tEnd / firstDrop.tStart) : 0;
    if (!firstDrop) slack = Math.min(slack, -1);
    else slack = Math.min(slack, (smallest.staircase.initialPlateau - firstWidth) / smallest.staircase.initialPlateau);
    if (drops > smallest.activeAtT) slack = Math.min(slack, -(drops - smallest.activeAtT) / drops);
    const fractions = levels.map((l) => l.staircase.dropFraction);
    return verdictFromSlack(
      slack,
      `share of log time per drop ${perDrop.map((f) => f.toFixed(4)).join(' → ')} (in all drops ${fractions.map((f) => f.toFixed(3)).join(' → ')}); at ω = 1e${smallest.logInit}: ${smallest.staircase.plateaus} plateaus, ${drops} drops, ${smallest.activeAtT} active neurons`,
      {
        plateaus: smallest.staircase.plateaus,
        atLeastTwoPlateaus: smallest.staircase.plateaus >= 2,
        initialPlateau: smallest.staircase.initialPlateau,
        drops,
        activeNeurons: smallest.activeAtT,
        dropsMatchActive: drops === smallest.activeAtT,
        firstDropFraction: fractions[0]!,
        lastDropFraction: fractions[fractions.length - 1]!,
        rungsShrinking,
        firstPerDrop: perDrop[0]!,
        lastPerDrop: perDrop[perDrop.length - 1]!,
      },
      { dropFractionPerDrop: levels.map((l, k) => [l.logInit, perDrop[k]!] as const) },
    );
  },
});
