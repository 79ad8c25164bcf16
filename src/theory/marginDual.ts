import { NumericalError } from '../errors.js';
import { euclideanNorm } from '../numerics/norms.js';
import { unitRoundoff } from '../numerics/roundoff.js';
import { cholesky, choleskySolve, dotRows, GrowingCholesky } from './_internals/linalg.js';
import { checkCount, checkFiniteArray } from './_internals/validate.js';

/*
 * Hard-margin SVM without bias on explicit features F_i (rows of an n×D matrix), docs/theory.md §2:
 *
 *   primal  min ½‖w‖²  s.t. ⟨F_i, w⟩ ≥ 1,      dual  min_{λ≥0} ½ λᵀKλ − 1ᵀλ,  K = F Fᵀ,  w = Σ λ_i F_i.
 *
 * Method: the primal is a least-distance program (LDP). Lawson & Hanson (Solving Least Squares
 * Problems, 1974, ch. 23) reduce it to one non-negative least-squares problem
 *
 *   min_{u≥0} ‖E u − f‖²,   E = [Fᵀ; 1ᵀ] ((D+1)×n),  f = (0,…,0,1),
 *
 * solved by their active-set algorithm NNLS. With r = Eu − f at the optimum, ‖r‖² = 1 − 1ᵀu; if
 * r ≠ 0 then w = Σ u_i F_i / (1 − 1ᵀu) and λ = u/(1 − 1ᵀu); if r = 0 the constraints are infeasible
 * and θ = u/1ᵀu is a convex combination with Σ θ_i F_i = 0 (Gordan's alternative), along which the
 * dual objective decreases without bound. Each NNLS step solves (K + 11ᵀ)_PP u_P = 1_P by Cholesky;
 * since K_PP λ_P = 1_P ⇔ (K + 11ᵀ)_PP u_P = 1_P with u = λ/(1 + 1ᵀλ), this is the system K_SS λ_S = 1_S
 * of an active-set method, rescaled so that it stays non-singular for collinear data (E's extra row
 * of ones separates F_t = c·F_s, c ≠ 1) and exact duplicates are never both admitted (below).
 *
 * Finite termination (Lawson–Hanson Thm 23.10, kept under the guards used here). Write
 * Φ(u) = ½‖Eu − f‖². (i) An index t enters the passive set P only if its negative gradient
 * w_t = [Eᵀ(f − Eu)]_t is > 0 and, with t added, E_P keeps full column rank (Cholesky pivot test) and
 * the least-squares solution z on P ∪ {t} has z_t > 0. In exact arithmetic the last two hold
 * automatically (LH Lemma 23.17: u_P is the LS solution on P, so r ⊥ range(E_P) and w_t > 0 puts E_t
 * outside that range, and makes z_t > 0); in floating point an index failing them is refused, which
 * only skips a step. (ii) Each pass of the inner loop moves u towards z until a coordinate hits 0 and
 * drops at least that index from P without adding any, so an outer step has at most |P| inner passes.
 * (iii) At the end of every outer step u is the LS minimiser of Φ over vectors supported on P (with
 * u_P > 0), so Φ(u) = min{Φ(v): supp v ⊆ P}, a function of P alone; and Φ strictly decreases from one
 * outer step to the next (z_t > 0 with w_t > 0 gives Φ(z) < Φ(u), Φ is convex, and the inner passes
 * move along segments towards points of lower Φ). Hence no passive set repeats, and there are at most
 * 2ⁿ outer steps. A hard cap (OUTER_STEP_CAP) turns a floating-point failure of (iii) into a
 * NumericalError instead of a loop; Lawson and Hanson report ≤ 3n steps in practice.
 *
 * Exact duplicates: if F_s = F_t with s ∈ P, then w_t = w_s = 0 at the LS solution on P, so t is never
 * admitted; near-duplicates are refused by the pivot test.
 */

/** Unit roundoff of binary64, the unit of the error models below. */
const u = unitRoundoff;

