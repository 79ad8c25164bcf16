import type { ClaimResult, VerifyReport } from '../../claims/core/result.js';
import type { RunVerdict } from '../../claims/types.js';

/** The failing claim's counterexample detail: every character XML must escape. */
export const NASTY_DETAIL = `L(t+1) = 0.512 > L(t) = 0.5 at t = 3 <&>"' with α·L·max‖G‖² = 2.1`;

/** Checkpoints 0, then 1, …, 10⁵ log-spaced (four per decade), as engines/schedule.ts makes them. */
const CHECKPOINTS = [0, ...Array.from({ length: 21 }, (_, k) => 10 ** (k / 4))];

function dirRun(i: number): RunVerdict {
  const c = 0.6 + 0.1 * i; // each run its own constant in err ≈ c / (1 + ln t)
  const loss: [number, number][] = CHECKPOINTS.map((t) => [t, (0.7 + 0.05 * i) / (1 + t / 4)]);
  if (i === 2) {
    loss[5] = [loss[5][0], Number.NaN];
    loss[9] = [loss[9][0], Number.POSITIVE_INFINITY];
  }
  const slack = 0.02 + 0.03 * i;
  return {
    verdict: 'holds',
    slack,
    detail: `direction error decreases in log t (slope ${(-0.1 * c).toFixed(3)})`,
    measured: { slope: -0.1 * c, finalError: c / (1 + Math.log(1e5)), activated: true },
    series: {
      'direction error vs t': CHECKPOINTS.map((t) => [t, c / (1 + Math.log1p(t))] as const),
      'loss vs t': loss,
    },
  };
}

/** A claim at its expected verdict with two series per run (one log-log), one run with 2 non-finite points. */
export const dirClaim: ClaimResult = {
  id: 'H-DIR',
  source: 'H25',
  tag: 'stated',
  statement: 'W(t)/‖W(t)‖ → Ŵ/‖Ŵ‖ (Thm 4.8); convergence is logarithmically slow.',
  expected: 'holds',
  verdict: 'holds',
  ok: true,
  runs: 6,
  applicableRuns: 5,
  seed: 3141592653,
  worstSlack: 0.02,
  negativeControl: { description: 'sign constraints broken: Case 1 and 2 both fail', refuted: true, slack: -0.4 },
  replay: 'benign-check verify --seed 42 --claim H-DIR',
  details: [
    ...[0, 1, 2, 3, 4].map(dirRun),
    { verdict: 'inapplicable', slack: 0, detail: 'Case 1 and Case 2 both fail', measured: { case1: false } },
  ],
  millis: 512.4,
};

/** A claim NOT at its expected verdict: a counterexample whose detail needs XML escaping; no series. */
export const monoClaim: ClaimResult = {
  id: 'H-MONO',
  source: 'H25',
  tag: 'derived',
  statement: 'In the activated region the loss is convex and a step with α·L(W(t))·max‖G_i‖² ≤ c decreases it.',
  expected: 'holds',
  verdict: 'refuted',
  ok: false,
  runs: 8,
  applicableRuns: 8,
  seed: 271828,
  worstSlack: -0.024,
  negativeControl: { description: 'step size 10× above the bound', refuted: true, slack: -3.5 },
  counterexample: {
    scenario: { n: 2, d: 2, X: new Float64Array([1, 0, 0, 1]), gamma: 0.5, lr: Number.POSITIVE_INFINITY },
    verdict: { verdict: 'refuted', slack: -0.024, detail: NASTY_DETAIL, measured: { t: 3, ratio: 1.024 } },
    shrinks: 7,
  },
  replay: 'benign-check verify --seed 42 --claim H-MONO --path "12:3:0"',
  details: [0.31, 0.12, -0.024, 0.5, 0.07, 0.2, -0.01, 0.44].map((slack) => ({
    verdict: slack < 0 ? 'refuted' : 'holds',
    slack,
    detail: `loss ratio ${(1 - slack).toFixed(3)}`,
    measured: { ratio: 1 - slack },
  })),
  millis: 88,
};

/** A known-false claim, refuted as expected, with its control held; slacks spanning 4 decades. */
export const rankClaim: ClaimResult = {
  id: 'K-RANK-FULL',
  source: '—',
  tag: 'known-false',
  statement: 'The stable rank of the whole W → 1 for leaky ReLU with ± output weights.',
  expected: 'refuted',
  verdict: 'refuted',
  ok: true,
  runs: 4,
  applicableRuns: 4,
  seed: 7,
  worstSlack: -0.62,
  negativeControl: { description: 'one sign block only: the stable rank does tend to 1', refuted: false, slack: 0.0004 },
  counterexample: {
    scenario: { m: 4, gamma: 0.1 },
    verdict: {
      verdict: 'refuted',
      slack: -0.62,
      detail: 'stable rank 1.62 at t = 10⁵, predicted 2(1+γ²)/(1+γ)² = 1.67',
      measured: { stableRank: 1.62 },
      series: { 'stable rank vs t': CHECKPOINTS.map((t) => [t, 1.62 + 3 / (1 + t)] as const) },
    },
    shrinks: 2,
  },
  replay: 'benign-check verify --seed 42 --claim K-RANK-FULL',
  details: [-0.62, -0.55, -0.0012, -0.3].map((slack, i) => ({
    verdict: 'refuted',
    slack,
    detail: `stable rank ${(1 - slack).toFixed(2)}`,
    measured: { stableRank: 1 - slack },
    series: { 'stable rank vs t': CHECKPOINTS.map((t) => [t, 1 - slack + (3 + i) / (1 + t)] as const) },
  })),
  millis: 1200,
};

/** A small verify report: three claims, one not at its expected verdict. */
export function fakeReport(claims: readonly ClaimResult[] = [dirClaim, monoClaim, rankClaim]): VerifyReport {
  return {
    tool: 'benign-check',
    version: '0.1.0',
    seed: 42,
    runsPerClaim: 8,
    claims,
    ok: claims.every((c) => c.ok),
  };
}
