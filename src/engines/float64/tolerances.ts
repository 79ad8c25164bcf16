/**
 * The one run-time tolerance of the float64 engine. (Rounding constants live in
 * `src/numerics/roundoff.ts`; test tolerances in `_testing/support.ts`, next to the tests that use them.)
 */

/**
 * Largest accepted a-priori relative error bound on `‖W‖_F²` when the dual form computes it without
 * materialising W; beyond it the dual form materialises W instead. Error model: the bound is
 * `γ_N · Σ_j (‖w_j(0)‖ + Σ_i |A_ji| ‖x_i‖)²` (see `DualEngine.normW`), ≈ 1e-10 relative in ordinary runs
 * (N ≈ n + d ≈ 5e3, no cancellation); 1e-8 on `‖W‖²` is 5e-9 on `‖W‖`, far below the 1e-6 resolution
 * at which claims read norms, and is only exceeded under real cancellation (`W(t) ≈ 0`).
 */
export const DUAL_NORM_REL_TOL = 1e-8;
