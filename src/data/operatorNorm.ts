import { maxAbs } from '../numerics/norms.js';
import { checkMatrix } from './_internals/shape.js';

/**
 * Stopping rule of the power iteration: the relative change of the Rayleigh quotient in one step.
 * 1e−10 sits well above the rounding noise of the quotient (about k·2^−53 ≈ 1e−12 for Gram sizes
 * k ≤ 1e4), so a converged run stops on it rather than on the iteration cap.
 */
export const POWER_REL_TOL = 1e-10;
/**
 * Iteration cap of the power iteration. The quotient's relative error after t steps is about
 * (λ₂/λ₁)^{2t}·tan²θ₀; 5000 steps bring it to ~1e−9 for a relative eigengap of 3e−3 and tan²θ₀ ≤ 1e4.
 */
export const POWER_MAX_ITERATIONS = 5000;

/** The top singular value and how the power iteration that found it ended. */
export interface OperatorNorm {
  /** ‖X‖_op, the largest singular value (0 for an all-zero matrix). */
  readonly value: number;
  /** Power-iteration steps taken. */
  readonly iterations: number;
  /** True when the stopping rule {@link POWER_REL_TOL} was met before {@link POWER_MAX_ITERATIONS}. */
  readonly converged: boolean;
}

/**
 * `‖X‖_op` of an n×d row-major matrix (THEORY §4 uses it for the step size), by power iteration on
 * the smaller Gram matrix (`XXᵀ` when n ≤ d, else `XᵀX`), after dividing `X` by its largest
 * |entry| so the Gram matrix neither overflows nor underflows (norms from 1e−150 to 1e150 are fine).
 * The start vector is fixed (so the result is reproducible; see `startVector`). The Rayleigh
 * quotient never exceeds the top eigenvalue, so the value is a lower estimate, within about {@link POWER_REL_TOL} relative of ‖X‖_op² (in the square)
 * once converged; with a clustered top spectrum it is still accurate in value, the vector is not.
 *
 * @throws InputError if `X` is not n×d or has a non-finite entry
 */
export function dataOperatorNorm(X: ArrayLike<number>, n: number, d: number): OperatorNorm {
  checkMatrix(X, n, d);
  const big = maxAbs(X);
  if (big === 0) return { value: 0, iterations: 0, converged: true };
  const A = new Float64Array(n * d);
  for (let i = 0; i < A.length; i++) A[i] = X[i] / big;

  const k = Math.min(n, d);
  const G = new Float64Array(k * k);
  if (n <= d) {
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        let s = 0;
        for (let l = 0; l < d; l++) s += A[i * d + l] * A[j * d + l];
        G[i * k + j] = s;
        G[j * k + i] = s;
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < d; p++) {
        const a = A[i * d + p];
        if (a === 0) continue;
        for (let q = 0; q < d; q++) G[p * k + q] += a * A[i * d + q];
      }
    }
  }

  let v = startVector(k);
  let lambda = 0;
  let iterations = 0;
  let converged = false;
  while (iterations < POWER_MAX_ITERATIONS) {
    iterations++;
    const w = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += G[i * k + j] * v[j];
      w[i] = s;
    }
    // v is a unit vector, so vᵀGv is the Rayleigh quotient.
    let next = 0;
    for (let i = 0; i < k; i++) next += v[i] * w[i];
    const wn = normalise(w);
    if (wn === 0) break;
    const done = Math.abs(next - lambda) <= POWER_REL_TOL * next;
    lambda = next;
    v = w;
    if (done) {
      converged = true;
      break;
    }
  }
  return { value: big * Math.sqrt(Math.max(lambda, 0)), iterations, converged };
}

/**
 * A fixed unit start vector with entries spread over (−½, ½): an integer hash of the index
 * (multiplication by 0x9E3779B1, the 32-bit golden-ratio constant), cheaper than seeding a stream.
 * A fixed vector is as unlikely as a seeded Gaussian one to be orthogonal to the top eigenvector.
 */
function startVector(k: number): Float64Array {
  const v = new Float64Array(k);
  for (let i = 0; i < k; i++) v[i] = (Math.imul(i + 1, 0x9e3779b1) >>> 0) / 2 ** 32 - 0.5;
  normalise(v);
  return v;
}

function normalise(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  const r = Math.sqrt(s);
  if (r > 0) for (let i = 0; i < v.length; i++) v[i] /= r;
  return r;
}
