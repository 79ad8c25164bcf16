import { describe, expect, it } from 'vitest';
import { makeRng } from '../../data/rng.js';
import {
  align,
  alignDoubles,
  binaryParts,
  digitLength,
  dotAligned,
  dotMixed,
  scaledFromDouble,
  times,
  exactSum,
  exactSumUnbounded,
  roundedSum,
  roundScaled,
  roundToScaled,
  roundedSumScaled,
  roundWideSum,
  scaledFromDecimal,
  SPREAD_LIMIT,
  withinDecimalRange,
  type Scaled,
} from './fixedPoint.js';
import { NumericalError } from '../../errors.js';
import { thrown } from '../../_testing/refusal.js';
import { DECIMAL_EXPONENT_LIMIT } from './precision.js';
import { decimalConstructor } from './precision.js';

const D = decimalConstructor(25);

/**
 * Reference rounding, written independently of roundScaled: `num·10^exp / den` to `p` significant
 * digits, half to even, by searching the scale with exact BigInt comparisons. Returns "coefficient e exponent".
 */
function referenceRound(num: bigint, exp: number, den: bigint, p: number): string {
  if (num === 0n) return '0';
  const neg = num < 0n;
  const a = neg ? -num : num;
  // find s with 10^(p−1) ≤ a·10^exp·10^s / den < 10^p, i.e. the quotient scaled to p integer digits
  const value = (s: number): [bigint, bigint, bigint] => {
    const t = exp + s; // a·10^t / den
    const n = t >= 0 ? a * 10n ** BigInt(t) : a;
    const d = t >= 0 ? den : den * 10n ** BigInt(-t);
    return [n / d, n % d, d];
  };
  let s = p - (a.toString().length + exp - den.toString().length); // within ±1 of the answer
  while (value(s)[0] >= 10n ** BigInt(p)) s--;
  while (value(s)[0] < 10n ** BigInt(p - 1)) s++;
  const [q, r, d] = value(s);
  const twice = 2n * r;
  const up = twice > d || (twice === d && q % 2n === 1n);
  return `${neg ? '-' : ''}${up ? q + 1n : q}e${-s}`;
}

function randomCoef(rng: { uniform(): number }, digits: number): bigint {
  let s = String(1 + Math.floor(rng.uniform() * 9));
  for (let k = 1; k < digits; k++) s += String(Math.floor(rng.uniform() * 10));
  return BigInt(rng.uniform() < 0.5 ? `-${s}` : s);
}

describe('scaledFromDecimal', () => {
  it('reads a Decimal exactly, whatever its exponent and digit count', () => {
    const rng = makeRng('scaled-from-decimal');
    for (let r = 0; r < 500; r++) {
      const coef = randomCoef(rng, 1 + Math.floor(rng.uniform() * 60));
      const exp = Math.floor(rng.uniform() * 200) - 100;
      const s = scaledFromDecimal(new D(`${coef}e${exp}`));
      expect(new D(`${s.coef}e${s.exp}`).eq(new D(`${coef}e${exp}`))).toBe(true);
    }
    expect(scaledFromDecimal(new D(0))).toEqual({ coef: 0n, exp: 0 });
  });

  it('refuses NaN and ±Infinity with a NumericalError naming the quantity ("value" by default)', () => {
    const nan = thrown(() => scaledFromDecimal(new D(NaN)));
    expect(nan).toBeInstanceOf(NumericalError);
    expect((nan as NumericalError).quantity).toBe('value');
    expect((nan as NumericalError).message).toBe('value: non-finite decimal NaN');
    const inf = thrown(() => scaledFromDecimal(new D(-Infinity), 'W at step 4'));
    expect(inf).toBeInstanceOf(NumericalError);
    expect((inf as NumericalError).quantity).toBe('W at step 4');
    expect((inf as NumericalError).message).toBe('W at step 4: non-finite decimal -Infinity');
  });
});

