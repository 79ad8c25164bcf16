import { euclideanNorm } from '../numerics/norms.js';
import { leakyRelu, leakyReluSlope } from '../numerics/phi.js';
import { preActivations } from './_internals/network.js';
import { checkLabelledData, checkNetworkData } from './_internals/validate.js';
import { activatedSlopes } from './activation.js';
import { solveMarginDual, type KktResiduals, type MarginDual } from './marginDual.js';
import type { LabelledData, NetworkData } from './types.js';

/**
 * A sign constraint a_j y_i ⟨ŵ_j, x_i⟩ ≥ 0 counts as holding down to −SIGN_TOL·|a_j|‖ŵ_j‖‖x_i‖: the
 * d-term inner product carries rounding ≤ d·u·‖ŵ_j‖‖x_i‖, below 1e-11 for d ≤ 9·10⁴, and exact zeros
 * (x_i ⟂ ŵ_j) must not read as violations.
 */
export const SIGN_TOL = 1e-11;

/** Relative spread below which the rows of a block count as equal (they are computed row by row). */
export const ROW_EQUAL_TOL = 1e-12;

/** The sign constraints of H25 problem (5) evaluated at the SVM solution Ŵ (docs/theory.md §2). */
export interface SignConstraintReport {
  /** a_j y_i ⟨ŵ_j, x_i⟩ ≥ −{@link SIGN_TOL}·|a_j|‖ŵ_j‖‖x_i‖ for all i, j: Ŵ is also H25's (5). */
  readonly holds: boolean;
  /** min over i, j of a_j y_i ⟨ŵ_j, x_i⟩. */
  readonly worst: number;
  /**
   * min(0, min over i, j of a_j y_i ⟨ŵ_j, x_i⟩ / (|a_j|‖ŵ_j‖‖x_i‖)), pairs with a zero factor skipped: the
   * worst relative violation, 0 when no pair is negative.
   */
  readonly worstRelative: number;
  /** The first pair attaining {@link worstRelative} when it is negative; (0, 0) otherwise. */
  readonly argmin: { readonly i: number; readonly j: number };
  /** Pairs beyond the tolerance. */
  readonly violations: number;
}

/** Ŵ and everything docs/theory.md §2 says about it. */
export interface LimitDirectionOk {
  readonly status: 'ok';
  readonly reason: string;
  readonly notes: readonly string[];
  /** Dual optimum λ (length n) of min_{λ≥0} ½λᵀKλ − 1ᵀλ. */
  readonly lambda: Float64Array;
  /** Ŵ = Σ_i λ_i G_i, m×d row-major: the min-norm W with q_i(W) ≥ 1 on the features G_i. */
  readonly W: Float64Array;
  /** ‖Ŵ‖_F. */
  readonly normF: number;
  /** Ŵ/‖Ŵ‖_F (the predicted limit of W(t)/‖W(t)‖, H-DIR). */
  readonly direction: Float64Array;
  /** u₊ = Σ_i λ_i c⁺_i y_i x_i: every row j with a_j > 0 equals a_j u₊ (c⁺_i = 1 if y_i = +1, else γ). */
  readonly uPlus: Float64Array;
  /** u₋ = Σ_i λ_i c⁻_i y_i x_i: every row j with a_j < 0 equals a_j u₋. */
  readonly uMinus: Float64Array;
  /** The common row of the block a_j > 0 (zero vector for an empty block); null if its a_j differ. */
  readonly vPlus: Float64Array | null;
  /** The common row of the block a_j < 0 (zero vector for an empty block); null if its a_j differ. */
  readonly vMinus: Float64Array | null;
  /** w̄ = v₊ − v₋ (docs/theory.md §2); null when a block has no common row. */
  readonly wbar: Float64Array | null;
  /** max over rows of ‖ŵ_j − first row of its block‖ / ‖first row‖, per block (0 for empty blocks). */
  readonly blockRowSpread: { readonly positive: number; readonly negative: number };
  /** max_j ‖ŵ_j − a_j u_{sign a_j}‖ / ‖ŵ_j‖: checks the rank ≤ 2 form (rows computed independently). */
  readonly rowFormDeviation: number;
  /** Σ a_j² and Σ |a_j| per block. */
  readonly blockWeights: {
    readonly positiveSquares: number;
    readonly negativeSquares: number;
    readonly positiveSum: number;
    readonly negativeSum: number;
  };
  /**
   * Whether sign f(x; Ŵ) = sign⟨w̄, x⟩ holds for every x by the argument of docs/theory.md §2: it needs γ > 0
   * (φ strictly increasing), a common row per block and Σ_{a_j>0} a_j = Σ_{a_j<0} |a_j|.
   */
  readonly linearBoundary: { readonly exact: boolean; readonly reason: string };
  /** q_i(Ŵ) = ⟨G_i, Ŵ⟩ from the explicit Ŵ (the linearised margins of the QP). */
  readonly margins: Float64Array;
  /** y_i f(x_i; Ŵ) through the leaky ReLU: equal to {@link margins} when the sign constraints hold. */
  readonly networkMargins: Float64Array;
  /** KKT residuals (primal from the explicit Ŵ; the others from K and λ). */
  readonly kkt: KktResiduals;
  readonly support: readonly number[];
  readonly active: readonly number[];
  readonly nonDegenerate: boolean;
  readonly minActiveDual: number;
  readonly dualUnique: boolean;
  readonly relativeMargin: number;
  readonly iterations: { readonly outer: number; readonly inner: number };
  /** Candidate columns the solver refused as numerically dependent (near-duplicates); see notes. */
  readonly refusedColumns: number;
  /** Whether a_j y_i ⟨ŵ_j, x_i⟩ ≥ 0 for all i, j (see {@link signConstraints}); false: Ŵ is outside H25. */
  readonly signConstraintsHold: boolean;
  readonly signConstraints: SignConstraintReport;
}

