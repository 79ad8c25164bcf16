import { defineClaim } from '../../../claims/core/define.js';
import { inapplicable, refutedBecause, verdictFromSlack } from '../../../claims/core/verdict.js';
import { predictionApplicability } from '../measure.js';
import { linearOutputs, networkOutputs, signDisagreement } from '../network.js';
import { h25Facts, h25RunOf } from '../run.js';
import { scenarioArb, scenarioProblem } from '../scenario.js';
import { CASE2 } from '../spaces.js';

/** Fresh test points per run. */
const TEST_POINTS = 1000;

/**
 * H-LIN-UNBALANCED (known-false; docs/theory.md §5): the balanced-block rule sign⟨v₊ − v₋, x⟩ taken
 * for any fixed a. With unequal blocks f(x; Ŵ) = S₊φ(⟨v₊,x⟩) − S₋φ(⟨v₋,x⟩), S± = Σ|a_j| per block,
 * whose sign is that of ⟨S₊v₊ − S₋v₋, x⟩ (φ positively homogeneous and increasing): still a linear
 * boundary, but a different one. The run reports the disagreement with both rules.
 */
export const hLinUnbalanced = defineClaim('h25', {
  id: 'H-LIN-UNBALANCED',
  source: '—',
  tag: 'known-false',
  expected: 'refuted',
  statement: 'For any fixed second layer a, sign f(x; Ŵ) agrees with sign⟨w̄, x⟩, w̄ = v₊ − v₋ (the balanced-block rule).',
  method: `odd m (unequal blocks), Case 2 data: sign f(x; Ŵ) against sign⟨v₊ − v₋, x⟩ on ${TEST_POINTS} fresh points; refuted by the first disagreement. The disagreement with the block-weighted rule sign⟨S₊v₊ − S₋v₋, x⟩ is reported beside it.`,
  parameters: {},
  scenario: scenarioArb({ ...CASE2, n: [4, 8], steps: 0, evenM: false }),
  designated: [],
  controls: [
    {
      description: 'balanced blocks (even m): the statement holds, showing the check can also say "holds"',
      target: 'holds',
      scenario: scenarioArb({ ...CASE2, steps: 0 }),
    },
  ],
  run: async (s, ctx) => {
    const run = await h25RunOf(scenarioProblem(s), ctx, [0]);
    return { ...run, testPoints: () => ctx.theory.testPoints(s.data, TEST_POINTS, 'lin-unbalanced') };
  },
  applies: (_s, run) => predictionApplicability(run),
  facts: (s, run) => h25Facts(s.data.seed, run.problem, run.hypotheses),
  check(_s, run) {
    if (run.limit.status !== 'ok') return inapplicable(run.limit.reason);
    const { limit, problem: p } = run;
    if (limit.wbar === null) return refutedBecause('w̄ is undefined');
    const d = p.d;
    const test = run.testPoints();
    let sPlus = 0;
    let sMinus = 0;
    for (const a of p.a) if (a > 0) sPlus += a; else sMinus -= a;
    const jp = p.a.findIndex((a) => a > 0);
    const jm = p.a.findIndex((a) => a < 0);
    const weighted = Float64Array.from({ length: d }, (_, k) => sPlus * limit.W[jp * d + k]! - sMinus * limit.W[jm * d + k]!);
    const f = networkOutputs(p, limit.W, test);
    const plain = signDisagreement(f, linearOutputs(limit.wbar, test));
    const blockWeighted = signDisagreement(f, linearOutputs(weighted, test));
    return verdictFromSlack(
      plain > 0 ? -plain : 0,
      `m = ${p.m}: sign f(x; Ŵ) differs from sign⟨v₊ − v₋, x⟩ on ${(plain * 100).toFixed(2)}% of points, from sign⟨S₊v₊ − S₋v₋, x⟩ on ${(blockWeighted * 100).toFixed(2)}%`,
      { disagreementPlain: plain, disagreementBlockWeighted: blockWeighted },
    );
  },
});
