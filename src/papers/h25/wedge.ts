import fc from 'fast-check';
import { makeRng, suggestedInitScale } from '../../data/index.js';
import type { Problem } from '../../problem/types.js';
import { validateProblem } from '../../problem/validate.js';

/**
 * Planar data whose signed points u_i = y_i x_i fill a wedge of half-angle θ ∈ (45°, 90°) around one
 * direction: separable through the origin (so the activated region of docs/theory.md §2.3 is not
 * empty) but with obtuse pairs ⟨u_i, u_k⟩ < 0, i.e. outside Case 1, where a step can lower some
 * margins and a step too large can raise the exp loss.
 */
export interface WedgeScenario {
  readonly n: number;
  /** Half-angle of the wedge, in degrees. */
  readonly halfAngle: number;
  readonly m: number;
  readonly gamma: number;
  /** α = stepFactor·c/max_i‖G_i‖², c the premise constant of the claim checking it (1: the premise is tight at L = 1). */
  readonly stepFactor: number;
  readonly steps: number;
  readonly seed: number;
}

/** Wedge scenarios; fast-check shrinks n, the angle and the seed. */
export function wedgeArb(o: { stepFactor: readonly [number, number]; steps: number; halfAngle?: readonly [number, number] }): fc.Arbitrary<WedgeScenario> {
  return fc.record({
    n: fc.integer({ min: 3, max: 8 }),
    halfAngle: fc.double({ min: o.halfAngle?.[0] ?? 55, max: o.halfAngle?.[1] ?? 85, noNaN: true }),
    m: fc.integer({ min: 1, max: 2 }).map((h) => 2 * h),
    gamma: fc.double({ min: 0.1, max: 0.5, noNaN: true }),
    stepFactor: fc.double({ min: o.stepFactor[0], max: o.stepFactor[1], noNaN: true }),
    steps: fc.constant(o.steps),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
}

/** max_i ‖G_i‖² = max_i Σ_j a_j² c_ij² ‖x_i‖² (docs/theory.md §2.3). */
export function maxFeatureSquaredNorm(p: Pick<Problem, 'n' | 'd' | 'm' | 'X' | 'y' | 'a' | 'gamma'>): number {
  let best = 0;
  for (let i = 0; i < p.n; i++) {
    let xs = 0;
    for (let k = 0; k < p.d; k++) xs += p.X[i * p.d + k]! ** 2;
    let g = 0;
    for (let j = 0; j < p.m; j++) {
      const c = Math.sign(p.a[j]!) === p.y[i] ? 1 : p.gamma;
      g += p.a[j]! ** 2 * c * c;
    }
    best = Math.max(best, g * xs);
  }
  return best;
}

/** The problem of a wedge scenario, with α set against the premise constant `c`. */
export function wedgeProblem(s: WedgeScenario, c: number): Problem {
  const rng = makeRng(`wedge:${s.seed}`);
  const X: number[][] = [];
  const y: number[] = [];
  const half = (s.halfAngle * Math.PI) / 180;
  for (let i = 0; i < s.n; i++) {
    // Spread the angles evenly with a jitter, so the wedge is always filled edge to edge.
    const theta = -half + (2 * half * (i + 0.5 * rng.uniform())) / Math.max(1, s.n - 0.5);
    const r = 0.5 + 1.5 * rng.uniform();
    const label = rng.uniform() < 0.5 ? -1 : 1;
    X.push([label * r * Math.cos(theta), label * r * Math.sin(theta)]);
    y.push(label);
  }
  const a = Array.from({ length: s.m }, (_, j) => (j < s.m / 2 ? 1 : -1) / Math.sqrt(s.m));
  const flat = Float64Array.from(X.flat());
  const G2 = maxFeatureSquaredNorm({ n: s.n, d: 2, m: s.m, X: flat, y: Float64Array.from(y), a: Float64Array.from(a), gamma: s.gamma });
  const lr = (s.stepFactor * c) / G2;
  const scale = suggestedInitScale(flat, s.n, 2, { gamma: s.gamma, lr, m: s.m });
  return validateProblem({ X, y, a, gamma: s.gamma, lr, steps: s.steps, loss: 'exp', init: { scale, seed: `wedge:${s.seed}:init` } });
}
