import fc from 'fast-check';
import { makeProblemFile, makeRng, suggestedInitScale } from '../../data/index.js';
import type { Problem } from '../../problem/types.js';
import { validateProblem } from '../../problem/validate.js';

/**
 * The 4-point linear example of L-RAWMARGIN (docs/theory.md §9.3): the linear model (γ = 1, m = 1,
 * a = 1) on the points y_i x_i = z₁ = (1, h), z₂ = (1, −h), z₃ = (p, b), z₄ = (p + δ, −b) with
 * p > 1, δ > 0. The hard-margin direction is e₁ with margin 1 (z₁ and z₂ bind; z₃, z₄ have margins
 * p, p + δ), and Σ z_i = (2 + 2p + δ, 0) points along e₁ too, so the first step of GD from a small
 * init already has γ̄ ≈ γ*. The exp loss then weights z₃ above z₄ (its margin is smaller), the
 * direction turns towards −e₂ and γ̄ falls below γ* before it returns: the raw margin dips while γ̃ rises.
 * `points = 1` keeps z₁ alone (the control, where γ̄ only rises). Labels are random signs.
 */
export interface FourPointScenario {
  readonly h: number;
  readonly p: number;
  readonly delta: number;
  readonly b: number;
  /** 4, or 1 for the single-point control. */
  readonly points: number;
  /** α = lrFactor / max‖x_i‖². */
  readonly lrFactor: number;
  readonly steps: number;
  readonly seed: number;
}

/** The problem of a {@link FourPointScenario}: init at a tenth of the H25-safe scale (γ = 1). */
export function fourPointProblem(s: FourPointScenario): Problem {
  const z = [
    [1, s.h],
    [1, -s.h],
    [s.p, s.b],
    [s.p + s.delta, -s.b],
  ].slice(0, s.points);
  const rng = makeRng(`four-point:${s.seed}`);
  const y = Float64Array.from(z, () => (rng.uniform() < 0.5 ? -1 : 1));
  const X = Float64Array.from(z.flatMap((row, i) => row.map((v) => y[i]! * v)));
  const n = z.length;
  let maxSq = 0;
  for (const row of z) maxSq = Math.max(maxSq, row[0]! ** 2 + row[1]! ** 2);
  const lr = s.lrFactor / maxSq;
  const initScale = 0.1 * suggestedInitScale(X, n, 2, { gamma: 1, lr, m: 1 });
  return validateProblem(makeProblemFile({ n, d: 2, X, y }, { m: 1, gamma: 1, steps: s.steps, loss: 'exp', lr, initScale, initSeed: `four-point:${s.seed}:init` }));
}

/** Four-point (or one-point) scenarios over a box of shapes; fast-check shrinks towards the lower ends. */
export function fourPointArb(points: number, steps: number): fc.Arbitrary<FourPointScenario> {
  const num = (min: number, max: number): fc.Arbitrary<number> => fc.double({ min, max, noNaN: true });
  return fc.record({
    h: num(0.5, 2),
    p: num(1.5, 2.5),
    delta: num(0.5, 1.5),
    b: num(0.5, 2),
    points: fc.constant(points),
    lrFactor: num(0.1, 0.5),
    steps: fc.constant(steps),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
}
