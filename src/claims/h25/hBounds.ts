import fc from 'fast-check';
import { gaussianTestError } from '../../theory/index.js';
import { verdictFromSlack } from '../measure.js';
import { predictionRun, wbarOf, type PredictionRun } from '../prediction.js';
import { scenarioArb, type Scenario } from '../scenario.js';
import type { Applicability, Claim } from '../types.js';
import { mixtureTestError, TEST_CONFIDENCE } from './testSample.js';

/**
 * The c of H-UB's bound err ≤ exp(−c·min(n‖μ‖⁴/d, ‖μ‖²)) (reconstructed: H25 Thm 5.1 hides it).
 * Default from THEORY's heuristic Φ(−‖μ‖²/√(‖μ‖² + d/n)): its argument is at least √(min(·)/2), and
 * Φ(−x) ≤ e^{−x²/2}, which gives c = 1/4; halved for the finite-n fluctuations of w̄.
 */
export const UB_C = 1 / 8;
/** H-LB's regime: n‖μ‖⁴ ≤ κ·‖Σ‖_F² (reconstructed "≲"). */
export const LB_KAPPA = 1;
/** H-LB's floor: the error stays ≥ this. The heuristic gives Φ(−√κ) ≈ 0.159 at κ = 1; 0.05 leaves room. */
export const LB_FLOOR = 0.05;
/**
 * H-BENIGN's target error at signal strength {@link BENIGN_RATIO}. The heuristic closed form with
 * ‖μ‖² ≈ d/n ≥ 20 gives Φ(−‖μ‖/√2) ≤ Φ(−3.1) ≈ 10⁻³; 0.05 leaves room for heavy tails and finite n.
 */
export const BENIGN_EPS = 0.05;
/**
 * Test points for H-BENIGN (d ≈ 900): the refutation threshold 0.05 is far from the expected error
 * (≤ 10⁻³) and from the control's (≥ 0.3), so 2000 points decide it at confidence 1 − 10⁻⁹.
 */
const BENIGN_TEST_SAMPLES = 2000;
/** H-BENIGN's signal strength n‖μ‖⁴/d. */
export const BENIGN_RATIO = 16;

function hasWbar(run: PredictionRun): Applicability {
  const w = wbarOf(run);
  return typeof w === 'string' ? { applies: false, reason: w } : { applies: true, reason: 'Ŵ solved' };
}

function signal(run: PredictionRun): { mu2: number; ratio: number } {
  const p = run.problem;
  let mu2 = 0;
  for (const v of p.mu!) mu2 += v * v;
  return { mu2, ratio: (p.n * mu2 * mu2) / p.d };
}

/** Σ = I except a variance of 100 along μ = ‖μ‖e₁: the noise swamps the signal (Σ = I broken). */
const noisyAlongMu = (d: number): number[] => Array.from({ length: d }, (_, k) => (k === 0 ? 100 : 1));

/** H-UB (H25 Thm 5.1, reconstructed). */
export const hUb: Claim<Scenario, PredictionRun> = {
  id: 'H-UB',
  source: 'H25 Thm 5.1',
  tag: 'reconstructed',
  expected: 'holds',
  statement: 'Σ = I: err(w̄) ≤ exp(−c·n‖μ‖⁴/d) in the weak-signal regime and ≤ exp(−c‖μ‖²) in the strong one, i.e. err ≤ exp(−c·min(n‖μ‖⁴/d, ‖μ‖²)).',
  method: `exact Gaussian error of w̄ (H-ERR) against exp(−c·min(n‖μ‖⁴/d, ‖μ‖²)) with c = ${UB_C}; slack = log(bound/err) / (c·min(·)).`,
  parameters: { c: { value: UB_C, doc: 'reconstructed constant, derived from the heuristic closed form (hBounds.ts)' } },
  scenario: scenarioArb({ n: [8, 30], d: [20, 400], muNorm: [1, 5], steps: 0 }),
  negativeControl: {
    description: 'broken hypothesis Σ = I in the strong-signal regime: variance 100 along μ, so the error stays near Φ(−‖μ‖/10) while the bound is exp(−‖μ‖²/8)',
    scenario: scenarioArb({ n: [20, 30], d: [20, 40], muNorm: [5, 6], steps: 0, sigmaDiag: noisyAlongMu }),
  },
  run: predictionRun,
  applies: (_s, run) => hasWbar(run),
  check(_s, run) {
    const wbar = wbarOf(run) as Float64Array;
    const { mu2, ratio } = signal(run);
    const exponent = UB_C * Math.min(ratio, mu2);
    const err = gaussianTestError(wbar, run.problem.mu!, run.problem.sigmaDiag);
    const slack = (-exponent - err.logValue) / exponent;
    return verdictFromSlack(slack, `err = ${err.value.toPrecision(3)} vs bound exp(−${exponent.toPrecision(3)}) (n‖μ‖⁴/d = ${ratio.toPrecision(3)}, ‖μ‖² = ${mu2.toPrecision(3)})`, { err: err.value, exponent, ratio, mu2 });
  },
};

