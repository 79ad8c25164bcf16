import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.js';
import { webAssemblyApi, type WasmMemory, type WasmModule } from './webAssemblyApi.js';

/**
 * The WebAssembly SIMD kernel of the two dense products of a GD step (docs/theory.md §1): the forward
 * `Z = X Wᵀ` and the fused backward-and-update `W −= lr · Cᵀ X`. Source: kernel.wat beside this file
 * (its header states the summation order); `npm run build` assembles it into kernel.wasm.
 */

/** Whether the kernel can run here, and why not when it cannot. */
export interface WasmKernelStatus {
  readonly available: boolean;
  /** Why the kernel is unavailable (missing binary, no SIMD support); absent when available. */
  readonly reason?: string;
}

/**
 * One problem shape's buffers in WebAssembly memory and the two products on them. The views are
 * row-major Float64Arrays: `X` n×d, `W` m×d, `Z` and `C` n×m. Fill `X` and `W` (and `C` before
 * {@link WasmKernel.backwardUpdate}); read `Z` after {@link WasmKernel.forward}. No call allocates.
 * The kernel computes whatever the buffers hold: a non-finite input gives non-finite outputs, which
 * the caller must check (the engines throw `NumericalError` on them).
 */
export interface WasmKernel {
  readonly n: number;
  readonly d: number;
  readonly m: number;
  /** Data, n×d: `X[i*d + k]`. */
  readonly X: Float64Array;
  /** Weights, m×d: `W[j*d + k]`. */
  readonly W: Float64Array;
  /** Pre-activations, n×m: `Z[i*m + j] = ⟨w_j, x_i⟩` after {@link WasmKernel.forward}. */
  readonly Z: Float64Array;
  /** Gradient coefficients, n×m: `C[i*m + j]`, filled by the caller before a backward update. */
  readonly C: Float64Array;
  /** `Z ← X Wᵀ`. Summation order: kernel.wat header (lanes of even and odd k, then their sum). */
  forward(): void;
  /**
   * `W[j*d+k] ← W[j*d+k] − lr · Σ_i C[i*m+j] X[i*d+k]`, summed in increasing i: bit for bit the
   * plain loop.
   * @throws InputError when `lr` is not finite
   */
  backwardUpdate(lr: number): void;
  /**
   * Re-lays the buffers out for another shape, growing the memory when needed (never shrinking).
   * Every view is replaced and its contents are unspecified afterwards; views read before the call
   * must not be used again (growth detaches them).
   * @returns false, with the kernel unchanged, when the shape does not fit in 32-bit memory
   * @throws InputError when a dimension is not a positive integer
   */
  resize(n: number, d: number, m: number): boolean;
}

/** Where the compiled loader (dist/) and the source loader (src/, under vitest) find the binary. */
const binaryUrl = new URL('./kernel.wasm', import.meta.url);

/** Bytes per WebAssembly memory page. */
const pageBytes = 65_536;
/** Pages addressable with 32-bit offsets (4 GiB). */
const maxPages = 65_536;
/** Alignment of each buffer: one cache line, so SIMD loads never straddle two lines needlessly. */
const bufferAlign = 64;
/** Bytes per float64. */
const f64Bytes = 8;

interface KernelExports {
  readonly memory: WasmMemory;
  forward(x: number, w: number, z: number, n: number, d: number, m: number): void;
  backwardUpdate(x: number, c: number, w: number, n: number, d: number, m: number, lr: number): void;
}

let cached: { module?: WasmModule; status: WasmKernelStatus } | undefined;

function loadModule(): { module?: WasmModule; status: WasmKernelStatus } {
  if (cached) return cached;
  const path = fileURLToPath(binaryUrl);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    cached = { status: { available: false, reason: `cannot read ${path} (${code}); run \`npm run build\`` } };
    return cached;
  }
  const api = webAssemblyApi();
  if (!api) {
    cached = { status: { available: false, reason: 'this runtime has no WebAssembly' } };
    return cached;
  }
  try {
    const module = new api.Module(bytes);
    cached = { module, status: { available: true } };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    cached = { status: { available: false, reason: `this runtime cannot compile the SIMD kernel: ${why}` } };
  }
  return cached;
}

