import type { Applicability, ClaimContext, RunFacts, RunVerdict } from '../../claims/core/types.js';
import { verdictFromSlack } from '../../claims/core/verdict.js';
import type { H25Run } from './run.js';
import { h25Facts } from './run.js';
import type { Scenario } from './scenario.js';
import type { CasePair } from './spaces.js';

/** A claim's single-scenario functions, lifted by {@link pairClaim} to a Case 2 / Case 1 pair. */
export interface SingleCase<R extends H25Run> {
  run(s: Scenario, ctx: ClaimContext): Promise<R>;
  applies(s: Scenario, run: R): Applicability;
  check(s: Scenario, run: R): RunVerdict;
}

/**
 * The run, hypotheses and verdict of a claim checked on both cases of docs/theory.md §4 at once: the
 * Case 1 side must be Case 1 and not Case 2 (beyond near-orthogonality), both sides must meet the
 * claim's own hypotheses, and the verdict is the worse of the two, with both details.
 */
export function pairClaim<R extends H25Run>(single: SingleCase<R>) {
  return {
    run: async (s: CasePair, ctx: ClaimContext) => ({ case2: await single.run(s.case2, ctx), case1: await single.run(s.case1, ctx) }),
    applies(s: CasePair, r: { case2: R; case1: R }): Applicability {
      const h = r.case1.hypotheses;
      if (!h.case1.holds || h.case2.holds) return { applies: false, reason: `Case 1 side: Case 1 ${h.case1.holds}, Case 2 ${h.case2.holds} (wanted Case 1 only)` };
      const a2 = single.applies(s.case2, r.case2);
      if (!a2.applies) return { applies: false, reason: `Case 2 side: ${a2.reason}` };
      const a1 = single.applies(s.case1, r.case1);
      if (!a1.applies) return { applies: false, reason: `Case 1 side: ${a1.reason}` };
      return { applies: true, reason: `Case 2: ${a2.reason}; Case 1: ${a1.reason}` };
    },
    check(s: CasePair, r: { case2: R; case1: R }): RunVerdict {
      const v2 = single.check(s.case2, r.case2);
      const v1 = single.check(s.case1, r.case1);
      const worst = v1.slack < v2.slack ? v1 : v2;
      const measured: Record<string, number | boolean | string> = {};
      for (const [k, v] of Object.entries(v2.measured)) measured[`case2.${k}`] = v;
      for (const [k, v] of Object.entries(v1.measured)) measured[`case1.${k}`] = v;
      const series: Record<string, readonly (readonly [number, number])[]> = {};
      for (const [k, v] of Object.entries(v2.series ?? {})) series[`${k} (Case 2)`] = v;
      for (const [k, v] of Object.entries(v1.series ?? {})) series[`${k} (Case 1)`] = v;
      if (v1.verdict === 'inapplicable' || v2.verdict === 'inapplicable') return { ...worst, verdict: 'inapplicable' };
      return verdictFromSlack(worst.slack, `Case 2: ${v2.detail} | Case 1: ${v1.detail}`, measured, series);
    },
    facts(s: CasePair, r: { case2: R; case1: R }): RunFacts {
      const f2 = h25Facts(s.case2.data.seed, r.case2.problem, r.case2.hypotheses);
      const f1 = h25Facts(s.case1.data.seed, r.case1.problem, r.case1.hypotheses);
      return { ...f1, hypotheses: { ...f1.hypotheses, pairedCase2Side: f2.hypotheses['case2']! } };
    },
  };
}
