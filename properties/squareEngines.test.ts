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
import { validateProblem } from '../src/problem/validate.js';
import { runs } from './_support/seed.js';

/**
 * Float64 engine against the independent float64 GD after {@link FLOAT64_STEPS} steps, relative to the
 * largest magnitude of the run (the start included). Error model: each implementation rounds every entry
 * by about `(n + m + d)·u ≈ 2e-15` of that magnitude a step (n, m, d ≤ 8), and on these problems
 * (`α ≤ 0.1`, init ≤ 0.3) the two drift apart at worst linearly: 300 · 2e-15 ≈ 6e-13, far below 1e-10.
 * One direction is neutral: GD with ReLU nearly preserves each neuron's balance `a_j² − ‖w_j‖²`, so a
 * rounding error of size `u·s²` there (s the start's scale) stays, and when the neuron decays to size f it
 * moves a_j and w_j by `u·s²/f`, i.e. `u·s·κ` on the run's scale with `κ = s/f`. The tolerance is
 * therefore `1e-10·max(1, max_j κ_j)`, κ_j = start/end of neuron j (measured: a neuron decaying from 4.6e-2 to 2.2e-8, κ = 2e6, agreed to
 * 1.8e-10 of its start in the dual form, whose `W = W(0) + A X` also cancels there).
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
/** `max |x − ref| / max(|ref|, |W(0)|, |a(0)|)`: the distance relative to the run's scale (see above). */
function runDistance(x: Float64Array, ref: Float64Array, start: readonly Float64Array[]): number {
  let diff = 0;
  let scale = 0;
  for (let k = 0; k < x.length; k++) {
    diff = Math.max(diff, Math.abs(x[k]! - ref[k]!));
    scale = Math.max(scale, Math.abs(ref[k]!));
  }
  for (const v of start) for (const e of v) scale = Math.max(scale, Math.abs(e));
  return scale === 0 ? diff : diff / scale;
}

const stable = squareProblemArb({ n: [1, 6], d: [1, 8], m: [1, 5] }).map((f) => ({ ...f, init: { ...f.init!, scale: Math.min(f.init!.scale, 0.3) }, lr: Math.min(f.lr, 0.1) }));

describe('square loss: the engines against independent implementations', () => {
  test.prop([stable], { numRuns: runs(20) })(`float64 (primal, dual, wasm) within ${FLOAT64_REL_TOL} relative after ${FLOAT64_STEPS} steps`, (file) => {
    const p = validateProblem(file);
    const ref = squareDescent(p, FLOAT64_STEPS);
    // κ per neuron: its start over its end (a neuron that decays carries its balance error along).
    let kappa = 1;
    for (let j = 0; j < p.m; j++) {
      let start = Math.abs(p.a[j]!);
      let end = Math.abs(ref.a[j]!);
      for (let k = 0; k < p.d; k++) {
        start = Math.max(start, Math.abs(p.W0[j * p.d + k]!));
        end = Math.max(end, Math.abs(ref.W[j * p.d + k]!));
      }
      if (end > 0) kappa = Math.max(kappa, start / end);
    }
    const tol = FLOAT64_REL_TOL * kappa;
    for (const [formulation, kernel] of [['primal', 'js'], ['primal', 'auto'], ['dual', 'js']] as const) {
      const run = trainFloat64(p, { steps: FLOAT64_STEPS, formulation, kernel });
      expect(runDistance(run.W, ref.W, [p.W0, p.a]), `${formulation}/${kernel} W`).toBeLessThanOrEqual(tol);
      expect(runDistance(run.a ?? p.a, ref.a, [p.W0, p.a]), `${formulation}/${kernel} a`).toBeLessThanOrEqual(tol);
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