/**
 * Whether the kernel binary was found and this runtime compiles it (WebAssembly with 128-bit SIMD).
 * The first call reads and compiles the binary synchronously; later calls are free.
 */
export function wasmKernelStatus(): WasmKernelStatus {
  return loadModule().status;
}

function checkDim(v: number, field: string): void {
  if (!Number.isSafeInteger(v) || v < 1) throw new InputError(field, `expected a positive integer, got ${v}`);
}

function alignUp(bytes: number): number {
  return Math.ceil(bytes / bufferAlign) * bufferAlign;
}

interface Layout {
  readonly x: number;
  readonly w: number;
  readonly z: number;
  readonly c: number;
  readonly end: number;
}

function layout(n: number, d: number, m: number): Layout {
  const x = 0;
  const w = alignUp(x + n * d * f64Bytes);
  const z = alignUp(w + m * d * f64Bytes);
  const c = alignUp(z + n * m * f64Bytes);
  return { x, w, z, c, end: c + n * m * f64Bytes };
}

/** Options of {@link createWasmKernel}. */
export interface WasmKernelOptions {
  /** A compiled kernel to use instead of the built binary (tests pass one assembled from kernel.wat). */
  readonly module?: WasmModule;
}

class Kernel implements WasmKernel {
  n = 0;
  d = 0;
  m = 0;
  X = new Float64Array(0);
  W = new Float64Array(0);
  Z = new Float64Array(0);
  C = new Float64Array(0);
  private lay: Layout = { x: 0, w: 0, z: 0, c: 0, end: 0 };
  private readonly ex: KernelExports;

  constructor(ex: KernelExports) {
    this.ex = ex;
  }

  forward(): void {
    const { x, w, z } = this.lay;
    this.ex.forward(x, w, z, this.n, this.d, this.m);
  }

  backwardUpdate(lr: number): void {
    if (!Number.isFinite(lr)) throw new InputError('lr', `expected a finite step size, got ${lr}`);
    const { x, c, w } = this.lay;
    this.ex.backwardUpdate(x, c, w, this.n, this.d, this.m, lr);
  }

  resize(n: number, d: number, m: number): boolean {
    checkDim(n, 'n');
    checkDim(d, 'd');
    checkDim(m, 'm');
    const lay = layout(n, d, m);
    const pages = Math.ceil(lay.end / pageBytes);
    if (pages > maxPages) return false;
    const memory = this.ex.memory;
    const have = memory.buffer.byteLength / pageBytes;
    if (pages > have) {
      try {
        memory.grow(pages - have);
      } catch {
        return false; // the engine refused the memory (RangeError): callers fall back to plain code
      }
    }
    const buf = memory.buffer;
    this.n = n;
    this.d = d;
    this.m = m;
    this.lay = lay;
    this.X = new Float64Array(buf, lay.x, n * d);
    this.W = new Float64Array(buf, lay.w, m * d);
    this.Z = new Float64Array(buf, lay.z, n * m);
    this.C = new Float64Array(buf, lay.c, n * m);
    return true;
  }
}

/**
 * A kernel for n data rows of d features and m neurons, with its own WebAssembly instance and memory.
 *
 * @returns undefined (never throws for this) when the binary is missing, the runtime lacks
 *   WebAssembly SIMD (see {@link wasmKernelStatus}), or the shape does not fit in 32-bit memory
 * @throws InputError when n, d or m is not a positive integer
 */
export function createWasmKernel(n: number, d: number, m: number, options: WasmKernelOptions = {}): WasmKernel | undefined {
  checkDim(n, 'n');
  checkDim(d, 'd');
  checkDim(m, 'm');
  const module = options.module ?? loadModule().module;
  const api = webAssemblyApi();
  if (!module || !api) return undefined;
  let exports: KernelExports;
  try {
    exports = new api.Instance(module, {}).exports as unknown as KernelExports;
  } catch {
    return undefined; // the runtime refused the instance's memory: callers fall back to plain code
  }
  const kernel = new Kernel(exports);
  return kernel.resize(n, d, m) ? kernel : undefined;
}
