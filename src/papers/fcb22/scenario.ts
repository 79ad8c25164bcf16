import fc from 'fast-check';
import type { Scenario } from '../h25/scenario.js';

/**
 * The box FCB22 scenarios are drawn from (docs/theory.md §10.5): n points, d = ⌈κ·n² log n⌉ (so the
 * dimension condition holds with C = κ when n‖μ‖² ≤ d), ‖μ‖ set by the signal n‖μ‖⁴/d, a flip fraction η.
 */
export interface FcbSpace {
  readonly n: readonly [number, number];
  /** κ of d = ⌈κ·n² log n⌉. */
  readonly kappa: readonly [number, number];
  /** n‖μ‖⁴/d. */
  readonly signal: readonly [number, number];
  readonly eta: readonly [number, number];
  readonly m: readonly [number, number];
  readonly gamma: readonly [number, number];
  readonly steps: number;
  /** Fixed d (overrides κ): for a control outside the dimension condition. */
  readonly d?: (n: number) => number;
}

/**
 * FCB22 scenarios as H25 scenarios (the same problem builder): Gaussian mixture with label noise η,
 * logistic loss, balanced even width m, leaky slope γ, α = lrFactor/max‖x_i‖² with lrFactor ∈ [0.2, 0.5]
 * and init at 0.01–1 times H25's safe scale (FCB22 asks a small init against the step).
 */
export function fcbArb(space: FcbSpace): fc.Arbitrary<Scenario> {
  const num = (r: readonly [number, number]): fc.Arbitrary<number> => (r[0] === r[1] ? fc.constant(r[0]) : fc.double({ min: r[0], max: r[1], noNaN: true }));
  return fc
    .record({
      n: fc.integer({ min: space.n[0], max: space.n[1] }),
      kappa: num(space.kappa),
      signal: num(space.signal),
      eta: num(space.eta),
      half: fc.integer({ min: Math.max(1, space.m[0] / 2), max: Math.max(1, space.m[1] / 2) }),
      gamma: num(space.gamma),
      lrFactor: num([0.2, 0.5]),
      initFactor: num([0.01, 1]),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    })
    .map(({ n, kappa, signal, eta, half, gamma, lrFactor, initFactor, seed }) => {
      const d = space.d ? space.d(n) : Math.ceil(kappa * n * n * Math.log(n));
      return {
        data: { kind: 'gaussian' as const, n, d, muNorm: Math.sqrt(Math.sqrt((signal * d) / n)), labelNoise: eta, seed },
        m: 2 * half,
        gamma,
        loss: 'logistic' as const,
        lrFactor,
        initFactor,
        steps: space.steps,
      };
    });
}
