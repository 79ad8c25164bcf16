import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleWat, kernelWasmPaths, kernelWatPath } from '../../../scripts/build-wasm.mjs';
import { makeRng } from '../../data/rng.js';
import { InputError } from '../../errors.js';
import { gammaK } from '../../numerics/roundoff.js';
import { createWasmKernel, wasmKernelStatus, type WasmKernel } from './kernel.js';
import { webAssemblyApi, type WasmModule } from './webAssemblyApi.js';

// The kernel is checked as assembled from kernel.wat now, so a stale binary cannot hide a bug;
// a separate test checks that the built binary is that same assembly.
const watText = readFileSync(kernelWatPath, 'utf8');

async function compile(text: string): Promise<WasmModule> {
  const api = webAssemblyApi();
  if (!api) throw new Error('this runtime has no WebAssembly');
  return new api.Module(await assembleWat(text));
}

// ---------------------------------------------------------------- plain references (test-only)

/** Z = X Wᵀ by the left-to-right loop; also Σ_k |X W| per entry, for the error bound. */
function plainForward(X: Float64Array, W: Float64Array, n: number, d: number, m: number) {
  const Z = new Float64Array(n * m);
  const absSum = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      let t = 0;
      for (let k = 0; k < d; k++) {
        s += X[i * d + k] * W[j * d + k];
        t += Math.abs(X[i * d + k] * W[j * d + k]);
      }
      Z[i * m + j] = s;
      absSum[i * m + j] = t;
    }
  }
  return { Z, absSum };
}

/** The order kernel.wat documents: even-k and odd-k lanes, their sum, then the odd tail. */
function laneOrderForward(X: Float64Array, W: Float64Array, n: number, d: number, m: number): Float64Array {
  const Z = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let even = 0;
      let odd = 0;
      let k = 0;
      for (; k + 1 < d; k += 2) {
        even += X[i * d + k] * W[j * d + k];
        odd += X[i * d + k + 1] * W[j * d + k + 1];
      }
      let s = even + odd;
      if (k < d) s += X[i * d + k] * W[j * d + k];
      Z[i * m + j] = s;
    }
  }
  return Z;
}

/** W − lr·Cᵀ X by the plain loop (increasing i); also lr·Σ_i |C X| per entry, for the error bound. */
function plainBackward(X: Float64Array, C: Float64Array, W0: Float64Array, n: number, d: number, m: number, lr: number) {
  const W = W0.slice();
  const absSum = new Float64Array(m * d);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < d; k++) {
      let s = 0;
      let t = 0;
      for (let i = 0; i < n; i++) {
        s += C[i * m + j] * X[i * d + k];
        t += Math.abs(C[i * m + j] * X[i * d + k]);
      }
      W[j * d + k] -= lr * s;
      absSum[j * d + k] = lr * t;
    }
  }
  return { W, absSum };
}

// ---------------------------------------------------------------- the differential check

/**
 * Tolerances (error model, Higham §3.1): a d-term dot product in any order errs from the exact value by
 * at most γ_d Σ|terms|, so two orders differ by at most 2γ_d Σ|terms|. The update W − lr·s adds the
 * rounding of lr·s and of the subtraction: 2 more units on |lr·s| and on the result, hence γ_{n+2}.
 */
function forwardTolerance(d: number, absSum: number): number {
  return 2 * gammaK(d) * absSum;
}
function backwardTolerance(n: number, lrAbsSum: number, result: number): number {
  return 2 * gammaK(n + 2) * (lrAbsSum + Math.abs(result));
}

type Shape = readonly [n: number, d: number, m: number];

function fill(a: Float64Array, rng: ReturnType<typeof makeRng>): void {
  for (let i = 0; i < a.length; i++) a[i] = rng.normal();
}

/** Disagreements found: beyond the error-model bound, or off the documented summation order. */
interface Findings {
  readonly bound: string[];
  readonly order: string[];
}

/** Runs both products on one random instance of a shape and records every disagreement. */
function checkShape(k: WasmKernel, shape: Shape, seed: string, out: Findings): void {
  const [n, d, m] = shape;
  const rng = makeRng(seed);
  const X = new Float64Array(n * d);
  const W = new Float64Array(m * d);
  const C = new Float64Array(n * m);
  fill(X, rng);
  fill(W, rng);
  fill(C, rng);
  const lr = 0.37; // an arbitrary step: not a power of two, so lr·s rounds
  const where = `(n,d,m)=(${n},${d},${m}) seed ${seed}`;

  k.X.set(X);
  k.W.set(W);
  k.forward();
  const ref = plainForward(X, W, n, d, m);
  const lanes = laneOrderForward(X, W, n, d, m);
  for (let e = 0; e < n * m; e++) {
    const tol = forwardTolerance(d, ref.absSum[e]);
    if (!(Math.abs(k.Z[e] - ref.Z[e]) <= tol)) out.bound.push(`forward ${where} Z[${e}]=${k.Z[e]} plain ${ref.Z[e]} tol ${tol}`);
    if (!Object.is(k.Z[e], lanes[e])) out.order.push(`forward ${where} Z[${e}]=${k.Z[e]} lane order ${lanes[e]}`);
  }

  k.C.set(C);
  k.backwardUpdate(lr);
  const up = plainBackward(X, C, W, n, d, m, lr);
  for (let e = 0; e < m * d; e++) {
    const tol = backwardTolerance(n, up.absSum[e], up.W[e]);
    if (!(Math.abs(k.W[e] - up.W[e]) <= tol)) out.bound.push(`backward ${where} W[${e}]=${k.W[e]} plain ${up.W[e]} tol ${tol}`);
    if (!Object.is(k.W[e], up.W[e])) out.order.push(`backward ${where} W[${e}]=${k.W[e]} plain loop ${up.W[e]}`);
  }
  if (!k.X.every((v, e) => Object.is(v, X[e]))) out.bound.push(`X modified ${where}`);
  if (!k.C.every((v, e) => Object.is(v, C[e]))) out.bound.push(`C modified ${where}`);
}