/**
 * A Cholesky pivot² at or below this fraction of its diagonal entry means the new column of E lies
 * within relative distance 1e-6 of the span of the passive columns: the Schur complement carries
 * rounding ≈ |P|·u ≈ 2e-14 (|P| ≤ 100), so below 1e-12 it has under two significant digits.
 */
export const DEPENDENT_COLUMN_TOL = 1e-12;

/**
 * An index enters only when its NNLS gradient w_t = 1 − (K'u)_t − 1ᵀu exceeds this multiple of
 * (n + 2)·u. On normalised features |K'_tk| ≤ 1 and u ≥ 0 with 1ᵀu ≤ 1, so the computed w_t errs by
 * at most ≈ 3(n + 2)·u; twice that separates a real violation from rounding.
 */
export const ADD_TOL_FACTOR = 6;

/**
 * Relative margin (min_i ⟨F_i, w⟩ / (‖w‖ max_i‖F_i‖), a number in (0, 1]) a solution must certify
 * for status 'ok'. The duals scale like 1/ρ² and the KKT residuals like n·u/ρ², which reach n·1e-4
 * at ρ = 1e-6: below it the direction is not trustworthy in float64.
 */
export const MIN_RELATIVE_MARGIN = 1e-6;

/**
 * Infeasibility certificate level: a convex combination θ with ‖Σ θ_i F_i‖ ≤ this × max_i‖F_i‖ proves
 * the relative margin is at most that. The combination is computed with error ≲ κ·u (seminormal
 * equations with refinement), ≈ 1e-12 for condition numbers up to 1e4; separable data with a margin
 * below 1e-9 would have duals ~1e18 and meaningless KKT residuals anyway.
 */
export const INFEASIBLE_REL_TOL = 1e-9;

/**
 * A margin within this of 1 counts as active (a support-vector candidate): the final margins lie
 * within the stationarity residual (≲ 1e-12 at relative margins ≥ 1e-2) of 1 on the support.
 */
export const ACTIVE_TOL = 1e-8;

/** An active dual counts as positive above this fraction of max λ (relative accuracy of λ ≈ κ·u). */
export const DUAL_POSITIVE_TOL = 1e-8;

/** Relative margins below this get a note: KKT residuals ≈ n·u/ρ² are then ≳ n·1e-10. */
const SMALL_MARGIN_NOTE = 1e-3;

/** Outer NNLS steps allowed per data point before the solver gives up (see termination above). */
const OUTER_STEP_CAP_PER_POINT = 10;

/** Iterative-refinement passes of the final solve (each recovers about −log10(κ·u) digits). */
const REFINEMENT_PASSES = 2;

/** KKT residuals of a dual solution λ (docs/theory.md §2). */
export interface KktResiduals {
  /** min_i ⟨F_i, w⟩ − 1 with w = Σ λ_i F_i (≥ 0 up to rounding when feasible). */
  readonly primal: number;
  /** min_i λ_i (≥ 0 by construction). */
  readonly dual: number;
  /** max over λ_i > 0 of |(Kλ)_i − 1|. */
  readonly stationarity: number;
  /** max_i |λ_i((Kλ)_i − 1)|. */
  readonly complementarity: number;
  /** |‖w‖² − 1ᵀλ| / 1ᵀλ: the two agree at the optimum. */
  readonly normIdentity: number;
}

