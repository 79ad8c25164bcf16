import { euclideanNorm } from '../../numerics/norms.js';
import { gammaK } from '../../numerics/roundoff.js';
import type { Problem } from '../../problem/types.js';
import { addDots, blockLength, transposeInto } from './kernel.js';
import { GdEngine, type DenseProducts } from './step.js';
import { DUAL_NORM_REL_TOL } from './tolerances.js';

/** The smallest positive double: a product that lands among the subnormals errs by at most half of it. */
const SUBNORMAL_SPACING = 2 ** -1074;

/**
 * The dual form's products (docs/theory.md §1). Every update `−α ∇_{w_j} L = Σ_i c_ji x_i` is a
 * combination of the data rows, so `W(t) = W(0) + A(t) X` with A m×n, `A(0) = 0`. With the Gram
 * matrix `K = X Xᵀ` and `Z0 = W(0) Xᵀ` computed once (2n²d + 2mnd flops), the pre-activations are
 * `Z = Z0 + A K` (2mn² flops a step) and the update is the step adding its coefficients into A
 * (O(mn)). W is materialised as `W0 + A X` (2mnd flops) only when asked for.
 */
class DualProducts implements DenseProducts {
  readonly formulation = 'dual' as const;
  /** Updates applied so far: W is current when `wAt === updates`. */
  private updates = 0;
  private materialised = 0;
  private readonly n: number;
  private readonly d: number;
  private readonly m: number;
  private readonly W0: Float64Array;
  /** d×n transposed data, for materialising `W0 + A X`. */
  private readonly XT: Float64Array;
  /** n×n Gram matrix `K_ik = ⟨x_i, x_k⟩`, exactly symmetric. */
  private readonly K: Float64Array;
  /** m×n `Z0[j·n + i] = ⟨w_j(0), x_i⟩`. */
  private readonly Z0: Float64Array;
  /** m×n coefficients of W in the data rows: `W(t) = W0 + A X`. */
  private readonly A: Float64Array;
  /** m×d materialised W (valid when `wAt === updates`). */
  private readonly W: Float64Array;
  private wAt = -1;
  /** `‖x_i‖`, `‖w_j(0)‖` and `‖w_j(0)‖²`, for {@link DualProducts.normW}. */
  private readonly xNorm: Float64Array;
  private readonly w0Norm: Float64Array;
  private readonly w0Sq: Float64Array;
  /** Rounding count N of the a-priori bound on `‖W‖²` in {@link DualProducts.normW}. */
  private readonly normRoundings: number;