/**
 * Hand-picked shapes hit every remainder path: n odd/even, m mod 4 ∈ {0,1,2,3}, d mod 4 ∈ {0,1,2,3}
 * (the backward column blocks are 4 wide, the forward pairs 2 wide), and the degenerate 1×1×1, d = 1.
 */
const fixedShapes: Shape[] = [
  [1, 1, 1], [1, 1, 5], [2, 1, 4], [3, 1, 3], [1, 2, 1], [2, 3, 4], [3, 5, 7], [4, 8, 8], [5, 6, 9],
  [7, 13, 11], [6, 7, 2], [1, 17, 4], [9, 33, 6], [2, 4, 1], [8, 10, 5], [11, 1, 10], [3, 2, 12],
];

/** Seeded random shapes (fixed seed: the unit test is deterministic), n, d, m in 1..24. */
function randomShapes(count: number): Shape[] {
  const rng = makeRng('wasm-kernel-shapes');
  const dim = () => 1 + Math.floor(rng.uniform() * 24);
  return Array.from({ length: count }, () => [dim(), dim(), dim()] as const);
}

function checkAll(module: WasmModule, shapes: readonly Shape[]): Findings {
  const k = createWasmKernel(1, 1, 1, { module });
  if (!k) throw new Error('kernel unavailable');
  const out: Findings = { bound: [], order: [] };
  for (const [idx, s] of shapes.entries()) {
    if (!k.resize(...s)) throw new Error(`resize to ${s.join('×')} refused`);
    checkShape(k, s, `shape-${idx}`, out);
  }
  return out;
}

describe('WebAssembly SIMD kernel', () => {
  let module: WasmModule;
  beforeAll(async () => {
    module = await compile(watText);
  });

  it('matches the plain loops within the error model, and the documented order bit for bit', () => {
    const found = checkAll(module, [...fixedShapes, ...randomShapes(40)]);
    expect(found.bound.slice(0, 10)).toEqual([]);
    expect(found.order.slice(0, 10)).toEqual([]);
  });

  it('keeps working across memory growth and shrinking shapes', () => {
    const k = createWasmKernel(1, 1, 1, { module });
    if (!k) throw new Error('kernel unavailable');
    const first = k.X.buffer.byteLength;
    const shapes: Shape[] = [[2, 3, 4], [60, 700, 9], [5, 5, 5], [130, 300, 3], [1, 1, 1]];
    const found: Findings = { bound: [], order: [] };
    for (const [idx, s] of shapes.entries()) {
      expect(k.resize(...s)).toBe(true);
      expect([k.n, k.d, k.m]).toEqual([...s]);
      expect([k.X.length, k.W.length, k.Z.length, k.C.length]).toEqual([s[0] * s[1], s[2] * s[1], s[0] * s[2], s[0] * s[2]]);
      checkShape(k, s, `grow-${idx}`, found);
    }
    expect([...found.bound, ...found.order].slice(0, 10)).toEqual([]);
    expect(k.X.buffer.byteLength).toBeGreaterThan(first); // 60×700 doubles need more than one 64 KiB page
  });

  it('detects planted bugs (a dropped remainder path)', async () => {
    // Each mutant disables one remainder path; the error-model bound alone (not only the bit-exact
    // order check) must expose every one of them on the fixed shapes.
    const mutants: [string, string, string][] = [
      ['forward drops the odd-d tail', '(if (local.get $odd)', '(if (i32.const 0)'],
      ['backward drops the column pair', '(if (i32.and (local.get $d) (i32.const 2))', '(if (i32.const 0)'],
      ['backward drops the last odd column', '(if (i32.and (local.get $d) (i32.const 1))', '(if (i32.const 0)'],
      ['forward drops the last odd row', '(if (i32.lt_u (local.get $i) (local.get $n))', '(if (i32.const 0)'],
    ];
    for (const [name, from, to] of mutants) {
      const text = watText.replace(from, to);
      expect(text, name).not.toBe(watText);
      const found = checkAll(await compile(text), fixedShapes);
      expect(found.bound.length, name).toBeGreaterThan(0);
    }
  });

  it('refuses bad dimensions and a non-finite step with InputError', () => {
    expect(() => createWasmKernel(0, 1, 1, { module })).toThrow(InputError);
    expect(() => createWasmKernel(1, 1.5, 1, { module })).toThrow(InputError);
    const k = createWasmKernel(2, 2, 2, { module });
    expect(() => k?.resize(2, 2, -1)).toThrow(InputError);
    expect(() => k?.backwardUpdate(Number.NaN)).toThrow(InputError);
  });

  it('returns false from resize, unchanged, when a shape exceeds 32-bit memory', () => {
    const k = createWasmKernel(2, 3, 4, { module });
    expect(k?.resize(100_000, 100_000, 1)).toBe(false); // 8·10¹⁰ bytes > 4 GiB
    expect([k?.n, k?.d, k?.m]).toEqual([2, 3, 4]);
  });

  it('loads the built binary, which is the current kernel.wat assembled (run `npm run build` if not)', async () => {
    expect(wasmKernelStatus()).toEqual({ available: true });
    const fresh = await assembleWat(watText);
    const built = readFileSync(kernelWasmPaths[0]!);
    expect(Buffer.compare(built, fresh), 'src/engines/wasm/kernel.wasm is stale: run `npm run build`').toBe(0);
    expect(createWasmKernel(3, 4, 5)).toBeDefined();
  });
});
