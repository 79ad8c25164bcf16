import { pathToFileURL } from 'node:url';
import type { Decimal } from 'decimal.js';
import { makeDecimalContext, type Arithmetic } from './context.js';
import { step } from './engine.js';
import { decimalConstructor } from './precision.js';
import { randomProblem } from './randomProblem.js';

/** Timings of one arithmetic at one precision, from {@link measureStepSpeed}. */
export interface StepSpeed {
  readonly arithmetic: Arithmetic;
  readonly digits: number;
  readonly shape: { readonly n: number; readonly d: number; readonly m: number };
  /** Median over the rounds of the wall-clock time of one GD step, in milliseconds. */
  readonly msPerStep: number;
  /**
   * Median over the rounds of (time of one step) / (time of one decimal.js `exp` at the same precision,
   * measured right before it): a cost in units of exp that stays meaningful when other processes
   * share the cores and slow both alike.
   */
  readonly stepInExps: number;
  /** Median wall-clock time of one decimal.js `exp` at `digits` digits, in milliseconds. */
  readonly expMs: number;
}

/** A margin-sized argument of the reference exp (its digits are arbitrary). */
const EXP_ARGUMENT = '-3.1234567890123456789012345678901234567890123456789';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Wall-clock cost of one GD step of the decimal engine (a measurement, never a test assertion), on a
 * random problem of the given shape: `rounds` rounds, each timing `expsPerRound` decimal.js exps and
 * then `stepsPerRound` steps, after one warm-up round.
 */
export function measureStepSpeed(
  arithmetic: Arithmetic,
  digits: number,
  shape = { n: 10, d: 20, m: 4 },
  rounds = 15,
  stepsPerRound = 3,
  expsPerRound = 10,
): StepSpeed {
  const ctx = makeDecimalContext(randomProblem({ ...shape, seed: 'speed' }), { digits, arithmetic });
  const D = decimalConstructor(digits);
  const u = new D(EXP_ARGUMENT);
  let W: readonly Decimal[] = ctx.W0;
  const stepMs: number[] = [];
  const expMs: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r <= rounds; r++) {
    let start = performance.now();
    for (let k = 0; k < expsPerRound; k++) D.exp(u);
    const e = (performance.now() - start) / expsPerRound;
    start = performance.now();
    for (let t = 0; t < stepsPerRound; t++) W = step(ctx, W);
    const s = (performance.now() - start) / stepsPerRound;
    if (r === 0) continue; // warm-up
    expMs.push(e);
    stepMs.push(s);
    ratios.push(s / e);
  }
  return { arithmetic, digits, shape, msPerStep: median(stepMs), stepInExps: median(ratios), expMs: median(expMs) };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const digits of [40, 50]) {
    for (const arithmetic of ['plain', 'fixed'] as const) {
      const s = measureStepSpeed(arithmetic, digits);
      console.log(
        `${arithmetic.padEnd(5)} ${digits} digits (n,d,m)=(${s.shape.n},${s.shape.d},${s.shape.m}): ` +
          `${s.msPerStep.toFixed(3)} ms/step, ${s.stepInExps.toFixed(1)} exps/step (exp ${s.expMs.toFixed(3)} ms)`,
      );
    }
  }
}