/** No Ŵ: the data are not separable by the features, or nothing can be decided. */
export interface LimitDirectionNone {
  readonly status: 'infeasible' | 'degenerate';
  readonly reason: string;
  readonly notes: readonly string[];
  /** For 'infeasible' from the solver: θ ≥ 0, Σθ = 1, Σ θ_i G_i ≈ 0. */
  readonly certificate?: Float64Array;
}

/** {@link limitDirection}'s result. */
export type LimitDirection = LimitDirectionOk | LimitDirectionNone;

/**
 * The features of docs/theory.md §2 in a 2d-dimensional isometric form: G_i (m×d, row j = a_j c_ij y_i x_i)
 * has ⟨G_i, G_k⟩ = y_i y_k ⟨x_i, x_k⟩ (A₊ c⁺_i c⁺_k + A₋ c⁻_i c⁻_k) with A_± = Σ_{±a_j>0} a_j², which is
 * ⟨F_i, F_k⟩ for F_i = (√A₊ c⁺_i y_i x_i, √A₋ c⁻_i y_i x_i). So K is the same and the QP is solved on F.
 */
function compactFeatures(data: NetworkData, Ap: number, Am: number): Float64Array {
  const { n, d, X, y, gamma } = data;
  const F = new Float64Array(n * 2 * d);
  const sp = Math.sqrt(Ap);
  const sm = Math.sqrt(Am);
  for (let i = 0; i < n; i++) {
    const cp = leakyReluSlope(y[i], gamma);
    const cm = leakyReluSlope(-y[i], gamma);
    for (let k = 0; k < d; k++) {
      const v = y[i] * X[i * d + k];
      F[i * 2 * d + k] = sp * cp * v;
      F[i * 2 * d + d + k] = sm * cm * v;
    }
  }
  return F;
}

function relDiff(A: Float64Array, ao: number, B: Float64Array, bo: number, len: number, scale: number): number {
  if (scale === 0) return 0;
  let s = 0;
  for (let k = 0; k < len; k++) {
    const e = (A[ao + k] - B[bo + k]) / scale;
    s += e * e;
  }
  return Math.sqrt(s);
}

/**
 * The predicted limit direction Ŵ of H25 problem (5) (docs/theory.md §2, reconstructed): the min-norm W with
 * q_i(W) = ⟨G_i, W⟩ ≥ 1 for the activated-region features G_i (row j = a_j c_ij y_i x_i), via its dual
 * min_{λ≥0} ½λᵀKλ − 1ᵀλ solved exactly by {@link solveMarginDual}. Reports λ, Ŵ, ‖Ŵ‖, Ŵ/‖Ŵ‖, the
 * block rows v₊, v₋, w̄ = v₊ − v₋, the KKT residuals, the support and degeneracy, and whether the
 * sign constraints a_j y_i ⟨ŵ_j, x_i⟩ ≥ 0 of (5) hold at Ŵ (if not, Ŵ is outside H25's theorem).
 *
 * Verdicts, never NaN: X = 0 or all-zero features → 'degenerate'; a point with a zero feature, or
 * data not separable by the features → 'infeasible' (with a certificate when the solver found one);
 * one class only and n = 1 are solvable ('ok', with a note).
 *
 * @throws InputError on shapes or non-finite entries, before computing
 */