/** A solved margin problem. */
export interface MarginDualOk {
  readonly status: 'ok';
  /** Summary (e.g. 'separable; 3 support vectors'). */
  readonly reason: string;
  /** Dual optimum λ ≥ 0, length n. */
  readonly lambda: Float64Array;
  /** w = Σ λ_i F_i, length D: the min-norm solution with all margins ≥ 1. */
  readonly w: Float64Array;
  /** ‖w‖. */
  readonly norm: number;
  /** ⟨F_i, w⟩, length n (≥ 1 up to rounding). */
  readonly margins: Float64Array;
  readonly kkt: KktResiduals;
  /** Indices with λ_i > 0, ascending. */
  readonly support: readonly number[];
  /** Indices with |⟨F_i, w⟩ − 1| ≤ {@link ACTIVE_TOL}, ascending. */
  readonly active: readonly number[];
  /** Every active index has λ_i > {@link DUAL_POSITIVE_TOL}·max λ (strict complementarity of this λ). */
  readonly nonDegenerate: boolean;
  /** min over active i of λ_i / max λ. */
  readonly minActiveDual: number;
  /** K restricted to the active set is positive definite, so λ is the only dual optimum. */
  readonly dualUnique: boolean;
  /** min_i ⟨F_i, w⟩ / (‖w‖ max_i‖F_i‖) ∈ (0, 1]: the certified relative margin. */
  readonly relativeMargin: number;
  /** NNLS outer steps and inner (backtracking) passes. */
  readonly iterations: { readonly outer: number; readonly inner: number };
  /** Candidate indices refused by the guards (numerically dependent or z_t ≤ 0). */
  readonly refusedColumns: number;
  readonly notes: readonly string[];
}

/** No w has all margins ≥ 1 (within float64 resolution). */
export interface MarginDualInfeasible {
  readonly status: 'infeasible';
  readonly reason: string;
  /** θ ≥ 0, Σθ = 1 with Σ θ_i F_i ≈ 0: the dual is unbounded below along θ. */
  readonly certificate: Float64Array;
  /** ‖Σ θ_i F_i‖ / max_i‖F_i‖ (≤ {@link INFEASIBLE_REL_TOL}). */
  readonly certificateNorm: number;
  readonly notes: readonly string[];
}

/** Neither solvable to a trustworthy direction nor certifiably infeasible. */
export interface MarginDualDegenerate {
  readonly status: 'degenerate';
  readonly reason: string;
  readonly notes: readonly string[];
}

/** {@link solveMarginDual}'s result. */
export type MarginDual = MarginDualOk | MarginDualInfeasible | MarginDualDegenerate;

/** Σ_i c_i F_i for row-major F (n×D). */
function combine(F: Float64Array, n: number, D: number, c: Float64Array): Float64Array {
  const w = new Float64Array(D);
  for (let i = 0; i < n; i++) {
    const ci = c[i];
    if (ci === 0) continue;
    const off = i * D;
    for (let k = 0; k < D; k++) w[k] += ci * F[off + k];
  }
  return w;
}

/** Result of the NNLS stage on normalised features. */
interface NnlsResult {
  readonly u: Float64Array;
  readonly passive: number[];
  readonly outer: number;
  readonly inner: number;
  readonly refused: number;
}

