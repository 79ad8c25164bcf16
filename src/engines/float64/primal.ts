import { euclideanNorm } from '../../numerics/norms.js';
import type { LossName, Problem } from '../../problem/types.js';
import { checkProblemShape, type Float64Engine } from './engine.js';
import { addCoefficients, computeMargins, computeSampleFactors } from './head.js';
import { addDots, transposeInto } from './kernel.js';

/**
 * GD on W itself (docs/theory.md §1): per step a forward pass `Z = W Xᵀ` (2nmd flops), the O(nm) margins and
 * coefficients, and a backward pass fused with the update, `W += C X` with `C_ji = −(lr/n) ℓ'(q_i)
 * y_i a_j φ'(z_ji)` (2nmd flops): about 4·n·m·d flops a step. The gradient is never stored: each
 * register tile of `C X` is added into W as soon as it is summed.
 *
 * All buffers are allocated by the constructor; {@link PrimalEngine.step} allocates nothing.
 */
export class PrimalEngine implements Float64Engine {
  /** Always `'primal'`. */
  readonly formulation = 'primal' as const;
  private tCount = 0;
  private readonly n: number;
  private readonly d: number;
  private readonly m: number;
  private readonly loss: LossName;
  private readonly gamma: number;
  /** `−lr/n`: the factor of every coefficient. */
  private readonly scale: number;
  private readonly y: Float64Array;
  private readonly a: Float64Array;
  /** n×d data. */
  private readonly X: Float64Array;
  /** d×n transposed data: the backward pass reads columns of X as contiguous rows. */
  private readonly XT: Float64Array;
  /** m×d weights W(t), updated in place. */
  private readonly W: Float64Array;
  /** m×n pre-activations `Z[j·n + i] = ⟨w_j, x_i⟩` of W(t) (valid when `fresh`). */
  private readonly Z: Float64Array;
  /** n margins of W(t) (valid when `fresh`). */
  private readonly q: Float64Array;
  /** n per-sample factors `−(lr/n) ℓ'(q_i) y_i`. */
  private readonly g: Float64Array;
  /** m×n update coefficients: `W(t+1) = W(t) + C X`. */
  private readonly C: Float64Array;
  /** Whether Z and q belong to the current W. */
  private fresh = false;

  /**
   * Allocates the state for one problem: W, Xᵀ, Z, margins, factors and coefficients
   * (`m·d + n·d + 2·m·n + 2·n` doubles). W starts as a copy of `W0`; the problem is not modified.
   * @throws InputError when the problem's arrays do not match its shapes
   */
  constructor(p: Problem) {
    checkProblemShape(p);
    const { n, d, m } = p;
    this.n = n;
    this.d = d;
    this.m = m;
    this.loss = p.loss;
    this.gamma = p.gamma;
    this.scale = -p.lr / n;
    this.y = p.y;
    this.a = p.a;
    this.X = p.X;
    this.XT = new Float64Array(n * d);
    transposeInto(this.XT, p.X, n, d);
    this.W = Float64Array.from(p.W0);
    this.Z = new Float64Array(m * n);
    this.q = new Float64Array(n);
    this.g = new Float64Array(n);
    this.C = new Float64Array(m * n);
  }

  /** Steps taken so far. */
  get t(): number {
    return this.tCount;
  }

  private forward(): void {
    this.Z.fill(0);
    addDots(this.Z, this.W, this.m, this.X, this.n, this.d);
    computeMargins(this.q, this.Z, this.a, this.y, this.gamma, this.m, this.n, this.tCount);
    this.fresh = true;
  }

  /** The margins of W(t), length n (the engine's buffer). @throws NumericalError when one is not finite */
  margins(): Float64Array {
    if (!this.fresh) this.forward();
    return this.q;
  }

  /** One GD step, W updated in place, no allocation. @throws NumericalError (`W at step t`) on a non-finite margin or update */
  step(): void {
    if (!this.fresh) this.forward();
    const { n, m } = this;
    computeSampleFactors(this.g, this.q, this.y, this.loss, this.scale, n, this.tCount);
    this.C.fill(0);
    addCoefficients(this.C, this.Z, this.g, this.a, this.gamma, m, n);
    addDots(this.W, this.C, m, this.XT, this.d, n);
    this.tCount++;
    this.fresh = false;
  }

  /** W(t), m×d (the engine's buffer, updated by the next step). */
  weights(): Float64Array {
    return this.W;
  }

  /** `‖W(t)‖_F`, over the m·d entries. */
  normW(): number {
    return euclideanNorm(this.W);
  }
}