export function limitDirection(data: NetworkData): LimitDirection {
  checkNetworkData(data);
  const { n, d, m, X, y, a, gamma } = data;
  const notes: string[] = [];
  const nPos = y.reduce((s, v) => s + (v === 1 ? 1 : 0), 0);
  if (nPos === 0 || nPos === n) notes.push(`one class only (all y = ${nPos === 0 ? '-1' : '+1'}): the QP is still well posed`);
  if (n === 1) notes.push('n = 1: λ = 1/K₁₁ and Ŵ = G₁/‖G₁‖²');
  if (X.every((v) => v === 0)) return { status: 'degenerate', reason: 'X = 0: every feature G_i vanishes, no direction exists', notes };
  if (a.every((v) => v === 0)) return { status: 'degenerate', reason: 'a = 0: every feature G_i vanishes, no direction exists', notes };
  let Ap = 0;
  let Am = 0;
  let Sp = 0;
  let Sm = 0;
  for (let j = 0; j < m; j++) {
    if (a[j] > 0) {
      Ap += a[j] * a[j];
      Sp += a[j];
    } else if (a[j] < 0) {
      Am += a[j] * a[j];
      Sm -= a[j];
    }
  }
  const dual: MarginDual = solveMarginDual(compactFeatures(data, Ap, Am), n, 2 * d);
  if (dual.status === 'infeasible') {
    return { status: 'infeasible', reason: dual.reason, notes: [...notes, ...dual.notes], certificate: dual.certificate };
  }
  if (dual.status === 'degenerate') return { status: 'degenerate', reason: dual.reason, notes: [...notes, ...dual.notes] };
  const allNotes = [...notes, ...dual.notes];
  const { lambda } = dual;

  // Ŵ row by row from its definition Σ_i λ_i G_i, independently of the compact form.
  const c = activatedSlopes(data);
  const W = new Float64Array(m * d);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      const coef = lambda[i] * a[j] * c[i * m + j] * y[i];
      if (coef === 0) continue;
      for (let k = 0; k < d; k++) W[j * d + k] += coef * X[i * d + k];
    }
  }
  const uPlus = new Float64Array(d);
  const uMinus = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const cp = leakyReluSlope(y[i], gamma) * lambda[i] * y[i];
    const cm = leakyReluSlope(-y[i], gamma) * lambda[i] * y[i];
    for (let k = 0; k < d; k++) {
      uPlus[k] += cp * X[i * d + k];
      uMinus[k] += cm * X[i * d + k];
    }
  }
  const normF = euclideanNorm(W);
  const direction = W.map((v) => v / normF);

  // Block structure: rows a_j u_±, common rows when the a_j of a block agree.
  let rowFormDeviation = 0;
  const firstPos = a.findIndex((v) => v > 0);
  const firstNeg = a.findIndex((v) => v < 0);
  let spreadPos = 0;
  let spreadNeg = 0;
  let constPos = true;
  let constNeg = true;
  for (let j = 0; j < m; j++) {
    const rowNorm = euclideanNorm(W, j * d, d);
    if (a[j] !== 0) {
      const ref = (a[j] > 0 ? uPlus : uMinus).map((v) => a[j] * v);
      rowFormDeviation = Math.max(rowFormDeviation, relDiff(W, j * d, ref, 0, d, rowNorm));
    }
    if (a[j] > 0) {
      if (a[j] !== a[firstPos]) constPos = false;
      spreadPos = Math.max(spreadPos, relDiff(W, j * d, W, firstPos * d, d, euclideanNorm(W, firstPos * d, d)));
    } else if (a[j] < 0) {
      if (a[j] !== a[firstNeg]) constNeg = false;
      spreadNeg = Math.max(spreadNeg, relDiff(W, j * d, W, firstNeg * d, d, euclideanNorm(W, firstNeg * d, d)));
    }
  }
  const vPlus = !constPos ? null : firstPos < 0 ? new Float64Array(d) : W.slice(firstPos * d, (firstPos + 1) * d);
  const vMinus = !constNeg ? null : firstNeg < 0 ? new Float64Array(d) : W.slice(firstNeg * d, (firstNeg + 1) * d);
  if (firstPos < 0 || firstNeg < 0) allNotes.push(`block a_j ${firstPos < 0 ? '> 0' : '< 0'} is empty: its row is taken as 0 in w̄`);
  const wbar = vPlus !== null && vMinus !== null ? vPlus.map((v, k) => v - vMinus[k]) : null;
  if (spreadPos > ROW_EQUAL_TOL && constPos) allNotes.push(`rows of block a_j > 0 differ by ${spreadPos.toExponential(2)}`);
  if (spreadNeg > ROW_EQUAL_TOL && constNeg) allNotes.push(`rows of block a_j < 0 differ by ${spreadNeg.toExponential(2)}`);

  const sumTol = 1e-12 * (Sp + Sm); // relative rounding of two sums of ≤ m terms, m·u ≪ 1e-12
  const linearBoundary =
    gamma === 0
      ? { exact: false, reason: 'γ = 0: φ is not strictly increasing (both blocks can vanish), sign f can be 0' }
      : wbar === null
        ? { exact: false, reason: 'the a_j of a block differ: no common rows v₊, v₋' }
        : Math.abs(Sp - Sm) > sumTol
          ? { exact: false, reason: `unbalanced blocks: Σ a_j⁺ = ${Sp} ≠ Σ |a_j⁻| = ${Sm}` }
          : { exact: true, reason: 'balanced blocks with common rows and γ > 0: f = s(φ(⟨v₊,x⟩) − φ(⟨v₋,x⟩))' };

  // Margins, network margins and sign constraints from the explicit Ŵ.
  const Z = preActivations(X, W, n, d, m);
  const margins = new Float64Array(n);
  const networkMargins = new Float64Array(n);
  const rowNorms = new Float64Array(m);
  for (let j = 0; j < m; j++) rowNorms[j] = euclideanNorm(W, j * d, d);
  let worst = Infinity;
  let worstRelative = 0;
  let argmin = { i: 0, j: 0 };
  let violations = 0;
  for (let i = 0; i < n; i++) {
    const xn = euclideanNorm(X, i * d, d);
    let q = 0;
    let f = 0;
    for (let j = 0; j < m; j++) {
      const z = Z[i * m + j];
      q += a[j] * c[i * m + j] * z;
      f += a[j] * leakyRelu(z, gamma);
      const s = a[j] * y[i] * z;
      worst = Math.min(worst, s);
      const scale = Math.abs(a[j]) * rowNorms[j] * xn;
      if (scale > 0) {
        const rel = s / scale;
        if (rel < worstRelative) {
          worstRelative = rel;
          argmin = { i, j };
        }
        if (rel < -SIGN_TOL) violations++;
      }
    }
    margins[i] = y[i] * q;
    networkMargins[i] = y[i] * f;
  }
  let primal = Infinity;
  for (let i = 0; i < n; i++) primal = Math.min(primal, margins[i] - 1);
  const kkt = { ...dual.kkt, primal, normIdentity: Math.abs(normF * normF - lambda.reduce((s, v) => s + v, 0)) / lambda.reduce((s, v) => s + v, 0) };
  const signConstraints = { holds: violations === 0, worst, worstRelative, argmin, violations };
  if (!signConstraints.holds) allNotes.push(`sign constraints fail at ${violations} pair(s): Ŵ is outside H25's theorem`);

  return {
    status: 'ok',
    reason: dual.reason,
    notes: allNotes,
    lambda,
    W,
    normF,
    direction,
    uPlus,
    uMinus,
    vPlus,
    vMinus,
    wbar,
    blockRowSpread: { positive: spreadPos, negative: spreadNeg },
    rowFormDeviation,
    blockWeights: { positiveSquares: Ap, negativeSquares: Am, positiveSum: Sp, negativeSum: Sm },
    linearBoundary,
    margins,
    networkMargins,
    kkt,
    support: dual.support,
    active: dual.active,
    nonDegenerate: dual.nonDegenerate,
    minActiveDual: dual.minActiveDual,
    dualUnique: dual.dualUnique,
    relativeMargin: dual.relativeMargin,
    iterations: dual.iterations,
    refusedColumns: dual.refusedColumns,
    signConstraintsHold: signConstraints.holds,
    signConstraints,
  };
}

/**
 * The plain linear hard-margin SVM without bias (SHNGS18's limit for γ = 1): min ‖w‖ subject to
 * y_i⟨w, x_i⟩ ≥ 1, i.e. {@link solveMarginDual} on the features y_i x_i. Its `w` is comparable with
 * w̄ of {@link limitDirection} (docs/theory.md §2: they differ in general, and agree in direction as γ → 1).
 *
 * @throws InputError on shapes or non-finite entries
 */
export function linearSvmDirection(data: LabelledData): MarginDual {
  checkLabelledData(data);
  const { n, d, X, y } = data;
  const F = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) F[i * d + k] = y[i] * X[i * d + k];
  return solveMarginDual(F, n, d);
}
