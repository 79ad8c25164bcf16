import { defineClaim } from '../../../claims/core/define.js';
import { refutedBecause, verdictFromSlack } from '../../../claims/core/verdict.js';
import { wholeRankHeuristic } from '../../../theory/shape.js';
import { window } from '../../h25/measure.js';
import { kcgApplicability, kcgFacts, kcgRun } from '../run.js';
import { KCG_QUICK, kcgArb } from '../scenario.js';
import { BLOCK_RANK_TOL, RANK_STEPS } from './kRank.js';

/** K-RANK-FULL (known-false; docs/theory.md §5, §9.3): "the stable rank of the whole W → 1". */
export const kRankFull = defineClaim('kcg23', {
  id: 'K-RANK-FULL',
  source: '—',
  tag: 'known-false',
  expected: 'refuted',
  statement: 'The stable rank of the whole W → 1 for leaky ReLU with ± output weights.',
  method: `read as K-RANK reads a block: the whole W's stable rank − 1 at most ${BLOCK_RANK_TOL} over [T/10, T] (T = 10⁴), on K-RANK's leaky scenarios; refuted where it stays near 2(1+γ²)/(1+γ)² > 1.`,
  parameters: { rankTol: { value: BLOCK_RANK_TOL, doc: 'K-RANK’s block tolerance, applied to the whole W' } },
  scenario: kcgArb({ ...KCG_QUICK, steps: RANK_STEPS }),
  designated: [],
  controls: [
    {
      description: 'γ ∈ [0.995, 0.999]: nearly linear, the two block directions nearly opposite, 2(1+γ²)/(1+γ)² − 1 < 10⁻⁵, so the statement holds',
      target: 'holds',
      scenario: kcgArb({ ...KCG_QUICK, steps: RANK_STEPS, gamma: [0.995, 0.999] }),
    },
  ],
  run: (s, ctx) => kcgRun(s, ctx),
  applies: (_s, run) => kcgApplicability(run),
  facts: kcgFacts,
  check(s, run) {
    const T = run.trajectory.steps;
    const ranks = window(run.trajectory.checkpoints, T / 10, T).map((c) => c.stableRank);
    if (ranks.some((v) => v === null)) return refutedBecause('W = 0 at a late checkpoint: no stable rank');
    const worst = Math.max(...ranks.map((v) => v! - 1));
    const heuristic = wholeRankHeuristic(s.gamma);
    return verdictFromSlack(
      (BLOCK_RANK_TOL - worst) / BLOCK_RANK_TOL,
      `whole-W stable rank − 1 up to ${worst.toExponential(3)} over [T/10, T] (tol ${BLOCK_RANK_TOL}); heuristic limit − 1 = ${(heuristic - 1).toExponential(3)}`,
      { wholeLateMax: worst, heuristicMinusOne: heuristic - 1 },
    );
  },
});
