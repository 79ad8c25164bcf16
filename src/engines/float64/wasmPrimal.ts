import { euclideanNorm } from '../../numerics/norms.js';
import type { Problem } from '../../problem/types.js';
import { createWasmKernel, type WasmKernel } from '../wasm/kernel.js';
import { checkProblemShape } from './engine.js';
import { transposeInto } from './kernel.js';
import { GdEngine, type DenseProducts } from './step.js';

/**
 * The primal form's products, `Z = X Wᵀ` and `W += Cᵀ X` (4nmd flops a step), on the WebAssembly
 * SIMD kernel (src/engines/wasm/kernel.wat). The kernel's n×m layout is transposed to and from the
 * step's m×n (2nm moves a step, against 4nmd flops). The backward product rounds exactly as the
 * plain loop; the forward sums even and odd k separately, so Z, and through it the trajectory,
 * differ from the plain engine's in the last bits, within the same error bound (kernel.wat header).
 */
class WasmPrimalProducts implements DenseProducts {
  readonly formulation = 'primal' as const;
  private readonly n: number;
  private readonly m: number;
  private readonly kernel: WasmKernel;
  /** m×n update coefficients C, transposed into the kernel's n×m buffer by the update. */
  private readonly C: Float64Array;

  /** Fills the kernel's X and W (from `W0`); `m·n` doubles besides the kernel's memory. */
  constructor(p: Problem, kernel: WasmKernel) {
    this.n = p.n;
    this.m = p.m;
    this.kernel = kernel;
    kernel.X.set(p.X);
    kernel.W.set(p.W0);
    this.C = new Float64Array(p.m * p.n);
  }

  forward(Z: Float64Array): void {
    this.kernel.forward();
    transposeInto(Z, this.kernel.Z, this.n, this.m);
  }

  coefficients(): Float64Array {
    return this.C.fill(0);
  }

  update(): void {
    transposeInto(this.kernel.C, this.C, this.m, this.n);
    // The kernel computes W − lr·(Cᵀ X); C already carries −lr/n, so lr = −1 (an exact sign change).
    this.kernel.backwardUpdate(-1);
  }

  /** A view of the kernel's memory. */
  weights(): Float64Array {
    return this.kernel.W;
  }

  normW(): number {
    return euclideanNorm(this.kernel.W);
  }
}

/** The primal GD of {@link PrimalEngine} (docs/theory.md §1) on the WebAssembly SIMD kernel. No allocation in a step. */
export class WasmPrimalEngine extends GdEngine<WasmPrimalProducts> {
  private constructor(p: Problem, kernel: WasmKernel) {
    super(p, (q) => new WasmPrimalProducts(q, kernel));
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
}
