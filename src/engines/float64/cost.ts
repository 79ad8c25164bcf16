import type { Formulation } from './engine.js';

/** The sizes the cost model reads: n samples, d features, m neurons. */
export interface ProblemSize {
  readonly n: number;
  readonly d: number;
  readonly m: number;
}

/** Estimated floating-point operations of a whole run in each formulation. */
export interface FormulationCost {
  readonly primal: number;
  readonly dual: number;
}

/**
 * Flop counts of a run of `steps` GD steps in both formulations (multiply and add counted apart):
 *
 * - primal: `4nmd` a step (forward `W Xᵀ` and fused backward `W += C X`, 2nmd each);
 * - dual: `2mn²` a step (`Z = Z0 + A K`), plus once `2n²d` (K = X Xᵀ) and `2mnd` (Z0 = W0 Xᵀ), plus
 *   `2mnd` per materialisation of `W = W0 + A X` (the final W, and each checkpoint that records W).
 *
 * The O(nm) work of a step (margins, ℓ', coefficients) is the same in both and left out; both run
 * the same dot-product kernel, so flops compare like for like.
 *
 * @param materialisations - how many times the dual form must build W (at least 1: the final W)
 */
export function formulationCost(size: ProblemSize, steps: number, materialisations: number): FormulationCost {
  const { n, d, m } = size;
  return {
    primal: steps * 4 * n * m * d,
    dual: steps * 2 * m * n * n + 2 * n * n * d + 2 * m * n * d + materialisations * 2 * m * n * d,
  };
}

/**
 * The cheaper formulation by {@link formulationCost}: `dual` when its count is strictly smaller,
 * else `primal`. Per step the dual form wins when `n < 2d`; its one-off `2n²d + 2mnd·(1 +
 * materialisations)` decides short runs (with zero steps the primal form is always chosen).
 */
export function chooseFormulation(size: ProblemSize, steps: number, materialisations: number): Formulation {
  const cost = formulationCost(size, steps, materialisations);
  return cost.dual < cost.primal ? 'dual' : 'primal';
}
