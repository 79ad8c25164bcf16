import { h25InitBound, nearOrthogonalityRatio, RELU_GAMMA_SURROGATE } from '../../data/index.js';
import { leakyRelu } from '../../numerics/phi.js';
import type { Problem } from '../../problem/types.js';

/**
 * The near-orthogonality constant required (docs/theory.md §3.3, §9.2): ‖x_i‖² ≥ C·n·max_{k≠i}|⟨x_i, x_k⟩|
 * with C = 1. KCG23 needs "C large enough" without a value (reconstructed); 1 is met by every quick
 * space (realised C ≈ √d/(2.5n) ≥ 1.6) and most deep draws (0.9–1.3), and fails for d ≲ (2.5n)².
 */
export const NEAR_ORTHOGONAL_C = 1;

/** The hypotheses of the KCG23/FVBSH23 claims (docs/theory.md §9.2), measured on a problem. */
export interface KcgHypotheses {
  /** Realised C = min_i ‖x_i‖²/(n·max_{k≠i}|⟨x_i, x_k⟩|) (src/data/orthogonality.ts). */
  readonly orthogonalityC: number;
  readonly nearlyOrthogonal: boolean;
  /** max_j ‖w_j(0)‖ over the H25 init bound α·γ′·min‖x_k‖/(n m) (γ′ = max(γ, 0.01)). */
  readonly initRatio: number;
  /** initRatio < 1: the init is below the step. */
  readonly smallInit: boolean;
  /** Every point has, at init, a neuron of its label's sign active on it (ReLU: else it is never learnt). */
  readonly everyPointServed: boolean;
  /** Both labels occur (with one class only, u₊ ∝ u₋ and the whole W tends to rank 1: no classification problem). */
  readonly bothClasses: boolean;
}

/** Measures {@link KcgHypotheses} on a problem. */
export function kcgHypotheses(p: Problem): KcgHypotheses {
  const orthogonalityC = nearOrthogonalityRatio(p.X, p.n, p.d);
  const bound = h25InitBound(p.X, p.n, p.d, { gamma: Math.max(p.gamma, RELU_GAMMA_SURROGATE), lr: p.lr, m: p.m });
  let maxRow = 0;
  for (let j = 0; j < p.m; j++) {
    let s = 0;
    for (let k = 0; k < p.d; k++) s += p.W0[j * p.d + k]! ** 2;
    maxRow = Math.max(maxRow, Math.sqrt(s));
  }
  let served = true;
  for (let i = 0; i < p.n && served; i++) {
    let any = false;
    for (let j = 0; j < p.m && !any; j++) {
      let z = 0;
      for (let k = 0; k < p.d; k++) z += p.W0[j * p.d + k]! * p.X[i * p.d + k]!;
      any = Math.sign(p.a[j]!) === p.y[i]! && leakyRelu(z, 0) > 0;
    }
    served = any;
  }
  const initRatio = maxRow / bound;
  return {
    bothClasses: p.y.some((v) => v > 0) && p.y.some((v) => v < 0),
    orthogonalityC,
    nearlyOrthogonal: orthogonalityC >= NEAR_ORTHOGONAL_C,
    initRatio,
    smallInit: initRatio < 1,
    everyPointServed: served,
  };
}
