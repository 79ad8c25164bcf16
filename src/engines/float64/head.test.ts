import { describe, expect, it } from 'vitest';
import { NumericalError } from '../../errors.js';
import { thrown } from '../../_testing/refusal.js';
import { addCoefficients, computeMargins, computeResidualFactors, computeSampleFactors, secondLayerUpdate } from './head.js';

/** The NumericalError `f` throws; the test fails on any other outcome. */
function numericalError(f: () => unknown): NumericalError {
  const e = thrown(f);
  expect(e).toBeInstanceOf(NumericalError);
  return e as NumericalError;
}

/**
 * Two neurons, two samples, pre-activations m×n row-major `Z[j·n + i]`: one positive, one negative and
 * one exactly 0, with γ = 1/4 so that every φ and φ′ below is a dyadic rational and the sums are exact.
 */
const Z = Float64Array.of(2, -4, -2, 0);
const gamma = 0.25;

describe('computeMargins: q_i = y_i Σ_j a_j φ(z_ji)', () => {
  it('sums a_j φ(z_ji) over the neurons and multiplies by y_i, with φ(z) = γz for z ≤ 0', () => {
    // i = 0: 0.5·φ(2) − 0.25·φ(−2) = 1 + 0.125 = 1.125, times y_0 = −1.
    // i = 1: 0.5·φ(−4) − 0.25·φ(0) = −0.5 + 0, times y_1 = 2.
    const q = new Float64Array(2).fill(7);
    computeMargins(q, Z, Float64Array.of(0.5, -0.25), Float64Array.of(-1, 2), gamma, 2, 2, 0);
    expect(Array.from(q)).toEqual([-1.125, -1]);
  });

  it('names the first margin that is not finite, and the step of W', () => {
    const a = Float64Array.of(4);
    const y = Float64Array.of(1, 1);
    // 4 · 1e308 overflows: the margin itself is +Infinity.
    for (const [z, bad] of [[Float64Array.of(1e308, 1), 0], [Float64Array.of(1, 1e308), 1]] as const) {
      const e = numericalError(() => computeMargins(new Float64Array(2), z, a, y, 0.5, 1, 2, 7));
      expect(e.quantity).toBe('W at step 7');
      expect(e.message).toBe(`W at step 7: margin q[${bad}] = Infinity: the weights or their pre-activations left the float64 range`);
    }
  });

  it('refuses finite margins whose sum overflows, saying so', () => {
    const e = numericalError(() =>
      computeMargins(new Float64Array(2), Float64Array.of(1e308, 1e308), Float64Array.of(1), Float64Array.of(1, 1), 0.5, 1, 2, 3),
    );
    expect(e.quantity).toBe('W at step 3');
    expect(e.message).toBe('W at step 3: the margins are finite but their sum overflows (margins near 1e308)');
  });
});

describe("computeSampleFactors: g_i = scale · ℓ'(q_i) · y_i", () => {
  it("multiplies ℓ'(q_i) by the scale and by y_i", () => {
    // Logistic ℓ'(0) = −1/2 and exponential ℓ'(0) = −1, exactly.
    const g = new Float64Array(2);
    computeSampleFactors(g, Float64Array.of(0, 0), Float64Array.of(1, -2), 'logistic', -0.25, 2, 0);
    expect(Array.from(g)).toEqual([0.125, -0.25]);
    computeSampleFactors(g, Float64Array.of(0, 0), Float64Array.of(2, -1), 'exp', -0.25, 2, 0);
    expect(Array.from(g)).toEqual([0.5, -0.25]);
  });

  it("names the first sample whose ℓ' overflows, and the step of the W it would produce", () => {
    // ℓ'(−1000) = −e^{1000} = −Infinity for the exponential loss.
    for (const [q, bad] of [[Float64Array.of(-1000, 0), 0], [Float64Array.of(0, -1000), 1]] as const) {
      const e = numericalError(() => computeSampleFactors(new Float64Array(2), q, Float64Array.of(1, 1), 'exp', -0.5, 2, 4));
      expect(e.quantity).toBe('W at step 5');
      expect(e.message).toBe(`W at step 5: the update is not finite: ℓ'(q[${bad}]) = -Infinity at margin -1000 (exp loss)`);
    }
  });

  it('refuses finite factors whose sum overflows, saying so', () => {
    // scale · ℓ'(0) · 1 = 1e308 for each sample; two of them overflow.
    const e = numericalError(() => computeSampleFactors(new Float64Array(2), Float64Array.of(0, 0), Float64Array.of(1, 1), 'exp', -1e308, 2, 0));
    expect(e.quantity).toBe('W at step 1');
    expect(e.message).toBe('W at step 1: the per-sample update factors overflow when summed');
  });
});

describe('computeResidualFactors: g_i = scale · (f_i − y_i)', () => {
  it('scales the residuals', () => {
    const g = new Float64Array(2);
    computeResidualFactors(g, Float64Array.of(3, -1), Float64Array.of(1, 1), -0.5, 2, 0);
    expect(Array.from(g)).toEqual([-1, 1]);
  });

  it('refuses a residual that overflows, naming the step of the W it would produce', () => {
    // 1e308 − (−1e308) = 2e308 is beyond the float64 range.
    const e = numericalError(() => computeResidualFactors(new Float64Array(1), Float64Array.of(1e308), Float64Array.of(-1e308), -0.5, 1, 3));
    expect(e.quantity).toBe('W at step 4');
    expect(e.message).toBe('W at step 4: the square-loss update factors are not finite: the outputs left the float64 range');
  });
});

describe('secondLayerUpdate: da_j = Σ_i g_i φ(z_ji)', () => {
  it('sums g_i φ(z_ji) over the samples, with φ(z) = γz for z ≤ 0', () => {
    // j = 0: 0.5·φ(2) + 0.25·φ(−4) = 1 − 0.25; j = 1: 0.5·φ(−2) + 0.25·φ(0) = −0.25 + 0.
    const da = new Float64Array(2);
    secondLayerUpdate(da, Z, Float64Array.of(0.5, 0.25), gamma, 2, 2);
    expect(Array.from(da)).toEqual([0.75, -0.25]);
  });
});

describe("addCoefficients: target_ji += g_i a_j φ'(z_ji)", () => {
  it("adds into the target, with φ'(z) = 1 above 0 and γ at and below 0", () => {
    // j = 0 (a = 0.5): z = 2 adds 0.5·0.5, z = −4 adds 0.25·0.5γ.
    // j = 1 (a = −0.25): z = −2 adds 0.5·(−0.25γ), z = 0 adds 0.25·(−0.25γ).
    const target = Float64Array.of(1, 1, 1, 1);
    addCoefficients(target, Z, Float64Array.of(0.5, 0.25), Float64Array.of(0.5, -0.25), gamma, 2, 2);
    expect(Array.from(target)).toEqual([1.25, 1.03125, 0.96875, 0.984375]);
  });
});
