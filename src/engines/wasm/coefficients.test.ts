import { describe, expect, it } from 'vitest';
import { makeRng } from '../../data/rng.js';
import { NumericalError } from '../../errors.js';
import { balancedSecondLayer } from '../../problem/init.js';
import type { LossName } from '../../problem/types.js';
import { coefficientRoundings, gammaK, lossDerivativeRoundings, unitRoundoff } from '../errorModel.js';
import { gradientCoefficients, type CoefficientInputs } from './coefficients.js';

/** THEORY §1 written out independently: φ(z) = max(z, γz), ℓ' from its definition, C = (1/n)ℓ'(q)·y·a·φ'(z). */
function reference(p: CoefficientInputs, Z: Float64Array) {
  const { n, m, y, a, gamma } = p;
  const C = new Float64Array(n * m);
  const qAbs = new Float64Array(n);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let j = 0; j < m; j++) {
      const phi = Math.max(Z[i * m + j], gamma * Z[i * m + j]);
      f += a[j] * phi;
      qAbs[i] += Math.abs(a[j] * phi);
    }
    const q = y[i] * f;
    // Logistic: ℓ'(q) = −e^{−q}/(1 + e^{−q}), rewritten for q < 0 so that nothing overflows.
    const dl = p.loss === 'exp' ? -Math.exp(-q) : q >= 0 ? -Math.exp(-q) / (1 + Math.exp(-q)) : -1 / (1 + Math.exp(q));
    loss += p.loss === 'exp' ? Math.exp(-q) : Math.log1p(Math.exp(-q));
    for (let j = 0; j < m; j++) C[i * m + j] = (dl * y[i] * a[j] * (Z[i * m + j] > 0 ? 1 : gamma)) / n;
  }
  return { C, qAbs, loss: loss / n };
}

/**
 * Relative tolerance on C[i,·] and ℓ(q_i), both sides erring: q errs by ≤ γ_{m+2}·Σ_j|a_j φ(z_ij)| (an
 * m-term sum of products, then y), which moves ℓ and ℓ' by a relative e^{Δq} − 1 (|ℓ''/ℓ'|, |ℓ'/ℓ| ≤ 1);
 * then the roundings of ℓ' and of the coefficient products (errorModel.ts counts).
 */
function relativeTolerance(m: number, qAbs: number): number {
  return 2 * (Math.expm1(gammaK(m + 2) * qAbs) + (lossDerivativeRoundings + coefficientRoundings) * unitRoundoff);
}

function instance(n: number, m: number, loss: LossName, scale: number, seed: string) {
  const rng = makeRng(seed);
  const y = Float64Array.from({ length: n }, () => (rng.uniform() < 0.5 ? -1 : 1));
  const Z = Float64Array.from({ length: n * m }, () => scale * rng.normal());
  const p: CoefficientInputs = { n, m, y, a: balancedSecondLayer(m), gamma: 0.3, loss };
  return { p, Z };
}

describe('gradientCoefficients', () => {
  it('agrees with THEORY §1 written out, within the error model', () => {
    for (const loss of ['exp', 'logistic'] as const) {
      for (const [n, m, scale] of [[1, 1, 1], [7, 5, 2], [13, 8, 20]] as const) {
        const { p, Z } = instance(n, m, loss, scale, `coef-${loss}-${n}-${m}`);
        const C = new Float64Array(n * m);
        const L = gradientCoefficients(p, Z, C);
        const ref = reference(p, Z);
        let worstRel = 0;
        for (let i = 0; i < n; i++) {
          const rel = relativeTolerance(m, ref.qAbs[i]);
          worstRel = Math.max(worstRel, rel);
          for (let j = 0; j < m; j++) {
            const e = i * m + j;
            expect(Math.abs(C[e] - ref.C[e])).toBeLessThanOrEqual(rel * Math.abs(ref.C[e]));
          }
        }
        // The loss: n non-negative terms, each within worstRel, summed with γ_n on each side.
        expect(Math.abs(L - ref.loss)).toBeLessThanOrEqual((worstRel + 2 * gammaK(n)) * ref.loss);
      }
    }
  });

  it('takes φ′(0) = γ at an exact zero pre-activation (THEORY §1 convention)', () => {
    const p: CoefficientInputs = { n: 1, m: 2, y: Float64Array.of(1), a: Float64Array.of(1, -1), gamma: 0.25, loss: 'exp' };
    const C = new Float64Array(2);
    gradientCoefficients(p, Float64Array.of(0, 0), C);
    expect([...C]).toEqual([-0.25, 0.25]); // q = 0: ℓ'(0) = −1
  });

  it('throws NumericalError instead of returning non-finite coefficients', () => {
    const p: CoefficientInputs = { n: 1, m: 1, y: Float64Array.of(-1), a: Float64Array.of(1), gamma: 0.5, loss: 'exp' };
    const C = new Float64Array(1);
    expect(() => gradientCoefficients(p, Float64Array.of(800), C)).toThrow(NumericalError); // e^{800} overflows
    expect(() => gradientCoefficients(p, Float64Array.of(Number.NaN), C)).toThrow(NumericalError);
    // The logistic derivative saturates at −1 instead of overflowing.
    expect(gradientCoefficients({ ...p, loss: 'logistic' }, Float64Array.of(800), C)).toBe(800); // log(1 + e^{800}) = 800 + log1p(e^{−800}), exactly 800 in float64
    expect(C[0]).toBe(1); // (1/1)·(−1)·y·a·φ' = (−1)(−1)(1)(1)
  });
});
