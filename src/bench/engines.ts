import { trainDecimal } from '../engines/decimal/index.js';
import { DualEngine, PrimalEngine, WasmPrimalEngine, type Float64Engine } from '../engines/float64/index.js';
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

/**
 * One float64 engine, built in `prepare` (so the dual form's one-off Gram matrix K = X Xᵀ and the
 * kernel's buffers are not timed) and stepped in `run`: the per-step cost the cost model compares.
 */
function float64(engine: string, make: (p: Problem) => Float64Engine | string): EngineCase {
  return {
    engine,
    prepare: async (p) => {
      const e = make(p);
      if (typeof e === 'string') return { unavailable: e };
      return {
        run: (steps) => {
          for (let s = 0; s < steps; s++) e.step();
        },
      };
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
  float64('primal-js', (p) => new PrimalEngine(p)),
  float64('primal-wasm', (p) => WasmPrimalEngine.create(p) ?? wasmKernelStatus().reason ?? 'the shape does not fit in 32-bit memory'),
  float64('dual', (p) => new DualEngine(p)),
  decimal,
];