describe('align and dotAligned', () => {
  it('aligns terms exactly SPREAD_LIMIT orders apart, and gives up one order beyond', () => {
    expect(align([{ coef: 1n, exp: 0 }, { coef: -3n, exp: SPREAD_LIMIT }])).toEqual({
      coefs: [1n, -3n * 10n ** BigInt(SPREAD_LIMIT)],
      exp: 0,
    });
    expect(align([{ coef: 1n, exp: 0 }, { coef: -3n, exp: SPREAD_LIMIT + 1 }])).toBeUndefined();
  });

  it('ignores the exponent of a zero entry: zero has no order of magnitude to span', () => {
    // the non-zero entries are 7 orders apart; the zero's exponent 10^4 orders away must not matter
    const xs: Scaled[] = [{ coef: 2n, exp: 7 }, { coef: 0n, exp: -10_000 }, { coef: 5n, exp: 0 }];
    expect(align(xs)).toEqual({ coefs: [20_000_000n, 0n, 5n], exp: 0 });
    expect(exactSum(xs)).toEqual({ coef: 20_000_005n, exp: 0 });
  });

  it('multiplies aligned vectors entry by entry, adding the exponents', () => {
    // (3·10^-2)(4·10^5) + (−2·10^-2)(7·10^5) + (5·10^-2)(−1·10^5) = (12 − 14 − 5)·10^3
    const u = { coefs: [3n, -2n, 5n], exp: -2 };
    const v = { coefs: [4n, 7n, -1n], exp: 5 };
    expect(dotAligned(u, v)).toEqual({ coef: -7n, exp: 3 });
    expect(dotAligned({ coefs: [9n], exp: 4 }, { coefs: [2n], exp: 6 })).toEqual({ coef: 18n, exp: 10 });
  });
});

describe('exactSumUnbounded', () => {
  it('is exact zero, {0, 0}, for no terms or only zero terms', () => {
    expect(exactSumUnbounded([])).toEqual({ coef: 0n, exp: 0 });
    expect(exactSumUnbounded([{ coef: 0n, exp: 3 }, { coef: 0n, exp: -8 }])).toEqual({ coef: 0n, exp: 0 });
  });

  it('puts the sum on the smallest exponent of its non-zero terms, whatever the zeros\' exponents', () => {
    // a zero at 10^-10^12 or 10^10^12 would need a coefficient of 10^12 digits if it set the scale
    const terms: Scaled[] = [{ coef: 0n, exp: -1e12 }, { coef: 3n, exp: 2 }, { coef: -1n, exp: 0 }, { coef: 0n, exp: 1e12 }];
    expect(exactSumUnbounded(terms)).toEqual({ coef: 299n, exp: 0 });
  });
});

