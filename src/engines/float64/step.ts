import { InputError } from '../../errors.js';
import type { MarginLossName, Problem } from '../../problem/types.js';
import { checkProblemShape, type Float64Engine, type Formulation } from './engine.js';
import { addCoefficients, computeMargins, computeResidualFactors, computeSampleFactors, secondLayerUpdate } from './head.js';

/**
 * The dense products of a GD step, the part whose cost and rounding depend on how the state is
 * held: W itself on the plain kernel (`primal.ts`) or on the WebAssembly one (`wasmPrimal.ts`), or
 * the coefficients A of `W = W0 + A X` (`dual.ts`). {@link GdEngine} runs the rest of the step.
 * Every array is m×n row-major in the layout of head.ts, `Z[j·n + i] = ⟨w_j, x_i⟩`. No method
 * allocates.
 */
export interface DenseProducts {
  readonly formulation: Formulation;
  /** Fills Z with the pre-activations of the current W. */
  forward(Z: Float64Array): void;
  /**
   * The buffer a step adds its coefficients C into, where `W(t+1) = W(t) + C X`: a scratch,
   * zeroed here, that {@link DenseProducts.update} multiplies into W; or, in the dual form, A itself.
   */
  coefficients(): Float64Array;
  /** Applies the C added into {@link DenseProducts.coefficients} to the state. */
  update(): void;
  /** W, m×d: the strategy's buffer (materialised on demand in the dual form). */
  weights(): Float64Array;
  /**
   * `‖W‖_F`.
   * @param preactivations - the Z of the current W, from {@link DenseProducts.forward} unless
   *   cached (the next step reuses it); the dual form's formula reads it
   */
  normW(preactivations: () => Float64Array): number;
}

/**
 * Float64 GD (docs/theory.md §1), `W(t+1) = W(t) − lr ∇L(W(t))`, with
 * `−lr ∇_{w_j} L = Σ_i C_ji x_i` and `C_ji = −(lr/n) ℓ'(q_i) y_i a_j φ'(z_ji)`: the dense products
 * on the strategy P, the O(nm) middle (margins, factors, coefficients) from head.ts. The buffers are
 * allocated by the constructor; a step allocates nothing.
 *
 * The square loss on real targets (docs/theory.md §11) replaces `ℓ'(q_i) y_i` by the residual
 * `r_i = f(x_i) − y_i`; with `trainSecondLayer` the step also moves `a` by `−(lr/n) Σ_i r_i φ(z_ji)`,
 * from the same `(W(t), a(t))` (C is formed from `a(t)` before `a` changes). The W update is still
 * `C X`, in the row space of X, so the dual form holds unchanged.
 */
export class GdEngine<P extends DenseProducts> implements Float64Engine {
  readonly formulation: P['formulation'];
  protected readonly products: P;
  private tCount = 0;
  private readonly n: number;
  private readonly m: number;
  /** The margin loss, or undefined for the square loss. */
  private readonly marginLoss: MarginLossName | undefined;
  /** Whether `a` is trained (then `a` is the engine's own copy). */
  private readonly trainA: boolean;
  private readonly gamma: number;
  /** `−lr/n`: the factor of every coefficient. */
  private readonly scale: number;
  private readonly y: Float64Array;
  private readonly a: Float64Array;
  /** n outputs `f(x_i)` of the current state (square loss; valid when `fresh`). */
  private readonly f: Float64Array;
  /** n ones: the outputs are the margins of labels all equal to 1. */
  private readonly ones: Float64Array;
  /** m second-layer updates of the current step. */
  private readonly da: Float64Array;
  /** m×n pre-activations of W(t) (valid when `fresh`). */
  private readonly Z: Float64Array;
  /** n margins of W(t) (valid when `fresh`). */
  private readonly q: Float64Array;
  /** n per-sample factors `−(lr/n) ℓ'(q_i) y_i`. */
  private readonly g: Float64Array;
  /** Whether Z and q belong to the current W. */
  private fresh = false;
  /** Z of the current W, for {@link DenseProducts.normW}: bound once, so that normW allocates nothing. */
  private readonly currentZ = (): Float64Array => {
    if (!this.fresh) this.forward();
    return this.Z;
  };

