import { euclideanNorm } from '../../numerics/norms.js';
import type { LossName, Problem } from '../../problem/types.js';
import { createWasmKernel, type WasmKernel } from '../wasm/kernel.js';
import { checkProblemShape, type Float64Engine } from './engine.js';
import { addCoefficients, computeMargins, computeSampleFactors } from './head.js';
import { transposeInto } from './kernel.js';

/**
 * The primal GD step of {@link PrimalEngine} with its two dense products, `Z = X Wᵀ` and
 * `W += Cᵀ X` (4nmd flops a step), on the WebAssembly SIMD kernel (src/engines/wasm/kernel.wat).
 * The O(nm) middle (margins, ℓ', coefficients) is the same code as the plain engine's; the kernel's
 * n×m layout is transposed to and from it (2nm moves a step, against 4nmd flops). The backward
 * product rounds exactly as the plain loop; the forward sums even and odd k separately, so Z, and
 * through it the trajectory, differ from the plain engine's in the last bits, within the same
 * error bound (kernel.wat header). No allocation in the step.
 */
export class WasmPrimalEngine implements Float64Engine {
  readonly formulation = 'primal' as const;
  private tCount = 0;
  private readonly n: number;
  private readonly m: number;
  private readonly loss: LossName;
  private readonly gamma: number;
  private readonly scale: number;
  private readonly y: Float64Array;
  private readonly a: Float64Array;
  private readonly kernel: WasmKernel;
  /** m×n pre-activations (the plain engine's layout), transposed from the kernel's n×m. */
  private readonly Z: Float64Array;
  private readonly q: Float64Array;
  private readonly g: Float64Array;
  /** m×n update coefficients, transposed into the kernel's n×m buffer before the update. */
  private readonly C: Float64Array;
  private fresh = false;

  private constructor(p: Problem, kernel: WasmKernel) {
    const { n, m } = p;
    this.n = n;
    this.m = m;
    this.loss = p.loss;
    this.gamma = p.gamma;
    this.scale = -p.lr / n;
    this.y = p.y;
    this.a = p.a;
    this.kernel = kernel;
    kernel.X.set(p.X);
    kernel.W.set(p.W0);
    this.Z = new Float64Array(m * n);
    this.q = new Float64Array(n);
    this.g = new Float64Array(n);
    this.C = new Float64Array(m * n);
  }

  /**
   * The engine for a problem, or undefined when the kernel cannot run here (binary missing, no
   * WebAssembly SIMD, or the shape does not fit in 32-bit memory): callers then use the plain engine.
   * @throws InputError when the problem's arrays do not match its shapes
   */
  static create(p: Problem): WasmPrimalEngine | undefined {
    checkProblemShape(p);
    const kernel = createWasmKernel(p.n, p.d, p.m);
    return kernel ? new WasmPrimalEngine(p, kernel) : undefined;
  }

  get t(): number {
    return this.tCount;
  }

  private forward(): void {
    this.kernel.forward();
    transposeInto(this.Z, this.kernel.Z, this.n, this.m);
    computeMargins(this.q, this.Z, this.a, this.y, this.gamma, this.m, this.n, this.tCount);
    this.fresh = true;
  }

  margins(): Float64Array {
    if (!this.fresh) this.forward();
    return this.q;
  }

  step(): void {
    if (!this.fresh) this.forward();
    const { n, m } = this;
    computeSampleFactors(this.g, this.q, this.y, this.loss, this.scale, n, this.tCount);
    this.C.fill(0);
    addCoefficients(this.C, this.Z, this.g, this.a, this.gamma, m, n);
    transposeInto(this.kernel.C, this.C, m, n);
    // The kernel computes W − lr·(Cᵀ X); C already carries −lr/n, so lr = −1 (an exact sign change).
    this.kernel.backwardUpdate(-1);
    this.tCount++;
    this.fresh = false;
  }

  /** W(t), m×d: a view of the kernel's memory, updated by the next step. */
  weights(): Float64Array {
    return this.kernel.W;
  }

  normW(): number {
    return euclideanNorm(this.kernel.W);
  }
}
