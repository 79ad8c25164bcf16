/**
 * The engines on the square loss with real targets (docs/theory.md §11) against independent
 * implementations, on problems drawn from the run's global seed (never seen before the run): the float64
 * engine (every formulation and kernel) against a point-by-point float64 GD, the decimal engine against
 * an 80-digit one.
 */
import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Decimal } from 'decimal.js';
import { agreeingDigits, decimalConstructor, trainDecimalSquare } from '../src/engines/decimal/index.js';
import { squareDescent80 } from '../src/engines/decimal/_testing/squareDescent80.js';
import { trainFloat64 } from '../src/engines/float64/index.js';
import { squareDescent } from '../src/engines/float64/_testing/squareDescent.js';
import { squareProblemArb } from '../src/engines/float64/_testing/squareProblems.js';
import { relativeDistance } from '../src/engines/float64/_testing/support.js';
import { validateProblem } from '../src/problem/validate.js';
import { runs } from './_support/seed.js';

/**
 * Float64 engine against the independent float64 GD after {@link FLOAT64_STEPS} steps. Error model:
 * each implementation rounds every entry by about `(n + m + d)·u ≈ 2e-15` a step (n, m, d ≤ 8), and on
 * these problems (orthogonal or dense X of unit scale, `α ≤ 0.25`, init ≤ 0.8) GD contracts or grows
 * slowly, so the two drift apart at worst linearly: 300 · 2e-15 ≈ 6e-13, far below 1e-10.
 */
const FLOAT64_REL_TOL = 1e-10;
const FLOAT64_STEPS = 300;
/**
 * Decimal engine at 50 digits against the 80-digit reference after {@link DECIMAL_STEPS} steps: each step
 * rounds the state once to 50 digits (5·10^-51 relative), and 100 such roundings amplified like the float64
 * drift above stay below 10^-47; 40 digits leave 7 digits of room.
 */
const DECIMAL_MIN_DIGITS = 40;
const DECIMAL_STEPS = 100;

/** Problems where GD is stable over hundreds of steps: a step that cannot blow up, `α·max‖x‖²·(|a|² + ‖w‖²) < 2`. */
const stable = squareProblemArb({ n: [1, 6], d: [1, 8], m: [1, 5] }).map((f) => ({ ...f, init: { ...f.init!, scale: Math.min(f.init!.scale, 0.3) }, lr: Math.min(f.lr, 0.1) }));

describe('square loss: the engines against independent implementations', () => {
  test.prop([stable], { numRuns: runs(20) })(`float64 (primal, dual, wasm) within ${FLOAT64_REL_TOL} relative after ${FLOAT64_STEPS} steps`, (file) => {
    const p = validateProblem(file);
    const ref = squareDescent(p, FLOAT64_STEPS);
    for (const [formulation, kernel] of [['primal', 'js'], ['primal', 'auto'], ['dual', 'js']] as const) {
      const run = trainFloat64(p, { steps: FLOAT64_STEPS, formulation, kernel });
      expect(relativeDistance(run.W, ref.W), `${formulation}/${kernel} W`).toBeLessThanOrEqual(FLOAT64_REL_TOL);
      expect(relativeDistance(run.a ?? p.a, ref.a), `${formulation}/${kernel} a`).toBeLessThanOrEqual(FLOAT64_REL_TOL);
    }
  });

  test.prop([stable], { numRuns: runs(4) })(`decimal at 50 digits agrees with an 80-digit GD to ≥ ${DECIMAL_MIN_DIGITS} digits after ${DECIMAL_STEPS} steps`, (file) => {
    const p = validateProblem(file);
    const run = trainDecimalSquare(p, { steps: DECIMAL_STEPS, checkpoints: [DECIMAL_STEPS] });
    const ref = squareDescent80(p, DECIMAL_STEPS);
    const D = decimalConstructor(80);
    const asD = (v: readonly Decimal[]): Decimal[] => v.map((x) => new D(x));
    expect(agreeingDigits(asD(run.W), ref.W)).toBeGreaterThanOrEqual(DECIMAL_MIN_DIGITS);
    if (p.trainSecondLayer === true) expect(agreeingDigits(asD(run.a ?? []), ref.a)).toBeGreaterThanOrEqual(DECIMAL_MIN_DIGITS);
  });
});
