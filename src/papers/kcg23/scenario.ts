import fc from 'fast-check';
import { scenarioArb, type Scenario } from '../h25/scenario.js';

/**
 * The KCG23/FVBSH23 regime (docs/theory.md §3.3, §9.2): nearly-orthogonal Gaussian data (μ = 0), the
 * logistic loss, balanced blocks and an init below the step (`initFactor` ≤ 1 of the H25-safe scale).
 * A scenario is the H25 {@link Scenario} record, so a counterexample pastes into `benign-check gen`.
 */
export interface KcgSpace {
  readonly n: readonly [number, number];
  readonly d: readonly [number, number];
  readonly m: readonly [number, number];
  /** Leaky slopes drawn; γ = 0 (ReLU) is its own space. */
  readonly gamma: readonly [number, number];
  readonly steps: number;
  readonly initFactor?: readonly [number, number];
  readonly lrFactor?: readonly [number, number];
}

/**
 * Quick tier: n ≤ 6 points in d ∈ [600, 1200], so |⟨x_i, x_k⟩| ≈ √d against ‖x_i‖² ≈ d gives a
 * realised near-orthogonality constant ≈ √d/(2.5n) ≥ 1.6, above {@link NEAR_ORTHOGONAL_C}.
 */
export const KCG_QUICK: Omit<KcgSpace, 'steps'> = { n: [3, 6], d: [600, 1200], m: [4, 10], gamma: [0.1, 0.9] };

/**
 * Deep tier at KCG23's scale: n = 20, d = 4000, m = 40 (their simulations use n = 20 and widths in
 * the tens); the realised constant is 0.9–1.3 (≈ √4000/(2.5·20)), and draws below 1 are redrawn.
 */
export const KCG_DEEP: Omit<KcgSpace, 'steps'> = { n: [20, 20], d: [4000, 4000], m: [40, 40], gamma: [0.1, 0.9] };

/** Scenarios of a {@link KcgSpace}: kind `nearly-orthogonal`, μ = 0, logistic loss. */
export function kcgArb(space: KcgSpace): fc.Arbitrary<Scenario> {
  return scenarioArb({
    kind: 'nearly-orthogonal',
    n: space.n,
    d: space.d,
    muNorm: [0, 0],
    m: space.m,
    gamma: space.gamma,
    lrFactor: space.lrFactor ?? [0.2, 0.5],
    initFactor: space.initFactor ?? [0.01, 1],
    steps: space.steps,
  }).map((s) => ({ ...s, loss: 'logistic' as const }));
}

/** ReLU (γ = 0) scenarios of a space. */
export function kcgReluArb(space: KcgSpace): fc.Arbitrary<Scenario> {
  return kcgArb({ ...space, gamma: [0, 0] });
}
