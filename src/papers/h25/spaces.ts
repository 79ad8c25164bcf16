import fc from 'fast-check';
import { scenarioArb, type Scenario, type ScenarioSpace } from './scenario.js';

/**
 * Case 1 of docs/theory.md §4 (strong signal): few points in low dimension with ‖μ‖ ≫ the noise, so
 * ⟨y_i x_i, y_k x_k⟩ = ‖μ‖² + O(‖μ‖ + √d) ≥ 0 for all pairs with overwhelming probability.
 */
export const CASE1: Omit<ScenarioSpace, 'steps'> = { n: [2, 6], d: [2, 5], muNorm: [10, 14], gamma: [0.1, 0.9] };

/**
 * Case 2 of docs/theory.md §4 (near-orthogonality, C = 1): ‖x_i‖² ≈ d while |⟨x_i, x_k⟩| ≈ √d, so
 * γ·d ≥ n·3√d needs d ≥ (3n/γ)²; n ≤ 5 and γ ≥ 0.5 give d ≥ 900, and d ∈ [1500, 2500] leaves room.
 */
export const CASE2: Omit<ScenarioSpace, 'steps'> = { n: [2, 5], d: [1500, 2500], muNorm: [0, 1], gamma: [0.5, 0.9] };

/** Scenarios inside H25's hypotheses (either case), with `steps` GD steps and optional overrides. */
export function withinH25(steps: number, overrides: Partial<ScenarioSpace> = {}): fc.Arbitrary<Scenario> {
  return fc.oneof(scenarioArb({ ...CASE1, steps, ...overrides }), scenarioArb({ ...CASE2, steps, ...overrides }));
}

/** Steps for the slowly converging claims (H-DIR, H-RATE, H-LIN): five decades of t. */
export const LONG_RUN = 100_000;

/**
 * Outside H25's hypotheses: few points in 2–4 dimensions with almost no signal, so some pairs have
 * ⟨y_i x_i, y_k x_k⟩ < 0 and a large step lowers some margins. (Under Case 1 every ⟨G_i, G_k⟩ ≥ 0,
 * so every step raises every margin and the exp loss falls for any step size: no overshoot there.)
 */
export const MIXED: Omit<ScenarioSpace, 'steps'> = { n: [4, 8], d: [2, 4], muNorm: [0, 0.5], gamma: [0.1, 0.5] };

/**
 * Case 1 beyond near-orthogonality (H25's novelty): weak signal with positive correlations,
 * ‖μ‖² = κ√d with κ ∈ [3, 4.5] against noise correlations ⟨z_i, z_k⟩ ≈ √d, so every
 * ⟨y_i x_i, y_k x_k⟩ ≈ ‖μ‖² ± 3√d·… is positive (Case 1) while n·‖μ‖² ≳ γ·d breaks Case 2.
 * Measured with `asymptoticRates` on 30 draws (seed 99): 15 were Case 1 and not Case 2, 13 of those
 * had transients decaying like t^-0.5 or faster (rates 0.39–0.66), so H-DIR, H-RATE and H-LIN can
 * see their asymptote at T = 10⁵; the others are reported inapplicable with their rate.
 */
export function case1Beyond(steps: number): fc.Arbitrary<Scenario> {
  return scenarioArb({ n: [5, 10], d: [2000, 4000], muNorm: [0, 0], gamma: [0.5, 0.9], steps }).chain((s) =>
    fc.double({ min: 3, max: 4.5, noNaN: true }).map((k) => ({ ...s, data: { ...s.data, muNorm: Math.sqrt(k * Math.sqrt(s.data.d)) } })),
  );
}

/** One scenario of each case, checked together so that every run covers both. */
export interface CasePair {
  readonly case2: Scenario;
  readonly case1: Scenario;
}

/** Pairs of a near-orthogonal (Case 2) scenario and a Case-1-only one, `steps` GD steps each. */
export function casePairArb(steps: number): fc.Arbitrary<CasePair> {
  return fc.record({ case2: scenarioArb({ ...CASE2, steps }), case1: case1Beyond(steps) });
}

/**
 * The deep tier, at the papers' scale: Case 1 with n up to 100 (‖μ‖ ∈ [10, 14] against noise √d ≤ 7
 * keeps every pair positive), Case 2 with n up to 25 in d up to 10⁴ (γ·d ≥ n·3√d needs d ≥ (3n/γ)²).
 */
export function withinH25Deep(steps: number): fc.Arbitrary<Scenario> {
  return fc.oneof(
    scenarioArb({ n: [20, 100], d: [2, 50], muNorm: [10, 14], gamma: [0.1, 0.9], steps }),
    scenarioArb({ n: [10, 25], d: [6000, 10_000], muNorm: [0, 1], gamma: [0.8, 0.9], steps }),
  );
}

/**
 * Deep-tier pairs: Case 2 with n up to 20 in d up to 10⁴, and the Case-1-only regime n = 20,
 * d = 20 000, ‖μ‖² ≈ 600 (κ ∈ [4, 4.5]), γ = 0.5, whose transients decay like t^-0.6 (20 of 20 draws
 * observable with asymptoticRates).
 */
export function casePairDeepArb(steps: number): fc.Arbitrary<CasePair> {
  const case1 = scenarioArb({ n: [20, 20], d: [20_000, 20_000], muNorm: [0, 0], gamma: [0.5, 0.5], steps }).chain((s) =>
    fc.double({ min: 4, max: 4.5, noNaN: true }).map((k) => ({ ...s, data: { ...s.data, muNorm: Math.sqrt(k * Math.sqrt(s.data.d)) } })),
  );
  return fc.record({ case2: scenarioArb({ n: [5, 20], d: [6000, 10_000], muNorm: [0, 1], gamma: [0.8, 0.9], steps }), case1 });
}
