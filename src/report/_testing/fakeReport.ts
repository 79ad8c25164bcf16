import type { ClaimResult, ControlCheck, FaultCheck, RunRecord, VerifyReport } from '../../claims/core/result.js';
import type { RunVerdict } from '../../claims/core/types.js';

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

/**
 * The per-run records of a claim's runs, one per detail (as the runner keeps them): seed `"<claim
 * seed>:<k>"`, a fixed size, and the hypotheses held exactly when the run was applicable.
 */
function recordsOf(seed: number, details: readonly RunVerdict[], size: { n: number; d: number; m: number }): RunRecord[] {
  return details.map((r, k) => ({
    seed: `${seed}:${k}`,
    ...size,
    hypotheses: { activated: r.verdict !== 'inapplicable', signs: true },
    verdict: r.verdict,
    slack: r.slack,
    detail: r.detail,
  }));
}

/** A designated fault the claim refuted after `searched` scenarios. */
export function caught(fault: string, epsilon: number | null, slack: number, searched = 1): FaultCheck {
  return { fault, epsilon, why: `${fault} moves the measured quantity past the bound`, refuted: true, searched, detail: `${fault}: bound broken`, slack };
}

/** A designated fault the claim never refuted in `searched` scenarios: the check has no power on it. */
export function missed(fault: string, epsilon: number | null, slack: number, searched = 20): FaultCheck {
  return { fault, epsilon, why: `${fault} should break the bound`, refuted: false, searched, detail: `${fault}: every run still within the bound`, slack };
}

/** A control that gave (or, with `fired` false, never gave) its target verdict. */
export function control(description: string, target: ControlCheck['target'], fired: boolean, slack: number | null): ControlCheck {
  return { description, target, fired, searched: fired ? 2 : 20, detail: `${description}: slack ${String(slack)}`, slack };
}

const dirDetails: RunVerdict[] = [
  ...[0, 1, 2, 3, 4].map(dirRun),
  { verdict: 'inapplicable', slack: 0, detail: 'Case 1 and Case 2 both fail', measured: { case1: false } },
];

/**
 * A claim at its expected verdict with two series per run (one log-log), one run with 2 non-finite
 * points; both designated faults refuted (one continuous, one discrete) and its control fired.
 */
export const dirClaim: ClaimResult = {
  paper: 'h25',
  id: 'H-DIR',
  source: 'H25',
  tag: 'stated',
  statement: 'W(t)/‖W(t)‖ → Ŵ/‖Ŵ‖ (Thm 4.8); convergence is logarithmically slow.',
  method: 'Trains to 10⁵ steps and fits the direction error against log t.',
  parameters: { slopeTolerance: { value: 0.05, doc: 'slack of the fitted slope (toy value)' } },
  expected: 'holds',
  verdict: 'holds',
  status: 'ok',
  ok: true,
  runs: 6,
  applicableRuns: 5,
  seed: 3141592653,
  worstSlack: 0.02,
  designated: [caught('theory:limit-direction-rotated', 0.1, -0.4, 3), caught('engine:backward-relu', null, -0.9)],
  controls: [control('sign constraints broken: Case 1 and 2 both fail', 'refuted', true, -0.4)],
  replay: 'benign-check verify --seed 42 --claim H-DIR',
  records: recordsOf(3141592653, dirDetails, { n: 8, d: 4, m: 6 }),
  details: dirDetails,
  millis: 512.4,
};

const monoDetails: RunVerdict[] = [0.31, 0.12, -0.024, 0.5, 0.07, 0.2, -0.01, 0.44].map((slack) => ({
  verdict: slack < 0 ? 'refuted' : 'holds',
  slack,
  detail: `loss ratio ${(1 - slack).toFixed(3)}`,
  measured: { ratio: 1 - slack },
}));

/** A claim NOT at its expected verdict: a counterexample whose detail needs XML escaping; no series. */
export const monoClaim: ClaimResult = {
  paper: 'h25',
  id: 'H-MONO',
  source: 'H25',
  tag: 'derived',
  statement: 'In the activated region the loss is convex and a step with α·L(W(t))·max‖G_i‖² ≤ c decreases it.',
  method: 'Checks L(t+1) ≤ L(t) at every step of the activated region.',
  parameters: { c: { value: 1, doc: 'step-size constant (toy value)' } },
  expected: 'holds',
  verdict: 'refuted',
  status: 'mismatch',
  ok: false,
  runs: 8,
  applicableRuns: 8,
  seed: 271828,
  worstSlack: -0.024,
  designated: [caught('engine:step-size-scaled', 10, -3.5)],
  controls: [],
  counterexample: {
    scenario: { n: 2, d: 2, X: new Float64Array([1, 0, 0, 1]), gamma: 0.5, lr: Number.POSITIVE_INFINITY },
    verdict: { verdict: 'refuted', slack: -0.024, detail: NASTY_DETAIL, measured: { t: 3, ratio: 1.024 } },
    shrinks: 7,
  },
  replay: 'benign-check verify --seed 42 --claim H-MONO --path "12:3:0"',
  records: recordsOf(271828, monoDetails, { n: 2, d: 2, m: 4 }),
  details: monoDetails,
  millis: 88,
};

const rankDetails: RunVerdict[] = [-0.62, -0.55, -0.0012, -0.3].map((slack, i) => ({
  verdict: 'refuted',
  slack,
  detail: `stable rank ${(1 - slack).toFixed(2)}`,
  measured: { stableRank: 1 - slack },
  series: { 'stable rank vs t': CHECKPOINTS.map((t) => [t, 1 - slack + (3 + i) / (1 + t)] as const) },
}));

/** A known-false claim, refuted as expected, with its 'holds' control fired; slacks spanning 4 decades. */
export const rankClaim: ClaimResult = {
  paper: 'h25',
  id: 'K-RANK-FULL',
  source: '—',
  tag: 'known-false',
  statement: 'The stable rank of the whole W → 1 for leaky ReLU with ± output weights.',
  method: 'Searches for a run whose stable rank stays away from 1.',
  parameters: {},
  expected: 'refuted',
  verdict: 'refuted',
  status: 'ok',
  ok: true,
  runs: 4,
  applicableRuns: 4,
  seed: 7,
  worstSlack: -0.62,
  designated: [],
  controls: [control('one sign block only: the stable rank does tend to 1', 'holds', true, 0.0004)],
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
  records: recordsOf(7, rankDetails, { n: 16, d: 3, m: 4 }),
  details: rankDetails,
  millis: 1200,
};

/**
 * `dirClaim` at its expected verdict but without shown power: its discrete designated fault was
 * never refuted (status 'no power', not ok).
 */
export const noPowerClaim: ClaimResult = {
  ...dirClaim,
  id: 'H-DIR-NOPOWER',
  designated: [dirClaim.designated[0]!, missed('engine:backward-relu', null, 0.03)],
  status: 'no power',
  ok: false,
  replay: 'benign-check verify --seed 42 --claim H-DIR-NOPOWER',
};

/** A small verify report: three claims, one not at its expected verdict. */
export function fakeReport(claims: readonly ClaimResult[] = [dirClaim, monoClaim, rankClaim]): VerifyReport {
  return {
    tool: 'benign-check',
    version: '0.1.0',
    seed: 42,
    tier: 'quick',
    trainer: 'float64',
    runsPerClaim: 8,
    claims,
    ok: claims.every((c) => c.ok),
  };
}
