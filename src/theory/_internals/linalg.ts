/**
 * Small dense linear algebra on row-major Float64Arrays: inner products, Cholesky factorisations and
 * symmetric eigenvalues. Internal to the theory layer (norms and the power iteration: src/numerics/).
 */

/** ⟨A[i,:], B[k,:]⟩ for row-major A, B with `len` columns. */
export function dotRows(A: Float64Array, i: number, B: Float64Array, k: number, len: number): number {
  const ai = i * len;
  const bk = k * len;
  let s = 0;
  for (let c = 0; c < len; c++) s += A[ai + c] * B[bk + c];
  return s;
}

/**
 * Cholesky factor L (lower, row-major p×p) of the symmetric p×p matrix A, or null when a pivot²
 * falls to `relPivotTol` times its diagonal entry or below (A not numerically positive definite).
 */
export function cholesky(A: Float64Array, p: number, relPivotTol: number): Float64Array | null {
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let k = 0; k < i; k++) {
      let s = A[i * p + k];
      for (let c = 0; c < k; c++) s -= L[i * p + c] * L[k * p + c];
      L[i * p + k] = s / L[k * p + k];
    }
    let s = A[i * p + i];
    for (let c = 0; c < i; c++) s -= L[i * p + c] * L[i * p + c];
    if (!(s > relPivotTol * A[i * p + i])) return null;
    L[i * p + i] = Math.sqrt(s);
  }
  return L;
}

/** Solves L·Lᵀ x = b for the Cholesky factor L (row-major, leading dimension `ld`, order p). */
export function choleskySolve(L: Float64Array, p: number, b: Float64Array, ld = p): Float64Array {
  const x = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let c = 0; c < i; c++) s -= L[i * ld + c] * x[c];
    x[i] = s / L[i * ld + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = x[i];
    for (let c = i + 1; c < p; c++) s -= L[c * ld + i] * x[c];
    x[i] = s / L[i * ld + i];
  }
  return x;
}

/**
 * A Cholesky factor of M[P, P] for a growing index list P (the passive set of an active-set method):
 * appending an index costs O(|P|²), removing one refactors from scratch in O(|P|³).
 */
export class GrowingCholesky {
  /** Lower factor, row-major with leading dimension `cap`. */
  private readonly L: Float64Array;
  private readonly cap: number;
  /** The indices of P, in factor order. */
  readonly indices: number[] = [];

  /** `entry(i, k)` returns M[i, k] of the symmetric matrix being factored; `cap` bounds |P|. */
  constructor(
    private readonly entry: (i: number, k: number) => number,
    cap: number,
  ) {
    this.cap = cap;
    this.L = new Float64Array(cap * cap);
  }

  /** |P|, the number of indices in the factor. */
  get size(): number {
    return this.indices.length;
  }

  /**
   * Appends index t when its Schur-complement pivot² exceeds `relPivotTol`·M[t, t]; returns whether
   * it did. A refused index leaves the factor unchanged.
   */
  tryAppend(t: number, relPivotTol: number): boolean {
    const k = this.indices.length;
    const row = k * this.cap;
    for (let c = 0; c < k; c++) {
      let s = this.entry(t, this.indices[c]);
      for (let e = 0; e < c; e++) s -= this.L[row + e] * this.L[c * this.cap + e];
      this.L[row + c] = s / this.L[c * this.cap + c];
    }
    const diag = this.entry(t, t);
    let s = diag;
    for (let c = 0; c < k; c++) s -= this.L[row + c] * this.L[row + c];
    if (!(s > relPivotTol * diag)) return false;
    this.L[row + k] = Math.sqrt(s);
    this.indices.push(t);
    return true;
  }

  /** Drops the most recently appended index (the factor of the rest is unchanged). */
  pop(): void {
    this.indices.pop();
  }

  /**
   * Refactors on `keep` (in that order), skipping any index whose pivot fails the test; returns the
   * skipped indices (empty in exact arithmetic when `keep` is a subset of an accepted set).
   */
  rebuild(keep: readonly number[], relPivotTol: number): number[] {
    this.indices.length = 0;
    const skipped: number[] = [];
    for (const t of keep) if (!this.tryAppend(t, relPivotTol)) skipped.push(t);
    return skipped;
  }

  /** Solves M[P, P] x = b[P] for b indexed by position in P. */
  solve(b: Float64Array): Float64Array {
    return choleskySolve(this.L, this.indices.length, b, this.cap);
  }
}

/**
 * Eigenvalues of the symmetric p×p matrix A (row-major), ascending, by the cyclic Jacobi method
 * (Golub & Van Loan, Matrix Computations, 4th ed., §8.5): each rotation zeroes one off-diagonal
 * entry, and sweeps repeat until the off-diagonal mass is below `offTol` times ‖A‖_F². For the
 * small matrices here (p ≤ a few dozen) it converges quadratically in a handful of sweeps, and each
 * eigenvalue is found to within a few units of roundoff times ‖A‖_F (Demmel & Veselić, 1992).
 */
export function symmetricEigenvalues(A: Float64Array, p: number, offTol = 1e-30): Float64Array {
  const M = A.slice(0, p * p);
  let norm = 0;
  for (const v of M) norm += v * v;
  const SWEEP_CAP = 64; // quadratic convergence needs ≈ log₂(53) ≈ 6 sweeps; the cap only stops a loop
  for (let sweep = 0; sweep < SWEEP_CAP; sweep++) {
    let off = 0;
    for (let r = 0; r < p; r++) for (let c = r + 1; c < p; c++) off += M[r * p + c] ** 2;
    if (off <= offTol * norm) break;
    for (let r = 0; r < p; r++) {
      for (let c = r + 1; c < p; c++) {
        const arc = M[r * p + c];
        if (arc === 0) continue;
        const theta = (M[c * p + c] - M[r * p + r]) / (2 * arc);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.hypot(theta, 1));
        const cos = 1 / Math.hypot(t, 1);
        const sin = t * cos;
        for (let k = 0; k < p; k++) {
          const kr = M[k * p + r];
          const kc = M[k * p + c];
          M[k * p + r] = cos * kr - sin * kc;
          M[k * p + c] = sin * kr + cos * kc;
        }
        for (let k = 0; k < p; k++) {
          const rk = M[r * p + k];
          const ck = M[c * p + k];
          M[r * p + k] = cos * rk - sin * ck;
          M[c * p + k] = sin * rk + cos * ck;
        }
      }
    }
  }
  const eig = new Float64Array(p);
  for (let k = 0; k < p; k++) eig[k] = M[k * p + k];
  return eig.sort();
}
