import { euclideanNorm, maxAbs } from './norms.js';

/**
 * The one power iteration of the project: the top singular value σ₁ = ‖A‖₂ of a dense row-major
 * matrix, for the step-size rule of `benign-check gen` (data layer), the step-size hypothesis and
 * the stable ranks (theory layer). Error model: for symmetric B and a unit v with Rayleigh quotient
 * ρ = vᵀBv, ρ ≤ λ₁ always, and some eigenvalue lies within ‖Bv − ρv‖ of ρ; once v has turned toward
 * the top eigenvector that eigenvalue is λ₁, so λ₁ ∈ [ρ, ρ(1 + residual)] with residual = ‖Bv − ρv‖/ρ.
 */

/** Relative residual ‖Bv − ρv‖/ρ at which the iteration stops: 1000× its own rounding (≈ p·u ≤ 1e-13 for p ≤ 1000). */
export const POWER_ITERATION_REL_TOL = 1e-10;

/** Iteration cap: enough for an eigenvalue ratio λ₂/λ₁ up to ≈ 0.999 (the residual falls like (λ₂/λ₁)^t). */
export const POWER_ITERATION_MAX_ITERATIONS = 20_000;

/** Options of {@link topSingularValue}. */
export interface PowerIterationOptions {
  /** Relative residual to stop at, in (0, 1); default {@link POWER_ITERATION_REL_TOL}. */
  readonly relTol?: number;
  /** Iteration cap, ≥ 1; default {@link POWER_ITERATION_MAX_ITERATIONS}. */
  readonly maxIterations?: number;
}

/** The top singular value of a matrix, found by power iteration, as a bracket. */
export interface TopSingularValue {
  /** σ₁ = ‖A‖₂ from the last Rayleigh quotient: never above the true value (up to rounding); 0 for A = 0. */
  readonly sigma: number;
  /**
   * Upper end of the bracket, `sigma·√(1 + max(residual, relTol))`: at or above σ₁ once the iterate
   * points at the top eigenvector. Floored at the tolerance so the bracket never shrinks to rounding.
   */
  readonly sigmaUpper: number;
  /** Matrix-vector products with the Gram matrix. */
  readonly iterations: number;
  /** Final ‖Bv − ρv‖/ρ (0 for A = 0). */
  readonly residual: number;
  /** Whether {@link residual} reached the tolerance within the cap. */
  readonly converged: boolean;
  /** The tolerance used. */
  readonly relTol: number;
}

/** Deterministic start vector; irrational-looking entries make exact orthogonality to u₁ implausible. */
function startVector(p: number): Float64Array {
  const v = new Float64Array(p);
  const golden = 0.6180339887498949; // (√5 − 1)/2: k·golden mod 1 is equidistributed
  for (let k = 0; k < p; k++) v[k] = 0.5 + (((k + 1) * golden) % 1);
  return v;
}

/** The smaller Gram matrix of a row-major rows×cols S: S·Sᵀ when rows ≤ cols, else Sᵀ·S (p×p, p = min). */
function smallerGram(S: Float64Array, rows: number, cols: number): Float64Array {
  if (rows <= cols) {
    const G = new Float64Array(rows * rows);
    for (let i = 0; i < rows; i++) {
      for (let k = 0; k <= i; k++) {
        let s = 0;
        for (let c = 0; c < cols; c++) s += S[i * cols + c] * S[k * cols + c];
        G[i * rows + k] = s;
        G[k * rows + i] = s;
      }
    }
    return G;
  }
  const G = new Float64Array(cols * cols);
  for (let r = 0; r < rows; r++) {
    const off = r * cols;
    for (let i = 0; i < cols; i++) {
      const v = S[off + i];
      if (v === 0) continue;
      for (let k = 0; k <= i; k++) G[i * cols + k] += v * S[off + k];
    }
  }
  for (let i = 0; i < cols; i++) for (let k = 0; k < i; k++) G[k * cols + i] = G[i * cols + k];
  return G;
}

/**
 * ‖A‖₂ of a row-major rows×cols matrix by power iteration on the smaller Gram matrix B (AAᵀ or AᵀA),
 * after dividing A by its largest |entry| so B neither overflows nor underflows. Deterministic: the
 * same A gives the same bits. The caller checks shapes, finiteness and options.
 */
export function topSingularValue(
  A: ArrayLike<number>,
  rows: number,
  cols: number,
  options: PowerIterationOptions = {},
): TopSingularValue {
  const relTol = options.relTol ?? POWER_ITERATION_REL_TOL;
  const maxIterations = options.maxIterations ?? POWER_ITERATION_MAX_ITERATIONS;
  const big = maxAbs(A, 0, rows * cols);
  if (big === 0) return { sigma: 0, sigmaUpper: 0, iterations: 0, residual: 0, converged: true, relTol };
  const S = new Float64Array(rows * cols);
  for (let k = 0; k < S.length; k++) S[k] = A[k] / big;
  const p = Math.min(rows, cols);
  const B = smallerGram(S, rows, cols);
  // Start inside range(B), where the PSD B is definite, so every Rayleigh quotient below is > 0:
  // B·g for a fixed g, or the column of B with the largest diagonal when g happens to lie in null(B).
  const g = startVector(p);
  let v = new Float64Array(p);
  for (let i = 0; i < p; i++) for (let k = 0; k < p; k++) v[i] += B[i * p + k] * g[k];
  let nv = euclideanNorm(v);
  if (nv === 0) {
    let kmax = 0;
    for (let k = 1; k < p; k++) if (B[k * p + k] > B[kmax * p + kmax]) kmax = k;
    for (let i = 0; i < p; i++) v[i] = B[i * p + kmax];
    nv = euclideanNorm(v);
  }
  for (let k = 0; k < p; k++) v[k] /= nv;
  const Bv = new Float64Array(p);
  let rho = 0;
  let residual = Infinity;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += B[i * p + k] * v[k];
      Bv[i] = s;
    }
    rho = 0;
    for (let i = 0; i < p; i++) rho += v[i] * Bv[i];
    let r2 = 0;
    for (let i = 0; i < p; i++) {
      const e = Bv[i] - rho * v[i];
      r2 += e * e;
    }
    residual = Math.sqrt(r2) / rho;
    if (residual <= relTol) break;
    nv = euclideanNorm(Bv);
    v = Bv.map((x) => x / nv);
  }
  const sigma = big * Math.sqrt(rho);
  const sigmaUpper = big * Math.sqrt(rho * (1 + Math.max(residual, relTol)));
  return { sigma, sigmaUpper, iterations, residual, converged: residual <= relTol, relTol };
}
