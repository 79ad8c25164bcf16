import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expFixedPoint, expRounded, FAST_EXP_LIMIT } from './exp.js';
import { decimalConstructor } from './precision.js';
import { samples } from '../../_testing/samples.js';

/** A decimal string of up to `digits` significant digits in (−limit, limit). */
const argument = (digits: number, limit: number) =>
  fc
    .tuple(fc.bigInt({ min: -(10n ** BigInt(digits)) + 1n, max: 10n ** BigInt(digits) - 1n }), fc.integer({ min: 0, max: digits + 30 }))
    .map(([c, shift]) => `${c}e-${shift}`)
    .filter((s) => Math.abs(Number(s)) < limit);

describe('expRounded: decimal.js exp, correctly rounded, in BigInt fixed point', () => {
  it('equals decimal.js exp digit for digit at 10 to 90 digits over |u| < the fast limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 90 }).chain((P) => fc.tuple(fc.constant(P), argument(P + 10, FAST_EXP_LIMIT))), ([P, s]) => {
        const D = decimalConstructor(P);
        const u = new D(s);
        expect(expRounded(u, D).toString()).toBe(D.exp(u).toString());
      }),
      { numRuns: samples(3000, 300) },
    );
  });

  it('equals decimal.js on margins a GD run meets: |u| up to 60 at 40 and 50 digits with guard digits', () => {
    for (const P of [40, 50]) {
      fc.assert(
        fc.property(argument(P + 10, 60), (s) => {
          const D = decimalConstructor(P);
          const G = decimalConstructor(P + 10);
          const u = new G(s);
          expect(expRounded(u, D).toString()).toBe(D.exp(u).toString());
        }),
        { numRuns: samples(2000, 200) },
      );
    }
  });

  it('takes the fixed-point path on all but a vanishing fraction of random margins', () => {
    const D = decimalConstructor(40);
    const G = decimalConstructor(50);
    // Uniformly random 50-digit margins in (−60, 60): a deferral needs e^u within ~10⁻²⁰ ulp of a midpoint.
    const margins = fc.sample(fc.noBias(fc.bigInt({ min: -(6n * 10n ** 50n), max: 6n * 10n ** 50n })), { seed: 11, numRuns: samples(2000, 200) });
    const deferred = margins.filter((c) => c !== 0n && expFixedPoint(new G(`${c}e-49`), D) === null);
    expect(deferred).toEqual([]);
  });

  it("defers where Ziv's test cannot decide: e^{−10⁻²⁰+…} at 40 digits lies 10⁻²¹ ulp from a midpoint", () => {
    // e^{−x} = 1 − x + x²/2 − …: with x ≈ 10⁻²⁰ the term x²/2 = 5·10⁻⁴¹ is half a unit of the 40th digit.
    const D = decimalConstructor(40);
    const u = new D('-99999999999999999999999999999999999999999999999982e-70');
    expect(expFixedPoint(u, D)).toBeNull();
    expect(expRounded(u, D).toString()).toBe(D.exp(u).toString());
  });

  it('defers to decimal.js at 0, beyond the fast limit and for non-finite input', () => {
    const D = decimalConstructor(30);
    for (const s of ['0', '-0', '1e5', '-123456.5', '2e16', '-2e16', 'Infinity', '-Infinity', 'NaN']) {
      expect(expRounded(new D(s), D).toString()).toBe(D.exp(new D(s)).toString());
    }
  });

  it('is right next to powers of ten and at tiny arguments', () => {
    const D = decimalConstructor(40);
    for (const s of ['2.302585092994045684017991454684364207601', '-2.302585092994045684017991454684364207601', '1e-60', '-1e-60', '1e-41', '4.6051701859880913680359829093687284152022']) {
      expect(expRounded(new D(s), D).toString()).toBe(D.exp(new D(s)).toString());
    }
  });

  it('takes the fixed-point path up to |u| = FAST_EXP_LIMIT inclusive, and defers just beyond and at 0', () => {
    const D = decimalConstructor(30);
    for (const s of [String(FAST_EXP_LIMIT), String(-FAST_EXP_LIMIT), '1e-40']) {
      const fast = expFixedPoint(new D(s), D);
      expect(fast?.toString(), s).toBe(D.exp(new D(s)).toString());
    }
    for (const s of [`${FAST_EXP_LIMIT}.000001`, `-${FAST_EXP_LIMIT}.000001`, '0', 'Infinity', '-Infinity', 'NaN']) {
      expect(expFixedPoint(new D(s), D), s).toBeNull();
    }
  });

  it('takes the fixed-point path next to powers of ten where the double estimate of the exponent is one off', () => {
    const D = decimalConstructor(40);
    const H = decimalConstructor(80);
    // ln 10 = 2.30258509299404568401799145468436420760110…: rounded up to 40 digits and negated, e^u is
    // just below 1/10 (exponent −2) while u/ln 10 in doubles is −1. ln 1000 = 6.90775527898213705205397436405309262280330…:
    // rounded up, e^u is just above 1000 (exponent 3) while u/ln 10 in doubles is just below 3.
    for (const s of ['2.302585092994045684017991454684364207601', '-2.302585092994045684017991454684364207602', '6.907755278982137052053974364053092622804']) {
      const u = new D(s);
      expect(expFixedPoint(u, D)?.toString(), s).toBe(D.exp(u).toString());
    }
    // e^u = 1000·(1 + 0.7·10^−40): its 40-digit rounding is 1000, though 1000·(1 + 10^−40)'s 41st digit rounds up.
    const u = H.ln(1000).plus('7e-41').toSignificantDigits(60);
    expect(Math.floor(u.toNumber() / Math.LN10)).toBe(2);
    expect(expFixedPoint(new D(u), D)?.toString()).toBe('1000');
  });

  it('decides without decimal.js when e^u lies 10⁻¹⁵ ulp from a midpoint, far outside the 10⁻²⁰ ulp error bound', () => {
    // x = 10⁻²⁰ − 10⁻⁵⁵: e^{−x} = 1 − 10⁻²⁰ + 5·10⁻⁴¹ + (10⁻⁵⁵ − 10⁻⁷⁵ − x³/6 + …): 1 − 10⁻²⁰ is on the
    // 40-digit grid, 5·10⁻⁴¹ is half its unit 10⁻⁴⁰, and the rest, about 10⁻⁵⁵, is 10⁻¹⁵ of that unit.
    const D = decimalConstructor(40);
    const u = new D('-99999999999999999999999999999999999e-55');
    expect(expFixedPoint(u, D)?.toString()).toBe('0.9999999999999999999900000000000000000001');
    expect(D.exp(u).toString()).toBe('0.9999999999999999999900000000000000000001');
  });
});

