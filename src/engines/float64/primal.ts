import { euclideanNorm } from '../../numerics/norms.js';
import type { Problem } from '../../problem/types.js';
import { addDots, transposeInto } from './kernel.js';
import { GdEngine, type DenseProducts } from './step.js';

/**
 * The primal form's products on the plain tiled kernel (kernel.ts): forward `Z = W Xᵀ` (2nmd
 * flops) and the backward pass fused with the update, `W += C X` (2nmd flops). The gradient is
 * never stored: each register tile of `C X` is added into W as soon as it is summed.
 */
class JsPrimalProducts implements DenseProducts {
  readonly formulation = 'primal' as const;
  private readonly n: number;
  private readonly d: number;
  private readonly m: number;
  /** n×d data. */
  private readonly X: Float64Array;
  /** d×n transposed data: the backward pass reads columns of X as contiguous rows. */
  private readonly XT: Float64Array;
  /** m×d weights W(t), updated in place. */
  private readonly W: Float64Array;
  /** m×n update coefficients C. */
  private readonly C: Float64Array;

  /** `m·d + n·d + m·n` doubles; W starts as a copy of `W0`. */
  constructor(p: Problem) {
    const { n, d, m } = p;
    this.n = n;
    this.d = d;
    this.m = m;
    this.X = p.X;
    this.XT = new Float64Array(n * d);
    transposeInto(this.XT, p.X, n, d);
    this.W = Float64Array.from(p.W0);
    this.C = new Float64Array(m * n);
  }

  forward(Z: Float64Array): void {
    Z.fill(0);
    addDots(Z, this.W, this.m, this.X, this.n, this.d);
  }

  coefficients(): Float64Array {
    return this.C.fill(0);
  }

  update(): void {
    addDots(this.W, this.C, this.m, this.XT, this.d, this.n);
  }

  weights(): Float64Array {
    return this.W;
  }

  normW(): number {
    return euclideanNorm(this.W);
  }
}

/**
 * GD on W itself (docs/theory.md §1) on the plain tiled kernel: about 4·n·m·d flops a step.
 * All buffers are allocated by the constructor; a step allocates nothing.
 */
export class PrimalEngine extends GdEngine<JsPrimalProducts> {
  /**
   * Allocates the state for one problem (`m·d + n·d + 2·m·n + 2·n` doubles). W starts as a copy of
   * `W0`; the problem is not modified.
   * @throws InputError when the problem's arrays do not match its shapes
   */
  constructor(p: Problem) {
    super(p, (q) => new JsPrimalProducts(q));
  }
}