describe('roundScaled', () => {
  it('agrees with an independent BigInt rounding, with and without a divisor, ties included', () => {
    const rng = makeRng('round-scaled');
    const failures: string[] = [];
    for (let r = 0; r < 2000; r++) {
      const divisor = BigInt([1, 1, 2, 3, 7, 10, 12, 1000][r % 8]!);
      let coef = randomCoef(rng, 1 + Math.floor(rng.uniform() * 60));
      // every fourth case: an exact tie at 25 digits (coefficient …5 followed by zeros, times the divisor)
      if (r % 4 === 0) coef = (BigInt(`${randomCoef(rng, 25)}`) * 10n + 5n) * 10n ** 3n * divisor;
      const exp = Math.floor(rng.uniform() * 80) - 40;
      const got = roundScaled({ coef, exp }, D, divisor);
      const want = new D(referenceRound(coef, exp, divisor, D.precision));
      if (!got.eq(want)) failures.push(`${coef}e${exp}/${divisor}: ${got} vs ${want}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('roundToScaled', () => {
  it('gives exact zero {0, 0} for a zero coefficient, whatever its exponent and divisor', () => {
    expect(roundToScaled({ coef: 0n, exp: 7 }, 5)).toEqual({ coef: 0n, exp: 0 });
    expect(roundToScaled({ coef: 0n, exp: -7 }, 5, 3n)).toEqual({ coef: 0n, exp: 0 });
  });

  it('returns a value that already fits in p digits unchanged when there is no divisor', () => {
    expect(roundToScaled({ coef: 5n, exp: 0 }, 10)).toEqual({ coef: 5n, exp: 0 });
    expect(roundToScaled({ coef: -123n, exp: -7 }, 3)).toEqual({ coef: -123n, exp: -7 });
  });

  it('rounds a quotient up when its digits look like a tie but the division left a remainder', () => {
    // 1751/7 = 250.142857…: to one digit the kept digits 2|50 look like a tie, but the value is above
    // 250, so it rounds up to 3·10^2 (half-even alone would keep the even 2)
    expect(roundToScaled({ coef: 1751n, exp: 0 }, 1, 7n)).toEqual({ coef: 3n, exp: 2 });
    expect(roundToScaled({ coef: -1751n, exp: 0 }, 1, 7n)).toEqual({ coef: -3n, exp: 2 });
    // 1750/7 = 250 exactly: a true tie, to the even 2·10^2
    expect(roundToScaled({ coef: 1750n, exp: 0 }, 1, 7n)).toEqual({ coef: 2n, exp: 2 });
  });
});

describe('roundedSum', () => {
  it('is the correctly rounded exact sum', () => {
    const rng = makeRng('rounded-sum');
    for (let r = 0; r < 300; r++) {
      const terms: Scaled[] = Array.from({ length: 1 + (r % 7) }, () => ({
        coef: randomCoef(rng, 1 + Math.floor(rng.uniform() * 40)),
        exp: Math.floor(rng.uniform() * 100) - 50,
      }));
      const exact = exactSum(terms)!;
      expect(roundedSum(terms, D, 3n).eq(new D(referenceRound(exact.coef, exact.exp, 3n, D.precision)))).toBe(true);
    }
  });

  it(`rounds sums wider than ${SPREAD_LIMIT} orders exactly without aligning them`, () => {
    const huge = SPREAD_LIMIT + 1000; // orders between the large and the tiny terms
    const tieCoef = 12345n * 10n ** 21n + 5n; // 26 digits ending in 5: a tie at 25 digits
    const tie: Scaled = { coef: tieCoef, exp: -4 };
    const cases: { name: string; terms: Scaled[]; divisor: bigint }[] = [
      { name: 'tie pushed up by a tiny positive term', terms: [tie, { coef: 1n, exp: -huge }], divisor: 1n },
      { name: 'tie pushed down by a tiny negative term', terms: [tie, { coef: -1n, exp: -huge }], divisor: 1n },
      { name: 'tie, tiny terms cancelling exactly', terms: [tie, { coef: 3n, exp: -huge }, { coef: -3n, exp: -huge }], divisor: 1n },
      { name: 'large terms cancelling, tiny terms decide', terms: [{ coef: 7n, exp: huge }, { coef: -7n, exp: huge }, { coef: 123n, exp: -2 }, { coef: 4n, exp: -huge }], divisor: 1n },
      { name: 'three layers of magnitude', terms: [{ coef: 1n, exp: huge }, { coef: 1n, exp: 0 }, { coef: -1n, exp: -huge }], divisor: 7n },
      { name: 'mean of a wide sum at a tie', terms: [{ coef: tieCoef * 6n, exp: 0 }, { coef: -1n, exp: -huge }], divisor: 6n },
    ];
    for (const c of cases) {
      const exact = exactSumUnbounded(c.terms); // feasible here, just slow in general
      const want = new D(referenceRound(exact.coef, exact.exp, c.divisor, D.precision));
      expect(exactSum(c.terms)).toBeUndefined();
      expect(roundedSum(c.terms, D, c.divisor).eq(want), c.name).toBe(true);
      expect(roundScaled(roundWideSum(c.terms, D.precision, c.divisor), D).eq(want), c.name).toBe(true);
    }
  });

  it('keeps a tail that could cross a midpoint when splitting a wide sum', () => {
    // 1 − 9·0.00009 = 0.99919, which is 0.999 to 3 digits. The nine small terms together (0.00081)
    // reach past the midpoint 0.9995 below 1, so they cannot be reduced to their sign.
    const terms: Scaled[] = [{ coef: 1n, exp: 0 }, ...Array.from({ length: 9 }, () => ({ coef: -9n, exp: -5 }))];
    expect(roundWideSum(terms, 3)).toEqual({ coef: 999n, exp: -3 });
    expect(roundedSumScaled(terms, 3)).toEqual({ coef: 999n, exp: -3 });
  });

  it('rounds a tie to even when the tiny terms of a wide sum cancel exactly', () => {
    const huge = SPREAD_LIMIT + 1000;
    // 26 digits ending in 15: a tie at 25 digits whose kept last digit 1 is odd, so half-even rounds up
    const tie: Scaled = { coef: 12345n * 10n ** 21n + 15n, exp: -4 };
    const want: Scaled = { coef: 12345n * 10n ** 20n + 2n, exp: -3 };
    const terms: Scaled[] = [tie, { coef: 3n, exp: -huge }, { coef: -3n, exp: -huge }];
    expect(roundWideSum(terms, 25)).toEqual(want);
    expect(roundedSumScaled(terms, 25)).toEqual(want);
  });

  it('agrees with the aligned path on random sums of mixed magnitudes', () => {
    const rng = makeRng('wide-sum');
    for (let r = 0; r < 200; r++) {
      const terms: Scaled[] = Array.from({ length: 2 + (r % 6) }, () => ({
        coef: randomCoef(rng, 1 + Math.floor(rng.uniform() * 30)),
        exp: [0, -30, -60, 200, -400][Math.floor(rng.uniform() * 5)]!,
      }));
      expect(roundScaled(roundWideSum(terms, D.precision, 5n), D).eq(roundedSum(terms, D, 5n))).toBe(true);
    }
  });
});

describe('digitLength', () => {
  it('counts decimal digits exactly, at and around every power of ten up to 10^400', () => {
    for (let k = 0; k <= 400; k++) {
      const p = 10n ** BigInt(k);
      expect(digitLength(p)).toBe(k + 1);
      expect(digitLength(-p)).toBe(k + 1);
      if (k > 0) expect(digitLength(p - 1n)).toBe(k);
      expect(digitLength(p + 1n)).toBe(k + 1);
      expect(digitLength(2n ** BigInt(k) * 3n)).toBe((2n ** BigInt(k) * 3n).toString().length);
    }
  });
});

describe('binary-scaled doubles', () => {
  it('reads a double exactly as m·2^e, subnormals and signs included', () => {
    for (const x of [1, -1, 0.1, -3.75, 2 ** -1074, -(2 ** -1074), 2 ** -1022 * 1.5, Number.MAX_VALUE, 123456789.123]) {
      const { m, e } = binaryParts(x);
      expect(Number(m) * 2 ** e).toBe(x);
      expect(m % 2n !== 0n).toBe(true);
    }
    expect(binaryParts(0)).toEqual({ m: 0n, e: 0 });
  });

  it('scales a row by its smallest non-zero binary exponent, so a zero does not widen the coefficients', () => {
    // 2^1000 and 3·2^1001 need 1 and 3 bits above 2^1000; a zero (m = 0, e = 0) must not pull the scale to 2^0
    expect(alignDoubles([0, 2 ** 1000, 3 * 2 ** 1001])).toEqual({ coefs: [0n, 1n, 6n], exp2: 1000 });
    expect(alignDoubles([0, -0])).toEqual({ coefs: [0n, 0n], exp2: 0 });
  });

  it('gives exactly the decimal dot product, from 1e-300 to 1e300 and with zeros', () => {
    const rng = makeRng('dot-mixed');
    for (let trial = 0; trial < 200; trial++) {
      const len = 1 + Math.floor(rng.uniform() * 8);
      const scale = 10 ** Math.floor(rng.uniform() * 600 - 300);
      const xs = Array.from({ length: len }, () => (rng.uniform() < 0.1 ? 0 : rng.normal() * scale * 10 ** Math.floor(rng.uniform() * 6)));
      const ws = Array.from({ length: len }, () => ({ coef: randomCoef(rng, 1 + Math.floor(rng.uniform() * 45)), exp: Math.floor(rng.uniform() * 80) - 60 }));
      const u = align(ws)!;
      const exact = exactSum(ws.map((w, k) => times(w, scaledFromDouble(xs[k]!))))!;
      const mixed = dotMixed(u, alignDoubles(xs));
      // Equal as numbers: bring both to the smaller exponent.
      const lo = Math.min(exact.exp, mixed.exp);
      expect(mixed.coef * 10n ** BigInt(mixed.exp - lo)).toBe(exact.coef * 10n ** BigInt(exact.exp - lo));
    }
  });
});

describe('withinDecimalRange', () => {
  it("applies decimal.js's range: 0 below 10^-9e15, an error above 10^9e15", () => {
    const L = DECIMAL_EXPONENT_LIMIT;
    expect(withinDecimalRange({ coef: 5n, exp: -L - 1 }, 'w')).toEqual({ coef: 0n, exp: 0 });
    expect(withinDecimalRange({ coef: 5n, exp: -L }, 'w')).toEqual({ coef: 5n, exp: -L });
    expect(withinDecimalRange({ coef: 123n, exp: -L - 2 }, 'w')).toEqual({ coef: 123n, exp: -L - 2 }); // leading digit at 10^-9e15
    expect(withinDecimalRange({ coef: 12n, exp: L - 1 }, 'w')).toEqual({ coef: 12n, exp: L - 1 });
    const e = thrown(() => withinDecimalRange({ coef: 12n, exp: L }, 'W at step 9'));
    expect(e).toBeInstanceOf(NumericalError);
    expect((e as NumericalError).quantity).toBe('W at step 9');
    // 12·10^9e15 has its leading digit at 10^(9e15 + 1)
    expect((e as NumericalError).message).toBe("W at step 9: beyond decimal.js's range (10^9000000000000001)");
    // zero is in range whatever exponent it carries
    expect(withinDecimalRange({ coef: 0n, exp: L + 5 }, 'w').coef).toBe(0n);
    const D = decimalConstructor(20);
    expect(new D(`5e${-L - 1}`).isZero()).toBe(true); // what decimal.js does, for comparison
    expect(new D(`12e${L}`).isFinite()).toBe(false);
  });
});
