import { trainDecimal } from '../engines/decimal/index.js';
import { trainFloat64 } from '../engines/float64/index.js';
import { wasmKernelStatus } from '../engines/wasm/kernel.js';
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

/** Plain TypeScript loops, one dot product at a time (what tiling and SIMD buy over the simplest code). */
const tsLoops: EngineCase = {
  engine: 'ts-loops',
  prepare: async (p) => ({ run: makePlainStepper(p) }),
};

/** `trainFloat64` in one formulation and, for the primal form, on one kernel. */
function float64(engine: string, formulation: 'primal' | 'dual', kernel: 'wasm' | 'js'): EngineCase {
  return {
    engine,
    prepare: async (p) => {
      if (kernel === 'wasm' && !wasmKernelStatus().available) return { unavailable: wasmKernelStatus().reason ?? 'no WebAssembly SIMD' };
      return { run: (steps) => trainFloat64(p, { steps, formulation, kernel, checkpoints: [steps] }) };
    },
  };
}

/** `trainDecimal(problem, { steps })` at its default precision (50 digits). */
const decimal: EngineCase = {
  engine: 'decimal',
  prepare: async (p) => ({ run: (steps) => trainDecimal(p, { steps, checkpoints: [steps] }) }),
};

/** Every engine row, in table order. */
export const engineCases: readonly EngineCase[] = [
  tsLoops,
  float64('primal-js', 'primal', 'js'),
  float64('primal-wasm', 'primal', 'wasm'),
  float64('dual', 'dual', 'js'),
  decimal,
];
