import { gradientCoefficients } from '../engines/wasm/coefficients.js';
import { createWasmKernel, wasmKernelStatus } from '../engines/wasm/kernel.js';
import type { Problem } from '../problem/types.js';
import { makePlainStepper } from './plainStep.js';

/** Runs `steps` GD steps of one engine on the problem it was prepared for (a returned promise is awaited). */
export type Runner = (steps: number) => unknown;

/** A runner, or why the engine cannot run here. */
export type Prepared = { readonly run: Runner } | { readonly unavailable: string };

/** One engine of the benchmark table. */
export interface EngineCase {
  /** Column key in row ids and the results file. */
  readonly engine: string;
  /** Builds a runner for the problem (setup time is not measured). */
  prepare(p: Problem): Promise<Prepared>;
}

/**
 * Loads an export of an engine module that may not exist yet. The specifier is a variable so the
 * compiler does not require the module: a missing engine gives a reason, not a build error.
 */
async function optionalExport(specifier: string, name: string): Promise<((...args: never[]) => unknown) | string> {
  try {
    const mod = (await import(specifier)) as Record<string, unknown>;
    const f = mod[name];
    return typeof f === 'function' ? (f as (...args: never[]) => unknown) : `${specifier} has no export ${name}`;
  } catch (err) {
    return `${specifier} not loadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  }
}

/** Plain TypeScript loops (the baseline the kernel is measured against). */
const tsLoops: EngineCase = {
  engine: 'ts-loops',
  prepare: async (p) => ({ run: makePlainStepper(p) }),
};

/** The WebAssembly SIMD kernel: forward, coefficients in TypeScript, fused backward update. */
const wasm: EngineCase = {
  engine: 'wasm',
  prepare: async (p) => {
    const k = createWasmKernel(p.n, p.d, p.m);
    if (!k) return { unavailable: wasmKernelStatus().reason ?? 'shape does not fit in 32-bit memory' };
    k.X.set(p.X);
    return {
      run: (steps) => {
        k.W.set(p.W0);
        for (let s = 0; s < steps; s++) {
          k.forward();
          gradientCoefficients(p, k.Z, k.C);
          k.backwardUpdate(p.lr);
        }
      },
    };
  },
};

/** `trainFloat64(problem, { steps, formulation })` from src/engines/float64/index.js, when it exists. */
function float64(formulation: 'primal' | 'dual'): EngineCase {
  return {
    engine: `float64-${formulation}`,
    prepare: async (p) => {
      const train = await optionalExport('../engines/float64/index.js', 'trainFloat64');
      if (typeof train === 'string') return { unavailable: train };
      const f = train as (problem: Problem, options: { steps: number; formulation: 'primal' | 'dual' }) => unknown;
      return { run: (steps) => f(p, { steps, formulation }) };
    },
  };
}

/** `trainDecimal(problem, { steps })` from src/engines/decimal/index.js, when it exists, at its default precision. */
const decimal: EngineCase = {
  engine: 'decimal',
  prepare: async (p) => {
    const train = await optionalExport('../engines/decimal/index.js', 'trainDecimal');
    if (typeof train === 'string') return { unavailable: train };
    const f = train as (problem: Problem, options: { steps: number }) => unknown;
    return { run: (steps) => f(p, { steps }) };
  },
};

/** Every engine row, in table order. */
export const engineCases: readonly EngineCase[] = [tsLoops, wasm, float64('primal'), float64('dual'), decimal];