  /**
   * Allocates the state for one problem (`m·n + 2·n` doubles here, the strategy's own in
   * `makeProducts`); the problem is not modified.
   * @throws InputError when the problem's arrays do not match its shapes, before `makeProducts` runs
   */
  constructor(p: Problem, makeProducts: (p: Problem) => P) {
    checkProblemShape(p);
    const { n, m } = p;
    this.products = makeProducts(p);
    this.formulation = this.products.formulation;
    this.n = n;
    this.m = m;
    this.marginLoss = p.loss === 'square' ? undefined : p.loss;
    this.trainA = p.trainSecondLayer === true;
    this.gamma = p.gamma;
    this.scale = -p.lr / n;
    this.y = p.y;
    this.a = this.trainA ? Float64Array.from(p.a) : p.a;
    const square = this.marginLoss === undefined;
    this.f = new Float64Array(square ? n : 0);
    this.ones = new Float64Array(square ? n : 0).fill(1);
    this.da = new Float64Array(this.trainA ? m : 0);
    this.Z = new Float64Array(m * n);
    this.q = new Float64Array(n);
    this.g = new Float64Array(n);
  }

  /** Steps taken so far. */
  get t(): number {
    return this.tCount;
  }

  private forward(): void {
    this.products.forward(this.Z);
    if (this.marginLoss === undefined) {
      computeMargins(this.f, this.Z, this.a, this.ones, this.gamma, this.m, this.n, this.tCount);
      for (let i = 0; i < this.n; i++) this.q[i] = this.y[i] * this.f[i];
    } else {
      computeMargins(this.q, this.Z, this.a, this.y, this.gamma, this.m, this.n, this.tCount);
    }
    this.fresh = true;
  }

  /**
   * The outputs `f(x_i)` of the current state, length n (the engine's buffer), for the square loss.
   * @throws NumericalError when one is not finite
   * @throws InputError (field `loss`) for a margin loss, whose engine keeps only the margins
   */
  outputs(): Float64Array {
    if (this.marginLoss !== undefined) throw new InputError('loss', 'outputs are kept for the square loss only; read margins()');
    if (!this.fresh) this.forward();
    return this.f;
  }

  /** `a(t)`, length m: the problem's fixed `a`, or the engine's trained copy (updated by the next step). */
  secondLayer(): Float64Array {
    return this.a;
  }

  /** The margins of W(t), length n (the engine's buffer). @throws NumericalError when one is not finite */
  margins(): Float64Array {
    if (!this.fresh) this.forward();
    return this.q;
  }

  /** One GD step in place, no allocation. @throws NumericalError (`W at step t`) on a non-finite margin or update */
  step(): void {
    if (!this.fresh) this.forward();
    if (this.marginLoss === undefined) computeResidualFactors(this.g, this.f, this.y, this.scale, this.n, this.tCount);
    else computeSampleFactors(this.g, this.q, this.y, this.marginLoss, this.scale, this.n, this.tCount);
    addCoefficients(this.products.coefficients(), this.Z, this.g, this.a, this.gamma, this.m, this.n);
    if (this.trainA) {
      secondLayerUpdate(this.da, this.Z, this.g, this.gamma, this.m, this.n);
      for (let j = 0; j < this.m; j++) this.a[j] += this.da[j];
    }
    this.products.update();
    this.tCount++;
    this.fresh = false;
  }

  /** W(t), m×d: the strategy's buffer, updated by the next step. */
  weights(): Float64Array {
    return this.products.weights();
  }

  /** `‖W(t)‖_F`. */
  normW(): number {
    return this.products.normW(this.currentZ);
  }
}