/** Lawson–Hanson NNLS for min_{u≥0} ‖Eu − f‖² through M = K' + 11ᵀ (see the header). */
function nnlsLdp(Kn: Float64Array, n: number): NnlsResult {
  const M = (i: number, k: number): number => Kn[i * n + k] + 1;
  const chol = new GrowingCholesky(M, n);
  const uvec = new Float64Array(n);
  const inP = new Uint8Array(n);
  const grad = new Float64Array(n).fill(1);
  const addTol = ADD_TOL_FACTOR * (n + 2) * u;
  const cap = OUTER_STEP_CAP_PER_POINT * n + 10;
  let outer = 0;
  let inner = 0;
  let refused = 0;
  const solveOnP = (): Float64Array => chol.solve(new Float64Array(chol.size).fill(1));
  for (;;) {
    // Choose an entering index: largest gradient among the admissible, skipping refused ones.
    const skip = new Uint8Array(n);
    let z: Float64Array | null = null;
    for (;;) {
      let t = -1;
      for (let i = 0; i < n; i++) if (!inP[i] && !skip[i] && grad[i] > addTol && (t < 0 || grad[i] > grad[t])) t = i;
      if (t < 0) break;
      if (!chol.tryAppend(t, DEPENDENT_COLUMN_TOL)) {
        skip[t] = 1;
        refused++;
        continue;
      }
      const trial = solveOnP();
      if (!(trial[chol.size - 1] > 0)) {
        chol.pop();
        skip[t] = 1;
        refused++;
        continue;
      }
      inP[t] = 1;
      z = trial;
      break;
    }
    if (z === null) break;
    if (++outer > cap) {
      throw new NumericalError('margin dual', `NNLS exceeded ${cap} outer steps (rounding broke monotonicity)`);
    }
    // Inner loop: back off towards feasibility while some passive coordinate of z is ≤ 0.
    for (;;) {
      const P = chol.indices;
      let alpha = Infinity;
      let hit = -1;
      for (let r = 0; r < P.length; r++) {
        if (z[r] <= 0) {
          const ui = uvec[P[r]];
          const step = ui / (ui - z[r]);
          if (step < alpha) {
            alpha = step;
            hit = r;
          }
        }
      }
      if (hit < 0) break;
      inner++;
      const P0 = [...P];
      for (let r = 0; r < P0.length; r++) uvec[P0[r]] += alpha * (z[r] - uvec[P0[r]]);
      uvec[P0[hit]] = 0;
      const keep: number[] = [];
      for (const i of P0) {
        if (uvec[i] > 0) keep.push(i);
        else {
          uvec[i] = 0;
          inP[i] = 0;
        }
      }
      for (const i of chol.rebuild(keep, DEPENDENT_COLUMN_TOL)) {
        uvec[i] = 0;
        inP[i] = 0;
        refused++;
      }
      z = solveOnP();
    }
    const P = chol.indices;
    uvec.fill(0);
    for (let r = 0; r < P.length; r++) uvec[P[r]] = z[r];
    let sum = 0;
    for (let i = 0; i < n; i++) sum += uvec[i];
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += Kn[i * n + k] * uvec[k];
      grad[i] = 1 - s - sum;
    }
  }
  return { u: uvec, passive: [...chol.indices].sort((x, y) => x - y), outer, inner, refused };
}

/**
 * Refines the NNLS solution on its passive set by the corrected seminormal equations: the residual
 * r = f − E u is formed in the (D+1)-space, then (K' + 11ᵀ)_PP δ = (Eᵀr)_P is solved with the same
 * Cholesky factor. This restores QR-like accuracy of Σ u_i F'_i, which the infeasibility test uses.
 */
function refineLdp(Fn: Float64Array, n: number, D: number, Kn: Float64Array, uvec: Float64Array, P: readonly number[]): void {
  const p = P.length;
  if (p === 0) return;
  const Mpp = new Float64Array(p * p);
  for (let r = 0; r < p; r++) for (let s = 0; s < p; s++) Mpp[r * p + s] = Kn[P[r] * n + P[s]] + 1;
  const L = cholesky(Mpp, p, 0);
  if (L === null) return;
  for (let pass = 0; pass < REFINEMENT_PASSES; pass++) {
    const v = combine(Fn, n, D, uvec);
    let sum = 0;
    for (const i of P) sum += uvec[i];
    const rhs = new Float64Array(p);
    for (let r = 0; r < p; r++) rhs[r] = -dotRows(Fn, P[r], v, 0, D) + (1 - sum);
    const delta = choleskySolve(L, p, rhs);
    for (let r = 0; r < p; r++) uvec[P[r]] = Math.max(0, uvec[P[r]] + delta[r]);
  }
}

/** Solves K_SS λ_S = 1_S on the support with two refinement passes; null if K_SS is not definite. */
function polish(Kn: Float64Array, n: number, S: readonly number[]): Float64Array | null {
  const p = S.length;
  const A = new Float64Array(p * p);
  for (let r = 0; r < p; r++) for (let s = 0; s < p; s++) A[r * p + s] = Kn[S[r] * n + S[s]];
  const L = cholesky(A, p, 0);
  if (L === null) return null;
  const x = choleskySolve(L, p, new Float64Array(p).fill(1));
  for (let pass = 0; pass < REFINEMENT_PASSES; pass++) {
    const res = new Float64Array(p);
    for (let r = 0; r < p; r++) {
      let s = 1;
      for (let c = 0; c < p; c++) s -= A[r * p + c] * x[c];
      res[r] = s;
    }
    const dx = choleskySolve(L, p, res);
    for (let r = 0; r < p; r++) x[r] += dx[r];
  }
  for (let r = 0; r < p; r++) if (!(x[r] > 0 && Number.isFinite(x[r]))) return null;
  return x;
}