/** H-LB (H25 Thm 5.1, reconstructed). */
export const hLb: Claim<Scenario, PredictionRun> = {
  id: 'H-LB',
  source: 'H25 Thm 5.1',
  tag: 'reconstructed',
  expected: 'holds',
  statement: 'Gaussian, n‖μ‖⁴ ≲ ‖Σ‖_F²: the error stays above a constant (benign overfitting fails).',
  method: `with n‖μ‖⁴ ≤ ${LB_KAPPA}·d (Σ = I): the exact error of w̄ must be ≥ ${LB_FLOOR}; slack = err/${LB_FLOOR} − 1.`,
  parameters: { kappa: { value: LB_KAPPA, doc: 'the regime n‖μ‖⁴ ≤ κ‖Σ‖_F²' }, floor: { value: LB_FLOOR, doc: 'the constant lower bound (heuristic Φ(−√κ) ≈ 0.159)' } },
  scenario: scenarioArb({ n: [8, 30], d: [200, 600], muNorm: [0.5, 2], steps: 0 }),
  negativeControl: {
    description: 'broken hypothesis: strong signal (‖μ‖ ∈ [6, 8], n‖μ‖⁴ ≫ d), where the error is far below the floor',
    scenario: scenarioArb({ n: [8, 30], d: [200, 600], muNorm: [6, 8], steps: 0 }),
  },
  run: predictionRun,
  applies(_s, run) {
    const base = hasWbar(run);
    if (!base.applies) return base;
    const { ratio } = signal(run);
    if (ratio > LB_KAPPA) return { applies: false, reason: `n‖μ‖⁴/d = ${ratio.toPrecision(3)} > κ = ${LB_KAPPA}` };
    return { applies: true, reason: `n‖μ‖⁴/d = ${ratio.toPrecision(3)}` };
  },
  check(_s, run) {
    const err = gaussianTestError(wbarOf(run) as Float64Array, run.problem.mu!, run.problem.sigmaDiag);
    return verdictFromSlack(err.value / LB_FLOOR - 1, `err = ${err.value.toPrecision(3)} vs floor ${LB_FLOOR} (n‖μ‖⁴/d = ${signal(run).ratio.toPrecision(3)})`, { err: err.value, ratio: signal(run).ratio });
  },
};

/** Benign scenarios: d ≈ n²·[1, 1.5] and ‖μ‖² ∈ [0.8, 1]·d/n, so d ≥ max(n‖μ‖², n²) and n‖μ‖⁴/d ≥ 16. */
function benignArb(kind: Scenario['data']['kind'], strong: boolean): ReturnType<typeof scenarioArb> {
  return scenarioArb({ kind, n: [25, 30], d: [625, 900], muNorm: [0, 0], steps: 0 }).map((s) => {
    const { n, d } = s.data;
    const u = 0.8 + 0.2 * ((s.data.seed as number) % 1000) / 1000;
    const mu2 = strong ? u * (d / n) : 0.5 * Math.sqrt(d / n);
    return { ...s, data: { ...s.data, d: Math.max(d, n * n), muNorm: Math.sqrt(mu2) } };
  });
}

/** H-BENIGN (H25 Thm 6.2/6.3, reconstructed). */
export const hBenign: Claim<Scenario, PredictionRun> = {
  id: 'H-BENIGN',
  source: 'H25 Thm 6.2/6.3',
  tag: 'reconstructed',
  expected: 'holds',
  statement: 'Sub-Gaussian and polynomially-tailed mixtures under Assumption 6.1: the error tends to 0 as n‖μ‖⁴/d → ∞ (benign overfitting).',
  method: `Rademacher, uniform, Student-t (ν = 5) and Pareto (α = 5) noise with d ≥ max(n‖μ‖², n²) and n‖μ‖⁴/d ≥ ${BENIGN_RATIO}: refuted only if the lower Clopper–Pearson limit (confidence ${TEST_CONFIDENCE}) of the error exceeds ${BENIGN_EPS}.`,
  parameters: { eps: { value: BENIGN_EPS, doc: 'target error at the tested signal strength' }, ratio: { value: BENIGN_RATIO, doc: 'tested n‖μ‖⁴/d' } },
  scenario: benignArb('rademacher', true).chain((s) => benignKinds(s)),
  negativeControl: {
    description: 'broken hypothesis: weak signal ‖μ‖² = ½√(d/n) (n‖μ‖⁴/d = ¼), where the error stays large',
    scenario: benignArb('student-t', false),
  },
  run: predictionRun,
  applies: (_s, run) => hasWbar(run),
  check(s, run) {
    const mc = mixtureTestError(wbarOf(run) as Float64Array, s.data, BENIGN_TEST_SAMPLES);
    const slack = (BENIGN_EPS - mc.interval.lower) / BENIGN_EPS;
    return verdictFromSlack(slack, `${s.data.kind}: ${mc.errors}/${mc.samples} errors, interval [${mc.interval.lower.toPrecision(3)}, ${mc.interval.upper.toPrecision(3)}], n‖μ‖⁴/d = ${signal(run).ratio.toPrecision(3)}`, { estimate: mc.estimate, lower: mc.interval.lower, ratio: signal(run).ratio });
  },
};

function benignKinds(s: Scenario): fc.Arbitrary<Scenario> {
  return fc.constantFrom('rademacher', 'uniform', 'student-t', 'pareto').map((kind) => ({ ...s, data: { ...s.data, kind } as Scenario['data'] }));
}
