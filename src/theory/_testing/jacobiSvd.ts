/**
 * Singular values by one-sided Jacobi (Hestenes) rotations: a reference for the stable ranks that
 * shares nothing with the power iteration of src/numerics/powerIteration.ts. The shorter side's
 * vectors (the rows of W when m ≤ d, else its columns) are rotated pairwise until every pair is
 * orthogonal to `orthTol`; their norms are then the singular values (Demmel–Veselić 1992).
 */

/** Rotations stop when every |⟨u, v⟩| ≤ this times ‖u‖‖v‖: a few ulps, so σ² is exact to ~1e-15 relative. */
const ORTH_TOL = 1e-15;
/** Sweeps allowed: one-sided Jacobi converges quadratically, in well under 30 sweeps for p ≤ 100. */
const MAX_SWEEPS = 60;

/** The singular values of a row-major rows×cols matrix, largest first. */
export function jacobiSingularValues(A: ArrayLike<number>, rows: number, cols: number): number[] {
  const byRows = rows <= cols;
  const p = byRows ? rows : cols;
  const len = byRows ? cols : rows;
  const V: Float64Array[] = Array.from({ length: p }, (_, i) =>
    Float64Array.from({ length: len }, (_, k) => (byRows ? A[i * cols + k]! : A[k * cols + i]!)),
  );
  const dot = (u: Float64Array, v: Float64Array): number => {
    let s = 0;
    for (let k = 0; k < len; k++) s += u[k]! * v[k]!;
    return s;
  };
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let i = 0; i < p - 1; i++) {
      for (let j = i + 1; j < p; j++) {
        const u = V[i]!;
        const v = V[j]!;
        const alpha = dot(u, u);
        const beta = dot(v, v);
        const g = dot(u, v);
        if (g === 0 || Math.abs(g) <= ORTH_TOL * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * g);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let k = 0; k < len; k++) {
          const a = u[k]!;
          const b = v[k]!;
          u[k] = c * a - s * b;
          v[k] = s * a + c * b;
        }
      }
    }
    if (!rotated) break;
  }
  return V.map((u) => Math.sqrt(dot(u, u))).sort((x, y) => y - x);
}

/** ‖A‖_F²/σ₁² from {@link jacobiSingularValues} (null for A = 0 or no rows). */
export function jacobiStableRank(A: ArrayLike<number>, rows: number, cols: number): number | null {
  if (rows === 0) return null;
  const s = jacobiSingularValues(A, rows, cols);
  const top = s[0]!;
  if (top === 0) return null;
  let f = 0;
  for (const v of s) f += v * v;
  return f / (top * top);
}