/**
 * Hard-margin SVM without bias on the features F_i (rows of F, n×D): the min-norm w with
 * ⟨F_i, w⟩ ≥ 1 for all i, and its dual min_{λ≥0} ½λᵀKλ − 1ᵀλ with K = FFᵀ (docs/theory.md §2), by
 * Lawson–Hanson's exact finite active-set method (no tolerance-stopped iteration; see the file header
 * for the termination proof and how singular K is handled).
 *
 * Verdicts, never NaN:
 * - 'ok' when the computed w certifies a relative margin ≥ {@link MIN_RELATIVE_MARGIN};
 * - 'infeasible' when some F_i = 0, or a convex combination of the F_i has relative norm
 *   ≤ {@link INFEASIBLE_REL_TOL} (returned as the certificate);
 * - 'degenerate' when every F_i is 0, or neither certificate is conclusive (a margin in between).
 *
 * @param F - n×D row-major features, finite
 * @throws InputError on shapes or non-finite entries; NumericalError if the step cap is hit
 */
export function solveMarginDual(F: Float64Array, n: number, D: number): MarginDual {
  checkCount(n, 'n');
  checkCount(D, 'D');
  checkFiniteArray(F, n * D, 'F');
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) norms[i] = euclideanNorm(F, i * D, D);
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, norms[i]);
  const notes: string[] = [];
  if (scale === 0) return { status: 'degenerate', reason: 'every feature vector is 0: no direction exists', notes };
  for (let i = 0; i < n; i++) {
    if (norms[i] === 0) {
      const certificate = new Float64Array(n);
      certificate[i] = 1;
      return {
        status: 'infeasible',
        reason: `point ${i} has a zero feature vector: its margin is 0 for every W`,
        certificate,
        certificateNorm: 0,
        notes,
      };
    }
  }
  // Normalise so that max_i ‖F'_i‖ = 1; λ = λ'/scale² and w = w'/scale undo it.
  const Fn = F.map((v) => v / scale);
  const Kn = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k <= i; k++) {
      const v = dotRows(Fn, i, Fn, k, D);
      Kn[i * n + k] = v;
      Kn[k * n + i] = v;
    }
  }
  const nn = nnlsLdp(Kn, n);
  const uvec = nn.u;
  refineLdp(Fn, n, D, Kn, uvec, nn.passive);
  if (nn.refused > 0) notes.push(`${nn.refused} candidate column(s) refused as numerically dependent`);
  let sumU = 0;
  for (let i = 0; i < n; i++) sumU += uvec[i];
  if (!(sumU > 0)) {
    // Unreachable in exact arithmetic: the first column always enters (pivot² = M_tt, z_t = 1/M_tt).
    return { status: 'degenerate', reason: 'no column entered the active set', notes };
  }
  const theta = uvec.map((v) => v / sumU);
  const hullPoint = euclideanNorm(combine(Fn, n, D, theta));
  const gap = 1 - sumU;

  let ok: MarginDualOk | null = null;
  let relativeMargin = -Infinity;
  if (gap > 0) {
    let lamN = uvec.map((v) => v / gap);
    const support = nn.passive.filter((i) => lamN[i] > 0);
    const polished = polish(Kn, n, support);
    if (polished !== null) {
      lamN = new Float64Array(n);
      support.forEach((i, r) => (lamN[i] = polished[r]));
    } else {
      notes.push('K on the support is not numerically definite: kept the NNLS duals unpolished');
    }
    const wN = combine(Fn, n, D, lamN);
    const normN = euclideanNorm(wN);
    const marginsOut = new Float64Array(n);
    let minMargin = Infinity;
    for (let i = 0; i < n; i++) {
      marginsOut[i] = dotRows(Fn, i, wN, 0, D);
      minMargin = Math.min(minMargin, marginsOut[i]);
    }
    relativeMargin = normN > 0 ? minMargin / normN : -Infinity;
    if (relativeMargin >= MIN_RELATIVE_MARGIN) ok = finish(Kn, n, scale, lamN, wN, normN, marginsOut, relativeMargin, nn, notes);
  }
  if (ok !== null) return ok;
  if (hullPoint <= INFEASIBLE_REL_TOL) {
    return {
      status: 'infeasible',
      reason: `not separable: a convex combination of the features has norm ${hullPoint.toExponential(2)} × max‖F_i‖`,
      certificate: theta,
      certificateNorm: hullPoint,
      notes,
    };
  }
  return {
    status: 'degenerate',
    reason:
      `relative margin undecided within float64: certified lower bound ${relativeMargin > 0 ? relativeMargin.toExponential(2) : '≤ 0'}, ` +
      `upper bound ${hullPoint.toExponential(2)} (need ≥ ${MIN_RELATIVE_MARGIN} for 'ok', ≤ ${INFEASIBLE_REL_TOL} for 'infeasible')`,
    notes,
  };
}

