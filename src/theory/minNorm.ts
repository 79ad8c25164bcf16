import type { Problem } from '../problem/types.js';

/**
 * The minimum-norm interpolator of orthogonal data with a ReLU network (docs/theory.md §11):
 * `min Σ_j (a_j² + ‖w_j‖²)` subject to `f(x_i) = y_i` for all i.
 */

/**
 * Largest `|⟨x_i, x_k⟩| / (‖x_i‖‖x_k‖)` accepted as orthogonal: rows built as `s_i e_i` are exactly
 * orthogonal; a relative 1e-12 admits rows rotated in float64 (a rotation errs by a few ulps per entry,
 * `d·u ≈ 1e-13` for d ≤ 1000) and nothing else.
 */
export const ORTHOGONAL_REL_TOL = 1e-12;

/** The closed form, and the interpolator that attains it (one neuron per sign of the targets). */
export interface MinNormOk {
  readonly status: 'ok';
  /** `2(‖ỹ₊‖ + ‖ỹ₋‖)`, `ỹ_i = y_i / ‖x_i‖`. */
  readonly minNorm: number;
  /** `‖ỹ₊‖`, `‖ỹ₋‖`: the norms of the positive and negative parts of ỹ. */
  readonly plusNorm: number;
  readonly minusNorm: number;
  /** Neurons the attaining interpolator needs: one per sign present among the targets. */
  readonly neuronsNeeded: number;
}

/** Why the closed form does not apply to a problem. */
export interface MinNormUnsupported {
  readonly status: 'unsupported';
  readonly reason: string;
}

/** The problem's width cannot interpolate at all (e.g. m = 1 with targets of both signs). */
export interface MinNormInfeasible {
  readonly status: 'infeasible';
  readonly reason: string;
  readonly neuronsNeeded: number;
}

export type MinNorm = MinNormOk | MinNormUnsupported | MinNormInfeasible;

/**
 * The minimum of `Σ_j (a_j² + ‖w_j‖²)` over ReLU networks of width m interpolating the square-loss
 * problem `p`, when its rows are mutually orthogonal (docs/theory.md §11): `2(‖ỹ₊‖ + ‖ỹ₋‖)` with
 * `ỹ_i = y_i/‖x_i‖`, attained once `m` is at least the number of signs present.
 *
 * @returns `unsupported` (with the reason) unless the loss is square, γ = 0, and the rows are nonzero
 *   and orthogonal within {@link ORTHOGONAL_REL_TOL}; `infeasible` when m is below the neurons needed
 */
export function minNormInterpolator(p: Problem): MinNorm {
  if (p.loss !== 'square') return { status: 'unsupported', reason: `the closed form is for the square loss on real targets, the problem has loss "${p.loss}"` };
  if (p.gamma !== 0) return { status: 'unsupported', reason: `the closed form is for ReLU (γ = 0), the problem has γ = ${p.gamma}` };
  const { n, d, X } = p;
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += X[i * d + k]! * X[i * d + k]!;
    norms[i] = Math.sqrt(s);
    if (!(norms[i]! > 0)) return { status: 'unsupported', reason: `row ${i} of X is zero; the closed form needs nonzero orthogonal rows` };
  }
  for (let i = 0; i < n; i++) {
    for (let k = i + 1; k < n; k++) {
      let dot = 0;
      for (let c = 0; c < d; c++) dot += X[i * d + c]! * X[k * d + c]!;
      const cos = Math.abs(dot) / (norms[i]! * norms[k]!);
      if (cos > ORTHOGONAL_REL_TOL) {
        return { status: 'unsupported', reason: `rows ${i} and ${k} of X are not orthogonal (|cos| = ${cos.toPrecision(3)}); the closed form needs orthogonal data` };
      }
    }
  }
  let plus = 0;
  let minus = 0;
  for (let i = 0; i < n; i++) {
    const t = p.y[i]! / norms[i]!;
    if (t > 0) plus += t * t;
    else minus += t * t;
  }
  const plusNorm = Math.sqrt(plus);
  const minusNorm = Math.sqrt(minus);
  const neuronsNeeded = (plusNorm > 0 ? 1 : 0) + (minusNorm > 0 ? 1 : 0);
  if (p.m < neuronsNeeded) {
    return { status: 'infeasible', neuronsNeeded, reason: `width m = ${p.m} cannot fit targets of both signs: a ReLU neuron's output has the sign of its a_j` };
  }
  return { status: 'ok', minNorm: 2 * (plusNorm + minusNorm), plusNorm, minusNorm, neuronsNeeded };
}