  /** Computes K and Z0 (2n²d + 2mnd flops): `n² + 2mn + nd + md + n + 2m` doubles. */
  constructor(p: Problem) {
    const { n, d, m } = p;
    this.n = n;
    this.d = d;
    this.m = m;
    this.W0 = p.W0;
    this.XT = new Float64Array(n * d);
    transposeInto(this.XT, p.X, n, d);
    this.K = new Float64Array(n * n);
    addDots(this.K, p.X, n, p.X, n, d);
    this.Z0 = new Float64Array(m * n);
    addDots(this.Z0, p.W0, m, p.X, n, d);
    this.A = new Float64Array(m * n);
    this.W = new Float64Array(m * d);
    this.xNorm = new Float64Array(n);
    for (let i = 0; i < n; i++) this.xNorm[i] = Math.sqrt(this.K[i * n + i]);
    this.w0Norm = new Float64Array(m);
    this.w0Sq = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += p.W0[j * d + k] * p.W0[j * d + k];
      this.w0Sq[j] = s;
      this.w0Norm[j] = Math.sqrt(s);
    }
    // Accumulation lengths of the bound in normW, rounded up: ‖w_j(0)‖², Z0 and K (d each), A K (n,
    // plus one addition per length block, plus the addition of Z0), the per-row sum (n + 2) and the
    // sum over rows (m); a conservative count, since γ_a + γ_b ≤ γ_{a+b}.
    this.normRoundings = 2 * (n + d) + m + Math.ceil(n / blockLength(m, n)) + 4;
  }

  get materialisations(): number {
    return this.materialised;
  }

  forward(Z: Float64Array): void {
    Z.set(this.Z0);
    addDots(Z, this.A, this.m, this.K, this.n, this.n);
  }

  /** A itself: adding C into A is the whole update. */
  coefficients(): Float64Array {
    return this.A;
  }

  update(): void {
    this.updates++;
  }

  /** Materialises `W = W0 + A X` (2mnd flops) unless already done since the last update. */
  weights(): Float64Array {
    if (this.wAt !== this.updates) {
      this.W.set(this.W0);
      addDots(this.W, this.A, this.m, this.XT, this.d, this.n);
      this.wAt = this.updates;
      this.materialised++;
    }
    return this.W;
  }

  /**
   * `‖W‖_F` without materialising W when that is accurate enough, in O(mn):
   * `‖W‖² = ‖W0‖² + 2⟨W0 Xᵀ, A⟩ + ⟨A K, A⟩ = Σ_j (‖w_j(0)‖² + Σ_i A_ji (Z0_ji + Z_ji))`, since
   * `Z = Z0 + A K`. Rounding caveat: the cross term can cancel the other two (W ≈ 0 while W0 and
   * A X are large), and then the formula loses all its digits. So it also computes the first-order
   * a-priori bound (Higham §3.1, with `|⟨u, v⟩| ≤ ‖u‖‖v‖`) `E = γ_N Σ_j (‖w_j(0)‖ + s_j)²`,
   * `s_j = Σ_i |A_ji| ‖x_i‖`, plus the underflow term `η (n + d) Σ_j (1 + Σ_i |A_ji|)²` (`η` the smallest
   * positive double: each product of K, Z0, A K, the cross term and `‖w_j(0)‖²` that falls among the
   * subnormals errs by up to `η/2`, and A carries those of K and Z0 into the cross term), and
   * materialises W (2mnd flops) and takes its norm directly whenever
   * `E > DUAL_NORM_REL_TOL · ‖W‖²` (or the formula is not finite). When W is already materialised
   * since the last update, its norm is taken directly.
   */
  normW(preactivations: () => Float64Array): number {
    if (this.wAt === this.updates) return euclideanNorm(this.W);
    const Z = preactivations();
    const { n, d, m, A, Z0, xNorm } = this;
    let sq = 0;
    let scaleSum = 0;
    let underflowSum = 0;
    for (let j = 0; j < m; j++) {
      const row = j * n;
      let cross = 0;
      let s = 0;
      let sA = 1;
      for (let i = 0; i < n; i++) {
        const aji = A[row + i];
        cross += aji * (Z0[row + i] + Z[row + i]);
        s += Math.abs(aji) * xNorm[i];
        sA += Math.abs(aji);
      }
      sq += this.w0Sq[j] + cross;
      const r = this.w0Norm[j] + s;
      scaleSum += r * r;
      underflowSum += sA * sA;
    }
    const bound = gammaK(this.normRoundings) * scaleSum + SUBNORMAL_SPACING * (n + d) * underflowSum;
    if (Number.isFinite(sq) && Number.isFinite(bound) && bound <= DUAL_NORM_REL_TOL * sq) return Math.sqrt(sq);
    return euclideanNorm(this.weights());
  }
}

/**
 * GD in the row space of X (docs/theory.md §1): the iteration is the primal one, only the rounding
 * differs. All buffers are allocated by the constructor; a step allocates nothing.
 */
export class DualEngine extends GdEngine<DualProducts> {
  /**
   * Allocates the state for one problem and computes K and Z0 (2n²d + 2mnd flops): `n² + 3mn + nd +
   * md + 2n` doubles besides the problem. The problem is not modified.
   * @throws InputError when the problem's arrays do not match its shapes
   */
  constructor(p: Problem) {
    super(p, (q) => new DualProducts(q));
  }

  /** How many times W has been materialised (2mnd flops each), for cost accounting. */
  get materialisations(): number {
    return this.products.materialisations;
  }
}