function finish(
  Kn: Float64Array,
  n: number,
  scale: number,
  lamN: Float64Array,
  wN: Float64Array,
  normN: number,
  marginsOut: Float64Array,
  relativeMargin: number,
  nn: NnlsResult,
  notes: string[],
): MarginDualOk {
  const lambda = lamN.map((v) => v / (scale * scale));
  const w = wN.map((v) => v / scale);
  const norm = normN / scale;
  let primal = Infinity;
  let dual = Infinity;
  let stationarity = 0;
  let complementarity = 0;
  let sumL = 0;
  let maxL = 0;
  for (let i = 0; i < n; i++) {
    primal = Math.min(primal, marginsOut[i] - 1);
    dual = Math.min(dual, lamN[i]);
    let kl = 0;
    for (let k = 0; k < n; k++) kl += Kn[i * n + k] * lamN[k];
    if (lamN[i] > 0) stationarity = Math.max(stationarity, Math.abs(kl - 1));
    complementarity = Math.max(complementarity, Math.abs(lambda[i] * (kl - 1)));
    sumL += lamN[i];
    maxL = Math.max(maxL, lamN[i]);
  }
  const support: number[] = [];
  const active: number[] = [];
  let minActive = Infinity;
  for (let i = 0; i < n; i++) {
    if (lamN[i] > 0) support.push(i);
    if (Math.abs(marginsOut[i] - 1) <= ACTIVE_TOL) {
      active.push(i);
      minActive = Math.min(minActive, lamN[i] / maxL);
    }
  }
  const pa = active.length;
  const KA = new Float64Array(pa * pa);
  for (let r = 0; r < pa; r++) for (let s = 0; s < pa; s++) KA[r * pa + s] = Kn[active[r] * n + active[s]];
  const dualUnique = cholesky(KA, pa, DEPENDENT_COLUMN_TOL) !== null;
  if (!dualUnique) notes.push('active features are linearly dependent: the dual optimum is not unique (nonDegenerate refers to this λ)');
  if (relativeMargin < SMALL_MARGIN_NOTE) notes.push(`small relative margin ${relativeMargin.toExponential(2)}: KKT residuals grow like n·u/ρ²`);
  const normIdentity = Math.abs(normN * normN - sumL) / sumL;
  return {
    status: 'ok',
    reason: `separable; ${support.length} support vector(s), relative margin ${relativeMargin.toExponential(3)}`,
    lambda,
    w,
    norm,
    margins: marginsOut,
    kkt: { primal, dual: dual / (scale * scale), stationarity, complementarity, normIdentity },
    support,
    active,
    nonDegenerate: minActive > DUAL_POSITIVE_TOL,
    minActiveDual: minActive,
    dualUnique,
    relativeMargin,
    iterations: { outer: nn.outer, inner: nn.inner },
    refusedColumns: nn.refused,
    notes,
  };
}
